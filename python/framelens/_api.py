"""The single-document API: Lexicon, Analyzer, Document, Sentence, Match."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import math
import os
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _core

LexiconError = _core.LexiconError

VOICES = ("author", "quoted", "attributed")

DUPLICATE_POLICIES = ("error", "first", "merge")


@dataclass(frozen=True)
class Term:
    """One lexicon entry.

    ``category`` is its main (first) category and ``categories`` all of them (a word counted
    in several categories, LIWC-style: a match counts once in each). ``metadata`` holds the
    entry's ``source``, ``note`` and ``meta``.
    """

    term: str
    category: str
    weight: float = 1.0
    case_sensitive: bool = False
    variants: Tuple[str, ...] = ()
    metadata: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    categories: Tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.categories:
            object.__setattr__(self, "categories", (self.category,))
        elif self.categories[0] != self.category:
            raise ValueError(f"Term {self.term!r}: category {self.category!r} must be the first "
                             f"of categories {self.categories!r}")


@dataclass(frozen=True)
class Contrast:
    """Competing names for one referent: option name -> the references that count for it, as
    written in the lexicon (a term's "term", meaning all its spellings, or one variant, meaning
    that spelling only; the more specific reference wins)."""

    name: str
    options: Dict[str, Tuple[str, ...]]
    description: Optional[str] = None
    metadata: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Actor:
    """Who is spoken of or who speaks, with the names they go by. Their mentions in a text are
    found (``Document.actor_mentions``); a match's ``target`` and a speaker's
    ``speaker_actor`` name them (docs/attributions.md)."""

    name: str
    aliases: Tuple[str, ...] = ()
    metadata: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _check_policy(on_duplicate: str) -> str:
    if on_duplicate not in DUPLICATE_POLICIES:
        raise ValueError(f"on_duplicate must be one of {', '.join(DUPLICATE_POLICIES)}, not "
                         f"{on_duplicate!r}")
    return on_duplicate


class Lexicon:
    """A validated, compiled lexicon (docs/lexicons.md). Immutable; share it freely.

    Build one with :meth:`from_file`, :meth:`from_json`, :meth:`from_dict`,
    :meth:`from_terms`, :func:`load_lexicon` or :func:`framelens.read_lexicon` (LIWC, YAML,
    CSV, word lists). The C core reads the lexicon once; every attribute here comes from it.

    Attributes: ``terms`` (:class:`Term`), ``categories`` (name -> the description, color,
    source, note and meta it was declared with), ``contrasts`` (:class:`Contrast`),
    ``exclude``, ``actors`` (:class:`Actor`), ``metadata`` (name, version, language,
    description, source, note, meta), ``duplicates`` (what ``on_duplicate`` did: terms
    dropped, terms merged, variants dropped) and ``source``.
    """

    __slots__ = ("_core", "terms", "categories", "contrasts", "exclude", "actors", "metadata",
                 "source", "duplicates", "_declared", "_refs", "_json", "_counts_shape",
                 "_cat_names", "_match_terms", "_columns", "_term_labels", "_actor_names",
                 "_label_dtypes")

    def __init__(self, core: "_core.Lexicon", source: str, text: Union[str, bytes, None] = None,
                 on_duplicate: str = "error"):
        self._core = core
        self.source = source
        # the text the lexicon was read from (it pickles as that, to Dask workers, processes)
        self._json: Optional[Tuple[Union[str, bytes], str]] = \
            (text, on_duplicate) if text is not None else None
        self._counts_shape: Any = None
        cat_rows = core.categories()
        names = [row[0] for row in cat_rows]
        self.categories: Dict[str, Dict[str, Any]] = {name: info for name, info, _ in cat_rows}
        # declared categories (under "categories") are all or none of them
        self._declared = any(declared for _, _, declared in cat_rows)
        self._cat_names = names
        # built as they are read: a lexicon of a million terms is there in a second, and
        # analysing reads the terms' columns (_term_table), not Term objects
        self.terms: Sequence[Term] = _TermList(self)
        self._match_terms: Optional[object] = None
        self._columns: Optional[tuple] = None
        self._term_labels: Optional[tuple] = None
        self._label_dtypes: Dict[str, Any] = {}
        contrasts = []
        refs = []
        for name, options, info in core.contrasts():
            refs.append((name, tuple((opt, tuple(r)) for opt, r in options)))
            meta = {k: v for k, v in info.items() if k != "description"}
            contrasts.append(Contrast(
                name, {opt: tuple(self._reference_text(t, s) for t, s in r) for opt, r in options},
                info.get("description"), meta))
        self.contrasts: Tuple[Contrast, ...] = tuple(contrasts)
        self._refs = tuple(refs)
        self.exclude: Tuple[str, ...] = tuple(core.exclusions())
        self.actors: Tuple[Actor, ...] = tuple(Actor(n, a, m) for n, a, m in core.actors())
        self._actor_names: Tuple[str, ...] = tuple(a.name for a in self.actors)
        self.metadata: Dict[str, Any] = core.metadata()
        dropped, merged, variants_dropped = core.duplicates()
        self.duplicates: Dict[str, int] = {"terms_dropped": dropped, "terms_merged": merged,
                                           "variants_dropped": variants_dropped}

    def _term_columns(self) -> Tuple[List[str], Any, Any, Any]:
        """Every term as columns: texts, main category index (int64), weight (float64),
        number of categories (int64); read from the core once."""
        if self._columns is None:
            import numpy as np
            names, cat, weight, ncat = self._core.term_columns()
            self._columns = (names, np.frombuffer(cat, dtype=np.uint32).astype(np.int64),
                             np.frombuffer(weight, dtype=np.float64),
                             np.frombuffer(ncat, dtype=np.uint32).astype(np.int64))
        return self._columns

    def _term_label_dtype(self) -> tuple:
        """(code of each term index, CategoricalDtype of the term names) for the term column of
        the tables; made once: pandas checks the categories are unique whenever a dtype is
        made, which took longer than the rest of a matches table at 100,000 terms. Two terms
        with the same name (one case-sensitive) share a category."""
        if self._term_labels is None:
            import numpy as np
            import pandas as pd
            names = self._term_columns()[0]
            unique = list(dict.fromkeys(names))
            if len(unique) == len(names):
                codes = np.arange(len(names), dtype=np.int64)
            else:
                at = {name: i for i, name in enumerate(unique)}
                codes = np.array([at[name] for name in names], dtype=np.int64)
            self._term_labels = (codes, pd.CategoricalDtype(pd.Index(unique)))
        return self._term_labels

    def _label_dtype(self, of: str) -> Any:
        """The CategoricalDtype of the tables' "category" or "actor" labels (columns.label_dtype),
        made once."""
        dtype = self._label_dtypes.get(of)
        if dtype is None:
            from .columns import label_dtype
            names = list(self.categories) if of == "category" else list(self._actor_names)
            dtype = self._label_dtypes[of] = label_dtype(names)
        return dtype

    def _term_table(self) -> object:
        """The term, category, weight and categories of every term index, kept compact in the
        core for building Match objects (_core.match_terms, read by _core.match_objects); made
        once, on first use. A tuple per term cost cache misses per match that grew with the
        lexicon."""
        if self._match_terms is None:
            self._match_terms = _core.match_terms(self._core, self._term_columns()[0])
        return self._match_terms

    def _reference_text(self, term: int, spelling: int) -> str:
        t = self.terms[term]
        return t.term if spelling < 0 else t.variants[spelling - 1]

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_json(cls, text: Union[str, bytes, bytearray, memoryview],
                  source: str = "<string>", on_duplicate: str = "error") -> "Lexicon":
        """Reads a lexicon from JSON text (str, or UTF-8 as bytes, bytearray or memoryview:
        undecoded, so that an invalid byte is an error naming its place). Raises
        :class:`LexiconError`
        naming the place (line:column and the path of the item).

        on_duplicate: what to do with a spelling that repeats an earlier one after folding:
        ``"error"`` (the default; the message names both places), ``"first"`` (the later one
        is dropped) or ``"merge"`` (a later term joins the earlier: its categories and other
        spellings are added; the first term's weight and metadata stay).
        """
        _check_policy(on_duplicate)
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                # named by line and column (from 1), as the core names every other error
                line = text.count("\n", 0, exc.start) + 1
                column = exc.start - text.rfind("\n", 0, exc.start)
                raise _lexicon_error(source, f"a lone surrogate (U+{ord(text[exc.start]):04X}) "
                                             "is not valid Unicode text",
                                     line=line, column=column) from None
        elif isinstance(text, (bytearray, memoryview)):
            text = bytes(text)  # the core reads str or bytes (immutable while it reads)
        elif not isinstance(text, bytes):
            raise TypeError(f"lexicon JSON must be str or bytes, not {type(text).__name__}")
        core = _core.Lexicon(text, source, on_duplicate)
        return cls(core, source, text, on_duplicate)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"],
                  on_duplicate: str = "error") -> "Lexicon":
        """Reads a lexicon file in the JSON format (for other formats see
        :func:`framelens.read_lexicon`). A missing file raises FileNotFoundError."""
        path = os.fspath(path)
        with open(path, "rb") as f:
            data = f.read()
        return cls.from_json(data, source=path, on_duplicate=on_duplicate)

    @classmethod
    def from_dict(cls, data: dict, source: str = "<dict>",
                  on_duplicate: str = "error") -> "Lexicon":
        """Builds a lexicon from a dict shaped like the JSON format. numpy numbers are
        accepted; values JSON cannot hold (NaN, infinities, sets, …) are a LexiconError
        naming their path. Errors name the path of the item (a dict has no lines)."""
        _check_policy(on_duplicate)
        if not isinstance(data, dict):
            raise _lexicon_error(source, f"expected a dict with \"terms\", not "
                                         f"{type(data).__name__}")
        text = json.dumps(_json_safe(data, source, "", 0), ensure_ascii=False,
                          allow_nan=False)
        try:
            return cls.from_json(text, source=source, on_duplicate=on_duplicate)
        except LexiconError as exc:
            # Places in the JSON text made from the dict mean nothing to the caller.
            raise _without_place(exc) from None

    @classmethod
    def from_terms(cls, terms: Any, category: Optional[str] = None, source: str = "<terms>",
                   on_duplicate: str = "error", name: Optional[str] = None) -> "Lexicon":
        """A lexicon from a list of terms: strings (all in ``category``), dicts shaped like the
        JSON format's term entries (``category`` fills in a missing one), :class:`Term`
        objects, or a pandas DataFrame with a ``term`` column and optional ``category``,
        ``weight``, ``variants`` ("a|b"), ``case_sensitive``, ``source`` and ``note`` columns
        (other columns go to ``meta``). Errors name the item (``terms[i]``)."""
        from .importers import from_terms
        return from_terms(terms, category=category, source=source, on_duplicate=on_duplicate,
                          name=name)

    # -- export -------------------------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """The lexicon in the JSON format, as a dict: loading it again (from_dict, or
        to_json and from_json) gives the same compiled lexicon. Duplicates the policy
        dropped or merged are resolved in it."""
        out: Dict[str, Any] = {}
        for key in ("name", "version", "language", "description", "source", "note", "meta"):
            if key in self.metadata:
                out[key] = self.metadata[key]
        if self._declared:
            out["categories"] = {name: dict(info) for name, info in self.categories.items()}
        terms = []
        for t in self.terms:
            entry: Dict[str, Any] = {"term": t.term}
            entry["category"] = t.category if len(t.categories) == 1 else list(t.categories)
            if t.weight != 1.0:
                entry["weight"] = t.weight
            if t.variants:
                entry["variants"] = list(t.variants)
            if t.case_sensitive:
                entry["case_sensitive"] = True
            entry.update(t.metadata)
            terms.append(entry)
        out["terms"] = terms
        if self.exclude:
            out["exclude"] = list(self.exclude)
        if self.contrasts:
            out["contrasts"] = []
            for c in self.contrasts:
                entry = {"name": c.name}
                if c.description is not None:
                    entry["description"] = c.description
                entry["options"] = {opt: list(refs) for opt, refs in c.options.items()}
                entry.update(c.metadata)
                out["contrasts"].append(entry)
        if self.actors:
            out["actors"] = []
            for a in self.actors:
                entry = {"name": a.name}
                if a.aliases:
                    entry["aliases"] = list(a.aliases)
                entry.update(a.metadata)
                out["actors"].append(entry)
        return out

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The lexicon as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def save(self, path: Union[str, "os.PathLike[str]"], indent: Optional[int] = 2) -> None:
        """Writes the lexicon to a JSON file (UTF-8)."""
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(self.to_json(indent=indent))
            f.write("\n")

    # -- inspection ---------------------------------------------------------------------
    @property
    def name(self) -> Optional[str]:
        return self.metadata.get("name")

    @property
    def version(self) -> Optional[str]:
        return self.metadata.get("version")

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        label = self.name or self.source
        return f"<Lexicon {label!r}: {len(self.terms)} terms, {len(self.categories)} categories>"

    def __reduce__(self):
        return (_lexicon_from_json, self._rebuild_args())

    def _rebuild_args(self) -> Tuple[Union[str, bytes], str, str]:
        """(text, source, on_duplicate) that from_json rebuilds this lexicon from: the text
        it was read from, or its to_json when it was made otherwise (pickling, and the Dask
        workers' cache of compiled lexicons, key on it)."""
        if self._json is None:
            self._json = (self.to_json(indent=None), "error")
        text, on_duplicate = self._json
        return text, self.source, on_duplicate

    def _repr_html_(self) -> str:
        from .display import lexicon_html
        return lexicon_html(self)


class _TermList(Sequence):
    """A lexicon's terms (a read-only sequence of :class:`Term`), each made from the core's
    data when first read."""

    __slots__ = ("_lexicon", "_items", "_n")

    def __init__(self, lexicon: "Lexicon"):
        self._lexicon = lexicon
        self._n: int = lexicon._core.term_count()
        self._items: Optional[List[Optional[Term]]] = None

    def __len__(self) -> int:
        return self._n

    def _load(self, start: int, stop: int) -> None:
        if self._items is None:
            self._items = [None] * self._n
        names = self._lexicon._cat_names
        rows = self._lexicon._core.terms(start, stop)
        for i, (term, cats, weight, cs, variants, meta) in enumerate(rows, start):
            cat_names = tuple(names[c] for c in cats)
            self._items[i] = Term(term, cat_names[0], weight, cs, variants, meta, cat_names)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._n)))
        i = index.__index__()
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("term index out of range")
        if self._items is None or self._items[i] is None:
            self._load(i, i + 1)
        return self._items[i]  # type: ignore[index]

    def __iter__(self):
        if self._items is None or None in self._items:
            self._load(0, self._n)
        return iter(self._items)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_TermList, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{self._n} terms>"


