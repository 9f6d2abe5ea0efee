/* targets.c: the actor each match is said of ("aggressor" of Russia or of Ukraine). */
/* SPDX-License-Identifier: MIT */
#include "voice.h"

/*
 * The target of a match is a lexicon actor mentioned near it (actors.c finds the mentions).
 * The rules, in order; the first that applies decides (docs/attributions.md has examples):
 * 1. inside: the match itself mentions an actor ("Kiev regime" -> Ukraine);
 * 2. before: an actor, possibly with 's, stands right before it ("Kremlin propaganda",
 *    "Russia's aggression", "Kiev regime" when the term is "regime");
 * 3. naming: the match is what a naming verb (called, labelled, branded, dubbed, termed,
 *    described as, ...) gives someone: "Russia was called "an aggressor country"" -> the
 *    passive's subject; "Kiev called Russia an aggressor" -> the object. The pattern decides
 *    even when that someone is no actor ("called the attack "a war crime"": no target);
 * 4. apposition and copula: "Russia, the aggressor", "the aggressor, Russia,", "Russia is
 *    the aggressor";
 * 5. agent: "invasion by Russia";
 * 6. the speaker's own "it": in reported content that opens with "it is" or "we are" and
 *    the label ("Russia denies it is an aggressor country"), the actor its speaker names;
 * 7. nearest: the nearest actor in the same clause, within MAX_TARGET_TOKENS tokens, the
 *    earlier one on a tie. For a match in reported content the clause is that content (so
 *    the speaker, who reports, is not its target), else the outlet's own words outside any
 *    content. A clause ends at ; : ( ) [ ], a spaced dash, and a comma before a conjunction
 *    or a relative pronoun ("…, while Kiev …", "…, which …"). An actor after "against" is
 *    the one acted on ("aggression against Ukraine"), never the target.
 * Every rule looks a bounded number of tokens around the match: linear in the text.
 */

enum {
    MAX_TARGET_TOKENS = 24, /* rule 7 looks this far either way */
    MAX_LABEL_LEAD = 5,     /* quotation marks, "a", "the", "as" and adjectives before a label */
    MAX_SUBJECT_TOKENS = 12 /* back from a passive to its subject */
};

static uint32_t actor_at(const ctx *c, size_t i) {
    uint32_t m = c->v[i].mention;
    return m == UINT32_MAX ? FL_NO_ACTOR : FL_VEC_AT(c->res->mentions, fl_actor_mention, m).actor;
}

/* Is token i the last token of an actor mention? */
static bool mention_ends_at(const ctx *c, size_t i) {
    uint32_t m = c->v[i].mention;
    return m != UINT32_MAX &&
           i + 1 == (size_t)FL_VEC_AT(c->res->mentions, fl_actor_mention, m).first_token +
                        FL_VEC_AT(c->res->mentions, fl_actor_mention, m).n_tokens;
}

static bool is_be_form(const ctx *c, size_t i) {
    return folded_is(c, i, "is") || folded_is(c, i, "was") || folded_is(c, i, "were") ||
           folded_is(c, i, "are") || folded_is(c, i, "be") || folded_is(c, i, "been") ||
           folded_is(c, i, "being");
}

/* Verbs that make their subject what the label says ("Russia remains the aggressor"). */
static bool is_copula(const ctx *c, size_t i) {
    return is_be_form(c, i) || folded_is(c, i, "'s") || folded_is(c, i, "remains") ||
           folded_is(c, i, "remained") || folded_is(c, i, "became") || folded_is(c, i, "becomes");
}

static bool is_opening_mark(const ctx *c, size_t i) {
    int32_t p = punct(c, i);
    return p != 0 && family(p) != FAMILY_NONE && !is_closing_quote(c, i);
}

/* Does a clause end at token i (see the rules above)? */
static bool clause_break(const ctx *c, size_t i, size_t b) {
    int32_t p = punct(c, i);
    if (p == 0) {
        return false;
    }
    if (p == ';' || p == ':' || p == '(' || p == ')' || p == '[' || p == ']') {
        return true;
    }
    if (is_dash_cp(p) && c->t[i].space_before) {
        return true;
    }
    if (p == ',' && i + 1 < b && is_word(c, i + 1)) {
        uint32_t nb = bits(c, i + 1);
        return ((nb & FL_W_CONJ) && !folded_is(c, i + 1, "and") && !folded_is(c, i + 1, "or")) ||
               (nb & FL_W_RELATIVE);
    }
    return false;
}

/* A word that may stand between a label and what names it: "a", "the", an adjective in
 * lower case that is no cue ("an aggressor", "the real aggressor"). */
static bool lead_word(const ctx *c, size_t i) {
    if (!is_word(c, i) || c->v[i].mention != UINT32_MAX) {
        return false;
    }
    uint32_t b = bits(c, i);
    return (b & FL_W_DET) || (b == 0 && c->k[i].lower);
}

/* A verb that gives a name: called, labelled, branded, dubbed, termed (any form). */
static bool naming_verb(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return q != NULL && (q->bits & FL_W_CALLED) && q->form != FL_FORM_NONE &&
           q->form != FL_FORM_ADJ;
}

