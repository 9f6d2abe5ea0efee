/* quotes.c: which tokens stand inside quotation marks, and which marks close a quotation. */
/* SPDX-License-Identifier: MIT */
#include "voice.h"

/*
 * Quotation marks pair per family, double (" “ ” „ « » ‹ ›, and '' or `` typed for ") and single
 * (' ‘ ’ ‚), so one may nest inside the other (docs/voice.md has the table). A straight quote
 * opens after a space (or a bracket, a dash, another mark) before a word and closes when it
 * is attached to the word before it; ’ and ' inside or after a word are apostrophes unless
 * they close an open single quotation. A quotation may span sentences; one still open at a
 * line break that ends a sentence, or at the end of the text, ends there. One pass over the
 * tokens, each quotation's tokens marked once: linear; a sentence without a quotation mark
 * (context.c notes which have one) is passed over whole, and in the others only the marks
 * (context.c lists them) are read; while no quotation is open, the sentences before the next
 * mark's are not visited.
 */
/* voice.h's tables of the marks (family(), punct_class()) */
const uint8_t fl__family_latin1[256] = {['"'] = 1 + FAMILY_DOUBLE,
                                        [0xAB] = 1 + FAMILY_DOUBLE,
                                        [0xBB] = 1 + FAMILY_DOUBLE,
                                        ['\''] = 1 + FAMILY_SINGLE};
const uint8_t fl__family_general[64] = {
    [0x1C] = 1 + FAMILY_DOUBLE, [0x1D] = 1 + FAMILY_DOUBLE, [0x1E] = 1 + FAMILY_DOUBLE,
    [0x39] = 1 + FAMILY_DOUBLE, [0x3A] = 1 + FAMILY_DOUBLE, [0x18] = 1 + FAMILY_SINGLE,
    [0x19] = 1 + FAMILY_SINGLE, [0x1A] = 1 + FAMILY_SINGLE};
const uint8_t fl__punct_latin1[256] = {['"'] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0xAB] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0xBB] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       ['\''] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       ['`'] = PUNCT_QUOTE,
                                       [':'] = PUNCT_COLON_DASH | PUNCT_CLAUSE,
                                       ['-'] = PUNCT_COLON_DASH,
                                       [','] = PUNCT_CLAUSE,
                                       [';'] = PUNCT_CLAUSE,
                                       ['('] = PUNCT_CLAUSE,
                                       [')'] = PUNCT_CLAUSE};
const uint8_t fl__punct_general[64] = {[0x12] = PUNCT_COLON_DASH,
                                       [0x13] = PUNCT_COLON_DASH | PUNCT_CLAUSE,
                                       [0x14] = PUNCT_COLON_DASH | PUNCT_CLAUSE,
                                       [0x15] = PUNCT_COLON_DASH,
                                       [0x18] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x19] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x1A] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x1C] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x1D] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x1E] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x39] = PUNCT_QUOTE | PUNCT_CLAUSE,
                                       [0x3A] = PUNCT_QUOTE | PUNCT_CLAUSE};

/* Tokens [from, to) are inside quotation marks (and bits() gives 0 for them), two a turn
 * by pointer: one loop test for two tokens and no index multiplied by fl_vtok's size (0.25
 * instructions a token less over the voice stage, callgrind at 2 MB and 1,000 terms). */
static void mark_quoted_range(ctx *c, size_t from, size_t to) {
    if (to <= from) {
        return;
    }
    fl_vtok *v = c->v + from;
    fl_vtok *end = c->v + to;
    if ((to - from) & 1) {
        v->quoted = 1;
        v->said_bits = 0;
        v++;
    }
    for (; v != end; v += 2) {
        v[0].quoted = 1;
        v[0].said_bits = 0;
        v[1].quoted = 1;
        v[1].said_bits = 0;
    }
}

/* Token close closes the quotation that token open opened; its sentence notes one that
 * opened before it (context.c then asks no token whether a quotation crosses into it). */
