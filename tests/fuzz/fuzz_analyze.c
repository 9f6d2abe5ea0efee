/* fuzz_analyze.c: libFuzzer target: arbitrary bytes as text against a fixed lexicon, with the
 * invariants every analysis must keep, FL_ATTRIBUTIONS_MATCHED giving the same matches, and the
 * bytes read as UCS-2 code units analysed as their UTF-8 is (or refused where it is not). */
/* SPDX-License-Identifier: MIT */
#include "framelens.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char LEXICON[] =
    "{\"terms\": ["
    "{\"term\": \"coup d'\xC3\xA9tat\", \"category\": \"a\", \"variants\": [\"putsch\"]},"
    "{\"term\": \"Kiev\", \"category\": \"b\"}, {\"term\": \"Kiev regime\", \"category\": \"a\"},"
    "{\"term\": \"Kyiv\", \"category\": \"b\"}, {\"term\": \"aggress*\", \"category\": \"c\"},"
    "{\"term\": \"US\", \"category\": \"d\", \"case_sensitive\": true},"
    "{\"term\": \"pro-Russian\", \"category\": \"d\"}, {\"term\": "
    "\"\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2\", \"category\": \"b\"},"
    "{\"term\": \"a\", \"category\": \"e\"}, {\"term\": \"a b\", \"category\": \"e\"}],"
    "\"exclude\": [\"chicken Kiev\", \"b a\"],"
    "\"contrasts\": [{\"name\": \"capital\", \"options\": {\"Kiev\": [\"Kiev\"], \"Kyiv\": "
    "[\"Kyiv\"]}}]}";

static fl_lexicon *lexicon(void) {
    static fl_lexicon *lex = NULL; /* built once per fuzzing process; read-only afterwards */
    if (lex == NULL) {
        fl_error err;
        if (fl_lexicon_load_json(LEXICON, sizeof LEXICON - 1, "fixed", NULL, &lex, &err) != FL_OK) {
            abort();
        }
    }
    return lex;
}

static void check(const fl_result *res, size_t len) {
    size_t nt, ns, nm, nk;
    const fl_token *t = fl_result_tokens(res, &nt);
    const fl_sentence *s = fl_result_sentences(res, &ns);
    const fl_match *m = fl_result_matches(res, &nm);
    const fl_marker *k = fl_result_markers(res, &nk);
    /* tokens: in order, non-empty, inside the text, each in its sentence */
    for (size_t i = 0; i < nt; i++) {
        if (t[i].start >= t[i].end || t[i].end > len || t[i].cp_start >= t[i].cp_end ||
            (i > 0 && t[i].start < t[i - 1].end) || t[i].sentence >= ns) {
            abort();
        }
    }
    /* sentences: in order, covering every token exactly once, matches inside */
    size_t next_token = 0;
    size_t next_match = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].first_token != next_token || s[i].n_tokens_all == 0 || s[i].start >= s[i].end ||
            s[i].end > len || (i > 0 && s[i].start < s[i - 1].end) ||
            s[i].start != t[s[i].first_token].start ||
            s[i].end != t[s[i].first_token + s[i].n_tokens_all - 1].end ||
            s[i].first_match != next_match || s[i].n_tokens > s[i].n_tokens_all) {
            abort();
        }
        next_token += s[i].n_tokens_all;
        next_match += s[i].n_matches;
    }
    if (next_token != nt || next_match != nm) {
        abort();
    }
    /* matches: in order, non-overlapping, inside their sentence, valid voice */
    for (size_t i = 0; i < nm; i++) {
        const fl_sentence *si = &s[m[i].sentence];
        if (m[i].start >= m[i].end || m[i].start < si->start || m[i].end > si->end ||
            (i > 0 && m[i].start < m[i - 1].end) || m[i].voice > FL_VOICE_ATTRIBUTED ||
            m[i].negated > 1 || m[i].sentence >= ns) {
            abort();
        }
    }
    for (size_t i = 0; i < nk; i++) {
        if (k[i].sentence >= ns || k[i].start >= k[i].end || k[i].end > len) {
            abort();
        }
    }
}

static int same_span(const fl_text_span *a, const fl_text_span *b) {
    return a->start == b->start && a->end == b->end;
}

/* FL_ATTRIBUTIONS_MATCHED: every match as in `all` (voice, negation, target, and the
 * attribution it links to, compared as that record's spans), and no attribution besides the
 * linked ones. */
