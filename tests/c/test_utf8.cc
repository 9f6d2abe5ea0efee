// test_utf8.cc: the UTF-8 decoder (utf8.c), seen through the token offsets of fl_analyze():
// byte offsets, and code point offsets in which every maximal invalid subpart is one U+FFFD
// (Python's errors="replace").
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "shim.h"

#include <utf8proc.h>

extern "C" {
#include "../../csrc/internal.h"  // fl__cclass is internal: checked directly
}

namespace {

using fl_test::Result;

std::vector<fl_token> tokens_of(const std::string &text) {
    Result res;
    EXPECT_EQ(FL_OK, res.status());
    EXPECT_EQ(FL_OK, res.analyze(nullptr, text)) << res.error().message;
    return res.tokens();
}

// The expected byte and code point ranges of one token.
struct Span {
    size_t start, end, cp_start, cp_end;
};

void expect_spans(const std::string &text, const std::vector<Span> &want) {
    std::vector<fl_token> got = tokens_of(text);
    ASSERT_EQ(want.size(), got.size()) << "tokens of a " << text.size() << "-byte text";
    for (size_t i = 0; i < want.size(); i++) {
        EXPECT_EQ(want[i].start, got[i].start) << "token " << i;
        EXPECT_EQ(want[i].end, got[i].end) << "token " << i;
        EXPECT_EQ(want[i].cp_start, got[i].cp_start) << "token " << i;
        EXPECT_EQ(want[i].cp_end, got[i].cp_end) << "token " << i;
    }
}

// Length of the sequence starting at s[i] under Unicode's Table 3-7 (well-formed UTF-8), or
// the length of its maximal subpart when it is ill-formed: written independently of the core
// as a table of byte ranges.
size_t reference_length(const std::string &s, size_t i) {
    struct Row {
        uint8_t lo0, hi0;
        uint8_t ranges[3][2];
        size_t n;
    };
    static const Row rows[] = {
        {0x00, 0x7F, {{0, 0}, {0, 0}, {0, 0}}, 1},
        {0xC2, 0xDF, {{0x80, 0xBF}, {0, 0}, {0, 0}}, 2},
        {0xE0, 0xE0, {{0xA0, 0xBF}, {0x80, 0xBF}, {0, 0}}, 3},
        {0xE1, 0xEC, {{0x80, 0xBF}, {0x80, 0xBF}, {0, 0}}, 3},
        {0xED, 0xED, {{0x80, 0x9F}, {0x80, 0xBF}, {0, 0}}, 3},
        {0xEE, 0xEF, {{0x80, 0xBF}, {0x80, 0xBF}, {0, 0}}, 3},
        {0xF0, 0xF0, {{0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}, 4},
        {0xF1, 0xF3, {{0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}, 4},
        {0xF4, 0xF4, {{0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}}, 4},
    };
    uint8_t b0 = static_cast<uint8_t>(s[i]);
    for (const Row &r : rows) {
        if (b0 < r.lo0 || b0 > r.hi0) {
            continue;
        }
        size_t k = 1;
        while (k < r.n && i + k < s.size()) {
            uint8_t b = static_cast<uint8_t>(s[i + k]);
            if (b < r.ranges[k - 1][0] || b > r.ranges[k - 1][1]) {
                break;
            }
            k++;
        }
        return k;
    }
    return 1;
}

// Code point index of every byte offset that starts a code point (-1 elsewhere), plus one
// entry for the end of the text.
std::vector<long> reference_cp_index(const std::string &s) {
    std::vector<long> at(s.size() + 1, -1);
    long cp = 0;
    size_t i = 0;
    while (i < s.size()) {
        at[i] = cp++;
        i += reference_length(s, i);
    }
    at[s.size()] = cp;
    return at;
}

} // namespace

TEST(Utf8, AsciiCodePointOffsetsEqualByteOffsets) {
    expect_spans("ab cd", {{0, 2, 0, 2}, {3, 5, 3, 5}});
}

TEST(Utf8, MultiByteLettersCountOnce) {
    // "Київ є": К и ї в are two bytes each, the space one, є two.
    expect_spans("Київ є", {{0, 8, 0, 4}, {9, 11, 5, 6}});
}

TEST(Utf8, FourByteCharacterCountsOnce) {
    // U+1F600 (4 bytes), a space, "a".
    expect_spans("\xF0\x9F\x98\x80 a", {{0, 4, 0, 1}, {5, 6, 2, 3}});
}

TEST(Utf8, WhitespaceCodePointsAreCountedBetweenTokens) {
    // NBSP (2 bytes) and U+3000 IDEOGRAPHIC SPACE (3 bytes) separate tokens and still count.
    expect_spans("a\u00A0b\u3000c", {{0, 1, 0, 1}, {3, 4, 2, 3}, {7, 8, 4, 5}});
}

TEST(Utf8, TruncatedSequenceAtTheEndIsOneCodePoint) {
    // "\xE2\x82" is the start of U+20AC cut short: one U+FFFD for both bytes.
    expect_spans("\xE2\x82", {{0, 2, 0, 1}});
    expect_spans("ab \xE2\x82", {{0, 2, 0, 2}, {3, 5, 3, 4}});
}

TEST(Utf8, TruncatedSequenceBeforeAsciiIsOneCodePoint) {
    // The "x" is not swallowed: U+FFFD (2 bytes) then the word "x".
    expect_spans("\xE2\x82x", {{0, 2, 0, 1}, {2, 3, 1, 2}});
}

TEST(Utf8, TruncatedFourByteSequenceIsOneCodePoint) {
    expect_spans("\xF0\x9F\x98 a", {{0, 3, 0, 1}, {4, 5, 2, 3}});
}

TEST(Utf8, OverlongEncodingIsOneCodePointPerByte) {
    // C0 can never start a sequence; AF is a lone continuation byte: two U+FFFD.
    expect_spans("\xC0\xAF", {{0, 1, 0, 1}, {1, 2, 1, 2}});
    // E0 80 80: E0 needs A0..BF next, so each byte is its own maximal subpart.
    expect_spans("\xE0\x80\x80", {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}});
    expect_spans("\xF0\x80\x80\x80", {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}, {3, 4, 3, 4}});
}

