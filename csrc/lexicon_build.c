/* lexicon_build.c: the lexicon builder: items in, names indexed, duplicates resolved, compile. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/*
 * The builder fills an fl_lexicon directly: every term, variant and exclusion is tokenised
 * and walked into the trie as it is added (lexicon.c), so a repeated spelling is found at
 * once, where the duplicate policy can still drop it or join it to the earlier term. Names
 * (categories, contrasts, options, actors; at compile the texts of terms and variants that
 * references name) go through hash indices (names.c), so every step is linear.
 *
 * Some parts can only be laid out when everything is known: a merged term gains variants
 * and categories after other terms were added, so both are collected as (term, item)
 * records and laid out per term at compile by a counting sort; references are resolved at
 * compile, when all terms are there; declared categories are numbered first.
 */

/* Namespaces of the name index. Options use NS_OPTION + their contrast's index. */
enum { NS_CATEGORY = 0, NS_CONTRAST, NS_ACTOR, NS_TERM, NS_VARIANT, NS_DROPPED, NS_OPTION };

/* Keymap tag of (term, category) membership; spellings are never this large. */
#define TAG_CATEGORY (UINT32_MAX - 1)

enum { OPEN = 0, FAILED = 1, COMPILED = 2 };

typedef struct cat_state {
    uint32_t declared_order; /* FL_NO_ID: not declared */
    uint32_t first_term;     /* input index of the first term naming it, or FL_NO_ID */
    size_t first_k;          /* which of that term's categories */
    size_t first_n;          /* how many categories that term had */
    fl_place first_place;
} cat_state;

typedef struct var_rec {
    uint32_t term;
    fl_span text;
} var_rec;

typedef struct cat_rec {
    uint32_t term;
    uint32_t category;
    uint32_t prev; /* the term's previous cat_rec, or FL_NO_ID */
} cat_rec;

/* A term's categories are a chain of cat_recs; past this many, also a keymap entry each,
 * so that checking a category against a term's stays constant time (merges add to them). */
#define CHAIN_MAX 16

typedef struct term_state {
    uint32_t input;    /* the index of the add call that made the term */
    uint32_t last_cat; /* its newest cat_rec, or FL_NO_ID */
    uint8_t indexed;   /* its categories are in the keymap too */
} term_state;

/* Where a trie entry was written: the item index and variant given by the caller. */
typedef struct entry_src {
    uint32_t input;
    int32_t variant; /* -1: the "term" text */
    fl_place place;
} entry_src;

typedef struct ref_rec {
    fl_span text;
    fl_place place;
} ref_rec;

/* A spelling dropped as a duplicate: a reference to its text means the entry it repeats. */
typedef struct dropped_name {
    fl_span text;
    uint32_t entry;
} dropped_name;

typedef struct actor_name {
    uint32_t actor;
    int32_t alias; /* -1: the name */
} actor_name;

struct fl_builder {
    fl_lexicon *lex;
    fl_allocator alloc;
    char *source; /* NUL-terminated copy, for messages (the lexicon leaves at compile) */
    int state;
    fl_duplicates policy;
    fl_insert_scratch ins; /* reused by every insertion (and for folding actor names) */
    fl_vec folded;       /* bytes: folded actor names (keys of NS_ACTOR) */
    fl_names names;
    fl_keymap keys;
    fl_vec cats;         /* cat_state per category id */
    size_t n_declared;
    size_t n_term_inputs;
    size_t n_strings;    /* terms, variants and exclusions added */
    fl_vec terms;        /* term_state per term */
    fl_vec var_recs;     /* var_rec, in order added */
    fl_vec cat_recs;     /* cat_rec, in order added */
    fl_vec entry_srcs;   /* entry_src per lexicon entry */
    fl_vec dropped;      /* dropped_name */
    fl_vec contrast_places; /* fl_place per contrast */
    fl_vec option_places;   /* fl_place per option */
    fl_vec ref_recs;     /* ref_rec per reference, in order (so grouped by option) */
    fl_vec actor_names;  /* actor_name per NS_ACTOR key */
    char path[FL_ERROR_PATH_SIZE];
};

/* ------------------------------------------------------------------ helpers */

/* Only whitespace (any Unicode space, as the tokenizer reads it) or format characters? */
static bool is_blank_text(const char *s, size_t len) {
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

static bool given(fl_str s) {
    return s.ptr != NULL;
}

static bool blank(fl_str s) {
    return s.ptr == NULL || is_blank_text(s.ptr, s.len);
}

/* Formats into the builder's path buffer. */
static const char *path(fl_builder *b, const char *fmt, ...) FL_PRINTF(2, 3);

static const char *path(fl_builder *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->path, sizeof b->path, fmt, ap);
    va_end(ap);
    return b->path;
}

static fl_place place_at(const fl_place *places, size_t k, fl_place fallback) {
    return places != NULL ? places[k] : fallback;
}

/* Marks the builder failed and passes st on; a bare FL_ERR_NOMEM gets its message here. */
static fl_status fail(fl_builder *b, fl_status st, fl_error *err) {
    b->state = FAILED;
    if (st == FL_ERR_NOMEM) {
        fl__error(err, st, "%s: out of memory", b->source);
    }
    return st;
}

static fl_status check_open(fl_builder *b, fl_error *err) {
    if (b == NULL) {
        return fl__error(err, FL_ERR_ARG, "the builder is NULL");
    }
    if (b->state == FAILED) {
        return fl__error(err, FL_ERR_ARG, "%s: the builder failed earlier; it can only be freed",
                         b->source);
    }
    if (b->state == COMPILED) {
        return fl__error(err, FL_ERR_ARG, "%s: the builder was compiled; it can only be freed",
                         b->source);
    }
    return FL_OK;
}

static fl_status add_string(fl_builder *b, fl_str s, fl_span *out) {
    return fl__lexicon_add_string(b->lex, s.ptr != NULL ? s.ptr : "", s.len, out);
}

static fl_status opt_string(fl_builder *b, fl_str s, fl_span *out) {
    if (!given(s)) {
        *out = FL_NO_SPAN;
        return FL_OK;
    }
    return add_string(b, s, out);
}

/* Free-form data given as JSON text. */
static fl_status parse_extras(fl_builder *b, fl_str text, const char *where, size_t item,
                              uint32_t *id, fl_error *err) {
    *id = FL_NO_ID;
    if (!given(text)) {
        return FL_OK;
    }
    return fl__json_extras(b, text.ptr, text.len, where, item, id, err);
}

/* ------------------------------------------------------------------ life cycle */

