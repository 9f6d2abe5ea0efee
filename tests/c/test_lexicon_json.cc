// test_lexicon_json.cc: the JSON front end of the lexicon builder (lexicon_json.c): strict
// syntax with exact line:column (the cases cJSON alone would let through), the strict format
// (unknown keys with suggestions, types, free-form data), and places in every message.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "lexicon_checks.h"

using fl_test::Lexicon;
using namespace fl_test::lexicon_checks;

namespace {

// ------------------------------------------------------------------ strict syntax

struct Bad {
    const char *json;
    unsigned line, column;
    const char *says;
};

class StrictSyntax : public ::testing::TestWithParam<Bad> {};

TEST_P(StrictSyntax, ErrorIsAtTheOffendingCharacterAndSaysWhat) {
    const Bad &b = GetParam();
    Lexicon lex(b.json, "x.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status()) << b.json;
    EXPECT_EQ(b.line, lex.error().line) << lex.error().message;
    EXPECT_EQ(b.column, lex.error().column) << lex.error().message;
    EXPECT_NE(std::string::npos, std::string(lex.error().message).find(b.says))
        << lex.error().message;
}

const Bad kBad[] = {
    {"", 1, 1, "end of input"},
    {"{\"terms\": [1,, 2]}", 1, 14, "expected a value"},
    {"{\"terms\": [1 2]}", 1, 14, "expected ',' or ']'"},
    {"{\"terms\" [1]}", 1, 10, "expected ':'"},
    {"{\"a\": 1,, \"b\": 2}", 1, 9, "object key"},
    {"{\"a\": tru}", 1, 10, "expected a value"},
    {"{\"a\": 01}", 1, 8, "expected ',' or '}'"},
    {"{\"a\": 1.}", 1, 9, "digits expected after '.'"},
    {"{\"a\": \"x\\q\"}", 1, 10, "invalid escape"},
    {"{\"a\": \"x\\u12\"}", 1, 13, "\\u escape"},
    {"{\"a\": \"x\\u0000\"}", 1, 9, "NUL"},
    {"{\"a\": \"\\udead\"}", 1, 8, "low surrogate"},
    {"{\"a\": \"\\ud800x\"}", 1, 8, "high surrogate"},
    {"{\"a\": \"x\ny\"}", 1, 9, "control character"},
    {"{\"a\": \"\xff\"}", 1, 8, "invalid UTF-8"},
    {"{\"a\": 1}\n x", 2, 2, "after the JSON value"},
    {"{\"a\": [1, 2", 1, 12, "end of input"},
};

INSTANTIATE_TEST_SUITE_P(Bad, StrictSyntax, ::testing::ValuesIn(kBad));

TEST(StrictSyntax, ARawNulByteIsNoWhitespace) {
    const std::string json("{\"terms\":\0[]}", 13);
    Lexicon lex(json, "x.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(10u, lex.error().column) << lex.error().message;
}

TEST(StrictSyntax, FiveHundredTwelveLevelsAreTheLimit) {
    auto nested = [](int depth) {
        // the top-level object and "meta" are two levels: depth - 2 arrays in them
        std::string s = "{\"meta\": {\"x\": ";
        s += std::string(depth - 2, '[') + std::string(depth - 2, ']');
        s += "}, \"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}";
        return s;
    };
    Lexicon ok(nested(511));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
    Lexicon deep(nested(513));
    ASSERT_EQ(FL_ERR_SYNTAX, deep.status());
    EXPECT_NE(std::string::npos, std::string(deep.error().message).find("512"));
}

TEST(StrictSyntax, AByteOrderMarkIsAllowed) {
    Lexicon lex("\xEF\xBB\xBF{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(StrictSyntax, AnEmptyObjectBeforeAnyOtherValueIsKeptEmpty) {
    // Found by the lexicon fuzzer: an empty "meta" object read before any value was kept
    // closed its container with no kids yet pushed (pointer arithmetic on NULL).
    Lexicon lex(R"({"meta": {}, "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *top = fl_lexicon_extras(lex);
    ASSERT_NE(nullptr, top);
    const fl_value *meta = fl_value_find(top, "meta", 4);
    ASSERT_NE(nullptr, meta);
    EXPECT_EQ(FL_VALUE_OBJECT, fl_value_kind_of(meta));
    EXPECT_EQ(0u, fl_value_count(meta));
}

TEST(StrictSyntax, ValidEscapesAndSurrogatePairsLoad) {
    Lexicon lex(
        R"({"terms": [{"term": "\u041a\u0438\u0457\u0432 \ud83d\ude00 \"q\" \\ \/", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_term_info t;
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    EXPECT_EQ(std::string("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x98\x80 \"q\" \\ /"),
              std::string(t.term, t.term_len));
}

}  // namespace

// ------------------------------------------------------------------ arguments, syntax, types

TEST(LexiconJson, JsonNeedNotBeNulTerminatedAndIsNotKept) {
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

TEST(LexiconJson, JsonMayBeFollowedByWhitespace) {
    Lexicon lex(std::string(R"({"terms": [{"term": "a", "category": "c"}]})") + " \n\t\r\n");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(LexiconJson, NullOutIsAnArgumentError) {
    fl_error err{};
    std::string json = kFull;
    EXPECT_EQ(FL_ERR_ARG,
              fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, err.code);
}

TEST(LexiconJson, NullJsonWithALengthIsAnArgumentError) {
    fl_error err{};
    fl_lexicon *lex = reinterpret_cast<fl_lexicon *>(&err); // must be overwritten with NULL
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_load_json(nullptr, 10, nullptr, nullptr, &lex, &err));
    EXPECT_EQ(nullptr, lex);
    EXPECT_EQ(FL_ERR_ARG, err.code);
}

TEST(LexiconJson, FailedLoadSetsOutToNull) {
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

TEST(LexiconJson, SourceDefaultsToLexiconInAngleBrackets) {
    Lexicon lex("{}", nullptr);
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    EXPECT_EQ(0, std::strncmp(lex.error().message, "<lexicon>:1:1: terms: ", 22))
        << lex.error().message;
    Lexicon syn("{", nullptr);
    ASSERT_EQ(FL_ERR_SYNTAX, syn.status());
    EXPECT_EQ(0, std::strncmp(syn.error().message, "<lexicon>:1:", 12)) << syn.error().message;
}

TEST(LexiconJson, EmptyInputIsASyntaxError) {
    expect_syntax_error("", 1, 1, "end of input");
}

TEST(LexiconJson, UnexpectedCharacterIsLocated) {
    expect_syntax_error(R"({"terms": [1 2]})", 1, 14, "'2'");
    expect_syntax_error(R"({"terms": x})", 1, 11, "'x'");
    expect_syntax_error(R"({"a" 1})", 1, 6);
}

TEST(LexiconJson, SyntaxErrorOnALaterLine) {
    // Line 3 is `    {"term": "a" "category": "c"}`: the comma is missing before column 18.
    expect_syntax_error("{\n  \"terms\": [\n    {\"term\": \"a\" \"category\": \"c\"}\n  ]\n}", 3,
                        18, "'\"'");
    expect_syntax_error("{\n\"terms\": [1,\n]}", 3, 1, "']'");
}

TEST(LexiconJson, SyntaxErrorColumnCountsCodePoints) {
    // `{"name": "Київ" x}`: the x is byte 20 but code point 16 (column 17).
    Lexicon lex(R"({"name": "Київ" x})", "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(1u, lex.error().line);
    EXPECT_EQ(17u, lex.error().column);
    EXPECT_EQ(20u, lex.error().offset);
}

TEST(LexiconJson, TrailingGarbageIsASyntaxError) {
    expect_syntax_error(R"({"terms": [{"term": "a", "category": "c"}]} x)", 1, 45, "'x'");
    expect_syntax_error("{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}\n\n  {}", 3, 3);
}

TEST(LexiconJson, MisplacedCommaIsLocatedAtTheComma) {
    // Where a key is expected, the culprit is the character found instead of it.
    expect_syntax_error(R"({,})", 1, 2, "','");
    expect_syntax_error("{\n  \"terms\": [\n    {\"term\": \"a\",, }\n  ]\n}", 3, 18, "','");
    expect_syntax_error(R"({"terms": [{"term": "a", "category": "c",}]})", 1, 42, "'}'");
}

TEST(LexiconJson, TruncatedDocumentReportsTheEndOfInput) {
    // The place of a missing closer is the end of the input, just past its last character.
    expect_syntax_error(R"({"terms": [)", 1, 12, "end of input");
    expect_syntax_error("{\"terms\": [\n  {\"term\": \"a\"", 2, 15, "end of input");
    expect_syntax_error(R"({"terms": "abc)", 1, 15, "end of input");
}

TEST(LexiconJson, DeepNestingIsASyntaxErrorNotACrash) {
    // cJSON's nesting limit bounds its recursion; past it the document is refused.
    Lexicon lex(std::string(100000, '['), "deep.json");
    EXPECT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(1u, lex.error().line);
    std::string inner = std::string(5000, '[') + std::string(5000, ']');
    Lexicon in_key("{\"meta\": {\"x\": " + inner +
                   R"(}, "terms": [{"term": "a", "category": "c"}]})");
    EXPECT_EQ(FL_ERR_SYNTAX, in_key.status());
}

TEST(LexiconJson, NestingWithinTheLimitLoads) {
    std::string inner = std::string(500, '[') + std::string(500, ']');
    Lexicon lex("{\"meta\": {\"x\": " + inner + R"(}, "terms": [{"term": "a", "category": "c"}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(LexiconJson, ByteOrderMarkIsAllowed) {
    Lexicon lex("\xEF\xBB\xBF{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(LexiconJson, InvalidUtf8InAStringIsASyntaxError) {
    // matching.md, "Lexicon files": valid UTF-8 only. The bad byte is character 23.
    expect_syntax_error("{\"terms\": [{\"term\": \"a\xFF\", \"category\": \"c\"}]}", 1, 23,
                        "UTF-8");
    // An encoded surrogate (ED A0 80) is not UTF-8 either.
    expect_syntax_error("{\"terms\": [{\"term\": \"\xED\xA0\x80\", \"category\": \"c\"}]}", 1, 22,
                        "UTF-8");
}

TEST(LexiconJson, NulEscapeIsASyntaxError) {
    // `{"terms": [{"term": "a\u0000", ...`: the escape starts at character 23.
    expect_syntax_error(R"({"terms": [{"term": "a\u0000", "category": "c"}]})", 1, 23, "NUL");
}

TEST(LexiconJson, LoneSurrogateEscapeIsASyntaxErrorThatSaysSo) {
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

TEST(LexiconJson, SurrogatePairEscapeIsOneCharacter) {
    Lexicon lex(R"({"terms": [{"term": "a\uD83D\uDE00", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    EXPECT_EQ("a\xF0\x9F\x98\x80", fl_test::term_text(lex, 0));
}

TEST(LexiconJson, NestingPastTheLimitSaysSo) {
    std::string deep = std::string(1001, '[') + std::string(1001, ']');
    Lexicon lex("{\"meta\": {\"x\": " + deep + R"(}, "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_NE(std::string::npos, std::string(lex.error().detail).find("nested"))
        << lex.error().message;
}

TEST(LexiconJson, RepeatedKeyIsRefusedWithItsPlace) {
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

TEST(LexiconJson, RepeatedKeyAtTheTopLevelIsRefused) {
    Lexicon lex(
        R"({"terms": [{"term": "a", "category": "c"}], "terms": [{"term": "b", "category": "c"}]})");
    EXPECT_NE(FL_OK, lex.status());
}

TEST(LexiconJson, LargeObjectLoadsInLinearTime) {
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

TEST(LexiconJson, TopLevelMustBeAnObject) {
    expect_schema_error("[]", "");
    expect_schema_error("\"terms\"", "");
    expect_schema_error("null", "");
}

TEST(LexiconJson, TermsMustBeANonEmptyArray) {
    expect_schema_error("{}", "terms", "missing");
    expect_schema_error(R"({"terms": {}})", "terms", "array");
    expect_schema_error(R"({"terms": "Kiev"})", "terms", "array");
    expect_schema_error(R"({"terms": []})", "terms", "non-empty");
}

TEST(LexiconJson, EachTermMustBeAnObject) {
    expect_schema_error(R"({"terms": [5]})", "terms[0]", "object");
    expect_schema_error(R"({"terms": [{"term": "a", "category": "c"}, "b"]})", "terms[1]");
}

TEST(LexiconJson, TermStringIsRequired) {
    expect_schema_error(one_term(R"("category": "c")"), "terms[0].term", "missing");
    expect_schema_error(one_term(R"("term": 5, "category": "c")"), "terms[0].term", "string");
    expect_schema_error(one_term(R"("term": null, "category": "c")"), "terms[0].term");
    expect_schema_error(one_term(R"("term": "", "category": "c")"), "terms[0].term", "non-empty");
    expect_schema_error(one_term(R"("term": " \t ", "category": "c")"), "terms[0].term");
}

TEST(LexiconJson, CategoryStringIsRequired) {
    expect_schema_error(one_term(R"("term": "a")"), "terms[0].category", "missing");
    expect_schema_error(one_term(R"("term": "a", "category": 3)"), "terms[0].category", "string");
    expect_schema_error(one_term(R"("term": "a", "category": "")"), "terms[0].category");
}

TEST(LexiconJson, ErrorInALaterTermNamesItsIndex) {
    expect_schema_error(
        R"({"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"},
                         {"term": "c"}]})",
        "terms[2].category");
}

TEST(LexiconJson, WeightMustBeAFiniteNumber) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": "2")"),
                        "terms[0].weight", "number");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": null)"),
                        "terms[0].weight");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": 1e999)"),
                        "terms[0].weight", "finite");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "weight": -1e999)"),
                        "terms[0].weight", "finite");
}

TEST(LexiconJson, CaseSensitiveMustBeABoolean) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "case_sensitive": "yes")"),
                        "terms[0].case_sensitive");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "case_sensitive": 1)"),
                        "terms[0].case_sensitive");
}

