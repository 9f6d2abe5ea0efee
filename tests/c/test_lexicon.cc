// test_lexicon.cc: the compiled lexicon (lexicon.c): the inspection functions, the trie's
// spellings (wildcards, case sensitivity, duplicates after folding) and the limits, seen
// through lexicons loaded from JSON. The JSON front end itself is tested in
// test_lexicon_json.cc, the builder in test_lexicon_build.cc.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "lexicon_checks.h"

namespace {

using fl_test::Lexicon;
using namespace fl_test::lexicon_checks;

} // namespace

// ------------------------------------------------------------------ success and inspection

TEST(Lexicon, FullExampleLoads) {
    Lexicon lex(kFull, "lexicon.json");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_EQ(FL_OK, lex.error().code);
    EXPECT_EQ(6u, fl_lexicon_term_count(lex));
    EXPECT_EQ(5u, fl_lexicon_category_count(lex));
    EXPECT_EQ(2u, fl_lexicon_exclusion_count(lex));
    EXPECT_EQ(1u, fl_lexicon_contrast_count(lex));
}

TEST(Lexicon, TermsAreReportedAsWrittenInFileOrder) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    EXPECT_EQ("coup d'état", str(t.term, t.term_len));
    EXPECT_EQ("delegitimization", category(lex, t.category));
    EXPECT_EQ(2.0, t.weight);
    EXPECT_EQ(0, t.case_sensitive);
    EXPECT_EQ(2u, t.n_variants);

    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 1, &t));
    EXPECT_EQ("aggress*", str(t.term, t.term_len));
    EXPECT_EQ("accusation", category(lex, t.category));
    EXPECT_EQ(1.0, t.weight) << "weight defaults to 1.0";
    EXPECT_EQ(0u, t.n_variants);

    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 2, &t));
    EXPECT_EQ("US", str(t.term, t.term_len));
    EXPECT_EQ(1, t.case_sensitive);
    EXPECT_EQ(1u, t.n_variants);

    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 3, &t));
    EXPECT_EQ(-0.5, t.weight);
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 4, &t));
    EXPECT_EQ(3.0, t.weight);
    EXPECT_EQ("Kiev regime", fl_test::term_text(lex, 4));
    EXPECT_EQ("Kyiv", fl_test::term_text(lex, 5));
}

TEST(Lexicon, VariantsAreReportedAsWritten) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *s = nullptr;
    size_t len = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_variant(lex, 0, 0, &s, &len));
    EXPECT_EQ("putsch", str(s, len));
    ASSERT_EQ(FL_OK, fl_lexicon_variant(lex, 0, 1, &s, &len));
    EXPECT_EQ("overthrow", str(s, len));
    ASSERT_EQ(FL_OK, fl_lexicon_variant(lex, 2, 0, &s, &len));
    EXPECT_EQ("U.S.", str(s, len));
}

TEST(Lexicon, DeclaredCategoriesComeInTheOrderDeclared) {
    Lexicon lex(R"({"terms": [{"term": "a", "category": "z"}, {"term": "b", "category": "y"}],
                    "categories": {"y": {}, "x": "unused", "z": {}}})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(3u, fl_lexicon_category_count(lex));
    EXPECT_EQ("y", category(lex, 0));
    EXPECT_EQ("x", category(lex, 1));
    EXPECT_EQ("z", category(lex, 2));
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    EXPECT_EQ("z", category(lex, t.category));
}

TEST(Lexicon, UndeclaredCategoriesComeInOrderOfFirstUse) {
    Lexicon lex(R"({"terms": [{"term": "a", "category": "z"}, {"term": "b", "category": "y"},
                              {"term": "c", "category": "z"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(2u, fl_lexicon_category_count(lex));
    EXPECT_EQ("z", category(lex, 0));
    EXPECT_EQ("y", category(lex, 1));
    fl_category_info info{};
    ASSERT_EQ(FL_OK, fl_lexicon_category_info(lex, 0, &info));
    EXPECT_EQ(0, info.declared);
    EXPECT_EQ(nullptr, info.description);
    EXPECT_EQ(nullptr, info.extras);
}

TEST(Lexicon, CategoryInfoKeepsWhatWasDeclared) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_category_info info{};
    ASSERT_EQ(FL_OK, fl_lexicon_category_info(lex, 0, &info));
    EXPECT_EQ("delegitimization", str(info.name, info.name_len));
    EXPECT_EQ("denies legitimacy", str(info.description, info.description_len));
    EXPECT_EQ("#c0392b", str(info.color, info.color_len));
    EXPECT_EQ(1, info.declared);
    ASSERT_EQ(FL_OK, fl_lexicon_category_info(lex, 1, &info));
    EXPECT_EQ("a category described by a string", str(info.description, info.description_len));
    EXPECT_EQ(nullptr, info.color);
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_category_info(lex, 5, &info));
}

