// test_lexicon.cc: loading a lexicon from JSON (lexicon_json.c, lexicon.c): the inspection
// functions, every error with its code, place and message, duplicates, and the limits.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "shim.h"

namespace {

using fl_test::Lexicon;

const char *const kFull = R"({
  "name": "ru-ua-conflict",
  "version": "1.0",
  "language": "en",
  "description": "Framing terms of the war",
  "categories": {
    "delegitimization": {"description": "denies legitimacy", "color": "#c0392b"},
    "unused": "a category described by a string"
  },
  "terms": [
    {"term": "coup d'état", "category": "delegitimization", "weight": 2.0,
     "variants": ["putsch", "overthrow"], "case_sensitive": false, "note": "n", "source": "s"},
    {"term": "aggress*", "category": "accusation"},
    {"term": "US", "category": "actor", "case_sensitive": true, "variants": ["U.S."]},
    {"term": "Kiev", "category": "name", "weight": -0.5},
    {"term": "Kiev regime", "category": "delegitimization", "weight": 3},
    {"term": "Kyiv", "category": "name"}
  ],
  "exclude": ["chicken Kiev", "Kiev cake"],
  "contrasts": [
    {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}}
  ],
  "unknown_key": {"kept": ["as", "metadata"]}
})";

std::string str(const char *s, size_t len) {
    return s == nullptr ? std::string("<NULL>") : std::string(s, len);
}

std::string category(const fl_lexicon *lex, size_t i) {
    size_t len = 0;
    const char *s = fl_lexicon_category(lex, i, &len);
    return str(s, len);
}

std::string meta(const fl_lexicon *lex, const char *key) {
    size_t len = 0;
    const char *s = fl_lexicon_meta(lex, key, &len);
    return str(s, len);
}

// "w1 w2 ... wn"
std::string words(int n, const char *suffix = "") {
    std::string s;
    for (int i = 1; i <= n; i++) {
        s += (i > 1 ? " w" : "w") + std::to_string(i);
    }
    return s + suffix;
}

// A load that must fail: checks the code, the path and the message format
// "source: path: detail" (or "source: detail" when there is no path).
void expect_schema_error(const std::string &json, const std::string &path,
                         const std::string &detail_part = "", fl_status code = FL_ERR_SCHEMA) {
    Lexicon lex(json, "lexicon.json");
    ASSERT_EQ(code, lex.status()) << "json: " << json << "\nmessage: " << lex.error().message;
    const fl_error &e = lex.error();
    EXPECT_EQ(code, e.code);
    EXPECT_EQ(nullptr, lex.get());
    EXPECT_EQ(path, e.path) << e.message;
    EXPECT_EQ(0u, e.line) << e.message;
    EXPECT_EQ(0u, e.column) << e.message;
    EXPECT_GT(std::strlen(e.detail), 0u);
    std::string want = path.empty() ? "lexicon.json: " + std::string(e.detail)
                                    : "lexicon.json: " + path + ": " + e.detail;
    EXPECT_EQ(want, e.message);
    if (!detail_part.empty()) {
        EXPECT_NE(std::string::npos, std::string(e.detail).find(detail_part))
            << "detail: " << e.detail;
    }
}

