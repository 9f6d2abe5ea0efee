/* segment.c: sentence boundaries in news text, decided on the token stream. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <string.h>

/*
 * How a boundary is decided, in order (docs/segmentation.md has examples):
 *
 * 1. Terminal runs. A run is one or more of . ! ? … attached to each other (". . ." with
 *    single spaces counts as one run), followed by attached closing quotes and brackets,
 *    which stay with the sentence they close. A boundary needs whitespace after the run and
 *    a next token that can start a sentence: a word not starting in lower case, a digit, an
 *    opening quote or bracket before such a word, a bullet. Footnote markers after the run
 *    ("1890. [4]", "1890.[4][5]", "research. [1 - 3]") stay with the sentence too.
 * 2. A single period after
 *    - a prepositive abbreviation (Mr. Dr. Gen. Mt. …) never ends a sentence;
 *    - another abbreviation (Co. Inc. U.S. a.m. Jan. p. …), a dotted short form (U.S.A.,
 *      Ph.D.) or an initial (E.) ends one only when the next word is a common sentence
 *      starter ("U.S. How" ends, "U.S. Government" does not);
 *    - anything else ends one when the next token can start a sentence (rule 1).
 * 3. Ellipses: three spaced dots (". . .") never end a sentence; four dots end one before a
 *    capital; a word's own period followed by a spaced ellipsis ends the sentence after
 *    that period, the ellipsis opening the next ("compounds. . . . The"); an ellipsis inside
 *    brackets ("[...]") is not terminal.
 * 4. Line breaks. A blank line always ends a sentence. A single line break ends one after
 *    terminal punctuation (unless a prepositive abbreviation precedes or the next line
 *    starts in lower case) and after a headline-like line; it does not when the line looks
 *    hard-wrapped: long and continued in lower case, or long and ending in a lower-case word
 *    or a comma.
 * 5. Lists: a bullet (• ‣ ⁃ ◦ ▪ ●) starts a sentence; so does the next marker of a list a
 *    sentence opened with ("1." … "2.", "a)" … "b)").
 * Every rule looks a bounded number of tokens ahead and each token is visited a bounded
 * number of times, so segmentation is linear in the text.
 */

typedef struct seg {
    const uint8_t *text;
    size_t len; /* bytes in text */
    const fl_token *t;
    const fl_tokinfo *k;
    size_t n;
    /* the words' filters (ABBR_FILTER, STARTER_FILTER), or ALL_PASS: fl__segment_general */
    const uint64_t *abbr_filter;
    const uint64_t *starter_filter;
} seg;

static bool is_punct(const seg *s, size_t i, int32_t cp) {
    return i < s->n && s->t[i].kind == FL_TOKEN_PUNCT && s->k[i].cp0 == cp;
}

