/* analyze.c: the pipeline of one document (tokenise, segment, match, voice, score). */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

fl_status fl_result_new(const fl_allocator *alloc, fl_result **out) {
    if (out == NULL) {
        return FL_ERR_ARG;
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_result *res = fl__malloc(&a, sizeof(*res));
    if (res == NULL) {
        *out = NULL;
        return FL_ERR_NOMEM;
    }
    memset(res, 0, sizeof(*res));
    res->alloc = a;
    *out = res;
    return FL_OK;
}

void fl_result_free(fl_result *res) {
    if (res == NULL) {
        return;
    }
    fl_allocator a = res->alloc;
    fl__vec_free(&a, &res->tokens);
    fl__vec_free(&a, &res->infos);
    fl__vec_free(&a, &res->sentences);
    fl__vec_free(&a, &res->matches);
    fl__vec_free(&a, &res->folded);
    fl__vec_free(&a, &res->scratch);
    fl__vec_free(&a, &res->stack);
    fl__vec_free(&a, &res->wild);
    fl__vec_free(&a, &res->cover);
    fl__vec_free(&a, &res->markers);
    fl__fold_cache_free(&a, res->fold_cache);
    fl__vec_free(&a, &res->vtoks);
    fl__vec_free(&a, &res->attributions);
    fl__vec_free(&a, &res->attr_out);
    fl__vec_free(&a, &res->mentions);
    fl__vec_free(&a, &res->link_scratch);
    fl__vec_free(&a, &res->sentence_cues);
    fl__vec_free(&a, &res->cue_tokens);
    fl__vec_free(&a, &res->starts);
    fl__vec_free(&a, &res->utf8);
    fl_dedupe_scratch_free(res->dedupe);
    fl__free(&a, res);
}

void fl_result_keep_attributions(fl_result *res, fl_attributions which) {
    if (res != NULL) {
        res->keep_attributions = which == FL_ATTRIBUTIONS_MATCHED ? which : FL_ATTRIBUTIONS_ALL;
    }
}

static void clear(fl_result *res) {
    res->tokens.len = 0;
    res->infos.len = 0;
    res->sentences.len = 0;
    res->matches.len = 0;
    res->folded.len = 0;
    res->markers.len = 0;
    res->vtoks.len = 0;
    res->attributions.len = 0;
    res->attr_out.len = 0;
    res->mentions.len = 0;
    res->starts.len = 0;
}

fl_status fl_analyze(const fl_lexicon *lex, const char *text, size_t len, fl_result *res,
                     fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (res != NULL) {
        clear(res); /* on any failure the result holds nothing */
    }
    if (res == NULL || (text == NULL && len > 0)) {
        return fl__error(err, FL_ERR_ARG, "fl_analyze: %s is NULL", res == NULL ? "res" : "text");
    }
    if (len > FL_MAX_TEXT_BYTES) {
        return fl__error(err, FL_ERR_LIMIT, "the text is %zu bytes; the limit is %zu per document",
                         len, FL_MAX_TEXT_BYTES);
    }
    const uint8_t *t = (const uint8_t *)text;
    fl_status st = fl__tokenize(&res->alloc, t, len, &res->tokens, &res->infos);
    if (st == FL_OK) {
        st = fl__segment(&res->alloc, t, len, res->tokens.data, res->infos.data, res->tokens.len,
                         &res->sentences);
    }
    if (st == FL_OK && lex != NULL) {
        st = fl__label_tokens(lex, t, res);
        if (st == FL_OK) {
            st = fl__match(lex, res);
        }
        if (st == FL_OK) {
            st = fl__context(lex, t, res);
        }
    }
    if (st != FL_OK) {
        clear(res);
        return fl__error(err, st, "%s",
                         st == FL_ERR_NOMEM ? "out of memory while analysing a text"
                                            : fl_status_str(st));
    }
    return FL_OK;
}

const fl_token *fl_result_tokens(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->tokens.len;
    return *n == 0 ? NULL : res->tokens.data;
}

const fl_sentence *fl_result_sentences(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->sentences.len;
    return *n == 0 ? NULL : res->sentences.data;
}

const fl_match *fl_result_matches(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->matches.len;
    return *n == 0 ? NULL : res->matches.data;
}

const fl_marker *fl_result_markers(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->markers.len;
    return *n == 0 ? NULL : res->markers.data;
}
