// test_segment.cc: sentence boundaries (segment.c), through fl_result_sentences().
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <random>
#include <cstdio>
#include <string>
#include <vector>

#include "shim.h"

extern "C" {
#include "../../csrc/internal.h"  // the abbreviation lists are internal: checked directly
}

namespace {

using Strings = std::vector<std::string>;

Strings sents(const std::string &text) {
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    return fl_test::surfaces(text, res.sentences());
}

} // namespace

// ------------------------------------------------------------------ terminal punctuation

TEST(Segment, PeriodEndsASentence) {
    EXPECT_EQ((Strings{"Kyiv is the capital.", "Kiev was the old spelling."}),
              sents("Kyiv is the capital. Kiev was the old spelling."));
}

TEST(Segment, QuestionAndExclamationMarksEndSentences) {
    EXPECT_EQ((Strings{"Is it over?", "No!", "Talks resume today."}),
              sents("Is it over? No! Talks resume today."));
    EXPECT_EQ((Strings{"Really?!", "Yes."}), sents("Really?! Yes."));
}

TEST(Segment, SentenceWithoutFinalPunctuationStillCounts) {
    EXPECT_EQ((Strings{
                  "Talks resume",
              }),
              sents("Talks resume"));
    EXPECT_EQ((Strings{"One.", "Two"}), sents("One. Two"));
}

TEST(Segment, LowerCaseAfterAPeriodDoesNotStartASentence) {
    EXPECT_EQ((Strings{"The talks ended at 5 p.m. on Friday."}),
              sents("The talks ended at 5 p.m. on Friday."));
}

TEST(Segment, AttachedTerminalDoesNotEndASentence) {
    EXPECT_EQ((Strings{"He works at Yahoo!Inc today."}), sents("He works at Yahoo!Inc today."));
}

TEST(Segment, APeriodThatLostItsSpaceEndsASentence) {
    // scraped text drops the space after a period; an address or a title keeps its dot
    EXPECT_EQ((Strings{"Lind said the levy was fair.", "Brandt agreed."}),
              sents("Lind said the levy was fair.Brandt agreed."));
    EXPECT_EQ((Strings{"Mail lind.Brandt@example.com today."}),
              sents("Mail lind.Brandt@example.com today."));
    EXPECT_EQ((Strings{"Sen.Reyes spoke."}), sents("Sen.Reyes spoke."));
}

// ------------------------------------------------------------------ abbreviations

TEST(Segment, TitleAbbreviationDoesNotEndSentence) {
    EXPECT_EQ((Strings{"Mr. Ryabkov told reporters in Geneva.", "Mrs. Clinton had made an offer."}),
              sents("Mr. Ryabkov told reporters in Geneva. Mrs. Clinton had made an offer."));
    EXPECT_EQ((Strings{"Lt. Col. Yuriy Bondar said his men were ready."}),
              sents("Lt. Col. Yuriy Bondar said his men were ready."));
    EXPECT_EQ((Strings{"Dr. Olena Marchenko runs the unit."}),
              sents("Dr. Olena Marchenko runs the unit."));
}

TEST(Segment, AbbreviationBeforeANameDoesNotEndSentence) {
    EXPECT_EQ((Strings{"The U.S. Government said so.", "Then it stopped."}),
              sents("The U.S. Government said so. Then it stopped."));
    EXPECT_EQ((Strings{"Acme Corp. Chairman Smith resigned."}),
              sents("Acme Corp. Chairman Smith resigned."));
}

TEST(Segment, AbbreviationBeforeASentenceStarterEndsSentence) {
    EXPECT_EQ((Strings{"He moved to the U.S.", "The move was hard."}),
              sents("He moved to the U.S. The move was hard."));
    EXPECT_EQ((Strings{"She joined Acme Inc.", "It was 2009."}),
              sents("She joined Acme Inc. It was 2009."));
}

TEST(Segment, AbbreviationAtTheEndOfTheTextEndsIt) {
    EXPECT_EQ((Strings{"He moved to the U.S."}), sents("He moved to the U.S."));
}

TEST(Segment, NumberAbbreviationBeforeADigitDoesNotEndSentence) {
    EXPECT_EQ((Strings{"He wore No. 5 in the final."}), sents("He wore No. 5 in the final."));
}

