/* _core.c: the CPython binding of the framelens C core (a thin layer: arguments, GIL, wrapping). */
/* SPDX-License-Identifier: MIT */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "framelens.h"

#include <stdatomic.h>
#include <string.h>

/* Building against the limited API (setup.py's FRAMELENS_LIMITED_API: one abi3 extension for
 * every CPython >= 3.11) hides the macros below; their function forms do the same work with
 * a type check each. In a fresh list or tuple the *_SetItem calls cannot fail. */
#ifdef Py_LIMITED_API
#define PyList_SET_ITEM(list, i, item) ((void)PyList_SetItem((list), (i), (item)))
#define PyTuple_SET_ITEM(tuple, i, item) ((void)PyTuple_SetItem((tuple), (i), (item)))
#define PyList_GET_ITEM(list, i) PyList_GetItem((list), (i))
#define PyList_GET_SIZE(list) PyList_Size(list)
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

static PyObject *raise_status(fl_status st, const fl_error *err) {
    if (st == FL_ERR_NOMEM) {
        return PyErr_NoMemory();
    }
    PyErr_SetString(PyExc_ValueError, err->message[0] ? err->message : fl_status_str(st));
    return NULL;
}

/* Raises LexiconError(message) with .source .line .column .path .detail set. */
static PyObject *raise_lexicon_error(module_state *ms, const char *source, const fl_error *err) {
    if (err->code == FL_ERR_NOMEM) {
        return PyErr_NoMemory();
    }
    PyObject *exc = PyObject_CallFunction(ms->LexiconError, "s", err->message);
    if (exc == NULL) {
        return NULL;
    }
    PyObject *line = err->line ? PyLong_FromUnsignedLong(err->line) : Py_NewRef(Py_None);
    PyObject *col = err->column ? PyLong_FromUnsignedLong(err->column) : Py_NewRef(Py_None);
    PyObject *path = err->path[0] ? PyUnicode_FromString(err->path) : Py_NewRef(Py_None);
    PyObject *src = PyUnicode_DecodeUTF8(source, (Py_ssize_t)strlen(source), "replace");
    PyObject *detail = PyUnicode_DecodeUTF8(err->detail, (Py_ssize_t)strlen(err->detail),
                                            "replace");
    if (line && col && path && src && detail && PyObject_SetAttrString(exc, "line", line) == 0 &&
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
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        Py_ssize_t start = 0;
        if (value == NULL || PyUnicodeEncodeError_GetStart(value, &start) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_Format(PyExc_ValueError,
                     "text contains a lone surrogate at index %zd (not valid Unicode text); "
                     "decode the source with errors='replace' first",
                     start);
    }
    return s;
}

/* UTF-8 of a str without leaving a cached copy inside it: ASCII strings are their own
 * UTF-8; others are encoded into a new bytes object stored in *holder (release it when
 * done). Analysing a corpus thus never keeps a second copy of the caller's texts. */
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
#endif
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
}

/* ------------------------------------------------------------------ Lexicon */

static int Lexicon_init(PyObject *self_obj, PyObject *args, PyObject *kwds) {
    LexiconObject *self = (LexiconObject *)self_obj;
    static char *kwlist[] = {"data", "source", NULL};
    PyObject *data;
    const char *source = "<lexicon>";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|s", kwlist, &data, &source)) {
        return -1;
    }
    if (self->lex != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Lexicon is already initialised");
        return -1;
    }
    const char *json;
    Py_ssize_t len;
    if (PyBytes_Check(data)) {
        json = PyBytes_AS_STRING(data);
        len = PyBytes_GET_SIZE(data);
    } else if (PyUnicode_Check(data)) {
        json = text_utf8(data, &len);
        if (json == NULL) {
            return -1;
        }
    } else {
        type_error("lexicon JSON must be str or bytes", data);
        return -1;
    }
    fl_error err;
    fl_lexicon *lex = NULL;
    fl_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fl_lexicon_load_json(json, (size_t)len, source, NULL, &lex, &err);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        PyObject *mod = PyType_GetModule(Py_TYPE(self_obj));
        if (mod == NULL) {
            return -1;
        }
        raise_lexicon_error(get_state(mod), source, &err);
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
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
}

PyDoc_STRVAR(Lexicon_terms_doc,
             "terms() -> list[tuple[str, int, float, bool, tuple[str, ...]]]\n\n"
             "(term, category index, weight, case_sensitive, variants) for each term.");