static void set_opened(ctx *c, size_t close, size_t open) {
    c->v[close].opened = (uint32_t)open;
    uint32_t si = c->t[close].sentence;
    if (open < FL_VEC_AT(c->res->sentences, fl_sentence, si).first_token) {
        FL_VEC_AT(c->res->sentence_cues, sentence_cues, si).closes_earlier = 1;
    }
}

/* Is token i followed, without space, by a word-like token? */
static bool next_attached(const ctx *c, size_t i) {
    return i + 1 < c->n && !c->t[i + 1].space_before && c->t[i + 1].kind != FL_TOKEN_PUNCT;
}

static bool next_free(const ctx *c, size_t i) {
    return i + 1 >= c->n || c->t[i + 1].space_before || c->t[i + 1].kind == FL_TOKEN_PUNCT;
}

static bool prev_free(const ctx *c, size_t i) {
    if (i == 0 || c->t[i].space_before) {
        return true;
    }
    int32_t p = c->k[i - 1].cp0;
    return c->t[i - 1].kind == FL_TOKEN_PUNCT &&
           (p == '(' || p == '[' || p == 0x2014 || family(p) != FAMILY_NONE);
}

/* Is the mark at i the apostrophe of an elided century, typeset as an opening single mark
 * ("the ‘08 crash", "the ‘90s")? It is attached to two digits, or two and an "s"; a
 * quotation that opens with a number has a year or more ("‘2014 was …’"). */
static bool elides_century(const ctx *c, size_t i) {
    if (!next_attached(c, i)) {
        return false;
    }
    const uint8_t *w = c->text + c->t[i + 1].start;
    size_t len = c->t[i + 1].end - c->t[i + 1].start;
    return (len == 2 || (len == 3 && (w[2] == 's' || w[2] == 'S'))) && w[0] >= '0' && w[0] <= '9' &&
           w[1] >= '0' && w[1] <= '9';
}

/* Is the straight quote at i shaped as a closing mark, attached to the word or the
 * punctuation before it and followed by a space or the end ("fair," Lind said), while no
 * quotation is open? Its opening mark was lost (scraping cuts paragraphs); read as an
 * opening it would quote the rest of the text, the speaker's own cue included. */
static bool orphan_close(const ctx *c, size_t i) {
    /* a space after it, not a bracket of markup ('opposes.">Here': an attribute's end) */
    return !prev_free(c, i) && (i + 1 >= c->n || c->t[i + 1].space_before);
}

/* Closes the orphan mark at i on a quotation that opened with its sentence at a (the lost
 * mark stood there): the words before it are quoted, the mark closes them. Not when the
 * sentence already holds a quotation before it. Returns whether it did. */
static bool close_orphan(ctx *c, size_t a, size_t i) {
    size_t words = 0;
    for (size_t j = a; j < i; j++) {
        if (c->v[j].quoted || family(c->k[j].cp0) != FAMILY_NONE) {
            return false;
        }
        words += c->t[j].kind == FL_TOKEN_WORD;
    }
    if (words == 0) {
        return false;
    }
    mark_quoted_range(c, a, i);
    set_opened(c, i, a);
    return true;
}

typedef enum { Q_NONE, Q_OPEN, Q_CLOSE } qrole;

