/* tokenize.c: splits UTF-8 text into word, clitic, hyphen and punctuation tokens. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 for the blocks of plain_words where the CPU has it, chosen per text at run time */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define FL_TOK_AVX2 1
#include <immintrin.h>
#else
#define FL_TOK_AVX2 0
#endif

/*
 * The rules (docs/matching.md has them with examples):
 * - whitespace separates tokens and belongs to none;
 * - a word is a run of letters, digits and marks; inside it, an apostrophe, a period or an
 *   '@' between two letters/digits, a comma between two digits and format characters are
 *   kept ("d'état", "U.S", "3.5", "1,000", "Jane.Doe@example.com");
 * - an apostrophe + s/S at the end of a word is a clitic token of its own ("Kyiv" "'s");
 * - a hyphen or dash with no space on either side is a hyphen token ("Kiev" "-"
 *   "controlled"); anywhere else it is punctuation;
 * - any other character is a punctuation token, with the combining marks that follow it.
 * The decoder runs one code point ahead at most, so the pass is linear.
 */

/* Per byte: 1 for an ASCII letter, 2 for an ASCII digit, 0 for anything else (all bytes
 * >= 0x80 included, which take the decoding path). */
/* clang-format off */
static const uint8_t WORD_BYTE[256] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
    ['8'] = 2, ['9'] = 2,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};
/* clang-format on */

/* The classes of U+2000 to U+203F (E2 80 80 to E2 80 BF), as fl__cclass answers them: the
 * curly quotes, apostrophes and dashes of news, read without decoding or a call. */
#define S FL_C_SPACE
#define F FL_C_FORMAT
#define A FL_C_APOSTROPHE
#define H FL_C_HYPHEN
#define O FL_C_OTHER
/* clang-format off */
const uint8_t fl__tokenize_punct_class[64] = {
    S, S, S, S, S, S, S, S, S, S, S, F, F, F, F, F, /* U+2000: spaces, zero-width format */
    H, H, H, H, O, O, O, O, A, A, O, O, O, O, O, O, /* U+2010: hyphens, dashes, quotes */
    O, O, O, O, O, O, O, O, S, S, F, F, F, F, F, S, /* U+2020: line and paragraph breaks */
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* U+2030 */
};
/* clang-format on */
#undef S
#undef F
#undef A
#undef H
#undef O

typedef struct cursor {
    const uint8_t *text;
    size_t len;
} cursor;

/* The code point at pos < len and its class; *n receives its byte length. An ASCII byte,
 * most of them, takes one table read and no range checks. */
static inline int32_t peek_class(const cursor *c, size_t pos, size_t *n, fl_cclass *k) {
    uint8_t b = c->text[pos];
    if (b < 0x80) {
        *n = 1;
        *k = (fl_cclass)fl__ascii_class[b];
        return b;
    }
    if (b == 0xE2 && c->len - pos >= 3 && c->text[pos + 1] == 0x80 &&
        (c->text[pos + 2] & 0xC0) == 0x80) {
        unsigned low = c->text[pos + 2] & 0x3Fu;
        *n = 3;
        *k = (fl_cclass)fl__tokenize_punct_class[low];
        return 0x2000 + (int32_t)low;
    }
    int32_t cp;
    *n = fl__utf8_decode_fast(c->text + pos, c->len - pos, &cp);
    *k = fl__cclass_fast(cp);
    return cp;
}

/* peek_class, and -1 with FL_C_SPACE at the end */
static inline int32_t peek_class_or_end(const cursor *c, size_t pos, size_t *n, fl_cclass *k) {
    if (pos >= c->len) {
        *n = 0;
        *k = FL_C_SPACE;
        return -1;
    }
    return peek_class(c, pos, n, k);
}

static bool is_wordish(fl_cclass k) {
    return k == FL_C_LETTER || k == FL_C_DIGIT;
}

static bool ascii_lower(uint8_t b) {
    return b >= 'a' && b <= 'z';
}

/* Is the '.' at pos a sentence's end with its space lost ("Lind said.Brandt agreed", common
 * in scraped text), not a dot inside a word? Two lower-case letters before it, and after it
 * a capitalised word that ends the token: "example.com", "Jane.Doe@example.com",
 * "St.Louis" and "e.g." stay words. */
static bool lost_space(const cursor *c, size_t pos) {
    const uint8_t *t = c->text;
    if (pos < 2 || !ascii_lower(t[pos - 1]) || !ascii_lower(t[pos - 2]) || pos + 2 >= c->len ||
        t[pos + 1] < 'A' || t[pos + 1] > 'Z' || !ascii_lower(t[pos + 2])) {
        return false;
    }
    size_t j = pos + 3;
    while (j < c->len && ascii_lower(t[j])) {
        j++;
    }
    /* what may continue a name, an address or a path keeps the dot in the word */
    return j >= c->len || !(WORD_BYTE[t[j]] || t[j] >= 0x80 || t[j] == '.' || t[j] == '@' ||
                            t[j] == '_' || t[j] == '/' || t[j] == '-' || t[j] == '\'');
}

/* Does the word continue through the joiner at pos, of n bytes? prev is the class of the
 * code point before the joiner. What comes before is asked first: a comma after a letter
 * ("but,”") needs no look at what follows. */
static bool joins(const cursor *c, size_t pos, size_t n, int32_t joiner, fl_cclass jclass,
                  fl_cclass prev) {
    if (joiner == ',' ? prev != FL_C_DIGIT : !(is_wordish(prev) || prev == FL_C_MARK)) {
        return false;
    }
    size_t n2;
    fl_cclass nk;
    int32_t next = peek_class_or_end(c, pos + n, &n2, &nk);
    if (jclass == FL_C_APOSTROPHE) {
        if (!is_wordish(nk)) {
            return false;
        }
        if (next == 's' || next == 'S') {
            /* "Kyiv's": the clitic is split off when the s ends the word. */
            size_t n3;
            fl_cclass ak;
            peek_class_or_end(c, pos + n + n2, &n3, &ak);
            if (!is_wordish(ak) && ak != FL_C_MARK && ak != FL_C_FORMAT) {
                return false;
            }
        }
        return true;
    }
    if (joiner == ',') {
        return nk == FL_C_DIGIT;
    }
    return is_wordish(nk) && !(joiner == '.' && lost_space(c, pos));
}

#if defined(__SSE2__)
/* The 16 bytes of v as two masks (bit i for byte i): ASCII letters in *letters, ASCII
 * letters and digits returned. x is in [lo, lo + n) when (x - lo) ^ 0x80 < n ^ 0x80 as
 * signed bytes. */
