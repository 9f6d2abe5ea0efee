"""The HTML report of a comparison: one self-contained page (no scripts, no network, charts
as inline SVG, CSS inline) that shows how the groups differ and the sentences behind it.

Layout, for any number of groups: a summary first (the groups, the contrasts side by side,
the most distinctive terms of each group), then the charts, the terms with highlighted
example sentences, the categories, the voices, the timeline (when a date is carried), a
note on method and the full tables. With many groups the largest come first and the rest
is folded in ``<details>``.

The page is rendered from the Jinja2 template ``templates/report.html.j2``.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import datetime
import os
from typing import Any, Dict, List, Optional

import numpy as np

from . import svg
from .display import (
    VOICE_NOTE,
    category_css,
    contrast_table,
    group_rows,
    match_info,
    render,
    segments,
    top_terms,
    value,
)
from .palette import GREY, category_colors, category_info

SUMMARY_GROUPS = 12  # groups shown before the rest is folded
OPEN_GROUPS = 4  # up to this many groups, each group's section starts unfolded
FULL_TABLES_MAX_GROUPS = 12  # above this the full tables are left to -o table.csv


def _examples(cmp, group: str, term: str, n: int, colors: Dict[str, str]) -> List[Dict]:
    corpus = cmp.corpus
    out = []
    for ex in corpus._examples(term, group=group, voice=cmp.voice, n=n, seed=0):
        spans = []
        for s in ex["spans"]:
            info = match_info(s["term"], s["category"], s["weight"], s["voice"], s["negated"],
                              colors)
            info.update(start=s["start"], end=s["end"], focus=s["focus"])
            spans.append(info)
        meta = [str(ex["doc_id"])]
        for k, v in ex["kept"].items():
            if v is not None and str(v) not in ("", "nan", "NaT"):
                meta.append(f"{k}: {value(v)}")
        out.append({"segments": segments(ex["text"], spans), "meta": " · ".join(meta)})
    return out


def _voice_rows(cmp) -> Dict[str, Any]:
    """Matches per voice: per group, and per category over all groups."""
    c = cmp.counts
    per_group = []
    for i, g in enumerate(c.groups):
        v = c.term_counts[i].sum(axis=0)
        total = int(v.sum())
        per_group.append({"group": g, "total": total,
                          "cells": [{"count": int(x), "share": x / total if total else
                                     float("nan")} for x in v]})
    per_cat = []
    colors = category_colors(cmp.lexicon, list(c.categories))
    tc = c.term_counts.sum(axis=0) if len(c.groups) else np.zeros((len(c.terms), 3), np.int64)
    for ci, cat in enumerate(c.categories):
        v = tc[c.term_category == ci].sum(axis=0)
        total = int(v.sum())
        if total:
            per_cat.append({"category": cat, "color": colors[cat], "total": total,
                            "cells": [{"count": int(x), "share": x / total} for x in v]})
    return {"voices": list(VOICE_NOTE), "per_group": per_group, "per_category": per_cat}


def _categories(cmp) -> List[Dict[str, Any]]:
    lex = cmp.lexicon
    c = cmp.counts
    colors = category_colors(lex, list(c.categories))
    totals = c.category_matrix().sum(axis=0) if len(c.groups) else \
        np.zeros(len(c.categories), np.int64)
    n_terms = np.bincount(c.term_category, minlength=len(c.categories))
    out = []
    for i, cat in enumerate(c.categories):
        info = category_info(lex, cat)
        src = info.get("source")
        out.append({"name": cat, "color": colors[cat], "description":
                    info.get("description") or "", "source": [src] if isinstance(src, str)
                    else list(src or []), "matches": int(totals[i]),
                    "n_terms": int(n_terms[i])})
    return out


def _timelines(cmp) -> List[Any]:
    corpus = cmp.corpus
    if corpus is None or corpus.lexicon is None or not corpus.lexicon.contrasts:
        return []
    import pandas as pd
    dated = corpus.date is not None or any(
        hasattr(v, "dtype") and pd.api.types.is_datetime64_any_dtype(v.dtype)
        for v in corpus._doc_columns.values())
    if not dated:
        return []
    return [svg.timeline_chart(corpus, c.name, voice=cmp.voice)
            for c in corpus.lexicon.contrasts]


def report_context(cmp, title: str) -> Dict[str, Any]:
    from . import __version__
    groups = list(cmp.counts.groups)
    rows = group_rows(cmp.counts)
    # the largest groups first when there are more than the summary shows
    order = sorted(range(len(groups)), key=lambda i: -rows[i]["tokens"]) \
        if len(groups) > SUMMARY_GROUPS else list(range(len(groups)))
    shown = [groups[i] for i in order[:SUMMARY_GROUPS]]
    folded = [groups[i] for i in order[SUMMARY_GROUPS:]]
    many = len(groups) > SUMMARY_GROUPS
    colors = category_colors(cmp.lexicon, list(cmp.counts.categories))
    has_texts = cmp.corpus is not None and cmp.corpus.texts != "none"
    sections = []
    for g in [groups[i] for i in order]:
        big = g in shown
        terms = top_terms(cmp, g, n=8 if big and not many else 5)
        n_examples = 2 if big else 1
        for k, t in enumerate(terms):
            t["examples"] = _examples(cmp, g, t["term"], n_examples, colors) \
                if has_texts and (big or k < 3) else []
        sections.append({"group": g, "terms": terms, "open": len(groups) <= OPEN_GROUPS,
                         "keyness": svg.keyness_chart(cmp, g) if big and len(groups) > 1
                         else None})
    lex = cmp.lexicon
    lex_name = None if lex is None else (lex.name or lex.source)
    chart_cmp_groups = shown if many else groups
    summary_rows = [rows[groups.index(g)] for g in shown]
    folded_rows = [rows[groups.index(g)] for g in folded]
    return {
        "title": title, "version": __version__,
        "generated": datetime.date.today().isoformat(),
        "lexicon": lex_name, "lexicon_version": None if lex is None else lex.version,
        "cmp": cmp, "groups": groups, "many": many, "n_summary": len(shown),
        "summary_rows": summary_rows, "folded_rows": folded_rows,
        "totals": {"documents": int(cmp.counts.documents.sum()),
                   "tokens": int(cmp.counts.tokens.sum()),
                   "matches": int(cmp.counts.term_matrix(cmp.voice).sum())},
        "contrasts": contrast_table(cmp, shown),
        "contrasts_folded": contrast_table(cmp, folded) if folded else None,
        "top": [{"group": g, "terms": top_terms(cmp, g, n=5)} for g in shown],
        "contrast_charts": svg.contrast_charts(cmp, groups=chart_cmp_groups),
        "category_charts": svg.category_charts(cmp, groups=chart_cmp_groups),
        "sections": sections, "has_texts": has_texts, "categories": _categories(cmp),
        "voice": _voice_rows(cmp), "voice_note": VOICE_NOTE, "timelines": _timelines(cmp),
        "full_tables": None if len(groups) > FULL_TABLES_MAX_GROUPS else _full_tables(cmp),
        "grey": GREY, "css": category_css(colors),
    }


def _full_tables(cmp) -> Dict[str, Any]:
    def table(df, sort: Optional[List[str]] = None):
        if sort:
            df = df.sort_values(sort, ascending=[True, False][:len(sort)], kind="stable")
        return {"columns": list(df.columns),
                "rows": [list(r) for r in df.itertuples(index=False, name=None)]}
    return {"terms": table(cmp.terms, ["group", "z"]), "categories": table(cmp.categories),
            "contrasts": table(cmp.contrasts)}


def comparison_html(cmp, title: str = "framelens comparison") -> str:
    """The report of a Comparison as one HTML page. A comparison of a Corpus (not of merged
    counts) also shows example sentences."""
    return render("report.html.j2", r=report_context(cmp, title))


def write_report(cmp, path: str, title: Optional[str] = None) -> str:
    """Writes the report to ``path``; returns the absolute path."""
    page = comparison_html(cmp, title=title or "framelens comparison")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return os.path.abspath(path)
