/* attribution_headlines.c: step a of attribution.c: a speaker's name before a colon or after a
 * dash in a headline ("Kremlin: …", "… – MoD"), and the kickers and labels that are none. */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

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
bool in_title_case(const ctx *c, const span *s) {
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

fl_status headline(ctx *c, const span *s, size_t *from) {
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
fl_status title_predicates(ctx *c, const span *s, size_t *from) {
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
fl_status headline_future(ctx *c, const span *s, size_t *from) {
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
unsigned headline_rules(const ctx *c, const span *s, size_t from) {
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
bool adjective_participle(const ctx *c, size_t i) {
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
