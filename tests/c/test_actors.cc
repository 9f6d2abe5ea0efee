// test_actors.cc: the lexicon's actors compiled and found in text (csrc/actors.c).
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shim.h"

namespace {

const char *const kActors = R"({"terms": [{"term": "regime", "category": "label"}],
  "actors": [
    {"name": "Russia", "aliases": ["Moscow", "the Kremlin", "Kremlin", "Russian Defence Ministry"]},
    {"name": "Ukraine", "aliases": ["Kyiv", "Kiev", "Ukrainian government"]},
    {"name": "the West", "aliases": ["NATO", "the US", "the EU"]}]})";

struct Found {
    std::string text, actor;
};

std::vector<Found> mentions(const std::string &text, const char *json = kActors) {
    fl_test::Lexicon lex(json);
    EXPECT_EQ(FL_OK, lex.status()) << lex.error().message;
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
    std::vector<Found> out;
    for (const fl_actor_mention &m : res.mentions()) {
        fl_actor_info info{};
        EXPECT_EQ(FL_OK, fl_lexicon_actor(lex, m.actor, &info));
        out.push_back(
            {fl_test::slice(text, m.start, m.end), std::string(info.name, info.name_len)});
    }
    return out;
}

} // namespace

TEST(Actors, NamesAndAliasesAreFoundFoldedLeftmostLongest) {
    auto m = mentions("The Kremlin said Moscow and KIEV will talk; the Russian Defence Ministry "
                      "and Kyiv's allies in NATO disagreed.");
    ASSERT_EQ(6u, m.size());
    EXPECT_EQ("The Kremlin", m[0].text);  // "the Kremlin", longer than "Kremlin"
    EXPECT_EQ("Russia", m[0].actor);
    EXPECT_EQ("Moscow", m[1].text);
    EXPECT_EQ("KIEV", m[2].text);  // folded like terms
    EXPECT_EQ("Ukraine", m[2].actor);
    EXPECT_EQ("Russian Defence Ministry", m[3].text);
    EXPECT_EQ("Kyiv", m[4].text);  // "Kyiv's": the possessive is a token of its own
    EXPECT_EQ("NATO", m[5].text);
    EXPECT_EQ("the West", m[5].actor);
}

TEST(Actors, AWordWrittenWithACapitalMatchesOnlyACapitalisedWord) {
    EXPECT_TRUE(mentions("Give the us a chance, said the eu official.").empty());
    auto m = mentions("The US and The EU agreed.");
    ASSERT_EQ(2u, m.size());
    EXPECT_EQ("The US", m[0].text);  // "the" is written in lower case: any case
}

TEST(Actors, MentionsAreWholeTokensAndStayInTheirSentence) {
    EXPECT_TRUE(mentions("Kievan Rus and Moscowitz are no mentions.").empty());
    auto m = mentions("Kremlin-backed forces advanced.");  // a name inside a compound
    ASSERT_EQ(1u, m.size());
    EXPECT_EQ("Kremlin", m[0].text);
    // "Ukrainian\n\nGovernment" crosses a paragraph (two sentences): two words, no mention
    EXPECT_TRUE(mentions("News from the Ukrainian\n\nGovernment offices opened.").empty());
}

TEST(Actors, AreNoMatchesAndCountNowhere) {
    fl_test::Lexicon lex(kActors);
    ASSERT_EQ(FL_OK, lex.status());
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(lex, std::string("Moscow and the Kiev regime.")));
    ASSERT_EQ(1u, res.matches().size());  // "regime" only
    EXPECT_EQ(2u, res.mentions().size());
}

TEST(Actors, WithoutActorsNothingIsFound) {
    EXPECT_TRUE(
        mentions("Moscow and Kyiv.", R"({"terms": [{"term": "x", "category": "c"}]})").empty());
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(nullptr, std::string("Moscow and Kyiv.")));
    EXPECT_TRUE(res.mentions().empty());
}

TEST(Actors, AnAliasWithoutAWordIsAnErrorNamingIt) {
    fl_test::Lexicon lex(R"({"terms": [{"term": "x", "category": "c"}],
      "actors": [{"name": "Russia", "aliases": ["Moscow"]}, {"name": "Ukraine", "aliases": ["Kyiv", "--"]}]})",
                         "a.json");
    ASSERT_EQ(FL_ERR_SCHEMA, lex.status());
    EXPECT_STREQ("actors[1].aliases[1]", lex.error().path);
    EXPECT_EQ(1u, lex.error().item);
    EXPECT_NE(std::string::npos, std::string(lex.error().message).find("has no word"))
        << lex.error().message;
}

TEST(Actors, ManyActorsSharingAFirstWordAreAllFound) {
    std::string json = R"({"terms": [{"term": "x", "category": "c"}], "actors": [)";
    std::string text;
    for (int i = 0; i < 300; i++) {
        json += (i ? "," : "") + std::string(R"({"name": "the a)") + std::to_string(i) + "\"}";
        text += "the a" + std::to_string(i) + " ";
    }
    json += "]}";
    auto m = mentions(text, json.c_str());
    ASSERT_EQ(300u, m.size());
    EXPECT_EQ("the a299", m[299].actor);
}
