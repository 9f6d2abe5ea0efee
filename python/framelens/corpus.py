"""Corpus analysis: records in, columnar results and additive counts out (DESIGN.md section 4).

Records are streamed in batches: each batch's texts are analysed by the C core on worker
threads with the GIL released, and only the result columns are kept, so a corpus is never
held twice. Results become pandas DataFrames built from whole columns (categoricals and
Arrow strings), with no Python object per row.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from . import _core
from .counts import VOICES, Counts, counts_from_columns

_DEFAULT_ID = "id"
_NO_GROUP = "all"

# Column dtypes of _core.analyze_batch.
_DTYPES = {
    "doc_tokens": np.uint64, "doc_sentences": np.uint32, "doc_matches": np.uint32,
    "sent_doc": np.uint32, "sent_index": np.uint32, "sent_start": np.int64,
    "sent_end": np.int64, "sent_tokens": np.uint32, "sent_matches": np.uint32,
    "sent_markers": np.uint32, "sent_score": np.float64, "match_doc": np.uint32,
    "match_sentence": np.uint32, "match_term": np.uint32, "match_spelling": np.uint32,
    "match_start": np.int64,
    "match_end": np.int64, "match_voice": np.uint8, "match_negated": np.uint8,
}


class RecordError(ValueError):
    """A record that cannot be analysed: names the record and the field."""


def default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _describe(record_no: int, rec_id: Any) -> str:
    return f"record {record_no}" + (f" (id {rec_id!r})" if rec_id is not None else "")


def _is_missing(value) -> bool:
    """None, NaN of any float type, pandas.NA and NaT: what a table uses for "no value"."""
    if value is None:
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    if isinstance(value, str):
        return False
    try:
        import pandas as pd
        missing = pd.isna(value)
    except (ImportError, TypeError, ValueError):
        return False
    return missing is True or (isinstance(missing, np.bool_) and bool(missing))


class _Batch:
    __slots__ = ("texts", "groups", "ids", "numbers")

    def __init__(self):
        self.texts: List[str] = []
        self.groups: List[str] = []
        self.ids: List[Any] = []
        self.numbers: List[int] = []  # record numbers, for messages


def _iter_records(records, text: str, group: Optional[str], id: Optional[str]
                  ) -> Iterator[Tuple[int, Any]]:
    """(record number, record) pairs; DataFrames are read column-wise, row by row."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        pd = None
    if pd is not None and isinstance(records, pd.DataFrame):
        wanted = [f for f in (text, group, id) if f is not None]
        missing = [f for f in wanted if f not in records.columns
                   and not (f == _DEFAULT_ID and f is id)]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the DataFrame; columns: "
                           f"{', '.join(map(str, records.columns))}")
        cols = {f: records[f].tolist() for f in wanted if f in records.columns}
        for i in range(len(records)):
            yield i, {f: cols[f][i] for f in cols}
        return
    if isinstance(records, (str, bytes, Mapping)):
        raise TypeError("records must be an iterable of dicts or a pandas DataFrame, not "
                        f"{type(records).__name__}")
    for i, rec in enumerate(records):
        yield i, rec


