/* internal.h: declarations shared by the C core's files; never installed, never public. */
/* SPDX-License-Identifier: MIT */
#ifndef FL_INTERNAL_H
#define FL_INTERNAL_H

#include "framelens.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define FL_HIDDEN __attribute__((visibility("hidden")))
#define FL_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define FL_LIKELY(x) __builtin_expect(!!(x), 1)
#define FL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define FL_NOINLINE __attribute__((noinline))
#define FL_ALWAYS_INLINE __attribute__((always_inline))
#else
#define FL_HIDDEN
#define FL_UNLIKELY(x) (x)
#define FL_LIKELY(x) (x)
#define FL_PRINTF(f, a)
#define FL_NOINLINE
#define FL_ALWAYS_INLINE
#endif

#define FL_NO_ID UINT32_MAX

/* ------------------------------------------------------------------ alloc.c */

/* Copies src (or the C library defaults when src is NULL) into dst. */
FL_HIDDEN void fl__alloc_init(fl_allocator *dst, const fl_allocator *src);
FL_HIDDEN void *fl__malloc(const fl_allocator *a, size_t size);
FL_HIDDEN void *fl__realloc(const fl_allocator *a, void *ptr, size_t size);
FL_HIDDEN void fl__free(const fl_allocator *a, void *ptr);

/* A thread count as the public functions take it: 0 means 1, above FL_MAX_THREADS means that. */
static inline unsigned fl__clamp_threads(unsigned threads) {
    return threads == 0 ? 1 : threads > FL_MAX_THREADS ? FL_MAX_THREADS : threads;
}

/* a * b into *out; false on overflow. */
/* The least power of two that is at least `least` and at least n: the size of an open-
 * addressing table for n entries (callers pass n already scaled to their load factor). */
static inline size_t fl__table_size(size_t n, size_t least) {
    size_t size = least;
    while (size < n) {
        size *= 2;
    }
    return size;
}

static inline bool fl__mul(size_t a, size_t b, size_t *out) {
    if (b != 0 && a > SIZE_MAX / b) {
        return false;
    }
    *out = a * b;
    return true;
}

/* A growable array of fixed-size elements. Growth is failure-atomic: when it fails, the
 * vector is exactly as it was. */
typedef struct fl_vec {
    void *data;
    size_t len; /* elements in use */
    size_t cap; /* elements allocated */
} fl_vec;

/* Makes room for at least `need` elements in total. */
FL_HIDDEN fl_status fl__vec_reserve(const fl_allocator *a, fl_vec *v, size_t elem, size_t need);
/* Appends n elements copied from items (items may be NULL to append zeroed elements). */
FL_HIDDEN fl_status fl__vec_append(const fl_allocator *a, fl_vec *v, size_t elem, const void *items,
                                   size_t n);

/* Appends one element: the hot path of every stage, inlined so that the copy of a
 * compile-time-sized element becomes plain moves. */
static inline fl_status fl__vec_push(const fl_allocator *a, fl_vec *v, size_t elem,
                                     const void *item) {
    if (v->len < v->cap) {
        memcpy((char *)v->data + v->len * elem, item, elem);
        v->len++;
        return FL_OK;
    }
    return fl__vec_append(a, v, elem, item, 1);
}
FL_HIDDEN void fl__vec_free(const fl_allocator *a, fl_vec *v);

#define FL_VEC_AT(v, type, i) (((type *)(v).data)[i])

/* Bytes at offset off of a byte vector; an empty vector (data NULL) gives "" so that no
 * arithmetic is ever done on a null pointer. */
static inline const uint8_t *fl__vec_bytes(const fl_vec *v, size_t off) {
    return v->data != NULL ? (const uint8_t *)v->data + off : (const uint8_t *)"";
}

/* ------------------------------------------------------------------ error.c */

/* Sets err (if not NULL) with a detail message and no position. Returns code. */
FL_HIDDEN fl_status fl__error(fl_error *err, fl_status code, const char *fmt, ...) FL_PRINTF(3, 4);
/* Lexicon errors: with a JSON path ("source: path: detail") ... */
FL_HIDDEN fl_status fl__error_path(fl_error *err, fl_status code, const char *source,
                                   const char *path, const char *fmt, ...) FL_PRINTF(5, 6);
/* ... or with a line and column ("source:line:col: detail"). */
FL_HIDDEN fl_status fl__error_at(fl_error *err, fl_status code, const char *source, uint32_t line,
                                 uint32_t column, size_t offset, const char *detail);
/* ... or with both, when known: "source:line:col: path: detail" (line 0: no place; column
 * 0: the line only, "source:line: path: detail"). item: the failing item's index, or
 * SIZE_MAX. */
FL_HIDDEN fl_status fl__error_place(fl_error *err, fl_status code, const char *source,
                                    fl_place place, const char *path, size_t item, const char *fmt,
                                    ...) FL_PRINTF(7, 8);

/* ------------------------------------------------------------------ utf8.c */

/* Decodes one code point from s[0..len) (len >= 1). Returns the bytes consumed (>= 1) and
 * sets *cp; a maximal invalid subpart is consumed as one U+FFFD, like Python's
 * errors="replace". */
FL_HIDDEN size_t fl__utf8_decode(const uint8_t *s, size_t len, int32_t *cp);
/* fl__utf8_decode with ASCII and valid two-byte sequences (Latin-1, Greek, Cyrillic, ...)
 * decoded here, without the call. */
