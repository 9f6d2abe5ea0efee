// test_label.cc: the labels fl__label_tokens (match.c) gives each token, checked against the
// general lookups (fl__fold_token_pair, fl__vocab_find, fl__exact_find, fl__wild_labels,
// fl__cue_find and the root's child table) on generated lexicons and texts, so that its fast
// paths (the inline first probe, the common token's start byte from its slot, a form not in
// the table) answer as the general path does; and its one pass (each token looked up as it
// is folded, for a table that stays in cache) against its two.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "shim.h"

extern "C" {
#include "../../csrc/internal.h" // the token labels are internal: checked directly
}

namespace {

using Strings = std::vector<std::string>;

// Word stems: short and long, some sharing their first 7 bytes and their length (so that a
// probe must compare tails), cue words, and one that is longer than a slot's head and tail.
// clang-format off
const Strings kStems = {
    "us", "it", "said", "told", "abc", "state", "states", "statement", "statements",
    "stateless", "statesmanly", "statesmanlik", "statesmanlie", "representative",
    "representatives", "internationalisation", "ab", "abcd", "abcdefgh", "abcdefgi",
    "xylophone", "zz", "nato", "iphone", "kiev", "chicken", "regime", "aggress", "aggression",
    "q", "2024", "b52", "mid", "says", "don't",
    "\xc3\xa9tat", "\xc3\xa9tatique",                           // état, étatique
    "\xd0\xba\xd0\xb8\xd1\x97\xd0\xb2",                          // київ
    "\xd0\xba\xd0\xb8\xd1\x97\xd0\xb2\xd1\x81\xd1\x8c\xd0\xba"}; // київськ
// clang-format on

std::string cased(std::mt19937 &rng, const std::string &w) {
    std::string out = w;
    switch (rng() % 4) {
    case 0:
        break;
    case 1:
        out[0] = (char)toupper((unsigned char)out[0]);
        break;
    case 2:
        for (char &c : out) {
            c = (char)toupper((unsigned char)c);
        }
        break;
    default:
        out[out.size() - 1] = (char)toupper((unsigned char)out.back());
        break;
    }
    return out;
}

// A word of the texts: a stem in some case, now and then with a suffix, or not a stem.
std::string text_word(std::mt19937 &rng) {
    static const Strings others = {
        "the",   "and",  "of",          "Zyx",          "qwertyuiopasdfgh", "mid-term",
        "don't", "U.S.", "\xc3\xa9tat", "\xe2\x80\x9c", "\xe2\x80\x94",     ",",
        ".",     "-",    "`",           "abcdefghij",   "Xylophones"};
    if (rng() % 5 == 0) {
        return others[rng() % others.size()];
    }
    std::string w = cased(rng, kStems[rng() % kStems.size()]);
    if (rng() % 6 == 0) {
        w += rng() % 2 ? "s" : "ing";
    }
    return w;
}

// A lexicon: terms of one to three stems, some case-sensitive (as written: lower or upper
// case), some with a wildcard, some exclusions.
std::string generated_lexicon(std::mt19937 &rng) {
    std::string json = "{\"terms\": [";
    Strings seen; // folded, for no duplicate terms
    int n = 3 + (int)(rng() % 12);
    for (int t = 0; t < n; t++) {
        std::string words;
        int len = 1 + (int)(rng() % 3);
        bool exact = rng() % 3 == 0;
        for (int j = 0; j < len; j++) {
            std::string w = kStems[rng() % kStems.size()];
            if (exact && rng() % 2) {
                w = cased(rng, w);
            }
            size_t cut = w.size() > 2 ? 1 + rng() % (w.size() - 1) : 0;
            while (cut > 0 && cut < w.size() && (w[cut] & 0xC0) == 0x80) {
                cut++; // on a code point boundary
            }
            if (rng() % 5 == 0 && cut > 0 && cut < w.size() &&
                (isalnum((unsigned char)w[cut - 1]) || (w[cut - 1] & 0x80))) {
                w = w.substr(0, cut) + "*";
            }
            words += (j ? " " : "") + w;
        }
        std::string lower = words;
        for (char &c : lower) {
            c = (char)tolower((unsigned char)c);
        }
        if (std::find(seen.begin(), seen.end(), lower) != seen.end()) {
            continue;
        }
        json += std::string(seen.empty() ? "" : ", ") + "{\"term\": \"" + words +
                "\", \"category\": \"c\"" + (exact ? ", \"case_sensitive\": true" : "") + "}";
        seen.push_back(lower);
    }
    json += "]";
    if (rng() % 2) {
        json += ", \"exclude\": [\"" + kStems[rng() % kStems.size()] + " " +
                kStems[rng() % kStems.size()] + "\"]";
    }
    return json + "}";
}

// The root's child along label, or 0.
uint32_t root_kid(const fl_lexicon *lex, uint32_t label) {
    return lex->root_kids[(label & 3) * lex->n_ids + (label >> 2)];
}

// The child of node c along label, or 0, from its child run.
uint32_t kid_of(const fl_lexicon *lex, uint32_t c, uint32_t label) {
    const fl_node *nd = &((const fl_node *)lex->nodes.data)[c];
    for (uint32_t k = 0; k < nd->n_kids; k++) {
        if (lex->kid_labels[nd->first_kid + k] == label) {
            return lex->kid_nodes[nd->first_kid + k];
        }
    }
    return 0;
}

// Is id (FL_NO_ID: none) the folded label of an edge from a child of the root that ends no
// term and goes on only along folded labels (FL_ROOT_FOLD_STEP)?
bool follows_step(const fl_lexicon *lex, uint32_t id) {
    const fl_node *nodes = (const fl_node *)lex->nodes.data;
    for (uint32_t r = 0; id != FL_NO_ID && r < lex->n_ids; r++) {
        uint32_t c = root_kid(lex, r << 2);
        if (c != 0 && nodes[c].entry == 0 && nodes[c].kid_kinds == (1u << FL_EDGE_FOLD) &&
            kid_of(lex, c, id << 2) != 0) {
            return true;
        }
    }
    return false;
}

// Checks every token's labels in res (after fl_analyze) against the general lookups.
void check_labels(const fl_lexicon *lex, const std::string &text, const fl_result *res,
                  const std::string &what) {
    fl_allocator a;
    fl__alloc_init(&a, nullptr);
    fl_vec scratch = {};
    fl_vec out = {};
    fl_vec wild = {};
    fl_fold_cache *cache = nullptr;
    size_t n = res->tokens.len;
    const fl_token *toks = (const fl_token *)res->tokens.data;
    const fl_tokinfo *infos = (const fl_tokinfo *)res->infos.data;
    const uint8_t *starts = (const uint8_t *)res->starts.data;
    const uint8_t *folded = (const uint8_t *)res->folded.data;
    const fl_node *nodes = (const fl_node *)lex->nodes.data;
    for (size_t i = 0; i < n; i++) {
        const fl_tokinfo &k = infos[i];
        const uint8_t *s = (const uint8_t *)text.data() + toks[i].start;
        size_t len = toks[i].end - toks[i].start;
        std::string at = what + ", token " + std::to_string(i) + " \"" +
                         std::string((const char *)s, len) + "\"";
        // the forms
        out.len = 0;
        size_t fold_len = 0;
        size_t exact_len = 0;
        bool same = false;
        ASSERT_EQ(FL_OK, fl__fold_token_pair(&a, &scratch, &cache, s, len, toks[i].kind, true, &out,
                                             &fold_len, &exact_len, &same));
        const uint8_t *f = (const uint8_t *)out.data;
        const uint8_t *e = f + fold_len;
        ASSERT_EQ(std::string((const char *)f, fold_len),
                  std::string((const char *)folded + k.fold_off, k.fold_len))
            << at;
        ASSERT_EQ(fl__hash_bytes(f, fold_len), k.hash_fold) << at;
        // the folded label, the cue entry, the exact label
        uint32_t id_fold = fl__vocab_find(lex, f, fold_len, k.hash_fold);
        EXPECT_EQ(id_fold, k.id_fold) << at;
        EXPECT_EQ(fl__cue_find(f, fold_len, k.hash_fold), k.cue) << at;
        uint32_t id_exact = FL_NO_ID;
        if (lex->has_exact) {
            id_exact = same ? id_fold
                       : lex->exact_slots == NULL || exact_len == 0
                           ? FL_NO_ID
                           : fl__exact_find(lex, e, exact_len);
        }
        EXPECT_EQ(id_exact, k.id_exact) << at;
        // the wildcard labels, folded ones first
        wild.len = 0;
        if (lex->wild_kinds & 1) {
            ASSERT_EQ(FL_OK, fl__wild_labels(lex, &a, f, fold_len, FL_EDGE_WILD_FOLD, &wild));
        }
        if ((lex->wild_kinds & 2) && lex->has_exact) {
            ASSERT_EQ(FL_OK, fl__wild_labels(lex, &a, e, exact_len, FL_EDGE_WILD_EXACT, &wild));
        }
        std::vector<uint32_t> want((const uint32_t *)wild.data,
                                   (const uint32_t *)wild.data + wild.len);
        std::vector<uint32_t> got;
        if (k.wild_n > 0) {
            const uint32_t *w = (const uint32_t *)res->wild.data + k.wild_first;
            got.assign(w, w + k.wild_n);
        }
        EXPECT_EQ(want, got) << at;
        // the first step from the root and the start byte
        uint32_t root = id_fold != FL_NO_ID ? root_kid(lex, id_fold << 2) : 0;
        EXPECT_EQ(root, k.root) << at;
        bool more = id_exact != FL_NO_ID && root_kid(lex, id_exact << 2 | FL_EDGE_EXACT) != 0;
        for (uint32_t l : want) {
            more = more || root_kid(lex, l) != 0;
        }
        bool step = root != 0 && nodes[root].entry == 0 &&
                    nodes[root].kid_kinds == (1u << FL_EDGE_FOLD) && !more;
        uint8_t b = starts[i];
        EXPECT_EQ(more, (b & FL_START_MORE) != 0) << at;
        EXPECT_EQ(step, (b & FL_START_STEP) != 0) << at;
        EXPECT_EQ(id_fold == FL_NO_ID, (b & FL_START_NO_FOLD) != 0) << at;
        EXPECT_EQ(!follows_step(lex, id_fold), (b & FL_START_NO_STEP_ON) != 0) << at;
        EXPECT_EQ(lex->has_exclusions && (more || (root != 0 && nodes[root].excl_below)),
                  (b & FL_START_EXCL) != 0)
            << at;
        if (!step) {
            EXPECT_EQ(root != 0 || more, (b & FL_START_TERM) != 0) << at;
        } else if (i + 1 == n || !follows_step(lex, infos[i + 1].id_fold)) {
            EXPECT_EQ(0, b & FL_START_TERM) << at; /* the walk would end at its first node */
        } else if (!(b & FL_START_TERM)) {
            /* taken away only where the walk would end at its first node */
            EXPECT_EQ(0u, kid_of(lex, root, infos[i + 1].id_fold << 2)) << at;
        }
    }
    fl__fold_cache_free(&a, cache);
    fl__vec_free(&a, &scratch);
    fl__vec_free(&a, &out);
    fl__vec_free(&a, &wild);
}

// What fl__label_tokens gives every token, for comparing its one pass with its two: the
// wildcard labels by content (the passes append them to res->wild in another order).
struct Labels {
    std::vector<std::string> forms;
    std::vector<uint32_t> fields; // id_fold, id_exact, root, fold_len, hash_fold, same, wild_n
    std::vector<const fl_cue *> cues;
    std::vector<std::vector<uint32_t>> wild;
    std::string starts;
    bool operator==(const Labels &o) const {
        return forms == o.forms && fields == o.fields && cues == o.cues && wild == o.wild &&
               starts == o.starts;
    }
};

Labels labels_of(const fl_result *res) {
    Labels l;
    const fl_tokinfo *infos = (const fl_tokinfo *)res->infos.data;
    const uint8_t *folded = (const uint8_t *)res->folded.data;
    for (size_t i = 0; i < res->tokens.len; i++) {
        const fl_tokinfo &k = infos[i];
        l.forms.emplace_back((const char *)folded + k.fold_off, k.fold_len);
        for (uint32_t v :
             {k.id_fold, k.id_exact, k.root, k.fold_len, k.hash_fold, (uint32_t)k.same, k.wild_n}) {
            l.fields.push_back(v);
        }
        l.cues.push_back(k.cue);
        const uint32_t *w = (const uint32_t *)res->wild.data + k.wild_first;
        l.wild.emplace_back(k.wild_n > 0 ? w : nullptr, k.wild_n > 0 ? w + k.wild_n : nullptr);
    }
    l.starts.assign((const char *)res->starts.data, res->tokens.len + 8);
    return l;
}

// Labels the tokens of the text analysed in res (lex, text) in one pass and in two, and
// checks that both give the same labels and that the general lookups agree with them.
void check_both_passes(const fl_lexicon *lex, const std::string &text, fl_result *res,
                       const std::string &what) {
    const uint8_t *t = (const uint8_t *)text.data();
    ASSERT_EQ(FL_OK, fl__label_tokens_with(lex, t, res, false));
    Labels two = labels_of(res);
    check_labels(lex, text, res, what + " (two passes)");
    ASSERT_EQ(FL_OK, fl__label_tokens_with(lex, t, res, true));
    Labels one = labels_of(res);
    check_labels(lex, text, res, what + " (one pass)");
    EXPECT_TRUE(one == two) << what;
}

} // namespace

