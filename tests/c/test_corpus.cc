// test_corpus.cc: fl_analyze_batch and fl_pool (csrc/corpus.c): columns in document order,
// identical for any number of threads and equal to one fl_analyze() per document.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "shim.h"

namespace {

const char *kLexicon = R"({"terms": [
    {"term": "Kiev", "category": "ru"}, {"term": "Kyiv", "category": "ua"},
    {"term": "Kiev regime", "category": "deleg", "weight": 2.0},
    {"term": "aggress*", "category": "acc"}]})";

std::vector<std::string> documents(size_t n) {
    const char *pieces[] = {"Kiev said the talks failed. ", "The Kiev regime is \"aggressive\". ",
                            "Kyiv's mayor disagreed. ", "Nothing here.\n\n",
                            "Aggression, he said. "};
    std::vector<std::string> docs;
    for (size_t i = 0; i < n; i++) {
        std::string d;
        for (size_t k = 0; k < 1 + i % 7; k++) {
            d += pieces[(i * 3 + k) % 5];
        }
        docs.push_back(i % 11 == 0 ? std::string() : d); // some empty documents too
    }
    return docs;
}

struct Batch {
    fl_batch *b = nullptr;
    Batch() { EXPECT_EQ(FL_OK, fl_batch_new(nullptr, &b)); }
    ~Batch() { fl_batch_free(b); }
};

fl_status run(const fl_lexicon *lex, const std::vector<std::string> &docs, unsigned threads,
              fl_batch *b) {
    std::vector<const char *> texts;
    std::vector<size_t> lens;
    for (const auto &d : docs) {
        texts.push_back(d.data());
        lens.push_back(d.size());
    }
    fl_error err;
    return fl_analyze_batch(lex, texts.data(), lens.data(), docs.size(), threads, b, &err);
}

TEST(Corpus, ColumnsEqualOneAnalysisPerDocument) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status());
    auto docs = documents(60);
    Batch batch;
    ASSERT_EQ(FL_OK, run(lex, docs, 1, batch.b));
    fl_batch_columns c;
    fl_batch_columns_get(batch.b, &c);
    ASSERT_EQ(docs.size(), c.n_docs);
    size_t s_at = 0, m_at = 0;
    fl_test::Result res;
    for (size_t d = 0; d < docs.size(); d++) {
        ASSERT_EQ(FL_OK, res.analyze(lex, docs[d]));
        auto sents = res.sentences();
        auto matches = res.matches();
        ASSERT_EQ(sents.size(), c.doc_sentences[d]);
        ASSERT_EQ(matches.size(), c.doc_matches[d]);
        uint64_t tokens = 0;
        for (size_t i = 0; i < sents.size(); i++, s_at++) {
            tokens += sents[i].n_tokens;
            EXPECT_EQ(d, c.sent_doc[s_at]);
            EXPECT_EQ(i, c.sent_index[s_at]);
            EXPECT_EQ((int64_t)sents[i].cp_start, c.sent_start[s_at]);
            EXPECT_EQ((int64_t)sents[i].cp_end, c.sent_end[s_at]);
            EXPECT_EQ(sents[i].n_tokens, c.sent_tokens[s_at]);
            EXPECT_EQ(sents[i].score, c.sent_score[s_at]);
        }
        EXPECT_EQ(tokens, c.doc_tokens[d]);
        for (size_t i = 0; i < matches.size(); i++, m_at++) {
            EXPECT_EQ(d, c.match_doc[m_at]);
            EXPECT_EQ(matches[i].term, c.match_term[m_at]);
            EXPECT_EQ(matches[i].voice, c.match_voice[m_at]);
            std::string surface(c.surface_data + c.surface_offsets[m_at],
                                c.surface_data + c.surface_offsets[m_at + 1]);
            EXPECT_EQ(fl_test::slice(docs[d], matches[i].start, matches[i].end), surface);
        }
    }
    EXPECT_EQ(s_at, c.n_sentences);
    EXPECT_EQ(m_at, c.n_matches);
}

// The attributions of each document, and each match's link to one, as columns: the same as
// fl_result_attributions() per document, with the speaker, cue, lemma and content texts.
TEST(Corpus, AttributionColumnsEqualOneAnalysisPerDocument) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "Kiev", "category": "ru"}],
        "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    auto docs = documents(40);
    for (unsigned threads : {1u, 3u}) {
        Batch batch;
        ASSERT_EQ(FL_OK, run(lex, docs, threads, batch.b));
        fl_batch_columns c;
        fl_batch_columns_get(batch.b, &c);
        size_t a_at = 0, m_at = 0;
        fl_test::Result res;
        for (size_t d = 0; d < docs.size(); d++) {
            ASSERT_EQ(FL_OK, res.analyze(lex, docs[d]));
            auto attrs = res.attributions();
            ASSERT_EQ(attrs.size(), c.doc_attributions[d]);
            for (size_t i = 0; i < attrs.size(); i++, a_at++) {
                const fl_attribution &a = attrs[i];
                EXPECT_EQ(d, c.attr_doc[a_at]);
                EXPECT_EQ(a.sentence, c.attr_sentence[a_at]);
                EXPECT_EQ(a.kind, c.attr_kind[a_at]);
                EXPECT_EQ(a.voice, c.attr_voice[a_at]);
                EXPECT_EQ(a.nested, c.attr_nested[a_at]);
                EXPECT_EQ(a.speaker_actor, c.attr_speaker_actor[a_at]);
                EXPECT_EQ((int64_t)a.cue.cp_start, c.attr_cue_start[a_at]);
                EXPECT_EQ((int64_t)a.content.cp_end, c.attr_content_end[a_at]);
                const int64_t *o = c.attr_text_offsets + 4 * a_at;
                auto str = [&](int k) {
                    return std::string(c.attr_text_data + o[k], c.attr_text_data + o[k + 1]);
                };
                EXPECT_EQ(fl_test::slice(docs[d], a.speaker.start, a.speaker.end), str(0));
                EXPECT_EQ(fl_test::slice(docs[d], a.cue.start, a.cue.end), str(1));
                EXPECT_EQ(std::string(a.cue_lemma, a.cue_lemma_len), str(2));
                EXPECT_EQ(fl_test::slice(docs[d], a.content.start, a.content.end), str(3));
            }
            for (const fl_match &m : res.matches()) {
                EXPECT_EQ(m.attribution, c.match_attribution[m_at]);
                EXPECT_EQ(m.target, c.match_target[m_at]);
                m_at++;
            }
        }
        EXPECT_EQ(a_at, c.n_attributions);
        EXPECT_GT(a_at, 10u);
        EXPECT_EQ(m_at, c.n_matches);
    }
}

// With fl_batch_keep_sentence_texts, each sentence's text (those holding a match, or all) is
// cut from its document beside the columns; a sentence not kept has an empty text, and
// without the setting there are none.
TEST(Corpus, SentenceTextsAreCutFromTheDocuments) {
    fl_test::Lexicon lex(kLexicon);
    auto docs = documents(50);
    docs.push_back("Київ and the Kiev regime. Nothing — here.");
    for (fl_sentence_texts keep : {FL_SENTENCE_TEXTS_MATCHED, FL_SENTENCE_TEXTS_ALL}) {
        for (unsigned threads : {1u, 3u}) {
            Batch batch;
            fl_batch_keep_sentence_texts(batch.b, keep);
            ASSERT_EQ(FL_OK, run(lex, docs, threads, batch.b));
            fl_batch_columns c;
            fl_batch_columns_get(batch.b, &c);
            ASSERT_NE(nullptr, c.sent_text_offsets);
            EXPECT_EQ(0, c.sent_text_offsets[0]);
            size_t at = 0, kept = 0, empty = 0;
            fl_test::Result res;
            for (size_t d = 0; d < docs.size(); d++) {
                ASSERT_EQ(FL_OK, res.analyze(lex, docs[d]));
                for (const fl_sentence &s : res.sentences()) {
                    std::string text(c.sent_text_data + c.sent_text_offsets[at],
                                     c.sent_text_data + c.sent_text_offsets[at + 1]);
                    if (keep == FL_SENTENCE_TEXTS_ALL || s.n_matches > 0) {
                        EXPECT_EQ(fl_test::slice(docs[d], s.start, s.end), text);
                        kept++;
                    } else {
                        EXPECT_EQ("", text);
                        empty++;
                    }
                    at++;
                }
            }
            EXPECT_EQ(c.n_sentences, at);
            EXPECT_GT(kept, 20u);
            EXPECT_EQ(keep == FL_SENTENCE_TEXTS_ALL, empty == 0);
        }
    }
    Batch none;
    ASSERT_EQ(FL_OK, run(lex, docs, 2, none.b));
    fl_batch_columns c;
    fl_batch_columns_get(none.b, &c);
    EXPECT_EQ(nullptr, c.sent_text_offsets);
}

