"""Additive counts of a corpus: everything the statistics need, and nothing that cannot be
merged. Counts of a corpus analysed in pieces (threads, processes, Dask workers) merge into
exactly the counts of the whole."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

VOICES = ("author", "quoted", "attributed")


class _Shape:
    """What Counts need to know of a lexicon: term names, categories (all of each term's),
    the number of spellings of each term, and the contrasts with their resolved references;
    with the map from spellings to contrast options derived from them."""

    __slots__ = ("terms", "categories", "term_categories", "n_spellings", "contrasts",
                 "labels", "_pairs", "_key")

    def __init__(self, terms: Sequence[str], categories: Sequence[str],
                 term_categories: Sequence[Sequence[int]], n_spellings: Sequence[int],
                 contrasts: Sequence[Any]):
        self.terms: Tuple[str, ...] = tuple(terms)
        self.categories: Tuple[str, ...] = tuple(categories)
        self.term_categories: Tuple[Tuple[int, ...], ...] = tuple(
            tuple(int(c) for c in cs) for cs in term_categories)
        self._set_rest(n_spellings, contrasts)

    @classmethod
    def _restored(cls, terms: Tuple[str, ...], categories: Tuple[str, ...],
                  term_categories: Tuple[Tuple[int, ...], ...], n_spellings: Sequence[int],
                  contrasts: Sequence[Any]) -> "_Shape":
        """The shape of pickled Counts (``Counts.__getstate__``): its terms, categories and
        term categories are the tuples this class made, taken as they are (converting each
        again took 60% of unpickling a Counts at 1,000 terms)."""
        shape = cls.__new__(cls)
        shape.terms, shape.categories = terms, categories
        shape.term_categories = term_categories
        shape._set_rest(n_spellings, contrasts)
        return shape

    def _set_rest(self, n_spellings: Sequence[int], contrasts: Sequence[Any]) -> None:
        self.n_spellings = np.asarray(n_spellings, dtype=np.int64)
        # (name, ((option, ((term, spelling), ...)), ...)); spelling -1: all of the term's;
        # a bare term index (the old form) means all of its spellings
        self.contrasts = tuple(
            (name, tuple((opt, tuple((int(r), -1) if np.ndim(r) == 0 else (int(r[0]), int(r[1]))
                                     for r in refs)) for opt, refs in options))
            for name, options in contrasts)
        self.labels: List[Tuple[int, str, str]] = [
            (ci, name, opt) for ci, (name, options) in enumerate(self.contrasts)
            for opt, _ in options]
        self._pairs: Optional[Tuple[np.ndarray, np.ndarray]] = None
        self._key: Optional[tuple] = None

    def key(self):
        """What two shapes must share for their counts to merge (made once: a merge of many
        unpickled Counts asks each for it)."""
        if self._key is None:
            self._key = (self.terms, self.categories, self.term_categories,
                         tuple(self.n_spellings.tolist()), self.contrasts)
        return self._key

    @classmethod
    def of(cls, lexicon) -> "_Shape":
        """The shape of a framelens.Lexicon (cached on it)."""
        shape = getattr(lexicon, "_counts_shape", None)
        if shape is None:
            cat_index = {c: i for i, c in enumerate(lexicon.categories)}
            shape = cls([t.term for t in lexicon.terms], list(lexicon.categories),
                        [[cat_index[c] for c in t.categories] for t in lexicon.terms],
                        [1 + len(t.variants) for t in lexicon.terms], lexicon._refs)
            try:
                lexicon._counts_shape = shape
            except AttributeError:
                pass
        return shape

    @property
    def term_category(self) -> np.ndarray:
        return np.array([cs[0] for cs in self.term_categories], dtype=np.int64)

    def spelling_ids(self, term: np.ndarray, spelling: np.ndarray) -> np.ndarray:
        """A global id for each (term, spelling): the spellings of all terms numbered in
        turn."""
        base = np.cumsum(self.n_spellings) - self.n_spellings
        return base[term] + spelling

    def option_pairs(self) -> Tuple[np.ndarray, np.ndarray]:
        """(spelling ids, option columns), sorted by spelling id: the options each spelling
        counts for. Within a contrast, a reference to one spelling wins over a reference to
        all of a term's spellings (docs/lexicons.md)."""
        if self._pairs is None:
            base = np.cumsum(self.n_spellings) - self.n_spellings
            spell: List[int] = []
            cols: List[int] = []
            col = 0
            for _name, options in self.contrasts:
                whole: Dict[int, int] = {}
                specific: Dict[Tuple[int, int], int] = {}
                for _opt, refs in options:
                    for t, s in refs:
                        if s < 0:
                            whole.setdefault(t, col)
                        else:
                            specific.setdefault((t, s), col)
                    col += 1
                for t, c in whole.items():
                    for s in range(int(self.n_spellings[t])):
                        if (t, s) not in specific:
                            spell.append(int(base[t]) + s)
                            cols.append(c)
                for (t, s), c in specific.items():
                    spell.append(int(base[t]) + s)
                    cols.append(c)
            order = np.argsort(np.asarray(spell, dtype=np.int64), kind="stable")
            self._pairs = (np.asarray(spell, dtype=np.int64)[order],
                           np.asarray(cols, dtype=np.int64)[order])
        return self._pairs

    def options_of(self, spell_ids: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
        """For spelling ids (one per match): (match index, option column) for every option
        each counts for."""
        ps, pc = self.option_pairs()
        if len(ps) == 0 or len(spell_ids) == 0:
            e = np.zeros(0, np.int64)
            return e, e
        left = np.searchsorted(ps, spell_ids, side="left")
        right = np.searchsorted(ps, spell_ids, side="right")
        lens = right - left
        total = int(lens.sum())
        rows = np.repeat(np.arange(len(spell_ids), dtype=np.int64), lens)
        offs = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens)
        return rows, pc[np.repeat(left, lens) + offs]


# The dtypes of Counts' per-document arrays (restored so when unpickled).
_DOC_ENTRY_KINDS = (np.int64, np.int32, np.int8, np.int64)  # doc_terms, doc_options
_DOC_KINDS = {"doc_group": np.int32, "doc_tokens": np.int64}


def _narrow(a: np.ndarray) -> np.ndarray:
    """An integer array in the smallest unsigned type that holds its values (as it is when
    one is negative or it is empty)."""
    if a.size == 0 or a.dtype.kind not in "iu" or a.min() < 0:
        return a
    hi = a.max()
    for t in (np.uint8, np.uint16, np.uint32):
        if hi <= np.iinfo(t).max:
            return a.astype(t)
    return a


class Counts:
    """Per-group counts over one lexicon.

    Attributes (numpy arrays; ``G`` groups in sorted order, ``T`` terms, ``O`` contrast
    options, ``D`` documents):

    - ``groups``: the group names, sorted.
    - ``term_counts``: int64 ``[G, T, 3]``, matches per group, term and voice
      (author, quoted, attributed).
    - ``option_counts``: int64 ``[G, O, 3]``, matches per group, contrast option and voice
      (a match counts for the option that references its spelling, or else its term).
    - ``tokens``, ``sentences``, ``documents``: int64 ``[G]``.
    - ``doc_group`` (int32 ``[D]``) and ``doc_tokens`` (int64 ``[D]``): one entry per document,
      for the document-level bootstrap.
    - ``doc_terms``: ``(doc, term, voice, count)`` arrays, the per-document match counts;
      ``doc_options`` the same per contrast option.
    - ``term_category``: each term's main category; ``term_categories`` all of them (a
      match counts once in each of its term's categories).

    ``a.merge(b)``, ``a + b`` and ``sum([a, b, c])`` add counts; documents are concatenated in
    order. Counts pickle.
    """

    __slots__ = ("groups", "shape", "term_counts", "option_counts", "tokens", "sentences",
                 "documents", "doc_group", "doc_tokens", "doc_terms", "doc_options")

    def __init__(self, groups: Sequence[str], shape: _Shape, term_counts: np.ndarray,
                 option_counts: Optional[np.ndarray], tokens: np.ndarray,
                 sentences: np.ndarray, documents: np.ndarray, doc_group: np.ndarray,
                 doc_tokens: np.ndarray,
                 doc_terms: Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                 doc_options: Optional[Tuple[np.ndarray, np.ndarray, np.ndarray,
                                             np.ndarray]] = None):
        self.groups: Tuple[str, ...] = tuple(groups)
        self.shape = shape
        G, T, n_opt = len(self.groups), len(shape.terms), len(shape.labels)
        self.term_counts = np.asarray(term_counts, dtype=np.int64)
        self.option_counts = (np.zeros((G, n_opt, 3), np.int64) if option_counts is None
                              else np.asarray(option_counts, dtype=np.int64))
        self.tokens = np.asarray(tokens, dtype=np.int64)
        self.sentences = np.asarray(sentences, dtype=np.int64)
        self.documents = np.asarray(documents, dtype=np.int64)
        self.doc_group = np.asarray(doc_group, dtype=np.int32)
        self.doc_tokens = np.asarray(doc_tokens, dtype=np.int64)
        kinds = _DOC_ENTRY_KINDS
        self.doc_terms = tuple(np.asarray(a, dtype=t)
                               for a, t in zip(doc_terms, kinds, strict=True))
        e = np.zeros(0, np.int64)
        self.doc_options = tuple(np.asarray(a, dtype=t) for a, t in
                                 zip(doc_options if doc_options is not None else (e, e, e, e),
                                     kinds, strict=True))
        if self.term_counts.shape != (G, T, 3):
            raise ValueError(f"term_counts must have shape ({G}, {T}, 3), "
                             f"not {self.term_counts.shape}")
        if self.option_counts.shape != (G, n_opt, 3):
            raise ValueError(f"option_counts must have shape ({G}, {n_opt}, 3), "
                             f"not {self.option_counts.shape}")
        if list(self.groups) != sorted(set(self.groups)):
            raise ValueError("groups must be unique and sorted")

    # -- the lexicon's side ---------------------------------------------------------------
    @property
    def terms(self) -> Tuple[str, ...]:
        return self.shape.terms

    @property
    def categories(self) -> Tuple[str, ...]:
        return self.shape.categories

    @property
    def term_category(self) -> np.ndarray:
        return self.shape.term_category

    @property
    def term_categories(self) -> Tuple[Tuple[int, ...], ...]:
        return self.shape.term_categories

    @property
    def contrasts(self):
        return self.shape.contrasts

    # -- construction -------------------------------------------------------------------
    @classmethod
    def empty(cls, lexicon) -> "Counts":
        """Counts of no documents over a lexicon (a framelens.Lexicon)."""
        shape = _Shape.of(lexicon)
        e64 = np.zeros(0, dtype=np.int64)
        return cls((), shape, np.zeros((0, len(shape.terms), 3), dtype=np.int64), None, e64,
                   e64, e64, np.zeros(0, dtype=np.int32), e64,
                   (e64, np.zeros(0, np.int32), np.zeros(0, np.int8), e64))

    def _signature(self):
        return self.shape.key()

    # -- merging --------------------------------------------------------------------------
    def merge(self, other: "Counts") -> "Counts":
        """The counts of both, as if their documents had been analysed together."""
        if not isinstance(other, Counts):
            raise TypeError(f"cannot merge Counts with {type(other).__name__}")
        if self.shape is not other.shape and self._signature() != other._signature():
            raise ValueError("cannot merge counts made with different lexicons")
        groups = sorted(set(self.groups) | set(other.groups))
        index = {g: i for i, g in enumerate(groups)}
        G = len(groups)

        def place(c: "Counts"):
            return np.array([index[g] for g in c.groups], dtype=np.int64)

        a_at, b_at = place(self), place(other)
        tc = np.zeros((G, len(self.terms), 3), dtype=np.int64)
        tc[a_at] += self.term_counts
        tc[b_at] += other.term_counts
        oc = np.zeros((G, len(self.shape.labels), 3), dtype=np.int64)
        oc[a_at] += self.option_counts
        oc[b_at] += other.option_counts
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

        def concat(x, y):
            return (np.concatenate([x[0], y[0] + n_a]), np.concatenate([x[1], y[1]]),
                    np.concatenate([x[2], y[2]]), np.concatenate([x[3], y[3]]))

        return Counts(groups, self.shape, tc, oc, per_group[0], per_group[1], per_group[2],
                      doc_group,
                      np.concatenate([self.doc_tokens, other.doc_tokens]),
                      concat(self.doc_terms, other.doc_terms),
                      concat(self.doc_options, other.doc_options))

    @classmethod
    def merge_all(cls, pieces: Sequence["Counts"]) -> "Counts":
        """The counts of all pieces, in order: equal to ``pieces[0].merge(pieces[1])
        .merge(...)`` in one pass (each document array concatenated once, not once per
        piece: folding 8 partitions' Counts copied the first partition's documents 7 times).
        One piece is returned as it is."""
        pieces = list(pieces)
        if not pieces:
            raise ValueError("merge_all needs at least one Counts")
        first = pieces[0]
        for c in pieces:
            if not isinstance(c, Counts):
                raise TypeError(f"cannot merge Counts with {type(c).__name__}")
            if c.shape is not first.shape and c._signature() != first._signature():
                raise ValueError("cannot merge counts made with different lexicons")
        if len(pieces) == 1:
            return first
        groups = sorted(set().union(*(c.groups for c in pieces)))
        index = {g: i for i, g in enumerate(groups)}
        G = len(groups)
        tc = np.zeros((G, len(first.terms), 3), dtype=np.int64)
        oc = np.zeros((G, len(first.shape.labels), 3), dtype=np.int64)
        per_group = [np.zeros(G, dtype=np.int64) for _ in range(3)]
        doc_groups = []
        doc_terms: List[List[np.ndarray]] = [[], [], [], []]
        doc_options: List[List[np.ndarray]] = [[], [], [], []]
        n_docs = 0
        for c in pieces:
            at = np.array([index[g] for g in c.groups], dtype=np.int64)
            tc[at] += c.term_counts
            oc[at] += c.option_counts
            for v, name in zip(per_group, ("tokens", "sentences", "documents"), strict=True):
                v[at] += getattr(c, name)
            if len(c.doc_group):
                doc_groups.append(at[c.doc_group])
            for out, part in ((doc_terms, c.doc_terms), (doc_options, c.doc_options)):
                out[0].append(part[0] + n_docs)
                for k in (1, 2, 3):
                    out[k].append(part[k])
            n_docs += len(c.doc_group)
        doc_group = (np.concatenate(doc_groups) if doc_groups else
                     np.zeros(0, np.int64)).astype(np.int32)
        return Counts(groups, first.shape, tc, oc, per_group[0], per_group[1], per_group[2],
                      doc_group, np.concatenate([c.doc_tokens for c in pieces]),
                      tuple(np.concatenate(a) for a in doc_terms),  # type: ignore[arg-type]
                      tuple(np.concatenate(a) for a in doc_options))  # type: ignore[arg-type]

    def subset(self, groups: Sequence[str]) -> "Counts":
        """The counts of some groups only (documents of the others dropped)."""
        keep = sorted(groups)
        idx = np.array([self.groups.index(g) for g in keep], dtype=np.int64)
        remap = np.full(len(self.groups), -1, dtype=np.int64)
        remap[idx] = np.arange(len(keep))
        doc_keep = np.flatnonzero(remap[self.doc_group] >= 0) if len(self.doc_group) else \
            np.zeros(0, np.int64)
        new_doc = np.full(len(self.doc_group), -1, dtype=np.int64)
        new_doc[doc_keep] = np.arange(len(doc_keep))

        def select(x):
            d, t, v, c = x
            sel = new_doc[d] >= 0 if len(d) else np.zeros(0, bool)
            return (new_doc[d[sel]], t[sel], v[sel], c[sel])

        return Counts(keep, self.shape, self.term_counts[idx], self.option_counts[idx],
                      self.tokens[idx], self.sentences[idx], self.documents[idx],
                      remap[self.doc_group[doc_keep]], self.doc_tokens[doc_keep],
                      select(self.doc_terms), select(self.doc_options))

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
                        for n in ("term_counts", "option_counts", "tokens", "sentences",
                                  "documents", "doc_group", "doc_tokens"))
                and all(np.array_equal(a, b)
                        for a, b in zip(self.doc_terms, other.doc_terms, strict=True))
                and all(np.array_equal(a, b)
                        for a, b in zip(self.doc_options, other.doc_options, strict=True)))

    __hash__ = None  # type: ignore[assignment]  # mutable arrays inside

    def __getstate__(self):
        state = {n: getattr(self, n) for n in self.__slots__ if n != "shape"}
        s = self.shape
        state["shape"] = (s.terms, s.categories, s.term_categories, s.n_spellings.tolist(),
                          s.contrasts)
        # groups x terms x voices is mostly zeros (3% of it in 2 MB of news at 1,000 terms,
        # 0.8% at 100,000): pickled as (shape, flat index, count) of its nonzero cells when
        # that is smaller (at 1,000 terms the table was 144 of the 231 KB of such a Counts)
        tc = self.term_counts
        at = np.flatnonzero(tc)
        if 2 * len(at) < tc.size:
            state["term_counts"] = (tc.shape, at, tc.ravel()[at])
        # the per-document arrays are most of the rest (document, term, voice, count of
        # each (document, term, voice) in 21 bytes): pickled in the smallest unsigned type
        # that holds their values (6 bytes for a partition of news), restored on loading
        state["doc_group"] = _narrow(self.doc_group)
        state["doc_tokens"] = _narrow(self.doc_tokens)
        state["doc_terms"] = tuple(map(_narrow, self.doc_terms))
        state["doc_options"] = tuple(map(_narrow, self.doc_options))
        return state

    def __setstate__(self, state):
        for n, v in state.items():
            if n == "shape":
                v = _Shape._restored(*v)
            elif n == "term_counts" and isinstance(v, tuple):
                shape, at, count = v
                v = np.zeros(shape, dtype=np.int64)
                v.ravel()[at] = count
            elif n in _DOC_KINDS:
                v = np.asarray(v, dtype=_DOC_KINDS[n])
            elif n in ("doc_terms", "doc_options"):
                v = tuple(np.asarray(a, dtype=t) for a, t in zip(v, _DOC_ENTRY_KINDS,
                                                                   strict=True))
            object.__setattr__(self, n, v)

    @classmethod
    def _restored(cls, state: Dict[str, Any], shape: _Shape) -> "Counts":
        """Counts of a state pickled without its shape (``__getstate__`` less "shape"), with
        the shape of their lexicon, taken as it is."""
        out = cls.__new__(cls)
        out.__setstate__(state)
        object.__setattr__(out, "shape", shape)
        return out

    # -- views ----------------------------------------------------------------------------
    def term_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """int64 ``[G, T]`` counts, all voices or one."""
        if voice is None:
            return self.term_counts.sum(axis=2)
        return self.term_counts[:, :, _voice_index(voice)]

    def _membership(self) -> Tuple[np.ndarray, np.ndarray]:
        """(term, category) for every category of every term."""
        tc = self.term_categories
        terms = np.repeat(np.arange(len(tc), dtype=np.int64),
                          [len(cs) for cs in tc]) if tc else np.zeros(0, np.int64)
        cats = np.fromiter((c for cs in tc for c in cs), dtype=np.int64, count=len(terms))
        return terms, cats

    def category_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """int64 ``[G, C]`` counts: a match counts once in each of its term's categories."""
        tm = self.term_matrix(voice)
        out = np.zeros((len(self.categories), len(self.groups)), dtype=np.int64)
        terms, cats = self._membership()
        if len(terms):
            np.add.at(out, cats, tm[:, terms].T)
        return out.T.copy()

    def option_matrix(self, voice: Optional[str] = None
                      ) -> Tuple[np.ndarray, List[Tuple[int, str, str]]]:
        """int64 ``[G, O]`` counts per contrast option, and (contrast index, contrast name,
        option name) for each column."""
        mat = (self.option_counts.sum(axis=2) if voice is None
               else self.option_counts[:, :, _voice_index(voice)])
        return mat, list(self.shape.labels)

    def doc_category_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """float64 ``[D, C]``: each document's matches per category (for the bootstrap)."""
        doc, term, v, cnt = self.doc_terms
        keep = np.ones(len(doc), bool) if voice is None else v == _voice_index(voice)
        out = np.zeros((len(self.doc_group), len(self.categories)), dtype=np.float64)
        tc = self.term_categories
        if len(doc):
            sizes = np.array([len(cs) for cs in tc], dtype=np.int64)
            first = np.cumsum(sizes) - sizes
            _, cats = self._membership()
            d, t, c = doc[keep], term[keep].astype(np.int64), cnt[keep]
            lens = sizes[t]
            rows = np.repeat(np.arange(len(d)), lens)
            offs = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
            np.add.at(out, (d[rows], cats[np.repeat(first[t], lens) + offs]), c[rows])
        return out

    def doc_option_matrix(self, voice: Optional[str] = None) -> np.ndarray:
        """float64 ``[D, O]``: each document's matches per contrast option."""
        doc, opt, v, cnt = self.doc_options
        keep = np.ones(len(doc), bool) if voice is None else v == _voice_index(voice)
        out = np.zeros((len(self.doc_group), len(self.shape.labels)), dtype=np.float64)
        np.add.at(out, (doc[keep], opt[keep]), cnt[keep])
        return out

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
            "group": pd.Categorical.from_codes(g.ravel(), pd.Index(self.groups)) if G else [],
            "term": np.array(self.terms, dtype=object)[t.ravel()],
            "voice": pd.Categorical.from_codes(v.ravel(), pd.Index(VOICES)),
            "count": self.term_counts.ravel(),
        })