def _lexicon_from_json(text, source, on_duplicate="error"):
    return Lexicon.from_json(text, source, on_duplicate)


def _without_place(exc: "LexiconError") -> "LexiconError":
    """The same error without line and column (for input that had none: a dict)."""
    source = getattr(exc, "source", None) or "<dict>"
    path = getattr(exc, "path", None)
    detail = getattr(exc, "detail", None) or str(exc)
    if getattr(exc, "line", None) is None:
        return exc
    err = _lexicon_error(source, detail, path)
    err.item = getattr(exc, "item", None)
    return err


def _lexicon_error(source: str, detail: str, path: Optional[str] = None,
                   line: Optional[int] = None, column: Optional[int] = None) -> LexiconError:
    """A LexiconError with the attributes of DESIGN.md section 2, for errors found in Python,
    worded as the core words its own ("source:line:column: path: detail")."""
    place = f":{line}:{column}" if line is not None else ""
    where = f"{path}: " if path else ""
    err = LexiconError(f"{source}{place}: {where}{detail}")
    err.source, err.line, err.column, err.path, err.detail = source, line, column, path, detail
    err.item = None
    return err


# Nesting of a dict given to from_dict; below the C reader's 512 and far below Python's
# recursion limit (this walk recurses once per level).
_MAX_DICT_DEPTH = 256


