/* fold.c: the folded and exact (NFC) forms under which tokens and terms are compared. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

/* Latin and Greek letters lose their diacritics; Cyrillic keeps them (й is not и, ї is not
 * і), so a mark is only dropped after a base from these blocks. */
static bool strips_marks(int32_t base) {
    return (base >= 0x41 && base <= 0x24F) || (base >= 0x250 && base <= 0x2AF) ||
           (base >= 0x370 && base <= 0x3FF) || (base >= 0x1D00 && base <= 0x1DBF) ||
           (base >= 0x1E00 && base <= 0x1FFF) || (base >= 0x2C60 && base <= 0x2C7F) ||
           (base >= 0xA720 && base <= 0xA7FF) || (base >= 0xAB30 && base <= 0xAB6F) ||
           (base >= 0xFB00 && base <= 0xFB06) || (base >= 0xFF21 && base <= 0xFF5A);
}

static fl_status push_cp(const fl_allocator *a, fl_vec *v, int32_t cp) {
    return fl__vec_append(a, v, sizeof(int32_t), &cp, 1);
}

/* Canonical ordering: a stable insertion sort of each run of combining marks by their
 * combining class, as utf8proc_decompose() does for whole strings. */
static void canonical_order(int32_t *cps, size_t n) {
    for (size_t i = 1; i < n; i++) {
        int ccc = utf8proc_get_property(cps[i])->combining_class;
        if (ccc == 0) {
            continue;
        }
        size_t j = i;
        while (j > 0) {
            int prev = utf8proc_get_property(cps[j - 1])->combining_class;
            if (prev == 0 || prev <= ccc) {
                break;
            }
            int32_t t = cps[j];
            cps[j] = cps[j - 1];
            cps[j - 1] = t;
            j--;
        }
    }
}

static fl_status fold_ascii(const fl_allocator *a, const uint8_t *s, size_t len, fl_fold_mode mode,
                            fl_vec *out) {
    if (len == 0) {
        return FL_OK;
    }
    size_t at = out->len;
    fl_status st = fl__vec_append(a, out, 1, s, len);
    if (st != FL_OK) {
        return st;
    }
    uint8_t *d = (uint8_t *)out->data + at;
    for (size_t i = 0; i < len; i++) {
        if (d[i] == '`') {
            d[i] = '\'';
        } else if (mode == FL_FOLD_CASELESS && d[i] >= 'A' && d[i] <= 'Z') {
            d[i] = (uint8_t)(d[i] + 32);
        }
    }
    return FL_OK;
}

/* fl__fold_append of any text, through utf8proc character by character. */
static fl_status fold_general(const fl_allocator *a, fl_vec *scratch, const uint8_t *s, size_t len,
                              fl_fold_mode mode, fl_vec *out) {
    utf8proc_option_t opts = UTF8PROC_DECOMPOSE;
    if (mode == FL_FOLD_CASELESS) {
        opts |= UTF8PROC_CASEFOLD;
    }
    scratch->len = 0;
    int32_t base = 0;
    size_t pos = 0;
    fl_status st = FL_OK;
    while (pos < len) {
        int32_t cp;
        pos += fl__utf8_decode(s + pos, len - pos, &cp);
        fl_cclass cc = fl__cclass(cp);
        if (cc == FL_C_APOSTROPHE) {
            base = 0;
            st = push_cp(a, scratch, '\'');
        } else if (cc == FL_C_HYPHEN) {
            base = 0;
            st = push_cp(a, scratch, '-');
        } else if (cc == FL_C_FORMAT || utf8proc_get_property(cp)->ignorable) {
            continue; /* default-ignorable: soft hyphen, joiners, variation selectors, CGJ */
        } else {
            int32_t buf[32];
            int boundclass = 0;
            utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, opts, &boundclass);
            if (n < 0 || n > 32) {
                buf[0] = cp; /* cannot happen for valid scalars; keep the character */
                n = 1;
            }
            for (utf8proc_ssize_t k = 0; k < n && st == FL_OK; k++) {
                int32_t c = buf[k];
                bool mark = utf8proc_get_property(c)->combining_class != 0 ||
                            utf8proc_category(c) == UTF8PROC_CATEGORY_MN;
                if (!mark) {
                    base = c;
                } else if (mode == FL_FOLD_CASELESS && strips_marks(base)) {
                    continue;
                }
                st = push_cp(a, scratch, c);
            }
        }
        if (st != FL_OK) {
            return st;
        }
    }
    int32_t *cps = (int32_t *)scratch->data;
    size_t n = scratch->len;
    if (n > 0) {
        canonical_order(cps, n);
        utf8proc_ssize_t m = utf8proc_normalize_utf32(cps, (utf8proc_ssize_t)n,
                                                      UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (m >= 0) {
            n = (size_t)m;
        }
    }
    /* Room for the worst case up front, so the encoding loop cannot fail half-way. */
    size_t need;
    if (!fl__mul(n, 4, &need)) {
        return FL_ERR_NOMEM;
    }
    st = fl__vec_reserve(a, out, 1, out->len + need);
    if (st != FL_OK) {
        return st;
    }
    uint8_t *dst = (uint8_t *)out->data;
    for (size_t i = 0; i < n; i++) {
        int32_t c = cps[i];
        if (mode == FL_FOLD_CASELESS && c == 0x0451) {
            c = 0x0435; /* ё = е */
        }
        out->len += fl__utf8_encode(c, dst + out->len);
    }
    return FL_OK;
}

