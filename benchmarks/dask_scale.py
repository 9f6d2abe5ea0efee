"""Scale-out benchmark (issue 11): analyze_corpus on 1 and 2 threads, analyze_dask on a
LocalCluster of 1 and 2 worker processes, and where the time of a corpus run goes.

Data: the corpus and a lexicon of benchmarks/newsgen.py (``--size-mb``, ``--terms``), written
as ``--partitions`` JSON Lines files so that Dask workers read their own partitions
(``dask.bag.read_text(...).map(json.loads)``), as they would on a cluster.

Measured, each as the median of ``--runs`` runs, in one invocation:

- ``analyze_corpus`` over the records (a list of dicts in memory) with threads=1 and 2;
- the same split into its parts: the Python batch loop alone (the generator that checks
  each record and collects texts, ``framelens.corpus._batches``), ``_core.analyze_batch``
  alone on the same batches (the C core plus the UTF-8 of the texts), and the rest (columns
  to numpy, the final DataFrame-ready arrays); from these the best that threads can give
  when the Python part runs alone, one batch after another (Amdahl);
- ``analyze_dask`` on a ``distributed.LocalCluster`` with 1 worker process (1 thread) and
  with 2 worker processes (1 thread each); cluster start-up is not timed, and the counts of
  both must equal those of ``analyze_corpus``.

Usage::

    python benchmarks/dask_scale.py                 # 16 MB, 1,000 terms, 3 runs
    python benchmarks/dask_scale.py --quick         # 2 MB, 1 run
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "python"))

import newsgen  # noqa: E402


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=16.0)
    ap.add_argument("--terms", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--quick", action="store_true", help="2 MB, 1 run")
    ap.add_argument("--no-dask", action="store_true", help="threads only")
    args = ap.parse_args(argv)
    if args.quick:
        args.size_mb, args.runs = 2.0, 1

    import framelens as fl
    from framelens import _core
    from framelens.corpus import _batches

    vocab = newsgen.Vocabulary()
    records = list(newsgen.documents(args.size_mb, vocab=vocab))
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    an = fl.Analyzer(fl.Lexicon.from_dict(newsgen.lexicon(args.terms, vocab=vocab)))
    cores = len(os.sched_getaffinity(0))
    print(f"{mb:.1f} MB of text, {len(records):,} documents, {args.terms:,} terms; "
          f"{cores} cores; load average {os.getloadavg()[0]:.2f}; median of {args.runs} runs")

    an.analyze_corpus(records[:50], threads=2)  # warm-up: imports
    ref = an.analyze_corpus(records, threads=1)
    t1 = median_time(lambda: an.analyze_corpus(records, threads=1), args.runs)
    t2 = median_time(lambda: an.analyze_corpus(records, threads=2), args.runs)

    batches = list(_batches(records, "text", "outlet", "id", False, 8 << 20, [0]))
    t_py = median_time(lambda: list(_batches(records, "text", "outlet", "id", False, 8 << 20,
                                             [0])), args.runs)
    core = an.lexicon._core
    t_c1 = median_time(lambda: [_core.analyze_batch(core, b.texts, 1) for b in batches],
                       args.runs)
    t_c2 = median_time(lambda: [_core.analyze_batch(core, b.texts, 2) for b in batches],
                       args.runs)
    rest = t1 - t_py - t_c1
    serial = t_py + max(rest, 0.0)
    best2 = t1 / (serial + t_c1 / 2)
    print()
    print("| run | s | MB/s | vs 1 thread |")
    print("|---|---:|---:|---:|")
    print(f"| analyze_corpus, 1 thread | {t1:.2f} | {mb / t1:.1f} | 1.00× |")
    print(f"| analyze_corpus, 2 threads | {t2:.2f} | {mb / t2:.1f} | {t1 / t2:.2f}× |")
    print(f"| of which Python batch loop (serial) | {t_py:.2f} | {mb / t_py:.1f} | "
          f"{100 * t_py / t1:.0f}% of 1 thread |")
    print(f"| of which _core.analyze_batch, 1 thread | {t_c1:.2f} | {mb / t_c1:.1f} | "
          f"{100 * t_c1 / t1:.0f}% |")
    print(f"| _core.analyze_batch, 2 threads | {t_c2:.2f} | {mb / t_c2:.1f} | "
          f"{t_c1 / t_c2:.2f}× the C part |")
    print(f"| of which the rest (numpy columns, ids, groups) | {rest:.2f} | — | "
          f"{100 * rest / t1:.0f}% |")
    print(f"  Amdahl: with the Python parts serial and the C part halved, 2 threads give at "
          f"most {best2:.2f}×; overlapping the batch loop with the C work (a pipeline) "
          f"lifts the bound to {t1 / max(serial, t_c1 / 2):.2f}×")

    if args.no_dask:
        return 0
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster

        from framelens.dask import analyze_dask
    except ImportError as exc:
        print(f"\nDask part skipped: {exc.name} is not installed (pip install "
              "'dask[distributed]')")
        return 0
    with tempfile.TemporaryDirectory(prefix="framelens-dask-") as tmp:
        paths = []
        per = (len(records) + args.partitions - 1) // args.partitions
        for p in range(args.partitions):
            path = Path(tmp) / f"part-{p:03d}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for r in records[p * per:(p + 1) * per]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            paths.append(str(path))
        want = ref.counts
        rows = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster):
                def run():
                    bag = db.read_text(paths).map(json.loads)
                    return analyze_dask(bag, an, text="text", group="outlet", id="id")
                got = run()  # warm-up: workers import framelens and unpickle the lexicon
                same = (got.groups == want.groups and
                        bool((got.term_counts == want.term_counts).all()) and
                        bool((got.tokens == want.tokens).all()))
                rows[workers] = (median_time(run, args.runs), same)
        d1, d2 = rows[1][0], rows[2][0]
        print()
        print("| analyze_dask (LocalCluster, processes, 1 thread each) | s | MB/s | vs 1 process |")
        print("|---|---:|---:|---:|")
        print(f"| 1 process | {d1:.2f} | {mb / d1:.1f} | 1.00× |")
        print(f"| 2 processes | {d2:.2f} | {mb / d2:.1f} | {d1 / d2:.2f}× |")
        print(f"  counts equal to analyze_corpus: 1 process {rows[1][1]}, 2 processes "
              f"{rows[2][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
