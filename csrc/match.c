/* match.c: finds lexicon terms in each sentence, leftmost-longest, after exclusions. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

/*
 * For each token the vocabulary ids of its folded and exact forms are looked up once. Then,
 * per sentence:
 * 1. exclusions: from every token, walk the trie and mark the tokens of every exclusion
 *    occurrence (a difference array, so marking is O(1) per occurrence);
 * 2. terms: from the sentence start, walk the trie from the current token through every
 *    edge the next token can take (plain folded, plain exact, and wildcard prefixes of
 *    either form), never onto an excluded token; the best accepting node wins (longest,
 *    then fewer wildcards, then more case-sensitive tokens, then longer wildcard prefixes,
 *    then the earlier term). Emit it
 *    and continue after it, or move one token on.
 * A walk is at most max_depth (<= FL_MAX_TERM_TOKENS) tokens deep, so the work per token is
 * bounded by the lexicon, not the text.
 */

typedef struct walk_item {
    uint32_t node;
    uint32_t pos; /* next token to consume */
} walk_item;

static fl_status push(fl_result *res, uint32_t node, uint32_t pos) {
    walk_item w = {node, pos};
    return fl__vec_push(&res->alloc, &res->stack, sizeof(walk_item), &w);
}

/* Could the forms of a token (folded f, exact e or NULL) have wildcard labels? No for most
 * tokens: inline, before any call. */
static inline bool wild_may_have(const fl_lexicon *lex, const uint8_t *f, size_t fold_len,
                                 const uint8_t *e, size_t exact_len) {
    return ((lex->wild_kinds & 1) && fl__wild_may_start(lex, f, fold_len)) ||
           ((lex->wild_kinds & 2) && e != NULL && fl__wild_may_start(lex, e, exact_len));
}

/* The wildcard labels of token k's forms (folded f, exact e or NULL): folded ones first,
 * then exact ones, each by length (the order in which the matcher tries them). Called when
 * wild_may_have says they may have some. Sets k->wild_first, which nothing reads while
 * wild_n is 0: the other tokens leave it unset. */
static fl_status wild_labels(const fl_lexicon *lex, fl_result *res, fl_tokinfo *k, const uint8_t *f,
                             size_t fold_len, const uint8_t *e, size_t exact_len) {
    k->wild_first = (uint32_t)res->wild.len;
    bool wf = (lex->wild_kinds & 1) && fl__wild_may_start(lex, f, fold_len);
    bool we = (lex->wild_kinds & 2) && e != NULL && fl__wild_may_start(lex, e, exact_len);
    fl_status st;
    if ((wf && (st = fl__wild_labels(lex, &res->alloc, f, fold_len, FL_EDGE_WILD_FOLD,
                                     &res->wild)) != FL_OK) ||
        (we && (st = fl__wild_labels(lex, &res->alloc, e, exact_len, FL_EDGE_WILD_EXACT,
                                     &res->wild)) != FL_OK)) {
        return st;
    }
    k->wild_n = (uint32_t)(res->wild.len - k->wild_first);
    return FL_OK;
}

/* The root's child along label, or 0. */
static inline uint32_t root_kid(const fl_lexicon *lex, uint32_t label) {
    return lex->root_kids[(label & 3) * lex->n_ids + (label >> 2)];
}

/* Does the root have a child along one of token k's wildcard labels? */
static bool wild_roots(const fl_lexicon *lex, const fl_result *res, const fl_tokinfo *k) {
    const uint32_t *w = (const uint32_t *)fl__vec_bytes(&res->wild, 0) + k->wild_first;
    for (uint32_t j = 0; j < k->wild_n; j++) {
        if (root_kid(lex, w[j]) != 0) {
            return true;
        }
    }
    return false;
}

/* Does the root have a child for token k other than along its folded label? */
static bool other_roots(const fl_lexicon *lex, const fl_result *res, const fl_tokinfo *k) {
    if ((lex->root_kinds & (1u << FL_EDGE_EXACT)) && k->id_exact != FL_NO_ID &&
        root_kid(lex, (k->id_exact << 2) | FL_EDGE_EXACT) != 0) {
        return true;
    }
    return wild_roots(lex, res, k);
}

/* The first step of every walk from token k, for fl__match: its child of the root along
 * its folded label and the start byte that child gives (both from its vocabulary slot, where
 * the compile put them), whether the root has other children for it (FL_START_MORE), whether
 * an exclusion may start there (a cheap test: the exclusion walk decides). Returns its
 * FL_START_* byte.
 * exact_is_fold: the token's exact label is its folded one (the slot's string), whose exact
 * child of the root the compile noted in the slot. */
static inline uint8_t first_step(const fl_lexicon *lex, const fl_result *res, fl_tokinfo *k,
                                 const fl_vocab_slot *slot, bool exact_is_fold) {
    k->root = slot->root;
    bool more = exact_is_fold
                    ? (slot->flags & FL_SLOT_EXACT_ROOT) ||
                          (k->wild_n > 0 && wild_roots(lex, res, k))
                    : (k->wild_n > 0 || k->id_exact != FL_NO_ID) && other_roots(lex, res, k);
    uint8_t start = slot->start;
    if (more) {
        /* other ways from the root: a walk may go on otherwise than along the next folded
         * label */
        start = (uint8_t)((start & ~FL_START_STEP) | FL_START_TERM | FL_START_MORE |
                          (lex->has_exclusions ? FL_START_EXCL : 0));
    }
    return start;
}

/* Sets k->fold_len to len (less than 2^32: token offsets are 32-bit) and k->wild_n to 0, in
 * one store: the two fields are side by side. */
_Static_assert(offsetof(fl_tokinfo, wild_n) == offsetof(fl_tokinfo, fold_len) + 4,
               "fold_len and wild_n are one word");
static inline void set_len_no_wild(fl_tokinfo *k, size_t len) {
    uint32_t w[2] = {(uint32_t)len, 0};
    memcpy((unsigned char *)k + offsetof(fl_tokinfo, fold_len), w, sizeof w);
}

/* The mask of the first n bytes of a word, n = 1 to 8 (0 is never asked for): a table, one
 * load for a shift's three instructions. */
static const uint64_t WORD_MASK[9] = {0,
                                      0xFFULL,
                                      0xFFFFULL,
                                      0xFFFFFFULL,
                                      0xFFFFFFFFULL,
                                      0xFFFFFFFFFFULL,
                                      0xFFFFFFFFFFFFULL,
                                      0xFFFFFFFFFFFFFFULL,
                                      ~(uint64_t)0};

/* The masks of fl__vocab_head's and fl__vocab_tail's bytes of a form of n bytes, n capped
 * at 16 (longer forms have the masks of 16): tables, so that no branch asks how long a
 * word is. LOW(n) shifts twice by 32 - 4n: once by 64 - 8n would be 64 at n = 0, which C
 * leaves undefined. */
#define LOW(n) (~(uint64_t)0 >> (32 - 4 * (n)) >> (32 - 4 * (n)))
static const uint64_t HEAD_MASK[FL_VOCAB_LEN_CAP + 1] = {LOW(0), LOW(1), LOW(2), LOW(3), LOW(4),
                                                         LOW(5), LOW(6), LOW(7), LOW(7), LOW(7),
                                                         LOW(7), LOW(7), LOW(7), LOW(7), LOW(7),
                                                         LOW(7), LOW(7)};
static const uint64_t TAIL_MASK[FL_VOCAB_LEN_CAP + 1] = {
    0, 0, 0, 0, 0, 0, 0, 0, LOW(1), LOW(2), LOW(3), LOW(4), LOW(5), LOW(6), LOW(7), LOW(8), 0};
#undef LOW

/* A simple token's folded form (ASCII letters and digits: setting bit 5 folds each byte;
 * digits have it already), with what its lookup needs: its hash (fl__hash_bytes), whether
 * it is its text, and fl__vocab_head and fl__vocab_tail of it. */
typedef struct simple_form {
    uint32_t hash;
    bool same;
    uint64_t head;
    uint64_t tail;
} simple_form;

/* fold_one's rare case: a word longer than 16 bytes or near the end of the text, byte by
 * byte. Out of line, so that the common cases keep the registers. */
static FL_NOINLINE simple_form fold_long(const uint8_t *s, size_t len, uint8_t *d) {
    simple_form r;
    unsigned diff = 0;
    for (size_t b = 0; b < len; b++) {
        d[b] = (uint8_t)(s[b] | 0x20);
        diff |= (unsigned)(s[b] ^ d[b]);
    }
    r.hash = fl__hash_inline(d, len);
    r.same = diff == 0;
    size_t capped = len < FL_VOCAB_LEN_CAP ? len : FL_VOCAB_LEN_CAP;
    r.head = (fl__load_le64(d) & HEAD_MASK[capped]) | ((uint64_t)capped << 56);
    r.tail = fl__load_le64(d + FL_VOCAB_HEAD) & TAIL_MASK[capped];
    return r;
}

/* The constants of a simple token of len bytes, 1 to 16, in column len of a table: operands
 * loaded by the instructions that use them, where each 64-bit constant took an instruction
 * or a register of its own. Its word w masked by mask (1 to 8 bytes: its first word; 9 to
 * 16: its second) folds to w | lower; fold0 folds a first word of 8 bytes; its head
 * (fl__vocab_head) is (first word & head_mask) | head_len (the folding bits and the length);
 * tail_mask: TAIL_MASK (9 to 16); fl__hash_bytes mixes from seed (FL_HASH_SEED ^ len) by mul.
 * Columns, not rows: each load indexes its column by len scaled by 8, where a 64-byte row
 * took a shift and an add to find. */