// A load that must fail with a syntax error at line:column.
void expect_syntax_error(const std::string &json, uint32_t line, uint32_t column,
                         const std::string &detail_part = "") {
    Lexicon lex(json, "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status()) << "json: " << json << "\n" << lex.error().message;
    const fl_error &e = lex.error();
    EXPECT_EQ(FL_ERR_SYNTAX, e.code);
    EXPECT_EQ(line, e.line) << "json: " << json << "\n" << e.message;
    EXPECT_EQ(column, e.column) << "json: " << json << "\n" << e.message;
    EXPECT_STREQ("", e.path);
    std::string want =
        "lexicon.json:" + std::to_string(line) + ":" + std::to_string(column) + ": " + e.detail;
    EXPECT_EQ(want, e.message);
    if (!detail_part.empty()) {
        EXPECT_NE(std::string::npos, std::string(e.detail).find(detail_part))
            << "detail: " << e.detail;
    }
}

std::string one_term(const std::string &fields) {
    return R"({"terms": [{)" + fields + "}]}";
}

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

TEST(Lexicon, ListedCategoriesComeFirstThenByFirstUse) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(5u, fl_lexicon_category_count(lex));
    EXPECT_EQ("delegitimization", category(lex, 0));
    EXPECT_EQ("unused", category(lex, 1));
    EXPECT_EQ("accusation", category(lex, 2));
    EXPECT_EQ("actor", category(lex, 3));
    EXPECT_EQ("name", category(lex, 4));
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
    const uint32_t *terms = nullptr;
    size_t n_terms = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(lex, 0, 0, &name, &name_len, &terms, &n_terms));
    EXPECT_EQ("Kiev", str(name, name_len));
    ASSERT_EQ(2u, n_terms);
    EXPECT_EQ(3u, terms[0]);
    EXPECT_EQ(4u, terms[1]);
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(lex, 0, 1, &name, &name_len, &terms, &n_terms));
    EXPECT_EQ("Kyiv", str(name, name_len));
    ASSERT_EQ(1u, n_terms);
    EXPECT_EQ(5u, terms[0]);
}

TEST(Lexicon, MetaFields) {
    Lexicon lex(kFull);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_EQ("ru-ua-conflict", meta(lex, "name"));
    EXPECT_EQ("1.0", meta(lex, "version"));
    EXPECT_EQ("en", meta(lex, "language"));
    EXPECT_EQ("Framing terms of the war", meta(lex, "description"));
    EXPECT_EQ("<NULL>", meta(lex, "unknown_key"));
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
    const uint32_t *terms = nullptr;
    size_t n = 0;
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_contrast_option(lex, 0, 2, &s, &len, &terms, &n));
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_contrast_option(lex, 1, 0, &s, &len, &terms, &n));
}

TEST(Lexicon, UnknownKeysAreNotErrors) {
    Lexicon lex(R"({"x": 1, "terms": [{"term": "a", "category": "c", "note": [1, {"y": null}],
                   "source": {"url": "http://example.com"}}], "z": null})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
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

TEST(Lexicon, JsonNeedNotBeNulTerminatedAndIsNotKept) {
    std::string text = kFull;
    std::vector<char> buf(text.begin(), text.end()); // no NUL after the last byte
    fl_lexicon *lex = nullptr;
    fl_error err{};
    ASSERT_EQ(FL_OK, fl_lexicon_load_json(buf.data(), buf.size(), "x", nullptr, &lex, &err))
        << err.message;
    std::fill(buf.begin(), buf.end(), 'X');
    EXPECT_EQ("coup d'état", fl_test::term_text(lex, 0));
    EXPECT_EQ("capital", [&] {
        fl_contrast_info c{};
        fl_lexicon_contrast(lex, 0, &c);
        return str(c.name, c.name_len);
    }());
    EXPECT_EQ("ru-ua-conflict", meta(lex, "name"));
    fl_lexicon_free(lex);
}

TEST(Lexicon, JsonMayBeFollowedByWhitespace) {
    Lexicon lex(std::string(R"({"terms": [{"term": "a", "category": "c"}]})") + " \n\t\r\n");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

// ------------------------------------------------------------------ arguments

TEST(Lexicon, NullOutIsAnArgumentError) {
    fl_error err{};
    std::string json = kFull;
    EXPECT_EQ(FL_ERR_ARG,
              fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, err.code);
}

TEST(Lexicon, NullJsonWithALengthIsAnArgumentError) {
    fl_error err{};
    fl_lexicon *lex = reinterpret_cast<fl_lexicon *>(&err); // must be overwritten with NULL
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_load_json(nullptr, 10, nullptr, nullptr, &lex, &err));
    EXPECT_EQ(nullptr, lex);
    EXPECT_EQ(FL_ERR_ARG, err.code);
}

TEST(Lexicon, FailedLoadSetsOutToNull) {
    std::string json = "{";
    fl_error err{};
    fl_lexicon *lex = reinterpret_cast<fl_lexicon *>(&err);
    EXPECT_EQ(FL_ERR_SYNTAX,
              fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, &lex, &err));
    EXPECT_EQ(nullptr, lex);
    json = "{}";
    lex = reinterpret_cast<fl_lexicon *>(&err);
    EXPECT_EQ(FL_ERR_SCHEMA,
              fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, &lex, &err));
    EXPECT_EQ(nullptr, lex);
}