static inline unsigned ascii_word_mask(__m128i v, unsigned *letters) {
    const __m128i bit5 = _mm_set1_epi8(0x20);
    const __m128i to_a = _mm_set1_epi8((char)(-'a' - 128));
    const __m128i to_0 = _mm_set1_epi8((char)(-'0' - 128));
    const __m128i n26 = _mm_set1_epi8((char)(26 - 128));
    const __m128i n10 = _mm_set1_epi8((char)(10 - 128));
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, bit5), to_a), n26);
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_0), n10);
    *letters = (unsigned)_mm_movemask_epi8(letter);
    return *letters | (unsigned)_mm_movemask_epi8(digit);
}
#endif

/* The end of the run of ASCII letters and digits at text[pos..len); *seen gets bit 0 for a
 * letter in it (and may get bit 1 for a digit: the caller reads bit 0 only). Sixteen bytes
 * at a time where SSE2 is there (every x86-64): the end of a word is then found without a
 * mispredicted branch per byte. */
static inline size_t ascii_run(const uint8_t *text, size_t pos, size_t len, unsigned *seen) {
#if defined(__SSE2__)
    while (pos + 16 <= len) {
        unsigned lm;
        unsigned word =
            ascii_word_mask(_mm_loadu_si128((const __m128i *)(const void *)(text + pos)), &lm);
        unsigned stop = ~word & 0xFFFFu;
        if (stop != 0) {
            unsigned n = (unsigned)__builtin_ctz(stop);
            unsigned in = (1u << n) - 1;
            *seen |= (lm & in) != 0 ? 1u : 0u;
            return pos + n;
        }
        *seen |= lm != 0 ? 1u : 0u;
        pos += 16;
    }
#endif
    while (pos < len && WORD_BYTE[text[pos]] != 0) {
        *seen |= WORD_BYTE[text[pos]];
        pos++;
    }
    return pos;
}

/* Is b, after an ASCII symbol, a stop (classify_block) that leaves the symbol to the
 * general path (a byte past ASCII, an apostrophe or a hyphen: not whitespace, which ends
 * it)? plain_words would cut nothing there ("but,” he said": the comma). */
static inline bool stop_after_symbol(uint8_t b) {
    return b >= 0x80 || b == '\'' || b == '`' || b == '-';
}

#if defined(__SSE2__) /* plain_words' alone: unused, and an error, without SSE2 */
/* The end of an ASCII word that the general path takes on through the '.', ',' or '@' at
 * *end (after a letter or digit), and on through those after it, into *end; false where it
 * may not be told from ASCII alone (a byte past ASCII, an apostrophe after it). *letter and
 * *at get whether a letter or an '@' was gone through. */
static bool ascii_joined(const uint8_t *text, size_t len, size_t *end, bool *letter, bool *at) {
    const cursor c = {text, len};
    size_t r = *end;
    while (r < len && (text[r] == '.' || text[r] == ',' || text[r] == '@')) {
        uint8_t x = text[r];
        if (r + 1 < len && text[r + 1] >= 0x80) {
            return false;
        }
        /* joins: prev is the ASCII letter or digit before x */
        if (r + 1 >= len || WORD_BYTE[text[r + 1]] == 0 ||
            (x == ',' ? !(WORD_BYTE[text[r - 1]] == 2 && WORD_BYTE[text[r + 1]] == 2)
                      : x == '.' && lost_space(&c, r))) {
            break;
        }
        *at |= x == '@';
        r++;
        while (r < len && WORD_BYTE[text[r]] != 0) {
            *letter |= WORD_BYTE[text[r]] & 1;
            r++;
        }
    }
    *end = r;
    if (r >= len || text[r] == ' ' || text[r] == '.' || text[r] == ',' || text[r] == '@') {
        return true;
    }
    /* what else may go on with the word: a byte past ASCII, an apostrophe, a mark or a
     * format character */
    if (text[r] >= 0x80) {
        return false;
    }
    fl_cclass k = (fl_cclass)fl__ascii_class[text[r]];
    return k != FL_C_APOSTROPHE && k != FL_C_MARK && k != FL_C_FORMAT && k != FL_C_LETTER &&
           k != FL_C_DIGIT;
}
#endif

_Static_assert(offsetof(fl_token, end) == 4 && offsetof(fl_token, cp_start) == 8 &&
                   offsetof(fl_token, cp_end) == 12 && offsetof(fl_token, sentence) == 16 &&
                   offsetof(fl_token, kind) == 20 && offsetof(fl_token, space_before) == 21 &&
                   offsetof(fl_token, newlines_before) == 22 && sizeof(fl_token) == 24,
               "plain_words stores a token as three 8-byte words");
_Static_assert(offsetof(fl_tokinfo, ncp) == 4, "plain_words stores cp0 and ncp as one word");

/* Writes the record of a punctuation token of n bytes at start, code point cp_start: the one
 * code point cp, of class FL_C_OTHER, with no mark after it. */
static inline void put_symbol(fl_token *t, fl_tokinfo *info, size_t start, size_t n,
                              size_t cp_start, bool space, int32_t cp) {
    t->start = (uint32_t)start;
    t->end = (uint32_t)(start + n);
    t->cp_start = (uint32_t)cp_start;
    t->cp_end = (uint32_t)(cp_start + 1);
    t->sentence = 0;
    t->kind = FL_TOKEN_PUNCT;
    t->space_before = space ? 1 : 0;
    t->newlines_before = 0;
    t->reserved = 0;
    memset(info, 0, offsetof(fl_tokinfo, id_fold));
    info->cp0 = cp;
    info->ncp = 1;
}

/* Stores a plain token's records as the three and two 8-byte words plain_words builds in
 * registers: start and end (offsets), the same less lag2 (the code point indexes), then
 * sentence 0, kind, space_before, no newlines (kinds); cp0 and ncp (cps), then the shape. */
FL_ALWAYS_INLINE static inline void put_plain(fl_token *t, fl_tokinfo *info, uint64_t offsets,
                                              uint64_t lag2, uint64_t kinds, uint64_t cps,
                                              uint64_t shape) {
    unsigned char *tr = (unsigned char *)t;
    memcpy(tr, &offsets, 8);
    offsets -= lag2;
    memcpy(tr + 8, &offsets, 8);
    memcpy(tr + 16, &kinds, 8);
    unsigned char *ir = (unsigned char *)info;
    memcpy(ir, &cps, 8);
    memcpy(ir + offsetof(fl_tokinfo, upper), &shape, 8);
}

