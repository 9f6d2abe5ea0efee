// test_context.cc: the voice of each match (context.c): the invariants every rule keeps
// (one of the three voices, matches never added, dropped or moved, no negation without a
// cue), negation, and the distancing markers. The rules themselves: test_quotes.cc and
// test_attribution.cc.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "shim.h"

extern "C" {
// the tokens' labels and the voice records are internal: negation and the records recomputed
// from them
#include "../../csrc/voice.h"
}

namespace {

const char *const kLexicon = R"({"terms": [
  {"term": "Kiev regime", "category": "delegitimization"},
  {"term": "special military operation", "category": "euphemism"},
  {"term": "Nazis", "category": "delegitimization"},
  {"term": "aggress*", "category": "accusation"},
  {"term": "неонацист*", "category": "delegitimization"}
]})";

// Texts with quotations of every kind, reporting verbs before and after, "according to",
// quotations spanning sentences and unclosed ones. None holds a negation cue.
const char *const kTexts[] = {
    "The Kiev regime shelled the town.",
    "Putin described the war as a \"special military operation\" in Ukraine.",
    "The Kremlin insists that its soldiers are fighting “Nazis” in Ukraine.",
    "A Russian diplomat described the talks as «a dialogue with the Kiev regime».",
    "Захарова назвала украинских военных «неонацистами».",
    "Lavrov said the Kiev regime had started the aggression.",
    "\"The Kiev regime is to blame,\" said Lavrov.",
    "According to the ministry, the special military operation is going to plan.",
    "He wrote: \"The aggression began in 2014. It has continued. The Kiev regime knows it.\"",
    "“Aggression everywhere,\nhe wrote.\n\nThe Kiev regime answered.",
    "‘Nazis’, ‘aggressors’ and ‘the Kiev regime’ were his words.",
    "The so-called special military operation entered its third year.",
    "Officials said: «The Kiev regime» — and then the aggression resumed. Nazis! Aggression?",
};

} // namespace

TEST(Context, EveryMatchHasOneOfTheThreeVoices) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    size_t total = 0;
    for (const char *text : kTexts) {
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        std::vector<fl_match> m = res.matches();
        EXPECT_FALSE(m.empty()) << text;
        for (const fl_match &x : m) {
            EXPECT_TRUE(x.voice == FL_VOICE_AUTHOR || x.voice == FL_VOICE_QUOTED ||
                        x.voice == FL_VOICE_ATTRIBUTED)
                << "voice " << int(x.voice) << " in: " << text;
        }
        total += m.size();
    }
    EXPECT_GE(total, 20u);
}

TEST(Context, NoNegationCueMeansNoNegatedMatch) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    for (const char *text : kTexts) {
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        for (const fl_match &x : res.matches()) {
            EXPECT_EQ(0, x.negated) << "in: " << text;
        }
    }
}

TEST(Context, NegatedIsZeroOrOne) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    for (const char *text :
         {"Moscow denied any aggression.", "It was not the Kiev regime.",
          "Nobody said Nazis; he never called it aggression.", "Це не агресія, а неонацисти."}) {
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        for (const fl_match &x : res.matches()) {
            EXPECT_LE(x.negated, 1) << "in: " << text;
        }
    }
}

TEST(Context, VoiceDoesNotChangeWhichTermsMatch) {
    // The same words with and without quotation marks and reporting verbs give the same
    // terms at the same code point offsets within the sentence.
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    struct Pair {
        const char *plain, *marked;
    };
    const Pair pairs[] = {
        {" the Kiev regime began the aggression ", "“the Kiev regime began the aggression”"},
        {" the Kiev regime began the aggression ", "«the Kiev regime began the aggression»"},
        {" the Kiev regime began the aggression ", "\"the Kiev regime began the aggression\""},
        {" the Kiev regime began the aggression ", "‘the Kiev regime began the aggression’"},
    };
    for (const Pair &p : pairs) {
        fl_test::Result a;
        fl_test::Result b;
        ASSERT_EQ(FL_OK, a.analyze(lex, p.plain));
        ASSERT_EQ(FL_OK, b.analyze(lex, p.marked));
        std::vector<fl_match> ma = a.matches();
        std::vector<fl_match> mb = b.matches();
        ASSERT_EQ(ma.size(), mb.size()) << p.marked;
        for (size_t i = 0; i < ma.size(); i++) {
            EXPECT_EQ(ma[i].term, mb[i].term) << p.marked;
            EXPECT_EQ(ma[i].cp_start, mb[i].cp_start) << p.marked;
            EXPECT_EQ(ma[i].n_tokens, mb[i].n_tokens) << p.marked;
        }
    }
}

