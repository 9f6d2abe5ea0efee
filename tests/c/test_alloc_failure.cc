// test_alloc_failure.cc: allocation-failure sweeps through the fl_allocator seam. For N = 1,
// 2, ... the Nth allocation fails; every call must then return FL_ERR_NOMEM (never crash,
// never another status), free everything it allocated, and leave objects that existed before
// it usable. The sweep ends at the first N the operation does not reach, which must succeed.
// (cJSON allocates with plain malloc, outside the seam: only the seam is counted here;
// LeakSanitizer watches the rest.)
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "shim.h"

namespace {

using fl_test::FailingAllocator;

// Variants, wildcards (folded and case-sensitive), case-sensitive terms, exclusions,
// categories (declared, several per term), contrasts (by term and by variant), actors and
// free-form data: every part of the loader and the builder allocates.
const char *const kLexicon = R"({
  "name": "sweep", "version": "1", "language": "en", "description": "all features",
  "source": ["a", "b"], "note": "n", "meta": {"deep": [1, {"x": null}, "s", true, 2.5]},
  "categories": {"delegitimization": {"color": "#cc0000", "source": "s"}, "spare": "unused",
                 "accusation": {}, "actor": {}, "name": {}, "label": {}, "euphemism": {}},
  "terms": [
    {"term": "coup d'état", "category": "delegitimization", "weight": 2,
     "variants": ["putsch", "переворот", "golpe de estado"], "note": "2014"},
    {"term": "aggress*", "category": ["accusation", "label"], "variants": ["агрес*", "агресс*"]},
    {"term": "US", "category": "actor", "case_sensitive": true, "variants": ["U.S."]},
    {"term": "NATO*", "category": "actor", "case_sensitive": true},
    {"term": "Kiev", "category": "name"},
    {"term": "Kiev regime", "category": "delegitimization", "weight": 3,
     "variants": ["Kyiv regime"]},
    {"term": "Kyiv", "category": "name"},
    {"term": "Київ", "category": "name"},
    {"term": "Ελλάδα", "category": "name"},
    {"term": "pro-Russian", "category": "label"},
    {"term": "special military operation", "category": "euphemism"}
  ],
  "exclude": ["chicken Kiev", "Kiev cake*", "US Open"],
  "contrasts": [
    {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                    "Kyiv": ["Kyiv", "Київ", "Kyiv regime"]}, "note": "x"},
    {"name": "event", "options": {"coup": ["coup d'état"], "operation": ["special military operation"]}}
  ],
  "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin"], "meta": {"k": 1}},
             {"name": "Ukraine", "aliases": ["Kyiv", "Київ", "Mr. Smith"]}]
})";

// Several sentences, many matches of every kind, exclusions, non-ASCII text and quotes.
const char *const kText =
    "The Kiev regime called it a coup d’état. US and NATO officials said the putsch failed.\n"
    "Chicken Kiev and Kiev cakes were served in Kyiv, not in Київ.\n\n"
    "«Агресія триває», сказав він. The special military operation (SMO) is AGGRESSION.\n"
    "Pro‑Russian media in Ελλάδα quoted the U.S. Mr. Smith said: \"Kiev-controlled areas\" "
    "and NATOs allies were at the US Open. Moscow, which says the Kiev regime is a junta, "
    "was called \"the aggressor\"; the Kremlin denies it is AGGRESSIVE.";

// The results of kText against kLexicon with the C library allocator.
std::string baseline() {
    fl_test::Lexicon lex(kLexicon);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
    return fl_test::dump(res);
}

// Runs op with allocation n failing, for n = 1, 2, ...; op returns the status of the call and
// frees whatever it made. Returns the number of allocations the call needs.
template <class Op> size_t sweep(const char *what, fl_status success, Op op) {
    for (size_t n = 1; n < 1000000; n++) {
        FailingAllocator a(n);
        fl_status st = op(a, n);
        EXPECT_EQ(0u, a.live) << what << ": " << a.live << " blocks leaked when allocation " << n
                              << " failed";
        if (!a.failed) {
            EXPECT_EQ(success, st) << what << ": no allocation failed (it needs " << n - 1 << ")";
            return n - 1;
        }
        EXPECT_EQ(FL_ERR_NOMEM, st) << what << ": allocation " << n << " failed";
        if (::testing::Test::HasFailure()) {
            return n;
        }
    }
    ADD_FAILURE() << what << ": the sweep did not end";
    return 0;
}