TEST(Lexicon, ATermMayHaveSeveralCategoriesTheFirstIsItsMain) {
    Lexicon lex(R"({"terms": [{"term": "abandon*", "category": ["affect", "sad", "negemo"]},
                              {"term": "hope", "category": "affect"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    EXPECT_EQ(3u, t.n_categories);
    EXPECT_EQ("affect", category(lex, t.category));
    std::vector<std::string> names;
    for (size_t k = 0; k < t.n_categories; k++) {
        uint32_t c = 99;
        ASSERT_EQ(FL_OK, fl_lexicon_term_category(lex, 0, k, &c));
        names.push_back(category(lex, c));
    }
    EXPECT_EQ((std::vector<std::string>{"affect", "sad", "negemo"}), names);
    uint32_t c = 0;
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_term_category(lex, 0, 3, &c));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_term_category(lex, 2, 0, &c));
}

TEST(Lexicon, ContrastsAndTheirOptions) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_contrast_info c{};
    ASSERT_EQ(FL_OK, fl_lexicon_contrast(lex, 0, &c));
    EXPECT_EQ("capital", str(c.name, c.name_len));
    ASSERT_EQ(2u, c.n_options);

    const char *name = nullptr;
    size_t name_len = 0;
    const fl_reference *refs = nullptr;
    size_t n_refs = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(lex, 0, 0, &name, &name_len, &refs, &n_refs));
    EXPECT_EQ("Kiev", str(name, name_len));
    ASSERT_EQ(2u, n_refs);
    EXPECT_EQ(3u, refs[0].term);
    EXPECT_EQ(FL_ALL_SPELLINGS, refs[0].spelling);
    EXPECT_EQ(4u, refs[1].term);
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(lex, 0, 1, &name, &name_len, &refs, &n_refs));
    EXPECT_EQ("Kyiv", str(name, name_len));
    ASSERT_EQ(1u, n_refs);
    EXPECT_EQ(5u, refs[0].term);
}

TEST(Lexicon, ExclusionsAndTheirText) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *s = nullptr;
    size_t len = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_exclusion(lex, 1, &s, &len));
    EXPECT_EQ("Kiev cake", str(s, len));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_exclusion(lex, 2, &s, &len));
}

TEST(Lexicon, FreeFormDataIsReadable) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *top = fl_lexicon_extras(lex);
    ASSERT_EQ(FL_VALUE_OBJECT, fl_value_kind_of(top));
    const fl_value *kept = fl_value_find(fl_value_find(top, "meta", 4), "kept", 4);
    ASSERT_EQ(2u, fl_value_count(kept));
    size_t len = 0;
    const char *s = fl_value_text(fl_value_item(kept, 1), &len);
    EXPECT_EQ("metadata", str(s, len));
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    const fl_value *note = fl_value_find(t.extras, "note", 4);
    s = fl_value_text(note, &len);
    EXPECT_EQ("n", str(s, len));
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 1, &t));
    EXPECT_EQ(nullptr, t.extras);
}

TEST(Lexicon, MetaFields) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_EQ("ru-ua-conflict", meta(lex, "name"));
    EXPECT_EQ("1.0", meta(lex, "version"));
    EXPECT_EQ("en", meta(lex, "language"));
    EXPECT_EQ("Framing terms of the war", meta(lex, "description"));
    EXPECT_EQ("<NULL>", meta(lex, "meta"));
    EXPECT_EQ("<NULL>", meta(lex, "terms"));
    EXPECT_EQ("<NULL>", meta(lex, ""));
}

TEST(Lexicon, AbsentMetaFieldsAreNull) {
    Lexicon lex(one_term(R"("term": "a", "category": "c")"));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    for (const char *key : {"name", "version", "language", "description"}) {
        EXPECT_EQ("<NULL>", meta(lex, key)) << key;
    }
    EXPECT_EQ(0u, fl_lexicon_exclusion_count(lex));
    EXPECT_EQ(0u, fl_lexicon_contrast_count(lex));
}

