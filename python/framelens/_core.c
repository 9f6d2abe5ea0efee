/* _core.c: the CPython binding of the framelens C core (a thin layer: arguments, GIL, wrapping). */
/* SPDX-License-Identifier: MIT */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "framelens.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Building against the limited API (setup.py's FRAMELENS_LIMITED_API: one abi3 extension for
 * every CPython >= 3.11) hides the macros below; their function forms do the same work with
 * a type check each. In a fresh list or tuple the *_SetItem calls cannot fail. */
#ifdef Py_LIMITED_API
#define PyList_SET_ITEM(list, i, item) ((void)PyList_SetItem((list), (i), (item)))
#define PyTuple_SET_ITEM(tuple, i, item) ((void)PyTuple_SetItem((tuple), (i), (item)))
#define PyList_GET_ITEM(list, i) PyList_GetItem((list), (i))
#define PyList_GET_SIZE(list) PyList_Size(list)
#define PyTuple_GET_ITEM(tuple, i) PyTuple_GetItem((tuple), (i))
#define PyTuple_GET_SIZE(tuple) PyTuple_Size(tuple)
#define PyBytes_AS_STRING(bytes) PyBytes_AsString(bytes)
#define PyBytes_GET_SIZE(bytes) PyBytes_Size(bytes)
#define Py_XSETREF(dst, src)                                                                       \
    do {                                                                                           \
        PyObject *old_ = (PyObject *)(dst);                                                        \
        (dst) = (src);                                                                             \
        Py_XDECREF(old_);                                                                          \
    } while (0)
#endif

/* Texts shorter than this are analysed with the GIL held: releasing and taking it back costs
 * more than the work (the same trade-off as CPython's HASHLIB_GIL_MINSIZE). */
#define FL_GIL_MINSIZE 8192

typedef struct {
    PyObject *LexiconError;
    PyTypeObject *LexiconType;
    /* A result kept between analyze() calls, so that analysing article after article does
     * not grow its arrays from nothing each time. Taken and given back with an atomic
     * exchange, so two threads never share it (also without a GIL). */
    _Atomic(fl_result *) spare_result;
    PyTypeObject *BuilderType;
    PyTypeObject *ColumnType;
} module_state;

typedef struct {
    PyObject_HEAD
    fl_lexicon *lex;
    PyObject *source;
} LexiconObject;

static module_state *get_state(PyObject *module) {
    return (module_state *)PyModule_GetState(module);
}

/* ------------------------------------------------------------------ errors */

/* Raises TypeError("<what>, not <type name of obj>"). The name comes from the type's __name__
 * (the limited API hides tp_name). */
static void type_error(const char *what, PyObject *obj) {
    PyObject *name = PyObject_GetAttrString((PyObject *)Py_TYPE(obj), "__name__");
    if (name != NULL) {
        PyErr_Format(PyExc_TypeError, "%s, not %.100U", what, name);
        Py_DECREF(name);
    }
}

/* type_error with a formatted <what> ("texts[3] must be str"). */
static void type_errorf(PyObject *obj, const char *fmt, ...) {
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    type_error(what, obj);
}

/* The exception being raised, taken out of the error indicator (a new reference; NULL when
 * none). CPython 3.12 has one call for it and deprecates PyErr_Fetch, which older versions
 * (and the 3.11 limited API) need instead. */
static PyObject *take_exception(void) {
#if PY_VERSION_HEX >= 0x030C0000 && (!defined(Py_LIMITED_API) || Py_LIMITED_API >= 0x030C0000)
    return PyErr_GetRaisedException();
#else
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && tb != NULL) {
        PyException_SetTraceback(value, tb);
    }
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
#endif
}

/* Raises type(message) with the attribute index: the position of the failing item in the
 * list argument the message names ("texts[3]: ..."), so that callers map it to their own
 * records without reading the message. index SIZE_MAX: no attribute. */
static void raise_indexed(PyObject *type, size_t index, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, ap);
    va_end(ap);
    PyObject *exc = msg == NULL ? NULL : PyObject_CallFunctionObjArgs(type, msg, NULL);
    Py_XDECREF(msg);
    if (exc == NULL) {
        return;
    }
    PyObject *i = index == SIZE_MAX ? NULL : PyLong_FromSize_t(index);
    if (index == SIZE_MAX || (i != NULL && PyObject_SetAttrString(exc, "index", i) == 0)) {
        PyErr_SetObject(type, exc);
    }
    Py_XDECREF(i);
    Py_DECREF(exc);
}

/* The core's error as a Python exception: MemoryError, or ValueError(message) with .index
 * when the core named a failing item (a document of a batch). */
static PyObject *raise_status(fl_status st, const fl_error *err) {
    if (st == FL_ERR_NOMEM) {
        return PyErr_NoMemory();
    }
    raise_indexed(PyExc_ValueError, err->item, "%s",
                  err->message[0] ? err->message : fl_status_str(st));
    return NULL;
}

/* Raises LexiconError(message) with .source .line .column .path .detail set. */
static PyObject *raise_lexicon_error(module_state *ms, const char *source, const fl_error *err) {
    if (err->code == FL_ERR_NOMEM) {
        return PyErr_NoMemory();
    }
    PyObject *msg = PyUnicode_DecodeUTF8(err->message, (Py_ssize_t)strlen(err->message), "replace");
    PyObject *exc = msg == NULL ? NULL : PyObject_CallFunctionObjArgs(ms->LexiconError, msg, NULL);
    Py_XDECREF(msg);
    if (exc == NULL) {
        return NULL;
    }
    PyObject *line = err->line ? PyLong_FromUnsignedLong(err->line) : Py_NewRef(Py_None);
    PyObject *col = err->column ? PyLong_FromUnsignedLong(err->column) : Py_NewRef(Py_None);
    PyObject *path = err->path[0]
                         ? PyUnicode_DecodeUTF8(err->path, (Py_ssize_t)strlen(err->path), "replace")
                         : Py_NewRef(Py_None);
    PyObject *src = PyUnicode_DecodeUTF8(source, (Py_ssize_t)strlen(source), "replace");
    PyObject *detail = PyUnicode_DecodeUTF8(err->detail, (Py_ssize_t)strlen(err->detail),
                                            "replace");
    PyObject *item = err->item != SIZE_MAX ? PyLong_FromSize_t(err->item) : Py_NewRef(Py_None);
    if (line && col && path && src && detail && item &&
        PyObject_SetAttrString(exc, "item", item) == 0 &&
        PyObject_SetAttrString(exc, "line", line) == 0 &&
        PyObject_SetAttrString(exc, "column", col) == 0 &&
        PyObject_SetAttrString(exc, "path", path) == 0 &&
        PyObject_SetAttrString(exc, "source", src) == 0 &&
        PyObject_SetAttrString(exc, "detail", detail) == 0) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    }
    Py_XDECREF(line);
    Py_XDECREF(col);
    Py_XDECREF(path);
    Py_XDECREF(src);
    Py_XDECREF(detail);
    Py_XDECREF(item);
    Py_DECREF(exc);
    return NULL;
}

/* UTF-8 of a str; a lone surrogate becomes a ValueError that says where. For a non-ASCII
 * str this caches a UTF-8 copy inside the str (CPython keeps it while the str lives): use
 * text_utf8_temp for texts the caller owns. */
static const char *text_utf8(PyObject *text, Py_ssize_t *len) {
    if (!PyUnicode_Check(text)) {
        type_error("text must be str", text);
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8AndSize(text, len);
    if (s == NULL && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyObject *exc = take_exception();
        Py_ssize_t start = 0;
        if (exc == NULL || PyUnicodeEncodeError_GetStart(exc, &start) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(exc);
        PyErr_Format(PyExc_ValueError,
                     "text contains a lone surrogate at index %zd (not valid Unicode text); "
                     "decode the source with errors='replace' first",
                     start);
    }
    return s;
}

/* The error of texts[i] of a list argument, with .index = i: a TypeError when it is no str,
 * else the ValueError its conversion raised (a lone surrogate) restated as "texts[i]: ...".
 * Other errors (MemoryError) are left as they are. */
static void bad_text(PyObject *item, Py_ssize_t i) {
    if (!PyUnicode_Check(item)) {
        PyObject *name = PyObject_GetAttrString((PyObject *)Py_TYPE(item), "__name__");
        if (name != NULL) {
            raise_indexed(PyExc_TypeError, (size_t)i, "texts[%zd] must be str, not %.100U", i,
                          name);
            Py_DECREF(name);
        }
        return;
    }
    if (PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyObject *exc = take_exception();
        raise_indexed(PyExc_ValueError, (size_t)i, "texts[%zd]: %S", i, exc);
        Py_XDECREF(exc);
    }
}

#ifndef Py_LIMITED_API
/* The fl_units form of a str's storage (PyUnicode_KIND): ASCII is its own UTF-8. */
static fl_units str_units(PyObject *text) {
    if (PyUnicode_IS_ASCII(text)) {
        return FL_UNITS_UTF8;
    }
    int kind = PyUnicode_KIND(text);
    return kind == PyUnicode_1BYTE_KIND   ? FL_UNITS_LATIN1
           : kind == PyUnicode_2BYTE_KIND ? FL_UNITS_UCS2
                                          : FL_UNITS_UCS4;
}

/* The UTF-8 of a str's storage into out (room for fl_utf8_bound bytes): its length, or -1
 * with the ValueError that names a lone surrogate raised. */
static Py_ssize_t str_utf8_into(PyObject *text, char *out) {
    size_t len;
    if (fl_utf8_from_units(str_units(text), PyUnicode_DATA(text),
                           (size_t)PyUnicode_GET_LENGTH(text), out, &len, NULL) != FL_OK) {
        Py_ssize_t unused;
        (void)text_utf8(text, &unused); /* raises the ValueError naming the surrogate */
        return -1;
    }
    return (Py_ssize_t)len;
}

/* fl_utf8_bound of a str, or -1 with MemoryError raised when it does not fit a Py_ssize_t. */
static Py_ssize_t str_utf8_bound(PyObject *text) {
    size_t bound = fl_utf8_bound(str_units(text), (size_t)PyUnicode_GET_LENGTH(text));
    if (bound > (size_t)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    return (Py_ssize_t)bound;
}
#endif

/* UTF-8 of a str without leaving a cached copy inside it: ASCII strings are their own
 * UTF-8; others are encoded into a new bytes object stored in *holder (release it when
 * done). Analysing a text thus never keeps a second copy of the caller's. */
static const char *text_utf8_temp(PyObject *text, Py_ssize_t *len, PyObject **holder) {
    *holder = NULL;
    if (!PyUnicode_Check(text)) {
        type_error("text must be str", text);
        return NULL;
    }
#ifndef Py_LIMITED_API /* the limited API cannot see a str's storage: every text is copied */
    if (PyUnicode_IS_ASCII(text)) {
        *len = PyUnicode_GET_LENGTH(text);
        return (const char *)PyUnicode_DATA(text);
    }
    Py_ssize_t bound = str_utf8_bound(text);
    PyObject *encoded = bound < 0 ? NULL : PyBytes_FromStringAndSize(NULL, bound);
    if (encoded == NULL) {
        return NULL;
    }
    Py_ssize_t size = str_utf8_into(text, PyBytes_AS_STRING(encoded));
    if (size < 0) {
        Py_DECREF(encoded);
        return NULL;
    }
    if (_PyBytes_Resize(&encoded, size) < 0) {
        return NULL;
    }
    *holder = encoded;
    *len = size;
    return PyBytes_AS_STRING(encoded);
#else
    PyObject *b = PyUnicode_AsUTF8String(text);
    if (b == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Clear();
            return text_utf8(text, len); /* raises the ValueError naming the surrogate */
        }
        return NULL;
    }
    *holder = b;
    *len = PyBytes_GET_SIZE(b);
    return PyBytes_AS_STRING(b);
#endif
}

/* Where the UTF-8 of a list of str lives while the core reads it (texts_utf8): the
 * non-ASCII texts one after another in a chain of blocks (a bytes object each under the
 * limited API, which cannot see a str's storage). Blocks, not one buffer for the batch:
 * glibc maps a large buffer of its own and unmaps it when freed, so each batch's buffer was
 * fresh memory, a page fault every 4 KB (7,000 a run over 16 MB of news on two threads);
 * blocks of 32 KB come from the heap, which mostly keeps what the last batch freed. */
enum { UTF8_BLOCK_BYTES = 32 << 10 };

typedef struct utf8_block {
    struct utf8_block *next;
    size_t cap, used;
    char data[];
} utf8_block;

typedef struct utf8_store {
    utf8_block *blocks; /* the last one first */
    PyObject *holders;
} utf8_store;

static void utf8_store_clear(utf8_store *store) {
    while (store->blocks != NULL) {
        utf8_block *next = store->blocks->next;
        PyMem_Free(store->blocks);
        store->blocks = next;
    }
    Py_CLEAR(store->holders);
}

#ifndef Py_LIMITED_API
/* Room for `room` bytes at the end of the store's last block, a new block when it has less;
 * NULL (MemoryError raised) when none can be had. */
static utf8_block *utf8_room(utf8_store *store, size_t room) {
    utf8_block *b = store->blocks;
    if (b != NULL && b->cap - b->used >= room) {
        return b;
    }
    size_t cap = room > UTF8_BLOCK_BYTES ? room : UTF8_BLOCK_BYTES;
    if (cap > PY_SSIZE_T_MAX - sizeof(utf8_block) ||
        (b = PyMem_Malloc(sizeof(utf8_block) + cap)) == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->next = store->blocks;
    b->cap = cap;
    b->used = 0;
    store->blocks = b;
    return b;
}
#endif

#ifdef Py_LIMITED_API
/* The code points of str text (len of them) in a block of its own at the head of the store's
 * chain, and *units made (n + 1 bytes, every text FL_UNITS_UTF8) if it is not yet; NULL with
 * MemoryError raised when either cannot be had. */
static const char *text_ucs4(PyObject *text, Py_ssize_t *len, utf8_store *store, uint8_t **units,
                             Py_ssize_t n) {
    *len = PyUnicode_GetLength(text);
    if (*len < 0) {
        return NULL;
    }
    if (*units == NULL && (*units = PyMem_Calloc((size_t)n + 1, 1)) == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t bytes = ((size_t)*len + 1) * sizeof(Py_UCS4);
    utf8_block *b = (size_t)*len >= (PY_SSIZE_T_MAX - sizeof(utf8_block)) / sizeof(Py_UCS4)
                        ? NULL
                        : PyMem_Malloc(sizeof(utf8_block) + bytes);
    if (b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->next = store->blocks;
    b->cap = b->used = bytes;
    store->blocks = b;
    if (PyUnicode_AsUCS4(text, (Py_UCS4 *)(void *)b->data, *len + 1, 1) == NULL) {
        return NULL;
    }
    return b->data;
}
#endif

/* The UTF-8 of every item of list (a list no one else changes meanwhile) into texts and
 * lens, kept in *store (cleared by the caller, also on failure). On failure raises the
 * error of the first bad item (bad_text: .index = i) and returns -1. Each text is encoded
 * once, into a block of the store: a bytes object per text, sized by a first pass, cost
 * an allocation and a second reading of each of a 2 MB batch's 800 texts.
 * units (the limited API's pool_submit and analyze_parts, for fl_analyze_batch_texts): a str
 * with a lone surrogate is no error here but its code points (FL_UNITS_UCS4 in *units, made
 * when one is met), for the core to report as it analyses it, as it reports any text's error
 * and as the full API's build (which gives the core each str's storage) reports that one;
 * NULL: raised here. */
static int texts_utf8(PyObject *list, const char **texts, size_t *lens, utf8_store *store,
                      uint8_t **units) {
    Py_ssize_t n = PyList_GET_SIZE(list);
#ifndef Py_LIMITED_API
    (void)units;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (!PyUnicode_Check(item)) {
            bad_text(item, i);
            return -1;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(item);
        if (PyUnicode_IS_ASCII(item)) {
            texts[i] = (const char *)PyUnicode_DATA(item);
        } else {
            Py_ssize_t bound = str_utf8_bound(item);
            if (bound < 0) {
                return -1;
            }
            utf8_block *b = utf8_room(store, (size_t)bound);
            if (b == NULL) {
                return -1;
            }
            len = str_utf8_into(item, b->data + b->used);
            if (len < 0) {
                bad_text(item, i);
                return -1;
            }
            texts[i] = b->data + b->used;
            b->used += (size_t)len;
        }
        lens[i] = (size_t)len;
    }
    return 0;
#else
    if ((store->holders = PyList_New(0)) == NULL) {
        return -1;
    }
    Py_ssize_t deferred = -1; /* the first text left to the core for its surrogate */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        Py_ssize_t len;
        PyObject *holder;
        texts[i] = PyUnicode_Check(item) ? text_utf8_temp(item, &len, &holder) : NULL;
        if (texts[i] == NULL && units != NULL && PyUnicode_Check(item) &&
            PyErr_ExceptionMatches(PyExc_ValueError)) {
            PyErr_Clear();
            if ((texts[i] = text_ucs4(item, &len, store, units, n)) == NULL) {
                return -1;
            }
            (*units)[i] = FL_UNITS_UCS4;
            deferred = deferred < 0 ? i : deferred;
            lens[i] = (size_t)len;
            continue;
        }
        if (texts[i] == NULL) {
            if (deferred >= 0 && !PyUnicode_Check(item)) {
                /* the error of the first bad text in order, as the full API's build raises
                 * (texts_units) */
                PyObject *first = PyList_GET_ITEM(list, deferred);
                Py_ssize_t unused;
                (void)text_utf8(first, &unused); /* the ValueError naming the surrogate */
                item = first;
                i = deferred;
            }
            bad_text(item, i);
            return -1;
        }
        if (holder != NULL) {
            int rc = PyList_Append(store->holders, holder);
            Py_DECREF(holder);
            if (rc < 0) {
                return -1;
            }
        }
        lens[i] = (size_t)len;
    }
    return 0;
#endif
}

/* ------------------------------------------------------------------ Lexicon */

static int parse_policy(const char *name, fl_duplicates *out) {
    if (strcmp(name, "error") == 0) {
        *out = FL_DUPLICATES_ERROR;
    } else if (strcmp(name, "first") == 0) {
        *out = FL_DUPLICATES_FIRST;
    } else if (strcmp(name, "merge") == 0) {
        *out = FL_DUPLICATES_MERGE;
    } else {
        PyErr_Format(PyExc_ValueError,
                     "on_duplicate must be 'error', 'first' or 'merge', not '%.50s'", name);
        return -1;
    }
    return 0;
}

/* The module state of an object of one of this module's heap types. */
static module_state *state_of(PyObject *self) {
    PyObject *mod = PyType_GetModule(Py_TYPE(self));
    return mod == NULL ? NULL : get_state(mod);
}

/* bytes or str -> UTF-8 (the str keeps its cached copy alive). */
static const char *json_bytes(PyObject *data, Py_ssize_t *len) {
    if (PyBytes_Check(data)) {
        *len = PyBytes_GET_SIZE(data);
        return PyBytes_AS_STRING(data);
    }
    if (PyUnicode_Check(data)) {
        return text_utf8(data, len);
    }
    type_error("lexicon JSON must be str or bytes", data);
    return NULL;
}

static int Lexicon_init(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    LexiconObject *self = (LexiconObject *)self_obj;
    static char *kwlist[] = {"data", "source", "on_duplicate", NULL};
    PyObject *data;
    const char *source = "<lexicon>";
    const char *policy_name = "error";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ss", kwlist, &data, &source, &policy_name)) {
        return -1;
    }
    if (self->lex != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Lexicon is already initialised");
        return -1;
    }
    fl_duplicates policy;
    if (parse_policy(policy_name, &policy) < 0) {
        return -1;
    }
    Py_ssize_t len;
    const char *json = json_bytes(data, &len);
    if (json == NULL) {
        return -1;
    }
    module_state *ms = state_of(self_obj);
    if (ms == NULL) {
        return -1;
    }
    fl_error err;
    fl_lexicon *lex = NULL;
    fl_builder *b = NULL;
    fl_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fl_builder_new(source, NULL, &b);
    if (st == FL_OK) {
        fl_builder_set_duplicates(b, policy);
        st = fl_builder_load_json(b, json, (size_t)len, &err);
        if (st == FL_OK) {
            st = fl_builder_compile(b, &lex, &err);
        }
    } else {
        err.code = st;
    }
    fl_builder_free(b);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        raise_lexicon_error(ms, source, &err);
        return -1;
    }
    self->lex = lex;
    Py_XSETREF(self->source, PyUnicode_FromString(source));
    return self->source == NULL ? -1 : 0;
}

static void Lexicon_dealloc(PyObject *self_obj) {
    LexiconObject *self = (LexiconObject *)self_obj;
    PyTypeObject *tp = Py_TYPE(self_obj);
    PyObject_GC_UnTrack(self_obj);
    fl_lexicon_free(self->lex);
    self->lex = NULL;
    Py_CLEAR(self->source);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self_obj);
    Py_DECREF(tp);
}

static int Lexicon_traverse(PyObject *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int check_ready(LexiconObject *self) {
    if (self->lex == NULL) {
        PyErr_SetString(PyExc_ValueError, "Lexicon is not initialised");
        return -1;
    }
    return 0;
}

static PyObject *str_n(const char *s, size_t n) {
    return PyUnicode_DecodeUTF8(s != NULL ? s : "", (Py_ssize_t)n, "replace");
}

/* A JSON path of the value being converted, for the one error conversion can have. */
typedef struct value_path {
    const struct value_path *up;
    const char *key; /* with key_len, or NULL for an array index */
    size_t key_len;
    size_t index;
} value_path;

static void format_path(const value_path *p, char *buf, size_t cap) {
    if (p == NULL) {
        buf[0] = '\0';
        return;
    }
    format_path(p->up, buf, cap);
    size_t used = strlen(buf);
    if (used + 1 >= cap) {
        return;
    }
    if (p->key != NULL) {
        snprintf(buf + used, cap - used, "%s%.*s", used ? "." : "",
                 (int)(p->key_len > 100 ? 100 : p->key_len), p->key);
    } else {
        snprintf(buf + used, cap - used, "[%zu]", p->index);
    }
}

/* A value tree as Python objects: dict, list, str, int (a number written without a fraction
 * or exponent, every digit kept), float, bool, None. Only an integer longer than Python
 * reads (sys.get_int_max_str_digits()) fails, as a LexiconError naming its path. */
static PyObject *value_to_py(module_state *ms, const char *source, const fl_value *v,
                             const value_path *path) {
    size_t len;
    const char *text;
    switch (fl_value_kind_of(v)) {
    case FL_VALUE_NULL:
        Py_RETURN_NONE;
    case FL_VALUE_FALSE:
        Py_RETURN_FALSE;
    case FL_VALUE_TRUE:
        Py_RETURN_TRUE;
    case FL_VALUE_STRING:
        text = fl_value_text(v, &len);
        return str_n(text, len);
    case FL_VALUE_NUMBER: {
        text = fl_value_text(v, &len);
        bool integral = text != NULL && memchr(text, '.', len) == NULL &&
                        memchr(text, 'e', len) == NULL && memchr(text, 'E', len) == NULL;
        if (!integral) {
            return PyFloat_FromDouble(fl_value_number(v));
        }
        PyObject *s = str_n(text, len);
        PyObject *n = s == NULL ? NULL
                                : PyObject_CallFunctionObjArgs((PyObject *)&PyLong_Type, s, NULL);
        Py_XDECREF(s);
        if (n == NULL && PyErr_ExceptionMatches(PyExc_ValueError)) {
            PyErr_Clear();
            char where[FL_ERROR_PATH_SIZE];
            format_path(path, where, sizeof where);
            fl_error e;
            memset(&e, 0, sizeof e);
            e.code = FL_ERR_SCHEMA;
            e.item = SIZE_MAX;
            snprintf(e.path, sizeof e.path, "%s", where);
            snprintf(e.detail, sizeof e.detail,
                     "an integer of %zu digits is longer than Python reads "
                     "(sys.get_int_max_str_digits())",
                     len);
            snprintf(e.message, sizeof e.message, "%.200s: %s: %s", source, e.path, e.detail);
            return raise_lexicon_error(ms, source, &e);
        }
        return n;
    }
    case FL_VALUE_ARRAY: {
        size_t n = fl_value_count(v);
        PyObject *list = PyList_New((Py_ssize_t)n);
        for (size_t i = 0; list != NULL && i < n; i++) {
            value_path p = {path, NULL, 0, i};
            PyObject *o = value_to_py(ms, source, fl_value_item(v, i), &p);
            if (o == NULL) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, (Py_ssize_t)i, o);
        }
        return list;
    }
    case FL_VALUE_OBJECT: {
        size_t n = fl_value_count(v);
        PyObject *dict = PyDict_New();
        for (size_t i = 0; dict != NULL && i < n; i++) {
            size_t klen;
            const char *key = fl_value_key(v, i, &klen);
            value_path p = {path, key != NULL ? key : "", klen, 0};
            PyObject *k = str_n(key, klen);
            PyObject *o = k == NULL ? NULL : value_to_py(ms, source, fl_value_item(v, i), &p);
            if (o == NULL || PyDict_SetItem(dict, k, o) < 0) {
                Py_XDECREF(k);
                Py_XDECREF(o);
                Py_CLEAR(dict);
                break;
            }
            Py_DECREF(k);
            Py_DECREF(o);
        }
        return dict;
    }
    }
    Py_RETURN_NONE;
}

/* A new dict of an item's free-form data, after optional string fields (name, NULL pairs
 * skipped). base names the item in a conversion error. */
static PyObject *info_dict(LexiconObject *self, const fl_value *extras, const char *base,
                           const char *k1, const char *s1, size_t l1, const char *k2,
                           const char *s2, size_t l2) {
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    const char *keys[2] = {k1, k2};
    const char *strs[2] = {s1, s2};
    size_t lens[2] = {l1, l2};
    for (int i = 0; i < 2; i++) {
        if (keys[i] == NULL || strs[i] == NULL) {
            continue;
        }
        PyObject *o = str_n(strs[i], lens[i]);
        if (o == NULL || PyDict_SetItemString(dict, keys[i], o) < 0) {
            Py_XDECREF(o);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(o);
    }
    if (extras != NULL) {
        module_state *ms = state_of((PyObject *)self);
        const char *source = PyUnicode_AsUTF8AndSize(self->source, NULL);
        if (ms == NULL || source == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        value_path top = {NULL, base, strlen(base), 0};
        PyObject *more = value_to_py(ms, source, extras, base[0] ? &top : NULL);
        if (more == NULL || PyDict_Update(dict, more) < 0) {
            Py_XDECREF(more);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(more);
    }
    return dict;
}

PyDoc_STRVAR(Lexicon_terms_doc,
             "terms($self, start=0, stop=None, /)\n--\n\n"
             "Returns list[tuple[str, tuple[int, ...], float, bool, tuple[str, ...], dict]]: "
             "(term, category indices (the main one first), weight, case_sensitive, variants, "
             "metadata: its source/note/meta) for each term of index start <= i < stop.");

static PyObject *Lexicon_terms(PyObject *self_obj, PyObject *args) {
    LexiconObject *self = (LexiconObject *)self_obj;
    Py_ssize_t start = 0;
    PyObject *stop_obj = Py_None;
    if (!PyArg_ParseTuple(args, "|nO:terms", &start, &stop_obj) || check_ready(self) < 0) {
        return NULL;
    }
    size_t count = fl_lexicon_term_count(self->lex);
    Py_ssize_t stop = (Py_ssize_t)count;
    if (stop_obj != Py_None && (stop = PyLong_AsSsize_t(stop_obj)) == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (start < 0 || stop < start || (size_t)stop > count) {
        PyErr_Format(PyExc_IndexError, "terms(%zd, %zd): the lexicon has %zu terms", start, stop,
                     count);
        return NULL;
    }
    size_t n = (size_t)(stop - start);
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (list == NULL) {
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    for (size_t j = 0; j < n; j++) {
        size_t i = (size_t)start + j;
        fl_term_info t;
        fl_lexicon_term(self->lex, i, &t);
        PyObject *vars = t.n_variants ? PyTuple_New(t.n_variants) : Py_NewRef(empty);
        PyObject *cats = PyTuple_New(t.n_categories);
        PyObject *meta = NULL;
        if (vars == NULL || cats == NULL) {
            goto fail;
        }
        for (uint32_t v = 0; v < t.n_variants; v++) {
            const char *s;
            size_t len;
            fl_lexicon_variant(self->lex, i, v, &s, &len);
            PyObject *o = str_n(s, len);
            if (o == NULL) {
                goto fail;
            }
            PyTuple_SET_ITEM(vars, v, o);
        }
        for (uint32_t k = 0; k < t.n_categories; k++) {
            uint32_t c;
            fl_lexicon_term_category(self->lex, i, k, &c);
            PyObject *o = PyLong_FromUnsignedLong(c);
            if (o == NULL) {
                goto fail;
            }
            PyTuple_SET_ITEM(cats, k, o);
        }
        char base[48];
        snprintf(base, sizeof base, "terms[%zu]", i);
        if ((meta = info_dict(self, t.extras, base, NULL, NULL, 0, NULL, NULL, 0)) == NULL) {
            goto fail;
        }
        PyObject *row = Py_BuildValue("(NNdONN)", str_n(t.term, t.term_len), cats, t.weight,
                                      t.case_sensitive ? Py_True : Py_False, vars, meta);
        if (row == NULL) {
            Py_DECREF(empty);
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)j, row);
        continue;
    fail:
        Py_XDECREF(vars);
        Py_XDECREF(cats);
        Py_XDECREF(meta);
        Py_DECREF(empty);
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(empty);
    return list;
}

PyDoc_STRVAR(Lexicon_term_count_doc,
             "term_count($self, /)\n--\n\nReturns int: the number of terms.");

static PyObject *Lexicon_term_count(PyObject *self_obj, PyObject *unused) {
    (void)unused;
    LexiconObject *self = (LexiconObject *)self_obj;
    if (check_ready(self) < 0) {
        return NULL;
    }
    return PyLong_FromSize_t(fl_lexicon_term_count(self->lex));
}

PyDoc_STRVAR(Lexicon_term_columns_doc,
             "term_columns($self, /)\n--\n\n"
             "Returns (list[str], bytes, bytes, bytes): every term as columns, without an object "
             "per term beyond its text: the terms' "
             "texts, their main category indices (u4), weights (f8) and numbers of categories "
             "(u4), native-endian.");

static PyObject *Lexicon_term_columns(PyObject *self_obj, PyObject *unused) {
    (void)unused;
    LexiconObject *self = (LexiconObject *)self_obj;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_term_count(self->lex);
    PyObject *names = PyList_New((Py_ssize_t)n);
    PyObject *cat = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * sizeof(uint32_t)));
    PyObject *weight = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * sizeof(double)));
    PyObject *ncat = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * sizeof(uint32_t)));
    if (names == NULL || cat == NULL || weight == NULL || ncat == NULL) {
        goto fail;
    }
    uint32_t *c = (uint32_t *)(void *)PyBytes_AS_STRING(cat);
    double *w = (double *)(void *)PyBytes_AS_STRING(weight);
    uint32_t *k = (uint32_t *)(void *)PyBytes_AS_STRING(ncat);
    for (size_t i = 0; i < n; i++) {
        fl_term_info t;
        fl_lexicon_term(self->lex, i, &t);
        PyObject *o = str_n(t.term, t.term_len);
        if (o == NULL) {
            goto fail;
        }
        PyList_SET_ITEM(names, (Py_ssize_t)i, o);
        c[i] = t.category;
        w[i] = t.weight;
        k[i] = t.n_categories;
    }
    PyObject *out = PyTuple_Pack(4, names, cat, weight, ncat);
    Py_DECREF(names);
    Py_DECREF(cat);
    Py_DECREF(weight);
    Py_DECREF(ncat);
    return out;
fail:
    Py_XDECREF(names);
    Py_XDECREF(cat);
    Py_XDECREF(weight);
    Py_XDECREF(ncat);
    return NULL;
}