fl_status fl_builder_new(const char *source, const fl_allocator *alloc, fl_builder **out) {
    if (out == NULL) {
        return FL_ERR_ARG;
    }
    *out = NULL;
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_builder *b = fl__malloc(&a, sizeof *b);
    if (b == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(b, 0, sizeof *b);
    b->alloc = a;
    fl_status st = fl__lexicon_create(alloc, source, &b->lex);
    if (st != FL_OK) {
        fl__free(&a, b);
        return st;
    }
    size_t slen = strlen(b->lex->source);
    b->source = fl__malloc(&a, slen + 1);
    if (b->source == NULL) {
        fl_lexicon_free(b->lex);
        fl__free(&a, b);
        return FL_ERR_NOMEM;
    }
    memcpy(b->source, b->lex->source, slen + 1);
    *out = b;
    return FL_OK;
}

/* Frees what only building needs. */
static void free_state(fl_builder *b) {
    const fl_allocator *a = &b->alloc;
    fl__insert_scratch_free(a, &b->ins);
    fl__vec_free(a, &b->folded);
    fl__names_free(&b->names, a);
    fl__keymap_free(&b->keys, a);
    fl__vec_free(a, &b->cats);
    fl__vec_free(a, &b->terms);
    fl__vec_free(a, &b->var_recs);
    fl__vec_free(a, &b->cat_recs);
    fl__vec_free(a, &b->entry_srcs);
    fl__vec_free(a, &b->dropped);
    fl__vec_free(a, &b->contrast_places);
    fl__vec_free(a, &b->option_places);
    fl__vec_free(a, &b->ref_recs);
    fl__vec_free(a, &b->actor_names);
}

void fl_builder_free(fl_builder *b) {
    if (b == NULL) {
        return;
    }
    fl_allocator a = b->alloc;
    free_state(b);
    fl_lexicon_free(b->lex);
    fl__free(&a, b->source);
    fl__free(&a, b);
}

fl_status fl_builder_set_duplicates(fl_builder *b, fl_duplicates policy) {
    if (b == NULL || b->state != OPEN ||
        (policy != FL_DUPLICATES_ERROR && policy != FL_DUPLICATES_FIRST &&
         policy != FL_DUPLICATES_MERGE)) {
        return FL_ERR_ARG;
    }
    b->policy = policy;
    return FL_OK;
}

fl_status fl_builder_reserve(fl_builder *b, size_t n_terms) {
    if (b == NULL || b->state != OPEN) {
        return FL_ERR_ARG;
    }
    if (n_terms > FL_MAX_TERMS) {
        n_terms = FL_MAX_TERMS;
    }
    fl_status st = fl__lexicon_reserve(b->lex, n_terms);
    if (st == FL_OK) {
        st = fl__vec_reserve(&b->lex->alloc, &b->lex->terms, sizeof(fl_lex_term),
                             b->lex->terms.len + n_terms);
    }
    if (st == FL_OK) {
        st = fl__vec_reserve(&b->alloc, &b->terms, sizeof(term_state), b->terms.len + n_terms);
    }
    if (st == FL_OK) {
        st = fl__vec_reserve(&b->alloc, &b->entry_srcs, sizeof(entry_src),
                             b->entry_srcs.len + n_terms);
    }
    if (st == FL_OK) {
        st = fl__vec_reserve(&b->alloc, &b->cat_recs, sizeof(cat_rec), b->cat_recs.len + n_terms);
    }
    return st; /* a failed hint changes nothing that matters: the builder stays usable */
}

fl_lexicon *fl__builder_lexicon(fl_builder *b) {
    return b != NULL && b->state == OPEN ? b->lex : NULL;
}

void fl__builder_counts(const fl_builder *b, fl_builder_counts *out) {
    out->terms = b->n_term_inputs;
    out->exclusions = b->lex != NULL ? b->lex->exclusions.len : 0;
    out->contrasts = b->lex != NULL ? b->lex->contrasts.len : 0;
    out->actors = b->lex != NULL ? b->lex->actors.len : 0;
}

void fl__builder_fail(fl_builder *b) {
    if (b != NULL && b->state == OPEN) {
        b->state = FAILED;
    }
}

/* ------------------------------------------------------------------ top level */

fl_status fl_builder_set_meta(fl_builder *b, const char *key, const char *value, size_t len,
                              fl_error *err) {
    static const char *const KEYS[4] = {"name", "version", "language", "description"};
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (key == NULL || (value == NULL && len > 0)) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_set_meta: key or value is NULL");
    }
    for (int m = 0; m < 4; m++) {
        if (strcmp(key, KEYS[m]) == 0) {
            fl_str v = {value, len};
            if ((st = add_string(b, v, &b->lex->meta[m])) != FL_OK) {
                return fail(b, st, err);
            }
            return FL_OK;
        }
    }
    return fl__error(err, FL_ERR_ARG,
                     "fl_builder_set_meta: '%.60s' is none of name, version, language, "
                     "description",
                     key);
}

fl_status fl__builder_set_extras(fl_builder *b, uint32_t extras, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    b->lex->extras = extras;
    return FL_OK;
}

fl_status fl_builder_set_extras(fl_builder *b, const char *json, size_t len, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    uint32_t id;
    fl_str text = {json != NULL ? json : "", len};
    if ((st = parse_extras(b, text, "", SIZE_MAX, &id, err)) != FL_OK) {
        return fail(b, st, err);
    }
    b->lex->extras = id;
    return FL_OK;
}

/* ------------------------------------------------------------------ categories */

/* The id of category `name`, made (undeclared) when new; first use recorded. */
static fl_status category_id(fl_builder *b, fl_str name, uint32_t term_input, size_t k, size_t n,
                             fl_place place, uint32_t *id) {
    fl_lexicon *lex = b->lex;
    uint32_t found = fl__names_find(&b->names, &lex->bytes, NS_CATEGORY, name.ptr, name.len);
    if (found != FL_NO_ID) {
        cat_state *cs = &FL_VEC_AT(b->cats, cat_state, found);
        if (cs->first_term == FL_NO_ID && term_input != FL_NO_ID) {
            cs->first_term = term_input;
            cs->first_k = k;
            cs->first_n = n;
            cs->first_place = place;
        }
        *id = found;
        return FL_OK;
    }
    if (lex->categories.len >= FL_NO_ID - 1) {
        return FL_ERR_LIMIT;
    }
    fl_lex_category c;
    memset(&c, 0, sizeof c);
    c.description = FL_NO_SPAN;
    c.color = FL_NO_SPAN;
    c.extras = FL_NO_ID;
    cat_state cs = {FL_NO_ID, term_input, k, n, place};
    fl_status st;
    if ((st = add_string(b, name, &c.name)) != FL_OK ||
        (st = fl__vec_reserve(&b->alloc, &b->cats, sizeof cs, b->cats.len + 1)) != FL_OK ||
        (st = fl__vec_push(&lex->alloc, &lex->categories, sizeof c, &c)) != FL_OK) {
        return st;
    }
    uint32_t nid = (uint32_t)(lex->categories.len - 1);
    fl__vec_push(&b->alloc, &b->cats, sizeof cs, &cs); /* room reserved above */
    if ((st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_CATEGORY, c.name.off, c.name.len,
                            nid)) != FL_OK) {
        return st;
    }
    *id = nid;
    return FL_OK;
}