TEST(Lexicon, SourceDefaultsToLexiconInAngleBrackets) {
    Lexicon lex("{}", nullptr);
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    EXPECT_EQ(0, std::strncmp(lex.error().message, "<lexicon>: terms: ", 18))
        << lex.error().message;
    Lexicon syn("{", nullptr);
    ASSERT_EQ(FL_ERR_SYNTAX, syn.status());
    EXPECT_EQ(0, std::strncmp(syn.error().message, "<lexicon>:1:", 12)) << syn.error().message;
}

// ------------------------------------------------------------------ syntax errors

TEST(Lexicon, EmptyInputIsASyntaxError) {
    expect_syntax_error("", 1, 1, "end of input");
}

TEST(Lexicon, UnexpectedCharacterIsLocated) {
    expect_syntax_error(R"({"terms": [1 2]})", 1, 14, "'2'");
    expect_syntax_error(R"({"terms": x})", 1, 11, "'x'");
    expect_syntax_error(R"({"a" 1})", 1, 6);
}

TEST(Lexicon, SyntaxErrorOnALaterLine) {
    // Line 3 is `    {"term": "a" "category": "c"}`: the comma is missing before column 18.
    expect_syntax_error("{\n  \"terms\": [\n    {\"term\": \"a\" \"category\": \"c\"}\n  ]\n}", 3,
                        18, "'\"'");
    expect_syntax_error("{\n\"terms\": [1,\n]}", 3, 1, "']'");
}

