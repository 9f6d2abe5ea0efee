"""A slow, plain reference of docs/matching.md: tokens, folding and leftmost-longest matching.

Written from the contract in docs/matching.md (and DESIGN.md section 3), not from the C code,
so that test_differential.py can compare framelens against an independent reading. Each
function is a direct transcription of one paragraph of the document; none of it is fast.

Where the document leaves a case open, the reading chosen here is marked "READING:" and the
test generators avoid relying on it unless noted.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

WORD, CLITIC, HYPHEN, PUNCT = 0, 1, 2, 3

APOSTROPHES = "'\u2019\u02bc\u2018`"  # ' ’ ʼ ‘ `
HYPHENS = "-\u2010\u2011\u2012\u2013"  # - ‐ ‑ ‒ –
# "any Unicode space separator, line or paragraph separator, tab, line feed, vertical tab,
# form feed, carriage return, U+0085"
_EXTRA_SPACES = "\t\n\x0b\x0c\r\x85"


# -- character classes ------------------------------------------------------------------
def is_space(ch: str) -> bool:
    return ch in _EXTRA_SPACES or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def is_letter(ch: str) -> bool:
    # U+02BC ʼ is a modifier letter (Lm) but the contract lists it among the apostrophes.
    return ch not in APOSTROPHES and unicodedata.category(ch).startswith("L")


def is_digit(ch: str) -> bool:
    # READING: "digits" are all numbers (Nd, Nl, No): "5th", "x²".
    return unicodedata.category(ch).startswith("N")


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def is_format(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf"


def is_alnum(ch: str) -> bool:
    return is_letter(ch) or is_digit(ch)


def is_word_char(ch: str) -> bool:
    """A character that can continue a word run: letter, digit or combining mark."""
    return is_alnum(ch) or is_mark(ch)


# -- tokens -----------------------------------------------------------------------------
def _at(text: str, i: int) -> Optional[str]:
    return text[i] if 0 <= i < len(text) else None


def _starts_clitic(text: str, i: int) -> bool:
    """An apostrophe at i followed by s/S and then a non-word character (or the end)."""
    if text[i] not in APOSTROPHES:
        return False
    s = _at(text, i + 1)
    if s is None or s not in "sS":
        return False
    after = _at(text, i + 2)
    return after is None or not is_word_char(after)


_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _lost_space(text: str, i: int) -> bool:
    """docs/matching.md: a period with two lower-case ASCII letters before it and, after it, a
    capitalised ASCII word (a capital and lower-case letters) that ends at a space, the end or
    an ASCII punctuation mark other than . @ _ / - ' is a sentence end that lost its space."""
    if i < 2 or text[i - 1] not in _ASCII_LOWER or text[i - 2] not in _ASCII_LOWER:
        return False
    if _at(text, i + 1) not in _ASCII_UPPER or _at(text, i + 2) not in _ASCII_LOWER:
        return False
    j = i + 3
    while j < len(text) and text[j] in _ASCII_LOWER:
        j += 1
    if j == len(text):
        return True
    end = text[j]
    return end.isascii() and not end.isalnum() and end not in "._@/-'"


