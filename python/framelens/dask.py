"""The cluster path: analyse a Dask collection partition by partition and merge the counts.

Each partition is analysed where it lives (the Analyzer pickles as its lexicon's JSON), and
only its additive Counts travel back; their sum is exactly the counts of the whole corpus,
so ``analyze_dask(...).compare()`` equals ``analyzer.analyze_corpus(...).compare()``.

With ``matches=True`` the evidence comes too: a Dask DataFrame of every match (with its
sentence text and the kept columns), built from the same partition tasks, so it stays on
the workers until it is computed or written (``matches.to_parquet(...)``).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any, List, Optional, Sequence, Tuple, Union

from ._api import Analyzer, Lexicon
from .counts import Counts, _Shape

# Analyzers a worker process has compiled, by the digest of their lexicon's text: the most
# recently used few, so that a worker compiles a lexicon once, not on every call (a
# 100,000-term lexicon takes 0.2 s to compile), and a call with another lexicon gets its own.
_COMPILED: "OrderedDict[str, Analyzer]" = OrderedDict()
_COMPILED_MAX = 2
_COMPILED_LOCK = threading.Lock()

# A lexicon text up to this size travels inside each partition's task of a Bag (about
# 15,000 terms; 1,000 terms are 58 KB), so that the task fuses with reading its partition.
_CARRIED_MAX = 1 << 20


class _Shipped:
    """An Analyzer as it travels to the workers: its lexicon's text and that text's digest.
    Unpickled, it compiles nothing until its ``analyzer`` is first used: then it takes the
    process's compiled Analyzer of that digest, or compiles one (and pickled again, to
    another worker, it travels the same way). The scheduler unpickles every task it hands
    out, and compiled each lexicon too when unpickling did."""

    __slots__ = ("_analyzer", "digest", "_text")

    def __init__(self, analyzer: Optional[Analyzer], digest: str, text: tuple):
        self._analyzer = analyzer
        self.digest = digest
        self._text = text  # (lexicon text, source, on_duplicate)

    @classmethod
    def of(cls, analyzer: Analyzer) -> "_Shipped":
        text, source, on_duplicate = analyzer.lexicon._rebuild_args()
        h = hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text)
        h.update(f"\0{type(text).__name__}\0{source}\0{on_duplicate}".encode("utf-8",
                                                                           "surrogatepass"))
        return cls(analyzer, h.hexdigest(), (text, source, on_duplicate))

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = _compiled(self.digest, *self._text)
        return self._analyzer

    def __reduce__(self):
        return (_Shipped, (None, self.digest, self._text))

    def __dask_tokenize__(self) -> str:
        return self.digest  # Dask names the key by it, without pickling the lexicon


def _compiled(digest: str, text, source: str, on_duplicate: str) -> Analyzer:
    """The process's Analyzer of this lexicon text (compiled on first use)."""
    with _COMPILED_LOCK:
        an = _COMPILED.get(digest)
        if an is not None:
            _COMPILED.move_to_end(digest)
    if an is None:
        an = Analyzer(Lexicon.from_json(text, source, on_duplicate))
        with _COMPILED_LOCK:
            _COMPILED[digest] = an
            while len(_COMPILED) > _COMPILED_MAX:
                _COMPILED.popitem(last=False)
    return an


def _partition(part, index, shipped: _Shipped, options) -> Tuple[Counts, Any]:
    """(counts, matches table) of one partition."""
    import pandas as pd
    numbered = options.get("_numbered", False)
    corpus = shipped.analyzer.analyze_corpus(part, **{k: v for k, v in options.items()
                                                      if not k.startswith("_")})
    matches = None
    if options.get("texts", "none") != "none":
        matches = _plain_labels(corpus.match_table(text=True))
        if numbered:  # records numbered within a partition: make the ids unique overall
            matches["doc_id"] = pd.array([f"{index}:{i}" for i in matches["doc_id"]],
                                         dtype=matches["surface"].dtype)
    return corpus.counts, matches


