"""The HTML report of a comparison: one self-contained page (no scripts, no network, charts
as inline SVG, CSS inline) that shows how the groups differ and the sentences behind it.

Layout, for any number of groups: a summary first (the groups, the contrasts side by side,
the most distinctive terms of each group), then the charts, the terms with highlighted
example sentences, the categories, the voices, who says what with which verb, labels by the
actor they are said of, the timeline with each series' switch point (when a date is
carried), the copies found (with ``dedupe=``), a note on method and the full tables. With
many groups the largest come first and the rest is folded in ``<details>``.

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
WHO_SPEAKERS = 12  # speakers in "who says what" (the actors first)
WHO_CUES = 4  # cues shown per speaker and group
TARGET_TERMS = 12  # terms in "labels by target"
COPY_CLUSTERS = 10  # largest clusters of copies listed
SWITCH_BOOTSTRAP = 499  # replicates of the switch points' p-value and interval
Z_MARKED = 1.959963984540054  # a cue flagged as used more for this speaker
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
    """For each contrast, when a date is carried: the timeline chart with each series' most
    likely switch marked, and the switch table's rows (series with data)."""
    corpus = cmp.corpus
    if corpus is None or corpus.lexicon is None or not corpus.lexicon.contrasts:
        return []
    import pandas as pd
    dated = corpus.date is not None or any(
        hasattr(v, "dtype") and pd.api.types.is_datetime64_any_dtype(v.dtype)
        for v in corpus._doc_columns.values())
    if not dated:
        return []
    out = []
    for c in corpus.lexicon.contrasts:
        table = corpus.switch_points(c.name, voice=cmp.voice, bootstrap=SWITCH_BOOTSTRAP)
        table = table[table["periods"] > 0]
        if not len(table):
            continue  # no dated match of this contrast: nothing to draw
        rows = [{"series": str(r.series), "option": str(r.option),
                 "switch": None if r.switch is None else str(r.switch),
                 "low": None if r.switch_low is None else str(r.switch_low),
                 "high": None if r.switch_high is None else str(r.switch_high),
                 "before": r.share_before, "after": r.share_after, "periods": int(r.periods),
                 "p": r.p_value, "direction": r.direction}
                for r in table.itertuples(index=False)]
        out.append({"contrast": c.name, "chart": svg.timeline_chart(
            corpus, c.name, voice=cmp.voice, switches=table), "switches": rows})
    return out


def _who_says(cmp) -> Optional[Dict[str, Any]]:
    """Who says what with which verb: for each speaker (the lexicon's actors first), per
    group, its most used cues with counts and shares; a cue used for this speaker markedly
    more than for the group's other speakers (z >= 1.96) is flagged."""
    # a corpus analysed with attributions="matched" lacks the attributions that hold no term
    if cmp.corpus is None or getattr(cmp.corpus, "kept_attributions", "all") != "all" or \
            not len(cmp.corpus.attributions):
        return None
    table = cmp.cues
    table = table[table["count"] > 0]
    groups = [str(g) for g in cmp.counts.groups]
    actors = [a.name for a in cmp.lexicon.actors] if cmp.lexicon is not None else []
    present = list(dict.fromkeys(str(s) for s in table["speaker"]))
    order = [a for a in actors if a in present] + [s for s in present if s not in actors]
    rows = []
    for speaker in order[:WHO_SPEAKERS]:
        sub = table[table["speaker"].astype(str) == speaker]
        cells = []
        for g in groups:
            part = sub[sub["group"].astype(str) == g].head(WHO_CUES)
            total = int(part["speaker_total"].iloc[0]) if len(part) else 0
            cells.append({"total": total, "cues": [
                {"lemma": str(r.cue_lemma), "count": int(r.count), "share": float(r.share),
                 "marked": bool(r.z == r.z and r.z >= Z_MARKED)}
                for r in part.itertuples(index=False)]})
        rows.append({"speaker": speaker, "actor": speaker in actors, "cells": cells})
    return {"groups": groups, "rows": rows, "n_attributions": int(len(cmp.corpus.attributions))}


def _labels_by_target(cmp) -> Optional[Dict[str, Any]]:
    """Labels by the actor they are said of: for the terms said of an actor most often, per
    group, the targets with counts."""
    lex = cmp.lexicon
    if cmp.corpus is None or lex is None or not lex.actors:
        return None
    from .attributions import NO_TARGET
    table = cmp.targets
    table = table[table["count"] > 0]
    if not len(table):
        return None
    groups = [str(g) for g in cmp.counts.groups]
    said_of = table[table["target"].astype(str) != NO_TARGET]
    top = said_of.groupby("label", observed=True)["count"].sum().sort_values(
        ascending=False, kind="stable")
    rows = []
    for label in [str(x) for x in top.index[:TARGET_TERMS]]:
        sub = table[table["label"].astype(str) == label]
        cells = []
        for g in groups:
            part = sub[sub["group"].astype(str) == g].sort_values("count", ascending=False,
                                                                  kind="stable")
            cells.append([{"target": str(r.target), "count": int(r.count)}
                          for r in part.itertuples(index=False)])
        rows.append({"label": label, "cells": cells})
    return {"groups": groups, "rows": rows} if rows else None


def _copies(cmp) -> Optional[Dict[str, Any]]:
    """The clusters of copies found with analyze_corpus(dedupe=...)."""
    corpus = cmp.corpus
    dup = getattr(corpus, "duplicates", None) if corpus is not None else None
    if dup is None:
        return None
    docs = dup.documents
    clusters = dup.clusters.sort_values("size", ascending=False, kind="stable")
    return {"mode": getattr(corpus, "dedupe_mode", None),
            "keep": getattr(corpus, "dedupe_keep", None),
            "n_clusters": int(len(dup.clusters)), "n_documents": int(dup.n_documents),
            "n_copies": int(docs["duplicate"].sum()) if len(docs) else 0,
            "params": dup.params,
            "clusters": [{"cluster": int(r.cluster), "size": int(r.size),
                          "groups": ", ".join(map(str, r.groups)), "first": str(r.first),
                          "jaccard": float(r.jaccard_min)}
                         for r in clusters.head(COPY_CLUSTERS).itertuples(index=False)],
            "more": max(0, len(clusters) - COPY_CLUSTERS)}


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
        "who": _who_says(cmp), "targets": _labels_by_target(cmp), "copies": _copies(cmp),
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