static qrole quote_role(const ctx *c, size_t i, bool open) {
    int32_t cp = c->k[i].cp0;
    switch (cp) {
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
    case 0xAB:   /* « */
    case 0x2039: /* ‹ */
        return Q_OPEN;
    case 0x2018: /* ‘ opens, or closes a ‚; before '08 it is an apostrophe */
        if (!open && elides_century(c, i)) {
            return Q_NONE;
        }
        return open ? Q_CLOSE : Q_OPEN;
    case 0x201C: /* “ opens, or closes a „ */
        return open ? Q_CLOSE : Q_OPEN;
    case 0x201D: /* ” closes; opens only where nothing is open (”…” styles) */
    case 0xBB:   /* » likewise (»…« styles) */
    case 0x203A:
        if (open) {
            return Q_CLOSE;
        }
        return prev_free(c, i) && next_attached(c, i) ? Q_OPEN : Q_NONE;
    case '"':
        if (open && (!c->t[i].space_before || next_free(c, i))) {
            return Q_CLOSE;
        }
        if (prev_free(c, i) && (next_attached(c, i) || !open)) {
            return open ? Q_CLOSE : Q_OPEN;
        }
        return open ? Q_CLOSE : Q_OPEN;
    case '\'':
    case 0x2019: /* ’ is mostly an apostrophe: a quote only when it pairs */
        if (open && !c->t[i].space_before && next_free(c, i)) {
            return Q_CLOSE;
        }
        if (!open && cp == '\'' && prev_free(c, i) && next_attached(c, i) &&
            c->t[i + 1].kind == FL_TOKEN_WORD &&
            !(c->k[i + 1].cp0 >= '0' && c->k[i + 1].cp0 <= '9')) {
            return Q_OPEN; /* not before a digit: "the '90s" elides a century */
        }
        return Q_NONE;
    default:
        return Q_NONE;
    }
}

static fl_status close_quote(ctx *c, size_t open, size_t close, bool paired, fl_vec *scares) {
    if (!paired && family(c->k[open].cp0) == FAMILY_SINGLE) {
        return FL_OK; /* an unpaired single mark was an apostrophe ("the '90s") */
    }
    mark_quoted_range(c, open + 1, close);
    if (paired) {
        set_opened(c, close, open);
    }
    /* a short quotation: one to three words, nothing but word-like tokens; read only until
     * a fourth word or another token rules it out (most quotations are longer) */
    size_t words = 0;
    bool simple = true;
    for (size_t j = open + 1; paired && simple && words <= 3 && j < close; j++) {
        if (c->t[j].kind == FL_TOKEN_WORD) {
            words++;
        } else if (!is_word_like(c, j)) {
            simple = false;
        }
    }
    if (paired && simple && words >= 1 && words <= 3 &&
        c->t[open].sentence == c->t[close].sentence) {
        scare s = {(uint32_t)open, (uint32_t)close};
        return fl__vec_append(&c->res->alloc, scares, sizeof(scare), &s, 1);
    }
    return FL_OK;
}

/* Does the double quotation mark at i delimit the value of a markup attribute (an HTML or
 * XML residue in scraped text: href="…", author="…")? It follows an "=" with no space. Its
 * closing mark then, when one stands on the same line within MAX_MARKUP_VALUE tokens, else
 * 0. */
enum { MAX_MARKUP_VALUE = 64 };

static size_t markup_value_end(const ctx *c, size_t i) {
    if (i == 0 || c->t[i].space_before || punct(c, i - 1) != '=') {
        return 0;
    }
    for (size_t j = i + 1; j < c->n && j <= i + MAX_MARKUP_VALUE; j++) {
        if (c->t[j].newlines_before > 0) {
            return 0;
        }
        if (family(punct(c, j)) == FAMILY_DOUBLE) {
            return j;
        }
    }
    return 0;
}

