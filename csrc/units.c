/* units.c: UTF-8 from the fixed-width code units a host language keeps its strings in
 * (Latin-1, UCS-2, UCS-4: CPython's str), for fl_analyze_batch_texts and fl_pool_submit_texts. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 for the blocks of UCS-2 and Latin-1 where the CPU has it, chosen per text at run time */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define FL_UNITS_AVX2 1
#include <immintrin.h>
#else
#define FL_UNITS_AVX2 0
#endif

/*
 * News text is nearly all ASCII, and one curly quote makes a CPython str UCS-2. A block of
 * 16 units (SSE2) or 32 (AVX2; for UCS-2, two tested at once) is packed to bytes and stored whole;
 * when a unit of the block is not ASCII, only the ASCII units before it are kept (the output
 * advances by their count), the run of non-ASCII units from there is encoded a code point at a
 * time, and the next block starts after it. A store of a block's bytes stays inside fl_utf8_bound:
 * the block's units are still to encode, and each has room for 2 (Latin-1) or 3 (UCS-2) bytes.
 */
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

/* The run of non-ASCII Latin-1 units from *at (s[*at] is one), two bytes each. */
FL_ALWAYS_INLINE static inline uint8_t *latin1_run(const uint8_t *s, size_t n, size_t *at,
                                                   uint8_t *out) {
    size_t i = *at;
    do {
        out[0] = (uint8_t)(0xC0 | (s[i] >> 6));
        out[1] = (uint8_t)(0x80 | (s[i] & 0x3F));
        out += 2;
    } while (++i < n && s[i] >= 0x80);
    *at = i;
    return out;
}

/* The run of non-ASCII UCS-2 units from *at (s[*at] is one); NULL at a surrogate (*bad: its
 * index). A run of two-byte characters is a word of Cyrillic, Greek, Hebrew or Arabic. */
FL_ALWAYS_INLINE static inline uint8_t *ucs2_run(const uint16_t *s, size_t n, size_t *at,
                                                 uint8_t *out, size_t *bad) {
    const uint16_t *p = s + *at, *end = s + n;
    uint32_t c = *p;
    for (;;) {
        if (c < 0x800) {
            out[0] = (uint8_t)(0xC0 | (c >> 6));
            out[1] = (uint8_t)(0x80 | (c & 0x3F));
            out += 2;
        } else if (FL_UNLIKELY((c & 0xF800) == 0xD800)) {
            *bad = (size_t)(p - s);
            return NULL;
        } else {
            out[0] = (uint8_t)(0xE0 | (c >> 12));
            out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            out[2] = (uint8_t)(0x80 | (c & 0x3F));
            out += 3;
        }
        if (++p == end || (c = *p) < 0x80) {
            break;
        }
    }
    *at = (size_t)(p - s);
    return out;
}

#if defined(__SSE2__)

static uint8_t *latin1_to_utf8(const uint8_t *s, size_t n, uint8_t *out) {
    size_t i = 0;
    while (i < n) {
        unsigned wide;
        if (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            _mm_storeu_si128((__m128i *)(void *)out, v);
            wide = (unsigned)_mm_movemask_epi8(v);
            if (wide == 0) {
                out += 16;
                i += 16;
                continue;
            }
        } else if (i + 8 <= n) {
            __m128i v = _mm_loadl_epi64((const __m128i *)(const void *)(s + i));
            _mm_storel_epi64((__m128i *)(void *)out, v);
            wide = (unsigned)_mm_movemask_epi8(v);
            if (wide == 0) {
                out += 8;
                i += 8;
                continue;
            }
        } else if (s[i] < 0x80) {
            *out++ = s[i++];
            continue;
        } else {
            wide = 1;
        }
        unsigned ascii = (unsigned)__builtin_ctz(wide);
        out += ascii;
        i += ascii;
        out = latin1_run(s, n, &i, out);
    }
    return out;
}

/* NULL at a surrogate (*bad: its index). adds_epu16 with 0x7F80 sets the top bit of exactly
 * the units past ASCII, and packs_epi16 keeps it: the mask of the block's non-ASCII units.
 * Blocks of 32 are two of 16 tested at once. */
