"""What each chart shows, computed once: the matplotlib plots (framelens.plot) and the
report's inline SVG charts (framelens.svg) draw the same data frames."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Optional

import numpy as np

from .palette import GREY, category_colors, option_colors, series_colors


def _lexicon(cmp):
    return getattr(cmp, "lexicon", None)


def keyness_data(cmp, group: str, n: int = 10):
    """The ``n`` terms most characteristic of ``group`` (highest log-odds z) and the ``n``
    most characteristic of the rest (lowest z), as quanteda's ``textplot_keyness`` shows
    them: DataFrame term, category, count, z, log_odds, p_adj, side ("group" or
    "reference"), color; sorted by z, highest first."""
    import pandas as pd
    groups = list(cmp.counts.groups)
    if group not in groups:
        raise KeyError(f"no group {group!r}; groups: {', '.join(map(str, groups))}")
    t = cmp.terms
    rows = t[(t["group"] == group) & t["z"].notna()]
    top = rows[rows["z"] > 0].nlargest(n, "z")
    bottom = rows[rows["z"] < 0].nsmallest(n, "z")
    out = pd.concat([top.assign(side="group"), bottom.assign(side="reference")])
    out = out.sort_values("z", ascending=False, kind="stable").reset_index(drop=True)
    colors = category_colors(_lexicon(cmp), list(cmp.counts.categories))
    out["color"] = [colors.get(str(c), GREY) for c in out["category"]]
    keep = ["term", "category", "count", "z", "log_odds", "p_adj", "side", "color"]
    return out[[c for c in keep if c in out.columns]]


def reference_name(cmp, group: str) -> str:
    """What a group is compared with: the other group of a pair, or the rest."""
    if cmp.reference is not None:
        return str(cmp.reference) if cmp.reference != group else \
            next(str(g) for g in cmp.counts.groups if g != group)
    others = [g for g in cmp.counts.groups if g != group]
    return str(others[0]) if len(others) == 1 else "the rest"


def category_data(cmp):
    """cmp.categories with each category's colour; the bootstrap interval where there is
    one, else the Wilson interval, as ``low``/``high``."""
    df = cmp.categories.copy()
    colors = category_colors(_lexicon(cmp), list(cmp.counts.categories))
    df["color"] = [colors.get(str(c), GREY) for c in df["category"]]
    boot = "boot_low" in df.columns
    df["low"] = df["boot_low"] if boot else df["ci_low"]
    df["high"] = df["boot_high"] if boot else df["ci_high"]
    return df


def contrast_data(cmp):
    """cmp.contrasts with each option's colour and ``low``/``high`` as in category_data."""
    df = cmp.contrasts.copy()
    colors = {}
    for name, options in cmp.counts.contrasts:
        opts = [o for o, _ in options]
        for o, col in option_colors(_lexicon(cmp), name, opts).items():
            colors[(name, o)] = col
    df["color"] = [colors.get((str(c), str(o)), GREY)
                   for c, o in zip(df["contrast"], df["option"], strict=True)]
    boot = "boot_low" in df.columns
    df["low"] = df["boot_low"] if boot else df["ci_low"]
    df["high"] = df["boot_high"] if boot else df["ci_high"]
    return df


def _series_of_groups(corpus):
    """The series a timeline draws for each group: its label without the period key."""
    from .corpus import GROUP_SEPARATOR, PERIOD
    if PERIOD not in corpus.group_keys:
        return [str(g) for g in corpus.groups]
    at = corpus.group_keys.index(PERIOD)
    table = corpus.group_table
    out = []
    for _, row in table.iterrows():
        parts = [str(row[k]) for i, k in enumerate(corpus.group_keys) if i != at]
        out.append(GROUP_SEPARATOR.join(parts) if parts else "all")
    return out


def _dated(corpus) -> str:
    """The corpus's date column (the one given with date=, else the first datetime column
    kept)."""
    import pandas as pd
    date = corpus.date
    if date is None:
        dated = [k for k, v in corpus._doc_columns.items()
                 if hasattr(v, "dtype") and pd.api.types.is_datetime64_any_dtype(v.dtype)]
        if not dated:
            raise ValueError("a timeline needs a date: analyse with date='your_date_field'")
        date = dated[0]
    return date


