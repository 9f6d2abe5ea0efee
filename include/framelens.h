/* framelens.h: the public C API of the framelens core (lexicons, analysis of UTF-8 text). */
/* SPDX-License-Identifier: MIT */

/*
 * Lifecycle: build a lexicon once (from JSON with fl_lexicon_load_json(), or item by item
 * with an fl_builder) and compile it; the compiled lexicon is immutable, so any number of
 * threads may call fl_analyze() on it at the same time, each with its own fl_result. Every
 * input is a (pointer, length) pair; nothing here relies on NUL termination, and a NUL byte
 * inside a text is an ordinary character.
 *
 * Errors: functions return an fl_status. When the caller passes an fl_error, it receives
 * the code, a position where one applies and a message written into its own buffer: no
 * allocation, no globals, no errno.
 */
#ifndef FRAMELENS_H
#define FRAMELENS_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && defined(FL_BUILD_SHARED)
#define FL_API __declspec(dllexport)
#elif defined(__GNUC__)
#define FL_API __attribute__((visibility("default")))
#else
#define FL_API
#endif

/* The one place the version is written: setup.py reads these three numbers for the package
 * version (framelens.__version__ comes from the installed metadata), and the string below is
 * derived from them. */
#define FL_VERSION_MAJOR 0
#define FL_VERSION_MINOR 1
#define FL_VERSION_PATCH 0
/* Two steps, so that the argument is expanded before it is turned into a string. */
#define FL_VERSION_STR_(x) #x
#define FL_VERSION_STR(x) FL_VERSION_STR_(x)
#define FL_VERSION_STRING                                                                          \
    FL_VERSION_STR(FL_VERSION_MAJOR)                                                               \
    "." FL_VERSION_STR(FL_VERSION_MINOR) "." FL_VERSION_STR(FL_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ status codes */

typedef enum fl_status {
    FL_OK = 0,
    FL_ERR_NOMEM = -1,  /* an allocation failed; nothing was changed */
    FL_ERR_ARG = -2,    /* an argument is invalid (NULL where not allowed) */
    FL_ERR_SYNTAX = -3, /* the lexicon is not valid JSON; line and column say where */
    FL_ERR_SCHEMA = -4, /* the lexicon is JSON but not a valid lexicon; path says where */
    FL_ERR_LIMIT = -5,  /* an input exceeds one of the FL_MAX_* limits below */
    FL_ERR_TEXT = -6    /* a text of code units is no Unicode (a lone surrogate); offset: where */
} fl_status;

/* A constant English description of a status code ("out of memory"). Never NULL. */
FL_API const char *fl_status_str(fl_status status);

/* Library version as "MAJOR.MINOR.PATCH". */
FL_API const char *fl_version(void);

/* ------------------------------------------------------------------ opaque types */

/* A compiled lexicon: immutable and safe to share between threads. */
typedef struct fl_lexicon fl_lexicon;
/* A lexicon under construction: mutable, one thread at a time. */
typedef struct fl_builder fl_builder;
/* A node of free-form data kept by a lexicon (read-only). */
typedef struct fl_value fl_value;

/* ------------------------------------------------------------------ limits */

/* Tokens in one term, variant or exclusion: a framing marker is a phrase, not a paragraph,
 * and the bound keeps the matcher's work per text position constant. */
#define FL_MAX_TERM_TOKENS 32
/* Terms in one lexicon: term indices are 32-bit, and a million terms is far past any
 * hand-written lexicon while still small enough to compile in seconds. */
#define FL_MAX_TERMS 1000000
/* Strings (terms, variants, exclusions) in one lexicon, for the same reason. */
#define FL_MAX_LEXICON_STRINGS 4000000
/* Bytes in one lexicon JSON document (64 MiB). */
#define FL_MAX_LEXICON_BYTES ((size_t)64 << 20)
/* Bytes in one analysed text (1 GiB): token and match indices are 32-bit. Split larger
 * inputs into documents. */
#define FL_MAX_TEXT_BYTES ((size_t)1 << 30)
/* Worker threads of one batch call (fl_analyze_batch, fl_dedupe_signatures); a larger count
 * is taken as this one. Far above the cores of the machines this runs on, and it bounds the
 * array of thread handles a call allocates. */
#define FL_MAX_THREADS 256

/* ------------------------------------------------------------------ errors */

#define FL_ERROR_DETAIL_SIZE 512
#define FL_ERROR_MESSAGE_SIZE 1024
#define FL_ERROR_PATH_SIZE 256

/* Filled by a failing call when the caller passes one; a successful call only sets code to
 * FL_OK. */
typedef struct fl_error {
    fl_status code;
    uint32_t line;      /* 1-based line in the lexicon file, 0 when not known */
    uint32_t column;    /* 1-based column, in code points, 0 when not known */
    size_t offset;      /* byte offset of the problem in the input, when known */
    /* index of the failing item (term, category, contrast, actor, exclusion, document of a
     * batch, ...), SIZE_MAX when none */
    size_t item;
    char path[FL_ERROR_PATH_SIZE];       /* JSON path ("terms[3].weight"), "" if none */
    char detail[FL_ERROR_DETAIL_SIZE];    /* what is wrong, without the place */
    /* "source:line:col: path: detail", "source: path: detail" when no place is known */
    char message[FL_ERROR_MESSAGE_SIZE];
} fl_error;

/* ------------------------------------------------------------------ allocator */

/* Every allocation of the core's own goes through one of these. Two do not: cJSON's parse
 * tree while a lexicon's JSON is read (cJSON allocates with malloc, and the tree is freed
 * before the load returns) and the worker threads' stacks (pthreads). Pass NULL anywhere an
 * allocator is accepted to use malloc/realloc/free. The allocator must stay valid while any
 * object made with it lives; it is called from whichever thread uses that object. */
typedef struct fl_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} fl_allocator;

/* ------------------------------------------------------------------ values */

/* Free-form data a lexicon keeps for its user without using it for matching (the keys
 * source, note and meta of the lexicon, of its categories, terms, contrasts and actors): a
 * read-only JSON-like tree. Values belong to the lexicon they come from and live as long as
 * it; like it, they may be read from any number of threads. Every function accepts NULL and
 * then answers as for an empty value. Strings are UTF-8 and not NUL-terminated. */
typedef enum fl_value_kind {
    FL_VALUE_NULL = 0,
    FL_VALUE_FALSE = 1,
    FL_VALUE_TRUE = 2,
    FL_VALUE_NUMBER = 3,
    FL_VALUE_STRING = 4,
    FL_VALUE_ARRAY = 5,
    FL_VALUE_OBJECT = 6
} fl_value_kind;

/* The kind of v (FL_VALUE_NULL for NULL). */
FL_API fl_value_kind fl_value_kind_of(const fl_value *v);
/* A number's value (possibly infinite when its literal is out of range); NaN otherwise. */
FL_API double fl_value_number(const fl_value *v);
/* A string's text, or a number's literal as written ("1e3", "12345678901234567890"), so no
 * digit is lost; NULL (and *len 0) for other kinds. */
FL_API const char *fl_value_text(const fl_value *v, size_t *len);
/* Items of an array or members of an object (in order); 0 for other kinds. */
FL_API size_t fl_value_count(const fl_value *v);
/* Item i of an array or the value of member i of an object; NULL when out of range. */
FL_API const fl_value *fl_value_item(const fl_value *v, size_t i);
/* The name of member i of an object; NULL when v is no object or i is out of range. */
FL_API const char *fl_value_key(const fl_value *v, size_t i, size_t *len);
/* The member of an object named key[0..len), or NULL. */
FL_API const fl_value *fl_value_find(const fl_value *v, const char *key, size_t len);

