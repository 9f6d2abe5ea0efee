// test_context.cc: the voice of each match (context.c): the invariants every rule keeps
// (one of the three voices, matches never added, dropped or moved, no negation without a
// cue), each voice rule of docs/voice.md on its examples, and the attribution records
// (speaker, cue, content) the rules keep.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "shim.h"

extern "C" {
#include "../../csrc/internal.h"  // the attribution records are internal: tested directly
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

TEST(Context, UnclosedQuotationAtTheEndOfTheTextIsSafe) {
    // Texts that end inside a quotation, or with a lone quote mark, in a buffer with nothing
    // after it (ASan sees any read past the end).
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    for (std::string text : {"He said: \"the Kiev regime", "«Nazis", "the Kiev regime\"", "\"", "«",
                             "the Kiev regime ’", "‘Nazis", "Nazis'", "\"Nazis\" \""}) {
        std::vector<char> buf(text.begin(), text.end());
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(lex, buf.data(), buf.size())) << text;
        for (const fl_match &x : res.matches()) {
            EXPECT_LE(x.voice, 2) << text;
        }
    }
}

// ---------------------------------------------------------------------------- the rules

namespace {

// JSON string literal of s (quotes and backslashes escaped; the texts have no controls).
std::string json_string(const std::string &s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out + "\"";
}

// The voice of every word token of text, as "word" -> voices of its occurrences in order: a
// lexicon holding every word of the text makes each word token a match of its own.
std::map<std::string, std::vector<std::string>> word_voices(const std::string &text) {
    static const char *const names[] = {"author", "quoted", "attributed"};
    fl_test::Result plain;
    EXPECT_EQ(FL_OK, plain.analyze(nullptr, text));
    std::set<std::string> words;
    for (const fl_token &t : plain.tokens()) {
        if (t.kind == FL_TOKEN_WORD) {
            words.insert(fl_test::fold(fl_test::slice(text, t.start, t.end)));
        }
    }
    std::string json = "{\"terms\": [";
    bool first = true;
    for (const std::string &w : words) {
        json += (first ? "" : ", ") + std::string("{\"term\": ") + json_string(w) +
                ", \"category\": \"w\"}";
        first = false;
    }
    json += "]}";
    fl_test::Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::map<std::string, std::vector<std::string>> out;
    for (const fl_match &m : res.matches()) {
        out[fl_test::slice(text, m.start, m.end)].push_back(names[m.voice]);
    }
    return out;
}

// Expects the voice of each listed word ("word" or "word#2" for its second occurrence).
void expect_voices(const std::string &text,
                   const std::vector<std::pair<std::string, std::string>> &want) {
    auto got = word_voices(text);
    for (const auto &w : want) {
        std::string word = w.first;
        size_t nth = 1;
        size_t hash = word.find('#');
        if (hash != std::string::npos) {
            nth = std::stoul(word.substr(hash + 1));
            word = word.substr(0, hash);
        }
        ASSERT_TRUE(got.count(word) && got[word].size() >= nth) << word << " in: " << text;
        EXPECT_EQ(w.second, got[word][nth - 1]) << word << " in: " << text;
    }
}

const char *const A = "author";
const char *const Q = "quoted";
const char *const R = "attributed";

} // namespace

TEST(Voice, ContentAfterAVerbOfSayingIsAttributedItsSpeakerAndCueAreNot) {
    expect_voices("Russian officials said the Kiev regime was to blame.",
                  {{"officials", A}, {"said", A}, {"Kiev", R}, {"blame", R}});
    expect_voices("On Tuesday, Lavrov told reporters that the regime had fallen.",
                  {{"Tuesday", A}, {"Lavrov", A}, {"reporters", A}, {"regime", R}});
    expect_voices("Adelson said on Friday he met Trump.", {{"Friday", A}, {"met", R}});
}

TEST(Voice, ContentBeforeATrailingOrInterruptingCue) {
    expect_voices("The special military operation will go on, the Kremlin said.",
                  {{"special", R}, {"Kremlin", A}, {"said", A}});
    expect_voices("The invasion, Kyiv said, was unprovoked.",
                  {{"invasion", R}, {"Kyiv", A}, {"unprovoked", R}});
    expect_voices("The plan will fail, said Lavrov, the foreign minister.",
                  {{"plan", R}, {"Lavrov", A}, {"minister", A}});
    expect_voices("\u201cWe will win,\u201d Jeff Weaver, Sanders\u2019 campaign manager, said in a "
                  "statement.",
                  {{"We", Q}, {"Weaver", A}, {"manager", A}, {"statement", A}});
}

