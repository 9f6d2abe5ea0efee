/* match.c: finds lexicon terms in each sentence, leftmost-longest, after exclusions. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

/*
 * For each token the vocabulary ids of its folded and exact forms are looked up once. Then,
 * per sentence:
 * 1. exclusions: from every token, walk the trie and mark the tokens of every exclusion
 *    occurrence (a difference array, so marking is O(1) per occurrence);
 * 2. terms: from the sentence start, walk the trie from the current token through every
 *    edge the next token can take (plain folded, plain exact, and wildcard prefixes of
 *    either form), never onto an excluded token; the best accepting node wins (longest,
 *    then fewer wildcards, then more case-sensitive tokens, then longer wildcard prefixes,
 *    then the earlier term). Emit it
 *    and continue after it, or move one token on.
 * A walk is at most max_depth (<= FL_MAX_TERM_TOKENS) tokens deep, so the work per token is
 * bounded by the lexicon, not the text.
 */

typedef struct walk_item {
    uint32_t node;
    uint32_t pos; /* next token to consume */
} walk_item;

static fl_status push(fl_result *res, uint32_t node, uint32_t pos) {
    walk_item w = {node, pos};
    return fl__vec_push(&res->alloc, &res->stack, sizeof(walk_item), &w);
}

fl_status fl__label_tokens(const fl_lexicon *lex, const uint8_t *text, fl_result *res) {
    size_t n = res->tokens.len;
    const fl_token *toks = res->tokens.data;
    fl_tokinfo *infos = res->infos.data;
    res->folded.len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t at = res->folded.len;
        size_t fold_len;
        size_t exact_len;
        bool same;
        fl_status st = fl__fold_token_pair(&res->alloc, &res->scratch, &res->fold_cache,
                                           text + toks[i].start, toks[i].end - toks[i].start,
                                           toks[i].kind, lex->has_exact, &res->folded, &fold_len,
                                           &exact_len, &same);
        if (st != FL_OK) {
            return st;
        }
        infos[i].fold_off = at;
        infos[i].fold_len = fold_len;
        infos[i].exact_len = exact_len;
        const uint8_t *f = fl__vec_bytes(&res->folded, at);
        infos[i].hash_fold = fl__hash_bytes(f, fold_len);
        infos[i].id_fold = fl__vocab_find(lex, f, fold_len, infos[i].hash_fold);
        infos[i].id_exact = FL_NO_ID;
        if (lex->has_exact) {
            /* one string table: equal bytes have the same id */
            infos[i].id_exact = same ? infos[i].id_fold
                                     : fl__vocab_find(lex, f + fold_len, exact_len,
                                                      fl__hash_bytes(f + fold_len, exact_len));
        }
    }
    return FL_OK;
}

/* Children of node reachable through token info k: pushes (child, pos + 1). */
static fl_status expand(const fl_lexicon *lex, fl_result *res, uint32_t node, uint32_t pos,
                        const fl_tokinfo *k) {
    fl_status st;
    uint32_t child;
    if (k->id_fold != FL_NO_ID &&
        (child = fl__edge_find(lex, node, (k->id_fold << 2) | FL_EDGE_FOLD)) != 0 &&
        (st = push(res, child, pos + 1)) != FL_OK) {
        return st;
    }
    if (k->id_exact != FL_NO_ID &&
        (child = fl__edge_find(lex, node, (k->id_exact << 2) | FL_EDGE_EXACT)) != 0 &&
        (st = push(res, child, pos + 1)) != FL_OK) {
        return st;
    }
    uint8_t wk = FL_VEC_AT(lex->nodes, fl_node, node).wild_kinds;
    for (int form = 0; form < 2; form++) {
        if (!(wk & (1 << form))) {
            continue;
        }
        const uint8_t *s = fl__vec_bytes(&res->folded, k->fold_off);
        size_t len = k->fold_len;
        if (form == 1) {
            s += k->fold_len;
            len = k->exact_len;
        }
        size_t limit = len < lex->max_wild_prefix ? len : lex->max_wild_prefix;
        uint32_t h = 2166136261u;
        for (size_t p = 0; p < limit; p++) {
            h ^= s[p];
            h *= 16777619u;
            /* only lengths some wildcard has, ending on a code point boundary */
            if ((p < 64 && !(lex->wild_lengths & ((uint64_t)1 << p))) ||
                (p + 1 < len && (s[p + 1] & 0xC0) == 0x80)) {
                continue;
            }
            uint32_t id = fl__vocab_find(lex, s, p + 1, h);
            if (id == FL_NO_ID) {
                continue;
            }
            uint32_t kind = form == 0 ? FL_EDGE_WILD_FOLD : FL_EDGE_WILD_EXACT;
            if ((child = fl__edge_find(lex, node, (id << 2) | kind)) != 0 &&
                (st = push(res, child, pos + 1)) != FL_OK) {
                return st;
            }
        }
    }
    return FL_OK;
}

