"""Near-duplicate documents: copies counted once (issue 13, item 3).

A wire story reprinted by five outlets weighs five times in every comparison unless its
copies are found. The C core (``csrc/dedupe.c``) makes a MinHash signature of each
document's word shingles, pairs documents whose signatures agree on a band (LSH), checks
each pair and joins the pairs into clusters. This module turns that into tables:

    import framelens as fl
    from framelens import dedupe
    dup = dedupe.find_duplicates(records, text="text", group="outlet", id="id")
    dup.clusters      # cluster, size, n_groups, groups, doc_ids, first, jaccard_min, ...
    dup.documents     # doc_id, group, cluster (-1: no copies), first, jaccard, ...
    dup.pairs         # doc_a, doc_b, group_a, group_b, jaccard, containment
    corpus = dedupe.apply(corpus, dup, mode="drop", keep="group")

For a corpus that streams, :class:`Signatures` takes the texts batch by batch (``add``) and
gives the duplicates at the end, so no text is kept. docs/duplicates-and-switches.md has the
method, its parameters, sources and limits.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import copy
import numbers
import os
from collections.abc import Mapping
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from . import _core
from ._api import _as_text
from .columns import arrow_pool, take

SHINGLE = 5
NUM_HASHES = 128
SEED = 1
THRESHOLD = 0.5
CONTAINMENT = 0.8
MODES = ("mark", "drop")
KEEP = ("group", "all")

_BATCH_BYTES = 8 << 20


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except (AttributeError, OSError):
            return max(1, os.cpu_count() or 1)
    if isinstance(threads, bool) or not isinstance(threads, (int, np.integer)) or \
            not 1 <= threads <= _core.MAX_THREADS:
        raise ValueError(f"threads must be an int from 1 to {_core.MAX_THREADS} (or None), "
                         f"not {threads!r}")
    return int(threads)


def _int_param(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or \
            not low <= value <= high:
        raise ValueError(f"{name} must be an int from {low} to {high}, not {value!r}")
    return int(value)


def _unit_param(name: str, value: Any, allow_zero: bool) -> float:
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and \
        (0.0 <= float(value) <= 1.0 if allow_zero else 0.0 < float(value) <= 1.0)
    if not ok:
        what = "in [0, 1] (0 turns it off)" if allow_zero else "in (0, 1]"
        raise ValueError(f"{name} must be a number {what}, not {value!r}")
    return float(value)


class Signatures:
    """MinHash signatures of documents, added batch by batch.

    ``Signatures(shingle=5, num_hashes=128, seed=1, threads=None)``: ``shingle`` words per
    shingle (1 to 16), ``num_hashes`` values per signature (a power of two from 16 to
    1024), ``seed`` of the hash functions (the same seed gives the same signatures),
    ``threads`` worker threads (None: one per available core).

    ``add(texts, ids=None, groups=None)`` signs a batch of str; ``duplicates(...)``
    clusters everything added so far. ``values`` (uint32 ``[n, num_hashes]``) and
    ``sizes`` (distinct shingles, uint64 ``[n]``) are the signatures themselves.
    """

    def __init__(self, shingle: int = SHINGLE, num_hashes: int = NUM_HASHES, seed: int = SEED,
                 threads: Optional[int] = None) -> None:
        self.shingle = _int_param("shingle", shingle, 1, 16)
        self.num_hashes = _int_param("num_hashes", num_hashes, 16, 1024)
        if self.num_hashes & (self.num_hashes - 1):
            raise ValueError(f"num_hashes must be a power of two, not {num_hashes!r}")
        self.seed = _int_param("seed", seed, 0, 2**64 - 1)
        self.threads = _threads(threads)
        self._values: List[np.ndarray] = []
        self._sizes: List[np.ndarray] = []
        self._ids: List[Any] = []
        self._groups: List[Any] = []
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def add(self, texts: Sequence[str], ids: Optional[Sequence[Any]] = None,
            groups: Optional[Sequence[Any]] = None) -> None:
        """Signs a batch of texts (a list of str). ``ids`` name the documents (default: their
        running number), ``groups`` say whose they are (an outlet; default None)."""
        texts = [_as_text(t) if isinstance(t, (bytes, bytearray, memoryview)) else t
                 for t in texts]
        n = len(texts)
        for name, seq in (("ids", ids), ("groups", groups)):
            if seq is not None and len(seq) != n:
                raise ValueError(f"{name} has {len(seq)} items for {n} texts")
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise TypeError(f"texts[{i}] must be a str, not {type(t).__name__}")
        sigs, sizes = _core.dedupe_signatures(texts, self.shingle, self.num_hashes, self.seed,
                                              self.threads)
        self._values.append(np.frombuffer(sigs, dtype=np.uint32).reshape(n, self.num_hashes))
        self._sizes.append(np.frombuffer(sizes, dtype=np.uint64))
        self._ids.extend(range(self._n, self._n + n) if ids is None else ids)
        self._groups.extend([None] * n if groups is None else groups)
        self._n += n

    def _add_signed(self, values: Any, sizes: Any, ids: Sequence[Any],
                    groups: Sequence[Any]) -> None:
        """Adds documents signed elsewhere with these parameters (the analysis's columns
        doc_signatures and doc_shingles, see _core.analyze_columns): copied, so that the
        buffers they came in can go."""
        n = len(ids)
        self._values.append(np.frombuffer(values, dtype=np.uint32).reshape(n, self.num_hashes)
                            .copy())
        self._sizes.append(np.frombuffer(sizes, dtype=np.uint64).copy())
        self._ids.extend(ids)
        self._groups.extend(groups)
        self._n += n

    def _merge(self) -> None:
        if len(self._values) > 1:
            self._values = [np.concatenate(self._values)]
            self._sizes = [np.concatenate(self._sizes)]

    @property
    def values(self) -> np.ndarray:
        self._merge()
        return self._values[0] if self._values else \
            np.zeros((0, self.num_hashes), dtype=np.uint32)

    @property
    def sizes(self) -> np.ndarray:
        self._merge()
        return self._sizes[0] if self._sizes else np.zeros(0, dtype=np.uint64)

    def duplicates(self, threshold: float = THRESHOLD, containment: float = CONTAINMENT,
                   bands: Optional[int] = None, rows: Optional[int] = None) -> "Duplicates":
        """Clusters of copies among the documents added: see :func:`find_duplicates`."""
        threshold = _unit_param("threshold", threshold, allow_zero=False)
        containment = _unit_param("containment", containment, allow_zero=True)
        if (bands is None) != (rows is None):
            raise ValueError("give both bands and rows, or neither")
        b = 0 if bands is None else _int_param("bands", bands, 1, self.num_hashes)
        r = 0 if rows is None else _int_param("rows", rows, 1, self.num_hashes)
        if b * r > self.num_hashes:
            raise ValueError(f"bands x rows ({b} x {r}) must not exceed num_hashes "
                             f"({self.num_hashes})")
        cols = _core.dedupe_cluster(self.values, self.sizes, self.num_hashes, threshold,
                                    containment, b, r)
        params = {"shingle": self.shingle, "num_hashes": self.num_hashes, "seed": self.seed,
                  "threshold": threshold, "containment": containment,
                  "bands": int(cols["bands"]), "rows": int(cols["rows"])}
        return Duplicates(cols, self._ids, self._groups, self.sizes, params)

    def __repr__(self) -> str:
        return (f"<Signatures of {self._n} documents: shingle={self.shingle}, "
                f"num_hashes={self.num_hashes}, seed={self.seed}>")


def _column(values: Sequence[Any]) -> np.ndarray:
    """ints stay int64; anything else becomes an object array."""
    if len(values) and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                           for v in values):
        return np.asarray(values, dtype=np.int64)
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


class Duplicates:
    """Clusters of copies, as tables.

    - ``documents``: one row per document, in input order: doc_id, group, cluster (0, 1,
      ... for documents with copies, numbered by their first document; -1 for a document
      without copies), first (doc_id of its cluster's first document), size (documents in
      its cluster), jaccard and containment (estimated similarity to that first document;
      NaN without copies), duplicate (True for every document of a cluster but its first).
    - ``clusters``: one row per cluster of two or more documents: cluster, size,
      n_groups, groups and doc_ids (tuples, in document order), first, jaccard_min and
      containment_min (the least similar member against the first).
    - ``pairs``: the pairs that joined the clusters (a spanning tree of each): doc_a, doc_b,
      group_a, group_b, jaccard, containment.
    - ``params``: the parameters used; ``n_candidates``: pairs compared.
    - ``keep(per)``: a boolean mask of the documents to keep.
    """

    def __init__(self, cols: Dict[str, Any], ids: Sequence[Any], groups: Sequence[Any],
                 sizes: np.ndarray, params: Dict[str, Any]) -> None:
        import pandas as pd

        self.params = params
        self.n_candidates = int(cols["n_candidates"])
        n = len(ids)
        first = np.frombuffer(cols["first"], dtype=np.uint32).astype(np.int64)
        size = np.frombuffer(cols["size"], dtype=np.uint32).astype(np.int64)
        jac = np.frombuffer(cols["jaccard"], dtype=np.float64)
        con = np.frombuffer(cols["containment"], dtype=np.float64)
        self._first = first
        ids_arr = _column(ids)
        groups_arr = _column(groups)
        # clusters of >= 2 documents, numbered by their first document
        roots = np.flatnonzero((first == np.arange(n)) & (size > 1))
        number = np.full(n, -1, dtype=np.int64)
        number[roots] = np.arange(len(roots))
        cluster = np.where(size > 1, number[first] if n else first, -1)
        self._cluster = cluster
        self.documents = pd.DataFrame({
            "doc_id": ids_arr,
            "group": groups_arr,
            "cluster": cluster,
            "first": ids_arr[first] if n else ids_arr[:0],
            "size": size,
            "jaccard": jac,
            "containment": con,
            "duplicate": (size > 1) & (first != np.arange(n)),
            "shingles": np.asarray(sizes, dtype=np.int64),
        })
        rows = []
        members: Dict[int, List[int]] = {}
        for d in np.flatnonzero(cluster >= 0):
            members.setdefault(int(cluster[d]), []).append(int(d))
        for c, docs in members.items():
            g = [groups_arr[d] for d in docs]
            distinct = tuple(dict.fromkeys(g))
            others = [d for d in docs if d != docs[0]]
            rows.append((c, len(docs), len(distinct), distinct,
                         tuple(ids_arr[d] for d in docs), ids_arr[docs[0]],
                         float(np.min(jac[others])), float(np.min(con[others]))))
        self.clusters = pd.DataFrame(rows, columns=[
            "cluster", "size", "n_groups", "groups", "doc_ids", "first", "jaccard_min",
            "containment_min"])
        self.clusters = self.clusters.astype({"cluster": np.int64, "size": np.int64,
                                              "n_groups": np.int64})
        pa = np.frombuffer(cols["pair_a"], dtype=np.uint32).astype(np.int64)
        pb = np.frombuffer(cols["pair_b"], dtype=np.uint32).astype(np.int64)
        self.pairs = pd.DataFrame({
            "doc_a": ids_arr[pa] if len(pa) else ids_arr[:0],
            "doc_b": ids_arr[pb] if len(pb) else ids_arr[:0],
            "group_a": groups_arr[pa] if len(pa) else groups_arr[:0],
            "group_b": groups_arr[pb] if len(pb) else groups_arr[:0],
            "jaccard": np.frombuffer(cols["pair_jaccard"], dtype=np.float64),
            "containment": np.frombuffer(cols["pair_containment"], dtype=np.float64),
        })

    @property
    def n_documents(self) -> int:
        return len(self._first)

    @property
    def labels(self) -> np.ndarray:
        """Cluster number per document (-1 for a document without copies)."""
        return self._cluster

    def keep(self, per: str = "group") -> np.ndarray:
        """The documents to keep when each cluster counts once: ``per="group"`` keeps the
        first document of each cluster in each group (a story reprinted by three outlets
        still counts once for each), ``per="all"`` the first document of each cluster
        only (it counts for the group of that document)."""
        if per not in KEEP:
            raise ValueError(f"per must be one of {', '.join(KEEP)}; got {per!r}")
        n = self.n_documents
        if per == "all":
            return self._first == np.arange(n)
        import pandas as pd
        key = pd.DataFrame({"root": self._first, "group": self.documents["group"]})
        return ~key.duplicated().to_numpy()

    def __repr__(self) -> str:
        dup = int(self.documents["duplicate"].sum()) if self.n_documents else 0
        return (f"<Duplicates: {len(self.clusters)} clusters, {dup} of {self.n_documents} "
                f"documents are copies (threshold={self.params['threshold']}, "
                f"containment={self.params['containment']})>")


def _records(items: Any, text: str, group: Optional[str], id: Optional[str]
             ) -> Iterator[Tuple[Any, Any, Any]]:
    """(text, id, group) of each input: str (or bytes) items, a pandas Series or DataFrame,
    or dicts. The text is checked by the caller."""
    import pandas as pd
    if isinstance(items, (str, bytes, Mapping)):
        raise TypeError("expected a list of texts, records or a DataFrame, not "
                        f"{type(items).__name__}")
    if isinstance(items, pd.Series):
        yield from ((t, label, None) for label, t in items.items())
        return
    if isinstance(items, pd.DataFrame):
        for f in (text, group, id):
            if f is not None and f not in items.columns:
                raise KeyError(f"no column {f!r} in the DataFrame; columns: "
                               f"{', '.join(map(str, items.columns))}")
        texts = items[text].tolist()
        ids = items[id].tolist() if id is not None else items.index.tolist()
        groups = items[group].tolist() if group is not None else [None] * len(items)
        yield from zip(texts, ids, groups, strict=True)
        return
    for i, rec in enumerate(items):
        if isinstance(rec, (str, bytes, bytearray, memoryview)):
            yield rec, i, None
            continue
        if not isinstance(rec, Mapping):
            raise TypeError(f"record {i + 1}: expected a str or a dict, not "
                            f"{type(rec).__name__}")
        if text not in rec:
            raise KeyError(f"record {i + 1}: no field {text!r}; fields: "
                           f"{', '.join(map(str, rec))}")
        if id is not None and id not in rec:
            raise KeyError(f"record {i + 1}: no field {id!r}; fields: "
                           f"{', '.join(map(str, rec))}")
        if group is not None and group not in rec:
            raise KeyError(f"record {i + 1}: no field {group!r}; fields: "
                           f"{', '.join(map(str, rec))}")
        yield rec[text], (rec[id] if id is not None else i), \
            (rec[group] if group is not None else None)


def find_duplicates(texts_or_records: Iterable[Any], *, text: str = "text",
                    group: Optional[str] = None, id: Optional[str] = None,
                    threshold: float = THRESHOLD, containment: float = CONTAINMENT,
                    shingle: int = SHINGLE, num_hashes: int = NUM_HASHES, seed: int = SEED,
                    bands: Optional[int] = None, rows: Optional[int] = None,
                    threads: Optional[int] = None) -> Duplicates:
    """Finds copies among texts: a list of str, a pandas Series, a DataFrame or dicts
    (``text``, ``group`` and ``id`` name the fields; without ``id`` a document's id is its
    index label in a Series or DataFrame, its number from 0 otherwise).

    Two documents are copies when the estimated Jaccard similarity of their sets of
    ``shingle``-word shingles is at least ``threshold``, or when the shorter one is at
    least half as long as the other and at least ``containment`` of its shingles are in it
    (a reprint with its ending cut; 0 turns this rule off). Copies of copies join one
    cluster. Words are compared folded (case, diacritics, quotes, dashes and spacing do not
    matter). ``num_hashes``, ``seed``, ``bands`` and ``rows`` tune the MinHash signatures
    and the banding (None: chosen so that a copy is missed with probability < 1%).
    Deterministic. Returns :class:`Duplicates`.
    """
    sig = Signatures(shingle=shingle, num_hashes=num_hashes, seed=seed, threads=threads)
    batch: List[str] = []
    ids: List[Any] = []
    groups: List[Any] = []
    size = 0
    for no, (t, i, g) in enumerate(_records(texts_or_records, text, group, id)):
        if isinstance(t, (bytes, bytearray, memoryview)):
            t = _as_text(t)  # as Analyzer.analyze reads bytes
        if not isinstance(t, str):
            raise TypeError(f"record {no + 1}: field {text!r} must be a str, not "
                            f"{type(t).__name__}")
        batch.append(t)
        ids.append(i)
        groups.append(g)
        size += len(t) + 64
        if size >= _BATCH_BYTES:
            sig.add(batch, ids, groups)
            batch, ids, groups, size = [], [], [], 0
    if batch:
        sig.add(batch, ids, groups)
    return sig.duplicates(threshold=threshold, containment=containment, bands=bands, rows=rows)


# -- applying the clusters to a Corpus -----------------------------------------------------

def apply(corpus: Any, duplicates: Duplicates, mode: str = "mark", keep: str = "group") -> Any:
    """A Corpus with its copies marked or dropped.

    ``mode="mark"``: the same documents, with ``corpus.duplicates`` (the
    :class:`Duplicates`) and a ``cluster`` column (-1 for documents without copies) in
    ``corpus.sentences``, ``corpus.matches`` and ``corpus.attributions``. ``mode="drop"``:
    only the documents of
    ``duplicates.keep(keep)`` remain (``keep="group"``: each cluster once per group;
    ``"all"``: once overall), so counts and comparisons count each story once;
    ``corpus.duplicates`` still lists every cluster. ``duplicates`` must describe the
    corpus's documents in the same order (``find_duplicates`` on the same records).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    if keep not in KEEP:
        raise ValueError(f"keep must be one of {', '.join(KEEP)}; got {keep!r}")
    n = corpus.n_documents
    if duplicates.n_documents != n:
        raise ValueError(f"the duplicates describe {duplicates.n_documents} documents, the "
                         f"corpus has {n}: find them on the same records")
    ids = duplicates.documents["doc_id"].to_numpy()
    cids = np.asarray(corpus._doc_ids)
    if len(ids) and not np.array_equal(ids.astype(object), cids.astype(object)):
        bad = int(np.flatnonzero(ids.astype(object) != cids.astype(object))[0])
        raise ValueError(f"document {bad + 1}: the duplicates name it {_plain(ids[bad])!r}, the "
                         f"corpus {_plain(cids[bad])!r}: find them on the same records, in the "
                         f"same order")
    if mode == "mark":
        out = copy.copy(corpus)
        out.__class__ = _marked_class(type(corpus))
        out._sentences = None
        out._matches = None
        out._attributions = None
        out._dedupe_cluster = duplicates.labels
    else:
        out = _select_documents(corpus, duplicates.keep(keep))
    out.duplicates = duplicates
    out.dedupe_mode = mode
    out.dedupe_keep = keep
    return out


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (for messages)."""
    return value.item() if isinstance(value, np.generic) else value


_MARKED: Dict[type, type] = {}


def _marked_class(base: type) -> type:
    """A subclass of the Corpus class whose sentences and matches carry a cluster column."""
    if base in _MARKED:
        return _MARKED[base]
    if getattr(base, "_dedupe_marked", False):
        return base

    class MarkedCorpus(base):
        _dedupe_marked = True

        @property
        def sentences(self):
            df = super().sentences
            if "cluster" not in df.columns:
                doc = self._cols["sent_doc"].astype(np.int64)
                df["cluster"] = self._dedupe_cluster[doc] if len(doc) else doc
            return df

        @property
        def matches(self):
            df = super().matches
            if "cluster" not in df.columns:
                doc = self._cols["match_doc"].astype(np.int64)
                df["cluster"] = self._dedupe_cluster[doc] if len(doc) else doc
            return df

        @property
        def attributions(self):
            df = super().attributions
            if "cluster" not in df.columns:
                doc = self._cols["attr_doc"].astype(np.int64)
                df["cluster"] = self._dedupe_cluster[doc] if len(doc) else doc
            return df

    MarkedCorpus.__name__ = MarkedCorpus.__qualname__ = base.__name__
    _MARKED[base] = MarkedCorpus
    return MarkedCorpus


def _select_documents(corpus: Any, keep: np.ndarray) -> Any:
    """The corpus of the kept documents only, with its counts recomputed. Reads the
    Corpus's columns (corpus.py); the one place here that knows them."""
    cols = corpus._cols
    n = corpus.n_documents
    keep = np.asarray(keep, dtype=bool)
    new_index = np.full(n, -1, dtype=np.int64)
    new_index[keep] = np.arange(int(keep.sum()))
    out_cols: Dict[str, np.ndarray] = {}
    sent_keep = keep[cols["sent_doc"].astype(np.int64)] if len(cols["sent_doc"]) else \
        np.zeros(0, bool)
    match_keep = keep[cols["match_doc"].astype(np.int64)] if len(cols["match_doc"]) else \
        np.zeros(0, bool)
    attr_doc = cols.get("attr_doc", np.zeros(0, np.uint32))
    attr_keep = keep[attr_doc.astype(np.int64)] if len(attr_doc) else np.zeros(0, bool)
    for k, a in cols.items():
        if k.startswith("doc_"):
            out_cols[k] = a[keep]
        elif k.startswith("sent_"):
            out_cols[k] = a[sent_keep]
        elif k.startswith("match_"):
            out_cols[k] = a[match_keep]
        elif k.startswith("attr_"):
            out_cols[k] = a[attr_keep]
        else:
            out_cols[k] = a
    for k in ("sent_doc", "match_doc", "attr_doc"):
        if k in out_cols:
            out_cols[k] = new_index[out_cols[k].astype(np.int64)]
    surf_offsets, surf_data = corpus._surfaces
    new_offsets, new_data = _kept_strings(surf_offsets, surf_data, match_keep)
    attr_texts = getattr(corpus, "_attr_texts", None)
    if attr_texts is not None:  # 4 strings per attribution: keep each kept one's four
        extra_attr = {"attribution_texts": _kept_strings(attr_texts[0], attr_texts[1],
                                                         np.repeat(attr_keep, 4))}
    else:
        extra_attr = {}
    cls = type(corpus)
    if getattr(cls, "_dedupe_marked", False):
        cls = cls.__mro__[1]
    extra: Dict[str, Any] = {}
    doc_columns = getattr(corpus, "_doc_columns", None)
    if doc_columns is not None:  # a Corpus that carries record fields, dates and texts
        kept_docs = np.flatnonzero(keep)
        texts = getattr(corpus, "_sentence_texts", None)
        if texts is not None:
            import pyarrow as pa
            import pyarrow.compute as pc
            texts = pc.filter(texts, pa.array(sent_keep), memory_pool=arrow_pool()) \
                if isinstance(texts, pa.Array) else np.asarray(texts, dtype=object)[sent_keep]
        extra = {"doc_columns": {k: take(v, kept_docs) for k, v in doc_columns.items()},
                 "group_keys": corpus.group_keys, "group_values": corpus._group_values,
                 "date": corpus.date, "period": corpus.period, "sentence_texts": texts,
                 "texts": corpus.texts,
                 "attributions": getattr(corpus, "kept_attributions", "all")}
    return cls(corpus.lexicon, out_cols, (new_offsets, new_data),
               np.asarray(corpus._doc_ids)[keep], np.asarray(corpus._doc_group)[keep],
               corpus.groups, corpus.skipped, **extra, **extra_attr)


