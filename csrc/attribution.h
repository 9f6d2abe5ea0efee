/* attribution.h: what the attribution files share (attribution.c and its steps and
 * spans, attribution_*.c): the limits of every walk, the words each step starts from,
 * and the tests and spans one file asks another for. Internal; never installed. */
/* SPDX-License-Identifier: MIT */
#ifndef FL_ATTRIBUTION_H
#define FL_ATTRIBUTION_H

#include "voice.h"

/* How far the rules look: a speaker's name rarely runs beyond eight words, an adjunct after
 * a cue ("told reporters in Manchester on Tuesday") beyond twelve tokens, a recipient and
 * its place before "that" ("told a small crowd in a rainy Ohio town, on the
 * last evening of the tour, that") beyond eighteen. */
enum {
    MAX_SPEAKER_WORDS = 8,
    MAX_SPEAKER_TOKENS = 14,
    MAX_VERB_GROUP = 4,
    MAX_ADJUNCT_TOKENS = 12,
    MAX_OPENER_LOOKAHEAD = 18,
    MAX_SUBJECT_TOKENS = 10,
    MAX_PREFIX_WORDS = 6,
    MAX_SUFFIX_WORDS = 6,
    MAX_INTRO_TOKENS = 24,  /* "On WXYZ's 'Morning Desk' program Thursday," */
    MAX_INTRO_WORDS = 8,
    MAX_SPEECH_ACT_MODIFIERS = 3, /* "issued a short written statement saying" */
    MAX_INSERTED_SUBJECT = 6, /* tokens of "the town's mayor" in "…, asked about it, said" */
    MAX_QUOTE_ADJUNCT_TOKENS = 7, /* "wrote to her 900 newsletter readers, "…"" */
    MAX_PIECE_TOKENS = 64,  /* back to a dash or semicolon before a parenthetical cue */
    MAX_CLAUSE_SUBJECT_WORDS = 6, /* "…, but the former Ohio state treasurer said" */
    MAX_COUNT_WORDS = 5,          /* "more than six in 10" */
    MAX_CLAUSE_COMMAS = 3,        /* commas back to the clause of a coordinated verb */
    MAX_RELATIVE_REACH = 12, /* "who has met the mayor twice in May and been …" */
    MAX_AS_SUBJECT_WORDS = 3 /* "as riot police officers moved in" */
};

/* The words each step starts from (ATTRIBUTION_CUES, voice.h, holds them all): a step is
 * skipped for a sentence without one. */
enum {
    /* b: "according" (to) and the verbs that report a content before them */
    AFTER_CUES = FL_W_ACCORDING | FL_W_SPEECH | FL_W_THOUGHT | FL_W_EVIDENCE | FL_W_QUOTE_VERB,
    /* c: cues before their content */
    BEFORE_CUES = FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE |
                  FL_W_SEEM | FL_W_ACCORDING | FL_W_NOUN_CUE | FL_W_QUOTE_VERB,
    /* d: the verbs of a nested attribution */
    NESTED_CUES = FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE
};

/* attribution_words.c */
FL_HIDDEN bool passive_group(const ctx *c, size_t vg, size_t i);
FL_HIDDEN bool ly_adverb_rest(const ctx *c, size_t i, size_t a);

/* A lower-case word in -ly that is no noun after a determiner ("the family"): an adverb.
 * The length and the last byte inline, in every file that asks: they rule out most words,
 * for less than a call. */
static inline bool ly_adverb(const ctx *c, size_t i, size_t a) {
    const fl_tokinfo *k = &c->k[i];
    if (k->fold_len < 5 || folded_at(c, k)[k->fold_len - 1] != 'y') {
        return false;
    }
    return ly_adverb_rest(c, i, a);
}
FL_HIDDEN uint8_t kind_of(uint32_t b);
FL_HIDDEN bool inserted_participle(const ctx *c, const span *s, size_t i);
FL_HIDDEN bool name_word(const ctx *c, size_t i);
FL_HIDDEN bool modal_name_rest(const ctx *c, size_t i);

/* modal_name() of attribution_words.c: its first test inline, where most tokens (no capital,
 * no auxiliary; bits() is 0 for a quoted word) fail it and the call cost more than the test. */
