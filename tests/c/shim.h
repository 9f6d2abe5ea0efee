// shim.h: small C++ helpers for the GoogleTest tests of the framelens C core.
// SPDX-License-Identifier: MIT
//
// Including this from C++ also proves that framelens.h compiles as C++ (STYLE.md point 4).
// Typical use:
//
//     fl_test::Lexicon lex(R"({"terms": [{"term": "coup", "category": "c"}]})");
//     ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
//     fl_test::Result res;
//     ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
//     for (const fl_match &m : res.matches()) { ... fl_test::slice(text, m.start, m.end) ... }
//
// Also here: surfaces() (the text of each token, sentence or match), fold() (fl_fold through
// its needed-size protocol), term_text(), dump() (every field of a result, to compare two
// analyses) and FailingAllocator (allocation-failure sweeps).
#ifndef FRAMELENS_TESTS_SHIM_H
#define FRAMELENS_TESTS_SHIM_H

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "framelens.h"

// GoogleTest prints an fl_status by name ("out of memory (-1)") instead of a bare number. It
// must live in the namespace of fl_status (the global one) for GoogleTest to find it.
inline void PrintTo(const fl_status &status, std::ostream *os) {
    *os << fl_status_str(status) << " (" << static_cast<int>(status) << ")";
}

namespace fl_test {

// A lexicon loaded from JSON text. Owns the handle; keeps the status and error of the load.
class Lexicon {
  public:
    explicit Lexicon(const std::string &json, const char *source = nullptr,
                     const fl_allocator *alloc = nullptr) {
        status_ = fl_lexicon_load_json(json.data(), json.size(), source, alloc, &lex_, &err_);
    }
    ~Lexicon() { fl_lexicon_free(lex_); }
    Lexicon(const Lexicon &) = delete;
    Lexicon &operator=(const Lexicon &) = delete;

    fl_status status() const { return status_; }
    const fl_error &error() const { return err_; }
    // NULL when the load failed.
    const fl_lexicon *get() const { return lex_; }
    operator const fl_lexicon *() const { return lex_; }

  private:
    fl_lexicon *lex_ = nullptr;
    fl_status status_ = FL_ERR_ARG;
    fl_error err_{};
};

// An fl_result. Owns the handle; keeps the status of creation and the error of the last
// analyze(). The vectors returned are copies, so they outlive the next analysis.
class Result {
  public:
    explicit Result(const fl_allocator *alloc = nullptr) { status_ = fl_result_new(alloc, &res_); }
    ~Result() { fl_result_free(res_); }
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;

    // Status of fl_result_new(); the handle is NULL unless it is FL_OK.
    fl_status status() const { return status_; }
    fl_result *get() const { return res_; }
    operator fl_result *() const { return res_; }

    fl_status analyze(const fl_lexicon *lex, const std::string &text) {
        return analyze(lex, text.data(), text.size());
    }
    // For texts that are not a std::string (a buffer without a NUL after it, or NULL).
    fl_status analyze(const fl_lexicon *lex, const char *text, size_t len) {
        err_ = fl_error{};
        return fl_analyze(lex, text, len, res_, &err_);
    }
    const fl_error &error() const { return err_; }

    std::vector<fl_token> tokens() const {
        size_t n = 0;
        const fl_token *p = fl_result_tokens(res_, &n);
        return std::vector<fl_token>(p, p + n);
    }
    std::vector<fl_sentence> sentences() const {
        size_t n = 0;
        const fl_sentence *p = fl_result_sentences(res_, &n);
        return std::vector<fl_sentence>(p, p + n);
    }
    std::vector<fl_match> matches() const {
        size_t n = 0;
        const fl_match *p = fl_result_matches(res_, &n);
        return std::vector<fl_match>(p, p + n);
    }
    std::vector<fl_attribution> attributions() const {
        size_t n = 0;
        const fl_attribution *p = fl_result_attributions(res_, &n);
        return std::vector<fl_attribution>(p, p + n);
    }
    std::vector<fl_actor_mention> mentions() const {
        size_t n = 0;
        const fl_actor_mention *p = fl_result_actor_mentions(res_, &n);
        return std::vector<fl_actor_mention>(p, p + n);
    }

