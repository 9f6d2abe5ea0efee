/* value.c: the free-form data a lexicon keeps (source, note, meta) as a read-only tree. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <math.h>
#include <string.h>

/*
 * Nodes live in one vector of the lexicon and refer to each other by index; an array's or
 * object's items are a run of ids in lex->value_kids, written when the container is
 * complete. Nodes hold a pointer to their lexicon (fixed for its life), so a node alone is
 * enough to read it.
 */

fl_status fl__value_add(fl_lexicon *lex, fl_value_kind kind, const char *key, size_t key_len,
                        const char *text, size_t len, double number, uint32_t *id) {
    if (lex->values.len >= FL_NO_ID - 1) {
        return FL_ERR_LIMIT;
    }
    fl_value v;
    memset(&v, 0, sizeof v);
    v.lex = lex;
    v.kind = (uint8_t)kind;
    v.number = number;
    v.key = FL_NO_SPAN;
    v.text = FL_NO_SPAN;
    fl_status st;
    if (key != NULL && (st = fl__lexicon_add_string(lex, key, key_len, &v.key)) != FL_OK) {
        return st;
    }
    if (text != NULL && (st = fl__lexicon_add_string(lex, text, len, &v.text)) != FL_OK) {
        return st;
    }
    if ((st = fl__vec_push(&lex->alloc, &lex->values, sizeof v, &v)) != FL_OK) {
        return st;
    }
    *id = (uint32_t)(lex->values.len - 1);
    return FL_OK;
}

fl_status fl__value_set_kids(fl_lexicon *lex, uint32_t id, const uint32_t *kids, size_t n) {
    if (lex->value_kids.len + n >= FL_NO_ID) {
        return FL_ERR_LIMIT;
    }
    size_t first = lex->value_kids.len;
    fl_status st = fl__vec_append(&lex->alloc, &lex->value_kids, sizeof(uint32_t), kids, n);
    if (st != FL_OK) {
        return st;
    }
    fl_value *v = &FL_VEC_AT(lex->values, fl_value, id);
    v->first_kid = (uint32_t)first;
    v->count = (uint32_t)n;
    return FL_OK;
}

const fl_value *fl__value_get(const fl_lexicon *lex, uint32_t id) {
    if (id == FL_NO_ID || id >= lex->values.len) {
        return NULL;
    }
    return &FL_VEC_AT(lex->values, fl_value, id);
}

fl_value_kind fl_value_kind_of(const fl_value *v) {
    return v == NULL ? FL_VALUE_NULL : (fl_value_kind)v->kind;
}

double fl_value_number(const fl_value *v) {
    return v != NULL && v->kind == FL_VALUE_NUMBER ? v->number : NAN;
}

const char *fl_value_text(const fl_value *v, size_t *len) {
    size_t dummy;
    if (len == NULL) {
        len = &dummy;
    }
    if (v == NULL || (v->kind != FL_VALUE_STRING && v->kind != FL_VALUE_NUMBER) ||
        v->text.len == SIZE_MAX) {
        *len = 0;
        return NULL;
    }
    *len = v->text.len;
    return fl__lex_str(v->lex, v->text.off);
}

size_t fl_value_count(const fl_value *v) {
    if (v == NULL || (v->kind != FL_VALUE_ARRAY && v->kind != FL_VALUE_OBJECT)) {
        return 0;
    }
    return v->count;
}

const fl_value *fl_value_item(const fl_value *v, size_t i) {
    if (i >= fl_value_count(v)) {
        return NULL;
    }
    uint32_t id = FL_VEC_AT(v->lex->value_kids, uint32_t, v->first_kid + i);
    return fl__value_get(v->lex, id);
}

const char *fl_value_key(const fl_value *v, size_t i, size_t *len) {
    size_t dummy;
    if (len == NULL) {
        len = &dummy;
    }
    *len = 0;
    if (fl_value_kind_of(v) != FL_VALUE_OBJECT) {
        return NULL;
    }
    const fl_value *item = fl_value_item(v, i);
    if (item == NULL || item->key.len == SIZE_MAX) {
        return NULL;
    }
    *len = item->key.len;
    return fl__lex_str(v->lex, item->key.off);
}

const fl_value *fl_value_find(const fl_value *v, const char *key, size_t len) {
    if (fl_value_kind_of(v) != FL_VALUE_OBJECT || (key == NULL && len > 0)) {
        return NULL;
    }
    for (size_t i = 0; i < v->count; i++) {
        const fl_value *item = fl_value_item(v, i);
        if (item->key.len == len &&
            (len == 0 || memcmp(fl__lex_str(v->lex, item->key.off), key, len) == 0)) {
            return item;
        }
    }
    return NULL;
}
