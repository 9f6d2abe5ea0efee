/* fuzz_lexicon.c: libFuzzer target: arbitrary bytes as lexicon JSON must load or fail cleanly. */
/* SPDX-License-Identifier: MIT */
#include "framelens.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Reads every node of a value tree (free-form data) and checks its shape. */
static void walk(const fl_value *v, int depth) {
    if (v == NULL) {
        return;
    }
    if (depth > 600) {
        abort(); /* the reader allows 512 levels */
    }
    size_t len;
    fl_value_kind kind = fl_value_kind_of(v);
    const char *text = fl_value_text(v, &len);
    if ((kind == FL_VALUE_STRING || kind == FL_VALUE_NUMBER) != (text != NULL)) {
        abort();
    }
    for (size_t i = 0; i < fl_value_count(v); i++) {
        const fl_value *item = fl_value_item(v, i);
        if (item == NULL || (kind == FL_VALUE_OBJECT) != (fl_value_key(v, i, &len) != NULL)) {
            abort();
        }
        walk(item, depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fl_lexicon *lex = NULL;
    fl_error err;
    fl_status st = fl_lexicon_load_json((const char *)data, size, "fuzz.json", NULL, &lex, &err);
    if (st != FL_OK) {
        /* A failure names itself and leaves nothing behind. */
        if (lex != NULL || err.code != st || strlen(err.message) == 0) {
            abort();
        }
        if (st == FL_ERR_SYNTAX && (err.line == 0 || err.column == 0)) {
            abort();
        }
        return 0;
    }
    /* A loaded lexicon is usable: inspect every part and analyse a fixed text. */
    size_t nt = fl_lexicon_term_count(lex);
    size_t nc = fl_lexicon_category_count(lex);
    if (nt == 0) {
        abort();
    }
    for (size_t i = 0; i < nt; i++) {
        fl_term_info t;
        if (fl_lexicon_term(lex, i, &t) != FL_OK || t.category >= nc || t.n_categories == 0) {
            abort();
        }
        for (size_t k = 0; k < t.n_categories; k++) {
            uint32_t c;
            if (fl_lexicon_term_category(lex, i, k, &c) != FL_OK || c >= nc) {
                abort();
            }
        }
        walk(t.extras, 0);
    }
    for (size_t c = 0; c < nc; c++) {
        fl_category_info info;
        if (fl_lexicon_category_info(lex, c, &info) != FL_OK) {
            abort();
        }
        walk(info.extras, 0);
    }
    for (size_t c = 0; c < fl_lexicon_contrast_count(lex); c++) {
        fl_contrast_info ci;
        if (fl_lexicon_contrast(lex, c, &ci) != FL_OK || ci.n_options < 2) {
            abort();
        }
        for (size_t o = 0; o < ci.n_options; o++) {
            const char *name;
            size_t len, nr;
            const fl_reference *refs;
            if (fl_lexicon_contrast_option(lex, c, o, &name, &len, &refs, &nr) != FL_OK) {
                abort();
            }
            for (size_t k = 0; k < nr; k++) {
                fl_term_info t;
                if (fl_lexicon_term(lex, refs[k].term, &t) != FL_OK ||
                    (refs[k].spelling != FL_ALL_SPELLINGS &&
                     (refs[k].spelling == 0 || refs[k].spelling > t.n_variants))) {
                    abort();
                }
            }
        }
    }
    walk(fl_lexicon_extras(lex), 0);
    static const char text[] = "Kiev claims the \"so-called\" coup d'\xC3\xA9tat in Donbass. "
                               "Kyiv's U.S. allies said: aggression!";
    fl_result *res = NULL;
    if (fl_result_new(NULL, &res) != FL_OK) {
        abort();
    }
    if (fl_analyze(lex, text, sizeof text - 1, res, &err) != FL_OK) {
        abort();
    }
    size_t nm;
    const fl_match *m = fl_result_matches(res, &nm);
    for (size_t i = 0; i < nm; i++) {
        fl_term_info t;
        if (m[i].term >= nt || m[i].end > sizeof text - 1 || m[i].start >= m[i].end ||
            fl_lexicon_term(lex, m[i].term, &t) != FL_OK || m[i].spelling > t.n_variants) {
            abort();
        }
    }
    fl_result_free(res);
    fl_lexicon_free(lex);
    return 0;
}
