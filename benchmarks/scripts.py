"""Speed by script: the anchors' generated news in Latin and in Cyrillic letters.

Researchers of Russian and Ukrainian media analyse text that is nearly all Cyrillic, where
every word goes through the paths past ASCII (two-byte UTF-8, a str stored as UCS-2, Unicode
folding). The corpus and the 1,000-term lexicon of benchmarks/newsgen.py are written a second
time with every ASCII letter mapped to a Cyrillic one of the same case (the terms mapped the
same way, so that they still match), and each version is timed as
bench_anchors.py times the tools (one child process a tool and a round, warm-up on 20
documents, MB/s of UTF-8 text from CPU time, medians of ``--runs`` rounds that alternate the
tools): framelens on one thread (``analyze_corpus``, matched attributions, its matches
table), the pyahocorasick pipeline and flashtext. Real Russian has other word lengths and
morphology; the letters' paths through the code are the same.

    python benchmarks/scripts.py [--size-mb 8] [--runs 3]
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_anchors  # noqa: E402

import newsgen  # noqa: E402

LATIN = "abcdefghijklmnopqrstuvwxyz"
# one Cyrillic letter for each Latin one (none twice: the lexicon's terms stay distinct)
CYRILLIC = "абцдефгхийклмнопярстувшжыз"
SCRIPTS = {
    "Latin": str.maketrans("", ""),
    "Cyrillic": str.maketrans(LATIN + LATIN.upper(), CYRILLIC + CYRILLIC.upper()),
}
TOOLS = ("framelens-1", "pyahocorasick", "flashtext")


def mapped(lexicon: dict, table: dict) -> dict:
    """The lexicon with its terms, variants and exclusions mapped; a term that then spells
    one before it (a mapped "Kiev" is the Cyrillic term "Киев") is left out."""
    def key(text: str) -> str:
        return text.lower().replace("ё", "е")

    seen = set()
    terms = []
    for t in lexicon["terms"]:
        t = dict(t, term=t["term"].translate(table))
        if "variants" in t:
            t["variants"] = [v.translate(table) for v in t["variants"]]
        keys = {key(t["term"]), *map(key, t.get("variants", []))}
        if keys & seen:
            continue
        seen |= keys
        terms.append(t)
    return dict(lexicon, terms=terms,
                exclude=[x.translate(table) for x in lexicon.get("exclude", [])])


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float, default=8.0)
    ap.add_argument("--terms", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    vocab = newsgen.Vocabulary()
    records = list(newsgen.documents(args.size_mb, vocab=vocab))
    lexicon = newsgen.lexicon(args.terms, vocab=vocab)
    with tempfile.TemporaryDirectory(prefix="framelens-scripts-") as tmp:
        files = {}
        for name, table in SCRIPTS.items():
            corpus = Path(tmp) / f"{name}.jsonl"
            with open(corpus, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(dict(r, text=r["text"].translate(table)),
                                       ensure_ascii=False) + "\n")
            lex = Path(tmp) / f"{name}-lexicon.json"
            lex.write_text(json.dumps(mapped(lexicon, table), ensure_ascii=False),
                           encoding="utf-8")
            files[name] = (corpus, lex)
        got: Dict[tuple, List[dict]] = {}
        for _ in range(args.runs):
            for name, (corpus, lex) in files.items():
                for tool in TOOLS:
                    r = bench_anchors.run_child(tool, corpus, lex, 1, 1, 600.0)
                    got.setdefault((name, tool), []).append(r)
    print(f"{args.size_mb:g} MB of generated news a script, {args.terms:,} terms, one thread, "
          f"MB/s of UTF-8 from CPU time, median of {args.runs} alternating rounds; "
          f"{bench_anchors.machine()}\n")
    print("| script | MB of UTF-8 | framelens | pyahocorasick pipeline | flashtext + split | "
          "framelens / pyahocorasick | framelens / flashtext | matches (framelens) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in SCRIPTS:
        mbs: Dict[str, Optional[float]] = {}
        for tool in TOOLS:
            runs = got[(name, tool)]
            bad = [r["error"] for r in runs if "error" in r]
            if bad:
                mbs[tool] = None
                print(f"({name}, {tool}: {bad[0]})")
                continue
            mbs[tool] = statistics.median(r["bytes"] / 1e6 / r["cpu"] for r in runs)
        first = got[(name, "framelens-1")][0]
        fl = mbs["framelens-1"]
        ratios = ["—" if fl is None or mbs[peer] is None else f"{fl / mbs[peer]:.1f}×"
                  for peer in ("pyahocorasick", "flashtext")]
        cells = ["—" if mbs[t] is None else f"{mbs[t]:.1f}" for t in TOOLS]
        print(f"| {name} | {first.get('bytes', 0) / 1e6:.1f} | {' | '.join(cells)} | "
              f"{' | '.join(ratios)} | {first.get('matches', 0):,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
