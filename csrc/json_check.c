/* json_check.c: a strict JSON syntax check that says exactly where and what is wrong. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

/*
 * cJSON reports only roughly where parsing stopped and accepts a few things RFC 8259 does
 * not (NUL bytes as whitespace, "\u0000" cutting a string short). So the lexicon loader runs
 * this recursive-descent check first: it follows the RFC grammar, requires valid UTF-8, and
 * rejects "\u0000" (lexicon strings are C strings inside cJSON). Recursion is bounded by
 * FL_JSON_MAX_DEPTH.
 */

/* Lexicons are a few levels deep; 512 keeps well inside cJSON's limit (1000) and inside
 * what Python's json module (which reads the metadata) can recurse through. */
#define FL_JSON_MAX_DEPTH 512

typedef struct jc {
    const uint8_t *s;
    size_t len;
    size_t pos;
    const char *error; /* constant message; NULL while fine */
    size_t error_at;
} jc;

static bool fail(jc *c, const char *msg) {
    if (c->error == NULL) {
        c->error = c->pos >= c->len ? "unexpected end of input" : msg;
        c->error_at = c->pos;
    }
    return false;
}

static void skip_ws(jc *c) {
    while (c->pos < c->len) {
        uint8_t b = c->s[c->pos];
        if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
            break;
        }
        c->pos++;
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

static bool string(jc *c) {
    c->pos++; /* the opening quote */
    while (c->pos < c->len) {
        uint8_t b = c->s[c->pos];
        if (b == '"') {
            c->pos++;
            return true;
        }
        if (b < 0x20) {
            return fail(c, "a control character inside a string (escape it, e.g. \\n)");
        }
        if (b == '\\') {
            c->pos++;
            if (c->pos >= c->len) {
                return fail(c, "unterminated string");
            }
            uint8_t e = c->s[c->pos];
            if (e == 'u') {
                size_t start = c->pos - 1;
                for (int k = 1; k <= 4; k++) {
                    if (c->pos + k >= c->len || !is_hex(c->s[c->pos + k])) {
                        c->pos += (size_t)k;
                        return fail(c, "invalid \\u escape (four hex digits expected)");
                    }
                }
                uint32_t unit = hex4(c->s + c->pos + 1);
                if (unit == 0) {
                    c->pos = start;
                    return fail(c, "a NUL character (\\u0000) is not allowed in a lexicon");
                }
                c->pos += 5;
                if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    c->pos = start;
                    return fail(c, "a lone low surrogate escape (\\uDC00-\\uDFFF)");
                }
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    /* a high surrogate must be followed by a low one: "\uD83D\uDE00" */
                    if (c->pos + 6 > c->len || c->s[c->pos] != '\\' || c->s[c->pos + 1] != 'u' ||
                        !is_hex(c->s[c->pos + 2]) || !is_hex(c->s[c->pos + 3]) ||
                        !is_hex(c->s[c->pos + 4]) || !is_hex(c->s[c->pos + 5]) ||
                        hex4(c->s + c->pos + 2) < 0xDC00 || hex4(c->s + c->pos + 2) > 0xDFFF) {
                        c->pos = start;
                        return fail(c, "a lone high surrogate escape (\\uD800-\\uDBFF) "
                                       "without its low surrogate");
                    }
                    c->pos += 6;
                }
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
                e != 'r' && e != 't') {
                return fail(c, "invalid escape");
            }
            c->pos++;
            continue;
        }
        if (b >= 0x80) {
            int32_t cp;
            size_t n = fl__utf8_decode(c->s + c->pos, c->len - c->pos, &cp);
            if (cp == 0xFFFD && !(n == 3 && c->s[c->pos] == 0xEF && c->s[c->pos + 1] == 0xBF &&
                                  c->s[c->pos + 2] == 0xBD)) {
                return fail(c, "invalid UTF-8 inside a string");
            }
            c->pos += n;
            continue;
        }
        c->pos++;
    }
    return fail(c, "unterminated string");
}

static bool digits(jc *c) {
    size_t start = c->pos;
    while (c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9') {
        c->pos++;
    }
    return c->pos > start;
}

