"""Readers for corpus files: JSON Lines (or a JSON array), CSV/TSV and other delimited text,
Parquet, and folders of .txt files.

Files are read strictly: text must be UTF-8, a delimited file's rows must have as many fields
as its header, a quoted field must be closed, and a binary file is refused. Each problem is
an :class:`InputError` naming the file and the line, so nothing is dropped or merged
silently (a CSV quote left open would otherwise swallow every later row into one field).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import codecs
import csv
import json
import os
import sys
from typing import Any, Dict, Iterator, List, Optional


class InputError(ValueError):
    """A corpus file that cannot be read: names the file (and line)."""


# Bytes looked at to tell a binary file from text: NUL never occurs in UTF-8 text files.
_SNIFF_BYTES = 8192


def _refuse_binary(path: str) -> None:
    with open(path, "rb") as f:
        head = f.read(_SNIFF_BYTES)
    nul = head.find(b"\x00")
    if nul >= 0:
        line = head.count(b"\n", 0, nul) + 1
        raise InputError(f"{path}:{line}: a NUL byte: this looks like a binary file, not "
                         "UTF-8 text")


class _Lines:
    """Decodes a binary file as strict UTF-8 line by line, remembering the line number so
    that a decoding error can say where it is."""

    def __init__(self, path: str, f):
        self.path = path
        self.f = f
        self.line = 0
        self.first = True
        self.first_record = True

    def __iter__(self) -> Iterator[str]:
        for raw in self.f:
            self.line += 1
            if self.first:
                self.first = False
                if raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{self.path}:{self.line}:{exc.start + 1}: not valid UTF-8 "
                                 f"(byte 0x{raw[exc.start]:02x}); convert the file to UTF-8 "
                                 "first") from None


def _jsonl(path: str) -> Iterator[Dict[str, Any]]:
    _refuse_binary(path)
    with open(path, "rb") as f:
        lines = _Lines(path, f)
        it = iter(lines)
        for text in it:
            if not text.strip():
                continue
            if lines.first_record and text.lstrip().startswith("["):
                # a JSON array of records (a .json file), not JSON Lines
                yield from _json_array(path, "".join([text, *it]))
                return
            lines.first_record = False
            try:
                rec = json.loads(text)
            except ValueError as exc:
                raise InputError(f"{path}:{lines.line}: not valid JSON: {exc}") from None
            if not isinstance(rec, dict):
                raise InputError(f"{path}:{lines.line}: expected a JSON object per line, not "
                                 f"{type(rec).__name__}")
            yield rec


def _json_array(path: str, text: str) -> Iterator[Dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{path}:{line}" if line else path
        raise InputError(f"{where}: not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON array of objects or one object per line")
    for i, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise InputError(f"{path}: item {i}: expected a JSON object, not "
                             f"{type(rec).__name__}")
        yield rec


def _csv(path: str, delimiter: str, quoting: bool = True) -> Iterator[Dict[str, Any]]:
    """Rows of a delimited file as dicts keyed by its header, checked strictly."""
    _refuse_binary(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, "rb") as f:
        lines = _Lines(path, f)
        reader = csv.reader(lines, delimiter=delimiter, strict=True,
                            quoting=csv.QUOTE_MINIMAL if quoting else csv.QUOTE_NONE)
        start = 1
        header: Optional[List[str]] = None
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise _csv_error(path, start, reader.line_num, str(exc), delimiter) from None
            if header is None:
                header = row
                if not header or all(not h.strip() for h in header):
                    raise InputError(f"{path}:{start}: the first line must be a header naming "
                                     "the fields")
                seen = set()
                for h in header:
                    if h in seen:
                        raise InputError(f"{path}:{start}: the header names the field {h!r} "
                                         "twice")
                    seen.add(h)
            elif row:  # a blank line is no record
                if len(row) != len(header):
                    raise InputError(
                        f"{path}:{start}: {len(row)} fields where the header has "
                        f"{len(header)} (fields are separated by {_name_sep(delimiter)}"
                        f"{'; use --sep to choose another separator' if len(row) == 1 else ''})")
                yield dict(zip(header, row, strict=True))
            start = reader.line_num + 1
        if header is None:
            return


def _name_sep(sep: str) -> str:
    return {"\t": "tabs", ",": "commas", ";": "semicolons", "|": "'|'"}.get(sep, repr(sep))


def _csv_error(path: str, start: int, line: int, detail: str, delimiter: str) -> InputError:
    if "unexpected end of data" in detail:
        return InputError(f"{path}:{start}: a quoted field that opens here is never closed "
                          f"(the quote runs to the end of the file, line {line})")
    if "expected after" in detail:
        return InputError(f"{path}:{line}: a quoted field must end at a separator: {detail} "
                          "(a field that starts with a quote character is read as quoted; "
                          "use --no-quoting if the file's fields are never quoted)")
    return InputError(f"{path}:{line}: {detail}")


def _parquet(path: str) -> Iterator[Dict[str, Any]]:
    import pyarrow.parquet as pq
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ... for a bad file
        raise InputError(f"{path}: not a readable Parquet file: {exc}") from None
    for batch in pf.iter_batches(batch_size=4096):
        yield from batch.to_pylist()


def _folder(path: str, text: str, group: str, id: str) -> Iterator[Dict[str, Any]]:
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            full = os.path.join(root, name)
            _refuse_binary(full)
            with open(full, "rb") as f:
                content = "".join(_Lines(full, f))
            rel = os.path.relpath(full, path)
            parent = os.path.basename(os.path.dirname(full)) if root != path else \
                os.path.basename(os.path.abspath(path))
            yield {id: rel, group: parent, text: content}


def demo_corpus_path() -> str:
    """The bundled demo corpus: JSON Lines with id, outlet, date and text of 16 short
    articles by two invented outlets (written for framelens)."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                        "demo_corpus.jsonl")


def parse_sep(sep: str) -> str:
    """A delimiter as given on a command line: one character, or an escape such as \\t."""
    named = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(sep, sep)
    if len(value) != 1 or value in "\r\n\"":
        raise ValueError(f"the separator must be one character (or \\t, tab, comma, "
                         f"semicolon, pipe), not {sep!r}")
    return value


def read_records(path: str, text: str = "text", group: str = "outlet",
                 id: str = "id", sep: Optional[str] = None,
                 quoting: bool = True) -> Iterator[Dict[str, Any]]:
    """Records from a file or folder; the format is chosen by the extension.

    ``sep`` sets the delimiter of delimited text (default: "," for .csv, a tab for .tsv and
    .tab); with ``sep`` any other file is read as delimited text too. ``quoting=False``
    reads fields as never quoted (quote characters are ordinary text).
    """
    if os.path.isdir(path):
        return _folder(path, text, group, id)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no such file or folder: {path}")
    lower = path.lower()
    delimited = lower.endswith((".csv", ".tsv", ".tab"))
    if sep is not None:
        sep = parse_sep(sep)
        if lower.endswith((".jsonl", ".ndjson", ".json", ".parquet", ".pq")):
            raise InputError(f"{path}: a separator applies to delimited text (CSV, TSV), not "
                             f"to {os.path.splitext(path)[1]} files")
        return _csv(path, sep, quoting)
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return _jsonl(path)
    if delimited:
        return _csv(path, "," if lower.endswith(".csv") else "\t", quoting)
    if lower.endswith((".parquet", ".pq")):
        return _parquet(path)
    raise InputError(f"{path}: unknown input format; use .jsonl, .csv, .tsv, .parquet, a "
                     f"folder of .txt files, or --sep for other delimited text")
