/* corpus.c: many documents on worker threads, results gathered as columns in document order. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

/*
 * The documents are cut into contiguous chunks of about total / (8 * threads) bytes, in
 * order. Worker threads take the next chunk from a shared counter until none is left (so a
 * thread that is slowed down, on a shared machine, or given longer documents, does not hold
 * the others up at the end), analyse it with their own fl_result into the chunk's own
 * columns, and after the join the chunks' columns are concatenated in chunk order. Results
 * are therefore in document order and do not depend on the number of threads, and workers
 * share nothing but the read-only lexicon and the counter. When several documents fail, the
 * error of the first one in document order is reported: chunks are taken in order, so every
 * chunk before a failing one has been taken and is finished before the join. On one thread
 * there is a single chunk, written straight into the batch's columns (analyze_here).
 */

typedef struct columns {
    fl_vec doc_tokens, doc_sentences, doc_matches;
    fl_vec sent_doc, sent_index, sent_start, sent_end, sent_tokens, sent_matches, sent_markers,
        sent_score;
    fl_vec match_doc, match_sentence, match_term, match_spelling, match_start, match_end,
        match_voice, match_negated, surface_offsets, surface_data;
    fl_vec sent_text_offsets, sent_text_data; /* kept only with fl_batch_keep_sentence_texts */
    fl_vec doc_attributions, match_attribution, match_target, attr_doc, attr_sentence, attr_kind,
        attr_voice, attr_nested, attr_speaker_actor, attr_speaker_start, attr_speaker_end,
        attr_cue_start, attr_cue_end, attr_content_start, attr_content_end, attr_content2_start,
        attr_content2_end, attr_text_offsets, attr_text_data;
    fl_vec doc_signatures, doc_shingles; /* filled only when signing (fl_batch_sign) */
} columns;

/* Every column with its element size, so loops can treat them alike. */
#define FL_COLUMNS(X)                                                                              \
    X(doc_tokens, uint64_t)                                                                        \
    X(doc_sentences, uint32_t)                                                                     \
    X(doc_matches, uint32_t)                                                                       \
    X(sent_doc, uint32_t)                                                                          \
    X(sent_index, uint32_t)                                                                        \
    X(sent_start, int64_t)                                                                         \
    X(sent_end, int64_t)                                                                           \
    X(sent_tokens, uint32_t)                                                                       \
    X(sent_matches, uint32_t)                                                                      \
    X(sent_markers, uint32_t)                                                                      \
    X(sent_score, double)                                                                          \
    X(match_doc, uint32_t)                                                                         \
    X(match_sentence, uint32_t)                                                                    \
    X(match_term, uint32_t)                                                                        \
    X(match_spelling, uint32_t)                                                                    \
    X(match_start, int64_t)                                                                        \
    X(match_end, int64_t)                                                                          \
    X(match_voice, uint8_t)                                                                        \
    X(match_negated, uint8_t)                                                                      \
    X(surface_data, char)                                                                          \
    X(sent_text_data, char)                                                                        \
    X(doc_attributions, uint32_t)                                                                  \
    X(match_attribution, uint32_t)                                                                 \
    X(match_target, uint32_t)                                                                      \
    X(attr_doc, uint32_t)                                                                          \
    X(attr_sentence, uint32_t)                                                                     \
    X(attr_kind, uint8_t)                                                                          \
    X(attr_voice, uint8_t)                                                                         \
    X(attr_nested, uint8_t)                                                                        \
    X(attr_speaker_actor, uint32_t)                                                                \
    X(attr_speaker_start, int64_t)                                                                 \
    X(attr_speaker_end, int64_t)                                                                   \
    X(attr_cue_start, int64_t)                                                                     \
    X(attr_cue_end, int64_t)                                                                       \
    X(attr_content_start, int64_t)                                                                 \
    X(attr_content_end, int64_t)                                                                   \
    X(attr_content2_start, int64_t)                                                                \
    X(attr_content2_end, int64_t)                                                                  \
    X(attr_text_data, char)                                                                        \
    X(doc_signatures, uint32_t)                                                                    \
    X(doc_shingles, uint64_t)

struct fl_batch {
    fl_allocator alloc;
    fl_sentence_texts sentence_texts;
    fl_attributions attributions;
    bool signs; /* fl_batch_sign: with sign */
    fl_dedupe_params sign;
    uint32_t signed_hashes; /* the signatures' length in the columns held, 0 for none */
    columns cols;
    /* Results left in the pool's chunks (fl_pool_collect_parts), not joined into cols:
     * n_parts chunks, freed with parts_alloc; NULL otherwise (cols is then the one part). */
    struct chunk *parts;
    size_t n_parts;
    fl_allocator parts_alloc;
};

static void columns_clear(columns *c) {
#define X(name, type) c->name.len = 0;
    FL_COLUMNS(X)
#undef X
    c->surface_offsets.len = 0;
    c->sent_text_offsets.len = 0;
    c->attr_text_offsets.len = 0;
}

