"""Near-duplicate detection (issue 13, item 3): accuracy on a generated corpus with known
copies, the tables, streaming, and applying the clusters to a Corpus."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import inspect
from collections import OrderedDict

import numpy as np
import pandas as pd
import pytest

import framelens as fl
from framelens import dedupe

import common
import dedupe_corpus as dc
from common import shared_data

FAERBER = ("ukraine_news_bias_faerber2020", "ukraine_news_bias_sentences.tsv")


def _records(articles):
    return [{"id": a.doc_id, "outlet": a.outlet, "text": a.text} for a in articles]


@pytest.mark.parametrize("seed", [10, 11])
def test_precision_and_recall_on_generated_reprints(seed):
    # Seeds 0-2 were used while choosing the defaults; these are fresh.
    articles = dc.generate(seed=seed)
    truth = dc.true_pairs(articles)
    assert len(truth) > 300 and sum(a.kind == "copy" for a in articles) > 200
    dup = dedupe.find_duplicates(_records(articles), group="outlet", id="id")
    predicted = dc.cluster_pairs(_labels(dup))
    precision, recall = dc.precision_recall(predicted, truth)
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall
    # distinct articles on the same topic quote the same statements: never merged
    distinct = [i for i, a in enumerate(articles) if a.kind == "distinct"]
    assert all(dup.documents["cluster"].iloc[i] == -1 for i in distinct)


def _labels(dup):
    """A label per document: its cluster, or a label of its own."""
    lab = dup.documents["cluster"].to_numpy().copy()
    alone = lab < 0
    lab[alone] = -1 - np.flatnonzero(alone)
    return lab


def test_every_kind_of_edit_is_found():
    articles = dc.generate(seed=12)
    dup = dedupe.find_duplicates([a.text for a in articles])
    first_of = {}
    for i, a in enumerate(articles):
        if a.kind == "source":
            first_of[a.family] = i
    kinds_found = {"headline": 0, "typography": 0, "trimmed": 0, "paragraphs swapped": 0,
                   "words edited": 0}
    missed = 0
    cluster = dup.documents["cluster"].to_numpy()
    for i, a in enumerate(articles):
        if a.kind != "copy":
            continue
        src = first_of[a.family]
        found = cluster[i] >= 0 and cluster[i] == cluster[src]
        missed += not found
        for e in a.edits:
            for k in kinds_found:
                if k in e and found:
                    kinds_found[k] += 1
    assert all(v > 10 for v in kinds_found.values()), kinds_found
    assert missed <= 0.03 * sum(a.kind == "copy" for a in articles)


def test_tables_say_which_documents_groups_and_how_similar():
    story = ("KYIV, March 3 - Ukraine's foreign minister said on Monday that talks with Russia "
             "on a ceasefire in the east had failed, and that the government would ask its "
             "allies for more air defence before the winter, according to a statement "
             "published by the ministry late on Monday evening.")
    retyped = story.replace("'", "\u2019").replace(" - ", " \u2014 ").upper()
    other = ("The central bank left its key rate unchanged on Thursday and said inflation "
             "would slow next year as food prices fell and the harvest came in larger than "
             "expected, the bank's governor told reporters.")
    records = [{"id": "a1", "outlet": "A", "text": story},
               {"id": "b1", "outlet": "B", "text": other},
               {"id": "b2", "outlet": "B", "text": retyped},
               {"id": "c1", "outlet": "C", "text": story + " Reporting by the desk."},
               {"id": "a2", "outlet": "A", "text": story}]
    dup = dedupe.find_duplicates(records, group="outlet", id="id")
    docs = dup.documents
    assert docs["doc_id"].tolist() == ["a1", "b1", "b2", "c1", "a2"]
    assert docs["cluster"].tolist() == [0, -1, 0, 0, 0]
    assert docs["first"].tolist() == ["a1", "b1", "a1", "a1", "a1"]
    assert docs["duplicate"].tolist() == [False, False, True, True, True]
    assert docs["size"].tolist() == [4, 1, 4, 4, 4]
    assert np.isnan(docs["jaccard"].iloc[1])
    assert docs["jaccard"].iloc[2] == 1.0 and docs["jaccard"].iloc[4] == 1.0
    assert 0.7 < docs["jaccard"].iloc[3] < 1.0
    row = dup.clusters.iloc[0]
    assert (row["cluster"], row["size"], row["n_groups"]) == (0, 4, 3)
    assert row["groups"] == ("A", "B", "C")
    assert row["doc_ids"] == ("a1", "b2", "c1", "a2")
    assert row["first"] == "a1"
    assert len(dup.pairs) == 3
    assert set(dup.pairs["doc_a"]) <= {"a1", "b2", "c1"}
    assert dup.params["shingle"] == 5 and dup.params["rows"] * dup.params["bands"] <= 128
    # each cluster once per group: a1, b1, b2, c1 (a2 repeats A's copy)
    assert dup.keep("group").tolist() == [True, True, True, True, False]
    # once overall: the first document of each cluster
    assert dup.keep("all").tolist() == [True, True, False, False, False]
    with pytest.raises(ValueError, match="per must be one of group, all"):
        dup.keep("outlet")
    assert "1 clusters, 3 of 5 documents are copies" in repr(dup)


def test_inputs_lists_series_dataframes_and_records():
    texts = ["one two three four five six seven", "ONE two three, four five six seven!",
             "something else entirely here"]
    base = dedupe.find_duplicates(texts).documents
    assert base["doc_id"].tolist() == [0, 1, 2]
    assert base["cluster"].tolist() == [0, 0, -1]
    series = pd.Series(texts, index=["x", "y", "z"])
    assert dedupe.find_duplicates(series).documents["doc_id"].tolist() == ["x", "y", "z"]
    frame = pd.DataFrame({"body": texts, "who": ["p", "q", "p"], "key": [7, 8, 9]},
                         index=[10, 20, 30])
    got = dedupe.find_duplicates(frame, text="body", group="who", id="key").documents
    assert got["doc_id"].tolist() == [7, 8, 9] and got["group"].tolist() == ["p", "q", "p"]
    assert got["cluster"].tolist() == [0, 0, -1]
    by_index = dedupe.find_duplicates(frame, text="body").documents
    assert by_index["doc_id"].tolist() == [10, 20, 30]


def test_bad_input_says_which_record_and_field():
    with pytest.raises(TypeError, match=r"record 2: field 'text' must be a str, not NoneType"):
        dedupe.find_duplicates([{"text": "a b"}, {"text": None}])
    with pytest.raises(KeyError, match=r"record 1: no field 'body'"):
        dedupe.find_duplicates([{"text": "a b"}], text="body")
    with pytest.raises(KeyError, match=r"no column 'body' in the DataFrame"):
        dedupe.find_duplicates(pd.DataFrame({"text": ["a"]}), text="body")
    with pytest.raises(TypeError, match="not str"):
        dedupe.find_duplicates("just one text")
    with pytest.raises(ValueError, match=r"texts\[1\].*surrogate"):
        dedupe.find_duplicates(["fine", "bad \ud800 text"])
    for kwargs, message in [({"threshold": 0}, "threshold must be a number in"),
                            ({"threshold": 1.5}, "threshold must be"),
                            ({"containment": -0.1}, "containment must be"),
                            ({"shingle": 0}, "shingle must be an int from 1 to 16"),
                            ({"num_hashes": 100}, "num_hashes must be a power of two"),
                            ({"num_hashes": 2048}, "num_hashes must be an int from 16"),
                            ({"bands": 4}, "give both bands and rows"),
                            ({"bands": 40, "rows": 4}, r"bands x rows \(40 x 4\)"),
                            ({"threads": 0}, "threads must be an int from 1 to 256")]:
        with pytest.raises(ValueError, match=message):
            dedupe.find_duplicates(["a b c"], **kwargs)


def test_deterministic_and_independent_of_threads_and_batches():
    articles = dc.generate(seed=13, n_sources=60, n_distinct=40)
    texts = [a.text for a in articles]
    one = dedupe.find_duplicates(texts, threads=1)
    two = dedupe.find_duplicates(texts, threads=2)
    pd.testing.assert_frame_equal(one.documents, two.documents)
    pd.testing.assert_frame_equal(one.pairs, two.pairs)
    streamed = dedupe.Signatures(threads=2)
    for start in range(0, len(texts), 17):
        streamed.add(texts[start:start + 17])
    assert len(streamed) == len(texts)
    whole = dedupe.Signatures()
    whole.add(texts)
    assert np.array_equal(streamed.values, whole.values)
    assert np.array_equal(streamed.sizes, whole.sizes)
    pd.testing.assert_frame_equal(streamed.duplicates().documents, one.documents)
    # another seed gives other signatures, and (here) the same clusters
    other = dedupe.find_duplicates(texts, seed=7)
    assert other.documents["cluster"].tolist() == one.documents["cluster"].tolist()
    assert "Signatures of 0 documents" in repr(dedupe.Signatures())
    assert dedupe.Signatures().duplicates().documents.empty


def test_signatures_add_checks_its_arguments():
    sig = dedupe.Signatures()
    with pytest.raises(ValueError, match="ids has 1 items for 2 texts"):
        sig.add(["a", "b"], ids=[1])
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        sig.add(["a", 3])
    assert len(sig) == 0


def _corpus(records):
    lex = fl.Lexicon.from_dict({
        "terms": [{"term": "Kiev", "category": "name"}, {"term": "Kyiv", "category": "name"},
                  {"term": "regime", "category": "label"}],
        "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev"], "Kyiv": ["Kyiv"]}}]})
    return fl.Analyzer(lex), lex


def test_drop_counts_each_story_once():
    story = ("The Kiev regime said on Monday that the talks had failed and that Kiev would "
             "ask for more weapons before the winter, the ministry said in a statement. ") * 3
    other = "Kyiv said the bridge was repaired. The mayor of Kyiv thanked the workers."
    records = [{"id": 1, "outlet": "A", "text": story},
               {"id": 2, "outlet": "B", "text": story.replace("Monday", "Tuesday")},
               {"id": 3, "outlet": "B", "text": story.upper()},
               {"id": 4, "outlet": "A", "text": other},
               {"id": 5, "outlet": "B", "text": other},
               {"id": 6, "outlet": "C", "text": "Nothing to count here at all today."}]
    analyzer, _ = _corpus(records)
    corpus = analyzer.analyze_corpus(records, group="outlet")
    dup = dedupe.find_duplicates(records, group="outlet", id="id")
    assert dup.documents["cluster"].tolist() == [0, 0, 0, 1, 1, -1]
    for keep, kept_ids in (("group", [1, 2, 4, 5, 6]), ("all", [1, 4, 6])):
        dropped = dedupe.apply(corpus, dup, mode="drop", keep=keep)
        direct = analyzer.analyze_corpus([r for r in records if r["id"] in kept_ids],
                                         group="outlet")
        assert dropped.n_documents == len(kept_ids)
        assert dropped.duplicates is dup
        pd.testing.assert_frame_equal(dropped.matches.reset_index(drop=True),
                                      direct.matches.reset_index(drop=True),
                                      check_categorical=False)
        pd.testing.assert_frame_equal(dropped.sentences, direct.sentences,
                                      check_categorical=False)
        # every group stays, with the counts of its kept documents (none: zeros)
        assert dropped.groups == corpus.groups == ("A", "B", "C")
        a, d = dropped.counts, direct.counts
        for g in a.groups:
            i = a.groups.index(g)
            if g in d.groups:
                j = d.groups.index(g)
                assert np.array_equal(a.term_counts[i], d.term_counts[j])
                assert (a.tokens[i], a.sentences[i], a.documents[i]) == \
                    (d.tokens[j], d.sentences[j], d.documents[j])
            else:
                assert a.term_counts[i].sum() == a.tokens[i] == a.documents[i] == 0
        assert np.array_equal(a.doc_tokens, d.doc_tokens)
        if keep == "group":
            assert a == d
            pd.testing.assert_frame_equal(dropped.compare().contrasts,
                                          direct.compare().contrasts)
    only_all = dedupe.apply(corpus, dup, mode="drop", keep="all")
    assert only_all.counts.documents.tolist() == [2, 0, 1]


def test_mark_adds_a_cluster_column_and_keeps_everything():
    text = "Kiev said the regime would fall. Kiev said so twice, on two days in a row."
    records = [{"id": "x", "outlet": "A", "text": text},
               {"id": "y", "outlet": "B", "text": text.replace("Kiev", "KIEV")},
               {"id": "z", "outlet": "B", "text": "Kyiv is calm. The regime is not."}]
    analyzer, _ = _corpus(records)
    corpus = analyzer.analyze_corpus(records, group="outlet")
    dup = dedupe.find_duplicates(records, group="outlet", id="id")
    marked = dedupe.apply(corpus, dup)  # mode="mark"
    assert isinstance(marked, fl.Corpus)
    assert marked.duplicates is dup
    assert marked.counts == corpus.counts
    assert marked.sentences["cluster"].tolist() == [0, 0, 0, 0, -1, -1]
    by_doc = marked.matches.groupby("doc_id")["cluster"].first().to_dict()
    assert by_doc == {"x": 0, "y": 0, "z": -1}
    assert "cluster" not in corpus.sentences.columns  # the input is left as it was
    # marking a marked corpus, or dropping from it, works too
    again = dedupe.apply(marked, dup, mode="drop")
    assert type(again) is fl.Corpus and again.n_documents == 3  # x (A), y (B), z (B)


def test_apply_refuses_duplicates_of_other_documents():
    records = [{"id": 1, "outlet": "A", "text": "Kiev"}, {"id": 2, "outlet": "B", "text": "Kyiv"}]
    analyzer, _ = _corpus(records)
    corpus = analyzer.analyze_corpus(records, group="outlet")
    with pytest.raises(ValueError, match="describe 1 documents, the corpus has 2"):
        dedupe.apply(corpus, dedupe.find_duplicates(records[:1], id="id"))
    with pytest.raises(ValueError, match="document 1: the duplicates name it 2"):
        dedupe.apply(corpus, dedupe.find_duplicates(records[::-1], id="id"))
    dup = dedupe.find_duplicates(records, id="id")
    with pytest.raises(ValueError, match="mode must be one of mark, drop"):
        dedupe.apply(corpus, dup, mode="delete")
    with pytest.raises(ValueError, match="keep must be one of group, all"):
        dedupe.apply(corpus, dup, mode="drop", keep="outlet")


def test_public_functions_have_signatures():
    for f in (dedupe.find_duplicates, dedupe.apply, dedupe.Signatures, dedupe.Signatures.add,
              dedupe.Signatures.duplicates, dedupe.Duplicates.keep):
        assert inspect.signature(f).parameters
        assert f.__doc__


def test_real_articles_on_one_topic_are_not_copies():
    """The 90 articles of Färber et al. (2020) all cover the 2014 Ukraine crisis; two RIA
    Novosti reports among them share four background paragraphs word for word. None is a
    copy of another."""
    articles = OrderedDict()
    with open(shared_data(*FAERBER), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            articles.setdefault(row["article_id"], []).append(row["text"])
    texts = [" ".join(s) for s in articles.values()]
    dup = dedupe.find_duplicates(texts)
    assert len(texts) == 90
    assert dup.clusters.empty
    sig = dedupe.Signatures()
    sig.add(texts)
    v = sig.values
    j = (v[:, None, :] == v[None, :, :]).mean(axis=2)
    np.fill_diagonal(j, 0)
    assert 0.1 < j.max() < 0.3  # the two RIA reports: related, not copies


def test_the_binding_checks_its_arguments():
    from framelens import _core
    with pytest.raises(TypeError, match="takes 5 arguments"):
        _core.dedupe_signatures(["a"], 5, 128, 1)
    with pytest.raises(TypeError, match="texts must be a list of str"):
        _core.dedupe_signatures(("a",), 5, 128, 1, 1)
    with pytest.raises(ValueError, match="num_hashes must be a power of two"):
        _core.dedupe_signatures(["a"], 5, 100, 1, 1)
    with pytest.raises(ValueError, match="threads must be an int from 0 to 256"):
        _core.dedupe_signatures(["a"], 5, 128, 1, 1000)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not bytes"):
        _core.dedupe_signatures(["a", b"b"], 5, 128, 1, 1)
    sigs, sizes = _core.dedupe_signatures(["a b c", "a b c"], 5, 16, 1, 1)
    assert len(sigs) == 2 * 16 * 4 and len(sizes) == 2 * 8
    out = _core.dedupe_cluster(sigs, sizes, 16, 0.5, 0.8, 0, 0)
    assert np.frombuffer(out["first"], np.uint32).tolist() == [0, 0]
    with pytest.raises(ValueError, match="sigs must hold 2 x 32 values"):
        _core.dedupe_cluster(sigs, sizes, 32, 0.5, 0.8, 0, 0)
    with pytest.raises(TypeError, match="sigs must be a contiguous buffer of 4-byte"):
        _core.dedupe_cluster(np.zeros(32, np.float32), sizes, 16, 0.5, 0.8, 0, 0)
    with pytest.raises(ValueError, match="threshold must be in"):
        _core.dedupe_cluster(sigs, sizes, 16, 2.0, 0.8, 0, 0)
    with pytest.raises(TypeError, match="takes 7 arguments"):
        _core.dedupe_cluster(sigs, sizes, 16)


def test_threads_share_nothing():
    # Python threads signing at once (the GIL is released) get what one thread gets.
    import threading
    articles = dc.generate(seed=14, n_sources=40, n_distinct=20)
    texts = [a.text for a in articles]
    ref = dedupe.Signatures(threads=1)
    ref.add(texts)
    results = [None] * 4

    def work(i):
        s = dedupe.Signatures(threads=2)
        for _ in range(3):
            s.add(texts)
        results[i] = s.values

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert np.array_equal(r, np.concatenate([ref.values] * 3))


def test_repeated_calls_keep_memory_flat():
    from test_leaks_threads import UNDER_ASAN, _assert_flat
    if UNDER_ASAN:
        pytest.skip("RSS checks are meaningless under ASan (LeakSanitizer checks the C core)")
    texts = [a.text for a in dc.generate(seed=15, n_sources=30, n_distinct=10)]

    def run():
        dedupe.find_duplicates(texts, threads=2)

    _assert_flat(run, warmup=5, calls=60, what="find_duplicates")


@pytest.mark.parametrize("seed", range(40))
def test_kept_strings_selects_whole_strings(seed):
    """_kept_strings against slicing string by string: empty strings, non-ASCII bytes, data
    that starts before the first string and goes on after the last."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 12))
    lengths = rng.integers(0, 6, n) * rng.integers(0, 2, n)
    lead = int(rng.integers(0, 3))
    offsets = lead + np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    data = bytes(rng.integers(0, 256, int(offsets[-1]) + int(rng.integers(0, 3)),
                              dtype=np.uint8))
    keep = rng.integers(0, 2, n).astype(bool)
    got_offsets, got = dedupe._kept_strings(offsets, data, keep)
    want = [data[offsets[i]:offsets[i + 1]] for i in range(n) if keep[i]]
    assert got == b"".join(want)
    assert got_offsets.tolist() == [0, *np.cumsum([len(w) for w in want]).tolist()]