// A result made with nothing failing, for the sweeps that fail an allocation of what is done
// with it (reset them to their n after); nullptr, with a test failure, when it was not made.
fl_result *result_with_nothing_failing(FailingAllocator &a) {
    a.reset(0);
    fl_result *res = nullptr;
    EXPECT_EQ(FL_OK, fl_result_new(&a, &res));
    return res;
}

} // namespace

TEST(AllocFailure, LexiconLoad) {
    const std::string expected = baseline();
    // Objects made before the sweep, with the C library allocator: they must not notice it.
    fl_test::Lexicon before(kLexicon);
    ASSERT_EQ(FL_OK, before.status()) << before.error().message;
    fl_test::Result before_res;

    std::string json = kLexicon;
    size_t needed = sweep("fl_lexicon_load_json", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_lexicon *lex = nullptr;
        fl_error err{};
        fl_status st = fl_lexicon_load_json(json.data(), json.size(), "sweep.json", &a, &lex, &err);
        if (st == FL_OK) {
            // The lexicon made on the round where nothing failed works.
            fl_test::Result res;
            EXPECT_EQ(FL_OK, res.analyze(lex, kText));
            EXPECT_EQ(expected, fl_test::dump(res));
            fl_lexicon_free(lex);
        } else {
            EXPECT_EQ(nullptr, lex) << "allocation " << n;
            EXPECT_EQ(st, err.code) << "allocation " << n;
            EXPECT_NE(std::string::npos, std::string(err.message).find("out of memory"))
                << "allocation " << n << ": " << err.message;
        }
        EXPECT_EQ(FL_OK, before_res.analyze(before, kText));
        EXPECT_EQ(expected, fl_test::dump(before_res)) << "allocation " << n;
        return st;
    });
    EXPECT_GT(needed, 10u);
}

TEST(AllocFailure, Builder) {
    // Every builder call (free-form data given as JSON text, duplicates merged, references
    // resolved) with allocation n failing; a failed call leaves the builder only to be
    // freed, which frees everything.
    size_t needed = sweep("fl_builder_*", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_builder *b = nullptr;
        fl_error err{};
        fl_status st = fl_builder_new("api", &a, &b);
        if (st != FL_OK) {
            EXPECT_EQ(nullptr, b);
            return st;
        }
        fl_builder_set_duplicates(b, FL_DUPLICATES_MERGE);
        fl_str cats[2] = {{"x", 1}, {"y", 1}};
        fl_str vars[2] = {{"Kyiv regime", 11}, {"Kyjiw regime", 12}};
        fl_term_spec t{};
        t.term = fl_str{"Kiev regime", 11};
        t.categories = cats;
        t.n_categories = 2;
        t.weight = 1.0;
        t.variants = vars;
        t.n_variants = 2;
        const char *extras = R"({"source": ["s"], "meta": {"a": [1, 2]}})";
        t.extras = fl_str{extras, std::strlen(extras)};
        fl_category_spec c{};
        c.name = fl_str{"x", 1};
        c.color = fl_str{"#00ff00", 7};
        fl_category_spec c2{};
        c2.name = fl_str{"y", 1};
        fl_term_spec dup = t;
        dup.term = fl_str{"KIEV REGIME", 11};
        dup.extras = fl_str{nullptr, 0};
        fl_contrast_spec x{};
        x.name = fl_str{"capital", 7};
        fl_str aliases[1] = {{"Moscow", 6}};
        fl_actor_spec actor{};
        actor.name = fl_str{"Russia", 6};
        actor.aliases = aliases;
        actor.n_aliases = 1;
        fl_lexicon *lex = nullptr;
        if ((st = fl_builder_reserve(b, 50)) == FL_OK &&
            (st = fl_builder_add_category(b, &c, &err)) == FL_OK &&
            (st = fl_builder_add_category(b, &c2, &err)) == FL_OK &&
            (st = fl_builder_add_term(b, &t, &err)) == FL_OK &&
            (st = fl_builder_add_term(b, &dup, &err)) == FL_OK &&
            (st = fl_builder_add_exclusion(b, "chicken Kiev", 12, fl_place{0, 0}, &err)) == FL_OK &&
            (st = fl_builder_add_contrast(b, &x, &err)) == FL_OK &&
            (st = fl_builder_add_option(b, "Kiev", 4, fl_place{0, 0}, &err)) == FL_OK &&
            (st = fl_builder_add_reference(b, "Kiev regime", 11, fl_place{0, 0}, &err)) == FL_OK &&
            (st = fl_builder_add_option(b, "Kyiv", 4, fl_place{0, 0}, &err)) == FL_OK &&
            (st = fl_builder_add_reference(b, "Kyiv regime", 11, fl_place{0, 0}, &err)) == FL_OK &&
            (st = fl_builder_add_actor(b, &actor, &err)) == FL_OK &&
            (st = fl_builder_set_extras(b, R"({"note": "n"})", 13, &err)) == FL_OK &&
            (st = fl_builder_compile(b, &lex, &err)) == FL_OK) {
            fl_builder_free(b);
            b = nullptr;
            EXPECT_EQ(1u, fl_lexicon_term_count(lex)) << "allocation " << n;
            fl_lexicon_free(lex);
        } else {
            EXPECT_EQ(nullptr, lex) << "allocation " << n;
        }
        fl_builder_free(b);
        return st;
    });
    EXPECT_GT(needed, 10u);
}

