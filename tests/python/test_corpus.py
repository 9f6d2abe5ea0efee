"""Corpus analysis (DESIGN.md section 4, issue 4): inputs, threads, additive counts, errors,
DataFrame columns."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import gc
import math
import pickle
import random
import weakref
from typing import Dict, Iterator, List

import numpy as np
import pandas as pd
import pytest

import framelens as fl

import common

LEXICON = {
    "name": "corpus-test",
    "terms": [
        {"term": "Kiev", "category": "capital"},
        {"term": "Kyiv", "category": "capital"},
        {"term": "Київ", "category": "capital"},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.5},
        {"term": "coup d'état", "category": "delegitimization", "weight": 2.0,
         "variants": ["putsch"]},
        {"term": "aggress*", "category": "accusation", "weight": 1.5},
        {"term": "DPR", "category": "actor", "case_sensitive": True},
        {"term": "pro-Russian", "category": "actor"},
        {"term": "special military operation", "category": "euphemism", "weight": 0.5},
        {"term": "neverused", "category": "accusation"},
    ],
    "exclude": ["chicken Kiev"],
    "contrasts": [
        {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                        "Kyiv": ["Kyiv", "Київ"]}},
    ],
}

SNIPPETS = [
    "The Kiev regime launched another attack, officials said.",
    "Kyiv's mayor spoke on Monday.",
    "Mr. Smith arrived in Kyiv at 3.5 p.m. on Tuesday.",
    "\u201cThe coup d'\u00e9tat was illegal,\u201d Lavrov said. \u201cIt was a putsch.\u201d",
    "The coup d\u2019e\u0301tat in 2014 is how Moscow describes it.",
    "According to the DPR, aggression continued near Donetsk.",
    "The dpr is not the DPR.",
    "Pro-Russian forces and pro\u2011Russian media; not pro Russian.",
    "She ordered chicken Kiev in Kiev-controlled territory.",
    "Київ заявив про атаку. Kyiv 🇺🇦 responded.",
    "The special military operation, as the Kremlin calls it, entered its third year.",
    "Aggressors and aggress were both named.",
    "Headline about Kyiv\nAnother line without a period\nThen a normal sentence.",
    "Emoji 😀 before Kiev and after 🎉 Kyiv.",
    "NUL\x00inside text Kiev\x00Kyiv.",
    "See https://example.com/Kiev.html for Kiev details.",
    "Nothing to see here at all.",
    "",
    "   ",
    "U.S. officials said the Kiev regime \u201cmust stop\u201d the aggression.",
    "The neverusedword is not a match, nor is Kievan Rus.",
]


def make_records(n: int, seed: int, groups=("RT", "BBC", "Kyiv Independent", "TASS")
                 ) -> List[dict]:
    return common.make_records(n, seed, SNIPPETS, groups, max_snippets=6,
                               paragraph_share=0.2)


@pytest.fixture(scope="module")
def lexicon() -> fl.Lexicon:
    return fl.Lexicon.from_dict(LEXICON)


@pytest.fixture(scope="module")
def analyzer(lexicon) -> fl.Analyzer:
    return fl.Analyzer(lexicon)


@pytest.fixture(scope="module")
def records() -> List[dict]:
    return make_records(1500, seed=42)


@pytest.fixture(scope="module")
def corpus1(analyzer, records):
    return analyzer.analyze_corpus(records, threads=1)


SENT_COLS = ["doc_id", "group", "sentence", "start", "end", "n_tokens", "n_matches", "score"]
MATCH_COLS = ["doc_id", "group", "sentence", "term", "category", "start", "end", "surface",
              "voice", "weight"]


def assert_counts_equal(a: fl.Counts, b: fl.Counts) -> None:
    """Field by field, not trusting Counts.__eq__ alone."""
    assert a.groups == b.groups
    for name in ("term_counts", "tokens", "sentences", "documents"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert a == b


# -- inputs --------------------------------------------------------------------------------
def test_columns_are_the_contract(corpus1):
    assert list(corpus1.sentences.columns[:len(SENT_COLS)]) == SENT_COLS
    assert list(corpus1.matches.columns[:len(MATCH_COLS)]) == MATCH_COLS
    assert len(corpus1.matches) > 1000


def test_list_generator_and_dataframe_agree(analyzer, records, corpus1):
    consumed = [0]

    def gen() -> Iterator[dict]:
        for r in records:
            consumed[0] += 1
            yield dict(r)

    from_gen = analyzer.analyze_corpus(gen(), threads=1)
    assert consumed[0] == len(records)
    df = pd.DataFrame(records)
    from_df = analyzer.analyze_corpus(df, threads=1)
    for other in (from_gen, from_df):
        pd.testing.assert_frame_equal(other.sentences, corpus1.sentences)
        pd.testing.assert_frame_equal(other.matches, corpus1.matches)
        assert_counts_equal(other.counts, corpus1.counts)


def test_generator_is_consumed_once_and_lazily(analyzer):
    """A one-shot iterator works (nothing iterates it twice), and items are pulled as the
    analysis goes: the generator runs interleaved with the work, not all up front."""
    seen = []

    def gen():
        for i, r in enumerate(make_records(50, seed=1)):
            seen.append(i)
            yield r

    it = gen()
    corpus = analyzer.analyze_corpus(it, threads=2)
    assert seen == list(range(50))
    assert corpus.n_documents == 50
    assert next(it, None) is None


class _Text(str):
    """A str that can be weakly referenced, to see which texts are still alive."""


def test_records_are_streamed_not_held(analyzer):
    """~96 MB of texts from a generator: at no point is most of the input alive at once
    (records are analysed in batches and released, never all held twice)."""
    # 256 KiB of long words (quick to analyse) and one match
    piece = ("lorem" * 200 + " ") * 261 + "Kiev."
    n = 384
    refs: List[weakref.ref] = []
    alive_max = [0]

    def gen():
        for i in range(n):
            gc.collect(0)
            alive = sum(1 for r in refs if r() is not None)
            alive_max[0] = max(alive_max[0], alive)
            t = _Text(piece)
            refs.append(weakref.ref(t))
            yield {"id": i, "text": t, "outlet": "AB"[i % 2]}

    corpus = analyzer.analyze_corpus(gen(), threads=2)
    assert corpus.n_documents == n
    assert int(corpus.counts.term_counts.sum()) == n
    assert alive_max[0] < n // 2, (
        f"{alive_max[0]} of {n} texts were alive at once: the input is held, not streamed")
    # the batches are stitched together correctly: ids, groups, offsets and surfaces
    m = corpus.matches
    assert m["doc_id"].tolist() == list(range(n))
    assert m["group"].astype(str).tolist() == ["AB"[i % 2] for i in range(n)]
    assert set(m["start"]) == {len(piece) - 5} and set(m["surface"]) == {"Kiev"}
    assert corpus.counts.documents.tolist() == [n // 2, n // 2]


def test_dataframe_dtypes(corpus1):
    s, m = corpus1.sentences, corpus1.matches
    for col in ("group",):
        assert isinstance(s[col].dtype, pd.CategoricalDtype), col
    for col in ("group", "term", "category", "voice"):
        assert isinstance(m[col].dtype, pd.CategoricalDtype), col
    # text is pandas' Arrow-backed string dtype (framelens.columns)
    assert isinstance(m["surface"].dtype, pd.StringDtype)
    assert m["surface"].dtype.storage == "pyarrow"
    for col in ("sentence", "start", "end"):
        assert np.issubdtype(m[col].dtype, np.integer), col
    for col in ("sentence", "start", "end", "n_tokens", "n_matches"):
        assert np.issubdtype(s[col].dtype, np.integer), col
    assert np.issubdtype(s["score"].dtype, np.floating)
    assert np.issubdtype(m["weight"].dtype, np.floating)
    assert set(m["voice"].cat.categories) == {"author", "quoted", "attributed"}
    assert set(m["voice"]) == {"author", "quoted", "attributed"}


def test_tables_are_their_own_copies(analyzer, records):
    """A table the user writes into leaves the corpus as it was: the tables take their
    columns without a second copy (copy=False), so each column must be the table's own, not
    a view of the corpus's arrays."""
    corpus = analyzer.analyze_corpus(records)
    before_m, before_s = corpus.match_table(), corpus.sentence_table()
    m, s = corpus.match_table(), corpus.sentence_table()
    # no column shares memory with the corpus's own arrays (pandas >= 3 would copy on a
    # write anyway; older pandas would write through)
    attrs = corpus.attribution_table()
    assert len(attrs) > 0
    for table in (m, s, attrs, corpus.attribution_table(nested=False), corpus.documents):
        for col in table.columns:
            values = table[col].to_numpy()
            assert not any(np.shares_memory(values, a) for a in corpus._cols.values()
                           if isinstance(a, np.ndarray) and values.dtype != object), col
    for table, cols in ((m, ("start", "end", "sentence", "weight")),
                        (s, ("start", "end", "score", "n_tokens"))):
        for col in cols:
            table.loc[:, col] = -1
            # and through numpy, where pandas gives a writable array (pandas < 3)
            values = table[col].to_numpy()
            if values.flags.writeable:
                values[:] = -2
    assert len(before_m) > 0 and len(before_s) > 0
    pd.testing.assert_frame_equal(corpus.match_table(), before_m)
    pd.testing.assert_frame_equal(corpus.sentence_table(), before_s)