def test_the_analysis_signs_each_text_as_signatures_add_does():
    """With sign=(shingle, num_hashes, seed) the columns of analyze_columns and of a pool hold
    each text's signature, equal to dedupe_signatures' for any thread count; analyze_corpus
    signs that way, so its copies are find_duplicates' for any threads and batches."""
    from framelens import _core
    articles = dc.generate(seed=21, n_sources=40, n_distinct=25)
    texts = [a.text for a in articles] + ["", "Zürich’s «Київ» — Αθήνα", "x" * 200_000]
    an, lex = _corpus(None)
    for sign in [(5, 128, 1), (3, 32, 2**64 - 1)]:
        want_sigs, want_sizes = _core.dedupe_signatures(texts, *sign, 1)
        for threads in (1, 2, 3):
            cols = _core.analyze_columns(lex._core, texts, threads, 1, None, 1, sign)
            assert bytes(cols["doc_signatures"]) == want_sigs
            assert bytes(cols["doc_shingles"]) == want_sizes
        pool = _core.pool_new(lex._core, 2, 0, 1, True, sign)
        tickets = [_core.pool_submit(pool, texts[:30]), _core.pool_submit(pool, texts[30:])]
        got = [common.gathered(_core.pool_collect(pool, t)) for t in tickets]
        assert b"".join(c["doc_signatures"] for c in got) == want_sigs
        assert b"".join(c["doc_shingles"] for c in got) == want_sizes
    assert "doc_signatures" not in _core.analyze_columns(lex._core, texts, 2, 0)
    records = _records(articles)
    want = dedupe.find_duplicates(records, id="id", group="outlet")
    assert want.documents["cluster"].nunique() < len(records)  # copies to find
    from framelens.corpus import analyze_corpus  # batch_bytes: many batches of a few texts
    for threads, batch_bytes in [(1, 8 << 20), (2, 8 << 20), (3, 20_000), (1, 20_000)]:
        corpus = analyze_corpus(an, records, threads=threads, batch_bytes=batch_bytes,
                                dedupe="mark")
        pd.testing.assert_frame_equal(corpus.duplicates.documents, want.documents)
        pd.testing.assert_frame_equal(corpus.duplicates.pairs, want.pairs)


def test_the_binding_checks_the_sign_argument():
    from framelens import _core
    an, lex = _corpus(None)
    for bad, error, message in [((0, 128, 1), ValueError, "shingle must be 1 to 16"),
                                ((5, 100, 1), ValueError, "num_hashes must be a power of two"),
                                ((5, 128), TypeError, r"sign must be None or a tuple"),
                                ("5", TypeError, r"sign must be None or a tuple"),
                                ((5, 128, -1), ValueError, "seed must be an int from 0")]:
        with pytest.raises(error, match=message):
            _core.analyze_columns(lex._core, ["a b"], 1, 0, None, 0, bad)
        with pytest.raises(error, match=message):
            _core.pool_new(lex._core, 1, 0, 0, False, bad)
    with pytest.raises(TypeError, match="takes 4 to 7 arguments"):
        _core.analyze_columns(lex._core, ["a"], 1, 0, None, 0, None, 1)
