// test_lexicon_build.cc: the public lexicon builder (lexicon_build.c): items added through the
// API, the duplicate policies, contrast references by term or by spelling, actors, errors that
// name the item (index, path and, when given, its place), and building in linear time.
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

fl_str S(const char *s) {
    return fl_str{s, std::strlen(s)};
}

// A builder owned by the test, with helpers that add terms in one line.
class Builder {
  public:
    explicit Builder(const char *source = "api", fl_duplicates policy = FL_DUPLICATES_ERROR,
                     const fl_allocator *alloc = nullptr) {
        status_ = fl_builder_new(source, alloc, &b_);
        if (status_ == FL_OK) {
            fl_builder_set_duplicates(b_, policy);
        }
    }
    ~Builder() {
        fl_builder_free(b_);
        fl_lexicon_free(lex_);
    }
    Builder(const Builder &) = delete;
    Builder &operator=(const Builder &) = delete;

    fl_status term(const char *term, std::vector<const char *> cats,
                   std::vector<const char *> variants = {}, double weight = 1.0,
                   fl_place place = {0, 0}, const char *extras = nullptr) {
        std::vector<fl_str> c, v;
        for (const char *x : cats) {
            c.push_back(S(x));
        }
        for (const char *x : variants) {
            v.push_back(S(x));
        }
        fl_term_spec spec{};
        spec.term = S(term);
        spec.categories = c.data();
        spec.n_categories = c.size();
        spec.variants = v.empty() ? nullptr : v.data();
        spec.n_variants = v.size();
        spec.weight = weight;
        spec.place = place;
        if (extras != nullptr) {
            spec.extras = S(extras);
        }
        return fl_builder_add_term(b_, &spec, &err_);
    }
    fl_status category(const char *name, const char *description = nullptr,
                       const char *color = nullptr) {
        fl_category_spec spec{};
        spec.name = S(name);
        if (description != nullptr) {
            spec.description = S(description);
        }
        if (color != nullptr) {
            spec.color = S(color);
        }
        return fl_builder_add_category(b_, &spec, &err_);
    }
    fl_status contrast(const char *name) {
        fl_contrast_spec spec{};
        spec.name = S(name);
        return fl_builder_add_contrast(b_, &spec, &err_);
    }
    fl_status option(const char *name, std::vector<const char *> refs) {
        fl_status st = fl_builder_add_option(b_, name, std::strlen(name), fl_place{0, 0}, &err_);
        for (size_t i = 0; st == FL_OK && i < refs.size(); i++) {
            st = fl_builder_add_reference(b_, refs[i], std::strlen(refs[i]), fl_place{0, 0}, &err_);
        }
        return st;
    }
    fl_status compile() { return fl_builder_compile(b_, &lex_, &err_); }

    fl_builder *get() const { return b_; }
    const fl_lexicon *lex() const { return lex_; }
    const fl_error &error() const { return err_; }
    fl_error *err() { return &err_; }
    fl_status status() const { return status_; }

  private:
    fl_builder *b_ = nullptr;
    fl_lexicon *lex_ = nullptr;
    fl_status status_ = FL_ERR_ARG;
    fl_error err_{};
};

// The terms the matcher found in text, as "term/spelling".
std::vector<std::string> found(const fl_lexicon *lex, const std::string &text) {
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::vector<std::string> out;
    for (const fl_match &m : res.matches()) {
        out.push_back(fl_test::term_text(lex, m.term) + "/" + std::to_string(m.spelling));
    }
    return out;
}

} // namespace

// ------------------------------------------------------------------ building

TEST(Builder, TermsCategoriesAndVariantsCompile) {
    Builder b;
    ASSERT_EQ(FL_OK, b.status());
    ASSERT_EQ(FL_OK, b.term("Kiev regime", {"delegitimization"}, {"Kyiv regime"}, 2.0))
        << b.error().message;
    ASSERT_EQ(FL_OK, b.term("abandon*", {"affect", "sad"})) << b.error().message;
    ASSERT_EQ(FL_OK,
              fl_builder_add_exclusion(b.get(), "chicken Kiev", 12, fl_place{0, 0}, b.err()));
    ASSERT_EQ(FL_OK, fl_builder_set_meta(b.get(), "name", "api lexicon", 11, b.err()));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    EXPECT_EQ(2u, fl_lexicon_term_count(b.lex()));
    EXPECT_EQ(3u, fl_lexicon_category_count(b.lex()));
    EXPECT_EQ("api lexicon", meta(b.lex(), "name"));
    EXPECT_EQ((std::vector<std::string>{"Kiev regime/1", "abandon*/0", "Kiev regime/0"}),
              found(b.lex(), "The Kyiv regime abandoned the Kiev regime."));
}