def test_tables_make_their_arrow_buffers_outside_pyarrows_default_pool(analyzer, records):
    """framelens makes the Arrow buffers of its tables (document ids, taken strings, kept
    text columns) in framelens.columns.arrow_pool(), not in pyarrow's default pool, whose
    huge pages cost up to 55 ms to touch first on a lazily backed VM. Counted by the default
    pool's bytes while the tables are held: what pandas itself makes there (the categories
    of the label columns, a few hundred bytes) is all it may gain; a take of the document ids
    alone would hold tens of KB. (A proxy pool put in as the default would count more
    exactly, but a buffer does not keep its pool alive, and pandas caches what it made.)"""
    import pyarrow as pa

    from framelens.columns import arrow_pool
    default = pa.default_memory_pool()
    if default.backend_name == "system":
        pytest.skip("pyarrow's default pool is the system allocator here "
                    "(ARROW_DEFAULT_MEMORY_POOL): nothing to tell apart")
    assert arrow_pool().backend_name == "system"
    recs = [dict(r, note=f"note {i % 97} of {r['id']}") for i, r in enumerate(records)]
    recs[3]["note"] = None
    before = default.bytes_allocated()
    corpus = analyzer.analyze_corpus(recs, keep=["note"], threads=1)
    tables = [corpus.matches, corpus.match_table(text=True), corpus.sentences,
              corpus.documents, corpus.attribution_table(),
              corpus.attribution_table(nested=False)]
    held = default.bytes_allocated() - before
    m = tables[0]
    assert len(m) > 2000 and m["doc_id"].dtype == fl.columns.text_dtype()
    assert int(m["doc_id"].str.len().sum()) + 8 * len(m) > 20_000
    assert held < 4096, f"{held} bytes of the tables in pyarrow's default pool"
    # and the tables are those pandas' own takes give
    taken = corpus._doc_ids.take(np.asarray(corpus._cols["match_doc"], np.int64))
    assert list(taken) == list(m["doc_id"]) and taken.dtype == m["doc_id"].dtype


# -- threads and per-document equality -------------------------------------------------------
@pytest.mark.parametrize("threads", [2, 3, None])
def test_threads_give_identical_results(analyzer, records, corpus1, threads):
    other = analyzer.analyze_corpus(records, threads=threads)
    pd.testing.assert_frame_equal(other.sentences, corpus1.sentences)
    pd.testing.assert_frame_equal(other.matches, corpus1.matches)
    assert_counts_equal(other.counts, corpus1.counts)
    for name in ("terms", "categories", "contrasts"):
        pd.testing.assert_frame_equal(getattr(other.compare(), name),
                                      getattr(corpus1.compare(), name))


def test_the_gil_is_released_during_analysis(analyzer):
    """While the C core works on a large document in another thread, this thread keeps
    running (a held GIL would stop it for the whole analysis). The document grows until its
    analysis takes long enough to tell, however fast the core is."""
    import threading
    import time

    def run(text):
        done = threading.Event()
        took = []

        def work():
            t = time.perf_counter()
            analyzer.analyze_corpus([{"text": text, "outlet": "a"}], threads=1)
            took.append(time.perf_counter() - t)
            done.set()

        th = threading.Thread(target=work)
        last = time.perf_counter()
        gap = 0.0
        th.start()
        while not done.is_set():
            now = time.perf_counter()
            gap = max(gap, now - last)
            last = now
        th.join()
        return took[0], gap

    words = 80_000
    while True:
        took, gap = run(("lorem" * 200 + " ") * words + "Kiev.")
        if took > 0.4 or words >= 1_280_000:
            break
        words *= 2
    assert took > 0.4, "the document must take long enough to tell"
    assert gap < took / 2, f"this thread stood still for {gap:.2f} s of {took:.2f} s"


def test_large_documents_with_threads(analyzer):
    """Few large documents (each over the size where the GIL is released) split across
    threads in uneven sizes."""
    rng = random.Random(3)
    recs = []
    for i in range(9):
        text = " ".join(rng.choice(SNIPPETS) for _ in range(rng.randint(50, 3000)))
        recs.append({"id": i, "text": text, "outlet": "XY"[i % 2]})
    one = analyzer.analyze_corpus(recs, threads=1)
    two = analyzer.analyze_corpus(recs, threads=2)
    pd.testing.assert_frame_equal(one.sentences, two.sentences)
    pd.testing.assert_frame_equal(one.matches, two.matches)
    assert_counts_equal(one.counts, two.counts)
    _assert_equals_per_document(analyzer, recs, two)


def _assert_equals_per_document(analyzer, records, corpus) -> None:
    sents = corpus.sentences
    matches = corpus.matches
    exp_s: Dict[str, list] = {c: [] for c in SENT_COLS}
    exp_m: Dict[str, list] = {c: [] for c in MATCH_COLS}
    for r in records:
        doc = analyzer.analyze(r["text"])
        for s in doc.sentences:
            for col, v in zip(SENT_COLS, (r["id"], r["outlet"], s.index, s.start, s.end,
                                          s.n_tokens, len(s.matches), s.score), strict=True):
                exp_s[col].append(v)
        for m in doc.matches:
            assert r["text"][m.start:m.end] == m.surface
            for col, v in zip(MATCH_COLS, (r["id"], r["outlet"], m.sentence, m.term,
                                           m.category, m.start, m.end, m.surface, m.voice,
                                           m.weight), strict=True):
                exp_m[col].append(v)
    for col in SENT_COLS:
        got = sents[col].tolist()
        assert got == exp_s[col], f"sentences.{col} differs from analyze()"
    for col in MATCH_COLS:
        got = matches[col].tolist()
        assert got == exp_m[col], f"matches.{col} differs from analyze()"
    # n_tokens of the whole document, per group
    per_group: Dict[str, int] = {}
    for r in records:
        n = analyzer.analyze(r["text"]).n_tokens
        per_group[r["outlet"]] = per_group.get(r["outlet"], 0) + n
    assert dict(zip(corpus.counts.groups, corpus.counts.tokens.tolist(), strict=True)) == per_group


def test_corpus_equals_per_document_analyze(analyzer, records, corpus1):
    _assert_equals_per_document(analyzer, records, corpus1)


def test_offsets_are_code_points_into_the_original(analyzer, records, corpus1):
    by_id = {r["id"]: r["text"] for r in records}
    m = corpus1.matches
    for doc_id, start, end, surface in zip(m["doc_id"], m["start"], m["end"], m["surface"],
                                           strict=True):
        assert by_id[doc_id][start:end] == surface
    s = corpus1.sentences
    for doc_id, start, end in zip(s["doc_id"], s["start"], s["end"], strict=True):
        assert 0 <= start <= end <= len(by_id[doc_id])


