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
import collections
import csv
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

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


# -- PolNeAR: reported speech per word token, on text others annotated ----------------------
POLNEAR_PATH = REPO_ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
PARTS = ("tune", "measure")


def polnear_part(article_id: str) -> str:
    """The half of the training split an article belongs to, fixed by a hash of its id:
    "tune" (rules may be tuned on it) or "measure" (only ever measured on)."""
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16)
    return PARTS[h % 2]


def load_polnear(path: Path = POLNEAR_PATH) -> List[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def word_analyzer(texts: Iterable[str]):
    """An Analyzer whose lexicon holds every distinct word of the texts, so that every word
    token is a match of its own and its voice can be read off the match."""
    fl = import_framelens()
    from framelens import _core
    words: Dict[str, str] = {}
    for text in texts:
        for start, end, kind, _sentence in _core.tokens(text):
            if kind == 0:
                w = text[start:end]
                words.setdefault(_core.fold(w), w)
    lex = fl.Lexicon.from_dict({"name": "every-word", "terms": [
        {"term": w, "category": "word"} for w in words.values()]})
    return fl.Analyzer(lex)


class Tally:
    """A confusion of reported speech per word token: gold (reported or not) by framelens
    voice, and the derived accuracy, precision, recall and F1 of "reported"."""

    def __init__(self) -> None:
        self.n: Dict[Tuple[bool, str], int] = collections.Counter()

    def add(self, gold: bool, voice: str) -> None:
        self.n[(gold, voice)] += 1

    def __iadd__(self, other: "Tally") -> "Tally":
        self.n.update(other.n)
        return self

    def scores(self, reported: Tuple[str, ...] = ("quoted", "attributed")) -> Dict[str, float]:
        tp = sum(v for (g, voice), v in self.n.items() if g and voice in reported)
        fp = sum(v for (g, voice), v in self.n.items() if not g and voice in reported)
        fn = sum(v for (g, voice), v in self.n.items() if g and voice not in reported)
        tn = sum(v for (g, voice), v in self.n.items() if not g and voice not in reported)
        total = tp + fp + fn + tn
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"tokens": total, "gold": (tp + fn) / total if total else 0.0,
                "accuracy": (tp + tn) / total if total else 0.0, "precision": p, "recall": r,
                "f1": 2 * p * r / (p + r) if p + r else 0.0}


def polnear_token_voices(article: dict, analyzer) -> Iterator[Tuple[bool, str, int, int]]:
    """(gold reported, framelens voice, start, end) for every word token of an article.

    Alignment: framelens' word tokens (the tokens counted in n_tokens) against PolNeAR's
    Content spans, both in code point offsets of the same text. A token is reported speech
    in the gold standard when its first character lies inside a Content span (a token that a
    span boundary cuts, which is rare, counts by where it starts). Its framelens voice is the
    voice of the match the every-word lexicon makes of it.
    """
    text = article["text"]
    inside = bytearray(len(text) + 1)
    for label, start, end in article["spans"]:
        if label == "Content":
            inside[start:end] = b"\x01" * (end - start)
    doc = analyzer.analyze(text)
    for m in doc.matches:
        yield bool(inside[m.start]), m.voice, m.start, m.end


def evaluate_polnear(articles: List[dict], analyzer=None):
    """Tallies per part ("tune", "measure") and per publisher, for framelens."""
    analyzer = analyzer or word_analyzer(a["text"] for a in articles)
    by_part = {p: Tally() for p in PARTS}
    by_publisher: Dict[str, Tally] = collections.defaultdict(Tally)
    for a in articles:
        t = Tally()
        for gold, voice, _s, _e in polnear_token_voices(a, analyzer):
            t.add(gold, voice)
        by_part[polnear_part(a["id"])] += t
        by_publisher[a["publisher"]] += t
    return by_part, dict(by_publisher)


def polnear_f1(path: Path = POLNEAR_PATH, part: Optional[str] = None) -> float:
    """Token F1 of reported speech on the PolNeAR training split (or one part of it)."""
    by_part, _ = evaluate_polnear(load_polnear(path))
    t = Tally()
    for p in PARTS:
        if part in (None, p):
            t += by_part[p]
    return t.scores()["f1"]


