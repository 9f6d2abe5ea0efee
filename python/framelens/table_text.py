"""A DataFrame as CSV or JSON Lines text, made column by column with pyarrow's compute
kernels: the CSV byte for byte as ``DataFrame.to_csv(index=False)`` writes it, the JSON
Lines as ``json.dumps`` writes each row's dict (write_jsonl_rows, the reference).

Row by row, each cell is a Python object handed to the csv module or to json.dumps: 4 to
7 µs a row of the CLI's tables as CSV, 11 to 20 as JSON, most of `framelens analyze`'s time
after the analysis (benchmarks/history/speed.md, phase 37, "the CLI's tables"). Here each column
becomes one Arrow string array of its fields (integers cast by Arrow; floats, booleans and
categories rendered once per distinct value; strings quoted or escaped by substring
kernels) and the rows are joined by one kernel. The references stay the judges: a float's
CSV text is pandas' own (each distinct value put through ``to_csv``), the CSV quoting rule
is read off the csv module at import, a JSON value is ``json.dumps``' text, and a table
with a column of any other kind (dates, objects, ...) is written by the reference itself.
tests/python/test_table_text.py holds both to their references on real and random tables.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from typing import IO, Any, Callable, Dict, List, Optional, Tuple, Union, cast

import numpy as np
import pandas as pd

# pandas' defaults in to_csv: its writer is the csv module's, with these
_DELIMITER = ","
_LINE_END = os.linesep


def _writer(buf: IO[str]):
    """The csv module's writer as pandas' to_csv makes it (its defaults)."""
    return csv.writer(buf, delimiter=_DELIMITER, quotechar='"', quoting=csv.QUOTE_MINIMAL,
                      doublequote=True, escapechar=None, lineterminator=_LINE_END)


def _quoting_chars() -> str:
    """The characters that make the csv module quote a field, as this Python's csv writes
    (asked of it, not assumed: the rule has changed between versions). Only ASCII can: the
    delimiter, the quote character and the line terminator are."""
    found = []
    for code in range(128):
        buf = io.StringIO()
        # two fields: a lone empty field is quoted for another reason
        _writer(buf).writerow([f"a{chr(code)}b", "x"])
        if buf.getvalue().startswith('"'):
            found.append(chr(code))
    return "".join(found)


_QUOTING_CHARS = _quoting_chars()
_NEEDS_QUOTES = "[" + "".join(re.escape(c) for c in _QUOTING_CHARS) + "]"
# what json.dumps escapes in a str (ensure_ascii=False): the quote, the backslash and the
# control characters, these by name, the others as \u00XX
_JSON_NEEDS_ESCAPE = r'[\x00-\x1f"\\]'
_JSON_ESCAPES = [("\\", "\\\\"), ('"', '\\"')] + [
    (chr(c), json.dumps(chr(c))[1:-1]) for c in range(0x20)]


def write_csv(df: pd.DataFrame, handle: Union[IO[str], IO[bytes]], header: bool = True
              ) -> None:
    """Writes df to the handle as ``df.to_csv(handle, index=False, header=header)`` would:
    the same characters to a text handle; to a binary one the UTF-8 bytes that pandas
    writes there (as to a text file opened with newline=""), without a detour through str.
    By pandas itself when a column is of a kind not rendered here, or its strings cannot go
    to Arrow (a lone surrogate: pandas then raises its own error)."""
    binary = isinstance(handle, (io.RawIOBase, io.BufferedIOBase))
    first = ""
    if header:
        line = io.StringIO()
        _writer(line).writerow(list(df.columns))
        first = line.getvalue()
    for start in range(0, max(len(df), 1), _CHUNK_ROWS):
        chunk = df.iloc[start:start + _CHUNK_ROWS]
        body = _csv_body(chunk)
        if body is None:
            # a column pandas must write: the whole table when its kind says so at once (a
            # date column's format depends on all its values); a later piece's own cells (an
            # object that is no str), written as pandas writes them, cell by cell
            whole = start == 0
            part = df if whole else chunk
            if binary:
                part.to_csv(handle, index=False, header=header and whole, encoding="utf-8")
            else:
                part.to_csv(handle, index=False, header=header and whole)
            if whole:
                return
            continue
        _write(handle, binary, first, body)
        first = ""


def write_jsonl(df: pd.DataFrame, handle: Union[IO[str], IO[bytes]]) -> None:
    """Writes df's rows to the handle as JSON Lines, the text of write_jsonl_rows (UTF-8
    bytes to a binary handle); by write_jsonl_rows itself when a column is of a kind not
    rendered here."""
    binary = isinstance(handle, (io.RawIOBase, io.BufferedIOBase))
    df = _dates_as_text(df)
    for start in range(0, len(df), _CHUNK_ROWS):
        chunk = df.iloc[start:start + _CHUNK_ROWS]
        body = _jsonl_body(chunk)
        if body is None:
            if binary:
                text = io.StringIO()
                write_jsonl_rows(chunk, text)
                body = memoryview(text.getvalue().encode("utf-8"))
            else:
                write_jsonl_rows(chunk, cast(IO[str], handle))
                continue
        _write(handle, binary, "", body)


def write_jsonl_rows(df: pd.DataFrame, f: IO[str]) -> None:
    """The rows of df as JSON Lines, one ``json.dumps(row, ensure_ascii=False)`` a row:
    floats written exactly (pandas' own JSON writer rounds 1e-60 to 0), and null for NaN
    and infinities (JSON has none) as for any missing value. JSON has no dates either:
    a column of dates, times or periods is written as the text the CSV has for it, and any
    other value json cannot write as its str (as the csv module writes it). The reference
    write_jsonl is held to."""
    df = _dates_as_text(df)
    def clean(v):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if v is pd.NA or v is pd.NaT:  # a missing speaker, offset or date
            return None
        if hasattr(v, "item"):  # numpy scalars
            return clean(v.item())
        return v

    cols = list(df.columns)
    for row in df.itertuples(index=False, name=None):
        rec = {c: clean(v) for c, v in zip(cols, row, strict=True)}
        f.write(json.dumps(rec, ensure_ascii=False, default=str))
        f.write("\n")


def _dates_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """df with each column of dates, times, durations or periods as the text pandas' CSV
    has for it ('2024-01-05', '2024-01-05 10:30:00', '2024-01'; missing ones missing), the
    others as they are."""
    from pandas.api.types import is_datetime64_any_dtype, is_timedelta64_dtype
    dated = [i for i, dtype in enumerate(df.dtypes)
             if is_datetime64_any_dtype(dtype) or is_timedelta64_dtype(dtype) or
             isinstance(dtype, pd.PeriodDtype)]
    if not dated:
        return df
    out = df.copy(deep=False)
    for i in dated:
        col = df.iloc[:, i]
        out.isetitem(i, col.astype(str).astype(object).where(col.notna(), None))
    return out


def _write(handle, binary: bool, first: str, body: memoryview) -> None:
    if binary:
        out = cast(IO[bytes], handle)
        out.write(first.encode("utf-8"))
        out.write(body)
    else:
        # through the text layer, as the references write: its encoding and newlines apply
        cast(IO[str], handle).write(first + str(body, "utf-8"))


class _Format:
    """How one kind of text file writes a value of each kind."""

    def __init__(self, missing: str, strings: Callable[[Any], Any],
                 floats: Callable[[np.ndarray], List[str]], bools: List[str]):
        self.missing = missing  # a missing value (None, NaN, NA)
        self.strings = strings  # an Arrow array of strings (no nulls) -> their fields
        self.floats = floats  # distinct float values -> their fields
        self.bools = bools  # the fields of False and True
        # the fields of floats written before, by (dtype, bits): a streamed table's weights
        # and scores recur in every batch, and asking pandas costs ~0.5 ms a call
        self.float_fields: Dict[Tuple[str, int], str] = {}
        # the fields of a categorical dtype's categories, by the dtype's id (the dtype kept
        # beside them, so that the id is not reused): the lexicon's labels (term, category,
        # voice) are the same dtype object in every batch
        self.category_fields: Dict[int, Tuple[pd.CategoricalDtype, Any]] = {}

    def float_texts(self, distinct: np.ndarray) -> List[str]:
        """The fields of distinct floats (distinct by their bits)."""
        kind = distinct.dtype.str
        bits = distinct.view(f"u{distinct.dtype.itemsize}").tolist()
        known = self.float_fields
        out = [known.get((kind, b)) for b in bits]
        new = [k for k, text in enumerate(out) if text is None]
        if new:
            if len(known) + len(new) > _FLOAT_FIELDS_MAX:
                known.clear()
            for k, text in zip(new, self.floats(distinct[new]), strict=True):
                out[k] = known[(kind, bits[k])] = text
        return cast(List[str], out)


# rows rendered at once: a whole corpus's table (dedupe, which cannot stream) is written in
# pieces, its text never held whole (pandas' own writer goes 100,000 cells at a time). The
# sentence table with text of 64 MB, marked copies: whole 697 MB peak RSS and 3.7 s, pieces
# of 65,536 rows 507 MB and 2.4 s, of 16,384 435 MB and 2.5 s (pandas 382 MB and 3.8 s).
_CHUNK_ROWS = 1 << 14

# floats whose fields a format keeps (a p-value column has a new one in every row), and
# categorical dtypes
_FLOAT_FIELDS_MAX = 1 << 14
_CATEGORY_FIELDS_MAX = 64


def _csv_floats(values: np.ndarray) -> List[str]:
    """pandas' fields for each of values ('1.0', '1e-05', '' for NaN), asked of pandas
    itself: distinct values only, so that its cost is per value, not per row."""
    # a second column, so that no field is alone on its line (an empty one would be quoted)
    texts = pd.DataFrame({"v": values, "w": 0}).to_csv(index=False, header=False,
                                                       lineterminator="\n")
    return [line[:-2] for line in texts.split("\n")[:-1]]


def _json_floats(values: np.ndarray) -> List[str]:
    """json.dumps' text of each of values (as a double: a float32 too), null if not
    finite."""
    return [json.dumps(float(v)) if math.isfinite(v) else "null" for v in values.tolist()]


def _csv_strings(arr):
    """Strings as csv fields: in quotes, with their quotes doubled, where the csv module
    would quote them."""
    import pyarrow.compute as pc
    return _rewritten(arr, _NEEDS_QUOTES, lambda s: _wrapped(
        pc.replace_substring(s, '"', '""'), '"', '"'))


def _json_strings(arr):
    """Strings as JSON strings, escaped as json.dumps (ensure_ascii=False) escapes them."""
    import pyarrow.compute as pc

    def escaped(s):
        for c, e in _JSON_ESCAPES:
            s = pc.replace_substring(s, c, e)
        return s
    return _wrapped(_rewritten(arr, _JSON_NEEDS_ESCAPE, escaped), '"', '"')


_CSV = _Format("", _csv_strings, _csv_floats, ["False", "True"])
_JSON = _Format("null", _json_strings, _json_floats, ["false", "true"])


def _named(df: pd.DataFrame, least: int) -> bool:
    """At least `least` columns, each named by a str of its own (a row's texts are put
    together by name)."""
    return df.shape[1] >= least and all(isinstance(c, str) for c in df.columns) and \
        not df.columns.has_duplicates


def _csv_body(df: pd.DataFrame) -> Optional[memoryview]:
    """The CSV rows as UTF-8 bytes (empty for no rows), or None when pandas must write them."""
    # not one column alone: the csv module quotes an empty field alone on its line
    if not _named(df, 2):
        return None
    parts: List[Any] = []
    for name in df.columns:
        parts += [_DELIMITER, name]
    parts[0] = ""
    return _rows(df, _CSV, parts, _LINE_END)


def _jsonl_body(df: pd.DataFrame) -> Optional[memoryview]:
    """The JSON Lines as UTF-8 bytes, or None when write_jsonl_rows must write them."""
    if not _named(df, 1):
        return None
    parts: List[Any] = []
    for name in df.columns:
        parts += [", " + json.dumps(name, ensure_ascii=False) + ": ", name]
    parts[0] = "{" + parts[0][2:]
    return _rows(df, _JSON, parts, "}\n")


def _rows(df: pd.DataFrame, fmt: _Format, parts: List[Any], end: str
          ) -> Optional[memoryview]:
    """Every row as the texts in parts (column names stand for the column's fields) and
    then end, as UTF-8 bytes; None when a column is of a kind not rendered here."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if len(df) == 0:
        return memoryview(b"")
    args: List[Any] = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            args.append(pa.scalar(part, pa.large_string()))
            continue
        try:
            col = _fields(df[part], fmt)
        except (pa.ArrowException, UnicodeError, ValueError, TypeError):
            return None
        if col is None:
            return None
        args.append(col)
    args.append(pa.scalar(end, pa.large_string()))
    rows = pc.binary_join_element_wise(*args, pa.scalar("", pa.large_string()))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    _, offsets, data = rows.buffers()
    first = np.frombuffer(offsets, np.int64, 1, 8 * rows.offset)
    last = np.frombuffer(offsets, np.int64, 1, 8 * (rows.offset + len(rows)))
    return memoryview(data)[int(first[0]):int(last[0])]


def _fields(s: pd.Series, fmt: _Format):
    """One column as an Arrow large_string array of its fields in fmt, or None when the
    reference must write the table."""
    import pyarrow as pa
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        known = fmt.category_fields.get(id(dtype))
        if known is not None and known[0] is dtype:
            fields = known[1]
        else:
            cats = dtype.categories
            if len(cats) == 0:
                fields = pa.array([], pa.large_string())
            elif isinstance(cats.dtype, pd.StringDtype) or cats.inferred_type == "string":
                fields = fmt.strings(_arrow_strings(cats))
            else:
                return None
            if len(fmt.category_fields) >= _CATEGORY_FIELDS_MAX:
                fmt.category_fields.clear()
            fmt.category_fields[id(dtype)] = (dtype, fields)
        return _taken(fields, s.cat.codes.to_numpy(), fmt.missing)
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "O"):
        # an object column of anything but strings (and missing values) goes to the reference
        arr = _arrow_strings(s)
        return None if arr is None else _with_missing(arr, fmt, fmt.strings)
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":
        return pa.array(s.to_numpy()).cast(pa.large_string())
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "iu":
        # a nullable integer (Int64): its numbers, and the missing text where one is missing
        arr = pa.array(s)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        return arr.cast(pa.large_string()).fill_null(fmt.missing)
    if isinstance(dtype, np.dtype) and dtype.kind == "b":
        return _taken(pa.array(fmt.bools, pa.large_string()), s.to_numpy().view(np.uint8),
                      fmt.missing)
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        values = s.to_numpy()
        # distinct by their bits: 0.0 and -0.0 are equal numbers but not equal texts
        bits = values.view(f"u{values.dtype.itemsize}")
        uniq, inverse = np.unique(bits, return_inverse=True)
        texts = fmt.float_texts(uniq.view(values.dtype))
        return _taken(pa.array(texts, pa.large_string()), inverse.reshape(-1), fmt.missing)
    return None


def _arrow_strings(values):
    """A Series' or an Index's values as an Arrow large_string array (null where missing),
    or None when they are not all strings."""
    import pyarrow as pa
    arr = pa.array(values, from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type) or
            pa.types.is_null(arr.type)):
        return None
    return arr.cast(pa.large_string())