def test_counts_match_the_matches_table(corpus1):
    c = corpus1.counts
    m = corpus1.matches
    tab = m.groupby(["group", "term", "voice"], observed=False).size()
    for gi, g in enumerate(c.groups):
        for ti, t in enumerate(c.terms):
            for vi, v in enumerate(("author", "quoted", "attributed")):
                assert c.term_counts[gi, ti, vi] == tab.get((g, t, v), 0), (g, t, v)
    s = corpus1.sentences
    assert c.tokens.tolist() == [int(s.loc[s["group"] == g, "n_tokens"].sum()) for g in c.groups]
    assert c.sentences.tolist() == [int((s["group"] == g).sum()) for g in c.groups]


# -- additive counts -------------------------------------------------------------------------
def test_merged_parts_equal_the_whole(analyzer, records, corpus1):
    # parts of uneven size, one of them with a group the others lack
    parts = [records[:1], records[1:400], records[400:1100], records[1100:]]
    extra = [{"id": "x1", "text": "Kyiv only here.", "outlet": "Zeta"}]
    whole = analyzer.analyze_corpus(records + extra, threads=2)
    cs = [analyzer.analyze_corpus(p, threads=1).counts for p in parts]
    cs.append(analyzer.analyze_corpus(extra, threads=1).counts)
    merged = cs[0].merge(cs[1]).merge(cs[2]).merge(cs[3]).merge(cs[4])
    assert_counts_equal(merged, whole.counts)
    assert_counts_equal(sum(cs), whole.counts)
    assert_counts_equal(cs[0] + cs[1] + cs[2] + cs[3] + cs[4], whole.counts)
    # and every statistic computed from merged counts is the same
    a, b = fl.Comparison(merged, bootstrap=50, seed=1), whole.compare(bootstrap=50, seed=1)
    for name in ("terms", "categories", "contrasts"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_merge_all_equals_merging_in_turn(analyzer, records):
    """Counts.merge_all merges in one pass what merge does piece after piece: the same
    groups, counts, documents in order and dtypes, with pieces that lack groups and an
    empty piece."""
    extra = [{"id": "x1", "text": "Kyiv only here.", "outlet": "Zeta"}]
    parts = [records[:1], [], records[1:400], extra, records[400:1100], records[1100:]]
    cs = [analyzer.analyze_corpus(p, threads=1).counts for p in parts]
    folded = cs[0]
    for c in cs[1:]:
        folded = folded.merge(c)
    merged = fl.Counts.merge_all(cs)
    assert_counts_equal(merged, folded)
    for name in ("doc_group", "doc_tokens", "option_counts"):
        a, b = getattr(merged, name), getattr(folded, name)
        assert a.dtype == b.dtype and np.array_equal(a, b), name
    for a, b in zip(merged.doc_terms + merged.doc_options, folded.doc_terms +
                    folded.doc_options, strict=True):
        assert a.dtype == b.dtype and np.array_equal(a, b)
    assert fl.Counts.merge_all(cs[:1]) is cs[0]
    with pytest.raises(ValueError):
        fl.Counts.merge_all([])
    other = fl.Analyzer(fl.Lexicon.from_dict({"terms": [{"term": "x", "category": "y"}]}))
    with pytest.raises(ValueError):
        fl.Counts.merge_all([cs[0], other.analyze_corpus(records[:5], threads=1).counts])


def test_counts_pickle_their_document_arrays_narrow_and_load_them_as_they_were(corpus1):
    c = corpus1.counts
    state = c.__getstate__()
    assert state["doc_terms"][0].dtype.itemsize < 8  # smaller on the wire
    back = pickle.loads(pickle.dumps(c))
    assert back.doc_group.dtype == np.int32 and back.doc_tokens.dtype == np.int64
    assert [a.dtype for a in back.doc_terms] == [np.int64, np.int32, np.int8, np.int64]
    assert [a.dtype for a in back.doc_options] == [a.dtype for a in c.doc_options]
    for a, b in zip(back.doc_terms + back.doc_options, c.doc_terms + c.doc_options,
                    strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(back.doc_tokens, c.doc_tokens)
    np.testing.assert_array_equal(back.doc_group, c.doc_group)


def test_merge_is_commutative_on_the_totals(analyzer, records):
    a = analyzer.analyze_corpus(records[:700], threads=1).counts
    b = analyzer.analyze_corpus(records[700:], threads=1).counts
    ab, ba = a.merge(b), b.merge(a)
    for name in ("term_counts", "tokens", "sentences", "documents"):
        np.testing.assert_array_equal(getattr(ab, name), getattr(ba, name))


def test_merge_rejects_another_lexicon(analyzer, records):
    other = fl.Analyzer(fl.Lexicon.from_dict({"terms": [{"term": "x", "category": "y"}]}))
    a = analyzer.analyze_corpus(records[:10], threads=1).counts
    b = other.analyze_corpus(records[:10], threads=1).counts
    with pytest.raises(ValueError):
        a.merge(b)


def test_counts_pickle(corpus1):
    c = corpus1.counts
    back = pickle.loads(pickle.dumps(c, protocol=pickle.HIGHEST_PROTOCOL))
    assert_counts_equal(back, c)
    assert back.terms == c.terms and back.categories == c.categories
    pd.testing.assert_frame_equal(fl.Comparison(back).terms, corpus1.compare().terms)
    # an empty counts object pickles too
    e = fl.Analyzer(fl.Lexicon.from_dict(LEXICON)).analyze_corpus([], threads=1).counts
    assert pickle.loads(pickle.dumps(e)) == e


def test_counts_pickle_a_sparse_table_as_its_cells(analyzer):
    """groups x terms x voices is mostly zeros: pickled as its nonzero cells, it comes back
    the same table (and a Counts pickled with the whole table still loads); unpickled
    Counts merge with the ones they came from and with each other."""
    recs = make_records(40, seed=3)
    c = analyzer.analyze_corpus(recs, threads=1).counts
    nonzero = int(np.count_nonzero(c.term_counts))
    assert 0 < 2 * nonzero < c.term_counts.size
    state = c.__getstate__()
    shape, at, count = state["term_counts"]
    assert shape == c.term_counts.shape and len(at) == len(count) == nonzero
    back = pickle.loads(pickle.dumps(c))
    assert back.term_counts.dtype == np.int64 and back == c
    np.testing.assert_array_equal(back.term_counts, c.term_counts)
    dense = fl.Counts.__new__(fl.Counts)
    dense.__setstate__(dict(state, term_counts=c.term_counts.copy()))
    assert dense == c
    assert back.merge(pickle.loads(pickle.dumps(c))) == c.merge(c) == c.merge(back)
    # a table with few zeros keeps its whole form
    full = c.subset([c.groups[0]])
    full.term_counts[:] = 1
    assert isinstance(full.__getstate__()["term_counts"], np.ndarray)
    assert pickle.loads(pickle.dumps(full)) == full


# -- ids and groups -----------------------------------------------------------------------------
def test_id_none_numbers_the_records(analyzer):
    recs = make_records(30, seed=5)
    c = analyzer.analyze_corpus(recs, id=None, threads=1)
    with_sentences = [i for i, r in enumerate(recs) if analyzer.analyze(r["text"]).sentences]
    assert len(with_sentences) > 20
    assert sorted(set(c.sentences["doc_id"])) == with_sentences
    assert set(c.matches["doc_id"]) <= set(range(30))
    for i in range(30):
        n = len(analyzer.analyze(recs[i]["text"]).matches)
        assert int((c.matches["doc_id"] == i).sum()) == n


def test_default_id_when_no_id_field(analyzer):
    recs = [{"text": r["text"] + " Kiev.", "outlet": r["outlet"]}
            for r in make_records(20, seed=6)]
    c = analyzer.analyze_corpus(recs, threads=1)
    assert sorted(set(c.sentences["doc_id"])) == list(range(20))


def test_custom_id_field(analyzer):
    recs = [{"key": f"k{i}", "body": r["text"] + " Kiev.", "paper": r["outlet"]}
            for i, r in enumerate(make_records(20, seed=7))]
    c = analyzer.analyze_corpus(recs, text="body", group="paper", id="key", threads=1)
    assert set(c.sentences["doc_id"]) == {f"k{i}" for i in range(20)}
    assert set(c.sentences["group"]) == {r["paper"] for r in recs}


@pytest.mark.parametrize("ids", [[f"k{i}" for i in range(30)],
                                 [f"k{i}" if i != 17 else 17 for i in range(30)],
                                 list(range(100, 130))], ids=["str", "mixed", "int"])
@pytest.mark.parametrize("threads", [1, 2])
def test_ids_gathered_batch_by_batch_make_the_same_tables(analyzer, ids, threads):
    """String ids become the tables' Arrow strings a batch at a time (a record a batch
    here); the tables equal those of one batch, dtypes included: Arrow strings for str ids,
    object for a mix, int64 for ints."""
    from framelens.corpus import analyze_corpus
    recs = [{**r, "id": i, "text": r["text"] + " Kiev."}
            for i, r in zip(ids, make_records(30, seed=9), strict=True)]
    one = analyze_corpus(analyzer, recs, threads=1)
    many = analyze_corpus(analyzer, recs, threads=threads, batch_bytes=10)
    for table in ("documents", "sentences", "matches"):
        pd.testing.assert_frame_equal(getattr(many, table), getattr(one, table))
    assert many.documents["doc_id"].tolist() == ids
    kind = {"str": pd.StringDtype, "mixed": np.dtypes.ObjectDType,
            "int": np.dtypes.Int64DType}[
        "str" if all(isinstance(i, str) for i in ids) else
        "int" if all(isinstance(i, int) for i in ids) else "mixed"]
    assert isinstance(many.documents["doc_id"].dtype, kind), many.documents["doc_id"].dtype


@pytest.mark.parametrize("threads", [1, 2])
def test_lone_surrogate_in_an_id_names_the_record(analyzer, threads):
    from framelens.corpus import analyze_corpus
    recs = [{"id": "a", "text": "Kiev says.", "outlet": "A"},
            {"id": "b\ud800", "text": "Kyiv says.", "outlet": "A"},
            {"id": "c", "text": "Kyiv says.", "outlet": "A"}]
    with pytest.raises(fl.RecordError, match=r"^record 2 \(id 'b\\ud800'\): field 'id': a "
                       r"lone surrogate at index 1 is not valid Unicode text") as info:
        analyze_corpus(analyzer, recs, threads=threads, batch_bytes=10)
    assert info.value.record == 1


@pytest.mark.parametrize("threads", [1, 2])
def test_dataframe_index_with_a_lone_surrogate_still_analyses(analyzer, threads):
    """A DataFrame's index is taken as it is (object dtype here): a lone surrogate in an id
    stops no analysis, as before ids were gathered batch by batch (the counts need no id)."""
    from framelens.corpus import analyze_corpus
    frame = {"text": ["Kiev says.", "Kyiv says.", "Kiev again."], "outlet": ["A", "B", "A"]}
    bad = pd.DataFrame(frame, index=pd.Index(["x", "y\ud800", "z"], dtype=object))
    good = pd.DataFrame(frame, index=pd.Index(["x", "y", "z"], dtype=object))
    got = analyze_corpus(analyzer, bad, threads=threads, batch_bytes=10)
    assert list(got._doc_ids) == ["x", "y\ud800", "z"]
    ref = analyze_corpus(analyzer, good, threads=threads)
    assert got.counts == ref.counts
    # every table names the documents by their labels as given (pandas cannot make such a
    # label text, so the column stays objects); the good index's tables are unchanged
    assert got.documents["doc_id"].tolist() == ["x", "y\ud800", "z"]
    assert got.documents["doc_id"].dtype == object
    assert got.sentences["doc_id"].tolist() == ["x", "y\ud800", "z"]
    assert got.matches["doc_id"].tolist() == [
        "y\ud800" if x == "y" else x for x in ref.matches["doc_id"]]
    assert ref.documents["doc_id"].tolist() == ["x", "y", "z"] and len(ref.matches) == 3


def test_group_none_is_one_group(analyzer):
    recs = make_records(40, seed=8)
    c = analyzer.analyze_corpus(recs, group=None, threads=2)
    assert len(c.counts.groups) == 1
    assert c.counts.groups == ("all",)
    assert c.sentences["group"].nunique() == 1
    assert int(c.counts.documents[0]) == 40
    cmp = c.compare()
    assert cmp.terms[["log_odds", "z", "g2", "p"]].isna().all().all()


def test_records_without_group_field_with_group_none(analyzer):
    c = analyzer.analyze_corpus([{"text": "Kiev."}, {"text": "Kyiv."}], group=None, id=None,
                                threads=1)
    assert c.counts.term_counts.sum() == 2


# -- invalid records -------------------------------------------------------------------------
BAD = [
    ({"id": "b1", "outlet": "A"}, "text"),                     # no text field
    ({"id": "b2", "text": None, "outlet": "A"}, "text"),       # None
    ({"id": "b3", "text": math.nan, "outlet": "A"}, "text"),   # NaN
    ({"id": "b4", "text": 17, "outlet": "A"}, "text"),         # int
    ({"id": "b6", "text": "Kiev"}, "outlet"),                  # no group field
    ({"id": "b7", "text": "Kiev", "outlet": None}, "outlet"),  # group None
]


@pytest.mark.parametrize("bad,field", BAD, ids=[b[0]["id"] for b in BAD])
def test_invalid_record_error_names_record_and_field(analyzer, bad, field):
    recs = [{"id": "ok0", "text": "Kiev.", "outlet": "A"},
            {"id": "ok1", "text": "Kyiv.", "outlet": "B"}, bad,
            {"id": "ok3", "text": "Kiev.", "outlet": "A"}]
    with pytest.raises(ValueError) as info:
        analyzer.analyze_corpus(recs, threads=1)
    msg = str(info.value)
    assert isinstance(info.value, fl.RecordError)
    assert repr(bad["id"]) in msg or bad["id"] in msg, msg
    assert "record 3" in msg, f"record number missing (counted from 1): {msg}"
    # for code: the position in the records (from 0) and the id
    assert (info.value.record, info.value.id) == (2, bad["id"])
    assert f"'{field}'" in msg or f'"{field}"' in msg, msg


def test_invalid_record_without_id_names_the_number(analyzer):
    recs = [{"text": "Kiev.", "outlet": "A"}, {"text": "a", "outlet": "A"},
            {"text": None, "outlet": "A"}]
    with pytest.raises(fl.RecordError, match=r"record 3\b.*'text'"):
        analyzer.analyze_corpus(recs, threads=1)


def test_misnamed_id_field(analyzer):
    recs = [{"id": "a", "text": "Kiev.", "outlet": "A"}]
    with pytest.raises(ValueError) as info:
        analyzer.analyze_corpus(recs, id="doc_id", threads=1)
    msg = str(info.value)
    assert "doc_id" in msg and "record 1" in msg
    assert "id" in msg.split("doc_id", 1)[1], f"the existing fields should be listed: {msg}"


def test_misnamed_text_field_lists_fields(analyzer):
    recs = [{"id": "a", "body": "Kiev.", "outlet": "A"}]
    with pytest.raises(fl.RecordError) as info:
        analyzer.analyze_corpus(recs, threads=1)
    msg = str(info.value)
    assert "'text'" in msg and "body" in msg


def test_dataframe_missing_column(analyzer):
    df = pd.DataFrame({"body": ["Kiev."], "outlet": ["A"]})
    with pytest.raises((KeyError, ValueError)) as info:
        analyzer.analyze_corpus(df, threads=1)
    assert "text" in str(info.value) and "body" in str(info.value)


def test_dataframe_nan_text(analyzer):
    df = pd.DataFrame({"id": ["a", "b"], "text": ["Kiev.", np.nan], "outlet": ["A", "B"]})
    with pytest.raises(fl.RecordError) as info:
        analyzer.analyze_corpus(df, threads=1)
    assert "'b'" in str(info.value) and "'text'" in str(info.value)
    c = analyzer.analyze_corpus(df, threads=1, skip_invalid=True)
    assert c.skipped == 1 and c.n_documents == 1


@pytest.mark.parametrize("missing", [pd.NA, np.float32("nan"), None, math.nan],
                         ids=["pd.NA", "float32-nan", "None", "nan"])
def test_missing_group_value_is_an_error_not_a_group(analyzer, missing):
    """A missing group value (None, NaN of any float type, pandas' NA) is a record without
    its group field, never a group named "<NA>" or "nan"."""
    recs = [{"id": "a", "text": "Kiev.", "outlet": "A"},
            {"id": "b", "text": "Kyiv.", "outlet": missing}]
    with pytest.raises(fl.RecordError) as info:
        analyzer.analyze_corpus(recs, threads=1)
    assert "'b'" in str(info.value) and "'outlet'" in str(info.value)
    c = analyzer.analyze_corpus(recs, threads=1, skip_invalid=True)
    assert c.skipped == 1 and c.counts.groups == ("A",)


def test_missing_group_in_a_nullable_string_column(analyzer):
    """pandas' "string" dtype marks missing values with pd.NA."""
    df = pd.DataFrame({"text": ["Kiev.", "Kyiv.", "Kiev."],
                       "outlet": pd.array(["A", None, "B"], dtype="string")})
    with pytest.raises(fl.RecordError, match=r"record 2\b.*'outlet'"):
        analyzer.analyze_corpus(df, threads=1)
    c = analyzer.analyze_corpus(df, threads=1, skip_invalid=True)
    assert c.skipped == 1 and c.counts.groups == ("A", "B")


def test_skip_invalid_counts(analyzer):
    good = make_records(10, seed=9)
    recs = list(good)
    for i, (bad, _field) in enumerate(BAD):
        recs.insert(2 * i + 1, bad)
    recs.append("not a dict")
    c = analyzer.analyze_corpus(recs, threads=2, skip_invalid=True)
    assert c.skipped == len(BAD) + 1
    assert c.n_documents == len(good)
    ref = analyzer.analyze_corpus(good, threads=1)
    pd.testing.assert_frame_equal(c.sentences, ref.sentences)
    pd.testing.assert_frame_equal(c.matches, ref.matches)
    assert_counts_equal(c.counts, ref.counts)
    assert analyzer.analyze_corpus(good, threads=1).skipped == 0


def test_threads_argument_is_checked(analyzer):
    for bad in (0, -1, 1.5, "2"):
        with pytest.raises((ValueError, TypeError)):
            analyzer.analyze_corpus(make_records(3, seed=1), threads=bad)


# -- empty corpus ------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [list, lambda: iter(()), lambda: pd.DataFrame(
    {"id": [], "text": [], "outlet": []})], ids=["list", "iterator", "dataframe"])
