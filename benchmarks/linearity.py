"""Linear time on pathological input (issue 5, item 7).

For each pathological input the analysis is timed at sizes N, 2N, 4N, 8N and 16N (the size
doubled four times), the median of --runs runs (default 3) at each size, and the ratios of
consecutive times are printed: about 2.0 means linear time, about 4.0 quadratic. The last
column, the slope, is the least-squares slope of log2(t) against log2(size) over the five
sizes: 1.0 for linear time, 2.0 for quadratic. A fit over all five, rather than the two ends
alone, lets one disturbed timing move it less (with equal noise at every size its spread is
about a tenth smaller, and a disturbed middle size counts half as much as an end).

Two layers are timed for every input:
- core: ``framelens._core.analyze`` (the C core plus the lists of result tuples it returns);
- api:  ``framelens.Analyzer.analyze`` (the same plus the Python Document, Sentence and
  Match objects a user gets).

On Linux with glibc the script runs itself again with glibc's mmap threshold fixed at 1 MB
(fixed_mmap_threshold_env says why): left to adjust itself, the allocator reused heap pages at
a series' smallest size and mapped fresh ones at the larger sizes, which read as a first
doubling of 2.4 to 3.5 in linear code.

Inputs:
- huge sentence: words, commas, quotes and lexicon terms with no terminal punctuation and
  no line break, so the whole text is one sentence;
- one term repeated: "Kiev Kiev Kiev ..." (one sentence, one clause, a match per token);
- wildcard repeated: "liberation liberation ..." against the term "liberat*";
- negated clause: "not" and then "Kiev" repeated (every match looks for its cue);
- so-called repeated: "so-called Kiev so-called Kiev ..." (distancing markers);
- quoted terms: an opening quote before every "Kiev", none closed;
- prefix, no match: a lexicon of 100,000 terms sharing the prefix
  "alpha beta gamma delta epsilon", and a text that repeats the prefix, never a whole term;
- prefix, all match: the same lexicon, a text of 25,000 of its terms in turn;
- opening quotes: a text of up to 10^6 "\u201c" characters;
- alternating quotes: up to 10^6 opening quotation marks of seven kinds in turn;
- speech clauses, parenthetical cues, quote then cue, dashed cues, quote, cue, no comma: one
  sentence of attributions, forward, parenthetical, after quotations, between dashes and
  after quotations with no comma (the voice stage's walks);
- actors and labels, actors sharing 'the', nested reports: actor mentions, a speaker and a
  target for every match in one sentence, 300 actors whose names all start with "the",
  reports inside reports.

Then the time to build lexicons (parse, check, compile; issue 8, item 7), each series at
five sizes doubling, for ``_core.Lexicon`` (the C core: read once, compile) and, with
``--layers api``, ``Lexicon.from_json`` (the same plus the Python objects). Each build runs in
a fresh process and is timed in CPU seconds (see ``_CHILD``), the least of at least 5 builds
(more for builds of a few ms, see ``series_build_times``; the sizes take turns):

- prefix terms: 12.5k to 200k terms sharing the prefix "alpha beta gamma delta epsilon";
- distinct categories: 6.25k to 100k terms, each in its own declared category;
- contrast references: 6.25k to 100k terms, each referenced by one of two options;
- terms: 62.5k to 1,000,000 one-token terms (FL_MAX_TERMS); the time at 1,000,000 must stay
  under --max-million seconds (default 5).

A lexicon series fails above --max-lexicon-slope (default 1.35): names are hash-indexed and
records laid out by counting sorts, so building is linear; but the largest lexicons outgrow
the caches that the smallest fit in, and other jobs on the machine share them: a series
measured at 1.06 and 1.09 on a quiet machine read 1.23 beside four other jobs. A quadratic
build reads 2.0.

Usage::

    python benchmarks/linearity.py               # everything, ~4 minutes on 2 cores
    python benchmarks/linearity.py --runs 5 --only quotes
    python benchmarks/linearity.py --scale 0.5   # smaller N

Exit status 1 when an analysis slope exceeds --max-slope (default 1.5; quadratic time gives
2.0), one run of an input takes longer than --max-run-seconds (its series stops there), a
lexicon slope exceeds --max-lexicon-slope or the million-term build --max-million, so CI may
run it (timings on a busy machine are noisy: ratios of 1.5-2.8 at one step
are common, the slope fitted over all five sizes is steadier).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from typing import Callable, Dict, List, Mapping, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))

import framelens as fl  # noqa: E402
from framelens import _core  # noqa: E402

PREFIX = "alpha beta gamma delta epsilon"
QUOTE_KINDS = "\u201c\"\u00ab'\u201e\u2018\u2039"

DEMO_TERMS = {
    "terms": [
        {"term": "Kiev", "category": "toponym"},
        {"term": "Kiev regime", "category": "delegitimization"},
        {"term": "Donbass", "category": "toponym"},
        {"term": "liberat*", "category": "euphemism"},
        {"term": "special military operation", "category": "euphemism"},
    ],
    "exclude": ["chicken Kiev"],
}

HUGE_UNIT = ("the Kiev regime said on Monday, \u201cword\u201d and more words about Donbass "
             "and the special military operation; liberation, they claimed - and so on ")


def prefix_lexicon_json(n: int) -> str:
    return json.dumps({"terms": [{"term": f"{PREFIX} {i:06d}", "category": "c"}
                                 for i in range(n)]})


def categories_lexicon_json(n: int) -> str:
    """n terms, each in a category of its own, all declared."""
    cats = ",".join(f'"cat{i}":{{}}' for i in range(n))
    terms = ",".join(f'{{"term":"w{i}","category":"cat{i}"}}' for i in range(n))
    return f'{{"categories":{{{cats}}},"terms":[{terms}]}}'


def references_lexicon_json(n: int) -> str:
    """n terms, each referenced by one option of a contrast (even / odd)."""
    terms = ",".join(f'{{"term":"w{i}","category":"c"}}' for i in range(n))
    even = ",".join(f'"w{i}"' for i in range(0, n, 2))
    odd = ",".join(f'"w{i}"' for i in range(1, n, 2))
    return (f'{{"terms":[{terms}],"contrasts":[{{"name":"parity","options":'
            f'{{"even":[{even}],"odd":[{odd}]}}}}]}}')


def terms_lexicon_json(n: int) -> str:
    """n one-token terms (written compactly: json.dumps of a million dicts is slow)."""
    return '{"terms":[' + ",".join(f'{{"term":"t{i:x}","category":"c"}}'
                                   for i in range(n)) + "]}"


# name -> (document maker, smallest size, what the size counts)
LEXICON_SERIES = {
    "prefix terms": (prefix_lexicon_json, 12_500, "terms"),
    # not larger: from 25,000 (to 400,000 at 16N) the contrast references measured 1.21 in
    # CI, their tables outgrowing the cache; from 6,250 they measured 1.02 to 1.11 there
    "distinct categories": (categories_lexicon_json, 6_250, "categories"),
    "contrast references": (references_lexicon_json, 6_250, "references"),
    "terms": (terms_lexicon_json, 62_500, "terms"),
}


# name -> (lexicon maker, text maker(units), base units N, unit description)
def cases(scale: float) -> Dict[str, Tuple[Callable[[], "fl.Lexicon"], Callable[[int], str], int,
                                           str]]:
    demo = lambda: fl.Lexicon.from_dict(DEMO_TERMS)  # noqa: E731
    prefix = lambda: fl.Lexicon.from_json(prefix_lexicon_json(100_000))  # noqa: E731

    def n(base: int) -> int:
        return max(1, int(base * scale))

    def actors() -> "fl.Lexicon":
        return fl.Lexicon.from_dict(dict(DEMO_TERMS, terms=DEMO_TERMS["terms"] + [
            {"term": "aggressor", "category": "label"}], actors=[
            {"name": "Russia", "aliases": ["Moscow", "the Kremlin", "Kremlin"]},
            {"name": "Ukraine", "aliases": ["Kyiv", "Kiev regime"]}]))

    def many_actors() -> "fl.Lexicon":
        return fl.Lexicon.from_dict({"terms": [{"term": "aggressor", "category": "label"}],
                                     "actors": [{"name": f"the a{i}"} for i in range(300)]})

    return {
        "huge sentence": (demo, lambda k: HUGE_UNIT * k, n(12_000), "phrase (no . ! ?)"),
        # a match per token (here and in "negated clause"): the working set per byte is the
        # largest of all the inputs, and from N = 50,000 the series crossed the last-level
        # cache between 4N and 8N (a 3.5x to 5.5x step, slopes 1.46 to 1.51 on linear code);
        # from N = 400,000 every size is past it, where the slope measures the code. For the
        # same reason "so-called repeated", "quoted terms" and "nested reports" start 4x
        # larger than they did (slopes 1.32 to 1.42 before, 1.03 to 1.07 after). Once the
        # core got faster (2026-12-01, evening), "prefix, no match" and the voice series
        # below ("speech clauses", "parenthetical cues", "quote then cue", "actors and
        # labels") showed the same step, 1.42 to 1.44 in CI: they start 3x larger (0.94 to
        # 1.03 here, 1.12 to 1.30 from the old N in the same minutes)
        "one term repeated": (demo, lambda k: "Kiev " * k, n(400_000), "Kiev"),
        # a second step, measured 2026-12-06: past a few hundred thousand tokens the scratch
        # buffers of one call come from fresh pages at every call (ru_minflt: no faults at
        # 300,000 opening quotes, 64 bytes a quote faulted at 400,000, 128 at 2,000,000), so
        # the time a token jumps 2.5x to 3x there and a series crossing it fitted 1.36 to
        # 1.52 on linear code ("wildcard repeated", "opening quotes", "alternating quotes").
        # Those series start past it: 1.06 to 1.09 and 0.99 to 1.01 here
        "wildcard repeated": (demo, lambda k: "liberation " * k, n(200_000), "liberation"),
        "negated clause": (demo, lambda k: "not " + "Kiev " * k, n(400_000), "Kiev"),  # as above
        "so-called repeated": (lambda: fl.load_lexicon("conflict-demo"),
                               lambda k: "so-called Kiev " * k, n(100_000), "so-called Kiev"),
        "quoted terms": (demo, lambda k: "\u201cKiev " * k, n(160_000), "\u201cKiev"),
        "prefix, no match": (prefix, lambda k: (PREFIX + " ") * k, n(120_000), "prefix"),
        # the text cycles through the same 25,000 terms (every fourth) at every size, and
        # starts at 50,000 terms: from 25,000 with i % 100,000 the lexicon's part in the
        # working set grew up to 4N and the smallest size ran from cache (a 3.6x step from
        # 2N to 4N, slope 1.41 in CI, 1.28 with the 25,000 terms alone), while callgrind
        # counts 3.8x the instructions for 4x the text (86 M to 329 M): 1.12 to 1.16 now
        "prefix, all match": (prefix, lambda k: " ".join(f"{PREFIX} {i % 25_000 * 4:06d}"
                                                         for i in range(k)),
                              n(50_000), "whole term"),
        "opening quotes": (demo, lambda k: "\u201c" * k, n(500_000), "\u201c"),
        "alternating quotes": (demo, lambda k: (QUOTE_KINDS * (k // 7 + 1))[:k], n(500_000),
                               "quote"),
        # the voice stage on one endless sentence of attributions (issue 10)
        "speech clauses": (demo, lambda k: "Kiev said the plan would fail, and aides said " * k,
                           n(36_000), "clause"),
        "parenthetical cues": (demo, lambda k: "the Kiev regime, he said, " * k, n(60_000),
                               "cue"),
        "quote then cue": (demo, lambda k: "\u201cno Kiev\u201d, he said as he left, " * k,
                           n(36_000), "quotation"),
        # cues whose rules count the words of a span that grows with the sentence: between
        # dashes, and after a quotation with no comma (a count of the words before every
        # token keeps each count O(1); walked instead, as a dropped change of 2026-12-07 did,
        # these two went quadratic while the three series above stayed linear)
        "dashed cues": (demo, lambda k: "Kiev - he said - " * k, n(64_000), "dashed cue"),
        "quote, cue, no comma": (demo, lambda k: "\u201cKiev\u201d he said " * k, n(64_000),
                                 "quotation"),
        # actors and targets (issue 13): mentions in one endless sentence, a speaker and a
        # target for every match, and many actors sharing a first word
        "actors and labels": (actors, lambda k: "the Kremlin said Kiev is the aggressor, " * k,
                              n(36_000), "clause"),
        "actors sharing 'the'": (many_actors, lambda k: "the a7 the aggressor the " * k,
                                 n(20_000), "phrase"),
        "nested reports": (actors, lambda k: "Moscow said that Kiev claimed that " * k,
                           n(48_000), "report"),
    }


def run_time(fn: Callable[[], object]) -> float:
    """Seconds of one call of fn, after a collection, its result dropped before returning."""
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    del result
    return seconds


def median_time(fn: Callable[[], object], runs: int) -> float:
    return statistics.median(run_time(fn) for _ in range(runs))


class TooSlow(Exception):
    """A run of a series took longer than --max-run-seconds: (size index, seconds waited)."""


def series_times(fn: Callable[[str], Callable[[], object]], texts: List[str], runs: int,
                 cap: float) -> List[float]:
    """median_time of fn(t) for each text, in a forked child that is killed, raising TooSlow,
    when a run takes more than cap seconds: a call into the core cannot be interrupted, and
    a quadratic series runs for an hour or more at its larger sizes (measured: "dashed
    cues" with a word count that walked its range, 4.9 s a run at N, so about 20 minutes at
    16N). Without fork (not on Linux or macOS), timed here, uncapped."""
    import multiprocessing as mp
    if math.isinf(cap) or "fork" not in mp.get_all_start_methods():
        return [median_time(fn(t), runs) for t in texts]
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)

    def child() -> None:
        for t in texts:
            for _ in range(runs):
                send.send(run_time(fn(t)))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    send.close()
    times: List[float] = []
    try:
        for i in range(len(texts)):
            got = []
            for _ in range(runs):
                if not recv.poll(cap):
                    raise TooSlow(i, cap)
                try:
                    got.append(recv.recv())
                except EOFError:
                    proc.join()
                    raise RuntimeError(f"the timing child ended at {1 << i}N without a "
                                       f"time (exit code {proc.exitcode}); its error is "
                                       "above") from None
                if got[-1] > cap:
                    raise TooSlow(i, got[-1])
            times.append(statistics.median(got))
    finally:
        proc.kill()
        proc.join()
        recv.close()
    return times


def slope(times: List[float]) -> float:
    """The least-squares slope of log2(time) against log2(size), the sizes doubling."""
    if min(times) <= 0:
        return float("nan")
    ys = [math.log2(t) for t in times]
    xs = range(len(ys))
    mx = statistics.fmean(xs)
    my = statistics.fmean(ys)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) /
            sum((x - mx) ** 2 for x in xs))


def fmt_row(label: str, layer: str, size: str, times: List[float]) -> str:
    ratios = [b / a if a > 0 else float("nan") for a, b in zip(times, times[1:], strict=False)]
    return (f"{label:20s} {layer:5s} {size:>10s} " +
            " ".join(f"{t:7.3f}" for t in times) + "   " +
            " ".join(f"{r:5.2f}" for r in ratios) + f"   {slope(times):5.2f}")


def header(size_label: str) -> str:
    return (f"{'input':20s} {'layer':5s} {size_label:>10s} " +
            " ".join(f"{h:>7s}" for h in ("t(N)", "t(2N)", "t(4N)", "t(8N)", "t(16N)")) +
            "   " + " ".join(f"{h:>5s}" for h in ("2/1", "4/2", "8/4", "16/8")) +
            f"   {'slope':>5s}")


def run(runs: int, scale: float, only: Optional[str], layers: List[str],
        cap: float = math.inf) -> List[float]:
    slopes = []
    fixed = fixed_mmap_threshold_of(os.environ)
    print(f"framelens {fl.__version__}, core {_core.core_version}, Python "
          f"{sys.version.split()[0]}; median of {runs} runs; times in seconds; glibc's mmap "
          f"threshold {f'fixed at {fixed} bytes' if fixed else 'not fixed'}")
    print()
    print(header("16N"))
    for name, (make_lex, make_text, base, unit) in cases(scale).items():
        if only and only not in name:
            continue
        lex = make_lex()
        an = fl.Analyzer(lex)
        core = lex._core
        sizes = [base * (1 << i) for i in range(5)]
        texts = [make_text(k) for k in sizes]
        mb = len(texts[-1].encode()) / 1e6
        size = f"{mb:.1f} MB"
        first = True
        stopped = False
        for layer in layers:
            if layer == "core":
                fn = lambda t, core=core: (lambda: _core.analyze(core, t))  # noqa: E731
            else:
                fn = lambda t, an=an: (lambda: an.analyze(t))  # noqa: E731
            try:
                times = series_times(fn, texts, runs, cap)
            except TooSlow as slow:
                # the input fails (an infinite slope), and its other layers, which run the
                # same core, are not timed
                slopes.append(math.inf)
                print(f"{name if first else '':20s} {layer:5s} {size if first else '':>10s} "
                      f"stopped: a run at {1 << slow.args[0]}N took more than "
                      f"--max-run-seconds {cap:g} ({slow.args[1]:.1f} s)")
                stopped = True
                break
            slopes.append(slope(times))
            print(fmt_row(name if first else "", layer, size if first else "", times))
            first = False
        if stopped:
            print(f"{'':20s} {'':5s} {'':>10s} N = {base:,} x \"{unit}\"")
        else:
            doc = _core.analyze(core, texts[-1])
            print(f"{'':20s} {'':5s} {'':>10s} N = {base:,} x \"{unit}\"; at 16N: "
                  f"{len(doc[0]) // struct.calcsize(_core.SENTENCE_FORMAT):,} sentences, "
                  f"{len(doc[1]) // struct.calcsize(_core.MATCH_FORMAT):,} matches")
            del doc
        del texts
        sys.stdout.flush()
    return slopes


# One build, timed in a fresh process. The C library keeps memory a process freed for reuse
# when there is little of it and gives it back to the system when there is much: timed
# repeatedly in one process, a small lexicon would be built in memory already touched, a large
# one would pay for fresh pages every time, and the series would look super-linear for a
# reason that is no property of the build. The core is loaded on its own (no numpy, pandas),
# so a child starts in a few tens of milliseconds; that start is not timed. The time is the
# child's CPU time (the build is one thread): on a shared machine, waiting for a core is no
# part of the build either.
_CHILD = r"""
import importlib.machinery, importlib.util, sys, time
ext, pydir, doc_path, layer = sys.argv[1:5]
with open(doc_path, "rb") as f:
    data = f.read()
