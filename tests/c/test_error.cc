// test_error.cc: status strings, the version, and the caller-owned fl_error record (error.c).
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

#include "shim.h"

namespace {

const fl_status kAllStatuses[] = {FL_OK,         FL_ERR_NOMEM,  FL_ERR_ARG,
                                  FL_ERR_SYNTAX, FL_ERR_SCHEMA, FL_ERR_LIMIT};

const char *const kGoodLexicon = R"({"terms": [{"term": "Kiev", "category": "name"}]})";

// An error record full of junk, to see what a call writes.
fl_error junk_error() {
    fl_error err;
    std::memset(&err, 'x', sizeof err);
    err.code = FL_ERR_LIMIT;
    err.line = 77;
    err.column = 88;
    err.offset = 99;
    err.path[sizeof err.path - 1] = '\0';
    err.detail[sizeof err.detail - 1] = '\0';
    err.message[sizeof err.message - 1] = '\0';
    return err;
}

} // namespace

TEST(Error, StatusStringOfEveryCodeIsNonEmptyAndDistinct) {
    std::set<std::string> seen;
    for (fl_status st : kAllStatuses) {
        const char *s = fl_status_str(st);
        ASSERT_NE(nullptr, s) << "status " << static_cast<int>(st);
        EXPECT_GT(std::strlen(s), 0u) << "status " << static_cast<int>(st);
        EXPECT_TRUE(seen.insert(s).second) << "two codes share the text '" << s << "'";
    }
}

TEST(Error, StatusStringsAreTheDocumentedEnglish) {
    // The header quotes the one for FL_ERR_NOMEM; the others are pinned so that a change is
    // deliberate (the Python layer and users' logs show them).
    EXPECT_STREQ("ok", fl_status_str(FL_OK));
    EXPECT_STREQ("out of memory", fl_status_str(FL_ERR_NOMEM));
    EXPECT_STREQ("invalid argument", fl_status_str(FL_ERR_ARG));
    EXPECT_STREQ("invalid JSON", fl_status_str(FL_ERR_SYNTAX));
    EXPECT_STREQ("invalid lexicon", fl_status_str(FL_ERR_SCHEMA));
    EXPECT_STREQ("limit exceeded", fl_status_str(FL_ERR_LIMIT));
}

TEST(Error, StatusStringIsConstantAcrossCalls) {
    for (fl_status st : kAllStatuses) {
        EXPECT_EQ(fl_status_str(st), fl_status_str(st)) << "status " << static_cast<int>(st);
    }
}

TEST(Error, StatusStringOfAnUnknownCodeIsNeverNull) {
    for (int code : {1, 2, -6, -100, 12345}) {
        const char *s = fl_status_str(static_cast<fl_status>(code));
        ASSERT_NE(nullptr, s) << "code " << code;
        EXPECT_GT(std::strlen(s), 0u) << "code " << code;
    }
}

TEST(Error, VersionMatchesTheMacros) {
    ASSERT_NE(nullptr, fl_version());
    EXPECT_STREQ(FL_VERSION_STRING, fl_version());
    std::string expected = std::to_string(FL_VERSION_MAJOR) + "." +
                           std::to_string(FL_VERSION_MINOR) + "." +
                           std::to_string(FL_VERSION_PATCH);
    EXPECT_EQ(expected, fl_version());
}

TEST(Error, SuccessfulLoadSetsOnlyTheCode) {
    fl_error err = junk_error();
    fl_error before = err;
    std::string json = kGoodLexicon;
    fl_lexicon *lex = nullptr;
    ASSERT_EQ(FL_OK, fl_lexicon_load_json(json.data(), json.size(), "x.json", nullptr, &lex, &err))
        << err.message;
    EXPECT_EQ(FL_OK, err.code);
    // "a successful call only sets code to FL_OK": everything else is left as it was.
    EXPECT_EQ(before.line, err.line);
    EXPECT_EQ(before.column, err.column);
    EXPECT_EQ(before.offset, err.offset);
    EXPECT_STREQ(before.path, err.path);
    EXPECT_STREQ(before.message, err.message);
    fl_lexicon_free(lex);
}

TEST(Error, SuccessfulAnalysisSetsOnlyTheCode) {
    fl_test::Lexicon lex(kGoodLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.status());
    fl_error err = junk_error();
    fl_error before = err;
    std::string text = "Kiev was named.";
    ASSERT_EQ(FL_OK, fl_analyze(lex, text.data(), text.size(), res, &err)) << err.message;
    EXPECT_EQ(FL_OK, err.code);
    EXPECT_EQ(before.line, err.line);
    EXPECT_STREQ(before.message, err.message);
}

TEST(Error, FailingCallFillsTheWholeRecord) {
    fl_error err = junk_error();
    std::string json = R"({"terms": 5})";
    fl_lexicon *lex = nullptr;
    ASSERT_EQ(FL_ERR_SCHEMA,
              fl_lexicon_load_json(json.data(), json.size(), "x.json", nullptr, &lex, &err));
    EXPECT_EQ(FL_ERR_SCHEMA, err.code);
    // No stale field from the junk: the place is that of the bad value, no item failed.
    EXPECT_EQ(1u, err.line);
    EXPECT_EQ(11u, err.column);
    EXPECT_EQ(SIZE_MAX, err.item);
    EXPECT_STREQ("terms", err.path);
    EXPECT_GT(std::strlen(err.detail), 0u);
    EXPECT_EQ(std::string("x.json:1:11: terms: ") + err.detail, err.message);
    EXPECT_EQ(nullptr, lex);
}

