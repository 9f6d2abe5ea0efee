/* context.c: whose words each match is (author, quoted, attributed), negation, distancing. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

/*
 * Voice, in order of precedence (docs/voice.md has the examples):
 * 1. quoted: the match lies inside quotation marks. Quotes are paired per family, double
 *    (" “ ” „ « » ‹ ›) and single (' ‘ ’ ‚), so one may nest inside the other; straight
 *    quotes open after a space and close when attached to the preceding word. A quotation
 *    may span sentences; one still open at a line break that ends a sentence, or at the end
 *    of the text, ends there.
 * 2. attributed: the sentence holds a reporting cue outside quotation marks (said, claims,
 *    told, according to, … show, suggest) and the match is not part of who is speaking: the
 *    words right before the cue ("Kiev claims", "the Russian delegation said"), right after
 *    an inverted cue ('…," said Lavrov'), or after "according to" up to the next
 *    punctuation are the outlet's own naming of the speaker and stay author.
 * 3. author: everything else.
 * negated: a negation or denial cue (not, never, n't, no, without, denies, rejected, …)
 * stands within the six tokens before the match, with no clause punctuation between.
 * Distancing markers: so-called, alleged(ly), self-proclaimed, self-styled, purported(ly),
 * supposed(ly); and scare quotes: one to three words in quotation marks in a sentence with
 * no reporting cue.
 * Every token is visited a bounded number of times: the pass is linear.
 */

static const char *const REPORT_CUES[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "stated", "claims",
    "claimed", "claim", "claiming", "insisted", "insists", "insist", "insisting", "accused",
    "accuses", "accuse", "accusing", "denied", "denies", "deny", "denying", "alleges",
    "alleging", "allege", "argued", "argues", "argue", "arguing", "warned", "warns", "warn", "warning",
    "added", "adds", "noted", "explained", "explains", "announced", "announces", "reported",
    "reportedly", "believes", "believed", "believe", "thinks", "asserted", "asserts",
    "contended", "contends", "declared", "declares", "suggested", "suggests", "suggest",
    "show", "shows", "showed", "shown", "indicate", "indicates", "indicated", "acknowledged",
    "admitted", "admits", "confirmed", "confirms", "stressed", "emphasized", "emphasised",
    "urged", "tweeted", "wrote", "writes", "cited", "citing", "quoted", "asked", "replied",
    "responded", "answered", "commented", "recalled", "predicted", "promised", "vowed",
    "pledged", "blamed", "blames", "condemned", "condemns", "described", "describes",
    "labelled", "labeled", "branded", "dubbed", "termed", "maintained", "maintains",
    "according", "заявил", "заявила", "заявили", "сказал", "сказала",
    "сказали", "сообщил", "сообщила", "сообщили", "считает", "утверждает", "заявив", "сказав",
    "повідомив", "повідомила", "каже", "вважає", "словам", NULL};

static const char *const NEGATION_CUES[] = {
    "not", "no", "never", "neither", "nor", "without", "deny", "denies", "denied", "denying",
    "reject", "rejects", "rejected", "rejecting", "dismissed", "dismisses", "refuted",
    "refutes", "nobody", "none", "nothing", "hardly", "cannot", "не", "ні", "нет", NULL};

static const char *const DISTANCE_CUES[] = {
    "alleged", "allegedly", "purported", "purportedly", "supposed", "supposedly", NULL};

static fl_status mark_words(fl_lexicon *lex, const char *const *words, uint8_t bit) {
    for (size_t i = 0; words[i] != NULL; i++) {
        uint32_t id;
        fl_status st = fl__vocab_intern(lex, (const uint8_t *)words[i], strlen(words[i]), &id);
        if (st != FL_OK) {
            return st;
        }
        if (id >= lex->vocab_cues.len &&
            (st = fl__vec_append(&lex->alloc, &lex->vocab_cues, 1, NULL,
                                 (size_t)id + 1 - lex->vocab_cues.len)) != FL_OK) {
            return st;
        }
        ((uint8_t *)lex->vocab_cues.data)[id] |= bit;
    }
    return FL_OK;
}