TEST(AllocFailure, LexiconLoadThatEndsInASchemaError) {
    // Failing before the bad entry gives FL_ERR_NOMEM; once the load gets that far, the
    // schema error.
    std::string json = R"({"terms": [{"term": "Kiev", "category": "a", "variants": ["Kyiv"]},
                                     {"term": "aggress*", "category": "b"},
                                     {"term": "KIEV", "category": "c"}]})";
    sweep("schema error", FL_ERR_SCHEMA, [&](FailingAllocator &a, size_t) {
        fl_lexicon *lex = nullptr;
        fl_error err{};
        fl_status st = fl_lexicon_load_json(json.data(), json.size(), nullptr, &a, &lex, &err);
        EXPECT_EQ(nullptr, lex);
        EXPECT_EQ(st, err.code);
        fl_lexicon_free(lex);
        return st;
    });
}

TEST(AllocFailure, LexiconLoadThatEndsInALimitError) {
    std::string words;
    for (int i = 1; i <= FL_MAX_TERM_TOKENS + 1; i++) {
        words += " w" + std::to_string(i);
    }
    std::string json = R"({"terms": [{"term": "Kiev", "category": "a"},
                                     {"term": ")" +
                       words + R"(", "category": "b"}]})";
    sweep("limit error", FL_ERR_LIMIT, [&](FailingAllocator &a, size_t) {
        fl_lexicon *lex = nullptr;
        fl_error err{};
        fl_status st = fl_lexicon_load_json(json.data(), json.size(), nullptr, &a, &lex, &err);
        EXPECT_EQ(nullptr, lex);
        EXPECT_EQ(st, err.code);
        fl_lexicon_free(lex);
        return st;
    });
}

TEST(AllocFailure, ResultNew) {
    size_t needed = sweep("fl_result_new", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_result *res = reinterpret_cast<fl_result *>(&a);
        fl_status st = fl_result_new(&a, &res);
        if (st == FL_OK) {
            EXPECT_NE(nullptr, res);
            bool failed = a.failed;
            a.reset(0); // the new result works once memory is there again
            EXPECT_EQ(FL_OK, fl_analyze(nullptr, "A text.", 7, res, nullptr));
            fl_result_free(res);
            a.failed = failed;
        } else {
            EXPECT_EQ(nullptr, res) << "allocation " << n;
        }
        return st;
    });
    EXPECT_GE(needed, 1u);
}

TEST(AllocFailure, AnalyzeWithAFreshResult) {
    const std::string expected = baseline();
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::string text = kText;
    size_t needed = sweep("fl_analyze", FL_OK, [&](FailingAllocator &a, size_t n) {
        // The result is made with nothing failing; then allocation n of the analysis fails.
        fl_result *res = result_with_nothing_failing(a);
        if (res == nullptr) {
            return FL_ERR_ARG;
        }
        a.reset(n);
        fl_error err{};
        fl_status st = fl_analyze(lex, text.data(), text.size(), res, &err);
        bool failed = a.failed;
        if (st != FL_OK) {
            EXPECT_EQ(st, err.code);
            // It holds no results ...
            size_t k = 99;
            EXPECT_EQ(nullptr, fl_result_tokens(res, &k));
            EXPECT_EQ(0u, k);
            EXPECT_EQ(nullptr, fl_result_sentences(res, &k));
            EXPECT_EQ(0u, k);
            EXPECT_EQ(nullptr, fl_result_matches(res, &k));
            EXPECT_EQ(0u, k);
            EXPECT_EQ(nullptr, fl_result_attributions(res, &k));
            EXPECT_EQ(0u, k);
            EXPECT_EQ(nullptr, fl_result_actor_mentions(res, &k));
            EXPECT_EQ(0u, k);
            // ... but stays usable: the next analysis is complete and correct.
            a.reset(0);
            EXPECT_EQ(FL_OK, fl_analyze(lex, text.data(), text.size(), res, nullptr))
                << "allocation " << n;
            EXPECT_EQ(expected, fl_test::dump(res)) << "allocation " << n;
        } else {
            EXPECT_EQ(expected, fl_test::dump(res));
        }
        fl_result_free(res);
        a.reset(n);
        a.failed = failed;
        return st;
    });
    EXPECT_GT(needed, 5u);
}

