"""Lexicons from the dictionaries researchers already have: LIWC ``.dic``, quanteda-style
YAML, CSV/TSV tables, plain word lists and Python lists or DataFrames. Each importer is a
front end to the C lexicon builder, so every format gets the same checks, the same
duplicate policies and errors that name the file and line."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import io
import json
import math
import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _core
from ._api import (
    DUPLICATE_POLICIES,
    Lexicon,
    LexiconError,
    Term,
    _check_policy,
    _json_safe,
    _lexicon_error,
)

PathLike = Union[str, "os.PathLike[str]"]

#: file extension -> format name understood by :func:`read_lexicon`
EXTENSIONS = {
    ".json": "json",
    ".dic": "liwc",
    ".dicx": "liwc",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".txt": "wordlist",
    ".lst": "wordlist",
}

#: the formats :func:`read_lexicon` reads
FORMATS = ("json", "liwc", "yaml", "csv", "tsv", "wordlist")


def lexicon_format(path: PathLike, format: Optional[str] = None) -> str:
    """The format of a lexicon file: ``format`` when given, else from its extension."""
    if format is not None:
        if format not in FORMATS:
            raise ValueError(f"unknown lexicon format {format!r}; known: {', '.join(FORMATS)}")
        return format
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in EXTENSIONS:
        raise ValueError(f"{os.fspath(path)}: cannot tell the lexicon format from the extension "
                         f"{ext or '(none)'!r}; give the format (format=, or --from on the "
                         f"command line): one of {', '.join(FORMATS)}")
    return EXTENSIONS[ext]


def read_lexicon(path: PathLike, format: Optional[str] = None, on_duplicate: str = "error",
                 category: Optional[str] = None, delimiter: Optional[str] = None,
                 encoding: str = "utf-8", name: Optional[str] = None) -> Lexicon:
    """Reads a lexicon file in any supported format, picked from the extension
    (:data:`EXTENSIONS`) or given as ``format``: ``"json"`` (the framelens format),
    ``"liwc"`` (a LIWC ``.dic``), ``"yaml"`` (a quanteda-style dictionary), ``"csv"`` /
    ``"tsv"`` (a table with a ``term`` column) or ``"wordlist"`` (one term a line).

    on_duplicate: ``"error"`` (default), ``"first"`` or ``"merge"``, as for
    :meth:`Lexicon.from_json`. category: the category of a word list's terms (default: the
    file name without extension) and the default category of a table without a category
    column. delimiter: a table's delimiter (default: tab for ``tsv``, else detected among
    ``, ; \\t |``). name: the lexicon's name (default: the file name without extension, except
    for JSON, which names itself). Errors are :class:`LexiconError` naming the file and line.
    """
    _check_policy(on_duplicate)
    path = os.fspath(path)
    fmt = lexicon_format(path, format)
    if fmt == "json":
        return Lexicon.from_file(path, on_duplicate=on_duplicate)
    stem = os.path.splitext(os.path.basename(path))[0]
    if fmt == "liwc":
        return read_liwc(path, on_duplicate=on_duplicate, encoding=encoding, name=name or stem)
    if fmt == "yaml":
        return read_yaml(path, on_duplicate=on_duplicate, encoding=encoding, name=name or stem)
    if fmt in ("csv", "tsv"):
        return read_table(path, delimiter=delimiter or ("\t" if fmt == "tsv" else None),
                          category=category, on_duplicate=on_duplicate, encoding=encoding,
                          name=name or stem)
    return read_wordlist(path, category=category, on_duplicate=on_duplicate, encoding=encoding,
                         name=name or stem)


# ------------------------------------------------------------------ shared helpers
def _read_text(path: str, encoding: str) -> str:
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _located(path, line, None, f"not valid {encoding} text (byte {exc.start}: "
                                         f"{exc.reason})") from None
    return text[1:] if text.startswith("\ufeff") else text


def _located(source: str, line: Optional[int], column: Optional[int], detail: str,
             path: Optional[str] = None) -> LexiconError:
    """A LexiconError at source:line (and column), as the C core writes them."""
    where = source
    if line is not None:
        where += f":{line}" + (f":{column}" if column is not None else "")
    err = LexiconError(f"{where}: {path + ': ' if path else ''}{detail}")
    err.source, err.line, err.column, err.path, err.detail = source, line, column, path, detail
    err.item = None
    return err


def _builder(source: str, on_duplicate: str, name: Optional[str]) -> "_core.Builder":
    b = _core.Builder(source, on_duplicate)
    if name:
        b.set_meta("name", name)
    return b


def _finish(b: "_core.Builder", source: str) -> Lexicon:
    return Lexicon(b.compile(), source)


def _extras(source: str, item: str, values: Dict[str, Any]) -> Optional[str]:
    """The JSON text of an item's source/note/meta, or None when it has none."""
    values = {k: v for k, v in values.items() if v is not None and v != {}}
    if not values:
        return None
    return json.dumps(_json_safe(values, source, item, 0), ensure_ascii=False, allow_nan=False)


