/* lexicon_json.c: the JSON front end of the lexicon builder; the only includer of cJSON. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * One parse and one pass. cJSON parses the text once; then one walk moves a cursor through
 * the raw text in lockstep with cJSON's tree. The cursor reads every token itself, strictly
 * (RFC 8259: no NUL or other control bytes as whitespace, no leading zeros, "1." or raw
 * control characters in strings; valid UTF-8; no "\u0000", which would cut a C string short;
 * no key twice in one object; at most FL_JSON_MAX_DEPTH levels), so every key and value has
 * its line:column and every error names one. The walk checks the lexicon format as it goes
 * (unknown keys are errors, with a suggestion) and feeds the builder; values the matcher does
 * not use (source, note, meta) become value trees the lexicon keeps.
 *
 * When cJSON refuses the text there is no tree: the same walk then runs on the text alone,
 * to find where and why the text is not JSON. Recursion is bounded by FL_JSON_MAX_DEPTH
 * (cJSON's own limit, CJSON_NESTING_LIMIT, is 1000). cJSON allocates with the C library's
 * malloc: its global hooks are never touched, so loading stays thread-safe.
 */

/* Lexicons are a few levels deep; metadata may nest further, up to this. */
#define FL_JSON_MAX_DEPTH 512

typedef struct jw {
    const uint8_t *s;
    size_t len;
    size_t pos;
    /* the cursor's line, the offset where that line starts and the UTF-8 continuation bytes
     * on it before pos: column = pos - line_start - line_cont + 1, in code points */
    uint32_t line;
    size_t line_start;
    size_t line_cont;
    bool no_places;       /* free-form data given as JSON text: places are in that text */
    fl_builder *b;
    fl_lexicon *lex;
    const char *source;
    fl_error *err;
    const char *syntax;   /* the first strict-syntax failure, a constant message */
    size_t syntax_at;
    fl_builder_counts base; /* item indices start here */
    fl_vec kids;          /* uint32_t value ids of containers being built */
    fl_vec keyset;        /* uint32_t slots: duplicate-key check of one object */
    fl_vec keyptrs;       /* const cJSON * of that object's members */
    fl_vec strs;          /* fl_str: a term's categories, variants; an actor's aliases */
    fl_vec places;        /* fl_place for each of strs */
    fl_vec opts;          /* pending_option of a contrast */
    char path[FL_ERROR_PATH_SIZE];
    size_t path_len;
} jw;

typedef struct pending_option {
    fl_str name;
    fl_place place;
    size_t first, n; /* into strs/places */
} pending_option;

/* ------------------------------------------------------------------ the cursor */

static fl_status syntax(jw *w, const char *msg) {
    if (w->syntax == NULL) {
        w->syntax = w->pos >= w->len ? "unexpected end of input" : msg;
        w->syntax_at = w->pos;
    }
    return FL_ERR_SYNTAX;
}

static fl_place place(const jw *w) {
    fl_place p = {0, 0};
    if (!w->no_places) {
        p.line = w->line;
        p.column = (uint32_t)(w->pos - w->line_start - w->line_cont + 1);
    }
    return p;
}

static void skip_ws(jw *w) {
    while (w->pos < w->len) {
        uint8_t c = w->s[w->pos];
        if (c == '\n') {
            w->line++;
            w->line_start = w->pos + 1;
            w->line_cont = 0;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            break;
        }
        w->pos++;
    }
}

static bool is_hex(uint8_t b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
}

static uint32_t hex4(const uint8_t *h) {
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        uint8_t b = h[k];
        v = v * 16 + (uint32_t)(b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
    }
    return v;
}

/* A string token at the cursor (which is at its opening quote). */
static fl_status scan_string(jw *w) {
    const uint8_t *s = w->s;
    w->pos++;
    while (w->pos < w->len) {
        uint8_t b = s[w->pos];
        if (b == '"') {
            w->pos++;
            return FL_OK;
        }
        if (b < 0x20) {
            return syntax(w, "a control character inside a string (escape it, e.g. \\n)");
        }
        if (b == '\\') {
            w->pos++;
            if (w->pos >= w->len) {
                return syntax(w, "unterminated string");
            }
            uint8_t e = s[w->pos];
            if (e == 'u') {
                size_t start = w->pos - 1;
                for (int k = 1; k <= 4; k++) {
                    if (w->pos + k >= w->len || !is_hex(s[w->pos + k])) {
                        w->pos += (size_t)k;
                        return syntax(w, "invalid \\u escape (four hex digits expected)");
                    }
                }
                uint32_t unit = hex4(s + w->pos + 1);
                if (unit == 0) {
                    w->pos = start;
                    return syntax(w, "a NUL character (\\u0000) is not allowed in a lexicon");
                }
                w->pos += 5;
                if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    w->pos = start;
                    return syntax(w, "a lone low surrogate escape (\\uDC00-\\uDFFF)");
                }
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    /* a high surrogate must be followed by a low one: "\uD83D\uDE00" */
                    if (w->pos + 6 > w->len || s[w->pos] != '\\' || s[w->pos + 1] != 'u' ||
                        !is_hex(s[w->pos + 2]) || !is_hex(s[w->pos + 3]) ||
                        !is_hex(s[w->pos + 4]) || !is_hex(s[w->pos + 5]) ||
                        hex4(s + w->pos + 2) < 0xDC00 || hex4(s + w->pos + 2) > 0xDFFF) {
                        w->pos = start;
                        return syntax(w, "a lone high surrogate escape (\\uD800-\\uDBFF) "
                                         "without its low surrogate");
                    }
                    w->pos += 6;
                }
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
                e != 't') {
                return syntax(w, "invalid escape");
            }
            w->pos++;
            continue;
        }
        if (b >= 0x80) {
            int32_t cp;
            size_t n = fl__utf8_decode(s + w->pos, w->len - w->pos, &cp);
            if (cp == 0xFFFD &&
                !(n == 3 && s[w->pos] == 0xEF && s[w->pos + 1] == 0xBF && s[w->pos + 2] == 0xBD)) {
                return syntax(w, "invalid UTF-8 inside a string");
            }
            w->pos += n;
            w->line_cont += n - 1;
            continue;
        }
        w->pos++;
    }
    return syntax(w, "unterminated string");
}

static bool digits(jw *w) {
    size_t start = w->pos;
    while (w->pos < w->len && w->s[w->pos] >= '0' && w->s[w->pos] <= '9') {
        w->pos++;
    }
    return w->pos > start;
}