TEST(Context, VoiceIsTheSameOnEveryRun) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    std::string all;
    for (const char *text : kTexts) {
        all += text;
        all += "\n\n";
    }
    fl_test::Result a;
    ASSERT_EQ(FL_OK, a.analyze(lex, all));
    std::string first = fl_test::dump(a);
    for (int i = 0; i < 3; i++) {
        fl_test::Result b;
        ASSERT_EQ(FL_OK, b.analyze(lex, all));
        EXPECT_EQ(first, fl_test::dump(b));
    }
}

TEST(Context, ScareQuotesAreThoseNobodyIsSaidToState) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "puppets", "category": "x"},
                                      {"term": "Nazis", "category": "x"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    struct Case {
        const char *text;
        size_t markers;
    } cases[] = {
        {"He called the leaders \"puppets\".", 1},                    // a label after "called"
        {"Russia was called \"an aggressor country\".", 1},
        {"The Kremlin insists its soldiers fight \u201cNazis\u201d.", 0},  // a partial quotation
        {"\"Never,\" he said.", 0},
    };
    for (const Case &k : cases) {
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(lex, k.text)) << res.error().message;
        size_t n = 0;
        const fl_marker *m = fl_result_markers(res.get(), &n);
        size_t scare = 0;
        for (size_t i = 0; i < n; i++) {
            scare += m[i].kind == FL_MARKER_SCARE_QUOTES;
        }
        EXPECT_EQ(k.markers, scare) << k.text;
    }
}

// A naming cue given up ("Smith called Brandt on Friday": a phone call) named nothing: the
// content marked after it, in this sentence or a later one, is no naming's, so a short
// quotation there stays a quotation of what is stated (an earlier sentence once made it a
// scare quote).
TEST(Context, AGivenUpNamingCueLeavesLaterSentencesAlone) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "test", "category": "x"}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const std::string said = "The speech represents \"a test\" of his will, Smith said.";
    for (const std::string &text : {said, "Smith called Brandt on Friday. " + said,
                                    "He called the mayor on Tuesday night. " + said}) {
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        size_t n = 0;
        fl_result_markers(res.get(), &n);
        EXPECT_EQ(0u, n) << text;
        auto m = res.matches();
        ASSERT_EQ(1u, m.size()) << text;
        EXPECT_EQ(FL_VOICE_QUOTED, m[0].voice) << text;
    }
}

// ---------------------------------------------------------------------------- who says it

namespace {

// For each match, the cue of the attribution that holds it ("" when none).
std::vector<std::string> holders(const std::string &text, const char *json) {
    fl_test::Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    auto attrs = res.attributions();
    std::vector<std::string> out;
    for (const fl_match &m : res.matches()) {
        if (m.attribution == FL_NO_ATTRIBUTION) {
            EXPECT_TRUE(m.voice == FL_VOICE_AUTHOR || m.voice == FL_VOICE_QUOTED);
            out.push_back("");
            continue;
        }
        EXPECT_NE(FL_VOICE_AUTHOR, m.voice);
        EXPECT_LT(m.attribution, attrs.size());
        const fl_attribution &a = attrs[m.attribution];
        out.push_back(fl_test::slice(text, a.cue.start, a.cue.end));
    }
    return out;
}

} // namespace

TEST(Context, EachReportedMatchIsHeldByTheInnermostAttribution) {
    const char *lex = R"({"terms": [{"term": "invasion", "category": "x"},
                                    {"term": "troops", "category": "x"},
                                    {"term": "Kiev", "category": "x"}]})";
    auto h = holders("The EU has accused Russia of massing troops in what Kiev claims is "
                     "preparation for an invasion.",
                     lex);
    ASSERT_EQ(3u, h.size());
    EXPECT_EQ("has accused", h[0]);  // troops
    EXPECT_EQ("", h[1]);             // Kiev: the speaker, the outlet's word
    EXPECT_EQ("claims", h[2]);       // invasion: Kiev's claim inside the accusation
}

TEST(Context, AQuotationOverTwoSentencesIsHeldByTheCueAfterIt) {
    const char *lex =
        R"({"terms": [{"term": "war", "category": "x"}, {"term": "Kyiv", "category": "x"}]})";
    auto h = holders("\"We did not start this war. The Nazis in Kyiv started it,\" the spokesman "
                     "said. A \"war\" it is.",
                     lex);
    ASSERT_EQ(3u, h.size());
    EXPECT_EQ("said", h[0]);
    EXPECT_EQ("said", h[1]);
    EXPECT_EQ("", h[2]);  // a scare quote nobody is said to speak
}