def test_empty_corpus(analyzer, make):
    c = analyzer.analyze_corpus(make(), threads=2)
    assert c.n_documents == 0
    assert len(c.sentences) == 0 and list(c.sentences.columns[:len(SENT_COLS)]) == SENT_COLS
    assert len(c.matches) == 0 and list(c.matches.columns[:len(MATCH_COLS)]) == MATCH_COLS
    assert c.counts.groups == ()
    assert int(c.counts.term_counts.sum()) == 0
    cmp = c.compare()
    assert len(cmp.terms) == len(cmp.categories) == len(cmp.contrasts) == 0
    for col in ("group", "term", "count", "tokens", "log_odds", "z", "g2", "p"):
        assert col in cmp.terms.columns
    # merging with an empty corpus changes nothing
    full = analyzer.analyze_corpus(make_records(5, seed=2), threads=1).counts
    assert_counts_equal(full + c.counts, full)
    assert_counts_equal(c.counts + full, full)


def test_documents_without_words(analyzer):
    recs = [{"id": 0, "text": "", "outlet": "E"}, {"id": 1, "text": "...", "outlet": "E"},
            {"id": 2, "text": "Kiev.", "outlet": "F"}]
    c = analyzer.analyze_corpus(recs, threads=1)
    assert c.counts.groups == ("E", "F")
    assert c.counts.documents.tolist() == [2, 1]
    assert c.counts.tokens.tolist() == [0, 1]


