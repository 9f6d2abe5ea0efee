"""When usage switched: a contrast's share by period, and the most likely switch point
(issue 13, item 4).

Input is a table of counts: one row per group (outlet), period and option of a contrast
("Kiev" / "Kyiv") with its count. :func:`contrast_counts` makes it from a matches table
with a date column; :func:`shares` gives each option's share by period with 95% Wilson
intervals; :func:`switch_points` finds, per group, the single change point of an option's
share that is most likely under a binomial model, with a likelihood-ratio statistic, a
bootstrap p-value and an interval for the switch period; :func:`plot_switches` draws both
(matplotlib, optional).

    counts = changepoint.contrast_counts(matches, lexicon_contrast, date="date", freq="M")
    changepoint.switch_points(counts, option="Kyiv")

The method, its sources and its limits: docs/duplicates-and-switches.md.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from . import _core

Z95 = 1.959963984540054  # the 0.975 quantile of the standard normal distribution
COLUMNS = ("group", "period", "option", "count")


def _pd():
    import pandas as pd
    return pd


def _as_options(options: Any) -> Dict[str, Tuple[str, ...]]:
    """option -> terms, from a framelens Contrast (``lexicon.contrasts[i]``) or a mapping."""
    opts = getattr(options, "options", options)
    if not isinstance(opts, Mapping) or not opts:
        raise TypeError("options must be a framelens Contrast or a non-empty mapping of "
                        f"option -> terms, not {type(options).__name__}")
    out: Dict[str, Tuple[str, ...]] = {}
    for opt, terms in opts.items():
        terms = (terms,) if isinstance(terms, str) else tuple(terms)
        if not terms:
            raise ValueError(f"option {opt!r} has no terms")
        out[str(opt)] = terms
    return out


def _periods(values: Any, freq: Optional[str], what: str):
    """A column of dates (or periods) as pandas Periods of `freq`; with freq None, as given."""
    pd = _pd()
    s = pd.Series(values)
    if freq is None:
        if s.isna().any():
            bad = int(np.flatnonzero(s.isna().to_numpy())[0])
            raise ValueError(f"row {bad}: {what} is missing")
        return s
    if isinstance(s.dtype, pd.PeriodDtype):
        return s.dt.asfreq(freq)
    try:
        dates = pd.to_datetime(s, errors="raise")
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what}: cannot read the dates ({exc})") from None
    if dates.isna().any():
        bad = int(np.flatnonzero(dates.isna().to_numpy())[0])
        raise ValueError(f"row {bad}: {what} is missing (NaT/None)")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    return dates.dt.to_period(freq)


def contrast_counts(matches: Any, options: Any, *, date: str = "date",
                    freq: Optional[str] = "M", group: str = "group",
                    term: str = "term") -> Any:
    """Counts of a contrast's options per group and period, from a table with one row per
    match (``corpus.matches`` with a date column, e.g. merged in by ``doc_id``).

    ``options``: a framelens Contrast (``lexicon.contrasts[i]``) or a mapping option ->
    canonical terms. ``date``: the column of dates (anything ``pandas.to_datetime`` reads)
    or, with ``freq=None``, of periods used as they are. ``freq``: a pandas period
    frequency ("M" months, "Q", "Y", "W", "D"). Returns a DataFrame group, period,
    option, count with a row for every group x period (that has a match of any option)
    x option, zeros included.
    """
    pd = _pd()
    opts = _as_options(options)
    for col in (date, group, term):
        if col not in matches.columns:
            raise KeyError(f"no column {col!r} in the matches; columns: "
                           f"{', '.join(map(str, matches.columns))}")
    term_to_option: Dict[str, str] = {}
    for opt, terms in opts.items():
        for t in terms:
            if t in term_to_option and term_to_option[t] != opt:
                raise ValueError(f"term {t!r} is in options {term_to_option[t]!r} and {opt!r}")
            term_to_option[t] = opt
    sel = matches[matches[term].astype(object).isin(list(term_to_option))]
    frame = pd.DataFrame({
        "group": sel[group].astype(object).to_numpy(),
        "period": _periods(sel[date].to_numpy(), freq, date).to_numpy(),
        "option": sel[term].astype(object).map(term_to_option).to_numpy(),
    })
    return _complete(frame.groupby(["group", "period", "option"], sort=True).size()
                     .rename("count").reset_index(), list(opts))


def _complete(counts: Any, options: Sequence[str]) -> Any:
    """Adds the zero rows: every (group, period) present x every option."""
    pd = _pd()
    gp = counts[["group", "period"]].drop_duplicates()
    full = gp.merge(pd.DataFrame({"option": list(options)}), how="cross")
    out = full.merge(counts, on=["group", "period", "option"], how="left")
    out["count"] = out["count"].fillna(0).astype(np.int64)
    order = {o: i for i, o in enumerate(options)}
    out["_o"] = out["option"].map(order)
    return out.sort_values(["group", "period", "_o"], kind="stable").drop(columns="_o") \
        .reset_index(drop=True)


def _check_counts(counts: Any, group: str = "group") -> Any:
    pd = _pd()
    if not isinstance(counts, pd.DataFrame):
        raise TypeError(f"counts must be a pandas DataFrame, not {type(counts).__name__}")
    if group != "group":
        if group not in counts.columns:
            raise KeyError(f"no column {group!r} in counts; columns: "
                           f"{', '.join(map(str, counts.columns))}")
        counts = counts.drop(columns=[c for c in ("group",) if c in counts.columns]) \
            .rename(columns={group: "group"})
    missing = [c for c in COLUMNS if c not in counts.columns]
    if missing:
        raise KeyError(f"counts needs the columns {', '.join(COLUMNS)}; missing "
                       f"{', '.join(missing)} (contrast_counts() makes such a table)")
    c = counts[list(COLUMNS)]
    if c[["group", "period", "option"]].isna().any().any():
        bad = int(np.flatnonzero(c[["group", "period", "option"]].isna().any(axis=1)
                                 .to_numpy())[0])
        raise ValueError(f"counts row {bad}: group, period and option must not be missing")
    vals = pd.to_numeric(c["count"], errors="coerce")
    bad_rows = np.flatnonzero((vals.isna() | (vals < 0) | (vals != np.floor(vals))).to_numpy())
    if len(bad_rows):
        raise ValueError(f"counts row {int(bad_rows[0])}: count must be a whole number >= 0, "
                         f"not {c['count'].iloc[int(bad_rows[0])]!r}")
    c = c.assign(count=vals.astype(np.int64))
    return c.groupby(["group", "period", "option"], sort=True, as_index=False)["count"].sum()


def _wilson(k: np.ndarray, n: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    kk = np.ascontiguousarray(k, dtype=np.float64)
    nn = np.ascontiguousarray(n, dtype=np.float64)
    lo, hi = _core.wilson(kk, nn, Z95)
    return np.frombuffer(lo, dtype=np.float64), np.frombuffer(hi, dtype=np.float64)


def shares(counts: Any, *, group: str = "group") -> Any:
    """Each option's share of its contrast per group and period, with its 95% Wilson
    interval (as in ``Comparison.contrasts``): group, period, option, count, total, share,
    ci_low, ci_high. ``counts``: group, period, option, count (see :func:`contrast_counts`);
    ``group`` names its group column if that is not "group" (e.g. "series").
    """
    c = _check_counts(counts, group)
    total = c.groupby(["group", "period"])["count"].transform("sum").to_numpy()
    k = c["count"].to_numpy()
    lo, hi = _wilson(k, total)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, k / np.where(total > 0, total, 1), np.nan)
    return c.assign(total=total.astype(np.int64), share=share, ci_low=lo, ci_high=hi)


# -- the change point -------------------------------------------------------------------------

def _loglik(k: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Binomial log-likelihood at the maximum, k log(k/n) + (n-k) log(1-k/n), with
    0 log 0 = 0 (elementwise; n > 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, k / np.where(n > 0, n, 1), 0.0)
        a = np.where(k > 0, k * np.log(np.where(p > 0, p, 1.0)), 0.0)
        b = np.where(n - k > 0, (n - k) * np.log(np.where(p < 1, 1.0 - p, 1.0)), 0.0)
    return a + b


def _profile(k: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Log-likelihood of one change before position t = 1 .. m-1 (the last axis of k), for
    every row of k: shape (..., m-1)."""
    ck = np.cumsum(k, axis=-1)
    cn = np.cumsum(n, axis=-1)
    K = ck[..., -1:]
    N = cn[..., -1:]
    left_k, left_n = ck[..., :-1], cn[..., :-1]
    return _loglik(left_k, left_n) + _loglik(K - left_k, N - left_n)