// The strings of a document (sentence texts, match surfaces) are given room as they are
// copied: a document whose strings outgrow what the batch reserved, several times over, keeps
// every string whole and in place.
TEST(Corpus, StringsOutgrowingTheirRoomMidDocumentStayWhole) {
    fl_test::Lexicon lex(kLexicon);
    std::string doc;
    for (int i = 0; i < 600; i++) {
        doc += i % 2 == 0 ? "The Kiev regime said so. " : "Aggressively aggressive aggression. ";
    }
    std::vector<std::string> docs = {doc, "Kiev.", doc};
    for (fl_sentence_texts keep : {FL_SENTENCE_TEXTS_MATCHED, FL_SENTENCE_TEXTS_ALL}) {
        Batch batch;
        fl_batch_keep_sentence_texts(batch.b, keep);
        ASSERT_EQ(FL_OK, run(lex, docs, 1, batch.b));
        fl_batch_columns c;
        fl_batch_columns_get(batch.b, &c);
        size_t s_at = 0, m_at = 0;
        fl_test::Result res;
        for (const std::string &d : docs) {
            ASSERT_EQ(FL_OK, res.analyze(lex, d));
            for (const fl_sentence &s : res.sentences()) {
                std::string text(c.sent_text_data + c.sent_text_offsets[s_at],
                                 c.sent_text_data + c.sent_text_offsets[s_at + 1]);
                ASSERT_EQ(fl_test::slice(d, s.start, s.end), text) << "sentence " << s_at;
                s_at++;
            }
            for (const fl_match &m : res.matches()) {
                std::string surface(c.surface_data + c.surface_offsets[m_at],
                                    c.surface_data + c.surface_offsets[m_at + 1]);
                ASSERT_EQ(fl_test::slice(d, m.start, m.end), surface) << "match " << m_at;
                m_at++;
            }
        }
        EXPECT_EQ(c.n_sentences, s_at);
        EXPECT_EQ(c.n_matches, m_at);
        EXPECT_GT(m_at, 1200u);
        // more than reserved (an eighth of the text for the texts kept, 16 bytes a match
        // for one match per 512 bytes of text): the columns grew within a document
        EXPECT_GT((size_t)c.sent_text_offsets[s_at], 2 * doc.size() / 8);
        EXPECT_GT((size_t)c.surface_offsets[m_at], 2 * 16 * (2 * doc.size() / 512 + 1));
    }
}

TEST(Corpus, AnyThreadCountGivesTheSameColumns) {
    fl_test::Lexicon lex(kLexicon);
    auto docs = documents(97);
    Batch one;
    ASSERT_EQ(FL_OK, run(lex, docs, 1, one.b));
    fl_batch_columns a;
    fl_batch_columns_get(one.b, &a);
    for (unsigned threads : {2u, 3u, 8u, 200u}) {
        Batch many;
        ASSERT_EQ(FL_OK, run(lex, docs, threads, many.b));
        fl_batch_columns b;
        fl_batch_columns_get(many.b, &b);
        ASSERT_EQ(a.n_sentences, b.n_sentences) << threads;
        ASSERT_EQ(a.n_matches, b.n_matches) << threads;
        for (size_t i = 0; i < a.n_sentences; i++) {
            EXPECT_EQ(a.sent_doc[i], b.sent_doc[i]);
            EXPECT_EQ(a.sent_start[i], b.sent_start[i]);
        }
        for (size_t i = 0; i < a.n_matches; i++) {
            EXPECT_EQ(a.match_doc[i], b.match_doc[i]);
            EXPECT_EQ(a.match_start[i], b.match_start[i]);
            EXPECT_EQ(a.surface_offsets[i + 1], b.surface_offsets[i + 1]);
        }
    }
}

// Documents are analysed in chunks taken by whichever worker is free; when several fail, the
// error names the first failing document in document order, for any thread count, and the
// batch is left empty.
TEST(Corpus, FirstFailingDocumentIsReportedForAnyThreadCount) {
    fl_test::Lexicon lex(kLexicon);
    auto docs = documents(120);
    std::vector<const char *> texts;
    std::vector<size_t> lens;
    for (const auto &d : docs) {
        texts.push_back(d.data());
        lens.push_back(d.size());
    }
    // Over the size limit: refused before a byte is read, so the short buffers are safe.
    lens[37] = FL_MAX_TEXT_BYTES + 1;
    lens[90] = FL_MAX_TEXT_BYTES + 1;
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        Batch batch;
        fl_error err;
        ASSERT_EQ(FL_ERR_LIMIT, fl_analyze_batch(lex, texts.data(), lens.data(), docs.size(),
                                                 threads, batch.b, &err))
            << threads;
        EXPECT_EQ(37u, err.item) << threads;
        EXPECT_EQ(0, std::string(err.message).rfind("texts[37]: ", 0)) << err.message;
        fl_batch_columns c;
        fl_batch_columns_get(batch.b, &c);
        EXPECT_EQ(0u, c.n_docs);
        EXPECT_EQ(0u, c.n_matches);
    }
}

TEST(Corpus, EmptyBatchAndReuse) {
    fl_test::Lexicon lex(kLexicon);
    Batch batch;
    ASSERT_EQ(FL_OK, run(lex, {}, 4, batch.b));
    fl_batch_columns c;
    fl_batch_columns_get(batch.b, &c);
    EXPECT_EQ(0u, c.n_docs);
    EXPECT_EQ(0u, c.n_matches);
    ASSERT_EQ(FL_OK, run(lex, documents(5), 2, batch.b));
    fl_batch_columns_get(batch.b, &c);
    EXPECT_EQ(5u, c.n_docs);
}

TEST(Corpus, NullArgumentsAreArgumentErrors) {
    fl_error err;
    EXPECT_EQ(FL_ERR_ARG, fl_analyze_batch(nullptr, nullptr, nullptr, 0, 1, nullptr, &err));
    Batch batch;
    EXPECT_EQ(FL_ERR_ARG, fl_analyze_batch(nullptr, nullptr, nullptr, 3, 1, batch.b, &err));
}

}  // namespace

