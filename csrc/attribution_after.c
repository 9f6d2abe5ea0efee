/* attribution_after.c: step b of attribution.c: cues after their content ('…," said Lavrov',
 * "…, the ministry said Tuesday", "…, according to officials"). */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

/* Is the past form at i a participle after its noun that a preposition follows, before the
 * sentence's own verb ("The grower listed in the records could not be found", "Figures
 * quoted in the audit were old")? A verb that needs an object has none: it is a passive
 * without its "be" (a reduced relative clause), whose noun is what is reported and the text
 * after the preposition where (the records list the grower). Returns the sentence's
 * auxiliary, the end of that phrase, or 0. Not before "by" (participle_agent() reads the
 * agent) nor where a clause follows the phrase ("Lind said in a statement the levy …",
 * "explained in a letter that …"). */
size_t reduced_relative(const ctx *c, const span *s, size_t i) {
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

/* Does a place of residence after "of" or "from" follow the separator p, which closes an
 * age between commas ("Dana Lind, 50, of Tilden")? The name, the age and the place are one
 * subject, not a content and its speaker. */
static bool residence_after_age(const ctx *c, const span *s, size_t p) {
    return p + 1 < s->b && age_closes_at(c, s, p) &&
           (folded_is(c, p + 1, "of") || folded_is(c, p + 1, "from"));
}

fl_status cues_after_content(ctx *c, const span *s, size_t from) {
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
        /* said_bits is 0 on a quoted token: no cue word read here is quoted */
        if (i < next_i || !(c->v[i].said_bits & AFTER_CUES) || c->v[i].role != FL_ROLE_NONE ||
            !is_word(c, i) || hyphen_compound(c, i) ||
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
                size_t vg = cue_verb_group(c, s, cue);
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