TEST(Context, TheAgentAfterAQuotedLabelSpeaksAndASpeakerLeavesTheSentencePeriod) {
    const char *json = R"({"terms": [{"term": "aggressor country", "category": "x"},
                                     {"term": "plan", "category": "x"}]})";
    const std::string text = "Russia was called \"an aggressor country\" by Kiev. "
                             "The plan was criticized by Miller.";
    fl_test::Lexicon lex(json);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::vector<std::string> speakers;
    for (const fl_attribution &a : res.attributions()) {
        speakers.push_back(fl_test::slice(text, a.speaker.start, a.speaker.end));
    }
    EXPECT_EQ((std::vector<std::string>{"Kiev", "Miller"}), speakers);
}

// ------------------------------------------------------------ FL_ATTRIBUTIONS_MATCHED

namespace {

// Texts whose matches take their voice or link from another sentence (a quotation closed by
// a later cue, a speaker's paragraph, "He said:" and the paragraph below, a headline), with
// attributions that hold no match, scare quotes and nested speakers.
const char *const kMatchedTexts[] = {
    "\"The Kiev regime failed. It will fall. We know it,\" he said. Officials said talks end.",
    "FALLIN: The talks failed today. The Kiev regime lies. It always has.\n\nOthers disagree.",
    "He said:\n\nThe Kiev regime is weak. Nazis run it.\n\nThe ministry said nothing more.",
    "Kremlin: Kiev regime is to blame\n\nOfficials said the talks failed. Nothing else.",
    "Officials said the talks failed. Kiev regime troops moved. Lavrov claims Nazis rule.",
    "He called the leaders \"puppets\" on Monday. Kyiv is calm. The aggression went on.",
    "Kyiv said officials believe the Kiev regime is aggressive, and Moscow denied it.",
    "\"No,\" she said. \"The aggression began in 2014.\nIt has continued,\" she added later.",
    "The plan, he said, will fail. According to Lavrov, the special military operation works.",
    "Officials said the vote was \"a farce\" on Monday. He called it \"a sham\". Nazis, he said.",
    "She said: \"We know. The Kiev regime knows.\" Others said \"no\". Lavrov agreed, \"Yes.\"",
};

// The attribution a match links to, as its fields (empty when none).
std::vector<double> linked(const fl_match &m, const std::vector<fl_attribution> &attrs) {
    if (m.attribution == FL_NO_ATTRIBUTION) {
        return {};
    }
    const fl_attribution &a = attrs.at(m.attribution);
    return {double(a.sentence),      double(a.kind),          double(a.voice),
            double(a.nested),        double(a.speaker_actor), double(a.speaker.start),
            double(a.speaker.end),   double(a.cue.start),     double(a.cue.end),
            double(a.content.start), double(a.content.end),   double(a.content2.start),
            double(a.content2.end)};
}

// Analyses text in both modes and holds FL_ATTRIBUTIONS_MATCHED's result to FL_ATTRIBUTIONS_ALL's:
// the same matches (start, voice, negation, target, the attribution linked), exactly the
// attributions they link to, in order (every field and the cue's lemma), and the same
// markers, sentences and actor mentions. Adds the links and the attributions dropped.
void expect_matched_are_the_linked_of_all(const fl_test::Lexicon &lex, const std::string &text,
                                          fl_test::Result &all, fl_test::Result &matched,
                                          size_t *links, size_t *dropped) {
    ASSERT_EQ(FL_OK, all.analyze(lex, text)) << all.error().message;
    ASSERT_EQ(FL_OK, matched.analyze(lex, text)) << matched.error().message;
    auto am = all.matches();
    auto mm = matched.matches();
    auto aa = all.attributions();
    auto ma = matched.attributions();
    ASSERT_EQ(am.size(), mm.size()) << text;
    std::vector<uint32_t> want; // the linked attributions of ALL, in order
    for (size_t i = 0; i < am.size(); i++) {
        ASSERT_EQ(am[i].start, mm[i].start) << text;
        ASSERT_EQ(am[i].voice, mm[i].voice) << text;
        ASSERT_EQ(am[i].negated, mm[i].negated) << text;
        ASSERT_EQ(am[i].target, mm[i].target) << text;
        ASSERT_EQ(linked(am[i], aa), linked(mm[i], ma)) << text;
        if (am[i].attribution != FL_NO_ATTRIBUTION) {
            want.push_back(am[i].attribution);
            (*links)++;
        }
    }
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    ASSERT_EQ(want.size(), ma.size()) << text;
    for (size_t k = 0; k < want.size(); k++) {
        fl_match self_a{};
        fl_match self_m{};
        self_a.attribution = want[k];
        self_m.attribution = static_cast<uint32_t>(k);
        ASSERT_EQ(linked(self_a, aa), linked(self_m, ma)) << text;
        ASSERT_EQ(std::string(aa[want[k]].cue_lemma, aa[want[k]].cue_lemma_len),
                  std::string(ma[k].cue_lemma, ma[k].cue_lemma_len))
            << text;
    }
    *dropped += aa.size() - ma.size();
    size_t nk_all = 0;
    size_t nk_matched = 0;
    const fl_marker *ka = fl_result_markers(all, &nk_all);
    const fl_marker *km = fl_result_markers(matched, &nk_matched);
    ASSERT_EQ(nk_all, nk_matched) << text;
    for (size_t k = 0; k < nk_all; k++) {
        ASSERT_EQ(ka[k].start, km[k].start) << text;
        ASSERT_EQ(ka[k].kind, km[k].kind) << text;
    }
    ASSERT_EQ(all.sentences().size(), matched.sentences().size()) << text;
    ASSERT_EQ(all.mentions().size(), matched.mentions().size()) << text;
}

} // namespace