  private:
    fl_result *res_ = nullptr;
    fl_status status_ = FL_ERR_ARG;
    fl_error err_{};
};

// Random texts of words from a list, for the tests that hold a fast path to its first
// definition on many texts: a seeded linear congruential generator (Knuth's MMIX constants),
// so that every run on every platform makes the same texts.
class WordTexts {
  public:
    template <size_t N>
    WordTexts(const char *const (&words)[N], uint64_t seed)
        : words_(words), n_words_(N), state_(seed) {}

    // A number below n.
    size_t next(size_t n) {
        state_ = state_ * 6364136223846793005u + 1442695040888963407u;
        return static_cast<size_t>((state_ >> 33) % n);
    }

    // min_words + next(more) words, each after the first glued to the one before it (no
    // space) one time in `glue`.
    std::string text(size_t min_words, size_t more, size_t glue) {
        std::string out;
        size_t len = min_words + next(more);
        for (size_t w = 0; w < len; w++) {
            if (w > 0 && next(glue) != 0) {
                out += ' ';
            }
            out += words_[next(n_words_)];
        }
        return out;
    }

  private:
    const char *const *words_;
    size_t n_words_;
    uint64_t state_;
};

// The UTF-8 of code points (any value up to U+10FFFF, surrogates too: the tests make invalid
// text with it on purpose), written out byte by byte as a reference for the core's encoders.
inline std::string utf8(const std::u32string &cps) {
    std::string s;
    for (char32_t c : cps) {
        if (c < 0x80) {
            s += static_cast<char>(c);
        } else if (c < 0x800) {
            s += static_cast<char>(0xC0 | (c >> 6));
            s += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            s += static_cast<char>(0xE0 | (c >> 12));
            s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (c >> 18));
            s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return s;
}

inline std::string utf8(char32_t c) {
    return utf8(std::u32string(1, c));
}

// The bytes [start, end) of text. Throws std::out_of_range (a test failure under GoogleTest)
// when the range is not inside text, so a bad offset never reads out of bounds.
inline std::string slice(const std::string &text, size_t start, size_t end) {
    if (start > end || end > text.size()) {
        throw std::out_of_range("slice [" + std::to_string(start) + ", " + std::to_string(end) +
                                ") of a text of " + std::to_string(text.size()) + " bytes");
    }
    return text.substr(start, end - start);
}

// The bytes [start, end) of text for each item: tokens, sentences or matches.
template <class T>
std::vector<std::string> surfaces(const std::string &text, const std::vector<T> &items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const T &item : items) {
        out.push_back(slice(text, item.start, item.end));
    }
    return out;
}

// fl_fold() through its needed-size protocol: asks for the size, then folds into a buffer of
// exactly that size. Throws std::runtime_error when a call fails or the sizes disagree.
inline std::string fold(const std::string &text, const fl_allocator *alloc = nullptr) {
    size_t needed = 0;
    fl_status st = fl_fold(text.data(), text.size(), nullptr, 0, &needed, alloc);
    if (st != FL_OK) {
        throw std::runtime_error(std::string("fl_fold (size): ") + fl_status_str(st));
    }
    std::string out(needed, '\0');
    size_t again = 0;
    st = fl_fold(text.data(), text.size(), needed != 0 ? &out[0] : nullptr, needed, &again, alloc);
    if (st != FL_OK || again != needed) {
        throw std::runtime_error(std::string("fl_fold (copy): ") + fl_status_str(st));
    }
    return out;
}

// The "term" string of term i, or "<bad term index>" when fl_lexicon_term() refuses it.
inline std::string term_text(const fl_lexicon *lex, uint32_t i) {
    fl_term_info info{};
    if (fl_lexicon_term(lex, i, &info) != FL_OK) {
        return "<bad term index>";
    }
    return std::string(info.term, info.term_len);
}

// Every field of every token, sentence, match, attribution and actor mention of res, one
// record per line: two analyses
// gave the same results exactly when their dumps are equal.
inline std::string dump(const fl_result *res) {
    std::string out;
    auto add = [&out](const char *tag, std::initializer_list<double> fields) {
        out += tag;
        for (double f : fields) {
            out += ' ';
            out += std::to_string(f);
        }
        out += '\n';
    };
    size_t n = 0;
    const fl_token *t = fl_result_tokens(res, &n);
    for (size_t i = 0; i < n; i++) {
        add("token", {double(t[i].start), double(t[i].end), double(t[i].cp_start),
                      double(t[i].cp_end), double(t[i].sentence), double(t[i].kind),
                      double(t[i].space_before), double(t[i].newlines_before)});
    }
    const fl_sentence *s = fl_result_sentences(res, &n);
    for (size_t i = 0; i < n; i++) {
        add("sentence",
            {double(s[i].start), double(s[i].end), double(s[i].cp_start), double(s[i].cp_end),
             double(s[i].first_token), double(s[i].n_tokens_all), double(s[i].n_tokens),
             double(s[i].first_match), double(s[i].n_matches), s[i].score});
    }
    const fl_match *m = fl_result_matches(res, &n);
    for (size_t i = 0; i < n; i++) {
        add("match", {double(m[i].start), double(m[i].end), double(m[i].cp_start),
                      double(m[i].cp_end), double(m[i].term), double(m[i].sentence),
                      double(m[i].first_token), double(m[i].n_tokens), double(m[i].voice),
                      double(m[i].negated), double(m[i].attribution), double(m[i].target)});
    }
    const fl_attribution *a = fl_result_attributions(res, &n);
    for (size_t i = 0; i < n; i++) {
        add("attribution",
            {double(a[i].sentence), double(a[i].kind), double(a[i].voice), double(a[i].nested),
             double(a[i].speaker_actor), double(a[i].speaker.start), double(a[i].speaker.end),
             double(a[i].cue.start), double(a[i].cue.end), double(a[i].content.start),
             double(a[i].content.end), double(a[i].content2.start), double(a[i].content2.end),
             double(a[i].cue_lemma_len)});
    }
    const fl_actor_mention *am = fl_result_actor_mentions(res, &n);
    for (size_t i = 0; i < n; i++) {
        add("mention", {double(am[i].start), double(am[i].end), double(am[i].actor),
                        double(am[i].sentence), double(am[i].first_token), double(am[i].n_tokens)});
    }
    return out;
}

// An fl_allocator that fails the Nth allocation, for allocation-failure sweeps. It *is* an
// fl_allocator: pass &alloc wherever the API takes `const fl_allocator *`.
//
// Every malloc and every realloc is one allocation (1-based); fail_at = 0 never fails. A failed
// realloc leaves its block alive, as the C library's does. `live` counts blocks not yet freed.
// A sweep: for n = 1, 2, ... run the operation with fail_at = n; it must return FL_ERR_NOMEM
// and, once its objects are freed, leave live == 0; stop at the first n with !failed (the
// operation needed fewer than n allocations and must have succeeded).
struct FailingAllocator : fl_allocator {
    size_t fail_at = 0;  // 1-based allocation to fail; 0: none
    size_t count = 0;    // allocations attempted so far
    size_t live = 0;     // blocks allocated and not yet freed
    bool failed = false; // whether the fail_at-th allocation happened (and failed)