fl_status fl__fold_append(const fl_allocator *a, fl_vec *scratch, const uint8_t *s, size_t len,
                          fl_fold_mode mode, fl_vec *out) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 0x80) {
            return fold_general(a, scratch, s, len, mode, out);
        }
    }
    return fold_ascii(a, s, len, mode, out);
}

fl_status fl__fold_token(const fl_allocator *a, fl_vec *scratch, const uint8_t *s, size_t len,
                         uint8_t kind, fl_fold_mode mode, fl_vec *out) {
    if (kind == FL_TOKEN_PUNCT && len > 0) {
        int32_t cp;
        fl__utf8_decode(s, len, &cp);
        if (fl__cclass(cp) == FL_C_HYPHEN) {
            return fl__vec_append(a, out, 1, fl__dash_form(), FL_DASH_FORM_LEN);
        }
    }
    return fl__fold_append(a, scratch, s, len, mode, out);
}

/* The cache's layout (fl_fold_cache, fl_char_forms): internal.h. */

void fl__fold_cache_free(const fl_allocator *a, fl_fold_cache *cache) {
    fl__free(a, cache);
}

static fl_fold_slot *cache_slot(fl_fold_cache *cache, const uint8_t *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ s[i]) * 16777619u;
    }
    return &cache->slots[(h ^ (h >> 15)) & (FL_FOLD_CACHE_SLOTS - 1)];
}

/* Is cp a combining mark (Mn, Me, or a combining class: no character of the table's range
 * is Mc), or does its decomposition start with one (U+0344)? */
static bool is_mark(int32_t cp) {
    int32_t buf[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &boundclass);
    int32_t first = n >= 1 && n <= 8 ? buf[0] : cp;
    for (int k = 0; k < 2; k++) {
        int32_t c = k == 0 ? cp : first;
        utf8proc_category_t cat = utf8proc_category(c);
        if (utf8proc_get_property(c)->combining_class != 0 || cat == UTF8PROC_CATEGORY_MN ||
            cat == UTF8PROC_CATEGORY_ME) {
            return true;
        }
    }
    return false;
}

/* One mode's form of cp alone, through fold_general, into form (at most FL_CHAR_FORM bytes);
 * false when it is longer. */
static fl_status char_form(const fl_allocator *a, fl_vec *scratch, int32_t cp, fl_fold_mode mode,
                           uint8_t form[FL_CHAR_FORM], uint8_t *len, bool *fits) {
    uint8_t bytes[4];
    size_t n = fl__utf8_encode(cp, bytes);
    fl_vec out = {0};
    fl_status st = fold_general(a, scratch, bytes, n, mode, &out);
    *fits = st == FL_OK && out.len <= FL_CHAR_FORM;
    if (*fits) {
        if (out.len > 0) {
            memcpy(form, out.data, out.len);
        }
        *len = (uint8_t)out.len;
    }
    fl__vec_free(a, &out);
    return st;
}

