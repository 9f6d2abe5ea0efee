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

namespace {

// context.c's quotation_crosses() as it was first written: a closing mark in sentence si
// or in the next one that opened before its own sentence, or a quoted first token of the
// next sentence, read from the voice records.
bool crosses_reference(const fl_result *r, size_t si) {
    const fl_sentence *s = static_cast<const fl_sentence *>(r->sentences.data);
    const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
    size_t a = s[si].first_token;
    size_t b = a + s[si].n_tokens_all;
    size_t next_b = si + 1 < r->sentences.len ? b + s[si + 1].n_tokens_all : b;
    for (size_t i = a; i < next_b; i++) {
        uint32_t o = v[i].opened;
        if (o != UINT32_MAX && o < (i < b ? a : b)) {
            return true;
        }
    }
    return b < r->tokens.len && v[b].quoted;
}

} // namespace

// quotes.c notes in each sentence's summary a closing mark whose quotation opened in an
// earlier sentence (sentence_cues.closes_earlier), which context.c reads instead of scanning
// the tokens: the two agree on every sentence of generated texts with marks of every kind.
TEST(Quotes, TheSentencesAQuotationCrossesAgreeWithTheTokensOnGeneratedTexts) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {
        "\"", "\"",  "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2039", "\u203a", "'",
        "''", "``",  "\u2018", "\u2019", "\u201a", ".",      ". ",     ".\n",    "\n\n",   "!",
        "?",  ",",   "=",      "said",   "he",     "the",    "Kiev",   "regime", "Nazis",  "wrote",
        "It", "was", "a",      "lie",    "'90s",   "Kyiv's", "-",      ":",      "\u2014", "(",
        ")",  "Mr.", "U.S.",   "told",   "them",   "claims"};
    fl_test::WordTexts texts(words, 0x243F6A8885A308D3u);
    fl_test::Result res;
    size_t sentences = 0;
    size_t crossing = 0;
    for (int text_i = 0; text_i < 6000; text_i++) {
        std::string text = texts.text(4, 40, 3);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        const fl_result *r = res.get();
        ASSERT_EQ(r->sentences.len, r->sentence_cues.len);
        const sentence_cues *sc = static_cast<const sentence_cues *>(r->sentence_cues.data);
        const fl_sentence *s = static_cast<const fl_sentence *>(r->sentences.data);
        for (size_t si = 0; si < r->sentences.len; si++) {
            size_t b = s[si].first_token + s[si].n_tokens_all;
            bool got = sc[si].closes_earlier ||
                       (si + 1 < r->sentences.len && sc[si + 1].closes_earlier) ||
                       (b < r->tokens.len && static_cast<const fl_vtok *>(r->vtoks.data)[b].quoted);
            bool want = crosses_reference(r, si);
            ASSERT_EQ(want, got) << "sentence " << si << " of: " << text;
            sentences++;
            crossing += want;
        }
    }
    EXPECT_GE(sentences, 10000u);
    EXPECT_GE(crossing, 1000u);
    EXPECT_GE(sentences - crossing, 1000u);
}

namespace {

// The quotation state of a text: every token's quoted, opened and said_bits, each
// sentence's closes_earlier, and the short quotations.
struct QuoteState {
    std::vector<uint32_t> tokens;
    std::vector<uint8_t> sentences;
    std::vector<uint32_t> scares;
    bool operator==(const QuoteState &o) const {
        return tokens == o.tokens && sentences == o.sentences && scares == o.scares;
    }
};

// fl__find_quotes again over an analysed text, from the records as the fill left them,
// reading the tokens of marks (decreasing).
QuoteState find_quotes_again(const fl_lexicon *lex, const std::string &text, fl_result *r,
                             const std::vector<uint32_t> &marks) {
    fl_vtok *v = static_cast<fl_vtok *>(r->vtoks.data);
    sentence_cues *sc = static_cast<sentence_cues *>(r->sentence_cues.data);
    for (size_t i = 0; i < r->vtoks.len; i++) {
        v[i].quoted = 0;
        v[i].opened = UINT32_MAX;
        v[i].said_bits = v[i].cue != nullptr ? v[i].cue->bits : 0;
    }
    for (size_t si = 0; si < r->sentence_cues.len; si++) {
        sc[si].closes_earlier = 0;
    }
    ctx c{};
    c.lex = lex;
    c.res = r;
    c.text = reinterpret_cast<const uint8_t *>(text.data());
    c.t = static_cast<const fl_token *>(r->tokens.data);
    c.k = static_cast<const fl_tokinfo *>(r->infos.data);
    c.v = v;
    c.folded = static_cast<const uint8_t *>(r->folded.data);
    c.n = r->tokens.len;
    fl_vec scares = {};
    QuoteState out;
    EXPECT_EQ(FL_OK,
              fl__find_quotes(&c, &scares, marks.empty() ? nullptr : marks.data(), marks.size()));
    for (size_t i = 0; i < r->vtoks.len; i++) {
        out.tokens.push_back(v[i].quoted);
        out.tokens.push_back(v[i].opened);
        out.tokens.push_back(v[i].said_bits);
    }
    for (size_t si = 0; si < r->sentence_cues.len; si++) {
        out.sentences.push_back(sc[si].closes_earlier);
    }
    const scare *s = static_cast<const scare *>(scares.data);
    for (size_t i = 0; i < scares.len; i++) {
        out.scares.push_back(s[i].open);
        out.scares.push_back(s[i].close);
    }
    fl__vec_free(&r->alloc, &scares);
    return out;
}

} // namespace