TEST(Lexicon, SyntaxErrorColumnCountsCodePoints) {
    // `{"name": "Київ" x}`: the x is byte 20 but code point 16 (column 17).
    Lexicon lex(R"({"name": "Київ" x})", "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(1u, lex.error().line);
    EXPECT_EQ(17u, lex.error().column);
    EXPECT_EQ(20u, lex.error().offset);
}

TEST(Lexicon, TrailingGarbageIsASyntaxError) {
    expect_syntax_error(R"({"terms": [{"term": "a", "category": "c"}]} x)", 1, 45, "'x'");
    expect_syntax_error("{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}\n\n  {}", 3, 3);
}

TEST(Lexicon, MisplacedCommaIsLocatedAtTheComma) {
    // Where a key is expected, the culprit is the character found instead of it.
    expect_syntax_error(R"({,})", 1, 2, "','");
    expect_syntax_error("{\n  \"terms\": [\n    {\"term\": \"a\",, }\n  ]\n}", 3, 18, "','");
    expect_syntax_error(R"({"terms": [{"term": "a", "category": "c",}]})", 1, 42, "'}'");
}

TEST(Lexicon, TruncatedDocumentReportsTheEndOfInput) {
    // The place of a missing closer is the end of the input, just past its last character.
    expect_syntax_error(R"({"terms": [)", 1, 12, "end of input");
    expect_syntax_error("{\"terms\": [\n  {\"term\": \"a\"", 2, 15, "end of input");
    expect_syntax_error(R"({"terms": "abc)", 1, 15, "end of input");
}

TEST(Lexicon, DeepNestingIsASyntaxErrorNotACrash) {
    // cJSON's nesting limit bounds its recursion; past it the document is refused.
    Lexicon lex(std::string(100000, '['), "deep.json");
    EXPECT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(1u, lex.error().line);
    std::string inner = std::string(5000, '[') + std::string(5000, ']');
    Lexicon in_key("{\"x\": " + inner + R"(, "terms": [{"term": "a", "category": "c"}]})");
    EXPECT_EQ(FL_ERR_SYNTAX, in_key.status());
}

TEST(Lexicon, NestingWithinTheLimitLoads) {
    std::string inner = std::string(500, '[') + std::string(500, ']');
    Lexicon lex("{\"x\": " + inner + R"(, "terms": [{"term": "a", "category": "c"}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Lexicon, ByteOrderMarkIsAllowed) {
    Lexicon lex("\xEF\xBB\xBF{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(Lexicon, InvalidUtf8InAStringIsASyntaxError) {
    // matching.md, "Lexicon files": valid UTF-8 only. The bad byte is character 23.
    expect_syntax_error("{\"terms\": [{\"term\": \"a\xFF\", \"category\": \"c\"}]}", 1, 23,
                        "UTF-8");
    // An encoded surrogate (ED A0 80) is not UTF-8 either.
    expect_syntax_error("{\"terms\": [{\"term\": \"\xED\xA0\x80\", \"category\": \"c\"}]}", 1, 22,
                        "UTF-8");
}

TEST(Lexicon, NulEscapeIsASyntaxError) {
    // `{"terms": [{"term": "a\u0000", ...`: the escape starts at character 23.
    expect_syntax_error(R"({"terms": [{"term": "a\u0000", "category": "c"}]})", 1, 23, "NUL");
}

TEST(Lexicon, LoneSurrogateEscapeIsASyntaxErrorThatSaysSo) {
    // "\uDEAD" is grammatical JSON but no character: the error points at the escape (character
    // 22) and says what is wrong with it, not something else.
    Lexicon lex(R"({"terms": [{"term": "\uDEAD", "category": "c"}]})", "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status()) << lex.error().message;
    EXPECT_EQ(1u, lex.error().line);
    EXPECT_EQ(22u, lex.error().column);
    std::string detail = lex.error().detail;
    EXPECT_TRUE(detail.find("surrogate") != std::string::npos ||
                detail.find("escape") != std::string::npos)
        << detail;
    Lexicon high(R"({"terms": [{"term": "a\uD800b", "category": "c"}]})", "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, high.status()) << high.error().message;
    EXPECT_EQ(23u, high.error().column);
}

TEST(Lexicon, SurrogatePairEscapeIsOneCharacter) {
    Lexicon lex(R"({"terms": [{"term": "a\uD83D\uDE00", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_EQ("a\xF0\x9F\x98\x80", fl_test::term_text(lex, 0));
}

TEST(Lexicon, NestingPastTheLimitSaysSo) {
    std::string deep = std::string(1001, '[') + std::string(1001, ']');
    Lexicon lex("{\"x\": " + deep + R"(, "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_NE(std::string::npos, std::string(lex.error().detail).find("nested"))
        << lex.error().message;
}

TEST(Lexicon, RepeatedKeyIsRefusedWithItsPlace) {
    // matching.md: "no key twice in one object". The error must say where: the path of the
    // object (a schema error) or the line and column of the second key (a syntax error).
    std::string json = "{\"terms\": [{\"term\": \"a\", \"category\": \"c\"},\n"
                       "           {\"term\": \"b\", \"category\": \"c\", \"category\": \"d\"}]}";
    Lexicon lex(json, "lexicon.json");
    ASSERT_NE(FL_OK, lex.status());
    const fl_error &e = lex.error();
    EXPECT_NE(std::string::npos, std::string(e.detail).find("category")) << e.message;
    if (lex.status() == FL_ERR_SCHEMA) {
        EXPECT_STREQ("terms[1]", e.path) << e.message;
    } else {
        EXPECT_EQ(FL_ERR_SYNTAX, lex.status());
        EXPECT_EQ(2u, e.line) << e.message;
        EXPECT_EQ(43u, e.column) << e.message;
    }
}

TEST(Lexicon, RepeatedKeyAtTheTopLevelIsRefused) {
    Lexicon lex(
        R"({"terms": [{"term": "a", "category": "c"}], "terms": [{"term": "b", "category": "c"}]})");
    EXPECT_NE(FL_OK, lex.status());
}

TEST(Lexicon, LargeObjectLoadsInLinearTime) {
    // Unknown keys are kept as metadata, so a lexicon may carry a big object. 40000 keys take
    // milliseconds to read; a check comparing every key with every other takes seconds.
    std::string json = "{\"meta\": {";
    for (int i = 0; i < 40000; i++) {
        json += (i ? ", \"k" : "\"k") + std::to_string(i) + "\": 0";
    }
    json += R"(}, "terms": [{"term": "a", "category": "c"}]})";
    auto t0 = std::chrono::steady_clock::now();
    Lexicon lex(json);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_LT(seconds, 2.0) << "loading a 40000-key object took " << seconds << " s";
}

// ------------------------------------------------------------------ schema errors

TEST(Lexicon, TopLevelMustBeAnObject) {
    expect_schema_error("[]", "");
    expect_schema_error("\"terms\"", "");
    expect_schema_error("null", "");
}

TEST(Lexicon, TermsMustBeANonEmptyArray) {
    expect_schema_error("{}", "terms", "missing");
    expect_schema_error(R"({"terms": {}})", "terms", "array");
    expect_schema_error(R"({"terms": "Kiev"})", "terms", "array");
    expect_schema_error(R"({"terms": []})", "terms", "non-empty");
}

TEST(Lexicon, EachTermMustBeAnObject) {
    expect_schema_error(R"({"terms": [5]})", "terms[0]", "object");
    expect_schema_error(R"({"terms": [{"term": "a", "category": "c"}, "b"]})", "terms[1]");
}

TEST(Lexicon, TermStringIsRequired) {
    expect_schema_error(one_term(R"("category": "c")"), "terms[0].term", "missing");
    expect_schema_error(one_term(R"("term": 5, "category": "c")"), "terms[0].term", "string");
    expect_schema_error(one_term(R"("term": null, "category": "c")"), "terms[0].term");
    expect_schema_error(one_term(R"("term": "", "category": "c")"), "terms[0].term", "non-empty");
    expect_schema_error(one_term(R"("term": " \t ", "category": "c")"), "terms[0].term");
}

TEST(Lexicon, CategoryStringIsRequired) {
    expect_schema_error(one_term(R"("term": "a")"), "terms[0].category", "missing");
    expect_schema_error(one_term(R"("term": "a", "category": 3)"), "terms[0].category", "string");
    expect_schema_error(one_term(R"("term": "a", "category": "")"), "terms[0].category");
}

TEST(Lexicon, ErrorInALaterTermNamesItsIndex) {
    expect_schema_error(
        R"({"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"},
                         {"term": "c"}]})",
        "terms[2].category");
}

TEST(Lexicon, WeightMustBeAFiniteNumber) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": "2")"),
                        "terms[0].weight", "number");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": null)"),
                        "terms[0].weight");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": 1e999)"),
                        "terms[0].weight", "finite");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": -1e999)"),
                        "terms[0].weight", "finite");
}