TEST(Segment, InitialDoesNotEndSentence) {
    EXPECT_EQ((Strings{"John F. Kennedy was president.", "He died in 1963."}),
              sents("John F. Kennedy was president. He died in 1963."));
    EXPECT_EQ((Strings{"The report by J. R. Smith came out."}),
              sents("The report by J. R. Smith came out."));
}

TEST(Segment, PeriodAfterANumberEndsSentence) {
    EXPECT_EQ((Strings{"He retired in 2019.", "Now he lives in Lviv."}),
              sents("He retired in 2019. Now he lives in Lviv."));
}

TEST(Segment, DecimalNumberDoesNotEndSentence) {
    EXPECT_EQ((Strings{"Growth was 3.5 percent in 2023.", "It fell."}),
              sents("Growth was 3.5 percent in 2023. It fell."));
}

TEST(Segment, TimeAbbreviationBeforeAStarterEndsSentence) {
    EXPECT_EQ((Strings{"It was 5 p.m.", "The talks ended."}),
              sents("It was 5 p.m. The talks ended."));
    EXPECT_EQ((Strings{"He left at 10 a.m. and came back."}),
              sents("He left at 10 a.m. and came back."));
}

TEST(Segment, UrlDoesNotEndSentence) {
    EXPECT_EQ((Strings{"Details are at www.kyiv.gov.ua today.", "Read them."}),
              sents("Details are at www.kyiv.gov.ua today. Read them."));
    EXPECT_EQ((Strings{"Visit https://example.com/page.", "Then leave."}),
              sents("Visit https://example.com/page. Then leave."));
}

// ------------------------------------------------------------------ quotes and brackets

TEST(Segment, ClosingQuoteStaysWithItsSentence) {
    EXPECT_EQ((Strings{"He said, \"We will win.\"", "Then he left."}),
              sents("He said, \"We will win.\" Then he left."));
    EXPECT_EQ((Strings{"He said, “We will win.”", "Then he left."}),
              sents("He said, “We will win.” Then he left."));
    EXPECT_EQ((Strings{"Він сказав: «Ми переможемо!»", "Потім пішов."}),
              sents("Він сказав: «Ми переможемо!» Потім пішов."));
}

TEST(Segment, ClosingBracketStaysWithItsSentence) {
    EXPECT_EQ((Strings{"(This is an aside.)", "Next comes the news."}),
              sents("(This is an aside.) Next comes the news."));
    // a question in brackets ends its sentence before a speaker and a reporting verb; only
    // a quoted one goes on ("\"Why not?\" Lind asked.")
    EXPECT_EQ((Strings{"(Who could blame the growers?)", "This column argues the opposite."}),
              sents("(Who could blame the growers?) This column argues the opposite."));
    EXPECT_EQ((Strings{"\"Why not?\" Lind asked."}), sents("\"Why not?\" Lind asked."));
}

TEST(Segment, FootnoteMarkersStayWithTheSentenceTheyAnnotate) {
    // Text copied from an encyclopedia keeps its reference markers after the period.
    EXPECT_EQ((Strings{"Dana Lind grew up in Tarnby. [4]", "Her father sold rope to the fleet."}),
              sents("Dana Lind grew up in Tarnby. [4] Her father sold rope to the fleet."));
    EXPECT_EQ((Strings{"The levy was repealed in 1921.[12][13]", "Farmers had opposed it."}),
              sents("The levy was repealed in 1921.[12][13] Farmers had opposed it."));
    EXPECT_EQ((Strings{"Was the council told? [7]", "Ivo Brandt says it was."}),
              sents("Was the council told? [7] Ivo Brandt says it was."));
    // at the end of a line, before a capitalised word that is not a usual sentence opener
    EXPECT_EQ((Strings{"The Courier first appeared as a weekly sheet for the valley towns. [2]",
                       "Brandt bought it in 1930."}),
              sents("The Courier first appeared as a weekly sheet for the valley towns. [2]\n"
                    "Brandt bought it in 1930."));
    // a bracketed word or a spaced number is no marker; at the end of the text it stays
    EXPECT_EQ((Strings{"The vote was close.", "[Laughter] Then it passed."}),
              sents("The vote was close. [Laughter] Then it passed."));
    EXPECT_EQ((Strings{"It passed. [4]"}), sents("It passed. [4]"));
}