namespace {

// ---------------------------------------------------------------- fl_pool

// Every column of two batches, compared whole.
void expect_same_columns(const fl_batch_columns &a, const fl_batch_columns &b) {
    ASSERT_EQ(a.n_docs, b.n_docs);
    ASSERT_EQ(a.n_sentences, b.n_sentences);
    ASSERT_EQ(a.n_matches, b.n_matches);
    ASSERT_EQ(a.n_attributions, b.n_attributions);
    auto same = [](const void *x, const void *y, size_t n, size_t elem) {
        return n == 0 || std::memcmp(x, y, n * elem) == 0;
    };
    EXPECT_TRUE(same(a.doc_tokens, b.doc_tokens, a.n_docs, sizeof(uint64_t)));
    EXPECT_TRUE(same(a.doc_matches, b.doc_matches, a.n_docs, sizeof(uint32_t)));
    EXPECT_TRUE(same(a.doc_attributions, b.doc_attributions, a.n_docs, sizeof(uint32_t)));
    EXPECT_TRUE(same(a.sent_doc, b.sent_doc, a.n_sentences, sizeof(uint32_t)));
    EXPECT_TRUE(same(a.sent_start, b.sent_start, a.n_sentences, sizeof(int64_t)));
    EXPECT_TRUE(same(a.sent_end, b.sent_end, a.n_sentences, sizeof(int64_t)));
    EXPECT_TRUE(same(a.sent_score, b.sent_score, a.n_sentences, sizeof(double)));
    EXPECT_TRUE(same(a.match_doc, b.match_doc, a.n_matches, sizeof(uint32_t)));
    EXPECT_TRUE(same(a.match_term, b.match_term, a.n_matches, sizeof(uint32_t)));
    EXPECT_TRUE(same(a.match_start, b.match_start, a.n_matches, sizeof(int64_t)));
    EXPECT_TRUE(same(a.match_voice, b.match_voice, a.n_matches, sizeof(uint8_t)));
    EXPECT_TRUE(same(a.surface_offsets, b.surface_offsets, a.n_matches + 1, sizeof(int64_t)));
    EXPECT_TRUE(same(a.surface_data, b.surface_data, (size_t)a.surface_offsets[a.n_matches], 1));
    EXPECT_TRUE(same(a.attr_doc, b.attr_doc, a.n_attributions, sizeof(uint32_t)));
    EXPECT_TRUE(
        same(a.attr_text_offsets, b.attr_text_offsets, 4 * a.n_attributions + 1, sizeof(int64_t)));
    ASSERT_EQ(a.sent_text_offsets == nullptr, b.sent_text_offsets == nullptr);
    if (a.sent_text_offsets != nullptr) {
        EXPECT_TRUE(
            same(a.sent_text_offsets, b.sent_text_offsets, a.n_sentences + 1, sizeof(int64_t)));
        EXPECT_TRUE(same(a.sent_text_data, b.sent_text_data,
                         (size_t)a.sent_text_offsets[a.n_sentences], 1));
    }
}

struct Docs {
    std::vector<std::string> docs;
    std::vector<const char *> texts;
    std::vector<size_t> lens;
    explicit Docs(std::vector<std::string> d) : docs(std::move(d)) {
        for (const auto &x : docs) {
            texts.push_back(x.data());
            lens.push_back(x.size());
        }
    }
};

// Batches of a few large documents (several 256 KB chunks each) and of many small ones.
std::vector<Docs> pool_batches() {
    std::vector<Docs> out;
    for (size_t k = 0; k < 6; k++) {
        auto docs = documents(40 + 13 * k);
        if (k % 2 == 1) {
            std::string big;
            for (const auto &d : docs) {
                big += d;
            }
            while (big.size() < (300u << 10)) {
                big += big + " Kiev regime. ";
            }
            docs = {big, "Kyiv.", big.substr(0, 100000)};
        }
        out.emplace_back(docs);
    }
    return out;
}

// What the pool must give for each batch: fl_analyze_batch on one thread, keeping the
// sentence texts the pools below keep.
void analyze_each(const fl_test::Lexicon &lex, const std::vector<Docs> &batches,
                  std::vector<Batch> &want) {
    for (size_t k = 0; k < batches.size(); k++) {
        fl_batch_keep_sentence_texts(want[k].b, FL_SENTENCE_TEXTS_MATCHED);
        ASSERT_EQ(FL_OK, run(lex, batches[k].docs, 1, want[k].b));
    }
}

// The pool's batches are those of fl_analyze_batch, for any thread count, collected in any
// order, with the sentence texts the pool keeps; and so when the collector helps.
TEST(Pool, BatchesEqualAnalyzeBatchForAnyThreadCount) {
    fl_test::Lexicon lex(kLexicon);
    auto batches = pool_batches();
    std::vector<Batch> want(batches.size());
    ASSERT_NO_FATAL_FAILURE(analyze_each(lex, batches, want));
    for (unsigned run = 0; run < 6; run++) {
        unsigned threads = 1 + run % 3;
        bool helps = run >= 3;
        SCOPED_TRACE(::testing::Message() << threads << " threads, collector helps: " << helps);
        fl_pool *pool = nullptr;
        ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, threads, FL_SENTENCE_TEXTS_MATCHED, &pool));
        EXPECT_EQ(threads, fl_pool_threads(pool));
        if (helps) {
            ASSERT_EQ(FL_OK, fl_pool_collector_helps(pool));
        }
        std::vector<uint64_t> tickets(batches.size());
        fl_error err;
        for (size_t k = 0; k < batches.size(); k++) {
            ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[k].texts.data(), batches[k].lens.data(),
                                            batches[k].docs.size(), &tickets[k], &err));
        }
        // the second first, then in order
        std::vector<size_t> order = {1, 0, 2, 3, 4, 5};
        for (size_t k : order) {
            Batch got;
            ASSERT_EQ(FL_OK, fl_pool_collect(pool, tickets[k], got.b, &err)) << err.message;
            fl_batch_columns a, b;
            fl_batch_columns_get(want[k].b, &a);
            fl_batch_columns_get(got.b, &b);
            ASSERT_NE(nullptr, b.sent_text_offsets);
            expect_same_columns(a, b);
        }
        // a ticket is used up by its collect
        Batch again;
        EXPECT_EQ(FL_ERR_ARG, fl_pool_collect(pool, tickets[0], again.b, &err));
        fl_pool_free(pool);
    }
}

// The parts of a batch collected by fl_pool_collect_parts, joined as fl_pool_collect joins
// them (offsets shifted past the parts before), into vectors a fl_batch_columns points to.
struct JoinedParts {
    std::vector<uint64_t> doc_tokens;
    std::vector<uint32_t> doc_matches, doc_attributions, sent_doc, match_doc, match_term, attr_doc;
    std::vector<int64_t> sent_start, sent_end, match_start, surface_offsets{0},
        attr_text_offsets{0}, sent_text_offsets{0};
    std::vector<double> sent_score;
    std::vector<uint8_t> match_voice;
    std::string surface_data, sent_text_data;
    bool texts = true;
    fl_batch_columns c{};

    template <typename T> static void add(std::vector<T> &v, const T *p, size_t n) {
        v.insert(v.end(), p, p + n);
    }
    static void add_offsets(std::vector<int64_t> &v, const int64_t *p, size_t n) {
        int64_t base = v.back();
        for (size_t i = 1; i <= n; i++) {
            v.push_back(p[i] + base);
        }
    }
    explicit JoinedParts(const fl_batch *b) {
        for (size_t k = 0; k < fl_batch_parts(b); k++) {
            fl_batch_columns p;
            fl_batch_part_columns(b, k, &p);
            add(doc_tokens, p.doc_tokens, p.n_docs);
            add(doc_matches, p.doc_matches, p.n_docs);
            add(doc_attributions, p.doc_attributions, p.n_docs);
            add(sent_doc, p.sent_doc, p.n_sentences);
            add(sent_start, p.sent_start, p.n_sentences);
            add(sent_end, p.sent_end, p.n_sentences);
            add(sent_score, p.sent_score, p.n_sentences);
            add(match_doc, p.match_doc, p.n_matches);
            add(match_term, p.match_term, p.n_matches);
            add(match_start, p.match_start, p.n_matches);
            add(match_voice, p.match_voice, p.n_matches);
            add(attr_doc, p.attr_doc, p.n_attributions);
            EXPECT_EQ(0, p.surface_offsets[0]);
            add_offsets(surface_offsets, p.surface_offsets, p.n_matches);
            surface_data.append(p.surface_data, (size_t)p.surface_offsets[p.n_matches]);
            add_offsets(attr_text_offsets, p.attr_text_offsets, 4 * p.n_attributions);
            texts = p.sent_text_offsets != nullptr;
            if (texts) {
                add_offsets(sent_text_offsets, p.sent_text_offsets, p.n_sentences);
                sent_text_data.append(p.sent_text_data, (size_t)p.sent_text_offsets[p.n_sentences]);
            }
            c.n_docs += p.n_docs;
            c.n_sentences += p.n_sentences;
            c.n_matches += p.n_matches;
            c.n_attributions += p.n_attributions;
        }
        c.doc_tokens = doc_tokens.data();
        c.doc_matches = doc_matches.data();
        c.doc_attributions = doc_attributions.data();
        c.sent_doc = sent_doc.data();
        c.sent_start = sent_start.data();
        c.sent_end = sent_end.data();
        c.sent_score = sent_score.data();
        c.match_doc = match_doc.data();
        c.match_term = match_term.data();
        c.match_start = match_start.data();
        c.match_voice = match_voice.data();
        c.attr_doc = attr_doc.data();
        c.surface_offsets = surface_offsets.data();
        c.surface_data = surface_data.data();
        c.attr_text_offsets = attr_text_offsets.data();
        c.sent_text_offsets = texts ? sent_text_offsets.data() : nullptr;
        c.sent_text_data = sent_text_data.data();
    }
};

// fl_pool_collect_parts hands over the workers' chunks unjoined: joined, they are the batch
// of fl_analyze_batch, for any thread count; a large batch comes in several parts, an empty
// one in one empty part; a collected batch's old parts go when it is reused.
TEST(Pool, PartsJoinedEqualAnalyzeBatch) {
    fl_test::Lexicon lex(kLexicon);
    auto batches = pool_batches();
    std::vector<Batch> want(batches.size());
    ASSERT_NO_FATAL_FAILURE(analyze_each(lex, batches, want));
    for (unsigned threads : {1u, 2u}) {
        fl_pool *pool = nullptr;
        ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, threads, FL_SENTENCE_TEXTS_MATCHED, &pool));
        std::vector<uint64_t> tickets(batches.size());
        fl_error err;
        for (size_t k = 0; k < batches.size(); k++) {
            ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[k].texts.data(), batches[k].lens.data(),
                                            batches[k].docs.size(), &tickets[k], &err));
        }
        Batch got; // reused: each collect replaces the parts before
        size_t most = 0;
        for (size_t k = 0; k < batches.size(); k++) {
            ASSERT_EQ(FL_OK, fl_pool_collect_parts(pool, tickets[k], got.b, &err)) << err.message;
            most = std::max(most, fl_batch_parts(got.b));
            JoinedParts joined(got.b);
            fl_batch_columns a;
            fl_batch_columns_get(want[k].b, &a);
            ASSERT_NE(nullptr, joined.c.sent_text_offsets);
            expect_same_columns(a, joined.c);
        }
        EXPECT_GT(most, 1u);
        fl_batch_columns none;
        fl_batch_part_columns(got.b, fl_batch_parts(got.b), &none);
        EXPECT_EQ(0u, none.n_docs);
        uint64_t t;
        ASSERT_EQ(FL_OK, fl_pool_submit(pool, nullptr, nullptr, 0, &t, &err));
        ASSERT_EQ(FL_OK, fl_pool_collect_parts(pool, t, got.b, &err));
        EXPECT_EQ(1u, fl_batch_parts(got.b));
        fl_batch_columns empty;
        fl_batch_columns_get(got.b, &empty);
        EXPECT_EQ(0u, empty.n_docs);
        EXPECT_EQ(0, empty.surface_offsets[0]);
        EXPECT_EQ(FL_ERR_ARG, fl_pool_collect_parts(pool, t, got.b, &err));
        EXPECT_EQ(FL_ERR_ARG, fl_pool_collect_parts(pool, t, nullptr, &err));
        fl_pool_free(pool);
    }
}

