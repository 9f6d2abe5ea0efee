/* tokenize.c: splits UTF-8 text into word, clitic, hyphen and punctuation tokens. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
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
    int32_t cp;
    *n = fl__utf8_decode(c->text + pos, c->len - pos, &cp);
    *k = fl__cclass_fast(cp);
    return cp;
}

/* The code point at byte position pos, or -1 at the end; *n receives its byte length. */
static int32_t peek(const cursor *c, size_t pos, size_t *n) {
    if (pos >= c->len) {
        *n = 0;
        return -1;
    }
    uint8_t b = c->text[pos];
    if (b < 0x80) {
        *n = 1;
        return b;
    }
    int32_t cp;
    *n = fl__utf8_decode(c->text + pos, c->len - pos, &cp);
    return cp;
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

/* Does the word continue through the joiner at pos? prev is the class of the code point
 * before the joiner. */
static bool joins(const cursor *c, size_t pos, int32_t joiner, fl_cclass jclass, fl_cclass prev) {
    size_t n;
    peek(c, pos, &n);
    size_t n2;
    int32_t next = peek(c, pos + n, &n2);
    if (next < 0) {
        return false;
    }
    fl_cclass nk = fl__cclass_fast(next);
    if (jclass == FL_C_APOSTROPHE) {
        if (!(is_wordish(prev) || prev == FL_C_MARK) || !is_wordish(nk)) {
            return false;
        }
        if (next == 's' || next == 'S') {
            /* "Kyiv's": the clitic is split off when the s ends the word. */
            size_t n3;
            int32_t after = peek(c, pos + n + n2, &n3);
            fl_cclass ak = after < 0 ? FL_C_SPACE : fl__cclass_fast(after);
            if (!is_wordish(ak) && ak != FL_C_MARK && ak != FL_C_FORMAT) {
                return false;
            }
        }
        return true;
    }
    if (joiner == ',') {
        return prev == FL_C_DIGIT && nk == FL_C_DIGIT;
    }
    if (joiner == '.' || joiner == '@') {
        return (is_wordish(prev) || prev == FL_C_MARK) && is_wordish(nk) &&
               !(joiner == '.' && lost_space(c, pos));
    }
    return false;
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

/* The plain ASCII word at text[pos] (pos + 16 <= len, text[pos] an ASCII letter or digit):
 * returns its length n (1 to 15) when it is a run of ASCII letters and digits that ends at
 * an ASCII byte the word rules cannot join (a space, most punctuation, or a '.' or ',' not
 * followed by a letter or digit), with *letters set to the mask of its letters (bit i for
 * byte pos + i; bits n and above are not cleared); 0 when the general path must decide (a
 * joiner that may join, a non-ASCII byte, a run of 16 or more). One 16-byte load classifies
 * the word, its end and the byte after it. */
static inline size_t plain_word(const uint8_t *text, size_t pos, unsigned *letters) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + pos));
    unsigned lm;
    unsigned word = ascii_word_mask(v, &lm);
    /* bit 16 set: a run of 16 has no end in view (n = 16 is refused below) */
    unsigned n = (unsigned)__builtin_ctz(~word | 0x10000u);
    if (n >= 16) {
        return 0;
    }
    uint8_t b = text[pos + n];
    if (b >= 0x80) {
        return 0;
    }
    if (b == '.' || b == ',') {
        /* joins only before a letter or digit: the byte after it must be ASCII and neither */
        unsigned hi = (unsigned)_mm_movemask_epi8(v);
        if (n + 1 >= 16 || ((word | hi) >> (n + 1)) & 1u) {
            return 0;
        }
    } else if (b == '\'' || b == '`' || b == '@') {
        return 0;
    }
    *letters = lm;
    return n;
#else
    (void)text;
    (void)pos;
    (void)letters;
    return 0;
#endif
}

/* The shape bytes of fl_tokinfo (upper, lower, has_letter, all_digits, simple, same and the
 * padding up to id_fold) of a plain ASCII word: one starting with an upper-case letter, with
 * a lower-case one, with a digit and a letter somewhere, digits only; the last row for an
 * ASCII symbol. One 8-byte copy writes them ("same" is label's to set). */
