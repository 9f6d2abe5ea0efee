"""The report's charts as inline SVG, drawn from the same data as framelens.plot (see
framelens.charts) without needing matplotlib: a report must work after a plain
``pip install framelens``.

A chart is a list of shapes laid out here in Python and written out by the Jinja2
template ``svg.html.j2``, which escapes every text; nothing here builds markup by hand.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from .charts import category_data, contrast_data, keyness_data, reference_name

FONT = 11  # px
ROW = 16  # px per row of a dot plot
LABEL_CHARS = 26  # group labels longer than this are shortened (the full name in a tooltip)


@dataclass
class Chart:
    """Shapes on a canvas: dicts with a ``kind`` (rect, line, circle, text, path) and their
    SVG attributes; ``title`` becomes a tooltip."""

    width: int
    height: int
    label: str
    shapes: List[Dict[str, Any]] = field(default_factory=list)

    def rect(self, x, y, w, h, fill, title=None, opacity=1.0):
        self.shapes.append({"kind": "rect", "x": _r(x), "y": _r(y), "w": _r(max(w, 0)),
                            "h": _r(max(h, 0)), "fill": fill, "title": title,
                            "opacity": opacity})

    def line(self, x1, y1, x2, y2, stroke, width=1.0, opacity=1.0, dash=None, title=None):
        self.shapes.append({"kind": "line", "x1": _r(x1), "y1": _r(y1), "x2": _r(x2),
                            "y2": _r(y2), "stroke": stroke, "width": width,
                            "opacity": opacity, "dash": dash, "title": title})

    def circle(self, x, y, r, fill, title=None):
        self.shapes.append({"kind": "circle", "x": _r(x), "y": _r(y), "r": r, "fill": fill,
                            "title": title})

    def text(self, x, y, s, anchor="start", size=FONT, fill="#222", weight="normal",
             title=None):
        self.shapes.append({"kind": "text", "x": _r(x), "y": _r(y), "s": str(s),
                            "anchor": anchor, "size": size, "fill": fill, "weight": weight,
                            "title": title})

    def path(self, points, stroke=None, fill="none", width=1.5, opacity=1.0):
        d = " ".join(f"{'M' if i == 0 else 'L'}{_r(x)},{_r(y)}" for i, (x, y) in
                     enumerate(points))
        if fill != "none":
            d += " Z"
        self.shapes.append({"kind": "path", "d": d, "stroke": stroke or "none", "fill": fill,
                            "width": width, "opacity": opacity})


def _r(v: float) -> float:
    return round(float(v), 1)


def _short(s: str, n: int = LABEL_CHARS) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def _fmt(v: float, pct: bool = False) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{100 * v:.0f}%" if pct else f"{v:.3g}"


def _scale(lo: float, hi: float, x0: float, x1: float):
    span = (hi - lo) or 1.0
    return lambda v: x0 + (v - lo) / span * (x1 - x0)


def _ticks(hi: float) -> List[float]:
    """A few round tick values from 0 to hi."""
    if not hi or not math.isfinite(hi) or hi <= 0:
        return [0.0]
    step = 10 ** math.floor(math.log10(hi / 4))
    for m in (1, 2, 2.5, 5, 10):
        if hi / (step * m) <= 5:
            step *= m
            break
    return [i * step for i in range(int(hi / step) + 1)]


def keyness_chart(cmp, group: str, n: int = 10) -> Chart:
    """Bars of log-odds z: the group's most characteristic terms to the right, those of
    what it is compared with to the left, coloured by category."""
    df = keyness_data(cmp, group, n)
    ref = reference_name(cmp, group)
    width, top = 560, 34
    height = top + ROW * max(len(df), 1) + 30
    ch = Chart(width, height, f"Keyness of {group} against {ref}")
    ch.text(0, 14, f"{_short(str(group), 40)} against {_short(ref, 40)}", weight="bold")
    if not len(df):
        ch.text(width / 2, top + 10, "no term occurs", anchor="middle", fill="#777")
        return ch
    span = float(np.nanmax(np.abs(df["z"].to_numpy(dtype=float)))) or 1.0
    mid = width / 2
    x = _scale(-span * 1.6, span * 1.6, 0, width)
    for i, row in enumerate(df.itertuples(index=False)):
        y = top + i * ROW
        z = float(row.z)
        tip = (f"{row.term} ({row.category}): z = {z:.2f}, log-odds = {row.log_odds:.3f}, "
               f"{int(row.count)} in {group}")
        x0, x1 = sorted((x(0), x(z)))
        ch.rect(x0, y + 2, x1 - x0, ROW - 4, row.color, title=tip)
        if z >= 0:
            ch.text(x(z) + 4, y + ROW - 4, row.term)
        else:
            ch.text(x(z) - 4, y + ROW - 4, row.term, anchor="end")
    base = top + ROW * len(df)
    ch.line(mid, top - 4, mid, base + 2, "#444")
    ch.text(mid + 6, base + 18, f"{_short(str(group), 30)} →", size=10, fill="#555")
    ch.text(mid - 6, base + 18, f"← {_short(ref, 30)}", anchor="end", size=10, fill="#555")
    ch.text(width, base + 18, "log-odds z", anchor="end", size=10, fill="#777")
    return ch


def _dot_panel(title: str, title_color: str, labels: Sequence[str], rows: List[List[Dict]],
               hi: float, pct: bool, width: int = 300) -> Chart:
    """One panel of a dot plot: a row per label, one or more dots with whiskers per row."""
    left, top, right = 150, 26, 12
    height = top + ROW * max(len(labels), 1) + 22
    ch = Chart(width, height, title)
    ch.text(0, 14, title, fill=title_color, weight="bold")
    x = _scale(0, hi, left, width - right)
    for t in _ticks(hi):
        ch.line(x(t), top - 2, x(t), top + ROW * len(labels), "#e5e5e5")
        ch.text(x(t), top + ROW * len(labels) + 14, _fmt(t, pct), anchor="middle", size=9,
                fill="#777")
    for i, (label, dots) in enumerate(zip(labels, rows, strict=True)):
        y = top + i * ROW + ROW / 2
        ch.text(left - 6, y + 4, _short(label), anchor="end", size=10,
                title=label if len(label) > LABEL_CHARS else None)
        k = len(dots)
        for j, d in enumerate(dots):
            off = (j - (k - 1) / 2) * min(5.0, (ROW - 4) / max(k, 1))
            tip = d["tip"]
            if not (math.isnan(d["low"]) or math.isnan(d["high"])):
                ch.line(x(d["low"]), y + off, x(min(d["high"], hi)), y + off, d["color"],
                        width=2.5, opacity=0.5, title=tip)
            if not math.isnan(d["value"]):
                ch.circle(x(min(d["value"], hi)), y + off, 3.5, d["color"], title=tip)
    return ch


def category_charts(cmp, categories: Optional[Sequence[str]] = None,
                    groups: Optional[Sequence[str]] = None) -> List[Chart]:
    """One dot-plot panel per category: its rate per 1,000 tokens in each group (or in the
    ``groups`` given) with the 95% interval."""
    df = category_data(cmp)
    cats = list(categories) if categories is not None else list(cmp.counts.categories)
    groups = [str(g) for g in (cmp.counts.groups if groups is None else groups)]
    df = df[df["group"].astype(str).isin(groups)]
    out = []
    for cat in cats:
        sub = df[df["category"] == cat]
        hi = float(np.nanmax(sub["high"].to_numpy(dtype=float))) if len(sub) and \
            np.isfinite(sub["high"].to_numpy(dtype=float)).any() else 1.0
        by_group = {str(r.group): r for r in sub.itertuples(index=False)}
        rows: List[List[Dict[str, Any]]] = []
        for g in groups:
            r = by_group.get(g)
            if r is None:
                rows.append([])
                continue
            rows.append([{"value": float(r.rate_per_1k), "low": float(r.low),
                          "high": float(r.high), "color": r.color,
                          "tip": f"{g}, {cat}: {_fmt(float(r.rate_per_1k))} per 1,000 "
                                 f"tokens ({int(r.count)} in {int(r.tokens)}); 95% interval "
                                 f"{_fmt(float(r.low))}–{_fmt(float(r.high))}"}])
        color = sub["color"].iloc[0] if len(sub) else "#222"
        out.append(_dot_panel(str(cat), color, groups, rows, max(hi, 1e-9) * 1.05, False))
    return out


def contrast_charts(cmp, groups: Optional[Sequence[str]] = None) -> List[Chart]:
    """One dot-plot panel per contrast: each option's share in each group (or in the
    ``groups`` given) with the 95% interval, options in their colours."""
    df = contrast_data(cmp)
    groups = [str(g) for g in (cmp.counts.groups if groups is None else groups)]
    out = []
    for name, _options in cmp.counts.contrasts:
        sub = df[df["contrast"] == name]
        rows: List[List[Dict]] = []
        for g in groups:
            part = sub[sub["group"] == g]
            rows.append([{"value": float(r.share), "low": float(r.low), "high": float(r.high),
                          "color": r.color,
                          "tip": f"{g}, {name}: {r.option} {_fmt(float(r.share), True)} "
                                 f"({int(r.count)}); 95% interval {_fmt(float(r.low), True)}"
                                 f"–{_fmt(float(r.high), True)}"}
                         for r in part.itertuples(index=False)])
        ch = _dot_panel(str(name), "#222", groups, rows, 1.0, True, width=340)
        # the legend: option names in their colours, after the title
        x = 12 + 7.5 * len(str(name))
        for opt in dict.fromkeys(sub["option"].astype(str)):
            color = sub[sub["option"] == opt]["color"].iloc[0]
            ch.circle(x + 4, 10, 4, color)
            ch.text(x + 11, 14, opt, size=10, fill=color)
            x += 22 + 6.5 * len(opt)
        ch.width = max(ch.width, int(x) + 4)
        out.append(ch)
    return out


def timeline_chart(corpus, contrast: str, option: Optional[str] = None,
                   period: Optional[str] = None, voice: Optional[str] = None,
                   switches=None) -> Chart:
    """The share of one option of a contrast by period, a line per series with its 95%
    Wilson band; with ``switches`` (Corpus.switch_points), each series' switch as a dashed
    line over a faint band for its interval."""
    from .charts import timeline_data
    df = timeline_data(corpus, contrast, period=period, voice=voice)
    options = list(df["option"].cat.categories)
    option = option if option is not None else options[0]
    sub = df[df["option"] == option]
    periods = list(dict.fromkeys(sub["period"].astype(str)))
    width, left, top, bottom, right = 640, 40, 30, 34, 150
    height = 230
    ch = Chart(width, height, f"{contrast}: share of {option} by period")
    ch.text(0, 14, f"{contrast}: share of “{option}” by period", weight="bold")
    if not periods:
        ch.text(width / 2, height / 2, "no dated document", anchor="middle", fill="#777")
        return ch
    x = _scale(0, max(len(periods) - 1, 1), left, width - right)
    y = _scale(0, 1, height - bottom, top)
    for t in (0, 0.25, 0.5, 0.75, 1.0):
        ch.line(left, y(t), width - right, y(t), "#eeeeee")
        ch.text(left - 4, y(t) + 4, _fmt(t, True), anchor="end", size=9, fill="#777")
    step = max(1, math.ceil(len(periods) / 10))
    for i, p in enumerate(periods):
        if i % step == 0:
            ch.text(x(i), height - bottom + 16, p, anchor="middle", size=9, fill="#777")
    pos = {p: i for i, p in enumerate(periods)}
    for n, s in enumerate(sub["series"].cat.categories):
        part = sub[(sub["series"] == s) & sub["share"].notna()]
        if not len(part):
            continue
        color = part["color"].iloc[0]
        xs = [x(pos[str(p)]) for p in part["period"]]
        band = list(zip(xs, [y(v) for v in part["ci_high"]], strict=True)) + \
            list(zip(xs[::-1], [y(v) for v in part["ci_low"][::-1]], strict=True))
        ch.path(band, fill=color, opacity=0.15, width=0)
        ch.path(list(zip(xs, [y(v) for v in part["share"]], strict=True)), stroke=color)
        for xi, r in zip(xs, part.itertuples(index=False), strict=True):
            ch.circle(xi, y(r.share), 2.5, color,
                      title=f"{s}, {r.period}: {_fmt(float(r.share), True)} {option} "
                            f"({int(r.count)} of {int(r.total)})")
        ch.circle(width - right + 14, top + 6 + 16 * n, 4, color)
        ch.text(width - right + 22, top + 10 + 16 * n, _short(str(s), 20), size=10,
                title=str(s))
        sw = None if switches is None else \
            switches[(switches["series"].astype(str) == str(s)) & switches["switch"].notna()]
        if sw is not None and len(sw):
            r = sw.iloc[0]
            at, lo, hi = (pos.get(str(r[k])) for k in ("switch", "switch_low", "switch_high"))
            if at is not None and lo is not None and hi is not None:
                ch.rect(x(lo) - 3, top, x(hi) - x(lo) + 6, height - bottom - top, color,
                        opacity=0.08, title=f"{s}: switch between {r['switch_low']} and "
                                            f"{r['switch_high']}")
                ch.line(x(at), top, x(at), height - bottom, color, width=1.5, dash="4 3",
                        title=f"{s}: switch in {r['switch']} "
                              f"({_fmt(float(r['share_before']), True)}"
                              f" -> {_fmt(float(r['share_after']), True)} {r['option']}, "
                              f"p = {_fmt(float(r['p_value']))})")
    return ch
