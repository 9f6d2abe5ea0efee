"""Readers for corpus files: JSON Lines, CSV/TSV, Parquet, and folders of .txt files."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, Dict, Iterator, List, Optional


class InputError(ValueError):
    """A corpus file that cannot be read: names the file (and line)."""


def _jsonl(path: str) -> Iterator[Dict[str, Any]]:
    with open(path, encoding="utf-8", errors="replace") as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{path}:{no}: not valid JSON: {exc}") from None
            if not isinstance(rec, dict):
                raise InputError(f"{path}:{no}: expected a JSON object per line, not "
                                 f"{type(rec).__name__}")
            yield rec


def _csv(path: str, delimiter: str) -> Iterator[Dict[str, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
        reader = csv.DictReader(f, delimiter=delimiter)
        for rec in reader:
            yield rec


def _parquet(path: str) -> Iterator[Dict[str, Any]]:
    import pyarrow.parquet as pq
    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=4096):
        yield from batch.to_pylist()


def _folder(path: str, text: str, group: str, id: str) -> Iterator[Dict[str, Any]]:
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            full = os.path.join(root, name)
            with open(full, encoding="utf-8", errors="replace") as f:
                content = f.read()
            rel = os.path.relpath(full, path)
            parent = os.path.basename(os.path.dirname(full)) if root != path else \
                os.path.basename(os.path.abspath(path))
            yield {id: rel, group: parent, text: content}


def read_records(path: str, text: str = "text", group: str = "outlet",
                 id: str = "id") -> Iterator[Dict[str, Any]]:
    """Records from a file or folder; the format is chosen by the extension."""
    if os.path.isdir(path):
        return _folder(path, text, group, id)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no such file or folder: {path}")
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return _jsonl(path)
    if lower.endswith(".csv"):
        return _csv(path, ",")
    if lower.endswith((".tsv", ".tab")):
        return _csv(path, "\t")
    if lower.endswith((".parquet", ".pq")):
        return _parquet(path)
    raise InputError(f"{path}: unknown input format; use .jsonl, .csv, .tsv, .parquet or a "
                     f"folder of .txt files")


def peek_fields(records) -> Optional[List[str]]:
    """The field names of the first record, or None when there is none."""
    for rec in records:
        return list(rec)
    return None
