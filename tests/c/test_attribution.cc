// test_attribution.cc: speakers, cues and contents (attribution*.c): each rule of
// docs/voice.md on its examples, and the attribution records the rules keep.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "voice_shim.h"

extern "C" {
#include "../../csrc/internal.h"  // the attribution records are internal: tested directly
}

using fl_voice_test::A;
using fl_voice_test::expect_voices;
using fl_voice_test::Q;
using fl_voice_test::R;

TEST(Voice, ContentAfterAVerbOfSayingIsAttributedItsSpeakerAndCueAreNot) {
    expect_voices("Russian officials said the Kiev regime was to blame.",
                  {{"officials", A}, {"said", A}, {"Kiev", R}, {"blame", R}});
    expect_voices("On Tuesday, Lavrov told reporters that the regime had fallen.",
                  {{"Tuesday", A}, {"Lavrov", A}, {"reporters", A}, {"regime", R}});
    expect_voices("Kowalski said on Monday he met Petrenko.", {{"Monday", A}, {"met", R}});
}

TEST(Voice, ContentBeforeATrailingOrInterruptingCue) {
    expect_voices("The special military operation will go on, the Kremlin said.",
                  {{"special", R}, {"Kremlin", A}, {"said", A}});
    expect_voices("The invasion, Kyiv said, was unprovoked.",
                  {{"invasion", R}, {"Kyiv", A}, {"unprovoked", R}});
    expect_voices("The plan will fail, said Lavrov, the foreign minister.",
                  {{"plan", R}, {"Lavrov", A}, {"minister", A}});
    expect_voices("\u201cWe will win,\u201d Olena Marchuk, Lind\u2019s campaign manager, said in a "
                  "statement.",
                  {{"We", Q}, {"Marchuk", A}, {"manager", A}, {"statement", A}});
}

TEST(Voice, AccordingToBeforeAfterAndInside) {
    expect_voices("According to the ministry, the operation is going to plan.",
                  {{"ministry", A}, {"operation", R}});
    expect_voices("The operation is going to plan, according to the ministry.",
                  {{"operation", R}, {"ministry", A}});
    expect_voices("One option, according to an aide close to the talks, is to wait.",
                  {{"option", R}, {"aide", A}, {"wait", R}});
}

TEST(Voice, NounOrVerbIsDecidedByWhereTheWordStands) {
    expect_voices("Insurance claims rose.", {{"Insurance", A}, {"claims", A}, {"rose", A}});
    expect_voices("Kiev claims Russia attacked.", {{"Kiev", A}, {"claims", A}, {"Russia", R}});
    expect_voices("His plans were delayed.", {{"plans", A}, {"delayed", A}});
    expect_voices("He plans to resign.", {{"He", A}, {"resign", R}});
    expect_voices("Ivanova runs a charity called Open Harbour Fund.", {{"Fund", A}});
}

TEST(Voice, BeliefsIntentionsAndPerceptionsAreReported) {
    expect_voices("Moscow believes Kyiv wants war.", {{"Moscow", A}, {"Kyiv", R}, {"war", R}});
    expect_voices("Some donors are concerned that the delay could hurt her.",
                  {{"donors", A}, {"delay", R}});
    expect_voices("The bill seems likely to pass.", {{"bill", R}, {"pass", R}});
    expect_voices("Ukraine reportedly fires drones at Russian territory.",
                  {{"Ukraine", R}, {"territory", R}});
}

TEST(Voice, PassivesReportTheirSubjectAndComplement) {
    expect_voices("He was asked whether he would run.", {{"He", A}, {"run", R}});
    expect_voices("The fee was not disclosed, though it was reported that Lind paid.",
                  {{"fee", R}, {"though", A}, {"paid", R}});
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
    expect_voices("Some fans say the coach looks tired, while others say he has rarely been "
                  "sharper.",
                  {{"looks", R}, {"others", A}, {"sharper", R}});
}

TEST(Voice, HeadlinePrefixesSuffixesAndLabels) {
    expect_voices("Kremlin: Kiev regime behind attack", {{"Kremlin", A}, {"Kiev", R}});
    expect_voices("Ukraine war latest: Russia attacks Kyiv",
                  {{"Ukraine", A}, {"latest", A}, {"Russia", A}, {"Kyiv", A}});
    expect_voices("Ukraine war latest: Russia hits oil depot in Crimea, Kyiv says",
                  {{"latest", A}, {"Russia", R}, {"Crimea", R}, {"Kyiv", A}});
    expect_voices("Opinion: The war must end", {{"Opinion", A}, {"war", A}});
    expect_voices("Tactical Turn: Why the Liberation of Ostrovka Counts",
                  {{"Tactical", A}, {"Liberation", A}});
    expect_voices("Russian Troops Liberate Lesnoye Village in Kharkov Area - MoD",
                  {{"Troops", R}, {"Area", R}, {"MoD", A}});
    expect_voices("French Army Chief: West Underestimated Moscow's Reserves",
                  {{"Chief", A}, {"West", R}});
    expect_voices("Sky on fire: Russia's offensive brings ruin to more villages",
                  {{"Sky", A}, {"offensive", A}});
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
    const fl_attr *at = static_cast<const fl_attr *>(r->attributions.data);
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
    EXPECT_EQ(FL_ATTRIBUTION_STATEMENT, r[0].kind);
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
    auto r = records("Putin: Russia Hits Ukrainian Fuel Depot");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Putin", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("", r[0].lemma);
    r = records("Ukraine Loses Up to 450 Troops in Past Week - MoD");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("MoD", r[0].speaker);
    EXPECT_EQ("Ukraine Loses Up to 450 Troops in Past Week", r[0].content);
}

TEST(Attribution, NoneWithoutACue) {
    EXPECT_TRUE(records("Relations deteriorated following a coup in Ukraine.").empty());
    EXPECT_TRUE(records("").empty());
    EXPECT_TRUE(records("\"\" , , : - said").size() <= 1u);
}

// ---------------------------------------------------------------------------- public records

namespace {

struct Public {
    std::string speaker, cue, lemma, content, content2, actor;
    int kind, voice, nested;
};

std::vector<Public> published(const std::string &text) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "zzz", "category": "x"}],
      "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin", "Kremlin"]},
                 {"name": "Ukraine", "aliases": ["Kiev", "Kyiv"]}]})");
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::vector<Public> out;
    for (const fl_attribution &a : res.attributions()) {
        Public p;
        p.speaker = fl_test::slice(text, a.speaker.start, a.speaker.end);
        p.cue = fl_test::slice(text, a.cue.start, a.cue.end);
        p.lemma = std::string(a.cue_lemma, a.cue_lemma_len);
        EXPECT_EQ('\0', a.cue_lemma[a.cue_lemma_len]);
        p.content = fl_test::slice(text, a.content.start, a.content.end);
        p.content2 = fl_test::slice(text, a.content2.start, a.content2.end);
        p.actor = "-";
        if (a.speaker_actor != FL_NO_ACTOR) {
            fl_actor_info info{};
            EXPECT_EQ(FL_OK, fl_lexicon_actor(lex, a.speaker_actor, &info));
            p.actor = std::string(info.name, info.name_len);
        }
        p.kind = a.kind;
        p.voice = a.voice;
        p.nested = a.nested;
        out.push_back(p);
    }
    return out;
}

// How many of the text's attributions are outermost (not nested in another's content).
size_t outermost(const std::string &text) {
    size_t n = 0;
    for (const auto &a : published(text)) {
        n += !a.nested;
    }
    return n;
}

// The text has two outermost attributions, one of them with this cue and speaker: the
// inner speaker opens a clause of its own inside the other's content.
void expect_own_clause(const char *text, const char *speaker, const char *cue) {
    bool found = false;
    for (const auto &a : published(text)) {
        if (a.cue == cue) {
            found = true;
            EXPECT_EQ(speaker, a.speaker) << text;
            EXPECT_EQ(0, a.nested) << text;
        }
    }
    EXPECT_TRUE(found) << text;
    EXPECT_EQ(2u, outermost(text)) << text;
}

} // namespace

TEST(Attribution, PublicRecordsGiveOffsetsLemmaVoiceAndTheSpeakersActor) {
    auto r = published("The EU has accused Russia of massing troops in what Kiev claims is "
                       "preparation for an invasion. Russia says its drills are routine.");
    ASSERT_EQ(3u, r.size());
    EXPECT_EQ("The EU", r[0].speaker);
    EXPECT_EQ("has accused", r[0].cue);
    EXPECT_EQ("accuse", r[0].lemma);
    EXPECT_EQ(0, r[0].nested);
    EXPECT_EQ("Kiev", r[1].speaker);
    EXPECT_EQ("claims", r[1].cue);
    EXPECT_EQ("claim", r[1].lemma);
    EXPECT_EQ("Ukraine", r[1].actor);
    EXPECT_EQ(1, r[1].nested);  // inside the EU's accusation
    EXPECT_EQ(FL_VOICE_ATTRIBUTED, r[1].voice);
    EXPECT_EQ("Russia", r[2].speaker);
    EXPECT_EQ("say", r[2].lemma);
    EXPECT_EQ("Russia", r[2].actor);
}

