/* attribution_speakers.c: the speaker of a cue: the words before a verb group when they name
 * someone, else the subject of its clause, the antecedent of a relative pronoun, the name before
 * an apposition or a list. */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

/* The words right before a verb group are its speaker only when they name someone. When
 * they do not, the speaker stands elsewhere (PolNeAR's sources, and what a reader takes):
 * - before an apposition: "Reyes, a senator from Oregon, said", "Varga (D-Ore.) told",
 *   "Ralston — after a shrug toward the door — told";
 * - for a relative clause, the relative pronoun: "Trump, who said …" (its actor is the
 *   antecedent's, see fl__publish_attributions);
 * - for a coordinated verb or a participle, the subject of the clause: "Wilson praised Rubio
 *   and said …", "Clinton tweeted congratulations, adding …"; after another attribution in the
 *   sentence, its speaker: "… Lewandowski said, adding: …". */

/* Is capitalised word i a name alone between a quotation and its verb of saying ('"…,"
 * From said', '"…?" May asked', '"…," Will wrote'), even though the table holds it as a
 * preposition, an auxiliary, a time or a verb? A quotation that a comma, "?" or "!" closes
 * inside ends mid-sentence, so the capital is no sentence's first word. */
bool quote_name_rest(const ctx *c, size_t i) {
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

/* speaker_token() (attribution.h) for every token: its whole test. */
bool speaker_token_rest(const ctx *c, size_t i) {
    if (c->v[i].quoted) {
        return false;
    }
    uint8_t kind = c->t[i].kind;
    if (kind == FL_TOKEN_WORD && c->v[i].said_bits == 0) {
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

/* The speaker before position end (exclusive), back to a separator: returns the index of
 * the separator (the speaker is (sep, end)), or SIZE_MAX when the words there are no name
 * or no separator comes within reach. */
size_t speaker_after_separator(const ctx *c, const span *s, size_t end) {
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

/* "…, the mayor, Dana Lind, said.", "…, Dana Lind, the mayor of Tilden, said.": a speaker
 * and its apposition between separators before a trailing cue whose verb group starts at
 * vg after a comma. Returns the separator before them (the speaker is (that, vg - 1)), or
 * SIZE_MAX. Each part is a speaker's words, and one of them names someone. */
size_t speaker_with_apposition(const ctx *c, const span *s, size_t vg) {
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
size_t speaker_after_as(const ctx *c, const span *s, size_t end, size_t *name_end) {
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
size_t speaker_after_quote(const ctx *c, const span *s, size_t end) {
    /* a closing mark is a quotation mark of its sentence (quotes.c): none, no walk */
    if (!(FL_VEC_AT(c->res->sentence_cues, sentence_cues, s->index).classes & PUNCT_QUOTE)) {
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

/* Do the words [from, to) name someone who can speak: a capital, a pronoun, a role or a
 * source, or a noun after a determiner ("the paper")? A bare common noun ("casualties")
 * does not. */
bool names_someone(const ctx *c, size_t from, size_t to) {
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
size_t speaker_forward(const ctx *c, const span *s, size_t from) {
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
size_t source_end(const ctx *c, const span *s, size_t to) {
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
bool clause_subject(const ctx *c, const span *s, size_t vg, size_t *first, size_t *end) {
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

bool subject_before_apposition(const ctx *c, const span *s, size_t vg, bool later, size_t *first,
                               size_t *end) {
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
bool subject_after_comma(const ctx *c, const span *s, size_t vg, bool openers, size_t *first,
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

/* The start of a phrase of time ending in "ago" right before the verb group at vg, between
 * the subject and its verb ("The council two days ago said", "… less than two weeks ago
 * said", "… a year ago warned"): its counts, units and approximators; vg when there is none
 * or when nothing stands before it in [from, vg) to be the subject. */
size_t ago_phrase_start(const ctx *c, size_t from, size_t vg) {
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
void refine_speaker(const ctx *c, const span *s, size_t vg, size_t cue, size_t attrs_before,
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
size_t participle_agent(const ctx *c, const span *s, size_t vg, size_t i) {
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
size_t subject_behind_preposition(const ctx *c, const span *s, size_t from, size_t sp_first,
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

/* The subject that a relative clause without commas runs into ("Farmers in the valley
 * who lost their crops say", "Those who backed the levy argue"): when the speaker found at
 * sp_first follows "who" and the words before "who", back to the start of the clause, name
 * someone and hold no verb, the speaker starts there; else at sp_first. */
size_t subject_behind_relative(const ctx *c, const span *s, size_t from, size_t sp_first,
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
bool intro_gerund_subject(const ctx *c, const span *s, size_t vg, size_t cue, size_t *first,
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
bool that_relative_subject(const ctx *c, const span *s, size_t vg, size_t cue) {
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
size_t list_subject(const ctx *c, const span *s, size_t from, size_t sp_first, size_t vg) {
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
size_t name_list_subject(const ctx *c, const span *s, size_t from, size_t sp_first, size_t vg) {
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
size_t possessor(const ctx *c, const span *s, size_t from, size_t i) {
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

/* The end of a share of people that starts at from, the agent of a passive ("by about a
 * quarter of voters", "by nearly 6 in 10 of the delegates", "by 45 percent of the growers",
 * "by most of them"): a number, a fraction or a quantifier, after an approximator, that an
 * "of" phrase or a plural noun completes (alone, "by 20 votes" or "by 45 percent" is a
 * margin); from when there is none. */
size_t quantity_agent(const ctx *c, const span *s, size_t from) {
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
