"""Who says it and who is labelled (issue 13, items 1 and 2): attribution records in the
Document and Corpus tables, the speaker and cue of each match, actors and targets, the cue
and target tables, and the acceptance checks on the founding article."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framelens as fl

from common import benchmark_module

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "data" / "seed" / "sputnik-2021-12-28.txt"
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train.jsonl"

LEXICON = {
    "name": "who-says",
    "terms": [{"term": "aggressor", "category": "label"},
              {"term": "aggressor country", "category": "label"},
              {"term": "Kiev regime", "category": "label", "variants": ["Kyiv regime"]},
              {"term": "invasion", "category": "event"},
              {"term": "junta", "category": "label"}],
    "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin", "Kremlin"]},
               {"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]}],
}


def need_shared(path: Path) -> None:
    """Data of ../shared/data: absent, the test fails under CI and is skipped elsewhere."""
    if path.exists():
        return
    reason = f"{path} is absent (the shared data lives next to the repository)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def an() -> fl.Analyzer:
    return fl.Analyzer(fl.Lexicon.from_dict(LEXICON))


# -- the founding article -------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    need_shared(SEED)
    text = SEED.read_text(encoding="utf-8")
    return text, fl.Analyzer(fl.load_lexicon("ru-ua-conflict")).analyze(text)


def test_seed_kiev_claims_and_russia_says(seed):
    text, doc = seed
    pairs = {(a.speaker, a.cue) for a in doc.attributions}
    assert ("Kiev", "claims") in pairs
    assert ("Russia", "says") in pairs
    kiev = next(a for a in doc.attributions if (a.speaker, a.cue) == ("Kiev", "claims"))
    # "in what Kiev claims is preparation for an invasion"
    assert kiev.content.startswith("is preparation for an invasion")
    assert kiev.cue_lemma == "claim" and kiev.speaker_actor == "Ukraine"
    assert text[kiev.speaker_start:kiev.speaker_end] == "Kiev"
    says = next(a for a in doc.attributions if (a.speaker, a.cue) == ("Russia", "says"))
    assert says.cue_lemma == "say" and says.speaker_actor == "Russia"
    assert says.content.startswith("it is free to")


def test_seed_aggressor_country_is_quoted_and_said_of_russia(seed):
    _text, doc = seed
    m = next(m for m in doc.matches if m.surface == "aggressor country")
    assert m.voice == "quoted"
    assert m.target == "Russia"
    # the label's speaker is left out by the writer ("Russia was called …"): its cue stays
    assert m.speaker is None and m.cue == "was called" and m.cue_lemma == "call"


def test_seed_invasion_is_kievs_claim(seed):
    _text, doc = seed
    m = next(m for m in doc.matches if m.surface == "invasion")
    assert (m.voice, m.speaker, m.cue, m.cue_lemma, m.speaker_actor) == \
        ("attributed", "Kiev", "claims", "claim", "Ukraine")


# -- documents ------------------------------------------------------------------------------

def test_document_attributions_and_match_speakers(an):
    text = ("The Kremlin said the Kiev regime had failed. Kyiv denies it. "
            '"The junta must go," a Kremlin spokesman said. Russia is the aggressor.')
    doc = an.analyze(text)
    attrs = doc.attributions
    assert [(a.speaker, a.cue, a.cue_lemma, a.speaker_actor) for a in attrs][:3] == [
        ("The Kremlin", "said", "say", "Russia"), ("Kyiv", "denies", "deny", "Ukraine"),
        ("a Kremlin spokesman", "said", "say", "Russia")]
    for a in attrs:
        assert text[a.cue_start:a.cue_end] == a.cue
        assert text[a.content_start:a.content_end] == a.content
        if a.speaker is not None:
            assert text[a.speaker_start:a.speaker_end] == a.speaker
    by = {m.surface: m for m in doc.matches}
    assert (by["Kiev regime"].voice, by["Kiev regime"].speaker, by["Kiev regime"].cue_lemma,
            by["Kiev regime"].target) == ("attributed", "The Kremlin", "say", "Ukraine")
    assert (by["junta"].voice, by["junta"].speaker_actor) == ("quoted", "Russia")
    # the outlet's own words: no speaker, no cue
    agg = by["aggressor"]
    assert agg.voice == "author" and agg.speaker is None and agg.cue is None
    assert agg.target == "Russia"
    assert [(x.actor, x.surface) for x in doc.actor_mentions][:3] == [
        ("Russia", "The Kremlin"), ("Ukraine", "Kiev"), ("Ukraine", "Kyiv")]


def test_the_agent_after_a_quoted_label_gives_it(an):
    # the passive naming verb: the speaker is the by-agent, after the quotation too, and a
    # speaker at the end of its sentence does not take the sentence's period
    doc = an.analyze('Russia was called "an aggressor country" by Kiev. The junta was '
                     'criticized by Miller. The junta was criticized by Dana K. Reyes Jr. '
                     'on Monday. Russia was called "an aggressor country" in the report.')
    label = [m for m in doc.matches if m.term == "aggressor country"]
    assert [(m.voice, m.speaker, m.speaker_actor, m.cue, m.target) for m in label] == [
        ("quoted", "Kiev", "Ukraine", "was called", "Russia"),
        ("quoted", None, None, "was called", "Russia")]
    assert [a.speaker for a in doc.attributions if a.cue == "was criticized"] == [
        "Miller", "Dana K. Reyes Jr."]


def test_an_attribution_without_a_term_is_still_listed(an):
    doc = an.analyze("Officials said the talks would resume on Monday.")
    assert doc.matches == []
    assert [(a.speaker, a.cue, a.kind, a.voice) for a in doc.attributions] == [
        ("Officials", "said", "statement", "attributed")]


# -- the corpus -----------------------------------------------------------------------------

RECORDS = [
    {"id": "a1", "outlet": "A", "date": "2024-01-02",
     "text": "Kiev claims Russia is the aggressor. Russia says the Kiev regime shelled Donetsk."},
    {"id": "a2", "outlet": "A", "date": "2024-02-02",
     "text": "Moscow says the invasion is a lie. The Kremlin says Kiev is a junta."},
    {"id": "b1", "outlet": "B", "date": "2024-01-05",
     "text": "Kyiv says Russia is the aggressor. Russia claims the Kyiv regime is to blame."},
    {"id": "b2", "outlet": "B", "date": "2024-02-05",
     "text": "Nothing was said here at all."},
]


@pytest.fixture(scope="module")
def corpus(an):
    return an.analyze_corpus(RECORDS, keep=["date"])


def test_corpus_attributions_equal_the_documents(an, corpus):
    att = corpus.attributions
    assert list(att.columns[:19]) == ["doc_id", "group", "sentence", "speaker", "speaker_start",
                                      "speaker_end", "speaker_actor", "cue", "cue_start",
                                      "cue_end", "cue_lemma", "content", "content_start",
                                      "content_end", "content2_start", "content2_end", "kind",
                                      "voice", "nested"]
    assert "date" in att.columns
    rows = []
    for r in RECORDS:
        for a in an.analyze(r["text"]).attributions:
            rows.append((r["id"], r["outlet"], a.sentence, a.speaker, a.speaker_actor, a.cue,
                         a.cue_lemma, a.content, a.content_start, a.kind, a.voice, a.nested))
    got = [(d, g, s, None if sp is None or sp != sp else sp,
            None if ac != ac else ac, cue, lem, con, cs, k, v, n)
           for d, g, s, sp, ac, cue, lem, con, cs, k, v, n in att[
               ["doc_id", "group", "sentence", "speaker", "speaker_actor", "cue", "cue_lemma",
                "content", "content_start", "kind", "voice", "nested"]].astype(object)
           .itertuples(index=False, name=None)]
    assert got == rows
    # the lemmas a Categorical of the distinct lemmas sorted, as pandas makes of the values
    lemmas = att["cue_lemma"]
    assert list(lemmas.cat.categories) == sorted(set(lemmas.dropna()))
    assert lemmas.array.equals(pd.Categorical(list(lemmas.astype(object))))


def test_corpus_matches_carry_speaker_cue_and_target(an, corpus):
    m = corpus.matches
    for col in ("speaker", "speaker_start", "speaker_end", "speaker_actor", "cue", "cue_lemma",
                "target"):
        assert col in m.columns
    want = []
    for r in RECORDS:
        for x in an.analyze(r["text"]).matches:
            want.append((x.surface, x.speaker, x.speaker_start, x.speaker_actor, x.cue,
                         x.cue_lemma, x.target))

    def plain(v):
        return None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v

    got = [tuple(plain(v) for v in row) for row in m[
        ["surface", "speaker", "speaker_start", "speaker_actor", "cue", "cue_lemma", "target"]]
        .astype(object).itertuples(index=False, name=None)]
    assert got == want
    assert m["speaker_start"].dtype == "Int64"
    assert isinstance(m["target"].dtype, pd.CategoricalDtype)


def test_content_text_follows_texts_none(an):
    c = an.analyze_corpus(RECORDS, texts="none")
    att = c.attributions
    assert att["content"].isna().all()
    assert att["speaker"].notna().any() and att["cue"].notna().all()


def test_cue_table_shows_claims_for_kiev_and_says_for_russia(corpus):
    t = corpus.cue_table()
    a = t[t["group"] == "A"].astype({"speaker": object, "cue_lemma": object})
    row = a[(a["speaker"] == "Ukraine") & (a["cue_lemma"] == "claim")].iloc[0]
    assert row["count"] == 1 and row["speaker_total"] == 1
    row = a[(a["speaker"] == "Russia") & (a["cue_lemma"] == "say")].iloc[0]
    assert row["count"] == 3 and row["share"] == 1.0
    # within outlet A "claim" goes with Ukraine more than with the other speakers
    claim = a[a["cue_lemma"] == "claim"].set_index("speaker")
    assert claim.loc["Ukraine", "z"] > 0 > claim.loc["Russia", "z"]
    # rows with zeros where the pair occurs in another group
    assert ((t["group"] == "B") & (t["speaker"] == "Ukraine") & (t["cue_lemma"] == "claim")
            & (t["count"] == 0)).any()
    assert corpus.compare().cues.equals(t)
    by_text = corpus.cue_table(by="speaker")
    assert "the kremlin" in set(by_text["speaker"].astype(object))


def test_target_table_gives_label_by_target(corpus):
    t = corpus.target_table()
    a = t[(t["group"] == "A") & (t["label"] == "aggressor")].astype({"target": object})
    assert a.set_index("target").loc["Russia", "count"] == 1
    cats = corpus.target_table(by="category")
    assert set(cats["label"].astype(object)) <= {"label", "event"}
    total = int(corpus.matches.shape[0])
    assert int(t["count"].sum()) == total
    quoted = corpus.compare(voice="quoted").targets
    assert int(quoted["count"].sum()) == int((corpus.matches["voice"] == "quoted").sum())
    with pytest.raises(ValueError, match="by must be one of"):
        corpus.target_table(by="speaker")


def test_tables_need_the_corpus():
    counts = fl.Analyzer(fl.Lexicon.from_dict(LEXICON)).analyze_corpus(RECORDS).counts
    cmp = counts.compare()
    with pytest.raises(fl.NoTextError):
        _ = cmp.cues


# -- PolNeAR: speaker and cue against others' annotation --------------------------------------

def test_speakers_and_cues_on_polnear():
    """Measured by benchmarks/attribution.py (figures in benchmarks/README.md); this keeps them
    from falling: speaker and cue F1 on both halves of PolNeAR's training split."""
    need_shared(POLNEAR)
    bench = _bench()
    res = bench.evaluate(bench.load_polnear(POLNEAR))
    # floors at the figures measured on 2026-12-02 after phase 9's rules, rounded down
    # (speaker, cue, attribution F1: tune 0.7228, 0.7327, 0.6785; measure 0.7041, 0.7213,
    # 0.6565), so a regression fails
    floors = {"tune": (0.722, 0.732, 0.678), "measure": (0.704, 0.721, 0.656)}
    for part, (f_speaker, f_cue, f_pair) in floors.items():
        speaker, cue, pair = (s.prf()[2] for s in res[part])
        assert speaker >= f_speaker, (part, speaker)
        assert cue >= f_cue, (part, cue)
        assert pair >= f_pair, (part, pair)
    # the head rule: one for both sides
    tok = bench.Tokens("Sen. Rosalind Dunne (D-N.M.) has also said that")
    assert tok.text[bench.speaker_head(tok, 0, 28):].startswith("Dunne")
    assert tok.text[bench.cue_head(tok, 29, 42):].startswith("said")
    # an adverb without -ly is skipped too (", however, said" -> said)
    tok = bench.Tokens("Officials, however, said that")
    assert tok.text[bench.cue_head(tok, 9, 24):].startswith("said")