FL_ALWAYS_INLINE static inline uint8_t *ucs2_to_utf8(const uint16_t *s, size_t n, uint8_t *out,
                                                     size_t *bad) {
    const __m128i top = _mm_set1_epi16(0x7F80);
    const uint16_t *p = s, *end = s + n;
    while (p < end) {
        unsigned wide;
        if (end - p >= 32) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 8));
            __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
            __m128i d = _mm_loadu_si128((const __m128i *)(const void *)(p + 24));
            _mm_storeu_si128((__m128i *)(void *)out, _mm_packus_epi16(a, b));
            _mm_storeu_si128((__m128i *)(void *)(out + 16), _mm_packus_epi16(c, d));
            __m128i ab = _mm_packs_epi16(_mm_adds_epu16(a, top), _mm_adds_epu16(b, top));
            __m128i cd = _mm_packs_epi16(_mm_adds_epu16(c, top), _mm_adds_epu16(d, top));
            if (_mm_movemask_epi8(_mm_or_si128(ab, cd)) == 0) {
                out += 32;
                p += 32;
                continue;
            }
            wide = (unsigned)_mm_movemask_epi8(ab) | (unsigned)_mm_movemask_epi8(cd) << 16;
        } else if (end - p >= 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 8));
            _mm_storeu_si128((__m128i *)(void *)out, _mm_packus_epi16(a, b));
            wide = (unsigned)_mm_movemask_epi8(
                _mm_packs_epi16(_mm_adds_epu16(a, top), _mm_adds_epu16(b, top)));
            if (wide == 0) {
                out += 16;
                p += 16;
                continue;
            }
        } else if (end - p >= 8) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
            _mm_storel_epi64((__m128i *)(void *)out, _mm_packus_epi16(a, a));
            wide = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(_mm_adds_epu16(a, top), a)) & 0xFF;
            if (wide == 0) {
                out += 8;
                p += 8;
                continue;
            }
        } else if (*p < 0x80) {
            *out++ = (uint8_t)*p++;
            continue;
        } else {
            wide = 1;
        }
        unsigned ascii = (unsigned)__builtin_ctz(wide);
        out += ascii;
        size_t i = (size_t)(p - s) + ascii;
        out = ucs2_run(s, n, &i, out, bad);
        if (out == NULL) {
            return NULL;
        }
        p = s + i;
    }
    return out;
}

static uint8_t *ucs2_to_utf8_base(const uint16_t *s, size_t n, uint8_t *out, size_t *bad) {
    return ucs2_to_utf8(s, n, out, bad);
}

#else

/* Without SSE2, ASCII is checked and copied a machine word at a time. The masks are alike in
 * every lane, so they hold in either byte order. */
#define ASCII_LATIN1 0x8080808080808080ULL /* 8 one-byte units */
#define ASCII_UCS2 0xFF80FF80FF80FF80ULL   /* 4 two-byte units */

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
        if (s[i] < 0x80) {
            *out++ = s[i++];
        } else {
            out = latin1_run(s, n, &i, out);
        }
    }
    return out;
}

/* NULL at a surrogate (*bad: its index). */
static uint8_t *ucs2_to_utf8_base(const uint16_t *s, size_t n, uint8_t *out, size_t *bad) {
    size_t i = 0;
    while (i < n) {
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
        if (s[i] < 0x80) {
            *out++ = (uint8_t)s[i++];
        } else if ((out = ucs2_run(s, n, &i, out, bad)) == NULL) {
            return NULL;
        }
    }
    return out;
}

#endif

#if FL_UNITS_AVX2
/* 32 UCS-2 units as bytes: min_epu16 with 0xFF keeps ASCII as it is and makes every other
 * unit a byte with its top bit set; permute4x64 puts the packed lanes in order. */
__attribute__((target("avx2"))) static inline __m256i ucs2_block_avx2(const uint16_t *s) {
    const __m256i top = _mm256_set1_epi16(0xFF);
    __m256i a = _mm256_min_epu16(_mm256_loadu_si256((const __m256i *)(const void *)s), top);
    __m256i b = _mm256_min_epu16(_mm256_loadu_si256((const __m256i *)(const void *)(s + 16)), top);
    return _mm256_permute4x64_epi64(_mm256_packus_epi16(a, b), 0xD8);
}