# -- many batches, pipelined (threads > 1: batch k is analysed while batch k + 1 is read) ----
def test_many_batches_give_the_same_tables_for_any_thread_count(analyzer, records):
    from framelens.corpus import analyze_corpus
    one = analyze_corpus(analyzer, records, threads=1, batch_bytes=4096)
    for threads in (2, 3):
        many = analyze_corpus(analyzer, records, threads=threads, batch_bytes=4096)
        pd.testing.assert_frame_equal(one.matches, many.matches)
        pd.testing.assert_frame_equal(one.sentences, many.sentences)
        assert np.array_equal(one.counts.term_counts, many.counts.term_counts)


def test_batches_are_cut_alike_read_column_wise_or_record_by_record():
    """A chunk of dicts is cut into batches by bisection over its sizes (_batches_of), a
    chunk of other mappings record by record: the same cuts, including a batch that ends
    exactly at its limit and the first batch's smaller limit."""
    import collections

    from framelens.corpus import _batches, _Plan
    rng = random.Random(3)
    plan = _Plan("text", "outlet", "id", None, None, None)
    for _ in range(60):
        lens = [rng.choice((0, 1, 36, 64, 100, rng.randint(0, 3000))) for _ in
                range(rng.randint(0, 300))]
        recs = [{"id": i, "text": "x" * n, "outlet": "A"} for i, n in enumerate(lens)]
        limit = rng.choice((1, 64, 100, 164, 1000, 4096, 1 << 20))
        first = rng.choice((None, 64, 228, limit))
        cuts = [b.numbers for b in _batches(recs, plan, False, limit, [0], first)]
        one_by_one = [collections.OrderedDict(r) for r in recs]
        assert cuts == [b.numbers for b in _batches(one_by_one, plan, False, limit, [0], first)]
        assert [n for cut in cuts for n in cut] == list(range(len(recs)))


def _assert_same_table(made: pd.DataFrame, looked_up: pd.DataFrame) -> None:
    """Equal values, dtypes and categories (in order), column by column."""
    pd.testing.assert_frame_equal(made, looked_up, check_exact=True)
    for name in made.columns:
        if isinstance(made[name].dtype, pd.CategoricalDtype):
            assert made[name].cat.categories.equals(looked_up[name].cat.categories), name
            assert made[name].cat.categories.dtype == looked_up[name].cat.categories.dtype


def test_match_columns_made_batch_by_batch_equal_those_looked_up_at_the_end(analyzer):
    """The match table's who-says-it columns are made from each batch as it arrives
    (_MatchColumns); made from the core's columns after the last batch (as for a Corpus built
    otherwise) they are the same, whatever the batches and threads."""
    from framelens.corpus import analyze_corpus
    said = ["The minister said the Kiev regime was failing.",
            "Officials claimed an aggression; a putsch, critics argue.",
            '"Kyiv stands," she told reporters. Kiev regime, the spokesman said.',
            "Kyiv and the DPR.", "Nothing to see here.",
            "According to the mayor, the special military operation went on."]
    recs = [{"id": i, "text": said[i % len(said)] + " " + said[(3 * i) % len(said)],
             "outlet": "AB"[i % 2]} for i in range(60)]
    quiet = [{"id": i, "text": "Kyiv and the DPR.", "outlet": "A"} for i in range(5)]
    for records in (recs, quiet, recs[4:5], []):
        for threads, batch_bytes in ((1, 8 << 20), (1, 200), (2, 300)):
            for texts in ("matched", "none"):
                c = analyze_corpus(analyzer, records, threads=threads,
                                   batch_bytes=batch_bytes, texts=texts)
                assert (c._match_columns is not None) == (records is not quiet and
                                                          len(records) > 0), records
                made = c.match_table()
                c._match_columns = None
                _assert_same_table(made, c.match_table())
    c = analyze_corpus(analyzer, recs, threads=1, batch_bytes=200)
    assert c.matches["speaker"].notna().any() and c.matches["cue"].isna().any()


