/* attribution_words.c: the tests of a word or a short phrase that the attribution steps share:
 * a verb where a verb can stand, a passive, a plural, a time phrase, a form of "be". */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

/* Does the verb group [vg, i) hold a form of "be" (a passive: "was not disclosed")? A
 * "'s" after "he" or "she" before a participle that "to", "by" or "as" does not follow is
 * "has": "She's argued that …", "he's predicted big wins" (but "she's expected to …"). */
bool passive_group(const ctx *c, size_t vg, size_t i) {
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

/* ly_adverb() for a word of five bytes or more that ends in "y". */
bool ly_adverb_rest(const ctx *c, size_t i, size_t a) {
    if (!suffix_is(c, i, "ly", 5) || !c->k[i].lower || c->v[i].cue != NULL) {
        return false;
    }
    return i == a || !(bits(c, i - 1) & (FL_W_DET | FL_W_PREP));
}

uint8_t kind_of(uint32_t b) {
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

/* Is the cue at i a past participle inserted between commas after the clause's subject,
 * alone or after a subordinator ("Lind, asked about …,", "Lind, when pressed on …,")? */
bool inserted_participle(const ctx *c, const span *s, size_t i) {
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

/* Is capitalised word i, which the table holds as a verb or an auxiliary, part of a
 * two-word name in running text ("Ian Read said", "said Will Doyle, a professor")? The
 * last word of a name after another capital, before no capital; or the first, not opening
 * the sentence, before one capital and after no capital. A title-case headline ("Lind Will
 * Win Tilden") has capitals on both sides. */
bool name_word(const ctx *c, size_t i) {
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

/* Is capitalised word i a modal that a past form of a verb of saying follows ("May said",
 * "Will wrote")? A modal takes a bare verb ("may say"), never a past, so the word is a name:
 * no auxiliary of the verb after it. After a preposition it is a month ("in May said"). */
bool modal_name_rest(const ctx *c, size_t i) {
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

/* Start of the verb group that ends just before token i ("has also", "did not"): the first
 * of at most MAX_VERB_GROUP auxiliaries, negations and adverbs; i when there is none. */
size_t verb_group_start(const ctx *c, const span *s, size_t i) {
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

/* Is word i a subject pronoun with a contracted auxiliary, which the tokenizer keeps as one
 * word ("she'll", "you're", "they've", "who'd")? Its pronoun is the subject of the verb after
 * it, and so a speaker: "But she'll likely want …", "Growers, who've said …". With relative,
 * the pronoun is "who". */
bool contracted_pronoun(const ctx *c, size_t i, bool *relative) {
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

/* An indefinite pronoun of people ("everyone", "someone", "anybody", "nobody"), which
 * names someone in lower case as well ("while almost everyone agrees …"). */
bool people_pronoun(const ctx *c, size_t i) {
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

/* Is [from, sep) an introduction to the clause rather than a clause ("Wednesday at the
 * debate", "On ABC's program", "Holding open a book", "Asked about it")? It opens with a
 * preposition, a time, a participle or an adverb before a
 * preposition ("Shortly after the vote") and holds no verb that a clause would need. */
/* Is [first, sep) a phrase of time without a preposition ("Late last month", "A year later",
 * "Every December", "Two weeks ago"): words of time, determiners, adverbs, numbers and
 * quantifiers only, one of them a word of time? */
/* A plural noun of a span of time ("hours", "weeks"): not a word of time of the table (it
 * would end speakers: "the past two years"), but a phrase of time may hold one. */
bool time_span_noun(const ctx *c, size_t j) {
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

bool time_phrase(const ctx *c, size_t first, size_t sep) {
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

/* Does the sentence open at first with a phrase of place or manner the table's classes
 * miss, up to its comma at sep: a locative adverb alone or before a preposition ("Back in
 * Tilden,", "Here at the fair,", "Elsewhere,"), a preposition of place outside the table
 * ("Outside the hall,", "Alongside the growers,"), or a participle in -ing the table does
 * not know before its object ("Dashing into a meeting,", "Waving a file,")? */
bool place_opening(const ctx *c, const span *s, size_t first, size_t sep) {
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

/* Is the subject before vg a document or a role ("Polls in New Hampshire", "officials")? */
bool source_subject(const ctx *c, const span *s, size_t vg) {
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

/* A quantifier that can stand for people: "Some say", "Many believe", "Most think". */
bool quantifier(const ctx *c, size_t i) {
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
bool quantifier_subject_past(const ctx *c, const span *s, size_t p, size_t i) {
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

/* Is the verb of naming at i (group [vg, i)) a name given to the indefinite object before
 * it ("including a firm called Harbour Data")? Inline: its first test (a verb of naming)
 * fails on almost every cue, and the call cost more than the test. */
bool given_name(const ctx *c, const span *s, size_t vg, size_t i) {
    return (bits(c, i) & FL_W_CALLED) && form(c, i) == FL_FORM_PAST && vg == i && i + 1 < s->b &&
           (c->k[i + 1].upper || family(punct(c, i + 1)) != FAMILY_NONE) &&
           object_indefinite(c, s, vg);
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

bool verb_here(const ctx *c, const span *s, size_t i, size_t vg) {
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

/* Is the word at v a verb of issuing a text ("issued", "released", "sent (out)", "posted")?
 * Its subject is the text's author; one who receives, reads, obtains or ignores a text
 * ("received a letter saying …") is not. */
bool issuing_verb(const ctx *c, size_t v) {
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

/* Is q's lemma one of lemmas[0..n)? */
bool lemma_in(const fl_cue *q, const char *const *lemmas, size_t n) {
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
size_t reply_verb(const ctx *c, const span *s, size_t v) {
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
bool month_given_name(const ctx *c, size_t i) {
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

bool not_a_name(const ctx *c, size_t i) {
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

/* A number in words that can open a noun phrase ("Two objectors", "Three aides"). */
bool number_word(const ctx *c, size_t i) {
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
bool agent_noun(const ctx *c, size_t i) {
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

/* The word after an approximator that opens a count at j ("about", "nearly", "almost",
 * "roughly", "at least", "more than", "fewer than", "less than": "At least 30 of the
 * farmers"), or j when there is none. */
size_t approximator(const ctx *c, const span *s, size_t j) {
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

/* The end of a plural noun without a determiner that starts at from and ends a phrase, the
 * agent of a passive ("was challenged in court by growers", "by local farmers"); from when
 * there is none. People in the plural need no article to be a speaker; before "of" the
 * phrase runs on to its punctuation ("by huge majorities of voters"). */
size_t bare_plural(const ctx *c, const span *s, size_t from) {
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