PyDoc_STRVAR(Lexicon_categories_doc,
             "categories($self, /)\n--\n\n"
             "Returns list[tuple[str, dict, bool]]: (name, data, declared) by category index; data "
             "holds the description, color, "
             "source, note and meta the category was declared with ({} when it was not "
             "declared).");

static PyObject *Lexicon_categories(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_category_count(self->lex);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        fl_category_info c;
        fl_lexicon_category_info(self->lex, i, &c);
        char base[FL_ERROR_PATH_SIZE];
        snprintf(base, sizeof base, "categories.%.*s", (int)(c.name_len > 100 ? 100 : c.name_len),
                 c.name);
        PyObject *info = info_dict(self, c.extras, base, "description", c.description,
                                   c.description_len, "color", c.color, c.color_len);
        PyObject *row = info == NULL ? NULL
                                     : Py_BuildValue("(NNO)", str_n(c.name, c.name_len), info,
                                                     c.declared ? Py_True : Py_False);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_contrasts_doc,
             "contrasts($self, /)\n--\n\n"
             "Returns list[tuple[str, list[tuple[str, list[tuple[int, int]]]], dict]]: "
             "(name, [(option, [(term index, spelling), ...]), ...], data) for each contrast "
             "set. spelling is -1 for all of the term's spellings, v + 1 for its variant v. "
             "data holds its description, source, note and meta.");

static PyObject *Lexicon_contrasts(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_contrast_count(self->lex);
    PyObject *list = PyList_New(0);
    for (size_t c = 0; list != NULL && c < n; c++) {
        fl_contrast_info ci;
        fl_lexicon_contrast(self->lex, c, &ci);
        PyObject *opts = PyList_New(0);
        for (uint32_t o = 0; opts != NULL && o < ci.n_options; o++) {
            const char *name;
            size_t name_len;
            const fl_reference *refs;
            size_t nr;
            fl_lexicon_contrast_option(self->lex, c, o, &name, &name_len, &refs, &nr);
            PyObject *idx = PyList_New((Py_ssize_t)nr);
            for (size_t k = 0; idx != NULL && k < nr; k++) {
                long spelling = refs[k].spelling == FL_ALL_SPELLINGS ? -1L : (long)refs[k].spelling;
                PyObject *v = Py_BuildValue("(kl)", (unsigned long)refs[k].term, spelling);
                if (v == NULL) {
                    Py_CLEAR(idx);
                    break;
                }
                PyList_SET_ITEM(idx, (Py_ssize_t)k, v);
            }
            PyObject *row = idx == NULL ? NULL : Py_BuildValue("(NN)", str_n(name, name_len), idx);
            if (row == NULL || PyList_Append(opts, row) < 0) {
                Py_XDECREF(row);
                Py_CLEAR(opts);
                break;
            }
            Py_DECREF(row);
        }
        char base[48];
        snprintf(base, sizeof base, "contrasts[%zu]", c);
        PyObject *info = opts == NULL
                             ? NULL
                             : info_dict(self, ci.extras, base, "description", ci.description,
                                         ci.description_len, NULL, NULL, 0);
        PyObject *row = info == NULL
                            ? NULL
                            : Py_BuildValue("(NNN)", str_n(ci.name, ci.name_len), opts, info);
        if (info == NULL) {
            Py_XDECREF(opts);
        }
        if (row == NULL || PyList_Append(list, row) < 0) {
            Py_XDECREF(row);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(row);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_exclusions_doc, "exclusions($self, /)\n--\n\n"
                                     "Returns list[str]: the exclusion phrases.");

static PyObject *Lexicon_exclusions(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_exclusion_count(self->lex);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        const char *s;
        size_t len;
        fl_lexicon_exclusion(self->lex, i, &s, &len);
        PyObject *o = str_n(s, len);
        if (o == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, o);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_actors_doc, "actors($self, /)\n--\n\n"
                                 "Returns list[tuple[str, tuple[str, ...], dict]]: (name, aliases, "
                                 "metadata: its source/note/meta) for each actor.");

static PyObject *Lexicon_actors(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_actor_count(self->lex);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        fl_actor_info a;
        fl_lexicon_actor(self->lex, i, &a);
        PyObject *aliases = PyTuple_New(a.n_aliases);
        for (uint32_t k = 0; aliases != NULL && k < a.n_aliases; k++) {
            const char *s;
            size_t len;
            fl_lexicon_actor_alias(self->lex, i, k, &s, &len);
            PyObject *o = str_n(s, len);
            if (o == NULL) {
                Py_CLEAR(aliases);
                break;
            }
            PyTuple_SET_ITEM(aliases, k, o);
        }
        char base[48];
        snprintf(base, sizeof base, "actors[%zu]", i);
        PyObject *meta = aliases == NULL
                             ? NULL
                             : info_dict(self, a.extras, base, NULL, NULL, 0, NULL, NULL, 0);
        if (meta == NULL) {
            Py_XDECREF(aliases);
        }
        PyObject *row = meta == NULL
                            ? NULL
                            : Py_BuildValue("(NNN)", str_n(a.name, a.name_len), aliases, meta);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_metadata_doc, "metadata($self, /)\n--\n\n"
                                   "Returns a dict: the lexicon's name, version, language, "
                                   "description, source, note and meta (the "
                                   "keys it has).");

static PyObject *Lexicon_metadata(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t ln = 0, lv = 0;
    const char *name = fl_lexicon_meta(self->lex, "name", &ln);
    const char *version = fl_lexicon_meta(self->lex, "version", &lv);
    PyObject *dict = info_dict(self, NULL, "", "name", name, ln, "version", version, lv);
    if (dict == NULL) {
        return NULL;
    }
    size_t ll = 0, ld = 0;
    const char *language = fl_lexicon_meta(self->lex, "language", &ll);
    const char *description = fl_lexicon_meta(self->lex, "description", &ld);
    PyObject *more = info_dict(self, fl_lexicon_extras(self->lex), "", "language", language, ll,
                               "description", description, ld);
    if (more == NULL || PyDict_Update(dict, more) < 0) {
        Py_XDECREF(more);
        Py_DECREF(dict);
        return NULL;
    }
    Py_DECREF(more);
    return dict;
}

PyDoc_STRVAR(Lexicon_duplicates_doc, "duplicates($self, /)\n--\n\n"
                                     "Returns tuple[int, int, int]: (terms dropped, terms merged, "
                                     "variants dropped) by the duplicate policy.");

static PyObject *Lexicon_duplicates(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    fl_duplicate_counts d;
    fl_lexicon_duplicates(self->lex, &d);
    return Py_BuildValue("(nnn)", (Py_ssize_t)d.terms_dropped, (Py_ssize_t)d.terms_merged,
                         (Py_ssize_t)d.variants_dropped);
}

PyDoc_STRVAR(Lexicon_meta_doc, "meta($self, key, /)\n--\n\n"
                               "Returns str | None: the top-level string 'name', 'version', "
                               "'language' or 'description'.");

static PyObject *Lexicon_meta(PyObject *self_obj, PyObject *arg) {
    LexiconObject *self = (LexiconObject *)self_obj;
    if (check_ready(self) < 0) {
        return NULL;
    }
    const char *key = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (key == NULL) {
        return NULL;
    }
    size_t len;
    const char *s = fl_lexicon_meta(self->lex, key, &len);
    if (s == NULL) {
        Py_RETURN_NONE;
    }
    return str_n(s, len);
}

static PyObject *Lexicon_get_source(PyObject *self_obj, void *closure) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)closure;
    if (self->source == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(self->source);
}

static PyMethodDef Lexicon_methods[] = {
    {"terms", Lexicon_terms, METH_VARARGS, Lexicon_terms_doc},
    {"term_count", Lexicon_term_count, METH_NOARGS, Lexicon_term_count_doc},
    {"term_columns", Lexicon_term_columns, METH_NOARGS, Lexicon_term_columns_doc},
    {"categories", Lexicon_categories, METH_NOARGS, Lexicon_categories_doc},
    {"contrasts", Lexicon_contrasts, METH_NOARGS, Lexicon_contrasts_doc},
    {"exclusions", Lexicon_exclusions, METH_NOARGS, Lexicon_exclusions_doc},
    {"actors", Lexicon_actors, METH_NOARGS, Lexicon_actors_doc},
    {"metadata", Lexicon_metadata, METH_NOARGS, Lexicon_metadata_doc},
    {"duplicates", Lexicon_duplicates, METH_NOARGS, Lexicon_duplicates_doc},
    {"meta", Lexicon_meta, METH_O, Lexicon_meta_doc},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Lexicon_getset[] = {
    {"source", Lexicon_get_source, NULL, "Name of the lexicon's source, for messages.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(Lexicon_doc, "Lexicon(data, source='<lexicon>', on_duplicate='error')\n--\n\n"
                          "A compiled lexicon from JSON text (str or bytes), read once by the C "
                          "core. on_duplicate: 'error', 'first' or 'merge'. Immutable and safe "
                          "to share between threads.");

static PyType_Slot Lexicon_slots[] = {
    {Py_tp_doc, (void *)Lexicon_doc},
    {Py_tp_init, Lexicon_init},
    {Py_tp_dealloc, Lexicon_dealloc},
    {Py_tp_traverse, Lexicon_traverse},
    {Py_tp_methods, Lexicon_methods},
    {Py_tp_getset, Lexicon_getset},
    {0, NULL},
};

static PyType_Spec Lexicon_spec = {
    .name = "framelens._core.Lexicon",
    .basicsize = sizeof(LexiconObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = Lexicon_slots,
};

/* ------------------------------------------------------------------ Builder */

typedef struct {
    PyObject_HEAD
    fl_builder *b;
    PyObject *source;
    int busy; /* a call runs with the GIL released: other threads must not touch b */
} BuilderObject;

static int Builder_init(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    BuilderObject *self = (BuilderObject *)self_obj;
    static char *kwlist[] = {"source", "on_duplicate", NULL};
    const char *source = "<lexicon>";
    const char *policy_name = "error";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ss", kwlist, &source, &policy_name)) {
        return -1;
    }
    fl_duplicates policy;
    if (parse_policy(policy_name, &policy) < 0) {
        return -1;
    }
    if (self->b != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Builder is already initialised");
        return -1;
    }
    if (fl_builder_new(source, NULL, &self->b) != FL_OK) {
        PyErr_NoMemory();
        return -1;
    }
    fl_builder_set_duplicates(self->b, policy);
    Py_XSETREF(self->source, PyUnicode_FromString(source));
    return self->source == NULL ? -1 : 0;
}

static void Builder_dealloc(PyObject *self_obj) {
    BuilderObject *self = (BuilderObject *)self_obj;
    PyTypeObject *tp = Py_TYPE(self_obj);
    PyObject_GC_UnTrack(self_obj);
    fl_builder_free(self->b);
    self->b = NULL;
    Py_CLEAR(self->source);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self_obj);
    Py_DECREF(tp);
}

static int Builder_traverse(PyObject *self, visitproc visit, void *arg) {
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int builder_ready(BuilderObject *self) {
    if (self->b == NULL) {
        PyErr_SetString(PyExc_ValueError, "Builder is not initialised");
        return -1;
    }
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "Builder is in use by another thread");
        return -1;
    }
    return 0;
}

/* The builder's status as a Python result: None, or the LexiconError (MemoryError). */
static PyObject *builder_result(BuilderObject *self, fl_status st, const fl_error *err) {
    if (st == FL_OK) {
        Py_RETURN_NONE;
    }
    module_state *ms = state_of((PyObject *)self);
    const char *source = PyUnicode_AsUTF8AndSize(self->source, NULL);
    if (ms == NULL || source == NULL) {
        return NULL;
    }
    if (st == FL_ERR_ARG) {
        PyErr_SetString(PyExc_ValueError, err->message[0] ? err->message : "invalid argument");
        return NULL;
    }
    return raise_lexicon_error(ms, source, err);
}

/* An optional str argument (None: not given). */
static int opt_str(PyObject *o, fl_str *out, const char *what) {
    out->ptr = NULL;
    out->len = 0;
    if (o == NULL || o == Py_None) {
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        type_errorf(o, "%s must be str or None", what);
        return -1;
    }
    Py_ssize_t len;
    out->ptr = text_utf8(o, &len);
    out->len = (size_t)len;
    return out->ptr == NULL ? -1 : 0;
}

/* A sequence of str as fl_str items in a PyMem block (*items NULL when empty). A str alone
 * counts as a sequence of one. seq keeps the strings alive: release it after use. */
static int str_list(PyObject *o, fl_str **items, size_t *n, PyObject **seq, const char *what) {
    *items = NULL;
    *n = 0;
    *seq = NULL;
    if (o == NULL || o == Py_None) {
        return 0;
    }
    if (PyUnicode_Check(o)) {
        *seq = PyTuple_Pack(1, o);
    } else {
        *seq = PySequence_Tuple(o);
    }
    if (*seq == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "%s must be a sequence of str", what);
        }
        return -1;
    }
    Py_ssize_t count = PyTuple_GET_SIZE(*seq);
    if (count == 0) {
        return 0;
    }
    *items = PyMem_Calloc((size_t)count, sizeof(fl_str));
    if (*items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *s = PyTuple_GET_ITEM(*seq, i);
        if (!PyUnicode_Check(s)) {
            type_errorf(s, "%s[%zd] must be str", what, i);
            return -1;
        }
        Py_ssize_t len;
        (*items)[i].ptr = text_utf8(s, &len);
        if ((*items)[i].ptr == NULL) {
            return -1;
        }
        (*items)[i].len = (size_t)len;
    }
    *n = (size_t)count;
    return 0;
}