// A failing document fails its parts' batch as it fails a joined one.
TEST(Pool, PartsOfAFailingBatchAreAnError) {
    fl_test::Lexicon lex(kLexicon);
    auto batches = pool_batches();
    std::vector<size_t> bad_lens = batches[2].lens;
    bad_lens[30] = FL_MAX_TEXT_BYTES + 1;
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_NONE, &pool));
    fl_error err;
    uint64_t t;
    ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[2].texts.data(), bad_lens.data(),
                                    batches[2].docs.size(), &t, &err));
    Batch b;
    EXPECT_EQ(FL_ERR_LIMIT, fl_pool_collect_parts(pool, t, b.b, &err));
    EXPECT_EQ(30u, err.item);
    EXPECT_EQ(0, std::string(err.message).rfind("texts[30]: ", 0)) << err.message;
    EXPECT_EQ(1u, fl_batch_parts(b.b));
    fl_batch_columns cols;
    fl_batch_columns_get(b.b, &cols);
    EXPECT_EQ(0u, cols.n_docs);
    fl_pool_free(pool);
}

// AFailingDocumentFailsItsBatchOnly's pool of 2 threads, its collector helping or not.
void fail_one_batch(bool helps) {
    fl_test::Lexicon lex(kLexicon);
    auto batches = pool_batches();
    std::vector<size_t> bad_lens = batches[2].lens;
    bad_lens[7] = FL_MAX_TEXT_BYTES + 1; // refused before a byte is read
    bad_lens[30] = FL_MAX_TEXT_BYTES + 1;
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_NONE, &pool));
    if (helps) {
        ASSERT_EQ(FL_OK, fl_pool_collector_helps(pool));
    }
    fl_error err;
    uint64_t t[3];
    ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[1].texts.data(), batches[1].lens.data(),
                                    batches[1].docs.size(), &t[0], &err));
    ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[2].texts.data(), bad_lens.data(),
                                    batches[2].docs.size(), &t[1], &err));
    ASSERT_EQ(FL_OK, fl_pool_submit(pool, batches[3].texts.data(), batches[3].lens.data(),
                                    batches[3].docs.size(), &t[2], &err));
    Batch a, b, c;
    EXPECT_EQ(FL_OK, fl_pool_collect(pool, t[0], a.b, &err));
    EXPECT_EQ(FL_ERR_LIMIT, fl_pool_collect(pool, t[1], b.b, &err));
    EXPECT_EQ(7u, err.item);
    EXPECT_EQ(0, std::string(err.message).rfind("texts[7]: ", 0)) << err.message;
    fl_batch_columns cols;
    fl_batch_columns_get(b.b, &cols);
    EXPECT_EQ(0u, cols.n_docs);
    EXPECT_EQ(FL_OK, fl_pool_collect(pool, t[2], c.b, &err));
    fl_batch_columns_get(c.b, &cols);
    EXPECT_EQ(batches[3].docs.size(), cols.n_docs);
    fl_pool_free(pool);
}

// A failing document fails its own batch only, named by its index in that batch; the
// batches before and after it are whole (and so when the collector helps).
TEST(Pool, AFailingDocumentFailsItsBatchOnly) {
    for (bool helps : {false, true}) {
        SCOPED_TRACE(helps ? "collector helps" : "collector waits");
        fail_one_batch(helps);
    }
}

// Counts the allocations made on one thread while `watching` is set (the others pass).
struct ThreadAllocator {
    fl_allocator a{};
    std::thread::id thread = std::this_thread::get_id();
    std::atomic<bool> watching{false};
    std::atomic<size_t> mine{0};
    ThreadAllocator() {
        a.malloc = [](void *ctx, size_t n) {
            static_cast<ThreadAllocator *>(ctx)->note();
            return malloc(n);
        };
        a.realloc = [](void *ctx, void *p, size_t n) {
            static_cast<ThreadAllocator *>(ctx)->note();
            return realloc(p, n);
        };
        a.free = [](void *, void *p) { free(p); };
        a.ctx = this;
    }
    void note() {
        if (watching && std::this_thread::get_id() == thread) {
            mine++;
        }
    }
};

// A helping collector analyses chunks itself (their columns are allocated on its thread
// while it collects); one that waits allocates nothing there. A batch of 4 MB in 32 chunks,
// so that the one worker cannot have taken every chunk before the collector comes.
TEST(Pool, AHelpingCollectorAnalysesChunksWhileItWaits) {
    fl_test::Lexicon lex(kLexicon);
    std::string doc;
    for (const auto &d : documents(60)) {
        doc += d;
    }
    std::vector<std::string> docs;
    for (size_t bytes = 0; bytes < (4u << 20); bytes += doc.size()) {
        docs.push_back(doc);
    }
    Docs batch(docs);
    Batch want;
    ASSERT_EQ(FL_OK, run(lex, batch.docs, 1, want.b));
    for (bool helps : {false, true}) {
        SCOPED_TRACE(helps ? "collector helps" : "collector waits");
        ThreadAllocator alloc;
        fl_pool *pool = nullptr;
        ASSERT_EQ(FL_OK, fl_pool_new(&alloc.a, lex, 1, FL_SENTENCE_TEXTS_NONE, &pool));
        if (helps) {
            ASSERT_EQ(FL_OK, fl_pool_collector_helps(pool));
        }
        fl_error err;
        uint64_t t;
        ASSERT_EQ(FL_OK, fl_pool_submit(pool, batch.texts.data(), batch.lens.data(),
                                        batch.docs.size(), &t, &err));
        alloc.watching = true;
        Batch got;
        ASSERT_EQ(FL_OK, fl_pool_collect(pool, t, got.b, &err)) << err.message;
        alloc.watching = false;
        if (helps) {
            EXPECT_GT(alloc.mine.load(), 0u);
        } else {
            EXPECT_EQ(0u, alloc.mine.load());
        }
        fl_batch_columns a, b;
        fl_batch_columns_get(want.b, &a);
        fl_batch_columns_get(got.b, &b);
        expect_same_columns(a, b);
        fl_pool_free(pool);
    }
}
// Batches never collected are dropped when the pool is freed (LeakSanitizer checks that
// nothing stays allocated); an empty batch is collected as an empty batch.
TEST(Pool, FreeDropsUncollectedBatchesAndEmptyBatchesWork) {
    fl_test::Lexicon lex(kLexicon);
    auto batches = pool_batches();
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_ALL, &pool));
    fl_error err;
    uint64_t t;
    ASSERT_EQ(FL_OK, fl_pool_submit(pool, nullptr, nullptr, 0, &t, &err));
    Batch empty;
    ASSERT_EQ(FL_OK, fl_pool_collect(pool, t, empty.b, &err));
    fl_batch_columns cols;
    fl_batch_columns_get(empty.b, &cols);
    EXPECT_EQ(0u, cols.n_docs);
    for (const auto &b : batches) {
        ASSERT_EQ(FL_OK,
                  fl_pool_submit(pool, b.texts.data(), b.lens.data(), b.docs.size(), &t, &err));
    }
    fl_pool_free(pool);
}