TEST(Label, EveryTokenIsLabelledAsTheGeneralLookupsSay) {
    std::mt19937 rng(39);
    for (int round = 0; round < 300; round++) {
        std::string json = generated_lexicon(rng);
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message << " " << json;
        fl_test::Result res;
        for (int t = 0; t < 3; t++) {
            std::string text;
            int words = 1 + (int)(rng() % 60);
            for (int j = 0; j < words; j++) {
                text += (j == 0 ? "" : rng() % 9 == 0 ? ". " : " ") + text_word(rng);
            }
            ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
            check_labels(lex.get(), text, res.get(), json + " / " + text);
            check_both_passes(lex.get(), text, res.get(), json + " / " + text);
            if (HasFailure()) {
                return;
            }
        }
    }
}

// Many forms with one head (the same first 7 bytes and length) in the table, and text words
// of the same shape in it and not: a probe must tell them apart by their tails.
TEST(Label, FormsWithOneHeadAreToldApartByTheirTails) {
    std::mt19937 rng(7);
    for (size_t len : {8u, 9u, 12u, 15u, 16u, 17u}) {
        auto word = [&] {
            std::string w = "abcdefg";
            while (w.size() < len) {
                w += (char)('a' + rng() % 3);
            }
            return w;
        };
        std::string json = "{\"terms\": [";
        Strings seen;
        for (int t = 0; t < 400; t++) {
            std::string w = word();
            if (std::find(seen.begin(), seen.end(), w) == seen.end()) {
                json += std::string(seen.empty() ? "" : ", ") + "{\"term\": \"" + w +
                        "\", \"category\": \"c\"}";
                seen.push_back(w);
            }
        }
        json += "]}";
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
        fl_test::Result res;
        std::string text;
        for (int j = 0; j < 2000; j++) {
            text += (j ? " " : "") + word();
        }
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        check_labels(lex.get(), text, res.get(), "length " + std::to_string(len));
        check_both_passes(lex.get(), text, res.get(), "length " + std::to_string(len));
    }
}

