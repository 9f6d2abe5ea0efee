/* lexicon_json.c: reads a lexicon from JSON (DESIGN.md section 2); the only cJSON user. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cJSON's own nesting limit (CJSON_NESTING_LIMIT, 1000) bounds its recursion; the schema
 * walk below is flat. cJSON allocates through its default malloc: its global hooks are
 * never touched, so loading stays thread-safe. */

typedef struct loader {
    fl_lexicon *lex;
    fl_error *err;
    fl_vec scratch; /* int32_t, for folding */
    char path[FL_ERROR_PATH_SIZE];
} loader;

static fl_status schema(loader *ld, const char *fmt, const char *what) {
    return fl__error_path(ld->err, FL_ERR_SCHEMA, ld->lex->source, ld->path, fmt, what);
}

/* Only whitespace (any Unicode space, as the tokenizer reads it) or format characters? */
static bool is_blank(const char *s) {
    size_t len = strlen(s);
    size_t pos = 0;
    while (pos < len) {
        int32_t cp;
        pos += fl__utf8_decode((const uint8_t *)s + pos, len - pos, &cp);
        fl_cclass k = fl__cclass(cp);
        if (k != FL_C_SPACE && k != FL_C_FORMAT) {
            return false;
        }
    }
    return true;
}

/* A required or optional string member; NULL when absent and optional. */
static fl_status get_string(loader *ld, const cJSON *obj, const char *key, bool required,
                            bool nonblank, const char *base, const char **out) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    snprintf(ld->path, sizeof ld->path, "%s%s%s", base, base[0] ? "." : "", key);
    *out = NULL;
    if (item == NULL) {
        return required ? schema(ld, "missing; expected a %s", "string") : FL_OK;
    }
    if (!cJSON_IsString(item) || item->valuestring == NULL) {
        return schema(ld, "expected a %s", "string");
    }
    if (nonblank && is_blank(item->valuestring)) {
        return schema(ld, "expected a non-empty %s", "string");
    }
    *out = item->valuestring;
    return FL_OK;
}