TEST(Pool, NullArgumentsAreArgumentErrors) {
    fl_error err;
    uint64_t t;
    Batch batch;
    EXPECT_EQ(FL_ERR_ARG, fl_pool_new(nullptr, nullptr, 1, FL_SENTENCE_TEXTS_NONE, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit(nullptr, nullptr, nullptr, 0, &t, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_collect(nullptr, 0, batch.b, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_collector_helps(nullptr));
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, nullptr, 1, FL_SENTENCE_TEXTS_NONE, &pool));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit(pool, nullptr, nullptr, 3, &t, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit(pool, nullptr, nullptr, 0, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_collect(pool, 0, nullptr, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_collect(pool, 12345, batch.b, &err));
    fl_pool_free(pool);
    fl_pool_free(nullptr);
}

}  // namespace

// fl_batch_keep_attributions and fl_pool_keep_attributions reach every worker: with
// FL_ATTRIBUTIONS_MATCHED the columns list the attributions of one such fl_analyze() per
// document (those a match links to), for any thread count, and a pool's batches submitted
// before the setting keep every attribution.
TEST(Corpus, MatchedAttributionsInBatchesAndPools) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status());
    auto docs = documents(60);
    fl_test::Result res;
    fl_result_keep_attributions(res, FL_ATTRIBUTIONS_MATCHED);
    std::vector<uint32_t> per_doc;
    std::vector<uint32_t> links;
    for (const auto &d : docs) {
        ASSERT_EQ(FL_OK, res.analyze(lex, d));
        per_doc.push_back((uint32_t)res.attributions().size());
        for (const fl_match &m : res.matches()) {
            links.push_back(m.attribution);
        }
    }
    auto check = [&](const fl_batch_columns &c, const char *what) {
        ASSERT_EQ(docs.size(), c.n_docs) << what;
        EXPECT_EQ(per_doc, std::vector<uint32_t>(c.doc_attributions, c.doc_attributions + c.n_docs))
            << what;
        EXPECT_EQ(links,
                  std::vector<uint32_t>(c.match_attribution, c.match_attribution + c.n_matches))
            << what;
    };
    Batch every;
    ASSERT_EQ(FL_OK, run(lex, docs, 1, every.b));
    fl_batch_columns all;
    fl_batch_columns_get(every.b, &all);
    size_t kept = 0;
    for (uint32_t k : per_doc) {
        kept += k;
    }
    EXPECT_GT(kept, 0u);
    EXPECT_LT(kept, all.n_attributions); // "Kiev said the talks failed." holds no match
    for (unsigned threads : {1u, 3u}) {
        Batch batch;
        fl_batch_keep_attributions(batch.b, FL_ATTRIBUTIONS_MATCHED);
        ASSERT_EQ(FL_OK, run(lex, docs, threads, batch.b));
        fl_batch_columns c;
        fl_batch_columns_get(batch.b, &c);
        check(c, threads == 1 ? "batch, 1 thread" : "batch, 3 threads");
    }
    Docs d(docs);
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_NONE, &pool));
    fl_error err;
    uint64_t before = 0;
    uint64_t after = 0;
    ASSERT_EQ(FL_OK,
              fl_pool_submit(pool, d.texts.data(), d.lens.data(), docs.size(), &before, &err));
    fl_pool_keep_attributions(pool, FL_ATTRIBUTIONS_MATCHED);
    ASSERT_EQ(FL_OK,
              fl_pool_submit(pool, d.texts.data(), d.lens.data(), docs.size(), &after, &err));
    Batch got;
    fl_batch_columns c;
    ASSERT_EQ(FL_OK, fl_pool_collect(pool, before, got.b, &err));
    fl_batch_columns_get(got.b, &c);
    EXPECT_EQ(all.n_attributions, c.n_attributions);
    ASSERT_EQ(FL_OK, fl_pool_collect(pool, after, got.b, &err));
    fl_batch_columns_get(got.b, &c);
    check(c, "pool");
    fl_pool_free(pool);
}

namespace {

// ---------------------------------------------------------------- texts of code units

std::vector<uint32_t> code_points(const std::string &s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        auto b = (unsigned char)s[i];
        size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        uint32_t c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        for (size_t k = 1; k < n; k++) {
            c = (c << 6) | ((unsigned char)s[i + k] & 0x3F);
        }
        out.push_back(c);
        i += n;
    }
    return out;
}

// News with what each form must carry: Latin-1 letters, curly quotes and dashes (UCS-2),
// Cyrillic, an emoji (UCS-4); and ASCII-only documents, some empty.
std::vector<std::string> unicode_documents(size_t n) {
    const char *pieces[] = {"Kiev said the talks failed \xE2\x80\x94 again. ",
                            "The \xE2\x80\x9C"
                            "Kiev regime\xE2\x80\x9D is aggressive. ",
                            "Caf\xC3\xA9 owners in Kyiv disagreed, \xC2\xBB loudly. ",
                            "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 is Kyiv. ",
                            "Aggression \xF0\x9F\x98\x80, he said. ",
                            "Nothing here.\n\n"};
    std::vector<std::string> docs;
    for (size_t i = 0; i < n; i++) {
        std::string d;
        for (size_t k = 0; k < 1 + i % 5; k++) {
            d += pieces[(i * 5 + k) % 6];
        }
        docs.push_back(i % 13 == 0 ? std::string() : d);
    }
    return docs;
}

// Each document in the narrowest form that holds it, as CPython keeps a str (ASCII as UTF-8),
// or, with `widest`, every one as UCS-4.
struct UnitTexts {
    std::vector<std::vector<uint8_t>> one;
    std::vector<std::vector<uint16_t>> two;
    std::vector<std::vector<uint32_t>> four;
    std::vector<const void *> ptrs;
    std::vector<size_t> lens;
    std::vector<uint8_t> units;
    fl_texts texts{};
    UnitTexts(const std::vector<std::string> &docs, bool widest) {
        one.reserve(docs.size());
        two.reserve(docs.size());
        four.reserve(docs.size());
        for (const auto &d : docs) {
            auto cps = code_points(d);
            uint32_t top = 0;
            for (uint32_t c : cps) {
                top = std::max(top, c);
            }
            if (widest || top > 0xFFFF) {
                four.emplace_back(cps.begin(), cps.end());
                ptrs.push_back(four.back().data());
                units.push_back(FL_UNITS_UCS4);
            } else if (top > 0xFF) {
                two.emplace_back(cps.begin(), cps.end());
                ptrs.push_back(two.back().data());
                units.push_back(FL_UNITS_UCS2);
            } else if (top > 0x7F) {
                one.emplace_back(cps.begin(), cps.end());
                ptrs.push_back(one.back().data());
                units.push_back(FL_UNITS_LATIN1);
            } else {
                ptrs.push_back(d.data());
                units.push_back(FL_UNITS_UTF8);
            }
            lens.push_back(cps.size());
        }
        texts = {ptrs.data(), lens.data(), units.data()};
    }
};

// Texts of code units give the columns of their UTF-8, for any thread count and form, in a
// batch and in a pool; every form is among the documents.
TEST(Units, BatchesOfCodeUnitsEqualTheirUtf8) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status());
    auto docs = unicode_documents(120);
    Batch want;
    fl_batch_keep_sentence_texts(want.b, FL_SENTENCE_TEXTS_ALL);
    ASSERT_EQ(FL_OK, run(lex, docs, 1, want.b));
    fl_batch_columns a;
    fl_batch_columns_get(want.b, &a);
    ASSERT_GT(a.n_matches, 50u);
    for (bool widest : {false, true}) {
        UnitTexts ut(docs, widest);
        if (!widest) {
            for (uint8_t u : {FL_UNITS_UTF8, FL_UNITS_LATIN1, FL_UNITS_UCS2, FL_UNITS_UCS4}) {
                ASSERT_NE(ut.units.end(), std::find(ut.units.begin(), ut.units.end(), u));
            }
        }
        for (unsigned threads : {1u, 3u}) {
            SCOPED_TRACE(::testing::Message() << threads << " threads, widest " << widest);
            Batch got;
            fl_batch_keep_sentence_texts(got.b, FL_SENTENCE_TEXTS_ALL);
            fl_error err;
            ASSERT_EQ(FL_OK,
                      fl_analyze_batch_texts(lex, &ut.texts, docs.size(), threads, got.b, &err))
                << err.message;
            fl_batch_columns b;
            fl_batch_columns_get(got.b, &b);
            expect_same_columns(a, b);
        }
        fl_pool *pool = nullptr;
        ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_ALL, &pool));
        fl_error err;
        uint64_t t1, t2;
        ASSERT_EQ(FL_OK, fl_pool_submit_texts(pool, &ut.texts, docs.size(), &t1, &err));
        ASSERT_EQ(FL_OK, fl_pool_submit_texts(pool, &ut.texts, docs.size(), &t2, &err));
        for (uint64_t t : {t2, t1}) {
            Batch got;
            ASSERT_EQ(FL_OK, fl_pool_collect(pool, t, got.b, &err)) << err.message;
            fl_batch_columns b;
            fl_batch_columns_get(got.b, &b);
            expect_same_columns(a, b);
        }
        fl_pool_free(pool);
    }
}