// Terms with one-symbol tokens ("&", "%", ",", "'"), so that those forms are in the table:
// the one pass labels such a token without folding it through fl__fold_token_pair.
TEST(Label, SymbolsInTermsAreLabelledInBothPasses) {
    std::mt19937 rng(11);
    const Strings symbols = {"&", "%", ",", ".", "'", "`", "#", "$", "/", ":", "-", "(", ")"};
    for (int round = 0; round < 40; round++) {
        std::string json = "{\"terms\": [";
        for (int t = 0; t < 6; t++) {
            json += std::string(t ? ", " : "") + "{\"term\": \"" + kStems[rng() % 20] + " " +
                    symbols[(size_t)t * 2 % symbols.size()] + " " + kStems[rng() % 20] +
                    "\", \"category\": \"c\"" +
                    (rng() % 3 == 0 ? ", \"case_sensitive\": true" : "") + "}";
        }
        json += "]}";
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message << " " << json;
        fl_test::Result res;
        std::string text;
        for (int j = 0; j < 200; j++) {
            text += (j ? " " : "") + (rng() % 2 ? symbols[rng() % symbols.size()] : text_word(rng));
        }
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        check_both_passes(lex.get(), text, res.get(), json + " / " + text);
        if (HasFailure()) {
            return;
        }
    }
}