def _who_batch(rng: random.Random, words: List[str], doc_base: int = 0):
    """Generated columns of a batch as _Columns.add gathers them (only those
    _MatchColumns.add reads; its documents from doc_base), its attribution strings' offsets
    (from 0) and data, and the strings (4 an attribution) as Python str: documents with 0-3
    attributions, matches linked to one of their document's or none."""
    per_doc = [rng.choice((0, 0, 1, 2, 3)) for _ in range(rng.randint(0, 12))]
    strings: List[str] = []
    sp_s: List[int] = []
    sp_e: List[int] = []
    actor: List[int] = []
    for _ in range(sum(per_doc)):
        named = rng.random() < 0.6
        strings += [rng.choice(words) if named else "", rng.choice(words), rng.choice(words),
                    " ".join(rng.choices(words, k=rng.randint(0, 4)))]
        start = rng.randint(0, 50)
        sp_s.append(start)
        sp_e.append(start + (rng.randint(1, 9) if named else rng.choice((0, -1))))
        actor.append(rng.choice((0, 1, 7, 0xFFFFFFFF)))
    link: List[int] = []
    doc: List[int] = []
    for d, k in enumerate(per_doc):
        for _ in range(rng.randint(0, 4)):
            doc.append(d)
            link.append(rng.randrange(k) if k and rng.random() < 0.7 else 0xFFFFFFFF)
    data = [s.encode("utf-8") for s in strings]
    offsets = np.concatenate([[0], np.cumsum([len(b) for b in data], dtype=np.int64)])
    cols = {"match_attribution": np.array(link, np.uint32).tobytes(),
            "match_doc": (np.array(doc, np.int64) + doc_base).tobytes(),
            "doc_attributions": np.array(per_doc, np.uint32).tobytes(),
            "attr_speaker_start": np.array(sp_s, np.int64).tobytes(),
            "attr_speaker_end": np.array(sp_e, np.int64).tobytes(),
            "attr_speaker_actor": np.array(actor, np.uint32).tobytes(),
            "attr_text_offsets": offsets[1:].astype(np.int64).tobytes()}
    return cols, offsets.astype(np.int64), b"".join(data), strings


def test_match_columns_in_c_equal_a_plain_lookup():
    """_MatchColumns.add (one pass in C, _core.match_who) gives, over generated batches added
    one after another (their documents and strings after the batches' before), what a
    plain lookup of each match's attribution gives: has, named,
    speaker offsets and actor, speaker and cue strings (null without), and the cue lemmas as
    sorted categories."""
    from framelens.corpus import _NONE, _MatchColumns, _Strings
    rng = random.Random(11)
    words = ["said", "told", "", "Kyiv", "Київ", "mayor", "the minister", "é", "a\u00e9b",
             "claimed", "Кремль", "🙂", "say"]
    for trial in range(300):
        who = _MatchColumns()
        attr_texts = _Strings()  # every batch's attribution strings, as _Columns keeps them
        expect: Dict[str, list] = {k: [] for k in ("has", "named", "start", "end", "actor",
                                                    "speaker", "cue", "lemma")}
        n_docs = 0
        for _ in range(rng.randint(1, 4)):
            cols, offsets, data, strings = _who_batch(rng, words, n_docs)
            attr_texts.offsets.add((offsets[1:] + len(attr_texts.data)).tobytes())
            attr_texts.data.add(data)
            who.add(cols, attr_texts, n_docs, scale=rng.choice((1.0, 3.0)))
            n_docs += len(cols["doc_attributions"]) // 4
            per_doc = np.frombuffer(cols["doc_attributions"], np.uint32)
            first = np.concatenate([[0], np.cumsum(per_doc)]).astype(int)
            sp_s = np.frombuffer(cols["attr_speaker_start"], np.int64)
            sp_e = np.frombuffer(cols["attr_speaker_end"], np.int64)
            actor = np.frombuffer(cols["attr_speaker_actor"], np.uint32)
            base = n_docs - len(per_doc)
            for link, doc in zip(np.frombuffer(cols["match_attribution"], np.uint32),
                                 np.frombuffer(cols["match_doc"], np.int64) - base, strict=True):
                has = link != _NONE
                row = int(first[doc] + link) if has else -1
                named = bool(has and sp_e[row] > sp_s[row])
                expect["has"].append(has)
                expect["named"].append(named)
                expect["start"].append(int(sp_s[row]) if has else 0)
                expect["end"].append(int(sp_e[row]) if has else 0)
                expect["actor"].append(int(actor[row]) if has else _NONE)
                expect["speaker"].append(strings[4 * row] if named else None)
                expect["cue"].append(strings[4 * row + 1] if has else None)
                expect["lemma"].append(strings[4 * row + 2] if has else None)
        got = who.columns()
        if not any(expect["has"]):
            assert got is None, trial
            continue
        assert got is not None
        assert got["has"].tolist() == expect["has"], trial
        assert got["named"].tolist() == expect["named"], trial
        assert got["speaker_start"].tolist() == expect["start"], trial
        assert got["speaker_end"].tolist() == expect["end"], trial
        assert got["speaker_actor"].tolist() == expect["actor"], trial
        assert got["speaker"].to_pylist() == expect["speaker"], trial
        assert got["cue"].to_pylist() == expect["cue"], trial
        lemmas = sorted({v for v in expect["lemma"] if v is not None})
        assert got["lemmas"].tolist() == lemmas, trial
        assert [lemmas[c] if c >= 0 else None for c in got["lemma_codes"]] == \
            expect["lemma"], trial


def test_match_who_refuses_bad_columns():
    """_core.match_who raises, never reads or writes out of bounds, on columns that do not
    fit: a link past the attributions, a document outside the batch (past it, or before
    doc_base), offsets past the data, buffers of the wrong size."""
    from framelens import _core
    rng = random.Random(5)
    cols, offsets, data, _ = _who_batch(rng, ["said", "Kyiv"])
    while not any(v != 0xFFFFFFFF for v in np.frombuffer(cols["match_attribution"], np.uint32)):
        cols, offsets, data, _ = _who_batch(rng, ["said", "Kyiv"])
    n = len(cols["match_attribution"]) // 4

    def run(cols=cols, offsets=offsets, data=data, n=n, doc_base=0):
        out = (bytearray(n), bytearray(n), bytearray(8 * n), bytearray(8 * n),
               bytearray(4 * n), bytearray(8 * n), bytearray(8 * n), bytearray(8 * n))
        return _core.match_who(cols, offsets, data, {}, out, 0, 0, doc_base)

    run()
    shifted = {**cols, "match_doc": (np.frombuffer(cols["match_doc"], np.int64) + 5).tobytes()}
    assert run(cols=shifted, doc_base=5) == run()
    with pytest.raises(ValueError, match="no attribution"):
        run(doc_base=10**6)  # every document before doc_base
    with pytest.raises(ValueError):
        run(cols={**cols, "match_attribution": b"\x05\x00\x00\x00" * n})
    with pytest.raises(ValueError):
        run(cols={**cols, "match_doc": np.full(n, 255, np.int64).tobytes()})
    with pytest.raises(ValueError):
        run(offsets=np.concatenate([[0], np.full(len(offsets) - 1, len(data) + 1)]))
    with pytest.raises(ValueError):
        run(n=n + 1)
    with pytest.raises(ValueError):
        run(cols={**cols, "attr_speaker_actor": b""})
    with pytest.raises(KeyError):
        run(cols={k: v for k, v in cols.items() if k != "match_doc"})


def test_pipelined_errors_come_in_record_order(analyzer):
    """A batch's own analysis error (a lone surrogate in the second record) is reported before
    a bad record of the next batch (the third), as the serial loop reports them."""
    from framelens.corpus import analyze_corpus
    # batch_bytes=100: one record per batch; record "d" is read while "b" is being analysed
    recs = [{"id": "a", "text": "Kiev. " * 50, "outlet": "A"},
            {"id": "b", "text": "Kyiv \ud800. " + "Kiev. " * 20, "outlet": "A"},
            {"id": "d", "text": None, "outlet": "B"}]
    for threads in (1, 2):
        with pytest.raises(ValueError) as info:
            analyze_corpus(analyzer, recs, threads=threads, batch_bytes=100)
        assert "'b'" in str(info.value) and "surrogate" in str(info.value), str(info.value)
        assert isinstance(info.value, fl.RecordError) and info.value.record == 1
        with pytest.raises(fl.RecordError, match=r"'d'"):
            analyze_corpus(analyzer, [recs[0], recs[0], recs[2]], threads=threads,
                           batch_bytes=100)


