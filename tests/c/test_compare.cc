// test_compare.cc: the statistics of csrc/compare.c against values worked out by hand.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "shim.h"

namespace {

const double Z95 = 1.959963984540054;

TEST(Compare, LogOddsFollowsMonroeColaresiQuinn) {
    // y_g = 10 of n_g = 1000, y_r = 5 of n_r = 2000, alpha0 = 100: a_w = 100 * 15 / 3000 = 0.5
    double delta, z;
    fl_stat_log_odds(10, 1000, 5, 2000, 100, &delta, &z);
    double aw = 0.5;
    double want = std::log((10 + aw) / (1000 + 100 - 10 - aw)) -
                  std::log((5 + aw) / (2000 + 100 - 5 - aw));
    EXPECT_NEAR(want, delta, 1e-12);
    EXPECT_NEAR(want / std::sqrt(1 / (10 + aw) + 1 / (5 + aw)), z, 1e-12);
}

TEST(Compare, LogOddsOfEqualRatesIsZero) {
    double delta, z;
    fl_stat_log_odds(10, 1000, 20, 2000, 1000, &delta, &z);
    EXPECT_NEAR(0.0, delta, 1e-12);
    EXPECT_NEAR(0.0, z, 1e-12);
}

TEST(Compare, G2OfTheTwoByTwoTable) {
    // [[10, 990], [5, 1995]]: expected counts from the margins
    double n = 3000, col = 15;
    double e[4] = {1000 * col / n, 1000 * (n - col) / n, 2000 * col / n, 2000 * (n - col) / n};
    double o[4] = {10, 990, 5, 1995};
    double want = 0;
    for (int i = 0; i < 4; i++) {
        want += o[i] * std::log(o[i] / e[i]);
    }
    want *= 2;
    EXPECT_NEAR(want, fl_stat_g2(10, 1000, 5, 2000), 1e-9);
    EXPECT_NEAR(std::erfc(std::sqrt(want / 2)), fl_stat_g2_p(want), 1e-12);
}

TEST(Compare, G2CellsWithZeroCountAddNothing) {
    double g2 = fl_stat_g2(0, 100, 10, 100);
    EXPECT_TRUE(std::isfinite(g2));
    EXPECT_GT(g2, 0);
    EXPECT_TRUE(std::isnan(fl_stat_g2(0, 0, 0, 0)));
    EXPECT_TRUE(std::isnan(fl_stat_g2_p(NAN)));
}

TEST(Compare, WilsonIntervalByHand) {
    double lo, hi;
    fl_stat_wilson(5, 50, Z95, &lo, &hi);
    double p = 0.1, z2 = Z95 * Z95, n = 50;
    double c = (p + z2 / (2 * n)) / (1 + z2 / n);
    double h = Z95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    EXPECT_NEAR(c - h, lo, 1e-12);
    EXPECT_NEAR(c + h, hi, 1e-12);
}

TEST(Compare, WilsonIsExactAtTheEdgesAndNaNWithoutTrials) {
    double lo, hi;
    fl_stat_wilson(0, 20, Z95, &lo, &hi);
    EXPECT_EQ(0.0, lo);
    EXPECT_GT(hi, 0.0);
    fl_stat_wilson(20, 20, Z95, &lo, &hi);
    EXPECT_EQ(1.0, hi);
    fl_stat_wilson(0, 0, Z95, &lo, &hi);
    EXPECT_TRUE(std::isnan(lo) && std::isnan(hi));
}

TEST(Compare, BenjaminiHochbergStepUp) {
    std::vector<double> p = {0.01, 0.04, 0.03, NAN, 0.20};
    std::vector<double> out(p.size());
    ASSERT_EQ(FL_OK, fl_stat_bh(p.data(), p.size(), out.data(), nullptr));
    // m = 4 real p-values, sorted 0.01 0.03 0.04 0.20 -> 0.04 0.0533 0.0533 0.20
    EXPECT_NEAR(0.04, out[0], 1e-12);
    EXPECT_NEAR(0.04 * 4 / 3, out[1], 1e-12);
    EXPECT_NEAR(0.04 * 4 / 3, out[2], 1e-12);
    EXPECT_TRUE(std::isnan(out[3]));
    EXPECT_NEAR(0.20, out[4], 1e-12);
}

TEST(Compare, BenjaminiHochbergReportsAllocationFailure) {
    fl_test::FailingAllocator alloc;
    alloc.reset(1);
    std::vector<double> p = {0.5, 0.1};
    std::vector<double> out(2);
    EXPECT_EQ(FL_ERR_NOMEM, fl_stat_bh(p.data(), p.size(), out.data(), &alloc));
}

TEST(Compare, EveryGroupAgainstThePooledRest) {
    // two groups, one column: group 0 against group 1 and back are mirror images
    double y[2] = {10, 5};
    double n[2] = {1000, 2000};
    double d[2], z[2], g2[2], p[2];
    fl_compare_groups(y, n, 2, 1, 100, d, z, g2, p);
    double want;
    fl_stat_log_odds(10, 1000, 5, 2000, 100, &want, nullptr);
    EXPECT_NEAR(want, d[0], 1e-12);
    EXPECT_NEAR(-d[0], d[1], 1e-12);
    EXPECT_NEAR(-z[0], z[1], 1e-12);
    EXPECT_NEAR(g2[0], g2[1], 1e-9);
}

TEST(Compare, OneGroupHasNoComparison) {
    double y[1] = {3}, n[1] = {100}, d[1], z[1], g2[1], p[1];
    fl_compare_groups(y, n, 1, 1, 1000, d, z, g2, p);
    EXPECT_TRUE(std::isnan(d[0]) && std::isnan(z[0]) && std::isnan(g2[0]) && std::isnan(p[0]));
}

TEST(Compare, GroupWithoutTokensIsNaNAndChangesNoOtherGroup) {
    // groups A, B and Z (no tokens); columns: an ordinary term, one that never occurs
    double y3[6] = {10, 0, 5, 0, 0, 0};
    double n3[3] = {1000, 2000, 0};
    double y2[4] = {10, 0, 5, 0};
    double n2[2] = {1000, 2000};
    double d3[6], z3[6], g3[6], p3[6], d2[4], z2[4], g2[4], p2[4];
    fl_compare_groups(y3, n3, 3, 2, 1000, d3, z3, g3, p3);
    fl_compare_groups(y2, n2, 2, 2, 1000, d2, z2, g2, p2);
    for (int c = 0; c < 2; c++) {
        EXPECT_TRUE(std::isnan(d3[4 + c]) && std::isnan(z3[4 + c]) && std::isnan(g3[4 + c]) &&
                    std::isnan(p3[4 + c]))
            << "column " << c;
    }
    // A and B are compared exactly as without Z
    for (int i = 0; i < 4; i++) {
        if (std::isnan(p2[i])) {
            EXPECT_TRUE(std::isnan(p3[i])) << i;
            continue;
        }
        EXPECT_EQ(d2[i], d3[i]) << i;
        EXPECT_EQ(z2[i], z3[i]) << i;
        EXPECT_EQ(g2[i], g3[i]) << i;
        EXPECT_EQ(p2[i], p3[i]) << i;
    }
    EXPECT_TRUE(std::isnan(p2[1]) && std::isnan(p2[3])); // a term that never occurs
}

TEST(Compare, TermThatIsEveryTokenIsNaN) {
    // column 0 is every token of the corpus; column 1 is an ordinary term
    double y[4] = {100, 7, 50, 1};
    double n[2] = {100, 50};
    double d[4], z[4], g2[4], p[4];
    fl_compare_groups(y, n, 2, 2, 1000, d, z, g2, p);
    for (int i : {0, 2}) {
        EXPECT_TRUE(std::isnan(d[i]) && std::isnan(z[i]) && std::isnan(g2[i]) && std::isnan(p[i]))
            << i;
    }
    double want;
    fl_stat_log_odds(7, 100, 1, 50, 1000, &want, nullptr);
    EXPECT_EQ(want, d[1]);
    // NaN rows are no part of the Benjamini-Hochberg family
    double adj[4];
    ASSERT_EQ(FL_OK, fl_stat_bh(p, 4, adj, nullptr));
    EXPECT_TRUE(std::isnan(adj[0]) && std::isnan(adj[2]));
    double only[2] = {p[1], p[3]}, adj2[2];
    ASSERT_EQ(FL_OK, fl_stat_bh(only, 2, adj2, nullptr));
    EXPECT_EQ(adj2[0], adj[1]);
    EXPECT_EQ(adj2[1], adj[3]);
}

}  // namespace