fl_status fl__find_quotes(ctx *c, fl_vec *scares, const uint32_t *marks, size_t n_marks) {
    size_t open_at[2] = {SIZE_MAX, SIZE_MAX};
    size_t next_mark = n_marks; /* marks[next_mark - 1]: the next token to read among them */
    fl_status st;
    const fl_sentence *sents = c->res->sentences.data;
    const sentence_cues *sums = c->res->sentence_cues.data;
    size_t i = 0; /* the next token to read (past the sentence's first when '' took it) */
    for (size_t si = 0; si < c->res->sentences.len; si++) {
        if (open_at[FAMILY_DOUBLE] == SIZE_MAX && open_at[FAMILY_SINGLE] == SIZE_MAX) {
            /* nothing open: nothing happens before the next mark's sentence (the marks
             * before i are read), and nothing at all after the last mark */
            while (next_mark > 0 && marks[next_mark - 1] < i) {
                next_mark--;
            }
            if (next_mark == 0) {
                break;
            }
            size_t ms = c->t[marks[next_mark - 1]].sentence;
            si = ms > si ? ms : si;
        }
        size_t a = sents[si].first_token;
        size_t b = a + sents[si].n_tokens_all;
        if (i <= a) {
            i = a;
            /* a line break ends open quotations: looked at only when one is */
            if ((open_at[0] != SIZE_MAX || open_at[1] != SIZE_MAX) && a > 0 &&
                c->t[a].newlines_before > 0) {
                for (int f = 0; f < 2; f++) {
                    if (open_at[f] != SIZE_MAX) {
                        if ((st = close_quote(c, open_at[f], a, false, scares)) != FL_OK) {
                            return st;
                        }
                        open_at[f] = SIZE_MAX;
                    }
                }
            }
        }
        if (!(sums[si].classes & PUNCT_QUOTE)) {
            continue;
        }
        /* from token to token of marks (the others read as before: nothing happens at
         * them), i as the loop over every token left it */
        for (;; i++) {
            while (next_mark > 0 && marks[next_mark - 1] < i) {
                next_mark--;
            }
            if (next_mark == 0 || marks[next_mark - 1] >= b) {
                break;
            }
            i = marks[next_mark - 1];
            const fl_token *t = &c->t[i];
            if (t->kind != FL_TOKEN_PUNCT) {
                continue;
            }
            if (c->k[i].cp0 == '`' && i + 1 < c->n && punct(c, i + 1) == '`' &&
                !c->t[i + 1].space_before) {
                /* ``…'': two grave accents typed for an opening double quotation mark (TeX's
                 * and the Penn Treebank's style), closed by '' or " */
                if (open_at[FAMILY_DOUBLE] == SIZE_MAX && prev_free(c, i) &&
                    next_attached(c, i + 1)) {
                    open_at[FAMILY_DOUBLE] = i + 1;
                }
                i++;
                continue;
            }
            if (c->k[i].cp0 == '\'' && i + 1 < c->n && punct(c, i + 1) == '\'' &&
                !c->t[i + 1].space_before) {
                /* ''…'': two apostrophes typed for a double quotation mark (the New York
                 * Times' style) open or close like a straight " */
                size_t f2 = FAMILY_DOUBLE;
                if (open_at[f2] != SIZE_MAX && (!t->space_before || next_free(c, i + 1))) {
                    if ((st = close_quote(c, open_at[f2], i, true, scares)) != FL_OK) {
                        return st;
                    }
                    set_opened(c, i + 1, open_at[f2]);
                    open_at[f2] = SIZE_MAX;
                } else if (open_at[f2] == SIZE_MAX && prev_free(c, i) && next_attached(c, i + 1)) {
                    open_at[f2] = i + 1;
                }
                i++;
                continue;
            }
            int f = family(c->k[i].cp0);
            if (f == FAMILY_NONE) {
                continue;
            }
            if (f == FAMILY_DOUBLE && open_at[f] == SIZE_MAX) {
                size_t close = markup_value_end(c, i);
                if (close != 0) {
                    i = close; /* href="…", author="…": markup, nobody's words */
                    continue;
                }
            }
            if (f == FAMILY_DOUBLE && open_at[f] == SIZE_MAX && c->k[i].cp0 == '"' &&
                orphan_close(c, i) && close_orphan(c, a, i)) {
                continue;
            }
            qrole r = quote_role(c, i, open_at[f] != SIZE_MAX);
            if (r == Q_OPEN && open_at[f] == SIZE_MAX) {
                open_at[f] = i;
            } else if (r == Q_CLOSE && open_at[f] != SIZE_MAX) {
                if ((st = close_quote(c, open_at[f], i, true, scares)) != FL_OK) {
                    return st;
                }
                open_at[f] = SIZE_MAX;
            }
        }
        if (i < b) {
            i = b;
        }
    }
    for (int f = 0; f < 2; f++) {
        if (open_at[f] != SIZE_MAX &&
            (st = close_quote(c, open_at[f], c->n, false, scares)) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}
