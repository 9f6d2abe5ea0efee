"""Plots (issue 9, item 4): each returns a matplotlib Figure drawing the comparison's numbers
in the lexicon's colours."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import numpy as np
import pytest

from framelens.charts import keyness_data, timeline_data
from framelens.palette import category_colors, series_colors

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is in the test extra")
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import framelens.plot as flp  # noqa: E402


@pytest.fixture(scope="module")
def corpus(demo_analyzer, demo_records):
    return demo_analyzer.analyze_corpus(demo_records, date="date")


@pytest.fixture(scope="module")
def cmp(corpus):
    return corpus.compare(bootstrap=100, seed=1)


def test_keyness_bars_are_the_terms_by_z_in_category_colours(cmp):
    fig = flp.keyness(cmp, "Northwire", n=3)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    bars = ax.patches
    data = keyness_data(cmp, "Northwire", n=3)
    assert len(bars) == len(data) == 6
    widths = [b.get_width() for b in sorted(bars, key=lambda b: -b.get_y())]
    np.testing.assert_allclose(widths, data["z"].to_numpy())
    assert widths == sorted(widths, reverse=True)
    assert widths[0] > 0 > widths[-1]
    colors = category_colors(cmp.lexicon)
    for bar, cat in zip(sorted(bars, key=lambda b: -b.get_y()), data["category"], strict=True):
        assert to_hex(bar.get_facecolor()) == colors[str(cat)].lower()
    labels = [t.get_text() for t in ax.texts]
    assert labels == data["term"].astype(str).tolist()
    assert "Eastgate Daily" in ax.get_xlabel()  # two groups: the other one is the reference
    with pytest.raises(KeyError, match="no group"):
        flp.keyness(cmp, "Nowhere")


def test_category_rates_one_panel_per_category(cmp):
    fig = flp.category_rates(cmp)
    cats = list(cmp.counts.categories)
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == cats
    colors = category_colors(cmp.lexicon)
    for ax, cat in zip(panels, cats, strict=True):
        dots = [line for line in ax.lines if line.get_marker() == "o"]
        rows = cmp.categories[cmp.categories["category"] == cat]
        want = sorted(rows["rate_per_1k"].to_numpy())
        got = sorted(line.get_xdata()[0] for line in dots)
        np.testing.assert_allclose(got, want)
        assert all(to_hex(line.get_color()) == colors[cat].lower() for line in dots)


def test_contrast_shares_with_intervals(cmp):
    fig = flp.contrast_shares(cmp, contrasts=["capital"])
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "capital"
    dots = [line for line in ax.lines if line.get_marker() == "o" and len(line.get_xdata())]
    rows = cmp.contrasts[cmp.contrasts["contrast"] == "capital"]
    np.testing.assert_allclose(sorted(d.get_xdata()[0] for d in dots), sorted(rows["share"]))
    whiskers = [line for line in ax.lines if line.get_marker() in ("None", "", None)]
    lows = sorted(min(w.get_xdata()) for w in whiskers)
    np.testing.assert_allclose(lows, sorted(rows["boot_low"]))
    with pytest.raises(KeyError, match="no contrast"):
        flp.contrast_shares(cmp, contrasts=["capitol"])


def test_timeline_by_month(corpus):
    df = timeline_data(corpus, "capital", period="M")
    assert sorted(set(df["period"].astype(str))) == ["2024-01", "2024-02", "2024-03",
                                                      "2024-04"]
    kiev = df[(df["option"] == "Kiev") & (df["series"] == "Northwire")]
    assert (kiev["share"].dropna() == 1.0).all()
    m = corpus.matches
    for _, row in df.iterrows():
        docs = corpus.documents
        in_period = docs[(docs["group"] == row["series"]) &
                         (docs["date"].dt.to_period("M").astype(str) == str(row["period"]))]
        terms = ["Kiev", "Kiev regime"] if row["option"] == "Kiev" else ["Kyiv"]
        expected = int(m[m["doc_id"].isin(in_period["doc_id"]) & m["term"].isin(terms)]
                       .shape[0])
        assert row["count"] == expected
    fig = flp.timeline(corpus, "capital", option="Kyiv")
    ax = fig.axes[0]
    lines = [line for line in ax.lines if line.get_label() in ("Northwire", "Eastgate Daily")]
    assert {line.get_label() for line in lines} == {"Northwire", "Eastgate Daily"}
    colors = series_colors(["Eastgate Daily", "Northwire"])
    for line in lines:
        assert to_hex(line.get_color()) == colors[line.get_label()].lower()
    with pytest.raises(KeyError, match="no option"):
        flp.timeline(corpus, "capital", option="Kiyv")


def test_timeline_needs_a_date(demo_analyzer, demo_records):
    c = demo_analyzer.analyze_corpus(demo_records)
    with pytest.raises(ValueError, match="date="):
        flp.timeline(c, "capital")


def test_figures_do_not_pile_up_in_pyplot(cmp):
    import matplotlib.pyplot as plt
    before = len(plt.get_fignums())
    for _ in range(25):  # pyplot warns from 20 open figures
        flp.keyness(cmp, "Northwire")
    assert len(plt.get_fignums()) == before