// With FL_ATTRIBUTIONS_MATCHED a failure anywhere is an error too, and the result keeps the
// setting for the next analysis.
TEST(AllocFailure, AnalyzeMatchedAttributions) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result want;
    fl_result_keep_attributions(want, FL_ATTRIBUTIONS_MATCHED);
    ASSERT_EQ(FL_OK, want.analyze(lex, kText)) << want.error().message;
    ASSERT_FALSE(want.attributions().empty());
    const std::string expected = fl_test::dump(want);
    std::string text = kText;
    size_t needed = sweep("fl_analyze (matched)", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_result *res = result_with_nothing_failing(a);
        if (res == nullptr) {
            return FL_ERR_ARG;
        }
        fl_result_keep_attributions(res, FL_ATTRIBUTIONS_MATCHED);
        a.reset(n);
        fl_status st = fl_analyze(lex, text.data(), text.size(), res, nullptr);
        bool failed = a.failed;
        if (st != FL_OK) {
            size_t k = 99;
            EXPECT_EQ(nullptr, fl_result_attributions(res, &k));
            EXPECT_EQ(0u, k);
            a.reset(0);
            EXPECT_EQ(FL_OK, fl_analyze(lex, text.data(), text.size(), res, nullptr));
        }
        EXPECT_EQ(expected, fl_test::dump(res)) << "allocation " << n;
        fl_result_free(res);
        a.reset(n);
        a.failed = failed;
        return st;
    });
    EXPECT_GT(needed, 5u);
}

TEST(AllocFailure, AnalyzeWithAReusedResultThatMustGrow) {
    // A result that already holds a small analysis fails while growing for a larger one.
    const std::string expected = baseline();
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::string small = "The Kiev regime.";
    std::string text = kText;
    sweep("fl_analyze (reused result)", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_result *res = result_with_nothing_failing(a);
        if (res == nullptr) {
            return FL_ERR_ARG;
        }
        EXPECT_EQ(FL_OK, fl_analyze(lex, small.data(), small.size(), res, nullptr));
        a.reset(n);
        fl_status st = fl_analyze(lex, text.data(), text.size(), res, nullptr);
        bool failed = a.failed;
        a.reset(0);
        EXPECT_EQ(FL_OK, fl_analyze(lex, text.data(), text.size(), res, nullptr));
        EXPECT_EQ(expected, fl_test::dump(res)) << "allocation " << n;
        fl_result_free(res);
        a.failed = failed;
        return st;
    });
}

TEST(AllocFailure, AnalyzeWithoutALexicon) {
    std::string text = kText;
    std::string expected;
    {
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(nullptr, text));
        expected = fl_test::dump(res);
    }
    sweep("fl_analyze (no lexicon)", FL_OK, [&](FailingAllocator &a, size_t n) {
        fl_result *res = result_with_nothing_failing(a);
        if (res == nullptr) {
            return FL_ERR_ARG;
        }
        a.reset(n);
        fl_status st = fl_analyze(nullptr, text.data(), text.size(), res, nullptr);
        bool failed = a.failed;
        a.reset(0);
        EXPECT_EQ(FL_OK, fl_analyze(nullptr, text.data(), text.size(), res, nullptr));
        EXPECT_EQ(expected, fl_test::dump(res)) << "allocation " << n;
        fl_result_free(res);
        a.failed = failed;
        return st;
    });
}

