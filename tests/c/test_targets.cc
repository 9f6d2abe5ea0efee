// test_targets.cc: the actor each match is said of (csrc/targets.c), rule by rule.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>

#include "shim.h"

namespace {

const char *const kLexicon = R"({
  "terms": [{"term": "aggressor", "category": "label"}, {"term": "aggressor country", "category": "label"},
            {"term": "regime", "category": "label"}, {"term": "Kiev regime", "category": "label"},
            {"term": "war crime", "category": "label"}, {"term": "invasion", "category": "label"},
            {"term": "aggression", "category": "label"}, {"term": "terrorist state", "category": "label"}],
  "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin", "Kremlin"]},
             {"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]},
             {"name": "the West", "aliases": ["NATO"]}]})";

// The target of the first match whose text is `term` ("-" when it has none, "?" when no
// such match).
std::string target(const std::string &text, const std::string &term) {
    fl_test::Lexicon lex(kLexicon);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    for (const fl_match &m : res.matches()) {
        if (fl_test::slice(text, m.start, m.end) != term) {
            continue;
        }
        if (m.target == FL_NO_ACTOR) {
            return "-";
        }
        fl_actor_info info{};
        EXPECT_EQ(FL_OK, fl_lexicon_actor(lex, m.target, &info));
        return std::string(info.name, info.name_len);
    }
    return "?";
}

} // namespace

TEST(Targets, AMatchThatMentionsAnActorIsSaidOfIt) {
    EXPECT_EQ("Ukraine", target("The Kiev regime fell.", "Kiev regime"));
}

TEST(Targets, AnActorRightBeforeTheMatch) {
    EXPECT_EQ("Ukraine", target("The Kyiv regime fell.", "regime"));
    EXPECT_EQ("Russia", target("Moscow's aggression grew.", "aggression"));
}

TEST(Targets, NamingVerbsNameTheirSubjectOrObject) {
    EXPECT_EQ("Russia", target("A statement in which Russia was called \"an aggressor country\".",
                               "aggressor country"));
    EXPECT_EQ("Russia", target("Kyiv called Moscow \"a terrorist state\".", "terrorist state"));
    EXPECT_EQ("Ukraine",
              target("Kyiv was branded a terrorist state by the Kremlin.", "terrorist state"));
    // an object that is no actor: no target, and not the speaker either
    EXPECT_EQ("-", target("The Kremlin called the attack \"a war crime\".", "war crime"));
    EXPECT_EQ("the West", target("NATO was described as an aggressor.", "aggressor"));
}

TEST(Targets, AppositionAndCopula) {
    EXPECT_EQ("Russia", target("Russia, the aggressor, denied it.", "aggressor"));
    EXPECT_EQ("Russia", target("The aggressor, Russia, denied it.", "aggressor"));
    EXPECT_EQ("Ukraine", target("Kyiv is not the aggressor.", "aggressor"));
}

TEST(Targets, TheAgentAfterBy) {
    EXPECT_EQ("Russia", target("The invasion by the Kremlin began at dawn.", "invasion"));
}

TEST(Targets, TheSpeakersOwnIt) {
    EXPECT_EQ("Russia", target("Russia denies it is an aggressor country.", "aggressor country"));
}

TEST(Targets, TheNearestActorInTheClauseButNotTheSpeaker) {
    EXPECT_EQ("Russia", target("Kyiv accused Moscow of aggression.", "aggression"));
    // the speaker reports; the content names no actor
    EXPECT_EQ("-", target("The Kremlin said the invasion had failed.", "invasion"));
    // a clause break: "while" opens another clause
    EXPECT_EQ("-", target("NATO met, while the aggression went on.", "aggression"));
    // the actor acted on is never the target
    EXPECT_EQ("-", target("The aggression against Kyiv must stop.", "aggression"));
    EXPECT_EQ("-", target("Nobody named the aggressor.", "aggressor"));
}

TEST(Targets, WithoutActorsEveryTargetIsNone) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "aggressor", "category": "label"}]})");
    ASSERT_EQ(FL_OK, lex.status());
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, std::string("Russia is the aggressor.")));
    ASSERT_EQ(1u, res.matches().size());
    EXPECT_EQ(FL_NO_ACTOR, res.matches()[0].target);
}