def _short(path: str) -> str:
    return path if len(path) <= 120 else "…" + path[-119:]


def _json_safe(value: Any, source: str, path: str, depth: int, seen=None) -> Any:
    """value as plain JSON types (numpy scalars unwrapped), or a LexiconError naming where it
    cannot be."""
    if depth > _MAX_DICT_DEPTH:
        raise _lexicon_error(source, f"nested deeper than {_MAX_DICT_DEPTH} levels",
                             _short(path))
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _lexicon_error(source, f"a lone surrogate at index {exc.start} is not "
                                         "valid Unicode text", path) from None
        return value
    if isinstance(value, int):
        if value.bit_length() > 1000:  # JSON readers and Python's int() limit long ints
            raise _lexicon_error(source, "an integer too large for JSON", path)
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _lexicon_error(source, f"expected a finite number, not {value!r}", path)
        return value
    if isinstance(value, (dict, list, tuple)):
        seen = set() if seen is None else seen
        if id(value) in seen:
            raise _lexicon_error(source, "a circular reference (a container inside itself)",
                                 _short(path))
        seen.add(id(value))
        out: Any
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                if not isinstance(k, str):
                    raise _lexicon_error(source, f"keys must be strings, not "
                                                 f"{type(k).__name__} ({k!r})", _short(path))
                out[k] = _json_safe(v, source, f"{path}.{k}" if path else k, depth + 1, seen)
        else:
            out = []
            for i, v in enumerate(value):
                out.append(_json_safe(v, source, f"{path}[{i}]", depth + 1, seen))
        seen.discard(id(value))
        return out
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item) and getattr(value, "shape", None) == ():
        return _json_safe(item(), source, path, depth, seen)
    raise _lexicon_error(source, f"{type(value).__name__} cannot be written as JSON",
                         _short(path))


