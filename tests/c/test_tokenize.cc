// test_tokenize.cc: token kinds, offsets and spacing (tokenize.c), through fl_result_tokens(),
// and its fast path against its general one.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "shim.h"

#include <utf8proc.h>

extern "C" {
#include "../../csrc/internal.h" // the fast path is compared with the general one directly
}

namespace {

using Strings = std::vector<std::string>;

std::vector<fl_token> tokens_of(const std::string &text) {
    fl_test::Result res;
    EXPECT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    return res.tokens();
}

// Each token as "text/K" with K one of W (word), C (clitic), H (hyphen), P (punct).
Strings tok(const std::string &text) {
    static const char kinds[] = {'W', 'C', 'H', 'P'};
    Strings out;
    for (const fl_token &t : tokens_of(text)) {
        char k = t.kind < 4 ? kinds[t.kind] : '?';
        out.push_back(fl_test::slice(text, t.start, t.end) + "/" + k);
    }
    return out;
}

} // namespace

TEST(Tokenize, WhitespaceSeparatesWords) {
    EXPECT_EQ((Strings{"Officials/W", "in/W", "Kiev/W", "said/W"}),
              tok("Officials in  Kiev\tsaid"));
}

TEST(Tokenize, PunctuationIsOneTokenPerCharacter) {
    EXPECT_EQ((Strings{"Kiev/W", ",/P", "regime/W", "./P"}), tok("Kiev, regime."));
    EXPECT_EQ((Strings{"\"/P", "(/P", "Kiev/W", ")/P", "\"/P", "!/P", "?/P"}), tok("\"(Kiev)\"!?"));
    EXPECT_EQ((Strings{"«/P", "Kiev/W", "»/P"}), tok("«Kiev»"));
    EXPECT_EQ((Strings{"$/P", "5/W"}), tok("$5"));
}

TEST(Tokenize, ApostropheBetweenLettersStaysInTheWord) {
    EXPECT_EQ((Strings{"coup/W", "d'état/W"}), tok("coup d'état"));
    EXPECT_EQ((Strings{"d’état/W"}), tok("d’état"));
    EXPECT_EQ((Strings{"don't/W"}), tok("don't"));
    EXPECT_EQ((Strings{"Мар'янка/W"}), tok("Мар'янка"));
    EXPECT_EQ((Strings{"Мар’янка/W"}), tok("Мар’янка"));
    EXPECT_EQ((Strings{"O'Shea/W"}), tok("O'Shea"));
}

TEST(Tokenize, ApostropheNotBetweenLettersIsPunctuation) {
    EXPECT_EQ((Strings{"students/W", "'/P", "union/W"}), tok("students' union"));
    EXPECT_EQ((Strings{"'/P", "Kiev/W", "'/P"}), tok("'Kiev'"));
}

TEST(Tokenize, PossessiveIsSplitOffAsAClitic) {
    EXPECT_EQ((Strings{"Kyiv/W", "'s/C", "mayor/W"}), tok("Kyiv's mayor"));
    EXPECT_EQ((Strings{"Kyiv/W", "’s/C"}), tok("Kyiv’s"));
    EXPECT_EQ((Strings{"KYIV/W", "'S/C"}), tok("KYIV'S"));
    EXPECT_EQ((Strings{"Kyiv/W", "ʼs/C", ",/P"}), tok("Kyivʼs,"));
    EXPECT_EQ((Strings{"Kyiv/W", "‘s/C"}), tok("Kyiv‘s"));
    EXPECT_EQ((Strings{"Kyiv/W", "`s/C"}), tok("Kyiv`s"));
}

TEST(Tokenize, PossessiveAfterAnAbbreviationPeriod) {
    // matching.md: "Jr.'s" -> "Jr" "." "'s".
    EXPECT_EQ((Strings{"Jr/W", "./P", "'s/C"}), tok("Jr.'s"));
}

TEST(Tokenize, ApostropheSFollowedByALetterIsNotAClitic) {
    EXPECT_EQ((Strings{"Kiev'sk/W"}), tok("Kiev'sk"));
}

TEST(Tokenize, AttachedHyphenIsAHyphenToken) {
    EXPECT_EQ((Strings{"Kiev/W", "-/H", "controlled/W"}), tok("Kiev-controlled"));
    EXPECT_EQ((Strings{"F/W", "-/H", "16/W"}), tok("F-16"));
    EXPECT_EQ((Strings{"52/W", "-/H", "48/W"}), tok("52-48"));
    EXPECT_EQ((Strings{"e/W", "-/H", "mail/W"}), tok("e-mail"));
    EXPECT_EQ((Strings{"pro/W", "‑/H", "Russian/W"}), tok("pro‑Russian")); // U+2011
    EXPECT_EQ((Strings{"pro/W", "‐/H", "Russian/W"}), tok("pro‐Russian")); // U+2010
    EXPECT_EQ((Strings{"1939/W", "–/H", "1945/W"}), tok("1939–1945"));     // U+2013
    EXPECT_EQ((Strings{"1/W", "‒/H", "2/W"}), tok("1‒2"));                 // U+2012
}