// FL_ATTRIBUTIONS_MATCHED lists exactly the attributions the matches of FL_ATTRIBUTIONS_ALL
// link to, in order, and every match (voice, negation, link, target), marker, sentence and
// actor mention is the same.
TEST(Context, MatchedAttributionsAreTheLinkedOnesOfAll) {
    fl_test::Lexicon lex(R"({"terms": [
        {"term": "Kiev regime", "category": "d"}, {"term": "Nazis", "category": "d"},
        {"term": "puppets", "category": "d"}, {"term": "aggress*", "category": "a"},
        {"term": "special military operation", "category": "e"}],
        "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]},
                   {"name": "Russia", "aliases": ["Moscow", "Kremlin", "Lavrov"]}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result all;
    fl_test::Result matched;
    fl_result_keep_attributions(matched, FL_ATTRIBUTIONS_MATCHED);
    size_t dropped = 0;
    size_t links = 0;
    for (const char *text : kMatchedTexts) {
        ASSERT_NO_FATAL_FAILURE(
            expect_matched_are_the_linked_of_all(lex, text, all, matched, &links, &dropped));
    }
    EXPECT_GE(links, 10u);  // the texts do exercise links across sentences
    EXPECT_GE(dropped, 4u); // and attributions that hold no match
    // back to every attribution
    fl_result_keep_attributions(matched, FL_ATTRIBUTIONS_ALL);
    ASSERT_EQ(FL_OK, matched.analyze(lex, kMatchedTexts[4]));
    ASSERT_EQ(FL_OK, all.analyze(lex, kMatchedTexts[4]));
    EXPECT_EQ(fl_test::dump(all), fl_test::dump(matched));
}

// The same on generated texts: words of speakers, cues, quotations, actors and matches in
// random order, so that many attributions are found and many hold no match.
TEST(Context, MatchedAttributionsAreTheLinkedOnesOfAllOnGeneratedTexts) {
    fl_test::Lexicon lex(R"({"terms": [
        {"term": "Kiev regime", "category": "d"}, {"term": "Nazis", "category": "d"},
        {"term": "aggress*", "category": "a"}],
        "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]},
                   {"name": "Russia", "aliases": ["Moscow", "Kremlin", "Lavrov"]}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"Lavrov",   "said",         "says",      "the",    "Kremlin",
                                 "claims",   "Kiev",         "regime",    "Nazis",  "aggression",
                                 "Kyiv",     "Moscow",       "officials", "told",   "reporters",
                                 "that",     "according to", "he",        "she",    "denied",
                                 "believes", "warned",       ",",         ".",      ". ",
                                 ":",        "\"",           "\u201c",    "\u201d", "\u2014",
                                 "\n\n",     "was",          "is",        "a",      "lie",
                                 "called",   "so-called",    "who",       "added",  "it"};
    fl_test::WordTexts texts(words, 0x13198A2E03707344u);
    fl_test::Result all;
    fl_test::Result matched;
    fl_result_keep_attributions(matched, FL_ATTRIBUTIONS_MATCHED);
    size_t links = 0;
    size_t dropped = 0;
    for (int text_i = 0; text_i < 3000; text_i++) {
        std::string text = texts.text(4, 40, 5);
        ASSERT_NO_FATAL_FAILURE(
            expect_matched_are_the_linked_of_all(lex, text, all, matched, &links, &dropped));
    }
    EXPECT_GE(links, 1000u);
    EXPECT_GE(dropped, 1000u);
}