def _bench():
    return benchmark_module("attribution.py", "attribution_benchmark")


def test_benchmark_head_rule():
    bench = _bench()

    def speaker(text: str) -> str:
        tok = bench.Tokens(text)
        return text[bench.speaker_head(tok, 0, len(text)):].split()[0]

    def cue(text: str) -> str:
        tok = bench.Tokens(text)
        return text[bench.cue_head(tok, 0, len(text)):].split()[0]

    assert speaker("A person familiar with the talks") == "person"
    assert speaker("a Halvorsen College poll released on Sunday") == "poll"
    # a day after the noun is a phrase of time ("a poll released Sunday" had the head Sunday)
    assert speaker("a Halvorsen College poll released Sunday") == "poll"
    assert speaker("Tilden defenders today") == "defenders"
    assert speaker("His speech Tuesday") == "speech"
    assert speaker("Ledger Today") == "Today"  # a name's capital
    assert speaker("A Westbrook University poll this spring") == "poll"
    assert speaker("the newly elected senator") == "senator"
    assert speaker("the Democrats polled") == "Democrats"
    assert speaker("Nadia Ferrell of Ledger Ohio") == "Ferrell"
    assert cue("have both argued") == "argued"
    assert cue("has not yet responded to") == "responded"
    assert cue("according to") == "according"
    assert cue("this week detailed") == "detailed"
    assert cue("on Monday rejected") == "rejected"
    assert cue("went on to say") == "went"