// Words of letters and digits of every length from 1 to 18, each byte in either case, some
// in the lexicon (as written, folded, or case-sensitive) and some not, and some at the end
// of the text: the one pass folds, hashes and heads a word of up to 16 bytes with the
// constants of its length from a table, and near the text's end as fold_one does.
TEST(Label, SimpleWordsOfEveryLengthAndCaseAreLabelledAsTheGeneralLookupsSay) {
    std::mt19937 rng(41);
    const std::string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    auto word = [&](size_t len) {
        std::string w;
        for (size_t j = 0; j < len; j++) {
            // few letters, so that words share heads and tails
            w += rng() % 4 == 0 ? chars[rng() % chars.size()] : chars[rng() % 3 + 26 * (rng() % 2)];
        }
        return w;
    };
    for (int round = 0; round < 60; round++) {
        Strings words;
        for (size_t len = 1; len <= 18; len++) {
            for (int j = 0; j < 4; j++) {
                words.push_back(word(len));
            }
        }
        std::string json = "{\"terms\": [";
        Strings seen; // folded
        for (int t = 0; t < 30; t++) {
            std::string w = words[rng() % words.size()];
            std::string lower = w;
            for (char &c : lower) {
                c = (char)tolower((unsigned char)c);
            }
            if (std::find(seen.begin(), seen.end(), lower) != seen.end()) {
                continue;
            }
            json += std::string(seen.empty() ? "" : ", ") + "{\"term\": \"" + w +
                    "\", \"category\": \"c\"" +
                    (rng() % 3 == 0 ? ", \"case_sensitive\": true" : "") + "}";
            seen.push_back(lower);
        }
        json += "]}";
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message << " " << json;
        fl_test::Result res;
        std::string text;
        for (int j = 0; j < 300; j++) {
            std::string w = words[rng() % words.size()];
            if (rng() % 2) {
                w = cased(rng, w);
            }
            text += (j ? " " : "") + w;
        }
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        check_labels(lex.get(), text, res.get(), json + " / " + text);
        check_both_passes(lex.get(), text, res.get(), json + " / " + text);
        if (HasFailure()) {
            return;
        }
    }
}