TEST(Lexicon, CaseSensitiveMustBeABoolean) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "case_sensitive": "yes")"),
                        "terms[0].case_sensitive");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "case_sensitive": 1)"),
                        "terms[0].case_sensitive");
}

TEST(Lexicon, VariantsMustBeNonEmptyStrings) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": "b")"),
                        "terms[0].variants", "array");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", 5])"),
                        "terms[0].variants[1]", "string");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", " "])"),
                        "terms[0].variants[1]", "non-empty");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", "--"])"),
                        "terms[0].variants[1]", "no word");
}

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

TEST(Lexicon, CategoriesMustBeAnObjectOfDescriptions) {
    std::string terms = R"("terms": [{"term": "a", "category": "c"}])";
    expect_schema_error("{\"categories\": [], " + terms + "}", "categories", "object");
    expect_schema_error("{\"categories\": {\"x\": 5}, " + terms + "}", "categories.x");
    expect_schema_error("{\"categories\": {\"\": {}}, " + terms + "}", "categories.", "name");
}

TEST(Lexicon, ExclusionsMustBeNonEmptyPhrases) {
    std::string terms = R"("terms": [{"term": "a", "category": "c"}])";
    expect_schema_error("{" + terms + ", \"exclude\": \"x\"}", "exclude", "array");
    expect_schema_error("{" + terms + ", \"exclude\": [\"x\", 5]}", "exclude[1]", "string");
    expect_schema_error("{" + terms + ", \"exclude\": [\"x\", \"\"]}", "exclude[1]", "non-empty");
    expect_schema_error("{" + terms + ", \"exclude\": [\"...\"]}", "exclude[0]", "no word");
}