// A batch of three documents on one thread (so that the Nth allocation is the same in every
// round), keeping the sentences' texts: the worker's result and the batch's columns, which
// one thread fills in place (the concatenation of chunks is swept through the pool below). A
// failed batch is left empty.
TEST(AllocFailure, AnalyzeBatch) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *texts[3] = {kText, "", kText};
    size_t lens[3] = {strlen(kText), 0, strlen(kText)};
    size_t need = sweep("fl_analyze_batch", FL_OK, [&](FailingAllocator &a, size_t) {
        fl_batch *b = nullptr;
        fl_status st = fl_batch_new(&a, &b);
        if (st != FL_OK) {
            return st;
        }
        fl_batch_keep_sentence_texts(b, FL_SENTENCE_TEXTS_ALL);
        fl_error err;
        st = fl_analyze_batch(lex, texts, lens, 3, 1, b, &err);
        fl_batch_columns c;
        fl_batch_columns_get(b, &c);
        EXPECT_EQ(st == FL_OK ? 3u : 0u, c.n_docs);
        EXPECT_EQ(st == FL_OK, c.sent_text_offsets != nullptr);
        fl_batch_free(b);
        return st;
    });
    EXPECT_GT(need, 20u);
}

// The same batch signed beside its analysis (fl_batch_sign): the worker's dedupe scratch and
// the signature columns too. A failed batch is left empty; a whole one holds every signature.
TEST(AllocFailure, AnalyzeBatchSigned) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *texts[3] = {kText, "", kText};
    size_t lens[3] = {strlen(kText), 0, strlen(kText)};
    fl_dedupe_params p;
    fl_dedupe_params_default(&p);
    size_t need = sweep("fl_analyze_batch signed", FL_OK, [&](FailingAllocator &a, size_t) {
        fl_batch *b = nullptr;
        fl_status st = fl_batch_new(&a, &b);
        if (st != FL_OK) {
            return st;
        }
        fl_error err;
        EXPECT_EQ(FL_OK, fl_batch_sign(b, &p, &err));
        st = fl_analyze_batch(lex, texts, lens, 3, 1, b, &err);
        fl_batch_columns c;
        fl_batch_columns_get(b, &c);
        EXPECT_EQ(st == FL_OK ? 3u : 0u, c.n_docs);
        EXPECT_EQ(p.num_hashes, c.num_hashes);
        if (st == FL_OK) {
            EXPECT_GT(c.doc_shingles[0], 0u);
            EXPECT_EQ(0u, c.doc_shingles[1]);
            EXPECT_EQ(c.doc_signatures[0], c.doc_signatures[2 * p.num_hashes]);
        }
        fl_batch_free(b);
        return st;
    });
    EXPECT_GT(need, 20u);
}

// The same with the texts as UCS-2 code units: the worker's buffer for their UTF-8 too.
TEST(AllocFailure, AnalyzeBatchOfCodeUnits) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::vector<uint16_t> wide(kText, kText + strlen(kText));
    wide.push_back(0x2019); // a curly apostrophe: not ASCII
    const void *texts[3] = {wide.data(), kText, wide.data()};
    size_t lens[3] = {wide.size(), strlen(kText), wide.size()};
    uint8_t units[3] = {FL_UNITS_UCS2, FL_UNITS_UTF8, FL_UNITS_UCS2};
    fl_texts t = {texts, lens, units};
    size_t need = sweep("fl_analyze_batch_texts", FL_OK, [&](FailingAllocator &a, size_t) {
        fl_batch *b = nullptr;
        fl_status st = fl_batch_new(&a, &b);
        if (st != FL_OK) {
            return st;
        }
        fl_error err;
        st = fl_analyze_batch_texts(lex, &t, 3, 1, b, &err);
        fl_batch_columns c;
        fl_batch_columns_get(b, &c);
        EXPECT_EQ(st == FL_OK ? 3u : 0u, c.n_docs);
        fl_batch_free(b);
        return st;
    });
    EXPECT_GT(need, 20u);
}

// The same batch through a pool of one worker thread: the pool, its worker's result, the
// queued batch and its chunks, the worker's columns and the collected batch. One batch at a
// time, so the worker allocates only while the caller waits and the Nth allocation is the
// same in every round. A failed batch is left empty and the pool stays usable. collect takes
// the batch (joined or in parts) and returns its status and how many documents it holds.
template <class Collect> size_t sweep_pool(const char *what, Collect collect) {
    fl_test::Lexicon lex(kLexicon);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *texts[3] = {kText, "", kText};
    size_t lens[3] = {strlen(kText), 0, strlen(kText)};
    return sweep(what, FL_OK, [&](FailingAllocator &a, size_t) {
        fl_pool *pool = nullptr;
        fl_status st = fl_pool_new(&a, lex, 1, FL_SENTENCE_TEXTS_ALL, &pool);
        if (st != FL_OK) {
            return st;
        }
        fl_batch *b = nullptr;
        fl_error err;
        uint64_t ticket;
        st = fl_batch_new(&a, &b);
        if (st == FL_OK) {
            st = fl_pool_submit(pool, texts, lens, 3, &ticket, &err);
        }
        if (st == FL_OK) {
            size_t docs = 0;
            st = collect(pool, ticket, b, &err, &docs);
            EXPECT_EQ(st == FL_OK ? 3u : 0u, docs);
        }
        fl_batch_free(b);
        fl_pool_free(pool);
        return st;
    });
}