TEST(Builder, ABuilderIsSpentAfterCompileAndAfterAFailure) {
    Builder b;
    ASSERT_EQ(FL_OK, b.term("a", {"c"}));
    ASSERT_EQ(FL_OK, b.compile());
    EXPECT_EQ(FL_ERR_ARG, b.term("b", {"c"}));
    Builder bad;
    EXPECT_EQ(FL_ERR_SCHEMA, bad.term("...", {"c"}));
    EXPECT_EQ(FL_ERR_ARG, bad.term("b", {"c"}));
    EXPECT_NE(nullptr, std::strstr(bad.error().message, "failed earlier"));
    fl_lexicon *lex = reinterpret_cast<fl_lexicon *>(&bad);
    EXPECT_EQ(FL_ERR_ARG, fl_builder_compile(bad.get(), &lex, nullptr));
    EXPECT_EQ(nullptr, lex);
}

TEST(Builder, AnEmptyLexiconDoesNotCompile) {
    Builder b;
    ASSERT_EQ(FL_ERR_SCHEMA, b.compile());
    EXPECT_STREQ("api: terms: a lexicon needs at least one term", b.error().message);
}

TEST(Builder, ReservingRoomChangesNothingElse) {
    Builder b;
    ASSERT_EQ(FL_OK, fl_builder_reserve(b.get(), 100000));
    ASSERT_EQ(FL_OK, b.term("a", {"c"}));
    ASSERT_EQ(FL_OK, fl_builder_reserve(b.get(), 10));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    EXPECT_EQ(1u, fl_lexicon_term_count(b.lex()));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_reserve(b.get(), 1)) << "a compiled builder is spent";
    EXPECT_EQ(FL_ERR_ARG, fl_builder_reserve(nullptr, 1));
}

