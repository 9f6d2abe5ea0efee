/* voice.h: what the voice stage's files share (context.c, quotes.c, attribution*.c): the
 * state of one reading and small tests of a token. Internal; never installed. */
/* SPDX-License-Identifier: MIT */
#ifndef FL_VOICE_H
#define FL_VOICE_H

#include "internal.h"

#include <string.h>

/* Cue words per sentence whose verb group is kept once found (a sentence has a few). */
enum { CUE_VG_MEMO = 32 };

typedef struct ctx {
    const fl_lexicon *lex;
    fl_result *res;
    const uint8_t *text;
    const fl_token *t;
    const fl_tokinfo *k;
    fl_vtok *v;
    /* res->folded's bytes (fl__vec_bytes(&res->folded, 0)), read once: no stage after the
     * labels appends to them, and folded_is() runs on most tokens the rules look at */
    const uint8_t *folded;
    size_t n;
    uint8_t naming; /* the content being marked is that of a naming verb */
    size_t n_words; /* word tokens in the text */
    size_t carry_end; /* a speaker's paragraph ("FALLIN: …") is content up to here */
    /* the cue words of the sentence being read (res->cue_tokens), and verb_group_start() of
     * the first CUE_VG_MEMO of them, UINT32_MAX until asked (attribution.h, cue_verb_group()) */
    const uint32_t *cues;
    uint32_t cue_vg[CUE_VG_MEMO];
} ctx;

/* The sentence being read: tokens [a, b); last is its last word-like token (SIZE_MAX when
 * it has none). */
typedef struct span {
    size_t a, b;
    size_t last;
    uint32_t index;
} span;

/* Does the sentence have no more words from token j on? */
static inline bool at_end(const span *s, size_t j) {
    return s->last == SIZE_MAX || j > s->last;
}

/* ------------------------------------------------------------------ token tests */

/* Word tokens before token i (i may be n): counts of any range in O(1). */
static inline size_t words_before(const ctx *c, size_t i) {
    return i < c->n ? c->v[i].words_before : c->n_words;
}

/* A cue word's classes, none when it is quoted (a quoted "said" reports nothing). */
static inline uint32_t bits(const ctx *c, size_t i) {
    return c->v[i].said_bits;
}

/* A cue word's classes, quoted or not (fl_vtok keeps only bits()). */
static inline uint32_t cue_bits(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return q != NULL ? q->bits : 0;
}

static inline uint8_t form(const ctx *c, size_t i) {
    return c->v[i].form;
}

static inline bool is_word(const ctx *c, size_t i) {
    return c->t[i].kind == FL_TOKEN_WORD;
}

static inline int32_t punct(const ctx *c, size_t i) {
    return c->v[i].punct;
}

static inline bool is_word_like(const ctx *c, size_t i) {
    uint8_t kind = c->t[i].kind;
    return kind == FL_TOKEN_WORD || kind == FL_TOKEN_CLITIC || kind == FL_TOKEN_HYPHEN;
}

/* The folded form of the token whose label k is (k->fold_len bytes). */
static inline const uint8_t *folded_at(const ctx *c, const fl_tokinfo *k) {
    return c->folded + k->fold_off;
}

/* The folded form of token i equals the len bytes at s. */
static inline bool folded_is_n(const ctx *c, size_t i, const char *s, size_t len) {
    const fl_tokinfo *k = &c->k[i];
    return k->fold_len == len && memcmp(folded_at(c, k), s, len) == 0;
}

/* folded_is_n() of a string of up to 8 bytes whose fl__hash_bytes() is hash: the token's
 * hash (fl_tokinfo.hash_fold, the labels' hash of its folded form) first. Equal strings have
 * equal hashes, so the answer is the same; but the hash almost never agrees, a branch the
 * predictor gets right, where the length agreed on a coin toss (callgrind: 128,000 of the
 * voice stage's 1.2 million mispredicted branches were that length test). */
static inline bool folded_is_hashed(const ctx *c, size_t i, const char *s, size_t len,
                                    uint32_t hash) {
    const fl_tokinfo *k = &c->k[i];
    return k->hash_fold == hash && k->fold_len == len && memcmp(folded_at(c, k), s, len) == 0;
}

/* Byte j of the string literal s as bits 8j.. of a word (0 past its end): the little-endian
 * word fl__hash_short() takes, computed when compiling. The index stays inside s. */
#define FOLDED_BYTE(s, j)                                                                          \
    ((j) < sizeof(s) - 1 ? (uint64_t)(uint8_t)(s)[(j) < sizeof(s) - 1 ? (j) : 0] << (8 * (j)) : 0)
#define FOLDED_WORD(s)                                                                             \
    (FOLDED_BYTE(s, 0) | FOLDED_BYTE(s, 1) | FOLDED_BYTE(s, 2) | FOLDED_BYTE(s, 3) |               \
     FOLDED_BYTE(s, 4) | FOLDED_BYTE(s, 5) | FOLDED_BYTE(s, 6) | FOLDED_BYTE(s, 7))

/* The folded form of token i equals the string literal s. A macro so that the length is known
 * when compiling: where the compiler chose not to inline the function, a strlen() of the literal
 * ran on every call (the "" makes anything but a literal a compile error). A literal of up to 8
 * bytes is tested by its hash first (folded_is_hashed()), which the compiler folds to a
 * constant. */
#define folded_is(c, i, s)                                                                         \
    (sizeof(s) - 1 <= 8 ? folded_is_hashed((c), (i), "" s, sizeof(s) - 1,                          \
                                           fl__hash_short(FOLDED_WORD(s), sizeof(s) - 1))          \
                        : folded_is_n((c), (i), "" s, sizeof(s) - 1))

/* A word that ends in "n't" ("didn't"): a negation. Its kind read last: the folded form
 * rules out almost every token, and the kind is in another array. */