// context.c hands quotes.c the quotation marks (the punctuation tokens of PUNCT_QUOTE) to
// read, not every token: the answer is that of every token, on generated texts with marks of
// every kind, and the list is what context.c stored.
TEST(Quotes, ReadingOnlyTheMarksAgreesWithReadingEveryToken) {
    fl_test::Lexicon lex(kLexicon);
    ASSERT_EQ(FL_OK, lex.status()) << lex.error().message;
    const char *const words[] = {
        "\"",   "\"",       "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2039", "\u203a",
        "'",    "''",       "``",     "`",      "\u2018", "\u2019", "\u201a", ".",      ". ",
        ".\n",  "\n\n",     "!",      "?",      ",",      "=",      "href=",  "said",   "he",
        "the",  "Kiev",     "regime", "Nazis",  "wrote",  "It",     "was",    "a",      "lie",
        "'90s", "\u201808", "Kyiv's", "-",      ":",      "\u2014", "(",      ")",      "Mr.",
        "told", "them",     "claims", "[",      "]"};
    fl_test::WordTexts texts(words, 0xA4093822299F31D0u);
    fl_test::Result res;
    size_t quoted = 0;
    size_t scares = 0;
    for (int text_i = 0; text_i < 6000; text_i++) {
        std::string text = texts.text(4, 40, 3);
        ASSERT_EQ(FL_OK, res.analyze(lex, text)) << res.error().message;
        fl_result *r = res.get();
        const fl_token *t = static_cast<const fl_token *>(r->tokens.data);
        const fl_tokinfo *k = static_cast<const fl_tokinfo *>(r->infos.data);
        size_t n = r->tokens.len;
        std::vector<uint32_t> marks;
        std::vector<uint32_t> every;
        for (size_t i = n; i > 0; i--) {
            if (t[i - 1].kind == FL_TOKEN_PUNCT && (punct_class(k[i - 1].cp0) & PUNCT_QUOTE)) {
                marks.push_back(static_cast<uint32_t>(i - 1));
            }
            every.push_back(static_cast<uint32_t>(i - 1));
        }
        // what context.c stored at the top of cue_tokens' room
        const uint32_t *stored = static_cast<const uint32_t *>(r->cue_tokens.data);
        for (size_t j = 0; j < marks.size(); j++) {
            ASSERT_EQ(marks[j], stored[n - marks.size() + j]) << text;
        }
        QuoteState by_marks = find_quotes_again(lex, text, r, marks);
        QuoteState by_every = find_quotes_again(lex, text, r, every);
        ASSERT_TRUE(by_marks == by_every) << text;
        for (size_t i = 0; i < n; i++) {
            quoted += by_marks.tokens[3 * i];
        }
        // the short quotations by their definition: every quotation a closing mark pairs
        // with (not an orphan's, whose opening was lost, nor the second of ''), of one to
        // three words and word-like tokens only, within a sentence
        const fl_vtok *v = static_cast<const fl_vtok *>(r->vtoks.data);
        std::vector<uint32_t> want;
        for (size_t close = 1; close < n; close++) {
            size_t open = v[close].opened;
            if (open == UINT32_MAX || v[close - 1].opened == open ||
                !(punct_class(k[open].cp0) & PUNCT_QUOTE) || t[open].kind != FL_TOKEN_PUNCT ||
                (k[open].cp0 == '`' && (open == 0 || k[open - 1].cp0 != '`'))) {
                continue;
            }
            size_t words = 0;
            bool simple = true;
            for (size_t j = open + 1; j < close; j++) {
                words += t[j].kind == FL_TOKEN_WORD;
                simple = simple && (t[j].kind == FL_TOKEN_WORD || t[j].kind == FL_TOKEN_CLITIC ||
                                    t[j].kind == FL_TOKEN_HYPHEN);
            }
            if (simple && words >= 1 && words <= 3 && t[open].sentence == t[close].sentence) {
                want.push_back(static_cast<uint32_t>(open));
                want.push_back(static_cast<uint32_t>(close));
            }
        }
        std::vector<uint32_t> got = by_marks.scares;
        ASSERT_EQ(want, got) << text;
        scares += by_marks.scares.size() / 2;
    }
    EXPECT_GE(quoted, 20000u);
    EXPECT_GE(scares, 500u);
}