static fl_status scan_number(jw *w) {
    if (w->s[w->pos] == '-') {
        w->pos++;
    }
    if (w->pos < w->len && w->s[w->pos] == '0') {
        w->pos++; /* no leading zeros: "01" ends after the 0 */
    } else if (!digits(w)) {
        return syntax(w, "invalid number");
    }
    if (w->pos < w->len && w->s[w->pos] == '.') {
        w->pos++;
        if (!digits(w)) {
            return syntax(w, "invalid number (digits expected after '.')");
        }
    }
    if (w->pos < w->len && (w->s[w->pos] == 'e' || w->s[w->pos] == 'E')) {
        w->pos++;
        if (w->pos < w->len && (w->s[w->pos] == '+' || w->s[w->pos] == '-')) {
            w->pos++;
        }
        if (!digits(w)) {
            return syntax(w, "invalid number (digits expected in the exponent)");
        }
    }
    return FL_OK;
}

static fl_status scan_literal(jw *w, const char *word) {
    for (size_t k = 0; word[k] != '\0'; k++) {
        if (w->pos >= w->len || w->s[w->pos] != (uint8_t)word[k]) {
            return syntax(w, "expected a value (true, false, null, a number, a string, an "
                             "array or an object)");
        }
        w->pos++;
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ paths and errors */

/* Appends ".key" (or "key" at the start) or "[index]" to the path; returns the old length.
 * Written by hand: it runs for every item of a lexicon, and snprintf showed in profiles. */
static size_t path_push(jw *w, const char *fmt, const char *key, size_t index) {
    (void)fmt;
    size_t old = w->path_len;
    size_t cap = sizeof w->path - 1;
    size_t at = old;
    if (key != NULL) {
        if (at > 0 && at < cap) {
            w->path[at++] = '.';
        }
        size_t n = strlen(key);
        if (n > cap - at) {
            n = cap - at;
        }
        memcpy(w->path + at, key, n);
        at += n;
    } else {
        char digits[24];
        size_t d = 0;
        do {
            digits[d++] = (char)('0' + index % 10);
            index /= 10;
        } while (index > 0);
        if (at + d + 2 <= cap) {
            w->path[at++] = '[';
            while (d > 0) {
                w->path[at++] = digits[--d];
            }
            w->path[at++] = ']';
        }
    }
    w->path[at] = '\0';
    w->path_len = at;
    return old;
}

static void path_pop(jw *w, size_t old) {
    w->path_len = old;
    w->path[old] = '\0';
}

static fl_status schema_at(jw *w, fl_place p, size_t item, const char *fmt, const char *what) {
    return fl__error_place(w->err, FL_ERR_SCHEMA, w->source, p, w->path, item, fmt, what);
}

/* ------------------------------------------------------------------ containers */

/* The cursor at a value: whitespace skipped, the depth checked, and the text's kind of value
 * agreeing with cJSON's node. When it does not, cJSON was laxer than RFC 8259 here: the
 * strict reading of the value says what is wrong. */
static fl_status walk_value(jw *w, const cJSON *node, int depth, bool build, const char *key);

static bool agrees(const cJSON *node, uint8_t c) {
    if (cJSON_IsObject(node)) {
        return c == '{';
    }
    if (cJSON_IsArray(node)) {
        return c == '[';
    }
    if (cJSON_IsString(node)) {
        return c == '"';
    }
    if (cJSON_IsNumber(node)) {
        return c == '-' || (c >= '0' && c <= '9');
    }
    if (cJSON_IsTrue(node)) {
        return c == 't';
    }
    if (cJSON_IsFalse(node)) {
        return c == 'f';
    }
    return cJSON_IsNull(node) && c == 'n';
}

static fl_status at_value(jw *w, const cJSON *node, int depth) {
    skip_ws(w);
    if (depth >= FL_JSON_MAX_DEPTH) {
        return syntax(w, "nested deeper than 512 levels");
    }
    if (w->pos >= w->len) {
        return syntax(w, "expected a value");
    }
    if (node != NULL && !agrees(node, w->s[w->pos])) {
        fl_status st = walk_value(w, NULL, depth, false, NULL);
        return st != FL_OK ? st : syntax(w, "unexpected character (the JSON reader disagrees)");
    }
    return FL_OK;
}

typedef struct iter {
    const cJSON *next; /* the next member or item in cJSON's tree (NULL in scan mode) */
    size_t index;
    size_t dup; /* index of the first member whose key repeats, or SIZE_MAX */
    bool first;
    bool tree;
} iter;

/* Index of the first member of obj whose key an earlier member has, or SIZE_MAX: a hash set
 * of the keys, so objects with many keys stay linear. */
static fl_status first_repeated_key(jw *w, const cJSON *obj, size_t *dup) {
    *dup = SIZE_MAX;
    size_t k = 0;
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        k++;
    }
    if (k < 2) {
        return FL_OK;
    }
    size_t slots = fl__table_size(2 * k, 16);
    fl_status st;
    w->keyset.len = 0;
    w->keyptrs.len = 0;
    if ((st = fl__vec_append(&w->lex->alloc, &w->keyset, sizeof(uint32_t), NULL, slots)) != FL_OK ||
        (st = fl__vec_reserve(&w->lex->alloc, &w->keyptrs, sizeof(const cJSON *), k)) != FL_OK) {
        return st;
    }
    uint32_t *set = w->keyset.data;
    const cJSON **ptrs = w->keyptrs.data;
    size_t i = 0;
    for (const cJSON *c = obj->child; c != NULL; c = c->next, i++) {
        const char *key = c->string != NULL ? c->string : "";
        size_t len = strlen(key);
        size_t j = fl__hash_spread(fl__hash_bytes((const uint8_t *)key, len)) & (slots - 1);
        for (; set[j] != 0; j = (j + 1) & (slots - 1)) {
            const char *other = ptrs[set[j] - 1]->string;
            if (strcmp(other != NULL ? other : "", key) == 0) {
                *dup = i;
                return FL_OK;
            }
        }
        ptrs[i] = c;
        set[j] = (uint32_t)(i + 1);
    }
    return FL_OK;
}

/* At '{' (after at_value). */
static fl_status obj_open(jw *w, const cJSON *node, iter *it) {
    w->pos++;
    it->next = node != NULL ? node->child : NULL;
    it->index = 0;
    it->first = true;
    it->tree = node != NULL;
    it->dup = SIZE_MAX;
    return node != NULL ? first_repeated_key(w, node, &it->dup) : FL_OK;
}

/* The next member: *more false at the closing brace; else the key has been read (its place
 * in *kp) and the cursor stands after the colon. */
static fl_status obj_next(jw *w, iter *it, const cJSON **member, fl_place *kp, bool *more) {
    skip_ws(w);
    if (it->first) {
        it->first = false;
        if (w->pos < w->len && w->s[w->pos] == '}') {
            w->pos++;
            *more = false;
            return it->next == NULL ? FL_OK : syntax(w, "unexpected '}'");
        }
    } else if (w->pos < w->len && w->s[w->pos] == ',') {
        w->pos++;
        skip_ws(w);
    } else if (w->pos < w->len && w->s[w->pos] == '}') {
        w->pos++;
        *more = false;
        return it->next == NULL ? FL_OK : syntax(w, "unexpected '}'");
    } else {
        return syntax(w, "expected ',' or '}'");
    }
    if (w->pos >= w->len || w->s[w->pos] != '"') {
        return syntax(w, "expected a string (an object key in double quotes)");
    }
    *kp = place(w);
    fl_status st = scan_string(w);
    if (st != FL_OK) {
        return st;
    }
    skip_ws(w);
    if (w->pos >= w->len || w->s[w->pos] != ':') {
        return syntax(w, "expected ':'");
    }
    w->pos++;
    if (it->tree && it->next == NULL) {
        return syntax(w, "unexpected member (the JSON reader disagrees)");
    }
    *member = it->next;
    if (it->next != NULL) {
        it->next = it->next->next;
    }
    it->index++;
    *more = true;
    if (it->index - 1 == it->dup) {
        return fl__error_place(w->err, FL_ERR_SCHEMA, w->source, *kp, w->path, SIZE_MAX,
                               "the key \"%.80s\" appears twice in one object", (*member)->string);
    }
    return FL_OK;
}

/* At '[' (after at_value). */
static void arr_open(jw *w, const cJSON *node, iter *it) {
    w->pos++;
    it->next = node != NULL ? node->child : NULL;
    it->index = 0;
    it->first = true;
    it->tree = node != NULL;
    it->dup = SIZE_MAX;
}

static fl_status arr_next(jw *w, iter *it, const cJSON **item, bool *more) {
    skip_ws(w);
    if (it->first) {
        it->first = false;
        if (w->pos < w->len && w->s[w->pos] == ']') {
            w->pos++;
            *more = false;
            return it->next == NULL ? FL_OK : syntax(w, "unexpected ']'");
        }
    } else if (w->pos < w->len && w->s[w->pos] == ',') {
        w->pos++;
    } else if (w->pos < w->len && w->s[w->pos] == ']') {
        w->pos++;
        *more = false;
        return it->next == NULL ? FL_OK : syntax(w, "unexpected ']'");
    } else {
        return syntax(w, "expected ',' or ']'");
    }
    if (it->tree && it->next == NULL) {
        return syntax(w, "unexpected item (the JSON reader disagrees)");
    }
    *item = it->next;
    if (it->next != NULL) {
        it->next = it->next->next;
    }
    it->index++;
    *more = true;
    return FL_OK;
}

/* Closes the container value `id` over the value ids pushed since `mark`. */
static fl_status close_container(jw *w, uint32_t id, size_t mark) {
    /* An empty container may come before any kid was pushed (kids.data NULL): no pointer
     * arithmetic on NULL then. */
    const uint32_t *kids = w->kids.len > mark ? (const uint32_t *)w->kids.data + mark : NULL;
    fl_status st = fl__value_set_kids(w->lex, id, kids, w->kids.len - mark);
    w->kids.len = mark;
    return st;
}

static fl_status push_kid(jw *w, uint32_t id) {
    return fl__vec_push(&w->lex->alloc, &w->kids, sizeof id, &id);
}

/* Any value: read strictly; with build, kept as a value tree (its id pushed on w->kids). */
static fl_status walk_value(jw *w, const cJSON *node, int depth, bool build, const char *key) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    size_t klen = key != NULL ? strlen(key) : 0;
    size_t start = w->pos;
    uint8_t c = w->s[w->pos];
    uint32_t id;
    iter it;
    bool more;
    if (c == '{' || c == '[') {
        size_t mark = w->kids.len;
        if (build && (st = fl__value_add(w->lex, c == '{' ? FL_VALUE_OBJECT : FL_VALUE_ARRAY, key,
                                         klen, NULL, 0, 0.0, &id)) != FL_OK) {
            return st;
        }
        if (c == '{') {
            if ((st = obj_open(w, node, &it)) != FL_OK) {
                return st;
            }
            for (;;) {
                const cJSON *m = NULL;
                fl_place kp;
                if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
                    break;
                }
                size_t old = path_push(w, "%s%s", m != NULL ? m->string : "?", 0);
                st = walk_value(w, m, depth + 1, build, m != NULL ? m->string : NULL);
                path_pop(w, old);
                if (st != FL_OK) {
                    break;
                }
            }
        } else {
            arr_open(w, node, &it);
            for (;;) {
                const cJSON *m = NULL;
                if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
                    break;
                }
                size_t old = path_push(w, "[%zu]", NULL, it.index - 1);
                st = walk_value(w, m, depth + 1, build, NULL);
                path_pop(w, old);
                if (st != FL_OK) {
                    break;
                }
            }
        }
        if (st != FL_OK || !build) {
            return st;
        }
        st = close_container(w, id, mark);
        return st == FL_OK ? push_kid(w, id) : st;
    }
    if (c == '"') {
        if ((st = scan_string(w)) != FL_OK) {
            return st;
        }
        if (!build) {
            return FL_OK;
        }
        const char *v = node->valuestring != NULL ? node->valuestring : "";
        st = fl__value_add(w->lex, FL_VALUE_STRING, key, klen, v, strlen(v), 0.0, &id);
    } else if (c == 't' || c == 'f' || c == 'n') {
        if ((st = scan_literal(w, c == 't' ? "true" : c == 'f' ? "false" : "null")) != FL_OK) {
            return st;
        }
        if (!build) {
            return FL_OK;
        }
        fl_value_kind kind = c == 't' ? FL_VALUE_TRUE : c == 'f' ? FL_VALUE_FALSE : FL_VALUE_NULL;
        st = fl__value_add(w->lex, kind, key, klen, NULL, 0, 0.0, &id);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        if ((st = scan_number(w)) != FL_OK) {
            return st;
        }
        if (!build) {
            return FL_OK;
        }
        st = fl__value_add(w->lex, FL_VALUE_NUMBER, key, klen, (const char *)w->s + start,
                           w->pos - start, node->valuedouble, &id);
    } else {
        return syntax(w, "expected a value");
    }
    return st == FL_OK ? push_kid(w, id) : st;
}