def _kept_strings(offsets: np.ndarray, data: bytes, keep: np.ndarray) -> Tuple[np.ndarray, bytes]:
    """The strings ``keep`` selects from concatenated UTF-8 ``data`` with ``offsets`` (n + 1),
    as new offsets and data."""
    import pyarrow as pa
    import pyarrow.compute as pc
    offsets = np.ascontiguousarray(offsets, dtype=np.int64)
    n = len(offsets) - 1
    if n <= 0 or len(data) == 0:
        return np.zeros(int(np.count_nonzero(keep)) + 1, np.int64), b""
    # Arrow's filter over the buffers as they are (a string by memcpy): a byte mask of the
    # data, np.repeat(keep, lengths), took 15 ms of every dropped corpus of 16 MB, the
    # filter and the copy into bytes 3 ms (the 62,673 attributions' 7.6 MB of texts)
    strings = pa.LargeBinaryArray.from_buffers(pa.large_binary(), n,
                                               [None, pa.py_buffer(offsets),
                                                pa.py_buffer(data)])
    kept = pc.filter(strings, pa.array(np.asarray(keep, dtype=bool)), memory_pool=arrow_pool())
    if len(kept) == 0:
        return np.zeros(1, np.int64), b""
    _, kept_offsets, kept_data = kept.buffers()
    # a filter's result starts at offset 0 of fresh buffers
    new_offsets = np.frombuffer(kept_offsets, dtype=np.int64, count=len(kept) + 1).copy()
    size = int(new_offsets[-1])
    return new_offsets, kept_data[:size].to_pybytes() if size else b""