static bool is_color(fl_str s) {
    if (s.len != 7 || s.ptr[0] != '#') {
        return false;
    }
    for (size_t i = 1; i < 7; i++) {
        char c = s.ptr[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

fl_status fl__builder_add_category(fl_builder *b, const fl_category_spec *spec, uint32_t extras,
                                   fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_category: spec is NULL");
    }
    fl_lexicon *lex = b->lex;
    int nl = spec->name.ptr != NULL ? fl__excerpt_len(spec->name.ptr, spec->name.len) : 0;
    const char *np = spec->name.ptr != NULL ? spec->name.ptr : "";
    size_t item = b->n_declared;
    if (blank(spec->name)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "categories.%.*s", nl, np), item,
                                    "a category needs a non-empty name"),
                    err);
    }
    if (given(spec->color) && !is_color(spec->color)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "categories.%.*s.color", nl, np), item,
                                    "expected a colour as \"#rrggbb\" (six hex digits)"),
                    err);
    }
    uint32_t id;
    if ((st = category_id(b, spec->name, FL_NO_ID, 0, 0, spec->place, &id)) != FL_OK) {
        return fail(b, st, err);
    }
    cat_state *cs = &FL_VEC_AT(b->cats, cat_state, id);
    if (cs->declared_order != FL_NO_ID) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "categories.%.*s", nl, np), item,
                                    "the category '%.*s%s' is declared twice", nl, np,
                                    fl__excerpt_more(spec->name.len)),
                    err);
    }
    cs->declared_order = (uint32_t)b->n_declared++;
    fl_lex_category *c = &FL_VEC_AT(lex->categories, fl_lex_category, id);
    fl_span description;
    fl_span color;
    if ((st = opt_string(b, spec->description, &description)) != FL_OK ||
        (st = opt_string(b, spec->color, &color)) != FL_OK) {
        return fail(b, st, err);
    }
    c = &FL_VEC_AT(lex->categories, fl_lex_category, id);
    c->description = description;
    c->color = color;
    c->extras = extras;
    c->declared = 1;
    return FL_OK;
}