TEST(Segment, FootnoteRangesAndListsStayWithTheSentenceTheyAnnotate) {
    // a paper or an encyclopedia cites several sources at once
    EXPECT_EQ((Strings{"Tolls on the Vessel bridge were debated for years. [2 - 4]",
                       "Critics in Tarnby won."}),
              sents("Tolls on the Vessel bridge were debated for years. [2 - 4] Critics in "
                    "Tarnby won."));
    EXPECT_EQ((Strings{"The mill closed in 1931. [6, 7]", "Lind reopened it."}),
              sents("The mill closed in 1931. [6, 7] Lind reopened it."));
    EXPECT_EQ((Strings{"The mill closed in 1931.[6–8]", "Lind reopened it."}),
              sents("The mill closed in 1931.[6–8] Lind reopened it."));
    EXPECT_EQ((Strings{"The mill closed in 1931. [12,14]", "Lind reopened it."}),
              sents("The mill closed in 1931. [12,14]\nLind reopened it."));
    // a bracketed year is no marker
    EXPECT_EQ((Strings{"The mill closed.", "[1931] Lind reopened it."}),
              sents("The mill closed. [1931] Lind reopened it."));
}

TEST(Segment, BracketedNoteAfterAQuestionStartsASentence) {
    // a note in brackets after a question stands apart, even in lower case
    EXPECT_EQ((Strings{"Will the Tarnby ferry ever run again?", "[via the Vessel Courier]"}),
              sents("Will the Tarnby ferry ever run again? [via the Vessel Courier]"));
    EXPECT_EQ((Strings{"Who pays for the new pier?", "(no one in Tarnby knows yet)"}),
              sents("Who pays for the new pier? (no one in Tarnby knows yet)"));
    // not after a quoted question, and not after an exclamation mark that may end a name
    EXPECT_EQ((Strings{"The crowd shouted \"Why?\" (at the mayor) and left."}),
              sents("The crowd shouted \"Why?\" (at the mayor) and left."));
    EXPECT_EQ((Strings{"Lind works at Yahoo! (in sales) now."}),
              sents("Lind works at Yahoo! (in sales) now."));
}

TEST(Segment, OpeningQuoteStartsTheNextSentence) {
    EXPECT_EQ((Strings{"The minister spoke.", "\"We are ready,\" he said."}),
              sents("The minister spoke. \"We are ready,\" he said."));
}

TEST(Segment, QuotedExclamationBeforeLowerCaseContinuesTheSentence) {
    EXPECT_EQ((Strings{"\"Stop!\" he said.", "Then he left."}),
              sents("\"Stop!\" he said. Then he left."));
    EXPECT_EQ((Strings{"He asked \"Why?\" and left."}), sents("He asked \"Why?\" and left."));
}

TEST(Segment, QuotationAfterAQuotationStartsASentence) {
    EXPECT_EQ((Strings{"She said: \"It is over.\"", "\"No,\" he replied."}),
              sents("She said: \"It is over.\" \"No,\" he replied."));
}

// ------------------------------------------------------------------ ellipses

TEST(Segment, EllipsisBeforeACapitalEndsSentence) {
    EXPECT_EQ((Strings{"He paused…", "Then he spoke."}), sents("He paused… Then he spoke."));
    EXPECT_EQ((Strings{"He paused...", "Then he spoke."}), sents("He paused... Then he spoke."));
}

TEST(Segment, EllipsisBeforeLowerCaseDoesNotEndSentence) {
    EXPECT_EQ((Strings{"Wait... what happened?"}), sents("Wait... what happened?"));
}

TEST(Segment, SpacedEllipsisBeforeLowerCaseDoesNotEndSentence) {
    EXPECT_EQ((Strings{"The law . . . the courts decide."}),
              sents("The law . . . the courts decide."));
}

TEST(Segment, BracketedEllipsisIsAnOmission) {
    EXPECT_EQ((Strings{"He said [...] The rest was cut."}),
              sents("He said [...] The rest was cut."));
}