static inline bool ends_with_nt(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    const uint8_t *f = folded_at(c, k);
    return k->fold_len > 3 && memcmp(f + k->fold_len - 3, "n't", 3) == 0 &&
           c->t[i].kind == FL_TOKEN_WORD;
}

enum { FAMILY_NONE = -1, FAMILY_DOUBLE = 0, FAMILY_SINGLE = 1 };

/* 1 + family() of the code points below U+0100 and of U+2000..U+203F (quotes.c) */
FL_HIDDEN extern const uint8_t fl__family_latin1[256];
FL_HIDDEN extern const uint8_t fl__family_general[64];

/* The family of quotation mark cp: FAMILY_DOUBLE for " “ ” „ « » ‹ ›, FAMILY_SINGLE for
 * ' ‘ ’ ‚, else FAMILY_NONE. A load, where a switch over the marks took a tree of
 * comparisons at each use. */
static inline int family(int32_t cp) {
    uint32_t u = (uint32_t)cp;
    if (u < 0x100u) {
        return fl__family_latin1[u] - 1;
    }
    u -= 0x2000u;
    return u < 0x40u ? fl__family_general[u] - 1 : FAMILY_NONE;
}

/* What punctuation tells context.c: PUNCT_QUOTE, a quotation mark or '`' (`` opens a
 * quotation too); PUNCT_COLON_DASH, ':' or a dash (is_dash_cp()) (both for sentence_cues);
 * PUNCT_CLAUSE, a mark a negation does not reach over (, ; : ( ) — – and the quotation
 * marks). */
enum { PUNCT_QUOTE = 1, PUNCT_COLON_DASH = 2, PUNCT_CLAUSE = 4 };

/* punct_class() of the code points below U+0100 and of U+2000..U+203F (quotes.c) */
FL_HIDDEN extern const uint8_t fl__punct_latin1[256];
FL_HIDDEN extern const uint8_t fl__punct_general[64];

/* PUNCT_* of cp */
static inline unsigned punct_class(int32_t cp) {
    uint32_t u = (uint32_t)cp;
    if (u < 0x100u) {
        return fl__punct_latin1[u];
    }
    u -= 0x2000u;
    return u < 0x40u ? fl__punct_general[u] : 0;
}

/* '-' or U+2012..U+2015 (figure dash, en dash, em dash, horizontal bar): one range test for
 * the four */
static inline bool is_dash_cp(int32_t cp) {
    return cp == '-' || (uint32_t)cp - 0x2012u <= 3u;
}

/* A closing quotation mark (one that ended a quotation). */
static inline bool is_closing_quote(const ctx *c, size_t i) {
    return c->v[i].opened != UINT32_MAX;
}

/* A short quotation, a candidate scare quote: its opening and closing marks. */
typedef struct scare {
    uint32_t open, close;
} scare;

/* quotes.c: marks quoted tokens and closing marks (fl_vtok.quoted, .opened) of the whole
 * text and appends short quotations to scares. It reads the tokens of marks, in decreasing
 * order (from its end): context.c lists the punctuation tokens of PUNCT_QUOTE, the only
 * tokens at which anything happens; a list of every token gives the same answer. */
FL_HIDDEN fl_status fl__find_quotes(ctx *c, fl_vec *scares, const uint32_t *marks, size_t n_marks);

/* attribution.c: finds the attributions of sentence s, gives its tokens their roles
 * (fl_vtok.role) and appends the records to c->res->attributions. Every rule starts from a
 * word with one of the ATTRIBUTION_CUES bits, a colon or a dash (headlines, datelines), or a
 * speaker's paragraph that goes on (ctx.carry_end): a sentence with none of them holds no
 * attribution, and context.c does not call this for it. A new rule that starts elsewhere
 * must widen that test. */
FL_HIDDEN fl_status fl__attributions(ctx *c, const span *s);

#define ATTRIBUTION_CUES                                                                           \
    (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE | FL_W_SEEM |          \
     FL_W_ACCORDING | FL_W_NOUN_CUE | FL_W_QUOTE_VERB)

enum { TITLE_UNKNOWN = 0, TITLE_NO = 1, TITLE_YES = 2 };

/* What one sentence holds, gathered as its tokens are first read (context.c, which writes
 * every field). */
typedef struct sentence_cues {
    uint32_t bits; /* the FL_W_* bits of its words, or-ed */
    /* the punct_class() bits of its punctuation tokens, or-ed: PUNCT_COLON_DASH when a colon
     * or a dash (not a hyphen) stands in it, PUNCT_QUOTE when a quotation mark does */
    uint8_t classes;
    uint8_t title; /* TITLE_*: in title case (a capital tells no name); attribution_headlines.c */
    /* a closing quotation mark in it pairs with one before its first token (quotes.c) */
    uint8_t closes_earlier;
    /* its tokens with an ATTRIBUTION_CUES bit: res->cue_tokens[first_cue, first_cue + n_cues)
     * (none: first_cue is where the next sentence's cue words start) */
    uint32_t first_cue, n_cues;
} sentence_cues;

/* attribution.c: the public records (res->attr_out) of every attribution in
 * res->attributions (with FL_ATTRIBUTIONS_MATCHED, context.c has kept only the linked ones),
 * with offsets, lemma, voice and the actor the speaker names. */
FL_HIDDEN fl_status fl__publish_attributions(ctx *c);

/* actors.c: finds the mentions of the lexicon's actors (res->mentions, fl_vtok.mention). */
FL_HIDDEN fl_status fl__find_actors(ctx *c);

/* targets.c: sets fl_match.target, the actor each match is said of. */
FL_HIDDEN void fl__targets(ctx *c);

#endif /* FL_VOICE_H */