fl_status fl_builder_add_category(fl_builder *b, const fl_category_spec *spec, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_category: spec is NULL");
    }
    uint32_t id = FL_NO_ID;
    if (given(spec->extras)) {
        int nl = spec->name.ptr != NULL ? fl__excerpt_len(spec->name.ptr, spec->name.len) : 0;
        char where[FL_ERROR_PATH_SIZE];
        snprintf(where, sizeof where, "categories.%.*s", nl,
                 spec->name.ptr != NULL ? spec->name.ptr : "");
        if ((st = parse_extras(b, spec->extras, where, b->n_declared, &id, err)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    return fl__builder_add_category(b, spec, id, err);
}

/* ------------------------------------------------------------------ terms */

/* "terms[3]" or "terms[3].variants[1]": where a trie entry was written. */
static void entry_path(const fl_builder *b, uint32_t entry, char *buf, size_t cap) {
    entry_src e = FL_VEC_AT(b->entry_srcs, entry_src, entry);
    if (e.variant < 0) {
        snprintf(buf, cap, "terms[%u]", (unsigned)e.input);
    } else {
        snprintf(buf, cap, "terms[%u].variants[%d]", (unsigned)e.input, (int)e.variant);
    }
}

/* The text of a trie entry. */
static fl_span entry_text(const fl_builder *b, uint32_t entry) {
    const fl_lexicon *lex = b->lex;
    fl_entry e = FL_VEC_AT(lex->entries, fl_entry, entry);
    const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, e.term);
    if (e.variant < 0) {
        fl_span s = {t->off, t->len};
        return s;
    }
    /* Variants are laid out at compile; before that, find the record (a term's variants are
     * few, and this runs only to write an error message). */
    int32_t k = 0;
    for (size_t i = 0; i < b->var_recs.len; i++) {
        const var_rec *v = &FL_VEC_AT(b->var_recs, var_rec, i);
        if (v->term == e.term && k++ == e.variant) {
            return v->text;
        }
    }
    return FL_NO_SPAN;
}

/* The error for a spelling that repeats entry `entry` after folding. */
static fl_status duplicate_error(fl_builder *b, fl_str text, uint32_t entry, const fl_where *w,
                                 fl_place place, fl_error *err) {
    char where[64];
    fl__where_path(w, where, sizeof where);
    size_t item = w->index;
    char other[64];
    entry_path(b, entry, other, sizeof other);
    fl_span prev = entry_text(b, entry);
    const char *ps = prev.len == SIZE_MAX ? "" : fl__lex_str(b->lex, prev.off);
    size_t pl = prev.len == SIZE_MAX ? 0 : prev.len;
    entry_src src = FL_VEC_AT(b->entry_srcs, entry_src, entry);
    char at[48] = "";
    if (src.place.line != 0 && src.place.column != 0) {
        snprintf(at, sizeof at, " at %u:%u", (unsigned)src.place.line, (unsigned)src.place.column);
    } else if (src.place.line != 0) {
        snprintf(at, sizeof at, " on line %u", (unsigned)src.place.line);
    }
    return fl__error_place(err, FL_ERR_SCHEMA, b->source, place, where, item,
                           "'%.*s%s' duplicates %s ('%.*s%s')%s after folding",
                           fl__excerpt_len(text.ptr, text.len), text.ptr,
                           fl__excerpt_more(text.len), other, fl__excerpt_len(ps, pl), ps,
                           fl__excerpt_more(pl), at);
}

/* Remembers a dropped spelling's text, so that references to it can be resolved. */
static fl_status remember_dropped(fl_builder *b, fl_str text, uint32_t entry) {
    dropped_name d;
    d.entry = entry;
    fl_status st = add_string(b, text, &d.text);
    if (st == FL_OK) {
        st = fl__vec_push(&b->alloc, &b->dropped, sizeof d, &d);
    }
    return st;
}

/* Adds category `name` to term t unless it has it; `own` (a new term's own list) makes a
 * repeat an error. */
static fl_status term_category(fl_builder *b, uint32_t t, uint32_t input, fl_str name, size_t k,
                               size_t n, fl_place place, bool own, fl_error *err) {
    uint32_t id;
    fl_status st = category_id(b, name, input, k, n, place, &id);
    if (st != FL_OK) {
        return st;
    }
    term_state *ts = &FL_VEC_AT(b->terms, term_state, t);
    bool has = false;
    if (ts->indexed) {
        has = fl__keymap_find(&b->keys, t, id, TAG_CATEGORY) != FL_NO_ID;
    } else {
        for (uint32_t r = ts->last_cat; r != FL_NO_ID && !has;
             r = FL_VEC_AT(b->cat_recs, cat_rec, r).prev) {
            has = FL_VEC_AT(b->cat_recs, cat_rec, r).category == id;
        }
    }
    if (has) {
        if (!own) {
            return FL_OK;
        }
        return fl__error_place(err, FL_ERR_SCHEMA, b->source, place,
                               n > 1 ? path(b, "terms[%u].category[%zu]", (unsigned)input, k)
                                     : path(b, "terms[%u].category", (unsigned)input),
                               input, "the category '%.*s%s' is listed twice",
                               fl__excerpt_len(name.ptr, name.len), name.ptr,
                               fl__excerpt_more(name.len));
    }
    if (b->cat_recs.len >= FL_NO_ID - 1) {
        return FL_ERR_LIMIT;
    }
    cat_rec r = {t, id, ts->last_cat};
    if ((st = fl__vec_push(&b->alloc, &b->cat_recs, sizeof r, &r)) != FL_OK) {
        return st;
    }
    ts = &FL_VEC_AT(b->terms, term_state, t);
    ts->last_cat = (uint32_t)(b->cat_recs.len - 1);
    uint32_t count = FL_VEC_AT(b->lex->terms, fl_lex_term, t).n_categories + 1;
    if (ts->indexed) {
        st = fl__keymap_add(&b->keys, &b->alloc, t, id, TAG_CATEGORY, 1);
    } else if (count > CHAIN_MAX) {
        for (uint32_t q = ts->last_cat; q != FL_NO_ID && st == FL_OK;
             q = FL_VEC_AT(b->cat_recs, cat_rec, q).prev) {
            st = fl__keymap_add(&b->keys, &b->alloc, t, FL_VEC_AT(b->cat_recs, cat_rec, q).category,
                                TAG_CATEGORY, 1);
        }
        ts->indexed = 1;
    }
    if (st != FL_OK) {
        return st; /* the builder fails: nothing reads the chain again */
    }
    FL_VEC_AT(b->lex->terms, fl_lex_term, t).n_categories++;
    return FL_OK;
}

/* Points trie node `node` at a new entry for (term, variant). */
static fl_status new_entry(fl_builder *b, uint32_t node, uint32_t term, int32_t variant,
                           uint32_t input, int32_t input_variant, fl_place place) {
    fl_lexicon *lex = b->lex;
    if (lex->entries.len >= FL_NO_ID - 1) {
        return FL_ERR_LIMIT;
    }
    fl_entry e = {term, variant};
    entry_src src = {input, input_variant, place};
    fl_status st;
    if ((st = fl__vec_reserve(&b->alloc, &b->entry_srcs, sizeof src, lex->entries.len + 1)) !=
            FL_OK ||
        (st = fl__vec_push(&lex->alloc, &lex->entries, sizeof e, &e)) != FL_OK) {
        return st;
    }
    fl__vec_push(&b->alloc, &b->entry_srcs, sizeof src, &src); /* room reserved above */
    FL_VEC_AT(lex->nodes, fl_node, node).entry = (uint32_t)lex->entries.len;
    return FL_OK;
}

static fl_status strings_limit(fl_builder *b, const char *where, fl_place place, size_t item,
                               fl_error *err) {
    return fl__error_place(err, FL_ERR_LIMIT, b->source, place, where, item,
                           "more than %d strings (terms, variants and exclusions) in one "
                           "lexicon",
                           FL_MAX_LEXICON_STRINGS);
}

/* Checks what can be checked before anything changes. */
static fl_status check_term(fl_builder *b, const fl_term_spec *s, uint32_t input, fl_error *err) {
    if (blank(s->term)) {
        return fl__error_place(err, FL_ERR_SCHEMA, b->source, s->place,
                               path(b, "terms[%u].term", (unsigned)input), input,
                               "expected a non-empty string");
    }
    if (s->n_categories == 0 || s->categories == NULL) {
        return fl__error_place(err, FL_ERR_SCHEMA, b->source, s->place,
                               path(b, "terms[%u].category", (unsigned)input), input,
                               "a term needs a category");
    }
    for (size_t k = 0; k < s->n_categories; k++) {
        if (blank(s->categories[k])) {
            return fl__error_place(err, FL_ERR_SCHEMA, b->source,
                                   place_at(s->category_places, k, s->place),
                                   s->n_categories > 1
                                       ? path(b, "terms[%u].category[%zu]", (unsigned)input, k)
                                       : path(b, "terms[%u].category", (unsigned)input),
                                   input, "expected a non-empty string");
        }
    }
    if (!isfinite(s->weight)) {
        return fl__error_place(err, FL_ERR_SCHEMA, b->source, s->place,
                               path(b, "terms[%u].weight", (unsigned)input), input,
                               "expected a finite number");
    }
    if (s->n_variants > 0 && s->variants == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_term: variants is NULL");
    }
    for (size_t k = 0; k < s->n_variants; k++) {
        if (blank(s->variants[k])) {
            return fl__error_place(err, FL_ERR_SCHEMA, b->source,
                                   place_at(s->variant_places, k, s->place),
                                   path(b, "terms[%u].variants[%zu]", (unsigned)input, k), input,
                                   "expected a non-empty string");
        }
    }
    size_t room = FL_MAX_LEXICON_STRINGS - b->n_strings;
    if (room < 1) {
        return strings_limit(b, path(b, "terms[%u].term", (unsigned)input), s->place, input, err);
    }
    if (s->n_variants > room - 1) {
        size_t k = room - 1;
        return strings_limit(b, path(b, "terms[%u].variants[%zu]", (unsigned)input, k),
                             place_at(s->variant_places, k, s->place), input, err);
    }
    return FL_OK;
}

fl_status fl__builder_add_term(fl_builder *b, const fl_term_spec *s, uint32_t extras,
                               fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (s == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_term: spec is NULL");
    }
    fl_lexicon *lex = b->lex;
    if (b->n_term_inputs >= FL_MAX_TERMS) {
        return fail(b,
                    fl__error_place(err, FL_ERR_LIMIT, b->source, s->place, "terms",
                                    b->n_term_inputs, "more than %d terms in one lexicon",
                                    FL_MAX_TERMS),
                    err);
    }
    uint32_t input = (uint32_t)b->n_term_inputs++;
    if ((st = check_term(b, s, input, err)) != FL_OK) {
        return fail(b, st, err);
    }
    b->n_strings += 1 + s->n_variants;
    bool exact = s->case_sensitive != 0;
    uint32_t node;
    fl_where where = {false, input, -1};
    if ((st = fl__lexicon_insert(lex, &b->ins, s->term.ptr, s->term.len, exact, &node, &where,
                                 s->place, err)) != FL_OK) {
        return fail(b, st, err);
    }
    uint32_t existing = FL_VEC_AT(lex->nodes, fl_node, node).entry;
    uint32_t target;
    if (existing != 0) {
        uint32_t entry = existing - 1;
        if (b->policy == FL_DUPLICATES_ERROR) {
            return fail(b, duplicate_error(b, s->term, entry, &where, s->place, err), err);
        }
        if ((st = remember_dropped(b, s->term, entry)) != FL_OK) {
            return fail(b, st, err);
        }
        if (b->policy == FL_DUPLICATES_FIRST) {
            lex->duplicates.terms_dropped++;
            return FL_OK;
        }
        lex->duplicates.terms_merged++;
        target = FL_VEC_AT(lex->entries, fl_entry, entry).term;
    } else {
        if (lex->terms.len >= FL_NO_ID - 1) {
            return fail(b, FL_ERR_LIMIT, err);
        }
        fl_lex_term t;
        memset(&t, 0, sizeof t);
        fl_span span;
        if ((st = add_string(b, s->term, &span)) != FL_OK) {
            return fail(b, st, err);
        }
        t.off = span.off;
        t.len = span.len;
        t.weight = s->weight;
        t.case_sensitive = exact ? 1 : 0;
        t.extras = extras;
        target = (uint32_t)lex->terms.len;
        term_state ts = {input, FL_NO_ID, 0};
        if ((st = fl__vec_reserve(&b->alloc, &b->terms, sizeof ts, lex->terms.len + 1)) != FL_OK ||
            (st = fl__vec_push(&lex->alloc, &lex->terms, sizeof t, &t)) != FL_OK) {
            return fail(b, st, err);
        }
        fl__vec_push(&b->alloc, &b->terms, sizeof ts, &ts); /* room reserved above */
        if ((st = new_entry(b, node, target, -1, input, -1, s->place)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    for (size_t k = 0; k < s->n_categories; k++) {
        if ((st = term_category(b, target, input, s->categories[k], k, s->n_categories,
                                place_at(s->category_places, k, s->place), existing == 0, err)) !=
            FL_OK) {
            return fail(b, st, err);
        }
    }
    for (size_t k = 0; k < s->n_variants; k++) {
        fl_place vp = place_at(s->variant_places, k, s->place);
        where.variant = (int32_t)k;
        if ((st = fl__lexicon_insert(lex, &b->ins, s->variants[k].ptr, s->variants[k].len, exact,
                                     &node, &where, vp, err)) != FL_OK) {
            return fail(b, st, err);
        }
        uint32_t dup = FL_VEC_AT(lex->nodes, fl_node, node).entry;
        if (dup != 0) {
            if (b->policy == FL_DUPLICATES_ERROR) {
                return fail(b, duplicate_error(b, s->variants[k], dup - 1, &where, vp, err), err);
            }
            if ((st = remember_dropped(b, s->variants[k], dup - 1)) != FL_OK) {
                return fail(b, st, err);
            }
            lex->duplicates.variants_dropped++;
            continue;
        }
        fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, target);
        var_rec v;
        v.term = target;
        if ((st = add_string(b, s->variants[k], &v.text)) != FL_OK ||
            (st = fl__vec_push(&b->alloc, &b->var_recs, sizeof v, &v)) != FL_OK ||
            (st = new_entry(b, node, target, (int32_t)t->n_variants, input, (int32_t)k, vp)) !=
                FL_OK) {
            return fail(b, st, err);
        }
        FL_VEC_AT(lex->terms, fl_lex_term, target).n_variants++;
    }
    return FL_OK;
}

fl_status fl_builder_add_term(fl_builder *b, const fl_term_spec *spec, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_term: spec is NULL");
    }
    uint32_t id = FL_NO_ID;
    if (given(spec->extras)) {
        char where[48];
        snprintf(where, sizeof where, "terms[%zu]", b->n_term_inputs);
        if ((st = parse_extras(b, spec->extras, where, b->n_term_inputs, &id, err)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    return fl__builder_add_term(b, spec, id, err);
}

/* ------------------------------------------------------------------ exclusions */

fl_status fl_builder_add_exclusion(fl_builder *b, const char *phrase, size_t len, fl_place place,
                                   fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    fl_lexicon *lex = b->lex;
    size_t item = lex->exclusions.len;
    const char *where = path(b, "exclude[%zu]", item);
    fl_str s = {phrase, len};
    if (phrase == NULL && len > 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_exclusion: phrase is NULL");
    }
    if (blank(s)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, place, where, item,
                                    "expected a non-empty string"),
                    err);
    }
    if (b->n_strings >= FL_MAX_LEXICON_STRINGS) {
        return fail(b, strings_limit(b, where, place, item, err), err);
    }
    b->n_strings++;
    uint32_t node;
    fl_span span;
    fl_where at = {true, item, -1};
    if ((st = fl__lexicon_insert(lex, &b->ins, phrase, len, false, &node, &at, place, err)) !=
            FL_OK ||
        (st = add_string(b, s, &span)) != FL_OK ||
        (st = fl__vec_push(&lex->alloc, &lex->exclusions, sizeof span, &span)) != FL_OK) {
        return fail(b, st, err);
    }
    FL_VEC_AT(lex->nodes, fl_node, node).exclusion = 1;
    lex->has_exclusions = true;
    return FL_OK;
}

/* ------------------------------------------------------------------ contrasts */

fl_status fl__builder_add_contrast(fl_builder *b, const fl_contrast_spec *spec, uint32_t extras,
                                   fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_contrast: spec is NULL");
    }
    fl_lexicon *lex = b->lex;
    size_t item = lex->contrasts.len;
    if (item >= FL_NO_ID - NS_OPTION - 1) {
        return fail(b, FL_ERR_LIMIT, err);
    }
    if (blank(spec->name)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "contrasts[%zu].name", item), item,
                                    "expected a non-empty string"),
                    err);
    }
    uint32_t other = fl__names_find(&b->names, &lex->bytes, NS_CONTRAST, spec->name.ptr,
                                    spec->name.len);
    if (other != FL_NO_ID) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "contrasts[%zu].name", item), item,
                                    "'%.*s%s' is the name of contrasts[%u] too",
                                    fl__excerpt_len(spec->name.ptr, spec->name.len), spec->name.ptr,
                                    fl__excerpt_more(spec->name.len), (unsigned)other),
                    err);
    }
    fl_lex_contrast c;
    memset(&c, 0, sizeof c);
    c.first_option = (uint32_t)lex->options.len;
    c.extras = extras;
    if ((st = add_string(b, spec->name, &c.name)) != FL_OK ||
        (st = opt_string(b, spec->description, &c.description)) != FL_OK ||
        (st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_CONTRAST, c.name.off, c.name.len,
                            (uint32_t)item)) != FL_OK ||
        (st = fl__vec_push(&b->alloc, &b->contrast_places, sizeof spec->place, &spec->place)) !=
            FL_OK ||
        (st = fl__vec_push(&lex->alloc, &lex->contrasts, sizeof c, &c)) != FL_OK) {
        return fail(b, st, err);
    }
    return FL_OK;
}