static void columns_free(const fl_allocator *a, columns *c) {
#define X(name, type) fl__vec_free(a, &c->name);
    FL_COLUMNS(X)
#undef X
    fl__vec_free(a, &c->surface_offsets);
    fl__vec_free(a, &c->sent_text_offsets);
    fl__vec_free(a, &c->attr_text_offsets);
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

void fl_batch_keep_sentence_texts(fl_batch *batch, fl_sentence_texts which) {
    if (batch != NULL) {
        batch->sentence_texts = which;
    }
}

void fl_batch_keep_attributions(fl_batch *batch, fl_attributions which) {
    if (batch != NULL) {
        batch->attributions = which;
    }
}

static void batch_drop_parts(fl_batch *batch);

void fl_batch_free(fl_batch *batch) {
    if (batch == NULL) {
        return;
    }
    fl_allocator a = batch->alloc;
    batch_drop_parts(batch);
    columns_free(&a, &batch->cols);
    fl__free(&a, batch);
}

/* room()'s slow path: grows v for n more elements. */
static fl_status room_grow(const fl_allocator *a, fl_vec *v, size_t elem, size_t n) {
    if (n > SIZE_MAX - v->len) {
        return FL_ERR_NOMEM;
    }
    return fl__vec_reserve(a, v, elem, v->len + n);
}

/* Makes room for n more elements in v (its length unchanged). Asked about 40 times a
 * document, and the rows nearly always fit in what columns_reserve made: the check is
 * inline, the growth is not. */
FL_ALWAYS_INLINE static inline fl_status room(const fl_allocator *a, fl_vec *v, size_t elem,
                                              size_t n) {
    if (FL_LIKELY(n <= v->cap - v->len)) {
        return FL_OK;
    }
    return room_grow(a, v, elem, n);
}

/* The next free element of column col (of type type) after room() made space. */
#define TAIL(c, col, type) ((type *)(c)->col.data + (c)->col.len)

/*
 * A document's rows are appended in two steps: room for all of them in every column (one
 * reservation per column and document), then plain stores, and the lengths last, so that a
 * failure leaves them as they were. A column per call of fl__vec_push would check and grow it
 * once per value: most of the cost of the columns when documents are short. The stores go
 * through local pointers: through TAIL, every int64_t store (which may alias the size_t
 * lengths) made the compiler reload each column's data and length. The strings (surfaces,
 * sentence and attribution texts) are the exception: each is given room as it is copied
 * (text_put).
 */
#define ROOM(c, col, type, n)                                                                      \
    if ((st = room(a, &(c)->col, sizeof(type), (n))) != FL_OK) {                                   \
        return st;                                                                                 \
    }

/*
 * A char column's tail while a document's strings are copied into it: its data, capacity and
 * bytes in use (its length is set after the document's rows, so that a failure leaves it as it
 * was) in locals, since a store through char * may alias the fl_vec. Each string is given room
 * as it is copied, not the document's bytes summed in a pass before: that pass cost more than
 * this test.
 */
typedef struct text_tail {
    fl_vec *v;
    char *data;
    size_t cap, at;
} text_tail;

FL_ALWAYS_INLINE static inline text_tail text_tail_of(fl_vec *v) {
    text_tail t = {v, v->data, v->cap, v->len};
    return t;
}

/* text_put()'s slow path: grows the column v, `at` bytes of it in use, for n more. (Not
 * given the text_tail: a tail whose address escapes is kept in memory, not registers.) */
FL_NOINLINE static fl_status text_grow(const fl_allocator *a, fl_vec *v, size_t at, size_t n) {
    if (n > SIZE_MAX - at) {
        return FL_ERR_NOMEM;
    }
    return fl__vec_reserve(a, v, 1, at + n);
}

/* Appends the len bytes at src (len > 0) to t. */
FL_ALWAYS_INLINE static inline fl_status text_put(const fl_allocator *a, text_tail *t,
                                                  const char *src, size_t len) {
    if (FL_UNLIKELY(len > t->cap - t->at)) {
        fl_status st = text_grow(a, t->v, t->at, len);
        if (st != FL_OK) {
            return st;
        }
        t->data = t->v->data;
        t->cap = t->v->cap;
    }
    memcpy(t->data + t->at, src, len);
    t->at += len;
    return FL_OK;
}

/* The texts of an attribution stored for Python: speaker, cue, cue lemma, content (content2
 * is not copied: its offsets are). */
FL_ALWAYS_INLINE static inline void attribution_strings(const fl_attribution *x, const char *text,
                                                        const char *p[4], size_t len[4]) {
    const fl_text_span *sp[4] = {&x->speaker, &x->cue, NULL, &x->content};
    for (int k = 0; k < 4; k++) {
        len[k] = sp[k] == NULL ? x->cue_lemma_len : sp[k]->end - sp[k]->start;
        p[k] = len[k] == 0 ? "" : sp[k] == NULL ? x->cue_lemma : text + sp[k]->start;
    }
}

/* Appends the attributions of one analysed document: their columns and texts. */
static fl_status append_attributions(const fl_allocator *a, columns *c, uint32_t doc,
                                     const char *text, const fl_result *res) {
    fl_status st;
    size_t n;
    const fl_attribution *as = fl_result_attributions(res, &n);
    ROOM(c, attr_doc, uint32_t, n)
    ROOM(c, attr_sentence, uint32_t, n)
    ROOM(c, attr_kind, uint8_t, n)
    ROOM(c, attr_voice, uint8_t, n)
    ROOM(c, attr_nested, uint8_t, n)
    ROOM(c, attr_speaker_actor, uint32_t, n)
    ROOM(c, attr_speaker_start, int64_t, n)
    ROOM(c, attr_speaker_end, int64_t, n)
    ROOM(c, attr_cue_start, int64_t, n)
    ROOM(c, attr_cue_end, int64_t, n)
    ROOM(c, attr_content_start, int64_t, n)
    ROOM(c, attr_content_end, int64_t, n)
    ROOM(c, attr_content2_start, int64_t, n)
    ROOM(c, attr_content2_end, int64_t, n)
    ROOM(c, doc_attributions, uint32_t, 1)
    if (n > SIZE_MAX / 4) {
        return FL_ERR_NOMEM;
    }
    ROOM(c, attr_text_offsets, int64_t, 4 * n)
    if (n > 0) {
        uint32_t *a_doc = TAIL(c, attr_doc, uint32_t);
        uint32_t *a_sentence = TAIL(c, attr_sentence, uint32_t);
        uint8_t *a_kind = TAIL(c, attr_kind, uint8_t);
        uint8_t *a_voice = TAIL(c, attr_voice, uint8_t);
        uint8_t *a_nested = TAIL(c, attr_nested, uint8_t);
        uint32_t *a_actor = TAIL(c, attr_speaker_actor, uint32_t);
        int64_t *a_speaker_start = TAIL(c, attr_speaker_start, int64_t);
        int64_t *a_speaker_end = TAIL(c, attr_speaker_end, int64_t);
        int64_t *a_cue_start = TAIL(c, attr_cue_start, int64_t);
        int64_t *a_cue_end = TAIL(c, attr_cue_end, int64_t);
        int64_t *a_content_start = TAIL(c, attr_content_start, int64_t);
        int64_t *a_content_end = TAIL(c, attr_content_end, int64_t);
        int64_t *a_content2_start = TAIL(c, attr_content2_start, int64_t);
        int64_t *a_content2_end = TAIL(c, attr_content2_end, int64_t);
        int64_t *a_offsets = TAIL(c, attr_text_offsets, int64_t);
        text_tail t = text_tail_of(&c->attr_text_data);
        for (size_t i = 0; i < n; i++) {
            const fl_attribution *x = &as[i];
            a_doc[i] = doc;
            a_sentence[i] = x->sentence;
            a_kind[i] = (uint8_t)x->kind;
            a_voice[i] = (uint8_t)x->voice;
            a_nested[i] = (uint8_t)x->nested;
            a_actor[i] = x->speaker_actor;
            a_speaker_start[i] = (int64_t)x->speaker.cp_start;
            a_speaker_end[i] = (int64_t)x->speaker.cp_end;
            a_cue_start[i] = (int64_t)x->cue.cp_start;
            a_cue_end[i] = (int64_t)x->cue.cp_end;
            a_content_start[i] = (int64_t)x->content.cp_start;
            a_content_end[i] = (int64_t)x->content.cp_end;
            a_content2_start[i] = (int64_t)x->content2.cp_start;
            a_content2_end[i] = (int64_t)x->content2.cp_end;
            const char *p[4];
            size_t len[4];
            attribution_strings(x, text, p, len);
            for (int k = 0; k < 4; k++) {
                if (len[k] > 0 && (st = text_put(a, &t, p[k], len[k])) != FL_OK) {
                    return st;
                }
                a_offsets[4 * i + (size_t)k] = (int64_t)t.at;
            }
        }
        c->attr_text_data.len = t.at;
        c->attr_text_offsets.len += 4 * n;
    }
    c->attr_doc.len += n;
    c->attr_sentence.len += n;
    c->attr_kind.len += n;
    c->attr_voice.len += n;
    c->attr_nested.len += n;
    c->attr_speaker_actor.len += n;
    c->attr_speaker_start.len += n;
    c->attr_speaker_end.len += n;
    c->attr_cue_start.len += n;
    c->attr_cue_end.len += n;
    c->attr_content_start.len += n;
    c->attr_content_end.len += n;
    c->attr_content2_start.len += n;
    c->attr_content2_end.len += n;
    *TAIL(c, doc_attributions, uint32_t) = (uint32_t)n;
    c->doc_attributions.len++;
    return FL_OK;
}

/* Whether sentence s's text is kept under `keep`. */
static bool keeps_text(fl_sentence_texts keep, const fl_sentence *s) {
    return keep == FL_SENTENCE_TEXTS_ALL || (keep == FL_SENTENCE_TEXTS_MATCHED && s->n_matches > 0);
}

/* Stores the rows of a document's ns sentences (room made for them) and, unless keep is
 * FL_SENTENCE_TEXTS_NONE, their text offsets (room made) and the texts kept (text_put), up to
 * *text_end; sets no length. Inlined once per value of keep (a constant), so that no loop
 * tests it. */
FL_ALWAYS_INLINE static inline fl_status put_sentences(const fl_allocator *a, columns *c,
                                                       uint32_t doc, const char *text,
                                                       const fl_sentence *ss, size_t ns,
                                                       fl_sentence_texts keep, uint64_t *tokens_out,
                                                       size_t *text_end) {
    uint32_t *s_doc = TAIL(c, sent_doc, uint32_t);
    uint32_t *s_index = TAIL(c, sent_index, uint32_t);
    int64_t *s_start = TAIL(c, sent_start, int64_t);
    int64_t *s_end = TAIL(c, sent_end, int64_t);
    uint32_t *s_tokens = TAIL(c, sent_tokens, uint32_t);
    uint32_t *s_matches = TAIL(c, sent_matches, uint32_t);
    uint32_t *s_markers = TAIL(c, sent_markers, uint32_t);
    double *s_score = TAIL(c, sent_score, double);
    int64_t *offsets = keep != FL_SENTENCE_TEXTS_NONE ? TAIL(c, sent_text_offsets, int64_t) : NULL;
    text_tail t = text_tail_of(&c->sent_text_data);
    uint64_t tokens = 0;
    for (size_t i = 0; i < ns; i++) {
        const fl_sentence *s = &ss[i];
        tokens += s->n_tokens;
        s_doc[i] = doc;
        s_index[i] = (uint32_t)i;
        s_start[i] = (int64_t)s->cp_start;
        s_end[i] = (int64_t)s->cp_end;
        s_tokens[i] = s->n_tokens;
        s_matches[i] = s->n_matches;
        s_markers[i] = s->n_markers;
        s_score[i] = s->score;
        if (keep == FL_SENTENCE_TEXTS_NONE) {
            continue;
        }
        if (keeps_text(keep, s) && s->end > s->start) {
            fl_status st = text_put(a, &t, text + s->start, s->end - s->start);
            if (st != FL_OK) {
                return st;
            }
        }
        offsets[i] = (int64_t)t.at;
    }
    *tokens_out = tokens;
    *text_end = t.at;
    return FL_OK;
}

/* Appends one analysed document (index doc) to the columns, with the texts of the sentences
 * `keep` asks for. */
static fl_status append_doc(const fl_allocator *a, columns *c, uint32_t doc, const char *text,
                            const fl_result *res, fl_sentence_texts keep) {
    fl_status st;
    size_t ns;
    size_t nm;
    const fl_sentence *ss = fl_result_sentences(res, &ns);
    const fl_match *ms = fl_result_matches(res, &nm);
    ROOM(c, sent_doc, uint32_t, ns)
    ROOM(c, sent_index, uint32_t, ns)
    ROOM(c, sent_start, int64_t, ns)
    ROOM(c, sent_end, int64_t, ns)
    ROOM(c, sent_tokens, uint32_t, ns)
    ROOM(c, sent_matches, uint32_t, ns)
    ROOM(c, sent_markers, uint32_t, ns)
    ROOM(c, sent_score, double, ns)
    if (keep != FL_SENTENCE_TEXTS_NONE) {
        ROOM(c, sent_text_offsets, int64_t, ns)
    }
    ROOM(c, match_doc, uint32_t, nm)
    ROOM(c, match_sentence, uint32_t, nm)
    ROOM(c, match_term, uint32_t, nm)
    ROOM(c, match_spelling, uint32_t, nm)
    ROOM(c, match_start, int64_t, nm)
    ROOM(c, match_end, int64_t, nm)
    ROOM(c, match_voice, uint8_t, nm)
    ROOM(c, match_negated, uint8_t, nm)
    ROOM(c, match_attribution, uint32_t, nm)
    ROOM(c, match_target, uint32_t, nm)
    ROOM(c, surface_offsets, int64_t, nm)
    ROOM(c, doc_tokens, uint64_t, 1)
    ROOM(c, doc_sentences, uint32_t, 1)
    ROOM(c, doc_matches, uint32_t, 1)
    uint64_t tokens = 0;
    size_t sent_text_end = c->sent_text_data.len;
    if (ns > 0) {
        st = keep == FL_SENTENCE_TEXTS_NONE
                 ? put_sentences(a, c, doc, text, ss, ns, FL_SENTENCE_TEXTS_NONE, &tokens,
                                 &sent_text_end)
             : keep == FL_SENTENCE_TEXTS_MATCHED
                 ? put_sentences(a, c, doc, text, ss, ns, FL_SENTENCE_TEXTS_MATCHED, &tokens,
                                 &sent_text_end)
                 : put_sentences(a, c, doc, text, ss, ns, FL_SENTENCE_TEXTS_ALL, &tokens,
                                 &sent_text_end);
        if (st != FL_OK) {
            return st;
        }
    }
    size_t surface_end = c->surface_data.len;
    if (nm > 0) {
        uint32_t *m_doc = TAIL(c, match_doc, uint32_t);
        uint32_t *m_sentence = TAIL(c, match_sentence, uint32_t);
        uint32_t *m_term = TAIL(c, match_term, uint32_t);
        uint32_t *m_spelling = TAIL(c, match_spelling, uint32_t);
        int64_t *m_start = TAIL(c, match_start, int64_t);
        int64_t *m_end = TAIL(c, match_end, int64_t);
        uint8_t *m_voice = TAIL(c, match_voice, uint8_t);
        uint8_t *m_negated = TAIL(c, match_negated, uint8_t);
        uint32_t *m_attribution = TAIL(c, match_attribution, uint32_t);
        uint32_t *m_target = TAIL(c, match_target, uint32_t);
        int64_t *m_offsets = TAIL(c, surface_offsets, int64_t);
        text_tail t = text_tail_of(&c->surface_data);
        for (size_t i = 0; i < nm; i++) {
            const fl_match *m = &ms[i];
            m_doc[i] = doc;
            m_sentence[i] = m->sentence;
            m_term[i] = m->term;
            m_spelling[i] = m->spelling;
            m_start[i] = (int64_t)m->cp_start;
            m_end[i] = (int64_t)m->cp_end;
            m_voice[i] = (uint8_t)m->voice;
            m_negated[i] = (uint8_t)m->negated;
            m_attribution[i] = m->attribution;
            m_target[i] = m->target;
            size_t len = m->end - m->start;
            if (len > 0 && (st = text_put(a, &t, text + m->start, len)) != FL_OK) {
                return st;
            }
            m_offsets[i] = (int64_t)t.at;
        }
        surface_end = t.at;
    }
    /* every row stored: the lengths */
    c->sent_doc.len += ns;
    c->sent_index.len += ns;
    c->sent_start.len += ns;
    c->sent_end.len += ns;
    c->sent_tokens.len += ns;
    c->sent_matches.len += ns;
    c->sent_markers.len += ns;
    c->sent_score.len += ns;
    if (keep != FL_SENTENCE_TEXTS_NONE) {
        c->sent_text_data.len = sent_text_end;
        c->sent_text_offsets.len += ns;
    }
    c->surface_data.len = surface_end;
    c->match_doc.len += nm;
    c->match_sentence.len += nm;
    c->match_term.len += nm;
    c->match_spelling.len += nm;
    c->match_start.len += nm;
    c->match_end.len += nm;
    c->match_voice.len += nm;
    c->match_negated.len += nm;
    c->match_attribution.len += nm;
    c->match_target.len += nm;
    c->surface_offsets.len += nm;
    *TAIL(c, doc_tokens, uint64_t) = tokens;
    c->doc_tokens.len++;
    *TAIL(c, doc_sentences, uint32_t) = (uint32_t)ns;
    c->doc_sentences.len++;
    *TAIL(c, doc_matches, uint32_t) = (uint32_t)nm;
    c->doc_matches.len++;
    return append_attributions(a, c, doc, text, res);
}

#undef ROOM

/* A run of documents [first, last) and its results. */
typedef struct chunk {
    size_t first, last;
    columns cols;
    fl_status status;
    fl_error err;
    size_t failed_doc;
} chunk;

/* A batch's texts as its caller gave them: UTF-8 (fl_analyze_batch, fl_pool_submit), or in
 * any fl_units form (the _texts calls), transcoded by the thread that analyses each text. */
typedef struct doc_texts {
    const char *const *utf8; /* NULL: the texts are units.texts */
    fl_texts units; /* units.lens: each text's length (bytes or code units), in either case */
} doc_texts;

/* Text d as UTF-8: the caller's own, or transcoded into res->utf8 (valid until the next). */
static fl_status doc_text(const doc_texts *t, const fl_allocator *a, size_t d, fl_result *res,
                          const char **text, size_t *len, fl_error *err) {
    if (t->utf8 != NULL) {
        *text = t->utf8[d];
        *len = t->units.lens[d];
        return FL_OK;
    }
    return fl__text_utf8(a, &t->units, d, &res->utf8, text, len, err);
}

/* What the workers share: the input, the chunks and the index of the next free chunk. */
typedef struct work {
    const fl_lexicon *lex;
    doc_texts texts;
    const fl_allocator *alloc;
    fl_sentence_texts sentence_texts;
    fl_attributions attributions;
    const fl_dedupe_params *sign; /* NULL: no signatures */
    chunk *chunks;
    size_t n_chunks;
    atomic_size_t next;
    atomic_bool failed; /* stop taking chunks once one has failed */
} work;

static fl_status columns_start(const fl_allocator *a, columns *c, fl_sentence_texts keep);

/* Starts a chunk's columns (their zero offsets) before its first document, so that a
 * chunk's columns are a batch's columns of their own and can be handed over unjoined
 * (fl_pool_collect_parts). False when that failed: the chunk then holds the error. */
static bool chunk_start(work *w, chunk *ch) {
    fl_status st = columns_start(w->alloc, &ch->cols, w->sentence_texts);
    if (st != FL_OK) {
        ch->status = fl__error(&ch->err, st, "out of memory");
        ch->failed_doc = ch->first;
        atomic_store(&w->failed, true);
        return false;
    }
    return true;
}

/*
 * Room for the rows of documents of `bytes` bytes of text, reserved before the first is
 * appended: grown by half again from 16 elements, a column was copied by realloc a dozen
 * times or more (7 M of the 12 M instructions of the columns on 2 MB). News text gives a
 * sentence per 126 to 141 bytes and an attribution per 232 to 265 with about 120 bytes of
 * strings (the generated corpus and PolNeAR), so these are reserved for a little more; a
 * match per 100 to 7,500 bytes, by lexicon, so matches are reserved for one per 512 bytes
 * and grow from there. Text beyond FL_RESERVE_MAX_BYTES adds nothing (a huge batch grows
 * as before rather than reserve for it at once).
 */
#define FL_RESERVE_MAX_BYTES ((size_t)16 << 20)

/* bytes: at most FL_RESERVE_MAX_BYTES. */
static fl_status columns_reserve(const fl_allocator *a, columns *c, size_t docs, size_t bytes,
                                 fl_sentence_texts keep, const fl_dedupe_params *sign) {
    fl_status st;
    size_t sents = bytes / 96 + 1;
    size_t matches = bytes / 512 + 1;
    size_t attrs = bytes / 192 + 1;
#define RESERVE(col, type, n)                                                                      \
    if ((st = room(a, &c->col, sizeof(type), (n))) != FL_OK) {                                     \
        return st;                                                                                 \
    }
    RESERVE(doc_tokens, uint64_t, docs)
    RESERVE(doc_sentences, uint32_t, docs)
    RESERVE(doc_matches, uint32_t, docs)
    RESERVE(doc_attributions, uint32_t, docs)
    RESERVE(sent_doc, uint32_t, sents)
    RESERVE(sent_index, uint32_t, sents)
    RESERVE(sent_start, int64_t, sents)
    RESERVE(sent_end, int64_t, sents)
    RESERVE(sent_tokens, uint32_t, sents)
    RESERVE(sent_matches, uint32_t, sents)
    RESERVE(sent_markers, uint32_t, sents)
    RESERVE(sent_score, double, sents)
    if (keep != FL_SENTENCE_TEXTS_NONE) {
        RESERVE(sent_text_offsets, int64_t, sents)
        RESERVE(sent_text_data, char, keep == FL_SENTENCE_TEXTS_ALL ? bytes : bytes / 8)
    }
    RESERVE(match_doc, uint32_t, matches)
    RESERVE(match_sentence, uint32_t, matches)
    RESERVE(match_term, uint32_t, matches)
    RESERVE(match_spelling, uint32_t, matches)
    RESERVE(match_start, int64_t, matches)
    RESERVE(match_end, int64_t, matches)
    RESERVE(match_voice, uint8_t, matches)
    RESERVE(match_negated, uint8_t, matches)
    RESERVE(match_attribution, uint32_t, matches)
    RESERVE(match_target, uint32_t, matches)
    RESERVE(surface_offsets, int64_t, matches)
    RESERVE(surface_data, char, 16 * matches)
    RESERVE(attr_doc, uint32_t, attrs)
    RESERVE(attr_sentence, uint32_t, attrs)
    RESERVE(attr_kind, uint8_t, attrs)
    RESERVE(attr_voice, uint8_t, attrs)
    RESERVE(attr_nested, uint8_t, attrs)
    RESERVE(attr_speaker_actor, uint32_t, attrs)
    RESERVE(attr_speaker_start, int64_t, attrs)
    RESERVE(attr_speaker_end, int64_t, attrs)
    RESERVE(attr_cue_start, int64_t, attrs)
    RESERVE(attr_cue_end, int64_t, attrs)
    RESERVE(attr_content_start, int64_t, attrs)
    RESERVE(attr_content_end, int64_t, attrs)
    RESERVE(attr_content2_start, int64_t, attrs)
    RESERVE(attr_content2_end, int64_t, attrs)
    RESERVE(attr_text_offsets, int64_t, 4 * attrs)
    RESERVE(attr_text_data, char, 128 * attrs)
    if (sign != NULL) {
        size_t values;
        if (!fl__mul(docs, sign->num_hashes, &values)) {
            return FL_ERR_NOMEM;
        }
        RESERVE(doc_signatures, uint32_t, values)
        RESERVE(doc_shingles, uint64_t, docs)
    }
#undef RESERVE
    return FL_OK;
}

/* Appends the signature of a document's text (len bytes of UTF-8) to the columns, made with
 * the result's own scratch (made on first use: a result is one thread's). */
static fl_status sign_doc(const fl_allocator *a, columns *c, const char *text, size_t len,
                          const fl_dedupe_params *sign, fl_result *res, fl_error *err) {
    fl_status st;
    if ((res->dedupe == NULL && (st = fl_dedupe_scratch_new(a, &res->dedupe)) != FL_OK) ||
        (st = room(a, &c->doc_signatures, sizeof(uint32_t), sign->num_hashes)) != FL_OK ||
        (st = room(a, &c->doc_shingles, sizeof(uint64_t), 1)) != FL_OK) {
        return fl__error(err, st, "out of memory");
    }
    uint32_t *sig = (uint32_t *)c->doc_signatures.data + c->doc_signatures.len;
    uint64_t *shingles = (uint64_t *)c->doc_shingles.data + c->doc_shingles.len;
    if ((st = fl_dedupe_signature(sign, text, len, res->dedupe, sig, shingles, err)) != FL_OK) {
        return st;
    }
    c->doc_signatures.len += sign->num_hashes;
    c->doc_shingles.len++;
    return FL_OK;
}

static void run_chunk(work *w, chunk *ch, fl_result *res) {
    fl_result_keep_attributions(res, w->attributions);
    size_t bytes = 0; /* of text, counted up to FL_RESERVE_MAX_BYTES (no overflow) */
    for (size_t d = ch->first; d < ch->last && bytes < FL_RESERVE_MAX_BYTES; d++) {
        size_t left = FL_RESERVE_MAX_BYTES - bytes;
        bytes += w->texts.units.lens[d] < left ? w->texts.units.lens[d] : left;
    }
    if (ch->status == FL_OK && ch->last > ch->first) {
        ch->status = columns_reserve(w->alloc, &ch->cols, ch->last - ch->first, bytes,
                                     w->sentence_texts, w->sign);
        if (ch->status != FL_OK) {
            fl__error(&ch->err, ch->status, "out of memory");
            ch->failed_doc = ch->first;
            atomic_store(&w->failed, true);
        }
    }
    for (size_t d = ch->first; d < ch->last && ch->status == FL_OK; d++) {
        const char *text;
        size_t len;
        ch->status = doc_text(&w->texts, w->alloc, d, res, &text, &len, &ch->err);
        if (ch->status == FL_OK) {
            ch->status = fl_analyze(w->lex, text, len, res, &ch->err);
        }
        if (ch->status == FL_OK) {
            ch->status = append_doc(w->alloc, &ch->cols, (uint32_t)d, text, res, w->sentence_texts);
            if (ch->status != FL_OK) {
                fl__error(&ch->err, ch->status, "out of memory");
            }
        }
        if (ch->status == FL_OK && w->sign != NULL) {
            ch->status = sign_doc(w->alloc, &ch->cols, text, len, w->sign, res, &ch->err);
        }
        if (ch->status != FL_OK) {
            ch->failed_doc = d;
            atomic_store(&w->failed, true);
        }
    }
}

static void *run_worker(void *arg) {
    work *w = arg;
    fl_result *res = NULL;
    fl_status st = fl_result_new(w->alloc, &res);
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, 1);
        if (i >= w->n_chunks) {
            break;
        }
        chunk *ch = &w->chunks[i];
        if (st != FL_OK) {
            ch->status = fl__error(&ch->err, st, "out of memory");
            ch->failed_doc = ch->first;
            atomic_store(&w->failed, true);
        } else if (!atomic_load(&w->failed) && chunk_start(w, ch)) {
            run_chunk(w, ch, res);
        }
    }
    fl_result_free(res);
    return NULL;
}