/* ucs2_to_utf8 by blocks of 64 units (two of 32, one test for both), the rest (under 64) by
 * ucs2_to_utf8's. */
__attribute__((target("avx2"))) FL_NOINLINE static uint8_t *
ucs2_to_utf8_avx2(const uint16_t *s, size_t n, uint8_t *out, size_t *bad) {
    const uint16_t *p = s, *end = s + n;
    while (end - p >= 64) {
        __m256i a = ucs2_block_avx2(p);
        __m256i b = ucs2_block_avx2(p + 32);
        _mm256_storeu_si256((__m256i *)(void *)out, a);
        _mm256_storeu_si256((__m256i *)(void *)(out + 32), b);
        if (_mm256_movemask_epi8(_mm256_or_si256(a, b)) == 0) {
            out += 64;
            p += 64;
            continue;
        }
        uint64_t wide = (uint32_t)_mm256_movemask_epi8(a) |
                        (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
        unsigned ascii = (unsigned)__builtin_ctzll(wide);
        out += ascii;
        size_t i = (size_t)(p - s) + ascii;
        out = ucs2_run(s, n, &i, out, bad);
        if (out == NULL) {
            return NULL;
        }
        p = s + i;
    }
    size_t i = (size_t)(p - s);
    uint8_t *tail = ucs2_to_utf8(s + i, n - i, out, bad);
    if (tail == NULL) {
        *bad += i;
    }
    return tail;
}

/* latin1_to_utf8 by blocks of 32 units, the rest by its blocks of 16 */
__attribute__((target("avx2"))) FL_NOINLINE static uint8_t *
latin1_to_utf8_avx2(const uint8_t *s, size_t n, uint8_t *out) {
    size_t i = 0;
    while (i + 32 <= n) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        _mm256_storeu_si256((__m256i *)(void *)out, v);
        unsigned wide = (unsigned)_mm256_movemask_epi8(v);
        if (wide == 0) {
            out += 32;
            i += 32;
            continue;
        }
        unsigned ascii = (unsigned)__builtin_ctz(wide);
        out += ascii;
        i += ascii;
        out = latin1_run(s, n, &i, out);
    }
    return latin1_to_utf8(s + i, n - i, out);
}
#endif

static bool units_has_avx2(void) {
#if FL_UNITS_AVX2
    /* reads of what libgcc's (or compiler-rt's) constructor found, OS support included */
    return __builtin_cpu_supports("avx2");
#else
    return false;
#endif
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

fl_status fl__utf8_from_units_with(fl_units units, const void *data, size_t n, char *out,
                                   size_t *out_len, size_t *bad, unsigned block) {
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
    bool avx2 = block == 32 && units_has_avx2();
    uint8_t *o = (uint8_t *)out;
    uint8_t *end;
    switch (units) {
    case FL_UNITS_UTF8:
        memcpy(o, data, n);
        end = o + n;
        break;
    case FL_UNITS_LATIN1:
#if FL_UNITS_AVX2
        if (avx2) {
            end = latin1_to_utf8_avx2(data, n, o);
            break;
        }
#endif
        end = latin1_to_utf8(data, n, o);
        break;
    case FL_UNITS_UCS2:
#if FL_UNITS_AVX2
        if (avx2) {
            end = ucs2_to_utf8_avx2(data, n, o, bad);
            break;
        }
#endif
        end = ucs2_to_utf8_base(data, n, o, bad);
        break;
    case FL_UNITS_UCS4:
        end = ucs4_to_utf8(data, n, o, bad);
        break;
    default:
        return FL_ERR_ARG;
    }
    (void)avx2;
    if (end == NULL) {
        return FL_ERR_TEXT;
    }
    *out_len = (size_t)(end - o);
    return FL_OK;
}

fl_status fl_utf8_from_units(fl_units units, const void *data, size_t n, char *out, size_t *out_len,
                             size_t *bad) {
    return fl__utf8_from_units_with(units, data, n, out, out_len, bad, 32);
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