fl_status fl_builder_add_contrast(fl_builder *b, const fl_contrast_spec *spec, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_contrast: spec is NULL");
    }
    uint32_t id = FL_NO_ID;
    if (given(spec->extras)) {
        char where[48];
        snprintf(where, sizeof where, "contrasts[%zu]", b->lex->contrasts.len);
        if ((st = parse_extras(b, spec->extras, where, b->lex->contrasts.len, &id, err)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    return fl__builder_add_contrast(b, spec, id, err);
}

/* "contrasts[c].options.NAME" of option o into the path buffer. */
static const char *option_path(fl_builder *b, size_t o, const char *suffix) {
    const fl_lexicon *lex = b->lex;
    const fl_lex_option *opt = &FL_VEC_AT(lex->options, fl_lex_option, o);
    uint32_t c = (uint32_t)(lex->contrasts.len - 1);
    for (size_t k = lex->contrasts.len; k-- > 0;) {
        const fl_lex_contrast *x = &FL_VEC_AT(lex->contrasts, fl_lex_contrast, k);
        if (o >= x->first_option) {
            c = (uint32_t)k;
            break;
        }
    }
    const char *name = fl__lex_str(lex, opt->name.off);
    return path(b, "contrasts[%u].options.%.*s%s", (unsigned)c,
                fl__excerpt_len(name, opt->name.len), name, suffix);
}

fl_status fl_builder_add_option(fl_builder *b, const char *name, size_t len, fl_place place,
                                fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    fl_lexicon *lex = b->lex;
    if (lex->contrasts.len == 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_option: no contrast was added");
    }
    if (name == NULL && len > 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_option: name is NULL");
    }
    uint32_t c = (uint32_t)(lex->contrasts.len - 1);
    fl_str s = {name != NULL ? name : "", len};
    if (blank(s)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, place,
                                    path(b, "contrasts[%u].options", (unsigned)c), c,
                                    "an option needs a non-empty name"),
                    err);
    }
    if (fl__names_find(&b->names, &lex->bytes, NS_OPTION + c, s.ptr, s.len) != FL_NO_ID) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, place,
                                    path(b, "contrasts[%u].options.%.*s", (unsigned)c,
                                         fl__excerpt_len(s.ptr, s.len), s.ptr),
                                    c, "the option is listed twice"),
                    err);
    }
    if (lex->options.len >= FL_NO_ID - 1) {
        return fail(b, FL_ERR_LIMIT, err);
    }
    fl_lex_option o;
    memset(&o, 0, sizeof o);
    o.first_ref = (uint32_t)b->ref_recs.len;
    if ((st = add_string(b, s, &o.name)) != FL_OK ||
        (st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_OPTION + c, o.name.off,
                            o.name.len, (uint32_t)lex->options.len)) != FL_OK ||
        (st = fl__vec_push(&b->alloc, &b->option_places, sizeof place, &place)) != FL_OK ||
        (st = fl__vec_push(&lex->alloc, &lex->options, sizeof o, &o)) != FL_OK) {
        return fail(b, st, err);
    }
    FL_VEC_AT(lex->contrasts, fl_lex_contrast, c).n_options++;
    return FL_OK;
}

