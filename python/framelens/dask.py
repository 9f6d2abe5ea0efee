"""The cluster path: analyse a Dask collection partition by partition and merge the counts.

Each partition is analysed where it lives (the Analyzer pickles as its lexicon's JSON), and
only its additive Counts travel back; their sum is exactly the counts of the whole corpus,
so ``analyze_dask(...).compare()`` equals ``analyzer.analyze_corpus(...).compare()``.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Optional

from .counts import Counts


def _partition_counts(part, analyzer, text, group, id, threads, skip_invalid) -> Counts:
    corpus = analyzer.analyze_corpus(part, text=text, group=group, id=id, threads=threads,
                                     skip_invalid=skip_invalid)
    return corpus.counts


def analyze_dask(collection, analyzer, text: str = "text", group: Optional[str] = "outlet",
                 id: Optional[str] = "id", threads: int = 1, skip_invalid: bool = False,
                 compute: bool = True):
    """Counts of a ``dask.dataframe.DataFrame`` or a ``dask.bag.Bag`` of dicts.

    threads: worker threads inside each partition's task (Dask already runs partitions in
    parallel, so 1 is usually right). With ``compute=False`` returns a ``dask.delayed``
    object instead of the Counts.
    """
    try:
        import dask
        from dask import delayed
    except ImportError as exc:  # pragma: no cover - exercised only without dask
        raise ImportError("framelens.dask needs Dask: pip install 'dask[dataframe]'") from exc
    if not hasattr(collection, "to_delayed"):
        raise TypeError("analyze_dask expects a dask DataFrame or Bag, not "
                        f"{type(collection).__name__}")
    parts = collection.to_delayed()
    if hasattr(parts, "ravel"):  # dask dataframes return an array of delayed partitions
        parts = list(parts.ravel())
    task = delayed(_partition_counts, pure=True)
    pieces = [task(p, analyzer, text, group, id, threads, skip_invalid) for p in parts]
    total = delayed(_merge, pure=True)(pieces, analyzer.lexicon)
    return total.compute() if compute else total


def _merge(pieces, lexicon) -> Counts:
    out = Counts.empty(lexicon)
    for c in pieces:  # in partition order, so documents keep the collection's order
        out = out.merge(c)
    return out