TEST(Builder, ArgumentsAreChecked) {
    fl_builder *b = nullptr;
    EXPECT_EQ(FL_ERR_ARG, fl_builder_new(nullptr, nullptr, nullptr));
    ASSERT_EQ(FL_OK, fl_builder_new(nullptr, nullptr, &b));
    fl_error err{};
    EXPECT_EQ(FL_ERR_ARG, fl_builder_add_term(b, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_set_duplicates(b, static_cast<fl_duplicates>(7)));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_set_meta(b, "colour", "x", 1, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_add_option(b, "A", 1, fl_place{0, 0}, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_add_reference(b, "a", 1, fl_place{0, 0}, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_builder_compile(b, nullptr, &err));
    fl_builder_free(b);
    fl_builder_free(nullptr);
    EXPECT_EQ(FL_ERR_ARG, fl_builder_add_term(nullptr, nullptr, &err));
}

TEST(Builder, ErrorsNameTheItemByIndexAndPlace) {
    Builder b("words.txt");
    ASSERT_EQ(FL_OK, b.term("alpha", {"c"}, {}, 1.0, fl_place{1, 0}));
    ASSERT_EQ(FL_OK, b.term("beta", {"c"}, {}, 1.0, fl_place{2, 0}));
    ASSERT_EQ(FL_ERR_SCHEMA, b.term("gamma", {"c"}, {"!!"}, 1.0, fl_place{3, 0}));
    EXPECT_EQ(2u, b.error().item);
    EXPECT_EQ(3u, b.error().line);
    EXPECT_EQ(0u, b.error().column);
    EXPECT_STREQ("terms[2].variants[0]", b.error().path);
    EXPECT_STREQ("words.txt:3: terms[2].variants[0]: '!!' has no word (a letter or a digit) to "
                 "match",
                 b.error().message);
}

TEST(Builder, TermsAreChecked) {
    {
        Builder b;
        EXPECT_EQ(FL_ERR_SCHEMA, b.term(" ", {"c"}));
        EXPECT_STREQ("api: terms[0].term: expected a non-empty string", b.error().message);
    }
    {
        Builder b;
        EXPECT_EQ(FL_ERR_SCHEMA, b.term("a", {}));
        EXPECT_STREQ("terms[0].category", b.error().path);
    }
    {
        Builder b;
        EXPECT_EQ(FL_ERR_SCHEMA, b.term("a", {"x", "y", "x"}));
        EXPECT_STREQ("terms[0].category[2]", b.error().path);
        EXPECT_NE(nullptr, std::strstr(b.error().detail, "listed twice"));
    }
    {
        Builder b;
        EXPECT_EQ(FL_ERR_SCHEMA, b.term("a", {"x"}, {}, 1.0 / 0.0));
        EXPECT_STREQ("terms[0].weight", b.error().path);
    }
}

TEST(Builder, FreeFormDataIsGivenAsJsonAndCheckedStrictly) {
    Builder b;
    ASSERT_EQ(FL_OK, b.term("a", {"c"}, {}, 1.0, fl_place{0, 0},
                            R"({"source": ["x", "y"], "meta": {"n": 1}})"))
        << b.error().message;
    ASSERT_EQ(FL_OK, fl_builder_set_extras(b.get(), "{\"note\": \"top\"}", 15, b.err()));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(b.lex(), 0, &t));
    EXPECT_EQ(2u, fl_value_count(fl_value_find(t.extras, "source", 6)));
    size_t len = 0;
    const char *note = fl_value_text(fl_value_find(fl_lexicon_extras(b.lex()), "note", 4), &len);
    EXPECT_EQ("top", str(note, len));

    Builder bad;
    EXPECT_EQ(FL_ERR_SCHEMA, bad.term("a", {"c"}, {}, 1.0, fl_place{0, 0}, R"({"sourse": "x"})"));
    EXPECT_STREQ("api: terms[0]: unknown key \"sourse\"; did you mean \"source\"?",
                 bad.error().message);
    Builder broken;
    EXPECT_EQ(FL_ERR_SYNTAX, broken.term("a", {"c"}, {}, 1.0, fl_place{0, 0}, R"({"note": })"));
    EXPECT_NE(nullptr, std::strstr(broken.error().message, "terms[0]: its free-form data (JSON) "
                                                           "at 1:10: expected a value"))
        << broken.error().message;
}

TEST(Builder, CategoriesAreDeclaredOnce) {
    Builder b;
    ASSERT_EQ(FL_OK, b.category("c", "desc", "#AbCdEf"));
    EXPECT_EQ(FL_ERR_SCHEMA, b.category("c"));
    EXPECT_STREQ("api: categories.c: the category 'c' is declared twice", b.error().message);
    Builder color;
    EXPECT_EQ(FL_ERR_SCHEMA, color.category("c", nullptr, "#abc"));
    EXPECT_STREQ("categories.c.color", color.error().path);
}

TEST(Builder, UndeclaredCategoryFailsAtCompileNamingItsFirstUse) {
    Builder b;
    ASSERT_EQ(FL_OK, b.term("a", {"x"}, {}, 1.0, fl_place{4, 2}));
    ASSERT_EQ(FL_OK, b.category("y"));
    ASSERT_EQ(FL_ERR_SCHEMA, b.compile());
    EXPECT_STREQ("api:4:2: terms[0].category: the category 'x' is not declared under "
                 "\"categories\"; did you mean 'y'?",
                 b.error().message);
}

// ------------------------------------------------------------------ duplicates

TEST(Builder, DuplicateErrorNamesBothPlaces) {
    Builder b("list.txt");
    ASSERT_EQ(FL_OK, b.term("Kiev", {"c"}, {}, 1.0, fl_place{12, 1}));
    ASSERT_EQ(FL_ERR_SCHEMA, b.term("KIEV", {"c"}, {}, 1.0, fl_place{57, 1}));
    EXPECT_STREQ("list.txt:57:1: terms[1].term: 'KIEV' duplicates terms[0] ('Kiev') at 12:1 "
                 "after folding",
                 b.error().message);
    EXPECT_EQ(1u, b.error().item);
    Builder api;
    ASSERT_EQ(FL_OK, api.term("Kiev", {"c"}));
    ASSERT_EQ(FL_ERR_SCHEMA, api.term("x", {"c"}, {"kiev"}));
    EXPECT_STREQ("api: terms[1].variants[0]: 'kiev' duplicates terms[0] ('Kiev') after folding",
                 api.error().message);
}

TEST(Builder, FirstDropsLaterDuplicatesAndCountsThem) {
    Builder b("api", FL_DUPLICATES_FIRST);
    ASSERT_EQ(FL_OK, b.term("Kiev", {"a"}));
    ASSERT_EQ(FL_OK, b.term("KIEV", {"b"}, {"Kyjiw"}, 3.0));  // dropped with its variant
    ASSERT_EQ(FL_OK, b.term("Kyiv", {"a"}, {"kiev", "Kyyiv"}));  // "kiev" dropped alone
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    ASSERT_EQ(2u, fl_lexicon_term_count(b.lex()));
    EXPECT_EQ("Kyiv", fl_test::term_text(b.lex(), 1));
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(b.lex(), 1, &t));
    EXPECT_EQ(1u, t.n_variants);
    fl_duplicate_counts d{};
    fl_lexicon_duplicates(b.lex(), &d);
    EXPECT_EQ(1u, d.terms_dropped);
    EXPECT_EQ(0u, d.terms_merged);
    EXPECT_EQ(1u, d.variants_dropped);
    EXPECT_EQ(1u, fl_lexicon_category_count(b.lex())) << "'b' was only named by a dropped term";
    EXPECT_EQ((std::vector<std::string>{"Kiev/0", "Kyiv/1"}), found(b.lex(), "KIEV Kyyiv Kyjiw."));
}

TEST(Builder, MergeJoinsSpellingsAndCategoriesAndKeepsTheFirstWeight) {
    Builder b("api", FL_DUPLICATES_MERGE);
    ASSERT_EQ(FL_OK, b.term("abandon*", {"affect"}, {}, 2.0));
    ASSERT_EQ(FL_OK, b.term("hope", {"posemo"}));
    ASSERT_EQ(FL_OK, b.term("ABANDON*", {"sad", "affect"}, {"forsak*"}, 5.0));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    ASSERT_EQ(2u, fl_lexicon_term_count(b.lex()));
    fl_term_info t{};
    ASSERT_EQ(FL_OK, fl_lexicon_term(b.lex(), 0, &t));
    EXPECT_EQ(2.0, t.weight);
    ASSERT_EQ(2u, t.n_categories);
    uint32_t c = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_term_category(b.lex(), 0, 1, &c));
    EXPECT_EQ("sad", category(b.lex(), c));
    ASSERT_EQ(1u, t.n_variants);
    const char *v = nullptr;
    size_t len = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_variant(b.lex(), 0, 0, &v, &len));
    EXPECT_EQ("forsak*", str(v, len));
    fl_duplicate_counts d{};
    fl_lexicon_duplicates(b.lex(), &d);
    EXPECT_EQ(1u, d.terms_merged);
    EXPECT_EQ((std::vector<std::string>{"abandon*/1", "hope/0"}), found(b.lex(), "forsaken hope"));
}