def report_polnear(path: Path) -> None:
    articles = load_polnear(path)
    by_part, by_pub = evaluate_polnear(articles)
    whole = Tally()
    for p in PARTS:
        whole += by_part[p]
    n_art = collections.Counter(polnear_part(a["id"]) for a in articles)
    print(f"PolNeAR training split: {len(articles)} articles ({path})")
    print("reported speech per word token: framelens (quoted or attributed) and the "
          "quotes-only baseline (quoted)")
    head = (f"{'part':<14}{'articles':>9}{'tokens':>9}{'gold':>7}{'acc':>7}{'P':>7}{'R':>7}"
            f"{'F1':>7}{'quotes F1':>11}")
    print(head)
    rows = [(p, n_art[p], by_part[p]) for p in PARTS] + [("whole", len(articles), whole)]
    for name, n, t in rows:
        s, q = t.scores(), t.scores(("quoted",))
        print(f"{name:<14}{n:>9}{s['tokens']:>9}{s['gold']:>7.3f}{s['accuracy']:>7.3f}"
              f"{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{q['f1']:>11.3f}")
    print()
    print("by publisher (whole split); confusion: gold reported / own words by framelens voice")
    print(f"{'publisher':<14}{'acc':>7}{'P':>7}{'R':>7}{'F1':>7}{'quotes F1':>11}   "
          f"{'reported: author/quoted/attributed':<36}{'own words: author/quoted/attributed'}")
    for pub in sorted(by_pub):
        t = by_pub[pub]
        s, q = t.scores(), t.scores(("quoted",))
        rep = "/".join(str(t.n[(True, v)]) for v in VOICES)
        own = "/".join(str(t.n[(False, v)]) for v in VOICES)
        print(f"{pub:<14}{s['accuracy']:>7.3f}{s['precision']:>7.3f}{s['recall']:>7.3f}"
              f"{s['f1']:>7.3f}{q['f1']:>11.3f}   {rep:<36}{own}")


# -- headlines: colon prefixes, source suffixes ---------------------------------------------
HEADLINES_PATH = REPO_ROOT.parent / "shared" / "data" / "sputnik_kyivindependent_headlines" / \
    "headlines.tsv"
HEADLINE_LABELS = REPO_ROOT / "tests" / "data" / "headline_voice.jsonl"


