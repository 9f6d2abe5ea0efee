/* context.c: the voice stage: whose words each match is (author, quoted, attributed),
 * whether a negation stands before it, and the distancing markers of each sentence. */
/* SPDX-License-Identifier: MIT */
#include "voice.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/*
 * Voice, in order of precedence (docs/voice.md has every rule with examples):
 * 1. quoted: the match's first token lies inside quotation marks (quotes.c);
 * 2. attributed: it lies in the content of an attribution of its sentence (attribution*.c);
 * 3. author: everything else, the speakers and cues included.
 * Every word token is looked up once in the voice stage's own word table (cues.c), from the
 * hash the tokeniser computed; the lookups, the quotations and the attributions are kept
 * per token in res->vtoks, the attribution records in res->attributions. The loop that
 * fills res->vtoks also notes what each sentence holds (res->sentence_cues: the bits of its
 * words, colons, dashes, quotation marks), so that the later steps pass over a sentence
 * none of their rules can apply to, and read only the cue words of the others
 * (res->cue_tokens).
 * negated: a negation or denial cue within the six tokens before the match, in its clause.
 * Then each quoted or attributed match is linked to the attribution whose content holds it,
 * and each match gets the actor it is said of (targets.c).
 * Distancing markers: so-called, alleged(ly), self-proclaimed, self-styled, purported(ly),
 * supposed(ly); and scare quotes: one to three words in quotation marks that nobody is said
 * to state (a label after "called" still is one).
 */

enum { NEGATION_WINDOW = 6 };

/* Hides the value of x from the optimiser, which then keeps it in a register rather than
 * folding what it knows of it into the code (an empty asm; without GNU C, nothing). */
#if defined(__GNUC__)
#define OPAQUE(x) __asm__("" : "+r"(x))
#else
#define OPAQUE(x) ((void)0)
#endif

/* Is there a negation within the six tokens before first, back to the sentence's start a,
 * in its clause? A punctuation mark (punct nonzero) ends the clause when it is one of
 * PUNCT_CLAUSE (a table load, not a chain of comparisons); a word is a negation by its cue
 * bits (fl_vtok's copy, said_bits, when it is not quoted: its cue entry is not read) or by
 * "n't". */