/* Appends the offsets src (after its leading zero) to dst, each shifted by base. */
static fl_status concat_offsets(const fl_allocator *a, fl_vec *dst, const fl_vec *src,
                                int64_t base) {
    if (src->len <= 1) {
        return FL_OK;
    }
    size_t at = dst->len;
    fl_status st = fl__vec_append(a, dst, sizeof(int64_t), (const int64_t *)src->data + 1,
                                  src->len - 1);
    if (st != FL_OK) {
        return st;
    }
    int64_t *off = dst->data;
    for (size_t i = at; i < dst->len; i++) {
        off[i] += base;
    }
    return FL_OK;
}

/* Appends src's columns to dst (surface, sentence and attribution text offsets shifted). */
static fl_status concat(const fl_allocator *a, columns *dst, const columns *src) {
    fl_status st;
#define X(name, type)                                                                              \
    if ((st = fl__vec_append(a, &dst->name, sizeof(type), src->name.data, src->name.len)) !=       \
        FL_OK) {                                                                                   \
        return st;                                                                                 \
    }
    int64_t base = dst->surface_data.len;
    int64_t sent_base = dst->sent_text_data.len;
    int64_t attr_base = dst->attr_text_data.len;
    FL_COLUMNS(X)
#undef X
    if ((st = concat_offsets(a, &dst->surface_offsets, &src->surface_offsets, base)) != FL_OK ||
        (st = concat_offsets(a, &dst->sent_text_offsets, &src->sent_text_offsets, sent_base)) !=
            FL_OK) {
        return st;
    }
    return concat_offsets(a, &dst->attr_text_offsets, &src->attr_text_offsets, attr_base);
}