/* A past participle in lower case ("described", "seen", "regarded"), before "as". */
static bool participle(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    if (!is_word(c, i) || !k->lower || k->fold_len < 4 || c->v[i].mention != UINT32_MAX) {
        return false;
    }
    const uint8_t *w = folded_at(c, k);
    return (w[k->fold_len - 2] == 'e' && w[k->fold_len - 1] == 'd') ||
           (w[k->fold_len - 2] == 'e' && w[k->fold_len - 1] == 'n');
}

/* Rule 3: a naming verb before the label that starts at f (after its lead). Returns true when
 * the pattern applies; *out is then its answer (possibly FL_NO_ACTOR). */
static bool naming(const ctx *c, const span *s, size_t f, uint32_t *out) {
    size_t j = f;
    size_t lead = 0;
    while (j > s->a && lead < MAX_LABEL_LEAD &&
           (is_opening_mark(c, j - 1) || lead_word(c, j - 1))) {
        j--;
        lead++;
    }
    /* "described Kiev as a regime", "was seen as an aggressor" */
    bool as = j > s->a && folded_is(c, j - 1, "as");
    if (!as && j == f) {
        return false; /* a label follows its name with quotation marks or "a", "the" */
    }
    size_t obj_end = as ? j - 1 : j; /* the object, if any, ends here */
    size_t v = SIZE_MAX;
    for (size_t k = obj_end; k > s->a && obj_end - k <= 6; k--) {
        size_t i = k - 1;
        if (naming_verb(c, i) || (as && participle(c, i))) {
            v = i;
            break;
        }
        /* the object: a name or a noun phrase, no verb, no clause */
        if (!is_word_like(c, i) ||
            ((bits(c, i) & (FL_W_AUX | FL_W_VERB | FL_W_CONJ | FL_W_OPENER | FL_W_PREP)) &&
             !folded_is(c, i, "of"))) {
            return false;
        }
    }
    if (v == SIZE_MAX) {
        return false;
    }
    *out = FL_NO_ACTOR;
    /* the object between the verb and the label ("called Russia an aggressor") */
    for (size_t i = v + 1; i < obj_end; i++) {
        if (c->v[i].mention != UINT32_MAX) {
            *out = actor_at(c, i);
            return true;
        }
    }
    if (v + 1 < obj_end) {
        return true; /* an object that is no actor: "called the attack "a war crime"" */
    }
    /* no object: a passive names its subject ("Russia was called ...") */
    size_t g = v;
    bool passive = false;
    while (g > s->a && v - g < 4 && (bits(c, g - 1) & (FL_W_AUX | FL_W_ADV | FL_W_NEGATION))) {
        g--;
        passive |= is_be_form(c, g);
    }
    if (!passive) {
        return false;
    }
    for (size_t i = g; i > s->a && g - i < MAX_SUBJECT_TOKENS; i--) {
        if (clause_break(c, i - 1, s->b) || (bits(c, i - 1) & (FL_W_RELATIVE | FL_W_OPENER))) {
            break;
        }
        if (c->v[i - 1].mention != UINT32_MAX) {
            *out = actor_at(c, i - 1);
            break;
        }
    }
    return true;
}

/* Is token k the speaker's own "it" or "we" opening the content of attribution at ("Russia
 * denies it is …": after "that", "if" or an opening quotation mark)? */
static bool speakers_pronoun(const ctx *c, const fl_attr *at, size_t k) {
    if (at == NULL || !(folded_is(c, k, "it") || folded_is(c, k, "we"))) {
        return false;
    }
    size_t j = at->content_first;
    for (size_t seen = 0; j < k && seen < 3 && !is_word(c, j); seen++) {
        j++;
    }
    if (j < k && (folded_is(c, j, "that") || folded_is(c, j, "if"))) {
        j++;
    }
    return j == k;
}

/* Rule 4: "Russia, the aggressor", "the aggressor, Russia,", "Russia is the aggressor", and
 * in reported content the speaker's "it is the aggressor" (rule 6). */
static uint32_t apposition(const ctx *c, const span *s, size_t f, size_t e, const fl_attr *at,
                           uint32_t speaker_actor) {
    size_t j = f;
    for (size_t lead = 0; j > s->a && lead < MAX_LABEL_LEAD && lead_word(c, j - 1); lead++) {
        j--;
    }
    if (j > s->a && j < f) {
        /* ", the aggressor": the comma and the name before it */
        if (punct(c, j - 1) == ',' && j >= s->a + 2 && mention_ends_at(c, j - 2)) {
            return actor_at(c, j - 2);
        }
    }
    /* "Russia is (not) the aggressor", "Russia remains an aggressor" */
    size_t k = j;
    while (k > s->a && f - k < MAX_LABEL_LEAD + 3 &&
           ((bits(c, k - 1) & (FL_W_NEGATION | FL_W_ADV)) || ends_with_nt(c, k - 1))) {
        k--;
    }
    if (k > s->a + 1 && is_copula(c, k - 1)) {
        if (mention_ends_at(c, k - 2)) {
            return actor_at(c, k - 2);
        }
        if (speakers_pronoun(c, at, k - 2)) {
            return speaker_actor;
        }
    }
    /* "the aggressor, Russia, …" */
    if (e + 1 < s->b && punct(c, e) == ',' && c->v[e + 1].mention != UINT32_MAX) {
        const fl_actor_mention *m = &FL_VEC_AT(c->res->mentions, fl_actor_mention,
                                               c->v[e + 1].mention);
        size_t after = (size_t)m->first_token + m->n_tokens;
        if (m->first_token == e + 1 && (after >= s->b || at_end(s, after) ||
                                        punct(c, after) == ',' || punct(c, after) == ')')) {
            return m->actor;
        }
    }
    return FL_NO_ACTOR;
}