// The same on generated texts of headlines, datelines, speakers' paragraphs and "He said:"
// before a paragraph, with short quotations: with FL_ATTRIBUTIONS_MATCHED, context.c passes
// over a sentence read only for its colon or dash when what its rules find reaches no match,
// no scare quote and no quotation over the borders (colon_rules_matter()).
TEST(Context, MatchedAttributionsAreTheLinkedOnesOfAllAfterColonsAndDashes) {
    fl_test::Lexicon lex(R"({"terms": [
        {"term": "Kiev regime", "category": "d"}, {"term": "Nazis", "category": "d"},
        {"term": "puppets", "category": "d"}, {"term": "aggress*", "category": "a"}],
        "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]},
                   {"name": "Russia", "aliases": ["Moscow", "Kremlin", "Lavrov"]}]})");
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"Kremlin:",
                                 "FALLIN:",
                                 "Scott Ritter:",
                                 "He said:",
                                 "said:",
                                 "\nMoD:",
                                 "Lavrov",
                                 "MoD",
                                 "\u2014",
                                 "\u2013",
                                 "-",
                                 ":",
                                 "\n",
                                 "\n\n",
                                 "\n\n",
                                 "\"",
                                 "\"",
                                 "\u201c",
                                 "\u201d",
                                 "'",
                                 "\"puppets\"",
                                 "\u201cweak\u201d",
                                 "Nazis",
                                 "Kiev regime",
                                 "the",
                                 "talks",
                                 "failed",
                                 ".",
                                 ".",
                                 "Officials",
                                 "said",
                                 "called",
                                 "it",
                                 "Kyiv",
                                 "(AP)",
                                 "WASHINGTON",
                                 "is",
                                 "a",
                                 "lie",
                                 "aggression",
                                 "so-called",
                                 "claims",
                                 "that",
                                 "he",
                                 ","};
    fl_test::WordTexts texts(words, 0xC2B2AE3D27D4EB4Fu);
    fl_test::Result all;
    fl_test::Result matched;
    fl_result_keep_attributions(matched, FL_ATTRIBUTIONS_MATCHED);
    size_t links = 0;
    size_t dropped = 0;
    // a quotation over the border of a sentence that holds no match
    for (const char *text : {
             "Kremlin: \"Talks failed.\n\nKiev regime is weak,\" Lavrov said.",
             "Kremlin: \"Talks failed.\nKiev regime is weak,\" Lavrov said.",
             "Kremlin: \"Talks failed. Kiev regime is weak,\" Lavrov said.",
             "He said: \"Talks failed.\n\nThe Kiev regime is weak.\"\n\nOthers said no.",
             "Kremlin - \"Talks failed.\n\nNazis rule.\" He said it.",
             "MoD: Talks \"failed.\n\nNazis\" rule, Lavrov said.",
         }) {
        ASSERT_NO_FATAL_FAILURE(
            expect_matched_are_the_linked_of_all(lex, text, all, matched, &links, &dropped));
    }
    for (int text_i = 0; text_i < 5000; text_i++) {
        std::string text = texts.text(4, 50, 6);
        ASSERT_NO_FATAL_FAILURE(
            expect_matched_are_the_linked_of_all(lex, text, all, matched, &links, &dropped));
    }
    EXPECT_GE(links, 1000u);
    EXPECT_GE(dropped, 1000u);
}

