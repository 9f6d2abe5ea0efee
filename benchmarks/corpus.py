"""Corpus benchmark: throughput and peak memory of framelens on >= 200 MB of news-like text,
against what a researcher would do instead.

The corpus is generated (seeded) as one JSON Lines file in a temporary folder: documents of
news-like sentences from several outlets, each outlet with its own habits, with lexicon
terms of the bundled ``conflict-demo`` lexicon sprinkled in at a fixed rate per MB.

Each measurement runs in a fresh child process (this script with ``--child``) that reports
its own wall time (from the first byte read to the last result, interpreter start-up and
imports excluded) and its peak resident memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss``).
"RSS - baseline" subtracts the peak of a child that imports the same modules (framelens,
numpy, pandas, pyarrow) and loads the lexicon but reads nothing.

Methods:
- ``framelens API``: records streamed from the file (``json.loads`` line by line, a
  generator) into ``Analyzer.analyze_corpus(..., threads=N)``; then ``compare()`` and the
  ``matches`` DataFrame.
- ``framelens CLI``: ``framelens analyze IN --lexicon conflict-demo -o OUT.parquet``.
- ``pandas + regex``: ``pandas.read_json(lines=True)``, then per term one case-insensitive
  word-boundary regex counted with ``Series.str.count`` and summed per outlet, plus a token
  count (``\\w+``) per outlet for the rates: what a researcher writes in a notebook.
- ``pure Python regex``: stream the file line by line, one alternation regex of all terms
  (longest first) with ``finditer``, counts per outlet: the low-memory way without framelens.

Throughput is input MB (10^6 bytes of the JSONL file) per second, the median of ``--runs``
runs (default 3). Memory: the same framelens API run on a half-size and a full-size input
with the same matches per MB, and on a full-size input with no lexicon term at all, next to
the size of the result columns framelens keeps (the output): peak memory should follow the
output, not the input held twice.

Usage::

    python benchmarks/corpus.py                  # 200 MB, 3 runs (about 5-8 minutes)
    python benchmarks/corpus.py --size-mb 20     # a quick look
    python benchmarks/corpus.py --threads 1

Needs framelens (built in place: python/ is put on sys.path), numpy, pandas, pyarrow.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent
LEXICON = "conflict-demo"
OUTLETS = ("RT", "Sputnik", "TASS", "BBC", "Reuters", "Kyiv Independent")

# -- the generated corpus --------------------------------------------------------------------
_WORDS = """government officials announced monday tuesday wednesday thursday friday new
measures would take effect next week after talks between ministers in the capital region
forces reported heavy fighting near the front line while civilians left their homes in
several villages the ministry of defence released figures on losses equipment and drones
analysts expect prices for energy and grain to rise further as sanctions tighten on exports
parliament voted to approve the budget despite objections from opposition lawmakers who
called for more spending on schools hospitals and roads the president met foreign leaders
at a summit to discuss security guarantees aid packages and reconstruction of damaged
infrastructure including bridges power plants railway stations water supply networks
residents described long queues for fuel bread medicine as winter approached temperatures
fell below zero humanitarian groups warned of shortages across eastern southern areas
journalists were not allowed to visit the site where the strike hit an apartment building
investigators are examining fragments to determine what kind of missile was used the
central bank kept interest rates unchanged citing inflation risks weak currency markets
farmers harvested wheat corn sunflower seeds despite mines in fields and damaged storage
talks on a ceasefire stalled again as both sides accused each other of violating previous
agreements observers from international organisations said they could not verify reports
the mayor urged people to stay in shelters during air raid alerts which sounded overnight
a court sentenced two men to prison for espionage and sabotage on behalf of foreign
services prosecutors said the evidence included messages photographs and bank transfers
""".split()
_NAMES = ("Moscow", "Washington", "Brussels", "Berlin", "Warsaw", "London", "Paris", "Geneva",
          "Kharkiv", "Odesa", "Zaporizhzhia", "Crimea", "Belgorod", "Kursk", "Minsk", "Ankara")

# What each outlet says for the lexicon's referents (surfaces of conflict-demo terms).
_TERMS_BY_OUTLET = {
    "RT": ["Kiev", "Kiev", "Kiev regime", "Donbass", "special military operation",
           "coup d'état", "junta", "liberated", "DPR", "so-called"],
    "Sputnik": ["Kiev", "Kiev regime", "Donbass", "special military operation", "liberation",
                "DPR", "self-proclaimed", "Kiev-controlled"],
    "TASS": ["Kiev", "Donbass", "special military operation", "liberated", "DPR"],
    "BBC": ["Kyiv", "Kyiv", "Donbas", "full-scale invasion", "claimed", "so-called"],
    "Reuters": ["Kyiv", "Kyiv's", "Donbas", "full-scale invasion", "claims"],
    "Kyiv Independent": ["Kyiv", "Kyiv", "Donbas", "full-scale invasion",
                         "Revolution of Dignity", "aggressor country", "self-proclaimed"],
}


def _sentence(rng: random.Random, insert: Optional[str]) -> str:
    n = rng.randint(8, 30)
    words = [rng.choice(_WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        words[rng.randrange(n)] = rng.choice(_NAMES)
    if insert is not None:
        words.insert(rng.randint(1, n), insert)
    s = " ".join(words)
    s = s[0].upper() + s[1:] + "."
    r = rng.random()
    if r < 0.1:
        s = "\u201c" + s[:-1] + ",\u201d an official said."
    elif r < 0.2:
        s = s[:-1] + ", according to local media."
    return s


def generate(path: Path, size_mb: float, seed: int, with_terms: bool = True,
             terms_per_sentence: float = 0.08) -> Dict[str, int]:
    """Writes ~size_mb MB of JSON Lines (id, outlet, title, text); returns what it wrote."""
    rng = random.Random(seed)
    plain = [_sentence(rng, None) for _ in range(40_000)]
    with_term = {o: [_sentence(rng, rng.choice(ts)) for _ in range(4_000)]
                 for o, ts in _TERMS_BY_OUTLET.items()}
    target = int(size_mb * 1_000_000)
    written = 0
    docs = 0
    sentences = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            outlet = OUTLETS[docs % len(OUTLETS)]
            k = rng.randint(6, 30)
            picked = []
            for _ in range(k):
                if with_terms and rng.random() < terms_per_sentence:
                    picked.append(rng.choice(with_term[outlet]))
                else:
                    picked.append(rng.choice(plain))
            # paragraphs of a few sentences
            paras = [" ".join(picked[i:i + 4]) for i in range(0, k, 4)]
            rec = {"id": f"{outlet[:3].lower()}-{docs}", "outlet": outlet,
                   "title": rng.choice(plain)[:80], "text": "\n\n".join(paras)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
            sentences += k
    return {"bytes": written, "docs": docs, "sentences": sentences}


# -- the children -----------------------------------------------------------------------------
def _import_framelens():
    try:
        import framelens
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "python"))
        import framelens  # noqa: F811
    return framelens


def _maxrss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024.0 if sys.platform != "darwin" else kb / 2**20


def _stream(path: str):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _term_regex(term: str, case_sensitive: bool) -> "re.Pattern":
    """A word-boundary regex for a lexicon term, as a researcher would write it."""
    parts = []
    for word in term.split():
        star = word.endswith("*")
        w = re.escape(word[:-1] if star else word).replace("\\'", "['\u2019]")
        parts.append(w + (r"\w*" if star else ""))
    body = r"\s+".join(parts)
    return re.compile(r"\b" + body + r"\b", 0 if case_sensitive else re.IGNORECASE)


def child(mode: str, path: str, threads: int, out: Optional[str]) -> dict:
    fl = _import_framelens()
    import numpy as np  # noqa: F401
    import pandas as pd
    import pyarrow  # noqa: F401
    lex = fl.load_lexicon(LEXICON)
    an = fl.Analyzer(lex)
    res: dict = {"mode": mode}
    t0 = time.perf_counter()
    if mode == "baseline":
        pass
    elif mode == "api":
        corpus = an.analyze_corpus(_stream(path), text="text", group="outlet", id="id",
                                   threads=threads)
        cmp = corpus.compare()
        matches = corpus.matches
        res["docs"] = corpus.n_documents
        res["matches"] = len(matches)
        res["sentences"] = int(corpus.counts.sentences.sum())
        res["tokens"] = int(corpus.counts.tokens.sum())
        res["compare_rows"] = len(cmp.terms)
        # the result columns framelens keeps (the output), in bytes
        cols = sum(a.nbytes for a in corpus._cols.values())
        cols += corpus._surfaces[0].nbytes + len(corpus._surfaces[1])
        res["output_mb"] = cols / 1e6
        res["counts"] = {f"{g}|{t}": int(n) for g, t, n in
                         cmp.terms[["group", "term", "count"]].itertuples(index=False)}
    elif mode == "cli":
        from framelens.cli import main
        rc = main(["analyze", path, "--lexicon", LEXICON, "-o", out,
                   "--threads", str(threads)])
        if rc != 0:
            raise SystemExit(rc)
        res["out_mb"] = os.path.getsize(out) / 1e6
    elif mode == "pandas":
        df = pd.read_json(path, lines=True, dtype={"id": str, "outlet": str})
        counts = {}
        for t in lex.terms:
            pat = _term_regex(t.term, t.case_sensitive)
            per = df["text"].str.count(pat).groupby(df["outlet"]).sum()
            for g, n in per.items():
                counts[f"{g}|{t.term}"] = int(n)
        tokens = df["text"].str.count(r"\w+").groupby(df["outlet"]).sum()
        res["tokens"] = int(tokens.sum())
        res["docs"] = len(df)
        res["counts"] = counts
    elif mode == "purepy":
        pats = sorted(((t.term, t.case_sensitive) for t in lex.terms),
                      key=lambda x: -len(x[0]))
        # one alternation; case-sensitive terms are matched case-sensitively via (?-i:...)
        alts = []
        for term, cs in pats:
            body = _term_regex(term, cs).pattern[2:-2]
            alts.append(f"(?P<t{len(alts)}>" + (f"(?-i:{body})" if cs else body) + ")")
        big = re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)
        names = [p[0] for p in pats]
        counts: Counter = Counter()
        tokens = 0
        word = re.compile(r"\w+")
        docs = 0
        for rec in _stream(path):
            g = rec["outlet"]
            for m in big.finditer(rec["text"]):
                counts[f"{g}|{names[int(m.lastgroup[1:])]}"] += 1
            tokens += sum(1 for _ in word.finditer(rec["text"]))
            docs += 1
        res["tokens"] = tokens
        res["docs"] = docs
        res["counts"] = dict(counts)
    else:
        raise SystemExit(f"unknown mode {mode}")
    res["wall"] = time.perf_counter() - t0
    res["maxrss_mb"] = _maxrss_mb()
    return res


def run_child(mode: str, path: Path, threads: int, out: Optional[Path] = None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--path", str(path),
           "--threads", str(threads)]
    if out is not None:
        cmd += ["--out", str(out)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"child {mode} failed:\n{p.stderr}")
    return json.loads(p.stdout.strip().splitlines()[-1])


# -- the report -------------------------------------------------------------------------------
def _median(rs: List[dict], key: str) -> float:
    return statistics.median(r[key] for r in rs)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=200.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None,
                    help="framelens worker threads (default: all cores)")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--skip-pandas", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.path, args.threads or 1, args.out)))
        return 0

    threads = args.threads or max(1, len(os.sched_getaffinity(0)))
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framelens-bench-") as tmp:
        tmp = Path(tmp)
        full, half, zero = tmp / "full.jsonl", tmp / "half.jsonl", tmp / "zero.jsonl"
        t = time.perf_counter()
        g_full = generate(full, args.size_mb, args.seed)
        g_half = generate(half, args.size_mb / 2, args.seed + 1)
        g_zero = generate(zero, args.size_mb, args.seed + 2, with_terms=False)
        size_full, size_half, size_zero = (g["bytes"] / 1e6 for g in (g_full, g_half, g_zero))
        print(f"generated {size_full:.0f} MB ({g_full['docs']:,} documents, "
              f"{g_full['sentences']:,} sentences), {size_half:.0f} MB and {size_zero:.0f} MB "
              f"(no lexicon terms) of JSON Lines in {time.perf_counter() - t:.0f} s; "
              f"{len(OUTLETS)} outlets; lexicon {LEXICON}; framelens threads={threads} "
              f"(os.sched_getaffinity: {len(os.sched_getaffinity(0))} cores)", flush=True)

        base = [run_child("baseline", full, threads) for _ in range(args.runs)]
        baseline = _median(base, "maxrss_mb")
        results: Dict[str, List[dict]] = defaultdict(list)
        methods = ["api", "cli", "purepy"] + ([] if args.skip_pandas else ["pandas"])
        for i in range(args.runs):
            for m in methods:
                r = run_child(m, full, threads, tmp / "out.parquet" if m == "cli" else None)
                results[m].append(r)
                print(f"  run {i + 1}/{args.runs} {m:<7} {r['wall']:7.1f} s  "
                      f"peak RSS {r['maxrss_mb']:7.0f} MB", flush=True)
        # memory scaling: the framelens API on half, full and zero-match inputs
        mem_half = run_child("api", half, threads)
        mem_zero = run_child("api", zero, threads)
        mem_full = min(results["api"], key=lambda r: r["maxrss_mb"])

        names = {"api": "framelens API (streamed)", "cli": "framelens CLI -> parquet",
                 "purepy": "pure Python regex (streamed)", "pandas": "pandas read_json + regex"}
        fl_speed = size_full / _median(results["api"], "wall")
        print()
        print(f"Throughput on {size_full:.0f} MB, median of {args.runs} runs "
              f"(baseline RSS after imports: {baseline:.0f} MB)")
        print(f"{'method':<30} {'wall s':>8} {'MB/s':>8} {'vs framelens':>13} "
              f"{'peak RSS MB':>12} {'RSS-base MB':>12} {'RSS-base / input':>17}")
        for m in methods:
            rs = results[m]
            wall = _median(rs, "wall")
            rss = _median(rs, "maxrss_mb")
            speed = size_full / wall
            print(f"{names[m]:<30} {wall:8.1f} {speed:8.1f} {fl_speed / speed:12.2f}x "
                  f"{rss:12.0f} {rss - baseline:12.0f} {(rss - baseline) / size_full:17.2f}")
        print("  ('vs framelens' = how many times longer the method takes than the framelens "
              "API)")

        print()
        print("Peak memory against input and output (framelens API)")
        print(f"{'input':<26} {'input MB':>9} {'matches':>10} {'sentences':>10} "
              f"{'output MB':>10} {'RSS-base MB':>12} {'RSS-base / input':>17} "
              f"{'RSS-base / output':>18}")
        for label, size, r in (("half size", size_half, mem_half),
                               ("full size", size_full, mem_full),
                               ("full size, no matches", size_zero, mem_zero)):
            extra = r["maxrss_mb"] - baseline
            print(f"{label:<26} {size:9.0f} {r['matches']:10,} {r['sentences']:10,} "
                  f"{r['output_mb']:10.1f} {extra:12.0f} {extra / size:17.2f} "
                  f"{extra / max(r['output_mb'], 1e-9):18.2f}")
        d_in = size_full - size_half
        d_rss = mem_full["maxrss_mb"] - mem_half["maxrss_mb"]
        d_out = mem_full["output_mb"] - mem_half["output_mb"]
        print(f"  from half to full size: +{d_in:.0f} MB input, +{d_out:.1f} MB output, "
              f"+{d_rss:.0f} MB peak RSS ({d_rss / d_in:.2f} MB of RSS per MB of input; "
              f"holding the input twice would be >= 2)")
        print(f"  matches per MB: half {mem_half['matches'] / size_half:,.0f}, full "
              f"{mem_full['matches'] / size_full:,.0f}; no-match run: {mem_zero['matches']} "
              f"matches, RSS-base {mem_zero['maxrss_mb'] - baseline:.0f} MB for "
              f"{size_zero:.0f} MB of input")

        # do the methods agree on the counts?
        print()
        api_counts = results["api"][0]["counts"]
        for m in ("purepy", "pandas"):
            if m not in results:
                continue
            other = results[m][0]["counts"]
            keys = set(api_counts) | set(other)
            diff = {k: (api_counts.get(k, 0), other.get(k, 0)) for k in keys
                    if api_counts.get(k, 0) != other.get(k, 0)}
            tot_a, tot_o = sum(api_counts.values()), sum(other.values())
            print(f"counts framelens vs {names[m]}: {tot_a:,} vs {tot_o:,} matches; "
                  f"{len(diff)} of {len(keys)} (outlet, term) cells differ"
                  + (f", e.g. {sorted(diff.items())[:4]}" if diff else ""))
            print(f"  word tokens: framelens {results['api'][0]['tokens']:,}, "
                  f"{m} \\w+ {results[m][0]['tokens']:,}")
    print(f"\ntotal benchmark time {time.perf_counter() - t_start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