def tokenize(text: str) -> List[Tuple[int, int, int]]:
    """(start, end, kind) for every token, code point offsets.

    Rules, in the order docs/matching.md gives them:
    - whitespace separates tokens and belongs to none;
    - a word is a run of letters, digits and combining marks, continued by the joiners:
      an apostrophe between two letters/digits (unless it starts a clitic), a period or
      '@' between two letters/digits (not a period that lost its space: _lost_space), a
      comma between two digits, a format character;
    - a clitic is an apostrophe + s/S followed by a non-word character or the end; it is
      split off the token before it.  READING: only when attached to a preceding token
      (not at the start of the text or after whitespace: " 's" is punct "'" + word "s");
    - a hyphen (- ‐ ‑ ‒ –) with a non-space character on both sides is a hyphen token;
      otherwise (spaced, or at the text's edge) it is punctuation;
    - any other character is a one-character punct token with the combining marks after it.
    """
    toks: List[Tuple[int, int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if is_space(ch):
            i += 1
            continue
        if is_alnum(ch):
            j = i + 1
            while j < n:
                c = text[j]
                prev = text[j - 1]
                nxt = _at(text, j + 1)
                if is_word_char(c):
                    j += 1
                elif is_format(c):
                    # READING: a format character continues a word in progress.
                    j += 1
                elif c in APOSTROPHES:
                    if _starts_clitic(text, j):
                        break
                    if is_word_char(prev) and nxt is not None and is_alnum(nxt):
                        j += 1
                    else:
                        break
                elif c in ".@":
                    if c == "." and _lost_space(text, j):
                        break
                    if is_word_char(prev) and nxt is not None and is_alnum(nxt):
                        j += 1
                    else:
                        break
                elif c == ",":
                    if is_digit(prev) and nxt is not None and is_digit(nxt):
                        j += 1
                    else:
                        break
                else:
                    break
            toks.append((i, j, WORD))
            i = j
            continue
        # a clitic follows a token without space, or stands at the very start of the text
        # (docs/matching.md: "'s" alone is a clitic, so a term "'s" has no word)
        if ch in APOSTROPHES and (i == 0 or not is_space(text[i - 1])) and \
                _starts_clitic(text, i):
            toks.append((i, i + 2, CLITIC))
            i += 2
            continue
        if ch in HYPHENS:
            before, after = _at(text, i - 1), _at(text, i + 1)
            if before is not None and after is not None and not is_space(before) \
                    and not is_space(after):
                toks.append((i, i + 1, HYPHEN))
                i += 1
                continue
        j = i + 1
        while j < n and is_mark(text[j]):
            j += 1
        toks.append((i, j, PUNCT))
        i = j
    return toks


# -- folding ----------------------------------------------------------------------------
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _unify_variants(s: str) -> str:
    out = []
    for ch in s:
        if ch in APOSTROPHES:
            out.append("'")
        elif ch in HYPHENS:
            out.append("-")
        elif is_format(ch):
            continue  # "Format characters (soft hyphen, zero-width joiner, …) are ignored."
        else:
            out.append(ch)
    return "".join(out)


def fold(s: str) -> str:
    """The folded form: NFD, full case folding, marks dropped after Latin and Greek bases,
    NFC, ё → е, apostrophe and hyphen variants unified, format characters dropped."""
    s = unicodedata.normalize("NFD", s)
    s = s.casefold()
    s = unicodedata.normalize("NFD", s)
    out = []
    base = ""
    for ch in s:
        if is_mark(ch):
            if base in ("LATIN", "GREEK"):
                continue
            out.append(ch)
            continue
        base = _script(ch)
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out))
    s = s.replace("\u0451", "\u0435")  # ё → е (Ё was folded to ё above)
    return _unify_variants(s)


def cs_key(s: str) -> str:
    """The comparison form of a case-sensitive term: NFC of the original characters, with the
    apostrophe and hyphen variants still equal.  READING: format characters are ignored here
    too (the folding paragraph says they are ignored; the case-sensitive one is silent)."""
    return _unify_variants(unicodedata.normalize("NFC", s))


# -- terms ------------------------------------------------------------------------------
MAX_TERM_TOKENS = 32


class TermSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Pattern:
    """One spelling (the term or a variant) as a token sequence."""

    entry: int  # index of the lexicon entry (canonical term)
    kinds: Tuple[int, ...]
    keys: Tuple[str, ...]  # folded, or cs_key when case_sensitive
    wild: Tuple[bool, ...]
    case_sensitive: bool

    @property
    def n_wild(self) -> int:
        return sum(self.wild)


def term_tokens(term: str) -> List[Tuple[str, int, bool]]:
    """(surface, kind, wildcard) of a term's tokens; a '*' directly after a word makes it a
    prefix. Raises TermSyntaxError like the lexicon loader must."""
    out: List[Tuple[str, int, bool]] = []
    prev_end = -1
    prev_kind = None
    for start, end, kind in tokenize(term):
        surface = term[start:end]
        if surface == "*" and kind == PUNCT:
            if prev_kind == WORD and prev_end == start and out and not out[-1][2]:
                s, k, _ = out[-1]
                out[-1] = (s, k, True)
                prev_kind = None
                continue
            raise TermSyntaxError(f"{term!r}: '*' must directly follow a word")
        out.append((surface, kind, False))
        prev_end, prev_kind = end, kind
    if not any(k == WORD for _, k, _ in out):
        raise TermSyntaxError(f"{term!r} has no word")
    if len(out) > MAX_TERM_TOKENS:
        raise TermSyntaxError(f"{term!r} has too many tokens")
    return out


def compile_pattern(entry: int, spelling: str, case_sensitive: bool) -> Pattern:
    toks = term_tokens(spelling)
    key = cs_key if case_sensitive else fold
    return Pattern(entry, tuple(k for _, k, _ in toks), tuple(key(s) for s, _, _ in toks),
                   tuple(w for _, _, w in toks), case_sensitive)


@dataclass
class RefLexicon:
    terms: List[str]
    weights: List[float]
    categories: List[str]
    patterns: List[Pattern]
    excludes: List[Pattern]


