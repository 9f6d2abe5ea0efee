"""The cluster path: counts from a Dask collection equal the counts of the whole corpus."""
# SPDX-License-Identifier: MIT
import pickle

import pandas as pd
import pytest

import framelens as fl

dd = pytest.importorskip("dask.dataframe", reason="dask is in the test extra; install it")
import dask.bag as db  # noqa: E402

from framelens.dask import analyze_dask  # noqa: E402

LEXICON = {
    "terms": [
        {"term": "Kiev", "category": "ru"}, {"term": "Kyiv", "category": "ua"},
        {"term": "Kiev regime", "category": "deleg", "weight": 2.0},
        {"term": "aggress*", "category": "acc"},
    ],
    "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                                  "Kyiv": ["Kyiv"]}}],
}


def records(n=300):
    outlets = ["A", "B", "C"]
    words = ["Kiev", "Kyiv", "the Kiev regime", "aggression", "talks", "said", "Moscow"]
    out = []
    for i in range(n):
        w = [words[(i * 7 + k * 3) % len(words)] for k in range(5 + i % 9)]
        out.append({"id": i, "outlet": outlets[i % 3], "text": " ".join(w) + ". " +
                    ("He said Kyiv was calm." if i % 4 == 0 else "")})
    return out


def test_analyzer_and_lexicon_pickle():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    an2 = pickle.loads(pickle.dumps(an))
    text = "Kiev claims the Kiev regime is calm; Kyiv says aggression."
    assert [(m.term, m.start, m.voice) for m in an2.analyze(text).matches] == \
        [(m.term, m.start, m.voice) for m in an.analyze(text).matches]
    assert an2.lexicon.terms == an.lexicon.terms


@pytest.mark.parametrize("partitions", [1, 3, 7])
def test_dask_dataframe_counts_equal_the_whole(partitions):
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    df = pd.DataFrame(records())
    whole = an.analyze_corpus(df, threads=1).counts
    ddf = dd.from_pandas(df, npartitions=partitions)
    counts = analyze_dask(ddf, an)
    assert counts == whole
    a = counts.compare(bootstrap=50, seed=1)
    b = whole.compare(bootstrap=50, seed=1)
    pd.testing.assert_frame_equal(a.terms, b.terms)
    pd.testing.assert_frame_equal(a.contrasts, b.contrasts)


def test_dask_bag_of_dicts():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    recs = records(120)
    bag = db.from_sequence(recs, npartitions=4)
    assert analyze_dask(bag, an) == an.analyze_corpus(recs).counts


def test_not_a_dask_collection_is_a_type_error():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    with pytest.raises(TypeError, match="dask DataFrame or Bag"):
        analyze_dask(records(3), an)


# -- evidence at scale (issue 9, item 8) ---------------------------------------------------------
def test_dask_matches_equal_the_whole_with_labels_and_kept_columns():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    df = pd.DataFrame(records())
    df["url"] = [f"https://example.org/{i}" for i in range(len(df))]
    df.index = pd.RangeIndex(7000, 7000 + len(df))
    ddf = dd.from_pandas(df, npartitions=4)
    counts, matches = analyze_dask(ddf, an, id=None, keep=["url"], matches=True)
    whole = an.analyze_corpus(df, id=None, keep=["url"])
    assert counts == whole.counts
    got = matches.compute()
    want = whole.match_table(text=True)
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want) > 100
    assert got["doc_id"].tolist() == want["doc_id"].tolist()
    assert min(got["doc_id"]) >= 7000
    for col in ("term", "start", "end", "surface", "voice", "url", "sentence_text"):
        assert got[col].astype(str).tolist() == want[col].astype(str).tolist(), col
    assert got["group"].astype(str).tolist() == want["group"].astype(str).tolist()
    for _, row in got.head(50).iterrows():
        assert row["surface"] in row["sentence_text"]
        assert row["url"] == df.loc[row["doc_id"], "url"]


def test_dask_bag_matches_number_records_per_partition():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    recs = [{k: v for k, v in r.items() if k != "id"} for r in records(90)]
    bag = db.from_sequence(recs, npartitions=3)
    counts, matches = analyze_dask(bag, an, id=None, matches=True)
    assert counts == an.analyze_corpus(recs, id=None).counts
    got = matches.compute()
    assert len(got) == int(counts.term_counts.sum())
    ids = set(got["doc_id"])
    assert all(isinstance(i, str) and ":" in i for i in ids)
    assert {i.split(":")[0] for i in ids} == {"0", "1", "2"}  # unique across partitions