/* ------------------------------------------------------------------ the format */

static const char *const TOP_KEYS[] = {"name",  "version", "language",  "description", "categories",
                                       "terms", "exclude", "contrasts", "actors",      "source",
                                       "note",  "meta",    NULL};
static const char *const TERM_KEYS[] = {"term",     "category",       "weight",
                                        "variants", "case_sensitive", "source",
                                        "note",     "meta",           NULL};
static const char *const CATEGORY_KEYS[] = {"description", "color", "source", "note", "meta", NULL};
static const char *const CONTRAST_KEYS[] = {"name", "description", "options", "source",
                                            "note", "meta",        NULL};
static const char *const ACTOR_KEYS[] = {"name", "aliases", "source", "note", "meta", NULL};
static const char *const EXTRAS_KEYS[] = {"source", "note", "meta", NULL};

/* The allowed key a misspelt one most likely meant: the same after lower-casing and reading
 * '-' and ' ' as '_' ("case-sensitive"), else the nearest within an edit distance of 2
 * ("wieght", "variant"), 1 for short keys. NULL when none is near. */
static const char *suggest_key(const char *key, const char *const *allowed) {
    char norm[64];
    size_t n = strlen(key);
    if (n >= sizeof norm) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        norm[i] = c == '-' || c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    norm[n] = '\0';
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; allowed[i] != NULL; i++) {
        size_t al = strlen(allowed[i]);
        if (strcmp(norm, allowed[i]) == 0) {
            return allowed[i];
        }
        size_t cap = al <= 4 ? 1 : 2;
        size_t d = fl__edit_distance(norm, n, allowed[i], al, cap);
        if (d <= cap && d < best_d) {
            best_d = d;
            best = allowed[i];
        }
    }
    return best;
}

