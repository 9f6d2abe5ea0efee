// lexicon_checks.h: GoogleTest helpers shared by the lexicon tests (test_lexicon*.cc).
// SPDX-License-Identifier: MIT
#ifndef FRAMELENS_TESTS_LEXICON_CHECKS_H
#define FRAMELENS_TESTS_LEXICON_CHECKS_H

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "shim.h"

namespace fl_test {
namespace lexicon_checks {

// A lexicon with every part: metadata, declared categories, variants, a wildcard, a
// case-sensitive term, exclusions, a contrast and free-form data.
inline const char *const kFull = R"({
  "name": "ru-ua-conflict",
  "version": "1.0",
  "language": "en",
  "description": "Framing terms of the war",
  "categories": {
    "delegitimization": {"description": "denies legitimacy", "color": "#c0392b"},
    "unused": "a category described by a string",
    "accusation": {}, "actor": {}, "name": {}
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
  "meta": {"kept": ["as", "metadata"]}
})";

inline std::string str(const char *s, size_t len) {
    return s == nullptr ? std::string("<NULL>") : std::string(s, len);
}

inline std::string category(const fl_lexicon *lex, size_t i) {
    size_t len = 0;
    const char *s = fl_lexicon_category(lex, i, &len);
    return str(s, len);
}

inline std::string meta(const fl_lexicon *lex, const char *key) {
    size_t len = 0;
    const char *s = fl_lexicon_meta(lex, key, &len);
    return str(s, len);
}

// "w1 w2 ... wn"
inline std::string words(int n, const char *suffix = "") {
    std::string s;
    for (int i = 1; i <= n; i++) {
        s += (i > 1 ? " w" : "w") + std::to_string(i);
    }
    return s + suffix;
}

// A load that must fail: checks the code, the path and the message format
// "source:line:col: path: detail" (a JSON file always gives the place).
inline void expect_schema_error(const std::string &json, const std::string &path,
                                const std::string &detail_part = "",
                                fl_status code = FL_ERR_SCHEMA) {
    Lexicon lex(json, "lexicon.json");
    ASSERT_EQ(code, lex.status()) << "json: " << json << "\nmessage: " << lex.error().message;
    const fl_error &e = lex.error();
    EXPECT_EQ(code, e.code);
    EXPECT_EQ(nullptr, lex.get());
    EXPECT_EQ(path, e.path) << e.message;
    EXPECT_GT(e.line, 0u) << e.message;
    EXPECT_GT(e.column, 0u) << e.message;
    EXPECT_GT(std::strlen(e.detail), 0u);
    std::string where = "lexicon.json:" + std::to_string(e.line) + ":" + std::to_string(e.column);
    std::string want = path.empty() ? where + ": " + std::string(e.detail)
                                    : where + ": " + path + ": " + e.detail;
    EXPECT_EQ(want, e.message);
    if (!detail_part.empty()) {
        EXPECT_NE(std::string::npos, std::string(e.detail).find(detail_part))
            << "detail: " << e.detail;
    }
}

// A load that must fail with a syntax error at line:column.
inline void expect_syntax_error(const std::string &json, uint32_t line, uint32_t column,
                                const std::string &detail_part = "") {
    Lexicon lex(json, "lexicon.json");
    ASSERT_EQ(FL_ERR_SYNTAX, lex.status()) << "json: " << json << "\n" << lex.error().message;
    const fl_error &e = lex.error();
    EXPECT_EQ(FL_ERR_SYNTAX, e.code);
    EXPECT_EQ(line, e.line) << "json: " << json << "\n" << e.message;
    EXPECT_EQ(column, e.column) << "json: " << json << "\n" << e.message;
    EXPECT_STREQ("", e.path);
    std::string want = "lexicon.json:" + std::to_string(line) + ":" + std::to_string(column) +
                       ": " + e.detail;
    EXPECT_EQ(want, e.message);
    if (!detail_part.empty()) {
        EXPECT_NE(std::string::npos, std::string(e.detail).find(detail_part))
            << "detail: " << e.detail;
    }
}

inline std::string one_term(const std::string &fields) {
    return R"({"terms": [{)" + fields + "}]}";
}

} // namespace lexicon_checks
} // namespace fl_test

#endif // FRAMELENS_TESTS_LEXICON_CHECKS_H
