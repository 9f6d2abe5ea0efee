/* framelens.h: the public C API of the framelens core (lexicons, analysis of UTF-8 text). */
/* SPDX-License-Identifier: MIT */

/*
 * Lifecycle: load (and compile) a lexicon once with fl_lexicon_load_json(); the compiled
 * lexicon is immutable, so any number of threads may call fl_analyze() on it at the same
 * time, each with its own fl_result. Every input is a (pointer, length) pair; nothing here
 * relies on NUL termination, and a NUL byte inside a text is an ordinary character.
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

#define FL_VERSION_MAJOR 0
#define FL_VERSION_MINOR 1
#define FL_VERSION_PATCH 0
#define FL_VERSION_STRING "0.1.0"

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
    FL_ERR_LIMIT = -5   /* an input exceeds one of the FL_MAX_* limits below */
} fl_status;

/* A constant English description of a status code ("out of memory"). Never NULL. */
FL_API const char *fl_status_str(fl_status status);

/* Library version as "MAJOR.MINOR.PATCH". */
FL_API const char *fl_version(void);

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

/* ------------------------------------------------------------------ errors */

#define FL_ERROR_DETAIL_SIZE 512
#define FL_ERROR_MESSAGE_SIZE 1024
#define FL_ERROR_PATH_SIZE 256

/* Filled by a failing call when the caller passes one; a successful call only sets code to
 * FL_OK. */
typedef struct fl_error {
    fl_status code;
    uint32_t line;      /* 1-based line in the lexicon JSON, 0 when not applicable */
    uint32_t column;    /* 1-based column, in code points, 0 when not applicable */
    size_t offset;      /* byte offset of the problem in the input, when known */
    char path[FL_ERROR_PATH_SIZE];       /* JSON path ("terms[3].weight"), "" if none */
    char detail[FL_ERROR_DETAIL_SIZE];    /* what is wrong, without the place */
    char message[FL_ERROR_MESSAGE_SIZE]; /* "source:line:col: detail" or "source: path: detail" */
} fl_error;

/* ------------------------------------------------------------------ allocator */

/* Every allocation of the core goes through one of these. Pass NULL anywhere an allocator
 * is accepted to use malloc/realloc/free. The allocator must stay valid while any object
 * made with it lives; it is called from whichever thread uses that object. */
typedef struct fl_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} fl_allocator;

/* ------------------------------------------------------------------ lexicon */

/* A compiled lexicon: immutable and safe to share between threads. */
typedef struct fl_lexicon fl_lexicon;

/* Parses, validates and compiles a lexicon from JSON (format: DESIGN.md section 2).
 * json/len: the UTF-8 JSON text; it need not be NUL-terminated and is not kept.
 * source: a name for messages (a file name), or NULL for "<lexicon>"; copied.
 * alloc: NULL for the C library allocator.
 * out: receives the lexicon on FL_OK (free with fl_lexicon_free), NULL otherwise.
 * Errors: FL_ERR_SYNTAX (line/column set), FL_ERR_SCHEMA (path set), FL_ERR_LIMIT,
 * FL_ERR_NOMEM, FL_ERR_ARG. */
FL_API fl_status fl_lexicon_load_json(const char *json, size_t len, const char *source,
                                      const fl_allocator *alloc, fl_lexicon **out,
                                      fl_error *err);

/* Frees a lexicon. NULL is a no-op. No fl_result may be in use with it. */
FL_API void fl_lexicon_free(fl_lexicon *lex);

/* A term as the lexicon defines it. Strings point into the lexicon and live as long as it;
 * they are UTF-8 and not NUL-terminated (use the lengths). */
typedef struct fl_term_info {
    const char *term;     /* the canonical spelling, as written in "term" */
    size_t term_len;
    uint32_t category;    /* index for fl_lexicon_category() */
    double weight;
    int case_sensitive;   /* 1 or 0 */
    uint32_t n_variants;  /* spellings under "variants" */
} fl_term_info;

/* Counts of the lexicon's parts. */
FL_API size_t fl_lexicon_term_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_category_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_exclusion_count(const fl_lexicon *lex);
FL_API size_t fl_lexicon_contrast_count(const fl_lexicon *lex);

/* Term i (0-based, in file order). FL_ERR_ARG when i is out of range. */
FL_API fl_status fl_lexicon_term(const fl_lexicon *lex, size_t i, fl_term_info *out);

/* Variant v of term i, as written. FL_ERR_ARG when out of range. */
FL_API fl_status fl_lexicon_variant(const fl_lexicon *lex, size_t i, size_t v,
                                    const char **str, size_t *len);

/* Category i: categories listed under "categories" first (file order), then those only
 * used by terms, in order of first use. Returns the name (not NUL-terminated) and sets
 * *len, or returns NULL when i is out of range. */
FL_API const char *fl_lexicon_category(const fl_lexicon *lex, size_t i, size_t *len);

/* A contrast set: competing names for one referent. */
typedef struct fl_contrast_info {
    const char *name;
    size_t name_len;
    uint32_t n_options;
} fl_contrast_info;

FL_API fl_status fl_lexicon_contrast(const fl_lexicon *lex, size_t c, fl_contrast_info *out);

/* Option o of contrast c: its name and the indices of the terms that count for it.
 * The term array points into the lexicon. */
FL_API fl_status fl_lexicon_contrast_option(const fl_lexicon *lex, size_t c, size_t o,
                                            const char **name, size_t *name_len,
                                            const uint32_t **terms, size_t *n_terms);

/* Top-level string field "name", "version", "language" or "description", or NULL when the
 * lexicon has none (or the key is another). Sets *len. */
FL_API const char *fl_lexicon_meta(const fl_lexicon *lex, const char *key, size_t *len);

/* ------------------------------------------------------------------ text folding */