    explicit FailingAllocator(size_t n = 0)
        : fl_allocator{&do_malloc, &do_realloc, &do_free, this}, fail_at(n) {}
    FailingAllocator(const FailingAllocator &) = delete; // ctx points to this object
    FailingAllocator &operator=(const FailingAllocator &) = delete;

    // Starts a new round that fails allocation n; `live` is kept, since blocks may outlive it.
    void reset(size_t n) {
        fail_at = n;
        count = 0;
        failed = false;
    }

  private:
    static FailingAllocator *self(void *ctx) { return static_cast<FailingAllocator *>(ctx); }
    bool should_fail() {
        ++count;
        if (count == fail_at) {
            failed = true;
            return true;
        }
        return false;
    }
    static void *do_malloc(void *ctx, size_t size) {
        FailingAllocator *a = self(ctx);
        if (a->should_fail()) {
            return nullptr;
        }
        void *p = std::malloc(size != 0 ? size : 1);
        if (p != nullptr) {
            ++a->live;
        }
        return p;
    }
    static void *do_realloc(void *ctx, void *ptr, size_t size) {
        FailingAllocator *a = self(ctx);
        if (a->should_fail()) {
            return nullptr;
        }
        void *p = std::realloc(ptr, size != 0 ? size : 1);
        if (p != nullptr && ptr == nullptr) {
            ++a->live;
        }
        return p;
    }
    static void do_free(void *ctx, void *ptr) {
        if (ptr != nullptr) {
            --self(ctx)->live;
            std::free(ptr);
        }
    }
};

} // namespace fl_test

#endif // FRAMELENS_TESTS_SHIM_H