/* Records plain_words needs room for before it cuts a block (one more than it may cut). */
enum { PLAIN_ROOM = 64 };

/* Where fl__tokenize stands: the next byte, the next code point's index, whether
 * whitespace came before it; where plain_words last stopped at a token or a byte that only
 * the general path may take (so that it is not asked again there); and the line breaks that
 * plain_words went through after its last token, for the next one. */
typedef struct plain_state {
    size_t pos;
    size_t cpi;
    bool space;
    size_t stuck;
    unsigned newlines;
} plain_state;

#if defined(__SSE2__)
/* What the first byte of a plain ASCII token tells of it: BYTE_TOKEN[0], its kind where the
 * third word of its fl_token holds it, with space_before 1 (a word's first byte is an ASCII
 * letter or digit, a symbol's neither; no byte past ASCII starts one); BYTE_TOKEN[1], the
 * shape bytes of its fl_tokinfo (upper, lower, has_letter, all_digits, simple, same and the
 * padding up to id_fold): those of a word starting with an upper-case letter, a lower-case one,
 * a digit (digits only: a word with a letter too has DIGIT_LETTER); none for a symbol. As
 * little-endian words (as the records' other words: x86), each written by one 8-byte copy ("same"
 * is label's to set); one table, so that one register holds both. */
#define SHAPE(upper, lower, has_letter, all_digits, simple)                                        \
    ((uint64_t)(upper) | (uint64_t)(lower) << 8 | (uint64_t)(has_letter) << 16 |                   \
     (uint64_t)(all_digits) << 24 | (uint64_t)(simple) << 32)
#define SP ((uint64_t)1 << 40)
#define P ((uint64_t)FL_TOKEN_PUNCT << 32 | SP)
#define W SP
#define U SHAPE(1, 0, 1, 0, 1)
#define L SHAPE(0, 1, 1, 0, 1)
#define D SHAPE(0, 0, 0, 1, 1)
/* clang-format off */
static const uint64_t BYTE_TOKEN[2][256] = {{
    [0x00] = P, [0x01] = P, [0x02] = P, [0x03] = P, [0x04] = P, [0x05] = P,
    [0x06] = P, [0x07] = P, [0x08] = P, [0x09] = P, [0x0A] = P, [0x0B] = P,
    [0x0C] = P, [0x0D] = P, [0x0E] = P, [0x0F] = P, [0x10] = P, [0x11] = P,
    [0x12] = P, [0x13] = P, [0x14] = P, [0x15] = P, [0x16] = P, [0x17] = P,
    [0x18] = P, [0x19] = P, [0x1A] = P, [0x1B] = P, [0x1C] = P, [0x1D] = P,
    [0x1E] = P, [0x1F] = P, [0x20] = P, [0x21] = P, [0x22] = P, [0x23] = P,
    [0x24] = P, [0x25] = P, [0x26] = P, [0x27] = P, [0x28] = P, [0x29] = P,
    [0x2A] = P, [0x2B] = P, [0x2C] = P, [0x2D] = P, [0x2E] = P, [0x2F] = P,
    [0x3A] = P, [0x3B] = P, [0x3C] = P, [0x3D] = P, [0x3E] = P, [0x3F] = P,
    [0x40] = P, [0x5B] = P, [0x5C] = P, [0x5D] = P, [0x5E] = P, [0x5F] = P,
    [0x60] = P, [0x7B] = P, [0x7C] = P, [0x7D] = P, [0x7E] = P, [0x7F] = P,
    ['0'] = W, ['1'] = W, ['2'] = W, ['3'] = W,
    ['4'] = W, ['5'] = W, ['6'] = W, ['7'] = W,
    ['8'] = W, ['9'] = W, ['A'] = W, ['B'] = W,
    ['C'] = W, ['D'] = W, ['E'] = W, ['F'] = W,
    ['G'] = W, ['H'] = W, ['I'] = W, ['J'] = W,
    ['K'] = W, ['L'] = W, ['M'] = W, ['N'] = W,
    ['O'] = W, ['P'] = W, ['Q'] = W, ['R'] = W,
    ['S'] = W, ['T'] = W, ['U'] = W, ['V'] = W,
    ['W'] = W, ['X'] = W, ['Y'] = W, ['Z'] = W,
    ['a'] = W, ['b'] = W, ['c'] = W, ['d'] = W,
    ['e'] = W, ['f'] = W, ['g'] = W, ['h'] = W,
    ['i'] = W, ['j'] = W, ['k'] = W, ['l'] = W,
    ['m'] = W, ['n'] = W, ['o'] = W, ['p'] = W,
    ['q'] = W, ['r'] = W, ['s'] = W, ['t'] = W,
    ['u'] = W, ['v'] = W, ['w'] = W, ['x'] = W,
    ['y'] = W, ['z'] = W,
}, {
    ['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D,
    ['4'] = D, ['5'] = D, ['6'] = D, ['7'] = D,
    ['8'] = D, ['9'] = D, ['A'] = U, ['B'] = U,
    ['C'] = U, ['D'] = U, ['E'] = U, ['F'] = U,
    ['G'] = U, ['H'] = U, ['I'] = U, ['J'] = U,
    ['K'] = U, ['L'] = U, ['M'] = U, ['N'] = U,
    ['O'] = U, ['P'] = U, ['Q'] = U, ['R'] = U,
    ['S'] = U, ['T'] = U, ['U'] = U, ['V'] = U,
    ['W'] = U, ['X'] = U, ['Y'] = U, ['Z'] = U,
    ['a'] = L, ['b'] = L, ['c'] = L, ['d'] = L,
    ['e'] = L, ['f'] = L, ['g'] = L, ['h'] = L,
    ['i'] = L, ['j'] = L, ['k'] = L, ['l'] = L,
    ['m'] = L, ['n'] = L, ['o'] = L, ['p'] = L,
    ['q'] = L, ['r'] = L, ['s'] = L, ['t'] = L,
    ['u'] = L, ['v'] = L, ['w'] = L, ['x'] = L,
    ['y'] = L, ['z'] = L,
}};
/* clang-format on */
static const uint64_t DIGIT_LETTER = SHAPE(0, 0, 1, 0, 1);
static const uint64_t SP_BIT = SP; /* space_before in BYTE_TOKEN[0] */
#undef P
#undef W
#undef U
#undef L
#undef D
#undef SHAPE
#undef SP
_Static_assert(FL_TOKEN_WORD == 0, "BYTE_TOKEN leaves a word's kind 0");
_Static_assert(offsetof(fl_tokinfo, lower) == offsetof(fl_tokinfo, upper) + 1 &&
                   offsetof(fl_tokinfo, has_letter) == offsetof(fl_tokinfo, upper) + 2 &&
                   offsetof(fl_tokinfo, all_digits) == offsetof(fl_tokinfo, upper) + 3 &&
                   offsetof(fl_tokinfo, simple) == offsetof(fl_tokinfo, upper) + 4 &&
                   offsetof(fl_tokinfo, id_fold) == offsetof(fl_tokinfo, upper) + 8,
               "BYTE_TOKEN copies the eight bytes from upper to id_fold");

/* What plain_words needs to know of a block of 64 bytes, a bit a byte (bit i for byte i). */
typedef struct block_masks {
    uint64_t word;   /* ASCII letters and digits */
    uint64_t letter; /* ASCII letters */
    uint64_t space;  /* ' ' */
    uint64_t stop;   /* bytes where only the general path may cut (classify_block) */
    uint64_t hard;   /* the stops no token goes on through: whitespace other than ' ' */
} block_masks;

static inline __m128i bytes_eq(__m128i v, char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/* The masks of the 64 bytes at p. The stops: a byte past ASCII, whitespace other than ' ',
 * an apostrophe ('\'', '`') or a hyphen ('-'), and what a word may join through: an '@', '.'
 * or ',' after a letter or digit and before a letter, a digit or a stop other than
 * whitespace (a byte past ASCII may be a letter). Whether byte 63 joins is not known here:
 * the caller stops there. */
static inline block_masks classify_block(const uint8_t *p) {
    uint64_t word = 0;
    uint64_t letter = 0;
    uint64_t space = 0;
    uint64_t stop = 0;
    uint64_t hard = 0;
    uint64_t joiner = 0;
    for (unsigned c = 0; c < 4; c++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * c));
        unsigned lm;
        unsigned wm = ascii_word_mask(v, &lm);
        /* \t \n \v \f \r: 9 to 13, in range when (x - 9) ^ 0x80 < 5 ^ 0x80 as signed bytes;
         * bytes past ASCII are the negative ones */
        __m128i ws = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(-'\t' - 128))),
                                    _mm_set1_epi8((char)(5 - 128)));
        __m128i hi = _mm_cmplt_epi8(v, _mm_setzero_si128());
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_or_si128(ws, hi), bytes_eq(v, '-')),
                                     _mm_or_si128(bytes_eq(v, '\''), bytes_eq(v, '`')));
        __m128i joins = _mm_or_si128(_mm_or_si128(bytes_eq(v, '.'), bytes_eq(v, ',')),
                                     bytes_eq(v, '@'));
        unsigned shift = 16 * c;
        word |= (uint64_t)wm << shift;
        letter |= (uint64_t)lm << shift;
        space |= (uint64_t)(unsigned)_mm_movemask_epi8(bytes_eq(v, ' ')) << shift;
        stop |= (uint64_t)(unsigned)_mm_movemask_epi8(stops) << shift;
        hard |= (uint64_t)(unsigned)_mm_movemask_epi8(ws) << shift;
        joiner |= (uint64_t)(unsigned)_mm_movemask_epi8(joins) << shift;
    }
    stop |= joiner & (word << 1) & ((word | (stop & ~hard)) >> 1);
    return (block_masks){word, letter, space, stop, hard};
}
#endif