/* ------------------------------------------------------------------ lexicon builder */

/*
 * A lexicon is built, then compiled, then shared (see docs/lexicons.md for the format):
 *
 *     fl_builder *b;  fl_builder_new("mine", NULL, &b);
 *     fl_str cat = {"toponym", 7};
 *     fl_term_spec t = {0};  t.term = (fl_str){"Kiev", 4};  t.categories = &cat;
 *     t.n_categories = 1;  t.weight = 1.0;
 *     fl_builder_add_term(b, &t, &err);  ...
 *     fl_builder_compile(b, &lex, &err);  fl_builder_free(b);
 *
 * A builder belongs to one thread at a time. Every string is copied; none need be
 * NUL-terminated. Names (of categories, terms and variants in references, contrasts,
 * options, actors) are hash-indexed, so building is linear in the size of the lexicon.
 *
 * Errors name the item that failed: err->path ("terms[3].variants[1]", counted in the order
 * of the add calls of each kind), err->item (that index) and, when the item was given a
 * place (a line and column in the file it came from), err->line and err->column. After a
 * failed call the builder can only be freed: later calls return FL_ERR_ARG.
 */

/* A string: ptr[0..len). A NULL ptr means "not given" where a string is optional. */
typedef struct fl_str {
    const char *ptr;
    size_t len;
} fl_str;

/* Where an item stands in the file it was read from, for messages: 1-based line and column
 * (in code points). 0 means not known (column 0 with a line: the line only). */
typedef struct fl_place {
    uint32_t line;
    uint32_t column;
} fl_place;

/* What to do when a spelling repeats one already in the lexicon after folding (the same
 * token sequence, compared as the matcher compares text; a case-sensitive and a folded
 * spelling never repeat each other). */
typedef enum fl_duplicates {
    /* An error naming both places (line:column in a file, else both item indices). */
    FL_DUPLICATES_ERROR = 0,
    /* The later one is dropped: a term whose own "term" repeats an earlier spelling is
     * dropped with its variants; a variant that repeats one is dropped alone. Counted in
     * fl_lexicon_duplicates(). */
    FL_DUPLICATES_FIRST = 1,
    /* A term whose "term" repeats an earlier spelling joins the term that spelling belongs
     * to: its categories are added to that term's (after them) and its other spellings
     * become that term's variants. The first term's weight, case sensitivity and free-form
     * data stay; the later term's weight and data are dropped (a differing weight is not an
     * error). A repeated variant is dropped as under FL_DUPLICATES_FIRST. */
    FL_DUPLICATES_MERGE = 2
} fl_duplicates;

/* Creates an empty builder. source: a name for messages (a file name), or NULL for
 * "<lexicon>"; copied. alloc: NULL for the C library allocator; it is used by the compiled
 * lexicon too. Errors: FL_ERR_NOMEM, FL_ERR_ARG (out is NULL). */
FL_API fl_status fl_builder_new(const char *source, const fl_allocator *alloc, fl_builder **out);

/* Frees a builder (compiled or not). NULL is a no-op. */
FL_API void fl_builder_free(fl_builder *b);

/* Sets the duplicate policy for the spellings added after the call (default
 * FL_DUPLICATES_ERROR). Errors: FL_ERR_ARG for an unknown policy. */
FL_API fl_status fl_builder_set_duplicates(fl_builder *b, fl_duplicates policy);

/* A hint for a caller that knows the size: room for about n_terms more terms (and as many
 * spellings), so that the vectors do not grow step by step. Optional.
 * Errors: FL_ERR_NOMEM (nothing changed: the builder stays usable), FL_ERR_ARG. */
FL_API fl_status fl_builder_reserve(fl_builder *b, size_t n_terms);

/* Sets the lexicon's "name", "version", "language" or "description" (key, NUL-terminated)
 * to value[0..len). Errors: FL_ERR_ARG (another key), FL_ERR_NOMEM. */
FL_API fl_status fl_builder_set_meta(fl_builder *b, const char *key, const char *value, size_t len,
                                     fl_error *err);

/* Sets the lexicon's free-form data from a JSON object with the keys "source" (a string or
 * an array of strings), "note" (a string) and "meta" (any object), each optional; another
 * key is an error with a suggestion. json/len: UTF-8 JSON text, checked as strictly as a
 * lexicon file. Errors: FL_ERR_SYNTAX, FL_ERR_SCHEMA, FL_ERR_NOMEM. */
FL_API fl_status fl_builder_set_extras(fl_builder *b, const char *json, size_t len, fl_error *err);

/* A category declared with its description. Once any category is declared, every category a
 * term names must be declared (before or after the term); without declarations, categories
 * come into being as terms name them. */
typedef struct fl_category_spec {
    fl_str name;        /* non-blank */
    fl_str description; /* optional */
    fl_str color;       /* optional, "#rrggbb" */
    fl_str extras;      /* optional JSON object: source, note, meta (fl_builder_set_extras) */
    fl_place place;     /* of the name, or {0, 0} */
} fl_category_spec;

/* Declares a category. Errors (FL_ERR_SCHEMA, path "categories.NAME"): a blank name, a name
 * declared before, a color that is not "#rrggbb", bad extras. */
FL_API fl_status fl_builder_add_category(fl_builder *b, const fl_category_spec *spec,
                                         fl_error *err);

/* A term: the spellings that count as one entry, in one or several categories. */
typedef struct fl_term_spec {
    /* the canonical spelling; a word token ending in '*' matches any token with that prefix */
    fl_str term;
    /* n_categories >= 1 names, no name twice; the first is the term's main category */
    const fl_str *categories;
    size_t n_categories;
    double weight;                /* finite; the file format's default is 1.0 */
    int case_sensitive;           /* nonzero: matched on the exact characters (NFC) */
    const fl_str *variants;       /* other spellings counted as the same term; may be NULL */
    size_t n_variants;
    fl_str extras;                /* optional JSON object: source, note, meta */
    fl_place place;               /* of the "term" text, or {0, 0} */
    const fl_place *category_places; /* NULL, or one per category */
    const fl_place *variant_places;  /* NULL, or one per variant */
} fl_term_spec;

/* Adds a term (item index: the number of terms added before). Duplicates are resolved by the
 * builder's policy at once. Errors: FL_ERR_SCHEMA (blank or wordless spelling, '*' not
 * ending a word, no or a repeated category, non-finite weight, a duplicate under
 * FL_DUPLICATES_ERROR), FL_ERR_LIMIT (FL_MAX_TERMS, FL_MAX_LEXICON_STRINGS,
 * FL_MAX_TERM_TOKENS), FL_ERR_NOMEM. */
FL_API fl_status fl_builder_add_term(fl_builder *b, const fl_term_spec *spec, fl_error *err);

/* Adds a phrase whose occurrences suppress any match overlapping them. Path "exclude[i]". */
FL_API fl_status fl_builder_add_exclusion(fl_builder *b, const char *phrase, size_t len,
                                          fl_place place, fl_error *err);

/* A contrast: competing names for one referent, each option counted by its references. */
typedef struct fl_contrast_spec {
    fl_str name;        /* non-blank, unique among contrasts */
    fl_str description; /* optional */
    fl_str extras;      /* optional JSON object: source, note, meta */
    fl_place place;
} fl_contrast_spec;

