"""HTML views of framelens objects for Jupyter (``_repr_html_``) and the report.

Every view is a Jinja2 template in ``framelens/templates`` rendered with autoescaping, so
any text from a document or a lexicon is escaped; this module only prepares the data.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import functools
import math
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from .palette import GREY, category_colors, category_info, option_colors, tint

VOICE_NOTE = {
    "author": "the outlet's own words",
    "quoted": "inside quotation marks",
    "attributed": "reported speech (said, claims, according to, ...)",
}
MAX_SENTENCES = 300  # sentences a Document shows in a notebook before saying how many more
MAX_GROUPS = 20  # groups a Comparison or Corpus shows in a notebook


@functools.lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment of framelens's templates (autoescaping on)."""
    import jinja2
    env = jinja2.Environment(loader=jinja2.PackageLoader("framelens", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = pct
    env.filters["num"] = num
    env.filters["tint"] = tint
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def pct(v: Any, digits: int = 0) -> str:
    """A share as a percentage ("–" when missing)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{100 * float(v):.{digits}f}%"


def num(v: Any, digits: int = 3) -> str:
    """A number for a table: integers as such, floats with ``digits`` significant digits,
    "–" when missing."""
    if v is None:
        return "–"
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return f"{int(v):,}"
    try:
        x = float(v)
    except (TypeError, ValueError):
        return str(v)
    if math.isnan(x):
        return "–"
    if x != 0 and (abs(x) < 1e-3 or abs(x) >= 1e6):
        return f"{x:.{digits}g}"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) < 1:
        return f"{x:.{digits}g}"
    return f"{x:.{max(digits - 1, 1)}f}"


def value(v: Any) -> str:
    """A kept field's value for a line of text: dates without a midnight time."""
    import pandas as pd
    if isinstance(v, pd.Timestamp) and v == v.normalize():
        return v.date().isoformat()
    return str(v)


# -- highlighting -----------------------------------------------------------------------------
def match_info(term: str, category: str, weight: float, voice: str, negated: bool,
               colors: Dict[str, str]) -> Dict[str, Any]:
    """What a highlighted match shows: its category's colour class and a tooltip."""
    tip = (f"term: {term}\ncategory: {category}\nweight: {weight:g}\nvoice: {voice}\n"
           f"negated: {'yes' if negated else 'no'}")
    return {"term": term, "category": category, "weight": weight, "voice": voice,
            "negated": bool(negated), "cls": color_class(category, colors), "tip": tip}


def color_class(category: str, colors: Dict[str, str]) -> str:
    """The CSS class of a category's highlight (rules from category_css)."""
    names = list(colors)
    return f"fl-k{names.index(category)}" if category in colors else "fl-k"


def category_css(colors: Dict[str, str]) -> List[str]:
    """One CSS rule per category colour: a light background, the colour underneath.
    Classes rather than inline styles keep a page with many highlights small."""
    rules = [f".fl mark.fl-k{{background:{tint(GREY, 0.28)};border-bottom-color:{GREY}}}"]
    for i, color in enumerate(colors.values()):
        rules.append(f".fl mark.fl-k{i}{{background:{tint(color, 0.28)};"
                     f"border-bottom-color:{color}}}")
    return rules


def segments(text: str, spans: Sequence[Dict[str, Any]],
             markers: Sequence[Dict[str, Any]] = ()) -> List[Dict[str, Any]]:
    """``text`` cut at every match and marker boundary: pieces with the match and the
    distancing marker each lies in (None where none). Spans have ``start``/``end`` relative
    to ``text``; matches never overlap one another, nor markers one another, but a marker
    may overlap a match (scare quotes around a term)."""
    cuts = {0, len(text)}
    for s in list(spans) + list(markers):
        cuts.add(max(0, min(len(text), s["start"])))
        cuts.add(max(0, min(len(text), s["end"])))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        m = next((s for s in spans if s["start"] <= a and b <= s["end"]), None)
        k = next((s for s in markers if s["start"] <= a and b <= s["end"]), None)
        out.append({"text": text[a:b], "match": m, "marker": k,
                    "last": m is not None and m["end"] == b})
    return out


def _marker_info(kind: str, surface: str, start: int, end: int) -> Dict[str, Any]:
    what = "distancing word" if kind == "word" else "scare quotes"
    return {"start": start, "end": end, "tip": f"distancing marker ({what}): {surface}"}


def document_context(doc, colors: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
    lex = getattr(doc, "lexicon", None)
    if colors is None:
        cats = list(lex.categories) if lex is not None else \
            sorted({m.category for m in doc.matches})
        colors = category_colors(lex, cats)
    sentences = []
    n = 0
    for s in doc.sentences[:MAX_SENTENCES]:
        spans = []
        for m in s.matches:
            info = match_info(m.term, m.category, m.weight, m.voice, m.negated, colors)
            info.update(start=m.start - s.start, end=m.end - s.start, n=n)
            spans.append(info)
            n += 1
        marks = [_marker_info(d.kind, d.surface, d.start - s.start, d.end - s.start)
                 for d in s.distancing]
        sentences.append({"index": s.index + 1, "score": s.score, "n_matches": len(s.matches),
                          "segments": segments(s.text, spans, marks)})
    counts = doc.category_counts
    legend = [{"name": c, "color": colors.get(c, GREY), "count": counts.get(c, 0)}
              for c in colors if counts.get(c, 0)]
    voices = {v: sum(1 for m in doc.matches if m.voice == v) for v in VOICE_NOTE}
    return {"sentences": sentences, "more": max(0, len(doc.sentences) - MAX_SENTENCES),
            "css": category_css(colors),
            "n_sentences": len(doc.sentences), "n_tokens": doc.n_tokens,
            "n_matches": len(doc.matches), "score": doc.score, "legend": legend,
            "voices": voices, "voice_note": VOICE_NOTE,
            "n_markers": sum(len(s.distancing) for s in doc.sentences)}


def document_html(doc) -> str:
    """A Document: its sentences with every match highlighted in its category's colour,
    the voice shown by the underline (and a tag for quoted and reported words), a tooltip
    with term, category, weight, voice and negation, distancing markers marked."""
    return render("document.html.j2", d=document_context(doc))


# -- corpus -------------------------------------------------------------------------------------
def group_rows(corpus_or_counts) -> List[Dict[str, Any]]:
    c = getattr(corpus_or_counts, "counts", corpus_or_counts)
    matches = c.term_counts.sum(axis=(1, 2)) if len(c.groups) else []
    rows = []
    for i, g in enumerate(c.groups):
        tokens = int(c.tokens[i])
        rows.append({"group": g, "documents": int(c.documents[i]),
                     "sentences": int(c.sentences[i]), "tokens": tokens,
                     "matches": int(matches[i]),
                     "rate": 1000.0 * int(matches[i]) / tokens if tokens else float("nan")})
    return rows


def corpus_html(corpus) -> str:
    c = corpus.counts
    rows = group_rows(corpus)
    colors = category_colors(corpus.lexicon, list(c.categories))
    cat_totals = c.category_matrix().sum(axis=0) if len(c.groups) else \
        np.zeros(len(c.categories), np.int64)
    cats = [{"name": name, "color": colors[name], "count": int(n)}
            for name, n in zip(c.categories, cat_totals, strict=True)]
    return render("corpus.html.j2", corpus=corpus, rows=rows[:MAX_GROUPS],
                  more=max(0, len(rows) - MAX_GROUPS), categories=cats,
                  n_tokens=int(c.tokens.sum()), n_matches=int(c.term_counts.sum()),
                  n_sentences=int(c.sentences.sum()))


# -- comparison ---------------------------------------------------------------------------------
def contrast_table(cmp, groups: Optional[Sequence[str]] = None) -> Dict[str, Any]:
    """Contrasts side by side: a row per group, for each contrast a column per option with
    its share and interval, so that the groups' shares of one name stand one above the
    other."""
    from .charts import contrast_data
    df = contrast_data(cmp)
    groups = list(cmp.counts.groups) if groups is None else list(groups)
    heads = []
    for name, options in cmp.counts.contrasts:
        opts = [o for o, _ in options]
        sub = df[df["contrast"] == name]
        colors = {o: sub[sub["option"] == o]["color"].iloc[0] if len(sub) else GREY
                  for o in opts}
        heads.append({"name": name, "options": [{"name": o, "color": colors[o]}
                                                for o in opts]})
    index = {(str(r.group), str(r.contrast), str(r.option)): r
             for r in df.itertuples(index=False)}
    rows = []
    for g in groups:
        cells: List[Optional[Dict[str, Any]]] = []
        for h in heads:
            for o in h["options"]:
                r = index.get((str(g), h["name"], o["name"]))
                if r is None:
                    cells.append(None)
                    continue
                cells.append({"share": float(r.share), "low": float(r.low),
                              "high": float(r.high), "count": int(r.count),
                              "color": o["color"]})
        rows.append({"group": g, "cells": cells})
    return {"heads": heads, "rows": rows}


def top_terms(cmp, group: str, n: int = 8) -> List[Dict[str, Any]]:
    """The terms most characteristic of a group (positive z, highest first)."""
    colors = category_colors(cmp.lexicon, list(cmp.counts.categories))
    t = cmp.terms
    rows = t[(t["group"] == group) & (t["z"] > 0)].nlargest(n, "z")
    return [{"term": str(r.term), "category": str(r.category), "count": int(r.count),
             "z": float(r.z), "log_odds": float(r.log_odds), "p_adj": float(r.p_adj),
             "color": colors.get(str(r.category), GREY)}
            for r in rows.itertuples(index=False)]


def comparison_html(cmp) -> str:
    groups = list(cmp.counts.groups)
    shown = groups[:MAX_GROUPS]
    return render("comparison.html.j2", cmp=cmp, contrasts=contrast_table(cmp, shown),
                  terms=[{"group": g, "terms": top_terms(cmp, g)} for g in shown],
                  more=max(0, len(groups) - len(shown)), voice_note=VOICE_NOTE)


# -- lexicon ------------------------------------------------------------------------------------
def _sources(value: Any) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


def lexicon_context(lex) -> Dict[str, Any]:
    from .evidence import term_categories
    colors = category_colors(lex)
    n_terms: Dict[str, int] = {}
    for t in lex.terms:
        for c in term_categories(t):
            n_terms[c] = n_terms.get(c, 0) + 1
    cats = []
    for name in lex.categories:
        info = category_info(lex, name)
        cats.append({"name": name, "color": colors[name],
                     "description": info.get("description") or "",
                     "source": _sources(info.get("source")), "note": info.get("note") or "",
                     "n_terms": n_terms.get(name, 0), "own_color": "color" in info})
    terms = []
    for t in lex.terms:
        meta = getattr(t, "metadata", {}) or {}
        tc = term_categories(t)
        terms.append({"term": t.term, "categories": [{"name": c, "color": colors.get(c, GREY)}
                                                     for c in tc],
                      "weight": t.weight, "variants": list(t.variants),
                      "case_sensitive": t.case_sensitive,
                      "source": _sources(meta.get("source")), "note": meta.get("note") or ""})
    contrasts = []
    for c in lex.contrasts:
        opts = list(c.options)
        oc = option_colors(lex, c.name, opts)
        contrasts.append({"name": c.name,
                          "options": [{"name": o, "color": oc[o], "refs": list(c.options[o])}
                                      for o in opts]})
    meta = lex.metadata
    return {"name": lex.name or lex.source, "version": meta.get("version"),
            "language": meta.get("language"), "description": meta.get("description") or "",
            "source": _sources(meta.get("source")), "categories": cats, "terms": terms,
            "contrasts": contrasts, "exclude": list(lex.exclude)}


def lexicon_html(lex) -> str:
    """A Lexicon: categories with their colours, term counts, descriptions and sources;
    contrasts; the terms folded."""
    return render("lexicon.html.j2", lex=lexicon_context(lex))