static fl_place make_place(unsigned long line, unsigned long column) {
    fl_place p;
    p.line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    p.column = column > UINT32_MAX ? UINT32_MAX : (uint32_t)column;
    return p;
}

PyDoc_STRVAR(Builder_set_meta_doc, "set_meta($self, key, value, /)\n--\n\n"
                                   "Sets 'name', 'version', 'language' or 'description'.");

static PyObject *Builder_set_meta(PyObject *self_obj, PyObject *args) {
    BuilderObject *self = (BuilderObject *)self_obj;
    const char *key;
    const char *value;
    Py_ssize_t len;
    if (builder_ready(self) < 0 || !PyArg_ParseTuple(args, "ss#:set_meta", &key, &value, &len)) {
        return NULL;
    }
    fl_error err;
    fl_status st = fl_builder_set_meta(self->b, key, value, (size_t)len, &err);
    return builder_result(self, st, &err);
}

PyDoc_STRVAR(Builder_set_extras_doc, "set_extras($self, json, /)\n--\n\n"
                                     "The lexicon's source/note/meta as a JSON object text.");

static PyObject *Builder_set_extras(PyObject *self_obj, PyObject *arg) {
    BuilderObject *self = (BuilderObject *)self_obj;
    fl_str s;
    if (builder_ready(self) < 0 || opt_str(arg, &s, "json") < 0) {
        return NULL;
    }
    if (s.ptr == NULL) {
        Py_RETURN_NONE;
    }
    fl_error err;
    fl_status st = fl_builder_set_extras(self->b, s.ptr, s.len, &err);
    return builder_result(self, st, &err);
}

PyDoc_STRVAR(Builder_add_category_doc,
             "add_category($self, /, name, description=None, color=None, extras=None, line=0, "
             "column=0)\n--\n\n"
             "Declares a category. extras: JSON object text with source, note, meta.");

static PyObject *Builder_add_category(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    BuilderObject *self = (BuilderObject *)self_obj;
    static char *kwlist[] = {"name", "description", "color", "extras", "line", "column", NULL};
    PyObject *name, *description = NULL, *color = NULL, *extras = NULL;
    unsigned long line = 0, column = 0;
    if (builder_ready(self) < 0 ||
        !PyArg_ParseTupleAndKeywords(args, kwds, "U|OOOkk:add_category", kwlist, &name,
                                     &description, &color, &extras, &line, &column)) {
        return NULL;
    }
    fl_category_spec spec;
    memset(&spec, 0, sizeof spec);
    if (opt_str(name, &spec.name, "name") < 0 ||
        opt_str(description, &spec.description, "description") < 0 ||
        opt_str(color, &spec.color, "color") < 0 || opt_str(extras, &spec.extras, "extras") < 0) {
        return NULL;
    }
    spec.place = make_place(line, column);
    fl_error err;
    fl_status st = fl_builder_add_category(self->b, &spec, &err);
    return builder_result(self, st, &err);
}

PyDoc_STRVAR(Builder_add_term_doc,
             "add_term($self, /, term, categories, weight=1.0, case_sensitive=False, "
             "variants=None, extras=None, line=0, column=0)\n--\n\n"
             "Adds a term; categories: a str or a sequence of str (the main one first). extras: "
             "JSON object text with source, note, meta.");

static PyObject *Builder_add_term(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    BuilderObject *self = (BuilderObject *)self_obj;
    static char *kwlist[] = {"term", "categories", "weight", "case_sensitive", "variants", "extras",
                             "line", "column",     NULL};
    PyObject *term, *categories, *variants = NULL, *extras = NULL;
    double weight = 1.0;
    int case_sensitive = 0;
    unsigned long line = 0, column = 0;
    if (builder_ready(self) < 0 ||
        !PyArg_ParseTupleAndKeywords(args, kwds, "UO|dpOOkk:add_term", kwlist, &term, &categories,
                                     &weight, &case_sensitive, &variants, &extras, &line,
                                     &column)) {
        return NULL;
    }
    fl_term_spec spec;
    memset(&spec, 0, sizeof spec);
    fl_str *cats = NULL;
    fl_str *vars = NULL;
    PyObject *cat_seq = NULL;
    PyObject *var_seq = NULL;
    PyObject *out = NULL;
    if (opt_str(term, &spec.term, "term") < 0 || opt_str(extras, &spec.extras, "extras") < 0 ||
        str_list(categories, &cats, &spec.n_categories, &cat_seq, "categories") < 0 ||
        str_list(variants, &vars, &spec.n_variants, &var_seq, "variants") < 0) {
        goto done;
    }
    spec.categories = cats;
    spec.variants = vars;
    spec.weight = weight;
    spec.case_sensitive = case_sensitive;
    spec.place = make_place(line, column);
    fl_error err;
    fl_status st = fl_builder_add_term(self->b, &spec, &err);
    out = builder_result(self, st, &err);
done:
    PyMem_Free(cats);
    PyMem_Free(vars);
    Py_XDECREF(cat_seq);
    Py_XDECREF(var_seq);
    return out;
}

PyDoc_STRVAR(Builder_add_exclusion_doc, "add_exclusion($self, /, phrase, line=0, column=0)\n--\n\n"
                                        "Adds an exclusion phrase.");

/* The builder's calls that take one string and the place it was written at. */
typedef fl_status (*add_string_fn)(fl_builder *, const char *, size_t, fl_place, fl_error *);

static PyObject *builder_add_string(PyObject *self_obj, PyObject *args, PyObject *kwds,
                                    const char *format, char **kwlist, add_string_fn add) {
    BuilderObject *self = (BuilderObject *)self_obj;
    PyObject *str;
    unsigned long line = 0, column = 0;
    fl_str s;
    if (builder_ready(self) < 0 ||
        !PyArg_ParseTupleAndKeywords(args, kwds, format, kwlist, &str, &line, &column) ||
        opt_str(str, &s, kwlist[0]) < 0) {
        return NULL;
    }
    fl_error err;
    fl_status st = add(self->b, s.ptr, s.len, make_place(line, column), &err);
    return builder_result(self, st, &err);
}

static PyObject *Builder_add_exclusion(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"phrase", "line", "column", NULL};
    return builder_add_string(self_obj, args, kwds, "U|kk:add_exclusion", kwlist,
                              fl_builder_add_exclusion);
}

PyDoc_STRVAR(Builder_add_contrast_doc,
             "add_contrast($self, /, name, description=None, extras=None, line=0, "
             "column=0)\n--\n\n"
             "Starts a contrast; add its options with add_option().");

static PyObject *Builder_add_contrast(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    BuilderObject *self = (BuilderObject *)self_obj;
    static char *kwlist[] = {"name", "description", "extras", "line", "column", NULL};
    PyObject *name, *description = NULL, *extras = NULL;
    unsigned long line = 0, column = 0;
    if (builder_ready(self) < 0 ||
        !PyArg_ParseTupleAndKeywords(args, kwds, "U|OOkk:add_contrast", kwlist, &name, &description,
                                     &extras, &line, &column)) {
        return NULL;
    }
    fl_contrast_spec spec;
    memset(&spec, 0, sizeof spec);
    if (opt_str(name, &spec.name, "name") < 0 ||
        opt_str(description, &spec.description, "description") < 0 ||
        opt_str(extras, &spec.extras, "extras") < 0) {
        return NULL;
    }
    spec.place = make_place(line, column);
    fl_error err;
    fl_status st = fl_builder_add_contrast(self->b, &spec, &err);
    return builder_result(self, st, &err);
}

PyDoc_STRVAR(Builder_add_option_doc, "add_option($self, /, name, line=0, column=0)\n--\n\n"
                                     "Adds an option to the last contrast.");

static PyObject *Builder_add_option(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"name", "line", "column", NULL};
    return builder_add_string(self_obj, args, kwds, "U|kk:add_option", kwlist,
                              fl_builder_add_option);
}

PyDoc_STRVAR(Builder_add_reference_doc,
             "add_reference($self, /, text, line=0, column=0)\n--\n\n"
             "Adds a reference (a term's text or a variant's) to the last option.");

static PyObject *Builder_add_reference(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"text", "line", "column", NULL};
    return builder_add_string(self_obj, args, kwds, "U|kk:add_reference", kwlist,
                              fl_builder_add_reference);
}

PyDoc_STRVAR(Builder_add_actor_doc,
             "add_actor($self, /, name, aliases=None, extras=None, line=0, column=0)\n--\n\n"
             "Adds an actor.");

static PyObject *Builder_add_actor(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    BuilderObject *self = (BuilderObject *)self_obj;
    static char *kwlist[] = {"name", "aliases", "extras", "line", "column", NULL};
    PyObject *name, *aliases = NULL, *extras = NULL;
    unsigned long line = 0, column = 0;
    if (builder_ready(self) < 0 ||
        !PyArg_ParseTupleAndKeywords(args, kwds, "U|OOkk:add_actor", kwlist, &name, &aliases,
                                     &extras, &line, &column)) {
        return NULL;
    }
    fl_actor_spec spec;
    memset(&spec, 0, sizeof spec);
    fl_str *items = NULL;
    PyObject *seq = NULL;
    PyObject *out = NULL;
    if (opt_str(name, &spec.name, "name") < 0 || opt_str(extras, &spec.extras, "extras") < 0 ||
        str_list(aliases, &items, &spec.n_aliases, &seq, "aliases") < 0) {
        goto done;
    }
    spec.aliases = items;
    spec.place = make_place(line, column);
    fl_error err;
    fl_status st = fl_builder_add_actor(self->b, &spec, &err);
    out = builder_result(self, st, &err);
done:
    PyMem_Free(items);
    Py_XDECREF(seq);
    return out;
}

PyDoc_STRVAR(Builder_load_json_doc, "load_json($self, data, /)\n--\n\nReads a lexicon in the JSON "
                                    "format (str or bytes) into the "
                                    "builder.");

static PyObject *Builder_load_json(PyObject *self_obj, PyObject *data) {
    BuilderObject *self = (BuilderObject *)self_obj;
    if (builder_ready(self) < 0) {
        return NULL;
    }
    Py_ssize_t len;
    const char *json = json_bytes(data, &len);
    if (json == NULL) {
        return NULL;
    }
    /* data stays alive (the caller holds it) while the GIL is released */
    fl_error err;
    fl_status st;
    self->busy = 1;
    Py_BEGIN_ALLOW_THREADS
    st = fl_builder_load_json(self->b, json, (size_t)len, &err);
    Py_END_ALLOW_THREADS
    self->busy = 0;
    return builder_result(self, st, &err);
}

PyDoc_STRVAR(Builder_compile_doc,
             "compile($self, /)\n--\n\n"
             "Checks and compiles the lexicon and returns it (a Lexicon); the builder is spent.");

static PyObject *Builder_compile(PyObject *self_obj, PyObject *unused) {
    BuilderObject *self = (BuilderObject *)self_obj;
    (void)unused;
    if (builder_ready(self) < 0) {
        return NULL;
    }
    module_state *ms = state_of(self_obj);
    if (ms == NULL) {
        return NULL;
    }
    allocfunc tp_alloc = (allocfunc)PyType_GetSlot(ms->LexiconType, Py_tp_alloc);
    LexiconObject *lo = (LexiconObject *)tp_alloc(ms->LexiconType, 0);
    if (lo == NULL) {
        return NULL;
    }
    fl_error err;
    fl_lexicon *lex = NULL;
    fl_status st;
    self->busy = 1;
    Py_BEGIN_ALLOW_THREADS
    st = fl_builder_compile(self->b, &lex, &err);
    Py_END_ALLOW_THREADS
    self->busy = 0;
    if (st != FL_OK) {
        Py_DECREF(lo);
        return builder_result(self, st, &err);
    }
    lo->lex = lex;
    lo->source = Py_NewRef(self->source);
    return (PyObject *)lo;
}

static PyMethodDef Builder_methods[] = {
    {"set_meta", Builder_set_meta, METH_VARARGS, Builder_set_meta_doc},
    {"set_extras", Builder_set_extras, METH_O, Builder_set_extras_doc},
    {"add_category", (PyCFunction)(void (*)(void))Builder_add_category,
     METH_VARARGS | METH_KEYWORDS, Builder_add_category_doc},
    {"add_term", (PyCFunction)(void (*)(void))Builder_add_term, METH_VARARGS | METH_KEYWORDS,
     Builder_add_term_doc},
    {"add_exclusion", (PyCFunction)(void (*)(void))Builder_add_exclusion,
     METH_VARARGS | METH_KEYWORDS, Builder_add_exclusion_doc},
    {"add_contrast", (PyCFunction)(void (*)(void))Builder_add_contrast,
     METH_VARARGS | METH_KEYWORDS, Builder_add_contrast_doc},
    {"add_option", (PyCFunction)(void (*)(void))Builder_add_option, METH_VARARGS | METH_KEYWORDS,
     Builder_add_option_doc},
    {"add_reference", (PyCFunction)(void (*)(void))Builder_add_reference,
     METH_VARARGS | METH_KEYWORDS, Builder_add_reference_doc},
    {"add_actor", (PyCFunction)(void (*)(void))Builder_add_actor, METH_VARARGS | METH_KEYWORDS,
     Builder_add_actor_doc},
    {"load_json", Builder_load_json, METH_O, Builder_load_json_doc},
    {"compile", Builder_compile, METH_NOARGS, Builder_compile_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(Builder_doc, "Builder(source='<lexicon>', on_duplicate='error')\n--\n\n"
                          "Builds a lexicon item by item (the importers use it); compile() "
                          "gives the Lexicon. One thread at a time.");

static PyType_Slot Builder_slots[] = {
    {Py_tp_doc, (void *)Builder_doc}, {Py_tp_init, Builder_init},
    {Py_tp_dealloc, Builder_dealloc}, {Py_tp_traverse, Builder_traverse},
    {Py_tp_methods, Builder_methods}, {0, NULL},
};

static PyType_Spec Builder_spec = {
    .name = "framelens._core.Builder",
    .basicsize = sizeof(BuilderObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = Builder_slots,
};

/* ------------------------------------------------------------------ analysis */

/* The lexicon argument: a Lexicon, or None for segmentation only. */
static int get_lexicon(PyObject *module, PyObject *obj, const fl_lexicon **out) {
    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    module_state *ms = get_state(module);
    if (!PyObject_TypeCheck(obj, ms->LexiconType)) {
        type_error("expected a framelens._core.Lexicon or None", obj);
        return -1;
    }
    LexiconObject *lo = (LexiconObject *)obj;
    if (check_ready(lo) < 0) {
        return -1;
    }
    *out = lo->lex;
    return 0;
}

static fl_status run_analysis(const fl_lexicon *lex, const char *s, Py_ssize_t len, fl_result *res,
                              fl_error *err) {
    fl_status st;
    if (len >= FL_GIL_MINSIZE) {
        Py_BEGIN_ALLOW_THREADS
        st = fl_analyze(lex, s, (size_t)len, res, err);
        Py_END_ALLOW_THREADS
    } else {
        st = fl_analyze(lex, s, (size_t)len, res, err);
    }
    return st;
}

/* Results of texts up to this size are kept for the next call; a larger one's arrays are
 * freed rather than held (one huge text should not pin its memory). */
#define FL_SPARE_MAX_BYTES ((Py_ssize_t)1 << 20)

static fl_result *take_result(module_state *ms) {
    fl_result *res = atomic_exchange(&ms->spare_result, NULL);
    if (res == NULL && fl_result_new(NULL, &res) != FL_OK) {
        return NULL;
    }
    return res;
}

static void give_result(module_state *ms, fl_result *res, Py_ssize_t text_len) {
    if (text_len > FL_SPARE_MAX_BYTES) {
        fl_result_free(res);
        return;
    }
    fl_result_free(atomic_exchange(&ms->spare_result, res));
}

/* The rows analyze() returns, packed: one bytes object per kind, native byte order, the
 * layouts of the *_FORMAT strings (struct module syntax) exported by the module. Packing
 * costs a copy; a row of Python objects per sentence and per match cost an allocation per
 * field, whether or not the caller ever reads it. */
typedef struct sentence_row {
    int64_t start, end; /* code point offsets */
    double score;
    uint32_t n_tokens, first_match, n_matches, first_marker, n_markers, pad;
} sentence_row;
#define SENTENCE_FORMAT "=qqdIIIIIxxxx"

typedef struct match_row {
    int64_t start, end;
    uint32_t term, sentence, spelling;
    uint32_t attribution, target; /* indexes, UINT32_MAX for none */
    uint8_t voice, negated, pad[2];
} match_row;
#define MATCH_FORMAT "=qqIIIIIBBxx"

typedef struct marker_row {
    int64_t start, end;
    uint32_t sentence;
    uint8_t kind, pad[3];
} marker_row;
#define MARKER_FORMAT "=qqIBxxx"

typedef struct attribution_row {
    int64_t speaker_start, speaker_end, cue_start, cue_end, content_start, content_end,
        content2_start, content2_end;
    uint32_t sentence;
    uint32_t speaker_actor; /* UINT32_MAX: none */
    uint32_t lemma; /* index into the cue lemmas beside the rows */
    uint8_t kind, voice, nested, pad;
} attribution_row;
#define ATTRIBUTION_FORMAT "=qqqqqqqqIIIBBBx"

_Static_assert(sizeof(sentence_row) == 48, "sentence_row matches SENTENCE_FORMAT");
_Static_assert(sizeof(attribution_row) == 80, "attribution_row matches ATTRIBUTION_FORMAT");
_Static_assert(sizeof(match_row) == 40, "match_row matches MATCH_FORMAT");
_Static_assert(sizeof(marker_row) == 24, "marker_row matches MARKER_FORMAT");

/* A bytes object of n rows of `size` bytes, uninitialised (*out: its buffer). */
static PyObject *new_rows(size_t n, size_t size, char **out) {
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * size));
    if (b != NULL) {
        *out = PyBytes_AS_STRING(b);
        if (n * size > 0) {
            memset(*out, 0, n * size);
        }
    }
    return b;
}

static PyObject *sentence_rows(const fl_result *res) {
    size_t n;
    const fl_sentence *ss = fl_result_sentences(res, &n);
    char *buf;
    PyObject *b = new_rows(n, sizeof(sentence_row), &buf);
    sentence_row *r = (sentence_row *)(void *)buf;
    for (size_t i = 0; b != NULL && i < n; i++) {
        r[i].start = (int64_t)ss[i].cp_start;
        r[i].end = (int64_t)ss[i].cp_end;
        r[i].score = ss[i].score;
        r[i].n_tokens = ss[i].n_tokens;
        r[i].first_match = ss[i].first_match;
        r[i].n_matches = ss[i].n_matches;
        r[i].first_marker = ss[i].first_marker;
        r[i].n_markers = ss[i].n_markers;
    }
    return b;
}

/* The attributions of res as (rows, lemmas): packed rows (ATTRIBUTION_FORMAT) and their cue
 * lemmas, each distinct one once, as str by the rows' lemma index. A tuple of Python objects
 * per attribution cost ten allocations each on every analyze() call, read or not (9-14 ms of
 * the 16 MB bench corpus's 60,000 attributions, a twentieth of the analysis). */
static PyObject *attribution_rows(const fl_result *res) {
    size_t n;
    const fl_attribution *as = fl_result_attributions(res, &n);
    char *buf = NULL;
    PyObject *rows = new_rows(n, sizeof(attribution_row), &buf);
    PyObject *lemmas = PyList_New(0);
    PyObject *out = NULL;
    /* the lemmas made so far (a document names a handful; past this many, a lemma seen again
     * is made again: a longer tuple, the same strings) */
    enum { LEMMAS_SEEN = 32 };
    const char *seen[LEMMAS_SEEN];
    size_t seen_len[LEMMAS_SEEN];
    size_t n_seen = 0;
    if (rows == NULL || lemmas == NULL) {
        goto done;
    }
    attribution_row *r = (attribution_row *)(void *)buf;
    for (size_t i = 0; i < n; i++) {
        const fl_attribution *a = &as[i];
        size_t k = 0;
        while (k < n_seen && (seen_len[k] != a->cue_lemma_len ||
                              memcmp(seen[k], a->cue_lemma, a->cue_lemma_len) != 0)) {
            k++;
        }
        if (k == n_seen) {
            PyObject *lemma = PyUnicode_DecodeUTF8(a->cue_lemma, (Py_ssize_t)a->cue_lemma_len,
                                                   "strict");
            int rc = lemma == NULL ? -1 : PyList_Append(lemmas, lemma);
            Py_XDECREF(lemma);
            if (rc < 0) {
                goto done;
            }
            k = (size_t)PyList_GET_SIZE(lemmas) - 1;
            if (n_seen < LEMMAS_SEEN) {
                seen[n_seen] = a->cue_lemma;
                seen_len[n_seen++] = a->cue_lemma_len;
            }
        }
        r[i].speaker_start = (int64_t)a->speaker.cp_start;
        r[i].speaker_end = (int64_t)a->speaker.cp_end;
        r[i].cue_start = (int64_t)a->cue.cp_start;
        r[i].cue_end = (int64_t)a->cue.cp_end;
        r[i].content_start = (int64_t)a->content.cp_start;
        r[i].content_end = (int64_t)a->content.cp_end;
        r[i].content2_start = (int64_t)a->content2.cp_start;
        r[i].content2_end = (int64_t)a->content2.cp_end;
        r[i].sentence = a->sentence;
        r[i].speaker_actor = a->speaker_actor;
        r[i].lemma = (uint32_t)k;
        r[i].kind = (uint8_t)a->kind;
        r[i].voice = (uint8_t)a->voice;
        r[i].nested = a->nested ? 1 : 0;
    }
    PyObject *lemma_tuple = PyList_AsTuple(lemmas);
    if (lemma_tuple != NULL) {
        out = PyTuple_Pack(2, rows, lemma_tuple);
        Py_DECREF(lemma_tuple);
    }
done:
    Py_XDECREF(rows);
    Py_XDECREF(lemmas);
    return out;
}

static PyObject *mentions_list(const fl_result *res) {
    size_t n;
    const fl_actor_mention *ms = fl_result_actor_mentions(res, &n);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        PyObject *row = Py_BuildValue("(nnII)", (Py_ssize_t)ms[i].cp_start,
                                      (Py_ssize_t)ms[i].cp_end, ms[i].actor, ms[i].sentence);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

static PyObject *match_rows(const fl_result *res) {
    size_t n;
    const fl_match *ms = fl_result_matches(res, &n);
    char *buf;
    PyObject *b = new_rows(n, sizeof(match_row), &buf);
    match_row *r = (match_row *)(void *)buf;
    for (size_t i = 0; b != NULL && i < n; i++) {
        r[i].start = (int64_t)ms[i].cp_start;
        r[i].end = (int64_t)ms[i].cp_end;
        r[i].term = ms[i].term;
        r[i].sentence = ms[i].sentence;
        r[i].spelling = ms[i].spelling;
        r[i].attribution = ms[i].attribution;
        r[i].target = ms[i].target;
        r[i].voice = ms[i].voice;
        r[i].negated = ms[i].negated;
    }
    return b;
}

static PyObject *marker_rows(const fl_result *res) {
    size_t n;
    const fl_marker *ms = fl_result_markers(res, &n);
    char *buf;
    PyObject *b = new_rows(n, sizeof(marker_row), &buf);
    marker_row *r = (marker_row *)(void *)buf;
    for (size_t i = 0; b != NULL && i < n; i++) {
        r[i].start = (int64_t)ms[i].cp_start;
        r[i].end = (int64_t)ms[i].cp_end;
        r[i].sentence = ms[i].sentence;
        r[i].kind = ms[i].kind;
    }
    return b;
}

PyDoc_STRVAR(analyze_doc,
             "analyze($module, lexicon, text, /)\n--\n\n"
             "Returns (sentences, matches, markers, attributions, mentions). lexicon: a\n"
             "Lexicon, or None to segment only. text: str.\n"
             "Three bytes objects of packed rows (struct formats SENTENCE_FORMAT, MATCH_FORMAT,\n"
             "MARKER_FORMAT): sentences (start, end, score, n_tokens, first_match, n_matches,\n"
             "first_marker, n_markers), matches (start, end, term index, sentence index,\n"
             "spelling, attribution index, target actor index (UINT32_MAX: none), voice,\n"
             "negated), markers (start, end, sentence index, kind: 0 word, 1 scare quotes);\n"
             "then the attributions as (rows, lemmas): packed rows (ATTRIBUTION_FORMAT:\n"
             "speaker_start, speaker_end, cue_start, cue_end, content_start, content_end,\n"
             "content2_start, content2_end, sentence index, speaker actor index (UINT32_MAX:\n"
             "none), cue lemma index into lemmas (a tuple of str), kind, voice, nested);\n"
             "and a list of actor mentions [(start, end, actor index, sentence index)].\n"
             "Offsets are code point offsets into text;\n"
             "match_objects() turns the matches into Match objects.");

static PyObject *core_analyze(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "analyze() takes exactly 2 arguments (lexicon, text)");
        return NULL;
    }
    const fl_lexicon *lex;
    if (get_lexicon(module, args[0], &lex) < 0) {
        return NULL;
    }
    Py_ssize_t len;
    PyObject *holder;
    const char *s = text_utf8_temp(args[1], &len, &holder);
    if (s == NULL) {
        return NULL;
    }
    module_state *ms = get_state(module);
    fl_result *res = take_result(ms);
    if (res == NULL) {
        Py_XDECREF(holder);
        return PyErr_NoMemory();
    }
    /* The text stays alive while the GIL is released: the caller holds a reference to
     * it, and holder to its UTF-8 copy. */
    fl_error err;
    fl_status st = run_analysis(lex, s, len, res, &err);
    PyObject *out = NULL;
    if (st != FL_OK) {
        raise_status(st, &err);
    } else {
        PyObject *items[5] = {sentence_rows(res), match_rows(res), marker_rows(res),
                              attribution_rows(res), mentions_list(res)};
        if (items[0] != NULL && items[1] != NULL && items[2] != NULL && items[3] != NULL &&
            items[4] != NULL) {
            out = PyTuple_Pack(5, items[0], items[1], items[2], items[3], items[4]);
        }
        for (int k = 0; k < 5; k++) {
            Py_XDECREF(items[k]);
        }
    }
    give_result(ms, res, len);
    Py_XDECREF(holder);
    return out;
}