/* Marks every exclusion occurrence in tokens [a, b) into cover (a difference array). */
static fl_status mark_exclusions(const fl_lexicon *lex, fl_result *res, uint32_t a, uint32_t b,
                                 int32_t *diff) {
    const fl_tokinfo *infos = res->infos.data;
    for (uint32_t i = a; i < b; i++) {
        res->stack.len = 0;
        fl_status st = push(res, 0, i);
        if (st != FL_OK) {
            return st;
        }
        while (res->stack.len > 0) {
            walk_item w = FL_VEC_AT(res->stack, walk_item, --res->stack.len);
            if (w.pos > i && FL_VEC_AT(lex->nodes, fl_node, w.node).exclusion) {
                diff[i - a] += 1;
                diff[w.pos - a] -= 1;
            }
            if (w.pos >= b || w.pos - i >= lex->max_depth) {
                continue;
            }
            if ((st = expand(lex, res, w.node, w.pos, &infos[w.pos])) != FL_OK) {
                return st;
            }
        }
    }
    return FL_OK;
}

typedef struct best {
    uint32_t len;
    uint32_t node;
} best;

/* Is candidate node c (length len) better than the best so far? */
static bool better(const fl_lexicon *lex, uint32_t len, uint32_t c, const best *b) {
    if (b->len == 0 || len != b->len) {
        return len > b->len;
    }
    const fl_node *x = &FL_VEC_AT(lex->nodes, fl_node, c);
    const fl_node *y = &FL_VEC_AT(lex->nodes, fl_node, b->node);
    if (x->n_wild != y->n_wild) {
        return x->n_wild < y->n_wild;
    }
    if (x->n_exact != y->n_exact) {
        return x->n_exact > y->n_exact;
    }
    if (x->wild_bytes != y->wild_bytes) {
        return x->wild_bytes > y->wild_bytes; /* "aggress*" over "aggr*" */
    }
    fl_entry ex = FL_VEC_AT(lex->entries, fl_entry, x->entry - 1);
    fl_entry ey = FL_VEC_AT(lex->entries, fl_entry, y->entry - 1);
    return ex.term < ey.term;
}

fl_status fl__match(const fl_lexicon *lex, fl_result *res) {
    size_t ns = res->sentences.len;
    const fl_token *toks = res->tokens.data;
    const fl_tokinfo *infos = res->infos.data;
    fl_status st;
    for (size_t si = 0; si < ns; si++) {
        fl_sentence *sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
        uint32_t a = sent->first_token;
        uint32_t b = a + sent->n_tokens_all;
        sent->first_match = (uint32_t)res->matches.len;
        sent->n_matches = 0;
        sent->score = 0.0;
        int32_t *covered = NULL;
        if (lex->has_exclusions) {
            res->cover.len = 0;
            if ((st = fl__vec_append(&res->alloc, &res->cover, sizeof(int32_t), NULL,
                                     (size_t)(b - a) + 1)) != FL_OK) {
                return st;
            }
            covered = res->cover.data;
            if ((st = mark_exclusions(lex, res, a, b, covered)) != FL_OK) {
                return st;
            }
            int32_t run = 0;
            for (uint32_t i = 0; i <= b - a; i++) {
                run += covered[i];
                covered[i] = run; /* > 0: inside an exclusion occurrence */
            }
        }
        uint32_t i = a;
        while (i < b) {
            best bst = {0, 0};
            if (covered == NULL || covered[i - a] == 0) {
                res->stack.len = 0;
                if ((st = push(res, 0, i)) != FL_OK) {
                    return st;
                }
                while (res->stack.len > 0) {
                    walk_item w = FL_VEC_AT(res->stack, walk_item, --res->stack.len);
                    uint32_t len = w.pos - i;
                    if (len > 0 && FL_VEC_AT(lex->nodes, fl_node, w.node).entry != 0 &&
                        better(lex, len, w.node, &bst)) {
                        bst.len = len;
                        bst.node = w.node;
                    }
                    if (w.pos >= b || len >= lex->max_depth ||
                        (covered != NULL && covered[w.pos - a] != 0)) {
                        continue;
                    }
                    if ((st = expand(lex, res, w.node, w.pos, &infos[w.pos])) != FL_OK) {
                        return st;
                    }
                }
            }
            if (bst.len == 0) {
                i++;
                continue;
            }
            uint32_t entry = FL_VEC_AT(lex->nodes, fl_node, bst.node).entry - 1;
            fl_entry e = FL_VEC_AT(lex->entries, fl_entry, entry);
            uint32_t term = e.term;
            fl_match m = {0};
            m.start = toks[i].start;
            m.end = toks[i + bst.len - 1].end;
            m.cp_start = toks[i].cp_start;
            m.cp_end = toks[i + bst.len - 1].cp_end;
            m.term = term;
            m.spelling = (uint32_t)(e.variant + 1);
            m.sentence = (uint32_t)si;
            m.first_token = i;
            m.n_tokens = bst.len;
            m.voice = FL_VOICE_AUTHOR;
            if ((st = fl__vec_append(&res->alloc, &res->matches, sizeof(fl_match), &m, 1)) !=
                FL_OK) {
                return st;
            }
            sent = &FL_VEC_AT(res->sentences, fl_sentence, si);
            sent->n_matches++;
            sent->score += FL_VEC_AT(lex->terms, fl_lex_term, term).weight;
            i += bst.len;
        }
    }
    return FL_OK;
}