TEST(Utf8, EncodedSurrogateIsOneCodePointPerByte) {
    // ED A0 80 would be U+D800: ED allows only 80..9F next.
    expect_spans("\xED\xA0\x80", {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}});
}

TEST(Utf8, BeyondU10FFFFIsOneCodePointPerByte) {
    expect_spans("\xF4\x90\x80\x80", {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}, {3, 4, 3, 4}});
}

TEST(Utf8, InvalidLeadBytesAreOneCodePointEach) {
    expect_spans("\xFF\xFE\xF5", {{0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}});
    expect_spans("\x80\xBF", {{0, 1, 0, 1}, {1, 2, 1, 2}});
}

TEST(Utf8, BoundaryScalarValuesAreOneCodePoint) {
    // U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF: the edges of the valid ranges.
    for (const char *s : {"\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD",
                          "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
        std::string text = s;
        std::vector<fl_token> toks = tokens_of(text);
        ASSERT_EQ(1u, toks.size()) << text.size() << "-byte scalar";
        EXPECT_EQ(0u, toks[0].start);
        EXPECT_EQ(text.size(), toks[0].end);
        EXPECT_EQ(0u, toks[0].cp_start);
        EXPECT_EQ(1u, toks[0].cp_end);
    }
}

TEST(Utf8, InvalidByteInsideAWordSplitsIt) {
    // U+FFFD is not a letter, so it is a token of its own between two words.
    std::string text = "Ki\xFFsk";
    std::vector<fl_token> toks = tokens_of(text);
    ASSERT_EQ(3u, toks.size());
    EXPECT_EQ(FL_TOKEN_WORD, toks[0].kind);
    EXPECT_EQ(FL_TOKEN_PUNCT, toks[1].kind);
    EXPECT_EQ(FL_TOKEN_WORD, toks[2].kind);
    EXPECT_EQ(3u, toks[2].cp_start);
}

TEST(Utf8, LoneContinuationByteIsNotNextLine) {
    // 0x85 alone is an invalid byte (U+FFFD), not U+0085 NEXT LINE; the valid C2 85 is.
    std::vector<fl_token> lone = tokens_of("a\x85z");
    ASSERT_EQ(3u, lone.size());
    EXPECT_EQ(1u, lone[1].start);
    std::vector<fl_token> nel = tokens_of("a\xC2\x85z");
    ASSERT_EQ(2u, nel.size());
    EXPECT_EQ(1u, nel[1].newlines_before);
    // The same for A0: alone it is a token, after C2 it is NO-BREAK SPACE.
    EXPECT_EQ(3u, tokens_of("a\xA0z").size());
    EXPECT_EQ(2u, tokens_of("a\xC2\xA0z").size());
}

TEST(Utf8, NulInsideTheTextIsAnOrdinaryCharacter) {
    std::string text("a\0b c", 5);
    std::vector<fl_token> toks = tokens_of(text);
    ASSERT_EQ(4u, toks.size());
    EXPECT_EQ(1u, toks[1].start);
    EXPECT_EQ(2u, toks[1].end);
    EXPECT_EQ(FL_TOKEN_PUNCT, toks[1].kind);
    EXPECT_EQ(4u, toks[3].start);
    EXPECT_EQ(4u, toks[3].cp_start);
}

TEST(Utf8, TextEndingInsideASequenceIsNotReadPastItsLength) {
    // The text sits at the very end of a heap block, so ASan sees any read past len.
    for (std::string tail : {"\xE2", "\xE2\x82", "\xF0\x9F", "\xF0\x9F\x98", "\xC3", "Kiev'",
                             "Kiev\xE2\x80", "a.", "1,", "a\xCC"}) {
        std::vector<char> buf(tail.begin(), tail.end());
        Result res;
        ASSERT_EQ(FL_OK, res.analyze(nullptr, buf.data(), buf.size())) << res.error().message;
        std::vector<fl_token> toks = res.tokens();
        ASSERT_FALSE(toks.empty());
        EXPECT_EQ(buf.size(), toks.back().end);
    }
}

TEST(Utf8, CodePointOffsetsAgreeWithAReferenceDecoderOnRandomBytes) {
    // Random texts mixing valid characters, spaces and every kind of invalid byte: each token
    // must start and end on a code point boundary of the reference decoder, at its index.
    // A table of pieces, one kind of valid or invalid sequence each.
    // clang-format off
    const std::vector<std::string> pieces = {
        "a", "Z", "7", " ", "\n", ".", "'", "-", "\xC3\xA9", "\xD0\x99", "\xE2\x80\x99",
        "\xE2\x80\x94", "\xC2\xA0", "\xF0\x9F\x98\x80", "\xCC\x81", "\xEF\xB8\x8F", "\x80",
        "\xBF", "\xC0", "\xC1", "\xC2", "\xE0", "\xE0\xA0", "\xED", "\xED\xA0", "\xF0",
        "\xF0\x90", "\xF0\x90\x80", "\xF4\x90", "\xF5", "\xFF", std::string("\0", 1)};
    // clang-format on
    std::mt19937 rng(12345);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(1, 60);
    for (int round = 0; round < 2000; round++) {
        std::string text;
        int n = length(rng);
        for (int i = 0; i < n; i++) {
            text += pieces[pick(rng)];
        }
        std::vector<long> at = reference_cp_index(text);
        std::vector<fl_token> toks = tokens_of(text);
        size_t prev_end = 0;
        for (size_t t = 0; t < toks.size(); t++) {
            const fl_token &k = toks[t];
            ASSERT_LE(prev_end, k.start) << "round " << round << " token " << t;
            ASSERT_LT(k.start, k.end) << "round " << round << " token " << t;
            ASSERT_LE(k.end, text.size()) << "round " << round << " token " << t;
            ASSERT_GE(at[k.start], 0)
                << "round " << round << ": token " << t << " starts inside a code point";
            ASSERT_GE(at[k.end], 0)
                << "round " << round << ": token " << t << " ends inside a code point";
            ASSERT_EQ(static_cast<size_t>(at[k.start]), k.cp_start)
                << "round " << round << " token " << t;
            ASSERT_EQ(static_cast<size_t>(at[k.end]), k.cp_end)
                << "round " << round << " token " << t;
            prev_end = k.end;
        }
    }
}

// fl__cclass answers Latin-1's letters, the Cyrillic block and U+2014 to U+201F from ranges
// of its own: each code point there has the class its Unicode category gives (the quotation
// marks U+2018 and U+2019 are apostrophes).
TEST(Utf8, ClassRangesAgreeWithUnicodeCategories) {
    const int32_t ranges[][2] = {{0xC0, 0xFF}, {0x400, 0x4FF}, {0x2014, 0x201F}};
    for (const auto &r : ranges) {
        for (int32_t cp = r[0]; cp <= r[1]; cp++) {
            fl_cclass want = cp == 0x2018 || cp == 0x2019 ? FL_C_APOSTROPHE
                                                          : fl__cclass_by_category(cp);
            EXPECT_EQ(want, fl__cclass(cp)) << "U+" << std::hex << cp;
        }
    }
    EXPECT_EQ(FL_C_LETTER, fl__cclass(0x0436));  // ж
    EXPECT_EQ(FL_C_MARK, fl__cclass(0x0483));    // combining titlo
    EXPECT_EQ(FL_C_OTHER, fl__cclass(0x00D7));   // ×
    EXPECT_EQ(FL_C_OTHER, fl__cclass(0x201C));   // left double quotation mark
}

// fl__is_upper and fl__is_lower answer ASCII and Cyrillic's basic letters (U+0400..U+045F)
// from ranges of their own: every code point has the case its Unicode category gives.
TEST(Utf8, CaseRangesAgreeWithUnicodeCategories) {
    for (int32_t cp = 0; cp < 0x800; cp++) {
        utf8proc_category_t c = utf8proc_category(cp);
        EXPECT_EQ(c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT, fl__is_upper(cp))
            << "U+" << std::hex << cp;
        EXPECT_EQ(c == UTF8PROC_CATEGORY_LL, fl__is_lower(cp)) << "U+" << std::hex << cp;
    }
}