fl_status fl_builder_add_reference(fl_builder *b, const char *text, size_t len, fl_place place,
                                   fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    fl_lexicon *lex = b->lex;
    uint32_t c = (uint32_t)(lex->contrasts.len - 1);
    if (lex->contrasts.len == 0 || FL_VEC_AT(lex->contrasts, fl_lex_contrast, c).n_options == 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_reference: no option was added");
    }
    if (text == NULL && len > 0) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_reference: text is NULL");
    }
    size_t o = lex->options.len - 1;
    fl_lex_option *opt = &FL_VEC_AT(lex->options, fl_lex_option, o);
    fl_str s = {text != NULL ? text : "", len};
    if (blank(s)) {
        char suffix[32];
        snprintf(suffix, sizeof suffix, "[%u]", (unsigned)opt->n_refs);
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, place, option_path(b, o, suffix),
                                    c, "expected a non-empty string naming a term"),
                    err);
    }
    if (b->ref_recs.len >= FL_NO_ID - 1) {
        return fail(b, FL_ERR_LIMIT, err);
    }
    ref_rec r;
    r.place = place;
    if ((st = add_string(b, s, &r.text)) != FL_OK ||
        (st = fl__vec_push(&b->alloc, &b->ref_recs, sizeof r, &r)) != FL_OK) {
        return fail(b, st, err);
    }
    FL_VEC_AT(lex->options, fl_lex_option, o).n_refs++;
    return FL_OK;
}

/* ------------------------------------------------------------------ actors */

/* Folds s caselessly into b->folded and adds it to NS_ACTOR, or reports the actor it
 * repeats. */
static fl_status actor_key(fl_builder *b, fl_str s, uint32_t actor, int32_t alias, fl_place place,
                           fl_error *err) {
    size_t off = b->folded.len;
    fl_status st = fl__fold_append(&b->alloc, &b->ins.fold, (const uint8_t *)s.ptr, s.len,
                                   FL_FOLD_CASELESS, &b->folded);
    if (st != FL_OK) {
        return st;
    }
    size_t len = b->folded.len - off;
    const char *where = alias < 0 ? path(b, "actors[%u].name", (unsigned)actor)
                                  : path(b, "actors[%u].aliases[%d]", (unsigned)actor, (int)alias);
    uint32_t found = fl__names_find(&b->names, &b->folded, NS_ACTOR, fl__vec_bytes(&b->folded, off),
                                    len);
    if (found != FL_NO_ID) {
        actor_name an = FL_VEC_AT(b->actor_names, actor_name, found);
        char other[64];
        if (an.alias < 0) {
            snprintf(other, sizeof other, "actors[%u].name", (unsigned)an.actor);
        } else {
            snprintf(other, sizeof other, "actors[%u].aliases[%d]", (unsigned)an.actor,
                     (int)an.alias);
        }
        b->folded.len = off;
        return fl__error_place(err, FL_ERR_SCHEMA, b->source, place, where, actor,
                               "'%.*s%s' repeats %s after folding", fl__excerpt_len(s.ptr, s.len),
                               s.ptr, fl__excerpt_more(s.len), other);
    }
    actor_name an = {actor, alias};
    if ((st = fl__vec_push(&b->alloc, &b->actor_names, sizeof an, &an)) != FL_OK) {
        return st;
    }
    return fl__names_add(&b->names, &b->alloc, &b->folded, NS_ACTOR, off, len,
                         (uint32_t)(b->actor_names.len - 1));
}

