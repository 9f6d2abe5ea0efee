"""Thread scale-out at every lexicon size (issue 11: 2 threads >= 1.8x 1 thread).

End to end as a researcher runs it: ``Analyzer.analyze_corpus(records, threads=n,
attributions=...)`` over a list of dicts, then ``len(corpus.matches)`` (the matches table is
built lazily); ``--attributions matched`` (default, as bench_anchors.py's framelens rows) or
``all``. For each
lexicon size, threads=1 and threads=2 runs alternate (``--runs`` of each, so both see the
same machine), and the medians are compared. Beside them, in the same minutes:

- the machine's ceiling: a CPU-bound C loop (dask_scale.cpu_ceiling: SHA-256 of 32 MB,
  which releases the GIL) on one thread and the same work on each of two threads, before
  and after the runs (2.0 when two cores are free; when it is far below, the wall ratios
  mean little);
- CPU seconds: the whole process in a 1-thread and in a 2-thread run (their difference is
  what the threaded path costs: it comes straight off the ratio on two cores), and in a
  2-thread run the main thread in all and after the last batch arrived ("serial end":
  gathering the columns, the Corpus (its counts are made on first use), the matches
  table), which no second thread can shorten;
- the worker threads' idle time in a 2-thread run, from the kernel's own accounts
  (/proc/self/task/*/schedstat, Linux): each worker's life up to the last batch collected
  less its time on a core and its time waiting for one. Load on a shared machine leaves it
  alone, where it moves the wall times: near 0, the reading thread kept the workers fed.
On two free cores a 2-thread run takes about
  (CPU of the 2-thread run + serial end) / 2 and a 1-thread run its CPU: the last column is
  the ratio these predict, which load on a shared machine disturbs far less than the wall
  ratio.

Data: the corpus and lexicons of benchmarks/newsgen.py. Usage::

    python benchmarks/threads_scale.py                      # 16 MB; 100 to 100,000 terms
    python benchmarks/threads_scale.py --terms 1000 --runs 3
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "python"))

import dask_scale  # noqa: E402

import newsgen  # noqa: E402


def ceiling(runs: int = 3) -> float:
    """Throughput of a CPU-bound C loop on two threads over one (dask_scale's measure)."""
    return float(dask_scale.cpu_ceiling(runs)["ratio"])


def _schedstat() -> Dict[int, Tuple[float, float, float]]:
    """Each thread of this process: (now, seconds on a core, seconds waiting for one)."""
    out = {}
    now = time.perf_counter()
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/schedstat", encoding="ascii") as f:
                on_cpu, waiting = f.read().split()[:2]
        except OSError:
            continue
        out[int(tid)] = (now, int(on_cpu) / 1e9, int(waiting) / 1e9)
    return out


class _WorkerClock:
    """Stands in for framelens.corpus._core in 2-thread runs: notes the threads pool_new
    starts and their schedstat at each pool_collect; idle() is the workers' time neither on
    a core nor waiting for one, from their start to the last collect."""

    def __init__(self, core: Any) -> None:
        self._core = core
        self.start: Dict[int, Tuple[float, float, float]] = {}
        self.end: Dict[int, Tuple[float, float, float]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._core, name)

    def pool_new(self, *args: Any) -> Any:
        before = set(_schedstat())
        pool = self._core.pool_new(*args)
        self.start = {t: v for t, v in _schedstat().items() if t not in before}
        return pool

    def pool_collect(self, *args: Any) -> Any:
        out = self._core.pool_collect(*args)
        self.end = _schedstat()
        return out

    def idle(self) -> float:
        total = 0.0
        for tid, (t0, run0, wait0) in self.start.items():
            t1, run1, wait1 = self.end.get(tid, (t0, run0, wait0))
            total += (t1 - t0) - (run1 - run0) - (wait1 - wait0)
        return total


def process_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(records: List[Dict[str, Any]], lexicon: dict, runs: int,
            attributions: str = "matched") -> Dict[str, Any]:
    import framelens as fl
    import framelens.corpus as fc

    an = fl.Analyzer(fl.Lexicon.from_dict(lexicon))
    an.analyze_corpus(records[:50], threads=2)  # warm-up: imports
    gathered: List[float] = []
    original: Callable[..., Any] = fc._gathered
    core = fc._core
    clock = _WorkerClock(core) if os.path.exists("/proc/self/task") else None

    def marked(*args: Any, **kwargs: Any) -> Any:  # main-thread CPU when the last batch is in
        gathered.append(time.thread_time())
        return original(*args, **kwargs)

    wall: Dict[int, List[float]] = {1: [], 2: []}
    cpu1: List[float] = []
    cpu2: List[float] = []
    main2: List[float] = []
    end2: List[float] = []
    idle2: List[float] = []
    matches: Dict[int, int] = {}
    fc._gathered = marked  # type: ignore[assignment]
    if clock is not None:
        fc._core = clock  # type: ignore[assignment]
    try:
        for _ in range(runs):
            for threads in (1, 2):
                gathered.clear()
                c0, m0, t0 = process_cpu(), time.thread_time(), time.perf_counter()
                corpus = an.analyze_corpus(records, text="text", group="outlet", id="id",
                                           threads=threads, attributions=attributions)
                matches[threads] = len(corpus.matches)
                wall[threads].append(time.perf_counter() - t0)
                if threads == 1:
                    cpu1.append(process_cpu() - c0)
                else:
                    cpu2.append(process_cpu() - c0)
                    main2.append(time.thread_time() - m0)
                    end2.append(time.thread_time() - gathered[-1])
                    if clock is not None:
                        idle2.append(clock.idle())
                del corpus
    finally:
        fc._gathered = original  # type: ignore[assignment]
        fc._core = core  # type: ignore[assignment]
    if matches[1] != matches[2]:
        raise SystemExit(f"threads=1 found {matches[1]} matches, threads=2 {matches[2]}")
    med = statistics.median
    return {"t1": med(wall[1]), "t2": med(wall[2]), "cpu1": med(cpu1), "cpu2": med(cpu2),
            "main2": med(main2),
            "end2": med(end2), "idle2": med(idle2) if idle2 else None,
            "matches": matches[1], "all1": wall[1], "all2": wall[2]}


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=16.0)
    ap.add_argument("--terms", default="100,1000,10000,100000",
                    help="lexicon sizes, comma-separated")
    ap.add_argument("--runs", type=int, default=5, help="runs of each thread count per size")
    ap.add_argument("--attributions", choices=("matched", "all"), default="matched")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.terms.split(",")]
    vocab = newsgen.Vocabulary()
    records = list(newsgen.documents(args.size_mb, vocab=vocab))
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    before = ceiling()
    rows = [(n, measure(records, newsgen.lexicon(n, vocab=vocab), args.runs, args.attributions))
            for n in sizes]
    after = ceiling()
    print(f"{mb:.1f} MB of text, {len(records):,} documents; {len(os.sched_getaffinity(0))} "
          f"cores; load average {os.getloadavg()[0]:.2f}; median of {args.runs} alternating "
          f"runs; attributions={args.attributions}")
    print(f"machine: a CPU-bound C loop on 2 threads gives {before:.2f}x (before) and "
          f"{after:.2f}x (after) the throughput of 1 (2.0 when two cores are free)")
    print()
    print("| terms | matches | 1 thread s | 2 threads s | 2 / 1 | CPU s, 1 thread | "
          "MB/s, 1 thread, from CPU | CPU s, 2 threads | main thread CPU s, 2 threads | "
          "of which serial end | workers idle s, 2 threads | 2 / 1 on 2 free cores, from CPU |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, r in rows:
        predicted = r["cpu1"] / ((r["cpu2"] + r["end2"]) / 2)
        print(f"| {n:,} | {r['matches']:,} | {r['t1']:.3f} | {r['t2']:.3f} | "
              f"{r['t1'] / r['t2']:.2f}× | {r['cpu1']:.3f} | {mb / r['cpu1']:.0f} | "
              f"{r['cpu2']:.3f} ({100 * (r['cpu2'] / r['cpu1'] - 1):+.0f}%) | "
              f"{r['main2']:.3f} | {r['end2']:.3f} | "
              f"{'—' if r['idle2'] is None else format(r['idle2'], '.3f')} | {predicted:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