class _Piece:
    """A partition's Counts on their way to the merge, pickled without their lexicon's shape
    (its term names, categories and contrasts: 27 KB of every partition's pickle at 1,000
    terms, sent to the merging worker and unpickled there once per partition): the merge
    gives them the shape of the analyzer it carries, the same lexicon."""

    __slots__ = ("counts", "state")

    def __init__(self, counts: Optional[Counts], state: Optional[dict] = None):
        self.counts = counts
        self.state = state

    def __reduce__(self):
        state = self.state
        if state is None:
            assert self.counts is not None
            state = self.counts.__getstate__()
            del state["shape"]
        return (_Piece, (None, state))

    def restored(self, shipped: _Shipped) -> Counts:
        if self.counts is None:
            assert self.state is not None
            self.counts = Counts._restored(self.state, _Shape.of(shipped.analyzer.lexicon))
            self.state = None
        return self.counts


def _partition_counts(part, index, shipped: _Shipped, options) -> _Piece:
    """The counts of one partition (one task, when no matches are asked for)."""
    return _Piece(_partition(part, index, shipped, options)[0])


def _partition_counts_list(part, shipped: _Shipped, options) -> List[_Piece]:
    """The counts of one partition of a Bag, as a partition of a Bag of Counts."""
    return [_Piece(_partition(part, 0, shipped, options)[0])]


# Label columns whose categories are the lexicon's, the same in every partition.
_FIXED_LABELS = ("term", "category", "voice")


def _plain_labels(table):
    """Groups and kept labels differ between partitions: as plain strings they concatenate
    into one column type (the lexicon's labels stay Categoricals)."""
    import pandas as pd
    text = table["surface"].dtype
    for col in table.columns:
        if col not in _FIXED_LABELS and isinstance(table[col].dtype, pd.CategoricalDtype):
            table[col] = table[col].astype(object).where(table[col].notna(), None) \
                .astype(text)
    return table


def _counts_of(result) -> Counts:
    return result[0]


def _matches_of(result):
    return result[1]