namespace {

// context.c's negated() as it was first written, from the tokens, their labels and their
// cue words: a negation cue or a word in "n't" within the six tokens before the match's
// first, none of , ; : ( ) — – or a quotation mark between.
bool negated_reference(const fl_result *r, size_t a, size_t first) {
    const fl_token *t = static_cast<const fl_token *>(r->tokens.data);
    const fl_tokinfo *k = static_cast<const fl_tokinfo *>(r->infos.data);
    const uint8_t *folded = static_cast<const uint8_t *>(r->folded.data);
    size_t seen = 0;
    for (size_t j = first; j > a && seen < 6; j--, seen++) {
        size_t i = j - 1;
        if (t[i].kind == FL_TOKEN_PUNCT) {
            int32_t cp = k[i].cp0;
            bool quote = cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB ||
                         cp == 0xBB || cp == 0x2039 || cp == 0x203A || cp == '\'' || cp == 0x2018 ||
                         cp == 0x2019 || cp == 0x201A;
            if (cp == ',' || cp == ';' || cp == ':' || cp == '(' || cp == ')' || cp == 0x2014 ||
                cp == 0x2013 || quote) {
                return false;
            }
            continue;
        }
        const fl_cue *q = t[i].kind == FL_TOKEN_WORD || t[i].kind == FL_TOKEN_CLITIC ? k[i].cue
                                                                                     : nullptr;
        const uint8_t *f = folded + k[i].fold_off;
        bool nt = t[i].kind == FL_TOKEN_WORD && k[i].fold_len > 3 &&
                  std::memcmp(f + k[i].fold_len - 3, "n't", 3) == 0;
        if ((q != nullptr && (q->bits & FL_W_NEGATION)) || nt) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST(Context, NegationAgreesWithItsFirstDefinitionOnGeneratedTexts) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"not",        "never",      "no",     "didn't", "won't",  "isn't",
                                 "denied",     "without",    "the",    "Kiev",   "regime", "Nazis",
                                 "aggression", "aggressive", "said",   "he",     "was",    "a",
                                 "it",         "n't",        ",",      ";",      ":",      "(",
                                 ")",          "\u2014",     "\u2013", "-",      "\"",     "\u201c",
                                 "\u201d",     "'",          "\u2019", "\u00ab", "\u00bb", "`",
                                 ".",          "!",          "\u2012", "[",      "/",      "&"};
    fl_test::WordTexts texts(words, 0x9E3779B97F4A7C15u);
    fl_test::Result res;
    size_t checked = 0;
    size_t negated = 0;
    for (int text_i = 0; text_i < 3000; text_i++) {
        std::string text = texts.text(3, 25, 4);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        /* held: matches() returns a new vector at each call, and m refers into it */
        const std::vector<fl_match> matches = res.matches();
        for (const fl_sentence &s : res.sentences()) {
            for (uint32_t mi = 0; mi < s.n_matches; mi++) {
                const fl_match &m = matches[s.first_match + mi];
                bool want = negated_reference(r, s.first_token, m.first_token);
                ASSERT_EQ(want ? 1 : 0, m.negated) << text;
                checked++;
                negated += want;
            }
        }
    }
    EXPECT_GE(checked, 2000u);
    EXPECT_GE(negated, 300u);
    EXPECT_GE(checked - negated, 300u);
}

// context.c's first loop writes a token's fresh quoted, role and naming with its cue's bits
// and form (fl_cue's zero bytes) and its opened and mention as one word: on texts with no
// cue word the rules start from, no quotation mark, colon or dash, nothing after it changes
// them, and they are those of a fresh record.
TEST(Context, AFreshVoiceRecordIsNotQuotedAndHasNoRoleOnGeneratedTexts) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"the", "Kiev", "regime", "Nazis", "aggression", "a",
                                 "was", "it",   "town",   ". ",    "! ",         "\n\n"};
    fl_test::WordTexts texts(words, 0x94D049BB133111EBu);
    fl_test::Result res;
    size_t tokens = 0;
    for (int text_i = 0; text_i < 500; text_i++) {
        std::string text = texts.text(1, 60, 6);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
        const sentence_cues *sums = static_cast<const sentence_cues *>(r->sentence_cues.data);
        for (size_t si = 0; si < r->sentence_cues.len; si++) {
            ASSERT_EQ(0u, sums[si].bits & ATTRIBUTION_CUES) << text; // no rule runs
            ASSERT_EQ(0u, sums[si].classes) << text;
        }
        for (size_t i = 0; i < r->vtoks.len; i++, tokens++) {
            ASSERT_EQ(0, v[i].quoted) << "token " << i << " of " << text;
            ASSERT_EQ(uint8_t{FL_ROLE_NONE}, v[i].role) << "token " << i << " of " << text;
            ASSERT_EQ(0, v[i].naming) << "token " << i << " of " << text;
            ASSERT_EQ(UINT32_MAX, v[i].opened) << "token " << i << " of " << text;
            ASSERT_EQ(UINT32_MAX, v[i].mention) << "token " << i << " of " << text;
        }
    }
    EXPECT_GE(tokens, 10000u);
}

// negated() on long sentences dense in matches and negations, with few clause marks, whose
// matches' windows overlap: each match's negation is that of its own window.
TEST(Context, NegationOfCloseMatchesAgreesWithItsFirstDefinition) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"Nazis",  "aggression", "aggressive", "Nazis", "not",
                                 "didn't", "denied",     "never",      "the",   "he",
                                 "was",    "a",          "it",         "said",  ",",
                                 "\"",     "-",          "Kiev regime"};
    fl_test::WordTexts texts(words, 0x2545F4914F6CDD1Du);
    fl_test::Result res;
    size_t close = 0; /* matches within six tokens of the sentence's match before */
    size_t negated = 0;
    for (int text_i = 0; text_i < 3000; text_i++) {
        std::string text = texts.text(5, 60, 8);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        const std::vector<fl_match> matches = res.matches();
        for (const fl_sentence &s : res.sentences()) {
            for (uint32_t mi = 0; mi < s.n_matches; mi++) {
                const fl_match &m = matches[s.first_match + mi];
                bool want = negated_reference(r, s.first_token, m.first_token);
                ASSERT_EQ(want ? 1 : 0, m.negated) << text;
                close += mi > 0 && m.first_token - matches[s.first_match + mi - 1].first_token <= 6;
                negated += want;
            }
        }
    }
    EXPECT_GE(close, 10000u);
    EXPECT_GE(negated, 5000u);
}