// ------------------------------------------------------------------ line breaks

TEST(Segment, BlankLineEndsSentence) {
    EXPECT_EQ((Strings{"first part", "second part"}), sents("first part\n\nsecond part"));
}

TEST(Segment, LineBreakAfterTerminalPunctuationEndsSentence) {
    EXPECT_EQ((Strings{"The talks ended.", "Both sides left."}),
              sents("The talks ended.\nBoth sides left."));
}

TEST(Segment, LineBreakAfterTitleDoesNotEndSentence) {
    EXPECT_EQ((Strings{"Mr.\nSmith arrived."}), sents("Mr.\nSmith arrived."));
}

TEST(Segment, HeadlineLineIsItsOwnSentence) {
    EXPECT_EQ((Strings{"Kyiv under fire", "Russian missiles struck the capital on Monday."}),
              sents("Kyiv under fire\nRussian missiles struck the capital on Monday."));
}

TEST(Segment, HardWrappedLineDoesNotEndSentence) {
    std::string text = "The foreign ministry said on Monday that the talks would resume in\n"
                       "Geneva next week after a pause.";
    EXPECT_EQ((Strings{"The foreign ministry said on Monday that the talks would resume in\n"
                       "Geneva next week after a pause."}),
              sents(text));
    std::string lower = "The foreign ministry said on Monday that talks would resume\n"
                        "next week in Geneva.";
    EXPECT_EQ((Strings{lower}), sents(lower));
}

TEST(Segment, CarriageReturnLineFeedCountsAsOneLineBreak) {
    EXPECT_EQ((Strings{"The talks ended.", "Both sides left."}),
              sents("The talks ended.\r\nBoth sides left."));
    EXPECT_EQ((Strings{"first part", "second part"}), sents("first part\r\n\r\nsecond part"));
}

// ------------------------------------------------------------------ lists

TEST(Segment, BulletStartsASentence) {
    EXPECT_EQ((Strings{"The plan has two parts:", "• a ceasefire", "• talks in Geneva"}),
              sents("The plan has two parts: • a ceasefire • talks in Geneva"));
}

TEST(Segment, NumberedListItemsAreSentences) {
    EXPECT_EQ((Strings{"1. Ceasefire now", "2. Talks later", "3. Elections"}),
              sents("1. Ceasefire now 2. Talks later 3. Elections"));
}

TEST(Segment, LetteredListItemsAreSentences) {
    EXPECT_EQ((Strings{"a) a ceasefire", "b) talks in Geneva"}),
              sents("a) a ceasefire b) talks in Geneva"));
}

TEST(Segment, ListItemsOnTheirOwnLinesAreSentences) {
    EXPECT_EQ((Strings{"Demands:", "1. withdrawal of troops", "2. new elections"}),
              sents("Demands:\n1. withdrawal of troops\n2. new elections"));
}

TEST(Segment, ShortLineIsAHeadline) {
    // docs/segmentation.md section 4: a short line without final punctuation ends there even
    // before lower case.
    EXPECT_EQ((Strings{"To participate in the discussion", "log in or register"}),
              sents("To participate in the discussion\nlog in or register"));
}

TEST(Segment, LongLineContinuedByACapitalisedNonStarterIsHardWrapped) {
    std::string text = "The remaining heavy weapons are to be handed over to the United\n"
                       "States and its allies by the end of the year.";
    EXPECT_EQ((Strings{text}), sents(text));
}

TEST(Segment, DatelineStaysWithItsSentence) {
    EXPECT_EQ((Strings{"WASHINGTON (Reuters) - The talks ended.", "Both sides left."}),
              sents("WASHINGTON (Reuters) - The talks ended. Both sides left."));
}

// ------------------------------------------------------------------ documented examples

