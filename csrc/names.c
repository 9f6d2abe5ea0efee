/* names.c: hash indices of names (and of integer keys) for building lexicons in linear time. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

/*
 * Both indices are open-addressing tables of uint32_t slots holding 1 + an entry index, kept
 * at most half full, with the entries (key, hash, value) in a vector beside them. Growing
 * rebuilds the slots from the entries and leaves the index as it was when it fails.
 */

typedef struct fl_name_entry {
    size_t off, len;
    uint32_t hash;
    uint32_t ns;
    uint32_t value;
} fl_name_entry;

typedef struct fl_key_entry {
    uint32_t a, b, c;
    uint32_t value;
} fl_key_entry;

static uint32_t name_hash(uint32_t ns, const void *s, size_t len) {
    return (uint32_t)fl__fmix64(((uint64_t)fl__hash_bytes(s, len) << 32) | ns);
}

static uint32_t key_hash(uint32_t a, uint32_t b, uint32_t c) {
    return (uint32_t)fl__fmix64(((uint64_t)a << 32 | b) ^ ((uint64_t)c * 0x9E3779B97F4A7C15ULL));
}

/* New slots for `count + 1` entries, rehashed from hashes[i] (read through get). */
static fl_status grow(const fl_allocator *a, uint32_t **slots, size_t *mask, size_t count,
                      uint32_t (*get)(const void *entries, size_t i), const void *entries) {
    if (*slots != NULL && (count + 1) * 2 <= *mask + 1) {
        return FL_OK;
    }
    size_t want = *slots == NULL ? 64 : (*mask + 1) * 2;
    size_t bytes;
    if (want > ((size_t)1 << 40) || !fl__mul(want, sizeof(uint32_t), &bytes)) {
        return FL_ERR_NOMEM;
    }
    uint32_t *fresh = fl__malloc(a, bytes);
    if (fresh == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(fresh, 0, bytes);
    size_t m = want - 1;
    for (size_t i = 0; i < count; i++) {
        size_t j = get(entries, i) & m;
        while (fresh[j] != 0) {
            j = (j + 1) & m;
        }
        fresh[j] = (uint32_t)(i + 1);
    }
    fl__free(a, *slots);
    *slots = fresh;
    *mask = m;
    return FL_OK;
}

static uint32_t name_entry_hash(const void *entries, size_t i) {
    return ((const fl_name_entry *)entries)[i].hash;
}

static uint32_t key_entry_hash(const void *entries, size_t i) {
    const fl_key_entry *e = &((const fl_key_entry *)entries)[i];
    return key_hash(e->a, e->b, e->c);
}

uint32_t fl__names_find(const fl_names *n, const fl_vec *bytes, uint32_t ns, const void *s,
                        size_t len) {
    if (n->slots == NULL) {
        return FL_NO_ID;
    }
    uint32_t h = name_hash(ns, len != 0 ? s : "", len);
    const fl_name_entry *es = n->entries.data;
    for (size_t j = h & n->mask;; j = (j + 1) & n->mask) {
        uint32_t slot = n->slots[j];
        if (slot == 0) {
            return FL_NO_ID;
        }
        const fl_name_entry *e = &es[slot - 1];
        if (e->hash == h && e->ns == ns && e->len == len &&
            (len == 0 || memcmp(fl__vec_bytes(bytes, e->off), s, len) == 0)) {
            return e->value;
        }
    }
}

fl_status fl__names_add(fl_names *n, const fl_allocator *a, const fl_vec *bytes, uint32_t ns,
                        size_t off, size_t len, uint32_t value) {
    if (n->entries.len >= UINT32_MAX - 1) {
        return FL_ERR_LIMIT;
    }
    fl_status st = grow(a, &n->slots, &n->mask, n->entries.len, name_entry_hash, n->entries.data);
    if (st != FL_OK) {
        return st;
    }
    fl_name_entry e = {off, len, name_hash(ns, fl__vec_bytes(bytes, off), len), ns, value};
    if ((st = fl__vec_push(a, &n->entries, sizeof e, &e)) != FL_OK) {
        return st;
    }
    size_t j = e.hash & n->mask;
    while (n->slots[j] != 0) {
        j = (j + 1) & n->mask;
    }
    n->slots[j] = (uint32_t)n->entries.len;
    return FL_OK;
}

void fl__names_free(fl_names *n, const fl_allocator *a) {
    fl__free(a, n->slots);
    fl__vec_free(a, &n->entries);
    memset(n, 0, sizeof *n);
}

uint32_t fl__keymap_find(const fl_keymap *m, uint32_t a, uint32_t b, uint32_t c) {
    if (m->slots == NULL) {
        return FL_NO_ID;
    }
    const fl_key_entry *es = m->entries.data;
    for (size_t j = key_hash(a, b, c) & m->mask;; j = (j + 1) & m->mask) {
        uint32_t slot = m->slots[j];
        if (slot == 0) {
            return FL_NO_ID;
        }
        const fl_key_entry *e = &es[slot - 1];
        if (e->a == a && e->b == b && e->c == c) {
            return e->value;
        }
    }
}

fl_status fl__keymap_add(fl_keymap *m, const fl_allocator *al, uint32_t a, uint32_t b, uint32_t c,
                         uint32_t value) {
    if (m->entries.len >= UINT32_MAX - 1) {
        return FL_ERR_LIMIT;
    }
    fl_status st = grow(al, &m->slots, &m->mask, m->entries.len, key_entry_hash, m->entries.data);
    if (st != FL_OK) {
        return st;
    }
    fl_key_entry e = {a, b, c, value};
    if ((st = fl__vec_push(al, &m->entries, sizeof e, &e)) != FL_OK) {
        return st;
    }
    size_t j = key_hash(a, b, c) & m->mask;
    while (m->slots[j] != 0) {
        j = (j + 1) & m->mask;
    }
    m->slots[j] = (uint32_t)m->entries.len;
    return FL_OK;
}

void fl__keymap_free(fl_keymap *m, const fl_allocator *a) {
    fl__free(a, m->slots);
    fl__vec_free(a, &m->entries);
    memset(m, 0, sizeof *m);
}

/* Optimal string alignment distance over bytes, with two rows of at most 64 + 1 cells:
 * keys and names worth a suggestion are short. */
size_t fl__edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t cap) {
    enum { MAX = 64 };
    if (alen > MAX || blen > MAX) {
        return cap + 1;
    }
    size_t d = alen > blen ? alen - blen : blen - alen;
    if (d > cap) {
        return cap + 1;
    }
    size_t prev2[MAX + 1], prev[MAX + 1], cur[MAX + 1];
    for (size_t j = 0; j <= blen; j++) {
        prev[j] = j;
        prev2[j] = j;
    }
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) {
                v = cur[j - 1] + 1;
            }
            if (prev[j - 1] + cost < v) {
                v = prev[j - 1] + cost;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v) {
                v = prev2[j - 2] + 1;
            }
            cur[j] = v;
            if (v < best) {
                best = v;
            }
        }
        if (best > cap) {
            return cap + 1;
        }
        memcpy(prev2, prev, sizeof prev);
        memcpy(prev, cur, sizeof cur);
    }
    return prev[blen] > cap ? cap + 1 : prev[blen];
}
