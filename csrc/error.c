/* error.c: status strings and the caller-owned error record. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *fl_status_str(fl_status status) {
    switch (status) {
    case FL_OK:
        return "ok";
    case FL_ERR_NOMEM:
        return "out of memory";
    case FL_ERR_ARG:
        return "invalid argument";
    case FL_ERR_SYNTAX:
        return "invalid JSON";
    case FL_ERR_SCHEMA:
        return "invalid lexicon";
    case FL_ERR_LIMIT:
        return "limit exceeded";
    case FL_ERR_TEXT:
        return "not valid Unicode";
    }
    return "unknown status";
}

const char *fl_version(void) {
    return FL_VERSION_STRING;
}

static void reset(fl_error *err, fl_status code) {
    memset(err, 0, sizeof(*err));
    err->code = code;
    err->item = SIZE_MAX;
}

/* Clears err and writes code and the formatted detail: the part every error shares. */
static void set_detail(fl_error *err, fl_status code, const char *fmt, va_list ap) {
    reset(err, code);
    vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
}

fl_status fl__error(fl_error *err, fl_status code, const char *fmt, ...) {
    if (err == NULL) {
        return code;
    }
    va_list ap;
    va_start(ap, fmt);
    set_detail(err, code, fmt, ap);
    va_end(ap);
    snprintf(err->message, sizeof(err->message), "%s", err->detail);
    return code;
}

fl_status fl__error_path(fl_error *err, fl_status code, const char *source, const char *path,
                         const char *fmt, ...) {
    if (err == NULL) {
        return code;
    }
    va_list ap;
    va_start(ap, fmt);
    set_detail(err, code, fmt, ap);
    va_end(ap);
    snprintf(err->path, sizeof(err->path), "%s", path != NULL ? path : "");
    if (err->path[0] != '\0') {
        snprintf(err->message, sizeof(err->message), "%.200s: %s: %s", source, err->path,
                 err->detail);
    } else {
        snprintf(err->message, sizeof(err->message), "%.200s: %s", source, err->detail);
    }
    return code;
}

fl_status fl__error_at(fl_error *err, fl_status code, const char *source, uint32_t line,
                       uint32_t column, size_t offset, const char *detail) {
    if (err == NULL) {
        return code;
    }
    reset(err, code);
    err->line = line;
    err->column = column;
    err->offset = offset;
    snprintf(err->detail, sizeof(err->detail), "%s", detail);
    snprintf(err->message, sizeof(err->message), "%.200s:%u:%u: %s", source, (unsigned)line,
             (unsigned)column, detail);
    return code;
}

fl_status fl__error_place(fl_error *err, fl_status code, const char *source, fl_place place,
                          const char *path, size_t item, const char *fmt, ...) {
    if (err == NULL) {
        return code;
    }
    va_list ap;
    va_start(ap, fmt);
    set_detail(err, code, fmt, ap);
    va_end(ap);
    err->item = item;
    err->line = place.line;
    err->column = place.line != 0 ? place.column : 0;
    snprintf(err->path, sizeof(err->path), "%s", path != NULL ? path : "");
    char where[64] = "";
    if (err->line != 0 && err->column != 0) {
        snprintf(where, sizeof where, ":%u:%u", (unsigned)err->line, (unsigned)err->column);
    } else if (err->line != 0) {
        snprintf(where, sizeof where, ":%u", (unsigned)err->line);
    }
    /* bounded so that the message always fits: 200 + 63 + 255 + 500 + separators */
    if (err->path[0] != '\0') {
        snprintf(err->message, sizeof(err->message), "%.200s%s: %s: %.500s", source, where,
                 err->path, err->detail);
    } else {
        snprintf(err->message, sizeof(err->message), "%.200s%s: %.500s", source, where,
                 err->detail);
    }
    return code;
}
