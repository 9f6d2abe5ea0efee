/* dedupe.c: near-duplicate documents: MinHash signatures of word shingles, LSH, union-find. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

/*
 * Signatures (Broder 1997; one-permutation hashing: Li, Owen & Zhang 2012; densification:
 * Shrivastava & Li 2014).
 * - Words are maximal runs of letters, digits, combining marks and format characters;
 *   everything else (space, punctuation, apostrophes, hyphens, symbols) separates them.
 *   A word is hashed over its folded form: ASCII is lower-cased in place; other
 *   characters fold as fl_fold() does, through a per-scratch cache for the two-byte UTF-8
 *   range (Latin, Greek, Cyrillic, ...) and through the core's folding otherwise.
 * - A shingle is `shingle` consecutive words; its hash is a polynomial of the word hashes,
 *   updated in O(1) per word (a rolling hash), then mixed with the seed. A text with fewer
 *   words than a shingle is one shingle of all its words.
 * - One-permutation hashing: the top bits of a shingle's hash choose one of K bins, the low
 *   32 bits are its value, and each bin keeps the smallest value it sees. Two documents agree
 *   on a bin with probability equal to the Jaccard similarity of their shingle sets, at one
 *   hash per shingle instead of K.
 * - Bins that no shingle reached borrow from the nearest filled bin, to the left or right
 *   as a fixed coin per bin says, and mix the distance into the value ("improved
 *   densification"): the agreement probability stays the Jaccard similarity, in O(K).
 * - The distinct shingles are counted exactly (an open-addressing set of their hashes), for
 *   the containment estimate.
 *
 * Clusters (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman, Mining of Massive Datasets,
 * ch. 3): the signature is cut into bands of `rows` values; documents whose values agree on
 * a whole band fall in the same bucket of that band's hash table and become candidates. Each
 * candidate pair is checked with the whole signatures; pairs that pass are joined with
 * union-find (by size, with path halving).
 */

/* ------------------------------------------------------------------ hashing */

/* Odd multiplier of the word hash's 8-byte steps. */
#define WORD_MUL 0x9fb21c651e98df25ULL
/* Odd multiplier of the rolling shingle polynomial: odd, so each word position changes the
 * hash (an odd number is invertible modulo 2^64). */
#define SHINGLE_BASE 0x9e3779b97f4a7c15ULL
#define DENSIFY_SALT 0x2545f4914f6cdd1dULL
#define BAND_SALT 0x94d049bb133111ebULL

/* SplitMix64 (Steele, Lea & Flood 2014): turns a seed and a counter into independent bits. */
static inline uint64_t splitmix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* A word's hash over its folded bytes, fed one byte at a time: the bytes are packed eight
 * to a 64-bit word and each full word is mixed in, so short words (most of them) cost a
 * few shifts and one final mix. The fast and the slow path feed the same bytes, so they
 * give the same hash. */
typedef struct word_hash {
    uint64_t h;
    uint64_t acc;
    uint32_t n;
} word_hash;

static inline void word_byte(word_hash *w, uint8_t b) {
    w->acc = (w->acc << 8) | b;
    if ((++w->n & 7) == 0) {
        uint64_t x = (w->h ^ w->acc) * WORD_MUL;
        w->h = (x << 29) | (x >> 35);
        w->acc = 0;
    }
}

static inline uint64_t word_final(const word_hash *w) {
    return fl__fmix64(w->h ^ w->acc ^ ((uint64_t)w->n << 56));
}

#define HIGH_BITS 0x8080808080808080ULL
#define BYTES(b) (0x0101010101010101ULL * (b))

/* The bytes of w (8 bytes of text) that are ASCII letters or digits, by their high bit:
 * a range test subtracts its bound from every byte with the high bit set, so that no byte
 * borrows from the next, and the high bit stays where the byte is at least the bound
 * (Lamport, "Multiple byte processing with full-word instructions", CACM 18(8), 1975). */
static inline uint64_t ascii_word_bytes(uint64_t w) {
    uint64_t low = (w & ~HIGH_BITS) | HIGH_BITS; /* each byte's low 7 bits, high bit set */
    uint64_t lower = low | BYTES(0x20);          /* letters in 'a'..'z' */
    uint64_t letter = (lower - BYTES('a')) & ~(lower - BYTES('z' + 1));
    uint64_t digit = (low - BYTES('0')) & ~(low - BYTES('9' + 1));
    return (letter | digit) & ~w & HIGH_BITS;
}

