/* compare.c: the statistics that compare groups (outlets), from additive counts. */
/* SPDX-License-Identifier: MIT */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

/*
 * Every function here takes counts, never texts, so statistics of a corpus analysed in
 * pieces equal those of the whole once the counts are merged (DESIGN.md section 5):
 * - log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin'
 *   Words", eq. 16-22), the prior proportional to the term's pooled rate;
 * - Dunning's (1993) G2 on the 2x2 table of the term against all other tokens, with its
 *   chi-square(1) p-value;
 * - Wilson (1927) score intervals for rates and shares;
 * - Benjamini & Hochberg (1995) step-up adjusted p-values.
 * A comparison needs two sides with word tokens and a term that is not every token: for a
 * group without tokens, a rest without tokens (one group alone) or a term whose count is
 * the whole corpus, every comparative statistic is NaN, so no 0 or 1 stands for "cannot be
 * compared" and such rows stay out of the Benjamini-Hochberg family.
 */

void fl_stat_log_odds(double y_g, double n_g, double y_r, double n_r, double alpha0, double *delta,
                      double *z) {
    double a_w = (n_g + n_r) > 0 ? alpha0 * (y_g + y_r) / (n_g + n_r) : NAN;
    double g = log((y_g + a_w) / (n_g + alpha0 - y_g - a_w));
    double r = log((y_r + a_w) / (n_r + alpha0 - y_r - a_w));
    double d = g - r;
    double var = 1.0 / (y_g + a_w) + 1.0 / (y_r + a_w);
    if (delta != NULL) {
        *delta = d;
    }
    if (z != NULL) {
        *z = d / sqrt(var);
    }
}

/* One cell of G2: O ln(O / E), zero when O is zero. */
static double cell(double o, double e) {
    return o > 0 ? o * log(o / e) : 0.0;
}

double fl_stat_g2(double y_g, double n_g, double y_r, double n_r) {
    double total = n_g + n_r;
    if (!(total > 0)) {
        return NAN;
    }
    double col_term = y_g + y_r;
    double col_rest = total - col_term;
    double e11 = n_g * col_term / total;
    double e12 = n_g * col_rest / total;
    double e21 = n_r * col_term / total;
    double e22 = n_r * col_rest / total;
    double g2 = 2.0 *
                (cell(y_g, e11) + cell(n_g - y_g, e12) + cell(y_r, e21) + cell(n_r - y_r, e22));
    return g2 < 0 ? 0.0 : g2; /* rounding can make a true zero slightly negative */
}

double fl_stat_g2_p(double g2) {
    if (isnan(g2)) {
        return NAN;
    }
    return erfc(sqrt(g2 / 2.0));
}

void fl_stat_wilson(double k, double n, double z, double *lo, double *hi) {
    if (!(n > 0)) {
        *lo = NAN;
        *hi = NAN;
        return;
    }
    double p = k / n;
    double z2 = z * z;
    double denom = 1.0 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denom;
    double half = z * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;
    *lo = center - half;
    *hi = center + half;
    /* Exact at the edges (k = 0 gives lo = 0, k = n gives hi = 1 in exact arithmetic). */
    if (*lo < 0 || k <= 0) {
        *lo = 0;
    }
    if (*hi > 1 || k >= n) {
        *hi = 1;
    }
}

typedef struct pv {
    double p;
    size_t i;
} pv;

static int cmp_pv(const void *a, const void *b) {
    const pv *x = a;
    const pv *y = b;
    if (x->p < y->p) {
        return -1;
    }
    if (x->p > y->p) {
        return 1;
    }
    return x->i < y->i ? -1 : (x->i > y->i);
}

fl_status fl_stat_bh(const double *p, size_t n, double *out, const fl_allocator *alloc) {
    if (n == 0) {
        return FL_OK;
    }
    if (p == NULL || out == NULL) {
        return FL_ERR_ARG;
    }
    fl_allocator a;
    fl__alloc_init(&a, alloc);
    size_t bytes;
    if (!fl__mul(n, sizeof(pv), &bytes)) {
        return FL_ERR_NOMEM;
    }
    pv *v = fl__malloc(&a, bytes);
    if (v == NULL) {
        return FL_ERR_NOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isnan(p[i])) {
            v[m].p = p[i];
            v[m].i = i;
            m++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (isnan(p[i])) {
            out[i] = NAN;
        }
    }
    qsort(v, m, sizeof(pv), cmp_pv);
    /* step-up: adj(k) = min over j >= k of p(j) * m / j, capped at 1 */
    double running = 1.0;
    for (size_t k = m; k > 0; k--) {
        double adj = v[k - 1].p * (double)m / (double)k;
        if (adj < running) {
            running = adj;
        }
        out[v[k - 1].i] = running;
    }
    fl__free(&a, v);
    return FL_OK;
}

void fl_compare_groups(const double *y, const double *n, size_t n_groups, size_t n_cols,
                       double alpha0, double *delta, double *z, double *g2, double *p) {
    double n_all = 0;
    for (size_t g = 0; g < n_groups; g++) {
        n_all += n[g];
    }
    for (size_t c = 0; c < n_cols; c++) {
        double y_all = 0;
        for (size_t g = 0; g < n_groups; g++) {
            y_all += y[g * n_cols + c];
        }
        for (size_t g = 0; g < n_groups; g++) {
            size_t at = g * n_cols + c;
            double d = NAN;
            double zz = NAN;
            double gg = NAN;
            double pp = NAN;
            double n_r = n_all - n[g];
            if (n_groups > 1 && n[g] > 0 && n_r > 0 && y_all > 0 && y_all < n_all) {
                double y_g = y[at];
                double y_r = y_all - y_g;
                fl_stat_log_odds(y_g, n[g], y_r, n_r, alpha0, &d, &zz);
                gg = fl_stat_g2(y_g, n[g], y_r, n_r);
                pp = fl_stat_g2_p(gg);
            }
            if (delta != NULL) {
                delta[at] = d;
            }
            if (z != NULL) {
                z[at] = zz;
            }
            if (g2 != NULL) {
                g2[at] = gg;
            }
            if (p != NULL) {
                p[at] = pp;
            }
        }
    }
}