/* The table entry of cp (below FL_CHAR_END), made on first sight. */
static fl_status char_entry(const fl_allocator *a, fl_vec *scratch, fl_fold_cache *cache,
                            int32_t cp, const fl_char_forms **out) {
    fl_char_forms *e = &cache->chars[cp];
    if (e->state == FL_CHAR_UNSEEN) {
        memset(e, 0, sizeof *e);
        bool fits = false;
        bool exact_fits = false;
        fl_status st;
        if (!is_mark(cp) && ((st = char_form(a, scratch, cp, FL_FOLD_CASELESS, e->fold,
                                             &e->fold_len, &fits)) != FL_OK ||
                             (fits && (st = char_form(a, scratch, cp, FL_FOLD_EXACT, e->exact,
                                                      &e->exact_len, &exact_fits)) != FL_OK))) {
            return st;
        }
        e->state = fits && exact_fits ? FL_CHAR_ALONE : FL_CHAR_MARK;
        e->same = e->state == FL_CHAR_ALONE && e->fold_len == e->exact_len &&
                  memcmp(e->fold, e->exact, e->fold_len) == 0;
    }
    *out = e;
    return FL_OK;
}

/* The table entry of a punctuation token s[0..3) of U+2000..U+207F, made on first sight:
 * FL_CHAR_ALONE with its two forms, or FL_CHAR_MARK (not from the table) when one is longer than
 * FL_CHAR_FORM. */
static fl_status punct_entry(const fl_allocator *a, fl_vec *scratch, fl_fold_cache *cache,
                             const uint8_t *s, const fl_char_forms **out) {
    fl_char_forms *e = &cache->puncts[fl__punct_index(s)];
    if (e->state == FL_CHAR_UNSEEN) {
        memset(e, 0, sizeof *e);
        fl_vec forms = {0};
        fl_status st = fl__fold_token(a, scratch, s, 3, FL_TOKEN_PUNCT, FL_FOLD_CASELESS, &forms);
        size_t f = forms.len;
        if (st == FL_OK) {
            st = fl__fold_token(a, scratch, s, 3, FL_TOKEN_PUNCT, FL_FOLD_EXACT, &forms);
        }
        if (st != FL_OK) {
            fl__vec_free(a, &forms);
            return st;
        }
        size_t x = forms.len - f;
        const uint8_t *b = forms.data;
        e->state = FL_CHAR_MARK;
        if (f <= FL_CHAR_FORM && x <= FL_CHAR_FORM) {
            if (f + x > 0) { /* a default-ignorable (U+200B, U+2060, ...) has empty forms */
                memcpy(e->fold, b, f);
                memcpy(e->exact, b + f, x);
            }
            e->fold_len = (uint8_t)f;
            e->exact_len = (uint8_t)x;
            e->same = f == x && (f == 0 || memcmp(b, b + f, f) == 0);
            e->state = FL_CHAR_ALONE;
        }
        fl__vec_free(a, &forms);
    }
    *out = e;
    return FL_OK;
}

/* Both forms of a word of characters below U+0800 none of which is a mark, from the table in
 * one pass: the folded one into d, the exact one into x (3 bytes a byte of s and FL_CHAR_COPY
 * more fit in each: a two-byte character's form is at most six). *f: the folded form's
 * length, or SIZE_MAX when the word is not such a word; *e: the exact form's; *same: each
 * character's two forms are equal (so are the words'). */
static fl_status forms_by_chars(const fl_allocator *a, fl_vec *scratch, fl_fold_cache *cache,
                                const uint8_t *s, size_t len, uint8_t *d, uint8_t *x, size_t *f,
                                size_t *e, bool *same) {
    size_t o = 0;
    size_t ox = 0;
    unsigned all_same = 1;
    for (size_t p = 0; p < len;) {
        size_t cp;
        if (!fl__char_step(s, len, &p, &cp)) {
            *f = SIZE_MAX; /* three or four bytes, or not UTF-8 */
            return FL_OK;
        }
        const fl_char_forms *c = &cache->chars[cp];
        if (FL_UNLIKELY(c->state != FL_CHAR_ALONE)) {
            fl_status st;
            if (c->state == FL_CHAR_UNSEEN &&
                (st = char_entry(a, scratch, cache, (int32_t)cp, &c)) != FL_OK) {
                return st;
            }
            if (c->state != FL_CHAR_ALONE) {
                *f = SIZE_MAX;
                return FL_OK;
            }
        }
        o = fl__char_put(d, o, c->fold, c->fold_len);
        ox = fl__char_put(x, ox, c->exact, c->exact_len);
        all_same &= c->same;
    }
    *f = o;
    *e = ox;
    *same = all_same != 0;
    return FL_OK;
}

