"""Scale-out benchmark (issue 11): analyze_corpus on 1 and 2 threads, analyze_dask on a
LocalCluster of 1 and 2 worker processes, and where the time of a corpus run goes.

Data: the corpus and a lexicon of benchmarks/newsgen.py (``--size-mb``, ``--terms``), written
as ``--partitions`` JSON Lines files so that Dask workers read their own partitions
(``dask.bag.read_text(...).map(json.loads)``), as they would on a cluster.

Measured, each as the median of ``--runs`` runs, in one invocation:

- the machine's ceiling: a CPU-bound loop (SHA-256 of 32 MB, which releases the GIL) on one
  thread and the same work on each of two threads: about 2.0x throughput when the machine
  gives two cores, and the other ratios below mean nothing when it does not;
- ``analyze_corpus`` over the records (a list of dicts in memory) with threads=1 and 2, with
  ``attributions="matched"`` as ``analyze_dask`` analyses its partitions;
- the same split into its parts: the Python batch loop alone (the generator that checks
  each record and collects texts, ``framelens.corpus._batches``), ``_core.analyze_columns``
  alone on the same batches (the C core plus the UTF-8 of the texts), and the rest (columns
  to numpy, the final DataFrame-ready arrays);
- ``analyze_dask`` on a ``distributed.LocalCluster`` with 1 worker process (1 thread) and
  with 2 worker processes (1 thread each); both clusters run side by side and the runs
  alternate (1 process, 2 processes, in turn), so that a change of load on a shared machine
  hits both alike; the ratio is the median of the rounds' ratios. Cluster start-up is not
  timed, and the counts of both must equal those of ``analyze_corpus``;
- then, untimed, the same runs traced by Dask's task stream (task_trace): the time before
  the first partition starts, a partition task's time, how much later one worker finished
  than the other, the Counts' transfer and merge, and the time after them, so that what
  keeps two processes from twice the speed of one is read off each run; and the CPU time of
  the client's process a timed run (the LocalCluster's scheduler runs in it: on two cores
  it takes that time from the two busy workers).

Times are wall seconds (a speed-up is a wall-time ratio). ``--json`` prints one JSON object
instead of tables (bench_anchors.py reads it).

Usage::

    python benchmarks/dask_scale.py                 # 16 MB, 1,000 terms, 3 runs
    python benchmarks/dask_scale.py --quick         # 2 MB, 1 run
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

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


def cpu_ceiling(runs: int) -> Dict[str, float]:
    """Throughput of a CPU-bound loop on two threads over one (2.0: two cores to be had)."""
    data = os.urandom(32 << 20)

    def work() -> None:
        hashlib.sha256(data).digest()

    def two() -> None:
        t = threading.Thread(target=work)
        t.start()
        work()
        t.join()

    one_s = median_time(work, runs)
    two_s = median_time(two, runs)
    return {"one_s": one_s, "two_s": two_s, "ratio": 2.0 * one_s / two_s}


def measure(size_mb: float, terms: int, runs: int, partitions: int, dask: bool = True
            ) -> Dict[str, Any]:
    import framelens as fl
    from framelens import _core
    from framelens.corpus import _batches, _Plan

    vocab = newsgen.Vocabulary()
    records = list(newsgen.documents(size_mb, vocab=vocab))
    out: Dict[str, Any] = {"mb": sum(len(r["text"].encode("utf-8")) for r in records) / 1e6,
                           "docs": len(records), "terms": terms,
                           "cores": len(os.sched_getaffinity(0)),
                           "load": os.getloadavg()[0], "runs": runs, "partitions": partitions}
    out["ceiling"] = cpu_ceiling(runs)
    an = fl.Analyzer(fl.Lexicon.from_dict(newsgen.lexicon(terms, vocab=vocab)))
    # attributions="matched", as analyze_dask analyses its partitions: the same counts
    m = "matched"
    an.analyze_corpus(records[:50], threads=2, attributions=m)  # warm-up: imports
    ref = an.analyze_corpus(records, threads=1, attributions=m)
    out["t1"] = median_time(lambda: an.analyze_corpus(records, threads=1, attributions=m), runs)
    out["t2"] = median_time(lambda: an.analyze_corpus(records, threads=2, attributions=m), runs)
    plan = _Plan("text", "outlet", "id", None, None, None)
    batches = list(_batches(records, plan, False, 8 << 20, [0]))
    out["t_py"] = median_time(lambda: list(_batches(records, plan, False, 8 << 20, [0])), runs)
    core = an.lexicon._core
    out["t_c1"] = median_time(lambda: [_core.analyze_columns(core, b.texts, 1, 0, None, 1)
                                       for b in batches],
                              runs)
    out["t_c2"] = median_time(lambda: [_core.analyze_columns(core, b.texts, 2, 0, None, 1)
                                       for b in batches],
                              runs)
    if not dask:
        return out
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster

        from framelens.dask import analyze_dask
    except ImportError as exc:
        out["dask_error"] = f"{exc.name} is not installed (pip install 'dask[distributed]')"
        return out
    with tempfile.TemporaryDirectory(prefix="framelens-dask-") as tmp:
        paths = []
        per = (len(records) + partitions - 1) // partitions
        for p in range(partitions):
            path = Path(tmp) / f"part-{p:03d}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for r in records[p * per:(p + 1) * per]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            paths.append(str(path))
        want = ref.counts
        with contextlib.ExitStack() as stack:
            clients = {}
            for workers in (1, 2):
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None))
                clients[workers] = stack.enter_context(Client(cluster, set_as_default=False))

            def run(workers: int):
                bag = db.read_text(paths).map(json.loads)
                lazy = analyze_dask(bag, an, text="text", group="outlet", id="id",
                                    compute=False)
                return clients[workers].compute(lazy).result()

            for workers in (1, 2):
                got = run(workers)  # warm-up: workers import framelens, compile the lexicon
                out[f"dask{workers}_same"] = bool(got == want)
            times: Dict[int, List[float]] = {1: [], 2: []}
            # CPU of this process (client and scheduler threads) a run: on two cores it is
            # taken from the workers when both are busy
            here: Dict[int, List[float]] = {1: [], 2: []}
            for _ in range(runs):
                for workers in (1, 2):
                    c = time.process_time()
                    t = time.perf_counter()
                    run(workers)
                    times[workers].append(time.perf_counter() - t)
                    here[workers].append(time.process_time() - c)
            for workers in (1, 2):
                out[f"dask{workers}_scheduler_cpu"] = statistics.median(here[workers])
            out["dask1"] = statistics.median(times[1])
            out["dask2"] = statistics.median(times[2])
            out["dask_ratio"] = statistics.median(a / b for a, b in zip(times[1], times[2],
                                                                        strict=True))
            # where the time of a run goes, from Dask's own task stream: runs of their own
            # after the timed ones (recording the stream costs the scheduler a little)
            from distributed import get_task_stream
            for workers in (1, 2):
                traces = []
                for _ in range(runs):
                    with get_task_stream(client=clients[workers]) as stream:
                        t = time.time()  # the clock of the stream's records
                        run(workers)
                        end = time.time()
                    traces.append(task_trace(stream.data, t, end))
                out[f"dask{workers}_trace"] = {k: statistics.median(tr[k] for tr in traces)
                                               for k in traces[0]}
    return out


def task_trace(records: List[Dict[str, Any]], t0: float, t1: float) -> Dict[str, float]:
    """One analyze_dask run from its task stream (distributed.get_task_stream), in seconds:
    ``head`` from the call (graph building, submission, scheduling) to the first partition's
    start; ``task`` a partition task's mean time (reading, json.loads, analysis, Counts);
    ``busy`` the partition time of the busiest worker; ``idle`` the most time a worker spent
    between its partitions; ``spread`` how much later the last worker finished its
    partitions than the first; ``transfer`` of the Counts to the merging
    worker; ``merge``; ``tail`` from the merge's end to the result in hand."""
    parts: List[tuple] = []
    merge = transfer = 0.0
    merge_end = t0
    for rec in records:
        key = str(rec["key"])
        for ss in rec["startstops"]:
            if ss["action"] == "transfer":
                transfer += ss["stop"] - ss["start"]
            elif ss["action"] == "compute" and "_merge" in key:
                merge += ss["stop"] - ss["start"]
                merge_end = max(merge_end, ss["stop"])
            elif ss["action"] == "compute":
                parts.append((rec["worker"], ss["start"], ss["stop"]))
    if not parts:
        return {k: float("nan") for k in ("head", "task", "busy", "idle", "spread",
                                          "transfer", "merge", "tail")}
    busy: Dict[str, float] = {}
    first: Dict[str, float] = {}
    last: Dict[str, float] = {}
    for worker, start, stop in parts:
        busy[worker] = busy.get(worker, 0.0) + stop - start
        first[worker] = min(first.get(worker, start), start)
        last[worker] = max(last.get(worker, start), stop)
    return {"head": min(p[1] for p in parts) - t0,
            "task": sum(p[2] - p[1] for p in parts) / len(parts),
            "busy": max(busy.values()),
            # a worker's time between its first partition's start and its last one's end
            # in which it ran none
            "idle": max(last[w] - first[w] - busy[w] for w in busy),
            "spread": max(last.values()) - min(last.values()),
            "transfer": transfer, "merge": merge,
            "tail": t1 - max(merge_end, max(last.values()))}