static inline bool modal_name(const ctx *c, size_t i) {
    return c->k[i].upper && (bits(c, i) & FL_W_AUX) && modal_name_rest(c, i);
}
FL_HIDDEN size_t verb_group_start(const ctx *c, const span *s, size_t i);
FL_HIDDEN bool contracted_pronoun(const ctx *c, size_t i, bool *relative);
FL_HIDDEN bool people_pronoun(const ctx *c, size_t i);
FL_HIDDEN bool time_span_noun(const ctx *c, size_t j);
FL_HIDDEN bool time_phrase(const ctx *c, size_t first, size_t sep);
FL_HIDDEN bool place_opening(const ctx *c, const span *s, size_t first, size_t sep);
FL_HIDDEN bool source_subject(const ctx *c, const span *s, size_t vg);
FL_HIDDEN bool quantifier(const ctx *c, size_t i);
FL_HIDDEN bool quantifier_subject_past(const ctx *c, const span *s, size_t p, size_t i);
FL_HIDDEN bool given_name(const ctx *c, const span *s, size_t vg, size_t i);
FL_HIDDEN bool verb_here(const ctx *c, const span *s, size_t i, size_t vg);
FL_HIDDEN bool issuing_verb(const ctx *c, size_t v);
FL_HIDDEN bool lemma_in(const fl_cue *q, const char *const *lemmas, size_t n);
FL_HIDDEN size_t reply_verb(const ctx *c, const span *s, size_t v);
FL_HIDDEN bool month_given_name(const ctx *c, size_t i);
FL_HIDDEN bool not_a_name(const ctx *c, size_t i);
FL_HIDDEN bool number_word(const ctx *c, size_t i);
FL_HIDDEN bool agent_noun(const ctx *c, size_t i);
FL_HIDDEN size_t approximator(const ctx *c, const span *s, size_t j);
FL_HIDDEN size_t bare_plural(const ctx *c, const span *s, size_t from);

/* attribution_speakers.c */
FL_HIDDEN bool quote_name_rest(const ctx *c, size_t i);

/* quote_name() of attribution_speakers.c: its first test inline, as for modal_name() (a
 * capital right after a closing quotation mark is rare). */
static inline bool quote_name(const ctx *c, size_t i) {
    return c->k[i].upper && i >= 2 && is_closing_quote(c, i - 1) && quote_name_rest(c, i);
}
FL_HIDDEN bool speaker_token_rest(const ctx *c, size_t i);

/* May token i stand in a speaker's name? Most words may, and have no class (bits 0): that
 * answer inline in every file that asks, where the call cost more than the test, the rest in
 * speaker_token_rest(). */
static inline bool speaker_token(const ctx *c, size_t i) {
    if (!c->v[i].quoted && c->t[i].kind == FL_TOKEN_WORD && c->v[i].said_bits == 0) {
        return true;
    }
    return speaker_token_rest(c, i);
}
FL_HIDDEN size_t speaker_after_separator(const ctx *c, const span *s, size_t end);
FL_HIDDEN size_t speaker_with_apposition(const ctx *c, const span *s, size_t vg);
FL_HIDDEN size_t speaker_after_as(const ctx *c, const span *s, size_t end, size_t *name_end);
FL_HIDDEN size_t speaker_after_quote(const ctx *c, const span *s, size_t end);
FL_HIDDEN bool names_someone(const ctx *c, size_t from, size_t to);
FL_HIDDEN size_t speaker_forward(const ctx *c, const span *s, size_t from);
FL_HIDDEN size_t source_end(const ctx *c, const span *s, size_t to);
FL_HIDDEN bool clause_subject(const ctx *c, const span *s, size_t vg, size_t *first, size_t *end);
FL_HIDDEN bool subject_before_apposition(const ctx *c, const span *s, size_t vg, bool later,
                                         size_t *first, size_t *end);
FL_HIDDEN bool subject_after_comma(const ctx *c, const span *s, size_t vg, bool openers,
                                   size_t *first, size_t *end);
FL_HIDDEN size_t ago_phrase_start(const ctx *c, size_t from, size_t vg);
FL_HIDDEN void refine_speaker(const ctx *c, const span *s, size_t vg, size_t cue,
                              size_t attrs_before, size_t *first, size_t *end);
FL_HIDDEN size_t participle_agent(const ctx *c, const span *s, size_t vg, size_t i);
FL_HIDDEN size_t subject_behind_preposition(const ctx *c, const span *s, size_t from,
                                            size_t sp_first, size_t vg);
FL_HIDDEN size_t subject_behind_relative(const ctx *c, const span *s, size_t from, size_t sp_first,
                                         size_t vg);
FL_HIDDEN bool intro_gerund_subject(const ctx *c, const span *s, size_t vg, size_t cue,
                                    size_t *first, size_t *end);
FL_HIDDEN bool that_relative_subject(const ctx *c, const span *s, size_t vg, size_t cue);
FL_HIDDEN size_t list_subject(const ctx *c, const span *s, size_t from, size_t sp_first, size_t vg);
FL_HIDDEN size_t name_list_subject(const ctx *c, const span *s, size_t from, size_t sp_first,
                                   size_t vg);
FL_HIDDEN size_t possessor(const ctx *c, const span *s, size_t from, size_t i);
FL_HIDDEN size_t quantity_agent(const ctx *c, const span *s, size_t from);