def _voice_index(voice: str) -> int:
    try:
        return VOICES.index(voice)
    except ValueError:
        raise ValueError(f"voice must be None or one of {', '.join(VOICES)}; got {voice!r}") \
            from None


def _per_doc(key_doc: np.ndarray, key_col: np.ndarray, voice: np.ndarray, n_cols: int):
    """(doc, column, voice, count) of the matches, aggregated."""
    if not len(key_doc):
        e = np.zeros(0, np.int64)
        return (e, e, e, e)
    key = (key_doc.astype(np.int64) * n_cols + key_col) * 3 + voice
    # the matches come in document order: a stable sort (Timsort) merges the documents' runs,
    # where np.unique's sorts the whole array again
    key = np.sort(key, kind="stable")
    first = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    uniq, cnt = key[first], np.diff(np.append(first, len(key)))
    return (uniq // (3 * n_cols), (uniq // 3) % n_cols, uniq % 3, cnt)


def counts_from_columns(lexicon, groups: Sequence[str], doc_group: np.ndarray,
                        doc_tokens: np.ndarray, doc_sentences: np.ndarray,
                        match_doc: np.ndarray, match_term: np.ndarray,
                        match_voice: np.ndarray,
                        match_spelling: Optional[np.ndarray] = None) -> Counts:
    """Counts from analysis columns. ``groups`` must be sorted and ``doc_group`` index it.
    ``match_spelling`` (which spelling of its term each match is, 0 for the term itself)
    decides the contrast options; without it every match counts as its term's own
    spelling."""
    shape = _Shape.of(lexicon)
    G, T, n_opt = len(groups), len(shape.terms), len(shape.labels)
    doc_group = np.asarray(doc_group, dtype=np.int64)
    match_doc = np.asarray(match_doc, dtype=np.int64)
    match_term = np.asarray(match_term, dtype=np.int64)
    match_voice = np.asarray(match_voice, dtype=np.int64)
    # the table is groups x terms x 3 (19 MB at 8 groups and 100,000 terms): bincount makes
    # it at once, where zeros and an addition would make and walk it twice more
    flat = (doc_group[match_doc] * T + match_term) * 3 + match_voice
    tc = np.bincount(flat, minlength=G * T * 3).astype(np.int64, copy=False)
    oc = np.zeros(G * n_opt * 3, dtype=np.int64)
    doc_options = None
    if n_opt and len(match_doc):
        spelling = (np.zeros(len(match_term), np.int64) if match_spelling is None
                    else np.asarray(match_spelling, dtype=np.int64))
        rows, cols = shape.options_of(shape.spelling_ids(match_term, spelling))
        if len(rows):
            oc = np.bincount((doc_group[match_doc[rows]] * n_opt + cols) * 3 + match_voice[rows],
                             minlength=G * n_opt * 3).astype(np.int64, copy=False)
        doc_options = _per_doc(match_doc[rows], cols, match_voice[rows], n_opt)
    tokens = np.bincount(doc_group, weights=doc_tokens, minlength=G).astype(np.int64) \
        if len(doc_group) else np.zeros(G, np.int64)
    sentences = np.bincount(doc_group, weights=doc_sentences, minlength=G).astype(np.int64) \
        if len(doc_group) else np.zeros(G, np.int64)
    documents = np.bincount(doc_group, minlength=G).astype(np.int64)
    doc_terms = _per_doc(match_doc, match_term, match_voice, T)
    return Counts(groups, shape, tc.reshape(G, T, 3), oc.reshape(G, n_opt, 3), tokens, sentences,
                  documents, doc_group, np.asarray(doc_tokens, dtype=np.int64), doc_terms,
                  doc_options)