typedef struct short_len {
    uint64_t mask[FL_VOCAB_LEN_CAP + 1];
    uint64_t lower[FL_VOCAB_LEN_CAP + 1];
    uint64_t head_mask[FL_VOCAB_LEN_CAP + 1];
    uint64_t head_len[FL_VOCAB_LEN_CAP + 1];
    uint64_t seed[FL_VOCAB_LEN_CAP + 1];
    uint64_t mul[FL_VOCAB_LEN_CAP + 1];
    uint64_t tail_mask[FL_VOCAB_LEN_CAP + 1];
    uint64_t fold0[FL_VOCAB_LEN_CAP + 1];
} short_len;
/* clang-format off */
#define FOLD_BITS 0x2020202020202020ULL
#define HEAD_BYTES 0x00FFFFFFFFFFFFFFULL
#define MASK_OF(n) (~(uint64_t)0 >> (64 - 8 * (n)))
/* the word's bytes: 1 to 8 of the first word, then 1 to 8 of the second */
#define MASK(n) ((n) == 0 ? 0 : MASK_OF(((n) + 7) % 8 + 1))
#define LOWER(n) (FOLD_BITS & MASK(n))
#define HMASK(n) ((n) == 0 ? 0 : HEAD_BYTES & MASK_OF((n) > 8 ? 8 : (n)))
#define HLEN(n) ((n) == 0 ? 0 : (FOLD_BITS & HMASK(n)) | ((uint64_t)(n) << 56))
#define SEED(n) ((n) == 0 ? 0 : FL_HASH_SEED ^ (n))
#define MUL(n) ((n) == 0 ? 0 : FL_HASH_MUL)
#define TMASK(n) ((n) > 8 && (n) < 16 ? MASK_OF((n) > 8 && (n) < 16 ? (n) - 7 : 1) : 0)
#define FOLD0(n) ((n) == 0 ? 0 : FOLD_BITS)
#define COL(F) {F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7), F(8), F(9), F(10), F(11), \
    F(12), F(13), F(14), F(15), F(16)}
static const short_len SHORT_LEN = {COL(MASK), COL(LOWER), COL(HMASK), COL(HLEN), COL(SEED),
                                    COL(MUL), COL(TMASK), COL(FOLD0)};
/* clang-format on */
#undef COL
#undef FOLD0
#undef TMASK
#undef MUL
#undef SEED
#undef HLEN
#undef HMASK
#undef LOWER
#undef MASK
#undef MASK_OF
#undef HEAD_BYTES
#undef FOLD_BITS

/* Folds the simple token s[0..len) (at text offset start) into d: a word of up to 8 bytes
 * folded and hashed as one machine word, one of up to 16 as two. 8 bytes may be read from
 * a token's start up to text_end; d has room for the form and 16 bytes more. */
FL_ALWAYS_INLINE static inline simple_form fold_one(const uint8_t *s, size_t start, size_t len,
                                                    size_t text_end, uint8_t *d) {
    simple_form r;
    if (len <= 8 && start + 8 <= text_end) {
        uint64_t w = fl__load_le64(s) & SHORT_LEN.mask[len];
        uint64_t lw = w | SHORT_LEN.lower[len];
        fl__store_le64(d, lw);
        uint64_t h = (SHORT_LEN.seed[len] ^ lw) * SHORT_LEN.mul[len]; /* fl__hash_short */
        r.hash = (uint32_t)(h ^ (h >> 32));
        r.same = w == lw;
        /* the bytes of lw past len are 0: byte 7 is the tail (a form of 8 bytes) or 0 */
        r.head = (w & SHORT_LEN.head_mask[len]) | SHORT_LEN.head_len[len];
        r.tail = lw >> 56;
    } else if (len <= 16 && start + 16 <= text_end) {
        /* fl__hash_bytes of 9 to 16 bytes: the two words mixed in turn */
        uint64_t w0 = fl__load_le64(s);
        uint64_t w1 = fl__load_le64(s + 8) & SHORT_LEN.mask[len];
        uint64_t lw0 = w0 | SHORT_LEN.fold0[len];
        uint64_t lw1 = w1 | SHORT_LEN.lower[len];
        fl__store_le64(d, lw0);
        fl__store_le64(d + 8, lw1);
        uint64_t h = (SHORT_LEN.seed[len] ^ lw0) * SHORT_LEN.mul[len]; /* fl__hash_mix twice */
        h = ((h ^ (h >> 32)) ^ lw1) * SHORT_LEN.mul[len];
        r.hash = (uint32_t)(h ^ (h >> 32));
        r.same = ((w0 ^ lw0) | (w1 ^ lw1)) == 0;
        r.head = (w0 & SHORT_LEN.head_mask[len]) | SHORT_LEN.head_len[len];
        /* bytes 7 to 14, the bytes of lw1 past len 0; none at 16 (TAIL_MASK) */
        r.tail = ((lw0 >> 56) | (lw1 << 8)) & SHORT_LEN.tail_mask[len];
    } else {
        r = fold_long(s, len, d);
    }
    return r;
}

/* fl__hash_short(b, 1) of each ASCII byte b, the hash of a one_symbol token's form: one load,
 * where the hash took two 64-bit constants, a multiply and a fold. */
/* clang-format off */
#define SYM_H(b) (((FL_HASH_SEED ^ 1) ^ (uint64_t)(b)) * FL_HASH_MUL)
#define SYM(b) (uint32_t)(SYM_H(b) ^ (SYM_H(b) >> 32))
#define SYM4(b) SYM(b), SYM((b) + 1), SYM((b) + 2), SYM((b) + 3)
#define SYM16(b) SYM4(b), SYM4((b) + 4), SYM4((b) + 8), SYM4((b) + 12)
#define SYM64(b) SYM16(b), SYM16((b) + 16), SYM16((b) + 32), SYM16((b) + 48)
static const uint32_t SYMBOL_HASH[128] = {SYM64(0), SYM64(64)};
/* clang-format on */
#undef SYM64
#undef SYM16
#undef SYM4
#undef SYM
#undef SYM_H

/* Is token t one ASCII symbol (not a letter or digit), whose forms are the byte as
 * fl__fold_token_pair folds it ('`' is an apostrophe)? A tenth of all tokens. */
static inline bool one_symbol(const uint8_t *text, const fl_token *t) {
    return t->end - t->start == 1 && text[t->start] < 0x80 && t->kind != FL_TOKEN_WORD &&
           !(t->kind == FL_TOKEN_PUNCT && text[t->start] == '-');
}

/* The first pass of fl__label_tokens (two passes) over the run of simple and one_symbol
 * tokens from token i: folds each into fdata at *at (the exact form is the text itself, or
 * for a one_symbol token its folded form), hashes it and asks the memory for its vocabulary
 * slot, up to token n at most. fdata has room for the run's text and 16 bytes more. Returns
 * the index after the run. A loop of its own, its values in registers: the byte stores would
 * make the compiler reload anything kept in res. far: 16 bytes may be read from the start of
 * each token before n (fold_one need not ask). */
FL_ALWAYS_INLINE static inline size_t fold_simple_to(const fl_lexicon *lex, const uint8_t *text,
                                                     size_t text_end, const fl_token *toks,
                                                     fl_tokinfo *infos, size_t i, size_t n,
                                                     uint8_t *fdata, size_t *at_io,
                                                     const bool far) {
    const fl_vocab_slot *slots = lex->vocab_slots;
    const unsigned shift = fl__vocab_shift(lex->vocab_mask);
    const fl_token *t = toks + i;
    const fl_token *t_end = toks + n;
    fl_tokinfo *k = infos + i;
    uint8_t *d = fdata + *at_io;
    for (; t < t_end; t++, k++) {
        size_t start = t->start;
        size_t len = t->end - start; /* 1 or more */
        const uint8_t *s = text + start;
        uint32_t hash;
        bool same;
        if (!k->simple) {
            if (!one_symbol(text, t)) {
                break;
            }
            d[0] = s[0] == '`' ? (uint8_t)'\'' : s[0];
            hash = SYMBOL_HASH[d[0]]; /* fl__hash_short(d[0], 1) */
            same = true;
        } else {
            simple_form r = fold_one(s, start, len, far ? SIZE_MAX : text_end, d);
            hash = r.hash;
            same = r.same;
        }
        k->id_exact = FL_NO_ID;
        set_len_no_wild(k, len);
        k->fold_off = (size_t)(d - fdata);
        k->hash_fold = hash;
        k->same = same;
        size_t slot = fl__vocab_first_by_shift(hash, shift);
        __builtin_prefetch(&slots[slot]);
        /* the slot, for the lookup below: root is free until first_step sets it */
        k->root = (uint32_t)slot;
        d += len;
    }
    *at_io = (size_t)(d - fdata);
    return (size_t)(t - toks);
}

/* fold_simple_to up to far_end (the tokens before it have 16 readable bytes from their start:
 * fold_one need not ask), then on to n. */
static size_t fold_simple(const fl_lexicon *lex, const uint8_t *text, size_t text_end,
                          const fl_token *toks, fl_tokinfo *infos, size_t i, size_t far_end,
                          size_t n, uint8_t *fdata, size_t *at_io) {
    if (i < far_end) {
        i = fold_simple_to(lex, text, text_end, toks, infos, i, far_end, fdata, at_io, true);
        if (i < far_end) {
            return i;
        }
    }
    return fold_simple_to(lex, text, text_end, toks, infos, i, n, fdata, at_io, false);
}

/* Could node nid, a big node (more than FL_BIG_NODE children) or a child of the root with
 * FL_ROOT_FOLD_STEP, have a child along label? From the bitmap in cache; h:
 * fl__hash_edge64(nid, label). */
static inline bool big_may_have(const fl_lexicon *lex, uint64_t h) {
    size_t b = (size_t)(h >> 32) & lex->big_bloom_mask;
    return (lex->big_bloom[b >> 3] >> (b & 7)) & 1u;
}