/* What a Match takes from its term, by term index, made once per lexicon (match_terms()): a
 * compact array, so that building a match reads one 32-byte entry and the term's name. A
 * tuple of (term, category, weight, categories) per term cost three cache misses a match on
 * a 100,000-term lexicon (the row, its name, its float: scattered over the heap), which made
 * the objects of analyze() grow with the lexicon. */
typedef struct term_label {
    PyObject *name; /* the term's text */
    PyObject *categories; /* tuple of its category names (shared by single-category terms) */
    PyObject *weight; /* a float, shared by the terms of the same weight (most are 1.0) */
    uint32_t category; /* main category: index into cat_names */
} term_label;

/* Lexicons have a handful of weights: one float object each, for the first this many. */
enum { SHARED_WEIGHTS = 32 };

typedef struct match_terms {
    Py_ssize_t n; /* rows filled (all of them once made) */
    PyObject *cat_names; /* tuple of str by category index */
    term_label rows[];
} match_terms;

static const char MATCH_TERMS_CAPSULE[] = "framelens._core.match_terms";

static void match_terms_free(PyObject *capsule) {
    match_terms *mt = PyCapsule_GetPointer(capsule, MATCH_TERMS_CAPSULE);
    if (mt == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < mt->n; i++) {
        Py_XDECREF(mt->rows[i].name);
        Py_XDECREF(mt->rows[i].categories);
        Py_XDECREF(mt->rows[i].weight);
    }
    Py_XDECREF(mt->cat_names);
    PyMem_Free(mt);
}

PyDoc_STRVAR(match_terms_doc,
             "match_terms($module, lexicon, names, /)\n--\n\n"
             "Returns an opaque object for match_objects(): the term, category, weight and\n"
             "categories of every term of lexicon (a Lexicon), kept compact in C. names: the\n"
             "terms' texts (term_columns()[0]), shared rather than made again.");

static PyObject *core_match_terms(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "match_terms() takes 2 arguments (lexicon, names)");
        return NULL;
    }
    const fl_lexicon *lex;
    if (get_lexicon(module, args[0], &lex) < 0) {
        return NULL;
    }
    PyObject *names = args[1];
    if (lex == NULL || !PyList_Check(names)) {
        PyErr_SetString(PyExc_TypeError, "match_terms(Lexicon, list of str)");
        return NULL;
    }
    size_t n = fl_lexicon_term_count(lex);
    size_t n_cats = fl_lexicon_category_count(lex);
    if ((size_t)PyList_GET_SIZE(names) != n) {
        PyErr_SetString(PyExc_ValueError, "match_terms: names must hold one str per term");
        return NULL;
    }
    if (n > ((size_t)PY_SSIZE_T_MAX - sizeof(match_terms)) / sizeof(term_label)) {
        return PyErr_NoMemory();
    }
    match_terms *mt = PyMem_Calloc(1, sizeof(match_terms) + n * sizeof(term_label));
    if (mt == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *capsule = PyCapsule_New(mt, MATCH_TERMS_CAPSULE, match_terms_free);
    if (capsule == NULL) {
        PyMem_Free(mt);
        return NULL;
    }
    /* from here the capsule owns mt and frees what is filled (mt->n rows) */
    PyObject *singles = NULL; /* (name,) by category index */
    double weights[SHARED_WEIGHTS];
    PyObject *weight_objs[SHARED_WEIGHTS]; /* borrowed from the rows that made them */
    size_t n_weights = 0;
    if ((mt->cat_names = PyTuple_New((Py_ssize_t)n_cats)) == NULL ||
        (singles = PyTuple_New((Py_ssize_t)n_cats)) == NULL) {
        goto fail;
    }
    for (size_t k = 0; k < n_cats; k++) {
        size_t len;
        const char *c = fl_lexicon_category(lex, k, &len);
        PyObject *name = str_n(c, len);
        if (name == NULL) {
            goto fail;
        }
        PyTuple_SET_ITEM(mt->cat_names, (Py_ssize_t)k, name);
        PyObject *one = PyTuple_Pack(1, name);
        if (one == NULL) {
            goto fail;
        }
        PyTuple_SET_ITEM(singles, (Py_ssize_t)k, one);
    }
    for (size_t i = 0; i < n; i++) {
        fl_term_info t;
        fl_lexicon_term(lex, i, &t);
        term_label *row = &mt->rows[i];
        PyObject *name = PyList_GET_ITEM(names, (Py_ssize_t)i);
        if (!PyUnicode_Check(name)) {
            PyErr_SetString(PyExc_TypeError, "match_terms: names must hold one str per term");
            goto fail;
        }
        row->name = Py_NewRef(name);
        row->category = t.category;
        mt->n = (Py_ssize_t)i + 1;
        size_t w = 0; /* the same bits: -0.0 stays apart from 0.0 */
        while (w < n_weights && memcmp(&weights[w], &t.weight, sizeof(double)) != 0) {
            w++;
        }
        if (w < n_weights) {
            row->weight = Py_NewRef(weight_objs[w]);
        } else if ((row->weight = PyFloat_FromDouble(t.weight)) == NULL) {
            goto fail;
        } else if (n_weights < SHARED_WEIGHTS) {
            weights[n_weights] = t.weight;
            weight_objs[n_weights++] = row->weight;
        }
        if (t.n_categories == 1) {
            row->categories = Py_NewRef(PyTuple_GET_ITEM(singles, (Py_ssize_t)t.category));
            continue;
        }
        if ((row->categories = PyTuple_New(t.n_categories)) == NULL) {
            goto fail;
        }
        for (uint32_t k = 0; k < t.n_categories; k++) {
            uint32_t c;
            fl_lexicon_term_category(lex, i, k, &c);
            PyTuple_SET_ITEM(row->categories, k,
                             Py_NewRef(PyTuple_GET_ITEM(mt->cat_names, (Py_ssize_t)c)));
        }
    }
    Py_DECREF(singles);
    return capsule;
fail:
    Py_XDECREF(singles);
    Py_DECREF(capsule);
    return NULL;
}

/* A Match's fields (python/framelens/_api.py): the eleven read from its row, then the seven
 * of who says it and of whom: speaker, speaker_start, speaker_end, speaker_actor, cue,
 * cue_lemma, target. */
enum { MATCH_BASE_FIELDS = 11, MATCH_LINK_FIELDS = 7 };

PyDoc_STRVAR(match_objects_doc,
             "match_objects($module, text, matches, terms, voices, match_type, attributions,\n"
             "              actors, /)\n--\n\n"
             "Returns a list: the packed match rows of analyze() as objects of match_type (a tuple "
             "subclass,\n"
             "built without calling it): (term, surface, start, end, category, weight, voice,\n"
             "sentence, negated, categories, spelling, speaker, speaker_start, speaker_end,\n"
             "speaker_actor, cue, cue_lemma, target). terms: match_terms() of the lexicon\n"
             "(term, category, weight, categories by term index); voices[v] the name of voice v;\n"
             "attributions\n"
             "the (rows, lemmas) of the same analyze() call (a row's attribution index\n"
             "points into rows); actors[a] the name of actor a. Who says it comes from the\n"
             "attribution a row links (None where it links none), target from its actor.");

/* The object at index i of a tuple or list, borrowed; NULL with ValueError when i is out of
 * range (a row that does not fit the rows it came with). */
static PyObject *item_at(PyObject *seq, uint64_t i) {
    Py_ssize_t n = PyList_Check(seq) ? PyList_Size(seq) : PyTuple_Size(seq);
    if (n < 0 || i >= (uint64_t)n) {
        PyErr_Clear();
        PyErr_SetString(PyExc_ValueError, "match_objects: a row does not fit its text");
        return NULL;
    }
    return PyList_Check(seq) ? PyList_GetItem(seq, (Py_ssize_t)i)
                             : PyTuple_GetItem(seq, (Py_ssize_t)i);
}

/* text[start:end] (text_len code points), or NULL with ValueError when the offsets do not fit
 * it. */
static PyObject *substring(PyObject *text, Py_ssize_t text_len, int64_t start, int64_t end) {
    if (start < 0 || start > end || end > (int64_t)text_len) {
        PyErr_SetString(PyExc_ValueError, "match_objects: a row does not fit its text");
        return NULL;
    }
    return PyUnicode_Substring(text, (Py_ssize_t)start, (Py_ssize_t)end);
}

/* The attributions of an analyze() call as match_objects reads them: its (rows, lemmas). */
typedef struct attribution_table {
    const attribution_row *rows;
    Py_ssize_t n;
    PyObject *lemmas; /* tuple of str, borrowed */
} attribution_table;

/* Fills out[7] (new references; None where there is nothing) with who says the match of row
 * r and of whom. Returns -1 with an exception set on failure (out then holds what was made,
 * NULL from there on). */
static int link_fields(PyObject *text, Py_ssize_t text_len, const match_row *r,
                       const attribution_table *at, PyObject *actors,
                       PyObject *out[MATCH_LINK_FIELDS]) {
    for (int k = 0; k < MATCH_LINK_FIELDS; k++) {
        out[k] = NULL;
    }
    if (r->attribution != UINT32_MAX) {
        const attribution_row *a = (Py_ssize_t)r->attribution < at->n ? &at->rows[r->attribution]
                                                                      : NULL;
        PyObject *lemma = a != NULL ? item_at(at->lemmas, a->lemma) : NULL;
        if (a == NULL || lemma == NULL) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "match_objects: a row does not fit its text");
            return -1;
        }
        if (a->speaker_end > a->speaker_start) {
            if ((out[0] = substring(text, text_len, a->speaker_start, a->speaker_end)) == NULL ||
                (out[1] = PyLong_FromLongLong(a->speaker_start)) == NULL ||
                (out[2] = PyLong_FromLongLong(a->speaker_end)) == NULL) {
                return -1;
            }
        } else {
            out[0] = Py_NewRef(Py_None);
            out[1] = Py_NewRef(Py_None);
            out[2] = Py_NewRef(Py_None);
        }
        if (a->speaker_actor == UINT32_MAX) {
            out[3] = Py_NewRef(Py_None);
        } else {
            PyObject *name = item_at(actors, a->speaker_actor);
            if (name == NULL) {
                return -1;
            }
            out[3] = Py_NewRef(name);
        }
        if ((out[4] = substring(text, text_len, a->cue_start, a->cue_end)) == NULL) {
            return -1;
        }
        out[5] = Py_NewRef(lemma);
    } else {
        for (int k = 0; k < MATCH_LINK_FIELDS - 1; k++) {
            out[k] = Py_NewRef(Py_None);
        }
    }
    if (r->target != UINT32_MAX) {
        PyObject *name = item_at(actors, r->target);
        if (name == NULL) {
            return -1;
        }
        out[MATCH_LINK_FIELDS - 1] = Py_NewRef(name);
    } else {
        out[MATCH_LINK_FIELDS - 1] = Py_NewRef(Py_None);
    }
    return 0;
}

static PyObject *core_match_objects(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError,
                        "match_objects() takes 7 arguments (text, matches, terms, voices, "
                        "match_type, attributions, actors)");
        return NULL;
    }
    PyObject *text = args[0];
    PyObject *voices = args[3];
    PyObject *type_obj = args[4];
    PyObject *attributions = args[5];
    PyObject *actors = args[6];
    if (!PyUnicode_Check(text) || !PyBytes_Check(args[1]) ||
        !PyCapsule_IsValid(args[2], MATCH_TERMS_CAPSULE) || !PyTuple_Check(voices) ||
        !PyType_Check(type_obj) || !PyType_IsSubtype((PyTypeObject *)type_obj, &PyTuple_Type) ||
        !PyTuple_Check(attributions) || PyTuple_Size(attributions) != 2 ||
        !PyBytes_Check(PyTuple_GET_ITEM(attributions, 0)) ||
        !PyTuple_Check(PyTuple_GET_ITEM(attributions, 1)) ||
        !(PyList_Check(actors) || PyTuple_Check(actors))) {
        PyErr_SetString(PyExc_TypeError, "match_objects(str, bytes, match_terms(), tuple, a "
                                         "tuple subclass, (bytes, tuple), tuple)");
        return NULL;
    }
    PyObject *attr_rows = PyTuple_GET_ITEM(attributions, 0);
    Py_ssize_t attr_bytes = PyBytes_GET_SIZE(attr_rows);
    if (attr_bytes % (Py_ssize_t)sizeof(attribution_row) != 0) {
        PyErr_SetString(PyExc_ValueError, "match_objects: not attribution rows of analyze()");
        return NULL;
    }
    attribution_table at = {(const attribution_row *)(const void *)PyBytes_AS_STRING(attr_rows),
                            attr_bytes / (Py_ssize_t)sizeof(attribution_row),
                            PyTuple_GET_ITEM(attributions, 1)};
    PyTypeObject *type = (PyTypeObject *)type_obj;
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    Py_ssize_t size = PyBytes_GET_SIZE(args[1]);
    if (alloc == NULL || size % (Py_ssize_t)sizeof(match_row) != 0) {
        PyErr_SetString(PyExc_ValueError, "match_objects: not rows of analyze()");
        return NULL;
    }
    const match_row *r = (const match_row *)(const void *)PyBytes_AS_STRING(args[1]);
    Py_ssize_t n = size / (Py_ssize_t)sizeof(match_row);
    const match_terms *mt = PyCapsule_GetPointer(args[2], MATCH_TERMS_CAPSULE);
    Py_ssize_t n_voices = PyTuple_Size(voices);
    Py_ssize_t text_len = PyUnicode_GetLength(text);
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
#if defined(__GNUC__)
        /* on a large lexicon the term's entry and then its name are cache misses: ask for
         * them a few matches ahead (the entry first, its name once the entry is there) */
        if (i + 8 < n && r[i + 8].term < (uint64_t)mt->n) {
            __builtin_prefetch(&mt->rows[r[i + 8].term]);
        }
        if (i + 4 < n && r[i + 4].term < (uint64_t)mt->n) {
            __builtin_prefetch(mt->rows[r[i + 4].term].name, 1);
        }
#endif
        if (r[i].term >= (uint64_t)mt->n || r[i].voice >= (uint64_t)n_voices || r[i].start < 0 ||
            r[i].start > r[i].end || r[i].end > text_len) {
            PyErr_SetString(PyExc_ValueError, "match_objects: a row does not fit its text");
            Py_CLEAR(list);
            break;
        }
        const term_label *t = &mt->rows[r[i].term];
        PyObject *items[MATCH_BASE_FIELDS + MATCH_LINK_FIELDS] = {
            Py_NewRef(t->name),
            PyUnicode_Substring(text, (Py_ssize_t)r[i].start, (Py_ssize_t)r[i].end),
            PyLong_FromLongLong(r[i].start),
            PyLong_FromLongLong(r[i].end),
            Py_NewRef(PyTuple_GET_ITEM(mt->cat_names, (Py_ssize_t)t->category)),
            Py_NewRef(t->weight),
            Py_NewRef(PyTuple_GET_ITEM(voices, r[i].voice)),
            PyLong_FromUnsignedLong(r[i].sentence),
            PyBool_FromLong(r[i].negated),
            Py_NewRef(t->categories),
            PyLong_FromUnsignedLong(r[i].spelling)};
        bool ok = link_fields(text, text_len, &r[i], &at, actors, items + MATCH_BASE_FIELDS) == 0;
        /* 3.14 tuples cache their hash, -1 for "not computed yet"; tp_alloc leaves it 0,
         * which would read as a computed hash of 0 (tuple.__new__ sets -1). The limited API
         * cannot reach it: there a plain tuple is filled and tuple.__new__ copies it. */
#ifdef Py_LIMITED_API
        (void)alloc;
        PyObject *m = PyTuple_New(MATCH_BASE_FIELDS + MATCH_LINK_FIELDS);
