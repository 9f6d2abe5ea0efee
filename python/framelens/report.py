"""A self-contained HTML report of a comparison (no scripts, no external files)."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import html
import math

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:right}
th{background:#f4f4f4}td.l,th.l{text-align:left}
.bar{display:inline-block;height:.8em;background:#4a78b5;vertical-align:middle}
.neg{background:#c0392b}.note{color:#666;font-size:.9em}
"""


def _fmt(v) -> str:
    if isinstance(v, float):
        if math.isnan(v):
            return "–"
        if v != 0 and (abs(v) < 1e-3 or abs(v) >= 1e6):
            return f"{v:.3g}"
        return f"{v:.3f}"
    return html.escape(str(v))


def _table(df, left=("group", "term", "category", "contrast", "option"), bar=None) -> str:
    cols = list(df.columns)
    out = ["<table><tr>"]
    out += [f'<th class="{"l" if c in left else ""}">{html.escape(c)}</th>' for c in cols]
    if bar:
        out.append("<th></th>")
    out.append("</tr>")
    scale = 0.0
    if bar:
        vals = [abs(v) for v in df[bar] if isinstance(v, float) and not math.isnan(v)]
        scale = max(vals) if vals else 0.0
    for row in df.itertuples(index=False):
        out.append("<tr>")
        for c, v in zip(cols, row):
            out.append(f'<td class="{"l" if c in left else ""}">{_fmt(v)}</td>')
        if bar:
            v = getattr(row, bar)
            w = 0 if not scale or not isinstance(v, float) or math.isnan(v) else \
                int(120 * abs(v) / scale)
            cls = "bar neg" if isinstance(v, float) and v < 0 else "bar"
            out.append(f'<td class="l"><span class="{cls}" style="width:{w}px"></span></td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def comparison_html(cmp, title: str = "framelens comparison") -> str:
    """The three tables of a Comparison as one HTML page."""
    c = cmp.counts
    groups = ", ".join(f"{html.escape(str(g))} ({int(d)} documents, {int(t)} tokens)"
                       for g, d, t in zip(c.groups, c.documents, c.tokens))
    voice = f"; only matches in the <b>{html.escape(cmp.voice)}</b> voice" if cmp.voice else ""
    terms = cmp.terms.sort_values(["group", "z"], ascending=[True, False])
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>Groups: {groups}{voice}. Each group is compared with the pooled rest.</p>",
        "<h2>Terms</h2><p class='note'>log-odds with an informative Dirichlet prior "
        f"(Monroe, Colaresi &amp; Quinn 2008; alpha0 = {cmp.alpha0:g}), its z-score, "
        "Dunning's G² with its p-value and Benjamini–Hochberg adjusted p.</p>",
        _table(terms, bar="z"),
        "<h2>Categories</h2><p class='note'>matches per 1,000 word tokens, 95% Wilson "
        "interval" + ("; boot_*: 95% document bootstrap interval" if cmp.bootstrap else "")
        + ".</p>",
        _table(cmp.categories, bar="rate_per_1k"),
        "<h2>Contrasts</h2><p class='note'>share of each option among the competing names, "
        "95% Wilson interval.</p>",
        _table(cmp.contrasts, bar="share"),
        "</body></html>",
    ]
    return "\n".join(parts)
