// test_match.cc: finding terms (match.c): whole tokens, folding, case-sensitive terms,
// wildcards, exclusions, leftmost-longest with its tie rules, sentences and scores.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shim.h"

namespace {

using Strings = std::vector<std::string>;

// A lexicon JSON from a list of term objects' inner fields and optional extra top-level keys.
std::string lexicon(const Strings &terms, const std::string &extra = "") {
    std::string json = "{\"terms\": [";
    for (size_t i = 0; i < terms.size(); i++) {
        json += (i ? ", {" : "{") + terms[i] + "}";
    }
    json += "]";
    if (!extra.empty()) {
        json += ", " + extra;
    }
    return json + "}";
}

// A term object's fields: {"term": t, "category": "c"} plus extra fields.
std::string term(const std::string &t, const std::string &extra = "") {
    return "\"term\": \"" + t + "\", \"category\": \"c\"" + (extra.empty() ? "" : ", " + extra);
}

// Every match as "surface=term".
Strings find(const std::string &lex_json, const std::string &text) {
    fl_test::Lexicon lex(lex_json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    if (lex.status() != FL_OK) {
        return {"<lexicon failed>"};
    }
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    Strings out;
    for (const fl_match &m : res.matches()) {
        out.push_back(fl_test::slice(text, m.start, m.end) + "=" + fl_test::term_text(lex, m.term));
    }
    return out;
}

} // namespace

// ------------------------------------------------------------------ whole tokens

TEST(Match, TermMatchesWholeTokensOnly) {
    std::string lex = lexicon({term("coup")});
    EXPECT_EQ((Strings{}), find(lex, "The coupon was valid."));
    EXPECT_EQ((Strings{}), find(lex, "A recoup."));
    EXPECT_EQ((Strings{"coup=coup"}), find(lex, "A coup."));
}

TEST(Match, TermIsFoundBeforeAHyphenAndAPossessive) {
    std::string lex = lexicon({term("Kiev"), term("Kyiv")});
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "Kiev-controlled areas"));
    EXPECT_EQ((Strings{"Kyiv=Kyiv"}), find(lex, "Kyiv's mayor"));
    EXPECT_EQ((Strings{"Kyiv=Kyiv"}), find(lex, "Kyiv’s mayor"));
}

TEST(Match, HyphenatedTermNeedsAnAttachedHyphen) {
    std::string lex = lexicon({term("pro-Russian")});
    EXPECT_EQ((Strings{"pro-Russian=pro-Russian"}), find(lex, "a pro-Russian party"));
    EXPECT_EQ((Strings{"pro‑Russian=pro-Russian"}), find(lex, "a pro‑Russian party")); // U+2011
    EXPECT_EQ((Strings{"pro–Russian=pro-Russian"}), find(lex, "a pro–Russian party")); // U+2013
    EXPECT_EQ((Strings{}), find(lex, "a pro Russian party"));
    EXPECT_EQ((Strings{}), find(lex, "a pro - Russian party"));
}

TEST(Match, HyphenBetweenDigits) {
    std::string lex = lexicon({term("F-16"), term("52-48")});
    EXPECT_EQ((Strings{"F-16=F-16", "52-48=52-48"}), find(lex, "F-16 jets; a 52-48 vote."));
    EXPECT_EQ((Strings{}), find(lex, "F 16 jets; a 52 48 vote."));
}

TEST(Match, PunctuationIsPartOfTheTokenSequence) {
    std::string lex = lexicon({term("Kiev regime")});
    EXPECT_EQ((Strings{}), find(lex, "In Kiev, regime change was discussed."));
    EXPECT_EQ((Strings{"Kiev regime=Kiev regime"}), find(lex, "The Kiev regime said."));
    EXPECT_EQ((Strings{"Kiev \t regime=Kiev regime"}), find(lex, "The Kiev \t regime said."));
    // A hard-wrapped line: the line break is whitespace inside one sentence.
    EXPECT_EQ((Strings{"Kiev\nregime=Kiev regime"}),
              find(lex, "The foreign ministry said on Monday that the talks with the Kiev\n"
                        "regime would resume next week."));
}