TEST(Tokenize, SpacedDashIsPunctuation) {
    EXPECT_EQ((Strings{"Kiev/W", "-/P", "regime/W"}), tok("Kiev - regime"));
    EXPECT_EQ((Strings{"Kiev/W", "-/P", "regime/W"}), tok("Kiev -regime"));
    EXPECT_EQ((Strings{"Kiev/W", "-/P", "regime/W"}), tok("Kiev- regime"));
    EXPECT_EQ((Strings{"Kiev/W", "–/P", "regime/W"}), tok("Kiev – regime"));
    EXPECT_EQ((Strings{"-/P", "5/W"}), tok("-5"));
    EXPECT_EQ((Strings{"5/W", "-/P"}), tok("5-"));
}

TEST(Tokenize, EmDashIsNeverAHyphen) {
    EXPECT_EQ((Strings{"Kiev/W", "—/P", "regime/W"}), tok("Kiev—regime"));
}

TEST(Tokenize, PeriodBetweenLettersStaysInTheWord) {
    EXPECT_EQ((Strings{"the/W", "U.S/W", "./P"}), tok("the U.S."));
    EXPECT_EQ((Strings{"e.g/W", "./P", "Kiev/W"}), tok("e.g. Kiev"));
    EXPECT_EQ((Strings{"example.com/W"}), tok("example.com"));
    EXPECT_EQ((Strings{"Jane.Doe@example.com/W"}), tok("Jane.Doe@example.com"));
    EXPECT_EQ((Strings{"end/W", "./P"}), tok("end."));
    EXPECT_EQ((Strings{"a/W", "./P", "./P", "./P", "b/W"}), tok("a...b"));
}

TEST(Tokenize, APeriodThatLostItsSpaceEndsTheWord) {
    // scraped text drops the space between sentences: "said.Brandt" is two words
    EXPECT_EQ((Strings{"Lind/W", "said/W", "./P", "Brandt/W", "agreed/W"}),
              tok("Lind said.Brandt agreed"));
    EXPECT_EQ((Strings{"levy/W", "./P", "The/W"}), tok("levy.The"));
    // a capitalised part that goes on, a one-letter part or a capital before it: one word
    EXPECT_EQ((Strings{"lind.Brandt@example.com/W"}), tok("lind.Brandt@example.com"));
    EXPECT_EQ((Strings{"St.Louis/W"}), tok("St.Louis"));
    EXPECT_EQ((Strings{"e.g.The/W"}), tok("e.g.The"));
    EXPECT_EQ((Strings{"tilden.Gov/W", "./P"}), tok("tilden.Gov."));
    EXPECT_EQ((Strings{"harbour.Tilden.com/W"}), tok("harbour.Tilden.com"));
}

TEST(Tokenize, NumbersKeepDecimalPointsAndThousandsCommas) {
    EXPECT_EQ((Strings{"3.5/W"}), tok("3.5"));
    EXPECT_EQ((Strings{"1,000/W"}), tok("1,000"));
    EXPECT_EQ((Strings{"1,000,000.25/W"}), tok("1,000,000.25"));
    EXPECT_EQ((Strings{"5th/W"}), tok("5th"));
    EXPECT_EQ((Strings{"1/W", ",/P", "000/W"}), tok("1, 000"));
    EXPECT_EQ((Strings{"a/W", ",/P", "b/W"}), tok("a,b"));
    EXPECT_EQ((Strings{"a/W", ",/P", "1/W"}), tok("a,1"));
    EXPECT_EQ((Strings{"\xC3\xA9/W", ",/P", "1/W"}), tok("\xC3\xA9,1"));
    EXPECT_EQ((Strings{"2009/W", "./P"}), tok("2009."));
}

TEST(Tokenize, AtSignOnlyJoinsBetweenWordCharacters) {
    EXPECT_EQ((Strings{"@/P", "user/W"}), tok("@user"));
    EXPECT_EQ((Strings{"user/W", "@/P"}), tok("user@"));
}

TEST(Tokenize, CombiningMarksStayWithTheirLetter) {
    EXPECT_EQ((Strings{"e\xCC\x81tat/W"}), tok("e\xCC\x81tat"));
    std::vector<fl_token> t = tokens_of("e\xCC\x81tat");
    ASSERT_EQ(1u, t.size());
    EXPECT_EQ(5u, t[0].cp_end);
}

TEST(Tokenize, FormatCharactersInsideAWordStayInIt) {
    EXPECT_EQ((Strings{"Ki\u00ADev/W"}), tok("Ki\u00ADev")); // soft hyphen
    EXPECT_EQ((Strings{"Ki\u200Dev/W"}), tok("Ki\u200Dev")); // ZERO WIDTH JOINER
}

TEST(Tokenize, EmojiIsPunctuationWithItsMarks) {
    // U+1F600 alone; U+2764 + U+FE0F (a variation selector is a mark) is one token.
    EXPECT_EQ((Strings{"Kiev/W", "\xF0\x9F\x98\x80/P", "!/P"}), tok("Kiev\xF0\x9F\x98\x80!"));
    std::string heart = "\xE2\x9D\xA4\xEF\xB8\x8F";
    EXPECT_EQ((Strings{"I/W", heart + "/P", "Kyiv/W"}), tok("I " + heart + " Kyiv"));
    std::vector<fl_token> t = tokens_of(heart);
    ASSERT_EQ(1u, t.size());
    EXPECT_EQ(2u, t[0].cp_end - t[0].cp_start);
    EXPECT_EQ(6u, t[0].end);
}

TEST(Tokenize, EmojiBetweenLettersSplitsTheWord) {
    EXPECT_EQ((Strings{"a/W", "\xF0\x9F\x98\x80/P", "b/W"}), tok("a\U0001F600b"));
}