# ------------------------------------------------------------------ LIWC
def _liwc_number(text: str) -> str:
    """A category number as written ("01" and "1" are the same category)."""
    return text.lstrip("0") or "0" if text.isdigit() else text


def read_liwc(path: PathLike, on_duplicate: str = "error", encoding: str = "utf-8",
              name: Optional[str] = None) -> Lexicon:
    """Reads a LIWC dictionary (``.dic``): a header between two ``%`` lines numbering the
    categories (``1<TAB>funct``), then one entry a line: the word (``abandon*`` is a prefix,
    as in framelens) and the numbers of its categories, tab- or space-separated. A word in
    several categories becomes one term in all of them (its first category is its main one).
    Category names are declared in header order."""
    _check_policy(on_duplicate)
    path = os.fspath(path)
    text = _read_text(path, encoding)
    b = _builder(path, on_duplicate, name)
    lines = text.splitlines()
    n = 0
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines) or lines[n].strip() != "%":
        raise _located(path, n + 1 if n < len(lines) else None, None,
                       "a LIWC dictionary starts with a line holding only '%', then the "
                       "categories, then another '%'")
    names: Dict[str, str] = {}
    n += 1
    while n < len(lines) and lines[n].strip() != "%":
        parts = lines[n].split()
        n += 1
        if not parts:
            continue
        if len(parts) < 2 or not parts[0].isdigit():
            raise _located(path, n, None, f"a category line needs a number and a name: "
                                          f"{lines[n - 1].strip()!r}")
        number = _liwc_number(parts[0])
        if number in names:
            raise _located(path, n, None, f"category number {parts[0]} is given twice")
        names[number] = parts[1]
        b.add_category(parts[1], description=" ".join(parts[2:]) or None, line=n)
    if n >= len(lines):
        raise _located(path, None, None, "the category header is not closed by a '%' line")
    n += 1
    for i in range(n, len(lines)):
        row = lines[i].strip()
        if not row:
            continue
        if "\t" in row:
            # the entry, a tab, then the numbers (separated by tabs or spaces)
            entry, rest = row.split("\t", 1)
            word, numbers = entry.strip(), rest.split()
        else:
            # space-separated: the trailing numbers are the categories (a phrase may have
            # spaces)
            parts = row.split()
            k = len(parts)
            while k > 1 and parts[k - 1].isdigit():
                k -= 1
            word, numbers = " ".join(parts[:k]), parts[k:]
        if not numbers:
            raise _located(path, i + 1, None, f"{word!r} has no category number")
        cats: List[str] = []
        for number in numbers:
            cat = names.get(_liwc_number(number))
            if cat is None:
                raise _located(path, i + 1, None, f"category {number!r} is not in the header")
            if cat not in cats:
                cats.append(cat)
        b.add_term(word, cats, line=i + 1)
    return _finish(b, path)


# ------------------------------------------------------------------ YAML
def read_yaml(path: PathLike, on_duplicate: str = "error", encoding: str = "utf-8",
              name: Optional[str] = None) -> Lexicon:
    """Reads a quanteda-style YAML dictionary: keys are categories, values lists of words
    (or one word); nested keys become ``a/b`` categories. A word listed under several
    categories becomes one term in all of them, in the order they are met."""
    _check_policy(on_duplicate)
    import yaml

    path = os.fspath(path)
    text = _read_text(path, encoding)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _located(path, mark.line + 1 if mark else None,
                       mark.column + 1 if mark else None, f"invalid YAML: {problem}") from None
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else None
        raise _located(path, line, None, "expected a mapping of category -> words")
    words: Dict[str, List[Any]] = {}  # word -> [categories, line, column]
    order: List[str] = []
    cats: List[str] = []

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or not str(key.value).strip():
                    raise _located(path, key.start_mark.line + 1, key.start_mark.column + 1,
                                   "a category name must be a non-empty string")
                cat = f"{prefix}/{key.value}" if prefix else str(key.value)
                walk(value, cat)
            return
        if not prefix:
            raise _located(path, node.start_mark.line + 1, node.start_mark.column + 1,
                           "expected a mapping of category -> words")
        if prefix not in cats:
            cats.append(prefix)
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for item in items:
            if not isinstance(item, yaml.ScalarNode) or item.value in (None, ""):
                raise _located(path, item.start_mark.line + 1, item.start_mark.column + 1,
                               f"{prefix}: expected a word (a string)")
            word = str(item.value)
            if word not in words:
                words[word] = [[], item.start_mark.line + 1, item.start_mark.column + 1]
                order.append(word)
            if prefix not in words[word][0]:
                words[word][0].append(prefix)

    walk(root, "")
    b = _builder(path, on_duplicate, name)
    for word in order:
        word_cats, line, column = words[word]
        b.add_term(word, word_cats, line=line, column=column)
    return _finish(b, path)


