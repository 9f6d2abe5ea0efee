// test_cues.cc: the voice stage's word table (cues.c) and its lookup.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <initializer_list>
#include <set>
#include <string>

extern "C" {
#include "../../csrc/internal.h"  // the table is internal: tested directly
}

namespace {

const fl_cue *find(const std::string &w) {
    const uint8_t *s = reinterpret_cast<const uint8_t *>(w.data());
    return fl__cue_find(s, w.size(), fl__hash_bytes(s, w.size()));
}

} // namespace

TEST(Cues, EveryWordOfTheTableIsFoundAtItsOwnEntry) {
    // Fails when CUES was edited without regenerating CUE_SLOTS (tools/gen_cue_slots.py).
    size_t n = 0;
    const fl_cue *table = fl__cue_table(&n);
    ASSERT_GT(n, 300u);
    for (size_t i = 0; i < n; i++) {
        EXPECT_EQ(&table[i], find(table[i].word)) << table[i].word;
        EXPECT_EQ(std::strlen(table[i].word), table[i].len) << table[i].word;
    }
}

TEST(Cues, EveryWordIsListedOnceAndFolded) {
    size_t n = 0;
    const fl_cue *table = fl__cue_table(&n);
    std::set<std::string> seen;
    for (size_t i = 0; i < n; i++) {
        EXPECT_TRUE(seen.insert(table[i].word).second) << table[i].word << " listed twice";
        for (const char *c = table[i].word; *c != '\0'; c++) {
            EXPECT_FALSE(*c >= 'A' && *c <= 'Z') << table[i].word << " is not folded";
        }
        EXPECT_NE(nullptr, table[i].lemma);
    }
}

TEST(Cues, ZeroBytesAfterTheFormAreZero) {
    // context.c copies bits, form and these bytes into a token's fl_vtok as one word: they
    // are its fresh quoted, role and naming.
    size_t n = 0;
    const fl_cue *table = fl__cue_table(&n);
    for (size_t i = 0; i < n; i++) {
        for (uint8_t z : table[i].zero) {
            EXPECT_EQ(0, z) << table[i].word;
        }
    }
}

TEST(Cues, LemmaClassesAreThoseOfTheirLemmas) {
    // fl_cue.cls stands for lemma comparisons in attribution.c: every entry of the table
    // has a class exactly when its lemma (and, for FL_C_LIGHT, its bits and form) say so,
    // so that a word added later with one of these lemmas cannot miss its class.
    auto in = [](const char *l, std::initializer_list<const char *> ls) {
        for (const char *x : ls) {
            if (std::strcmp(l, x) == 0) {
                return true;
            }
        }
        return false;
    };
    size_t n = 0;
    const fl_cue *table = fl__cue_table(&n);
    for (size_t i = 0; i < n; i++) {
        const fl_cue &q = table[i];
        bool issuing = q.form == FL_FORM_NONE &&
                       in(q.lemma, {"issue", "release", "publish", "send", "deliver", "circulate"});
        bool light = (q.bits & FL_W_QUOTE_VERB) &&
                     (in(q.lemma, {"make", "take", "put", "give", "sign", "pass", "file"}) ||
                      issuing);
        bool off = in(q.lemma, {"brush", "laugh", "rattle", "shrug", "sound", "tick", "wave"});
        unsigned want = (light ? unsigned(FL_C_LIGHT) : 0u) | (off ? unsigned(FL_C_OFF) : 0u) |
                        (in(q.lemma, {"call"}) ? unsigned(FL_C_CALL) : 0u) |
                        (in(q.lemma, {"consider"}) ? unsigned(FL_C_CONSIDER) : 0u) |
                        (in(q.lemma, {"rail"}) ? unsigned(FL_C_RAIL) : 0u) |
                        (in(q.lemma, {"lash"}) ? unsigned(FL_C_LASH) : 0u) |
                        (in(q.lemma, {"accuse", "suspect", "convict"}) ? unsigned(FL_C_CHARGE_OF)
                                                                       : 0u) |
                        (in(q.lemma, {"charge", "credit"}) ? unsigned(FL_C_CHARGE_WITH) : 0u);
        EXPECT_EQ(want, q.cls) << q.word;
    }
    EXPECT_EQ(unsigned(FL_C_LIGHT), find("issued")->cls);
    EXPECT_EQ(0u, find("release")->cls); // the noun: a medium, no light verb
    EXPECT_EQ(0u, find("said")->cls);
}

TEST(Cues, VerbFormsShareTheirLemma) {
    for (const char *w : {"say", "says", "said", "saying"}) {
        const fl_cue *c = find(w);
        ASSERT_NE(nullptr, c) << w;
        EXPECT_STREQ("say", c->lemma) << w;
        EXPECT_TRUE(c->bits & FL_W_SPEECH) << w;
    }
    EXPECT_EQ(FL_FORM_PAST, find("said")->form);
    EXPECT_EQ(FL_FORM_S, find("claims")->form);
    EXPECT_EQ(FL_FORM_ING, find("adding")->form);
    EXPECT_EQ(FL_FORM_PP, find("shown")->form);
    EXPECT_STREQ("show", find("shown")->lemma);
}

TEST(Cues, ClassesOfSomeWords) {
    EXPECT_TRUE(find("claims")->bits & FL_W_NOUNLIKE);
    EXPECT_TRUE(find("believes")->bits & FL_W_THOUGHT);
    EXPECT_TRUE(find("wants")->bits & FL_W_INTENT);
    EXPECT_TRUE(find("according")->bits & FL_W_ACCORDING);
    EXPECT_TRUE(find("never")->bits & FL_W_NEGATION);
    EXPECT_TRUE(find("the")->bits & FL_W_DET);
    EXPECT_TRUE(find("заявил")->bits & FL_W_SPEECH);
    EXPECT_TRUE(find("opinion")->bits & FL_W_SECTION);
}

TEST(Cues, OtherWordsAreNotFound) {
    for (const char *w : {"kiev", "sai", "saidx", "s", "", "aggression", "Said", "SAID",
                          "according to", "verylongwordthatisnotinthetableatallxxxxxxxxxx"}) {
        EXPECT_EQ(nullptr, find(w)) << w;
    }
    // A prefix or an extension of a word is another word.
    EXPECT_EQ(nullptr, find("sa"));
    EXPECT_EQ(nullptr, find("saidd"));
    // Bytes that are not UTF-8, and NUL inside.
    std::string odd("sa\0d", 4);
    EXPECT_EQ(nullptr, find(odd));
    EXPECT_EQ(nullptr, find("\xff\xfe"));
    EXPECT_EQ(0u, fl__cue_bits(reinterpret_cast<const uint8_t *>("zzz"), 3));
    EXPECT_NE(0u, fl__cue_bits(reinterpret_cast<const uint8_t *>("said"), 4));
}