class _MatchFields(NamedTuple):
    term: str
    surface: str
    start: int
    end: int
    category: str
    weight: float
    voice: str
    sentence: int
    negated: bool = False
    categories: Tuple[str, ...] = ()
    spelling: int = 0
    # who says it and of whom (None where the match links no attribution or actor)
    speaker: Optional[str] = None
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None
    speaker_actor: Optional[str] = None
    cue: Optional[str] = None
    cue_lemma: Optional[str] = None
    target: Optional[str] = None


class Match(_MatchFields):
    """One occurrence of a lexicon term. ``start``/``end`` are offsets into the text.
    ``category`` is the term's main category, ``categories`` all of them; ``spelling`` says
    which spelling matched (0: the term itself, v + 1: its variant v).

    Who says it: a ``quoted`` or ``attributed`` match carries the attribution whose content
    holds it (the innermost): its ``speaker`` (text and offsets, None when nobody is named),
    the actor the speaker names (``speaker_actor``), the ``cue`` ("claims", "according to")
    and its lemma (``cue_lemma``: "claim"); all None for ``author`` matches and for
    quotations nobody is said to speak. ``target`` is the lexicon actor the match is said of
    (docs/attributions.md), or None.

    An immutable named tuple: ``Analyzer.analyze`` builds a document's matches in one call
    into the core; only the matches with a speaker or a target are completed in Python."""

    __slots__ = ()

    def __new__(cls, term: str, surface: str, start: int, end: int, category: str,
                weight: float, voice: str, sentence: int, negated: bool = False,
                categories: Sequence[str] = (), spelling: int = 0,
                speaker: Optional[str] = None, speaker_start: Optional[int] = None,
                speaker_end: Optional[int] = None, speaker_actor: Optional[str] = None,
                cue: Optional[str] = None, cue_lemma: Optional[str] = None,
                target: Optional[str] = None) -> "Match":
        cats = tuple(categories) if categories else (category,)
        return tuple.__new__(cls, (term, surface, start, end, category, weight, voice,
                                   sentence, negated, cats, spelling, speaker, speaker_start,
                                   speaker_end, speaker_actor, cue, cue_lemma, target))


