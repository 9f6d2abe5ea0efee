"""Comparison of groups (outlets) from additive counts: DESIGN.md section 5.

The formulas are computed by the C core (``fl_compare_groups``, ``fl_stat_wilson``,
``fl_stat_bh``); this module arranges counts into matrices and results into DataFrames.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Optional

import numpy as np

from . import _core
from .counts import Counts, _voice_index

Z95 = 1.959963984540054  # the 0.975 quantile of the standard normal distribution


def _f64(a) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=np.float64)


def _wilson(k, n):
    lo, hi = _core.wilson(_f64(k).ravel(), _f64(n).ravel(), Z95)
    shape = np.shape(k)
    return (np.frombuffer(lo, dtype=np.float64).reshape(shape),
            np.frombuffer(hi, dtype=np.float64).reshape(shape))


def _compare(y: np.ndarray, n: np.ndarray, alpha0: float):
    G, C = y.shape
    outs = _core.compare_groups(_f64(y), _f64(n), G, C, float(alpha0))
    return [np.frombuffer(o, dtype=np.float64).reshape(G, C) for o in outs]


class Comparison:
    """Statistics of every group against the pooled rest of the corpus.

    - ``terms``: group, term, category, count, tokens, log_odds, z, g2, p, p_adj: a row for
      every group x term that occurs anywhere (zeros included).
    - ``categories``: group, category, count, tokens, rate_per_1k, ci_low, ci_high (95%
      Wilson, per 1,000 tokens), and boot_low, boot_high with ``bootstrap``.
    - ``contrasts``: group, contrast, option, count, share, ci_low, ci_high (95% Wilson),
      and boot_low, boot_high with ``bootstrap``.
    - ``cues``: per group, the cue verbs used for each speaker (actors), with log-odds;
      ``targets``: per group, each term by the actor it is said of (docs/attributions.md).
    """

    counts: Counts
    alpha0: float
    voice: Optional[str]
    bootstrap: int
    seed: int
    reference: Optional[str]
    corpus: Any
    cluster: Optional[np.ndarray]
    terms: Any
    categories: Any
    contrasts: Any
    _cues: Any
    _targets: Any

    def __init__(self, counts: Counts, alpha0: float = 1000.0, voice: Optional[str] = None,
                 bootstrap: int = 0, seed: int = 0, reference: Optional[str] = None,
                 corpus=None, cluster=None):
        import pandas as pd

        if voice is not None:
            _voice_index(voice)
        import numbers
        if isinstance(alpha0, bool) or not (isinstance(alpha0, numbers.Real) and
                                            np.isfinite(alpha0) and alpha0 > 0):
            raise ValueError(f"alpha0 must be a positive finite number, not {alpha0!r}")
        if isinstance(bootstrap, bool) or not isinstance(bootstrap, (int, np.integer)) or \
                bootstrap < 0:
            raise ValueError(f"bootstrap must be a non-negative int, not {bootstrap!r}")
        self.counts = counts
        self.alpha0 = float(alpha0)
        self.voice = voice
        self.bootstrap = int(bootstrap)
        self.seed = seed
        self.reference = reference
        # The corpus the counts came from, for the evidence behind a row (None for counts
        # merged from pieces, which keep no texts).
        self.corpus = corpus
        self._cues = None
        self._targets = None
        self.cluster = _check_cluster(cluster, len(counts.doc_group))
        groups = list(counts.groups)
        G = len(groups)
        n = counts.tokens.astype(np.float64)

        # terms: every term that occurs anywhere, every group
        tm = counts.term_matrix(voice)
        occurring = np.flatnonzero(tm.sum(axis=0) > 0)
        y = tm[:, occurring]
        delta, z, g2, p = _compare(y, n, alpha0) if G else [np.zeros((0, len(occurring)))] * 4
        p_adj = np.frombuffer(_core.bh(_f64(p).ravel()), dtype=np.float64).reshape(p.shape) \
            if p.size else p
        terms = np.array(counts.terms, dtype=object)
        cats = np.array(counts.categories, dtype=object)
        gi = np.repeat(np.arange(G), len(occurring))
        ti = np.tile(occurring, G)
        self.terms = pd.DataFrame({
            "group": np.array(groups, dtype=object)[gi] if G else np.zeros(0, object),
            "term": terms[ti],
            "category": cats[counts.term_category[ti]] if len(ti) else np.zeros(0, object),
            "count": y.ravel(),
            "tokens": counts.tokens[gi],
            "log_odds": delta.ravel(),
            "z": z.ravel(),
            "g2": g2.ravel(),
            "p": p.ravel(),
            "p_adj": p_adj.ravel(),
        })

        # categories: every group x every category
        cm = counts.category_matrix(voice)
        C = len(counts.categories)
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = 1000.0 * cm / n[:, None]
        rate[n == 0, :] = np.nan
        lo, hi = _wilson(cm, np.broadcast_to(n[:, None], cm.shape))
        gi = np.repeat(np.arange(G), C)
        ci = np.tile(np.arange(C), G)
        self.categories = pd.DataFrame({
            "group": np.array(groups, dtype=object)[gi] if G else np.zeros(0, object),
            "category": cats[ci] if len(ci) else np.zeros(0, object),
            "count": cm.ravel(),
            "tokens": counts.tokens[gi],
            "rate_per_1k": rate.ravel(),
            "ci_low": 1000.0 * lo.ravel(),
            "ci_high": 1000.0 * hi.ravel(),
        })

        # contrasts: every group x contrast x option
        om, labels = counts.option_matrix(voice)
        totals = np.zeros_like(om)
        for ci_ in {lab[0] for lab in labels}:
            cols = [j for j, lab in enumerate(labels) if lab[0] == ci_]
            totals[:, cols] = om[:, cols].sum(axis=1, keepdims=True)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(totals > 0, om / np.where(totals > 0, totals, 1), np.nan)
        slo, shi = _wilson(om, totals)
        K = len(labels)
        gi = np.repeat(np.arange(G), K)
        oi = np.tile(np.arange(K), G)
        self.contrasts = pd.DataFrame({
            "group": np.array(groups, dtype=object)[gi] if G else np.zeros(0, object),
            "contrast": np.array([lab[1] for lab in labels], dtype=object)[oi] if K else
            np.zeros(0, object),
            "option": np.array([lab[2] for lab in labels], dtype=object)[oi] if K else
            np.zeros(0, object),
            "count": om.ravel(),
            "share": share.ravel(),
            "ci_low": slo.ravel(),
            "ci_high": shi.ravel(),
        })
        if self.bootstrap:
            self._add_bootstrap(labels)
        _as_labels(self, counts)

    # -- document-level bootstrap ----------------------------------------------------------
    def _add_bootstrap(self, labels) -> None:
        """Percentile intervals from resampling documents within each group (words cluster
        in articles, so intervals that treat tokens as independent are too narrow)."""
        c = self.counts
        G, C, K = len(c.groups), len(c.categories), len(labels)
        # per document: matches per category (a match in each of its term's categories) and
        # per contrast option (by the spelling that matched)
        doc_cat = c.doc_category_matrix(self.voice)
        doc_opt = c.doc_option_matrix(self.voice)
        contrast_of = np.array([lab[0] for lab in labels], dtype=np.int64)
        rng = np.random.default_rng(self.seed)
        B = self.bootstrap
        cat_lo = np.full((G, C), np.nan)
        cat_hi = np.full((G, C), np.nan)
        opt_lo = np.full((G, K), np.nan)
        opt_hi = np.full((G, K), np.nan)
        for g in range(G):
            members = np.flatnonzero(c.doc_group == g)
            if len(members) == 0:
                continue
            tok = c.doc_tokens[members].astype(np.float64)
            dc = doc_cat[members]
            do = doc_opt[members]
            if self.cluster is not None:  # resample clusters of documents, not documents
                units, unit_of = np.unique(np.asarray(self.cluster)[members],
                                           return_inverse=True)
                tok, dc, do = (_sum_rows(a, unit_of, len(units)) for a in (tok, dc, do))
            m = len(tok)
            rates = np.empty((B, C))
            shares = np.empty((B, K))
            chunk = max(1, min(B, 4_000_000 // m))
            for start in range(0, B, chunk):
                b = min(chunk, B - start)
                w = rng.multinomial(m, np.full(m, 1.0 / m), size=b).astype(np.float64)
                t = w @ tok
                with np.errstate(divide="ignore", invalid="ignore"):
                    rates[start:start + b] = 1000.0 * (w @ dc) / t[:, None]
                    oc = w @ do
                    tot = np.zeros_like(oc)
                    for ci in np.unique(contrast_of):
                        cols = contrast_of == ci
                        tot[:, cols] = oc[:, cols].sum(axis=1, keepdims=True)
                    shares[start:start + b] = np.where(tot > 0, oc / np.where(tot > 0, tot, 1),
                                                       np.nan)
            with np.errstate(all="ignore"):
                import warnings
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)
                    if C:
                        cat_lo[g], cat_hi[g] = np.nanpercentile(rates, [2.5, 97.5], axis=0)
                    if K:
                        opt_lo[g], opt_hi[g] = np.nanpercentile(shares, [2.5, 97.5], axis=0)
        self.categories["boot_low"] = cat_lo.ravel()
        self.categories["boot_high"] = cat_hi.ravel()
        self.contrasts["boot_low"] = opt_lo.ravel()
        self.contrasts["boot_high"] = opt_hi.ravel()

    # -- views ------------------------------------------------------------------------------
    def pairwise(self, a: str, b: str) -> "Comparison":
        """Group ``a`` against group ``b`` alone (the same formulas, with b in place of the
        pooled rest). Rows are given for both groups."""
        for g in (a, b):
            if g not in self.counts.groups:
                raise KeyError(f"no group {g!r}; groups: {', '.join(map(str, self.counts.groups))}")
        if a == b:
            raise ValueError("pairwise() needs two different groups")
        sub = _subset(self.counts, [a, b])
        cluster = None
        if self.cluster is not None:
            cluster = self.cluster[_kept_documents(self.counts, [a, b])]
        return Comparison(sub, alpha0=self.alpha0, voice=self.voice, bootstrap=self.bootstrap,
                          seed=self.seed, reference=b, corpus=self.corpus, cluster=cluster)

    # -- evidence ---------------------------------------------------------------------------
    def examples(self, term: str, group: Optional[str] = None, n: Optional[int] = 5,
                 seed: Optional[int] = 0, window: int = 8):
        """The sentences behind a row: matches of ``term`` (a term, variant or category) in
        ``group`` (default: every group of this comparison), in this comparison's voice,
        ``n`` drawn at random (reproducibly for a ``seed``). A DataFrame as
        :meth:`Corpus.kwic` gives. Raises ``NoTextError`` for a comparison of merged counts,
        which keep no text."""
        corpus = self._evidence()
        groups = list(self.counts.groups)
        if group is not None and group not in groups:
            raise KeyError(f"no group {group!r}; groups: {', '.join(map(str, groups))}")
        return corpus.kwic(term, group=group if group is not None else groups,
                           voice=self.voice, n=n, seed=seed, window=window)

    def _evidence(self):
        if self.corpus is None:
            from .corpus import NoTextError
            raise NoTextError(
                "this comparison was made from counts alone (merged from pieces, or Dask), "
                "which keep no sentences; compare a Corpus (analyze_corpus(...).compare()) "
                "or read the matches from analyze_dask(..., matches=True)")
        return self.corpus

    # -- who says it, who is labelled --------------------------------------------------------
    @property
    def cues(self):
        """Per group, the cue verbs used for each speaker, normalised through the lexicon's
        actors ("claims" for Kiev, "says" for Russia), with counts and log-odds (this speaker
        against the group's other speakers, and this group against the others):
        :func:`framelens.attributions.cue_table`. Needs the corpus (not counts alone)."""
        if self._cues is None:
            self._cues = self._own_groups(self._evidence().cue_table())
        return self._cues

    @property
    def targets(self):
        """Per group, each term by the actor it is said of ("aggressor" of Russia or of
        Ukraine), in this comparison's voice, with counts and log-odds:
        :func:`framelens.attributions.target_table`. Needs the corpus."""
        if self._targets is None:
            self._targets = self._own_groups(self._evidence().target_table(voice=self.voice))
        return self._targets

    def _own_groups(self, table):
        """The rows of this comparison's groups (a pairwise comparison shows its two; the
        statistics are those of the whole corpus)."""
        groups = list(self.counts.groups)
        if self.corpus is None or list(self.corpus.groups) == groups:
            return table
        return table[table["group"].astype(object).isin(groups)].reset_index(drop=True)

    @property
    def lexicon(self):
        """The lexicon of the corpus compared (None for counts alone)."""
        return None if self.corpus is None else self.corpus.lexicon

    def _repr_html_(self) -> str:
        from .display import comparison_html
        return comparison_html(self)

    def __repr__(self) -> str:
        extra = f", voice={self.voice!r}" if self.voice else ""
        return (f"<Comparison of {len(self.counts.groups)} groups, alpha0={self.alpha0:g}"
                f"{extra}: {len(self.terms)} term rows>")


def _check_cluster(cluster, n_docs: int) -> Optional[np.ndarray]:
    """Integer cluster codes, one per document, or None."""
    if cluster is None:
        return None
    import pandas as pd
    values = np.asarray(cluster)
    if len(values) != n_docs:
        raise ValueError(f"cluster must give one value per document ({n_docs}), not "
                         f"{len(values)}")
    if not np.issubdtype(values.dtype, np.integer):
        values, _ = pd.factorize(values)
    return values.astype(np.int64)


def _sum_rows(a: np.ndarray, unit_of: np.ndarray, n_units: int) -> np.ndarray:
    """Rows of ``a`` added up per unit (documents into their clusters)."""
    out = np.zeros((n_units,) + a.shape[1:], dtype=np.float64)
    np.add.at(out, unit_of, a)
    return out


def _as_labels(cmp: "Comparison", counts: Counts) -> None:
    """Label columns as Categoricals over the same categories as the corpus tables (groups,
    lexicon terms and categories), so that tables join cleanly (see framelens.columns)."""
    import pandas as pd
    cats = {"group": list(counts.groups), "term": list(dict.fromkeys(counts.terms)),
            "category": list(counts.categories),
            "contrast": list(dict.fromkeys(name for name, _ in counts.contrasts)),
            "option": list(dict.fromkeys(opt for _, opts in counts.contrasts
                                         for opt, _ in opts))}
    for table in (cmp.terms, cmp.categories, cmp.contrasts):
        for col, categories in cats.items():
            if col in table.columns:
                table[col] = pd.Categorical(table[col].to_numpy(dtype=object),
                                            categories=categories)


def _kept_documents(counts: Counts, groups) -> np.ndarray:
    """Indices of the documents of some groups."""
    idx = [counts.groups.index(g) for g in groups]
    return np.flatnonzero(np.isin(counts.doc_group, idx))


def _subset(counts: Counts, groups) -> Counts:
    """The counts of some groups only (documents of the others dropped)."""
    return counts.subset(groups)