TEST(Segment, EveryExampleOfTheSegmentationPage) {
    // The tables of docs/segmentation.md, row by row.
    struct Row {
        const char *text;
        Strings want;
    };
    const Row rows[] = {
        // 1. terminal punctuation
        {"Good Evening. My name is Tomas.", {"Good Evening.", "My name is Tomas."}},
        {"Hello!! Long time no see.", {"Hello!!", "Long time no see."}},
        {"She works at Yahoo! in accounting.", {"She works at Yahoo! in accounting."}},
        {"She paid $250.75. It was in his wallet.", {"She paid $250.75.", "It was in his wallet."}},
        {"He said. \"Never.\" Then he left.", {"He said.", "\"Never.\"", "Then he left."}},
        {"It was \"unacceptable.\" Kiev replied.", {"It was \"unacceptable.\"", "Kiev replied."}},
        {"\"Why now?\" she asked.", {"\"Why now?\" she asked."}},
        {"\"Why not?\" Lind asked.", {"\"Why not?\" Lind asked."}},
        {"(Who could blame the growers?) This column argues the opposite.",
         {"(Who could blame the growers?)", "This column argues the opposite."}},
        {"\"Why now?\" Mr. Lind asked. Ms. Varga left.",
         {"\"Why now?\" Mr. Lind asked.", "Ms. Varga left."}},
        {"\"Why now?\" Mr. Lind left the room.", {"\"Why now?\"", "Mr. Lind left the room."}},
        {"He taught (he had worked as an engineer.) at the school.",
         {"He taught (he had worked as an engineer.) at the school."}},
        {"«Нет», — сказал он. «Никогда.» Потом ушёл.",
         {"«Нет», — сказал он.", "«Никогда.»", "Потом ушёл."}},
        {"The mill was built in 1890. [4] Brandt bought it.",
         {"The mill was built in 1890. [4]", "Brandt bought it."}},
        {"The mill was built in 1890.[4][5] Brandt bought it.",
         {"The mill was built in 1890.[4][5]", "Brandt bought it."}},
        // 2. abbreviations, initials, numbers, addresses
        {"We saw Mt. Fuji with Lt. Col. Smith.", {"We saw Mt. Fuji with Lt. Col. Smith."}},
        {"She works for the U.S. Navy in Maine.", {"She works for the U.S. Navy in Maine."}},
        {"We moved to the U.S. How was your trip?", {"We moved to the U.S.", "How was your trip?"}},
        {"They signed the lease with Hale, Moss & Co. It starts today.",
         {"They signed the lease with Hale, Moss & Co.", "It starts today."}},
        {"Please turn to p. 55.", {"Please turn to p. 55."}},
        {"See No. 10 and fig. 2.", {"See No. 10 and fig. 2."}},
        {"Her name is Clara B. Hughes.", {"Her name is Clara B. Hughes."}},
        {"George W. Bush spoke.", {"George W. Bush spoke."}},
        {"We did it together, you and I. Did you meet Walter I. Price?",
         {"We did it together, you and I.", "Did you meet Walter I. Price?"}},
        {"His address is Tom.Reed@example.org. I wrote to him today.",
         {"His address is Tom.Reed@example.org.", "I wrote to him today."}},
        // 3. ellipses
        {"It wasn’t quite ... well, what I think...look . . . what I'm asking",
         {"It wasn’t quite ... well, what I think...look . . . what I'm asking"}},
        {"He never said that.... She closed the door.",
         {"He never said that....", "She closed the door."}},
        {"… ends in a period . . . . Then more.", {"… ends in a period . . . .", "Then more."}},
        {"… into the river. . . . The custom was not dropped.",
         {"… into the river.", ". . . The custom was not dropped."}},
        {"\"Bohr [...] used the analogy [...]\" (Smith 55).",
         {"\"Bohr [...] used the analogy [...]\" (Smith 55)."}},
        // 4. line breaks
        {"Talks in Geneva End Without a Deal\nGENEVA (Reuters) - The talks ended.",
         {"Talks in Geneva End Without a Deal", "GENEVA (Reuters) - The talks ended."}},
        // 5. lists
        {"1. The opening point 2. The closing point",
         {"1. The opening point", "2. The closing point"}},
        {"a) one b) two c) three", {"a) one", "b) two", "c) three"}},
        {"• 9. The opening point • 10. The closing point",
         {"• 9. The opening point", "• 10. The closing point"}},
    };
    for (const Row &row : rows) {
        EXPECT_EQ(row.want, sents(row.text)) << row.text;
    }
}