fl_status fl__builder_add_actor(fl_builder *b, const fl_actor_spec *spec, uint32_t extras,
                                fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL || (spec->n_aliases > 0 && spec->aliases == NULL)) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_actor: spec or aliases is NULL");
    }
    fl_lexicon *lex = b->lex;
    size_t item = lex->actors.len;
    if (item >= FL_NO_ID - 1) {
        return fail(b, FL_ERR_LIMIT, err);
    }
    if (blank(spec->name)) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, spec->place,
                                    path(b, "actors[%zu].name", item), item,
                                    "expected a non-empty string"),
                    err);
    }
    for (size_t k = 0; k < spec->n_aliases; k++) {
        if (blank(spec->aliases[k])) {
            return fail(b,
                        fl__error_place(err, FL_ERR_SCHEMA, b->source,
                                        place_at(spec->alias_places, k, spec->place),
                                        path(b, "actors[%zu].aliases[%zu]", item, k), item,
                                        "expected a non-empty string"),
                        err);
        }
    }
    if ((st = actor_key(b, spec->name, (uint32_t)item, -1, spec->place, err)) != FL_OK) {
        return fail(b, st, err);
    }
    fl_lex_actor a;
    memset(&a, 0, sizeof a);
    a.first_alias = (uint32_t)lex->aliases.len;
    a.n_aliases = (uint32_t)spec->n_aliases;
    a.extras = extras;
    if ((st = add_string(b, spec->name, &a.name)) != FL_OK) {
        return fail(b, st, err);
    }
    for (size_t k = 0; k < spec->n_aliases; k++) {
        fl_span span;
        if ((st = actor_key(b, spec->aliases[k], (uint32_t)item, (int32_t)k,
                            place_at(spec->alias_places, k, spec->place), err)) != FL_OK ||
            (st = add_string(b, spec->aliases[k], &span)) != FL_OK ||
            (st = fl__vec_push(&lex->alloc, &lex->aliases, sizeof span, &span)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    if ((st = fl__vec_push(&lex->alloc, &lex->actors, sizeof a, &a)) != FL_OK) {
        return fail(b, st, err);
    }
    return FL_OK;
}

fl_status fl_builder_add_actor(fl_builder *b, const fl_actor_spec *spec, fl_error *err) {
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    if (spec == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_add_actor: spec is NULL");
    }
    uint32_t id = FL_NO_ID;
    if (given(spec->extras)) {
        char where[48];
        snprintf(where, sizeof where, "actors[%zu]", b->lex->actors.len);
        if ((st = parse_extras(b, spec->extras, where, b->lex->actors.len, &id, err)) != FL_OK) {
            return fail(b, st, err);
        }
    }
    return fl__builder_add_actor(b, spec, id, err);
}

/* ------------------------------------------------------------------ compile */

static fl_status check_contrasts(fl_builder *b, fl_error *err) {
    const fl_lexicon *lex = b->lex;
    for (size_t c = 0; c < lex->contrasts.len; c++) {
        const fl_lex_contrast *x = &FL_VEC_AT(lex->contrasts, fl_lex_contrast, c);
        fl_place cp = FL_VEC_AT(b->contrast_places, fl_place, c);
        if (x->n_options < 2) {
            return fl__error_place(err, FL_ERR_SCHEMA, b->source, cp,
                                   path(b, "contrasts[%zu].options", c), c,
                                   "expected at least two options (competing names)");
        }
        for (size_t o = x->first_option; o < x->first_option + x->n_options; o++) {
            if (FL_VEC_AT(lex->options, fl_lex_option, o).n_refs == 0) {
                return fl__error_place(err, FL_ERR_SCHEMA, b->source,
                                       FL_VEC_AT(b->option_places, fl_place, o),
                                       option_path(b, o, ""), c,
                                       "expected a non-empty array of references to terms");
            }
        }
    }
    return FL_OK;
}

/* Once categories are declared, each one a term names must be. The error is at the first
 * use of the first undeclared category, with the nearest declared name as a suggestion. */
static fl_status check_declared(fl_builder *b, fl_error *err) {
    const fl_lexicon *lex = b->lex;
    if (b->n_declared == 0) {
        return FL_OK;
    }
    size_t bad = SIZE_MAX;
    for (size_t i = 0; i < b->cats.len; i++) {
        const cat_state *cs = &FL_VEC_AT(b->cats, cat_state, i);
        if (cs->declared_order == FL_NO_ID &&
            (bad == SIZE_MAX || cs->first_term < FL_VEC_AT(b->cats, cat_state, bad).first_term)) {
            bad = i;
        }
    }
    if (bad == SIZE_MAX) {
        return FL_OK;
    }
    const cat_state *cs = &FL_VEC_AT(b->cats, cat_state, bad);
    fl_span name = FL_VEC_AT(lex->categories, fl_lex_category, bad).name;
    const char *ns = fl__lex_str(lex, name.off);
    size_t best = SIZE_MAX;
    size_t best_d = 3;
    for (size_t i = 0; i < b->cats.len; i++) {
        if (FL_VEC_AT(b->cats, cat_state, i).declared_order == FL_NO_ID) {
            continue;
        }
        fl_span other = FL_VEC_AT(lex->categories, fl_lex_category, i).name;
        size_t d = fl__edit_distance(ns, name.len, fl__lex_str(lex, other.off), other.len, 2);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    char hint[160] = "";
    if (best != SIZE_MAX) {
        fl_span other = FL_VEC_AT(lex->categories, fl_lex_category, best).name;
        const char *os = fl__lex_str(lex, other.off);
        snprintf(hint, sizeof hint, "; did you mean '%.*s'?", fl__excerpt_len(os, other.len), os);
    }
    const char *where = cs->first_n > 1 ? path(b, "terms[%u].category[%zu]",
                                               (unsigned)cs->first_term, cs->first_k)
                                        : path(b, "terms[%u].category", (unsigned)cs->first_term);
    return fl__error_place(err, FL_ERR_SCHEMA, b->source, cs->first_place, where, cs->first_term,
                           "the category '%.*s%s' is not declared under \"categories\"%s",
                           fl__excerpt_len(ns, name.len), ns, fl__excerpt_more(name.len), hint);
}

/* Declared categories first, in the order declared; then the rest in order of first use. */
static fl_status order_categories(fl_builder *b) {
    fl_lexicon *lex = b->lex;
    size_t n = lex->categories.len;
    if (b->n_declared == 0) {
        return FL_OK;
    }
    fl_vec perm = {0};
    fl_vec sorted = {0};
    fl_status st;
    if ((st = fl__vec_append(&b->alloc, &perm, sizeof(uint32_t), NULL, n)) != FL_OK ||
        (st = fl__vec_append(&lex->alloc, &sorted, sizeof(fl_lex_category), NULL, n)) != FL_OK) {
        fl__vec_free(&b->alloc, &perm);
        fl__vec_free(&lex->alloc, &sorted);
        return st;
    }
    uint32_t next = (uint32_t)b->n_declared;
    for (size_t i = 0; i < n; i++) {
        uint32_t order = FL_VEC_AT(b->cats, cat_state, i).declared_order;
        uint32_t to = order != FL_NO_ID ? order : next++;
        FL_VEC_AT(perm, uint32_t, i) = to;
        FL_VEC_AT(sorted, fl_lex_category, to) = FL_VEC_AT(lex->categories, fl_lex_category, i);
    }
    for (size_t i = 0; i < b->cat_recs.len; i++) {
        cat_rec *r = &FL_VEC_AT(b->cat_recs, cat_rec, i);
        r->category = FL_VEC_AT(perm, uint32_t, r->category);
    }
    fl__vec_free(&lex->alloc, &lex->categories);
    lex->categories = sorted;
    fl__vec_free(&b->alloc, &perm);
    return FL_OK;
}

/* Lays out each term's variants and categories contiguously, in the order added (a counting
 * sort: merged terms gained some after other terms were added). */
static fl_status lay_out_terms(fl_builder *b) {
    fl_lexicon *lex = b->lex;
    size_t nt = lex->terms.len;
    fl_vec vars = {0};
    fl_vec cats = {0};
    fl_vec fill = {0};
    fl_status st;
    if ((st = fl__vec_append(&lex->alloc, &vars, sizeof(fl_span), NULL, b->var_recs.len)) !=
            FL_OK ||
        (st = fl__vec_append(&lex->alloc, &cats, sizeof(uint32_t), NULL, b->cat_recs.len)) !=
            FL_OK ||
        (st = fl__vec_append(&b->alloc, &fill, sizeof(uint32_t), NULL, nt)) != FL_OK) {
        goto done;
    }
    size_t v = 0;
    size_t c = 0;
    for (size_t i = 0; i < nt; i++) {
        fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, i);
        t->first_variant = (uint32_t)v;
        t->first_category = (uint32_t)c;
        v += t->n_variants;
        c += t->n_categories;
    }
    for (size_t i = 0; i < b->var_recs.len; i++) {
        const var_rec *r = &FL_VEC_AT(b->var_recs, var_rec, i);
        const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, r->term);
        uint32_t *f = &FL_VEC_AT(fill, uint32_t, r->term);
        FL_VEC_AT(vars, fl_span, t->first_variant + *f) = r->text;
        (*f)++;
    }
    memset(fill.data, 0, nt * sizeof(uint32_t));
    for (size_t i = 0; i < b->cat_recs.len; i++) {
        const cat_rec *r = &FL_VEC_AT(b->cat_recs, cat_rec, i);
        const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, r->term);
        uint32_t *f = &FL_VEC_AT(fill, uint32_t, r->term);
        FL_VEC_AT(cats, uint32_t, t->first_category + *f) = r->category;
        (*f)++;
    }
    fl__vec_free(&lex->alloc, &lex->variants);
    fl__vec_free(&lex->alloc, &lex->term_categories);
    lex->variants = vars;
    lex->term_categories = cats;
    vars = (fl_vec){0};
    cats = (fl_vec){0};
done:
    fl__vec_free(&lex->alloc, &vars);
    fl__vec_free(&lex->alloc, &cats);
    fl__vec_free(&b->alloc, &fill);
    return st;
}

/* Resolves every reference to (term, all spellings) or (term, one spelling); a spelling (or
 * a whole term) counted for two options of one contrast is an error. */