/* attribution_content.c */
FL_HIDDEN size_t adjunct_end(const ctx *c, const span *s, size_t j, bool recipient);
FL_HIDDEN size_t quotation_end(const ctx *c, const span *s, size_t open);
FL_HIDDEN size_t after_quote_end(const ctx *c, const span *s, size_t j);
FL_HIDDEN bool intro_phrase(const ctx *c, const span *s, size_t from, size_t sep);
FL_HIDDEN bool content_may_start(const ctx *c, const span *s, size_t j);
FL_HIDDEN size_t vote_content(const ctx *c, const span *s, size_t i, size_t *cue_end);
FL_HIDDEN size_t content_start(const ctx *c, const span *s, size_t i, uint8_t region);
FL_HIDDEN bool clause_complement(const ctx *c, const span *s, size_t j);
FL_HIDDEN bool clause_with_cue_at(const ctx *c, const span *s, size_t subj);
FL_HIDDEN size_t paragraph_after_colon(const ctx *c, const span *s, size_t from);
FL_HIDDEN bool relative_pronoun_at(const ctx *c, const span *s, size_t r);
FL_HIDDEN size_t intro_clause_end(const ctx *c, const span *s, size_t vg, size_t cstart);
FL_HIDDEN fl_status finish(ctx *c, const span *s, fl_attr *at, size_t cstart, size_t vg,
                           size_t marked_from);

/* attribution_headlines.c */
FL_HIDDEN bool in_title_case(const ctx *c, const span *s);
FL_HIDDEN fl_status headline(ctx *c, const span *s, size_t *from);
FL_HIDDEN fl_status title_predicates(ctx *c, const span *s, size_t *from);
FL_HIDDEN fl_status headline_future(ctx *c, const span *s, size_t *from);
FL_HIDDEN unsigned headline_rules(const ctx *c, const span *s, size_t from);
FL_HIDDEN bool adjective_participle(const ctx *c, size_t i);

/* attribution_after.c */
FL_HIDDEN size_t reduced_relative(const ctx *c, const span *s, size_t i);
FL_HIDDEN fl_status cues_after_content(ctx *c, const span *s, size_t from);

/* attribution_before.c */
FL_HIDDEN size_t speech_act_start(const ctx *c, const span *s, size_t i, size_t from);
FL_HIDDEN bool as_put_it(const ctx *c, const span *s, size_t i);
FL_HIDDEN fl_status cues_before_content(ctx *c, const span *s, size_t from);

/* The small tests and records every file calls on most tokens it reaches: inline, as they
 * were when one file held all the rules (as calls across files they cost about 1.5% of
 * the voice stage's instructions, callgrind at 2 MB). */
static inline bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n);

/* The FL_W_* bits of the words of sentence s, or-ed (quoted words too). */
static inline uint32_t sentence_bits(const ctx *c, const span *s) {
    return FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index).bits;
}

/* The tokens of sentence s with an ATTRIBUTION_CUES bit, in order: [*first, returned end).
 * The loops of steps b, c and d read only these: each of their rules starts from one. */
static inline const uint32_t *sentence_cue_tokens(const ctx *c, const span *s,
                                                  const uint32_t **first) {
    const sentence_cues *sum = &FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index);
    *first = (const uint32_t *)c->res->cue_tokens.data + sum->first_cue;
    return *first + sum->n_cues;
}

/* verb_group_start() of the cue word *cue of sentence s (a pointer into the sentence's
 * sentence_cue_tokens()), found once a sentence: cues_after_content(), cues_before_content()
 * and nested_cues() each ask it of the same cue words, and it reads no role, nothing the
 * rules change. fl__attributions() forgets the answers before each sentence. */
static inline size_t cue_verb_group(ctx *c, const span *s, const uint32_t *cue) {
    size_t k = (size_t)(cue - c->cues);
    if (k >= CUE_VG_MEMO) {
        return verb_group_start(c, s, *cue);
    }
    if (c->cue_vg[k] == UINT32_MAX) {
        c->cue_vg[k] = (uint32_t)verb_group_start(c, s, *cue);
    }
    return c->cue_vg[k];
}

/* A form of "be" (passives: "was asked", "is expected"). */
static inline bool is_be(const ctx *c, size_t i) {
    return folded_is(c, i, "is") || folded_is(c, i, "was") || folded_is(c, i, "were") ||
           folded_is(c, i, "are") || folded_is(c, i, "be") || folded_is(c, i, "been") ||
           folded_is(c, i, "being") || folded_is(c, i, "'s");
}

/* Does word i, folded, end in the suffix (a string literal) with at least min_len bytes in
 * all? */
static inline bool suffix_is(const ctx *c, size_t i, const char *suffix, size_t min_len) {
    const fl_tokinfo *k = &c->k[i];
    size_t n = strlen(suffix); /* inlined, a constant: the suffix is a literal */
    if (!is_word(c, i) || k->fold_len < min_len || k->fold_len < n) {
        return false;
    }
    const uint8_t *f = folded_at(c, k);
    return memcmp(f + k->fold_len - n, suffix, n) == 0;
}

/* A lower-case word in -ing ("waving", "adding"): a participle or a gerund. */
static inline bool ing_word(const ctx *c, size_t i) {
    return suffix_is(c, i, "ing", 5) && c->k[i].lower;
}

/* Is token j a closing quotation mark with a comma inside it, which closes an apposition
 * as a comma does ('Varga, who once called the levy a "disgrace," said …')? */
static inline bool quote_comma(const ctx *c, const span *s, size_t j) {
    return j > s->a + 1 && is_closing_quote(c, j) && punct(c, j - 1) == ',';
}

