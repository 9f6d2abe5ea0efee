// test_fold.cc: fl_fold() (fold.c): case folding, diacritics, Cyrillic exceptions, apostrophe
// and hyphen variants, ignorable characters, and the needed-size protocol; the forms of a
// token by each of fold.c's paths.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "shim.h"

extern "C" {
#include "../../csrc/internal.h" // fl__fold_token_pair is internal: compared with folding whole
}

using fl_test::fold;

TEST(Fold, LatinCaseIsFolded) {
    EXPECT_EQ("kiev", fold("KIEV"));
    EXPECT_EQ("kiev", fold("Kiev"));
    EXPECT_EQ("kiev", fold("kiev"));
}

TEST(Fold, CyrillicCaseIsFolded) {
    EXPECT_EQ("київ", fold("Київ"));
    EXPECT_EQ("київ", fold("КИЇВ"));
    EXPECT_EQ("москва", fold("МОСКВА"));
}

TEST(Fold, GreekCaseIsFoldedAndAccentsRemoved) {
    EXPECT_EQ("ελλαδα", fold("Ελλάδα"));
    EXPECT_EQ("ελλαδα", fold("ΕΛΛΆΔΑ"));
    // Final sigma folds to sigma.
    EXPECT_EQ(fold("ΟΔΟΣ"), fold("οδος"));
    EXPECT_EQ(fold("οδοσ"), fold("οδος"));
}

TEST(Fold, FullCaseFoldingExpandsSharpS) {
    EXPECT_EQ("strasse", fold("Straße"));
    EXPECT_EQ(fold("STRASSE"), fold("straße"));
}

TEST(Fold, PrecomposedAndDecomposedAccentsFoldAlike) {
    // "état" = "etat" = "e" + U+0301 + "tat".
    EXPECT_EQ("etat", fold("état"));
    EXPECT_EQ("etat", fold("e\xCC\x81tat"));
    EXPECT_EQ("etat", fold("ÉTAT"));
    EXPECT_EQ("etat", fold("E\xCC\x81TAT"));
}

TEST(Fold, LatinDiacriticsAreRemoved) {
    EXPECT_EQ("viet nam", fold("Việt Nam"));
    // Ł has no canonical decomposition, so it keeps its stroke; ó and ź lose their accents.
    EXPECT_EQ("łodz", fold("Łódź"));
    EXPECT_EQ("zurich", fold("Zürich"));
    EXPECT_EQ("sao paulo", fold("São Paulo"));
    EXPECT_EQ("cesky", fold("Český"));
}

TEST(Fold, CyrillicShortIKeepsItsBreve) {
    // й is not и (in both cases, precomposed or decomposed).
    EXPECT_EQ("й", fold("й"));
    EXPECT_EQ("й", fold("Й"));
    EXPECT_EQ("й", fold("\xD0\xB8\xCC\x86")); // и + U+0306
    EXPECT_NE(fold("й"), fold("и"));
    EXPECT_EQ("район", fold("Район"));
}

TEST(Fold, UkrainianYiKeepsItsDiaeresis) {
    EXPECT_EQ("ї", fold("Ї"));
    EXPECT_NE(fold("ї"), fold("і"));
}

TEST(Fold, CyrillicYoBecomesYe) {
    EXPECT_EQ("елка", fold("ёлка"));
    EXPECT_EQ("елка", fold("Ёлка"));
    EXPECT_EQ("елка", fold("\xD0\xB5\xCC\x88лка")); // е + U+0308
    EXPECT_EQ("еж", fold("ЁЖ"));
}

TEST(Fold, ApostropheVariantsBecomeAscii) {
    for (const char *apo : {"'", "\xE2\x80\x99", "\xCA\xBC", "\xE2\x80\x98", "`"}) {
        EXPECT_EQ("d'etat", fold(std::string("d") + apo + "état")) << "apostrophe " << apo;
    }
    EXPECT_EQ("мар'янка", fold("Мар’янка"));
}

TEST(Fold, HyphenVariantsInsideWordsBecomeAscii) {
    for (const char *h : {"-", "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93"}) {
        EXPECT_EQ("pro-russian", fold(std::string("pro") + h + "Russian")) << "hyphen " << h;
    }
}