TEST(Tokenize, UnicodeSpacesSeparateTokens) {
    // NBSP, NARROW NBSP, THIN SPACE, IDEOGRAPHIC SPACE, LINE SEPARATOR, NEL, VT, FF, CR.
    for (const char *sp : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE3\x80\x80",
                           "\xE2\x80\xA8", "\xC2\x85", "\x0B", "\x0C", "\r"}) {
        EXPECT_EQ((Strings{"Kiev/W", "regime/W"}), tok(std::string("Kiev") + sp + "regime"))
            << "separator of " << std::string(sp).size() << " bytes";
    }
}

TEST(Tokenize, SpaceBeforeIsRecorded) {
    std::vector<fl_token> t = tokens_of("Kiev, regime");
    ASSERT_EQ(3u, t.size());
    EXPECT_EQ(0, t[0].space_before);
    EXPECT_EQ(0, t[1].space_before);
    EXPECT_EQ(1, t[2].space_before);
    std::vector<fl_token> lead = tokens_of("  Kiev");
    ASSERT_EQ(1u, lead.size());
    EXPECT_EQ(1, lead[0].space_before);
}

TEST(Tokenize, LineBreaksAreCounted) {
    std::vector<fl_token> t = tokens_of("a\nb\r\nc\n\nd\r\re \n \n f");
    ASSERT_EQ(6u, t.size());
    EXPECT_EQ(0, t[0].newlines_before);
    EXPECT_EQ(1, t[1].newlines_before);
    EXPECT_EQ(1, t[2].newlines_before); // CRLF is one line break
    EXPECT_EQ(2, t[3].newlines_before);
    EXPECT_EQ(2, t[4].newlines_before); // CR CR is two
    EXPECT_EQ(2, t[5].newlines_before); // spaces between breaks do not matter
}

TEST(Tokenize, LineBreakCountIsCappedAt255) {
    std::string text = "a" + std::string(1000, '\n') + "b";
    std::vector<fl_token> t = tokens_of(text);
    ASSERT_EQ(2u, t.size());
    EXPECT_EQ(255, t[1].newlines_before);
}

TEST(Tokenize, OffsetsAreBytesAndCodePoints) {
    std::string text = "Київ's «pro-Russian» 😀 3.5";
    std::vector<fl_token> t = tokens_of(text);
    ASSERT_EQ(9u, t.size());
    // Київ
    EXPECT_EQ(0u, t[0].start);
    EXPECT_EQ(8u, t[0].end);
    EXPECT_EQ(0u, t[0].cp_start);
    EXPECT_EQ(4u, t[0].cp_end);
    // 's
    EXPECT_EQ(FL_TOKEN_CLITIC, t[1].kind);
    EXPECT_EQ(8u, t[1].start);
    EXPECT_EQ(10u, t[1].end);
    EXPECT_EQ(4u, t[1].cp_start);
    EXPECT_EQ(6u, t[1].cp_end);
    // «
    EXPECT_EQ(11u, t[2].start);
    EXPECT_EQ(13u, t[2].end);
    EXPECT_EQ(7u, t[2].cp_start);
    EXPECT_EQ(8u, t[2].cp_end);
    // pro - Russian »
    EXPECT_EQ(FL_TOKEN_HYPHEN, t[4].kind);
    EXPECT_EQ(11u, t[4].cp_start);
    EXPECT_EQ(19u, t[6].cp_start); // », one code point of two bytes
    EXPECT_EQ(20u, t[6].cp_end);
    EXPECT_EQ(24u, t[6].start);
    EXPECT_EQ(26u, t[6].end);
    // 😀 (4 bytes, one code point) and 3.5
    EXPECT_EQ(FL_TOKEN_PUNCT, t[7].kind);
    EXPECT_EQ(4u, t[7].end - t[7].start);
    EXPECT_EQ(1u, t[7].cp_end - t[7].cp_start);
    EXPECT_EQ(text.size(), t[8].end);
    EXPECT_EQ("3.5", fl_test::slice(text, t[8].start, t[8].end));
    EXPECT_EQ(t[7].cp_end + 1, t[8].cp_start);
}

TEST(Tokenize, TokensCoverEveryNonSpaceByteInOrder) {
    std::string text = " «Kiev's\u00A0pro-Russian regime» said, \"3.5%\" — e.g. U.S.-backed "
                       "F-16s\n\nНацисти! 😀😀 d’état\tJane.Doe@example.com… ";
    std::vector<fl_token> t = tokens_of(text);
    ASSERT_FALSE(t.empty());
    size_t pos = 0;
    for (size_t i = 0; i < t.size(); i++) {
        ASSERT_LE(pos, t[i].start) << "token " << i;
        ASSERT_LT(t[i].start, t[i].end) << "token " << i;
        // What lies between two tokens is whitespace only.
        std::string gap = text.substr(pos, t[i].start - pos);
        for (char c : gap) {
            unsigned char u = static_cast<unsigned char>(c);
            EXPECT_TRUE(u == ' ' || u == '\t' || u == '\n' || u == 0xC2 || u == 0xA0)
                << "byte " << static_cast<int>(u) << " of the gap before token " << i;
        }
        EXPECT_EQ(gap.empty() ? 0 : 1, t[i].space_before) << "token " << i;
        pos = t[i].end;
    }
    std::string tail = text.substr(pos);
    EXPECT_EQ(" ", tail);
}