namespace {

// UTF-8 of code point cp.
std::string utf8(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

} // namespace

// context.c reads a token's cue word from its label without asking its kind: a punctuation
// or hyphen token never has one. Every cue word but "'s" starts with a letter, and the starter of
// its first letter's decomposition (F). A punctuation or hyphen token's folded form starts with its
// first code point decomposed and case-folded (S), composed with marks after it: such a composite
// decomposes to S again, and a token that opens with marks opens with a mark. So S outside F keeps
// every such token from being a cue word, whatever marks follow. Checked for every code point,
// alone, between letters, before a mark and after a word; and the voice records hold the cue of
// word and clitic tokens only, as when the kind masked it.
TEST(Context, NoPunctuationOrHyphenTokenHasACueWord) {
    auto starter = [](int32_t cp) {
        utf8proc_int32_t buf[32];
        utf8proc_int32_t bc = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(
            cp, buf, 32, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD),
            &bc);
        EXPECT_GT(n, 0) << cp;
        return n > 0 ? buf[0] : cp;
    };
    auto letter = [](int32_t cp) {
        utf8proc_category_t cat = utf8proc_category(cp);
        return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
               cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
               cat == UTF8PROC_CATEGORY_LO;
    };
    size_t n_cues = 0;
    const fl_cue *cues = fl__cue_table(&n_cues);
    ASSERT_GT(n_cues, 100u);
    std::set<int32_t> initials; // F
    for (size_t i = 0; i < n_cues; i++) {
        utf8proc_int32_t cp = -1;
        ASSERT_GT(
            utf8proc_iterate(reinterpret_cast<const uint8_t *>(cues[i].word), cues[i].len, &cp), 0)
            << cues[i].word;
        if (!letter(cp)) {
            // the clitic, the one cue word that opens with no letter: its "s" would have to
            // come from a mark after a symbol, and no mark folds to one
            ASSERT_EQ(std::string("'s"), cues[i].word);
            continue;
        }
        initials.insert(cp);
        initials.insert(starter(cp));
    }
    for (int32_t cp = 0; cp < 0x110000; cp++) {
        if ((cp < 0xD800 || cp > 0xDFFF) && fl__cclass(cp) == FL_C_MARK) {
            utf8proc_int32_t buf[32];
            utf8proc_int32_t bc = 0;
            utf8proc_ssize_t n = utf8proc_decompose_char(
                cp, buf, 32, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD),
                &bc);
            for (utf8proc_ssize_t j = 0; j < n; j++) {
                ASSERT_NE('s', buf[j]) << cp;
            }
        }
    }
    for (int32_t cp : initials) {
        ASSERT_TRUE(letter(cp)) << cp;
    }
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    size_t punct = 0;
    size_t hyphen = 0;
    size_t words_with_cue = 0;
    const uint32_t kChunk = 0x8000;
    for (uint32_t from = 0; from < 0x110000; from += kChunk) {
        std::string text = "Kyiv's men said it was denied, so-called: ";
        for (uint32_t cp = from; cp < from + kChunk; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            std::string x = utf8(cp);
            text += " " + x + " a" + x + "a " + x + "\xCC\x81 said" + x + " ";
        }
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        const fl_token *t = static_cast<const fl_token *>(r->tokens.data);
        const fl_tokinfo *k = static_cast<const fl_tokinfo *>(r->infos.data);
        const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
        const uint8_t *folded = static_cast<const uint8_t *>(r->folded.data);
        ASSERT_EQ(r->tokens.len, r->vtoks.len);
        for (size_t i = 0; i < r->tokens.len; i++) {
            bool word = t[i].kind == FL_TOKEN_WORD || t[i].kind == FL_TOKEN_CLITIC;
            ASSERT_EQ(word ? k[i].cue : nullptr, v[i].cue) << "token " << i << " from " << from;
            if (word) {
                words_with_cue += k[i].cue != nullptr;
                continue;
            }
            ASSERT_EQ(nullptr, k[i].cue) << "token " << i << " from " << from;
            ASSERT_EQ(0u, initials.count(starter(k[i].cp0))) << k[i].cp0;
            utf8proc_int32_t f0 = -1;
            if (k[i].fold_len > 0) {
                utf8proc_iterate(folded + k[i].fold_off, k[i].fold_len, &f0);
            }
            ASSERT_EQ(0u, initials.count(f0)) << k[i].cp0;
            punct += t[i].kind == FL_TOKEN_PUNCT;
            hyphen += t[i].kind == FL_TOKEN_HYPHEN;
        }
    }
    EXPECT_GT(punct, 100000u); // the code points of no word were read as punctuation
    EXPECT_GT(hyphen, 10u);
    EXPECT_GT(words_with_cue, 60u); // and "said", "denied", "so", "called" kept theirs
}