/* Is word i a pronoun in the object case ("it", "them", "him", "me", "us"), which never
 * speaks after an inverted cue ("The mayor, of course, denied it.")? */
static inline bool object_pronoun(const ctx *c, size_t i) {
    return folded_is(c, i, "it") || folded_is(c, i, "them") || folded_is(c, i, "him") ||
           folded_is(c, i, "me") || folded_is(c, i, "us");
}

/* A dash standing between spaces: one typed as a dash character, or the second hyphen of
 * " -- " (typewriter style: "Dana Lind -- a former minister -- said"), which the tokenizer
 * gives as two hyphens, the second with no space before it. */
static inline bool spaced_dash(const ctx *c, size_t i) {
    int32_t p = punct(c, i);
    if (!is_dash_cp(p)) {
        return false;
    }
    return c->t[i].space_before ||
           (p == '-' && i > 0 && punct(c, i - 1) == '-' && c->t[i - 1].space_before);
}

/* Punctuation after which a cue's speaker and cue may follow their content: a comma, a
 * closing quotation mark, a dash standing between spaces, an opening bracket. Inline: most
 * tokens asked are words, which the first test ends. */
static inline bool is_separator(const ctx *c, size_t i) {
    int32_t p = punct(c, i);
    if (p == 0) {
        return false;
    }
    return p == ',' || p == '(' || is_closing_quote(c, i) || spaced_dash(c, i);
}

/* Is punctuation p a boundary between clauses stronger than a comma? */
static inline bool strong_boundary(int32_t p) {
    return p == ';' || p == ':' || p == 0x2014 || p == 0x2013 || p == '(';
}

/* Is word i joined to a word by a hyphen, part of a compound ("sought-after", "self-described",
 * "counter-attack", "post-Iowa")? A compound modifies or names; it is no verb of saying. */
static inline bool hyphen_compound(const ctx *c, size_t i) {
    bool after = i + 2 < c->n && c->t[i + 1].kind == FL_TOKEN_HYPHEN && is_word(c, i + 2) &&
                 c->t[i + 2].sentence == c->t[i].sentence;
    bool before = i >= 2 && c->t[i - 1].kind == FL_TOKEN_HYPHEN && is_word(c, i - 2) &&
                  c->t[i - 2].sentence == c->t[i].sentence;
    return after || before;
}

static inline fl_status add_attribution(ctx *c, const fl_attr *at) {
    return fl__vec_push(&c->res->alloc, &c->res->attributions, sizeof(fl_attr), at);
}

static inline fl_attr new_attribution(const span *s, uint8_t kind) {
    fl_attr at;
    memset(&at, 0, sizeof at);
    at.sentence = s->index;
    at.cue_word = UINT32_MAX;
    at.kind = kind;
    return at;
}

/* Gives tokens [from, to) the role r where they have none yet. */
static inline void mark(ctx *c, size_t from, size_t to, uint8_t r) {
    /* read before the loop: its byte stores may alias c, so c->v and c->naming were
     * loaded again for every token */
    fl_vtok *v = c->v;
    uint8_t naming = r == FL_ROLE_CONTENT ? c->naming : 0;
    for (size_t i = from; i < to; i++) {
        if (v[i].role == FL_ROLE_NONE) {
            v[i].role = r;
            v[i].naming = naming;
        }
    }
}

/* Is the cue at i a verb of naming ("called", "labelled", "branded", "dubbed")? Its quoted
 * content is a label the outlet keeps at a distance, not a quotation of a statement. */
static inline uint8_t naming_cue(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return q != NULL && (q->bits & FL_W_CALLED) && q->form != FL_FORM_NONE;
}

/* Word tokens in [from, to). */
static inline size_t count_words(const ctx *c, size_t from, size_t to) {
    return from >= to ? 0 : words_before(c, to) - words_before(c, from);
}

/* Is word i an irregular past that is also a participle ("held", "led", "hit")? After a
 * determiner it describes ("the hit show"), before "by" it is passive ("a panel led by …"). */
static inline bool irregular_past(const ctx *c, size_t i) {
    return (bits(c, i) & FL_W_VERB) && form(c, i) == FL_FORM_PAST;
}

/* Is i a verb of saying, thinking, intention or stance in a finite form ("declined",
 * "argues"), which the sentence's own clause may start with after an insertion? */
static inline bool finite_cue_verb(const ctx *c, size_t i) {
    uint8_t f = form(c, i);
    /* a past form is a verb; an -s form that is also a noun ("claims") may be a plural */
    return (bits(c, i) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE)) &&
           (f == FL_FORM_PAST || (f == FL_FORM_S && !(bits(c, i) & FL_W_NOUNLIKE)));
}

/* An irregular participle before "by" ("a panel led by …", "a lunch held by …"): a noun's
 * passive companion, no finite verb. */
static inline bool passive_participle(const ctx *c, size_t i) {
    return irregular_past(c, i) && i + 1 < c->n && folded_is(c, i + 1, "by");
}

/* Can token i stand inside a speaker's name ("Sen. Maria Dorsey (D-Ore.)", "the head of
 * the agency", "Google and Yahoo")? */
