/* fuzz_lexicon.c: libFuzzer target: arbitrary bytes as lexicon JSON must load or fail cleanly. */
/* SPDX-License-Identifier: MIT */
#include "framelens.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    if (nt == 0) {
        abort();
    }
    for (size_t i = 0; i < nt; i++) {
        fl_term_info t;
        if (fl_lexicon_term(lex, i, &t) != FL_OK || t.category >= fl_lexicon_category_count(lex)) {
            abort();
        }
    }
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
        if (m[i].term >= nt || m[i].end > sizeof text - 1 || m[i].start >= m[i].end) {
            abort();
        }
    }
    fl_result_free(res);
    fl_lexicon_free(lex);
    return 0;
}