TEST(Fold, EmDashIsNotAHyphenVariant) {
    // matching.md lists - ‐ ‑ ‒ – as the hyphens; — (U+2014) stays what it is.
    EXPECT_EQ("a\u2014b", fold("a\u2014b"));
}

TEST(Fold, SoftHyphenIsDropped) {
    EXPECT_EQ("kiev", fold("Ki\u00ADev"));
    EXPECT_EQ("київ", fold("Ки\u00ADїв"));
}

TEST(Fold, FormatCharactersAreDropped) {
    // ZERO WIDTH JOINER, ZERO WIDTH SPACE, WORD JOINER, LEFT-TO-RIGHT MARK: category Cf.
    EXPECT_EQ("kiev", fold("Ki\u200Dev"));
    EXPECT_EQ("kiev", fold("Ki\u200Bev"));
    EXPECT_EQ("kiev", fold("Ki\u2060ev"));
    EXPECT_EQ("kiev", fold("\u200EKiev"));
}

TEST(Fold, DefaultIgnorableNonFormatCharactersAreDropped) {
    // framelens.h: "default-ignorable characters dropped". U+034F COMBINING GRAPHEME JOINER
    // and U+FE0F VARIATION SELECTOR-16 are Default_Ignorable_Code_Point but not Cf.
    EXPECT_EQ("київ", fold("Ки\u034Fїв"));
    EXPECT_EQ("\xE2\x9D\xA4", fold("\xE2\x9D\xA4\xEF\xB8\x8F")); // ❤ + VS16
}

TEST(Fold, InvalidBytesBecomeReplacementCharacters) {
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ("a" + fffd + "z", fold("a\xC0z"));
    EXPECT_EQ(fffd, fold("\xE2\x82"));
    EXPECT_EQ(fffd + "x", fold("\xE2\x82x"));
    EXPECT_EQ(fffd + fffd + fffd, fold("\xED\xA0\x80"));
    EXPECT_EQ("kiev" + fffd, fold("KIEV\xFF"));
}

TEST(Fold, NulIsKept) {
    EXPECT_EQ(std::string("a\0b", 3), fold(std::string("A\0B", 3)));
    EXPECT_EQ(std::string("\xD0\xBA\0", 3), fold(std::string("\xD0\x9A\0", 3)));
}

TEST(Fold, EmptyTextFoldsToNothing) {
    size_t needed = 99;
    EXPECT_EQ(FL_OK, fl_fold("", 0, nullptr, 0, &needed, nullptr));
    EXPECT_EQ(0u, needed);
    needed = 99;
    EXPECT_EQ(FL_OK, fl_fold(nullptr, 0, nullptr, 0, &needed, nullptr));
    EXPECT_EQ(0u, needed);
}

TEST(Fold, FoldingIsIdempotent) {
    for (const char *s : {"KIEV", "Ελλάδα", "Straße", "e\xCC\x81tat", "Ёлка", "D’état",
                          "pro\xE2\x80\x91Russian", "Ki\u00ADev", "Київ", "ǅemal", "İstanbul"}) {
        std::string once = fold(s);
        EXPECT_EQ(once, fold(once)) << s;
    }
}

TEST(Fold, ResultIsNfc) {
    // Cyrillic keeps its marks, recomposed: й is the two bytes D0 B9, not и + U+0306.
    EXPECT_EQ("\xD0\xB9", fold("\xD0\x99"));
    EXPECT_EQ("\xD1\x97", fold("\xD1\x96\xCC\x88")); // і + U+0308 = ї
}

TEST(Fold, NeededSizeWithZeroCapacity) {
    std::string text = "ÉTAT";
    size_t needed = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), nullptr, 0, &needed, nullptr));
    EXPECT_EQ(4u, needed); // "etat"
}