def _fit(k: np.ndarray, n: np.ndarray) -> Tuple[int, float, np.ndarray]:
    """(index of the first period after the change, LR statistic, profile) for one series."""
    prof = _profile(k, n)
    t = int(np.argmax(prof))  # ties: the earliest
    l0 = float(_loglik(k.sum(), n.sum()))
    return t + 1, max(0.0, 2.0 * (float(prof[t]) - l0)), prof


def _switch(k: np.ndarray, n: np.ndarray, rng: np.random.Generator, bootstrap: int,
            level: float) -> Dict[str, Any]:
    m = len(k)
    tau, lr, prof = _fit(k, n)
    K, N = k.sum(), n.sum()
    p_before = k[:tau].sum() / n[:tau].sum()
    p_after = k[tau:].sum() / n[tau:].sum()
    # p-value: the same statistic on series drawn with no change (one share throughout)
    ni = n.astype(np.int64)
    sims = rng.binomial(ni, K / N, size=(bootstrap, m)).astype(np.float64)
    prof0 = _profile(sims, n.astype(np.float64))
    lr0 = 2.0 * (prof0.max(axis=1) - _loglik(sims.sum(axis=1), np.full(bootstrap, float(N))))
    p_value = (1.0 + float(np.sum(lr0 >= lr - 1e-9))) / (bootstrap + 1.0)
    # interval: the switch positions whose profile likelihood is within c of the best, c
    # the `level` quantile of the same distance for the true position in series drawn from
    # the fitted change
    p_t = np.where(np.arange(m) < tau, p_before, p_after)
    sims = rng.binomial(ni, p_t, size=(bootstrap, m)).astype(np.float64)
    prof1 = _profile(sims, n.astype(np.float64))
    dist = 2.0 * (prof1.max(axis=1) - prof1[:, tau - 1])
    c = float(np.quantile(dist, level))
    inside = np.flatnonzero(2.0 * (prof[tau - 1] - prof) <= c + 1e-9) + 1
    return {"tau": tau, "low": int(inside.min()), "high": int(inside.max()), "lr": lr,
            "p_value": p_value, "p_before": p_before, "p_after": p_after,
            "n_before": int(n[:tau].sum()), "n_after": int(n[tau:].sum()), "cutoff": c}


