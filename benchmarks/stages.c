/* stages.c: MB/s of each stage of the C core on a generated corpus, and of a pass that reads. */
/* SPDX-License-Identifier: MIT */

/*
 * No Python: the corpus (JSON Lines with a "text" field, benchmarks/newsgen.py writes one)
 * and a lexicon JSON are read, then every document goes through the stages of fl_analyze
 * one by one, each timed on its own (internal.h gives access to them):
 *
 *   read      a pass that only reads every byte (sums them): the memory ceiling
 *   decode    UTF-8 decoding and character classes of every code point, no tokens
 *   tokenise  fl__tokenize: decode, classify, token records (offsets, kinds, shape)
 *   segment   fl__segment: sentence boundaries
 *   fold      fl__fold_token_pair on every token (its forms as label makes them, no lookup)
 *   label     fl__label_tokens: fold again + vocabulary lookup of every token
 *   match     fl__match: exclusions, trie walks, leftmost-longest, per-sentence score
 *   context   fl__context: quotations, voice, negation, distancing markers
 *   columns   fl_analyze_batch (1 thread) minus the fl_analyze calls it makes: the columnar
 *             output of a batch
 *
 * "fold" and "label" overlap (label folds, then looks up): the sum of the stages of one
 * fl_analyze is tokenise + segment + label + match + context. Times are medians of --runs
 * runs. Then the scale-out ceiling: fl_analyze_batch on 1 and 2 threads, and two loops that
 * do the same work on each of 1 and 2 threads: a CPU-bound hash over the corpus (no memory
 * traffic to speak of), which tells whether the machine gives two cores of throughput at
 * all, and fl_analyze over every document with a result per thread (lone analyses side by
 * side, sharing only the lexicon), which tells what it gives the core's own work. On a
 * shared host the second falls below the first when a neighbour slows one of the cores.
 *
 * Usage: stages CORPUS.jsonl LEXICON.json [--runs N] [--max-mb M] [--no-threads] [--instr]
 *                [--matched-attributions] [--ceiling]
 * --ceiling: the scale-out ceiling alone (bench_anchors.py runs it beside each two-thread
 * run).
 * --matched-attributions: every analysis lists only the attributions a match links to
 * (FL_ATTRIBUTIONS_MATCHED), as a run that asks for matches and counts does.
 * --instr runs each stage once and nothing else, for instruction counts per stage under
 * callgrind (`make bench-stages-instr`).
 */
#define _POSIX_C_SOURCE 200809L

#include "internal.h"
#include "read_all.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    ST_READ,
    ST_DECODE,
    ST_TOKENIZE,
    ST_SEGMENT,
    ST_FOLD,
    ST_LABEL,
    ST_MATCH,
    ST_CONTEXT,
    ST_ANALYZE,
    ST_BATCH,
    ST_COUNT
};
static const char *const STAGE_NAMES[ST_COUNT] = {
    "read (sum of bytes)", "decode + classify",        "tokenise",      "segment",
    "fold (tokens)",       "label (fold + lookup)",    "match + score", "context",
    "fl_analyze (all)",    "fl_analyze_batch 1 thread"};

typedef struct corpus {
    char **texts;
    size_t *lens;
    size_t n;
    size_t bytes;
} corpus;