TEST(Fold, ShortBufferGetsAPrefixAndTheFullSize) {
    std::string text = "KIEV REGIME";
    char buf[8];
    std::memset(buf, '#', sizeof buf);
    size_t needed = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), buf, 4, &needed, nullptr));
    EXPECT_EQ(11u, needed);
    EXPECT_EQ("kiev", std::string(buf, 4));
    // Nothing past cap is touched.
    for (size_t i = 4; i < sizeof buf; i++) {
        EXPECT_EQ('#', buf[i]) << "byte " << i << " written past cap";
    }
    // Called again with the size it asked for, it writes everything.
    std::vector<char> full(needed);
    size_t again = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), full.data(), full.size(), &again, nullptr));
    EXPECT_EQ(needed, again);
    EXPECT_EQ("kiev regime", std::string(full.data(), full.size()));
}

TEST(Fold, ShortBufferWithMultiByteOutputStaysInsideCap) {
    std::string text = "КИЇВ"; // folds to 8 bytes
    char buf[6];
    std::memset(buf, '#', sizeof buf);
    size_t needed = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), buf, 3, &needed, nullptr));
    EXPECT_EQ(8u, needed);
    EXPECT_EQ(std::string("київ").substr(0, 3), std::string(buf, 3));
    EXPECT_EQ('#', buf[3]);
}

TEST(Fold, ExactCapacityHoldsTheWholeResult) {
    std::string text = "Ελλάδα";
    size_t needed = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), nullptr, 0, &needed, nullptr));
    std::vector<char> buf(needed + 4, '#');
    size_t again = 0;
    ASSERT_EQ(FL_OK, fl_fold(text.data(), text.size(), buf.data(), needed, &again, nullptr));
    EXPECT_EQ(needed, again);
    EXPECT_EQ("ελλαδα", std::string(buf.data(), needed));
    EXPECT_EQ('#', buf[needed]);
}

TEST(Fold, InputNeedNotBeNulTerminated) {
    std::string text = "KIEVXXXX";
    std::vector<char> exact(text.begin(), text.begin() + 4); // heap block of exactly 4 bytes
    size_t needed = 0;
    char out[16];
    ASSERT_EQ(FL_OK, fl_fold(exact.data(), exact.size(), out, sizeof out, &needed, nullptr));
    EXPECT_EQ("kiev", std::string(out, needed));
    std::vector<char> cyr = {'\xD0', '\x9A'}; // "К", nothing after it
    ASSERT_EQ(FL_OK, fl_fold(cyr.data(), cyr.size(), out, sizeof out, &needed, nullptr));
    EXPECT_EQ("к", std::string(out, needed));
}