static fl_status unknown_key(jw *w, const char *key, fl_place kp, const char *const *allowed,
                             size_t item) {
    const char *hint = suggest_key(key, allowed);
    size_t len = strlen(key);
    int kl = fl__excerpt_len(key, len);
    if (hint != NULL) {
        return fl__error_place(w->err, FL_ERR_SCHEMA, w->source, kp, w->path, item,
                               "unknown key \"%.*s\"; did you mean \"%s\"?", kl, key, hint);
    }
    char list[200] = "";
    size_t used = 0;
    for (size_t i = 0; allowed[i] != NULL && used < sizeof list; i++) {
        int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", allowed[i]);
        used += n < 0 ? 0 : (size_t)n;
    }
    return fl__error_place(w->err, FL_ERR_SCHEMA, w->source, kp, w->path, item,
                           "unknown key \"%.*s%s\"; the keys here are %s (free-form data goes "
                           "under \"meta\")",
                           kl, key, fl__excerpt_more(len), list);
}

/* A string value: *out points into cJSON's tree (alive until the walk ends). */
static fl_status read_string(jw *w, const cJSON *node, int depth, size_t item, fl_str *out,
                             fl_place *vp, const char *expected) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    *vp = place(w);
    if (!cJSON_IsString(node)) {
        return schema_at(w, *vp, item, "expected %s", expected);
    }
    if ((st = scan_string(w)) != FL_OK) {
        return st;
    }
    out->ptr = node->valuestring != NULL ? node->valuestring : "";
    out->len = strlen(out->ptr);
    return FL_OK;
}

/* An array of strings onto w->strs and w->places (with their places). */
static fl_status read_strings(jw *w, const cJSON *node, int depth, size_t item, bool non_empty,
                              const char *expected) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place ap = place(w);
    if (!cJSON_IsArray(node)) {
        return schema_at(w, ap, item, "expected %s", expected);
    }
    if (non_empty && node->child == NULL) {
        return schema_at(w, ap, item, "expected a non-empty %s", expected + 3);
    }
    iter it;
    bool more;
    arr_open(w, node, &it);
    for (;;) {
        const cJSON *m = NULL;
        if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
            return st;
        }
        size_t old = path_push(w, "[%zu]", NULL, it.index - 1);
        fl_str s;
        fl_place p;
        st = read_string(w, m, depth + 1, item, &s, &p, "a string");
        path_pop(w, old);
        if (st != FL_OK || (st = fl__vec_push(&w->lex->alloc, &w->strs, sizeof s, &s)) != FL_OK ||
            (st = fl__vec_push(&w->lex->alloc, &w->places, sizeof p, &p)) != FL_OK) {
            return st;
        }
    }
}

/* One of source, note, meta: checked and kept (its value id pushed on w->kids). */
static fl_status read_extra(jw *w, const char *key, const cJSON *node, int depth, size_t item) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place vp = place(w);
    size_t old = path_push(w, "%s%s", key, 0);
    if (strcmp(key, "note") == 0 && !cJSON_IsString(node)) {
        st = schema_at(w, vp, item, "expected %s", "a string");
    } else if (strcmp(key, "meta") == 0 && !cJSON_IsObject(node)) {
        st = schema_at(w, vp, item, "expected %s", "an object (any JSON object)");
    } else if (strcmp(key, "source") == 0 && cJSON_IsArray(node)) {
        /* an array of strings: each item checked where it stands */
        uint32_t id;
        size_t mark = w->kids.len;
        iter it;
        bool more;
        if ((st = fl__value_add(w->lex, FL_VALUE_ARRAY, key, strlen(key), NULL, 0, 0.0, &id)) ==
            FL_OK) {
            arr_open(w, node, &it);
            for (;;) {
                const cJSON *m = NULL;
                if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
                    break;
                }
                size_t o2 = path_push(w, "[%zu]", NULL, it.index - 1);
                if ((st = at_value(w, m, depth + 1)) == FL_OK && !cJSON_IsString(m)) {
                    st = schema_at(w, place(w), item, "expected %s", "a string");
                }
                if (st == FL_OK) {
                    st = walk_value(w, m, depth + 1, true, NULL);
                }
                path_pop(w, o2);
                if (st != FL_OK) {
                    break;
                }
            }
        }
        if (st == FL_OK) {
            st = close_container(w, id, mark);
            if (st == FL_OK) {
                st = push_kid(w, id);
            }
        }
    } else if (strcmp(key, "source") == 0 && !cJSON_IsString(node)) {
        st = schema_at(w, vp, item, "expected %s", "a string or an array of strings");
    } else {
        st = walk_value(w, node, depth, true, key);
    }
    path_pop(w, old);
    return st;
}

static bool is_extra(const char *key) {
    return strcmp(key, "source") == 0 || strcmp(key, "note") == 0 || strcmp(key, "meta") == 0;
}

