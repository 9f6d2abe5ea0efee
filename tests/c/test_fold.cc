// test_fold.cc: fl_fold() (fold.c): case folding, diacritics, Cyrillic exceptions, apostrophe
// and hyphen variants, ignorable characters, and the needed-size protocol.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "shim.h"

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