class Corpus:
    """The analysis of many documents.

    - ``sentences``: DataFrame doc_id, group, sentence, start, end, n_tokens, n_matches,
      score, n_markers.
    - ``matches``: DataFrame doc_id, group, sentence, term, category, start, end, surface,
      voice, weight, negated.
    - ``counts``: additive :class:`Counts` (merge, pickle).
    - ``skipped``: records skipped with ``skip_invalid=True``.
    - ``compare(...)``: statistics between groups.
    """

    def __init__(self, lexicon, cols: Dict[str, np.ndarray], surfaces, doc_ids,
                 doc_group: np.ndarray, groups: Sequence[str], skipped: int):
        self.lexicon = lexicon
        self._cols = cols
        self._surfaces = surfaces  # (offsets int64, data bytes)
        self._doc_ids = doc_ids
        self._doc_group = doc_group
        self.groups = tuple(groups)
        self.skipped = skipped
        self._sentences = None
        self._matches = None
        self.counts: Counts = counts_from_columns(
            lexicon, self.groups, doc_group, cols["doc_tokens"].astype(np.int64),
            cols["doc_sentences"].astype(np.int64), cols["match_doc"].astype(np.int64),
            cols["match_term"].astype(np.int64), cols["match_voice"].astype(np.int64),
            cols["match_spelling"].astype(np.int64))

    @property
    def n_documents(self) -> int:
        return len(self._doc_group)

    def _group_col(self, doc_index: np.ndarray):
        import pandas as pd
        codes = self._doc_group[doc_index] if len(doc_index) else np.zeros(0, np.int64)
        return pd.Categorical.from_codes(codes, categories=list(self.groups))

    def _doc_id_col(self, doc_index: np.ndarray):
        return self._doc_ids[doc_index] if len(doc_index) else self._doc_ids[:0]

    @property
    def sentences(self):
        if self._sentences is None:
            import pandas as pd
            c = self._cols
            doc = c["sent_doc"].astype(np.int64)
            self._sentences = pd.DataFrame({
                "doc_id": self._doc_id_col(doc),
                "group": self._group_col(doc),
                "sentence": c["sent_index"].astype(np.int64),
                "start": c["sent_start"],
                "end": c["sent_end"],
                "n_tokens": c["sent_tokens"].astype(np.int64),
                "n_matches": c["sent_matches"].astype(np.int64),
                "score": c["sent_score"],
                "n_markers": c["sent_markers"].astype(np.int64),
            })
        return self._sentences

    @property
    def matches(self):
        if self._matches is None:
            import pandas as pd
            c = self._cols
            doc = c["match_doc"].astype(np.int64)
            term = c["match_term"].astype(np.int64)
            lex = self.lexicon
            names = [t.term for t in lex.terms]
            cats = list(lex.categories)
            cat_of = np.array([cats.index(t.category) for t in lex.terms], dtype=np.int64)
            weight_of = np.array([t.weight for t in lex.terms], dtype=np.float64)
            if len(set(names)) == len(names):
                term_col = pd.Categorical.from_codes(term, categories=names)
            else:  # the same spelling twice (one case-sensitive): plain strings
                term_col = np.array(names, dtype=object)[term]
            self._matches = pd.DataFrame({
                "doc_id": self._doc_id_col(doc),
                "group": self._group_col(doc),
                "sentence": c["match_sentence"].astype(np.int64),
                "term": term_col,
                "category": pd.Categorical.from_codes(cat_of[term] if len(term) else term,
                                                      categories=cats),
                "start": c["match_start"],
                "end": c["match_end"],
                "surface": _surface_column(*self._surfaces),
                "voice": pd.Categorical.from_codes(c["match_voice"].astype(np.int64),
                                                   categories=list(VOICES)),
                "weight": weight_of[term] if len(term) else np.zeros(0),
                "negated": c["match_negated"].astype(bool),
            })
        return self._matches

    def compare(self, alpha0: float = 1000.0, voice: Optional[str] = None, bootstrap: int = 0,
                seed: int = 0):
        """Statistics of each group against the pooled rest: see :class:`Comparison`."""
        from .compare import Comparison
        return Comparison(self.counts, alpha0=alpha0, voice=voice, bootstrap=bootstrap,
                          seed=seed)

    def __repr__(self) -> str:
        return (f"<Corpus: {self.n_documents} documents in {len(self.groups)} groups, "
                f"{len(self._cols['sent_doc'])} sentences, {len(self._cols['match_doc'])} "
                f"matches, {self.skipped} skipped>")


def _surface_column(offsets: np.ndarray, data: bytes):
    """The matched texts as an Arrow-backed pandas string array, built from the buffers."""
    import pandas as pd
    import pyarrow as pa
    n = len(offsets) - 1
    arr = pa.Array.from_buffers(pa.large_string(), n,
                                [None, pa.py_buffer(offsets.astype(np.int64)), pa.py_buffer(data)])
    return pd.arrays.ArrowExtensionArray(arr)