#if FL_TOK_AVX2
/* classify_block with 32 bytes a vector and the classes looked up by nibble: a byte's class
 * bits are NIBBLES[0][low] & NIBBLES[1][high] | NIBBLES[2][low] & NIBBLES[3][high], so
 * that each bit is the union of two sets of bytes (high nibbles x low nibbles):
 *   0x80 letter: 4x,6x x 1-F | 5x,7x x 0-A      0x40 digit: 3x x 0-9
 *   0x20 ' ': 2x x 0                          0x10 \t-\r: 0x x 9-D
 *   0x08 '\'' '-' | '`': 2x x 7,D | 6x x 0      0x04 '.' ',' | '@': 2x x C,E | 4x x 0
 * Bytes past ASCII have none (their high nibble is 8 to F): the sign bit tells them. Bit
 * 0x80 >> k is gathered by one movemask after a shift left by k of the 16-bit lanes, which
 * brings each byte's sign bit from its own bit 7 - k. */
/* clang-format off */
static const uint8_t NIBBLES[4][32] = {
    /* low nibble 0 to F, high nibble 0 to F; twice; each in both 16-byte lanes */
    {0x60,0xC0,0xC0,0xC0,0xC0,0xC0,0xC0,0xC8,0xC0,0xD0,0x90,0x90,0x94,0x98,0x84,0x80,
     0x60,0xC0,0xC0,0xC0,0xC0,0xC0,0xC0,0xC8,0xC0,0xD0,0x90,0x90,0x94,0x98,0x84,0x80},
    {0x10,0x00,0x2C,0x40,0x80,0x00,0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,
     0x10,0x00,0x2C,0x40,0x80,0x00,0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00},
    {0x8C,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x00,0x00,0x00,0x00,0x00,
     0x8C,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x80,0x00,0x00,0x00,0x00,0x00},
    {0x00,0x00,0x00,0x00,0x04,0x80,0x08,0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,
     0x00,0x00,0x00,0x00,0x04,0x80,0x08,0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00}};
/* clang-format on */

/* The classes of the 32 bytes at p (NIBBLES) */
__attribute__((target("avx2"))) static inline __m256i
classes_avx2(const uint8_t *p, __m256i lo_a, __m256i hi_a, __m256i lo_b, __m256i hi_b) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i lo = _mm256_and_si256(v, nibble);
    __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
    return _mm256_or_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(lo_a, lo), _mm256_shuffle_epi8(hi_a, hi)),
        _mm256_and_si256(_mm256_shuffle_epi8(lo_b, lo), _mm256_shuffle_epi8(hi_b, hi)));
}

/* Class bit 0x80 >> k of the 64 classes in c0 and c1 (bytes 0-31 and 32-63), as a mask. */
#define FL_CLASS_MASK(k)                                                                           \
    ((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(c0, k)) |                          \
     (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(c1, k)) << 32)

/* Row i of NIBBLES (vpshufb looks up within each 16-byte lane): a plain load, which the
 * compiler keeps out of the loop over blocks (a broadcast it redid at every block) */