/* fl__vocab_probe_at, with the first slot's answer inline for a string of 1 to
 * FL_VOCAB_TAIL_MAX bytes: equal heads and tails are then equal strings (the head holds the
 * length), and an empty slot's head, 0, equals no such string's. */
static inline const fl_vocab_slot *probe(const fl_lexicon *lex, const fl_vocab_slot *slots,
                                         const uint8_t *s, size_t len, uint32_t hash, uint64_t head,
                                         uint64_t tail, size_t first) {
    if (len - 1 >= FL_VOCAB_TAIL_MAX) {
        return fl__vocab_probe_at(lex, s, len, hash, head, tail, first);
    }
    const fl_vocab_slot *slot = &slots[first];
    if (slot->head == head && slot->tail == tail) {
        return slot;
    }
    if (slot->id == 0 && slot->cue == 0) {
        return NULL;
    }
    return fl__vocab_probe_at(lex, s, len, hash, head, tail, (first + 1) & lex->vocab_mask);
}

/* What fl__vocab_probe_at's NULL stands for in fl__label_tokens: no id, no cue, no child;
 * NO_SLOT_WILD for a form that some wildcard prefix may begin (FL_SLOT_WILD, as a slot in the
 * table has it). */
static const fl_vocab_slot NO_SLOT = {.start = FL_START_NO_FOLD | FL_START_NO_STEP_ON,
                                      .start_same = FL_START_NO_FOLD | FL_START_NO_STEP_ON};
static const fl_vocab_slot NO_SLOT_WILD = {.start = FL_START_NO_FOLD | FL_START_NO_STEP_ON,
                                           .start_same = FL_START_NO_FOLD | FL_START_NO_STEP_ON,
                                           .flags = FL_SLOT_WILD};

/* The rest of token k's labels after its lookup (slot, or NO_SLOT), for the tokens that
 * look_one and look_up leave: its exact label, its wildcard labels (when simple: a simple or
 * one_symbol token's; the others have theirs from the fold) and its first step, into *start.
 * f: its folded form. */
static FL_NOINLINE fl_status label_rest(const fl_lexicon *lex, const uint8_t *text, fl_result *res,
                                        const fl_token *tok, fl_tokinfo *k,
                                        const fl_vocab_slot *slot, const uint8_t *f, bool simple,
                                        uint8_t *start) {
    const bool exact = lex->has_exact;
    size_t fold_len = k->fold_len;
    fl_status st;
    if (exact && k->same) {
        k->id_exact = k->id_fold; /* one string table: equal bytes have the same id */
    } else if (simple) {
        /* the exact form of a simple token is the text */
        k->id_exact = exact ? fl__exact_find_fast(lex, text + tok->start, fold_len) : FL_NO_ID;
    }
    if (lex->wild_kinds != 0 && simple) {
        /* its exact form: the text, or the folded form when equal */
        const uint8_t *e = !exact ? NULL : k->same ? f : text + tok->start;
        /* the folded half of the test is in its slot (NO_SLOT_WILD or NO_SLOT for a form
         * not in the table) */
        bool may = ((lex->wild_kinds & 1) && (slot->flags & FL_SLOT_WILD)) ||
                   ((lex->wild_kinds & 2) && e != NULL && fl__wild_may_start(lex, e, fold_len));
        if (may && (st = wild_labels(lex, res, k, f, fold_len, e, fold_len)) != FL_OK) {
            return st;
        }
    }
    *start = first_step(lex, res, k, slot, exact && k->same);
    return FL_OK;
}

/* What look_one reads of the lexicon, in locals: the stores through byte pointers around
 * it would make the compiler read them again from lex for every token. */
typedef struct look_ctx {
    const fl_vocab_slot *slots;
    unsigned shift; /* fl__vocab_shift */
    size_t mask; /* the table's slots - 1 */
    const fl_cue *const *cue_at;
    const uint64_t *used; /* lex->vocab_used */
    bool wild;
} look_ctx;

static inline look_ctx look_ctx_of(const fl_lexicon *lex) {
    look_ctx c = {lex->vocab_slots, fl__vocab_shift(lex->vocab_mask),
                  lex->vocab_mask,  lex->cue_at,
                  lex->vocab_used,  lex->wild_kinds != 0};
    return c;
}

/* look_one's lookup of a form of 16 bytes or more, or of one that its first slot, taken,
 * does not hold (then the probe goes on from the next): fl__vocab_probe_at, and NO_SLOT_WILD
 * or NO_SLOT for a form not in the table. Out of line, so that the common case keeps the
 * registers. */
static FL_NOINLINE const fl_vocab_slot *probe_more(const fl_lexicon *lex, const uint8_t *f,
                                                   size_t fold_len, uint32_t hash, uint64_t head,
                                                   uint64_t tail, size_t first) {
    if (fold_len - 1 < FL_VOCAB_TAIL_MAX) {
        first = (first + 1) & lex->vocab_mask;
    }
    const fl_vocab_slot *slot = fl__vocab_probe_at(lex, f, fold_len, hash, head, tail, first);
    if (slot == NULL) {
        slot = lex->wild_kinds != 0 && fl__wild_may_start(lex, f, fold_len) ? &NO_SLOT_WILD
                                                                            : &NO_SLOT;
    }
    return slot;
}

/* Has the exact form e[0..len) (1 byte or more), of a lexicon with exact labels, neither an
 * exact label nor an exact wildcard label? Yes for most, from two bitmaps (false: maybe). */
static inline bool exact_none(const fl_lexicon *lex, const uint8_t *e, size_t len) {
    if (lex->exact_slots != NULL) {
        unsigned f2 = e[0] | (len > 1 ? (unsigned)e[1] << 8 : 0u);
        if ((lex->exact_first2[f2 >> 3] >> (f2 & 7)) & 1u) {
            return false;
        }
    }
    return !(lex->wild_kinds & 2) || !fl__wild_may_start(lex, e, len);
}

/* Looks up token k (tok) by its folded form f (hash, head and tail: fl__hash_bytes,
 * fl__vocab_head and fl__vocab_tail of it; first: its first slot; same: k->same) and
 * labels it, its start byte into *start: the common token (same forms, no wildcard labels)
 * here, the others in label_rest. A token whose forms are the same bytes has wildcard
 * labels, of either kind, only when its slot has FL_SLOT_WILD; simple: label_rest is to
 * find them (false: the token has them from its fold). e: a simple token's exact form (its
 * text), else NULL. exact: lex->has_exact; short_form: fold_len is 8 or less (no call to
 * ask). */
FL_ALWAYS_INLINE static inline fl_status
look_one(const fl_lexicon *lex, const look_ctx *c, const uint8_t *text, fl_result *res,
         const fl_token *tok, fl_tokinfo *k, const uint8_t *f, size_t fold_len, uint32_t hash,
         uint64_t head, uint64_t tail, size_t first, bool same, bool simple, const uint8_t *e,
         uint8_t *start, const bool exact, const bool short_form) {
    const fl_vocab_slot *slot = &c->slots[first];
    if (!fl__vocab_slot_used(c->used, first)) {
        /* not in the table, told by the bitmap (in cache) without reading the slot, as for
         * most words that are in no term: a table of 16,384 slots is a core's whole L2, and
         * these reads missed the cache (label stage, 1,000 terms, least of 6 runs of each
         * tree in turn: 92 -> 64 ms) */
        slot = c->wild && fl__wild_may_start(lex, f, fold_len) ? &NO_SLOT_WILD : &NO_SLOT;
    } else if (!short_form && fold_len - 1 >= FL_VOCAB_TAIL_MAX) {
        slot = probe_more(lex, f, fold_len, hash, head, tail, first);
    } else if (slot->head != head || slot->tail != tail) {
        /* probe's answer for the first two slots inline: most words are in no term, and
         * their second slot is empty when their first is not */
        if (slot->id != 0 || slot->cue != 0) {
            first = (first + 1) & c->mask;
            slot = &c->slots[first];
        }
        if (slot->head == head && slot->tail == tail) {
            /* the second slot holds it */
        } else if (slot->id == 0 && slot->cue == 0) {
            slot = c->wild && fl__wild_may_start(lex, f, fold_len) ? &NO_SLOT_WILD : &NO_SLOT;
        } else {
            slot = probe_more(lex, f, fold_len, hash, head, tail, first);
        }
    }
    uint32_t id_fold = slot->id - 1; /* id 0 (a cue word only, or none): FL_NO_ID */
    k->id_fold = id_fold;
    /* &lex->cues[slot->cue - 1], or NULL for 0, by a load: a branch on whether a word is
     * a cue word was mispredicted on a sixth of the tokens */
    k->cue = c->cue_at[slot->cue];
    if (FL_LIKELY(same && !(slot->flags & FL_SLOT_WILD))) {
        /* one string table: equal bytes have the same id */
        k->id_exact = exact ? id_fold : FL_NO_ID;
        k->root = slot->root;
        *start = slot->start_same;
        return FL_OK;
    }
    if (e != NULL && !(slot->flags & FL_SLOT_WILD) && (!exact || exact_none(lex, e, fold_len))) {
        /* label_rest's answer for a simple token with a capital and no exact or wildcard
         * label (of either kind: the folded form's slot says there are no folded ones) */
        k->id_exact = FL_NO_ID;
        k->root = slot->root;
        *start = slot->start;
        return FL_OK;
    }
    return label_rest(lex, text, res, tok, k, slot, f, simple, start);
}

/* fl__label_tokens' second pass (two passes): looks up every token's folded form (the first
 * pass left its slot in root) and labels it, as look_one does. A function of its own, so that
 * its loop has the registers. */