TEST(Tokenize, SentenceIndexOfEveryTokenIsItsSentence) {
    std::string text = "One two. Three four! Five?";
    fl_test::Result res;
    ASSERT_EQ(FL_OK, res.analyze(nullptr, text));
    std::vector<fl_token> t = res.tokens();
    std::vector<fl_sentence> s = res.sentences();
    ASSERT_EQ(3u, s.size());
    for (size_t si = 0; si < s.size(); si++) {
        for (uint32_t k = s[si].first_token; k < s[si].first_token + s[si].n_tokens_all; k++) {
            EXPECT_EQ(si, t[k].sentence) << "token " << k;
        }
    }
}

// Each token as text/kind/space_before/newlines_before/code points, for whole-record checks.
static Strings records(const std::string &text) {
    Strings out;
    for (const fl_token &t : tokens_of(text)) {
        out.push_back(fl_test::slice(text, t.start, t.end) + "/" + std::to_string(t.kind) + "/" +
                      std::to_string(t.space_before) + "/" + std::to_string(t.newlines_before) +
                      "/" + std::to_string(t.cp_end - t.cp_start));
    }
    return out;
}

TEST(Tokenize, EveryRuleHoldsInsideALongText) {
    // Plain words and symbols take the plain loop (plain_words), but for the last token of a
    // text and any next to a stop, which the general path takes. Each case must cut the same
    // way with plain words around it (and the words around it must too).
    const std::string pad = "officials said on Monday that the";
    for (const char *c : {"the U.S.",
                          "e.g. Kiev",
                          "Jane.Doe@example.com",
                          "said.Brandt agreed",
                          "end.",
                          "a...b",
                          "3.5",
                          "1,000",
                          "1, 000",
                          "a,b",
                          "2009.",
                          "@user",
                          "user@",
                          "Kyiv's mayor",
                          "KYIV'S",
                          "Kiev`s",
                          "students' union",
                          "don't",
                          "Kiev-controlled",
                          "Kiev - regime",
                          "5-",
                          "\"(Kiev)\"!?",
                          "$5",
                          "e\xCC\x81tat",
                          "Ki\u00ADev",
                          "Kiev\xF0\x9F\x98\x80!",
                          "a.\xC3\xA9t\xC3\xA9",
                          "x,\xCC\x81",
                          "#\xCC\x81",
                          "abcdefghijklmnopqrstuvwxyz",
                          "Kiev\nregime",
                          "Kiev\r\n\r\nb",
                          "Kiev.\n",
                          "5th",
                          "e.g.",
                          "U.S",
                          "x\x01y",
                          "a\x7f"}) {
        Strings alone = records(c);
        Strings around = records(pad + " " + c + " " + pad);
        Strings pads = records(pad);
        ASSERT_EQ(alone.size() + 2 * pads.size(), around.size()) << c;
        for (size_t i = 0; i < alone.size(); i++) {
            std::string want = alone[i];
            if (i == 0) {
                want[want.find('/', want.find('/') + 1) + 1] = '1'; // a space now comes before it
            }
            EXPECT_EQ(want, around[pads.size() + i]) << c;
        }
        for (size_t i = 0; i < pads.size(); i++) {
            EXPECT_EQ(pads[i], around[i]) << c;
        }
    }
}

namespace {

// Every token record and the shape of its tokinfo (cp0 to the padding before id_fold), as
// bytes, from fl__tokenize or fl__tokenize_general.
struct Cut {
    std::vector<fl_token> tokens;
    std::vector<std::string> shapes;
};

Cut cut_with(fl_status (*tokenize)(const fl_allocator *, const uint8_t *, size_t, fl_vec *,
                                   fl_vec *),
             const std::string &text) {
    fl_allocator a;
    fl__alloc_init(&a, nullptr);
    fl_vec toks = {};
    fl_vec infos = {};
    Cut out;
    EXPECT_EQ(FL_OK, tokenize(&a, reinterpret_cast<const uint8_t *>(text.data()), text.size(),
                              &toks, &infos));
    const fl_token *t = static_cast<const fl_token *>(toks.data);
    const fl_tokinfo *k = static_cast<const fl_tokinfo *>(infos.data);
    for (size_t i = 0; i < toks.len; i++) {
        out.tokens.push_back(t[i]);
        out.shapes.emplace_back(reinterpret_cast<const char *>(&k[i]),
                                offsetof(fl_tokinfo, id_fold));
    }
    fl__vec_free(&a, &toks);
    fl__vec_free(&a, &infos);
    return out;
}

// fl__tokenize with its blocks classified with SSE2 or with AVX2 (where the CPU has it).
fl_status tokenize_sse2(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                        fl_vec *infos) {
    return fl__tokenize_with(a, text, len, toks, infos, FL_PLAIN_SSE2);
}
fl_status tokenize_avx2(const fl_allocator *a, const uint8_t *text, size_t len, fl_vec *toks,
                        fl_vec *infos) {
    return fl__tokenize_with(a, text, len, toks, infos, FL_PLAIN_AVX2);
}

std::string describe(const std::string &text, const fl_token &t) {
    return "'" + fl_test::slice(text, t.start, t.end) + "' at " + std::to_string(t.start) + "-" +
           std::to_string(t.end) + " cp " + std::to_string(t.cp_start) + "-" +
           std::to_string(t.cp_end) + " kind " + std::to_string(t.kind) + " space " +
           std::to_string(t.space_before) + " newlines " + std::to_string(t.newlines_before);
}

// The same records, byte for byte, from the general path and a fast one.
void same_cut(const std::string &text, const Cut &general, const Cut &fast) {
    ASSERT_EQ(general.tokens.size(), fast.tokens.size()) << text;
    for (size_t i = 0; i < fast.tokens.size(); i++) {
        ASSERT_EQ(0, std::memcmp(&general.tokens[i], &fast.tokens[i], sizeof(fl_token)))
            << "token " << i << ": general " << describe(text, general.tokens[i]) << ", fast "
            << describe(text, fast.tokens[i]) << " in '" << text << "'";
        ASSERT_EQ(general.shapes[i], fast.shapes[i])
            << "shape of token " << i << ": " << describe(text, fast.tokens[i]);
    }
}

} // namespace