// ------------------------------------------------------------------ the records

TEST(Segment, SentenceRecordsDescribeTheirTokens) {
    std::string text = "Kyiv's pro-Russian mayor, 52-48. «Нет!» — said he.";
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    std::vector<fl_token> toks = res.tokens();
    std::vector<fl_sentence> s = res.sentences();
    ASSERT_EQ(2u, s.size());
    // Kyiv 's pro - Russian mayor , 52 - 48 . : 11 tokens, 6 of them words
    EXPECT_EQ(0u, s[0].first_token);
    EXPECT_EQ(11u, s[0].n_tokens_all);
    EXPECT_EQ(6u, s[0].n_tokens);
    // « Нет ! » — said he . : 8 tokens, 3 words
    EXPECT_EQ(11u, s[1].first_token);
    EXPECT_EQ(8u, s[1].n_tokens_all);
    EXPECT_EQ(3u, s[1].n_tokens);
    for (const fl_sentence &x : s) {
        EXPECT_EQ(toks[x.first_token].start, x.start);
        EXPECT_EQ(toks[x.first_token + x.n_tokens_all - 1].end, x.end);
        EXPECT_EQ(toks[x.first_token].cp_start, x.cp_start);
        EXPECT_EQ(toks[x.first_token + x.n_tokens_all - 1].cp_end, x.cp_end);
        // Without a lexicon there are no matches and no score.
        EXPECT_EQ(0u, x.n_matches);
        EXPECT_EQ(0.0, x.score);
    }
    EXPECT_EQ("«Нет!» — said he.", fl_test::slice(text, s[1].start, s[1].end));
    EXPECT_EQ(33u, s[1].cp_start);
}

TEST(Segment, SentencesPartitionTheTokens) {
    std::string text = "Mr. Smith said: \"No.\" Then, at 3.5 p.m., he left!\n\n"
                       "Headline here\nThe U.S. Army (and others) moved… Why? 1. One 2. Two";
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    std::vector<fl_token> toks = res.tokens();
    std::vector<fl_sentence> s = res.sentences();
    ASSERT_FALSE(s.empty());
    uint32_t next = 0;
    for (size_t i = 0; i < s.size(); i++) {
        EXPECT_EQ(next, s[i].first_token) << "sentence " << i;
        EXPECT_GT(s[i].n_tokens_all, 0u) << "sentence " << i;
        uint32_t words = 0;
        for (uint32_t k = s[i].first_token; k < s[i].first_token + s[i].n_tokens_all; k++) {
            words += toks[k].kind == FL_TOKEN_WORD ? 1 : 0;
            EXPECT_EQ(i, toks[k].sentence);
        }
        EXPECT_EQ(words, s[i].n_tokens) << "sentence " << i;
        next = s[i].first_token + s[i].n_tokens_all;
    }
    EXPECT_EQ(toks.size(), next);
}

TEST(Segment, OnlyPunctuationIsOneSentence) {
    EXPECT_EQ((Strings{"..."}), sents("..."));
    EXPECT_EQ((Strings{"!!!"}), sents("  !!!  "));
}

TEST(Segment, LongRunsAreSegmentedInLinearTime) {
    // Pathological inputs: each would take minutes if some rule looked back or ahead without
    // bound. 200000 tokens each.
    for (const std::string &unit : {std::string("."), std::string(". "), std::string("a. "),
                                    std::string("a\n"), std::string("Mr. "), std::string("1. "),
                                    std::string("\xE2\x80\xA2 "), std::string("\" ")}) {
        std::string text;
        for (int i = 0; i < 200000; i++) {
            text += unit;
        }
        fl_test::Result res;
        ASSERT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
        size_t n = 0;
        fl_result_sentences(res, &n);
        EXPECT_GT(n, 0u);
    }
}

// ------------------------------------------------------------------ abbreviation lists

TEST(Segment, AbbreviationListsAreSortedForTheirBinarySearch) {
    // Fails when an entry was added out of order (the lookup would then miss words in them)
    // or longer than the length past which a word is not looked up.
    EXPECT_TRUE(fl__segment_lists_sorted());
}