def compile_lexicon(data: dict) -> RefLexicon:
    """Compiles a lexicon dict (DESIGN.md section 2) for the reference matcher. Assumes the
    dict is valid; it does not reproduce the loader's error checks beyond term syntax."""
    terms, weights, cats, patterns = [], [], [], []
    for i, t in enumerate(data["terms"]):
        cs = bool(t.get("case_sensitive", False))
        terms.append(t["term"])
        weights.append(float(t.get("weight", 1.0)))
        cats.append(t["category"])
        for spelling in [t["term"], *t.get("variants", [])]:
            patterns.append(compile_pattern(i, spelling, cs))
    excludes = [compile_pattern(-1, e, False) for e in data.get("exclude", [])]
    return RefLexicon(terms, weights, cats, patterns, excludes)


# -- matching ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RefMatch:
    start: int  # code point offsets into the text
    end: int
    terms: FrozenSet[str]  # canonical terms the contract allows here (>1 only on open ties)
    weight: float
    category: str


def _token_matches(p: Pattern, i: int, kind: int, folded: str, cs: str) -> bool:
    if p.kinds[i] != kind:
        return False  # a hyphen is not a spaced dash; a clitic is not a word
    have = cs if p.case_sensitive else folded
    want = p.keys[i]
    return have.startswith(want) if p.wild[i] else have == want


def _occurrences(p: Pattern, toks: Sequence[Tuple[int, int, int]], folded: Sequence[str],
                 cs: Sequence[str], lo: int, hi: int) -> Iterable[Tuple[int, int]]:
    """(first token, one past last token) of every occurrence of p in toks[lo:hi]."""
    n = len(p.keys)
    for s in range(lo, hi - n + 1):
        if all(_token_matches(p, k, toks[s + k][2], folded[s + k], cs[s + k]) for k in range(n)):
            yield s, s + n


def find_matches(lex: RefLexicon, text: str,
                 sentence_spans: Sequence[Tuple[int, int]]) -> List[RefMatch]:
    """Leftmost-longest matches of docs/matching.md, sentence by sentence.

    For each sentence: find every exclusion occurrence and every term occurrence inside it;
    drop the term occurrences that overlap an exclusion occurrence; then scan from the first
    token: the longest occurrence starting at the token wins (ties: fewer wildcard tokens,
    then case-sensitive over folded), the scan resumes after it; otherwise the next token.
    READING: exclusions are looked for inside each sentence, like terms.
    When the contract's tie rules leave several terms, all are reported in ``terms``.
    """
    toks = tokenize(text)
    folded = [fold(text[a:b]) for a, b, _ in toks]
    cs = [cs_key(text[a:b]) for a, b, _ in toks]
    out: List[RefMatch] = []
    for s_start, s_end in sentence_spans:
        idx = [i for i, (a, b, _) in enumerate(toks) if a >= s_start and b <= s_end]
        if not idx:
            continue
        lo, hi = idx[0], idx[-1] + 1
        assert idx == list(range(lo, hi)), "a sentence must hold a contiguous run of tokens"
        blocked = set()
        for e in lex.excludes:
            for a, b in _occurrences(e, toks, folded, cs, lo, hi):
                blocked.update(range(a, b))
        by_start: Dict[int, List[Tuple[int, Pattern]]] = {}
        for p in lex.patterns:
            for a, b in _occurrences(p, toks, folded, cs, lo, hi):
                if blocked.intersection(range(a, b)):
                    continue
                by_start.setdefault(a, []).append((b, p))
        i = lo
        while i < hi:
            cands = by_start.get(i)
            if not cands:
                i += 1
                continue
            best_end = max(b for b, _ in cands)
            cands = [p for b, p in cands if b == best_end]
            fewest = min(p.n_wild for p in cands)
            cands = [p for p in cands if p.n_wild == fewest]
            if any(p.case_sensitive for p in cands):
                cands = [p for p in cands if p.case_sensitive]
            entries = sorted({p.entry for p in cands})
            # Entries left tied must agree on weight and category for the reference to give
            # one answer for those; the comparison checks only the term when they differ.
            e0 = entries[0]
            out.append(RefMatch(toks[i][0], toks[best_end - 1][1],
                                frozenset(lex.terms[e] for e in entries),
                                lex.weights[e0], lex.categories[e0]))
            i = best_end
    return out


def word_count(text: str, start: int, end: int) -> int:
    """n_tokens of a span: its word tokens."""
    return sum(1 for a, b, k in tokenize(text) if k == WORD and a >= start and b <= end)