ATTRIBUTION_KINDS = ("statement", "belief", "intention", "stance", "evidence", "perceived")


@dataclass(frozen=True)
class Attribution:
    """Who says (believes, wants) what: one attribution the voice stage found, whether or not a
    lexicon term stands in it (docs/voice.md, docs/attributions.md).

    ``speaker`` (None when nobody is named: "is expected to", "reportedly"), its offsets and
    the lexicon actor it names (``speaker_actor``); the ``cue`` ("has said", "according to",
    a headline's colon) with its offsets and lemma ("say"; "" when punctuation is the cue);
    the ``content`` (what is reported, with its offsets) and ``content2`` (its second piece
    when a cue interrupts it, "The plan, he said, will fail", or a passive's subject before
    its complement; a passive without one has its subject as ``content``);
    ``kind`` (statement, belief, intention, stance, evidence, perceived); ``voice``
    ("quoted" when the content opens with a quotation, else "attributed"); ``nested`` (it
    stands inside another attribution's content). Offsets are into the document's text."""

    sentence: int
    speaker: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    speaker_actor: Optional[str]
    cue: str
    cue_start: int
    cue_end: int
    cue_lemma: str
    content: str
    content_start: int
    content_end: int
    content2: Optional[str]
    content2_start: Optional[int]
    content2_end: Optional[int]
    kind: str
    voice: str
    nested: bool


@dataclass(frozen=True)
class ActorMention:
    """A mention of a lexicon actor (one of its names or aliases) in the text."""

    actor: str
    surface: str
    start: int
    end: int
    sentence: int


MARKER_KINDS = ("word", "scare_quotes")
_NONE = 0xFFFFFFFF  # no attribution, no actor (FL_NO_ATTRIBUTION, FL_NO_ACTOR)