/* The object of free-form data over the value ids pushed since mark, or FL_NO_ID. */
static fl_status make_extras(jw *w, size_t mark, uint32_t *id) {
    *id = FL_NO_ID;
    if (w->kids.len == mark) {
        return FL_OK;
    }
    fl_status st = fl__value_add(w->lex, FL_VALUE_OBJECT, NULL, 0, NULL, 0, 0.0, id);
    return st == FL_OK ? close_container(w, *id, mark) : st;
}

static fl_status missing(jw *w, fl_place op, size_t item, const char *key, const char *expected) {
    size_t old = path_push(w, "%s%s", key, 0);
    fl_status st = schema_at(w, op, item, "missing; expected %s", expected);
    path_pop(w, old);
    return st;
}

/* ------------------------------------------------------------------ categories */

static fl_status walk_category(jw *w, const char *name, fl_place kp, const cJSON *node, int depth) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place vp = place(w);
    size_t item = SIZE_MAX;
    fl_category_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.name.ptr = name;
    spec.name.len = strlen(name);
    spec.place = kp;
    size_t mark = w->kids.len;
    if (cJSON_IsString(node)) {
        if ((st = read_string(w, node, depth, item, &spec.description, &vp, "a string")) != FL_OK) {
            return st;
        }
    } else if (cJSON_IsObject(node)) {
        iter it;
        bool more;
        if ((st = obj_open(w, node, &it)) != FL_OK) {
            return st;
        }
        for (;;) {
            const cJSON *m = NULL;
            fl_place mp;
            if ((st = obj_next(w, &it, &m, &mp, &more)) != FL_OK || !more) {
                break;
            }
            const char *key = m->string;
            fl_place p;
            if (strcmp(key, "description") == 0 || strcmp(key, "color") == 0) {
                size_t old = path_push(w, "%s%s", key, 0);
                st = read_string(w, m, depth + 1, item,
                                 key[0] == 'd' ? &spec.description : &spec.color, &p, "a string");
                path_pop(w, old);
            } else if (is_extra(key)) {
                st = read_extra(w, key, m, depth + 1, item);
            } else {
                st = unknown_key(w, key, mp, CATEGORY_KEYS, item);
            }
            if (st != FL_OK) {
                break;
            }
        }
        if (st != FL_OK) {
            return st;
        }
    } else {
        return schema_at(w, vp, item, "expected %s", "an object (or a description string)");
    }
    uint32_t extras;
    if ((st = make_extras(w, mark, &extras)) != FL_OK) {
        return st;
    }
    return fl__builder_add_category(w->b, &spec, extras, w->err);
}

static fl_status walk_categories(jw *w, const cJSON *node, int depth) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    if (!cJSON_IsObject(node)) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s",
                         "an object of category descriptions");
    }
    iter it;
    bool more;
    if ((st = obj_open(w, node, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            return st;
        }
        size_t old = path_push(w, "%s%s", m->string, 0);
        st = walk_category(w, m->string, kp, m, depth + 1);
        path_pop(w, old);
        if (st != FL_OK) {
            return st;
        }
    }
}

/* ------------------------------------------------------------------ terms */

static fl_status walk_term(jw *w, const cJSON *node, int depth, size_t item) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place op = place(w);
    if (!cJSON_IsObject(node)) {
        return schema_at(w, op, item, "expected %s", "an object with \"term\" and \"category\"");
    }
    fl_term_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.weight = 1.0;
    bool has_term = false;
    bool has_category = false;
    bool single_category = false;
    fl_str category;
    fl_place category_place;
    size_t var_first = 0;
    size_t var_n = 0;
    size_t cat_first = 0;
    size_t cat_n = 0;
    w->strs.len = 0;
    w->places.len = 0;
    size_t mark = w->kids.len;
    iter it;
    bool more;
    if ((st = obj_open(w, node, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            break;
        }
        const char *key = m->string;
        if (is_extra(key)) {
            st = read_extra(w, key, m, depth + 1, item);
        } else if (strcmp(key, "term") == 0 || strcmp(key, "category") == 0 ||
                   strcmp(key, "weight") == 0 || strcmp(key, "variants") == 0 ||
                   strcmp(key, "case_sensitive") == 0) {
            size_t old = path_push(w, "%s%s", key, 0);
            if (key[0] == 't') {
                st = read_string(w, m, depth + 1, item, &spec.term, &spec.place, "a string");
                has_term = true;
            } else if (key[0] == 'c' && key[1] == 'a' && key[2] == 't') {
                has_category = true;
                if ((st = at_value(w, m, depth + 1)) == FL_OK) {
                    if (cJSON_IsArray(m)) {
                        cat_first = w->strs.len;
                        st = read_strings(w, m, depth + 1, item, true,
                                          "an array of category names");
                        cat_n = w->strs.len - cat_first;
                    } else {
                        single_category = true;
                        st = read_string(w, m, depth + 1, item, &category, &category_place,
                                         "a string (or an array of strings)");
                    }
                }
            } else if (key[0] == 'w') {
                if ((st = at_value(w, m, depth + 1)) == FL_OK) {
                    fl_place vp = place(w);
                    if (!cJSON_IsNumber(m)) {
                        st = schema_at(w, vp, item, "expected %s", "a number");
                    } else if ((st = scan_number(w)) == FL_OK) {
                        spec.weight = m->valuedouble;
                        if (!isfinite(spec.weight)) {
                            st = schema_at(w, vp, item, "expected %s", "a finite number");
                        }
                    }
                }
            } else if (key[0] == 'v') {
                var_first = w->strs.len;
                st = read_strings(w, m, depth + 1, item, false, "an array of strings");
                var_n = w->strs.len - var_first;
            } else {
                if ((st = at_value(w, m, depth + 1)) == FL_OK) {
                    if (!cJSON_IsBool(m)) {
                        st = schema_at(w, place(w), item, "expected %s", "true or false");
                    } else {
                        spec.case_sensitive = cJSON_IsTrue(m) ? 1 : 0;
                        st = scan_literal(w, spec.case_sensitive ? "true" : "false");
                    }
                }
            }
            path_pop(w, old);
        } else {
            st = unknown_key(w, key, kp, TERM_KEYS, item);
        }
        if (st != FL_OK) {
            break;
        }
    }
    if (st != FL_OK) {
        return st;
    }
    if (!has_term) {
        return missing(w, op, item, "term", "a string");
    }
    if (!has_category) {
        return missing(w, op, item, "category", "a string (or an array of strings)");
    }
    const fl_str *strs = w->strs.data;
    const fl_place *places = w->places.data;
    if (single_category) {
        spec.categories = &category;
        spec.category_places = &category_place;
        spec.n_categories = 1;
    } else {
        spec.categories = strs + cat_first;
        spec.category_places = places + cat_first;
        spec.n_categories = cat_n;
    }
    spec.variants = var_n ? strs + var_first : NULL;
    spec.variant_places = var_n ? places + var_first : NULL;
    spec.n_variants = var_n;
    uint32_t extras;
    if ((st = make_extras(w, mark, &extras)) != FL_OK) {
        return st;
    }
    return fl__builder_add_term(w->b, &spec, extras, w->err);
}