fl_status fl__lexicon_add_cues(fl_lexicon *lex) {
    static const char *const ACCORDING[] = {"according", "словам", "словами", NULL};
    static const char *const SO[] = {"so", "self", NULL};
    static const char *const CALLED[] = {"called", "proclaimed", "styled", NULL};
    fl_status st;
    if ((st = mark_words(lex, REPORT_CUES, FL_CUE_REPORT)) != FL_OK ||
        (st = mark_words(lex, NEGATION_CUES, FL_CUE_NEGATION)) != FL_OK ||
        (st = mark_words(lex, DISTANCE_CUES, FL_CUE_DISTANCE)) != FL_OK ||
        (st = mark_words(lex, ACCORDING, FL_CUE_ACCORDING)) != FL_OK ||
        (st = mark_words(lex, SO, FL_CUE_SO)) != FL_OK) {
        return st;
    }
    /* Make the table cover every vocabulary id, so lookups need no bounds check. */
    if (lex->vocab_cues.len < lex->vocab.len &&
        (st = fl__vec_append(&lex->alloc, &lex->vocab_cues, 1, NULL,
                             lex->vocab.len - lex->vocab_cues.len)) != FL_OK) {
        return st;
    }
    return mark_words(lex, CALLED, FL_CUE_CALLED);
}

typedef struct ctx {
    const fl_lexicon *lex;
    fl_result *res;
    const uint8_t *text;
    const fl_token *t;
    const fl_tokinfo *k;
    uint8_t *quoted;
    size_t n;
} ctx;

static uint8_t cues(const ctx *c, size_t i) {
    uint32_t id = c->k[i].id_fold;
    if (id == FL_NO_ID || id >= c->lex->vocab_cues.len) {
        return 0;
    }
    return ((const uint8_t *)c->lex->vocab_cues.data)[id];
}

static bool ends_with_nt(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    const uint8_t *f = fl__vec_bytes(&c->res->folded, k->fold_off);
    return c->t[i].kind == FL_TOKEN_WORD && k->fold_len > 3 &&
           memcmp(f + k->fold_len - 3, "n't", 3) == 0;
}

static bool is_word_like(const ctx *c, size_t i) {
    uint8_t kind = c->t[i].kind;
    return kind == FL_TOKEN_WORD || kind == FL_TOKEN_CLITIC || kind == FL_TOKEN_HYPHEN;
}

/* ------------------------------------------------------------------ quotations */

enum { FAMILY_NONE = -1, FAMILY_DOUBLE = 0, FAMILY_SINGLE = 1 };

static int family(int32_t cp) {
    switch (cp) {
    case '"':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A:
        return FAMILY_DOUBLE;
    case '\'':
    case 0x2018:
    case 0x2019:
    case 0x201A:
        return FAMILY_SINGLE;
    default:
        return FAMILY_NONE;
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
    return c->t[i - 1].kind == FL_TOKEN_PUNCT && (p == '(' || p == '[' || p == 0x2014 ||
                                                  family(p) != FAMILY_NONE);
}

typedef enum { Q_NONE, Q_OPEN, Q_CLOSE } qrole;

static qrole role(const ctx *c, size_t i, bool open) {
    int32_t cp = c->k[i].cp0;
    switch (cp) {
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
    case 0xAB:   /* « */
    case 0x2039: /* ‹ */
        return Q_OPEN;
    case 0x201C: /* “ opens, or closes a „ */
    case 0x2018: /* ‘ opens, or closes a ‚ */
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
            c->t[i + 1].kind == FL_TOKEN_WORD && !c->k[i + 1].all_digits) {
            return Q_OPEN; /* not before digits: "the '90s" elides a century */
        }
        return Q_NONE;
    default:
        return Q_NONE;
    }
}

typedef struct scare {
    uint32_t open, close; /* the quotation mark tokens */
} scare;