@dataclass(frozen=True)
class Marker:
    """A distancing marker: a word such as "so-called" or "alleged" (kind "word"), or
    quotation marks around one to three words that nobody is said to speak
    (kind "scare_quotes"; the span includes the marks)."""

    kind: str
    surface: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Sentence:
    """A sentence span with its matches. ``n_tokens`` counts word tokens."""

    text: str
    start: int
    end: int
    n_tokens: int
    matches: Tuple[Match, ...]
    score: float
    index: int
    distancing: Tuple[Marker, ...] = ()

    @property
    def category_counts(self) -> Dict[str, int]:
        """Matches per category; a match of a term in several categories counts in each."""
        return dict(Counter(c for m in self.matches for c in m.categories))


class Document:
    """The analysis of one text: its sentences and matches.

    ``Analyzer.analyze`` fills it with the core's raw rows; the Sentence, Match and Marker
    objects are built on first access (most callers read only some of them), so analysing
    costs little more than the C core."""

    __slots__ = ("text", "_sentences", "_matches", "_raw", "_terms", "lexicon",
                 "_attributions")

    def __init__(self, text: str, sentences: Optional[List[Sentence]] = None,
                 matches: Optional[List[Match]] = None, lexicon: Optional["Lexicon"] = None):
        self.text = text
        self._sentences = sentences
        self._matches = matches
        self._raw: Optional[tuple] = None
        self._terms: object = None
        self._attributions: Optional[List[Attribution]] = None
        self.lexicon = lexicon  # for colours and for selecting by category or contrast

    @classmethod
    def _from_core(cls, text: str, raw: tuple, terms: object,
                   lexicon: Optional["Lexicon"] = None) -> "Document":
        """raw: the packed rows of _core.analyze; terms: the lexicon's _term_table()."""
        # __init__'s keyword handling cost as much as the rest of a short document's objects
        doc = cls.__new__(cls)
        doc.text = text
        doc._sentences = doc._matches = doc._attributions = None
        doc._raw = raw
        doc._terms = terms
        doc.lexicon = lexicon
        return doc

    @property
    def matches(self) -> List[Match]:
        if self._matches is None:
            if self._raw is None:
                self._matches = []
            else:
                self._matches = _core.match_objects(
                    self.text, self._raw[1], self._terms, VOICES, Match, self._raw[3],
                    self._actor_names())
        return self._matches

    @matches.setter
    def matches(self, value: List[Match]) -> None:
        self._matches = value

    def _sentence_rows(self) -> List[tuple]:
        return list(struct.iter_unpack(_core.SENTENCE_FORMAT, self._raw[0])) \
            if self._raw is not None else []

    def _actor_names(self) -> Tuple[str, ...]:
        return self.lexicon._actor_names if self.lexicon is not None else ()

    @property
    def attributions(self) -> List[Attribution]:
        """Every attribution in the text (who says what, by which cue), in the order found,
        whether or not a lexicon term stands in it."""
        if self._attributions is None:
            text = self.text
            actors = self._actor_names()
            rows, lemmas = self._raw[3] if self._raw else (b"", ())
            out = []
            for (ss, se, cs, ce, ts, te, t2s, t2e, si, sp_actor, lemma, kind, voice,
                 nested) in struct.iter_unpack(_core.ATTRIBUTION_FORMAT, rows):
                out.append(Attribution(
                    si, text[ss:se] if se > ss else None, ss if se > ss else None,
                    se if se > ss else None,
                    actors[sp_actor] if sp_actor != _NONE else None,
                    text[cs:ce], cs, ce, lemmas[lemma], text[ts:te], ts, te,
                    text[t2s:t2e] if t2e > t2s else None, t2s if t2e > t2s else None,
                    t2e if t2e > t2s else None, ATTRIBUTION_KINDS[kind], VOICES[voice],
                    bool(nested)))
            self._attributions = out
        return self._attributions

    @property
    def actor_mentions(self) -> List[ActorMention]:
        """The mentions of the lexicon's actors, in text order (no matches: they count in no
        statistic)."""
        actors = self._actor_names()
        return [ActorMention(actors[a], self.text[s:e], s, e, si)
                for s, e, a, si in (self._raw[4] if self._raw else ())]

    @property
    def sentences(self) -> List[Sentence]:
        if self._sentences is None:
            text = self.text
            matches = self.matches
            raw_markers = struct.iter_unpack(_core.MARKER_FORMAT, self._raw[2]) \
                if self._raw is not None else ()
            markers = [Marker(MARKER_KINDS[kind], text[start:end], start, end, si)
                       for start, end, si, kind in raw_markers]
            sentences = []
            for i, (start, end, score, n_tokens, first, count, mfirst,
                    mcount) in enumerate(self._sentence_rows()):
                sentences.append(Sentence(text[start:end], start, end, n_tokens,
                                          tuple(matches[first:first + count]), score, i,
                                          tuple(markers[mfirst:mfirst + mcount])))
            self._sentences = sentences
        return self._sentences

    @sentences.setter
    def sentences(self, value: List[Sentence]) -> None:
        self._sentences = value

    @property
    def n_tokens(self) -> int:
        if self._sentences is None and self._raw is not None:
            return sum(s[3] for s in self._sentence_rows())
        return sum(s.n_tokens for s in self.sentences)

    @property
    def score(self) -> float:
        if self._sentences is None and self._raw is not None:
            return sum(s[2] for s in self._sentence_rows())
        return sum(s.score for s in self.sentences)

    @property
    def category_counts(self) -> Dict[str, int]:
        """Matches per category; a match of a term in several categories counts in each."""
        return dict(Counter(c for m in self.matches for c in m.categories))

    def kwic(self, term: Union[None, str, Sequence[str]] = None, *,
             category: Union[None, str, Sequence[str]] = None,
             contrast: Optional[str] = None, option: Optional[str] = None,
             window: int = 5, voice: Union[None, str, Sequence[str]] = None,
             negated: Optional[bool] = None, n: Optional[int] = None,
             seed: Optional[int] = 0, lexicon: Optional["Lexicon"] = None):
        """Keyword in context, as :meth:`framelens.Corpus.kwic`: one row per selected match
        with ``window`` words either side (within its sentence) and the whole sentence.
        Selecting by term, category or contrast needs the lexicon, which a Document from
        :meth:`Analyzer.analyze` knows."""
        from .evidence import document_kwic
        return document_kwic(self, lexicon or self.lexicon, term=term, category=category,
                             contrast=contrast, option=option, window=window, voice=voice,
                             negated=negated, n=n, seed=seed)

    def _repr_html_(self) -> str:
        from .display import document_html
        return document_html(self)

    def __repr__(self) -> str:
        return (f"<Document: {len(self.sentences)} sentences, {self.n_tokens} tokens, "
                f"{len(self.matches)} matches>")