/* An adjective that takes its preposition after a noun ("aides familiar with the budget",
 * "a person close to the mayor", "officials loyal to him"): word a, preposition i. */
static inline bool adjective_complement(const ctx *c, size_t a, size_t i) {
    if (folded_is(c, i, "with")) {
        return c->k[a].lower && folded_is(c, a, "familiar");
    }
    return folded_is(c, i, "to") && c->k[a].lower &&
           (folded_is(c, a, "close") || folded_is(c, a, "closest") || folded_is(c, a, "loyal") ||
            folded_is(c, a, "opposed"));
}

/* Is token i the first of two apostrophes typed for a double quotation mark ('')? The pair
 * is one mark (quotes.c gives its second apostrophe the part of a mark): a content starts
 * and ends where the pair does, as it does at a '"'. */
static inline bool apostrophe_pair(const ctx *c, size_t i) {
    return i + 1 < c->n && punct(c, i) == '\'' && punct(c, i + 1) == '\'' &&
           !c->t[i + 1].space_before;
}

/* Does word i end in -ly ("Shortly", "Early"), whatever its case? */
static inline bool ends_in_ly(const ctx *c, size_t i) {
    return suffix_is(c, i, "ly", 5) && c->v[i].cue == NULL;
}

/* Are [first, end) the words of a span of time ("two weeks", "a day", "several months")? */
static inline bool time_span_words(const ctx *c, size_t first, size_t end) {
    for (size_t j = first; j < end; j++) {
        if (!is_word(c, j) || c->v[j].quoted ||
            !((bits(c, j) & (FL_W_TIME | FL_W_DET)) || quantifier(c, j) || number_word(c, j) ||
              c->k[j].all_digits || folded_is(c, j, "couple") || folded_is(c, j, "of") ||
              time_span_noun(c, j) || j + 1 == end)) {
            return false;
        }
    }
    return true;
}

/* The end of a content that starts at from: the first token that already has a part, or
 * the end of the sentence. */
static inline size_t content_end(const ctx *c, const span *s, size_t from) {
    size_t j = from;
    while (j < s->b && c->v[j].role == FL_ROLE_NONE) {
        j++;
    }
    return j;
}

/* Does the sentence end with a period, a question or an exclamation mark? */
static inline bool ends_with_terminal(const ctx *c, const span *s) {
    for (size_t j = s->b; j > s->a; j--) {
        int32_t p = punct(c, j - 1);
        if (p == '.' || p == '!' || p == '?' || p == 0x2026) {
            return true;
        }
        if (p == 0 || (family(p) == FAMILY_NONE && p != ')')) {
            return false;
        }
    }
    return false;
}

/* Is the -ing cue at i (group [vg, i), word p before it) a noun in a title-case headline,
 * after a capitalised noun ("Stark Drought Warning To Growers", "Flood Warning Sign")? There
 * every word has a capital, so the word before names no subject; a subject stands at the
 * start of its clause, and this noun's word before it follows a preposition, a verb or
 * another modifier. */
static inline bool title_noun_ing(const ctx *c, const span *s, size_t vg, size_t i, size_t p) {
    if (vg != i || p <= s->a || !is_word(c, p) || !c->k[p].upper || !c->k[i].upper ||
        (bits(c, p) & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE)) || !in_title_case(c, s)) {
        return false;
    }
    size_t q = p - 1; /* the word before the modifier: not the clause's start */
    return is_word(c, q) || c->t[q].kind == FL_TOKEN_HYPHEN;
}

/* The lemma classes (FL_C_*) of cue q, 0 when q is NULL: the table gives them, so that a
 * rule tests a bit, not a lemma, on every cue it reaches. */
static inline uint8_t lemma_class(const fl_cue *q) {
    return q != NULL ? q->cls : 0;
}

/* Is the past form at i a participle after its noun, with no auxiliary: a verb that needs
 * an object directly before the preposition of its charge ("a grower accused of fraud",
 * "two aides charged with perjury", "a man suspected of arson")? The noun is what is
 * reported, no speaker. */
static inline bool reduced_passive(const ctx *c, const span *s, size_t i) {
    /* the lemma class first, a byte of the table: it rules out nearly every cue (the
     * callers ask this of most cues of step b and of the speakers' verbs) */
    const fl_cue *q = c->v[i].cue;
    uint8_t cls = lemma_class(q) & (FL_C_CHARGE_OF | FL_C_CHARGE_WITH);
    if (cls == 0 || q->form != FL_FORM_PAST || i + 1 >= s->b || i == s->a || !is_word(c, i - 1) ||
        (bits(c, i - 1) & (FL_W_AUX | FL_W_PRON | FL_W_ADV))) {
        return false;
    }
    return ((cls & FL_C_CHARGE_OF) && folded_is(c, i + 1, "of")) ||
           ((cls & FL_C_CHARGE_WITH) && folded_is(c, i + 1, "with"));
}

/* Is the cue at i a bare infinitive, a verb group of its own after "to" ("a chance to show
 * …", "quick to offer praise", "trying to talk about")? With no subject found for it, it
 * names an act that may never happen, by no one: a purpose, an ability, the complement of a
 * noun or an adjective. */