// The compiled table's used bitmap (lex->vocab_used), by which the one pass tells a word not
// in the table from its first slot's bit alone: set for every slot taken by a label or a cue
// word, clear for every empty one, in tables of every size the generated lexicons give.
TEST(Label, TheUsedBitmapMarksEveryTakenSlotAndNoOther) {
    std::mt19937 rng(44);
    for (int round = 0; round < 60; round++) {
        std::string json = generated_lexicon(rng);
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message << " " << json;
        const fl_lexicon *l = lex.get();
        ASSERT_NE(nullptr, l->vocab_used);
        size_t taken = 0;
        for (size_t j = 0; j <= l->vocab_mask; j++) {
            const fl_vocab_slot &slot = l->vocab_slots[j];
            bool used = fl__vocab_slot_used(l->vocab_used, j);
            ASSERT_EQ(slot.id != 0 || slot.cue != 0, used) << "slot " << j << " of " << json;
            taken += used;
        }
        size_t n_cues = 0;
        fl__cue_table(&n_cues);
        EXPECT_GE(taken, n_cues) << json; /* every cue word has a slot */
    }
}

// Every string of the table (each cue word and each label) as a token of a text, among
// words that are not in it, in both passes: a string's first slot's bit is set (the one pass
// would take a string whose bit is clear for one not in the table), and each is found as the
// general lookups find it.
TEST(Label, EveryStringOfTheTableIsFoundInBothPasses) {
    std::mt19937 rng(45);
    size_t n_cues = 0;
    const fl_cue *cues = fl__cue_table(&n_cues);
    for (int round = 0; round < 5; round++) {
        std::string json = generated_lexicon(rng);
        fl_test::Lexicon lex(json);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message << " " << json;
        const fl_lexicon *l = lex.get();
        std::string text;
        std::vector<size_t> at(n_cues); // where each cue word starts in text
        for (size_t c = 0; c < n_cues; c++) {
            at[c] = text.size();
            text += std::string(cues[c].word, cues[c].len) + " zq" + std::to_string(rng()) + " ";
        }
        for (size_t id = 0; id < l->vocab.len; id++) {
            const fl_span &v = ((const fl_span *)l->vocab.data)[id];
            text += std::string((const char *)l->bytes.data + v.off, v.len) + " . ";
        }
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        check_both_passes(l, text, res.get(), json);
        // each cue word that the tokeniser keeps whole is found as that cue word
        std::vector<fl_token> toks = res.tokens();
        const fl_tokinfo *infos = (const fl_tokinfo *)res.get()->infos.data;
        size_t whole = 0;
        for (size_t i = 0, c = 0; i < toks.size() && c < n_cues; i++) {
            while (c < n_cues && at[c] < toks[i].start) {
                c++;
            }
            if (c < n_cues && at[c] == toks[i].start &&
                toks[i].end - toks[i].start == cues[c].len) {
                EXPECT_EQ(&cues[c], infos[i].cue) << cues[c].word << " in " << json;
                whole++;
            }
        }
        EXPECT_GE(whole, n_cues * 9 / 10) << json;
        if (HasFailure()) {
            return;
        }
    }
}

