// test_compare.cc: the statistics of csrc/compare.c against published and independently
// computed values.
// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "shim.h"

namespace {

const double Z95 = 1.959963984540054;

// Known values, not the formulas typed again: each was computed independently of framelens
// with 50-digit arithmetic (mpmath 1.4) from the definitions in DESIGN.md section 5 and, where
// a library has the statistic, checked against it (scipy 1.17 chi2_contingency with
// lambda_="log-likelihood", statsmodels 0.15 proportion_confint and multipletests); published
// values are cited where they exist.

TEST(Compare, LogOddsFollowsMonroeColaresiQuinn) {
    // Monroe, Colaresi & Quinn (2008), eq. 16-22: y_g = 10 of n_g = 1000 against y_r = 5 of
    // n_r = 2000 with the informative prior alpha0 = 100 and = 1000, and a term rarer in g.
    struct {
        double yg, ng, yr, nr, a0, delta, z;
    } cases[] = {
        {10, 1000, 5, 2000, 100, 1.300223150927467449, 2.4702101250133771043},
        {10, 1000, 5, 2000, 1000, 0.81511958137160570517, 1.9966270537114662684},
        {1, 50000, 30, 60000, 1000, -2.9836911288685271799, -3.3087544232464436534},
    };
    for (const auto &c : cases) {
        double delta, z;
        fl_stat_log_odds(c.yg, c.ng, c.yr, c.nr, c.a0, &delta, &z);
        EXPECT_NEAR(c.delta, delta, 1e-13) << c.yg << " " << c.a0;
        EXPECT_NEAR(c.z, z, 1e-13) << c.yg << " " << c.a0;
    }
}

TEST(Compare, LogOddsOfEqualRatesIsZero) {
    double delta, z;
    fl_stat_log_odds(10, 1000, 20, 2000, 1000, &delta, &z);
    EXPECT_NEAR(0.0, delta, 1e-12);
    EXPECT_NEAR(0.0, z, 1e-12);
}

TEST(Compare, G2OfTheTwoByTwoTable) {
    // G2 = 2 sum O ln(O / E) of [[y_g, n_g - y_g], [y_r, n_r - y_r]] and its p-value
    // (chi-squared, 1 df), from the tail far out (p ~ 5.5e-21) to no association.
    struct {
        double yg, ng, yr, nr, g2, p;
    } cases[] = {
        {10, 1000, 5, 2000, 6.9691919319330272083, 0.0082924935848060927132},
        {0, 100, 10, 100, 14.389502660059374669, 0.00014862855236451058075},
        {120, 50000, 40, 80000, 88.327355886517069817, 5.5470988572730533964e-21},
        {3, 10, 7, 10, 3.2913151402020738557, 0.069647215870821297065},
    };
    for (const auto &c : cases) {
        double g2 = fl_stat_g2(c.yg, c.ng, c.yr, c.nr);
        EXPECT_NEAR(c.g2, g2, 1e-12 * c.g2) << c.yg << " " << c.ng;
        EXPECT_NEAR(c.p, fl_stat_g2_p(g2), 1e-12 * c.p) << c.yg << " " << c.ng;
    }
    EXPECT_NEAR(0.0, fl_stat_g2(10, 100, 20, 200), 1e-12);  // equal rates
    EXPECT_EQ(1.0, fl_stat_g2_p(0.0));
}

TEST(Compare, G2PValueAtTheTabulatedCriticalValue) {
    // 3.841458820694124 is the 95% point of chi-squared with 1 degree of freedom, as every
    // table of the distribution prints it (3.841); 6.634896601021214 the 99% point (6.635).
    EXPECT_NEAR(0.05, fl_stat_g2_p(3.841458820694124), 1e-15);
    EXPECT_NEAR(0.01, fl_stat_g2_p(6.634896601021214), 1e-15);
}

TEST(Compare, G2CellsWithZeroCountAddNothing) {
    double g2 = fl_stat_g2(0, 100, 10, 100);
    EXPECT_TRUE(std::isfinite(g2));
    EXPECT_GT(g2, 0);
    EXPECT_TRUE(std::isnan(fl_stat_g2(0, 0, 0, 0)));
    EXPECT_TRUE(std::isnan(fl_stat_g2_p(NAN)));
}

TEST(Compare, WilsonIntervalsOfNewcombe1998) {
    // Newcombe (1998), Stat. Med. 17:857-872, Table I, method 3 (Wilson score), printed to
    // four decimals; here to full precision (statsmodels proportion_confint, "wilson").
    struct {
        double k, n, lo, hi, lo4, hi4;
    } cases[] = {
        {81, 263, 0.2552885198782742, 0.36620957698280004, 0.2553, 0.3662},
        {15, 148, 0.06238639953073628, 0.16048724172330803, 0.0624, 0.1605},
        {0, 20, 0.0, 0.1611251580528194, 0.0000, 0.1611},
        {1, 29, 0.006113214292762667, 0.17175521879320294, 0.0061, 0.1718},
    };
    for (const auto &c : cases) {
        double lo, hi;
        fl_stat_wilson(c.k, c.n, Z95, &lo, &hi);
        EXPECT_NEAR(c.lo, lo, 1e-14) << c.k << "/" << c.n;
        EXPECT_NEAR(c.hi, hi, 1e-14) << c.k << "/" << c.n;
        EXPECT_NEAR(c.lo4, lo, 5e-5) << c.k << "/" << c.n;
        EXPECT_NEAR(c.hi4, hi, 5e-5) << c.k << "/" << c.n;
    }
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

TEST(Compare, BenjaminiHochbergOnTheirOwnExample) {
    // The 15 p-values of Benjamini & Hochberg (1995), JRSS B 57:289-300, section 4.2: at
    // q = 0.05 the procedure rejects the four smallest. Adjusted values as R's
    // p.adjust(p, "BH") and statsmodels' multipletests(p, method="fdr_bh") give them.
    std::vector<double> p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                             0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000};
    std::vector<double> want = {0.0015,
                                0.003,
                                0.0095,
                                0.035625,
                                0.0603,
                                0.06385714285714286,
                                0.06385714285714286,
                                0.0645,
                                0.0765,
                                0.486,
                                0.5811818181818182,
                                0.714875,
                                0.7532307692307693,
                                0.8132142857142857,
                                1.0};
    std::vector<double> out(p.size());
    ASSERT_EQ(FL_OK, fl_stat_bh(p.data(), p.size(), out.data(), nullptr));
    int rejected = 0;
    for (size_t i = 0; i < p.size(); i++) {
        EXPECT_NEAR(want[i], out[i], 1e-15) << i;
        rejected += out[i] <= 0.05;
    }
    EXPECT_EQ(4, rejected);
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
