"""Copies and switches wired into the tool (issue 13, items 3 and 4): analyze_corpus(dedupe=),
the CLI flags, switch points from a corpus with a date, one implementation of the shares
behind the timeline, the report's sections."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import framelens as fl
from framelens import changepoint, dedupe
from framelens.corpus import analyze_corpus
from framelens.report import comparison_html

import dedupe_corpus as dc

LEXICON = {
    "name": "capital",
    "terms": [{"term": "Kiev", "category": "name"}, {"term": "Kyiv", "category": "name"},
              {"term": "Kiev regime", "category": "label", "variants": ["Kyiv regime"]}],
    "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                                 "Kyiv": ["Kyiv", "Kyiv regime"]}}],
    "actors": [{"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]}],
}


@pytest.fixture(scope="module")
def an():
    return fl.Analyzer(fl.Lexicon.from_dict(LEXICON))


def _records(articles):
    return [{"id": a.doc_id, "outlet": a.outlet, "text": a.text} for a in articles]


@pytest.fixture(scope="module")
def generated():
    return _records(dc.generate(seed=20, n_topics=4, n_sources=40, n_distinct=40))


# -- dedupe= in analyze_corpus ----------------------------------------------------------------

def test_mark_while_streaming_equals_find_then_apply(an, generated):
    # small batches: the signatures are made batch by batch as the records stream
    streamed = analyze_corpus(an, generated, batch_bytes=20_000, dedupe="mark", threads=2)
    found = dedupe.find_duplicates(generated, group="outlet", id="id")
    assert streamed.duplicates.documents.equals(found.documents)
    assert streamed.duplicates.clusters.equals(found.clusters)
    assert len(found.clusters) > 5
    assert streamed.dedupe_mode == "mark"
    assert streamed.n_documents == len(generated)  # nothing dropped
    m = streamed.matches
    assert "cluster" in m.columns and "cluster" in streamed.attributions.columns
    by_doc = dict(zip(found.documents["doc_id"], found.documents["cluster"], strict=True))
    assert all(by_doc[d] == c for d, c in zip(m["doc_id"], m["cluster"], strict=True))


@pytest.mark.parametrize("keep", ["group", "all"])
def test_drop_counts_each_story_once(an, generated, keep):
    dropped = an.analyze_corpus(generated, dedupe="drop", dedupe_keep=keep)
    plain = an.analyze_corpus(generated)
    found = dedupe.find_duplicates(generated, group="outlet", id="id")
    applied = dedupe.apply(plain, found, mode="drop", keep=keep)
    assert dropped.counts == applied.counts
    assert dropped.n_documents == int(found.keep(keep).sum()) < plain.n_documents
    assert dropped.dedupe_keep == keep
    # attributions follow the documents kept
    assert set(dropped.attributions["doc_id"]) <= set(dropped.documents["doc_id"])
    cmp = dropped.compare()
    assert int(cmp.targets["count"].sum()) == len(dropped.matches)


def test_dedupe_options_and_errors(an, generated):
    c = an.analyze_corpus(generated[:60], dedupe="mark",
                          dedupe_options={"shingle": 3, "threshold": 0.6})
    assert c.duplicates.params["shingle"] == 3 and c.duplicates.params["threshold"] == 0.6
    with pytest.raises(ValueError, match="dedupe must be None"):
        an.analyze_corpus(generated, dedupe="yes")
    with pytest.raises(ValueError, match="dedupe_keep must be one of"):
        an.analyze_corpus(generated, dedupe="drop", dedupe_keep="outlet")
    with pytest.raises(ValueError, match="unknown option 'shingles'"):
        an.analyze_corpus(generated, dedupe="mark", dedupe_options={"shingles": 3})
    with pytest.raises(ValueError, match="without dedupe"):
        an.analyze_corpus(generated, dedupe_options={"shingle": 3})
    with pytest.raises(ValueError, match="shingle must be an int"):
        an.analyze_corpus(generated, dedupe="mark", dedupe_options={"shingle": 0})


def test_skipped_records_are_not_signed(an):
    recs = [{"id": 1, "outlet": "A", "text": "Kyiv said the same thing twice over again."},
            {"id": 2, "outlet": "B", "text": None},
            {"id": 3, "outlet": "B", "text": "Kyiv said the same thing twice over again."}]
    c = an.analyze_corpus(recs, skip_invalid=True, dedupe="drop", dedupe_keep="all")
    assert c.skipped == 1
    assert list(c.duplicates.documents["doc_id"]) == [1, 3]
    assert list(c.documents["doc_id"]) == [1]


# -- switch points ----------------------------------------------------------------------------

def _switching(seed=0, switch_month=14):
    rng = np.random.default_rng(seed)
    recs = []
    for m in range(24):
        for outlet, p_before, p_after in (("A", 0.1, 0.85), ("B", 0.2, 0.2)):
            p = p_before if m < switch_month else p_after
            for i in range(25):
                w = "Kyiv" if rng.random() < p else "Kiev"
                recs.append({"id": f"{outlet}{m}-{i}", "outlet": outlet,
                             "date": f"{2018 + m // 12}-{m % 12 + 1:02d}-15",
                             "text": f"Officials in {w} met on Monday."})
    return recs


def test_switch_points_from_a_corpus_find_the_generated_switch(an):
    corpus = an.analyze_corpus(_switching(), date="date")
    sw = corpus.switch_points("capital", seed=1)
    a = sw[sw["series"] == "A"].iloc[0]
    assert str(a["switch"]) == "2019-03"  # month 14
    assert a["option"] == "Kyiv" and a["direction"] == "up" and a["p_value"] < 0.01
    assert a["switch_low"] <= a["switch"] <= a["switch_high"]
    b = sw[sw["series"] == "B"].iloc[0]
    assert b["p_value"] > 0.01
    with pytest.raises(KeyError, match="no option"):
        corpus.switch_points("capital", option="Kiyv")
    with pytest.raises(KeyError, match="no contrast"):
        corpus.switch_points("capitals")


def test_timeline_is_changepoint_shares_of_the_same_counts(an):
    corpus = an.analyze_corpus(_switching(seed=3), date="date")
    tl = corpus.timeline("capital")
    m = corpus.matches  # the date is carried into every table
    counts = changepoint.contrast_counts(m, fl.Lexicon.from_dict(LEXICON).contrasts[0],
                                         date="date", freq="M")
    ref = changepoint.shares(counts).sort_values(["group", "period", "option"])
    got = tl[tl["total"] > 0].astype({"series": object, "option": object}) \
        .sort_values(["series", "period", "option"])
    assert got["count"].tolist() == ref["count"].tolist()
    np.testing.assert_allclose(got["share"], ref["share"])
    np.testing.assert_allclose(got["ci_low"], ref["ci_low"])


def test_a_variant_reference_counts_for_its_own_option_in_the_timeline(an):
    recs = [{"id": 1, "outlet": "A", "date": "2024-01-01", "text": "The Kyiv regime fell."},
            {"id": 2, "outlet": "A", "date": "2024-02-01", "text": "The Kiev regime fell."}]
    tl = an.analyze_corpus(recs, date="date").timeline("capital")
    got = {(str(r.period), str(r.option)): int(r.count) for r in tl.itertuples()}
    assert got == {("2024-01", "Kiev"): 0, ("2024-01", "Kyiv"): 1,
                   ("2024-02", "Kiev"): 1, ("2024-02", "Kyiv"): 0}


def test_switch_points_plot(an):
    pytest.importorskip("matplotlib")
    import framelens.plot as flp
    corpus = an.analyze_corpus(_switching(seed=4), date="date")
    fig = flp.switch_points(corpus, "capital", bootstrap=199)
    ax = fig.axes[0]
    assert len(ax.get_lines()) >= 2  # a share line per series and the switch marker
    assert "Kyiv" in ax.get_ylabel()


# -- the report and the command line --------------------------------------------------------

def test_report_shows_copies_and_switch_points(an, generated):
    recs = [dict(r, date=f"2024-{(i % 12) + 1:02d}-01") for i, r in enumerate(_switching())]
    corpus = an.analyze_corpus(recs[:400] + [dict(recs[0], id="copy")], date="date",
                               dedupe="drop")
    html = comparison_html(corpus.compare())
    assert 'id="copies"' in html and "were <b>dropped</b>" in html
    assert 'id="timeline"' in html and 'class="fl-t fl-switches"' in html
    assert 'id="targets"' in html


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "framelens", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_cli_dedupe_and_switch_tables(tmp_path, an):
    lex = tmp_path / "lex.json"
    lex.write_text(json.dumps(LEXICON), encoding="utf-8")
    recs = _switching(seed=5)[::3]
    recs.append(dict(recs[0], id="copy-of-first"))
    data = tmp_path / "corpus.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "dups.csv"
    run = _cli("compare", str(data), "--lexicon", str(lex), "--dedupe", "mark", "--table",
               "duplicates", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "clusters of copies" in run.stderr
    dups = pd.read_csv(out)
    assert "copy-of-first" in set(dups["doc_id"])
    out = tmp_path / "switch.csv"
    run = _cli("compare", str(data), "--lexicon", str(lex), "--date", "date", "--table",
               "switch-points", "-o", str(out))
    assert run.returncode == 0, run.stderr
    sw = pd.read_csv(out)
    assert list(sw.columns[:3]) == ["contrast", "series", "option"]
    assert set(sw["series"]) == {"A", "B"}
    out = tmp_path / "cues.csv"
    run = _cli("compare", str(data), "--lexicon", str(lex), "--dedupe", "drop", "--table",
               "cues", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "copies dropped (each story counted once per group)" in run.stderr
    out = tmp_path / "attrs.csv"
    run = _cli("analyze", str(data), "--lexicon", str(lex), "--table", "attributions", "-o",
               str(out))
    assert run.returncode == 0, run.stderr
    # errors say what is missing
    run = _cli("compare", str(data), "--lexicon", str(lex), "--table", "switch-points")
    assert run.returncode == 2 and "needs --date" in run.stderr
    run = _cli("compare", str(data), "--lexicon", str(lex), "--table", "duplicates")
    assert run.returncode == 2 and "needs --dedupe" in run.stderr
    run = _cli("analyze", str(data), "--lexicon", str(lex), "--dedupe-threshold", "0.6")
    assert run.returncode == 2 and "need --dedupe" in run.stderr


def test_cli_analyze_with_dedupe_gathers_and_marks_or_drops(tmp_path):
    # analyze streams batch by batch, but copies are found across the whole input: with
    # --dedupe it gathers first, then writes every match with its cluster (or without copies)
    lex = tmp_path / "lex.json"
    lex.write_text(json.dumps(LEXICON), encoding="utf-8")
    rng = np.random.default_rng(6)
    words = [f"w{k}" for k in range(5000)]
    recs = [{"id": f"d{i}", "outlet": "AB"[i % 2],
             "text": " ".join(rng.choice(words, 60)) + " Officials in "
                     + ("Kiev" if i % 3 else "Kyiv") + " met. " + " ".join(rng.choice(words, 60))
                     + "."}
            for i in range(12)]
    recs.append(dict(recs[0], id="copy-of-first", outlet="B"))
    data = tmp_path / "corpus.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    plain, marked, dropped = (tmp_path / f"{k}.csv" for k in ("plain", "marked", "dropped"))
    assert _cli("analyze", str(data), "--lexicon", str(lex), "-o", str(plain)).returncode == 0
    run = _cli("analyze", str(data), "--lexicon", str(lex), "--dedupe", "mark", "-o",
               str(marked))
    assert run.returncode == 0, run.stderr
    assert "1 copies marked" in run.stderr
    p, m = pd.read_csv(plain), pd.read_csv(marked)
    assert len(m) == len(p) and "cluster" in m.columns and "cluster" not in p.columns
    first = "d0"
    by_doc = m.groupby(m["doc_id"].astype(str))["cluster"].first()
    assert by_doc["copy-of-first"] == by_doc[first] >= 0
    assert (by_doc.drop([first, "copy-of-first"]) == -1).all()
    run = _cli("analyze", str(data), "--lexicon", str(lex), "--dedupe", "drop",
               "--dedupe-keep", "all", "-o", str(dropped))
    assert run.returncode == 0, run.stderr
    d = pd.read_csv(dropped)
    assert "copy-of-first" not in set(d["doc_id"].astype(str))
    assert len(d) == len(p) - int((p["doc_id"].astype(str) == "copy-of-first").sum())