// Words of 7 and 8 letters that differ only in their last letter (an inflection family, as
// research lexicons hold them) start their probes at slots spread over the table, not at one
// slot: fl__hash_bytes' low bits are nearly the same for them, so a first slot taken from
// those bits would make each family one long probe chain.
TEST(Label, WordsThatDifferInTheirLastLetterStartAtDifferentSlots) {
    for (const char *stem : {"attacke", "reporte", "governo", "ministe", "attack", "report"}) {
        std::set<size_t> slots;
        for (char c = 'a'; c <= 'z'; c++) {
            std::string w = std::string(stem) + c;
            uint32_t h = fl__hash_bytes(reinterpret_cast<const uint8_t *>(w.data()), w.size());
            slots.insert(fl__vocab_first(h, 4095));
        }
        EXPECT_GE(slots.size(), 24u) << "stem " << stem;
    }
}

// The lookups' first slot by a shift (fl__vocab_first_by_shift) is fl__vocab_first's, for
// every table size: a lookup starting elsewhere would miss the words the build put there.
TEST(Label, FirstSlotByShiftIsTheVocabularysFirstSlot) {
    std::mt19937 rng(7);
    for (unsigned bits = 0; bits <= 32; bits++) {
        size_t mask = (size_t)((uint64_t{1} << bits) - 1);
        unsigned shift = fl__vocab_shift(mask);
        EXPECT_EQ(shift, 32u - bits);
        for (uint32_t h : {0u, 1u, 0xFFFFFFFFu, 0x80000000u, 0x61C88647u}) {
            EXPECT_EQ(fl__vocab_first_by_shift(h, shift), fl__vocab_first(h, mask))
                << "hash " << h << ", " << bits << " bits";
        }
        for (int i = 0; i < 1000; i++) {
            uint32_t h = (uint32_t)rng();
            ASSERT_EQ(fl__vocab_first_by_shift(h, shift), fl__vocab_first(h, mask))
                << "hash " << h << ", " << bits << " bits";
        }
    }
}

// A random lexicon's JSON, as both Label tests of shapes draw it: 2 to 11 terms, each one
// word (pick_word()), maybe cut to a wildcard prefix (cut_word(w)), maybe and a second word,
// maybe case-sensitive; a term repeated, or with '\\' or '"', is left out.
template <class Pick, class Cut>
std::string random_terms_json(std::mt19937 &rng, Pick pick_word, Cut cut_word) {
    std::string json = "{\"terms\": [";
    Strings seen;
    int n = 2 + (int)(rng() % 10);
    for (int t = 0; t < n; t++) {
        bool exact = rng() % 3 == 0;
        std::string w = cut_word(pick_word());
        std::string words = w + (rng() % 3 == 0 ? " " + pick_word() : "");
        if (words.find('\\') != std::string::npos || words.find('"') != std::string::npos ||
            std::find(seen.begin(), seen.end(), words) != seen.end()) {
            continue;
        }
        json += std::string(seen.empty() ? "" : ", ") + "{\"term\": \"" + words +
                "\", \"category\": \"c\"" + (exact ? ", \"case_sensitive\": true" : "") + "}";
        seen.push_back(words);
    }
    return json + "]}";
}