// A lone surrogate is the error of its document, found where it is analysed: the first
// failing document in document order, its code unit in err.offset, for any thread count and
// in a pool (at collect, that batch only).
TEST(Units, ALoneSurrogateFailsItsDocument) {
    fl_test::Lexicon lex(kLexicon);
    auto docs = unicode_documents(40);
    UnitTexts ut(docs, true);
    ut.four[7].assign({'K', 'i', 'e', 'v', ' ', 0xDC80, '.'});
    ut.lens[7] = 7;
    ut.four[30][2] = 0xD800;
    ut.units[12] = 3; // no form
    for (unsigned threads : {1u, 2u, 8u}) {
        Batch batch;
        fl_error err;
        ASSERT_EQ(FL_ERR_TEXT,
                  fl_analyze_batch_texts(lex, &ut.texts, docs.size(), threads, batch.b, &err));
        EXPECT_EQ(7u, err.item);
        EXPECT_EQ(5u, err.offset);
        EXPECT_STREQ("texts[7]: code unit 5 of the text is a lone surrogate U+DC80 (not valid "
                     "Unicode)",
                     err.message);
        fl_batch_columns c;
        fl_batch_columns_get(batch.b, &c);
        EXPECT_EQ(0u, c.n_docs);
    }
    ut.units[7] = FL_UNITS_UCS4;
    ut.lens[7] = 4; // "Kiev": fine now; document 12 has no form
    Batch batch;
    fl_error err;
    ASSERT_EQ(FL_ERR_TEXT, fl_analyze_batch_texts(lex, &ut.texts, docs.size(), 2, batch.b, &err));
    EXPECT_EQ(12u, err.item);
    EXPECT_NE(nullptr, std::strstr(err.message, "unknown code unit form 3")) << err.message;

    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 2, FL_SENTENCE_TEXTS_NONE, &pool));
    ut.units[12] = FL_UNITS_UCS4;
    uint64_t bad, good;
    ASSERT_EQ(FL_OK, fl_pool_submit_texts(pool, &ut.texts, docs.size(), &bad, &err));
    ASSERT_EQ(FL_OK, fl_pool_submit_texts(pool, &ut.texts, 20, &good, &err));
    Batch got;
    EXPECT_EQ(FL_ERR_TEXT, fl_pool_collect(pool, bad, got.b, &err));
    EXPECT_EQ(30u, err.item);
    EXPECT_EQ(2u, err.offset);
    ASSERT_EQ(FL_OK, fl_pool_collect(pool, good, got.b, &err)) << err.message;
    fl_batch_columns c;
    fl_batch_columns_get(got.b, &c);
    EXPECT_EQ(20u, c.n_docs);
    fl_pool_free(pool);
}

TEST(Units, NullArgumentsAreArgumentErrors) {
    fl_error err;
    Batch batch;
    fl_texts none{nullptr, nullptr, nullptr};
    EXPECT_EQ(FL_ERR_ARG, fl_analyze_batch_texts(nullptr, nullptr, 0, 1, batch.b, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_analyze_batch_texts(nullptr, &none, 2, 1, batch.b, &err));
    EXPECT_EQ(FL_OK, fl_analyze_batch_texts(nullptr, &none, 0, 1, batch.b, &err));
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, nullptr, 1, FL_SENTENCE_TEXTS_NONE, &pool));
    uint64_t t;
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit_texts(pool, nullptr, 0, &t, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit_texts(pool, &none, 1, &t, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_submit_texts(nullptr, &none, 0, &t, &err));
    fl_pool_free(pool);
}

// ---------------------------------------------------------------- signing beside the analysis

// What fl_batch_sign and fl_pool_sign must give: fl_dedupe_signatures of the same texts.
struct Signed {
    std::vector<uint32_t> sigs;
    std::vector<uint64_t> shingles;
    Signed(const Docs &d, const fl_dedupe_params &p)
        : sigs(d.docs.size() * p.num_hashes), shingles(d.docs.size()) {
        fl_error err;
        EXPECT_EQ(FL_OK, fl_dedupe_signatures(&p, d.texts.data(), d.lens.data(), d.docs.size(), 1,
                                              nullptr, sigs.data(), shingles.data(), &err));
    }
    void expect_in(const fl_batch_columns &c, const fl_dedupe_params &p) const {
        ASSERT_EQ(p.num_hashes, c.num_hashes);
        ASSERT_EQ(shingles.size(), c.n_docs);
        EXPECT_EQ(sigs, std::vector<uint32_t>(c.doc_signatures, c.doc_signatures + sigs.size()));
        EXPECT_EQ(shingles, std::vector<uint64_t>(c.doc_shingles, c.doc_shingles + c.n_docs));
    }
};

// Documents of several scripts and sizes, some empty, for the signatures: the first larger
// than a pool's chunk, so that a pool gives the batch in parts.
Docs signed_docs() {
    std::vector<std::string> docs = {std::string(300000, 'x') + " Kiev regime " +
                                     std::string(70000, 'y')};
    for (const auto &doc : documents(50)) {
        docs.push_back(doc);
    }
    docs.push_back("Zürich’s mayor said: «Київ — це Україна» (Αθήνα).");
    docs.push_back("a");
    return Docs(docs);
}

// Each document's signature comes with its analysis, equal to fl_dedupe_signatures' for any
// thread count, and the other columns are those of a batch that does not sign.
TEST(Sign, BatchSignaturesEqualDedupeSignaturesForAnyThreadCount) {
    fl_test::Lexicon lex(kLexicon);
    Docs d = signed_docs();
    Batch plain;
    ASSERT_EQ(FL_OK, run(lex, d.docs, 1, plain.b));
    fl_batch_columns want;
    fl_batch_columns_get(plain.b, &want);
    EXPECT_EQ(0u, want.num_hashes);
    EXPECT_EQ(nullptr, want.doc_signatures);
    EXPECT_EQ(nullptr, want.doc_shingles);
    for (fl_dedupe_params p : {fl_dedupe_params{5, 128, 1}, fl_dedupe_params{2, 16, 77}}) {
        Signed expected(d, p);
        for (unsigned threads : {1u, 2u, 4u}) {
            SCOPED_TRACE(::testing::Message() << threads << " threads, " << p.num_hashes);
            Batch batch;
            fl_error err;
            ASSERT_EQ(FL_OK, fl_batch_sign(batch.b, &p, &err));
            ASSERT_EQ(FL_OK, run(lex, d.docs, threads, batch.b));
            fl_batch_columns got;
            fl_batch_columns_get(batch.b, &got);
            expected.expect_in(got, p);
            expect_same_columns(want, got);
        }
    }
}

// The texts in other code units are signed from the UTF-8 the analysis makes of them.
TEST(Sign, CodeUnitsAreSignedAsTheirUtf8) {
    fl_test::Lexicon lex(kLexicon);
    Docs d(documents(40));
    std::vector<std::vector<uint16_t>> wide;
    for (const auto &doc : d.docs) {
        wide.emplace_back(doc.begin(), doc.end()); // ASCII: the same text
        wide.back().push_back(0x2019);
        wide.back().push_back(0x041A); // ’К
    }
    std::vector<std::string> utf8;
    std::vector<const void *> texts;
    std::vector<size_t> lens;
    std::vector<uint8_t> units;
    for (size_t i = 0; i < wide.size(); i++) {
        utf8.push_back(d.docs[i] + "\u2019\u041a");
        texts.push_back(wide[i].data());
        lens.push_back(wide[i].size());
        units.push_back(FL_UNITS_UCS2);
    }
    Signed expected(Docs(utf8), fl_dedupe_params{5, 64, 3});
    fl_dedupe_params p{5, 64, 3};
    fl_texts t = {texts.data(), lens.data(), units.data()};
    for (unsigned threads : {1u, 3u}) {
        Batch batch;
        fl_error err;
        ASSERT_EQ(FL_OK, fl_batch_sign(batch.b, &p, &err));
        ASSERT_EQ(FL_OK, fl_analyze_batch_texts(lex, &t, wide.size(), threads, batch.b, &err));
        fl_batch_columns got;
        fl_batch_columns_get(batch.b, &got);
        expected.expect_in(got, p);
    }
}

// A pool signs the batches submitted after fl_pool_sign, joined or in parts, and those
// submitted after signing stopped are not signed.
TEST(Sign, PoolSignaturesEqualDedupeSignatures) {
    fl_test::Lexicon lex(kLexicon);
    Docs d = signed_docs();
    fl_dedupe_params p{5, 128, 1};
    Signed expected(d, p);
    for (unsigned threads : {1u, 2u}) {
        fl_pool *pool = nullptr;
        ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, threads, FL_SENTENCE_TEXTS_NONE, &pool));
        fl_error err;
        ASSERT_EQ(FL_OK, fl_pool_sign(pool, &p, &err));
        uint64_t joined, parts, unsigned_;
        ASSERT_EQ(FL_OK, fl_pool_submit(pool, d.texts.data(), d.lens.data(), d.docs.size(), &joined,
                                        &err));
        ASSERT_EQ(FL_OK,
                  fl_pool_submit(pool, d.texts.data(), d.lens.data(), d.docs.size(), &parts, &err));
        ASSERT_EQ(FL_OK, fl_pool_sign(pool, nullptr, &err));
        ASSERT_EQ(FL_OK, fl_pool_submit(pool, d.texts.data(), d.lens.data(), d.docs.size(),
                                        &unsigned_, &err));
        Batch got;
        ASSERT_EQ(FL_OK, fl_pool_collect(pool, joined, got.b, &err)) << err.message;
        fl_batch_columns c;
        fl_batch_columns_get(got.b, &c);
        expected.expect_in(c, p);
        ASSERT_EQ(FL_OK, fl_pool_collect_parts(pool, parts, got.b, &err)) << err.message;
        EXPECT_GT(fl_batch_parts(got.b), 1u);
        std::vector<uint32_t> sigs;
        std::vector<uint64_t> shingles;
        for (size_t k = 0; k < fl_batch_parts(got.b); k++) {
            fl_batch_part_columns(got.b, k, &c);
            ASSERT_EQ(p.num_hashes, c.num_hashes);
            sigs.insert(sigs.end(), c.doc_signatures, c.doc_signatures + c.n_docs * p.num_hashes);
            shingles.insert(shingles.end(), c.doc_shingles, c.doc_shingles + c.n_docs);
        }
        EXPECT_EQ(expected.sigs, sigs);
        EXPECT_EQ(expected.shingles, shingles);
        ASSERT_EQ(FL_OK, fl_pool_collect(pool, unsigned_, got.b, &err)) << err.message;
        fl_batch_columns_get(got.b, &c);
        EXPECT_EQ(d.docs.size(), c.n_docs);
        EXPECT_EQ(0u, c.num_hashes);
        EXPECT_EQ(nullptr, c.doc_signatures);
        fl_pool_free(pool);
    }
}