# ------------------------------------------------------------------ tables
_TABLE_FIELDS = ("term", "category", "weight", "variants", "case_sensitive", "source", "note")
_TRUE = ("true", "yes", "1", "y", "t")
_FALSE = ("false", "no", "0", "n", "f", "")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd
        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


class _Rows:
    """Adds table rows (dicts of column -> value) to a builder, one term a row."""

    def __init__(self, b: "_core.Builder", source: str, category: Optional[str]):
        self.b = b
        self.source = source
        self.category = category

    def add(self, row: Dict[str, Any], index: int, line: Optional[int]) -> None:
        where = f"terms[{index}]"

        def fail(column: str, detail: str) -> LexiconError:
            if line is not None:
                return _located(self.source, line, None, f"column {column!r}: {detail}")
            return _lexicon_error(self.source, detail, f"{where}.{column}")

        term = row.get("term")
        if _missing(term) or not str(term).strip():
            raise fail("term", "expected a term")
        cat = row.get("category")
        if _missing(cat) or not str(cat).strip():
            if self.category is None:
                raise fail("category", "expected a category (or give category=)")
            cat = self.category
        raw_weight: Any = row.get("weight")
        if _missing(raw_weight) or (isinstance(raw_weight, str) and not raw_weight.strip()):
            raw_weight = 1.0
        try:
            weight = float(raw_weight)
        except (TypeError, ValueError):
            raise fail("weight", f"expected a number, not {raw_weight!r}") from None
        if not math.isfinite(weight):
            raise fail("weight", f"expected a finite number, not {weight!r}")
        raw_variants: Any = row.get("variants")
        variants: Tuple[str, ...]
        if _missing(raw_variants):
            variants = ()
        elif isinstance(raw_variants, str):
            variants = tuple(v.strip() for v in raw_variants.split("|") if v.strip())
        else:
            variants = tuple(str(v) for v in raw_variants)
        cs = row.get("case_sensitive")
        if _missing(cs):
            cs = False
        elif not isinstance(cs, bool):
            text = str(cs).strip().lower()
            if text in _TRUE:
                cs = True
            elif text in _FALSE:
                cs = False
            else:
                raise fail("case_sensitive", f"expected true or false, not {cs!r}")
        extras: Dict[str, Any] = {}
        for key in ("source", "note"):
            value = row.get(key)
            if not _missing(value) and str(value).strip():
                extras[key] = str(value)
        meta = {k: v for k, v in row.items()
                if k not in _TABLE_FIELDS and not _missing(v) and not (isinstance(v, str)
                                                                       and not v.strip())}
        if meta:
            extras["meta"] = meta
        self.b.add_term(str(term), str(cat), weight=weight, case_sensitive=bool(cs),
                        variants=variants, extras=_extras(self.source, where, extras),
                        line=line or 0)