static void check_matched(const fl_result *all, const uint8_t *data, size_t size) {
    fl_result *res = NULL;
    fl_error err;
    if (fl_result_new(NULL, &res) != FL_OK) {
        abort();
    }
    fl_result_keep_attributions(res, FL_ATTRIBUTIONS_MATCHED);
    if (fl_analyze(lexicon(), (const char *)data, size, res, &err) != FL_OK) {
        abort();
    }
    size_t nm, nm2, na, na2, nk, nk2;
    const fl_match *m = fl_result_matches(all, &nm);
    const fl_match *m2 = fl_result_matches(res, &nm2);
    const fl_attribution *a = fl_result_attributions(all, &na);
    const fl_attribution *a2 = fl_result_attributions(res, &na2);
    const fl_marker *k = fl_result_markers(all, &nk);
    const fl_marker *k2 = fl_result_markers(res, &nk2);
    if (nm != nm2 || nk != nk2 || na2 > na) {
        abort();
    }
    for (size_t i = 0; i < nk; i++) {
        if (k[i].start != k2[i].start || k[i].end != k2[i].end || k[i].kind != k2[i].kind) {
            abort();
        }
    }
    /* which kept attributions a match links to */
    unsigned char *seen = na2 > 0 ? calloc(na2, 1) : NULL;
    if (na2 > 0 && seen == NULL) {
        abort();
    }
    for (size_t i = 0; i < nm; i++) {
        if (m[i].start != m2[i].start || m[i].voice != m2[i].voice ||
            m[i].negated != m2[i].negated || m[i].target != m2[i].target ||
            (m[i].attribution == FL_NO_ATTRIBUTION) != (m2[i].attribution == FL_NO_ATTRIBUTION)) {
            abort();
        }
        if (m[i].attribution == FL_NO_ATTRIBUTION) {
            continue;
        }
        if (m2[i].attribution >= na2) {
            abort();
        }
        const fl_attribution *x = &a[m[i].attribution];
        const fl_attribution *y = &a2[m2[i].attribution];
        if (!same_span(&x->speaker, &y->speaker) || !same_span(&x->cue, &y->cue) ||
            !same_span(&x->content, &y->content) || !same_span(&x->content2, &y->content2) ||
            x->sentence != y->sentence || x->kind != y->kind) {
            abort();
        }
        seen[m2[i].attribution] = 1;
    }
    for (size_t j = 0; j < na2; j++) {
        if (!seen[j]) {
            abort(); /* an attribution kept that no match links to */
        }
    }
    free(seen);
    fl_result_free(res);
}

/* The bytes as UCS-2 code units (a lone surrogate among them, often): fl_analyze_batch_texts
 * of the units gives the columns fl_analyze_batch gives their UTF-8, or FL_ERR_TEXT naming the
 * unit fl_utf8_from_units refused. */
static void check_units(const uint8_t *data, size_t size) {
    size_t n = size / 2;
    uint16_t *units = malloc(n * sizeof *units + 1);
    char *utf8 = malloc(fl_utf8_bound(FL_UNITS_UCS2, n) + 1);
    fl_batch *a = NULL, *b = NULL;
    if (units == NULL || utf8 == NULL || fl_batch_new(NULL, &a) != FL_OK ||
        fl_batch_new(NULL, &b) != FL_OK) {
        abort();
    }
    memcpy(units, data, n * sizeof *units);
    size_t len, bad;
    fl_status want = fl_utf8_from_units(FL_UNITS_UCS2, units, n, utf8, &len, &bad);
    const void *texts[1] = {units};
    uint8_t form[1] = {FL_UNITS_UCS2};
    fl_texts t = {texts, &n, form};
    fl_error err;
    fl_status got = fl_analyze_batch_texts(lexicon(), &t, 1, 1, a, &err);
    if (got != want || (got != FL_OK && (err.item != 0 || err.offset != bad))) {
        abort();
    }
    if (got == FL_OK) {
        const char *p = utf8;
        if (fl_analyze_batch(lexicon(), &p, &len, 1, 1, b, &err) != FL_OK) {
            abort();
        }
        fl_batch_columns x, y;
        fl_batch_columns_get(a, &x);
        fl_batch_columns_get(b, &y);
        if (x.n_sentences != y.n_sentences || x.n_matches != y.n_matches ||
            (x.n_matches > 0 &&
             memcmp(x.match_start, y.match_start, x.n_matches * sizeof *x.match_start) != 0)) {
            abort();
        }
    }
    fl_batch_free(a);
    fl_batch_free(b);
    free(utf8);
    free(units);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fl_result *res = NULL;
    fl_error err;
    if (fl_result_new(NULL, &res) != FL_OK) {
        abort();
    }
    if (fl_analyze(lexicon(), (const char *)data, size, res, &err) != FL_OK) {
        abort();
    }
    check(res, size);
    check_matched(res, data, size);
    check_units(data, size);
    /* segmentation alone gives the same sentences */
    size_t n_with;
    const fl_sentence *with = fl_result_sentences(res, &n_with);
    fl_sentence *copy = NULL;
    if (n_with > 0) {
        copy = malloc(n_with * sizeof *copy);
        if (copy == NULL) {
            abort();
        }
        memcpy(copy, with, n_with * sizeof *copy);
    }
    if (fl_analyze(NULL, (const char *)data, size, res, &err) != FL_OK) {
        abort();
    }
    size_t n_without;
    const fl_sentence *without = fl_result_sentences(res, &n_without);
    if (n_without != n_with) {
        abort();
    }
    for (size_t i = 0; i < n_with; i++) {
        if (copy[i].start != without[i].start || copy[i].end != without[i].end) {
            abort();
        }
    }
    free(copy);
    fl_result_free(res);
    return 0;
}
