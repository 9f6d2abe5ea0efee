/* lexicon.c: the lexicon's storage and its compiled form, a token trie over vocabulary ids. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/*
 * Compilation: every term, variant and exclusion is tokenised by the text tokenizer and
 * each token becomes a label: its folded form (or its exact NFC form for case-sensitive
 * terms), interned in a vocabulary, tagged with the edge kind (plain or wildcard prefix).
 * While the lexicon is built the trie is an array of nodes plus one open-addressing hash
 * table of edges keyed by (parent, label), so nodes cost no per-node allocation and
 * inserting is O(1). The root, which has a child for the first token of every term,
 * indexes its children by label in a plain array instead: a new token's label is the next
 * one, so building touches memory in order where a hash table would miss the cache once per
 * term.
 *
 * At compile (fl__lexicon_freeze) the trie is laid out for reading: each node's children
 * become one run of (label, child) pairs sorted by label, found by a short scan or a binary
 * search in memory that stays in cache for the nodes text visits often (the first words of
 * many terms), where an edge hash over the whole lexicon missed the cache on nearly every
 * probe; nodes learn whether an exclusion ends below them, so the exclusion walk leaves the
 * rest of the trie alone; and the strings that label wildcard edges get a small table of
 * their own, so a token's wildcard prefixes are found once, in a table that fits the cache,
 * instead of probing the whole vocabulary at every node. A text token is looked up in the
 * vocabulary once; a token the vocabulary lacks can only continue a wildcard edge. After
 * compile the lexicon is never written again: threads share it freely.
 */

uint32_t fl__hash_bytes(const uint8_t *s, size_t len) {
    uint64_t h = FL_HASH_SEED ^ len;
    size_t left = len;
    do {
        uint64_t w = 0;
        if (left >= 8) {
            w = fl__load_le64(s);
        } else {
            for (size_t i = 0; i < left; i++) {
                w |= (uint64_t)s[i] << (8 * i);
            }
        }
        h = fl__hash_mix(h, w);
        size_t step = left < 8 ? left : 8;
        s += step;
        left -= step;
    } while (left > 0);
    return (uint32_t)h;
}

static uint32_t hash_edge(uint32_t parent, uint32_t label) {
    return fl__hash_edge(parent, label);
}

