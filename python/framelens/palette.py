"""Colours: a lexicon's category colours where it gives them, a fixed readable palette
otherwise. Shared by the notebook views, the report and the plots, so that a category has
one colour everywhere."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour
# vision deficiencies (its yellow and black left out: too light for text on white, and
# black is the text), followed by Paul Tol's "muted" qualitative scheme (2021) for more.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
           "#332288", "#44AA99", "#999933", "#882255", "#CC6677", "#117733", "#AA4499",
           "#88CCEE", "#DDCC77")
GREY = "#888888"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def category_info(lexicon, name: str) -> Dict[str, Any]:
    """A category's metadata as a dict (description, color, source, note, meta), whether
    the lexicon gives a description string or an object."""
    raw = {} if lexicon is None else lexicon.categories.get(name, {})
    if isinstance(raw, str):
        return {"description": raw}
    return dict(raw) if isinstance(raw, dict) else {}


def category_colors(lexicon, categories: Optional[Sequence[str]] = None) -> Dict[str, str]:
    """Colour of each category: the lexicon's ``color`` where it is a "#rrggbb", else the
    palette in the categories' order (skipping colours the lexicon already uses)."""
    if categories is None:
        categories = list(lexicon.categories) if lexicon is not None else []
    out: Dict[str, str] = {}
    for c in categories:
        color = category_info(lexicon, c).get("color")
        if isinstance(color, str) and _HEX.match(color):
            out[c] = color
    free = [p for p in PALETTE if p.lower() not in {v.lower() for v in out.values()}] or \
        list(PALETTE)
    i = 0
    for c in categories:
        if c not in out:
            out[c] = free[i % len(free)]
            i += 1
    return out


def series_colors(names: Sequence[Any]) -> Dict[Any, str]:
    """A palette colour for each group or series, in order."""
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}


def option_colors(lexicon, contrast: str, options: Sequence[str]) -> Dict[str, str]:
    """Colours of a contrast's options: the category colour of each option's first term
    when those differ between the options, the palette otherwise."""
    if lexicon is not None:
        cats = category_colors(lexicon)
        terms = {t.term: t for t in lexicon.terms}
        found = next((c for c in lexicon.contrasts if c.name == contrast), None)
        if found is not None:
            picked: List[Optional[str]] = []
            for opt in options:
                refs = found.options.get(opt, ())
                t = terms.get(refs[0]) if refs else None
                cat = None if t is None else (t.category if isinstance(t.category, str)
                                              else t.category[0])
                picked.append(cats.get(cat) if cat is not None else None)
            if all(picked) and len(set(picked)) == len(picked):
                return dict(zip(options, picked, strict=True))  # type: ignore[arg-type]
    return {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(options)}


def tint(color: str, alpha: float = 0.25) -> str:
    """A light version of a colour, mixed with white (for a highlight behind text)."""
    if not _HEX.match(color):
        return color
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - v) * alpha) for v in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)