/* Starts a contrast; its options follow with fl_builder_add_option(). A contrast needs at
 * least two options (checked when the next contrast starts or at compile). */
FL_API fl_status fl_builder_add_contrast(fl_builder *b, const fl_contrast_spec *spec,
                                         fl_error *err);

/* Adds an option (non-blank, unique in its contrast) to the contrast added last; its
 * references follow. Errors: FL_ERR_ARG when no contrast was added. */
FL_API fl_status fl_builder_add_option(fl_builder *b, const char *name, size_t len, fl_place place,
                                       fl_error *err);

/* Adds a reference to the option added last. A reference names a term by its "term" text
 * (all of its spellings count) or one variant by its text (that spelling only); when a term
 * and one of its variants are referenced by different options of a contrast, the more
 * specific reference wins for that spelling. References are resolved at compile, so terms
 * may be added after them. A reference to a spelling dropped as a duplicate counts as a
 * reference to the spelling it repeats. Every option needs at least one reference. */
FL_API fl_status fl_builder_add_reference(fl_builder *b, const char *text, size_t len,
                                          fl_place place, fl_error *err);

/* An actor: who is spoken of or who speaks (Russia: Moscow, the Kremlin). Names and aliases
 * are non-blank, hold a word, and none repeats another actor's after folding. The compiled
 * lexicon finds them in text (fl_result_actor_mentions()), names the actor each match is
 * said of (fl_match.target) and the actor each speaker names
 * (fl_attribution.speaker_actor). */
typedef struct fl_actor_spec {
    fl_str name;
    const fl_str *aliases;
    size_t n_aliases;
    fl_str extras;      /* optional JSON object: source, note, meta */
    fl_place place;
    const fl_place *alias_places; /* NULL, or one per alias */
} fl_actor_spec;

FL_API fl_status fl_builder_add_actor(fl_builder *b, const fl_actor_spec *spec, fl_error *err);

/* Reads a lexicon in the JSON format (docs/lexicons.md) into the builder: one parse and one
 * pass that checks the text strictly (RFC 8259, UTF-8, no "\u0000", no key twice, at most 512
 * levels, no unknown key) and adds its parts. Places in messages are line:column of the
 * text. json/len: UTF-8, need not be NUL-terminated, not kept. May be called on a builder
 * that already holds items (they come first). Errors: FL_ERR_SYNTAX (line and column set),
 * FL_ERR_SCHEMA (path, line and column set), FL_ERR_LIMIT, FL_ERR_NOMEM, FL_ERR_ARG. */
FL_API fl_status fl_builder_load_json(fl_builder *b, const char *json, size_t len, fl_error *err);

/* Checks what needs the whole lexicon (at least one term; declared categories; references;
 * every contrast has two options with references) and compiles it. On FL_OK *out receives
 * the lexicon (free it with fl_lexicon_free; the builder may be freed at once) and the
 * builder is spent; on failure *out is NULL. */
FL_API fl_status fl_builder_compile(fl_builder *b, fl_lexicon **out, fl_error *err);

/* ------------------------------------------------------------------ lexicon */

/* Builds a lexicon from JSON: fl_builder_new, fl_builder_load_json and fl_builder_compile
 * with FL_DUPLICATES_ERROR. json/len: the UTF-8 JSON text (at most FL_MAX_LEXICON_BYTES);
 * it need not be NUL-terminated and is not kept. source: a name for messages (a file name),
 * or NULL for "<lexicon>"; copied. alloc: NULL for the C library allocator. out: receives
 * the lexicon on FL_OK (free with fl_lexicon_free), NULL otherwise. Errors: those of
 * fl_builder_load_json and fl_builder_compile. */
FL_API fl_status fl_lexicon_load_json(const char *json, size_t len, const char *source,
                                      const fl_allocator *alloc, fl_lexicon **out, fl_error *err);

/* Frees a lexicon. NULL is a no-op. No fl_result may be in use with it. */
FL_API void fl_lexicon_free(fl_lexicon *lex);

/* A term as the lexicon defines it. Strings point into the lexicon and live as long as it;
 * they are UTF-8 and not NUL-terminated (use the lengths). */
typedef struct fl_term_info {
    const char *term;       /* the canonical spelling, as written in "term" */
    size_t term_len;
    uint32_t category;      /* its main (first) category, for fl_lexicon_category() */
    uint32_t n_categories;  /* all of its categories: fl_lexicon_term_category() */
    double weight;
    int case_sensitive;     /* 1 or 0 */
    uint32_t n_variants;    /* spellings under "variants" */
    const fl_value *extras; /* its source/note/meta as an object, or NULL */
} fl_term_info;

/* Counts of the lexicon's parts. */
FL_API size_t fl_lexicon_term_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_category_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_exclusion_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_contrast_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_actor_count(const fl_lexicon *lex);

/* Term i (0-based, in the order added; dropped and merged duplicates leave no gap).
 * FL_ERR_ARG when i is out of range. */
FL_API fl_status fl_lexicon_term(const fl_lexicon *lex, size_t i, fl_term_info *out);

/* Variant v of term i, as written. The spelling number of a match (fl_match.spelling) is
 * 0 for the term's own text and v + 1 for variant v. FL_ERR_ARG when out of range. */
FL_API fl_status fl_lexicon_variant(const fl_lexicon *lex, size_t i, size_t v, const char **str,
                                    size_t *len);

/* Category k of term i (k < n_categories; k = 0 is its main category) into *category.
 * FL_ERR_ARG when out of range. */
FL_API fl_status fl_lexicon_term_category(const fl_lexicon *lex, size_t i, size_t k,
                                          uint32_t *category);

/* Category i: the declared categories first (in the order declared), then those only named
 * by terms, in order of first use. Returns the name (not NUL-terminated) and sets *len, or
 * returns NULL when i is out of range. */
FL_API const char *fl_lexicon_category(const fl_lexicon *lex, size_t i, size_t *len);

/* What a category was declared with. Absent strings are NULL with length 0. */
typedef struct fl_category_info {
    const char *name;
    size_t name_len;
    const char *description;
    size_t description_len;
    const char *color;
    size_t color_len;
    const fl_value *extras; /* source/note/meta, or NULL */
    int declared;           /* 1: declared, 0: only named by terms */
} fl_category_info;

FL_API fl_status fl_lexicon_category_info(const fl_lexicon *lex, size_t i, fl_category_info *out);

/* A contrast set: competing names for one referent. */
typedef struct fl_contrast_info {
    const char *name;
    size_t name_len;
    uint32_t n_options;
    const char *description; /* NULL when none */
    size_t description_len;
    const fl_value *extras;  /* source/note/meta, or NULL */
} fl_contrast_info;

FL_API fl_status fl_lexicon_contrast(const fl_lexicon *lex, size_t c, fl_contrast_info *out);

/* A resolved reference of a contrast option: all spellings of a term, or one. */
#define FL_ALL_SPELLINGS UINT32_MAX
typedef struct fl_reference {
    uint32_t term;
    uint32_t spelling; /* FL_ALL_SPELLINGS, or v + 1 for the term's variant v */
} fl_reference;

/* Option o of contrast c: its name and its references (as written, resolved; the array
 * points into the lexicon). A match of term t in spelling s counts for the option that
 * references (t, s) in that contrast, else for the one that references (t, all), else for
 * none. */