#else
        PyObject *m = alloc(type, MATCH_BASE_FIELDS + MATCH_LINK_FIELDS);
#if PY_VERSION_HEX >= 0x030E0000
        if (m != NULL) {
            ((PyTupleObject *)m)->ob_hash = -1;
        }
#endif
#endif
        if (m == NULL) {
            for (int k = 0; k < MATCH_BASE_FIELDS + MATCH_LINK_FIELDS; k++) {
                Py_XDECREF(items[k]);
            }
            Py_CLEAR(list);
            break;
        }
        for (int k = 0; k < MATCH_BASE_FIELDS + MATCH_LINK_FIELDS; k++) {
            if (items[k] == NULL) {
                ok = false;
            }
            PyTuple_SET_ITEM(m, k, items[k]); /* a NULL item is left NULL (tuple_dealloc) */
        }
        if (!ok && !PyErr_Occurred()) {
            PyErr_NoMemory();
        }
#ifdef Py_LIMITED_API
        if (ok) {
            newfunc tuple_new = (newfunc)PyType_GetSlot(&PyTuple_Type, Py_tp_new);
            PyObject *args1 = PyTuple_Pack(1, m);
            PyObject *made = args1 == NULL ? NULL : tuple_new(type, args1, NULL);
            Py_XDECREF(args1);
            Py_DECREF(m);
            m = made;
            ok = m != NULL;
        }
#endif
        PyList_SET_ITEM(list, i, m);
        if (!ok) {
            Py_CLEAR(list);
        }
    }
    return list;
}

PyDoc_STRVAR(tokens_doc, "tokens($module, text, /)\n--\n\n"
                         "Returns [(start, end, kind, sentence)]: the tokens of text (kind: 0 "
                         "word, 1 clitic, 2 hyphen, 3 punct), "
                         "with code point offsets.");

static PyObject *core_tokens(PyObject *module, PyObject *text) {
    (void)module;
    Py_ssize_t len;
    const char *s = text_utf8(text, &len);
    if (s == NULL) {
        return NULL;
    }
    fl_result *res;
    if (fl_result_new(NULL, &res) != FL_OK) {
        return PyErr_NoMemory();
    }
    fl_error err;
    fl_status st = run_analysis(NULL, s, len, res, &err);
    PyObject *list = NULL;
    if (st != FL_OK) {
        raise_status(st, &err);
    } else {
        size_t n;
        const fl_token *t = fl_result_tokens(res, &n);
        list = PyList_New((Py_ssize_t)n);
        for (size_t i = 0; list != NULL && i < n; i++) {
            PyObject *row = Py_BuildValue("(nniI)", (Py_ssize_t)t[i].cp_start,
                                          (Py_ssize_t)t[i].cp_end, (int)t[i].kind, t[i].sentence);
            if (row == NULL) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, (Py_ssize_t)i, row);
        }
    }
    fl_result_free(res);
    return list;
}

PyDoc_STRVAR(fold_doc, "fold($module, text, /)\n--\n\n"
                       "Returns the folded form (a str) under which terms compare.");

static PyObject *core_fold(PyObject *module, PyObject *text) {
    (void)module;
    Py_ssize_t len;
    const char *s = text_utf8(text, &len);
    if (s == NULL) {
        return NULL;
    }
    size_t need = 0;
    fl_status st = fl_fold(s, (size_t)len, NULL, 0, &need, NULL);
    if (st != FL_OK) {
        return st == FL_ERR_NOMEM ? PyErr_NoMemory()
                                  : PyErr_Format(PyExc_ValueError, "%s", fl_status_str(st));
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)need);
    if (buf == NULL) {
        return NULL;
    }
    st = fl_fold(s, (size_t)len, PyBytes_AS_STRING(buf), need, &need, NULL);
    PyObject *out = st == FL_OK
                        ? PyUnicode_DecodeUTF8(PyBytes_AS_STRING(buf), (Py_ssize_t)need, "strict")
                        : PyErr_NoMemory();
    Py_DECREF(buf);
    return out;
}

/* ------------------------------------------------------------------ corpus batches */

static PyObject *col_bytes(const void *data, size_t n, size_t elem) {
    if (n == 0) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    return PyBytes_FromStringAndSize((const char *)data, (Py_ssize_t)(n * elem));
}

/* Adds name -> bytes(data) to dict; returns -1 with an exception set on failure. */
static int put_col(PyObject *dict, const char *name, const void *data, size_t n, size_t elem) {
    PyObject *b = col_bytes(data, n, elem);
    if (b == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, name, b);
    Py_DECREF(b);
    return rc;
}

PyDoc_STRVAR(analyze_batch_doc,
             "analyze_batch($module, lexicon, texts, threads, /)\n--\n\n"
             "Analyses a list of str on `threads` worker threads (1 to MAX_THREADS) with the GIL "
             "released. A text that fails raises an error with .index, its position in texts. "
             "Returns dict[str, memoryview]: "
             "the result columns as raw native-endian arrays (see fl_batch_columns), read-only "
             "views of the core's own arrays (not copied; freed with the last view): "
             "doc_tokens u8, doc_sentences u4, doc_matches u4, sent_doc u4, sent_index u4, "
             "sent_start i8, sent_end i8, sent_tokens u4, sent_matches u4, sent_markers u4, "
             "sent_score f8, match_doc u4, match_sentence u4, match_term u4, match_spelling u4, "
             "match_start i8, "
             "match_end i8, match_voice u1, match_negated u1, surface_offsets i8, "
             "surface_data (UTF-8); who says what: doc_attributions u4, match_attribution u4, "
             "match_target u4 (UINT32_MAX: none), attr_doc u4, attr_sentence u4, attr_kind u1, "
             "attr_voice u1, attr_nested u1, attr_speaker_actor u4, attr_speaker_start i8, "
             "attr_speaker_end i8, attr_cue_start i8, attr_cue_end i8, attr_content_start i8, "
             "attr_content_end i8, attr_content2_start i8, attr_content2_end i8, "
             "attr_text_offsets i8 (4 per attribution: speaker, cue, lemma, content), "
             "attr_text_data (UTF-8).");

/* A list of str for the core: the list (our own copy, so its items outlive a GIL-free section
 * even if the caller mutates theirs) and, by how it was prepared, either `data`, `units` and
 * `lens` for the core's _texts calls (each str's own storage, which the core's threads
 * transcode to UTF-8 a text at a time, so that no UTF-8 copy of the batch is made here; under
 * the limited API, which cannot see a str's storage, the texts' UTF-8 with units NULL) or
 * `texts` and `lens`, UTF-8 only (fl_dedupe_signatures). The UTF-8 made of non-ASCII texts is
 * kept in `store`. */
typedef struct prepared_texts {
    PyObject *list;
    utf8_store store;
    const char **texts;
    const void **data;
    uint8_t *units;
    size_t *lens;
    Py_ssize_t n;
} prepared_texts;

static void prepared_texts_clear(prepared_texts *pt) {
    PyMem_Free(pt->texts);
    PyMem_Free(pt->data);
    PyMem_Free(pt->units);
    PyMem_Free(pt->lens);
    utf8_store_clear(&pt->store);
    Py_CLEAR(pt->list);
    pt->texts = NULL;
    pt->data = NULL;
    pt->units = NULL;
    pt->lens = NULL;
    pt->n = 0;
}

/* The error of an analysis of *pt's texts: for a text the core found no Unicode (FL_ERR_TEXT,
 * a lone surrogate), the ValueError converting it raises, as "texts[i]: ..." with .index = i,
 * as when every text was converted before the analysis; else raise_status's. */
static PyObject *raise_texts_error(fl_status st, const fl_error *err, PyObject *list) {
    if (st == FL_ERR_TEXT && list != NULL && err->item < (size_t)PyList_GET_SIZE(list)) {
        PyObject *item = PyList_GET_ITEM(list, (Py_ssize_t)err->item);
        Py_ssize_t unused;
        if (item != NULL && text_utf8(item, &unused) == NULL) {
            bad_text(item, (Py_ssize_t)err->item);
            return NULL;
        }
        PyErr_Clear();
    }
    return raise_status(st, err);
}

#ifndef Py_LIMITED_API
/* Does str text hold a lone surrogate (a 2- or 4-byte storage only can)? */
static bool str_has_surrogate(PyObject *text) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(text); i < n && kind != PyUnicode_1BYTE_KIND;
         i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            return true;
        }
    }
    return false;
}

/* Each str's storage into pt->data, ->units and ->lens (code units); -1 with a TypeError
 * (.index) for an item that is no str, or the error of an earlier text with a lone surrogate:
 * the first bad text in order, as when every text was converted here. */
static int texts_units(prepared_texts *pt) {
    for (Py_ssize_t i = 0; i < pt->n; i++) {
        PyObject *item = PyList_GET_ITEM(pt->list, i);
        if (!PyUnicode_Check(item)) {
            for (Py_ssize_t k = 0; k < i; k++) {
                PyObject *before = PyList_GET_ITEM(pt->list, k);
                if (str_has_surrogate(before)) {
                    Py_ssize_t unused;
                    (void)text_utf8(before, &unused); /* the ValueError naming the surrogate */
                    bad_text(before, k);
                    return -1;
                }
            }
            bad_text(item, i);
            return -1;
        }
        pt->data[i] = PyUnicode_DATA(item);
        pt->units[i] = (uint8_t)str_units(item);
        pt->lens[i] = (size_t)PyUnicode_GET_LENGTH(item);
    }
    return 0;
}
#endif

/* Fills *pt from a list of str, with as_units each str's storage where the API shows it,
 * else their UTF-8 (and with as_units, a str with a lone surrogate as its code points, for
 * the core to report: texts_utf8); on failure raises (texts[i] errors with .index = i) and
 * leaves *pt cleared. */
static int prepare_texts(PyObject *arg, prepared_texts *pt, bool as_units) {
    memset(pt, 0, sizeof(*pt));
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "texts must be a list of str");
        return -1;
    }
    pt->list = PySequence_List(arg);
    if (pt->list == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(pt->list);
    bool storage = as_units; /* each str's own storage, where the API shows it */
#ifdef Py_LIMITED_API
    storage = false;
#endif
    pt->lens = PyMem_Calloc((size_t)n + 1, sizeof(size_t));
    pt->data = as_units ? PyMem_Calloc((size_t)n + 1, sizeof(void *)) : NULL;
    pt->units = storage ? PyMem_Calloc((size_t)n + 1, 1) : NULL;
    pt->texts = storage ? NULL : PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (pt->lens == NULL || (as_units && pt->data == NULL) || (storage && pt->units == NULL) ||
        (!storage && pt->texts == NULL)) {
        PyErr_NoMemory();
        goto fail;
    }
    pt->n = n;
#ifndef Py_LIMITED_API
    if (storage) {
        if (texts_units(pt) < 0) {
            goto fail;
        }
        return 0;
    }
#endif
    if (texts_utf8(pt->list, pt->texts, pt->lens, &pt->store, as_units ? &pt->units : NULL) < 0) {
        goto fail;
    }
    for (Py_ssize_t i = 0; as_units && i < n; i++) {
        pt->data[i] = pt->texts[i]; /* their UTF-8 where units is NULL or FL_UNITS_UTF8 */
    }
    return 0;
fail:
    prepared_texts_clear(pt);
    return -1;
}

/* One column of a batch, lent to Python without a copy: a read-only buffer over the batch's
 * own array, which lives (owner: a capsule holding the fl_batch) as long as any of its
 * columns. The caller copies each column once, into its corpus-wide buffers, instead of
 * twice (into a bytes, then from it). */
typedef struct {
    PyObject_HEAD
    PyObject *owner;
    const void *data;
    Py_ssize_t len;
} ColumnObject;

static const char BATCH_CAPSULE[] = "framelens._core.batch";
static const char SLOT_CAPSULE[] = "framelens._core.batch_slot";

/* A batch kept between analyze_columns calls of one caller (batch_slot()): the next batch is
 * analysed into the columns of the one before, whose pages are touched already, instead of
 * into fresh ones. Freed with the slot. */
typedef struct batch_slot {
    _Atomic(fl_batch *) spare;
} batch_slot;

static void slot_capsule_free(PyObject *capsule) {
    batch_slot *slot = PyCapsule_GetPointer(capsule, SLOT_CAPSULE);
    if (slot == NULL) {
        PyErr_Clear();
        return;
    }
    fl_batch_free(atomic_exchange(&slot->spare, NULL));
    PyMem_Free(slot);
}

/* A batch's owner: frees it, or gives it back to its slot (the capsule's context, held). */
static void batch_capsule_free(PyObject *capsule) {
    fl_batch *batch = PyCapsule_GetPointer(capsule, BATCH_CAPSULE);
    if (batch == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *slot_obj = PyCapsule_GetContext(capsule);
    if (slot_obj != NULL) {
        batch_slot *slot = PyCapsule_GetPointer(slot_obj, SLOT_CAPSULE);
        if (slot != NULL) {
            batch = atomic_exchange(&slot->spare, batch);
        }
        Py_DECREF(slot_obj);
    }
    PyErr_Clear();
    fl_batch_free(batch);
}

PyDoc_STRVAR(batch_slot_doc, "batch_slot($module, /)\n--\n\n"
                             "A slot for analyze_columns: the columns of each batch it analyses "
                             "are reused for the next once all of them are dropped.");

static PyObject *core_batch_slot(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    batch_slot *slot = PyMem_Calloc(1, sizeof(*slot));
    if (slot == NULL) {
        return PyErr_NoMemory();
    }
    atomic_init(&slot->spare, NULL);
    PyObject *capsule = PyCapsule_New(slot, SLOT_CAPSULE, slot_capsule_free);
    if (capsule == NULL) {
        PyMem_Free(slot);
    }
    return capsule;
}

static int Column_getbuffer(PyObject *self_obj, Py_buffer *view, int flags) {
    ColumnObject *self = (ColumnObject *)self_obj;
    static const char empty[1];
    void *data = (void *)(self->len > 0 ? self->data : empty);
    return PyBuffer_FillInfo(view, self_obj, data, self->len, 1, flags);
}

static void Column_dealloc(PyObject *self_obj) {
    ColumnObject *self = (ColumnObject *)self_obj;
    PyTypeObject *tp = Py_TYPE(self_obj);
    PyObject_GC_UnTrack(self_obj);
    Py_CLEAR(self->owner);
    PyObject_GC_Del(self_obj);
    Py_DECREF(tp);
}

static int Column_traverse(PyObject *self_obj, visitproc visit, void *arg) {
    Py_VISIT(((ColumnObject *)self_obj)->owner);
    Py_VISIT(Py_TYPE(self_obj));
    return 0;
}

static PyType_Slot Column_slots[] = {
    {Py_tp_doc, (void *)"A column of an analysed batch (read-only bytes, not copied)."},
    {Py_tp_dealloc, Column_dealloc},
    {Py_tp_traverse, Column_traverse},
    {Py_bf_getbuffer, Column_getbuffer},
    {0, NULL},
};

static PyType_Spec Column_spec = {
    .name = "framelens._core.Column",
    .basicsize = sizeof(ColumnObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = Column_slots,
};

/* A memoryview of `bytes` bytes at data, owned by owner (see ColumnObject). */
static PyObject *column_view(module_state *ms, PyObject *owner, const void *data, size_t bytes) {
    ColumnObject *col = PyObject_GC_New(ColumnObject, ms->ColumnType);
    if (col == NULL) {
        return NULL;
    }
    col->owner = Py_NewRef(owner);
    col->data = data;
    col->len = (Py_ssize_t)bytes;
    PyObject_GC_Track((PyObject *)col);
    PyObject *view = PyMemoryView_FromObject((PyObject *)col);
    Py_DECREF(col);
    return view;
}

/* Columns are read and written with memcpy: a slice of a byte buffer need not be aligned. */
static uint32_t load_u32(const char *p, size_t i) {
    uint32_t v;
    memcpy(&v, p + 4 * i, sizeof(v));
    return v;
}

static int64_t load_i64(const char *p, size_t i) {
    int64_t v;
    memcpy(&v, p + 8 * i, sizeof(v));
    return v;
}

static void store_i64(char *p, size_t i, int64_t v) {
    memcpy(p + 8 * i, &v, sizeof(v));
}

/* ------------------------------------------------------------------ batch columns */

/* The core's columns of a batch (fl_batch_columns), in the order of GATHER_COLUMNS: what
 * columns_dict lends and what gather writes of a batch (analyze_parts, pool_collect), column
 * by column, appended to a caller's corpus-wide arrays in one pass, without the GIL, from the
 * parts the threads wrote. gather makes document indices int64 counted across the corpus
 * (+ n_docs); string offsets lose their leading zero and count from the start of the caller's
 * data for them (+ its base); the rest is copied as it is. */
typedef enum {
    ROWS_DOCS,
    ROWS_SENTS,
    ROWS_MATCHES,
    ROWS_ATTRS,
    ROWS_ATTR_STRINGS,
    ROWS_SIGNED
} gather_rows;
typedef enum { KIND_COPY, KIND_DOC, KIND_OFFSETS, KIND_DATA } gather_kind;
/* The strings a column holds (offsets, then data), and the base of their offsets in gather. */
typedef enum {
    STRINGS_NONE,
    STRINGS_SURFACE,
    STRINGS_ATTR,
    STRINGS_SENT,
    STRINGS_N
} gather_strings;

typedef struct gather_column {
    const char *name;
    size_t field; /* offsetof the column's pointer in fl_batch_columns */
    uint8_t width, rows, kind, strings;
} gather_column;

#define GCOL(name, rows, type, kind, strings)                                                      \
    {#name, offsetof(fl_batch_columns, name), sizeof(type), rows, kind, strings}
#define GPLAIN(name, rows, type) GCOL(name, rows, type, KIND_COPY, STRINGS_NONE)
static const gather_column GATHER[] = {
    GPLAIN(doc_tokens, ROWS_DOCS, uint64_t),
    GPLAIN(doc_sentences, ROWS_DOCS, uint32_t),
    GPLAIN(doc_matches, ROWS_DOCS, uint32_t),
    GCOL(sent_doc, ROWS_SENTS, uint32_t, KIND_DOC, STRINGS_NONE),
    GPLAIN(sent_index, ROWS_SENTS, uint32_t),
    GPLAIN(sent_start, ROWS_SENTS, int64_t),
    GPLAIN(sent_end, ROWS_SENTS, int64_t),
    GPLAIN(sent_tokens, ROWS_SENTS, uint32_t),
    GPLAIN(sent_matches, ROWS_SENTS, uint32_t),
    GPLAIN(sent_markers, ROWS_SENTS, uint32_t),
    GPLAIN(sent_score, ROWS_SENTS, double),
    GCOL(match_doc, ROWS_MATCHES, uint32_t, KIND_DOC, STRINGS_NONE),
    GPLAIN(match_sentence, ROWS_MATCHES, uint32_t),
    GPLAIN(match_term, ROWS_MATCHES, uint32_t),
    GPLAIN(match_spelling, ROWS_MATCHES, uint32_t),
    GPLAIN(match_start, ROWS_MATCHES, int64_t),
    GPLAIN(match_end, ROWS_MATCHES, int64_t),
    GPLAIN(match_voice, ROWS_MATCHES, uint8_t),
    GPLAIN(match_negated, ROWS_MATCHES, uint8_t),
    GPLAIN(doc_attributions, ROWS_DOCS, uint32_t),
    GPLAIN(match_attribution, ROWS_MATCHES, uint32_t),
    GPLAIN(match_target, ROWS_MATCHES, uint32_t),
    GCOL(attr_doc, ROWS_ATTRS, uint32_t, KIND_DOC, STRINGS_NONE),
    GPLAIN(attr_sentence, ROWS_ATTRS, uint32_t),
    GPLAIN(attr_kind, ROWS_ATTRS, uint8_t),
    GPLAIN(attr_voice, ROWS_ATTRS, uint8_t),
    GPLAIN(attr_nested, ROWS_ATTRS, uint8_t),
    GPLAIN(attr_speaker_actor, ROWS_ATTRS, uint32_t),
    GPLAIN(attr_speaker_start, ROWS_ATTRS, int64_t),
    GPLAIN(attr_speaker_end, ROWS_ATTRS, int64_t),
    GPLAIN(attr_cue_start, ROWS_ATTRS, int64_t),
    GPLAIN(attr_cue_end, ROWS_ATTRS, int64_t),
    GPLAIN(attr_content_start, ROWS_ATTRS, int64_t),
    GPLAIN(attr_content_end, ROWS_ATTRS, int64_t),
    GPLAIN(attr_content2_start, ROWS_ATTRS, int64_t),
    GPLAIN(attr_content2_end, ROWS_ATTRS, int64_t),
    GCOL(surface_offsets, ROWS_MATCHES, int64_t, KIND_OFFSETS, STRINGS_SURFACE),
    GCOL(surface_data, ROWS_MATCHES, char, KIND_DATA, STRINGS_SURFACE),
    GCOL(attr_text_offsets, ROWS_ATTR_STRINGS, int64_t, KIND_OFFSETS, STRINGS_ATTR),
    GCOL(attr_text_data, ROWS_ATTR_STRINGS, char, KIND_DATA, STRINGS_ATTR),
    /* only when the batch keeps sentence texts */
    GCOL(sent_text_offsets, ROWS_SENTS, int64_t, KIND_OFFSETS, STRINGS_SENT),
    GCOL(sent_text_data, ROWS_SENTS, char, KIND_DATA, STRINGS_SENT),
    /* only when the batch was signed */
    GPLAIN(doc_signatures, ROWS_SIGNED, uint32_t),
    GPLAIN(doc_shingles, ROWS_DOCS, uint64_t),
};
#undef GPLAIN
#undef GCOL
enum { GATHER_N = sizeof(GATHER) / sizeof(GATHER[0]) };

static const void *gather_source(const fl_batch_columns *c, const gather_column *g) {
    const void *p;
    memcpy(&p, (const char *)c + g->field, sizeof(p));
    return p;
}

static size_t gather_rows_of(const fl_batch_columns *c, const gather_column *g) {
    switch ((gather_rows)g->rows) {
    case ROWS_DOCS:
        return c->n_docs;
    case ROWS_SENTS:
        return c->n_sentences;
    case ROWS_MATCHES:
        return c->n_matches;
    case ROWS_ATTRS:
        return c->n_attributions;
    case ROWS_ATTR_STRINGS:
        return 4 * c->n_attributions;
    case ROWS_SIGNED:
        return c->n_docs * c->num_hashes;
    }
    return 0;
}

/* Does the batch (c: its first part) have column g at all? */
static bool gather_present(const fl_batch_columns *c, const gather_column *g) {
    if (g->strings == STRINGS_SENT) {
        return c->sent_text_offsets != NULL;
    }
    bool signature = g->field == offsetof(fl_batch_columns, doc_signatures) ||
                     g->field == offsetof(fl_batch_columns, doc_shingles);
    return !signature || c->num_hashes > 0;
}

/* Attribution string k of 4 is a content (speaker, cue, lemma, content), left out when
 * gathered with drop_contents. */
static bool gather_dropped(const gather_column *g, bool drop_contents, size_t k) {
    return drop_contents && g->strings == STRINGS_ATTR && k % 4 == 3;
}

/* Bytes of string data a part's offsets column g (rows strings, offsets off) gives. */
static size_t gather_data_bytes(const gather_column *g, const char *off, size_t rows,
                                bool drop_contents) {
    if (rows == 0) {
        return 0;
    }
    if (!drop_contents || g->strings != STRINGS_ATTR) {
        return (size_t)load_i64(off, rows);
    }
    size_t bytes = 0;
    for (size_t k = 0; k < rows; k++) {
        if (!gather_dropped(g, true, k)) {
            bytes += (size_t)(load_i64(off, k + 1) - load_i64(off, k));
        }
    }
    return bytes;
}

/* The batch's columns as dict[str, memoryview] (see analyze_batch_doc), each of GATHER as the
 * core holds it, lent by owner (a capsule holding batch) through column_view, none copied.
 * The batch is of one part (fl_analyze_batch joins its threads' chunks); a pool's parts are
 * read by gather. */
static PyObject *columns_dict(module_state *ms, const fl_batch *batch, PyObject *owner) {
    if (fl_batch_parts(batch) != 1) {
        PyErr_SetString(PyExc_SystemError, "columns_dict: a batch collected in parts");
        return NULL;
    }
    fl_batch_columns c;
    fl_batch_columns_get(batch, &c);
    PyObject *out = PyDict_New();
    for (size_t i = 0; out != NULL && i < GATHER_N; i++) {
        const gather_column *g = &GATHER[i];
        if (!gather_present(&c, g)) {
            continue;
        }
        size_t rows = gather_rows_of(&c, g);
        size_t bytes = g->kind == KIND_OFFSETS ? (rows + 1) * sizeof(int64_t) /* from 0 */
                       : g->kind == KIND_DATA
                           ? gather_data_bytes(g, gather_source(&c, &GATHER[i - 1]), rows, false)
                           : rows * g->width;
        PyObject *col = column_view(ms, owner, gather_source(&c, g), bytes);
        if (col == NULL || PyDict_SetItemString(out, g->name, col) < 0) {
            Py_CLEAR(out);
        }
        Py_XDECREF(col);
    }
    return out;
}

/* analyze_batch, analyze_columns and analyze_parts: args are (lexicon, texts, threads); keep
 * says which sentence texts the columns carry, attributions which attributions. Returns the
 * analysed batch's owner (a capsule, see batch_capsule_free), or NULL with an exception. */
static PyObject *analyze_to_batch(PyObject *module, PyObject *const *args, fl_sentence_texts keep,
                                  PyObject *slot_obj, fl_attributions attributions,
                                  const fl_dedupe_params *sign) {
    const fl_lexicon *lex;
    if (get_lexicon(module, args[0], &lex) < 0) {
        return NULL;
    }
    if (!PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "texts must be a list of str");
        return NULL;
    }
    long threads = PyLong_AsLong(args[2]);
    if (threads == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (threads < 1 || threads > FL_MAX_THREADS) {
        PyErr_Format(PyExc_ValueError, "threads must be between 1 and %d", FL_MAX_THREADS);
        return NULL;
    }
    batch_slot *slot = NULL;
    if (slot_obj != NULL && slot_obj != Py_None) {
        if (!PyCapsule_IsValid(slot_obj, SLOT_CAPSULE)) {
            type_error("slot must be made by batch_slot() or None", slot_obj);
            return NULL;
        }
        slot = PyCapsule_GetPointer(slot_obj, SLOT_CAPSULE);
    }
    prepared_texts pt;
    if (prepare_texts(args[1], &pt, true) < 0) {
        return NULL;
    }
    PyObject *owner = NULL;
    fl_batch *batch = slot != NULL ? atomic_exchange(&slot->spare, NULL) : NULL;
    if (batch == NULL && fl_batch_new(NULL, &batch) != FL_OK) {
        PyErr_NoMemory();
        goto done;
    }
    fl_batch_keep_sentence_texts(batch, keep);
    fl_batch_keep_attributions(batch, attributions);
    fl_error err;
    fl_status st = fl_batch_sign(batch, sign, &err); /* checked by get_sign: cannot fail */
    if (st != FL_OK) {
        raise_status(st, &err);
        goto done;
    }
    fl_texts texts = {pt.data, pt.lens, pt.units};
    Py_BEGIN_ALLOW_THREADS
    st = fl_analyze_batch_texts(lex, &texts, (size_t)pt.n, (unsigned)threads, batch, &err);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        raise_texts_error(st, &err, pt.list); /* "texts[i]: ..." with .index = i */
        goto done;
    }
    owner = PyCapsule_New(batch, BATCH_CAPSULE, batch_capsule_free);
    if (owner == NULL) {
        goto done;
    }
    if (slot != NULL) { /* cannot fail: owner is a valid capsule */
        (void)PyCapsule_SetContext(owner, Py_NewRef(slot_obj));
    }
    batch = NULL; /* the capsule's */
done:
    fl_batch_free(batch);
    prepared_texts_clear(&pt);
    return owner;
}

/* analyze_to_batch's columns as columns_dict lends them. */
static PyObject *analyze_list(PyObject *module, PyObject *const *args, fl_sentence_texts keep,
                              PyObject *slot_obj, fl_attributions attributions,
                              const fl_dedupe_params *sign) {
    PyObject *owner = analyze_to_batch(module, args, keep, slot_obj, attributions, sign);
    if (owner == NULL) {
        return NULL;
    }
    PyObject *out = columns_dict(get_state(module), PyCapsule_GetPointer(owner, BATCH_CAPSULE),
                                 owner); /* the capsule's batch: freed with the last column */
    Py_DECREF(owner);
    return out;
}

static PyObject *core_analyze_batch(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError,
                        "analyze_batch() takes 3 arguments (lexicon, texts, threads)");
        return NULL;
    }
    return analyze_list(module, args, FL_SENTENCE_TEXTS_NONE, NULL, FL_ATTRIBUTIONS_ALL, NULL);
}