static inline bool bare_infinitive(const ctx *c, const span *s, size_t vg, size_t i) {
    return vg == i && i > s->a && form(c, i) == FL_FORM_BASE && folded_is(c, i - 1, "to");
}

/* Is the word before i a lower-case word that can be the noun a participle at i follows: no
 * auxiliary, pronoun, adverb, relative, conjunction, preposition, determiner or cue word ("the
 * grower listed in …", "drone strikes reported at …")? */
static inline bool plain_word_before(const ctx *c, size_t i) {
    return i > 0 && is_word(c, i - 1) && c->k[i - 1].lower &&
           !(bits(c, i - 1) & (FL_W_AUX | FL_W_PRON | FL_W_ADV | FL_W_RELATIVE | FL_W_CONJ |
                               FL_W_PREP | FL_W_DET | ATTRIBUTION_CUES));
}

/* Is the cue at i the verb of an interjection addressed to the reader or the listener,
 * "you" and a bare verb between commas or at a clause's edge (", you know,", ", you
 * see,")? It reports no one's words. */
static inline bool discourse_marker(const ctx *c, const span *s, size_t i) {
    if (i <= s->a || !folded_is(c, i - 1, "you") || form(c, i) != FL_FORM_BASE) {
        return false;
    }
    bool before = i - 1 == s->a || punct(c, i - 2) == ',' || is_separator(c, i - 2);
    bool after = at_end(s, i + 1) || punct(c, i + 1) == ',' || is_closing_quote(c, i + 1) ||
                 is_separator(c, i + 1);
    return before && after;
}

/* Does the comma at p close an age between commas (", 50,")? */
static inline bool age_closes_at(const ctx *c, const span *s, size_t p) {
    return p > s->a + 2 && punct(c, p) == ',' && c->k[p - 1].all_digits &&
           c->k[p - 1].fold_len <= 3 && punct(c, p - 2) == ',';
}

/* Does "what" (or "which") open the clause of the verb group at vg, a few words before
 * ("in what Kiev claims is …", "what officials call …")? Then the verb's object is that
 * word, and a verb may follow it at once. */
static inline bool after_what(const ctx *c, const span *s, size_t vg) {
    for (size_t j = vg; j > s->a && vg - j < 5; j--) {
        if (folded_is(c, j - 1, "what") || folded_is(c, j - 1, "which")) {
            return j < vg;
        }
        if (!is_word_like(c, j - 1) || (bits(c, j - 1) & (FL_W_AUX | FL_W_CONJ))) {
            return false;
        }
    }
    return false;
}

/* Does token i look like a plural noun ("Republicans", "voters"): a word in -s that is no
 * function word? */
static inline bool plural(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    if (!is_word(c, i) || k->fold_len < 3 || (bits(c, i) & ~(FL_W_ROLE | FL_W_SOURCE))) {
        return false;
    }
    const uint8_t *f = folded_at(c, k);
    return f[k->fold_len - 1] == 's' && f[k->fold_len - 2] != 's';
}

/* Does a clause start at j: a pronoun, a name, a determiner or a complementiser ("saying
 * they …", "fear Mrs. Clinton would …")? */
static inline bool clause_follows(const ctx *c, const span *s, size_t j) {
    if (j >= s->b || !is_word(c, j) || c->v[j].quoted) {
        return false;
    }
    uint32_t b = bits(c, j);
    if (b & (FL_W_PRON | FL_W_OPENER | FL_W_DET)) {
        return !(b & FL_W_RELATIVE) || folded_is(c, j, "who");
    }
    return c->k[j].upper && !(b & (FL_W_PREP | FL_W_CONJ));
}

/* A lower-case word in -ed, no cue word, that no determiner or preposition precedes
 * ("voted", "pivoted"; not "the alleged"): a past, a participle or an adjective ("worried");
 * the caller's context tells which. */
static inline bool ed_word(const ctx *c, const span *s, size_t i) {
    return suffix_is(c, i, "ed", 5) && c->k[i].lower && c->v[i].cue == NULL &&
           !(i > s->a && (bits(c, i - 1) & (FL_W_DET | FL_W_PREP)));
}

/* Is the word at i a verb of beginning, going on or stopping, which takes a gerund
 * ("began", "keeps", "stopped")? */
static inline bool aspect_verb(const ctx *c, size_t i) {
    static const char *const verbs[] = {
        "begin",     "begins",     "began",   "beginning", "start",   "starts",   "started",
        "starting",  "keep",       "keeps",   "kept",      "keeping", "continue", "continues",
        "continued", "continuing", "stop",    "stops",     "stopped", "stopping", "quit",
        "quits",     "resume",     "resumes", "resumed",   "resuming"};
    return folded_in(c, i, verbs, sizeof verbs / sizeof verbs[0]);
}

/* A noun for a speech act or its record at token k: a medium or a document ("statement",
 * "letter", "op-ed", "report", "poll") or a verb of saying used as a noun ("a tweet",
 * "remarks"). */