FL_API fl_status fl_lexicon_contrast_option(const fl_lexicon *lex, size_t c, size_t o,
                                            const char **name, size_t *name_len,
                                            const fl_reference **refs, size_t *n_refs);

/* Exclusion phrase i, as written. FL_ERR_ARG when out of range. */
FL_API fl_status fl_lexicon_exclusion(const fl_lexicon *lex, size_t i, const char **str,
                                      size_t *len);

/* Actor i: its name, its number of aliases and its source/note/meta (NULL when none). */
typedef struct fl_actor_info {
    const char *name;
    size_t name_len;
    uint32_t n_aliases;
    const fl_value *extras;
} fl_actor_info;

FL_API fl_status fl_lexicon_actor(const fl_lexicon *lex, size_t i, fl_actor_info *out);
FL_API fl_status fl_lexicon_actor_alias(const fl_lexicon *lex, size_t i, size_t k, const char **str,
                                        size_t *len);

/* Top-level string field "name", "version", "language" or "description", or NULL when the
 * lexicon has none (or the key is another). Sets *len. */
FL_API const char *fl_lexicon_meta(const fl_lexicon *lex, const char *key, size_t *len);

/* The lexicon's own source/note/meta as an object, or NULL. */
FL_API const fl_value *fl_lexicon_extras(const fl_lexicon *lex);

/* What the duplicate policy did while the lexicon was built. */
typedef struct fl_duplicate_counts {
    size_t terms_dropped;    /* FL_DUPLICATES_FIRST: later terms dropped */
    size_t terms_merged;     /* FL_DUPLICATES_MERGE: later terms joined to an earlier one */
    size_t variants_dropped; /* variants that repeated a spelling (FIRST and MERGE) */
} fl_duplicate_counts;

FL_API void fl_lexicon_duplicates(const fl_lexicon *lex, fl_duplicate_counts *out);

/* ------------------------------------------------------------------ text folding */

/* Folds one piece of text the way terms and tokens are compared: Unicode case folding,
 * diacritics removed from Latin and Greek letters (after canonical decomposition),
 * Cyrillic letters kept as they are except that yo becomes ye, apostrophe variants become
 * U+0027, hyphen and dash variants (- U+2010 U+2011 U+2012 U+2013) become U+002D,
 * default-ignorable characters (soft hyphen, joiners, variation selectors) dropped. Invalid UTF-8
 * bytes become U+FFFD. Writes at most cap bytes to out (out may be NULL when cap is 0) and sets
 * *needed to the full size of the folded text, so a caller may call again with a larger buffer.
 * Thread-safe. */
FL_API fl_status fl_fold(const char *text, size_t len, char *out, size_t cap, size_t *needed,
                         const fl_allocator *alloc);

/* ------------------------------------------------------------------ analysis */

/* Where a match stands: the outlet's own words, inside a quotation, or in reported speech. */
typedef enum fl_voice {
    FL_VOICE_AUTHOR = 0,
    FL_VOICE_QUOTED = 1,
    FL_VOICE_ATTRIBUTED = 2
} fl_voice;

/* Kinds of token. Only FL_TOKEN_WORD tokens count in fl_sentence.n_tokens. */
typedef enum fl_token_kind {
    FL_TOKEN_WORD = 0,    /* holds a letter or a digit */
    FL_TOKEN_CLITIC = 1,  /* a possessive 's split off its word */
    FL_TOKEN_HYPHEN = 2,  /* a hyphen or dash between two non-space characters */
    FL_TOKEN_PUNCT = 3    /* any other character: punctuation, quotes, symbols */
} fl_token_kind;

/* Offsets are byte offsets into the analysed text, and code point offsets (cp_*) counting
 * each maximal valid UTF-8 sequence as one code point and each invalid byte as one
 * (U+FFFD). Ends are exclusive. They are 32-bit (a text has at most FL_MAX_TEXT_BYTES
 * bytes), so that a token record is 24 bytes: the analysis writes and reads one per token
 * (they were size_t, and the record 40 bytes, until issue 11). */
typedef struct fl_token {
    uint32_t start, end;
    uint32_t cp_start, cp_end;
    uint32_t sentence;   /* index of the sentence holding it */
    uint8_t kind;        /* fl_token_kind */
    uint8_t space_before; /* whitespace precedes it (1), or not (0) */
    uint8_t newlines_before; /* line breaks in that whitespace, capped at 255 */
    uint8_t reserved;
} fl_token;

typedef struct fl_sentence {
    size_t start, end;        /* byte offsets: first token start, last token end */
    size_t cp_start, cp_end;  /* the same in code points */
    uint32_t first_token, n_tokens_all; /* its tokens, all kinds */
    uint32_t n_tokens;        /* word tokens, the denominator of rates */
    uint32_t first_match, n_matches; /* its matches in fl_result_matches() */
    uint32_t first_marker, n_markers; /* its distancing markers in fl_result_markers() */
    double score;             /* sum of its matches' weights */
} fl_sentence;

typedef struct fl_match {
    size_t start, end;        /* byte offsets of the matched text */
    size_t cp_start, cp_end;  /* the same in code points */
    uint32_t term;            /* index for fl_lexicon_term() */
    uint32_t sentence;        /* index of its sentence */
    uint32_t first_token, n_tokens; /* the matched tokens */
    uint8_t voice;            /* fl_voice */
    uint8_t negated;          /* 1: a negation or denial cue stands before it in its clause */
    uint8_t reserved[2];
    /* which spelling matched: 0 the term's own text, v + 1 its variant v (for contrasts, which may
     * count one spelling) */
    uint32_t spelling;
    /* a quoted or attributed match: the attribution whose content holds it (the innermost), index
     * into fl_result_attributions(); FL_NO_ATTRIBUTION for author matches and quotations nobody is
     * said to speak */
    uint32_t attribution;
    /* the actor it is said of (docs/attributions.md has the rule), index for fl_lexicon_actor();
     * FL_NO_ACTOR when none */
    uint32_t target;
} fl_match;

#define FL_NO_ATTRIBUTION UINT32_MAX
#define FL_NO_ACTOR UINT32_MAX

/* Kinds of distancing marker: a word by which the writer keeps a name at arm's length, or
 * quotation marks around one to three words that nobody in the sentence is said to speak. */
typedef enum fl_marker_kind {
    FL_MARKER_WORD = 0, /* so-called, alleged(ly), self-proclaimed, self-styled, purported */
    FL_MARKER_SCARE_QUOTES = 1 /* "puppets": the span includes the quotation marks */
} fl_marker_kind;

typedef struct fl_marker {
    size_t start, end;
    size_t cp_start, cp_end;
    uint32_t sentence;
    uint8_t kind; /* fl_marker_kind */
    uint8_t reserved[3];
} fl_marker;

/* Results of one analysis, and the scratch memory it needs. Reuse one per thread to avoid
 * allocating per document; never share one between threads at the same time. */
typedef struct fl_result fl_result;

/* Creates an empty result. alloc: NULL for the C library allocator. */
FL_API fl_status fl_result_new(const fl_allocator *alloc, fl_result **out);

/* Frees a result. NULL is a no-op. */
FL_API void fl_result_free(fl_result *res);