// Tokens neither simple nor one ASCII symbol that the one pass labels without
// fl__fold_token_pair (ASCII ones of up to 8 bytes without '`'; curly quotes and dashes whose
// forms the fold cache holds), beside the shapes that still take it (longer, with '`', a
// leading '-', accented, Cyrillic), in every case, in lexicons that hold them (folded,
// case-sensitive, as wildcard prefixes) and not: as the general lookups say.
TEST(Label, AsciiAndPunctuationShapesAreLabelledAsTheGeneralLookupsSay) {
    std::mt19937 rng(42);
    // clang-format off
    const Strings shapes = {
        "'s", "U.S", "u.s", "a.m", "P.M", "don't", "Don't", "I'm", "doesn't", "wouldn't",
        "shouldn't", "1,000", "3.5", "O'Neil", "o'neil", "e.g", "don`t", "`s", "...", "--", "-",
        "?!", "@[Z]", "AZaz@[`{", "0.5%", "ab.cd.ef", "ab.cd.efg", "Q&A", "AT&T", "a/b",
        "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x99",
        "\xe2\x80\x98", "\xe2\x80\xa6", "\xe2\x80\xb2", "\xe2\x81\x84", "\xe2\x80\x8b",
        "don\xe2\x80\x99t", "\xe2\x80\x99s", "Z\xc3\xbcrich", "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2",
        "said", "told", "state", "x", "rock\xe2\x80\x99n\xe2\x80\x99roll", "I\xe2\x80\x98m",
        "don`t\xe2\x80\x99", "a\xe2\x80\x99", "abcdef\xe2\x80\x99s", "abcdefg\xe2\x80\x99s",
        "a\xe2\x80\x9b" "b", "O\xe2\x80\x99Neil", "it\xe2\x80\x99S", "a\xe2\x80\x99" "b\xe2\x80\x99" "c"};
    // clang-format on
    auto word = [&] {
        std::string w = shapes[rng() % shapes.size()];
        return rng() % 3 == 0 ? cased(rng, w) : w;
    };
    for (int round = 0; round < 150; round++) {
        std::string json = random_terms_json(rng, word, [&](std::string w) {
            size_t cut = 1 + rng() % 3;
            if (rng() % 3 == 0 && cut < w.size() && isalnum((unsigned char)w[cut - 1])) {
                w = w.substr(0, cut) + "*";
            }
            return w;
        });
        fl_test::Lexicon lex(json);
        if (lex.status() != FL_OK) {
            continue; // a term of no token ("-" alone, ...): not what is tested here
        }
        fl_test::Result res;
        for (int t = 0; t < 2; t++) {
            std::string text;
            int words = 1 + (int)(rng() % 80);
            for (int j = 0; j < words; j++) {
                text += (j == 0 ? "" : rng() % 4 == 0 ? "" : " ") + word();
            }
            ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
            check_labels(lex.get(), text, res.get(), json + " / " + text);
            check_both_passes(lex.get(), text, res.get(), json + " / " + text);
            if (HasFailure()) {
                return;
            }
        }
    }
}

namespace {

// The UTF-8 bytes of code point cp.
std::string utf8_of(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += (char)cp;
    } else if (cp < 0x800) {
        s += (char)(0xC0 | (cp >> 6));
        s += (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += (char)(0xE0 | (cp >> 12));
        s += (char)(0x80 | ((cp >> 6) & 0x3F));
        s += (char)(0x80 | (cp & 0x3F));
    } else {
        s += (char)(0xF0 | (cp >> 18));
        s += (char)(0x80 | ((cp >> 12) & 0x3F));
        s += (char)(0x80 | ((cp >> 6) & 0x3F));
        s += (char)(0x80 | (cp & 0x3F));
    }
    return s;
}

// A word of letters of one script or mixed, in either case: mostly two-byte letters whose
// forms are those of the letter alone (Cyrillic, Greek, accented Latin, Armenian, Hebrew),
// with ASCII among them, and now and then what only the general fold takes: a combining mark
// (after a base it may join or lose), a letter of three bytes, a format character, final
// sigma; or invalid bytes (which the tokenizer makes tokens of their own, punctuation).
std::string unicode_word(std::mt19937 &rng) {
    // clang-format off
    static const std::vector<std::vector<uint32_t>> scripts = {
        {0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436, 0x438, 0x439, 0x43A, 0x43B, 0x43C,
         0x43D, 0x43E, 0x43F, 0x440, 0x441, 0x442, 0x443, 0x44C, 0x44B, 0x44F, 0x451, 0x456,
         0x457, 0x454, 0x491, 0x410, 0x411, 0x41A, 0x41C, 0x41F, 0x420, 0x401, 0x406, 0x407,
         0x419, 0x42F},                                                   // Cyrillic
        {0x3B1, 0x3B2, 0x3B3, 0x3B4, 0x3B5, 0x3B9, 0x3BA, 0x3BB, 0x3BF, 0x3C1, 0x3C3, 0x3C4,
         0x3C9, 0x3AC, 0x3AD, 0x3AF, 0x3CC, 0x3CD, 0x3CE, 0x390, 0x3B0, 0x391, 0x392, 0x3A3,
         0x3A9, 0x386, 0x38F, 0x3CA, 0x3AA},                              // Greek
        {'a', 'e', 'o', 'u', 'z', 'D', 'K', 'S', 0xE9, 0xC9, 0xFC, 0xDC, 0xF3, 0xD3, 0xF1, 0xDF,
         0xF8, 0xD8, 0xE5, 0xE7, 0x11F, 0x11E, 0x144, 0x143, 0x142, 0x141, 0x15B, 0x17E, 0x17D,
         0x130, 0x131, 0x149, 0x17F, 0x1C5, 0x1C4, 0x1F0, 0x218},         // Latin
        {0x561, 0x562, 0x531, 0x532, 0x587, 0x5D0, 0x5D1, 0x5E9, 'x', 0x627, 0x628}};
    const std::vector<uint32_t> rare = {0x301, 0x308, 0x306, 0x342, 0x3C2, 0x1E9E, 0x1F00, 0xFB01,
                                        0x200D, 0xAD};
    // a lone lead byte, overlong forms of '/' and U+007F, lone continuation bytes
    const Strings invalid = {"\xc3", "\xc0\xaf", "\xc1\xbf", "\x80", "\xbf\x80"};
    // clang-format on
    const std::vector<uint32_t> &one = scripts[rng() % scripts.size()];
    size_t n = 1 + rng() % 14;
    std::string w;
    for (size_t j = 0; j < n; j++) {
        const std::vector<uint32_t> &from = rng() % 4 == 0 ? scripts[rng() % scripts.size()] : one;
        if (rng() % 40 == 0) {
            w += rng() % 3 == 0 ? invalid[rng() % invalid.size()]
                                : utf8_of(rare[rng() % rare.size()]);
        } else {
            w += utf8_of(from[rng() % from.size()]);
        }
    }
    return w;
}

} // namespace

