// test_json_check.cc: the strict JSON check in front of cJSON (csrc/json_check.c), seen
// through fl_lexicon_load_json: exact positions and clear messages for every kind of error.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>

#include "shim.h"

namespace {

struct Bad {
    const char *json;
    unsigned line, column;
    const char *says;
};

class JsonCheck : public ::testing::TestWithParam<Bad> {};

TEST_P(JsonCheck, ErrorIsAtTheOffendingCharacterAndSaysWhat) {
    const Bad &b = GetParam();
    fl_test::Lexicon lex(b.json, "x.json");
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

INSTANTIATE_TEST_SUITE_P(Bad, JsonCheck, ::testing::ValuesIn(kBad));

TEST(JsonCheckNul, ARawNulByteIsNoWhitespace) {
    const std::string json("{\"terms\":\0[]}", 13);
    fl_test::Lexicon lex(json, "x.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status());
    EXPECT_EQ(10u, lex.error().column) << lex.error().message;
}

TEST(JsonCheckNesting, FiveHundredTwelveLevelsAreTheLimit) {
    auto nested = [](int depth) {
        std::string s = "{\"x\": ";
        s += std::string(depth - 1, '[') + std::string(depth - 1, ']');
        s += ", \"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}";
        return s;
    };
    fl_test::Lexicon ok(nested(511));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
    fl_test::Lexicon deep(nested(513));
    ASSERT_EQ(FL_ERR_SYNTAX, deep.status());
    EXPECT_NE(std::string::npos, std::string(deep.error().message).find("512"));
}

TEST(JsonCheckBom, AByteOrderMarkIsAllowed) {
    fl_test::Lexicon lex("\xEF\xBB\xBF{\"terms\": [{\"term\": \"a\", \"category\": \"c\"}]}");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
}

TEST(JsonCheckEscapes, ValidEscapesAndSurrogatePairsLoad) {
    fl_test::Lexicon lex(
        R"({"terms": [{"term": "\u041a\u0438\u0457\u0432 \ud83d\ude00 \"q\" \\ \/", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_term_info t;
    ASSERT_EQ(FL_OK, fl_lexicon_term(lex, 0, &t));
    EXPECT_EQ(std::string("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x98\x80 \"q\" \\ /"),
              std::string(t.term, t.term_len));
}

}  // namespace