/* Which attributions an analysis lists (fl_result_attributions(), a batch's attr_* columns). */
typedef enum fl_attributions {
    FL_ATTRIBUTIONS_ALL = 0, /* every attribution found (the default) */
    /* Only those a match links to (fl_match.attribution, renumbered). The voice stage then
     * reads for attributions only the sentences that can decide a match's voice, link or
     * scare quotes: those with a match, a short quotation, a quotation that reaches into
     * another sentence, a colon or a dash, and those of a speaker's paragraph ("FALLIN:
     * ..."). Matches (voice, negation, link, target), markers, scores and actor mentions are
     * those of FL_ATTRIBUTIONS_ALL; on news most sentences hold no match, and the analysis
     * (fl_analyze) takes about a third less time with 100 to 10,000 terms, little less with
     * 100,000 (benchmarks/README.md, the C stages). */
    FL_ATTRIBUTIONS_MATCHED = 1
} fl_attributions;

/* Sets which attributions the next analyses on res list (FL_ATTRIBUTIONS_ALL until set). */
FL_API void fl_result_keep_attributions(fl_result *res, fl_attributions which);

/* Analyses one text: tokenise, segment, match, mark voice and negation, find distancing
 * markers, score. With lex NULL it only tokenises and segments.
 * text/len: UTF-8 (invalid bytes are read as U+FFFD); not kept. len may be 0.
 * res: overwritten with the new results; on failure it holds no results but stays usable.
 * Thread-safe for one lexicon shared by many threads, each with its own res.
 * Errors: FL_ERR_NOMEM, FL_ERR_LIMIT (len > FL_MAX_TEXT_BYTES), FL_ERR_ARG. */
FL_API fl_status fl_analyze(const fl_lexicon *lex, const char *text, size_t len, fl_result *res,
                            fl_error *err);

/* The arrays of the last analysis, valid until the next fl_analyze() or fl_result_free()
 * on res. Each sets *n (which may be 0) and returns NULL only when *n is 0. */
FL_API const fl_token *fl_result_tokens(const fl_result *res, size_t *n);
FL_API const fl_sentence *fl_result_sentences(const fl_result *res, size_t *n);
FL_API const fl_match *fl_result_matches(const fl_result *res, size_t *n);
/* Distancing markers (found only when a lexicon is given), in text order. */
FL_API const fl_marker *fl_result_markers(const fl_result *res, size_t *n);

/* A piece of the analysed text: byte offsets and code point offsets (ends exclusive); an
 * empty span (start == end) is absent. */
typedef struct fl_text_span {
    size_t start, end;
    size_t cp_start, cp_end;
} fl_text_span;

/* What an attribution reports (PolNeAR's phenomena, docs/voice.md). */
typedef enum fl_attribution_kind {
    FL_ATTRIBUTION_STATEMENT = 0, /* said, told, claims, according to, a headline's "X: ..." */
    FL_ATTRIBUTION_BELIEF = 1, /* believes, knows, fears */
    FL_ATTRIBUTION_INTENTION = 2, /* wants, plans, refuses */
    FL_ATTRIBUTION_STANCE = 3, /* supports, opposes, criticizes */
    FL_ATTRIBUTION_EVIDENCE = 4, /* a report shows, a poll found */
    FL_ATTRIBUTION_PERCEIVED = 5 /* source-less: "X seemed to ...", "X is expected to ..." */
} fl_attribution_kind;

/* One attribution (found only when a lexicon is given): who (speaker) says, believes or
 * wants what (content), by which cue. Every attribution the voice stage finds is listed,
 * whether or not a term of the lexicon stands in it (docs/voice.md has the rules), unless
 * the result keeps only those a match links to (FL_ATTRIBUTIONS_MATCHED). */
typedef struct fl_attribution {
    uint32_t sentence; /* the sentence of its cue */
    uint8_t kind; /* fl_attribution_kind */
    /* FL_VOICE_QUOTED when its content opens with a quotation, else FL_VOICE_ATTRIBUTED */
    uint8_t voice;
    /* 1: it stands inside the content of another attribution (PolNeAR annotates only the outermost)
     */
    uint8_t nested;
    uint8_t reserved;
    /* the lexicon actor its speaker names (the first actor mention in the speaker), index for
     * fl_lexicon_actor(); FL_NO_ACTOR */
    uint32_t speaker_actor;
    fl_text_span speaker; /* empty when nobody is named ("is expected to", "reportedly") */
    /* the reporting verb or phrase ("has said", "according to"; a headline's colon or dash) */
    fl_text_span cue;
    /* what is reported; with content2 when it comes in two pieces ("The plan, he said, will fail")
     * or a passive's subject before its complement ("The bill is expected to pass"); a
     * passive without a complement has its subject here */
    fl_text_span content;
    fl_text_span content2;
    /* the cue word's lemma ("claims" -> "claim"): a static string, valid for the life of the
     * program (NUL-terminated, length cue_lemma_len); "" when punctuation is the cue */
    const char *cue_lemma;
    size_t cue_lemma_len;
} fl_attribution;

/* The attributions of the last analysis, in the order found (sentence by sentence). Sets *n;
 * NULL only when *n is 0. Valid until the next fl_analyze() or fl_result_free(). */
FL_API const fl_attribution *fl_result_attributions(const fl_result *res, size_t *n);

/* A mention of a lexicon actor in the text: one of its names or aliases (folded as terms are,
 * except that an alias word written with a capital matches only a capitalised word: "the US"
 * is not "the us"). Mentions never overlap (leftmost-longest) and are no matches: they count
 * in no statistic. */
typedef struct fl_actor_mention {
    size_t start, end;
    size_t cp_start, cp_end;
    uint32_t actor; /* index for fl_lexicon_actor() */
    uint32_t sentence;
    uint32_t first_token, n_tokens;
} fl_actor_mention;

/* The actor mentions of the last analysis, in text order (found only when a lexicon with
 * actors is given). Sets *n; NULL only when *n is 0. */
FL_API const fl_actor_mention *fl_result_actor_mentions(const fl_result *res, size_t *n);

/* ------------------------------------------------------------------ corpus */

/* The results of many documents as columns (one array per field), in document order.
 * Offsets are code point offsets into each document (cp) and byte offsets (surface_*). */
typedef struct fl_batch fl_batch;