TEST(Error, AnErrorWithoutAPlaceHasNoLineAndNamesTheItem) {
    fl_error err = junk_error();
    fl_builder *b = nullptr;
    ASSERT_EQ(FL_OK, fl_builder_new("api", nullptr, &b));
    fl_str cat = {"c", 1};
    fl_term_spec spec{};
    spec.term = fl_str{"...", 3};
    spec.categories = &cat;
    spec.n_categories = 1;
    spec.weight = 1.0;
    ASSERT_EQ(FL_ERR_SCHEMA, fl_builder_add_term(b, &spec, &err));
    EXPECT_EQ(0u, err.line);
    EXPECT_EQ(0u, err.column);
    EXPECT_EQ(0u, err.item);
    EXPECT_EQ(std::string("api: terms[0].term: ") + err.detail, err.message);
    fl_builder_free(b);
}

TEST(Error, NullErrorRecordIsAllowedOnFailure) {
    std::string json = "{";
    fl_lexicon *lex = nullptr;
    EXPECT_EQ(FL_ERR_SYNTAX,
              fl_lexicon_load_json(json.data(), json.size(), nullptr, nullptr, &lex, nullptr));
    EXPECT_EQ(nullptr, lex);
    fl_test::Result res;
    EXPECT_EQ(FL_ERR_ARG, fl_analyze(nullptr, nullptr, 5, res, nullptr));
}

TEST(Error, ArgumentErrorsCarryTheCodeAndAMessage) {
    fl_error err{};
    std::string text = "x";
    EXPECT_EQ(FL_ERR_ARG, fl_analyze(nullptr, text.data(), text.size(), nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, err.code);
    EXPECT_GT(std::strlen(err.message), 0u);

    fl_error err2{};
    EXPECT_EQ(FL_ERR_ARG, fl_lexicon_load_json(kGoodLexicon, std::strlen(kGoodLexicon), nullptr,
                                               nullptr, nullptr, &err2));
    EXPECT_EQ(FL_ERR_ARG, err2.code);
    EXPECT_GT(std::strlen(err2.message), 0u);
}

TEST(Error, LongSourceNameIsTruncatedInsideTheBuffers) {
    // The message buffer is fixed: a huge source name must be cut, never overflow it.
    std::string source(5000, 's');
    std::string json = "{\"terms\": [}";
    fl_error err{};
    fl_lexicon *lex = nullptr;
    ASSERT_EQ(FL_ERR_SYNTAX,
              fl_lexicon_load_json(json.data(), json.size(), source.c_str(), nullptr, &lex, &err));
    size_t n = strnlen(err.message, sizeof err.message);
    EXPECT_LT(n, sizeof err.message) << "message not NUL-terminated";
    EXPECT_EQ(0, std::strncmp(err.message, "sss", 3));
    // The position survives the cut: it comes after the (shortened) source.
    EXPECT_NE(nullptr, std::strstr(err.message, ":1:")) << err.message;
}

TEST(Error, LongPathIsTruncatedInsideTheBuffers) {
    // A category name lands in the path ("categories.<name>"); make it longer than the buffer.
    std::string name(2000, 'c');
    std::string json = "{\"categories\": {\"" + name +
                       "\": 5}, \"terms\": [{\"term\": \"a\", "
                       "\"category\": \"b\"}]}";
    fl_error err{};
    fl_lexicon *lex = nullptr;
    ASSERT_EQ(FL_ERR_SCHEMA,
              fl_lexicon_load_json(json.data(), json.size(), "x.json", nullptr, &lex, &err));
    EXPECT_LT(strnlen(err.path, sizeof err.path), sizeof err.path);
    EXPECT_LT(strnlen(err.detail, sizeof err.detail), sizeof err.detail);
    EXPECT_LT(strnlen(err.message, sizeof err.message), sizeof err.message);
    EXPECT_EQ(0, std::strncmp(err.path, "categories.ccc", 14)) << err.path;
}

TEST(Error, LongDetailIsTruncatedInsideTheBuffers) {
    // A duplicate names both spellings in its detail; make them longer than the buffers.
    std::string word(3000, 'w');
    std::string json = "{\"terms\": [{\"term\": \"" + word +
                       "\", \"category\": \"c\"}, "
                       "{\"term\": \"" +
                       word + "\", \"category\": \"c\"}]}";
    fl_error err{};
    fl_lexicon *lex = nullptr;
    ASSERT_EQ(FL_ERR_SCHEMA,
              fl_lexicon_load_json(json.data(), json.size(), "x.json", nullptr, &lex, &err));
    EXPECT_LT(strnlen(err.detail, sizeof err.detail), sizeof err.detail);
    EXPECT_LT(strnlen(err.message, sizeof err.message), sizeof err.message);
    EXPECT_STREQ("terms[1].term", err.path);
}