TEST(Tokenize, PlainWordsCutAsTheGeneralPathDoes) {
    // plain_words cuts plain ASCII words and symbols from masks of 64-byte blocks and leaves
    // every stop (a byte past ASCII, a joiner, an apostrophe, a hyphen, other whitespace) to
    // the general path; the token before whitespace that is a stop (a line break) or at the
    // text's end it cuts itself. Texts glued from pieces of every kind, of up
    // to some hundred bytes and more, put each piece at every offset of a block and at the
    // text's end; each must give the same records, byte for byte, on every path (blocks of
    // SSE2 and of AVX2, where the CPU has it).
    const std::vector<std::string> pieces = {"Kiev",
                                             "officials",
                                             "said",
                                             "A",
                                             "z",
                                             "5",
                                             "2014",
                                             "5th",
                                             "x1y",
                                             "ABCDEFGHIJKLMNOP",
                                             std::string(70, 'w'),
                                             " ",
                                             " ",
                                             " ",
                                             "  ",
                                             "\n",
                                             "\r\n",
                                             "\t",
                                             "\n\n",
                                             ".",
                                             ",",
                                             "@",
                                             "'",
                                             "`",
                                             "-",
                                             "\"",
                                             "(",
                                             ")",
                                             "!",
                                             "?",
                                             "$",
                                             "#",
                                             ";",
                                             ":",
                                             "/",
                                             "_",
                                             "U.S.",
                                             "e.g.",
                                             "3.5",
                                             "1,000",
                                             "a,b",
                                             "x@y",
                                             "said.Brandt",
                                             "Kyiv's",
                                             "don't",
                                             "Kiev-controlled",
                                             "\xC3\xA9tat",
                                             "\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2",
                                             "\xE2\x80\x9C",
                                             "\xE2\x80\x9D",
                                             "\xE2\x80\x99",
                                             "\xE2\x80\x94",
                                             "e\xCC\x81",
                                             "\xF0\x9F\x98\x80",
                                             "\xC2\xA0",
                                             std::string("\0", 1),
                                             "\x01",
                                             "\x7F",
                                             "\xFF",
                                             "\x80",
                                             "#\xCC\x81"};
    std::mt19937 rng(20261205);
    size_t compared = 0;
    for (int round = 0; round < 3000; round++) {
        std::string text;
        size_t n = rng() % (round % 10 == 0 ? 400 : 60);
        for (size_t i = 0; i < n; i++) {
            text += pieces[rng() % pieces.size()];
        }
        Cut general = cut_with(fl__tokenize_general, text);
        for (auto path : {fl__tokenize, tokenize_sse2, tokenize_avx2}) {
            Cut fast = cut_with(path, text);
            ASSERT_NO_FATAL_FAILURE(same_cut(text, general, fast));
            compared += fast.tokens.size();
        }
    }
    EXPECT_GT(compared, 300000u); // the texts were long enough to reach plain_words' blocks
}

TEST(Tokenize, EveryByteIsClassifiedAsTheGeneralPathReadsIt) {
    // Each of the 256 bytes at every offset of a block, alone and between letters, digits,
    // spaces and joiners, on both paths of plain_words: the classes by nibble of the AVX2 one
    // must give the masks that SSE2's comparisons give.
    if (!fl__tokenize_has_avx2()) {
        std::printf("no AVX2 on this CPU: only the SSE2 blocks are compared\n");
    }
    const char *contexts[][2] = {{"a", "b"},  {"5", "7"},  {" ", " "}, {"a", " "},  {" ", "b"},
                                 {"a.", "b"}, {"a", ".b"}, {"", ""},   {"1,", "2"}, {"x@", "y"}};
    for (int b = 0; b < 256; b++) {
        for (const auto &ctx : contexts) {
            for (size_t at : {0, 1, 30, 31, 32, 33, 62, 63, 64, 90}) {
                std::string text = std::string(at, 'w') + " " + ctx[0] +
                                   std::string(1, static_cast<char>(b)) + ctx[1] + " tail words";
                Cut general = cut_with(fl__tokenize_general, text);
                for (auto path : {tokenize_sse2, tokenize_avx2}) {
                    ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)))
                        << "byte " << b;
                }
            }
        }
    }
}

