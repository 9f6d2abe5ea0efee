// test_analyze.cc: the pipeline of one document (analyze.c): edge-case texts, arguments, the
// result's lifecycle and reuse, and one lexicon shared by many threads.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <sys/mman.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "shim.h"

namespace {

const char *const kLexicon = R"({"terms": [
  {"term": "Kiev regime", "category": "delegitimization", "weight": 2},
  {"term": "Kiev", "category": "name"},
  {"term": "Kyiv", "category": "name"},
  {"term": "aggress*", "category": "accusation", "variants": ["агрес*"]},
  {"term": "US", "category": "actor", "case_sensitive": true},
  {"term": "coup d'état", "category": "delegitimization", "variants": ["putsch"]}
], "exclude": ["chicken Kiev"]})";

const char *const kTexts[] = {
    "Officials in Kiev said the coup d’état was planned. Kyiv's mayor disagreed.",
    "The Kiev regime denied any aggression.\n\nUS officials said the putsch failed.",
    "Chicken Kiev is served in Kyiv. «Агресія триває», сказав він.",
    "Mr. Smith met Dr. Jones in the U.S. The Kiev regime… was mentioned 3.5 times!",
    "",
    "   \n\t ",
    "No terms at all here. Just words.",
};

std::string joined() {
    std::string all;
    for (const char *t : kTexts) {
        all += t;
        all += "\n\n";
    }
    return all;
}

size_t n_tokens(const fl_result *res) {
    size_t n = 0;
    fl_result_tokens(res, &n);
    return n;
}

size_t n_sentences(const fl_result *res) {
    size_t n = 0;
    fl_result_sentences(res, &n);
    return n;
}

size_t n_matches(const fl_result *res) {
    size_t n = 0;
    fl_result_matches(res, &n);
    return n;
}

} // namespace

// ------------------------------------------------------------------ edge-case texts

TEST(Analyze, EmptyTextGivesNothing) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, "")) << res.error().message;
    size_t n = 99;
    EXPECT_EQ(nullptr, fl_result_tokens(res, &n));
    EXPECT_EQ(0u, n);
    n = 99;
    EXPECT_EQ(nullptr, fl_result_sentences(res, &n));
    EXPECT_EQ(0u, n);
    n = 99;
    EXPECT_EQ(nullptr, fl_result_matches(res, &n));
    EXPECT_EQ(0u, n);
}

TEST(Analyze, NullTextOfLengthZeroIsEmpty) {
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, nullptr, 0)) << res.error().message;
    EXPECT_EQ(0u, n_tokens(res));
    EXPECT_EQ(0u, n_sentences(res));
}

TEST(Analyze, WhitespaceOnlyTextGivesNothing) {
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, " \n\t\r\n\xC2\xA0\xE3\x80\x80\xE2\x80\xA9  "));
    EXPECT_EQ(0u, n_tokens(res));
    EXPECT_EQ(0u, n_sentences(res));
    EXPECT_EQ(0u, n_matches(res));
}

TEST(Analyze, NullLexiconSegmentsOnly) {
    fl_test::Result res;
    std::string text = kTexts[0];
    ASSERT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    EXPECT_EQ(15u, n_tokens(res));
    std::vector<fl_sentence> s = res.sentences();
    ASSERT_EQ(2u, s.size());
    EXPECT_EQ(0u, n_matches(res));
    for (const fl_sentence &x : s) {
        EXPECT_EQ(0u, x.n_matches);
        EXPECT_EQ(0.0, x.score);
    }
}

TEST(Analyze, NullLexiconGivesTheSameTokensAndSentences) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::string text = joined();
    fl_test::Result with;
    fl_test::Result without;
    ASSERT_EQ(FL_OK, with.analyze(lex, text));
    ASSERT_EQ(FL_OK, without.analyze(nullptr, text));
    EXPECT_EQ(fl_test::surfaces(text, with.tokens()), fl_test::surfaces(text, without.tokens()));
    EXPECT_EQ(fl_test::surfaces(text, with.sentences()),
              fl_test::surfaces(text, without.sentences()));
    EXPECT_GT(n_matches(with), 0u);
}

TEST(Analyze, TextNeedNotBeNulTerminated) {
    fl_test::Lexicon lex(kLexicon);
    std::string text = "The Kiev regime";
    std::vector<char> buf(text.begin(), text.end());
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, buf.data(), buf.size()));
    ASSERT_EQ(1u, n_matches(res));
    EXPECT_EQ(buf.size(), res.matches()[0].end);
    // Only len bytes count, whatever follows them.
    std::string longer = "The Kiev regime forces";
    ASSERT_EQ(FL_OK, res.analyze(lex, longer.data(), 8));
    ASSERT_EQ(1u, n_matches(res));
    EXPECT_EQ(1u, res.matches()[0].term); // "Kiev", not "Kiev regime"
}