TEST(Match, TermWithPunctuationMatchesThatPunctuation) {
    std::string lex = lexicon({term("U.S. Army")});
    EXPECT_EQ((Strings{"U.S. Army=U.S. Army"}), find(lex, "The U.S. Army said so."));
    EXPECT_EQ((Strings{}), find(lex, "The US Army said so."));
}

TEST(Match, PossessiveTermMatchesAnyApostrophe) {
    std::string lex = lexicon({term("Kyiv's")});
    EXPECT_EQ((Strings{"Kyiv’s=Kyiv's"}), find(lex, "Kyiv’s mayor."));
    EXPECT_EQ((Strings{}), find(lex, "Kyiv mayor."));
}

// ------------------------------------------------------------------ folding

TEST(Match, CaseIsFolded) {
    std::string lex = lexicon({term("Kiev"), term("Київ")});
    EXPECT_EQ((Strings{"KIEV=Kiev", "kiev=Kiev", "КИЇВ=Київ", "київ=Київ"}),
              find(lex, "KIEV kiev КИЇВ київ"));
}

TEST(Match, LatinAndGreekDiacriticsAreIgnored) {
    std::string lex = lexicon({term("coup d'état"), term("Ελλάδα")});
    EXPECT_EQ((Strings{"coup d'etat=coup d'état"}), find(lex, "a coup d'etat."));
    EXPECT_EQ((Strings{"Coup d’e\xCC\x81tat=coup d'état"}), find(lex, "Coup d’e\xCC\x81tat."));
    EXPECT_EQ((Strings{"ΕΛΛΑΔΑ=Ελλάδα"}), find(lex, "ΕΛΛΑΔΑ."));
}

TEST(Match, CyrillicDiacriticsAreKeptExceptYo) {
    std::string lex = lexicon({term("Київ"), term("район"), term("ёлка")});
    EXPECT_EQ((Strings{}), find(lex, "Киив Киів раион"));
    EXPECT_EQ((Strings{"РАЙОН=район"}), find(lex, "РАЙОН"));
    EXPECT_EQ((Strings{"елка=ёлка", "Ёлка=ёлка"}), find(lex, "елка Ёлка"));
}

TEST(Match, SoftHyphenInTheTextIsIgnored) {
    std::string lex = lexicon({term("Kiev")});
    EXPECT_EQ((Strings{"Ki\u00ADev=Kiev"}), find(lex, "Ki\u00ADev"));
}

// ------------------------------------------------------------------ case-sensitive terms

TEST(Match, CaseSensitiveTermMatchesOnlyItsCase) {
    std::string lex = lexicon({term("US", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"US=US"}), find(lex, "US troops"));
    EXPECT_EQ((Strings{}), find(lex, "Let us go. Us too."));
}

TEST(Match, CaseSensitiveTermComparesInNfc) {
    std::string lex = lexicon({term("État", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"E\xCC\x81tat=État"}), find(lex, "E\xCC\x81tat"));
    EXPECT_EQ((Strings{"État=État"}), find(lex, "État"));
    EXPECT_EQ((Strings{}), find(lex, "état Etat ÉTAT"));
}

TEST(Match, CaseSensitiveTermStillEqualsApostropheAndHyphenVariants) {
    std::string lex = lexicon({term("O'Brien", "\"case_sensitive\": true"),
                               term("Jean-Luc", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"O’Brien=O'Brien", "Jean‑Luc=Jean-Luc"}), find(lex, "O’Brien and Jean‑Luc"));
    EXPECT_EQ((Strings{}), find(lex, "o’brien and jean-luc"));
}