def switch_points(counts: Any, option: Optional[str] = None, *, bootstrap: int = 999,
                  level: float = 0.95, seed: int = 0, min_periods: int = 3,
                  group: str = "group") -> Any:
    """The most likely switch of ``option``'s share, per group.

    ``counts``: group, period, option, count (:func:`contrast_counts`, or
    ``corpus.timeline(contrast)`` with ``group="series"``); ``option``: the
    option whose share is followed (default: the last option in the table, e.g. "Kyiv" in
    Kiev/Kyiv). Periods in which a group uses none of the options carry no information and
    are skipped. For each group with at least ``min_periods`` periods of data, the share is
    modelled as binomial with one value before a switch and another from the switch on; the
    switch is the maximum-likelihood split (Hinkley 1970; Worsley 1986), ``statistic`` its
    likelihood ratio against no switch (2 log LR), ``p_value`` the share of ``bootstrap``
    series drawn with no switch whose statistic is as large (a parametric bootstrap), and
    ``switch_low`` .. ``switch_high`` the periods whose profile likelihood ratio against the
    best split is within the ``level`` quantile of that ratio for the true split in series
    drawn from the fitted model (a likelihood-ratio confidence set, Siegmund 1988,
    calibrated by the parametric bootstrap). ``seed`` makes the bootstrap repeatable.

    Returns a DataFrame: group, option, switch (the first period after the switch),
    switch_low, switch_high, share_before, share_after, n_before, n_after (counts of all
    options), periods, statistic, p_value, direction ("up", "down" or "none"). A group
    whose share never varies (all one option) gets no switch (NaN/None) and p_value 1.
    """
    pd = _pd()
    c = _check_counts(counts, group)
    options = list(dict.fromkeys(c["option"].tolist()))
    if option is None:
        if not options:
            raise ValueError("counts is empty: no option to follow")
        option = options[-1]
    if option not in options:
        raise ValueError(f"no option {option!r} in counts; options: "
                         f"{', '.join(map(str, options))}")
    if isinstance(bootstrap, bool) or not isinstance(bootstrap, (int, np.integer)) or \
            bootstrap < 99:
        raise ValueError(f"bootstrap must be an int >= 99, not {bootstrap!r}")
    if not isinstance(level, numbers.Real) or not 0.5 <= float(level) < 1.0:
        raise ValueError(f"level must be in [0.5, 1), not {level!r}")
    if isinstance(min_periods, bool) or not isinstance(min_periods, (int, np.integer)) or \
            min_periods < 2:
        raise ValueError(f"min_periods must be an int >= 2, not {min_periods!r}")
    rng = np.random.default_rng(seed)
    rows: List[Dict[str, Any]] = []
    for g, sub in c.groupby("group", sort=True):
        per = sub.groupby("period", sort=True)["count"].sum()
        opt = sub[sub["option"] == option].groupby("period", sort=True)["count"].sum()
        opt = opt.reindex(per.index, fill_value=0)
        used = per.to_numpy() > 0
        periods = per.index[used]
        n = per.to_numpy()[used].astype(np.float64)
        k = opt.to_numpy()[used].astype(np.float64)
        row: Dict[str, Any] = {"group": g, "option": option, "switch": None,
                               "switch_low": None, "switch_high": None,
                               "share_before": np.nan, "share_after": np.nan,
                               "n_before": np.nan, "n_after": np.nan, "periods": len(n),
                               "statistic": np.nan, "p_value": np.nan, "direction": "none"}
        if len(n) >= min_periods:
            if k.sum() in (0, n.sum()):
                row.update(statistic=0.0, p_value=1.0,
                           share_before=float(k.sum() / n.sum()),
                           share_after=float(k.sum() / n.sum()))
            else:
                r = _switch(k, n, rng, int(bootstrap), float(level))
                row.update(switch=periods[r["tau"]], switch_low=periods[r["low"]],
                           switch_high=periods[r["high"]], share_before=r["p_before"],
                           share_after=r["p_after"], n_before=r["n_before"],
                           n_after=r["n_after"], statistic=r["lr"], p_value=r["p_value"],
                           direction="up" if r["p_after"] > r["p_before"] else "down")
        rows.append(row)
    return pd.DataFrame(rows, columns=["group", "option", "switch", "switch_low", "switch_high",
                                       "share_before", "share_after", "n_before", "n_after",
                                       "periods", "statistic", "p_value", "direction"])


