// test_alloc.cc: the allocation seam (alloc.c): every allocation goes through the caller's
// fl_allocator, frees only what it gave out, and results amortise their memory.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "shim.h"

namespace {

// Counts calls and checks that every realloc and free is of a block it handed out.
struct TrackingAllocator : fl_allocator {
    std::set<void *> blocks;
    size_t mallocs = 0;
    size_t reallocs = 0;
    size_t frees = 0;
    size_t foreign = 0; // realloc/free of a pointer this allocator never returned

    TrackingAllocator() : fl_allocator{&do_malloc, &do_realloc, &do_free, this} {}
    TrackingAllocator(const TrackingAllocator &) = delete;
    TrackingAllocator &operator=(const TrackingAllocator &) = delete;

    size_t calls() const { return mallocs + reallocs; }

  private:
    static TrackingAllocator *self(void *ctx) { return static_cast<TrackingAllocator *>(ctx); }
    static void *do_malloc(void *ctx, size_t size) {
        TrackingAllocator *a = self(ctx);
        a->mallocs++;
        void *p = std::malloc(size != 0 ? size : 1);
        if (p != nullptr) {
            a->blocks.insert(p);
        }
        return p;
    }
    static void *do_realloc(void *ctx, void *ptr, size_t size) {
        TrackingAllocator *a = self(ctx);
        a->reallocs++;
        if (ptr != nullptr && a->blocks.count(ptr) == 0) {
            a->foreign++;
            return nullptr;
        }
        void *p = std::realloc(ptr, size != 0 ? size : 1);
        if (p != nullptr) {
            a->blocks.erase(ptr);
            a->blocks.insert(p);
        }
        return p;
    }
    static void do_free(void *ctx, void *ptr) {
        TrackingAllocator *a = self(ctx);
        a->frees++;
        if (ptr == nullptr) {
            return;
        }
        if (a->blocks.erase(ptr) == 0) {
            a->foreign++;
            return;
        }
        std::free(ptr);
    }
};

const char *const kLexicon = R"({
  "terms": [
    {"term": "Kiev regime", "category": "delegitimization", "weight": 2.0},
    {"term": "aggress*", "category": "accusation", "variants": ["агрес*"]},
    {"term": "US", "category": "actor", "case_sensitive": true}
  ],
  "exclude": ["chicken Kiev"],
  "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev regime"], "US": ["US"]}}]
})";

const char *const kText = "The Kiev regime denied any aggression. Chicken Kiev was served.\n"
                          "US officials said the Kiev regime was aggressive. Агресія тривала.";

} // namespace

TEST(Alloc, LexiconAllocatesOnlyThroughTheGivenAllocator) {
    TrackingAllocator a;
    {
        fl_test::Lexicon lex(kLexicon, "x.json", &a);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
        EXPECT_GT(a.calls(), 0u);
        EXPECT_FALSE(a.blocks.empty());
    }
    EXPECT_TRUE(a.blocks.empty()) << a.blocks.size() << " blocks leaked";
    EXPECT_EQ(0u, a.foreign);
}

TEST(Alloc, ResultAllocatesOnlyThroughTheGivenAllocator) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    TrackingAllocator a;
    {
        fl_test::Result res(&a);
        ASSERT_EQ(FL_OK, res.status());
        size_t after_new = a.calls();
        EXPECT_GE(after_new, 1u);
        ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
        EXPECT_GT(a.calls(), after_new) << "the analysis allocated nothing through the seam";
        EXPECT_FALSE(res.matches().empty());
    }
    EXPECT_TRUE(a.blocks.empty()) << a.blocks.size() << " blocks leaked";
    EXPECT_EQ(0u, a.foreign);
}