def _batches(records, text: str, group: Optional[str], id: Optional[str], skip_invalid: bool,
             batch_bytes: int, counter: List[int]) -> Iterator[_Batch]:
    batch = _Batch()
    size = 0
    numbered = id is None
    id_field = id
    for no, rec in _iter_records(records, text, group, id):
        rec_id = None
        if not isinstance(rec, Mapping):
            if skip_invalid:
                counter[0] += 1
                continue
            raise RecordError(f"{_describe(no, None)}: expected a dict, not "
                              f"{type(rec).__name__}")
        if numbered:
            rec_id = no
        elif id_field in rec:
            rec_id = rec[id_field]
        elif id_field == _DEFAULT_ID and no == 0:
            numbered = True  # no "id" field: number the records
            rec_id = no
        else:
            if skip_invalid:
                counter[0] += 1
                continue
            raise RecordError(f"{_describe(no, None)}: no field {id_field!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        if text not in rec:
            if skip_invalid:
                counter[0] += 1
                continue
            raise RecordError(f"{_describe(no, rec_id)}: no field {text!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        value = rec[text]
        if not isinstance(value, str):
            if skip_invalid:
                counter[0] += 1
                continue
            what = "missing (None/NaN/NA)" if _is_missing(value) else type(value).__name__
            raise RecordError(f"{_describe(no, rec_id)}: field {text!r} must be a str, "
                              f"not {what}")
        if group is None:
            gval = _NO_GROUP
        elif group in rec and not _is_missing(rec[group]) and str(rec[group]).strip():
            gval = str(rec[group])
        else:
            if skip_invalid:
                counter[0] += 1
                continue
            if group in rec:
                raise RecordError(f"{_describe(no, rec_id)}: field {group!r} is missing "
                                  f"(None/NaN/NA or blank)")
            raise RecordError(f"{_describe(no, rec_id)}: no field {group!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        batch.texts.append(value)
        batch.groups.append(gval)
        batch.ids.append(rec_id)
        batch.numbers.append(no)
        size += len(value) + 64
        if size >= batch_bytes:
            yield batch
            batch = _Batch()
            size = 0
    if batch.texts:
        yield batch


_BATCH_INDEX = re.compile(r"^(?:texts\[(\d+)\]|document (\d+)): (.*)$", re.S)


def _record_error(exc: ValueError, batch: _Batch, field: str) -> ValueError:
    """The core's error about the i-th text of a batch, restated for the record it came
    from."""
    m = _BATCH_INDEX.match(str(exc))
    if not m:
        return exc
    i = int(m.group(1) or m.group(2))
    if not 0 <= i < len(batch.numbers):
        return exc
    return RecordError(f"{_describe(batch.numbers[i], batch.ids[i])}: field {field!r}: "
                       f"{m.group(3)}")


def analyze_corpus(analyzer, records: Iterable, text: str = "text",
                   group: Optional[str] = "outlet", id: Optional[str] = _DEFAULT_ID,
                   threads: Optional[int] = None, skip_invalid: bool = False,
                   batch_bytes: int = 8 << 20, progress=None) -> Corpus:
    """See :meth:`framelens.Analyzer.analyze_corpus`."""
    if threads is None:
        threads = default_threads()
    if not isinstance(threads, (int, np.integer)) or isinstance(threads, bool) or \
            not 1 <= threads <= 256:
        raise ValueError(f"threads must be an int from 1 to 256 (or None), not {threads!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a field name (str), not {type(text).__name__}")
    lex = analyzer.lexicon
    parts: Dict[str, List[np.ndarray]] = {k: [] for k in _DTYPES}
    surf_offsets: List[np.ndarray] = []
    surf_data: List[bytes] = []
    surf_base = 0
    doc_ids: List[Any] = []
    doc_groups: List[str] = []
    n_docs = 0
    skipped = [0]
    for batch in _batches(records, text, group, id, skip_invalid, batch_bytes, skipped):
        try:
            cols = _core.analyze_batch(lex._core, batch.texts, int(threads))
        except ValueError as exc:
            raise _record_error(exc, batch, text) from None
        for k, dt in _DTYPES.items():
            a = np.frombuffer(cols[k], dtype=dt)
            if k in ("sent_doc", "match_doc"):
                a = a.astype(np.int64) + n_docs
            parts[k].append(a)
        off = np.frombuffer(cols["surface_offsets"], dtype=np.int64)
        surf_offsets.append(off[1:] + surf_base)
        surf_base += len(cols["surface_data"])
        surf_data.append(cols["surface_data"])
        doc_ids.extend(batch.ids)
        doc_groups.extend(batch.groups)
        n_docs += len(batch.texts)
        if progress is not None:
            progress(len(batch.texts), sum(len(t) for t in batch.texts))
        del batch, cols
    merged = {}
    for k, dt in _DTYPES.items():
        merged[k] = np.concatenate(parts[k]) if parts[k] else np.zeros(0, dtype=dt)
        parts[k] = None
    offsets = np.concatenate([np.zeros(1, np.int64)] + surf_offsets)
    data = b"".join(surf_data)
    groups = sorted(set(doc_groups))
    gindex = {g: i for i, g in enumerate(groups)}
    doc_group = np.fromiter((gindex[g] for g in doc_groups), dtype=np.int64, count=n_docs)
    if doc_ids and all(isinstance(i, (int, np.integer)) and not isinstance(i, bool)
                       for i in doc_ids):
        ids = np.array(doc_ids, dtype=np.int64)
    else:
        ids = np.empty(len(doc_ids), dtype=object)
        ids[:] = doc_ids
    return Corpus(lex, merged, (offsets, data), ids, doc_group, groups, skipped[0])