/* The 8 bytes at p as word_byte packs them: the first byte highest. */
static inline uint64_t load_be64(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* word_final of word_byte fed the n folded bytes of an ASCII word of letters and digits at p
 * (setting bit 5 folds each: digits have it already), eight bytes to a step; `avail` bytes
 * may be read from p. */
static inline uint64_t ascii_word_hash(const uint8_t *p, size_t n, size_t avail) {
    const uint64_t fold = 0x2020202020202020ULL;
    uint64_t h = 0;
    size_t j = 0;
    for (; j + 8 <= n; j += 8) {
        uint64_t x = (h ^ (load_be64(p + j) | fold)) * WORD_MUL;
        h = (x << 29) | (x >> 35);
    }
    size_t r = n - j; /* 0 to 7 bytes left, packed as word_byte leaves them in acc */
    uint64_t acc = 0;
    if (r > 0 && avail - j >= 8) {
        acc = (load_be64(p + j) | fold) >> (64 - 8 * r);
    } else {
        for (; j < n; j++) {
            acc = (acc << 8) | (uint64_t)(p[j] | 0x20);
        }
    }
    return fl__fmix64(h ^ acc ^ ((uint64_t)(uint32_t)n << 56));
}

static inline bool is_pow2(uint32_t x) {
    return x != 0 && (x & (x - 1)) == 0;
}

static inline unsigned log2_u32(uint32_t x) {
    unsigned r = 0;
    while (x > 1) {
        x >>= 1;
        r++;
    }
    return r;
}

/* ------------------------------------------------------------------ scratch */

/* Folded forms of the code points U+0080..U+07FF, filled on first sight. */
#define CACHE_FIRST 0x80
#define CACHE_END 0x800
#define CACHE_BYTES 6

enum {
    CP_UNSEEN = 0, /* not yet looked at */
    CP_WORD = 1,   /* a letter or digit whose fold is in the entry */
    CP_SLOW = 2,   /* inside a word, but the word must be folded whole (marks, format) */
    CP_SEP = 3     /* separates words */
};

typedef struct fold_entry {
    uint8_t kind;
    uint8_t len;
    uint8_t bytes[CACHE_BYTES];
} fold_entry;

/* Smallest shingle set: a headline's shingles fit at a low load. */
#define SET_MIN_SLOTS 64

struct fl_dedupe_scratch {
    fl_allocator alloc;
    fold_entry cache[CACHE_END - CACHE_FIRST];
    fl_vec folded; /* bytes: a word folded by the core */
    fl_vec cps;    /* int32_t: the core's folding scratch */
    uint64_t *set; /* shingle hashes; 0 marks an empty slot */
    size_t set_alloc; /* slots allocated */
    size_t set_cap;   /* slots in use for this document (a power of two) */
    size_t set_count;
    uint32_t mins[FL_DEDUPE_MAX_HASHES];
    uint8_t filled[FL_DEDUPE_MAX_HASHES];
    uint16_t right_src[FL_DEDUPE_MAX_HASHES], right_dist[FL_DEDUPE_MAX_HASHES];
    uint16_t left_src[FL_DEDUPE_MAX_HASHES], left_dist[FL_DEDUPE_MAX_HASHES];
};

fl_status fl_dedupe_scratch_new(const fl_allocator *alloc, fl_dedupe_scratch **out) {
    if (out == NULL) {
        return FL_ERR_ARG;
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_dedupe_scratch *s = fl__malloc(&a, sizeof(*s));
    if (FL_UNLIKELY(s == NULL)) {
        *out = NULL;
        return FL_ERR_NOMEM;
    }
    memset(s, 0, sizeof(*s));
    s->alloc = a;
    *out = s;
    return FL_OK;
}

void fl_dedupe_scratch_free(fl_dedupe_scratch *scratch) {
    if (scratch == NULL) {
        return;
    }
    fl_allocator a = scratch->alloc;
    fl__vec_free(&a, &scratch->folded);
    fl__vec_free(&a, &scratch->cps);
    fl__free(&a, scratch->set);
    fl__free(&a, scratch);
}

/* ------------------------------------------------------------------ parameters */

void fl_dedupe_params_default(fl_dedupe_params *params) {
    if (params != NULL) {
        params->shingle = 5;
        params->num_hashes = 128;
        params->seed = 1;
    }
}

fl_status fl__dedupe_check_params(const fl_dedupe_params *p, fl_error *err) {
    if (p == NULL) {
        return fl__error(err, FL_ERR_ARG, "dedupe: params is NULL");
    }
    if (p->shingle < 1 || p->shingle > FL_DEDUPE_MAX_SHINGLE) {
        return fl__error(err, FL_ERR_ARG, "dedupe: shingle must be 1 to %d words, not %u",
                         FL_DEDUPE_MAX_SHINGLE, (unsigned)p->shingle);
    }
    if (!is_pow2(p->num_hashes) || p->num_hashes < FL_DEDUPE_MIN_HASHES ||
        p->num_hashes > FL_DEDUPE_MAX_HASHES) {
        return fl__error(err, FL_ERR_ARG,
                         "dedupe: num_hashes must be a power of two from %d to %d, not %u",
                         FL_DEDUPE_MIN_HASHES, FL_DEDUPE_MAX_HASHES, (unsigned)p->num_hashes);
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ words */

/* ASCII letters and digits lower-cased; 0 for every other ASCII byte (a separator). */
static const uint8_t ascii_word[128] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   '0', '1', '2', '3', '4', '5', '6', '7', '8',
    '9', 0,   0,   0,   0,   0,   0,   0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k',
    'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,
    0,   0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q',
    'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,
};

/* What a non-ASCII code point is to a word, from its character class. */
static uint8_t kind_of_class(fl_cclass c) {
    switch (c) {
    case FL_C_LETTER:
    case FL_C_DIGIT:
        return CP_WORD;
    case FL_C_MARK:
    case FL_C_FORMAT:
        return CP_SLOW;
    default:
        return CP_SEP;
    }
}

/* The cache entry of a two-byte code point, filled on first use by folding the character
 * alone. Folding a word character by character gives the fold of the whole word as long as
 * no combining mark or format character is in it (those make the word CP_SLOW), since
 * canonical composition only joins a base with a following mark. */
static fl_status cached(fl_dedupe_scratch *s, int32_t cp, const uint8_t *bytes, size_t n,
                        const fold_entry **out) {
    fold_entry *e = &s->cache[cp - CACHE_FIRST];
    if (e->kind == CP_UNSEEN) {
        uint8_t kind = kind_of_class(fl__cclass(cp));
        if (kind == CP_WORD) {
            s->folded.len = 0;
            fl_status st = fl__fold_append(&s->alloc, &s->cps, bytes, n, FL_FOLD_CASELESS,
                                           &s->folded);
            if (FL_UNLIKELY(st != FL_OK)) {
                return st;
            }
            if (s->folded.len == 0 || s->folded.len > CACHE_BYTES) {
                kind = CP_SLOW;
            } else {
                memcpy(e->bytes, s->folded.data, s->folded.len);
                e->len = (uint8_t)s->folded.len;
            }
        }
        e->kind = kind;
    }
    *out = e;
    return FL_OK;
}

/* ------------------------------------------------------------------ shingles */

typedef struct sketch {
    fl_dedupe_scratch *s;
    uint32_t k;          /* words per shingle */
    uint32_t shift;      /* 64 - log2(K): the bin is the hash's top bits */
    uint64_t seed;       /* mixed into every shingle hash */
    uint64_t base_k1;    /* SHINGLE_BASE^(k-1) */
    uint64_t ring[FL_DEDUPE_MAX_SHINGLE];
    uint32_t ring_at;
    uint64_t words;
    uint64_t poly;       /* the rolling polynomial of the last k words */
} sketch;

/* Doubles the shingle set into a new table (the old one may be larger than the slots in
 * use, but rehashing in place is not possible with linear probing). */
static fl_status set_grow(fl_dedupe_scratch *s) {
    size_t cap;
    size_t bytes;
    if (!fl__mul(s->set_cap, 2, &cap) || !fl__mul(cap, sizeof(uint64_t), &bytes)) {
        return FL_ERR_NOMEM;
    }
    uint64_t *t = fl__malloc(&s->alloc, bytes);
    if (FL_UNLIKELY(t == NULL)) {
        return FL_ERR_NOMEM;
    }
    memset(t, 0, bytes);
    size_t mask = cap - 1;
    for (size_t i = 0; i < s->set_cap; i++) {
        uint64_t h = s->set[i];
        if (h != 0) {
            size_t j = (size_t)(h >> 7) & mask;
            while (t[j] != 0) {
                j = (j + 1) & mask;
            }
            t[j] = h;
        }
    }
    fl__free(&s->alloc, s->set);
    s->set = t;
    s->set_alloc = cap;
    s->set_cap = cap;
    return FL_OK;
}

/* Adds one shingle hash: its bin's minimum, and the distinct count. */
static inline fl_status emit(sketch *k, uint64_t h) {
    fl_dedupe_scratch *s = k->s;
    uint32_t bin = (uint32_t)(h >> k->shift);
    uint32_t v = (uint32_t)h;
    if (v < s->mins[bin]) {
        s->mins[bin] = v;
    }
    s->filled[bin] = 1;
    uint64_t key = h != 0 ? h : 1; /* 0 marks an empty slot */
    size_t mask = s->set_cap - 1;
    size_t j = (size_t)(key >> 7) & mask;
    while (s->set[j] != 0) {
        if (s->set[j] == key) {
            return FL_OK;
        }
        j = (j + 1) & mask;
    }
    s->set[j] = key;
    s->set_count++;
    if (FL_UNLIKELY(s->set_count * 2 > s->set_cap)) {
        return set_grow(s);
    }
    return FL_OK;
}

/* Adds one word (its hash); emits a shingle once k words are there. */
static inline fl_status add_word(sketch *k, uint64_t w) {
    uint64_t old = k->ring[k->ring_at];
    k->ring[k->ring_at] = w;
    k->ring_at = k->ring_at + 1 == k->k ? 0 : k->ring_at + 1;
    if (k->words >= k->k) {
        k->poly = (k->poly - old * k->base_k1) * SHINGLE_BASE + w;
    } else {
        k->poly = k->poly * SHINGLE_BASE + w;
    }
    k->words++;
    if (k->words >= k->k) {
        return emit(k, fl__fmix64(k->poly ^ k->seed));
    }
    return FL_OK;
}

/* What the non-ASCII character at t (avail bytes from it) is to a word; *n: its bytes. */
static fl_status char_kind(fl_dedupe_scratch *s, const uint8_t *t, size_t avail, size_t *n,
                           uint8_t *kind) {
    int32_t cp;
    *n = fl__utf8_decode_fast(t, avail, &cp);
    if (cp >= CACHE_FIRST && cp < CACHE_END) {
        const fold_entry *e;
        fl_status st = cached(s, cp, t, *n, &e);
        if (st != FL_OK) {
            return st;
        }
        *kind = e->kind;
    } else {
        *kind = kind_of_class(fl__cclass(cp));
    }
    return FL_OK;
}

/* Hashes a word the fast path could not: folded whole by the core. Sets *empty when it
 * folds to nothing (format characters alone). */
static fl_status slow_word(fl_dedupe_scratch *s, const uint8_t *w, size_t n, uint64_t *hash,
                           bool *empty) {
    s->folded.len = 0;
    fl_status st = fl__fold_append(&s->alloc, &s->cps, w, n, FL_FOLD_CASELESS, &s->folded);
    if (FL_UNLIKELY(st != FL_OK)) {
        return st;
    }
    const uint8_t *f = fl__vec_bytes(&s->folded, 0);
    word_hash h = {0, 0, 0};
    for (size_t i = 0; i < s->folded.len; i++) {
        word_byte(&h, f[i]);
    }
    *hash = word_final(&h);
    *empty = s->folded.len == 0;
    return FL_OK;
}

/* One pass over the text: words, shingles, bins. */
static fl_status scan(sketch *k, const uint8_t *t, size_t len) {
    fl_dedupe_scratch *s = k->s;
    fl_status st;
    size_t i = 0;
    while (i < len) {
        /* Skip separators. */
        uint8_t b = t[i];
        if (b < 0x80) {
            if (ascii_word[b] == 0) {
                i++;
                continue;
            }
        } else {
            size_t n;
            uint8_t kind;
            if ((st = char_kind(s, t + i, len - i, &n, &kind)) != FL_OK) {
                return st;
            }
            if (kind == CP_SEP) {
                i += n;
                continue;
            }
        }
        /* A word starts at i. */
        size_t start = i;
        if (b < 0x80) {
            /* Most words are ASCII letters and digits up to a separator or the text's end:
             * found to their end eight bytes at a time, then hashed eight bytes to a step
             * (16 MB of news signed in a fifth less time than byte by byte). A word that
             * goes on with other characters takes the loop below from its start. */
            size_t e = i + 1;
            for (uint64_t stop; e + 8 <= len; e += 8) {
                if ((stop = ~ascii_word_bytes(fl__load_le64(t + e)) & HIGH_BITS) != 0) {
                    e += (size_t)__builtin_ctzll(stop) >> 3;
                    goto found;
                }
            }
            while (e < len && t[e] < 0x80 && ascii_word[t[e]] != 0) {
                e++;
            }
        found:;
            bool ends = e == len || t[e] < 0x80;
            if (!ends) {
                size_t n;
                uint8_t kind;
                if ((st = char_kind(s, t + e, len - e, &n, &kind)) != FL_OK) {
                    return st;
                }
                ends = kind == CP_SEP; /* ’ — … and the like */
            }
            if (ends) {
                if ((st = add_word(k, ascii_word_hash(t + i, e - i, len - i))) != FL_OK) {
                    return st;
                }
                i = e;
                continue;
            }
        }
        word_hash h = {0, 0, 0};
        bool slow = false;
        while (i < len) {
            b = t[i];
            if (b < 0x80) {
                uint8_t c = ascii_word[b];
                if (c == 0) {
                    break;
                }
                word_byte(&h, c);
                i++;
                continue;
            }
            int32_t cp;
            size_t n = fl__utf8_decode_fast(t + i, len - i, &cp);
            if (cp >= CACHE_FIRST && cp < CACHE_END) {
                const fold_entry *e = &s->cache[cp - CACHE_FIRST];
                if (e->kind == CP_UNSEEN && (st = cached(s, cp, t + i, n, &e)) != FL_OK) {
                    return st;
                }
                if (e->kind == CP_SEP) {
                    break;
                }
                if (e->kind == CP_WORD) {
                    for (uint8_t x = 0; x < e->len; x++) {
                        word_byte(&h, e->bytes[x]);
                    }
                } else {
                    slow = true;
                }
            } else {
                uint8_t kind = kind_of_class(fl__cclass(cp));
                if (kind == CP_SEP) {
                    break;
                }
                slow = true;
            }
            i += n;
        }
        uint64_t wh;
        if (slow) {
            bool empty;
            if ((st = slow_word(s, t + start, i - start, &wh, &empty)) != FL_OK) {
                return st;
            }
            if (empty) {
                continue;
            }
        } else if (h.n == 0) {
            continue;
        } else {
            wh = word_final(&h);
        }
        if ((st = add_word(k, wh)) != FL_OK) {
            return st;
        }
    }
    if (k->words > 0 && k->words < k->k) {
        return emit(k, fl__fmix64(k->poly ^ k->seed)); /* a short text is one shingle */
    }
    return FL_OK;
}

/* Makes room in the shingle set for a text of len bytes and clears the slots in use. Real
 * text has about one shingle per six bytes, so len / 3 slots (rounded up to a power of two)
 * keep the load under a half without growing; a text of many one-letter words grows. A
 * small text after a large one uses a prefix of the table, which stays cache-friendly. */
static fl_status set_reset(fl_dedupe_scratch *s, size_t len) {
    size_t want = SET_MIN_SLOTS;
    while (want < len / 3 && want <= SIZE_MAX / 16) {
        want *= 2;
    }
    if (want > s->set_alloc) {
        size_t bytes;
        if (!fl__mul(want, sizeof(uint64_t), &bytes)) {
            return FL_ERR_NOMEM;
        }
        uint64_t *t = fl__malloc(&s->alloc, bytes);
        if (FL_UNLIKELY(t == NULL)) {
            return FL_ERR_NOMEM;
        }
        fl__free(&s->alloc, s->set);
        s->set = t;
        s->set_alloc = want;
    }
    s->set_cap = want;
    s->set_count = 0;
    memset(s->set, 0, want * sizeof(uint64_t));
    return FL_OK;
}

/* Fills empty bins from the nearest filled bin in the direction of a fixed coin per bin,
 * mixing the distance into the value; writes the signature. */
static void densify(fl_dedupe_scratch *s, uint32_t K, uint64_t seed, uint32_t *sig) {
    uint32_t mask = K - 1;
    uint32_t f = 0;
    while (!s->filled[f]) {
        f++; /* some bin is filled: the caller checked */
    }
    uint16_t *rsrc = s->right_src, *rdist = s->right_dist;
    uint16_t *lsrc = s->left_src, *ldist = s->left_dist;
    uint32_t cur = f;
    for (uint32_t step = 1; step < K; step++) {
        uint32_t j = (f - step) & mask;
        if (s->filled[j]) {
            cur = j;
        } else {
            rsrc[j] = (uint16_t)cur;
            rdist[j] = (uint16_t)((cur - j) & mask);
        }
    }
    cur = f;
    for (uint32_t step = 1; step < K; step++) {
        uint32_t j = (f + step) & mask;
        if (s->filled[j]) {
            cur = j;
        } else {
            lsrc[j] = (uint16_t)cur;
            ldist[j] = (uint16_t)((j - cur) & mask);
        }
    }
    for (uint32_t j = 0; j < K; j++) {
        if (s->filled[j]) {
            sig[j] = s->mins[j];
            continue;
        }
        uint32_t right = (uint32_t)(splitmix64(seed ^ (DENSIFY_SALT + j)) & 1);
        uint32_t src = right ? rsrc[j] : lsrc[j];
        uint32_t dist = right ? rdist[j] : ldist[j];
        uint64_t x = ((uint64_t)s->mins[src] << 32) | ((uint64_t)dist << 1) | right;
        sig[j] = (uint32_t)fl__fmix64(x ^ DENSIFY_SALT);
    }
}

static fl_status signature(const fl_dedupe_params *p, const uint8_t *text, size_t len,
                           fl_dedupe_scratch *s, uint32_t *sig, uint64_t *n_shingles) {
    uint32_t K = p->num_hashes;
    sketch k;
    memset(&k, 0, sizeof(k));
    k.s = s;
    k.k = p->shingle;
    k.shift = 64 - log2_u32(K);
    k.seed = splitmix64(p->seed);
    k.base_k1 = 1;
    for (uint32_t i = 1; i < k.k; i++) {
        k.base_k1 *= SHINGLE_BASE;
    }
    memset(s->mins, 0xff, sizeof(uint32_t) * K);
    memset(s->filled, 0, K);
    fl_status st = set_reset(s, len);
    if (st == FL_OK) {
        st = scan(&k, text, len);
    }
    if (st != FL_OK) {
        return st;
    }
    *n_shingles = s->set_count;
    if (s->set_count == 0) {
        for (uint32_t j = 0; j < K; j++) {
            sig[j] = UINT32_MAX;
        }
    } else {
        densify(s, K, k.seed, sig);
    }
    return FL_OK;
}

fl_status fl_dedupe_signature(const fl_dedupe_params *params, const char *text, size_t len,
                              fl_dedupe_scratch *scratch, uint32_t *sig, uint64_t *n_shingles,
                              fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    fl_status st = fl__dedupe_check_params(params, err);
    if (st != FL_OK) {
        return st;
    }
    if ((text == NULL && len > 0) || scratch == NULL || sig == NULL || n_shingles == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_dedupe_signature: a required argument is NULL");
    }
    st = signature(params, len > 0 ? (const uint8_t *)text : (const uint8_t *)"", len, scratch, sig,
                   n_shingles);
    if (st != FL_OK) {
        return fl__error(err, st, "%s", fl_status_str(st));
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ batches */

typedef struct sig_worker {
    const fl_dedupe_params *params;
    const char *const *texts;
    const size_t *lens;
    size_t first, last; /* documents [first, last) */
    const fl_allocator *alloc;
    uint32_t *sigs;
    uint64_t *n_shingles;
    fl_status status;
    size_t failed_doc;
} sig_worker;

static void *run_sig_worker(void *arg) {
    sig_worker *w = arg;
    fl_dedupe_scratch *s = NULL;
    w->status = fl_dedupe_scratch_new(w->alloc, &s);
    size_t K = w->params->num_hashes;
    for (size_t d = w->first; d < w->last && w->status == FL_OK; d++) {
        const char *t = w->lens[d] > 0 ? w->texts[d] : "";
        w->status = signature(w->params, (const uint8_t *)t, w->lens[d], s, w->sigs + d * K,
                              &w->n_shingles[d]);
        if (w->status != FL_OK) {
            w->failed_doc = d;
        }
    }
    if (s == NULL) {
        w->failed_doc = w->first;
    }
    fl_dedupe_scratch_free(s);
    return NULL;
}

fl_status fl_dedupe_signatures(const fl_dedupe_params *params, const char *const *texts,
                               const size_t *lens, size_t n, unsigned threads,
                               const fl_allocator *alloc, uint32_t *sigs, uint64_t *n_shingles,
                               fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    fl_status st = fl__dedupe_check_params(params, err);
    if (st != FL_OK) {
        return st;
    }
    if (n > 0 && (texts == NULL || lens == NULL || sigs == NULL || n_shingles == NULL)) {
        return fl__error(err, FL_ERR_ARG, "fl_dedupe_signatures: a required argument is NULL");
    }
    size_t total_values;
    if (!fl__mul(n, params->num_hashes, &total_values)) {
        return fl__error(err, FL_ERR_LIMIT, "fl_dedupe_signatures: too many documents");
    }
    for (size_t d = 0; d < n; d++) {
        if (texts[d] == NULL && lens[d] > 0) {
            fl_status bad = fl__error(err, FL_ERR_ARG, "texts[%zu]: text is NULL", d);
            if (err != NULL) {
                err->item = d;
            }
            return bad;
        }
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    threads = fl__clamp_threads(threads);
    if (threads > n) {
        threads = n == 0 ? 1 : (unsigned)n;
    }
    sig_worker *ws = fl__malloc(&a, sizeof(sig_worker) * threads);
    if (FL_UNLIKELY(ws == NULL)) {
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    memset(ws, 0, sizeof(sig_worker) * threads);
    /* Contiguous runs of about the same number of bytes, one per thread. */
    double total = 0;
    for (size_t d = 0; d < n; d++) {
        total += (double)lens[d] + 1;
    }
    size_t d = 0;
    double acc = 0;
    for (unsigned t = 0; t < threads; t++) {
        ws[t] = (sig_worker){params, texts, lens, d, d, &a, sigs, n_shingles, FL_OK, 0};
        double target = total * (t + 1) / threads;
        while (d < n &&
               (t == threads - 1 || acc + (double)lens[d] + 1 <= target || d == ws[t].first)) {
            acc += (double)lens[d] + 1;
            d++;
        }
        ws[t].last = d;
    }
    pthread_t *tids = threads > 1 ? fl__malloc(&a, sizeof(pthread_t) * threads) : NULL;
    unsigned started = 1;
    if (tids != NULL) {
        for (unsigned t = 1; t < threads; t++) {
            if (pthread_create(&tids[t], NULL, run_sig_worker, &ws[t]) != 0) {
                break;
            }
            started++;
        }
    }
    run_sig_worker(&ws[0]);
    for (unsigned t = 1; t < started; t++) {
        pthread_join(tids[t], NULL);
    }
    /* Runs whose thread could not be had are done here, in order: same results. */
    for (unsigned t = started; t < threads; t++) {
        run_sig_worker(&ws[t]);
    }
    st = FL_OK;
    for (unsigned t = 0; t < threads; t++) {
        if (ws[t].status != FL_OK) {
            st = fl__error(err, ws[t].status, "texts[%zu]: %s", ws[t].failed_doc,
                           fl_status_str(ws[t].status));
            if (err != NULL) {
                err->item = ws[t].failed_doc;
            }
            break;
        }
    }
    fl__free(&a, tids);
    fl__free(&a, ws);
    return st;
}

/* ------------------------------------------------------------------ similarity */

static uint32_t agreeing(const uint32_t *a, const uint32_t *b, uint32_t K) {
    uint32_t eq = 0;
    for (uint32_t j = 0; j < K; j++) {
        eq += a[j] == b[j];
    }
    return eq;
}

/* Containment of the smaller set from the Jaccard estimate and both sizes:
 * |A and B| = J (|A| + |B|) / (1 + J). */
static double containment_of(double j, uint64_t n_a, uint64_t n_b) {
    double small = (double)(n_a < n_b ? n_a : n_b);
    double c = j * ((double)n_a + (double)n_b) / (1.0 + j) / small;
    return c > 1.0 ? 1.0 : c;
}

void fl_dedupe_similarity(const uint32_t *sig_a, uint64_t n_a, const uint32_t *sig_b, uint64_t n_b,
                          uint32_t num_hashes, double *jaccard, double *containment) {
    double j = NAN;
    double c = NAN;
    if (sig_a != NULL && sig_b != NULL && n_a > 0 && n_b > 0 && num_hashes > 0) {
        j = (double)agreeing(sig_a, sig_b, num_hashes) / num_hashes;
        c = containment_of(j, n_a, n_b);
    }
    if (jaccard != NULL) {
        *jaccard = j;
    }
    if (containment != NULL) {
        *containment = c;
    }
}

/* ------------------------------------------------------------------ clusters */

void fl_dedupe_options_default(fl_dedupe_options *options) {
    if (options != NULL) {
        options->threshold = 0.5;
        options->containment = 0.8;
        options->bands = 0;
        options->rows = 0;
    }
}

/* Probability that a pair of Jaccard similarity s agrees on some band of r values, with b
 * bands: 1 - (1 - s^r)^b. */
static double candidate_probability(double s, uint32_t r, uint32_t b) {
    return 1.0 - pow(1.0 - pow(s, (double)r), (double)b);
}

/* A copy found as a candidate with at least this probability at the lowest similarity that
 * can pass. */
#define LSH_RECALL 0.99

/* The lowest Jaccard similarity a pair can have and still pass: the threshold, or for the
 * containment rule, the Jaccard of a shorter document at the length ratio bound with
 * exactly the required containment: c r / (1 + r - c r). */
static double lowest_passing(const fl_dedupe_options *o) {
    double low = o->threshold;
    if (o->containment > 0) {
        double r = FL_DEDUPE_MIN_LENGTH_RATIO;
        double jc = o->containment * r / (1.0 + r - o->containment * r);
        if (jc < low) {
            low = jc;
        }
    }
    return low;
}

/* The most rows per band (fewest false candidates) that still keep LSH_RECALL. */
static void choose_banding(double low, uint32_t K, uint32_t *bands, uint32_t *rows) {
    uint32_t best = 1;
    for (uint32_t r = 1; r <= K; r++) {
        if (candidate_probability(low, r, K / r) >= LSH_RECALL) {
            best = r;
        }
    }
    *rows = best;
    *bands = K / best;
}

struct fl_dedupe_clusters {
    fl_allocator alloc;
    size_t n_docs;
    fl_vec first, size, jaccard, containment;
    fl_vec pair_a, pair_b, pair_jaccard, pair_containment;
    size_t n_clusters, n_candidates;
    uint32_t bands, rows;
};

void fl_dedupe_clusters_free(fl_dedupe_clusters *c) {
    if (c == NULL) {
        return;
    }
    fl_allocator a = c->alloc;
    fl_vec *vs[] = {&c->first,  &c->size,   &c->jaccard,      &c->containment,
                    &c->pair_a, &c->pair_b, &c->pair_jaccard, &c->pair_containment};
    for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
        fl__vec_free(&a, vs[i]);
    }
    fl__free(&a, c);
}

void fl_dedupe_clusters_get(const fl_dedupe_clusters *c, fl_dedupe_columns *out) {
    if (out == NULL) {
        return;
    }
    memset(out, 0, sizeof(*out));
    if (c == NULL) {
        return;
    }
    out->n_docs = c->n_docs;
    out->first = c->first.data;
    out->size = c->size.data;
    out->jaccard = c->jaccard.data;
    out->containment = c->containment.data;
    out->n_clusters = c->n_clusters;
    out->n_pairs = c->pair_a.len;
    out->pair_a = c->pair_a.data;
    out->pair_b = c->pair_b.data;
    out->pair_jaccard = c->pair_jaccard.data;
    out->pair_containment = c->pair_containment.data;
    out->n_candidates = c->n_candidates;
    out->bands = c->bands;
    out->rows = c->rows;
}

/* Union-find by size with path halving. */
static uint32_t find(uint32_t *parent, uint32_t x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

#define EMPTY_SLOT UINT32_MAX

/* Work space of one clustering. */
typedef struct cluster_work {
    const uint32_t *sigs;
    const uint64_t *sizes;
    uint32_t K;
    const fl_dedupe_options *o;
    uint32_t *parent, *set_size;
    uint32_t *next; /* per document: the next (higher) document of its bucket */
    uint64_t *slot_key; /* per slot: the band's key */
    uint32_t *slot_head; /* per slot: the first (lowest) document, or EMPTY_SLOT */
    size_t slots; /* a power of two, at least twice the documents with shingles */
} cluster_work;

static bool passes(const cluster_work *w, uint32_t a, uint32_t b, double *j, double *c) {
    const uint32_t *sa = w->sigs + (size_t)a * w->K;
    const uint32_t *sb = w->sigs + (size_t)b * w->K;
    uint64_t na = w->sizes[a], nb = w->sizes[b];
    *j = (double)agreeing(sa, sb, w->K) / w->K;
    *c = containment_of(*j, na, nb);
    if (*j >= w->o->threshold) {
        return true;
    }
    if (w->o->containment <= 0) {
        return false;
    }
    double ratio = na < nb ? (double)na / (double)nb : (double)nb / (double)na;
    return ratio >= FL_DEDUPE_MIN_LENGTH_RATIO && *c >= w->o->containment;
}

static fl_status add_pair(fl_dedupe_clusters *out, uint32_t a, uint32_t b, double j, double c) {
    const fl_allocator *al = &out->alloc;
    /* Reserve all four first, so that a failure leaves the columns of equal length. */
    size_t need = out->pair_a.len + 1;
    fl_status st;
    if ((st = fl__vec_reserve(al, &out->pair_a, sizeof(uint32_t), need)) != FL_OK ||
        (st = fl__vec_reserve(al, &out->pair_b, sizeof(uint32_t), need)) != FL_OK ||
        (st = fl__vec_reserve(al, &out->pair_jaccard, sizeof(double), need)) != FL_OK ||
        (st = fl__vec_reserve(al, &out->pair_containment, sizeof(double), need)) != FL_OK) {
        return st;
    }
    fl__vec_push(al, &out->pair_a, sizeof(uint32_t), &a);
    fl__vec_push(al, &out->pair_b, sizeof(uint32_t), &b);
    fl__vec_push(al, &out->pair_jaccard, sizeof(double), &j);
    fl__vec_push(al, &out->pair_containment, sizeof(double), &c);
    return FL_OK;
}

static uint64_t band_key(const uint32_t *sig, uint32_t band, uint32_t rows) {
    uint64_t key = fl__fmix64(BAND_SALT + band);
    const uint32_t *v = sig + (size_t)band * rows;
    uint32_t r = 0;
    for (; r + 1 < rows; r += 2) {
        key = fl__fmix64(key ^ (((uint64_t)v[r] << 32) | v[r + 1]));
    }
    if (r < rows) {
        key = fl__fmix64(key ^ v[r]);
    }
    return key;
}

/* One band: bucket the documents by their band key, then compare each document with up to
 * FL_DEDUPE_BUCKET_PEERS documents before it in its bucket. */
static fl_status run_band(cluster_work *w, fl_dedupe_clusters *out, uint32_t band, size_t n) {
    size_t mask = w->slots - 1;
    uint32_t rows = out->rows;
    for (size_t i = 0; i < w->slots; i++) {
        w->slot_head[i] = EMPTY_SLOT;
    }
    /* Inserted from the last document down, so that each bucket lists documents upwards. */
    for (size_t d = n; d-- > 0;) {
        if (w->sizes[d] == 0) {
            continue;
        }
        uint64_t key = band_key(w->sigs + d * w->K, band, rows);
        size_t i = (size_t)key & mask;
        while (w->slot_head[i] != EMPTY_SLOT && w->slot_key[i] != key) {
            i = (i + 1) & mask;
        }
        if (w->slot_head[i] == EMPTY_SLOT) {
            w->slot_key[i] = key;
            w->next[d] = EMPTY_SLOT;
        } else {
            w->next[d] = w->slot_head[i];
        }
        w->slot_head[i] = (uint32_t)d;
    }
    for (size_t i = 0; i < w->slots; i++) {
        uint32_t head = w->slot_head[i];
        if (head == EMPTY_SLOT || w->next[head] == EMPTY_SLOT) {
            continue; /* empty, or a bucket of one */
        }
        uint32_t peers[FL_DEDUPE_BUCKET_PEERS];
        uint32_t n_peers = 0;
        for (uint32_t d = head; d != EMPTY_SLOT; d = w->next[d]) {
            for (uint32_t p = 0; p < n_peers; p++) {
                uint32_t rd = find(w->parent, d);
                uint32_t rp = find(w->parent, peers[p]);
                if (rd == rp) {
                    continue;
                }
                out->n_candidates++;
                double j, c;
                if (!passes(w, peers[p], d, &j, &c)) {
                    continue;
                }
                fl_status st = add_pair(out, peers[p], d, j, c);
                if (st != FL_OK) {
                    return st;
                }
                if (w->set_size[rd] < w->set_size[rp]) {
                    uint32_t t = rd;
                    rd = rp;
                    rp = t;
                }
                w->parent[rp] = rd;
                w->set_size[rd] += w->set_size[rp];
            }
            if (n_peers < FL_DEDUPE_BUCKET_PEERS) {
                peers[n_peers++] = d;
            }
        }
    }
    return FL_OK;
}

/* Per document: the first document of its cluster, the cluster's size and the similarity
 * to the first. */
static fl_status finish(cluster_work *w, fl_dedupe_clusters *out, size_t n) {
    const fl_allocator *a = &out->alloc;
    fl_status st;
    if ((st = fl__vec_append(a, &out->first, sizeof(uint32_t), NULL, n)) != FL_OK ||
        (st = fl__vec_append(a, &out->size, sizeof(uint32_t), NULL, n)) != FL_OK ||
        (st = fl__vec_append(a, &out->jaccard, sizeof(double), NULL, n)) != FL_OK ||
        (st = fl__vec_append(a, &out->containment, sizeof(double), NULL, n)) != FL_OK) {
        return st;
    }
    uint32_t *first = out->first.data;
    uint32_t *size = out->size.data;
    double *jac = out->jaccard.data;
    double *con = out->containment.data;
    /* Documents go upwards, so the first member of a set to be seen is its lowest: record
     * it at the root (reusing `next`, no longer needed). */
    for (size_t d = 0; d < n; d++) {
        w->next[d] = EMPTY_SLOT;
    }
    for (size_t d = 0; d < n; d++) {
        uint32_t r = find(w->parent, (uint32_t)d);
        if (w->next[r] == EMPTY_SLOT) {
            w->next[r] = (uint32_t)d;
            if (w->set_size[r] > 1) {
                out->n_clusters++;
            }
        }
        first[d] = w->next[r];
        size[d] = w->set_size[r];
        if (size[d] == 1) {
            jac[d] = NAN;
            con[d] = NAN;
        } else if (first[d] == d) {
            jac[d] = 1.0;
            con[d] = 1.0;
        } else {
            fl_dedupe_similarity(w->sigs + d * w->K, w->sizes[d], w->sigs + (size_t)first[d] * w->K,
                                 w->sizes[first[d]], w->K, &jac[d], &con[d]);
        }
    }
    return FL_OK;
}

static fl_status check_options(const fl_dedupe_options *o, uint32_t K, fl_error *err) {
    if (!(o->threshold > 0.0 && o->threshold <= 1.0)) {
        return fl__error(err, FL_ERR_ARG, "dedupe: threshold must be in (0, 1], not %g",
                         o->threshold);
    }
    if (!(o->containment >= 0.0 && o->containment <= 1.0)) {
        return fl__error(err, FL_ERR_ARG,
                         "dedupe: containment must be in (0, 1], or 0 to turn it off; not %g",
                         o->containment);
    }
    if ((o->bands == 0) != (o->rows == 0)) {
        return fl__error(err, FL_ERR_ARG,
                         "dedupe: give both bands and rows, or neither (0 and 0 to choose them)");
    }
    if (o->bands != 0 && (uint64_t)o->bands * o->rows > K) {
        return fl__error(err, FL_ERR_ARG,
                         "dedupe: bands x rows (%u x %u) must not exceed num_hashes (%u)",
                         (unsigned)o->bands, (unsigned)o->rows, (unsigned)K);
    }
    return FL_OK;
}

fl_status fl_dedupe_cluster(const uint32_t *sigs, const uint64_t *n_shingles, size_t n,
                            uint32_t num_hashes, const fl_dedupe_options *options,
                            const fl_allocator *alloc, fl_dedupe_clusters **out, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (out == NULL || (n > 0 && (sigs == NULL || n_shingles == NULL))) {
        return fl__error(err, FL_ERR_ARG, "fl_dedupe_cluster: a required argument is NULL");
    }
    *out = NULL;
    if (!is_pow2(num_hashes) || num_hashes < FL_DEDUPE_MIN_HASHES ||
        num_hashes > FL_DEDUPE_MAX_HASHES) {
        return fl__error(err, FL_ERR_ARG,
                         "dedupe: num_hashes must be a power of two from %d to %d, not %u",
                         FL_DEDUPE_MIN_HASHES, FL_DEDUPE_MAX_HASHES, (unsigned)num_hashes);
    }
    fl_dedupe_options defaults;
    fl_dedupe_options_default(&defaults);
    const fl_dedupe_options *o = options != NULL ? options : &defaults;
    fl_status st = check_options(o, num_hashes, err);
    if (st != FL_OK) {
        return st;
    }
    if (n >= UINT32_MAX) {
        return fl__error(err, FL_ERR_LIMIT, "dedupe: at most %u documents",
                         (unsigned)(UINT32_MAX - 1));
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_dedupe_clusters *res = fl__malloc(&a, sizeof(*res));
    if (FL_UNLIKELY(res == NULL)) {
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    memset(res, 0, sizeof(*res));
    res->alloc = a;
    res->n_docs = n;
    if (o->bands != 0) {
        res->bands = o->bands;
        res->rows = o->rows;
    } else {
        choose_banding(lowest_passing(o), num_hashes, &res->bands, &res->rows);
    }

    cluster_work w;
    memset(&w, 0, sizeof(w));
    w.sigs = sigs;
    w.sizes = n_shingles;
    w.K = num_hashes;
    w.o = o;
    size_t active = 0;
    for (size_t d = 0; d < n; d++) {
        active += n_shingles[d] > 0;
    }
    w.slots = 16;
    while (w.slots < 2 * active) {
        w.slots *= 2;
    }
    size_t b_docs, b_keys, b_heads;
    size_t docs = n > 0 ? n : 1;
    st = FL_ERR_NOMEM;
    if (fl__mul(docs, sizeof(uint32_t), &b_docs) && fl__mul(w.slots, sizeof(uint64_t), &b_keys) &&
        fl__mul(w.slots, sizeof(uint32_t), &b_heads)) {
        w.parent = fl__malloc(&a, b_docs);
        w.set_size = fl__malloc(&a, b_docs);
        w.next = fl__malloc(&a, b_docs);
        w.slot_key = fl__malloc(&a, b_keys);
        w.slot_head = fl__malloc(&a, b_heads);
        if (w.parent != NULL && w.set_size != NULL && w.next != NULL && w.slot_key != NULL &&
            w.slot_head != NULL) {
            st = FL_OK;
        }
    }
    if (st == FL_OK) {
        for (size_t d = 0; d < n; d++) {
            w.parent[d] = (uint32_t)d;
            w.set_size[d] = 1;
        }
        for (uint32_t b = 0; b < res->bands && st == FL_OK; b++) {
            st = run_band(&w, res, b, n);
        }
    }
    if (st == FL_OK) {
        st = finish(&w, res, n);
    }
    fl__free(&a, w.parent);
    fl__free(&a, w.set_size);
    fl__free(&a, w.next);
    fl__free(&a, w.slot_key);
    fl__free(&a, w.slot_head);
    if (st != FL_OK) {
        fl_dedupe_clusters_free(res);
        return fl__error(err, st, "%s", fl_status_str(st));
    }
    *out = res;
    return FL_OK;
}