static bool number(jc *c) {
    if (c->s[c->pos] == '-') {
        c->pos++;
    }
    if (c->pos < c->len && c->s[c->pos] == '0') {
        c->pos++;
    } else if (!digits(c)) {
        return fail(c, "invalid number");
    }
    if (c->pos < c->len && c->s[c->pos] == '.') {
        c->pos++;
        if (!digits(c)) {
            return fail(c, "invalid number (digits expected after '.')");
        }
    }
    if (c->pos < c->len && (c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
        c->pos++;
        if (c->pos < c->len && (c->s[c->pos] == '+' || c->s[c->pos] == '-')) {
            c->pos++;
        }
        if (!digits(c)) {
            return fail(c, "invalid number (digits expected in the exponent)");
        }
    }
    return true;
}

static bool literal(jc *c, const char *word) {
    for (size_t k = 0; word[k] != '\0'; k++) {
        if (c->pos >= c->len || c->s[c->pos] != (uint8_t)word[k]) {
            return fail(c, "expected a value (true, false, null, a number, a string, an "
                           "array or an object)");
        }
        c->pos++;
    }
    return true;
}

static bool value(jc *c, int depth);

/* After an item of an array or object: 1 when a ',' announces another, 0 when `close` ends
 * the container, -1 (error set) otherwise. */
static int next_item(jc *c, uint8_t close, const char *expected) {
    skip_ws(c);
    if (c->pos < c->len && c->s[c->pos] == ',') {
        c->pos++;
        return 1;
    }
    if (c->pos < c->len && c->s[c->pos] == close) {
        c->pos++;
        return 0;
    }
    fail(c, expected);
    return -1;
}

static bool array(jc *c, int depth) {
    c->pos++;
    skip_ws(c);
    if (c->pos < c->len && c->s[c->pos] == ']') {
        c->pos++;
        return true;
    }
    for (;;) {
        if (!value(c, depth + 1)) {
            return false;
        }
        int more = next_item(c, ']', "expected ',' or ']'");
        if (more <= 0) {
            return more == 0;
        }
    }
}

static bool object(jc *c, int depth) {
    c->pos++;
    skip_ws(c);
    if (c->pos < c->len && c->s[c->pos] == '}') {
        c->pos++;
        return true;
    }
    for (;;) {
        skip_ws(c);
        if (c->pos >= c->len || c->s[c->pos] != '"') {
            return fail(c, "expected a string (an object key in double quotes)");
        }
        if (!string(c)) {
            return false;
        }
        skip_ws(c);
        if (c->pos >= c->len || c->s[c->pos] != ':') {
            return fail(c, "expected ':'");
        }
        c->pos++;
        if (!value(c, depth + 1)) {
            return false;
        }
        int more = next_item(c, '}', "expected ',' or '}'");
        if (more <= 0) {
            return more == 0;
        }
    }
}

static bool value(jc *c, int depth) {
    skip_ws(c);
    if (depth >= FL_JSON_MAX_DEPTH) {
        return fail(c, "nested deeper than 512 levels");
    }
    if (c->pos >= c->len) {
        return fail(c, "expected a value");
    }
    switch (c->s[c->pos]) {
    case '{':
        return object(c, depth);
    case '[':
        return array(c, depth);
    case '"':
        return string(c);
    case 't':
        return literal(c, "true");
    case 'f':
        return literal(c, "false");
    case 'n':
        return literal(c, "null");
    default:
        if (c->s[c->pos] == '-' || (c->s[c->pos] >= '0' && c->s[c->pos] <= '9')) {
            return number(c);
        }
        return fail(c, "expected a value");
    }
}

bool fl__json_check(const uint8_t *s, size_t len, size_t *error_at, const char **message) {
    jc c = {s, len, 0, NULL, 0};
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        c.pos = 3; /* a UTF-8 byte order mark, as editors on Windows write it */
    }
    if (value(&c, 0)) {
        skip_ws(&c);
        if (c.pos < len) {
            fail(&c, "unexpected content after the JSON value");
        }
    }
    if (c.error != NULL) {
        *error_at = c.error_at;
        *message = c.error;
        return false;
    }
    return true;
}