/* Folds one piece of text the way terms and tokens are compared: Unicode case folding,
 * diacritics removed from Latin and Greek letters (after canonical decomposition),
 * Cyrillic letters kept as they are except that yo becomes ye, apostrophe variants become
 * U+0027, hyphen and dash variants (- U+2010 U+2011 U+2012 U+2013) become U+002D,
 * default-ignorable characters (soft hyphen, joiners, variation selectors) dropped. Invalid UTF-8 bytes become U+FFFD.
 * Writes at most cap bytes to out (out may be NULL when cap is 0) and sets *needed to the
 * full size of the folded text, so a caller may call again with a larger buffer.
 * Thread-safe. */
FL_API fl_status fl_fold(const char *text, size_t len, char *out, size_t cap,
                         size_t *needed, const fl_allocator *alloc);

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
 * (U+FFFD). Ends are exclusive. */
typedef struct fl_token {
    size_t start, end;
    size_t cp_start, cp_end;
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
} fl_match;

/* Kinds of distancing marker: a word by which the writer keeps a name at arm's length, or
 * quotation marks around one to three words that nobody in the sentence is said to speak. */
typedef enum fl_marker_kind {
    FL_MARKER_WORD = 0,        /* so-called, alleged(ly), self-proclaimed, self-styled, purported */
    FL_MARKER_SCARE_QUOTES = 1 /* "puppets": the span includes the quotation marks */
} fl_marker_kind;

typedef struct fl_marker {
    size_t start, end;
    size_t cp_start, cp_end;
    uint32_t sentence;
    uint8_t kind;             /* fl_marker_kind */
    uint8_t reserved[3];
} fl_marker;

/* Results of one analysis, and the scratch memory it needs. Reuse one per thread to avoid
 * allocating per document; never share one between threads at the same time. */
typedef struct fl_result fl_result;

/* Creates an empty result. alloc: NULL for the C library allocator. */
FL_API fl_status fl_result_new(const fl_allocator *alloc, fl_result **out);

/* Frees a result. NULL is a no-op. */
FL_API void fl_result_free(fl_result *res);

/* Analyses one text: tokenise, segment, match, mark voice and negation, find distancing
 * markers, score. With lex NULL it only tokenises and segments.
 * text/len: UTF-8 (invalid bytes are read as U+FFFD); not kept. len may be 0.
 * res: overwritten with the new results; on failure it holds no results but stays usable.
 * Thread-safe for one lexicon shared by many threads, each with its own res.
 * Errors: FL_ERR_NOMEM, FL_ERR_LIMIT (len > FL_MAX_TEXT_BYTES), FL_ERR_ARG. */
FL_API fl_status fl_analyze(const fl_lexicon *lex, const char *text, size_t len,
                            fl_result *res, fl_error *err);

/* The arrays of the last analysis, valid until the next fl_analyze() or fl_result_free()
 * on res. Each sets *n (which may be 0) and returns NULL only when *n is 0. */
FL_API const fl_token *fl_result_tokens(const fl_result *res, size_t *n);
FL_API const fl_sentence *fl_result_sentences(const fl_result *res, size_t *n);
FL_API const fl_match *fl_result_matches(const fl_result *res, size_t *n);
/* Distancing markers (found only when a lexicon is given), in text order. */
FL_API const fl_marker *fl_result_markers(const fl_result *res, size_t *n);


/* ------------------------------------------------------------------ corpus */

/* The results of many documents as columns (one array per field), in document order.
 * Offsets are code point offsets into each document (cp) and byte offsets (surface_*). */
typedef struct fl_batch fl_batch;

typedef struct fl_batch_columns {
    size_t n_docs;
    const uint64_t *doc_tokens;     /* word tokens per document */
    const uint32_t *doc_sentences;  /* sentences per document */
    const uint32_t *doc_matches;    /* matches per document */

    size_t n_sentences;
    const uint32_t *sent_doc;       /* document index */
    const uint32_t *sent_index;     /* sentence index within its document */
    const int64_t *sent_start, *sent_end; /* code point offsets */
    const uint32_t *sent_tokens, *sent_matches, *sent_markers;
    const double *sent_score;

    size_t n_matches;
    const uint32_t *match_doc, *match_sentence, *match_term;
    const int64_t *match_start, *match_end; /* code point offsets */
    const uint8_t *match_voice, *match_negated;
    const int64_t *surface_offsets; /* n_matches + 1 offsets into surface_data */
    const char *surface_data;       /* the matched texts, UTF-8, concatenated */
} fl_batch_columns;

/* Creates an empty batch. alloc: NULL for the C library allocator; it is called from the
 * worker threads too, so it must be thread-safe. */
FL_API fl_status fl_batch_new(const fl_allocator *alloc, fl_batch **out);
FL_API void fl_batch_free(fl_batch *batch);

/* Analyses n documents (texts[i] of lens[i] bytes) against lex on `threads` worker threads
 * (0 or 1: the calling thread only). Documents are split into contiguous runs of about the
 * same size, one per thread, so the results are in document order whatever the thread
 * count and equal to n calls of fl_analyze(). Replaces the batch's previous results; on
 * failure the batch is empty but usable. The texts must stay unchanged during the call.
 * Errors: those of fl_analyze (the first failing document's, err->offset = its index). */
FL_API fl_status fl_analyze_batch(const fl_lexicon *lex, const char *const *texts,
                                  const size_t *lens, size_t n, unsigned threads,
                                  fl_batch *batch, fl_error *err);

/* Views of the batch's columns, valid until the batch is analysed again or freed. */
FL_API void fl_batch_columns_get(const fl_batch *batch, fl_batch_columns *out);

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

#ifdef __cplusplus
}
#endif

#endif /* FRAMELENS_H */