TEST(LexiconJson, VariantsMustBeNonEmptyStrings) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": "b")"),
                        "terms[0].variants", "array");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", 5])"),
                        "terms[0].variants[1]", "string");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", " "])"),
                        "terms[0].variants[1]", "non-empty");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "variants": ["b", "--"])"),
                        "terms[0].variants[1]", "no word");
}

TEST(LexiconJson, CategoriesMustBeAnObjectOfDescriptions) {
    std::string terms = R"("terms": [{"term": "a", "category": "c"}])";
    expect_schema_error("{\"categories\": [], " + terms + "}", "categories", "object");
    expect_schema_error("{\"categories\": {\"x\": 5}, " + terms + "}", "categories.x");
    expect_schema_error("{\"categories\": {\"\": {}}, " + terms + "}", "categories.", "name");
}

TEST(LexiconJson, ExclusionsMustBeNonEmptyPhrases) {
    std::string terms = R"("terms": [{"term": "a", "category": "c"}])";
    expect_schema_error("{" + terms + ", \"exclude\": \"x\"}", "exclude", "array");
    expect_schema_error("{" + terms + ", \"exclude\": [\"x\", 5]}", "exclude[1]", "string");
    expect_schema_error("{" + terms + ", \"exclude\": [\"x\", \"\"]}", "exclude[1]", "non-empty");
    expect_schema_error("{" + terms + ", \"exclude\": [\"...\"]}", "exclude[0]", "no word");
}

