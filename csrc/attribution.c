/* attribution.c: who says what in each sentence: the four steps that find every
 * attribution's speaker, cue and content, the nested attributions (step d) and the records. */
/* SPDX-License-Identifier: MIT */
#include "attribution.h"

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
 * Every walk is bounded (the limits in attribution.h) and every token gets a part at most once per
 * step, so the pass is linear in the number of tokens.
 */

static fl_status sentence_attributions(ctx *c, const span *s_in);

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
        /* said_bits is 0 on a quoted token: no cue word read here is quoted */
        if (i < next_i || !(c->v[i].said_bits & NESTED_CUES) || c->v[i].role != FL_ROLE_CONTENT ||
            !is_word(c, i) || (form(c, i) == FL_FORM_BASE && discourse_marker(c, s, i))) {
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
        size_t vg = cue_verb_group(c, s, cue);
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
            bool passive = j > end && (c->v[j].said_bits & ATTRIBUTION_CUES) && is_be(c, j - 1) &&
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

fl_status fl__attributions(ctx *c, const span *s_in) {
    size_t first = c->res->attributions.len;
    /* a new sentence: no verb group of its cue words known yet (cue_verb_group()) */
    size_t n_cues = (size_t)(sentence_cue_tokens(c, s_in, &c->cues) - c->cues);
    for (size_t k = 0; k < n_cues && k < CUE_VG_MEMO; k++) {
        c->cue_vg[k] = UINT32_MAX;
    }
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
    const sentence_cues *sum = &FL_VEC_AT(c->res->sentence_cues, sentence_cues, s_in->index);
    bool colon_or_dash = (sum->classes & PUNCT_COLON_DASH) != 0;
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