def trace_line(r: Dict[str, Any]) -> Optional[str]:
    """The task streams of the 1- and 2-process runs in one sentence (None without them)."""
    if "dask1_trace" not in r or "dask2_trace" not in r:
        return None

    def ms(x: float) -> str:
        return f"{1000 * x:.0f}"

    a, b = r["dask1_trace"], r["dask2_trace"]
    return (f"Where a Dask run goes (its task stream, medians of {r['runs']} traced runs, ms; "
            f"1 process / 2 processes): before the first partition {ms(a['head'])} / "
            f"{ms(b['head'])}; a partition task {ms(a['task'])} / {ms(b['task'])} "
            f"(the busiest worker {ms(a['busy'])} / {ms(b['busy'])}, idle between its "
            f"partitions {ms(a['idle'])} / {ms(b['idle'])}; the last worker done "
            f"{ms(b['spread'])} after the first); the Counts' transfer {ms(a['transfer'])} / "
            f"{ms(b['transfer'])}, their merge {ms(a['merge'])} / {ms(b['merge'])}; after "
            f"that to the result {ms(a['tail'])} / {ms(b['tail'])}." + (
                f" CPU of the client's process (the scheduler runs in it) a timed run: "
                f"{ms(r['dask1_scheduler_cpu'])} / {ms(r['dask2_scheduler_cpu'])}."
                if "dask1_scheduler_cpu" in r else ""))