TEST(Match, CaseSensitiveVariantIsCaseSensitiveToo) {
    std::string lex = lexicon({term("US", "\"case_sensitive\": true, \"variants\": [\"U.S.\"]")});
    EXPECT_EQ((Strings{"U.S.=US"}), find(lex, "the U.S. said"));
    EXPECT_EQ((Strings{}), find(lex, "the u.s. said"));
}

// ------------------------------------------------------------------ wildcards

TEST(Match, WildcardMatchesThePrefixAndLongerTokens) {
    std::string lex = lexicon({term("aggress*")});
    EXPECT_EQ((Strings{"aggress=aggress*", "aggression=aggress*", "Aggressor=aggress*",
                       "AGGRESSIVE=aggress*"}),
              find(lex, "aggress aggression Aggressor AGGRESSIVE aggres"));
}

TEST(Match, WildcardDoesNotMatchInsideAToken) {
    std::string lex = lexicon({term("aggress*")});
    EXPECT_EQ((Strings{}), find(lex, "nonaggression"));
    EXPECT_EQ((Strings{"aggress=aggress*"}), find(lex, "aggress-ion"));
}

TEST(Match, WildcardOnSeveralTokens) {
    std::string lex = lexicon({term("Russia* aggress*")});
    EXPECT_EQ((Strings{"Russian aggression=Russia* aggress*"}),
              find(lex, "Russian aggression continued."));
    EXPECT_EQ((Strings{}), find(lex, "Russian troops' aggression"));
}

TEST(Match, WildcardOnCyrillicAndFoldedPrefixes) {
    std::string lex = lexicon({term("київськ*"), term("état*")});
    EXPECT_EQ((Strings{"Київського=київськ*", "ETATS=état*"}), find(lex, "Київського ETATS"));
    // The prefix ends on a code point boundary: "київсь" is not "київськ".
    EXPECT_EQ((Strings{}), find(lex, "київсь"));
}

TEST(Match, CaseSensitiveWildcard) {
    std::string lex = lexicon({term("NATO*", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"NATO=NATO*", "NATOs=NATO*"}), find(lex, "NATO and NATOs"));
    EXPECT_EQ((Strings{}), find(lex, "nato and Natos"));
}

TEST(Match, WildcardPrefixesOfEveryLengthAreFound) {
    // Prefixes of 1 to 3 bytes, of 4 and more sharing their first 4 bytes, and past 64 bytes
    // (the lengths the wildcard filters treat apart), each needed by one term.
    std::string a70(70, 'a');
    std::string lex = lexicon({term("a* x"), term("ab* y"), term("abc* z"), term("abcd* w"),
                               term("abcde* v"), term("abcdefghi* u"), term(a70 + "* q")});
    EXPECT_EQ((Strings{"abcdefghij x=a* x", "abcdefghij y=ab* y", "abcdefghij z=abc* z",
                       "abcdefghij w=abcd* w", "abcdefghij v=abcde* v",
                       "abcdefghij u=abcdefghi* u"}),
              find(lex, "abcdefghij x. abcdefghij y. abcdefghij z. abcdefghij w. abcdefghij v. "
                        "abcdefghij u."));
    EXPECT_EQ((Strings{"abcd w=abcd* w"}), find(lex, "abcd v. abcd w. abcdefgh u."));
    EXPECT_EQ((Strings{a70 + "aaaaa q=" + a70 + "* q"}),
              find(lex, a70 + "aaaaa q. " + std::string(69, 'a') + " q."));
}

// ------------------------------------------------------------------ leftmost-longest

TEST(Match, LongestTermWinsAtAPosition) {
    std::string lex = lexicon({term("Kiev"), term("Kiev regime")});
    EXPECT_EQ((Strings{"Kiev regime=Kiev regime", "Kiev=Kiev"}),
              find(lex, "The Kiev regime sits in Kiev."));
}

TEST(Match, LeftmostMatchWinsOverALongerLaterOne) {
    std::string lex = lexicon({term("special military"), term("military operation in Ukraine")});
    EXPECT_EQ((Strings{"special military=special military"}),
              find(lex, "a special military operation in Ukraine"));
}

