/* attribution_before.c: step c of attribution.c: cues before their content, left to right
 * ("officials said", "Kiev claims", ", saying", "was asked whether", "the claim that"). */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

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

/* Where a cue starts that a verb and a speech act as its object head, before a participle at i
 * ("issued a statement saying", "released a report Tuesday showing", "sent out a letter
 * urging"): the deed reports what its object says, and PolNeAR's cue is the
 * phrase from the verb. The start of that verb's group, or i when the words before i are no
 * such phrase. */
size_t speech_act_start(const ctx *c, const span *s, size_t i, size_t from) {
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
bool as_put_it(const ctx *c, const span *s, size_t i) {
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

fl_status cues_before_content(ctx *c, const span *s, size_t from) {
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
        /* said_bits is 0 on a quoted token: no cue word read here is quoted */
        if (i < next_i || !(c->v[i].said_bits & BEFORE_CUES) || c->v[i].role != FL_ROLE_NONE ||
            !is_word(c, i) || hyphen_compound(c, i) ||
            (form(c, i) == FL_FORM_BASE && discourse_marker(c, s, i))) {
            continue;
        }
        uint32_t b = bits(c, i);
        fl_attr at = new_attribution(s, kind_of(b));
        at.cue_word = (uint32_t)i;
        c->naming = naming_cue(c, i);
        size_t cstart;
        size_t marked_from = i; /* the first token this cue gives a part to */
        size_t vg = cue_verb_group(c, s, cue);
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
                   ((c->v[sp_first - 1].said_bits == 0 && !c->v[sp_first - 1].quoted &&
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
    /* a naming cue given up by a `continue` above ("Lind called Brandt on Friday") left
     * c->naming set: the content that later steps and sentences mark is no naming's */
    c->naming = 0;
    return FL_OK;
}