static bool negated(const ctx *c, size_t a, size_t first) {
    size_t stop = first - a > NEGATION_WINDOW ? first - NEGATION_WINDOW : a;
    for (size_t i = first; i > stop;) {
        i--;
        const fl_vtok *v = &c->v[i];
        if (v->punct != 0) {
            if (punct_class(v->punct) & PUNCT_CLAUSE) {
                return false;
            }
            continue;
        }
        /* a punctuation token whose code point is 0 has no bits and is no word: passed */
        if ((v->said_bits & FL_W_NEGATION) || ends_with_nt(c, i) ||
            (v->quoted && (cue_bits(c, i) & FL_W_NEGATION))) {
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

/* A content piece of an attribution: tokens [a, b) of attribution `attr`. */
typedef struct piece {
    uint32_t a, b, attr;
} piece;

static int piece_order(const void *x, const void *y) {
    const piece *p = x;
    const piece *q = y;
    if (p->a != q->a) {
        return p->a < q->a ? -1 : 1;
    }
    if (p->b != q->b) {
        return p->b > q->b ? -1 : 1; /* the longer first: the inner one ends on top */
    }
    return p->attr < q->attr ? -1 : (p->attr > q->attr);
}

/* Gives each quoted or attributed match the attribution whose content holds its first token,
 * the innermost when contents nest ("in what Kiev claims is preparation for an invasion":
 * Kiev's claim, inside the EU's accusation). The content pieces, sorted by start, are swept
 * once with a stack of the open ones (an inner piece starts later, so the top of the stack
 * is the innermost that holds the token; pieces that ended are popped when they come to
 * the top): O(A log A + M). A quotation that opened in an earlier sentence belongs to the
 * attribution after it, so the sweep runs over the whole text. */
static fl_status link_matches(ctx *c) {
    fl_result *res = c->res;
    size_t na = res->attributions.len;
    size_t nm = res->matches.len;
    if (na == 0 || nm == 0) {
        return FL_OK;
    }
    const fl_attr *at = res->attributions.data;
    /* room for 2 pieces and 2 stack entries per attribution, in the result's own scratch */
    size_t bytes;
    if (!fl__mul(na, 2 * (sizeof(piece) + sizeof(uint32_t)), &bytes)) {
        return FL_ERR_NOMEM;
    }
    fl_status st = fl__vec_reserve(&res->alloc, &res->link_scratch, 1, bytes);
    if (st != FL_OK) {
        return st;
    }
    piece *p = res->link_scratch.data;
    uint32_t *top = (uint32_t *)(p + 2 * na);
    size_t np = 0;
    for (size_t i = 0; i < na; i++) {
        if (at[i].content_first < at[i].content_end) {
            p[np++] = (piece){at[i].content_first, at[i].content_end, (uint32_t)i};
        }
        if (at[i].content2_first < at[i].content2_end) {
            p[np++] = (piece){at[i].content2_first, at[i].content2_end, (uint32_t)i};
        }
    }
    /* attributions are found sentence by sentence, so the pieces often are in order
     * already: sorted only when they are not */
    size_t sorted = 1;
    while (sorted < np && piece_order(&p[sorted - 1], &p[sorted]) <= 0) {
        sorted++;
    }
    if (sorted < np) {
        qsort(p, np, sizeof(piece), piece_order);
    }
    size_t depth = 0;
    size_t next = 0;
    fl_match *m = res->matches.data;
    for (size_t mi = 0; mi < nm; mi++) {
        if (m[mi].voice == FL_VOICE_AUTHOR) {
            continue;
        }
        uint32_t ft = m[mi].first_token;
        while (next < np && p[next].a <= ft) {
            top[depth++] = (uint32_t)next++;
        }
        while (depth > 0 && p[top[depth - 1]].b <= ft) {
            depth--;
        }
        if (depth > 0) {
            m[mi].attribution = p[top[depth - 1]].attr;
        }
    }
    return FL_OK;
}

/* FL_ATTRIBUTIONS_MATCHED: keeps the attributions a match links to, in order, and renumbers
 * the links. Before fl__publish_attributions, which then makes the public records of these
 * only, and fl__targets, which reads only the records of a match's link. */
static fl_status keep_linked_attributions(fl_result *res) {
    size_t na = res->attributions.len;
    fl_match *m = res->matches.data;
    if (na == 0 || res->matches.len == 0) {
        res->attributions.len = 0;
        return FL_OK;
    }
    /* link_scratch counts bytes; link_matches has made room for more than this already */
    size_t bytes;
    if (!fl__mul(na, sizeof(uint32_t), &bytes)) {
        return FL_ERR_NOMEM;
    }
    fl_status st = fl__vec_reserve(&res->alloc, &res->link_scratch, 1, bytes);
    if (st != FL_OK) {
        return st;
    }
    uint32_t *renumbered = res->link_scratch.data;
    memset(renumbered, 0, na * sizeof *renumbered);
    for (size_t mi = 0; mi < res->matches.len; mi++) {
        if (m[mi].attribution != FL_NO_ATTRIBUTION) {
            renumbered[m[mi].attribution] = 1;
        }
    }
    fl_attr *at = res->attributions.data;
    uint32_t kept = 0;
    for (size_t i = 0; i < na; i++) {
        if (renumbered[i]) {
            if (kept != i) { /* the records before the first dropped one stay where they are */
                at[kept] = at[i];
            }
            renumbered[i] = kept++;
        }
    }
    res->attributions.len = kept;
    for (size_t mi = 0; mi < res->matches.len; mi++) {
        if (m[mi].attribution != FL_NO_ATTRIBUTION) {
            m[mi].attribution = renumbered[m[mi].attribution];
        }
    }
    return FL_OK;
}

/* Does a quotation reach over the start or the end of sentence si (tokens [a, b))? A closing
 * mark in it or in the next sentence that opened before that sentence (quotes.c noted them),
 * or a quoted first token of the next sentence. */
static bool quotation_crosses(const ctx *c, const sentence_cues *sc_of, size_t ns, size_t si,
                              size_t b) {
    return sc_of[si].closes_earlier || (si + 1 < ns && sc_of[si + 1].closes_earlier) ||
           (b < c->n && c->v[b].quoted);
}

/* FL_ATTRIBUTIONS_MATCHED, sentence si (tokens [a, b)) read only for its colon or dash: can
 * what the rules find in it reach an output? Its attributions' contents stay in it, but for
 * a quotation that reaches over its borders and for a speaker's paragraph (ctx.carry_end):
 * a prefix speaker's at a paragraph's start runs to the end of the paragraph, "He said:" at a
 * paragraph's end to the end of the next one. So no: when no quotation crosses the borders
 * of the sentences that could reach, none of them holds a match, and no short quotation (a
 * scare quote, whose test reads the roles) opens in them; sq points to the first short
 * quotation opening at a or later (sq, of those up to sq_end). */
static bool colon_rules_matter(const ctx *c, const sentence_cues *sc_of, size_t ns, size_t si,
                               size_t a, size_t b, const scare *sq, const scare *sq_end) {
    const fl_token *t = c->t;
    size_t r = b; /* the end of what its rules may reach */
    if (b < c->n) {
        size_t from = SIZE_MAX;
        if (t[b].newlines_before == 0) {
            /* a prefix speaker's paragraph goes on past b when the sentence (or its text
             * after a dateline) starts the paragraph */
            bool opens = a == 0;
            for (size_t j = a; j < b && !opens; j++) {
                opens = t[j].newlines_before > 0;
            }
            from = opens ? b : SIZE_MAX;
        } else if (c->v[b - 1].punct == ':') {
            from = b + 1;
        }
        if (from != SIZE_MAX) {
            r = from;
            while (r < c->n && t[r].newlines_before == 0) {
                r++;
            }
        }
    }
    const fl_sentence *sents = c->res->sentences.data;
    size_t sj = si;
    for (; sj < ns && sents[sj].first_token < r; sj++) {
        if (sents[sj].n_matches > 0 || sc_of[sj].closes_earlier) {
            return true;
        }
    }
    size_t e = sj < ns ? sents[sj].first_token : c->n;
    return (sj < ns && (sc_of[sj].closes_earlier || c->v[e].quoted)) ||
           (sq != sq_end && sq->open < e);
}

/* What a token that is no cue word reads in fl__context's first loop. */
static const fl_cue NO_CUE = {.bits = 0, .form = FL_FORM_NONE, .zero = {0, 0, 0}};

/* The running state of fl__context's first loop (locals once read_token() is inlined). */
typedef struct reader {
    uint64_t wp; /* words_before and punct (0) of the next token (fl__context) */
    uint32_t sbits; /* the cue bits of the sentence's tokens, or-ed */
    uint32_t n_cues; /* cue words listed in cue_tokens */
    size_t n_marks; /* quotation marks listed at the top of cue_tokens */
    unsigned classes; /* punct_class() of the sentence's punctuation, or-ed */
} reader;

/* fl__context's first loop on one token, the off-th from vt0, tp0 and kp0 (its fl_vtok,
 * token and label; ki: the first label): fills its fl_vtok and adds the token to r. Inline,
 * called four times a turn; the offset a constant, so that gcc addresses the others by
 * displacements (with kp0 + 1 passed, it kept a copy of that pointer: an instruction more). */
static inline void read_token(reader *r, fl_vtok *vt0, const fl_token *tp0, const fl_tokinfo *kp0,
                              size_t off, const fl_tokinfo *ki, uint32_t *cue_tokens, size_t n,
                              uint64_t one_word, uintptr_t no) {
    fl_vtok *vt = vt0 + off;
    const fl_token *tp = tp0 + off;
    const fl_tokinfo *kp = kp0 + off;
    uint8_t kind = tp->kind;
    /* looked up with its label (match.c); without branches: whether a token is a
     * cue word is a coin toss the branch predictor lost (0.4 misses a token). Not
     * masked by the kind: no punctuation or hyphen token folds to a cue word
     * (tests/c/test_context.cc checks every code point) */
    uintptr_t qa = (uintptr_t)kp->cue;
    /* stored before the select: qa is then dead after it, and the conditional move
     * writes over it (with qa stored later, gcc moved NO_CUE into a copy each token) */
    vt->cue = (const fl_cue *)qa;
    /* NO_CUE when q is NULL, by a conditional move: OPAQUE hides from gcc what NO_CUE
     * holds, or it made a branch of the select to fold NO_CUE's fields */
    const fl_cue *qe = (const fl_cue *)(qa != 0 ? qa : no);
    /* the cue's bits, form and three zero bytes, one load: stored whole they are said_bits,
     * form and a fresh quoted, role and naming (fl_cue and fl_vtok keep that order) */
    uint64_t bfz;
    memcpy(&bfz, &qe->bits, sizeof bfz);
    uint32_t bits = (uint32_t)bfz;
    r->sbits |= bits;
    if (bits & ATTRIBUTION_CUES) {
        cue_tokens[r->n_cues++] = (uint32_t)(kp0 - ki) + (uint32_t)off;
    }
    /* every field written, not zeroed first, in four 8-byte stores: cue, opened and mention
     * (UINT32_MAX both), said_bits to naming, words_before and punct (0; a punctuation mark's
     * code point stored over it below). fl_vtok's order keeps the last two apart: next to
     * each other, gcc paired them through a vector register (callgrind at 1,000 terms: 1.9
     * instructions a token more) */
    memset(&vt->opened, 0xff, 2 * sizeof(uint32_t));
    memcpy(&vt->said_bits, &bfz, sizeof bfz);
    memcpy(&vt->words_before, &r->wp, sizeof r->wp);
    r->wp += one_word * (kind == FL_TOKEN_WORD);
    if (kind == FL_TOKEN_PUNCT) {
        vt->punct = kp->cp0;
        unsigned cls = punct_class(kp->cp0);
        r->classes |= cls;
        if (cls & PUNCT_QUOTE) {
            cue_tokens[n - ++r->n_marks] = (uint32_t)(kp0 - ki) + (uint32_t)off;
        }
    }
}

fl_status fl__context(const fl_lexicon *lex, const uint8_t *text, fl_result *res) {
    fl_status st;
    size_t n = res->tokens.len;
    size_t ns = res->sentences.len;
    res->vtoks.len = 0;
    res->attributions.len = 0;
    res->sentence_cues.len = 0;
    if ((st = fl__vec_reserve(&res->alloc, &res->vtoks, sizeof(fl_vtok), n)) != FL_OK ||
        (st = fl__vec_reserve(&res->alloc, &res->cue_tokens, sizeof(uint32_t), n)) != FL_OK ||
        (st = fl__vec_reserve(&res->alloc, &res->sentence_cues, sizeof(sentence_cues), ns)) !=
            FL_OK) {
        return st;
    }
    res->vtoks.len = n;
    res->sentence_cues.len = ns;
    ctx c = {lex,
             res,
             text,
             res->tokens.data,
             res->infos.data,
             res->vtoks.data,
             fl__vec_bytes(&res->folded, 0),
             n,
             0,
             0,
             0,
             NULL,
             {0}};
    sentence_cues *sc_of = res->sentence_cues.data;
    uint32_t *cue_tokens = res->cue_tokens.data;
    uint32_t n_cues = 0;
    /* the quotation marks (fl__find_quotes) at the top of cue_tokens' room, downwards: no
     * punctuation token is a cue word, so they and the cue words are n tokens at most */
    size_t n_marks = 0;
    /* locals, not c's fields: c's address is passed on below, and with c.n_words counted in
     * the loop the compiler stored it on every token */
    const fl_token *t = c.t;
    const fl_tokinfo *ki = c.k;
    fl_vtok *v = c.v;
    const fl_sentence *sents = res->sentences.data;
    /* words_before and punct (0) of the next token as the 8 bytes stored, and what adds one
     * word to it (in memory order, whatever the byte order) */
    _Static_assert(offsetof(fl_vtok, punct) == offsetof(fl_vtok, words_before) + 4,
                   "punct follows words_before");
    _Static_assert(offsetof(fl_vtok, mention) == offsetof(fl_vtok, opened) + 4,
                   "mention follows opened");
    /* the 8 bytes of fl_cue from bits are those of fl_vtok from said_bits */
    _Static_assert(offsetof(fl_vtok, form) == offsetof(fl_vtok, said_bits) + 4 &&
                       offsetof(fl_vtok, quoted) == offsetof(fl_vtok, form) + 1 &&
                       offsetof(fl_vtok, role) == offsetof(fl_vtok, form) + 2 &&
                       offsetof(fl_vtok, naming) == offsetof(fl_vtok, form) + 3,
                   "form, quoted, role and naming follow said_bits");
    _Static_assert(offsetof(fl_cue, form) == offsetof(fl_cue, bits) + 4 &&
                       offsetof(fl_cue, zero) == offsetof(fl_cue, form) + 1 &&
                       sizeof(((fl_cue *)0)->zero) == 3,
                   "form and three zero bytes follow bits");
    _Static_assert(FL_ROLE_NONE == 0, "a fresh role is a zero byte");
    const uint32_t wp0[2] = {0, 0};
    const uint32_t wp1[2] = {1, 0};
    uint64_t wp;
    uint64_t one_word;
    memcpy(&wp, wp0, sizeof wp);
    memcpy(&one_word, wp1, sizeof one_word);
    /* sentence by sentence (segment.c's sentences cover the tokens in order), a sentence's
     * summary kept in locals and written once, not or-ed into memory on every token */
    for (size_t si = 0; si < ns; si++) {
        size_t a = sents[si].first_token;
        size_t b = a + sents[si].n_tokens_all;
        uint32_t first_cue = n_cues;
        /* what read_token() selects for a token that is no cue word, hidden by OPAQUE */
        uintptr_t no = (uintptr_t)&NO_CUE;
        OPAQUE(no);
        /* by pointers, the token's index only worked out for a cue word: an increment a token
         * less (from kp: its 64-byte stride is a shift) */
        const fl_token *tp = t + a;
        const fl_tokinfo *kp = ki + a;
        reader r = {wp, 0, n_cues, n_marks, 0};
        fl_vtok *vt = v + a;
        fl_vtok *end = v + b;
        /* four tokens a turn: one loop test and one increment of each pointer for the four
         * (callgrind at 2 MB, 1,000 terms: two a turn took 0.8 instructions a token more;
         * eight saved 0.1 more but its leftover tests, by one, two and four, mispredicted
         * about half the time, 2% more in all); what is left over first, by one and two */
        if ((b - a) & 1) {
            read_token(&r, vt++, tp++, kp++, 0, ki, cue_tokens, n, one_word, no);
        }
        if ((b - a) & 2) {
            read_token(&r, vt, tp, kp, 0, ki, cue_tokens, n, one_word, no);
            read_token(&r, vt, tp, kp, 1, ki, cue_tokens, n, one_word, no);
            vt += 2, tp += 2, kp += 2;
        }
        for (; vt != end; vt += 4, tp += 4, kp += 4) {
            read_token(&r, vt, tp, kp, 0, ki, cue_tokens, n, one_word, no);
            read_token(&r, vt, tp, kp, 1, ki, cue_tokens, n, one_word, no);
            read_token(&r, vt, tp, kp, 2, ki, cue_tokens, n, one_word, no);
            read_token(&r, vt, tp, kp, 3, ki, cue_tokens, n, one_word, no);
        }
        wp = r.wp;
        n_cues = r.n_cues;
        n_marks = r.n_marks;
        uint32_t sbits = r.sbits;
        unsigned classes = r.classes;
        sentence_cues *sum = &sc_of[si];
        sum->bits = sbits;
        sum->classes = (uint8_t)classes;
        sum->title = TITLE_UNKNOWN;
        sum->closes_earlier = 0;
        sum->n_cues = n_cues - first_cue;
        sum->first_cue = first_cue;
    }
    uint32_t counted[2];
    memcpy(counted, &wp, sizeof counted);
    c.n_words = counted[0];
    res->cue_tokens.len = n_cues;
    fl_vec scares = {0};
    if ((st = fl__find_actors(&c)) != FL_OK ||
        (st = fl__find_quotes(&c, &scares, n_marks > 0 ? cue_tokens + n - n_marks : NULL,
                              n_marks)) != FL_OK) {
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
    /* a local: scares' address went to fl__find_quotes, so its len was read from memory */
    const size_t n_scares = scares.len;
    bool all = res->keep_attributions != FL_ATTRIBUTIONS_MATCHED;
    for (size_t si = 0; si < ns; si++) {
        fl_sentence *sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        /* its tokens [a, b); the span for the rules made only when they run */
        size_t a = sent->first_token;
        size_t b = a + sent->n_tokens_all;
        /* Only FL_ATTRIBUTIONS_MATCHED skips a sentence with cue words, a colon or a dash:
         * one whose attributions reach no match. A match's voice and link come from
         * attributions of its own sentence, of another one through a quotation that reaches
         * over the sentences' border ("A. B," he said), or of a speaker's paragraph (opened
         * by a colon: colon_rules_matter()); whether a short quotation is a scare quote, from
         * its own sentence. */
        /* a short quotation opens in the sentence (the markers below read it too); its closing
         * mark stands in the same sentence (close_quote() keeps no other), so only a sentence
         * with a quotation mark looks. next_scare catches up where it is read: here, for
         * colon_rules_matter() (a colon or a dash) and in the markers' loop. */
        bool scare_here = false;
        if (sc_of[si].classes & (PUNCT_QUOTE | PUNCT_COLON_DASH)) {
            while (next_scare < n_scares && sc[next_scare].open < a) {
                next_scare++;
            }
            scare_here = next_scare < n_scares && sc[next_scare].open < b;
        }
        bool cue_rules = (sc_of[si].bits & ATTRIBUTION_CUES) &&
                         (all || sent->n_matches > 0 ||
                          ((sc_of[si].classes & PUNCT_QUOTE) &&
                           (scare_here || quotation_crosses(&c, sc_of, ns, si, b))));
        if (a < c.carry_end || cue_rules ||
            ((sc_of[si].classes & PUNCT_COLON_DASH) &&
             (all || colon_rules_matter(&c, sc_of, ns, si, a, b,
                                        /* no short quotations: sc may be NULL, and NULL + 0
                                         * is undefined */
                                        n_scares > 0 ? sc + next_scare : NULL,
                                        n_scares > 0 ? sc + n_scares : NULL)))) {
            span s = {a, b, SIZE_MAX, (uint32_t)si};
            for (size_t j = b; j > a; j--) {
                if (is_word_like(&c, j - 1)) {
                    s.last = j - 1;
                    break;
                }
            }
            if ((st = fl__attributions(&c, &s)) != FL_OK) {
                goto done;
            }
            sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        }
        fl_match *m = sent->n_matches > 0 ? (fl_match *)res->matches.data + sent->first_match
                                          : NULL;
        for (uint32_t mi = 0; mi < sent->n_matches; mi++) {
            size_t ft = m[mi].first_token;
            m[mi].attribution = FL_NO_ATTRIBUTION;
            m[mi].target = FL_NO_ACTOR;
            if (c.v[ft].quoted) {
                m[mi].voice = FL_VOICE_QUOTED;
            } else if (c.v[ft].role == FL_ROLE_CONTENT) {
                m[mi].voice = FL_VOICE_ATTRIBUTED;
            } else {
                m[mi].voice = FL_VOICE_AUTHOR;
            }
            m[mi].negated = negated(&c, a, ft) ? 1 : 0;
        }
        /* distancing markers, in text order: words and scare quotes merged */
        sent->first_marker = (uint32_t)res->markers.len;
        sent->n_markers = 0;
        if (!(sc_of[si].bits & (FL_W_DISTANCE | FL_W_SO)) && !scare_here) {
            continue; /* no distancing word, no short quotation */
        }
        for (size_t i = a; i < b; i++) {
            while (next_scare < n_scares && sc[next_scare].open < i) {
                next_scare++;
            }
            /* a short quotation is a scare quote unless it quotes what someone states:
             * a label after "called" still is one */
            if (next_scare < n_scares && sc[next_scare].open == i &&
                !(c.v[i + 1].role == FL_ROLE_CONTENT && !c.v[i + 1].naming)) {
                if ((st = add_marker(&c, i, sc[next_scare].close, (uint32_t)si,
                                     FL_MARKER_SCARE_QUOTES)) != FL_OK) {
                    goto done;
                }
            }
            const fl_cue *q = c.v[i].cue;
            if (q == NULL || !(q->bits & (FL_W_DISTANCE | FL_W_SO))) {
                continue; /* most words have neither */
            }
            if ((q->bits & FL_W_DISTANCE) && (q->form == FL_FORM_NONE || q->form == FL_FORM_PAST)) {
                if ((st = add_marker(&c, i, i, (uint32_t)si, FL_MARKER_WORD)) != FL_OK) {
                    goto done;
                }
            } else if ((q->bits & FL_W_SO) && i + 1 < b) {
                size_t j = i + 1;
                if (c.t[j].kind == FL_TOKEN_HYPHEN && j + 1 < b) {
                    j++;
                }
                const fl_cue *r = c.v[j].cue;
                if (r != NULL && (r->bits & FL_W_CALLED) && r->form != FL_FORM_S &&
                    r->form != FL_FORM_BASE && r->form != FL_FORM_ING) {
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
    /* the links first: with FL_ATTRIBUTIONS_MATCHED only the linked attributions are kept
     * and published (link_matches reads no public record, publishing reads no link) */
    if ((st = link_matches(&c)) != FL_OK ||
        (!all && (st = keep_linked_attributions(res)) != FL_OK) ||
        (st = fl__publish_attributions(&c)) != FL_OK) {
        goto done;
    }
    fl__targets(&c);
done:
    fl__vec_free(&res->alloc, &scares);
    return st;
}