TEST(Match, ScanContinuesAfterAMatch) {
    std::string lex = lexicon({term("a b"), term("b c"), term("c d")});
    EXPECT_EQ((Strings{"a b=a b", "c d=c d"}), find(lex, "a b c d"));
}

TEST(Match, ShorterTermMatchesWhenTheLongerOneBreaksOff) {
    std::string lex = lexicon({term("Kiev"), term("Kiev regime forces")});
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "The Kiev regime said."));
}

TEST(Match, ExactTokenBeatsAWildcardOfTheSameLength) {
    std::string lex = lexicon({term("aggress*"), term("aggression")});
    EXPECT_EQ((Strings{"aggression=aggression", "aggressor=aggress*"}),
              find(lex, "aggression aggressor"));
    // The order in the file does not matter.
    std::string rev = lexicon({term("aggression"), term("aggress*")});
    EXPECT_EQ((Strings{"aggression=aggression", "aggressor=aggress*"}),
              find(rev, "aggression aggressor"));
}

TEST(Match, CaseSensitiveTermBeatsAFoldedOneOfTheSameLength) {
    std::string lex = lexicon({term("us"), term("US", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"US=US", "us=us", "Us=us"}), find(lex, "US us Us"));
}

TEST(Match, LongerWildcardPrefixBeatsAShorterOne) {
    // matching.md: "then to the longer wildcard prefix (aggress* over aggr* on aggression)".
    std::string lex = lexicon({term("aggr*"), term("aggress*")});
    EXPECT_EQ((Strings{"aggression=aggress*", "aggravate=aggr*"}),
              find(lex, "aggression aggravate"));
}

TEST(Match, CompleteTieGoesToTheTermListedFirst) {
    // Same length, one wildcard each, prefixes of one character, both folded.
    std::string ab = lexicon({term("a* b"), term("a b*")});
    EXPECT_EQ((Strings{"a b=a* b"}), find(ab, "a b"));
    std::string ba = lexicon({term("a b*"), term("a* b")});
    EXPECT_EQ((Strings{"a b=a b*"}), find(ba, "a b"));
}

TEST(Match, LongerWildcardMatchBeatsAShorterExactOne) {
    std::string lex = lexicon({term("Russian"), term("Russia* aggress*")});
    EXPECT_EQ((Strings{"Russian aggression=Russia* aggress*"}), find(lex, "Russian aggression"));
}

TEST(Match, VariantMatchReportsItsTerm) {
    std::string lex = lexicon({term("coup d'état", "\"variants\": [\"putsch\", \"coup\"]")});
    EXPECT_EQ((Strings{"Putsch=coup d'état", "coup=coup d'état", "coup d’état=coup d'état"}),
              find(lex, "Putsch, coup, coup d’état."));
}

TEST(Match, TermAtTheTokenLimitMatches) {
    std::string phrase;
    for (int i = 1; i <= FL_MAX_TERM_TOKENS; i++) {
        phrase += (i > 1 ? " w" : "w") + std::to_string(i);
    }
    std::string lex = lexicon({term(phrase), term("w1")});
    EXPECT_EQ((Strings{phrase + "=" + phrase}), find(lex, phrase + " end"));
    EXPECT_EQ((Strings{"w1=w1"}), find(lex, "w1 w2 w3"));
}

// ------------------------------------------------------------------ exclusions

TEST(Match, ExclusionSuppressesTheTermInside) {
    std::string lex = lexicon({term("Kiev")}, "\"exclude\": [\"chicken Kiev\"]");
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "We ate chicken Kiev in Kiev."));
    EXPECT_EQ((Strings{}), find(lex, "CHICKEN KIEV"));
}