TEST(Segment, AbbreviationsFromAcrossTheListsAreFound) {
    // the first, a middle and the last entry of each list, in capitals and as written
    EXPECT_EQ((Strings{"Adm. Smith came.", "Viz. two."}), sents("Adm. Smith came. Viz. two."));
    EXPECT_EQ((Strings{"Gen. Lee and Mr. Wu left."}), sents("Gen. Lee and Mr. Wu left."));
    EXPECT_EQ((Strings{"Over 3 approx. units and 2 vs. 3 in Jan. tests."}),
              sents("Over 3 approx. units and 2 vs. 3 in Jan. tests."));
    EXPECT_EQ((Strings{"The Acme Corp. sale.", "Then it fell."}),
              sents("The Acme Corp. sale. Then it fell."));
    // the longest entries, of each kind
    EXPECT_EQ((Strings{"Messrs. Lee and Wu left."}), sents("Messrs. Lee and Wu left."));
    EXPECT_EQ((Strings{"It took approx. Ten went."}), sents("It took approx. Ten went."));
}

TEST(Segment, AnAbbreviationIsFoundInAnyCaseAndAnywhereInTheText) {
    // An ASCII word's key is read eight bytes at a time, but within eight bytes of the text's
    // end a byte at a time: both ways, in any case, next to words of other lengths.
    for (const char *abbr : {"Gen", "GEN", "gEn", "Messrs", "MESSRS", "Mt", "MT", "Dr"}) {
        for (const char *tail : {" Lee", " Lee left", " Lee left the room"}) {
            for (const char *head : {"", "We saw ", "In 2014 we saw "}) {
                std::string text = std::string(head) + abbr + "." + tail;
                EXPECT_EQ(1u, sents(text).size()) << text;
            }
        }
    }
    for (const char *word : {"Gent", "Genx", "Messrsx", "Drs", "Mtn"}) {
        for (const char *tail : {" Lee", " Lee left the room"}) {
            std::string text = std::string("We saw ") + word + "." + tail;
            EXPECT_EQ(2u, sents(text).size()) << text;
        }
    }
}

// ------------------------------------------------------------------ fast paths

TEST(Segment, WordListFiltersHoldEveryWordOfTheirLists) {
    // Fails when a word was added to ABBREVIATIONS or STARTERS without its filter bits (the
    // lookup would never see it) or a filter holds a bit of no word; then prints the filters
    // the lists make, to paste into segment.c.
    uint64_t abbr[8];
    uint64_t starter[8];
    bool hold = fl__segment_filters_hold(abbr, starter);
    auto text = [](const char *name, const uint64_t *f) {
        std::string s = std::string("static const uint64_t ") + name + "[8] = {";
        for (int i = 0; i < 8; i++) {
            char word[32];
            std::snprintf(word, sizeof word, "%s0x%016llxULL", i == 0 ? "" : ", ",
                          static_cast<unsigned long long>(f[i]));
            s += word;
        }
        return s + "};";
    };
    EXPECT_TRUE(hold) << "the lists' filters are:\n"
                      << text("ABBR_FILTER", abbr) << "\n"
                      << text("STARTER_FILTER", starter);
}

namespace {

struct Segmented {
    std::vector<fl_sentence> sents;
    std::vector<uint32_t> index; // each token's sentence
};

// Segments text with fl__segment (fast) or fl__segment_general. The tokens are followed by
// a spare plain word, which no loop may reach.
Segmented segment_with(const std::string &text, bool fast) {
    fl_allocator a;
    fl__alloc_init(&a, nullptr);
    fl_vec toks = {};
    fl_vec infos = {};
    fl_vec sents = {};
    Segmented out;
    EXPECT_EQ(FL_OK, fl__tokenize(&a, (const uint8_t *)text.data(), text.size(), &toks, &infos));
    size_t n = toks.len;
    std::vector<fl_token> t((const fl_token *)toks.data, (const fl_token *)toks.data + n);
    fl_token spare = {};
    spare.kind = FL_TOKEN_WORD;
    t.push_back(spare);
    const fl_tokinfo *k = (const fl_tokinfo *)infos.data;
    const uint8_t *bytes = (const uint8_t *)text.data();
    EXPECT_EQ(FL_OK, fast ? fl__segment(&a, bytes, text.size(), t.data(), k, n, &sents)
                          : fl__segment_general(&a, bytes, text.size(), t.data(), k, n, &sents));
    out.sents.assign((const fl_sentence *)sents.data, (const fl_sentence *)sents.data + sents.len);
    for (size_t i = 0; i < n; i++) {
        out.index.push_back(t[i].sentence);
    }
    EXPECT_EQ(0u, t[n].sentence); // the spare is untouched
    fl__vec_free(&a, &toks);
    fl__vec_free(&a, &infos);
    fl__vec_free(&a, &sents);
    return out;
}

} // namespace

