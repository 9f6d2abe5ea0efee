// test_value.cc: the read-only value trees a lexicon keeps for free-form data (value.c):
// every kind, items and members in order, keys, lookups, and NULL or out-of-range arguments.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "lexicon_checks.h"

using fl_test::Lexicon;
using namespace fl_test::lexicon_checks;

namespace {

std::string text_of(const fl_value *v) {
    size_t len = 0;
    const char *s = fl_value_text(v, &len);
    return str(s, len);
}

const fl_value *meta_of(const fl_lexicon *lex) {
    return fl_value_find(fl_lexicon_extras(lex), "meta", 4);
}

} // namespace

TEST(Value, EveryKindReadsBack) {
    Lexicon lex(R"({"meta": {"s": "x", "i": -12, "f": 0.25, "t": true, "F": false, "n": null,
                             "a": [1, [2], {"k": "v"}], "o": {"k": []}},
                    "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *m = meta_of(lex);
    ASSERT_EQ(FL_VALUE_OBJECT, fl_value_kind_of(m));
    ASSERT_EQ(8u, fl_value_count(m));
    const char *keys[] = {"s", "i", "f", "t", "F", "n", "a", "o"};
    for (size_t i = 0; i < 8; i++) {
        size_t len = 0;
        const char *k = fl_value_key(m, i, &len);
        EXPECT_EQ(keys[i], str(k, len)) << i;
    }
    EXPECT_EQ(FL_VALUE_STRING, fl_value_kind_of(fl_value_find(m, "s", 1)));
    EXPECT_EQ("x", text_of(fl_value_find(m, "s", 1)));
    EXPECT_EQ(-12.0, fl_value_number(fl_value_find(m, "i", 1)));
    EXPECT_EQ("-12", text_of(fl_value_find(m, "i", 1)));
    EXPECT_EQ(0.25, fl_value_number(fl_value_find(m, "f", 1)));
    EXPECT_EQ(FL_VALUE_TRUE, fl_value_kind_of(fl_value_find(m, "t", 1)));
    EXPECT_EQ(FL_VALUE_FALSE, fl_value_kind_of(fl_value_find(m, "F", 1)));
    EXPECT_EQ(FL_VALUE_NULL, fl_value_kind_of(fl_value_find(m, "n", 1)));
    const fl_value *a = fl_value_find(m, "a", 1);
    ASSERT_EQ(3u, fl_value_count(a));
    EXPECT_EQ(1u, fl_value_count(fl_value_item(a, 1)));
    EXPECT_EQ("v", text_of(fl_value_find(fl_value_item(a, 2), "k", 1)));
    size_t len = 7;
    EXPECT_EQ(nullptr, fl_value_key(a, 0, &len)) << "array items have no key";
    EXPECT_EQ(0u, len);
    EXPECT_EQ(FL_VALUE_ARRAY, fl_value_kind_of(fl_value_find(fl_value_find(m, "o", 1), "k", 1)));
}

TEST(Value, WrongKindsAndRangesAnswerAsEmpty) {
    Lexicon lex(R"({"meta": {"s": "x"}, "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *m = meta_of(lex);
    const fl_value *s = fl_value_find(m, "s", 1);
    size_t len = 7;
    EXPECT_EQ(nullptr, fl_value_text(m, &len));
    EXPECT_EQ(0u, len);
    EXPECT_TRUE(std::isnan(fl_value_number(s)));
    EXPECT_EQ(0u, fl_value_count(s));
    EXPECT_EQ(nullptr, fl_value_item(s, 0));
    EXPECT_EQ(nullptr, fl_value_item(m, 1));
    EXPECT_EQ(nullptr, fl_value_key(m, 1, &len));
    EXPECT_EQ(nullptr, fl_value_find(m, "S", 1));
    EXPECT_EQ(nullptr, fl_value_find(m, "ss", 2));
    EXPECT_EQ(nullptr, fl_value_find(s, "s", 1));
    EXPECT_EQ(nullptr, fl_value_find(m, nullptr, 1));
    EXPECT_EQ(FL_VALUE_NULL, fl_value_kind_of(nullptr));
    EXPECT_TRUE(std::isnan(fl_value_number(nullptr)));
    EXPECT_EQ(nullptr, fl_value_text(nullptr, nullptr));
    EXPECT_EQ(0u, fl_value_count(nullptr));
    EXPECT_EQ(nullptr, fl_value_item(nullptr, 0));
    EXPECT_EQ(nullptr, fl_value_key(nullptr, 0, nullptr));
    EXPECT_EQ(nullptr, fl_value_find(nullptr, "s", 1));
}

TEST(Value, EmptyKeysAndStringsAreKept) {
    Lexicon lex(R"({"meta": {"": ""}, "terms": [{"term": "a", "category": "c"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const fl_value *m = meta_of(lex);
    const fl_value *e = fl_value_find(m, "", 0);
    ASSERT_NE(nullptr, e);
    size_t len = 7;
    EXPECT_NE(nullptr, fl_value_text(e, &len));
    EXPECT_EQ(0u, len);
}

TEST(Value, ValuesOutliveTheText) {
    std::string json = R"({"meta": {"k": ["v"]}, "terms": [{"term": "a", "category": "c"}]})";
    fl_lexicon *lex = nullptr;
    fl_error err{};
    ASSERT_EQ(FL_OK, fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, &lex, &err));
    json.assign(json.size(), 'x');
    EXPECT_EQ("v", text_of(fl_value_item(fl_value_find(meta_of(lex), "k", 1), 0)));
    fl_lexicon_free(lex);
}
