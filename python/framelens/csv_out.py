"""CSV of a DataFrame, byte for byte as ``DataFrame.to_csv(index=False)`` writes it, made
column by column with pyarrow's compute kernels.

pandas hands every cell to the standard library's csv writer as a Python object: about
3 µs a row of the match table, most of `framelens analyze`'s time after the analysis
(benchmarks/README.md, "The CLI's CSV"). Here each column becomes one Arrow string array
(integers cast by Arrow; floats, booleans and categories rendered once per distinct value;
strings quoted where the csv module would quote them) and the rows are joined by one
kernel. pandas stays the reference: the float texts are its own (each distinct value put
through ``to_csv``), the quoting rule is read off the csv module at import, and a table
with a column of any other kind (dates, objects, ...) is written by pandas itself.
tests/python/test_csv_out.py holds the output to pandas' on real tables and on random ones.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import io
import os
import re
from typing import IO, Any, List, Optional, Union, cast

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


def write_csv(df: pd.DataFrame, handle: Union[IO[str], IO[bytes]], header: bool = True
              ) -> None:
    """Writes df to the handle as ``df.to_csv(handle, index=False, header=header)`` would:
    the same characters to a text handle; to a binary one the UTF-8 bytes that pandas
    writes there (as to a text file opened with newline=""), without a detour through str.
    By pandas itself when a column is of a kind not rendered here, or its strings cannot go
    to Arrow (a lone surrogate: pandas then raises its own error)."""
    binary = isinstance(handle, (io.RawIOBase, io.BufferedIOBase))
    body = _body(df)
    if body is None:
        if binary:
            df.to_csv(handle, index=False, header=header, encoding="utf-8")
        else:
            df.to_csv(handle, index=False, header=header)
        return
    first = ""
    if header:
        line = io.StringIO()
        _writer(line).writerow(list(df.columns))
        first = line.getvalue()
    if binary:
        out = cast(IO[bytes], handle)
        out.write(first.encode("utf-8"))
        out.write(body)
    else:
        # through the text layer, as pandas writes: its encoding and newlines apply
        cast(IO[str], handle).write(first + str(body, "utf-8"))


def _body(df: pd.DataFrame) -> Optional[memoryview]:
    """The rows as UTF-8 bytes (empty for no rows), or None when pandas must write them."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if df.shape[1] < 2 or not all(isinstance(c, str) for c in df.columns) or \
            df.columns.has_duplicates:
        # one column: the csv module quotes an empty field alone on its line
        return None
    if len(df) == 0:
        return memoryview(b"")
    parts: List[Any] = []
    sep = pa.scalar(_DELIMITER, pa.large_string())
    for name in df.columns:
        try:
            col = _column(df[name])
        except (pa.ArrowException, UnicodeError, ValueError, TypeError):
            return None
        if col is None:
            return None
        parts += [col, sep]
    parts[-1] = pa.scalar(_LINE_END, pa.large_string())
    rows = pc.binary_join_element_wise(*parts, pa.scalar("", pa.large_string()))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    _, offsets, data = rows.buffers()
    off = np.frombuffer(offsets, np.int64, 2, 8 * rows.offset)
    off_end = np.frombuffer(offsets, np.int64, 1, 8 * (rows.offset + len(rows)))
    return memoryview(data)[int(off[0]):int(off_end[0])]


def _column(s: pd.Series):
    """One column as an Arrow large_string array of its CSV fields, or None when pandas must
    write the table."""
    import pyarrow as pa
    dtype = s.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cats = dtype.categories
        if len(cats) == 0:
            fields = pa.array([], pa.large_string())
        elif isinstance(cats.dtype, pd.StringDtype) or cats.inferred_type == "string":
            fields = _quoted(_arrow_strings(cats))
        else:
            return None
        return _taken(fields, s.cat.codes.to_numpy())
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "O"):
        # pandas writes a missing value (None, NaN, NA) as nothing; an object column of
        # anything but strings goes to pandas
        arr = _arrow_strings(s)
        return None if arr is None else _quoted(arr.fill_null(""))
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":
        return pa.array(s.to_numpy()).cast(pa.large_string())
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "iu":
        # a nullable integer (Int64): its numbers, and nothing where one is missing
        arr = pa.array(s)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        return arr.cast(pa.large_string()).fill_null("")
    if isinstance(dtype, np.dtype) and dtype.kind == "b":
        return _taken(_bool_fields(), s.to_numpy().view(np.uint8))
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        values = s.to_numpy()
        # distinct by their bits: 0.0 and -0.0 are equal numbers but not equal texts
        bits = values.view(f"u{values.dtype.itemsize}")
        uniq, inverse = np.unique(bits, return_inverse=True)
        return _taken(_pandas_fields(uniq.view(values.dtype)), inverse.reshape(-1))
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


def _pandas_fields(values: np.ndarray):
    """The fields pandas writes for each of values (a float's text: '1.0', '1e-05', ''
    for NaN), asked of pandas itself: distinct values only, so that its cost is per value,
    not per row."""
    import pyarrow as pa
    # a second column, so that no field is alone on its line (an empty one would be quoted)
    texts = pd.DataFrame({"v": values, "w": 0}).to_csv(index=False, header=False,
                                                       lineterminator="\n")
    return pa.array([line[:-2] for line in texts.split("\n")[:-1]], pa.large_string())


_BOOL_FIELDS: List[Any] = []


def _bool_fields():
    """pandas' fields of False and True (asked once)."""
    if not _BOOL_FIELDS:
        _BOOL_FIELDS.append(_pandas_fields(np.array([False, True])))
    return _BOOL_FIELDS[0]


def _taken(fields, codes: np.ndarray):
    """fields[code] for each code; '' for code -1 (a missing category)."""
    import pyarrow as pa
    fields = pa.concat_arrays([fields, pa.array([""], pa.large_string())])
    idx = np.where(codes < 0, len(fields) - 1, codes).astype(np.int64, copy=False)
    return fields.take(pa.array(idx))


def _quoted(arr):
    """Strings as csv fields: in quotes, with their quotes doubled, where the csv module
    would quote them."""
    import pyarrow as pa
    import pyarrow.compute as pc
    need = pc.match_substring_regex(arr, _NEEDS_QUOTES)
    if not pc.any(need).as_py():
        return arr
    which = pc.filter(arr, need)
    doubled = pc.replace_substring(which, '"', '""')
    q = pa.scalar('"', pa.large_string())
    wrapped = pc.binary_join_element_wise(q, doubled, q, pa.scalar("", pa.large_string()))
    return pc.replace_with_mask(arr, need, wrapped)