PyDoc_STRVAR(analyze_columns_doc,
             "analyze_columns($module, lexicon, texts, threads, sentence_texts, slot=None, "
             "attributions=0, sign=None, /)\n"
             "--\n\n"
             "analyze_batch() that also returns the texts of the sentences "
             "(sentence_texts: 0 none, 1 those holding a match, 2 all) as sent_text_offsets i8 "
             "(one more than the sentences; a sentence not kept has an empty text) and "
             "sent_text_data (UTF-8), cut from the texts on the worker threads. slot (from "
             "batch_slot()): the columns of the batch before, once all dropped, are reused. "
             "attributions: 0 every attribution, 1 only those a match links to "
             "(FL_ATTRIBUTIONS_MATCHED). sign: None, or (shingle, num_hashes, seed) to sign "
             "every text beside its analysis (fl_batch_sign): the columns then also hold "
             "doc_signatures (num_hashes native uint32 a text) and doc_shingles (u8), as "
             "dedupe_signatures makes them.");

/* An attributions argument: 0 (FL_ATTRIBUTIONS_ALL) or 1 (FL_ATTRIBUTIONS_MATCHED); -1 with
 * an exception set otherwise. */
static int get_attributions(PyObject *obj, fl_attributions *out) {
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v != FL_ATTRIBUTIONS_ALL && v != FL_ATTRIBUTIONS_MATCHED) {
        PyErr_SetString(PyExc_ValueError, "attributions must be 0 (all) or 1 (matched)");
        return -1;
    }
    *out = (fl_attributions)v;
    return 0;
}

static int dedupe_uint(PyObject *obj, const char *name, unsigned long long max,
                       unsigned long long *out);

/* A sign argument: None (*out NULL) or (shingle, num_hashes, seed) into *params (*out =
 * params), checked as fl_batch_sign checks them. 0, or -1 with an exception set. */
static int get_sign(PyObject *obj, fl_dedupe_params *params, const fl_dedupe_params **out) {
    *out = NULL;
    if (obj == Py_None) {
        return 0;
    }
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 3) {
        type_error("sign must be None or a tuple (shingle, num_hashes, seed)", obj);
        return -1;
    }
    unsigned long long shingle, num_hashes, seed;
    if (dedupe_uint(PyTuple_GET_ITEM(obj, 0), "shingle", UINT32_MAX, &shingle) < 0 ||
        dedupe_uint(PyTuple_GET_ITEM(obj, 1), "num_hashes", UINT32_MAX, &num_hashes) < 0 ||
        dedupe_uint(PyTuple_GET_ITEM(obj, 2), "seed", UINT64_MAX, &seed) < 0) {
        return -1;
    }
    params->shingle = (uint32_t)shingle;
    params->num_hashes = (uint32_t)num_hashes;
    params->seed = (uint64_t)seed;
    fl_error err;
    fl_status st = fl_dedupe_signatures(params, NULL, NULL, 0, 1, NULL, NULL, NULL, &err);
    if (st != FL_OK) {
        raise_status(st, &err);
        return -1;
    }
    *out = params;
    return 0;
}

/* The arguments of analyze_columns and analyze_parts after (lexicon, texts, threads):
 * sentence_texts, slot, attributions, sign. 0, or -1 with an exception set. */
static int analyze_options(const char *name, PyObject *const *args, Py_ssize_t nargs,
                           fl_sentence_texts *keep, PyObject **slot, fl_attributions *attributions,
                           fl_dedupe_params *params, const fl_dedupe_params **sign) {
    if (nargs < 4 || nargs > 7) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes 4 to 7 arguments (lexicon, texts, threads, "
                     "sentence_texts, slot, attributions, sign)",
                     name);
        return -1;
    }
    long k = PyLong_AsLong(args[3]);
    if (k == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (k < FL_SENTENCE_TEXTS_NONE || k > FL_SENTENCE_TEXTS_ALL) {
        PyErr_SetString(PyExc_ValueError, "sentence_texts must be 0, 1 or 2");
        return -1;
    }
    *keep = (fl_sentence_texts)k;
    *slot = nargs >= 5 ? args[4] : NULL;
    *attributions = FL_ATTRIBUTIONS_ALL;
    if (nargs >= 6 && get_attributions(args[5], attributions) < 0) {
        return -1;
    }
    *sign = NULL;
    return nargs == 7 ? get_sign(args[6], params, sign) : 0;
}

/* analyze_columns (as_dict: the columns lent as a dict) and analyze_parts (the batch). */
static PyObject *analyze_call(PyObject *module, const char *name, PyObject *const *args,
                              Py_ssize_t nargs, bool as_dict) {
    fl_sentence_texts keep;
    PyObject *slot;
    fl_attributions attributions;
    fl_dedupe_params params;
    const fl_dedupe_params *sign;
    if (analyze_options(name, args, nargs, &keep, &slot, &attributions, &params, &sign) < 0) {
        return NULL;
    }
    return as_dict ? analyze_list(module, args, keep, slot, attributions, sign)
                   : analyze_to_batch(module, args, keep, slot, attributions, sign);
}

static PyObject *core_analyze_columns(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    return analyze_call(module, "analyze_columns", args, nargs, true);
}

PyDoc_STRVAR(analyze_parts_doc,
             "analyze_parts($module, lexicon, texts, threads, sentence_texts, slot=None, "
             "attributions=0, sign=None, /)\n"
             "--\n\n"
             "analyze_columns() whose results stay in the core, for gather_sizes and gather: "
             "an opaque batch, given back to its slot when dropped.");

static PyObject *core_analyze_parts(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    return analyze_call(module, "analyze_parts", args, nargs, false);
}

/* ------------------------------------------------------------------ pool */

/* A pool (fl_pool) behind a capsule: the lexicon it reads is kept alive, and so is each
 * submitted batch's list of texts and their UTF-8 (`pending`: ticket -> capsule of a
 * prepared_texts) until the batch is collected. The workers never take the GIL. */
typedef struct pool_state {
    fl_pool *pool;
    PyObject *lexicon;
    PyObject *pending;
    int busy; /* a collect runs with the GIL released */
} pool_state;

static const char POOL_CAPSULE[] = "framelens._core.pool";
static const char TEXTS_CAPSULE[] = "framelens._core.pool_texts";

static void pool_capsule_free(PyObject *capsule) {
    pool_state *ps = PyCapsule_GetPointer(capsule, POOL_CAPSULE);
    if (ps == NULL) {
        PyErr_Clear();
        return;
    }
    /* the workers never take the GIL, so waiting for them here cannot deadlock */
    fl_pool_free(ps->pool);
    Py_XDECREF(ps->pending); /* only now: the workers may have read the texts until freed */
    Py_XDECREF(ps->lexicon);
    PyMem_Free(ps);
}

static void texts_capsule_free(PyObject *capsule) {
    prepared_texts *pt = PyCapsule_GetPointer(capsule, TEXTS_CAPSULE);
    if (pt == NULL) {
        PyErr_Clear();
        return;
    }
    prepared_texts_clear(pt);
    PyMem_Free(pt);
}

static pool_state *get_pool(PyObject *obj) {
    if (!PyCapsule_IsValid(obj, POOL_CAPSULE)) {
        type_error("expected a pool made by pool_new()", obj);
        return NULL;
    }
    return PyCapsule_GetPointer(obj, POOL_CAPSULE);
}

PyDoc_STRVAR(pool_new_doc,
             "pool_new($module, lexicon, threads, sentence_texts, attributions=0, "
             "collector_helps=False, sign=None, /)\n--\n\n"
             "A pool of `threads` worker threads (1 to MAX_THREADS) kept until the pool is "
             "dropped, analysing submitted batches against lexicon (a Lexicon or None) "
             "without the GIL; sentence_texts and attributions as analyze_columns. Feed it "
             "with pool_submit and take the results with pool_collect. collector_helps: "
             "pool_collect analyses queued chunks while its batch is unfinished instead of "
             "waiting (fl_pool_collector_helps), so `threads` workers and the collecting "
             "thread make threads + 1 working threads. sign: as analyze_columns's, for every "
             "batch (fl_pool_sign).");

static PyObject *core_pool_new(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 3 || nargs > 6) {
        PyErr_SetString(PyExc_TypeError, "pool_new() takes 3 to 6 arguments (lexicon, threads, "
                                         "sentence_texts, attributions, collector_helps, sign)");
        return NULL;
    }
    const fl_lexicon *lex;
    if (get_lexicon(module, args[0], &lex) < 0) {
        return NULL;
    }
    long threads = PyLong_AsLong(args[1]);
    if (threads == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (threads < 1 || threads > FL_MAX_THREADS) {
        PyErr_Format(PyExc_ValueError, "threads must be between 1 and %d", FL_MAX_THREADS);
        return NULL;
    }
    long keep = PyLong_AsLong(args[2]);
    if (keep == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (keep < FL_SENTENCE_TEXTS_NONE || keep > FL_SENTENCE_TEXTS_ALL) {
        PyErr_SetString(PyExc_ValueError, "sentence_texts must be 0, 1 or 2");
        return NULL;
    }
    fl_attributions attributions = FL_ATTRIBUTIONS_ALL;
    if (nargs >= 4 && get_attributions(args[3], &attributions) < 0) {
        return NULL;
    }
    int helps = nargs >= 5 ? PyObject_IsTrue(args[4]) : 0;
    if (helps < 0) {
        return NULL;
    }
    fl_dedupe_params params;
    const fl_dedupe_params *sign = NULL;
    if (nargs == 6 && get_sign(args[5], &params, &sign) < 0) {
        return NULL;
    }
    pool_state *ps = PyMem_Calloc(1, sizeof(*ps));
    if (ps == NULL) {
        return PyErr_NoMemory();
    }
    ps->pending = PyDict_New();
    if (ps->pending == NULL) {
        PyMem_Free(ps);
        return NULL;
    }
    fl_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fl_pool_new(NULL, lex, (unsigned)threads, (fl_sentence_texts)keep, &ps->pool);
    if (st == FL_OK && helps && (st = fl_pool_collector_helps(ps->pool)) != FL_OK) {
        fl_pool_free(ps->pool);
    }
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        Py_DECREF(ps->pending);
        PyMem_Free(ps);
        return PyErr_NoMemory();
    }
    fl_pool_keep_attributions(ps->pool, attributions); /* before any batch is submitted */
    (void)fl_pool_sign(ps->pool, sign, NULL); /* checked by get_sign: cannot fail */
    ps->lexicon = Py_NewRef(args[0]);
    PyObject *capsule = PyCapsule_New(ps, POOL_CAPSULE, pool_capsule_free);
    if (capsule == NULL) {
        fl_pool_free(ps->pool);
        Py_DECREF(ps->pending);
        Py_DECREF(ps->lexicon);
        PyMem_Free(ps);
    }
    return capsule;
}

PyDoc_STRVAR(pool_submit_doc,
             "pool_submit($module, pool, texts, /)\n--\n\n"
             "Queues a list of str for the pool's workers and returns at once with the batch's "
             "ticket (an int) for pool_collect. A text that is no str raises here, with .index "
             "as analyze_columns; one with a lone surrogate is its batch's error, raised by "
             "pool_collect (the workers convert each text to UTF-8 as they analyse it).");

static PyObject *core_pool_submit(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "pool_submit() takes 2 arguments (pool, texts)");
        return NULL;
    }
    pool_state *ps = get_pool(args[0]);
    if (ps == NULL) {
        return NULL;
    }
    prepared_texts *pt = PyMem_Calloc(1, sizeof(*pt));
    if (pt == NULL) {
        return PyErr_NoMemory();
    }
    if (prepare_texts(args[1], pt, true) < 0) {
        PyMem_Free(pt);
        return NULL;
    }
    PyObject *holder = PyCapsule_New(pt, TEXTS_CAPSULE, texts_capsule_free);
    if (holder == NULL) {
        prepared_texts_clear(pt);
        PyMem_Free(pt);
        return NULL;
    }
    fl_error err;
    uint64_t ticket;
    fl_texts texts = {pt->data, pt->lens, pt->units};
    fl_status st = fl_pool_submit_texts(ps->pool, &texts, (size_t)pt->n, &ticket, &err);
    if (st != FL_OK) {
        Py_DECREF(holder);
        return raise_status(st, &err);
    }
    PyObject *key = PyLong_FromUnsignedLongLong(ticket);
    /* once submitted, the texts must live until collected or the pool is freed: when the
     * pending dict cannot take them, they are kept (leaked) rather than freed under the
     * workers */
    if (key == NULL || PyDict_SetItem(ps->pending, key, holder) < 0) {
        Py_XDECREF(key);
        return NULL;
    }
    Py_DECREF(holder);
    return key;
}

PyDoc_STRVAR(pool_collect_doc,
             "pool_collect($module, pool, ticket, /)\n--\n\n"
             "Waits (without the GIL) for the batch of ticket and returns its results as "
             "analyze_parts does (the workers' parts as they wrote them, for gather_sizes and "
             "gather), or raises its first failing text's error "
             "(\"texts[i]: ...\" with .index = i). Either way the ticket is used up.");

static PyObject *core_pool_collect(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "pool_collect() takes 2 arguments (pool, ticket)");
        return NULL;
    }
    pool_state *ps = get_pool(args[0]);
    if (ps == NULL) {
        return NULL;
    }
    unsigned long long ticket = PyLong_AsUnsignedLongLong(args[1]);
    if (ticket == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *key = PyLong_FromUnsignedLongLong(ticket);
    if (key == NULL) {
        return NULL;
    }
    PyObject *holder = PyDict_GetItemWithError(ps->pending, key);
    if (holder == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_KeyError, "no batch %llu is waiting in this pool", ticket);
        }
        Py_DECREF(key);
        return NULL;
    }
    if (ps->busy) {
        Py_DECREF(key);
        PyErr_SetString(PyExc_RuntimeError, "pool_collect is already running on this pool");
        return NULL;
    }
    fl_batch *batch;
    if (fl_batch_new(NULL, &batch) != FL_OK) {
        Py_DECREF(key);
        return PyErr_NoMemory();
    }
    fl_error err;
    fl_status st;
    ps->busy = 1;
    /* the parts are not joined: gather copies them once, into the caller's arrays (joined
     * here first, they were copied twice: 4 to 5 ms of the calling thread's time on 16 MB) */
    Py_BEGIN_ALLOW_THREADS
    st = fl_pool_collect_parts(ps->pool, (uint64_t)ticket, batch, &err);
    Py_END_ALLOW_THREADS
    ps->busy = 0;
    /* the batch is done with its texts: they may go, once its error (which may name one of
     * them) is raised */
    PyObject *out = NULL;
    Py_INCREF(holder);
    if (PyDict_DelItem(ps->pending, key) < 0) {
        PyErr_Clear();
    }
    Py_DECREF(key);
    if (st != FL_OK) {
        const prepared_texts *pt = PyCapsule_GetPointer(holder, TEXTS_CAPSULE);
        raise_texts_error(st, &err, pt != NULL ? pt->list : NULL);
        Py_DECREF(holder);
        fl_batch_free(batch);
        return NULL;
    }
    Py_DECREF(holder);
    out = PyCapsule_New(batch, BATCH_CAPSULE, batch_capsule_free);
    if (out == NULL) {
        fl_batch_free(batch);
    }
    return out;
}

