"""Corpus analysis: records in, columnar results and additive counts out (DESIGN.md section 4).

Records are streamed in batches: each batch's texts are analysed by the C core on worker
threads with the GIL released, and only the result columns are kept, so a corpus is never
held twice. Results become pandas DataFrames built from whole columns (categoricals and
Arrow strings, see :mod:`framelens.columns`), with no Python object per row.

What is kept of the texts is the caller's choice (``texts=``): by default the sentences that
hold a match, as UTF-8 in Arrow buffers (the evidence behind every count, at the size of
those sentences); ``"all"`` keeps every sentence (about the size of the corpus in UTF-8);
``"none"`` keeps no text.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
import os
from collections.abc import Mapping, Sized
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from ._api import _NONE, ATTRIBUTION_KINDS, _as_text
from .columns import arrow_pool, label_array, label_dtype, take, text_array, user_column
from .counts import VOICES, Counts, counts_from_columns
from .evidence import check_voices, check_window, context_rows, sample, select_terms

_DEFAULT_ID = "id"
_NO_GROUP = "all"
GROUP_SEPARATOR = " | "  # between the keys of a group label ("Sputnik | 2023-05")
TEXTS = ("matched", "all", "none")
# attributions= of analyze_corpus: every attribution, or only those a match links to
ATTRIBUTIONS = ("all", "matched")
PERIOD = "period"  # the column of a date's period

# Column dtypes of _core.analyze_batch.
_DTYPES = {
    "doc_tokens": np.uint64, "doc_sentences": np.uint32, "doc_matches": np.uint32,
    "sent_doc": np.uint32, "sent_index": np.uint32, "sent_start": np.int64,
    "sent_end": np.int64, "sent_tokens": np.uint32, "sent_matches": np.uint32,
    "sent_markers": np.uint32, "sent_score": np.float64, "match_doc": np.uint32,
    "match_sentence": np.uint32, "match_term": np.uint32, "match_spelling": np.uint32,
    "match_start": np.int64,
    "match_end": np.int64, "match_voice": np.uint8, "match_negated": np.uint8,
    # who says what (the attributions and each match's link to one)
    "doc_attributions": np.uint32, "match_attribution": np.uint32, "match_target": np.uint32,
    "attr_doc": np.uint32, "attr_sentence": np.uint32, "attr_kind": np.uint8,
    "attr_voice": np.uint8, "attr_nested": np.uint8, "attr_speaker_actor": np.uint32,
    "attr_speaker_start": np.int64, "attr_speaker_end": np.int64, "attr_cue_start": np.int64,
    "attr_cue_end": np.int64, "attr_content_start": np.int64, "attr_content_end": np.int64,
    "attr_content2_start": np.int64, "attr_content2_end": np.int64,
}

# The columns of the tables; a kept field may not take one of these names.
SENTENCE_COLUMNS = ("doc_id", "group", "sentence", "start", "end", "n_tokens", "n_matches",
                    "score", "n_markers")
MATCH_COLUMNS = ("doc_id", "group", "sentence", "term", "category", "start", "end", "surface",
                 "voice", "weight", "negated", "speaker", "speaker_start", "speaker_end",
                 "speaker_actor", "cue", "cue_lemma", "target")
ATTRIBUTION_COLUMNS = ("doc_id", "group", "sentence", "speaker", "speaker_start", "speaker_end",
                       "speaker_actor", "cue", "cue_start", "cue_end", "cue_lemma", "content",
                       "content_start", "content_end", "content2_start", "content2_end",
                       "kind", "voice", "nested")
KWIC_COLUMNS = ("doc_id", "group", "sentence", "start", "end", "left", "match", "right",
                "term", "category", "voice", "negated", "weight", "sentence_text")
_RESERVED = set(SENTENCE_COLUMNS) | set(MATCH_COLUMNS) | set(KWIC_COLUMNS) | \
    set(ATTRIBUTION_COLUMNS) | {"text", "n_sentences", "cluster"}


class RecordError(ValueError):
    """A record that cannot be analysed: the message names the record (counted from 1, as
    lines and columns are: "record 1" is the first) and the field. ``record`` is the record's
    position in the records given, from 0 (``records[e.record]``, ``df.iloc[e.record]``);
    ``id`` its id when it has one (else None)."""

    def __init__(self, message: str, record: Optional[int] = None, id: Any = None):
        super().__init__(message)
        self.record = record
        self.id = id


class NoTextError(LookupError):
    """Evidence was asked of results that keep no text (merged counts, ``texts="none"``)."""


def default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _describe(record_no: int, rec_id: Any) -> str:
    return f"record {record_no + 1}" + (f" (id {rec_id!r})" if rec_id is not None else "")


def _bad_record(record_no: int, rec_id: Any, detail: str) -> RecordError:
    """The RecordError of the record at position record_no (from 0)."""
    return RecordError(f"{_describe(record_no, rec_id)}: {detail}", record_no, rec_id)


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


def _field_list(value: Union[None, str, Sequence[str]], what: str) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        out = list(value)
    except TypeError:
        raise TypeError(f"{what} must be a field name or a list of field names, not "
                        f"{type(value).__name__}") from None
    for v in out:
        if not isinstance(v, str):
            raise TypeError(f"{what} must hold field names (str), not {type(v).__name__}")
    if len(set(out)) != len(out):
        raise ValueError(f"{what} names a field twice: {out}")
    return out


class _Plan:
    """What analyze_corpus reads from each record, checked once before the first record."""

    def __init__(self, text: str, group, id: Optional[str], keep, date: Optional[str],
                 period: Optional[str]):
        if not isinstance(text, str):
            raise TypeError(f"text must be a field name (str), not {type(text).__name__}")
        self.text = text
        self.keys = _field_list(group, "group")
        self.id = id
        if date is not None and not isinstance(date, str):
            raise TypeError(f"date must be a field name (str), not {type(date).__name__}")
        if period is not None and date is None:
            raise ValueError("period= groups by a period of a date: name the date field "
                             "with date=")
        self.date = date
        self.period = _check_period(period) if period is not None else None
        keep_list = _field_list(keep, "keep")
        if text in keep_list:
            raise ValueError(f"keep: {text!r} is the text field; the sentence text is in "
                             "sentence_table(text=True), kwic() and examples()")
        # Multi-key groups carry each key as a column, and a date its own column.
        carried = list(keep_list)
        for k in (self.keys if len(self.keys) > 1 or self.period else []):
            if k not in carried:
                carried.append(k)
        if date is not None and date not in carried:
            carried.append(date)
        for k in carried:
            if k in _RESERVED or (self.period and k == PERIOD):
                raise ValueError(f"keep: a field named {k!r} would clash with the tables' own "
                                 f"column {k!r}; rename it first")
        self.keep = carried

    def fields(self) -> List[str]:
        out = [self.text, *self.keys, *self.keep]
        if self.id is not None:
            out.append(self.id)
        return list(dict.fromkeys(out))


def _check_period(period: str) -> str:
    import pandas as pd
    if not isinstance(period, str):
        raise TypeError(f"period must be a pandas period alias (str) such as 'M', not "
                        f"{type(period).__name__}")
    try:
        pd.Period("2000-01-01", freq=period)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"period {period!r} is not a pandas period alias (D, W, M, Q, Y, "
                         f"...): {exc}") from None
    return period


class _Batch:
    __slots__ = ("texts", "keys", "ids", "numbers", "labels", "kept", "dates")

    def __init__(self, keep: Sequence[str], n_keys: int = 0):
        self.texts: List[str] = []
        # the group key values, one list per key (and the period's after _finish): no tuple
        # per record, only per group (_Groups.add)
        self.keys: List[List[Any]] = [[] for _ in range(n_keys)]
        self.ids: List[Any] = []
        self.numbers: List[int] = []  # record numbers (positions), for messages
        self.labels: List[str] = []  # group labels, set when the batch is complete
        self.kept: Dict[str, List[Any]] = {k: [] for k in keep}
        self.dates: List[Any] = []

    def drop(self, bad: Sequence[int]) -> None:
        keep = np.ones(len(self.texts), dtype=bool)
        keep[list(bad)] = False
        for name in ("texts", "ids", "numbers", "dates"):
            seq = getattr(self, name)
            if seq:
                setattr(self, name, [v for v, k in zip(seq, keep, strict=True) if k])
        self.keys = [[v for v, k in zip(seq, keep, strict=True) if k] for seq in self.keys]
        for k, seq in self.kept.items():
            self.kept[k] = [v for v, ok in zip(seq, keep, strict=True) if ok]


# Records read at once by the fast path of _batches_of: at most _CHUNK, and about
# _CHUNK_BYTES of text (a stream of long texts is not read far ahead of its batch).
_CHUNK = 256
_CHUNK_BYTES = 128 << 10


def _record_chunks(records, plan: _Plan
                   ) -> Iterator[Tuple[int, Callable[[], List[Any]], Optional[Dict[str, List[Any]]],
                                       Optional[List[Any]]]]:
    """The records in chunks of _CHUNK: (number of the first, a function giving the chunk's
    records, the fields plan.fields() of each as columns (None when some record is no dict
    or lacks the text, id or a group field: the records must then be read one by one),
    the DataFrame's index labels or None). DataFrames are read column-wise."""
    import pandas as pd
    if isinstance(records, pd.DataFrame):
        wanted = plan.fields()
        missing = [f for f in wanted if f not in records.columns
                   and not (f == _DEFAULT_ID and f is plan.id)]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the DataFrame; columns: "
                           f"{', '.join(map(str, records.columns))}")
        cols = {f: records[f].tolist() for f in wanted if f in records.columns}
        labels = records.index
        for lo in range(0, len(records), _CHUNK):
            hi = min(lo + _CHUNK, len(records))
            fields = {f: v[lo:hi] for f, v in cols.items()}

            def rows(fields=fields, n=hi - lo) -> List[Any]:
                return [{f: v[i] for f, v in fields.items()} for i in range(n)]
            # each label as the index gives it (a numpy scalar, not a Python one)
            yield lo, rows, fields, [labels[i] for i in range(lo, hi)]
        return
    if isinstance(records, (str, bytes, Mapping)):
        raise TypeError("records must be an iterable of dicts or a pandas DataFrame, not "
                        f"{type(records).__name__}")
    needed = [plan.text, *plan.keys]
    optional = [f for f in plan.fields() if f not in needed and f != plan.id]
    if type(records) in (list, tuple):
        # records held in memory: reading ahead holds no more of them, so every chunk is
        # _CHUNK long (chunks sized for a stream, about 50 bench records each, took 1.1-1.5
        # ms more CPU over the 16 MB bench corpus)
        no = 0
        while True:
            chunk = list(records[no:no + _CHUNK])
            if not chunk:
                return
            yield no, chunk.copy, _dict_fields(chunk, needed, plan.id, optional), None
            no += len(chunk)
    it = iter(records)
    no = 0
    size = 16  # records in the next chunk: about _CHUNK_BYTES of text, as far as seen
    seen = [0, 0]  # texts measured, their characters
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        columns = _dict_fields(chunk, needed, plan.id, optional)
        if columns is not None:
            try:
                seen[1] += sum(map(len, columns[plan.text]))
                seen[0] += len(chunk)
            except TypeError:  # a text that is no str: read record by record
                pass
        if seen[1]:
            size = max(1, min(_CHUNK, _CHUNK_BYTES * seen[0] // seen[1]))
        yield no, chunk.copy, columns, None
        no += len(chunk)


def _dict_fields(chunk: List[Any], needed: List[str], id_field: Optional[str],
                 optional: List[str]) -> Optional[Dict[str, List[Any]]]:
    """The fields of a chunk of dict records as columns (a missing optional field is None,
    as rec.get gives; a missing id field has no column), or None when a record is no dict
    or lacks a needed field."""
    if set(map(type, chunk)) != {dict}:
        return None
    try:
        out = {f: list(map(operator.itemgetter(f), chunk)) for f in needed}
    except KeyError:
        return None
    if id_field is not None and id_field not in out:
        try:
            out[id_field] = list(map(operator.itemgetter(id_field), chunk))
        except KeyError:
            pass
    for f in optional:
        out[f] = list(map(operator.methodcaller("get", f), chunk))
    return out


def _batches(records, plan: _Plan, skip_invalid: bool, batch_bytes: int,
             counter: List[int], first_bytes: Optional[int] = None) -> Iterator[_Batch]:
    """The records in batches of about batch_bytes of text (the first of about first_bytes,
    when given, and each next one twice the one before until batch_bytes: a small first
    batch sets worker threads going sooner). A bad record raises its
    RecordError carrying the records of its batch read before it (``_before``, a batch
    without labels), so that _analyzed can report an earlier record's analysis error
    first, as a serial read-and-analyse loop would, whatever the batch size."""
    filling = [_Batch(plan.keep, len(plan.keys))]
    try:
        yield from _batches_of(records, plan, skip_invalid, batch_bytes, counter, filling,
                               first_bytes or batch_bytes)
    except RecordError as exc:
        before = getattr(exc, "_before", filling[0])
        if before.texts and not before.labels:
            exc._before = before  # type: ignore[attr-defined]
        raise


def _batches_of(records, plan: _Plan, skip_invalid: bool, batch_bytes: int,
                counter: List[int], filling: List[_Batch], first_bytes: int) -> Iterator[_Batch]:
    """_batches' loop; filling[0] is the batch being filled (the one a bad record belongs to
    when it raises)."""
    import pandas as pd
    is_frame = isinstance(records, pd.DataFrame)
    # A DataFrame's own record identity is its index label (unless an id column is named).
    by_index = is_frame and (plan.id is None or (plan.id == _DEFAULT_ID and
                                                 _DEFAULT_ID not in records.columns))
    batch = filling[0]
    size = 0
    limit = first_bytes
    numbered = plan.id is None and not by_index
    id_field = plan.id
    keys = plan.keys
    dated = plan.date is not None

    def checked(no: int, rec: Any, label: Any) -> Optional[Tuple[str, Tuple[Any, ...], Any]]:
        """(text, group key values, id) of one record; None when it is skipped."""
        nonlocal numbered
        rec_id = None
        if not isinstance(rec, Mapping):
            if skip_invalid:
                counter[0] += 1
                return None
            raise _bad_record(no, None, "expected a dict, not "
                              f"{type(rec).__name__}")
        if by_index:
            rec_id = label
        elif numbered:
            rec_id = no
        elif id_field in rec:
            rec_id = rec[id_field]
        elif id_field == _DEFAULT_ID and no == 0:
            numbered = True  # no "id" field: number the records
            rec_id = no
        else:
            if skip_invalid:
                counter[0] += 1
                return None
            raise _bad_record(no, None, f"no field {id_field!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        if plan.text not in rec:
            if skip_invalid:
                counter[0] += 1
                return None
            raise _bad_record(no, rec_id, f"no field {plan.text!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        value = rec[plan.text]
        if isinstance(value, (bytes, bytearray, memoryview)):
            value = _as_text(value)  # as Analyzer.analyze reads bytes
        if not isinstance(value, str):
            if skip_invalid:
                counter[0] += 1
                return None
            what = "missing (None/NaN/NA)" if _is_missing(value) else type(value).__name__
            raise _bad_record(no, rec_id, f"field {plan.text!r} must be a str, "
                              f"not {what}")
        kv = []
        bad_key = None
        for k in keys:
            if k in rec and not _is_missing(rec[k]) and str(rec[k]).strip():
                kv.append(rec[k])
            else:
                bad_key = k
                break
        if bad_key is not None:
            if skip_invalid:
                counter[0] += 1
                return None
            if bad_key in rec:
                raise _bad_record(no, rec_id, f"field {bad_key!r} is missing "
                                  f"(None/NaN/NA or blank)")
            raise _bad_record(no, rec_id, f"no field {bad_key!r}; fields: "
                              f"{', '.join(map(str, rec))}")
        return value, tuple(kv), rec_id

    for first, rows, fields, labels in _record_chunks(records, plan):
        cols = None
        if fields is not None:
            # the common shape, read column-wise: str texts, non-blank str group keys, ids
            # there (or numbered); anything else is read record by record below
            cols = _valid_columns(fields, plan, labels if by_index else
                                  range(first, first + len(fields[plan.text])) if numbered
                                  else fields.get(id_field))  # type: ignore[arg-type]
        if cols is not None:
            texts, key_cols, ids, kept_cols = cols
            n = len(texts)
            # ends[j]: the size of the chunk's records before j, each its characters + 64 (as
            # the record-by-record loop below counts); a batch is cut after the first record
            # that brings it to limit, found by bisection, not by a Python step per record
            ends = list(itertools.accumulate(map(operator.add, map(len, texts),
                                                 itertools.repeat(64)), initial=0))
            i = 0
            while i < n:
                # the first j > i with size + ends[j] - ends[i] >= limit, else n
                j = min(n, bisect.bisect_left(ends, limit - size + ends[i], i + 1))
                size += ends[j] - ends[i]
                batch.texts += texts[i:j]
                for seq, values in zip(batch.keys, key_cols, strict=True):
                    seq += values[i:j]
                batch.ids += ids[i:j]
                batch.numbers += range(first + i, first + j)
                for k, seq in batch.kept.items():
                    seq += kept_cols[k][i:j]
                if dated:
                    batch.dates += fields[plan.date][i:j]  # type: ignore[index]
                i = j
                if size >= limit:
                    _finish(batch, plan, skip_invalid, counter)
                    if batch.texts:
                        yield batch
                    batch = filling[0] = _Batch(plan.keep, len(plan.keys))
                    size = 0
                    limit = min(batch_bytes, 2 * limit)
            continue
        for offset, rec in enumerate(rows()):
            no = first + offset
            got = checked(no, rec, labels[offset] if labels is not None else None)
            if got is None:
                continue
            value, kv, rec_id = got
            batch.texts.append(value)
            for seq, v in zip(batch.keys, kv, strict=True):
                seq.append(v)
            batch.ids.append(rec_id)
            batch.numbers.append(no)
            for k, seq in batch.kept.items():
                seq.append(rec.get(k))
            if dated:
                batch.dates.append(rec.get(plan.date))
            size += len(value) + 64
            if size >= limit:
                _finish(batch, plan, skip_invalid, counter)
                if batch.texts:
                    yield batch
                batch = filling[0] = _Batch(plan.keep, len(plan.keys))
                size = 0
                # doubling up to batch_bytes: reading a batch twice the size of the one the
                # workers analyse keeps them fed at the start
                limit = min(batch_bytes, 2 * limit)
    if batch.texts:
        _finish(batch, plan, skip_invalid, counter)
        if batch.texts:
            yield batch


def _valid_columns(fields: Dict[str, List[Any]], plan: _Plan, ids: Optional[Sequence[Any]]
                   ) -> Optional[Tuple[List[str], List[List[Any]], Sequence[Any],
                                       Dict[str, List[Any]]]]:
    """(texts, group key values (a list per key), ids, kept fields) of a chunk read
    column-wise, when every record has a str text, a non-blank str in each group field and
    an id (ids None: the id field is missing somewhere); else None, and the chunk is read
    record by record."""
    texts = fields[plan.text]
    if ids is None or set(map(type, texts)) != {str}:
        return None
    groups = [fields[k] for k in plan.keys]
    for values in groups:
        if set(map(type, values)) != {str} or not all(map(str.strip, set(values))):
            return None
    return texts, groups, ids, {k: fields[k] for k in plan.keep}


def _parse_dates(values: List[Any]):
    """Dates as a pandas DatetimeIndex (time-zone aware ones in UTC, then naive); NaT where
    a value is missing or cannot be read."""
    import pandas as pd
    s = pd.Series(values, dtype=object)
    # a blank string is a missing date (CSV files have no other way to leave one out)
    missing = s.map(lambda v: _is_missing(v) or (isinstance(v, str) and not v.strip())
                    ).to_numpy(dtype=bool)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    todo = ~missing
    if todo.any():
        # ISO 8601 first (fast, one format); what it cannot read, element by element.
        parsed = pd.to_datetime(s[todo], errors="coerce", format="ISO8601", utc=True)
        retry = parsed.isna()
        if retry.any():
            parsed[retry] = pd.to_datetime(s[todo][retry], errors="coerce", format="mixed",
                                           utc=True)
        out[todo] = parsed.dt.tz_convert(None).astype("datetime64[ns]")
    return pd.DatetimeIndex(out), missing


def _finish(batch: _Batch, plan: _Plan, skip_invalid: bool, counter: List[int]) -> None:
    """Reads the batch's dates and sets its group labels (dropping or reporting records whose
    date cannot be read)."""
    if plan.date is not None:
        dates, missing = _parse_dates(batch.dates)
        unreadable = set(np.flatnonzero(dates.isna() & ~missing).tolist())
        # a period needs a date; without one a record cannot be placed in a group
        lacking = set(np.flatnonzero(missing).tolist()) if plan.period else set()
        bad = sorted(unreadable | lacking)
        if bad and not skip_invalid:
            i = bad[0]
            what = (f"{batch.dates[i]!r} is not a date" if i in unreadable else
                    "is missing (a period needs a date)")
            exc = _bad_record(batch.numbers[i], batch.ids[i], f"field {plan.date!r}: {what}")
            before = _Batch([])
            before.texts, before.numbers, before.ids = (batch.texts[:i], batch.numbers[:i],
                                                        batch.ids[:i])
            exc._before = before  # type: ignore[attr-defined]
            raise exc
        batch.kept[plan.date] = list(dates)
        if bad:
            counter[0] += len(bad)
            batch.drop(bad)
            dates = dates.delete(bad)
        if plan.period:
            periods = dates.to_period(plan.period)
            batch.kept[PERIOD] = list(periods)
            batch.keys.append(list(periods))
    if not batch.keys:
        batch.labels = [_NO_GROUP] * len(batch.texts)
    elif len(batch.keys) == 1:
        # one key: the label is its value as str (the str itself for a str)
        batch.labels = list(map(str, batch.keys[0]))
    else:
        batch.labels = [GROUP_SEPARATOR.join(str(v) for v in k)
                        for k in zip(*batch.keys, strict=True)]


def _record_error(exc: ValueError, batch: _Batch, field: str) -> ValueError:
    """The core's error about texts[exc.index] of a batch, restated for the record it came
    from."""
    i = getattr(exc, "index", None)
    if not isinstance(i, int) or not 0 <= i < len(batch.numbers):
        return exc
    detail = str(exc).removeprefix(f"texts[{i}]: ")
    return _bad_record(batch.numbers[i], batch.ids[i], f"field {field!r}: {detail}")


def _is_frame(records) -> bool:
    import pandas as pd
    return isinstance(records, pd.DataFrame)


def _bad_id(batch: _Batch, field: Optional[str]) -> Optional[RecordError]:
    """The RecordError of a batch's first str id with a lone surrogate (None: none has)."""
    for number, rec_id in zip(batch.numbers, batch.ids, strict=True):
        try:
            if isinstance(rec_id, str):
                rec_id.encode("utf-8")
        except UnicodeEncodeError as exc:
            return _bad_record(number, rec_id, f"field {field!r}: a lone surrogate at index "
                               f"{exc.start} is not valid Unicode text; decode the source "
                               "with errors='replace' first")
    return None


def _progress_callback(progress, records) -> Tuple[Optional[Callable[[int, int], None]], Any]:
    """progress=True: a notebook-aware tqdm bar (tqdm.auto); a callable is called with
    (documents, characters) after each batch."""
    if progress is None or progress is False:
        return None, None
    if callable(progress):
        return progress, None
    if progress is True:
        from tqdm.auto import tqdm
        total = len(records) if hasattr(records, "__len__") else None
        bar = tqdm(total=total, unit=" docs", desc="framelens")

        def update(docs: int, chars: int) -> None:
            bar.update(docs)
        return update, bar
    raise TypeError(f"progress must be True, False, None or a callable, not {progress!r}")


# texts= -> which sentence texts _core.analyze_columns keeps (0 none, 1 matched, 2 all).
_SENTENCE_TEXTS = {"none": 0, "matched": 1, "all": 2}
# attributions= -> which attributions the core lists (FL_ATTRIBUTIONS_ALL, _MATCHED).
_ATTRIBUTIONS = {"all": 0, "matched": 1}

# With threads, batches are cut smaller: the first batch's reading is the time no worker can
# run (so it is smaller still), and batches in flight are what memory holds (the pool cuts
# each batch into chunks for all its threads, so a batch's size does not decide how the work
# is shared). Not below 2 MB: each batch costs this thread a fixed share of Python and
# numpy calls besides its bytes, and this thread's time is taken from the workers' two cores
# (1 MB batches cost it 8 to 13 ms more CPU per 16 MB of text, at 1,000 and 100,000 terms).
_THREADED_BATCH_BYTES = 2 << 20
_THREADED_FIRST_BATCH_BYTES = 128 << 10

_Cols = Dict[str, Union[bytes, memoryview]]  # a batch's columns (_core.analyze_columns)
_Result = Callable[[], Any]  # a batch's results, for _Columns.add


def _raiser(exc: BaseException) -> _Result:
    def result() -> Any:
        raise exc
    return result


def _checked_before(core, exc: BaseException) -> Optional[Tuple[_Batch, _Result]]:
    """For a bad record found while reading: (the records of its batch read before it, a
    result that raises their first analysis error, else exc), or None when there are none."""
    before = getattr(exc, "_before", None)
    if before is None or not before.texts:
        return None

    def result() -> Any:
        _core.analyze_columns(core, before.texts, 1, 0)
        raise exc
    return before, result


def _read(core, batches: Iterator[_Batch]) -> Iterator[Tuple[_Batch, Optional[_Result]]]:
    """(batch, None) for each batch. A bad record's RecordError is raised after (the records
    of its batch read before it, a result reporting their first analysis error), since a
    serial read-and-analyse loop would have found that error first."""
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except RecordError as exc:
            before = _checked_before(core, exc)
            if before is not None:
                yield before
            raise
        yield batch, None


def _analyzed(core, batches: Iterator[_Batch], threads: int, keep: int, attributions: int = 0,
              sign: Optional[Tuple[int, int, int]] = None) -> Iterator[Tuple[_Batch, _Result]]:
    """(batch, result) pairs in order, result() giving the batch's results (for
    _Columns.add: _core.analyze_parts, _core.pool_collect). With more than
    one thread, batches go to a pool of threads - 1 C threads (_core.pool_new) that never
    take the GIL: submitting returns at once, so this thread reads and checks the records of
    the next batches while the workers analyse, and the oldest batch is collected once
    2 x threads + 1 are in flight; collecting, this thread analyses queued chunks beside the
    workers until its batch is done. One thread stays one core (the calling one). Errors come in
    record order, as the serial loop finds them: a batch's own analysis error before a bad
    record of a later batch, and a bad record's earlier neighbours in its batch checked
    before it (_read). keep: which sentence texts the columns carry (_SENTENCE_TEXTS);
    attributions: which attributions (_ATTRIBUTIONS); sign: (shingle, num_hashes, seed) to
    have each text's MinHash signature in the columns too (doc_signatures, doc_shingles)."""
    reading = _read(core, batches)
    if threads <= 1:
        # each batch is analysed into the columns of the one before (dropped by then), whose
        # pages are touched already
        slot = _core.batch_slot()
        for batch, result in reading:
            yield batch, result or functools.partial(_core.analyze_parts, core, batch.texts,
                                                     1, keep, slot, attributions, sign)
        return
    # threads - 1 workers: this thread is the last one, analysing queued chunks whenever it
    # waits to collect a batch (not a third thread on two cores, taking turns with the
    # workers: 2 threads ran 1.80-1.86x one thread with two workers, 1.86-1.92x so, in
    # alternating runs of 16 MB, benchmarks/history/speed.md, phase 30)
    pool = _core.pool_new(core, threads - 1, keep, attributions, True, sign)
    depth = 2 * threads
    pending: "collections.deque[Tuple[_Batch, _Result]]" = collections.deque()
    while True:
        try:
            batch, result = next(reading)
        except StopIteration:
            break
        except BaseException:
            while pending:
                yield pending.popleft()
            raise
        if result is None:
            try:
                ticket = _core.pool_submit(pool, batch.texts)
            except (TypeError, ValueError) as exc:  # a text the core cannot take
                pending.append((batch, _raiser(exc)))
                while pending:
                    yield pending.popleft()
                raise
            result = functools.partial(_core.pool_collect, pool, ticket)
        pending.append((batch, result))
        if len(pending) > depth:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def analyze_corpus(analyzer, records: Iterable, text: str = "text",
                   group: Union[None, str, Sequence[str]] = "outlet",
                   id: Optional[str] = _DEFAULT_ID, threads: Optional[int] = None,
                   skip_invalid: bool = False, batch_bytes: int = 8 << 20, progress=None,
                   keep: Optional[Sequence[str]] = None, date: Optional[str] = None,
                   period: Optional[str] = None, texts: str = "matched",
                   dedupe: Optional[str] = None, dedupe_keep: str = "group",
                   dedupe_options: Optional[Mapping[str, Any]] = None,
                   attributions: str = "all",
                   _emit: Optional[Callable[["Corpus"], None]] = None) -> "Corpus":
    """See :meth:`framelens.Analyzer.analyze_corpus`.

    _emit: stream instead of gathering (the CLI's ``analyze``): each batch's results are
    handed to _emit as a Corpus of their own and then dropped, so memory follows one batch,
    not the corpus; the Corpus returned holds no documents. Copies are found across the
    whole corpus, so dedupe cannot stream."""
    if _emit is not None and dedupe is not None:
        raise ValueError("dedupe needs the whole corpus: it cannot be streamed")
    if threads is None:
        threads = default_threads()
    if not isinstance(threads, (int, np.integer)) or isinstance(threads, bool) or \
            not 1 <= threads <= _core.MAX_THREADS:
        raise ValueError(f"threads must be an int from 1 to {_core.MAX_THREADS} (or None), "
                         f"not {threads!r}")
    if texts not in TEXTS:
        raise ValueError(f"texts must be one of {', '.join(map(repr, TEXTS))}, not {texts!r}")
    if attributions not in ATTRIBUTIONS:
        raise ValueError(f"attributions must be one of {', '.join(map(repr, ATTRIBUTIONS))}, "
                         f"not {attributions!r}")
    plan = _Plan(text, group, id, keep, date, period)
    signatures, find = _dedupe_plan(dedupe, dedupe_keep, dedupe_options, int(threads))
    lex = analyzer.lexicon
    columns, groups = _Columns(), _Groups()
    match_columns = _MatchColumns()
    doc_ids: List[Any] = []
    # a DataFrame's ids are its index labels, which _doc_id_index keeps as they are
    new_id_kinds = functools.partial(_IdKinds, texts=not _is_frame(records))
    id_kinds = new_id_kinds()
    kept: Dict[str, List[Any]] = {k: [] for k in plan.keep}
    if plan.period:
        kept[PERIOD] = []
    n_docs = 0
    skipped = [0]
    callback, bar = _progress_callback(progress, records)
    total_docs = 0  # the records, when known (a stream's buffers hold one batch)
    if _emit is None and isinstance(records, Sized):
        total_docs = len(records)
    try:
        first_bytes = None
        if threads > 1:
            batch_bytes = min(batch_bytes, _THREADED_BATCH_BYTES)
            first_bytes = min(batch_bytes, _THREADED_FIRST_BATCH_BYTES)
        batches = _batches(records, plan, skip_invalid, batch_bytes, skipped, first_bytes)
        # each text is signed by the thread that analyses it, from the UTF-8 it reads anyway
        # (signed on this thread with threads of its own, four threads were busy on two
        # cores and every text was converted to UTF-8 twice)
        sign = None if signatures is None else \
            (signatures.shingle, signatures.num_hashes, signatures.seed)
        for batch, result in _analyzed(lex._core, batches, int(threads),
                                       _SENTENCE_TEXTS[texts], _ATTRIBUTIONS[attributions],
                                       sign):
            try:
                results = result()
            except ValueError as exc:
                raise _record_error(exc, batch, text) from None
            # everything a batch brings is added to the corpus-wide buffers here, while the
            # worker threads analyse the next batches, so that little is left after the last
            # the first batch reserves the buffers for all the records (when their number
            # is known), in proportion to its own documents
            scale = 1.0
            if n_docs == 0 and total_docs and batch.texts:
                scale = 1.125 * total_docs / len(batch.texts)
            added = columns.add(results, n_docs, scale, drop_contents=texts == "none")
            del results  # the core's memory: the pool's parts go, the slot's batch returns
            if signatures is not None:
                # only the signatures are kept, never the texts
                signatures._add_signed(added["doc_signatures"], added["doc_shingles"],
                                       batch.ids, batch.labels)
            match_columns.add(added, columns.attr_texts, n_docs, scale=scale)
            doc_ids.extend(batch.ids)
            try:
                id_kinds.add(batch.ids)
            except UnicodeEncodeError as exc:
                # a str id with a lone surrogate cannot be written as text: the record's
                # error, found here rather than after the last batch
                raise _bad_id(batch, plan.id) or exc from None
            groups.add(batch.labels, batch.keys)
            for k, seq in batch.kept.items():
                kept[k].extend(seq)
            n_docs += len(batch.texts)
            if callback is not None:
                callback(len(batch.texts), sum(len(t) for t in batch.texts))
            del batch, added
            if _emit is not None:
                _emit(_gathered(lex, records, plan, columns, match_columns, doc_ids, id_kinds,
                                groups, kept, n_docs, skipped[0], texts, attributions,
                                whole=False))
                seqs: List[List[Any]] = [doc_ids, *kept.values()]
                for seq in seqs:
                    seq.clear()
                # new buffers: the emitted Corpus keeps the old ones
                columns, groups, id_kinds = _Columns(), _Groups(), new_id_kinds()
                match_columns = _MatchColumns()
                n_docs = 0
    finally:
        if bar is not None:
            bar.close()
    corpus = _gathered(lex, records, plan, columns, match_columns, doc_ids, id_kinds, groups,
                       kept, n_docs, skipped[0], texts, attributions)
    if signatures is not None:
        from . import dedupe as dd
        corpus = dd.apply(corpus, signatures.duplicates(**find), mode=str(dedupe),
                          keep=dedupe_keep)
    return corpus


class _Buffer:
    """Bytes appended batch by batch into one numpy array reserved ahead: when full it grows
    to twice its size, or to `scale` times what it must hold (the caller's estimate of the
    whole from the first batch), and the pages past the end are never touched. (A bytearray
    grows by an eighth and copies itself into fresh pages each time.)"""

    __slots__ = ("buf", "n")

    def __init__(self, data: Union[bytes, memoryview] = b"") -> None:
        self.buf = np.frombuffer(data, np.uint8).copy()
        self.n = len(self.buf)

    def __len__(self) -> int:
        return self.n

    def add(self, data: Union[bytes, memoryview], scale: float = 1.0) -> None:
        src = np.frombuffer(data, np.uint8)
        self.extend(len(src), scale)[:] = src

    def extend(self, size: int, scale: float = 1.0) -> np.ndarray:
        """Appends size bytes and returns them (uninitialised) to be written in place, so
        that a computed column is not made in a temporary array first; scale: as add's."""
        start, end = self.n, self.n + size
        if end > len(self.buf):
            grown = np.empty(max(2 * len(self.buf), int(end * max(scale, 1.0))), np.uint8)
            grown[:start] = self.buf[:start]
            self.buf = grown
        self.n = end
        return self.buf[start:end]

    def view(self, dtype=np.uint8) -> np.ndarray:
        """The bytes appended, as an array of dtype over the buffer (not a copy: nothing may
        be added after)."""
        return self.buf[:self.n].view(dtype)


class _Strings:
    """Strings gathered batch by batch (offsets from 0, one more than the strings; UTF-8):
    each batch's offsets and data are appended to growing buffers as they arrive (by
    _core.gather, see _Columns.add, or _core.match_who), while the worker threads run, so
    that nothing is joined after the last batch."""

    def __init__(self) -> None:
        self.offsets = _Buffer(np.zeros(1, np.int64).data)
        self.data = _Buffer()

    def array(self, present: np.ndarray):
        """The strings as a pyarrow array over the buffers (not copied: nothing may be added
        after), null where ``present`` is False."""
        return _string_array(self.offsets.view(np.int64), self.data.view(), present)

    def joined(self) -> Tuple[np.ndarray, np.ndarray]:
        """(offsets, data: uint8): views of the buffers, not copies (no string may be added
        after)."""
        return self.offsets.view(np.int64), self.data.view()


class _MatchColumns:
    """The costly columns of the match table, made from each batch as it arrives, while the
    worker threads run, so that little of the table is left to make after the last batch
    (Corpus.match_table makes them from the core's columns for a Corpus built otherwise):
    who says each match (its attribution's speaker, cue and cue lemma, the speaker's offsets
    and actor). The lemmas are coded in the order they first appear and recoded at the end to
    their sorted order by one array lookup, as _Groups does. (The term, category and weight
    of each match stay in the table: looked up batch by batch they cost twice the CPU.)"""

    def __init__(self) -> None:
        self.speaker, self.cue = _Strings(), _Strings()  # empty where null
        # _Buffers, not bytearrays: a bytearray grows by an eighth, copying all it holds, so
        # the many small batches of a threaded run copied each column many times over
        self.has = _Buffer()  # per match (bool): it has an attribution
        self.named = _Buffer()  # per match (bool): and the attribution a speaker
        self.speaker_start, self.speaker_end = _Buffer(), _Buffer()  # int64, 0 if none
        self.speaker_actor = _Buffer()  # uint32, _NONE if none
        self.lemma = _Buffer()  # int64 code in lemma_code, -1 if none
        self.lemma_code: Dict[str, int] = {}

    def add(self, cols: Mapping[str, Any], attr_texts: "_Strings", doc_base: int,
            scale: float = 1.0) -> None:
        """Adds a batch's matches; cols: its columns as _Columns.add gathered them (the
        attribution strings the last in attr_texts, 4 an attribution: speaker, cue, lemma,
        content); doc_base: its first document's index; scale: see _Buffer."""
        n = len(cols["match_attribution"]) // 4
        # the batch's attribution strings: their offsets from the end of the batch before
        attr_offsets = attr_texts.offsets.view(np.int64)[
            -(len(cols["attr_text_offsets"]) // 8 + 1):]
        # one pass in C writes each column in its buffer, where it stays: the numpy and
        # pyarrow calls it replaces cost more than their work, run cold after each batch
        speaker, cue = self.speaker, self.cue
        out = (self.has.extend(n, scale), self.named.extend(n, scale),
               self.speaker_start.extend(8 * n, scale), self.speaker_end.extend(8 * n, scale),
               self.speaker_actor.extend(4 * n, scale), self.lemma.extend(8 * n, scale),
               speaker.offsets.extend(8 * n, scale), cue.offsets.extend(8 * n, scale))
        sp_data, cue_data = _core.match_who(cols, attr_offsets, attr_texts.data.view(),
                                            self.lemma_code, out, len(speaker.data),
                                            len(cue.data), doc_base)
        speaker.data.add(sp_data, scale)
        cue.data.add(cue_data, scale)

    def columns(self) -> Optional[Dict[str, Any]]:
        """The arrays of the matches gathered (views of the buffers: nothing may be added
        after): has, named, speaker and cue (pyarrow, null where there is none),
        speaker_start, speaker_end, speaker_actor and the lemmas' codes with their sorted
        categories (lemma_codes, lemmas); None when no match has an attribution."""
        has = self.has.view(bool)
        if not has.any():
            return None
        named = self.named.view(bool)
        cats = np.asarray(list(self.lemma_code), dtype=object)
        order = np.argsort(cats, kind="stable")
        rank = np.empty(len(order) + 1, dtype=np.int64)
        rank[order] = np.arange(len(order))
        rank[-1] = -1  # code -1, no lemma, stays -1
        return {"has": has, "named": named,
                "speaker": self.speaker.array(named), "cue": self.cue.array(has),
                "speaker_start": self.speaker_start.view(np.int64),
                "speaker_end": self.speaker_end.view(np.int64),
                "speaker_actor": self.speaker_actor.view(np.uint32),
                "lemma_codes": rank[self.lemma.view(np.int64)],
                "lemmas": cats[order]}


def _spread_taken(taken, present: np.ndarray):
    """The strings of a pyarrow large_string array spread out to the rows where ``present``
    is True, an empty string at the others: (offsets from 0, the data buffer or None, where
    the first string starts in it, where the last ends)."""
    _, t_off, t_data = taken.buffers()
    off = np.frombuffer(t_off, np.int64, len(taken) + 1, 8 * taken.offset)
    lens = np.zeros(len(present), np.int64)
    lens[present] = np.diff(off)
    spread = np.zeros(len(present) + 1, np.int64)
    np.cumsum(lens, out=spread[1:])
    return spread, t_data, int(off[0]), int(off[-1])


@functools.lru_cache(maxsize=None)
def _fixed_labels(names: Tuple[str, ...]):
    """The label dtype of a fixed tuple of names (VOICES, ATTRIBUTION_KINDS), made once."""
    return label_dtype(names)


# Document indices, made corpus-wide (int64) as their batch is added.
_SHIFTED = ("sent_doc", "match_doc", "attr_doc")


class _Columns:
    """The core's columns (_DTYPES) and strings (surfaces, attribution texts, sentence texts)
    gathered batch by batch: each batch's columns are appended to one growing buffer each as
    the batch arrives, while the worker threads run, so that no column is joined after the
    last batch."""

    def __init__(self) -> None:
        self.buffers = {k: _Buffer() for k in _DTYPES}
        self.surfaces, self.attr_texts, self.sent_texts = _Strings(), _Strings(), _Strings()
        self.batches = 0
        # where _core.gather writes each column: every one but the signatures, which are the
        # caller's to keep (test_gather_writes_every_column_of_a_corpus)
        self._targets: Dict[str, _Buffer] = {
            **self.buffers,
            "surface_offsets": self.surfaces.offsets, "surface_data": self.surfaces.data,
            "attr_text_offsets": self.attr_texts.offsets, "attr_text_data": self.attr_texts.data,
            "sent_text_offsets": self.sent_texts.offsets, "sent_text_data": self.sent_texts.data}

    def add(self, results: Any, n_docs: int, scale: float = 1.0,
            drop_contents: bool = False) -> Dict[str, np.ndarray]:
        """Appends a batch's results (_core.analyze_parts, _core.pool_collect): the core's
        parts are copied once, in C, into the buffers, document indices made int64 past the
        n_docs documents before, string offsets counted on from the strings before.
        drop_contents: the attribution contents are not kept (texts="none"). Returns what the
        batch added, as uint8 arrays by column name (views of the buffers, and its
        signatures, when signed), to be read before the next batch is added. scale: see
        _Buffer."""
        sizes = _core.gather_sizes(results, drop_contents)
        bases = (len(self.surfaces.data), len(self.attr_texts.data), len(self.sent_texts.data))
        added: Dict[str, np.ndarray] = {}
        for name, size in zip(_core.GATHER_COLUMNS, sizes, strict=True):
            if size is not None:
                target = self._targets.get(name)
                added[name] = target.extend(size, scale) if target is not None else \
                    np.empty(size, np.uint8)
        _core.gather(results, tuple(map(added.get, _core.GATHER_COLUMNS)), n_docs, *bases,
                     drop_contents)
        self.batches += 1
        return added

    def joined(self) -> Dict[str, np.ndarray]:
        """Every column as an array over its buffer (not a copy: nothing may be added after);
        the document indices int64 once a batch was added."""
        return {k: self.buffers[k].view(np.int64 if k in _SHIFTED and self.batches else dt)
                for k, dt in _DTYPES.items()}


class _Groups:
    """Each document's group, coded batch by batch while the worker threads run (codes in
    the order groups first appear, with the keys of the first document of each), and
    recoded at the end to the groups' sorted order by one array lookup."""

    def __init__(self) -> None:
        self.code: Dict[str, int] = {}
        self.values: Dict[str, Tuple[Any, ...]] = {}
        self.codes: List[np.ndarray] = []

    def add(self, labels: List[str], keys: List[List[Any]]) -> None:
        """Codes a batch's documents; keys: their group key values, a list per key."""
        code, values = self.code, self.values
        for seq in keys:
            if len(labels) != len(seq):
                raise ValueError(f"{len(labels)} labels for {len(seq)} keys")
        # the new groups in the order they first appear (a batch holds few groups)
        for g in dict.fromkeys(labels):
            if g not in code:
                code[g] = len(code)
                i = labels.index(g)
                values[g] = tuple(seq[i] for seq in keys)
        self.codes.append(np.fromiter(map(code.__getitem__, labels), dtype=np.int64,
                                      count=len(labels)))

    def joined(self) -> Tuple[List[str], np.ndarray, List[Tuple[Any, ...]]]:
        """(the groups sorted, each document's index among them, each group's key values)."""
        groups = sorted(self.code)
        rank = np.zeros(len(groups), np.int64)
        rank[[self.code[g] for g in groups]] = np.arange(len(groups))
        first = np.concatenate(self.codes) if self.codes else np.zeros(0, np.int64)
        return groups, rank[first], [self.values[g] for g in groups]


class _IdKinds:
    """Whether every document id so far is an int, and whether every one is a str (checked
    batch by batch while the worker threads run: _doc_id_index picks the Index type); while
    every one is a str, also the ids as Arrow strings, a batch at a time, so that the index
    is one join after the last batch (the Arrow strings of all ids at once took 0.5 of the
    ~5 ms after a 16 MB corpus's last batch, when the worker threads have nothing to do)."""

    def __init__(self, texts: bool = True) -> None:
        self.ints = True
        self.strs = True
        # pyarrow large_string arrays while every id is a str (texts: wanted at all); None
        # once one is not, or holds a lone surrogate: _doc_id_index then takes the ids
        self.texts: Optional[List[Any]] = [] if texts else None

    def add(self, ids: List[Any]) -> None:
        """Notes a batch's ids. Raises UnicodeEncodeError when the Arrow strings are
        wanted and a str id holds a lone surrogate."""
        kinds = set(map(type, ids))  # a batch's ids are of one or two types
        self.ints = self.ints and all(issubclass(t, (int, np.integer)) and
                                      not issubclass(t, bool) for t in kinds)
        self.strs = self.strs and all(issubclass(t, str) for t in kinds)
        if not self.strs:
            self.texts = None
        elif ids and self.texts is not None:
            import pyarrow as pa
            try:
                self.texts.append(pa.array(ids, type=pa.large_string(), memory_pool=arrow_pool()))
            except UnicodeEncodeError:
                self.texts = None
                raise

    def joined_texts(self, n: int):
        """The Arrow strings of all n ids (every one a str), or None when they were not all
        added here."""
        import pyarrow as pa
        if self.texts is None or sum(len(t) for t in self.texts) != n:
            return None
        if len(self.texts) == 1:
            return self.texts[0]
        return pa.concat_arrays(self.texts, memory_pool=arrow_pool()) if self.texts else \
            pa.array([], pa.large_string())


def _gathered(lex, records, plan: _Plan, columns: _Columns,
              match_columns: _MatchColumns, doc_ids: List[Any], id_kinds: _IdKinds,
              doc_groups: _Groups, kept: Dict[str, List[Any]], n_docs: int, skipped: int,
              texts: str, attributions: str = "all",
              whole: bool = True) -> "Corpus":
    """The Corpus of the batches gathered so far (whole: of all records, not of one batch
    of a stream)."""
    merged = columns.joined()
    offsets, data = columns.surfaces.joined()
    attr_texts = columns.attr_texts.joined()
    groups, doc_group, group_values = doc_groups.joined()
    ids = _doc_id_index(records, doc_ids, id_kinds)
    doc_columns = _doc_columns(records, plan, kept, n_docs, whole)
    group_keys = list(plan.keys) + ([PERIOD] if plan.period else [])
    sentence_texts = None
    if texts != "none":
        sentence_texts = _sentence_texts(*columns.sent_texts.joined(), merged["sent_matches"],
                                         texts == "all")
    return Corpus(lex, merged, (offsets, data), ids, doc_group, groups, skipped,
                  doc_columns=doc_columns, group_keys=group_keys,
                  group_values=group_values, date=plan.date,
                  period=plan.period, sentence_texts=sentence_texts, texts=texts,
                  attributions=attributions, attribution_texts=attr_texts,
                  match_columns=match_columns.columns())


_SIGNATURE_OPTIONS = ("shingle", "num_hashes", "seed")
_CLUSTER_OPTIONS = ("threshold", "containment", "bands", "rows")


def _dedupe_plan(dedupe: Optional[str], keep: str, options: Optional[Mapping[str, Any]],
                 threads: int):
    """(Signatures to fill while the records stream, the options of the clustering), or
    (None, {}) without dedupe."""
    from . import dedupe as dd
    if dedupe is None:
        if options:
            raise ValueError("dedupe_options given without dedupe='mark' or 'drop'")
        return None, {}
    if dedupe not in dd.MODES:
        raise ValueError(f"dedupe must be None, {', '.join(map(repr, dd.MODES))}; got "
                         f"{dedupe!r}")
    if keep not in dd.KEEP:
        raise ValueError(f"dedupe_keep must be one of {', '.join(map(repr, dd.KEEP))}; got "
                         f"{keep!r}")
    options = dict(options or {})
    unknown = sorted(set(options) - set(_SIGNATURE_OPTIONS) - set(_CLUSTER_OPTIONS))
    if unknown:
        raise ValueError(f"dedupe_options: unknown option {unknown[0]!r}; known: "
                         f"{', '.join(_SIGNATURE_OPTIONS + _CLUSTER_OPTIONS)}")
    sig = dd.Signatures(threads=threads,
                        **{k: v for k, v in options.items() if k in _SIGNATURE_OPTIONS})
    return sig, {k: v for k, v in options.items() if k in _CLUSTER_OPTIONS}


def _sentence_texts(offsets: np.ndarray, data: np.ndarray, sent_matches: np.ndarray,
                    every: bool):
    """The text of each sentence that holds a match (or of every sentence), as a pyarrow
    array over the gathered buffers (not copied); None for a sentence not kept. The core cut
    the texts on its worker threads (_core.analyze_columns)."""
    import pyarrow as pa
    n = len(sent_matches)
    off = pa.py_buffer(offsets)
    text = pa.py_buffer(data)
    if every:
        return pa.LargeStringArray.from_buffers(n, off, text)
    kept = sent_matches > 0
    valid = pa.py_buffer(np.packbits(kept, bitorder="little"))
    return pa.LargeStringArray.from_buffers(n, off, text, valid, n - int(kept.sum()))


def _untextable(ids) -> bool:
    """Does an object Index of document ids hold a str with a lone surrogate? A DataFrame's
    index may (pandas builds it as objects); a column of text may not, so such ids stay
    objects in the tables, as the DataFrame had them."""
    if ids.dtype != object:
        return False
    for x in ids:
        if isinstance(x, str):
            try:
                x.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def _doc_id_index(records, doc_ids: List[Any], kinds: _IdKinds):
    """The documents' ids as a pandas Index of their natural type (a DataFrame's index
    labels keep the index's dtype). kinds: the ids' kinds, noted batch by batch."""
    import pandas as pd
    if isinstance(records, pd.DataFrame) and doc_ids and \
            isinstance(records.index, pd.MultiIndex):
        idx = pd.Index(doc_ids, tupleize_cols=False)
        return idx
    if doc_ids and kinds.ints:
        return pd.Index(np.array(doc_ids, dtype=np.int64))
    if isinstance(records, pd.DataFrame) and doc_ids:
        try:
            return pd.Index(doc_ids, dtype=records.index.dtype, tupleize_cols=False)
        except (TypeError, ValueError):
            pass
    if doc_ids and kinds.strs:
        joined = kinds.joined_texts(len(doc_ids))
        return pd.Index(text_array(doc_ids if joined is None else joined))
    arr = np.empty(len(doc_ids), dtype=object)
    arr[:] = doc_ids
    return pd.Index(arr, dtype=object, tupleize_cols=False)


def _doc_columns(records, plan: _Plan, kept: Dict[str, List[Any]], n_docs: int,
                 whole: bool = True):
    """The kept fields, one value per document, in framelens's column kinds (a DataFrame's
    columns keep their dtypes). whole: all records are there (a kept field that no record
    has is then an error)."""
    import pandas as pd
    out: Dict[str, Any] = {}
    present: Dict[str, bool] = {}
    for name, values in kept.items():
        if name == PERIOD:
            assert plan.period is not None  # a PERIOD column is kept only for a period
            out[name] = pd.array(values, dtype=pd.PeriodDtype(plan.period)) if values else \
                pd.array([], dtype=pd.PeriodDtype(plan.period))
            continue
        if name == plan.date:
            out[name] = pd.DatetimeIndex(values, dtype="datetime64[ns]").array
            continue
        if isinstance(records, pd.DataFrame) and name in records.columns:
            src = records[name]
            if not (src.dtype == object or pd.api.types.is_string_dtype(src.dtype)):
                # pandas-stubs allow only timedelta dtypes here; pandas takes any dtype
                out[name] = (pd.array(values, dtype=src.dtype)  # type: ignore[arg-type]
                             if values else src.array[:0])
                continue
        present[name] = any(not _is_missing(v) for v in values)
        out[name] = user_column(values)
    if whole and n_docs and not isinstance(records, pd.DataFrame):
        absent = [k for k, ok in present.items() if not ok]
        if absent:
            raise KeyError(f"keep: no record has a value in field {absent[0]!r}")
    return out


class Corpus:
    """The analysis of many documents.

    - ``documents``: DataFrame doc_id, group, n_sentences, n_tokens, n_matches (+ kept).
    - ``sentences``: DataFrame doc_id, group, sentence, start, end, n_tokens, n_matches,
      score, n_markers (+ kept columns); ``sentence_table(text=True)`` adds the text.
    - ``matches``: DataFrame doc_id, group, sentence, term, category, start, end, surface,
      voice, weight, negated, speaker, speaker_start, speaker_end, speaker_actor, cue,
      cue_lemma, target (+ kept columns); ``match_table(text=True)`` adds the sentence's
      text.
    - ``attributions``: every attribution, who says what by which cue
      (:meth:`attribution_table`; only those that hold a match after
      ``attributions="matched"``, see ``kept_attributions``); ``cue_table()`` and
      ``target_table()``: the verbs each speaker gets, and each term by the actor it is said
      of (docs/attributions.md).
    - ``timeline(contrast)``, ``switch_points(contrast)``: a contrast's shares by period and
      each group's most likely switch (with ``date=``).
    - ``duplicates``: the clusters of copies found with ``dedupe=`` (else None).
    - ``kwic(...)``: each selected match in its context.
    - ``counts``: additive :class:`Counts` (merge, pickle).
    - ``skipped``: records skipped with ``skip_invalid=True``.
    - ``compare(...)``: statistics between groups.
    """

    def __init__(self, lexicon, cols: Dict[str, np.ndarray], surfaces, doc_ids,
                 doc_group: np.ndarray, groups: Sequence[str], skipped: int,
                 doc_columns: Optional[Dict[str, Any]] = None,
                 group_keys: Sequence[str] = (), group_values: Sequence[Tuple] = (),
                 date: Optional[str] = None, period: Optional[str] = None,
                 sentence_texts=None, texts: str = "none", attribution_texts=None,
                 match_columns: Optional[Dict[str, Any]] = None, attributions: str = "all"):
        import pandas as pd
        self.lexicon = lexicon
        self._cols = _with_attribution_columns(cols)
        cols = self._cols
        self._surfaces = surfaces  # (offsets int64, data: bytes or uint8 array)
        # 4 strings per attribution: speaker, cue, cue lemma, content (offsets, data)
        self._attr_texts = attribution_texts if attribution_texts is not None else \
            (np.zeros(4 * len(cols["attr_doc"]) + 1, np.int64), b"")
        self._attributions = None
        # who says each match when made batch by batch (_MatchColumns.columns), else None
        self._match_columns = match_columns
        self.duplicates = None  # the copies found with dedupe= (framelens.dedupe.Duplicates)
        self.dedupe_mode: Optional[str] = None  # "mark" or "drop" when they were
        self.dedupe_keep: Optional[str] = None  # "group" or "all" (with "drop")
        self._doc_ids = doc_ids if isinstance(doc_ids, pd.Index) else \
            pd.Index(np.asarray(doc_ids))
        # an object index with a str label that is no valid text (set when first asked)
        self._ids_untextable: Optional[bool] = None
        self._doc_group = doc_group
        self.groups = tuple(groups)
        self.group_keys: Tuple[str, ...] = tuple(group_keys)
        self._group_values = list(group_values)
        self.skipped = skipped
        self._doc_columns: Dict[str, Any] = dict(doc_columns or {})
        self.date = date
        self.period = period
        self._sentence_texts = sentence_texts
        self.texts = texts
        # "all", or "matched": only the attributions a match links to (analyze_corpus)
        self.kept_attributions = attributions
        self._sentences = None
        self._matches = None
        self._srows: Optional[np.ndarray] = None
        # first sentence row of each document: sentences come in document order
        doc_sents = cols["doc_sentences"].astype(np.int64)
        self._first_sentence = np.concatenate([[0], np.cumsum(doc_sents)[:-1]]) \
            if len(doc_sents) else np.zeros(0, np.int64)
        self._counts: Optional[Counts] = None
        self._group_dtype: Any = None  # of the group columns (columns.label_dtype), made once

    @property
    def counts(self) -> Counts:
        """The additive :class:`Counts` of the corpus (made on first use: the tables do not
        need them, and at 100,000 terms their groups x terms table is 19 MB per 8 groups)."""
        if self._counts is None:
            cols = self._cols
            self._counts = counts_from_columns(
                self.lexicon, self.groups, self._doc_group,
                cols["doc_tokens"].astype(np.int64), cols["doc_sentences"].astype(np.int64),
                cols["match_doc"].astype(np.int64), cols["match_term"].astype(np.int64),
                cols["match_voice"].astype(np.int64), cols["match_spelling"].astype(np.int64))
        return self._counts

    # -- the shape of the corpus -----------------------------------------------------------
    @property
    def n_documents(self) -> int:
        return len(self._doc_group)

    @property
    def keep(self) -> Tuple[str, ...]:
        """The record fields carried into every table."""
        return tuple(self._doc_columns)

    @property
    def group_table(self):
        """One row per group: its label and the value of each group key."""
        import pandas as pd
        data: Dict[str, Any] = {"group": list(self.groups)}
        for i, k in enumerate(self.group_keys):
            data[k] = [v[i] if i < len(v) else None for v in self._group_values]
        return pd.DataFrame(data)

    def _group_col(self, doc_index: np.ndarray):
        codes = self._doc_group[doc_index] if len(doc_index) else np.zeros(0, np.int64)
        if self._group_dtype is None:
            self._group_dtype = label_dtype(self.groups)
        return label_array(codes, self._group_dtype)

    def _doc_id_col(self, doc_index: np.ndarray):
        ids = take(self._doc_ids, doc_index) if len(doc_index) else self._doc_ids[:0]
        if self._ids_untextable is None:
            self._ids_untextable = _untextable(self._doc_ids)
        # the Index itself keeps its object dtype; its .array pandas would turn into text
        return ids if self._ids_untextable else ids.array

    def _kept_cols(self, doc_index: np.ndarray) -> Dict[str, Any]:
        return {k: take(v, doc_index) for k, v in self._doc_columns.items()}

    @property
    def documents(self):
        """DataFrame doc_id, group, n_sentences, n_tokens, n_matches and the kept columns."""
        import pandas as pd
        c = self._cols
        doc = np.arange(self.n_documents, dtype=np.int64)
        return pd.DataFrame({  # every column the table's own (astype copies): no second copy
            "doc_id": self._doc_id_col(doc), "group": self._group_col(doc),
            "n_sentences": c["doc_sentences"].astype(np.int64),
            "n_tokens": c["doc_tokens"].astype(np.int64),
            "n_matches": c["doc_matches"].astype(np.int64),
            **self._kept_cols(doc)}, copy=False)

    # -- tables -------------------------------------------------------------------------------
    @property
    def sentences(self):
        """The sentences table (see :meth:`sentence_table`); cached."""
        if self._sentences is None:
            self._sentences = self.sentence_table()
        return self._sentences

    @property
    def matches(self):
        """The matches table (see :meth:`match_table`); cached."""
        if self._matches is None:
            self._matches = self.match_table()
        return self._matches

    def sentence_table(self, text: bool = False):
        """DataFrame doc_id, group, sentence, start, end, n_tokens, n_matches, score,
        n_markers and the kept columns; with ``text=True`` also ``text``, the sentence (with
        the default ``texts="matched"`` only sentences holding a match have their text kept;
        the others are missing)."""
        import pandas as pd
        c = self._cols
        doc = c["sent_doc"].astype(np.int64)
        data = {
            "doc_id": self._doc_id_col(doc),
            "group": self._group_col(doc),
            "sentence": c["sent_index"].astype(np.int64),
            "start": c["sent_start"].copy(),  # the table's own: see copy=False below
            "end": c["sent_end"].copy(),
            "n_tokens": c["sent_tokens"].astype(np.int64),
            "n_matches": c["sent_matches"].astype(np.int64),
            "score": c["sent_score"].copy(),
            "n_markers": c["sent_markers"].astype(np.int64),
            **self._kept_cols(doc),
        }
        if text:
            data["text"] = text_array(self._require_texts("sentence text"))
        # every column is the table's own, as in match_table: no second copy into blocks
        return pd.DataFrame(data, copy=False)

    def match_table(self, text: bool = False):
        """DataFrame doc_id, group, sentence, term, category, start, end, surface, voice,
        weight, negated, who says it (speaker, speaker_start, speaker_end, speaker_actor,
        cue, cue_lemma), target and the kept columns; with ``text=True`` also
        ``sentence_text``."""
        import pandas as pd
        c = self._cols
        doc = c["match_doc"].astype(np.int64, copy=False)  # int64 already when gathered
        term = c["match_term"].astype(np.int64)
        data = {
            "doc_id": self._doc_id_col(doc),
            "group": self._group_col(doc),
            "sentence": c["match_sentence"].astype(np.int64),
            **self._term_cols(term),
            "start": c["match_start"].copy(),  # the table's own: see copy=False below
            "end": c["match_end"].copy(),
            "surface": text_array(_string_array(*self._surfaces)),
            "voice": label_array(c["match_voice"].astype(np.int64), _fixed_labels(VOICES)),
            "weight": self._term_weight(term),
            "negated": c["match_negated"].astype(bool),
            **self._who_cols(),
            **self._kept_cols(doc),
        }
        order = list(MATCH_COLUMNS) + list(self._doc_columns)
        if text:
            data["sentence_text"] = text_array(
                take(self._require_texts("sentence text"), self._match_sentence_rows()))
            order.append("sentence_text")
        # every column is the table's own (made above, or copied from the corpus's arrays),
        # so the frame takes them as they are: copying them into blocks took about 2 of the
        # 9 ms of a table of 157,000 matches, after the last batch of analyze_corpus
        frame = pd.DataFrame(data, copy=False)
        # data is built in table order: reordering would copy every column once more
        return frame if list(frame.columns) == order else frame[order]

    # -- who says what --------------------------------------------------------------------
    @property
    def attributions(self):
        """Every attribution in the corpus (who says, believes or wants what, by which cue),
        whether or not a lexicon term stands in it (only those that hold a match when the
        corpus was analysed with ``attributions="matched"``): see
        :meth:`attribution_table`; cached."""
        if self._attributions is None:
            self._attributions = self.attribution_table()
        return self._attributions

    def attribution_table(self, nested: bool = True):
        """DataFrame doc_id, group, sentence, speaker, speaker_start, speaker_end,
        speaker_actor, cue, cue_start, cue_end, cue_lemma, content, content_start,
        content_end, content2_start, content2_end, kind, voice, nested and the kept columns:
        one row per attribution (docs/attributions.md); with ``attributions="matched"`` (see
        ``analyze_corpus``) one per attribution that holds a match. Offsets are code point
        offsets into the document's text; a missing speaker (or second content piece) has
        missing offsets. ``speaker_actor`` is the lexicon actor the speaker names. ``content`` is
        missing when the corpus was analysed with ``texts="none"``. ``nested=False`` leaves
        out the attributions inside another's content (PolNeAR annotates only the
        outermost)."""
        import pandas as pd
        c = self._cols
        rows = np.arange(len(c["attr_doc"]), dtype=np.int64)
        if not nested:
            rows = rows[c["attr_nested"] == 0]
        doc = c["attr_doc"][rows].astype(np.int64)
        sp_s, sp_e = c["attr_speaker_start"][rows], c["attr_speaker_end"][rows]
        has_speaker = sp_e > sp_s
        c2_s, c2_e = c["attr_content2_start"][rows], c["attr_content2_end"][rows]
        has_c2 = c2_e > c2_s
        lemma = self._attr_strings(2, rows)
        data = {
            "doc_id": self._doc_id_col(doc),
            "group": self._group_col(doc),
            "sentence": c["attr_sentence"][rows].astype(np.int64),
            "speaker": text_array(self._attr_strings(0, rows, has_speaker)),
            "speaker_start": _optional_int(sp_s, has_speaker),
            "speaker_end": _optional_int(sp_e, has_speaker),
            "speaker_actor": self._actor_col(c["attr_speaker_actor"][rows]),
            "cue": text_array(self._attr_strings(1, rows)),
            "cue_start": c["attr_cue_start"][rows],
            "cue_end": c["attr_cue_end"][rows],
            "cue_lemma": _sorted_labels(lemma),
            "content": text_array(self._attr_strings(
                3, rows, None if self.texts != "none" else np.zeros(len(rows), bool))),
            "content_start": c["attr_content_start"][rows],
            "content_end": c["attr_content_end"][rows],
            "content2_start": _optional_int(c2_s, has_c2),
            "content2_end": _optional_int(c2_e, has_c2),
            "kind": label_array(c["attr_kind"][rows].astype(np.int64),
                                _fixed_labels(ATTRIBUTION_KINDS)),
            "voice": label_array(c["attr_voice"][rows].astype(np.int64), _fixed_labels(VOICES)),
            "nested": c["attr_nested"][rows].astype(bool),
            **self._kept_cols(doc),
        }
        # every column is the table's own (taken by `rows`, a copy): no second copy
        return pd.DataFrame(data, copy=False)

    def cue_table(self, by: str = "actor", nested: bool = True, voice: Optional[str] = None,
                  alpha0: float = 10.0):
        """Per group, the cue verbs used for each speaker (normalised through the lexicon's
        actors), with counts and log-odds: see :func:`framelens.attributions.cue_table`.
        Needs every attribution: a corpus analysed with ``attributions="matched"`` raises
        ValueError."""
        from .attributions import cue_table
        return cue_table(self, by=by, nested=nested, voice=voice, alpha0=alpha0)

    def target_table(self, by: str = "term", voice: Optional[str] = None,
                     alpha0: float = 10.0):
        """Per group, each label (term or category) by the actor it is said of, with counts
        and log-odds: see :func:`framelens.attributions.target_table`."""
        from .attributions import target_table
        return target_table(self, by=by, voice=voice, alpha0=alpha0)

    def _attr_strings(self, field: int, rows: np.ndarray, present=None):
        """Field ``field`` (0 speaker, 1 cue, 2 cue lemma, 3 content) of the attributions
        ``rows`` as a pyarrow array, null where ``present`` is False."""
        every = _string_array(*self._attr_texts)
        idx = 4 * np.asarray(rows, dtype=np.int64) + field
        if present is None:
            return take(every, idx)
        # only the present rows are taken (most matches have no attribution), then spread
        # out to all rows: nulls are zero-length strings under a validity bitmap
        present = np.asarray(present, dtype=bool)
        taken = take(every, idx[present])
        spread, t_data, first, _ = _spread_taken(taken, present)
        return _string_array(spread, b"" if t_data is None else t_data.slice(first), present)

    def _actor_col(self, actor: np.ndarray):
        """Actor indices of the core (UINT32_MAX: none) as a Categorical of actor names."""
        codes = np.where(actor == _NONE, -1, actor.astype(np.int64))
        return label_array(codes, self.lexicon._label_dtype("actor"))

    def _match_attribution_rows(self) -> np.ndarray:
        """The attribution row of each match (-1 for none)."""
        c = self._cols
        doc_attr = c["doc_attributions"].astype(np.int64)
        first = np.concatenate([[0], np.cumsum(doc_attr)[:-1]]) if len(doc_attr) else \
            np.zeros(0, np.int64)
        link = c["match_attribution"]
        rows = np.full(len(link), -1, dtype=np.int64)
        has = link != _NONE
        if has.any():
            rows[has] = first[c["match_doc"][has].astype(np.int64)] + link[has].astype(np.int64)
        return rows

    def _who_cols(self, rows: Optional[np.ndarray] = None) -> Dict[str, Any]:
        """speaker, speaker_start, speaker_end, speaker_actor, cue, cue_lemma and target of
        the matches ``rows`` (default: all), from the attribution that holds each."""
        import pandas as pd
        c = self._cols
        who = self._match_columns
        if rows is None and who is not None:
            named = who["named"]
            return {
                "speaker": text_array(who["speaker"]),
                "speaker_start": _optional_int(who["speaker_start"], named),
                "speaker_end": _optional_int(who["speaker_end"], named),
                "speaker_actor": self._actor_col(who["speaker_actor"]),
                "cue": text_array(who["cue"]),
                "cue_lemma": pd.Categorical.from_codes(who["lemma_codes"],
                                                       categories=pd.Index(who["lemmas"])),
                "target": self._actor_col(c["match_target"]),
            }
        arow = self._match_attribution_rows()
        target = c["match_target"]
        if rows is not None:
            arow, target = arow[rows], target[rows]
        has = arow >= 0
        if not has.any():
            nothing = np.zeros(len(arow), bool)
            none = text_array([None] * len(arow))
            return {"speaker": none, "speaker_start": _optional_int(arow, nothing),
                    "speaker_end": _optional_int(arow, nothing),
                    "speaker_actor": self._actor_col(np.full(len(arow), _NONE, np.uint32)),
                    "cue": none, "cue_lemma": pd.Categorical([None] * len(arow)),
                    "target": self._actor_col(target)}
        safe = np.where(has, arow, 0)
        sp_s = c["attr_speaker_start"][safe]
        sp_e = c["attr_speaker_end"][safe]
        named = has & (sp_e > sp_s)
        actor = np.where(has, c["attr_speaker_actor"][safe], _NONE).astype(np.uint32)
        return {
            "speaker": text_array(self._attr_strings(0, safe, named)),
            "speaker_start": _optional_int(sp_s, named),
            "speaker_end": _optional_int(sp_e, named),
            "speaker_actor": self._actor_col(actor),
            "cue": text_array(self._attr_strings(1, safe, has)),
            "cue_lemma": _sorted_labels(self._attr_strings(2, arow[has]), has),
            "target": self._actor_col(target),
        }

    def _term_cols(self, term: np.ndarray) -> Dict[str, Any]:
        import pandas as pd
        lex = self.lexicon
        cat_of = lex._term_columns()[1]  # columns: no Term object per term
        code_of, dtype = lex._term_label_dtype()  # labels by name (a name may be two terms)
        # no two terms share a name: each term index is its own code (the lookup took 0.6 ms
        # of a 100,000-term matches table, after the last batch)
        unique = len(code_of) == len(dtype.categories)
        term_col = pd.Categorical.from_codes(term if unique or not len(term) else code_of[term],
                                             dtype=dtype)
        return {"term": term_col,
                "category": label_array(cat_of[term] if len(term) else term,
                                        lex._label_dtype("category"))}

    def _term_weight(self, term: np.ndarray) -> np.ndarray:
        weight_of = self.lexicon._term_columns()[2]
        return weight_of[term] if len(term) else np.zeros(0)

    def _match_sentence_rows(self) -> np.ndarray:
        c = self._cols
        doc = c["match_doc"].astype(np.int64)
        return self._first_sentence[doc] + c["match_sentence"].astype(np.int64) \
            if len(doc) else np.zeros(0, np.int64)

    def _require_texts(self, what: str):
        if self._sentence_texts is None:
            raise NoTextError(f"no {what}: this corpus was analysed with texts='none'; "
                              "analyse it with texts='matched' (the default) or 'all'")
        return self._sentence_texts

    # -- evidence -----------------------------------------------------------------------------
    def kwic(self, term: Union[None, str, Sequence[str]] = None, *,
             category: Union[None, str, Sequence[str]] = None,
             contrast: Optional[str] = None, option: Optional[str] = None,
             window: int = 5, group: Union[None, str, Sequence[str]] = None,
             voice: Union[None, str, Sequence[str]] = None, negated: Optional[bool] = None,
             n: Optional[int] = None, seed: Optional[int] = 0):
        """Keyword in context: each selected match with the ``window`` words on either side
        (within its sentence) and the whole sentence.

        Select by ``term`` (canonical text or a variant spelling; a category name works
        too), ``category``, or a ``contrast`` and its ``option``; filter by ``group``,
        ``voice`` and ``negated``; ``n`` draws that many rows at random (reproducibly for a
        ``seed``), kept in corpus order. Returns a DataFrame doc_id, group, sentence, start,
        end, left, match, right, term, category, voice, negated, weight, sentence_text and
        the kept columns, one row per match.
        """
        window = check_window(window)
        rows = self._select(term, category, contrast, option, group, voice, negated)
        rows = sample(rows, n, seed)
        return self._kwic_frame(rows, window)

    def _select(self, term, category, contrast, option, group, voice, negated) -> np.ndarray:
        c = self._cols
        mask = np.ones(len(c["match_doc"]), dtype=bool)
        terms = select_terms(self.lexicon, term, category, contrast, option)
        if terms is not None:
            mask &= np.isin(c["match_term"].astype(np.int64), terms)
        if group is not None:
            names = [group] if isinstance(group, str) else list(group)
            for g in names:
                if g not in self.groups:
                    raise KeyError(f"no group {g!r}; groups: {', '.join(map(str, self.groups))}")
            codes = [self.groups.index(g) for g in names]
            mask &= np.isin(self._doc_group[c["match_doc"].astype(np.int64)], codes)
        codes_v = check_voices(voice)
        if codes_v is not None:
            mask &= np.isin(c["match_voice"], codes_v)
        if negated is not None:
            if not isinstance(negated, (bool, np.bool_)):
                raise TypeError(f"negated must be True, False or None, not {negated!r}")
            mask &= c["match_negated"].astype(bool) == bool(negated)
        return np.flatnonzero(mask)

    def _kwic_frame(self, rows: np.ndarray, window: int):
        import pandas as pd
        texts = self._require_texts("kwic")
        c = self._cols
        doc = c["match_doc"][rows].astype(np.int64)
        srow = self._match_sentence_rows()[rows] if len(rows) else np.zeros(0, np.int64)
        sent_start = c["sent_start"][srow] if len(rows) else np.zeros(0, np.int64)
        starts, ends = c["match_start"][rows], c["match_end"][rows]
        sentence_text: List[str] = take(texts, srow).to_pylist() if len(rows) else []
        lefts: List[str] = []
        mids: List[str] = []
        rights: List[str] = []
        # one tokenisation per sentence, however many of its matches are shown
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and srow[j + 1] == srow[i]:
                j += 1
            base = int(sent_start[i])
            spans = [(int(starts[k]) - base, int(ends[k]) - base) for k in range(i, j + 1)]
            left, mid, right = context_rows(sentence_text[i], spans, window)
            lefts += left
            mids += mid
            rights += right
            i = j + 1
        term = c["match_term"][rows].astype(np.int64)
        data = {
            "doc_id": self._doc_id_col(doc),
            "group": self._group_col(doc),
            "sentence": c["match_sentence"][rows].astype(np.int64),
            "start": starts, "end": ends,
            "left": text_array(lefts), "match": text_array(mids), "right": text_array(rights),
            **self._term_cols(term),
            "voice": label_array(c["match_voice"][rows].astype(np.int64), _fixed_labels(VOICES)),
            "negated": c["match_negated"][rows].astype(bool),
            "weight": self._term_weight(term),
            "sentence_text": text_array(sentence_text),
            **self._kept_cols(doc),
        }
        return pd.DataFrame(data)

    def _examples(self, term=None, group=None, voice=None, n: Optional[int] = 2,
                  seed: Optional[int] = 0) -> List[Dict[str, Any]]:
        """Sampled matches as the report shows them, from distinct sentences: each with its
        whole sentence and every match in that sentence (the sampled one marked ``focus``)."""
        rows = self._select(term, None, None, None, group, voice, None)
        if len(rows):
            _, first = np.unique(self._match_srows()[rows], return_index=True)
            rows = rows[np.sort(first)]
        rows = sample(rows, n, seed)
        return [self._example(int(r)) for r in rows]

    def _example(self, row: int) -> Dict[str, Any]:
        texts = self._require_texts("examples")
        c = self._cols
        srows = self._match_srows()
        srow = int(srows[row])
        base = int(c["sent_start"][srow])
        lo, hi = np.searchsorted(srows, [srow, srow + 1])
        terms = self.lexicon.terms
        spans = []
        for k in range(int(lo), int(hi)):
            t = terms[int(c["match_term"][k])]
            spans.append({"start": int(c["match_start"][k]) - base,
                          "end": int(c["match_end"][k]) - base, "term": t.term,
                          "category": t.category if isinstance(t.category, str)
                          else t.category[0], "weight": t.weight,
                          "voice": VOICES[int(c["match_voice"][k])],
                          "negated": bool(c["match_negated"][k]), "focus": k == row})
        doc = int(c["match_doc"][row])
        return {"doc_id": self._doc_ids[doc], "group": self.groups[int(self._doc_group[doc])],
                "text": texts[srow].as_py() or "", "spans": spans,
                "kept": {k: v[doc] for k, v in self._doc_columns.items()}}

    def _match_srows(self) -> np.ndarray:
        """The sentence row of every match (non-decreasing: matches come in text order)."""
        srows = self._srows
        if srows is None:
            srows = self._srows = self._match_sentence_rows()
        return srows

    # -- statistics ---------------------------------------------------------------------------
    def compare(self, alpha0: float = 1000.0, voice: Optional[str] = None, bootstrap: int = 0,
                seed: int = 0, cluster: Optional[str] = None):
        """Statistics of each group against the pooled rest: see :class:`Comparison`.

        ``cluster`` names a kept field (or "doc_id") whose values are the bootstrap's
        resampling unit, for corpora whose records are parts of larger units (sentences of
        articles: ``cluster="article_id"``); by default documents are resampled.
        """
        from .compare import Comparison
        clusters = None
        if cluster is not None:
            clusters = self._cluster_codes(cluster)
        return Comparison(self.counts, alpha0=alpha0, voice=voice, bootstrap=bootstrap,
                          seed=seed, corpus=self, cluster=clusters)

    def _cluster_codes(self, cluster: str) -> np.ndarray:
        import pandas as pd
        if cluster == "doc_id":
            values = self._doc_ids
        elif cluster in self._doc_columns:
            values = self._doc_columns[cluster]
        else:
            raise KeyError(f"cluster: {cluster!r} is not a kept field; analyse with "
                           f"keep=[{cluster!r}] (kept: {', '.join(self.keep) or 'none'})")
        codes, _ = pd.factorize(pd.Series(values), use_na_sentinel=True)
        if (codes < 0).any():
            first = int(np.flatnonzero(codes < 0)[0])
            raise ValueError(f"cluster: document {self._doc_ids[first]!r} has no value in "
                             f"field {cluster!r}")
        return codes.astype(np.int64)

    def timeline(self, contrast: str, period: Optional[str] = None,
                 voice: Optional[str] = None):
        """Share of each option of a contrast per period of the carried date, for each group
        (without the period key): DataFrame series, period, option, count, total, share,
        ci_low, ci_high (95% Wilson)."""
        from .charts import timeline_data
        return timeline_data(self, contrast, period=period, voice=voice)

    def switch_points(self, contrast: str, option: Optional[str] = None,
                      period: Optional[str] = None, voice: Optional[str] = None,
                      bootstrap: int = 999, level: float = 0.95, seed: int = 0,
                      min_periods: int = 3):
        """When usage switched: for each series (a group without its period), the most likely
        period in which ``option``'s share of ``contrast`` changed (default: its last option,
        "Kyiv" in Kiev/Kyiv), with an interval and a bootstrap p-value
        (:func:`framelens.changepoint.switch_points`, docs/duplicates-and-switches.md), from the
        same counts as :meth:`timeline`. Needs a date (``analyze_corpus(..., date=)``).
        DataFrame series, option, switch, switch_low, switch_high, share_before, share_after,
        n_before, n_after, periods, statistic, p_value, direction."""
        from .charts import switch_point_data
        return switch_point_data(self, contrast, option=option, period=period, voice=voice,
                                 bootstrap=bootstrap, level=level, seed=seed,
                                 min_periods=min_periods)

    # -- display ------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return (f"<Corpus: {self.n_documents} documents in {len(self.groups)} groups, "
                f"{len(self._cols['sent_doc'])} sentences, {len(self._cols['match_doc'])} "
                f"matches, {self.skipped} skipped>")

    def _repr_html_(self) -> str:
        from .display import corpus_html
        return corpus_html(self)


def _sorted_labels(strings, present: Optional[np.ndarray] = None):
    """A pyarrow string array as a Categorical whose categories are its distinct strings
    sorted (nulls missing): what pandas makes of the same values as Python objects, without
    a Python object per value. With ``present``, the strings are those of the rows where it
    is True, the other rows missing."""
    import pandas as pd
    import pyarrow.compute as pc
    enc = pc.dictionary_encode(strings, memory_pool=arrow_pool())
    cats = np.asarray(enc.dictionary.to_pylist(), dtype=object)
    order = np.argsort(cats, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    idx = pc.coalesce(enc.indices, -1, memory_pool=arrow_pool()).to_numpy().astype(np.int64)
    codes = np.where(idx >= 0, rank[np.maximum(idx, 0)] if len(rank) else -1, -1)
    if present is not None:
        spread = np.full(len(present), -1, np.int64)
        spread[np.asarray(present, dtype=bool)] = codes
        codes = spread
    return pd.Categorical.from_codes(codes, categories=pd.Index(cats[order]))


def _optional_int(values: np.ndarray, present: np.ndarray):
    """int64 values as a nullable Int64 array (a copy), missing where ``present`` is False."""
    import pandas as pd
    # the array from its values and mask: setting the missing ones through pandas took
    # longer than the rest of the who-says-it columns
    return pd.arrays.IntegerArray(np.array(values, dtype=np.int64),
                                  ~np.asarray(present, dtype=bool))


def _with_attribution_columns(cols: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    """The columns, with empty attribution columns where they are missing (a Corpus built
    from columns made before attributions existed)."""
    n_docs = len(cols["doc_tokens"])
    n_matches = len(cols["match_doc"])
    out = dict(cols)
    for k, dt in _DTYPES.items():
        if k in out:
            continue
        if k == "doc_attributions":
            out[k] = np.zeros(n_docs, dt)
        elif k in ("match_attribution", "match_target"):
            out[k] = np.full(n_matches, _NONE, dt)
        elif k.startswith("attr_"):
            out[k] = np.zeros(0, dt)
    return out


def _string_array(offsets: np.ndarray, data, present: Optional[np.ndarray] = None):
    """A pyarrow large_string array over the buffers (not copied): offsets int64, one more
    than the strings; data UTF-8 (any buffer, or a pyarrow Buffer); null where ``present``
    is False (a null's string is empty)."""
    import pyarrow as pa
    n = len(offsets) - 1
    n_null, valid = 0, None
    if present is not None:
        n_null = n - int(np.count_nonzero(present))
        valid = pa.py_buffer(np.packbits(present, bitorder="little")) if n_null else None
    return pa.Array.from_buffers(
        pa.large_string(), n,
        [valid, pa.py_buffer(np.ascontiguousarray(offsets, np.int64)),  # int64: no copy
         data if isinstance(data, pa.Buffer) else pa.py_buffer(data)], n_null)