def load_headlines(path: Path = HEADLINES_PATH) -> List[dict]:
    """The rows of headlines.tsv (outlet, domain, date_from_url, date_raw, url, title)."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_headline_labels(path: Path = HEADLINE_LABELS) -> List[dict]:
    """The team's labels: per headline (a row of headlines.tsv, checked by the first 16 hex
    digits of its title's SHA-256, so that the labels hold no text of the data, and its word
    count) its colon prefix (speaker, section, kicker or none, and its length in word tokens)
    and the voice of some of its word tokens (0-based among the headline's word tokens).
    "part" is the labelling round: "first" (the rules were tuned on it), "second" (labelled
    after, measured, then tuned on), "third" (labelled after that and measured blind, before
    the last fixes), "fourth" (a fixed random draw of 25 headlines per outlet, labelled by
    reading before framelens ran on them, measured blind, then tuned on)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def title_digest(title: str) -> str:
    """The key a headline label checks its row by: 16 hex digits of the title's SHA-256."""
    return hashlib.sha256(title.encode("utf-8")).hexdigest()[:16]


def word_voices(text: str, analyzer) -> List[str]:
    """The voice framelens gives each word token of text (with an every-word analyzer)."""
    from framelens import _core
    starts = [s for s, _e, kind, _ in _core.tokens(text) if kind == 0]
    voice = {m.start: m.voice for m in analyzer.analyze(text).matches}
    return [voice.get(s, MISSING) for s in starts]


def evaluate_headlines(rows: Optional[List[dict]] = None,
                       labels: Optional[List[dict]] = None):
    """(label, the labelled headline's voices per word token, wrong tokens) per label.

    Raises ValueError when a label no longer fits its row (another title or word count)."""
    rows = load_headlines() if rows is None else rows
    labels = load_headline_labels() if labels is None else labels
    titles = [rows[lab["row"]]["title"] for lab in labels]
    analyzer = word_analyzer(titles)
    out = []
    for lab, title in zip(labels, titles, strict=True):
        voices = word_voices(title, analyzer)
        if title_digest(title) != lab["title_sha256"] or len(voices) != lab["words"]:
            raise ValueError(f"headline label for row {lab['row']} does not fit the data "
                             f"(title digest or word count differs)")
        wrong = [(i, want, voices[i]) for i, want in lab["tokens"] if voices[i] != want]
        out.append((lab, voices, wrong))
    return out


def headline_accuracy(results) -> Tuple[float, float]:
    """Share of labelled headlines with every labelled token right, and of tokens."""
    heads = sum(1 for _lab, _v, wrong in results if not wrong)
    toks = sum(len(lab["tokens"]) for lab, _v, _w in results)
    bad = sum(len(wrong) for _lab, _v, wrong in results)
    return heads / len(results), (toks - bad) / toks


def section_labels_attributed(results) -> List[int]:
    """Rows of headlines whose section label ("Analysis:", "Ukraine war latest:") has a word
    framelens does not give the author's voice."""
    return [lab["row"] for lab, voices, _w in results if lab["prefix"] == "section"
            and any(v != "author" for v in voices[:lab["prefix_words"]])]


def voice_shares(rows: List[dict], lexicon=None) -> Dict[str, Dict[str, float]]:
    """Per outlet, the share of its matches in each voice: with the given lexicon, or of its
    word tokens (every word a match) when lexicon is None."""
    fl = import_framelens()
    analyzer = fl.Analyzer(lexicon) if lexicon is not None else \
        word_analyzer(r["title"] for r in rows)
    counts: Dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        for m in analyzer.analyze(r["title"]).matches:
            counts[r["outlet"]][m.voice] += 1
    return {o: {v: c[v] / max(1, sum(c.values())) for v in VOICES} | {"matches": sum(c.values())}
            for o, c in sorted(counts.items())}


def report_headlines(path: Path, show_failures: bool) -> None:
    rows = load_headlines(path)
    results = evaluate_headlines(rows)
    heads, toks = headline_accuracy(results)
    n = len(results)
    by_outlet = collections.Counter(lab["outlet"] for lab, _v, _w in results)
    print(f"Headlines ({path.name}): {n} labelled ("
          + ", ".join(f"{o} {k}" for o, k in sorted(by_outlet.items())) + ")")
    print(f"  headlines with every labelled token right: {heads:.1%}; tokens: {toks:.1%}")
    for part in ("first", "second", "third", "fourth"):
        sub = [(lab, v, w) for lab, v, w in results if lab.get("part") == part]
        if sub:
            ok = sum(1 for _lab, _v, w in sub if not w)
            print(f"  labelling round {part:<7} {ok:>3}/{len(sub):<3} {ok / len(sub):6.1%}")
    for kind in ("speaker", "section", "kicker", "none"):
        sub = [(lab, v, w) for lab, v, w in results if lab["prefix"] == kind]
        if sub:
            ok = sum(1 for _lab, _v, w in sub if not w)
            print(f"  colon prefix {kind:<8} {ok:>3}/{len(sub):<3}")
    bad = section_labels_attributed(results)
    print(f"  section labels given a voice other than author: {len(bad)}")
    if show_failures:
        for lab, _voices, wrong in results:
            if wrong:
                title = rows[lab["row"]]["title"]
                print(f"    row {lab['row']}: {title}")
                print(f"      wrong (token, label, framelens): {wrong}; {lab['note']}")
    fl = import_framelens()
    lexicons = [("every word", None)]
    for name in ("ru-ua-conflict", "conflict-demo"):
        if name in fl.bundled_lexicons():
            lexicons.append((name, fl.load_lexicon(name)))
            break
    for name, lex in lexicons:
        print(f"  share of each outlet's matches per voice ({name}; all {len(rows)} headlines):")
        for outlet, sh in voice_shares(rows, lex).items():
            print(f"    {outlet:<22} " + "  ".join(f"{v} {sh[v]:6.1%}" for v in VOICES)
                  + f"  ({sh['matches']} matches)")


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
    ap.add_argument("--polnear", type=Path, default=POLNEAR_PATH,
                    help="PolNeAR training split (JSON Lines)")
    ap.add_argument("--headlines", type=Path, default=HEADLINES_PATH,
                    help="Sputnik / Kyiv Independent headlines (TSV)")
    args = ap.parse_args(argv)
    cases = load_cases(args.data)
    try:
        results = evaluate(cases)
    except ImportError as e:
        print(f"framelens unavailable: {e}")
        return 1
    print(f"team's labelled set: {len(cases)} cases from {args.data}")
    report(results, args.failures)
    print()
    if args.polnear.is_file():
        report_polnear(args.polnear)
    else:
        print(f"PolNeAR skipped: {args.polnear} is absent")
    print()
    if args.headlines.is_file():
        report_headlines(args.headlines, args.failures)
    else:
        print(f"headlines skipped: {args.headlines} is absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