static fl_status close_quote(ctx *c, size_t open, size_t close, bool paired, fl_vec *scares) {
    if (!paired && family(c->k[open].cp0) == FAMILY_SINGLE) {
        return FL_OK; /* an unpaired single mark was an apostrophe ("the '90s") */
    }
    size_t words = 0;
    bool simple = true;
    for (size_t j = open + 1; j < close; j++) {
        c->quoted[j] = 1;
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

/* Marks quoted tokens; collects short quotations as scare-quote candidates. */
static fl_status find_quotes(ctx *c, fl_vec *scares) {
    size_t open_at[2] = {SIZE_MAX, SIZE_MAX};
    fl_status st;
    for (size_t i = 0; i < c->n; i++) {
        const fl_token *t = &c->t[i];
        if (t->newlines_before > 0 && i > 0 && t->sentence != c->t[i - 1].sentence) {
            for (int f = 0; f < 2; f++) {
                if (open_at[f] != SIZE_MAX) {
                    if ((st = close_quote(c, open_at[f], i, false, scares)) != FL_OK) {
                        return st;
                    }
                    open_at[f] = SIZE_MAX;
                }
            }
        }
        if (t->kind != FL_TOKEN_PUNCT) {
            continue;
        }
        int f = family(c->k[i].cp0);
        if (f == FAMILY_NONE) {
            continue;
        }
        qrole r = role(c, i, open_at[f] != SIZE_MAX);
        if (r == Q_OPEN && open_at[f] == SIZE_MAX) {
            open_at[f] = i;
        } else if (r == Q_CLOSE && open_at[f] != SIZE_MAX) {
            if ((st = close_quote(c, open_at[f], i, true, scares)) != FL_OK) {
                return st;
            }
            open_at[f] = SIZE_MAX;
        }
    }
    for (int f = 0; f < 2; f++) {
        if (open_at[f] != SIZE_MAX && (st = close_quote(c, open_at[f], c->n, false, scares)) != FL_OK) {
            return st;
        }
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ per sentence */

/* Is the reporting cue at i inverted ('…," said Lavrov'), its speaker after it? */
static bool inverted(const ctx *c, size_t i, size_t first) {
    if (i == first) {
        return false;
    }
    const fl_token *p = &c->t[i - 1];
    if (p->kind != FL_TOKEN_PUNCT) {
        return false;
    }
    int32_t cp = c->k[i - 1].cp0;
    return cp == ',' || family(cp) != FAMILY_NONE;
}

/* Section labels that stand before a colon without being a speaker ("Analysis: …"). */
static const char *const LABELS[] = {"analysis", "opinion", "exclusive", "breaking", "update",
                                     "watch", "live", "explainer", "editorial", "video",
                                     "photos", "comment", "review", "interview", "factbox",
                                     "timeline", "q&a", NULL};

/* A headline's speaker: "Kremlin: Kiev regime behind attack" reports the Kremlin's claim.
 * Returns the index of the colon when the sentence opens with one to four words and a colon,
 * else a. */
static size_t headline_speaker(const ctx *c, size_t a, size_t b) {
    size_t i = a;
    while (i < b && i < a + 5 && is_word_like(c, i) && !c->quoted[i]) {
        i++;
    }
    if (i == a || i >= b || i == a + 5 || c->t[i].kind != FL_TOKEN_PUNCT || c->k[i].cp0 != ':') {
        return a;
    }
    if (i == a + 1) {
        const fl_tokinfo *k = &c->k[a];
        const uint8_t *f = fl__vec_bytes(&c->res->folded, k->fold_off);
        for (size_t l = 0; LABELS[l] != NULL; l++) {
            if (strlen(LABELS[l]) == k->fold_len && memcmp(LABELS[l], f, k->fold_len) == 0) {
                return a;
            }
        }
    }
    return i;
}

/* Marks speaker tokens (1) of sentence [a, b) into spk; returns whether any cue was seen. */
static bool speakers(const ctx *c, size_t a, size_t b, uint8_t *spk) {
    bool any = false;
    size_t colon = headline_speaker(c, a, b);
    if (colon != a) {
        any = true;
        for (size_t i = a; i <= colon; i++) {
            spk[i - a] = 1;
        }
    }
    for (size_t i = a; i < b; i++) {
        if (c->quoted[i]) {
            continue;
        }
        uint8_t q = cues(c, i);
        if (q & FL_CUE_ACCORDING) {
            any = true;
            spk[i - a] = 1;
            size_t j = i + 1;
            /* "according to X, …": X up to the next punctuation */
            while (j < b && (is_word_like(c, j)) && j - i <= 10) {
                spk[j - a] = 1;
                j++;
            }
            continue;
        }
        if (!(q & FL_CUE_REPORT)) {
            continue;
        }
        any = true;
        spk[i - a] = 1; /* the reporting word itself is the outlet's choice */
        if (inverted(c, i, a)) {
            for (size_t j = i + 1; j < b && is_word_like(c, j) && j - i <= 8; j++) {
                spk[j - a] = 1;
            }
        } else {
            for (size_t j = i; j > a && is_word_like(c, j - 1) && !c->quoted[j - 1] && i - j < 8;
                 j--) {
                spk[j - 1 - a] = 1;
            }
        }
    }
    return any;
}

static bool negated(const ctx *c, size_t a, size_t first) {
    size_t seen = 0;
    for (size_t j = first; j > a && seen < 6; j--, seen++) {
        size_t i = j - 1;
        if (c->t[i].kind == FL_TOKEN_PUNCT) {
            int32_t cp = c->k[i].cp0;
            if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == ')' || cp == 0x2014 ||
                cp == 0x2013 || family(cp) != FAMILY_NONE) {
                return false;
            }
            continue;
        }
        if ((cues(c, i) & FL_CUE_NEGATION) || ends_with_nt(c, i)) {
            return true;
        }
    }
    return false;
}

static fl_status add_marker(ctx *c, size_t first, size_t last, uint32_t sentence, uint8_t kind) {
    fl_marker m = {0};
    m.start = c->t[first].start;
    m.end = c->t[last].end;
    m.cp_start = c->t[first].cp_start;
    m.cp_end = c->t[last].cp_end;
    m.sentence = sentence;
    m.kind = kind;
    return fl__vec_append(&c->res->alloc, &c->res->markers, sizeof(fl_marker), &m, 1);
}

fl_status fl__context(const fl_lexicon *lex, const uint8_t *text, fl_result *res) {
    ctx c = {lex, res, text, res->tokens.data, res->infos.data, NULL, res->tokens.len};
    fl_status st;
    res->quoted.len = 0;
    if ((st = fl__vec_append(&res->alloc, &res->quoted, 1, NULL, c.n)) != FL_OK) {
        return st;
    }
    c.quoted = res->quoted.data;
    fl_vec scares = {0};
    if ((st = find_quotes(&c, &scares)) != FL_OK) {
        goto done;
    }
    /* Nested quotations close inner-first: restore opening order (displacements are tiny,
     * so insertion sort stays linear). */
    scare *sc = scares.data;
    for (size_t i = 1; i < scares.len; i++) {
        scare x = sc[i];
        size_t j = i;
        while (j > 0 && sc[j - 1].open > x.open) {
            sc[j] = sc[j - 1];
            j--;
        }
        sc[j] = x;
    }
    size_t next_scare = 0;
    size_t ns = res->sentences.len;
    for (size_t si = 0; si < ns; si++) {
        fl_sentence *sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        size_t a = sent->first_token;
        size_t b = a + sent->n_tokens_all;
        res->cover.len = 0;
        if ((st = fl__vec_append(&res->alloc, &res->cover, sizeof(int32_t), NULL, b - a + 1)) !=
            FL_OK) {
            goto done;
        }
        uint8_t *spk = (uint8_t *)res->cover.data;
        bool reported = speakers(&c, a, b, spk);
        fl_match *m = sent->n_matches > 0 ? (fl_match *)res->matches.data + sent->first_match
                                           : NULL;
        for (uint32_t mi = 0; mi < sent->n_matches; mi++) {
            size_t ft = m[mi].first_token;
            if (c.quoted[ft]) {
                m[mi].voice = FL_VOICE_QUOTED;
            } else if (reported && !spk[ft - a]) {
                m[mi].voice = FL_VOICE_ATTRIBUTED;
            } else {
                m[mi].voice = FL_VOICE_AUTHOR;
            }
            m[mi].negated = negated(&c, a, ft) ? 1 : 0;
        }
        /* distancing markers, in text order: words and scare quotes merged */
        sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        sent->first_marker = (uint32_t)res->markers.len;
        for (size_t i = a; i < b; i++) {
            while (next_scare < scares.len && sc[next_scare].open < i) {
                next_scare++;
            }
            if (next_scare < scares.len && sc[next_scare].open == i && !reported) {
                if ((st = add_marker(&c, i, sc[next_scare].close, (uint32_t)si,
                                     FL_MARKER_SCARE_QUOTES)) != FL_OK) {
                    goto done;
                }
            }
            uint8_t q = cues(&c, i);
            if (q & FL_CUE_DISTANCE) {
                if ((st = add_marker(&c, i, i, (uint32_t)si, FL_MARKER_WORD)) != FL_OK) {
                    goto done;
                }
            } else if ((q & FL_CUE_SO) && i + 1 < b) {
                size_t j = i + 1;
                if (c.t[j].kind == FL_TOKEN_HYPHEN && j + 1 < b) {
                    j++;
                }
                if (cues(&c, j) & FL_CUE_CALLED) {
                    if ((st = add_marker(&c, i, j, (uint32_t)si, FL_MARKER_WORD)) != FL_OK) {
                        goto done;
                    }
                    i = j;
                }
            }
        }
        sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        sent->n_markers = (uint32_t)(res->markers.len - sent->first_marker);
    }
done:
    fl__vec_free(&res->alloc, &scares);
    return st;
}