TEST(LexiconJson, ContrastsMustBeWellFormed) {
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

TEST(LexiconJson, DocumentPastTheByteLimitIsRefused) {
    std::string json = R"({"terms": [{"term": "a", "category": "c"}]})";
    json.resize(FL_MAX_LEXICON_BYTES + 1, ' ');
    Lexicon lex(json, "big.json");
    ASSERT_EQ(FL_ERR_LIMIT, lex.status());
    EXPECT_EQ(FL_ERR_LIMIT, lex.error().code);
    EXPECT_EQ(0, std::strncmp(lex.error().message, "big.json: ", 10)) << lex.error().message;
}

TEST(LexiconJson, DocumentAtTheByteLimitLoads) {
    std::string json = R"({"terms": [{"term": "a", "category": "c"}]})";
    json.resize(FL_MAX_LEXICON_BYTES, ' ');
    Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

// ------------------------------------------------------------------ the strict format

namespace {

struct Misspelt {
    const char *json;
    unsigned line, column;
    const char *path;
    const char *says;
};

class UnknownKey : public ::testing::TestWithParam<Misspelt> {};

TEST_P(UnknownKey, IsAnErrorAtTheKeyWithASuggestion) {
    const Misspelt &m = GetParam();
    Lexicon lex(m.json, "x.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status()) << m.json;
    const fl_error &e = lex.error();
    EXPECT_EQ(m.line, e.line) << e.message;
    EXPECT_EQ(m.column, e.column) << e.message;
    EXPECT_STREQ(m.path, e.path) << e.message;
    EXPECT_NE(std::string::npos, std::string(e.detail).find(m.says)) << e.message;
}

const Misspelt kMisspelt[] = {
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\",\n  \"wieght\": 2}]}", 2, 3, "terms[0]",
     "unknown key \"wieght\"; did you mean \"weight\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\", \"case-sensitive\": true}]}", 1, 43,
     "terms[0]", "did you mean \"case_sensitive\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\", \"variant\": [\"b\"]}]}", 1, 43,
     "terms[0]", "did you mean \"variants\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"categroy\": \"c\"}]}", 1, 26, "terms[0]",
     "did you mean \"category\"?"},
    {"{\"Terms\": [{\"term\": \"a\", \"category\": \"c\"}]}", 1, 2, "", "did you mean \"terms\"?"},
    {"{\"categories\": {\"c\": {\"colour\": \"#ffffff\"}}, \"terms\": []}", 1, 23, "categories.c",
     "did you mean \"color\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}], \"contrasts\": [{\"name\": \"x\", "
     "\"option\": {}}]}",
     1, 73, "contrasts[0]", "did you mean \"options\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}], \"actors\": [{\"name\": \"x\", "
     "\"alias\": []}]}",
     1, 70, "actors[0]", "did you mean \"aliases\"?"},
    {"{\"terms\": [{\"term\": \"a\", \"category\": \"c\", \"url\": \"http://x\"}]}", 1, 43,
     "terms[0]", "unknown key \"url\"; the keys here are term, category"},
};

INSTANTIATE_TEST_SUITE_P(Strict, UnknownKey, ::testing::ValuesIn(kMisspelt));

} // namespace

TEST(LexiconJson, UnknownKeyMessageReadsWithPlaceAndPath) {
    Lexicon lex("{\"terms\": [{\"term\": \"a\", \"category\": \"c\",\n  \"wieght\": 2}]}",
                "x.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    EXPECT_STREQ("x.json:2:3: terms[0]: unknown key \"wieght\"; did you mean \"weight\"?",
                 lex.error().message);
    EXPECT_EQ(0u, lex.error().item);
}

TEST(LexiconJson, UndeclaredCategoryIsAnErrorAtItsUseWithASuggestion) {
    Lexicon lex("{\"categories\": {\"accusation\": {}, \"toponym\": {}},\n"
                " \"terms\": [{\"term\": \"Kiev\", \"category\": \"toponym\"},\n"
                "  {\"term\": \"a\", \"category\": [\"toponym\", \"acusation\"]}]}",
                "x.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    const fl_error &e = lex.error();
    EXPECT_EQ(3u, e.line);
    EXPECT_EQ(41u, e.column);
    EXPECT_STREQ("terms[1].category[1]", e.path);
    EXPECT_EQ(1u, e.item);
    EXPECT_NE(nullptr, std::strstr(e.detail, "'acusation' is not declared")) << e.message;
    EXPECT_NE(nullptr, std::strstr(e.detail, "did you mean 'accusation'?")) << e.message;
}

TEST(LexiconJson, CategoriesMayBeDeclaredAfterTheTerms) {
    Lexicon lex(R"({"terms": [{"term": "a", "category": "c"}], "categories": {"c": "see"}})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(LexiconJson, ContrastsMayComeBeforeTheirTerms) {
    Lexicon lex(R"({"contrasts": [{"name": "x", "options": {"A": ["a"], "B": ["b"]}}],
                    "terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(LexiconJson, FreeFormDataHasItsKeysAndTypes) {
    expect_schema_error(one_term(R"("term": "a", "category": "c", "note": 5)"), "terms[0].note",
                        "a string");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "meta": [1])"), "terms[0].meta",
                        "an object");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "source": {"url": "x"})"),
                        "terms[0].source", "a string or an array of strings");
    expect_schema_error(one_term(R"("term": "a", "category": "c", "source": ["x", 2])"),
                        "terms[0].source[1]", "a string");
    expect_schema_error(R"({"note": null, "terms": [{"term": "a", "category": "c"}]})", "note");
    Lexicon ok(one_term(R"("term": "a", "category": "c", "source": ["x", "y"], "note": "n",
                          "meta": {"any": [1, {"thing": null}]})"));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
}

TEST(LexiconJson, FreeFormValuesAreKeptAsWritten) {
    Lexicon lex(R"({"meta": {"n": 12345678901234567890123, "f": -1.5e3, "b": false,
                              "z": null, "s": "\u00e9t\u00e9", "a": [], "o": {}},
                    "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *meta = fl_value_find(fl_lexicon_extras(lex), "meta", 4);
    ASSERT_EQ(7u, fl_value_count(meta));
    size_t len = 0;
    const char *key = fl_value_key(meta, 0, &len);
    EXPECT_EQ("n", str(key, len));
    const fl_value *n = fl_value_item(meta, 0);
    EXPECT_EQ(FL_VALUE_NUMBER, fl_value_kind_of(n));
    const char *text = fl_value_text(n, &len);
    EXPECT_EQ("12345678901234567890123", str(text, len));
    EXPECT_DOUBLE_EQ(-1500.0, fl_value_number(fl_value_find(meta, "f", 1)));
    EXPECT_EQ(FL_VALUE_FALSE, fl_value_kind_of(fl_value_find(meta, "b", 1)));
    EXPECT_EQ(FL_VALUE_NULL, fl_value_kind_of(fl_value_find(meta, "z", 1)));
    text = fl_value_text(fl_value_find(meta, "s", 1), &len);
    EXPECT_EQ("\xC3\xA9t\xC3\xA9", str(text, len));
    EXPECT_EQ(FL_VALUE_ARRAY, fl_value_kind_of(fl_value_find(meta, "a", 1)));
    EXPECT_EQ(0u, fl_value_count(fl_value_find(meta, "o", 1)));
}

TEST(LexiconJson, SchemaErrorPlacesCountLinesAndCodePoints) {
    // "Київ" is 8 bytes but 4 code points: the bad weight is at column 55, byte 59.
    Lexicon lex("{\"name\": \"x\",\n\"terms\": [{\"term\": \"Київ\", \"category\": \"c\", "
                "\"weight\": \"heavy\"}]}",
                "x.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    EXPECT_EQ(2u, lex.error().line);
    EXPECT_EQ(55u, lex.error().column) << lex.error().message;
    EXPECT_STREQ("x.json:2:55: terms[0].weight: expected a number", lex.error().message);
}

TEST(LexiconJson, ASyntaxErrorAnywhereComesBeforeALexiconError) {
    // The unknown key comes first in the text, but the document is not JSON (a leading zero
    // that cJSON would accept): the syntax error is what the user must fix first.
    expect_syntax_error(R"({"wieght": 1, "terms": [{"term": "a", "category": "c", "weight": 01}]})",
                        1, 67, "expected ',' or '}'");
}

TEST(LexiconJson, ColorIsHex) {
    expect_schema_error(
        R"({"categories": {"c": {"color": "red"}}, "terms": [{"term": "a", "category": "c"}]})",
        "categories.c.color", "#rrggbb");
}

TEST(LexiconJson, ActorsAreRead) {
    Lexicon lex(R"({"terms": [{"term": "a", "category": "c"}],
                    "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin"],
                                "note": "who"},
                               {"name": "Ukraine"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    ASSERT_EQ(2u, fl_lexicon_actor_count(lex));
    fl_actor_info a{};
    ASSERT_EQ(FL_OK, fl_lexicon_actor(lex, 0, &a));
    EXPECT_EQ("Russia", str(a.name, a.name_len));
    ASSERT_EQ(2u, a.n_aliases);
    const char *s = nullptr;
    size_t len = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_actor_alias(lex, 0, 1, &s, &len));
    EXPECT_EQ("the Kremlin", str(s, len));
    EXPECT_EQ(FL_VALUE_STRING, fl_value_kind_of(fl_value_find(a.extras, "note", 4)));
    ASSERT_EQ(FL_OK, fl_lexicon_actor(lex, 1, &a));
    EXPECT_EQ(0u, a.n_aliases);
    EXPECT_EQ(nullptr, a.extras);
}

TEST(LexiconJson, ActorsAreValidated) {
    std::string terms = R"("terms": [{"term": "a", "category": "c"}])";
    expect_schema_error("{" + terms + R"(, "actors": [{"aliases": ["x"]}]})", "actors[0].name",
                        "missing");
    expect_schema_error("{" + terms + R"(, "actors": [{"name": " "}]})", "actors[0].name");
    expect_schema_error("{" + terms + R"(, "actors": [{"name": "a", "aliases": [""]}]})",
                        "actors[0].aliases[0]");
    expect_schema_error(
        "{" + terms + R"(, "actors": [{"name": "Russia"}, {"name": "x", "aliases": ["RUSSIA"]}]})",
        "actors[1].aliases[0]", "repeats actors[0].name");
    expect_schema_error("{" + terms + R"(, "actors": {}})", "actors", "array");
}
