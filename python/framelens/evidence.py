"""The evidence behind the numbers: which matches a question selects, and each match in its
context (keyword in context, as quanteda's ``kwic``).

A window counts framelens word tokens (the tokens of every rate's denominator, from the
core's tokenizer), so "5 words" here is what it is everywhere else in framelens.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import bisect
import difflib
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple, Union

import numpy as np

from . import _core

VOICES = ("author", "quoted", "attributed")
_WORD = 0  # token kind of a word in _core.tokens


def term_categories(term) -> Tuple[str, ...]:
    """The categories of a lexicon term (one, or several for a multi-category term)."""
    cats = getattr(term, "categories", None)
    if cats:
        return tuple(cats)
    cat = term.category
    return (cat,) if isinstance(cat, str) else tuple(cat)


def _as_list(value: Union[None, str, Iterable[str]], what: str) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        out = list(value)
    except TypeError:
        raise TypeError(f"{what} must be a str or a list of str, not "
                        f"{type(value).__name__}") from None
    for v in out:
        if not isinstance(v, str):
            raise TypeError(f"{what} must be a str or a list of str, not a list holding "
                            f"{type(v).__name__}")
    return out


def _unknown(kind: str, name: str, known: Sequence[str]) -> KeyError:
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    return KeyError(f"no {kind} {name!r} in the lexicon{hint}")


def select_terms(lexicon, term: Union[None, str, Iterable[str]] = None,
                 category: Union[None, str, Iterable[str]] = None,
                 contrast: Optional[str] = None, option: Optional[str] = None
                 ) -> Optional[np.ndarray]:
    """Indices of the lexicon terms a question is about, or None for all terms.

    ``term`` names terms by their canonical text or by a variant spelling (which stands for
    its term); a name that is no term but a category selects that category. ``category``
    selects categories; ``contrast`` and ``option`` one option of a contrast (or every
    option of a contrast, or the option of that name in whichever contrast has it). Several
    criteria together select the terms that meet all of them.
    """
    terms = lexicon.terms
    chosen: Optional[Set[int]] = None

    def narrow(s: Set[int]) -> None:
        nonlocal chosen
        chosen = s if chosen is None else chosen & s

    names = _as_list(term, "term")
    cats = _as_list(category, "category")
    if names is not None:
        by_name: Dict[str, List[int]] = {}
        by_folded: Dict[str, List[int]] = {}
        for i, t in enumerate(terms):
            for spelling in (t.term, *t.variants):
                by_name.setdefault(spelling, []).append(i)
                by_folded.setdefault(_core.fold(spelling), []).append(i)
        picked: Set[int] = set()
        for name in names:
            if name in by_name:
                picked.update(by_name[name])
            elif name in lexicon.categories:
                picked.update(i for i, t in enumerate(terms) if name in term_categories(t))
            elif _core.fold(name) in by_folded:
                picked.update(by_folded[_core.fold(name)])
            else:
                raise _unknown("term or category", name,
                               [t.term for t in terms] + list(lexicon.categories))
        narrow(picked)
    if cats is not None:
        for c in cats:
            if c not in lexicon.categories:
                raise _unknown("category", c, list(lexicon.categories))
        wanted = set(cats)
        narrow({i for i, t in enumerate(terms) if wanted & set(term_categories(t))})
    if contrast is not None or option is not None:
        index: Dict[str, List[int]] = {t.term: [] for t in terms}
        for i, t in enumerate(terms):
            index[t.term].append(i)
        found = [c for c in lexicon.contrasts if contrast is None or c.name == contrast]
        if contrast is not None and not found:
            raise _unknown("contrast", contrast, [c.name for c in lexicon.contrasts])
        picked = set()
        hit = False
        for c in found:
            for opt, refs in c.options.items():
                if option is None or opt == option:
                    hit = True
                    for r in refs:
                        picked.update(index.get(r, ()))
        if not hit:
            opts = [o for c in found for o in c.options]
            raise _unknown("option", str(option), opts)
        narrow(picked)
    if chosen is None:
        return None
    return np.array(sorted(chosen), dtype=np.int64)


def check_voices(voice: Union[None, str, Iterable[str]]) -> Optional[List[int]]:
    """Voice codes for a voice filter (None: all)."""
    names = _as_list(voice, "voice")
    if names is None:
        return None
    for v in names:
        if v not in VOICES:
            raise ValueError(f"voice must be one of {', '.join(VOICES)}; got {v!r}")
    return [VOICES.index(v) for v in names]


def sample(rows: np.ndarray, n: Optional[int], seed: Optional[int]) -> np.ndarray:
    """At most ``n`` of ``rows`` drawn at random without replacement (reproducible for a
    seed), kept in their original order so that the sample reads like the corpus."""
    if n is None:
        return rows
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n must be a non-negative int or None, not {n!r}")
    if len(rows) <= n:
        return rows
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(rows, size=int(n), replace=False))


def check_window(window: Any) -> int:
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a non-negative number of words, not {window!r}")
    return int(window)


def _squash(s: str) -> str:
    """Whitespace runs (line breaks too) as one space, for one-line context columns."""
    return " ".join(s.split())


class WordIndex:
    """The word tokens of one text, for finding the n words around a span."""

    __slots__ = ("starts", "ends", "first", "last")

    def __init__(self, text: str):
        toks = _core.tokens(text)
        words = [(s, e) for s, e, kind, _ in toks if kind == _WORD]
        self.starts = [s for s, _ in words]
        self.ends = [e for _, e in words]
        # the first and last character of any token: where a window that runs out of words
        # stops (leading and trailing whitespace stays out)
        self.first = toks[0][0] if toks else 0
        self.last = toks[-1][1] if toks else len(text)

    def context(self, text: str, start: int, end: int, window: int) -> Tuple[str, str]:
        """The ``window`` words before ``start`` and after ``end`` (with what lies between
        them, punctuation included), each squashed to one line."""
        if window == 0:
            return "", ""
        i = bisect.bisect_left(self.starts, start)  # first word at or after the span
        left_from = self.starts[i - window] if i >= window else self.first
        j = bisect.bisect_left(self.starts, end)  # first word after the span
        right_to = self.ends[j + window - 1] if j + window - 1 < len(self.ends) else self.last
        return _squash(text[left_from:start]), _squash(text[end:max(end, right_to)])


def context_rows(text: str, spans: Sequence[Tuple[int, int]], window: int
                 ) -> Tuple[List[str], List[str], List[str]]:
    """left, match and right for each (start, end) span of one text."""
    index = WordIndex(text) if window else None
    lefts, matches, rights = [], [], []
    for start, end in spans:
        if index is None:
            left, right = "", ""
        else:
            left, right = index.context(text, start, end, window)
        lefts.append(left)
        matches.append(_squash(text[start:end]))
        rights.append(right)
    return lefts, matches, rights


def document_kwic(doc, lexicon, term=None, category=None, contrast=None, option=None,
                  window: int = 5, voice=None, negated: Optional[bool] = None,
                  n: Optional[int] = None, seed: Optional[int] = 0):
    """Document.kwic: the Corpus.kwic columns without doc_id and group."""
    import pandas as pd

    from .columns import label_array, text_array
    window = check_window(window)
    matches = list(doc.matches)
    if lexicon is not None:
        idx = select_terms(lexicon, term, category, contrast, option)
        if idx is not None:
            wanted = {(lexicon.terms[i].term, c) for i in idx
                      for c in term_categories(lexicon.terms[i])}
            matches = [m for m in matches if (m.term, m.category) in wanted]
    else:
        if contrast is not None or option is not None:
            raise ValueError("selecting by contrast needs the lexicon: pass lexicon=")
        names = _as_list(term, "term")
        cats = _as_list(category, "category")
        matches = [m for m in matches if (names is None or m.term in names or
                                          m.category in names)
                   and (cats is None or m.category in cats)]
    codes = check_voices(voice)
    if codes is not None:
        wanted_voices = {VOICES[c] for c in codes}
        matches = [m for m in matches if m.voice in wanted_voices]
    if negated is not None:
        matches = [m for m in matches if m.negated == bool(negated)]
    rows = sample(np.arange(len(matches)), n, seed)
    chosen = [matches[i] for i in rows]
    lefts: List[str] = []
    mids: List[str] = []
    rights: List[str] = []
    by_sentence: Dict[int, List[Any]] = {}
    for m in chosen:
        by_sentence.setdefault(m.sentence, []).append(m)
    for si in sorted(by_sentence):
        s = doc.sentences[si]
        spans = [(m.start - s.start, m.end - s.start) for m in by_sentence[si]]
        left, mid, right = context_rows(s.text, spans, window)
        lefts += left
        mids += mid
        rights += right
    chosen = [m for si in sorted(by_sentence) for m in by_sentence[si]]
    cats_all = list(lexicon.categories) if lexicon is not None else \
        sorted({m.category for m in chosen})
    terms_all = list(dict.fromkeys(t.term for t in lexicon.terms)) if lexicon is not None \
        else sorted({m.term for m in chosen})
    return pd.DataFrame({
        "sentence": np.array([m.sentence for m in chosen], dtype=np.int64),
        "start": np.array([m.start for m in chosen], dtype=np.int64),
        "end": np.array([m.end for m in chosen], dtype=np.int64),
        "left": text_array(lefts), "match": text_array(mids), "right": text_array(rights),
        "term": pd.Categorical([m.term for m in chosen], categories=terms_all),
        "category": pd.Categorical([m.category for m in chosen], categories=cats_all),
        "voice": label_array(np.array([VOICES.index(m.voice) for m in chosen], dtype=np.int64),
                             VOICES),
        "negated": np.array([m.negated for m in chosen], dtype=bool),
        "weight": np.array([m.weight for m in chosen], dtype=np.float64),
        "sentence_text": text_array([doc.sentences[m.sentence].text for m in chosen]),
    })