/* Rule 5: "invasion by Russia", "aggression by the Kremlin". */
static uint32_t agent(const ctx *c, const span *s, size_t e) {
    if (e + 1 < s->b && folded_is(c, e, "by")) {
        size_t k = e + 1;
        if (k + 1 < s->b && folded_is(c, k, "the") && c->v[k].mention == UINT32_MAX) {
            k++;
        }
        return actor_at(c, k);
    }
    return FL_NO_ACTOR;
}

/* May the mention at token k be the target of a match in attribution `at` (NULL: the
 * outlet's own words)? */
static bool in_region(const ctx *c, const fl_attr *at, size_t k) {
    if (k > 0 && folded_is(c, k - 1, "against")) {
        return false; /* "aggression against Ukraine": acted on, not said of */
    }
    if (at == NULL) {
        return c->v[k].role != FL_ROLE_CONTENT;
    }
    return (k >= at->content_first && k < at->content_end) ||
           (k >= at->content2_first && k < at->content2_end);
}

/* Rule 7: the nearest actor in the clause. */
static uint32_t nearest(const ctx *c, const span *s, const fl_attr *at, size_t f, size_t e) {
    size_t left = SIZE_MAX;
    for (size_t i = f; i > s->a && f - i < MAX_TARGET_TOKENS; i--) {
        if (clause_break(c, i - 1, s->b)) {
            break;
        }
        if (c->v[i - 1].mention != UINT32_MAX && in_region(c, at, i - 1)) {
            left = i - 1;
            break;
        }
    }
    size_t right = SIZE_MAX;
    for (size_t i = e; i < s->b && i - e < MAX_TARGET_TOKENS; i++) {
        if (clause_break(c, i, s->b)) {
            break;
        }
        if (c->v[i].mention != UINT32_MAX && in_region(c, at, i)) {
            right = i;
            break;
        }
    }
    if (left == SIZE_MAX && right == SIZE_MAX) {
        return FL_NO_ACTOR;
    }
    if (right == SIZE_MAX || (left != SIZE_MAX && f - left <= right + 1 - e)) {
        return actor_at(c, left);
    }
    return actor_at(c, right);
}

static uint32_t target_of(const ctx *c, const fl_match *m) {
    const fl_sentence *sent = &FL_VEC_AT(c->res->sentences, fl_sentence, m->sentence);
    span s = {sent->first_token, sent->first_token + sent->n_tokens_all, SIZE_MAX, m->sentence};
    for (size_t j = s.b; j > s.a; j--) {
        if (is_word_like(c, j - 1)) {
            s.last = j - 1;
            break;
        }
    }
    size_t f = m->first_token;
    size_t e = f + m->n_tokens;
    for (size_t i = f; i < e; i++) { /* 1. inside */
        if (c->v[i].mention != UINT32_MAX) {
            return actor_at(c, i);
        }
    }
    size_t p = f;
    if (p > s.a && c->t[p - 1].kind == FL_TOKEN_CLITIC) {
        p--;
    }
    if (p > s.a && mention_ends_at(c, p - 1)) { /* 2. before */
        return actor_at(c, p - 1);
    }
    uint32_t t;
    if (naming(c, &s, f, &t)) { /* 3. naming */
        return t;
    }
    const fl_attr *at = NULL;
    uint32_t speaker_actor = FL_NO_ACTOR;
    if (m->attribution != FL_NO_ATTRIBUTION) {
        at = &FL_VEC_AT(c->res->attributions, fl_attr, m->attribution);
        speaker_actor = FL_VEC_AT(c->res->attr_out, fl_attribution, m->attribution).speaker_actor;
    }
    if ((t = apposition(c, &s, f, e, at, speaker_actor)) != FL_NO_ACTOR ||
        (t = agent(c, &s, e)) != FL_NO_ACTOR) {
        return t; /* 4., 5., 6. */
    }
    return nearest(c, &s, at, f, e); /* 7. */
}

void fl__targets(ctx *c) {
    if (c->res->mentions.len == 0) {
        return;
    }
    fl_match *m = c->res->matches.data;
    for (size_t i = 0; i < c->res->matches.len; i++) {
        m[i].target = target_of(c, &m[i]);
    }
}
