/* units.c: UTF-8 from the fixed-width code units a host language keeps its strings in
 * (Latin-1, UCS-2, UCS-4: CPython's str), for fl_analyze_batch_texts and fl_pool_submit_texts. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/*
 * News text is nearly all ASCII, and one curly quote makes a CPython str UCS-2: runs of ASCII
 * are checked and copied 16 units (SSE2) or a machine word at a time, the rest a code point
 * at a time. The masks are alike in every lane, so they hold in either byte order.
 */
#define ASCII_LATIN1 0x8080808080808080ULL /* 8 one-byte units */
#define ASCII_UCS2 0xFF80FF80FF80FF80ULL   /* 4 two-byte units */

size_t fl_utf8_bound(fl_units units, size_t n) {
    size_t per = units == FL_UNITS_UTF8     ? 1
                 : units == FL_UNITS_LATIN1 ? 2
                 : units == FL_UNITS_UCS2   ? 3
                 : units == FL_UNITS_UCS4   ? 4
                                            : 0;
    return per == 0 || n > SIZE_MAX / per ? SIZE_MAX : n * per;
}

static inline uint8_t *put_utf8(uint8_t *o, uint32_t c) {
    if (c < 0x80) {
        *o++ = (uint8_t)c;
    } else if (c < 0x800) {
        *o++ = (uint8_t)(0xC0 | (c >> 6));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (uint8_t)(0xE0 | (c >> 12));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else {
        *o++ = (uint8_t)(0xF0 | (c >> 18));
        *o++ = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    }
    return o;
}

static uint8_t *latin1_to_utf8(const uint8_t *s, size_t n, uint8_t *out) {
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & ASCII_LATIN1) == 0) {
                memcpy(out, &w, 8);
                out += 8;
                i += 8;
                continue;
            }
        }
        out = put_utf8(out, s[i++]);
    }
    return out;
}

/* NULL at a surrogate (*bad: its index). */
static uint8_t *ucs2_to_utf8(const uint16_t *s, size_t n, uint8_t *out, size_t *bad) {
    size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        if (i + 16 <= n) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 8));
            __m128i high = _mm_and_si128(_mm_or_si128(a, b), _mm_set1_epi16((short)0xFF80));
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) == 0xFFFF) {
                _mm_storeu_si128((__m128i *)(void *)out, _mm_packus_epi16(a, b));
                out += 16;
                i += 16;
                continue;
            }
        }
#endif
        if (i + 4 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & ASCII_UCS2) == 0) {
                out[0] = (uint8_t)s[i];
                out[1] = (uint8_t)s[i + 1];
                out[2] = (uint8_t)s[i + 2];
                out[3] = (uint8_t)s[i + 3];
                out += 4;
                i += 4;
                continue;
            }
        }
        uint16_t c = s[i];
        if (c >= 0x80 && c < 0x800) {
            /* a run of two-byte characters: a word of Cyrillic, Greek, Hebrew or Arabic */
            do {
                out[0] = (uint8_t)(0xC0 | (c >> 6));
                out[1] = (uint8_t)(0x80 | (c & 0x3F));
                out += 2;
                c = ++i < n ? s[i] : 0;
            } while (c >= 0x80 && c < 0x800);
            continue;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            *bad = i;
            return NULL;
        }
        out = put_utf8(out, c);
        i++;
    }
    return out;
}

/* NULL at a surrogate or a value past U+10FFFF (*bad: its index). */
static uint8_t *ucs4_to_utf8(const uint32_t *s, size_t n, uint8_t *out, size_t *bad) {
    for (size_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
            *bad = i;
            return NULL;
        }
        out = put_utf8(out, c);
    }
    return out;
}

fl_status fl_utf8_from_units(fl_units units, const void *data, size_t n, char *out, size_t *out_len,
                             size_t *bad) {
    size_t unused;
    if (bad == NULL) {
        bad = &unused;
    }
    *bad = SIZE_MAX;
    if (out_len == NULL || (n > 0 && (data == NULL || out == NULL))) {
        return FL_ERR_ARG;
    }
    if (units != FL_UNITS_UTF8 && units != FL_UNITS_LATIN1 && units != FL_UNITS_UCS2 &&
        units != FL_UNITS_UCS4) {
        return FL_ERR_ARG;
    }
    *out_len = 0;
    if (n == 0) {
        return FL_OK; /* out may be NULL: the converters' NULL means a bad unit */
    }
    uint8_t *o = (uint8_t *)out;
    uint8_t *end;
    switch (units) {
    case FL_UNITS_UTF8:
        memcpy(o, data, n);
        end = o + n;
        break;
    case FL_UNITS_LATIN1:
        end = latin1_to_utf8(data, n, o);
        break;
    case FL_UNITS_UCS2:
        end = ucs2_to_utf8(data, n, o, bad);
        break;
    case FL_UNITS_UCS4:
        end = ucs4_to_utf8(data, n, o, bad);
        break;
    default:
        return FL_ERR_ARG;
    }
    if (end == NULL) {
        return FL_ERR_TEXT;
    }
    *out_len = (size_t)(end - o);
    return FL_OK;
}

fl_status fl__text_utf8(const fl_allocator *a, const fl_texts *texts, size_t i, fl_vec *buf,
                        const char **text, size_t *len, fl_error *err) {
    size_t n = texts->lens[i];
    uint8_t form = texts->units != NULL ? texts->units[i] : FL_UNITS_UTF8;
    if (form == FL_UNITS_UTF8) {
        *text = texts->texts[i];
        *len = n;
        return FL_OK;
    }
    if (n > FL_MAX_TEXT_BYTES) {
        /* its UTF-8 has a byte a unit or more: refused before a buffer is made for it */
        return fl__error(err, FL_ERR_LIMIT,
                         "the text is %zu code units, at least as many bytes; the limit is %zu "
                         "per document",
                         n, FL_MAX_TEXT_BYTES);
    }
    size_t bound = fl_utf8_bound((fl_units)form, n);
    if (bound == SIZE_MAX) {
        return fl__error(err, FL_ERR_TEXT, "unknown code unit form %u (not one of fl_units)",
                         (unsigned)form);
    }
    fl_status st = fl__vec_reserve(a, buf, 1, bound);
    if (st != FL_OK) {
        return fl__error(err, st, "out of memory");
    }
    size_t bad;
    st = fl_utf8_from_units((fl_units)form, texts->texts[i], n, buf->data, len, &bad);
    if (st != FL_OK) {
        uint32_t c = form == FL_UNITS_UCS2 ? ((const uint16_t *)texts->texts[i])[bad]
                                           : ((const uint32_t *)texts->texts[i])[bad];
        fl__error(err, st, "code unit %zu of the text is %s U+%04X (not valid Unicode)", bad,
                  c <= 0xDFFF ? "a lone surrogate" : "no code point,", (unsigned)c);
        if (err != NULL) {
            err->offset = bad;
        }
        return st;
    }
    *text = buf->data;
    return FL_OK;
}
