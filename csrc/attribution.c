/* attribution.c: who says what in each sentence: speaker, cue and content of every
 * attribution, and the part (role) each token plays in one. */
/* SPDX-License-Identifier: MIT */
#include "voice.h"

/*
 * An attribution (PolNeAR's term) has a source (the speaker), a cue (the reporting verb or
 * phrase) and content; only the content is reported speech (docs/voice.md has every rule
 * with examples). Each sentence is read in four steps; a later step leaves alone the tokens
 * an earlier one gave a part, so an attribution inside the content of another is content
 * (PolNeAR annotates only the outermost):
 * a. headlines: "Kremlin: …" (a colon after a speaker's name) makes what follows content; a
 *    section label or a kicker ("Analysis:", "Ukraine war latest:", "Drone Warfare:") is
 *    skipped; a source after a dash at the end ("… – MoD") makes what precedes content; a
 *    speaker's prefix opening a paragraph ("FALLIN: …") covers the paragraph;
 * b. cues after their content: '…," said Lavrov', "…, the ministry said Tuesday",
 *    "…, according to officials": the content runs from the clause's start to the
 *    separator, and on after the cue when the cue interrupts it ("The plan, he said, will
 *    fail");
 * c. cues before their content, left to right: a verb of saying, thinking, wanting or
 *    judging after its subject ("officials said", "Kiev claims", "who wants"), a
 *    participle (", saying"), a passive ("was asked whether", "is expected to": its
 *    subject is content too), an attitude after "be" ("are concerned that"), "according to
 *    X," at the start, a noun with a that-clause ("the claim that"), "X seemed to …",
 *    "X reportedly …". The content runs from the complement to the end of the sentence,
 *    or to where another speaker's clause opens, or to the end of the relative clause,
 *    bracket or noun phrase the cue governs;
 * d. attributions inside a content are recorded; the writer's own naming of another
 *    speaker there ("in what Kiev claims is …") stays author.
 * The speaker and the cue are the outlet's own words (author). Ambiguous words are read
 * as cues only where a verb can stand ("the claims", "Insurance claims rose" and "his
 * plans" are nouns): see verb_here().
 * Every walk is bounded (the limits below) and every token gets a part at most once per
 * step, so the pass is linear in the number of tokens.
 */

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

/* The FL_W_* bits of the words of sentence s, or-ed (quoted words too). */
static uint32_t sentence_bits(const ctx *c, const span *s) {
    return FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index).bits;
}

static bool in_title_case(const ctx *c, const span *s);
static bool number_word(const ctx *c, size_t i);
static bool plural(const ctx *c, size_t i);
static bool count_word(const ctx *c, size_t i);
static bool clause_complement(const ctx *c, const span *s, size_t j);
static size_t speech_act_start(const ctx *c, const span *s, size_t i, size_t from);
static bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n);

/* The tokens of sentence s with an ATTRIBUTION_CUES bit, in order: [*first, returned end).
 * The loops of steps b, c and d read only these: each of their rules starts from one. */
static const uint32_t *sentence_cue_tokens(const ctx *c, const span *s, const uint32_t **first) {
    const sentence_cues *sum = &FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index);
    *first = (const uint32_t *)c->res->cue_tokens.data + sum->first_cue;
    return *first + sum->n_cues;
}

/* A form of "be" (passives: "was asked", "is expected"). */
static bool is_be(const ctx *c, size_t i) {
    return folded_is(c, i, "is") || folded_is(c, i, "was") || folded_is(c, i, "were") ||
           folded_is(c, i, "are") || folded_is(c, i, "be") || folded_is(c, i, "been") ||
           folded_is(c, i, "being") || folded_is(c, i, "'s");
}

/* Does the verb group [vg, i) hold a form of "be" (a passive: "was not disclosed")? A
 * "'s" after "he" or "she" before a participle that "to", "by" or "as" does not follow is
 * "has": "She's argued that …", "he's predicted big wins" (but "she's expected to …"). */
static bool passive_group(const ctx *c, size_t vg, size_t i) {
    for (size_t j = vg; j < i; j++) {
        if (is_be(c, j) && c->t[j].kind == FL_TOKEN_CLITIC && j > 0 &&
            (folded_is(c, j - 1, "he") || folded_is(c, j - 1, "she") ||
             folded_is(c, j - 1, "who")) &&
            (form(c, i) == FL_FORM_PAST || form(c, i) == FL_FORM_PP) &&
            (bits(c, i) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE)) && i + 1 < c->n &&
            c->t[i + 1].sentence == c->t[i].sentence && !folded_is(c, i + 1, "to") &&
            !folded_is(c, i + 1, "by") && !folded_is(c, i + 1, "as")) {
            continue;
        }
        if (is_be(c, j)) {
            return true;
        }
    }
    return false;
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
static bool ing_word(const ctx *c, size_t i) {
    return suffix_is(c, i, "ing", 5) && c->k[i].lower;
}

/* ly_adverb() for a word of five bytes or more that ends in "y". */
static bool ly_adverb_rest(const ctx *c, size_t i, size_t a) {
    if (!suffix_is(c, i, "ly", 5) || !c->k[i].lower || c->v[i].cue != NULL) {
        return false;
    }
    return i == a || !(bits(c, i - 1) & (FL_W_DET | FL_W_PREP));
}

/* A lower-case word in -ly that is no noun after a determiner ("the family"): an adverb.
 * The length and the last byte inline: they rule out most words, for less than a call. */
static inline bool ly_adverb(const ctx *c, size_t i, size_t a) {
    const fl_tokinfo *k = &c->k[i];
    if (k->fold_len < 5 || folded_at(c, k)[k->fold_len - 1] != 'y') {
        return false;
    }
    return ly_adverb_rest(c, i, a);
}

/* Is token j a closing quotation mark with a comma inside it, which closes an apposition
 * as a comma does ('Varga, who once called the levy a "disgrace," said …')? */
static bool quote_comma(const ctx *c, const span *s, size_t j) {
    return j > s->a + 1 && is_closing_quote(c, j) && punct(c, j - 1) == ',';
}

/* Is word i a pronoun in the object case ("it", "them", "him", "me", "us"), which never
 * speaks after an inverted cue ("The mayor, of course, denied it.")? */
static bool object_pronoun(const ctx *c, size_t i) {
    return folded_is(c, i, "it") || folded_is(c, i, "them") || folded_is(c, i, "him") ||
           folded_is(c, i, "me") || folded_is(c, i, "us");
}

/* A dash standing between spaces: one typed as a dash character, or the second hyphen of
 * " -- " (typewriter style: "Dana Lind -- a former minister -- said"), which the tokenizer
 * gives as two hyphens, the second with no space before it. */
static bool spaced_dash(const ctx *c, size_t i) {
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
static bool strong_boundary(int32_t p) {
    return p == ';' || p == ':' || p == 0x2014 || p == 0x2013 || p == '(';
}

/* ------------------------------------------------------------------ records */

/* Is word i joined to a word by a hyphen, part of a compound ("sought-after", "self-described",
 * "counter-attack", "post-Iowa")? A compound modifies or names; it is no verb of saying. */
static bool hyphen_compound(const ctx *c, size_t i) {
    bool after = i + 2 < c->n && c->t[i + 1].kind == FL_TOKEN_HYPHEN && is_word(c, i + 2) &&
                 c->t[i + 2].sentence == c->t[i].sentence;
    bool before = i >= 2 && c->t[i - 1].kind == FL_TOKEN_HYPHEN && is_word(c, i - 2) &&
                  c->t[i - 2].sentence == c->t[i].sentence;
    return after || before;
}

static fl_status add_attribution(ctx *c, const fl_attr *at) {
    return fl__vec_push(&c->res->alloc, &c->res->attributions, sizeof(fl_attr), at);
}

static fl_attr new_attribution(const span *s, uint8_t kind) {
    fl_attr at;
    memset(&at, 0, sizeof at);
    at.sentence = s->index;
    at.cue_word = UINT32_MAX;
    at.kind = kind;
    return at;
}

/* Gives tokens [from, to) the role r where they have none yet. */
static void mark(ctx *c, size_t from, size_t to, uint8_t r) {
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
static uint8_t naming_cue(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return q != NULL && (q->bits & FL_W_CALLED) && q->form != FL_FORM_NONE;
}

static uint8_t kind_of(uint32_t b) {
    if (b & (FL_W_SPEECH | FL_W_ACCORDING | FL_W_QUOTE_VERB)) {
        return FL_ATTRIBUTION_STATEMENT;
    }
    if (b & FL_W_THOUGHT) {
        return FL_ATTRIBUTION_BELIEF;
    }
    if (b & FL_W_INTENT) {
        return FL_ATTRIBUTION_INTENTION;
    }
    if (b & FL_W_STANCE) {
        return FL_ATTRIBUTION_STANCE;
    }
    if (b & FL_W_EVIDENCE) {
        return FL_ATTRIBUTION_EVIDENCE;
    }
    return FL_ATTRIBUTION_PERCEIVED;
}

/* Word tokens in [from, to). */
static size_t count_words(const ctx *c, size_t from, size_t to) {
    return from >= to ? 0 : words_before(c, to) - words_before(c, from);
}

/* Is word i an irregular past that is also a participle ("held", "led", "hit")? After a
 * determiner it describes ("the hit show"), before "by" it is passive ("a panel led by …"). */
static bool irregular_past(const ctx *c, size_t i) {
    return (bits(c, i) & FL_W_VERB) && form(c, i) == FL_FORM_PAST;
}

/* Is i a verb of saying, thinking, intention or stance in a finite form ("declined",
 * "argues"), which the sentence's own clause may start with after an insertion? */
static bool finite_cue_verb(const ctx *c, size_t i) {
    uint8_t f = form(c, i);
    /* a past form is a verb; an -s form that is also a noun ("claims") may be a plural */
    return (bits(c, i) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE)) &&
           (f == FL_FORM_PAST || (f == FL_FORM_S && !(bits(c, i) & FL_W_NOUNLIKE)));
}

/* Is the cue at i a past participle inserted between commas after the clause's subject,
 * alone or after a subordinator ("Lind, asked about …,", "Lind, when pressed on …,")? */
static bool inserted_participle(const ctx *c, const span *s, size_t i) {
    if (form(c, i) != FL_FORM_PAST || i < s->a + 2 || i + 1 >= s->b) {
        return false;
    }
    /* a passive has no subject after it: "The plan, said Lind and others, would …" is an
     * inverted speaker */
    uint32_t next = bits(c, i + 1);
    if ((next & (FL_W_DET | FL_W_PRON)) || (c->k[i + 1].upper && !(next & FL_W_TIME))) {
        return false;
    }
    size_t k = i - 1;
    /* an adverb before it: "Lind, often referred to as …, said" */
    while (k > s->a + 1 && i - k < MAX_VERB_GROUP && is_word(c, k) && !c->v[k].quoted &&
           (bits(c, k) & FL_W_ADV) && !(bits(c, k) & FL_W_CONJ)) {
        k--;
    }
    if ((bits(c, k) & FL_W_OPENER) && (bits(c, k) & FL_W_CONJ)) {
        k--;
    }
    if (k <= s->a || k - s->a > MAX_INSERTED_SUBJECT || punct(c, k) != ',' || c->v[k].quoted) {
        return false;
    }
    /* the comma follows the subject that opens the sentence; after an apposition ("Blunt,
     * a Cruz ally, noted that …") the word after the comma is the sentence's own verb */
    for (size_t j = s->a; j < k; j++) {
        if (!is_word(c, j) && punct(c, j) != '.' && punct(c, j) != '\'') {
            return false;
        }
    }
    return true;
}

/* An irregular participle before "by" ("a panel led by …", "a lunch held by …"): a noun's
 * passive companion, no finite verb. */
static bool passive_participle(const ctx *c, size_t i) {
    return irregular_past(c, i) && i + 1 < c->n && folded_is(c, i + 1, "by");
}

/* Can token i stand inside a speaker's name ("Sen. Maria Dorsey (D-Ore.)", "the head of
 * the agency", "Google and Yahoo")? */
/* An adjective that takes its preposition after a noun ("aides familiar with the budget",
 * "a person close to the mayor", "officials loyal to him"): word a, preposition i. */
static bool adjective_complement(const ctx *c, size_t a, size_t i) {
    if (folded_is(c, i, "with")) {
        return c->k[a].lower && folded_is(c, a, "familiar");
    }
    return folded_is(c, i, "to") && c->k[a].lower &&
           (folded_is(c, a, "close") || folded_is(c, a, "closest") || folded_is(c, a, "loyal") ||
            folded_is(c, a, "opposed"));
}

/* Is capitalised word i, which the table holds as a verb or an auxiliary, part of a
 * two-word name in running text ("Ian Read said", "said Will Doyle, a professor")? The
 * last word of a name after another capital, before no capital; or the first, not opening
 * the sentence, before one capital and after no capital. A title-case headline ("Lind Will
 * Win Tilden") has capitals on both sides. */
static bool name_word(const ctx *c, size_t i) {
    if (!is_word(c, i) || !c->k[i].upper || i == 0 || c->t[i - 1].sentence != c->t[i].sentence) {
        return false;
    }
    bool cap_before = is_word(c, i - 1) && c->k[i - 1].upper;
    bool cap_after = i + 1 < c->n && c->t[i + 1].sentence == c->t[i].sentence &&
                     is_word(c, i + 1) && c->k[i + 1].upper;
    if (cap_before) {
        return !cap_after && !(bits(c, i - 1) & (FL_W_PRON | FL_W_DET | FL_W_AUX));
    }
    bool cap_after2 = cap_after && i + 2 < c->n && c->t[i + 2].sentence == c->t[i].sentence &&
                      is_word(c, i + 2) && c->k[i + 2].upper;
    return cap_after && !cap_after2 && !(bits(c, i + 1) & (FL_W_PRON | FL_W_DET)) &&
           is_word(c, i - 1);
}

/* Is capitalised word i a name alone between a quotation and its verb of saying ('"…,"
 * From said', '"…?" May asked', '"…," Will wrote'), even though the table holds it as a
 * preposition, an auxiliary, a time or a verb? A quotation that a comma, "?" or "!" closes
 * inside ends mid-sentence, so the capital is no sentence's first word. */
static bool quote_name(const ctx *c, size_t i) {
    if (!is_word(c, i) || !c->k[i].upper || c->v[i].quoted || i < 2 || i + 1 >= c->n ||
        c->t[i + 1].sentence != c->t[i].sentence || !is_closing_quote(c, i - 1)) {
        return false;
    }
    int32_t p = punct(c, i - 2);
    if (p != ',' && p != '?' && p != '!') {
        return false;
    }
    size_t v = i + 1;
    return is_word(c, v) && c->k[v].lower && !c->v[v].quoted &&
           (bits(c, v) & (FL_W_SPEECH | FL_W_QUOTE_VERB)) &&
           (form(c, v) == FL_FORM_PAST || form(c, v) == FL_FORM_S || finite_cue_verb(c, v));
}

/* Is capitalised word i a modal that a past form of a verb of saying follows ("May said",
 * "Will wrote")? A modal takes a bare verb ("may say"), never a past, so the word is a name:
 * no auxiliary of the verb after it. After a preposition it is a month ("in May said"). */
static bool modal_name(const ctx *c, size_t i) {
    static const char *const modals[] = {"may", "will", "can", "might", "must", "shall"};
    if (!is_word(c, i) || !c->k[i].upper || c->v[i].quoted || !(bits(c, i) & FL_W_AUX) ||
        i + 1 >= c->n || c->t[i + 1].sentence != c->t[i].sentence) {
        return false;
    }
    if (i > 0 && c->t[i - 1].sentence == c->t[i].sentence && is_word(c, i - 1) &&
        c->k[i - 1].lower && (bits(c, i - 1) & FL_W_PREP)) {
        return false; /* "in May said": a month in the verb's adjunct, no speaker */
    }
    size_t v = i + 1;
    return is_word(c, v) && c->k[v].lower && !c->v[v].quoted &&
           (bits(c, v) & (FL_W_SPEECH | FL_W_QUOTE_VERB)) &&
           (form(c, v) == FL_FORM_PAST || form(c, v) == FL_FORM_PP) &&
           folded_in(c, i, modals, sizeof modals / sizeof modals[0]);
}

/* speaker_token() for every token: its whole test. */
static bool speaker_token_rest(const ctx *c, size_t i) {
    if (c->v[i].quoted) {
        return false;
    }
    uint8_t kind = c->t[i].kind;
    if (kind == FL_TOKEN_WORD && c->v[i].bits == 0) {
        return true; /* most words: none of the tests below applies */
    }
    if (kind == FL_TOKEN_CLITIC || kind == FL_TOKEN_HYPHEN) {
        return true;
    }
    if (kind == FL_TOKEN_PUNCT) {
        int32_t p = c->k[i].cp0;
        /* "Sen. Maria Dorsey (D-Ore.)", "Jones' campaign manager" */
        return p == '.' || p == '&' || p == '(' || p == ')' || p == '/' ||
               (p == '%' && i > 0 && c->k[i - 1].all_digits) || /* "85% of Democrats" */
               ((p == '\'' || p == 0x2019) && !c->t[i].space_before && !is_closing_quote(c, i));
    }
    uint32_t b = bits(c, i);
    if ((b & (FL_W_AUX | FL_W_VERB | ATTRIBUTION_CUES)) && name_word(c, i)) {
        return true; /* "Ian Read said", "said Will Doyle, a professor" */
    }
    if (quote_name(c, i)) {
        return true; /* '"…," From said' */
    }
    if (modal_name(c, i)) {
        return true; /* '"We lost." May said …' (not "in May said": a month) */
    }
    if (b & (FL_W_AUX | FL_W_OPENER | FL_W_VERB)) {
        /* but "The hit show's producer", "a panel led by …" */
        return (irregular_past(c, i) && i > 0 && (bits(c, i - 1) & FL_W_DET)) ||
               passive_participle(c, i);
    }
    if ((b & FL_W_CONJ) && !folded_is(c, i, "and")) {
        return false;
    }
    if ((b & FL_W_PREP) && !folded_is(c, i, "of") && !folded_is(c, i, "for") &&
        !folded_is(c, i, "at") && !(i > 0 && adjective_complement(c, i - 1, i)) &&
        !((folded_is(c, i, "in") || folded_is(c, i, "on") || folded_is(c, i, "from")) && i > 0 &&
          is_word(c, i - 1) && c->k[i - 1].lower && i + 1 < c->n && c->k[i + 1].upper &&
          c->t[i + 1].sentence == c->t[i].sentence) &&
        !(folded_is(c, i, "in") && i > 0 && i + 1 < c->n && count_word(c, i - 1) &&
          count_word(c, i + 1))) {
        return false; /* but "officials in Kyiv", "Republicans on Capitol Hill", "six in 10" */
    }
    /* a finite verb of saying is another clause ("he said the minister told"); an adjective
     * of attitude is not a verb ("a Republican hopeful said", "a concerned grower said") */
    if ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT)) && !(b & FL_W_NOUNLIKE) &&
        form(c, i) != FL_FORM_NONE && form(c, i) != FL_FORM_ADJ) {
        return false;
    }
    return true;
}

/* May token i stand in a speaker's name? Most words may, and have no class (bits 0): that
 * answer inline, where the call cost more than the test, the rest in speaker_token_rest(). */
static inline bool speaker_token(const ctx *c, size_t i) {
    if (!c->v[i].quoted && c->t[i].kind == FL_TOKEN_WORD && c->v[i].bits == 0) {
        return true;
    }
    return speaker_token_rest(c, i);
}

/* Start of the verb group that ends just before token i ("has also", "did not"): the first
 * of at most MAX_VERB_GROUP auxiliaries, negations and adverbs; i when there is none. */
static size_t verb_group_start(const ctx *c, const span *s, size_t i) {
    size_t j = i;
    /* before an adjective of attitude, words of degree are in the group: "were far less
     * divided on", "are so wary of", "is very critical of" */
    static const char *const degree[] = {"very",  "so",  "more", "less",  "most",
                                         "least", "far", "much", "quite", "rather"};
    bool adjective = i < c->n && form(c, i) == FL_FORM_ADJ;
    /* "Others, however, say …": a parenthetical adverb between commas */
    if (j >= s->a + 3 && punct(c, j - 1) == ',' && (bits(c, j - 2) & FL_W_ADV) &&
        punct(c, j - 3) == ',') {
        j -= 3;
        i = j;
    }
    while (j > s->a && i - j < MAX_VERB_GROUP) {
        size_t p = j - 1;
        uint32_t b = bits(c, p);
        if (b != 0 && p + 1 == i && (quote_name(c, p) || modal_name(c, p))) {
            break; /* '"…," Will said', '"…." May said': a name, no auxiliary */
        }
        /* "'s" is "is" or "has" after a pronoun ("he's predicting"), else a possessive */
        bool aux = (b & (FL_W_AUX | FL_W_ADV)) &&
                   (c->t[p].kind != FL_TOKEN_CLITIC || (p > s->a && (bits(c, p - 1) & FL_W_PRON)));
        aux = aux || (adjective && is_word(c, p) && !c->v[p].quoted &&
                      folded_in(c, p, degree, sizeof degree / sizeof degree[0]));
        uint8_t last = 0;
        if (!aux) {
            /* each word the tests below take ends in one of these bytes ("only", "since",
             * "ever", "both", "all", "each", "n't", "-ly"): most words fail on the last byte */
            const fl_tokinfo *k = &c->k[p];
            last = is_word(c, p) && k->fold_len >= 3 ? folded_at(c, k)[k->fold_len - 1] : 0;
            if (last != 'y' && last != 'e' && last != 'r' && last != 'h' && last != 'l' &&
                last != 't') {
                break;
            }
        }
        /* "Lind only said", "this only explains"; not "the only grower", "Only 23 percent" */
        bool only = folded_is(c, p, "only") && p > s->a && is_word(c, p - 1) &&
                    !(bits(c, p - 1) & (FL_W_DET | FL_W_PREP)) && !c->v[p].quoted;
        /* "since" or "ever" between an auxiliary and the verb is an adverb: "Lind has since
         * said", "few would ever admit" */
        bool since = (folded_is(c, p, "since") || folded_is(c, p, "ever")) && p > s->a &&
                     (bits(c, p - 1) & FL_W_AUX) && c->t[p - 1].kind != FL_TOKEN_CLITIC &&
                     !c->v[p].quoted;
        /* and "ever" after the subject of a question, whose auxiliary comes first: "Has
         * Lind ever said …", "Did the growers ever claim …" */
        since = since || (folded_is(c, p, "ever") && p > s->a + 1 && c->k[p].lower &&
                          (bits(c, s->a) & FL_W_AUX) && !c->v[p].quoted);
        /* a floating quantifier after an auxiliary: "Lind and Brandt have both argued",
         * "The growers have all said" */
        bool floating = (folded_is(c, p, "both") || folded_is(c, p, "all") ||
                         folded_is(c, p, "each")) &&
                        p > s->a && (bits(c, p - 1) & FL_W_AUX) &&
                        c->t[p - 1].kind != FL_TOKEN_CLITIC && !c->v[p].quoted;
        /* "twice" is an adverb of frequency in the group: "The union has twice complained" */
        bool twice = folded_is(c, p, "twice") && !c->v[p].quoted;
        if (!(aux || only || since || floating || twice || ends_with_nt(c, p) ||
              (last == 'y' && ly_adverb(c, p, s->a)))) {
            break;
        }
        j = p;
    }
    return j;
}

/* The speaker before position end (exclusive), back to a separator: returns the index of
 * the separator (the speaker is (sep, end)), or SIZE_MAX when the words there are no name
 * or no separator comes within reach. */
static size_t speaker_after_separator(const ctx *c, const span *s, size_t end) {
    /* a cheap walk first, without speaker_token: most verbs have no separator within reach */
    size_t n = 0;
    bool reached = false;
    for (size_t q = end; q > s->a && end - q < MAX_SPEAKER_TOKENS; q--) {
        size_t p = q - 1;
        if (punct(c, p) != 0 && punct(c, p) != '(' && is_separator(c, p)) {
            reached = n > 0;
            break;
        }
        n += is_word(c, p);
        if (c->v[p].quoted || n > MAX_SPEAKER_WORDS) {
            return SIZE_MAX;
        }
    }
    if (!reached) {
        return SIZE_MAX;
    }
    size_t words = 0;
    size_t j = end;
    while (j > s->a && end - j < MAX_SPEAKER_TOKENS) {
        size_t p = j - 1;
        if (is_separator(c, p) && punct(c, p) != '(') {
            return words > 0 ? p : SIZE_MAX;
        }
        if (!speaker_token(c, p)) {
            return SIZE_MAX;
        }
        words += is_word(c, p);
        if (words > MAX_SPEAKER_WORDS) {
            return SIZE_MAX;
        }
        j = p;
    }
    return SIZE_MAX;
}

static bool names_someone(const ctx *c, size_t from, size_t to);

/* "…, the mayor, Dana Lind, said.", "…, Dana Lind, the mayor of Tilden, said.": a speaker
 * and its apposition between separators before a trailing cue whose verb group starts at
 * vg after a comma. Returns the separator before them (the speaker is (that, vg - 1)), or
 * SIZE_MAX. Each part is a speaker's words, and one of them names someone. */
static size_t speaker_with_apposition(const ctx *c, const span *s, size_t vg) {
    if (vg < s->a + 2 || punct(c, vg - 1) != ',' || c->v[vg - 1].quoted) {
        return SIZE_MAX;
    }
    size_t inner = speaker_after_separator(c, s, vg - 1);
    if (inner == SIZE_MAX || punct(c, inner) != ',' || c->v[inner].quoted) {
        return SIZE_MAX;
    }
    size_t outer = speaker_after_separator(c, s, inner);
    if (outer == SIZE_MAX ||
        (!names_someone(c, outer + 1, inner) && !names_someone(c, inner + 1, vg - 1))) {
        return SIZE_MAX;
    }
    return outer;
}

/* ", as the Courier reported.", ", as Lind has argued, …": the speaker of a comparative
 * "as" clause after a separator, before end (exclusive); returns the index of "as" (the
 * speaker is (as, end)), or SIZE_MAX. */
static size_t speaker_after_as(const ctx *c, const span *s, size_t end, size_t *name_end) {
    size_t words = 0;
    size_t commas = 0;
    *name_end = end;
    /* a cheap walk first, without speaker_token: most verbs have no "as" within reach */
    bool as = false;
    for (size_t j = end; j > s->a + 1 && end - j < 2 * MAX_SPEAKER_TOKENS && !as; j--) {
        if (c->v[j - 1].quoted) {
            return SIZE_MAX;
        }
        as = folded_is(c, j - 1, "as") && c->k[j - 1].lower;
    }
    if (!as) {
        return SIZE_MAX;
    }
    for (size_t j = end; j > s->a + 1 && end - j < 2 * MAX_SPEAKER_TOKENS; j--) {
        size_t p = j - 1;
        if (folded_is(c, p, "as") && c->k[p].lower && !c->v[p].quoted) {
            return words > 0 && commas != 1 && p > s->a && is_separator(c, p - 1) &&
                           punct(c, p - 1) != '(' && *name_end > p + 1
                       ? p
                       : SIZE_MAX;
        }
        if (punct(c, p) == ',' && !c->v[p].quoted && (p + 1 == end ? commas == 0 : commas == 1)) {
            /* "…, as Dana Lind, the treasurer, noted": the name ends at the apposition */
            commas++;
            *name_end = p;
            words = 0;
            continue;
        }
        if (!speaker_token(c, p) || is_separator(c, p)) {
            return SIZE_MAX;
        }
        words += is_word(c, p);
        if (words > MAX_SPEAKER_WORDS) {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* After a quotation, the speaker may carry appositions with commas ('"…," Tom Ralston,
 * Jones' campaign manager, said', '"…," Edna Varley, 71, a retired school bus
 * driver in Dayton, Ohio, said'): the closing quotation mark before end, when
 * only a name and its description (no verb, no clause but a relative clause between
 * commas) stand between; else SIZE_MAX. */
static size_t speaker_after_quote(const ctx *c, const span *s, size_t end) {
    /* a closing mark is a quotation mark of its sentence (quotes.c): none, no walk */
    if (!FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index).quote_marks) {
        return SIZE_MAX;
    }
    size_t words = 0;
    /* a relative clause between commas describes the speaker ("Warren, who has not endorsed
     * a candidate, told reporters"): its verbs are passed over, back to its pronoun */
    bool relative = false;
    for (size_t j = end; j > s->a && end - j < 3 * MAX_SPEAKER_TOKENS; j--) {
        size_t p = j - 1;
        if (relative) {
            if (c->v[p].quoted || is_closing_quote(c, p)) {
                return SIZE_MAX;
            }
            if ((bits(c, p) & FL_W_RELATIVE) && p > s->a && punct(c, p - 1) == ',') {
                relative = false;
            }
            continue;
        }
        if (p + 1 == end && punct(c, p) == ',' && !c->v[p].quoted) {
            /* the comma before the cue may close a relative clause */
            for (size_t k = p; k > s->a && p - k < 2 * MAX_SPEAKER_TOKENS; k--) {
                if (c->v[k - 1].quoted || is_closing_quote(c, k - 1) || punct(c, k - 1) == ';') {
                    break;
                }
                if ((bits(c, k - 1) & FL_W_RELATIVE) && k - 1 > s->a && punct(c, k - 2) == ',') {
                    relative = true;
                    break;
                }
            }
            if (relative) {
                continue;
            }
        }
        if (is_closing_quote(c, p)) {
            /* the name right after the quotation (a capital, a title or a pronoun), then
             * the cue, or a description between commas before it */
            size_t first = p + 1;
            if (words == 0 || first >= end || !is_word(c, first) ||
                !(c->k[first].upper || (bits(c, first) & (FL_W_DET | FL_W_PRON)))) {
                return SIZE_MAX;
            }
            size_t k = first;
            while (k < end && speaker_token(c, k) && k - first < MAX_SPEAKER_TOKENS) {
                k++;
            }
            return k == end || (punct(c, k) == ',' && punct(c, end - 1) == ',') ? p : SIZE_MAX;
        }
        if (c->v[p].quoted) {
            return SIZE_MAX;
        }
        int32_t q = punct(c, p);
        if (q != 0 && q != ',' && !speaker_token(c, p)) {
            return SIZE_MAX;
        }
        if (is_word(c, p)) {
            uint32_t b = bits(c, p);
            if (b & (FL_W_AUX | FL_W_OPENER | FL_W_VERB | FL_W_RELATIVE)) {
                return SIZE_MAX;
            }
            if ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE)) &&
                !(b & FL_W_NOUNLIKE)) {
                return SIZE_MAX;
            }
            words++;
        }
    }
    return SIZE_MAX;
}

/* "of" inside a name ("some of his rivals", "the head of the agency", "Smith of Ohio"). */
static bool of_name(const ctx *c, const span *s, size_t j) {
    return folded_is(c, j, "of") && j + 1 < s->b && is_word(c, j + 1) &&
           (c->k[j + 1].upper || (bits(c, j + 1) & FL_W_DET));
}

static bool quantifier(const ctx *c, size_t i);
static bool finite_verb(const ctx *c, size_t i);
static bool ends_in_ly(const ctx *c, size_t i);

/* Is word i a subject pronoun with a contracted auxiliary, which the tokenizer keeps as one
 * word ("she'll", "you're", "they've", "who'd")? Its pronoun is the subject of the verb after
 * it, and so a speaker: "But she'll likely want …", "Growers, who've said …". With relative,
 * the pronoun is "who". */
static bool contracted_pronoun(const ctx *c, size_t i, bool *relative) {
    if (!is_word(c, i)) {
        return false;
    }
    const fl_tokinfo *k = &c->k[i];
    const uint8_t *f = folded_at(c, k);
    size_t n = k->fold_len;
    if (n < 3 || n > 7) {
        return false; /* longer than "they've": most words, before the walk to an apostrophe */
    }
    if (k->simple) {
        return false; /* ASCII letters and digits only: no apostrophe to walk to */
    }
    size_t q = 0;
    while (q < n && f[q] != '\'') {
        q++;
    }
    if (q == 0 || q + 1 >= n) {
        return false;
    }
    static const char *const pronouns[] = {"he", "she", "it", "they", "we", "i", "you", "who"};
    static const char *const clitics[] = {"ll", "d", "ve", "re", "m"};
    bool pronoun = false;
    for (size_t p = 0; p < sizeof pronouns / sizeof pronouns[0]; p++) {
        if (strlen(pronouns[p]) == q && memcmp(f, pronouns[p], q) == 0) {
            pronoun = true;
            *relative = p + 1 == sizeof pronouns / sizeof pronouns[0];
        }
    }
    for (size_t p = 0; pronoun && p < sizeof clitics / sizeof clitics[0]; p++) {
        if (strlen(clitics[p]) == n - q - 1 && memcmp(f + q + 1, clitics[p], n - q - 1) == 0) {
            return true;
        }
    }
    return false;
}

static bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n);

/* An indefinite pronoun of people ("everyone", "someone", "anybody", "nobody"), which
 * names someone in lower case as well ("while almost everyone agrees …"). */
static bool people_pronoun(const ctx *c, size_t i) {
    /* by length: a word is compared only with the pronouns as long as it */
    switch (c->k[i].fold_len) {
    case 6:
        return folded_is(c, i, "anyone") || folded_is(c, i, "nobody");
    case 7:
        return folded_is(c, i, "someone") || folded_is(c, i, "anybody");
    case 8:
        return folded_is(c, i, "everyone") || folded_is(c, i, "somebody");
    case 9:
        return folded_is(c, i, "everybody");
    default:
        return false;
    }
}

/* Do the words [from, to) name someone who can speak: a capital, a pronoun, a role or a
 * source, or a noun after a determiner ("the paper")? A bare common noun ("casualties")
 * does not. */
static bool names_someone(const ctx *c, size_t from, size_t to) {
    bool det = false;
    for (size_t i = from; i < to; i++) {
        if (!is_word(c, i)) {
            continue;
        }
        uint32_t b = bits(c, i);
        bool relative = false;
        if (c->k[i].upper || (b & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE)) ||
            (det && !(b & FL_W_PREP)) || contracted_pronoun(c, i, &relative) ||
            people_pronoun(c, i) || (i + 1 == to && i == from && quantifier(c, i))) {
            return true;
        }
        det |= (b & FL_W_DET) != 0 || quantifier(c, i);
    }
    return false;
}

/* The speaker after an inverted cue ('…," said the minister'): the end of the name that
 * starts at from, or from when there is none. */
static size_t speaker_forward(const ctx *c, const span *s, size_t from) {
    if (from < s->b && is_word(c, from) && folded_is(c, from, "of")) {
        return from; /* "…," Lind, an actor, said of Mr. Varga: what it was said of, no name */
    }
    size_t j = from;
    size_t words = 0;
    size_t of_at = SIZE_MAX; /* the first "of" after a capitalised name */
    bool det = false; /* after "the", "a", "his": the words of a noun phrase */
    /* a word of time after a hyphen is part of a compound: "said the 52-year-old" */
    /* nor one between a determiner and a noun: "reads a Tuesday editorial" */
    while (j < s->b && j - from < MAX_SPEAKER_TOKENS && speaker_token(c, j) &&
           !((bits(c, j) & (FL_W_PREP | FL_W_TIME)) && !of_name(c, s, j) &&
             !(j > from && c->t[j - 1].kind == FL_TOKEN_HYPHEN) &&
             !((bits(c, j) & FL_W_TIME) && !(bits(c, j) & FL_W_PREP) && j > from &&
               (bits(c, j - 1) & FL_W_DET) && j + 1 < s->b && is_word(c, j + 1) &&
               c->k[j + 1].lower && !(bits(c, j + 1) & (FL_W_PREP | FL_W_CONJ)))) &&
           punct(c, j) != '(') {
        if (is_word(c, j)) {
            uint32_t b = bits(c, j);
            bool name = c->k[j].upper || c->k[j].all_digits ||
                        (b & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE));
            if ((b & FL_W_DET) || (j == from && quantifier(c, j)) ||
                (j > from && folded_is(c, j - 1, "and") &&
                 (quantifier(c, j) || number_word(c, j)))) {
                /* "said one of those advisers", "said another.", "said one veteran
                 * aide to the governor", "said Lind and others", "… and two aides" */
                det = true;
            } else if (words > 0 && finite_verb(c, j) && is_word(c, j - 1) &&
                       !(bits(c, j - 1) & FL_W_DET) && !quantifier(c, j - 1) &&
                       !c->k[j - 1].all_digits && !ends_in_ly(c, j - 1)) {
                /* "…, said the plan failed": a clause with its own verb, no speaker; but "said
                 * the embattled mayor", "said one retired nurse", "said a Texas-based aide" */
                break;
            } else if (folded_is(c, j, "and")) {
                /* "Google and Yahoo", "Lind and others", "Lind and two aides", not "those
                 * feelings and stressed" */
                if (j + 1 >= s->b || !(c->k[j + 1].upper || c->k[j + 1].all_digits ||
                                       (bits(c, j + 1) & (FL_W_DET | FL_W_ROLE | FL_W_SOURCE)) ||
                                       quantifier(c, j + 1) || number_word(c, j + 1))) {
                    break;
                }
            } else if (!name && !det && j == from + 1 && c->k[from].upper && plural(c, j)) {
                /* "by Western governments", "said Baltic diplomats": a capitalised adjective
                 * and the plural it qualifies are one speaker */
            } else if (!name && !det) {
                /* "said former Ohio mayor Carl Benning": a title before a name */
                bool named = false;
                size_t reach = j + 3; /* three words; a hyphen joins ("farm-supply dealer") */
                for (size_t k = j + 1; k < s->b && k <= reach && is_word_like(c, k); k++) {
                    named |= c->k[k].upper != 0;
                    reach += c->t[k].kind == FL_TOKEN_HYPHEN;
                }
                if (!named) {
                    break;
                }
            }
            if (of_at == SIZE_MAX && j > from && folded_is(c, j, "of") && c->k[j - 1].upper) {
                of_at = j;
            }
            words++;
            if (words > MAX_SPEAKER_WORDS) {
                /* "said Ivo Brandt of the Tilden County Growers Association of America": the
                 * name before a long "of" phrase */
                return of_at != SIZE_MAX ? of_at : from;
            }
        }
        j++;
    }
    if (words > 0 && punct(c, j - 1) == '.' && (j == s->b || !is_word(c, j))) {
        j--; /* "was criticized by Miller.": the sentence's period, not an initial's */
    }
    /* a name, a role or a pronoun; not "said that" */
    return words > 0 ? j : from;
}

/* The source after "according to": everything up to a comma or the end of the sentence
 * ("according to first figures from the survey run by Halvorsen Polling"), within
 * reach; to itself when there is none. */
static size_t source_end(const ctx *c, const span *s, size_t to) {
    size_t e = to;
    while (e < s->b && e - to < 2 * MAX_SPEAKER_TOKENS && c->v[e].role == FL_ROLE_NONE) {
        int32_t p = punct(c, e);
        /* "according to the "Clean Rivers Now" report", "a WXYZ/Gazette poll" */
        if (p != 0 && p != '.' && p != '&' && p != '-' && p != '/' && p != '\'' && p != 0x2019 &&
            !c->v[e].quoted && !is_closing_quote(c, e) &&
            !(family(p) != FAMILY_NONE && e + 1 < s->b && c->v[e + 1].quoted)) {
            break;
        }
        e++;
    }
    if (e == to || count_words(c, to, e) == 0) {
        return to;
    }
    if (e < s->b && !at_end(s, e) && punct(c, e) != ',' && punct(c, e) != '(' &&
        punct(c, e) != ')') {
        return to; /* a quotation or a clause follows: not a source */
    }
    return e;
}

/* Reads what follows a cue that comes after its content: nothing, a time or place, a
 * medium, a recipient ("told reporters in Dayton, Ohio, on Thursday"), up to the end of
 * the sentence or a comma. Returns the index of that comma, or s->b at the end, or
 * SIZE_MAX when something else follows (then the cue is followed by its content). */
static size_t adjunct_end(const ctx *c, const span *s, size_t j, bool recipient) {
    bool in_phrase = recipient; /* a determiner or a plain noun may stand here */
    bool after_verb = true;
    for (size_t n = 0; n < MAX_ADJUNCT_TOKENS; n++, j++) {
        if (at_end(s, j)) {
            return s->b;
        }
        int32_t p = punct(c, j);
        if (p == ',') {
            return j;
        }
        if (c->v[j].quoted || (p != 0 && family(p) != FAMILY_NONE) || p == ':' || p == ';') {
            return SIZE_MAX;
        }
        if (p != 0 || c->t[j].kind != FL_TOKEN_WORD) {
            after_verb = false;
            continue; /* periods of abbreviations, brackets, hyphens, clitics */
        }
        uint32_t b = bits(c, j);
        if (n == 0 && folded_is(c, j, "to") && j + 1 < s->b && is_word(c, j + 1) &&
            c->k[j + 1].lower && !(bits(c, j + 1) & (FL_W_DET | FL_W_PRON))) {
            return SIZE_MAX; /* "Trump called to ban …": an infinitive, the content */
        }
        if ((n > 0 &&
             (folded_is(c, j, "as") || folded_is(c, j, "while") || folded_is(c, j, "when") ||
              folded_is(c, j, "after") || folded_is(c, j, "before"))) ||
            ((b & FL_W_RELATIVE) && !folded_is(c, j, "that"))) {
            /* "…, Dorsey told her senior aides as she worked through …": a clause of
             * circumstance closes the adjunct; it runs to the comma or the end */
            for (size_t m = 0; m < 4 * MAX_ADJUNCT_TOKENS; m++, j++) {
                if (at_end(s, j)) {
                    return s->b;
                }
                if (punct(c, j) == ',') {
                    return j;
                }
            }
            return SIZE_MAX;
        }
        if (b & (FL_W_AUX | FL_W_OPENER | FL_W_VERB)) {
            return SIZE_MAX;
        }
        if (b & FL_W_PRON) {
            if (!(after_verb && recipient) && !in_phrase) {
                return SIZE_MAX; /* "he said they…": a clause, the content */
            }
        } else if (b & (FL_W_PREP | FL_W_MEDIUM)) {
            in_phrase = true;
        } else if (b & (FL_W_TIME | FL_W_ADV)) {
            /* "Tuesday", "last week", "also" */
        } else if (b & FL_W_DET) {
            if (!in_phrase) {
                return SIZE_MAX;
            }
        } else if (ly_adverb(c, j, s->a) || (c->k[j].upper && !in_title_case(c, s)) ||
                   c->k[j].all_digits || (b & (FL_W_ROLE | FL_W_SOURCE))) {
            /* "angrily", names, numbers, "officials" */
        } else if (!in_phrase) {
            return SIZE_MAX;
        } else if ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE)) &&
                   !(b & FL_W_NOUNLIKE)) {
            return SIZE_MAX; /* "…, he said in a bid to claim …" */
        }
        after_verb = false;
    }
    return SIZE_MAX;
}

/* Is token i the first of two apostrophes typed for a double quotation mark ('')? The pair
 * is one mark (quotes.c gives its second apostrophe the part of a mark): a content starts
 * and ends where the pair does, as it does at a '"'. */
static bool apostrophe_pair(const ctx *c, size_t i) {
    return i + 1 < c->n && punct(c, i) == '\'' && punct(c, i + 1) == '\'' &&
           !c->t[i + 1].space_before;
}

/* The end of the quotation whose opening mark is at open: past its quoted words and its
 * closing mark (when the sentence holds it). */
static size_t quotation_end(const ctx *c, const span *s, size_t open) {
    size_t close = open + 1;
    while (close < s->b && c->v[close].quoted) {
        close++;
    }
    if (close + 1 < s->b && apostrophe_pair(c, close) && c->v[close + 1].opened == open) {
        close++;
    }
    if (close < s->b && c->v[close].opened == open) {
        close++;
    }
    return close;
}

/* After a quotation and its speaker ('"…," he said earlier this week as he left'), all up to
 * the end of the sentence or a comma is circumstance, unless a complement or a quotation
 * follows the cue at once ('…," he said: "…"', '…," he said that …'). */
static size_t after_quote_end(const ctx *c, const span *s, size_t j) {
    size_t first = j;
    for (size_t n = 0; n < 4 * MAX_ADJUNCT_TOKENS; n++, j++) {
        if (at_end(s, j)) {
            return s->b;
        }
        int32_t p = punct(c, j);
        if (p == ',') {
            return j;
        }
        if (j == first && (c->v[j].quoted || p == ':' || family(p) != FAMILY_NONE)) {
            return SIZE_MAX;
        }
        if (p == ':' || p == ';' ||
            (bits(c, j) & FL_W_OPENER & ~FL_W_RELATIVE && folded_is(c, j, "that"))) {
            return SIZE_MAX;
        }
        if (j + 1 < s->b && (bits(c, j) & FL_W_CONJ) &&
            (bits(c, j + 1) & (FL_W_SPEECH | FL_W_THOUGHT)) &&
            (form(c, j + 1) == FL_FORM_PAST || form(c, j + 1) == FL_FORM_ING)) {
            /* '"…," Sarandon told MSNBC when asked about …', also right after the verb
             * ('"…," Lind said when asked …'): another cue */
            return j;
        }
    }
    return SIZE_MAX;
}

/* Does word i end in -ly ("Shortly", "Early"), whatever its case? */
static bool ends_in_ly(const ctx *c, size_t i) {
    return suffix_is(c, i, "ly", 5) && c->v[i].cue == NULL;
}

/* Is [from, sep) an introduction to the clause rather than a clause ("Wednesday at the
 * debate", "On ABC's program", "Holding open a book", "Asked about it")? It opens with a
 * preposition, a time, a participle or an adverb before a
 * preposition ("Shortly after the vote") and holds no verb that a clause would need. */
/* Is [first, sep) a phrase of time without a preposition ("Late last month", "A year later",
 * "Every December", "Two weeks ago"): words of time, determiners, adverbs, numbers and
 * quantifiers only, one of them a word of time? */
/* A plural noun of a span of time ("hours", "weeks"): not a word of time of the table (it
 * would end speakers: "the past two years"), but a phrase of time may hold one. */
static bool time_span_noun(const ctx *c, size_t j) {
    switch (c->k[j].fold_len) {
    case 4:
        return folded_is(c, j, "days");
    case 5:
        return folded_is(c, j, "hours") || folded_is(c, j, "weeks") || folded_is(c, j, "years");
    case 6:
        return folded_is(c, j, "months");
    case 7:
        return folded_is(c, j, "minutes") || folded_is(c, j, "decades");
    default:
        return false;
    }
}

static bool time_phrase(const ctx *c, size_t first, size_t sep) {
    bool time = false;
    for (size_t j = first; j < sep; j++) {
        if (!is_word(c, j)) {
            return false;
        }
        uint32_t b = bits(c, j);
        time |= (b & FL_W_TIME) != 0;
        if (!((b & (FL_W_TIME | FL_W_DET | FL_W_ADV)) || ends_in_ly(c, j) || quantifier(c, j) ||
              number_word(c, j) || c->k[j].all_digits || folded_is(c, j, "late") ||
              folded_is(c, j, "early") || folded_is(c, j, "ago") || folded_is(c, j, "of") ||
              folded_is(c, j, "couple") || time_span_noun(c, j))) {
            return false;
        }
    }
    return time;
}

/* Are [first, end) the words of a span of time ("two weeks", "a day", "several months")? */
static bool time_span_words(const ctx *c, size_t first, size_t end) {
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

/* Does the sentence open at first with a phrase of place or manner the table's classes
 * miss, up to its comma at sep: a locative adverb alone or before a preposition ("Back in
 * Tilden,", "Here at the fair,", "Elsewhere,"), a preposition of place outside the table
 * ("Outside the hall,", "Alongside the growers,"), or a participle in -ing the table does
 * not know before its object ("Dashing into a meeting,", "Waving a file,")? */
static bool place_opening(const ctx *c, const span *s, size_t first, size_t sep) {
    static const char *const places[] = {"here", "there", "back",      "out",    "down",
                                         "up",   "over",  "elsewhere", "abroad", "nearby"};
    static const char *const preps[] = {"outside", "inside", "alongside", "beside",
                                        "behind",  "beyond", "near",      "around"};
    if (first != s->a || !c->k[first].upper) {
        return false;
    }
    bool alone = first + 1 == sep;
    uint32_t next = alone ? 0 : bits(c, first + 1);
    if (folded_in(c, first, places, sizeof places / sizeof places[0])) {
        return alone || (next & FL_W_PREP);
    }
    if (alone) {
        return false;
    }
    if (folded_in(c, first, preps, sizeof preps / sizeof preps[0])) {
        return true;
    }
    return bits(c, first) == 0 && c->v[first].cue == NULL && suffix_is(c, first, "ing", 6) &&
           (next & (FL_W_PREP | FL_W_DET)) && !(next & FL_W_CONJ);
}

static bool month_given_name(const ctx *c, size_t i);

static bool intro_phrase(const ctx *c, const span *s, size_t from, size_t sep) {
    size_t first = from;
    while (first < sep && !is_word(c, first)) {
        first++;
    }
    if (first >= sep || sep - first > MAX_INTRO_TOKENS) {
        return false;
    }
    /* introductions in a row, each closed by its comma: "Then, last week,", "In May, at a
     * rally in Tilden," (split at the last comma; the part before it splits again) */
    for (size_t j = sep - 1; j > first; j--) {
        if (punct(c, j) == ',' && !c->v[j].quoted) {
            if (intro_phrase(c, s, j + 1, sep) && intro_phrase(c, s, first, j)) {
                return true;
            }
            break;
        }
    }
    uint32_t b = bits(c, first);
    uint8_t f = form(c, first);
    /* also an adverb before a preposition: "Shortly after the announcement," */
    /* also a lone adverb: "However, he held his fire, calling …" */
    /* (not a month that is a given name: "April Ruiz, a spokeswoman, said") */
    bool opens = (b & FL_W_PREP) || ((b & FL_W_TIME) && !month_given_name(c, first)) ||
                 f == FL_FORM_ING || (f == FL_FORM_PAST && first == s->a) ||
                 (first + 1 < sep && (bits(c, first + 1) & FL_W_PREP) && ends_in_ly(c, first)) ||
                 (first + 1 == sep && ((b & FL_W_ADV) || ends_in_ly(c, first)));
    /* a participle the table does not know, opening the sentence before its preposition
     * ("Worried by the drought,", "Pressed on the point,"), and "Given the …," */
    if (!opens && first == s->a && first + 1 < sep && c->k[first].upper) {
        opens = (suffix_is(c, first, "ed", 5) && (bits(c, first + 1) & FL_W_PREP)) ||
                (folded_is(c, first, "given") && (bits(c, first + 1) & FL_W_DET));
    }
    /* "Like Ivo Brandt, she …": a comparison that opens the sentence, as "Unlike …" does
     * (the table leaves "like" out of the prepositions: it is also a verb) */
    if (!opens && first == s->a && first + 1 < sep && c->k[first].upper) {
        opens = folded_is(c, first, "like");
    }
    if (!opens) {
        opens = time_phrase(c, first, sep) || place_opening(c, s, first, sep);
    }
    /* a span of time before "after" or "before" is an introduction, as "Shortly after …"
     * is: "Two weeks after the vote,", "A day before the hearing," */
    for (size_t k = first + 1; !opens && k + 1 < sep && k - first <= 3; k++) {
        opens = (folded_is(c, k, "after") || folded_is(c, k, "before")) &&
                (time_span_noun(c, k - 1) || (bits(c, k - 1) & FL_W_TIME) ||
                 folded_is(c, k - 1, "day") || folded_is(c, k - 1, "week") ||
                 folded_is(c, k - 1, "month") || folded_is(c, k - 1, "year")) &&
                time_span_words(c, first, k);
    }
    if (!opens) {
        return false;
    }
    for (size_t j = first; j < sep; j++) {
        if (c->v[j].quoted) {
            continue;
        }
        uint32_t jb = bits(c, j);
        int32_t p = punct(c, j);
        /* a capitalised auxiliary after the first word is a month: "In May," */
        bool month = j > first && c->k[j].upper && folded_is(c, j, "may");
        if (((jb & (FL_W_AUX | FL_W_VERB)) && !month) || p == ';' || p == ':' || p == ',') {
            return false; /* "In all, the committee raised …" is a clause */
        }
        if (j > first && (bits(c, j - 1) & FL_W_TIME || c->k[j - 1].all_digits) &&
            (folded_is(c, j, "he") || folded_is(c, j, "she") || folded_is(c, j, "they") ||
             folded_is(c, j, "we") || folded_is(c, j, "i"))) {
            return false; /* "On Friday she pressed the point again, …" is a clause */
        }
    }
    return count_words(c, first, sep) <= MAX_INTRO_WORDS;
}

/* The end of a content that starts at from: the first token that already has a part, or
 * the end of the sentence. */
static size_t content_end(const ctx *c, const span *s, size_t from) {
    size_t j = from;
    while (j < s->b && c->v[j].role == FL_ROLE_NONE) {
        j++;
    }
    return j;
}

/* ------------------------------------------------------------------ a. headlines */

/* A name with inner capitals after small letters ("FrankenSAM") or a shouted participle
 * ("EXPOSED", "BREAKING") is a product or a kicker, not a speaker ("TAPPER" is one). */
static bool odd_capitals(const ctx *c, size_t i) {
    const fl_token *t = &c->t[i];
    size_t upper = 0;
    size_t letters = 0;
    bool inner = false;
    bool seen_lower = false;
    for (size_t b = t->start; b < t->end; b++) {
        uint8_t x = c->text[b];
        if (x >= 'A' && x <= 'Z') {
            upper++;
            letters++;
            inner |= seen_lower;
        } else if (x >= 'a' && x <= 'z') {
            letters++;
            seen_lower = true;
        }
    }
    size_t len = t->end - t->start;
    bool participle = len >= 4 && upper == letters &&
                      ((c->text[t->end - 2] == 'E' && c->text[t->end - 1] == 'D') ||
                       (len >= 5 && c->text[t->end - 3] == 'I' && c->text[t->end - 2] == 'N' &&
                        c->text[t->end - 1] == 'G'));
    return (inner && letters >= 5) || participle;
}

/* Is the text [from, to) in title case (most longer words capitalised)? Then a capital
 * says nothing about a name. */
static bool title_case(const ctx *c, size_t from, size_t to) {
    size_t words = 0;
    size_t caps = 0;
    for (size_t i = from; i < to; i++) {
        if (is_word(c, i) && c->k[i].has_letter && c->k[i].ncp >= 4 && !c->v[i].quoted) {
            words++;
            caps += c->k[i].upper;
        }
    }
    return words >= 3 && caps * 5 >= words * 4;
}

/* Is sentence s (all of it, a dateline too) in title case? Worked out the first time a rule
 * asks (few sentences need it) and kept in the sentence's summary, res->sentence_cues. */
static bool in_title_case(const ctx *c, const span *s) {
    sentence_cues *sum = &FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index);
    if (sum->title == TITLE_UNKNOWN) {
        const fl_sentence *sent = &FL_VEC_AT(c->res->sentences, fl_sentence, s->index);
        sum->title = title_case(c, sent->first_token, sent->first_token + sent->n_tokens_all)
                         ? TITLE_YES
                         : TITLE_NO;
    }
    return sum->title == TITLE_YES;
}

typedef enum { NAME_NONE, NAME_LABEL, NAME_SPEAKER } name_kind;

/* An acronym: two to five capital letters ("UN", "NATO", "FSB"). */
static bool acronym(const ctx *c, size_t i) {
    const fl_token *t = &c->t[i];
    size_t n = t->end - t->start;
    if (!is_word(c, i) || n < 2 || n > 5) {
        return false;
    }
    for (size_t b = t->start; b < t->end; b++) {
        if (c->text[b] < 'A' || c->text[b] > 'Z') {
            return false;
        }
    }
    return true;
}

/* The 50 most common given names of each sex among US births of the 1950s, the decade of
 * most people in today's news, from the US Social Security Administration's popular names
 * by decade (public domain; ssa.gov/oact/babynames/decades), folded and sorted. In a
 * title-case headline a two-word prefix is a person's name when its first word is one
 * ("Scott Ritter:"), where a kicker is a phrase ("Drone Warfare:"). */
static const char *const FIRST_NAMES[] = {
    "alan",    "ann",     "anthony",   "barbara",     "betty",   "beverly", "bonnie",
    "brenda",  "brian",   "bruce",     "carl",        "carol",   "carolyn", "catherine",
    "charles", "cheryl",  "christine", "christopher", "cindy",   "connie",  "cynthia",
    "dale",    "daniel",  "danny",     "david",       "deborah", "debra",   "denise",
    "dennis",  "diane",   "donald",    "donna",       "douglas", "edward",  "elizabeth",
    "frank",   "gail",    "gary",      "george",      "gerald",  "gloria",  "gregory",
    "james",   "janet",   "janice",    "jeffrey",     "jerry",   "joan",    "john",
    "joseph",  "joyce",   "judith",    "judy",        "julie",   "karen",   "kathleen",
    "kathy",   "keith",   "kenneth",   "kevin",       "larry",   "laura",   "lawrence",
    "linda",   "lisa",    "margaret",  "mark",        "martha",  "mary",    "michael",
    "nancy",   "pamela",  "patricia",  "patrick",     "paul",    "paula",   "peggy",
    "peter",   "randy",   "raymond",   "rebecca",     "richard", "ricky",   "robert",
    "roger",   "ronald",  "sandra",    "scott",       "sharon",  "shirley", "stephen",
    "steven",  "susan",   "teresa",    "terry",       "theresa", "thomas",  "timothy",
    "wayne",   "william",
};

/* Is word i one of FIRST_NAMES? */
static bool common_first_name(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    if (!is_word(c, i) || k->fold_len < 3 || k->fold_len > 11) {
        return false;
    }
    const uint8_t *f = folded_at(c, k);
    size_t lo = 0;
    size_t hi = sizeof(FIRST_NAMES) / sizeof(FIRST_NAMES[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *n = FIRST_NAMES[mid];
        size_t len = strlen(n);
        int cmp = memcmp(f, n, k->fold_len < len ? k->fold_len : len);
        if (cmp == 0) {
            cmp = k->fold_len < len ? -1 : k->fold_len > len;
        }
        if (cmp == 0) {
            return true;
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

/* Does [from, to) hold a role or a source word ("Chief", "Ministry", "Reports")? */
static bool names_role(const ctx *c, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        if (bits(c, i) & (FL_W_ROLE | FL_W_SOURCE)) {
            return true;
        }
    }
    return false;
}

/* Do the tokens [from, to) name a speaker (a person, an organisation, a government, a
 * place standing for one), a section label ("Analysis", "Ukraine war latest"), or neither
 * (a kicker: "Strategic Shift")? title: the headline is in title case. */
static name_kind name_of(const ctx *c, size_t from, size_t to, bool title) {
    size_t words = 0;
    bool role = false;
    bool all_caps = true;
    size_t first = SIZE_MAX;
    size_t last = SIZE_MAX;
    for (size_t i = from; i < to; i++) {
        if (c->v[i].quoted ||
            (c->t[i].kind == FL_TOKEN_PUNCT && punct(c, i) != '.' && punct(c, i) != '&')) {
            return NAME_NONE;
        }
        if (!is_word(c, i)) {
            continue;
        }
        uint32_t b = bits(c, i);
        if (first == SIZE_MAX) {
            first = i;
        }
        last = i;
        words++;
        role |= (b & (FL_W_ROLE | FL_W_SOURCE)) != 0;
        const fl_tokinfo *k = &c->k[i];
        const uint8_t *f = folded_at(c, k);
        if (!(b & (FL_W_ROLE | FL_W_SOURCE)) && k->fold_len >= 5 &&
            memcmp(f + k->fold_len - 3, "ing", 3) == 0) {
            return NAME_NONE; /* "Escaping Russian army": a phrase, not a name */
        }
        if (b & (FL_W_PREP | FL_W_DET)) {
            continue; /* "Head of the Party" */
        }
        if (!c->k[i].upper && !c->k[i].all_digits) {
            all_caps = false;
        }
        if ((b & (FL_W_AUX | FL_W_OPENER | FL_W_PRON)) ||
            ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_QUOTE_VERB)) && k->lower &&
             (form(c, i) == FL_FORM_PAST || form(c, i) == FL_FORM_S))) {
            /* a clause, not a name: "Verizon said in a statement: …", "The mayor
             * continued: …" (a verb that reports only a quotation, too) */
            return NAME_NONE;
        }
    }
    if (words == 0) {
        return NAME_NONE;
    }
    if ((bits(c, first) & FL_W_SECTION) || (bits(c, last) & FL_W_SECTION)) {
        return NAME_LABEL;
    }
    if (role) {
        return NAME_SPEAKER;
    }
    if (words == 1) {
        /* one word: a name, not an initial ("Q:", "A:"), a platform ("Twitter:") nor a
         * past of saying ("Revealed:", "Confirmed:": a kicker) */
        return c->k[first].upper && c->k[first].ncp > 1 && !odd_capitals(c, first) &&
                       !(bits(c, first) & FL_W_MEDIUM) && form(c, first) != FL_FORM_PAST &&
                       form(c, first) != FL_FORM_PP
                   ? NAME_SPEAKER
                   : NAME_NONE;
    }
    for (size_t i = from; i < to; i++) {
        if (bits(c, i) & (FL_W_DET | FL_W_PREP | FL_W_NEGATION)) {
            return NAME_NONE; /* "Spoiler no more": a person's name has no "no", "the", "of" */
        }
    }
    /* several words without a role: a person's name in a headline in sentence case, or in
     * title case after a common given name ("Scott Ritter:", not "Drone Warfare:") */
    return all_caps && (!title || (c->k[first].upper && common_first_name(c, first))) && words <= 3
               ? NAME_SPEAKER
               : NAME_NONE;
}

/* Do two names joined by one "and" fill [from, to) ("Mark Blumenthal and Jon Cohen", a
 * pair of authors quoted together)? */
static bool name_pair(const ctx *c, size_t from, size_t to) {
    for (size_t i = from + 1; i + 1 < to; i++) {
        if (folded_is(c, i, "and")) {
            return c->k[i].lower && name_of(c, from, i, false) == NAME_SPEAKER &&
                   name_of(c, i + 1, to, false) == NAME_SPEAKER;
        }
    }
    return false;
}

/* Does a word with a letter follow token j in the sentence ("Clinton: 547." is a tally)? */
static bool has_letter_after(const ctx *c, const span *s, size_t j) {
    for (size_t i = j + 1; i < s->b; i++) {
        if (is_word(c, i) && c->k[i].has_letter) {
            return true;
        }
    }
    return false;
}

/* Does the sentence end with a period, a question or an exclamation mark? */
static bool ends_with_terminal(const ctx *c, const span *s) {
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

/* a. A headline's colon prefix or dash suffix. Sets *from to the first token the other
 * steps read (after a label; s->b after a speaker's prefix). */
/* Does the text after the colon at j open in the first person, after an opening quotation
 * mark if any ("Dana Lind: I Will Not Run", "Ted Varga: 'We Were Misled'")? A kicker
 * ("Strategic Shift: …") does not speak. */
static bool first_person_after(const ctx *c, const span *s, size_t j) {
    size_t i = j + 1;
    if (i < s->b && !is_word(c, i) && family(punct(c, i)) != FAMILY_NONE) {
        i++;
    }
    if (i + 1 >= s->b || !is_word(c, i)) {
        return false;
    }
    const fl_tokinfo *k = &c->k[i];
    const uint8_t *f = folded_at(c, k);
    /* "I'm", "We're", "I've": one token each */
    bool contracted = (k->fold_len >= 3 && f[0] == 'i' && f[1] == '\'') ||
                      (k->fold_len >= 4 && f[0] == 'w' && f[1] == 'e' && f[2] == '\'');
    return contracted || folded_is(c, i, "i") || folded_is(c, i, "we") || folded_is(c, i, "my") ||
           folded_is(c, i, "our");
}

/* Does a quotation stand in sentence s after token j ("Ivo Brandt: Levy Is 'A Tax On
 * Hope'"), and no verb of saying or thinking outside it ("Tilden Fair: Mayor Calls Levy 'A
 * Tax'": the quotation is the mayor's)? */
static bool quoted_after(const ctx *c, const span *s, size_t j) {
    bool quoted = false;
    for (size_t k = j + 1; k < s->b; k++) {
        quoted |= c->v[k].quoted && is_word(c, k);
        if (!c->v[k].quoted && (bits(c, k) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_QUOTE_VERB))) {
            return false;
        }
    }
    return quoted;
}

/* Does a hyphen join words in [from, to) ("Sky-High Showdown": a phrase, not a name)? */
static bool hyphen_in(const ctx *c, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        if (c->t[k].kind == FL_TOKEN_HYPHEN) {
            return true;
        }
    }
    return false;
}

/* Do [from, to) name who is quoted in a digest's line ("- Dana Lind: "…"")? A name as a
 * headline's prefix would be one, and in this layout also two names joined by "and" ("- Lind
 * and Brandt: "…"", a column's authors) and one word with inner capitals (an outlet such as
 * "FarmPoller", which heading a headline is more often a product). */
static bool digest_name(const ctx *c, size_t from, size_t to) {
    if (name_of(c, from, to, false) == NAME_SPEAKER) {
        return true;
    }
    if (to == from + 1) {
        return is_word(c, from) && c->k[from].upper && c->k[from].ncp > 1 &&
               !(bits(c, from) & (FL_W_MEDIUM | FL_W_SECTION));
    }
    return name_pair(c, from, to);
}

static fl_status headline(ctx *c, const span *s, size_t *from) {
    *from = s->a;
    /* "Kremlin: …", "Ukraine war latest: …": one to five words and a colon */
    size_t words = 0;
    size_t colon = SIZE_MAX;
    for (size_t i = s->a; i < s->b && words <= MAX_PREFIX_WORDS; i++) {
        if (punct(c, i) == ':') {
            colon = i;
            break;
        }
        words += is_word(c, i);
    }
    if (colon != SIZE_MAX && colon > s->a && words <= MAX_PREFIX_WORDS && !at_end(s, colon) &&
        has_letter_after(c, s, colon)) {
        bool title = title_case(c, colon + 1, s->b);
        /* "Tom Ralston on Lesnoye:", "UN on Shelling in Kursk:": a speaker on a topic */
        size_t name_end = colon;
        for (size_t i = s->a + 1; i < colon; i++) {
            if (folded_is(c, i, "on")) {
                /* only a role, a source or an acronym speaks on a topic ("Sky on fire:" is
                 * a kicker) */
                if (names_role(c, s->a, i) || (i == s->a + 1 && acronym(c, s->a)) ||
                    (common_first_name(c, s->a) && name_of(c, s->a, i, title) == NAME_SPEAKER)) {
                    name_end = i;
                } else {
                    name_end = s->a;
                }
                break;
            }
        }
        name_kind nk = name_of(c, s->a, name_end, title);
        bool first_person = nk == NAME_NONE && title && name_end == colon &&
                            (first_person_after(c, s, colon) ||
                             (quoted_after(c, s, colon) && !hyphen_in(c, s->a, colon))) &&
                            name_of(c, s->a, colon, false) == NAME_SPEAKER;
        if (first_person) {
            /* in title case a name looks like a kicker; the first person after it speaks
             * (the headline only, not a transcript's paragraph) */
            nk = NAME_SPEAKER;
        }
        if (nk == NAME_NONE && name_end == colon && colon + 2 < s->b &&
            family(punct(c, colon + 1)) != FAMILY_NONE && c->v[colon + 2].quoted &&
            name_pair(c, s->a, colon)) {
            nk = NAME_SPEAKER; /* 'Dana Lind and Ivo Brandt: "…"' */
        }
        if (nk == NAME_LABEL) {
            *from = colon + 1;
        } else if (nk == NAME_SPEAKER) {
            fl_attr at = new_attribution(s, FL_ATTRIBUTION_STATEMENT);
            at.speaker_first = (uint32_t)s->a;
            at.speaker_end = (uint32_t)name_end;
            at.cue_first = (uint32_t)colon;
            at.cue_end = (uint32_t)colon + 1;
            at.content_first = (uint32_t)colon + 1;
            at.content_end = (uint32_t)s->b;
            if ((s->a == 0 || c->t[s->a].newlines_before > 0) && !first_person) {
                /* a transcript's "FALLIN: Well, I think … They want safe homes.": the
                 * speaker's words run to the end of the paragraph */
                size_t e = s->b;
                while (e < c->n && c->t[e].newlines_before == 0) {
                    e++;
                }
                at.content_end = (uint32_t)e;
                c->carry_end = e;
            }
            mark(c, s->a, colon + 1, FL_ROLE_SPEAKER);
            mark(c, colon + 1, s->b, FL_ROLE_CONTENT);
            *from = s->b;
            return add_attribution(c, &at);
        }
    }
    /* "Pollsters agree - Carl Benning: "…"": a name between a spaced dash and a colon, before
     * a quotation, is quoted (a digest's layout) */
    for (size_t d = *from; d + 3 < s->b; d++) {
        if (!is_dash_cp(punct(c, d)) || !c->t[d].space_before || c->v[d].quoted) {
            continue;
        }
        size_t k = d + 1;
        while (k < s->b && k - d <= 5 && (is_word(c, k) || punct(c, k) == '.')) {
            k++;
        }
        size_t n = d + 1; /* "- More from Bender: "…"": the digest's next quotation */
        if (n + 2 < k && folded_is(c, n, "more") && folded_is(c, n + 1, "from")) {
            n += 2;
        }
        if (k > n && k + 2 < s->b && punct(c, k) == ':' && family(punct(c, k + 1)) != FAMILY_NONE &&
            c->v[k + 2].quoted && digest_name(c, n, k)) {
            bool cue_after = false; /* not '- Lind: "a coin toss," one aide said.' */
            for (size_t q = k + 2; q < s->b; q++) {
                cue_after |= !c->v[q].quoted && (bits(c, q) & (FL_W_SPEECH | FL_W_THOUGHT));
            }
            if (cue_after) {
                break;
            }
            fl_attr at = new_attribution(s, FL_ATTRIBUTION_STATEMENT);
            at.speaker_first = (uint32_t)n;
            at.speaker_end = (uint32_t)k;
            at.cue_first = (uint32_t)k;
            at.cue_end = (uint32_t)k + 1;
            at.content_first = (uint32_t)k + 1;
            at.content_end = (uint32_t)s->b;
            mark(c, n, k + 1, FL_ROLE_SPEAKER);
            mark(c, k + 1, s->b, FL_ROLE_CONTENT);
            *from = s->b;
            return add_attribution(c, &at);
        }
    }
    /* "… – MoD", "… - Kremlin", "…: Russian Foreign Intel Chief": a source at the end */
    if (s->last == SIZE_MAX || s->last <= *from) {
        return FL_OK;
    }
    words = 0;
    size_t sep = SIZE_MAX;
    for (size_t j = s->last + 1; j > *from + 1; j--) {
        size_t i = j - 1;
        int32_t p = punct(c, i);
        if ((is_dash_cp(p) && (c->t[i].space_before || c->t[i + 1].space_before)) || p == ':') {
            sep = i; /* "… Next Week– Pentagon": a dash typed against the word before */
            break;
        }
        if (p != 0 && p != '.' && p != '&') {
            return FL_OK;
        }
        words += is_word(c, i);
        if (words > MAX_SUFFIX_WORDS) {
            return FL_OK;
        }
    }
    if (sep == SIZE_MAX || sep <= *from || count_words(c, *from, sep) < 2) {
        return FL_OK;
    }
    bool title = title_case(c, *from, sep);
    /* "… – Ukraine's Defence Minister Says" */
    size_t name_last = s->last + 1;
    if ((bits(c, s->last) & FL_W_SPEECH) && !(bits(c, s->last) & FL_W_NOUNLIKE) &&
        form(c, s->last) == FL_FORM_S && s->last > sep + 1) {
        name_last = s->last;
    }
    if (!c->k[sep + 1].upper || name_of(c, sep + 1, name_last, title) != NAME_SPEAKER) {
        return FL_OK;
    }
    if (ends_with_terminal(c, s) && !names_role(c, sep + 1, name_last) &&
        name_last == s->last + 1) {
        /* "… in the Ohio primary: Carl Benning.", "… against the better-funded — Maria
         * Dorsey.": in running text a name after a dash or colon is named, not quoted;
         * a headline's source suffix ("…: Moscow", "… – MoD") has no final period */
        return FL_OK;
    }
    fl_attr at = new_attribution(s, FL_ATTRIBUTION_STATEMENT);
    at.content_first = (uint32_t)*from;
    at.content_end = (uint32_t)sep;
    at.cue_first = (uint32_t)sep;
    at.cue_end = (uint32_t)sep + 1;
    at.speaker_first = (uint32_t)sep + 1;
    at.speaker_end = (uint32_t)name_last;
    mark(c, *from, sep, FL_ROLE_CONTENT);
    mark(c, sep, s->b, FL_ROLE_SPEAKER);
    return add_attribution(c, &at);
}

/* Is word i a capitalised verb of saying, judging or wanting in the -s form ("Says",
 * "Urges", "Denounces"): a title-case headline's predicate? */
static bool title_cue_s(const ctx *c, size_t i) {
    return is_word(c, i) && c->k[i].upper && form(c, i) == FL_FORM_S &&
           (bits(c, i) & (FL_W_SPEECH | FL_W_STANCE | FL_W_INTENT | FL_W_THOUGHT)) != 0;
}

/* a. A title-case headline with two predicates of one subject, each a verb of saying in the
 * -s form, joined by a comma or "and" ("Lind Says Levy Must Rise, Urges Calm", "Mayor Backs
 * Levy And Denounces Brandt"): two attributions of that subject. Read word by word, the
 * second verb's capital makes it look like a name ("…, Urges Growers to Vote" as an
 * inverted "…, says Lind") or the first one part of the subject ("Mayor Backs Levy"). The
 * subject is capitalised words without a verb, role words or a possessive allowed
 * ("France's Mayor"). Sets *from to s->b when it reads the sentence. */
static fl_status title_predicates(ctx *c, const span *s, size_t *from) {
    size_t a = *from;
    if (a >= s->b || !is_word(c, a) || !c->k[a].upper) {
        return FL_OK;
    }
    /* the subject: capitalised words (a clitic "'s", a period of "Gov.") up to the first
     * verb of saying */
    size_t v1 = SIZE_MAX;
    for (size_t i = a; i < s->b && i - a <= MAX_SPEAKER_TOKENS; i++) {
        if (i > a && title_cue_s(c, i)) {
            v1 = i;
            break;
        }
        if (c->v[i].quoted ||
            (is_word(c, i) &&
             (!c->k[i].upper || (bits(c, i) & (FL_W_AUX | FL_W_PRON | FL_W_OPENER | FL_W_PREP |
                                               FL_W_DET | FL_W_CONJ | FL_W_VERB)))) ||
            (!is_word(c, i) && c->t[i].kind != FL_TOKEN_CLITIC && punct(c, i) != '.')) {
            return FL_OK;
        }
    }
    if (v1 == SIZE_MAX || count_words(c, a, v1) > MAX_SPEAKER_WORDS) {
        return FL_OK;
    }
    /* the second predicate: ", Urges" or "And Denounces", outside quotation marks, with a
     * word after it */
    size_t sep = SIZE_MAX;
    size_t v2 = SIZE_MAX;
    for (size_t i = v1 + 2; i + 2 < s->b; i++) {
        if (c->v[i].quoted) {
            continue;
        }
        if ((punct(c, i) == ',' || (folded_is(c, i, "and") && is_word(c, i))) &&
            title_cue_s(c, i + 1) && is_word(c, i + 2)) {
            sep = i;
            v2 = i + 1;
            break;
        }
        if (punct(c, i) != 0 && punct(c, i) != ',' && family(punct(c, i)) == FAMILY_NONE &&
            punct(c, i) != '.' && punct(c, i) != '-') {
            return FL_OK; /* a colon, a dash: another part of the headline */
        }
    }
    if (v2 == SIZE_MAX || !in_title_case(c, s)) {
        return FL_OK;
    }
    fl_attr at = new_attribution(s, kind_of(bits(c, v1)));
    at.speaker_first = (uint32_t)a;
    at.speaker_end = (uint32_t)v1;
    at.cue_first = (uint32_t)v1;
    at.cue_end = (uint32_t)v1 + 1;
    at.cue_word = (uint32_t)v1;
    at.content_first = (uint32_t)v1 + 1;
    at.content_end = (uint32_t)sep;
    fl_status st = add_attribution(c, &at);
    if (st != FL_OK) {
        return st;
    }
    at = new_attribution(s, kind_of(bits(c, v2)));
    at.speaker_first = (uint32_t)a;
    at.speaker_end = (uint32_t)v1;
    at.cue_first = (uint32_t)v2;
    at.cue_end = (uint32_t)v2 + 1;
    at.cue_word = (uint32_t)v2;
    at.content_first = (uint32_t)v2 + 1;
    at.content_end = (uint32_t)s->b;
    mark(c, a, v1, FL_ROLE_SPEAKER);
    mark(c, v1, v1 + 1, FL_ROLE_CUE);
    mark(c, v1 + 1, sep, FL_ROLE_CONTENT);
    mark(c, sep, v2 + 1, FL_ROLE_CUE);
    mark(c, v2 + 1, s->b, FL_ROLE_CONTENT);
    *from = s->b;
    return add_attribution(c, &at);
}

/* a. A headline's future without its "will": a name (capitalised words, names joined by a
 * comma or "and") at the start, "to" and a verb of saying, judging or wanting in its base
 * form ("Lind to call for a recount", "Mayor, Council to back levy"): the name is the
 * speaker, "to" and the verb the cue. A noun phrase before "to" ("Lind's last chance to
 * call", "Time to speak") has a possessive, a determiner or a word of time and is no name.
 * Sets *from to s->b when it reads the sentence. */
static fl_status headline_future(ctx *c, const span *s, size_t *from) {
    size_t a = *from;
    if (a >= s->b || !is_word(c, a) || !c->k[a].upper) {
        return FL_OK;
    }
    size_t to = SIZE_MAX;
    for (size_t i = a; i < s->b && i - a <= MAX_SPEAKER_TOKENS; i++) {
        if (i > a && is_word(c, i) && folded_is(c, i, "to")) {
            to = i;
            break;
        }
        if (c->v[i].quoted) {
            return FL_OK;
        }
        if (is_word(c, i)) {
            uint32_t b = bits(c, i);
            bool and_ = folded_is(c, i, "and") && i > a;
            if (!and_ &&
                (!c->k[i].upper ||
                 (b & (FL_W_AUX | FL_W_PRON | FL_W_OPENER | FL_W_PREP | FL_W_DET | FL_W_CONJ |
                       FL_W_VERB | FL_W_TIME | FL_W_RELATIVE | FL_W_NEGATION)) ||
                 ((b & BEFORE_CUES) && form(c, i) != FL_FORM_NONE))) {
                return FL_OK; /* a verb, a noun phrase's word: no bare name */
            }
        } else if (punct(c, i) != ',' && punct(c, i) != '.' && c->t[i].kind != FL_TOKEN_HYPHEN) {
            return FL_OK; /* a possessive, a colon, a quotation mark */
        }
    }
    size_t v = to + 1;
    if (to == SIZE_MAX || v + 1 >= s->b || !is_word(c, v) || form(c, v) != FL_FORM_BASE ||
        !(bits(c, v) & (FL_W_SPEECH | FL_W_STANCE | FL_W_INTENT | FL_W_THOUGHT)) ||
        !is_word(c, v + 1) || punct(c, to - 1) == ',' ||
        count_words(c, a, to) > MAX_SPEAKER_WORDS) {
        return FL_OK;
    }
    for (size_t i = v + 1; i < s->b; i++) {
        uint32_t b = bits(c, i);
        if (b & (FL_W_RELATIVE | FL_W_OPENER)) {
            break; /* "… a vote that would end the levy": the content's own clause */
        }
        if (((b & FL_W_AUX) && is_word(c, i)) || ends_with_nt(c, i)) {
            return FL_OK; /* "Efforts to call a vote were dropped": a subject, not a name */
        }
    }
    fl_attr at = new_attribution(s, kind_of(bits(c, v)));
    at.speaker_first = (uint32_t)a;
    at.speaker_end = (uint32_t)to;
    at.cue_first = (uint32_t)to;
    at.cue_end = (uint32_t)v + 1;
    at.cue_word = (uint32_t)v;
    at.content_first = (uint32_t)v + 1;
    at.content_end = (uint32_t)s->b;
    mark(c, a, to, FL_ROLE_SPEAKER);
    mark(c, to, v + 1, FL_ROLE_CUE);
    mark(c, v + 1, s->b, FL_ROLE_CONTENT);
    *from = s->b;
    return add_attribution(c, &at);
}

/* Which of title_predicates() (bit 1) and headline_future() (bit 2) can find an attribution
 * in s from token `from`: both need a capitalised word at from and a cue word after it (two
 * title-case verbs in -s; a base form after "to"), which are among the sentence's cue
 * tokens. One pass over those spares both walks of the capitalised run in most sentences. */
static unsigned headline_rules(const ctx *c, const span *s, size_t from) {
    if (from >= s->b || !is_word(c, from) || !c->k[from].upper) {
        return 0;
    }
    const uint32_t *cue;
    const uint32_t *end = sentence_cue_tokens(c, s, &cue);
    unsigned title_s = 0;
    unsigned rules = 0;
    for (; cue < end; cue++) {
        size_t i = *cue;
        uint8_t f = form(c, i); /* most cues ("said") have neither form */
        if ((f != FL_FORM_S && f != FL_FORM_BASE) || i <= from || i >= s->b) {
            continue;
        }
        title_s += title_cue_s(c, i);
        if (f == FL_FORM_BASE && i >= from + 2 && i + 1 < s->b && folded_is(c, i - 1, "to")) {
            rules |= 2;
        }
    }
    return rules | (title_s >= 2);
}

/* Is the past form at i an adjective: after a determiner or a possessive and an adverb (in
 * -ly, or "most", "least"), before a lower-case word that can be its noun ("a politically
 * charged visit", "the newly identified emails", "the least favored candidates", "a widely
 * denounced tweet")? Not after a noun in -ly ("the family denied …"). */
static bool adjective_participle(const ctx *c, size_t i) {
    static const char *const ly_nouns[] = {"family",  "rally", "ally",  "assembly",
                                           "supply",  "reply", "tally", "monopoly",
                                           "anomaly", "bully", "belly"};
    size_t m = i - 1;
    size_t d = i - 2;
    if (!is_word(c, m) || !c->k[m].lower || c->v[m].cue != NULL || !is_word(c, i + 1) ||
        !c->k[i + 1].lower || c->v[i + 1].quoted || folded_is(c, i + 1, "to") ||
        (bits(c, i + 1) & (FL_W_DET | FL_W_PRON | FL_W_PREP | FL_W_OPENER | FL_W_CONJ | FL_W_AUX |
                           FL_W_ADV | FL_W_NEGATION))) {
        return false;
    }
    if (!((bits(c, d) & FL_W_DET) || folded_is(c, d, "his") || folded_is(c, d, "its") ||
          folded_is(c, d, "their"))) {
        return false;
    }
    if (folded_is(c, m, "most") || folded_is(c, m, "least")) {
        return true;
    }
    return suffix_is(c, m, "ly", 5) &&
           !folded_in(c, m, ly_nouns, sizeof ly_nouns / sizeof ly_nouns[0]);
}

/* Is the -ing cue at i (group [vg, i), word p before it) a noun in a title-case headline,
 * after a capitalised noun ("Stark Drought Warning To Growers", "Flood Warning Sign")? There
 * every word has a capital, so the word before names no subject; a subject stands at the
 * start of its clause, and this noun's word before it follows a preposition, a verb or
 * another modifier. */
static bool title_noun_ing(const ctx *c, const span *s, size_t vg, size_t i, size_t p) {
    if (vg != i || p <= s->a || !is_word(c, p) || !c->k[p].upper || !c->k[i].upper ||
        (bits(c, p) & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE)) || !in_title_case(c, s)) {
        return false;
    }
    size_t q = p - 1; /* the word before the modifier: not the clause's start */
    return is_word(c, q) || c->t[q].kind == FL_TOKEN_HYPHEN;
}

/* ------------------------------------------------------------------ b. cues after content */

static bool source_subject(const ctx *c, const span *s, size_t vg);
static bool given_name(const ctx *c, const span *s, size_t vg, size_t i);
static bool plural(const ctx *c, size_t i);
static bool light_verb(const ctx *c, size_t i);
static bool lemma_is(const fl_cue *q, const char *w);

/* The lemma classes (FL_C_*) of cue q, 0 when q is NULL: the table gives them, so that a
 * rule tests a bit, not a lemma, on every cue it reaches. */
static inline uint8_t lemma_class(const fl_cue *q) {
    return q != NULL ? q->cls : 0;
}
static bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n);
static bool as_put_it(const ctx *c, const span *s, size_t i);
static bool vote_word(const ctx *c, size_t i);
static bool portrayal_verb(const ctx *c, size_t i);
static bool lemma_in(const fl_cue *q, const char *const *lemmas, size_t n);
static size_t content_start(const ctx *c, const span *s, size_t i, uint8_t region);
static size_t adjunct_before_clause(const ctx *c, const span *s, size_t j);

/* Is the past form at i a participle after its noun, with no auxiliary: a verb that needs
 * an object directly before the preposition of its charge ("a grower accused of fraud",
 * "two aides charged with perjury", "a man suspected of arson")? The noun is what is
 * reported, no speaker. */
static bool reduced_passive(const ctx *c, const span *s, size_t i) {
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
static bool bare_infinitive(const ctx *c, const span *s, size_t vg, size_t i) {
    return vg == i && i > s->a && form(c, i) == FL_FORM_BASE && folded_is(c, i - 1, "to");
}

/* Is the word before i a lower-case word that can be the noun a participle at i follows: no
 * auxiliary, pronoun, adverb, relative, conjunction, preposition, determiner or cue word ("the
 * grower listed in …", "drone strikes reported at …")? */
static bool plain_word_before(const ctx *c, size_t i) {
    return i > 0 && is_word(c, i - 1) && c->k[i - 1].lower &&
           !(bits(c, i - 1) & (FL_W_AUX | FL_W_PRON | FL_W_ADV | FL_W_RELATIVE | FL_W_CONJ |
                               FL_W_PREP | FL_W_DET | ATTRIBUTION_CUES));
}

/* Is the past form at i a participle after its noun that a preposition follows, before the
 * sentence's own verb ("The grower listed in the records could not be found", "Figures
 * quoted in the audit were old")? A verb that needs an object has none: it is a passive
 * without its "be" (a reduced relative clause), whose noun is what is reported and the text
 * after the preposition where (the records list the grower). Returns the sentence's
 * auxiliary, the end of that phrase, or 0. Not before "by" (participle_agent() reads the
 * agent) nor where a clause follows the phrase ("Lind said in a statement the levy …",
 * "explained in a letter that …"). */
static size_t reduced_relative(const ctx *c, const span *s, size_t i) {
    if (form(c, i) != FL_FORM_PAST || !(bits(c, i) & FL_W_OBJECT) || i == s->a || i + 2 >= s->b ||
        !plain_word_before(c, i) || c->v[i].quoted || !(bits(c, i + 1) & FL_W_PREP) ||
        folded_is(c, i + 1, "by") || (bits(c, i + 1) & FL_W_OPENER)) {
        return 0;
    }
    bool noun = false; /* a noun of the phrase came last: a determiner now opens a clause */
    for (size_t k = i + 2; k < s->b && k < i + 2 + MAX_ADJUNCT_TOKENS; k++) {
        uint32_t b = bits(c, k);
        if (!is_word(c, k) || c->v[k].quoted || c->v[k].role != FL_ROLE_NONE ||
            (b & (FL_W_OPENER | FL_W_PRON)) || (noun && (b & FL_W_DET))) {
            return 0;
        }
        if (b & FL_W_AUX) {
            return noun ? k : 0;
        }
        noun = !(b & (FL_W_PREP | FL_W_DET));
    }
    return 0;
}

/* A verb that can report the content before it: a verb of saying, thinking or showing in a
 * finite form ("said", "says", "say", "believes"). */
static bool backward_verb(const ctx *c, size_t i) {
    uint32_t b = bits(c, i);
    uint8_t f = form(c, i);
    if (!(b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_EVIDENCE | FL_W_QUOTE_VERB)) || light_verb(c, i)) {
        return false; /* "made" and "took" report only before their phrase */
    }
    return f == FL_FORM_PAST || f == FL_FORM_S || f == FL_FORM_BASE || f == FL_FORM_NONE;
}

static bool clause_with_cue_at(const ctx *c, const span *s, size_t subj);

/* Does a coordinator at n ("and", "but", "yet") open a clause with a speaker and a verb of
 * saying of its own ("The levy is fair, Lind said, but Brandt said it was not.", "…, records
 * show, and growers say …")? Then the clause the cue interrupted does not go on after it. */
static bool coordinated_speaker_clause(const ctx *c, const span *s, size_t n) {
    if (!(folded_is(c, n, "and") || folded_is(c, n, "but") || folded_is(c, n, "yet"))) {
        return false;
    }
    size_t k = n + 1;
    while (k < s->b && k - n < 4 && ((bits(c, k) & FL_W_ADV) || ly_adverb(c, k, k))) {
        k++;
    }
    if (k >= s->b || !is_word(c, k) || (bits(c, k) & FL_W_OPENER) || folded_is(c, k, "that")) {
        return false;
    }
    if (!clause_with_cue_at(c, s, k)) {
        /* a plural in lower case before a verb of saying: "…, and local growers say …" */
        size_t v = k;
        while (v < s->b && v - k < 3 && is_word(c, v) && c->k[v].lower &&
               !(bits(c, v) & ~(FL_W_ROLE | FL_W_SOURCE))) {
            v++;
        }
        return v > k && v < s->b && plural(c, v - 1) && is_word(c, v) && c->k[v].lower &&
               (bits(c, v) & FL_W_SPEECH) && !(bits(c, v) & FL_W_NOUNLIKE) &&
               (form(c, v) == FL_FORM_BASE || form(c, v) == FL_FORM_PAST);
    }
    /* its verb says something: "…, Lind says, and she believed the count was late" goes on
     * with what Lind says */
    for (size_t v = k + 1; v < s->b && v - k <= MAX_SPEAKER_TOKENS && !c->v[v].quoted; v++) {
        if (is_word(c, v) && (bits(c, v) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE))) {
            return (bits(c, v) & FL_W_SPEECH) != 0;
        }
    }
    return false;
}

/* Where the content goes on after a parenthetical cue that ends at the comma at j ("The
 * plan, he said, will fail"), or SIZE_MAX: not when an apposition or a participle follows
 * ("…, a spokesman", "…, adding that"); past a relative clause about the speaker. */
static size_t resumes_after(const ctx *c, const span *s, size_t j, size_t content_words,
                            bool speaker_before) {
    size_t n = j + 1;
    if (at_end(s, n) || !is_word(c, n)) {
        /* '"…," he said, "…"': the quotation goes on */
        return n < s->b && (c->v[n].quoted || family(punct(c, n)) != FAMILY_NONE) ? n : SIZE_MAX;
    }
    if (coordinated_speaker_clause(c, s, n)) {
        return SIZE_MAX;
    }
    uint32_t b = bits(c, n);
    if (speaker_before) {
        /* "For black voters, he said, the …": with the speaker before the cue nothing
         * about the speaker follows it; the interrupted clause goes on unless a participle
         * or another source comes next */
        return (b & (FL_W_RELATIVE | FL_W_ACCORDING)) || ing_word(c, n) ? SIZE_MAX : n;
    }
    if (b & FL_W_RELATIVE) {
        /* "And Dorsey, said Ralston, who stays close to her, won't back down" */
        if (content_words > 6) {
            return SIZE_MAX;
        }
        for (size_t k = n + 1; k < s->b && k < n + MAX_SPEAKER_TOKENS * 2; k++) {
            if (punct(c, k) == ',') {
                return at_end(s, k + 1) ? SIZE_MAX : k + 1;
            }
            if (c->v[k].quoted || punct(c, k) == ';') {
                break;
            }
        }
        return SIZE_MAX;
    }
    if (b & (FL_W_DET | FL_W_ACCORDING | FL_W_ROLE)) {
        return SIZE_MAX;
    }
    if (ing_word(c, n) || c->k[n].all_digits) {
        return SIZE_MAX;
    }
    /* the clause the cue interrupted goes on: a short piece before the cue, or a verb or
     * a lower-case word after it ("One of the decisions, according to a person close to
     * the process, is to …") */
    bool goes_on = (b & (FL_W_CONJ | FL_W_AUX | FL_W_ADV | FL_W_PRON)) ||
                   (c->k[n].lower && !(b & (FL_W_PREP | FL_W_SPEECH | FL_W_STANCE)));
    return content_words <= 6 || goes_on ? n : SIZE_MAX;
}

/* b. Finds attributions whose cue follows its content, in [from, s->b). */
/* Is there a finite verb of saying after a word in [from, to), outside quotation marks
 * and not in a subordinate clause ("Olsen wrote that the rumours that …"; not "When the clerk
 * asked …", "After being asked …")? */
static bool saying_between(const ctx *c, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        if (folded_is(c, k, "when") || folded_is(c, k, "as") || folded_is(c, k, "after") ||
            folded_is(c, k, "before") || folded_is(c, k, "while") || folded_is(c, k, "if") ||
            folded_is(c, k, "because") || folded_is(c, k, "although") ||
            folded_is(c, k, "though") || folded_is(c, k, "since") || folded_is(c, k, "until")) {
            return false;
        }
        uint8_t f = form(c, k);
        if (k == from) {
            continue;
        }
        if (!c->v[k].quoted && is_word(c, k) && c->k[k].lower && (bits(c, k) & FL_W_SPEECH) &&
            !(bits(c, k) & FL_W_NOUNLIKE) && (f == FL_FORM_PAST || f == FL_FORM_S)) {
            return true;
        }
    }
    return false;
}

static bool subject_before_apposition(const ctx *c, const span *s, size_t vg, bool later,
                                      size_t *first, size_t *end);

/* Is all before the verb at i, from `from`, a name and its apposition, with no verb and no
 * quotation ("Ivo Brandt, the treasurer, announced a new levy.")? Then the verb is the
 * name's, not an inverted cue after its content ("The levy will rise, announced the
 * treasurer."). */
static bool apposed_subject(const ctx *c, const span *s, size_t from, size_t i) {
    size_t f, e;
    if (i < from + 3 || punct(c, i - 1) != ',' || c->v[i - 1].quoted) {
        return false;
    }
    if (subject_before_apposition(c, s, i, true, &f, &e) && f > from) {
        /* so in a clause that a subordinator, "and"/"but" or a dash opens: "The council met
         * on Monday, while Ivo Brandt, the former treasurer, proposed a new levy." */
        return true;
    }
    if (!subject_before_apposition(c, s, i, false, &f, &e) || f < from) {
        return false;
    }
    for (size_t k = from; k + 1 < i; k++) {
        if (c->v[k].quoted || family(punct(c, k)) != FAMILY_NONE || finite_verb(c, k) ||
            (bits(c, k) & ATTRIBUTION_CUES)) {
            return false;
        }
    }
    return true;
}

/* Does a condition ("if", "unless") open the last clause of [start, sep), first or after
 * "that", with only words (and the periods of abbreviations) after it? A condition is no
 * one's content alone: the clause after its comma is its main clause. */
static bool condition_before(const ctx *c, size_t start, size_t sep) {
    for (size_t k = sep; k > start && sep - k < MAX_PIECE_TOKENS;) {
        k--;
        if (punct(c, k) == '.' && !c->t[k].space_before && k > start && c->k[k - 1].upper) {
            continue; /* "if Mr. Brandt won" */
        }
        if (!is_word(c, k) || c->v[k].quoted) {
            return false;
        }
        if (folded_is(c, k, "if") || folded_is(c, k, "unless")) {
            return k == start || folded_is(c, k - 1, "that");
        }
    }
    return false;
}

/* Is the cue at i the verb of an interjection addressed to the reader or the listener,
 * "you" and a bare verb between commas or at a clause's edge (", you know,", ", you
 * see,")? It reports no one's words. */
static bool discourse_marker(const ctx *c, const span *s, size_t i) {
    if (i <= s->a || !folded_is(c, i - 1, "you") || form(c, i) != FL_FORM_BASE) {
        return false;
    }
    bool before = i - 1 == s->a || punct(c, i - 2) == ',' || is_separator(c, i - 2);
    bool after = at_end(s, i + 1) || punct(c, i + 1) == ',' || is_closing_quote(c, i + 1) ||
                 is_separator(c, i + 1);
    return before && after;
}

/* After the separator p, is the past form at i (no auxiliary in its group [vg, i)) a
 * participle after a common noun that sums up the clause before it, with its agent after
 * "by" ("…, a fact first reported by the Courier", "… - a figure later confirmed by the
 * clerk")? The noun is what was reported; the agent reported it. Returns the end of the
 * agent's name, or 0. */
static size_t summary_agent(const ctx *c, const span *s, size_t p, size_t vg, size_t i) {
    uint8_t f = form(c, i);
    if (!(f == FL_FORM_PAST || f == FL_FORM_PP) || i + 2 >= s->b || !folded_is(c, i + 1, "by") ||
        p + 2 >= vg || !(bits(c, p + 1) & FL_W_DET)) {
        return 0;
    }
    for (size_t k = vg; k < i; k++) {
        if (bits(c, k) & FL_W_AUX) {
            return 0;
        }
    }
    for (size_t k = p + 2; k < vg; k++) {
        if (!is_word(c, k) || !c->k[k].lower ||
            (bits(c, k) & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE))) {
            return 0; /* "…, the ministry said by phone": a speaker, not a summary */
        }
    }
    size_t e = speaker_forward(c, s, i + 2);
    return e > i + 2 && names_someone(c, i + 2, e) ? e : 0;
}

/* Does the comma at p close an age between commas (", 50,")? */
static bool age_closes_at(const ctx *c, const span *s, size_t p) {
    return p > s->a + 2 && punct(c, p) == ',' && c->k[p - 1].all_digits &&
           c->k[p - 1].fold_len <= 3 && punct(c, p - 2) == ',';
}

/* Does a place of residence after "of" or "from" follow the separator p, which closes an
 * age between commas ("Dana Lind, 50, of Tilden")? The name, the age and the place are one
 * subject, not a content and its speaker. */
static bool residence_after_age(const ctx *c, const span *s, size_t p) {
    return p + 1 < s->b && age_closes_at(c, s, p) &&
           (folded_is(c, p + 1, "of") || folded_is(c, p + 1, "from"));
}

static fl_status cues_after_content(ctx *c, const span *s, size_t from) {
    fl_status st;
    /* "…, he said at a briefing, according to the Ledger.": an "according to" that
     * ends the sentence is the outermost attribution; everything before it is content */
    size_t back_from = s->last == SIZE_MAX || !(sentence_bits(c, s) & FL_W_ACCORDING) ? from
                                                                                      : s->last + 1;
    for (size_t j = back_from; j > from + 1;) {
        j--;
        if (c->v[j].quoted || punct(c, j) == ',' || s->last + 1 - j > 2 * MAX_SPEAKER_TOKENS) {
            break;
        }
        if (!(bits(c, j) & FL_W_ACCORDING) || !folded_is(c, j, "according") || j + 1 >= s->b ||
            !folded_is(c, j + 1, "to") || !at_end(s, source_end(c, s, j + 2))) {
            continue;
        }
        size_t sep = j > from && is_separator(c, j - 1) ? j - 1 : j;
        if (count_words(c, from, sep) == 0) {
            break;
        }
        fl_attr at = new_attribution(s, FL_ATTRIBUTION_STATEMENT);
        at.cue_word = (uint32_t)j;
        at.cue_first = (uint32_t)j;
        at.cue_end = (uint32_t)j + 2;
        at.speaker_first = (uint32_t)j + 2;
        at.speaker_end = (uint32_t)s->last + 1;
        at.content_first = (uint32_t)from;
        at.content_end = (uint32_t)sep;
        mark(c, from, sep, FL_ROLE_CONTENT);
        mark(c, sep, s->b, FL_ROLE_SPEAKER);
        return add_attribution(c, &at);
    }
    size_t start = from; /* where the next content may begin */
    size_t resume = SIZE_MAX; /* the previous attribution's content resumes here */
    fl_attr prev;
    memset(&prev, 0, sizeof prev);
    bool has_prev = false;
    const uint32_t *cue;
    const uint32_t *cue_end = sentence_cue_tokens(c, s, &cue);
    size_t next_i = from; /* the first token left to read */
    for (; cue < cue_end; cue++) {
        size_t i = *cue;
        if (i < next_i || !(c->v[i].bits & AFTER_CUES) || c->v[i].quoted ||
            c->v[i].role != FL_ROLE_NONE || !is_word(c, i) || hyphen_compound(c, i) ||
            (form(c, i) == FL_FORM_BASE && discourse_marker(c, s, i))) {
            continue;
        }
        uint32_t b = bits(c, i);
        size_t sep = SIZE_MAX; /* the separator after the content */
        size_t sp_first = 0;
        size_t sp_end = 0;
        size_t cue_first = i;
        size_t cue_end = i + 1;
        size_t after = i + 1; /* the first token after speaker and cue */
        bool recipient = (b & FL_W_RECIPIENT) != 0;
        if ((b & FL_W_ACCORDING) && i > from) {
            /* "…, according to officials." / "… according to the Post" */
            size_t to = i + 1;
            if (to < s->b && folded_is(c, i, "according") && folded_is(c, to, "to")) {
                to++;
            } else if (!folded_is(c, i, "according") &&
                       (folded_is(c, i - 1, "по") || folded_is(c, i - 1, "за"))) {
                cue_first = i - 1; /* "по словам" */
            } else if (folded_is(c, i, "per") && punct(c, i - 1) == ',') {
                /* "…, per CTV News." */
            } else {
                continue;
            }
            cue_end = to;
            size_t e = source_end(c, s, to);
            if (e == to) {
                continue;
            }
            sp_first = to;
            sp_end = e;
            after = e;
            sep = cue_first;
            if (sep > from && is_separator(c, sep - 1)) {
                sep--;
            }
            recipient = false;
            b = FL_W_SPEECH;
        } else if (reduced_passive(c, s, i)) {
            continue; /* "Brandt, a grower accused of fraud, …": no cue after its content */
        } else if (backward_verb(c, i) ||
                   (light_verb(c, i) && lemma_is(c->v[i].cue, "put") && as_put_it(c, s, i))) {
            bool put = light_verb(c, i); /* "…, as the mayor put it." */
            size_t e = i + 1;
            /* "tell" never inverts: in '"…," Lind, a former minister, told Radio Harbour' the
             * name after it is whom it was told */
            /* right after a quotation any verb of saying or thinking inverts in the past
             * ('"…," tweeted Lind', '"…," mused Lind', '"…," remembered Lind': a past is
             * no noun) or the -s form ('"…," agrees Lind') */
            uint8_t fi = form(c, i);
            bool quote_inverts = i > from && is_closing_quote(c, i - 1) &&
                                 (b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_QUOTE_VERB)) &&
                                 (fi == FL_FORM_PAST || (fi == FL_FORM_S && !(b & FL_W_NOUNLIKE)));
            bool inverted = !put && i > from && is_separator(c, i - 1) && punct(c, i - 1) != '(' &&
                            (((b & (FL_W_SPEECH | FL_W_QUOTE_VERB)) && !(b & FL_W_NOUNLIKE)) ||
                             quote_inverts) &&
                            form(c, i) != FL_FORM_ING && form(c, i) != FL_FORM_PP &&
                            !folded_is(c, i, "told") && !folded_is(c, i, "tells") &&
                            (e = speaker_forward(c, s, i + 1)) > i + 1 &&
                            !(e == i + 2 && object_pronoun(c, i + 1)) &&
                            !apposed_subject(c, s, from, i);
            if (inverted) {
                /* inverted: '…," said Lavrov' */
                sep = i - 1;
                sp_first = i + 1;
                sp_end = e;
                after = e;
                recipient = false;
            } else {
                /* "…, the ministry said (Tuesday)."; not "the most elaborate" */
                size_t vg = verb_group_start(c, s, i);
                if (vg > s->a && (bits(c, vg - 1) & (FL_W_DET | FL_W_PREP)) &&
                    !quote_name(c, vg - 1)) {
                    continue;
                }
                if (passive_group(c, vg, i)) {
                    /* a passive's subject is whom it is said to, or what is said or named,
                     * never who says it: "At a town hall in May, Lind was asked about …",
                     * "The levy, as the bill is called, …" */
                    continue;
                }
                if (given_name(c, s, vg, i)) {
                    continue; /* "…, including a firm called Harbour Data" */
                }
                if (c->k[i].upper && vg == i && i > s->a && is_word(c, i - 1) &&
                    c->k[i - 1].upper && !in_title_case(c, s)) {
                    continue; /* "…," an analyst at Harbour Point wrote': inside a name */
                }
                if ((b & FL_W_NOUNLIKE) &&
                    (form(c, i) == FL_FORM_S || form(c, i) == FL_FORM_BASE) && vg > s->a &&
                    !(bits(c, vg - 1) & FL_W_PRON) && !source_subject(c, s, vg) &&
                    !plural(c, vg - 1) && !(form(c, i) == FL_FORM_S && c->k[vg - 1].upper)) {
                    continue; /* "…, Morning Ledger radio hour on WXYZ" is a noun; "…, Yonhap
                               * reports" is not */
                }
                size_t p = speaker_after_quote(c, s, vg);
                if (p == SIZE_MAX) {
                    p = speaker_after_separator(c, s, vg);
                }
                size_t as = SIZE_MAX; /* "…, as the Courier reported." */
                size_t as_name_end = vg;
                if (p == SIZE_MAX && (p = speaker_with_apposition(c, s, vg)) != SIZE_MAX) {
                    as_name_end = vg - 1; /* the speaker without the comma after it */
                }
                if (p == SIZE_MAX && !(b & FL_W_OBJECT)) {
                    /* not "…, as Lind spoke": a verb that also names its topic */
                    as = speaker_after_as(c, s, vg, &as_name_end);
                    p = as;
                }
                if (p == SIZE_MAX || (bits(c, p + 1) & FL_W_CONJ)) {
                    continue; /* "…, and recent polls show Clinton …" coordinates clauses */
                }
                if (!names_someone(c, p + 1, as_name_end)) {
                    continue; /* "…, casualties reported": a passive without its "were" */
                }
                if (as == SIZE_MAX && residence_after_age(c, s, p)) {
                    continue; /* "Dana Lind, 50, of Tilden learned …": one subject */
                }
                sep = as != SIZE_MAX ? as - 1 : p;
                sp_first = p + 1;
                sp_end = as_name_end;
                cue_first = vg;
                if (put || (i + 1 < s->b && (bits(c, i + 1) & FL_W_PARTICLE))) {
                    cue_end = i + 2; /* "pointed out", "put it" */
                }
                after = cue_end;
                size_t agent = as == SIZE_MAX ? summary_agent(c, s, p, vg, i) : 0;
                if (agent != 0) {
                    sp_first = i + 2; /* "…, a fact first reported by the Courier" */
                    sp_end = agent;
                    after = agent;
                }
                if (as != SIZE_MAX && after < s->b && folded_is(c, after, "with")) {
                    continue; /* "…, as Lind argued with the clerk": a time, not a report */
                }
            }
        } else {
            continue;
        }
        if (sep <= start || count_words(c, start, sep) == 0) {
            continue;
        }
        bool quotation = is_closing_quote(c, sep) &&
                         count_words(c, start,
                                     c->v[sep].opened < start ? start : c->v[sep].opened) == 0;
        size_t clause_end = quotation ? after_quote_end(c, s, after)
                                      : adjunct_end(c, s, after, recipient);
        if (clause_end == SIZE_MAX) {
            continue;
        }
        if (clause_end < s->b && clause_end + 1 < s->b &&
            (c->v[clause_end + 1].quoted || family(punct(c, clause_end + 1)) != FAMILY_NONE) &&
            !quotation) {
            continue; /* "Waving a file, Ralston said, “We never …”": the quotation follows */
        }
        if (!quotation && intro_phrase(c, s, start, sep) &&
            (clause_end >= s->b || resumes_after(c, s, clause_end, count_words(c, start, sep),
                                                 sp_first < cue_first) == SIZE_MAX)) {
            continue; /* "On ABC's program Tuesday, he said …": an introduction, not content;
                       * but "At times last year, aides said, the mention …" */
        }
        if (!quotation && (clause_end >= s->b || punct(c, clause_end) != ',') &&
            condition_before(c, start, sep)) {
            continue; /* "Lind said that if Brandt won, she would insist on a vote": the
                       * condition's main clause, not a cue after its content */
        }
        fl_attr at = new_attribution(s, kind_of(b));
        at.speaker_first = (uint32_t)sp_first;
        at.speaker_end = (uint32_t)sp_end;
        at.cue_first = (uint32_t)cue_first;
        at.cue_end = (uint32_t)cue_end;
        at.cue_word = (uint32_t)i;
        /* the content starts with the clause (the one the cue interrupts, when the sentence
         * goes on), or with a quotation that opened earlier */
        size_t cstart = start;
        size_t next = SIZE_MAX;
        bool strict = quotation || (sp_first == cue_end && !(bits(c, i) & FL_W_ACCORDING));
        if (clause_end < s->b && punct(c, clause_end) == ',') {
            size_t piece = cstart;
            for (size_t k = sep; k > cstart && sep - k < MAX_PIECE_TOKENS; k--) {
                if (strong_boundary(punct(c, k - 1)) && !c->v[k - 1].quoted) {
                    piece = k;
                    break;
                }
            }
            next = resumes_after(c, s, clause_end, count_words(c, piece, sep),
                                 sp_first < cue_first && !quotation);
            if (next != SIZE_MAX && strict && !c->v[next].quoted &&
                count_words(c, piece, sep) > 6) {
                next = SIZE_MAX; /* '"…," said Varley, then the partner of …' */
            }
            if (next != SIZE_MAX && count_words(c, piece, sep) > 0) {
                cstart = piece;
            }
            if (next != SIZE_MAX && !quotation && saying_between(c, cstart, sep)) {
                /* "Olsen wrote that the rumours that, Olsen noted, Varga spread …": the cue
                 * interrupts another speaker's content, nested in it */
                continue;
            }
        }
        size_t mark_from = cstart;
        if (is_closing_quote(c, sep) && c->v[sep].opened < cstart) {
            cstart = c->v[sep].opened;
            if (cstart > s->a && apostrophe_pair(c, cstart - 1)) {
                cstart--; /* "''We will …'' he said": from the first of the pair */
            }
        }
        /* the content ends before the closing mark, both apostrophes of a '' */
        size_t content_stop = is_closing_quote(c, sep) && sep > cstart + 1 &&
                                      apostrophe_pair(c, sep - 1) && !c->v[sep - 1].quoted
                                  ? sep - 1
                                  : sep;
        at.content_first = (uint32_t)cstart;
        at.content_end = (uint32_t)content_stop;
        if (has_prev && resume != SIZE_MAX) {
            prev.content2_first = (uint32_t)resume;
            prev.content2_end = (uint32_t)sep;
        }
        if (has_prev && (st = add_attribution(c, &prev)) != FL_OK) {
            return st;
        }
        mark(c, mark_from, content_stop, FL_ROLE_CONTENT);
        if (quotation && after + 1 < clause_end &&
            (folded_is(c, after, "of") || folded_is(c, after, "about"))) {
            /* '"…," Mr. Cernech said of the championship course': what it was said of */
            at.content2_first = (uint32_t)after + 1;
            at.content2_end = (uint32_t)clause_end;
            mark(c, after + 1, clause_end, FL_ROLE_CONTENT);
        }
        mark(c, sp_first, sp_end, FL_ROLE_SPEAKER);
        mark(c, cue_first, cue_end, FL_ROLE_CUE);
        mark(c, content_stop, sp_first, FL_ROLE_SPEAKER); /* the separator, an inverted cue */
        mark(c, cue_end, clause_end, FL_ROLE_SPEAKER); /* the adjunct */
        prev = at;
        has_prev = true;
        resume = next;
        start = next != SIZE_MAX ? next : clause_end;
        next_i = start > i ? start : i + 1;
    }
    if (has_prev) {
        if (resume != SIZE_MAX) {
            size_t e = content_end(c, s, resume);
            prev.content2_first = (uint32_t)resume;
            prev.content2_end = (uint32_t)e;
            mark(c, resume, e, FL_ROLE_CONTENT);
        }
        return add_attribution(c, &prev);
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ c. cues before content */

/* Can a reported content start at token j (a verb's complement, not a noun's companion)?
 * Not before another verb ("claims rose", "plans were"), "of" ("claims of fraud"), a
 * relative pronoun or a comma ("his opening remarks, Trump said"). */
static bool content_may_start(const ctx *c, const span *s, size_t j) {
    if (j >= s->b || at_end(s, j)) {
        return false;
    }
    if (c->v[j].quoted) {
        return true;
    }
    int32_t p = punct(c, j);
    if (p != 0) {
        return p == ':' || family(p) != FAMILY_NONE;
    }
    uint32_t b = bits(c, j);
    if (b & (FL_W_VERB | FL_W_AUX | FL_W_RELATIVE)) {
        return false;
    }
    if ((b & FL_W_PREP) && !folded_is(c, j, "to") && !folded_is(c, j, "about") &&
        !folded_is(c, j, "for") && !folded_is(c, j, "on")) {
        return false;
    }
    if ((b & FL_W_CONJ) && !(b & FL_W_OPENER)) {
        return false;
    }
    return true;
}

/* Is the subject before vg a document or a role ("Polls in New Hampshire", "officials")? */
static bool source_subject(const ctx *c, const span *s, size_t vg) {
    if (vg > s->a && form(c, vg) == FL_FORM_ING && (bits(c, vg - 1) & FL_W_PREP)) {
        return false; /* "teamed up with growers in writing a bill": a gerund has no subject here */
    }
    for (size_t j = vg; j > s->a && vg - j < MAX_SUBJECT_TOKENS; j--) {
        if ((!speaker_token(c, j - 1) && !folded_is(c, j - 1, "in")) ||
            (bits(c, j - 1) & FL_W_CONJ)) {
            return false;
        }
        if ((bits(c, j - 1) & (FL_W_SOURCE | FL_W_ROLE)) || (j < vg && plural(c, j - 1))) {
            return true; /* "Polls in New Hampshire show", "Demonstrators in Bern demand" */
        }
    }
    return false;
}

/* Does "what" (or "which") open the clause of the verb group at vg, a few words before
 * ("in what Kiev claims is …", "what officials call …")? Then the verb's object is that
 * word, and a verb may follow it at once. */
static bool after_what(const ctx *c, const span *s, size_t vg) {
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

/* A quantifier that can stand for people: "Some say", "Many believe", "Most think". */
static bool quantifier(const ctx *c, size_t i) {
    /* by length: a word is compared only with the quantifiers as long as it */
    switch (c->k[i].fold_len) {
    case 3:
        return folded_is(c, i, "all") || folded_is(c, i, "few") || folded_is(c, i, "one");
    case 4:
        return folded_is(c, i, "some") || folded_is(c, i, "many") || folded_is(c, i, "most") ||
               folded_is(c, i, "both") || folded_is(c, i, "each") || folded_is(c, i, "half") ||
               folded_is(c, i, "none");
    case 6:
        return folded_is(c, i, "others") || folded_is(c, i, "either");
    case 7:
        return folded_is(c, i, "several") || folded_is(c, i, "another") ||
               folded_is(c, i, "neither");
    default:
        return false;
    }
}

/* Is the past form at i, right after the quantifier at p, the verb of a clause rather than
 * a noun the quantifier determines ("all vows")? A past form is no noun: it is the verb when
 * the quantifier floats after its subject ("They all vowed", "The growers both warned",
 * "Lind and Reyes each claimed") or stands for people before a clause or an infinitive
 * ("Both promised to …", "Many claimed that …"); not "Some reported cases …". */
static bool quantifier_subject_past(const ctx *c, const span *s, size_t p, size_t i) {
    if (form(c, i) != FL_FORM_PAST || c->v[p].quoted || !quantifier(c, p)) {
        return false;
    }
    bool floating = (folded_is(c, p, "all") || folded_is(c, p, "both") ||
                     folded_is(c, p, "each")) &&
                    p > s->a && is_word(c, p - 1) && !c->v[p - 1].quoted &&
                    (folded_is(c, p - 1, "they") || folded_is(c, p - 1, "we") || plural(c, p - 1) ||
                     (c->k[p - 1].upper && !(bits(c, p - 1) & ~FL_W_SOURCE)));
    bool clause = i + 1 < s->b && !c->v[i + 1].quoted &&
                  (folded_is(c, i + 1, "to") || (bits(c, i + 1) & FL_W_OPENER));
    return floating || clause;
}

/* Does token i look like a plural noun ("Republicans", "voters"): a word in -s that is no
 * function word? */
static bool plural(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    if (!is_word(c, i) || k->fold_len < 3 || (bits(c, i) & ~(FL_W_ROLE | FL_W_SOURCE))) {
        return false;
    }
    const uint8_t *f = folded_at(c, k);
    return f[k->fold_len - 1] == 's' && f[k->fold_len - 2] != 's';
}

/* Does a clause start at j: a pronoun, a name, a determiner or a complementiser ("saying
 * they …", "fear Mrs. Clinton would …")? */
static bool clause_follows(const ctx *c, const span *s, size_t j) {
    if (j >= s->b || !is_word(c, j) || c->v[j].quoted) {
        return false;
    }
    uint32_t b = bits(c, j);
    if (b & (FL_W_PRON | FL_W_OPENER | FL_W_DET)) {
        return !(b & FL_W_RELATIVE) || folded_is(c, j, "who");
    }
    return c->k[j].upper && !(b & (FL_W_PREP | FL_W_CONJ));
}

/* Does a gerund with its object start at j ("raising the levy", "reforming it", "cutting
 * costs"): the object of a verb of stance, not a noun ("support staff")? */
static bool gerund_object(const ctx *c, const span *s, size_t j) {
    if (j + 1 >= s->b || !ing_word(c, j) || c->v[j].quoted || (bits(c, j) & FL_W_TIME) ||
        !is_word(c, j + 1)) {
        return false;
    }
    uint32_t b = bits(c, j + 1);
    return (b & (FL_W_DET | FL_W_PRON)) || quantifier(c, j + 1) ||
           (c->k[j + 1].lower && !(b & (FL_W_PREP | FL_W_CONJ | FL_W_AUX | FL_W_VERB)));
}

/* Does the comma at p close an apposition after a name ("Jake Sullivan, her aide, calls
 * …")? The comma that opens it must follow words that name someone; after "In the end,"
 * no one is named. */
static bool after_apposition(const ctx *c, const span *s, size_t p) {
    size_t open = p;
    while (open > s->a && punct(c, open - 1) != ',') {
        open--;
    }
    if (open <= s->a + 1) {
        return false;
    }
    size_t start = open - 1;
    while (start > s->a && punct(c, start - 1) != ',') {
        start--;
    }
    return names_someone(c, start, open - 1);
}

/* Can a verb stand at token i, after its subject? Reads the token before the verb group
 * [vg, i): a determiner or a preposition there makes the word a noun or an adjective ("the
 * claims", "his plans", "of alleged"); a base form without an auxiliary needs a pronoun or
 * a plural subject; a word that is also a noun is a noun before another verb ("Insurance
 * claims rose") or before "of" ("claims of fraud"). */
/* Does an indefinite noun phrase ("a firm", "one small PAC") end right before vg, behind a
 * word that keeps it from opening its clause (a preposition, a verb: "including a firm",
 * "at a consulting firm")? */
static bool object_indefinite(const ctx *c, const span *s, size_t vg) {
    static const char *const articles[] = {"a", "an", "one", "another"};
    for (size_t d = vg; d > s->a + 1 && vg - d < 4;) {
        d--;
        if (!is_word(c, d) || c->v[d].quoted) {
            return false;
        }
        if (folded_in(c, d, articles, sizeof articles / sizeof articles[0])) {
            size_t w = d - 1;
            return d < vg - 1 && is_word(c, w) && c->k[w].lower &&
                   !(bits(c, w) & (FL_W_CONJ | FL_W_OPENER | FL_W_RELATIVE | FL_W_ADV | FL_W_TIME));
        }
        if (bits(c, d) & (FL_W_VERB | FL_W_AUX | FL_W_CONJ | FL_W_PREP | FL_W_OPENER | FL_W_PRON |
                          FL_W_DET | FL_W_RELATIVE)) {
            return false;
        }
    }
    return false;
}

/* Is "called" at i (no auxiliary) after a noun followed by a name alone: capitalised words
 * or a quotation that opens with a capital (after "the" or not), and then the sentence's
 * end, a comma or the clause's
 * own verb ("A new fund called Tilden First is running ads.", 'a group called the "Tilden
 * Fund."')? Speech names a label after the name ("called Lind a liar", 'called Brandt
 * "reckless"'); after a pronoun the quotation is the label ('what he called "a sham"'). */
static bool name_alone_after(const ctx *c, const span *s, size_t vg, size_t i) {
    if (!(bits(c, i) & FL_W_CALLED) || form(c, i) != FL_FORM_PAST || vg != i || vg <= s->a ||
        i + 1 >= s->b) {
        return false;
    }
    size_t n = vg - 1; /* the noun named */
    if (!is_word(c, n) || c->v[n].quoted ||
        (bits(c, n) & (FL_W_PRON | FL_W_RELATIVE | FL_W_CONJ | FL_W_OPENER | FL_W_PREP | FL_W_AUX |
                       FL_W_ADV | FL_W_DET | FL_W_TIME))) {
        return false;
    }
    size_t k = i + 1;
    if (folded_is(c, k, "the") && k + 1 < s->b) {
        k++;
    }
    size_t m;
    if (family(punct(c, k)) != FAMILY_NONE && k + 1 < s->b && c->v[k + 1].quoted) {
        if (!is_word(c, k + 1) || !c->k[k + 1].upper) {
            return false; /* a label: 'what Lind called "a theft"' */
        }
        m = quotation_end(c, s, k);
    } else {
        m = k;
        while (m < s->b && m - k < 5 && is_word(c, m) && !c->v[m].quoted &&
               (c->k[m].upper || c->k[m].all_digits) && !(bits(c, m) & FL_W_PRON)) {
            m++;
        }
        if (m == k || (m < s->b && c->t[m].kind == FL_TOKEN_CLITIC)) {
            return false;
        }
    }
    if (m >= s->b || at_end(s, m) || punct(c, m) == ',') {
        return true;
    }
    return is_word(c, m) && !c->v[m].quoted && c->k[m].lower &&
           ((bits(c, m) & FL_W_AUX) || finite_verb(c, m));
}

/* Is the verb of naming at i (group [vg, i)) a name given to the indefinite object before
 * it ("including a firm called Harbour Data")? Inline: its first test (a verb of naming)
 * fails on almost every cue, and the call cost more than the test. */
static inline bool given_name(const ctx *c, const span *s, size_t vg, size_t i) {
    return (bits(c, i) & FL_W_CALLED) && form(c, i) == FL_FORM_PAST && vg == i && i + 1 < s->b &&
           (c->k[i + 1].upper || family(punct(c, i + 1)) != FAMILY_NONE) &&
           object_indefinite(c, s, vg);
}

/* Is the verb at i (group [vg, i)) a participle that gives a name or a label, without an
 * auxiliary: "The levy, often referred to as the toll, …", "growers, many of them known as
 * …"? The clause is reduced; it names no one who says the label. */
static bool naming_participle(const ctx *c, const span *s, size_t vg, size_t i) {
    if (!(i + 2 < s->b && ((folded_is(c, i, "known") && folded_is(c, i + 1, "as")) ||
                           (folded_is(c, i, "referred") && folded_is(c, i + 1, "to") &&
                            folded_is(c, i + 2, "as"))))) {
        return false;
    }
    for (size_t j = vg; j < i; j++) {
        if (bits(c, j) & FL_W_AUX) {
            return false;
        }
    }
    return true;
}

/* Is the verb at i "call" with "for" or "on" after it (one adverb may stand between), an
 * appeal ("the groups called for a ban", "calling on voters to stay home", "called again for
 * a recount")? A name given ("a charity called For Our Future") has a capital there, a
 * passive ("the ban called for by the council") has "by" after. */
static bool appeal_call(const ctx *c, const span *s, size_t i) {
    if (!(lemma_class(c->v[i].cue) & FL_C_CALL)) {
        return false;
    }
    size_t j = i + 1;
    if (j + 1 < s->b && (folded_is(c, j, "again") || ly_adverb(c, j, s->a))) {
        j++;
    }
    return j + 1 < s->b && c->k[j].lower && (folded_is(c, j, "for") || folded_is(c, j, "on")) &&
           is_word(c, j + 1) && !folded_is(c, j + 1, "by");
}

/* Is the word before i a lower-case adjective by its ending, no cue or function word
 * ("verbal charges", "sweeping plans", "renewed doubts", "a forceful promise")? A word that
 * is also a noun is that noun after it. People are named by roles, which have their bits
 * ("the official claims"). */
static bool modifier_before(const ctx *c, const span *s, size_t i) {
    static const char *const endings[] = {"ing", "ous", "ful", "ible", "able", "ive", "al", "ic"};
    if (i == s->a || !is_word(c, i - 1) || !c->k[i - 1].lower || bits(c, i - 1) != 0) {
        return false;
    }
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        if (suffix_is(c, i - 1, endings[k], 5)) {
            return true;
        }
    }
    return false;
}

/* Does an appeal at i ("called for", "called on", appeal_call()) ask someone to act, in an
 * infinitive after a noun phrase of at most MAX_SPEAKER_WORDS words ("called on Kyiv to
 * withdraw", "called for the mayor to resign")? It is an appeal even after a singular noun
 * ("The prince called for …"); "the county called for Brandt" gives a result, and "The
 * bill called for a ban" a paper's content. */
static bool appeal_object(const ctx *c, const span *s, size_t i) {
    size_t k = i + 1;
    while (k < s->b && !folded_is(c, k, "for") && !folded_is(c, k, "on")) {
        k++; /* past the adverb appeal_call() allows */
    }
    k++;
    if (k >= s->b || !is_word(c, k)) {
        return false;
    }
    for (size_t t = k + 1; t + 1 < s->b && t - k <= MAX_SPEAKER_WORDS; t++) {
        if (folded_is(c, t, "to") && is_word(c, t + 1) && c->k[t + 1].lower) {
            return true;
        }
        if (!is_word(c, t) && c->t[t].kind != FL_TOKEN_CLITIC && punct(c, t) != '.') {
            return false;
        }
    }
    return false;
}

/* Is the preposition at p one that makes a gerund after it a topic or a reason ("blamed
 * for telling", "fears of seeing", "keen on telling", "angry at being")? The act is named,
 * not reported; "by", "in", "after", "while" and "without" tell how or when a subject acted
 * ("by saying", "while discussing"). */
static bool topic_preposition(const ctx *c, size_t p) {
    static const char *const preps[] = {"for", "of", "on", "with", "at"};
    return folded_in(c, p, preps, sizeof preps / sizeof preps[0]);
}

/* Does "assume" at i take up a post ("assumed office", "assumes the presidency", "assumed
 * command of the unit")? Taking it is a deed, no belief; "assumed the vote was fair" keeps
 * its stance. */
static bool assumes_post(const ctx *c, const span *s, size_t i) {
    static const char *const post[] = {"office",  "presidency",   "power",      "command",
                                       "control", "chairmanship", "leadership", "throne"};
    if (!lemma_is(c->v[i].cue, "assume") || form(c, i) == FL_FORM_ING) {
        return false;
    }
    size_t k = i + 1;
    if (k < s->b && (bits(c, k) & (FL_W_DET | FL_W_PRON))) {
        k++; /* "the presidency", "his office" */
    }
    return k < s->b && !c->v[k].quoted && folded_in(c, k, post, sizeof post / sizeof post[0]) &&
           (at_end(s, k + 1) || k + 1 >= s->b || !is_word(c, k + 1) ||
            (bits(c, k + 1) & (FL_W_PREP | FL_W_CONJ | FL_W_TIME | FL_W_ADV)));
}

/* Does "claim" at i take lives or land as its object ("the fire claimed 12 lives", "as it
 * claims more territory")? A toll or a capture, no statement; "claimed the levy was
 * illegal" keeps its cue. */
static bool claims_toll(const ctx *c, const span *s, size_t i) {
    static const char *const toll[] = {"lives", "life", "territory", "land"};
    if (!lemma_is(c->v[i].cue, "claim") || form(c, i) == FL_FORM_BASE) {
        return false;
    }
    for (size_t k = i + 1; k < s->b && k - i <= 4 && is_word(c, k) && !c->v[k].quoted; k++) {
        if (bits(c, k) & (FL_W_PREP | FL_W_CONJ | FL_W_AUX | FL_W_VERB)) {
            return false;
        }
        if (folded_in(c, k, toll, sizeof toll / sizeof toll[0])) {
            return at_end(s, k + 1) || k + 1 >= s->b || !is_word(c, k + 1) ||
                   (bits(c, k + 1) & (FL_W_PREP | FL_W_CONJ | FL_W_TIME | FL_W_ADV));
        }
    }
    return false;
}

/* Does "post" at i record a result ("posted a narrow victory", "posts a record loss")? A
 * score on the board, not a message posted; "posted a video" keeps its cue. */
static bool posts_result(const ctx *c, const span *s, size_t i) {
    static const char *const result[] = {"victory", "win",    "gain",    "gains",  "loss",
                                         "losses",  "profit", "deficit", "surplus"};
    if (!lemma_is(c->v[i].cue, "post")) {
        return false;
    }
    for (size_t k = i + 1; k < s->b && k - i <= 4 && is_word(c, k) && !c->v[k].quoted; k++) {
        if (bits(c, k) & (FL_W_PREP | FL_W_CONJ | FL_W_AUX | FL_W_VERB)) {
            return false;
        }
        if (folded_in(c, k, result, sizeof result / sizeof result[0])) {
            return true;
        }
    }
    return false;
}

static bool verb_here(const ctx *c, const span *s, size_t i, size_t vg) {
    uint32_t b = bits(c, i);
    uint8_t f = form(c, i);
    uint8_t cls = lemma_class(c->v[i].cue); /* the lemma tests below read it, first */
    bool has_aux = vg < i;
    /* in_title_case() last: it reads the whole sentence the first time, and a capital
     * verb mostly opens its sentence or follows a quotation mark */
    if (c->k[i].upper && i > s->a && punct(c, i - 1) != ':' &&
        family(punct(c, i - 1)) == FAMILY_NONE && !c->k[i - 1].all_digits && !in_title_case(c, s)) {
        return false; /* a capital inside a sentence starts a name: "spokeswoman Hope Hicks" */
    }
    if (i + 1 < s->b && folded_is(c, i + 1, "up")) {
        return false; /* "showed up", "called up": another verb */
    }
    if (i > s->a && i + 1 < s->b && folded_is(c, i, "told") && folded_is(c, i - 1, "all") &&
        punct(c, i + 1) == ',' && (i - 1 == s->a || is_separator(c, i - 2))) {
        return false; /* "All told, the levy raised …": a sum, no one told anything */
    }
    if (i + 1 < s->b && (folded_is(c, i + 1, "out") || folded_is(c, i + 1, "down")) &&
        lemma_is(c->v[i].cue, "knock")) {
        return false; /* "knocked out funding", "was knocked down": a blow, no criticism */
    }
    if ((f == FL_FORM_PAST || f == FL_FORM_PP) && vg == i && i > s->a + 1 && i + 1 < s->b &&
        adjective_participle(c, i)) {
        /* "a politically charged visit", "the newly identified emails", "the least favored
         * candidates": after an article or a possessive and an adverb, before the noun */
        return false;
    }
    if (i + 2 < s->b && lemma_is(c->v[i].cue, "add") && folded_is(c, i + 1, "to") &&
        (bits(c, i + 2) & FL_W_DET) && !(bits(c, i + 2) & FL_W_PRON)) {
        return false; /* "The delay added to the confusion": made it more, said nothing */
    }
    if (i > s->a && (cls & FL_C_CALL) && folded_is(c, i - 1, "roll")) {
        return false; /* "a roll call vote": a count of votes, no appeal */
    }
    if (assumes_post(c, s, i)) {
        return false; /* "When she assumed office in 2007, …": a deed, not a belief */
    }
    if (claims_toll(c, s, i)) {
        return false; /* "The flood claimed 12 lives": a toll, no statement */
    }
    if (posts_result(c, s, i)) {
        return false; /* "posted a narrow victory": a result, no message */
    }
    if (i + 1 < s->b && lemma_is(c->v[i].cue, "boast") &&
        (((bits(c, i + 1) & FL_W_DET) && !folded_is(c, i + 1, "that")) || c->k[i + 1].all_digits ||
         number_word(c, i + 1) || folded_is(c, i + 1, "just"))) {
        /* "She boasts a 45-point lead", "The town boasts just one shop": has, says nothing;
         * one boasts that, of or about */
        return false;
    }
    if (i + 1 < s->b && lemma_is(c->v[i].cue, "decline") &&
        (c->k[i + 1].all_digits || number_word(c, i + 1) || folded_is(c, i + 1, "by") ||
         folded_is(c, i + 1, "from"))) {
        /* "Trade declined 40 percent", "declined by nine points", "declined from 1989 to
         * 2013": a fall that is measured; a refusal takes "to" or an object */
        return false;
    }
    if ((cls & FL_C_CALL) && i > s->a + 1 && folded_is(c, i - 1, "to") &&
        folded_is(c, i - 2, "close")) {
        return false; /* "too close to call for hours": a race no one could call yet */
    }
    if (i + 2 < s->b && folded_is(c, i + 1, "to") && folded_is(c, i + 2, "mind")) {
        return false; /* "the vote called to mind …": brought back a memory, said nothing */
    }
    if (((cls & FL_C_RAIL) && !(i + 1 < s->b && folded_is(c, i + 1, "against"))) ||
        ((cls & FL_C_LASH) && !(i + 1 < s->b && folded_is(c, i + 1, "out")))) {
        return false; /* "railed against", "lashed out at"; not "the rail line", "lashed the
                       * coast" */
    }
    if (((cls & FL_C_OFF) != 0) != (i + 1 < s->b && folded_is(c, i + 1, "off"))) {
        /* "shrugged off the attack", "rattled off a list" report, "shrugged" alone does
         * not; "called off the deal", "showed off a hat" are other verbs */
        return false;
    }
    if (i + 1 < s->b && (folded_is(c, i + 1, "tank") || folded_is(c, i + 1, "tanks")) &&
        folded_is(c, i, "think")) {
        return false; /* "a think tank": a noun */
    }
    if (vg == i && i == s->a + 1 && folded_is(c, s->a, "that") && i + 1 < s->b &&
        punct(c, i + 1) == ',') {
        return false; /* "That said, …": the writer's "nevertheless" */
    }
    if (f == FL_FORM_ADJ && i + 1 < s->b && lemma_is(c->v[i].cue, "critical") &&
        (folded_is(c, i + 1, "to") || folded_is(c, i + 1, "for"))) {
        return false; /* "Data is critical to winning": needed, no criticism ("critical of") */
    }
    if (f == FL_FORM_ADJ) {
        return passive_group(c, vg, i); /* "are concerned that", not "a concerned voter" */
    }
    if ((b & FL_W_CALLED) && f == FL_FORM_PAST && !has_aux && vg > s->a &&
        ((punct(c, vg - 1) == ',' && !after_apposition(c, s, vg - 1)) ||
         (is_word(c, vg - 1) && c->k[vg - 1].lower && bits(c, vg - 1) == 0)) &&
        !(i + 1 < s->b && ((bits(c, i + 1) & (FL_W_DET | FL_W_PRON)) ||
                           (appeal_call(c, s, i) && (punct(c, vg - 1) == ',' || plural(c, vg - 1) ||
                                                     appeal_object(c, s, i)))))) {
        /* "a charity called Clear Water Pledge": a name given, no one's claim; but "…,
         * called on the banks to …", "…, called for a ban", "The prince called for Lind
         * to quit" appeal */
        return false;
    }
    if ((cls & FL_C_CALL) && f == FL_FORM_PAST && has_aux && passive_group(c, vg, i) &&
        i + 2 < s->b && folded_is(c, i + 1, "for") && c->k[i + 2].upper) {
        /* "the county was called for Brandt": an election result, no appeal */
        return false;
    }
    if ((cls & FL_C_CONSIDER) && f == FL_FORM_PAST && !has_aux && vg > s->a && is_word(c, vg - 1) &&
        c->k[vg - 1].lower && bits(c, vg - 1) == 0 && i + 1 < s->b &&
        ((bits(c, i + 1) & FL_W_DET) || folded_is(c, i + 1, "one"))) {
        /* "a grower considered one of the best", "an appointee considered a moderate":
         * a reduced passive after a noun, the writer's description */
        return false;
    }
    if (given_name(c, s, vg, i)) {
        /* "…, including a firm called Harbour Data", "works at a consulting firm called
         * Tilden Partners": an indefinite noun phrase that does not open its clause is an
         * object, and what it is called is a name given */
        return false;
    }
    if ((b & FL_W_NOUNLIKE) && (f == FL_FORM_S || f == FL_FORM_BASE) &&
        !content_may_start(c, s, i + 1) && !after_what(c, s, vg)) {
        return false; /* "claims rose", "claims of fraud", "his opening remarks, Trump" */
    }
    if ((b & FL_W_NOUNLIKE) && (f == FL_FORM_S || f == FL_FORM_BASE) && !has_aux && i > s->a + 1 &&
        (c->k[i - 1].all_digits || number_word(c, i - 1)) && is_word(c, i - 2) &&
        (!(bits(c, i - 2) & (FL_W_OPENER | FL_W_CONJ)) || folded_is(c, i - 2, "than")) &&
        !(i + 1 < s->b && (folded_is(c, i + 1, "to") || (bits(c, i + 1) & FL_W_OPENER)))) {
        /* "60 points ahead", "the three reports": a noun that is counted; but a number that
         * opens its clause is a subject ("Two claim that …", "Dozens report …"); after
         * "than" the number is a comparison's ("more than 60 points ahead") */
        return false;
    }
    /* number_word() and plural() last: the flags before them rule out most past forms */
    if (f == FL_FORM_PAST && !has_aux && i > s->a + 1 && is_word(c, i - 1) && i + 1 < s->b &&
        c->k[i + 1].lower && c->t[i - 2].kind != FL_TOKEN_PUNCT &&
        !(bits(c, i - 2) & (FL_W_OPENER | FL_W_CONJ)) &&
        (c->k[i - 1].all_digits || number_word(c, i - 1)) && plural(c, i + 1)) {
        /* "the state's 20 pledged delegates", "her five proposed bills": between a number
         * and the plural noun it counts, a past form is an adjective; but a number that
         * opens its clause is a subject ("Two said voters …") */
        return false;
    }
    if ((b & FL_W_NOUNLIKE) && (f == FL_FORM_S || f == FL_FORM_BASE) && vg == i &&
        modifier_before(c, s, i)) {
        return false; /* "fairly expansive plans to …", "renewed doubts about …": a noun */
    }
    /* a noun may look like a verb; before "to" or "that" it is one ("vows to press on") */
    bool verbal = !(b & FL_W_NOUNLIKE) || f == FL_FORM_PAST || appeal_call(c, s, i) ||
                  (i + 1 < s->b && (folded_is(c, i + 1, "to") || (bits(c, i + 1) & FL_W_OPENER)));
    if (vg == s->a) {
        /* at the start: "Asked about …", "Asserting …" open a participle clause; other
         * verbs need a subject */
        return ((f == FL_FORM_PAST && (b & FL_W_RECIPIENT)) || f == FL_FORM_ING) && verbal;
    }
    size_t p = vg - 1;
    if ((punct(c, p) == '.' || punct(c, p) == '%') && !c->t[p].space_before && p > s->a &&
        is_word(c, p - 1)) {
        p--; /* "Dana K. Reyes Jr. said", "47% say": a period or a percent sign */
    }
    if (has_aux && f != FL_FORM_ING && !(bits(c, p) & FL_W_DET)) {
        return true; /* "have vowed", "will say", "did not deny" */
    }
    if (c->t[p].kind == FL_TOKEN_PUNCT) {
        int32_t q = quote_comma(c, s, p) ? ',' : punct(c, p);
        if (f == FL_FORM_ING) {
            return q == ',' || q == '(' || q == ';' || spaced_dash(c, p);
        }
        /* "Carl Benning, head of the council, said …", "Sen. Dorsey (D-Ore.) said …",
         * "analysts - including a few at the bank - warn": an apposition, a bracket or a
         * dash closes the subject. A word that is also a noun is a verb there before an
         * object, after an apposition ("Tom Ralston, her aide, calls her plan a roadmap"). */
        bool object_after = f == FL_FORM_S && q == ',' && i + 1 < s->b &&
                            (bits(c, i + 1) & (FL_W_PRON | FL_W_DET)) && !quantifier(c, i + 1) &&
                            after_apposition(c, s, p);
        return (q == ',' || q == ')' ||
                ((q == 0x2014 || q == '-' || q == 0x2013) && spaced_dash(c, p))) &&
               (verbal || object_after) && f != FL_FORM_PP;
    }
    if (c->t[p].kind == FL_TOKEN_HYPHEN) {
        return false; /* "so-called", "self-proclaimed" */
    }
    if (c->t[p].kind == FL_TOKEN_CLITIC && !has_aux) {
        /* "Trump's claims", "the convention's pledged delegates": a possessive; but "he's
         * said" (has) */
        if (!(p > s->a && (bits(c, p - 1) & FL_W_PRON))) {
            return false;
        }
    }
    uint32_t pb = bits(c, p);
    if (f == FL_FORM_BASE && !has_aux && !(b & FL_W_NOUNLIKE) && i + 1 < s->b && is_word(c, p) &&
        (c->k[p].lower || c->k[p].all_digits) && !plural(c, p) &&
        !(pb & (FL_W_PRON | FL_W_ROLE | FL_W_SOURCE | FL_W_PREP)) &&
        (folded_is(c, i + 1, "of") || (p > s->a && (bits(c, p - 1) & FL_W_DET) &&
                                       !quantifier(c, p - 1) && (bits(c, i + 1) & FL_W_PREP)))) {
        /* "carried little mention of them", "the mere mention of", "has the final say on":
         * a noun after a quantifier or an adjective, before its preposition */
        return false;
    }
    if ((pb & FL_W_DET) && has_aux && f != FL_FORM_ING && quantifier(c, p)) {
        return true; /* "Both have promised …": after an auxiliary no word is a noun */
    }
    if (pb & FL_W_DET) {
        /* "Some say", "Many believed": a quantifier standing for people; "They all vowed": one
         * that floats after its subject */
        return ((f == FL_FORM_BASE || f == FL_FORM_PAST) && !(b & FL_W_NOUNLIKE) &&
                quantifier(c, p)) ||
               quantifier_subject_past(c, s, p, i);
    }
    if (pb & FL_W_PREP) {
        /* "refused to say", "by saying", "without saying"; not "What to expect", whose
         * infinitive has nobody to expect */
        if (f == FL_FORM_BASE) {
            return folded_is(c, p, "to") && p > s->a && is_word(c, p - 1) &&
                   !(bits(c, p - 1) & FL_W_OPENER);
        }
        return f == FL_FORM_ING && (!(b & FL_W_NOUNLIKE) || appeal_call(c, s, i)) &&
               !topic_preposition(c, p);
    }
    if (f == FL_FORM_ING) {
        /* "is saying", "and saying"; "a third of donors saying they …", "a poll showing
         * that …"; a gerund after a noun is a noun phrase otherwise, and after "had" an
         * adjective ("had opposing views") */
        if ((has_aux && passive_group(c, vg, i)) || (pb & FL_W_CONJ)) {
            return true;
        }
        if (title_noun_ing(c, s, vg, i, p)) {
            return false;
        }
        bool real_aux = false; /* "had opposing" (an adjective), not "relentlessly referring" */
        for (size_t j = vg; j < i; j++) {
            real_aux |= (bits(c, j) & FL_W_AUX) != 0;
        }
        /* "released a statement saying, "…"": after a speech act a comma may stand before
         * the quotation (not after any noun: "depicts an aide asking, "…"") */
        bool comma_quote = i + 3 < s->b && punct(c, i + 1) == ',' &&
                           family(punct(c, i + 2)) != FAMILY_NONE && c->v[i + 3].quoted &&
                           speech_act_start(c, s, i, s->a) != i;
        return !real_aux && (b & (FL_W_SPEECH | FL_W_EVIDENCE | FL_W_STANCE)) && is_word(c, p) &&
               !(pb & (FL_W_PREP | FL_W_AUX)) &&
               (clause_follows(c, s, i + 1) ||
                (!(b & FL_W_NOUNLIKE) && (content_may_start(c, s, i + 1) || comma_quote)));
    }
    if (f == FL_FORM_BASE) {
        if (has_aux || (pb & FL_W_PRON)) {
            return true;
        }
        if (b & FL_W_NOUNLIKE) {
            /* "the campaign plan", "Trump support"; but "Polls in New Hampshire show",
             * "many Democrats fear Mr. Benning would …" */
            return source_subject(c, s, vg) || (i + 1 < s->b && (bits(c, i + 1) & FL_W_OPENER)) ||
                   (plural(c, p) && (clause_follows(c, s, i + 1) || gerund_object(c, s, i + 1) ||
                                     appeal_call(c, s, i)));
        }
        /* "officials say", "those surveyed say": a plural subject; in a title-case
         * headline every word has a capital, so a plural is needed ("Cash Cry" is a noun) */
        return is_word(c, p) && !(pb & (FL_W_CONJ | FL_W_OPENER | FL_W_ADV)) &&
               (plural(c, p) || (pb & (FL_W_ROLE | FL_W_SOURCE)) || !in_title_case(c, s));
    }
    if (f == FL_FORM_PP) {
        return has_aux;
    }
    if (pb & (FL_W_OPENER | FL_W_CONJ)) {
        /* "that said", "and said" share a subject named earlier; "who said" has one */
        return !(b & FL_W_NOUNLIKE) || (pb & FL_W_RELATIVE) || f == FL_FORM_PAST;
    }
    return true;
}

/* A lower-case word in -ed, no cue word, that no determiner or preposition precedes
 * ("voted", "pivoted"; not "the alleged"): a past, a participle or an adjective ("worried");
 * the caller's context tells which. */
static bool ed_word(const ctx *c, const span *s, size_t i) {
    return suffix_is(c, i, "ed", 5) && c->k[i].lower && c->v[i].cue == NULL &&
           !(i > s->a && (bits(c, i - 1) & (FL_W_DET | FL_W_PREP)));
}

/* The start of the verb group of v, a verb that heads a longer cue (a catenative verb, the
 * deed of a speech act), no earlier than from; SIZE_MAX when v is no free lower-case word
 * (a name, a quoted word, or a word another attribution already gave a part). */
static size_t head_verb_group(const ctx *c, const span *s, size_t v, size_t from) {
    if (!is_word(c, v) || !c->k[v].lower || c->v[v].quoted || c->v[v].role != FL_ROLE_NONE) {
        return SIZE_MAX;
    }
    size_t g = verb_group_start(c, s, v);
    return g < from ? from : g;
}

/* Where the verb chain of an infinitive or gerund cue at i (verb group [vg, i)) starts: a
 * catenative verb before "to", or before "by"/"in" and a gerund, heads the chain ("went on
 * to say", "continued to question", "voted to endorse", "pivoted to arguing", "responded by
 * saying"). PolNeAR's cue is the chain, and its speaker stands before it. vg when there is
 * no such verb. */
/* Does a topic start at j: "about" or "of", after at most one adverb in -ly ("spoke
 * about the levy", "spoke passionately about her father", "spoke favorably of")? */
static bool topic_after(const ctx *c, const span *s, size_t j) {
    if (j + 1 < s->b && ly_adverb(c, j, s->a)) {
        j++;
    }
    return folded_is(c, j, "about") || folded_is(c, j, "of");
}

/* Is the word at i a verb of beginning, going on or stopping, which takes a gerund
 * ("began", "keeps", "stopped")? */
static bool aspect_verb(const ctx *c, size_t i) {
    static const char *const verbs[] = {
        "begin",     "begins",     "began",   "beginning", "start",   "starts",   "started",
        "starting",  "keep",       "keeps",   "kept",      "keeping", "continue", "continues",
        "continued", "continuing", "stop",    "stops",     "stopped", "stopping", "quit",
        "quits",     "resume",     "resumes", "resumed",   "resuming"};
    return folded_in(c, i, verbs, sizeof verbs / sizeof verbs[0]);
}

static size_t catenative_start(const ctx *c, const span *s, size_t vg, size_t i, size_t from) {
    uint8_t f = form(c, i);
    if (vg != i || vg < from + 2 || (f != FL_FORM_BASE && f != FL_FORM_ING)) {
        return vg;
    }
    size_t t = vg - 1;
    bool to = folded_is(c, t, "to");
    if (f == FL_FORM_ING && aspect_verb(c, t) &&
        !(t > from && (bits(c, t - 1) & (FL_W_DET | FL_W_PREP)))) {
        /* "began dismissing the notion", "kept asking her why": a verb of beginning,
         * going on or stopping heads its gerund as it heads an infinitive */
        size_t g = head_verb_group(c, s, t, from);
        return g == SIZE_MAX ? vg : g;
    }
    if (!to && !(f == FL_FORM_ING && (folded_is(c, t, "by") || folded_is(c, t, "in")))) {
        return vg;
    }
    size_t v = t - 1;
    if (to && v > from && folded_is(c, v, "on")) {
        v--; /* "went on to say" */
    }
    size_t g = head_verb_group(c, s, v, from);
    if (g == SIZE_MAX) {
        return vg;
    }
    /* a need or a likelihood is no one's act, but the infinitive's subject is its subject:
     * "Lind has to remind voters …", "Growers were more likely to say …" */
    static const char *const have[] = {"has", "have", "had"};
    static const char *const likely[] = {"likely", "unlikely"};
    if (to && folded_in(c, v, have, sizeof have / sizeof have[0]) && v == g) {
        return g;
    }
    if (to && folded_in(c, v, likely, sizeof likely / sizeof likely[0])) {
        /* back over its grading: "are a little more likely to say" */
        static const char *const grades[] = {"more", "less", "most", "least", "much", "far"};
        size_t k = v;
        while (k > from && v - k < 3 && is_word(c, k - 1) &&
               (folded_in(c, k - 1, grades, sizeof grades / sizeof grades[0]) ||
                (bits(c, k - 1) & FL_W_ADV) || ly_adverb(c, k - 1, s->a))) {
            k--;
        }
        if (k > from && is_be(c, k - 1)) {
            size_t be = verb_group_start(c, s, k - 1);
            return be < from ? from : be;
        }
    }
    uint32_t b = bits(c, v);
    uint8_t vf = form(c, v);
    bool verb = (b & FL_W_VERB) || ed_word(c, s, v) ||
                ((b & ATTRIBUTION_CUES) && vf != FL_FORM_NONE && vf != FL_FORM_ADJ &&
                 verb_here(c, s, v, verb_group_start(c, s, v)));
    if (!verb || (b & (FL_W_PREP | FL_W_DET | FL_W_CONJ | FL_W_OPENER | FL_W_PRON | FL_W_TIME))) {
        return vg;
    }
    return g;
}

/* A noun for a speech act or its record at token k: a medium or a document ("statement",
 * "letter", "op-ed", "report", "poll") or a verb of saying used as a noun ("a tweet",
 * "remarks"). */
static bool speech_act_noun(const ctx *c, size_t k) {
    uint32_t b = bits(c, k);
    uint8_t f = form(c, k);
    return (b & (FL_W_MEDIUM | FL_W_SOURCE)) ||
           ((b & FL_W_SPEECH) && (b & FL_W_NOUNLIKE) && (f == FL_FORM_BASE || f == FL_FORM_S));
}

/* Is the word at v a verb of issuing a text ("issued", "released", "sent (out)", "posted")?
 * Its subject is the text's author; one who receives, reads, obtains or ignores a text
 * ("received a letter saying …") is not. */
static bool issuing_verb(const ctx *c, size_t v) {
    static const char *const verbs[] = {
        "issue",     "issues",  "issued",    "issuing",   "release",    "releases",   "released",
        "releasing", "publish", "publishes", "published", "publishing", "send",       "sends",
        "sent",      "sending", "post",      "posts",     "posted",     "posting",    "put",
        "puts",      "putting", "deliver",   "delivers",  "delivered",  "delivering", "tweet",
        "tweets",    "tweeted", "tweeting",  "circulate", "circulates", "circulated", "circulating",
        "file",      "files",   "filed",     "filing",    "write",      "writes",     "wrote",
        "written",   "writing", "run",       "runs",      "ran",        "running",    "air",
        "airs",      "aired",   "airing",    "sign",      "signs",      "signed",     "signing",
        "unveil",    "unveils", "unveiled",  "unveiling"};
    return folded_in(c, v, verbs, sizeof verbs / sizeof verbs[0]);
}

/* Where a cue starts that a verb and a speech act as its object head, before a participle at i
 * ("issued a statement saying", "released a report Tuesday showing", "sent out a letter
 * urging"): the deed reports what its object says, and PolNeAR's cue is the
 * phrase from the verb. The start of that verb's group, or i when the words before i are no
 * such phrase. */
static size_t speech_act_start(const ctx *c, const span *s, size_t i, size_t from) {
    size_t k = i;
    size_t skipped = 0;
    /* "a statement Wednesday saying", "a statement Wednesday, saying": after a comma the
     * participle may be the subject's ("interrupted her speech, shouting"), but not after
     * a verb of issuing, which the test below asks for */
    if (k > from && punct(c, k - 1) == ',') {
        k--;
    }
    while (k > from && skipped < 3 && (bits(c, k - 1) & FL_W_TIME)) {
        k--;
        skipped++;
    }
    if (k <= from + 2 || !is_word(c, k - 1) || !speech_act_noun(c, k - 1)) {
        return i;
    }
    size_t d = k - 1; /* back over at most MAX_SPEECH_ACT_MODIFIERS modifiers to the determiner */
    while (d > from && k - 1 - d < MAX_SPEECH_ACT_MODIFIERS && !(bits(c, d - 1) & FL_W_DET)) {
        d--;
        if ((!is_word(c, d) && c->t[d].kind != FL_TOKEN_HYPHEN) || c->v[d].quoted ||
            (bits(c, d) & (FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_AUX | FL_W_PRON |
                           FL_W_RELATIVE | FL_W_VERB))) {
            return i;
        }
    }
    if (d <= from + 1 || !(bits(c, d - 1) & FL_W_DET) || quantifier(c, d - 1)) {
        return i;
    }
    if (d > from + 2 && (bits(c, d - 2) & FL_W_DET) && !quantifier(c, d - 2)) {
        d--; /* "a new radio ad": "new" is a determiner for "New York", an adjective here */
    }
    size_t v = d - 2;
    if (v > from && (folded_is(c, v, "out") || folded_is(c, v, "up"))) {
        v--; /* "sent out a statement", "put up a post" */
    }
    uint32_t b = bits(c, v);
    if (ing_word(c, v) ||
        (b & (FL_W_PREP | FL_W_DET | FL_W_CONJ | FL_W_OPENER | FL_W_PRON | FL_W_TIME | FL_W_ADV |
              FL_W_AUX | FL_W_ROLE | FL_W_SOURCE | FL_W_MEDIUM | FL_W_RELATIVE))) {
        return i;
    }
    if (!issuing_verb(c, v)) {
        return i; /* "received a letter saying", "read a statement saying": not the author */
    }
    size_t g = head_verb_group(c, s, v, from);
    return g == SIZE_MAX ? i : g;
}

/* Is q's lemma the word w? Its first byte is compared first: these tests run on every cue
 * word a rule reaches, and almost every lemma differs there. */
static bool lemma_is(const fl_cue *q, const char *w) {
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
static bool folded_in(const ctx *c, size_t i, const char *const *words, size_t n) {
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

/* Is q's lemma one of lemmas[0..n)? */
static bool lemma_in(const fl_cue *q, const char *const *lemmas, size_t n) {
    if (q == NULL) {
        return false;
    }
    /* the first bytes in this loop, lemma_is() only where they agree (seldom) */
    char l0 = q->lemma[0];
    for (size_t k = 0; k < n; k++) {
        if (lemmas[k][0] == l0 && lemma_is(q, lemmas[k])) {
            return true;
        }
    }
    return false;
}

/* Is the word at v the verb of a reply: "respond", "reply", "react", "retort", "counter" or
 * "hit back", "shot back", "fired back", "pushed back"? Returns the verb's token (the first
 * of "hit back"), SIZE_MAX when v is none. */
static size_t reply_verb(const ctx *c, const span *s, size_t v) {
    static const char *const backs[] = {"hit",    "hits",    "shot",   "shoots", "fired",
                                        "fires",  "fire",    "pushed", "pushes", "push",
                                        "struck", "strikes", "lashed", "lashes"};
    if (folded_is(c, v, "back") && v > s->a) {
        if (folded_in(c, v - 1, backs, sizeof backs / sizeof backs[0])) {
            return v - 1;
        }
        return SIZE_MAX;
    }
    const fl_cue *q = c->v[v].cue;
    if (q == NULL || (q->form != FL_FORM_PAST && q->form != FL_FORM_S)) {
        return SIZE_MAX;
    }
    static const char *const lemmas[] = {"respond", "reply", "react", "retort", "counter"};
    if (lemma_in(q, lemmas, sizeof lemmas / sizeof lemmas[0])) {
        return v;
    }
    return SIZE_MAX;
}

/* Where a cue starts that a verb of reply heads, before its adjuncts, a comma and a
 * participle of saying at i ("responded Friday, saying", "hit back in a statement,
 * calling", "shot back on Twitter, arguing"), or before "by" and a gerund of saying
 * ("responded to that post by saying"): the reply is the speech act and the
 * participle says what it said, so PolNeAR's cue is the phrase from the verb of reply,
 * and its speaker the subject of that verb. i when the words before the comma are no such
 * phrase. */
static size_t reply_start(const ctx *c, const span *s, size_t i, size_t from) {
    /* "responded to the letter by calling …": with "by" the gerund is the reply's means,
     * and the words between may also name what was replied to (a "to" phrase) */
    bool by = i >= from + 4 && folded_is(c, i - 1, "by") && form(c, i) == FL_FORM_ING;
    if (i < from + 3 || (punct(c, i - 1) != ',' && !by)) {
        return i;
    }
    /* back over the adjuncts: a time, a medium, a manner ("again", "in a statement", "on
     * Twitter", "late Friday", "with a laugh") */
    for (size_t k = i - 1; k > from && i - 1 - k < MAX_ADJUNCT_TOKENS;) {
        k--;
        if (by && c->t[k].kind == FL_TOKEN_CLITIC) {
            continue; /* "to one of the mayor's posts" */
        }
        if (!is_word(c, k) || c->v[k].quoted || c->v[k].role != FL_ROLE_NONE) {
            return i;
        }
        size_t v = reply_verb(c, s, k);
        if (v != SIZE_MAX) {
            size_t g = head_verb_group(c, s, v, from);
            return g == SIZE_MAX ? i : g;
        }
        uint32_t b = bits(c, k);
        if (by && k > from && ((b & FL_W_DET) || folded_is(c, k, "that")) &&
            (bits(c, k - 1) & FL_W_PREP)) {
            continue; /* "to that tweet" */
        }
        if ((b & (FL_W_VERB | FL_W_AUX | FL_W_CONJ | FL_W_OPENER | FL_W_PRON | FL_W_RELATIVE)) ||
            ((b & ATTRIBUTION_CUES) && !(b & FL_W_MEDIUM) &&
             !(by && (b & FL_W_NOUNLIKE) && k > from &&
               ((bits(c, k - 1) & (FL_W_DET | FL_W_PREP)) || folded_is(c, k - 1, "that") ||
                c->t[k - 1].kind == FL_TOKEN_CLITIC)))) {
            return i; /* but "in a statement", and with "by" a noun: "to her remarks" */
        }
    }
    return i;
}

/* Is q (not NULL) the past of a verb of issuing a text ("issued", "released", "sent"),
 * which reports only with a speech act as its object (light_phrase)? cues.c lists these
 * forms alone, with no form of their own. */
static bool issuing_past(const fl_cue *q) {
    static const char *const lemmas[] = {"issue", "release", "publish",
                                         "send",  "deliver", "circulate"};
    return q->form == FL_FORM_NONE && lemma_in(q, lemmas, sizeof lemmas / sizeof lemmas[0]);
}

/* Is the word at i a form of "make", "take", "put", "signed", "passed", "filed" or the past of a
 * verb of issuing, which report only in a phrase (light_phrase)? */
static bool light_verb(const ctx *c, size_t i) {
    /* a class of the table (cues.c): the cue words with FL_W_QUOTE_VERB and one of these
     * lemmas (an issuing verb's past, FL_FORM_NONE); asked on most cue words of step b */
    return (lemma_class(c->v[i].cue) & FL_C_LIGHT) != 0;
}

/* a document whose release reports what it says, though alone it says nothing
 * ("released its findings", "published a list of donors", "released an excerpt"). */
static bool document_noun(const ctx *c, size_t k) {
    static const char *const docs[] = {"findings",    "list",   "excerpt", "excerpts", "transcript",
                                       "transcripts", "emails", "memo",    "memos",    "documents"};
    return folded_in(c, k, docs, sizeof docs / sizeof docs[0]);
}

/* The end of the cue that the past of a verb of issuing at i heads before its object, a
 * determiner, at most MAX_SPEECH_ACT_MODIFIERS modifiers and a speech act ("issued a
 * statement", "sent out a letter"); i when the words after i are no such phrase, or when a
 * participle of saying follows the speech act (speech_act_start() reads "issued a statement
 * saying"). *cstart is where the content starts. */
static size_t issued_speech_act(const ctx *c, const span *s, size_t i, size_t *cstart) {
    size_t d = i + 1;
    if (d + 1 < s->b && folded_is(c, d, "out")) {
        d++;
    }
    if (d + 1 >= s->b || !(bits(c, d) & FL_W_DET) || quantifier(c, d)) {
        return i;
    }
    size_t n = d + 1;
    while (!(is_word(c, n) && (speech_act_noun(c, n) || document_noun(c, n)))) {
        if (n - d > MAX_SPEECH_ACT_MODIFIERS || n + 1 >= s->b ||
            (!is_word(c, n) && c->t[n].kind != FL_TOKEN_HYPHEN) || c->v[n].quoted ||
            (bits(c, n) & (FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_AUX | FL_W_PRON |
                           FL_W_RELATIVE | FL_W_VERB | ATTRIBUTION_CUES))) {
            return i;
        }
        n++;
    }
    while (n + 1 < s->b && is_word(c, n + 1) && speech_act_noun(c, n + 1)) {
        n++; /* "a press release", "a video statement" */
    }
    size_t k = n + 1;
    while (k < s->b && k - n <= 3 && ((bits(c, k) & FL_W_TIME) || punct(c, k) == ',')) {
        k++;
    }
    if (k < s->b && form(c, k) == FL_FORM_ING && (bits(c, k) & ATTRIBUTION_CUES)) {
        return i;
    }
    /* what the text says, when it follows: a colon, a quotation or a that-clause; else the
     * content starts at the speech act ("released a video of the strike"): what comes after
     * it in the sentence is seldom what it says */
    if (n + 2 < s->b &&
        (punct(c, n + 1) == ':' || c->v[n + 2].quoted || (bits(c, n + 1) & FL_W_OPENER))) {
        *cstart = content_start(c, s, n, FL_ROLE_NONE);
        return n + 1;
    }
    *cstart = i + 1;
    return i + 1;
}

/* "As Lind put it, …", "…, as the mayor puts it.": "put" at i, "it" after it and then a
 * comma, a colon or the sentence's end, with a speaker before it that a comparative "as"
 * opens at the start of a clause (the sentence's start or after a separator). Not "as
 * he put it on the table". */
static bool as_put_it(const ctx *c, const span *s, size_t i) {
    size_t j = i + 1;
    if (j >= s->b || !folded_is(c, j, "it") || c->v[j].quoted) {
        return false;
    }
    if (!at_end(s, j + 1) && punct(c, j + 1) != ',' && punct(c, j + 1) != ':' &&
        !spaced_dash(c, j + 1)) {
        return false;
    }
    size_t vg = verb_group_start(c, s, i);
    size_t words = 0;
    size_t commas = 0; /* "As Ivo Brandt, a grower, put it" */
    for (size_t k = vg; k > s->a && vg - k < 2 * MAX_SPEAKER_TOKENS; k--) {
        size_t p = k - 1;
        if (folded_is(c, p, "as") && !c->v[p].quoted) {
            return words > 0 && commas != 1 && (p == s->a || is_separator(c, p - 1));
        }
        if (punct(c, p) == ',' && !c->v[p].quoted && (p + 1 == vg ? commas == 0 : commas == 1)) {
            commas++;
            words = 0;
            continue;
        }
        if (!speaker_token(c, p) || is_separator(c, p)) {
            return false;
        }
        words += is_word(c, p);
    }
    return false;
}

static size_t speech_act_object(const ctx *c, const span *s, size_t j, const char *const *nouns,
                                size_t n_nouns) {
    size_t n = j;
    if (n < s->b && (bits(c, n) & FL_W_DET)) {
        n++; /* "a", "no", "his", "several", "those" */
    }
    for (size_t m = 0; n + 1 < s->b; n++, m++) {
        if (!is_word(c, n) || c->v[n].quoted) {
            return SIZE_MAX;
        }
        if (folded_in(c, n, nouns, n_nouns)) {
            return n;
        }
        if (m == MAX_SPEECH_ACT_MODIFIERS || !c->k[n].lower ||
            ((bits(c, n) & ~(uint32_t)FL_W_ADV) != 0 && form(c, n) != FL_FORM_ADJ)) {
            return SIZE_MAX; /* only plain modifiers: "favorable", "similarly bigoted" */
        }
        if (n + 2 < s->b && (punct(c, n + 1) == ',' || c->t[n + 1].kind == FL_TOKEN_HYPHEN)) {
            n++; /* "a bizarre, thinly-veiled attack" */
        }
    }
    return SIZE_MAX;
}

/* The noun of a speech act that "make" takes as its object from j on, or SIZE_MAX: a
 * determiner or none, at most MAX_SPEECH_ACT_MODIFIERS modifiers, and a noun of saying
 * ("made several controversial statements on …", "made no mention of …", "made comments
 * about …", "made a bizarre, veiled attack on …"). A support verb and such a noun make one
 * act of saying whose subject is the speaker; not "made a deal", "made a mistake". */
static size_t made_speech_act(const ctx *c, const span *s, size_t j) {
    static const char *const nouns[] = {
        "statement",  "statements", "comment",     "comments",    "remark",       "remarks",
        "mention",    "reference",  "references",  "suggestion",  "promise",      "promises",
        "pledge",     "pledges",    "commitment",  "commitments", "appeal",       "plea",
        "attack",     "attacks",    "charge",      "charges",     "accusation",   "accusations",
        "claim",      "claims",     "allegation",  "allegations", "announcement", "argument",
        "arguments",  "threat",     "threats",     "vow",         "apology",      "apologies",
        "admission",  "prediction", "predictions", "assertion",   "assertions",   "complaint",
        "complaints", "pitch",      "plug",        "overture",    "overtures"};
    return speech_act_object(c, s, j, nouns, sizeof nouns / sizeof nouns[0]);
}

/* The noun of a speech act that "give" takes as its object from j on, past a pronoun that is
 * its recipient, or SIZE_MAX: an answer, an account, reasons, assurances ("gave her a lengthy
 * answer about …", "gave no reasons"); not "gave a speech", which PolNeAR marks only with
 * what it said, nor "gave money". */
static size_t given_speech_act(const ctx *c, const span *s, size_t j) {
    static const char *const nouns[] = {"answer",      "answers",      "account",      "accounts",
                                        "reasons",     "explanation",  "explanations", "assurance",
                                        "assurances",  "instructions", "hint",         "hints",
                                        "warning",     "warnings",     "details",      "indication",
                                        "indications", "version",      "story",        "stories"};
    size_t n = speech_act_object(c, s, j, nouns, sizeof nouns / sizeof nouns[0]);
    if (n == SIZE_MAX && j + 1 < s->b && object_pronoun(c, j)) {
        n = speech_act_object(c, s, j + 1, nouns, sizeof nouns / sizeof nouns[0]);
    }
    return n;
}

/* "signed" at i with a text that binds its signer as its object, within a determiner
 * and a few modifiers ("signed the bill", "signed a $305 billion measure", "signed an order
 * barring …", "signed into law"): the signer takes a stance on what the text says. The end of
 * the cue (the verb), with the content's start (the object) in *cstart; i for any other
 * object ("signed autographs", "signed with the Jets"). "passed" takes the same texts,
 * "filed" a claim ("filed a lawsuit against the county"). */
static size_t signed_text(const ctx *c, const span *s, size_t i, size_t *cstart) {
    static const char *const texts[] = {"bill",        "bills",       "law",      "laws",
                                        "measure",     "measures",    "order",    "orders",
                                        "treaty",      "pledge",      "letter",   "petition",
                                        "act",         "legislation", "accord",   "agreement",
                                        "declaration", "resolution",  "ordinance"};
    /* "filed" a claim before a court or an office: its plaintiff's charge */
    static const char *const claims[] = {"lawsuit",    "lawsuits", "suit",   "complaint",
                                         "complaints", "petition", "motion", "grievance"};
    bool file = lemma_is(c->v[i].cue, "file");
    const char *const *list = file ? claims : texts;
    size_t n = file ? sizeof claims / sizeof claims[0] : sizeof texts / sizeof texts[0];
    for (size_t k = i + 1; k < s->b && k <= i + 5; k++) {
        if (c->v[k].quoted || (bits(c, k) & (FL_W_VERB | FL_W_CONJ | FL_W_RELATIVE))) {
            return i;
        }
        if (is_word(c, k) && folded_in(c, k, list, n)) {
            *cstart = i + 1;
            return i + 1;
        }
        if (k > i + 1 && (bits(c, k) & FL_W_PREP)) {
            return i; /* "signed copies of her book" */
        }
    }
    return i;
}

/* The end of a cue phrase that "make" or "take" at i heads, with where its content starts
 * (*cstart; SIZE_MAX for none); i when the words after i are no such phrase. A light verb
 * and a noun of saying or of attack make one speech act, whose subject is the speaker:
 * - "made (it) clear" and a clause or an object ("made clear Monday they would stay",
 *   "made it clear that …", "made clear his opposition to …");
 * - "make the case", "made a point", "made the argument", with an adjective at most, before
 *   what it argues ("made a forceful case for …", "made the point that …");
 * - "took issue with", "took aim at", "took exception to", "took credit for", "took
 *   (several) swipes / shots / jabs at": a stance toward what follows;
 * - "issued a statement", "released a video": see issued_speech_act(). */
static size_t light_phrase(const ctx *c, const span *s, size_t i, size_t *cstart) {
    static const char *const make_nouns[] = {"case", "point", "argument"};
    static const char *const blows[] = {"swipe", "swipes", "shot",    "shots",
                                        "jab",   "jabs",   "potshot", "potshots"};
    *cstart = SIZE_MAX;
    size_t j = i + 1;
    if (j + 1 >= s->b || !is_word(c, j) || c->v[j].quoted) {
        return i;
    }
    if (issuing_past(c->v[i].cue)) {
        return issued_speech_act(c, s, i, cstart);
    }
    if (lemma_is(c->v[i].cue, "put")) {
        if (as_put_it(c, s, i)) {
            *cstart = content_start(c, s, j, FL_ROLE_NONE);
            return j + 1;
        }
        /* an estimate: "Officials put the toll at 40", "The poll puts her support at about 30
         * percent": an object that names a quantity, "at" and a figure; not "put the box at
         * 3 feet from the door" */
        static const char *const amounts[] = {
            "toll",   "number", "total",  "figure",  "cost",     "costs",  "support", "approval",
            "share",  "odds",   "chance", "chances", "value",    "worth",  "fortune", "price",
            "rate",   "count",  "lead",   "margin",  "turnout",  "damage", "damages", "deficit",
            "losses", "bill",   "wealth", "debt",    "spending", "income", "size",    "vote"};
        bool amount = false;
        for (size_t k = j; k + 1 < s->b && k - j <= MAX_SPEAKER_TOKENS; k++) {
            int32_t p = punct(c, k);
            if (c->t[k].kind == FL_TOKEN_CLITIC) {
                continue; /* "Lind's support" */
            }
            if (c->v[k].quoted || (p != 0 && p != '.' && p != '%' && p != '\'' && p != 0x2019) ||
                (bits(c, k) & (FL_W_AUX | FL_W_VERB | FL_W_CONJ | FL_W_RELATIVE))) {
                return i;
            }
            if (!folded_is(c, k, "at")) {
                amount |= folded_in(c, k, amounts, sizeof amounts / sizeof amounts[0]);
                continue;
            }
            for (size_t f = k + 1; amount && f < s->b && f <= k + 3; f++) {
                if (c->k[f].all_digits || punct(c, f) == '$' || number_word(c, f)) {
                    *cstart = j;
                    return i + 1;
                }
                if (!is_word(c, f) || !c->k[f].lower) {
                    break;
                }
            }
            return i;
        }
        return i;
    }
    if (lemma_is(c->v[i].cue, "sign") || lemma_is(c->v[i].cue, "pass") ||
        lemma_is(c->v[i].cue, "file")) {
        return signed_text(c, s, i, cstart);
    }
    bool make = lemma_is(c->v[i].cue, "make");
    bool give = !make && lemma_is(c->v[i].cue, "give");
    if (make || give) {
        size_t k = folded_is(c, j, "it") ? j + 1 : j;
        if (make && k < s->b && folded_is(c, k, "clear")) {
            *cstart = content_start(c, s, k, FL_ROLE_NONE);
            return k + 1;
        }
        size_t n = make ? made_speech_act(c, s, j) : given_speech_act(c, s, j);
        if (give && n == SIZE_MAX) {
            return i;
        }
        if (n != SIZE_MAX) {
            /* its topic after a preposition ("comments about the levy") is the content, as
             * is a that-clause or a quotation; an adjunct ("the comments on Friday") is not */
            static const char *const topics[] = {"of", "about", "on", "to", "for", "against"};
            if (n + 2 < s->b && !c->v[n + 1].quoted &&
                folded_in(c, n + 1, topics, sizeof topics / sizeof topics[0]) &&
                !(bits(c, n + 2) & FL_W_TIME) && !at_end(s, n + 2)) {
                *cstart = n + 2;
                return n + 2;
            }
            size_t k2 = n + 1;
            if (k2 < s->b && (folded_is(c, k2, "that") || punct(c, k2) == ':' ||
                              (k2 + 1 < s->b && c->v[k2 + 1].quoted))) {
                *cstart = content_start(c, s, n, FL_ROLE_NONE);
            }
            return n + 1;
        }
        if (!(bits(c, j) & FL_W_DET) || quantifier(c, j)) {
            return i;
        }
        k = j + 1;
        if (k + 1 < s->b && is_word(c, k) && c->k[k].lower && bits(c, k) == 0 &&
            folded_in(c, k + 1, make_nouns, sizeof make_nouns / sizeof make_nouns[0])) {
            k++; /* "a forceful case" */
        }
        /* and what it argues: "the case that …", "the case for …", "a point of saying";
         * not "made the case public" */
        static const char *const links[] = {"that", "for", "against", "to", "of", "about", "on"};
        if (k + 1 < s->b && folded_in(c, k, make_nouns, sizeof make_nouns / sizeof make_nouns[0]) &&
            (folded_in(c, k + 1, links, sizeof links / sizeof links[0]) ||
             punct(c, k + 1) == ':')) {
            *cstart = content_start(c, s, k, FL_ROLE_NONE);
            return k + 1;
        }
        return i;
    }
    size_t p = SIZE_MAX; /* the preposition that ends the phrase */
    if ((folded_is(c, j, "issue") && folded_is(c, j + 1, "with")) ||
        (folded_is(c, j, "aim") && folded_is(c, j + 1, "at")) ||
        (folded_is(c, j, "exception") && folded_is(c, j + 1, "to")) ||
        (folded_is(c, j, "credit") && folded_is(c, j + 1, "for"))) {
        p = j + 1;
    } else {
        size_t k = j;
        /* "a swipe", "several shots", "multiple swipes" */
        while (k < j + 2 && k + 1 < s->b && is_word(c, k) && c->k[k].lower &&
               !folded_in(c, k, blows, sizeof blows / sizeof blows[0]) &&
               ((bits(c, k) & FL_W_DET) || number_word(c, k) || bits(c, k) == 0)) {
            k++;
        }
        if (k + 1 < s->b && folded_in(c, k, blows, sizeof blows / sizeof blows[0]) &&
            folded_is(c, k + 1, "at")) {
            p = k + 1;
        }
    }
    if (p == SIZE_MAX) {
        return i;
    }
    if (p + 1 < s->b && !at_end(s, p + 1)) {
        *cstart = p + 1;
    }
    return p + 1;
}

/* Is the word at i a verb of portrayal ("cast", "paint", "frame", "depict", "characterize"),
 * which reports only with its object and "as" ("cast her rival as …", "was framed as …")? */
static bool portrayal_verb(const ctx *c, size_t i) {
    static const char *const lemmas[] = {"cast",   "paint",        "frame",
                                         "depict", "characterize", "characterise"};
    const fl_cue *q = c->v[i].cue;
    if (q == NULL || (q->bits & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_CLAUSE)) !=
                         (FL_W_SPEECH | FL_W_THOUGHT | FL_W_CLAUSE)) {
        return false; /* cues.c lists them with these three bits */
    }
    return lemma_in(q, lemmas, sizeof lemmas / sizeof lemmas[0]);
}

/* "cast" with a fixed object is a stance: "cast doubt on the count", "cast a ballot
 * for Lind", "cast votes against the bill" (a vote is a stance, docs/voice.md); the end of the
 * cue, with the content's start in *content, or 0 ("cast a ballot" alone, "cast a net"). */
static size_t cast_phrase(const ctx *c, const span *s, size_t i, size_t *content) {
    if (!lemma_is(c->v[i].cue, "cast")) {
        return 0;
    }
    size_t j = i + 1;
    if (j + 2 < s->b && folded_is(c, j, "doubt") &&
        (folded_is(c, j + 1, "on") || folded_is(c, j + 1, "upon") || folded_is(c, j + 1, "over"))) {
        *content = j + 2;
        return j + 2;
    }
    if (j < s->b && (bits(c, j) & FL_W_DET)) {
        j++; /* "a ballot", "their votes" */
    }
    if (j + 2 < s->b &&
        (folded_is(c, j, "vote") || folded_is(c, j, "votes") || folded_is(c, j, "ballot") ||
         folded_is(c, j, "ballots")) &&
        (folded_is(c, j + 1, "for") || folded_is(c, j + 1, "against"))) {
        *content = j + 2;
        return j + 2;
    }
    return 0;
}

/* Is the word at i a form of "vote"? */
static bool vote_word(const ctx *c, size_t i) {
    const fl_cue *q = c->v[i].cue;
    return lemma_is(q, "vote");
}

/* Where the content of a vote at i starts, with the end of its cue (*cue_end): after "for",
 * "against" or "in favor of" ("voted for Lind", "voted overwhelmingly against the bill",
 * "voted in favour of the deal"), or at "to" before a verb ("voted to repeal the tax");
 * SIZE_MAX for a vote without one ("Ohio voted Tuesday", "voted 52-48", "voted in 2012"):
 * a count, a time or a place says who voted and when, not for what. */
static size_t vote_content(const ctx *c, const span *s, size_t i, size_t *cue_end) {
    size_t j = i + 1;
    while (j < s->b && j < i + 3 && ly_adverb(c, j, s->a)) {
        j++; /* "voted overwhelmingly against" */
    }
    if (j + 1 >= s->b || !is_word(c, j) || c->v[j].quoted) {
        return SIZE_MAX;
    }
    size_t k = SIZE_MAX; /* the content's first token */
    if (folded_is(c, j, "for") || folded_is(c, j, "against")) {
        k = j + 1;
    } else if (folded_is(c, j, "in") && j + 3 < s->b &&
               (folded_is(c, j + 1, "favor") || folded_is(c, j + 1, "favour")) &&
               folded_is(c, j + 2, "of")) {
        k = j + 3;
    } else if (folded_is(c, j, "to") && is_word(c, j + 1) && c->k[j + 1].lower &&
               !(bits(c, j + 1) & (FL_W_DET | FL_W_PRON | FL_W_TIME | ATTRIBUTION_CUES))) {
        *cue_end = j;
        return j; /* "voted to repeal": the infinitive is the content; "voted to endorse"
                   * is the chain of the verb after "to" (catenative_start) */
    }
    if (k == SIZE_MAX || at_end(s, k) || !is_word_like(c, k)) {
        return SIZE_MAX;
    }
    *cue_end = k;
    return k;
}

/* Is the word at v a finite verb after a subject that "as" opens: an auxiliary other than
 * "be"/"been"/"being", a past that is no participle ("rose", "went") or an -s form, or
 * a past in -ed or an irregular one that no "to" and no preposition with its object
 * follows? Those are participles of a predicate: "someone deeply involved in …", "a move
 * aimed at …", "a tool used to …"; a preposition that ends the clause is a particle ("as
 * police moved in."). */
static bool clause_verb(const ctx *c, const span *s, size_t v) {
    if (v >= s->b || !is_word(c, v) || c->v[v].quoted || !c->k[v].lower) {
        return false;
    }
    uint32_t b = bits(c, v);
    if (b & FL_W_AUX) {
        return !folded_is(c, v, "be") && !folded_is(c, v, "been") && !folded_is(c, v, "being") &&
               !folded_is(c, v, "to");
    }
    uint8_t f = form(c, v);
    if ((b & FL_W_VERB) && f == FL_FORM_NONE) {
        return true; /* "rose", "went", "began": no participle */
    }
    if (f == FL_FORM_S) {
        return (b & FL_W_VERB) || finite_cue_verb(c, v);
    }
    if (!((b & FL_W_VERB) && f == FL_FORM_PAST) && !finite_cue_verb(c, v) && !ed_word(c, s, v)) {
        return false;
    }
    size_t n = v + 1;
    return !(n + 1 < s->b && (folded_is(c, n, "to") || (bits(c, n) & FL_W_PREP)) &&
             is_word_like(c, n + 1));
}

/* A lower-case word in -ly that is no cue, wherever it stands: after "as" and a
 * determiner it is read as an adverb ("as a deeply flawed bill"), which a subject of a
 * few words seldom holds ("the family" is the price). */
static bool ly_word(const ctx *c, size_t i) {
    return suffix_is(c, i, "ly", 5) && c->k[i].lower && c->v[i].cue == NULL;
}

/* Does a clause open at n: a subject of at most MAX_AS_SUBJECT_WORDS words (a determiner
 * may open it, a possessive 's may join it), adverbs, then a finite verb ("as growers
 * quietly walked out", "as the town's growers left", "as riot police moved in")? A
 * determiner alone or an adverb is no subject: "as a deeply flawed bill" is a predicate. */
static bool as_subject_verb(const ctx *c, const span *s, size_t n) {
    if (n < s->b && is_word(c, n) && (bits(c, n) & FL_W_DET)) {
        n++;
    }
    size_t words = 0;
    for (; n < s->b && !c->v[n].quoted; n++) {
        if (c->t[n].kind == FL_TOKEN_CLITIC && folded_is(c, n, "'s") && words > 0) {
            continue; /* "the town's growers" */
        }
        if (!is_word(c, n) || words == MAX_AS_SUBJECT_WORDS) {
            break;
        }
        uint32_t b = bits(c, n);
        if ((b & (FL_W_VERB | FL_W_AUX | FL_W_ADV | FL_W_PREP | FL_W_CONJ | FL_W_OPENER |
                  FL_W_RELATIVE | FL_W_DET | FL_W_NEGATION)) ||
            ly_word(c, n) || finite_cue_verb(c, n) || ed_word(c, s, n) || ing_word(c, n)) {
            break;
        }
        words++;
    }
    if (words == 0) {
        return false;
    }
    /* adverbs between the subject and its verb: "quietly", "then", "still" */
    for (size_t a = 0;
         a < MAX_VERB_GROUP && n < s->b && is_word(c, n) && !c->v[n].quoted &&
         ((bits(c, n) & FL_W_ADV) || ly_word(c, n)) && !(bits(c, n) & (FL_W_CONJ | FL_W_OPENER));
         a++) {
        n++;
    }
    return clause_verb(c, s, n);
}

/* Does "as" at k start no predicate but an adverb ("as well", "as soon as", "as a child")
 * or a clause of its own ("as he fled", "as police moved in")? */
static bool as_clause(const ctx *c, const span *s, size_t k) {
    static const char *const adverbial[] = {"well", "soon", "long", "much", "if", "though"};
    static const char *const subjects[] = {"he", "she", "they", "we", "i", "it", "you"};
    if (folded_in(c, k + 1, adverbial, sizeof adverbial / sizeof adverbial[0])) {
        return true;
    }
    if (folded_in(c, k + 1, subjects, sizeof subjects / sizeof subjects[0])) {
        return true;
    }
    /* a stage of life is a time ("saw him as a child", "as teenagers"), no predicate */
    static const char *const stages[] = {"child",   "children", "kid",       "kids",
                                         "boy",     "boys",     "girl",      "girls",
                                         "teen",    "teens",    "teenager",  "teenagers",
                                         "toddler", "toddlers", "youngster", "youngsters",
                                         "baby",    "babies",   "schoolboy", "schoolgirl"};
    size_t n = k + 1;
    if (n + 1 < s->b && (folded_is(c, n, "a") || folded_is(c, n, "an"))) {
        n++;
    }
    if (folded_in(c, n, stages, sizeof stages / sizeof stages[0])) {
        return true;
    }
    /* a word and a verb: "as police moved in", "as Smith spoke"; an adverb in -ly is no
     * subject, its participle a predicate ("see the party as insufficiently committed") */
    size_t v = k + 2;
    if (v < s->b && is_word(c, v) && !(bits(c, k + 1) & FL_W_DET) && !ly_adverb(c, k + 1, s->a) &&
        ((bits(c, v) & (FL_W_VERB | FL_W_AUX)) || ed_word(c, s, v))) {
        return true;
    }
    return as_subject_verb(c, s, k + 1);
}

/* Does the object at j come with "as" and a predicate ("see Clinton as the stronger
 * candidate", "view the deal as a betrayal")? Then a verb of thought reports a judgment. */
static bool object_as(const ctx *c, const span *s, size_t j) {
    for (size_t k = j + 1; k < s->b && k <= j + MAX_OPENER_LOOKAHEAD; k++) {
        if (punct(c, k) == '.' && c->k[k - 1].upper && k + 1 < s->b && c->k[k + 1].upper) {
            continue; /* the period of a title inside the object: "view Mrs. Clinton as …" */
        }
        if (c->v[k].quoted || !is_word_like(c, k)) {
            return false;
        }
        if (folded_is(c, k, "as")) {
            return k + 1 < s->b && is_word_like(c, k + 1) && !as_clause(c, s, k);
        }
        if (irregular_past(c, k)) {
            continue; /* a participle after the object: "see the votes held Friday as …" */
        }
        if (bits(c, k) & (FL_W_AUX | FL_W_VERB | FL_W_OPENER | FL_W_CONJ | FL_W_SPEECH |
                          FL_W_THOUGHT | FL_W_INTENT)) {
            return false;
        }
    }
    return false;
}

/* Is the passive of a verb of thought that takes a clause at i (group [vg, i)) no judgment?
 * "was seen as the favourite", "it was learned that …" report one; "was last seen on
 * Friday", "was viewed two million times" are a sight, and "it remains to be seen
 * whether …" is the writer's own idiom. */
static bool passive_sight(const ctx *c, const span *s, size_t vg, size_t i) {
    uint32_t b = bits(c, i);
    if (!(b & FL_W_THOUGHT) || !(b & FL_W_CLAUSE)) {
        return false;
    }
    if (vg >= s->a + 2 && folded_is(c, vg - 1, "to") &&
        (folded_is(c, vg - 2, "remains") || folded_is(c, vg - 2, "remain") ||
         folded_is(c, vg - 2, "remained"))) {
        return true; /* "it remains to be seen whether" */
    }
    size_t j = i + 1;
    return !(j < s->b && (folded_is(c, j, "as") || clause_complement(c, s, j)));
}

/* Does the comma at k open a clause that a coordinator links ("…, but the council passed
 * it")? That clause is the writer's: the search for the content's start ends there. */
static bool comma_coordinator(const ctx *c, const span *s, size_t k) {
    if (k + 1 >= s->b || c->v[k].quoted || !is_word(c, k + 1)) {
        return false;
    }
    uint32_t b = bits(c, k + 1);
    return (b & FL_W_CONJ) && !(b & (FL_W_OPENER | FL_W_RELATIVE)) && c->k[k + 1].lower &&
           (folded_is(c, k + 1, "but") || folded_is(c, k + 1, "and") || folded_is(c, k + 1, "or") ||
            folded_is(c, k + 1, "yet"));
}

/* Does a second predicate of the same subject follow the comma at j ("Lind declined, then
 * said …", "Brandt paused, and added …")? An adverb or a coordinator may stand before its
 * finite verb. Then the cue before the comma has no content there. */
static bool predicate_after_comma(const ctx *c, const span *s, size_t j) {
    if (punct(c, j) != ',' || c->v[j].quoted) {
        return false;
    }
    size_t k = j + 1;
    for (size_t n = 0; n < 2 && k < s->b && is_word(c, k) && c->k[k].lower &&
                       (bits(c, k) & (FL_W_ADV | FL_W_CONJ)) && !(bits(c, k) & FL_W_OPENER);
         n++) {
        k++;
    }
    return k > j + 1 && k < s->b && is_word(c, k) && c->k[k].lower && !c->v[k].quoted &&
           finite_cue_verb(c, k);
}

/* After a verb that takes a recipient, at j: the start of a bare clause after the recipient
 * and its phrases of time, place or medium ("told reporters the levy would end", "told
 * reporters at a rally on Friday the levy would end"), or SIZE_MAX. The recipient is an
 * object pronoun, or up to three nouns or a name after an optional determiner; the clause
 * needs a verb within reach ("told the growers the news" has none). */
static size_t clause_after_recipient(const ctx *c, const span *s, size_t j) {
    enum { MAX_RECIPIENT_WORDS = 3, MAX_CLAUSE_REACH = 6 };
    if (j >= s->b || !is_word(c, j) || c->v[j].quoted) {
        return SIZE_MAX;
    }
    size_t r = j;
    if (object_pronoun(c, j)) {
        r = j + 1;
    } else {
        if (bits(c, r) & FL_W_DET) {
            r++;
        }
        size_t first = r;
        while (r < s->b && r - first < MAX_RECIPIENT_WORDS && is_word(c, r) && !c->v[r].quoted &&
               !finite_verb(c, r) && !(bits(c, r) & ~(FL_W_ROLE | FL_W_SOURCE))) {
            r++;
        }
        if (r == first) {
            return SIZE_MAX;
        }
    }
    size_t k = adjunct_before_clause(c, s, r);
    if (k == SIZE_MAX) {
        k = r;
        size_t times = 0;
        while (k < s->b && is_word(c, k) && (bits(c, k) & FL_W_TIME) && times < 3) {
            k++;
            times++;
        }
    }
    if (!clause_follows(c, s, k) || (bits(c, k) & FL_W_OPENER)) {
        return SIZE_MAX;
    }
    for (size_t v = k + 1; v < s->b && v - k <= MAX_CLAUSE_REACH; v++) {
        if (!is_word(c, v) || c->v[v].quoted) {
            return SIZE_MAX;
        }
        if ((bits(c, v) & FL_W_AUX) || finite_verb(c, v)) {
            return k;
        }
    }
    return SIZE_MAX;
}

/* Where the content of a cue at i starts: after the cue, the words that belong to it
 * ("pointed out") and a recipient or an adjunct before a complement ("told reporters on
 * Tuesday that …" starts at "that"). SIZE_MAX when the cue reports nothing after it ("The
 * price was not disclosed, though …"). */
static size_t content_start(const ctx *c, const span *s, size_t i, uint8_t region) {
    size_t j = i + 1;
    if (j < s->b && (bits(c, j) & FL_W_PARTICLE)) {
        j++;
    }
    if (at_end(s, j)) {
        return SIZE_MAX;
    }
    /* look for a complement a few words ahead, past a recipient ("told reporters") and
     * phrases of time, place and medium ("said in a statement Tuesday that"); an
     * infinitive ("vowed to block the measure that …") is the content itself */
    bool recipient = (bits(c, i) & FL_W_RECIPIENT) != 0;
    bool in_phrase = false;
    /* whether the cue stands in a subordinate clause, which only a punctuation mark below
     * asks: found when the first one is reached (most lookaheads end at a word first) */
    bool subordinate = false;
    bool subordinate_known = false;
    size_t reach = j + MAX_OPENER_LOOKAHEAD;
    for (size_t k = j; k < s->b && k < reach; k++) {
        if (c->v[k].quoted || c->v[k].role != region) {
            break;
        }
        int32_t p = punct(c, k);
        if (p == ':') {
            return k + 1;
        }
        if (p != 0 && !subordinate_known) {
            subordinate_known = true;
            /* in a clause that a subordinator opens ("When asked about the levy, she …") a
             * comma ends the clause: what follows is the main clause, not the content */
            subordinate = i > s->a && (bits(c, i - 1) & FL_W_OPENER) &&
                          (bits(c, i - 1) & FL_W_CONJ);
            /* so does a past participle that opens the sentence: "Asked about the toll, Lind
             * laughed it off." (the main clause is not what she was asked), or one inserted
             * after the subject: "Lind, asked about the toll, laughed …" */
            subordinate = subordinate ||
                          (i == s->a && (form(c, i) == FL_FORM_PAST || form(c, i) == FL_FORM_PP)) ||
                          inserted_participle(c, s, i);
        }
        if (k == j && spaced_dash(c, k)) {
            /* "said — on the radio, as it happens — that …": an aside between dashes */
            size_t d = k + 1;
            while (d < s->b && spaced_dash(c, d)) {
                d++; /* the second hyphen of "--" */
            }
            while (d < s->b && d < reach && !spaced_dash(c, d) && !c->v[d].quoted) {
                d++;
            }
            if (d < s->b && d < reach && spaced_dash(c, d)) {
                while (d + 1 < s->b && spaced_dash(c, d + 1)) {
                    d++; /* the second hyphen of "--" */
                }
                k = d;
                reach = d + 1 + MAX_OPENER_LOOKAHEAD;
                continue;
            }
        }
        if (p != 0 && k > j && k - j <= MAX_QUOTE_ADJUNCT_TOKENS && punct(c, k - 1) == ',' &&
            family(p) != FAMILY_NONE && k + 1 < s->b &&
            (c->v[k + 1].quoted || (apostrophe_pair(c, k) && k + 2 < s->b && c->v[k + 2].quoted)) &&
            !subordinate) {
            /* "wrote to his followers, "…"", "wrote on Twitter, "…"": the quotation after a
             * short adjunct; after a long one it is more often a title ("spoke to her for
             * the third part of its weekly radio series, "…"") */
            return k;
        }
        if (p != 0) {
            if (p == ',' && (subordinate || comma_coordinator(c, s, k))) {
                break;
            }
            if (p == ',' || p == '.' || p == '(' || p == ')') {
                continue;
            }
            break;
        }
        if (!is_word(c, k)) {
            continue;
        }
        uint32_t b = bits(c, k);
        if ((b & FL_W_OPENER) && !((b & FL_W_RELATIVE) && k > j && punct(c, k - 1) != ',')) {
            return k; /* "that", "whether"; not "who" after a noun ("the candidate who …") */
        }
        if (recipient && k > j && (folded_is(c, k, "which") || folded_is(c, k, "what")) &&
            k + 2 < s->b && is_word(c, k + 1) && c->k[k + 1].lower && bits(c, k + 1) == 0 &&
            !finite_verb(c, k + 1) && is_word(c, k + 2) &&
            (bits(c, k + 2) & (FL_W_PRON | FL_W_DET)) && !(bits(c, k + 2) & FL_W_RELATIVE)) {
            /* "asked the growers which levy they preferred": a question's determiner before
             * its noun and the question's subject, no relative pronoun */
            return k;
        }
        if ((b & FL_W_PRON) && !(b & FL_W_RELATIVE) && k > j && !(recipient && k == j)) {
            return k; /* "said for weeks he's …": the clause's subject */
        }
        if ((b & (FL_W_AUX | FL_W_VERB | FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT)) &&
            !(in_phrase && passive_participle(c, k))) {
            break; /* but "asked during a lunch held by the club whether" */
        }
        if (folded_is(c, k, "to") && k == j && k + 1 < s->b &&
            !(c->k[k + 1].upper || (bits(c, k + 1) & (FL_W_DET | FL_W_PRON)))) {
            break; /* "wants to win"; but "wrote to Sanders' office that" */
        }
        if (b & (FL_W_PREP | FL_W_MEDIUM)) {
            in_phrase = true;
        } else if (b & (FL_W_TIME | FL_W_ADV)) {
            /* "Tuesday", "also" */
        } else if (!(in_phrase || recipient || ly_adverb(c, k, s->a))) {
            break; /* "accused Russia of …": the object starts the content */
        }
    }
    if (recipient && !subordinate) {
        size_t r = clause_after_recipient(c, s, j);
        if (r != SIZE_MAX) {
            return r; /* "told reporters at a rally the levy would end" */
        }
    }
    /* "said on Friday he met …", "said Tuesday the plan …": a time first */
    size_t t = j;
    if (t < s->b && (bits(c, t) & FL_W_PREP) && t + 1 < s->b && (bits(c, t + 1) & FL_W_TIME)) {
        t++;
    }
    size_t times = 0;
    while (t < s->b && (bits(c, t) & FL_W_TIME) && times < 3) {
        t++;
        times++;
    }
    if (times > 0 && t < s->b && clause_follows(c, s, t)) {
        return t;
    }
    size_t after_adjunct = adjunct_before_clause(c, s, j);
    if (after_adjunct != SIZE_MAX) {
        return after_adjunct;
    }
    int32_t p = punct(c, j);
    if (p == ';' || p == ')' || p == 0x2014 || p == '.') {
        return SIZE_MAX;
    }
    if (p == ',' && j + 1 < s->b &&
        (((bits(c, j + 1) & (FL_W_CONJ | FL_W_RELATIVE)) && !(bits(c, j + 1) & FL_W_OPENER)) ||
         ing_word(c, j + 1))) {
        return SIZE_MAX; /* "…, though …", "…, which …", "Ms. Reyes said, waving …" */
    }
    if (predicate_after_comma(c, s, j)) {
        return SIZE_MAX;
    }
    return j;
}

/* The end of phrases of medium, time or place right after a cue ("said in a statement",
 * "on Twitter", "at a rally in Dayton on Monday") when a bare clause follows them: the
 * phrases are the saying's, not what was said. SIZE_MAX when no such phrase and clause. */
static size_t adjunct_before_clause(const ctx *c, const span *s, size_t j) {
    size_t end = SIZE_MAX;
    size_t k = j;
    for (size_t phrases = 0; phrases < 3; phrases++) {
        if (k >= s->b || !is_word(c, k) || c->v[k].quoted || !(bits(c, k) & FL_W_PREP) ||
            !c->k[k].lower) {
            break;
        }
        size_t h = k + 1;
        if (h < s->b && is_word(c, h) && (bits(c, h) & FL_W_DET)) {
            h++;
        }
        /* the head: a medium, a time, or a name (a place, a network) */
        size_t head = SIZE_MAX;
        for (size_t n = 0; n < 3 && h < s->b && is_word(c, h) && !c->v[h].quoted; n++, h++) {
            uint32_t b = bits(c, h);
            if (b & (FL_W_MEDIUM | FL_W_TIME)) {
                head = h;
                break;
            }
            if (c->k[h].upper && !(b & (FL_W_PREP | FL_W_DET | FL_W_PRON | FL_W_CONJ))) {
                while (h + 1 < s->b && is_word(c, h + 1) && c->k[h + 1].upper &&
                       !(bits(c, h + 1) & (FL_W_DET | FL_W_PRON))) {
                    h++;
                }
                head = h;
                break;
            }
            if (b & (FL_W_DET | FL_W_PRON | FL_W_AUX | FL_W_VERB | FL_W_CONJ | FL_W_OPENER) ||
                !c->k[h].lower) {
                break; /* only a plain modifier may stand before the head */
            }
        }
        if (head == SIZE_MAX) {
            break;
        }
        k = head + 1;
        end = k;
    }
    if (end == SIZE_MAX || !clause_follows(c, s, end) || (bits(c, end) & FL_W_OPENER)) {
        return SIZE_MAX;
    }
    /* a clause has a verb soon after its subject ("the levy was fair") */
    for (size_t v = end + 1; v < s->b && v <= end + 5; v++) {
        if (!is_word(c, v)) {
            break;
        }
        if (finite_verb(c, v) || (bits(c, v) & ATTRIBUTION_CUES)) {
            return end;
        }
    }
    return SIZE_MAX;
}

/* Where the content of a noun cue at i starts: its "that" (or, for an intention, its "to"),
 * right after it or after prepositional phrases ("suggestion to Ohio voters on Friday
 * that"); SIZE_MAX when there is none. */
static size_t noun_complement(const ctx *c, const span *s, size_t i, uint32_t b) {
    bool in_phrase = false;
    for (size_t k = i + 1; k < s->b && k <= i + MAX_OPENER_LOOKAHEAD; k++) {
        if (c->v[k].quoted || !is_word(c, k)) {
            return SIZE_MAX;
        }
        if (folded_is(c, k, "that")) {
            return k;
        }
        if (k == i + 1 && (b & FL_W_INTENT) && folded_is(c, k, "to")) {
            return k;
        }
        uint32_t kb = bits(c, k);
        if (kb & FL_W_PREP) {
            in_phrase = true;
        } else if (!in_phrase || (kb & (FL_W_AUX | FL_W_VERB | FL_W_OPENER))) {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* The subject of a cue without a speaker ("The bill is expected to pass"): its first token,
 * back to the start of the clause. */
static size_t subject_start(const ctx *c, size_t vg, size_t from) {
    size_t j = vg;
    while (j > from && vg - j < MAX_SUBJECT_TOKENS) {
        size_t p = j - 1;
        int32_t q = punct(c, p);
        /* a word a hyphen joins to the next is part of it: "so-called" opens no clause */
        bool joined = p + 1 < vg && c->t[p + 1].kind == FL_TOKEN_HYPHEN;
        if (c->v[p].role != FL_ROLE_NONE || q == ',' || q == ';' || q == ':' ||
            strong_boundary(q) || ((bits(c, p) & (FL_W_CONJ | FL_W_OPENER)) && !joined)) {
            break;
        }
        j = p;
    }
    return j;
}

/* Does what follows "seem"/"appear" at j make it a perception ("appeared to close the deal",
 * "seems unlikely", "appears that …") rather than an appearance ("appears in a clip")? */
static bool seem_complement(const ctx *c, const span *s, size_t j) {
    if (j >= s->b || at_end(s, j)) {
        return false;
    }
    if (punct(c, j) == ',') {
        j++; /* "It appears, though, that …" */
        size_t stop = j + 4;
        while (j < s->b && j < stop && punct(c, j) != ',' && !at_end(s, j)) {
            j++;
        }
        return j < s->b && punct(c, j) == ',' && j + 1 < s->b && (bits(c, j + 1) & FL_W_OPENER);
    }
    if (!is_word(c, j)) {
        return false;
    }
    uint32_t b = bits(c, j);
    if (folded_is(c, j, "to") || (b & FL_W_OPENER) || folded_is(c, j, "as") ||
        folded_is(c, j, "like")) {
        return true;
    }
    static const char *const grades[] = {"more", "most", "less", "least"};
    if (((b & (FL_W_ADV | FL_W_NEGATION)) || ly_adverb(c, j, s->a) ||
         folded_in(c, j, grades, sizeof grades / sizeof grades[0])) &&
        c->k[j].lower && j + 1 < s->b && is_word(c, j + 1) && c->k[j + 1].lower &&
        !c->v[j + 1].quoted) {
        /* one adverb or "not" before the rest: "seemed most concerned", "appeared more
         * likely", "seems not to have found" */
        uint32_t nb = bits(c, j + 1);
        return folded_is(c, j + 1, "to") ||
               !(nb & (FL_W_PREP | FL_W_TIME | FL_W_CONJ | FL_W_DET | FL_W_PRON | FL_W_ADV |
                       FL_W_OPENER | FL_W_AUX | FL_W_NEGATION));
    }
    return !(b & (FL_W_PREP | FL_W_TIME | FL_W_CONJ | FL_W_DET | FL_W_PRON | FL_W_ADV)) &&
           c->k[j].lower;
}

/* Does "seem"/"appear" at i head a verb of saying, thinking or stance ("Lind seemed to mock
 * the plan", "The mayor appeared to suggest that …")? Then its subject says it: the chain
 * is the cue (as "went on to say" is), not a perception of the writer's. */
static bool seems_to_say(const ctx *c, const span *s, size_t i) {
    if (i + 3 >= s->b || !folded_is(c, i + 1, "to") || !is_word(c, i + 2) || !c->k[i + 2].lower ||
        c->v[i + 2].quoted || form(c, i + 2) != FL_FORM_BASE || !is_word(c, i + 3)) {
        return false;
    }
    uint32_t b = bits(c, i + 2);
    /* a verb that reports only a clause keeps the perception without one ("seemed to
     * confirm the critiques") */
    return (b & (FL_W_SPEECH | FL_W_STANCE)) && !(b & (FL_W_SEEM | FL_W_THOUGHT)) &&
           (!(b & FL_W_CLAUSE) || clause_complement(c, s, i + 3));
}

/* Is the subject [subj, vg) missing or an empty "it"/"there" ("It is said that …")? */
static bool empty_subject(const ctx *c, size_t subj, size_t vg) {
    return subj >= vg ||
           (subj + 1 == vg && (folded_is(c, subj, "it") || folded_is(c, subj, "there")));
}

/* The punctuation that closes the clause a cue stands in when it is a relative clause or
 * a bracket ("Trump, who said he would win, …", "(he wrote …)"): ',', ')' or a dash; 0
 * when the cue stands in the main clause. */
static int32_t clause_closer(const ctx *c, const span *s, size_t vg) {
    if (vg > s->a + 1 && (bits(c, vg - 1) & FL_W_RELATIVE) && !folded_is(c, vg - 1, "that") &&
        is_word(c, vg - 2)) {
        return ','; /* "a surgeon who advised the mayor on hospitals, said …" */
    }
    for (size_t j = vg; j > s->a && vg - j < MAX_SPEAKER_TOKENS; j--) {
        int32_t p = punct(c, j - 1);
        if (p == '(') {
            return ')';
        }
        if (p == 0x2014) {
            return 0x2014;
        }
        if (p == ',' && j < vg && (bits(c, j) & FL_W_RELATIVE)) {
            return ',';
        }
        if (p != 0 && p != '.' && p != '\'') {
            return 0;
        }
    }
    return 0;
}

/* Does a clause, an infinitive or a quotation start at j ("that …", "to veto", "“…”",
 * ": …"), rather than a noun phrase? */
/* Does a pro-form of a clause stand at j: "so" or "the same" (also "the same thing") where
 * a phrase or the sentence ends after it ("said so in May", "say the same of the toll"),
 * not a degree ("felt so sure", "said the same plan")? */
static bool pro_clause(const ctx *c, const span *s, size_t j) {
    size_t e;
    if (folded_is(c, j, "so")) {
        e = j + 1;
    } else if (j + 1 < s->b && folded_is(c, j, "the") && folded_is(c, j + 1, "same")) {
        e = j + 2;
        if (e < s->b && (folded_is(c, e, "thing") || folded_is(c, e, "way"))) {
            e++;
        }
    } else {
        return false;
    }
    return e >= s->b || !is_word(c, e) || (bits(c, e) & (FL_W_PREP | FL_W_TIME | FL_W_CONJ)) ||
           folded_is(c, e, "too");
}

/* Does the rest of the clause from j hold only "from" and a place in capitals ("from
 * Tilden, Ohio." to the end of the sentence or a semicolon)? A reporter's credit line. */
static bool from_place_only(const ctx *c, const span *s, size_t j) {
    if (j + 1 >= s->b || !folded_is(c, j, "from") || !c->k[j + 1].upper) {
        return false;
    }
    for (size_t k = j + 1; k < s->b && punct(c, k) != ';'; k++) {
        int32_t p = punct(c, k);
        if (c->v[k].quoted || (p != 0 && p != ',' && p != '.') ||
            (is_word(c, k) && !c->k[k].upper)) {
            return false;
        }
    }
    return true;
}

/* Does a clause without "that" start at j: a subject (a personal pronoun, or a short noun
 * phrase, a name or a noun after a determiner) and its finite verb (an auxiliary, or a past
 * or -s form the table knows: "the levy was unfair", "she would stay", "the agents knew
 * …")? An object stops at a preposition, a time or a clause opener first ("wrote a letter
 * to the council", "wrote the report Monday"). */
static bool bare_clause(const ctx *c, const span *s, size_t j) {
    /* right after the verb: after an adjunct or a comma the clause is another one ("spoke
     * over boos as he congratulated …", "With a vote ruled out, Cross said …") */
    if (j >= s->b || j <= s->a || !is_word(c, j) || c->v[j].quoted || !is_word(c, j - 1) ||
        !c->k[j - 1].lower || form(c, j - 1) == FL_FORM_NONE ||
        !(bits(c, j - 1) &
          (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE | FL_W_SEEM))) {
        return false;
    }
    size_t k = j;
    uint32_t b = bits(c, j);
    /* after a word that is also a noun, only a pronoun or a determiner opens the clause
     * ("notes the levy is high"; not "comments online have …") */
    if ((bits(c, j - 1) & FL_W_NOUNLIKE) &&
        (form(c, j - 1) == FL_FORM_S || form(c, j - 1) == FL_FORM_BASE) &&
        !(b & (FL_W_PRON | FL_W_DET))) {
        return false;
    }
    if ((b & FL_W_PRON) && c->k[j].lower && !(b & (FL_W_RELATIVE | FL_W_DET))) {
        if (object_pronoun(c, j) && !folded_is(c, j, "it")) {
            return false; /* "told him", "wrote them" */
        }
        k = j + 1;
    } else {
        if ((b & FL_W_DET) && !quantifier(c, j)) {
            k++;
        }
        size_t words = 0;
        while (k < s->b && words < 4 && !c->v[k].quoted &&
               (is_word(c, k) || c->t[k].kind == FL_TOKEN_CLITIC)) {
            uint32_t kb = bits(c, k);
            if ((kb & (FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_RELATIVE | FL_W_AUX | FL_W_TIME |
                       FL_W_VERB | FL_W_PRON | FL_W_DET | FL_W_ADV)) ||
                ly_adverb(c, k, s->a)) {
                break;
            }
            if (c->v[k].cue != NULL && c->k[k].lower && words > 0) {
                break; /* the verb itself: "the agents knew" */
            }
            words += is_word(c, k);
            k++;
        }
        if (words == 0) {
            return false;
        }
    }
    if (k >= s->b || !is_word(c, k) || !c->k[k].lower || c->v[k].quoted) {
        return false;
    }
    uint32_t vb = bits(c, k);
    uint8_t vf = form(c, k);
    /* a past before a plain noun is an adjective: "maintains a big pledged delegate count" */
    bool before_noun = k + 1 < s->b && is_word(c, k + 1) && c->k[k + 1].lower &&
                       bits(c, k + 1) == 0 && c->v[k + 1].cue == NULL;
    return ((vb & FL_W_AUX) && !folded_is(c, k, "being") && !folded_is(c, k, "been") &&
            !folded_is(c, k, "having")) ||
           ((vb & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE |
                   FL_W_VERB)) &&
            (vf == FL_FORM_PAST || (vf == FL_FORM_S && !(vb & FL_W_NOUNLIKE))) && !before_noun);
}

static bool clause_complement(const ctx *c, const span *s, size_t j) {
    if (j + 1 < s->b && punct(c, j) == ',') {
        j++; /* ", adding, “…”" */
    }
    if (j >= s->b) {
        return false;
    }
    if (c->v[j].quoted || family(punct(c, j)) != FAMILY_NONE) {
        return true;
    }
    if (j > s->a && punct(c, j - 1) == ':') {
        return true;
    }
    if (pro_clause(c, s, j)) {
        return true; /* "… who say the same of the toll", "half said so in May" */
    }
    if (bare_clause(c, s, j)) {
        return true; /* "wrote the levy was unfair", "added she would stay" */
    }
    /* "to" before a verb ("pledged to act"), not before a name ("spoke to reporters") */
    return (bits(c, j) & FL_W_OPENER) ||
           (folded_is(c, j, "to") && j + 1 < s->b && is_word(c, j + 1) && c->k[j + 1].lower &&
            !(bits(c, j + 1) & (FL_W_DET | FL_W_PRON | FL_W_ROLE | FL_W_SOURCE)));
}

/* Does a noun phrase content end at token j ("endorsed Clinton on Tuesday, calling her
 * …")? At a semicolon, a bracket or a dash, and at a comma before the writer's own clause
 * (a participle, a subordinate or relative clause, a pronoun); a list or an apposition
 * goes on ("her new memoir, The Long Count, and …", "…: Dorsey, Carl Benning"). */
static bool phrase_stops(const ctx *c, const span *s, size_t j) {
    int32_t p = punct(c, j);
    if (c->v[j].quoted || p == 0) {
        return false;
    }
    if (p == ';' || p == '(' || spaced_dash(c, j)) {
        return true;
    }
    if (p != ',' || j + 1 >= s->b || !is_word(c, j + 1)) {
        return false;
    }
    size_t n = j + 1;
    uint32_t b = bits(c, n);
    return (ing_word(c, n) && !folded_is(c, n, "including")) ||
           ((b & FL_W_CONJ) && !folded_is(c, n, "and") && !folded_is(c, n, "or")) ||
           ((b & FL_W_RELATIVE) && !folded_is(c, n, "that")) || (b & FL_W_PRON);
}

/* Does the verb at v report what follows it: a content at once ("said they …"), after a
 * comma ("said, "…""), or a that-clause after an adjunct ("said in a statement that …")? */
static bool reports_after(const ctx *c, const span *s, size_t v) {
    if (content_may_start(c, s, v + 1) ||
        (v + 2 < s->b && punct(c, v + 1) == ',' && content_may_start(c, s, v + 2) &&
         (c->v[v + 2].quoted || family(punct(c, v + 2)) != FAMILY_NONE))) {
        return true;
    }
    size_t k = content_start(c, s, v, FL_ROLE_NONE);
    return k != SIZE_MAX && k < s->b && (bits(c, k) & FL_W_OPENER) != 0;
}

static bool clause_with_cue_at(const ctx *c, const span *s, size_t subj);

/* Does another speaker's clause open at the word j, a subordinator or a coordinator without
 * a comma, after the content's own verb ("… was defending the plan even though he found
 * …", "… filings show, and tax lawyers say …" has its comma; "Lind declined to
 * comment and Varga said …")? "when", "if" and "because" open a part of the content
 * ("said he would leave if voters say no"), and "and" only after a verb: in "said the
 * mayor and the council believe …" the two are one subject. */
static bool linked_speaker_clause_at(const ctx *c, const span *s, size_t j) {
    if (c->v[j].quoted || !is_word(c, j)) {
        return false;
    }
    size_t k = j + 1;
    if (folded_is(c, j, "even")) {
        if (k >= s->b || !(folded_is(c, k, "as") || folded_is(c, k, "though"))) {
            return false;
        }
        k++;
    } else if (folded_is(c, j, "and") || folded_is(c, j, "but")) {
        /* after a name the coordinator joins two names: "when Lind and Varga said"; after
         * a lower-case word or a quotation, two clauses */
        if (j == s->a ||
            !((is_word(c, j - 1) && c->k[j - 1].lower && !(bits(c, j - 1) & FL_W_PRON)) ||
              is_closing_quote(c, j - 1))) {
            return false;
        }
    } else if (!(folded_is(c, j, "while") || folded_is(c, j, "although") ||
                 folded_is(c, j, "whereas"))) {
        return false;
    }
    while (k < s->b && k - j < 4 && ((bits(c, k) & FL_W_ADV) || ly_adverb(c, k, k))) {
        k++;
    }
    /* "… and that Lind said …" is a second that-clause of the same content */
    return k < s->b && !(bits(c, k) & FL_W_OPENER) && !folded_is(c, k, "that") &&
           clause_with_cue_at(c, s, k);
}

/* Does the comma at j close a condition or a time clause that opened inside the content
 * starting at cstart ("said that if the council voted no, she would insist on a recount")?
 * The clause after the comma is then the content's main clause, not another speaker's. */
static bool closes_condition(const ctx *c, const span *s, size_t cstart, size_t j, uint32_t cue) {
    static const char *const asks[] = {"ask", "wonder", "question", "inquire"};
    static const char *const subs[] = {"if", "unless", "once", "when", "whenever", "until"};
    if (punct(c, j) != ',' || c->v[j].quoted || j + 1 >= s->b ||
        (bits(c, j + 1) & (FL_W_CONJ | FL_W_ADV))) {
        return false; /* ", but Reyes said …" coordinates another speaker's clause */
    }
    for (size_t k = j; k > cstart && j - k < MAX_PIECE_TOKENS;) {
        k--;
        if (punct(c, k) == '.' && !c->t[k].space_before && k > cstart && c->k[k - 1].upper) {
            continue; /* "if Mr. Reyes", an abbreviation */
        }
        if (!is_word(c, k) || c->v[k].quoted) {
            return false;
        }
        if (folded_in(c, k, subs, sizeof subs / sizeof subs[0])) {
            /* after a verb of asking "if" is "whether": "Asked if the levy was fair, most
             * growers said …" */
            return (k == cstart && cue != UINT32_MAX &&
                    !lemma_in(c->v[cue].cue, asks, sizeof asks / sizeof asks[0])) ||
                   (k > cstart && folded_is(c, k - 1, "that"));
        }
    }
    return false;
}

/* Does a new clause with its own speaker and verb of saying open at the boundary j (a
 * comma, a semicolon, a colon or a dash)? It ends the content before it: "While some
 * friends say X - an old favorite - others say Y", "He said X, but aides argued Y", "X: a
 * poll found Y". Looks a bounded number of tokens ahead. */
static bool speaker_clause_at(const ctx *c, const span *s, size_t j) {
    int32_t p = punct(c, j);
    if (p == 0 && c->k[j].fold_len != 3) {
        return false; /* the common case, a word: only "and" and "but" matter here */
    }
    /* "…, adding that …", "… and said that …", "… and praised the deal": the same
     * speaker's next attribution */
    if (!c->v[j].quoted && j + 1 < s->b &&
        (p == ',' || folded_is(c, j, "and") || folded_is(c, j, "but"))) {
        uint32_t nb = bits(c, j + 1);
        uint8_t nf = form(c, j + 1);
        /* a word that is also a noun only in its past form or participle ("and noted that",
         * ", reporting that"; not "and claims that") */
        if ((nb & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE)) &&
            (!(nb & FL_W_NOUNLIKE) || nf == FL_FORM_PAST || nf == FL_FORM_ING) &&
            ((p == ',' && nf == FL_FORM_ING) ||
             (p == 0 && (nf == FL_FORM_PAST || nf == FL_FORM_S)) ||
             /* "praising the mayor and saying that …" */
             (p == 0 && nf == FL_FORM_ING && folded_is(c, j, "and") &&
              (!(nb & FL_W_CLAUSE) || clause_complement(c, s, j + 2)))) &&
            reports_after(c, s, j + 1)) {
            return true;
        }
        /* "… but at a later hearing said …", "… and on Friday told …": the same after an
         * adjunct that a preposition opens */
        if (p == 0 && (nb & FL_W_PREP) && !folded_is(c, j + 1, "to")) {
            size_t v = j + 2;
            while (v < s->b && v - j <= MAX_ADJUNCT_TOKENS && is_word(c, v) && !c->v[v].quoted &&
                   !(bits(c, v) & (ATTRIBUTION_CUES | FL_W_AUX | FL_W_VERB | FL_W_CONJ |
                                   FL_W_RELATIVE | FL_W_OPENER | FL_W_PRON))) {
                v++;
            }
            uint32_t vb = v < s->b ? bits(c, v) : 0;
            uint8_t vf = v < s->b ? form(c, v) : FL_FORM_NONE;
            if (v > j + 2 && v < s->b && is_word(c, v) && !c->v[v].quoted && c->k[v].lower &&
                (vb & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE)) &&
                (vf == FL_FORM_PAST || (vf == FL_FORM_S && !(vb & FL_W_NOUNLIKE))) &&
                reports_after(c, s, v)) {
                return true;
            }
        }
        /* "… and has said that …", "… but had long argued that …": the same after an
         * auxiliary and adverbs, which leave the verb a past or a participle */
        size_t v = j + 1;
        if (p == 0 && v < s->b && is_word(c, v) && (bits(c, v) & FL_W_AUX)) {
            v++;
            while (v < s->b && v - j < 4 && is_word(c, v) &&
                   ((bits(c, v) & FL_W_ADV) || ly_adverb(c, v, s->a))) {
                v++;
            }
            uint32_t vb = bits(c, v < s->b ? v : j);
            uint8_t vf = form(c, v < s->b ? v : j);
            if (v < s->b && !c->v[v].quoted && is_word(c, v) && c->k[v].lower &&
                (vb & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE)) &&
                (vf == FL_FORM_PAST || vf == FL_FORM_PP) && reports_after(c, s, v)) {
                return true;
            }
        }
    }
    /* 'to sound "measured," but Reyes said': a comma the quotation closes over */
    bool quoted_comma = is_closing_quote(c, j) && j > s->a && punct(c, j - 1) == ',';
    if (!quoted_comma &&
        (c->v[j].quoted || !(p == ',' || p == ';' || p == ':' || spaced_dash(c, j)))) {
        return false;
    }
    size_t k = j + 1;
    if (k + 1 < s->b && folded_is(c, k, "even") &&
        (folded_is(c, k + 1, "as") || folded_is(c, k + 1, "though"))) {
        k++; /* ", even as Lind argues …" */
    }
    if (k < s->b &&
        (folded_is(c, k, "but") || folded_is(c, k, "and") || folded_is(c, k, "while") ||
         folded_is(c, k, "although") || folded_is(c, k, "though") || folded_is(c, k, "yet") ||
         folded_is(c, k, "whereas") || (folded_is(c, k, "as") && k > j + 1))) {
        k++;
        while (k < s->b && k - j < 4 && ((bits(c, k) & FL_W_ADV) || ly_adverb(c, k, k))) {
            k++; /* ", but ultimately Prager thinks" */
        }
    }
    return clause_with_cue_at(c, s, k);
}

/* Does a clause open at subj with a subject of its own (a name, a pronoun, a noun phrase
 * after a determiner, a count) and a verb of saying, thinking, wanting, showing or stance
 * that reports what follows it? */
static bool clause_with_cue_at(const ctx *c, const span *s, size_t subj) {
    size_t k = subj;
    /* after a determiner or a possessive the subject is a noun phrase, whose nouns are in
     * lower case ("the ministry's envoy"); before one, every word needs a capital or must be a
     * pronoun, a role, a source or a quantifier */
    bool noun_phrase = false;
    size_t words = 0;
    while (k < s->b && !c->v[k].quoted) {
        if (k > subj && punct(c, k) == '.' && !c->t[k].space_before && c->k[k - 1].upper) {
            k++; /* ", Dr. Ivanova said", ", Olena K. Marchuk said": an abbreviation */
            continue;
        }
        if (k > subj && punct(c, k) == '(' && c->k[k - 1].upper && k + 2 < s->b &&
            c->k[k + 1].upper) {
            /* a bracket tag after the name belongs to it: ", Gov. Ana Ruiz (D-NM) said" */
            size_t close = k + 1;
            while (close < s->b && close - k <= 6 && !c->v[close].quoted &&
                   punct(c, close) != ')' && punct(c, close) != '(') {
                close++;
            }
            if (close < s->b && close - k <= 6 && punct(c, close) == ')') {
                k = close + 1;
                break;
            }
        }
        if (!is_word_like(c, k)) {
            break;
        }
        uint32_t b = bits(c, k);
        if (c->t[k].kind == FL_TOKEN_CLITIC && k > subj && c->k[k - 1].upper &&
            !(bits(c, k - 1) & FL_W_PRON)) {
            noun_phrase = true; /* ", Kyiv's envoy said": a possessive, not "is" */
            k++;
            continue;
        }
        if (is_word(c, k) && ++words > MAX_CLAUSE_SUBJECT_WORDS) {
            break;
        }
        if ((b & (FL_W_AUX | FL_W_ADV | FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_EVIDENCE |
                  FL_W_STANCE)) ||
            (k > subj && ly_adverb(c, k, subj))) {
            break; /* the verb group: "Cruz said", "Cruz quickly said" */
        }
        bool number = c->k[k].all_digits || number_word(c, k);
        if (k > subj && k + 2 < s->b && c->k[k - 1].upper && folded_is(c, k, "of") &&
            (c->k[k + 1].upper || (folded_is(c, k + 1, "the") && c->k[k + 2].upper))) {
            k += c->k[k + 1].upper ? 1 : 2; /* a title's "of": "Speaker of the House Lind" */
            continue;
        }
        if ((b & FL_W_RELATIVE) ||
            !(c->k[k].upper || (b & (FL_W_PRON | FL_W_DET | FL_W_ROLE | FL_W_SOURCE)) ||
              quantifier(c, k) || number || noun_phrase || c->t[k].kind != FL_TOKEN_WORD)) {
            return false; /* no speaker here */
        }
        /* a count opens a noun phrase too: "; 46 percent said", ", and three-quarters said" */
        noun_phrase |= (b & FL_W_DET) != 0 || number;
        k++;
    }
    if (k == subj || count_words(c, subj, k) == 0) {
        return false;
    }
    size_t v = k;
    while (v < s->b && v - k < MAX_VERB_GROUP &&
           ((bits(c, v) & (FL_W_AUX | FL_W_ADV)) || ends_with_nt(c, v) || ly_adverb(c, v, k))) {
        v++; /* "…, Cruz gingerly said" */
    }
    return v < s->b &&
           (bits(c, v) &
            (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_EVIDENCE | FL_W_STANCE)) &&
           form(c, v) != FL_FORM_NONE && verb_here(c, s, v, k) && reports_after(c, s, v);
}

/* Is word i a verb of saying or thinking in the past or the third person, in lower case
 * ("said", "believes")? */
static bool finite_saying(const ctx *c, size_t i) {
    uint8_t f = form(c, i);
    return is_word(c, i) && c->k[i].lower && (bits(c, i) & (FL_W_SPEECH | FL_W_THOUGHT)) &&
           !(bits(c, i) & FL_W_NOUNLIKE) && (f == FL_FORM_PAST || f == FL_FORM_S);
}

/* Does the cue at i stand in a relative clause without commas inside the subject of a later
 * verb of saying ("Farmers who oppose the levy said …", "An aide who asked not to be named
 * said …")? Its verb group (from vg) follows "who" after a word, and a finite verb of saying
 * follows before any separator, colon or quotation. The clause then belongs to the later
 * verb's speaker. */
static bool relative_in_subject(const ctx *c, const span *s, size_t vg, size_t i) {
    if (vg < s->a + 2 || !folded_is(c, vg - 1, "who") || !is_word(c, vg - 2)) {
        return false;
    }
    for (size_t k = i + 1; k < s->b && k - i < 2 * MAX_SPEAKER_TOKENS; k++) {
        if (c->v[k].quoted || (punct(c, k) != 0 && punct(c, k) != '.' && punct(c, k) != '\'')) {
            return false;
        }
        if (finite_saying(c, k)) {
            return true;
        }
    }
    return false;
}

/* Does the relative clause whose verb group starts at vg describe a speaker already named
 * before it, across its apposition ('…," said Dana Lind, a grower from Velm who supports the
 * levy', 'said Brandt, who wants a recount')? The clause is part of who that speaker is, as
 * in relative_in_subject(): a stance, a wish or a belief there describes the speaker (the
 * caller keeps verbs of saying: "said Brandt, who added that …" reports again). */
static bool relative_in_named_speaker(const ctx *c, const span *s, size_t vg) {
    if (vg < s->a + 2 || !folded_is(c, vg - 1, "who")) {
        return false;
    }
    bool comma = false;
    for (size_t k = vg - 1; k > s->a && vg - k < 2 * MAX_SPEAKER_TOKENS; k--) {
        size_t j = k - 1;
        if (c->v[j].role == FL_ROLE_SPEAKER) {
            return comma;
        }
        int32_t p = punct(c, j);
        if (c->v[j].role != FL_ROLE_NONE || c->v[j].quoted || (p != 0 && p != ',' && p != '.') ||
            (p == ',' && comma)) {
            return false;
        }
        comma |= p == ',';
    }
    return false;
}

/* When sentence s ends with a colon after the cue (its words end before from) and its
 * paragraph ends there ("He said:" and a quotation below), the end of the next paragraph;
 * else 0. */
static size_t paragraph_after_colon(const ctx *c, const span *s, size_t from) {
    size_t q = s->b;
    while (q > from && c->t[q - 1].kind != FL_TOKEN_PUNCT) {
        q--;
    }
    if (q == from || q != s->b || punct(c, q - 1) != ':' || q - 1 < from || s->b >= c->n ||
        c->t[s->b].newlines_before == 0) {
        return 0;
    }
    for (size_t k = from; k + 1 < q; k++) {
        if (is_word(c, k)) {
            return 0; /* "said in a statement:" is read elsewhere; only the colon follows */
        }
    }
    size_t e = s->b + 1;
    while (e < c->n && c->t[e].newlines_before == 0) {
        e++;
    }
    return e;
}

/* Does the subject's own verb of saying stand at j, after the comma that closes an
 * apposition: "said", "also said", "has said", "has long argued" (a verb of saying or
 * thinking in lower case, after at most MAX_VERB_GROUP auxiliaries and adverbs)? */
static bool saying_after_apposition(const ctx *c, const span *s, size_t j) {
    size_t v = j;
    while (v < s->b && v - j < MAX_VERB_GROUP && is_word(c, v) &&
           ((bits(c, v) & (FL_W_AUX | FL_W_ADV)) || ly_adverb(c, v, v))) {
        v++;
    }
    if (v >= s->b || finite_saying(c, v)) {
        return v < s->b;
    }
    return v > j && (bits(c, v - 1) & FL_W_AUX) && is_word(c, v) && c->k[v].lower &&
           (bits(c, v) & (FL_W_SPEECH | FL_W_THOUGHT)) && form(c, v) == FL_FORM_PP;
}

/* Does the cue whose verb group starts at vg stand in a relative clause after a noun ("a
 * union that has backed the mayor", "the founder of a group which urges …", "a judge who
 * ruled …")? */
static bool relative_pronoun_at(const ctx *c, const span *s, size_t r) {
    if (r < s->a + 1 || !is_word(c, r - 1)) {
        return false;
    }
    if (bits(c, r) & FL_W_RELATIVE) {
        return !folded_is(c, r, "whose");
    }
    /* "that" right before a verb, after a noun, not after a verb ("said that has …" does
     * not occur; "a union that has …" does) */
    return folded_is(c, r, "that") &&
           !(bits(c, r - 1) &
             (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE | FL_W_SEEM |
              FL_W_VERB | FL_W_AUX | FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_ADV | FL_W_PRON));
}

static bool relative_clause(const ctx *c, const span *s, size_t vg) {
    if (vg < s->a + 2) {
        return false;
    }
    if (relative_pronoun_at(c, s, vg - 1)) {
        return true;
    }
    /* an aside between commas after the pronoun: "Brandt, who, like other growers,
     * remembered …" */
    if (punct(c, vg - 1) == ',' && !c->v[vg - 1].quoted) {
        for (size_t k = vg - 1; k > s->a + 1 && vg - k < MAX_RELATIVE_REACH;) {
            k--;
            if (punct(c, k) == ',') {
                return !c->v[k].quoted && k > s->a + 1 && (bits(c, k - 1) & FL_W_RELATIVE) &&
                       !folded_is(c, k - 1, "that") && punct(c, k - 2) == ',';
            }
            if (!is_word(c, k) || c->v[k].quoted) {
                return false;
            }
        }
        return false;
    }
    /* the second verb of a relative clause after "and" ("a grower who has met the mayor and
     * been mentioned as …"): its pronoun before, with no punctuation between */
    if (!folded_is(c, vg - 1, "and") && !folded_is(c, vg - 1, "or")) {
        return false;
    }
    for (size_t k = vg - 1; k > s->a + 1 && vg - k < MAX_RELATIVE_REACH;) {
        k--;
        if (punct(c, k) == '.' && !c->t[k].space_before) {
            continue; /* "with Mr. Lind" */
        }
        if (!is_word(c, k) || c->v[k].quoted) {
            return false;
        }
        if (relative_pronoun_at(c, s, k)) {
            return true;
        }
    }
    return false;
}

/* Does a verb of the content's own clause stand before end? *seen and *scanned carry
 * what earlier calls for the same content found, so each token is looked at once; asked only
 * where another speaker's clause may open, which is rare. */
static bool verb_before_end(const ctx *c, size_t end, bool *seen, size_t *scanned) {
    for (size_t k = *scanned; k < end && !*seen; k++) {
        *seen = !c->v[k].quoted && (finite_verb(c, k) || finite_saying(c, k));
    }
    if (*scanned < end) {
        *scanned = end;
    }
    return *seen;
}

/* Marks a content from cstart to the end of its clause and records the attribution. */
/* Is token j a participle of saying after a quotation that closes over its comma
 * ('… called the levy "a tax on hope," accusing the council …'): the same speaker's next
 * attribution, as after a plain comma (speaker_clause_at)? */
static bool participle_after_quote_comma(const ctx *c, const span *s, size_t cstart, size_t j) {
    /* the form first: it runs on every token of a content walk, and most are no -ing */
    if (form(c, j) != FL_FORM_ING || j < cstart + 3 || c->v[j].quoted ||
        !is_closing_quote(c, j - 1) || punct(c, j - 2) != ',') {
        return false;
    }
    return (bits(c, j) & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE)) && reports_after(c, s, j);
}

/* Does the writer's comparison with other speakers open at the comma at j (", compared
 * with 19 percent who said …", ", compared to those who say …")? "compared with" or "to" and
 * a finite verb of saying later in the sentence, outside quotation marks. */
static bool comparison_at(const ctx *c, const span *s, size_t j) {
    if (punct(c, j) != ',' || c->v[j].quoted || j + 3 >= s->b || !folded_is(c, j + 1, "compared") ||
        !(folded_is(c, j + 2, "with") || folded_is(c, j + 2, "to"))) {
        return false;
    }
    for (size_t k = j + 3; k < s->b; k++) {
        if (!c->v[k].quoted &&
            (finite_saying(c, k) || (form(c, k) == FL_FORM_BASE && folded_is(c, k - 1, "who") &&
                                     (bits(c, k) & (FL_W_SPEECH | FL_W_THOUGHT))))) {
            return true; /* "…, compared with 19 percent who say the same" */
        }
    }
    return false;
}

static bool subordinator(const ctx *c, size_t j);

/* The comma that closes the clause a cue at vg stands in, when that clause opens the
 * sentence with a subordinator or with the cue itself, a participle ("After Varga called
 * for a bigger levy, Lind …", "Asked whether the levy would stay, Lind …"), and the main
 * clause follows it: a subject, then a finite verb. SIZE_MAX when there is none. */
static size_t intro_clause_end(const ctx *c, const span *s, size_t vg, size_t cstart) {
    size_t a = s->a;
    while (a < vg && !is_word(c, a)) {
        a++;
    }
    if (a < vg && (folded_is(c, a, "but") || folded_is(c, a, "and") || folded_is(c, a, "yet"))) {
        a++;
    }
    /* the walk below moves a only past a comma right before an -ing cue at vg or before a
     * subordinator right before vg: with neither, and no clause opening at a, none opens (a
     * few tests instead of the walk) */
    if (!(vg == a && (form(c, vg) == FL_FORM_ING || form(c, vg) == FL_FORM_PAST ||
                      form(c, vg) == FL_FORM_PP)) &&
        !(vg > a + 1 && form(c, vg) == FL_FORM_ING &&
          (punct(c, vg - 1) == ',' || quote_comma(c, s, vg - 1))) &&
        !(vg > a + 2 && (punct(c, vg - 2) == ',' || quote_comma(c, s, vg - 2)) &&
          subordinator(c, vg - 1)) &&
        !(a < vg && subordinator(c, a))) {
        return SIZE_MAX;
    }
    /* after an introduction without a verb: "On Sunday, on the Courier's "Morning Show," while
     * discussing the levy, Lind said …" */
    for (size_t k = vg; k > a + 1; k--) {
        if (punct(c, k - 1) == ',' || quote_comma(c, s, k - 1)) {
            bool verb = false;
            for (size_t j = a; j + 1 < k && !verb; j++) {
                verb = c->v[j].role != FL_ROLE_NONE || finite_verb(c, j) ||
                       (!c->v[j].quoted && (bits(c, j) & ATTRIBUTION_CUES));
            }
            /* only a cue right after its subordinator ("while discussing", "when asked") or
             * an -ing participle alone: a past after the comma may be the verb of a subject
             * and its apposition ("Lind, an aide, said"), and a subordinate clause with its
             * own subject may run on past a comma */
            if (!verb &&
                ((k + 1 == vg && subordinator(c, k)) || (k == vg && form(c, vg) == FL_FORM_ING))) {
                a = k;
            }
            break;
        }
    }
    uint8_t f = form(c, vg);
    bool opens = (vg == a && (f == FL_FORM_ING || f == FL_FORM_PAST || f == FL_FORM_PP)) ||
                 (a < vg && subordinator(c, a));
    if (!opens) {
        return SIZE_MAX;
    }
    for (size_t k = a; k < vg; k++) {
        if (punct(c, k) == ',' || c->v[k].quoted) {
            return SIZE_MAX; /* the cue is not in the opening clause */
        }
    }
    for (size_t k = cstart; k + 2 < s->b && k - cstart < MAX_PIECE_TOKENS; k++) {
        if (c->v[k].quoted || punct(c, k) != ',' || !clause_follows(c, s, k + 1)) {
            continue;
        }
        for (size_t v = k + 2; v < s->b && v - k <= MAX_SUBJECT_TOKENS; v++) {
            if (punct(c, v) == '(' && !c->v[v].quoted) {
                /* a party tag after the name: "…, Gov. Dana Lind (R-Ohio) said" */
                size_t close = v + 1;
                while (close < s->b && close - v <= 6 && punct(c, close) != ')' &&
                       punct(c, close) != '(') {
                    close++;
                }
                if (close >= s->b || punct(c, close) != ')') {
                    break;
                }
                v = close;
                continue;
            }
            if (punct(c, v) == '.' || c->t[v].kind == FL_TOKEN_HYPHEN) {
                continue; /* "Rep. Dana Lind", "Dana Lind-Varga" */
            }
            if (!is_word(c, v)) {
                break;
            }
            uint8_t fv = form(c, v);
            if (c->k[v].lower && (finite_verb(c, v) || fv == FL_FORM_PAST || fv == FL_FORM_S)) {
                return k;
            }
        }
    }
    return SIZE_MAX;
}

/* Does the content at cstart open with a preposition and its object ("asked for a photo",
 * "spoke about the levy")? That is no clause of its own, so a coordinator and a speaker's
 * clause after it end it ("A grower asked for a photo and Lind said it was fine."), as after
 * an object. */
static bool prepositional_content(const ctx *c, const span *s, size_t cstart) {
    return cstart + 1 < s->b && is_word(c, cstart) && (bits(c, cstart) & FL_W_PREP) &&
           !(bits(c, cstart) & FL_W_OPENER) && !folded_is(c, cstart, "to") &&
           is_word(c, cstart + 1) && !(bits(c, cstart + 1) & FL_W_OPENER);
}

/* Takes back the speaker and cue parts that an attribution left unrecorded gave: the tokens
 * from marked_from to end (the speaker, the cue and what stands between the cue and its
 * complement), and the speaker it names elsewhere (an agent after "by"). */
static void unmark(ctx *c, size_t marked_from, size_t end, const fl_attr *at) {
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
static void withdraw(ctx *c, const fl_attr *at, size_t marked_from) {
    unmark(c, marked_from, at->content_end, at);
    for (size_t k = at->content_first; k < at->content_end; k++) {
        if (c->v[k].role == FL_ROLE_CONTENT) {
            c->v[k].role = FL_ROLE_NONE;
            c->v[k].naming = 0;
        }
    }
    c->res->attributions.len--;
}

/* Does the comma at j open a second predicate of the cue's subject, in the present of
 * headlines ("Lind announces a recount, names a deputy", "Brandt calls for talks, meets
 * Reyes")? The cue is in the -s form and takes an object, its content so far a noun phrase
 * (no verb of its own), and after the comma stands an unknown lower-case word in -s with
 * a word after it that is no preposition or conjunction (not a list: "calls for tanks,
 * shells for …"). */
static bool second_predicate(const ctx *c, const span *s, size_t cue, size_t cstart, size_t j) {
    if (punct(c, j) != ',' || c->v[j].quoted || j + 2 >= s->b || cue == UINT32_MAX ||
        form(c, cue) != FL_FORM_S || !c->k[cue].lower || cstart == 0) {
        return false;
    }
    /* a verb that takes an object, or its preposition ("calls for"); not "says" */
    if (!(bits(c, cue) & FL_W_OBJECT) && !(bits(c, cstart - 1) & FL_W_PREP)) {
        return false;
    }
    size_t n = j + 1;
    if (!is_word(c, n) || !c->k[n].lower || bits(c, n) != 0 || !suffix_is(c, n, "s", 4) ||
        suffix_is(c, n, "ss", 4) || suffix_is(c, n, "us", 4) || suffix_is(c, n, "is", 4) ||
        !is_word(c, n + 1) || (bits(c, n + 1) & (FL_W_PREP | FL_W_CONJ))) {
        return false;
    }
    if (clause_complement(c, s, cstart)) {
        return false;
    }
    for (size_t k = cstart; k < j; k++) {
        if (finite_verb(c, k) || (is_word(c, k) && form(c, k) == FL_FORM_S)) {
            return false;
        }
    }
    return true;
}

/* Does the topic of a cue's governed preposition ("warned of a levy") end at the comma at
 * j, before a coordinator and a clause ("…, but the council passed it")? That clause is the
 * writer's; a list goes on ("called for lower tolls, and higher wages"). */
static bool topic_ends_at(const ctx *c, const span *s, const fl_attr *at, size_t cstart, size_t j) {
    return j > cstart && cstart > at->cue_first && cstart == at->cue_end &&
           (bits(c, cstart - 1) & FL_W_PREP) && !(bits(c, cstart - 1) & FL_W_OPENER) &&
           punct(c, j) == ',' && comma_coordinator(c, s, j) && clause_follows(c, s, j + 2);
}

/* Is the speaker of at an empty subject before "be": existential "there" ("There were
 * reports that …") or an "it" whose adjective or participle takes the clause ("It is said
 * that …", "it was doubtful he would …")? It names no one, so the cue has no speaker. */
static bool expletive_speaker(const ctx *c, const span *s, const fl_attr *at) {
    size_t i = at->speaker_first;
    if (at->speaker_end != i + 1 || i + 1 >= s->b || !is_be(c, i + 1)) {
        return false;
    }
    if (folded_is(c, i, "there")) {
        return true;
    }
    return folded_is(c, i, "it") && at->cue_word != UINT32_MAX && at->cue_word > i + 1 &&
           at->cue_end == at->cue_word + 1 && at->cue_end < s->b &&
           clause_complement(c, s, at->cue_end);
}

/* Is the cue of at the past participle of a verb that takes an object, without an auxiliary,
 * right after the plain noun it describes and with no object after it: "as" ("names
 * mentioned as possible mayors") or an adjective in -ed that ends the phrase ("files now
 * deemed classified.")? A passive reduced to its participle: the noun is what is named or
 * judged, and no one is said to do it. */
static bool participle_after_noun(const ctx *c, const span *s, const fl_attr *at) {
    size_t i = at->cue_word;
    size_t vg = at->cue_first;
    if (at->cue_word == UINT32_MAX || at->speaker_first >= at->speaker_end ||
        at->speaker_end != vg || i + 2 >= s->b || at->cue_end != i + 1 ||
        !(bits(c, i) & FL_W_OBJECT) || (form(c, i) != FL_FORM_PAST && form(c, i) != FL_FORM_PP) ||
        !plain_word_before(c, vg)) {
        return false;
    }
    for (size_t k = vg; k < i; k++) {
        if (!is_word(c, k) || !((bits(c, k) & FL_W_ADV) || ends_in_ly(c, k))) {
            return false; /* adverbs only: "now deemed", "prominently mentioned" */
        }
    }
    size_t before = at->speaker_first;
    if (before > s->a && (bits(c, before - 1) & (FL_W_RELATIVE | FL_W_OPENER))) {
        return false; /* "which growers described as unfair": the growers describe it */
    }
    size_t j = i + 1;
    if (!is_word(c, j) || c->v[j].quoted) {
        return false;
    }
    if (folded_is(c, j, "as")) {
        return true;
    }
    return bits(c, j) == 0 && c->v[j].cue == NULL && c->k[j].lower && suffix_is(c, j, "ed", 5) &&
           !is_word(c, j + 1) && !c->v[j + 1].quoted;
}

/* The relative pronoun whose clause an adjunct interrupts before the speaker found at
 * [first, end), or SIZE_MAX: "Reyes, who in the past has praised …", "Lind, who through
 * his lawyer declined …", "the woman, who like many in the town did not want …", "Reyes,
 * who just a week ago said …". The words found are a preposition's object or a time ago;
 * the clause's subject is the pronoun. A pronoun or a name after a preposition-free walk
 * is the clause's own subject ("the levy, which he called …"). */
static size_t interrupted_relative(const ctx *c, const span *s, size_t first, size_t end) {
    if (first <= s->a + 1 || end <= first || end > c->n) {
        return SIZE_MAX;
    }
    bool adjunct = (is_word(c, first - 1) && c->k[first - 1].lower &&
                    (bits(c, first - 1) & FL_W_PREP) && !folded_is(c, first - 1, "of")) ||
                   folded_is(c, end - 1, "ago");
    if (!adjunct) {
        return SIZE_MAX;
    }
    for (size_t k = first; k > s->a && first - k < 8;) {
        k--;
        if (c->v[k].quoted) {
            return SIZE_MAX;
        }
        if (!is_word(c, k)) {
            int32_t p = punct(c, k);
            if (p != ',' && p != 0x2014 && p != 0x2013) {
                return SIZE_MAX;
            }
            continue;
        }
        uint32_t b = bits(c, k);
        if (b & FL_W_RELATIVE) {
            return (folded_is(c, k, "who") || folded_is(c, k, "which")) && k + 1 < first ? k
                                                                                         : SIZE_MAX;
        }
        if ((b & (FL_W_VERB | FL_W_CONJ | FL_W_PRON | ATTRIBUTION_CUES)) || c->k[k].upper) {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* The speaker of a cue whose subject was found before it, moved where the clause puts it:
 * to the relative pronoun whose clause an adjunct interrupts ("Lind, who through his lawyer
 * declined"), or inside a bracket still open at the verb ("… (Lind cites a memo …)"). */
static void speaker_in_clause(ctx *c, const span *s, fl_attr *at, size_t vg) {
    if (at->cue_word != UINT32_MAX && at->speaker_end <= vg &&
        at->speaker_end > at->speaker_first) {
        size_t r = interrupted_relative(c, s, at->speaker_first, at->speaker_end);
        if (r != SIZE_MAX) {
            at->speaker_first = (uint32_t)r;
            at->speaker_end = (uint32_t)r + 1;
        }
    }
    if (at->cue_word != UINT32_MAX && at->speaker_end <= at->cue_word &&
        at->speaker_end > at->speaker_first) {
        /* a bracket that opens before the verb and is still open at it holds the clause:
         * "… in a hurry (Lind cites a memo …)" has its subject inside, not before it */
        size_t open = SIZE_MAX;
        for (size_t k = at->speaker_first; k < at->cue_word; k++) {
            if (c->v[k].quoted) {
                continue;
            }
            if (punct(c, k) == '(') {
                open = k;
            } else if (punct(c, k) == ')') {
                open = SIZE_MAX;
            }
        }
        size_t e = vg < at->cue_word ? vg : at->cue_word;
        bool name = open != SIZE_MAX && open + 1 < e && count_words(c, open + 1, e) > 0 &&
                    count_words(c, open + 1, e) <= MAX_SPEAKER_WORDS &&
                    names_someone(c, open + 1, e);
        for (size_t k = open + 1; name && k < e; k++) {
            name = speaker_token(c, k) && !finite_verb(c, k) && c->v[k].role != FL_ROLE_CONTENT;
        }
        if (name) {
            unmark(c, at->speaker_first, at->speaker_end, at);
            at->speaker_first = (uint32_t)open + 1;
            at->speaker_end = (uint32_t)e;
            mark(c, open + 1, e, FL_ROLE_SPEAKER);
        }
    }
    /* a participle that ends the speaker before more words of its own opens a reduced
     * relative, no part of the name: "Syrian hackers backing the regime hijacked …",
     * "Four more bringing up the rear debated …" (its object stopped the speaker) */
    size_t last = at->speaker_end - 1;
    if (at->speaker_end >= at->speaker_first + 2 && at->speaker_end < s->b &&
        at->speaker_end != at->cue_first && ing_word(c, last) && !c->v[last].quoted &&
        is_word(c, last - 1) && !(bits(c, last - 1) & (FL_W_DET | FL_W_PREP)) &&
        is_word(c, at->speaker_end) && !c->v[at->speaker_end].quoted) {
        if (c->v[last].role == FL_ROLE_SPEAKER) {
            c->v[last].role = FL_ROLE_NONE;
        }
        at->speaker_end = (uint32_t)last;
    }
}

static fl_status finish(ctx *c, const span *s, fl_attr *at, size_t cstart, size_t vg,
                        size_t marked_from) {
    speaker_in_clause(c, s, at, vg);
    if (cstart != SIZE_MAX && cstart < s->b && !at_end(s, cstart)) {
        /* One walk from cstart, each token looked at a bounded number of times: the
         * content ends where another attribution has its part, where the relative clause
         * or bracket of the cue closes, where another speaker's clause opens, and, for a
         * noun phrase, an infinitive of perception or the participle clause that opens
         * the sentence ("Asked about the plan, he said …"), at its phrase's end. */
        uint32_t b = at->cue_word != UINT32_MAX ? bits(c, at->cue_word) : 0;
        bool phrase = ((b & FL_W_OBJECT) && !clause_complement(c, s, cstart)) ||
                      (vg == s->a && at->speaker_first == at->speaker_end) ||
                      (at->kind == FL_ATTRIBUTION_PERCEIVED && !(bits(c, cstart) & FL_W_OPENER));
        int32_t closer = clause_closer(c, s, vg);
        /* a participle's clause inside an apposition ends before the sentence's own verb:
         * "Dana Reyes, a delegate supporting Clinton, said …" */
        bool participle = at->cue_word != UINT32_MAX && form(c, at->cue_word) == FL_FORM_ING;
        /* and a past participle's inserted after the subject: "Lind, asked about the levy,
         * said …", "Lind, when pressed on the levy, said …" */
        bool inserted = at->cue_word != UINT32_MAX && inserted_participle(c, s, at->cue_word);
        if (inserted && (bits(c, at->cue_word) & FL_W_RECIPIENT) &&
            at->speaker_end <= at->cue_word) {
            /* "Lind, asked about the levy, …": Lind is the one asked, the asker is unsaid
             * (as in "Lind was asked"); the sentence's own verb keeps Lind */
            at->speaker_first = 0;
            at->speaker_end = 0;
        }
        if (inserted && !(bits(c, at->cue_word) & FL_W_RECIPIENT) &&
            at->speaker_end <= at->cue_word && at->cue_word + 1 < s->b &&
            (bits(c, at->cue_word + 1) & (FL_W_TIME | FL_W_PREP)) &&
            !folded_is(c, at->cue_word + 1, "that")) {
            /* "The deal, announced Friday, …", "The plan, unveiled in May, …": a passive
             * inserted after its subject; the subject is what was said, not who said it */
            at->speaker_first = 0;
            at->speaker_end = 0;
        }
        if (at->cue_word != UINT32_MAX && (naming_participle(c, s, vg, at->cue_word) ||
                                           name_alone_after(c, s, vg, at->cue_word))) {
            at->speaker_first = 0; /* a label given by no one named */
            at->speaker_end = 0;
        }
        /* so does a relative clause's: "Dana Reyes, head of a union that has backed Clinton,
         * said …" */
        bool relative = at->cue_word != UINT32_MAX && relative_clause(c, s, vg);
        /* a reduced passive's charge ends at a comma or the sentence's own verb ("Two aides
         * charged with perjury resigned") */
        bool reduced = at->cue_word != UINT32_MAX && vg == at->cue_word &&
                       reduced_passive(c, s, at->cue_word);
        size_t intro = at->cue_word != UINT32_MAX ? intro_clause_end(c, s, vg, cstart) : SIZE_MAX;
        size_t end = cstart;
        /* a verb of the content's own clause before end; an object or an infinitive has
         * the cue's ("declined to comment and Varga said", "defended the levy even though
         * he found") */
        bool verb_seen = phrase || folded_is(c, cstart, "to") ||
                         prepositional_content(c, s, cstart) ||
                         (at->cue_end == cstart && cstart > at->cue_first &&
                          (bits(c, cstart - 1) & FL_W_PREP) &&
                          !(bits(c, cstart - 1) & FL_W_OPENER)); /* "asked for" a photo */
        size_t scanned = cstart; /* verb_seen holds for [cstart, scanned) */
        /* a preposition's pronoun ("warned of it", "spoke about this") is the whole topic:
         * a clause after a comma and a conjunction is the writer's again */
        bool pronoun_topic = cstart > at->cue_first && cstart <= at->cue_end + 1 &&
                             (bits(c, cstart - 1) & FL_W_PREP) &&
                             (folded_is(c, cstart, "it") || folded_is(c, cstart, "this") ||
                              folded_is(c, cstart, "them"));
        /* what does not change along the walk, once: a governed preposition's topic, the
         * speaker's start */
        bool topic = cstart > at->cue_first && cstart == at->cue_end &&
                     (bits(c, cstart - 1) & FL_W_PREP) && !(bits(c, cstart - 1) & FL_W_OPENER);
        size_t speaker_first = at->speaker_first > cstart ? at->speaker_first : SIZE_MAX;
        while (end < s->b && c->v[end].role == FL_ROLE_NONE) {
            /* the tests that need punctuation at end (a comma, a closer, phrase_stops(),
             * comparison_at(), second_predicate()) behind one test of its kind: most tokens
             * of a content are words */
            bool pt = c->t[end].kind == FL_TOKEN_PUNCT;
            if (end > cstart &&
                ((pt && ((closer != 0 && punct(c, end) == closer) ||
                         (pronoun_topic && punct(c, end) == ',' && end + 1 < s->b &&
                          (bits(c, end + 1) & FL_W_CONJ)) ||
                         (topic && topic_ends_at(c, s, at, cstart, end)))) ||
                 ((bits(c, end) & (FL_W_CONJ | FL_W_ADV)) && end + 2 < s->b && c->k[end].lower &&
                  linked_speaker_clause_at(c, s, end) &&
                  verb_before_end(c, end, &verb_seen, &scanned)) ||
                 (pt && ((participle && punct(c, end) == ',' && end + 1 < s->b &&
                          finite_saying(c, end + 1)) ||
                         (inserted && punct(c, end) == ',' && !c->v[end].quoted && end + 1 < s->b &&
                          (finite_saying(c, end + 1) || finite_verb(c, end + 1) ||
                           finite_cue_verb(c, end + 1))) ||
                         (relative && punct(c, end) == ',' && !c->v[end].quoted && end + 1 < s->b &&
                          saying_after_apposition(c, s, end + 1)))) ||
                 (end + 2 < s->b && speaker_clause_at(c, s, end) &&
                  !closes_condition(c, s, cstart, end, at->cue_word)) ||
                 (pt && comparison_at(c, s, end)) ||
                 participle_after_quote_comma(c, s, cstart, end) ||
                 (reduced && end > cstart + 1 && (punct(c, end) == ',' || finite_verb(c, end))) ||
                 /* "In criticizing the levy, his adviser argued" */
                 (speaker_first != SIZE_MAX && end + 1 >= speaker_first) || end == intro ||
                 (pt && ((phrase && phrase_stops(c, s, end)) ||
                         second_predicate(c, s, at->cue_word, cstart, end))))) {
                break;
            }
            end++;
        }
        at->content_first = (uint32_t)cstart;
        at->content_end = (uint32_t)end;
        mark(c, cstart, end, FL_ROLE_CONTENT);
    }
    if (at->content_first == at->content_end && at->content2_first == at->content2_end) {
        size_t e = paragraph_after_colon(c, s, at->cue_end);
        size_t colon = s->b - 1;
        if (e == 0 && colon > at->cue_end && punct(c, colon) == ':' && !c->v[colon].quoted &&
            s->b < c->n && c->t[s->b].newlines_before > 0 && cstart != SIZE_MAX &&
            cstart >= colon && is_word(c, at->cue_end)) {
            /* "called for more levees along the river:", "said in a statement:" with
             * nothing after the colon: the paragraph below is what was said, as after
             * "He said:" */
            e = s->b + 1;
            while (e < c->n && c->t[e].newlines_before == 0) {
                e++;
            }
        }
        if (e == 0) {
            /* "He declined." reports nothing: its speaker and cue are no one's, and stay
             * free for a later cue ("Lind declined, then said …") and the voice */
            unmark(c, marked_from, cstart == SIZE_MAX ? at->cue_end : cstart, at);
            return FL_OK;
        }
        /* "He said:" ends its paragraph: the next paragraph is what he said */
        at->content_first = (uint32_t)s->b;
        at->content_end = (uint32_t)e;
        if (e > c->carry_end) {
            c->carry_end = e;
        }
    }
    if (at->content_first == at->content_end) {
        /* "The levy was challenged by growers": a passive's subject alone is its content */
        at->content_first = at->content2_first;
        at->content_end = at->content2_end;
        at->content2_first = at->content2_end = 0;
    }
    if (expletive_speaker(c, s, at) || participle_after_noun(c, s, at)) {
        at->speaker_first = 0;
        at->speaker_end = 0;
    }
    return add_attribution(c, at);
}

/* ------------------------------------------------------------------ speakers of cues
 * The words right before a verb group are its speaker only when they name someone. When
 * they do not, the speaker stands elsewhere (PolNeAR's sources, and what a reader takes):
 * - before an apposition: "Reyes, a senator from Oregon, said", "Varga (D-Ore.) told",
 *   "Ralston — after a shrug toward the door — told";
 * - for a relative clause, the relative pronoun: "Trump, who said …" (its actor is the
 *   antecedent's, see fl__publish_attributions);
 * - for a coordinated verb or a participle, the subject of the clause: "Wilson praised Rubio
 *   and said …", "Clinton tweeted congratulations, adding …"; after another attribution in the
 *   sentence, its speaker: "… Lewandowski said, adding: …". */

/* Is token i a time word, a coordinator or an adverb, which never end a speaker ("said
 * Saturday and says", "on Tuesday called")? */
/* Does "most" or "more" at i grade an adverb in -ly after it ("most recently")? */
static bool more_ly(const ctx *c, size_t i) {
    return (folded_is(c, i, "most") || folded_is(c, i, "more")) && i + 1 < c->n &&
           ends_in_ly(c, i + 1) && c->k[i + 1].lower;
}

/* Is word i written in capitals only, with two letters or more ("TODAY")? */
static bool all_capitals(const ctx *c, size_t i) {
    size_t letters = 0;
    for (size_t b = c->t[i].start; b < c->t[i].end; b++) {
        uint8_t x = c->text[b];
        if (x >= 'a' && x <= 'z') {
            return false;
        }
        letters += x >= 'A' && x <= 'Z';
    }
    return letters >= 2;
}

/* Is the month word i a given name ("April Ruiz, a spokeswoman, said")? So before a
 * capitalised surname that is no word of time or number, when no preposition, number or
 * determiner stands before it ("In June Ruiz said", "the April Fed meeting" stay months). */
static bool month_given_name(const ctx *c, size_t i) {
    static const char *const months[] = {"april", "june", "august"};
    if (!folded_in(c, i, months, sizeof months / sizeof months[0]) || !c->k[i].upper ||
        all_capitals(c, i) || i + 1 >= c->n || c->t[i + 1].sentence != c->t[i].sentence ||
        !is_word(c, i + 1) || !c->k[i + 1].upper || bits(c, i + 1) != 0 || all_capitals(c, i + 1)) {
        return false;
    }
    if (i > 0 && c->t[i - 1].sentence == c->t[i].sentence && is_word(c, i - 1) &&
        ((bits(c, i - 1) & (FL_W_PREP | FL_W_TIME | FL_W_DET)) || c->k[i - 1].all_digits ||
         number_word(c, i - 1))) {
        return false;
    }
    return true;
}

static bool not_a_name(const ctx *c, size_t i) {
    uint32_t b = bits(c, i);
    if ((b & FL_W_TIME) && month_given_name(c, i)) {
        return false;
    }
    /* a word of time in capitals after a capitalised word is part of a name: "USA TODAY" */
    if (is_word(c, i) && (b & FL_W_TIME) && i > 0 && is_word(c, i - 1) && c->k[i - 1].upper &&
        all_capitals(c, i) && all_capitals(c, i - 1)) {
        return false;
    }
    /* (the lengths first, without the calls: "-ly" takes five bytes, "most" and "more" four) */
    return !is_word(c, i) || (b & (FL_W_TIME | FL_W_ADV | FL_W_PREP)) ||
           (c->k[i].fold_len >= 5 && ly_adverb(c, i, 0)) || folded_is(c, i, "and") ||
           folded_is(c, i, "or") || folded_is(c, i, "but") ||
           (c->k[i].fold_len == 4 && more_ly(c, i)) ||
           (i > 0 && c->k[i - 1].fold_len == 4 &&
            more_ly(c, i - 1)); /* "and most recently defended" */
}

/* A finite verb in a run of words that would otherwise pass for a name: an auxiliary, a
 * common verb, or a lower-case word in -ed after a noun ("the senator lost", "Trump
 * walked"). */
static bool finite_verb(const ctx *c, size_t i) {
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
static bool count_word(const ctx *c, size_t i) {
    if (c->k[i].all_digits) {
        return c->k[i].fold_len <= 3;
    }
    return c->k[i].fold_len >= 3 && c->k[i].fold_len <= 8 && number_word(c, i);
}

/* A number in words that can open a noun phrase ("Two objectors", "Three aides"). */
static bool number_word(const ctx *c, size_t i) {
    /* by length: a word is compared only with the numbers as long as it */
    switch (c->k[i].fold_len) {
    case 3:
        return folded_is(c, i, "two") || folded_is(c, i, "six");
    case 4:
        return folded_is(c, i, "four") || folded_is(c, i, "five") || folded_is(c, i, "nine");
    case 5:
        return folded_is(c, i, "three") || folded_is(c, i, "seven") || folded_is(c, i, "eight");
    case 6:
        return folded_is(c, i, "dozens");
    case 8:
        return folded_is(c, i, "hundreds");
    default:
        return false;
    }
}

/* Is word i a lower-case noun of a person's trade or part, singular or plural ("teacher",
 * "makers", "economists", "delegate")? Told by its ending: a word the table does not know,
 * in -er, -or, -ist, -ian or -ate (and -s). */
static bool agent_noun(const ctx *c, size_t i) {
    const fl_tokinfo *k = &c->k[i];
    if (!is_word(c, i) || !k->lower || k->fold_len < 5 ||
        (bits(c, i) & ~(FL_W_ROLE | FL_W_SOURCE))) {
        return false;
    }
    const uint8_t *f = folded_at(c, k);
    size_t n = k->fold_len;
    if (f[n - 1] == 's') {
        n--;
    }
    return (f[n - 2] == 'e' && f[n - 1] == 'r') || (f[n - 2] == 'o' && f[n - 1] == 'r') ||
           (n >= 3 && ((memcmp(f + n - 3, "ist", 3) == 0 || memcmp(f + n - 3, "ian", 3) == 0 ||
                        memcmp(f + n - 3, "ate", 3) == 0)));
}

/* Where the clause goes on after an introduction [from, sep): after sep, or, when the
 * introduction ends in a town after a preposition and one or two capitalised words and a
 * comma follow before a name or a pronoun, after that comma ("In Tilden, New Mexico, Ruiz …":
 * the town's state is no subject). */
static size_t state_after_town(const ctx *c, size_t from, size_t sep, size_t vg) {
    size_t t = sep;
    /* (a capitalised preposition that opens the sentence is no part of the town: "In Berea") */
    while (t > from && sep - t < 4 && is_word(c, t - 1) && c->k[t - 1].upper &&
           !(bits(c, t - 1) & FL_W_PREP)) {
        t--;
    }
    if (t == sep || t == from || !(bits(c, t - 1) & FL_W_PREP)) {
        return sep + 1;
    }
    size_t m = sep + 1;
    while (m < vg && m - sep <= 2 && is_word(c, m) && c->k[m].upper &&
           !(bits(c, m) & FL_W_PRON)) { /* "New Mexico" */
        m++;
    }
    if (m > sep + 1 && m + 1 < vg && punct(c, m) == ',' && is_word(c, m + 1) &&
        !(bits(c, m + 1) & (FL_W_DET | FL_W_RELATIVE)) &&
        (c->k[m + 1].upper || (bits(c, m + 1) & FL_W_PRON))) {
        size_t n = m + 1;
        while (n < vg && is_word(c, n) && c->k[n].upper) {
            n++;
        }
        /* not a list of names: "In Dayton, Lind, Varga and Reyes met" */
        if (n < vg && (punct(c, n) == ',' || folded_is(c, n, "and"))) {
            return sep + 1;
        }
        return m + 1;
    }
    return sep + 1;
}

/* Is the "I" at i an initial before a name ("I. Charles Brandt said"), not the pronoun? The
 * pronoun takes no period before a capitalised word inside the sentence. */
static bool initial_i(const ctx *c, const span *s, size_t i) {
    return i + 2 < s->b && punct(c, i + 1) == '.' && !c->t[i + 1].space_before &&
           is_word(c, i + 2) && c->k[i + 2].upper && !(bits(c, i + 2) & FL_W_PRON);
}

/* Does a determiner at k open the second conjunct of a subject after "and" or "or" that
 * follows a capitalised word ("Growers and their allies", "Lind and her husband")? */
static bool second_conjunct(const ctx *c, size_t a, size_t k) {
    return k > a + 1 && (bits(c, k) & FL_W_DET) && c->k[k].lower &&
           (folded_is(c, k - 1, "and") || folded_is(c, k - 1, "or")) && is_word(c, k - 2) &&
           c->k[k - 2].upper;
}

/* The subject of the clause that holds the verb group at vg: the name at the start of the
 * sentence (after an introduction such as "In Iowa," or "Speaking to reporters,"), up to its
 * verb or an apposition. Sets [*first, *end) and returns true when one is found. */
static bool clause_subject(const ctx *c, const span *s, size_t vg, size_t *first, size_t *end) {
    size_t a = s->a;
    while (a < vg && !is_word(c, a)) {
        a++;
    }
    /* a conjunction that links the sentence to the one before: "But Edna Varley, a
     * volunteer with the alliance, said …" */
    if (a + 1 < vg && is_word(c, a + 1) &&
        (folded_is(c, a, "but") || folded_is(c, a, "and") || folded_is(c, a, "yet") ||
         folded_is(c, a, "so"))) {
        a++;
    }
    /* an introduction to the clause, up to its comma */
    for (size_t j = a; j < vg && j - a <= MAX_INTRO_TOKENS; j++) {
        if (punct(c, j) == ',') {
            if (intro_phrase(c, s, a, j)) {
                a = state_after_town(c, a, j, vg);
            }
            break;
        }
    }
    /* an adverb or a phrase of time without a comma: "Then she turned on Varga", "On Friday
     * she pressed the point", "By Monday morning he had left" */
    if (a + 1 < vg && is_word(c, a) && (bits(c, a) & FL_W_ADV) && !(bits(c, a) & FL_W_TIME) &&
        is_word(c, a + 1) && (c->k[a + 1].upper || (bits(c, a + 1) & (FL_W_PRON | FL_W_DET)))) {
        a++;
    } else if (a + 2 < vg && (bits(c, a) & FL_W_PREP) && !folded_is(c, a, "of")) {
        size_t j = a + 1;
        bool time = false;
        while (j < vg && j - a <= 4 && is_word(c, j) &&
               ((bits(c, j) & (FL_W_TIME | FL_W_DET)) || c->k[j].all_digits)) {
            time |= (bits(c, j) & FL_W_TIME) != 0 || c->k[j].all_digits;
            j++;
        }
        if (time && j < vg && is_word(c, j) && !(bits(c, j) & FL_W_DET) &&
            (c->k[j].upper || (bits(c, j) & FL_W_PRON))) {
            a = j;
        }
    } else {
        /* "Two weeks later she …", "Two days ago he …": a phrase of time that ends in
         * "later", "earlier" or "ago" */
        for (size_t j = a + 1; j < vg && j - a <= 4 && is_word(c, j); j++) {
            if ((folded_is(c, j, "later") || folded_is(c, j, "earlier") ||
                 folded_is(c, j, "ago")) &&
                time_phrase(c, a, j + 1)) {
                if (j + 1 < vg && is_word(c, j + 1) && !(bits(c, j + 1) & FL_W_DET) &&
                    (c->k[j + 1].upper || (bits(c, j + 1) & FL_W_PRON))) {
                    a = j + 1;
                }
                break;
            }
        }
    }
    if (a + 1 < vg && (folded_is(c, a, "he") || folded_is(c, a, "she") || folded_is(c, a, "they") ||
                       folded_is(c, a, "we") || (folded_is(c, a, "i") && !initial_i(c, s, a)))) {
        *first = a; /* a personal pronoun is the whole subject: "Then she turned on Varga" */
        *end = a + 1;
        return true;
    }
    /* the subject of "seem" is content of its perception, but also the subject of the
     * clause: "Lind seemed to welcome the ruling, saying …" */
    size_t seem_end = a;
    for (size_t n = c->res->attributions.len; n > 0; n--) {
        const fl_attr *x = &FL_VEC_AT(c->res->attributions, fl_attr, n - 1);
        if (x->sentence != s->index) {
            break;
        }
        if (x->kind == FL_ATTRIBUTION_PERCEIVED && x->content2_first == a && x->content2_end > a) {
            seem_end = x->content2_end;
            break;
        }
    }
    size_t k = a;
    bool capital_seen = false;
    /* a noun phrase that opens with a determiner or a quantifier ("The nurse", "Many
     * adoptees", "Another Clinton ally") runs on through its lower-case nouns */
    bool det_start = (bits(c, a) & FL_W_DET) || quantifier(c, a) || c->k[a].all_digits ||
                     number_word(c, a);
    /* so does a nationality before a plural: "Syrian hackers backing …", "Chinese officials"
     * (the plural is no verb of a name, as in "Sanders leads") */
    det_start = det_start || (a + 2 < vg && c->k[a].upper && bits(c, a) == 0 && c->k[a + 1].lower &&
                              plural(c, a + 1) &&
                              (suffix_is(c, a, "an", 5) || /* also "-ian": "Syrian" */
                               suffix_is(c, a, "ese", 6) || suffix_is(c, a, "ish", 6)));
    while (k < vg && k - a < MAX_SPEAKER_TOKENS &&
           (c->v[k].role != FL_ROLE_CONTENT || k < seem_end) && !c->v[k].quoted &&
           speaker_token(c, k) &&
           (!finite_verb(c, k) || (det_start && k == a + 1 && !(bits(c, k) & FL_W_AUX)) ||
            /* the last part of a compound: "state-owned", "Texas-based" */
            (k > a && c->t[k - 1].kind == FL_TOKEN_HYPHEN && !c->t[k].space_before)) &&
           punct(c, k) != '(' && punct(c, k) != ')') {
        /* ("The embattled governor": an -ed word right after the determiner describes) */
        if (c->t[k].kind == FL_TOKEN_CLITIC && k > a && c->k[k - 1].upper &&
            !(bits(c, k - 1) & FL_W_PRON)) {
            /* a possessive is a determiner: "Clinton's Democratic opponent, …" runs on
             * through its lower-case noun as "The Democratic opponent" does */
            det_start = true;
        }
        if (is_word(c, k)) {
            bool connector = folded_is(c, k, "of") || folded_is(c, k, "for") ||
                             folded_is(c, k, "and") || folded_is(c, k, "at");
            bool function = (bits(c, k) & FL_W_DET) || quantifier(c, k);
            /* a lower-case word after a name is its verb ("Sanders lost", "Janney also"); in
             * a noun phrase, one before an object or "to" ("Many adoptees try to …") */
            /* but a noun of trade after one capitalised word, before a comma or a name, ends
             * or opens the subject: "Cheese exporters, for example, complain", "Choir treasurer
             * Ivo Brandt, holding a trophy, said" */
            bool trade = k == a + 1 && !det_start && k + 1 < vg && agent_noun(c, k) &&
                         !suffix_is(c, a, "s", 1) &&
                         (punct(c, k + 1) == ',' || (is_word(c, k + 1) && c->k[k + 1].upper &&
                                                     !(bits(c, k + 1) & FL_W_PRON)));
            /* a lower-case word the table does not know, before a capitalised name, is a
             * title in the name: "Liberal incumbent Dana Lind" */
            bool title = k > a && k + 1 < vg && !det_start && is_word(c, k + 1) &&
                         c->k[k + 1].upper && !(bits(c, k + 1) & FL_W_PRON) && bits(c, k) == 0 &&
                         c->v[k].cue == NULL && !finite_verb(c, k) &&
                         (agent_noun(c, k) || suffix_is(c, k, "ent", 6) ||
                          suffix_is(c, k, "ant", 6) || suffix_is(c, k, "ee", 5));
            /* so are up to three lower-case words the table does not know, or roles, before a
             * name, after a capitalised word: "Liberal presidential contenders Dana Lind and
             * …", "Tilden county clerk Dana Lind" */
            if (!title && k > a && !det_start) {
                size_t m = k;
                const uint32_t function_word = FL_W_AUX | FL_W_VERB | FL_W_PREP | FL_W_DET |
                                               FL_W_PRON | FL_W_CONJ | FL_W_OPENER | FL_W_TIME;
                while (m < vg && m - k < 3 && is_word(c, m) && c->k[m].lower &&
                       !finite_verb(c, m) && !ends_in_ly(c, m) &&
                       ((bits(c, m) == 0 && c->v[m].cue == NULL) ||
                        /* a role with other uses, or a noun that is also a verb in its base
                         * form: "Tilden senior aide Dana Lind", "Radio talk host Dana Lind" */
                        (((bits(c, m) & FL_W_ROLE) ||
                          ((bits(c, m) & FL_W_NOUNLIKE) && form(c, m) == FL_FORM_BASE)) &&
                         !(bits(c, m) & function_word)))) {
                    m++;
                }
                title = m > k + 1 && m < vg && is_word(c, m) && c->k[m].upper &&
                        !(bits(c, m) & (FL_W_PRON | FL_W_TIME | FL_W_DET));
            }
            /* so is one such word right after "and" or "or": "Clinton and husband Bill" */
            title = title || (k > a + 1 && k + 1 < vg && is_word(c, k - 1) && !c->v[k - 1].quoted &&
                              (folded_is(c, k - 1, "and") || folded_is(c, k - 1, "or")) &&
                              bits(c, k) == 0 && c->v[k].cue == NULL && !finite_verb(c, k) &&
                              !ends_in_ly(c, k) && is_word(c, k + 1) && c->k[k + 1].upper &&
                              !(bits(c, k + 1) & (FL_W_PRON | FL_W_TIME | FL_W_DET)));
            /* so is a hyphenated one whose last part is such a noun: "Liberal front-runner
             * Dana Lind" */
            title = title ||
                    (k > a && k + 3 < vg && !det_start && c->t[k + 1].kind == FL_TOKEN_HYPHEN &&
                     !c->t[k + 1].space_before && is_word(c, k + 2) && c->k[k + 2].lower &&
                     agent_noun(c, k + 2) && is_word(c, k + 3) && c->k[k + 3].upper &&
                     !(bits(c, k + 3) & FL_W_PRON));
            /* an adverb after the noun stands between the subject and its verb: "The nurse
             * later sued, claiming …", "The growers also wrote, saying …" (not "the newly
             * elected mayor": right after the determiner it describes) */
            if (det_start && k > a + 1 && c->k[k].lower && k + 1 < vg && is_word(c, k + 1) &&
                c->k[k + 1].lower && !(bits(c, k - 1) & (FL_W_DET | FL_W_ADV)) &&
                ((bits(c, k) & FL_W_ADV) || ly_adverb(c, k, a))) {
                break;
            }
            if (second_conjunct(c, a, k)) {
                det_start = true; /* "Growers and their allies": a noun phrase of its own */
            }
            if (k > a && c->k[k].lower && !connector && !trade && !title &&
                c->t[k - 1].kind != FL_TOKEN_CLITIC &&
                c->t[k - 1].kind != FL_TOKEN_HYPHEN && /* "Vice-chair Maria Lind" */
                !(bits(c, k) & (FL_W_ROLE | FL_W_SOURCE)) &&
                (det_start
                     ? k + 1 < vg && k > a &&
                           ((bits(c, k + 1) & (FL_W_DET | FL_W_PRON)) || folded_is(c, k + 1, "to"))
                     : capital_seen)) {
                break;
            }
            capital_seen = (c->k[k].upper != 0 && !function) || (capital_seen && connector);
        }
        k++;
    }
    while (k > a && not_a_name(c, k - 1)) {
        k--;
    }
    if (k == a || count_words(c, a, k) == 0 || count_words(c, a, k) > MAX_SPEAKER_WORDS ||
        !names_someone(c, a, k)) {
        return false;
    }
    *first = a;
    *end = k;
    return true;
}

/* The name before the apposition or the bracket that ends right before the verb group at vg
 * ("…, Sen. Dana Lind (R-Iowa) said", "After a long night of counting in the capital, Dana
 * Lind, the party's chairwoman, said"), when it stands at the start of a clause: the
 * sentence's start, a comma or a linking conjunction. clause_subject finds it after a short
 * introduction; this finds it after any. Sets [*first, *end) and returns true when found. */
/* Does a subordinator open a clause right before word j ("where", "while", "even though",
 * "after"), not a relative pronoun that may be the clause's subject? */
static bool subordinator_before(const ctx *c, size_t j) {
    if (j == 0 || !is_word(c, j - 1) || c->v[j - 1].quoted) {
        return false;
    }
    return folded_is(c, j - 1, "where") || folded_is(c, j - 1, "when") || subordinator(c, j - 1);
}

static bool subject_before_apposition(const ctx *c, const span *s, size_t vg, bool later,
                                      size_t *first, size_t *end) {
    if (vg < s->a + 3) {
        return false;
    }
    size_t close = vg - 1;
    int32_t p = punct(c, close);
    size_t open = close;
    if (p == ')') {
        while (open > s->a && close - open < MAX_SPEAKER_TOKENS && punct(c, open) != '(') {
            open--;
        }
        if (punct(c, open) != '(') {
            return false;
        }
    } else if ((p == ',' && !c->v[close].quoted) || spaced_dash(c, close)) {
        /* back to the comma (or the dash) that opens the apposition, over words only */
        bool dash = p != ',';
        if (dash && close > s->a && punct(c, close - 1) == '-' && !c->t[close].space_before) {
            open = --close; /* a typewriter's "--" is one dash */
        }
        while (open > s->a && close - open < 2 * MAX_SPEAKER_TOKENS) {
            open--;
            int32_t q = punct(c, open);
            if (q == ',' || c->v[open].quoted || (dash && spaced_dash(c, open)) ||
                (q != 0 && q != '.' && q != '-' && q != '\'' && q != 0x2019 && q != '(' &&
                 q != ')')) {
                break;
            }
        }
        if ((dash ? !spaced_dash(c, open) : punct(c, open) != ',') || c->v[open].quoted ||
            open + 1 >= close) {
            return false;
        }
        size_t d = open + 1;
        if (dash && open > s->a && punct(c, open - 1) == '-' && !c->t[open].space_before) {
            open--;
        }
        /* the apposition describes: "the party's chairwoman", "chief of staff", "45", "a
         * founder of …", "who …"; not a clause ("…, he added, said"); or it adds to the
         * subject: "Many growers, including two of the mayor's aides, said" */
        uint32_t db = bits(c, d);
        bool adds = folded_is(c, d, "including");
        if (!adds && dash) {
            return false;
        }
        if (!adds &&
            (!is_word(c, d) || (db & (FL_W_PRON | FL_W_AUX | FL_W_VERB | FL_W_PREP | FL_W_CONJ)) ||
             !((db & (FL_W_DET | FL_W_ROLE | FL_W_SOURCE)) || c->k[d].upper || c->k[d].all_digits ||
               agent_noun(c, d)))) {
            if (!(db & FL_W_RELATIVE) || folded_is(c, d, "whose")) {
                return false;
            }
        }
    } else {
        return false;
    }
    /* the name before it, back to the start of its clause */
    size_t j = open;
    while (j > s->a && open - j < MAX_SPEAKER_TOKENS && c->v[j - 1].role == FL_ROLE_NONE &&
           speaker_token(c, j - 1) && !finite_verb(c, j - 1) && punct(c, j - 1) != '(' &&
           punct(c, j - 1) != ')') {
        j--;
    }
    size_t a = s->a;
    while (a < open && !is_word(c, a)) {
        a++;
    }
    if (j < a) {
        j = a;
    }
    if (j > a && is_word(c, j) && (folded_is(c, j, "and") || folded_is(c, j, "but")) &&
        is_separator(c, j - 1)) {
        j++; /* "…, and Dana Lind, the chairwoman, said" */
    }
    while (j < open && not_a_name(c, j)) {
        j++;
    }
    if (j >= open) {
        return false;
    }
    if (later) {
        /* only a clause that a subordinator, a coordinator or a dash opens inside the
         * sentence: "…, where Sen. Lind (R-Iowa) told", "… -- Brandt, an aide, told" */
        if (!(j > a && (spaced_dash(c, j - 1) || subordinator_before(c, j) ||
                        folded_is(c, j - 1, "and") || folded_is(c, j - 1, "but")))) {
            return false;
        }
    } else if (!(j == a || punct(c, j - 1) == ',' ||
                 ((folded_is(c, j - 1, "and") || folded_is(c, j - 1, "but") ||
                   folded_is(c, j - 1, "as")) && /* "As Lind, a grower, noted, …" */
                  (j - 1 == a || is_separator(c, j - 2))))) {
        return false;
    }
    if (!(c->k[j].upper || (bits(c, j) & (FL_W_DET | FL_W_PRON)) || quantifier(c, j)) ||
        count_words(c, j, open) > MAX_SPEAKER_WORDS || !names_someone(c, j, open)) {
        return false;
    }
    *first = j;
    *end = open;
    return true;
}

/* Is word j a subordinator or a relative pronoun that opens a clause with its own subject
 * ("when", "as", "after", "because", "that", "who", "which"), not a coordinator? */
static bool clause_opener(const ctx *c, size_t j) {
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
static bool subordinator(const ctx *c, size_t j) {
    return clause_opener(c, j) && !(bits(c, j) & FL_W_RELATIVE) && !folded_is(c, j, "that");
}

/* Does the clause whose verb group starts at e open with a modal, while the verb at vg is a
 * past ("Lind forecast that the levy would fall and praised the farmers")? A past cannot be
 * coordinated with a modal's bare verb, so that clause is not the verb's. */
static bool modal_before_past(const ctx *c, size_t e, size_t vg) {
    static const char *const modals[] = {"would",  "will",  "could", "can",
                                         "should", "might", "may",   "must"};
    return form(c, vg) == FL_FORM_PAST && !(bits(c, vg) & FL_W_AUX) && !irregular_past(c, vg) &&
           folded_in(c, e, modals, sizeof modals / sizeof modals[0]);
}

/* The subject of a coordinated verb or a participle at vg whose clause does not open the
 * sentence: the subject that clause_subject finds after one of the last MAX_CLAUSE_COMMAS
 * commas before vg (for a coordinated verb also after a subordinator or a relative
 * pronoun), nearest first, followed by its verb in lower case ("After two hours of
 * questions from the council, Lind kept her answers short, saying …", "At the end of a long council
 * session, several members stayed on past midnight and said …", "The room fell silent when
 * Lind rose from her seat and said …"; "…, who stood up and said": who). */
static bool subject_after_comma(const ctx *c, const span *s, size_t vg, bool openers, size_t *first,
                                size_t *end) {
    size_t commas = 0;
    for (size_t k = vg; k > s->a + 1 && vg - k < MAX_PIECE_TOKENS && commas < MAX_CLAUSE_COMMAS;
         k--) {
        size_t j = k - 1;
        if (openers && spaced_dash(c, j) && !c->v[j].quoted) {
            /* an aside between dashes is closed before the verb: its subject is none of the
             * coordinated verb's ("Lind jumped onto her account -- as she so often does --
             * and retweeted …": Lind); walk on before its opening dash */
            size_t d = j;
            if (punct(c, d) == '-' && d > s->a + 1 && punct(c, d - 1) == '-') {
                d--; /* the closing " -- " is two hyphens */
            }
            while (d > s->a + 1 && j - d < MAX_INTRO_TOKENS && !spaced_dash(c, d - 1)) {
                d--;
            }
            if (d > s->a + 1 && spaced_dash(c, d - 1) && !c->v[d - 1].quoted) {
                size_t o = d - 1; /* the opening dash, its first hyphen for " -- " */
                if (punct(c, o) == '-' && o > s->a && punct(c, o - 1) == '-') {
                    o--;
                }
                k = o + 1; /* the loop's k-- goes on at the word before the opening dash */
                continue;
            }
        }
        bool opener = openers && !c->v[j].quoted && is_word(c, j) && c->v[j].role == FL_ROLE_NONE &&
                      clause_opener(c, j);
        if (!opener && (c->v[j].quoted || punct(c, j) != ',')) {
            if (punct(c, j) == ';' || punct(c, j) == ':' || family(punct(c, j)) != FAMILY_NONE) {
                return false;
            }
            continue;
        }
        commas++;
        if (j + 2 >= vg) {
            continue;
        }
        if (opener && (bits(c, j) & FL_W_RELATIVE) && is_word(c, j + 1) && c->k[j + 1].lower &&
            (finite_verb(c, j + 1) || (bits(c, j + 1) & FL_W_ADV))) {
            *first = j; /* "…, who stood up and said" */
            *end = j + 1;
            return true;
        }
        span sub = *s;
        sub.a = j + 1;
        size_t f, e;
        /* the word after it is its verb; a lower-case word before a capital is a title in
         * the name ("Liberal incumbent Dana Lind") unless it is a verb the table knows */
        if (clause_subject(c, &sub, vg, &f, &e) && f == j + 1 && e + 1 < vg && is_word(c, e) &&
            c->k[e].lower && c->v[f].role == FL_ROLE_NONE && !modal_before_past(c, e, vg) &&
            (finite_verb(c, e) ||
             ((bits(c, e) & (ATTRIBUTION_CUES | FL_W_ADV)) && form(c, e) != FL_FORM_ADJ) ||
             !c->k[e + 1].upper) &&
            !(bits(c, f) & (FL_W_RELATIVE | FL_W_PREP | FL_W_CONJ | FL_W_OPENER)) &&
            !ing_word(c, f)) { /* "…, shifting his focus to X and admitting": a participle */
            *first = f;
            *end = e;
            return true;
        }
    }
    return false;
}

/* The subject of the nearest clause that ", and", ", but" or ", yet" links to the sentence
 * before the participle at vg, when its finite verb follows the subject ("Growers say the
 * levy is unfair, and the union has sued the town, saying …": the union). Sets [*first,
 * *end) and returns true when found. */
static bool linked_clause_subject(const ctx *c, const span *s, size_t vg, size_t *first,
                                  size_t *end) {
    for (size_t k = vg - 1; k > s->a + 1 && vg - k < MAX_PIECE_TOKENS; k--) {
        size_t j = k - 1;
        if (c->v[j].quoted) {
            continue;
        }
        int32_t q = punct(c, j);
        if (q == ';' || q == ':' || family(q) != FAMILY_NONE) {
            return false;
        }
        if (q != ',' || j + 3 >= vg || !is_word(c, j + 1) ||
            !(folded_is(c, j + 1, "and") || folded_is(c, j + 1, "but") ||
              folded_is(c, j + 1, "yet"))) {
            continue;
        }
        span sub = *s;
        sub.a = j + 1;
        size_t f, e;
        if (clause_subject(c, &sub, vg, &f, &e) && f == j + 2 && e < vg && is_word(c, e) &&
            c->k[e].lower && (finite_verb(c, e) || (bits(c, e) & FL_W_AUX)) &&
            c->v[f].role == FL_ROLE_NONE &&
            !(bits(c, f) & (FL_W_RELATIVE | FL_W_PREP | FL_W_CONJ | FL_W_OPENER))) {
            *first = f;
            *end = e;
            return true;
        }
        return false; /* only the nearest linked clause */
    }
    return false;
}

/* The subject of the clause that a subordinator opens right after the comma before the
 * comma at `comma` ("It was a long day, as the mayor echoed the criticism, saying …": the
 * mayor), when its verb follows the subject: a participle after such a clause is its
 * subject's. Sets [*first, *end) and returns true when found. */
static bool subordinate_subject(const ctx *c, const span *s, size_t comma, size_t *first,
                                size_t *end) {
    size_t k = comma;
    while (k > s->a && comma - k < MAX_PIECE_TOKENS) {
        k--;
        if (c->v[k].quoted || punct(c, k) == ';' || punct(c, k) == ':' ||
            family(punct(c, k)) != FAMILY_NONE) {
            return false;
        }
        if (punct(c, k) == ',') {
            break;
        }
    }
    if (punct(c, k) != ',' || k + 3 >= comma || !is_word(c, k + 1) || !clause_opener(c, k + 1) ||
        (bits(c, k + 1) & FL_W_RELATIVE) || c->v[k + 1].role != FL_ROLE_NONE) {
        return false;
    }
    span sub = *s;
    sub.a = k + 2;
    size_t f, e;
    if (!clause_subject(c, &sub, comma, &f, &e) || f != k + 2 || e >= comma || !is_word(c, e) ||
        !c->k[e].lower || !finite_verb(c, e) || c->v[f].role != FL_ROLE_NONE ||
        (bits(c, f) & (FL_W_RELATIVE | FL_W_PREP | FL_W_CONJ | FL_W_OPENER))) {
        return false;
    }
    *first = f;
    *end = e;
    return true;
}

/* Is there a finite verb (or verb of saying) in sentence s before token i, outside
 * quotation marks, so that a gerund at i belongs to a predicate, not to an introduction
 * ("One month after announcing his support, Rubio …")? */
static bool verb_before(const ctx *c, const span *s, size_t i) {
    for (size_t k = s->a; k < i; k++) {
        uint8_t f = form(c, k);
        if (!c->v[k].quoted &&
            (finite_verb(c, k) ||
             (is_word(c, k) && c->k[k].lower && (f == FL_FORM_PAST || f == FL_FORM_S) &&
              (bits(c, k) &
               (FL_W_SPEECH | FL_W_THOUGHT | FL_W_STANCE | FL_W_INTENT | FL_W_QUOTE_VERB))))) {
            return true;
        }
    }
    return false;
}

/* Is word i a preposition or subordinator whose gerund takes the clause's subject ("by
 * saying", "while urging", "after arguing", "before explaining", "without saying")? */
static bool gerund_link(const ctx *c, size_t i) {
    return folded_is(c, i, "by") || folded_is(c, i, "while") || folded_is(c, i, "after") ||
           folded_is(c, i, "before") || folded_is(c, i, "without");
}

static size_t approximator(const ctx *c, const span *s, size_t j);
static size_t participle_agent(const ctx *c, const span *s, size_t vg, size_t i);
static size_t controlled_object(const ctx *c, size_t from, size_t i);
static bool linked_clause_subject(const ctx *c, const span *s, size_t vg, size_t *first,
                                  size_t *end);
static bool subordinate_subject(const ctx *c, const span *s, size_t comma, size_t *first,
                                size_t *end);

/* The start of a phrase of time ending in "ago" right before the verb group at vg, between
 * the subject and its verb ("The council two days ago said", "… less than two weeks ago
 * said", "… a year ago warned"): its counts, units and approximators; vg when there is none
 * or when nothing stands before it in [from, vg) to be the subject. */
static size_t ago_phrase_start(const ctx *c, size_t from, size_t vg) {
    enum { MAX_AGO_WORDS = 6 };
    if (vg < from + 2 || c->v[vg - 1].quoted || !folded_is(c, vg - 1, "ago")) {
        return vg;
    }
    size_t k = vg - 1;
    bool unit = false;
    while (k > from && vg - k <= MAX_AGO_WORDS) {
        size_t p = k - 1;
        if (!is_word(c, p) || c->v[p].quoted || c->v[p].role != FL_ROLE_NONE || c->k[p].upper) {
            break;
        }
        bool is_unit = time_span_noun(c, p) || (bits(c, p) & FL_W_TIME) || folded_is(c, p, "day") ||
                       folded_is(c, p, "week") || folded_is(c, p, "month") ||
                       folded_is(c, p, "year") || folded_is(c, p, "hour");
        bool count = number_word(c, p) || c->k[p].all_digits || quantifier(c, p) ||
                     folded_is(c, p, "a") || folded_is(c, p, "an") || folded_is(c, p, "one") ||
                     folded_is(c, p, "ten") || folded_is(c, p, "couple") || folded_is(c, p, "of") ||
                     folded_is(c, p, "than") || folded_is(c, p, "less") ||
                     folded_is(c, p, "more") || folded_is(c, p, "about") ||
                     folded_is(c, p, "nearly") || folded_is(c, p, "almost") ||
                     folded_is(c, p, "just") || folded_is(c, p, "only") ||
                     folded_is(c, p, "roughly");
        if (!is_unit && !count) {
            break;
        }
        unit |= is_unit;
        k = p;
    }
    return unit && k > from ? k : vg;
}

/* Does word i open a phrase of time before a word of time ("this week", "this past week",
 * "that night")? */
static bool time_determiner(const ctx *c, size_t i) {
    return is_word(c, i) && c->k[i].lower &&
           ((bits(c, i) & FL_W_DET) || folded_is(c, i, "past") || folded_is(c, i, "coming"));
}

/* A relative pronoun before a comparison with "like" or "unlike" that stands between it and
 * the verb group at vg, with or without commas ("…, who like many growers opposed …",
 * "…, who, like other growers, remembered …"): its index, else SIZE_MAX. */
static size_t relative_before_like(const ctx *c, const span *s, size_t vg) {
    size_t end = vg;
    if (end > s->a && punct(c, end - 1) == ',' && !c->v[end - 1].quoted) {
        end--;
    }
    /* a cheap walk first, without speaker_token: most subjects hold no "like" */
    bool like = false;
    for (size_t k = end; k > s->a + 1 && end - k < MAX_SPEAKER_TOKENS && !like; k--) {
        size_t j = k - 1;
        if (c->v[j].quoted || c->v[j].role != FL_ROLE_NONE || punct(c, j) == ',') {
            return SIZE_MAX;
        }
        like = folded_is(c, j, "like") || folded_is(c, j, "unlike");
    }
    if (!like) {
        return SIZE_MAX;
    }
    for (size_t k = end; k > s->a + 1 && end - k < MAX_SPEAKER_TOKENS; k--) {
        size_t j = k - 1;
        if (c->v[j].quoted || c->v[j].role != FL_ROLE_NONE) {
            return SIZE_MAX;
        }
        if (folded_is(c, j, "like") || folded_is(c, j, "unlike")) {
            size_t w = j - 1;
            if (end < vg && punct(c, w) == ',' && w > s->a) {
                w--; /* "who, like …," */
            } else if (end < vg) {
                return SIZE_MAX;
            }
            return is_word(c, w) && (bits(c, w) & FL_W_RELATIVE) && !folded_is(c, w, "that") &&
                           c->v[w].role == FL_ROLE_NONE && j + 1 < end
                       ? w
                       : SIZE_MAX;
        }
        if (!speaker_token(c, j) || punct(c, j) == ',') {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* The relative pronoun whose clause an inserted phrase between commas or dashes
 * interrupts right before the verb group at vg ("her aides, who, on a call Friday,
 * criticized …", "the ad, which — as one columnist noted — promises …"): its clause's
 * subject; SIZE_MAX when none. The phrase holds no verb of its own (an attribution's, as
 * "noted" here, is its own). */
static size_t relative_before_insert(const ctx *c, const span *s, size_t vg) {
    if (vg < s->a + 4 || c->v[vg - 1].quoted) {
        return SIZE_MAX;
    }
    int32_t closer = punct(c, vg - 1);
    bool dash = spaced_dash(c, vg - 1);
    if (closer != ',' && !dash) {
        return SIZE_MAX;
    }
    size_t words = 0;
    for (size_t j = vg - 1; j > s->a + 1 && vg - j <= MAX_INTRO_TOKENS;) {
        j--;
        if (c->v[j].quoted) {
            return SIZE_MAX;
        }
        if (dash ? spaced_dash(c, j) : punct(c, j) == ',') {
            size_t w = j - 1; /* j > s->a + 1, so w > s->a */
            return words > 0 && is_word(c, w) && (bits(c, w) & FL_W_RELATIVE) &&
                           (folded_is(c, w, "who") || folded_is(c, w, "which")) &&
                           c->v[w].role == FL_ROLE_NONE && !c->v[w].quoted
                       ? w
                       : SIZE_MAX;
        }
        int32_t p = punct(c, j);
        if (p == ';' || p == ':' || p == ',' || p == '(' || p == ')' || is_dash_cp(p) ||
            (c->v[j].role == FL_ROLE_NONE && finite_verb(c, j))) {
            return SIZE_MAX;
        }
        words += is_word(c, j);
    }
    return SIZE_MAX;
}

/* The relative pronoun after a comma whose clause goes on with the verb group at vg after
 * "and", "or" or "but" ("Terris, who saw the vote and described it in print"): the second
 * verb shares the clause's subject; SIZE_MAX when none. No punctuation, quotation,
 * complementiser or other relative stands between. */
static size_t relative_conjunct(const ctx *c, const span *s, size_t vg) {
    if (vg < s->a + 4 || !is_word(c, vg - 1) || c->v[vg - 1].quoted ||
        !(folded_is(c, vg - 1, "and") || folded_is(c, vg - 1, "or") ||
          folded_is(c, vg - 1, "but"))) {
        return SIZE_MAX;
    }
    for (size_t j = vg - 1; j > s->a + 1 && vg - j <= 2 * MAX_SPEAKER_TOKENS;) {
        j--;
        if (c->v[j].quoted || !is_word(c, j)) {
            return SIZE_MAX;
        }
        uint32_t b = bits(c, j);
        if (b & FL_W_RELATIVE) {
            /* "who" needs a verb after it, before the conjunction */
            return (folded_is(c, j, "who") || folded_is(c, j, "which")) &&
                           c->v[j].role == FL_ROLE_NONE && punct(c, j - 1) == ',' && j + 2 < vg &&
                           c->k[j + 1].lower
                       ? j
                       : SIZE_MAX;
        }
        if (b & FL_W_OPENER) {
            return SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* "Dana Lind, 50, of Tilden said …", "Ivo Brandt, of Velm said …": a place of residence
 * after "of" or "from" whose closing comma was left out belongs to the name before the
 * appositions, which speaks. Sets [*first, *end) to that name and returns true. */
static bool name_before_residence(const ctx *c, const span *s, size_t a, size_t *first,
                                  size_t *end) {
    if (a < s->a + 4 || !(folded_is(c, a - 1, "of") || folded_is(c, a - 1, "from")) ||
        punct(c, a - 2) != ',' || c->v[a - 2].quoted) {
        return false;
    }
    size_t q = a - 2;
    if (age_closes_at(c, s, q)) {
        q -= 2; /* an age between commas: ", 50," */
    }
    size_t f = q;
    while (f > s->a && q - f < MAX_SPEAKER_TOKENS && c->v[f - 1].role == FL_ROLE_NONE &&
           !c->v[f - 1].quoted && speaker_token(c, f - 1) && !finite_verb(c, f - 1) &&
           (is_word(c, f - 1) ? c->k[f - 1].upper != 0 : punct(c, f - 1) == '.')) {
        f--;
    }
    if (f == q || !(f == s->a || is_separator(c, f - 1)) || !c->k[f].upper ||
        count_words(c, f, q) > MAX_SPEAKER_WORDS || !names_someone(c, f, q)) {
        return false;
    }
    *first = f;
    *end = q;
    return true;
}

/* Is [s->a, sep) a row of introductions between commas, each a phrase that opens a sentence
 * or a place in capitals ("In Berea, Ohio, after the count,")? A bracket tag after the name
 * that follows makes it the speaker's name, not a third place. */
static bool intro_pieces(const ctx *c, const span *s, size_t sep) {
    size_t end = sep;
    size_t pieces = 0;
    while (end > s->a) {
        size_t start = end;
        while (start > s->a && !(punct(c, start - 1) == ',' && !c->v[start - 1].quoted)) {
            start--;
        }
        bool place = end - start <= 3 && pieces > 0 && start > s->a;
        for (size_t k = start; place && k < end; k++) {
            place = is_word(c, k) && c->k[k].upper && !c->v[k].quoted && bits(c, k) == 0;
        }
        if (start == end || (!place && !intro_phrase(c, s, start, end))) {
            return false;
        }
        pieces++;
        end = start > s->a ? start - 1 : s->a;
    }
    return pieces > 1;
}

/* "After the vote, Gov. Dana Lind (R-Iowa), said …": a name, with its bracket tag, between
 * an introduction's comma and a stray comma before the verb group at vg speaks. Sets
 * [*first, *end) to the name and returns true. */
static bool name_before_stray_comma(const ctx *c, const span *s, size_t vg, size_t *first,
                                    size_t *end) {
    if (vg < s->a + 4 || punct(c, vg - 1) != ',' || c->v[vg - 1].quoted) {
        return false;
    }
    size_t open = vg - 1;
    size_t bracket = SIZE_MAX;
    while (open > s->a && vg - 1 - open <= MAX_SPEAKER_TOKENS + 6) {
        open--;
        int32_t q = punct(c, open);
        if (c->v[open].quoted || c->v[open].role != FL_ROLE_NONE) {
            return false;
        }
        if (q == '(') {
            bracket = open;
        } else if (q == ',') {
            break;
        } else if (q != 0 && q != '.' && q != '-' && q != ')') {
            return false;
        }
    }
    if (punct(c, open) != ',') {
        return false;
    }
    if (!intro_phrase(c, s, s->a, open)) {
        /* an introduction that ends in a town and its state: "In Berea, Ohio, Gov. Dana Lind
         * (R-Ohio), said …" (the state between the commas was the speaker) */
        size_t town = open;
        while (town > s->a && open - town <= 2 && is_word(c, town - 1) && c->k[town - 1].upper &&
               !c->v[town - 1].quoted) {
            town--;
        }
        if ((town == open || town <= s->a || punct(c, town - 1) != ',' || c->v[town - 1].quoted ||
             !intro_phrase(c, s, s->a, town - 1) ||
             state_after_town(c, s->a, town - 1, vg) != open + 1) &&
            (bracket == SIZE_MAX || !intro_pieces(c, s, open))) {
            return false;
        }
    }
    size_t f = open + 1;
    size_t e = bracket != SIZE_MAX ? bracket : vg - 1;
    if (f >= e || !is_word(c, f) || !c->k[f].upper || (bits(c, f) & FL_W_PRON) ||
        count_words(c, f, e) > MAX_SPEAKER_WORDS || !names_someone(c, f, e)) {
        return false;
    }
    for (size_t k = f; k < e; k++) {
        if (!speaker_token(c, k) || finite_verb(c, k) || (is_word(c, k) && c->k[k].lower)) {
            return false; /* a name in capitals only: "the mayor" is an apposition's */
        }
    }
    *first = f;
    *end = e;
    return true;
}

/* "The mayor responded, and growers said …": a clause with its own verb, a comma and a
 * coordinator before the subject are no part of it; the subject starts after the
 * coordinator. A list of names ("Lind, Brandt, and Reyes said") has no verb and stays.
 * Returns the subject's new first token, or a. */
static size_t after_linked_clause(const ctx *c, const span *s, size_t a, size_t b) {
    size_t start = a;
    bool verb = false;
    /* only a comma after a verb moves the start: without a comma, no verb tests */
    bool comma = false;
    for (size_t k = a + 1; k + 2 < b && !comma; k++) {
        comma = punct(c, k) == ',';
    }
    for (size_t k = a; comma && k + 2 < b; k++) {
        if (is_word(c, k) && (finite_verb(c, k) || (c->v[k].cue != NULL && c->k[k].lower))) {
            verb = true;
        }
        if (verb && punct(c, k) == ',' && comma_coordinator(c, s, k)) {
            start = k + 2;
        }
    }
    return start;
}

/* A finite verb inside the subject [*a, *b) before an article or a possessive that opens
 * its object ("Lind shot back a response urging …", "the senator opened a rally blasting
 * …", "Lind represents a district and like Varga has spoken …"): the subject is the name
 * before the verb, and *b moves there; but when the object is a text or a medium right
 * before a participle cue, the text speaks ("He ignored a report showing …": *a moves to
 * the object). The verb is an -ed word the table does not know, one of its common verbs or
 * a cue's past, also before a particle ("fired back"), or a word in -s right after a name
 * ("Lind represents"); not inside a relative clause ("Growers who have checked the figures
 * argue": the clause describes). */
static void object_behind_verb(const ctx *c, bool participle, size_t *a, size_t *b) {
    static const char *const opens_object[] = {"the", "a", "an", "his", "their", "its"};
    for (size_t k = *a + 2; k < *b; k++) {
        if (is_word(c, k - 1) &&
            ((bits(c, k - 1) & FL_W_RELATIVE) || folded_is(c, k - 1, "that"))) {
            return;
        }
        size_t v = k - 1;
        /* the cheap tests first: this runs on every word of a subject */
        if (!is_word(c, v) || !c->k[v].lower || c->v[v].quoted || c->k[k].fold_len > 5 ||
            !folded_in(c, k, opens_object, sizeof opens_object / sizeof opens_object[0])) {
            continue;
        }
        bool verb = (finite_verb(c, v) && !(bits(c, v) & FL_W_AUX)) ||
                    (form(c, v) == FL_FORM_PAST && (bits(c, v) & ATTRIBUTION_CUES)) ||
                    (suffix_is(c, v, "s", 4) && bits(c, v) == 0 && c->k[v - 1].upper &&
                     !(bits(c, v - 1) & FL_W_PRON));
        if (!verb && v > *a + 1 && finite_verb(c, v - 1) && !(bits(c, v - 1) & FL_W_AUX) &&
            bits(c, v) == 0 && c->k[v].fold_len <= 4) {
            verb = true; /* "fired back a response", "set out a plan" */
            v--;
        }
        if (!verb) {
            continue;
        }
        /* (a gathering is a medium too, but its host speaks: "opened a rally blasting …") */
        static const char *const gatherings[] = {"rally",    "debate",    "conference",
                                                 "briefing", "interview", "speech"};
        if (participle && (bits(c, *b - 1) & (FL_W_MEDIUM | FL_W_SOURCE | FL_W_NOUNLIKE)) &&
            !folded_in(c, *b - 1, gatherings, sizeof gatherings / sizeof gatherings[0])) {
            *a = k; /* "received a letter saying …": the letter says it */
            return;
        }
        while (v > *a && not_a_name(c, v - 1)) {
            v--;
        }
        if (v > *a) {
            *b = v;
        }
        return;
    }
}

/* The subject of a relative clause without "that" at the end of [a, b), before a finite
 * cue: a noun phrase that a determiner, a quantifier or an indefinite pronoun opens right
 * after a common noun ("the kind of jurist many growers fear", "the question nobody asked",
 * "the sum the council reported"); a when there is none, or when "who", "that" or another
 * opener already holds a clause in [a, b). */
static size_t relative_subject(const ctx *c, size_t a, size_t b) {
    for (size_t j = a; j < b; j++) {
        if (is_word(c, j) && ((bits(c, j) & (FL_W_RELATIVE | FL_W_OPENER)))) {
            return a; /* "Growers who have checked the figures argue": a clause with "who" */
        }
    }
    for (size_t k = a + 1; k < b; k++) {
        size_t n = k - 1;
        /* class bits before the string tests: this runs on every word of a subject */
        if (!is_word(c, n) || !is_word(c, k) || !c->k[n].lower || c->v[n].quoted ||
            c->v[k].quoted || c->t[n].kind == FL_TOKEN_CLITIC ||
            (bits(c, n) & (FL_W_DET | FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_PRON | FL_W_ADV |
                           FL_W_TIME | FL_W_RELATIVE))) {
            continue;
        }
        /* what opens the clause's subject before the tests of the noun before it: most
         * words open none */
        bool opens = ((bits(c, k) & FL_W_DET) && k + 1 < b) || quantifier(c, k) ||
                     people_pronoun(c, k);
        if (!opens || quantifier(c, n) || number_word(c, n) || ends_in_ly(c, n) ||
            finite_verb(c, n)) {
            continue;
        }
        if (ing_word(c, n)) {
            continue; /* "preparing a report": a verb and its object */
        }
        if (count_words(c, k, b) > 4) {
            continue;
        }
        bool clean = true;
        for (size_t j = k; j < b && clean; j++) {
            clean = !(bits(c, j) & (FL_W_PREP | FL_W_CONJ | FL_W_RELATIVE)) && !finite_verb(c, j);
        }
        if (clean && (names_someone(c, k, b) || plural(c, b - 1) || people_pronoun(c, k))) {
            return k;
        }
    }
    return a;
}

/* Before the comma at a - 1, is there a name with its bracket tag ("Sen. Dana Lind
 * (D-Ore.),") that a comma (also one inside a closing quotation mark) or the sentence's
 * start precedes? Then an apposition after it
 * whose closing comma is missing describes that name, which speaks ("…, Sen. Dana Lind
 * (D-Ore.), a supporter of the levy told …"). Sets [*first, *end) to the name. */
static bool tagged_name_before(const ctx *c, const span *s, size_t a, size_t *first, size_t *end) {
    if (a < s->a + 5 || punct(c, a - 1) != ',' || punct(c, a - 2) != ')' || c->v[a - 1].quoted) {
        return false;
    }
    size_t open = a - 2;
    while (open > s->a && a - 2 - open < 8 && punct(c, open) != '(') {
        open--;
    }
    if (punct(c, open) != '(' || c->v[open].quoted) {
        return false;
    }
    size_t f = open;
    while (f > s->a && open - f < MAX_SPEAKER_TOKENS && !c->v[f - 1].quoted &&
           c->v[f - 1].role == FL_ROLE_NONE &&
           (is_word(c, f - 1) ? c->k[f - 1].upper != 0 : punct(c, f - 1) == '.')) {
        f--;
    }
    if (f == open || !is_word(c, f) ||
        !(f == s->a || punct(c, f - 1) == ',' || quote_comma(c, s, f - 1)) ||
        !names_someone(c, f, open)) {
        return false;
    }
    *first = f;
    *end = open;
    return true;
}

/* Is [a, b) a bare noun phrase of one or two lower-case words that opens its clause right
 * before a finite verb of saying at cue ("although history says …", "while enlisted
 * personnel favored …")? A subject without a determiner names no one by its words, but a
 * finite verb of saying makes it the source (PolNeAR marks it). */
static bool bare_noun_subject(const ctx *c, const span *s, size_t a, size_t b, size_t vg,
                              size_t cue) {
    /* (an -s form that is also a noun ends a noun phrase there: "direct quotes") */
    if (b != vg || b <= a || b - a > 2 || a <= s->a || vg != cue ||
        (form(c, cue) != FL_FORM_PAST && form(c, cue) != FL_FORM_S) ||
        (form(c, cue) == FL_FORM_S && (bits(c, cue) & FL_W_NOUNLIKE))) {
        return false;
    }
    for (size_t k = a; k < b; k++) {
        if (!is_word(c, k) || !c->k[k].lower || c->v[k].quoted || c->v[k].cue != NULL ||
            ends_in_ly(c, k) || ing_word(c, k) || c->k[k].all_digits ||
            (bits(c, k) & ~(FL_W_NOUNLIKE | FL_W_ROLE | FL_W_SOURCE | FL_W_MEDIUM))) {
            return false;
        }
    }
    /* the clause opens right before it: a subordinator or a conjunction */
    return is_word(c, a - 1) && !c->v[a - 1].quoted &&
           (bits(c, a - 1) & (FL_W_CONJ | FL_W_OPENER)) && !(bits(c, a - 1) & FL_W_RELATIVE) &&
           !folded_is(c, a - 1, "that");
}

/* The speaker of the cue whose verb group starts at vg, when the words before it, [*first,
 * vg), name no one (see above). *first and *end are set to the speaker found (empty when
 * none). attrs_before: the attributions of this sentence found before this one. */
static void refine_speaker(const ctx *c, const span *s, size_t vg, size_t cue, size_t attrs_before,
                           size_t *first, size_t *end) {
    size_t who = relative_before_like(c, s, vg);
    if (who == SIZE_MAX) {
        who = relative_before_insert(c, s, vg);
    }
    if (who != SIZE_MAX) {
        *first = who; /* "…, who, like many growers, opposed …" */
        *end = who + 1;
        return;
    }
    size_t a = *first;
    size_t b = vg;
    while (a < b && not_a_name(c, a) && approximator(c, s, a) == a) {
        a++; /* "Tuesday", "and"; not "At least" (half) */
    }
    bool coordinated = b > s->a && (folded_is(c, b - 1, "and") || folded_is(c, b - 1, "or") ||
                                    folded_is(c, b - 1, "but"));
    /* so is one after a coordinator and an adjunct with no name or pronoun in it: "… but at
     * a later hearing said", "… and on Friday told" (not "and in Tilden growers said",
     * "and in the place he proposed") */
    /* a walk without plural() first: most subjects hold no preposition after "and" or "but" */
    bool adjunct = false;
    for (size_t k = vg; !coordinated && !adjunct && k > s->a + 1 && vg - k < MAX_ADJUNCT_TOKENS;
         k--) {
        if (!is_word(c, k - 1) || c->v[k - 1].quoted ||
            (c->k[k - 1].upper && !(bits(c, k - 1) & FL_W_TIME)) ||
            (bits(c, k - 1) & (FL_W_PRON | FL_W_RELATIVE))) {
            break;
        }
        adjunct = (bits(c, k - 1) & FL_W_PREP) && k < vg &&
                  (folded_is(c, k - 2, "and") || folded_is(c, k - 2, "but"));
    }
    for (size_t k = vg; adjunct && !coordinated && k > s->a + 1 && vg - k < MAX_ADJUNCT_TOKENS;
         k--) {
        if (!is_word(c, k - 1) || c->v[k - 1].quoted ||
            (c->k[k - 1].upper && !(bits(c, k - 1) & FL_W_TIME)) || plural(c, k - 1) ||
            (bits(c, k - 1) & (FL_W_PRON | FL_W_RELATIVE))) {
            break;
        }
        if ((bits(c, k - 1) & FL_W_PREP) && k < vg &&
            (folded_is(c, k - 2, "and") || folded_is(c, k - 2, "but"))) {
            coordinated = true;
        }
    }
    bool timed = a == b && *first < vg; /* only a time before the verb: "on Saturday said" */
    bool time_det = false;
    /* an adverbial of two words between the subject and its verb: "Growers in particular
     * want …", "The council in turn said …", "Farmers for example say …" */
    if (b > a + 2 && b == vg && !c->v[b - 1].quoted &&
        ((folded_is(c, b - 2, "in") &&
          (folded_is(c, b - 1, "particular") || folded_is(c, b - 1, "turn"))) ||
         (folded_is(c, b - 2, "for") &&
          (folded_is(c, b - 1, "example") || folded_is(c, b - 1, "instance"))))) {
        b -= 2;
    }
    size_t ago = ago_phrase_start(c, a, b);
    if (b == vg && ago > a && ago < b) {
        b = ago; /* "The council two days ago said": the time is no part of the speaker */
    }
    while (b > a && (not_a_name(c, b - 1) ||
                     (b - 1 > a && (folded_is(c, b - 1, "both") || folded_is(c, b - 1, "all") ||
                                    folded_is(c, b - 1, "each"))) ||
                     (b < vg && time_determiner(c, b - 1) &&
                      ((bits(c, b) & FL_W_TIME) || folded_is(c, b, "past"))))) {
        /* a floating quantifier: "Lind and Varga both denounced", "They all said"; the
         * determiner of a time: "The council this week announced", "this past week" */
        time_det |= b < vg && time_determiner(c, b - 1);
        b--;
    }
    timed |= a == b && time_det; /* "Lind, the treasurer, this week announced" */
    object_behind_verb(c, form(c, cue) == FL_FORM_ING && b == vg, &a, &b);
    static const char *const subject_pronouns[] = {"he", "she", "they", "we", "i"};
    if (b >= a + 2 &&
        folded_in(c, b - 1, subject_pronouns,
                  sizeof subject_pronouns / sizeof subject_pronouns[0]) &&
        is_word(c, b - 2) && c->k[b - 2].lower && !(bits(c, b - 2) & (FL_W_CONJ | FL_W_PREP)) &&
        !folded_is(c, b - 2, "and") && !folded_is(c, b - 2, "or")) {
        /* a relative clause without "that": "One of the things he wanted", "the last time
         * she urged": the pronoun is the verb's subject */
        a = b - 1;
    }
    a = after_linked_clause(c, s, a, b);
    if (form(c, cue) != FL_FORM_ING && b >= a + 3) {
        a = relative_subject(c, a, b); /* "the kind of jurist many growers fear" */
    }
    /* a name, a pronoun, a role; also a plural noun or a quantifier ("security specialists
     * say", "company executives said", "some want") */
    /* a share of people: "46 percent said", "six in 10 said", "39 have said" (not "2013") */
    bool counted = b > a && count_words(c, a, b) <= MAX_COUNT_WORDS &&
                   ((folded_is(c, b - 1, "percent") && b - 1 > a && c->k[b - 2].all_digits) ||
                    (b - 1 > a + 1 && count_word(c, b - 1) && folded_is(c, b - 2, "in") &&
                     count_word(c, b - 3)) ||
                    (b == a + 1 && count_word(c, a)));
    if (a < b && !coordinated &&
        (names_someone(c, a, b) || plural(c, b - 1) || (b == a + 1 && quantifier(c, a)) ||
         counted || bare_noun_subject(c, s, a, b, vg, cue))) {
        *first = a;
        *end = b;
        if (name_before_residence(c, s, a, first, end)) {
            return;
        }
        /* "Dana Lind of Tilden, Ohio says …": a state after a town and its comma ends a
         * name's place, and the name speaks */
        if (b - a <= 2 && a > s->a + 3 && punct(c, a - 1) == ',' && !c->v[a - 1].quoted &&
            c->k[a].upper && c->k[b - 1].upper && c->v[a - 2].role == FL_ROLE_NONE) {
            size_t t = a - 1;
            while (t > s->a && a - 1 - t < 3 && is_word(c, t - 1) && c->k[t - 1].upper &&
                   !c->v[t - 1].quoted) {
                t--;
            }
            size_t g = t > s->a + 1 ? t - 1 : t;
            if (t < a - 1 && g < t &&
                (folded_is(c, g, "of") || folded_is(c, g, "from") || folded_is(c, g, "in"))) {
                size_t n = g;
                while (n > s->a && g - n < 4 && is_word(c, n - 1) && c->k[n - 1].upper &&
                       !c->v[n - 1].quoted && c->v[n - 1].role == FL_ROLE_NONE) {
                    n--;
                }
                if (n < g && (n == s->a || is_separator(c, n - 1) ||
                              (bits(c, n - 1) & (FL_W_CONJ | FL_W_OPENER)))) {
                    *first = n;
                }
            }
        }
        if (a > s->a + 1 && punct(c, a - 1) == ',' && !c->v[a - 1].quoted &&
            (folded_is(c, a, "a") || folded_is(c, a, "an") || folded_is(c, a, "the"))) {
            /* an apposition whose closing comma is missing: "Ivo Brandt, a former aide to
             * the mayor has written …": the name that opens the sentence speaks */
            size_t n = s->a;
            while (n < a - 1 && !is_word(c, n)) {
                n++;
            }
            bool name = n + 1 < a - 1;
            for (size_t k = n; k < a - 1 && name; k++) {
                name = (is_word(c, k) && c->k[k].upper && !(bits(c, k) & ~FL_W_ROLE)) ||
                       punct(c, k) == '.';
            }
            if (name && names_someone(c, n, a - 1)) {
                *first = n;
                *end = a - 1;
            }
        }
        if (folded_is(c, a, "a") || folded_is(c, a, "an") || folded_is(c, a, "the")) {
            size_t f, e;
            if (tagged_name_before(c, s, a, &f, &e)) {
                /* "On Friday, Sen. Dana Lind (D-Ore.), a supporter of the levy told …" */
                *first = f;
                *end = e;
            }
        }
        if (a > s->a + 1 && punct(c, a - 1) == '(') {
            /* "Sen. Dana Lind (R-Iowa) on Tuesday downplayed": the bracket tags the name
             * before it, which speaks */
            size_t e = a - 1;
            size_t f = e;
            while (f > s->a && e - f < MAX_SPEAKER_TOKENS && c->v[f - 1].role == FL_ROLE_NONE &&
                   speaker_token(c, f - 1) && punct(c, f - 1) != '(' && punct(c, f - 1) != ')') {
                f--;
            }
            while (f < e && not_a_name(c, f)) {
                f++;
            }
            if (f < e && names_someone(c, f, e)) {
                *first = f;
                *end = e;
            }
        }
        return;
    }
    *first = *end = vg;
    bool relative = false;
    if (vg > s->a && (((bits(c, vg - 1) & FL_W_RELATIVE) && !folded_is(c, vg - 1, "that")) ||
                      (contracted_pronoun(c, vg - 1, &relative) && relative))) {
        *first = vg - 1; /* "…, who said", "…, which said", "…, who've said" */
        return;
    }
    if (vg > s->a + 1 && folded_is(c, vg - 1, "that") && !c->v[vg - 1].quoted &&
        is_word(c, vg - 2) && (bits(c, vg - 2) & FL_W_ROLE) &&
        !(bits(c, vg - 2) & (FL_W_SOURCE | FL_W_MEDIUM))) {
        *first = vg - 1; /* "the growers' unions that have endorsed her": a relative "that"
                          * after a noun of people or an organisation */
        return;
    }
    int32_t p = vg > s->a ? (quote_comma(c, s, vg - 1) ? ',' : punct(c, vg - 1)) : 0;
    bool apposition = p == ',' || p == ')' || (vg > s->a && spaced_dash(c, vg - 1));
    /* a gerund after a subordinating word in the clause's own predicate, or after a
     * comma, shares its subject: "Lind attacked Varga by reminding voters …", "…,
     * while urging …", "Varga, while feeling …" */
    size_t link = vg; /* "after hastily posting": past an adverb in -ly */
    while (link > s->a + 2 && vg - link < 2 && ends_in_ly(c, link - 1) && c->k[link - 1].lower) {
        link--;
    }
    bool participle = form(c, cue) == FL_FORM_ING &&
                      (p == ',' || (link > s->a + 1 && gerund_link(c, link - 1) &&
                                    (punct(c, link - 2) == ',' || verb_before(c, s, link - 1))));
    if (!(apposition || coordinated || participle || timed)) {
        return;
    }
    size_t f, e;
    /* after a clause that ", and"/", but" links, its subject: "Growers say the levy is unfair,
     * and the union has sued the town, saying …" */
    if (participle && p == ',' && linked_clause_subject(c, s, vg - 1, &f, &e)) {
        *first = f;
        *end = e;
        return;
    }
    /* a verb coordinated in a relative clause has its pronoun: "Terris, who saw the vote and
     * described it" (not the sentence's subject, nor an earlier speaker) */
    size_t rel = coordinated && !participle ? relative_conjunct(c, s, vg) : SIZE_MAX;
    if (rel != SIZE_MAX) {
        *first = rel;
        *end = rel + 1;
        return;
    }
    /* after another attribution of the sentence, its speaker: "Lewandowski said, adding" */
    if (coordinated || participle) {
        const fl_attr *at = c->res->attributions.data;
        for (size_t i = c->res->attributions.len; i > attrs_before; i--) {
            const fl_attr *x = &at[i - 1];
            if (x->sentence == s->index && x->speaker_first < x->speaker_end && x->cue_first < vg &&
                /* not one in the clause that opens the sentence: "After Varga called for a
                 * levy, Lind kept to her line, noting …" */
                intro_clause_end(c, s, x->cue_first, x->cue_end) >= vg) {
                *first = x->speaker_first;
                *end = x->speaker_end;
                return;
            }
        }
    }
    if (coordinated && subject_after_comma(c, s, vg, true, &f, &e)) {
        *first = f; /* the nearest clause's subject */
        *end = e;
    } else if (participle && p == ',' && subordinate_subject(c, s, vg - 1, &f, &e)) {
        *first = f; /* "…, as the mayor echoed the criticism, saying …" */
        *end = e;
    } else if (p == ',' && !coordinated && !participle && !timed &&
               name_before_stray_comma(c, s, vg, &f, &e)) {
        *first = f;
        *end = e;
    } else if (apposition && !coordinated && !participle && !timed &&
               subject_before_apposition(c, s, vg, true, &f, &e)) {
        /* a finite verb right after a name and its apposition is the name's, wherever the
         * clause opens: "…, where Sen. Dana Lind (R-Iowa) told reporters", "…, while Ivo
         * Brandt, the treasurer, proposed", "… -- Ivo Brandt, an aide, told" */
        *first = f;
        *end = e;
    } else if (p == ')' && !coordinated && !participle && !timed &&
               subject_before_apposition(c, s, vg, false, &f, &e)) {
        /* a bracket tag right before the verb closes the name that speaks, after any
         * introduction: "Sunday, on the Courier's "Morning Show," while commenting on …,
         * Governor Dana Lind (R-Okla.) said" */
        *first = f;
        *end = e;
    } else if (clause_subject(c, s, vg, &f, &e) && e <= vg) {
        *first = f;
        *end = e;
    } else if (apposition && subject_before_apposition(c, s, vg, false, &f, &e)) {
        *first = f;
        *end = e;
    } else if (participle && subject_after_comma(c, s, vg, false, &f, &e)) {
        *first = f;
        *end = e;
    }
}

/* The object that speaks for an infinitive cue at i ("to" before it) after a verb of
 * causing or letting, whose object is the infinitive's subject ("The vote led the mayor to
 * declare victory", "The ruling would allow him to call for a levy"); i when there is none.
 * Verbs whose subject does the act ("promised voters to …", "used the speech to attack …")
 * are not among them, nor "leave", which also moves ("left the hall to call her lawyer"). */
static size_t controlled_object(const ctx *c, size_t from, size_t i) {
    static const char *const control[] = {
        "allow",      "allows",      "allowed",   "allowing",   "lead",      "leads",
        "led",        "leading",     "force",     "forces",     "forced",    "forcing",
        "drive",      "drives",      "drove",     "driving",    "push",      "pushes",
        "pushed",     "pushing",     "prompt",    "prompts",    "prompted",  "prompting",
        "require",    "requires",    "required",  "requiring",  "encourage", "encourages",
        "encouraged", "encouraging", "persuade",  "persuades",  "persuaded", "persuading",
        "convince",   "convinces",   "convinced", "convincing", "cause",     "causes",
        "caused",     "causing",     "inspire",   "inspires",   "inspired",  "inspiring",
        "compel",     "compels",     "compelled", "compelling", "pressure",  "pressured",
        "spur",       "spurred",     "enable",    "enables",    "enabled",   "enabling"};
    if (i < from + 3 || !folded_is(c, i - 1, "to") || c->v[i - 1].quoted) {
        return i;
    }
    size_t j = i - 1;
    while (j > from && i - 1 - j < MAX_SPEAKER_TOKENS && c->v[j - 1].role == FL_ROLE_NONE &&
           !c->v[j - 1].quoted && is_word_like(c, j - 1) &&
           !folded_in(c, j - 1, control, sizeof control / sizeof control[0])) {
        uint32_t b = bits(c, j - 1);
        if ((b & (FL_W_AUX | FL_W_RELATIVE | FL_W_OPENER)) || finite_verb(c, j - 1) ||
            ((b & FL_W_CONJ) && !folded_is(c, j - 1, "and")) ||
            ((b & FL_W_PREP) && !folded_is(c, j - 1, "of"))) {
            return i; /* but "allow growers and clerks to …" */
        }
        j--;
    }
    if (j <= from || j == i - 1 ||
        !folded_in(c, j - 1, control, sizeof control / sizeof control[0]) ||
        count_words(c, j, i - 1) > MAX_SPEAKER_WORDS) {
        return i;
    }
    /* the object names someone: a pronoun, a name, a role, a noun phrase, a plural */
    if (!(object_pronoun(c, j) || names_someone(c, j, i - 1) || plural(c, i - 2) ||
          (j + 2 == i && quantifier(c, j)))) { /* "caused many to wonder" */
        return i;
    }
    return j;
}

/* The object of "leave" that an infinitive after it tells of ("The ruling left many growers
 * to wonder what went wrong", "…, leaving some to question whether …"): it speaks for the
 * infinitive at i when it is a pronoun, a quantifier or a plural (people, not a place one
 * leaves: "He left the hall to tell reporters …" keeps its subject). Returns its first token,
 * or i. */
static size_t left_object(const ctx *c, size_t from, size_t i) {
    static const char *const leave[] = {"leave", "leaves", "left", "leaving"};
    if (i < from + 3 || !folded_is(c, i - 1, "to") || c->v[i - 1].quoted) {
        return i;
    }
    size_t j = i - 1;
    while (j > from && i - 1 - j < 4 && c->v[j - 1].role == FL_ROLE_NONE && !c->v[j - 1].quoted &&
           is_word(c, j - 1) && c->k[j - 1].lower &&
           !folded_in(c, j - 1, leave, sizeof leave / sizeof leave[0])) {
        uint32_t b = bits(c, j - 1);
        if ((b & ~(FL_W_DET | FL_W_ROLE | FL_W_PRON)) || finite_verb(c, j - 1)) {
            return i;
        }
        j--;
    }
    if (j <= from || j == i - 1 || !folded_in(c, j - 1, leave, sizeof leave / sizeof leave[0])) {
        return i;
    }
    bool people = (j + 2 == i && (object_pronoun(c, j) || quantifier(c, j))) ||
                  (plural(c, i - 2) && !(bits(c, i - 2) & FL_W_DET));
    return people ? j : i;
}

/* Does the sentence's verb follow the agent of a participle that ends at e, after at most
 * a phrase of time or place ("… by the mayor on Tuesday would raise …")? */
static bool verb_after_agent(const ctx *c, const span *s, size_t e) {
    for (size_t k = e; k < s->b && k - e <= MAX_ADJUNCT_TOKENS; k++) {
        uint32_t b = bits(c, k);
        if (!is_word(c, k) || c->v[k].quoted || (b & (FL_W_OPENER | FL_W_PRON | FL_W_RELATIVE))) {
            return false;
        }
        if ((b & FL_W_AUX) || (c->k[k].lower && finite_verb(c, k))) {
            return true;
        }
    }
    return false;
}

/* A participle without an auxiliary whose agent follows: "Asked by a reporter whether …",
 * "As reported by the Courier, …", "…, first reported by the Courier, …": a passive clause
 * reduced to its participle, where it opens the sentence or follows "as" or a comma (not
 * "The council said by a vote of five to two that …", an active verb's adjunct). Returns
 * the end of the agent's name after "by", or 0 when there is none. */
static size_t participle_agent(const ctx *c, const span *s, size_t vg, size_t i) {
    uint8_t f = form(c, i);
    if (!(f == FL_FORM_PAST || f == FL_FORM_PP) || i + 2 >= s->b || !folded_is(c, i + 1, "by")) {
        return 0;
    }
    for (size_t k = vg; k < i; k++) {
        if (bits(c, k) & FL_W_AUX) {
            return 0;
        }
    }
    bool reduced = !(vg == s->a || folded_is(c, vg - 1, "as") || punct(c, vg - 1) == ',');
    /* (a noun before it may be a cue's: "The plan described by …"); only a verb of saying
     * has a speaker for agent ("officials worried by the surge" have a cause) */
    if (reduced && !(vg == i && (bits(c, i) & FL_W_SPEECH) && i > s->a && is_word(c, i - 1) &&
                     c->k[i - 1].lower &&
                     !(bits(c, i - 1) & (FL_W_AUX | FL_W_PRON | FL_W_ADV | FL_W_RELATIVE |
                                         FL_W_CONJ | FL_W_PREP | FL_W_DET)) &&
                     !finite_verb(c, i - 1))) {
        return 0;
    }
    size_t e = speaker_forward(c, s, i + 2);
    if (!(e > i + 2 && names_someone(c, i + 2, e))) {
        return 0;
    }
    /* after a noun, the participle and its agent qualify the subject when the sentence's
     * verb follows them ("The plan described by the mayor would raise the levy"); the
     * noun is what was said, not who said it */
    return !reduced || verb_after_agent(c, s, e) ? e : 0;
}

/* Does "we" at w open the sentence as the subject of a verb of asking at i ("We asked our
 * readers which …")? The outlet reports its own question, a speech act PolNeAR records, where
 * "What we know …" is its narration. */
static bool outlet_asked(const ctx *c, const span *s, size_t w, size_t i) {
    return w == s->a && i == w + 1 && lemma_is(c->v[i].cue, "ask");
}

/* Is "called" at i a telephone call: a name as its object (one to three capitalised
 * words) and then no label, only the sentence's end, a comma, "and", a preposition, a time
 * or an adverb ("Lind called Brandt on Friday.", "Reyes, who called Lind shortly after …")?
 * A label after the name ("called Brandt a liar", 'called Brandt "reckless"') is speech.
 * So is a determiner and one noun before a time or the end ("called both growers on
 * Friday", "called the police."). */
static bool phone_call(const ctx *c, const span *s, size_t i) {
    if (form(c, i) != FL_FORM_PAST || !(lemma_class(c->v[i].cue) & FL_C_CALL)) {
        return false;
    }
    size_t k = i + 1;
    while (k < s->b && k - i <= 3 && is_word(c, k) && !c->v[k].quoted && c->k[k].upper &&
           !(bits(c, k) & (FL_W_PRON | FL_W_DET | FL_W_PREP | FL_W_CONJ))) {
        k++;
    }
    if (k == i + 1) {
        /* a determiner and one noun and then a time or the end ("Lind called both mayors
         * on Friday night.", "She called the police."): a label would follow the object */
        if (k + 2 < s->b && (bits(c, k) & FL_W_DET) && !c->v[k].quoted && is_word(c, k + 1) &&
            !c->v[k + 1].quoted && !c->k[k + 1].upper &&
            !(bits(c, k + 1) & (FL_W_PRON | FL_W_DET | FL_W_PREP | FL_W_CONJ))) {
            size_t t = k + 2;
            if (folded_is(c, t, "on") && t + 1 < s->b) {
                t++;
            }
            return at_end(s, k + 2) || (!c->v[t].quoted && (bits(c, t) & FL_W_TIME));
        }
        return false;
    }
    if (k - i > 3) {
        return false;
    }
    if (at_end(s, k) || k >= s->b) {
        return true;
    }
    uint32_t b = bits(c, k);
    return !c->v[k].quoted && (punct(c, k) == ',' || folded_is(c, k, "and") ||
                               (b & (FL_W_PREP | FL_W_TIME)) || ly_adverb(c, k, i));
}

/* Is "advise" at i (active, group [vg, i)) the service of an adviser: an object and then
 * no advice, only the sentence's end, a comma, "and" or a preposition of topic or time
 * ("Reyes, who advised the mayor on the budget, …", "a firm that has advised Lind.",
 * "she advised on the merger")? Advice given has "to", "that", "against", "not" or a
 * quotation after the object ("advised growers to wait", "advised against the levy"). */
static bool adviser_service(const ctx *c, const span *s, size_t vg, size_t i) {
    static const char *const service[] = {"on", "in", "for", "during", "since", "through", "and"};
    if (!lemma_is(c->v[i].cue, "advise") || form(c, i) == FL_FORM_ING || passive_group(c, vg, i)) {
        return false;
    }
    size_t k = i + 1;
    while (k < s->b && k - i <= 6 && is_word(c, k) && !c->v[k].quoted &&
           !(bits(c, k) & (FL_W_PREP | FL_W_CONJ | FL_W_RELATIVE)) && !folded_is(c, k, "not") &&
           !folded_is(c, k, "against")) {
        k++;
    }
    if (at_end(s, k) || k >= s->b) {
        return true;
    }
    if (c->v[k].quoted || k - i > 6) {
        return false;
    }
    if (is_word(c, k)) {
        return folded_in(c, k, service, sizeof service / sizeof service[0]);
    }
    /* a comma with no quotation after it: "Reyes, who advised Lind, said …" */
    return (punct(c, k) == ',' || punct(c, k) == ';') && k > i + 1 &&
           !(k + 1 < s->b && c->v[k + 1].quoted);
}

/* Does a quotation (after a comma or a colon) or a that-clause start at j? */
static bool quotation_or_that(const ctx *c, const span *s, size_t j) {
    if (j < s->b && folded_is(c, j, "that")) {
        return true;
    }
    if (j < s->b && (punct(c, j) == ',' || punct(c, j) == ':')) {
        if (j + 1 == s->b && punct(c, j) == ':' && paragraph_after_colon(c, s, j) != 0) {
            /* "Lind continued:" with the quotation in the paragraph below, which finish()
             * takes as the content */
            return true;
        }
        j++;
    }
    return j + 1 < s->b && family(punct(c, j)) != FAMILY_NONE && c->v[j + 1].quoted;
}

/* Is the quote verb at i "respond" before "to" ("never responded to the growers' letter",
 * "responded to the criticism") or "push" before "for" or "back"? A reply to something said
 * is itself a statement, PolNeAR's as much as "declined to comment", and so is an appeal;
 * what it replies to or asks for is the content. */
static bool responds_to(const ctx *c, const span *s, size_t i) {
    if (i + 2 >= s->b || c->v[i + 1].quoted) {
        return false;
    }
    const fl_cue *q = c->v[i].cue;
    /* "pushed for a recount", "pushed back against the levy": an appeal or a retort */
    bool push = lemma_is(q, "push") && (folded_is(c, i + 1, "for") || folded_is(c, i + 1, "back"));
    if (!push && !(lemma_is(q, "respond") && folded_is(c, i + 1, "to"))) {
        return false;
    }
    /* but "responded to that post by saying …" is the gerund's cue, which reply_start()
     * stretches back to the verb of reply */
    for (size_t k = i + 3; k < s->b && k - i <= MAX_ADJUNCT_TOKENS + 2; k++) {
        if (form(c, k) == FL_FORM_ING && (bits(c, k) & (FL_W_SPEECH | FL_W_STANCE)) &&
            reply_start(c, s, k, s->a) <= i) {
            return false;
        }
    }
    return true;
}

/* Does the content at j of "claim" open with a count of things taken or killed ("claimed
 * thousands of conscripts", "claimed two villages near …")? A count, "of", at most four
 * words up to a preposition or the end, and no verb or participle after them ("claimed 300
 * soldiers killed", "claimed 12 soldiers had died" are claims made). */
static bool claim_takes_count(const ctx *c, const span *s, size_t j) {
    /* number_word() holds "dozens" and "hundreds" */
    static const char *const large[] = {"thousands", "millions", "scores"};
    if (!is_word(c, j) || c->v[j].quoted ||
        !(c->k[j].all_digits || number_word(c, j) ||
          folded_in(c, j, large, sizeof large / sizeof large[0]))) {
        return false;
    }
    size_t k = j + 1;
    if (k < s->b && folded_is(c, k, "of")) {
        k++;
    }
    size_t head = k;
    while (k < s->b && k < head + 4 && is_word(c, k) && !c->v[k].quoted &&
           !(bits(c, k) & (FL_W_PREP | FL_W_CONJ | FL_W_OPENER | FL_W_AUX))) {
        if (finite_verb(c, k) || (k > head && suffix_is(c, k, "ed", 4))) {
            return false;
        }
        k++;
    }
    if (k == head || folded_is(c, head, "percent")) {
        return false; /* "claimed 40 percent of the vote": left a claim, as before */
    }
    return k >= s->b || !is_word(c, k) || !(bits(c, k) & (FL_W_AUX | FL_W_OPENER));
}

/* Is the content at j of a form of "claim" the deaths something caused ("The blast claimed
 * 12 lives", "the war has claimed thousands of lives since …", "claimed the life of a
 * child")? "Life" or "lives" within its first words, with no verb, comma or preposition
 * but "of" before it and no verb after it ("claims life is unfair" is a clause); or a count
 * of things taken or killed (claim_takes_count()). Other noun phrases stay claims made:
 * PolNeAR marks "claimed a victory", "claimed the nomination" as cues. */
static bool claim_takes_toll(const ctx *c, const span *s, size_t cue, size_t j) {
    const fl_cue *q = c->v[cue].cue;
    if (q == NULL || !lemma_is(q, "claim")) {
        return false;
    }
    if (claim_takes_count(c, s, j)) {
        return true;
    }
    for (size_t k = j; k < s->b && k < j + 5; k++) {
        if (folded_is(c, k, "of")) {
            continue; /* "dozens of lives" */
        }
        if (!is_word(c, k) || c->v[k].quoted || finite_verb(c, k) ||
            (bits(c, k) & (FL_W_PREP | FL_W_PRON | FL_W_OPENER))) {
            return false;
        }
        if (folded_is(c, k, "lives") || folded_is(c, k, "life")) {
            return k + 1 >= s->b || !finite_verb(c, k + 1);
        }
    }
    return false;
}

/* Is word p a participle in -ed before "by", or before a word of time and "by", after a
 * noun ("a survey released Monday by the Ledger", "a letter signed by 200
 * members")? */
static bool participle_before_by(const ctx *c, const span *s, size_t p) {
    if (p == s->a || !is_word(c, p - 1) || !c->k[p].lower || !suffix_is(c, p, "ed", 4)) {
        return false;
    }
    size_t k = p + 1;
    if (k < s->b && (bits(c, k) & FL_W_TIME)) {
        k++;
    }
    return k < s->b && folded_is(c, k, "by");
}

/* Does a clause start at j: the sentence's (or the region's) start, or one opening word
 * and its comma ("Rather, sources close to …")? Not after a name and its comma, where a
 * verb in -s may follow ("…, whose start-up, Fernwick, uses sensors …"). */
static bool opens_clause(const ctx *c, const span *s, size_t from, size_t j) {
    if (j == from || j == s->a) {
        return true;
    }
    return j - 1 > s->a && punct(c, j - 1) == ',' && j - 1 > from && is_word(c, j - 2) &&
           (j - 2 == from || j - 2 == s->a);
}

/* The word after an approximator that opens a count at j ("about", "nearly", "almost",
 * "roughly", "at least", "more than", "fewer than", "less than": "At least 30 of the
 * farmers"), or j when there is none. */
static size_t approximator(const ctx *c, const span *s, size_t j) {
    if (!is_word(c, j) || j + 1 >= s->b) {
        return j;
    }
    if (folded_is(c, j, "about") || folded_is(c, j, "nearly") || folded_is(c, j, "almost") ||
        folded_is(c, j, "roughly")) {
        return j + 1;
    }
    if (j + 2 < s->b &&
        ((folded_is(c, j, "at") && folded_is(c, j + 1, "least")) ||
         ((folded_is(c, j, "more") || folded_is(c, j, "fewer") || folded_is(c, j, "less")) &&
          folded_is(c, j + 1, "than")))) {
        return j + 2;
    }
    return j;
}

/* Do lower-case adjectives the table does not know open a plural noun at j ("early
 * results", "current and former officials"), before `to`? */
static bool adjective_before_plural(const ctx *c, const span *s, size_t j, size_t to) {
    if (!is_word(c, j) || !c->k[j].lower || bits(c, j) != 0 || c->v[j].cue != NULL ||
        finite_verb(c, j) || plural(c, j)) {
        return false;
    }
    for (size_t k = j + 1; k < to && k < s->b && k <= j + 3; k++) {
        if (!is_word(c, k) || !c->k[k].lower) {
            return false;
        }
        if (plural(c, k)) {
            return true;
        }
        if (!(bits(c, k) == 0 || folded_is(c, k, "and")) || finite_verb(c, k)) {
            return false;
        }
    }
    return false;
}

/* Does a participle at p open a reduced relative clause inside a subject ("growers looking
 * for a new clerk", "one grower adopted from Tilden")? A lower-case word in -ing before a
 * preposition or a determiner that opens its complement, or in -ed before a preposition,
 * right after a noun that is no verb, auxiliary, pronoun or function word. */
static bool reduced_relative_at(const ctx *c, const span *s, size_t p) {
    if (p <= s->a || p + 1 >= s->b || !is_word(c, p) || !c->k[p].lower || c->v[p].quoted ||
        !(ing_word(c, p) || suffix_is(c, p, "ed", 5)) || !is_word(c, p - 1) || !is_word(c, p + 1) ||
        !(bits(c, p + 1) & (FL_W_PREP | FL_W_DET)) || folded_is(c, p + 1, "to") ||
        folded_is(c, p + 1, "that")) {
        return false;
    }
    if (!ing_word(c, p) && !(bits(c, p + 1) & FL_W_PREP)) {
        return false; /* a past with its object is the clause's verb ("The rules prompted some
                       * growers to …") */
    }
    uint32_t b = bits(c, p - 1);
    return !(b & ~(FL_W_ROLE | FL_W_SOURCE)) && !finite_verb(c, p - 1) && !ing_word(c, p - 1) &&
           !ends_in_ly(c, p - 1) && (plural(c, p - 1) || (b & FL_W_ROLE) || c->k[p - 1].lower);
}

/* Does word j follow the comma of a prepositional phrase, of any length without a verb,
 * that opens the sentence ("At a press conference outside the town hall in Velm on Friday,
 * growers of …")? */
static bool after_introduction(const ctx *c, const span *s, size_t j) {
    size_t a = s->a;
    while (a < j && !is_word(c, a)) {
        a++;
    }
    if (j < a + 2 || j - a > MAX_INTRO_TOKENS || punct(c, j - 1) != ',' || c->v[j - 1].quoted ||
        !(bits(c, a) & FL_W_PREP)) {
        return false;
    }
    for (size_t k = a; k + 1 < j; k++) {
        int32_t p = punct(c, k);
        /* (an -ed word after an article describes: "At a heated hearing,") */
        bool verb = finite_verb(c, k) && !(k > a && (bits(c, k - 1) & FL_W_DET));
        if (c->v[k].quoted || p == ',' || p == ';' || p == ':' || verb ||
            (bits(c, k) & (FL_W_AUX | FL_W_VERB | FL_W_PRON | FL_W_RELATIVE | FL_W_CONJ))) {
            return false;
        }
    }
    return true;
}

/* A personal pronoun coordinated with a noun phrase at j ("she and other growers on the
 * stage refused"): the pronoun opens the subject as a capital or a determiner does. */
static bool pronoun_and(const ctx *c, size_t j, size_t sp_first) {
    static const char *const pronouns[] = {"he", "she", "they", "we", "i"};
    return j + 2 < sp_first && folded_in(c, j, pronouns, sizeof pronouns / sizeof pronouns[0]) &&
           folded_is(c, j + 1, "and") && !c->v[j].quoted;
}

/* The subject that a preposition or a reduced relative's participle cut ("A state official
 * aware of the audit said", "Leaders of the drive to cancel the concert said", "A 2009
 * report by the Center found", "Growers seeking a lower levy prefer"): when the words
 * before the speaker found at sp_first, back to the start of the clause, hold no verb and
 * open with a determiner, a capital, a quantifier or a number (or a plural noun where a
 * clause surely starts: "Instead, aides close to the mayor say"), the speaker starts
 * there; else at sp_first. */
static size_t subject_behind_preposition(const ctx *c, const span *s, size_t from, size_t sp_first,
                                         size_t vg) {
    if (sp_first <= from || sp_first >= vg ||
        !((bits(c, sp_first - 1) & FL_W_PREP) || reduced_relative_at(c, s, sp_first - 1))) {
        return sp_first;
    }
    size_t j = sp_first;
    while (j > from && vg - j < 2 * MAX_SPEAKER_TOKENS && c->v[j - 1].role == FL_ROLE_NONE &&
           !c->v[j - 1].quoted) {
        size_t p = j - 1;
        if (is_separator(c, p)) {
            break;
        }
        if (!is_word(c, p)) {
            if (!speaker_token(c, p)) {
                return sp_first;
            }
        } else {
            uint32_t b = bits(c, p);
            if ((folded_is(c, p, "but") || folded_is(c, p, "and") || folded_is(c, p, "yet")) &&
                (p == from || p == s->a || is_separator(c, p - 1))) {
                break; /* "But growers in the two counties argue": the clause starts after it */
            }
            if (subordinator(c, p)) {
                break; /* "as growers in the two valleys paused" */
            }
            /* a verb ends the walk unless it is a participle: the class tests first */
            if (((b & (FL_W_AUX | FL_W_OPENER | FL_W_VERB | FL_W_RELATIVE)) ||
                 ((b & FL_W_CONJ) && !folded_is(c, p, "and")) ||
                 ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE)) &&
                  !(b & FL_W_NOUNLIKE)) ||
                 finite_verb(c, p)) &&
                !passive_participle(c, p) && !participle_before_by(c, s, p) &&
                !reduced_relative_at(c, s, p)) {
                return sp_first;
            }
        }
        j = p;
    }
    /* the clause starts here: the sentence's start (or the region's), a separator or a
     * linking conjunction */
    size_t approx = approximator(c, s, j);
    if (approx != j && approx < sp_first) {
        /* "At least 30 of the farmers in every valley say", "Nearly 200 of …" */
        if (!(c->k[approx].all_digits || quantifier(c, approx) || number_word(c, approx) ||
              count_word(c, approx) ||
              (approx + 1 < s->b && c->t[approx + 1].kind == FL_TOKEN_HYPHEN))) {
            return sp_first;
        }
        return j;
    }
    bool linked = j > s->a && is_word(c, j - 1) &&
                  (folded_is(c, j - 1, "but") || folded_is(c, j - 1, "and") ||
                   folded_is(c, j - 1, "yet"));
    /* a subordinator opens a clause too: "as parades in the two towns paused", "though a
     * share of growers in both valleys say" */
    bool subordinated = j > s->a && is_word(c, j - 1) && c->v[j - 1].role == FL_ROLE_NONE &&
                        subordinator(c, j - 1);
    if (j == sp_first ||
        !(j == from || j == s->a || is_separator(c, j - 1) || linked || subordinated) ||
        !is_word(c, j) ||
        !(c->k[j].upper || (bits(c, j) & FL_W_DET) || quantifier(c, j) || number_word(c, j) ||
          pronoun_and(c, j, sp_first) ||
          (plural(c, j) && (linked || subordinated || opens_clause(c, s, from, j) ||
                            after_introduction(c, s, j))) ||
          adjective_before_plural(c, s, j, sp_first)) ||
        (bits(c, j) & FL_W_PREP) || count_words(c, j, vg) > 2 * MAX_SPEAKER_WORDS) {
        return sp_first;
    }
    return j;
}

/* The noun phrase after "of" that a participle right after it qualifies, when the noun
 * before "of" is no share or group of it ("the largesse of hedge fund executives supporting
 * her", "the subject of a fundraising campaign urging him to run": the executives support,
 * the campaign urges; but "the share of voters saying", "a chorus of Democrats urging" keep
 * the share and the chorus): the new start of the speaker [first, end), else first. */
static size_t participle_noun_after_of(const ctx *c, size_t first, size_t end) {
    static const char *const groups[] = {
        "share",        "shares",    "proportion", "percent",   "percentage", "majority",
        "minority",     "number",    "numbers",    "plurality", "half",       "third",
        "thirds",       "quarter",   "fifth",      "fifths",    "tenth",      "handful",
        "dozen",        "dozens",    "hundreds",   "thousands", "millions",   "group",
        "groups",       "family",    "crop",       "chorus",    "coalition",  "members",
        "member",       "series",    "host",       "lot",       "lots",       "bunch",
        "team",         "panel",     "board",      "committee", "couple",     "pair",
        "list",         "slate",     "wave",       "string",    "range",      "sample",
        "poll",         "survey",    "surveys",    "polls",     "analysis",   "review",
        "study",        "report",    "average",    "count",     "tally",      "rest",
        "bulk",         "leaders",   "head",       "heads",     "spokesman",  "spokeswoman",
        "spokesperson", "president", "chairman",   "director",  "chief",      "one",
        "each",         "all",       "some",       "many"};
    if (end < first + 3) {
        return first;
    }
    for (size_t o = end - 1; o > first + 1 && end - o <= MAX_SPEAKER_TOKENS;) {
        o--;
        if (c->v[o].quoted || !is_word(c, o)) {
            return first;
        }
        if (!folded_is(c, o, "of")) {
            continue;
        }
        size_t n = o - 1;
        if (!is_word(c, n) || !c->k[n].lower || c->v[n].quoted || quantifier(c, n) ||
            number_word(c, n) || c->k[n].all_digits || agent_noun(c, n) ||
            (bits(c, n) & (FL_W_ROLE | FL_W_SOURCE)) ||
            folded_in(c, n, groups, sizeof groups / sizeof groups[0])) {
            return first;
        }
        return o + 1 < end && (names_someone(c, o + 1, end) || plural(c, end - 1)) ? o + 1 : first;
    }
    return first;
}

/* The subject that a relative clause without commas runs into ("Farmers in the valley
 * who lost their crops say", "Those who backed the levy argue"): when the speaker found at
 * sp_first follows "who" and the words before "who", back to the start of the clause, name
 * someone and hold no verb, the speaker starts there; else at sp_first. */
static size_t subject_behind_relative(const ctx *c, const span *s, size_t from, size_t sp_first,
                                      size_t vg) {
    if (sp_first <= from + 1 || sp_first >= vg ||
        !(sentence_bits(c, s) & (FL_W_RELATIVE | FL_W_OPENER))) { /* "who", "that" */
        return sp_first;
    }
    /* back over the relative clause's verb and object to "who" */
    size_t rel = sp_first - 1;
    while (rel > from + 1 && sp_first - rel < MAX_SPEAKER_TOKENS && !folded_is(c, rel, "who") &&
           !folded_is(c, rel, "that") && c->v[rel].role == FL_ROLE_NONE && !c->v[rel].quoted &&
           is_word_like(c, rel)) {
        rel--;
    }
    /* "that" is the relative when a noun stands before it and a verb after it ("The poll
     * that caught the eye of many analysts shows"), not the complementiser of "The idea
     * that growers …" */
    bool that = folded_is(c, rel, "that") && rel > from + 1 && is_word(c, rel - 1) &&
                c->k[rel - 1].lower && !c->v[rel - 1].quoted &&
                !(bits(c, rel - 1) & (FL_W_VERB | FL_W_AUX | FL_W_PREP | FL_W_CONJ | FL_W_ADV |
                                      FL_W_PRON | FL_W_DET | ATTRIBUTION_CUES)) &&
                !finite_verb(c, rel - 1) && rel + 1 < sp_first &&
                (finite_verb(c, rel + 1) ||
                 /* a verb the table does not know, before its object: "that caught the" */
                 (is_word(c, rel + 1) && c->k[rel + 1].lower && bits(c, rel + 1) == 0 &&
                  rel + 2 < sp_first && (bits(c, rel + 2) & (FL_W_DET | FL_W_PRON))));
    /* a double genitive may stand before "who": "Friends of Mr. Lind's who have seen him" */
    bool genitive = c->t[rel - 1].kind == FL_TOKEN_CLITIC && folded_is(c, rel - 1, "'s") &&
                    rel > from + 2 && is_word(c, rel - 2) && c->k[rel - 2].upper;
    if (!(folded_is(c, rel, "who") || that) || !(is_word(c, rel - 1) || genitive) ||
        !is_word(c, rel + 1) || !c->k[rel + 1].lower) {
        return sp_first;
    }
    size_t j = rel;
    while (j > from && rel - j < MAX_SPEAKER_TOKENS && c->v[j - 1].role == FL_ROLE_NONE &&
           !c->v[j - 1].quoted && !is_separator(c, j - 1) && speaker_token(c, j - 1) &&
           !finite_verb(c, j - 1) && punct(c, j - 1) != '(' && punct(c, j - 1) != ')') {
        j--;
    }
    j = subject_behind_preposition(c, s, from, j, rel);
    /* "But those who back the levy say …": after a linking conjunction */
    bool linked = j > s->a && is_word(c, j - 1) &&
                  (folded_is(c, j - 1, "but") || folded_is(c, j - 1, "yet"));
    if (j == rel || !(j == from || j == s->a || is_separator(c, j - 1) || linked) ||
        count_words(c, j, rel) > MAX_SPEAKER_WORDS ||
        !(names_someone(c, j, rel) || plural(c, rel - 1) || folded_is(c, rel - 1, "those") ||
          (j + 1 == rel && quantifier(c, j)) || /* "But some who grow apples argue" */
          (that && (bits(c, j) & FL_W_DET)))) { /* a thing may show: "The poll that …" */
        return sp_first;
    }
    return j;
}

/* The end of the main clause's subject right after the comma at k that closes an
 * introduction ("…, the board ruled"), followed by its verb or an apposition; 0 when no
 * subject that names someone stands there. */
static size_t subject_after_intro(const ctx *c, const span *s, size_t k) {
    if (k + 1 >= s->b || !is_word(c, k + 1) || c->v[k + 1].quoted) {
        return 0;
    }
    size_t e = speaker_forward(c, s, k + 1);
    for (size_t j = k + 2; j < e; j++) {
        if (is_word(c, j) && c->k[j].lower && form(c, j) != FL_FORM_NONE &&
            (bits(c, j) & (AFTER_CUES | BEFORE_CUES)) && !(bits(c, j - 1) & FL_W_DET)) {
            e = j; /* "the board ruled" */
            break;
        }
    }
    /* an adverb before the verb is none of the subject: "the bishop again showed …" */
    while (e > k + 2 && is_word(c, e - 1) && c->k[e - 1].lower &&
           (((bits(c, e - 1) & FL_W_ADV) && !(bits(c, e - 1) & FL_W_TIME)) ||
            ly_adverb(c, e - 1, k + 1))) {
        e--;
    }
    if (e == k + 1 || e >= s->b || !names_someone(c, k + 1, e) ||
        c->v[k + 1].role != FL_ROLE_NONE) {
        return 0;
    }
    /* the main clause goes on with its verb or an apposition */
    if (!(punct(c, e) == ',' || (is_word(c, e) && c->k[e].lower))) {
        return 0;
    }
    return e;
}

/* The subject of a gerund or participle in the introduction that opens the sentence
 * ("Admitting the error, Lind said …", "In criticizing the levy, the board ruled …", "One week
 * after announcing the levy, Varga resigned"): the noun phrase after the introduction's
 * comma, before the main clause's verb. Sets [*first, *end) and returns true when found. */
static bool intro_gerund_subject(const ctx *c, const span *s, size_t vg, size_t cue, size_t *first,
                                 size_t *end) {
    if (form(c, cue) != FL_FORM_ING || vg != cue) {
        return false;
    }
    /* before it: nothing, or a preposition or subordinator after at most three words
     * of time ("One month after", "Just days before"), from the sentence's start or a colon
     * or semicolon ("It failed: By refusing to …, Lind …") */
    size_t a = s->a;
    for (size_t j = vg; j > s->a && vg - j <= 2; j--) {
        if ((punct(c, j - 1) == ':' || punct(c, j - 1) == ';') && !c->v[j - 1].quoted) {
            a = j;
            break;
        }
    }
    while (a < vg && !is_word(c, a)) {
        a++;
    }
    if (a < vg) {
        size_t p = vg - 1;
        if (!is_word(c, p) ||
            !(folded_is(c, p, "in") || folded_is(c, p, "after") || folded_is(c, p, "before") ||
              folded_is(c, p, "since") || folded_is(c, p, "while") || folded_is(c, p, "when") ||
              folded_is(c, p, "upon") || folded_is(c, p, "by") || folded_is(c, p, "without") ||
              folded_is(c, p, "despite"))) {
            return false;
        }
        for (size_t j = a; j < p; j++) {
            if (!is_word(c, j) || (bits(c, j) & (FL_W_AUX | FL_W_VERB | FL_W_PRON)) ||
                c->v[j].quoted) {
                return false;
            }
        }
        if (count_words(c, a, p) > 3) {
            return false;
        }
    }
    /* the introduction's comma: the first after which the main clause's subject and verb
     * follow, past the commas of a list inside the introduction
     * ("Rattling off plans to cut the toll, raise wages and fix roads, Lind promised …"),
     * also one inside a closing quotation mark ('In calling the levy "a farce," Lind …') */
    for (size_t k = cue + 1; k < s->b && k - cue < MAX_INTRO_TOKENS * 2; k++) {
        if (punct(c, k) == ';' || punct(c, k) == ':' || c->v[k].role != FL_ROLE_NONE) {
            return false;
        }
        size_t sep = k;
        if (quote_comma(c, s, k)) {
            if (k + 1 < s->b && apostrophe_pair(c, k)) {
                sep = k + 1; /* ",''" */
            }
        } else if (c->v[k].quoted || punct(c, k) != ',') {
            continue;
        }
        if (sep + 1 < s->b && (bits(c, sep + 1) & (FL_W_RELATIVE | FL_W_OPENER))) {
            /* "Speaking in Tilden, where she won, Lind …": past a clause of its own, the
             * next name may be any clause's subject */
            return false;
        }
        size_t e = subject_after_intro(c, s, sep);
        if (e != 0) {
            *first = sep + 1;
            *end = e;
            return true;
        }
    }
    return false;
}

/* Is the word right before the verb group at vg a relative "that" that is the subject of
 * the cue ("letters that called him a fraud", "a union that has endorsed Lind")? The cue's
 * clause is a relative one and "that" stands for its speaker, as "which" and "who" do; after
 * a verb, a preposition or a pronoun it is a complementizer or a demonstrative instead
 * (relative_pronoun_at). The cue must be finite: after an auxiliary or an adverb, or a past
 * or -s form, or a base form after a plural ("the groups that backing …" is no clause). */
static bool that_relative_subject(const ctx *c, const span *s, size_t vg, size_t cue) {
    if (vg < s->a + 2 || c->v[vg - 1].quoted || c->v[vg - 1].role != FL_ROLE_NONE ||
        !folded_is(c, vg - 1, "that") || !relative_pronoun_at(c, s, vg - 1) ||
        c->v[vg - 2].quoted || !c->k[vg - 2].lower) {
        return false;
    }
    /* a verb of evidence or of thought alone tells what a thing shows or a group feels
     * ("an email that showed …", "a town that has felt ignored"), which PolNeAR leaves
     * without a source far more often than not */
    uint32_t b = bits(c, cue);
    if ((b & FL_W_EVIDENCE) || ((b & FL_W_THOUGHT) && !(b & FL_W_SPEECH))) {
        return false;
    }
    uint8_t f = form(c, cue);
    if (vg < cue) {
        return f != FL_FORM_NONE; /* "that have endorsed", "that originally listed" */
    }
    /* a base form after a plural: "groups that say" */
    return f == FL_FORM_PAST || f == FL_FORM_S || (f == FL_FORM_BASE && plural(c, vg - 2));
}

/* Does a list of names [start, sp_first) follow an introduction and its comma ("On Monday,
 * Lind, Reyes and Olsen said", "Instead, Lind, Reyes and Olsen argued")? Then the clause
 * starts at the list, whose first name the introduction's comma does not make an apposition.
 * a is the sentence's first word; every word of the list has a capital. */
static bool names_after_intro(const ctx *c, const span *s, size_t a, size_t start,
                              size_t sp_first) {
    if (start < a + 2 || punct(c, start - 1) != ',' || c->v[start - 1].quoted) {
        return false;
    }
    for (size_t k = start; k < sp_first; k++) {
        if (is_word(c, k) && !c->k[k].upper && !folded_is(c, k, "and")) {
            return false;
        }
    }
    size_t comma = start - 1;
    bool adverb = comma == a + 1 && is_word(c, a) && c->k[a].upper &&
                  ((bits(c, a) & FL_W_ADV) || ly_adverb(c, a, a));
    return adverb || intro_phrase(c, s, a, comma);
}

/* May the word at k be an item of a list of noun phrases ("the growers, millers and
 * bakers")? Not a verb, a preposition, a conjunction, an adverb or a time word. */
static bool noun_list_item(const ctx *c, size_t k) {
    return is_word(c, k) && speaker_token(c, k) && !finite_verb(c, k) &&
           !(bits(c, k) & (FL_W_PREP | FL_W_CONJ | FL_W_ADV | FL_W_TIME)) && !ly_adverb(c, k, k);
}

/* May the token at k be part of a name in a list of names ("Gov. Dana Lind, Ivo Brandt")?
 * A capitalised word that is no function word, or the period of an abbreviation. */
static bool name_list_item(const ctx *c, size_t k) {
    if (!is_word(c, k)) {
        return punct(c, k) == '.';
    }
    return c->k[k].upper && !folded_is(c, k, "like") && !folded_is(c, k, "unlike") &&
           !(bits(c, k) &
             (FL_W_PRON | FL_W_PREP | FL_W_DET | FL_W_CONJ | FL_W_ADV | FL_W_TIME | FL_W_OPENER));
}

/* The items of a list that walk_list took, back from a comma. */
typedef struct {
    size_t start; /* the first token of the earliest item taken (p + 1 when none) */
    size_t prev_start; /* start before the earliest item was taken */
    size_t items; /* items taken */
    size_t tokens; /* their tokens */
    bool overlong; /* the walk ended at an item of more than max_words words */
} list_walk;

/* The items of a list "A, B, C," that ends at the comma p, walked back towards from: each
 * item is a run of tokens that item() accepts, not quoted and with no role yet, of one to
 * max_words words and starting with a word, and a comma stands before each but the earliest.
 * The walk ends at the first run that fails, at from, at a token before an item that is no
 * comma, or after max_items items; the caller reads what stands before start. One walker
 * serves the list of noun phrases and the list of names, whose item tests differ. */
static list_walk walk_list(const ctx *c, size_t from, size_t p, bool (*item)(const ctx *, size_t),
                           size_t max_words, size_t max_items) {
    list_walk w = {p + 1, p + 1, 0, 0, false};
    while (p > from && w.items < max_items) {
        size_t q = p;
        size_t words = 0;
        while (q > from && c->v[q - 1].role == FL_ROLE_NONE && !c->v[q - 1].quoted &&
               item(c, q - 1)) {
            words += is_word(c, q - 1);
            q--;
        }
        if (words == 0 || words > max_words || !is_word(c, q)) {
            w.overlong = words > max_words;
            break;
        }
        w.prev_start = w.start;
        w.start = q;
        w.items++;
        w.tokens += p - q;
        if (q == from || punct(c, q - 1) != ',' || c->v[q - 1].quoted) {
            break;
        }
        p = q - 1;
    }
    return w;
}

/* A list that a comma cut ("The growers, millers and bakers said" gave
 * "millers and bakers"): when the speaker found at sp_first holds "and" and a comma
 * stands before it, the items before that comma, back to the start of the clause, are
 * part of the subject; returns where it starts (sp_first when nothing changes). */
static size_t list_subject(const ctx *c, const span *s, size_t from, size_t sp_first, size_t vg) {
    enum { MAX_NOUN_LIST_WORDS = 4 };
    if (sp_first <= from + 1 || sp_first >= vg || punct(c, sp_first - 1) != ',' ||
        c->v[sp_first - 1].quoted) {
        return sp_first;
    }
    bool and_seen = false;
    for (size_t k = sp_first; k < vg; k++) {
        and_seen |= folded_is(c, k, "and");
    }
    if (!and_seen || (folded_is(c, sp_first, "and") && sp_first + 1 < vg &&
                      ((bits(c, sp_first + 1) & (FL_W_ADV | FL_W_TIME)) ||
                       ly_adverb(c, sp_first + 1, sp_first + 1)))) {
        /* "The crowd cheers, and then Lind continues": an adverb after "and" links a
         * clause, not an item of a list */
        return sp_first;
    }
    list_walk w = walk_list(c, from, sp_first - 1, noun_list_item, MAX_NOUN_LIST_WORDS,
                            MAX_NOUN_LIST_WORDS);
    size_t start = w.start;
    /* the token that ended the walk: before the earliest item, or before its comma (read
     * only when the walk stopped after from: start may be from, even 0) */
    size_t stop = start;
    if (start > from) {
        stop = start - 1;
        if (stop > from && punct(c, stop) == ',') {
            stop--;
        }
    }
    if (w.items == 0 || w.overlong || w.tokens > MAX_NOUN_LIST_WORDS ||
        (start > from && (c->v[stop].role != FL_ROLE_NONE || c->v[stop].quoted))) {
        return sp_first;
    }
    if (start > from && stop == start - 1 && is_word(c, stop) && (bits(c, stop) & FL_W_PREP)) {
        /* a list of names after a preposition is the end of a subject that it cut: "Most
         * growers in Tilden, Harbour and Ashby said" (not "Early in the season, she and
         * …": an introduction) */
        for (size_t k = start; k < sp_first; k++) {
            if (is_word(c, k) && !c->k[k].upper) {
                return sp_first;
            }
        }
        size_t j = subject_behind_preposition(c, s, from, start, vg);
        return j < start ? j : sp_first;
    }
    size_t a = s->a;
    while (a < start && !is_word(c, a)) {
        a++;
    }
    bool linked = start == a + 1 && (folded_is(c, a, "but") || folded_is(c, a, "and"));
    if (!(start == from || start == a || linked || names_after_intro(c, s, a, start, sp_first)) ||
        !((bits(c, start) & FL_W_DET) || c->k[start].upper)) {
        return sp_first; /* a noun phrase or a name at the clause's start */
    }
    return start;
}

/* A list of names with commas that ends in the speaker found at sp_first ("Dana Lind, Ivo
 * Brandt, and Marta Reyes said", also after a "what": "what Dana Lind, Ivo Brandt and Marta
 * Reyes said", and after an introduction: "At the hall, Dana Lind, Ivo Brandt and …"): each
 * item before it is a name of one to MAX_LIST_NAME_WORDS capitalised words. The list starts at
 * its first name when that name opens the clause or follows an introduction's comma, or when
 * two names or more precede the last (one name before it may be an apposition: "The mayor,
 * Dana Lind, and Reyes"); after a preposition the first name is its object ("In Tilden, Lind
 * and Reyes said"). Returns the list's start, or sp_first. */
static size_t name_list_subject(const ctx *c, const span *s, size_t from, size_t sp_first,
                                size_t vg) {
    enum { MAX_LIST_NAME_WORDS = 4, MAX_LIST_ITEMS = 6 };
    size_t last = sp_first; /* the last item's first word */
    if (last + 1 < vg && (folded_is(c, last, "and") || folded_is(c, last, "or")) &&
        !c->v[last].quoted) {
        last++; /* "Democrats Ana Ruiz, Ivo Brandt, and Carl Fry": the speaker found starts at
                 * the coordinator after a serial comma */
    }
    if (sp_first <= from + 2 || last >= vg || !is_word(c, last) || !c->k[last].upper) {
        return sp_first;
    }
    size_t p = last - 1; /* the comma before the last item */
    bool joined_here = (folded_is(c, p, "and") || folded_is(c, p, "or")) && p > from;
    bool coordinated = joined_here;
    for (size_t k = last; k < vg && !coordinated; k++) {
        coordinated = folded_is(c, k, "and") || folded_is(c, k, "or");
    }
    if (!coordinated) {
        return sp_first; /* "In Tilden, Lind refused": no list */
    }
    if (joined_here) {
        p--;
    }
    if (punct(c, p) != ',' || c->v[p].quoted) {
        return sp_first;
    }
    list_walk w = walk_list(c, from, p, name_list_item, MAX_LIST_NAME_WORDS, MAX_LIST_ITEMS);
    size_t start = w.start;
    size_t items = w.items;
    bool opens = false;
    bool place = false; /* the earliest name was a preposition's object */
    if (items > 0 && start > from && is_word(c, start - 1) && !c->v[start - 1].quoted) {
        if (bits(c, start - 1) & FL_W_PREP) {
            start = w.prev_start; /* "In Tilden, …": the preposition's object */
            items--;
            place = true;
        } else {
            opens = (bits(c, start - 1) & (FL_W_OPENER | FL_W_CONJ)) ||
                    folded_is(c, start - 1, "what");
        }
    } else if (items > 0) {
        opens = start == from || start == s->a;
    }
    if (items > 0 && !opens && !w.overlong && !place) {
        /* (not "In Tilden, Ohio, Lind and Reyes said": a place's state goes with it) */
        size_t a = s->a;
        while (a < start && !is_word(c, a)) {
            a++;
        }
        opens = names_after_intro(c, s, a, start, sp_first);
    }
    if (items == 0 || !(opens || items >= 2)) {
        return sp_first;
    }
    return start;
}

/* The first token of the possessor right before the noun at i, in [from, i): a
 * possessive pronoun ("his", "her", "their", "its") or a name with its "'s" ("Clinton's",
 * "Sen. Dana Lind's"); i when there is none. */
static size_t possessor(const ctx *c, const span *s, size_t from, size_t i) {
    if (i <= from || c->v[i - 1].quoted || c->v[i - 1].role != FL_ROLE_NONE) {
        return i;
    }
    size_t p = i - 1;
    if (folded_is(c, p, "his") || folded_is(c, p, "her") || folded_is(c, p, "their") ||
        folded_is(c, p, "its")) {
        return p;
    }
    if (c->t[p].kind != FL_TOKEN_CLITIC || !folded_is(c, p, "'s")) {
        return i;
    }
    size_t k = p;
    while (k > from && p - k < MAX_SPEAKER_TOKENS && c->v[k - 1].role == FL_ROLE_NONE &&
           !c->v[k - 1].quoted &&
           ((is_word(c, k - 1) && c->k[k - 1].upper) ||
            (punct(c, k - 1) == '.' && k - 1 > s->a && c->k[k - 2].upper))) {
        k--;
    }
    while (k < p && !is_word(c, k)) {
        k++;
    }
    return k < p && names_someone(c, k, p) ? k : i;
}

/* The first token of the name and modifiers before the poll or survey at i, back to an "in"
 * or to from ("a Courier/Gazette", "the newest county"); SIZE_MAX when a verb, pronoun,
 * preposition or other function word stands between. */
static size_t poll_name_start(const ctx *c, size_t from, size_t i) {
    size_t j = i;
    while (j > from && i - j < MAX_SPEAKER_TOKENS && c->v[j - 1].role == FL_ROLE_NONE &&
           !c->v[j - 1].quoted && !folded_is(c, j - 1, "in")) {
        size_t p = j - 1;
        int32_t q = punct(c, p);
        if (q != 0 ? !(q == '/' || q == '-' || q == '.' || q == '&' || q == '\'' || q == 0x2019)
                   : (bits(c, p) & (FL_W_AUX | FL_W_VERB | FL_W_OPENER | FL_W_CONJ | FL_W_PRON |
                                    FL_W_PREP | FL_W_RELATIVE))) {
            return SIZE_MAX;
        }
        j = p;
    }
    return j;
}

/* The "In" that opens the sentence before the poll or survey at i, its name and modifiers
 * between ("In a Courier/Gazette poll", "in the newest county survey"), or SIZE_MAX. */
static size_t poll_opening(const ctx *c, const span *s, size_t from, size_t i) {
    size_t j = poll_name_start(c, from, i);
    if (j == SIZE_MAX) {
        return SIZE_MAX;
    }
    if (j <= from || j == i || !folded_is(c, j - 1, "in")) {
        return SIZE_MAX; /* not "In polls, workers handed out leaflets" (polling stations) */
    }
    size_t in = j - 1;
    size_t a = s->a;
    while (a < in && !is_word(c, a)) {
        a++;
    }
    /* at the sentence's start, or after a linking conjunction */
    if (!(in == a || (in == a + 1 && (folded_is(c, a, "but") || folded_is(c, a, "and"))))) {
        return SIZE_MAX;
    }
    return in;
}

/* The "in" before the poll or survey at i inside a clause, after what it measures ("Lind
 * led by 9 points in a Courier poll released Monday", "She fell to 10 percent in the latest
 * county survey"), or SIZE_MAX. The poll is singular and named or modified ("in the poll"
 * points back to one already named), the "in" phrase is no part of a subject ("voters in a
 * recent poll said …": the verb after it is the subject's) and no one of people is before it. */
static size_t poll_after_clause(const ctx *c, const span *s, size_t from, size_t i) {
    static const char *const polls[] = {"poll", "survey"};
    static const char *const people[] = {"voters",    "people",      "respondents", "adults",
                                         "americans", "republicans", "democrats",   "those",
                                         "surveyed",  "polled",      "women",       "men"};
    if (!folded_in(c, i, polls, sizeof polls / sizeof polls[0])) {
        return SIZE_MAX;
    }
    size_t j = poll_name_start(c, from, i);
    if (j == SIZE_MAX) {
        return SIZE_MAX;
    }
    if (j <= from + 1 || j == i || !folded_is(c, j - 1, "in") || c->v[j - 1].quoted) {
        return SIZE_MAX;
    }
    size_t in = j - 1;
    /* "in a …", "in one …", "in Monday's …"; not "in the poll" alone */
    bool det = (bits(c, j) & FL_W_DET) || folded_is(c, j, "one");
    bool owner = j + 1 < i && c->t[j + 1].kind == FL_TOKEN_CLITIC;
    if (!(det || owner) || (det && j + 1 == i)) {
        return SIZE_MAX;
    }
    if (!is_word(c, in - 1) || c->v[in - 1].role != FL_ROLE_NONE ||
        folded_in(c, in - 1, people, sizeof people / sizeof people[0])) {
        return SIZE_MAX;
    }
    /* the word after the poll and a phrase of time: no verb of a subject it would be in */
    size_t k = i + 1;
    while (k < s->b && k - i <= 3 && (bits(c, k) & FL_W_TIME)) {
        k++;
    }
    if (k < s->b && is_word(c, k) && c->k[k].lower &&
        ((bits(c, k) & (FL_W_AUX | FL_W_VERB | FL_W_SPEECH | FL_W_THOUGHT | FL_W_EVIDENCE)) ||
         finite_verb(c, k))) {
        return SIZE_MAX;
    }
    return in;
}

/* The start of the clause that ends at e: back over words no attribution has a part of, to a
 * separator, a strong boundary, a quotation or from ("Lind led by 9 points | in a poll"). */
static size_t clause_back(const ctx *c, size_t from, size_t e) {
    size_t k = e;
    while (k > from && c->v[k - 1].role == FL_ROLE_NONE && !c->v[k - 1].quoted &&
           !is_separator(c, k - 1) && !strong_boundary(punct(c, k - 1))) {
        k--;
    }
    return k;
}

/* The owner of "view" at i in "in <owner>'s view" ("in Lind's view", "in their view", "in my
 * view"): its first token, with the "in" in *in; SIZE_MAX for none. The phrase says whose
 * opinion its clause is, as "according to" says whose words. */
static size_t view_owner(const ctx *c, const span *s, size_t from, size_t i, size_t *in) {
    static const char *const persons[] = {"my", "our", "your"};
    if (!folded_is(c, i, "view") || i < from + 2 || c->v[i - 1].quoted) {
        return SIZE_MAX;
    }
    /* a capitalized "In" that opens the sentence is no part of the owner's name */
    size_t f = from;
    while (f < i && !is_word(c, f)) {
        f++;
    }
    if (f + 1 < i && folded_is(c, f, "in")) {
        f++;
    }
    size_t owner = possessor(c, s, f, i);
    if (owner == i && folded_in(c, i - 1, persons, sizeof persons / sizeof persons[0])) {
        owner = i - 1;
    }
    if (owner == i || owner <= from || !folded_is(c, owner - 1, "in") || c->v[owner - 1].quoted) {
        return SIZE_MAX;
    }
    *in = owner - 1;
    return owner;
}

/* Is there a form of "be" in [from, to) (a passive or a copula: "Lind was confronted with
 * claims that …" reports someone else's claims)? A contracted "'s" is left out: after a
 * name it is as often a possessive or "has" as "is". */
static bool be_between(const ctx *c, size_t from, size_t to) {
    for (size_t k = from; k < to; k++) {
        if (is_be(c, k) && c->t[k].kind != FL_TOKEN_CLITIC) {
            return true;
        }
    }
    return false;
}

/* A verb of saying at i inverted after an introduction or a linking word and its comma, its
 * speaker after it and a quotation after the speaker ('But, said Lind, "…"', 'In other
 * words, explained the clerk Dana Lind: "…"'). Returns the speaker's end (a comma or a
 * colon), or 0. */
static size_t inverted_before_quote(const ctx *c, const span *s, size_t i) {
    uint32_t b = bits(c, i);
    uint8_t f = form(c, i);
    if (i < s->a + 2 || punct(c, i - 1) != ',' || c->v[i].quoted || !c->k[i].lower ||
        !(b & (FL_W_SPEECH | FL_W_QUOTE_VERB)) || (b & FL_W_NOUNLIKE) ||
        !(f == FL_FORM_PAST || f == FL_FORM_S) || folded_is(c, i, "told") ||
        folded_is(c, i, "tells")) {
        return 0;
    }
    bool linked = i == s->a + 2 && (folded_is(c, s->a, "but") || folded_is(c, s->a, "and") ||
                                    folded_is(c, s->a, "yet") || folded_is(c, s->a, "so"));
    /* also a clause that a subordinator or a preposition opens: "Because of how …, explained
     * Lind, "…"" */
    bool clause = is_word(c, s->a) && (subordinator(c, s->a) || (bits(c, s->a) & FL_W_PREP));
    if (!linked && !clause && !intro_phrase(c, s, s->a, i - 1)) {
        return 0;
    }
    size_t e = speaker_forward(c, s, i + 1);
    if (e <= i + 1 || e + 2 >= s->b || (punct(c, e) != ',' && punct(c, e) != ':') ||
        !names_someone(c, i + 1, e)) {
        return 0;
    }
    size_t q = e + 1;
    if (!c->v[q].quoted && punct(c, q) != 0 && q + 1 < s->b) {
        q++; /* the opening mark */
    }
    return c->v[q].quoted && !c->v[e].quoted ? e : 0;
}

/* The "by" of a passive's agent a few words after j, past words of a complement or an
 * adjunct that hold no verb, clause or punctuation ("declared a success by", "viewed as a
 * victory by", "recommended to the mayor by"); 0 when there is none (also before a time or
 * a figure: "by Friday", "by 20 votes"). */
static size_t passive_agent_after(const ctx *c, const span *s, size_t j) {
    /* a complement with "as" may be longer and hold a possessive: "… was confirmed as one
     * of the town's growers by the clerk" */
    bool as = j < s->b && folded_is(c, j, "as");
    for (size_t k = j; k < s->b && k < j + (as ? 11 : 7); k++) {
        if (as && k > j && c->t[k].kind == FL_TOKEN_CLITIC && folded_is(c, k, "'s") &&
            !c->v[k].quoted && c->v[k].role == FL_ROLE_NONE) {
            continue;
        }
        if (!is_word(c, k) || c->v[k].quoted || c->v[k].role != FL_ROLE_NONE) {
            return 0;
        }
        if (folded_is(c, k, "by")) {
            return k > j && k + 1 < s->b && is_word(c, k + 1) && !c->k[k + 1].all_digits &&
                           !(bits(c, k + 1) & FL_W_TIME) && !c->v[k + 1].quoted
                       ? k
                       : 0;
        }
        if (((bits(c, k) &
              (FL_W_AUX | FL_W_VERB | FL_W_OPENER | FL_W_RELATIVE | FL_W_CONJ | FL_W_PRON)) &&
             !(k == j && folded_is(c, k, "as"))) ||
            finite_verb(c, k) || ing_word(c, k)) {
            return 0;
        }
    }
    return 0;
}

/* The end of a plural noun without a determiner that starts at from and ends a phrase, the
 * agent of a passive ("was challenged in court by growers", "by local farmers"); from when
 * there is none. People in the plural need no article to be a speaker; before "of" the
 * phrase runs on to its punctuation ("by huge majorities of voters"). */
static size_t bare_plural(const ctx *c, const span *s, size_t from) {
    for (size_t k = from; k < s->b && k < from + 3; k++) {
        if (!is_word(c, k) || !c->k[k].lower || c->v[k].quoted ||
            (bits(c, k) & (FL_W_DET | FL_W_PREP | FL_W_CONJ | FL_W_PRON | FL_W_AUX | FL_W_TIME))) {
            return from;
        }
        if (plural(c, k) && k + 1 < s->b && folded_is(c, k + 1, "of")) {
            /* a quantity of people: "by huge majorities of voters in both parties" */
            size_t e = k + 2;
            while (e < s->b && e - k < MAX_SPEAKER_TOKENS && is_word(c, e) && !c->v[e].quoted &&
                   !(bits(c, e) & (FL_W_AUX | FL_W_OPENER | FL_W_RELATIVE)) && !finite_verb(c, e)) {
                e++;
            }
            return e < s->b && is_word(c, e) ? from : e;
        }
        if (plural(c, k) && (k + 1 >= s->b || !is_word(c, k + 1) ||
                             (bits(c, k + 1) & (FL_W_PREP | FL_W_CONJ | FL_W_TIME)))) {
            return k + 1;
        }
    }
    return from;
}

/* The end of a share of people that starts at from, the agent of a passive ("by about a
 * quarter of voters", "by nearly 6 in 10 of the delegates", "by 45 percent of the growers",
 * "by most of them"): a number, a fraction or a quantifier, after an approximator, that an
 * "of" phrase or a plural noun completes (alone, "by 20 votes" or "by 45 percent" is a
 * margin); from when there is none. */
static size_t quantity_agent(const ctx *c, const span *s, size_t from) {
    static const char *const fractions[] = {"quarter",  "third",     "fifth",   "majority",
                                            "minority", "plurality", "handful", "tenth"};
    size_t k = approximator(c, s, from);
    if (k + 1 >= s->b || !is_word(c, k) || c->v[k].quoted) {
        return from;
    }
    if ((folded_is(c, k, "a") || folded_is(c, k, "an")) && is_word(c, k + 1) &&
        folded_in(c, k + 1, fractions, sizeof fractions / sizeof fractions[0])) {
        k += 2; /* "a quarter", "a majority" */
    } else if (c->k[k].all_digits || number_word(c, k) || quantifier(c, k)) {
        k++;
        if (k + 1 < s->b && folded_is(c, k, "in") && is_word(c, k + 1) &&
            (c->k[k + 1].all_digits || number_word(c, k + 1))) {
            k += 2; /* "6 in 10" */
        } else if (k < s->b && folded_is(c, k, "percent")) {
            k++;
        }
    } else {
        return from;
    }
    if (k + 1 < s->b && folded_is(c, k, "of") && !c->v[k + 1].quoted) {
        size_t e = speaker_forward(c, s, k + 1);
        if (e == k + 1) {
            e = bare_plural(c, s, k + 1);
        }
        return e > k + 1 ? e : from;
    }
    size_t e = k < s->b ? bare_plural(c, s, k) : k;
    return e > k ? e : from;
}

/* Does a duration start at j, after "for" ("for several weeks", "for about 30 minutes")? A
 * time word among its first three words. */
static bool for_a_time(const ctx *c, const span *s, size_t j) {
    for (size_t k = j; k < s->b && k < j + 3 && is_word(c, k); k++) {
        if ((bits(c, k) & FL_W_TIME) || time_span_noun(c, k)) {
            return true;
        }
    }
    return false;
}

/* Is token k, right after a verb of the cue, the preposition the verb governs before the
 * object that is the content ("called for a recount", "asked about the levy", "warned of a
 * deficit", "sided with the growers")? It belongs to the cue, as PolNeAR's cues hold it. */
static bool governed_preposition(const ctx *c, const span *s, size_t k) {
    static const char *const preps[] = {"for", "about", "on", "of", "with", "at", "against"};
    if (k + 1 >= s->b || c->v[k].quoted || !is_word(c, k) || !(bits(c, k) & FL_W_PREP) ||
        !folded_in(c, k, preps, sizeof preps / sizeof preps[0])) {
        return false;
    }
    /* not before a time: "unveiled on Monday", "said on Friday that" */
    return (is_word_like(c, k + 1) && !(bits(c, k + 1) & FL_W_TIME) && !c->k[k + 1].all_digits) ||
           family(punct(c, k + 1)) != FAMILY_NONE;
}

/* Is the past form of saying at i a headline's passive without its "be", after its noun
 * and before a preposition ("Blasts reported near Tilden airfield", "…, drone strikes
 * reported at Velm plant")? A headline has no closing period, the noun is lower-case (not a
 * name: "Lind reported at noon …"), the clause has no verb before it and no clause opens
 * after it: what is reported is the noun and the place after it, by no one named. */
static bool headline_passive(const ctx *c, const span *s, size_t vg, size_t i, size_t from) {
    if (vg != i || form(c, i) != FL_FORM_PAST || !(bits(c, i) & FL_W_SPEECH) || i <= s->a ||
        i + 2 >= s->b || !plain_word_before(c, i) || !is_word(c, i + 1) ||
        !(bits(c, i + 1) & FL_W_PREP) || (bits(c, i + 1) & FL_W_OPENER) ||
        folded_is(c, i + 1, "by") || folded_is(c, i + 1, "to") || folded_is(c, i + 1, "as") ||
        ends_with_terminal(c, s)) {
        return false;
    }
    size_t subj = subject_start(c, vg, from);
    if (subj >= i) {
        return false;
    }
    for (size_t k = subj; k < i; k++) {
        if (finite_verb(c, k) || c->v[k].quoted) {
            return false;
        }
    }
    /* "officials reported in May that …": a clause after it is what they reported */
    for (size_t k = i + 1; k < s->b; k++) {
        if (bits(c, k) & FL_W_OPENER) {
            return false;
        }
    }
    return true;
}

/* c. Finds cues followed by their content, left to right, in [from, s->b). */
/* Is the cue at i a passive of expectation before an infinitive of saying or stance ("Lind
 * is expected to announce …", "The Courier is expected to endorse Lind")? The subject is
 * the speaker of that verb, as with "is likely to say" (catenative_start); a passive of
 * expectation before any other verb keeps its subject as content ("The bill is expected to
 * pass"). */
static bool expected_to_say(const ctx *c, const span *s, size_t vg, size_t i) {
    uint32_t b = bits(c, i);
    if (!(b & FL_W_THOUGHT) || !(b & FL_W_INTENT) || (b & FL_W_SPEECH) || vg == i ||
        (form(c, i) != FL_FORM_PP && form(c, i) != FL_FORM_PAST) || !passive_group(c, vg, i) ||
        i + 2 >= s->b || !folded_is(c, i + 1, "to") || c->v[i + 2].quoted || !c->k[i + 2].lower ||
        form(c, i + 2) != FL_FORM_BASE) {
        return false;
    }
    uint32_t vb = bits(c, i + 2);
    if (!(vb & (FL_W_SPEECH | FL_W_STANCE)) ||
        (vb & (FL_W_THOUGHT | FL_W_EVIDENCE | FL_W_SEEM | FL_W_INTENT)) || vote_word(c, i + 2)) {
        return false;
    }
    /* with its object or clause right after it: "to rule soon on …", "to comment after the
     * vote" tell of an act whose words are not given */
    size_t k = i + 3;
    return k < s->b && !at_end(s, k) &&
           (c->v[k].quoted || family(punct(c, k)) != FAMILY_NONE ||
            (is_word(c, k) && ((bits(c, k) & FL_W_OPENER) ||
                               (!(bits(c, k) & (FL_W_PREP | FL_W_TIME | FL_W_ADV | FL_W_CONJ)) &&
                                !ly_adverb(c, k, s->a)))));
}

/* Does the passive participle at i open the sentence with its agent and a comma after it
 * ("Pressed by reporters, Lind said …", "Asked by a voter, the mayor agreed")? Its
 * unnamed subject is the main clause's subject, who is asked; what follows the comma is that
 * clause, not words the agent says, and the question itself is not given. "As reported by
 * the Courier, …" (after "as") does report the clause. */
static bool pressed_by_agent(const ctx *c, const span *s, size_t vg, size_t i, size_t agent_end) {
    size_t a = s->a;
    while (a < vg && !is_word(c, a)) {
        a++;
    }
    return vg == i && vg == a && (bits(c, i) & FL_W_RECIPIENT) &&
           (form(c, i) == FL_FORM_PAST || form(c, i) == FL_FORM_PP) && agent_end < s->b &&
           punct(c, agent_end) == ',' && !c->v[agent_end].quoted &&
           clause_follows(c, s, agent_end + 1);
}

static fl_status cues_before_content(ctx *c, const span *s, size_t from) {
    fl_status st;
    size_t sentence_attrs = c->res->attributions.len; /* this sentence's come after these */
    while (sentence_attrs > 0 &&
           FL_VEC_AT(c->res->attributions, fl_attr, sentence_attrs - 1).sentence == s->index) {
        sentence_attrs--;
    }
    const uint32_t *cue;
    const uint32_t *cue_end = sentence_cue_tokens(c, s, &cue);
    size_t next_i = from; /* the first token left to read */
    for (; cue < cue_end; cue++) {
        size_t i = *cue;
        if (i < next_i || !(c->v[i].bits & BEFORE_CUES) || c->v[i].quoted ||
            c->v[i].role != FL_ROLE_NONE || !is_word(c, i) || hyphen_compound(c, i) ||
            (form(c, i) == FL_FORM_BASE && discourse_marker(c, s, i))) {
            continue;
        }
        uint32_t b = bits(c, i);
        fl_attr at = new_attribution(s, kind_of(b));
        at.cue_word = (uint32_t)i;
        c->naming = naming_cue(c, i);
        size_t cstart;
        size_t marked_from = i; /* the first token this cue gives a part to */
        size_t vg = verb_group_start(c, s, i);
        uint8_t f = form(c, i);
        bool unsaid = false; /* an act that no one is said to perform, see bare_infinitive() */
        if (phone_call(c, s, i)) {
            continue; /* "Lind called Brandt on Friday": a call, no words reported */
        }
        size_t view_in = 0;
        size_t owner = view_owner(c, s, from, i, &view_in);
        if (owner != SIZE_MAX) {
            /* "In Lind's view, the levy is fair.", "The levy, in Lind's view, is fair.": the
             * owner holds the clause after an opening phrase, else the clause before it */
            size_t a = s->a;
            while (a < view_in && !is_word(c, a)) {
                a++;
            }
            bool opening = view_in == a && i + 2 < s->b && punct(c, i + 1) == ',' &&
                           !at_end(s, i + 2);
            size_t e = view_in;
            if (!opening && e > from && punct(c, e - 1) == ',' && !c->v[e - 1].quoted) {
                e--;
            }
            size_t cf = opening ? e : clause_back(c, from, e);
            if (!opening && count_words(c, cf, e) < 2) {
                continue;
            }
            at.kind = FL_ATTRIBUTION_BELIEF;
            at.speaker_first = (uint32_t)owner;
            at.speaker_end = (uint32_t)i;
            at.cue_first = (uint32_t)i;
            at.cue_end = (uint32_t)i + 1;
            mark(c, view_in, owner, FL_ROLE_CUE);
            mark(c, owner, i, FL_ROLE_SPEAKER);
            mark(c, i, i + 1, FL_ROLE_CUE);
            if (opening) {
                mark(c, i + 1, i + 2, FL_ROLE_CUE);
                size_t before = c->res->attributions.len;
                st = finish(c, s, &at, i + 2, i, view_in);
                c->naming = 0;
                if (st != FL_OK) {
                    return st;
                }
                if (c->res->attributions.len > before && at.content_end > i + 1) {
                    next_i = at.content_end;
                }
                continue;
            }
            at.content_first = (uint32_t)cf;
            at.content_end = (uint32_t)e;
            mark(c, cf, e, FL_ROLE_CONTENT);
            c->naming = 0;
            if ((st = add_attribution(c, &at)) != FL_OK) {
                return st;
            }
            continue;
        }
        if (adviser_service(c, s, vg, i)) {
            continue; /* "who has advised the mayor": a post held, no advice reported */
        }
        if ((b & FL_W_NOUNLIKE) && form(c, i) == FL_FORM_S && vg == i && i + 1 < s->b &&
            is_word(c, i + 1) && !c->v[i + 1].quoted && form(c, i + 1) == FL_FORM_BASE &&
            (bits(c, i + 1) & ATTRIBUTION_CUES)) {
            /* "FEC reports show …", "news reports suggest …": a plural noun, the subject of the
             * bare verb after it; a verb in -s never takes a bare verb after it */
            continue;
        }
        if (relative_in_subject(c, s, vg, i) ||
            (!(b & FL_W_SPEECH) && relative_in_named_speaker(c, s, vg))) {
            /* "Farmers who oppose the levy said …", '"…," said Lind, who supports the levy':
             * the clause is in the speaker */
            continue;
        }
        size_t relative_end = vg == i ? reduced_relative(c, s, i) : 0;
        size_t subj = relative_end != 0 ? subject_start(c, i, from) : i;
        if (relative_end != 0 && subj < i) {
            /* "The grower listed in the records could not be found": the records list the
             * grower; the sentence's own verb is no part of it */
            at.speaker_first = (uint32_t)i + 2;
            at.speaker_end = (uint32_t)relative_end;
            at.cue_first = (uint32_t)i;
            at.cue_end = (uint32_t)i + 1;
            at.content_first = (uint32_t)subj;
            at.content_end = (uint32_t)i;
            mark(c, subj, i, FL_ROLE_CONTENT);
            mark(c, i, i + 1, FL_ROLE_CUE);
            mark(c, i + 1, relative_end, FL_ROLE_SPEAKER);
            c->naming = 0;
            if ((st = add_attribution(c, &at)) != FL_OK) {
                return st;
            }
            continue;
        }
        if ((b & FL_W_ACCORDING) && (b & FL_W_SOURCE)) {
            /* "In a Courier poll this spring, Lind was ahead …": the poll reports what follows */
            size_t in = poll_opening(c, s, from, i);
            size_t mid = in == SIZE_MAX ? poll_after_clause(c, s, from, i) : SIZE_MAX;
            if (mid != SIZE_MAX) {
                /* "Lind led by 9 points in a Courier poll": the poll reports its clause, back
                 * to the clause's start (a separator, another attribution's part) */
                size_t cf = clause_back(c, from, mid);
                if (count_words(c, cf, mid) < 2) {
                    continue;
                }
                at.kind = FL_ATTRIBUTION_EVIDENCE;
                at.speaker_first = (uint32_t)mid + 1;
                at.speaker_end = (uint32_t)i + 1;
                at.cue_first = (uint32_t)mid;
                at.cue_end = (uint32_t)mid + 1;
                at.content_first = (uint32_t)cf;
                at.content_end = (uint32_t)mid;
                mark(c, cf, mid, FL_ROLE_CONTENT);
                mark(c, mid, mid + 1, FL_ROLE_CUE);
                mark(c, mid + 1, i + 1, FL_ROLE_SPEAKER);
                c->naming = 0;
                if ((st = add_attribution(c, &at)) != FL_OK) {
                    return st;
                }
                continue;
            }
            if (in == SIZE_MAX) {
                continue;
            }
            size_t e = i + 1;
            while (e < s->b && e - i < MAX_SPEAKER_TOKENS && punct(c, e) != ',' &&
                   !c->v[e].quoted && c->v[e].role == FL_ROLE_NONE &&
                   !(bits(c, e) & (FL_W_AUX | FL_W_OPENER | FL_W_RELATIVE | FL_W_PRON))) {
                e++;
            }
            if (e >= s->b || punct(c, e) != ',' || at_end(s, e)) {
                continue;
            }
            size_t sp_end = e;
            if (e + 1 < s->b && is_word(c, e + 1) && c->k[e + 1].lower &&
                suffix_is(c, e + 1, "ed", 4)) {
                /* "In the newest poll, carried out in June, …" */
                size_t k = e + 1;
                while (k < s->b && k - e < MAX_SPEAKER_TOKENS && punct(c, k) != ',' &&
                       !c->v[k].quoted) {
                    k++;
                }
                if (k >= s->b || punct(c, k) != ',' || at_end(s, k)) {
                    continue;
                }
                e = k;
            }
            at.kind = FL_ATTRIBUTION_EVIDENCE;
            at.speaker_first = (uint32_t)in + 1;
            at.speaker_end = (uint32_t)sp_end;
            at.cue_first = (uint32_t)in;
            at.cue_end = (uint32_t)in + 1;
            mark(c, in, in + 1, FL_ROLE_CUE);
            mark(c, in + 1, e + 1, FL_ROLE_SPEAKER);
            cstart = e + 1;
        } else if (b & FL_W_ACCORDING) {
            /* "According to the ministry, …" */
            size_t to = i + 1;
            size_t cue_first = i;
            if (folded_is(c, i, "according")) {
                if (to >= s->b || !folded_is(c, to, "to")) {
                    continue;
                }
                to++;
            } else if (i > s->a && (folded_is(c, i - 1, "по") || folded_is(c, i - 1, "за"))) {
                cue_first = i - 1;
            } else if (folded_is(c, i, "per") && i > s->a && c->t[i - 1].kind != FL_TOKEN_PUNCT) {
                continue; /* "$70 per square foot, …": a rate; "Per the memo, …" cites */
            }
            size_t e = to;
            while (e < s->b && e - to < MAX_SPEAKER_TOKENS * 2 && punct(c, e) != ',' &&
                   !c->v[e].quoted && c->v[e].role == FL_ROLE_NONE) {
                e++;
            }
            if (e >= s->b || punct(c, e) != ',' || at_end(s, e)) {
                continue;
            }
            at.speaker_first = (uint32_t)to;
            at.speaker_end = (uint32_t)e;
            at.cue_first = (uint32_t)cue_first;
            at.cue_end = (uint32_t)to;
            mark(c, cue_first, to, FL_ROLE_CUE);
            mark(c, to, e + 1, FL_ROLE_SPEAKER);
            cstart = e + 1;
            vg = i;
        } else if ((b & FL_W_NOUN_CUE) && noun_complement(c, s, i, b) != SIZE_MAX &&
                   (f == FL_FORM_NONE || (i > s->a && ((bits(c, i - 1) & (FL_W_DET | FL_W_PREP)) ||
                                                       c->t[i - 1].kind == FL_TOKEN_CLITIC))) &&
                   !(i > s->a && quantifier_subject_past(c, s, i - 1, i))) {
            /* "the claim that …", "his belief that …", "concerns that …", "her decision to
             * open the borders", "his suggestion to voters on Monday that …" */
            cstart = noun_complement(c, s, i, b);
            at.cue_first = (uint32_t)i;
            at.cue_end = (uint32_t)cstart;
            /* "an admission from Dana Lind that …", "claims by growers that …": the name
             * after "from" or "by", up to the complement, says it */
            size_t by_end = 0;
            if (i + 2 < cstart && !c->v[i + 1].quoted &&
                (folded_is(c, i + 1, "from") || folded_is(c, i + 1, "by")) &&
                speaker_forward(c, s, i + 2) == cstart && names_someone(c, i + 2, cstart)) {
                by_end = cstart;
                at.cue_end = (uint32_t)i + 2;
            }
            mark(c, i, at.cue_end, FL_ROLE_CUE);
            if (by_end != 0) {
                at.speaker_first = (uint32_t)i + 2;
                at.speaker_end = (uint32_t)by_end;
                mark(c, i + 2, by_end, FL_ROLE_SPEAKER);
            }
            size_t owner = by_end != 0 ? i : possessor(c, s, from, i);
            /* "The growers rallied in hopes that …", "Lind stirred a row with an assertion
             * that …": after "in" or "with" in a clause, the noun is its subject's */
            size_t prep = i - 1;
            if (owner == i && by_end == 0 && prep > s->a &&
                (folded_is(c, prep, "the") || folded_is(c, prep, "a") ||
                 folded_is(c, prep, "an"))) {
                prep--;
            }
            size_t sf, se;
            if (owner == i && by_end == 0 && prep > s->a + 1 && !c->v[prep].quoted &&
                (folded_is(c, prep, "in") || folded_is(c, prep, "with")) &&
                clause_subject(c, s, prep, &sf, &se) && se + 1 < prep &&
                c->v[sf].role == FL_ROLE_NONE && !empty_subject(c, sf, se) &&
                !be_between(c, se, prep)) {
                at.speaker_first = (uint32_t)sf;
                at.speaker_end = (uint32_t)se;
                mark(c, sf, se, FL_ROLE_SPEAKER);
            }
            if (owner < i) {
                /* "his promise to …", "Clinton's claim that …": whose it is says it */
                at.speaker_first = (uint32_t)owner;
                at.speaker_end = (uint32_t)i;
                mark(c, owner, i, FL_ROLE_SPEAKER);
            }
        } else if (((b & FL_W_SPEECH) && f == FL_FORM_NONE && !(b & FL_W_ACCORDING)) ||
                   headline_passive(c, s, vg, i, from)) {
            /* "Ukraine reportedly fires drones …": reported by someone unnamed; the whole
             * clause, its subject included, is content (so in a headline's passive without
             * "be": "blasts reported near airfield") */
            size_t subj = subject_start(c, vg, from);
            at.kind = FL_ATTRIBUTION_PERCEIVED;
            at.cue_first = (uint32_t)i;
            at.cue_end = (uint32_t)i + 1;
            if (!empty_subject(c, subj, vg)) {
                at.content2_first = (uint32_t)subj;
                at.content2_end = (uint32_t)vg;
                mark(c, subj, vg, FL_ROLE_CONTENT);
            }
            mark(c, vg, i, FL_ROLE_CONTENT);
            mark(c, i, i + 1, FL_ROLE_CUE);
            cstart = i + 1;
        } else if ((b & FL_W_SEEM) &&
                   (f == FL_FORM_PAST || f == FL_FORM_S ||
                    (f == FL_FORM_BASE &&
                     (vg < i ||
                      (vg > s->a &&
                       (plural(c, vg - 1) || (bits(c, vg - 1) & (FL_W_PRON | FL_W_RELATIVE))))))) &&
                   (seem_complement(c, s, i + 1) ||
                    (vg == i && vg > s->a && folded_is(c, vg - 1, "it") && i + 1 < s->b &&
                     !folded_is(c, i + 1, "a") && !folded_is(c, i + 1, "an") &&
                     clause_follows(c, s, i + 1))) &&
                   !seems_to_say(c, s, i)) {
            /* "The front-runner seemed to …": the subject is content as well */
            size_t subj = subject_start(c, vg, from);
            at.kind = FL_ATTRIBUTION_PERCEIVED;
            at.cue_first = (uint32_t)vg;
            at.cue_end = (uint32_t)i + 1;
            if (!empty_subject(c, subj, vg)) {
                at.content2_first = (uint32_t)subj;
                at.content2_end = (uint32_t)vg;
                mark(c, subj, vg, FL_ROLE_CONTENT);
            }
            mark(c, vg, i + 1, FL_ROLE_CUE);
            cstart = content_start(c, s, i, FL_ROLE_NONE);
        } else if ((b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE)) &&
                   (f == FL_FORM_PAST || f == FL_FORM_PP) && passive_group(c, vg, i) &&
                   !vote_word(c, i) && /* "was voted on": a procedure, no one's stance */
                   !(portrayal_verb(c, i) && !(i + 1 < s->b && folded_is(c, i + 1, "as"))) &&
                   verb_here(c, s, i, vg) && !passive_sight(c, s, vg, i)) {
            /* a passive: "The price was not disclosed", "He was asked whether …", "The bill
             * is expected to pass", "… was criticized by Miller": the subject is content,
             * the agent the speaker, a complement after it content as well */
            size_t subj = subject_start(c, vg, from);
            size_t j = i + 1;
            if (j + 1 < s->b && folded_is(c, j, "by")) {
                size_t e = quantity_agent(c, s, j + 1);
                if (e == j + 1) {
                    e = speaker_forward(c, s, j + 1);
                }
                if (e == j + 1) {
                    e = bare_plural(c, s, j + 1);
                }
                if (e > j + 1) {
                    at.speaker_first = (uint32_t)j + 1;
                    at.speaker_end = (uint32_t)e;
                    mark(c, j, e, FL_ROLE_SPEAKER);
                    j = e;
                }
            } else {
                /* the agent after a short complement or adjunct of the passive: "The levy
                 * was declared a success by the council", "… was described as a burden by
                 * several growers", "… was supported on Friday by most growers" */
                size_t by = passive_agent_after(c, s, j);
                size_t e = by != 0 ? quantity_agent(c, s, by + 1) : 0;
                if (by != 0 && e == by + 1) {
                    e = speaker_forward(c, s, by + 1);
                }
                if (by != 0 && !(e > by + 1 && names_someone(c, by + 1, e))) {
                    e = bare_plural(c, s, by + 1);
                }
                if (by != 0 && e > by + 1) {
                    at.speaker_first = (uint32_t)by + 1;
                    at.speaker_end = (uint32_t)e;
                    mark(c, by, e, FL_ROLE_SPEAKER);
                }
            }
            /* the passive of a verb of thinking before "that" or "about", without an agent,
             * is an attitude of its subject, as an adjective's is: "The council is worried
             * that the levy …", "Growers were worried about …" (not "It is thought that …",
             * and "is thought to", "is expected to" keep the subject as content) */
            bool attitude = (b & FL_W_THOUGHT) && !(b & (FL_W_SPEECH | FL_W_RECIPIENT)) &&
                            at.speaker_first == at.speaker_end && j == i + 1 && j < s->b &&
                            (folded_is(c, j, "that") || folded_is(c, j, "about")) &&
                            !empty_subject(c, subj, vg) && names_someone(c, subj, vg) &&
                            !folded_is(c, subj, "this") && !folded_is(c, subj, "that") &&
                            /* "Much is not known about …": a mass quantifier names no one */
                            !(subj + 1 == vg &&
                              (folded_is(c, subj, "much") || folded_is(c, subj, "little") ||
                               folded_is(c, subj, "nothing") || folded_is(c, subj, "more")));
            /* so is the passive of assuring or persuading before "of", a certainty: "She is
             * assured of at least 40 delegates", "The board was persuaded of the need" (not
             * "was told of", "was warned of": those are told) */
            attitude = attitude || ((folded_is(c, i, "assured") || folded_is(c, i, "persuaded")) &&
                                    at.speaker_first == at.speaker_end && j == i + 1 && j < s->b &&
                                    folded_is(c, j, "of") && !empty_subject(c, subj, vg) &&
                                    names_someone(c, subj, vg));
            if (attitude ||
                (at.speaker_first == at.speaker_end && j == i + 1 && !empty_subject(c, subj, vg) &&
                 names_someone(c, subj, vg) && expected_to_say(c, s, vg, i))) {
                /* (after "is expected to announce", the subject announces) */
                if (subj > from + 1 && !c->v[subj - 1].quoted &&
                    (folded_is(c, subj - 1, "and") || folded_is(c, subj - 1, "or")) &&
                    is_word(c, subj - 2) && !c->v[subj - 2].quoted) {
                    /* a coordinated subject is one: "Most growers in Tilden and Harbour were
                     * worried" (not "Harbour") */
                    subj = subject_start(c, subj - 1, from);
                }
                at.speaker_first = (uint32_t)subj;
                at.speaker_end = (uint32_t)vg;
                mark(c, subj, vg, FL_ROLE_SPEAKER);
            } else if (!empty_subject(c, subj, vg) && !(b & (FL_W_RECIPIENT | FL_W_CALLED))) {
                /* not "He was asked whether …": he is asked, not said; nor "Russia was
                 * called "an aggressor country"": Russia is named, the name is reported */
                at.content2_first = (uint32_t)subj;
                at.content2_end = (uint32_t)vg;
                mark(c, subj, vg, FL_ROLE_CONTENT);
            }
            at.cue_first = (uint32_t)vg;
            at.cue_end = (uint32_t)i + 1;
            mark(c, vg, i + 1, FL_ROLE_CUE);
            cstart = SIZE_MAX;
            if ((b & FL_W_CALLED) && j < s->b && family(punct(c, j)) != FAMILY_NONE &&
                j + 1 < s->b && c->v[j + 1].quoted) {
                /* "Russia was called "an aggressor country"": the label is what was said,
                 * by a speaker the writer leaves out; only the quotation is its content
                 * (its words are quoted whatever else the sentence says) */
                size_t close = quotation_end(c, s, j);
                at.content_first = (uint32_t)j;
                at.content_end = (uint32_t)close;
                mark(c, j, close, FL_ROLE_CONTENT);
                if (at.speaker_end == at.speaker_first && close + 1 < s->b &&
                    folded_is(c, close, "by")) {
                    /* "… was called "an aggressor country" by Kiev": the agent after the
                     * label is who gave it */
                    size_t e = speaker_forward(c, s, close + 1);
                    if (e > close + 1) {
                        at.speaker_first = (uint32_t)close + 1;
                        at.speaker_end = (uint32_t)e;
                        mark(c, close, e, FL_ROLE_SPEAKER);
                    }
                }
            } else if ((b & FL_W_CALLED) && at.speaker_end > at.speaker_first &&
                       at.speaker_first >= j + 2 && folded_is(c, at.speaker_first - 1, "by") &&
                       is_word(c, j) && !c->v[j].quoted &&
                       !(bits(c, j) & (FL_W_PREP | FL_W_PARTICLE))) {
                /* "The vote was called a sham by the envoys": with an agent, an unquoted label
                 * is what the agent said (without one, "was called Tilden Pledge" names) */
                at.content_first = (uint32_t)j;
                at.content_end = (uint32_t)at.speaker_first - 1;
                mark(c, j, at.speaker_first - 1, FL_ROLE_CONTENT);
            } else if (j < s->b &&
                       ((bits(c, j) & FL_W_OPENER) || folded_is(c, j, "to") ||
                        folded_is(c, j, "of") || folded_is(c, j, "about") ||
                        folded_is(c, j, "as") || folded_is(c, j, "for") || punct(c, j) == ':')) {
                cstart = punct(c, j) == ':' ? j + 1 : j;
            } else if (b & FL_W_RECIPIENT) {
                cstart = content_start(c, s, j - 1, FL_ROLE_NONE); /* "was told Tuesday that …" */
                if (cstart != SIZE_MAX && family(punct(c, cstart)) != FAMILY_NONE &&
                    cstart + 1 < s->b && c->v[cstart + 1].quoted) {
                    /* 'was asked, "Will you run?"': the quotation alone is the content (a
                     * question's quotation may run on into the next clause's sentence) */
                    size_t close = quotation_end(c, s, cstart);
                    at.content_first = (uint32_t)cstart;
                    at.content_end = (uint32_t)close;
                    mark(c, cstart, close, FL_ROLE_CONTENT);
                    cstart = SIZE_MAX;
                } else if (cstart != SIZE_MAX && !(bits(c, cstart) & FL_W_OPENER)) {
                    cstart = SIZE_MAX;
                }
            }
        } else {
            /* a verb that reports only a quotation or a that-clause ("He continued: "…"",
             * "The campaign responded that …"; not "continued to push") */
            size_t light_end = 0; /* "made it clear", "took aim at": the phrase's end */
            size_t light_content = SIZE_MAX;
            if (light_verb(c, i)) {
                light_end = light_phrase(c, s, i, &light_content);
                if (light_end == i) {
                    continue; /* "made a deal", "took office" */
                }
            }
            bool quote_verb = !(b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE |
                                     FL_W_EVIDENCE)) &&
                              (b & FL_W_QUOTE_VERB) &&
                              (f != FL_FORM_BASE || light_end != 0 || responds_to(c, s, i));
            if (!(b & (FL_W_SPEECH | FL_W_THOUGHT | FL_W_INTENT | FL_W_STANCE | FL_W_EVIDENCE)) &&
                !quote_verb) {
                continue;
            }
            if (!verb_here(c, s, i, vg) ||
                (quote_verb && light_end == 0 && !quotation_or_that(c, s, i + 1) &&
                 !responds_to(c, s, i))) {
                continue;
            }
            vg = catenative_start(c, s, vg, i, from);
            bool speech_act = false; /* "issued a statement confirming …" */
            if (vg == i && form(c, i) == FL_FORM_ING) {
                vg = speech_act_start(c, s, i, from);
                if (vg == i) {
                    vg = reply_start(c, s, i, from); /* "responded Friday, saying" */
                }
                speech_act = vg != i;
            }
            /* the speaker: the words before the verb group, back to the clause's start,
             * past a phrase of time in "ago" ("The council less than two weeks ago said") */
            size_t sp_first = vg;
            size_t ago = ago_phrase_start(c, from, vg);
            while (sp_first > from && vg - sp_first < MAX_SPEAKER_TOKENS &&
                   c->v[sp_first - 1].role == FL_ROLE_NONE &&
                   /* a plain word (no class bits, not quoted) without the call */
                   ((c->v[sp_first - 1].bits == 0 && !c->v[sp_first - 1].quoted &&
                     is_word(c, sp_first - 1)) ||
                    sp_first > ago || speaker_token(c, sp_first - 1)) &&
                   punct(c, sp_first - 1) != '(' && punct(c, sp_first - 1) != ')') {
                sp_first--;
            }
            sp_first = subject_behind_preposition(c, s, from, sp_first, vg);
            sp_first = subject_behind_relative(c, s, from, sp_first, vg);
            sp_first = list_subject(c, s, from, sp_first, vg);
            sp_first = name_list_subject(c, s, from, sp_first, vg);
            if (vg - sp_first == 1 && folded_is(c, sp_first, "we") &&
                !outlet_asked(c, s, sp_first, i)) {
                continue; /* "What we know about …": the outlet speaks, in its own words */
            }
            size_t named_first = sp_first;
            size_t named_end = vg;
            /* a gerund that opens its clause, at the start or after a colon, is the main
             * clause's subject's ("It failed: By refusing to …, Lind lost"), not the subject
             * of the clause before the colon */
            size_t gf, ge;
            if (intro_gerund_subject(c, s, vg, i, &gf, &ge)) {
                named_first = gf;
                named_end = ge;
            } else {
                refine_speaker(c, s, vg, i, sentence_attrs, &named_first, &named_end);
            }
            if (named_first == named_end && sp_first == vg && that_relative_subject(c, s, vg, i)) {
                sp_first = vg - 1; /* "letters that called him …": "that" speaks */
                named_first = vg - 1;
                named_end = vg;
            }
            if (named_first == named_end && vg == i) {
                size_t obj = controlled_object(c, from, i);
                if (obj >= i) {
                    obj = left_object(c, from, i); /* "…, leaving many to wonder …" */
                }
                if (obj < i) {
                    named_first = obj; /* "The vote led the mayor to declare victory" */
                    named_end = i - 1;
                } else if (i > s->a + 2 && folded_is(c, i - 1, "to") && !c->v[i - 1].quoted) {
                    /* a purpose: "The growers gathered at the hall to talk about the levy":
                     * the clause's subject speaks, when a finite verb stands between it and
                     * "to" with no comma */
                    size_t f, e;
                    /* the sentence's subject, else the nearest clause's after a comma or a
                     * subordinator: "On a rainy afternoon, after their shift, a dozen growers
                     * gathered at the hall to talk …", "Even before Lind took the stage to …" */
                    if ((clause_subject(c, s, i - 1, &f, &e) && e < i - 1) ||
                        (subject_after_comma(c, s, i - 1, true, &f, &e) && e < i - 1)) {
                        bool verb = false;
                        bool comma = false;
                        for (size_t k = e; k + 1 < i; k++) {
                            verb |= finite_verb(c, k) || (bits(c, k) & ATTRIBUTION_CUES);
                            comma |= punct(c, k) == ',' || c->v[k].role != FL_ROLE_NONE;
                        }
                        /* not an empty subject: "It takes a clerk to see …" */
                        if (verb && !comma && !empty_subject(c, f, e) &&
                            !(e == f + 1 && (folded_is(c, f, "this") || folded_is(c, f, "that")))) {
                            named_first = f;
                            named_end = e;
                        }
                    }
                }
            }
            if (vg == i && form(c, i) == FL_FORM_ING && named_end == vg &&
                named_first + 3 <= named_end) {
                named_first = participle_noun_after_of(c, named_first, named_end);
            }
            if (vg == i && reduced_passive(c, s, i)) {
                named_first = named_end = vg; /* "a grower accused of fraud": no speaker */
            }
            size_t agent_end = participle_agent(c, s, vg, i);
            /* "a chance to prove the toll is fair": nobody says it */
            unsaid = named_first == named_end && agent_end == 0 && bare_infinitive(c, s, vg, i);
            if (agent_end != 0) {
                /* "Asked by a reporter whether …", "As reported by the Courier, …": the
                 * agent after "by" says it */
                named_first = i + 2;
                named_end = agent_end;
                sp_first = vg;
            }
            at.speaker_first = (uint32_t)named_first;
            at.speaker_end = (uint32_t)named_end;
            at.cue_first = (uint32_t)vg;
            at.cue_end = (uint32_t)i + 1;
            if (i + 1 < s->b && (bits(c, i + 1) & FL_W_PARTICLE)) {
                at.cue_end = (uint32_t)i + 2;
            }
            cstart = content_start(c, s, i, FL_ROLE_NONE);
            if (agent_end != 0 && pressed_by_agent(c, s, vg, i, agent_end)) {
                continue;
            }
            if (agent_end != 0) {
                mark(c, i + 1, agent_end, FL_ROLE_SPEAKER);
                if (cstart != SIZE_MAX && cstart < agent_end) {
                    cstart = agent_end < s->b && punct(c, agent_end) == ',' && !at_end(s, agent_end)
                                 ? agent_end + 1
                                 : agent_end;
                }
            }
            if (light_end != 0) {
                at.cue_end = (uint32_t)light_end;
                cstart = light_content;
                if (lemma_is(c->v[i].cue, "take") || lemma_is(c->v[i].cue, "sign") ||
                    lemma_is(c->v[i].cue, "pass") || lemma_is(c->v[i].cue, "file")) {
                    at.kind = FL_ATTRIBUTION_STANCE; /* "took aim at", "signed the bill" */
                }
            }
            bool cast_fixed = false; /* "cast doubt on", "cast a ballot for" */
            if (portrayal_verb(c, i) && (cstart == SIZE_MAX || !object_as(c, s, cstart))) {
                size_t cast_content = SIZE_MAX;
                size_t cast_end = cast_phrase(c, s, i, &cast_content);
                if (cast_end == 0) {
                    continue; /* "cast a ballot", "votes cast to earn", "painted the house" */
                }
                at.cue_end = (uint32_t)cast_end;
                cstart = cast_content;
                cast_fixed = true;
                at.kind = FL_ATTRIBUTION_STANCE; /* a vote, a doubt: a stance, no statement */
            }
            bool vote = vote_word(c, i);
            if (vote && f == FL_FORM_S) {
                continue; /* "60 million votes to win", "the required votes for": a noun */
            }
            if (vote) {
                size_t vote_end = i + 1;
                cstart = vote_content(c, s, i, &vote_end);
                if (cstart == SIZE_MAX) {
                    continue; /* "Ohio voted Tuesday" */
                }
                at.cue_end = (uint32_t)vote_end;
            }
            if ((b & FL_W_CLAUSE) && cstart == i + 1 && cstart < s->b && !c->v[cstart].quoted &&
                (bits(c, cstart) & FL_W_AUX)) {
                /* "reports the ministry wrote were buried": a verb that reports only a clause
                 * ("wrote a book" reports nothing) has a verb right after it, so its object is
                 * the noun before, in a relative clause without "that"; "the memo he said was
                 * leaked" is said of the memo, a verb that takes a clause */
                continue;
            }
            if ((b & FL_W_CLAUSE) && passive_group(c, vg, i) && passive_sight(c, s, vg, i)) {
                continue; /* "the video was viewed two million times" */
            }
            if (cstart != SIZE_MAX && claim_takes_toll(c, s, i, cstart)) {
                continue; /* "The blast claimed 12 lives.": no one said anything */
            }
            if (cstart != SIZE_MAX && from_place_only(c, s, cstart)) {
                continue; /* "Lind reported from Tilden.": where she worked, no content */
            }
            bool write_about = cstart == i + 1 && cstart + 1 < s->b &&
                               folded_is(c, cstart, "about") && lemma_is(c->v[i].cue, "write");
            if ((b & FL_W_CLAUSE) && cstart != SIZE_MAX && !clause_complement(c, s, cstart) &&
                !(source_subject(c, s, vg) && !(b & FL_W_THOUGHT)) && !speech_act &&
                !((b & FL_W_THOUGHT) && object_as(c, s, cstart)) &&
                !((b & FL_W_OBJECT) && topic_after(c, s, cstart)) && !write_about && !cast_fixed) {
                continue; /* "wrote a book", "maintained a lead"; but "a 2009 paper found
                           * improvements" */
            }
            if (write_about) {
                /* "wrote about the levy" names what a text says: the cue is the verb and its
                 * preposition, as "called for" */
                at.cue_end = (uint32_t)i + 2;
                cstart = i + 2;
            }
            /* "sided with the growers": a stance whose object follows its preposition */
            bool fixed_particle = (lemma_class(c->v[i].cue) & (FL_C_RAIL | FL_C_LASH)) != 0 ||
                                  lemma_is(c->v[i].cue, "side");
            if ((b & FL_W_STANCE) && !(b & FL_W_SPEECH) && !vote && cstart != SIZE_MAX &&
                (bits(c, cstart) & FL_W_PREP) && !clause_complement(c, s, cstart) &&
                !fixed_particle && f != FL_FORM_ADJ) {
                /* (an adjective of stance takes its preposition: "is critical of", below) */
                continue; /* "the missile slammed into …": a movement, not a stance */
            }
            if (f == FL_FORM_ADJ &&
                (cstart == SIZE_MAX ||
                 !(clause_complement(c, s, cstart) || folded_is(c, cstart, "about") ||
                   folded_is(c, cstart, "of") || folded_is(c, cstart, "with") ||
                   folded_is(c, cstart, "by") || folded_is(c, cstart, "at") ||
                   folded_is(c, cstart, "over") || folded_is(c, cstart, "on")))) {
                continue; /* "are concerned that …", "is confident of …", "were angered by …";
                           * not "is sure" */
            }
            /* (after the tests above, which read the complement with its preposition) */
            if (cstart == i + 1 && at.cue_end == i + 1 && light_end == 0 && f != FL_FORM_ADJ &&
                !vote && !(vg == i && reduced_passive(c, s, i)) &&
                governed_preposition(c, s, cstart) &&
                !(folded_is(c, cstart, "for") && for_a_time(c, s, cstart + 1))) {
                /* "called for a new levy", "asked about the toll": the preposition belongs to
                 * the cue as a particle does ("pointed out"); not "discussed for several weeks" */
                at.cue_end = (uint32_t)cstart + 1;
                cstart++;
            }
            size_t inverted_end = 0;
            if (at.speaker_first == at.speaker_end && vg == i && cstart == i + 1) {
                inverted_end = inverted_before_quote(c, s, i);
            }
            if (inverted_end != 0) {
                at.speaker_first = (uint32_t)i + 1;
                at.speaker_end = (uint32_t)inverted_end;
                cstart = inverted_end + 1;
            }
            mark(c, sp_first, vg, FL_ROLE_SPEAKER);
            mark(c, vg, at.cue_end, FL_ROLE_CUE);
            marked_from = sp_first;
            if (cstart != SIZE_MAX) {
                /* between the cue and the complement: a recipient or an adjunct */
                mark(c, at.cue_end, cstart, FL_ROLE_CUE);
            }
            if (inverted_end != 0) {
                mark(c, i + 1, inverted_end, FL_ROLE_SPEAKER);
            }
        }
        size_t before = c->res->attributions.len;
        if (at.cue_first < marked_from) {
            marked_from = at.cue_first;
        }
        st = finish(c, s, &at, cstart, vg, marked_from);
        c->naming = 0;
        if (st != FL_OK) {
            return st;
        }
        if (c->res->attributions.len > before && at.content_end > i + 1) {
            next_i = at.content_end;
        }
        if (unsaid && c->res->attributions.len > before && at.content_end <= s->b) {
            withdraw(c, &at, marked_from);
        }
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ d. nested cues */

/* Can token i be part of a speaker named inside reported content ("in what Kiev claims",
 * "Trump said officials believe")? A name, a pronoun, a role, a determiner. */
static bool nested_speaker_token(const ctx *c, size_t i) {
    if (c->v[i].quoted || c->v[i].role != FL_ROLE_CONTENT) {
        return false;
    }
    uint8_t kind = c->t[i].kind;
    if (kind == FL_TOKEN_CLITIC || kind == FL_TOKEN_HYPHEN) {
        return true;
    }
    if (kind == FL_TOKEN_PUNCT) {
        return punct(c, i) == '.';
    }
    uint32_t b = bits(c, i);
    if (b & (FL_W_AUX | FL_W_OPENER | FL_W_VERB | FL_W_CONJ | FL_W_PREP)) {
        return false;
    }
    return c->k[i].upper || (b & (FL_W_PRON | FL_W_DET | FL_W_ROLE | FL_W_SOURCE));
}

/* Does the nested speaker at sp open a clause of its own, a relative or adverbial clause or
 * a new conjunct ("…, which he described as …", "after Reyes told reporters …", "as he
 * noted …", "but he denied …", "with aides saying …", "although records indicate …")? Such a clause
 * is the writer's frame around the other speaker, not words the outer speaker reports: PolNeAR
 * annotates its attribution as an outermost one. "that", "if", "because" and "what" stay nested
 * ("he said that she thinks …", "in what Kiev claims"). */
static bool opens_own_clause(const ctx *c, const span *s, size_t sp) {
    if (sp <= s->a || !is_word(c, sp - 1)) {
        return false;
    }
    size_t j = sp - 1;
    switch (c->k[j].fold_len) {
    case 2:
        return folded_is(c, j, "as");
    case 3:
        return folded_is(c, j, "but");
    case 4:
        return folded_is(c, j, "when") || folded_is(c, j, "with");
    case 5:
        return folded_is(c, j, "which") || folded_is(c, j, "after") || folded_is(c, j, "while") ||
               folded_is(c, j, "since") || folded_is(c, j, "where");
    case 6:
        return folded_is(c, j, "before") || folded_is(c, j, "though");
    case 8:
        return folded_is(c, j, "although");
    default:
        return false;
    }
}

/* d. An attribution inside the content of another is recorded ("he said he thinks …");
 * its speaker, cue and content stay part of the outer content (PolNeAR annotates the
 * outermost), except when the writer names the other speaker in a clause of their own ("The
 * EU accused Russia of massing troops in what Kiev claims is preparation for an
 * invasion"): that speaker and cue are the outlet's words, author like every speaker and
 * cue. Only verbs after a named speaker are read here. */
static fl_status nested_cues(ctx *c, const span *s, size_t from) {
    size_t run_end = from; /* end of the content run being read */
    fl_status st;
    const uint32_t *cue;
    const uint32_t *cue_end = sentence_cue_tokens(c, s, &cue);
    size_t next_i = from; /* the first token left to read */
    for (; cue < cue_end; cue++) {
        size_t i = *cue;
        if (i < next_i || !(c->v[i].bits & NESTED_CUES) || c->v[i].role != FL_ROLE_CONTENT ||
            c->v[i].quoted || !is_word(c, i) ||
            (form(c, i) == FL_FORM_BASE && discourse_marker(c, s, i))) {
            continue;
        }
        /* the run is measured from the cue: roles from i on are still those the steps before
         * gave (this loop changes roles only before the token it goes on from) */
        if (i >= run_end) {
            run_end = i;
            while (run_end < s->b && c->v[run_end].role == FL_ROLE_CONTENT) {
                run_end++;
            }
        }
        uint32_t b = bits(c, i);
        size_t vg = verb_group_start(c, s, i);
        if (c->v[vg].role != FL_ROLE_CONTENT) {
            continue;
        }
        size_t sp = vg;
        while (sp > s->a && vg - sp < MAX_SPEAKER_TOKENS && nested_speaker_token(c, sp - 1)) {
            sp--;
        }
        /* the speaker's test first: it is cheaper than verb_here() and fails more often */
        if (count_words(c, sp, vg) == 0 || !verb_here(c, s, i, vg)) {
            continue;
        }
        size_t cstart = content_start(c, s, i, FL_ROLE_CONTENT);
        if (vote_word(c, i)) {
            size_t vote_end = i + 1; /* "she said she would vote for …"; not "vote no" */
            cstart = form(c, i) == FL_FORM_S ? SIZE_MAX : vote_content(c, s, i, &vote_end);
        }
        if (cstart == SIZE_MAX || cstart >= run_end ||
            ((b & FL_W_CLAUSE) && !clause_complement(c, s, cstart))) {
            continue;
        }
        fl_attr at = new_attribution(s, kind_of(b));
        at.nested = !opens_own_clause(c, s, sp);
        at.cue_word = (uint32_t)i;
        at.speaker_first = (uint32_t)sp;
        at.speaker_end = (uint32_t)vg;
        at.cue_first = (uint32_t)vg;
        at.cue_end = (uint32_t)cstart;
        at.content_first = (uint32_t)cstart;
        at.content_end = (uint32_t)run_end;
        if (after_what(c, s, sp + 1)) {
            /* "in what Kiev claims is …": the writer names another speaker inside the
             * content; in "he said he thinks …" the speaker and cue are reported too */
            for (size_t j = sp; j < cstart; j++) {
                c->v[j].role = j < vg ? FL_ROLE_SPEAKER : FL_ROLE_CUE;
            }
        }
        if ((st = add_attribution(c, &at)) != FL_OK) {
            return st;
        }
        next_i = cstart;
    }
    return FL_OK;
}

/* Longest run of words between a speaker and the "to" of its infinitive cue that
 * chain_to_speaker() takes as one verb chain ("went out of his way to say"). */
#define MAX_CHAIN_WORDS 8

/* PolNeAR's cue of an infinitive is the whole verb chain from the speaker's own verb: "took
 * to social media to complain", "went out of his way to say", "was quick to point out",
 * "has chosen not to respond". When only words (no punctuation, no quotation, no other
 * part of an attribution) stand between an outermost attribution's speaker and the "to"
 * before its cue, the cue starts right after the speaker. The attributions of one
 * sentence are [first, n) of the result's list. */
static void chain_to_speaker(ctx *c, size_t first) {
    fl_attr *at = c->res->attributions.data;
    for (size_t k = first; k < c->res->attributions.len; k++) {
        fl_attr *a = &at[k];
        size_t end = a->speaker_end;
        size_t cue = a->cue_first;
        if (a->nested || a->speaker_first == end || end + 2 > cue || !folded_is(c, cue - 1, "to")) {
            continue;
        }
        size_t words = 0;
        bool plain = true;
        for (size_t j = end; j < cue && plain; j++) {
            uint8_t kind = c->t[j].kind;
            /* a passive cue in the run has a speaker of its own, whom the infinitive's
             * subject does not name: "was asked yet again to defend" */
            bool passive = j > end && (c->v[j].bits & ATTRIBUTION_CUES) && is_be(c, j - 1) &&
                           (form(c, j) == FL_FORM_PAST || form(c, j) == FL_FORM_PP);
            plain = !c->v[j].quoted && c->v[j].role == FL_ROLE_NONE && !passive &&
                    (kind == FL_TOKEN_WORD || kind == FL_TOKEN_CLITIC || kind == FL_TOKEN_HYPHEN);
            words += kind == FL_TOKEN_WORD;
        }
        if (plain && words <= MAX_CHAIN_WORDS) {
            mark(c, end, cue, FL_ROLE_CUE);
            a->cue_first = (uint32_t)end;
        }
    }
}

/* A dateline opening the sentence ("WASHINGTON (AP) —", "DAYTON, Ohio, March 4 (UPI) —",
 * "New York (AFP) –"): the index after its dash, or s->a. A place in capitals or a news
 * agency in brackets, a few words, a spaced dash. */
static size_t dateline_end(const ctx *c, const span *s) {
    size_t words = 0;
    bool capitals = false;
    bool agency = false;
    for (size_t i = s->a; i < s->b && words <= 8; i++) {
        int32_t p = punct(c, i);
        if (is_dash_cp(p) && c->t[i].space_before) {
            return (capitals || agency) && words > 0 ? i + 1 : s->a;
        }
        if (p == '(' && i + 2 < s->b && is_word(c, i + 1) && punct(c, i + 2) == ')') {
            agency = true;
            continue;
        }
        if (p != 0) {
            if (p != ',' && p != '.' && p != ')') {
                return s->a;
            }
            continue;
        }
        if (!is_word(c, i)) {
            continue;
        }
        if (!c->k[i].upper && !c->k[i].all_digits) {
            return s->a;
        }
        if (words == 0 && c->k[i].ncp >= 2) {
            capitals = true;
            const fl_token *t = &c->t[i];
            for (size_t b = t->start; b < t->end; b++) {
                if (c->text[b] >= 'a' && c->text[b] <= 'z') {
                    capitals = false;
                }
            }
        }
        words++;
    }
    return s->a;
}

static fl_status sentence_attributions(ctx *c, const span *s_in);

fl_status fl__attributions(ctx *c, const span *s_in) {
    size_t first = c->res->attributions.len;
    fl_status st = sentence_attributions(c, s_in);
    if (st == FL_OK) {
        chain_to_speaker(c, first);
    }
    return st;
}

static fl_status sentence_attributions(ctx *c, const span *s_in) {
    span sd = *s_in;
    uint32_t cues = sentence_bits(c, s_in);
    if (s_in->a < c->carry_end) {
        /* a sentence of a speaker's paragraph: all of it is that speaker's */
        mark(c, s_in->a, s_in->b < c->carry_end ? s_in->b : c->carry_end, FL_ROLE_CONTENT);
        if (s_in->b <= c->carry_end) {
            return cues & NESTED_CUES ? nested_cues(c, &sd, s_in->a) : FL_OK;
        }
    }
    /* datelines and headlines need a colon or a dash */
    bool colon_or_dash = FL_VEC_AT(c->res->sentence_cues, sentence_cues, s_in->index).colon_or_dash;
    sd.a = colon_or_dash ? dateline_end(c, s_in) : s_in->a;
    const span *s = &sd;
    size_t from = s->a;
    fl_status st = colon_or_dash ? headline(c, s, &from) : FL_OK;
    unsigned title = st == FL_OK && (cues & BEFORE_CUES) ? headline_rules(c, s, from) : 0;
    if (st == FL_OK && from < s->b && (title & 1)) {
        st = title_predicates(c, s, &from);
    }
    if (st == FL_OK && from < s->b && (title & 2)) {
        st = headline_future(c, s, &from);
    }
    if (st == FL_OK && from < s->b && (cues & AFTER_CUES)) {
        st = cues_after_content(c, s, from);
    }
    if (st == FL_OK && from < s->b && (cues & BEFORE_CUES)) {
        st = cues_before_content(c, s, from);
    }
    if (st == FL_OK && (cues & NESTED_CUES)) {
        st = nested_cues(c, s, s->a);
    }
    return st;
}

/* ------------------------------------------------------------------ public records */

/* The offsets of tokens [first, end), zero when empty. Inline: four calls per attribution,
 * and as a call each returned its record through memory. */
static inline fl_text_span text_span(const ctx *c, uint32_t first, uint32_t end) {
    fl_text_span sp;
    memset(&sp, 0, sizeof sp);
    if (first < end && end <= c->n) {
        sp.start = c->t[first].start;
        sp.end = c->t[end - 1].end;
        sp.cp_start = c->t[first].cp_start;
        sp.cp_end = c->t[end - 1].cp_end;
    }
    return sp;
}

/* The voice of a content that starts at token `first`: quoted when its first words are in
 * quotation marks. Looks a few tokens ahead (past an opening mark), no further. */
static uint8_t content_voice(const ctx *c, uint32_t first, uint32_t end) {
    for (uint32_t i = first; i < end && i < first + 4; i++) {
        if (is_word_like(c, i)) {
            return c->v[i].quoted ? FL_VOICE_QUOTED : FL_VOICE_ATTRIBUTED;
        }
    }
    return first < end && c->v[first].quoted ? FL_VOICE_QUOTED : FL_VOICE_ATTRIBUTED;
}

fl_status fl__publish_attributions(ctx *c) {
    fl_result *res = c->res;
    size_t n = res->attributions.len;
    res->attr_out.len = 0;
    fl_status st = fl__vec_reserve(&res->alloc, &res->attr_out, sizeof(fl_attribution), n);
    if (st != FL_OK) {
        return st;
    }
    const fl_attr *at = res->attributions.data;
    const fl_actor_mention *mentions = res->mentions.data;
    fl_attribution *out = res->attr_out.data;
    for (size_t i = 0; i < n; i++) {
        const fl_attr *a = &at[i];
        fl_attribution *o = &out[i];
        memset(o, 0, sizeof *o);
        o->sentence = a->sentence;
        o->kind = a->kind;
        o->nested = a->nested;
        o->speaker = text_span(c, a->speaker_first, a->speaker_end);
        o->cue = text_span(c, a->cue_first, a->cue_end);
        o->content = text_span(c, a->content_first, a->content_end);
        o->content2 = text_span(c, a->content2_first, a->content2_end);
        o->voice = a->content_first < a->content_end
                       ? content_voice(c, a->content_first, a->content_end)
                       : content_voice(c, a->content2_first, a->content2_end);
        const fl_cue *q = a->cue_word != UINT32_MAX ? c->v[a->cue_word].cue : NULL;
        o->cue_lemma = q != NULL ? q->lemma : "";
        o->cue_lemma_len = strlen(o->cue_lemma);
        /* the actor the speaker names: its first mention ("the Kremlin's spokesman"); a
         * relative pronoun names its antecedent's ("the Kremlin, which said …") */
        o->speaker_actor = FL_NO_ACTOR;
        uint32_t from = a->speaker_first;
        if (a->speaker_end == from + 1 && (bits(c, from) & FL_W_RELATIVE) && from > 0) {
            from = from - 1 > 0 && punct(c, from - 1) == ',' ? from - 2 : from - 1;
            if (c->v[from].mention != UINT32_MAX) {
                o->speaker_actor = mentions[c->v[from].mention].actor;
            }
        }
        for (uint32_t k = a->speaker_first; k < a->speaker_end; k++) {
            if (o->speaker_actor == FL_NO_ACTOR && c->v[k].mention != UINT32_MAX) {
                o->speaker_actor = mentions[c->v[k].mention].actor;
                break;
            }
        }
        /* "Dmitry Peskov, the Kremlin's spokesman, said": the apposition names the actor */
        uint32_t e = a->speaker_end;
        if (o->speaker_actor == FL_NO_ACTOR && e > a->speaker_first && e + 1 < c->n &&
            punct(c, e) == ',') {
            for (uint32_t k = e + 1; k < c->n && k < e + 1 + MAX_SPEAKER_TOKENS; k++) {
                if (c->t[k].sentence != a->sentence || punct(c, k) == ',' || c->v[k].quoted) {
                    break;
                }
                if (c->v[k].mention != UINT32_MAX) {
                    o->speaker_actor = mentions[c->v[k].mention].actor;
                    break;
                }
            }
        }
    }
    res->attr_out.len = n;
    return FL_OK;
}

const fl_attribution *fl_result_attributions(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->attr_out.len;
    return *n == 0 ? NULL : res->attr_out.data;
}