def plot_switches(counts: Any, switches: Optional[Any] = None, option: Optional[str] = None,
                  groups: Optional[Iterable[Any]] = None, ax: Any = None,
                  group: str = "group") -> Any:
    """Draws ``option``'s share by period per group with its Wilson intervals, and for each
    switch in ``switches`` (:func:`switch_points`) a dashed line at the switch and a band
    over its interval. Needs matplotlib (``pip install matplotlib``). Returns the Figure."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("plot_switches needs matplotlib: pip install matplotlib (or "
                          "framelens[plot])") from exc
    pd = _pd()
    sh = shares(counts, group=group)
    if option is None:
        option = list(dict.fromkeys(sh["option"].tolist()))[-1]
    sh = sh[(sh["option"] == option) & (sh["total"] > 0)]
    wanted = list(dict.fromkeys(sh["group"].tolist())) if groups is None else list(groups)
    if ax is None:
        fig, ax = plt.subplots(figsize=(8, 4))
    else:
        fig = ax.figure

    def x_of(p: Any) -> Any:
        return p.to_timestamp() if isinstance(p, pd.Period) else p

    for g in wanted:
        s = sh[sh["group"] == g]
        x = [x_of(p) for p in s["period"]]
        y = s["share"].to_numpy()
        err = np.vstack([y - s["ci_low"].to_numpy(), s["ci_high"].to_numpy() - y])
        line = ax.errorbar(x, y, yerr=err, marker="o", ms=3, capsize=2, lw=1, label=str(g))
        if switches is not None:
            sw = switches[(switches["group"] == g) & switches["switch"].notna()]
            for _, r in sw.iterrows():
                color = line[0].get_color()
                ax.axvline(x_of(r["switch"]), color=color, ls="--", lw=1)
                ax.axvspan(x_of(r["switch_low"]), x_of(r["switch_high"]), color=color,
                           alpha=0.12)
    ax.set_ylim(-0.02, 1.02)
    ax.set_ylabel(f"share of {option!s}")
    ax.set_xlabel("period")
    ax.legend(loc="best", fontsize="small")
    return fig