/* Starts a batch's columns: the first (zero) offset of each offset column. */
static fl_status columns_start(const fl_allocator *a, columns *c, fl_sentence_texts keep) {
    fl_status st;
    int64_t zero = 0;
    columns_clear(c);
    if ((st = fl__vec_append(a, &c->surface_offsets, sizeof(int64_t), &zero, 1)) != FL_OK ||
        (st = fl__vec_append(a, &c->attr_text_offsets, sizeof(int64_t), &zero, 1)) != FL_OK ||
        (keep != FL_SENTENCE_TEXTS_NONE &&
         (st = fl__vec_append(a, &c->sent_text_offsets, sizeof(int64_t), &zero, 1)) != FL_OK)) {
        columns_clear(c);
        return st;
    }
    return FL_OK;
}

/* Cuts documents [0, n) into contiguous chunks of about `target` bytes each (at least one
 * document per chunk). Sets *out (NULL when n is 0) and *n_out. */
static fl_status cut_chunks(const fl_allocator *a, const size_t *lens, size_t n, size_t target,
                            chunk **out, size_t *n_out) {
    size_t n_chunks = 0;
    for (size_t d = 0, acc = 0; d < n; d++) {
        acc += lens[d] + 1;
        if (acc >= target || d == n - 1) {
            n_chunks++;
            acc = 0;
        }
    }
    *out = NULL;
    *n_out = 0;
    if (n_chunks == 0) {
        return FL_OK;
    }
    size_t bytes;
    chunk *chunks = NULL;
    if (fl__mul(n_chunks, sizeof(chunk), &bytes)) {
        chunks = fl__malloc(a, bytes);
    }
    if (chunks == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(chunks, 0, bytes);
    for (size_t d = 0, acc = 0, c = 0; d < n; d++) {
        if (acc == 0) {
            chunks[c].first = d;
        }
        acc += lens[d] + 1;
        if (acc >= target || d == n - 1) {
            chunks[c].last = d + 1;
            c++;
            acc = 0;
        }
    }
    *out = chunks;
    *n_out = n_chunks;
    return FL_OK;
}

/* The error of a failed chunk, for the batch: its failing document named by its index. */
static fl_status chunk_error(const chunk *ch, fl_error *err) {
    size_t doc = ch->failed_doc;
    fl_status st = fl__error(err, ch->status, "texts[%zu]: %s", doc, ch->err.message);
    if (err != NULL) {
        err->offset = ch->err.offset;
        err->item = doc;
    }
    return st;
}

/* Joins the finished chunks' columns into dst (allocator a) in chunk order, or reports the
 * error of the first failing chunk (the failing document named by its index in texts); frees
 * the chunks' columns (allocator ca) either way. On failure dst is cleared. */
static fl_status join_chunks(const fl_allocator *a, columns *dst, const fl_allocator *ca,
                             chunk *chunks, size_t n_chunks, fl_error *err) {
    fl_status st = FL_OK;
    for (size_t c = 0; c < n_chunks && st == FL_OK; c++) {
        if (chunks[c].status != FL_OK) {
            st = chunk_error(&chunks[c], err);
        } else {
            st = concat(a, dst, &chunks[c].cols);
            if (st != FL_OK) {
                fl__error(err, st, "out of memory");
            }
        }
    }
    for (size_t c = 0; c < n_chunks; c++) {
        columns_free(ca, &chunks[c].cols);
    }
    if (st != FL_OK) {
        columns_clear(dst);
    }
    return st;
}

/* fl_analyze_batch on the calling thread alone: one chunk of all documents whose columns
 * are the batch's own (already started), so nothing is copied after the analysis. */
static fl_status analyze_here(const fl_lexicon *lex, const doc_texts *texts, size_t n,
                              fl_batch *batch, fl_error *err) {
    const fl_allocator *a = &batch->alloc;
    fl_result *res;
    if (fl_result_new(a, &res) != FL_OK) {
        columns_clear(&batch->cols);
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    work w;
    memset(&w, 0, sizeof(w));
    w.lex = lex;
    w.texts = *texts;
    w.alloc = a;
    w.sentence_texts = batch->sentence_texts;
    w.attributions = batch->attributions;
    w.sign = batch->signs ? &batch->sign : NULL;
    atomic_init(&w.next, 0);
    atomic_init(&w.failed, false);
    chunk all;
    memset(&all, 0, sizeof(all));
    all.last = n;
    all.cols = batch->cols;
    run_chunk(&w, &all, res);
    batch->cols = all.cols;
    fl_result_free(res);
    if (all.status != FL_OK) {
        columns_clear(&batch->cols);
        return chunk_error(&all, err);
    }
    return FL_OK;
}

static fl_status analyze_batch(const fl_lexicon *lex, const doc_texts *texts, size_t n,
                               unsigned threads, fl_batch *batch, fl_error *err) {
    const size_t *lens = texts->units.lens;
    if (n >= UINT32_MAX) {
        return fl__error(err, FL_ERR_LIMIT, "a batch may hold at most %u documents",
                         (unsigned)(UINT32_MAX - 1));
    }
    batch_drop_parts(batch);
    batch->signed_hashes = batch->signs ? batch->sign.num_hashes : 0;
    const fl_allocator *a = &batch->alloc;
    fl_status st = columns_start(a, &batch->cols, batch->sentence_texts);
    if (st != FL_OK) {
        return fl__error(err, st, "out of memory");
    }
    threads = fl__clamp_threads(threads);
    if (threads > n) {
        threads = n == 0 ? 1 : (unsigned)n;
    }
    if (threads == 1) {
        return analyze_here(lex, texts, n, batch, err);
    }
    /* Chunks of about total / (8 * threads) bytes: enough pieces to balance the load. */
    size_t total = 0;
    for (size_t d = 0; d < n; d++) {
        total += lens[d] + 1;
    }
    chunk *chunks;
    size_t n_chunks;
    if (cut_chunks(a, lens, n, total / ((size_t)threads * 8) + 1, &chunks, &n_chunks) != FL_OK) {
        columns_clear(&batch->cols);
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    work w;
    w.lex = lex;
    w.texts = *texts;
    w.alloc = a;
    w.sentence_texts = batch->sentence_texts;
    w.attributions = batch->attributions;
    w.sign = batch->signs ? &batch->sign : NULL;
    w.chunks = chunks;
    w.n_chunks = n_chunks;
    atomic_init(&w.next, 0);
    atomic_init(&w.failed, false);
    if (threads > n_chunks) {
        threads = n_chunks == 0 ? 1 : (unsigned)n_chunks;
    }
    /* Threads that cannot be had are no error: fewer workers give the same results. */
    pthread_t *tids = threads > 1 ? fl__malloc(a, sizeof(pthread_t) * threads) : NULL;
    unsigned started = 1;
    if (tids != NULL) {
        for (unsigned t = 1; t < threads; t++) {
            if (pthread_create(&tids[t], NULL, run_worker, &w) != 0) {
                break;
            }
            started++;
        }
    }
    run_worker(&w);
    for (unsigned t = 1; t < started; t++) {
        pthread_join(tids[t], NULL);
    }
    st = join_chunks(a, &batch->cols, a, chunks, n_chunks, err);
    fl__free(a, tids);
    fl__free(a, chunks);
    return st;
}

fl_status fl_analyze_batch(const fl_lexicon *lex, const char *const *texts, const size_t *lens,
                           size_t n, unsigned threads, fl_batch *batch, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (batch == NULL || (n > 0 && (texts == NULL || lens == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_analyze_batch: a required argument is NULL");
    }
    doc_texts t = {texts, {NULL, lens, NULL}};
    return analyze_batch(lex, &t, n, threads, batch, err);
}

fl_status fl_analyze_batch_texts(const fl_lexicon *lex, const fl_texts *texts, size_t n,
                                 unsigned threads, fl_batch *batch, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (batch == NULL || texts == NULL ||
        (n > 0 && (texts->texts == NULL || texts->lens == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_analyze_batch_texts: a required argument is NULL");
    }
    doc_texts t = {NULL, *texts};
    return analyze_batch(lex, &t, n, threads, batch, err);
}

/* ------------------------------------------------------------------ the pool */

/*
 * A pool keeps its worker threads for its lifetime. Each submitted batch is cut into chunks
 * of about FL_POOL_CHUNK_BYTES and queued; the workers take chunks in submission order (a
 * batch's chunks before the next batch's), so the oldest batch finishes first and the last
 * one is shared by all workers without the caller cutting it. The workers never wait for
 * the caller: the caller (Python, holding its GIL) submits without waiting and collects a
 * batch's joined columns when it wants them; a collector that helps (fl_pool_collector_helps)
 * takes queued chunks as a worker does until its batch is done, so that its core works
 * rather than sleeps. One mutex guards the queue and the counts; a chunk is analysed outside
 * it, so workers hold it only to take a chunk and to count it done.
 */
#define FL_POOL_CHUNK_BYTES ((size_t)128 << 10)

typedef struct pool_batch {
    uint64_t ticket;
    doc_texts texts;
    chunk *chunks;
    size_t n_chunks, next_chunk, done_chunks;
    fl_attributions attributions; /* the pool's when it was submitted */
    bool signs; /* so are these: whether the pool signed, and with what */
    fl_dedupe_params sign;
    struct pool_batch *next; /* the next batch in submission order */
} pool_batch;

struct fl_pool {
    fl_allocator alloc;
    const fl_lexicon *lex;
    fl_sentence_texts sentence_texts;
    fl_attributions attributions;
    bool signs; /* fl_pool_sign */
    fl_dedupe_params sign;
    pthread_mutex_t lock;
    pthread_cond_t work_ready; /* a chunk was queued, or stop was set */
    pthread_cond_t batch_done; /* a batch's last chunk finished */
    pool_batch *first, *last; /* submitted and not yet collected, in order */
    pool_batch *todo; /* the first batch with a chunk not yet taken, or NULL */
    uint64_t next_ticket;
    bool stop;
    struct pool_worker *workers; /* n_slots of them, each with its result */
    unsigned n_slots;
    unsigned n_threads; /* worker threads started (the first n_threads slots) */
    /* the collecting thread's own result, once fl_pool_collector_helps made it: the collector
     * then analyses queued chunks while it waits instead of sleeping */
    fl_result *collector_res;
};

/* A worker thread and its result, made before the thread starts (so that its allocations
 * happen on the caller's thread, in order, and a failure is fl_pool_new's error). */
typedef struct pool_worker {
    fl_pool *pool;
    fl_result *res;
    pthread_t tid;
} pool_worker;

/* Takes the next chunk not yet taken (under the lock); NULL when none is left. */
static chunk *take_chunk(fl_pool *p, pool_batch **of) {
    while (p->todo != NULL && p->todo->next_chunk == p->todo->n_chunks) {
        p->todo = p->todo->next;
    }
    if (p->todo == NULL) {
        return NULL;
    }
    *of = p->todo;
    return &p->todo->chunks[p->todo->next_chunk++];
}

/* Analyses one chunk of batch b (outside the lock). */
static void pool_run_chunk(fl_pool *p, pool_batch *b, chunk *ch, fl_result *res) {
    work w;
    w.lex = p->lex;
    w.texts = b->texts;
    w.alloc = &p->alloc;
    w.sentence_texts = p->sentence_texts;
    w.attributions = b->attributions;
    w.sign = b->signs ? &b->sign : NULL;
    w.chunks = NULL;
    w.n_chunks = 0;
    atomic_init(&w.next, 0);
    atomic_init(&w.failed, false);
    if (chunk_start(&w, ch)) {
        run_chunk(&w, ch, res);
    }
}

/* Counts a chunk of b done (under the lock), waking the collector at the batch's last. */
static void chunk_done(fl_pool *p, pool_batch *b) {
    if (++b->done_chunks == b->n_chunks) {
        pthread_cond_broadcast(&p->batch_done);
    }
}

static void *pool_work(void *arg) {
    pool_worker *me = arg;
    fl_pool *p = me->pool;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        pool_batch *b = NULL;
        chunk *ch = p->stop ? NULL : take_chunk(p, &b);
        if (ch == NULL) {
            if (p->stop) {
                break;
            }
            pthread_cond_wait(&p->work_ready, &p->lock);
            continue;
        }
        pthread_mutex_unlock(&p->lock);
        pool_run_chunk(p, b, ch, me->res);
        pthread_mutex_lock(&p->lock);
        chunk_done(p, b);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

static void pool_batch_free(fl_pool *p, pool_batch *b) {
    for (size_t c = 0; c < b->n_chunks; c++) {
        columns_free(&p->alloc, &b->chunks[c].cols);
    }
    fl__free(&p->alloc, b->chunks);
    fl__free(&p->alloc, b);
}

/* Frees what fl_pool_new made, after its threads (if any) were joined. */
static void pool_destroy(fl_pool *p, unsigned results, bool sync) {
    fl_allocator a = p->alloc;
    for (unsigned t = 0; t < results; t++) {
        fl_result_free(p->workers[t].res);
    }
    fl_result_free(p->collector_res);
    if (sync) {
        pthread_cond_destroy(&p->batch_done);
        pthread_cond_destroy(&p->work_ready);
        pthread_mutex_destroy(&p->lock);
    }
    fl__free(&a, p->workers);
    fl__free(&a, p);
}

fl_status fl_pool_new(const fl_allocator *alloc, const fl_lexicon *lex, unsigned threads,
                      fl_sentence_texts sentence_texts, fl_pool **out) {
    if (out == NULL) {
        return FL_ERR_ARG;
    }
    *out = NULL;
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    threads = fl__clamp_threads(threads);
    fl_pool *p = fl__malloc(&a, sizeof(*p));
    if (p == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(p, 0, sizeof(*p));
    p->alloc = a;
    p->lex = lex;
    p->sentence_texts = sentence_texts;
    p->workers = fl__malloc(&a, sizeof(pool_worker) * threads);
    if (p->workers == NULL) {
        pool_destroy(p, 0, false);
        return FL_ERR_NOMEM;
    }
    for (unsigned t = 0; t < threads; t++) {
        p->workers[t].pool = p;
        if (fl_result_new(&p->alloc, &p->workers[t].res) != FL_OK) {
            pool_destroy(p, t, false);
            return FL_ERR_NOMEM;
        }
    }
    bool have_lock = pthread_mutex_init(&p->lock, NULL) == 0;
    bool have_ready = have_lock && pthread_cond_init(&p->work_ready, NULL) == 0;
    if (!have_ready || pthread_cond_init(&p->batch_done, NULL) != 0) {
        if (have_ready) {
            pthread_cond_destroy(&p->work_ready);
        }
        if (have_lock) {
            pthread_mutex_destroy(&p->lock);
        }
        pool_destroy(p, threads, false);
        return FL_ERR_NOMEM;
    }
    /* Threads that cannot be had are no error: with none, fl_pool_collect analyses the
     * batch on the calling thread, with the same results. */
    for (unsigned t = 0; t < threads; t++) {
        if (pthread_create(&p->workers[t].tid, NULL, pool_work, &p->workers[t]) != 0) {
            break;
        }
        p->n_threads++;
    }
    p->n_slots = threads;
    *out = p;
    return FL_OK;
}

unsigned fl_pool_threads(const fl_pool *pool) {
    return pool == NULL ? 0 : pool->n_threads;
}

fl_status fl_pool_collector_helps(fl_pool *pool) {
    if (pool == NULL) {
        return FL_ERR_ARG;
    }
    if (pool->collector_res != NULL) {
        return FL_OK;
    }
    return fl_result_new(&pool->alloc, &pool->collector_res);
}

void fl_pool_keep_attributions(fl_pool *pool, fl_attributions which) {
    if (pool != NULL) {
        pool->attributions = which;
    }
}

/* The checks of fl_batch_sign and fl_pool_sign: err cleared, the batch or pool given (`what`
 * names the function), params NULL or valid. */
static fl_status sign_checks(const void *obj, const char *what, const fl_dedupe_params *params,
                             fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (obj == NULL) {
        return fl__error(err, FL_ERR_ARG, "%s: a required argument is NULL", what);
    }
    return params != NULL ? fl__dedupe_check_params(params, err) : FL_OK;
}

fl_status fl_batch_sign(fl_batch *batch, const fl_dedupe_params *params, fl_error *err) {
    fl_status st = sign_checks(batch, "fl_batch_sign", params, err);
    if (st == FL_OK) {
        if (params != NULL) {
            batch->sign = *params;
        }
        batch->signs = params != NULL;
    }
    return st;
}

fl_status fl_pool_sign(fl_pool *pool, const fl_dedupe_params *params, fl_error *err) {
    fl_status st = sign_checks(pool, "fl_pool_sign", params, err);
    if (st == FL_OK) {
        if (params != NULL) {
            pool->sign = *params;
        }
        pool->signs = params != NULL;
    }
    return st;
}

static fl_status pool_submit(fl_pool *pool, const doc_texts *texts, size_t n, uint64_t *ticket,
                             fl_error *err) {
    if (n >= UINT32_MAX) {
        return fl__error(err, FL_ERR_LIMIT, "a batch may hold at most %u documents",
                         (unsigned)(UINT32_MAX - 1));
    }
    const fl_allocator *a = &pool->alloc;
    pool_batch *b = fl__malloc(a, sizeof(*b));
    if (b == NULL) {
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    memset(b, 0, sizeof(*b));
    b->texts = *texts;
    b->attributions = pool->attributions;
    b->signs = pool->signs;
    b->sign = pool->sign;
    if (cut_chunks(a, texts->units.lens, n, FL_POOL_CHUNK_BYTES, &b->chunks, &b->n_chunks) !=
        FL_OK) {
        fl__free(a, b);
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    pthread_mutex_lock(&pool->lock);
    b->ticket = pool->next_ticket++;
    if (pool->last != NULL) {
        pool->last->next = b;
    } else {
        pool->first = b;
    }
    pool->last = b;
    if (pool->todo == NULL) {
        pool->todo = b;
    }
    pthread_cond_broadcast(&pool->work_ready);
    pthread_mutex_unlock(&pool->lock);
    *ticket = b->ticket;
    return FL_OK;
}

fl_status fl_pool_submit(fl_pool *pool, const char *const *texts, const size_t *lens, size_t n,
                         uint64_t *ticket, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (pool == NULL || ticket == NULL || (n > 0 && (texts == NULL || lens == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_pool_submit: a required argument is NULL");
    }
    doc_texts t = {texts, {NULL, lens, NULL}};
    return pool_submit(pool, &t, n, ticket, err);
}

fl_status fl_pool_submit_texts(fl_pool *pool, const fl_texts *texts, size_t n, uint64_t *ticket,
                               fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (pool == NULL || ticket == NULL || texts == NULL ||
        (n > 0 && (texts->texts == NULL || texts->lens == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_pool_submit_texts: a required argument is NULL");
    }
    doc_texts t = {NULL, *texts};
    return pool_submit(pool, &t, n, ticket, err);
}

/* Waits for the batch of ticket (analysing the queue itself when the pool has no thread)
 * and takes it out of the pool: the caller owns it then. NULL, with err set, when no such
 * batch is waiting. */
static pool_batch *pool_take(fl_pool *pool, uint64_t ticket, fl_error *err) {
    pthread_mutex_lock(&pool->lock);
    pool_batch *b = pool->first;
    pool_batch *prev = NULL;
    while (b != NULL && b->ticket != ticket) {
        prev = b;
        b = b->next;
    }
    if (b == NULL) {
        pthread_mutex_unlock(&pool->lock);
        fl__error(err, FL_ERR_ARG, "fl_pool_collect: no batch %llu is waiting",
                  (unsigned long long)ticket);
        return NULL;
    }
    /* With no worker thread the caller analyses the queue in order, up to this batch, with
     * the result of the first (unstarted) worker; a helping collector (fl_pool_collector_helps)
     * takes chunks in the same order, beside the workers, with its own. Either way it sleeps
     * only when every chunk up to its batch is taken. */
    fl_result *own = pool->n_threads == 0 ? pool->workers[0].res : pool->collector_res;
    while (b->done_chunks < b->n_chunks) {
        pool_batch *of = NULL;
        chunk *ch = own != NULL ? take_chunk(pool, &of) : NULL;
        if (ch == NULL) {
            pthread_cond_wait(&pool->batch_done, &pool->lock);
            continue;
        }
        pthread_mutex_unlock(&pool->lock);
        pool_run_chunk(pool, of, ch, own);
        pthread_mutex_lock(&pool->lock);
        chunk_done(pool, of);
    }
    if (prev != NULL) {
        prev->next = b->next;
    } else {
        pool->first = b->next;
    }
    if (pool->last == b) {
        pool->last = prev;
    }
    if (pool->todo == b) {
        pool->todo = b->next;
    }
    pthread_mutex_unlock(&pool->lock);
    return b;
}

/* The collect functions' first step: checks the arguments, waits for the batch of ticket
 * and takes it from the pool, and clears the results batch held before. NULL, with err set,
 * on failure (the batch unchanged). */
static pool_batch *collect_start(fl_pool *pool, uint64_t ticket, fl_batch *batch, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (pool == NULL || batch == NULL) {
        fl__error(err, FL_ERR_ARG, "fl_pool_collect: a required argument is NULL");
        return NULL;
    }
    pool_batch *b = pool_take(pool, ticket, err);
    if (b != NULL) {
        batch_drop_parts(batch);
        columns_clear(&batch->cols);
        batch->signed_hashes = b->signs ? b->sign.num_hashes : 0;
    }
    return b;
}

fl_status fl_pool_collect(fl_pool *pool, uint64_t ticket, fl_batch *batch, fl_error *err) {
    pool_batch *b = collect_start(pool, ticket, batch, err);
    if (b == NULL) {
        return FL_ERR_ARG;
    }
    const fl_allocator *a = &batch->alloc;
    fl_status st = columns_start(a, &batch->cols, pool->sentence_texts);
    if (st != FL_OK) {
        fl__error(err, st, "out of memory");
        for (size_t c = 0; c < b->n_chunks; c++) {
            columns_free(&pool->alloc, &b->chunks[c].cols);
        }
    } else {
        st = join_chunks(a, &batch->cols, &pool->alloc, b->chunks, b->n_chunks, err);
    }
    fl__free(&pool->alloc, b->chunks);
    fl__free(&pool->alloc, b);
    return st;
}

fl_status fl_pool_collect_parts(fl_pool *pool, uint64_t ticket, fl_batch *batch, fl_error *err) {
    pool_batch *b = collect_start(pool, ticket, batch, err);
    if (b == NULL) {
        return FL_ERR_ARG;
    }
    fl_status st = FL_OK;
    for (size_t c = 0; c < b->n_chunks && st == FL_OK; c++) {
        if (b->chunks[c].status != FL_OK) {
            st = chunk_error(&b->chunks[c], err);
        }
    }
    if (st == FL_OK && b->n_chunks == 0) {
        /* no document: one empty part, the batch's own columns */
        st = columns_start(&batch->alloc, &batch->cols, pool->sentence_texts);
        if (st != FL_OK) {
            fl__error(err, st, "out of memory");
        }
    }
    if (st == FL_OK && b->n_chunks > 0) {
        batch->parts = b->chunks; /* handed over: the chunks' columns are not copied */
        batch->n_parts = b->n_chunks;
        batch->parts_alloc = pool->alloc;
    } else {
        for (size_t c = 0; c < b->n_chunks; c++) {
            columns_free(&pool->alloc, &b->chunks[c].cols);
        }
        fl__free(&pool->alloc, b->chunks);
    }
    fl__free(&pool->alloc, b);
    return st;
}

/* Frees the parts a batch was handed by fl_pool_collect_parts, if any. */
static void batch_drop_parts(fl_batch *batch) {
    for (size_t c = 0; c < batch->n_parts; c++) {
        columns_free(&batch->parts_alloc, &batch->parts[c].cols);
    }
    fl__free(&batch->parts_alloc, batch->parts);
    batch->parts = NULL;
    batch->n_parts = 0;
}

void fl_pool_free(fl_pool *pool) {
    if (pool == NULL) {
        return;
    }
    pthread_mutex_lock(&pool->lock);
    pool->stop = true;
    pthread_cond_broadcast(&pool->work_ready);
    pthread_mutex_unlock(&pool->lock);
    for (unsigned t = 0; t < pool->n_threads; t++) {
        pthread_join(pool->workers[t].tid, NULL);
    }
    for (pool_batch *b = pool->first, *next; b != NULL; b = next) {
        next = b->next;
        pool_batch_free(pool, b);
    }
    pool_destroy(pool, pool->n_slots, true);
}

size_t fl_batch_parts(const fl_batch *batch) {
    return batch == NULL ? 0 : batch->n_parts > 0 ? batch->n_parts : 1;
}

void fl_batch_columns_get(const fl_batch *batch, fl_batch_columns *out) {
    fl_batch_part_columns(batch, 0, out);
}

void fl_batch_part_columns(const fl_batch *batch, size_t part, fl_batch_columns *out) {
    memset(out, 0, sizeof(*out));
    if (batch == NULL || part >= fl_batch_parts(batch)) {
        return;
    }
    const columns *c = batch->n_parts > 0 ? &batch->parts[part].cols : &batch->cols;
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
    out->sent_text_offsets = c->sent_text_offsets.len > 0 ? c->sent_text_offsets.data : NULL;
    out->sent_text_data = c->sent_text_data.data;
    out->num_hashes = batch->signed_hashes;
    if (batch->signed_hashes > 0) {
        out->doc_signatures = c->doc_signatures.data;
        out->doc_shingles = c->doc_shingles.data;
    }
    out->doc_attributions = c->doc_attributions.data;
    out->match_attribution = c->match_attribution.data;
    out->match_target = c->match_target.data;
    out->n_attributions = c->attr_doc.len;
    out->attr_doc = c->attr_doc.data;
    out->attr_sentence = c->attr_sentence.data;
    out->attr_kind = c->attr_kind.data;
    out->attr_voice = c->attr_voice.data;
    out->attr_nested = c->attr_nested.data;
    out->attr_speaker_actor = c->attr_speaker_actor.data;
    out->attr_speaker_start = c->attr_speaker_start.data;
    out->attr_speaker_end = c->attr_speaker_end.data;
    out->attr_cue_start = c->attr_cue_start.data;
    out->attr_cue_end = c->attr_cue_end.data;
    out->attr_content_start = c->attr_content_start.data;
    out->attr_content_end = c->attr_content_end.data;
    out->attr_content2_start = c->attr_content2_start.data;
    out->attr_content2_end = c->attr_content2_end.data;
    out->attr_text_offsets = c->attr_text_offsets.data;
    out->attr_text_data = c->attr_text_data.data;
}