if layer == "core":
    loader = importlib.machinery.ExtensionFileLoader("framelens._core", ext)
    spec = importlib.util.spec_from_file_location("framelens._core", ext, loader=loader)
    core = importlib.util.module_from_spec(spec)
    loader.exec_module(core)
    build = lambda: core.Lexicon(data, "bench")
else:
    sys.path.insert(0, pydir)
    import framelens
    build = lambda: framelens.Lexicon.from_json(data)
t0 = time.process_time()
lexicon = build()
print(time.process_time() - t0)
"""


def fresh_build_time(doc_path: str, layer: str) -> float:
    """The CPU time of one build of the lexicon in doc_path, in a new process."""
    out = subprocess.run([sys.executable, "-c", _CHILD, _core.__file__,
                          os.path.join(HERE, "..", "python"), doc_path, layer],
                         check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def series_build_times(paths: List[str], layer: str, runs: int) -> List[float]:
    """The least CPU time of the builds of each lexicon in paths (at least `runs` and
    LEXICON_RUNS each, more for short builds), each in a new process.

    The least, not the median: another job on the machine only ever adds to a build's CPU
    time (cache and memory-bus contention), and the builds of the smallest sizes take
    about 10 ms, where one disturbed run out of three moved the median enough to push a
    linear series' slope from 1.05 to 1.2 (seen in CI). The sizes take turns, one build of
    each per round, so that a job running beside them for a while disturbs every size
    alike: timed one size after the other, a job that ran only while the middle sizes were
    built once made a 17 ms to 50 ms step of 3.0 and a slope of 1.23 out of linear code."""
    times: List[List[float]] = [[] for _ in paths]
    while True:
        short = [i for i, t in enumerate(times)
                 if len(t) < max(runs, LEXICON_RUNS) or
                 (sum(t) < LEXICON_CPU and len(t) < LEXICON_MAX_RUNS)]
        if not short:
            return [min(t) for t in times]
        for i in short:
            times[i].append(fresh_build_time(paths[i], layer))


LEXICON_RUNS = 5  # builds per size at least (each a fresh process of a few tens of ms)
# Builds of a few ms are repeated until they add up to LEXICON_CPU seconds (at most
# LEXICON_MAX_RUNS builds): the smallest sizes are the noisiest and weigh most in the slope,
# and their extra builds cost a fraction of a second.
LEXICON_CPU = 0.25
LEXICON_MAX_RUNS = 15


def run_lexicon(runs: int, scale: float, layers: List[str]) -> Tuple[List[float], float]:
    """Slopes of every lexicon series and layer, and the core's time at 1,000,000 terms."""
    print()
    print(f"Building lexicons (parse, check, compile), each build in a fresh process; least "
          f"CPU seconds of {max(runs, LEXICON_RUNS)} builds or more (up to {LEXICON_MAX_RUNS} "
          f"while they add up to less than {LEXICON_CPU} s)")
    print(header("size@16N"))
    slopes = []
    million = float("nan")
    with tempfile.TemporaryDirectory(prefix="framelens-linearity-") as tmp:
        for name, (make, base, unit) in LEXICON_SERIES.items():
            sizes = [max(1, int(base * scale)) * (1 << i) for i in range(5)]
            paths = []
            for n in sizes:
                path = os.path.join(tmp, f"{name.replace(' ', '_')}-{n}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(make(n))
                paths.append(path)
            first = True
            for layer in layers:
                times = series_build_times(paths, layer, runs)
                slopes.append(slope(times))
                print(fmt_row(name if first else "", layer, f"{sizes[-1]:,}" if first else "",
                              times))
                if layer == "core" and name == "terms" and sizes[-1] == 1_000_000:
                    million = times[-1]
                first = False
            mb = os.path.getsize(paths[-1]) / 1e6
            print(f"{'':20s} {'':5s} {'':>10s} N = {sizes[0]:,} {unit}; the lexicon at 16N is "
                  f"{mb:.1f} MB of JSON")
            for p in paths:
                os.remove(p)
            sys.stdout.flush()
    return slopes, million


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per size (median), default 3")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every N")
    ap.add_argument("--only", help="run only the inputs whose name contains this")
    ap.add_argument("--layers", default="core,api", help="core, api or both (default)")
    ap.add_argument("--no-lexicon", action="store_true", help="skip the lexicon build series")
    ap.add_argument("--only-lexicon", action="store_true",
                    help="run only the lexicon build series")
    ap.add_argument("--max-slope", type=float, default=1.5,
                    help="exit 1 when any analysis slope exceeds this (default 1.5)")
    ap.add_argument("--max-lexicon-slope", type=float, default=1.35,
                    help="exit 1 when a lexicon build slope exceeds this (default 1.35)")
    ap.add_argument("--max-run-seconds", type=float, default=30.0,
                    help="stop an input's series, and fail it, when one run takes longer "
                         "(default 30; the slowest linear run takes about 2.5 s, at 16N)")
    ap.add_argument("--max-million", type=float, default=5.0,
                    help="exit 1 when 1,000,000 terms take longer to build, in seconds "
                         "(default 5; only checked at --scale 1)")
    args = ap.parse_args(argv)
    layers = [x.strip() for x in args.layers.split(",") if x.strip()]
    t0 = time.perf_counter()
    slopes = [] if args.only_lexicon else run(args.runs, args.scale, args.only, layers,
                                              args.max_run_seconds)
    lexicon_slopes: List[float] = []
    million = float("nan")
    if not args.no_lexicon and not args.only:
        lexicon_slopes, million = run_lexicon(args.runs, args.scale, layers)

    def worst(xs: List[float]) -> float:
        return max((x for x in xs if not math.isnan(x)), default=float("nan"))

    print()
    failed = False
    if slopes:
        print(f"worst analysis slope {worst(slopes):.2f} (1.0 = linear, 2.0 = quadratic; "
              f"limit {args.max_slope})")
        failed |= worst(slopes) > args.max_slope
    if lexicon_slopes:
        print(f"worst lexicon build slope {worst(lexicon_slopes):.2f} "
              f"(limit {args.max_lexicon_slope})")
        failed |= worst(lexicon_slopes) > args.max_lexicon_slope
    if not math.isnan(million):
        print(f"1,000,000 terms built in {million:.2f} s (limit {args.max_million} s)")
        failed |= million > args.max_million
    print(f"{time.perf_counter() - t0:.0f} s in all")
    return 1 if failed else 0


