// test_units.cc: fl_utf8_from_units (csrc/units.c), the UTF-8 of Latin-1, UCS-2 and UCS-4
// code units, against a plain code-point-at-a-time encoder written here.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "shim.h"

extern "C" {
#include "../../csrc/internal.h"
}

namespace {

std::string reference_utf8(const std::vector<uint32_t> &cps) {
    return fl_test::utf8(std::u32string(cps.begin(), cps.end()));
}

// The code points as units of the given form (each must fit it).
template <typename T> std::vector<T> as_units(const std::vector<uint32_t> &cps) {
    return std::vector<T>(cps.begin(), cps.end());
}

fl_status encode(fl_units form, const void *data, size_t n, std::string &out, size_t &bad) {
    size_t bound = fl_utf8_bound(form, n);
    EXPECT_NE(SIZE_MAX, bound);
    std::vector<char> buf(bound + 1);
    size_t len = 0;
    fl_status st = fl_utf8_from_units(form, data, n, buf.data(), &len, &bad);
    EXPECT_LE(len, bound);
    out.assign(buf.data(), len);
    return st;
}

// ASCII runs go 16, 8 or 4 units at a time: a character that needs more bytes must be found
// at every place in and after such a block, in every form that can hold it.
TEST(Units, EveryPlaceOfAnAsciiRunIsEncoded) {
    const uint32_t wide[] = {0xE9, 0x2019, 0x416, 0x1F600};
    for (uint32_t ch : wide) {
        for (size_t k = 0; k < 41; k++) {
            std::vector<uint32_t> cps;
            for (size_t i = 0; i < 50; i++) {
                cps.push_back(i == k ? ch : (uint32_t)('a' + i % 26));
            }
            cps.push_back(ch);
            std::string want = reference_utf8(cps);
            std::string got;
            size_t bad;
            SCOPED_TRACE(::testing::Message() << "U+" << std::hex << ch << " at " << std::dec << k);
            if (ch <= 0xFF) {
                auto u = as_units<uint8_t>(cps);
                ASSERT_EQ(FL_OK, encode(FL_UNITS_LATIN1, u.data(), u.size(), got, bad));
                EXPECT_EQ(want, got);
            }
            if (ch <= 0xFFFF) {
                auto u = as_units<uint16_t>(cps);
                ASSERT_EQ(FL_OK, encode(FL_UNITS_UCS2, u.data(), u.size(), got, bad));
                EXPECT_EQ(want, got);
            }
            auto u = as_units<uint32_t>(cps);
            ASSERT_EQ(FL_OK, encode(FL_UNITS_UCS4, u.data(), u.size(), got, bad));
            EXPECT_EQ(want, got);
            ASSERT_EQ(FL_OK, encode(FL_UNITS_UTF8, want.data(), want.size(), got, bad));
            EXPECT_EQ(want, got);
            EXPECT_EQ(SIZE_MAX, bad);
        }
    }
}

// A lone surrogate anywhere is refused with its index; UCS-4 also refuses what is past
// U+10FFFF. The bound is the worst case of each form.
TEST(Units, SurrogatesAndNonCodePointsAreRefusedWithTheirIndex) {
    for (size_t k = 0; k < 41; k++) {
        for (uint32_t bad_cp : {0xD800u, 0xDBFFu, 0xDC00u, 0xDFFFu}) {
            std::vector<uint32_t> cps(41, 'x');
            cps[k] = bad_cp;
            std::string got;
            size_t bad = 0;
            auto u2 = as_units<uint16_t>(cps);
            EXPECT_EQ(FL_ERR_TEXT, encode(FL_UNITS_UCS2, u2.data(), u2.size(), got, bad));
            EXPECT_EQ(k, bad);
            auto u4 = as_units<uint32_t>(cps);
            bad = 0;
            EXPECT_EQ(FL_ERR_TEXT, encode(FL_UNITS_UCS4, u4.data(), u4.size(), got, bad));
            EXPECT_EQ(k, bad);
        }
        std::vector<uint32_t> cps(41, 'x');
        cps[k] = 0x110000;
        std::string got;
        size_t bad = 0;
        EXPECT_EQ(FL_ERR_TEXT, encode(FL_UNITS_UCS4, cps.data(), cps.size(), got, bad));
        EXPECT_EQ(k, bad);
    }
    // the largest of each form fits its bound
    std::vector<uint32_t> top = {0xFF, 0xFFFF, 0x10FFFF};
    for (size_t i = 0; i < top.size(); i++) {
        std::vector<uint32_t> cps(10, top[i]);
        std::string got;
        size_t bad;
        fl_units form = i == 0 ? FL_UNITS_LATIN1 : i == 1 ? FL_UNITS_UCS2 : FL_UNITS_UCS4;
        if (i == 0) {
            auto u = as_units<uint8_t>(cps);
            ASSERT_EQ(FL_OK, encode(form, u.data(), u.size(), got, bad));
        } else if (i == 1) {
            auto u = as_units<uint16_t>(cps);
            ASSERT_EQ(FL_OK, encode(form, u.data(), u.size(), got, bad));
        } else {
            ASSERT_EQ(FL_OK, encode(form, cps.data(), cps.size(), got, bad));
        }
        EXPECT_EQ(reference_utf8(cps), got);
        EXPECT_EQ(fl_utf8_bound(form, cps.size()), got.size()) << "the bound is reached";
    }
}

// The reference: a code point at a time, the first surrogate refused with its index.
bool plain_utf8(const std::vector<uint32_t> &cps, std::string &out, size_t &bad) {
    out.clear();
    for (size_t i = 0; i < cps.size(); i++) {
        uint32_t c = cps[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            bad = i;
            return false;
        }
        if (c < 0x80) {
            out += (char)c;
        } else if (c < 0x800) {
            out += (char)(0xC0 | (c >> 6));
            out += (char)(0x80 | (c & 0x3F));
        } else {
            out += (char)(0xE0 | (c >> 12));
            out += (char)(0x80 | ((c >> 6) & 0x3F));
            out += (char)(0x80 | (c & 0x3F));
        }
    }
    return true;
}

// Random texts for the blocks of 16, 32 and 64 units: ASCII runs of every length 0..70 between
// single units of every UTF-8 length (and runs of them), a surrogate now and then; every
// length up to past two blocks of 64, at every alignment of the units. Each path (blocks of 32,
// blocks of 16) must give the reference's bytes or its surrogate index, and write nothing
// past fl_utf8_bound.
TEST(Units, BlocksMatchAPlainEncoderOnGeneratedTexts) {
    std::mt19937 rng(41);
    auto pick = [&](uint32_t lo, uint32_t hi) {
        return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
    };
    auto unit = [&](bool latin1) -> uint32_t {
        switch (pick(0, latin1 ? 1 : 5)) {
        case 0:
            return pick(0x80, 0xFF);
        case 1:
            return latin1 ? pick(0x80, 0xFF) : pick(0x100, 0x7FF);
        case 2:
            return pick(0, 1) ? 0x2019 : pick(0x2013, 0x201D);
        case 3:
            return pick(0x800, 0xD7FF);
        case 4:
            return pick(0xE000, 0xFFFF);
        default:
            return pick(0x400, 0x44F); // Cyrillic
        }
    };
    size_t texts = 0, refused = 0;
    for (int form = 0; form < 2; form++) {
        bool latin1 = form == 0;
        for (size_t len = 0; len <= 200; len++) {
            for (int round = 0; round < 24; round++) {
                std::vector<uint32_t> cps;
                uint32_t ascii_max = pick(0, 3) == 0 ? 8 : 70;
                while (cps.size() < len) {
                    for (uint32_t k = pick(0, ascii_max); k > 0 && cps.size() < len; k--) {
                        cps.push_back(pick(0x20, 0x7F));
                    }
                    for (uint32_t k = pick(0, 3) == 0 ? pick(1, 20) : 1; k > 0 && cps.size() < len;
                         k--) {
                        cps.push_back(unit(latin1));
                    }
                }
                if (!latin1 && round % 4 == 3 && len > 0) {
                    cps[pick(0, (uint32_t)len - 1)] = pick(0xD800, 0xDFFF);
                }
                std::string want;
                size_t want_bad = SIZE_MAX;
                bool ok = plain_utf8(cps, want, want_bad);
                refused += !ok;
                texts++;
                fl_units units = latin1 ? FL_UNITS_LATIN1 : FL_UNITS_UCS2;
                size_t width = latin1 ? 1 : 2;
                size_t bound = fl_utf8_bound(units, len);
                size_t shift = (size_t)round % 16; // units of misalignment
                std::vector<uint8_t> in((shift + len) * width + 1);
                for (size_t i = 0; i < len; i++) {
                    if (latin1) {
                        in[shift + i] = (uint8_t)cps[i];
                    } else {
                        uint16_t u = (uint16_t)cps[i];
                        std::memcpy(&in[(shift + i) * 2], &u, 2);
                    }
                }
                for (unsigned block : {32u, 16u}) {
                    SCOPED_TRACE(::testing::Message()
                                 << (latin1 ? "Latin-1" : "UCS-2") << " of " << len
                                 << " units, round " << round << ", blocks of " << block);
                    std::vector<char> out(bound + 64, '\x5A');
                    size_t got_len = 0, bad = 0;
                    fl_status st = fl__utf8_from_units_with(units, in.data() + shift * width, len,
                                                            out.data(), &got_len, &bad, block);
                    if (ok) {
                        ASSERT_EQ(FL_OK, st);
                        ASSERT_EQ(want, std::string(out.data(), got_len));
                        EXPECT_EQ(SIZE_MAX, bad);
                    } else {
                        ASSERT_EQ(FL_ERR_TEXT, st);
                        ASSERT_EQ(want_bad, bad);
                    }
                    for (size_t k = bound; k < out.size(); k++) {
                        ASSERT_EQ('\x5A', out[k]) << "written past the bound at " << k;
                    }
                }
            }
        }
    }
    EXPECT_EQ(2u * 201 * 24, texts);
    EXPECT_LT(100u, refused);
}

TEST(Units, BadArgumentsAreErrors) {
    char out[8];
    size_t len = 7;
    EXPECT_EQ(SIZE_MAX, fl_utf8_bound((fl_units)3, 5));
    EXPECT_EQ(SIZE_MAX, fl_utf8_bound(FL_UNITS_UCS4, SIZE_MAX / 2));
    EXPECT_EQ(FL_ERR_ARG, fl_utf8_from_units((fl_units)3, "ab", 2, out, &len, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_utf8_from_units(FL_UNITS_LATIN1, nullptr, 2, out, &len, nullptr));
    EXPECT_EQ(FL_ERR_ARG, fl_utf8_from_units(FL_UNITS_LATIN1, "ab", 2, out, nullptr, nullptr));
    EXPECT_EQ(FL_OK, fl_utf8_from_units(FL_UNITS_UCS2, nullptr, 0, nullptr, &len, nullptr));
    EXPECT_EQ(0u, len);
    EXPECT_STREQ("not valid Unicode", fl_status_str(FL_ERR_TEXT));
}

} // namespace
