/* fuzz_analyze.c: libFuzzer target: arbitrary bytes as text against a fixed lexicon, with the
 * invariants every analysis must keep. */
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