/* Stages are timed in CPU seconds of the calling thread: on a quiet machine that is the
 * wall time of one thread, and on a shared one it leaves out the time other processes had
 * the core. The scale-out comparison needs wall time. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool load_corpus(const char *path, size_t max_bytes, corpus *c) {
    size_t len;
    char *data = read_all(path, &len);
    if (data == NULL) {
        return false;
    }
    size_t cap = 1024;
    c->texts = malloc(cap * sizeof(char *));
    c->lens = malloc(cap * sizeof(size_t));
    size_t pos = 0;
    while (pos < len && c->bytes < max_bytes) {
        char *nl = memchr(data + pos, '\n', len - pos);
        size_t line_len = nl == NULL ? len - pos : (size_t)(nl - (data + pos));
        cJSON *doc = cJSON_ParseWithLength(data + pos, line_len);
        pos += line_len + 1;
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(doc, "text");
        if (cJSON_IsString(text)) {
            if (c->n == cap) {
                cap *= 2;
                c->texts = realloc(c->texts, cap * sizeof(char *));
                c->lens = realloc(c->lens, cap * sizeof(size_t));
            }
            size_t tl = strlen(text->valuestring);
            c->texts[c->n] = malloc(tl + 1);
            memcpy(c->texts[c->n], text->valuestring, tl + 1);
            c->lens[c->n] = tl;
            c->bytes += tl;
            c->n++;
        }
        cJSON_Delete(doc);
    }
    free(data);
    return c->n > 0;
}

static void free_corpus(corpus *c) {
    for (size_t d = 0; d < c->n; d++) {
        free(c->texts[d]);
    }
    free(c->texts);
    free(c->lens);
}

static void reset(fl_result *res) {
    res->tokens.len = 0;
    res->infos.len = 0;
    res->sentences.len = 0;
    res->matches.len = 0;
    res->folded.len = 0;
    res->markers.len = 0;
}

static volatile uint64_t sink;

static void check(fl_status st, const char *what) {
    if (st != FL_OK) {
        fprintf(stderr, "stages: %s failed: %s\n", what, fl_status_str(st));
        exit(1);
    }
}

/* One run over the corpus: adds each stage's seconds to t. */
__attribute__((noinline)) static void run_stages(const fl_lexicon *lex, const corpus *c,
                                                 fl_result *res, double *t, size_t *n_tokens,
                                                 size_t *n_matches, bool instr) {
    double a;
    double b;
    uint64_t sum = 0;
    a = now();
    for (size_t d = 0; d < c->n; d++) {
        const uint8_t *s = (const uint8_t *)c->texts[d];
        for (size_t i = 0; i < c->lens[d]; i++) {
            sum += s[i];
        }
    }
    b = now();
    t[ST_READ] += b - a;
    a = b;
    for (size_t d = 0; d < c->n; d++) {
        const uint8_t *s = (const uint8_t *)c->texts[d];
        size_t len = c->lens[d];
        for (size_t i = 0; i < len;) {
            int32_t cp;
            i += s[i] < 0x80 ? (cp = s[i], 1) : fl__utf8_decode(s + i, len - i, &cp);
            sum += (uint64_t)fl__cclass_fast(cp);
        }
    }
    b = now();
    t[ST_DECODE] += b - a;
    sink = sum;
    *n_tokens = 0;
    *n_matches = 0;
    for (size_t d = 0; d < c->n; d++) {
        const uint8_t *s = (const uint8_t *)c->texts[d];
        size_t len = c->lens[d];
        reset(res);
        a = now();
        check(fl__tokenize(&res->alloc, s, len, &res->tokens, &res->infos), "tokenize");
        b = now();
        t[ST_TOKENIZE] += b - a;
        a = b;
        check(fl__segment(&res->alloc, s, len, res->tokens.data, res->infos.data, res->tokens.len,
                          &res->sentences),
              "segment");
        b = now();
        t[ST_SEGMENT] += b - a;
        a = b;
        const fl_token *toks = res->tokens.data;
        for (size_t i = 0; i < res->tokens.len && !instr; i++) {
            size_t fl;
            size_t el;
            bool same;
            check(fl__fold_token_pair(&res->alloc, &res->scratch, &res->fold_cache,
                                      s + toks[i].start, toks[i].end - toks[i].start, toks[i].kind,
                                      lex->has_exact, &res->folded, &fl, &el, &same),
                  "fold");
        }
        res->folded.len = 0;
        b = now();
        t[ST_FOLD] += b - a;
        a = b;
        check(fl__label_tokens(lex, s, res), "label");
        b = now();
        t[ST_LABEL] += b - a;
        a = b;
        check(fl__match(lex, res), "match");
        b = now();
        t[ST_MATCH] += b - a;
        a = b;
        check(fl__context(lex, s, res), "context");
        b = now();
        t[ST_CONTEXT] += b - a;
        *n_tokens += res->tokens.len;
        *n_matches += res->matches.len;
    }
    if (instr) {
        return;
    }
    a = now();
    for (size_t d = 0; d < c->n; d++) {
        check(fl_analyze(lex, c->texts[d], c->lens[d], res, NULL), "fl_analyze");
    }
    b = now();
    t[ST_ANALYZE] += b - a;
}

/* Which attributions every analysis lists (--matched-attributions). */
static fl_attributions attributions = FL_ATTRIBUTIONS_ALL;

/* Seconds of fl_analyze_batch: CPU seconds of this thread, or wall seconds. */
static double batch_time(const fl_lexicon *lex, const corpus *c, unsigned threads, bool use_wall) {
    fl_batch *batch;
    check(fl_batch_new(NULL, &batch), "fl_batch_new");
    fl_batch_keep_attributions(batch, attributions);
    double (*clock)(void) = use_wall ? wall : now;
    double a = clock();
    check(fl_analyze_batch(lex, (const char *const *)c->texts, c->lens, c->n, threads, batch, NULL),
          "fl_analyze_batch");
    double b = clock();
    fl_batch_free(batch);
    return b - a;
}