TEST(Lexicon, EmptyMetaStringIsPresent) {
    Lexicon lex(R"({"name": "", "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    size_t len = 99;
    EXPECT_NE(nullptr, fl_lexicon_meta(lex, "name", &len));
    EXPECT_EQ(0u, len);
}

TEST(Lexicon, InspectionOutOfRangeIsRefused) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_term_info t{};
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_term(lex, 6, &t));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_term(lex, static_cast<size_t>(-1), &t));
    const char *s = nullptr;
    size_t len = 0;
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_variant(lex, 0, 2, &s, &len));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_variant(lex, 1, 0, &s, &len));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_variant(lex, 6, 0, &s, &len));
    EXPECT_EQ(nullptr, fl_lexicon_category(lex, 5, &len));
    fl_contrast_info c{};
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_contrast(lex, 1, &c));
    const fl_reference *refs = nullptr;
    size_t n = 0;
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_contrast_option(lex, 0, 2, &s, &len, &refs, &n));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_contrast_option(lex, 1, 0, &s, &len, &refs, &n));
    fl_actor_info a{};
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_actor(lex, 0, &a));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_actor_alias(lex, 0, 0, &s, &len));
    EXPECT_EQ(0u, fl_lexicon_term_count(nullptr));
    EXPECT_EQ(nullptr, fl_lexicon_extras(nullptr));
    fl_duplicate_counts d{1, 1, 1};
    fl_lexicon_duplicates(nullptr, &d);
    EXPECT_EQ(0u, d.terms_dropped + d.terms_merged + d.variants_dropped);
}

TEST(Lexicon, CaseSensitiveAndFoldedSpellingsMayCoexist) {
    Lexicon lex(R"({"terms": [{"term": "US", "category": "actor", "case_sensitive": true},
                              {"term": "us", "category": "pronoun"},
                              {"term": "Us", "category": "other", "case_sensitive": true}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Lexicon, WildcardAndPlainSpellingsMayCoexist) {
    Lexicon lex(R"({"terms": [{"term": "aggress*", "category": "a"},
                              {"term": "aggress", "category": "b"}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

// ------------------------------------------------------------------ spellings

TEST(Lexicon, TermNeedsAWord) {
    expect_schema_error(one_term(R"("term": "!!!", "category": "c")"), "terms[0].term", "no word");
    expect_schema_error(one_term(R"("term": "« »", "category": "c")"), "terms[0].term");
}

TEST(Lexicon, StarMustDirectlyFollowAWord) {
    expect_schema_error(one_term(R"("term": "*", "category": "c")"), "terms[0].term", "'*'");
    expect_schema_error(one_term(R"("term": "aggress *", "category": "c")"), "terms[0].term",
                        "'*'");
    expect_schema_error(one_term(R"("term": "aggress**", "category": "c")"), "terms[0].term",
                        "'*'");
    expect_schema_error(one_term(R"("term": "a, *", "category": "c")"), "terms[0].term", "'*'");
}

TEST(Lexicon, StarMayOnlyEndAWord) {
    // matching.md: "`a*b` is an error".
    expect_schema_error(one_term(R"("term": "a*b", "category": "c")"), "terms[0].term", "'*'");
    expect_schema_error(one_term(R"("term": "Kiev*regime", "category": "c")"), "terms[0].term");
    Lexicon ok(one_term(R"("term": "a* b", "category": "c")"));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
}

// ------------------------------------------------------------------ duplicates

TEST(Lexicon, DuplicateAfterCaseFoldingNamesBothEntries) {
    Lexicon lex(
        R"({"terms": [{"term": "Kiev", "category": "a"}, {"term": "KIEV", "category": "b"}]})",
        "lexicon.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    const fl_error &e = lex.error();
    EXPECT_STREQ("terms[1].term", e.path);
    std::string detail = e.detail;
    EXPECT_NE(std::string::npos, detail.find("terms[0]")) << detail;
    EXPECT_NE(std::string::npos, detail.find("KIEV")) << detail;
    EXPECT_NE(std::string::npos, detail.find("Kiev")) << detail;
    EXPECT_NE(std::string::npos, detail.find("at 1:21")) << detail;
    EXPECT_EQ("lexicon.json:1:56: terms[1].term: " + detail, e.message);
}

TEST(Lexicon, DuplicateAfterDiacriticsAndApostrophesFoldNamesBothEntries) {
    expect_schema_error(R"({"terms": [{"term": "coup d'état", "category": "a"},
                                      {"term": "Coup d’etat", "category": "b"}]})",
                        "terms[1].term", "terms[0]");
}

TEST(Lexicon, DuplicateIgnoresSpacingBetweenTokens) {
    expect_schema_error(R"({"terms": [{"term": "Kiev regime", "category": "a"},
                                      {"term": "Kiev   regime", "category": "b"}]})",
                        "terms[1].term", "terms[0]");
}

TEST(Lexicon, VariantDuplicatingAnotherTermNamesBoth) {
    expect_schema_error(R"({"terms": [{"term": "Kiev", "category": "a"},
                                      {"term": "Kyiv", "category": "a", "variants": ["kiev"]}]})",
                        "terms[1].variants[0]", "terms[0]");
}