TEST(Match, ExclusionSuppressesAnOverlappingTerm) {
    // "Kiev regime" overlaps "chicken Kiev" without being inside it.
    std::string lex = lexicon({term("Kiev regime"), term("regime")},
                              "\"exclude\": [\"chicken Kiev\"]");
    EXPECT_EQ((Strings{"regime=regime"}), find(lex, "chicken Kiev regime"));
    EXPECT_EQ((Strings{"Kiev regime=Kiev regime"}), find(lex, "the Kiev regime"));
}

TEST(Match, ExclusionAppliesWhereverItOccurs) {
    std::string lex = lexicon({term("Kiev")}, "\"exclude\": [\"chicken Kiev\", \"Kiev cake\"]");
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "chicken Kiev, Kiev cake and Kiev."));
}

TEST(Match, ExclusionEqualToATermRemovesIt) {
    std::string lex = lexicon({term("chicken Kiev"), term("Kiev")},
                              "\"exclude\": [\"chicken Kiev\"]");
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "chicken Kiev and Kiev"));
}

TEST(Match, ExclusionWithAWildcard) {
    std::string lex = lexicon({term("Kiev")}, "\"exclude\": [\"Kiev cake*\"]");
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "Kiev cakes and Kiev"));
}

TEST(Match, ExclusionDoesNotReachAcrossSentences) {
    std::string lex = lexicon({term("Kiev")}, "\"exclude\": [\"chicken Kiev\"]");
    EXPECT_EQ((Strings{"Kiev=Kiev"}), find(lex, "I like chicken\n\nKiev is the capital."));
}

// ------------------------------------------------------------------ sentences and records

TEST(Match, MatchesNeverCrossASentenceBoundary) {
    std::string lex = lexicon({term("Kiev regime")});
    // The headline "Kiev" is a sentence of its own.
    EXPECT_EQ((Strings{}), find(lex, "Kiev\nRegime change is coming, officials said."));
    EXPECT_EQ((Strings{}), find(lex, "They met in Kiev\n\nregime officials were absent."));
    EXPECT_EQ((Strings{"Kiev regime=Kiev regime"}), find(lex, "They met the Kiev regime."));
}

TEST(Match, MatchRecordsDescribeTheMatch) {
    fl_test::Lexicon lex(lexicon({term("Kiev"), term("Kiev regime", "\"weight\": 2.5"),
                                  term("aggress*", "\"weight\": 0.5")}));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    std::string text = "«Київ» and Kiev. Then the Kiev regime’s aggression, and Kiev.";
    ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::vector<fl_token> toks = res.tokens();
    std::vector<fl_sentence> sents = res.sentences();
    std::vector<fl_match> m = res.matches();
    ASSERT_EQ(2u, sents.size());
    ASSERT_EQ(4u, m.size());

    EXPECT_EQ(0u, m[0].term);
    EXPECT_EQ(0u, m[0].sentence);
    EXPECT_EQ(4u, m[0].first_token);
    EXPECT_EQ(1u, m[0].n_tokens);
    EXPECT_EQ("Kiev", fl_test::slice(text, m[0].start, m[0].end));
    EXPECT_EQ(11u, m[0].cp_start);
    EXPECT_EQ(15u, m[0].cp_end);

    EXPECT_EQ(1u, m[1].term);
    EXPECT_EQ(1u, m[1].sentence);
    EXPECT_EQ(2u, m[1].n_tokens);
    EXPECT_EQ("Kiev regime", fl_test::slice(text, m[1].start, m[1].end));
    EXPECT_EQ(toks[m[1].first_token].start, m[1].start);
    EXPECT_EQ(toks[m[1].first_token + 1].end, m[1].end);
    EXPECT_EQ(26u, m[1].cp_start);

    EXPECT_EQ(2u, m[2].term);
    EXPECT_EQ("aggression", fl_test::slice(text, m[2].start, m[2].end));
    EXPECT_EQ(0u, m[3].term);
    EXPECT_EQ(1u, m[3].sentence);

    EXPECT_EQ(0u, sents[0].first_match);
    EXPECT_EQ(1u, sents[0].n_matches);
    EXPECT_DOUBLE_EQ(1.0, sents[0].score);
    EXPECT_EQ(1u, sents[1].first_match);
    EXPECT_EQ(3u, sents[1].n_matches);
    EXPECT_DOUBLE_EQ(2.5 + 0.5 + 1.0, sents[1].score);
}