static PyObject *Lexicon_terms(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_term_count(self->lex);
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (list == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        fl_term_info t;
        fl_lexicon_term(self->lex, i, &t);
        PyObject *vars = PyTuple_New(t.n_variants);
        if (vars == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        for (uint32_t v = 0; v < t.n_variants; v++) {
            const char *s;
            size_t len;
            fl_lexicon_variant(self->lex, i, v, &s, &len);
            PyObject *o = str_n(s, len);
            if (o == NULL) {
                Py_DECREF(vars);
                Py_DECREF(list);
                return NULL;
            }
            PyTuple_SET_ITEM(vars, v, o);
        }
        PyObject *row = Py_BuildValue("(NIdON)", str_n(t.term, t.term_len), t.category,
                                      t.weight, t.case_sensitive ? Py_True : Py_False, vars);
        if (row == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_categories_doc, "categories() -> list[str]\n\nCategory names by index.");

static PyObject *Lexicon_categories(PyObject *self_obj, PyObject *unused) {
    LexiconObject *self = (LexiconObject *)self_obj;
    (void)unused;
    if (check_ready(self) < 0) {
        return NULL;
    }
    size_t n = fl_lexicon_category_count(self->lex);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        size_t len;
        const char *s = fl_lexicon_category(self->lex, i, &len);
        PyObject *o = str_n(s, len);
        if (o == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, o);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_contrasts_doc,
             "contrasts() -> list[tuple[str, list[tuple[str, list[int]]]]]\n\n"
             "(name, [(option, [term index, ...]), ...]) for each contrast set.");

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
            const uint32_t *terms;
            size_t nt;
            fl_lexicon_contrast_option(self->lex, c, o, &name, &name_len, &terms, &nt);
            PyObject *idx = PyList_New((Py_ssize_t)nt);
            for (size_t k = 0; idx != NULL && k < nt; k++) {
                PyObject *v = PyLong_FromUnsignedLong(terms[k]);
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
        PyObject *row = opts == NULL ? NULL : Py_BuildValue("(NN)", str_n(ci.name, ci.name_len), opts);
        if (row == NULL || PyList_Append(list, row) < 0) {
            Py_XDECREF(row);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(row);
    }
    return list;
}

PyDoc_STRVAR(Lexicon_meta_doc, "meta(key) -> str | None\n\n"
                               "The top-level string 'name', 'version', 'language' or "
                               "'description'.");

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
    {"terms", Lexicon_terms, METH_NOARGS, Lexicon_terms_doc},
    {"categories", Lexicon_categories, METH_NOARGS, Lexicon_categories_doc},
    {"contrasts", Lexicon_contrasts, METH_NOARGS, Lexicon_contrasts_doc},
    {"meta", Lexicon_meta, METH_O, Lexicon_meta_doc},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Lexicon_getset[] = {
    {"source", Lexicon_get_source, NULL, "Name of the lexicon's source, for messages.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(Lexicon_doc, "Lexicon(data, source='<lexicon>')\n\n"
                          "A compiled lexicon from JSON text (str or bytes). Immutable and "
                          "safe to share between threads.");

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

static fl_status run_analysis(const fl_lexicon *lex, const char *s, Py_ssize_t len,
                              fl_result *res, fl_error *err) {
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

/* A tuple of n new references (stolen); NULL with an exception when any is NULL. */
static PyObject *tuple_steal(Py_ssize_t n, PyObject **items) {
    PyObject *t = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            goto fail;
        }
    }
    t = PyTuple_New(n);
    if (t == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, items[i]);
    }
    return t;
fail:
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(items[i]);
    }
    return NULL;
}

static PyObject *sentences_list(const fl_result *res) {
    size_t n;
    const fl_sentence *ss = fl_result_sentences(res, &n);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        const fl_sentence *x = &ss[i];
        PyObject *items[8] = {
            PyLong_FromSsize_t((Py_ssize_t)x->cp_start), PyLong_FromSsize_t((Py_ssize_t)x->cp_end),
            PyLong_FromUnsignedLong(x->n_tokens), PyFloat_FromDouble(x->score),
            PyLong_FromUnsignedLong(x->first_match), PyLong_FromUnsignedLong(x->n_matches),
            PyLong_FromUnsignedLong(x->first_marker), PyLong_FromUnsignedLong(x->n_markers)};
        PyObject *row = tuple_steal(8, items);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

static PyObject *markers_list(const fl_result *res) {
    size_t n;
    const fl_marker *ms = fl_result_markers(res, &n);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        PyObject *row = Py_BuildValue("(nnIi)", (Py_ssize_t)ms[i].cp_start,
                                      (Py_ssize_t)ms[i].cp_end, ms[i].sentence, (int)ms[i].kind);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

static PyObject *matches_list(const fl_result *res) {
    size_t n;
    const fl_match *ms = fl_result_matches(res, &n);
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list != NULL && i < n; i++) {
        const fl_match *m = &ms[i];
        PyObject *items[6] = {
            PyLong_FromSsize_t((Py_ssize_t)m->cp_start), PyLong_FromSsize_t((Py_ssize_t)m->cp_end),
            PyLong_FromUnsignedLong(m->term), PyLong_FromUnsignedLong(m->sentence),
            PyLong_FromLong(m->voice), PyLong_FromLong(m->negated)};
        PyObject *row = tuple_steal(6, items);
        if (row == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, row);
    }
    return list;
}

PyDoc_STRVAR(analyze_doc,
             "analyze(lexicon, text, /) -> (sentences, matches, markers)\n\n"
             "lexicon: a Lexicon, or None to segment only. text: str.\n"
             "sentences: [(start, end, n_tokens, score, first_match, n_matches,\n"
             "             first_marker, n_markers)]\n"
             "matches: [(start, end, term index, sentence index, voice, negated)]\n"
             "markers: [(start, end, sentence index, kind)] (0 word, 1 scare quotes)\n"
             "Offsets are code point offsets into text.");

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
        PyObject *sents = sentences_list(res);
        PyObject *matches = sents == NULL ? NULL : matches_list(res);
        PyObject *markers = matches == NULL ? NULL : markers_list(res);
        if (markers != NULL) {
            out = PyTuple_Pack(3, sents, matches, markers);
        }
        Py_XDECREF(sents);
        Py_XDECREF(matches);
        Py_XDECREF(markers);
    }
    give_result(ms, res, len);
    Py_XDECREF(holder);
    return out;
}