// Invalid parameters are refused and leave the setting as it was; NULL stops signing.
TEST(Sign, InvalidParamsAreArgumentErrorsAndNullStops) {
    fl_test::Lexicon lex(kLexicon);
    Docs d(documents(12));
    fl_dedupe_params good{3, 32, 9};
    Batch batch;
    fl_error err;
    ASSERT_EQ(FL_OK, fl_batch_sign(batch.b, &good, &err));
    for (fl_dedupe_params bad : {fl_dedupe_params{0, 128, 1}, fl_dedupe_params{5, 100, 1},
                                 fl_dedupe_params{FL_DEDUPE_MAX_SHINGLE + 1, 128, 1}}) {
        EXPECT_EQ(FL_ERR_ARG, fl_batch_sign(batch.b, &bad, &err));
        EXPECT_NE(nullptr, std::strstr(err.message, "dedupe:")) << err.message;
    }
    ASSERT_EQ(FL_OK, run(lex, d.docs, 2, batch.b));
    fl_batch_columns c;
    fl_batch_columns_get(batch.b, &c);
    Signed(d, good).expect_in(c, good);
    ASSERT_EQ(FL_OK, fl_batch_sign(batch.b, nullptr, &err));
    ASSERT_EQ(FL_OK, run(lex, d.docs, 2, batch.b));
    fl_batch_columns_get(batch.b, &c);
    EXPECT_EQ(0u, c.num_hashes);
    EXPECT_EQ(nullptr, c.doc_signatures);
    EXPECT_EQ(FL_ERR_ARG, fl_batch_sign(nullptr, &good, &err));
    EXPECT_EQ(FL_ERR_ARG, fl_pool_sign(nullptr, &good, &err));
    fl_pool *pool = nullptr;
    ASSERT_EQ(FL_OK, fl_pool_new(nullptr, lex, 1, FL_SENTENCE_TEXTS_NONE, &pool));
    fl_dedupe_params bad{5, 8, 1};
    EXPECT_EQ(FL_ERR_ARG, fl_pool_sign(pool, &bad, &err));
    fl_pool_free(pool);
}

}  // namespace