fl_status fl__fold_token_pair(const fl_allocator *a, fl_vec *scratch, fl_fold_cache **cache,
                              const uint8_t *s, size_t len, uint8_t kind, bool exact, fl_vec *out,
                              size_t *fold_len, size_t *exact_len, bool *same) {
    size_t at = out->len;
    fl_status st;
    if (kind == FL_TOKEN_PUNCT && len == 3 && s[0] == 0xE2 && (s[1] & 0xFE) == 0x80 &&
        (s[2] & 0xC0) == 0x80 && cache != NULL && *cache != NULL) {
        /* a curly quote or a dash, from its table entry (forms copied FL_CHAR_COPY bytes at a
         * time) */
        const fl_char_forms *c;
        if ((out->cap - at < 2 * FL_CHAR_COPY &&
             (st = fl__vec_reserve(a, out, 1, at + 2 * FL_CHAR_COPY)) != FL_OK) ||
            (st = punct_entry(a, scratch, *cache, s, &c)) != FL_OK) {
            return st;
        }
        if (c->state == FL_CHAR_ALONE) {
            uint8_t *d = (uint8_t *)out->data + at;
            size_t o = fl__char_put(d, 0, c->fold, c->fold_len);
            fl__char_put(d, o, c->exact, c->exact_len);
            *fold_len = c->fold_len;
            *exact_len = exact ? c->exact_len : 0;
            *same = !exact || c->same;
            out->len = at + *fold_len + *exact_len;
            return FL_OK;
        }
    }
    /* Room for both ASCII forms up front (the exact one is written with the folded one even
     * when not wanted): a lone "-" becomes " -" in each. */
    size_t need = len + FL_DASH_FORM_LEN;
    if (!fl__mul(need, 2, &need) || need > SIZE_MAX - at) {
        return FL_ERR_NOMEM;
    }
    if (out->cap - at < need && (st = fl__vec_reserve(a, out, 1, at + need)) != FL_OK) {
        return st;
    }
    uint8_t *d = (uint8_t *)out->data + at;
    if (kind == FL_TOKEN_PUNCT && len > 0 && s[0] == '-') {
        /* a dash between spaces: its own form, as fl__fold_token gives it */
        memcpy(d, fl__dash_form(), FL_DASH_FORM_LEN);
        memcpy(d + FL_DASH_FORM_LEN, fl__dash_form(), FL_DASH_FORM_LEN);
        *fold_len = FL_DASH_FORM_LEN;
        *exact_len = exact ? FL_DASH_FORM_LEN : 0;
        *same = true;
        out->len = at + FL_DASH_FORM_LEN + *exact_len;
        return FL_OK;
    }
    bool upper = false;
    size_t i = 0;
    for (; i < len; i++) {
        uint8_t c = s[i];
        if (c >= 0x80) {
            break;
        }
        if (c == '`') {
            c = '\'';
        }
        d[len + i] = c;
        if ((unsigned)(c - 'A') < 26u) {
            c = (uint8_t)(c + 32);
            upper = true;
        }
        d[i] = c;
    }
    if (i == len) { /* ASCII: the fold_ascii forms of both modes, in one pass */
        *fold_len = len;
        *exact_len = exact ? len : 0;
        *same = !exact || !upper;
        out->len = at + (exact ? 2 * len : len);
        return FL_OK;
    }
    if (cache != NULL && *cache == NULL) {
        *cache = fl__malloc(a, sizeof(fl_fold_cache));
        if (*cache == NULL) {
            return FL_ERR_NOMEM;
        }
        /* only what says an entry is empty: an entry is zeroed when it is made (the cache
         * is 100 KiB, and a result made for a short text folds few tokens) */
        for (size_t j = 0; j < FL_FOLD_CACHE_SLOTS; j++) {
            (*cache)->slots[j].key_len = 0;
        }
        for (size_t j = 0; j < FL_CHAR_END; j++) {
            (*cache)->chars[j].state = FL_CHAR_UNSEEN;
        }
        for (size_t j = 0; j < FL_PUNCT_CHARS; j++) {
            (*cache)->puncts[j].state = FL_CHAR_UNSEEN;
        }
    }
    /* Not ASCII: a word of characters below U+0800 without a mark, character by character
     * (a punctuation token may be a dash with a form of its own: fl__fold_token) */
    if (cache != NULL && kind != FL_TOKEN_PUNCT && at <= SIZE_MAX - 2 * FL_CHAR_COPY &&
        len <= (SIZE_MAX - at - 2 * FL_CHAR_COPY) / 6) {
        size_t half = 3 * len + FL_CHAR_COPY; /* the folded form's room, then the exact form's */
        if (out->cap - at < 2 * half && (st = fl__vec_reserve(a, out, 1, at + 2 * half)) != FL_OK) {
            return st;
        }
        d = (uint8_t *)out->data + at;
        size_t f;
        size_t e;
        bool each_same;
        if ((st = forms_by_chars(a, scratch, *cache, s, len, d, d + half, &f, &e, &each_same)) !=
            FL_OK) {
            return st;
        }
        if (f != SIZE_MAX) {
            *fold_len = f;
            *exact_len = 0;
            *same = true;
            if (exact && each_same) {
                memcpy(d + f, d, f);
                *exact_len = f;
            } else if (exact) {
                memmove(d + f, d + half, e);
                *exact_len = e;
                *same = e == f && memcmp(d, d + f, f) == 0;
            }
            out->len = at + f + *exact_len;
            return FL_OK;
        }
    }
    /* Otherwise from the cache when this token was folded before. */
    fl_fold_slot *slot = NULL;
    if (cache != NULL && len <= FL_FOLD_CACHE_KEY) {
        slot = cache_slot(*cache, s, len);
        if (slot->key_len == len && slot->kind == kind && slot->exact == exact &&
            memcmp(slot->key, s, len) == 0) {
            size_t both = (size_t)slot->fold_len + slot->exact_len;
            if ((st = fl__vec_reserve(a, out, 1, at + both)) != FL_OK) {
                return st;
            }
            memcpy((uint8_t *)out->data + at, slot->forms, both);
            out->len = at + both;
            *fold_len = slot->fold_len;
            *exact_len = slot->exact_len;
            *same = slot->same != 0;
            return FL_OK;
        }
    }
    if ((st = fl__fold_token(a, scratch, s, len, kind, FL_FOLD_CASELESS, out)) != FL_OK) {
        out->len = at;
        return st;
    }
    *fold_len = out->len - at;
    *exact_len = 0;
    *same = true;
    if (exact) {
        size_t mark = out->len;
        if ((st = fl__fold_token(a, scratch, s, len, kind, FL_FOLD_EXACT, out)) != FL_OK) {
            out->len = at;
            return st;
        }
        *exact_len = out->len - mark;
        *same = *exact_len == *fold_len &&
                memcmp((const uint8_t *)out->data + at, (const uint8_t *)out->data + mark,
                       *fold_len) == 0;
    }
    if (slot != NULL && *fold_len + *exact_len <= FL_FOLD_CACHE_FORMS) {
        slot->key_len = (uint8_t)len;
        slot->kind = kind;
        slot->exact = exact;
        slot->fold_len = (uint8_t)*fold_len;
        slot->exact_len = (uint8_t)*exact_len;
        slot->same = *same;
        memcpy(slot->key, s, len);
        memcpy(slot->forms, (const uint8_t *)out->data + at, *fold_len + *exact_len);
    }
    return FL_OK;
}

fl_status fl_fold(const char *text, size_t len, char *out, size_t cap, size_t *needed,
                  const fl_allocator *alloc) {
    if ((text == NULL && len > 0) || (out == NULL && cap > 0) || needed == NULL) {
        return FL_ERR_ARG;
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_vec scratch = {0};
    fl_vec buf = {0};
    fl_status st = fl__fold_append(&a, &scratch, (const uint8_t *)text, len, FL_FOLD_CASELESS,
                                   &buf);
    if (st == FL_OK) {
        *needed = buf.len;
        if (cap > 0) {
            memcpy(out, buf.data, buf.len < cap ? buf.len : cap);
        }
    }
    fl__vec_free(&a, &scratch);
    fl__vec_free(&a, &buf);
    return st;
}