TEST(Match, SentenceWithoutMatchesHasZeroScoreAndAnEmptyRange) {
    fl_test::Lexicon lex(lexicon({term("Kiev", "\"weight\": 4")}));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, "Kiev. Nothing here. Kiev Kiev."));
    std::vector<fl_sentence> s = res.sentences();
    ASSERT_EQ(3u, s.size());
    EXPECT_EQ(1u, s[0].n_matches);
    EXPECT_DOUBLE_EQ(4.0, s[0].score);
    EXPECT_EQ(0u, s[1].n_matches);
    EXPECT_EQ(1u, s[1].first_match);
    EXPECT_DOUBLE_EQ(0.0, s[1].score);
    EXPECT_EQ(1u, s[2].first_match);
    EXPECT_EQ(2u, s[2].n_matches);
    EXPECT_DOUBLE_EQ(8.0, s[2].score);
}

TEST(Match, NegativeWeightsAddUp) {
    fl_test::Lexicon lex(
        lexicon({term("Kiev", "\"weight\": -1.5"), term("Kyiv", "\"weight\": 1")}));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, "Kiev or Kyiv or Kiev"));
    ASSERT_EQ(1u, res.sentences().size());
    EXPECT_DOUBLE_EQ(-2.0, res.sentences()[0].score);
}

TEST(Match, MatchesAreInTextOrderAndDoNotOverlap) {
    fl_test::Lexicon lex(lexicon({term("a b"), term("b"), term("a*"),
                                  term("c", "\"case_sensitive\": true"), term("b c a")}));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    std::string text;
    for (int i = 0; i < 300; i++) {
        text += (i % 3 == 0) ? "a b c " : (i % 3 == 1) ? "b c a. " : "c C ab\n";
    }
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    std::vector<fl_match> m = res.matches();
    ASSERT_FALSE(m.empty());
    std::vector<fl_sentence> s = res.sentences();
    for (size_t i = 0; i < m.size(); i++) {
        if (i > 0) {
            EXPECT_LE(m[i - 1].first_token + m[i - 1].n_tokens, m[i].first_token) << "match " << i;
            EXPECT_LE(m[i - 1].end, m[i].start);
        }
        const fl_sentence &x = s[m[i].sentence];
        EXPECT_GE(m[i].first_token, x.first_token);
        EXPECT_LE(m[i].first_token + m[i].n_tokens, x.first_token + x.n_tokens_all);
        EXPECT_GE(i, x.first_match);
        EXPECT_LT(i, static_cast<size_t>(x.first_match) + x.n_matches);
    }
}

TEST(Match, ManyTermsAreAllFound) {
    Strings terms;
    std::string text;
    const int n = 3000;
    for (int i = 0; i < n; i++) {
        terms.push_back(term("term" + std::to_string(i) + " x" + std::to_string(i % 13)));
        text += "Term" + std::to_string(i) + " X" + std::to_string(i % 13) + " and ";
    }
    fl_test::Lexicon lex(lexicon(terms));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, text));
    std::vector<fl_match> m = res.matches();
    ASSERT_EQ(static_cast<size_t>(n), m.size());
    for (int i = 0; i < n; i++) {
        ASSERT_EQ(static_cast<uint32_t>(i), m[i].term);
    }
}