def test_dask_matches_are_analysed_once_with_the_counts():
    from dask.callbacks import Callback
    ran = []

    class Count(Callback):
        def _posttask(self, key, result, dsk, state, worker_id):
            name = key[0] if isinstance(key, tuple) else key
            if str(name).startswith("_partition"):
                ran.append(name)

    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    ddf = dd.from_pandas(pd.DataFrame(records(60)), npartitions=2)
    with Count():
        counts, matches = analyze_dask(ddf, an, matches=True)
        assert len(ran) == 2
        table = matches.compute()
    assert len(ran) == 2, "computing the matches analysed the partitions again"
    assert counts == an.analyze_corpus(pd.DataFrame(records(60))).counts
    assert len(table) == int(counts.term_counts.sum())
    lazy, lazy_matches = analyze_dask(ddf, an, matches=True, compute=False)
    assert lazy.compute() == counts
    assert len(lazy_matches.compute()) == len(table)


def test_dask_progress_bar(capsys):
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    df = pd.DataFrame(records(120))
    counts = analyze_dask(dd.from_pandas(df, npartitions=3), an, progress=True)
    assert counts == an.analyze_corpus(df).counts
    err = capsys.readouterr().err
    assert "3/3" in err and "partitions" in err, err


def test_dask_bag_partitions_are_analysed_where_they_are_read(capsys):
    """A Bag's analysis fuses with reading each partition (one task a partition, so its
    records never travel), with a small lexicon carried in the task and with a large one
    as a key of its own; the progress bar counts the fused tasks. The merge takes the fused
    tasks themselves: no alias task a partition (each a scheduler round trip on a
    cluster)."""
    import dask

    from framelens import dask as fd
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    recs = records(120)
    bag = db.from_sequence(recs, npartitions=4).map(dict)
    want = an.analyze_corpus(recs).counts
    lazy = analyze_dask(bag, an, compute=False)
    (optimized,) = dask.optimize(lazy)
    graph = dict(optimized.__dask_graph__())
    names = [str(k[0] if isinstance(k, tuple) else k) for k in graph]
    tasks = [n for n in names if n.startswith("_partition_counts")]
    assert len(tasks) == 4, names  # one task a partition: reading it fused in
    assert not any("from_sequence" in n or "from-sequence" in n for n in names), names
    assert len(graph) == 5 or not hasattr(dask._task_spec, "resolve_aliases"), names
    assert analyze_dask(bag, an, progress=True) == want
    err = capsys.readouterr().err
    assert "4/4" in err and "partitions" in err, err
    max_carried = fd._CARRIED_MAX
    try:
        fd._CARRIED_MAX = 0  # the lexicon as a shared key
        assert analyze_dask(bag, an) == want
    finally:
        fd._CARRIED_MAX = max_carried


def test_dask_bag_merge_needs_no_key_the_partitions_do_not():
    """A Bag carrying a small lexicon in its tasks merges with that lexicon too: a key of the
    analyzer's own would be made only after the last partition (none of them needs it), one
    more scheduler round trip before the merge."""
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    recs = records(60)
    lazy = analyze_dask(db.from_sequence(recs, npartitions=3), an, compute=False)
    names = [str(k[0] if isinstance(k, tuple) else k) for k in dict(lazy.__dask_graph__())]
    assert not any(n.startswith("_Shipped") for n in names), names
    assert lazy.compute() == an.analyze_corpus(recs).counts


def test_dask_wrong_column_fails_before_computing():
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    ddf = dd.from_pandas(pd.DataFrame(records(10)), npartitions=2)
    with pytest.raises(KeyError, match="nosuch"):
        analyze_dask(ddf, an, keep=["nosuch"], compute=False)