TEST(Tokenize, PlainTokensTakeKindAndShapeFromTheirFirstByte) {
    // plain_words reads a token's kind and shape from a table by its first byte, and tells a
    // word of digits with a letter in it by the letters' mask: each ASCII byte first, before
    // letters, digits and digits with a letter further on, at offsets that put the token
    // across a block's end.
    const std::string tails[] = {"",
                                 "a",
                                 "Q",
                                 "7",
                                 "77x",
                                 "x77",
                                 std::string(40, '8') + "z",
                                 std::string(61, '5') + "K",
                                 std::string(70, '3')};
    for (int b = 0; b < 128; b++) {
        for (const auto &tail : tails) {
            for (size_t at : {0, 1, 2, 31, 62, 63, 64, 100}) {
                std::string text = std::string(at, 'w') + " " +
                                   std::string(1, static_cast<char>(b)) + tail + " end";
                Cut general = cut_with(fl__tokenize_general, text);
                for (auto path : {tokenize_sse2, tokenize_avx2}) {
                    ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)))
                        << "byte " << b;
                }
            }
        }
    }
}

TEST(Tokenize, PlainWordsGoThroughLineBreaks) {
    // plain_words goes on through a '\n' after a token it cut, with the ' ' and '\n' that
    // follow, and gives their count to the next token, its own or the general path's (a
    // quote, an apostrophe, other whitespace, a byte past ASCII after them), at every offset
    // of a block, up to more line breaks than newlines_before holds.
    const std::string befores[] = {"said.", "a", "5", ")", "x\r", "x\t", "x'", "\xE2\x80\x9D"};
    const std::string runs[] = {"\n",
                                "\n\n",
                                "\n \n",
                                " \n\n ",
                                "\n\n\n\n",
                                "\n\r\n",
                                "\n\t",
                                "\n \t\n",
                                std::string(254, '\n'),
                                std::string(255, '\n'),
                                std::string(300, '\n') + " ",
                                std::string(70, ' ') + "\n"};
    const std::string afters[] = {"The", "x", "7",  "(",         "\xE2\x80\x9CWe",
                                  "'s",  "-", "\n", "\xC3\xA9t", ""};
    for (const auto &before : befores) {
        for (const auto &run : runs) {
            for (const auto &after : afters) {
                for (size_t at : {0, 1, 30, 58, 60, 61, 62, 63, 64, 65}) {
                    std::string text = std::string(at, 'w') + " " + before + run + after + " end";
                    Cut general = cut_with(fl__tokenize_general, text);
                    for (auto path : {tokenize_sse2, tokenize_avx2}) {
                        ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)));
                    }
                }
            }
        }
    }
}

TEST(Tokenize, PlainWordsCutDashesAndQuotesAtTheirStop) {
    // Where a block stops at an em dash or a curly double quote (E2 80 94, 9C, 9D), or at a
    // '.', ',' or '@' just before one, plain_words cuts them itself unless a byte past ASCII
    // (a mark may be one) follows: the other characters of U+2000 to U+203F, sequences cut
    // short and what may come around them must give the general path's records on both block
    // paths, at every offset of a block's end.
    const std::string befores[] = {"said ", "said", "said.", "said,", "5,", "5.", "x@",
                                   "(",     "",     "\n",    ".",     "'",  "-"};
    const std::string afters[] = {
        "",  " ",  "We",       "\xCC\x81", "\xE2\x80\x9D",        "\xC3\xA9", ".", "'s",
        "-", "\n", "\xE2\x80", "5",        "\xE2\x80\x94\xCC\x81"};
    std::vector<std::string> marks = {"\xE2", "\xE2\x80", "\xE2\x81\x9C", "\xE3\x80\x9C"};
    for (int third : {0x80, 0x93, 0x94, 0x95, 0x98, 0x99, 0x9B, 0x9C, 0x9D, 0x9E, 0xA8, 0xBF}) {
        marks.push_back(std::string("\xE2\x80") + static_cast<char>(third));
    }
    for (const auto &mark : marks) {
        for (const auto &before : befores) {
            for (const auto &after : afters) {
                for (size_t at : {0, 1, 2, 57, 58, 59, 60, 61, 62, 63, 64}) {
                    std::string text = std::string(at, 'w') + " " + before + mark + after + " end";
                    Cut general = cut_with(fl__tokenize_general, text);
                    for (auto path : {tokenize_sse2, tokenize_avx2}) {
                        ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)));
                    }
                    text.resize(text.size() - 4); // at the text's end
                    general = cut_with(fl__tokenize_general, text);
                    for (auto path : {tokenize_sse2, tokenize_avx2}) {
                        ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)));
                    }
                }
            }
        }
    }
}