// Every column of a batch, for every sentence-text and attribution setting, equals what the
// fl_result of one fl_analyze() per document holds, byte for byte: corpus.c appends a
// document's rows through pointers to the columns' tails and checks each column's room
// inline, growing it only past what was reserved. The batches include documents far denser
// in sentences, matches and attributions than the reservation assumes (so columns grow
// mid-batch), empty documents, and a batch reused for batches of other shapes.
namespace {

struct Expected {
    std::vector<uint64_t> doc_tokens;
    std::vector<uint32_t> doc_sentences, doc_matches, doc_attributions;
    std::vector<uint32_t> sent_doc, sent_index, sent_tokens, sent_matches, sent_markers;
    std::vector<int64_t> sent_start, sent_end, sent_text_offsets{0};
    std::vector<double> sent_score;
    std::string sent_text_data;
    std::vector<uint32_t> match_doc, match_sentence, match_term, match_spelling, match_attribution,
        match_target;
    std::vector<int64_t> match_start, match_end, surface_offsets{0};
    std::vector<uint8_t> match_voice, match_negated;
    std::string surface_data;
    std::vector<uint32_t> attr_doc, attr_sentence, attr_speaker_actor;
    std::vector<uint8_t> attr_kind, attr_voice, attr_nested;
    std::vector<int64_t> attr_speaker_start, attr_speaker_end, attr_cue_start, attr_cue_end,
        attr_content_start, attr_content_end, attr_content2_start, attr_content2_end,
        attr_text_offsets{0};
    std::string attr_text_data;
};

Expected expected_columns(const fl_lexicon *lex, const std::vector<std::string> &docs,
                          fl_sentence_texts keep, fl_attributions which) {
    Expected e;
    fl_test::Result res;
    fl_result_keep_attributions(res, which);
    for (size_t d = 0; d < docs.size(); d++) {
        EXPECT_EQ(FL_OK, res.analyze(lex, docs[d]));
        const std::string &t = docs[d];
        auto sents = res.sentences();
        auto matches = res.matches();
        auto attrs = res.attributions();
        uint64_t tokens = 0;
        for (size_t i = 0; i < sents.size(); i++) {
            const fl_sentence &s = sents[i];
            tokens += s.n_tokens;
            e.sent_doc.push_back((uint32_t)d);
            e.sent_index.push_back((uint32_t)i);
            e.sent_start.push_back((int64_t)s.cp_start);
            e.sent_end.push_back((int64_t)s.cp_end);
            e.sent_tokens.push_back(s.n_tokens);
            e.sent_matches.push_back(s.n_matches);
            e.sent_markers.push_back(s.n_markers);
            e.sent_score.push_back(s.score);
            if (keep == FL_SENTENCE_TEXTS_ALL ||
                (keep == FL_SENTENCE_TEXTS_MATCHED && s.n_matches > 0)) {
                e.sent_text_data += fl_test::slice(t, s.start, s.end);
            }
            e.sent_text_offsets.push_back((int64_t)e.sent_text_data.size());
        }
        for (const fl_match &m : matches) {
            e.match_doc.push_back((uint32_t)d);
            e.match_sentence.push_back(m.sentence);
            e.match_term.push_back(m.term);
            e.match_spelling.push_back(m.spelling);
            e.match_start.push_back((int64_t)m.cp_start);
            e.match_end.push_back((int64_t)m.cp_end);
            e.match_voice.push_back((uint8_t)m.voice);
            e.match_negated.push_back((uint8_t)m.negated);
            e.match_attribution.push_back(m.attribution);
            e.match_target.push_back(m.target);
            e.surface_data += fl_test::slice(t, m.start, m.end);
            e.surface_offsets.push_back((int64_t)e.surface_data.size());
        }
        for (const fl_attribution &a : attrs) {
            e.attr_doc.push_back((uint32_t)d);
            e.attr_sentence.push_back(a.sentence);
            e.attr_kind.push_back((uint8_t)a.kind);
            e.attr_voice.push_back((uint8_t)a.voice);
            e.attr_nested.push_back((uint8_t)a.nested);
            e.attr_speaker_actor.push_back(a.speaker_actor);
            e.attr_speaker_start.push_back((int64_t)a.speaker.cp_start);
            e.attr_speaker_end.push_back((int64_t)a.speaker.cp_end);
            e.attr_cue_start.push_back((int64_t)a.cue.cp_start);
            e.attr_cue_end.push_back((int64_t)a.cue.cp_end);
            e.attr_content_start.push_back((int64_t)a.content.cp_start);
            e.attr_content_end.push_back((int64_t)a.content.cp_end);
            e.attr_content2_start.push_back((int64_t)a.content2.cp_start);
            e.attr_content2_end.push_back((int64_t)a.content2.cp_end);
            const std::string parts[4] = {fl_test::slice(t, a.speaker.start, a.speaker.end),
                                          fl_test::slice(t, a.cue.start, a.cue.end),
                                          std::string(a.cue_lemma, a.cue_lemma_len),
                                          fl_test::slice(t, a.content.start, a.content.end)};
            for (const std::string &p : parts) {
                e.attr_text_data += p;
                e.attr_text_offsets.push_back((int64_t)e.attr_text_data.size());
            }
        }
        e.doc_tokens.push_back(tokens);
        e.doc_sentences.push_back((uint32_t)sents.size());
        e.doc_matches.push_back((uint32_t)matches.size());
        e.doc_attributions.push_back((uint32_t)attrs.size());
    }
    return e;
}

template <typename T> std::vector<T> column(const T *p, size_t n) {
    return n == 0 ? std::vector<T>() : std::vector<T>(p, p + n);
}

void expect_columns(const Expected &e, const fl_batch_columns &c, fl_sentence_texts keep,
                    const std::string &what) {
    size_t nd = c.n_docs, ns = c.n_sentences, nm = c.n_matches, na = c.n_attributions;
    ASSERT_EQ(e.doc_tokens.size(), nd) << what;
    EXPECT_EQ(e.doc_tokens, column(c.doc_tokens, nd)) << what;
    EXPECT_EQ(e.doc_sentences, column(c.doc_sentences, nd)) << what;
    EXPECT_EQ(e.doc_matches, column(c.doc_matches, nd)) << what;
    EXPECT_EQ(e.doc_attributions, column(c.doc_attributions, nd)) << what;
    ASSERT_EQ(e.sent_doc.size(), ns) << what;
    EXPECT_EQ(e.sent_doc, column(c.sent_doc, ns)) << what;
    EXPECT_EQ(e.sent_index, column(c.sent_index, ns)) << what;
    EXPECT_EQ(e.sent_start, column(c.sent_start, ns)) << what;
    EXPECT_EQ(e.sent_end, column(c.sent_end, ns)) << what;
    EXPECT_EQ(e.sent_tokens, column(c.sent_tokens, ns)) << what;
    EXPECT_EQ(e.sent_matches, column(c.sent_matches, ns)) << what;
    EXPECT_EQ(e.sent_markers, column(c.sent_markers, ns)) << what;
    EXPECT_EQ(e.sent_score, column(c.sent_score, ns)) << what;
    if (keep == FL_SENTENCE_TEXTS_NONE) {
        EXPECT_EQ(nullptr, c.sent_text_offsets) << what;
    } else {
        ASSERT_NE(nullptr, c.sent_text_offsets) << what;
        EXPECT_EQ(e.sent_text_offsets, column(c.sent_text_offsets, ns + 1)) << what;
        EXPECT_EQ(e.sent_text_data, std::string(c.sent_text_data, c.sent_text_offsets[ns])) << what;
    }
    ASSERT_EQ(e.match_doc.size(), nm) << what;
    EXPECT_EQ(e.match_doc, column(c.match_doc, nm)) << what;
    EXPECT_EQ(e.match_sentence, column(c.match_sentence, nm)) << what;
    EXPECT_EQ(e.match_term, column(c.match_term, nm)) << what;
    EXPECT_EQ(e.match_spelling, column(c.match_spelling, nm)) << what;
    EXPECT_EQ(e.match_start, column(c.match_start, nm)) << what;
    EXPECT_EQ(e.match_end, column(c.match_end, nm)) << what;
    EXPECT_EQ(e.match_voice, column(c.match_voice, nm)) << what;
    EXPECT_EQ(e.match_negated, column(c.match_negated, nm)) << what;
    EXPECT_EQ(e.match_attribution, column(c.match_attribution, nm)) << what;
    EXPECT_EQ(e.match_target, column(c.match_target, nm)) << what;
    EXPECT_EQ(e.surface_offsets, column(c.surface_offsets, nm + 1)) << what;
    EXPECT_EQ(e.surface_data, std::string(c.surface_data, c.surface_offsets[nm])) << what;
    ASSERT_EQ(e.attr_doc.size(), na) << what;
    EXPECT_EQ(e.attr_doc, column(c.attr_doc, na)) << what;
    EXPECT_EQ(e.attr_sentence, column(c.attr_sentence, na)) << what;
    EXPECT_EQ(e.attr_kind, column(c.attr_kind, na)) << what;
    EXPECT_EQ(e.attr_voice, column(c.attr_voice, na)) << what;
    EXPECT_EQ(e.attr_nested, column(c.attr_nested, na)) << what;
    EXPECT_EQ(e.attr_speaker_actor, column(c.attr_speaker_actor, na)) << what;
    EXPECT_EQ(e.attr_speaker_start, column(c.attr_speaker_start, na)) << what;
    EXPECT_EQ(e.attr_speaker_end, column(c.attr_speaker_end, na)) << what;
    EXPECT_EQ(e.attr_cue_start, column(c.attr_cue_start, na)) << what;
    EXPECT_EQ(e.attr_cue_end, column(c.attr_cue_end, na)) << what;
    EXPECT_EQ(e.attr_content_start, column(c.attr_content_start, na)) << what;
    EXPECT_EQ(e.attr_content_end, column(c.attr_content_end, na)) << what;
    EXPECT_EQ(e.attr_content2_start, column(c.attr_content2_start, na)) << what;
    EXPECT_EQ(e.attr_content2_end, column(c.attr_content2_end, na)) << what;
    EXPECT_EQ(e.attr_text_offsets, column(c.attr_text_offsets, 4 * na + 1)) << what;
    EXPECT_EQ(e.attr_text_data, std::string(c.attr_text_data, c.attr_text_offsets[4 * na])) << what;
}

// Documents of n pieces drawn by a fixed generator: quotations, attributions, matches,
// negation, Cyrillic, one-word sentences (far more sentences a byte than news).
std::vector<std::string> generated_documents(size_t n_docs, size_t max_pieces, uint32_t seed) {
    const char *pieces[] = {"Kiev said the talks failed. ",
                            "\"The Kiev regime is aggressive,\" the minister said. ",
                            "Kyiv's mayor disagreed. ",
                            "Nothing here.\n\n",
                            "Aggression, he said. ",
                            "Kiev. ",
                            "Kyiv! ",
                            "Officials in Kiev did not deny the aggression, Reuters reported. ",
                            "Київ and the Kiev regime. ",
                            "According to Kyiv, \"aggressors\" were not there. ",
                            "He believes Kiev will not agree. ",
                            "A. B. C. ",
                            "\"Kiev is lying,\" the minister said, \"and Kyiv knows it.\" "};
    std::vector<std::string> docs;
    uint32_t x = seed;
    for (size_t i = 0; i < n_docs; i++) {
        x = x * 1664525u + 1013904223u;
        size_t k = max_pieces == 0 ? 0 : (x >> 8) % (max_pieces + 1);
        std::string d;
        for (size_t j = 0; j < k; j++) {
            x = x * 1664525u + 1013904223u;
            d += pieces[(x >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
        }
        docs.push_back(d);
    }
    return docs;
}

} // namespace

TEST(Corpus, EveryColumnEqualsOneAnalysisPerDocument) {
    fl_test::Lexicon lex(R"({"terms": [
        {"term": "Kiev", "category": "ru"}, {"term": "Kyiv", "category": "ua"},
        {"term": "Київ", "category": "ua"},
        {"term": "Kiev regime", "category": "deleg", "weight": 2.0},
        {"term": "aggress*", "category": "acc"}],
        "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::vector<std::vector<std::string>> batches;
    batches.push_back(generated_documents(200, 6, 1));
    batches.push_back(generated_documents(30, 60, 2));
    std::vector<std::string> dense = {"", std::string()};
    for (int i = 0; i < 400; i++) {
        dense[1] += i % 3 == 0 ? "Kiev. " : i % 3 == 1 ? "Kiev said \"Kyiv\". " : "Kyiv! ";
    }
    dense.push_back("Nothing.");
    batches.push_back(dense);
    batches.push_back({});
    batches.push_back(generated_documents(500, 2, 3));
    Batch reused;
    for (fl_attributions which : {FL_ATTRIBUTIONS_ALL, FL_ATTRIBUTIONS_MATCHED}) {
        for (fl_sentence_texts keep :
             {FL_SENTENCE_TEXTS_NONE, FL_SENTENCE_TEXTS_MATCHED, FL_SENTENCE_TEXTS_ALL}) {
            for (size_t b = 0; b < batches.size(); b++) {
                Expected e = expected_columns(lex, batches[b], keep, which);
                for (unsigned threads : {1u, 3u}) {
                    std::string what = "attributions " + std::to_string(which) + ", keep " +
                                       std::to_string(keep) + ", batch " + std::to_string(b) +
                                       ", threads " + std::to_string(threads);
                    Batch batch;
                    fl_batch_keep_sentence_texts(batch.b, keep);
                    fl_batch_keep_attributions(batch.b, which);
                    ASSERT_EQ(FL_OK, run(lex, batches[b], threads, batch.b)) << what;
                    fl_batch_columns c;
                    fl_batch_columns_get(batch.b, &c);
                    expect_columns(e, c, keep, what);
                    fl_batch_keep_sentence_texts(reused.b, keep);
                    fl_batch_keep_attributions(reused.b, which);
                    ASSERT_EQ(FL_OK, run(lex, batches[b], threads, reused.b)) << what;
                    fl_batch_columns_get(reused.b, &c);
                    expect_columns(e, c, keep, what + ", reused");
                }
            }
        }
    }
}
