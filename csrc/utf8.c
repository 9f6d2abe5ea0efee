/* utf8.c: a strict, small UTF-8 decoder and encoder, and the character classes. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <utf8proc.h>

/* Per lead byte: the range of the second byte and the sequence length (RFC 3629, and the
 * Unicode "maximal subpart" practice for replacing invalid sequences). */
size_t fl__utf8_decode(const uint8_t *s, size_t len, int32_t *cp) {
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    size_t need;
    uint8_t lo = 0x80;
    uint8_t hi = 0xBF;
    int32_t value;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 2;
        value = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 3;
        value = b0 & 0x0F;
        if (b0 == 0xE0) {
            lo = 0xA0;
        } else if (b0 == 0xED) {
            hi = 0x9F; /* no surrogates */
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 4;
        value = b0 & 0x07;
        if (b0 == 0xF0) {
            lo = 0x90;
        } else if (b0 == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    size_t i = 1;
    for (; i < need; i++) {
        if (i >= len) {
            *cp = 0xFFFD;
            return i;
        }
        uint8_t b = s[i];
        uint8_t l = i == 1 ? lo : 0x80;
        uint8_t h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *cp = 0xFFFD;
            return i;
        }
        value = (value << 6) | (b & 0x3F);
    }
    *cp = value;
    return need;
}

size_t fl__utf8_encode(int32_t cp, uint8_t out[4]) {
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | (cp >> 6));
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (cp >> 12));
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

static bool is_apostrophe(int32_t cp) {
    return cp == 0x27 || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 || cp == 0x60;
}

static bool is_hyphen(int32_t cp) {
    return cp == 0x2D || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013;
}

/* The classes of the ASCII characters, for fl__cclass_fast. */
#define S FL_C_SPACE
#define L FL_C_LETTER
#define D FL_C_DIGIT
#define A FL_C_APOSTROPHE
#define H FL_C_HYPHEN
#define O FL_C_OTHER
const uint8_t fl__ascii_class[128] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O, /* 0x00: \t \n \v \f \r are spaces */
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* 0x10 */
    S, O, O, O, O, O, O, A, O, O, O, O, O, H, O, O, /* 0x20: space ' - */
    D, D, D, D, D, D, D, D, D, D, O, O, O, O, O, O, /* 0x30: digits */
    O, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 0x40: A-O */
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O, /* 0x50: P-Z */
    A, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 0x60: ` a-o */
    L, L, L, L, L, L, L, L, L, L, L, O, O, O, O, O, /* 0x70: p-z */
};
#undef S
#undef L
#undef D
#undef A
#undef H
#undef O

fl_cclass fl__cclass(int32_t cp) {
    if (cp >= 0 && cp < 0x80) {
        return (fl_cclass)fl__ascii_class[cp];
    }
    if (is_apostrophe(cp)) {
        return FL_C_APOSTROPHE;
    }
    if (is_hyphen(cp)) {
        return FL_C_HYPHEN;
    }
    if (cp == 0x85) {
        return FL_C_SPACE;
    }
    /* The commonest code points past ASCII in news, without utf8proc's table and the jump
     * on its category (mispredicted on most): Latin-1's letters (not × and ÷), the
     * Cyrillic block (letters but for a sign and the combining marks U+0483 to U+0489) and
     * the dashes and quotation marks from U+2014 (the apostrophes are taken above). The
     * tests compare every one of them with utf8proc's category. */
    if (cp >= 0xC0 && cp <= 0xFF) {
        return cp == 0xD7 || cp == 0xF7 ? FL_C_OTHER : FL_C_LETTER;
    }
    if (cp >= 0x400 && cp <= 0x4FF) {
        return cp < 0x482 || cp > 0x489 ? FL_C_LETTER : cp == 0x482 ? FL_C_OTHER : FL_C_MARK;
    }
    if (cp >= 0x2014 && cp <= 0x201F) {
        return FL_C_OTHER;
    }
    return fl__cclass_by_category(cp);
}

/* The class of a code point by its Unicode category alone (fl__cclass after its own
 * ranges; the tests compare those ranges with it). */
fl_cclass fl__cclass_by_category(int32_t cp) {
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return FL_C_SPACE;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return FL_C_LETTER;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return FL_C_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return FL_C_MARK;
    case UTF8PROC_CATEGORY_CF:
        return FL_C_FORMAT;
    default:
        return FL_C_OTHER;
    }
}

/* The cases fl__is_upper and fl__is_lower leave to utf8proc's table. */
bool fl__is_upper_by_category(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool fl__is_lower_by_category(int32_t cp) {
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}
