/* actors.c: the lexicon's actors (Russia: Moscow, the Kremlin) compiled for finding, and
 * their mentions found in text. */
/* SPDX-License-Identifier: MIT */
#include "voice.h"

#include <stdio.h>

/*
 * Every name and alias of an actor is a phrase: its tokens (tokenised and folded as terms
 * are) are kept in one byte buffer. Phrases are chained by the hash of their first token's
 * folded form in a small open hash table, so finding mentions costs one table probe per
 * token of the text plus a comparison with each phrase that starts with that token (a few:
 * "the Kremlin", "the West", "the US" share "the"). Mentions are leftmost-longest and never
 * cross a sentence. A phrase word written with a capital ("US", "West") matches only a word
 * whose first letter is a capital too, so "the US" is not "the us" and "the West" is not
 * "the west of the country"; words written in lower case match any case. As with terms, a
 * name inside a hyphenated compound is found ("Kremlin-backed" mentions the Kremlin).
 */

typedef struct phrase {
    uint32_t actor;
    uint32_t first_token; /* into index->tokens */
    uint32_t n_tokens;
    uint32_t capitals;    /* bit j: token j was written with a capital */
    uint32_t next;        /* 1 + next phrase of the same chain, 0: none */
    uint32_t hash;        /* of the first token's folded form */
} phrase;

struct fl_actor_index {
    fl_vec bytes;   /* folded token forms */
    fl_vec tokens;  /* fl_span into bytes */
    fl_vec phrases; /* phrase */
    uint32_t *slots; /* 1 + first phrase of the chain, 0: empty */
    size_t mask;
};

static void index_free(const fl_allocator *a, struct fl_actor_index *ix) {
    if (ix == NULL) {
        return;
    }
    fl__vec_free(a, &ix->bytes);
    fl__vec_free(a, &ix->tokens);
    fl__vec_free(a, &ix->phrases);
    fl__free(a, ix->slots);
    fl__free(a, ix);
}

void fl__actors_free(fl_lexicon *lex) {
    if (lex != NULL) {
        index_free(&lex->alloc, lex->actor_index);
        lex->actor_index = NULL;
    }
}

/* Adds the phrase s[0..len) of actor `actor`; `path` names it in messages. */
static fl_status add_phrase(const fl_lexicon *lex, struct fl_actor_index *ix, fl_insert_scratch *sc,
                            uint32_t actor, const char *s, size_t len, const char *source,
                            const char *path, size_t item, fl_error *err) {
    const fl_allocator *a = &lex->alloc;
    sc->toks.len = 0;
    sc->infos.len = 0;
    fl_status st = fl__tokenize(a, (const uint8_t *)(len == 0 ? "" : s), len, &sc->toks,
                                &sc->infos);
    if (st != FL_OK) {
        return st;
    }
    const fl_token *t = sc->toks.data;
    const fl_tokinfo *k = sc->infos.data;
    size_t n = sc->toks.len;
    bool has_word = false;
    for (size_t i = 0; i < n; i++) {
        has_word |= t[i].kind == FL_TOKEN_WORD;
    }
    int ex = fl__excerpt_len(s, len);
    if (!has_word) {
        return fl__error_place(err, FL_ERR_SCHEMA, source, (fl_place){0, 0}, path, item,
                               "'%.*s%s' has no word (a letter or a digit) to find", ex, s,
                               fl__excerpt_more(len));
    }
    if (n > FL_MAX_TERM_TOKENS) {
        return fl__error_place(err, FL_ERR_LIMIT, source, (fl_place){0, 0}, path, item,
                               "%zu tokens, but a name may have at most %d: '%.*s%s'", n,
                               FL_MAX_TERM_TOKENS, ex, s, fl__excerpt_more(len));
    }
    if (ix->tokens.len + n >= UINT32_MAX || ix->phrases.len + 1 >= UINT32_MAX) {
        return fl__error(err, FL_ERR_LIMIT, "%s: too many actor names", source);
    }
    phrase p;
    memset(&p, 0, sizeof p);
    p.actor = actor;
    p.first_token = (uint32_t)ix->tokens.len;
    p.n_tokens = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        size_t off = ix->bytes.len;
        st = fl__fold_token(a, &sc->fold, (const uint8_t *)s + t[i].start, t[i].end - t[i].start,
                            t[i].kind, FL_FOLD_CASELESS, &ix->bytes);
        if (st != FL_OK) {
            return st;
        }
        fl_span sp = {off, ix->bytes.len - off};
        if ((st = fl__vec_push(a, &ix->tokens, sizeof sp, &sp)) != FL_OK) {
            return st;
        }
        if (k[i].upper) {
            p.capitals |= (uint32_t)1 << i;
        }
        if (i == 0) {
            p.hash = fl__hash_bytes(fl__vec_bytes(&ix->bytes, off), sp.len);
        }
    }
    return fl__vec_push(a, &ix->phrases, sizeof p, &p);
}

