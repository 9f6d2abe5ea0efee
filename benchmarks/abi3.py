"""What building against the CPython limited API (abi3) costs: the same analysis timed with the
extension built both ways, in the same run.

Both variants are built from this tree with setup.py (the default build, and
FRAMELENS_LIMITED_API=1) into build/abi3/{full,abi3}/. The input is the seeded news-like
corpus of benchmarks/corpus.py (JSON Lines; --size-mb). Each measurement runs in a fresh child
process that imports one variant and times, after a warm-up:

- ``analyze, documents``: ``Analyzer.analyze(text).matches`` on every document (one call and
  one set of Match objects per document, which the limited API builds through
  ``tuple.__new__``: the binding's per-call work);
- ``analyze, titles``: the same on every document's title, 20 passes (short ASCII texts: the
  per-call overhead, and the ASCII fast path the limited API loses);
- ``analyze_corpus``: ``Analyzer.analyze_corpus(records, threads=1)`` (the batch path).

Times are CPU seconds of the child process (``time.process_time``, all its threads): on a
machine shared with other jobs, wall time measures them as much as framelens. Each child
takes --reps samples of each workload and reports the fastest (the work is
deterministic; slower samples measure the other processes on the machine). Rounds alternate
the order of the two variants; the table gives each variant's median time over the rounds and
the median of the per-round ratios abi3 / full (paired, so that drift on a busy machine
cancels), then the ratios of the rounds that ran full first and of those that ran abi3
first (an order effect shows as a gap between the two). Usage::

    python benchmarks/abi3.py                # 5 MB, 7 rounds of 5 samples (about 4 minutes)
    python benchmarks/abi3.py --size-mb 2 --runs 5

Needs CPython >= 3.11 (the limited-API floor), a compiler and the build dependencies.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("full", "abi3")
WORKLOADS = ("analyze, documents", "analyze, titles", "analyze_corpus")
TITLE_PASSES = 20  # the titles are short: pass over them this often per sample


def build(variant: str) -> Path:
    """Builds the package (Python files and extension) for one variant; returns its root."""
    out = REPO_ROOT / "build" / "abi3" / variant
    env = {**os.environ, "FRAMELENS_LIMITED_API": "1" if variant == "abi3" else "0"}
    subprocess.run(
        [sys.executable, "setup.py", "-q", "build", "--force", "--build-lib", str(out),
         "--build-temp", str(out) + "-temp"],
        cwd=REPO_ROOT, env=env, check=True,
    )
    return out


def child(root: str, corpus: str, reps: int) -> dict[str, float]:
    """Times the workloads with the variant built in root, reps times each; returns the
    fastest sample's seconds per workload."""
    sys.path.insert(0, root)
    import framelens as fl
    from framelens import _core

    if not _core.__file__ or not _core.__file__.startswith(root):
        raise SystemExit(f"abi3: imported {_core.__file__}, not the build in {root}")
    with open(corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    texts = [r["text"] for r in records]
    titles = [r["title"] for r in records]
    an = fl.Analyzer(fl.load_lexicon("conflict-demo"))
    for t in texts[:50]:  # warm-up
        an.analyze(t)

    def per_document(items: list[str], repeat: int) -> float:
        t0 = time.process_time()
        for _ in range(repeat):
            for t in items:
                _ = an.analyze(t).matches  # Documents are lazy: the Match objects are made here
        return time.process_time() - t0

    def batch() -> float:
        t0 = time.process_time()
        an.analyze_corpus(records, text="text", group="outlet", threads=1)
        return time.process_time() - t0

    samples: dict[str, list[float]] = {w: [] for w in WORKLOADS}
    for _ in range(reps):
        samples["analyze, documents"].append(per_document(texts, 1))
        samples["analyze, titles"].append(per_document(titles, TITLE_PASSES))
        samples["analyze_corpus"].append(batch())
    # The fastest sample: the work is deterministic, so anything slower is interference from
    # other processes on the machine.
    times = {w: min(xs) for w, xs in samples.items()}
    return times


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size-mb", type=float, default=5.0)
    p.add_argument("--runs", type=int, default=7, help="rounds (child processes per variant)")
    p.add_argument("--reps", type=int, default=5, help="samples per workload in each child")
    p.add_argument("--child", nargs=2, metavar=("ROOT", "CORPUS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        root, corpus_path = args.child
        print(json.dumps(child(root, corpus_path, args.reps)))
        return 0
    if sys.version_info < (3, 11):
        raise SystemExit("abi3: needs CPython >= 3.11 (the limited-API floor)")
    roots = {v: build(v) for v in VARIANTS}
    for v, root in roots.items():
        so = [p.name for p in (root / "framelens").glob("_core*")]
        print(f"{v}: {', '.join(so)}")
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from corpus import generate

    results: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = generate(corpus, args.size_mb, seed=1)
        print(f"corpus: {info['bytes'] / 1e6:.1f} MB, {info['docs']} documents; "
              f"{args.runs} rounds\n")
        for r in range(args.runs):
            order = VARIANTS if r % 2 == 0 else VARIANTS[::-1]
            for v in order:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(roots[v]), str(corpus),
                     "--reps", str(args.reps)],
                    check=True, capture_output=True, text=True,
                    env={**os.environ, "PYTHONPATH": ""},
                ).stdout
                results[v].append(json.loads(out))
    print(f"{'workload':<20} {'full CPU s':>10} {'abi3 CPU s':>10} {'abi3/full':>10}  "
          "ratios, full first | abi3 first")
    for w in WORKLOADS:
        full = [r[w] for r in results["full"]]
        abi3 = [r[w] for r in results["abi3"]]
        ratios = [a / f for a, f in zip(abi3, full, strict=True)]
        print(f"{w:<20} {statistics.median(full):>10.3f} {statistics.median(abi3):>10.3f} "
              f"{statistics.median(ratios):>10.3f}  "
              + " ".join(f"{x:.3f}" for x in ratios[0::2]) + " | "
              + " ".join(f"{x:.3f}" for x in ratios[1::2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