@pytest.mark.parametrize("keep", ["matched", "all"])
def test_sentence_texts_are_the_sentences_slices_for_any_thread_count(analyzer, records, keep):
    """The sentence texts the core cuts on its threads (_core.analyze_columns) are the records'
    texts sliced at each sentence's offsets: for the sentences with a match, or for all."""
    from framelens.corpus import analyze_corpus
    text_of = {r["id"]: r["text"] for r in records}
    for threads in (1, 2):
        table = analyze_corpus(analyzer, records, threads=threads, texts=keep,
                               batch_bytes=4096).sentence_table(text=True)
        want = [text_of[d][s:e] if keep == "all" or n > 0 else None
                for d, s, e, n in zip(table["doc_id"], table["start"], table["end"],
                                      table["n_matches"], strict=True)]
        got = [None if pd.isna(t) else t for t in table["text"]]
        assert got == want
        assert sum(t is not None for t in got) > 100


def test_pool_batches_equal_analyze_columns(lexicon, records):
    """_core.pool_submit returns at once; pool_collect gives each batch the results of
    analyze_columns (as gather writes them), for any thread count and collection order, until
    the ticket is used."""
    from framelens import _core
    texts = [r["text"] for r in records]
    batches = [texts[i:i + 37] for i in range(0, len(texts), 37)] + [[]]
    want = [common.as_gathered(_core.analyze_columns(lexicon._core, b, 1, 1)) for b in batches]
    for threads in (1, 2, 3):
        pool = _core.pool_new(lexicon._core, threads, 1)
        tickets = [_core.pool_submit(pool, b) for b in batches]
        order = list(range(len(batches)))[::-1]
        got = {k: _core.pool_collect(pool, tickets[k]) for k in order}
        assert [common.gathered(got[k]) for k in range(len(batches))] == want
        with pytest.raises(KeyError, match="no batch"):
            _core.pool_collect(pool, tickets[0])


def test_pool_parts_gather_as_analyze_columns(lexicon, records):
    """A batch of several chunks comes from pool_collect in the workers' parts, which gather
    joins as it copies each column: the columns (offsets of surfaces, attribution and
    sentence texts shifted past the chunks before) are analyze_columns', for any thread
    count."""
    from framelens import _core
    texts = [r["text"] for r in records]
    batch: List[str] = []
    while sum(map(len, batch)) < 600_000:  # several 128 KB chunks
        batch += texts
    want = common.as_gathered(_core.analyze_columns(lexicon._core, batch, 1, 2))
    assert len(np.frombuffer(want["surface_offsets"], np.int64)) > 100
    for threads in (1, 2):
        pool = _core.pool_new(lexicon._core, threads, 2)
        assert common.gathered(_core.pool_collect(pool, _core.pool_submit(pool, batch))) == want
        # the collecting thread analysing chunks beside the workers (as analyze_corpus runs
        # them): the same columns, batch after batch
        pool = _core.pool_new(lexicon._core, threads, 2, 0, True)
        tickets = [_core.pool_submit(pool, batch) for _ in range(3)]
        assert [common.gathered(_core.pool_collect(pool, t)) for t in tickets] == [want] * 3
    with pytest.raises(TypeError, match="3 to 6 arguments"):
        _core.pool_new(lexicon._core, 1, 2, 0, True, None, None)


def test_gather_writes_every_column_of_a_corpus():
    """Every column _core.gather writes has its buffer in _Columns, but the signatures (kept
    by dedupe's Signatures), and every buffer is written."""
    from framelens import _core
    from framelens.corpus import _Columns
    targets = _Columns()._targets
    assert set(_core.GATHER_COLUMNS) == set(targets) | {"doc_signatures", "doc_shingles"}
    assert len(set(map(id, targets.values()))) == len(targets)


@pytest.mark.parametrize("keep", [0, 1, 2])
def test_gather_shifts_documents_and_strings_and_drops_contents(lexicon, records, keep):
    """gather writes a batch's columns, of one part (analyze_parts) or of many (a pool's),
    as they follow n_docs documents and strings of the given bases: document indices int64
    plus n_docs, offsets on from their base, every attribution content empty with
    drop_contents; and it refuses destinations that do not fit."""
    from framelens import _core
    texts = [r["text"] for r in records]
    big: List[str] = []
    while sum(map(len, big)) < 400_000:  # several chunks
        big += texts
    pool = _core.pool_new(lexicon._core, 2, keep, 0, True)
    for batch in (texts[:50], big):
        cols = _core.analyze_columns(lexicon._core, batch, 1, keep)
        for n_docs, bases, drop in ((0, (0, 0, 0), False), (7, (3, 11, 5), True),
                                    (2**40, (2**33, 1, 0), False)):
            want = common.as_gathered(cols, n_docs, bases, drop)
            assert ("sent_text_offsets" in want) == (keep > 0)
            one = _core.analyze_parts(lexicon._core, batch, 1, keep)
            assert common.gathered(one, n_docs, bases, drop) == want
            parts = _core.pool_collect(pool, _core.pool_submit(pool, batch))
            assert common.gathered(parts, n_docs, bases, drop) == want
    results = _core.analyze_parts(lexicon._core, texts[:5], 1, keep)
    sizes = _core.gather_sizes(results, False)
    dests = tuple(None if s is None else np.zeros(s, np.uint8) for s in sizes)
    with pytest.raises(TypeError, match="tuple"):
        _core.gather(results, dests[:-1], 0, 0, 0, 0, False)
    i = _core.GATHER_COLUMNS.index("sent_start")
    bigger = dests[:i] + (np.zeros(sizes[i] + 8, np.uint8),) + dests[i + 1:]
    with pytest.raises(ValueError, match="sent_start"):
        _core.gather(results, bigger, 0, 0, 0, 0, False)
    with pytest.raises(BufferError):  # read-only
        _core.gather(results, dests[:i] + (bytes(sizes[i]),) + dests[i + 1:], 0, 0, 0, 0, False)
    with pytest.raises(ValueError, match=">= 0"):
        _core.gather(results, dests, -1, 0, 0, 0, False)
    j = _core.GATHER_COLUMNS.index("doc_signatures")  # not signed: no such column
    with pytest.raises(ValueError, match="doc_signatures"):
        _core.gather(results, dests[:j] + (np.zeros(0, np.uint8),) + dests[j + 1:], 0, 0, 0,
                     0, False)
    with pytest.raises(TypeError, match="analyze_parts"):
        _core.gather_sizes(object(), False)
    with pytest.raises(ValueError, match=r"texts\[1\]: text contains a lone surrogate") as info:
        _core.analyze_parts(lexicon._core, ["Kiev.", "a \ud800"], 1, keep)
    assert info.value.index == 1
    _core.gather(results, dests, 0, 0, 0, 0, False)  # the destinations that fit, still
    assert dests[i].tobytes() == common.as_gathered(
        _core.analyze_columns(lexicon._core, texts[:5], 1, keep))["sent_start"]


def test_batch_columns_are_lent_and_a_slot_reuses_a_batch_once_they_are_dropped(lexicon,
                                                                                records):
    """analyze_columns lends the core's columns as read-only memoryviews (not copied); with a
    slot, the next batch is analysed into the columns of the one before only once none of
    them is held: a column still held keeps its values."""
    from framelens import _core
    texts = [r["text"] for r in records]
    a, b = texts[:40], texts[40:90]
    want_a = {k: bytes(v) for k, v in _core.analyze_columns(lexicon._core, a, 1, 2).items()}
    want_b = {k: bytes(v) for k, v in _core.analyze_columns(lexicon._core, b, 1, 2).items()}
    assert len(want_a["sent_start"]) > 0 and len(want_b["attr_text_data"]) > 0
    slot = _core.batch_slot()
    held = _core.analyze_columns(lexicon._core, a, 1, 2, slot)
    assert all(isinstance(v, memoryview) and v.readonly for v in held.values())
    with pytest.raises(TypeError):
        held["sent_start"][0] = 1
    got_b = _core.analyze_columns(lexicon._core, b, 1, 2, slot)
    assert held == want_a and got_b == want_b
    del held, got_b
    for _ in range(2):  # into the batch given back to the slot, twice
        assert _core.analyze_columns(lexicon._core, a, 1, 2, slot) == want_a
    starts = np.frombuffer(_core.analyze_columns(lexicon._core, a, 1, 2, slot)["sent_start"],
                           np.int64)
    assert _core.analyze_columns(lexicon._core, b, 1, 2, slot) == want_b
    assert starts.tobytes() == want_a["sent_start"]
    assert _core.analyze_columns(lexicon._core, [], 1, 0, slot)["doc_tokens"] == b""
    with pytest.raises(TypeError, match="batch_slot"):
        _core.analyze_columns(lexicon._core, a, 1, 2, object())
    assert _core.analyze_columns(lexicon._core, a, 1, 2, None) == want_a