TEST(Tokenize, PlainWordsCutAWordAndWhatStopsItsBlock) {
    // Where a block stops at an apostrophe + s/S before a space, at a comma before an em
    // dash or a curly double quote, at a hyphen before an ASCII letter or digit, or at a
    // '.', ',' or '@' that an ASCII word may go on through ("U.S.", "1,000", "said.Brandt"),
    // plain_words cuts the word before it (ASCII letters and digits, a digit word with a
    // letter in it too) and what follows itself: near misses around them (another letter, a
    // mark, a line break, a digit after the comma, the text's end) must give the general
    // path's records on both block paths, with the word at every offset of a block's end.
    const std::string words[] = {"said",
                                 "Lind",
                                 "Kyiv",
                                 "s",
                                 "5",
                                 "2014",
                                 "5th",
                                 "x1y",
                                 "OK",
                                 "(",
                                 "U.S",
                                 "",
                                 std::string(40, 'q')};
    const std::string stops[] = {"'s ",
                                 "'S ",
                                 "'s",
                                 "'st ",
                                 "'s\n",
                                 "'s'",
                                 "'s-",
                                 "'s\xCC\x81 ",
                                 "'s\xC3\xA9",
                                 "`s ",
                                 "' s",
                                 ",\xE2\x80\x9D ",
                                 ",\xE2\x80\x9C",
                                 ",\xE2\x80\x94x",
                                 ",\xE2\x80\x9D\xCC\x81",
                                 ",\xE2\x80\x9D\xC3\xA9",
                                 ",\xE2\x80\x99 ",
                                 ",\xE2\x80",
                                 ",5",
                                 "-controlled",
                                 "-5 ",
                                 "-S",
                                 "- x",
                                 "-",
                                 "--x",
                                 "-\xC3\xA9",
                                 "-'s ",
                                 "-\xCC\x81",
                                 "-.x",
                                 ".S. ",
                                 ".S.",
                                 ".5 ",
                                 ",000 ",
                                 ",000,000.5 ",
                                 "@example.com ",
                                 "@example.com\n",
                                 ".Brandt agreed",
                                 ".Brandt",
                                 ".Brandt.",
                                 ".brandt ",
                                 ".S.\xC3\xA9",
                                 ".S\xC3\xA9",
                                 ".S'",
                                 ".S's ",
                                 ".5-",
                                 ".5\t",
                                 ".5\xCC\x81",
                                 ".5\xE2\x80\x8B",
                                 "..x",
                                 ".,5",
                                 ",,5",
                                 "@",
                                 "@@x",
                                 "@7 ",
                                 ",a",
                                 ".S.-x",
                                 ".S)",
                                 ",\xE2\x80\x9D,\xE2\x80\x9D"};
    for (const auto &word : words) {
        for (const auto &stop : stops) {
            for (size_t at = 0; at < 70; at++) {
                for (const char *lead : {" ", "\n", "-"}) {
                    std::string text = std::string(at, 'w') + lead + word + stop + " he said";
                    Cut general = cut_with(fl__tokenize_general, text);
                    for (auto path : {tokenize_sse2, tokenize_avx2}) {
                        ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)));
                    }
                    text.resize(text.size() - 8); // at the text's end
                    general = cut_with(fl__tokenize_general, text);
                    for (auto path : {tokenize_sse2, tokenize_avx2}) {
                        ASSERT_NO_FATAL_FAILURE(same_cut(text, general, cut_with(path, text)));
                    }
                }
            }
        }
    }
}

namespace {

// A Glagolitic letter of the same case for each basic Cyrillic one (U+0400..U+045F): cased
// letters too, but of three bytes, so that the tokeniser reads them a code point at a time.
char32_t glagolitic_for(char32_t c) {
    if (c < 0x400 || c >= 0x460) {
        return c;
    }
    return c < 0x430 ? U'\u2C00' + (c - 0x400) % 46 : U'\u2C30' + (c - 0x430) % 46;
}

} // namespace

// Runs of Cyrillic letters are taken two bytes at a time: the tokens, their code point
// offsets and shapes are those of the same texts in Glagolitic letters, which are read a code
// point at a time, in words mixing Cyrillic with ASCII, other Cyrillic characters (a mark, a
// sign), apostrophes, dots, hyphens, digits and emoji.
TEST(Tokenize, CyrillicRunsCutAsOtherLettersDo) {
    const std::u32string pieces[] = {U"Київ",   U"ПРАВИТЕЛЬСТВО",
                                     U"ёж",     U"Ѐѐ",
                                     U"й",      U"КиївNews",
                                     U"abcЖ",   U"и\u0306",
                                     U"\u0483", U"’",
                                     U"'",      U".",
                                     U"-",      U"—",
                                     U"2024",   U"Ѳ",
                                     U"Ҁ",      U"\U0001F600",
                                     U"\u00ad", U"\u0482",
                                     U",",      U"\n",
                                     U"»",      U"s"};
    const char32_t *gaps[] = {U" ", U"", U"", U"  ", U"\n"};
    std::mt19937 rng(2);
    for (int round = 0; round < 3000; round++) {
        std::u32string text;
        int n = 1 + static_cast<int>(rng() % 12);
        for (int i = 0; i < n; i++) {
            text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
            text += gaps[rng() % 5];
        }
        std::u32string other;
        for (char32_t c : text) {
            other += glagolitic_for(c);
        }
        std::string a = fl_test::utf8(text);
        Cut cyr = cut_with(fl__tokenize, a);
        Cut ref = cut_with(fl__tokenize, fl_test::utf8(other));
        ASSERT_EQ(ref.tokens.size(), cyr.tokens.size()) << a;
        for (size_t i = 0; i < cyr.tokens.size(); i++) {
            const fl_token &x = cyr.tokens[i];
            const fl_token &y = ref.tokens[i];
            EXPECT_EQ(y.cp_start, x.cp_start) << a;
            EXPECT_EQ(y.cp_end, x.cp_end) << a;
            EXPECT_EQ(y.kind, x.kind) << a;
            EXPECT_EQ(y.space_before, x.space_before) << a;
            EXPECT_EQ(y.newlines_before, x.newlines_before) << a;
            fl_tokinfo kx, ky;
            std::memcpy(&kx, cyr.shapes[i].data(), cyr.shapes[i].size());
            std::memcpy(&ky, ref.shapes[i].data(), ref.shapes[i].size());
            EXPECT_EQ(static_cast<int32_t>(glagolitic_for(static_cast<char32_t>(kx.cp0))), ky.cp0)
                << a;
            EXPECT_EQ(ky.ncp, kx.ncp) << a;
            EXPECT_EQ(ky.upper, kx.upper) << a;
            EXPECT_EQ(ky.lower, kx.lower) << a;
            EXPECT_EQ(ky.has_letter, kx.has_letter) << a;
            EXPECT_EQ(ky.all_digits, kx.all_digits) << a;
            EXPECT_EQ(ky.simple, kx.simple) << a;
        }
    }
}