static fl_status walk_terms(jw *w, const cJSON *node, int depth) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    if (!cJSON_IsArray(node)) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s", "an array of terms");
    }
    if (node->child == NULL) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s", "a non-empty array of terms");
    }
    iter it;
    bool more;
    arr_open(w, node, &it);
    for (;;) {
        const cJSON *m = NULL;
        if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
            return st;
        }
        size_t item = w->base.terms + it.index - 1;
        if (item >= FL_MAX_TERMS) {
            return fl__error_place(w->err, FL_ERR_LIMIT, w->source, place(w), "terms", item,
                                   "more than %d terms in one lexicon", FL_MAX_TERMS);
        }
        size_t old = path_push(w, "[%zu]", NULL, item);
        st = walk_term(w, m, depth + 1, item);
        path_pop(w, old);
        if (st != FL_OK) {
            return st;
        }
    }
}

/* ------------------------------------------------------------------ exclusions */

static fl_status walk_exclude(jw *w, const cJSON *node, int depth) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    if (!cJSON_IsArray(node)) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s", "an array of phrases");
    }
    iter it;
    bool more;
    arr_open(w, node, &it);
    for (;;) {
        const cJSON *m = NULL;
        if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
            return st;
        }
        size_t item = w->base.exclusions + it.index - 1;
        size_t old = path_push(w, "[%zu]", NULL, item);
        fl_str s;
        fl_place p;
        st = read_string(w, m, depth + 1, item, &s, &p, "a string");
        path_pop(w, old);
        if (st != FL_OK ||
            (st = fl_builder_add_exclusion(w->b, s.ptr, s.len, p, w->err)) != FL_OK) {
            return st;
        }
    }
}

/* ------------------------------------------------------------------ contrasts */

static fl_status walk_options(jw *w, const cJSON *node, int depth, size_t item) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place op = place(w);
    if (!cJSON_IsObject(node) || cJSON_GetArraySize(node) < 2) {
        return schema_at(w, op, item, "expected %s",
                         "an object with at least two options (option name -> terms)");
    }
    iter it;
    bool more;
    if ((st = obj_open(w, node, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            return st;
        }
        pending_option o;
        o.name.ptr = m->string;
        o.name.len = strlen(m->string);
        o.place = kp;
        o.first = w->strs.len;
        size_t old = path_push(w, "%s%s", m->string, 0);
        st = read_strings(w, m, depth + 1, item, true, "an array of terms");
        path_pop(w, old);
        o.n = w->strs.len - o.first;
        if (st != FL_OK || (st = fl__vec_push(&w->lex->alloc, &w->opts, sizeof o, &o)) != FL_OK) {
            return st;
        }
    }
}