static const uint8_t WORD_SHAPE[5][8] = {
    {1, 0, 1, 0, 1}, {0, 1, 1, 0, 1}, {0, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {0}};
_Static_assert(offsetof(fl_tokinfo, lower) == offsetof(fl_tokinfo, upper) + 1 &&
                   offsetof(fl_tokinfo, has_letter) == offsetof(fl_tokinfo, upper) + 2 &&
                   offsetof(fl_tokinfo, all_digits) == offsetof(fl_tokinfo, upper) + 3 &&
                   offsetof(fl_tokinfo, simple) == offsetof(fl_tokinfo, upper) + 4 &&
                   offsetof(fl_tokinfo, id_fold) == offsetof(fl_tokinfo, upper) + 8,
               "WORD_SHAPE copies the eight bytes from upper to id_fold");

/* Where fl__tokenize stands: the next byte, the next code point's index, and whether
 * whitespace came before it. */
typedef struct plain_state {
    size_t pos;
    size_t cpi;
    bool space;
} plain_state;

/* Writes the records of the run of plain tokens that starts at st->pos into t[] and info[]
 * (room for `room`), each with the single space after it, and returns how many; 0 when the
 * token there is not one. A plain token is a plain ASCII word (plain_word) or one ASCII
 * symbol of class FL_C_OTHER (not an apostrophe, hyphen or space) before an ASCII byte (so
 * no mark follows it): a punctuation token of one code point, as the general path makes
 * it. The first token has `newlines` line breaks before it, the others none. A loop of its
 * own, so that its few values stay in registers (fl__tokenize's general path keeps too many
 * live), which goes on through the commas, periods and quotes of a sentence. Of each
 * fl_tokinfo it writes the shape (cp0 to the padding before id_fold): the label stage sets
 * the rest before anything reads it. */
FL_NOINLINE static size_t plain_words(const uint8_t *text, size_t len, plain_state *st,
                                      unsigned newlines, fl_token *t, fl_tokinfo *info,
                                      size_t room) {
    size_t pos = st->pos;
    /* every byte here is one code point: the code point index stays pos - lag */
    const size_t lag = st->pos - st->cpi;
    bool space = st->space;
    size_t w = 0;
    while (w < room && pos + 16 <= len) {
        uint8_t b0 = text[pos];
        size_t n;
        unsigned row;
        uint8_t kind;
        if (WORD_BYTE[b0] != 0) {
            unsigned letters;
            n = plain_word(text, pos, &letters);
            if (n == 0) {
                break;
            }
            /* digits sort before letters */
            row = b0 >= 'A' ? (b0 >= 'a') : 2u + ((letters & ((1u << n) - 1)) == 0);
            kind = FL_TOKEN_WORD;
        } else if (b0 < 0x80 && fl__ascii_class[b0] == FL_C_OTHER && text[pos + 1] < 0x80) {
            n = 1; /* pos + 1 < len */
            row = 4;
            kind = FL_TOKEN_PUNCT;
        } else {
            break;
        }
        /* whole records, each built in registers and stored at once */
        t[w] = (fl_token){.start = (uint32_t)pos,
                          .end = (uint32_t)(pos + n),
                          .cp_start = (uint32_t)(pos - lag),
                          .cp_end = (uint32_t)(pos - lag + n),
                          .kind = kind,
                          .space_before = space ? 1 : 0};
        info[w].cp0 = b0;
        info[w].ncp = (uint32_t)n;
        memcpy((unsigned char *)&info[w] + offsetof(fl_tokinfo, upper), WORD_SHAPE[row], 8);
        pos += n;
        w++;
        /* the single space after it (pos < len: the token ended inside its 16 bytes) */
        space = text[pos] == ' ';
        pos += space;
    }
    if (w > 0) {
        t[0].newlines_before = (uint8_t)(newlines > 255 ? 255 : newlines);
    }
    st->pos = pos;
    st->cpi = pos - lag;
    st->space = space;
    return w;
}

/* Room for one more token in both arrays: about one per five bytes of what is left, so a
 * text grows them once or twice. */
static fl_status room(const fl_allocator *a, fl_vec *toks, fl_vec *infos, size_t left) {
    size_t need = toks->len + 1 + left / 5;
    fl_status st = fl__vec_reserve(a, toks, sizeof(fl_token), need);
    if (st == FL_OK) {
        st = fl__vec_reserve(a, infos, sizeof(fl_tokinfo), need);
    }
    return st;
}

fl_status fl__tokenize(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                       fl_vec *infos) {
    cursor c = {text, len};
    size_t pos = 0;
    size_t cpi = 0;
    unsigned newlines = 0;
    bool space = false;
    bool prev_cr = false;
    bool have_prev = false;
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
        if (FL_UNLIKELY(room_left == 0)) {
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
        if (pos + 16 <= len && (WORD_BYTE[text[pos]] != 0 ||
                                (text[pos] < 0x80 && fl__ascii_class[text[pos]] == FL_C_OTHER))) {
            plain_state ps = {pos, cpi, space};
            size_t w = plain_words(text, len, &ps, newlines, tdata + nt, idata + nt, room_left);
            if (w > 0) {
                pos = ps.pos;
                cpi = ps.cpi;
                space = ps.space;
                nt += w;
                room_left -= w;
                have_prev = true;
                newlines = 0;
                prev_cr = false;
                continue;
            }
        }
        size_t n;
        fl_cclass k;
        int32_t cp = peek_class(&c, pos, &n, &k);
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
                size_t m;
                fl_cclass xk;
                int32_t x = peek_class(&c, pos, &m, &xk);
                bool take;
                if (is_wordish(xk) || xk == FL_C_MARK || xk == FL_C_FORMAT) {
                    take = true;
                } else if (xk == FL_C_APOSTROPHE || x == '.' || x == '@' || x == ',') {
                    take = joins(&c, pos, x, xk, prev);
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
        } else {
            size_t n2;
            int32_t next = peek(&c, pos + n, &n2);
            fl_cclass nk = next < 0 ? FL_C_SPACE : fl__cclass_fast(next);
            size_t take_cps = 1;
            t->kind = FL_TOKEN_PUNCT;
            /* "Kyiv's": a clitic after a word; also at the very start ("'s" as a term) */
            if (k == FL_C_APOSTROPHE && !space && (next == 's' || next == 'S')) {
                size_t n3;
                int32_t after = peek(&c, pos + n + n2, &n3);
                fl_cclass ak = after < 0 ? FL_C_SPACE : fl__cclass_fast(after);
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
            /* Marks after a symbol stay with it (emoji variation selectors, accents). */
            for (;;) {
                size_t m;
                int32_t x = peek(&c, pos, &m);
                if (x < 0 || fl__cclass_fast(x) != FL_C_MARK) {
                    break;
                }
                pos += m;
                cpi++;
                ncp++;
            }
            info->ncp = (uint32_t)ncp;
        }
        if (info->cp0 < 0x80) {
            info->upper = (unsigned)(info->cp0 - 'A') < 26u;
            info->lower = (unsigned)(info->cp0 - 'a') < 26u;
        } else {
            info->upper = fl__is_upper(info->cp0);
            info->lower = fl__is_lower(info->cp0);
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