// context.c's first loop reads a sentence's tokens four a turn (the one to three left over by
// one and two): every voice record and every sentence's summary (its words' bits, its
// punctuation's classes, its cue words) agrees with the tokens, on generated texts whose
// sentences have every length up to 60 tokens; and each quotation's tokens are quoted.
TEST(Context, TheVoiceRecordsAndSentenceSummariesAgreeWithTheTokensOnGeneratedTexts) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {"said",   "the",    "Kiev",   "regime", "Nazis",  "claims",
                                 "denied", "he",     "not",    "so",     "called", "alleged",
                                 "who",    "that",   "was",    "a",      ",",      ":",
                                 "\"",     "\u201c", "\u201d", "'",      "\u2014", "-",
                                 ". ",     "! ",     "\n\n",   "(",      ")",      "according to"};
    fl_test::WordTexts texts(words, 0xD1B54A32D192ED03u);
    fl_test::Result res;
    std::set<size_t> lengths;
    size_t cue_words = 0;
    size_t quotations = 0;
    for (int text_i = 0; text_i < 2000; text_i++) {
        std::string text = texts.text(1, 120, 6);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        const fl_token *t = static_cast<const fl_token *>(r->tokens.data);
        const fl_tokinfo *k = static_cast<const fl_tokinfo *>(r->infos.data);
        const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
        const sentence_cues *sums = static_cast<const sentence_cues *>(r->sentence_cues.data);
        const uint32_t *cues = static_cast<const uint32_t *>(r->cue_tokens.data);
        ASSERT_EQ(r->tokens.len, r->vtoks.len) << text;
        ASSERT_EQ(r->sentences.len, r->sentence_cues.len) << text;
        uint32_t words_before = 0;
        size_t next = 0;
        std::vector<fl_sentence> sentences = res.sentences();
        for (size_t si = 0; si < sentences.size(); si++) {
            size_t a = sentences[si].first_token;
            size_t b = a + sentences[si].n_tokens_all;
            ASSERT_EQ(next, a) << text; // the sentences cover the tokens in order
            next = b;
            lengths.insert(b - a);
            uint32_t bits = 0;
            unsigned classes = 0;
            std::vector<uint32_t> want_cues;
            for (size_t i = a; i < b; i++) {
                const fl_cue *q = k[i].cue;
                uint32_t qb = q != nullptr ? q->bits : 0;
                bits |= qb;
                bool punct = t[i].kind == FL_TOKEN_PUNCT;
                classes |= punct ? punct_class(k[i].cp0) : 0;
                if (qb & ATTRIBUTION_CUES) {
                    want_cues.push_back(static_cast<uint32_t>(i));
                }
                ASSERT_EQ(q, v[i].cue) << "token " << i << " of " << text;
                ASSERT_EQ(q != nullptr ? q->form : uint8_t{FL_FORM_NONE}, v[i].form) << i << text;
                ASSERT_EQ(v[i].quoted ? 0u : qb, v[i].said_bits) << i << text;
                ASSERT_EQ(punct ? k[i].cp0 : 0, v[i].punct) << "token " << i << " of " << text;
                ASSERT_EQ(words_before, v[i].words_before) << "token " << i << " of " << text;
                words_before += t[i].kind == FL_TOKEN_WORD;
            }
            ASSERT_EQ(bits, sums[si].bits) << "sentence " << si << " of " << text;
            ASSERT_EQ(classes, sums[si].classes) << "sentence " << si << " of " << text;
            ASSERT_EQ(want_cues.size(), sums[si].n_cues) << "sentence " << si << " of " << text;
            for (size_t j = 0; j < want_cues.size(); j++) {
                ASSERT_EQ(want_cues[j], cues[sums[si].first_cue + j]) << si << " " << text;
            }
            cue_words += want_cues.size();
        }
        ASSERT_EQ(r->tokens.len, next) << text;
        // every token between a closing mark and the token it closed is quoted (quotes.c marks
        // the range two tokens a turn); of a closing '' the second apostrophe is the mark, and
        // the first is not quoted
        for (size_t i = 0; i < r->tokens.len; i++) {
            if (v[i].opened != UINT32_MAX) {
                bool two = i > 0 && k[i].cp0 == '\'' && k[i - 1].cp0 == '\'' &&
                           t[i - 1].kind == FL_TOKEN_PUNCT;
                for (size_t j = v[i].opened + 1; j < i - (two ? 1 : 0); j++) {
                    ASSERT_EQ(1, v[j].quoted) << "token " << j << " of " << text;
                }
                quotations++;
            }
        }
    }
    for (size_t len = 1; len <= 60; len++) {
        EXPECT_EQ(1u, lengths.count(len)) << "no sentence of " << len << " tokens";
    }
    EXPECT_GE(cue_words, 10000u);
    EXPECT_GE(quotations, 1000u);
}