def report(r: Dict[str, Any]) -> None:
    mb = r["mb"]
    c = r["ceiling"]
    print(f"{mb:.1f} MB of text, {r['docs']:,} documents, {r['terms']:,} terms; "
          f"{r['cores']} cores; load average {r['load']:.2f}; median of {r['runs']} runs")
    print(f"machine: a CPU-bound loop on 2 threads gives {c['ratio']:.2f}x the throughput of 1 "
          f"(2.0 when two cores are free)")
    t1, t2, t_py, t_c1, t_c2 = r["t1"], r["t2"], r["t_py"], r["t_c1"], r["t_c2"]
    rest = t1 - t_py - t_c1
    print()
    print("| run | s | MB/s | vs 1 thread |")
    print("|---|---:|---:|---:|")
    print(f"| analyze_corpus, 1 thread | {t1:.2f} | {mb / t1:.1f} | 1.00× |")
    print(f"| analyze_corpus, 2 threads | {t2:.2f} | {mb / t2:.1f} | {t1 / t2:.2f}× |")
    print(f"| of which Python batch loop | {t_py:.2f} | {mb / t_py:.1f} | "
          f"{100 * t_py / t1:.0f}% of 1 thread |")
    print(f"| of which _core.analyze_columns, 1 thread | {t_c1:.2f} | {mb / t_c1:.1f} | "
          f"{100 * t_c1 / t1:.0f}% |")
    print(f"| _core.analyze_columns, 2 threads | {t_c2:.2f} | {mb / t_c2:.1f} | "
          f"{t_c1 / t_c2:.2f}× the C part |")
    print(f"| of which the rest (numpy columns, ids, groups) | {rest:.2f} | — | "
          f"{100 * rest / t1:.0f}% |")
    if "dask_error" in r:
        print(f"\nDask part skipped: {r['dask_error']}")
        return
    if "dask1" not in r:
        return
    d1, d2 = r["dask1"], r["dask2"]
    print()
    print("| analyze_dask (LocalCluster, processes, 1 thread each) | s | MB/s | vs 1 process |")
    print("|---|---:|---:|---:|")
    print(f"| 1 process | {d1:.2f} | {mb / d1:.1f} | 1.00× |")
    print(f"| 2 processes | {d2:.2f} | {mb / d2:.1f} | {r.get('dask_ratio', d1 / d2):.2f}× |")
    print(f"  counts equal to analyze_corpus: 1 process {r['dask1_same']}, 2 processes "
          f"{r['dask2_same']}")
    line = trace_line(r)
    if line:
        print()
        print(line)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=16.0)
    ap.add_argument("--terms", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--quick", action="store_true", help="2 MB, 1 run")
    ap.add_argument("--no-dask", action="store_true", help="threads only")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    args = ap.parse_args(argv)
    if args.quick:
        args.size_mb, args.runs = 2.0, 1
    r = measure(args.size_mb, args.terms, args.runs, args.partitions, not args.no_dask)
    if args.json:
        print(json.dumps(r))
    else:
        report(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
