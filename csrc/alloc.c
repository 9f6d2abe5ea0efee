/* alloc.c: the one allocation seam of the core, and failure-atomic growable arrays. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static void *default_malloc(void *ctx, size_t size) {
    (void)ctx;
    return malloc(size);
}

static void *default_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    return realloc(ptr, size);
}

static void default_free(void *ctx, void *ptr) {
    (void)ctx;
    free(ptr);
}

void fl__alloc_init(fl_allocator *dst, const fl_allocator *src) {
    if (src != NULL && src->malloc != NULL && src->realloc != NULL && src->free != NULL) {
        *dst = *src;
    } else {
        dst->malloc = default_malloc;
        dst->realloc = default_realloc;
        dst->free = default_free;
        dst->ctx = NULL;
    }
}

void *fl__malloc(const fl_allocator *a, size_t size) {
    return a->malloc(a->ctx, size == 0 ? 1 : size);
}

void *fl__realloc(const fl_allocator *a, void *ptr, size_t size) {
    if (ptr == NULL) {
        return fl__malloc(a, size);
    }
    return a->realloc(a->ctx, ptr, size == 0 ? 1 : size);
}

void fl__free(const fl_allocator *a, void *ptr) {
    if (ptr != NULL) {
        a->free(a->ctx, ptr);
    }
}

fl_status fl__vec_reserve(const fl_allocator *a, fl_vec *v, size_t elem, size_t need) {
    if (need <= v->cap) {
        return FL_OK;
    }
    /* Grow by half again, so appends are amortised O(1) without doubling huge buffers. */
    size_t cap = v->cap < 16 ? 16 : v->cap + v->cap / 2;
    if (cap < need) {
        cap = need;
    }
    size_t bytes;
    if (!fl__mul(cap, elem, &bytes)) {
        return FL_ERR_NOMEM;
    }
    void *data = fl__realloc(a, v->data, bytes);
    if (FL_UNLIKELY(data == NULL)) {
        return FL_ERR_NOMEM; /* v is untouched: realloc keeps the old block */
    }
    v->data = data;
    v->cap = cap;
    return FL_OK;
}

fl_status fl__vec_append(const fl_allocator *a, fl_vec *v, size_t elem, const void *items,
                         size_t n) {
    if (n == 0) {
        return FL_OK; /* also keeps NULL + 0 out of the pointer arithmetic below */
    }
    if (n > SIZE_MAX - v->len) {
        return FL_ERR_NOMEM;
    }
    fl_status st = fl__vec_reserve(a, v, elem, v->len + n);
    if (st != FL_OK) {
        return st;
    }
    char *dst = (char *)v->data + v->len * elem;
    if (items != NULL) {
        memcpy(dst, items, n * elem);
    } else {
        memset(dst, 0, n * elem);
    }
    v->len += n;
    return FL_OK;
}

void fl__vec_free(const fl_allocator *a, fl_vec *v) {
    fl__free(a, v->data);
    v->data = NULL;
    v->len = 0;
    v->cap = 0;
}
