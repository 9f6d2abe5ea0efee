/* match_dump.c: every match, sentence score and marker of fl_analyze over a corpus, as text. */
/* SPDX-License-Identifier: MIT */

/*
 * For differential checks of the core between two builds: a change meant to be a pure speed-up
 * must leave this output byte for byte the same. Build it against each version's sources and
 * compare the outputs, e.g.
 *
 *   cc -std=c11 -O2 -Iinclude -Icsrc -I/usr/include/cjson $(grep '\.c$' csrc/sources.txt) \
 *       benchmarks/match_dump.c -o match_dump -lcjson -lutf8proc -lm -pthread
 *   ./match_dump CORPUS.jsonl LEXICON.json > new.txt   # the same with the old build: old.txt
 *   cmp old.txt new.txt
 *
 * CORPUS is JSON Lines with a "text" field per line (benchmarks/newsgen.py writes one; PolNeAR's
 * train.jsonl is one too). Per document: its counts, then each match (offsets in bytes and code
 * points, term, spelling, sentence, tokens, voice, negation, attribution, target), each
 * sentence (first match, matches, score), each distancing marker, each attribution (every field
 * of fl_attribution: sentence, kind, voice, nesting, speaker actor, the speaker, cue and content
 * spans, the cue's lemma) and each actor mention. With --matched-attributions the result lists
 * only the attributions a match links to (FL_ATTRIBUTIONS_MATCHED).
 */
#include "framelens.h"
#include "read_all.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void span(const char *name, const fl_text_span *s) {
    printf(" %s %zu %zu %zu %zu", name, s->start, s->end, s->cp_start, s->cp_end);
}

static void dump_attributions(const fl_result *res) {
    size_t na;
    size_t nm;
    const fl_attribution *a = fl_result_attributions(res, &na);
    const fl_actor_mention *am = fl_result_actor_mentions(res, &nm);
    for (size_t i = 0; i < na; i++) {
        printf("a sentence %u kind %u voice %u nested %u reserved %u actor %u", a[i].sentence,
               a[i].kind, a[i].voice, a[i].nested, a[i].reserved, a[i].speaker_actor);
        span("speaker", &a[i].speaker);
        span("cue", &a[i].cue);
        span("content", &a[i].content);
        span("content2", &a[i].content2);
        /* the lemma's bytes in brackets, so that an embedded NUL or a wrong length shows */
        printf(" lemma %zu [%.*s]\n", a[i].cue_lemma_len, (int)a[i].cue_lemma_len, a[i].cue_lemma);
    }
    for (size_t i = 0; i < nm; i++) {
        printf("am %zu %zu %zu %zu actor %u sentence %u tokens %u+%u\n", am[i].start, am[i].end,
               am[i].cp_start, am[i].cp_end, am[i].actor, am[i].sentence, am[i].first_token,
               am[i].n_tokens);
    }
}

static void dump(const fl_result *res, size_t doc) {
    size_t n;
    size_t ns;
    size_t nk;
    size_t na;
    const fl_match *m = fl_result_matches(res, &n);
    const fl_sentence *s = fl_result_sentences(res, &ns);
    const fl_marker *k = fl_result_markers(res, &nk);
    fl_result_attributions(res, &na);
    printf("doc %zu sentences %zu matches %zu markers %zu attributions %zu\n", doc, ns, n, nk, na);
    for (size_t i = 0; i < n; i++) {
        printf("m %zu %zu %zu %zu term %u spelling %u sentence %u tokens %u+%u voice %u negated %u "
               "attribution %u target %u\n",
               m[i].start, m[i].end, m[i].cp_start, m[i].cp_end, m[i].term, m[i].spelling,
               m[i].sentence, m[i].first_token, m[i].n_tokens, m[i].voice, m[i].negated,
               m[i].attribution, m[i].target);
    }
    for (size_t i = 0; i < ns; i++) {
        printf("s %u %u %.17g\n", s[i].first_match, s[i].n_matches, s[i].score);
    }
    for (size_t i = 0; i < nk; i++) {
        printf("k %zu %zu %u\n", k[i].start, k[i].end, (unsigned)k[i].kind);
    }
    dump_attributions(res);
}

int main(int argc, char **argv) {
    bool matched = argc == 4 && strcmp(argv[3], "--matched-attributions") == 0;
    if (argc != 3 && !matched) {
        fprintf(stderr, "usage: %s CORPUS.jsonl LEXICON.json [--matched-attributions]\n", argv[0]);
        return 2;
    }
    size_t lex_len;
    char *lex_json = read_all(argv[2], &lex_len);
    size_t len;
    char *corpus = read_all(argv[1], &len);
    if (lex_json == NULL || corpus == NULL) {
        fprintf(stderr, "match_dump: cannot read %s\n", lex_json == NULL ? argv[2] : argv[1]);
        return 1;
    }
    fl_lexicon *lex;
    fl_result *res;
    fl_error err;
    if (fl_lexicon_load_json(lex_json, lex_len, argv[2], NULL, &lex, &err) != FL_OK) {
        fprintf(stderr, "match_dump: %s\n", err.message);
        return 1;
    }
    if (fl_result_new(NULL, &res) != FL_OK) {
        return 1;
    }
    fl_result_keep_attributions(res, matched ? FL_ATTRIBUTIONS_MATCHED : FL_ATTRIBUTIONS_ALL);
    size_t doc = 0;
    size_t matches = 0;
    for (size_t pos = 0; pos < len;) {
        char *nl = memchr(corpus + pos, '\n', len - pos);
        size_t line = nl == NULL ? len - pos : (size_t)(nl - (corpus + pos));
        cJSON *d = cJSON_ParseWithLength(corpus + pos, line);
        pos += line + 1;
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(d, "text");
        if (cJSON_IsString(text)) {
            if (fl_analyze(lex, text->valuestring, strlen(text->valuestring), res, &err) != FL_OK) {
                printf("doc %zu error %s\n", doc, err.message);
            } else {
                size_t n;
                fl_result_matches(res, &n);
                matches += n;
                dump(res, doc);
            }
            doc++;
        }
        cJSON_Delete(d);
    }
    fprintf(stderr, "%s: %zu documents, %zu matches\n", argv[2], doc, matches);
    fl_result_free(res);
    fl_lexicon_free(lex);
    free(lex_json);
    free(corpus);
    return 0;
}