TEST(Segment, FastPathsCutAsTheGeneralPath) {
    // Texts of words, abbreviations (every entry, in any case), sentence starters and
    // others, initials, decimals, quotes, brackets, ellipses, footnotes, list markers,
    // headlines and Cyrillic, joined by spaces, line breaks or nothing: fl__segment's filters
    // and its loop over plain words must cut as fl__segment_general does.
    const char *abbrs =
        "adm al amb approx apr art assn atty aug ave bln blvd brig bros ca capt cf ch chap cmdr "
        "co col corp cpt dec dept det dr e.g ed eds est etc feb fig figs fr ft gen gov govt hon "
        "i.e inc insp intl jan jr jul jun llc lt ltd maj mar max messrs min mlle mln mme mr mrs "
        "ms mt natl no nos nov nr oct op p para plc pp pres prof rd rep rev sec sen sep sept sgt "
        "sr st supt tel univ v viz vol vols vs";
    const char *others =
        "the this it he she we they but and however meanwhile nevertheless according yesterday "
        "said says asked told year government officials petersburg smith lee washington "
        "monday est time mayor a.m p.m u.s d.c ph.d u.s.a e i a x 3 3.5 24 1990 12,14 example.com "
        "st.louis yahoo am februar märz москва г ул им проф нет грн n";
    std::vector<std::string> words;
    for (const char *list : {abbrs, others}) {
        std::string w;
        for (const char *c = list;; c++) {
            if (*c == ' ' || *c == '\0') {
                words.push_back(w);
                w.clear();
                if (*c == '\0') {
                    break;
                }
            } else {
                w += *c;
            }
        }
    }
    const std::vector<std::string> puncts = {
        ".",      ".",      ".",  "!", "?", "\u2026", "...", ". . .",   ". . . .", "\"",
        "\u201D", "\u201C", "(",  ")", "[", "]",      "[4]", "[1 - 3]", "\u2022",  "1.",
        "2.",     "a)",     "b)", ",", ":", "\u00B0", "?\"", ".)",      "$5"};
    const std::vector<std::string> gaps = {" ", " ", " ", " ", "", "\n", "\n\n", "  "};
    std::mt19937 rng(41);
    for (int round = 0; round < 20000; round++) {
        std::string text;
        size_t pieces = 1 + rng() % 40;
        for (size_t p = 0; p < pieces; p++) {
            uint32_t r = rng();
            if (r % 3 == 0) {
                text += puncts[(r >> 8) % puncts.size()];
            } else {
                std::string w = words[(r >> 8) % words.size()];
                uint32_t c = (r >> 20) % 4;
                for (size_t b = 0; b < w.size(); b++) {
                    bool up = c == 1 ? b == 0 : c == 2 ? true : c == 3 ? (rng() & 1) : false;
                    if (up && w[b] >= 'a' && w[b] <= 'z') {
                        w[b] = (char)(w[b] - 32);
                    }
                }
                text += w;
                if ((r >> 24) % 2 == 0) {
                    text += '.'; // a period after a word: the abbreviation rules' case
                }
            }
            text += gaps[rng() % gaps.size()];
        }
        Segmented fast = segment_with(text, true);
        Segmented general = segment_with(text, false);
        ASSERT_EQ(general.index, fast.index) << text;
        ASSERT_EQ(general.sents.size(), fast.sents.size()) << text;
        for (size_t i = 0; i < fast.sents.size(); i++) {
            ASSERT_EQ(0, memcmp(&general.sents[i], &fast.sents[i], sizeof(fl_sentence))) << text;
        }
    }
}