TEST(Analyze, NulBytesAreOrdinaryCharacters) {
    fl_test::Lexicon lex(kLexicon);
    std::string text("Kiev\0regime Kyiv\0", 17);
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    std::vector<fl_match> m = res.matches();
    ASSERT_EQ(2u, m.size());
    EXPECT_EQ(1u, m[0].term);
    EXPECT_EQ(2u, m[1].term);
    EXPECT_EQ(12u, m[1].start);
    EXPECT_EQ(5u, n_tokens(res));
}

TEST(Analyze, InvalidUtf8IsAnalysed) {
    fl_test::Lexicon lex(kLexicon);
    std::string text = "\xFFKiev \xE2\x82 regime \xED\xA0\x80 Kyiv\xC0";
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    std::vector<fl_match> m = res.matches();
    ASSERT_EQ(2u, m.size());
    EXPECT_EQ("Kiev", fl_test::slice(text, m[0].start, m[0].end));
    EXPECT_EQ(1u, m[0].cp_start);
    EXPECT_EQ("Kyiv", fl_test::slice(text, m[1].start, m[1].end));
    EXPECT_EQ(19u, m[1].cp_start);
}

// ------------------------------------------------------------------ arguments and failure

TEST(Analyze, NullResultIsAnArgumentError) {
    fl_error err{};
    EXPECT_EQ(FL_ERR_ARG, fl_analyze(nullptr, "x", 1, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, err.code);
}

TEST(Analyze, NullTextWithALengthIsAnArgumentErrorAndClearsTheResult) {
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, kTexts[0]));
    ASSERT_GT(n_tokens(res), 0u);
    EXPECT_EQ(FL_ERR_ARG, res.analyze(lex, nullptr, 5));
    EXPECT_EQ(FL_ERR_ARG, res.error().code);
    // "on failure it holds no results but stays usable"
    EXPECT_EQ(0u, n_tokens(res));
    EXPECT_EQ(0u, n_sentences(res));
    EXPECT_EQ(0u, n_matches(res));
    fl_test::Result fresh;
    ASSERT_EQ(FL_OK, fresh.analyze(lex, kTexts[0]));
    ASSERT_EQ(FL_OK, res.analyze(lex, kTexts[0]));
    EXPECT_EQ(fl_test::dump(fresh), fl_test::dump(res));
}

TEST(Analyze, TextPastTheByteLimitIsRefusedAndClearsTheResult) {
    // A real mapping of FL_MAX_TEXT_BYTES + 1 bytes (reserved, never touched), so the call
    // gets a valid (pointer, length) pair without the memory being used.
    size_t len = FL_MAX_TEXT_BYTES + 1;
    void *p = mmap(nullptr, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ASSERT_NE(MAP_FAILED, p);
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, kTexts[1]));
    EXPECT_EQ(FL_ERR_LIMIT, res.analyze(lex, static_cast<const char *>(p), len));
    EXPECT_EQ(FL_ERR_LIMIT, res.error().code);
    EXPECT_GT(std::strlen(res.error().message), 0u);
    EXPECT_EQ(0u, n_tokens(res));
    EXPECT_EQ(0u, n_matches(res));
    munmap(p, len);
    ASSERT_EQ(FL_OK, res.analyze(lex, kTexts[1]));
    EXPECT_GT(n_matches(res), 0u);
}

TEST(Analyze, ArraysOfANullResultAreEmpty) {
    size_t n = 99;
    EXPECT_EQ(nullptr, fl_result_tokens(nullptr, &n));
    EXPECT_EQ(0u, n);
}

// ------------------------------------------------------------------ reuse

TEST(Analyze, ReusedResultGivesIdenticalResults) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::vector<std::string> fresh;
    for (const char *t : kTexts) {
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(lex, t));
        fresh.push_back(fl_test::dump(res));
    }
    fl_test::Result reused;
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < fresh.size(); i++) {
            ASSERT_EQ(FL_OK, reused.analyze(lex, kTexts[i]));
            EXPECT_EQ(fresh[i], fl_test::dump(reused)) << "text " << i << ", round " << round;
        }
    }
}