PyDoc_STRVAR(tokens_doc, "tokens(text, /) -> [(start, end, kind, sentence)]\n\n"
                         "The tokens of text (kind: 0 word, 1 clitic, 2 hyphen, 3 punct), "
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

PyDoc_STRVAR(fold_doc, "fold(text, /) -> str\n\nThe folded form under which terms compare.");

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
        return st == FL_ERR_NOMEM ? PyErr_NoMemory() : PyErr_Format(PyExc_ValueError, "%s", fl_status_str(st));
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)need);
    if (buf == NULL) {
        return NULL;
    }
    st = fl_fold(s, (size_t)len, PyBytes_AS_STRING(buf), need, &need, NULL);
    PyObject *out = st == FL_OK ? PyUnicode_DecodeUTF8(PyBytes_AS_STRING(buf), (Py_ssize_t)need, "strict") : PyErr_NoMemory();
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
             "analyze_batch(lexicon, texts, threads, /) -> dict[str, bytes]\n\n"
             "Analyses a list of str on `threads` worker threads with the GIL released. Returns "
             "the result columns as raw native-endian arrays (see fl_batch_columns): "
             "doc_tokens u8, doc_sentences u4, doc_matches u4, sent_doc u4, sent_index u4, "
             "sent_start i8, sent_end i8, sent_tokens u4, sent_matches u4, sent_markers u4, "
             "sent_score f8, match_doc u4, match_sentence u4, match_term u4, match_start i8, "
             "match_end i8, match_voice u1, match_negated u1, surface_offsets i8, "
             "surface_data (UTF-8).");