typedef struct fl_batch_columns {
    size_t n_docs;
    const uint64_t *doc_tokens; /* word tokens per document */
    const uint32_t *doc_sentences; /* sentences per document */
    const uint32_t *doc_matches; /* matches per document */

    size_t n_sentences;
    const uint32_t *sent_doc; /* document index */
    const uint32_t *sent_index; /* sentence index within its document */
    const int64_t *sent_start, *sent_end; /* code point offsets */
    const uint32_t *sent_tokens, *sent_matches, *sent_markers;
    const double *sent_score;

    size_t n_matches;
    const uint32_t *match_doc, *match_sentence, *match_term, *match_spelling;
    const int64_t *match_start, *match_end; /* code point offsets */
    const uint8_t *match_voice, *match_negated;
    const int64_t *surface_offsets; /* n_matches + 1 offsets into surface_data */
    const char *surface_data; /* the matched texts, UTF-8, concatenated */

    /* Who says what (fl_match.attribution, .target; fl_result_attributions()). */
    const uint32_t *doc_attributions; /* attributions per document */
    /* per match: index among its document's attributions, or FL_NO_ATTRIBUTION */
    const uint32_t *match_attribution;
    const uint32_t *match_target; /* per match: actor, or FL_NO_ACTOR */
    size_t n_attributions;
    const uint32_t *attr_doc, *attr_sentence;
    const uint8_t *attr_kind, *attr_voice, *attr_nested;
    const uint32_t *attr_speaker_actor; /* actor, or FL_NO_ACTOR */
    const int64_t *attr_speaker_start, *attr_speaker_end; /* code point offsets (equal when */
    const int64_t *attr_cue_start, *attr_cue_end; /* a part is absent)              */
    const int64_t *attr_content_start, *attr_content_end;
    const int64_t *attr_content2_start, *attr_content2_end;
    /* 4 * n_attributions + 1 offsets into attr_text_data: attribution i's speaker, cue, cue lemma
     * and content are the strings 4i, 4i + 1, 4i + 2 and 4i + 3 */
    const int64_t *attr_text_offsets;
    const char *attr_text_data; /* UTF-8, concatenated */

    /* The sentences' texts, when the batch keeps them (fl_batch_keep_sentence_texts), else
     * NULL: n_sentences + 1 offsets into sent_text_data (UTF-8, concatenated); a sentence
     * whose text is not kept has an empty one. */
    const int64_t *sent_text_offsets;
    const char *sent_text_data;

    /* The documents' MinHash signatures, when the batch was signed (fl_batch_sign,
     * fl_pool_sign): num_hashes values a document (document d's from d * num_hashes) and
     * each document's distinct shingles, as fl_dedupe_signature gives them. num_hashes is 0
     * and both are NULL otherwise. */
    uint32_t num_hashes;
    const uint32_t *doc_signatures;
    const uint64_t *doc_shingles;
} fl_batch_columns;

/* Which sentences' texts a batch keeps beside its columns. */
typedef enum fl_sentence_texts {
    FL_SENTENCE_TEXTS_NONE = 0, /* none (the default) */
    FL_SENTENCE_TEXTS_MATCHED = 1, /* those holding a match */
    FL_SENTENCE_TEXTS_ALL = 2
} fl_sentence_texts;

/* Creates an empty batch. alloc: NULL for the C library allocator; it is called from the
 * worker threads too, so it must be thread-safe. */
FL_API fl_status fl_batch_new(const fl_allocator *alloc, fl_batch **out);
FL_API void fl_batch_free(fl_batch *batch);
/* Sets which sentences' texts the next fl_analyze_batch calls keep (copied on the worker
 * threads, so the caller need not slice the texts itself). */
FL_API void fl_batch_keep_sentence_texts(fl_batch *batch, fl_sentence_texts which);
/* Sets which attributions the next fl_analyze_batch calls list (FL_ATTRIBUTIONS_ALL until set). */
FL_API void fl_batch_keep_attributions(fl_batch *batch, fl_attributions which);

/* Analyses n documents (texts[i] of lens[i] bytes) against lex on `threads` worker threads
 * (0 or 1: the calling thread only). Documents are cut into contiguous chunks of about the
 * same size, which the threads take in turn, and the chunks' results are joined in order, so
 * the results are in document order whatever the thread count and equal to n calls of
 * fl_analyze(). Replaces the batch's previous results; on
 * failure the batch is empty but usable. The texts must stay unchanged during the call.
 * threads: at most FL_MAX_THREADS (a larger count is taken as that).
 * Errors: those of fl_analyze, of the first failing document in document order: err->item
 * is its index and the message starts "texts[<index>]: ". */
FL_API fl_status fl_analyze_batch(const fl_lexicon *lex, const char *const *texts,
                                  const size_t *lens, size_t n, unsigned threads, fl_batch *batch,
                                  fl_error *err);

/* How the code units of a text are held (fl_texts): UTF-8 bytes, as every other call takes
 * them, or the fixed-width storage of a host language's strings (CPython keeps a str as
 * Latin-1, UCS-2 or UCS-4). A text of fixed-width units is transcoded to UTF-8 by the thread
 * that analyses it, into its result's memory, reused from text to text: the caller need not
 * make a UTF-8 copy of a whole batch first (on one thread, 16 MB of news made so was 4,000
 * freshly touched pages, a page fault each, and its encoding ran before any analysis). Every
 * offset a batch gives is one of the UTF-8 and of its code points, as for a UTF-8 text. */
typedef enum fl_units {
    FL_UNITS_UTF8 = 0, /* bytes of UTF-8 */
    FL_UNITS_LATIN1 = 1, /* a byte a code point, U+0000 to U+00FF */
    FL_UNITS_UCS2 = 2, /* a uint16_t a code point, of the BMP; a surrogate is FL_ERR_TEXT */
    FL_UNITS_UCS4 = 4 /* a uint32_t a code point; a surrogate or one past U+10FFFF: FL_ERR_TEXT */
} fl_units;

/* The texts of a batch: text i is lens[i] code units of the form units[i] (an fl_units) at
 * texts[i], aligned for its unit; units NULL: every text is UTF-8. */
typedef struct fl_texts {
    const void *const *texts;
    const size_t *lens;
    const uint8_t *units;
} fl_texts;

/* fl_analyze_batch of texts held in any fl_units form: the same results as for their UTF-8.
 * Errors: those of fl_analyze_batch, and FL_ERR_TEXT for a text with a lone surrogate (err->item
 * its index, err->offset the code unit's) or a unit form that is none of fl_units. */
FL_API fl_status fl_analyze_batch_texts(const fl_lexicon *lex, const fl_texts *texts, size_t n,
                                        unsigned threads, fl_batch *batch, fl_error *err);

/* The most bytes the UTF-8 of n code units of form `units` takes; SIZE_MAX when that does not
 * fit a size_t or the form is none of fl_units. */
FL_API size_t fl_utf8_bound(fl_units units, size_t n);
/* Writes the UTF-8 of the n code units at data to out (room for fl_utf8_bound(units, n) bytes)
 * and sets *out_len; the bytes of out past *out_len, up to that bound, may be written over too
 * (whole blocks are stored). FL_ERR_TEXT at a lone surrogate or a code point past U+10FFFF
 * (*bad: its unit index; out then holds nothing of use), FL_ERR_ARG for an unknown form or NULL
 * pointers. Thread-safe. */
FL_API fl_status fl_utf8_from_units(fl_units units, const void *data, size_t n, char *out,
                                    size_t *out_len, size_t *bad);

/* Views of the batch's columns, valid until the batch is analysed again or freed. For a batch
 * collected in parts (fl_pool_collect_parts), those of its first part. */
FL_API void fl_batch_columns_get(const fl_batch *batch, fl_batch_columns *out);
/* How many parts the batch's results are in: 1, except after fl_pool_collect_parts. */
FL_API size_t fl_batch_parts(const fl_batch *batch);
/* Views of part `part`'s columns, laid out as fl_batch_columns_get's (offsets count from 0
 * within the part; document indices are the batch's); the parts in order are the batch's
 * rows in order. Empty columns for a part that does not exist. */
FL_API void fl_batch_part_columns(const fl_batch *batch, size_t part, fl_batch_columns *out);

/* A pool of worker threads kept for its lifetime, fed batches without waiting: a caller
 * that prepares documents on its own thread (Python, reading records) submits batch after
 * batch and collects each one's columns later, while the workers analyse. Each batch is cut
 * into chunks of about 128 KB, taken by the workers in submission order, so the oldest batch
 * finishes first and the last one is shared by all workers. Results are those of
 * fl_analyze_batch (document order, whatever the thread count). */
