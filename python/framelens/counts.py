"""Additive counts of a corpus: everything the statistics need, and nothing that cannot be
merged. Counts of a corpus analysed in pieces (threads, processes, Dask workers) merge into
exactly the counts of the whole."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

VOICES = ("author", "quoted", "attributed")


class Counts:
    """Per-group counts over one lexicon.

    Attributes (numpy arrays; ``G`` groups in sorted order, ``T`` terms, ``D`` documents):

    - ``groups``: the group names, sorted.
    - ``term_counts``: int64 ``[G, T, 3]``, matches per group, term and voice
      (author, quoted, attributed).
    - ``tokens``, ``sentences``, ``documents``: int64 ``[G]``.
    - ``doc_group`` (int32 ``[D]``) and ``doc_tokens`` (int64 ``[D]``): one entry per document,
      for the document-level bootstrap.
    - ``doc_terms``: ``(doc, term, voice, count)`` arrays, the per-document match counts.

    ``a.merge(b)``, ``a + b`` and ``sum([a, b, c])`` add counts; documents are concatenated in
    order. Counts pickle.
    """

    __slots__ = ("groups", "terms", "categories", "term_category", "contrasts", "term_counts",
                 "tokens", "sentences", "documents", "doc_group", "doc_tokens", "doc_terms")

    def __init__(self, groups: Sequence[str], terms: Sequence[str], categories: Sequence[str],
                 term_category: np.ndarray, contrasts, term_counts: np.ndarray,
                 tokens: np.ndarray, sentences: np.ndarray, documents: np.ndarray,
                 doc_group: np.ndarray, doc_tokens: np.ndarray,
                 doc_terms: Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]):
        self.groups: Tuple[str, ...] = tuple(groups)
        self.terms: Tuple[str, ...] = tuple(terms)
        self.categories: Tuple[str, ...] = tuple(categories)
        self.term_category = np.asarray(term_category, dtype=np.int64)
        self.contrasts = tuple((name, tuple((opt, tuple(int(t) for t in idx))
                                            for opt, idx in options))
                               for name, options in contrasts)
        self.term_counts = np.asarray(term_counts, dtype=np.int64)
        self.tokens = np.asarray(tokens, dtype=np.int64)
        self.sentences = np.asarray(sentences, dtype=np.int64)
        self.documents = np.asarray(documents, dtype=np.int64)
        self.doc_group = np.asarray(doc_group, dtype=np.int32)
        self.doc_tokens = np.asarray(doc_tokens, dtype=np.int64)
        self.doc_terms = tuple(np.asarray(a, dtype=t) for a, t in
                               zip(doc_terms, (np.int64, np.int32, np.int8, np.int64)))
        G, T = len(self.groups), len(self.terms)
        if self.term_counts.shape != (G, T, 3):
            raise ValueError(f"term_counts must have shape ({G}, {T}, 3), "
                             f"not {self.term_counts.shape}")
        if list(self.groups) != sorted(set(self.groups)):
            raise ValueError("groups must be unique and sorted")

    # -- construction -------------------------------------------------------------------
    @classmethod
    def empty(cls, lexicon) -> "Counts":
        """Counts of no documents over a lexicon (a framelens.Lexicon)."""
        terms = [t.term for t in lexicon.terms]
        cats = list(lexicon.categories)
        cat_index = {c: i for i, c in enumerate(cats)}
        tc = np.array([cat_index[t.category] for t in lexicon.terms], dtype=np.int64)
        e64 = np.zeros(0, dtype=np.int64)
        return cls((), terms, cats, tc, lexicon._core.contrasts(),
                   np.zeros((0, len(terms), 3), dtype=np.int64), e64, e64, e64,
                   np.zeros(0, dtype=np.int32), e64,
                   (e64, np.zeros(0, np.int32), np.zeros(0, np.int8), e64))

    def _signature(self):
        return (self.terms, self.categories, tuple(self.term_category.tolist()), self.contrasts)

    # -- merging --------------------------------------------------------------------------
    def merge(self, other: "Counts") -> "Counts":
        """The counts of both, as if their documents had been analysed together."""
        if not isinstance(other, Counts):
            raise TypeError(f"cannot merge Counts with {type(other).__name__}")
        if self._signature() != other._signature():
            raise ValueError("cannot merge counts made with different lexicons")
        groups = sorted(set(self.groups) | set(other.groups))
        index = {g: i for i, g in enumerate(groups)}
        G = len(groups)

        def place(c: "Counts"):
            where = np.array([index[g] for g in c.groups], dtype=np.int64)
            return where

        a_at, b_at = place(self), place(other)
        tc = np.zeros((G, len(self.terms), 3), dtype=np.int64)
        tc[a_at] += self.term_counts
        tc[b_at] += other.term_counts
        per_group = []
        for name in ("tokens", "sentences", "documents"):
            v = np.zeros(G, dtype=np.int64)
            v[a_at] += getattr(self, name)
            v[b_at] += getattr(other, name)
            per_group.append(v)
        doc_group = np.concatenate([a_at[self.doc_group] if len(self.doc_group) else
                                    np.zeros(0, np.int64),
                                    b_at[other.doc_group] if len(other.doc_group) else
                                    np.zeros(0, np.int64)]).astype(np.int32)
        n_a = len(self.doc_group)
        d, t, v, c = self.doc_terms
        d2, t2, v2, c2 = other.doc_terms
        doc_terms = (np.concatenate([d, d2 + n_a]), np.concatenate([t, t2]),
                     np.concatenate([v, v2]), np.concatenate([c, c2]))
        return Counts(groups, self.terms, self.categories, self.term_category, self.contrasts,
                      tc, *per_group, doc_group,
                      np.concatenate([self.doc_tokens, other.doc_tokens]), doc_terms)

    def __add__(self, other):
        if isinstance(other, int) and other == 0:
            return self
        return self.merge(other)

    def __radd__(self, other):
        if isinstance(other, int) and other == 0:  # sum() starts from 0
            return self
        return other.merge(self) if isinstance(other, Counts) else NotImplemented

    def __eq__(self, other) -> bool:
        if not isinstance(other, Counts):
            return NotImplemented
        return (self.groups == other.groups and self._signature() == other._signature()
                and all(np.array_equal(getattr(self, n), getattr(other, n))
                        for n in ("term_counts", "tokens", "sentences", "documents",
                                  "doc_group", "doc_tokens"))
                and all(np.array_equal(a, b) for a, b in zip(self.doc_terms, other.doc_terms)))

    __hash__ = None  # mutable arrays inside

    def __getstate__(self):
        return {n: getattr(self, n) for n in self.__slots__}

    def __setstate__(self, state):
        for n, v in state.items():
            object.__setattr__(self, n, v)

    # -- views ----------------------------------------------------------------------------
    def term_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """int64 ``[G, T]`` counts, all voices or one."""
        if voice is None:
            return self.term_counts.sum(axis=2)
        return self.term_counts[:, :, _voice_index(voice)]

    def category_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """int64 ``[G, C]`` counts: every match counts for its term's category."""
        tm = self.term_matrix(voice)
        out = np.zeros((len(self.groups), len(self.categories)), dtype=np.int64)
        for c in range(len(self.categories)):
            out[:, c] = tm[:, self.term_category == c].sum(axis=1)
        return out

    def option_matrix(self, voice: Optional[str] = None) -> Tuple[np.ndarray, List[Tuple[int, str, str]]]:
        """int64 ``[G, O]`` counts per contrast option, and (contrast index, contrast name,
        option name) for each column."""
        tm = self.term_matrix(voice)
        cols, labels = [], []
        for ci, (name, options) in enumerate(self.contrasts):
            for opt, idx in options:
                cols.append(tm[:, list(idx)].sum(axis=1) if idx else
                            np.zeros(len(self.groups), np.int64))
                labels.append((ci, name, opt))
        mat = np.stack(cols, axis=1) if cols else np.zeros((len(self.groups), 0), np.int64)
        return mat, labels

    def compare(self, alpha0: float = 1000.0, voice: Optional[str] = None, bootstrap: int = 0,
                seed: int = 0):
        """Statistics of each group against the pooled rest (see framelens.Comparison)."""
        from .compare import Comparison
        return Comparison(self, alpha0=alpha0, voice=voice, bootstrap=bootstrap, seed=seed)

    def __repr__(self) -> str:
        return (f"<Counts: {len(self.groups)} groups, {len(self.terms)} terms, "
                f"{int(self.documents.sum())} documents, {int(self.tokens.sum())} tokens, "
                f"{int(self.term_counts.sum())} matches>")

    def to_frame(self):
        """group x term counts as a long pandas DataFrame (group, term, voice, count)."""
        import pandas as pd
        G, T, _ = self.term_counts.shape
        g, t, v = np.meshgrid(np.arange(G), np.arange(T), np.arange(3), indexing="ij")
        return pd.DataFrame({
            "group": pd.Categorical.from_codes(g.ravel(), self.groups) if G else [],
            "term": np.array(self.terms, dtype=object)[t.ravel()],
            "voice": pd.Categorical.from_codes(v.ravel(), VOICES),
            "count": self.term_counts.ravel(),
        })