TEST(Analyze, ResultIsReusableAcrossLexicons) {
    fl_test::Lexicon a(kLexicon);
    fl_test::Lexicon b(
        R"({"terms": [{"term": "mayor", "category": "x", "case_sensitive": true}]})");
    ASSERT_EQ(FL_OK, b.status()) << b.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(a, kTexts[0]));
    EXPECT_EQ(3u, n_matches(res));
    ASSERT_EQ(FL_OK, res.analyze(b, kTexts[0]));
    ASSERT_EQ(1u, n_matches(res));
    EXPECT_EQ(0u, res.matches()[0].term);
    ASSERT_EQ(FL_OK, res.analyze(nullptr, kTexts[0]));
    EXPECT_EQ(0u, n_matches(res));
}

TEST(Analyze, ArraysStayValidUntilTheNextAnalysis) {
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    std::string text = kTexts[1];
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    size_t n = 0;
    const fl_match *m = fl_result_matches(res, &n);
    ASSERT_GT(n, 0u);
    // Reading them twice gives the same pointer and contents.
    size_t n2 = 0;
    EXPECT_EQ(m, fl_result_matches(res, &n2));
    EXPECT_EQ(n, n2);
    EXPECT_EQ("Kiev regime", fl_test::slice(text, m[0].start, m[0].end));
}

// ------------------------------------------------------------------ a whole document

TEST(Analyze, DocumentInvariantsHold) {
    fl_test::Lexicon lex(kLexicon);
    fl_test::Result res;
    std::string text;
    for (int i = 0; i < 40; i++) {
        text += joined();
    }
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    std::vector<fl_token> t = res.tokens();
    std::vector<fl_sentence> s = res.sentences();
    std::vector<fl_match> m = res.matches();
    uint32_t next_token = 0;
    uint32_t next_match = 0;
    for (size_t i = 0; i < s.size(); i++) {
        ASSERT_EQ(next_token, s[i].first_token) << "sentence " << i;
        ASSERT_EQ(next_match, s[i].first_match) << "sentence " << i;
        double score = 0;
        for (uint32_t k = s[i].first_match; k < s[i].first_match + s[i].n_matches; k++) {
            ASSERT_EQ(i, m[k].sentence);
            fl_term_info info{};
            ASSERT_EQ(FL_OK, fl_lexicon_term(lex, m[k].term, &info));
            score += info.weight;
        }
        EXPECT_DOUBLE_EQ(score, s[i].score) << "sentence " << i;
        next_token += s[i].n_tokens_all;
        next_match += s[i].n_matches;
    }
    EXPECT_EQ(t.size(), next_token);
    EXPECT_EQ(m.size(), next_match);
    EXPECT_EQ(40u * 10u, m.size());
}

// ------------------------------------------------------------------ threads

TEST(Analyze, ThreadsSharingOneLexiconGetTheSameResults) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::vector<std::string> docs;
    for (const char *t : kTexts) {
        docs.push_back(t);
    }
    std::string big;
    for (int i = 0; i < 20; i++) {
        big += joined();
    }
    docs.push_back(big);

    std::vector<std::string> expected;
    {
        fl_test::Result res;
        for (const std::string &d : docs) {
            ASSERT_EQ(FL_OK, res.analyze(lex, d));
            expected.push_back(fl_test::dump(res));
        }
    }

    const int n_threads = 8;
    const int rounds = 20;
    std::vector<int> mismatches(n_threads, 0);
    std::vector<int> failures(n_threads, 0);
    std::vector<std::thread> threads;
    for (int th = 0; th < n_threads; th++) {
        threads.emplace_back([&, th] {
            fl_result *res = nullptr;
            if (fl_result_new(nullptr, &res) != FL_OK) {
                failures[th]++;
                return;
            }
            for (int r = 0; r < rounds; r++) {
                for (size_t d = 0; d < docs.size(); d++) {
                    // Each thread walks the documents from a different starting point.
                    size_t k = (d + static_cast<size_t>(th)) % docs.size();
                    if (fl_analyze(lex, docs[k].data(), docs[k].size(), res, nullptr) != FL_OK) {
                        failures[th]++;
                    } else if (fl_test::dump(res) != expected[k]) {
                        mismatches[th]++;
                    }
                }
            }
            fl_result_free(res);
        });
    }
    for (std::thread &t : threads) {
        t.join();
    }
    for (int th = 0; th < n_threads; th++) {
        EXPECT_EQ(0, failures[th]) << "thread " << th;
        EXPECT_EQ(0, mismatches[th]) << "thread " << th;
    }
}