def _with_missing(arr, fmt: _Format, render: Callable[[Any], Any]):
    """render's fields of the strings, fmt.missing where one is missing."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if arr.null_count == 0:
        return render(arr)
    return pc.if_else(pc.is_null(arr), pa.scalar(fmt.missing, pa.large_string()),
                      render(arr.fill_null("")))


def _taken(fields, codes: np.ndarray, missing: str):
    """fields[code] for each code; the missing text for code -1 (a missing category)."""
    import pyarrow as pa
    fields = pa.concat_arrays([fields, pa.array([missing], pa.large_string())])
    idx = np.where(codes < 0, len(fields) - 1, codes).astype(np.int64, copy=False)
    return fields.take(pa.array(idx))


def _rewritten(arr, pattern: str, rewrite: Callable[[Any], Any]):
    """arr with rewrite applied to the strings that match pattern (the others as they are:
    most need nothing)."""
    import pyarrow.compute as pc
    need = pc.match_substring_regex(arr, pattern)
    if not pc.any(need).as_py():
        return arr
    return pc.replace_with_mask(arr, need, rewrite(pc.filter(arr, need)))


def _wrapped(arr, before: str, after: str):
    """before + s + after for each string s."""
    import pyarrow as pa
    import pyarrow.compute as pc
    return pc.binary_join_element_wise(pa.scalar(before, pa.large_string()), arr,
                                       pa.scalar(after, pa.large_string()),
                                       pa.scalar("", pa.large_string()))
