/* read_all.h: reads a whole file into memory, for the C benchmarks (stages.c, match_dump.c). */
/* SPDX-License-Identifier: MIT */
#ifndef FRAMELENS_BENCH_READ_ALL_H
#define FRAMELENS_BENCH_READ_ALL_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of the file at path (malloc'd, the caller frees them; not NUL-terminated) and
 * their number in *len, or NULL when it cannot be opened or memory runs out. */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 20;
    size_t n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *grown = realloc(buf, cap * 2);
        if (grown == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

#endif /* FRAMELENS_BENCH_READ_ALL_H */