static PyObject *core_analyze_batch(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "analyze_batch() takes 3 arguments (lexicon, texts, threads)");
        return NULL;
    }
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
    if (threads < 1 || threads > 256) {
        PyErr_SetString(PyExc_ValueError, "threads must be between 1 and 256");
        return NULL;
    }
    /* Hold our own reference to the list: its items (and their UTF-8) must outlive the
     * GIL-free section even if the caller mutates the list from another thread. */
    PyObject *list = PySequence_List(args[1]);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    const char **texts = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    size_t *lens = PyMem_Calloc((size_t)n + 1, sizeof(size_t));
    PyObject *holders = PyList_New(0);
    PyObject *out = NULL;
    fl_batch *batch = NULL;
    if (texts == NULL || lens == NULL || holders == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        Py_ssize_t len;
        if (!PyUnicode_Check(item)) {
            char what[48];
            PyOS_snprintf(what, sizeof what, "texts[%zd] must be str", i);
            type_error(what, item);
            goto done;
        }
        PyObject *holder;
        texts[i] = text_utf8_temp(item, &len, &holder);
        if (texts[i] == NULL) {
            if (PyErr_ExceptionMatches(PyExc_ValueError)) {
                PyObject *type, *value, *tb;
                PyErr_Fetch(&type, &value, &tb);
                PyErr_Format(PyExc_ValueError, "texts[%zd]: %S", i, value);
                Py_XDECREF(type);
                Py_XDECREF(value);
                Py_XDECREF(tb);
            }
            goto done;
        }
        if (holder != NULL) {
            int rc = PyList_Append(holders, holder);
            Py_DECREF(holder);
            if (rc < 0) {
                goto done;
            }
        }
        lens[i] = (size_t)len;
    }
    if (fl_batch_new(NULL, &batch) != FL_OK) {
        PyErr_NoMemory();
        goto done;
    }
    fl_error err;
    fl_status st;
    Py_BEGIN_ALLOW_THREADS
    st = fl_analyze_batch(lex, texts, lens, (size_t)n, (unsigned)threads, batch, &err);
    Py_END_ALLOW_THREADS
    if (st != FL_OK) {
        if (st == FL_ERR_NOMEM) {
            PyErr_NoMemory();
        } else {
            PyErr_Format(PyExc_ValueError, "document %zu: %s", err.offset, err.message);
        }
        goto done;
    }
    fl_batch_columns c;
    fl_batch_columns_get(batch, &c);
    out = PyDict_New();
    if (out == NULL) {
        goto done;
    }
#define COL(name, count, type)                                                                 \
    if (put_col(out, #name, c.name, (count), sizeof(type)) < 0) {                              \
        Py_CLEAR(out);                                                                         \
        goto done;                                                                             \
    }
    COL(doc_tokens, c.n_docs, uint64_t)
    COL(doc_sentences, c.n_docs, uint32_t)
    COL(doc_matches, c.n_docs, uint32_t)
    COL(sent_doc, c.n_sentences, uint32_t)
    COL(sent_index, c.n_sentences, uint32_t)
    COL(sent_start, c.n_sentences, int64_t)
    COL(sent_end, c.n_sentences, int64_t)
    COL(sent_tokens, c.n_sentences, uint32_t)
    COL(sent_matches, c.n_sentences, uint32_t)
    COL(sent_markers, c.n_sentences, uint32_t)
    COL(sent_score, c.n_sentences, double)
    COL(match_doc, c.n_matches, uint32_t)
    COL(match_sentence, c.n_matches, uint32_t)
    COL(match_term, c.n_matches, uint32_t)
    COL(match_start, c.n_matches, int64_t)
    COL(match_end, c.n_matches, int64_t)
    COL(match_voice, c.n_matches, uint8_t)
    COL(match_negated, c.n_matches, uint8_t)
    COL(surface_offsets, c.n_matches + 1, int64_t)
    COL(surface_data, (size_t)c.surface_offsets[c.n_matches], char)
#undef COL
done:
    fl_batch_free(batch);
    PyMem_Free(texts);
    PyMem_Free(lens);
    Py_XDECREF(holders);
    Py_DECREF(list);
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
             "compare_groups(y, n, n_groups, n_cols, alpha0, /) -> (delta, z, g2, p)\n\n"
             "Each group against the pooled rest for each column of the float64 counts matrix "
             "y (n_groups x n_cols, row-major) with word tokens n (n_groups). Returns four "
             "bytes objects of n_groups x n_cols float64 values.");

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
    fl_compare_groups((const double *)y.buf, (const double *)n.buf, (size_t)ng, (size_t)nc,
                      alpha0, (double *)PyBytes_AS_STRING(outs[0]),
                      (double *)PyBytes_AS_STRING(outs[1]), (double *)PyBytes_AS_STRING(outs[2]),
                      (double *)PyBytes_AS_STRING(outs[3]));
    result = PyTuple_Pack(4, outs[0], outs[1], outs[2], outs[3]);
done:
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(outs[i]);
    }
    PyBuffer_Release(&y);
    PyBuffer_Release(&n);
    return result;
}

PyDoc_STRVAR(wilson_doc, "wilson(k, n, z, /) -> (lo, hi)\n\n"
                         "Wilson score intervals of k/n, elementwise over two float64 "
                         "buffers of equal length. Returns two bytes objects of float64.");

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