static inline size_t fl__utf8_decode_fast(const uint8_t *s, size_t len, int32_t *cp) {
    uint8_t b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((int32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    return fl__utf8_decode(s, len, cp);
}
/* Encodes cp (a valid scalar value) into out; returns 1 to 4. */
FL_HIDDEN size_t fl__utf8_encode(int32_t cp, uint8_t out[4]);

/* Character classes used by the tokenizer and segmenter. */
typedef enum fl_cclass {
    FL_C_SPACE,     /* separates tokens */
    FL_C_LETTER,
    FL_C_DIGIT,
    FL_C_MARK,      /* combining mark */
    FL_C_FORMAT,    /* Cf: ignorable inside words */
    FL_C_APOSTROPHE,
    FL_C_HYPHEN,    /* - U+2010 U+2011 U+2012 U+2013 */
    FL_C_OTHER
} fl_cclass;

FL_HIDDEN fl_cclass fl__cclass(int32_t cp);
FL_HIDDEN fl_cclass fl__cclass_by_category(int32_t cp);
FL_HIDDEN extern const uint8_t fl__ascii_class[128];

/* fl__cclass with the ASCII case answered from a table, without a call. */
static inline fl_cclass fl__cclass_fast(int32_t cp) {
    return cp >= 0 && cp < 128 ? (fl_cclass)fl__ascii_class[cp] : fl__cclass(cp);
}
/* The case of a code point: Lu or Lt is upper, Ll lower. ASCII and Cyrillic's basic letters
 * (U+0400..U+045F: capitals, then small letters) are answered here, where most words start,
 * the rest by utf8proc's categories; the tests compare both with utf8proc. */
FL_HIDDEN bool fl__is_upper_by_category(int32_t cp);
FL_HIDDEN bool fl__is_lower_by_category(int32_t cp);
static inline bool fl__is_upper(int32_t cp) {
    if (cp < 0x80) {
        return (unsigned)(cp - 'A') < 26u;
    }
    if ((unsigned)(cp - 0x400) < 0x60u) {
        return cp < 0x430;
    }
    return fl__is_upper_by_category(cp);
}
static inline bool fl__is_lower(int32_t cp) {
    if (cp < 0x80) {
        return (unsigned)(cp - 'a') < 26u;
    }
    if ((unsigned)(cp - 0x400) < 0x60u) {
        return cp >= 0x430;
    }
    return fl__is_lower_by_category(cp);
}
/* Whether s[0..len) starts with a code point of U+0400..U+047F (two bytes, lead 0xD0 or
 * 0xD1): Cyrillic letters all, where most words of Russian or Ukrainian news start and go
 * on (the tests hold fl__cclass to that). */
static inline bool fl__starts_cyrillic_letter(const uint8_t *s, size_t len) {
    return len >= 2 && (s[0] & 0xFE) == 0xD0 && (s[1] & 0xC0) == 0x80;
}
/* Line breaks that the segmenter counts: LF, CR (CRLF once), VT, FF, NEL, LS, PS. */
static inline bool fl__is_newline(int32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

/* ------------------------------------------------------------------ fold.c */

typedef enum fl_fold_mode {
    FL_FOLD_CASELESS, /* case folding, Latin/Greek diacritics stripped, yo = ye */
    FL_FOLD_EXACT     /* NFC only; case and diacritics kept */
} fl_fold_mode;

/* Appends the folded form of s[0..len) (UTF-8) to out (a byte vector). scratch is a
 * caller-owned vector of int32_t reused between calls. Apostrophe and hyphen variants
 * become ' and -, format characters are dropped, in both modes. */
FL_HIDDEN fl_status fl__fold_append(const fl_allocator *a, fl_vec *scratch, const uint8_t *s,
                                    size_t len, fl_fold_mode mode, fl_vec *out);

/* Appends the form under which a token of the given kind compares: its folded (or exact)
 * text, except that a dash standing between spaces (a punct token, not a hyphen) gets a
 * form of its own, so "pro - Russian" never matches "pro-Russian". */
FL_HIDDEN fl_status fl__fold_token(const fl_allocator *a, fl_vec *scratch, const uint8_t *s,
                                   size_t len, uint8_t kind, fl_fold_mode mode, fl_vec *out);

/* Remembers the forms of recent short non-ASCII tokens (curly quotes, dashes, accented
 * names, Cyrillic words), which repeat throughout a text and cost a Unicode decomposition
 * and composition each: a direct-mapped table, owned by a result and reused across texts. */
typedef struct fl_fold_cache fl_fold_cache;

/* Tokens of up to FL_FOLD_CACHE_KEY bytes whose two forms fit in FL_FOLD_CACHE_FORMS bytes are
 * cached, in FL_FOLD_CACHE_SLOTS slots (about 100 KiB): enough for the punctuation, names and
 * words that recur in news, small beside a result's token arrays. A Cyrillic or Greek letter
 * takes two bytes, so a word of 16 letters is 32 bytes and its two forms 64 (with 24 and 40,
 * "правительство" was folded through utf8proc at every occurrence). */
enum { FL_FOLD_CACHE_KEY = 32, FL_FOLD_CACHE_FORMS = 64, FL_FOLD_CACHE_SLOTS = 1024 };

typedef struct fl_fold_slot {
    uint8_t key_len;   /* 0: empty (tokens are never empty) */
    uint8_t kind;
    uint8_t exact;     /* the exact form is stored too */
    uint8_t fold_len;
    uint8_t exact_len;
    uint8_t same;
    uint8_t key[FL_FOLD_CACHE_KEY];
    uint8_t forms[FL_FOLD_CACHE_FORMS]; /* folded form, then the exact form */
} fl_fold_slot;

/*
 * The characters of one- and two-byte UTF-8 (U+0000..U+07FF: ASCII, Latin-1 and Latin
 * Extended, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic, ...) with their two forms, each
 * made on first sight by folding the character alone (fold_general). A word of such
 * characters folds to the concatenation of their forms unless it holds a combining mark:
 * a mark is what canonical ordering moves, what composition joins to the character before
 * it (no two characters of this range that are not marks compose), and what loses its
 * diacritic after a Latin or Greek base. So such a word (every word of Russian or
 * Ukrainian, Greek, Hebrew or Arabic news without points) is folded by table, and only a
 * word with a mark or a character beyond U+07FF takes the slot cache and utf8proc.
 */
enum { FL_CHAR_END = 0x800, FL_CHAR_FORM = 6, FL_CHAR_COPY = 8 };
enum { FL_CHAR_UNSEEN = 0, FL_CHAR_ALONE = 1, FL_CHAR_MARK = 2 };

typedef struct fl_char_forms {
    uint8_t state; /* FL_CHAR_UNSEEN, FL_CHAR_ALONE (its forms below) or FL_CHAR_MARK */
    uint8_t fold_len, exact_len; /* at most FL_CHAR_FORM */
    uint8_t same;                /* its two forms are equal */
    /* copied FL_CHAR_COPY bytes at a time, the bytes past a form's length with it */
    uint8_t fold[FL_CHAR_COPY];
    uint8_t exact[FL_CHAR_COPY];
} fl_char_forms;

/* The two-byte character s[0..2) (a lead byte of U+0080..U+07FF and a continuation byte):
 * its code point, the lead's bits from bit 6 and the continuation's below them. */
static inline size_t fl__two_byte_cp(const uint8_t *s) {
    return ((size_t)s[0] << 6) + s[1] - ((size_t)0xC0 << 6) - 0x80;
}

/* One step of a walk by a fold cache's table over a word s[0..len), the step of fold.c's
 * forms_by_chars and match.c's table_forms: the character at s[*p], ASCII or a lead byte of
 * U+0080..U+07FF with its continuation byte inside the word (one with an entry in the table):
 * its code point *cp, and *p moved past it. False: three or four bytes, or not UTF-8. (The
 * code point, not its entry: given the entry, table_forms' loop kept the table's address on
 * the stack, 94.3 against 94.1 instructions a token at 1,000 terms.) */
FL_ALWAYS_INLINE static inline bool fl__char_step(const uint8_t *s, size_t len, size_t *p,
                                                  size_t *cp) {
    size_t q = *p;
    unsigned b = s[q];
    if (b < 0x80) {
        *cp = b;
        *p = q + 1;
        return true;
    }
    if (b - 0xC2 > 0xDF - 0xC2 || q + 1 >= len || (s[q + 1] & 0xC0) != 0x80) {
        return false;
    }
    *cp = fl__two_byte_cp(s + q);
    *p = q + 2;
    return true;
}

/* Puts a table form (an entry's fold or exact, n bytes) at d + o, FL_CHAR_COPY bytes at a
 * time (its writer keeps that room): the end of what it put. */
static inline size_t fl__char_put(uint8_t *d, size_t o, const uint8_t *form, size_t n) {
    memcpy(d + o, form, FL_CHAR_COPY);
    return o + n;
}

/* A dash between spaces (a punctuation token of a hyphen or an en dash) folds to " -" in
 * both forms: fl__fold_token's rule, written without a call by fl__fold_token_pair and
 * match.c's label_other. */
enum { FL_DASH_FORM_LEN = 2 };
static inline const uint8_t *fl__dash_form(void) {
    return (const uint8_t *)" -";
}

/* Punctuation tokens of one character of U+2000..U+207F (General Punctuation: the dashes,
 * curly quotes and ellipsis of news) have their two forms in a table too, made on first
 * sight by folding the token as fl__fold_token does (a hyphen or en dash becomes " -"). */
enum { FL_PUNCT_CHARS = 0x80 };

/* The entry of a punctuation token s[0..3) of U+2000..U+207F (match.c reads it too). */
static inline size_t fl__punct_index(const uint8_t *s) {
    return (((size_t)s[1] & 1) << 6) | (s[2] & 0x3F);
}

struct fl_fold_cache {
    fl_fold_slot slots[FL_FOLD_CACHE_SLOTS];
    fl_char_forms chars[FL_CHAR_END];
    fl_char_forms puncts[FL_PUNCT_CHARS];
};

FL_HIDDEN void fl__fold_cache_free(const fl_allocator *a, fl_fold_cache *cache);

/* Both forms of one token for fl__label_tokens: appends the folded form and, when `exact`,
 * the exact form right after it; sets their lengths and *same when the two are byte-equal
 * (then they have one vocabulary id). ASCII tokens, nearly all of English news, are folded
 * in one pass without a call per character; others go through fl__fold_token, or come from
 * *cache (created on first use; NULL cache: none). On failure out is as it was. */
FL_HIDDEN fl_status fl__fold_token_pair(const fl_allocator *a, fl_vec *scratch,
                                        fl_fold_cache **cache, const uint8_t *s, size_t len,
                                        uint8_t kind, bool exact, fl_vec *out, size_t *fold_len,
                                        size_t *exact_len, bool *same);

/* ------------------------------------------------------------------ units.c */

/* Text i of texts as UTF-8: itself when it is UTF-8, else its code units transcoded into buf
 * (grown as needed, reused by the caller from text to text; *text points into it until buf
 * changes). FL_ERR_TEXT (err->offset: the code unit), FL_ERR_LIMIT, FL_ERR_NOMEM. */
FL_HIDDEN fl_status fl__text_utf8(const fl_allocator *a, const fl_texts *texts, size_t i,
                                  fl_vec *buf, const char **text, size_t *len, fl_error *err);
/* fl_utf8_from_units with blocks of `block` units: 32 (AVX2, where the CPU has it; what
 * fl_utf8_from_units takes) or 16 (SSE2; machine words without it), for the tests; the bytes
 * are the same either way. */
FL_HIDDEN fl_status fl__utf8_from_units_with(fl_units units, const void *data, size_t n, char *out,
                                             size_t *out_len, size_t *bad, unsigned block);

/* ------------------------------------------------------------------ tokenize.c */

/* What the later stages need to know about a token beyond its public fields. */
typedef struct fl_tokinfo {
    int32_t cp0;        /* first code point */
    uint32_t ncp;       /* code points in the token */
    uint8_t upper;      /* the first letter is upper or title case */
    uint8_t lower;      /* the first letter is lower case */
    uint8_t has_letter; /* some letter in the token */
    uint8_t all_digits; /* digits only (joiners allowed) */
    uint8_t simple;     /* ASCII letters and digits only: folds byte by byte */
    uint8_t same;       /* its folded and exact forms are equal */
    uint32_t id_fold;   /* vocabulary id of the folded form, or FL_NO_ID */
    uint32_t id_exact;  /* vocabulary id of the exact (NFC) form, or FL_NO_ID */
    uint32_t fold_len;
    /* 0: none (wild_first then means nothing); after fold_len, so that fl__label_tokens
     * sets both in one store */
    uint32_t wild_n;
    uint32_t wild_first; /* its wildcard labels: res->wild[wild_first, + wild_n) */
    uint32_t hash_fold; /* fl__hash_bytes of the folded form */
    size_t fold_off;    /* folded form in the result's byte buffer */
    /* its entry in the voice stage's word table, or NULL (set with the vocabulary ids: one lookup
     * finds both) */
    const struct fl_cue *cue;
    uint32_t root; /* match.c: the root's child along its folded label, or 0 */
} fl_tokinfo;

/* What fl__match's scans need of each token, one byte per token in fl_result.starts (the
 * scans then read a byte a token, eight at a time, not a 64-byte fl_tokinfo). */
enum {
    FL_START_TERM = 1, /* a walk may start here: fl_tokinfo.root != 0 or FL_START_MORE */
    FL_START_EXCL = 2, /* an exclusion may start here */
    /* a walk from here goes on only along the next token's folded label (its first node has
     * FL_ROOT_FOLD_STEP, and the token no other way from the root): fl__label_tokens takes
     * FL_START_TERM away where the walk would end at its first node */
    FL_START_STEP = 4,
    FL_START_NO_FOLD = 8, /* no folded label (FL_NO_ID): no walk goes on through this token */
    /* the root has other children for the token than along its folded label (exact,
     * wildcard) */
    FL_START_MORE = 16,
    /* no walk goes on from a child of the root with FL_ROOT_FOLD_STEP through this token: its
     * folded label labels no edge from one (or it has none: with FL_START_NO_FOLD) */
    FL_START_NO_STEP_ON = 32
};

/* Appends the tokens of text[0..len) to toks (fl_token) and infos (fl_tokinfo). Fills
 * offsets, kind, spacing and the tokinfo shape fields (cp0 to simple); the fields after
 * them are fl__label_tokens' to set, and nothing reads them before it does (`same` is
 * cleared, the ids and the rest are left as they were). */
FL_HIDDEN fl_status fl__tokenize(const fl_allocator *a, const uint8_t *text, size_t len,
                                 fl_vec *toks, fl_vec *infos);
/* fl__tokenize without its fast path for plain ASCII words and symbols: the same tokens,
 * slower; the tests compare the two. */
FL_HIDDEN fl_status fl__tokenize_general(const fl_allocator *a, const uint8_t *text, size_t len,
                                         fl_vec *toks, fl_vec *infos);
/* How the fast path classifies its blocks of bytes: fl__tokenize takes AVX2 where the CPU
 * has it, with BMI1 and BMI2 (fl__tokenize_has_avx2), SSE2 elsewhere; NONE is
 * fl__tokenize_general. */
typedef enum fl_plain_path { FL_PLAIN_NONE, FL_PLAIN_SSE2, FL_PLAIN_AVX2 } fl_plain_path;
/* fl__tokenize with the given path (AVX2 falls back to SSE2 on a CPU without it), for the
 * tests; the tokens are the same whatever the path. */
FL_HIDDEN fl_status fl__tokenize_with(const fl_allocator *a, const uint8_t *text, size_t len,
                                      fl_vec *toks, fl_vec *infos, fl_plain_path path);
FL_HIDDEN bool fl__tokenize_has_avx2(void);
/* The classes of U+2000 to U+203F (fl__cclass's), which the tokeniser reads from their last
 * byte; the tests compare the two. */
FL_HIDDEN extern const uint8_t fl__tokenize_punct_class[64];

/* ------------------------------------------------------------------ segment.c */

/* Splits the tokens into sentences: appends fl_sentence records (offsets and token ranges
 * only) to sents and sets each token's sentence index. */
FL_HIDDEN fl_status fl__segment(const fl_allocator *a, const uint8_t *text, size_t len,
                                fl_token *toks, const fl_tokinfo *infos, size_t n, fl_vec *sents);
/* Are segment.c's abbreviation lists sorted, as their binary search needs, and no entry
 * longer than the words it looks up? (for the tests) */
FL_HIDDEN bool fl__segment_lists_sorted(void);
/* fl__segment without its fast paths (the word lists' filters, the loop over plain words
 * without a test of the tokens' end, a lone period's shortcut): the same sentences, slower;
 * the tests compare them. */
FL_HIDDEN fl_status fl__segment_general(const fl_allocator *a, const uint8_t *text, size_t len,
                                        fl_token *toks, const fl_tokinfo *infos, size_t n,
                                        fl_vec *sents);
/* Do the filters of segment.c's word lists hold exactly their words? abbr and starter get the
 * filters the lists make (for the tests, which print them to paste when a list changed). */
FL_HIDDEN bool fl__segment_filters_hold(uint64_t abbr[8], uint64_t starter[8]);

/* ------------------------------------------------------------------ names.c */

/* A hash index from byte strings to uint32 values, for the names a lexicon is built from
 * (categories, terms, contrasts, options, actors): building stays linear in the number of
 * names. Keys are (offset, length) into a byte vector the caller owns (the lexicon's
 * strings) and live in a namespace (ns), so one index serves every kind of name. */
typedef struct fl_names {
    uint32_t *slots; /* 0: empty, else 1 + index into entries */
    size_t mask; /* slots - 1 (a power of two minus one) */
    fl_vec entries; /* fl_name_entry */
} fl_names;

/* The value stored for s[0..len) in namespace ns, or FL_NO_ID. */
FL_HIDDEN uint32_t fl__names_find(const fl_names *n, const fl_vec *bytes, uint32_t ns,
                                  const void *s, size_t len);
/* Adds the key bytes[off..off+len) in ns with a value; the key must not be there yet. */
FL_HIDDEN fl_status fl__names_add(fl_names *n, const fl_allocator *a, const fl_vec *bytes,
                                  uint32_t ns, size_t off, size_t len, uint32_t value);
FL_HIDDEN void fl__names_free(fl_names *n, const fl_allocator *a);

/* The same for keys of three integers (a contrast, a term, a spelling). */
typedef struct fl_keymap {
    uint32_t *slots;
    size_t mask;
    fl_vec entries; /* fl_key_entry */
} fl_keymap;

FL_HIDDEN uint32_t fl__keymap_find(const fl_keymap *m, uint32_t a, uint32_t b, uint32_t c);
FL_HIDDEN fl_status fl__keymap_add(fl_keymap *m, const fl_allocator *al, uint32_t a, uint32_t b,
                                   uint32_t c, uint32_t value);
FL_HIDDEN void fl__keymap_free(fl_keymap *m, const fl_allocator *a);

/* The smallest edit distance (insertions, deletions, substitutions, transpositions) between
 * a and b, capped at cap + 1: for "did you mean" suggestions. */
FL_HIDDEN size_t fl__edit_distance(const char *a, size_t alen, const char *b, size_t blen,
                                   size_t cap);

/* ------------------------------------------------------------------ lexicon.c */

typedef struct fl_span {
    size_t off, len;
} fl_span;

#define FL_NO_SPAN ((fl_span){0, SIZE_MAX}) /* an absent optional string */

/* One term. Strings are (offset, length) into lex->bytes. */
typedef struct fl_lex_term {
    size_t off, len;
    /* into lex->term_categories; the first is the term's main category */
    uint32_t first_category, n_categories;
    uint32_t first_variant, n_variants; /* into lex->variants */
    uint32_t extras; /* value id of its source/note/meta, or FL_NO_ID */
    double weight;
    uint8_t case_sensitive;
} fl_lex_term;

typedef struct fl_lex_category {
    fl_span name;
    fl_span description; /* FL_NO_SPAN when none */
    fl_span color;
    uint32_t extras;
    uint8_t declared; /* 1: declared (under "categories"), 0: only named by terms */
} fl_lex_category;

typedef struct fl_lex_contrast {
    fl_span name;
    fl_span description;
    uint32_t first_option, n_options;
    uint32_t extras;
} fl_lex_contrast;

typedef struct fl_lex_option {
    fl_span name;
    uint32_t first_ref, n_refs; /* into lex->refs (fl_reference) */
} fl_lex_option;

typedef struct fl_lex_actor {
    fl_span name;
    uint32_t first_alias, n_aliases; /* into lex->aliases (fl_span) */
    uint32_t extras;
} fl_lex_actor;

/* A trie node over token labels. A node is reached by exactly one path, so the path's
 * statistics are the node's. */
typedef struct fl_node {
    uint32_t entry; /* 1 + index into lex->entries when a term ends here, else 0 */
    uint32_t first_kid; /* compiled: its children are kid_labels/kid_nodes[first_kid, +n_kids) */
    uint32_t n_kids;
    uint32_t wild_bytes; /* bytes of wildcard prefixes on the path: longer prefixes win ties */
    uint8_t exclusion; /* an exclusion phrase ends here */
    uint8_t excl_below; /* compiled: an exclusion phrase ends here or below */
    uint8_t n_wild; /* wildcard tokens on the path */
    uint8_t n_exact; /* case-sensitive tokens on the path */
    uint8_t wild_kinds; /* bit 0: has folded-wildcard children, bit 1: exact-wildcard */
    uint8_t kid_kinds; /* compiled: bit k: some child along an edge of kind k (FL_EDGE_*) */
} fl_node;

/* A node with more children than this finds them through lex->big_edges. */
#define FL_BIG_NODE 8

/* The finaliser of MurmurHash3 (Appleby): every input bit reaches every output bit. */
static inline uint64_t fl__fmix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* The hash of an edge (parent node, label): its low 32 bits place it in lex->big_edges, its
 * high 32 its bit in lex->big_bloom. */
static inline uint64_t fl__hash_edge64(uint32_t parent, uint32_t label) {
    return fl__fmix64(((uint64_t)parent << 32) | label);
}
static inline uint32_t fl__hash_edge(uint32_t parent, uint32_t label) {
    return (uint32_t)fl__hash_edge64(parent, label);
}

/* Edge labels: vocabulary id << 2 | kind. */
enum { FL_EDGE_FOLD = 0, FL_EDGE_EXACT = 1, FL_EDGE_WILD_FOLD = 2, FL_EDGE_WILD_EXACT = 3 };

/* The edge hash of the trie while it is built (freed at compile). */
typedef struct fl_edge_slot {
    uint32_t parent;
    uint32_t label;
    uint32_t child; /* 0: empty slot (the root is never a child) */
} fl_edge_slot;

/* A vocabulary slot: the string's id, its first bytes with its length (fl__vocab_head), bytes
 * 7 to 14 (fl__vocab_tail) and part of its hash, so that lookups of words up to 15 bytes are
 * decided without reading the string itself. At compile the voice stage's cue words (cues.c)
 * are indexed in the same table: one lookup of a token's folded form gives its label and
 * its cue entry; and the first step of the matcher's walks along its folded label (root,
 * start) is stored beside them, so that labelling a token reads one 32-byte slot (one cache
 * line: the table is 32-byte aligned), not the slot, its tail and the root's child table; or
 * none, for a token whose first slot is empty (lex->vocab_used says so). */
typedef struct fl_vocab_slot {
    uint64_t head;
    uint64_t tail;
    uint32_t id; /* 1 + index into lex->vocab, 0: not a label (a cue word only) */
    uint16_t check; /* the top 16 bits of the string's hash */
    uint16_t cue; /* 1 + index into the cue table (fl__cue_table), 0: not a cue word */
    uint32_t root; /* compiled: the root's child along its folded label, or 0 */
    /* compiled: FL_START_TERM when root != 0, FL_START_EXCL when an exclusion ends at or
     * below root */
    uint8_t start;
    uint8_t flags; /* compiled: FL_SLOT_* */
    uint8_t root_flags; /* compiled: FL_ROOT_* of the node `root` */
    /* compiled: the start byte of a token whose exact label is this one and that has no
     * wildcard labels (start, with FL_START_MORE for FL_SLOT_EXACT_ROOT) */
    uint8_t start_same;
} fl_vocab_slot;

/* The bitmap of taken slots (lex->vocab_used): slot j's bit is bit j % 64 of word j / 64.
 * Written by compile, read by the one-pass lookups. */
static inline bool fl__vocab_slot_used(const uint64_t *used, size_t j) {
    return (used[j / 64] >> (j % 64)) & 1;
}
static inline void fl__vocab_mark_used(uint64_t *used, size_t j) {
    used[j / 64] |= (uint64_t)1 << (j % 64);
}

/* What the matcher may know of a walk's first node without reading it (fl_vocab_slot,
 * fl_tokinfo): a node that ends no term and whose children are all along folded labels
 * continues only through the next token's folded label: a token with none (most words are
 * in no term) ends the walk at once, and the edge bitmap (lex->big_bloom) rules most other
 * labels out. */
enum {
    FL_ROOT_FOLD_STEP = 1 /* no term ends here; every child along a folded label */
};

enum {
    /* some wildcard prefix, folded or exact, may begin the string (fl__wild_may_start, one
     * filter for both kinds, asked at compile) */
    FL_SLOT_WILD = 1,
    /* the root has a child along the string's exact label (root_kids, asked at compile) */
    FL_SLOT_EXACT_ROOT = 2
};

/* A wildcard prefix: a string some wildcard edge is labelled with. */
typedef struct fl_wild_slot {
    uint32_t hash; /* fl__hash_bytes of the prefix */
    uint32_t tag; /* (1 + vocabulary id) << 2 | kinds (bit 0 folded, bit 1 exact); 0: empty */
} fl_wild_slot;

/* The first FL_VOCAB_HEAD bytes of s[0..len) (zero-padded) with len, capped at
 * FL_VOCAB_LEN_CAP (16), in the top byte: equal heads and len <= FL_VOCAB_HEAD mean equal
 * strings. Lengths of 16 and more share the cap (a probe compares such strings whole); the
 * cap is the one fl__label_tokens indexes its mask tables with, so its head costs no second
 * clamp. */
#define FL_VOCAB_HEAD 7
#define FL_VOCAB_TAIL_MAX 15
#define FL_VOCAB_LEN_CAP (FL_VOCAB_TAIL_MAX + 1)
static inline uint64_t fl__vocab_head(const uint8_t *s, size_t len) {
    uint64_t h = 0;
    size_t n = len < FL_VOCAB_HEAD ? len : FL_VOCAB_HEAD;
    for (size_t i = 0; i < n; i++) {
        h |= (uint64_t)s[i] << (8 * i);
    }
    return h | ((uint64_t)(len < FL_VOCAB_LEN_CAP ? len : FL_VOCAB_LEN_CAP) << 56);
}

/* Bytes FL_VOCAB_HEAD to 14 of s[0..len) (zero-padded) when len is 8 to 15, else 0. */
static inline uint64_t fl__vocab_tail(const uint8_t *s, size_t len) {
    uint64_t t = 0;
    if (len > FL_VOCAB_HEAD && len <= FL_VOCAB_TAIL_MAX) {
        for (size_t i = FL_VOCAB_HEAD; i < len; i++) {
            t |= (uint64_t)s[i] << (8 * (i - FL_VOCAB_HEAD));
        }
    }
    return t;
}

/* The spelling a trie path stands for: a term's own text or one of its variants. */
typedef struct fl_entry {
    uint32_t term;
    int32_t variant; /* -1: the term itself */
} fl_entry;

/* A node of a value tree (free-form data: source, note, meta), the public fl_value. Nodes
 * live in lex->values; strings in lex->bytes; an array's or object's items are `count`
 * value ids from lex->value_kids[first_kid]. */
struct fl_value {
    const fl_lexicon *lex;
    fl_span key; /* the member name, when the value is an object member */
    fl_span text; /* a string, or a number as written */
    double number;
    uint32_t first_kid, count;
    uint8_t kind; /* fl_value_kind */
};

struct fl_lexicon {
    fl_allocator alloc;
    fl_vec bytes; /* every string of the lexicon (char) */
    char *source; /* NUL-terminated copy, for messages */
    fl_vec terms; /* fl_lex_term */
    fl_vec variants; /* fl_span */
    fl_vec term_categories; /* uint32_t category ids */
    fl_vec categories; /* fl_lex_category */
    fl_vec exclusions; /* fl_span */
    fl_vec contrasts; /* fl_lex_contrast */
    fl_vec options; /* fl_lex_option */
    fl_vec refs; /* fl_reference */
    fl_vec actors; /* fl_lex_actor */
    fl_vec aliases; /* fl_span */
    fl_vec values; /* struct fl_value */
    fl_vec value_kids; /* uint32_t value ids */
    fl_span meta[4]; /* name, version, language, description; FL_NO_SPAN = absent */
    uint32_t extras; /* value id of the top-level source/note/meta, or FL_NO_ID */
    fl_duplicate_counts duplicates;
    /* compiled form */
    fl_vec vocab; /* fl_span: token strings, in bytes */
    fl_vocab_slot *vocab_slots; /* 32-byte aligned, in vocab_mem */
    void *vocab_mem; /* the allocation of vocab_slots */
    const struct fl_cue *cues; /* compiled: the cue table the slots index (cues.c) */
    /* compiled, in vocab_mem: NULL, then the address of each entry of cues, so that a slot's
     * cue (1 + an index, 0: none) gives its entry or NULL in one load */
    const struct fl_cue *const *cue_at;
    /* compiled, in vocab_mem: bit j % 64 of word j / 64 set when slot j is taken, so that a
     * lookup of a word not in the table whose first slot is empty reads no slot */
    const uint64_t *vocab_used;
    size_t vocab_mask; /* slots - 1 (a power of two minus one) */
    fl_vec nodes; /* fl_node; node 0 is the root */
    fl_vec entries; /* fl_entry */
    fl_edge_slot *edge_slots; /* edges of every node but the root, while building */
    size_t edge_mask;
    size_t n_edges;
    fl_vec root_edges; /* uint32_t child by label (0: none): the root's edges */
    /* compiled: the root's child along label (id << 2 | kind) at [kind * n_ids + id] (0: none), so
     * that the folded labels the matcher tries for every token lie together */
    uint32_t *root_kids;
    size_t n_ids; /* vocabulary size at compile */
    uint8_t root_kinds; /* bit k: the root has a child along an edge of kind k */
    uint32_t *kid_labels; /* compiled: every node's children, sorted by label per node */
    uint32_t *kid_nodes;
    /* compiled: the edges of every node with more than FL_BIG_NODE children, by
     * fl__hash_edge(parent, label) (child 0: empty); NULL: none */
    fl_edge_slot *big_edges;
    size_t big_mask;
    /* compiled with big_edges: one bit per (high half of fl__hash_edge64) of each of their edges,
     * 16 bits an edge, so that most lookups of a child that is not there ("the" followed by a
     * word no term continues with) end in this bitmap, in cache, not in a probe of big_edges */
    uint8_t *big_bloom;
    size_t big_bloom_mask;
    fl_wild_slot *wild_slots; /* compiled: the wildcard prefixes (NULL: none) */
    size_t wild_mask;
    uint8_t wild_kinds; /* bit 0: some folded wildcard, bit 1: some exact one */
    /* compiled: bit (b0 | b1 << 8): a wildcard prefix of 1 to 3 bytes starts with bytes b0 b1 (a
     * 1-byte prefix b0 sets every b1) */
    uint8_t *wild_first2;
    /* compiled: bit fl__wild_head4(w): some wildcard prefix w of 4 bytes or more starts with these
     * 4 bytes; bit fl__wild_head5(w): one of 5 bytes or more starts with these 5 bytes; bit
     * fl__wild_head4_len(w, len): one of len bytes starts with the first 4 bytes of w (Bloom
     * filters of one hash each, in the allocation of wild_first2) */
    uint8_t *wild_head4;
    uint8_t *wild_head5;
    uint8_t *wild_head4_len;
    /* compiled: the strings that label exact edges (tag: 1 + id, kinds unused), a small table for
     * the exact forms of text tokens; NULL: none */
    fl_wild_slot *exact_slots;
    size_t exact_mask;
    /* compiled with exact_slots: bit (b0 | b1 << 8): some string of them starts with bytes b0 b1
     * (one of 1 byte b0 sets every b1) */
    uint8_t *exact_first2;
    size_t max_wild_prefix; /* longest wildcard prefix, in bytes */
    uint64_t wild_lengths; /* bit l-1: some wildcard prefix has l bytes (l <= 64) */
    uint32_t max_depth; /* longest path, in tokens */
    bool has_exact;
    bool has_exclusions;
    struct fl_actor_index *actor_index; /* the actors' names, compiled (actors.c); NULL: none */
};

/* An empty lexicon to build into (lexicon_build.c). source is copied. */
FL_HIDDEN fl_status fl__lexicon_create(const fl_allocator *alloc, const char *source,
                                       fl_lexicon **out);
FL_HIDDEN fl_status fl__lexicon_add_string(fl_lexicon *lex, const char *s, size_t len,
                                           fl_span *out);
/* Bytes at offset off of the lexicon's strings. */
static inline const char *fl__lex_str(const fl_lexicon *lex, size_t off) {
    return (const char *)fl__vec_bytes(&lex->bytes, off);
}
/* Where a spelling was given, for messages (formatted only when one is written):
 * "terms[i].term", "terms[i].variants[v]" or "exclude[i]". */
typedef struct fl_where {
    bool exclusion;
    size_t index;
    int32_t variant; /* -1: the term's own text */
} fl_where;
FL_HIDDEN void fl__where_path(const fl_where *w, char *buf, size_t cap);

/* Scratch vectors for insertion, reused from one spelling to the next. */
typedef struct fl_insert_scratch {
    fl_vec fold; /* int32_t */
    fl_vec toks; /* fl_token */
    fl_vec infos; /* fl_tokinfo */
    fl_vec form; /* bytes */
} fl_insert_scratch;
FL_HIDDEN void fl__insert_scratch_free(const fl_allocator *a, fl_insert_scratch *s);

/* Tokenises s, checks it (a word, '*' only ending a word, at most FL_MAX_TERM_TOKENS) and
 * walks its labels into the trie, creating the nodes it lacks; *node receives the node where
 * it ends. Nothing is changed when the check fails. `where` and `place` name it in
 * messages. */
FL_HIDDEN fl_status fl__lexicon_insert(fl_lexicon *lex, fl_insert_scratch *scratch, const char *s,
                                       size_t len, bool exact, uint32_t *node,
                                       const fl_where *where, fl_place place, fl_error *err);
/* Makes room for about `spellings` more spellings (tables and vectors), a hint. */
FL_HIDDEN fl_status fl__lexicon_reserve(fl_lexicon *lex, size_t spellings);
/* Vocabulary id of a string, or FL_NO_ID. */
FL_HIDDEN uint32_t fl__vocab_find(const fl_lexicon *lex, const uint8_t *s, size_t len,
                                  uint32_t hash);
/* The hash of every string lookup of the core (vocabulary, wildcard prefixes, cue words,
 * names): 8 bytes at a time, each word read little-endian with the bytes past the end
 * counting as zero, mixed in by one multiply (fl__hash_mix); at least one word, so a string
 * of up to 8 bytes costs one multiply (fl__hash_short). tools/gen_cue_slots.py computes
 * the same in Python. */
FL_HIDDEN uint32_t fl__hash_bytes(const uint8_t *s, size_t len);
#define FL_HASH_SEED 0x243F6A8885A308D3ULL
#define FL_HASH_MUL 0x9E3779B97F4A7C15ULL /* also in match.c's SHORT_LEN */
static inline uint64_t fl__hash_mix(uint64_t h, uint64_t w) {
    h = (h ^ w) * FL_HASH_MUL;
    return h ^ (h >> 32);
}
/* fl__hash_bytes of a string of len <= 8 bytes given as its little-endian word w (the bytes
 * past len zero). */
static inline uint32_t fl__hash_short(uint64_t w, size_t len) {
    return (uint32_t)fl__hash_mix(FL_HASH_SEED ^ len, w);
}
/* fl__hash_bytes inline for the matcher: strings of up to 16 bytes without a call. */
static inline uint64_t fl__load_le64(const uint8_t *p);
static inline uint32_t fl__hash_inline(const uint8_t *s, size_t len) {
    if (len <= 16) {
        uint64_t w0 = 0;
        uint64_t w1 = 0;
        if (len >= 8) {
            w0 = fl__load_le64(s);
            for (size_t i = 8; i < len; i++) {
                w1 |= (uint64_t)s[i] << (8 * (i - 8));
            }
        } else {
            for (size_t i = 0; i < len; i++) {
                w0 |= (uint64_t)s[i] << (8 * i);
            }
        }
        uint64_t h = fl__hash_mix(FL_HASH_SEED ^ len, w0);
        return (uint32_t)(len > 8 ? fl__hash_mix(h, w1) : h);
    }
    return fl__hash_bytes(s, len);
}
/* The 8 bytes at p as a little-endian word, whatever the machine's byte order. */
static inline uint64_t fl__load_le64(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}
static inline void fl__store_le64(uint8_t *p, uint64_t w) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(p, &w, 8);
}
/* Spreads a hash before a table takes its low bits, so that keys that differ in their
 * last byte ("t9fa", "t9fb", ...) do not land side by side and pile up under linear
 * probing. MurmurHash3's final avalanche (fmix32). */
static inline uint32_t fl__hash_spread(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}
/* The first slot to probe in a vocabulary table of mask + 1 slots (a power of two) for a
 * string with this hash: the top bits of hash times 2^32 / phi (Fibonacci hashing). Not the
 * hash's low bits: a product's low bits depend only on its operands' low bits, so words of
 * up to 8 bytes that differ only in their last one or two ("attacked", "attacker") share
 * fl__hash_bytes' low 16 to 24 bits, and would all start at one slot. The & keeps a table
 * larger than 2^32 slots, were there one, in range. */
static inline size_t fl__vocab_first(uint32_t hash, size_t mask) {
    uint64_t x = (uint32_t)(hash * 0x9E3779B1u);
    return (size_t)((x * ((uint64_t)mask + 1)) >> 32) & mask;
}
/* fl__vocab_first for a table of 2^(32 - shift) slots (fl__vocab_shift of its mask), the
 * same slot: the product by a power of two, then the top 32 bits, is a shift, one multiply
 * less on the way from a token's hash to its slot's load (match.c's lookups). Without the &:
 * a table is at most half full, of fewer than 2^30 ids (fl__vocab_intern) and the cue words,
 * so it has at most 2^32 slots. */
static inline size_t fl__vocab_first_by_shift(uint32_t hash, unsigned shift) {
    return (size_t)((uint64_t)(uint32_t)(hash * 0x9E3779B1u) >> shift);
}
/* The shift of fl__vocab_first_by_shift for a table of mask + 1 slots (a power of two, at
 * most 2^32). */
static inline unsigned fl__vocab_shift(size_t mask) {
    return 32u - (unsigned)__builtin_ctzll((uint64_t)mask + 1);
}
/* The bit of wild_head4 for a string's first 4 bytes (s has at least 4). */
static inline unsigned fl__wild_head4(const uint8_t *s) {
    uint32_t w = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24;
    return (w * 0x9E3779B1u) >> 16;
}
/* The bit of wild_head5 for a string's first 5 bytes (s has at least 5). */
static inline unsigned fl__wild_head5(const uint8_t *s) {
    uint64_t w = (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
                 (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32;
    return (unsigned)((w * 0x9E3779B97F4A7C15ULL) >> 48);
}
/* The same for the first 4 bytes of s together with a prefix length. */
static inline unsigned fl__wild_head4_len(const uint8_t *s, size_t len) {
    uint32_t w = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24;
    return ((w ^ (uint32_t)len * 0x85EBCA6Bu) * 0x9E3779B1u) >> 16;
}
/* Could a prefix of 4 bytes or more of s[0..len) (len >= 4) label a wildcard edge, from the
 * bitmaps? When its first 4 bytes begin one, the first 5 or the 4 alone must too (a prefix
 * such as "goves" then no longer sends every "government" to the prefix lookups). */
FL_HIDDEN bool fl__wild_may_start4(const fl_lexicon *lex, const uint8_t *s, size_t len);
/* Could a prefix of s[0..len) label a wildcard edge? No for most tokens, from two bitmaps
 * that stay in cache: one of the first four bytes of the prefixes of 4 bytes or more, one of
 * the first two bytes of the shorter ones (when there are any: bits 0 to 2 of wild_lengths). */
static inline bool fl__wild_may_start(const fl_lexicon *lex, const uint8_t *s, size_t len) {
    if (len >= 4) {
        unsigned h4 = fl__wild_head4(s);
        if (FL_UNLIKELY((lex->wild_head4[h4 >> 3] >> (h4 & 7)) & 1u) &&
            fl__wild_may_start4(lex, s, len)) {
            return true;
        }
    }
    if (len == 0 || (lex->wild_lengths & 7) == 0) {
        return false;
    }
    unsigned f2 = s[0] | (len > 1 ? (unsigned)s[1] << 8 : 0u);
    return (lex->wild_first2[f2 >> 3] >> (f2 & 7)) & 1u;
}
/* Child of parent along label, or 0 (while building: through the edge hash). */
FL_HIDDEN uint32_t fl__edge_find(const fl_lexicon *lex, uint32_t parent, uint32_t label);
/* Lays the trie out for reading (sorted child runs, exclusion flags, the wildcard prefix
 * table) and frees what only building needs. Called once, at compile. */
FL_HIDDEN fl_status fl__lexicon_freeze(fl_lexicon *lex);
/* The vocabulary id of s[0..len) when it labels an exact edge, else FL_NO_ID (the exact
 * forms of text tokens are looked up here: a small table, not the whole vocabulary). */
FL_HIDDEN uint32_t fl__exact_find(const fl_lexicon *lex, const uint8_t *s, size_t len);
/* fl__exact_find, with most tokens answered inline from the first two bytes (a bitmap in
 * cache): "The" or "He" when no case-sensitive term starts "Th" or "He". */
static inline uint32_t fl__exact_find_fast(const fl_lexicon *lex, const uint8_t *s, size_t len) {
    if (lex->exact_slots == NULL || len == 0) {
        return FL_NO_ID;
    }
    unsigned f2 = s[0] | (len > 1 ? (unsigned)s[1] << 8 : 0u);
    if (!((lex->exact_first2[f2 >> 3] >> (f2 & 7)) & 1u)) {
        return FL_NO_ID;
    }
    return fl__exact_find(lex, s, len);
}
/* The wildcard labels of one form of a token (kind FL_EDGE_WILD_FOLD or _EXACT): appends
 * (id << 2 | kind) for each of its prefixes that some wildcard edge is labelled with, in
 * order of length. */
FL_HIDDEN fl_status fl__wild_labels(const fl_lexicon *lex, const fl_allocator *a, const uint8_t *s,
                                    size_t len, uint32_t kind, fl_vec *out);
/* How many bytes of s to quote in a message (at most 80, on a code point boundary), and the
 * "..." to append when it was cut. */
FL_HIDDEN int fl__excerpt_len(const char *s, size_t len);
FL_HIDDEN const char *fl__excerpt_more(size_t len);

/* ------------------------------------------------------------------ value.c */

/* Appends a value node; *id receives its id. key: the member name when the value will be an
 * object member (NULL otherwise); text: a string's bytes or a number as written. */
FL_HIDDEN fl_status fl__value_add(fl_lexicon *lex, fl_value_kind kind, const char *key,
                                  size_t key_len, const char *text, size_t len, double number,
                                  uint32_t *id);
/* Gives the array or object `id` its items: kids[0..n) (value ids, in order). */
FL_HIDDEN fl_status fl__value_set_kids(fl_lexicon *lex, uint32_t id, const uint32_t *kids,
                                       size_t n);
/* The value with the given id, or NULL for FL_NO_ID. */
FL_HIDDEN const fl_value *fl__value_get(const fl_lexicon *lex, uint32_t id);

/* ------------------------------------------------------------------ lexicon_build.c */

/* The lexicon a builder fills (NULL once the builder failed or compiled). */
FL_HIDDEN fl_lexicon *fl__builder_lexicon(fl_builder *b);
/* Items of each kind added so far: the index the next one gets in messages. */
typedef struct fl_builder_counts {
    size_t terms, exclusions, contrasts, actors;
} fl_builder_counts;
FL_HIDDEN void fl__builder_counts(const fl_builder *b, fl_builder_counts *out);
/* The builder calls with the item's free-form data given as a value id (FL_NO_ID: none)
 * instead of JSON text; the public functions parse their text and call these. */
FL_HIDDEN fl_status fl__builder_add_category(fl_builder *b, const fl_category_spec *spec,
                                             uint32_t extras, fl_error *err);
FL_HIDDEN fl_status fl__builder_add_term(fl_builder *b, const fl_term_spec *spec, uint32_t extras,
                                         fl_error *err);
FL_HIDDEN fl_status fl__builder_add_contrast(fl_builder *b, const fl_contrast_spec *spec,
                                             uint32_t extras, fl_error *err);
FL_HIDDEN fl_status fl__builder_add_actor(fl_builder *b, const fl_actor_spec *spec, uint32_t extras,
                                          fl_error *err);
FL_HIDDEN fl_status fl__builder_set_extras(fl_builder *b, uint32_t extras, fl_error *err);
/* Marks the builder as failed after an error found outside it (a JSON syntax error). */
FL_HIDDEN void fl__builder_fail(fl_builder *b);

/* ------------------------------------------------------------------ lexicon_json.c */

/* Parses the JSON object text[0..len) holding an item's free-form data (source, note, meta:
 * the same keys for every kind of item) into a value tree of b's lexicon; *id receives it.
 * path names the item in messages. */
FL_HIDDEN fl_status fl__json_extras(fl_builder *b, const char *text, size_t len, const char *path,
                                    size_t item, uint32_t *id, fl_error *err);

/* Interns s into the vocabulary (lexicon.c). */
FL_HIDDEN fl_status fl__vocab_intern(fl_lexicon *lex, const uint8_t *s, size_t len, uint32_t *id);

/* ------------------------------------------------------------------ actors.c */

/* Compiles the actors' names and aliases for finding them in text (fl_builder_compile).
 * An alias without a word is an error naming it (actors[i].aliases[k]). */
FL_HIDDEN fl_status fl__actors_compile(fl_lexicon *lex, const char *source, fl_error *err);
FL_HIDDEN void fl__actors_free(fl_lexicon *lex);

/* ------------------------------------------------------------------ cues.c */

/* Word classes of the voice stage's own table (cues.c). A word may be in several. */
enum {
    FL_W_SPEECH = 1u << 0, /* verbs of saying: said, claims, told, … */
    FL_W_THOUGHT = 1u << 1, /* believe, think, know, fear, … */
    FL_W_INTENT = 1u << 2, /* want, plan, hope, refuse, … */
    FL_W_STANCE = 1u << 3, /* support, oppose, criticize, praise, … */
    FL_W_EVIDENCE = 1u << 4, /* show, indicate, find (a report, a poll) */
    FL_W_SEEM = 1u << 5, /* seem, appear: a source-less attribution */
    FL_W_NOUNLIKE = 1u << 6, /* some forms are also nouns ("claims", "plans") */
    FL_W_RECIPIENT = 1u << 7, /* may name whom it is said to ("told reporters that") */
    FL_W_NOUN_CUE = 1u << 8, /* a noun taking reported content ("the claim that") */
    FL_W_MEDIUM = 1u << 9, /* where it was said ("in a statement", "on Twitter") */
    FL_W_ACCORDING = 1u << 10, /* "according" (to), "по словам" */
    FL_W_NEGATION = 1u << 11, /* not, never, no, without, … */
    FL_W_DISTANCE = 1u << 12, /* allegedly, purported, … (one word) */
    FL_W_SO = 1u << 13, /* "so" / "self" of so-called, self-proclaimed */
    FL_W_CALLED = 1u << 14, /* "called", "proclaimed", "styled" after them */
    FL_W_DET = 1u << 15, /* the, a, his, their, some, … : a noun follows */
    FL_W_PRON = 1u << 16, /* he, she, they, who, … : can be a speaker */
    FL_W_AUX = 1u << 17, /* is, has, will, would, … */
    FL_W_ADV = 1u << 18, /* also, still, never, … (and any word in -ly) */
    FL_W_CONJ = 1u << 19, /* and, but, because, that, … */
    FL_W_OPENER = 1u << 20, /* that, whether, if, how, … : reported content opens */
    FL_W_PREP = 1u << 21, /* to, in, on, for, … */
    FL_W_TIME = 1u << 22, /* Tuesday, today, week, … */
    FL_W_SECTION = 1u << 23, /* a headline's section label: Analysis, Live, Watch, … */
    FL_W_ROLE = 1u << 24, /* a person or an organisation by role: minister, ministry */
    FL_W_RELATIVE = 1u << 25, /* who, which, whose, whom */
    FL_W_VERB = 1u << 26, /* a common verb that is no cue ("rose", "remained") */
    FL_W_QUOTE_VERB = 1u << 27, /* reports a quotation it follows ("…?" he continued) */
    FL_W_PARTICLE = 1u << 28, /* part of a phrasal cue: "pointed out", "called for" */
    FL_W_SOURCE = 1u << 29, /* a document that speaks: report, poll, study, source */
    FL_W_CLAUSE = 1u << 30 /* a cue only before a clause, an infinitive or a quotation
                            * ("wrote that", not "wrote a book"); with FL_W_OBJECT
                            * also before its topic ("spoke about …") */
};
/* Bit 31 is no int, which an enumerator must be in ISO C: a macro instead.
 * It reports a thing it names: its content is a noun phrase that ends with its clause
 * ("endorsed Clinton, …"). */
#define FL_W_OBJECT (UINT32_C(1) << 31)

/* Lemma classes of a table word (fl_cue.cls): what the attribution rules ask of a cue's
 * lemma on most cue words they reach, set in the table so that a test reads one byte
 * instead of comparing lemmas (tests/c/test_cues.cc checks them against the lemmas). */
enum {
    FL_C_LIGHT = 1u << 0, /* light_verb(): make, take, put, the past of a verb of issuing */
    /* reports only with "off" after it: a dismissal (shrug, brush, laugh, wave), a list
     * given (rattle, tick), or "sound" (off: speak out); verb_here() */
    FL_C_OFF = 1u << 1,
    FL_C_CALL = 1u << 2, /* lemma "call" */
    FL_C_CONSIDER = 1u << 3, /* lemma "consider" */
    FL_C_RAIL = 1u << 4, /* lemma "rail" ("railed against") */
    FL_C_LASH = 1u << 5, /* lemma "lash" ("lashed out at") */
    /* reduced_passive(): a charge, its preposition after the participle ("a grower accused
     * of fraud", "two aides charged with perjury") */
    FL_C_CHARGE_OF = 1u << 6, /* accuse, suspect, convict */
    FL_C_CHARGE_WITH = 1u << 7 /* charge, credit */
};

/* The grammatical form of a table word. */
enum { FL_FORM_NONE, FL_FORM_BASE, FL_FORM_S, FL_FORM_PAST, FL_FORM_PP, FL_FORM_ING, FL_FORM_ADJ };

typedef struct fl_cue {
    const char *word; /* folded form */
    uint8_t len; /* bytes of word */
    uint8_t cls; /* FL_C_*: its lemma's place in the attribution rules' lemma tests */
    const char *lemma; /* "said" -> "say" */
    /* bits, form and three zero bytes: the 8 bytes context.c copies whole into a token's
     * fl_vtok (said_bits, form, and a fresh quoted, role and naming) */
    uint32_t bits; /* FL_W_* */
    uint8_t form; /* FL_FORM_* */
    uint8_t zero[3];
} fl_cue;

/* fl__vocab_probe from slot `first` (fl__vocab_first(hash, lex->vocab_mask), which a caller
 * that prefetched the slot has computed already), in a table that exists (a compiled
 * lexicon's always does). */
static inline const fl_vocab_slot *fl__vocab_probe_at(const fl_lexicon *lex, const uint8_t *s,
                                                      size_t len, uint32_t hash, uint64_t head,
                                                      uint64_t tail, size_t first) {
    uint16_t check = (uint16_t)(hash >> 16);
    for (size_t i = first;; i = (i + 1) & lex->vocab_mask) {
        const fl_vocab_slot *slot = &lex->vocab_slots[i];
        if (slot->id == 0 && slot->cue == 0) {
            return NULL;
        }
        if (slot->check == check && slot->head == head) {
            /* equal heads: equal lengths; up to FL_VOCAB_HEAD bytes both tails are 0 (no
             * branch on the length, which was mispredicted on a third of the tokens) */
            if (len <= FL_VOCAB_TAIL_MAX) {
                if (slot->tail == tail) {
                    return slot;
                }
                continue;
            }
            const uint8_t *str;
            size_t slen;
            if (slot->id != 0) {
                fl_span v = FL_VEC_AT(lex->vocab, fl_span, slot->id - 1);
                str = fl__vec_bytes(&lex->bytes, v.off);
                slen = v.len;
            } else {
                str = (const uint8_t *)lex->cues[slot->cue - 1].word;
                slen = lex->cues[slot->cue - 1].len;
            }
            if (slen == len &&
                memcmp(str + FL_VOCAB_HEAD, s + FL_VOCAB_HEAD, len - FL_VOCAB_HEAD) == 0) {
                return slot;
            }
        }
    }
}
/* The vocabulary slot of s[0..len) (hash: fl__hash_bytes, head: fl__vocab_head, tail:
 * fl__vocab_tail), or NULL. For the matcher's inner loop; fl__vocab_find gives the id alone. */
static inline const fl_vocab_slot *fl__vocab_probe(const fl_lexicon *lex, const uint8_t *s,
                                                   size_t len, uint32_t hash, uint64_t head,
                                                   uint64_t tail) {
    if (lex->vocab_slots == NULL) {
        return NULL;
    }
    return fl__vocab_probe_at(lex, s, len, hash, head, tail,
                              fl__vocab_first(hash, lex->vocab_mask));
}
/* The table entry of a folded word s[0..len) whose hash (fl__hash_bytes) is hash,
 * or NULL. No allocation, no state: any thread may call it. */
FL_HIDDEN const fl_cue *fl__cue_find(const uint8_t *s, size_t len, uint32_t hash);
/* The classes of a folded word (0 when it is not in the table). */
FL_HIDDEN uint32_t fl__cue_bits(const uint8_t *s, size_t len);
/* The whole table, for tests: *n receives the number of entries. */
FL_HIDDEN const fl_cue *fl__cue_table(size_t *n);

/* ------------------------------------------------------------------ context.c */

/* What the voice stage knows of each token. */
typedef struct fl_vtok {
    const fl_cue *cue; /* its entry in the word table, or NULL */
    /* cue->bits, or 0 when quoted (quotes.c's mark_quoted_range() keeps it so) or no cue
     * word: bits() of voice.h, which the rules ask of most tokens they read, in one load
     * (cue_bits() gives the cue's bits of a quoted token too) */
    uint32_t said_bits;
    uint8_t form; /* cue->form, or FL_FORM_NONE (copied: the scans read it often) */
    uint8_t quoted; /* inside quotation marks (set by mark_quoted_range(), quotes.c) */
    uint8_t role; /* FL_ROLE_*: its part in an attribution of its sentence */
    uint8_t naming; /* content of a naming verb ("called them …"), not of a statement */
    uint32_t opened; /* a closing quotation mark: the token that opened it; else UINT32_MAX */
    /* the actor mention it is part of (index into res->mentions), or UINT32_MAX (actors.c) */
    uint32_t mention;
    uint32_t words_before; /* word tokens before it in the text */
    /* its code point when it is punctuation, else 0 (the rules ask for it of most tokens they
     * read: one load here, not its kind in the token and its code point in the tokinfo) */
    int32_t punct;
} fl_vtok;

enum { FL_ROLE_NONE = 0, FL_ROLE_CONTENT = 1, FL_ROLE_SPEAKER = 2, FL_ROLE_CUE = 3 };

/* One attribution as the voice stage finds it (fl_attribution, public, gives offsets):
 * who (speaker), by which cue, reports what (content). Token ranges are [first, end) into
 * the result's tokens; an empty range (first == end) is absent. The content may come in two
 * pieces: before and after a parenthetical cue ("The plan, he said, will fail"). The cue
 * word's table entry (fl_vtok.cue) gives its lemma; cue_word is UINT32_MAX when punctuation
 * is the cue (a headline's colon or dash). kind: fl_attribution_kind. */
typedef struct fl_attr {
    uint32_t sentence;
    uint32_t speaker_first, speaker_end;
    uint32_t cue_first, cue_end;
    uint32_t cue_word;
    uint32_t content_first, content_end;
    uint32_t content2_first, content2_end;
    uint8_t kind;
    uint8_t nested; /* inside the content of another attribution */
} fl_attr;

/* ------------------------------------------------------------------ dedupe.c */

/* FL_OK, or FL_ERR_ARG with err saying which of params is out of range (or NULL). */
FL_HIDDEN fl_status fl__dedupe_check_params(const fl_dedupe_params *params, fl_error *err);

/* ------------------------------------------------------------------ match.c, context.c */

struct fl_result {
    fl_allocator alloc;
    fl_vec tokens; /* fl_token */
    fl_vec infos; /* fl_tokinfo */
    fl_vec sentences; /* fl_sentence */
    fl_vec matches; /* fl_match */
    fl_vec folded; /* bytes of folded token forms */
    fl_vec scratch; /* int32_t, for folding */
    fl_vec stack; /* matcher work list */
    fl_vec wild; /* uint32_t: wildcard labels of the tokens (fl_tokinfo.wild_first) */
    fl_vec cover; /* int32_t: exclusion coverage */
    fl_vec markers; /* fl_marker */
    fl_fold_cache *fold_cache; /* forms of recent non-ASCII tokens (fold.c) */
    fl_vec vtoks; /* fl_vtok per token (context.c) */
    fl_vec attributions; /* fl_attr, in sentence order (attribution*.c) */
    fl_vec attr_out; /* fl_attribution: the same with offsets, for the caller (context.c) */
    fl_vec mentions; /* fl_actor_mention (actors.c) */
    fl_vec link_scratch; /* bytes: work space of context.c's link_matches, kept for reuse */
    fl_vec sentence_cues; /* context.c: what each sentence holds (cue words, colons, dashes) */
    fl_vec cue_tokens; /* uint32_t: the tokens with a cue word for attributions (context.c) */
    fl_vec starts; /* uint8_t per token, FL_START_* (match.c), and 8 zero bytes after the last */
    fl_vec utf8; /* corpus.c: the text being analysed, when it came as other code units */
    fl_dedupe_scratch *dedupe; /* corpus.c: for signing beside the analysis (fl_batch_sign) */
    fl_attributions keep_attributions; /* fl_result_keep_attributions */
};

/* Looks up each token's folded (and, when the lexicon has case-sensitive terms, exact)
 * form in the vocabulary, and takes the first step of fl__match's walks from it. */
FL_HIDDEN fl_status fl__label_tokens(const fl_lexicon *lex, const uint8_t *text, fl_result *res);
/* fl__label_tokens in two passes (one_pass false: the vocabulary slots asked for ahead) or in
 * one (each token looked up as it is folded), which fl__label_tokens takes for a table that
 * stays in cache; the labels are the same either way, and the tests compare the two. */
FL_HIDDEN fl_status fl__label_tokens_with(const fl_lexicon *lex, const uint8_t *text,
                                          fl_result *res, bool one_pass);
/* Finds the matches of every sentence (appends to res->matches, fills sentence ranges). */
FL_HIDDEN fl_status fl__match(const fl_lexicon *lex, fl_result *res);
/* Sets the voice and negation of every match and finds distancing markers. */
FL_HIDDEN fl_status fl__context(const fl_lexicon *lex, const uint8_t *text, fl_result *res);

#endif /* FL_INTERNAL_H */