TEST(Lexicon, VariantDuplicatingAnotherVariantNamesBoth) {
    expect_schema_error(R"({"terms": [{"term": "a", "category": "c", "variants": ["bb"]},
                                      {"term": "c", "category": "c", "variants": ["x", "BB"]}]})",
                        "terms[1].variants[1]", "terms[0].variants[0]");
}

TEST(Lexicon, VariantDuplicatingItsOwnTermIsAnError) {
    expect_schema_error(one_term(R"("term": "Kiev", "category": "c", "variants": ["KIEV"])"),
                        "terms[0].variants[0]", "terms[0]");
}

TEST(Lexicon, ExclusionMayRepeatATerm) {
    // An exclusion is not an entry: it may spell the same tokens as a term.
    Lexicon lex(R"({"terms": [{"term": "chicken Kiev", "category": "c"}],
                    "exclude": ["chicken Kiev", "CHICKEN KIEV"]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

// ------------------------------------------------------------------ limits

TEST(Lexicon, TermAtTheTokenLimitLoads) {
    Lexicon lex(one_term("\"term\": \"" + words(FL_MAX_TERM_TOKENS) + "\", \"category\": \"c\""));
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Lexicon, TermOneTokenPastTheLimitIsRefused) {
    expect_schema_error(one_term("\"term\": \"" + words(FL_MAX_TERM_TOKENS + 1) +
                                 "\", \"category\": \"c\""),
                        "terms[0].term", "33", FL_ERR_LIMIT);
}

TEST(Lexicon, PunctuationCountsTowardsTheTokenLimit) {
    // 16 words and 16 commas: 32 tokens; one more comma-word pair is 34.
    std::string at, past;
    for (int i = 0; i < 16; i++) {
        at += "w,";
    }
    past = at + "w,";
    Lexicon ok(one_term("\"term\": \"" + at + "\", \"category\": \"c\""));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
    expect_schema_error(one_term("\"term\": \"" + past + "\", \"category\": \"c\""),
                        "terms[0].term", "", FL_ERR_LIMIT);
}

TEST(Lexicon, WildcardStarDoesNotCountAsAToken) {
    Lexicon lex(
        one_term("\"term\": \"" + words(FL_MAX_TERM_TOKENS, "*") + "\", \"category\": \"c\""));
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Lexicon, VariantAndExclusionPastTheLimitAreRefused) {
    expect_schema_error(one_term("\"term\": \"a\", \"category\": \"c\", \"variants\": [\"" +
                                 words(FL_MAX_TERM_TOKENS + 1) + "\"]"),
                        "terms[0].variants[0]", "", FL_ERR_LIMIT);
    expect_schema_error(R"({"terms": [{"term": "a", "category": "c"}], "exclude": [")" +
                            words(FL_MAX_TERM_TOKENS + 1) + "\"]}",
                        "exclude[0]", "", FL_ERR_LIMIT);
    Lexicon ok(R"({"terms": [{"term": "a", "category": "c"}], "exclude": [")" +
               words(FL_MAX_TERM_TOKENS) + "\"]}");
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
}

TEST(Lexicon, ManyTermsLoadAndKeepTheirOrder) {
    // Enough distinct tokens and trie edges to grow every table several times.
    std::string json = R"({"terms": [)";
    const int n = 5000;
    for (int i = 0; i < n; i++) {
        json += (i ? "," : "") + std::string("{\"term\": \"t") + std::to_string(i) + " u" +
                std::to_string(i % 97) + "\", \"category\": \"c" + std::to_string(i % 7) + "\"}";
    }
    json += "]}";
    Lexicon lex(json);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(static_cast<size_t>(n), fl_lexicon_term_count(lex));
    EXPECT_EQ(7u, fl_lexicon_category_count(lex));
    for (int i = 0; i < n; i += 499) {
        EXPECT_EQ("t" + std::to_string(i) + " u" + std::to_string(i % 97),
                  fl_test::term_text(lex, static_cast<uint32_t>(i)));
    }
}

// Found by fuzzing: a term token that folds to nothing (a lone soft hyphen) once reached
// memcmp with a null pointer. It must load, and match text with the same token.
TEST(Lexicon, TokenThatFoldsToNothingLoadsAndMatches) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "Kiev \u00ad regime", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    const std::string text = "The Kiev \xC2\xAD regime said.";
    ASSERT_EQ(FL_OK, res.analyze(lex.get(), text)) << res.error().message;
    ASSERT_EQ(1u, res.matches().size());
}