typedef struct fl_pool fl_pool;

/* Starts `threads` worker threads (0: 1; at most FL_MAX_THREADS) analysing against lex
 * (NULL: segmentation only, as fl_analyze), which must outlive the pool; sentence_texts as
 * fl_batch_keep_sentence_texts. alloc: NULL for the C library allocator; it is called from the
 * worker threads, so it must be thread-safe. Threads that cannot be started are no error
 * (fl_pool_threads says how many run; with none, fl_pool_collect analyses on the calling thread).
 */
FL_API fl_status fl_pool_new(const fl_allocator *alloc, const fl_lexicon *lex, unsigned threads,
                             fl_sentence_texts sentence_texts, fl_pool **out);
/* The worker threads running. */
FL_API unsigned fl_pool_threads(const fl_pool *pool);
/* From now on the thread that collects a batch analyses queued chunks (in the workers'
 * order, with a result of its own) while that batch is unfinished, instead of sleeping: a
 * caller that would wait for its results works for them, so threads - 1 workers and a
 * collecting caller keep `threads` cores busy without a thread more than there are cores.
 * FL_ERR_NOMEM when its result cannot be made (the pool then works as before). Not to be
 * called beside fl_pool_collect. */
FL_API fl_status fl_pool_collector_helps(fl_pool *pool);
/* Sets which attributions the batches submitted after it list (FL_ATTRIBUTIONS_ALL until
 * set). Not to be called from two threads at once, nor beside fl_pool_submit. */
FL_API void fl_pool_keep_attributions(fl_pool *pool, fl_attributions which);
/* Queues n documents and returns at once with *ticket naming the batch. texts and lens (and
 * the texts) must stay valid and unchanged until the batch is collected or the pool freed. */
FL_API fl_status fl_pool_submit(fl_pool *pool, const char *const *texts, const size_t *lens,
                                size_t n, uint64_t *ticket, fl_error *err);
/* fl_pool_submit of texts held in any fl_units form (fl_analyze_batch_texts); the arrays and
 * the texts must stay valid and unchanged until the batch is collected or the pool freed. A
 * lone surrogate is the batch's error when it is collected, like any error of a text. */
FL_API fl_status fl_pool_submit_texts(fl_pool *pool, const fl_texts *texts, size_t n,
                                      uint64_t *ticket, fl_error *err);
/* Waits for a submitted batch and puts its columns into batch (replacing its results; the
 * pool's sentence_texts apply, not the batch's), or reports its error as fl_analyze_batch
 * does (the first failing document of the batch: err->item is its index in that batch's
 * texts). Either way the ticket is then used up. Not to be called from two threads at once. */
FL_API fl_status fl_pool_collect(fl_pool *pool, uint64_t ticket, fl_batch *batch, fl_error *err);
/* fl_pool_collect without the join: the batch's results stay in the parts the workers wrote
 * (contiguous runs of its documents, in order), read with fl_batch_parts and
 * fl_batch_part_columns. For a caller that copies the columns anyway (into its own arrays),
 * this saves a copy of every column. */
FL_API fl_status fl_pool_collect_parts(fl_pool *pool, uint64_t ticket, fl_batch *batch,
                                       fl_error *err);
/* Stops the workers (batches not yet analysed are dropped) and frees the pool. */
FL_API void fl_pool_free(fl_pool *pool);

/* ------------------------------------------------------------------ statistics */

/* The statistics of DESIGN.md section 5 for one group g against a reference r (the pooled
 * rest, or another group). y: the term's (or category's) count, n: word tokens. */

/* Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22)
 * with prior a_w = alpha0 * (y_g + y_r) / (n_g + n_r): sets *delta and its z-score *z
 * (NaN when undefined). */
FL_API void fl_stat_log_odds(double y_g, double n_g, double y_r, double n_r, double alpha0,
                             double *delta, double *z);

/* Dunning's (1993) log-likelihood G2 of the 2x2 table [[y_g, n_g - y_g], [y_r, n_r - y_r]];
 * cells with a zero count add nothing. NaN when the table is empty. */
FL_API double fl_stat_g2(double y_g, double n_g, double y_r, double n_r);

/* The p-value of G2 under chi-square with one degree of freedom: erfc(sqrt(G2 / 2)). */
FL_API double fl_stat_g2_p(double g2);

/* Wilson score interval of the proportion k/n at normal quantile z (1.959963984540054 for
 * 95%). NaN bounds when n is 0. */
FL_API void fl_stat_wilson(double k, double n, double z, double *lo, double *hi);

/* Benjamini-Hochberg adjusted p-values of p[0..n) into out (may alias p). NaN entries stay
 * NaN and do not count. FL_ERR_NOMEM if the sort buffer cannot be had. */
FL_API fl_status fl_stat_bh(const double *p, size_t n, double *out, const fl_allocator *alloc);

/* Every group against the pooled rest, for every column of a counts matrix:
 * y: n_groups x n_cols counts (row-major), n: word tokens per group. Writes n_groups x
 * n_cols entries to each output (any output may be NULL). The statistics are NaN where there
 * is nothing to compare: with one group, for a group with no tokens (or a rest with none),
 * and for a column whose count is 0 or the whole corpus (every token). */
FL_API void fl_compare_groups(const double *y, const double *n, size_t n_groups, size_t n_cols,
                              double alpha0, double *delta, double *z, double *g2, double *p);

/* ------------------------------------------------------------------ near-duplicate detection */

/*
 * Copies of one text (a wire story reprinted by several outlets, with a new headline, a few
 * words changed, the typography redone or the ending cut) are found in three steps:
 *
 * 1. fl_dedupe_signature(s): each document becomes a MinHash signature of its word shingles
 *    (runs of `shingle` consecutive words). Words are runs of letters and digits, folded as
 *    fl_fold() does (case, Latin and Greek diacritics, ligatures), so quotes, apostrophes,
 *    dashes, spacing and case do not matter. One pass over the text, one hash per shingle
 *    (one-permutation hashing with densification), so the cost is linear in the text.
 * 2. fl_dedupe_cluster(): documents whose signatures agree on a whole band of values become
 *    candidate pairs (locality-sensitive hashing); each candidate is checked against the
 *    thresholds with the full signatures.
 * 3. The pairs that pass join clusters (union-find); each cluster is named by its first
 *    document (the lowest index).
 *
 * docs/duplicates-and-switches.md gives the method, its sources and its limits.
 */

/* Words per shingle at most: longer shingles only make copies harder to find. */
#define FL_DEDUPE_MAX_SHINGLE 16
/* Signature lengths allowed (powers of two): 16 values estimate a Jaccard similarity to
 * +-0.12, 1024 to +-0.016; more only costs memory. */
#define FL_DEDUPE_MIN_HASHES 16
#define FL_DEDUPE_MAX_HASHES 1024
/* In a bucket of the banding, each document is compared with at most this many of the
 * documents before it: a bucket shared by thousands of documents (a common footer) then
 * costs a bounded number of comparisons per document, and real copies, which share many
 * bands, still meet in the small buckets of their own text. */
#define FL_DEDUPE_BUCKET_PEERS 16
/* The containment rule applies to a pair only when the shorter document has at least this
 * share of the longer one's shingles: below it the estimate from a signature is too noisy
 * (and a short text inside a long one is a quotation more often than a copy). */
#define FL_DEDUPE_MIN_LENGTH_RATIO 0.5

