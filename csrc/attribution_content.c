/* attribution_content.c: the content of a cue: where it starts after the cue (its complement)
 * and where it ends (the sentence's end, another speaker's clause, the end of the relative
 * clause, bracket or noun phrase the cue governs). */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

static size_t adjunct_before_clause(const ctx *c, const span *s, size_t j);

/* Reads what follows a cue that comes after its content: nothing, a time or place, a
 * medium, a recipient ("told reporters in Dayton, Ohio, on Thursday"), up to the end of
 * the sentence or a comma. Returns the index of that comma, or s->b at the end, or
 * SIZE_MAX when something else follows (then the cue is followed by its content). */
size_t adjunct_end(const ctx *c, const span *s, size_t j, bool recipient) {
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

/* The end of the quotation whose opening mark is at open: past its quoted words and its
 * closing mark (when the sentence holds it). */
size_t quotation_end(const ctx *c, const span *s, size_t open) {
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
size_t after_quote_end(const ctx *c, const span *s, size_t j) {
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

bool intro_phrase(const ctx *c, const span *s, size_t from, size_t sep) {
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

/* Can a reported content start at token j (a verb's complement, not a noun's companion)?
 * Not before another verb ("claims rose", "plans were"), "of" ("claims of fraud"), a
 * relative pronoun or a comma ("his opening remarks, Trump said"). */
bool content_may_start(const ctx *c, const span *s, size_t j) {
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

/* Where the content of a vote at i starts, with the end of its cue (*cue_end): after "for",
 * "against" or "in favor of" ("voted for Lind", "voted overwhelmingly against the bill",
 * "voted in favour of the deal"), or at "to" before a verb ("voted to repeal the tax");
 * SIZE_MAX for a vote without one ("Ohio voted Tuesday", "voted 52-48", "voted in 2012"):
 * a count, a time or a place says who voted and when, not for what. */
size_t vote_content(const ctx *c, const span *s, size_t i, size_t *cue_end) {
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
size_t content_start(const ctx *c, const span *s, size_t i, uint8_t region) {
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

bool clause_complement(const ctx *c, const span *s, size_t j) {
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
 * poll found Y". Looks a bounded number of tokens ahead. Asked through speaker_clause_at(). */
static bool speaker_clause_rest(const ctx *c, const span *s, size_t j) {
    int32_t p = punct(c, j);
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

/* speaker_clause_rest() behind its first test, inline: the content walk asks it of every
 * token, and most are words, of which only "and" and "but" (3 bytes) matter, so the call
 * cost more than the answer. */
static inline bool speaker_clause_at(const ctx *c, const span *s, size_t j) {
    if (punct(c, j) == 0 && c->k[j].fold_len != 3) {
        return false;
    }
    return speaker_clause_rest(c, s, j);
}

/* Does a clause open at subj with a subject of its own (a name, a pronoun, a noun phrase
 * after a determiner, a count) and a verb of saying, thinking, wanting, showing or stance
 * that reports what follows it? */
bool clause_with_cue_at(const ctx *c, const span *s, size_t subj) {
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

/* When sentence s ends with a colon after the cue (its words end before from) and its
 * paragraph ends there ("He said:" and a quotation below), the end of the next paragraph;
 * else 0. */
size_t paragraph_after_colon(const ctx *c, const span *s, size_t from) {
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
bool relative_pronoun_at(const ctx *c, const span *s, size_t r) {
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

/* The comma that closes the clause a cue at vg stands in, when that clause opens the
 * sentence with a subordinator or with the cue itself, a participle ("After Varga called
 * for a bigger levy, Lind …", "Asked whether the levy would stay, Lind …"), and the main
 * clause follows it: a subject, then a finite verb. SIZE_MAX when there is none. */
size_t intro_clause_end(const ctx *c, const span *s, size_t vg, size_t cstart) {
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

fl_status finish(ctx *c, const span *s, fl_attr *at, size_t cstart, size_t vg, size_t marked_from) {
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
