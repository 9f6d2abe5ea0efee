// voice_shim.h: helpers of the voice stage's tests: the voice of every word of a text.
// SPDX-License-Identifier: MIT
#ifndef FRAMELENS_TESTS_VOICE_SHIM_H
#define FRAMELENS_TESTS_VOICE_SHIM_H

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "shim.h"

namespace fl_voice_test {

// JSON string literal of s (quotes and backslashes escaped; the texts have no controls).
inline std::string json_string(const std::string &s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out + "\"";
}

// The voice of every word token of text, as "word" -> voices of its occurrences in order: a
// lexicon holding every word of the text makes each word token a match of its own.
inline std::map<std::string, std::vector<std::string>> word_voices(const std::string &text) {
    static const char *const names[] = {"author", "quoted", "attributed"};
    fl_test::Result plain;
    EXPECT_EQ(FL_OK, plain.analyze(nullptr, text));
    std::set<std::string> words;
    for (const fl_token &t : plain.tokens()) {
        if (t.kind == FL_TOKEN_WORD) {
            words.insert(fl_test::fold(fl_test::slice(text, t.start, t.end)));
        }
    }
    std::string json = "{\"terms\": [";
    bool first = true;
    for (const std::string &w : words) {
        json += (first ? "" : ", ") + std::string("{\"term\": ") + json_string(w) +
                ", \"category\": \"w\"}";
        first = false;
    }
    json += "]}";
    fl_test::Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::map<std::string, std::vector<std::string>> out;
    for (const fl_match &m : res.matches()) {
        out[fl_test::slice(text, m.start, m.end)].push_back(names[m.voice]);
    }
    return out;
}

// Expects the voice of each listed word ("word" or "word#2" for its second occurrence).
inline void expect_voices(const std::string &text,
                          const std::vector<std::pair<std::string, std::string>> &want) {
    auto got = word_voices(text);
    for (const auto &w : want) {
        std::string word = w.first;
        size_t nth = 1;
        size_t hash = word.find('#');
        if (hash != std::string::npos) {
            nth = std::stoul(word.substr(hash + 1));
            word = word.substr(0, hash);
        }
        ASSERT_TRUE(got.count(word) && got[word].size() >= nth) << word << " in: " << text;
        EXPECT_EQ(w.second, got[word][nth - 1]) << word << " in: " << text;
    }
}

constexpr const char *A = "author";
constexpr const char *Q = "quoted";
constexpr const char *R = "attributed";

}  // namespace fl_voice_test

#endif  // FRAMELENS_TESTS_VOICE_SHIM_H
