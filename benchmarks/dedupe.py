"""Near-duplicate detection: speed and accuracy against the Python tools a researcher would use.

On the generated corpus of tests/python/dedupe_corpus.py (news-like articles by topic, some
reprinted with new headlines, edited words, redone typography, cut endings and swapped
paragraphs; distinct articles of one topic quoting the same statements), in one run:

- framelens: signatures (one thread, MB/s), clustering, pairwise precision and recall;
- datasketch MinHashLSH (num_perm=128, threshold=0.5) on the same 5-word shingles, its
  candidates checked with MinHash.jaccard >= 0.5 and joined with union-find;
- SimHash (the `simhash` package, 64-bit, same shingles): precision and recall at several
  Hamming distances, all pairs (the evidence for choosing MinHash: see the docs);
- copies found inside the analysis: ``analyze_corpus`` on two threads over the generated news
  corpus of benchmarks/newsgen.py (``--analysis-mb``, 1,000 terms) with a 5% of its documents
  reprinted under other ids, without dedupe, with ``dedupe="mark"`` and ``"drop"``, against
  the two passes a researcher would otherwise make (``find_duplicates`` on the records, then
  ``analyze_corpus`` and ``dedupe.apply``); fresh rounds alternate, medians of ``--runs``.

    python benchmarks/dedupe.py [--scale 3] [--runs 5] [--no-peers] [--analysis-mb 16]

Needs `pip install datasketch simhash` for the peers (skipped, and said so, when missing).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from typing import Dict, List, Sequence, Tuple

import numpy as np
import pandas  # noqa: F401  (imported before any timing: framelens builds its tables with it)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "python"))

from framelens import dedupe  # noqa: E402

import dedupe_corpus as dc  # noqa: E402

WORD = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> List[str]:
    """The peers' shingles: runs of k lower-cased \\w+ words (a text of fewer words is one)."""
    w = WORD.findall(text.lower())
    if len(w) < k:
        return [" ".join(w)] if w else []
    return [" ".join(w[i:i + k]) for i in range(len(w) - k + 1)]


def union_find_labels(n: int, pairs: Sequence[Tuple[int, int]]) -> List[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


# Latin letters to Cyrillic ones, for the same corpus in a two-byte script (the fold cache).
CYRILLIC = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         "абцдефгхийклмнопярстувшхызАБЦДЕФГХИЙКЛМНОПЯРСТУВШХЫЗ")


def sign_speed(texts: List[str], runs: int) -> Tuple[float, float]:
    """(MB/s wall, MB/s CPU) of one-thread signatures, medians of `runs`."""
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    wall, cpu = [], []
    for _ in range(runs):
        s = dedupe.Signatures(threads=1)
        t0, c0 = time.perf_counter(), time.thread_time()
        s.add(texts)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return mb / statistics.median(wall), mb / statistics.median(cpu)


def framelens_run(texts: List[str], runs: int) -> Dict[str, float]:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    wall, cpu = [], []
    sig = None
    for _ in range(runs):
        s = dedupe.Signatures(threads=1)
        t0, c0 = time.perf_counter(), time.thread_time()
        s.add(texts)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        sig = s
    assert sig is not None
    t0 = time.perf_counter()
    dup = sig.duplicates()
    cluster_s = time.perf_counter() - t0
    labels = dup.documents["cluster"].to_numpy().copy()
    alone = labels < 0
    labels[alone] = -1 - np.flatnonzero(alone)
    return {"mb": mb, "sign_s": statistics.median(wall), "cpu_s": statistics.median(cpu),
            "cluster_s": cluster_s, "labels": labels, "candidates": dup.n_candidates}


def datasketch_run(texts: List[str]) -> Dict[str, object]:
    from datasketch import MinHash, MinHashLSH
    t0 = time.perf_counter()
    sets = [[s.encode("utf-8") for s in set(shingles(t))] for t in texts]
    hashes = MinHash.bulk(sets, num_perm=128)
    sign_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, m in enumerate(hashes):
        lsh.insert(i, m)
    pairs = []
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            if j > i and m.jaccard(hashes[j]) >= 0.5:
                pairs.append((i, j))
    cluster_s = time.perf_counter() - t0
    return {"sign_s": sign_s, "cluster_s": cluster_s,
            "labels": union_find_labels(len(texts), pairs)}


def simhash_curve(texts: List[str], truth: set, distances: Sequence[int]
                  ) -> Tuple[float, List[Tuple[int, float, float]]]:
    from simhash import Simhash
    t0 = time.perf_counter()
    fp = np.array([Simhash(shingles(t), f=64).value for t in texts], dtype=np.uint64)
    sign_s = time.perf_counter() - t0
    n = len(texts)
    # Hamming distances of all pairs, by popcount of the XOR, 8 bits at a time
    table = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
    x = fp[:, None] ^ fp[None, :]
    dist = np.zeros((n, n), dtype=np.int32)
    for shift in range(0, 64, 8):
        dist += table[((x >> np.uint64(shift)) & np.uint64(255)).astype(np.int64)]
    iu = np.triu_indices(n, 1)
    d = dist[iu]
    truth_mask = np.array([(int(a), int(b)) in truth for a, b in zip(*iu, strict=True)])
    out = []
    for k in distances:
        pred = d <= k
        tp = int((pred & truth_mask).sum())
        out.append((k, tp / max(1, int(pred.sum())), tp / max(1, int(truth_mask.sum()))))
    return sign_s, out