/* ------------------------------------------------------------------ statistics */

/* A read-only contiguous float64 buffer of exactly `count` items (count < 0: any). */
static int get_doubles(PyObject *obj, Py_buffer *view, Py_ssize_t count, const char *what) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        return -1;
    }
    if (view->itemsize != sizeof(double) || view->format == NULL ||
        (strcmp(view->format, "d") != 0 && strcmp(view->format, "<d") != 0 &&
         strcmp(view->format, "=d") != 0)) {
        PyErr_Format(PyExc_TypeError, "%s must be a contiguous float64 buffer", what);
        PyBuffer_Release(view);
        return -1;
    }
    if (count >= 0 && view->len / (Py_ssize_t)sizeof(double) != count) {
        PyErr_Format(PyExc_ValueError, "%s must hold %zd values, not %zd", what, count,
                     view->len / (Py_ssize_t)sizeof(double));
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(compare_groups_doc,
             "compare_groups($module, y, n, n_groups, n_cols, alpha0, /)\n--\n\n"
             "Each group against the pooled rest for each column of the float64 counts matrix "
             "y (n_groups x n_cols, row-major) with word tokens n (n_groups). Returns four "
             "bytes objects of n_groups x n_cols float64 values: (delta, z, g2, p).");

static PyObject *core_compare_groups(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *yo, *no;
    Py_ssize_t ng, nc;
    double alpha0;
    if (!PyArg_ParseTuple(args, "OOnnd:compare_groups", &yo, &no, &ng, &nc, &alpha0)) {
        return NULL;
    }
    if (ng < 0 || nc < 0 || (nc > 0 && ng > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(double) / nc)) {
        PyErr_SetString(PyExc_ValueError, "invalid shape");
        return NULL;
    }
    Py_buffer y, n;
    if (get_doubles(yo, &y, ng * nc, "y") < 0) {
        return NULL;
    }
    if (get_doubles(no, &n, ng, "n") < 0) {
        PyBuffer_Release(&y);
        return NULL;
    }
    Py_ssize_t bytes = ng * nc * (Py_ssize_t)sizeof(double);
    PyObject *outs[4] = {NULL, NULL, NULL, NULL};
    PyObject *result = NULL;
    for (int i = 0; i < 4; i++) {
        outs[i] = PyBytes_FromStringAndSize(NULL, bytes);
        if (outs[i] == NULL) {
            goto done;
        }
    }
    fl_compare_groups((const double *)y.buf, (const double *)n.buf, (size_t)ng, (size_t)nc, alpha0,
                      (double *)PyBytes_AS_STRING(outs[0]), (double *)PyBytes_AS_STRING(outs[1]),
                      (double *)PyBytes_AS_STRING(outs[2]), (double *)PyBytes_AS_STRING(outs[3]));
    result = PyTuple_Pack(4, outs[0], outs[1], outs[2], outs[3]);
done:
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(outs[i]);
    }
    PyBuffer_Release(&y);
    PyBuffer_Release(&n);
    return result;
}

PyDoc_STRVAR(wilson_doc,
             "wilson($module, k, n, z, /)\n--\n\n"
             "Wilson score intervals of k/n, elementwise over two float64 "
             "buffers of equal length. Returns two bytes objects of float64: (lo, hi).");

static PyObject *core_wilson(PyObject *module, PyObject *args) {
    (void)module;
    PyObject *ko, *no;
    double z;
    if (!PyArg_ParseTuple(args, "OOd:wilson", &ko, &no, &z)) {
        return NULL;
    }
    Py_buffer k, n;
    if (get_doubles(ko, &k, -1, "k") < 0) {
        return NULL;
    }
    Py_ssize_t count = k.len / (Py_ssize_t)sizeof(double);
    if (get_doubles(no, &n, count, "n") < 0) {
        PyBuffer_Release(&k);
        return NULL;
    }
    PyObject *lo = PyBytes_FromStringAndSize(NULL, k.len);
    PyObject *hi = PyBytes_FromStringAndSize(NULL, k.len);
    PyObject *result = NULL;
    if (lo != NULL && hi != NULL) {
        const double *kb = k.buf;
        const double *nb = n.buf;
        double *l = (double *)PyBytes_AS_STRING(lo);
        double *h = (double *)PyBytes_AS_STRING(hi);
        for (Py_ssize_t i = 0; i < count; i++) {
            fl_stat_wilson(kb[i], nb[i], z, &l[i], &h[i]);
        }
        result = PyTuple_Pack(2, lo, hi);
    }
    Py_XDECREF(lo);
    Py_XDECREF(hi);
    PyBuffer_Release(&k);
    PyBuffer_Release(&n);
    return result;
}

PyDoc_STRVAR(bh_doc, "bh($module, p, /)\n--\n\n"
                     "Benjamini-Hochberg adjusted p-values of a float64 buffer, as bytes of "
                     "float64 (NaN stays NaN and does not count).");

static PyObject *core_bh(PyObject *module, PyObject *arg) {
    (void)module;
    Py_buffer p;
    if (get_doubles(arg, &p, -1, "p") < 0) {
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, p.len);
    if (out != NULL) {
        fl_status st = fl_stat_bh((const double *)p.buf,
                                  (size_t)(p.len / (Py_ssize_t)sizeof(double)),
                                  (double *)PyBytes_AS_STRING(out), NULL);
        if (st != FL_OK) {
            Py_CLEAR(out);
            PyErr_NoMemory();
        }
    }
    PyBuffer_Release(&p);
    return out;
}

PyDoc_STRVAR(log_odds_doc, "log_odds($module, y_g, n_g, y_r, n_r, alpha0, /)\n--\n\n"
                           "Returns (delta, z): the log-odds ratio with an informative "
                           "Dirichlet prior of group g against the rest r, and its z-score.");

static PyObject *core_log_odds(PyObject *module, PyObject *args) {
    (void)module;
    double yg, ng, yr, nr, a0, d, z;
    if (!PyArg_ParseTuple(args, "ddddd:log_odds", &yg, &ng, &yr, &nr, &a0)) {
        return NULL;
    }
    fl_stat_log_odds(yg, ng, yr, nr, a0, &d, &z);
    return Py_BuildValue("(dd)", d, z);
}

PyDoc_STRVAR(g2_doc, "g2($module, y_g, n_g, y_r, n_r, /)\n--\n\n"
                     "Returns (g2, p): the log-likelihood ratio G2 of the 2 x 2 table and its "
                     "p-value (chi-squared, one degree of freedom).");

static PyObject *core_g2(PyObject *module, PyObject *args) {
    (void)module;
    double yg, ng, yr, nr;
    if (!PyArg_ParseTuple(args, "dddd:g2", &yg, &ng, &yr, &nr)) {
        return NULL;
    }
    double g = fl_stat_g2(yg, ng, yr, nr);
    return Py_BuildValue("(dd)", g, fl_stat_g2_p(g));
}

/* ------------------------------------------------------------------ near-duplicates */

/* Reads an unsigned integer argument into *out (at most max). */
static int dedupe_uint(PyObject *obj, const char *name, unsigned long long max,
                       unsigned long long *out) {
    if (!PyLong_Check(obj)) {
        type_errorf(obj, "%s must be an int", name);
        return -1;
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(obj);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s must be an int from 0 to %llu", name, max);
        return -1;
    }
    if (v > max) {
        PyErr_Format(PyExc_ValueError, "%s must be an int from 0 to %llu, not %llu", name, max, v);
        return -1;
    }
    *out = v;
    return 0;
}

PyDoc_STRVAR(dedupe_signatures_doc,
             "dedupe_signatures($module, texts, shingle, num_hashes, seed, threads, /)\n--\n\n"
             "MinHash signatures of a list of str (fl_dedupe_signatures), made on `threads` "
             "worker threads with the GIL released. Returns the signatures (len(texts) x "
             "num_hashes native uint32) and the distinct shingles per text (native uint64).");

static PyObject *core_dedupe_signatures(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "dedupe_signatures() takes 5 arguments (texts, "
                                         "shingle, num_hashes, seed, threads)");
        return NULL;
    }
    if (!PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "texts must be a list of str");
        return NULL;
    }
    unsigned long long shingle, num_hashes, seed, threads;
    if (dedupe_uint(args[1], "shingle", UINT32_MAX, &shingle) < 0 ||
        dedupe_uint(args[2], "num_hashes", UINT32_MAX, &num_hashes) < 0 ||
        dedupe_uint(args[3], "seed", UINT64_MAX, &seed) < 0 ||
        dedupe_uint(args[4], "threads", FL_MAX_THREADS, &threads) < 0) {
        return NULL;
    }
    fl_dedupe_params params = {(uint32_t)shingle, (uint32_t)num_hashes, (uint64_t)seed};
    fl_error err;
    fl_status st = fl_dedupe_signatures(&params, NULL, NULL, 0, 1, NULL, NULL, NULL, &err);
    if (st != FL_OK) { /* invalid parameters: say so before allocating for them */
        return raise_status(st, &err);
    }
    if ((size_t)PyList_GET_SIZE(args[0]) > (size_t)PY_SSIZE_T_MAX / sizeof(uint32_t) / num_hashes) {
        return PyErr_NoMemory();
    }
    /* our own list: the items (and their UTF-8) must outlive the GIL-free section */
    prepared_texts pt;
    if (prepare_texts(args[0], &pt, false) < 0) { /* fl_dedupe_signatures reads UTF-8 */
        return NULL;
    }
    size_t n = (size_t)pt.n;
    PyObject *sigs = PyBytes_FromStringAndSize(NULL,
                                               (Py_ssize_t)(n * num_hashes * sizeof(uint32_t)));
    PyObject *sizes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * sizeof(uint64_t)));
    PyObject *out = NULL;
    if (sigs == NULL || sizes == NULL) {
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    st = fl_dedupe_signatures(&params, pt.texts, pt.lens, n, (unsigned)threads, NULL,
                              (uint32_t *)PyBytes_AS_STRING(sigs),
                              (uint64_t *)PyBytes_AS_STRING(sizes), &err);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        raise_status(st, &err);
        goto done;
    }
    out = PyTuple_Pack(2, sigs, sizes);
done:
    Py_XDECREF(sigs);
    Py_XDECREF(sizes);
    prepared_texts_clear(&pt);
    return out;
}

/* A read-only contiguous buffer of unsigned integers of `itemsize` bytes. */
static int dedupe_buffer(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, const char *what) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        return -1;
    }
    const char *f = view->format != NULL ? view->format : "B";
    if (*f == '<' || *f == '=' || *f == '@') {
        f++;
    }
    int ok = view->itemsize == itemsize && strlen(f) == 1 && strchr("BHILQ", *f) != NULL;
    if (!ok && view->itemsize == 1 && strcmp(f, "B") == 0 && view->len % itemsize == 0) {
        ok = 1; /* raw bytes, as dedupe_signatures returns them */
    }
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "%s must be a contiguous buffer of %zd-byte unsigned ints",
                     what, itemsize);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(dedupe_cluster_doc,
             "dedupe_cluster($module, sigs, sizes, num_hashes, threshold, containment, bands, "
             "rows, /)\n--\n\n"
             "Clusters documents by their signatures (fl_dedupe_cluster) with the GIL released. "
             "sigs: n x num_hashes uint32, sizes: n uint64 (buffers). Returns raw native arrays "
             "first u4, size u4, jaccard f8, containment f8 (per document), pair_a u4, pair_b "
             "u4, pair_jaccard f8, pair_containment f8 (per pair), and the ints n_clusters, "
             "n_candidates, bands, rows.");

static PyObject *core_dedupe_cluster(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "dedupe_cluster() takes 7 arguments (sigs, sizes, "
                                         "num_hashes, threshold, containment, bands, rows)");
        return NULL;
    }
    unsigned long long num_hashes, bands, rows;
    if (dedupe_uint(args[2], "num_hashes", FL_DEDUPE_MAX_HASHES, &num_hashes) < 0 ||
        dedupe_uint(args[5], "bands", UINT32_MAX, &bands) < 0 ||
        dedupe_uint(args[6], "rows", UINT32_MAX, &rows) < 0) {
        return NULL;
    }
    double threshold = PyFloat_AsDouble(args[3]);
    if (threshold == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    double containment = PyFloat_AsDouble(args[4]);
    if (containment == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (num_hashes == 0) {
        PyErr_SetString(PyExc_ValueError, "num_hashes must be positive");
        return NULL;
    }
    Py_buffer sv, zv;
    if (dedupe_buffer(args[0], &sv, sizeof(uint32_t), "sigs") < 0) {
        return NULL;
    }
    if (dedupe_buffer(args[1], &zv, sizeof(uint64_t), "sizes") < 0) {
        PyBuffer_Release(&sv);
        return NULL;
    }
    size_t n = (size_t)zv.len / sizeof(uint64_t);
    PyObject *out = NULL;
    fl_dedupe_clusters *cl = NULL;
    if ((size_t)sv.len != n * num_hashes * sizeof(uint32_t)) {
        PyErr_Format(PyExc_ValueError,
                     "sigs must hold %zu x %llu values for %zu sizes, not %zd "
                     "bytes",
                     n, num_hashes, n, sv.len);
        goto done;
    }
    fl_dedupe_options o = {threshold, containment, (uint32_t)bands, (uint32_t)rows};
    fl_error err;
    fl_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fl_dedupe_cluster((const uint32_t *)sv.buf, (const uint64_t *)zv.buf, n,
                           (uint32_t)num_hashes, &o, NULL, &cl, &err);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        raise_status(st, &err);
        goto done;
    }
    fl_dedupe_columns c;
    fl_dedupe_clusters_get(cl, &c);
    out = PyDict_New();
    if (out == NULL) {
        goto done;
    }
#define DCOL(name, count, type)                                                                    \
    if (put_col(out, #name, c.name, (count), sizeof(type)) < 0) {                                  \
        Py_CLEAR(out);                                                                             \
        goto done;                                                                                 \
    }
    DCOL(first, c.n_docs, uint32_t)
    DCOL(size, c.n_docs, uint32_t)
    DCOL(jaccard, c.n_docs, double)
    DCOL(containment, c.n_docs, double)
    DCOL(pair_a, c.n_pairs, uint32_t)
    DCOL(pair_b, c.n_pairs, uint32_t)
    DCOL(pair_jaccard, c.n_pairs, double)
    DCOL(pair_containment, c.n_pairs, double)
#undef DCOL
    {
        PyObject *ints[4] = {PyLong_FromSize_t(c.n_clusters), PyLong_FromSize_t(c.n_candidates),
                             PyLong_FromUnsignedLong(c.bands), PyLong_FromUnsignedLong(c.rows)};
        const char *names[4] = {"n_clusters", "n_candidates", "bands", "rows"};
        for (int i = 0; i < 4; i++) {
            if (out != NULL &&
                (ints[i] == NULL || PyDict_SetItemString(out, names[i], ints[i]) < 0)) {
                Py_CLEAR(out);
            }
            Py_XDECREF(ints[i]);
        }
    }
done:
    fl_dedupe_clusters_free(cl);
    PyBuffer_Release(&sv);
    PyBuffer_Release(&zv);
    return out;
}

/* ------------------------------------------------------------------ who says each match */

/* A contiguous buffer of obj holding exactly `bytes` bytes (writable when asked). */
static int get_bytes(PyObject *obj, Py_buffer *view, Py_ssize_t bytes, bool writable,
                     const char *what) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0)) < 0) {
        return -1;
    }
    if (bytes >= 0 && view->len != bytes) {
        PyErr_Format(PyExc_ValueError, "%s must hold %zd bytes, not %zd", what, bytes, view->len);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* The distinct cue lemmas of one call: an open-addressed table of (string, code), so that a
 * Python str and a dict lookup are made per distinct lemma, not per match. */
typedef struct lemma_slot {
    int64_t start, end; /* the string in the attribution strings; end < 0: empty slot */
    uint64_t hash;
    int64_t code;
} lemma_slot;

static uint64_t bytes_hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return h;
}

/* The code of lemma data[start:end] in lemma_code (a dict str -> int: a new lemma gets the
 * next code, len(lemma_code)), through the table; -1 with an exception set. */
static int64_t lemma_code_of(lemma_slot *table, size_t mask, const char *data, int64_t start,
                             int64_t end, PyObject *lemma_code) {
    size_t len = (size_t)(end - start);
    uint64_t h = bytes_hash(data + start, len);
    size_t i = (size_t)h & mask;
    while (table[i].end >= 0) {
        if (table[i].hash == h && (size_t)(table[i].end - table[i].start) == len &&
            memcmp(data + table[i].start, data + start, len) == 0) {
            return table[i].code;
        }
        i = (i + 1) & mask;
    }
    PyObject *key = PyUnicode_DecodeUTF8(data + start, (Py_ssize_t)len, "strict");
    if (key == NULL) {
        return -1;
    }
    int64_t code = -1;
    PyObject *got = PyDict_GetItemWithError(lemma_code, key); /* borrowed */
    if (got != NULL) {
        code = (int64_t)PyLong_AsLongLong(got);
        if (code < 0 && !PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "lemma codes must not be negative");
        }
    } else if (!PyErr_Occurred()) {
        code = (int64_t)PyDict_Size(lemma_code);
        PyObject *value = PyLong_FromLongLong(code);
        if (value == NULL || PyDict_SetItem(lemma_code, key, value) < 0) {
            code = -1;
        }
        Py_XDECREF(value);
    }
    Py_DECREF(key);
    if (code < 0) {
        return -1;
    }
    table[i] = (lemma_slot){start, end, h, code};
    return code;
}

PyDoc_STRVAR(
    match_who_doc,
    "match_who($module, cols, attr_offsets, attr_data, lemma_code, out, speaker_base, "
    "cue_base, doc_base, /)\n--\n\n"
    "Who says each match of a batch (cols: its columns as gather writes them; match_doc "
    "int64, its first document doc_base): the attribution a "
    "match links to (match_attribution, through doc_attributions and match_doc) gives its "
    "speaker's offsets and actor and the strings attr_offsets (int64, 4 an attribution: "
    "speaker, cue, cue lemma, content) and attr_data (UTF-8) its speaker, cue and lemma. "
    "Writes one value a match into each buffer of out: has, named (uint8), speaker_start, "
    "speaker_end (int64, 0 without an attribution), speaker_actor (uint32, UINT32_MAX "
    "without), lemma (int64 code, -1 without), speaker_offsets and cue_offsets (int64, the "
    "end of each match's string, from speaker_base and cue_base; empty without a speaker or "
    "cue). lemma_code (dict str -> int) codes each lemma, a new one len(lemma_code). "
    "Returns (speaker_data, cue_data): bytes.");

enum { WHO_HAS, WHO_NAMED, WHO_START, WHO_END, WHO_ACTOR, WHO_LEMMA, WHO_SPEAKER, WHO_CUE, WHO_N };