static fl_status walk_contrast(jw *w, const cJSON *node, int depth, size_t item) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place op = place(w);
    if (!cJSON_IsObject(node)) {
        return schema_at(w, op, item, "expected %s", "an object with \"name\" and \"options\"");
    }
    fl_contrast_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.place = op;
    bool has_name = false;
    bool has_options = false;
    w->strs.len = 0;
    w->places.len = 0;
    w->opts.len = 0;
    size_t mark = w->kids.len;
    iter it;
    bool more;
    if ((st = obj_open(w, node, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            break;
        }
        const char *key = m->string;
        size_t old = path_push(w, "%s%s", key, 0);
        if (strcmp(key, "name") == 0) {
            has_name = true;
            st = read_string(w, m, depth + 1, item, &spec.name, &spec.place, "a string");
        } else if (strcmp(key, "description") == 0) {
            fl_place p;
            st = read_string(w, m, depth + 1, item, &spec.description, &p, "a string");
        } else if (strcmp(key, "options") == 0) {
            has_options = true;
            st = walk_options(w, m, depth + 1, item);
        } else if (is_extra(key)) {
            path_pop(w, old);
            old = w->path_len;
            st = read_extra(w, key, m, depth + 1, item);
        } else {
            path_pop(w, old);
            old = w->path_len;
            st = unknown_key(w, key, kp, CONTRAST_KEYS, item);
        }
        path_pop(w, old);
        if (st != FL_OK) {
            break;
        }
    }
    if (st != FL_OK) {
        return st;
    }
    if (!has_name) {
        return missing(w, op, item, "name", "a string");
    }
    if (!has_options) {
        return missing(w, op, item, "options", "an object of option name -> terms");
    }
    uint32_t extras;
    if ((st = make_extras(w, mark, &extras)) != FL_OK ||
        (st = fl__builder_add_contrast(w->b, &spec, extras, w->err)) != FL_OK) {
        return st;
    }
    const pending_option *opts = w->opts.data;
    const fl_str *strs = w->strs.data;
    const fl_place *places = w->places.data;
    for (size_t o = 0; o < w->opts.len; o++) {
        if ((st = fl_builder_add_option(w->b, opts[o].name.ptr, opts[o].name.len, opts[o].place,
                                        w->err)) != FL_OK) {
            return st;
        }
        for (size_t k = opts[o].first; k < opts[o].first + opts[o].n; k++) {
            if ((st = fl_builder_add_reference(w->b, strs[k].ptr, strs[k].len, places[k],
                                               w->err)) != FL_OK) {
                return st;
            }
        }
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ actors */

static fl_status walk_actor(jw *w, const cJSON *node, int depth, size_t item) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    fl_place op = place(w);
    if (!cJSON_IsObject(node)) {
        return schema_at(w, op, item, "expected %s", "an object with \"name\"");
    }
    fl_actor_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.place = op;
    bool has_name = false;
    w->strs.len = 0;
    w->places.len = 0;
    size_t mark = w->kids.len;
    iter it;
    bool more;
    if ((st = obj_open(w, node, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            break;
        }
        const char *key = m->string;
        if (strcmp(key, "name") == 0) {
            size_t old = path_push(w, "%s%s", key, 0);
            has_name = true;
            st = read_string(w, m, depth + 1, item, &spec.name, &spec.place, "a string");
            path_pop(w, old);
        } else if (strcmp(key, "aliases") == 0) {
            size_t old = path_push(w, "%s%s", key, 0);
            st = read_strings(w, m, depth + 1, item, false, "an array of strings");
            path_pop(w, old);
        } else if (is_extra(key)) {
            st = read_extra(w, key, m, depth + 1, item);
        } else {
            st = unknown_key(w, key, kp, ACTOR_KEYS, item);
        }
        if (st != FL_OK) {
            break;
        }
    }
    if (st != FL_OK) {
        return st;
    }
    if (!has_name) {
        return missing(w, op, item, "name", "a string");
    }
    spec.aliases = w->strs.data;
    spec.alias_places = w->places.data;
    spec.n_aliases = w->strs.len;
    uint32_t extras;
    if ((st = make_extras(w, mark, &extras)) != FL_OK) {
        return st;
    }
    return fl__builder_add_actor(w->b, &spec, extras, w->err);
}

/* contrasts or actors: an array of objects, each read by one. */
static fl_status walk_list(jw *w, const cJSON *node, int depth, size_t base, const char *what,
                           fl_status (*one)(jw *, const cJSON *, int, size_t)) {
    fl_status st = at_value(w, node, depth);
    if (st != FL_OK) {
        return st;
    }
    if (!cJSON_IsArray(node)) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s", what);
    }
    iter it;
    bool more;
    arr_open(w, node, &it);
    for (;;) {
        const cJSON *m = NULL;
        if ((st = arr_next(w, &it, &m, &more)) != FL_OK || !more) {
            return st;
        }
        size_t item = base + it.index - 1;
        size_t old = path_push(w, "[%zu]", NULL, item);
        st = one(w, m, depth + 1, item);
        path_pop(w, old);
        if (st != FL_OK) {
            return st;
        }
    }
}

/* ------------------------------------------------------------------ the top level */

static fl_status walk_top(jw *w, const cJSON *root) {
    fl_status st = at_value(w, root, 0);
    if (st != FL_OK) {
        return st;
    }
    fl_place op = place(w);
    if (!cJSON_IsObject(root)) {
        /* still read it, so a syntax error anywhere comes first */
        if ((st = walk_value(w, root, 0, false, NULL)) != FL_OK) {
            return st;
        }
        skip_ws(w);
        if (w->pos < w->len) {
            return syntax(w, "unexpected content after the JSON value");
        }
        return fl__error_place(w->err, FL_ERR_SCHEMA, w->source, op, "", SIZE_MAX,
                               "expected a JSON object with \"terms\" at the top level");
    }
    bool has_terms = false;
    size_t mark = w->kids.len;
    iter it;
    bool more;
    if ((st = obj_open(w, root, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            break;
        }
        const char *key = m->string;
        size_t old = path_push(w, "%s%s", key, 0);
        if (strcmp(key, "name") == 0 || strcmp(key, "version") == 0 ||
            strcmp(key, "language") == 0 || strcmp(key, "description") == 0) {
            fl_str s;
            fl_place p;
            if ((st = read_string(w, m, 1, SIZE_MAX, &s, &p, "a string")) == FL_OK) {
                st = fl_builder_set_meta(w->b, key, s.ptr, s.len, w->err);
            }
        } else if (strcmp(key, "categories") == 0) {
            st = walk_categories(w, m, 1);
        } else if (strcmp(key, "terms") == 0) {
            has_terms = true;
            st = walk_terms(w, m, 1);
        } else if (strcmp(key, "exclude") == 0) {
            st = walk_exclude(w, m, 1);
        } else if (strcmp(key, "contrasts") == 0) {
            st = walk_list(w, m, 1, w->base.contrasts, "an array of contrast sets", walk_contrast);
        } else if (strcmp(key, "actors") == 0) {
            st = walk_list(w, m, 1, w->base.actors, "an array of actors", walk_actor);
        } else if (is_extra(key)) {
            path_pop(w, old);
            old = w->path_len;
            st = read_extra(w, key, m, 1, SIZE_MAX);
        } else {
            path_pop(w, old);
            old = w->path_len;
            st = unknown_key(w, key, kp, TOP_KEYS, SIZE_MAX);
        }
        path_pop(w, old);
        if (st != FL_OK) {
            break;
        }
    }
    if (st != FL_OK) {
        return st;
    }
    skip_ws(w);
    if (w->pos < w->len) {
        return syntax(w, "unexpected content after the JSON value");
    }
    if (!has_terms) {
        return missing(w, op, SIZE_MAX, "terms", "a non-empty array of terms");
    }
    uint32_t extras;
    if ((st = make_extras(w, mark, &extras)) != FL_OK) {
        return st;
    }
    return extras != FL_NO_ID ? fl__builder_set_extras(w->b, extras, w->err) : FL_OK;
}

/* ------------------------------------------------------------------ entry points */

/* Line and column (1-based, column in code points) of a byte offset. */
static void position(const uint8_t *s, size_t len, size_t offset, uint32_t *line,
                     uint32_t *column) {
    uint32_t l = 1;
    uint32_t c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if ((s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* "what, found 'x'" (or the byte) at the failing offset. */
static void syntax_detail(const jw *w, char *detail, size_t cap) {
    size_t at = w->syntax_at;
    if (at >= w->len) {
        snprintf(detail, cap, "%s", w->syntax);
        return;
    }
    uint8_t b = w->s[at];
    if (b > 0x20 && b < 0x7F) {
        snprintf(detail, cap, "%s, found '%c'", w->syntax, b);
    } else {
        snprintf(detail, cap, "%s, found byte 0x%02X", w->syntax, b);
    }
}

static void walker_init(jw *w, fl_builder *b, fl_lexicon *lex, const char *text, size_t len,
                        fl_error *err) {
    memset(w, 0, sizeof *w);
    w->s = (const uint8_t *)(text != NULL ? text : "");
    w->len = len;
    w->line = 1;
    w->b = b;
    w->lex = lex;
    w->source = w->lex->source;
    w->err = err;
    fl__builder_counts(b, &w->base);
    if (len >= 3 && w->s[0] == 0xEF && w->s[1] == 0xBB && w->s[2] == 0xBF) {
        w->pos = 3; /* a UTF-8 byte order mark, as editors on Windows write it */
        w->line_cont = 2;
    }
}

static void walker_free(jw *w) {
    const fl_allocator *a = &w->lex->alloc;
    fl__vec_free(a, &w->kids);
    fl__vec_free(a, &w->keyset);
    fl__vec_free(a, &w->keyptrs);
    fl__vec_free(a, &w->strs);
    fl__vec_free(a, &w->places);
    fl__vec_free(a, &w->opts);
}

/* Runs `walk` over the text in lockstep with cJSON's tree; when cJSON refuses the text,
 * reads it alone to say where it is not JSON. */
static fl_status run(jw *w, fl_status (*walk)(jw *, const cJSON *)) {
    const char *end = NULL;
    cJSON *root = w->len > 0 ? cJSON_ParseWithLengthOpts((const char *)w->s, w->len, &end, 0)
                             : NULL;
    fl_status st;
    if (root == NULL) {
        st = walk_value(w, NULL, 0, false, NULL);
        if (st == FL_OK) {
            skip_ws(w);
            st = w->pos < w->len ? syntax(w, "unexpected content after the JSON value") : FL_OK;
        }
        if (st == FL_OK) {
            /* strictly valid JSON that cJSON could not read: it ran out of memory */
            st = FL_ERR_NOMEM;
        }
    } else {
        st = walk(w, root);
        cJSON_Delete(root);
    }
    return st;
}

fl_status fl_builder_load_json(fl_builder *b, const char *json, size_t len, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    fl_lexicon *lex = fl__builder_lexicon(b);
    if (lex == NULL) {
        return fl__error(err, FL_ERR_ARG,
                         "fl_builder_load_json: the builder is NULL, failed or "
                         "compiled");
    }
    if (json == NULL && len > 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_load_json: json is NULL");
    }
    if (len > FL_MAX_LEXICON_BYTES) {
        fl__builder_fail(b);
        return fl__error_path(err, FL_ERR_LIMIT, lex->source, "",
                              "the lexicon is %zu bytes; the limit is %zu", len,
                              FL_MAX_LEXICON_BYTES);
    }
    jw w;
    walker_init(&w, b, lex, json, len, err);
    fl_status st = run(&w, walk_top);
    if (st == FL_ERR_SCHEMA || st == FL_ERR_LIMIT) {
        /* A syntax error anywhere in the text is reported before a lexicon error: the walk
         * stopped at the latter, so read the whole text once more (only on this path). */
        jw scan;
        walker_init(&scan, b, lex, json, len, NULL);
        fl_status sst = walk_value(&scan, NULL, 0, false, NULL);
        if (sst == FL_OK) {
            skip_ws(&scan);
            if (scan.pos < scan.len) {
                sst = syntax(&scan, "unexpected content after the JSON value");
            }
        }
        if (sst == FL_ERR_SYNTAX) {
            w.syntax = scan.syntax;
            w.syntax_at = scan.syntax_at;
            st = FL_ERR_SYNTAX;
        }
        walker_free(&scan);
    }
    if (st == FL_ERR_SYNTAX) {
        uint32_t line;
        uint32_t column;
        char detail[300];
        position(w.s, w.len, w.syntax_at, &line, &column);
        syntax_detail(&w, detail, sizeof detail);
        fl__error_at(err, FL_ERR_SYNTAX, lex->source, line, column, w.syntax_at, detail);
    } else if (st == FL_ERR_NOMEM) {
        fl__error(err, st, "%s: out of memory", lex->source);
    } else if (st == FL_ERR_LIMIT && err != NULL && err->code != FL_ERR_LIMIT) {
        fl__error_path(err, st, lex->source, w.path, "too many items in one lexicon");
    }
    walker_free(&w);
    if (st != FL_OK) {
        fl__builder_fail(b);
    }
    return st;
}

/* The free-form data of one item, given as JSON text through the builder API. */
static fl_status walk_extras_object(jw *w, const cJSON *root) {
    fl_status st = at_value(w, root, 0);
    if (st != FL_OK) {
        return st;
    }
    if (!cJSON_IsObject(root)) {
        return schema_at(w, place(w), SIZE_MAX, "expected %s",
                         "a JSON object with source, note or meta");
    }
    size_t mark = w->kids.len;
    iter it;
    bool more;
    if ((st = obj_open(w, root, &it)) != FL_OK) {
        return st;
    }
    for (;;) {
        const cJSON *m = NULL;
        fl_place kp;
        if ((st = obj_next(w, &it, &m, &kp, &more)) != FL_OK || !more) {
            break;
        }
        st = is_extra(m->string) ? read_extra(w, m->string, m, 1, SIZE_MAX)
                                 : unknown_key(w, m->string, kp, EXTRAS_KEYS, SIZE_MAX);
        if (st != FL_OK) {
            break;
        }
    }
    if (st != FL_OK) {
        return st;
    }
    skip_ws(w);
    if (w->pos < w->len) {
        return syntax(w, "unexpected content after the JSON value");
    }
    uint32_t id;
    if ((st = make_extras(w, mark, &id)) != FL_OK) {
        return st;
    }
    return push_kid(w, id == FL_NO_ID ? FL_NO_ID : id);
}

fl_status fl__json_extras(fl_builder *b, const char *text, size_t len, const char *where,
                          size_t item, uint32_t *id, fl_error *err) {
    *id = FL_NO_ID;
    jw w;
    walker_init(&w, b, fl__builder_lexicon(b), text, len, err);
    w.no_places = true;
    snprintf(w.path, sizeof w.path, "%s", where);
    w.path_len = strlen(w.path);
    fl_status st = run(&w, walk_extras_object);
    if (st == FL_OK && w.kids.len == 1) {
        *id = FL_VEC_AT(w.kids, uint32_t, 0);
    }
    if (st == FL_ERR_SYNTAX) {
        uint32_t line;
        uint32_t column;
        char detail[300];
        position(w.s, w.len, w.syntax_at, &line, &column);
        syntax_detail(&w, detail, sizeof detail);
        fl__error_place(err, FL_ERR_SYNTAX, w.source, (fl_place){0, 0}, where, item,
                        "its free-form data (JSON) at %u:%u: %s", (unsigned)line, (unsigned)column,
                        detail);
    } else if (st != FL_OK && err != NULL && err->code == FL_OK) {
        fl__error(err, st, "%s: %s", w.source, fl_status_str(st));
    } else if (st == FL_ERR_SCHEMA && err != NULL) {
        err->item = item;
    }
    walker_free(&w);
    return st;
}

fl_status fl_lexicon_load_json(const char *json, size_t len, const char *source,
                               const fl_allocator *alloc, fl_lexicon **out, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (out == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_lexicon_load_json: out is NULL");
    }
    *out = NULL;
    if (json == NULL && len > 0) {
        return fl__error(err, FL_ERR_ARG, "fl_lexicon_load_json: json is NULL");
    }
    fl_builder *b;
    fl_status st = fl_builder_new(source, alloc, &b);
    if (st != FL_OK) {
        return fl__error(err, st, "%s: out of memory", source != NULL ? source : "<lexicon>");
    }
    if ((st = fl_builder_load_json(b, json, len, err)) == FL_OK) {
        st = fl_builder_compile(b, out, err);
    }
    fl_builder_free(b);
    return st;
}