__attribute__((target("avx2"))) static inline __m256i nibbles_avx2(unsigned i) {
    return _mm256_loadu_si256((const __m256i *)(const void *)NIBBLES[i]);
}

__attribute__((target("avx2"))) static inline block_masks classify_block_avx2(const uint8_t *p) {
    __m256i lo_a = nibbles_avx2(0), hi_a = nibbles_avx2(1);
    __m256i lo_b = nibbles_avx2(2), hi_b = nibbles_avx2(3);
    __m256i c0 = classes_avx2(p, lo_a, hi_a, lo_b, hi_b);
    __m256i c1 = classes_avx2(p + 32, lo_a, hi_a, lo_b, hi_b);
    uint64_t letter = FL_CLASS_MASK(0);
    uint64_t word = letter | FL_CLASS_MASK(1);
    uint64_t hard = FL_CLASS_MASK(3);
    /* class bit 0x08 and the bytes past ASCII (their sign bit) by one movemask a half */
    __m256i s0 = _mm256_or_si256(_mm256_slli_epi16(c0, 4),
                                 _mm256_loadu_si256((const __m256i *)(const void *)p));
    __m256i s1 = _mm256_or_si256(_mm256_slli_epi16(c1, 4),
                                 _mm256_loadu_si256((const __m256i *)(const void *)(p + 32)));
    uint64_t stop = hard | (uint64_t)(uint32_t)_mm256_movemask_epi8(s0) |
                    (uint64_t)(uint32_t)_mm256_movemask_epi8(s1) << 32;
    stop |= FL_CLASS_MASK(5) & (word << 1) & ((word | (stop & ~hard)) >> 1);
    return (block_masks){word, letter, FL_CLASS_MASK(2), stop, hard};
}
#undef FL_CLASS_MASK
#endif

/* Writes the records of the run of plain tokens that starts at st->pos into t[] and info[]
 * (room for `room`), and returns how many. A plain token is a run of ASCII letters and
 * digits, or one ASCII symbol of class FL_C_OTHER, with nothing but ' ' between them and no
 * stop (classify_block) next to it: the general path would cut it the same way. The first
 * token has `newlines` line breaks before it; the others none, but after a '\n' that it
 * goes through (st->newlines has those before the token it leaves to the general path).
 *
 * 64 bytes at a time: the block is classified into masks, and each token is cut from them
 * where it starts, so that no token waits for the loads of the one before. A block ends at
 * the first stop or at byte 63; the token that reaches there is cut in the next block, or,
 * at a stop, by the general path (st->stuck marks it). The last bytes of a text are copied
 * into a block padded with stops. Of each fl_tokinfo it writes the shape (cp0 to the
 * padding before id_fold): the label stage sets the rest before anything reads it. */