static fl_status load_meta(loader *ld, const cJSON *root) {
    static const char *const KEYS[4] = {"name", "version", "language", "description"};
    for (int m = 0; m < 4; m++) {
        const char *s;
        fl_status st = get_string(ld, root, KEYS[m], false, false, "", &s);
        if (st != FL_OK) {
            return st;
        }
        if (s != NULL && (st = fl__lexicon_add_string(ld->lex, s, strlen(s),
                                                      &ld->lex->meta[m])) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

static fl_status load_categories(loader *ld, const cJSON *root) {
    const cJSON *cats = cJSON_GetObjectItemCaseSensitive(root, "categories");
    if (cats == NULL) {
        return FL_OK;
    }
    snprintf(ld->path, sizeof ld->path, "categories");
    if (!cJSON_IsObject(cats)) {
        return schema(ld, "expected an %s of category descriptions", "object");
    }
    const cJSON *c;
    cJSON_ArrayForEach(c, cats) {
        snprintf(ld->path, sizeof ld->path, "categories.%s", c->string);
        if (!cJSON_IsObject(c) && !cJSON_IsString(c)) {
            return schema(ld, "expected an %s (or a description string)", "object");
        }
        if (c->string == NULL || c->string[0] == '\0') {
            return schema(ld, "a category needs a %s", "non-empty name");
        }
        uint32_t id;
        fl_status st = fl__lexicon_category_id(ld->lex, c->string, strlen(c->string), &id);
        if (st != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

static fl_status load_term(loader *ld, const cJSON *item, uint32_t index) {
    fl_lexicon *lex = ld->lex;
    char base[64];
    snprintf(base, sizeof base, "terms[%u]", (unsigned)index);
    snprintf(ld->path, sizeof ld->path, "%s", base);
    if (!cJSON_IsObject(item)) {
        return schema(ld, "expected an %s with \"term\" and \"category\"", "object");
    }
    const char *term;
    const char *category;
    fl_status st;
    if ((st = get_string(ld, item, "term", true, true, base, &term)) != FL_OK ||
        (st = get_string(ld, item, "category", true, true, base, &category)) != FL_OK) {
        return st;
    }
    fl_lex_term t = {0};
    t.weight = 1.0;
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(item, "weight");
    if (w != NULL) {
        snprintf(ld->path, sizeof ld->path, "%s.weight", base);
        if (!cJSON_IsNumber(w)) {
            return schema(ld, "expected a %s", "number");
        }
        if (!isfinite(w->valuedouble)) {
            return schema(ld, "expected a %s", "finite number");
        }
        t.weight = w->valuedouble;
    }
    const cJSON *cs = cJSON_GetObjectItemCaseSensitive(item, "case_sensitive");
    if (cs != NULL) {
        snprintf(ld->path, sizeof ld->path, "%s.case_sensitive", base);
        if (!cJSON_IsBool(cs)) {
            return schema(ld, "expected %s", "true or false");
        }
        t.case_sensitive = cJSON_IsTrue(cs) ? 1 : 0;
    }
    const cJSON *vars = cJSON_GetObjectItemCaseSensitive(item, "variants");
    if (vars != NULL) {
        snprintf(ld->path, sizeof ld->path, "%s.variants", base);
        if (!cJSON_IsArray(vars)) {
            return schema(ld, "expected an %s of strings", "array");
        }
    }
    fl_span span;
    if ((st = fl__lexicon_add_string(lex, term, strlen(term), &span)) != FL_OK) {
        return st;
    }
    t.off = span.off;
    t.len = span.len;
    if ((st = fl__lexicon_category_id(lex, category, strlen(category), &t.category)) != FL_OK) {
        return st;
    }
    t.first_variant = (uint32_t)lex->variants.len;
    if ((st = fl__vec_append(&lex->alloc, &lex->terms, sizeof(fl_lex_term), &t, 1)) != FL_OK) {
        return st;
    }
    snprintf(ld->path, sizeof ld->path, "%s.term", base);
    if ((st = fl__lexicon_insert(lex, &ld->scratch, term, strlen(term), t.case_sensitive, index,
                                 -1, false, ld->path, ld->err)) != FL_OK) {
        return st;
    }
    int32_t v = 0;
    const cJSON *var;
    cJSON_ArrayForEach(var, vars) {
        snprintf(ld->path, sizeof ld->path, "%s.variants[%d]", base, (int)v);
        if (!cJSON_IsString(var) || var->valuestring == NULL) {
            return schema(ld, "expected a %s", "string");
        }
        if (is_blank(var->valuestring)) {
            return schema(ld, "expected a non-empty %s", "string");
        }
        if (lex->variants.len + lex->terms.len + lex->exclusions.len >= FL_MAX_LEXICON_STRINGS) {
            return fl__error_path(ld->err, FL_ERR_LIMIT, lex->source, ld->path,
                                  "more than %d strings in one lexicon",
                                  FL_MAX_LEXICON_STRINGS);
        }
        size_t vlen = strlen(var->valuestring);
        if ((st = fl__lexicon_add_string(lex, var->valuestring, vlen, &span)) != FL_OK ||
            (st = fl__vec_append(&lex->alloc, &lex->variants, sizeof(fl_span), &span, 1)) !=
                FL_OK) {
            return st;
        }
        FL_VEC_AT(lex->terms, fl_lex_term, index).n_variants++;
        if ((st = fl__lexicon_insert(lex, &ld->scratch, var->valuestring, vlen,
                                     t.case_sensitive, index, v, false, ld->path, ld->err)) !=
            FL_OK) {
            return st;
        }
        v++;
    }
    return FL_OK;
}

static fl_status load_terms(loader *ld, const cJSON *root) {
    const cJSON *terms = cJSON_GetObjectItemCaseSensitive(root, "terms");
    snprintf(ld->path, sizeof ld->path, "terms");
    if (terms == NULL) {
        return schema(ld, "missing; a lexicon needs a non-empty %s of terms", "array");
    }
    if (!cJSON_IsArray(terms)) {
        return schema(ld, "expected an %s of terms", "array");
    }
    if (cJSON_GetArraySize(terms) == 0) {
        return schema(ld, "expected a non-empty %s of terms", "array");
    }
    uint32_t index = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, terms) {
        if (index >= FL_MAX_TERMS) {
            return fl__error_path(ld->err, FL_ERR_LIMIT, ld->lex->source, "terms",
                                  "more than %d terms in one lexicon", FL_MAX_TERMS);
        }
        fl_status st = load_term(ld, item, index);
        if (st != FL_OK) {
            return st;
        }
        index++;
    }
    return FL_OK;
}

static fl_status load_exclusions(loader *ld, const cJSON *root) {
    const cJSON *ex = cJSON_GetObjectItemCaseSensitive(root, "exclude");
    if (ex == NULL) {
        return FL_OK;
    }
    snprintf(ld->path, sizeof ld->path, "exclude");
    if (!cJSON_IsArray(ex)) {
        return schema(ld, "expected an %s of phrases", "array");
    }
    int i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, ex) {
        snprintf(ld->path, sizeof ld->path, "exclude[%d]", i);
        if (!cJSON_IsString(item) || item->valuestring == NULL) {
            return schema(ld, "expected a %s", "string");
        }
        if (is_blank(item->valuestring)) {
            return schema(ld, "expected a non-empty %s", "string");
        }
        fl_lexicon *lx = ld->lex;
        if (lx->variants.len + lx->terms.len + lx->exclusions.len >= FL_MAX_LEXICON_STRINGS) {
            return fl__error_path(ld->err, FL_ERR_LIMIT, lx->source, ld->path,
                                  "more than %d strings in one lexicon",
                                  FL_MAX_LEXICON_STRINGS);
        }
        size_t len = strlen(item->valuestring);
        fl_span span;
        fl_status st;
        if ((st = fl__lexicon_add_string(ld->lex, item->valuestring, len, &span)) != FL_OK ||
            (st = fl__vec_append(&ld->lex->alloc, &ld->lex->exclusions, sizeof(fl_span), &span,
                                 1)) != FL_OK ||
            (st = fl__lexicon_insert(ld->lex, &ld->scratch, item->valuestring, len, false, 0, -1,
                                     true, ld->path, ld->err)) != FL_OK) {
            return st;
        }
        i++;
    }
    return FL_OK;
}

/* Index of the term whose "term" is exactly s, or -1. */
static long find_term(const fl_lexicon *lex, const char *s) {
    size_t len = strlen(s);
    for (size_t i = 0; i < lex->terms.len; i++) {
        const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, i);
        if (t->len == len && memcmp(fl__vec_bytes(&lex->bytes, t->off), s, len) == 0) {
            return (long)i;
        }
    }
    return -1;
}

static fl_status load_contrasts(loader *ld, const cJSON *root) {
    fl_lexicon *lex = ld->lex;
    const cJSON *cons = cJSON_GetObjectItemCaseSensitive(root, "contrasts");
    if (cons == NULL) {
        return FL_OK;
    }
    snprintf(ld->path, sizeof ld->path, "contrasts");
    if (!cJSON_IsArray(cons)) {
        return schema(ld, "expected an %s of contrast sets", "array");
    }
    int ci = 0;
    const cJSON *con;
    cJSON_ArrayForEach(con, cons) {
        char base[48];
        snprintf(base, sizeof base, "contrasts[%d]", ci);
        snprintf(ld->path, sizeof ld->path, "%s", base);
        if (!cJSON_IsObject(con)) {
            return schema(ld, "expected an %s with \"name\" and \"options\"", "object");
        }
        const char *name;
        fl_status st = get_string(ld, con, "name", true, true, base, &name);
        if (st != FL_OK) {
            return st;
        }
        const cJSON *opts = cJSON_GetObjectItemCaseSensitive(con, "options");
        snprintf(ld->path, sizeof ld->path, "%s.options", base);
        if (opts == NULL) {
            return schema(ld, "missing; expected an %s of option name -> terms", "object");
        }
        if (!cJSON_IsObject(opts) || cJSON_GetArraySize(opts) < 2) {
            return schema(ld, "expected an %s with at least two options", "object");
        }
        fl_lex_contrast c = {0};
        fl_span span;
        if ((st = fl__lexicon_add_string(lex, name, strlen(name), &span)) != FL_OK) {
            return st;
        }
        c.off = span.off;
        c.len = span.len;
        c.first_option = (uint32_t)lex->options.len;
        const cJSON *opt;
        cJSON_ArrayForEach(opt, opts) {
            snprintf(ld->path, sizeof ld->path, "%s.options.%s", base, opt->string);
            if (!cJSON_IsArray(opt) || cJSON_GetArraySize(opt) == 0) {
                return schema(ld, "expected a non-empty %s of terms", "array");
            }
            fl_lex_option o = {0};
            if ((st = fl__lexicon_add_string(lex, opt->string, strlen(opt->string), &span)) !=
                FL_OK) {
                return st;
            }
            o.off = span.off;
            o.len = span.len;
            o.first_term = (uint32_t)lex->option_terms.len;
            int k = 0;
            const cJSON *ref;
            cJSON_ArrayForEach(ref, opt) {
                snprintf(ld->path, sizeof ld->path, "%s.options.%s[%d]", base, opt->string, k);
                if (!cJSON_IsString(ref) || ref->valuestring == NULL) {
                    return schema(ld, "expected a %s naming a term", "string");
                }
                long ti = find_term(lex, ref->valuestring);
                if (ti < 0) {
                    return fl__error_path(ld->err, FL_ERR_SCHEMA, lex->source, ld->path,
                                          "'%s' is not the \"term\" of any entry in terms",
                                          ref->valuestring);
                }
                uint32_t u = (uint32_t)ti;
                if ((st = fl__vec_append(&lex->alloc, &lex->option_terms, sizeof(uint32_t), &u,
                                         1)) != FL_OK) {
                    return st;
                }
                o.n_terms++;
                k++;
            }
            if ((st = fl__vec_append(&lex->alloc, &lex->options, sizeof(fl_lex_option), &o,
                                     1)) != FL_OK) {
                return st;
            }
            c.n_options++;
        }
        if ((st = fl__vec_append(&lex->alloc, &lex->contrasts, sizeof(fl_lex_contrast), &c,
                                 1)) != FL_OK) {
            return st;
        }
        ci++;
    }
    return FL_OK;
}

/* Line and column (1-based, column in code points) of a byte offset. */
static void position(const char *json, size_t len, size_t offset, uint32_t *line,
                     uint32_t *column) {
    uint32_t l = 1;
    uint32_t c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        unsigned char b = (unsigned char)json[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

static fl_status syntax_error(const char *json, size_t len, size_t offset, const char *source,
                              const char *what, fl_error *err) {
    uint32_t line;
    uint32_t column;
    position(json, len, offset, &line, &column);
    char detail[200];
    if (offset >= len) {
        snprintf(detail, sizeof detail, "%s", what);
    } else {
        unsigned char b = (unsigned char)json[offset];
        if (b > 0x20 && b < 0x7F) {
            snprintf(detail, sizeof detail, "%s, found '%c'", what, b);
        } else {
            snprintf(detail, sizeof detail, "%s, found byte 0x%02X", what, b);
        }
    }
    return fl__error_at(err, FL_ERR_SYNTAX, source, line, column, offset, detail);
}

/* JSON allows an object to repeat a key, but readers then disagree on which value counts
 * (cJSON takes the first, Python the last): a lexicon must not. Each object's keys are
 * sorted (O(k log k)) and neighbours compared; the path of the object is kept for the
 * message. */
static int cmp_key(const void *a, const void *b) {
    const cJSON *x = *(const cJSON *const *)a;
    const cJSON *y = *(const cJSON *const *)b;
    return strcmp(x->string, y->string);
}

typedef struct dupcheck {
    const fl_allocator *alloc;
    const char *source;
    fl_error *err;
    char path[FL_ERROR_PATH_SIZE];
} dupcheck;

static fl_status duplicate_keys(dupcheck *d, const cJSON *node, size_t path_len) {
    size_t k = 0;
    for (const cJSON *a = node->child; a != NULL; a = a->next) {
        k++;
    }
    if (cJSON_IsObject(node) && k > 1) {
        size_t bytes;
        if (!fl__mul(k, sizeof(const cJSON *), &bytes)) {
            return FL_ERR_NOMEM;
        }
        const cJSON **keys = fl__malloc(d->alloc, bytes);
        if (keys == NULL) {
            return FL_ERR_NOMEM;
        }
        size_t i = 0;
        for (const cJSON *a = node->child; a != NULL; a = a->next) {
            keys[i++] = a;
        }
        qsort(keys, k, sizeof *keys, cmp_key);
        const char *dup = NULL;
        for (i = 1; i < k && dup == NULL; i++) {
            if (strcmp(keys[i - 1]->string, keys[i]->string) == 0) {
                dup = keys[i]->string;
            }
        }
        fl__free(d->alloc, keys);
        if (dup != NULL) {
            return fl__error_path(d->err, FL_ERR_SCHEMA, d->source, d->path,
                                  "the key \"%s\" appears twice in one object", dup);
        }
    }
    size_t index = 0;
    for (const cJSON *a = node->child; a != NULL; a = a->next, index++) {
        if (a->child == NULL) {
            continue;
        }
        int w;
        if (cJSON_IsObject(node)) {
            w = snprintf(d->path + path_len, sizeof d->path - path_len, "%s%s",
                         path_len ? "." : "", a->string);
        } else {
            w = snprintf(d->path + path_len, sizeof d->path - path_len, "[%zu]", index);
        }
        size_t next = path_len + (w < 0 ? 0 : (size_t)w);
        if (next >= sizeof d->path) {
            next = sizeof d->path - 1;
        }
        fl_status st = duplicate_keys(d, a, next);
        d->path[path_len] = '\0';
        if (st != FL_OK) {
            return st;
        }
    }
    return FL_OK;
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
    const char *src = source != NULL ? source : "<lexicon>";
    fl_status st_dup;
    if (len > FL_MAX_LEXICON_BYTES) {
        return fl__error_path(err, FL_ERR_LIMIT, src, "",
                              "the lexicon is %zu bytes; the limit is %zu", len,
                              FL_MAX_LEXICON_BYTES);
    }
    size_t bad_at;
    const char *bad;
    if (json == NULL || !fl__json_check((const uint8_t *)json, len, &bad_at, &bad)) {
        return syntax_error(json, len, json == NULL ? 0 : bad_at, src,
                            json == NULL ? "expected a value" : bad, err);
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (root == NULL) {
        /* The check above passed with cJSON's nesting limit, so cJSON ran out of memory. */
        return fl__error(err, FL_ERR_NOMEM, "%s: out of memory while parsing", src);
    }
    fl_allocator dup_alloc;
    fl__alloc_init(&dup_alloc, alloc);
    dupcheck dc = {&dup_alloc, src, err, ""};
    if ((st_dup = duplicate_keys(&dc, root, 0)) != FL_OK) {
        cJSON_Delete(root);
        if (st_dup == FL_ERR_NOMEM) {
            fl__error(err, st_dup, "%s: out of memory", src);
        }
        return st_dup;
    }

    loader ld = {0};
    ld.err = err;
    fl_status st = fl__lexicon_create(alloc, src, &ld.lex);
    if (st != FL_OK) {
        cJSON_Delete(root);
        return fl__error(err, st, "%s: out of memory", src);
    }
    if (!cJSON_IsObject(root)) {
        st = fl__error_path(err, FL_ERR_SCHEMA, src, "",
                            "expected a JSON object with \"terms\" at the top level");
    } else if ((st = load_meta(&ld, root)) == FL_OK && (st = load_categories(&ld, root)) == FL_OK &&
               (st = load_terms(&ld, root)) == FL_OK &&
               (st = load_exclusions(&ld, root)) == FL_OK) {
        st = load_contrasts(&ld, root);
    }
    cJSON_Delete(root);
    fl__vec_free(&ld.lex->alloc, &ld.scratch);
    if (st != FL_OK) {
        if (st == FL_ERR_NOMEM) {
            fl__error(err, st, "%s: out of memory", src);
        } else if (st == FL_ERR_LIMIT && err != NULL && err->code != FL_ERR_LIMIT) {
            fl__error_path(err, st, src, ld.path, "too many distinct tokens");
        }
        fl_lexicon_free(ld.lex);
        return st;
    }
    *out = ld.lex;
    return FL_OK;
}