// Words of Cyrillic, Greek, accented Latin and other two-byte letters, mixed with ASCII, in
// every case, that the labelling folds by the fold cache's table (table_forms), beside words
// that still take fl__fold_token_pair (a mark, three bytes, an invalid byte), in lexicons that
// hold them (folded, case-sensitive, as wildcard prefixes) and not: as the general lookups
// say, in one pass and in two. Each text repeats its words, so most are folded from table
// entries made before; its folded forms are checked against folding the whole token too.
TEST(Label, UnicodeWordsAreLabelledAsTheGeneralLookupsSay) {
    std::mt19937 rng(11);
    fl_allocator a;
    fl__alloc_init(&a, nullptr);
    fl_vec scratch = {};
    fl_vec out = {};
    for (int round = 0; round < 120; round++) {
        Strings pool;
        for (int j = 0; j < 24; j++) {
            pool.push_back(unicode_word(rng));
        }
        // (no word of unicode_word's holds '\\' or '"': what random_terms_json leaves out)
        auto pick = [&] { return pool[rng() % pool.size()]; };
        std::string json = random_terms_json(rng, pick, [&](std::string w) {
            size_t cut = 1 + rng() % w.size();
            while (cut < w.size() && (w[cut] & 0xC0) == 0x80) {
                cut++; // on a code point boundary
            }
            if (rng() % 3 == 0 && cut < w.size()) {
                w = w.substr(0, cut) + "*";
            }
            return w;
        });
        fl_test::Lexicon lex(json);
        if (lex.status() != FL_OK) {
            continue; // a term of no token, an invalid byte in JSON: not what is tested here
        }
        fl_test::Result res;
        for (int t = 0; t < 2; t++) {
            std::string text;
            int words = 1 + (int)(rng() % 80);
            for (int j = 0; j < words; j++) {
                std::string w = pool[rng() % pool.size()];
                text += (j == 0 ? "" : " ") + (rng() % 4 == 0 ? cased(rng, w) : w);
            }
            ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
            check_both_passes(lex.get(), text, res.get(), json + " / " + text);
            const fl_result *r = res.get();
            const fl_token *toks = (const fl_token *)r->tokens.data;
            const fl_tokinfo *infos = (const fl_tokinfo *)r->infos.data;
            for (size_t i = 0; i < r->tokens.len; i++) {
                out.len = 0;
                ASSERT_EQ(FL_OK,
                          fl__fold_token(&a, &scratch, (const uint8_t *)text.data() + toks[i].start,
                                         toks[i].end - toks[i].start, toks[i].kind,
                                         FL_FOLD_CASELESS, &out));
                EXPECT_EQ(std::string((const char *)out.data, out.len),
                          std::string((const char *)r->folded.data + infos[i].fold_off,
                                      infos[i].fold_len))
                    << json << " / " << text << ", token " << i;
            }
            if (HasFailure()) {
                fl__vec_free(&a, &scratch);
                fl__vec_free(&a, &out);
                return;
            }
        }
    }
    fl__vec_free(&a, &scratch);
    fl__vec_free(&a, &out);
}