/* How signatures are made. Two signatures can be compared only when made with equal
 * parameters. */
typedef struct fl_dedupe_params {
    uint32_t shingle; /* words per shingle, 1..FL_DEDUPE_MAX_SHINGLE (default 5) */
    /* signature length: a power of two in [FL_DEDUPE_MIN_HASHES, FL_DEDUPE_MAX_HASHES] (default
     * 128) */
    uint32_t num_hashes;
    uint64_t seed; /* of every hash function (default 1): same seed, same signatures */
} fl_dedupe_params;

/* The defaults above. */
FL_API void fl_dedupe_params_default(fl_dedupe_params *params);

/* Scratch memory for making signatures, reused between documents. One per thread. */
typedef struct fl_dedupe_scratch fl_dedupe_scratch;

/* Creates scratch memory. alloc: NULL for the C library allocator. */
FL_API fl_status fl_dedupe_scratch_new(const fl_allocator *alloc, fl_dedupe_scratch **out);
/* Frees it. NULL is a no-op. */
FL_API void fl_dedupe_scratch_free(fl_dedupe_scratch *scratch);

/* The signature of one text.
 * text/len: UTF-8 (invalid bytes are read as U+FFFD); len may be 0.
 * sig: receives params->num_hashes values. n_shingles: receives the number of distinct
 * shingles (0 for a text without words, whose signature is all UINT32_MAX and matches
 * nothing); a text of fewer words than a shingle is one shingle.
 * Thread-safe: any number of threads may call it at once, each with its own scratch.
 * Errors: FL_ERR_ARG (invalid params, NULL pointers), FL_ERR_NOMEM. */
FL_API fl_status fl_dedupe_signature(const fl_dedupe_params *params, const char *text, size_t len,
                                     fl_dedupe_scratch *scratch, uint32_t *sig,
                                     uint64_t *n_shingles, fl_error *err);

/* Signatures of n texts on `threads` worker threads (0 or 1: the calling thread only),
 * equal to n calls of fl_dedupe_signature() whatever the thread count. sigs receives
 * n * num_hashes values (document i at i * num_hashes), n_shingles n values. The batch may
 * be one of many: signatures of a corpus can be made batch by batch as it streams.
 * alloc: NULL for the C library allocator; it is called from the worker threads too.
 * threads: at most FL_MAX_THREADS (a larger count is taken as that).
 * Errors: those of fl_dedupe_signature (err->item = the failing document's index, and the
 * message starts "texts[<index>]: ", as in fl_analyze_batch). */
FL_API fl_status fl_dedupe_signatures(const fl_dedupe_params *params, const char *const *texts,
                                      const size_t *lens, size_t n, unsigned threads,
                                      const fl_allocator *alloc, uint32_t *sigs,
                                      uint64_t *n_shingles, fl_error *err);

/* Signatures made beside the analysis, by the threads that analyse each text (which read
 * its UTF-8 anyway): every document that fl_analyze_batch(_texts) analyses into batch from
 * now on also gets the signature fl_dedupe_signature gives it with params, in the batch's
 * columns doc_signatures and doc_shingles (fl_batch_columns). params is copied; NULL stops
 * signing (the default). Errors: FL_ERR_ARG (batch NULL, invalid params: the setting is
 * then unchanged). */
FL_API fl_status fl_batch_sign(fl_batch *batch, const fl_dedupe_params *params, fl_error *err);
/* The same for the batches submitted to pool from now on (their collected columns). Not to
 * be called beside fl_pool_submit. */
FL_API fl_status fl_pool_sign(fl_pool *pool, const fl_dedupe_params *params, fl_error *err);

/* Estimated similarity of two documents from their signatures (num_hashes values each) and
 * shingle counts: *jaccard = |A and B| / |A or B| (the share of equal signature values),
 * *containment = |A and B| / min(|A|, |B|) (from the Jaccard estimate and the counts, at
 * most 1). Both NaN when either document has no shingles. Either output may be NULL. */
FL_API void fl_dedupe_similarity(const uint32_t *sig_a, uint64_t n_a, const uint32_t *sig_b,
                                 uint64_t n_b, uint32_t num_hashes, double *jaccard,
                                 double *containment);

/* When two documents count as copies. */
typedef struct fl_dedupe_options {
    /* Copies when the estimated Jaccard similarity of their shingle sets is at least this
     * (in (0, 1]; default 0.5) ... */
    double threshold;
    /* ... or when the shorter one is at least FL_DEDUPE_MIN_LENGTH_RATIO of the longer and
     * at least this share of its shingles is in the longer one (a reprint with its ending
     * cut). In (0, 1]; 0 turns the rule off (default 0.8). */
    double containment;
    /* Banding: `bands` bands of `rows` signature values each (bands * rows <= num_hashes).
     * 0 and 0 (default): rows as large as possible while a pair at the lowest similarity
     * that can pass still becomes a candidate with probability >= 0.99. */
    uint32_t bands;
    uint32_t rows;
} fl_dedupe_options;

/* The defaults above. */
FL_API void fl_dedupe_options_default(fl_dedupe_options *options);

/* The clusters of one call of fl_dedupe_cluster(). */
typedef struct fl_dedupe_clusters fl_dedupe_clusters;

typedef struct fl_dedupe_columns {
    size_t n_docs;
    /* per document: the first (lowest) index of its cluster; itself for a document without copies
     */
    const uint32_t *first;
    const uint32_t *size; /* per document: documents in its cluster (1: no copies) */
    /* per document: estimated similarity to its cluster's first document (1 for the first itself;
     * NaN alone) */
    const double *jaccard;
    const double *containment;
    size_t n_clusters; /* clusters of two or more documents */
    /* the pairs that joined clusters (n_docs - clusters in all, counting documents alone), a < b */
    size_t n_pairs;
    const uint32_t *pair_a, *pair_b;
    const double *pair_jaccard, *pair_containment;
    size_t n_candidates; /* candidate pairs compared (a measure of the work) */
    uint32_t bands, rows; /* the banding used */
} fl_dedupe_columns;

/* Clusters n documents by their signatures (sigs: n * num_hashes values, n_shingles: n
 * values, as fl_dedupe_signatures() makes them with the same num_hashes). Documents
 * without shingles stay alone. Deterministic: the same input gives the same output.
 * Time: linear in n for a fixed signature length (see FL_DEDUPE_BUCKET_PEERS).
 * options: NULL for the defaults. alloc: NULL for the C library allocator.
 * out: receives the clusters on FL_OK (free with fl_dedupe_clusters_free), NULL otherwise.
 * Thread-safe (no shared state). Errors: FL_ERR_ARG (invalid options or num_hashes),
 * FL_ERR_LIMIT (n >= UINT32_MAX), FL_ERR_NOMEM. */
FL_API fl_status fl_dedupe_cluster(const uint32_t *sigs, const uint64_t *n_shingles, size_t n,
                                   uint32_t num_hashes, const fl_dedupe_options *options,
                                   const fl_allocator *alloc, fl_dedupe_clusters **out,
                                   fl_error *err);

/* Frees clusters. NULL is a no-op. */
FL_API void fl_dedupe_clusters_free(fl_dedupe_clusters *clusters);

/* Views of the columns, valid until the clusters are freed. */
FL_API void fl_dedupe_clusters_get(const fl_dedupe_clusters *clusters, fl_dedupe_columns *out);

#ifdef __cplusplus
}
#endif

#endif /* FRAMELENS_H */