# glibc's mmap threshold, fixed for the timed processes (fixed_mmap_threshold)
MMAP_THRESHOLD = 1 << 20


def fixed_mmap_threshold_env(env: Mapping[str, str]) -> Optional[Dict[str, str]]:
    """env with glibc's mmap threshold fixed at MMAP_THRESHOLD (GLIBC_TUNABLES), or None
    when it is fixed there already. By default glibc raises the threshold to the size of
    each mmapped block it frees, up to 32 MB (mallopt(3), M_MMAP_THRESHOLD), so the arrays of
    a series' smallest size came from reused heap pages while those of the larger sizes,
    past 32 MB, were mapped afresh and faulted in on every run: the first doubling read 2.4
    to 3.5 for linear code, and the worst slope of CI's runs sat at 1.27 to 1.36 of its 1.5.
    Fixing the threshold turns that adjustment off; in two runs of `make linearity` in turn
    (2026-12-07), the 18 analysis series' slopes were 1.02 to 1.40 with it adjusting and 0.96
    to 1.11 with it fixed. Fixed, every size maps its large arrays afresh, as one analysis
    of a large text in a new process does."""
    if fixed_mmap_threshold_of(env) is not None:
        return None  # fixed already (a threshold the user set is kept)
    setting = f"glibc.malloc.mmap_threshold={MMAP_THRESHOLD}"
    tunables = env.get("GLIBC_TUNABLES", "")
    return {**env, "GLIBC_TUNABLES": f"{tunables}:{setting}" if tunables else setting}