FL_ALWAYS_INLINE static inline fl_status look_up(const fl_lexicon *lex, const uint8_t *text,
                                                 fl_result *res, const bool exact) {
    size_t n = res->tokens.len;
    fl_tokinfo *infos = res->infos.data;
    const uint8_t *folded = fl__vec_bytes(&res->folded, 0);
    uint8_t *starts = res->starts.data;
    const fl_token *toks = res->tokens.data;
    fl_status st;
    const fl_cue *const *cue_at = lex->cue_at;
    /* the common token (same forms, no wildcard labels) in the loop, the others in
     * label_rest: a token whose forms are the same bytes has wildcard labels, of either
     * kind, only when its slot has FL_SLOT_WILD (one that is not simple has them from the
     * first pass) */
    const bool wild = lex->wild_kinds != 0;
    /* the lookups start at the slot the first pass left in root: an index that fits its 32
     * bits, since ids are fewer than 2^30 (fl__vocab_intern) and the table, at most half
     * full, has at most 2^32 slots */
    const fl_vocab_slot *slots = lex->vocab_slots;
    uint8_t *start = starts;
    /* by pointers, token i's fl_token found from them on the rare paths: induction variables
     * for it were kept in memory */
    for (fl_tokinfo *k = infos; k < infos + n; k++, start++) {
        const uint8_t *f = folded + k->fold_off;
        size_t fold_len = k->fold_len;
        /* fl__vocab_head and fl__vocab_tail from the 8 bytes at f and at f + 7 (16 readable
         * bytes follow every form), masked by tables: a branch on whether the form is
         * longer than 7 bytes was mispredicted on a third of the tokens */
        size_t capped = fold_len < FL_VOCAB_LEN_CAP ? fold_len : FL_VOCAB_LEN_CAP;
        uint64_t head = (fl__load_le64(f) & HEAD_MASK[capped]) | ((uint64_t)capped << 56);
        uint64_t tail = fl__load_le64(f + FL_VOCAB_HEAD) & TAIL_MASK[capped];
        const fl_vocab_slot *slot = probe(lex, slots, f, fold_len, k->hash_fold, head, tail,
                                          k->root);
        if (slot == NULL) {
            slot = wild && fl__wild_may_start(lex, f, fold_len) ? &NO_SLOT_WILD : &NO_SLOT;
        }
        uint32_t id_fold = slot->id - 1; /* id 0 (a cue word only, or none): FL_NO_ID */
        k->id_fold = id_fold;
        /* &lex->cues[slot->cue - 1], or NULL for 0, by a load: a branch on whether a word is
         * a cue word was mispredicted on a sixth of the tokens */
        k->cue = cue_at[slot->cue];
        if (FL_LIKELY(k->same && !(slot->flags & FL_SLOT_WILD))) {
            if (exact) {
                k->id_exact = id_fold; /* one string table: equal bytes have the same id */
            }
            k->root = slot->root;
            *start = slot->start_same;
            continue;
        }
        const fl_token *tok = &toks[k - infos];
        if (k->simple && !(slot->flags & FL_SLOT_WILD) &&
            (!exact || exact_none(lex, text + tok->start, fold_len))) {
            /* look_one's second case */
            k->root = slot->root;
            *start = slot->start;
        } else if ((st = label_rest(lex, text, res, tok, k, slot, f,
                                    k->simple || one_symbol(text, tok), start)) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

/* look_up for a lexicon with exact labels (exact: lex->has_exact) and one without, compiled
 * apart. */
static FL_NOINLINE fl_status look_up_exact(const fl_lexicon *lex, const uint8_t *text,
                                           fl_result *res) {
    return look_up(lex, text, res, true);
}
static FL_NOINLINE fl_status look_up_caseless(const fl_lexicon *lex, const uint8_t *text,
                                              fl_result *res) {
    return look_up(lex, text, res, false);
}

/* Folds simple token k (tok) into fdata at `at` and looks it up: fold_simple's work and
 * look_one's, the form's words still in registers. far: 16 bytes may be read from the
 * token's start (fold_one need not ask); exact: lex->has_exact. A form of up to 8 bytes has
 * a look_one of its own, which needs no test of its length. */
FL_ALWAYS_INLINE static inline fl_status
fold_look(const fl_lexicon *lex, const look_ctx *c, const uint8_t *text, size_t text_end,
          fl_result *res, const fl_token *tok, fl_tokinfo *k, uint8_t *fdata, size_t *at_io,
          uint8_t *start, const bool far, const bool exact) {
    size_t at = *at_io;
    size_t from = tok->start;
    /* 1 or more; in 32 bits (token offsets are), so that the compiler shares one_symbol's
     * subtraction: in 64 bits it took a second one */
    size_t len = (uint32_t)(tok->end - tok->start);
    const uint8_t *s = text + from;
    uint8_t *d = fdata + at;
    set_len_no_wild(k, len);
    k->fold_off = at;
    *at_io = at + len;
    if (FL_LIKELY(len <= 8 && (far || from + 8 <= text_end))) {
        /* fold_one's first case, its constants of len from SHORT_LEN */
        uint64_t w = fl__load_le64(s) & SHORT_LEN.mask[len];
        uint64_t lw = w | SHORT_LEN.lower[len];
        fl__store_le64(d, lw);
        uint64_t h = (SHORT_LEN.seed[len] ^ lw) * SHORT_LEN.mul[len]; /* fl__hash_short */
        uint32_t hash = (uint32_t)(h ^ (h >> 32));
        bool same = w == lw;
        k->hash_fold = hash;
        k->same = same;
        return look_one(lex, c, text, res, tok, k, d, len, hash,
                        (w & SHORT_LEN.head_mask[len]) | SHORT_LEN.head_len[len], lw >> 56,
                        fl__vocab_first_by_shift(hash, c->shift), same, true, s, start, exact,
                        true);
    }
    simple_form r = fold_one(s, from, len, far ? SIZE_MAX : text_end, d);
    k->hash_fold = r.hash;
    k->same = r.same;
    return look_one(lex, c, text, res, tok, k, d, len, r.hash, r.head, r.tail,
                    fl__vocab_first_by_shift(r.hash, c->shift), r.same, true, s, start, exact,
                    false);
}

/* fold_look for a one_symbol token: its form is one byte, the same as its exact form, and
 * it has wildcard labels only when its slot has FL_SLOT_WILD (as a simple token). */
FL_ALWAYS_INLINE static inline fl_status symbol_look(const fl_lexicon *lex, const look_ctx *c,
                                                     const uint8_t *text, fl_result *res,
                                                     const fl_token *tok, fl_tokinfo *k,
                                                     uint8_t *fdata, size_t *at_io, uint8_t *start,
                                                     const bool exact) {
    size_t at = *at_io;
    uint8_t b = text[tok->start] == '`' ? (uint8_t)'\'' : text[tok->start];
    fdata[at] = b;
    uint32_t hash = SYMBOL_HASH[b]; /* fl__hash_short(b, 1) */
    set_len_no_wild(k, 1);
    k->fold_off = at;
    k->hash_fold = hash;
    k->same = true;
    *at_io = at + 1;
    return look_one(lex, c, text, res, tok, k, fdata + at, 1, hash, b | (uint64_t)1 << 56, 0,
                    fl__vocab_first_by_shift(hash, c->shift), true, true, NULL, start, exact, true);
}

/* Bit 7 of each byte of A to Z in w, a word of ASCII bytes: b + 0x3F reaches 0x80 from 'A',
 * b + 0x25 from '[' (no carry between bytes below 0x80). By value: through a pointer the
 * run's loop took an instruction a token more. */
static inline uint64_t ascii_upper(uint64_t w) {
    const uint64_t ones = 0x0101010101010101ULL;
    return (w + ones * 0x3F) & ~(w + ones * 0x25) & (ones * 0x80);
}

/* Is token s[0..len) (kind; 8 bytes readable) of 1 to 8 ASCII bytes without '`', and not a
 * punctuation token starting with '-'? Then fl__fold_token_pair's forms of it are its text
 * with A to Z lowered (folded) and its text (exact): *w, its bytes in a word, and *upper, bit
 * 7 of each byte of A to Z in it (w | upper >> 2 is the folded form). */
static inline bool ascii_word(const uint8_t *s, size_t len, uint8_t kind, uint64_t *w_out,
                              uint64_t *upper_out) {
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    if (len > 8 || (kind == FL_TOKEN_PUNCT && s[0] == '-')) {
        return false;
    }
    uint64_t w = fl__load_le64(s) & SHORT_LEN.mask[len];
    uint64_t tick = w ^ (ones * '`'); /* a zero byte where w has '`' (none past len) */
    if (((w & highs) | ((tick - ones) & ~tick & highs)) != 0) {
        return false;
    }
    *upper_out = ascii_upper(w);
    *w_out = w;
    return true;
}

/* A token neither simple nor one_symbol of 1 to 8 ASCII bytes (16 readable from its start)
 * without '`', and not a punctuation token starting with '-': "'s", "U.S", "don't", "a.m",
 * "1,000". fl__fold_token_pair's forms of it are its text with A to Z lowered (folded) and
 * its text (exact), so it is labelled as a simple token is, with same as that function sets
 * it (always, for a lexicon without exact labels). False: fl__fold_token_pair's. */
FL_ALWAYS_INLINE static inline bool ascii_look(const fl_lexicon *lex, const look_ctx *c,
                                               const uint8_t *text, fl_result *res,
                                               const fl_token *tok, fl_tokinfo *k, uint8_t *fdata,
                                               size_t *at_io, uint8_t *start, const bool exact,
                                               fl_status *st) {
    size_t len = (uint32_t)(tok->end - tok->start);
    const uint8_t *s = text + tok->start;
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t highs = 0x8080808080808080ULL;
    if (len > 8 || (tok->kind == FL_TOKEN_PUNCT && s[0] == '-')) {
        return false;
    }
    uint64_t w = fl__load_le64(s) & SHORT_LEN.mask[len];
    uint64_t tick = w ^ (ones * '`'); /* a zero byte where w has '`' (none past len) */
    if (((w & highs) | ((tick - ones) & ~tick & highs)) != 0) {
        return false;
    }
    /* ascii_word's test, written out: through its pointers the run's loop took 1.0
     * instruction a token more (callgrind, 97.0 against 96.0 at 1,000 terms) */
    uint64_t upper = ascii_upper(w);
    uint64_t lw = w | (upper >> 2);
    size_t at = *at_io;
    uint8_t *d = fdata + at;
    fl__store_le64(d, lw);
    uint64_t h = (SHORT_LEN.seed[len] ^ lw) * SHORT_LEN.mul[len]; /* fl__hash_short */
    uint32_t hash = (uint32_t)(h ^ (h >> 32));
    bool same = !exact || upper == 0;
    set_len_no_wild(k, len);
    k->fold_off = at;
    k->hash_fold = hash;
    k->same = same;
    *at_io = at + len;
    /* the head of the folded form: the text's masked bytes, folded, with the length */
    uint64_t head = (lw & SHORT_LEN.head_mask[len]) | ((uint64_t)len << 56);
    *st = look_one(lex, c, text, res, tok, k, d, len, hash, head, lw >> 56,
                   fl__vocab_first_by_shift(hash, c->shift), same, true, s, start, exact, true);
    return true;
}

/* A punctuation token of one character of U+2000..U+207F (a curly quote, a dash) whose
 * entry in res->fold_cache fl__fold_token_pair has made: labelled from the entry, as a
 * one_symbol token is, when its folded form is 1 to 3 bytes (no longer than the token: the
 * run's room is its text's) and (exact) the same as its exact form. False: the entry is not
 * made or not such, for fl__fold_token_pair. */
FL_ALWAYS_INLINE static inline bool punct_look(const fl_lexicon *lex, const look_ctx *c,
                                               const uint8_t *text, fl_result *res,
                                               const fl_token *tok, fl_tokinfo *k, uint8_t *fdata,
                                               size_t *at_io, uint8_t *start, const bool exact,
                                               fl_status *st) {
    const uint8_t *s = text + tok->start;
    if (tok->end - tok->start != 3 || s[0] != 0xE2 || (s[1] & 0xFE) != 0x80 ||
        (s[2] & 0xC0) != 0x80 || tok->kind != FL_TOKEN_PUNCT || res->fold_cache == NULL) {
        return false;
    }
    const fl_char_forms *e = &res->fold_cache->puncts[fl__punct_index(s)];
    size_t len = e->fold_len;
    if (e->state != FL_CHAR_ALONE || len - 1 >= 3 || (exact && !e->same)) {
        return false;
    }
    uint64_t w = fl__load_le64(e->fold) & SHORT_LEN.mask[len];
    size_t at = *at_io;
    uint8_t *d = fdata + at;
    fl__store_le64(d, w);
    uint64_t h = (SHORT_LEN.seed[len] ^ w) * SHORT_LEN.mul[len]; /* fl__hash_short */
    uint32_t hash = (uint32_t)(h ^ (h >> 32));
    set_len_no_wild(k, len);
    k->fold_off = at;
    k->hash_fold = hash;
    k->same = true;
    *at_io = at + len;
    *st = look_one(lex, c, text, res, tok, k, d, len, hash, w | (uint64_t)len << 56, 0,
                   fl__vocab_first_by_shift(hash, c->shift), true, true, NULL, start, exact, true);
    return true;
}

/* A token, not punctuation, of ASCII bytes without '`' and one curly apostrophe (U+2018 or
 * U+2019), 4 to 10 bytes (16 readable from its start): "’s", "don’t", "I’m". Its forms
 * (fl__fold_token_pair's) are the ASCII token with "'" for the apostrophe (folded: with A to
 * Z lowered), of 2 to 8 bytes; labelled as label_other labels it. False: not such a token. */
FL_ALWAYS_INLINE static inline bool apos_look(const fl_lexicon *lex, const look_ctx *c,
                                              const uint8_t *text, fl_result *res,
                                              const fl_token *tok, fl_tokinfo *k, uint8_t *fdata,
                                              size_t *at_io, uint8_t *start, const bool exact,
                                              fl_status *st) {
    size_t len = (uint32_t)(tok->end - tok->start);
    const uint8_t *s = text + tok->start;
    if (len - 4 > 6 || tok->kind == FL_TOKEN_PUNCT) {
        return false;
    }
    /* its first byte above 0x7F, in its first 8 (an apostrophe from the ninth would end
     * past 10 bytes), starts the apostrophe: a cheap no for the others (Cyrillic, accented
     * words) */
    uint64_t high = fl__load_le64(s) & 0x8080808080808080ULL;
    size_t p = (size_t)__builtin_ctzll(high | (uint64_t)1 << 63) / 8;
    if (s[p] != 0xE2 || s[p + 1] != 0x80 || (s[p + 2] & 0xFE) != 0x98) {
        return false;
    }
    uint64_t w = 0; /* the exact form */
    size_t n = 0;
    bool apos = false;
    for (size_t j = 0; j < len; j++, n++) {
        uint64_t b = s[j];
        if (b == '`') {
            return false;
        }
        if (b >= 0x80) {
            if (apos || b != 0xE2 || j + 2 >= len || s[j + 1] != 0x80 ||
                (s[j + 2] & 0xFE) != 0x98) {
                return false;
            }
            apos = true;
            b = '\'';
            j += 2;
        }
        w |= b << (8 * n);
    }
    if (!apos) {
        return false;
    }
    uint64_t upper = ascii_upper(w);
    uint64_t lw = w | (upper >> 2);
    size_t at = *at_io;
    uint8_t *d = fdata + at;
    /* the exact form after the folded one, as fl__fold_token_pair leaves it (the next token
     * overwrites it): within the run's room, n + 8 being at most len + 6 */
    fl__store_le64(d, lw);
    fl__store_le64(d + n, w);
    uint64_t h = (SHORT_LEN.seed[n] ^ lw) * SHORT_LEN.mul[n]; /* fl__hash_short */
    uint32_t hash = (uint32_t)(h ^ (h >> 32));
    bool same = !exact || upper == 0;
    const uint8_t *e = exact ? d + n : NULL;
    set_len_no_wild(k, n);
    k->id_exact = exact && !same ? fl__exact_find_fast(lex, e, n) : FL_NO_ID;
    if (c->wild && wild_may_have(lex, d, n, e, n) &&
        (*st = wild_labels(lex, res, k, d, n, e, n)) != FL_OK) {
        return true;
    }
    k->fold_off = at;
    k->hash_fold = hash;
    k->same = same;
    *at_io = at + n;
    *st = look_one(lex, c, text, res, tok, k, d, n, hash,
                   (lw & SHORT_LEN.head_mask[n]) | ((uint64_t)n << 56), lw >> 56,
                   fl__vocab_first_by_shift(hash, c->shift), same, false, NULL, start, exact, true);
    return true;
}

/* fl__hash_bytes of f[0..len), 16 bytes readable from f: a form of up to 16 bytes by
 * masked words, as fold_one hashes it, not byte by byte. */
static inline uint32_t hash_form(const uint8_t *f, size_t len) {
    if (len <= 8) {
        return fl__hash_short(fl__load_le64(f) & WORD_MASK[len], len);
    }
    if (len <= 16) {
        uint64_t w1 = fl__load_le64(f + 8) & WORD_MASK[len - 8];
        return (uint32_t)fl__hash_mix(fl__hash_mix(FL_HASH_SEED ^ len, fl__load_le64(f)), w1);
    }
    return fl__hash_bytes(f, len);
}

/* fl__fold_token_pair's forms of a token, not punctuation, of ASCII and two-byte UTF-8
 * characters, one at least not ASCII, each of them FL_CHAR_ALONE in res->fold_cache (the
 * caller asks for a cache and the kind first: out of line, the call cost PolNeAR's dashes
 * more than the two tests): the concatenation of the characters' forms, as its forms_by_chars
 * makes them, by the same steps (fl__char_step, fl__char_put), so Київ, Kraków and
 * правительство, about one token in a hundred of the bench, take no call and no copy of the
 * exact form. Inline: out of line it took 0.4 instructions a token more at 1,000 terms. The
 * folded form goes to res->folded at `at`; the exact form, when exact and not the same bytes,
 * right after it (same: the folded form is the exact form too, and nothing is written after
 * it). Reads no byte past the token; writes FL_CHAR_COPY bytes per character, within the
 * 6 * len + 16 bytes it asks to have from `at`. False: any other token (a mark, a character
 * of three bytes or more, one not seen yet, an ASCII token, no room), for
 * fl__fold_token_pair; nothing it wrote is then read. */
FL_ALWAYS_INLINE static inline bool table_forms(const fl_result *res, const uint8_t *s, size_t len,
                                                bool exact, size_t at, size_t *fold_len,
                                                size_t *exact_len, bool *same) {
    if (len > (SIZE_MAX - 16) / 6 - at || res->folded.cap - at < 6 * len + 16) {
        return false;
    }
    uint8_t *d = (uint8_t *)res->folded.data + at;
    const fl_char_forms *chars = res->fold_cache->chars;
    size_t o = 0;
    unsigned each_same = 1;
    size_t high = 0;
    for (size_t p = 0; p < len;) {
        size_t cp;
        if (!fl__char_step(s, len, &p, &cp)) {
            return false;
        }
        high |= cp; /* below 0x80 while the word is ASCII */
        const fl_char_forms *c = &chars[cp];
        if (c->state != FL_CHAR_ALONE) {
            return false;
        }
        o = fl__char_put(d, o, c->fold, c->fold_len);
        each_same &= c->same;
    }
    if (high < 0x80) {
        return false; /* ASCII: fl__fold_token_pair's own loop, not the table */
    }
    *fold_len = o;
    *exact_len = exact ? o : 0;
    *same = true;
    if (exact && !each_same) {
        /* the exact form after the folded one (the characters are known good now: through
         * fl__char_step's tests again, 94.3 against 94.2 instructions a token at 1,000 terms) */
        size_t x = o;
        for (size_t p = 0; p < len;) {
            size_t cp = s[p];
            if (cp >= 0x80) {
                cp = fl__two_byte_cp(s + p);
                p++;
            }
            p++;
            x = fl__char_put(d, x, chars[cp].exact, chars[cp].exact_len);
        }
        *exact_len = x - o;
        *same = x - o == o && memcmp(d, d + o, o) == 0;
    }
    return true;
}

/* Labels token i, neither simple nor one_symbol: folds it by fl__fold_token_pair (in two
 * passes, an ascii_word with 16 bytes readable up to text_end by word) into res->folded (at
 * its len), hashes its form and finds its exact and wildcard labels, and (one pass) looks it
 * up, or (two passes) asks the memory for its slot. */
FL_ALWAYS_INLINE static inline fl_status label_other(const fl_lexicon *lex, const uint8_t *text,
                                                     size_t text_end, fl_result *res, size_t i,
                                                     const bool one_pass) {
    const fl_token *toks = res->tokens.data;
    fl_tokinfo *k = (fl_tokinfo *)res->infos.data + i;
    uint8_t *starts = res->starts.data;
    const bool exact = lex->has_exact;
    const bool wild = lex->wild_kinds != 0;
    size_t at = res->folded.len;
    fl_status st;
    const uint8_t *s = text + toks[i].start;
    size_t len = toks[i].end - toks[i].start;
    size_t fold_len;
    size_t exact_len;
    bool same;
    k->id_exact = FL_NO_ID;
    k->wild_n = 0;
    uint64_t w;
    uint64_t upper;
    if (!one_pass && toks[i].start + 16 <= text_end &&
        ascii_word(s, len, toks[i].kind, &w, &upper)) {
        /* fl__fold_token_pair's forms of it (ascii_word), written by word; the pass's
         * loop in two passes, where simple_run takes them in one */
        if (res->folded.cap - at < 32 &&
            (st = fl__vec_reserve(&res->alloc, &res->folded, 1, at + 32)) != FL_OK) {
            return st;
        }
        uint8_t *d = (uint8_t *)res->folded.data + at;
        fl__store_le64(d, w | (upper >> 2));
        fl__store_le64(d + len, w);
        fold_len = len;
        exact_len = exact ? len : 0;
        same = !exact || upper == 0;
        res->folded.len = at + fold_len + exact_len;
    } else if (toks[i].kind == FL_TOKEN_PUNCT && s[0] == '-' && res->folded.cap - at >= 18) {
        /* a dash between spaces, " -" in both forms as fl__fold_token_pair gives it (the
         * exact form: the folded one, same); about one token in 500 of PolNeAR */
        memcpy((uint8_t *)res->folded.data + at, fl__dash_form(), FL_DASH_FORM_LEN);
        fold_len = FL_DASH_FORM_LEN;
        exact_len = exact ? FL_DASH_FORM_LEN : 0;
        same = true;
    } else if (toks[i].kind != FL_TOKEN_PUNCT && res->fold_cache != NULL &&
               (one_pass || (unsigned)(s[0] - 0xC2) < 0xE0 - 0xC2) &&
               table_forms(res, s, len, exact, at, &fold_len, &exact_len, &same)) {
        /* fl__fold_token_pair's forms, from the table (the exact form: the folded one when
         * same); in two passes only for a word that starts with a two-byte character: there
         * the ASCII-first ones include every word with a curly apostrophe (apos_look's, in one
         * pass), which it would scan for nothing (PolNeAR at 100,000 terms: 130.7 against
         * 130.2 instructions a token) */
    } else if ((st = fl__fold_token_pair(&res->alloc, &res->scratch, &res->fold_cache, s, len,
                                         toks[i].kind, exact, &res->folded, &fold_len, &exact_len,
                                         &same)) != FL_OK) {
        return st;
    }
    /* 16 readable bytes after the form, for its hash's words and (one pass) its head and tail */
    if (res->folded.cap - at < fold_len + 16 &&
        (st = fl__vec_reserve(&res->alloc, &res->folded, 1, at + fold_len + 16)) != FL_OK) {
        return st;
    }
    const uint8_t *f = fl__vec_bytes(&res->folded, at);
    uint32_t hash = hash_form(f, fold_len);
    /* the exact form follows the folded one until the next token overwrites it (when
     * same, it is the folded one: table_forms writes no copy): what needs it is done now
     * (the wildcard labels of a token that is not simple too, so that each token's labels
     * stay together) */
    const uint8_t *e = !exact ? NULL : same ? f : f + fold_len;
    if (exact && !same) {
        k->id_exact = fl__exact_find_fast(lex, e, exact_len);
    }
    if (wild && wild_may_have(lex, f, fold_len, e, exact_len) &&
        (st = wild_labels(lex, res, k, f, fold_len, e, exact_len)) != FL_OK) {
        return st;
    }
    res->folded.len = at + fold_len;
    if (FL_UNLIKELY(fold_len > UINT32_MAX)) {
        return FL_ERR_LIMIT;
    }
    k->fold_off = at;
    k->fold_len = (uint32_t)fold_len;
    k->hash_fold = hash;
    k->same = same;
    size_t slot = fl__vocab_first(hash, lex->vocab_mask);
    if (one_pass) {
        size_t capped = fold_len < FL_VOCAB_LEN_CAP ? fold_len : FL_VOCAB_LEN_CAP;
        uint64_t head = (fl__load_le64(f) & HEAD_MASK[capped]) | ((uint64_t)capped << 56);
        uint64_t tail = fl__load_le64(f + FL_VOCAB_HEAD) & TAIL_MASK[capped];
        const look_ctx c = look_ctx_of(lex);
        if ((st = look_one(lex, &c, text, res, &toks[i], k, f, fold_len, hash, head, tail, slot,
                           same, false, NULL, &starts[i], exact, false)) != FL_OK) {
            return st;
        }
    } else {
        __builtin_prefetch(&lex->vocab_slots[slot]);
        /* the slot, for the lookup below: root is free until first_step sets it */
        k->root = (uint32_t)slot;
    }
    return FL_OK;
}

/* label_other in one pass, for simple_run, which then goes on with the run: room after the
 * form for the folded forms of the tokens up to text_end and the word stores' 16 bytes. */
static FL_NOINLINE fl_status label_other_in_run(const fl_lexicon *lex, const uint8_t *text,
                                                size_t text_end, fl_result *res, size_t i) {
    fl_status st = label_other(lex, text, text_end, res, i, true);
    size_t need = res->folded.len + (text_end - ((const fl_token *)res->tokens.data)[i].end) + 16;
    if (st == FL_OK && res->folded.cap < need) {
        st = fl__vec_reserve(&res->alloc, &res->folded, 1, need);
    }
    return st;
}

/* fold_simple_look's loop over the tokens from *i_io to end: the run of simple and
 * one_symbol tokens from *i_io, or (far) all of them, the others by label_other_in_run
 * (fewer runs: each costs a call and its setup). */
FL_ALWAYS_INLINE static inline fl_status simple_run(const fl_lexicon *lex, const uint8_t *text,
                                                    size_t text_end, fl_result *res, size_t *i_io,
                                                    size_t end, size_t *at_io, const bool far,
                                                    const bool exact) {
    const look_ctx c = look_ctx_of(lex);
    const fl_token *toks = res->tokens.data;
    const fl_token *tok = toks + *i_io;
    const fl_token *tok_end = toks + end;
    fl_tokinfo *k = (fl_tokinfo *)res->infos.data + *i_io;
    uint8_t *start = (uint8_t *)res->starts.data + *i_io;
    uint8_t *fdata = res->folded.data;
    size_t at = *at_io;
    fl_status st = FL_OK;
    for (; tok < tok_end; tok++, k++, start++) {
        if (k->simple) {
            st = fold_look(lex, &c, text, text_end, res, tok, k, fdata, &at, start, far, exact);
        } else if (one_symbol(text, tok)) {
            st = symbol_look(lex, &c, text, res, tok, k, fdata, &at, start, exact);
        } else if (!far) {
            break;
        } else if (text[tok->start] < 0x80
                       ? ascii_look(lex, &c, text, res, tok, k, fdata, &at, start, exact, &st) ||
                             apos_look(lex, &c, text, res, tok, k, fdata, &at, start, exact, &st)
                   : text[tok->start] == 0xE2
                       ? punct_look(lex, &c, text, res, tok, k, fdata, &at, start, exact, &st) ||
                             apos_look(lex, &c, text, res, tok, k, fdata, &at, start, exact, &st)
                       : false) {
            /* labelled without fl__fold_token_pair (none of them takes a token whose first
             * byte is neither ASCII nor that of U+2000..U+2FFF: a Cyrillic or accented word) */
        } else {
            res->folded.len = at;
            st = label_other_in_run(lex, text, text_end, res, (size_t)(tok - toks));
            fdata = res->folded.data; /* moved, maybe */
            at = res->folded.len;
        }
        if (st != FL_OK) {
            break;
        }
    }
    *at_io = at;
    *i_io = (size_t)(tok - toks);
    return st;
}

/* simple_run with far for a lexicon with exact labels and one without, compiled apart. */
static FL_NOINLINE fl_status far_run_exact(const fl_lexicon *lex, const uint8_t *text,
                                           size_t text_end, fl_result *res, size_t *i_io,
                                           size_t end, size_t *at_io) {
    return simple_run(lex, text, text_end, res, i_io, end, at_io, true, true);
}
static FL_NOINLINE fl_status far_run_caseless(const fl_lexicon *lex, const uint8_t *text,
                                              size_t text_end, fl_result *res, size_t *i_io,
                                              size_t end, size_t *at_io) {
    return simple_run(lex, text, text_end, res, i_io, end, at_io, true, false);
}

/* fl__label_tokens in one pass over the run of simple and one_symbol tokens from token
 * *i_io: fold_look or symbol_look on each. The tokens before far_end have 16 readable bytes
 * from their start. res->folded has room for the run's text and 16 bytes more from *at_io. */
static fl_status fold_simple_look(const fl_lexicon *lex, const uint8_t *text, size_t text_end,
                                  size_t far_end, fl_result *res, size_t *i_io, size_t *at_io) {
    fl_status st = FL_OK;
    if (*i_io < far_end) {
        st = lex->has_exact ? far_run_exact(lex, text, text_end, res, i_io, far_end, at_io)
                            : far_run_caseless(lex, text, text_end, res, i_io, far_end, at_io);
        if (st != FL_OK || *i_io < far_end) {
            return st;
        }
    }
    return simple_run(lex, text, text_end, res, i_io, res->tokens.len, at_io, false,
                      lex->has_exact);
}

/*
 * Labels the tokens of the text, in two passes over them or in one. In two, the first folds
 * each token into res->folded and hashes its form, and asks the memory for the vocabulary
 * slot the lookup will read; the second looks the forms up (and takes the first step of the
 * matcher's walks, first_step). Lookups miss the cache once the vocabulary outgrows it, and
 * in one pass each miss stalled the next token's work; with the slots asked for a few
 * hundred tokens ahead the misses overlap. In one pass (one_pass), for a table that stays in
 * cache, each token is looked up right after its fold, and what the second pass would read
 * back is still in registers.
 */
FL_ALWAYS_INLINE static inline fl_status label_tokens(const fl_lexicon *lex, const uint8_t *text,
                                                      fl_result *res, const bool one_pass) {
    size_t n = res->tokens.len;
    const fl_token *toks = res->tokens.data;
    fl_tokinfo *infos = res->infos.data;
    /* 8 bytes may be read from a token's start up to here */
    const size_t text_end = n > 0 ? toks[n - 1].end : 0;
    res->folded.len = 0;
    res->wild.len = 0;
    fl_status st;
    /* a start byte per token and 8 zero bytes after them, for fl__match's scans */
    if ((st = fl__vec_reserve(&res->alloc, &res->starts, 1, n + 8)) != FL_OK) {
        return st;
    }
    uint8_t *starts = res->starts.data;
    memset(starts + n, 0, 8);
    res->starts.len = n;
    /* the tokens before far_end have 16 readable bytes from their start */
    size_t far_end = n;
    while (far_end > 0 && toks[far_end - 1].start + 16 > text_end) {
        far_end--;
    }
    for (size_t i = 0; i < n;) {
        fl_tokinfo *k = &infos[i];
        size_t at = res->folded.len;
        if (k->simple || one_symbol(text, &toks[i])) {
            /* the run of simple and one_symbol tokens from here, in fold_simple's loop or
             * fold_simple_look's; room for their folded forms (no longer than their text)
             * and the word stores' 16 bytes */
            size_t need = at + (text_end - toks[i].start) + 16;
            if (res->folded.cap < need &&
                (st = fl__vec_reserve(&res->alloc, &res->folded, 1, need)) != FL_OK) {
                return st;
            }
            if (!one_pass) {
                i = fold_simple(lex, text, text_end, toks, infos, i, far_end, n, res->folded.data,
                                &at);
            } else if ((st = fold_simple_look(lex, text, text_end, far_end, res, &i, &at)) !=
                       FL_OK) {
                return st;
            }
            res->folded.len = at;
            continue;
        }
        if ((st = label_other(lex, text, text_end, res, i, one_pass)) != FL_OK) {
            return st;
        }
        i++;
    }
    /* 16 readable bytes after every folded form, for the heads and tails below */
    if (!one_pass &&
        ((st = fl__vec_reserve(&res->alloc, &res->folded, 1, res->folded.len + 16)) != FL_OK ||
         (st = (lex->has_exact ? look_up_exact : look_up_caseless)(lex, text, res)) != FL_OK)) {
        return st;
    }
    /* A walk from a token with FL_START_STEP ends at its first node unless the next token's
     * folded label leads on from it: no walk starts there, and fl__match's scan passes it.
     * A next token with FL_START_NO_STEP_ON (most words are in no term, and most labels
     * follow no such node) decides it from the start bytes alone, eight tokens at a time (byte
     * j of w is token i + j's, of after token i + j + 1's; the 8 zero bytes after the last
     * token give it none); one without, the edge bitmap (big_may_have, which holds the edges
     * of every node with FL_ROOT_FOLD_STEP). */
    _Static_assert(FL_START_TERM == 1 && FL_START_STEP == 4 && FL_START_NO_STEP_ON == 32,
                   "the shifts below bring STEP and NO_STEP_ON to TERM's bit");
    const uint64_t ones = 0x0101010101010101ULL;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = fl__load_le64(starts + i);
        uint64_t step = (w >> 2) & ones;
        uint64_t no_on = (fl__load_le64(starts + i + 1) >> 5) & ones;
        uint64_t ends = step & no_on;
        for (uint64_t ask = step & ~no_on; ask != 0; ask &= ask - 1) {
            unsigned j = (unsigned)__builtin_ctzll(ask) / 8;
            size_t at = i + j;
            if (at + 1 >= n ||
                !big_may_have(lex, fl__hash_edge64(infos[at].root, infos[at + 1].id_fold << 2))) {
                ends |= (uint64_t)1 << (8 * j);
            }
        }
        fl__store_le64(starts + i, w & ~(ends * FL_START_TERM));
    }
    return FL_OK;
}

/* label_tokens with each value of one_pass, compiled apart: each loop has the registers to
 * itself. */
static FL_NOINLINE fl_status label_one_pass(const fl_lexicon *lex, const uint8_t *text,
                                            fl_result *res) {
    return label_tokens(lex, text, res, true);
}
static FL_NOINLINE fl_status label_two_passes(const fl_lexicon *lex, const uint8_t *text,
                                              fl_result *res) {
    return label_tokens(lex, text, res, false);
}

fl_status fl__label_tokens_with(const fl_lexicon *lex, const uint8_t *text, fl_result *res,
                                bool one_pass) {
    return one_pass ? label_one_pass(lex, text, res) : label_two_passes(lex, text, res);
}

/* The most vocabulary slots for which fl__label_tokens takes one pass: a table of up to 1 MB
 * (32-byte slots). On a machine with 2 MB of L2 cache a core (wall time, alternating runs on
 * a loaded machine), the label stage in one pass was a tenth faster than in two at 1,000
 * terms, a little faster at 10,000 (a table of 1 MB), and a seventh slower at 100,000 (4 MB),
 * where the lookups' cache misses no longer overlap. */
#define ONE_PASS_SLOTS ((size_t)1 << 15)

fl_status fl__label_tokens(const fl_lexicon *lex, const uint8_t *text, fl_result *res) {
    return fl__label_tokens_with(lex, text, res, lex->vocab_mask < ONE_PASS_SLOTS);
}

/* The child of compiled node nid (nd) along label, or 0: a scan of a short run of
 * children, one probe of the big-node edge table for a long one. */
static inline uint32_t kid_find(const fl_lexicon *lex, uint32_t nid, const fl_node *nd,
                                uint32_t label) {
    if (nd->n_kids > FL_BIG_NODE) {
        uint64_t h = fl__hash_edge64(nid, label);
        if (!big_may_have(lex, h)) {
            return 0;
        }
        for (size_t j = (uint32_t)h & lex->big_mask;; j = (j + 1) & lex->big_mask) {
            const fl_edge_slot *e = &lex->big_edges[j];
            if (e->child == 0 || (e->parent == nid && e->label == label)) {
                return e->child;
            }
        }
    }
    const uint32_t *l = lex->kid_labels + nd->first_kid;
    for (size_t k = 0, n = nd->n_kids; k < n; k++) {
        if (l[k] >= label) {
            return l[k] == label ? lex->kid_nodes[nd->first_kid + k] : 0;
        }
    }
    return 0;
}

/* The child of node (index nid) along label, or 0. */
static inline uint32_t child_of(const fl_lexicon *lex, uint32_t nid, const fl_node *nd,
                                uint32_t label) {
    return nid == 0 ? root_kid(lex, label) : kid_find(lex, nid, nd, label);
}

/* Children of node reachable through token info k: pushes (child, pos + 1), in the order
 * folded, exact, folded wildcards, exact wildcards. excl: only children below which an
 * exclusion ends. */
static fl_status expand(const fl_lexicon *lex, fl_result *res, uint32_t nid, uint32_t pos,
                        const fl_tokinfo *k, bool excl) {
    const fl_node *nodes = lex->nodes.data;
    const fl_node *nd = &nodes[nid];
    unsigned kinds = nid == 0 ? lex->root_kinds : nd->kid_kinds;
    fl_status st;
    uint32_t child;
    if ((kinds & (1u << FL_EDGE_FOLD)) && k->id_fold != FL_NO_ID &&
        (child = child_of(lex, nid, nd, (k->id_fold << 2) | FL_EDGE_FOLD)) != 0 &&
        (!excl || nodes[child].excl_below) && (st = push(res, child, pos + 1)) != FL_OK) {
        return st;
    }
    if ((kinds & (1u << FL_EDGE_EXACT)) && k->id_exact != FL_NO_ID &&
        (child = child_of(lex, nid, nd, (k->id_exact << 2) | FL_EDGE_EXACT)) != 0 &&
        (!excl || nodes[child].excl_below) && (st = push(res, child, pos + 1)) != FL_OK) {
        return st;
    }
    if (k->wild_n > 0 && (kinds >> FL_EDGE_WILD_FOLD) != 0) {
        const uint32_t *w = (const uint32_t *)res->wild.data + k->wild_first;
        for (uint32_t j = 0; j < k->wild_n; j++) {
            if (!(kinds & (1u << (w[j] & 3)))) {
                continue;
            }
            if ((child = child_of(lex, nid, nd, w[j])) != 0 && (!excl || nodes[child].excl_below) &&
                (st = push(res, child, pos + 1)) != FL_OK) {
                return st;
            }
        }
    }
    return FL_OK;
}

/* Marks every exclusion occurrence that starts at token i into diff, a difference array
 * over the sentence's tokens [a, b]. */
static fl_status mark_exclusions_at(const fl_lexicon *lex, fl_result *res, uint32_t a, uint32_t b,
                                    uint32_t i, int32_t *diff) {
    const fl_tokinfo *infos = res->infos.data;
    res->stack.len = 0;
    fl_status st = push(res, 0, i);
    if (st != FL_OK) {
        return st;
    }
    while (res->stack.len > 0) {
        walk_item w = FL_VEC_AT(res->stack, walk_item, --res->stack.len);
        if (w.pos > i && FL_VEC_AT(lex->nodes, fl_node, w.node).exclusion) {
            diff[i - a] += 1;
            diff[w.pos - a] -= 1;
        }
        if (w.pos >= b || w.pos - i >= lex->max_depth) {
            continue;
        }
        if ((st = expand(lex, res, w.node, w.pos, &infos[w.pos], true)) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

typedef struct best {
    uint32_t len;
    uint32_t node;
} best;

/* Is candidate node c (length len) better than the best so far? */
static bool better(const fl_lexicon *lex, uint32_t len, uint32_t c, const best *b) {
    if (b->len == 0 || len != b->len) {
        return len > b->len;
    }
    const fl_node *x = &FL_VEC_AT(lex->nodes, fl_node, c);
    const fl_node *y = &FL_VEC_AT(lex->nodes, fl_node, b->node);
    if (x->n_wild != y->n_wild) {
        return x->n_wild < y->n_wild;
    }
    if (x->n_exact != y->n_exact) {
        return x->n_exact > y->n_exact;
    }
    if (x->wild_bytes != y->wild_bytes) {
        return x->wild_bytes > y->wild_bytes; /* "aggress*" over "aggr*" */
    }
    fl_entry ex = FL_VEC_AT(lex->entries, fl_entry, x->entry - 1);
    fl_entry ey = FL_VEC_AT(lex->entries, fl_entry, y->entry - 1);
    return ex.term < ey.term;
}

/* The best term occurrence starting at token i of the sentence [a, b): every path through
 * the trie, depth first (a token may continue along several edges: folded, exact and
 * wildcard labels). */
static fl_status walk_all(const fl_lexicon *lex, fl_result *res, uint32_t i, uint32_t a, uint32_t b,
                          const int32_t *covered, best *bst) {
    const fl_tokinfo *infos = res->infos.data;
    fl_status st;
    res->stack.len = 0;
    if ((st = push(res, 0, i)) != FL_OK) {
        return st;
    }
    while (res->stack.len > 0) {
        walk_item w = FL_VEC_AT(res->stack, walk_item, --res->stack.len);
        uint32_t len = w.pos - i;
        if (len > 0 && FL_VEC_AT(lex->nodes, fl_node, w.node).entry != 0 &&
            better(lex, len, w.node, bst)) {
            bst->len = len;
            bst->node = w.node;
        }
        if (w.pos >= b || len >= lex->max_depth || (covered != NULL && covered[w.pos - a] != 0)) {
            continue;
        }
        if ((st = expand(lex, res, w.node, w.pos, &infos[w.pos], false)) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

/* The same when the path is a single chain of folded labels from root child c (most
 * walks): follows it while each step has one way on. Returns false when a step could go
 * several ways (an exact or wildcard edge the token may take), and walk_all must decide. */
static bool walk_chain(const fl_lexicon *lex, const fl_tokinfo *infos, uint32_t c, uint32_t i,
                       uint32_t a, uint32_t b, const int32_t *covered, best *bst) {
    const fl_node *nodes = lex->nodes.data;
    const unsigned others = (1u << FL_EDGE_EXACT);
    const unsigned wilds = (1u << FL_EDGE_WILD_FOLD) | (1u << FL_EDGE_WILD_EXACT);
    uint32_t node = c;
    uint32_t pos = i + 1;
    if (nodes[c].entry != 0) {
        bst->len = 1;
        bst->node = c;
    }
    while (pos < b && pos - i < lex->max_depth && (covered == NULL || covered[pos - a] == 0)) {
        const fl_node *nd = &nodes[node];
        if (nd->n_kids == 0) {
            break;
        }
        const fl_tokinfo *k = &infos[pos];
        if (((nd->kid_kinds & others) && k->id_exact != FL_NO_ID) ||
            ((nd->kid_kinds & wilds) && k->wild_n > 0)) {
            return false;
        }
        uint32_t next;
        if (!(nd->kid_kinds & (1u << FL_EDGE_FOLD)) || k->id_fold == FL_NO_ID ||
            (next = kid_find(lex, node, nd, k->id_fold << 2)) == 0) {
            break;
        }
        node = next;
        pos++;
        if (nodes[next].entry != 0) {
            bst->len = pos - i; /* longer than any found before on the chain */
            bst->node = next;
        }
    }
    return true;
}

/* The first token at or after i and before b whose start byte has `bit`, or b: eight bytes at
 * a time (starts has 8 zero bytes after the last token, so a read never passes its end). */
static inline uint32_t next_start(const uint8_t *starts, uint32_t i, uint32_t b, uint8_t bit) {
    const uint64_t mask = 0x0101010101010101ULL * bit;
    while (i < b) {
        uint64_t w = fl__load_le64(starts + i) & mask;
        if (w != 0) {
            uint32_t at = i + (uint32_t)(__builtin_ctzll(w) / 8);
            return at < b ? at : b;
        }
        i += 8;
    }
    return b;
}

fl_status fl__match(const fl_lexicon *lex, fl_result *res) {
    size_t ns = res->sentences.len;
    const fl_token *toks = res->tokens.data;
    fl_tokinfo *infos = res->infos.data;
    fl_status st;
    /* the first step of every walk (k->root, starts) was taken by
     * fl__label_tokens */
    const uint8_t *starts = res->starts.data;
    for (size_t si = 0; si < ns; si++) {
        fl_sentence *sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        uint32_t a = sent->first_token;
        uint32_t b = a + sent->n_tokens_all;
        sent->first_match = (uint32_t)res->matches.len;
        sent->n_matches = 0;
        sent->score = 0.0;
        int32_t *covered = NULL;
        if (lex->has_exclusions) {
            uint32_t first = next_start(starts, a, b, FL_START_EXCL);
            if (first < b) {
                res->cover.len = 0;
                if ((st = fl__vec_append(&res->alloc, &res->cover, sizeof(int32_t), NULL,
                                         (size_t)(b - a) + 1)) != FL_OK) {
                    return st;
                }
                covered = res->cover.data;
                for (uint32_t i = first; i < b; i++) {
                    if ((starts[i] & FL_START_EXCL) &&
                        (st = mark_exclusions_at(lex, res, a, b, i, covered)) != FL_OK) {
                        return st;
                    }
                }
                int32_t run = 0;
                for (uint32_t i = 0; i <= b - a; i++) {
                    run += covered[i];
                    covered[i] = run; /* > 0: inside an exclusion occurrence */
                }
            }
        }
        uint32_t i = a;
        while ((i = next_start(starts, i, b, FL_START_TERM)) < b) { /* most tokens start none */
            if (covered != NULL && covered[i - a] != 0) {
                i++;
                continue;
            }
            const fl_tokinfo *k = &infos[i];
            uint32_t c = k->root;
            bool other = (starts[i] & FL_START_MORE) != 0;
            if (starts[i] & FL_START_STEP) { /* not with FL_START_MORE */
                /* walk_chain's first step, before it reads the rest of node c: no term ends
                 * at c, so a match needs the next token's folded label to lead on from it.
                 * fl__label_tokens took the start away where the next token has none or the
                 * edge bitmap rules its label out; what the bitmap let through by mistake
                 * ends here, at c's own children, without a walk. */
                uint32_t p = i + 1;
                if (p >= b || lex->max_depth < 2 || (covered != NULL && covered[p - a] != 0) ||
                    infos[p].id_fold == FL_NO_ID ||
                    kid_find(lex, c, &FL_VEC_AT(lex->nodes, fl_node, c), infos[p].id_fold << 2) ==
                        0) {
                    i++;
                    continue;
                }
            }
            best bst = {0, 0};
            if (other || !walk_chain(lex, infos, c, i, a, b, covered, &bst)) {
                bst.len = 0;
                bst.node = 0;
                if ((st = walk_all(lex, res, i, a, b, covered, &bst)) != FL_OK) {
                    return st;
                }
            }
            if (bst.len == 0) {
                i++;
                continue;
            }
            uint32_t entry = FL_VEC_AT(lex->nodes, fl_node, bst.node).entry - 1;
            fl_entry e = FL_VEC_AT(lex->entries, fl_entry, entry);
            uint32_t term = e.term;
            fl_match m = {0};
            m.start = toks[i].start;
            m.end = toks[i + bst.len - 1].end;
            m.cp_start = toks[i].cp_start;
            m.cp_end = toks[i + bst.len - 1].cp_end;
            m.term = term;
            m.spelling = (uint32_t)(e.variant + 1);
            m.sentence = (uint32_t)si;
            m.first_token = i;
            m.n_tokens = bst.len;
            m.voice = FL_VOICE_AUTHOR;
            if ((st = fl__vec_push(&res->alloc, &res->matches, sizeof(fl_match), &m)) != FL_OK) {
                return st;
            }
            sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
            sent->n_matches++;
            sent->score += FL_VEC_AT(lex->terms, fl_lex_term, term).weight;
            i += bst.len;
        }
    }
    return FL_OK;
}
