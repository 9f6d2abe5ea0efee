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