TEST(Builder, PolicyMayChangeBetweenTerms) {
    Builder b;
    ASSERT_EQ(FL_OK, b.term("a", {"c"}));
    ASSERT_EQ(FL_OK, fl_builder_set_duplicates(b.get(), FL_DUPLICATES_FIRST));
    ASSERT_EQ(FL_OK, b.term("A", {"c"}));
    ASSERT_EQ(FL_OK, fl_builder_set_duplicates(b.get(), FL_DUPLICATES_ERROR));
    EXPECT_EQ(FL_ERR_SCHEMA, b.term("a", {"c"}));
}

// ------------------------------------------------------------------ contrasts

TEST(Builder, AVariantReferenceCountsOnlyThatSpellingAndWins) {
    // "Kyiv regime" is a variant of "Kiev regime": the Kiev option names the term (all its
    // spellings), the Kyiv option that one spelling, which therefore counts for Kyiv.
    Builder b;
    ASSERT_EQ(FL_OK, b.term("Kiev regime", {"d"}, {"Kyiv regime"}));
    ASSERT_EQ(FL_OK, b.contrast("capital"));
    ASSERT_EQ(FL_OK, b.option("Kiev", {"Kiev regime"}));
    ASSERT_EQ(FL_OK, b.option("Kyiv", {"Kyiv regime"}));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    const char *name = nullptr;
    size_t len = 0;
    const fl_reference *refs = nullptr;
    size_t n = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(b.lex(), 0, 0, &name, &len, &refs, &n));
    ASSERT_EQ(1u, n);
    EXPECT_EQ(0u, refs[0].term);
    EXPECT_EQ(FL_ALL_SPELLINGS, refs[0].spelling);
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(b.lex(), 0, 1, &name, &len, &refs, &n));
    ASSERT_EQ(1u, n);
    EXPECT_EQ(0u, refs[0].term);
    EXPECT_EQ(1u, refs[0].spelling) << "variant 0 is spelling 1";
    // and the matcher says which spelling matched, for the counting
    EXPECT_EQ((std::vector<std::string>{"Kiev regime/1", "Kiev regime/0"}),
              found(b.lex(), "the Kyiv regime, the Kiev regime"));
}