TEST(Alloc, AnalysisNeverAllocatesThroughTheLexicon) {
    // The lexicon is immutable after load; an analysis uses the result's allocator only.
    TrackingAllocator lex_alloc;
    fl_test::Lexicon lex(kLexicon, nullptr, &lex_alloc);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    size_t before = lex_alloc.calls();
    size_t frees = lex_alloc.frees;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
    EXPECT_EQ(before, lex_alloc.calls());
    EXPECT_EQ(frees, lex_alloc.frees);
}

TEST(Alloc, ReusedResultDoesNotAllocateForTheSameText) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    TrackingAllocator a;
    fl_test::Result res(&a);
    ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
    size_t after_first = a.calls();
    for (int i = 0; i < 5; i++) {
        ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
    }
    EXPECT_EQ(after_first, a.calls()) << "a reused result allocated again for the same text";
}

TEST(Alloc, ReusedResultDoesNotAllocateForASmallerText) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    TrackingAllocator a;
    fl_test::Result res(&a);
    std::string big;
    for (int i = 0; i < 50; i++) {
        big += kText;
        big += "\n\n";
    }
    ASSERT_EQ(FL_OK, res.analyze(lex, big)) << res.error().message;
    size_t calls = a.calls();
    ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
    EXPECT_EQ(calls, a.calls());
}

TEST(Alloc, NullAllocatorUsesTheCLibrary) {
    fl_result *res = nullptr;
    ASSERT_EQ(FL_OK, fl_result_new(nullptr, &res));
    ASSERT_NE(nullptr, res);
    std::string text = "Some text. More text.";
    EXPECT_EQ(FL_OK, fl_analyze(nullptr, text.data(), text.size(), res, nullptr));
    fl_result_free(res);
}

TEST(Alloc, FoldAllocatesThroughTheGivenAllocatorAndFreesEverything) {
    TrackingAllocator a;
    EXPECT_EQ("київ", fl_test::fold("КИЇВ", &a));
    EXPECT_EQ("kiev", fl_test::fold("KIEV", &a));
    EXPECT_TRUE(a.blocks.empty()) << a.blocks.size() << " blocks leaked";
    EXPECT_EQ(0u, a.foreign);
}

TEST(Alloc, GrowthKeepsEveryElement) {
    // Far more tokens, sentences and matches than any initial capacity: growth must keep
    // what was already stored.
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    TrackingAllocator a;
    fl_test::Result res(&a);
    std::string text;
    const int n = 20000;
    for (int i = 0; i < n; i++) {
        text += "The Kiev regime spoke. ";
    }
    ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    auto toks = res.tokens();
    auto sents = res.sentences();
    auto matches = res.matches();
    ASSERT_EQ(static_cast<size_t>(5 * n), toks.size());
    ASSERT_EQ(static_cast<size_t>(n), sents.size());
    ASSERT_EQ(static_cast<size_t>(n), matches.size());
    for (int i = 0; i < n; i++) {
        ASSERT_EQ(static_cast<size_t>(23 * i + 4), matches[i].start) << "match " << i;
        ASSERT_EQ("Kiev regime", fl_test::slice(text, matches[i].start, matches[i].end));
        ASSERT_EQ(static_cast<uint32_t>(i), matches[i].sentence);
        ASSERT_EQ(static_cast<uint32_t>(5 * i), sents[i].first_token);
    }
    EXPECT_EQ(0u, a.foreign);
}

TEST(Alloc, FreeOfNullIsANoOp) {
    fl_result_free(nullptr);
    fl_lexicon_free(nullptr);
}

TEST(Alloc, ObjectsWithDifferentAllocatorsWorkTogether) {
    TrackingAllocator la;
    TrackingAllocator ra;
    {
        fl_test::Lexicon lex(kLexicon, nullptr, &la);
        ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
        fl_test::Result res(&ra);
        ASSERT_EQ(FL_OK, res.analyze(lex, kText)) << res.error().message;
        EXPECT_EQ(6u, res.matches().size());
    }
    EXPECT_TRUE(la.blocks.empty());
    EXPECT_TRUE(ra.blocks.empty());
    EXPECT_EQ(0u, la.foreign + ra.foreign);
}