#if defined(__SSE2__)
FL_ALWAYS_INLINE static inline size_t plain_words_with(block_masks (*classify)(const uint8_t *),
                                                       const uint8_t *text, size_t len,
                                                       plain_state *st, unsigned newlines,
                                                       fl_token *t, fl_tokinfo *info, size_t room) {
    size_t base = st->pos;
    /* every byte of a block is one code point: the code point index stays pos - lag (lag
     * grows by two at each dash or quote cut between two blocks) */
    size_t lag = st->pos - st->cpi;
    /* both halves of a word of two offsets less lag at once (no half goes below 0) */
    uint64_t lag2 = (uint64_t)(uint32_t)lag * 0x100000001ULL;
    bool space_in = st->space;
    fl_token *const t0 = t;
    fl_token *nl_tok = t; /* the token that `newlines` line breaks come before */
    size_t next; /* where the next call, or the general path, starts */
    bool stuck;
    if (room < PLAIN_ROOM) {
        st->stuck = SIZE_MAX; /* no room for a block: the caller grows the records */
        st->newlines = 0;
        return 0;
    }
    /* a block cuts at most 63 tokens: room for them is asked for before each (a compare of
     * pointers, not a division of their distance by the record's size) */
    fl_token *const t_last = t0 + (room - PLAIN_ROOM);
    while (t <= t_last) {
        const uint8_t *p = text + base;
        uint8_t tail[64];
        if (len - base < 64) {
            memcpy(tail, p, len - base);
            /* past the end: line breaks, stops that no token goes on through */
            memset(tail + (len - base), '\n', 64 - (len - base));
            p = tail;
        }
        block_masks m = classify(p);
        uint64_t symbol = ~(m.word | m.space | m.stop);
        uint64_t starts = (m.word & ~(m.word << 1)) | symbol;
        /* the limit as a bit: the first stop, or byte 63 */
        uint64_t limit_bit = (m.stop | (1ULL << 63)) & (0 - (m.stop | (1ULL << 63)));
        /* each token has one bit in starts (its first byte) and one in ends (its last), in
         * order; those cut here end before the byte before the limit (the byte after each
         * is then no stop), or at it when the limit is whitespace, which no token goes on
         * through (a line break after a sentence's last word and period) */
        uint64_t ends = ((m.word & ~(m.word >> 1)) | symbol) & (limit_bit - 1) &
                        ~((limit_bit & ~m.hard) >> 1);
        /* a space before byte i: bit i */
        uint64_t spaced = (m.space << 1) | (space_in ? 1u : 0u);
        fl_token *const t_block = t;
        fl_tokinfo *const info_block = info;
        /* The starts of the tokens cut (at or before the last end) with no space before them:
         * a word's comma or period, the word after an opening quote (one in thirteen of the
         * tokens cut here on the bench corpus). The loop writes space_before 1 and these are
         * mended after it: fewer instructions than the bit's move into each record. */
        uint64_t tight = ends != 0 ? starts & (~0ULL >> __builtin_clzll(ends)) & ~spaced : 0;
        const uint64_t cut_starts = starts;
        /* a token's end, one past its last byte, as a bit (ends has bit 62 at most); and the
         * block's offset in both halves of a word, so that a token's two offsets are one add
         * (offsets are 32-bit: no carry between the halves) */
        uint64_t ends1 = ends << 1;
        uint64_t base2 = (uint64_t)(uint32_t)base * 0x100000001ULL;
        while (ends1 != 0) {
            uint64_t s = (uint64_t)__builtin_ctzll(starts);
            uint64_t e = (uint64_t)__builtin_ctzll(ends1);
            uint8_t b0 = p[s];
            /* the records built in registers and stored at once (put_plain) */
            uint64_t offsets = base2 + (s | e << 32);
            uint64_t kinds = BYTE_TOKEN[0][b0]; /* space_before 1: see tight */
            uint64_t shape = BYTE_TOKEN[1][b0];
            uint64_t cps = (uint64_t)b0 | (e - s) << 32;
            put_plain(t, info, offsets, lag2, kinds, cps, shape);
            t++;
            info++;
            starts &= starts - 1;
            ends1 &= ends1 - 1;
        }
        /* a tight token's record: the count of the starts cut before its own */
        for (; tight != 0; tight &= tight - 1) {
            unsigned b = (unsigned)__builtin_ctzll(tight);
            t_block[__builtin_popcountll(cut_starts & ((1ULL << b) - 1))].space_before = 0;
        }
        /* A word of digits with a letter in it ("5th") has a digit before a letter: rare, so
         * its shape is mended here, per block, not asked of every token in the loop above. */
        if (FL_UNLIKELY((m.letter & ((m.word & ~m.letter) << 1)) != 0)) {
            fl_tokinfo *k = info_block;
            for (const fl_token *w = t_block; w < t; w++, k++) {
                unsigned ws = w->start - (uint32_t)base;
                unsigned wn = w->end - w->start;
                if (k->all_digits && ((m.letter >> ws) & ((1ULL << wn) - 1)) != 0) {
                    memcpy((unsigned char *)k + offsetof(fl_tokinfo, upper), &DIGIT_LETTER, 8);
                }
            }
        }
        /* the first byte not cut: the next token's start, or the limit when that comes first
         * (what lies between is spaces) */
        unsigned s = (unsigned)__builtin_ctzll(starts | limit_bit);
        next = base + s;
        if (s > 0) {
            space_in = (m.space >> (s - 1)) & 1;
        }
        /* at a stop the general path goes on; at byte 63 the next block, unless this one cut
         * nothing (a token of 63 bytes or more) */
        stuck = (limit_bit >> 63) == 0 || s == 0;
        if (stuck) {
            unsigned limit = (unsigned)__builtin_ctzll(limit_bit); /* limit <= 63 */
            /* Every token before it cut, a '\n' (most of them end a paragraph: ".\n\nThe")
             * and the ' ' and '\n' after it are gone through here, not by the general path
             * and another call; the next token gets their count. */
            size_t q = base + limit;
            if (s < limit && limit < 63 && WORD_BYTE[p[s]] != 0) {
                /* The word before the stop, ASCII from s, and what the general path would
                 * cut after it, cut here, not by another call: a comma before a closing curly
                 * quote or a dash ("but,” he": a comma joins no digit there), a clitic "'s"
                 * before a space, or a hyphen before an ASCII letter or digit
                 * ("Kiev-controlled"). */
                bool comma = p[limit] == ',' && len - q >= 4 && text[q + 1] == 0xE2 &&
                             text[q + 2] == 0x80 &&
                             (text[q + 3] == 0x94 || (text[q + 3] | 1) == 0x9D) &&
                             (len - q == 4 || text[q + 4] < 0x80);
                bool clitic = p[limit] == '\'' && len - q >= 3 && (text[q + 1] | 0x20) == 's' &&
                              text[q + 2] == ' ';
                bool hyphen = p[limit] == '-' && len - q >= 2 && WORD_BYTE[text[q + 1]] != 0;
                bool joiner = p[limit] == '.' || p[limit] == ',' || p[limit] == '@';
                uint8_t b0 = p[s];
                uint64_t shape = BYTE_TOKEN[1][b0];
                if (shape == BYTE_TOKEN[1]['0'] && (m.letter >> s) & ((1ULL << (limit - s)) - 1)) {
                    shape = DIGIT_LETTER;
                }
                /* or a word that goes on through a '.', ',' or '@' ("U.S.", "3.5", "1,000"),
                 * read as the general path reads it, to where it ends */
                size_t wend = q;
                if (joiner) {
                    bool letter = (shape >> 16) & 1;
                    bool at = false;
                    joiner = ascii_joined(text, len, &wend, &letter, &at);
                    if (joiner && wend > q) {
                        /* upper and lower by the first byte; not simple */
                        shape = (shape & 0xFFFF) | (uint64_t)letter << 16 |
                                (uint64_t)(!letter && !at) << 24;
                    }
                }
                if (comma || clitic || hyphen || joiner) {
                    uint64_t offsets = (uint64_t)(uint32_t)(base + s) | (uint64_t)wend << 32;
                    uint64_t kinds = ((spaced >> s) & 1) << 40 | (BYTE_TOKEN[0][b0] & ~SP_BIT);
                    uint64_t cps = (uint64_t)b0 | (uint64_t)(wend - (base + s)) << 32;
                    put_plain(t, info, offsets, lag2, kinds, cps, shape);
                    t++;
                    info++;
                    if (comma) {
                        put_symbol(t++, info++, q, 1, q - lag, false, ',');
                        put_symbol(t++, info++, q + 1, 3, q + 1 - lag, false,
                                   0x2000 + (text[q + 3] & 0x3F));
                        lag += 2; /* three bytes, one code point */
                        lag2 += 0x200000002ULL;
                        next = base = q + 4;
                    } else if (joiner) {
                        next = base = wend;
                    } else if (hyphen) {
                        put_symbol(t, info, q, 1, q - lag, false, '-');
                        t->kind = FL_TOKEN_HYPHEN; /* between two words */
                        t++;
                        info++;
                        next = base = q + 1;
                    } else {
                        put_symbol(t, info, q, 2, q - lag, false, '\'');
                        t->cp_end++;
                        t->kind = FL_TOKEN_CLITIC;
                        info->ncp = 2;
                        t++;
                        info++;
                        next = base = q + 2;
                    }
                    space_in = false;
                    stuck = false;
                    continue;
                }
            }
            if (s != limit || q >= len || t == t0) {
                break;
            }
            if (text[q] != '\n') {
                /* An em dash or a curly double quote (E2 80 94, 9C, 9D) before no mark: a
                 * token of one code point (FL_C_OTHER) whatever comes before it, cut here, not
                 * by the general path and another call (PLAIN_ROOM leaves a record spare after
                 * a block) */
                if (len - q < 3 || text[q] != 0xE2 || text[q + 1] != 0x80 ||
                    !(text[q + 2] == 0x94 || (text[q + 2] | 1) == 0x9D) ||
                    (len - q > 3 && text[q + 3] >= 0x80)) {
                    break;
                }
                put_symbol(t++, info++, q, 3, q - lag, space_in, 0x2000 + (text[q + 2] & 0x3F));
                lag += 2; /* three bytes, one code point */
                lag2 += 0x200000002ULL;
                space_in = false;
                next = base = q + 3;
                stuck = false;
                continue;
            }
            unsigned breaks = 0;
            do {
                breaks += text[q] == '\n';
                q++;
            } while (q < len && (text[q] == '\n' || text[q] == ' '));
            if (nl_tok != t) {
                nl_tok->newlines_before = (uint8_t)(newlines > 255 ? 255 : newlines);
                nl_tok = t;
                newlines = 0;
            }
            newlines += breaks;
            space_in = true;
            next = base = q;
            stuck = false;
            continue;
        }
        base = next;
    }
    st->newlines = 0;
    if (t == t0) {
        /* nothing cut */
        next = st->pos;
        stuck = false;
    } else if (nl_tok != t) {
        nl_tok->newlines_before = (uint8_t)(newlines > 255 ? 255 : newlines);
    } else {
        st->newlines = newlines; /* for the token the general path cuts next */
    }
    st->pos = next;
    st->cpi = next - lag;
    st->space = space_in;
    st->stuck = stuck ? next : SIZE_MAX;
    return (size_t)(t - t0);
}
#endif