TEST(Builder, ReferencesMayComeBeforeTheirTerms) {
    Builder b;
    ASSERT_EQ(FL_OK, b.contrast("x"));
    ASSERT_EQ(FL_OK, b.option("A", {"a"}));
    ASSERT_EQ(FL_OK, b.option("B", {"b"}));
    ASSERT_EQ(FL_OK, b.term("a", {"c"}));
    ASSERT_EQ(FL_OK, b.term("b", {"c"}));
    EXPECT_EQ(FL_OK, b.compile()) << b.error().message;
}

TEST(Builder, AReferenceToADroppedDuplicateMeansTheSpellingItRepeats) {
    Builder b("api", FL_DUPLICATES_FIRST);
    ASSERT_EQ(FL_OK, b.term("Kiev", {"c"}, {"Kyjiw"}));
    ASSERT_EQ(FL_OK, b.term("KIEV", {"c"}));
    ASSERT_EQ(FL_OK, b.term("Kyiv", {"c"}, {"KYJIW"}));
    ASSERT_EQ(FL_OK, b.contrast("x"));
    ASSERT_EQ(FL_OK, b.option("A", {"KIEV"}));
    ASSERT_EQ(FL_OK, b.option("B", {"Kyiv", "KYJIW"}));
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    const char *name = nullptr;
    size_t len = 0;
    const fl_reference *refs = nullptr;
    size_t n = 0;
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(b.lex(), 0, 0, &name, &len, &refs, &n));
    EXPECT_EQ(0u, refs[0].term);
    EXPECT_EQ(FL_ALL_SPELLINGS, refs[0].spelling);
    ASSERT_EQ(FL_OK, fl_lexicon_contrast_option(b.lex(), 0, 1, &name, &len, &refs, &n));
    ASSERT_EQ(2u, n);
    EXPECT_EQ(0u, refs[1].term);
    EXPECT_EQ(1u, refs[1].spelling);
}

TEST(Builder, ATermOrSpellingCountsForOneOptionOfAContrast) {
    Builder b;
    ASSERT_EQ(FL_OK, b.term("a", {"c"}, {"aa"}));
    ASSERT_EQ(FL_OK, b.term("b", {"c"}));
    ASSERT_EQ(FL_OK, b.contrast("x"));
    ASSERT_EQ(FL_OK, b.option("A", {"a", "a"}));  // twice in one option: once
    ASSERT_EQ(FL_OK, b.option("B", {"b", "a"}));
    ASSERT_EQ(FL_ERR_SCHEMA, b.compile());
    EXPECT_STREQ("api: contrasts[0].options.B[1]: 'a' already counts for the option 'A' of this "
                 "contrast",
                 b.error().message);
    Builder other;
    ASSERT_EQ(FL_OK, other.term("a", {"c"}, {"aa"}));
    ASSERT_EQ(FL_OK, other.contrast("x"));
    ASSERT_EQ(FL_OK, other.option("A", {"aa"}));
    ASSERT_EQ(FL_OK, other.option("B", {"aa"}));
    EXPECT_EQ(FL_ERR_SCHEMA, other.compile());
}