static inline bool speech_act_noun(const ctx *c, size_t k) {
    uint32_t b = bits(c, k);
    uint8_t f = form(c, k);
    return (b & (FL_W_MEDIUM | FL_W_SOURCE)) ||
           ((b & FL_W_SPEECH) && (b & FL_W_NOUNLIKE) && (f == FL_FORM_BASE || f == FL_FORM_S));
}

/* Is q's lemma the word w? Its first byte is compared first: these tests run on every cue
 * word a rule reaches, and almost every lemma differs there. */
static inline bool lemma_is(const fl_cue *q, const char *w) {
    if (q == NULL) {
        return false;
    }
    /* byte by byte, no strcmp call: the lemmas are short */
    const char *l = q->lemma;
    size_t j = 0;
    while (l[j] == w[j] && w[j] != '\0') {
        j++;
    }
    return l[j] == w[j];
}

/* Is the folded word at i one of words[0..n)? */
static inline bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n) {
    /* byte by byte, no strlen: most words differ from each listed one in the first byte */
    const fl_tokinfo *t = &c->k[i];
    size_t len = t->fold_len;
    const uint8_t *f = folded_at(c, t);
    /* a word whose first byte differs is skipped at once (an empty form matches only "") */
    uint8_t f0 = len > 0 ? f[0] : 0;
    for (size_t k = 0; k < n; k++) {
        const char *w = words[k];
        if ((uint8_t)w[0] != f0) {
            continue;
        }
        size_t j = 0;
        while (j < len && w[j] != '\0' && (uint8_t)w[j] == f[j]) {
            j++;
        }
        if (j == len && w[j] == '\0') {
            return true;
        }
    }
    return false;
}

/* Is the word at i a form of "make", "take", "put", "signed", "passed", "filed" or the past of a
 * verb of issuing, which report only in a phrase (light_phrase)? */
static inline bool light_verb(const ctx *c, size_t i) {
    /* a class of the table (cues.c): the cue words with FL_W_QUOTE_VERB and one of these
     * lemmas (an issuing verb's past, FL_FORM_NONE); asked on most cue words of step b */
    return (lemma_class(c->v[i].cue) & FL_C_LIGHT) != 0;
}

/* a document whose release reports what it says, though alone it says nothing
 * ("released its findings", "published a list of donors", "released an excerpt"). */
static inline bool document_noun(const ctx *c, size_t k) {
    static const char *const docs[] = {"findings",    "list",   "excerpt", "excerpts", "transcript",
                                       "transcripts", "emails", "memo",    "memos",    "documents"};
    return folded_in(c, k, docs, sizeof docs / sizeof docs[0]);
}

/* Is the word at i a verb of portrayal ("cast", "paint", "frame", "depict", "characterize"),
 * which reports only with its object and "as" ("cast her rival as …", "was framed as …")? */
static inline bool portrayal_verb(const ctx *c, size_t i) {
    static const char *const lemmas[] = {"cast",   "paint",        "frame",
                                         "depict", "characterize", "characterise"};
    const fl_cue *q = c->v[i].cue;
    if (q == NULL || (q->bits & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_CLAUSE)) !=
                         (FL_W_SPEECH | FL_W_THOUGHT | FL_W_CLAUSE)) {
        return false; /* cues.c lists them with these three bits */
    }
    return lemma_in(q, lemmas, sizeof lemmas / sizeof lemmas[0]);
}

/* Is the word at i a form of "vote"? */
static inline bool vote_word(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return lemma_is(q, "vote");
}

/* A lower-case word in -ly that is no cue, wherever it stands: after "as" and a
 * determiner it is read as an adverb ("as a deeply flawed bill"), which a subject of a
 * few words seldom holds ("the family" is the price). */
static inline bool ly_word(const ctx *c, size_t i) {
    return suffix_is(c, i, "ly", 5) && c->k[i].lower && c->v[i].cue == NULL;
}

/* Does the comma at k open a clause that a coordinator links ("…, but the council passed
 * it")? That clause is the writer's: the search for the content's start ends there. */
static inline bool comma_coordinator(const ctx *c, const span *s, size_t k) {
    if (k + 1 >= s->b || c->v[k].quoted || !is_word(c, k + 1)) {
        return false;
    }
    uint32_t b = bits(c, k + 1);
    return (b & FL_W_CONJ) && !(b & (FL_W_OPENER | FL_W_RELATIVE)) && c->k[k + 1].lower &&
           (folded_is(c, k + 1, "but") || folded_is(c, k + 1, "and") || folded_is(c, k + 1, "or") ||
            folded_is(c, k + 1, "yet"));
}

/* Is word i a verb of saying or thinking in the past or the third person, in lower case
 * ("said", "believes")? */
static inline bool finite_saying(const ctx *c, size_t i) {
    uint8_t f = form(c, i);
    return is_word(c, i) && c->k[i].lower && (bits(c, i) & (FL_W_SPEECH | FL_W_THOUGHT)) &&
           !(bits(c, i) & FL_W_NOUNLIKE) && (f == FL_FORM_PAST || f == FL_FORM_S);
}