TEST(Voice, AccordingToBeforeAfterAndInside) {
    expect_voices("According to the ministry, the operation is going to plan.",
                  {{"ministry", A}, {"operation", R}});
    expect_voices("The operation is going to plan, according to the ministry.",
                  {{"operation", R}, {"ministry", A}});
    expect_voices("One decision, according to a source close to the process, is to wait.",
                  {{"decision", R}, {"source", A}, {"wait", R}});
}

TEST(Voice, NounOrVerbIsDecidedByWhereTheWordStands) {
    expect_voices("Insurance claims rose.", {{"Insurance", A}, {"claims", A}, {"rose", A}});
    expect_voices("Kiev claims Russia attacked.", {{"Kiev", A}, {"claims", A}, {"Russia", R}});
    expect_voices("His plans were delayed.", {{"plans", A}, {"delayed", A}});
    expect_voices("He plans to resign.", {{"He", A}, {"resign", R}});
    expect_voices("Barden leads a program called Sandy Hook Promise.", {{"Promise", A}});
}

TEST(Voice, BeliefsIntentionsAndPerceptionsAreReported) {
    expect_voices("Moscow believes Kyiv wants war.", {{"Moscow", A}, {"Kyiv", R}, {"war", R}});
    expect_voices("Some backers are concerned that momentum could carry him.",
                  {{"backers", A}, {"momentum", R}});
    expect_voices("The bill seems likely to pass.", {{"bill", R}, {"pass", R}});
    expect_voices("Ukraine reportedly uses ATACMS on Russian territory.",
                  {{"Ukraine", R}, {"territory", R}});
}

TEST(Voice, PassivesReportTheirSubjectAndComplement) {
    expect_voices("He was asked whether he would run.", {{"He", A}, {"run", R}});
    expect_voices("The price was not disclosed, though it was reported that Trump paid.",
                  {{"price", R}, {"though", A}, {"paid", R}});
}

TEST(Voice, ANestedSpeakerNamedByTheWriterStaysTheWritersWord) {
    expect_voices("The EU has accused Russia of massing troops in what Kiev claims is "
                  "preparation for an invasion.",
                  {{"Russia", R}, {"Kiev", A}, {"claims", A}, {"preparation", R}});
    // but a speaker inside reported words is reported too
    expect_voices("Cardin said he thinks the administration would be pleased.",
                  {{"he", R}, {"thinks", R}, {"administration", R}});
}

TEST(Voice, CoordinatedAttributionsEachHaveTheirOwnContent) {
    expect_voices("Some friends say he looks tired, while others say he has never been "
                  "healthier.",
                  {{"looks", R}, {"others", A}, {"healthier", R}});
}

TEST(Voice, HeadlinePrefixesSuffixesAndLabels) {
    expect_voices("Kremlin: Kiev regime behind attack", {{"Kremlin", A}, {"Kiev", R}});
    expect_voices("Ukraine war latest: Russia attacks Kyiv",
                  {{"Ukraine", A}, {"latest", A}, {"Russia", A}, {"Kyiv", A}});
    expect_voices("Ukraine war latest: Russia hits oil depot in Crimea, Kyiv says",
                  {{"latest", A}, {"Russia", R}, {"Crimea", R}, {"Kyiv", A}});
    expect_voices("Opinion: The war must end", {{"Opinion", A}, {"war", A}});
    expect_voices("Strategic Shift: Why the Liberation of Kirovsk Matters",
                  {{"Strategic", A}, {"Liberation", A}});
    expect_voices("Russian Troops Liberate Veseloye Settlement in Donetsk Area - MoD",
                  {{"Troops", R}, {"Area", R}, {"MoD", A}});
    expect_voices("UK Military Chief: West Underestimated Russia's Defenses",
                  {{"Chief", A}, {"West", R}});
    expect_voices("Land on fire: Russia's offensive brings destruction to new towns",
                  {{"Land", A}, {"offensive", A}});
}