fl_status fl__actors_compile(fl_lexicon *lex, const char *source, fl_error *err) {
    fl__actors_free(lex);
    size_t n_actors = lex->actors.len;
    if (n_actors == 0) {
        return FL_OK;
    }
    const fl_allocator *a = &lex->alloc;
    struct fl_actor_index *ix = fl__malloc(a, sizeof *ix);
    if (ix == NULL) {
        return fl__error(err, FL_ERR_NOMEM, "out of memory");
    }
    memset(ix, 0, sizeof *ix);
    fl_insert_scratch sc;
    memset(&sc, 0, sizeof sc);
    fl_status st = FL_OK;
    char path[64];
    for (size_t i = 0; i < n_actors && st == FL_OK; i++) {
        const fl_lex_actor *act = &FL_VEC_AT(lex->actors, fl_lex_actor, i);
        snprintf(path, sizeof path, "actors[%zu].name", i);
        st = add_phrase(lex, ix, &sc, (uint32_t)i, fl__lex_str(lex, act->name.off), act->name.len,
                        source, path, i, err);
        for (uint32_t k = 0; k < act->n_aliases && st == FL_OK; k++) {
            const fl_span *al = &FL_VEC_AT(lex->aliases, fl_span, act->first_alias + k);
            snprintf(path, sizeof path, "actors[%zu].aliases[%u]", i, (unsigned)k);
            st = add_phrase(lex, ix, &sc, (uint32_t)i, fl__lex_str(lex, al->off), al->len, source,
                            path, i, err);
        }
    }
    fl__insert_scratch_free(a, &sc);
    if (st == FL_OK) {
        /* a power of two at least twice the number of phrases */
        size_t slots = fl__table_size(2 * ix->phrases.len, 8);
        size_t bytes;
        ix->slots = fl__mul(slots, sizeof(uint32_t), &bytes) ? fl__malloc(a, bytes) : NULL;
        if (ix->slots == NULL) {
            st = FL_ERR_NOMEM;
        } else {
            memset(ix->slots, 0, bytes);
            ix->mask = slots - 1;
            /* chains keep the order of the lexicon: insert from the last phrase */
            phrase *ps = ix->phrases.data;
            for (size_t j = ix->phrases.len; j > 0; j--) {
                size_t slot = fl__hash_spread(ps[j - 1].hash) & ix->mask;
                ps[j - 1].next = ix->slots[slot];
                ix->slots[slot] = (uint32_t)j;
            }
        }
    }
    if (st != FL_OK) {
        if (st == FL_ERR_NOMEM) {
            fl__error(err, st, "out of memory");
        }
        index_free(a, ix);
        return st;
    }
    lex->actor_index = ix;
    return FL_OK;
}

/* Does phrase p match the text's tokens from i on, within the sentence ending at end? */
static bool phrase_at(const ctx *c, const struct fl_actor_index *ix, const phrase *p, size_t i,
                      size_t end) {
    if (p->n_tokens > end - i) {
        return false;
    }
    const fl_span *pt = (const fl_span *)ix->tokens.data + p->first_token;
    for (uint32_t j = 0; j < p->n_tokens; j++) {
        const fl_tokinfo *k = &c->k[i + j];
        if (k->fold_len != pt[j].len ||
            memcmp(folded_at(c, k), fl__vec_bytes(&ix->bytes, pt[j].off), pt[j].len) != 0) {
            return false;
        }
        if (((p->capitals >> j) & 1u) && !k->upper) {
            return false;
        }
    }
    return true;
}

fl_status fl__find_actors(ctx *c) {
    const struct fl_actor_index *ix = c->lex->actor_index;
    c->res->mentions.len = 0;
    if (ix == NULL) {
        return FL_OK;
    }
    const phrase *ps = ix->phrases.data;
    const fl_sentence *sents = c->res->sentences.data;
    for (size_t i = 0; i < c->n; i++) {
        if (!is_word_like(c, i)) {
            continue;
        }
        const fl_sentence *s = &sents[c->t[i].sentence];
        size_t end = s->first_token + s->n_tokens_all;
        uint32_t h = c->k[i].hash_fold;
        const phrase *best = NULL;
        for (uint32_t e = ix->slots[fl__hash_spread(h) & ix->mask]; e != 0; e = ps[e - 1].next) {
            const phrase *p = &ps[e - 1];
            if (p->hash == h && (best == NULL || p->n_tokens > best->n_tokens) &&
                phrase_at(c, ix, p, i, end)) {
                best = p;
            }
        }
        if (best == NULL) {
            continue;
        }
        size_t last = i + best->n_tokens - 1;
        fl_actor_mention m;
        memset(&m, 0, sizeof m);
        m.start = c->t[i].start;
        m.end = c->t[last].end;
        m.cp_start = c->t[i].cp_start;
        m.cp_end = c->t[last].cp_end;
        m.actor = best->actor;
        m.sentence = c->t[i].sentence;
        m.first_token = (uint32_t)i;
        m.n_tokens = best->n_tokens;
        fl_status st = fl__vec_push(&c->res->alloc, &c->res->mentions, sizeof m, &m);
        if (st != FL_OK) {
            return st;
        }
        for (size_t j = i; j <= last; j++) {
            c->v[j].mention = (uint32_t)(c->res->mentions.len - 1);
        }
        i = last;
    }
    return FL_OK;
}

const fl_actor_mention *fl_result_actor_mentions(const fl_result *res, size_t *n) {
    *n = res == NULL ? 0 : res->mentions.len;
    return *n == 0 ? NULL : res->mentions.data;
}