TEST(Builder, ContrastsAreChecked) {
    {
        Builder b;
        ASSERT_EQ(FL_OK, b.term("a", {"c"}));
        ASSERT_EQ(FL_OK, b.contrast("x"));
        ASSERT_EQ(FL_OK, b.option("A", {"a"}));
        ASSERT_EQ(FL_ERR_SCHEMA, b.compile());
        EXPECT_STREQ("contrasts[0].options", b.error().path);
    }
    {
        Builder b;
        ASSERT_EQ(FL_OK, b.term("a", {"c"}));
        ASSERT_EQ(FL_OK, b.contrast("x"));
        ASSERT_EQ(FL_OK, b.option("A", {"a"}));
        ASSERT_EQ(FL_OK, b.option("B", {}));
        ASSERT_EQ(FL_ERR_SCHEMA, b.compile());
        EXPECT_STREQ("contrasts[0].options.B", b.error().path);
    }
    {
        Builder b;
        ASSERT_EQ(FL_OK, b.contrast("x"));
        EXPECT_EQ(FL_ERR_SCHEMA, b.contrast("x"));
        EXPECT_STREQ("api: contrasts[1].name: 'x' is the name of contrasts[0] too",
                     b.error().message);
    }
    {
        Builder b;
        ASSERT_EQ(FL_OK, b.contrast("x"));
        ASSERT_EQ(FL_OK, b.option("A", {}));
        EXPECT_EQ(FL_ERR_SCHEMA, b.option("A", {}));
        EXPECT_NE(nullptr, std::strstr(b.error().message, "listed twice"));
    }
}

// ------------------------------------------------------------------ the same through JSON

TEST(BuilderJson, ContrastOptionsMustNameTermsOrVariants) {
    std::string terms = R"("terms": [{"term": "Kiev", "category": "c", "variants": ["Kyjiw"]},
                                      {"term": "Kyiv", "category": "c"}])";
    auto with = [&](const std::string &options) {
        return "{" + terms + ", \"contrasts\": [{\"name\": \"capital\", \"options\": " + options +
               "}]}";
    };
    expect_schema_error(with(R"({"A": ["Kiev"], "B": ["Kyiv", "Lviv"]})"),
                        "contrasts[0].options.B[1]", "'Lviv'");
    // A variant may be named (that spelling only); a name must be written exactly.
    Lexicon variant(with(R"({"A": ["Kyjiw"], "B": ["Kyiv"]})"));
    EXPECT_EQ(FL_OK, variant.status()) << variant.error().message;
    expect_schema_error(with(R"({"A": ["kiev"], "B": ["Kyiv"]})"), "contrasts[0].options.A[0]",
                        "'kiev'");
    Lexicon ok(with(R"({"A": ["Kiev"], "B": ["Kyiv"]})"));
    EXPECT_EQ(FL_OK, ok.status()) << ok.error().message;
}

TEST(BuilderJson, LaterContrastErrorNamesItsIndex) {
    std::string json =
        R"({"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}],
      "contrasts": [{"name": "x", "options": {"A": ["a"], "B": ["b"]}},
                    {"name": "y", "options": {"A": ["a"], "B": ["zz"]}}]})";
    expect_schema_error(json, "contrasts[1].options.B[0]", "'zz'");
}

// ------------------------------------------------------------------ linear time

// Building is linear in the number of names: doubling categories, contrast references and
// terms roughly doubles the time (benchmarks/linearity.py measures it properly; this only
// guards against a quadratic step coming back, with a generous bound).
TEST(Builder, ManyCategoriesAndReferencesBuildQuickly) {
    const int n = 40000;
    Builder b;
    std::vector<std::string> names(n);
    for (int i = 0; i < n; i++) {
        names[i] = "t" + std::to_string(i);
    }
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; i++) {
        ASSERT_EQ(FL_OK, b.term(names[i].c_str(), {names[i].c_str()})) << b.error().message;
    }
    ASSERT_EQ(FL_OK, b.contrast("all"));
    ASSERT_EQ(FL_OK, b.option("even", {}));
    for (int i = 0; i < n; i += 2) {
        ASSERT_EQ(FL_OK, fl_builder_add_reference(b.get(), names[i].data(), names[i].size(),
                                                  fl_place{0, 0}, b.err()));
    }
    ASSERT_EQ(FL_OK, b.option("odd", {}));
    for (int i = 1; i < n; i += 2) {
        ASSERT_EQ(FL_OK, fl_builder_add_reference(b.get(), names[i].data(), names[i].size(),
                                                  fl_place{0, 0}, b.err()));
    }
    ASSERT_EQ(FL_OK, b.compile()) << b.error().message;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(static_cast<size_t>(n), fl_lexicon_category_count(b.lex()));
    EXPECT_LT(s, 5.0) << n << " categories and references took " << s << " s";
}