def contrast_period_counts(corpus, contrast: str, period: Optional[str] = None,
                           voice: Optional[str] = None):
    """Matches of each option of ``contrast`` per series (a group without its period) and
    period of the corpus's date: DataFrame series, period, option, count, with a row for
    every series x period in the dates' span x option (zeros included). A match counts for
    an option as in ``Comparison.contrasts`` (a reference to one variant spelling wins over
    one to all of a term's spellings). The one count behind the timeline and the switch
    points."""
    import pandas as pd

    from .counts import _Shape
    from .evidence import check_voices
    date = _dated(corpus)
    period = period or corpus.period or "M"
    found = next((c for c in corpus.lexicon.contrasts if c.name == contrast), None)
    if found is None:
        names = ", ".join(c.name for c in corpus.lexicon.contrasts) or "none"
        raise KeyError(f"no contrast {contrast!r} in the lexicon (contrasts: {names})")
    periods = pd.PeriodIndex(pd.DatetimeIndex(corpus._doc_columns[date]), freq=period)
    series_names = _series_of_groups(corpus)
    doc_series = np.array(series_names, dtype=object)[corpus._doc_group] \
        if corpus.n_documents else np.zeros(0, dtype=object)
    c = corpus._cols
    keep = np.ones(len(c["match_doc"]), dtype=bool)
    codes = check_voices(voice)
    if codes is not None:
        keep &= np.isin(c["match_voice"], codes)
    mdoc = c["match_doc"][keep].astype(np.int64)
    shape = _Shape.of(corpus.lexicon)
    rows, cols = shape.options_of(shape.spelling_ids(c["match_term"][keep].astype(np.int64),
                                                     c["match_spelling"][keep].astype(np.int64)))
    in_contrast = np.array([shape.labels[j][1] == contrast for j in cols], dtype=bool) \
        if len(cols) else np.zeros(0, bool)
    rows, cols = rows[in_contrast], cols[in_contrast]
    docs = mdoc[rows]
    hits = pd.DataFrame({"series": doc_series[docs], "period": periods[docs],
                         "option": [shape.labels[j][2] for j in cols]})
    hits = hits[hits["period"].notna()]
    all_series = list(dict.fromkeys(series_names))
    valid = periods[periods.notna()]
    span = pd.period_range(valid.min(), valid.max(), freq=period) if len(valid) else \
        pd.PeriodIndex([], freq=period)
    options = list(found.options)
    grid = pd.MultiIndex.from_product([all_series, span, options],
                                      names=["series", "period", "option"])
    counts = hits.groupby(["series", "period", "option"]).size() if len(hits) else \
        pd.Series(dtype=np.int64)
    counts = counts.reindex(grid, fill_value=0).astype(np.int64)
    return counts.rename("count").reset_index()


def timeline_data(corpus, contrast: str, period: Optional[str] = None,
                  voice: Optional[str] = None):
    """Share of each option of ``contrast`` per period of the corpus's date, per series (a
    group without its period): DataFrame series, period, option, count, total, share,
    ci_low, ci_high (95% Wilson, from :func:`framelens.changepoint.shares`), color (of the
    series). A period with no match of the contrast has total 0 and a missing share."""
    import pandas as pd

    from .changepoint import shares
    counts = contrast_period_counts(corpus, contrast, period=period, voice=voice)
    all_series = list(dict.fromkeys(_series_of_groups(corpus)))
    options = list(next(c for c in corpus.lexicon.contrasts if c.name == contrast).options)
    if len(counts):
        df = shares(counts.astype({"series": object, "option": object}), group="series") \
            .rename(columns={"group": "series"})
    else:
        df = counts.assign(total=np.zeros(0, np.int64), share=np.zeros(0), ci_low=np.zeros(0),
                           ci_high=np.zeros(0))
    df["series"] = pd.Categorical(df["series"], categories=all_series)
    df["option"] = pd.Categorical(df["option"], categories=options)
    df = df.sort_values(["series", "period", "option"], kind="stable").reset_index(drop=True)
    colors = series_colors(all_series)
    df["color"] = [colors[s] for s in df["series"]]
    return df[["series", "period", "option", "count", "total", "share", "ci_low", "ci_high",
               "color"]]


def switch_point_data(corpus, contrast: str, option: Optional[str] = None,
                      period: Optional[str] = None, voice: Optional[str] = None,
                      bootstrap: int = 999, level: float = 0.95, seed: int = 0,
                      min_periods: int = 3):
    """The most likely switch of ``option``'s share of ``contrast`` per series, by
    :func:`framelens.changepoint.switch_points` on the counts behind the timeline: DataFrame
    series, option, switch, switch_low, switch_high, share_before, share_after, n_before,
    n_after, periods, statistic, p_value, direction."""
    from .changepoint import switch_points
    counts = contrast_period_counts(corpus, contrast, period=period, voice=voice)
    options = list(next(c for c in corpus.lexicon.contrasts if c.name == contrast).options)
    if option is None:
        option = options[-1]
    if option not in options:
        raise KeyError(f"no option {option!r} in contrast {contrast!r}; options: "
                       f"{', '.join(options)}")
    table = switch_points(counts.astype({"series": object, "option": object}), option,
                          bootstrap=bootstrap, level=level, seed=seed, min_periods=min_periods,
                          group="series")
    return table.rename(columns={"group": "series"})