fl_status fl__lexicon_create(const fl_allocator *alloc, const char *source, fl_lexicon **out) {
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    fl_lexicon *lex = fl__malloc(&a, sizeof(*lex));
    if (lex == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(lex, 0, sizeof(*lex));
    lex->alloc = a;
    for (int m = 0; m < 4; m++) {
        lex->meta[m] = FL_NO_SPAN;
    }
    lex->extras = FL_NO_ID;
    if (source == NULL) {
        source = "<lexicon>";
    }
    size_t slen = strlen(source);
    lex->source = fl__malloc(&a, slen + 1);
    fl_node root = {0};
    if (lex->source == NULL ||
        fl__vec_append(&a, &lex->nodes, sizeof(fl_node), &root, 1) != FL_OK) {
        fl_lexicon_free(lex);
        return FL_ERR_NOMEM;
    }
    memcpy(lex->source, source, slen + 1);
    *out = lex;
    return FL_OK;
}

void fl_lexicon_free(fl_lexicon *lex) {
    if (lex == NULL) {
        return;
    }
    fl_allocator a = lex->alloc;
    fl__free(&a, lex->source);
    fl__vec_free(&a, &lex->bytes);
    fl__vec_free(&a, &lex->terms);
    fl__vec_free(&a, &lex->variants);
    fl__vec_free(&a, &lex->term_categories);
    fl__vec_free(&a, &lex->categories);
    fl__vec_free(&a, &lex->exclusions);
    fl__vec_free(&a, &lex->contrasts);
    fl__vec_free(&a, &lex->options);
    fl__vec_free(&a, &lex->refs);
    fl__vec_free(&a, &lex->actors);
    fl__vec_free(&a, &lex->aliases);
    fl__vec_free(&a, &lex->values);
    fl__vec_free(&a, &lex->value_kids);
    fl__vec_free(&a, &lex->vocab);
    fl__vec_free(&a, &lex->nodes);
    fl__vec_free(&a, &lex->entries);
    fl__vec_free(&a, &lex->root_edges);
    fl__free(&a, lex->vocab_mem);
    fl__free(&a, lex->edge_slots);
    fl__free(&a, lex->big_edges);
    fl__free(&a, lex->big_bloom);
    fl__free(&a, lex->root_kids);
    fl__free(&a, lex->kid_labels);
    fl__free(&a, lex->kid_nodes);
    fl__free(&a, lex->wild_slots);
    fl__free(&a, lex->wild_first2);
    fl__free(&a, lex->exact_slots);
    fl__free(&a, lex->exact_first2);
    fl__actors_free(lex);
    fl__free(&a, lex);
}

fl_status fl__lexicon_add_string(fl_lexicon *lex, const char *s, size_t len, fl_span *out) {
    size_t off = lex->bytes.len;
    fl_status st = fl__vec_append(&lex->alloc, &lex->bytes, 1, s, len);
    if (st == FL_OK) {
        out->off = off;
        out->len = len;
    }
    return st;
}

static const uint8_t *lex_bytes(const fl_lexicon *lex, size_t off) {
    return fl__vec_bytes(&lex->bytes, off);
}

/* ------------------------------------------------------------------ vocabulary */

uint32_t fl__vocab_find(const fl_lexicon *lex, const uint8_t *s, size_t len, uint32_t hash) {
    if (len == 0) {
        s = (const uint8_t *)""; /* a token that folds to nothing (a lone soft hyphen) */
    }
    const fl_vocab_slot *slot = fl__vocab_probe(lex, s, len, hash, fl__vocab_head(s, len),
                                                fl__vocab_tail(s, len));
    return slot != NULL ? slot->id - 1 : FL_NO_ID; /* id 0 (a cue word only): FL_NO_ID */
}

/* The string of vocabulary id `id`. */
static const uint8_t *vocab_str(const fl_lexicon *lex, uint32_t id, size_t *len) {
    fl_span v = FL_VEC_AT(lex->vocab, fl_span, id);
    *len = v.len;
    return lex_bytes(lex, v.off);
}

/* The first free slot for a string with this hash (the string is not in the table). */
static size_t free_slot(const fl_vocab_slot *slots, size_t mask, uint32_t hash) {
    size_t j = fl__vocab_first(hash, mask);
    while (slots[j].id != 0 || slots[j].cue != 0) {
        j = (j + 1) & mask;
    }
    return j;
}

/* Puts a string that is not in the table yet (hash: fl__hash_bytes of it) in its first free
 * slot: its vocabulary id + 1 (0: a cue word only) and its cue index + 1 (0: none). */
static void vocab_place(fl_vocab_slot *slots, size_t mask, const uint8_t *s, size_t len,
                        uint32_t hash, uint32_t id, uint16_t cue) {
    size_t j = free_slot(slots, mask, hash);
    slots[j].check = (uint16_t)(hash >> 16);
    slots[j].head = fl__vocab_head(s, len);
    slots[j].tail = fl__vocab_tail(s, len);
    slots[j].id = id;
    slots[j].cue = cue;
}

/* A table of `want` slots (a power of two) holding the vocabulary; the old table stays
 * intact on failure. */
static fl_status vocab_grow(fl_lexicon *lex, size_t want) {
    size_t bytes;
    if (!fl__mul(want, sizeof(fl_vocab_slot), &bytes) || bytes > SIZE_MAX - 32) {
        return FL_ERR_NOMEM;
    }
    /* 32 bytes more, to start the table on a 32-byte boundary: a slot never straddles two
     * cache lines */
    void *mem = fl__malloc(&lex->alloc, bytes + 32);
    if (mem == NULL) {
        return FL_ERR_NOMEM;
    }
    fl_vocab_slot *slots = (fl_vocab_slot *)(void *)((char *)mem + (32 - (uintptr_t)mem % 32) % 32);
    memset(slots, 0, bytes);
    size_t mask = want - 1;
    for (uint32_t id = 0; id < lex->vocab.len; id++) {
        size_t len;
        const uint8_t *str = vocab_str(lex, id, &len);
        vocab_place(slots, mask, str, len, fl__hash_bytes(str, len), id + 1, 0);
    }
    fl__free(&lex->alloc, lex->vocab_mem);
    lex->vocab_mem = mem;
    lex->vocab_slots = slots;
    lex->vocab_mask = mask;
    return FL_OK;
}

fl_status fl__vocab_intern(fl_lexicon *lex, const uint8_t *s, size_t len, uint32_t *id) {
    if (len == 0) {
        s = (const uint8_t *)"";
    }
    uint32_t hash = fl__hash_bytes(s, len);
    uint32_t found = fl__vocab_find(lex, s, len, hash);
    if (found != FL_NO_ID) {
        *id = found;
        return FL_OK;
    }
    fl_status st;
    /* at most half full */
    if (lex->vocab_slots == NULL || (lex->vocab.len + 1) * 2 > lex->vocab_mask + 1) {
        if ((st = vocab_grow(lex, lex->vocab_slots == NULL ? 64 : (lex->vocab_mask + 1) * 2)) !=
            FL_OK) {
            return st;
        }
    }
    if (lex->vocab.len >= (FL_NO_ID >> 2)) {
        return FL_ERR_LIMIT;
    }
    fl_span v;
    if ((st = fl__lexicon_add_string(lex, (const char *)s, len, &v)) != FL_OK) {
        return st;
    }
    if ((st = fl__vec_append(&lex->alloc, &lex->vocab, sizeof(fl_span), &v, 1)) != FL_OK) {
        return st;
    }
    vocab_place(lex->vocab_slots, lex->vocab_mask, s, len, hash, (uint32_t)lex->vocab.len, 0);
    *id = (uint32_t)(lex->vocab.len - 1);
    return FL_OK;
}

/* The compiled vocabulary table: at most a quarter full while that keeps it within 16,384
 * slots (512 KiB, the L2 cache of one core on many x86 servers), else at most half full. A
 * token's lookup probes until it finds its string or an empty slot: with linear probing a
 * table up to half full took 1.5 probes a token of news at 1,000 terms, and a quarter full
 * with the short words put in first (index_cues) 1.1. */
enum { VOCAB_DENSE_SLOTS = 1 << 14, VOCAB_LEN_ORDER = 32 };

static size_t compiled_vocab_slots(size_t entries) {
    return entries <= VOCAB_DENSE_SLOTS / 4 ? fl__table_size(4 * entries, 64)
                                            : fl__table_size(2 * entries, 64);
}

/* Where a string of this length goes in index_cues' order. */
static size_t length_place(size_t len) {
    return len < VOCAB_LEN_ORDER ? len : VOCAB_LEN_ORDER;
}

/* The vocabulary id of cue word q, or FL_NO_ID (the table before index_cues has no cues). */
static uint32_t cue_vocab_id(const fl_lexicon *lex, const fl_cue *q) {
    const uint8_t *w = (const uint8_t *)q->word;
    return fl__vocab_find(lex, w, q->len, fl__hash_bytes(w, q->len));
}

/* Marks each taken slot of the n slots (n a multiple of 64) in used, and clears the others. */
static void mark_used(const fl_vocab_slot *slots, size_t n, uint64_t *used) {
    memset(used, 0, n / 8);
    for (size_t j = 0; j < n; j++) {
        if (slots[j].id != 0 || slots[j].cue != 0) {
            fl__vocab_mark_used(used, j);
        }
    }
}

/* Indexes the voice stage's cue words with the vocabulary (compile), rebuilding the table:
 * a slot of a string that is also a cue word gets its cue index, other cue words get slots
 * of their own (id 0; the cue table's words are distinct). Strings go in shortest first: in
 * news the short words are the frequent ones (function words, most cue words), and a string
 * put in early sits at or near its first slot, so that the common lookups take one probe.
 * Within a length, vocabulary before cue words, each in index order (the same table on every
 * run). The old table stays intact on failure. */
static fl_status index_cues(fl_lexicon *lex) {
    const fl_allocator *a = &lex->alloc;
    size_t n_cues;
    const fl_cue *cues = fl__cue_table(&n_cues);
    size_t n_vocab = lex->vocab.len;
    size_t n = n_vocab + n_cues; /* at most: a cue word in the vocabulary shares its slot */
    size_t want = compiled_vocab_slots(n);
    size_t bytes;
    size_t order_bytes;
    /* after the slots: the used bitmap, a bit a slot in 64-bit words (want is 64 or more:
     * cue_at after it is 8-byte aligned), then cue_at, 1 + the cue table's entries */
    size_t used_bytes = want / 8;
    size_t at_bytes;
    if (!fl__mul(want, sizeof(fl_vocab_slot), &bytes) || bytes > SIZE_MAX - 32 ||
        !fl__mul(n_cues + 1, sizeof(const fl_cue *), &at_bytes) ||
        at_bytes > SIZE_MAX - 32 - bytes || used_bytes > SIZE_MAX - 32 - bytes - at_bytes ||
        !fl__mul(n, sizeof(uint32_t) + sizeof(uint16_t), &order_bytes)) {
        return FL_ERR_NOMEM;
    }
    /* order[]: the entries (a vocabulary id, or n_vocab + a cue index) by length;
     * cue_of[id]: 1 + the cue index of vocabulary id `id`, 0: none */
    uint32_t *order = fl__malloc(a, order_bytes == 0 ? 1 : order_bytes);
    void *mem = fl__malloc(a, bytes + 32 + at_bytes + used_bytes);
    if (order == NULL || mem == NULL) {
        fl__free(a, order);
        fl__free(a, mem);
        return FL_ERR_NOMEM;
    }
    uint16_t *cue_of = (uint16_t *)(void *)(order + n);
    memset(cue_of, 0, n_vocab * sizeof(uint16_t));
    /* counting sort by length: count, turn counts into first places, place */
    size_t place[VOCAB_LEN_ORDER + 1] = {0};
    size_t len;
    for (size_t id = 0; id < n_vocab; id++) {
        vocab_str(lex, (uint32_t)id, &len);
        place[length_place(len)]++;
    }
    for (size_t c = 0; c < n_cues; c++) {
        uint32_t id = cue_vocab_id(lex, &cues[c]);
        if (id != FL_NO_ID) {
            cue_of[id] = (uint16_t)(c + 1);
        } else {
            place[length_place(cues[c].len)]++;
        }
    }
    size_t n_entries = 0;
    for (size_t l = 0; l <= VOCAB_LEN_ORDER; l++) {
        size_t k = place[l];
        place[l] = n_entries;
        n_entries += k;
    }
    for (size_t id = 0; id < n_vocab; id++) {
        vocab_str(lex, (uint32_t)id, &len);
        order[place[length_place(len)]++] = (uint32_t)id;
    }
    for (size_t c = 0; c < n_cues; c++) {
        if (cue_vocab_id(lex, &cues[c]) == FL_NO_ID) {
            order[place[length_place(cues[c].len)]++] = (uint32_t)(n_vocab + c);
        }
    }
    fl_vocab_slot *slots = (fl_vocab_slot *)(void *)((char *)mem + (32 - (uintptr_t)mem % 32) % 32);
    memset(slots, 0, bytes);
    size_t mask = want - 1;
    for (size_t e = 0; e < n_entries; e++) {
        uint32_t x = order[e];
        if (x < n_vocab) {
            const uint8_t *s = vocab_str(lex, x, &len);
            vocab_place(slots, mask, s, len, fl__hash_bytes(s, len), x + 1, cue_of[x]);
        } else {
            const fl_cue *q = &cues[x - n_vocab];
            const uint8_t *w = (const uint8_t *)q->word;
            vocab_place(slots, mask, w, q->len, fl__hash_bytes(w, q->len), 0,
                        (uint16_t)(x - n_vocab + 1));
        }
    }
    fl__free(a, order);
    fl__free(a, lex->vocab_mem);
    lex->vocab_mem = mem;
    lex->vocab_slots = slots;
    lex->vocab_mask = mask;
    lex->cues = cues;
    uint64_t *used = (uint64_t *)(void *)((char *)slots + bytes);
    mark_used(slots, want, used);
    lex->vocab_used = used;
    const fl_cue **cue_at = (const fl_cue **)(void *)((char *)used + used_bytes);
    cue_at[0] = NULL;
    for (size_t c = 0; c < n_cues; c++) {
        cue_at[c + 1] = &cues[c];
    }
    lex->cue_at = cue_at;
    return FL_OK;
}

/* ------------------------------------------------------------------ trie edges */

uint32_t fl__edge_find(const fl_lexicon *lex, uint32_t parent, uint32_t label) {
    if (parent == 0 && lex->root_kids != NULL) {
        return (label >> 2) < lex->n_ids ? lex->root_kids[(label & 3) * lex->n_ids + (label >> 2)]
                                         : 0;
    }
    if (parent == 0) {
        return label < lex->root_edges.len ? FL_VEC_AT(lex->root_edges, uint32_t, label) : 0;
    }
    if (lex->kid_labels != NULL) {
        const fl_node *nd = &FL_VEC_AT(lex->nodes, fl_node, parent);
        const uint32_t *l = lex->kid_labels + nd->first_kid;
        for (uint32_t k = 0; k < nd->n_kids; k++) {
            if (l[k] == label) {
                return lex->kid_nodes[nd->first_kid + k];
            }
        }
        return 0;
    }
    if (lex->edge_slots == NULL) {
        return 0;
    }
    for (size_t i = hash_edge(parent, label) & lex->edge_mask;; i = (i + 1) & lex->edge_mask) {
        const fl_edge_slot *e = &lex->edge_slots[i];
        if (e->child == 0) {
            return 0;
        }
        if (e->parent == parent && e->label == label) {
            return e->child;
        }
    }
}

static fl_status edges_grow(fl_lexicon *lex, size_t want) {
    size_t bytes;
    if (!fl__mul(want, sizeof(fl_edge_slot), &bytes)) {
        return FL_ERR_NOMEM;
    }
    fl_edge_slot *slots = fl__malloc(&lex->alloc, bytes);
    if (slots == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(slots, 0, bytes);
    size_t mask = want - 1;
    if (lex->edge_slots != NULL) {
        for (size_t i = 0; i <= lex->edge_mask; i++) {
            fl_edge_slot e = lex->edge_slots[i];
            if (e.child != 0) {
                size_t j = hash_edge(e.parent, e.label) & mask;
                while (slots[j].child != 0) {
                    j = (j + 1) & mask;
                }
                slots[j] = e;
            }
        }
    }
    fl__free(&lex->alloc, lex->edge_slots);
    lex->edge_slots = slots;
    lex->edge_mask = mask;
    return FL_OK;
}

/* The child of parent along label, created when missing. */
static fl_status edge_child(fl_lexicon *lex, uint32_t parent, uint32_t label, bool wild, bool exact,
                            uint32_t prefix_len, uint32_t *child) {
    uint32_t found = fl__edge_find(lex, parent, label);
    if (found != 0) {
        *child = found;
        return FL_OK;
    }
    fl_status st;
    if (parent == 0) {
        /* the root's children are indexed by label: room for every label up to this one
         * (new tokens get the next vocabulary ids, so this grows at its end) */
        if (label >= lex->root_edges.len &&
            (st = fl__vec_append(&lex->alloc, &lex->root_edges, sizeof(uint32_t), NULL,
                                 (size_t)label + 1 - lex->root_edges.len)) != FL_OK) {
            return st;
        }
    } else if (lex->edge_slots == NULL || (lex->n_edges + 1) * 2 > lex->edge_mask + 1) {
        if ((st = edges_grow(lex, lex->edge_slots == NULL ? 64 : (lex->edge_mask + 1) * 2)) !=
            FL_OK) {
            return st;
        }
    }
    if (lex->nodes.len >= UINT32_MAX - 1) {
        return FL_ERR_LIMIT;
    }
    fl_node p = FL_VEC_AT(lex->nodes, fl_node, parent);
    fl_node node = {0};
    node.n_wild = (uint8_t)(p.n_wild + (wild ? 1 : 0));
    node.wild_bytes = p.wild_bytes + (wild ? prefix_len : 0);
    node.n_exact = (uint8_t)(p.n_exact + (exact ? 1 : 0));
    if ((st = fl__vec_append(&lex->alloc, &lex->nodes, sizeof(fl_node), &node, 1)) != FL_OK) {
        return st;
    }
    uint32_t id = (uint32_t)(lex->nodes.len - 1);
    if (parent == 0) {
        FL_VEC_AT(lex->root_edges, uint32_t, label) = id;
    } else {
        size_t j = hash_edge(parent, label) & lex->edge_mask;
        while (lex->edge_slots[j].child != 0) {
            j = (j + 1) & lex->edge_mask;
        }
        lex->edge_slots[j].parent = parent;
        lex->edge_slots[j].label = label;
        lex->edge_slots[j].child = id;
        lex->n_edges++;
    }
    if (wild) {
        FL_VEC_AT(lex->nodes, fl_node, parent).wild_kinds |= exact ? 2 : 1;
    }
    *child = id;
    return FL_OK;
}

fl_status fl__lexicon_reserve(fl_lexicon *lex, size_t spellings) {
    /* Vectors only: their pages are touched as they fill. The hash tables keep growing by
     * doubling (sizing them here would write every slot, and a lexicon of one-word terms
     * needs no edge table at all: the root's edges are an array). */
    fl_status st = fl__vec_reserve(&lex->alloc, &lex->nodes, sizeof(fl_node),
                                   lex->nodes.len + spellings);
    if (st == FL_OK) {
        st = fl__vec_reserve(&lex->alloc, &lex->entries, sizeof(fl_entry),
                             lex->entries.len + spellings);
    }
    if (st == FL_OK) {
        st = fl__vec_reserve(&lex->alloc, &lex->vocab, sizeof(fl_span), lex->vocab.len + spellings);
    }
    return st;
}

/* ------------------------------------------------------------------ freezing */

/* Sorts one node's run of children by label (insertion sort: most runs are short; a run
 * that is long was mostly inserted in label order already, as new tokens take new ids). */
static void sort_kids(uint32_t *labels, uint32_t *nodes, size_t n) {
    for (size_t i = 1; i < n; i++) {
        uint32_t l = labels[i];
        uint32_t c = nodes[i];
        size_t j = i;
        while (j > 0 && labels[j - 1] > l) {
            labels[j] = labels[j - 1];
            nodes[j] = nodes[j - 1];
            j--;
        }
        labels[j] = l;
        nodes[j] = c;
    }
}

/* Heapsort for the runs insertion sort would take quadratic time on. */
static void sift(uint32_t *labels, uint32_t *nodes, size_t root, size_t n) {
    for (;;) {
        size_t big = root;
        size_t l = 2 * root + 1;
        if (l < n && labels[l] > labels[big]) {
            big = l;
        }
        if (l + 1 < n && labels[l + 1] > labels[big]) {
            big = l + 1;
        }
        if (big == root) {
            return;
        }
        uint32_t t = labels[root];
        labels[root] = labels[big];
        labels[big] = t;
        t = nodes[root];
        nodes[root] = nodes[big];
        nodes[big] = t;
        root = big;
    }
}

static void sort_run(uint32_t *labels, uint32_t *nodes, size_t n) {
    size_t inversions = 0;
    for (size_t i = 1; i < n && inversions <= 64; i++) {
        inversions += labels[i - 1] > labels[i];
    }
    if (inversions <= 64) {
        sort_kids(labels, nodes, n); /* nearly sorted: linear */
        return;
    }
    for (size_t i = n / 2; i-- > 0;) {
        sift(labels, nodes, i, n);
    }
    for (size_t end = n; end-- > 1;) {
        uint32_t t = labels[0];
        labels[0] = labels[end];
        labels[end] = t;
        t = nodes[0];
        nodes[0] = nodes[end];
        nodes[end] = t;
        sift(labels, nodes, 0, end);
    }
}

/* Does node n end no term and go on only along folded labels (FL_ROOT_FOLD_STEP when it is a
 * child of the root)? */
static bool fold_step(const fl_node *nd) {
    return nd->entry == 0 && nd->kid_kinds == (1u << FL_EDGE_FOLD);
}

/* The child of the root along label l (a folded one) when it has FL_ROOT_FOLD_STEP, else 0. */
static uint32_t step_root(const fl_lexicon *lex, size_t l) {
    uint32_t c = FL_VEC_AT(lex->root_edges, uint32_t, l);
    return c != 0 && fold_step(&FL_VEC_AT(lex->nodes, fl_node, c)) ? c : 0;
}

/* Sets edge (parent n, label)'s bit in lex->big_bloom. */
static void bloom_edge(fl_lexicon *lex, uint32_t n, uint32_t label) {
    size_t b = (size_t)(fl__hash_edge64(n, label) >> 32) & lex->big_bloom_mask;
    lex->big_bloom[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* The edge table of the nodes with more than FL_BIG_NODE children (compiled child runs in
 * place): one probe finds a child of "the" or "said", where a binary search of their long
 * runs missed the cache at every step. Its bitmap also holds the edges of every child of
 * the root along a folded label that has FL_ROOT_FOLD_STEP, for fl__label_tokens' test of
 * whether a walk from such a node can go on into the next token. */
static fl_status build_big_edges(fl_lexicon *lex) {
    const fl_node *nodes = lex->nodes.data;
    size_t n_big = 0;
    size_t n_step = 0;
    for (size_t n = 1; n < lex->nodes.len; n++) {
        n_big += nodes[n].n_kids > FL_BIG_NODE ? nodes[n].n_kids : 0;
    }
    for (size_t l = FL_EDGE_FOLD; l < lex->root_edges.len; l += 4) {
        uint32_t c = step_root(lex, l);
        n_step += c != 0 ? nodes[c].n_kids : 0;
    }
    if (n_big + n_step == 0) {
        return FL_OK;
    }
    size_t bits = fl__table_size(16 * (n_big + n_step), 512);
    if ((lex->big_bloom = fl__malloc(&lex->alloc, bits / 8)) == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(lex->big_bloom, 0, bits / 8);
    lex->big_bloom_mask = bits - 1;
    for (size_t l = FL_EDGE_FOLD; l < lex->root_edges.len; l += 4) {
        uint32_t c = step_root(lex, l);
        for (uint32_t k = 0; c != 0 && k < nodes[c].n_kids; k++) {
            bloom_edge(lex, c, lex->kid_labels[nodes[c].first_kid + k]);
        }
    }
    if (n_big == 0) {
        return FL_OK;
    }
    size_t slots = fl__table_size(2 * n_big, 16);
    size_t bytes;
    if (!fl__mul(slots, sizeof(fl_edge_slot), &bytes) ||
        (lex->big_edges = fl__malloc(&lex->alloc, bytes)) == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(lex->big_edges, 0, bytes);
    lex->big_mask = slots - 1;
    for (uint32_t n = 1; n < lex->nodes.len; n++) {
        if (nodes[n].n_kids <= FL_BIG_NODE) {
            continue;
        }
        for (uint32_t k = 0; k < nodes[n].n_kids; k++) {
            uint32_t label = lex->kid_labels[nodes[n].first_kid + k];
            bloom_edge(lex, n, label);
            size_t j = (uint32_t)fl__hash_edge64(n, label) & lex->big_mask;
            while (lex->big_edges[j].child != 0) {
                j = (j + 1) & lex->big_mask;
            }
            lex->big_edges[j].parent = n;
            lex->big_edges[j].label = label;
            lex->big_edges[j].child = lex->kid_nodes[nodes[n].first_kid + k];
        }
    }
    return FL_OK;
}

/* The table of wildcard prefixes: every vocabulary id some wildcard edge is labelled with,
 * with the kinds it is used in. kinds[id]: bit 0 folded, bit 1 exact wildcard. */
static fl_status build_wild_table(fl_lexicon *lex, const uint8_t *kinds, size_t n_ids,
                                  size_t n_wild) {
    size_t slots = fl__table_size(4 * n_wild, 16);
    lex->wild_slots = fl__malloc(&lex->alloc, slots * sizeof(fl_wild_slot));
    /* wild_first2, wild_head4, wild_head5 and wild_head4_len, 65536 bits each, in one block */
    lex->wild_first2 = fl__malloc(&lex->alloc, 4 * 65536 / 8);
    if (lex->wild_slots == NULL || lex->wild_first2 == NULL) {
        return FL_ERR_NOMEM;
    }
    lex->wild_head4 = lex->wild_first2 + 65536 / 8;
    lex->wild_head5 = lex->wild_first2 + 2 * 65536 / 8;
    lex->wild_head4_len = lex->wild_first2 + 3 * 65536 / 8;
    memset(lex->wild_slots, 0, slots * sizeof(fl_wild_slot));
    memset(lex->wild_first2, 0, 4 * 65536 / 8);
    lex->wild_mask = slots - 1;
    for (size_t id = 0; id < n_ids; id++) {
        unsigned wk = kinds[id] & 3u; /* bit 2 marks exact labels (build_exact_table) */
        if (wk == 0) {
            continue;
        }
        fl_span v = FL_VEC_AT(lex->vocab, fl_span, id);
        const uint8_t *p = lex_bytes(lex, v.off);
        uint32_t h = fl__hash_bytes(p, v.len);
        size_t j = fl__hash_spread(h) & lex->wild_mask;
        while (lex->wild_slots[j].tag != 0) {
            j = (j + 1) & lex->wild_mask;
        }
        lex->wild_slots[j].hash = h;
        lex->wild_slots[j].tag = ((uint32_t)(id + 1) << 2) | wk;
        lex->wild_kinds |= (uint8_t)wk;
        if (v.len == 1) {
            for (unsigned b1 = 0; b1 < 256; b1++) {
                unsigned bit = p[0] | (b1 << 8);
                lex->wild_first2[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            }
        } else if (v.len >= 2 && v.len < 4) {
            unsigned bit = p[0] | ((unsigned)p[1] << 8);
            lex->wild_first2[bit >> 3] |= (uint8_t)(1u << (bit & 7));
        } else if (v.len >= 4) {
            unsigned bit = fl__wild_head4(p);
            lex->wild_head4[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            if (v.len >= 5) {
                bit = fl__wild_head5(p);
                lex->wild_head5[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            }
            bit = fl__wild_head4_len(p, v.len);
            lex->wild_head4_len[bit >> 3] |= (uint8_t)(1u << (bit & 7));
        }
    }
    return FL_OK;
}

/* The table of the strings that label exact edges: kinds[id] bit 2. */
static fl_status build_exact_table(fl_lexicon *lex, const uint8_t *kinds, size_t n_ids,
                                   size_t n_exact) {
    size_t slots = fl__table_size(4 * n_exact, 16);
    lex->exact_slots = fl__malloc(&lex->alloc, slots * sizeof(fl_wild_slot));
    lex->exact_first2 = fl__malloc(&lex->alloc, 65536 / 8);
    if (lex->exact_slots == NULL || lex->exact_first2 == NULL) {
        return FL_ERR_NOMEM;
    }
    memset(lex->exact_slots, 0, slots * sizeof(fl_wild_slot));
    memset(lex->exact_first2, 0, 65536 / 8);
    lex->exact_mask = slots - 1;
    for (size_t id = 0; id < n_ids; id++) {
        if (!(kinds[id] & 4)) {
            continue;
        }
        fl_span v = FL_VEC_AT(lex->vocab, fl_span, id);
        uint32_t h = fl__hash_bytes(lex_bytes(lex, v.off), v.len);
        size_t j = fl__hash_spread(h) & lex->exact_mask;
        while (lex->exact_slots[j].tag != 0) {
            j = (j + 1) & lex->exact_mask;
        }
        lex->exact_slots[j].hash = h;
        lex->exact_slots[j].tag = (uint32_t)(id + 1);
        const uint8_t *p = lex_bytes(lex, v.off);
        for (unsigned b1 = 0; b1 < 256; b1++) { /* a 1-byte string sets every second byte */
            unsigned bit = (v.len > 0 ? p[0] : 0u) | ((v.len > 1 ? p[1] : b1) << 8);
            lex->exact_first2[bit >> 3] |= (uint8_t)(1u << (bit & 7));
            if (v.len > 1) {
                break;
            }
        }
    }
    return FL_OK;
}

uint32_t fl__exact_find(const fl_lexicon *lex, const uint8_t *s, size_t len) {
    if (lex->exact_slots == NULL) {
        return FL_NO_ID;
    }
    uint32_t h = fl__hash_inline(s, len);
    for (size_t j = fl__hash_spread(h) & lex->exact_mask;; j = (j + 1) & lex->exact_mask) {
        fl_wild_slot slot = lex->exact_slots[j];
        if (slot.tag == 0) {
            return FL_NO_ID;
        }
        if (slot.hash == h) {
            fl_span v = FL_VEC_AT(lex->vocab, fl_span, slot.tag - 1);
            if (v.len == len && memcmp(lex_bytes(lex, v.off), s, len) == 0) {
                return slot.tag - 1;
            }
        }
    }
}

fl_status fl__lexicon_freeze(fl_lexicon *lex) {
    const fl_allocator *a = &lex->alloc;
    size_t n_nodes = lex->nodes.len;
    size_t n_edges = lex->n_edges;
    size_t n_ids = lex->vocab.len;
    fl_node *nodes = lex->nodes.data;
    fl_status st = FL_ERR_NOMEM;
    uint32_t *parent = NULL;
    uint8_t *kinds = NULL;
    size_t bytes;
    if (!fl__mul(n_nodes, sizeof(uint32_t), &bytes) || (parent = fl__malloc(a, bytes)) == NULL ||
        (kinds = fl__malloc(a, n_ids == 0 ? 1 : n_ids)) == NULL) {
        goto done;
    }
    memset(kinds, 0, n_ids == 0 ? 1 : n_ids);
    size_t n_wild = 0;
    size_t n_exact = 0;
    if (n_edges > 0) {
        if (!fl__mul(n_edges, sizeof(uint32_t), &bytes) ||
            (lex->kid_labels = fl__malloc(a, bytes)) == NULL ||
            (lex->kid_nodes = fl__malloc(a, bytes)) == NULL) {
            goto done;
        }
        /* counting sort of the edges by parent: runs in node order */
        for (size_t n = 0; n < n_nodes; n++) {
            nodes[n].n_kids = 0;
        }
        for (size_t i = 0; i <= lex->edge_mask; i++) {
            if (lex->edge_slots[i].child != 0) {
                nodes[lex->edge_slots[i].parent].n_kids++;
            }
        }
        uint32_t at = 0;
        for (size_t n = 0; n < n_nodes; n++) {
            nodes[n].first_kid = at;
            at += nodes[n].n_kids;
            nodes[n].n_kids = 0;
        }
        for (size_t i = 0; i <= lex->edge_mask; i++) {
            const fl_edge_slot *e = &lex->edge_slots[i];
            if (e->child == 0) {
                continue;
            }
            fl_node *p = &nodes[e->parent];
            lex->kid_labels[p->first_kid + p->n_kids] = e->label;
            lex->kid_nodes[p->first_kid + p->n_kids] = e->child;
            p->n_kids++;
            parent[e->child] = e->parent;
        }
        for (size_t n = 0; n < n_nodes; n++) {
            sort_run(lex->kid_labels + nodes[n].first_kid, lex->kid_nodes + nodes[n].first_kid,
                     nodes[n].n_kids);
            for (uint32_t k = 0; k < nodes[n].n_kids; k++) {
                nodes[n].kid_kinds |= (uint8_t)(1u
                                                << (lex->kid_labels[nodes[n].first_kid + k] & 3));
            }
        }
        if ((st = build_big_edges(lex)) != FL_OK) {
            goto done;
        }
        st = FL_ERR_NOMEM;
        for (size_t i = 0; i < n_edges; i++) {
            uint32_t l = lex->kid_labels[i];
            if ((l & 3) >= FL_EDGE_WILD_FOLD) {
                n_wild += (kinds[l >> 2] & 3) == 0;
                kinds[l >> 2] |= (uint8_t)(1u << ((l & 3) - FL_EDGE_WILD_FOLD));
            } else if ((l & 3) == FL_EDGE_EXACT) {
                n_exact += (kinds[l >> 2] & 4) == 0;
                kinds[l >> 2] |= 4;
            }
        }
    }
    const uint32_t *root = lex->root_edges.data;
    if (!fl__mul(n_ids == 0 ? 1 : n_ids, 4 * sizeof(uint32_t), &bytes) ||
        (lex->root_kids = fl__malloc(a, bytes)) == NULL) {
        st = FL_ERR_NOMEM;
        goto done;
    }
    memset(lex->root_kids, 0, bytes);
    lex->n_ids = n_ids;
    for (size_t l = 0; l < lex->root_edges.len; l++) {
        if (root[l] == 0) {
            continue;
        }
        parent[root[l]] = 0;
        lex->root_kids[(l & 3) * n_ids + (l >> 2)] = root[l];
        lex->root_kinds |= (uint8_t)(1u << (l & 3));
        if ((l & 3) >= FL_EDGE_WILD_FOLD) {
            n_wild += (kinds[l >> 2] & 3) == 0;
            kinds[l >> 2] |= (uint8_t)(1u << ((l & 3) - FL_EDGE_WILD_FOLD));
        } else if ((l & 3) == FL_EDGE_EXACT) {
            n_exact += (kinds[l >> 2] & 4) == 0;
            kinds[l >> 2] |= 4;
        }
    }
    nodes[0].n_kids = 0; /* the root's children are the root_edges array */
    /* a child is always made after its parent: one backward pass flags every ancestor */
    for (size_t n = n_nodes; n-- > 1;) {
        if (nodes[n].exclusion || nodes[n].excl_below) {
            nodes[n].excl_below = 1;
            nodes[parent[n]].excl_below = 1;
        }
    }
    if ((n_wild > 0 && (st = build_wild_table(lex, kinds, n_ids, n_wild)) != FL_OK) ||
        (n_exact > 0 && (st = build_exact_table(lex, kinds, n_ids, n_exact)) != FL_OK) ||
        (st = index_cues(lex)) != FL_OK) {
        goto done;
    }
    /* bit 3 of kinds: a label of an edge from a child of the root with FL_ROOT_FOLD_STEP (all
     * of them folded ones), for FL_START_NO_STEP_ON */
    for (size_t l = FL_EDGE_FOLD; l < lex->root_edges.len; l += 4) {
        uint32_t c = step_root(lex, l);
        for (uint32_t k = 0; c != 0 && k < nodes[c].n_kids; k++) {
            kinds[lex->kid_labels[nodes[c].first_kid + k] >> 2] |= 8;
        }
    }
    /* each label's first step from the root, in its slot (fl__label_tokens reads it there) */
    for (size_t j = 0; j <= lex->vocab_mask; j++) {
        fl_vocab_slot *slot = &lex->vocab_slots[j];
        uint32_t kid = slot->id != 0 ? lex->root_kids[slot->id - 1] : 0; /* FL_EDGE_FOLD: 0 */
        slot->root = kid;
        slot->root_flags = kid != 0 && fold_step(&nodes[kid]) ? FL_ROOT_FOLD_STEP : 0;
        slot->start =
            (uint8_t)((kid != 0 ? FL_START_TERM : 0) |
                      (kid != 0 && lex->has_exclusions && nodes[kid].excl_below ? FL_START_EXCL
                                                                                : 0) |
                      (slot->root_flags & FL_ROOT_FOLD_STEP ? FL_START_STEP : 0) |
                      (slot->id == 0 ? FL_START_NO_FOLD : 0) |
                      (slot->id == 0 || !(kinds[slot->id - 1] & 8) ? FL_START_NO_STEP_ON : 0));
        slot->flags = slot->id != 0 && lex->root_kids[n_ids + slot->id - 1] != 0 /* FL_EDGE_EXACT */
                          ? FL_SLOT_EXACT_ROOT
                          : 0;
        /* first_step's, for a token whose exact label is the folded one */
        slot->start_same = (uint8_t)(slot->flags & FL_SLOT_EXACT_ROOT
                                         ? (slot->start & ~FL_START_STEP) | FL_START_TERM |
                                               FL_START_MORE |
                                               (lex->has_exclusions ? FL_START_EXCL : 0)
                                         : slot->start);
        if ((slot->id != 0 || slot->cue != 0) && lex->wild_kinds != 0) {
            size_t len;
            const uint8_t *str;
            if (slot->id != 0) {
                str = vocab_str(lex, slot->id - 1, &len);
            } else {
                str = (const uint8_t *)lex->cues[slot->cue - 1].word;
                len = lex->cues[slot->cue - 1].len;
            }
            slot->flags |= fl__wild_may_start(lex, str, len) ? FL_SLOT_WILD : 0;
        }
    }
    fl__free(a, lex->edge_slots);
    lex->edge_slots = NULL;
    lex->edge_mask = 0;
    fl__vec_free(a, &lex->root_edges);
    st = FL_OK;
done:
    fl__free(a, parent);
    fl__free(a, kinds);
    return st;
}

bool fl__wild_may_start4(const fl_lexicon *lex, const uint8_t *s, size_t len) {
    if (len >= 5) {
        unsigned h5 = fl__wild_head5(s);
        if ((lex->wild_head5[h5 >> 3] >> (h5 & 7)) & 1u) {
            return true;
        }
    }
    unsigned h4 = fl__wild_head4_len(s, 4);
    return (lex->wild_lengths & 8) && ((lex->wild_head4_len[h4 >> 3] >> (h4 & 7)) & 1u);
}

fl_status fl__wild_labels(const fl_lexicon *lex, const fl_allocator *a, const uint8_t *s,
                          size_t len, uint32_t kind, fl_vec *out) {
    uint32_t bit = 1u << (kind - FL_EDGE_WILD_FOLD);
    if (len == 0 || !(lex->wild_kinds & bit)) {
        return FL_OK;
    }
    /* prefixes of 4 bytes or more only when one starts with the first 4 bytes of s, of 5 or
     * more when one starts with the first 5 */
    size_t limit = len < lex->max_wild_prefix ? len : lex->max_wild_prefix;
    if (limit > 3) {
        unsigned h4 = fl__wild_head4(s);
        if (!((lex->wild_head4[h4 >> 3] >> (h4 & 7)) & 1u)) {
            limit = 3;
        } else if (limit > 4) {
            unsigned h5 = fl__wild_head5(s);
            if (!((lex->wild_head5[h5 >> 3] >> (h5 & 7)) & 1u)) {
                limit = 4;
            }
        }
    }
    /* only lengths some wildcard has: up to 64 bytes from the bit mask wild_lengths, past it
     * one by one */
    uint64_t lengths = limit >= 64 ? lex->wild_lengths
                                   : lex->wild_lengths & (((uint64_t)1 << limit) - 1);
    for (size_t p = 0; p < limit; p++) {
        if (p < 64) {
            if (lengths == 0) {
                p = 63;
                continue;
            }
            p = (size_t)__builtin_ctzll(lengths);
            lengths &= lengths - 1;
        }
        /* ending on a code point boundary; past 3 bytes, some prefix of this length starts
         * like s */
        if (p + 1 < len && (s[p + 1] & 0xC0) == 0x80) {
            continue;
        }
        if (p >= 3) {
            unsigned hl = fl__wild_head4_len(s, p + 1);
            if (!((lex->wild_head4_len[hl >> 3] >> (hl & 7)) & 1u)) {
                continue;
            }
        }
        uint32_t h = fl__hash_inline(s, p + 1);
        for (size_t j = fl__hash_spread(h) & lex->wild_mask;; j = (j + 1) & lex->wild_mask) {
            fl_wild_slot slot = lex->wild_slots[j];
            if (slot.tag == 0) {
                break;
            }
            if (slot.hash != h || !(slot.tag & bit)) {
                continue;
            }
            uint32_t id = (slot.tag >> 2) - 1;
            fl_span v = FL_VEC_AT(lex->vocab, fl_span, id);
            if (v.len == p + 1 && memcmp(lex_bytes(lex, v.off), s, p + 1) == 0) {
                uint32_t label = (id << 2) | kind;
                fl_status st = fl__vec_push(a, out, sizeof(uint32_t), &label);
                if (st != FL_OK) {
                    return st;
                }
                break;
            }
        }
    }
    return FL_OK;
}

/* ------------------------------------------------------------------ insertion */

int fl__excerpt_len(const char *s, size_t len) {
    if (len <= 80) {
        return (int)len;
    }
    size_t n = 80;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
        n--;
    }
    return (int)n;
}

const char *fl__excerpt_more(size_t len) {
    return len > 80 ? "..." : "";
}

void fl__where_path(const fl_where *w, char *buf, size_t cap) {
    if (w->exclusion) {
        snprintf(buf, cap, "exclude[%zu]", w->index);
    } else if (w->variant < 0) {
        snprintf(buf, cap, "terms[%zu].term", w->index);
    } else {
        snprintf(buf, cap, "terms[%zu].variants[%d]", w->index, (int)w->variant);
    }
}

void fl__insert_scratch_free(const fl_allocator *a, fl_insert_scratch *s) {
    fl__vec_free(a, &s->fold);
    fl__vec_free(a, &s->toks);
    fl__vec_free(a, &s->infos);
    fl__vec_free(a, &s->form);
}

fl_status fl__lexicon_insert(fl_lexicon *lex, fl_insert_scratch *scratch, const char *s, size_t len,
                             bool exact, uint32_t *node_out, const fl_where *where, fl_place place,
                             fl_error *err) {
    const fl_allocator *a = &lex->alloc;
    fl_vec *form = &scratch->form;
    size_t labels = 0;
    char path[64];
    size_t item = where->index;
    if (len == 0) {
        s = "";
    }
    scratch->toks.len = 0;
    scratch->infos.len = 0;
    fl_status st = fl__tokenize(a, (const uint8_t *)s, len, &scratch->toks, &scratch->infos);
    if (st != FL_OK) {
        return st;
    }
    const fl_token *t = scratch->toks.data;
    const fl_tokinfo *k = scratch->infos.data;
    size_t n = scratch->toks.len;
    int ex = fl__excerpt_len(s, len);
    const char *more = fl__excerpt_more(len);
    /* Validate first, so a malformed spelling is refused before the trie changes. (A
     * duplicate walks edges that exist already; any other failure below, out of memory or
     * out of ids, leaves the builder failed, so no one reads the half-made path.) */
    bool has_word = false;
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind == FL_TOKEN_PUNCT && k[i].cp0 == '*' && k[i].ncp == 1) {
            if (i == 0 || t[i].space_before || t[i - 1].kind != FL_TOKEN_WORD) {
                fl__where_path(where, path, sizeof path);
                st = fl__error_place(err, FL_ERR_SCHEMA, lex->source, place, path, item,
                                     "'%.*s%s': '*' must directly follow a word", ex, s, more);
                goto done;
            }
            if (i + 1 < n && !t[i + 1].space_before && t[i + 1].kind == FL_TOKEN_WORD) {
                fl__where_path(where, path, sizeof path);
                st = fl__error_place(err, FL_ERR_SCHEMA, lex->source, place, path, item,
                                     "'%.*s%s': '*' may only end a word (a prefix wildcard)", ex, s,
                                     more);
                goto done;
            }
            continue;
        }
        if (t[i].kind == FL_TOKEN_WORD) {
            has_word = true;
        }
        labels++;
    }
    if (!has_word) {
        fl__where_path(where, path, sizeof path);
        st = fl__error_place(err, FL_ERR_SCHEMA, lex->source, place, path, item,
                             "'%.*s%s' has no word (a letter or a digit) to match", ex, s, more);
        goto done;
    }
    if (labels > FL_MAX_TERM_TOKENS) {
        fl__where_path(where, path, sizeof path);
        st = fl__error_place(err, FL_ERR_LIMIT, lex->source, place, path, item,
                             "%zu tokens, but a term may have at most %d: '%.*s%s'", labels,
                             FL_MAX_TERM_TOKENS, ex, s, more);
        goto done;
    }
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind == FL_TOKEN_PUNCT && k[i].cp0 == '*' && k[i].ncp == 1) {
            continue;
        }
        bool wild = i + 1 < n && t[i + 1].kind == FL_TOKEN_PUNCT && k[i + 1].cp0 == '*' &&
                    !t[i + 1].space_before;
        form->len = 0;
        st = fl__fold_token(a, &scratch->fold, (const uint8_t *)s + t[i].start,
                            t[i].end - t[i].start, t[i].kind,
                            exact ? FL_FOLD_EXACT : FL_FOLD_CASELESS, form);
        if (st != FL_OK) {
            goto done;
        }
        uint32_t id;
        if ((st = fl__vocab_intern(lex, form->data, form->len, &id)) != FL_OK) {
            goto done;
        }
        uint32_t kind = wild ? (exact ? FL_EDGE_WILD_EXACT : FL_EDGE_WILD_FOLD)
                             : (exact ? FL_EDGE_EXACT : FL_EDGE_FOLD);
        if ((st = edge_child(lex, node, (id << 2) | kind, wild, exact, (uint32_t)form->len,
                             &node)) != FL_OK) {
            goto done;
        }
        if (wild && form->len > lex->max_wild_prefix) {
            lex->max_wild_prefix = form->len;
        }
        if (wild && form->len >= 1 && form->len <= 64) {
            lex->wild_lengths |= (uint64_t)1 << (form->len - 1);
        }
        if (exact) {
            lex->has_exact = true;
        }
    }
    if (labels > lex->max_depth) {
        lex->max_depth = (uint32_t)labels;
    }
    *node_out = node;
done:
    if (st == FL_ERR_LIMIT && labels <= FL_MAX_TERM_TOKENS) {
        /* the vocabulary or the trie outgrew its 32-bit ids */
        fl__where_path(where, path, sizeof path);
        st = fl__error_place(err, FL_ERR_LIMIT, lex->source, place, path, item,
                             "too many distinct tokens in one lexicon");
    }
    return st;
}

/* ------------------------------------------------------------------ inspection */

size_t fl_lexicon_term_count(const fl_lexicon *lex) {
    return lex == NULL ? 0 : lex->terms.len;
}

size_t fl_lexicon_category_count(const fl_lexicon *lex) {
    return lex == NULL ? 0 : lex->categories.len;
}

size_t fl_lexicon_exclusion_count(const fl_lexicon *lex) {
    return lex == NULL ? 0 : lex->exclusions.len;
}

size_t fl_lexicon_contrast_count(const fl_lexicon *lex) {
    return lex == NULL ? 0 : lex->contrasts.len;
}

size_t fl_lexicon_actor_count(const fl_lexicon *lex) {
    return lex == NULL ? 0 : lex->actors.len;
}

/* An optional string: NULL with length 0 when absent. */
static const char *opt_str(const fl_lexicon *lex, fl_span s, size_t *len) {
    if (s.len == SIZE_MAX) {
        *len = 0;
        return NULL;
    }
    *len = s.len;
    return (const char *)lex_bytes(lex, s.off);
}

fl_status fl_lexicon_term(const fl_lexicon *lex, size_t i, fl_term_info *out) {
    if (lex == NULL || out == NULL || i >= lex->terms.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, i);
    out->term = (const char *)lex_bytes(lex, t->off);
    out->term_len = t->len;
    out->category = FL_VEC_AT(lex->term_categories, uint32_t, t->first_category);
    out->n_categories = t->n_categories;
    out->weight = t->weight;
    out->case_sensitive = t->case_sensitive;
    out->n_variants = t->n_variants;
    out->extras = fl__value_get(lex, t->extras);
    return FL_OK;
}

fl_status fl_lexicon_variant(const fl_lexicon *lex, size_t i, size_t v, const char **str,
                             size_t *len) {
    if (lex == NULL || str == NULL || len == NULL || i >= lex->terms.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, i);
    if (v >= t->n_variants) {
        return FL_ERR_ARG;
    }
    fl_span s = FL_VEC_AT(lex->variants, fl_span, t->first_variant + v);
    *str = (const char *)lex_bytes(lex, s.off);
    *len = s.len;
    return FL_OK;
}

fl_status fl_lexicon_term_category(const fl_lexicon *lex, size_t i, size_t k, uint32_t *category) {
    if (lex == NULL || category == NULL || i >= lex->terms.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_term *t = &FL_VEC_AT(lex->terms, fl_lex_term, i);
    if (k >= t->n_categories) {
        return FL_ERR_ARG;
    }
    *category = FL_VEC_AT(lex->term_categories, uint32_t, t->first_category + k);
    return FL_OK;
}

const char *fl_lexicon_category(const fl_lexicon *lex, size_t i, size_t *len) {
    if (lex == NULL || len == NULL || i >= lex->categories.len) {
        return NULL;
    }
    fl_span c = FL_VEC_AT(lex->categories, fl_lex_category, i).name;
    *len = c.len;
    return (const char *)lex_bytes(lex, c.off);
}

fl_status fl_lexicon_category_info(const fl_lexicon *lex, size_t i, fl_category_info *out) {
    if (lex == NULL || out == NULL || i >= lex->categories.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_category *c = &FL_VEC_AT(lex->categories, fl_lex_category, i);
    out->name = (const char *)lex_bytes(lex, c->name.off);
    out->name_len = c->name.len;
    out->description = opt_str(lex, c->description, &out->description_len);
    out->color = opt_str(lex, c->color, &out->color_len);
    out->extras = fl__value_get(lex, c->extras);
    out->declared = c->declared;
    return FL_OK;
}

fl_status fl_lexicon_contrast(const fl_lexicon *lex, size_t c, fl_contrast_info *out) {
    if (lex == NULL || out == NULL || c >= lex->contrasts.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_contrast *x = &FL_VEC_AT(lex->contrasts, fl_lex_contrast, c);
    out->name = (const char *)lex_bytes(lex, x->name.off);
    out->name_len = x->name.len;
    out->n_options = x->n_options;
    out->description = opt_str(lex, x->description, &out->description_len);
    out->extras = fl__value_get(lex, x->extras);
    return FL_OK;
}

fl_status fl_lexicon_contrast_option(const fl_lexicon *lex, size_t c, size_t o, const char **name,
                                     size_t *name_len, const fl_reference **refs, size_t *n_refs) {
    if (lex == NULL || c >= lex->contrasts.len || name == NULL || name_len == NULL ||
        refs == NULL || n_refs == NULL) {
        return FL_ERR_ARG;
    }
    const fl_lex_contrast *x = &FL_VEC_AT(lex->contrasts, fl_lex_contrast, c);
    if (o >= x->n_options) {
        return FL_ERR_ARG;
    }
    const fl_lex_option *opt = &FL_VEC_AT(lex->options, fl_lex_option, x->first_option + o);
    *name = (const char *)lex_bytes(lex, opt->name.off);
    *name_len = opt->name.len;
    *refs = (const fl_reference *)lex->refs.data + opt->first_ref;
    *n_refs = opt->n_refs;
    return FL_OK;
}

fl_status fl_lexicon_exclusion(const fl_lexicon *lex, size_t i, const char **str, size_t *len) {
    if (lex == NULL || str == NULL || len == NULL || i >= lex->exclusions.len) {
        return FL_ERR_ARG;
    }
    fl_span s = FL_VEC_AT(lex->exclusions, fl_span, i);
    *str = (const char *)lex_bytes(lex, s.off);
    *len = s.len;
    return FL_OK;
}

fl_status fl_lexicon_actor(const fl_lexicon *lex, size_t i, fl_actor_info *out) {
    if (lex == NULL || out == NULL || i >= lex->actors.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_actor *x = &FL_VEC_AT(lex->actors, fl_lex_actor, i);
    out->name = (const char *)lex_bytes(lex, x->name.off);
    out->name_len = x->name.len;
    out->n_aliases = x->n_aliases;
    out->extras = fl__value_get(lex, x->extras);
    return FL_OK;
}

fl_status fl_lexicon_actor_alias(const fl_lexicon *lex, size_t i, size_t k, const char **str,
                                 size_t *len) {
    if (lex == NULL || str == NULL || len == NULL || i >= lex->actors.len) {
        return FL_ERR_ARG;
    }
    const fl_lex_actor *x = &FL_VEC_AT(lex->actors, fl_lex_actor, i);
    if (k >= x->n_aliases) {
        return FL_ERR_ARG;
    }
    fl_span s = FL_VEC_AT(lex->aliases, fl_span, x->first_alias + k);
    *str = (const char *)lex_bytes(lex, s.off);
    *len = s.len;
    return FL_OK;
}

const char *fl_lexicon_meta(const fl_lexicon *lex, const char *key, size_t *len) {
    static const char *const KEYS[4] = {"name", "version", "language", "description"};
    if (lex == NULL || key == NULL || len == NULL) {
        return NULL;
    }
    for (int m = 0; m < 4; m++) {
        if (strcmp(key, KEYS[m]) == 0) {
            if (lex->meta[m].len == SIZE_MAX) {
                return NULL;
            }
            *len = lex->meta[m].len;
            return (const char *)lex_bytes(lex, lex->meta[m].off);
        }
    }
    return NULL;
}

const fl_value *fl_lexicon_extras(const fl_lexicon *lex) {
    return lex == NULL ? NULL : fl__value_get(lex, lex->extras);
}

void fl_lexicon_duplicates(const fl_lexicon *lex, fl_duplicate_counts *out) {
    if (out == NULL) {
        return;
    }
    if (lex == NULL) {
        memset(out, 0, sizeof *out);
        return;
    }
    *out = lex->duplicates;
}