def analyze_dask(collection, analyzer, text: str = "text",
                 group: Union[None, str, Sequence[str]] = "outlet",
                 id: Optional[str] = "id", threads: int = 1, skip_invalid: bool = False,
                 compute: bool = True, progress: bool = False, matches: bool = False,
                 keep: Optional[Sequence[str]] = None, date: Optional[str] = None,
                 period: Optional[str] = None):
    """Counts of a ``dask.dataframe.DataFrame`` or a ``dask.bag.Bag`` of dicts.

    threads: worker threads inside each partition's task (Dask already runs partitions in
    parallel, so 1 is usually right). keep, date, period: as in ``analyze_corpus``.
    The lexicon travels as its text; a worker process compiles it once and keeps the last
    two it compiled (by the digest of their text), so that calls after the first do not
    compile it again, and a call with another lexicon gets its own.
    With ``compute=False`` returns a ``dask.delayed`` object instead of the Counts.

    ``matches=True`` returns ``(counts, matches)``: ``matches`` is a Dask DataFrame with the
    columns of ``Corpus.match_table(text=True)`` (the sentence of each match) and the kept
    columns. With ``compute=True`` the partitions are analysed once for both: the matches
    are persisted (in memory with Dask's local schedulers, on the workers of a distributed
    cluster) until they are computed or written (``matches.to_parquet(...)``). With
    ``compute=False`` both are lazy, and computing each runs the analysis. ``doc_id`` is a
    DataFrame's index label or the ``id`` field; records without one are numbered
    "partition:record".

    ``progress=True`` shows a progress bar of finished partitions (tqdm.auto: a widget in
    Jupyter) while the counts are computed by Dask's local schedulers (the distributed
    scheduler has its own dashboard).
    """
    try:
        import dask
        from dask import delayed
        from dask.base import tokenize
    except ImportError as exc:  # pragma: no cover - exercised only without dask
        raise ImportError("framelens.dask needs Dask: pip install 'dask[dataframe]'") from exc
    if not hasattr(collection, "to_delayed"):
        raise TypeError("analyze_dask expects a dask DataFrame or Bag, not "
                        f"{type(collection).__name__}")
    is_frame = hasattr(collection, "columns")
    options = {"text": text, "group": group, "id": id, "threads": threads,
               "skip_invalid": skip_invalid, "keep": keep, "date": date, "period": period,
               "texts": "matched" if matches else "none",
               # counts and the matches table need no attribution that holds no match
               "attributions": "matched"}
    if not is_frame and id is None:
        options["_numbered"] = True
    # Check the options once here (a wrong field name fails now, not in a worker).
    _check(collection, analyzer, options, is_frame)
    # The analyzer is a key of its own, so that it travels once to each worker: inside every
    # task it was unpickled, and its lexicon compiled, once per partition (8 small partitions
    # with 100,000 terms on one worker took 16 s; building that lexicon once takes 0.8 s).
    # A worker keeps what it compiled for the next calls (_compiled).
    shipped = _Shipped.of(analyzer)
    shared = delayed(shipped, pure=True)
    if is_frame or matches:
        parts = collection.to_delayed()
        if hasattr(parts, "ravel"):  # dask dataframes return an array of delayed partitions
            parts = list(parts.ravel())
    if not matches:
        # One task per partition, no second hop to take the counts out of a pair. Named by
        # one token for the call: a token per task (what pure=True does) took as long as
        # the rest of building the graph, while the workers wait for it.
        token = tokenize(collection, shared.key, options)
        if is_frame:
            pieces = [delayed(_partition_counts)(p, i, shared, options,
                                                 dask_key_name=f"_partition_counts-{token}-{i}")
                      for i, p in enumerate(parts)]
        else:
            # A Bag's partitions are analysed by a map over them, which Dask fuses with
            # reading them (its files, json.loads) into one task per partition when that
            # task has no other input: the records then never travel between workers, and
            # the scheduler shares out whole partitions. As tasks downstream of the reading
            # (or with the shared analyzer as a second input), a 2 MB partition's records
            # were sent to the other worker (0.1 s) and two processes got 5 and 3 of 8
            # partitions (a task-stream trace of dask_scale.py). So a small lexicon travels
            # inside each task; a large one stays a key of its own, sent once per worker.
            carried = shipped if len(shipped._text[0]) <= _CARRIED_MAX else shared
            pieces = collection.map_partitions(_partition_counts_list, carried,
                                               options).to_delayed()
        # The merge takes the analyzer as the partitions did: with the shared key as its
        # input, a Bag carrying a small lexicon had the scheduler make that key only once
        # the last partition was done, one more round trip before the merge could start
        # (a task-stream trace of dask_scale.py).
        total = delayed(_merge)(pieces, shared if is_frame else carried,
                                dask_key_name=f"_merge-{token}")
        if not is_frame:
            total = _without_aliases(total)
        if not compute:
            return total
        with _progress(progress, collection.npartitions):
            return total.compute()
    import dask.dataframe as dd
    task = delayed(_partition, pure=True)
    results = [task(p, i, shared, dict(options)) for i, p in enumerate(parts)]
    pieces = [delayed(_counts_of, pure=True)(r) for r in results]
    total = delayed(_merge, pure=True)(pieces, shared)
    meta = _meta(collection, analyzer, options, is_frame)
    frames = [delayed(_matches_of, pure=True)(r) for r in results]
    if compute:
        # One pass: the counts computed, the matches kept where they were made (in memory
        # with the local schedulers, on the workers with a distributed cluster).
        with _progress(progress, len(parts)):
            total, *frames = dask.persist(total, *frames)
        return total.compute(), dd.from_delayed(frames, meta=meta, verify_meta=False)
    return total, dd.from_delayed(frames, meta=meta, verify_meta=False)