def test_pool_reports_texts_by_index(lexicon):
    """A text that is no str fails pool_submit (.index as analyze_columns); an analysis error,
    a lone surrogate among them (the workers convert each text to UTF-8 as they analyse it),
    fails pool_collect of its batch only."""
    from framelens import _core
    pool = _core.pool_new(lexicon._core, 2, 0)
    with pytest.raises(TypeError, match=r"texts\[1\]") as info:
        _core.pool_submit(pool, ["Kiev.", 5])
    assert info.value.index == 1
    surrogate = _core.pool_submit(pool, ["Kiev.", "Kyiv.", "a \ud800", "b \U0001f600\udfff"])
    fine = _core.pool_submit(pool, ["Kiev \u2019s", "\U0001f600 Kyiv."])
    with pytest.raises(ValueError, match=r"texts\[2\]: text contains a lone surrogate at index "
                                         r"2 .*errors='replace'") as info:
        _core.pool_collect(pool, surrogate)
    assert info.value.index == 2
    assert np.frombuffer(common.gathered(_core.pool_collect(pool, fine))["doc_matches"],
                         np.uint32).tolist() == [1, 1]
    with pytest.raises(TypeError):
        _core.pool_submit(object(), ["Kiev."])
    with pytest.raises(ValueError, match="threads"):
        _core.pool_new(lexicon._core, 0, 0)
    too_long = "a" * (_core.MAX_TEXT_BYTES + 1)
    bad = _core.pool_submit(pool, ["Kiev.", too_long])
    good = _core.pool_submit(pool, ["Kiev."])
    with pytest.raises(ValueError, match=r"texts\[1\]") as info:
        _core.pool_collect(pool, bad)
    assert info.value.index == 1
    assert np.frombuffer(common.gathered(_core.pool_collect(pool, good))["doc_matches"],
                         np.uint32).tolist() == [1]
    # the first bad text in order, in either build (the limited API's, which cannot hand the
    # core a str's storage, still leaves a text with a lone surrogate to the core): a text
    # too long before a surrogate fails its batch as the too long one ...
    mixed = _core.pool_submit(pool, ["Kiev.", too_long, "a \ud800"])
    with pytest.raises(ValueError, match=r"texts\[1\]: the text is \d+ bytes; the limit") as info:
        _core.pool_collect(pool, mixed)
    assert info.value.index == 1
    # ... and a surrogate before a text that is no str fails pool_submit as the surrogate
    with pytest.raises(ValueError, match=r"texts\[1\]: text contains a lone surrogate") as info:
        _core.pool_submit(pool, ["Kiev.", "a \ud800", 5])
    assert info.value.index == 1


@pytest.mark.parametrize("batch_bytes", [100, 8 << 20])
def test_first_bad_record_in_record_order_for_any_thread_count(analyzer, batch_bytes):
    """A text the core refuses (a lone surrogate, record 2) and a bad record read later in
    the same batch (record 4, no text) or in a later one: the first in record order is
    reported, for 1 and 2 threads and small or large batches alike; without the surrogate,
    the bad record is."""
    from framelens.corpus import analyze_corpus
    recs = [{"id": "a", "text": "Kiev. " * 50, "outlet": "A"},
            {"id": "b", "text": "Kyiv. " * 20, "outlet": "A"},
            {"id": "c", "text": "Kyiv \ud800. " + "Kiev. " * 20, "outlet": "A"},
            {"id": "d", "text": "Kiev.", "outlet": "B"},
            {"id": "e", "text": None, "outlet": "B"}]
    for threads in (1, 2):
        with pytest.raises(fl.RecordError) as info:
            analyze_corpus(analyzer, recs, threads=threads, batch_bytes=batch_bytes)
        assert info.value.record == 2 and "surrogate" in str(info.value), str(info.value)
        with pytest.raises(fl.RecordError) as info:
            analyze_corpus(analyzer, recs[:2] + recs[3:], threads=threads,
                           batch_bytes=batch_bytes)
        assert info.value.record == 3 and "'e'" in str(info.value), str(info.value)


def test_first_bad_record_before_a_bad_date_for_any_thread_count(analyzer):
    """A date that cannot be read is found when its batch is complete: a text the core
    refuses earlier in that batch is still reported first."""
    from framelens.corpus import analyze_corpus
    recs = [{"id": "a", "text": "Kiev.", "outlet": "A", "date": "2024-01-01"},
            {"id": "b", "text": "Kyiv \ud800.", "outlet": "A", "date": "2024-01-02"},
            {"id": "c", "text": "Kiev.", "outlet": "A", "date": "not a date"}]
    for threads in (1, 2):
        with pytest.raises(fl.RecordError) as info:
            analyze_corpus(analyzer, recs, threads=threads, date="date")
        assert info.value.record == 1 and "surrogate" in str(info.value), str(info.value)
        with pytest.raises(fl.RecordError) as info:
            analyze_corpus(analyzer, [recs[0], recs[2]], threads=threads, date="date")
        assert info.value.record == 1 and "not a date" in str(info.value), str(info.value)


def test_analyze_columns_checks_its_sentence_texts_argument(lexicon):
    from framelens import _core
    cols = _core.analyze_columns(lexicon._core, ["Kiev said so. Nothing.", ""], 1, 1)
    assert np.frombuffer(cols["sent_text_offsets"], np.int64).tolist() == [0, 13, 13]
    assert cols["sent_text_data"] == b"Kiev said so."
    assert "sent_text_offsets" not in _core.analyze_columns(lexicon._core, ["Kiev."], 1, 0)
    with pytest.raises(ValueError, match="sentence_texts"):
        _core.analyze_columns(lexicon._core, ["Kiev."], 1, 3)
    with pytest.raises(TypeError, match=r"texts\[1\]") as info:
        _core.analyze_columns(lexicon._core, ["Kiev.", 5], 2, 1)
    assert info.value.index == 1


def test_buffers_grow_to_twice_or_to_the_estimate_and_keep_what_was_added():
    """_Buffer: appended bytes read back as any dtype, whether it grew by doubling or to the
    first batch's estimate of the whole (scale), and nothing past the end is read."""
    from framelens.corpus import _Buffer
    b = _Buffer()
    assert len(b) == 0 and b.view(np.int64).tolist() == []
    want: List[int] = []
    for i, scale in enumerate([3.0, 1.0, 1.0, 1.0, 1.0]):
        values = list(range(10 * i, 10 * i + 3 + i))
        b.add(np.array(values, np.int64).data, scale)
        want += values
        assert b.view(np.int64).tolist() == want and len(b) == 8 * len(want)
    assert len(b.buf) >= len(b)
    assert _Buffer(b"ab").view().tobytes() == b"ab"


@pytest.mark.parametrize("threads", [1, 2])
def test_tables_the_same_whether_the_records_can_be_counted_or_not(analyzer, records, threads):
    """A list's length reserves the buffers from the first batch (a guess: here batches of
    very different sizes, and a first batch far from the average); a generator's grow as
    they fill. The tables are the same."""
    from framelens.corpus import analyze_corpus
    recs = records[:300]
    recs = [dict(recs[0], text=" ".join([recs[0]["text"]] * 40))] + recs[1:]
    for batch_bytes in (100, 4000, 8 << 20):
        listed = analyze_corpus(analyzer, recs, threads=threads, batch_bytes=batch_bytes,
                                texts="all")
        streamed = analyze_corpus(analyzer, iter(recs), threads=threads,
                                  batch_bytes=batch_bytes, texts="all")
        for table in ("documents", "sentences", "matches", "attributions"):
            pd.testing.assert_frame_equal(getattr(listed, table), getattr(streamed, table))
        pd.testing.assert_frame_equal(listed.match_table(text=True),
                                      streamed.match_table(text=True))
        pd.testing.assert_frame_equal(listed.sentence_table(text=True),
                                      streamed.sentence_table(text=True))