def in_analysis(size_mb: float, runs: int) -> None:
    """analyze_corpus with and without dedupe, and the two passes without it (see above)."""
    import random

    import framelens as fl
    sys.path.insert(0, HERE)
    import newsgen

    vocab = newsgen.Vocabulary()
    records = list(newsgen.documents(size_mb, vocab=vocab))
    rng = random.Random(5)
    reprints = [dict(r, id=f"{r['id']}-reprint") for r in rng.sample(records, len(records) // 20)]
    records += reprints
    rng.shuffle(records)
    an = fl.Analyzer(fl.Lexicon.from_dict(newsgen.lexicon(1000, vocab=vocab)))
    kw = {"text": "text", "group": "outlet", "id": "id", "threads": 2}
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6

    def two_passes():
        dup = dedupe.find_duplicates(records, id="id", group="outlet", threads=2)
        return dedupe.apply(an.analyze_corpus(records, **kw), dup, mode="drop")

    ways = {"analyze_corpus, no dedupe": lambda: an.analyze_corpus(records, **kw),
            'dedupe="mark"': lambda: an.analyze_corpus(records, **kw, dedupe="mark"),
            'dedupe="drop"': lambda: an.analyze_corpus(records, **kw, dedupe="drop"),
            "find_duplicates, then analyze_corpus and apply (drop)": two_passes}
    got = {name: way() for name, way in ways.items()}  # warm-up, and the results compared
    dropped = got['dedupe="drop"']
    assert dropped.counts == got["find_duplicates, then analyze_corpus and apply (drop)"].counts
    assert dropped.duplicates.documents.equals(got['dedupe="mark"'].duplicates.documents)
    times: Dict[str, List[float]] = {name: [] for name in ways}
    for _ in range(runs):
        for name, way in ways.items():
            t0 = time.perf_counter()
            way()
            times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["analyze_corpus, no dedupe"])
    print(f"\nCopies found inside the analysis: {len(records)} documents, {mb:.1f} MB "
          f"({len(reprints)} reprints), 1,000 terms, 2 threads, wall s, median of {runs} "
          f"alternating rounds; {len(dropped.duplicates.clusters)} clusters, the same counts "
          "both ways:")
    print("| run | s | over no dedupe |")
    print("|---|---:|---:|")
    for name in ways:
        t = statistics.median(times[name])
        print(f"| {name} | {t:.3f} | {100 * (t / base - 1):+.0f}% |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=3, help="corpus size (x 240 sources + 240)")
    ap.add_argument("--runs", type=int, default=5, help="signature runs (median)")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--analysis-mb", type=float, default=16.0,
                    help="news corpus of the dedupe-inside-the-analysis runs (0: skip them)")
    args = ap.parse_args()

    articles = dc.generate(seed=args.seed, n_sources=240 * args.scale,
                           n_distinct=240 * args.scale, n_topics=12 * args.scale)
    texts = [a.text for a in articles]
    truth = dc.true_pairs(articles)
    fl_res = framelens_run(texts, args.runs)
    mb = fl_res["mb"]
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB, {sum(a.kind == 'copy' for a in articles)}"
          f" reprints, {len(truth)} true pairs (seed {args.seed})\n")
    rows = []
    p, r = dc.precision_recall(dc.cluster_pairs(fl_res["labels"]), truth)
    rows.append(("framelens (C, 1 thread)", mb / fl_res["sign_s"], mb / fl_res["cpu_s"],
                 fl_res["cluster_s"], p, r))
    if not args.no_peers:
        try:
            ds = datasketch_run(texts)
            p, r = dc.precision_recall(dc.cluster_pairs(ds["labels"]), truth)
            rows.append(("datasketch MinHashLSH", mb / ds["sign_s"], float("nan"),
                         ds["cluster_s"], p, r))
        except ImportError:
            print("datasketch is not installed: pip install datasketch (peer skipped)")
    print("| method | signatures MB/s (wall) | MB/s (CPU) | clustering s | precision | recall |")
    print("|---|---|---|---|---|---|")
    for name, mbs, cpu, cl, p, r in rows:
        cpu_s = f"{cpu:.1f}" if cpu == cpu else "-"
        print(f"| {name} | {mbs:.1f} | {cpu_s} | {cl:.3f} | {p:.4f} | {r:.4f} |")
    cyr = [t.translate(CYRILLIC) for t in texts]
    wall, cpu = sign_speed(cyr, args.runs)
    cyr_mb = sum(len(t.encode()) for t in cyr) / 1e6
    print(f"| framelens, the same corpus in Cyrillic letters ({cyr_mb:.1f} MB) "
          f"| {wall:.1f} | {cpu:.1f} | - | - | - |")
    if len(rows) > 1:
        print(f"\nframelens signatures are {rows[0][1] / rows[1][1]:.0f}x datasketch's "
              f"(wall clock, median of {args.runs} for framelens, 1 run for datasketch)")
    if not args.no_peers:
        try:
            sub = articles[: min(len(articles), 1200)]
            sub_truth = dc.true_pairs(sub)
            sign_s, curve = simhash_curve([a.text for a in sub], sub_truth, (3, 6, 10, 14, 18))
            print(f"\nSimHash (64 bits, 5-word shingles) on the first {len(sub)} documents, "
                  f"all pairs; fingerprints at {sum(len(a.text) for a in sub) / 1e6 / sign_s:.2f}"
                  " MB/s:")
            print("| Hamming distance <= | precision | recall |")
            print("|---|---|---|")
            for k, p, r in curve:
                print(f"| {k} | {p:.4f} | {r:.4f} |")
        except ImportError:
            print("simhash is not installed: pip install simhash (comparison skipped)")
    if args.analysis_mb > 0:
        in_analysis(args.analysis_mb, args.runs)


if __name__ == "__main__":
    main()