/* Takes back the speaker and cue parts that an attribution left unrecorded gave: the tokens
 * from marked_from to end (the speaker, the cue and what stands between the cue and its
 * complement), and the speaker it names elsewhere (an agent after "by"). */
static inline void unmark(ctx *c, size_t marked_from, size_t end, const fl_attr *at) {
    size_t to = end > at->speaker_end ? end : at->speaker_end;
    size_t from = marked_from;
    if (at->speaker_first < at->speaker_end && at->speaker_first < from) {
        from = at->speaker_first;
    }
    for (size_t k = from; k < to; k++) {
        if (c->v[k].role == FL_ROLE_SPEAKER || c->v[k].role == FL_ROLE_CUE) {
            c->v[k].role = FL_ROLE_NONE;
        }
    }
}

/* Takes back the attribution just added for at: its tokens lose the roles it gave them.
 * The caller still skips its content, whose cues belong to an act no one reported. */
static inline void withdraw(ctx *c, const fl_attr *at, size_t marked_from) {
    unmark(c, marked_from, at->content_end, at);
    for (size_t k = at->content_first; k < at->content_end; k++) {
        if (c->v[k].role == FL_ROLE_CONTENT) {
            c->v[k].role = FL_ROLE_NONE;
            c->v[k].naming = 0;
        }
    }
    c->res->attributions.len--;
}

/* A finite verb in a run of words that would otherwise pass for a name: an auxiliary, a
 * common verb, or a lower-case word in -ed after a noun ("the senator lost", "Trump
 * walked"). */
static inline bool finite_verb(const ctx *c, size_t i) {
    if (!is_word(c, i)) {
        return false;
    }
    uint32_t b = bits(c, i);
    if (b & (FL_W_AUX | FL_W_VERB)) {
        return true;
    }
    return c->k[i].lower && b == 0 && suffix_is(c, i, "ed", 5);
}

/* A small count in figures or words ("39", "six"), not a year or a sum ("2013"). */
static inline bool count_word(const ctx *c, size_t i) {
    if (c->k[i].all_digits) {
        return c->k[i].fold_len <= 3;
    }
    return c->k[i].fold_len >= 3 && c->k[i].fold_len <= 8 && number_word(c, i);
}

/* Is the "I" at i an initial before a name ("I. Charles Brandt said"), not the pronoun? The
 * pronoun takes no period before a capitalised word inside the sentence. */
static inline bool initial_i(const ctx *c, const span *s, size_t i) {
    return i + 2 < s->b && punct(c, i + 1) == '.' && !c->t[i + 1].space_before &&
           is_word(c, i + 2) && c->k[i + 2].upper && !(bits(c, i + 2) & FL_W_PRON);
}

/* Is word j a subordinator or a relative pronoun that opens a clause with its own subject
 * ("when", "as", "after", "because", "that", "who", "which"), not a coordinator? */
static inline bool clause_opener(const ctx *c, size_t j) {
    uint32_t b = bits(c, j);
    if (b & FL_W_RELATIVE) {
        return !folded_is(c, j, "whose") && !folded_is(c, j, "whom");
    }
    return (b & FL_W_CONJ) && !folded_is(c, j, "and") && !folded_is(c, j, "or") &&
           !folded_is(c, j, "but") && !folded_is(c, j, "yet") && !folded_is(c, j, "nor") &&
           !folded_is(c, j, "than") && !folded_is(c, j, "so");
}

/* Is word j a subordinator ("as", "while", "though", "after"): a clause opener that is no
 * relative pronoun (which may be its clause's subject) and not "that"? */
static inline bool subordinator(const ctx *c, size_t j) {
    return clause_opener(c, j) && !(bits(c, j) & FL_W_RELATIVE) && !folded_is(c, j, "that");
}

/* Does word i open a phrase of time before a word of time ("this week", "this past week",
 * "that night")? */
static inline bool time_determiner(const ctx *c, size_t i) {
    return is_word(c, i) && c->k[i].lower &&
           ((bits(c, i) & FL_W_DET) || folded_is(c, i, "past") || folded_is(c, i, "coming"));
}

/* Does the passive participle at i open the sentence with its agent and a comma after it
 * ("Pressed by reporters, Lind said …", "Asked by a voter, the mayor agreed")? Its
 * unnamed subject is the main clause's subject, who is asked; what follows the comma is that
 * clause, not words the agent says, and the question itself is not given. "As reported by
 * the Courier, …" (after "as") does report the clause. */
static inline bool pressed_by_agent(const ctx *c, const span *s, size_t vg, size_t i,
                                    size_t agent_end) {
    size_t a = s->a;
    while (a < vg && !is_word(c, a)) {
        a++;
    }
    return vg == i && vg == a && (bits(c, i) & FL_W_RECIPIENT) &&
           (form(c, i) == FL_FORM_PAST || form(c, i) == FL_FORM_PP) && agent_end < s->b &&
           punct(c, agent_end) == ',' && !c->v[agent_end].quoted &&
           clause_follows(c, s, agent_end + 1);
}

#endif