static fl_status resolve_references(fl_builder *b, fl_error *err) {
    fl_lexicon *lex = b->lex;
    fl_status st;
    if (b->ref_recs.len == 0) {
        return FL_OK;
    }
    /* Name indices over the laid-out terms and variants: the first of equal texts wins. */
    for (size_t t = 0; t < lex->terms.len; t++) {
        const fl_lex_term *x = &FL_VEC_AT(lex->terms, fl_lex_term, t);
        if (fl__names_find(&b->names, &lex->bytes, NS_TERM, fl__lex_str(lex, x->off), x->len) ==
                FL_NO_ID &&
            (st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_TERM, x->off, x->len,
                                (uint32_t)t)) != FL_OK) {
            return st;
        }
    }
    fl_vec var_term = {0}; /* term of each laid-out variant */
    if ((st = fl__vec_append(&b->alloc, &var_term, sizeof(uint32_t), NULL, lex->variants.len)) !=
        FL_OK) {
        return st;
    }
    for (size_t t = 0; t < lex->terms.len; t++) {
        const fl_lex_term *x = &FL_VEC_AT(lex->terms, fl_lex_term, t);
        for (uint32_t k = 0; k < x->n_variants; k++) {
            uint32_t vi = x->first_variant + k;
            fl_span s = FL_VEC_AT(lex->variants, fl_span, vi);
            FL_VEC_AT(var_term, uint32_t, vi) = (uint32_t)t;
            if (fl__names_find(&b->names, &lex->bytes, NS_VARIANT, fl__lex_str(lex, s.off),
                               s.len) == FL_NO_ID &&
                (st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_VARIANT, s.off, s.len,
                                    vi)) != FL_OK) {
                goto done;
            }
        }
    }
    for (size_t i = 0; i < b->dropped.len; i++) {
        const dropped_name *d = &FL_VEC_AT(b->dropped, dropped_name, i);
        if (fl__names_find(&b->names, &lex->bytes, NS_DROPPED, fl__lex_str(lex, d->text.off),
                           d->text.len) == FL_NO_ID &&
            (st = fl__names_add(&b->names, &b->alloc, &lex->bytes, NS_DROPPED, d->text.off,
                                d->text.len, d->entry)) != FL_OK) {
            goto done;
        }
    }
    fl__keymap_free(&b->keys, &b->alloc); /* the term-category marks are done with */
    if ((st = fl__vec_reserve(&lex->alloc, &lex->refs, sizeof(fl_reference), b->ref_recs.len)) !=
        FL_OK) {
        goto done;
    }
    for (size_t c = 0; c < lex->contrasts.len; c++) {
        const fl_lex_contrast *x = &FL_VEC_AT(lex->contrasts, fl_lex_contrast, c);
        for (size_t o = x->first_option; o < x->first_option + x->n_options; o++) {
            fl_lex_option *opt = &FL_VEC_AT(lex->options, fl_lex_option, o);
            size_t first_rec = opt->first_ref;
            size_t n_recs = opt->n_refs;
            opt->first_ref = (uint32_t)lex->refs.len;
            opt->n_refs = 0;
            for (size_t k = 0; k < n_recs; k++) {
                const ref_rec *r = &FL_VEC_AT(b->ref_recs, ref_rec, first_rec + k);
                const char *text = fl__lex_str(lex, r->text.off);
                fl_reference ref;
                uint32_t id = fl__names_find(&b->names, &lex->bytes, NS_TERM, text, r->text.len);
                if (id != FL_NO_ID) {
                    ref.term = id;
                    ref.spelling = FL_ALL_SPELLINGS;
                } else if ((id = fl__names_find(&b->names, &lex->bytes, NS_VARIANT, text,
                                                r->text.len)) != FL_NO_ID) {
                    ref.term = FL_VEC_AT(var_term, uint32_t, id);
                    ref.spelling = id - FL_VEC_AT(lex->terms, fl_lex_term, ref.term).first_variant +
                                   1;
                } else if ((id = fl__names_find(&b->names, &lex->bytes, NS_DROPPED, text,
                                                r->text.len)) != FL_NO_ID) {
                    fl_entry e = FL_VEC_AT(lex->entries, fl_entry, id);
                    ref.term = e.term;
                    ref.spelling = e.variant < 0 ? FL_ALL_SPELLINGS : (uint32_t)e.variant + 1;
                } else {
                    char suffix[32];
                    snprintf(suffix, sizeof suffix, "[%zu]", k);
                    st = fl__error_place(err, FL_ERR_SCHEMA, b->source, r->place,
                                         option_path(b, o, suffix), c,
                                         "'%.*s%s' is not the \"term\" of any entry in terms, "
                                         "nor one of their variants",
                                         fl__excerpt_len(text, r->text.len), text,
                                         fl__excerpt_more(r->text.len));
                    goto done;
                }
                uint32_t prev = fl__keymap_find(&b->keys, (uint32_t)c, ref.term, ref.spelling);
                if (prev == (uint32_t)o) {
                    continue; /* named twice by one option */
                }
                if (prev != FL_NO_ID) {
                    char suffix[32];
                    snprintf(suffix, sizeof suffix, "[%zu]", k);
                    const fl_lex_option *other = &FL_VEC_AT(lex->options, fl_lex_option, prev);
                    const char *on = fl__lex_str(lex, other->name.off);
                    st = fl__error_place(err, FL_ERR_SCHEMA, b->source, r->place,
                                         option_path(b, o, suffix), c,
                                         "'%.*s%s' already counts for the option '%.*s' of this "
                                         "contrast",
                                         fl__excerpt_len(text, r->text.len), text,
                                         fl__excerpt_more(r->text.len),
                                         fl__excerpt_len(on, other->name.len), on);
                    goto done;
                }
                if ((st = fl__keymap_add(&b->keys, &b->alloc, (uint32_t)c, ref.term, ref.spelling,
                                         (uint32_t)o)) != FL_OK) {
                    goto done;
                }
                fl__vec_push(&lex->alloc, &lex->refs, sizeof ref, &ref); /* room reserved */
                opt->n_refs++;
            }
        }
    }
done:
    fl__vec_free(&b->alloc, &var_term);
    return st;
}

fl_status fl_builder_compile(fl_builder *b, fl_lexicon **out, fl_error *err) {
    if (err != NULL) {
        err->code = FL_OK;
    }
    if (out == NULL) {
        return fl__error(err, FL_ERR_ARG, "fl_builder_compile: out is NULL");
    }
    *out = NULL;
    fl_status st = check_open(b, err);
    if (st != FL_OK) {
        return st;
    }
    fl_lexicon *lex = b->lex;
    if (lex->terms.len == 0) {
        return fail(b,
                    fl__error_place(err, FL_ERR_SCHEMA, b->source, (fl_place){0, 0}, "terms",
                                    SIZE_MAX, "a lexicon needs at least one term"),
                    err);
    }
    if ((st = check_contrasts(b, err)) != FL_OK || (st = check_declared(b, err)) != FL_OK ||
        (st = order_categories(b)) != FL_OK || (st = lay_out_terms(b)) != FL_OK ||
        (st = resolve_references(b, err)) != FL_OK || (st = fl__lexicon_freeze(lex)) != FL_OK ||
        (st = fl__actors_compile(lex, b->source, err)) != FL_OK) {
        if (st == FL_ERR_LIMIT && (err == NULL || err->code != FL_ERR_LIMIT)) {
            fl__error(err, st, "%s: too many distinct tokens in one lexicon", b->source);
        }
        return fail(b, st, err);
    }
    free_state(b);
    b->lex = NULL;
    b->state = COMPILED;
    *out = lex;
    return FL_OK;
}
