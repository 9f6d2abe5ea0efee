/* corpus.c: many documents on worker threads, results gathered as columns in document order. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <pthread.h>
#include <string.h>

/*
 * The documents are cut into contiguous runs of about equal byte size, one per thread. Each
 * worker analyses its run with its own fl_result into its own columns; after the join the
 * columns are concatenated run by run. Results are therefore in document order and do not
 * depend on the number of threads, and workers share nothing but the read-only lexicon.
 */

typedef struct columns {
    fl_vec doc_tokens, doc_sentences, doc_matches;
    fl_vec sent_doc, sent_index, sent_start, sent_end, sent_tokens, sent_matches, sent_markers,
        sent_score;
    fl_vec match_doc, match_sentence, match_term, match_spelling, match_start, match_end,
        match_voice, match_negated, surface_offsets, surface_data;
} columns;

/* Every column with its element size, so loops can treat them alike. */
#define FL_COLUMNS(X)                                                                          \
    X(doc_tokens, uint64_t)                                                                    \
    X(doc_sentences, uint32_t)                                                                 \
    X(doc_matches, uint32_t)                                                                   \
    X(sent_doc, uint32_t)                                                                      \
    X(sent_index, uint32_t)                                                                    \
    X(sent_start, int64_t)                                                                     \
    X(sent_end, int64_t)                                                                       \
    X(sent_tokens, uint32_t)                                                                   \
    X(sent_matches, uint32_t)                                                                  \
    X(sent_markers, uint32_t)                                                                  \
    X(sent_score, double)                                                                      \
    X(match_doc, uint32_t)                                                                     \
    X(match_sentence, uint32_t)                                                                \
    X(match_term, uint32_t)                                                                    \
    X(match_spelling, uint32_t)                                                                \
    X(match_start, int64_t)                                                                    \
    X(match_end, int64_t)                                                                      \
    X(match_voice, uint8_t)                                                                    \
    X(match_negated, uint8_t)                                                                  \
    X(surface_data, char)

struct fl_batch {
    fl_allocator alloc;
    columns cols;
};

static void columns_clear(columns *c) {
#define X(name, type) c->name.len = 0;
    FL_COLUMNS(X)
#undef X
    c->surface_offsets.len = 0;
}

static void columns_free(const fl_allocator *a, columns *c) {
#define X(name, type) fl__vec_free(a, &c->name);
    FL_COLUMNS(X)
#undef X
    fl__vec_free(a, &c->surface_offsets);
}