// A word that begins more than 8 terms but is none ("the" in a large lexicon): the matcher
// rules most walks from it out before reading its node (the big-node bitmap and a flag in
// its vocabulary slot); what it may not rule out must still be found, and an exclusion over
// the next word, a sentence end, or another term kind at the same word must still count.
TEST(Match, WordThatBeginsManyTermsButIsNone) {
    Strings terms;
    for (int i = 0; i < 20; i++) {
        terms.push_back(term("the w" + std::to_string(i)));
    }
    terms.push_back(term("w3"));
    std::string plain = lexicon(terms);
    EXPECT_EQ((Strings{"the w5=the w5", "the w19=the w19"}),
              find(plain, "Of the w5 and the x and the w19 and the. W4 then the"));
    EXPECT_EQ((Strings{"the w3=the w3", "w3=w3"}), find(plain, "the the w3 and w3"));
    EXPECT_EQ((Strings{"The W7=the w7", "w3=w3"}), find(plain, "The W7 saw w3 and the"));
    std::string excluded = lexicon(terms, "\"exclude\": [\"w7 rule\"]");
    EXPECT_EQ((Strings{"the w8=the w8"}), find(excluded, "the w7 rule and the w8"));
    Strings wild = terms;
    wild.push_back(term("the*"));
    EXPECT_EQ((Strings{"the w2=the w2", "these=the*", "the=the*"}),
              find(lexicon(wild), "the w2 these the zz"));
}

TEST(Match, LexiconThatMatchesNothing) {
    fl_test::Lexicon lex(lexicon({term("zzz")}));
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, "Nothing to see. Really nothing."));
    size_t n = 99;
    EXPECT_EQ(nullptr, fl_result_matches(res, &n));
    EXPECT_EQ(0u, n);
    for (const fl_sentence &s : res.sentences()) {
        EXPECT_EQ(0u, s.n_matches);
        EXPECT_EQ(0.0, s.score);
    }
}

// ------------------------------------------------------------------ token forms (fold.c)

// Non-ASCII tokens take their forms from a per-result cache after the first occurrence, and
// ASCII ones from a one-pass fast path: every occurrence, in every text analysed with the
// same result, must match as the first did, folded and case-sensitive alike.
TEST(Match, RepeatedNonAsciiTokensMatchEveryTime) {
    std::string lex_json = lexicon({term("Київ"), term("coup d'état"),
                                    term("KYIV", "\"case_sensitive\": true"),
                                    term("État", "\"case_sensitive\": true"), term("\\u201cword")});
    fl_test::Lexicon lex(lex_json);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    const std::string text = "Київ, КИЇВ and київ. A coup d\xe2\x80\x99\xc3\xa9tat, a COUP D'ETAT, "
                             "a coup d'e\xcc\x81tat. "
                             "\xe2\x80\x9cword\xe2\x80\x9d and \xe2\x80\x9cWord. KYIV and Kyiv. "
                             "\xc3\x89tat, \xc3\xa9tat.";
    for (int round = 0; round < 3; round++) {
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        Strings got;
        for (const fl_match &m : res.matches()) {
            got.push_back(fl_test::slice(text, m.start, m.end) + "=" +
                          fl_test::term_text(lex, m.term));
        }
        EXPECT_EQ((Strings{"Київ=Київ", "КИЇВ=Київ", "київ=Київ",
                           "coup d\xe2\x80\x99\xc3\xa9tat=coup d'état", "COUP D'ETAT=coup d'état",
                           "coup d'e\xcc\x81tat=coup d'état", "\xe2\x80\x9cword=\xe2\x80\x9cword",
                           "\xe2\x80\x9cWord=\xe2\x80\x9cword", "KYIV=KYIV", "\xc3\x89tat=État"}),
                  got)
            << "round " << round;
    }
}

TEST(Match, AsciiTokensFoldLikeTheGeneralPath) {
    // backtick as apostrophe, a spaced dash as its own form, upper case folded
    std::string lex = lexicon(
        {term("don't"), term("pro-Russian"), term("US", "\"case_sensitive\": true")});
    EXPECT_EQ((Strings{"DON`T=don't", "Pro-RUSSIAN=pro-Russian", "US=US"}),
              find(lex, "DON`T go. Pro-RUSSIAN, pro - Russian, us and US."));
}
