// test_names.cc: the name indices (names.c), seen through the builder: names of every kind
// live side by side, thousands of them grow the tables, lookups find exactly the name given,
// and the edit distance behind "did you mean" suggestions.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>

#include "lexicon_checks.h"

using fl_test::Lexicon;
using namespace fl_test::lexicon_checks;

TEST(Names, TheSameNameMayBeACategoryAContrastAnOptionAndATerm) {
    Lexicon lex(R"({"categories": {"capital": {}},
                    "terms": [{"term": "capital", "category": "capital"},
                              {"term": "Kyiv", "category": "capital"}],
                    "contrasts": [{"name": "capital", "options": {"capital": ["capital"],
                                                                 "Kyiv": ["Kyiv"]}},
                                  {"name": "other", "options": {"capital": ["capital"],
                                                               "Kyiv": ["Kyiv"]}}],
                    "actors": [{"name": "capital"}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Names, ManyNamesOfEachKindAreFoundExactly) {
    // 3000 categories and terms, and references to each: the tables grow several times, and
    // names differing in one byte, or as a prefix, are never confused.
    std::string json = R"({"categories": {)";
    const int n = 3000;
    for (int i = 0; i < n; i++) {
        json += (i ? ", \"c" : "\"c") + std::to_string(i) + "\": {}";
    }
    json += R"(}, "terms": [)";
    for (int i = 0; i < n; i++) {
        json += std::string(i ? ", " : "") + R"({"term": "w)" + std::to_string(i) +
                R"(", "category": "c)" + std::to_string(i) + R"("})";
    }
    json += R"(], "contrasts": [{"name": "x", "options": {"even": [)";
    for (int i = 0; i < n; i += 2) {
        json += std::string(i ? ", " : "") + "\"w" + std::to_string(i) + "\"";
    }
    json += R"(], "odd": [)";
    for (int i = 1; i < n; i += 2) {
        json += std::string(i > 1 ? ", " : "") + "\"w" + std::to_string(i) + "\"";
    }
    json += "]}}]}";
    Lexicon lex(json);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(static_cast<size_t>(n), fl_lexicon_category_count(lex));
    for (int i = 0; i < n; i += 97) {
        fl_term_info t{};
        ASSERT_EQ(FL_OK, fl_lexicon_term(lex, i, &t));
        EXPECT_EQ("c" + std::to_string(i), category(lex, t.category));
    }
    const char *name = nullptr;
    size_t len = 0;
    const fl_reference *refs = nullptr;
    size_t nr = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(lex, 0, 1, &name, &len, &refs, &nr));
    ASSERT_EQ(static_cast<size_t>(n / 2), nr);
    for (size_t k = 0; k < nr; k++) {
        ASSERT_EQ(2 * k + 1, refs[k].term);
    }
}

TEST(Names, ABlankOptionNameIsRefused) {
    Lexicon lex(R"({"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}],
                    "contrasts": [{"name": "x", "options": {"": ["a"], "B": ["b"]}}]})");
    EXPECT_EQ(FL_ERR_SCHEMA, lex.status());
}

namespace {

struct Near {
    const char *written;
    const char *suggested; // nullptr: no suggestion
};

class Suggestion : public ::testing::TestWithParam<Near> {};

TEST_P(Suggestion, TheNearestAllowedKeyWithinTwoEdits) {
    const Near &n = GetParam();
    std::string json = std::string(R"({"terms": [{"term": "a", "category": "c", ")") + n.written +
                       "\": 1}]}";
    Lexicon lex(json);
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    std::string detail = lex.error().detail;
    if (n.suggested != nullptr) {
        EXPECT_NE(std::string::npos,
                  detail.find(std::string("did you mean \"") + n.suggested + "\"?"))
            << detail;
    } else {
        EXPECT_EQ(std::string::npos, detail.find("did you mean")) << detail;
        EXPECT_NE(std::string::npos, detail.find("the keys here are")) << detail;
    }
}

const Near kNear[] = {
    {"wieght", "weight"},          // a transposition
    {"weigth", "weight"},          // another
    {"wight", "weight"},           // a deletion
    {"weightt", "weight"},         // an insertion
    {"Weight", "weight"},          // case
    {"case-sensitive", "case_sensitive"},
    {"Case Sensitive", "case_sensitive"},
    {"casesensitive", "case_sensitive"},
    {"variant", "variants"},
    {"varients", "variants"},
    {"notes", "note"},
    {"sources", "source"},
    {"metadata", nullptr},         // too far from "meta"
    {"url", nullptr},
    {"tag", nullptr},              // three edits from "term"
};

INSTANTIATE_TEST_SUITE_P(Keys, Suggestion, ::testing::ValuesIn(kNear));

} // namespace
