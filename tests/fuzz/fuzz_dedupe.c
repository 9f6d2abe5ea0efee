/* fuzz_dedupe.c: libFuzzer target: arbitrary bytes as texts for near-duplicate signatures and
 * clusters, with the invariants they must keep. */
/* SPDX-License-Identifier: MIT */
#include "framelens.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define K 64

static void sign(const fl_dedupe_params *p, fl_dedupe_scratch *s, const uint8_t *t, size_t n,
                 uint32_t *sig, uint64_t *count) {
    if (fl_dedupe_signature(p, (const char *)t, n, s, sig, count, NULL) != FL_OK) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fl_dedupe_params p;
    fl_dedupe_params_default(&p);
    p.num_hashes = K;
    p.shingle = size > 0 ? 1 + data[0] % 6 : 5;
    fl_dedupe_scratch *s = NULL;
    if (fl_dedupe_scratch_new(NULL, &s) != FL_OK) {
        abort();
    }
    /* Four documents: the input, its first half, the input again, and the input with its
     * ASCII letters upper-cased (the same words). */
    size_t half = size / 2;
    uint8_t *upper = malloc(size + 1);
    if (upper == NULL) {
        abort();
    }
    for (size_t i = 0; i < size; i++) {
        upper[i] = (data[i] >= 'a' && data[i] <= 'z') ? (uint8_t)(data[i] - 32) : data[i];
    }
    uint32_t sigs[4 * K];
    uint64_t counts[4];
    sign(&p, s, data, size, sigs, &counts[0]);
    sign(&p, s, data, half, sigs + K, &counts[1]);
    sign(&p, s, data, size, sigs + 2 * K, &counts[2]);
    sign(&p, s, upper, size, sigs + 3 * K, &counts[3]);
    /* deterministic, whatever the scratch saw before; case does not matter */
    if (memcmp(sigs, sigs + 2 * K, sizeof(uint32_t) * K) != 0 || counts[0] != counts[2] ||
        memcmp(sigs, sigs + 3 * K, sizeof(uint32_t) * K) != 0 || counts[0] != counts[3]) {
        abort();
    }
    /* no more distinct shingles than bytes */
    if (counts[0] > size || counts[1] > half) {
        abort();
    }
    double j = 0, c = 0;
    fl_dedupe_similarity(sigs, counts[0], sigs + K, counts[1], K, &j, &c);
    if (counts[0] > 0 && counts[1] > 0 && !(j >= 0 && j <= 1 && c >= 0 && c <= 1)) {
        abort();
    }
    fl_dedupe_clusters *cl = NULL;
    if (fl_dedupe_cluster(sigs, counts, 4, K, NULL, NULL, &cl, NULL) != FL_OK) {
        abort();
    }
    fl_dedupe_columns cols;
    fl_dedupe_clusters_get(cl, &cols);
    /* identical documents with words are one cluster; the first is the lowest index */
    if (cols.n_docs != 4 || (counts[0] > 0 && (cols.first[2] != 0 || cols.first[3] != 0))) {
        abort();
    }
    for (size_t i = 0; i < 4; i++) {
        if (cols.first[i] > i || cols.first[cols.first[i]] != cols.first[i]) {
            abort();
        }
    }
    fl_dedupe_clusters_free(cl);
    free(upper);
    fl_dedupe_scratch_free(s);
    return 0;
}