TEST(Lexicon, ContrastsMustBeWellFormed) {
    std::string terms = R"("terms": [{"term": "Kiev", "category": "c", "variants": ["Kyjiw"]},
                                      {"term": "Kyiv", "category": "c"}])";
    auto with = [&](const std::string &contrasts) {
        return "{" + terms + ", \"contrasts\": " + contrasts + "}";
    };
    expect_schema_error(with("{}"), "contrasts", "array");
    expect_schema_error(with("[5]"), "contrasts[0]", "object");
    expect_schema_error(with(R"([{"options": {"A": ["Kiev"], "B": ["Kyiv"]}}])"),
                        "contrasts[0].name", "missing");
    expect_schema_error(with(R"([{"name": "", "options": {"A": ["Kiev"], "B": ["Kyiv"]}}])"),
                        "contrasts[0].name");
    expect_schema_error(with(R"([{"name": "capital"}])"), "contrasts[0].options", "missing");
    expect_schema_error(with(R"([{"name": "capital", "options": {"A": ["Kiev"]}}])"),
                        "contrasts[0].options", "two");
    expect_schema_error(with(R"([{"name": "capital", "options": ["Kiev", "Kyiv"]}])"),
                        "contrasts[0].options");
    expect_schema_error(with(R"([{"name": "capital", "options": {"A": "Kiev", "B": ["Kyiv"]}}])"),
                        "contrasts[0].options.A");
    expect_schema_error(with(R"([{"name": "capital", "options": {"A": [], "B": ["Kyiv"]}}])"),
                        "contrasts[0].options.A");
    expect_schema_error(with(R"([{"name": "capital", "options": {"A": ["Kiev"], "B": [5]}}])"),
                        "contrasts[0].options.B[0]");
}

TEST(Lexicon, ContrastOptionsMustNameCanonicalTerms) {
    std::string terms = R"("terms": [{"term": "Kiev", "category": "c", "variants": ["Kyjiw"]},
                                      {"term": "Kyiv", "category": "c"}])";
    auto with = [&](const std::string &options) {
        return "{" + terms + ", \"contrasts\": [{\"name\": \"capital\", \"options\": " + options +
               "}]}";
    };
    expect_schema_error(with(R"({"A": ["Kiev"], "B": ["Kyiv", "Lviv"]})"),
                        "contrasts[0].options.B[1]", "'Lviv'");
    // A variant is not a term of its own, and the name must be the "term" exactly.
    expect_schema_error(with(R"({"A": ["Kyjiw"], "B": ["Kyiv"]})"), "contrasts[0].options.A[0]",
                        "'Kyjiw'");
    expect_schema_error(with(R"({"A": ["kiev"], "B": ["Kyiv"]})"), "contrasts[0].options.A[0]",
                        "'kiev'");
    Lexicon ok(with(R"({"A": ["Kiev"], "B": ["Kyiv"]})"));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
}

TEST(Lexicon, LaterContrastErrorNamesItsIndex) {
    std::string json =
        R"({"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}],
      "contrasts": [{"name": "x", "options": {"A": ["a"], "B": ["b"]}},
                    {"name": "y", "options": {"A": ["a"], "B": ["zz"]}}]})";
    expect_schema_error(json, "contrasts[1].options.B[0]", "'zz'");
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
    EXPECT_EQ("lexicon.json: terms[1].term: " + detail, e.message);
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
    expect_schema_error(
        one_term("\"term\": \"" + words(FL_MAX_TERM_TOKENS + 1) + "\", \"category\": \"c\""),
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

TEST(Lexicon, DocumentPastTheByteLimitIsRefused) {
    std::string json = R"({"terms": [{"term": "a", "category": "c"}]})";
    json.resize(FL_MAX_LEXICON_BYTES + 1, ' ');
    Lexicon lex(json, "big.json");
    ASSERT_EQ(FL_ERR_LIMIT, lex.status());
    EXPECT_EQ(FL_ERR_LIMIT, lex.error().code);
    EXPECT_EQ(0, std::strncmp(lex.error().message, "big.json: ", 10)) << lex.error().message;
}

TEST(Lexicon, DocumentAtTheByteLimitLoads) {
    std::string json = R"({"terms": [{"term": "a", "category": "c"}]})";
    json.resize(FL_MAX_LEXICON_BYTES, ' ');
    Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
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