def _without_aliases(total):
    """The delayed ``total`` with each fused task of a Bag under the name its consumer asks
    for. Dask fuses a Bag's chain (read, parse, analyse) into one task of a new name and
    leaves an alias task under the old one, which the merge takes: on a distributed
    cluster every alias is a task of its own, with its scheduler round trip (8 of the 17
    tasks and 40 of the 92 scheduler transitions of a run of 8 partitions). Where Dask has
    no ``resolve_aliases`` (it is internal to ``dask._task_spec``), the graph is left as it
    was: the result is the same."""
    try:
        from dask._task_spec import DependenciesMapping, resolve_aliases
        from dask.core import reverse_dict
        from dask.delayed import Delayed
    except ImportError:  # pragma: no cover - another Dask
        return total
    graph = dict(total.__dask_graph__())
    graph = resolve_aliases(graph, {total.key}, reverse_dict(DependenciesMapping(graph)))
    return Delayed(total.key, graph)


def _check(collection, analyzer, options, is_frame: bool) -> None:
    if is_frame:
        missing = [f for f in [options["text"], *_names(options["group"]),
                               *_names(options["keep"]), options["date"]]
                   if f is not None and f not in collection.columns]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the Dask DataFrame; columns: "
                           f"{', '.join(map(str, collection.columns))}")


def _names(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _meta(collection, analyzer, options, is_frame: bool):
    """The matches table of no records, with the columns and dtypes of a real one."""
    import pandas as pd
    opts = {k: v for k, v in options.items() if not k.startswith("_")}
    if is_frame:
        empty = collection._meta
    else:
        fields = [opts["text"], *_names(opts["group"]), *_names(opts["keep"])]
        if opts["date"]:
            fields.append(opts["date"])
        empty = pd.DataFrame({f: pd.Series([], dtype=object) for f in dict.fromkeys(fields)})
        if opts["id"] is not None:
            empty[opts["id"]] = pd.Series([], dtype=object)
    corpus = analyzer.analyze_corpus(empty, **opts)
    table = _plain_labels(corpus.match_table(text=True))
    for col in table.columns:  # kept strings: text in every partition (see _plain_labels)
        if table[col].dtype == object:
            table[col] = table[col].astype(table["surface"].dtype)
    if not is_frame:
        table["doc_id"] = table["doc_id"].astype(table["surface"].dtype)
    return table


class _progress:
    """While Dask computes: a tqdm bar that advances as partitions finish (a no-op when
    ``enabled`` is false)."""

    def __init__(self, enabled: bool, n_parts: int):
        self.enabled = enabled
        self.n_parts = n_parts
        self.bar: Any = None
        self.callback: Any = None

    def __enter__(self):
        if not self.enabled:
            return self
        from dask.callbacks import Callback
        from tqdm.auto import tqdm
        bar = tqdm(total=self.n_parts, unit=" partitions", desc="framelens")

        seen = set()

        class _Finished(Callback):
            def _posttask(self, key, result, dsk, state, worker_id):
                # a Bag's partition task is fused with its reading and has an alias key:
                # a partition counts once, by its index
                name = key[0] if isinstance(key, tuple) else key
                if isinstance(name, str) and "_partition" in name:
                    part = key[1] if isinstance(key, tuple) else key
                    if part not in seen:
                        seen.add(part)
                        bar.update(1)

        self.bar = bar
        self.callback = _Finished()
        self.callback.__enter__()
        return self

    def __exit__(self, *exc):
        if self.callback is not None:
            self.callback.__exit__(*exc)
            self.bar.close()
        return False


def _merge(pieces, shipped: _Shipped) -> Counts:
    """The sum of the partitions' Counts (each a Counts or a _Piece, or a list of them: a
    Bag's), merged in one pass (Counts.merge_all). The lexicon is compiled for it only when
    there are none or a piece came from another process (a worker that merges what it
    analysed itself compiles nothing)."""
    counts = []
    for piece in pieces:  # in partition order, so documents keep the collection's order
        for c in piece if isinstance(piece, list) else [piece]:
            counts.append(c.restored(shipped) if isinstance(c, _Piece) else c)
    return Counts.merge_all(counts) if counts else Counts.empty(shipped.analyzer.lexicon)
