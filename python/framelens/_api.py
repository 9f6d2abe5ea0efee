"""The single-document API: Lexicon, Analyzer, Document, Sentence, Match."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _core

LexiconError = _core.LexiconError

VOICES = ("author", "quoted", "attributed")

_KNOWN_TOP = ("name", "version", "language", "description", "categories", "terms", "exclude",
              "contrasts")
_KNOWN_TERM = ("term", "category", "weight", "variants", "case_sensitive")


@dataclass(frozen=True)
class Term:
    """One lexicon entry. ``metadata`` keeps every other key of the entry (note, source…)."""

    term: str
    category: str
    weight: float = 1.0
    case_sensitive: bool = False
    variants: Tuple[str, ...] = ()
    metadata: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Contrast:
    """Competing names for one referent: option name -> canonical terms."""

    name: str
    options: Dict[str, Tuple[str, ...]]


class Lexicon:
    """A validated, compiled lexicon (DESIGN.md section 2). Immutable; share it freely.

    Build one with :meth:`from_file`, :meth:`from_json`, :meth:`from_dict` or
    :func:`load_lexicon`.
    """

    __slots__ = ("_core", "terms", "categories", "contrasts", "exclude", "metadata", "source",
                 "_term_index", "_json")

    def __init__(self, core: "_core.Lexicon", raw: Optional[dict], source: str,
                 text: Union[str, bytes] = b""):
        self._core = core
        self._json = text  # kept so a lexicon pickles (to Dask workers, processes)
        self.source = source
        cats = core.categories()
        raw = raw if isinstance(raw, dict) else {}
        raw_terms = raw.get("terms") if isinstance(raw.get("terms"), list) else []
        terms = []
        for i, (term, cat, weight, cs, variants) in enumerate(core.terms()):
            extra = {}
            if i < len(raw_terms) and isinstance(raw_terms[i], dict):
                extra = {k: v for k, v in raw_terms[i].items() if k not in _KNOWN_TERM}
            terms.append(Term(term, cats[cat], weight, cs, variants, extra))
        self.terms: Tuple[Term, ...] = tuple(terms)
        raw_cats = raw.get("categories") if isinstance(raw.get("categories"), dict) else {}
        self.categories: Dict[str, Any] = {c: raw_cats.get(c, {}) for c in cats}
        self.contrasts: Tuple[Contrast, ...] = tuple(
            Contrast(name, {opt: tuple(self.terms[t].term for t in idx) for opt, idx in options})
            for name, options in core.contrasts())
        self.exclude: Tuple[str, ...] = tuple(raw.get("exclude") or ())
        self.metadata: Dict[str, Any] = {k: v for k, v in raw.items() if k not in _KNOWN_TOP}
        for key in ("name", "version", "language", "description"):
            value = core.meta(key)
            if value is not None:
                self.metadata[key] = value
        self._term_index = {t.term: i for i, t in enumerate(self.terms)}

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_json(cls, text: Union[str, bytes], source: str = "<string>") -> "Lexicon":
        """Parses a lexicon from JSON text. Raises :class:`LexiconError` naming the place."""
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise _lexicon_error(source, f"character {exc.start}: a lone surrogate is not "
                                             "valid Unicode text") from None
        elif not isinstance(text, (bytes, bytearray)):
            raise TypeError(f"lexicon JSON must be str or bytes, not {type(text).__name__}")
        core = _core.Lexicon(text, source)
        # The C loader validated the text strictly (RFC 8259, UTF-8, no duplicate keys, at
        # most 512 levels), so Python's reader sees the same document; it only adds the
        # metadata C does not keep.
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8")
        try:
            raw = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError) as exc:  # e.g. an integer of 5,000 digits
            raise _lexicon_error(source, f"cannot read the lexicon's metadata: {exc}") from None
        return cls(core, raw, source, text)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Lexicon":
        """Reads a lexicon file. A missing file raises FileNotFoundError."""
        path = os.fspath(path)
        with open(path, "rb") as f:
            data = f.read()
        return cls.from_json(data, source=path)

    @classmethod
    def from_dict(cls, data: dict, source: str = "<dict>") -> "Lexicon":
        """Builds a lexicon from a dict shaped like the JSON format. numpy numbers are
        accepted; values JSON cannot hold (NaN, infinities, sets, …) are a LexiconError
        naming their path."""
        if not isinstance(data, dict):
            raise _lexicon_error(source, f"expected a dict with \"terms\", not "
                                         f"{type(data).__name__}")
        text = json.dumps(_json_safe(data, source, "", 0), ensure_ascii=False,
                          allow_nan=False)
        return cls.from_json(text, source=source)

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
        return (_lexicon_from_json, (self._json, self.source))

    def _repr_html_(self) -> str:
        from .display import lexicon_html
        return lexicon_html(self)


def _lexicon_from_json(text, source):
    return Lexicon.from_json(text, source)


def _lexicon_error(source: str, detail: str, path: Optional[str] = None) -> LexiconError:
    """A LexiconError with the attributes of DESIGN.md section 2, for errors found in Python."""
    where = f"{path}: " if path else ""
    err = LexiconError(f"{source}: {where}{detail}")
    err.source, err.line, err.column, err.path, err.detail = source, None, None, path, detail
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
            raise _lexicon_error(source, f"character {exc.start}: a lone surrogate is not "
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


@dataclass(frozen=True)
class Match:
    """One occurrence of a lexicon term. ``start``/``end`` are offsets into the text."""

    term: str
    surface: str
    start: int
    end: int
    category: str
    weight: float
    voice: str
    sentence: int
    negated: bool = False


MARKER_KINDS = ("word", "scare_quotes")


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
        return dict(Counter(m.category for m in self.matches))


class Document:
    """The analysis of one text: its sentences and matches.

    ``Analyzer.analyze`` fills it with the core's raw rows; the Sentence, Match and Marker
    objects are built on first access (most callers read only some of them), so analysing
    costs little more than the C core."""

    __slots__ = ("text", "_sentences", "_matches", "_raw", "_terms", "lexicon")

    def __init__(self, text: str, sentences: Optional[List[Sentence]] = None,
                 matches: Optional[List[Match]] = None, lexicon: Optional["Lexicon"] = None):
        self.text = text
        self._sentences = sentences
        self._matches = matches
        self._raw: Optional[tuple] = None
        self._terms: Tuple[Term, ...] = ()
        self.lexicon = lexicon  # for colours and for selecting by category or contrast

    @classmethod
    def _from_core(cls, text: str, raw: tuple, terms: Tuple[Term, ...],
                   lexicon: Optional["Lexicon"] = None) -> "Document":
        doc = cls(text, lexicon=lexicon)
        doc._raw = raw
        doc._terms = terms
        return doc

    @property
    def matches(self) -> List[Match]:
        if self._matches is None:
            text, terms = self.text, self._terms
            matches = []
            for start, end, ti, si, voice, negated in (self._raw[1] if self._raw else ()):
                t = terms[ti]
                matches.append(Match(t.term, text[start:end], start, end, t.category,
                                     t.weight, VOICES[voice], si, bool(negated)))
            self._matches = matches
        return self._matches

    @matches.setter
    def matches(self, value: List[Match]) -> None:
        self._matches = value

    @property
    def sentences(self) -> List[Sentence]:
        if self._sentences is None:
            text = self.text
            raw_sents, _, raw_markers = self._raw if self._raw else ((), (), ())
            matches = self.matches
            markers = [Marker(MARKER_KINDS[kind], text[start:end], start, end, si)
                       for start, end, si, kind in raw_markers]
            sentences = []
            for i, (start, end, n_tokens, score, first, count, mfirst,
                    mcount) in enumerate(raw_sents):
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
            return sum(s[2] for s in self._raw[0])
        return sum(s.n_tokens for s in self.sentences)

    @property
    def score(self) -> float:
        if self._sentences is None and self._raw is not None:
            return sum(s[3] for s in self._raw[0])
        return sum(s.score for s in self.sentences)

    @property
    def category_counts(self) -> Dict[str, int]:
        return dict(Counter(m.category for m in self.matches))

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


def _as_text(text: Union[str, bytes, bytearray]) -> str:
    if isinstance(text, (bytes, bytearray)):
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
        self._terms = lexicon.terms

    def analyze(self, text: Union[str, bytes]) -> Document:
        """Splits text into sentences and finds every lexicon term (DESIGN.md section 3).

        ``bytes`` are decoded as UTF-8 with invalid bytes replaced by U+FFFD.
        """
        text = _as_text(text)
        return Document._from_core(text, _core.analyze(self.lexicon._core, text), self._terms,
                                  self.lexicon)

    def __reduce__(self):
        return (Analyzer, (self.lexicon,))

    def analyze_corpus(self, records, text: str = "text",
                       group: Union[None, str, Sequence[str]] = "outlet",
                       id: Optional[str] = "id", threads: Optional[int] = None,
                       skip_invalid: bool = False, progress=None,
                       keep: Optional[Sequence[str]] = None, date: Optional[str] = None,
                       period: Optional[str] = None, texts: str = "matched"):
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
        threads: worker threads (default: all cores). progress: True shows a progress bar
        (tqdm.auto: a widget in Jupyter), or a callable called with (documents,
        characters) after each batch.
        A record without the text or group field, or whose text is not a str, raises a
        ``RecordError`` (a ValueError) naming the record and the field, unless
        ``skip_invalid=True``, which skips it and counts it in ``corpus.skipped``.
        """
        from .corpus import analyze_corpus
        return analyze_corpus(self, records, text=text, group=group, id=id, threads=threads,
                              skip_invalid=skip_invalid, progress=progress, keep=keep,
                              date=date, period=period, texts=texts)

    def __repr__(self) -> str:
        return f"<Analyzer {self.lexicon!r}>"


def split_sentences(text: Union[str, bytes]) -> List[str]:
    """The sentences of a text as framelens segments them (no lexicon needed)."""
    text = _as_text(text)
    raw_sents, _, _ = _core.analyze(None, text)
    return [text[s[0]:s[1]] for s in raw_sents]


_BUNDLED = os.path.join(os.path.dirname(__file__), "lexicons")


def bundled_lexicons() -> List[str]:
    """Names of the lexicons shipped with framelens."""
    return sorted(f[:-5] for f in os.listdir(_BUNDLED) if f.endswith(".json"))


def load_lexicon(name: str) -> Lexicon:
    """A bundled lexicon by name (see :func:`bundled_lexicons`), or a lexicon file path."""
    candidate = os.path.join(_BUNDLED, f"{name}.json")
    if os.sep not in name and "/" not in name and os.path.exists(candidate):
        return Lexicon.from_file(candidate)
    if os.path.exists(name):
        return Lexicon.from_file(name)
    raise FileNotFoundError(
        f"no bundled lexicon or file named {name!r}; bundled: {', '.join(bundled_lexicons())}")