static PyObject *core_match_who(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 8) {
        PyErr_SetString(PyExc_TypeError, "match_who() takes 8 arguments");
        return NULL;
    }
    PyObject *cols = args[0], *lemma_code = args[3], *out = args[4];
    if (!PyDict_Check(cols) || !PyDict_Check(lemma_code) || !PyTuple_Check(out) ||
        PyTuple_GET_SIZE(out) != WHO_N) {
        PyErr_SetString(PyExc_TypeError,
                        "match_who: cols and lemma_code must be dicts, out a tuple of 8");
        return NULL;
    }
    int64_t sp_base = (int64_t)PyLong_AsLongLong(args[5]);
    int64_t cue_base = (int64_t)PyLong_AsLongLong(args[6]);
    int64_t doc_base = (int64_t)PyLong_AsLongLong(args[7]);
    if ((sp_base == -1 || cue_base == -1 || doc_base == -1) && PyErr_Occurred()) {
        return NULL;
    }
    static const char *const in_names[] = {"match_attribution", "match_doc",
                                           "doc_attributions",  "attr_speaker_start",
                                           "attr_speaker_end",  "attr_speaker_actor"};
    enum { LINK, DOC, PER_DOC, SP_START, SP_END, SP_ACTOR, IN_N };
    Py_buffer in[IN_N], outs[WHO_N], off_view, data_view;
    int n_in = 0, n_out = 0;
    bool have_off = false, have_data = false;
    PyObject *sp_data = NULL, *cue_data = NULL, *result = NULL;
    int64_t *first = NULL;
    lemma_slot *table = NULL;
    for (; n_in < IN_N; n_in++) {
        PyObject *col = PyDict_GetItemString(cols, in_names[n_in]); /* borrowed */
        if (col == NULL) {
            PyErr_Format(PyExc_KeyError, "cols has no %s", in_names[n_in]);
            goto done;
        }
        if (get_bytes(col, &in[n_in], -1, false, in_names[n_in]) < 0) {
            goto done;
        }
    }
    size_t n = (size_t)in[LINK].len / 4, n_docs = (size_t)in[PER_DOC].len / 4;
    size_t n_attr = (size_t)in[SP_START].len / 8;
    if (in[DOC].len != 2 * in[LINK].len || in[SP_END].len != in[SP_START].len ||
        (size_t)in[SP_ACTOR].len != 4 * n_attr) {
        PyErr_SetString(PyExc_ValueError, "match_who: columns of different lengths");
        goto done;
    }
    static const Py_ssize_t widths[WHO_N] = {1, 1, 8, 8, 4, 8, 8, 8};
    for (; n_out < WHO_N; n_out++) {
        if (get_bytes(PyTuple_GET_ITEM(out, n_out), &outs[n_out], widths[n_out] * (Py_ssize_t)n,
                      true, "each buffer of out") < 0) {
            goto done;
        }
    }
    if (get_bytes(args[1], &off_view, -1, false, "attr_offsets") < 0) {
        goto done;
    }
    have_off = true;
    if (get_bytes(args[2], &data_view, -1, false, "attr_data") < 0) {
        goto done;
    }
    have_data = true;
    size_t n_strings = off_view.len / 8 > 0 ? (size_t)off_view.len / 8 - 1 : 0;
    const char *off = off_view.buf;
    const char *data = data_view.buf != NULL ? data_view.buf : ""; /* no offset from NULL */
    const char *link = in[LINK].buf, *doc = in[DOC].buf, *per_doc = in[PER_DOC].buf;
    /* each document's first attribution row */
    first = PyMem_Malloc((n_docs + 1) * sizeof(*first));
    if (first == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    first[0] = 0;
    for (size_t d = 0; d < n_docs; d++) {
        first[d + 1] = first[d] + load_u32(per_doc, d);
    }
    /* one pass checks every link and sizes the strings, the next writes */
    size_t sp_len = 0, cue_len = 0, n_has = 0;
    for (size_t m = 0; m < n; m++) {
        uint32_t l = load_u32(link, m);
        if (l == UINT32_MAX) {
            continue;
        }
        /* unsigned: a document before doc_base is one past the batch's too */
        uint64_t d = (uint64_t)load_i64(doc, m) - (uint64_t)doc_base;
        int64_t row = d < n_docs ? first[d] + (int64_t)l : -1;
        if (d >= n_docs || (uint64_t)row >= n_attr || 4 * (uint64_t)row + 3 > n_strings) {
            PyErr_SetString(PyExc_ValueError, "match_who: a match links to no attribution");
            goto done;
        }
        for (size_t k = 0; k < 3; k++) {
            int64_t s = load_i64(off, 4 * (size_t)row + k),
                    e = load_i64(off, 4 * (size_t)row + k + 1);
            if (s < 0 || e < s || e > data_view.len) {
                PyErr_SetString(PyExc_ValueError, "match_who: attr_offsets out of attr_data");
                goto done;
            }
        }
        int64_t s = load_i64(in[SP_START].buf, (size_t)row),
                e = load_i64(in[SP_END].buf, (size_t)row);
        if (e > s) {
            sp_len += (size_t)(load_i64(off, 4 * (size_t)row + 1) - load_i64(off, 4 * (size_t)row));
        }
        cue_len += (size_t)(load_i64(off, 4 * (size_t)row + 2) -
                            load_i64(off, 4 * (size_t)row + 1));
        n_has++;
    }
    sp_data = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)sp_len);
    cue_data = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)cue_len);
    size_t mask = 1;
    while (mask < 2 * n_has + 1) {
        mask <<= 1;
    }
    table = PyMem_Malloc(mask * sizeof(*table));
    if (sp_data == NULL || cue_data == NULL || table == NULL) {
        if (table == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    for (size_t i = 0; i < mask; i++) {
        table[i].end = -1;
    }
    mask--;
    char *sp_out = PyBytes_AS_STRING(sp_data), *cue_out = PyBytes_AS_STRING(cue_data);
    uint8_t *has = outs[WHO_HAS].buf, *named = outs[WHO_NAMED].buf;
    char *start = outs[WHO_START].buf, *end = outs[WHO_END].buf, *actor = outs[WHO_ACTOR].buf;
    char *lemma = outs[WHO_LEMMA].buf, *sp_off = outs[WHO_SPEAKER].buf;
    char *cue_off = outs[WHO_CUE].buf;
    int64_t sp_at = 0, cue_at = 0;
    for (size_t m = 0; m < n; m++) {
        uint32_t l = load_u32(link, m);
        uint32_t who = UINT32_MAX;
        int64_t s = 0, e = 0, code = -1;
        bool is_named = false;
        if (l != UINT32_MAX) {
            /* checked again, as the first pass did: an out buffer may share memory with a
             * column read here */
            uint64_t d = (uint64_t)load_i64(doc, m) - (uint64_t)doc_base;
            int64_t r = d < n_docs ? first[d] + (int64_t)l : -1;
            if (r < 0 || (uint64_t)r >= n_attr || 4 * (uint64_t)r + 3 > n_strings) {
                PyErr_SetString(PyExc_ValueError, "match_who: a match links to no attribution");
                goto done;
            }
            size_t row = (size_t)r;
            s = load_i64(in[SP_START].buf, row);
            e = load_i64(in[SP_END].buf, row);
            who = load_u32(in[SP_ACTOR].buf, row);
            is_named = e > s;
            int64_t o0 = load_i64(off, 4 * row), o1 = load_i64(off, 4 * row + 1);
            int64_t o2 = load_i64(off, 4 * row + 2), o3 = load_i64(off, 4 * row + 3);
            int64_t sp_n = is_named ? o1 - o0 : 0;
            if (o0 < 0 || o1 < o0 || o2 < o1 || o3 < o2 || o3 > data_view.len ||
                sp_n > (int64_t)sp_len - sp_at || o2 - o1 > (int64_t)cue_len - cue_at) {
                PyErr_SetString(PyExc_ValueError, "match_who: attr_offsets out of attr_data");
                goto done;
            }
            if (sp_n > 0) {
                memcpy(sp_out + sp_at, data + o0, (size_t)sp_n);
                sp_at += sp_n;
            }
            if (o2 > o1) {
                memcpy(cue_out + cue_at, data + o1, (size_t)(o2 - o1));
                cue_at += o2 - o1;
            }
            code = lemma_code_of(table, mask, data, o2, o3, lemma_code);
            if (code < 0) {
                goto done;
            }
        }
        has[m] = l != UINT32_MAX;
        named[m] = is_named;
        store_i64(start, m, s);
        store_i64(end, m, e);
        memcpy(actor + 4 * m, &who, sizeof(who));
        store_i64(lemma, m, code);
        store_i64(sp_off, m, sp_base + sp_at);
        store_i64(cue_off, m, cue_base + cue_at);
    }
    result = PyTuple_Pack(2, sp_data, cue_data);
done:
    PyMem_Free(table);
    PyMem_Free(first);
    Py_XDECREF(sp_data);
    Py_XDECREF(cue_data);
    if (have_data) {
        PyBuffer_Release(&data_view);
    }
    if (have_off) {
        PyBuffer_Release(&off_view);
    }
    for (int i = 0; i < n_out; i++) {
        PyBuffer_Release(&outs[i]);
    }
    for (int i = 0; i < n_in; i++) {
        PyBuffer_Release(&in[i]);
    }
    return result;
}

/* ------------------------------------------------------------------ gather */

/* The parts of a batch capsule (made by analyze_parts or pool_collect) into *parts (n of
 * them, PyMem_Free'd by the caller); -1 with an exception set on failure. */
static int gather_parts(PyObject *obj, fl_batch_columns **parts, size_t *n) {
    if (!PyCapsule_IsValid(obj, BATCH_CAPSULE)) {
        type_error("expected a batch made by analyze_parts() or pool_collect()", obj);
        return -1;
    }
    const fl_batch *batch = PyCapsule_GetPointer(obj, BATCH_CAPSULE);
    *n = fl_batch_parts(batch);
    *parts = PyMem_Calloc(*n, sizeof(**parts));
    if (*parts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t p = 0; p < *n; p++) {
        fl_batch_part_columns(batch, p, &(*parts)[p]);
    }
    return 0;
}

/* The bytes gather writes for each column (SIZE_MAX: the batch has none). */
static void gather_sizes_of(const fl_batch_columns *parts, size_t n, bool drop_contents,
                            size_t sizes[GATHER_N]) {
    for (size_t i = 0; i < GATHER_N; i++) {
        const gather_column *g = &GATHER[i];
        if (!gather_present(&parts[0], g)) {
            sizes[i] = SIZE_MAX;
            continue;
        }
        size_t bytes = 0;
        for (size_t p = 0; p < n; p++) {
            size_t rows = gather_rows_of(&parts[p], g);
            bytes += g->kind == KIND_COPY ? rows * g->width
                     : g->kind == KIND_DATA
                         ? gather_data_bytes(g, gather_source(&parts[p], &GATHER[i - 1]), rows,
                                             drop_contents)
                         : rows * sizeof(int64_t);
        }
        sizes[i] = bytes;
    }
}

PyDoc_STRVAR(gather_sizes_doc,
             "gather_sizes($module, batch, drop_contents, /)\n--\n\n"
             "The bytes gather writes of the batch (from analyze_parts or pool_collect) for each "
             "of GATHER_COLUMNS, in order: an int, or None for a column the batch has not "
             "(sentence texts not kept, no signatures). drop_contents: the attribution "
             "contents (every fourth attribution string) are left out, as empty strings.");

static PyObject *core_gather_sizes(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "gather_sizes() takes 2 arguments (batch, drop_contents)");
        return NULL;
    }
    int drop = PyObject_IsTrue(args[1]);
    fl_batch_columns *parts;
    size_t n;
    if (drop < 0 || gather_parts(args[0], &parts, &n) < 0) {
        return NULL;
    }
    size_t sizes[GATHER_N];
    gather_sizes_of(parts, n, drop, sizes);
    PyMem_Free(parts);
    PyObject *out = PyTuple_New(GATHER_N);
    for (size_t i = 0; out != NULL && i < GATHER_N; i++) {
        PyObject *v = sizes[i] == SIZE_MAX ? Py_NewRef(Py_None) : PyLong_FromSize_t(sizes[i]);
        if (v == NULL || PyTuple_SetItem(out, (Py_ssize_t)i, v) < 0) {
            Py_CLEAR(out);
        }
    }
    return out;
}

/* gather's copy of one part's column g into dst at *at (its bytes counted by gather_sizes_of);
 * base: where the strings of g start in the caller's data (offsets; data moves it on). */
static void gather_part(const fl_batch_columns *c, size_t i, char *dst, size_t *at, int64_t n_docs,
                        int64_t bases[STRINGS_N], bool drop_contents) {
    const gather_column *g = &GATHER[i];
    size_t rows = gather_rows_of(c, g);
    if (rows == 0) {
        return;
    }
    const char *src = gather_source(c, g);
    char *out = dst + *at;
    switch ((gather_kind)g->kind) {
    case KIND_COPY:
        memcpy(out, src, rows * g->width);
        *at += rows * g->width;
        break;
    case KIND_DOC:
        for (size_t k = 0; k < rows; k++) {
            store_i64(out, k, n_docs + (int64_t)load_u32(src, k));
        }
        *at += rows * sizeof(int64_t);
        break;
    case KIND_OFFSETS: {
        int64_t end = bases[g->strings];
        for (size_t k = 0; k < rows; k++) {
            if (!gather_dropped(g, drop_contents, k)) {
                end += load_i64(src, k + 1) - load_i64(src, k);
            }
            store_i64(out, k, end);
        }
        *at += rows * sizeof(int64_t);
        break;
    }
    case KIND_DATA: {
        const char *off = gather_source(c, &GATHER[i - 1]);
        size_t bytes = gather_data_bytes(g, off, rows, drop_contents);
        if (bytes == (size_t)load_i64(off, rows)) {
            if (bytes > 0) { /* no data at all (src may be NULL): nothing to copy */
                memcpy(out, src, bytes); /* every string kept */
            }
        } else {
            size_t w = 0;
            for (size_t k = 0; k < rows; k++) {
                int64_t s = load_i64(off, k), e = load_i64(off, k + 1);
                if (!gather_dropped(g, drop_contents, k) && e > s) {
                    memcpy(out + w, src + s, (size_t)(e - s));
                    w += (size_t)(e - s);
                }
            }
        }
        *at += bytes;
        bases[g->strings] += (int64_t)bytes;
        break;
    }
    }
}

PyDoc_STRVAR(gather_doc,
             "gather($module, batch, dests, n_docs, surface_base, attr_base, sent_base, "
             "drop_contents, /)\n--\n\n"
             "Writes the batch's columns (from analyze_parts or pool_collect) into dests, a "
             "tuple of writable buffers of exactly gather_sizes's bytes (None where that is "
             "None), one for each of GATHER_COLUMNS, without the GIL: document indices as "
             "int64 plus n_docs, string offsets without their leading zero and plus the "
             "base of their strings (the bytes of the caller's data before them), the rest "
             "as the core made them.");

static PyObject *core_gather(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "gather() takes 7 arguments (batch, dests, n_docs, "
                                         "surface_base, attr_base, sent_base, drop_contents)");
        return NULL;
    }
    if (!PyTuple_Check(args[1]) || PyTuple_GET_SIZE(args[1]) != GATHER_N) {
        PyErr_Format(PyExc_TypeError, "gather: dests must be a tuple of %d buffers", GATHER_N);
        return NULL;
    }
    /* n_docs, surface_base, attr_base, sent_base */
    int64_t counts[4];
    for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
        counts[i] = (int64_t)PyLong_AsLongLong(args[2 + i]);
        if (counts[i] < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "gather: n_docs and the bases must be >= 0");
            }
            return NULL;
        }
    }
    int64_t n_docs = counts[0];
    int64_t bases[STRINGS_N] = {
        [STRINGS_SURFACE] = counts[1], [STRINGS_ATTR] = counts[2], [STRINGS_SENT] = counts[3]};
    int drop = PyObject_IsTrue(args[6]);
    if (drop < 0) {
        return NULL;
    }
    fl_batch_columns *parts;
    size_t n;
    if (gather_parts(args[0], &parts, &n) < 0) {
        return NULL;
    }
    size_t sizes[GATHER_N];
    gather_sizes_of(parts, n, drop, sizes);
    Py_buffer views[GATHER_N];
    size_t n_views = 0;
    PyObject *result = NULL;
    for (; n_views < GATHER_N; n_views++) {
        PyObject *dest = PyTuple_GET_ITEM(args[1], (Py_ssize_t)n_views);
        const size_t i = n_views;
        if (sizes[i] == SIZE_MAX) {
            if (dest != Py_None) {
                PyErr_Format(PyExc_ValueError, "gather: the batch has no %s: its dest must be None",
                             GATHER[i].name);
                goto done;
            }
            views[i].buf = NULL;
            views[i].obj = NULL;
            continue;
        }
        if (get_bytes(dest, &views[i], (Py_ssize_t)sizes[i], true, GATHER[i].name) < 0) {
            goto done;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    size_t at[GATHER_N] = {0};
    for (size_t p = 0; p < n; p++) {
        for (size_t i = 0; i < GATHER_N; i++) {
            if (sizes[i] != SIZE_MAX) {
                gather_part(&parts[p], i, views[i].buf, &at[i], n_docs, bases, drop);
            }
        }
    }
    Py_END_ALLOW_THREADS
    result = Py_NewRef(Py_None);
done:
    for (size_t i = 0; i < n_views; i++) {
        if (views[i].obj != NULL) {
            PyBuffer_Release(&views[i]);
        }
    }
    PyMem_Free(parts);
    return result;
}

static PyMethodDef core_methods[] = {
    {"analyze_batch", (PyCFunction)(void (*)(void))core_analyze_batch, METH_FASTCALL,
     analyze_batch_doc},
    {"analyze_columns", (PyCFunction)(void (*)(void))core_analyze_columns, METH_FASTCALL,
     analyze_columns_doc},
    {"batch_slot", core_batch_slot, METH_NOARGS, batch_slot_doc},
    {"pool_new", (PyCFunction)(void (*)(void))core_pool_new, METH_FASTCALL, pool_new_doc},
    {"pool_submit", (PyCFunction)(void (*)(void))core_pool_submit, METH_FASTCALL, pool_submit_doc},
    {"pool_collect", (PyCFunction)(void (*)(void))core_pool_collect, METH_FASTCALL,
     pool_collect_doc},
    {"analyze_parts", (PyCFunction)(void (*)(void))core_analyze_parts, METH_FASTCALL,
     analyze_parts_doc},
    {"gather_sizes", (PyCFunction)(void (*)(void))core_gather_sizes, METH_FASTCALL,
     gather_sizes_doc},
    {"gather", (PyCFunction)(void (*)(void))core_gather, METH_FASTCALL, gather_doc},
    {"compare_groups", core_compare_groups, METH_VARARGS, compare_groups_doc},
    {"wilson", core_wilson, METH_VARARGS, wilson_doc},
    {"bh", core_bh, METH_O, bh_doc},
    {"log_odds", core_log_odds, METH_VARARGS, log_odds_doc},
    {"g2", core_g2, METH_VARARGS, g2_doc},
    {"analyze", (PyCFunction)(void (*)(void))core_analyze, METH_FASTCALL, analyze_doc},
    {"match_objects", (PyCFunction)(void (*)(void))core_match_objects, METH_FASTCALL,
     match_objects_doc},
    {"match_terms", (PyCFunction)(void (*)(void))core_match_terms, METH_FASTCALL, match_terms_doc},
    {"tokens", core_tokens, METH_O, tokens_doc},
    {"fold", core_fold, METH_O, fold_doc},
    {"dedupe_signatures", (PyCFunction)(void (*)(void))core_dedupe_signatures, METH_FASTCALL,
     dedupe_signatures_doc},
    {"dedupe_cluster", (PyCFunction)(void (*)(void))core_dedupe_cluster, METH_FASTCALL,
     dedupe_cluster_doc},
    {"match_who", (PyCFunction)(void (*)(void))core_match_who, METH_FASTCALL, match_who_doc},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ module */

/* module.name = value, without the reference PyModule_AddObject leaks when it fails. */
static int add_size_constant(PyObject *module, const char *name, size_t value) {
    PyObject *v = PyLong_FromSize_t(value);
    int rc = v == NULL ? -1 : PyModule_AddObjectRef(module, name, v);
    Py_XDECREF(v);
    return rc;
}

static int core_exec(PyObject *module) {
    module_state *ms = get_state(module);
    ms->LexiconError = PyErr_NewExceptionWithDoc(
        "framelens.LexiconError",
        "A lexicon that cannot be loaded. Attributes: source, line, column (1-based, or None), "
        "path (a JSON path such as 'terms[3].weight', or None), item (the failing item's "
        "index, or None) and detail.",
        PyExc_ValueError, NULL);
    if (ms->LexiconError == NULL ||
        PyModule_AddObjectRef(module, "LexiconError", ms->LexiconError) < 0) {
        return -1;
    }
    ms->LexiconType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Lexicon_spec, NULL);
    if (ms->LexiconType == NULL ||
        PyModule_AddObjectRef(module, "Lexicon", (PyObject *)ms->LexiconType) < 0) {
        return -1;
    }
    ms->BuilderType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Builder_spec, NULL);
    if (ms->BuilderType == NULL ||
        PyModule_AddObjectRef(module, "Builder", (PyObject *)ms->BuilderType) < 0) {
        return -1;
    }
    ms->ColumnType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Column_spec, NULL);
    if (ms->ColumnType == NULL) {
        return -1;
    }
    if (PyModule_AddStringConstant(module, "core_version", fl_version()) < 0 ||
        PyModule_AddIntConstant(module, "MAX_TERM_TOKENS", FL_MAX_TERM_TOKENS) < 0 ||
        PyModule_AddStringConstant(module, "SENTENCE_FORMAT", SENTENCE_FORMAT) < 0 ||
        PyModule_AddStringConstant(module, "MATCH_FORMAT", MATCH_FORMAT) < 0 ||
        PyModule_AddStringConstant(module, "MARKER_FORMAT", MARKER_FORMAT) < 0 ||
        PyModule_AddStringConstant(module, "ATTRIBUTION_FORMAT", ATTRIBUTION_FORMAT) < 0 ||
        PyModule_AddIntConstant(module, "MAX_TERMS", FL_MAX_TERMS) < 0 ||
        PyModule_AddIntConstant(module, "MAX_LEXICON_STRINGS", FL_MAX_LEXICON_STRINGS) < 0 ||
        PyModule_AddIntConstant(module, "MAX_THREADS", FL_MAX_THREADS) < 0 ||
        add_size_constant(module, "MAX_TEXT_BYTES", FL_MAX_TEXT_BYTES) < 0 ||
        add_size_constant(module, "MAX_LEXICON_BYTES", FL_MAX_LEXICON_BYTES) < 0) {
        return -1;
    }
    PyObject *names = PyTuple_New(GATHER_N);
    for (size_t i = 0; names != NULL && i < GATHER_N; i++) {
        PyObject *name = PyUnicode_FromString(GATHER[i].name);
        if (name == NULL || PyTuple_SetItem(names, (Py_ssize_t)i, name) < 0) {
            Py_CLEAR(names);
        }
    }
    int rc = names == NULL ? -1 : PyModule_AddObjectRef(module, "GATHER_COLUMNS", names);
    Py_XDECREF(names);
    return rc;
}

static int core_traverse(PyObject *module, visitproc visit, void *arg) {
    module_state *ms = get_state(module);
    Py_VISIT(ms->LexiconError);
    Py_VISIT(ms->LexiconType);
    Py_VISIT(ms->BuilderType);
    Py_VISIT(ms->ColumnType);
    return 0;
}

static int core_clear(PyObject *module) {
    module_state *ms = get_state(module);
    Py_CLEAR(ms->LexiconError);
    Py_CLEAR(ms->LexiconType);
    Py_CLEAR(ms->BuilderType);
    Py_CLEAR(ms->ColumnType);
    return 0;
}

static void core_free(void *module) {
    core_clear((PyObject *)module);
    module_state *ms = get_state((PyObject *)module);
    if (ms != NULL) {
        fl_result_free(atomic_exchange(&ms->spare_result, NULL));
    }
}

static PyModuleDef_Slot core_slots[] = {
    {Py_mod_exec, core_exec},
#ifdef Py_mod_multiple_interpreters
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
#endif
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "framelens._core",
    .m_doc = "The C core of framelens: lexicon loading and text analysis.",
    .m_size = sizeof(module_state),
    .m_methods = core_methods,
    .m_slots = core_slots,
    .m_traverse = core_traverse,
    .m_clear = core_clear,
    .m_free = core_free,
};

PyMODINIT_FUNC PyInit__core(void) {
    return PyModuleDef_Init(&core_module);
}