def _voice_index(voice: str) -> int:
    try:
        return VOICES.index(voice)
    except ValueError:
        raise ValueError(f"voice must be None or one of {', '.join(VOICES)}; got {voice!r}") \
            from None


def counts_from_columns(lexicon, groups: Sequence[str], doc_group: np.ndarray,
                        doc_tokens: np.ndarray, doc_sentences: np.ndarray,
                        match_doc: np.ndarray, match_term: np.ndarray,
                        match_voice: np.ndarray) -> Counts:
    """Counts from analysis columns. ``groups`` must be sorted and ``doc_group`` index it."""
    G, T = len(groups), len(lexicon.terms)
    base = Counts.empty(lexicon)
    doc_group = np.asarray(doc_group, dtype=np.int64)
    tc = np.zeros(G * T * 3, dtype=np.int64)
    if len(match_doc):
        flat = (doc_group[match_doc] * T + match_term.astype(np.int64)) * 3 + match_voice
        tc += np.bincount(flat, minlength=G * T * 3)
    tokens = np.bincount(doc_group, weights=doc_tokens, minlength=G).astype(np.int64) \
        if len(doc_group) else np.zeros(G, np.int64)
    sentences = np.bincount(doc_group, weights=doc_sentences, minlength=G).astype(np.int64) \
        if len(doc_group) else np.zeros(G, np.int64)
    documents = np.bincount(doc_group, minlength=G).astype(np.int64)
    # per-document (doc, term, voice) counts, aggregated
    if len(match_doc):
        key = (match_doc.astype(np.int64) * T + match_term) * 3 + match_voice
        uniq, cnt = np.unique(key, return_counts=True)
        doc_terms = (uniq // (3 * T), (uniq // 3) % T, uniq % 3, cnt)
    else:
        e = np.zeros(0, np.int64)
        doc_terms = (e, e, e, e)
    return Counts(groups, base.terms, base.categories, base.term_category, base.contrasts,
                  tc.reshape(G, T, 3), tokens, sentences, documents, doc_group,
                  np.asarray(doc_tokens, dtype=np.int64), doc_terms)