def test_benchmark_gold_pairing():
    """PolNeAR lists a Source span once, with the first attribution using it: a cue listed
    without one shares the source before it; a Source goes to the nearer of the cues listed
    next to it; an Attribution-no-source cue has none."""
    bench = _bench()
    text = ("Spicer said the party was fine, adding that all is well. He urged calm. "
            "Rumours were denied.")
    def at(word: str, n: int = 0) -> list:
        i = -1
        for _ in range(n + 1):
            i = text.index(word, i + 1)
        return [i, i + len(word)]
    spans = [["Source", *at("Spicer")], ["Cue", *at("said")], ["Content", *at("the party")],
             ["Cue", *at("adding")], ["Content", *at("that all")],
             ["Source", *at("He")], ["Cue", *at("urged")], ["Content", *at("calm")],
             ["Cue", *at("denied")], ["Content", *at("Rumours")],
             ["Attribution-no-source", *at("denied")]]
    gold = bench.gold_attributions(spans)
    got = [(text[slice(*g.cues[0])], [text[slice(*s)] for s in g.sources], g.no_source)
           for g in gold]
    assert got == [("said", ["Spicer"], False), ("adding", ["Spicer"], False),
                   ("urged", ["He"], False), ("denied", [], True)]


def test_voice_of_attributions_is_the_contents(an):
    doc = an.analyze('"We will win," the Kremlin said. Kyiv says it will win.')
    assert [a.voice for a in doc.attributions] == ["quoted", "attributed"]
    assert np.all([a.kind == "statement" for a in doc.attributions])


