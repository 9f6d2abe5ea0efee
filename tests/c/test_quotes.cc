// test_quotes.cc: quotation marks (quotes.c): their families and styles, quotations over
// several sentences, apostrophes that are no quotation marks, and unclosed quotations.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "voice_shim.h"

extern "C" {
#include "../../csrc/voice.h" // family() and punct_class() are internal: checked directly
}

using fl_voice_test::A;
using fl_voice_test::expect_voices;
using fl_voice_test::Q;
using fl_voice_test::R;

namespace {

const char *const kLexicon = R"({"terms": [
  {"term": "Kiev regime", "category": "delegitimization"},
  {"term": "Nazis", "category": "delegitimization"},
  {"term": "aggress*", "category": "accusation"}
]})";

} // namespace

TEST(Quotes, FamiliesNestAndPair) {
    expect_voices("Russia was called \"an aggressor country\".", {{"aggressor", Q}, {"Russia", A}});
    expect_voices("\u00abThe Kiev regime\u00bb, he wrote.", {{"Kiev", Q}});
    expect_voices("\u201eDas ist eine Invasion\u201c, sagte er.", {{"Invasion", Q}});
    expect_voices("He said: \u201cIt is a \u2018liberation\u2019, not a war.\u201d",
                  {{"liberation", Q}, {"war", Q}});
}

TEST(Quotes, ApostrophesAreNoQuotationMarks) {
    expect_voices("In the '90s, Kyiv's leaders and the players' union met.",
                  {{"Kyiv", A}, {"leaders", A}, {"union", A}});
}

TEST(Quotes, ACurlyMarkBeforeTwoDigitsElidesACentury) {
    // typesetters turn the apostrophe of '08 into an opening mark; a quotation opened there
    // would run to the players’ closing apostrophe
    expect_voices("Since the \u201808 crash, the Kiev regime and the players\u2019 union "
                  "talked.",
                  {{"Kiev", A}, {"union", A}});
    expect_voices("In the \u201890s the Kiev regime and the players\u2019 union met.",
                  {{"Kiev", A}, {"union", A}});
    // a quotation may still open with a year or a longer number
    expect_voices("\u20182014 was a coup by the Kiev regime,\u2019 he wrote.", {{"Kiev", Q}});
}

TEST(Quotes, AQuotationMaySpanSentences) {
    expect_voices("\"We did not start this war. The Nazis in Kyiv started it,\" the spokesman "
                  "said.",
                  {{"Nazis", Q}, {"spokesman", A}});
}

TEST(Quotes, TwoApostrophesAndSpeakersParagraphs) {
    expect_voices("''We will win,'' he said.", {{"We", Q}, {"he", A}});
    // two grave accents open, as TeX and the Penn Treebank type them; a lone one is no mark
    expect_voices("``We will win,'' he said.", {{"We", Q}, {"he", A}});
    expect_voices("The mayor called the levy ``a disgrace.''", {{"mayor", A}, {"disgrace", Q}});
    expect_voices("Bring the `levy' up.", {{"levy", A}});
    expect_voices("TAPPER: Do you think so? Take a listen.\n\nThe show went on.",
                  {{"TAPPER", A}, {"Take", R}, {"show", A}});
    expect_voices("WASHINGTON (AP) \u2014 The plan failed, officials said.",
                  {{"WASHINGTON", A}, {"plan", R}, {"officials", A}});
}

TEST(Quotes, AMarkupAttributeValueIsNoQuotation) {
    // HTML left in scraped text: the value after "=" is markup, and its closing mark must not
    // open a quotation that swallows the words after it
    expect_voices("<a href=\"/tilden\" title=\"Tilden toll\">Lind</a> called the levy \"a "
                  "disgrace\" on Monday.",
                  {{"toll", A}, {"Lind", A}, {"disgrace", Q}, {"Monday", A}});
    expect_voices("<p class=\"note\">Brandt rode to Ashby.</p>", {{"note", A}, {"Ashby", A}});
}

TEST(Quotes, UnclosedQuotationAtTheEndOfTheTextIsSafe) {
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

TEST(Quotes, AnOrphanClosingMarkClosesAQuotationOpenedWithItsSentence) {
    // the lost opening mark made the orphan open a quotation over the speaker and the rest
    expect_voices("The toll was too high,\" Lind said of the plan. Brandt rode to Ashby.",
                  {{"toll", Q}, {"Lind", A}, {"Ashby", A}});
}

namespace {

// family() and is_dash_cp() as they were written before the tables: the reference.
int family_switch(int32_t cp) {
    switch (cp) {
    case '"':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0xAB:
    case 0xBB:
    case 0x2039:
    case 0x203A:
        return FAMILY_DOUBLE;
    case '\'':
    case 0x2018:
    case 0x2019:
    case 0x201A:
        return FAMILY_SINGLE;
    default:
        return FAMILY_NONE;
    }
}

bool is_dash_compared(int32_t cp) {
    return cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == 0x2012 || cp == 0x2015;
}

} // namespace

TEST(Quotes, TheTablesOfMarksAgreeWithTheirDefinitions) {
    // every code point, and values no token has (negative, past U+10FFFF)
    for (int64_t cp = -70000; cp <= 0x110000 + 70000; cp++) {
        int32_t c = static_cast<int32_t>(cp);
        int f = family_switch(c);
        bool dash = is_dash_compared(c);
        ASSERT_EQ(family(c), f) << cp;
        ASSERT_EQ(is_dash_cp(c), dash) << cp;
        // context.c's negated() stopped at these, compared one by one
        bool clause = c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == 0x2014 ||
                      c == 0x2013 || f != FAMILY_NONE;
        unsigned want = (f != FAMILY_NONE || c == '`' ? unsigned{PUNCT_QUOTE} : 0u) |
                        (c == ':' || dash ? unsigned{PUNCT_COLON_DASH} : 0u) |
                        (clause ? unsigned{PUNCT_CLAUSE} : 0u);
        ASSERT_EQ(punct_class(c), want) << cp;
    }
    for (int32_t c : {INT32_MIN, INT32_MIN + 0x2000, INT32_MAX}) {
        EXPECT_EQ(family(c), FAMILY_NONE);
        EXPECT_EQ(punct_class(c), 0u);
        EXPECT_FALSE(is_dash_cp(c));
    }
}