TEST(Attribution, AQuotedContentAndAHeadlineColonCue) {
    auto r = published("\"The war will end,\" the Kremlin said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ(FL_VOICE_QUOTED, r[0].voice);
    EXPECT_EQ("Russia", r[0].actor);
    r = published("Kremlin: Kiev regime behind attack");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("", r[0].lemma);  // punctuation is the cue
}

TEST(Attribution, ANamingPassiveRecordsTheQuotedLabelWithoutASpeaker) {
    auto r = published("A statement in which Russia was called \"an aggressor country\".");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("was called", r[0].cue);
    EXPECT_EQ("call", r[0].lemma);
    EXPECT_EQ("\"an aggressor country\"", r[0].content);
    EXPECT_EQ(FL_VOICE_QUOTED, r[0].voice);
}

TEST(Attribution, SpeakersBehindAnAppositionARelativePronounOrAParticiple) {
    auto r = published("Dmitry Peskov, the Kremlin's spokesman, said talks had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dmitry Peskov", r[0].speaker);
    EXPECT_EQ("Russia", r[0].actor);  // named in the apposition
    r = published("Moscow, which says the talks failed, left.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("which", r[0].speaker);
    EXPECT_EQ("Russia", r[0].actor);  // the antecedent's
    r = published("Kyiv rejected the plan, saying it rewarded aggression.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Kyiv", r[1].speaker);
    EXPECT_EQ("saying", r[1].cue);
    r = published("Spokeswoman Hope Hicks said the meeting was over.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Spokeswoman Hope Hicks", r[0].speaker);  // "Hope" is a name here
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, AnInvertedSpeakerMayStartWithAQuantifier) {
    auto r = records("\u201cThis is new,\u201d said one senior aide to the governor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("one senior aide", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, ACoordinatedVerbOfSayingInThePastStartsItsOwnAttribution) {
    // "noted" is also a noun ("a note"), but not in the past tense after "and"
    auto r = records("He said that he was focused on the budget and noted that Lind had "
                     "conceded.");
    ASSERT_GE(r.size(), 2u);
    EXPECT_EQ("that he was focused on the budget", r[0].content);
    EXPECT_EQ("noted", r[1].cue);
    EXPECT_EQ("that Lind had conceded.", r[1].content);
    // "claims" after "and" may be a noun: no new attribution there
    r = records("He said that the reports and claims that followed were wrong.");
    ASSERT_EQ(1u, r.size());
}

TEST(Attribution, AQuoteVerbReportsAThatClauseOrAQuotationAfterIt) {
    auto r = records("The campaign responded that she had never sent the files.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The campaign", r[0].speaker);
    EXPECT_EQ("responded", r[0].cue);
    EXPECT_EQ("respond", r[0].lemma);
    EXPECT_EQ("that she had never sent the files.", r[0].content);
    r = records("He continued: \u201cI have never heard of anyone.\u201d");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("He", r[0].speaker);
    EXPECT_EQ("continued", r[0].cue);
    // but not a deed: "continued to work", "responded to criticism"
    EXPECT_TRUE(records("The union has continued to work on the plan.").empty());
    EXPECT_TRUE(records("The campaign responded to criticism by pointing to her record.").empty());
}

TEST(Attribution, AParticiplesSpeakerIsTheWholeNounPhraseThatOpensTheSentence) {
    // a capitalised determiner or number is no name: the lower-case nouns after it belong
    // to the speaker ("The nurse", not "The")
    auto r = records("The nurse sued the state, claiming the quarantine was illegal.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("The nurse", r.back().speaker);
    EXPECT_EQ("claiming", r.back().cue);
    r = records("Many undocumented workers try to stay unseen, telling few people.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("Many undocumented workers", r.back().speaker);
    r = records("Two objectors had challenged the bid, contending that it was void.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("Two objectors", r.back().speaker);
    r = records("The Lind campaign fired back, calling it the sign of a weak rival.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("The Lind campaign", r.back().speaker);
    // a name followed by a lower-case word is still a name and its verb
    r = records("Sanders lost the vote, saying the count was wrong.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("Sanders", r.back().speaker);
}

TEST(Attribution, ASubjectCutByAPrepositionIsTheWholeNounPhrase) {
    auto r = records("A city official familiar with the audit said that charges were "
                     "unlikely.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A city official familiar with the audit", r[0].speaker);
    r = records("A 2011 study by the Institute for Rural Affairs found that a tax would work.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("A 2011 study by the Institute for Rural Affairs", r[0].speaker);
    // but not across a verb: "After meeting with …" is no subject
    r = records("After meeting with the donors, the senator said he was pleased.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the senator", r[0].speaker);
}

TEST(Attribution, AParticiplesSubjectComesAfterAnIntroduction) {
    auto r = records("Shortly after the announcement, the founders' families had mobilized, "
                     "warning that the deal would fail.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("warning", r.back().cue);
    EXPECT_EQ("the founders' families", r.back().speaker);
    r = records("Despite his low standing, Clinton was ready for him, reminding viewers that "
                "he was weak.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("Clinton", r.back().speaker);
}

TEST(Attribution, MoreVerbsOfStanceAndSaying) {
    auto r = records("Trump lambasted the deal as a disaster.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Trump", r[0].speaker);
    EXPECT_EQ("lambast", r[0].lemma);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    r = records("The FBI deemed the emails classified.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("deem", r[0].lemma);
    r = records("She invoked the memory of her father.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("invoke", r[0].lemma);
}

TEST(Attribution, ASpeakerAfterALinkingConjunctionAndAnApposition) {
    auto r = records("But Ivan Melnyk, a volunteer with the group, said the march would go on.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivan Melnyk", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, AParticiplesSubjectAtTheVeryStartOfTheText) {
    // the subject's first word is the text's first token (no token before it to look at)
    auto r = records("officials met the donors, saying it was over.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("saying", r.back().cue);
    r = records("the nurse resigned, claiming it was illegal.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("the nurse", r.back().speaker);
}

TEST(Attribution, ACatenativeVerbHeadsTheChainOfItsCue) {
    // the verb before "to" (or "by" and a gerund) is part of the cue; the speaker precedes it
    auto r = records("The governor went on to say that the budget was balanced.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("went on to say", r[0].cue);
    EXPECT_EQ("The governor", r[0].speaker);
    EXPECT_EQ("say", r[0].lemma);
    r = records("Her aides continued to question the timing of the vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("continued to question", r[0].cue);
    EXPECT_EQ("Her aides", r[0].speaker);
    r = records("The union voted to endorse the mayor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("voted to endorse", r[0].cue);
    r = records("The minister responded by saying the talks had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("responded by saying", r[0].cue);
    EXPECT_EQ("The minister", r[0].speaker);
    // a noun before "to" is no catenative verb; the chain starts at the speaker's own verb
    // (chain_to_speaker): "have the right to say"
    r = records("Voters have the right to say no.");
    for (const auto &a : r) {
        EXPECT_EQ(0u, a.cue.find("have the right"));
    }
}

TEST(Attribution, AndWithAPastVerbOfStanceStartsTheSpeakersNextAttribution) {
    auto r = records("The mayor said the budget was fair and praised the council for its work.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("praised", r[1].cue);
    EXPECT_EQ("The mayor", r[1].speaker);
}

TEST(Attribution, AVerbWithASpeechActAsItsObjectHeadsTheCue) {
    // the deed reports what its object says: "issued a statement saying …"
    auto r = records("The senator issued a statement saying she would vote no.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("issued a statement saying", r[0].cue);
    EXPECT_EQ("The senator", r[0].speaker);
    EXPECT_EQ("say", r[0].lemma);
    r = records("The group sent out a letter Friday urging members to stay home.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("sent out a letter Friday urging", r[0].cue);
    EXPECT_EQ("The group", r[0].speaker);
    // a verb that takes only a clause takes one after a speech act too
    r = records("The party released a short statement confirming it will hire more staff.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The party", r[0].speaker);
    // after a comma the participle is the subject's, not the object's
    r = records("Protesters interrupted her speech, shouting that she had lied.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("shouting", r[0].cue);
}

TEST(Attribution, ACommaMayStandBeforeTheQuotationOfASpeechActsParticiple) {
    // "released a statement saying, "…"": the comma does not end the cue
    auto r = records("Later, Reyes released a statement saying, \"The levy was a mistake.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("released a statement saying", r[0].cue);
    EXPECT_EQ("Reyes", r[0].speaker);
}

TEST(Attribution, TheIssuingOfASpeechActIsACueWithoutAParticiple) {
    // "issued a statement" reports what the statement says; the verb alone is a deed
    auto r = records("Brandt issued a statement after the vote in Tilden.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("issued", r[0].cue);
    EXPECT_EQ("Brandt", r[0].speaker);
    r = records("The council sent out a letter to every grower.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    r = records("Reyes issued a statement that the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("issued a statement", r[0].cue);
    EXPECT_EQ("that the levy would stay.", r[0].content);
    EXPECT_EQ(0u, records("The rebels released two prisoners on Friday.").size());
    EXPECT_EQ(0u, records("The army sent troops to the border near Vesk.").size());
    // a document is such an object too: its release reports what it says
    r = records("The water board released its findings on the spill.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("released", r[0].cue);
    EXPECT_EQ("The water board", r[0].speaker);
    r = records("The campaign published a list of its biggest donors.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The campaign", r[0].speaker);
    // a document received or read is not the reader's words; a released hostage says nothing
    EXPECT_EQ(0u, records("The clerk received a list of donors from the bank.").size());
    EXPECT_EQ(0u, records("The rebels released a hostage near the border.").size());
}

TEST(Attribution, WordsBetweenACueAndTheColonEndingItsParagraphKeepTheParagraphBelow) {
    // "called for …:" above a quotation: the paragraph below is what was said
    auto r = records("Lind and Reyes called for more levees along the river:\n\n\"Tilden "
                     "cannot wait another spring.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and Reyes", r[0].speaker);
    EXPECT_EQ("\"Tilden cannot wait another spring.\"", r[0].content);
}

TEST(Attribution, AnAppealWithAnInfinitiveIsAVerbAfterASingularNoun) {
    // "The envoy called on Tilden to withdraw" appeals; "a charity called For Hope" names
    auto r = records("The envoy called on Tilden to withdraw its growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called on", r[0].cue);
    EXPECT_EQ("The envoy", r[0].speaker);
    r = records("Last year the prince called for the mayor to resign.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called for", r[0].cue);
    EXPECT_EQ("the prince", r[0].speaker);
    // without the infinitive a plain noun's "called for" stays what it was
    EXPECT_EQ(0u, records("The bill called for a ban.").size());
}

TEST(Attribution, AnAdIsASpeechAct) {
    // a campaign's ad says what its maker says, after "a new" too
    auto r = records("Lind aired a new radio ad calling the levy a tax on hope.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("aired a new radio ad calling", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("Last week, Reyes released a web ad on the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("released", r[0].cue);
    EXPECT_EQ("Reyes", r[0].speaker);
}

TEST(Attribution, ASecondCueAfterACoordinatorAndAnAdjunctEndsTheFirstContent) {
    // "…, but at a later hearing said …": the same speaker's next attribution
    auto r = records("Brandt first said the levy was unfair, but at a later hearing said he "
                     "had signed it.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy was unfair,", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Brandt", r[1].speaker);
    EXPECT_EQ("he had signed it.", r[1].content);
    // a name in the adjunct is the second verb's own subject
    r = records("Lind said the levy was fair, and in Tilden growers said it was not.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Tilden growers", r[1].speaker);
}

TEST(Attribution, AVerbOfIssuingOrOfReplyBeforeACommaHeadsTheParticiplesCue) {
    // the speech act is the statement or the reply; the participle says what it said
    auto r = records(
        "The union released a statement Monday evening, saying the strike would go on.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("released a statement Monday evening, saying", r[0].cue);
    EXPECT_EQ("The union", r[0].speaker);
    EXPECT_EQ("the strike would go on.", r[0].content);
    r = records("The mayor's office responded late Friday, calling the audit a political stunt.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("responded late Friday, calling", r[0].cue);
    EXPECT_EQ("The mayor's office", r[0].speaker);
    r = records("Ms. Okafor hit back in a statement, arguing that the figures were old.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("hit back in a statement, arguing", r[0].cue);
    EXPECT_EQ("Ms. Okafor", r[0].speaker);
    // any other verb leaves the participle its own cue
    r = records("The governor toured the flooded town, saying help was on the way.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
}

TEST(Attribution, MakeAndTakeHeadACueOnlyInAPhraseOfSayingOrOfAttack) {
    auto r = records("The senator made it clear that she would not back the bill.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("made it clear", r[0].cue);
    EXPECT_EQ("The senator", r[0].speaker);
    EXPECT_EQ("that she would not back the bill.", r[0].content);
    r = records("Union leaders made clear on Monday they would strike.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Union leaders", r[0].speaker);
    EXPECT_EQ("they would strike.", r[0].content);
    r = records("The mayor has made a forceful case for the new tram line.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has made a forceful case", r[0].cue);
    r = records("Rivera took aim at the council's housing plan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("took aim at", r[0].cue);
    EXPECT_EQ("Rivera", r[0].speaker);
    EXPECT_EQ("the council's housing plan.", r[0].content);
    r = records("The governor took several swipes at his rival, who had skipped the debate.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("took several swipes at", r[0].cue);
    // alone, or with any other object, they report nothing
    EXPECT_TRUE(records("The council made a deal with the bus company.").empty());
    EXPECT_TRUE(records("She took office in January and made the team stronger.").empty());
    EXPECT_TRUE(records("The court made the case public on Monday.").empty());
}

TEST(Attribution, MakeWithANounOfSayingIsOneActOfSaying) {
    // "made" and a noun of saying as its object: the subject speaks, the topic after the
    // noun's preposition is the content
    auto r = records("The governor has made several angry remarks about the tram line.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has made several angry remarks about", r[0].cue);
    EXPECT_EQ("The governor", r[0].speaker);
    EXPECT_EQ("the tram line.", r[0].content);
    r = records("Okafor made no mention of the strike in her speech to the union.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("made no mention of", r[0].cue);
    EXPECT_EQ("Okafor", r[0].speaker);
    r = records("The mayor made a sharp, thinly-veiled attack on her rival.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("made a sharp, thinly-veiled attack on", r[0].cue);
    r = records("Rivera made the suggestion that the depot should close.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("made the suggestion", r[0].cue);
    EXPECT_EQ("that the depot should close.", r[0].content);
    // any other object of "make", or a name before the noun, reports nothing
    EXPECT_TRUE(records("The council made a costly mistake with the bus contract.").empty());
    EXPECT_TRUE(records("The firm made several large donations to the party.").empty());
    EXPECT_TRUE(records("She made Statements magazine a success.").empty());
}

TEST(Attribution, GiveWithAnAnswerOrAnAccountIsOneActOfSaying) {
    auto r = records("The minister gave a full account of the talks in Tilden.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("gave a full account of", r[0].cue);
    EXPECT_EQ("The minister", r[0].speaker);
    EXPECT_EQ("the talks in Tilden.", r[0].content);
    r = records("Okafor gave him a short answer about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("gave him a short answer about", r[0].cue);
    EXPECT_EQ("Okafor", r[0].speaker);
    // "give" with any other object reports nothing
    EXPECT_TRUE(records("The firm gave money to the party in May.").empty());
    EXPECT_TRUE(records("The result gives the growers reason for hope.").empty());
    EXPECT_TRUE(records("Lind gave a speech in Tilden on Friday.").empty());
}

TEST(Attribution, AVoteIsAStanceTowardWhomOrWhatItIsFor) {
    auto r = records("In 2010, the senator voted against a measure to extend the tax cuts.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("voted against", r[0].cue);
    EXPECT_EQ("the senator", r[0].speaker);
    EXPECT_EQ("a measure to extend the tax cuts.", r[0].content);
    EXPECT_EQ("vote", r[0].lemma);
    r = records("Most delegates voted overwhelmingly in favor of the new rules.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the new rules.", r[0].content);
    r = records("The council voted to close the library.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("to close the library.", r[0].content);
    // a vote without what it is for, a passive and a noun report nothing
    EXPECT_TRUE(records("The council voted 7-2 on Monday.").empty());
    EXPECT_TRUE(records("The levy has still not been voted on by the council.").empty());
    EXPECT_TRUE(records("She needs 60 million votes to win.").empty());
}

TEST(Attribution, AVerbOfPortrayalReportsOnlyWithItsObjectAndAs) {
    auto r = records("The mayor cast her rival as a man of the past.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("cast", r[0].cue);
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("her rival as a man of the past.", r[0].content);
    r = records("His aides have characterized the deal as a betrayal.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("His aides", r[0].speaker);
    r = records("The result was framed as a win.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("was framed", r[0].cue);
    // a deed, not a portrayal
    EXPECT_TRUE(records("Voters cast their ballots on Tuesday.").empty());
    EXPECT_TRUE(records("They painted the house last year.").empty());
    EXPECT_TRUE(records("He was framed by his business partner.").empty());
    EXPECT_TRUE(records("She won 73 percent of the votes cast to earn four seats.").empty());
}

TEST(Attribution, AQuotationAfterAShortAdjunctAndACommaIsTheContent) {
    auto r = records("Lind wrote to her 900 newsletter readers, \"It is time to go.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("wrote", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("\"It is time to go.\"", r[0].content);
    // after a long adjunct the quotation is more often a title: it starts no content
    r = records(
        "The station spoke to Lind for the third part of its weekly radio series, \"Open Doors.\"");
    for (const auto &a : r) {
        EXPECT_NE('"', a.content.empty() ? ' ' : a.content[0]);
    }
}

TEST(Attribution, AThinkTankIsNoThought) {
    auto r = records(
        "Dana Reyes, a fellow at the think tank Harbour Point, said the levy would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Dana Reyes", r[0].speaker);
}

TEST(Attribution, AnAdverbBetweenTheNextSpeakerAndHisVerbEndsTheContentBefore) {
    auto r = records("When asked about the levy, Reyes quickly said it was not her decision.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("it was not her decision.", r[1].content);
}

TEST(Attribution, APossessiveSubjectAfterACommaOpensAnotherSpeakersClause) {
    // "Kyiv's" is a possessive here, not "Kyiv is": the clause after the comma is a speaker's
    auto r = records("In a memo praising the plan, Kyiv's envoy said the talks would resume.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Kyiv's envoy", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("the plan", r[0].content);  // the participle's content ends at the comma
}

TEST(Attribution, AnAbbreviatedNameAfterACommaOpensAnotherSpeakersClause) {
    auto r = records("Considering the cost of the bridge, Dr. Ivanova said it was worth it.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Dr. Ivanova", r[1].speaker);
    EXPECT_EQ("the cost of the bridge", r[0].content);  // the participle's phrase ends
    r = records("Asked about the delay, Olena K. Marchuk said the report was ready.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ(std::string::npos, r[0].content.find("said"));
}

TEST(Attribution, SeeAndViewReportAJudgmentWithAsOrAClause) {
    auto r = records("Most farmers see the new tariff as a betrayal.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Most farmers", r[0].speaker);
    EXPECT_EQ("see", r[0].lemma);
    EXPECT_EQ(FL_ATTRIBUTION_BELIEF, r[0].kind);
    r = records("The governor is widely seen as the favourite.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("see", r[0].lemma);
    r = records("Voters viewed the deal as a mistake.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("view", r[0].lemma);
    // a sight is no judgment; the noun "view" stays a noun cue
    EXPECT_TRUE(records("She saw the film twice.").empty());
    EXPECT_TRUE(records("We will see.").empty());
    r = records("It is his view that the plan will fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("view", r[0].cue);
}

TEST(Attribution, CalledOnOrForAfterAnAppositionIsAnAppeal) {
    auto r = records("Olena Kovalenko, the mayor, called on the banks to lower their rates.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Olena Kovalenko", r[0].speaker);
    EXPECT_EQ("call", r[0].lemma);
    // a name given after a comma is still no one's claim
    EXPECT_TRUE(records("There is also a weekly series, called Open Questions.").empty());
}

TEST(Attribution, AWordThatIsAlsoANounIsANounAfterANumber) {
    EXPECT_TRUE(records("She finished 12 points ahead of the mayor.").empty());
    // a number after "than" is a comparison's, and opens no clause
    EXPECT_TRUE(records("She started out more than 40 points ahead of the mayor.").empty());
    EXPECT_TRUE(records("The agency filed three reports on the spill.").empty());
    // the verb after a subject with a number stays a verb
    auto r = records("Three officials claim the vote was rigged.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claim", r[0].lemma);
    r = records("More than 40 claim that the toll is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claim", r[0].lemma);
}

TEST(Attribution, AWordThatIsAlsoANounIsAVerbAfterAnAppositionBeforeItsObject) {
    auto r = records("Ivan Petrenko, her chief adviser, calls her record a model for the party.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivan Petrenko", r[0].speaker);
    EXPECT_EQ("call", r[0].lemma);
}

TEST(Attribution, ThatSaidOpeningASentenceIsNoCue) {
    auto r = records("That said, most economists expect a recovery.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("expect", r[0].lemma);
    EXPECT_EQ("most economists", r[0].speaker);
}

TEST(Attribution, AHyphenatedRoleOpensTheParticiplesSubject) {
    auto r = records("Vice-chair Maria Lind opened the hearing, asking why the loans were signed.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("asking", r[0].cue);
    EXPECT_EQ("Vice-chair Maria Lind", r[0].speaker);
}

TEST(Attribution, AnIntroductionOfAtMostEightWordsBeforeTheParticiplesSubject) {
    // eight words of introduction: the subject after it is the participle's speaker
    auto r = records("After a day of talks in the capital, Ms. Lind kept her answers short, saying "
                     "the deal would hold.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
    EXPECT_EQ("Ms. Lind", r[0].speaker);
    // nine words are more than an introduction, but the clause after its comma has a
    // subject before its verb: it is the speaker (subject_after_comma)
    r = records("After a long day of talks in the capital, Ms. Lind kept her answers short, saying "
                "the deal would hold.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ms. Lind", r[0].speaker);
    // a clause with no subject of its own after the comma gives none
    r = records("After a long day of talks in the capital and a late dinner with the envoys, "
                "kept her answers short, saying the deal would hold.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, APassiveOfSeeOrViewWithoutAsOrAClauseIsASight) {
    EXPECT_TRUE(records("The missing hiker was last seen on Sunday.").empty());
    EXPECT_TRUE(records("The aurora was seen over Lviv on Monday night.").empty());
    EXPECT_TRUE(records("The clip was viewed three million times.").empty());
    EXPECT_TRUE(records("The paintings can be viewed online.").empty());
    // the writer's idiom, no one's judgment
    EXPECT_TRUE(records("It remains to be seen whether the truce will hold.").empty());
    // with "as" or a clause the passive reports a judgment
    auto r = records("The new coach is seen as a safe choice.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("see", r[0].lemma);
    r = records("It was learned that the bank had closed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("learn", r[0].lemma);
}

TEST(Attribution, AsAfterTheObjectOfSeeMustStartAPredicate) {
    EXPECT_TRUE(records("He saw the concert as well.").empty());
    EXPECT_TRUE(records("Guards saw the thief as she ran off.").empty());
    EXPECT_TRUE(records("The town saw riots as troops moved in.").empty());
    EXPECT_TRUE(records("We saw the match as soon as it aired.").empty());
    auto r = records("Critics saw the verdict as a warning.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("see", r[0].lemma);
    EXPECT_EQ("Critics", r[0].speaker);
}

TEST(Attribution, ANumberThatOpensTheClauseIsASubject) {
    auto r = records("Three insist that the count was wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Three", r[0].speaker);
    EXPECT_EQ("insist", r[0].lemma);
    r = records("Hundreds report the same problem.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Hundreds", r[0].speaker);
    EXPECT_EQ("report", r[0].lemma);
}

TEST(Attribution, AVerbAfterACommaNeedsARealApposition) {
    EXPECT_TRUE(records("In the end, claims the firm made were untrue.").empty());
    EXPECT_TRUE(records("For decades, reports the ministry published were buried.").empty());
    EXPECT_TRUE(records("At the hearing, plans the board drew up were dropped.").empty());
}

TEST(Attribution, OnlyAnIssuingVerbMakesItsSubjectTheSpeakerOfASpeechAct) {
    // who receives, obtains, ignores or reads a text is not its author
    struct Case {
        const char *text, *deed, *subject;
    };
    for (const Case &k :
         {Case{"The governor received a letter saying the dam was unsafe.", "received",
               "The governor"},
          Case{"Journalists obtained a memo warning of job cuts.", "obtained", "Journalists"},
          Case{"He ignored a report showing higher costs.", "ignored", "He"},
          Case{"The minister read a statement saying the talks had stalled.", "read",
               "The minister"}}) {
        for (const auto &a : records(k.text)) {
            EXPECT_EQ(std::string::npos, a.cue.find(k.deed)) << k.text;
            EXPECT_NE(k.subject, a.speaker) << k.text;
        }
    }
    auto r = records("The council circulated a letter urging residents to stay home.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("circulated a letter urging", r[0].cue);
    EXPECT_EQ("The council", r[0].speaker);
    r = records("The council put out a statement saying the roads were closed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("put out a statement saying", r[0].cue);
}

TEST(Attribution, ASpeechActTakesAtMostThreeModifiers) {
    auto r = records(
        "The agency issued a short written press statement saying the talks had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("issued a short written press statement saying", r[0].cue);
    EXPECT_EQ("The agency", r[0].speaker);
    r = records(
        "The agency issued a short written formal press statement saying the talks had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
}

TEST(Attribution, CalledOnOrForIsAnAppealOnlyAfterAComma) {
    // a name given after a plain noun, even one that starts with "For"
    EXPECT_TRUE(records("They formed a new party called For Our Future.").empty());
    // after a noun without a comma "called for" is no appeal of a speaker
    EXPECT_TRUE(records("The treaty called for a ceasefire.").empty());
    auto r = records("Ivan Petrenko, the governor, called for a ban on fireworks.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivan Petrenko", r[0].speaker);
}

TEST(Attribution, AShortClauseAfterAnAppositionIsContentNotAnInvertedSpeaker) {
    // "said the plan failed" holds a verb of its own: no inverted speaker
    auto r = records("John Smith, the mayor's aide, said the plan failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("John Smith", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("the plan failed.", r[0].content);
    // an inverted speaker may still hold a participle or an adjective in -ed
    struct Case {
        const char *text, *speaker;
    };
    for (const Case &k :
         {Case{"\"We lost,\" said the embattled mayor.", "the embattled mayor"},
          Case{"\"We lost,\" said the newly elected mayor.", "the newly elected mayor"},
          Case{"\"We lost,\" said a Texas-based aide.", "a Texas-based aide"}}) {
        r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
    }
}

TEST(Attribution, AsAndAStageOfLifeIsATimeNotAJudgment) {
    EXPECT_TRUE(records("I saw him as a child.").empty());
    EXPECT_TRUE(records("We saw them often as teenagers.").empty());
    auto r = records("Most voters see him as a liar.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("see", r[0].cue);
}

TEST(Attribution, AVerbOfAClauseWithAVerbRightAfterItStandsInARelativeClause) {
    // "wrote" reports only a clause; "were" after it makes "reports" its object
    EXPECT_TRUE(records("For decades, reports the ministry wrote were buried.").empty());
    EXPECT_TRUE(records("The memo the mayor wrote was leaked.").empty());
    // a verb that takes a clause reports the clause it heads ("said [it] was leaked")
    auto r = records("The memo that the mayor said was leaked is gone.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the mayor", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, AnIrregularPastEndsTheSubjectBeforeIt) {
    auto r = records("The senator hit back at critics and said the bill was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The senator", r[0].speaker);
    r = records("The coach won the vote and said the team was ready.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The coach", r[0].speaker);
    // after a determiner it describes, before "by" it is a participle
    r = records("The hit show's producer said the series would end.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The hit show's producer", r[0].speaker);
    r = records("A panel of reporters led by a veteran anchor agreed that the race was over.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A panel of reporters led by a veteran anchor", r[0].speaker);
}

TEST(Attribution, AVerbBeforeAnArticleEndsTheSubjectBeforeIt) {
    // the verb and its object ran into the speaker of the participle after them
    auto r = records("Later that day, Mayor Lind fired back a response blasting the council.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("blasting", r[0].cue);
    EXPECT_EQ("Mayor Lind", r[0].speaker);
    r = records("Brandt represents a district in Velm, and like Reyes has spoken about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    // a relative clause in the subject describes: its verb and object stay
    r = records("Growers who have checked the figures argue that the levy is too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers who have checked the figures", r[0].speaker);
    // a text right before the participle says it
    r = records("The clerk received a letter saying the dam was unsafe.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a letter", r[0].speaker);
}

TEST(Attribution, ACapitalisedVerbInsideATwoWordNameIsAName) {
    // "Read" and "Will" stopped the speaker as a verb and an auxiliary would
    auto r = records("At the hearing, Velm clerk Ivo Read said the count was wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Velm clerk Ivo Read", r[0].speaker);
    r = records("\"The count was wrong,\" said Will Brandt, a clerk in Velm.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Will Brandt", r[0].speaker);
}

TEST(Attribution, APluralSubjectCutByAPrepositionOpensItsClauseAfterALongIntroduction) {
    // the speaker was the noun after "by", the introduction too long to open the clause
    auto r = records("At a heated press conference outside the town hall in Velm on Friday, "
                     "families of those hurt by the floods urged the mayor to resign.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("families of those hurt by the floods", r[0].speaker);
}

TEST(Attribution, ARelativeClauseWithoutThatHasItsOwnSubject) {
    // the speaker was the whole noun phrase, its head the noun the clause describes
    auto r = records("Brandt is the kind of clerk many growers fear the council would hire.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("fear", r[0].cue);
    EXPECT_EQ("many growers", r[0].speaker);
    r = records("Lind lost a bet on the question nobody asked in Velm.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("nobody", r[0].speaker);
    // a clause with "who" keeps the noun it describes
    r = records("Growers who have checked the figures argue that the levy is too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers who have checked the figures", r[0].speaker);
}

TEST(Attribution, ANameBeforeAnAppositionWithoutItsClosingCommaSpeaks) {
    // the apposition alone was the speaker
    auto r = records("Ivo Brandt, a former clerk for the Velm council has written that the "
                     "levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has written", r[0].cue);
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
}

TEST(Attribution, AColonAfterAVerbOfSayingEndsItsCueNotAHeadlineSpeaker) {
    auto r = records("The firm said in a statement: \"We are glad it is over.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The firm", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
    r = records("The chairman said flatly: \"It does not matter.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The chairman", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
    // a headline's speaker before its colon is still one
    r = records("Kremlin: Kiev regime behind attack");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ(":", r[0].cue);
}

TEST(Attribution, AShareOfPeopleSpeaksAndEndsTheContentBeforeIt) {
    auto r = records("About six in 10 said they were calm; 46 percent said they were upset.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("six in 10", r[0].speaker);
    EXPECT_EQ("they were calm", r[0].content);
    EXPECT_EQ("46 percent", r[1].speaker);
    r = records("Most members said the vote was fair, and three-quarters said it was overdue.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the vote was fair", r[0].content);
    EXPECT_EQ("three-quarters", r[1].speaker);
    // a year is no count of people
    r = records("In 2017 said the plan would work.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, AnotherSpeakersClauseOpensAfterACommaInsideClosingQuotes) {
    auto r = records(
        "Her aide had urged her to sound \"measured,\" but Reyes said she shrugged it off.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Her aide", r[0].speaker);
    EXPECT_EQ(std::string::npos, r[0].content.find("Reyes"));
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
}

TEST(Attribution, AParticiplesContentInsideAnAppositionEndsBeforeTheMainVerb) {
    auto r = records("Dana Reyes (D-Mo.), a delegate supporting Clinton, said he had met others.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Clinton", r[0].content);
    EXPECT_EQ("Dana Reyes", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("he had met others.", r[1].content);
}

TEST(Attribution, APastParticipleInsertedAfterTheSubjectEndsBeforeTheMainVerb) {
    // its content ran on over the sentence's own verb, which then reported nothing
    auto r = records("Reyes, asked whether she would back the levy, said she would.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("asked", r[0].cue);
    EXPECT_EQ("", r[0].speaker);  // Reyes is the one asked, as in "Reyes was asked"
    EXPECT_EQ("whether she would back the levy", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("she would.", r[1].content);
    r = records("The mayor, when asked about the levy, said it would stay.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy", r[0].content);
    EXPECT_EQ("The mayor", r[1].speaker);
    EXPECT_EQ("it would stay.", r[1].content);
    // the sentence's verb may be any verb of saying, thinking, intention or stance
    r = records("Reyes, asked about the levy, declined to comment.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("declined", r[1].cue);
    // not after an apposition, where the word after the comma is the sentence's verb
    r = records("Ivo Brandt, a grower, noted that the levy, the third this year, is high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("that the levy, the third this year, is high.", r[0].content);
    // nor a parenthetical cue before its speaker
    r = records("The plan, said Lind and others, would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Lind and others", r[0].speaker);
    EXPECT_EQ("The plan", r[0].content);
}

TEST(Attribution, AnotherSpeakersClauseMayReportAfterACommaOrAnAdjunct) {
    auto r = records("Asked about the plan at the forum, Reyes said, \"I take the blame.\"");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the plan at the forum", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    r = records("A spokesman for the firm declined to comment but said in a statement that the "
                "firm did nothing wrong.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("to comment", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("A spokesman for the firm", r[1].speaker);
}

TEST(Attribution, AnotherSpeakersClauseMayOpenWithWhereasOrAnAdverb) {
    auto r = records("Critics said the plan was weak, but ultimately Reyes thinks it will pass.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the plan was weak", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    r = records("The mayor said the cuts were needed, whereas Lind argued that they were not.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the cuts were needed", r[0].content);
    EXPECT_EQ("Lind", r[1].speaker);
}

TEST(Attribution, AnotherSpeakersVerbOfStanceAlsoOpensAClause) {
    auto r = records("The board said the fee was fair, but Reyes rejected the idea outright.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the fee was fair", r[0].content);
    EXPECT_EQ("Reyes", r[1].speaker);
    EXPECT_EQ("rejected", r[1].cue);
}

TEST(Attribution, AGradedAdverbIsNoSpeaker) {
    auto r = records(
        "The senator declined to criticize the group, and most recently defended its ads.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("The senator", r[1].speaker);
    EXPECT_EQ("defended", r[1].cue);
    r = records("Most said the plan would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Most", r[0].speaker);
}

TEST(Attribution, APercentSignStaysInsideASpeaker) {
    // (not "In the poll, …": a poll that opens the sentence reports the rest)
    auto r = records("In the vote, 85% of members said the party was united.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("85% of members", r[0].speaker);
}

TEST(Attribution, AFloatingQuantifierEndsNoSpeaker) {
    auto r = records("Lind and Varga both denounced the plan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and Varga", r[0].speaker);
    r = records("They all said the plan would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("They", r[0].speaker);
    r = records("All said the plan would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("All", r[0].speaker);
}

TEST(Attribution, ABracketTagsTheNameBeforeItWhichSpeaks) {
    auto r = records("Sen. Dana Lind (R-Iowa) on Tuesday downplayed the report.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Sen. Dana Lind", r[0].speaker);
    EXPECT_EQ("downplayed", r[0].cue);
}

TEST(Attribution, ACommaEndsTheContentOfACueInASubordinateClause) {
    auto r = records("When asked about the levy, she defended her vote for it.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy", r[0].content);
    EXPECT_EQ("she", r[1].speaker);
    EXPECT_EQ("defended", r[1].cue);
}

TEST(Attribution, APossessiveOpensANounPhraseBeforeAnApposition) {
    auto r = records("Varga's Liberal rival, Dana Lind, praised the ruling.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Varga's Liberal rival", r[0].speaker);
    EXPECT_EQ("praised", r[0].cue);
}

TEST(Attribution, APluralNounOpeningAClauseKeepsItsPrepositionalPhrase) {
    auto r = records("Indeed, critics of the new levy say it will hurt farmers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("critics of the new levy", r[0].speaker);
    r = records("Rather, sources close to the mayor say she will stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("sources close to the mayor", r[0].speaker);
}

TEST(Attribution, MayInsideAnIntroductionIsTheMonth) {
    auto r = records("In May, the judge sided with the farmers, saying the levy was unfair.");
    ASSERT_EQ(2u, r.size()); // "sided with" is a stance of its own
    EXPECT_EQ("the judge", r[0].speaker);
    EXPECT_EQ("sided with", r[0].cue);
    EXPECT_EQ("the judge", r[1].speaker);
    EXPECT_EQ("saying", r[1].cue);
}

TEST(Attribution, ALoneAdverbAndItsCommaIntroduceTheClause) {
    auto r = records("Similarly, Dana Lind, a former minister, said she could not back the plan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    r = records("However, the envoy held his fire on Varga, calling him a decent man.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the envoy", r[0].speaker);
    EXPECT_EQ("calling", r[0].cue);
}

TEST(Attribution, AGerundAfterBySharesTheSubjectOfItsClause) {
    auto r = records("Varga angered the farmers by saying the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Varga", r[0].speaker);
    EXPECT_EQ("saying", r[0].cue);
    r = records("The envoy met the press while urging calm.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The envoy", r[0].speaker);
    // an introduction has no verb before it: its time phrase is no speaker, the main
    // clause's subject is
    r = records("One week after announcing the levy, Varga resigned.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("announcing", r[0].cue);
    EXPECT_EQ("Varga", r[0].speaker);
}

TEST(Attribution, TellNeverInvertsItsSpeaker) {
    auto r = records(
        "\"The levy is dead,\" Lind, a former minister, told Radio Harbour on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("told", r[0].cue);
    EXPECT_EQ("Lind, a former minister,", r[0].speaker);
    EXPECT_EQ("\"The levy is dead,", r[0].content);
}

TEST(Attribution, ARelativeClauseBetweenCommasDescribesTheSpeakerAfterAQuotation) {
    auto r = records("\"The levy is dead,\" Lind, who has not backed a candidate, said on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Lind, who has not backed a candidate,", r[0].speaker);
    EXPECT_EQ("\"The levy is dead,", r[0].content);
}

TEST(Attribution, ACapitalAfterACapitalInsideASentenceIsPartOfAName) {
    auto r = records("\"The burden is heavy,\" Dana Lind, an analyst at Harbour Point, wrote in "
                     "a note.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("wrote", r[0].cue);
    EXPECT_EQ("Dana Lind, an analyst at Harbour Point,", r[0].speaker);
}

TEST(Attribution, AHyphenatedWordStaysWholeInAPassivesSubject) {
    // "so" is also a conjunction, and opened the subject after it: "-called referendum"
    auto r = records("The so-called referendum was condemned by the UN.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The so-called referendum", r[0].content);
    r = records("The so-called referendum is expected to fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The so-called referendum", r[0].content2);
}

TEST(Attribution, APrepositionsPronounIsTheWholeTopic) {
    // the clause after ", but" is the writer's, not more of what Lind warned
    auto r = records("Lind warned of it for weeks, but the levy passed anyway.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("it for weeks", r[0].content);
    r = records("Lind warned of a levy, but the council raised the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a levy", r[0].content);
}

TEST(Attribution, ACapitalisedAdjectiveAndItsPluralAreOneSpeakerAfterTheCue) {
    auto r = records("The levy was criticized by Nordic governments.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Nordic governments", r[0].speaker);
    r = records("\"The toll is fair,\" said Varnian farmers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Varnian farmers", r[0].speaker);
}

TEST(Attribution, APassiveNamingVerbWithAnAgentReportsAnUnquotedLabel) {
    // the agent gave the label; without an agent, or with a particle, nothing is said
    auto r = records("The ballot was called a sham by the town council.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a sham", r[0].content);
    EXPECT_EQ("the town council", r[0].speaker);
    r = records("Lind was branded a traitor by her rivals.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a traitor", r[0].content);
    EXPECT_TRUE(records("The ferry was called Tilden Star.").empty());
    EXPECT_TRUE(records("The march was called off by the union.").empty());
}

TEST(Attribution, ClaimingACountOfPeopleOrPlacesIsNoClaimMade) {
    // war news: "claimed" before a count is deaths caused or places taken, not words
    EXPECT_TRUE(
        records("The siege of Varno claimed thousands of recruits from the hills.").empty());
    EXPECT_TRUE(records("The rebels claimed two more hamlets near Tilden on Friday.").empty());
    EXPECT_TRUE(records("The storm claimed 14 fishermen.").empty());
    // a verb or a participle after the count makes it a clause claimed
    auto r = records("The army claimed 300 rebels killed near Varno.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claimed", r[0].cue);
    r = records("Brandt claimed two clerks had lied.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("two clerks had lied.", r[0].content);
}

TEST(Attribution, ClaimingLivesIsNoClaimMade) {
    // war news: the deaths an attack caused are no one's words
    EXPECT_TRUE(records("The blast claimed the lives of four civilians.").empty());
    EXPECT_TRUE(records("The floods claimed dozens of lives.").empty());
    EXPECT_TRUE(records("The war has claimed thousands of lives since 2014.").empty());
    EXPECT_TRUE(records("The shelling claimed his life.").empty());
    // a clause and other noun phrases are still claims made
    auto r = records("Lind claims life is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("The separatists claimed victory in the vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claimed", r[0].cue);
    r = records("Kyiv claims the city has been retaken.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the city has been retaken.", r[0].content);
}

TEST(Attribution, APhraseOfTimeWithoutAPrepositionIsAnIntroduction) {
    auto r = records("Late last month, the council met the mayor, calling the levy unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the council", r[0].speaker);
    EXPECT_EQ("calling", r[0].cue);
    r = records(
        "Each December, the guild announces which grower it believes has earned the prize.");
    ASSERT_LE(1u, r.size());  // and "it believes", nested
    EXPECT_EQ("announces", r[0].cue);
    EXPECT_EQ("the guild", r[0].speaker);
    EXPECT_EQ("which grower it believes has earned the prize.", r[0].content);
    r = records("He renewed that pledge on Friday, saying he would act.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("He", r[0].speaker);
    // a season, as a month: "Every summer," was read as the content before the cue
    r = records("Every summer, the guild announces which grower it believes has earned the prize.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("the guild", r[0].speaker);
    EXPECT_EQ("which grower it believes has earned the prize.", r[0].content);
}

TEST(Attribution, ThePossessorOfANounCueIsItsSpeaker) {
    auto r = records("Lind's claim that the levy works was wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claim", r[0].cue);
    EXPECT_EQ("Lind's", r[0].speaker);
    r = records("The mayor stood by her promise to cut the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("promise", r[0].cue);
    EXPECT_EQ("her", r[0].speaker);
    r = records("The claim that the levy works was wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, AParticipleBeforeByStaysInASubjectCutByAPreposition) {
    auto r = records("A regional poll released Friday by the Courier shows the mayor ahead.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("shows", r[0].cue);
    EXPECT_EQ("A regional poll released Friday by the Courier", r[0].speaker);
    r = records("A survey conducted by the institute found that farmers back the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A survey conducted by the institute", r[0].speaker);
}

TEST(Attribution, AnAccordingToThatEndsTheSentenceAfterItsPeriodIsOutermost) {
    auto r = records("\u201cIt is over,\u201d the mayor said, according to the Courier.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("according to", r[0].cue);
    EXPECT_EQ("the Courier", r[0].speaker);
    EXPECT_EQ("\u201cIt is over,\u201d the mayor said", r[0].content);
}

TEST(Attribution, AnAdjectiveWithItsPrepositionStaysInATrailingSpeaker) {
    auto r = records("The levy will stay, aides familiar with the budget said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("aides familiar with the budget", r[0].speaker);
    EXPECT_EQ("The levy will stay", r[0].content);
    r = records("The levy will stay, a person close to the mayor said Monday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a person close to the mayor", r[0].speaker);
    EXPECT_EQ("The levy will stay", r[0].content);
}

TEST(Attribution, ARelativeClauseWithoutCommasStaysInItsSubject) {
    auto r = records("Farmers in the valley who lost their crops say the aid came late.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Farmers in the valley who lost their crops", r[0].speaker);
    EXPECT_EQ("the aid came late.", r[0].content);
    // a verb of the relative clause that is no cue ("backed" is a stance now, and an object
    // stance inside the subject still runs its content into the main clause)
    r = records("Those who lost the vote argue it works.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Those who lost the vote", r[0].speaker);
}

TEST(Attribution, AGerundAfterAPrepositionHasNoSourceSubject) {
    // "writing" reports only a clause; "Democrats in" before it is no source that writes
    EXPECT_TRUE(records("Lind teamed up with growers in writing a levy bill.").empty());
}

TEST(Attribution, AGerundInTheOpeningIntroductionTakesTheMainClausesSubject) {
    auto r = records(
        "In criticizing the levy, his adviser, Dan Kell, argued in a memo that it was unfair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("criticizing", r[0].cue);
    EXPECT_EQ("his adviser", r[0].speaker);
    EXPECT_EQ("the levy", r[0].content);
    EXPECT_EQ("argued", r[1].cue);
    EXPECT_EQ("his adviser", r[1].speaker);
    r = records("Admitting the error, Lind said talks would start.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("One week after announcing the levy, the mayor resigned.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the mayor", r[0].speaker);
}

TEST(Attribution, ASubjectCutByAPrepositionMayOpenWithAnApproximatorOrAfterBut) {
    auto r = records("At least 30 of the farmers in every valley say the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("At least 30 of the farmers in every valley", r[0].speaker);
    r = records("Nearly 200 of the members in the three towns oppose the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Nearly 200 of the members in the three towns", r[0].speaker);
    r = records("But growers in the two counties argue that the levy is fair.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("growers in the two counties", r[0].speaker);
}

TEST(Attribution, AndBeforeAParticipleOfSayingStartsTheSpeakersNextAttribution) {
    auto r = records("She stalled, praising the mayor and saying that the levy works.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("praising", r[0].cue);
    EXPECT_EQ("the mayor", r[0].content);
    EXPECT_EQ("saying", r[1].cue);
    EXPECT_EQ("She", r[1].speaker);
    EXPECT_EQ("that the levy works.", r[1].content);
}

TEST(Attribution, APollThatOpensTheSentenceAfterInReportsWhatFollows) {
    auto r = records("In a Courier poll this spring, Lind was ahead by six points.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("In", r[0].cue);
    EXPECT_EQ("a Courier poll this spring", r[0].speaker);
    EXPECT_EQ("Lind was ahead by six points.", r[0].content);
    r = records("In the newest Gazette survey, carried out in June, Lind led Varga.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the newest Gazette survey", r[0].speaker);
    EXPECT_EQ("Lind led Varga.", r[0].content);
    EXPECT_TRUE(records("In polls, workers handed out leaflets.").empty());
    EXPECT_TRUE(records("Lind leads in the polls.").empty());
}

TEST(Attribution, InSomeonesViewIsTheOwnersBelief) {
    auto r = records("In Lind's view, the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("view", r[0].cue);
    EXPECT_EQ("Lind's", r[0].speaker);
    EXPECT_EQ("the levy is fair.", r[0].content);
    r = records("The levy, in their view, is unfair to growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("their", r[0].speaker);
    EXPECT_EQ("The levy", r[0].content);
    r = records("The toll rose sharply, in my view.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("my", r[0].speaker);
    EXPECT_EQ("The toll rose sharply", r[0].content);
    // a view that is seen, not held, reports nothing
    EXPECT_TRUE(records("He spoke in full view of the crowd.").empty());
    EXPECT_TRUE(records("The harbour came into view at noon.").empty());
}

TEST(Attribution, APollAfterItsClauseReportsTheClause) {
    auto r = records("Lind led Varga by nine points in a Courier poll released on Monday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("in", r[0].cue);
    EXPECT_EQ("a Courier poll", r[0].speaker);
    EXPECT_EQ("Lind led Varga by nine points", r[0].content);
    r = records("After the debate, the mayor fell to 31 percent in the latest county survey.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the latest county survey", r[0].speaker);
    EXPECT_EQ("the mayor fell to 31 percent", r[0].content);
    // the poll named before, a poll inside a subject and one of people report nothing
    EXPECT_TRUE(records("Lind did well in the poll.").empty());
    EXPECT_TRUE(records("Most growers in a recent county poll were unhappy.").empty());
    r = records("Two in three voters in a Courier poll said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, ASentenceAdverbAndItsCommaIntroduceTheClause) {
    auto r = records("Instead, the mayor toured the farms, hoping to calm the growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("hoping", r[0].cue);
    EXPECT_EQ("the mayor", r[0].speaker);
    r = records("Meanwhile, Lind, a former judge, intends to skip the vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AListThatACommaCutIsOneSubject) {
    auto r = records("The growers, millers and bakers said the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers, millers and bakers", r[0].speaker);
    r = records("Lind, Varga and Reyes said it was fine.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind, Varga and Reyes", r[0].speaker);
    r = records("In Ohio, farmers and traders said it was fine.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("farmers and traders", r[0].speaker);
}

TEST(Attribution, ACueWhoseColonEndsTheParagraphReportsTheNextParagraph) {
    auto r = records(
        "In a memo, Lind wrote:\n\nThe levy is fair. It stays.\n\nThe vote came later.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("wrote", r[0].cue);
    EXPECT_EQ("The levy is fair. It stays.", r[0].content);
}

TEST(Attribution, AParticiplesSubjectAfterAnAdverbOrATimeWithoutAComma) {
    auto r = records("Then she turned on Varga, calling him a fraud.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she", r[0].speaker);
    r = records("On Friday she raised the point again, seeking to prove that Varga had lied.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("seeking", r[0].cue);
    EXPECT_EQ("she", r[0].speaker);
    r = records(
        "On Monday night Dana Lind gave a speech at the fair, hoping to win the farmers over.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, TheSubjectOfSeemIsTheSubjectOfAParticipleAfterIt) {
    auto r = records(
        "Advisers for Lind seemed to welcome the ruling, saying that the levy would stay.");
    ASSERT_EQ(2u, r.size());
    /* before a verb of stance, seem is part of its cue and the subject speaks */
    EXPECT_EQ("seemed to welcome", r[0].cue);
    EXPECT_EQ("Advisers for Lind", r[0].speaker);
    EXPECT_EQ("saying", r[1].cue);
    EXPECT_EQ("Advisers for Lind", r[1].speaker);
    /* a perception's subject is a participle's subject too */
    r = records(
        "Advisers for Lind seemed pleased with the ruling, saying that the levy would stay.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("saying", r[1].cue);
    EXPECT_EQ("Advisers for Lind", r[1].speaker);
}

TEST(Attribution, AGerundAfterItsLinkWordAndAnAdverbSharesTheSubject) {
    auto r = records("Lind angered the farmers by repeatedly saying the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, LookingToIsAnIntention) {
    auto r = records("The council is looking to cut the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("is looking", r[0].cue);
    EXPECT_EQ("The council", r[0].speaker);
    EXPECT_EQ("to cut the levy.", r[0].content);
    EXPECT_TRUE(records("The roads are looking icy.").empty());
    EXPECT_TRUE(records("She is looking at the data.").empty());
}

TEST(Attribution, ATitleCaseHeadlineNameBeforeTheFirstPersonSpeaks) {
    auto r = records("Dana Lind: I'm Not Running For Mayor Again.  The council met on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("I'm Not Running For Mayor Again.", r[0].content);
    r = records("Ted Varga: \"We Were Misled By The Council\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ted Varga", r[0].speaker);
    EXPECT_TRUE(records("Strategic Shift: Troops Move Toward The River Again.").empty());
}

TEST(Attribution, ATitleCaseHeadlinePrefixAfterACommonGivenNameIsAPerson) {
    auto r = records("Gary Holm: Farmers Will Pay For The New Levy");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Gary Holm", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("Farmers Will Pay For The New Levy", r[0].content);
    r = records("Susan Ode on Tilden: Growers Lost Half The Harvest");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Susan Ode", r[0].speaker);
    /* a kicker's first word is no given name; nor is a proper noun that is not one */
    EXPECT_TRUE(records("Harvest Blues: Growers Lost Half The Crop").empty());
    EXPECT_TRUE(records("Tilden Fair: Growers Bring Bigger Pumpkins Than Ever").empty());
}

TEST(Attribution, AOneWordHeadlinePrefixThatIsAPastOfSayingIsAKicker) {
    EXPECT_TRUE(records("Revealed: The Growers Who Paid The Levy Twice").empty());
    EXPECT_TRUE(records("Confirmed: the dam will open in May").empty());
    auto r = records("Lind: the dam will open in May");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
}

TEST(Attribution, APastFormAfterAnArticleAndAnAdverbIsAnAdjective) {
    EXPECT_TRUE(records("The mayor made a politically charged visit to the dam.").empty());
    EXPECT_TRUE(records("The newly identified emails were released on Friday.").empty());
    EXPECT_TRUE(records("They are the least favored growers in the county.").empty());
    auto r = records("The family denied reports that the farm was sold.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The family", r[0].speaker);
    EXPECT_EQ("denied", r[0].cue);
}

TEST(Attribution, PerAfterAWordIsARate) {
    EXPECT_TRUE(
        records("Rent in Tilden runs $70 per square foot, although the mill was cheaper.").empty());
    auto r = records("Per the council's memo, the dam will open in May.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Per", r[0].cue);
    EXPECT_EQ("the council's memo", r[0].speaker);
}

TEST(Attribution, AddToADeterminerMakesMore) {
    EXPECT_TRUE(records("The long delay added to the confusion in Tilden.").empty());
    auto r = records("The mayor added that the dam would open in May.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("added", r[0].cue);
}

TEST(Attribution, CallAfterRollIsANoun) {
    EXPECT_TRUE(records("The council began the roll call on Tuesday.").empty());
    auto r = records("The growers call on the council to act.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
}

TEST(Attribution, BoastBeforeANounPhraseHasNotSays) {
    EXPECT_TRUE(records("The town boasts a new dam and two mills.").empty());
    EXPECT_TRUE(records("Lind still boasts a 20-point lead in Tilden.").empty());
    auto r = records("Lind boasted that the dam was finished early.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("boasted", r[0].cue);
}

TEST(Attribution, CriticalToIsNeededNotCritical) {
    EXPECT_TRUE(records("Water is critical to the harvest this year.").empty());
    EXPECT_TRUE(records("Growers who would be critical for the vote stayed home.").empty());
    /* the rule reads "to" and "for" only: the cue before them stays one */
    auto r = records("Lind is confident that water is critical to the harvest.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, DeclineBeforeAMeasureIsAFall) {
    EXPECT_TRUE(records("Exports of cheese declined 40 percent last year.").empty());
    EXPECT_TRUE(records("The turnout declined by nine points in Tilden.").empty());
    EXPECT_TRUE(records("Growers' incomes declined from 2010 to 2020.").empty());
    auto r = records("The mayor declined to comment on the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("declined", r[0].cue);
}

TEST(Attribution, ANounOfTradeAfterOneCapitalisedWordStaysInTheSubject) {
    auto r = records("Cheese exporters, for example, complain that the tariff hurts them.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Cheese exporters", r[0].speaker);
    r = records("Choir treasurer Ivo Brandt, holding a trophy, said he was proud.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Choir treasurer Ivo Brandt", r[0].speaker);
    r = records("Lind beat Varga, saying it was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, APhraseOfTimeMayHoldAPluralNounOfTime) {
    auto r = records("Days later, Ruiz wrote to the council, asking that the levy be dropped.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("asking", r[0].cue);
    EXPECT_EQ("Ruiz", r[0].speaker);
    r = records("Two weeks later she sold the farm and said the market had turned.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she", r[0].speaker);
}

TEST(Attribution, ATownsStateAfterAnIntroductionIsNoSubject) {
    auto r = records("At a fair in Tilden, New Mexico, Ruiz took aim at Varga, calling him weak.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("took aim at", r[0].cue);
    EXPECT_EQ("Ruiz", r[0].speaker);
    EXPECT_EQ("calling", r[1].cue);
    EXPECT_EQ("Ruiz", r[1].speaker);
    r = records("Of the levy, Ruiz, who farms near the river, said it was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ruiz", r[0].speaker);
}

TEST(Attribution, ANameBetweenADashAndAColonBeforeAQuotationIsQuoted) {
    auto r = records(
        "Polls in the farm belt came in too early - Carl Bender: \"The polls missed the swing.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Carl Bender", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("\"The polls missed the swing.\"", r[0].content);
    r = records("The vote was close - Lind: \"a coin toss,\" one aide said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("one aide", r[0].speaker);
}

TEST(Attribution, MoreFromANameBetweenADashAndAColonIsQuotedToo) {
    auto r = records("On the spring figures - More from Bender: \"The swing is late.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Bender", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
}

TEST(Attribution, ADigestLineMayQuoteTwoAuthorsOrAnOutletWithInnerCapitals) {
    auto r = records("The late swing was missed - Mara Olsen and Ivo Brandt: \"It was there.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mara Olsen and Ivo Brandt", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    r = records("The count held up - FarmPoller: \"Our panel caught the late swing.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("FarmPoller", r[0].speaker);
    // neither a lone capitalised phrase nor words joined by "and" in lower case
    EXPECT_TRUE(records("The count held up - Seeds and grain: \"Both rose.\"").empty());
}

TEST(Attribution, AnAdjectiveOfAttitudeIsPartOfTheSpeaker) {
    auto r = records("A Republican hopeful said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A Republican hopeful", r[0].speaker);
    r = records("One presidential hopeful, Ivo Brandt, says he will root for Tilden.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("One presidential hopeful", r[0].speaker);
    r = records("The mayor is hopeful that the levy will pass.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
}

TEST(Attribution, AReducedRelativeClauseStaysInTheSubject) {
    auto r = records("A majority of growers looking for a new clerk supported Lind.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A majority of growers looking for a new clerk", r[0].speaker);
    r = records("Growers seeking a lower levy prefer a vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers seeking a lower levy", r[0].speaker);
    r = records("One grower adopted from Tilden in the 1970s said she never knew.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("One grower adopted from Tilden in the 1970s", r[0].speaker);
    // a past with its object is the verb of the clause, not a participle
    r = records("The rules prompted some growers to question the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("some growers", r[0].speaker);
}

TEST(Attribution, ACoordinatedSpeakerClauseEndsAnInterruptedClause) {
    auto r = records("The levy is fair, Lind said, but Brandt said it was not.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("", r[0].content2); // Brandt's clause is no second piece of Lind's content
    EXPECT_EQ("Brandt", r[1].speaker);
    EXPECT_EQ("it was not.", r[1].content);
    r = records("The farm was worth $3 million, records show, and local growers say it is less.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("local growers", r[1].speaker);
    EXPECT_EQ("it is less.", r[1].content);
    // with a verb of thought the clause may still be the first speaker's
    r = records("The levy is fair, Lind says, and she believed the count was late.");
    ASSERT_GE(r.size(), 1u);
    EXPECT_EQ("and she believed the count was late.", r[0].content2);
}

TEST(Attribution, APrepositionalContentEndsBeforeAnotherSpeakersClause) {
    auto r = records("A grower asked for a photo and Lind said it was fine.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("asked for", r[0].cue); // "for" joins the cue, and its object still ends there
    EXPECT_EQ("a photo", r[0].content);
    EXPECT_EQ("Lind", r[1].speaker);
    EXPECT_EQ("it was fine.", r[1].content);
}

TEST(Attribution, TheObjectOfLeaveSpeaksForTheInfinitiveAfterIt) {
    auto r = records("The ruling left many growers to wonder what went wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("many growers", r[0].speaker);
    EXPECT_EQ("wonder", r[0].cue);
    r = records("The count came late, leaving some to question whether it was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("some", r[0].speaker);
    // a place one leaves does not speak
    r = records("He left the hall to tell reporters that the levy was fair.");
    for (const auto &a : r) {
        EXPECT_NE("the hall", a.speaker);
    }
}

TEST(Attribution, AListOfNamesAfterAnIntroductionIsTheWholeSubject) {
    auto r = records("On Monday, Dana Lind, Ivo Reyes and Mara Olsen said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind, Ivo Reyes and Mara Olsen", r[0].speaker);
    r = records("Instead, Lind, Reyes and Olsen argued that the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind, Reyes and Olsen", r[0].speaker);
    // an introduction whose last word is lower case ended the walk, cutting the first name
    r = records("At the hall, Ana Ruiz, Ben Ode and Carl Fry said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ana Ruiz, Ben Ode and Carl Fry", r[0].speaker);
    // a state after the town belongs to the introduction, not to the list
    r = records("In Tilden, Ohio, Lind and Reyes said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and Reyes", r[0].speaker);
}

TEST(Attribution, AnUnknownParticipleOrGivenOpensAnIntroduction) {
    auto r = records("Worried by the drought, Ana Ruiz, a grower, said that prices would climb.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ana Ruiz", r[0].speaker);
    r = records("Given the drought, Ruiz sold the herd, calling it the only way out.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ruiz", r[0].speaker);
}

TEST(Attribution, AnInterruptingCueInsideAnotherSpeakersContentIsNested) {
    auto r = records(
        "Rita Olsen, the co-op's treasurer, wrote that the rumours that, Olsen noted, Varga "
        "spread in May were false.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("wrote", r[0].cue);
    EXPECT_EQ("Rita Olsen", r[0].speaker);
    EXPECT_EQ("that the rumours that, Olsen noted, Varga spread in May were false.", r[0].content);
    EXPECT_EQ("noted", r[1].cue);
    r = records("When the clerk asked, Ruiz said, the room went quiet.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ruiz", r[0].speaker);
}

TEST(Attribution, AWordOfTimeAfterAHyphenStaysInAnInvertedSpeaker) {
    auto r = records("\"It is fine,\" said the 52-year-old baker.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the 52-year-old baker", r[0].speaker);
    r = records("\"It is fine,\" said Lind on Tuesday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ARelativeClauseInsideAnAppositionEndsBeforeTheSubjectsVerb) {
    auto r = records(
        "Ivo Brandt, head of a fund that urges growers to plant rye, said the harvest was poor.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("urges", r[0].cue);
    EXPECT_EQ("growers to plant rye", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Ivo Brandt", r[1].speaker);
    r = records(
        "Olena Marchuk, chair of a guild that has endorsed the mayor, said the guild would stay "
        "neutral.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Olena Marchuk", r[1].speaker);
    /* "that" after a verb opens its clause: no relative clause */
    r = records("The mayor said that was wrong.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("that was wrong.", r[0].content);
}

TEST(Attribution, ANameBeforeAnAppositionAfterALongIntroductionSpeaks) {
    auto r = records(
        "After two votes on the levy failed in the spring, Sen. Dana Lind (R-Iowa) said she would "
        "not try again.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Sen. Dana Lind", r[0].speaker);
    r = records(
        "After a long night of counting votes in the capital, her deputy, Ivo Brandt, told the "
        "Ledger that the count was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("her deputy", r[0].speaker);
    /* not a clause between the commas: "…, he added, said" has no apposition */
    r = records("The levy, he added, will stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("he", r[0].speaker);
}

TEST(Attribution, ACoordinatedVerbOrParticipleAfterALongIntroductionHasItsClausesSubject) {
    auto r = records("After two hours of questions from the council, Dana Lind kept her answers "
                     "short, saying the deal "
                     "would hold.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    r = records(
        "At the end of a long council session, several members stayed on past midnight and said "
        "the town could not afford the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("several members", r[0].speaker);
    /* a lower-case title before a name is no verb: no speaker "Liberal" */
    r = records(
        "In the 2019 race for the council seat and the mayoralty, Liberal incumbent Dana Lind "
        "answered Varga by reminding voters of the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_NE("Liberal", r[0].speaker);
}

TEST(Attribution, AnotherSpeakersClauseAfterACoordinatorOrSubordinatorWithoutACommaIsItsOwn) {
    auto r = records("The board declined to comment and Varga said the vote was fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("to comment", r[0].content);
    EXPECT_EQ("Varga", r[1].speaker);
    EXPECT_EQ("the vote was fair.", r[1].content);
    r = records(
        "Lind wants the council to drop the levy, even as she admits it pays for the school.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the council to drop the levy", r[0].content);
    EXPECT_EQ("she", r[1].speaker);
    /* one subject of two names, and a second that-clause, stay in the content */
    r = records("Reyes said the mayor and the council believe the levy is fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the mayor and the council believe the levy is fair.", r[0].content);
    r = records("Reyes said that Lind wrote the memo and that Varga said it was fine.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("that Lind wrote the memo and that Varga said it was fine.", r[0].content);
    r = records("Reyes said the vote was close when Lind and Varga argued it was fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the vote was close when Lind and Varga argued it was fair.", r[0].content);
}

TEST(Attribution, ACoordinatedVerbTakesTheSubjectOfTheNearestClauseAfterASubordinator) {
    auto r = records(
        "The room fell silent when Lind rose from her seat and said the levy would go.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("The levy lost the support of Varga, who stood up and denounced it on Tuesday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("who", r[0].speaker);
    r = records("Two farmers walked out, and when Lind waved to the crowd and said the town would "
                "recover, a woman laughed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ACommaInsideAClosingQuotationMarkClosesAnApposition) {
    auto r = records("Varga, who once called the levy a \"disgrace,\" said it would fail.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Varga", r[1].speaker);
    EXPECT_EQ("it would fail.", r[1].content);
    r = records("Varga, the mayor's \"fixer,\" said the levy will fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Varga", r[0].speaker);
    r = records("\"It is fair,\" Lind said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AnObjectPronounIsNoInvertedSpeaker) {
    auto r = records("The mayor, of course, denied it.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("denied", r[0].cue);
    r = records("The plan, it said, is final.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("it", r[0].speaker);
}

TEST(Attribution, ALowerCaseNounOfTradeBeforeANameIsATitleInTheSubject) {
    auto r = records("Chess teacher Ivo Brandt, 45, said the club would close.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Chess teacher Ivo Brandt", r[0].speaker);
    r = records(
        "In the 2019 race, Liberal incumbent Dana Lind answered Varga by reminding voters of the "
        "levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Liberal incumbent Dana Lind", r[0].speaker);
    /* a verb before a name ends the subject */
    r = records("Lind beat Varga, saying it was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ATypewriterDoubleHyphenIsADash) {
    auto r = records("Dana Lind -- a former minister -- argued the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("argued", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("the levy was unfair.", r[0].content);
    r = records("The council -- which meets on Tuesdays -- said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    /* a hyphen inside a word is no dash */
    r = records("The so-called levy is unfair.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, AComparativeAsClauseAfterACommaReportsTheClauseBefore) {
    auto r = records("The levy rose sharply, as the council had predicted.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("had predicted", r[0].cue);
    EXPECT_EQ("the council", r[0].speaker);
    EXPECT_EQ("The levy rose sharply", r[0].content);
    r = records("Ivo Brandt met the growers on Friday, as the Courier reported on Tuesday, and "
                "left soon after.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the Courier", r[0].speaker);
    EXPECT_EQ("Ivo Brandt met the growers on Friday", r[0].content);
    /* a verb that names its topic, or one with a partner, tells a time */
    r = records("The farmers cheered, as the mayor spoke.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, AsASpeakerPutItIsACue) {
    auto r = records("The levy is a tax on hope, as Dana Lind put it.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("put it", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("The levy is a tax on hope", r[0].content);
    r = records("As a grower in Tilden puts it: \"The levy is a tax on hope.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("puts it", r[0].cue);
    EXPECT_EQ("a grower in Tilden", r[0].speaker);
    /* "put" alone, or "put it" before a place, reports nothing */
    EXPECT_EQ(0u, records("As he put it on the shelf, the phone rang.").size());
    EXPECT_EQ(0u, records("Ivo Brandt put the crate on the cart.").size());
}

TEST(Attribution, ACueInARelativeClauseWithoutCommasBelongsToTheLaterSpeaker) {
    auto r = records("Growers who oppose the levy said it would ruin them.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Growers who oppose the levy", r[0].speaker);
    EXPECT_EQ("it would ruin them.", r[0].content);
    r = records(
        "A clerk who asked not to be named because the audit is open said the fund was short.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A clerk who asked not to be named because the audit is open", r[0].speaker);
    /* with no later verb of saying the relative clause keeps its cue */
    r = records("Growers who oppose the levy marched to the hall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("oppose", r[0].cue);
}

TEST(Attribution, ASubjectWithARelativeClauseMayFollowALinkingBut) {
    auto r = records("But those who back the levy say the growers will pay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("those who back the levy", r[0].speaker);
    r = records("But growers who back the levy say the farmers will pay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("growers who back the levy", r[0].speaker);
}

TEST(Attribution, TheSpeakerOfAComparativeAsMayCarryAnApposition) {
    auto r = records("As Ivo Brandt, a grower in Tilden, put it, the levy is a tax on hope.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("put it", r[0].cue);
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    r = records("The levy is unfair, as Dana Lind, the council's treasurer, noted.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("The levy is unfair", r[0].content);
    r = records("As Dana Lind, the council's treasurer, noted, the levy is unfair to growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, PuttingAQuantityAtAFigureIsAnEstimate) {
    auto r = records("Early estimates put the cost of the levy at $2 million.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("put", r[0].cue);
    EXPECT_EQ("Early estimates", r[0].speaker);
    EXPECT_EQ("the cost of the levy at $2 million.", r[0].content);
    r = records("The Courier's poll puts the mayor's support at about 30 percent.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The Courier's poll", r[0].speaker);
    /* a thing put at a place, or a quantity at no figure, is no estimate */
    EXPECT_EQ(0u, records("She put the crate at 3 feet from the door.").size());
    EXPECT_EQ(0u, records("The council put the levy at risk.").size());
}

TEST(Attribution, ATitleCaseHeadlinesNameSpeaksWhenAQuotationFollowsTheColon) {
    auto r = records("Paul Lind: Levy Rise on Tilden Farms 'Defies Belief,' Needs Review");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ(":", r[0].cue);
    EXPECT_EQ("Paul Lind", r[0].speaker);
    /* a verb of saying after the colon has its own speaker; a hyphen tells a phrase */
    r = records("Tilden Fair: Mayor Calls Levy 'A Tax On Hope'");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mayor", r[0].speaker);
    EXPECT_EQ(0u, records("Sky-High Prices: Growers Bring 'Best Ever' Harvest To Tilden").size());
}

TEST(Attribution, TheWritersComparisonWithOtherSpeakersEndsAContent) {
    auto r = records(
        "Some 46 percent of growers say the levy is fair, compared with 19 percent who "
        "said it was a tax on hope.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy is fair", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("it was a tax on hope.", r[1].content);
    /* without another speaker the comparison is reported too */
    r = records("Lind said sales of cheese rose 5 percent, compared with 3 percent last year.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("sales of cheese rose 5 percent, compared with 3 percent last year.", r[0].content);
}

TEST(Attribution, OnlyBeforeAVerbIsAnAdverbOfTheVerbGroup) {
    auto r = records("Dana Lind only said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("only said", r[0].cue);
    /* after a determiner or opening the sentence it belongs to the noun phrase */
    r = records("Only 23 growers said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Only 23 growers", r[0].speaker);
}

TEST(Attribution, AnyVerbOfSayingOrThinkingInvertsRightAfterAQuotation) {
    auto r = records("\"It is costly,\" tweeted Courier spokesman Ivo Conant.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("tweeted", r[0].cue);
    EXPECT_EQ("Courier spokesman Ivo Conant", r[0].speaker);
    r = records("\"The growers knew,\" remembered Ivo Verley, the council's old spokesman.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Verley", r[0].speaker);
    r = records("\"Our farms are different,\" agrees Dana Lind, 30, of Harbour.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, AnInvertedSpeakerEndsBeforeALongOfPhrase) {
    auto r = records("\"It would be a long shot,\" said Ivo Brandt of the Tilden County Growers "
                     "Association of America.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    r = records("\"It would be a long shot,\" said Ivo Brandt of the Tilden Growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt of the Tilden Growers", r[0].speaker);
}

TEST(Attribution, AHyphenatedTitleBeforeAnInvertedSpeakersNameStaysInIt) {
    auto r = records("\"The levy is the worry,\" said Tilden farm-supply dealer Ivo Brandt.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Tilden farm-supply dealer Ivo Brandt", r[0].speaker);
}

TEST(Attribution, ATextReadsAQuotation) {
    auto r = records("The sign on the barn read \"No levy.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("read", r[0].cue);
    EXPECT_EQ("The sign on the barn", r[0].speaker);
    r = records("\"No levy,\" read one sign.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("one sign", r[0].speaker);
    /* reading a thing reports nothing */
    EXPECT_EQ(0u, records("She read the letter aloud.").size());
}

TEST(Attribution, AWordOfTimeBetweenADeterminerAndANounStaysInAnInvertedSpeaker) {
    auto r = records("\"Levy is a tax on hope,\" said a Tuesday statement from the council.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a Tuesday statement", r[0].speaker);
    r = records("\"It is fair,\" said Lind on Tuesday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AParticipleOfSayingAfterAQuotationsCommaIsTheSpeakersNextAttribution) {
    auto r = records("Lind has called the levy \"a tax on hope,\" accusing the council of greed.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy \"a tax on hope,\"", r[0].content);
    EXPECT_EQ("accusing", r[1].cue);
    EXPECT_EQ("Lind", r[1].speaker);
    EXPECT_EQ("the council of greed.", r[1].content);
}

TEST(Attribution, AReducedPassiveOfAChargeHasNoSpeaker) {
    auto r = records("The council freed Ivo Brandt, a grower accused of fraud, on Tuesday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("accused", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("of fraud", r[0].content);
    r = records("Two clerks charged with perjury resigned from the council.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("with perjury", r[0].content);
    r = records("Lind accused the council of fraud.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, APhraseOfTimeBetweenTheSubjectAndItsVerbIsNoPartOfTheSpeaker) {
    auto r = records("The council this week announced a new levy on farmers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    r = records("Ivo Brandt, the treasurer, this past week announced a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("a new levy.", r[0].content);
}

TEST(Attribution, TheAgentOfAParticipleWithoutAnAuxiliarySpeaks) {
    auto r = records("Asked by a reporter whether she would run, Dana Lind said she would not.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Asked", r[0].cue);
    EXPECT_EQ("a reporter", r[0].speaker);
    EXPECT_EQ("whether she would run", r[0].content);
    EXPECT_EQ("Dana Lind", r[1].speaker);
    r = records("As reported by the Courier, the council met in secret.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the Courier", r[0].speaker);
    EXPECT_EQ("the council met in secret.", r[0].content);
    /* an active verb's adjunct is no agent */
    r = records("The council said by a vote of five to two that the levy would rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    /* a verb of saying after its noun, its agent and the sentence's verb: a reduced relative,
     * the noun is what was said */
    r = records("The toll road described by the treasurer last week will cost far more.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("described", r[0].cue);
    EXPECT_EQ("the treasurer", r[0].speaker);
    /* a verb that is no saying has a cause for agent, no speaker */
    r = records("The growers worried by the new toll met the treasurer on Friday.");
    for (const auto &x : r) {
        EXPECT_NE("the new toll", x.speaker);
    }
}

TEST(Attribution, SeemBeforeAVerbOfSayingIsPartOfItsCueAndItsSubjectSpeaks) {
    auto r = records("Dana Lind seemed to mock the new levy on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("seemed to mock", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("the new levy on Friday.", r[0].content);
    /* a perception otherwise: the subject is content */
    r = records("The favourite seemed to be slowing down.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    /* and so with a verb of thinking, or one that reports only a clause, without one */
    r = records("The mayor seemed to confirm the rumours about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, AParticipleAfterASubordinateClauseBetweenCommasIsItsSubjects) {
    auto r = records(
        "It was a long night, as the mayor joined the protest, saying the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
    EXPECT_EQ("the mayor", r[0].speaker);
    /* a relative clause between commas describes the subject */
    r = records("Dana Lind, who was elected in May, resigned, saying the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, AVerbAfterANameAndItsAppositionIsTheNamesNotAnInvertedCue) {
    auto r = records("Ivo Brandt, the treasurer, announced a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("a new levy.", r[0].content);
    /* after a clause it inverts */
    r = records("The levy will rise, announced the treasurer.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the treasurer", r[0].speaker);
    EXPECT_EQ("The levy will rise", r[0].content);
}

TEST(Attribution, AHyphenatedTitleBeforeANameStaysInTheClausesSubject) {
    auto r = records(
        "Liberal front-runner Dana Lind, also campaigning in Tilden, said the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Liberal front-runner Dana Lind", r[0].speaker);
}

TEST(Attribution, APastCoordinatedVerbIsNotTheModalClausesBeforeIt) {
    auto r = records("Dana Lind forecast that the levy would fall and praised the farmers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("praised", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    /* a past clause before it still is */
    r = records("The room fell silent when Lind rose from her seat and said the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ASubjectThatAPrepositionCutMayFollowASubordinator) {
    auto r = records(
        "The hall fell silent as growers in the two valleys paused to remember the flood.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("growers in the two valleys", r[0].speaker);
    r = records("Though a share of growers in both valleys say the levy is fair, most oppose it.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("a share of growers in both valleys", r[0].speaker);
}

TEST(Attribution, ASubjectThatAPrepositionCutMayOpenWithAdjectivesBeforeAPlural) {
    auto r = records(
        "But current and former clerks in the town office have said the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("current and former clerks in the town office", r[0].speaker);
    r = records("In Tilden, early results from the two valleys showed that the levy had passed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("results from the two valleys", r[0].speaker);
}

TEST(Attribution, HaveToAndBeLikelyToBeforeAVerbOfSayingArePartOfItsCue) {
    auto r = records("Dana Lind has to remind the council why the levy matters.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has to remind", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    r = records("Growers were slightly more likely to insist the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("were slightly more likely to insist", r[0].cue);
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("Ivo Brandt is also likely to urge the council to wait.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
}

TEST(Attribution, AContentInAnOpeningClauseEndsAtTheCommaBeforeTheMainClause) {
    auto r = records(
        "Asked on Monday whether Ivo Brandt would run again, Dana Lind shook her head and "
        "said the levy is fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("whether Ivo Brandt would run again", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Dana Lind", r[1].speaker);
    r = records("After Varga called for a bigger levy, Lind kept to the mayor's line.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Varga", r[0].speaker);
    EXPECT_EQ("a bigger levy", r[0].content);
    /* a relative clause inside it does not end it */
    r = records("When asked whether the levy, which rose in May, would stay, Lind said it would.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("whether the levy, which rose in May, would stay", r[0].content);
}

TEST(Attribution, AParticipleDoesNotTakeTheSpeakerOfTheOpeningClause) {
    auto r = records(
        "After Varga called for a bigger levy, Lind kept to the mayor's line, noting that "
        "farmers are poor.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("noting", r[1].cue);
    EXPECT_EQ("Lind", r[1].speaker);
}

TEST(Attribution, AVerbAfterANameAndItsAppositionInALaterClauseIsTheNames) {
    auto r = records("The row spread to the council, where Sen. Dana Lind (R-Iowa) told reporters "
                     "that the levy was dead.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Sen. Dana Lind", r[0].speaker);
    r = records("And it was no accident -- Ivo Brandt, an aide to the mayor, told the Courier that "
                "the levy was planned.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    /* a name that opens the sentence keeps its long apposition */
    r = records("Dean Lind, a 55-year-old grower from Tilden, Ohio, says the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dean Lind", r[0].speaker);
}

TEST(Attribution, APronounAfterANounIsTheSubjectOfARelativeClauseWithoutThat) {
    auto r = records("The last time she urged a boycott of the fair, the levy fell.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("urged", r[0].cue);
    EXPECT_EQ("she", r[0].speaker);
}

TEST(Attribution, TheObjectOfAVerbOfCausingOrLettingSpeaksForTheInfinitive) {
    auto r = records("The flood forced Dana Lind to admit that the levy had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("admit", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    r = records("The ruling would allow him to call for a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("him", r[0].speaker);
}

TEST(Attribution, LowerCaseWordsBeforeANameAfterACapitalAreATitleInTheSubject) {
    auto r = records(
        "Liberal presidential contenders Dana Lind and Ivo Brandt, and Mayor Rita Olsen, "
        "tweeted their thanks.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Liberal presidential contenders Dana Lind and Ivo Brandt", r[0].speaker);
    r = records("Tilden county clerk Dana Lind, who ran the count, said the levy passed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Tilden county clerk Dana Lind", r[0].speaker);
}

TEST(Attribution, ATitleBeforeANameMayHoldARoleOrANounThatIsAlsoAVerb) {
    // the subject was cut after its first capitalised word ("Tilden", "Radio")
    auto r = records("Tilden senior aide Ivo Brandt emailed the mayor in May, urging her to "
                     "drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("urging", r[0].cue);
    EXPECT_EQ("Tilden senior aide Ivo Brandt", r[0].speaker);
    r = records("Radio talk host Ivo Brandt used his show on Friday to discuss the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("used his show on Friday to discuss", r[0].cue); // the verb chain
    EXPECT_EQ("Radio talk host Ivo Brandt", r[0].speaker);
}

TEST(Attribution, AVerbOfSayingInvertsAfterAnIntroductionBeforeAQuotation) {
    // the speaker after the verb was read as the start of the content, with no speaker
    auto r = records("But, said Ivo Brandt, \"the levy is unfair.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("\"the levy is unfair.\"", r[0].content);
    r = records("In short, explained the clerk Dana Lind: \"What does the levy buy?\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("explained", r[0].cue);
    EXPECT_EQ("the clerk Dana Lind", r[0].speaker);
    r = records("Because the council set the dates late, explained Dana Lind, \"the levy "
                "will pass.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, APassivesAgentMayFollowAShortComplementOrAdjunct) {
    // only an agent right after the participle was read; these had no speaker
    auto r = records("The levy was declared a success by the council.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("was declared", r[0].cue);
    EXPECT_EQ("the council", r[0].speaker);
    r = records("The levy was described as a burden by several growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("several growers", r[0].speaker);
    EXPECT_EQ("as a burden", r[0].content);
    r = records("The levy was supported on Friday by most growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("most growers", r[0].speaker);
    // a time or a figure after "by" is no agent
    r = records("The levy was supported in May by 20 votes.");
    for (const auto &a : r) {
        EXPECT_EQ("", a.speaker);
    }
}

TEST(Attribution, ANameAfterFromOrByBeforeANounsComplementIsItsSpeaker) {
    // the name was part of the cue, with no speaker
    auto r = records("The council ignored an admission from Dana Lind that the levy failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("admission from", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("that the levy failed.", r[0].content);
}

TEST(Attribution, AStateAfterATownAndItsCommaEndsTheNamesPlace) {
    // the state alone was the speaker
    auto r = records("Dana Lind of Tilden, Ohio says the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("says", r[0].cue);
    EXPECT_EQ("Dana Lind of Tilden, Ohio", r[0].speaker);
}

TEST(Attribution, ATwoWordAdverbialBeforeTheVerbIsNoPartOfTheSpeaker) {
    // the speaker ran on over the adverbial
    auto r = records("Growers in particular want the council to drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("want", r[0].cue);
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("The council in turn said the levy would rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
}

TEST(Attribution, ARelativePronounBeforeAComparisonWithLikeIsTheSpeaker) {
    // the comparison was read as the speaker
    auto r = records("Dana Lind, who like many growers opposed the levy, said the council erred.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("opposed", r[0].cue);
    EXPECT_EQ("who", r[0].speaker);
    EXPECT_EQ("Dana Lind", r[1].speaker);
    r = records("Ivo Brandt, who, unlike most growers, opposed the levy, won the vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("who", r[0].speaker);
}

TEST(Attribution, ANounCueAfterInOrWithIsTheClauseSubjects) {
    // an article before the noun left it without a speaker
    auto r = records(
        "The growers rallied at the hall on Monday in hopes that the levy would fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("hopes", r[0].cue);
    EXPECT_EQ("The growers", r[0].speaker);
    r = records("Dana Lind stirred a row in May with an assertion that the levy was a fraud.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("assertion", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
    // without a verb of its own before it, the noun phrase keeps no speaker
    r = records("The claim that the levy failed is false.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    // nor after a passive: the claims are someone else's
    r = records("Dana Lind was confronted with claims that she lied.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, RelativeThatAfterANounOfPeopleIsTheSpeaker) {
    // "that" was no speaker, the cue had none
    auto r = records("The town hired a reporter that appeared to mock the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("appeared to mock", r[0].cue);
    EXPECT_EQ("that", r[0].speaker);
}

TEST(Attribution, AFloatingQuantifierAfterAnAuxiliaryIsPartOfTheCue) {
    // the quantifier was read as the speaker
    auto r = records("Dana Lind and Ivo Brandt have both argued that the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("have both argued", r[0].cue);
    EXPECT_EQ("Dana Lind and Ivo Brandt", r[0].speaker);
    r = records("The growers have all argued that the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
}

TEST(Attribution, AnIndefinitePronounOfPeopleNamesASpeaker) {
    // in lower case it named no one
    auto r = records("While everyone agrees the levy is unfair, some growers fear it will rise.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("agrees", r[0].cue);
    EXPECT_EQ("everyone", r[0].speaker);
    r = records("The levy is small, and almost everybody agrees it is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("almost everybody", r[0].speaker);
}

TEST(Attribution, AQuantifierStandingAloneNamesASpeakerInLowerCase) {
    // in lower case it named no one
    auto r = records("But others, including Dana Lind and Ivo Brandt, are urging the council "
                     "to drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("others", r[0].speaker);
}

TEST(Attribution, AnInvertedSpeakerGoesOnAfterAndBeforeACountOrAQuantifier) {
    auto r = records("The plan, said Lind and two aides, would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and two aides", r[0].speaker);
    EXPECT_EQ("The plan", r[0].content);
    EXPECT_EQ("would fail.", r[0].content2);
    r = records("\"It will fail,\" said Lind and others at the meeting.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and others", r[0].speaker);
    /* a verb after "and" is the speaker's next act, not more of the speaker */
    r = records("\"It will fail,\" said Lind and walked out.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ANameAndItsAppositionBeforeATrailingCueAreItsSpeaker) {
    auto r = records("The levy will rise, Dana Lind, the mayor of Tilden, said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind, the mayor of Tilden", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("The levy will rise", r[0].content);
    r = records("The levy will rise, the mayor, Dana Lind, said on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the mayor, Dana Lind", r[0].speaker);
    EXPECT_EQ("The levy will rise", r[0].content);
    /* a list before the verb is no apposition of a speaker */
    r = records("He bought apples, pears, plums, and said nothing.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("He", r[0].speaker);
}

TEST(Attribution, APronounWithAContractedAuxiliaryIsTheSubject) {
    auto r = records("But she\u2019ll likely want the council to drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("likely want", r[0].cue);
    EXPECT_EQ("she\u2019ll", r[0].speaker);
    r = records("The growers, who've said the levy is unfair, left the hall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("who've", r[0].speaker);
}

TEST(Attribution, AnAdverbAfterTheNounEndsTheSubjectOfAParticiple) {
    auto r = records("The grower later quit, claiming the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("claiming", r[0].cue);
    EXPECT_EQ("The grower", r[0].speaker);
}

TEST(Attribution, ANameAndItsAppositionInALaterClauseAreNoInvertedSpeakersContent) {
    auto r = records("The council met on Monday, while Ivo Brandt, the former treasurer, "
                     "proposed a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("proposed", r[0].cue);
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("a new levy.", r[0].content);
}

TEST(Attribution, LikeAndANameOpeningTheSentenceIsAnIntroductionNotTheSubject) {
    auto r = records("Like Ivo Brandt, she has fought the levy for years, hoping to end it.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("hoping", r[0].cue);
    EXPECT_EQ("she", r[0].speaker);
}

TEST(Attribution, ASpanOfTimeBeforeAfterOrBeforeIsAnIntroductionNotTheSubject) {
    // the span of time was read as the subject that the gerund's speaker comes from
    for (const char *text : {"Two weeks after the vote, Dana Lind broke her silence by asking "
                             "about the levy.",
                             "A day before the hearing, Dana Lind broke her silence by asking "
                             "about the levy."}) {
        auto r = records(text);
        ASSERT_EQ(1u, r.size()) << text;
        EXPECT_EQ("asking about", r[0].cue);
        EXPECT_EQ("Dana Lind", r[0].speaker) << text;
    }
}

TEST(Attribution, APassiveOfThinkingBeforeThatOrAboutIsItsSubjectsAttitude) {
    auto r = records("The town council is worried that the new levy could hurt growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("is worried", r[0].cue);
    EXPECT_EQ("The town council", r[0].speaker);
    EXPECT_EQ("that the new levy could hurt growers.", r[0].content);
    /* a passive with a thing for subject keeps it as content, with no speaker */
    r = records("It is thought that the levy will pass.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    r = records("Little is known about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, AnOpeningClauseEndsBeforeANameWithAPartyTagAndItsVerb) {
    auto r = records("While discussing a post from the mayor, Rep. Dana Lind (R-Ohio) said the "
                     "levy was unfair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("discussing", r[0].cue);
    EXPECT_EQ("a post from the mayor", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Rep. Dana Lind", r[1].speaker);
}

TEST(Attribution, AParticipleClauseAfterAnIntroductionEndsBeforeTheMainClause) {
    auto r = records("On Sunday, on the Courier\u2019s \u201cMorning Show,\u201d while discussing "
                     "a post from the mayor, Rep. Dana Lind (R-Ohio) said the levy was unfair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("discussing", r[0].cue);
    EXPECT_EQ("a post from the mayor", r[0].content);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("Rep. Dana Lind", r[1].speaker);
}

TEST(Attribution, SinceBetweenAnAuxiliaryAndTheVerbIsPartOfTheCue) {
    auto r = records("Dana Lind has since said she would back the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has since said", r[0].cue);
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, EverBetweenAnAuxiliaryAndTheVerbIsPartOfTheCue) {
    // the cue was the bare verb and had no speaker
    auto r = records("Few growers would ever admit the levy is small.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("would ever admit", r[0].cue);
    EXPECT_EQ("Few growers", r[0].speaker);
}

TEST(Attribution, AQuantifierAloneMayOpenASubjectWithARelativeClause) {
    auto r = records("But some who grow apples argue the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("argue", r[0].cue);
    EXPECT_EQ("some who grow apples", r[0].speaker);
}

TEST(Attribution, AnAppositionWithIncludingAddsToTheSubjectBeforeIt) {
    auto r = records("While many growers, including big donors to the mayor, fiercely opposed the "
                     "levy, the council did not.");
    ASSERT_LE(1u, r.size());
    EXPECT_EQ("fiercely opposed", r[0].cue);
    EXPECT_EQ("many growers", r[0].speaker);
    r = records("Even so, some growers -- including a few of the mayor's aides -- warn that the "
                "levy will fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("some growers", r[0].speaker);
}

TEST(Attribution, AndThenAfterACommaLinksAClauseNotAListOfSpeakers) {
    auto r = records("The growers clap, and then Lind continues: \"The levy is a tax on hope.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("Lind, Brandt, and Varga said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind, Brandt, and Varga", r[0].speaker);
}

TEST(Attribution, AParticipleAfterALinkedClauseTakesThatClausesSubject) {
    auto r = records("It was a long night, but Lind was in Tilden on Tuesday, two months before "
                     "the vote, urging growers to back the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("urging", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AListOfNamesAfterAPrepositionEndsTheSubjectItCut) {
    auto r = records("Most growers in Tilden, Harbour and Ashby said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Most growers in Tilden, Harbour and Ashby", r[0].speaker);
    /* an introduction before the comma is no item of a list */
    r = records("Early in the season, she and two other growers said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she and two other growers", r[0].speaker);
}

TEST(Attribution, AWordOfTimeInCapitalsAfterACapitalisedWordIsPartOfAName) {
    auto r = records("TILDEN TODAY reported in May that the new levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("TILDEN TODAY", r[0].speaker);
}

TEST(Attribution, TheSubjectSpeaksForAnInfinitiveOfPurpose) {
    auto r = records("The growers gathered at the town hall to talk about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("gathered at the town hall to talk about", r[0].cue); // the verb chain
    EXPECT_EQ("The growers", r[0].speaker);
    /* an empty subject speaks for nothing, and an infinitive with no one to speak for it
     * reports nothing */
    EXPECT_TRUE(records("It takes a clerk with a ledger to see that the levy failed.").empty());
}

TEST(Attribution, AParticipleClauseIsNoSubjectForTheVerbCoordinatedWithIt) {
    auto r = records("Lind has toned down her attacks on the mayor, shifting her focus to the levy "
                     "and admitting that it may pass.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("admitting", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AfterALongIntroductionTheNearestSubjectSpeaksForAnInfinitiveOfPurpose) {
    auto r = records("On a rainy afternoon, after their long shift, a dozen growers gathered at "
                     "the hall to talk about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("gathered at the hall to talk about", r[0].cue); // the verb chain
    EXPECT_EQ("a dozen growers", r[0].speaker);
}

TEST(Attribution, TheControlledObjectMayBeAQuantifierOrAList) {
    auto r = records("The levy has caused many to wonder whether the council will fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("many", r[0].speaker);
    r = records("The ruling would allow growers and clerks to call for a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("growers and clerks", r[0].speaker);
}

TEST(Attribution, APassiveOfAskingOrTellingAfterACommaIsNoTrailingCue) {
    auto r = records("At a town hall in Tilden earlier this month, Lind was asked about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("was asked", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("about the levy.", r[0].content);
}

TEST(Attribution, ASubordinateCueRightAfterTheCueOfAQuotationIsItsOwn) {
    // "when asked" right after the verb was read as the verb's circumstance
    auto r = records("\"We will keep it,\" Dana Lind said when asked whether the levy would stay.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("asked", r[1].cue);
    EXPECT_EQ("", r[1].speaker);
    EXPECT_EQ("whether the levy would stay.", r[1].content);
}

TEST(Attribution, AVerbOfReplyHeadsTheCueOfAGerundOfSayingAfterBy) {
    // the reply and what it was to stand between the verb and "by"; the cue was the gerund
    auto r = records("Lind responded to that post by saying the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("responded to that post by saying", r[0].cue);
    EXPECT_EQ("the levy would stay.", r[0].content);
    r = records(
        "Lind responded on Tuesday to one of Brandt's posts by saying the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("responded on Tuesday to one of Brandt's posts by saying", r[0].cue);
    // another verb before "by" leaves the gerund its own cue
    r = records("Lind ended the meeting by saying the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("saying", r[0].cue);
}

TEST(Attribution, AVerbOfNamingAfterAnIndefiniteObjectGivesAName) {
    // "a firm" after "including" or a preposition is no subject: nobody calls anything here
    auto r = records("The levy went to several groups, including a firm called Harbour Data.");
    EXPECT_EQ(0u, r.size());
    r = records("Ivo Brandt, at a consulting firm called Tilden Partners, argues that the levy "
                "is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("argues", r[0].cue);
    // an indefinite subject that opens its clause still calls
    r = records("Last week a spokesman called Lind a liar.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("a spokesman", r[0].speaker);
    EXPECT_EQ("called", r[0].cue);
}

TEST(Attribution, SoAndTheSameStandForAReportedClause) {
    // "the same" was read as a noun phrase, which a verb of saying alone does not report,
    // and the comparison's "who say" in the base form did not end the content before it
    auto r = records("Some 46 percent of growers say the levy is fair, compared with 19 percent "
                     "of clerks who say the same of the toll.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("the levy is fair", r[0].content);
    EXPECT_EQ("who", r[1].speaker);
    EXPECT_EQ("say", r[1].cue);
    EXPECT_EQ("the same of the toll.", r[1].content);
    r = records("Brandt wrote the same thing in May.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("wrote", r[0].cue);
    // a degree is no pro-form, and "wrote" with a noun phrase reports nothing
    r = records("Brandt wrote the same plan in May.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, AVerbThatReportsOnlyAQuotationTakesOneBelowItsColon) {
    // the quotation was in the next paragraph, so "continued" seemed to report nothing
    auto r = records("Lind continued:\n\n\"The levy is the worst one yet for the valley.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("continued", r[0].cue);
    EXPECT_EQ("\"The levy is the worst one yet for the valley.\"", r[0].content);
}

TEST(Attribution, AVerbOfSayingWithOnlyFromAndAPlaceReportsNothing) {
    // a reporter's credit line: "from Tilden, Ohio" was read as what was reported
    auto r = records("Ivo Brandt reported from Tilden, Ohio.");
    EXPECT_EQ(0u, r.size());
    r = records("Brandt reported from Harbour; Lind, from Tilden.");
    EXPECT_EQ(0u, r.size());
    // with a content after the place the verb reports it
    r = records("Lind reported from Tilden that the levy had passed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("that the levy had passed.", r[0].content);
}

TEST(Attribution, AndWithAnAuxiliaryBeforeAVerbOfSayingStartsTheNextAttribution) {
    // "and has said that" ran on inside the content of the verb before it
    auto r = records("He describes himself as a friend of growers and has said that he gave "
                     "money to the fund.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("himself as a friend of growers", r[0].content);
    EXPECT_EQ("He", r[1].speaker);
    EXPECT_EQ("has said", r[1].cue);
    EXPECT_EQ("that he gave money to the fund.", r[1].content);
    // a verb that is no cue after the auxiliary stays in the content
    r = records("Lind said the levy was fair and had risen by half.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy was fair and had risen by half.", r[0].content);
}

TEST(Attribution, WriteAboutNamesWhatAWrittenTextSays) {
    // "wrote" reports a clause only, so "about the levy" left it without a content
    auto r = records("Ivo Brandt, who wrote about the levy in his book, said it was unfair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("who", r[0].speaker);
    EXPECT_EQ("wrote about", r[0].cue);
    EXPECT_EQ("the levy in his book", r[0].content);
    EXPECT_EQ("Ivo Brandt", r[1].speaker);
    // a written thing is still no content
    r = records("Lind wrote a book on the valley.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, APassiveOfAskingReportsAQuotationAfterAComma) {
    // only a clause with an opener was taken; the quotation reported nothing
    auto r = records("Lind was asked, \"Will you run again?\" She said no.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("was asked", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("\"Will you run again?\"", r[0].content);
    EXPECT_EQ("She", r[1].speaker);
    EXPECT_EQ("no.", r[1].content);
}

TEST(Attribution, AVerbOfBeginningOrGoingOnHeadsTheCueOfItsGerund) {
    // the gerund was a cue of its own without a speaker
    auto r = records("Then she began dismissing the notion that the levy mattered.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she", r[0].speaker);
    EXPECT_EQ("began dismissing", r[0].cue);
    r = records("Ivo Brandt kept asking her why the levy had risen.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("kept asking", r[0].cue);
    // not the noun "start" after a determiner
    r = records("After a false start, calling the levy fair was easy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("calling", r[0].cue);
}

TEST(Attribution, AnAdverbInLyMayStandBeforeTheTopicOfAVerbOfSpeaking) {
    // "spoke" reports a clause or a topic; the adverb hid the topic
    auto r = records("Dana Lind spoke passionately about her father and his farm.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("spoke", r[0].cue);
    r = records("Lind spoke quietly to the clerk.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, TheSecondVerbOfARelativeClauseEndsItsContentAtTheSentencesVerb) {
    // after "and" the relative clause was not seen, and its content ran over "said"
    auto r = records("Dana Varga, a grower who has dined twice with Mr. Lind and been mentioned "
                     "as a possible treasurer, said the levy could stay.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("been mentioned", r[0].cue);
    EXPECT_EQ("as a possible treasurer", r[0].content);
    EXPECT_EQ("Dana Varga", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("the levy could stay.", r[1].content);
}

TEST(Attribution, ABaseFormThatIsAlsoANounIsAVerbBeforeAGerundAndItsObject) {
    // "support reforming" after a plural was read as a noun phrase
    auto r = records("A growing number of growers support reforming the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("A growing number of growers", r[0].speaker);
    EXPECT_EQ("support", r[0].cue);
    EXPECT_EQ("reforming the levy.", r[0].content);
    // a noun before a noun stays one
    r = records("The growers support staff rose.");
    EXPECT_EQ(0u, r.size());
}

TEST(Attribution, AnAsideBetweenDashesAfterTheCueComesBeforeItsContent) {
    // with dash characters the aside hid the content and the cue was lost; with "--" the
    // aside was read as content
    for (const char *text :
         {"His campaign chief Dana Lind said \u2014 on the radio, as it happens \u2014 that the "
          "levy raised $4 million.",
          "His campaign chief Dana Lind said -- on the radio, as it happens -- that the levy "
          "raised $4 million."}) {
        auto r = records(text);
        ASSERT_EQ(1u, r.size()) << text;
        EXPECT_EQ("His campaign chief Dana Lind", r[0].speaker);
        EXPECT_EQ("said", r[0].cue);
        EXPECT_EQ("that the levy raised $4 million.", r[0].content);
    }
}

TEST(Attribution, AVerbOfDismissingOrListingReportsOnlyBeforeOff) {
    // "shrugged off", "rattled off" had no cue; "shrugged" alone still has none
    auto r = records("Lind shrugged off the attack on her levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("shrugged off", r[0].cue);
    EXPECT_EQ("the attack on her levy.", r[0].content);
    r = records("Ivo Brandt rattled off a list of fees the council had raised.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("rattled off", r[0].cue);
    EXPECT_EQ(0u, records("Lind waved to the crowd and laughed.").size());
    // other verbs before "off" are no cues: "called off the vote" is a deed
    EXPECT_EQ(0u, records("The council called off the vote on the levy.").size());
}

TEST(Attribution, ListedInThePastReportsWhatItLists) {
    // "listed" was no cue word
    auto r = records("Ivo Brandt angrily listed his recent wins at the fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("angrily listed", r[0].cue);
    EXPECT_EQ("his recent wins at the fair.", r[0].content);
}

TEST(Attribution, ThankedAndThankingAreCuesOfStance) {
    // "thanked" was no cue word; the noun "thanks" stays none
    auto r = records("Dana Lind thanked the growers for their patience.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("thanked", r[0].cue);
    EXPECT_EQ("the growers for their patience.", r[0].content);
    r = records("Brandt spoke for ten minutes, thanking the clerks who counted the votes.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("thanking", r[0].cue);
    EXPECT_EQ(0u, records("Thanks to the levy, the fair was rebuilt.").size());
}

TEST(Attribution, APastFormBetweenANumberAndItsPluralIsAnAdjective) {
    // "pledged" read as a verb whose speaker was "20"
    EXPECT_EQ(0u, records("Lind won the county's 20 pledged delegates.").size());
    EXPECT_EQ(0u, records("The clerk filed her five proposed bills on Monday.").size());
    // a number that opens its clause is a subject
    auto r = records("Of the growers, two said voters were angry.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("two", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, ABaseFormAfterAQuantifierOrAnAdjectiveBeforeAPrepositionIsANoun) {
    // "mention" and "say" were read as verbs with "little" and "the final" as speakers
    EXPECT_EQ(0u, records("Her speech carried little mention of the toll.").size());
    EXPECT_EQ(0u, records("The mere mention of the levy angers growers.").size());
    EXPECT_EQ(0u, records("Dana Lind has the final say on the levy.").size());
    // after a plural it is a verb
    auto r = records("Growers say of the levy that it is too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    EXPECT_EQ("say", r[0].cue);
}

TEST(Attribution, AVerbBeforeToMindReportsNothing) {
    // "called to mind" was read as a call with "to mind the levy" as its content
    EXPECT_EQ(0u, records("The vote inevitably called to mind the levy of 1990.").size());
}

TEST(Attribution, AnApologyIsASpeechAct) {
    // "apologized" was no cue word
    auto r = records("Dana Lind apologized for the error.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("apologized for", r[0].cue);
    EXPECT_EQ("the error.", r[0].content);
    r = records("Lind apologised for the delay, saying the clerk was ill.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("apologised for", r[0].cue);
}

TEST(Attribution, RequestedReportsWhatIsRequested) {
    // "requested" was no cue word
    auto r = records("The council requested another month to count the votes.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    EXPECT_EQ("requested", r[0].cue);
    EXPECT_EQ("another month to count the votes.", r[0].content);
}

TEST(Attribution, ChallengedIsACueOfStance) {
    // "challenged" was no cue word
    auto r = records("Ivo Brandt challenged the count in the town hall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("challenged", r[0].cue);
    EXPECT_EQ("the count in the town hall.", r[0].content);
}

TEST(Attribution, PressedUrgesAsAVerbOfSaying) {
    // "pressed" was no cue word; the adjective "pressing" stays none
    auto r = records("Dana Lind pressed the mayor to lower the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("pressed", r[0].cue);
    EXPECT_EQ(0u, records("It is the most pressing issue for growers.").size());
}

TEST(Attribution, VerbsOfAssailingRebuttingAndMullingAreCues) {
    // none of these was a cue word
    auto r = records("Ivo Brandt assailed the levy at the fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("assailed", r[0].cue);
    r = records("The council reaffirmed its support for the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("reaffirmed", r[0].cue);
    EXPECT_EQ("its support for the toll.", r[0].content);
    r = records("Lind is mulling a run for mayor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("is mulling", r[0].cue);
}

TEST(Attribution, VerbsOfPraisingDisowningAndClarifyingAreCues) {
    // none of these was a cue word
    auto r = records("Dana Lind congratulated Brandt on his win.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("congratulated", r[0].cue);
    r = records("The mayor disavowed the flyer.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("disavowed", r[0].cue);
    r = records("Brandt later clarified his remarks about the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("later clarified", r[0].cue);
}

TEST(Attribution, HaranguingTauntingAndVentingAreCues) {
    // none of these was a cue word
    auto r = records("Brandt taunted the mayor over the count.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("taunted", r[0].cue);
    r = records("Growers vented their anger at the hall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("vented", r[0].cue);
}

TEST(Attribution, ContractedHasAfterHeOrSheBeforeAParticipleIsNoPassive) {
    // "'s" was always read as "is", so the cue was a passive without a speaker
    auto r = records("And she's argued that the toll hurts growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she", r[0].speaker);
    EXPECT_EQ("'s argued", r[0].cue);
    r = records("He\u2019s predicted a close count at the hall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("He", r[0].speaker);
    // before "to" it is still "is": "she's expected to …" keeps its subject as content
    r = records("But she's expected to back the toll on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, ANamingParticipleWithoutAnAuxiliaryHasNoSpeaker) {
    // the noun before a reduced "known as" / "referred to as" was read as who says the label
    auto r = records("The growers' group, also known as the Guild, has been active in town.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("also known", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    r = records("The levy, often referred to as the toll, has split the town.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, APassiveInsertedAfterItsSubjectHasNoSpeaker) {
    // the subject before the inserted participle was read as who announced it
    auto r = records("The levy, unveiled on Monday, would double the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("unveiled", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, APassiveAgentMayFollowALongerComplementWithAs) {
    // the complement with "as" was too long, or its possessive stopped the search
    auto r = records("Brandt was confirmed as one of the town's new growers by the clerk.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the clerk", r[0].speaker);
    EXPECT_EQ("was confirmed", r[0].cue);
    r = records("The levy was described as a heavy burden on the smallest farms by the growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the growers", r[0].speaker);
}

TEST(Attribution, AttackedIsADeedEvenWithAReasonAfterIt) {
    // war news: "for", "as", "over" after an attack are times and manners as often as reasons
    EXPECT_EQ(0u, records("Rebels attacked the convoy near the border.").size());
    EXPECT_EQ(0u, records("Rebels attacked the depot over the weekend.").size());
    EXPECT_EQ(0u, records("Rebels attacked the depot for the second time.").size());
}

TEST(Attribution, PersuadeIsAnUrgingWithARecipient) {
    auto r = records("Dana Lind persuaded the council to drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("persuaded", r[0].cue);
    r = records("Ivo Brandt is trying to persuade growers that the toll is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("is trying to persuade", r[0].cue); // the verb chain
    EXPECT_EQ("that the toll is fair.", r[0].content);
}

TEST(Attribution, ConsideredAfterANounIsAReducedPassive) {
    auto r = records("Dana Lind, a farmer considered a moderate, voted against the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("voted against", r[0].cue);
    r = records("Ivo Brandt considered a run for mayor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("considered", r[0].cue);
}

TEST(Attribution, VerbsOfBelittlingOrImploringAreCues) {
    auto r = records("Ivo Brandt belittled the new clerk at the fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
    EXPECT_EQ("belittled", r[0].cue);
    r = records("The growers implored the council to keep the old toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("implored", r[0].cue);
}

TEST(Attribution, APassiveCalledForBeforeANameIsAResult) {
    EXPECT_EQ(0u, records("Growers cheered when the county was called for Ivo Brandt.").size());
    auto r = records("Dana Lind called for a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called for", r[0].cue);
}

TEST(Attribution, AVerbThatReportsNothingLeavesItsWordsFree) {
    // "was asked yet again" reports nothing; Lind, no longer its speaker, is the one who
    // defends
    auto r = records("Lind was asked yet again to defend the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("defend", r[0].cue);
}

TEST(Attribution, TwoApostrophesBoundAContentAsOneQuotationMarkDoes) {
    // '' typed for " : the content starts and ends where it does with "
    auto r = records("''We will not raise it,'' Lind said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("''We will not raise it,", r[0].content);
    r = records("Lind said, ''We will not raise it.''");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("''We will not raise it.''", r[0].content);
    r = records("Lind said, \"We will not raise it.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("\"We will not raise it.\"", r[0].content);
}

TEST(Attribution, EverAfterTheSubjectOfAQuestionIsNoPartOfTheSpeaker) {
    auto r = records("Has Lind ever said the levy was fair?");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("ever said", r[0].cue);
    r = records("Did the growers ever claim the levy was fair?");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the growers", r[0].speaker);
}

TEST(Attribution, ForBeforeWhatIsAskedForBelongsToTheCue) {
    // as a particle does ("pointed out", lemma "point")
    auto r = records("Dana Lind called for a new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called for", r[0].cue);
    EXPECT_EQ("call", r[0].lemma);
    EXPECT_EQ("a new levy.", r[0].content);
    r = records("The growers have long pressed for a recount.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("have long pressed for", r[0].cue);
    // not before a duration
    r = records("The clerks had been discussing for two full days.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("had been discussing", r[0].cue);
}

TEST(Attribution, AReducedRelativeReportsItsNounFromThePhraseAfterIt) {
    // "listed in" after a noun is a passive without its "be": the records list the grower
    auto r = records("The grower listed in the records could not be found.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the records", r[0].speaker);
    EXPECT_EQ("listed", r[0].cue);
    EXPECT_EQ("The grower", r[0].content);
    // a clause after the phrase: the verb is the sentence's own
    r = records("The mayor listed in a letter that the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
}

TEST(Attribution, AnOpeningParticiplesContentEndsAtItsComma) {
    // the main clause's object ("it off") is not what she was asked
    auto r = records("Asked about the toll, Lind laughed it off.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Asked about", r[0].cue); // the governed preposition is the cue's
    EXPECT_EQ("the toll", r[0].content);
    // and one inserted after the subject
    r = records("Lind, asked about the toll, laughed it off.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the toll", r[0].content);
}

TEST(Attribution, AnInsertedClauseWithAnAsideEndsBeforeTheMainVerb) {
    // an aside after the relative pronoun, an adverb before the participle
    auto r = records(
        "Brandt, who, like other growers, remembered the flood, said the levy was fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("remembered", r[0].cue);
    EXPECT_EQ("the flood", r[0].content);
    EXPECT_EQ("Brandt", r[1].speaker);
    EXPECT_EQ("said", r[1].cue);
    r = records("Lind, often referred to as the voice of the valley, said the levy was fair.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("to as the voice of the valley", r[0].content);
    EXPECT_EQ("Lind", r[1].speaker);
    EXPECT_EQ("the levy was fair.", r[1].content);
}

TEST(Attribution, APluralWithoutAnArticleIsAPassivesAgent) {
    auto r = records("The levy was challenged in court by growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("growers", r[0].speaker);
    EXPECT_EQ("was challenged", r[0].cue);
    r = records("The levy was challenged by local growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("local growers", r[0].speaker);
}

TEST(Attribution, APassiveWithoutAComplementHasItsSubjectAsTheContent) {
    auto r = records("The levy was challenged in court by growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The levy", r[0].content);
    EXPECT_EQ("", r[0].content2);
    // with a complement the subject stays the second piece
    r = records("The levy is expected to pass.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("to pass.", r[0].content);
    EXPECT_EQ("The levy", r[0].content2);
}

TEST(Attribution, CallForOrOnIsAnAppealInAnyForm) {
    // a plural subject before "called for": people, not a document
    auto r = records("Several farm unions called for a ban on the new levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Several farm unions", r[0].speaker);
    EXPECT_EQ("called for", r[0].cue); // "for" is part of the cue, as in "pointed out"
    // "calls on" after a plural subject, and a gerund after "by"
    r = records("Local growers call on him to drop the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Local growers", r[0].speaker);
    r = records("Reyes surprised the council by calling for a second vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("calling for", r[0].cue);
    // a race too close to call is no appeal
    EXPECT_TRUE(records("The race in Tilden was too close to call for hours.").empty());
}

TEST(Attribution, TwoNamesJoinedByAndSpeakBeforeAColonAndAQuotation) {
    auto r = records("Dana Lind and Ivo Brandt: \"We found that the levy was too high.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind and Ivo Brandt", r[0].speaker);
    EXPECT_EQ(":", r[0].cue);
    r = records("Tilden polls were late - More from Lind and Brandt: \"Turnout fell.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and Brandt", r[0].speaker);
    // without a quotation the pair is a kicker
    EXPECT_TRUE(records("Crime and Punishment: a look at the new levy.").empty());
}

TEST(Attribution, SeemTakesAnAdverbOrAClauseAfterAnEmptyIt) {
    struct Case {
        const char *text, *cue;
    };
    for (const Case &k : {Case{"The mayor seemed most concerned with the levy.", "seemed"},
                          Case{"Growers appeared more likely to stay in Tilden.", "appeared"},
                          Case{"Lind still seems not to have decided.", "still seems"},
                          Case{"It seems the council has too few members.", "seems"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // a noun phrase after "it seems" is no clause
    EXPECT_TRUE(records("It seems a sure bet for the council.").empty());
}

TEST(Attribution, AConditionInsideTheContentDoesNotEndIt) {
    for (const char *text :
         {"Lind said that if the council voted no, she would insist on a recount.",
          "Lind said that if Mr. Brandt won, she would insist on a second vote.",
          "Lind said the levy was fair but that if Brandt won, he would insist on a vote."}) {
        size_t outer = 0;
        for (const auto &a : published(text)) {
            if (!a.nested) {
                outer++;
                EXPECT_EQ("said", a.cue) << text;
                EXPECT_EQ("Lind", a.speaker) << text;
            }
        }
        EXPECT_EQ(1u, outer) << text;
    }
    // after a verb of asking "if" is "whether": the growers' clause is their own
    size_t outer = 0;
    for (const auto &a : published("Asked if the levy was fair, most growers said yes.")) {
        outer += !a.nested;
    }
    EXPECT_EQ(2u, outer);
}

TEST(Attribution, AClauseVerbTakesAClauseWithoutThat) {
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k :
         {Case{"Lind wrote she would leave the council.", "Lind", "wrote"},
          Case{"Brandt added the levy was unfair.", "Brandt", "added"},
          Case{"Reyes also wrote the growers knew to brace for a fight.", "Reyes", "also wrote"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // an object, not a clause
    for (const char *text : {"Lind wrote a letter to the council.", "Lind wrote the report Monday.",
                             "Brandt maintains a big pledged delegate count."}) {
        EXPECT_TRUE(records(text).empty()) << text;
    }
}

TEST(Attribution, CalledAfterARelativeClauseInAnAppositionReportsALabel) {
    auto r = records("Reyes, who ran the fair for years, called the levy \"a disgrace.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Reyes", r[0].speaker);
    EXPECT_EQ("called", r[0].cue);
    r = records("Dana Lind, who was in Tilden on Saturday as growers met, called what she saw "
                "\"a farce.\"");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("called", r[0].cue);
    // one comma before "called" and no name before it: a name given
    EXPECT_TRUE(records("They founded a new party, called For Our Future.").empty());
}

TEST(Attribution, RailAgainstAndLashOutAtAreStances) {
    auto r = records("Lind railed against the levy at a rally in Tilden.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("railed against", r[0].cue);
    r = records("Brandt lashed out at the council on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("lashed out", r[0].cue);
    // without the particle: a track, a storm
    EXPECT_TRUE(records("The rail line to Tilden was closed.").empty());
    EXPECT_TRUE(records("A storm lashed the coast near Tilden on Tuesday.").empty());
}

TEST(Attribution, APrepositionTheCueVerbGovernsBelongsToTheCue) {
    // the preposition was read as the first word of the content
    auto r = records("Dana Lind called for a recount of the Ashby vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called for", r[0].cue);
    EXPECT_EQ("a recount of the Ashby vote.", r[0].content);
    r = records("The growers argued for a lower toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("argued for", r[0].cue);
    EXPECT_EQ("a lower toll.", r[0].content);
    expect_voices("Ivo Brandt asked about the Ashby toll.",
                  {{"asked", A}, {"about", A}, {"Ashby", R}});
}

TEST(Attribution, AnotherSpeakersClauseAfterAColonEndsTheContent) {
    // the content ran over the colon and swallowed the poll and its finding
    auto r = records("Lind argued that the levy is popular: a Courier poll found that most "
                     "growers back it.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("that the levy is popular", r[0].content);
    EXPECT_EQ("a Courier poll", r[1].speaker);
    EXPECT_EQ("found", r[1].cue);
}

TEST(Attribution, AHeadlinesSecondPredicateAfterANounPhraseEndsTheContent) {
    // "names a deputy" ran on as part of what the mayor announced
    auto r = records("Tilden mayor announces recount of Ashby vote, names deputy");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("recount of Ashby vote", r[0].content);
    r = records("Guild news: Lind calls for lower toll on grain, meets Velm growers");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("lower toll on grain", r[0].content);
    // after a clause the verb is the content's own, and "says" takes no object
    r = records("Lind says Brandt raised the toll, blames growers");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt raised the toll, blames growers", r[0].content);
    // a list of nouns goes on
    r = records("Lind calls for tractors, seeds for Velm growers");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("tractors, seeds for Velm growers", r[0].content);
}

TEST(Attribution, AHeadlinesPassiveWithoutBeReportsItsNoun) {
    // the noun before "reported" was the outlet's, only the place after it reported
    auto r = records("Guild news: fire in Velm, explosions reported in Tilden grain depot");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("reported", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("explosions", r[0].content2);
    EXPECT_EQ("in Tilden grain depot", r[0].content);
    // a name before it speaks, and running text has its period
    r = records("Lind reported at noon that the toll rose");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("The explosions reported in Tilden grain depot rose.");
    for (const auto &a : r) {
        EXPECT_NE("explosions", a.content2);
    }
}

TEST(Attribution, AnInfinitiveWithNoSubjectReportsNothing) {
    // "talk about", "know" and "explain" were cues of no one, their complements reported
    EXPECT_TRUE(records("There is little time left to talk about the toll.").empty());
    EXPECT_TRUE(records("It is hard to know where the Velm growers will decide to sell.").empty());
    expect_voices("There was no chance to explain why the toll rose.", {{"toll", A}});
    // a subject that acts still speaks for its infinitive of purpose
    auto r = records("Lind went to the Velm hall to argue that the toll is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("went to the Velm hall to argue", r[0].cue); // the verb chain
}

TEST(Attribution, AWordThatIsAlsoANounIsOneAfterAnAdjective) {
    // "plans" and "promise" were verbs with no subject or with the adjective as speaker
    EXPECT_TRUE(records("The council is accelerating plans to widen the Tilden road.").empty());
    // (with "made" the promise is Lind's: one act of saying, not a verb of "forceful")
    auto m = records("Lind made a forceful promise that the toll would fall.");
    ASSERT_EQ(1u, m.size());
    EXPECT_EQ("made a forceful promise", m[0].cue);
    EXPECT_EQ("Lind", m[0].speaker);
    auto r = records("Reyes dismissed the dogmatic view that the toll must rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("dismissed", r[0].cue);
    // after a plain noun it is still a verb
    r = records("The Velm council plans to widen the road.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The Velm council", r[0].speaker);
    EXPECT_EQ("plans", r[0].cue);
}

TEST(Attribution, AGerundAfterAPrepositionOfReasonOrTopicIsNoCue) {
    // "telling" had "The guild fined Lind" as speaker, "urging" no one
    EXPECT_TRUE(
        records("The guild fined Lind for telling the growers that the toll was fair.").empty());
    EXPECT_TRUE(records("Brandt is keen on urging the council to cut the toll.").empty());
    // "by" tells how the subject acted
    auto r = records("Lind ended the meeting by saying that the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("saying", r[0].cue);
}

TEST(Attribution, ARelativeClauseAfterANamedSpeakerDescribesThatSpeaker) {
    // "supports" and "wants" were attributions of their own, with "who" as speaker
    auto r = records("\"We will see,\" said Dana Lind, a grower from Velm who supports the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    r = records("\"The count was late,\" said Ivo Brandt, who wants a recount in Tilden.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    // a verb of saying there reports again
    r = records("\"We will see,\" said Ivo Brandt, who added that the count was late.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("added", r[1].cue);
}

TEST(Attribution, PhrasesOfMediumTimeOrPlaceBeforeABareClauseAreNotContent) {
    // the content began at "in a statement"
    auto r = records("Lind said in a statement the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy was fair.", r[0].content);
    r = records("Brandt said at a rally in Velm on Sunday the toll would fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the toll would fall.", r[0].content);
    // a phrase that is the topic stays content
    r = records("Lind spoke about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy.", r[0].content);
}

TEST(Attribution, AnInitialIBeforeANameIsNotThePronoun) {
    // the speaker was "I", read as the pronoun that is a whole subject
    auto r = records("I. Ivo Brandt, the clerk, said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("I. Ivo Brandt", r[0].speaker);
    r = records("I said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("I", r[0].speaker);
}

TEST(Attribution, AResidenceWithoutItsClosingCommaBelongsToTheName) {
    // the place was the speaker
    auto r = records("Dana Lind, 50, of Velm said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    r = records("Ivo Brandt, from Tilden said the toll would fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
}

TEST(Attribution, ANameBeforeAStrayCommaAfterAnIntroductionSpeaks) {
    // the introduction's noun was the speaker
    auto r = records("After the vote, Gov. Dana Lind (R-Ohio), said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Gov. Dana Lind", r[0].speaker);
    r = records("On the steps of the hall, Ivo Brandt, said the toll would fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ivo Brandt", r[0].speaker);
}

TEST(Attribution, AClauseAfterACommaAndACoordinatorIsNotTheTopic) {
    // the content was the pronoun of the writer's clause after "but"
    auto r = records("Brandt warned of a drought, but the growers sowed it anyway.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("warned of", r[0].cue);
    EXPECT_EQ("a drought", r[0].content);
    // a list of nouns goes on
    r = records("Lind called for lower tolls, and higher wages.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("lower tolls, and higher wages.", r[0].content);
}

TEST(Attribution, ALinkedClauseBeforeTheSubjectIsNoPartOfIt) {
    // the speaker ran back over the first clause and its comma
    auto r = records("The clerk responded, and growers said the toll was too high.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("growers", r.back().speaker);
    r = records("Lind, Brandt, and Reyes said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind, Brandt, and Reyes", r[0].speaker);
}

TEST(Attribution, ASecondPredicateAfterACommaIsNoContentOfTheFirst) {
    // "declined" took ", then said …" as its content and the saying was lost
    auto r = records("Brandt declined, then said the toll would fall.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("then said", r[0].cue);
    EXPECT_EQ("the toll would fall.", r[0].content);
}

TEST(Attribution, YouAndABareVerbBetweenCommasIsAnInterjection) {
    // ", you know," was read as a cue with the speaker "you"
    EXPECT_TRUE(records("The toll, you know, was too high.").empty());
    auto r = records("Brandt said the toll, you see, was too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    // a clause after it is what the reader knows
    r = records("You know the toll was too high.");
    ASSERT_EQ(1u, r.size());
}

TEST(Attribution, AnAdditiveAdverbBeforeTheVerbBelongsToTheCue) {
    // "further" and "likewise" were read as part of the speaker's name
    auto r = records("Lind further argued that the toll was too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("further argued", r[0].cue);
    r = records("The board likewise said the levy was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The board", r[0].speaker);
}

TEST(Attribution, EchoReportsTheWordsItRepeats) {
    auto r = records("Reyes echoed the call for lower tolls.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Reyes", r[0].speaker);
    EXPECT_EQ("echoed", r[0].cue);
    r = records("The call was echoed by Brandt on Monday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
}

TEST(Attribution, RespondToIsAReply) {
    // "respond" reported only a quotation or a that-clause
    auto r = records("Brandt did not respond to the growers' letter.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("did not respond", r[0].cue);
    r = records("The council responded to the growers on Monday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    // without "to" it is no cue
    EXPECT_TRUE(records("The firemen responded within minutes.").empty());
}

TEST(Attribution, AnInterjectionBeforeAHeadlinesColonIsAKicker) {
    // one capitalised word before a colon was read as a name
    EXPECT_TRUE(records("Wow: the growers were paid twice.").empty());
    EXPECT_TRUE(records("LOOK: Tilden Growers Bring In Record Harvest").empty());
    auto r = records("Lind: the growers were paid twice.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, PushForOrBackIsAnAppealOrARetort) {
    auto r = records("The growers pushed for a lower toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
    EXPECT_EQ("pushed for", r[0].cue);
    EXPECT_EQ("a lower toll.", r[0].content);
    // the gerund of saying after the retort keeps its reading
    r = records("Brandt pushed back on Monday, saying the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("pushed back on Monday, saying", r[0].cue);
    // a deed
    EXPECT_TRUE(records("Lind pushed the cart into the barn.").empty());
}

TEST(Attribution, TheOutletsOwnQuestionIsReported) {
    // "we" was always the outlet's narration
    auto r = records("We asked our readers whether the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("We", r[0].speaker);
    EXPECT_EQ("asked", r[0].cue);
    EXPECT_EQ("whether the toll was fair.", r[0].content);
    EXPECT_TRUE(records("What we know about the levy is little.").empty());
}

TEST(Attribution, CalledWithANameAndNoLabelIsATelephoneCall) {
    EXPECT_TRUE(records("Lind called Brandt on Friday.").empty());
    auto r = records("Reyes, who called Lind shortly after the vote, said the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    // a label after the name is what the speaker called him
    r = records("Lind called Brandt a liar.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called", r[0].cue);
}

TEST(Attribution, CalledWithADeterminerNounAndATimeIsATelephoneCall) {
    EXPECT_TRUE(records("Lind called both growers on Friday night.").empty());
    EXPECT_TRUE(records("Brandt called the clinic yesterday.").empty());
    // a label after the object is what she called it
    auto r = records("Lind called the levy unfair on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, IntroductionsInARowAreNoContent) {
    // "Then, on Friday," opens the sentence: it is not what Brandt said or called
    EXPECT_TRUE(records("Then, on Friday, Brandt called.").empty());
    EXPECT_TRUE(records("Later, at a meeting in Tilden, the mayor said.").empty());
    // a clause before the comma is still content
    auto r = records("The toll, in my view, is too high, Brandt said.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("said", r[0].cue);
}

TEST(Attribution, AssumingAPostIsADeedNotABelief) {
    EXPECT_TRUE(records("When Lind assumed office as mayor in 2019, she raised the toll.").empty());
    EXPECT_TRUE(records("Brandt assumed the chairmanship as the budget fell due.").empty());
    // an assumption about a clause is a belief
    auto r = records("Lind assumed the toll would rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("assumed", r[0].cue);
}

TEST(Attribution, ClaimingLivesOrLandIsNoStatement) {
    EXPECT_TRUE(
        records("As the army claims more territory in the north, the growers leave.").empty());
    EXPECT_TRUE(records("The flood at Velmor claimed 12 lives.").empty());
    // a claim about a clause is a statement
    auto r = records("Lind claimed the levy was illegal.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("claimed", r[0].cue);
}

TEST(Attribution, PostingAResultIsNoMessage) {
    EXPECT_TRUE(
        records("Lind lost in Tilden before Brandt posted a narrow victory in Velmor.").empty());
    EXPECT_TRUE(records("The co-op posted a record loss for the year.").empty());
    // a post of a message keeps its cue
    auto r = records("Brandt posted a video of the vote on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    EXPECT_EQ("posted", r[0].cue);
}

TEST(Attribution, AQuantifierAndAnAuxiliaryBeforeANounlikeVerbSpeak) {
    // "promised" after "Both have" was read as a noun
    auto r = records("Both have promised to cut the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Both", r[0].speaker);
    EXPECT_EQ("have promised", r[0].cue);
}

TEST(Attribution, AnEmptyItOrThereBeforeBeIsNoSpeaker) {
    // "There" and the "it" of "it is doubtful" were taken as the speaker
    auto r = records("There were reports that the dam at Velmor had failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    r = records("It was doubtful the levy would pass in Velmor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    // an "it" that says something keeps it
    r = records("It said the toll at Velmor was too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("It", r[0].speaker);
}

TEST(Attribution, ANounSummingUpTheClauseIsReportedByTheAgentAfterBy) {
    // "a fact" was taken as the speaker of "first reported"
    auto r = records("The mayor of Velmor has no license - a fact first reported by Dana Lind.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("first reported", r[0].cue);
    EXPECT_EQ("The mayor of Velmor has no license", r[0].content);
    // a speaker before an active verb keeps it
    r = records("The toll at Velmor will rise, the ministry said by phone.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the ministry", r[0].speaker);
}

TEST(Attribution, AnAgeAndAResidenceAfterANameAreNoContentBeforeItsCue) {
    // "Joy Brandt, 50" was the content and "of Velmor" the speaker of "learned"
    auto r = records("Joy Brandt, 50, of Velmor learned of the toll when she was 25.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Joy Brandt", r[0].speaker);
    EXPECT_EQ("learned", r[0].cue);
}

TEST(Attribution, AnOpeningPhraseOfPlaceOrMannerIsNoSpeaker) {
    // the first word of the opening phrase ("Back", "Outside", "Rushing") was the speaker
    auto r = records("Back in Velmor, the mayor, a grower, said the toll was high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the mayor", r[0].speaker);
    r = records("Outside the hall, most growers, still hopeful, are warning against a toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("most growers", r[0].speaker);
    r = records("Rushing into a meeting, Dana Lind, a grower from Velmor, said the toll was high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
}

TEST(Attribution, ANameWithItsBracketTagSpeaksForAnOpenApposition) {
    // the apposition without its closing comma was the speaker
    auto r = records("On Friday, Sen. Dana Lind (D-Ore.), a supporter of the mayor told "
                     "the host she believed the toll at Velmor was high.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Sen. Dana Lind", r[0].speaker);
    EXPECT_EQ("told", r[0].cue);
}

TEST(Attribution, ADeterminerAfterAndOpensASecondConjunctOfTheSubject) {
    // the participle's speaker stopped at "and": "Growers"
    auto r = records("Growers and their allies are building a fence at Velmor, fearing "
                     "that the toll will rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers and their allies", r[0].speaker);
    EXPECT_EQ("fearing", r[0].cue);
}

TEST(Attribution, AParticipleAfterItsNounWithoutAnObjectHasNoSpeaker) {
    // the noun the participle describes was taken as the one who deems or mentions
    auto r = records("More than 200 Velmor files now deemed classified.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    EXPECT_EQ("now deemed", r[0].cue);
    r = records("Three names mentioned as possible mayors are Lind, Brandt and Reyes.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    // with an object, or after a relative pronoun, the noun is the subject
    r = records("Growers expressed outrage that the toll at Velmor rose.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("The levy, which growers described as unfair, passed in Velmor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("growers", r[0].speaker);
}

TEST(Attribution, ARelativeThatBeforeAVerbOfSayingSpeaks) {
    // "that" was no speaker, so the cue had none ("which" and "who" had one)
    auto r = records("Brandt kept the letters that called him a coward.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("that", r[0].speaker);
    EXPECT_EQ("called", r[0].cue);
    r = records("Growers' groups that have endorsed Lind want a lower toll.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("that", r[0].speaker);
    // a complementizer or a demonstrative stays none: after a verb, and before a thing shown
    r = records("Lind said that called for care.");
    for (const auto &x : r) {
        EXPECT_NE("that", x.speaker);
    }
    r = records("Reyes found an email that showed the toll was raised.");
    for (const auto &x : r) {
        EXPECT_NE("that", x.speaker);
    }
}

TEST(Attribution, TheSubjectOfExpectedToSaySpeaks) {
    // the subject was only content of the writer's expectation
    auto r = records("The Tilden Courier is expected to endorse Lind.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The Tilden Courier", r[0].speaker);
    r = records("Brandt is expected to argue that the toll is too high.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
    // not before a verb of no saying, nor before an act whose words are not given
    r = records("The levy is expected to pass.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    r = records("The growers' group is expected to comment after the vote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
}

TEST(Attribution, AnIntroductoryGerundFindsItsSubjectPastListAndQuoteCommas) {
    // the first comma, inside a list, was taken for the introduction's end
    auto r = records("Rattling off plans to cut the toll, raise wages and fix the roads, Lind "
                     "promised a better town.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Rattling off", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
    // a comma inside the closing quotation mark closes the introduction too
    r = records("In calling the levy \"a farce,\" the old bishop again showed his temper.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("the old bishop", r[0].speaker);
    // after a colon the clause starts anew
    r = records("In this case, that plan seems to have failed: By refusing to own the error, "
                "Reyes made it worse.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Reyes", r.back().speaker);
}

TEST(Attribution, ASceneThatOpensTheSentenceIsNoSpeaker) {
    // the first word of the scene was taken for the participle's speaker
    auto r = records("Here in Harbour, Lind stepped up her attacks, saying the levy must go.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Lind", r.back().speaker);
    r = records("Outside the hall, a growing number of growers are warning against a long "
                "fight.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("a growing number of growers", r[0].speaker);
    r = records("Dashing into the hall, Mayor Dana Lind called over her shoulder, \"It is not "
                "helping.\"");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Mayor Dana Lind", r[0].speaker);
}

TEST(Attribution, AListOfNamesWithCommasIsOneSpeaker) {
    // only the last item, after the last comma, was the speaker (names of two words each
    // made the list longer than the four words a list of common nouns may have)
    auto r = records("Look at what Dana Lind, Ivo Brandt, Marta Reyes and many more growers said "
                     "in May.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Dana Lind, Ivo Brandt, Marta Reyes and many more growers", r[0].speaker);
    // a place after a preposition is no item, nor is a name without a coordinator after it
    r = records("In Tilden, Lind and Reyes said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind and Reyes", r[0].speaker);
    r = records("Like Brandt, Lind rejected the levy, arguing it was too high.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ABareNounBeforeAFiniteVerbOfSayingSpeaksAfterASubordinator) {
    // a subject without a determiner named no one, so the cue had no speaker
    auto r = records("Lind leads, although history says the race can turn.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("history", r.back().speaker);
    r = records("Officers favored Lind, while enlisted growers favored Reyes.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("enlisted growers", r.back().speaker);
    // a noun in -s after an adjective is no verb
    r = records("Reyes, though, gave direct quotes about the levy.");
    for (const auto &x : r) {
        EXPECT_NE("direct", x.speaker);
    }
}

TEST(Attribution, WhoWithAContractedHasBeforeAParticipleOfSayingSpeaks) {
    // "who's argued" was read as a passive ("who is argued") whose subject is content
    auto r = records("The push was led by Ivo Brandt, who's argued for years that the levy "
                     "is unfair.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("who", r.back().speaker);
    // but "who's expected to" stays a passive
    r = records("Brandt, who's expected to win, stayed home.");
    for (const auto &x : r) {
        EXPECT_NE("who", x.speaker);
    }
}

TEST(Attribution, APronounAndANounPhraseCutByAPrepositionAreOneSubject) {
    // only the preposition's object ("the stage") was left as the speaker
    auto r = records("First, she and other growers on the stage refused to back the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("she and other growers on the stage", r[0].speaker);
}

TEST(Attribution, ASpeakerOpeningAClauseOfItsOwnInsideAContentIsOutermost) {
    // a relative or adverbial clause, or a new conjunct, is the writer's frame around
    // another speaker: its attribution is no part of what the outer speaker reports
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k :
         {Case{"Lind said the levy would pass after Brandt told reporters that he opposed it.",
               "Brandt", "told reporters"},
          Case{"Lind said the council backed the levy, which Brandt described as unfair.", "Brandt",
               "described"},
          Case{"Lind said the levy was fair, as Brandt noted in March that the fund was empty.",
               "Brandt", "noted in March"},
          Case{"Lind said the growers were angry when Brandt announced that the levy would rise.",
               "Brandt", "announced"}}) {
        expect_own_clause(k.text, k.speaker, k.cue);
    }
    // a speaker right after the outer cue, or after "because" or "that", is reported
    for (const char *text :
         {"Lind said Brandt thinks the levy is unfair.",
          "Lind said the levy was fair because Brandt told her the fund was empty.",
          "Lind said that Brandt believes the levy is unfair."}) {
        EXPECT_EQ(1u, outermost(text)) << text;
    }
}

TEST(Attribution, AnInfinitiveCueTakesTheVerbChainFromItsSpeaker) {
    // PolNeAR's cue is the chain from the speaker's own verb to the infinitive
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k : {Case{"Reyes took to the radio to say the levy was unfair.", "Reyes",
                               "took to the radio to say"},
                          Case{"Lind was quick to point out that the fund was empty.", "Lind",
                               "was quick to point out"},
                          Case{"Brandt went out of his way to say that the levy was fair.",
                               "Brandt", "went out of his way to say"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // no chain: the speaker right before "to", or a run too long to be one verb chain
    for (const Case &k :
         {Case{"The vote led the mayor to declare victory.", "the mayor", "declare"},
          Case{"Lind drove for three hours through the rain and the snow to say that she "
               "would run.",
               "Lind", "say"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
}

TEST(Attribution, AnAdverbAndAParticipleAfterAsAreAPredicateNotAClause) {
    // "see X as" + adverb in -ly + participle is a judgment: the adverb is no subject
    auto r = records("Growers see their party as insufficiently committed to the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    EXPECT_EQ("see", r[0].cue);
    EXPECT_EQ("their party as insufficiently committed to the levy.", r[0].content);
    // a word and a verb after "as" are still a clause of time: a sight
    EXPECT_TRUE(records("Lind saw the levy as police moved in.").empty());
}

TEST(Attribution, AnObjectBeforeAsMayHoldATitlesPeriod) {
    auto r = records("Growers view Mrs. Lind as the stronger candidate.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("view", r[0].cue);
    EXPECT_EQ("Mrs. Lind as the stronger candidate.", r[0].content);
    // a sight: no "as"
    EXPECT_TRUE(records("Growers saw Dr. Lind at the hall.").empty());
    EXPECT_TRUE(records("Growers saw Mr. Brandt as police moved in.").empty());
}

TEST(Attribution, APastFormAfterAFloatingQuantifierIsTheVerb) {
    // "all" read as the determiner of a noun "vowed": no speaker
    auto r = records("They all vowed that the levy would end.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("They", r[0].speaker);
    EXPECT_EQ("vowed", r[0].cue);
    r = records("The growers both warned that prices would rise.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
    r = records("Both promised to cut the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Both", r[0].speaker);
    EXPECT_EQ("promised", r[0].cue);
    // a past form before a noun after a quantifier stays an adjective
    EXPECT_TRUE(records("Some reported cases were false.").empty());
}

TEST(Attribution, APhraseOfTimeInAgoBetweenSubjectAndVerbIsNoSpeaker) {
    // "than" ended the walk back from the verb: no speaker
    auto r = records("The council less than two weeks ago said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    r = records("Lind a year ago warned that the levy would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    // after the verb the phrase is no part of the subject
    r = records("Growers said two weeks ago that the levy would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
}

TEST(Attribution, ANameBeforeAStrayCommaAfterATownAndItsStateSpeaks) {
    // the state between the commas was the speaker
    auto r = records("In Berea, OH, Gov. Dana Lind (R-OH), said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Gov. Dana Lind", r[0].speaker);
    r = records("In Tilden, New Mexico, Ruiz took aim at Varga.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ruiz", r[0].speaker);
    // without an introduction before the town the first name is still the subject's
    r = records("Ana Ruiz, Gov. Dana Lind (R-OH), said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_NE("Gov. Dana Lind", r[0].speaker);
}

TEST(Attribution, ANameWithItsBracketTagAfterARowOfIntroductionsSpeaks) {
    // a town, its state and a clause of time before the name: the state is no speaker
    auto r = records("On Monday in Tilden, NM, after winning the county, Gov. Ana Ruiz (D-NM), "
                     "said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Gov. Ana Ruiz", r[0].speaker);
    // without the bracket tag a row of capitals may be a list: the rule stays out
    r = records("On Monday in Tilden, after winning the county, Ana Ruiz, the mayor, said the "
                "levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_NE("Tilden", r[0].speaker);
    // a clause before the name is no introduction
    r = records("The council voted, the levy failed, Gov. Ana Ruiz (D-NM), said the count was "
                "late.");
    for (const auto &x : r) {
        EXPECT_NE("Gov. Ana Ruiz", x.speaker);
    }
}

TEST(Attribution, AParticiplesContentEndsBeforeANameWithItsBracketTagThatSpeaks) {
    // the content of "highlighted" ends at the comma: the name and its tag are the subject
    auto r = records("On Monday, while talking about the rift deepened by the floods, Gov. Ana "
                     "Ruiz (D-NM) said the levy would stay.");
    bool found = false;
    for (const auto &x : r) {
        if (x.cue == "said") {
            found = true;
            EXPECT_EQ("Gov. Ana Ruiz", x.speaker);
        } else {
            EXPECT_EQ(std::string::npos, x.content.find("Ruiz"));
        }
    }
    EXPECT_TRUE(found);
    // so does a title with "of the" before the name
    r = records("While discussing a post about the levy, Chair of the Board Ivo Brandt said the "
                "count was late.");
    found = false;
    for (const auto &x : r) {
        if (x.cue == "said") {
            found = true;
            EXPECT_EQ("Chair of the Board Ivo Brandt", x.speaker);
        }
    }
    EXPECT_TRUE(found);
    // a bracket that is no tag after a lower-case word leaves the content whole
    r = records("Ruiz said the plan, which voters backed (narrowly) in May, would stay.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Ruiz", r[0].speaker);
    EXPECT_NE(std::string::npos, r[0].content.find("would stay"));
}

TEST(Attribution, AMonthBeforeASurnameIsAGivenName) {
    // "June Ruiz" is a name, not an introduction of time before the apposition
    auto r = records("June Ruiz, a spokeswoman for the growers, said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("June Ruiz", r[0].speaker);
    // after a preposition or before a number the month is a time
    r = records("In June Ruiz said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Ruiz", r[0].speaker);
    r = records("April 5, the council said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the council", r[0].speaker);
}

TEST(Attribution, AllToldBeforeACommaIsASum) {
    // "all told," sums up: no one told anything
    EXPECT_TRUE(records("All told, the levy raised two million.").empty());
    EXPECT_TRUE(records("Costs rose and, all told, the levy raised two million.").empty());
    // "all" as the subject's quantifier keeps the verb
    auto r = records("They all told the mayor the levy would fail.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("They", r[0].speaker);
    EXPECT_EQ("told", r[0].cue);
}

TEST(Attribution, AVerbInsideAnOpenBracketTakesItsSubjectFromInside) {
    auto r = records(
        "The levy passed in a hurry (Ruiz cites a memo on the vote) and growers paid.");
    bool found = false;
    for (const auto &x : r) {
        if (x.cue == "cites") {
            found = true;
            EXPECT_EQ("Ruiz", x.speaker);
        }
    }
    EXPECT_TRUE(found);
    // a bracket closed before the verb is a tag or an aside of the subject's
    r = records("The growers (and the mayor) said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
    r = records("Sen. Ana Ruiz (D-NM) said the levy would stay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Sen. Ana Ruiz", r[0].speaker);
}

TEST(Attribution, AColonAfterAQuoteVerbEndsNoHeadlineSpeaker) {
    // "The mayor continued" was read as a speaker's name before a headline's colon
    auto r = records("The mayor continued: \"The levy stays.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("continued", r[0].cue);
    for (const auto &x : records("The mayor continued: the levy stays.")) {
        EXPECT_NE("The mayor continued", x.speaker);
    }
    // a role and a name before a colon still speak
    r = records("Mayor Lind: the levy stays.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mayor Lind", r[0].speaker);
}

TEST(Attribution, AnUnknownWordAfterAndBeforeANameIsATitleInTheSubject) {
    // "husband" was read as the verb after "Clinton"
    auto r = records("Clinton and husband Bill, who met in 1971, thanked the crowd.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Clinton and husband Bill", r[0].speaker);
    // a verb after "and" ends the subject
    r = records("Lind stood and thanked Ode, calling him a friend.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("calling", r[1].cue);
    EXPECT_EQ("Lind", r[1].speaker);
}

TEST(Attribution, APassiveCueAfterItsContentTakesNoSpeakerFromItsSubject) {
    // "the bill" was the speaker of "is called"
    for (const auto &x : records("The levy, as the bill is called, passed on Friday.")) {
        EXPECT_NE("the bill", x.speaker);
    }
    for (const auto &x : records("The levy will rise, the council was told.")) {
        EXPECT_NE("the council", x.speaker);
    }
    // the active keeps its subject as the speaker
    auto r = records("The levy, as the Courier reported, passed on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the Courier", r[0].speaker);
}

TEST(Attribution, AGerundAfterAColonTakesTheMainClausesSubjectNotTheOneBeforeTheColon) {
    // the subject before the colon was taken
    auto r = records("The plan seems to have failed: By refusing to back the levy, Reyes lost "
                     "the vote.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("refusing", r[1].cue);
    EXPECT_EQ("Reyes", r[1].speaker);
    // a gerund after the verb keeps the clause's subject
    r = records("The council met on Friday, refusing to back the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
}

TEST(Attribution, AQuestionsDeterminerAfterARecipientStartsTheContent) {
    // the content started at the question's subject, "they preferred."
    auto r = records("Lind asked the growers which levy they preferred.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("which levy they preferred.", r[0].content);
    // a relative "which" before a verb is no question
    r = records("Lind told the growers which backed the levy that it stays.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("that it stays.", r[0].content);
}

TEST(Attribution, ABareClauseAfterARecipientAndItsPhrasesIsTheContent) {
    // the recipient started the content
    auto r = records("Reyes told reporters at a rally the levy would end.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy would end.", r[0].content);
    r = records("Reyes told him on Friday the levy would end.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy would end.", r[0].content);
    // without a verb after it, the object is no clause
    r = records("Reyes told the growers the news.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the growers the news.", r[0].content);
}

TEST(Attribution, AListOfNamesWithASerialCommaIsTheWholeSubject) {
    // the coordinator after the serial comma kept the walker from the list: "Carl Fry"
    auto r = records("Democrats Ana Ruiz, Ivo Brandt, and Carl Fry offered voters a choice.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Democrats Ana Ruiz, Ivo Brandt, and Carl Fry", r[0].speaker);
    // one name before the last may be an apposition: no list
    r = records("The mayor, Dana Lind, and Reyes said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_NE("The mayor, Dana Lind, and Reyes", r[0].speaker);
}

TEST(Attribution, TheLastPartOfAHyphenatedCompoundIsNoVerbOfTheSubject) {
    // "owned" ended the subject: "Tilden's state"
    auto r = records("Tilden's state-owned investment giant Harbour runs a mill and says it will "
                     "close.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Tilden's state-owned investment giant Harbour", r[0].speaker);
    // a verb after the name still ends it
    r = records("Harbour owned the mill and says it will close.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Harbour", r[0].speaker);
}

TEST(Attribution, ANationalityBeforeAPluralOpensTheSubjectsNounPhrase) {
    // the plural was read as the verb of the name "Syrian"
    auto r = records("Syrian hackers backing the mayor hijacked the account, tweeting false "
                     "reports.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Syrian hackers", r[0].speaker);
    // a name in -an before its verb keeps the name
    r = records("Morgan leads the race, saying he will win.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Morgan", r[0].speaker);
}

TEST(Attribution, ANameWithABracketTagBeforeTheVerbSpeaksAfterAnyIntroduction) {
    // the sentence's start was taken for the subject: "Shortly"
    auto r = records("Shortly after the announcement of Reyes's death, Senate Majority Leader "
                     "Ivo Brandt (R-Ky.) issued a statement saying the court would wait.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("Senate Majority Leader Ivo Brandt", r[0].speaker);
    // a verb coordinated after an object with its tag keeps the clause's subject
    r = records("Lind met Ivo Reyes (R-Ky.) and said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, ACoordinatedSubjectOfAPassiveOfThinkingIsWhole) {
    // only the last conjunct was the speaker: "Harbour"
    auto r = records("Most growers in Tilden and Harbour were worried about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Most growers in Tilden and Harbour", r[0].speaker);
    // a clause before the coordinator and its comma is no part of the subject
    for (const auto &x : records("Lind spoke, and growers were worried about the levy.")) {
        EXPECT_EQ(std::string::npos, x.speaker.find("Lind"));
    }
}

TEST(Attribution, AsBeforeASubjectAdverbsAndAFiniteVerbIsAClauseOfTime) {
    // "see X as" + subject + adverbs + finite verb is a sight at a time, not a judgment
    for (const char *text :
         {"Lind saw the levy as growers quietly walked out.",
          "Lind saw the levy as the town's growers quietly walked out.",
          "Lind saw the levy as riot police then moved in.",
          "Guards saw the thief as the crowd cheered.", "Lind saw the levy as the growers rose.",
          "Lind saw the levy as his rivals had predicted."}) {
        EXPECT_TRUE(records(text).empty()) << text;
    }
    // a predicate: a determiner with an adverb, a participle with "to", "by" or a
    // preposition and its object
    for (const char *text : {"Growers see the levy as a deeply flawed bill.",
                             "Growers see Lind as someone deeply involved in the levy.",
                             "Growers see the levy as a move aimed at small farms.",
                             "Growers see the levy as a tool used by the council.",
                             "Growers see Lind as the candidate best placed to win."}) {
        auto r = records(text);
        ASSERT_EQ(1u, r.size()) << text;
        EXPECT_EQ("see", r[0].cue) << text;
        EXPECT_EQ("Growers", r[0].speaker) << text;
    }
}

TEST(Attribution, ACapitalisedWordBetweenAQuotationAndItsVerbIsAName) {
    // a preposition, an auxiliary or a verb of the table, capitalised after a quotation
    // that a comma, "?" or "!" closes and before a verb of saying, names the speaker
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k : {Case{"\"We lost the vote,\" From said.", "From", "said"},
                          Case{"\"Did we lose?\" May asked.", "May", "asked"},
                          Case{"\"We lost the vote,\" Will wrote on Friday.", "Will", "wrote"},
                          Case{"\"We lost the vote,\" Read said.", "Read", "said"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // no verb of saying after it: a preposition, an auxiliary of a question
    EXPECT_TRUE(records("The growers sang \"We lost the vote,\" From dawn to dusk.").empty());
    EXPECT_TRUE(records("\"We lost the vote,\" Will they say?").empty());
}

TEST(Attribution, AConcessiveClauseInContentOpensItsOwnAttribution) {
    // "though" and "although" right before the other speaker open a clause of the writer's
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k :
         {Case{"Lind said the levy was fair, although Brandt argued that it hurt growers.",
               "Brandt", "argued"},
          Case{"Lind said the levy would pass even though Brandt warned that it was unpopular.",
               "Brandt", "warned"}}) {
        expect_own_clause(k.text, k.speaker, k.cue);
    }
    // "though" inside the reported clause, not before its speaker: one outermost attribution
    for (const char *text :
         {"Lind said that though the fund was empty, growers believe it is fair.",
          "Lind said Brandt thinks the levy is fair though costly."}) {
        EXPECT_EQ(1u, outermost(text)) << text;
    }
}

TEST(Attribution, AnOpeningPassiveWithItsAgentAndACommaReportsNoClause) {
    // "Pressed by X, Y said …": the one pressed is the main clause's subject, whose clause
    // is no content of the agent's
    for (const char *text : {"Pressed by reporters, Lind said the levy was fair.",
                             "Pressed by a grower, Lind said the levy would stay."}) {
        auto r = records(text);
        ASSERT_EQ(1u, r.size()) << text;
        EXPECT_EQ("said", r[0].cue) << text;
        EXPECT_EQ("Lind", r[0].speaker) << text;
    }
    // with the question given, or after "as", the agent's attribution stays
    auto r = records("Asked by a reporter whether the levy was fair, Lind said yes.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("a reporter", r[0].speaker);
    r = records("As reported by the Courier, the levy failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the Courier", r[0].speaker);
    EXPECT_EQ("the levy failed.", r[0].content);
}

TEST(Attribution, ATitleCaseHeadlinesSecondPredicateOfSayingSharesItsSubject) {
    // two verbs of saying in the -s form after one capitalised subject, joined by a comma
    // or "And": two attributions of that subject, the first one's content ending there
    auto r = records("Lind Says Levy Will Rise, Calls Vote Unfair");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("Says", r[0].cue);
    EXPECT_EQ("Levy Will Rise", r[0].content);
    EXPECT_EQ("Lind", r[1].speaker);
    EXPECT_EQ("Calls", r[1].cue);
    EXPECT_EQ("Vote Unfair", r[1].content);
    // the capital of "Urges" makes no inverted cue ("…, says Lind") of "Urges Growers"
    r = records("Tilden Mayor Praises Growers, Urges Calm Over Levy");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Tilden Mayor", r[0].speaker);
    EXPECT_EQ("Praises", r[0].cue);
    EXPECT_EQ("Tilden Mayor", r[1].speaker);
    EXPECT_EQ("Urges", r[1].cue);
    r = records("Mayor Praises Growers And Urges Calm");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Growers", r[0].content);
    EXPECT_EQ("Mayor", r[1].speaker);
    EXPECT_EQ("Urges", r[1].cue);
    // a second subject of its own: each clause keeps its speaker
    r = records("Lind Says Levy Will Rise, Brandt Calls It Unfair");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("Brandt", r[1].speaker);
    // in sentence case the words after the comma stay the content (a headline's second
    // predicate there is told by the outlet, see the rule above)
    r = records("Lind says the levy will rise, calls the vote unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the levy will rise, calls the vote unfair.", r[0].content);
    // no verb of saying after the comma
    r = records("Lind Says Levy Will Rise, Growers Face Drought");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, AHeadlinesFutureWithoutWillNamesItsSpeaker) {
    // a name at the start, "to" and a verb of saying or wanting in its base form
    auto r = records("Mayor to call for calm after levy vote");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mayor", r[0].speaker);
    EXPECT_EQ("to call", r[0].cue);
    EXPECT_EQ("for calm after levy vote", r[0].content);
    r = records("Lind, Brandt to endorse levy in Tilden");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind, Brandt", r[0].speaker);
    EXPECT_EQ("to endorse", r[0].cue);
    r = records("Mayor Lind To Urge Council To Drop Levy");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mayor Lind", r[0].speaker);
    EXPECT_EQ("Council To Drop Levy", r[0].content);
    // a noun phrase before "to" (a possessive), the subject of a later verb, or a verb
    // before "to" whose own subject is the speaker
    EXPECT_TRUE(records("Lind's last chance to call for calm").empty());
    EXPECT_TRUE(records("Efforts to call a vote were dropped.").empty());
    EXPECT_TRUE(records("Efforts to call a vote aren't working.").empty());
    r = records("Growers ask Lind to call for calm.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    EXPECT_EQ("ask", r[0].cue);
}

TEST(Attribution, ATitleCaseIngWordAfterACapitalisedModifierIsANoun) {
    // "Warning" after "Drought", itself after another word: a noun phrase, no cue
    EXPECT_TRUE(records("Mayor Issues Stark Drought Warning To Growers").empty());
    EXPECT_TRUE(records("Growers Stunned By Flood Warning Sign On Tilden Road").empty());
    // after an auxiliary the -ing word is a verb, in title case too
    auto r = records("Tilden Mayor Is Warning Growers That Drought Is Near");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Tilden Mayor", r[0].speaker);
    EXPECT_EQ("Is Warning", r[0].cue);
    // at the clause's start the capitalised word is the subject
    r = records("Lind Warning Growers That Drought Is Near");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("Warning", r[0].cue);
}

TEST(Attribution, AdviseWithAnObjectAndNoAdviceIsAnAdvisersService) {
    auto r = records("Reyes, who advised the mayor on the budget, said the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_TRUE(records("A small firm in Velmor has advised Lind.").empty());
    // advice given: an infinitive or "against" after the object
    r = records("Reyes advised the growers to wait for rain.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("advised", r[0].cue);
    EXPECT_EQ("Reyes", r[0].speaker);
    r = records("The council advised against the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("advised against", r[0].cue);
}

TEST(Attribution, ACapitalisedModalBeforeAPastVerbOfSayingIsAName) {
    // a modal takes a bare verb, so "May" before "said" names the speaker
    auto r = records("\"The count was late.\" May said the board had met.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("said", r.back().cue);
    EXPECT_EQ("May", r.back().speaker);
    r = records("Will told the growers the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Will", r[0].speaker);
    // a modal before a bare verb stays in the verb group; after a preposition it is a month
    r = records("Growers may say the toll is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("The results in May said little about the race.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The results", r[0].speaker);
}

TEST(Attribution, AnAdjunctInsideARelativeClauseLeavesThePronounTheSpeaker) {
    // the object of the adjunct's preposition was the speaker
    auto r = records("Lind, who through his lawyer declined to comment, was born in Velmor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("declined", r[0].cue);
    EXPECT_EQ("who", r[0].speaker);
    r = records("Reyes, who just a week ago said the toll was fair, changed her mind.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("who", r[0].speaker);
    // the clause's own subject after the adjunct stays, and so does a speaker whose
    // preposition belongs to a name
    r = records("The levy, which in May he described as a theft, was cut.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("he", r[0].speaker);
    r = records("Officials in the town said the toll was fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Officials in the town", r[0].speaker);
}

TEST(Attribution, TwiceStandsInTheVerbGroup) {
    auto r = records("The union has twice complained to the mayor about the toll.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The union", r[0].speaker);
    EXPECT_EQ("has twice complained", r[0].cue);
    // "twice" that counts an object is no part of the group
    r = records("Lind said the toll had risen twice.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
}

TEST(Attribution, APluralNounBeforeABareVerbOfSayingIsItsSubject) {
    // "reports" was the cue and "Court" its speaker
    auto r = records("Court reports show that the toll was raised twice.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("show", r[0].cue);
    EXPECT_EQ("Court reports", r[0].speaker);
    // the verb in -s before a clause stays the cue
    r = records("The agency reports that the toll was raised.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("reports", r[0].cue);
    EXPECT_EQ("The agency", r[0].speaker);
}

TEST(Attribution, CalledBeforeANameAloneGivesTheNameWithoutASpeaker) {
    // the fund did not call anything: the name is given by no one named
    auto r = records("The money went to the fund called the \"Tilden First Fund.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("called", r[0].cue);
    EXPECT_EQ("", r[0].speaker);
    // a label after the name, or a lower-case quotation, is what the speaker called it
    r = records("Growers called the Courier \"a rag.\"");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("The levy is what the mayor called \"a theft.\"");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("called", r.back().cue);
    EXPECT_EQ("the mayor", r.back().speaker);
}

TEST(Attribution, AWordInAHyphenatedCompoundIsNoCue) {
    // "sought" in "sought-after" and "described" in "self-described" were cues
    auto r = records("The growers of Velmor will be sought-after voters this year.");
    EXPECT_TRUE(r.empty());
    r = records("Lind, the self-described friend of growers, left the hall.");
    EXPECT_TRUE(r.empty());
    // the verb alone stays a cue
    r = records("Lind described the levy as a theft.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("described", r[0].cue);
}

TEST(Attribution, VerbsOfNamingAndIdentifyingReport) {
    // naming or identifying someone or something is an act of its subject (PolNeAR counts it)
    auto r = records("The mayor named two aides to the panel.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("named", r[0].cue);
    EXPECT_EQ("name", r[0].lemma);
    r = records("The audit identified three million dollars in waste.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The audit", r[0].speaker);
    EXPECT_EQ("identify", r[0].lemma);
    r = records("Most voters here identify as independents.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Most voters here", r[0].speaker);
    EXPECT_EQ("identify", r[0].cue);
    // "named" right after its noun is a name given, as "called" is: no one's act
    EXPECT_TRUE(records("A grower named Dana Lind sold the farm.").empty());
}

TEST(Attribution, SidingAndBackingAreStances) {
    // "sided with" / "sided against": the stance's object follows its preposition
    auto r = records("The court sided with the growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The court", r[0].speaker);
    EXPECT_EQ("side", r[0].lemma);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    EXPECT_EQ("the growers.", r[0].content);
    r = records("The union backed Lind in the primary.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The union", r[0].speaker);
    EXPECT_EQ("backed", r[0].cue);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    // a movement backward, or "backed up", is no stance
    EXPECT_TRUE(records("The truck backed into the wall.").empty());
    EXPECT_TRUE(records("Records backed up her account.").empty());
    EXPECT_TRUE(records("A two-sided coin fell.").empty());
}

TEST(Attribution, InsultingIsAStance) {
    auto r = records("Lind insulted the growers at the rally.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("insult", r[0].lemma);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    // the adjective before its noun and the noun are no act of anyone's
    EXPECT_TRUE(records("It was an insulting offer.").empty());
    EXPECT_TRUE(records("The insults flew on both sides.").empty());
}

TEST(Attribution, KnockingARivalIsACriticism) {
    auto r = records("Lind knocked the council for its delay.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("knocked", r[0].cue);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    // a blow or a knock at a door is no criticism
    EXPECT_TRUE(records("Volunteers knocked on doors all day.").empty());
    EXPECT_TRUE(records("The storm knocked out power.").empty());
    EXPECT_TRUE(records("He was knocked down by a car.").empty());
    // so is "ripped" with an object, not before a preposition (a movement)
    r = records("Lind ripped the council's plan as a giveaway.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    EXPECT_EQ("rip", r[0].lemma);
    EXPECT_TRUE(records("The storm ripped through the town.").empty());
}

TEST(Attribution, CastingDoubtOrABallotIsAStance) {
    // "cast doubt on" and "cast a ballot/vote for/against" take a stance
    auto r = records("The auditor cast doubt on the new budget figures.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The auditor", r[0].speaker);
    EXPECT_EQ("cast doubt on", r[0].cue);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    EXPECT_EQ("the new budget figures.", r[0].content);
    r = records("Thousands of farmers cast ballots against the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Thousands of farmers", r[0].speaker);
    EXPECT_EQ("cast ballots against", r[0].cue);
    r = records("She cast a vote for the mayor.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("cast a vote for", r[0].cue);
    // a ballot with no one it is for, a net or a shadow is a deed
    EXPECT_TRUE(records("Lind cast a ballot on Tuesday morning.").empty());
    EXPECT_TRUE(records("The fishermen cast a net into the bay.").empty());
    EXPECT_TRUE(records("The tower cast a long shadow over the square.").empty());
}

TEST(Attribution, SigningABindingTextIsAStance) {
    // "signed" with a bill, an order, a pledge or a letter as its object
    auto r = records("The governor signed a bill ending the fuel tax.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The governor", r[0].speaker);
    EXPECT_EQ("signed", r[0].cue);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    EXPECT_EQ("a bill ending the fuel tax.", r[0].content);
    r = records("The mayor signed the $40 million measure into law on Friday.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    // autographs, copies of a book or a contract with a team bind no one to a view
    EXPECT_TRUE(records("Lind signed autographs after the rally.").empty());
    EXPECT_TRUE(records("Lind signed copies of her book at the store.").empty());
    EXPECT_TRUE(records("The striker signed with a club in Lyon.").empty());
    // so is passing one (a vote that carries it); a ball or a death is no stance
    r = records("The council passed a resolution condemning the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The council", r[0].speaker);
    EXPECT_EQ("passed", r[0].cue);
    EXPECT_EQ(FL_ATTRIBUTION_STANCE, r[0].kind);
    EXPECT_TRUE(records("The striker passed the ball to Lind.").empty());
    EXPECT_TRUE(records("Her father passed away in May.").empty());
    // filing a lawsuit, a complaint or a petition is the plaintiff's charge
    r = records("The growers filed a lawsuit against the county.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The growers", r[0].speaker);
    EXPECT_EQ("filed", r[0].cue);
    EXPECT_TRUE(records("The clerk filed the papers on Monday.").empty());
    EXPECT_TRUE(records("The growers filed out of the hall.").empty());
    // "passed" with no object is a plain verb, not the end of an inverted speaker
    r = records("Dana Lind, who ran the count, said the levy passed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Dana Lind", r[0].speaker);
    EXPECT_EQ("the levy passed.", r[0].content);
}

TEST(Attribution, RefutingIsAVerbOfSaying) {
    // "refute" denies, as "deny" does, and ends a verb chain
    auto r = records("The senator refuted the claim that she had lied.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The senator", r[0].speaker);
    EXPECT_EQ("refuted", r[0].cue);
    EXPECT_EQ("the claim that she had lied.", r[0].content);
    r = records("The mayor continued to refute the story about the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    EXPECT_EQ("continued to refute", r[0].cue);
    // the participle before its noun is no one's act
    EXPECT_TRUE(records("The long refuted claim spread anyway.").empty());
}

TEST(Attribution, AFeelingAboutAStateOfAffairsAfterBeIsAnAttitude) {
    struct Case {
        const char *text, *speaker;
    };
    for (const Case &k :
         {Case{"The growers were outraged by the new levy.", "The growers"},
          Case{"Council members are wary of another recount.", "Council members"},
          Case{"Tilden voters are split on the school budget.", "Tilden voters"},
          Case{"The mayor was pleased with the turnout.", "The mayor"},
          Case{"Local farmers are upset that the county sold the land.", "Local farmers"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
    }
    // before its noun, or with no complement, the adjective reports nothing
    EXPECT_TRUE(records("An angry crowd gathered outside the hall.").empty());
    EXPECT_TRUE(records("The growers were happy.").empty());
    EXPECT_TRUE(records("The nervous clerk counted the ballots twice.").empty());
}

TEST(Attribution, AnAdjectiveOfStanceTakesItsPreposition) {
    // "critical of", "supportive of": the stance verbs' rule against a movement ("slammed
    // into the wall") does not apply to an adjective after "be"
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k :
         {Case{"The growers are critical of the new levy.", "The growers", "are critical"},
          Case{"Most council members have been supportive of the plan.", "Most council members",
               "have been supportive"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    EXPECT_TRUE(records("The critical vote on the levy came late in the evening.").empty());
    EXPECT_TRUE(records("Turnout in Tilden was critical.").empty());
}

TEST(Attribution, WordsOfDegreeBeforeAnAdjectiveOfAttitudeAreInItsVerbGroup) {
    struct Case {
        const char *text, *cue;
    };
    for (const Case &k :
         {Case{"Growers were far less divided on the plan.", "were far less divided"},
          Case{"Growers are so wary of the plan.", "are so wary"},
          Case{"Growers are very critical of the plan.", "are very critical"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ("Growers", r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // before a noun the adjective is no attitude, with or without a word of degree
    EXPECT_TRUE(records("The more concerned voters left the hall early.").empty());
}

TEST(Attribution, CareToActIsAnAttitude) {
    struct Case {
        const char *text, *speaker, *cue;
    };
    for (const Case &k :
         {Case{"Lind was careful to avoid the subject.", "Lind", "was careful"},
          Case{"Council members are mindful of the cost.", "Council members", "are mindful"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ(k.speaker, r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    EXPECT_TRUE(records("The growers were careful.").empty());
    EXPECT_TRUE(records("A careful count followed the debate.").empty());
}

TEST(Attribution, ReferencingSomethingIsAMention) {
    struct Case {
        const char *text, *cue;
    };
    for (const Case &k :
         {Case{"The mayor referenced a county report on the levy.", "referenced"},
          Case{"The mayor closed the meeting, referencing the council's vote.", "referencing"}}) {
        auto r = records(k.text);
        ASSERT_EQ(1u, r.size()) << k.text;
        EXPECT_EQ("The mayor", r[0].speaker) << k.text;
        EXPECT_EQ(k.cue, r[0].cue) << k.text;
    }
    // before its noun the participle is no one's act, and the noun reports nothing
    EXPECT_TRUE(records("A referenced source was missing from the file.").empty());
    EXPECT_TRUE(records("The references in the report were old.").empty());
}

TEST(Attribution, APassivesAgentMayBeAShareOfPeople) {
    // an approximator, a "percent" or an "of" phrase stopped the agent: no speaker, or the
    // number alone
    auto r = records("The levy was backed by nearly 6 in 10 of the growers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("was backed", r[0].cue);
    EXPECT_EQ("nearly 6 in 10 of the growers", r[0].speaker);
    r = records("The toll was opposed by about a quarter of voters.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("about a quarter of voters", r[0].speaker);
    r = records("The plan was rejected by 58 percent of the town's farmers.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("58 percent of the town's farmers", r[0].speaker);
    // a margin is no share of people
    r = records("The levy was rejected by two votes.");
    for (const auto &a : r) {
        EXPECT_EQ("", a.speaker);
    }
}

TEST(Attribution, AParticipleThatEndsTheSpeakerBeforeItsObjectIsNoPartOfIt) {
    // the participle's object stopped the speaker after the participle: "One grower supporting"
    auto r = records("One grower supporting Mr. Lind, Ivo Brandt of the Tilden Growers Union in "
                     "Harbour, said he had made more than 150 calls to other growers.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("said", r[1].cue);
    EXPECT_EQ("One grower", r[1].speaker);
    // a participle inside the speaker, or right before the verb, stays
    r = records("In May, the growers meeting in Tilden said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("the growers meeting in Tilden", r[0].speaker);
    r = records("Growers standing said the levy was unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Growers standing", r[0].speaker);
}

TEST(Attribution, APassiveOfAssuringOrPersuadingBeforeOfIsItsSubjectsCertainty) {
    // the subject was the one assured, with no speaker
    auto r = records("With 40 delegates at stake, she is now assured of winning at least 25.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("is now assured", r[0].cue);
    EXPECT_EQ("she", r[0].speaker);
    r = records("The board was persuaded of the need for a levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The board", r[0].speaker);
    // one told or warned of something is told, and says nothing
    r = records("The mayor was told of the plan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("", r[0].speaker);
    r = records("The mayor was assured that the levy would pass.");
    for (const auto &a : r) {
        EXPECT_NE("The mayor", a.speaker);
    }
}

TEST(Attribution, ARelativePronounBeforeAnInsertedPhraseIsItsClausesSpeaker) {
    // the sentence's subject was taken across the relative clause
    auto r = records("The tone was softer than that of her aides, who, on a call Friday, "
                     "criticized Lind for the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("criticized", r[0].cue);
    EXPECT_EQ("who", r[0].speaker);
    r = records("The tone matches her new ad, which \u2014 as one columnist noted last week "
                "\u2014 promises to stop the levy.");
    ASSERT_EQ(2u, r.size());
    EXPECT_EQ("promises", r[1].cue);
    EXPECT_EQ("which", r[1].speaker);
    // an inserted phrase after a subject that is no relative pronoun changes nothing
    r = records("The mayor, on a call Friday, criticized the levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
}

TEST(Attribution, AVerbCoordinatedInARelativeClauseHasItsPronounForSpeaker) {
    // the sentence's subject (or its earlier speaker) was taken
    auto r = records("Brandt also interviewed Dana Lind, who saw the vote and described it in "
                     "print.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("described", r[0].cue);
    EXPECT_EQ("who", r[0].speaker);
    // a comma closes the relative clause: the verb after it is the sentence's
    r = records("Brandt interviewed Dana Lind, who saw the vote, and described it in print.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
}

TEST(Attribution, AParticipleAfterAnOfPhraseQualifiesItsNoun) {
    // the noun before "of" was taken: "the largesse of local growers"
    auto r = records("The fair has benefited from the largesse of local growers supporting the "
                     "levy.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("supporting", r[0].cue);
    EXPECT_EQ("local growers", r[0].speaker);
    // a share or a group keeps its head: the share is what the participle counts
    r = records("The share of growers saying the levy is fair rose.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("The share of growers", r[0].speaker);
}

TEST(Attribution, ASubjectRunsOnThroughARelativeClauseWithThat) {
    // the object of the relative clause was taken: "many analysts"
    auto r = records("The number that caught the eyes of so many analysts shows her in a dead "
                     "heat.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("shows", r[0].cue);
    EXPECT_EQ("The number that caught the eyes of so many analysts", r[0].speaker);
    r = records("The little polling that was done in the county showed a dead heat.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The little polling that was done in the county", r[0].speaker);
    // "that" after a verb is a complementiser, not a relative
    r = records("The mayor said that growers in the valley say the levy is unfair.");
    ASSERT_FALSE(r.empty());
    EXPECT_EQ("The mayor", r[0].speaker);
}

TEST(Attribution, ASubjectRunsOnThroughARelativeClauseAfterADoubleGenitive) {
    // "'s" before "who" stopped the walk: the relative clause's object spoke
    auto r = records("Friends of Mr. Lind's who have seen him on the trail recently say that he "
                     "is tired.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Friends of Mr. Lind's who have seen him on the trail", r[0].speaker);
    // a possessive before a noun is no double genitive: the relative clause's noun stays
    r = records("Friends of Lind's aides who have seen him say that he is tired.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Friends of Lind's aides who have seen him", r[0].speaker);
}

TEST(Attribution, ACoordinatedVerbAfterAnAsideBetweenDashesIsTheMainSubjects) {
    // the subject inside the aside was taken: "she"
    auto r = records(
        "Lind jumped onto her account \u2014 as she so often does \u2014 and retweeted "
        "a quote from a fan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("retweeted", r[0].cue);
    EXPECT_EQ("Lind", r[0].speaker);
    r = records("Lind jumped onto her account -- as she so often does -- and retweeted a quote.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Lind", r[0].speaker);
    // a subordinate clause without dashes still gives its subject
    r = records("The room fell silent when Brandt rose from his seat and said the levy failed.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Brandt", r[0].speaker);
}

TEST(Attribution, AdverbsOfFrequencyWithoutLyStandInTheVerbGroup) {
    // "always" was no adverb: it was the speaker ("always") or cut the speaker from the cue
    auto r = records("The mayor has always said the levy is fair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("has always said", r[0].cue);
    EXPECT_EQ("The mayor", r[0].speaker);
    r = records("Growers sometimes claim that the levy is unfair.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("sometimes claim", r[0].cue);
    EXPECT_EQ("Growers", r[0].speaker);
    r = records("The mayor seldom speaks of her brother.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
    // no verb of saying, nothing reported
    EXPECT_TRUE(records("As always, the growers gathered at the hall.").empty());
}

TEST(Attribution, AnInvertedSpeakerNeverOpensWithOf) {
    // "of Mr. Varga" was read as the speaker after "said", and the name before as content
    auto r = records("''He is not fit to run the town,'' Mr. Brandt, who is a grower, said of Mr. "
                     "Varga.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("said", r[0].cue);
    EXPECT_EQ("Mr. Brandt, who is a grower,", r[0].speaker);
    EXPECT_EQ("''He is not fit to run the town,", r[0].content);
    // an inverted name after the verb stays the speaker
    r = records("\"The levy is fair,\" said Mr. Brandt of Tilden.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("Mr. Brandt of Tilden", r[0].speaker);
}

TEST(Attribution, APastFormAfterADeterminerAndAnLyAdverbDescribesItsNoun) {
    // "a politically charged visit" was a cue with the speaker "a politically"
    EXPECT_TRUE(records("The pope began a politically charged visit to the border.").empty());
    EXPECT_TRUE(records("The newly identified emails included some that were deleted.").empty());
    // a noun in -ly before its verb, and an adverb after the subject, keep the cue
    auto r = records("The family planned to bring him home.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The family", r[0].speaker);
    r = records("The mayor widely denounced the plan.");
    ASSERT_EQ(1u, r.size());
    EXPECT_EQ("The mayor", r[0].speaker);
}