TEST(Fold, InvalidArguments) {
    size_t needed = 0;
    char out[4];
    EXPECT_EQ(FL_ERR_ARG, fl_fold("abc", 3, out, sizeof out, nullptr, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_fold(nullptr, 3, out, sizeof out, &needed, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_fold("abc", 3, nullptr, 4, &needed, nullptr));
}

// ---------------------------------------------------------------- tokens (fold.c, internal)

namespace {

// fl__fold_token of one mode, as a string.
std::string fold_whole(const fl_allocator *a, fl_vec *scratch, const std::string &t, uint8_t kind,
                       fl_fold_mode mode) {
    fl_vec out = {nullptr, 0, 0};
    EXPECT_EQ(FL_OK, fl__fold_token(a, scratch, reinterpret_cast<const uint8_t *>(t.data()),
                                    t.size(), kind, mode, &out));
    std::string s(static_cast<const char *>(out.data), out.len);
    fl__vec_free(a, &out);
    return s;
}

} // namespace

// The two forms fl__fold_token_pair gives a token (by the ASCII pass, the table of characters
// below U+0800, the cache of recent tokens or utf8proc) are fl__fold_token's of each mode, for
// words of any characters: ASCII, every two-byte character (letters, marks, format and
// ignorable characters, apostrophe and hyphen variants), and some beyond, in any order.
TEST(FoldTokenPair, EveryPathGivesTheFormsOfFoldingWhole) {
    fl_allocator a;
    fl__alloc_init(&a, nullptr);
    fl_vec scratch = {nullptr, 0, 0};
    fl_vec out = {nullptr, 0, 0};
    fl_fold_cache *cache = nullptr;
    std::vector<char32_t> pool;
    for (char32_t c = 0x21; c < 0x800; c++) {
        pool.push_back(c);
    }
    for (char32_t c = 0x2000; c < 0x2080; c++) { // General Punctuation: the punctuation table
        pool.push_back(c);
    }
    for (char32_t c : {U'\u1e9e', U'\u4e2d', U'\U0001F600'}) {
        pool.push_back(c);
    }
    std::mt19937 rng(38);
    std::vector<std::string> tokens;
    for (char32_t c : pool) {
        tokens.push_back(fl_test::utf8(c)); // each character alone
    }
    for (int i = 0; i < 20000; i++) {
        std::string t;
        int n = 1 + static_cast<int>(rng() % 10);
        for (int k = 0; k < n; k++) {
            // a quarter ASCII letters, so that words mix scripts as names do
            t += rng() % 4 == 0 ? fl_test::utf8(U'A' + rng() % 58)
                                : fl_test::utf8(pool[rng() % pool.size()]);
        }
        tokens.push_back(t);
    }
    for (int round = 0; round < 2; round++) { // the second with every table entry made
        for (const std::string &t : tokens) {
            for (uint8_t kind : {uint8_t{FL_TOKEN_WORD}, uint8_t{FL_TOKEN_PUNCT}}) {
                for (bool exact : {false, true}) {
                    out.len = 0;
                    size_t fold_len = 0;
                    size_t exact_len = 0;
                    bool same = false;
                    ASSERT_EQ(FL_OK,
                              fl__fold_token_pair(&a, &scratch, &cache,
                                                  reinterpret_cast<const uint8_t *>(t.data()),
                                                  t.size(), kind, exact, &out, &fold_len,
                                                  &exact_len, &same));
                    std::string got(static_cast<const char *>(out.data), out.len);
                    std::string f = fold_whole(&a, &scratch, t, kind, FL_FOLD_CASELESS);
                    ASSERT_EQ(f, got.substr(0, fold_len)) << t;
                    if (exact) {
                        std::string e = fold_whole(&a, &scratch, t, kind, FL_FOLD_EXACT);
                        ASSERT_EQ(e, got.substr(fold_len, exact_len)) << t;
                        ASSERT_EQ(e == f, same) << t;
                    } else {
                        ASSERT_EQ(0u, exact_len);
                        ASSERT_EQ(fold_len, got.size());
                    }
                }
            }
        }
    }
    fl__fold_cache_free(&a, cache);
    fl__vec_free(&a, &scratch);
    fl__vec_free(&a, &out);
}

// fl__char_step, the step of the fold caches' table walks (fold.c's forms_by_chars, match.c's
// table_forms), against UTF-8's own definition for every lead byte and every byte after it:
// ASCII is one byte, a lead of U+0080..U+07FF (C2..DF) takes a continuation byte (80..BF)
// inside the word, and anything else (a continuation as lead, an overlong C0/C1, a lead of
// three or four bytes, a lead at the word's end) is no step. From the tokeniser these words
// are valid UTF-8, so no other test reaches the refusals.
TEST(Fold, CharStepTakesAsciiAndTwoByteCharactersOnly) {
    for (unsigned lead = 0; lead < 256; lead++) {
        for (unsigned next = 0; next < 256; next++) {
            const uint8_t s[2] = {static_cast<uint8_t>(lead), static_cast<uint8_t>(next)};
            size_t p = 0;
            size_t cp = 12345;
            bool took = fl__char_step(s, 2, &p, &cp);
            if (lead < 0x80) {
                ASSERT_TRUE(took) << lead;
                EXPECT_EQ(1u, p);
                EXPECT_EQ(lead, cp);
            } else if (lead >= 0xC2 && lead <= 0xDF && next >= 0x80 && next <= 0xBF) {
                ASSERT_TRUE(took) << lead << " " << next;
                EXPECT_EQ(2u, p);
                EXPECT_EQ(((lead & 0x1Fu) << 6) | (next & 0x3Fu), cp);
            } else {
                EXPECT_FALSE(took) << lead << " " << next;
                EXPECT_EQ(0u, p) << lead << " " << next;
            }
        }
        // a two-byte lead as the word's last byte has no continuation inside it
        const uint8_t last[1] = {static_cast<uint8_t>(lead)};
        size_t p = 0;
        size_t cp = 0;
        EXPECT_EQ(lead < 0x80, fl__char_step(last, 1, &p, &cp)) << lead;
    }
}