TEST(Voice, QuotationsInTheirStylesAndSpeakersParagraphs) {
    expect_voices("''We will win,'' he said.", {{"We", Q}, {"he", A}});
    expect_voices("TAPPER: Do you think so? Take a listen.\n\nThe show went on.",
                  {{"TAPPER", A}, {"Take", R}, {"show", A}});
    expect_voices("WASHINGTON (AP) \u2014 The plan failed, officials said.",
                  {{"WASHINGTON", A}, {"plan", R}, {"officials", A}});
}

TEST(Voice, ScareQuotesAreThoseNobodyIsSaidToState) {
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

// ---------------------------------------------------------------------------- records

namespace {

struct Record {
    std::string speaker, cue, lemma, content, content2;
    int kind;
};

std::string token_range(const std::string &text, const fl_result *res, uint32_t a, uint32_t b) {
    if (a >= b) {
        return "";
    }
    const fl_token *t = static_cast<const fl_token *>(res->tokens.data);
    return fl_test::slice(text, t[a].start, t[b - 1].end);
}

std::vector<Record> records(const std::string &text) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "zzz", "category": "x"}]})");
    EXPECT_EQ(FL_OK, lex.status());
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    const fl_result *r = res.get();
    const fl_attribution *at = static_cast<const fl_attribution *>(r->attributions.data);
    const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
    std::vector<Record> out;
    for (size_t i = 0; i < r->attributions.len; i++) {
        Record rec;
        rec.speaker = token_range(text, r, at[i].speaker_first, at[i].speaker_end);
        rec.cue = token_range(text, r, at[i].cue_first, at[i].cue_end);
        rec.lemma = at[i].cue_word != UINT32_MAX && v[at[i].cue_word].cue != nullptr
                        ? v[at[i].cue_word].cue->lemma
                        : "";
        rec.content = token_range(text, r, at[i].content_first, at[i].content_end);
        rec.content2 = token_range(text, r, at[i].content2_first, at[i].content2_end);
        rec.kind = at[i].kind;
        out.push_back(rec);
    }
    return out;
}

} // namespace

TEST(Attribution, RecordsSpeakerCueLemmaAndContent) {
    auto r = records("Kiev claims that Russian forces shelled the town.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Kiev", r[0].speaker);
    EXPECT_EQ("claims", r[0].cue);
    EXPECT_EQ("claim", r[0].lemma);
    EXPECT_EQ("that Russian forces shelled the town.", r[0].content);
    EXPECT_EQ(FL_ATTR_STATEMENT, r[0].kind);
}

TEST(Attribution, ANestedAttributionIsRecordedToo) {
    auto r = records("The EU has accused Russia of massing troops in what Kiev claims is "
                     "preparation for an invasion.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("accuse", r[0].lemma);
    EXPECT_EQ("Kiev", r[1].speaker);
    EXPECT_EQ("claim", r[1].lemma);
    EXPECT_EQ("is preparation for an invasion.", r[1].content);
}

TEST(Attribution, AnInterruptedClauseHasTwoPieces) {
    auto r = records("The plan, he said, will fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("he", r[0].speaker);
    EXPECT_EQ("The plan", r[0].content);
    EXPECT_EQ("will fail.", r[0].content2);
}

TEST(Attribution, AQuotationOpenedInAnEarlierSentenceIsItsContent) {
    std::string text = "\"We did not start this war. The Nazis in Kyiv started it,\" the "
                       "spokesman said.";
    auto r = records(text);
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the spokesman", r[0].speaker);
    EXPECT_EQ(0u, r[0].content.find("\"We did not start"));
}

TEST(Attribution, HeadlineSpeakerAndSourceSuffix) {
    auto r = records("Putin: Russia Strikes Ukrainian Defense Facility");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Putin", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("", r[0].lemma);
    r = records("Ukraine Loses Up to 300 Soldiers in Past Day - MoD");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("MoD", r[0].speaker);
    EXPECT_EQ("Ukraine Loses Up to 300 Soldiers in Past Day", r[0].content);
}

TEST(Attribution, NoneWithoutACue) {
    EXPECT_TRUE(records("Relations deteriorated following a coup in Ukraine.").empty());
    EXPECT_TRUE(records("").empty());
    EXPECT_TRUE(records("\"\" , , : - said").size() <= 1u);
}