def test_a_worker_compiles_each_lexicon_once_and_keeps_them_apart():
    # what travels to a worker is the lexicon's text and its digest: compiled when first
    # used, not when unpickled; unpickled twice, the worker's compiled analyzer is reused;
    # another lexicon gets its own, and the results of each stay its own when the two
    # alternate
    from framelens import dask as fd
    fd._COMPILED.clear()
    one = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    other_lex = dict(LEXICON, terms=[{"term": "talks", "category": "neutral"}], contrasts=[])
    other = fl.Analyzer(fl.Lexicon.from_dict(other_lex))
    s1, s2 = fd._Shipped.of(one), fd._Shipped.of(other)
    assert s1.digest != s2.digest and s1.__dask_tokenize__() == fd._Shipped.of(one).digest
    a = pickle.loads(pickle.dumps(s1))
    # unpickled, nothing is compiled yet (the scheduler unpickles every task it hands out)
    assert a._analyzer is None and not fd._COMPILED
    assert a.analyzer is not one and a.analyzer.lexicon.terms == one.lexicon.terms
    assert pickle.loads(pickle.dumps(s1)).analyzer is a.analyzer  # compiled once
    assert pickle.loads(pickle.dumps(a)).analyzer is a.analyzer  # passed on: the same way
    b = pickle.loads(pickle.dumps(s2))
    assert b.analyzer is not a.analyzer and b.analyzer.lexicon.terms == other.lexicon.terms
    text = "Kiev talks with Kyiv."
    assert [m.term for m in a.analyzer.analyze(text).matches] == ["Kiev", "Kyiv"]
    assert [m.term for m in b.analyzer.analyze(text).matches] == ["talks"]
    # the same text under another source or duplicate policy is another lexicon
    third = fl.Analyzer(fl.Lexicon.from_json(one.lexicon.to_json(), source="x.json"))
    assert fd._Shipped.of(third).digest != s1.digest
    # only the most recent few stay compiled
    for k in range(fd._COMPILED_MAX + 1):
        lex = fl.Lexicon.from_dict({"terms": [{"term": f"t{k}", "category": "c"}]})
        assert pickle.loads(pickle.dumps(fd._Shipped.of(fl.Analyzer(lex)))).analyzer
    assert len(fd._COMPILED) == fd._COMPILED_MAX and s1.digest not in fd._COMPILED


def test_dask_on_processes_alternating_lexicons_gives_each_its_own_counts():
    # a worker process keeps compiled lexicons between calls: calls with two lexicons in
    # turn must each count with their own, and the worker must have compiled each once
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import dask

    from framelens import dask as fd
    an1 = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    an2 = fl.Analyzer(fl.Lexicon.from_dict(
        dict(LEXICON, terms=[{"term": "talks", "category": "neutral"},
                             {"term": "Moscow", "category": "place"}], contrasts=[])))
    recs = records(90)
    want = {1: an1.analyze_corpus(recs).counts, 2: an2.analyze_corpus(recs).counts}
    assert want[1] != want[2]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool, \
            dask.config.set(scheduler="processes", pool=pool):
        for which in (1, 2, 1, 2):
            an = an1 if which == 1 else an2
            assert analyze_dask(db.from_sequence(recs, npartitions=3), an) == want[which]
        cached = pool.submit(eval, "list(__import__('framelens.dask').dask._COMPILED)").result()
    assert sorted(cached) == sorted([fd._Shipped.of(an1).digest, fd._Shipped.of(an2).digest])


def test_a_partitions_counts_travel_without_the_lexicons_shape():
    """A partition's Counts go to the merge as a _Piece pickled without the shape (the
    lexicon's terms); the merge gives them the shape of the analyzer it carries, and the
    sum equals the counts of the whole."""
    from framelens.dask import _merge, _Piece, _Shipped
    an = fl.Analyzer(fl.Lexicon.from_dict({"terms": [
        {"term": "Kyiv", "category": "place"}, {"term": "war", "category": "event"}]}))
    recs = [{"id": i, "text": f"Kyiv said the war goes on, day {i}.",
             "outlet": "AB"[i % 2]} for i in range(30)]
    whole = an.analyze_corpus(recs, threads=1).counts
    pieces = [an.analyze_corpus(recs[a:b], threads=1).counts for a, b in
              ((0, 7), (7, 8), (8, 30))]
    wire = [pickle.dumps(_Piece(c)) for c in pieces]
    term = an.lexicon.terms[0].term.encode()
    assert term in pickle.dumps(pieces[0]) and not any(term in w for w in wire)
    shipped = pickle.loads(pickle.dumps(_Shipped.of(an)))
    assert _merge([[pickle.loads(w)] for w in wire], shipped) == whole
    # pieces that never left the process are taken as they are
    assert _merge([_Piece(c) for c in pieces], shipped) == whole