def fixed_mmap_threshold_of(env: Mapping[str, str]) -> Optional[str]:
    """The mmap threshold that env's GLIBC_TUNABLES fixes (the last one given), or None."""
    values = [t.split("=", 1)[1] for t in env.get("GLIBC_TUNABLES", "").split(":")
              if t.startswith("glibc.malloc.mmap_threshold=")]
    return values[-1] if values else None


def fixed_mmap_threshold() -> None:
    """Runs this script again with glibc's mmap threshold fixed (fixed_mmap_threshold_env),
    unless it is fixed already or the C library is not glibc (the setting is read when a
    process starts, so the process is replaced; the timing children inherit it)."""
    import platform
    env = fixed_mmap_threshold_env(os.environ)
    if env is None or sys.platform != "linux" or platform.libc_ver()[0] != "glibc" or \
            os.environ.get("FRAMELENS_LINEARITY_RERUN"):  # once: were the setting dropped
        return
    env["FRAMELENS_LINEARITY_RERUN"] = "1"
    sys.stdout.flush()
    # the interpreter's own options too (-X, -W); the script's path as it was given, from
    # the same working directory
    try:
        os.execve(sys.executable, sys.orig_argv, env)
    except OSError as exc:
        print(f"linearity: timing with glibc's mmap threshold not fixed (could not run "
              f"{sys.executable} again: {exc})", file=sys.stderr)


if __name__ == "__main__":
    fixed_mmap_threshold()
    sys.exit(main())