// Inside a word of Cyrillic letters (taken two bytes at a time) every other character of two
// bytes keeps the word going or ends it by its class alone, as after any letter: letters,
// digits, marks and format characters stay in the word; the rest (spaces, apostrophes and
// hyphens aside, which have rules of their own) are tokens of their own.
TEST(Tokenize, ATwoByteCharacterAfterCyrillicLettersJoinsByItsClass) {
    for (char32_t c = 0x80; c < 0x800; c++) {
        fl_cclass k = fl__cclass(static_cast<int32_t>(c));
        if (k == FL_C_SPACE || k == FL_C_APOSTROPHE || k == FL_C_HYPHEN) {
            continue;
        }
        bool joins = k == FL_C_LETTER || k == FL_C_DIGIT || k == FL_C_MARK || k == FL_C_FORMAT;
        for (const char32_t *word : {U"Жж", U"a"}) {
            std::u32string text = std::u32string(word) + c + U"ж";
            Cut cut = cut_with(fl__tokenize, fl_test::utf8(text));
            EXPECT_EQ(joins ? 1u : 3u, cut.tokens.size())
                << "U+" << std::hex << static_cast<uint32_t>(c) << " after " << fl_test::utf8(word);
        }
    }
}

// The tokeniser reads the classes of U+2000 to U+203F (curly quotes, apostrophes, dashes)
// from a table of its own: it must be fl__cclass's.
TEST(Tokenize, GeneralPunctuationClassesAreTheDecodersOnes) {
    for (int32_t low = 0; low < 64; low++) {
        EXPECT_EQ(fl__cclass(0x2000 + low), fl__tokenize_punct_class[low])
            << "U+" << std::hex << 0x2000 + low;
    }
}

// A token that is no word (its first code point of no letter's or digit's class) is neither
// upper nor lower case: the general path leaves both 0 without asking.
TEST(Tokenize, NoCodePointOutsideTheWordClassesHasACase) {
    for (int32_t cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000) {
            continue;
        }
        fl_cclass k = fl__cclass(cp);
        if (k != FL_C_LETTER && k != FL_C_DIGIT) {
            ASSERT_FALSE(fl__is_upper(cp)) << "U+" << std::hex << cp;
            ASSERT_FALSE(fl__is_lower(cp)) << "U+" << std::hex << cp;
        }
    }
}

// No combining mark starts with a byte below 0xCC (the general path looks for marks after a
// symbol only from there): none below U+0300, nor U+FFFD (an invalid byte); and the marks
// from U+0300 on stay with the symbol before them.
TEST(Tokenize, MarksAfterASymbolStartFromU0300) {
    for (int32_t cp = 0; cp < 0x300; cp++) {
        EXPECT_NE(FL_C_MARK, fl__cclass(cp)) << "U+" << std::hex << cp;
    }
    EXPECT_NE(FL_C_MARK, fl__cclass(0xFFFD));
    for (char32_t m = 0x300; m < 0x370; m++) {
        std::string text = fl_test::utf8(std::u32string(U"a ") + U"\u201D" + m + U" b");
        EXPECT_EQ(3u, tokens_of(text).size()) << "U+" << std::hex << static_cast<uint32_t>(m);
        text = fl_test::utf8(std::u32string(U"a ,") + m + U" b");
        EXPECT_EQ(3u, tokens_of(text).size()) << "U+" << std::hex << static_cast<uint32_t>(m);
    }
}

// A token that starts in U+0400 to U+04FF (a word from U+0400 to U+047F is read without
// fl__cclass, and the case of U+0400 to U+045F from ranges) has the kind that the classes
// give it and the case of its Unicode category.
TEST(Tokenize, CyrillicFirstLettersHaveTheirClassAndCase) {
    for (char32_t c = 0x400; c < 0x500; c++) {
        std::string text = fl_test::utf8(std::u32string(U" ") + c + U"ж");
        Cut cut = cut_with(fl__tokenize, text);
        ASSERT_FALSE(cut.tokens.empty());
        fl_tokinfo k;
        std::memcpy(&k, cut.shapes[0].data(), cut.shapes[0].size());
        int32_t cp = static_cast<int32_t>(c);
        bool word = fl__cclass(cp) == FL_C_LETTER;
        EXPECT_EQ(cp, k.cp0) << "U+" << std::hex << cp;
        EXPECT_EQ(word, cut.tokens[0].kind == FL_TOKEN_WORD) << "U+" << std::hex << cp;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        EXPECT_EQ(word && upper, k.upper != 0) << "U+" << std::hex << cp;
        EXPECT_EQ(word && cat == UTF8PROC_CATEGORY_LL, k.lower != 0) << "U+" << std::hex << cp;
    }
}