/* plain_words_with the blocks classified with SSE2 */
FL_NOINLINE static size_t plain_words(const uint8_t *text, size_t len, plain_state *st,
                                      unsigned newlines, fl_token *t, fl_tokinfo *info,
                                      size_t room) {
#if defined(__SSE2__)
    return plain_words_with(classify_block, text, len, st, newlines, t, info, room);
#else
    (void)text;
    (void)len;
    (void)newlines;
    (void)t;
    (void)info;
    (void)room;
    (void)st;
    return 0; /* without SSE2 the general path takes every token */
#endif
}

/* plain_words_with the blocks classified with AVX2, and the cutting with BMI1 and BMI2
 * (blsr, shrx, bzhi: fewer instructions a token than the baseline's shifts and masks) */
#if FL_TOK_AVX2
__attribute__((target("avx2,bmi,bmi2"))) FL_NOINLINE static size_t
plain_words_avx2(const uint8_t *text, size_t len, plain_state *st, unsigned newlines, fl_token *t,
                 fl_tokinfo *info, size_t room) {
    return plain_words_with(classify_block_avx2, text, len, st, newlines, t, info, room);
}
#else
static size_t plain_words_avx2(const uint8_t *text, size_t len, plain_state *st, unsigned newlines,
                               fl_token *t, fl_tokinfo *info, size_t room) {
    return plain_words(text, len, st, newlines, t, info, room); /* never chosen here */
}
#endif

/* Room for PLAIN_ROOM more tokens in both arrays, and about one per five bytes of what is
 * left, so that a text grows them once or twice. */
static fl_status room(const fl_allocator *a, fl_vec *toks, fl_vec *infos, size_t left) {
    size_t need = toks->len + PLAIN_ROOM + left / 5;
    fl_status st = fl__vec_reserve(a, toks, sizeof(fl_token), need);
    if (st == FL_OK) {
        st = fl__vec_reserve(a, infos, sizeof(fl_tokinfo), need);
    }
    return st;
}

/* fl__tokenize with plain_words (blocks of SSE2 or AVX2), and with FL_PLAIN_NONE
 * fl__tokenize_general: the same tokens without plain_words, the reference the tests hold
 * plain_words to. */
