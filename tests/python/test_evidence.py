"""The evidence behind the numbers (issue 9): kwic on documents and corpora, sentence text,
the user's columns carried through, grouping by several keys and by period, the
bootstrap's cluster, and Comparison.examples."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framelens as fl
from framelens.columns import text_dtype
from framelens.corpus import NoTextError

LEXICON = {
    "name": "evidence-test",
    "categories": {
        "toponym_ru": {"description": "Russian-derived spellings", "color": "#8e44ad"},
        "toponym_ua": {"description": "Ukrainian-derived spellings", "color": "#2980b9"},
        "delegitimization": "Names that deny legitimacy.",
        "accusation": {"description": "Blame"},
    },
    "terms": [
        {"term": "Kiev", "category": "toponym_ru"},
        {"term": "Kyiv", "category": "toponym_ua"},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.0,
         "variants": ["Kyiv regime"]},
        {"term": "aggress*", "category": "accusation"},
    ],
    "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                                  "Kyiv": ["Kyiv"]}}],
}


@pytest.fixture(scope="module")
def an() -> fl.Analyzer:
    return fl.Analyzer(fl.Lexicon.from_dict(LEXICON))


RECORDS = [
    {"id": "a1", "outlet": "A", "date": "2023-01-15", "url": "http://a/1",
     "text": "one two three four five Kiev six seven eight nine ten. Nothing here."},
    {"id": "a2", "outlet": "A", "date": "2023-02-03", "url": "http://a/2",
     "text": "\u201cThe Kiev regime is to blame,\u201d he said. "
             "Officials in Kiev deny aggression."},
    {"id": "b1", "outlet": "B", "date": "2023-01-20", "url": "http://b/1",
     "text": "Kyiv's mayor spoke. Kiev-controlled towns did not report aggression."},
    {"id": "b2", "outlet": "B", "date": "2023-02-28", "url": "http://b/2",
     "text": "Kyiv said the Kyiv regime is a Russian phrase. Kyiv, Kyiv, Kyiv."},
]


@pytest.fixture(scope="module")
def corpus(an):
    return an.analyze_corpus(RECORDS, keep=["url"], date="date")


# -- kwic: the window counts framelens word tokens -------------------------------------------------
def test_kwic_window_counts_words(an):
    doc = an.analyze(RECORDS[0]["text"])
    k = doc.kwic("Kiev", window=3)
    assert k[["left", "match", "right"]].values.tolist() == [["three four five", "Kiev",
                                                              "six seven eight"]]
    k = doc.kwic("Kiev", window=0)
    assert k[["left", "match", "right"]].values.tolist() == [["", "Kiev", ""]]
    # a window larger than the sentence stops at its edges, punctuation included
    k = doc.kwic("Kiev", window=50)
    assert k["left"][0] == "one two three four five"
    assert k["right"][0] == "six seven eight nine ten."
    assert k["sentence_text"][0] == "one two three four five Kiev six seven eight nine ten."


def test_kwic_window_skips_clitics_hyphens_and_punctuation(an):
    doc = an.analyze("Kyiv's mayor spoke. Kiev-controlled towns, he said, were calm.")
    k = doc.kwic("Kyiv", window=1)
    assert k["right"].tolist() == ["'s mayor"]  # the possessive is no word of its own
    k = doc.kwic("Kiev", window=2)
    assert k["right"].tolist() == ["-controlled towns"]
    assert k["left"].tolist() == [""]


def test_document_kwic_columns_and_selection(an):
    doc = an.analyze(RECORDS[1]["text"])
    k = doc.kwic(category="delegitimization")
    assert list(k.columns) == ["sentence", "start", "end", "left", "match", "right", "term",
                               "category", "voice", "negated", "weight", "sentence_text"]
    assert k["term"].tolist() == ["Kiev regime"] and k["voice"].tolist() == ["quoted"]
    assert k["weight"].tolist() == [2.0]
    assert doc.kwic("Kiev")["voice"].tolist() == ["author"]
    assert doc.kwic(contrast="capital", option="Kiev")["term"].tolist() == \
        ["Kiev regime", "Kiev"]
    # "deny" reports what officials say: the accusation is attributed to them
    assert doc.kwic(voice="attributed")["match"].tolist() == ["aggression"]
    assert doc.kwic(voice=["quoted", "author"])["match"].tolist() == ["Kiev regime", "Kiev"]


def test_corpus_kwic_one_row_per_match(corpus):
    m = corpus.matches
    for term in ("Kiev", "Kyiv", "Kiev regime"):
        k = corpus.kwic(term)
        want = m[m["term"] == term]
        assert len(k) == len(want) > 0
        assert k["doc_id"].tolist() == want["doc_id"].tolist()
        assert k["start"].tolist() == want["start"].tolist()
        for _, row in k.iterrows():
            assert row["match"] in row["sentence_text"]
            assert f"{row['left']} {row['match']}".strip() in " ".join(
                row["sentence_text"].split())
    cols = ["doc_id", "group", "sentence", "start", "end", "left", "match", "right", "term",
            "category", "voice", "negated", "weight", "sentence_text"]
    assert list(k.columns[:len(cols)]) == cols
    assert list(k.columns[len(cols):]) == ["url", "date"]
    for col in ("left", "match", "right", "sentence_text"):
        assert k[col].dtype == text_dtype(), col
    for col in ("group", "term", "category", "voice"):
        assert isinstance(k[col].dtype, pd.CategoricalDtype), col


def test_corpus_kwic_selects_and_filters(corpus):
    # a variant spelling stands for its term; a folded spelling finds the term
    assert len(corpus.kwic("Kyiv regime")) == len(corpus.kwic("Kiev regime")) == 2
    assert len(corpus.kwic("kiev")) == len(corpus.kwic("Kiev"))
    # a category name given as the term selects the category
    pd.testing.assert_frame_equal(corpus.kwic("toponym_ru"), corpus.kwic(category="toponym_ru"))
    opt = corpus.kwic(contrast="capital", option="Kiev")
    assert set(opt["term"]) == {"Kiev", "Kiev regime"}
    assert len(corpus.kwic(contrast="capital")) == len(opt) + len(corpus.kwic("Kyiv"))
    assert set(corpus.kwic("Kyiv", group="B")["doc_id"]) == {"b1", "b2"}
    assert len(corpus.kwic("Kyiv", group="A")) == 0
    assert set(corpus.kwic(voice="quoted")["term"]) == {"Kiev regime"}
    neg = corpus.kwic(negated=True)
    assert len(neg) >= 1 and neg["negated"].all()
    assert not corpus.kwic(negated=False)["negated"].any()
    # criteria together: the terms that meet all of them
    assert len(corpus.kwic("Kiev", category="toponym_ua")) == 0


def test_kwic_errors_name_what_is_wrong(corpus):
    with pytest.raises(KeyError, match="Kiev"):
        corpus.kwic("Kievv")  # did you mean 'Kiev'?
    with pytest.raises(KeyError, match="no group 'C'"):
        corpus.kwic("Kiev", group="C")
    with pytest.raises(ValueError, match="voice"):
        corpus.kwic(voice="narrator")
    with pytest.raises(ValueError, match="window"):
        corpus.kwic("Kiev", window=-1)
    with pytest.raises(KeyError, match="contrast"):
        corpus.kwic(contrast="capitol")


def test_kwic_sampling_is_reproducible_and_keeps_order(an):
    recs = [{"id": i, "outlet": "AB"[i % 2], "text": f"Story {i} about Kiev and Kyiv."}
            for i in range(200)]
    c = an.analyze_corpus(recs)
    a = c.kwic("Kiev", n=10, seed=3)
    b = c.kwic("Kiev", n=10, seed=3)
    other = c.kwic("Kiev", n=10, seed=4)
    assert len(a) == 10
    pd.testing.assert_frame_equal(a, b)
    assert a["doc_id"].tolist() != other["doc_id"].tolist()
    assert a["doc_id"].tolist() == sorted(a["doc_id"].tolist())
    assert len(c.kwic("Kiev", n=1000)) == 200
    assert len(c.kwic("Kiev", n=0)) == 0


def test_document_and_corpus_kwic_agree(an):
    text = RECORDS[2]["text"] + " " + RECORDS[1]["text"]
    doc = an.analyze(text)
    c = an.analyze_corpus([{"id": 1, "outlet": "X", "text": text}])
    cols = ["sentence", "start", "end", "left", "match", "right", "term", "category", "voice",
            "negated", "weight", "sentence_text"]
    for window in (0, 2, 6):
        pd.testing.assert_frame_equal(doc.kwic(window=window)[cols],
                                      c.kwic(window=window)[cols])


# -- sentence text on request ----------------------------------------------------------------------
def test_sentence_and_match_text_on_request(an, corpus):
    s = corpus.sentence_table(text=True)
    assert "text" not in corpus.sentences.columns and "text" in s.columns
    assert s["text"].dtype == text_dtype()
    for rec in RECORDS:
        doc = an.analyze(rec["text"])
        rows = s[s["doc_id"] == rec["id"]]
        for sent, (_, row) in zip(doc.sentences, rows.iterrows(), strict=True):
            if sent.matches:  # texts="matched" keeps the sentences that hold a match
                assert row["text"] == sent.text
            else:
                assert pd.isna(row["text"])
    m = corpus.match_table(text=True)
    assert len(m) == len(corpus.matches)
    for _, row in m.iterrows():
        assert row["surface"] in row["sentence_text"]


def test_texts_all_and_none(an):
    every = an.analyze_corpus(RECORDS, texts="all")
    s = every.sentence_table(text=True)
    assert s["text"].notna().all()
    assert s["text"].tolist() == [x.text for r in RECORDS for x in an.analyze(r["text"]).sentences]
    none = an.analyze_corpus(RECORDS, texts="none")
    with pytest.raises(NoTextError, match="texts='none'"):
        none.kwic("Kiev")
    with pytest.raises(NoTextError):
        none.compare().examples("Kiev")
    assert len(none.matches) == len(every.matches)  # the counts do not need the texts
    with pytest.raises(ValueError, match="texts"):
        an.analyze_corpus(RECORDS, texts="some")


# -- the user's data carried through ---------------------------------------------------------------
def test_dataframe_index_is_doc_id_and_kept_columns_reach_every_table(an):
    """A filtered DataFrame (index from 2040) with extra columns: its labels are the doc_ids
    and the kept columns are in every table."""
    frame = pd.DataFrame(RECORDS * 3)
    frame.index = pd.RangeIndex(2030, 2030 + len(frame))
    df = frame[frame["outlet"].isin(["A", "B"])].iloc[10:]  # starts at 2040
    df = df.drop(columns=["id"])
    df["title"] = [f"Title {i}" for i in range(len(df))]
    c = an.analyze_corpus(df, keep=["url", "title", "date"])
    labels = set(df.index)
    assert min(labels) == 2040
    tables = {"documents": c.documents, "sentences": c.sentences, "matches": c.matches,
              "sentence_table": c.sentence_table(text=True),
              "match_table": c.match_table(text=True), "kwic": c.kwic(),
              "examples": c.compare().examples("Kiev", n=None)}
    for name, t in tables.items():
        assert len(t) > 0, name
        assert set(t["doc_id"]) <= labels, name
        for col in ("url", "title", "date"):
            assert col in t.columns, (name, col)
        for _, row in t.iterrows():
            assert row["url"] == df.loc[row["doc_id"], "url"], name
            assert row["title"] == df.loc[row["doc_id"], "title"], name
    assert c.documents["doc_id"].tolist() == list(df.index)
    # string labels, too
    df2 = df.set_axis([f"row-{i}" for i in df.index])
    c2 = an.analyze_corpus(df2, keep=["url"])
    assert c2.documents["doc_id"].tolist() == list(df2.index)
    assert set(c2.matches["doc_id"]) <= set(df2.index)
    # an id column, when named, wins over the index
    c3 = an.analyze_corpus(frame.iloc[:4], id="id")
    assert c3.documents["doc_id"].tolist() == ["a1", "a2", "b1", "b2"]


def test_kept_column_kinds(an):
    recs = [dict(r, n=i, flag=bool(i % 2)) for i, r in enumerate(RECORDS * 5)]
    c = an.analyze_corpus(recs, keep=["url", "outlet", "n", "flag"], id=None)
    d = c.documents
    assert isinstance(d["outlet"].dtype, pd.CategoricalDtype)  # few values repeat
    assert d["url"].dtype == text_dtype() or isinstance(d["url"].dtype, pd.CategoricalDtype)
    assert np.issubdtype(d["n"].dtype, np.integer) and d["flag"].dtype == bool
    assert c.documents["doc_id"].tolist() == list(range(20))
    recs_unique = [dict(r, url=f"u{i}") for i, r in enumerate(RECORDS * 5)]
    c = an.analyze_corpus(recs_unique, keep=["url"], id=None)
    assert c.documents["url"].dtype == text_dtype()  # all distinct: text


def test_keep_errors(an):
    with pytest.raises(KeyError, match="nosuch"):
        an.analyze_corpus(RECORDS, keep=["nosuch"])
    with pytest.raises(KeyError, match="nosuch"):
        an.analyze_corpus(pd.DataFrame(RECORDS), keep=["nosuch"])
    with pytest.raises(ValueError, match="clash"):
        an.analyze_corpus([dict(r, start=1) for r in RECORDS], keep=["start"])
    with pytest.raises(ValueError, match="text field"):
        an.analyze_corpus(RECORDS, keep=["text"])


def test_group_by_several_keys(an):
    recs = [dict(r, year=2023 + i % 2) for i, r in enumerate(RECORDS)]
    c = an.analyze_corpus(recs, group=["outlet", "year"])
    assert c.groups == ("A | 2023", "A | 2024", "B | 2023", "B | 2024")
    assert c.group_keys == ("outlet", "year")
    assert c.group_table.to_dict("list") == {
        "group": list(c.groups), "outlet": ["A", "A", "B", "B"], "year": [2023, 2024] * 2}
    m = c.matches
    assert {"outlet", "year"} <= set(m.columns)
    assert (m["group"].astype(str) == m["outlet"].astype(str) + " | " +
            m["year"].astype(str)).all()
    cmp = c.compare()
    assert set(cmp.contrasts["group"]) == set(c.groups)


def test_group_by_period_of_a_date(an):
    c = an.analyze_corpus(RECORDS, date="date", period="M")
    assert c.groups == ("A | 2023-01", "A | 2023-02", "B | 2023-01", "B | 2023-02")
    assert c.group_keys == ("outlet", "period")
    d = c.documents
    assert str(d["date"].dtype).startswith("datetime64")
    assert isinstance(d["period"].dtype, pd.PeriodDtype)
    assert d["period"].astype(str).tolist() == ["2023-01", "2023-02", "2023-01", "2023-02"]
    q = an.analyze_corpus(RECORDS, group=None, date="date", period="Q")
    assert q.groups == ("2023Q1",)
    with pytest.raises(ValueError, match="period"):
        an.analyze_corpus(RECORDS, date="date", period="fortnight")
    with pytest.raises(ValueError, match="date="):
        an.analyze_corpus(RECORDS, period="M")


def test_dates_are_read_strictly(an):
    recs = [dict(r) for r in RECORDS]
    recs[2]["date"] = "not a date"
    with pytest.raises(fl.RecordError, match=r"record 3 \(id 'b1'\).*'date'.*not a date"):
        an.analyze_corpus(recs, date="date")
    recs[2]["date"] = None
    an.analyze_corpus(recs, date="date")  # a missing date is allowed when only carried
    with pytest.raises(fl.RecordError, match=r"record 3.*'date'.*missing"):
        an.analyze_corpus(recs, date="date", period="M")
    c = an.analyze_corpus(recs, date="date", period="M", skip_invalid=True)
    assert c.skipped == 1 and c.n_documents == 3
    mixed = [dict(RECORDS[0], date="2023-01-15T10:00:00+02:00"),
             dict(RECORDS[1], date="15 March 2023"),
             dict(RECORDS[2], date=pd.Timestamp("2023-04-01"))]
    c = an.analyze_corpus(mixed, date="date", period="M")
    assert c.documents["period"].astype(str).tolist() == ["2023-01", "2023-03", "2023-04"]


def test_cluster_bootstrap_resamples_whole_articles(an):
    """Records that are sentences of articles, resampled by article, give exactly the
    intervals of the articles analysed as documents."""
    rng = np.random.default_rng(0)
    pieces = ["Kiev said so.", "Kyiv replied.", "The Kiev regime, they said.", "Calm day.",
              "Kyiv and Kiev both appear."]
    articles, sentences = [], []
    for a in range(40):
        chosen = [pieces[i] for i in rng.integers(0, len(pieces), size=rng.integers(1, 5))]
        outlet = "AB"[a % 2]
        articles.append({"id": f"art{a}", "outlet": outlet, "text": " ".join(chosen)})
        for j, s in enumerate(chosen):
            sentences.append({"id": f"art{a}-{j}", "article_id": f"art{a}", "outlet": outlet,
                              "text": s})
    by_article = an.analyze_corpus(articles).compare(bootstrap=300, seed=7)
    corpus = an.analyze_corpus(sentences, keep=["article_id"])
    clustered = corpus.compare(bootstrap=300, seed=7, cluster="article_id")
    by_sentence = corpus.compare(bootstrap=300, seed=7)
    for name in ("categories", "contrasts"):
        a, b = getattr(by_article, name), getattr(clustered, name)
        np.testing.assert_allclose(a[["boot_low", "boot_high"]].to_numpy(),
                                   b[["boot_low", "boot_high"]].to_numpy(), err_msg=name)
    assert not np.allclose(by_sentence.categories[["boot_low", "boot_high"]].to_numpy(),
                           clustered.categories[["boot_low", "boot_high"]].to_numpy())
    # the cluster follows a pairwise comparison
    pair = clustered.pairwise("A", "B")
    np.testing.assert_allclose(pair.categories["boot_low"].to_numpy(),
                               clustered.categories["boot_low"].to_numpy())
    with pytest.raises(KeyError, match="keep="):
        corpus.compare(bootstrap=10, cluster="section")


# -- Comparison.examples ---------------------------------------------------------------------------
def test_examples_are_the_sentences_behind_a_row(corpus):
    cmp = corpus.compare()
    ex = cmp.examples("Kyiv", "B", n=None)
    row = cmp.terms[(cmp.terms["group"] == "B") & (cmp.terms["term"] == "Kyiv")]
    assert len(ex) == int(row["count"].iloc[0]) > 0
    assert set(ex["group"]) == {"B"} and (ex["term"] == "Kyiv").all()
    assert len(cmp.examples("Kyiv", "B", n=2)) == 2
    # the comparison's voice filters the examples as it filters the counts
    quoted = corpus.compare(voice="quoted")
    assert set(quoted.examples("Kiev regime", n=None)["voice"]) == {"quoted"}
    with pytest.raises(KeyError, match="no group"):
        cmp.examples("Kyiv", "Z")
    # pairwise comparisons keep their corpus
    assert set(cmp.pairwise("A", "B").examples("Kiev", n=None)["group"]) <= {"A", "B"}


def test_examples_of_merged_counts_is_a_clear_error(an):
    a = an.analyze_corpus(RECORDS[:2]).counts
    b = an.analyze_corpus(RECORDS[2:]).counts
    cmp = (a + b).compare()
    with pytest.raises(NoTextError, match="counts alone"):
        cmp.examples("Kiev", "A")


def test_progress_true_shows_a_bar(an, capsys):
    an.analyze_corpus(RECORDS * 10, progress=True)
    err = capsys.readouterr().err
    assert "framelens" in err and "40" in err, err
    calls = []
    an.analyze_corpus(RECORDS, progress=lambda docs, chars: calls.append((docs, chars)))
    assert sum(d for d, _ in calls) == 4
    with pytest.raises(TypeError, match="progress"):
        an.analyze_corpus(RECORDS, progress="yes")