static inline bool is_terminal_cp(int32_t cp) {
    if (cp < 0x80) {
        return cp == '.' || cp == '!' || cp == '?';
    }
    return cp == 0x2026 || cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049 ||
           cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

static bool is_terminal(const seg *s, size_t i) {
    return i < s->n && s->t[i].kind == FL_TOKEN_PUNCT && is_terminal_cp(s->k[i].cp0);
}

/* inline, as is_closer: asked at every sentence start and after every terminal run, where
 * a call cost more than the test */
static inline bool is_bullet(const seg *s, size_t i) {
    if (i >= s->n || s->t[i].kind != FL_TOKEN_PUNCT) {
        return false;
    }
    int32_t c = s->k[i].cp0;
    return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x25CF;
}

static bool is_closer_cp(int32_t c) {
    return c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == 0x201C || c == 0xBB ||
           c == 0x203A || c == ')' || c == ']' || c == '}' || c == 0x2018;
}

static bool is_opener_cp(int32_t c) {
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2039 ||
           c == '(' || c == '[' || c == '{' || c == 0x2018 || c == 0x201A;
}

/* A closing quote or bracket attached to what precedes it. */
static inline bool is_closer(const seg *s, size_t i) {
    return i < s->n && s->t[i].kind == FL_TOKEN_PUNCT && !s->t[i].space_before &&
           is_closer_cp(s->k[i].cp0);
}

static bool is_opener(const seg *s, size_t i) {
    return i < s->n && s->t[i].kind == FL_TOKEN_PUNCT && is_opener_cp(s->k[i].cp0);
}

/* Copies a word token's bytes into buf (cap bytes), lower-casing ASCII letters; false when
 * it is not a word or does not fit. Enough to compare with the lower-case lists below. */
static bool raw_lower(const seg *s, size_t i, char *buf, size_t cap) {
    const fl_token *t = &s->t[i];
    size_t len = t->end - t->start;
    if (t->kind != FL_TOKEN_WORD || len + 1 > cap) {
        return false;
    }
    for (size_t b = 0; b < len; b++) {
        uint8_t c = s->text[t->start + b];
        buf[b] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[len] = '\0';
    return true;
}

/* raw_lower for ASCII words only. */
static bool ascii_lower(const seg *s, size_t i, char *buf, size_t cap) {
    if (!raw_lower(s, i, buf, cap)) {
        return false;
    }
    for (const char *c = buf; *c != '\0'; c++) {
        if ((unsigned char)*c >= 0x80) {
            return false;
        }
    }
    return true;
}

/* The 8 bytes at p as a big-endian word: zero-padded strings of up to 8 bytes then compare as
 * words in the order strcmp gives them. */
static inline uint64_t be64(const char *p) {
    uint64_t x;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&x, p, 8);
    x = __builtin_bswap64(x);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    memcpy(&x, p, 8);
#else
    x = 0;
    for (int i = 0; i < 8; i++) {
        x = x << 8 | (uint8_t)p[i];
    }
#endif
    return x;
}

/* The key of a NUL-terminated word for abbrev_of_key; false when it has more than 8 bytes. */
static bool word_key(const char *word, uint64_t *key) {
    size_t len = strlen(word);
    if (len > 8) {
        return false;
    }
    char buf[8] = {0};
    memcpy(buf, word, len);
    *key = be64(buf);
    return true;
}

typedef enum abbrev_kind { ABBR_NONE, ABBR_PREPOSITIVE, ABBR_OTHER } abbrev_kind;

/* A word list's filter: 512 bits, two of them set for the key (its first eight bytes as be64
 * reads them, zero-padded) of each word in the list, at two slices of a multiplicative hash.
 * A word with either bit clear is not in the list, and is not looked up: most words asked
 * about are no abbreviation and no sentence starter. Constants, so that the lookup reads no
 * state made at run time: when a list changes, the test Segment.WordListFilters... fails and
 * prints the new ABBR_FILTER and STARTER_FILTER to paste here. */
#define FILTER_MUL 0xff51afd7ed558ccdULL

static inline bool filter_may_hold(const uint64_t *filter, uint64_t key) {
    uint64_t h = key * FILTER_MUL;
    unsigned a = (unsigned)(h >> 55);
    unsigned b = (unsigned)(h >> 46) & 511;
    return (filter[a >> 6] >> (a & 63)) & (filter[b >> 6] >> (b & 63)) & 1;
}

/* clang-format off */
static const uint64_t ABBR_FILTER[8] = {
    0x22304b64a040c241ULL, 0x8000004038918130ULL, 0x659015c0401a1912ULL, 0x12326018406c1217ULL,
    0x0124052da01d400cULL, 0x1254108124a30132ULL, 0x200a00000095f8d6ULL, 0x132ba680004002a4ULL};
static const uint64_t STARTER_FILTER[8] = {
    0x80440c62af602485ULL, 0x45bdc8a03fb209aaULL, 0x85918601300bd82aULL, 0x209c12c9800831c8ULL,
    0x06a155f10202a1a0ULL, 0x056244400ebfa9b1ULL, 0x0059eea23af31331ULL, 0x46a0990a0e107818ULL};
static const uint64_t ALL_PASS[8] = {
    ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL};
/* clang-format on */

static bool in_list(const char *word, const char *const *list) {
    for (size_t i = 0; list[i] != NULL; i++) {
        /* two bytes before the call: a Cyrillic letter's first byte is one of two */
        if (list[i][0] == word[0] && list[i][1] == word[1] && strcmp(word, list[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* The word lists below are laid out by hand (clang-format would make tables of them). */
/* clang-format off */
/* Abbreviations, each with what it does: PRE stands before a name or a number (titles and
 * the like: Mr. Dr. Gen. e.g.), END may also end a sentence (Co. Inc. Jan. p.). One table
 * sorted as strcmp sorts them (test_segment checks, and that none is longer than
 * ABBR_MAX_LEN), so that a word that is none takes one binary search, not one a kind. */
#define PRE ABBR_PREPOSITIVE
#define END ABBR_OTHER
static const struct abbrev {
    char word[8];
    uint8_t kind; /* abbrev_kind */
} ABBREVIATIONS[] = {
    {"adm", PRE}, {"al", END}, {"amb", PRE}, {"approx", END}, {"apr", END}, {"art", END},
    {"assn", END}, {"atty", PRE}, {"aug", END}, {"ave", END}, {"bln", END}, {"blvd", END},
    {"brig", PRE}, {"bros", END}, {"ca", END}, {"capt", PRE}, {"cf", PRE}, {"ch", END},
    {"chap", END}, {"cmdr", PRE}, {"co", END}, {"col", PRE}, {"corp", END}, {"cpt", PRE},
    {"dec", END}, {"dept", END}, {"det", PRE}, {"dr", PRE}, {"e.g", PRE}, {"ed", END},
    {"eds", END}, {"est", END}, {"etc", END}, {"feb", END}, {"fig", END}, {"figs", END},
    {"fr", PRE}, {"ft", END}, {"gen", PRE}, {"gov", PRE}, {"govt", END}, {"hon", PRE},
    {"i.e", PRE}, {"inc", END}, {"insp", PRE}, {"intl", END}, {"jan", END}, {"jr", END},
    {"jul", END}, {"jun", END}, {"llc", END}, {"lt", PRE}, {"ltd", END}, {"maj", PRE},
    {"mar", END}, {"max", END}, {"messrs", PRE}, {"min", END}, {"mlle", PRE}, {"mln", END},
    {"mme", PRE}, {"mr", PRE}, {"mrs", PRE}, {"ms", PRE}, {"mt", PRE}, {"natl", END},
    {"no", END}, {"nos", END}, {"nov", END}, {"nr", END}, {"oct", END}, {"op", END}, {"p", END},
    {"para", END}, {"plc", END}, {"pp", END}, {"pres", PRE}, {"prof", PRE}, {"rd", END},
    {"rep", PRE}, {"rev", PRE}, {"sec", END}, {"sen", PRE}, {"sep", END}, {"sept", END},
    {"sgt", PRE}, {"sr", END}, {"st", END}, {"supt", PRE}, {"tel", END}, {"univ", END},
    {"v", END}, {"viz", PRE}, {"vol", END}, {"vols", END}, {"vs", END}};
#undef PRE
#undef END
#define ABBR_MAX_LEN 6
/* clang-format on */

/* The kind of abbreviation key is (a word of up to 8 bytes, zero-padded, as be64 reads it).
 * A binary search: it is asked at every period after a word. Without a branch on the
 * comparisons (the halving takes as many turns for any key, and the compiler makes a
 * conditional move of the step): their outcomes come in no order, and branches on them were
 * mispredicted 74,000 times on 2 MB of news. */
static abbrev_kind abbrev_search(uint64_t key) {
    size_t n = sizeof ABBREVIATIONS / sizeof ABBREVIATIONS[0];
    /* the last entry <= key is in [at, at + n) (or there is none, and at stays 0) */
    size_t at = 0;
    while (n > 1) {
        size_t half = n / 2;
        at = be64(ABBREVIATIONS[at + half].word) <= key ? at + half : at;
        n -= half;
    }
    return be64(ABBREVIATIONS[at].word) == key ? (abbrev_kind)ABBREVIATIONS[at].kind : ABBR_NONE;
}

static inline abbrev_kind abbrev_of_key(const seg *s, uint64_t key) {
    return filter_may_hold(s->abbr_filter, key) ? abbrev_search(key) : ABBR_NONE;
}

/* clang-format off */
/* Capitalised words that usually open a sentence: after an abbreviation, one of these
 * means the period also ended the sentence. */
static const char *const STARTERS[] = {
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "we",
    "they", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "then",
    "now", "but", "and", "or", "so", "yet", "if", "in", "on", "at", "for", "from", "with",
    "after", "before", "as", "since", "while", "although", "though", "however", "meanwhile",
    "moreover", "furthermore", "also", "still", "thus", "therefore", "hence", "because",
    "when", "where", "why", "how", "what", "who", "whom", "whose", "which", "did", "do",
    "does", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "might", "must", "not", "no", "nor", "one", "some", "many", "most",
    "all", "both", "each", "every", "such", "other", "another", "only", "even", "despite",
    "during", "under", "over", "by", "to", "of", "without", "instead", "unlike", "once",
    "several", "few", "any", "neither", "either", "according", "earlier", "later", "today",
    "yesterday", "tomorrow", "last", "next", "finally", "indeed", "nevertheless",
    "nonetheless", "otherwise", "besides", "let", "please", NULL};

/* Russian and Ukrainian abbreviations, lower case as written: "им." (named after), "ул."
 * (street), "проф.", … stand before a name; the others may end a sentence. */
static const char *const CYRILLIC_PREPOSITIVE[] = {
    "им", "ім", "ул", "вул", "просп", "пр", "проф", "акад", "св", "тов", "гр", "пл", "пер",
    "бул", "наб", "ген", "полк", "кап", NULL};
static const char *const CYRILLIC_ABBREVIATIONS[] = {
    "г", "гг", "вв", "тыс", "млн", "млрд", "руб", "грн", "коп", "обл", "р", "рр", "стр", "ст",
    "с", "см", "др", "пр", "т", "д", NULL};

/* German month names: "am 24. Februar" is a date, not a sentence end. */
static const char *const GERMAN_MONTHS[] = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "jänner", NULL};
/* clang-format on */

/* What kind of abbreviation, if any, the word token i is (it is followed by a period). */
static abbrev_kind abbreviation_general(const seg *s, size_t i) {
    const fl_token *t = &s->t[i];
    const fl_tokinfo *k = &s->k[i];
    if (t->kind != FL_TOKEN_WORD) {
        /* "N°." stands before a number like "No." */
        if (i >= 1 && t->kind == FL_TOKEN_PUNCT && (k->cp0 == 0xB0 || k->cp0 == 0xBA) &&
            !t->space_before && s->t[i - 1].kind == FL_TOKEN_WORD) {
            char w[4];
            if (ascii_lower(s, i - 1, w, sizeof w) && (strcmp(w, "n") == 0)) {
                return ABBR_PREPOSITIVE;
            }
        }
        return ABBR_NONE;
    }
    if (k->ncp == 1 && k->has_letter) {
        return ABBR_OTHER; /* an initial: "E. Smith", or "you and I." */
    }
    uint64_t key;
    if (k->simple) {
        /* ASCII letters and digits, most words before a period: no dot, so a list entry or
         * nothing; lower-cased straight into the key */
        size_t len = t->end - t->start;
        if (len > ABBR_MAX_LEN) {
            return ABBR_NONE;
        }
        /* where eight bytes remain: the word's bytes and those after it as one key, the
         * latter cleared; a letter or a digit with bit 5 set is in lower case */
        if (t->start + 8 <= s->len) {
            unsigned pad = 64 - 8 * (unsigned)len;
            uint64_t key = be64((const char *)s->text + t->start) >> pad << pad;
            return abbrev_of_key(s, key | (0x2020202020202020ULL >> pad << pad));
        }
        char buf[8] = {0};
        for (size_t b = 0; b < len; b++) {
            uint8_t c = s->text[t->start + b];
            buf[b] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return abbrev_of_key(s, be64(buf));
    }
    char w[16];
    if (!ascii_lower(s, i, w, sizeof w)) {
        char u[24];
        if (raw_lower(s, i, u, sizeof u)) {
            if (in_list(u, CYRILLIC_PREPOSITIVE)) {
                return ABBR_PREPOSITIVE;
            }
            if (in_list(u, CYRILLIC_ABBREVIATIONS)) {
                return ABBR_OTHER;
            }
        }
        return ABBR_NONE;
    }
    if (word_key(w, &key)) {
        abbrev_kind kind = abbrev_of_key(s, key);
        if (kind != ABBR_NONE) {
            return kind;
        }
    }
    /* Dotted short forms: U.S, e.g, a.m, Ph.D (pieces of one or two letters). */
    if (strchr(w, '.') != NULL) {
        size_t piece = 0;
        for (const char *c = w;; c++) {
            if (*c == '.' || *c == '\0') {
                if (piece == 0 || piece > 2) {
                    return ABBR_NONE;
                }
                if (*c == '\0') {
                    return ABBR_OTHER;
                }
                piece = 0;
            } else if (*c >= 'a' && *c <= 'z') {
                piece++;
            } else {
                return ABBR_NONE;
            }
        }
    }
    return ABBR_NONE;
}

/* abbreviation_general, its most common case without a call: a word of ASCII letters and
 * digits, not an initial, with eight bytes of text from its start (as abbreviation_general
 * reads it there) */
static inline abbrev_kind abbreviation(const seg *s, size_t i) {
    const fl_token *t = &s->t[i];
    if (t->kind == FL_TOKEN_WORD && s->k[i].simple && s->k[i].ncp > 1 && t->start + 8 <= s->len) {
        size_t len = t->end - t->start;
        if (len > ABBR_MAX_LEN) {
            return ABBR_NONE;
        }
        unsigned pad = 64 - 8 * (unsigned)len;
        uint64_t key = be64((const char *)s->text + t->start) >> pad << pad;
        return abbrev_of_key(s, key | (0x2020202020202020ULL >> pad << pad));
    }
    return abbreviation_general(s, i);
}

static bool is_starter_word(const seg *s, size_t i) {
    if (i >= s->n || s->t[i].kind != FL_TOKEN_WORD || !s->k[i].upper) {
        return false;
    }
    char w[16];
    if (!ascii_lower(s, i, w, sizeof w)) {
        return false;
    }
    char head[8] = {0};
    size_t len = strlen(w);
    memcpy(head, w, len < 8 ? len : 8);
    return filter_may_hold(s->starter_filter, be64(head)) && in_list(w, STARTERS);
}

/* can_start for a token j < n that is no word */
static bool can_start_other(const seg *s, size_t j) {
    const fl_token *t = &s->t[j];
    if (t->kind != FL_TOKEN_PUNCT) {
        return false;
    }
    if (is_opener(s, j)) {
        size_t w = j + 1;
        while (w < s->n && is_opener(s, w) && w < j + 3) {
            w++;
        }
        return w < s->n && s->t[w].kind == FL_TOKEN_WORD && !s->k[w].lower;
    }
    int32_t c = s->k[j].cp0;
    return is_bullet(s, j) || c == '$' || c == 0xA3 || c == 0x20AC || c == '#' || c == 0xBF ||
           c == 0xA1;
}

/* Can token j open a sentence? (the case of a word, most asked, without a call) */
static inline bool can_start(const seg *s, size_t j) {
    if (j >= s->n) {
        return true;
    }
    if (s->t[j].kind == FL_TOKEN_WORD) {
        return !s->k[j].lower;
    }
    return can_start_other(s, j);
}

/* After an abbreviation: does the next token show that a new sentence began? */
static bool starts_after_abbreviation(const seg *s, size_t j) {
    if (j >= s->n) {
        return true;
    }
    if (is_starter_word(s, j)) {
        return true;
    }
    if (is_opener(s, j) && s->t[j].kind == FL_TOKEN_PUNCT && s->k[j].cp0 != '(') {
        return can_start(s, j);
    }
    return false;
}

/* list_marker for a word followed by a token attached to it */
static size_t list_marker_after(const seg *s, size_t i, int *kind, int32_t *value) {
    const fl_tokinfo *k = &s->k[i];
    const fl_token *t = &s->t[i];
    int32_t v;
    int kd;
    if (k->all_digits && k->ncp <= 3) {
        v = 0;
        for (size_t b = t->start; b < t->end; b++) {
            uint8_t c = s->text[b];
            if (c < '0' || c > '9') {
                return i;
            }
            v = v * 10 + (c - '0');
        }
        kd = 1;
    } else if (k->ncp == 1 && k->has_letter && t->end - t->start == 1) {
        v = k->cp0;
        kd = 2;
    } else {
        return i;
    }
    size_t j = i + 1;
    if (is_punct(s, j, '.')) {
        j++;
        if (is_punct(s, j, ')') && !s->t[j].space_before) {
            j++;
        }
    } else if (is_punct(s, j, ')')) {
        j++;
    } else {
        return i;
    }
    if (j < s->n && !s->t[j].space_before) {
        return i;
    }
    *kind = kd;
    *value = v;
    return j;
}

/* A list marker at i: a number of up to three digits or a single letter, then "." or ")"
 * or ".)", attached. Returns the index after it, or i when there is none. */
static inline size_t list_marker(const seg *s, size_t i, int *kind, int32_t *value) {
    /* most tokens asked, without a call: no word, or a word followed by a space */
    if (i + 1 >= s->n || s->t[i].kind != FL_TOKEN_WORD || s->t[i + 1].space_before) {
        return i;
    }
    return list_marker_after(s, i, kind, value);
}

typedef struct seg_state {
    fl_vec *sents;
    fl_token *toks;      /* the same tokens as seg's, to set their sentence index */
    const fl_allocator *a;
    size_t start;        /* first token of the open sentence */
    int marker_kind;     /* 0: the sentence did not open with a list marker */
    int32_t marker_value;
    size_t line_start_cp;
    size_t line_start;    /* first token of the current line */
    uint32_t line_skipped_words; /* its words with a letter that a list marker's skip passed */
    uint32_t line_skipped_caps;  /* of those, how many start with a capital */
    /* the open sentence's tokens [start, marked) have its index (sents->len, which it gets
     * when cut) and `words` of them are words: fl__segment's loop over the plain words
     * marks them as it passes, cut the rest */
    size_t marked;
    uint32_t words;
} seg_state;

/* Marks the open sentence's tokens from st->marked up to end. The loop only marks tokens
 * before the one it stands at, and never cuts before that one: st->marked <= end. */
static void mark_upto(seg_state *st, size_t end) {
    uint32_t index = (uint32_t)st->sents->len;
    uint32_t words = 0;
    for (size_t i = st->marked; i < end; i++) {
        words += st->toks[i].kind == FL_TOKEN_WORD; /* no branch: words and others mix */
        st->toks[i].sentence = index;
    }
    st->words += words;
    st->marked = end;
}

_Static_assert(offsetof(fl_sentence, first_token) == 4 * sizeof(size_t) &&
                   offsetof(fl_sentence, first_match) == offsetof(fl_sentence, first_token) + 12,
               "cut sets every byte before first_match");

/* Inline: a call at every sentence cost more than its body (3% of fl__segment's instructions
 * in callgrind on the bench corpus). */
FL_ALWAYS_INLINE static inline fl_status cut(const seg *s, seg_state *st, size_t end) {
    if (end <= st->start) {
        return FL_OK;
    }
    /* the record is written in place: a push built it on the stack and copied it */
    fl_vec *v = st->sents;
    if (v->len == v->cap) {
        fl_status rc = fl__vec_reserve(st->a, v, sizeof(fl_sentence), v->len + 1);
        if (rc != FL_OK) {
            return rc;
        }
    }
    mark_upto(st, end);
    fl_sentence *sent = (fl_sentence *)v->data + v->len;
    /* the fields the later stages fill, and the padding, zero (as the record built with {0}
     * had); those before first_match are all set below */
    memset((unsigned char *)sent + offsetof(fl_sentence, first_match), 0,
           sizeof *sent - offsetof(fl_sentence, first_match));
    sent->start = s->t[st->start].start;
    sent->end = s->t[end - 1].end;
    sent->cp_start = s->t[st->start].cp_start;
    sent->cp_end = s->t[end - 1].cp_end;
    sent->first_token = (uint32_t)st->start;
    sent->n_tokens_all = (uint32_t)(end - st->start);
    sent->n_tokens = st->words;
    v->len++;
    st->words = 0;
    st->start = end;
    return FL_OK;
}

/* Index just past a terminal run starting at i, and whether it was a spaced ellipsis. */
typedef struct run {
    size_t end;     /* first token after the terminal characters */
    size_t after;   /* first token after the closers */
    bool quote;     /* a closing quotation mark is among the closers */
    size_t dots;
    bool spaced;
    bool ellipsis;  /* holds … or two or more dots */
    bool bang;      /* holds ! or ? */
} run;

static run terminal_run(const seg *s, size_t i) {
    run r = {0};
    size_t j = i;
    while (j < s->n && is_terminal(s, j)) {
        if (j > i && s->t[j].space_before) {
            /* ". . ." : dots separated by one plain space continue the run */
            bool plain = s->t[j].newlines_before == 0 && s->t[j].start == s->t[j - 1].end + 1 &&
                         s->k[j].cp0 == '.' && s->k[j - 1].cp0 == '.';
            if (!plain) {
                break;
            }
            r.spaced = true;
        }
        int32_t c = s->k[j].cp0;
        if (c == '.' || c == 0xFF0E) {
            r.dots++;
        } else if (c == 0x2026) {
            r.ellipsis = true;
        } else if (c != 0x3002) {
            r.bang = true;
        }
        j++;
    }
    if (r.dots >= 2) {
        r.ellipsis = true;
    }
    r.end = j;
    while (is_closer(s, j)) {
        int32_t c = s->k[j].cp0;
        r.quote |= c != ')' && c != ']' && c != '}';
        j++;
    }
    r.after = j;
    return r;
}

/* Does word token i hold a period ("D.C", "U.S")? */
static bool has_inner_period(const seg *s, size_t i) {
    const fl_token *t = &s->t[i];
    if (t->kind != FL_TOKEN_WORD) {
        return false;
    }
    for (size_t b = t->start; b < t->end; b++) {
        if (s->text[b] == '.') {
            return true;
        }
    }
    return false;
}

/* Is token i "a.m" or "p.m" after a number ("9 p.m.", "4:15 a.m.")? */
static bool clock_time(const seg *s, size_t i) {
    char w[8];
    if (!ascii_lower(s, i, w, sizeof w) || (strcmp(w, "a.m") != 0 && strcmp(w, "p.m") != 0)) {
        return false;
    }
    return i >= 1 && s->t[i - 1].kind == FL_TOKEN_WORD && s->k[i - 1].all_digits;
}

/* Words that continue a phrase after "a.m."/"p.m." or "D.C.": titles ("D.C. Mayor Bowser"),
 * weekdays ("10 a.m. Monday") and time zones ("8 p.m. EST"). */
/* clang-format off */
static const char *const CONTINUERS[] = {
    "mayor", "governor", "president", "senator", "councilmember", "chief", "judge", "attorney",
    "secretary", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt", "gmt", "utc",
    "bst", "cet", "cest", "eet", "eest", "msk", NULL};
/* clang-format on */

/* Does token j continue the phrase of an abbreviation rather than open a sentence: a title
 * with its period ("Mr."), a word of CONTINUERS, or a word before "time" ("Moscow time")? */
static bool continues_phrase(const seg *s, size_t j) {
    if (j >= s->n || s->t[j].kind != FL_TOKEN_WORD) {
        return false;
    }
    char w[16];
    if (!ascii_lower(s, j, w, sizeof w)) {
        return false;
    }
    uint64_t key;
    if (is_punct(s, j + 1, '.') && word_key(w, &key) && abbrev_of_key(s, key) == ABBR_PREPOSITIVE) {
        return true;
    }
    if (in_list(w, CONTINUERS)) {
        return true;
    }
    char nx[8];
    return j + 1 < s->n && ascii_lower(s, j + 1, nx, sizeof nx) && strcmp(nx, "time") == 0;
}

static bool german_month(const seg *s, size_t j) {
    char u[24];
    if (j >= s->n || !s->k[j].upper || !raw_lower(s, j, u, sizeof u)) {
        return false;
    }
    /* the capital is ASCII in every month name except "März" and "Jänner": fold it */
    return in_list(u, GERMAN_MONTHS);
}

/* Is the word a reporting verb in the past or -s form ("asked", "says"), as the voice
 * stage's table (cues.c) knows it? */
static bool reporting_verb(const char *w) {
    size_t len = strlen(w);
    const fl_cue *c = fl__cue_find((const uint8_t *)w, len,
                                   fl__hash_bytes((const uint8_t *)w, len));
    return c != NULL && (c->bits & (FL_W_SPEECH | FL_W_QUOTE_VERB)) &&
           (c->form == FL_FORM_PAST || c->form == FL_FORM_S);
}

/* Does a speaker and a reporting verb follow at j ("Putin asked", "the minister said",
 * "Mr. Lind asked": the period of a title's abbreviation, attached to its capitalised word
 * of at most three letters, stays in the speaker)? */
static bool speaker_follows(const seg *s, size_t j) {
    for (size_t k = j; k < s->n && k < j + 6; k++) {
        if (k > j && is_punct(s, k, '.') && !s->t[k].space_before &&
            s->t[k - 1].kind == FL_TOKEN_WORD && s->k[k - 1].upper && s->k[k - 1].ncp <= 3) {
            continue;
        }
        if (s->t[k].kind != FL_TOKEN_WORD) {
            return false;
        }
        char w[16];
        if (k > j && s->k[k].lower && ascii_lower(s, k, w, sizeof w) && reporting_verb(w)) {
            return true;
        }
    }
    return false;
}

/* Tokens a footnote marker may hold between its brackets: "[4]", "[12, 14]", "[3 – 5]". */
#define FOOTNOTE_MAX_INNER 7

/* Is word k a footnote number: one to three digits ("[19]"; "[1990]" is a year), or numbers
 * the tokenizer joined by commas into one word ("[12,14]")? */
static bool footnote_number(const seg *s, size_t k) {
    const fl_token *t = &s->t[k];
    return t->kind == FL_TOKEN_WORD && s->k[k].all_digits &&
           (s->k[k].ncp <= 3 || memchr(s->text + t->start, ',', t->end - t->start) != NULL);
}

/* Does token k join two footnote numbers: a comma, a semicolon or a dash ("[3 – 5]", "[7-9]")? */
static bool footnote_joiner(const seg *s, size_t k) {
    uint8_t kind = s->t[k].kind;
    int32_t c = s->k[k].cp0;
    return (kind == FL_TOKEN_PUNCT || kind == FL_TOKEN_HYPHEN) &&
           (c == ',' || c == ';' || c == '-' || c == 0x2013 || c == 0x2014);
}

/* Is token m the "[" of a footnote marker on one line: a number of one to three digits ("[19]"),
 * or several joined by commas, semicolons or dashes ("[1, 2]", "[3 – 5]", "[7–9]"), the numbers
 * attached to the brackets? The token after its "]", or 0 when it is none. */
static size_t footnote_end(const seg *s, size_t m) {
    if (!is_punct(s, m, '[')) {
        return 0;
    }
    size_t k = m + 1;
    for (size_t inner = 0; k < s->n && inner <= FOOTNOTE_MAX_INNER; inner++, k++) {
        const fl_token *t = &s->t[k];
        if (t->newlines_before > 0) {
            return 0;
        }
        if (inner % 2 == 0) { /* a number, the first one attached to the "[" */
            if (!footnote_number(s, k) || (inner == 0 && t->space_before)) {
                return 0;
            }
        } else if (is_punct(s, k, ']')) {
            return t->space_before ? 0 : k + 1;
        } else if (!footnote_joiner(s, k)) {
            return 0;
        }
    }
    return 0;
}

/* The "[" of the footnote marker whose "]" is token p, or SIZE_MAX when p closes none. */
static size_t footnote_start(const seg *s, size_t p, size_t floor) {
    if (!is_punct(s, p, ']')) {
        return SIZE_MAX;
    }
    for (size_t m = p; m > floor && p - m <= FOOTNOTE_MAX_INNER + 1; m--) {
        if (is_punct(s, m - 1, '[')) {
            return footnote_end(s, m - 1) == p + 1 ? m - 1 : SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* Footnote markers after the end of a sentence ("...in 1805. [19] His", "...in 1805.[19][20]
 * His", "...research. [1 - 3] Sociologists", as text copied from an encyclopedia or a paper
 * keeps them) annotate that sentence and stay in it. The token after the markers at j (the
 * first one may follow a space, the others are attached), or j when there are none. */
static size_t after_footnotes(const seg *s, size_t j) {
    size_t m = j;
    size_t end;
    /* the "[" asked here first: after most runs there is none, and no call is made */
    while (is_punct(s, m, '[') && (end = footnote_end(s, m)) != 0 && s->t[m].newlines_before == 0 &&
           (m == j || !s->t[m].space_before)) {
        m = end;
    }
    return m;
}

/* Is the period at i a sentence's end whose space scraping lost ("said.Brandt agreed")? A
 * period between two words, neither spaced, is one the tokeniser cut off (tokenize.c keeps
 * "example.com" and "St.Louis" whole), so it ends a sentence as a spaced one would. */
static bool lost_space(const seg *s, size_t i, const run *r, size_t j) {
    return i > 0 && j == i + 1 && r->end == j && r->dots == 1 && !r->ellipsis && !r->bang &&
           !s->t[i].space_before && s->t[i - 1].kind == FL_TOKEN_WORD &&
           s->t[j].kind == FL_TOKEN_WORD && s->k[j].upper;
}

/* The boundary a single period at i makes (run_boundary's last rule) before token j, which
 * is spaced; closed: closers follow the period. */
FL_ALWAYS_INLINE static inline size_t period_boundary(const seg *s, size_t i, bool closed,
                                                      size_t j) {
    if (i > 0 && !s->t[i].space_before) {
        abbrev_kind ab = abbreviation(s, i - 1);
        if (ab == ABBR_PREPOSITIVE) {
            return 0;
        }
        if (ab == ABBR_OTHER) {
            /* The abbreviation ends its phrase, and so likely the sentence, when a closing
             * quote follows ("…in the U.S." Critics), when it closes an address
             * ("Washington, D.C. Police"), or when it is a clock time ("at 9 p.m.
             * Results") before a capital that is not a title ("5 a.m. Mr. Smith"). */
            bool ends_phrase = closed ||
                               (i >= 2 && is_punct(s, i - 2, ',') && has_inner_period(s, i - 1)) ||
                               clock_time(s, i - 1);
            if (ends_phrase && !continues_phrase(s, j)) {
                return can_start(s, j) ? j : 0;
            }
            return starts_after_abbreviation(s, j) ? j : 0;
        }
        /* "am 24. Februar": a day number before a German month name */
        if (s->k[i - 1].all_digits && s->k[i - 1].ncp <= 2 && german_month(s, j)) {
            return 0;
        }
    }
    return can_start(s, j) ? j : 0;
}

/* The boundary a terminal run at i makes: the token index that opens the next sentence, or
 * 0 for none (index 0 can never open a second sentence). */
static size_t run_boundary(const seg *s, size_t i, const run *r, bool opens_sentence) {
    size_t j = after_footnotes(s, r->after);
    if (j >= s->n) {
        return 0;
    }
    if (s->t[j].newlines_before > 0) {
        return 0; /* left to the line-break rule */
    }
    if (!s->t[j].space_before && !lost_space(s, i, r, j)) {
        return 0; /* attached ("Yahoo!in", "...see") */
    }
    if (r->ellipsis) {
        if (i > 0 && !s->t[i].space_before &&
            (is_punct(s, i - 1, '[') || is_punct(s, i - 1, '('))) {
            return 0; /* "[...]" marks an omission, not an end */
        }
        if (r->spaced) {
            if (!s->t[i].space_before && r->dots == 4 && can_start(s, j)) {
                return i + 1; /* "compounds. . . . The": the ellipsis opens the next one */
            }
            if (r->dots >= 4) {
                return can_start(s, j) ? j : 0;
            }
            /* ". . . It included": a capital opens a new sentence, except "I", which
             * continues one as often ("the point is . . . I never agreed") */
            return (r->dots == 3 && !opens_sentence && s->t[j].kind == FL_TOKEN_WORD &&
                    s->k[j].upper && !(s->k[j].ncp == 1 && s->k[j].cp0 == 'I'))
                       ? j
                       : 0;
        }
        return can_start(s, j) ? j : 0;
    }
    if (r->bang) {
        /* '"Why not?" Putin asked.': a quoted question or exclamation followed by its
         * speaker and a reporting verb goes on; a question in brackets does not
         * ("(…, anyone?) This post argues …") */
        if (r->quote && speaker_follows(s, j)) {
            return 0;
        }
        /* "…ever run again? [via the Vessel Courier]": a bracketed note after a
         * question that no quote or bracket closes is a unit of its own, even in lower case
         * ('"Why?" (for her rival)' goes on: the quote closes it; an exclamation mark may
         * end a name, "Yahoo! (in accounting)") */
        if (r->after == r->end && is_punct(s, r->end - 1, '?') &&
            (is_punct(s, j, '(') || is_punct(s, j, '[')) && j + 1 < s->n &&
            s->t[j + 1].kind == FL_TOKEN_WORD && !s->t[j + 1].space_before &&
            s->k[j + 1].has_letter) {
            return j;
        }
        return can_start(s, j) ? j : 0;
    }
    return period_boundary(s, i, r->after > r->end, j);
}

/* Is the line that token i ends in sentence case: four or more words with a letter, fewer
 * than half of them capitalised? Counted here rather than at every token, which cost the
 * plain words' loop in fl__segment two loads and two adds each: few lines get this far,
 * and each is counted once. The words a list marker's skip passed are left out, as they
 * always were. */
static bool sentence_case(const seg *s, const seg_state *st, size_t i) {
    uint32_t words = 0;
    uint32_t caps = 0;
    for (size_t j = st->line_start; j < i; j++) {
        if (s->t[j].kind == FL_TOKEN_WORD && s->k[j].has_letter) {
            words++;
            caps += s->k[j].upper;
        }
    }
    words -= st->line_skipped_words;
    caps -= st->line_skipped_caps;
    return words >= 4 && caps * 2 < words;
}

/* Does the line break before token i end the open sentence? */
static bool line_break_ends(const seg *s, const seg_state *st, size_t i) {
    const fl_token *t = &s->t[i];
    if (t->newlines_before >= 2) {
        return true;
    }
    size_t p = i - 1;
    /* "...in 1805. [19]" at the end of a line: the markers belong to the sentence before */
    size_t m;
    while ((m = footnote_start(s, p, st->start)) != SIZE_MAX && m > st->start &&
           (is_terminal(s, m - 1) || is_closer(s, m - 1) || is_punct(s, m - 1, ']'))) {
        p = m - 1;
    }
    size_t q = p;
    while (q > st->start && is_closer(s, q) && p - q < 4) {
        q--;
    }
    if (is_terminal(s, q)) {
        if (s->k[i].lower) {
            return false; /* "the U.S.\nofficials said": a wrapped line */
        }
        if (q > 0 && s->k[q].cp0 == '.' && !s->t[q].space_before &&
            abbreviation(s, q - 1) == ABBR_PREPOSITIVE) {
            return false; /* "Mr.\nSmith" */
        }
        return true;
    }
    /* No terminal punctuation: a headline-like line ends here, a hard-wrapped one does not.
     * A wrapped line is long; what follows it in lower case continues it, and so does a
     * capitalised word after a line in sentence case unless that word usually opens a
     * sentence ("...handed over to the United\nStates and" wraps; a title-case line, or
     * "...\nThe talks", breaks). */
    size_t line_len = s->t[p].cp_end - st->line_start_cp;
    if (s->k[i].lower) {
        return line_len < 40;
    }
    if (line_len >= 60 && sentence_case(s, st, i) && !is_starter_word(s, i) && !is_opener(s, i) &&
        !is_bullet(s, i)) {
        return false;
    }
    return true;
}

/* fl__segment, or with fast = false fl__segment_general. */
static fl_status segment(const fl_allocator *a, const uint8_t *text, size_t len, fl_token *toks,
                         const fl_tokinfo *infos, size_t n, fl_vec *sents, bool fast) {
    seg s = {
        text, len, toks, infos, n, fast ? ABBR_FILTER : ALL_PASS, fast ? STARTER_FILTER : ALL_PASS};
    seg_state st = {sents, toks, a, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    fl_status rc = FL_OK;
    size_t i = 0;
    bool at_start = true;
    /* The last token that is no plain word (a word with no line break before it), or 0: the
     * loop over plain words from a token before it stops there at the latest, and so needs
     * no test of the tokens' end (a text that ends in punctuation has one near its end). */
    size_t stop = 0;
    if (fast) {
        for (stop = n; stop > 0; stop--) {
            if (toks[stop - 1].kind != FL_TOKEN_WORD || toks[stop - 1].newlines_before != 0) {
                break;
            }
        }
        stop = stop > 0 ? stop - 1 : 0;
    }
    while (i < n) {
        /* Most tokens: a word inside a line, past the sentence's first token, with no list
         * running. None of the tests below can cut before it or after it: skip it. */
        if (toks[i].kind == FL_TOKEN_WORD && toks[i].newlines_before == 0 && i > st.start &&
            !at_start && st.marker_kind == 0) {
            /* and so are the words that follow it on the line; they are marked here, where
             * they are read anyway, rather than in cut's loop */
            if (st.marked < i) {
                mark_upto(&st, i);
            }
            uint32_t index = (uint32_t)sents->len;
            fl_token *t = toks + i;
            if (i < stop) {
                /* two words a turn: one add and one jump for both */
                for (;;) {
                    t[0].sentence = index;
                    if (t[1].kind != FL_TOKEN_WORD || t[1].newlines_before != 0) {
                        t += 1;
                        break;
                    }
                    t[1].sentence = index;
                    t += 2;
                    if (t->kind != FL_TOKEN_WORD || t->newlines_before != 0) {
                        break;
                    }
                }
            } else {
                const fl_token *end = toks + n;
                do {
                    t->sentence = index;
                    t++;
                } while (t < end && t->kind == FL_TOKEN_WORD && t->newlines_before == 0);
            }
            size_t next = (size_t)(t - toks);
            st.words += (uint32_t)(next - i);
            st.marked = i = next;
            continue;
        }
        if (i > st.start) {
            bool brk = false;
            if (toks[i].newlines_before > 0) {
                brk = line_break_ends(&s, &st, i);
            } else if (toks[i].space_before && toks[i].kind == FL_TOKEN_PUNCT && is_bullet(&s, i)) {
                brk = true;
            } else if (toks[i].space_before && st.marker_kind != 0) {
                int kd = 0;
                int32_t v = 0;
                if (list_marker(&s, i, &kd, &v) != i && kd == st.marker_kind &&
                    v == st.marker_value + 1) {
                    brk = true;
                }
            }
            if (brk) {
                if ((rc = cut(&s, &st, i)) != FL_OK) {
                    return rc;
                }
                at_start = true;
            }
        }
        if (toks[i].newlines_before > 0 || i == 0) {
            st.line_start_cp = toks[i].cp_start;
            st.line_start = i;
            st.line_skipped_words = 0;
            st.line_skipped_caps = 0;
        }
        if (at_start) {
            at_start = false;
            st.marker_kind = 0;
            size_t m = i;
            if (is_bullet(&s, m)) {
                m++;
            }
            int kd = 0;
            int32_t v = 0;
            size_t after = list_marker(&s, m, &kd, &v);
            if (after != m) {
                if (m != i && infos[m].has_letter) { /* a bullet's letter ("• a)") */
                    st.line_skipped_words++;
                    st.line_skipped_caps += infos[m].upper;
                }
                st.marker_kind = kd;
                st.marker_value = v;
                i = after;
                continue;
            }
        }
        /* is_terminal without its call (i < n and the kind are known): every punctuation token
         * that reaches here asks */
        if (toks[i].kind == FL_TOKEN_PUNCT && is_terminal_cp(infos[i].cp0)) {
            /* Most runs: a lone period, then a space and a word on the same line. Its run is
             * the period alone (no closer, no footnote, no second dot), and the run's rules
             * before the single period's take no part. */
            if (fast && infos[i].cp0 == '.' && i + 1 < n && toks[i + 1].kind == FL_TOKEN_WORD &&
                toks[i + 1].space_before && toks[i + 1].newlines_before == 0) {
                size_t b = period_boundary(&s, i, false, i + 1);
                if (b != 0) {
                    if ((rc = cut(&s, &st, b)) != FL_OK) {
                        return rc;
                    }
                    /* the opening turn of the word b, here: on a word with no line break
                     * before it, the loop would only look for a list marker */
                    st.marker_kind = 0;
                    int kd = 0;
                    int32_t v = 0;
                    if (list_marker(&s, b, &kd, &v) == b) {
                        i = b + 1;
                        continue;
                    }
                    at_start = true;
                }
                i++;
                continue;
            }
            run r = terminal_run(&s, i);
            size_t b = run_boundary(&s, i, &r, i == st.start);
            if (b != 0) {
                if ((rc = cut(&s, &st, b)) != FL_OK) {
                    return rc;
                }
                at_start = true;
                i = b;
            } else {
                i = r.end;
            }
            continue;
        }
        i++;
    }
    return cut(&s, &st, n);
}

fl_status fl__segment(const fl_allocator *a, const uint8_t *text, size_t len, fl_token *toks,
                      const fl_tokinfo *infos, size_t n, fl_vec *sents) {
    return segment(a, text, len, toks, infos, n, sents, true);
}

fl_status fl__segment_general(const fl_allocator *a, const uint8_t *text, size_t len,
                              fl_token *toks, const fl_tokinfo *infos, size_t n, fl_vec *sents) {
    return segment(a, text, len, toks, infos, n, sents, false);
}

static void filter_add(uint64_t *filter, const char *word) {
    char head[8] = {0};
    size_t len = strlen(word);
    memcpy(head, word, len < 8 ? len : 8);
    uint64_t h = be64(head) * FILTER_MUL;
    unsigned a = (unsigned)(h >> 55);
    unsigned b = (unsigned)(h >> 46) & 511;
    filter[a >> 6] |= 1ULL << (a & 63);
    filter[b >> 6] |= 1ULL << (b & 63);
}

bool fl__segment_filters_hold(uint64_t abbr[8], uint64_t starter[8]) {
    memset(abbr, 0, 8 * sizeof abbr[0]);
    memset(starter, 0, 8 * sizeof starter[0]);
    for (size_t i = 0; i < sizeof ABBREVIATIONS / sizeof ABBREVIATIONS[0]; i++) {
        filter_add(abbr, ABBREVIATIONS[i].word);
    }
    for (size_t i = 0; STARTERS[i] != NULL; i++) {
        filter_add(starter, STARTERS[i]);
    }
    return memcmp(abbr, ABBR_FILTER, sizeof ABBR_FILTER) == 0 &&
           memcmp(starter, STARTER_FILTER, sizeof STARTER_FILTER) == 0;
}

bool fl__segment_lists_sorted(void) {
    size_t n = sizeof ABBREVIATIONS / sizeof ABBREVIATIONS[0];
    for (size_t i = 0; i < n; i++) {
        if (strlen(ABBREVIATIONS[i].word) > ABBR_MAX_LEN ||
            (i > 0 && be64(ABBREVIATIONS[i - 1].word) >= be64(ABBREVIATIONS[i].word))) {
            return false;
        }
    }
    return true;
}