static fl_status tokenize(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                          fl_vec *infos, fl_plain_path plain) {
    cursor c = {text, len};
    size_t pos = 0;
    size_t cpi = 0;
    unsigned newlines = 0;
    bool space = false;
    bool prev_cr = false;
    bool have_prev = false;
    size_t stuck = SIZE_MAX; /* where plain_words found no plain token */
    fl_status st = FL_OK;
    /* the arrays' state in locals, written back at the end: the byte-sized stores into the
     * records below may alias the vectors' fields, and the compiler would reload them after
     * every one */
    size_t nt = toks->len;
    size_t room_left = (toks->cap < infos->cap ? toks->cap : infos->cap) - nt;
    fl_token *tdata = toks->data;
    fl_tokinfo *idata = infos->data;

    while (pos < len) {
        if (text[pos] == ' ') { /* the commonest byte: a plain space */
            prev_cr = false;
            space = true;
            pos++;
            cpi++;
            continue;
        }
        /* room for the token that starts here (or for nothing, before other whitespace) */
        if (FL_UNLIKELY(room_left < PLAIN_ROOM)) {
            toks->len = nt;
            infos->len = nt;
            if ((st = room(a, toks, infos, len - pos)) != FL_OK) {
                return st;
            }
            room_left = (toks->cap < infos->cap ? toks->cap : infos->cap) - nt;
            tdata = toks->data;
            idata = infos->data;
        }
        /* most tokens: plain ASCII words and symbols, written by plain_words' own loop */
        if (plain != FL_PLAIN_NONE && pos != stuck &&
            (WORD_BYTE[text[pos]] != 0 ||
             (text[pos] < 0x80 && fl__ascii_class[text[pos]] == FL_C_OTHER &&
              !(pos + 1 < len && stop_after_symbol(text[pos + 1]))))) {
            plain_state ps = {pos, cpi, space, SIZE_MAX, 0};
            size_t w =
                plain == FL_PLAIN_AVX2
                    ? plain_words_avx2(text, len, &ps, newlines, tdata + nt, idata + nt, room_left)
                    : plain_words(text, len, &ps, newlines, tdata + nt, idata + nt, room_left);
            stuck = ps.stuck;
            if (w > 0) {
                pos = ps.pos;
                cpi = ps.cpi;
                space = ps.space;
                nt += w;
                room_left -= w;
                have_prev = true;
                newlines = ps.newlines;
                prev_cr = false;
                continue;
            }
        }
        size_t n;
        fl_cclass k;
        int32_t cp;
        if (fl__starts_cyrillic_letter(text + pos, len - pos)) {
            n = fl__utf8_decode_fast(text + pos, len - pos, &cp); /* a letter: no fl__cclass */
            k = FL_C_LETTER;
        } else {
            cp = peek_class(&c, pos, &n, &k);
        }
        if (k == FL_C_SPACE) {
            if (fl__is_newline(cp) && !(cp == '\n' && prev_cr)) {
                newlines += cp == 0x2029 ? 2 : 1;
            }
            prev_cr = cp == '\r';
            space = true;
            pos += n;
            cpi++;
            continue;
        }
        prev_cr = false;
        /* written in place: every field is set below */
        fl_token *t = tdata + nt;
        fl_tokinfo *info = idata + nt;
        t->start = pos;
        t->cp_start = cpi;
        t->sentence = 0;
        t->space_before = space ? 1 : 0;
        t->newlines_before = (uint8_t)(newlines > 255 ? 255 : newlines);
        t->reserved = 0;
        /* the shape only (as plain_words): the label stage sets the rest */
        memset(info, 0, offsetof(fl_tokinfo, id_fold));
        info->cp0 = cp;

        if (is_wordish(k)) {
            fl_cclass prev = k;
            bool digits = true;
            bool letter = false;
            bool simple = true; /* no code point taken outside the ASCII runs */
            size_t ncp = 0;
            for (;;) {
                /* Fast path: a run of ASCII letters and digits, most of every word, needs
                 * no decoding and no joiner rules (one byte is one code point). */
                unsigned seen = 0;
                size_t run_end = ascii_run(text, pos, len, &seen);
                if (run_end > pos) {
                    size_t run = run_end - pos;
                    pos = run_end;
                    cpi += run;
                    ncp += run;
                    if (seen & 1) {
                        letter = true;
                        digits = false;
                    }
                    if (pos >= len || text[pos] == ' ') {
                        break; /* the usual end of a word */
                    }
                    prev = (fl_cclass)fl__ascii_class[text[pos - 1]];
                } else if (pos >= len || text[pos] == ' ') {
                    break;
                }
                /* A run of Cyrillic letters (two bytes each), most of every word of Russian
                 * or Ukrainian news. */
                size_t cyr = pos;
                while (fl__starts_cyrillic_letter(text + cyr, len - cyr)) {
                    cyr += 2;
                }
                if (cyr > pos) {
                    size_t letters = (cyr - pos) / 2;
                    pos = cyr;
                    cpi += letters;
                    ncp += letters;
                    letter = true;
                    digits = false;
                    simple = false;
                    prev = FL_C_LETTER;
                    if (pos >= len || text[pos] == ' ') {
                        break;
                    }
                    continue; /* ASCII letters, another script, or the word's end */
                }
                size_t m;
                fl_cclass xk;
                int32_t x = peek_class(&c, pos, &m, &xk);
                bool take;
                if (is_wordish(xk) || xk == FL_C_MARK || xk == FL_C_FORMAT) {
                    take = true;
                } else if (xk == FL_C_APOSTROPHE || x == '.' || x == '@' || x == ',') {
                    take = joins(&c, pos, m, x, xk, prev);
                } else {
                    take = false;
                }
                if (!take) {
                    break;
                }
                if (xk == FL_C_LETTER) {
                    letter = true;
                    digits = false;
                } else if (xk == FL_C_APOSTROPHE || x == '@') {
                    digits = false;
                }
                if (xk != FL_C_FORMAT) {
                    prev = xk;
                }
                simple = false;
                pos += m;
                cpi++;
                ncp++;
            }
            t->kind = FL_TOKEN_WORD;
            info->simple = simple;
            info->ncp = (uint32_t)(ncp > UINT32_MAX ? UINT32_MAX : ncp);
            info->has_letter = letter;
            info->all_digits = digits;
            info->upper = fl__is_upper(info->cp0);
            info->lower = fl__is_lower(info->cp0);
        } else {
            /* upper and lower stay 0: a code point of no letter's class is neither (the
             * tests hold fl__is_upper and fl__is_lower to that) */
            /* what follows is read only where the kind depends on it */
            size_t n2 = 0;
            fl_cclass nk = FL_C_SPACE;
            int32_t next = -1;
            if (k == FL_C_APOSTROPHE || k == FL_C_HYPHEN) {
                next = peek_class_or_end(&c, pos + n, &n2, &nk);
            }
            size_t take_cps = 1;
            t->kind = FL_TOKEN_PUNCT;
            /* "Kyiv's": a clitic after a word; also at the very start ("'s" as a term) */
            if (k == FL_C_APOSTROPHE && !space && (next == 's' || next == 'S')) {
                size_t n3;
                fl_cclass ak;
                peek_class_or_end(&c, pos + n + n2, &n3, &ak);
                if (!is_wordish(ak) && ak != FL_C_MARK) {
                    t->kind = FL_TOKEN_CLITIC;
                    take_cps = 2;
                }
            }
            if (take_cps == 1) {
                bool attached = have_prev && !space && nk != FL_C_SPACE;
                t->kind = (k == FL_C_HYPHEN && attached) ? FL_TOKEN_HYPHEN : FL_TOKEN_PUNCT;
            }
            pos += n;
            cpi++;
            if (take_cps == 2) {
                pos += n2;
                cpi++;
            }
            size_t ncp = take_cps;
            /* Marks after a symbol stay with it (emoji variation selectors, accents). No
             * mark's bytes start below 0xCC: the first mark is U+0300, and an invalid byte is
             * U+FFFD. */
            while (pos < len && text[pos] >= 0xCC) {
                size_t m;
                fl_cclass xk;
                peek_class(&c, pos, &m, &xk);
                if (xk != FL_C_MARK) {
                    break;
                }
                pos += m;
                cpi++;
                ncp++;
            }
            info->ncp = (uint32_t)ncp;
        }
        t->end = pos;
        t->cp_end = cpi;
        nt++;
        room_left--;
        have_prev = true;
        newlines = 0;
        /* the plain space that ends most words, taken here rather than by a turn of the loop */
        space = pos < len && text[pos] == ' ';
        if (space) { /* prev_cr is false since the token began */
            pos++;
            cpi++;
        }
    }
    toks->len = nt;
    infos->len = nt;
    return FL_OK;
}

bool fl__tokenize_has_avx2(void) {
#if FL_TOK_AVX2
    /* reads of what libgcc's (or compiler-rt's) constructor found, OS support included */
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("bmi2");
#else
    return false;
#endif
}

fl_status fl__tokenize(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                       fl_vec *infos) {
    return tokenize(a, text, len, toks, infos,
                    fl__tokenize_has_avx2() ? FL_PLAIN_AVX2 : FL_PLAIN_SSE2);
}

fl_status fl__tokenize_with(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                            fl_vec *infos, fl_plain_path path) {
    if (path == FL_PLAIN_AVX2 && !fl__tokenize_has_avx2()) {
        path = FL_PLAIN_SSE2;
    }
    return tokenize(a, text, len, toks, infos, path);
}

fl_status fl__tokenize_general(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                               fl_vec *infos) {
    return tokenize(a, text, len, toks, infos, FL_PLAIN_NONE);
}