fl_status fl_batch_new(const fl_allocator *alloc, fl_batch **out) {
    if (out == NULL) {
        return FL_ERR_ARG;
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_batch *b = fl__malloc(&a, sizeof(*b));
    if (b == NULL) {
        *out = NULL;
        return FL_ERR_NOMEM;
    }
    memset(b, 0, sizeof(*b));
    b->alloc = a;
    *out = b;
    return FL_OK;
}

void fl_batch_free(fl_batch *batch) {
    if (batch == NULL) {
        return;
    }
    fl_allocator a = batch->alloc;
    columns_free(&a, &batch->cols);
    fl__free(&a, batch);
}

#define PUSH(c, col, type, value)                                                              \
    do {                                                                                       \
        type v_ = (value);                                                                     \
        if ((st = fl__vec_append(a, &(c)->col, sizeof(type), &v_, 1)) != FL_OK) {              \
            return st;                                                                         \
        }                                                                                      \
    } while (0)

/* Appends one analysed document (index doc) to the columns. */
static fl_status append_doc(const fl_allocator *a, columns *c, uint32_t doc, const char *text,
                            const fl_result *res) {
    fl_status st;
    size_t ns;
    size_t nm;
    const fl_sentence *ss = fl_result_sentences(res, &ns);
    const fl_match *ms = fl_result_matches(res, &nm);
    uint64_t tokens = 0;
    for (size_t i = 0; i < ns; i++) {
        tokens += ss[i].n_tokens;
        PUSH(c, sent_doc, uint32_t, doc);
        PUSH(c, sent_index, uint32_t, (uint32_t)i);
        PUSH(c, sent_start, int64_t, (int64_t)ss[i].cp_start);
        PUSH(c, sent_end, int64_t, (int64_t)ss[i].cp_end);
        PUSH(c, sent_tokens, uint32_t, ss[i].n_tokens);
        PUSH(c, sent_matches, uint32_t, ss[i].n_matches);
        PUSH(c, sent_markers, uint32_t, ss[i].n_markers);
        PUSH(c, sent_score, double, ss[i].score);
    }
    for (size_t i = 0; i < nm; i++) {
        PUSH(c, match_doc, uint32_t, doc);
        PUSH(c, match_sentence, uint32_t, ms[i].sentence);
        PUSH(c, match_term, uint32_t, ms[i].term);
        PUSH(c, match_spelling, uint32_t, ms[i].spelling);
        PUSH(c, match_start, int64_t, (int64_t)ms[i].cp_start);
        PUSH(c, match_end, int64_t, (int64_t)ms[i].cp_end);
        PUSH(c, match_voice, uint8_t, ms[i].voice);
        PUSH(c, match_negated, uint8_t, ms[i].negated);
        if ((st = fl__vec_append(a, &c->surface_data, 1, text + ms[i].start,
                                 ms[i].end - ms[i].start)) != FL_OK) {
            return st;
        }
        PUSH(c, surface_offsets, int64_t, (int64_t)c->surface_data.len);
    }
    PUSH(c, doc_tokens, uint64_t, tokens);
    PUSH(c, doc_sentences, uint32_t, (uint32_t)ns);
    PUSH(c, doc_matches, uint32_t, (uint32_t)nm);
    return FL_OK;
}

typedef struct worker {
    const fl_lexicon *lex;
    const char *const *texts;
    const size_t *lens;
    size_t first, last; /* documents [first, last) */
    const fl_allocator *alloc;
    columns cols;
    fl_status status;
    fl_error err;
    size_t failed_doc;
} worker;

static void *run_worker(void *arg) {
    worker *w = arg;
    fl_result *res = NULL;
    w->status = fl_result_new(w->alloc, &res);
    for (size_t d = w->first; d < w->last && w->status == FL_OK; d++) {
        w->status = fl_analyze(w->lex, w->texts[d], w->lens[d], res, &w->err);
        if (w->status == FL_OK) {
            w->status = append_doc(w->alloc, &w->cols, (uint32_t)d, w->texts[d], res);
        }
        if (w->status != FL_OK) {
            w->failed_doc = d;
        }
    }
    fl_result_free(res);
    return NULL;
}

/* Appends src's columns to dst (surface offsets shifted). */
static fl_status concat(const fl_allocator *a, columns *dst, const columns *src) {
    fl_status st;
#define X(name, type)                                                                          \
    if ((st = fl__vec_append(a, &dst->name, sizeof(type), src->name.data, src->name.len)) !=   \
        FL_OK) {                                                                               \
        return st;                                                                             \
    }
    int64_t base = dst->surface_data.len;
    FL_COLUMNS(X)
#undef X
    size_t at = dst->surface_offsets.len;
    if ((st = fl__vec_append(a, &dst->surface_offsets, sizeof(int64_t), src->surface_offsets.data,
                             src->surface_offsets.len)) != FL_OK) {
        return st;
    }
    int64_t *off = dst->surface_offsets.data;
    for (size_t i = at; i < dst->surface_offsets.len; i++) {
        off[i] += base;
    }
    return FL_OK;
}

fl_status fl_analyze_batch(const fl_lexicon *lex, const char *const *texts, const size_t *lens,
                           size_t n, unsigned threads, fl_batch *batch, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (batch == NULL || (n > 0 && (texts == NULL || lens == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_analyze_batch: a required argument is NULL");
    }
    if (n >= UINT32_MAX) {
        return fl__error(err, FL_ERR_LIMIT, "a batch may hold at most %u documents",
                         (unsigned)(UINT32_MAX - 1));
    }
    const fl_allocator *a = &batch->alloc;
    columns_clear(&batch->cols);
    fl_status st;
    int64_t zero = 0;
    if ((st = fl__vec_append(a, &batch->cols.surface_offsets, sizeof(int64_t), &zero, 1)) !=
        FL_OK) {
        return fl__error(err, st, "out of memory");
    }
    if (threads == 0) {
        threads = 1;
    }
    if (threads > 256) {
        threads = 256;
    }
    if (threads > n) {
        threads = n == 0 ? 1 : (unsigned)n;
    }
    worker *ws = fl__malloc(a, sizeof(worker) * threads);
    if (ws == NULL) {
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    memset(ws, 0, sizeof(worker) * threads);
    /* Contiguous runs of about total / threads bytes each. */
    size_t total = 0;
    for (size_t d = 0; d < n; d++) {
        total += lens[d] + 1;
    }
    size_t d = 0;
    size_t acc = 0;
    for (unsigned t = 0; t < threads; t++) {
        ws[t].lex = lex;
        ws[t].texts = texts;
        ws[t].lens = lens;
        ws[t].alloc = a;
        ws[t].first = d;
        size_t target = (size_t)((double)total * (t + 1) / threads);
        while (d < n && (t == threads - 1 || acc + lens[d] + 1 <= target || d == ws[t].first)) {
            acc += lens[d] + 1;
            d++;
        }
        ws[t].last = d;
        /* the surface offsets of each worker start at 0 with no leading entry */
    }
    pthread_t *tids = NULL;
    unsigned started = 1;
    if (threads > 1) {
        tids = fl__malloc(a, sizeof(pthread_t) * threads);
        if (tids == NULL) {
            threads = 1; /* fall back to this thread alone: same results */
            ws[0].last = n;
            for (unsigned t = 1; t < threads; t++) {
                ws[t].first = ws[t].last = n;
            }
        }
    }
    if (tids != NULL) {
        for (unsigned t = 1; t < threads; t++) {
            if (pthread_create(&tids[t], NULL, run_worker, &ws[t]) != 0) {
                break;
            }
            started++;
        }
    }
    run_worker(&ws[0]);
    for (unsigned t = 1; t < started; t++) {
        pthread_join(tids[t], NULL);
    }
    /* Workers that could not be started run here, in order. */
    for (unsigned t = started; t < threads; t++) {
        run_worker(&ws[t]);
    }
    st = FL_OK;
    for (unsigned t = 0; t < threads && st == FL_OK; t++) {
        if (ws[t].status != FL_OK) {
            st = ws[t].status;
            if (err != NULL) {
                *err = ws[t].err;
                err->code = st;
                err->offset = ws[t].failed_doc;
            }
        } else {
            st = concat(a, &batch->cols, &ws[t].cols);
            if (st != FL_OK) {
                fl__error(err, st, "out of memory");
            }
        }
    }
    for (unsigned t = 0; t < threads; t++) {
        columns_free(a, &ws[t].cols);
    }
    fl__free(a, tids);
    fl__free(a, ws);
    if (st != FL_OK) {
        columns_clear(&batch->cols);
    }
    return st;
}

void fl_batch_columns_get(const fl_batch *batch, fl_batch_columns *out) {
    memset(out, 0, sizeof(*out));
    if (batch == NULL) {
        return;
    }
    const columns *c = &batch->cols;
    out->n_docs = c->doc_tokens.len;
    out->doc_tokens = c->doc_tokens.data;
    out->doc_sentences = c->doc_sentences.data;
    out->doc_matches = c->doc_matches.data;
    out->n_sentences = c->sent_doc.len;
    out->sent_doc = c->sent_doc.data;
    out->sent_index = c->sent_index.data;
    out->sent_start = c->sent_start.data;
    out->sent_end = c->sent_end.data;
    out->sent_tokens = c->sent_tokens.data;
    out->sent_matches = c->sent_matches.data;
    out->sent_markers = c->sent_markers.data;
    out->sent_score = c->sent_score.data;
    out->n_matches = c->match_doc.len;
    out->match_doc = c->match_doc.data;
    out->match_sentence = c->match_sentence.data;
    out->match_term = c->match_term.data;
    out->match_spelling = c->match_spelling.data;
    out->match_start = c->match_start.data;
    out->match_end = c->match_end.data;
    out->match_voice = c->match_voice.data;
    out->match_negated = c->match_negated.data;
    out->surface_offsets = c->surface_offsets.data;
    out->surface_data = c->surface_data.data;
}
