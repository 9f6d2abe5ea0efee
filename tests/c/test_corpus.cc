// test_corpus.cc: fl_analyze_batch (csrc/corpus.c): columns in document order, identical for
// any number of threads and equal to one fl_analyze() per document.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>
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