PyDoc_STRVAR(bh_doc, "bh(p, /) -> bytes\n\n"
                     "Benjamini-Hochberg adjusted p-values of a float64 buffer (NaN stays "
                     "NaN and does not count).");

static PyObject *core_bh(PyObject *module, PyObject *arg) {
    (void)module;
    Py_buffer p;
    if (get_doubles(arg, &p, -1, "p") < 0) {
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, p.len);
    if (out != NULL) {
        fl_status st = fl_stat_bh((const double *)p.buf, (size_t)(p.len / (Py_ssize_t)sizeof(double)),
                                  (double *)PyBytes_AS_STRING(out), NULL);
        if (st != FL_OK) {
            Py_CLEAR(out);
            PyErr_NoMemory();
        }
    }
    PyBuffer_Release(&p);
    return out;
}

PyDoc_STRVAR(log_odds_doc, "log_odds(y_g, n_g, y_r, n_r, alpha0, /) -> (delta, z)");

static PyObject *core_log_odds(PyObject *module, PyObject *args) {
    (void)module;
    double yg, ng, yr, nr, a0, d, z;
    if (!PyArg_ParseTuple(args, "ddddd:log_odds", &yg, &ng, &yr, &nr, &a0)) {
        return NULL;
    }
    fl_stat_log_odds(yg, ng, yr, nr, a0, &d, &z);
    return Py_BuildValue("(dd)", d, z);
}

PyDoc_STRVAR(g2_doc, "g2(y_g, n_g, y_r, n_r, /) -> (g2, p)");

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

/* The UTF-8 of every str in list (a list the caller owns) into texts/lens; non-ASCII texts
 * are encoded into bytes objects kept alive in holders. Returns -1 with an exception that
 * names the item. */
static int dedupe_texts(PyObject *list, const char **texts, size_t *lens, PyObject *holders) {
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "texts[%zd] must be str, not %.100s", i,
                         Py_TYPE(item)->tp_name);
            return -1;
        }
        Py_ssize_t len;
        PyObject *holder;
        texts[i] = text_utf8_temp(item, &len, &holder);
        if (texts[i] == NULL) {
            if (PyErr_ExceptionMatches(PyExc_ValueError)) {
                PyObject *type, *value, *tb;
                PyErr_Fetch(&type, &value, &tb);
                PyErr_Format(PyExc_ValueError, "texts[%zd]: %S", i, value);
                Py_XDECREF(type);
                Py_XDECREF(value);
                Py_XDECREF(tb);
            }
            return -1;
        }
        if (holder != NULL) {
            int rc = PyList_Append(holders, holder);
            Py_DECREF(holder);
            if (rc < 0) {
                return -1;
            }
        }
        lens[i] = (size_t)len;
    }
    return 0;
}

/* Reads an unsigned integer argument into *out (at most max). */
static int dedupe_uint(PyObject *obj, const char *name, unsigned long long max,
                       unsigned long long *out) {
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be an int, not %.100s", name, Py_TYPE(obj)->tp_name);
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
             "dedupe_signatures(texts, shingle, num_hashes, seed, threads, /) -> (bytes, bytes)\n\n"
             "MinHash signatures of a list of str (fl_dedupe_signatures), made on `threads` "
             "worker threads with the GIL released. Returns the signatures (len(texts) x "
             "num_hashes native uint32) and the distinct shingles per text (native uint64).");

