"""Plots of a comparison with matplotlib (``pip install 'framelens[plot]'``).

Each function returns its matplotlib ``Figure`` (shown inline in Jupyter; save it with
``fig.savefig(...)``). Colours come from the lexicon's categories where it gives them, and
from a fixed colour-blind-safe palette otherwise (framelens.palette).

    import framelens.plot as flp
    flp.keyness(cmp, "Sputnik")         # like quanteda's textplot_keyness
    flp.category_rates(cmp)             # rate per 1,000 tokens with intervals, per group
    flp.contrast_shares(cmp)            # share of each name with intervals, per group
    flp.timeline(corpus, "capital")     # a contrast's share by period (needs a date)
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import math
from typing import Any, List, Optional, Sequence

import numpy as np

from .charts import category_data, contrast_data, keyness_data, reference_name, timeline_data

_ROW = 0.28  # inches per row of a dot plot


def _pyplot():
    try:
        import matplotlib
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - exercised only without matplotlib
        raise ImportError("framelens.plot needs matplotlib: pip install 'framelens[plot]'") \
            from exc
    return matplotlib, plt


def _figure(width: float, height: float, nrows: int = 1, ncols: int = 1, **kw):
    _, plt = _pyplot()
    # Made by pyplot (so that Jupyter's inline backend is set up and shows the returned
    # Figure), then closed at once: pyplot keeps no reference, figures do not pile up, and
    # a notebook cell does not show the figure twice.
    fig = plt.figure(figsize=(width, height), layout="constrained")
    plt.close(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False, **kw)
    return fig, axes


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=3)


def keyness(cmp, group: str, n: int = 10, measure: str = "z"):
    """Horizontal bars of the ``n`` terms most characteristic of ``group`` (positive) and of
    what it is compared with (negative), by log-odds ``z`` (or ``"log_odds"``), coloured by
    category."""
    if measure not in ("z", "log_odds"):
        raise ValueError(f"measure must be 'z' or 'log_odds', not {measure!r}")
    df = keyness_data(cmp, group, n)
    fig, axes = _figure(7.0, max(2.0, 0.9 + _ROW * max(len(df), 1)))
    ax = axes[0][0]
    _style(ax)
    if len(df) == 0:
        ax.text(0.5, 0.5, "no term occurs", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    y = np.arange(len(df))[::-1]
    vals = df[measure].to_numpy(dtype=float)
    ax.barh(y, vals, color=list(df["color"]), height=0.7)
    span = np.nanmax(np.abs(vals)) if len(vals) else 1.0
    for yi, v, term in zip(y, vals, df["term"].astype(str), strict=True):
        ax.text(v + (0.02 * span if v >= 0 else -0.02 * span), yi, term, va="center",
                ha="left" if v >= 0 else "right", fontsize=9)
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_yticks([])
    ax.set_xlim(-1.45 * span, 1.45 * span)
    label = "log-odds z" if measure == "z" else "log-odds"
    ax.set_xlabel(f"{label}: ← {reference_name(cmp, group)}   |   {group} →")
    ax.set_title(f"Keyness: {group} against {reference_name(cmp, group)}", loc="left")
    _category_legend(ax, df)
    return fig


def _category_legend(ax, df) -> None:
    from matplotlib.patches import Patch
    seen = dict(zip(df["category"].astype(str), df["color"], strict=True))
    if seen:
        ax.legend(handles=[Patch(color=c, label=k) for k, c in seen.items()], fontsize=8,
                  frameon=False, loc="lower right")


def _dot_rows(ax, labels: Sequence[str], values, lows, highs, colors, xlabel: str,
              xlim: Optional[Sequence[float]] = None) -> None:
    y = np.arange(len(labels))[::-1]
    vals = np.asarray(values, dtype=float)
    lo = np.asarray(lows, dtype=float)
    hi = np.asarray(highs, dtype=float)
    for yi, v, a, b, c in zip(y, vals, lo, hi, colors, strict=True):
        if not math.isnan(a) and not math.isnan(b):
            ax.plot([a, b], [yi, yi], color=c, lw=2, alpha=0.55, solid_capstyle="butt")
        if not math.isnan(v):
            ax.plot([v], [yi], "o", color=c, ms=5)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.set_xlabel(xlabel, fontsize=8)
    if xlim is not None:
        ax.set_xlim(*xlim)
    else:
        top = np.nanmax(np.concatenate([vals, hi])) if len(vals) else 1.0
        top = top if np.isfinite(top) and top > 0 else 1.0
        ax.set_xlim(-0.03 * top, 1.05 * top)
    ax.grid(axis="x", color="#e5e5e5", lw=0.6)
    ax.set_axisbelow(True)
    _style(ax)


def category_rates(cmp, categories: Optional[Sequence[str]] = None, ncols: int = 3):
    """Each category's rate per 1,000 word tokens in every group, with its 95% interval
    (the document bootstrap's where the comparison has one, else Wilson's): one panel per
    category, in its colour."""
    df = category_data(cmp)
    cats = list(categories) if categories is not None else list(cmp.counts.categories)
    unknown = [c for c in cats if c not in set(cmp.counts.categories)]
    if unknown:
        raise KeyError(f"no category {unknown[0]!r}")
    groups = [str(g) for g in cmp.counts.groups]
    ncols = max(1, min(ncols, len(cats)))
    nrows = max(1, math.ceil(len(cats) / ncols))
    fig, axes = _figure(3.2 * ncols + 0.8, nrows * (0.8 + _ROW * max(len(groups), 1)),
                        nrows, ncols)
    for i, ax in enumerate(np.ravel(axes)):
        if i >= len(cats):
            ax.set_axis_off()
            continue
        sub = df[df["category"] == cats[i]]
        _dot_rows(ax, groups, sub["rate_per_1k"], sub["low"], sub["high"], sub["color"],
                  "per 1,000 tokens")
        ax.set_title(cats[i], loc="left", fontsize=10, color=sub["color"].iloc[0]
                     if len(sub) else "black")
    fig.suptitle("Category rates with 95% intervals", x=0.01, ha="left")
    return fig


def contrast_shares(cmp, contrasts: Optional[Sequence[str]] = None, ncols: int = 2):
    """For each contrast, the share of each option in every group with its 95% interval:
    one panel per contrast, options in their colours."""
    df = contrast_data(cmp)
    names = list(contrasts) if contrasts is not None else \
        [name for name, _ in cmp.counts.contrasts]
    known = {name for name, _ in cmp.counts.contrasts}
    for name in names:
        if name not in known:
            raise KeyError(f"no contrast {name!r}; contrasts: {', '.join(sorted(known))}")
    groups = [str(g) for g in cmp.counts.groups]
    ncols = max(1, min(ncols, len(names) or 1))
    nrows = max(1, math.ceil(len(names) / ncols))
    fig, axes = _figure(4.2 * ncols + 0.8, nrows * (0.9 + 1.5 * _ROW * max(len(groups), 1)),
                        nrows, ncols)
    for i, ax in enumerate(np.ravel(axes)):
        if i >= len(names):
            ax.set_axis_off()
            continue
        sub = df[df["contrast"] == names[i]]
        options = list(dict.fromkeys(sub["option"].astype(str)))
        k = len(options)
        y0 = np.arange(len(groups))[::-1].astype(float)
        for j, opt in enumerate(options):
            o = sub[sub["option"] == opt]
            off = (j - (k - 1) / 2) * (0.6 / max(k, 1))
            color = o["color"].iloc[0]
            for yi, v, a, b in zip(y0 + off, o["share"], o["low"], o["high"], strict=True):
                if not (math.isnan(a) or math.isnan(b)):
                    ax.plot([a, b], [yi, yi], color=color, lw=2, alpha=0.55)
                if not math.isnan(v):
                    ax.plot([v], [yi], "o", color=color, ms=5)
            ax.plot([], [], "o", color=color, label=opt)
        ax.set_yticks(y0)
        ax.set_yticklabels(groups, fontsize=8)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.set_xlim(-0.03, 1.03)
        ax.xaxis.set_major_formatter(_percent())
        ax.grid(axis="x", color="#e5e5e5", lw=0.6)
        ax.set_axisbelow(True)
        ax.set_title(names[i], loc="left", fontsize=10)
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _style(ax)
    fig.suptitle("Contrast shares with 95% intervals", x=0.01, ha="left")
    return fig


def _percent():
    from matplotlib.ticker import PercentFormatter
    return PercentFormatter(1.0, decimals=0)


def timeline(corpus, contrast: str, option: Optional[str] = None,
             period: Optional[str] = None, voice: Optional[str] = None,
             series: Optional[Sequence[str]] = None):
    """The share of one option of a contrast (default: its first) by period of the
    corpus's date, one line per group (without its period) with a 95% Wilson band."""
    df = timeline_data(corpus, contrast, period=period, voice=voice)
    options = list(df["option"].cat.categories)
    option = option if option is not None else options[0]
    if option not in options:
        raise KeyError(f"no option {option!r} in contrast {contrast!r}; options: "
                       f"{', '.join(options)}")
    sub = df[df["option"] == option]
    names: List[Any] = list(series) if series is not None else \
        list(sub["series"].cat.categories)
    fig, axes = _figure(8.0, 3.6)
    ax = axes[0][0]
    for s in names:
        part = sub[sub["series"] == s]
        if not part["share"].notna().any():
            continue  # a series without any dated match of the contrast
        x = part["period"].dt.to_timestamp().to_numpy()
        color = part["color"].iloc[0]
        ax.fill_between(x, part["ci_low"].to_numpy(dtype=float),
                        part["ci_high"].to_numpy(dtype=float), color=color, alpha=0.15, lw=0)
        ax.plot(x, part["share"].to_numpy(dtype=float), "o-", color=color, ms=3, lw=1.5,
                label=str(s))
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(_percent())
    ax.set_ylabel(f"share of {option!r}")
    ax.set_title(f"{contrast}: share of {option!r} by period", loc="left")
    ax.legend(fontsize=8, frameon=False)
    ax.grid(axis="y", color="#e5e5e5", lw=0.6)
    _style(ax)
    return fig


def switch_points(corpus, contrast: str, option: Optional[str] = None,
                  period: Optional[str] = None, voice: Optional[str] = None,
                  bootstrap: int = 999, seed: int = 0, ax=None):
    """``option``'s share of ``contrast`` by period (default: its last option), a line per
    series with 95% Wilson intervals, and each series' most likely switch
    (:meth:`framelens.Corpus.switch_points`) as a dashed line over a band for its interval."""
    from .changepoint import plot_switches
    from .charts import contrast_period_counts, switch_point_data
    counts = contrast_period_counts(corpus, contrast, period=period, voice=voice)
    table = switch_point_data(corpus, contrast, option=option, period=period, voice=voice,
                              bootstrap=bootstrap, seed=seed)
    option = str(table["option"].iloc[0]) if len(table) else option
    counts = counts.astype({"series": object, "option": object})
    if ax is None:
        _fig, axes = _figure(8.0, 3.6)  # not through pyplot: Jupyter shows it once
        ax = axes[0][0]
    return plot_switches(counts, table.rename(columns={"series": "group"}), option=option,
                         ax=ax, group="series")