TEST(AllocFailure, Pool) {
    size_t need = sweep_pool("fl_pool", [](fl_pool *pool, uint64_t ticket, fl_batch *b,
                                           fl_error *err, size_t *docs) {
        fl_status st = fl_pool_collect(pool, ticket, b, err);
        fl_batch_columns c;
        fl_batch_columns_get(b, &c);
        *docs = c.n_docs;
        return st;
    });
    EXPECT_GT(need, 20u);
}

// A collector's own result (fl_pool_collector_helps): its failure leaves a pool that works
// as before, collecting whole batches.
TEST(AllocFailure, PoolCollectorHelps) {
    fl_test::Lexicon lex(kLexicon);
    const char *texts[1] = {kText};
    size_t lens[1] = {strlen(kText)};
    size_t need = sweep("fl_pool_collector_helps", FL_OK, [&](FailingAllocator &a, size_t) {
        fl_pool *pool = nullptr;
        fl_status st = fl_pool_new(&a, lex, 1, FL_SENTENCE_TEXTS_NONE, &pool);
        if (st != FL_OK) {
            return st;
        }
        st = fl_pool_collector_helps(pool);
        if (st != FL_OK) {
            // not the sweep's allocator from here: the pool must still analyse
            fl_batch *b = nullptr;
            fl_error err;
            uint64_t ticket;
            EXPECT_EQ(FL_OK, fl_batch_new(nullptr, &b));
            a.fail_at = 0;
            EXPECT_EQ(FL_OK, fl_pool_submit(pool, texts, lens, 1, &ticket, &err));
            EXPECT_EQ(FL_OK, fl_pool_collect(pool, ticket, b, &err));
            fl_batch_columns c;
            fl_batch_columns_get(b, &c);
            EXPECT_EQ(1u, c.n_docs);
            fl_batch_free(b);
        }
        fl_pool_free(pool);
        return st;
    });
    EXPECT_GT(need, 0u);
}

// The same through fl_pool_collect_parts: the chunks are handed over, not joined; a failed
// batch is left with one empty part.
TEST(AllocFailure, PoolParts) {
    size_t need = sweep_pool("fl_pool parts", [](fl_pool *pool, uint64_t ticket, fl_batch *b,
                                                 fl_error *err, size_t *docs) {
        fl_status st = fl_pool_collect_parts(pool, ticket, b, err);
        for (size_t k = 0; k < fl_batch_parts(b); k++) {
            fl_batch_columns c;
            fl_batch_part_columns(b, k, &c);
            *docs += c.n_docs;
        }
        return st;
    });
    EXPECT_GT(need, 20u);
}

TEST(AllocFailure, Fold) {
    for (std::string text : {std::string("KIEV Regime"), std::string("Ελλάδα d’État Ёлка ß"),
                             std::string(500, 'A') + "é"}) {
        std::string expected = fl_test::fold(text);
        sweep("fl_fold", FL_OK, [&](FailingAllocator &a, size_t n) {
            std::vector<char> out(expected.size() + 1, '#');
            size_t needed = 12345;
            fl_status st = fl_fold(text.data(), text.size(), out.data(), out.size(), &needed, &a);
            if (st == FL_OK) {
                EXPECT_EQ(expected.size(), needed);
                EXPECT_EQ(expected, std::string(out.data(), expected.size()));
            } else {
                // The same call with memory to spare then succeeds.
                bool failed = a.failed;
                a.reset(0);
                EXPECT_EQ(FL_OK,
                          fl_fold(text.data(), text.size(), out.data(), out.size(), &needed, &a))
                    << "allocation " << n;
                EXPECT_EQ(expected, std::string(out.data(), expected.size()));
                a.failed = failed;
            }
            return st;
        });
    }
}