static PyObject *core_dedupe_signatures(PyObject *module, PyObject *const *args,
                                        Py_ssize_t nargs) {
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
        dedupe_uint(args[4], "threads", 256, &threads) < 0) {
        return NULL;
    }
    fl_dedupe_params params = {(uint32_t)shingle, (uint32_t)num_hashes, (uint64_t)seed};
    /* Our own list: the items (and their UTF-8) must outlive the GIL-free section. */
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    const char **texts = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    size_t *lens = PyMem_Calloc((size_t)n + 1, sizeof(size_t));
    PyObject *holders = PyList_New(0);
    PyObject *sigs = NULL, *sizes = NULL, *out = NULL;
    if (texts == NULL || lens == NULL || holders == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    fl_error err;
    fl_status st = fl_dedupe_signatures(&params, NULL, NULL, 0, 1, NULL, NULL, NULL, &err);
    if (st != FL_OK) { /* invalid parameters: say so before allocating for them */
        raise_status(st, &err);
        goto done;
    }
    if ((size_t)n > (size_t)PY_SSIZE_T_MAX / sizeof(uint32_t) / num_hashes) {
        PyErr_NoMemory();
        goto done;
    }
    if (dedupe_texts(list, texts, lens, holders) < 0) {
        goto done;
    }
    sigs = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)((size_t)n * num_hashes * sizeof(uint32_t)));
    sizes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)((size_t)n * sizeof(uint64_t)));
    if (sigs == NULL || sizes == NULL) {
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    st = fl_dedupe_signatures(&params, texts, lens, (size_t)n, (unsigned)threads, NULL,
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
    PyMem_Free(texts);
    PyMem_Free(lens);
    Py_XDECREF(holders);
    Py_DECREF(list);
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
             "dedupe_cluster(sigs, sizes, num_hashes, threshold, containment, bands, rows, /) "
             "-> dict\n\n"
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
        PyErr_Format(PyExc_ValueError, "sigs must hold %zu x %llu values for %zu sizes, not %zd "
                     "bytes", n, num_hashes, n, sv.len);
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
#define DCOL(name, count, type)                                                                \
    if (put_col(out, #name, c.name, (count), sizeof(type)) < 0) {                              \
        Py_CLEAR(out);                                                                         \
        goto done;                                                                             \
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
            if (out != NULL && (ints[i] == NULL || PyDict_SetItemString(out, names[i], ints[i]) < 0)) {
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

static PyMethodDef core_methods[] = {
    {"analyze_batch", (PyCFunction)(void (*)(void))core_analyze_batch, METH_FASTCALL,
     analyze_batch_doc},
    {"compare_groups", core_compare_groups, METH_VARARGS, compare_groups_doc},
    {"wilson", core_wilson, METH_VARARGS, wilson_doc},
    {"bh", core_bh, METH_O, bh_doc},
    {"log_odds", core_log_odds, METH_VARARGS, log_odds_doc},
    {"g2", core_g2, METH_VARARGS, g2_doc},
    {"analyze", (PyCFunction)(void (*)(void))core_analyze, METH_FASTCALL, analyze_doc},
    {"tokens", core_tokens, METH_O, tokens_doc},
    {"fold", core_fold, METH_O, fold_doc},
    {"dedupe_signatures", (PyCFunction)(void (*)(void))core_dedupe_signatures, METH_FASTCALL,
     dedupe_signatures_doc},
    {"dedupe_cluster", (PyCFunction)(void (*)(void))core_dedupe_cluster, METH_FASTCALL,
     dedupe_cluster_doc},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ module */

static int core_exec(PyObject *module) {
    module_state *ms = get_state(module);
    ms->LexiconError = PyErr_NewExceptionWithDoc(
        "framelens.LexiconError",
        "A lexicon that cannot be loaded. Attributes: source, line, column (1-based, or None), "
        "path (a JSON path such as 'terms[3].weight', or None) and detail.",
        PyExc_ValueError, NULL);
    if (ms->LexiconError == NULL || PyModule_AddObjectRef(module, "LexiconError", ms->LexiconError) < 0) {
        return -1;
    }
    ms->LexiconType = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Lexicon_spec, NULL);
    if (ms->LexiconType == NULL ||
        PyModule_AddObjectRef(module, "Lexicon", (PyObject *)ms->LexiconType) < 0) {
        return -1;
    }
    if (PyModule_AddStringConstant(module, "core_version", fl_version()) < 0 ||
        PyModule_AddIntConstant(module, "MAX_TERM_TOKENS", FL_MAX_TERM_TOKENS) < 0 ||
        PyModule_AddIntConstant(module, "MAX_TERMS", FL_MAX_TERMS) < 0 ||
        PyModule_AddObject(module, "MAX_TEXT_BYTES", PyLong_FromSize_t(FL_MAX_TEXT_BYTES)) < 0 ||
        PyModule_AddObject(module, "MAX_LEXICON_BYTES", PyLong_FromSize_t(FL_MAX_LEXICON_BYTES)) < 0) {
        return -1;
    }
    return 0;
}

static int core_traverse(PyObject *module, visitproc visit, void *arg) {
    module_state *ms = get_state(module);
    Py_VISIT(ms->LexiconError);
    Py_VISIT(ms->LexiconType);
    return 0;
}

static int core_clear(PyObject *module) {
    module_state *ms = get_state(module);
    Py_CLEAR(ms->LexiconError);
    Py_CLEAR(ms->LexiconType);
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