static int cmp_double(const void *x, const void *y) {
    double a = *(const double *)x;
    double b = *(const double *)y;
    return (a > b) - (a < b);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The CPU-bound loop: FNV-1a over the corpus `rounds` times (the bytes stay in cache-sized
 * pieces, so it measures cores, not memory). */
typedef struct spin_arg {
    const corpus *c;
    int rounds;
    uint64_t out;
} spin_arg;

static void *spin(void *p) {
    spin_arg *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (int r = 0; r < s->rounds; r++) {
        for (size_t d = 0; d < s->c->n; d++) {
            const uint8_t *x = (const uint8_t *)s->c->texts[d];
            for (size_t i = 0; i < s->c->lens[d]; i++) {
                h = (h ^ x[i]) * 1099511628211ULL;
            }
        }
    }
    s->out = h;
    return NULL;
}

/* Wall seconds of fn on `threads` (1 or 2) threads at once, thread i given the i-th of the
 * args (each `size` bytes), the calling thread the first. A thread that cannot be started
 * ends the benchmark: fewer threads would measure something else. */
static double on_threads(void *(*fn)(void *), void *args, size_t size, int threads) {
    pthread_t tid[2];
    double a = wall();
    for (int i = 1; i < threads; i++) {
        if (pthread_create(&tid[i], NULL, fn, (char *)args + (size_t)i * size) != 0) {
            fprintf(stderr, "stages: cannot start a thread\n");
            exit(1);
        }
    }
    fn(args);
    for (int i = 1; i < threads; i++) {
        pthread_join(tid[i], NULL);
    }
    return wall() - a;
}

static double spin_time(const corpus *c, int threads, int rounds) {
    spin_arg args[2] = {{c, rounds, 0}, {c, rounds, 0}};
    double t = on_threads(spin, args, sizeof args[0], threads);
    sink = args[0].out ^ args[1].out;
    return t;
}

/* Each thread analyses every document with a result of its own: two lone analyses side by
 * side, sharing nothing but the lexicon. Against one alone, what the host gives the core's
 * own work on two threads (caches, memory, a neighbour on a core), where the hash loop
 * above gives what it gives arithmetic. */
typedef struct lone_arg {
    const fl_lexicon *lex;
    const corpus *c;
} lone_arg;

static void *lone(void *p) {
    const lone_arg *l = p;
    fl_result *res;
    check(fl_result_new(NULL, &res), "fl_result_new");
    fl_result_keep_attributions(res, attributions);
    for (size_t d = 0; d < l->c->n; d++) {
        check(fl_analyze(l->lex, l->c->texts[d], l->c->lens[d], res, NULL), "fl_analyze");
    }
    fl_result_free(res);
    return NULL;
}

static double lone_time(const fl_lexicon *lex, const corpus *c, int threads) {
    lone_arg args[2] = {{lex, c}, {lex, c}};
    return on_threads(lone, args, sizeof args[0], threads);
}

/* The scale-out ceiling: fl_analyze_batch on 1 and 2 threads, and two loops that do the same
 * work on each thread (the hash loop, lone analyses): what the machine gives two threads. */
static void print_ceiling(const fl_lexicon *lex, const corpus *c, int runs) {
    double mb = (double)c->bytes / 1e6;
    double b1[50];
    double b2[50];
    double s1[50];
    double s2[50];
    double l1[50];
    double l2[50];
    int rounds = 1 + (int)(200.0 / (mb + 1.0));
    for (int r = 0; r < runs; r++) {
        b1[r] = batch_time(lex, c, 1, true);
        b2[r] = batch_time(lex, c, 2, true);
        s1[r] = spin_time(c, 1, rounds);
        s2[r] = spin_time(c, 2, rounds);
        l1[r] = lone_time(lex, c, 1);
        l2[r] = lone_time(lex, c, 2);
    }
    double mb1 = median(b1, runs);
    double mb2 = median(b2, runs);
    double ms1 = median(s1, runs);
    double ms2 = median(s2, runs);
    printf("\nScale-out ceiling (median of %d):\n", runs);
    printf("| run | 1 thread s | 2 threads s | throughput 2 / 1 |\n|---|---:|---:|---:|\n");
    printf("| fl_analyze_batch (same documents) | %.3f | %.3f | %.2f× |\n", mb1, mb2, mb1 / mb2);
    printf("| CPU-bound hash loop (same work per thread) | %.3f | %.3f | %.2f× |\n", ms1, ms2,
           2.0 * ms1 / ms2);
    double ml1 = median(l1, runs);
    double ml2 = median(l2, runs);
    printf("| fl_analyze, a result per thread (same work per thread) | %.3f | %.3f | %.2f× |\n",
           ml1, ml2, 2.0 * ml1 / ml2);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr,
                "usage: %s CORPUS.jsonl LEXICON.json [--runs N] [--max-mb M] "
                "[--no-threads] [--matched-attributions] [--ceiling]\n",
                argv[0]);
        return 2;
    }
    int runs = 3;
    double max_mb = 1e9;
    bool threads = true;
    bool instr = false;
    bool ceiling_only = false;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--max-mb") == 0 && i + 1 < argc) {
            max_mb = atof(argv[++i]);
        } else if (strcmp(argv[i], "--no-threads") == 0) {
            threads = false;
        } else if (strcmp(argv[i], "--matched-attributions") == 0) {
            attributions = FL_ATTRIBUTIONS_MATCHED;
        } else if (strcmp(argv[i], "--ceiling") == 0) {
            ceiling_only = true;
        } else if (strcmp(argv[i], "--instr") == 0) {
            instr = true;
            threads = false;
            runs = 1;
        }
    }
    if (instr) {
        runs = 1;
    }
    if (runs < 1 || runs > 50) {
        runs = 3;
    }
    corpus c = {0};
    if (!load_corpus(argv[1], (size_t)(max_mb * 1e6), &c)) {
        fprintf(stderr, "stages: cannot read a corpus from %s\n", argv[1]);
        return 1;
    }
    size_t lex_len;
    char *lex_json = read_all(argv[2], &lex_len);
    if (lex_json == NULL) {
        fprintf(stderr, "stages: cannot read %s\n", argv[2]);
        return 1;
    }
    fl_lexicon *lex;
    fl_error err;
    double a = wall();
    if (fl_lexicon_load_json(lex_json, lex_len, argv[2], NULL, &lex, &err) != FL_OK) {
        fprintf(stderr, "stages: %s\n", err.message);
        return 1;
    }
    double compile_s = wall() - a;
    if (ceiling_only) {
        print_ceiling(lex, &c, runs);
        fl_lexicon_free(lex);
        free_corpus(&c);
        free(lex_json);
        return 0;
    }
    fl_result *res;
    check(fl_result_new(NULL, &res), "fl_result_new");
    fl_result_keep_attributions(res, attributions);

    double t[ST_COUNT][50];
    memset(t, 0, sizeof t);
    size_t n_tokens = 0;
    size_t n_matches = 0;
    for (int r = 0; r < runs; r++) {
        double one[ST_COUNT] = {0};
        run_stages(lex, &c, res, one, &n_tokens, &n_matches, instr);
        one[ST_BATCH] = instr ? 1.0 : batch_time(lex, &c, 1, false);
        for (int s = 0; s < ST_COUNT; s++) {
            t[s][r] = one[s];
        }
    }
    double med[ST_COUNT];
    for (int s = 0; s < ST_COUNT; s++) {
        med[s] = median(t[s], runs);
    }
    double mb = (double)c.bytes / 1e6;
    printf("corpus %s: %.1f MB of text, %zu documents, %zu tokens, %zu matches\n", argv[1], mb, c.n,
           n_tokens, n_matches);
    printf("lexicon %s: %zu terms, compiled in %.3f s\n", argv[2], fl_lexicon_term_count(lex),
           compile_s);
    printf("median of %d runs; stage times in CPU seconds of the thread; %s attributions\n\n", runs,
           attributions == FL_ATTRIBUTIONS_MATCHED ? "matched" : "all");
    printf("| stage | s | MB/s | ns/byte | ns/token | share of fl_analyze |\n");
    printf("|---|---:|---:|---:|---:|---:|\n");
    for (int s = 0; s < ST_COUNT; s++) {
        printf("| %s | %.3f | %.0f | %.2f | %.1f | %s", STAGE_NAMES[s], med[s], mb / med[s],
               med[s] * 1e9 / (double)c.bytes, med[s] * 1e9 / (double)n_tokens,
               s >= ST_TOKENIZE && s <= ST_CONTEXT && s != ST_FOLD ? "" : "— |\n");
        if (s >= ST_TOKENIZE && s <= ST_CONTEXT && s != ST_FOLD) {
            printf("%.0f%% |\n", 100.0 * med[s] / med[ST_ANALYZE]);
        }
    }
    double cols = med[ST_BATCH] - med[ST_ANALYZE];
    printf("| columns (batch - analyze) | %.3f | %.0f | %.2f | %.1f | %.0f%% |\n", cols,
           cols > 0 ? mb / cols : 0.0, cols * 1e9 / (double)c.bytes, cols * 1e9 / (double)n_tokens,
           100.0 * cols / med[ST_ANALYZE]);
    printf("(fold and label overlap: label = fold + lookup; the stages of fl_analyze are "
           "tokenise, segment, label, match, context)\n");

    if (threads) {
        print_ceiling(lex, &c, runs);
    }
    fl_result_free(res);
    fl_lexicon_free(lex);
    free_corpus(&c);
    free(lex_json);
    return 0;
}