# -- attributions="matched": the same matches, only the attributions that hold one ------------

MATCHED_RECORDS = RECORDS + [
    {"id": "b3", "outlet": "B", "date": "2024-03-01",
     "text": "Officials said the talks would resume on Monday. \"The Kiev regime failed. "
             "It will fall,\" he said. The mayor thinks the bridge is safe."},
    {"id": "a3", "outlet": "A", "date": "2024-03-02",
     "text": "Moscow: the invasion is over\n\nAnalysts believe the war goes on."},
]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as objects: the categories of a label column follow the rows kept."""
    return frame.astype({c: object for c in frame.columns
                         if isinstance(frame[c].dtype, pd.CategoricalDtype)})


def _linked_rows(corpus) -> np.ndarray:
    rows = np.unique(corpus._match_attribution_rows())
    return rows[rows >= 0]


@pytest.mark.parametrize("threads", [1, 2])
def test_matched_attributions_keep_every_match(an, threads):
    every = an.analyze_corpus(MATCHED_RECORDS, keep=["date"], threads=threads)
    matched = an.analyze_corpus(MATCHED_RECORDS, keep=["date"], threads=threads,
                                attributions="matched")
    assert (every.kept_attributions, matched.kept_attributions) == ("all", "matched")
    pd.testing.assert_frame_equal(every.match_table(text=True), matched.match_table(text=True))
    pd.testing.assert_frame_equal(every.sentence_table(text=True),
                                  matched.sentence_table(text=True))
    pd.testing.assert_frame_equal(every.documents, matched.documents)
    assert every.counts == matched.counts
    assert every.target_table().equals(matched.target_table())
    # the attributions kept are exactly those a match links to, in order
    want = every.attributions.iloc[_linked_rows(every)].reset_index(drop=True)
    pd.testing.assert_frame_equal(_plain(want), _plain(matched.attributions))
    assert 0 < len(matched.attributions) < len(every.attributions)
    said = set(every.attributions["cue"].astype(object)) - \
        set(matched.attributions["cue"].astype(object))
    assert {"thinks", "believe"} <= said  # no term in what the mayor and the analysts hold


def test_matched_attributions_on_polnear():
    """Others' news (PolNeAR, 840 articles) with a bundled lexicon: every match, sentence and
    count as with every attribution."""
    need_shared(POLNEAR)
    import json
    with POLNEAR.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    an = fl.Analyzer(fl.load_lexicon("loaded-language"))
    every = an.analyze_corpus(records, group="publisher", threads=2)
    matched = an.analyze_corpus(records, group="publisher", threads=2, attributions="matched")
    assert len(every.matches) > 10_000
    pd.testing.assert_frame_equal(every.match_table(text=True), matched.match_table(text=True))
    pd.testing.assert_frame_equal(every.sentence_table(), matched.sentence_table())
    assert every.counts == matched.counts
    want = every.attributions.iloc[_linked_rows(every)].reset_index(drop=True)
    pd.testing.assert_frame_equal(_plain(want), _plain(matched.attributions))
    assert len(matched.attributions) < len(every.attributions) / 2


def test_matched_attributions_refuse_the_cue_table(an, tmp_path):
    matched = an.analyze_corpus(MATCHED_RECORDS, attributions="matched")
    with pytest.raises(ValueError, match="attributions='all'"):
        matched.cue_table()
    with pytest.raises(ValueError, match="attributions='matched'"):
        _ = matched.compare().cues
    # the report leaves out who says what rather than count a part of it
    from framelens.report import write_report
    out = tmp_path / "r.html"
    write_report(matched.compare(), str(out))
    every = tmp_path / "every.html"
    write_report(an.analyze_corpus(MATCHED_RECORDS).compare(), str(every))
    assert "Who says what" not in out.read_text(encoding="utf-8")
    assert "Who says what" in every.read_text(encoding="utf-8")
    # dropping copies keeps the corpus's setting
    dropped = an.analyze_corpus(MATCHED_RECORDS + MATCHED_RECORDS[-1:], id=None,
                                attributions="matched", dedupe="drop")
    assert dropped.kept_attributions == "matched"
    with pytest.raises(ValueError, match="attributions must be one of 'all', 'matched'"):
        an.analyze_corpus(MATCHED_RECORDS, attributions="none")