def _as_text(text: Union[str, bytes, bytearray, memoryview]) -> str:
    """A text as str: the one way framelens reads text given as bytes (bytes, bytearray,
    memoryview), wherever it takes a text: UTF-8, invalid bytes replaced by U+FFFD. The C
    core takes str only."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    return text


class Analyzer:
    """Analyses texts against one lexicon. Thread-safe: share one between threads."""

    __slots__ = ("lexicon", "_terms")

    def __init__(self, lexicon: Lexicon):
        if not isinstance(lexicon, Lexicon):
            raise TypeError(f"Analyzer needs a framelens.Lexicon, not {type(lexicon).__name__}")
        self.lexicon = lexicon
        self._terms: Optional[object] = None

    def analyze(self, text: Union[str, bytes, bytearray, memoryview]) -> Document:
        """Splits text into sentences and finds every lexicon term (DESIGN.md section 3).

        Bytes (bytes, bytearray, memoryview) are decoded as UTF-8 with invalid bytes replaced
        by U+FFFD, as everywhere framelens takes a text.
        """
        if type(text) is not str:
            text = _as_text(text)
        terms = self._terms
        if terms is None:
            terms = self._terms = self.lexicon._term_table()
        return Document._from_core(text, _core.analyze(self.lexicon._core, text), terms,
                                   self.lexicon)

    def __reduce__(self):
        return (Analyzer, (self.lexicon,))

    def analyze_corpus(self, records, text: str = "text",
                       group: Union[None, str, Sequence[str]] = "outlet",
                       id: Optional[str] = "id", threads: Optional[int] = None,
                       skip_invalid: bool = False, progress=None,
                       keep: Optional[Sequence[str]] = None, date: Optional[str] = None,
                       period: Optional[str] = None, texts: str = "matched",
                       dedupe: Optional[str] = None, dedupe_keep: str = "group",
                       dedupe_options: Optional[Dict[str, Any]] = None,
                       attributions: str = "all"):
        """Analyses many documents on worker threads; returns a :class:`framelens.Corpus`.

        records: an iterable of dicts (streamed in batches) or a pandas DataFrame.
        text, group, id: field names. ``group`` may list several fields
        (``["outlet", "year"]``: one group per combination, labelled "outlet | year");
        ``group=None`` puts every record in one group "all". The document id (``doc_id``)
        is the ``id`` field; for a DataFrame without that column (or with ``id=None``) it is
        the DataFrame's index label; for other records ``id=None`` numbers them (so does
        the default "id" when the first record has no such field).
        keep: fields carried into every table (date, url, title, ...).
        date, period: a date field (carried, as datetime64) and a pandas period alias
        ("M", "Q", "Y", "W", ...) that adds the date's period to the group.
        texts: what is kept of the texts for the evidence (kwic, examples, sentence text):
        "matched" (default) the sentences that hold a match, "all" every sentence,
        "none" nothing.
        threads: threads that analyse, the calling one included (default: all cores; with
        more than one, ``threads - 1`` workers analyse while this thread reads the records,
        and it analyses beside them when it waits for them). progress: True shows a progress bar
        (tqdm.auto: a widget in Jupyter), or a callable called with (documents,
        characters) after each batch.
        A text given as bytes is decoded as :meth:`analyze` does. A record without the text
        or group field, or whose text is not a str, raises a ``RecordError`` (a ValueError)
        naming the record (counted from 1) and the field, unless ``skip_invalid=True``,
        which skips it and counts it in ``corpus.skipped``.
        dedupe: copies counted once (docs/duplicates-and-switches.md): ``"mark"`` finds the
        clusters of near-duplicate documents (``corpus.duplicates``, a ``cluster`` column in
        the sentences, matches and attributions), ``"drop"`` also keeps one document per
        cluster, so that
        every count and comparison counts each story once per group
        (``dedupe_keep="group"``, the default: a wire story reprinted by three outlets still
        counts for each) or once overall (``dedupe_keep="all"``: for the group of its first
        document). The MinHash signatures are made batch by batch as the records stream.
        ``dedupe_options``: shingle, num_hashes, seed, threshold, containment, bands, rows
        (see :func:`framelens.dedupe.find_duplicates`).
        attributions: ``"all"`` (default) finds every attribution (who says what, with or
        without a term: ``corpus.attributions``, ``cue_table()``); ``"matched"`` keeps only
        those that hold a match, and skips the attribution rules in the sentences that can
        decide no match's voice: the matches (voice, speaker, cue, target), sentences,
        counts and comparisons are the same, in a third to a half less time on news with
        lexicons of 100 to 1,000 terms (a tenth to a fifth less at 100,000); ``cue_table()``
        then raises.
        """
        from .corpus import analyze_corpus
        return analyze_corpus(self, records, text=text, group=group, id=id, threads=threads,
                              skip_invalid=skip_invalid, progress=progress, keep=keep,
                              date=date, period=period, texts=texts, dedupe=dedupe,
                              dedupe_keep=dedupe_keep, dedupe_options=dedupe_options,
                              attributions=attributions)

    def __repr__(self) -> str:
        return f"<Analyzer {self.lexicon!r}>"


def split_sentences(text: Union[str, bytes, bytearray, memoryview]) -> List[str]:
    """The sentences of a text as framelens segments them (no lexicon needed)."""
    text = _as_text(text)
    raw_sents = _core.analyze(None, text)[0]
    return [text[s[0]:s[1]] for s in struct.iter_unpack(_core.SENTENCE_FORMAT, raw_sents)]


_BUNDLED = os.path.join(os.path.dirname(__file__), "lexicons")


def bundled_lexicons() -> List[str]:
    """Names of the lexicons shipped with framelens."""
    return sorted(f[:-5] for f in os.listdir(_BUNDLED) if f.endswith(".json"))


def load_lexicon(name: Union[str, "os.PathLike[str]"], on_duplicate: str = "error") -> Lexicon:
    """A bundled lexicon by name (see :func:`bundled_lexicons`), or a lexicon file path in
    any format :func:`framelens.read_lexicon` reads, chosen by its extension (the JSON
    format when the extension is none of those)."""
    _check_policy(on_duplicate)
    name = os.fspath(name)
    candidate = os.path.join(_BUNDLED, f"{name}.json")
    if os.sep not in name and "/" not in name and os.path.exists(candidate):
        return Lexicon.from_file(candidate, on_duplicate=on_duplicate)
    if os.path.exists(name):
        from .importers import EXTENSIONS, read_lexicon
        if os.path.splitext(name)[1].lower() not in EXTENSIONS:
            return Lexicon.from_file(name, on_duplicate=on_duplicate)  # the JSON format
        return read_lexicon(name, on_duplicate=on_duplicate)
    raise FileNotFoundError(
        f"no bundled lexicon or file named {name!r}; bundled: {', '.join(bundled_lexicons())}")
