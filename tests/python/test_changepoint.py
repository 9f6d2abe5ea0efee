"""When usage switched (issue 13, item 4): shares by period with Wilson intervals, and the
switch point of a binomial series, tested on generated series with known switch dates."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import inspect
import math

import numpy as np
import pandas as pd
import pytest

import framelens as fl
from framelens import changepoint as cp

from common import shared_data

HEADLINES = ("sputnik_kyivindependent_headlines", "headlines.tsv")
START = pd.Period("2017-01", "M")


def _series(rng, tau, m, p1, p2, n_low, n_high, group):
    """Monthly Kiev/Kyiv counts whose Kyiv share is p1 before month tau and p2 from it."""
    rows = []
    for t in range(m):
        n = int(rng.integers(n_low, n_high + 1))
        k = int(rng.binomial(n, p1 if t < tau else p2))
        rows += [(group, START + t, "Kiev", n - k), (group, START + t, "Kyiv", k)]
    return rows


def _frame(rows):
    return pd.DataFrame(rows, columns=["group", "period", "option", "count"])


def test_a_clear_switch_is_found_on_its_month():
    rng = np.random.default_rng(1)
    truth = {f"outlet{i}": int(rng.integers(2, 22)) for i in range(30)}
    rows = []
    for g, tau in truth.items():
        rows += _series(rng, tau, 24, 0.1, 0.8, 20, 60, g)
    out = cp.switch_points(_frame(rows), "Kyiv", bootstrap=199)
    assert len(out) == 30
    for _, r in out.iterrows():
        assert r["switch"] == START + truth[r["group"]]
        assert r["switch_low"] <= r["switch"] <= r["switch_high"]
        assert r["p_value"] < 0.01 and r["statistic"] > 50
        assert r["direction"] == "up"
        assert r["share_before"] < 0.25 and r["share_after"] > 0.65
        assert r["periods"] == 24


@pytest.mark.parametrize("p1,p2,n_low,n_high", [(0.35, 0.6, 15, 50), (0.3, 0.55, 5, 20)])
def test_the_interval_covers_the_true_month_at_its_level(p1, p2, n_low, n_high):
    # Subtle switches: the estimate often misses the month, the 95% interval should not
    # (more than sampling error allows: 80 series, so 0.95 - 3 standard errors ~ 0.88).
    rng = np.random.default_rng(2)
    truth = {f"g{i}": int(rng.integers(3, 21)) for i in range(80)}
    rows = []
    for g, tau in truth.items():
        rows += _series(rng, tau, 24, p1, p2, n_low, n_high, g)
    out = cp.switch_points(_frame(rows), "Kyiv", bootstrap=299, seed=3)
    true = out["group"].map(lambda g: START + truth[g])
    covered = ((out["switch_low"] <= true) & (true <= out["switch_high"])).mean()
    exact = (out["switch"] == true).mean()
    assert covered >= 0.88, covered
    assert exact >= 0.2  # better than guessing one of 18 months
    # a narrower level gives narrower (nested) intervals
    narrow = cp.switch_points(_frame(rows), "Kyiv", bootstrap=299, seed=3, level=0.6)
    width = (out["switch_high"] - out["switch_low"]).map(lambda d: d.n)
    width_narrow = (narrow["switch_high"] - narrow["switch_low"]).map(lambda d: d.n)
    assert (width_narrow <= width).mean() > 0.9 and width_narrow.sum() < width.sum()


def test_no_switch_is_rarely_claimed():
    rng = np.random.default_rng(4)
    rows = []
    for i in range(80):
        rows += _series(rng, 0, 24, 0.4, 0.4, 10, 60, f"g{i}")
    out = cp.switch_points(_frame(rows), "Kyiv", bootstrap=299)
    assert (out["p_value"] < 0.05).mean() <= 0.12
    assert out["p_value"].between(0, 1).all()


def test_a_share_that_never_varies_has_no_switch():
    rows = [("A", START + t, "Kiev", 10 + t) for t in range(12)] + \
        [("A", START + t, "Kyiv", 0) for t in range(12)] + \
        [("B", START + t, "Kyiv", 3) for t in range(2)]  # too few periods
    out = cp.switch_points(_frame(rows), "Kyiv").set_index("group")
    assert out.loc["A", "switch"] is None
    assert (out.loc["A", "statistic"], out.loc["A", "p_value"]) == (0.0, 1.0)
    assert out.loc["A", "share_before"] == 0.0 and out.loc["A", "direction"] == "none"
    assert out.loc["B", "periods"] == 2 and math.isnan(out.loc["B", "p_value"])


def test_empty_periods_are_skipped_and_the_default_option_is_the_last():
    rows = []
    for t in range(10):
        n = 0 if t in (3, 4) else 40
        k = 0 if t < 6 else 30
        rows += [("A", START + t, "Kiev", n - k if n else 0), ("A", START + t, "Kyiv", k)]
    out = cp.switch_points(_frame(rows))  # option: "Kyiv", the last in the table
    r = out.iloc[0]
    assert r["option"] == "Kyiv" and r["periods"] == 8
    assert r["switch"] == START + 6 and r["n_before"] == 160 and r["n_after"] == 160


def test_the_group_column_may_have_another_name():
    rng = np.random.default_rng(7)
    df = _frame(_series(rng, 7, 16, 0.1, 0.9, 20, 40, "A"))
    series = df.rename(columns={"group": "series"}).assign(total=0, share=0.0)
    a = cp.switch_points(df, seed=1)
    pd.testing.assert_frame_equal(a, cp.switch_points(series, seed=1, group="series"))
    pd.testing.assert_frame_equal(cp.shares(df), cp.shares(series, group="series"))
    with pytest.raises(KeyError, match="no column 'outlet' in counts"):
        cp.shares(df, group="outlet")


def test_deterministic_for_a_seed():
    rng = np.random.default_rng(5)
    df = _frame(_series(rng, 9, 20, 0.3, 0.6, 10, 30, "A"))
    a = cp.switch_points(df, seed=11)
    pd.testing.assert_frame_equal(a, cp.switch_points(df, seed=11))


def test_shares_carry_wilson_intervals():
    df = _frame([("A", START, "Kiev", 3), ("A", START, "Kyiv", 7), ("A", START + 1, "Kiev", 0),
                 ("A", START + 1, "Kyiv", 0), ("B", START, "Kyiv", 5)])
    sh = cp.shares(df)
    assert list(sh.columns) == ["group", "period", "option", "count", "total", "share",
                                "ci_low", "ci_high"]
    r = sh[(sh["group"] == "A") & (sh["period"] == START) & (sh["option"] == "Kyiv")].iloc[0]
    z = cp.Z95
    centre = (0.7 + z * z / 20) / (1 + z * z / 10)
    half = z / (1 + z * z / 10) * math.sqrt(0.7 * 0.3 / 10 + z * z / 400)
    assert r["share"] == 0.7 and r["total"] == 10
    assert r["ci_low"] == pytest.approx(centre - half)
    assert r["ci_high"] == pytest.approx(centre + half)
    empty = sh[(sh["group"] == "A") & (sh["period"] == START + 1)]
    assert empty["share"].isna().all() and empty["ci_low"].isna().all()


def _headline_corpus():
    records = [
        {"id": 1, "outlet": "X", "date": "2019-01-05", "text": "Kiev says the talks failed."},
        {"id": 2, "outlet": "X", "date": "2019-01-20", "text": "Kiev and Kiev again; Kyiv once."},
        {"id": 3, "outlet": "X", "date": "2019-03-02", "text": "Kyiv says Kyiv."},
        {"id": 4, "outlet": "Y", "date": "2019-02-11", "text": "The Kiev regime."},
    ]
    lex = fl.Lexicon.from_dict({
        "terms": [{"term": "Kiev", "category": "name"}, {"term": "Kiev regime", "category": "d"},
                  {"term": "Kyiv", "category": "name"}],
        "contrasts": [{"name": "capital",
                       "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}}]})
    corpus = fl.Analyzer(lex).analyze_corpus(records, group="outlet")
    dates = pd.DataFrame({"doc_id": [r["id"] for r in records],
                          "date": [r["date"] for r in records]})
    return lex, corpus.matches.merge(dates, on="doc_id")


def test_counts_from_a_matches_table_with_dates():
    lex, matches = _headline_corpus()
    counts = cp.contrast_counts(matches, lex.contrasts[0], date="date", freq="M")
    got = {(r.group, str(r.period), r.option): r.count for r in counts.itertuples()}
    assert got == {("X", "2019-01", "Kiev"): 3, ("X", "2019-01", "Kyiv"): 1,
                   ("X", "2019-03", "Kiev"): 0, ("X", "2019-03", "Kyiv"): 2,
                   ("Y", "2019-02", "Kiev"): 1, ("Y", "2019-02", "Kyiv"): 0}
    quarterly = cp.contrast_counts(matches, {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": "Kyiv"},
                                   freq="Q")
    assert quarterly.groupby("group")["count"].sum().to_dict() == {"X": 6, "Y": 1}
    as_given = cp.contrast_counts(matches.assign(month=matches["date"].str[:7]),
                                  lex.contrasts[0], date="month", freq=None)
    assert sorted(set(as_given["period"])) == ["2019-01", "2019-02", "2019-03"]


def test_bad_input_is_named():
    lex, matches = _headline_corpus()
    with pytest.raises(KeyError, match="no column 'published'"):
        cp.contrast_counts(matches, lex.contrasts[0], date="published")
    holes = matches["date"].copy()
    holes.iloc[1] = None
    with pytest.raises(ValueError, match="row 1: date is missing"):
        cp.contrast_counts(matches.assign(date=holes), lex.contrasts[0])
    with pytest.raises(ValueError, match="term 'Kiev' is in options 'a' and 'b'"):
        cp.contrast_counts(matches, {"a": ["Kiev"], "b": ["Kiev"]})
    with pytest.raises(TypeError, match="options must be a framelens Contrast"):
        cp.contrast_counts(matches, ["Kiev"])
    good = _frame([("A", START, "Kyiv", 1)])
    with pytest.raises(KeyError, match="missing count"):
        cp.shares(good.drop(columns="count"))
    with pytest.raises(ValueError, match="counts row 0: count must be a whole number"):
        cp.shares(good.assign(count=-1))
    with pytest.raises(ValueError, match="counts row 0: count must be a whole number"):
        cp.shares(good.assign(count=1.5))
    with pytest.raises(ValueError, match="no option 'Kiev' in counts; options: Kyiv"):
        cp.switch_points(good, "Kiev")
    with pytest.raises(ValueError, match="bootstrap must be an int >= 99"):
        cp.switch_points(good, bootstrap=10)
    with pytest.raises(ValueError, match="level must be in"):
        cp.switch_points(good, level=1.0)
    with pytest.raises(TypeError, match="counts must be a pandas DataFrame"):
        cp.shares([("A", START, "Kyiv", 1)])


def test_plot_draws_shares_and_switches(tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    rng = np.random.default_rng(6)
    df = _frame(_series(rng, 8, 18, 0.1, 0.9, 20, 40, "A") + _series(rng, 0, 18, 0.5, 0.5, 20,
                                                                     40, "B"))
    sw = cp.switch_points(df, bootstrap=199)
    fig = cp.plot_switches(df, sw)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]
    assert len(ax.lines) >= 3  # two series and at least A's switch line
    fig.savefig(tmp_path / "switches.png")
    assert (tmp_path / "switches.png").stat().st_size > 1000


def test_public_functions_have_signatures():
    for f in (cp.contrast_counts, cp.shares, cp.switch_points, cp.plot_switches):
        assert inspect.signature(f).parameters
        assert f.__doc__


def test_the_sputnik_headlines_show_no_switch():
    """Sputnik's dated headlines (2022-2025) say "Kiev" throughout: no switch to find."""
    with open(shared_data(*HEADLINES), encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["date_from_url"]]
    lex = fl.Lexicon.from_dict({
        "terms": [{"term": "Kiev", "category": "c"}, {"term": "Kyiv", "category": "c"}],
        "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev"], "Kyiv": ["Kyiv"]}}]})
    records = [{"id": i, "outlet": r["outlet"], "text": r["title"]} for i, r in enumerate(rows)]
    corpus = fl.Analyzer(lex).analyze_corpus(records, group="outlet")
    dates = pd.DataFrame({"doc_id": range(len(rows)), "date": [r["date_from_url"] for r in rows]})
    counts = cp.contrast_counts(corpus.matches.merge(dates, on="doc_id"), lex.contrasts[0])
    out = cp.switch_points(counts, "Kyiv")
    assert out["group"].tolist() == ["Sputnik"]
    r = out.iloc[0]
    assert r["switch"] is None and r["p_value"] == 1.0 and r["share_before"] == 0.0
    assert r["periods"] >= 20
