"""The tables `framelens analyze` writes, as CSV and as JSON Lines: framelens.table_text's
writers against what the CLI called before, in the same run: pandas'
``DataFrame.to_csv(index=False)`` (what a notebook user calls too) and ``json.dumps`` of
each row (table_text.write_jsonl_rows), on the tables of one analysed corpus.

The corpus is benchmarks/newsgen.py's news-like one (--size-mb, 1,000 terms), analysed once
in this process. Timed: each table the CLI writes (matches and sentences with their text,
attributions) whole, and cut into the pieces a streamed two-thread run writes (the records
of one 2 MB batch at a time, where the fixed cost of a call shows). Each writer writes to a
file in a temporary folder; rounds alternate the order of the two writers, the table gives
each one's median and the median of the rounds' paired ratios (before / now). The files
must be byte-identical, else the run fails. Usage::

    python benchmarks/cli_tables.py               # 16 MB, 7 rounds (about two minutes)
    python benchmarks/cli_tables.py --size-mb 4 --runs 3
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "python"))

import framelens as fl  # noqa: E402
from framelens.table_text import write_csv, write_jsonl, write_jsonl_rows  # noqa: E402

import newsgen  # noqa: E402

BATCH_BYTES = 2 << 20  # a two-thread run's batches (corpus.py's _THREADED_BATCH_BYTES)


def tables(records: List[dict], lexicon_json: str) -> Dict[str, object]:
    an = fl.Analyzer(fl.Lexicon.from_json(lexicon_json, source="bench"))
    corpus = an.analyze_corpus(records, text="text", group="outlet", id="id", texts="all")
    return {"matches, with text": corpus.match_table(text=True),
            "sentences, with text": corpus.sentence_table(text=True),
            "attributions": corpus.attributions}


def batches(df, doc_ids, records: List[dict]) -> List[object]:
    """df's rows cut as the streamed run cuts them: by the documents of each 2 MB batch."""
    import numpy as np
    ends, size = [], 0
    for i, r in enumerate(records):
        size += len(r["text"]) + 64
        if size >= BATCH_BYTES:
            ends.append(i + 1)
            size = 0
    ends.append(len(records))
    position = {d: i for i, d in enumerate(doc_ids)}
    doc = np.fromiter((position[d] for d in df["doc_id"]), dtype=np.int64, count=len(df))
    cuts = np.searchsorted(doc, ends, side="left")
    return [df.iloc[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True) if b > a]


def timed(write: Callable[..., None], pieces: List[object], path: Path) -> float:
    """Seconds to write the pieces to one file: to a text file opened with newline="" for
    the writers before (as pandas' documentation asks), to a binary one for table_text's
    (as the CLI opens it now); the bytes are the same."""
    t = time.perf_counter()
    with (open(path, "w", encoding="utf-8", newline="") if write in BEFORE.values()
          else open(path, "wb")) as f:
        for k, df in enumerate(pieces):
            write(df, f, header=k == 0)
    return time.perf_counter() - t


def pandas_csv(df, f, header: bool = True) -> None:
    df.to_csv(f, index=False, header=header)


def rows_jsonl(df, f, header: bool = True) -> None:
    write_jsonl_rows(df, f)


def fast_jsonl(df, f, header: bool = True) -> None:
    write_jsonl(df, f)


BEFORE = {"CSV": pandas_csv, "JSON Lines": rows_jsonl}
NOW = {"CSV": write_csv, "JSON Lines": fast_jsonl}


def main(argv: List[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size-mb", type=float, default=16.0)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        newsgen.write_corpus(folder / "corpus.jsonl", args.size_mb, 1)
        import json
        records = newsgen.read_corpus(folder / "corpus.jsonl")
        lexicon = json.dumps(newsgen.lexicon(1000), ensure_ascii=False)
        made = tables(records, lexicon)
        doc_ids = [r["id"] for r in records]
        for df in made.values():  # first calls (pyarrow.compute's kernels) out of the timing
            for writer in (*BEFORE.values(), *NOW.values()):
                timed(writer, [df.iloc[:50]], folder / "warm-up.out")
        print(f"{sum(len(r['text'].encode()) for r in records) / 1e6:.1f} MB, "
              f"{len(records):,} documents, 1,000 terms; {args.runs} rounds, median\n")
        print("| table | rows | format | written as | before | table_text | before / now |")
        print("|---|---:|---|---|---:|---:|---:|")
        for name, df in made.items():
            for fmt in BEFORE:
                for how, pieces in (("one table", [df]),
                                    ("2 MB batches", batches(df, doc_ids, records))):
                    times: Dict[str, List[float]] = {"before": [], "now": []}
                    ratios = []
                    for r in range(args.runs):
                        order = ("before", "now") if r % 2 == 0 else ("now", "before")
                        got = {}
                        for w in order:
                            writer = BEFORE[fmt] if w == "before" else NOW[fmt]
                            got[w] = timed(writer, pieces, folder / f"{w}.out")
                            times[w].append(got[w])
                        ratios.append(got["before"] / got["now"])
                        if (folder / "before.out").read_bytes() != \
                                (folder / "now.out").read_bytes():
                            raise SystemExit(f"{name}, {fmt}, {how}: table_text's file differs")
                    print(f"| {name} | {len(df):,} | {fmt} | {how} ({len(pieces)} calls) | "
                          f"{statistics.median(times['before']) * 1e3:.0f} ms | "
                          f"{statistics.median(times['now']) * 1e3:.0f} ms | "
                          f"{statistics.median(ratios):.2f}× |")
    print("\nThe files were byte-identical in every round.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
