"""Voice benchmark: does framelens say whose words each loaded term is?

Reads the labelled cases in ``tests/data/voice_sentences.jsonl`` (one JSON object a line:
``id``, ``text``, ``term``, ``occurrence``, ``voice``, ``note``), builds one lexicon holding
every case term (category ``"x"``; terms that fold to the same form are entered once, since
two cases may use the same term), analyses each text with ``framelens.Analyzer`` and compares
the ``voice`` of the match found at the case's term with the label.

Which match belongs to a case: the ``occurrence``-th whole-word, case-insensitive occurrence
of ``term`` in ``text`` gives a span; the match overlapping that span most is taken (so a
case still finds its match when a longer lexicon term from another case swallowed it). If
no match overlaps, the ``occurrence``-th match whose ``surface`` or ``term`` equals the case
term case-insensitively is taken. A case with no match at all counts as wrong ("missing").

Usage::

    python benchmarks/voice.py              # accuracy overall, per voice, confusion matrix
    python benchmarks/voice.py --failures   # also list the wrong cases

From pytest::

    from benchmarks.voice import voice_accuracy   # or load the file with importlib
    assert voice_accuracy() >= 0.95

Standard library only (plus framelens).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_PATH = REPO_ROOT / "tests" / "data" / "voice_sentences.jsonl"
VOICES = ("author", "quoted", "attributed")
MISSING = "missing"

_APOSTROPHES = "'\u2019\u02bc\u2018`"
_HYPHENS = "-\u2010\u2011\u2012\u2013"


def import_framelens():
    """Import framelens, falling back to the source tree's python/ folder."""
    try:
        import framelens
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "python"))
        try:
            import framelens  # noqa: F811
        finally:
            sys.path.pop(0)
    for name in ("Lexicon", "Analyzer"):
        if not hasattr(framelens, name):
            raise ImportError(f"framelens has no {name} yet")
    return framelens


def load_cases(path: Path = DATA_PATH) -> List[dict]:
    cases = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                c = json.loads(line)
                if c["voice"] not in VOICES:
                    raise ValueError(f"case {c['id']}: unknown voice {c['voice']!r}")
                cases.append(c)
    return cases


def fold(term: str) -> str:
    """Approximate framelens folding (docs/matching.md) to fold duplicate terms away.

    Case folding; diacritics dropped except on Cyrillic letters (ё = е); apostrophe and
    in-word hyphen variants made equal; runs of whitespace made one space.
    """
    out: List[str] = []
    base_is_cyrillic = False
    for ch in unicodedata.normalize("NFD", term):
        if unicodedata.combining(ch):
            if base_is_cyrillic:
                out.append(ch)
            continue
        base_is_cyrillic = "CYRILLIC" in unicodedata.name(ch, "")
        out.append(ch)
    s = unicodedata.normalize("NFC", "".join(out)).casefold()
    s = s.replace("ё", "е")
    s = "".join("'" if c in _APOSTROPHES else "-" if c in _HYPHENS else c for c in s)
    return " ".join(s.split())


def build_lexicon_dict(cases: List[dict]) -> dict:
    seen: Dict[str, str] = {}
    for c in cases:
        seen.setdefault(fold(c["term"]), c["term"])
    return {"name": "voice-benchmark", "version": "1",
            "terms": [{"term": t, "category": "x"} for t in seen.values()]}


def term_span(text: str, term: str, occurrence: int) -> Optional[Tuple[int, int]]:
    pat = r"(?<!\w)" + re.escape(term) + r"(?!\w)"
    spans = [m.span() for m in re.finditer(pat, text, flags=re.IGNORECASE)]
    if len(spans) < occurrence:
        return None
    return spans[occurrence - 1]


def find_match(doc, case: dict):
    matches = list(doc.matches)
    span = term_span(case["text"], case["term"], case["occurrence"])
    if span is not None:
        best, best_overlap = None, 0
        for m in matches:
            overlap = min(m.end, span[1]) - max(m.start, span[0])
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        if best is not None:
            return best
    want = fold(case["term"])
    same = [m for m in matches if fold(m.surface) == want or fold(m.term) == want]
    if len(same) >= case["occurrence"]:
        return same[case["occurrence"] - 1]
    return None


def evaluate(cases: Optional[List[dict]] = None):
    """Return a list of (case, predicted voice or "missing", match) for every case."""
    fl = import_framelens()
    cases = load_cases() if cases is None else cases
    lex = fl.Lexicon.from_dict(build_lexicon_dict(cases))
    analyzer = fl.Analyzer(lex)
    results = []
    for c in cases:
        doc = analyzer.analyze(c["text"])
        m = find_match(doc, c)
        results.append((c, MISSING if m is None else m.voice, m))
    return results


def voice_accuracy(path: Optional[Path] = None) -> float:
    """Share of the labelled cases whose match carries the labelled voice (0..1).

    Raises ImportError when framelens (with Lexicon and Analyzer) cannot be imported.
    """
    results = evaluate(load_cases(path or DATA_PATH))
    return sum(1 for c, got, _ in results if got == c["voice"]) / len(results)


def report(results, show_failures: bool) -> None:
    n = len(results)
    right = sum(1 for c, got, _ in results if got == c["voice"])
    print(f"voice accuracy: {right}/{n} = {100.0 * right / n:.1f}%")
    print()
    for v in VOICES:
        rows = [(c, got) for c, got, _ in results if c["voice"] == v]
        ok = sum(1 for c, got in rows if got == v)
        pct = 100.0 * ok / len(rows) if rows else float("nan")
        print(f"  {v:<10} {ok:>3}/{len(rows):<3} {pct:5.1f}%")
    cols = list(VOICES) + [MISSING]
    conf = {(g, p): 0 for g in VOICES for p in cols}
    for c, got, _ in results:
        conf[(c["voice"], got if got in cols else MISSING)] += 1
    print()
    print("confusion matrix (rows: label, columns: framelens)")
    w = max(len(x) for x in cols) + 2
    print(" " * 12 + "".join(p.rjust(w) for p in cols))
    for g in VOICES:
        print(g.ljust(12) + "".join(str(conf[(g, p)]).rjust(w) for p in cols))
    if show_failures:
        wrong = [(c, got, m) for c, got, m in results if got != c["voice"]]
        print(f"\n{len(wrong)} wrong case(s):")
        for c, got, m in wrong:
            print(f"\n[{c['id']}] expected {c['voice']}, got {got}")
            print(f"  text: {json.dumps(c['text'], ensure_ascii=False)}")
            print(f"  term: {json.dumps(c['term'], ensure_ascii=False)} "
                  f"(occurrence {c['occurrence']})"
                  + (f"; matched {json.dumps(m.surface, ensure_ascii=False)} "
                     f"at {m.start}:{m.end}" if m is not None else ""))
            print(f"  note: {c['note']}")


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--failures", action="store_true", help="list the wrong cases")
    ap.add_argument("--data", type=Path, default=DATA_PATH, help="case file (JSON Lines)")
    args = ap.parse_args(argv)
    cases = load_cases(args.data)
    try:
        results = evaluate(cases)
    except ImportError as e:
        print(f"framelens unavailable: {e}")
        return 1
    print(f"{len(cases)} cases from {args.data}")
    report(results, args.failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