def _sniff(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_table(path: PathLike, delimiter: Optional[str] = None, category: Optional[str] = None,
               on_duplicate: str = "error", encoding: str = "utf-8",
               name: Optional[str] = None) -> Lexicon:
    """Reads a CSV or TSV table with a header row: a ``term`` column, and optionally
    ``category`` (else ``category=``), ``weight``, ``variants`` (separated by ``|``),
    ``case_sensitive`` (true/false, yes/no, 1/0), ``source`` and ``note``; any further
    column is kept under the term's ``meta``. Column names are matched without regard to
    case. A term on several rows is a duplicate: use ``on_duplicate="merge"`` to put it in
    several categories. delimiter: detected among ``, ; \\t |`` when not given."""
    _check_policy(on_duplicate)
    path = os.fspath(path)
    text = _read_text(path, encoding)
    if delimiter is None:
        delimiter = _sniff(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise _located(path, None, None, "the table is empty (a header row is needed)") from None
    except csv.Error as exc:
        raise _located(path, reader.line_num, None, f"invalid CSV: {exc}") from None
    columns = [h.strip().lower() if h.strip().lower() in _TABLE_FIELDS else h.strip()
               for h in header]
    if "term" not in columns:
        raise _located(path, 1, None, f"the header has no 'term' column (it has: "
                                      f"{', '.join(repr(c) for c in columns)}; delimiter "
                                      f"{delimiter!r})")
    b = _builder(path, on_duplicate, name)
    rows = _Rows(b, path, category)
    index = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _located(path, reader.line_num, None, f"invalid CSV: {exc}") from None
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(columns):
            raise _located(path, reader.line_num, None,
                           f"{len(values)} fields, but the header has {len(columns)}")
        row = dict(zip(columns, values, strict=False))
        rows.add(row, index, reader.line_num)
        index += 1
    return _finish(b, path)


# ------------------------------------------------------------------ word lists
def read_wordlist(path: PathLike, category: Optional[str] = None, on_duplicate: str = "error",
                  encoding: str = "utf-8", name: Optional[str] = None) -> Lexicon:
    """Reads a plain word list: one term a line (blank lines skipped, whitespace around a
    term ignored), all in one category: ``category``, or the file name without its
    extension."""
    _check_policy(on_duplicate)
    path = os.fspath(path)
    text = _read_text(path, encoding)
    cat = category or os.path.splitext(os.path.basename(path))[0]
    b = _builder(path, on_duplicate, name)
    for i, line in enumerate(text.splitlines()):
        word = line.strip()
        if word:
            b.add_term(word, cat, line=i + 1, column=line.index(word[0]) + 1)
    return _finish(b, path)


# ------------------------------------------------------------------ Python objects
def from_terms(terms: Any, category: Optional[str] = None, source: str = "<terms>",
               on_duplicate: str = "error", name: Optional[str] = None) -> Lexicon:
    """See :meth:`Lexicon.from_terms`."""
    _check_policy(on_duplicate)
    try:
        import pandas as pd
        is_frame = isinstance(terms, pd.DataFrame)
    except ImportError:  # pragma: no cover - pandas is a dependency
        is_frame = False
    if is_frame:
        b = _builder(source, on_duplicate, name)
        rows = _Rows(b, source, category)
        cols = [c.lower() if isinstance(c, str) and c.lower() in _TABLE_FIELDS else str(c)
                for c in terms.columns]
        if "term" not in cols:
            raise _lexicon_error(source, f"the DataFrame has no 'term' column (it has: "
                                         f"{', '.join(map(repr, cols))})")
        for i, values in enumerate(terms.itertuples(index=False, name=None)):
            rows.add(dict(zip(cols, values, strict=True)), i, None)
        return _finish(b, source)
    if isinstance(terms, (str, bytes)) or not isinstance(terms, Iterable):
        raise TypeError(f"terms must be a list (of str, dict or Term) or a DataFrame, not "
                        f"{type(terms).__name__}")
    entries: List[Dict[str, Any]] = []
    for i, t in enumerate(terms):
        if isinstance(t, str):
            if category is None:
                raise _lexicon_error(source, "a term given as a string needs category=",
                                     f"terms[{i}]")
            entries.append({"term": t, "category": category})
        elif isinstance(t, Term):
            entry: Dict[str, Any] = {"term": t.term, "category": list(t.categories)
                                     if len(t.categories) > 1 else t.category,
                                     "weight": t.weight}
            if t.variants:
                entry["variants"] = list(t.variants)
            if t.case_sensitive:
                entry["case_sensitive"] = True
            entry.update(t.metadata)
            entries.append(entry)
        elif isinstance(t, dict):
            entry = dict(t)
            if "category" not in entry and category is not None:
                entry["category"] = category
            entries.append(entry)
        else:
            raise _lexicon_error(source, f"expected a str, dict or Term, not "
                                         f"{type(t).__name__}", f"terms[{i}]")
    data: Dict[str, Any] = {"terms": entries}
    if name:
        data["name"] = name
    return Lexicon.from_dict(data, source=source, on_duplicate=on_duplicate)


__all__ = ["EXTENSIONS", "FORMATS", "DUPLICATE_POLICIES", "lexicon_format", "read_lexicon",
           "read_liwc", "read_yaml", "read_table", "read_wordlist", "from_terms"]
