"""Real data (issue 4, item 6): Sputnik vs The Kyiv Independent headlines, and BABE by outlet.

The data lives next to the repository in ``../shared/data`` (see its README.md); without it
the tests fail under CI=true and skip, saying so, elsewhere (common.shared_data).

Counts are checked against an independent count in this file: a regular expression per term
on each headline, written to agree with framelens's token rules on these headlines (a term
matches whole tokens; a letter or digit next to it makes another token, a hyphen or an
apostrophe does not: "Kiev-controlled" and "Kyiv's" hold the terms, "Kievan" does not).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from typing import Dict, List, Tuple

import pytest

import framelens as fl

from common import shared_data

HEADLINES = ("sputnik_kyivindependent_headlines", "headlines.tsv")
BABE = ("babe", "final_labels_SG1.csv")

SPUTNIK = "Sputnik"
KYIV_INDEPENDENT = "The Kyiv Independent"

HEADLINE_LEXICON = {
    "name": "headlines-test",
    "terms": [
        {"term": "Kiev", "category": "capital"},
        {"term": "Kyiv", "category": "capital"},
        {"term": "Kiev regime", "category": "delegitimization"},
        {"term": "Donbass", "category": "region"},
        {"term": "Donbas", "category": "region"},
        {"term": "DPR", "category": "separatist", "case_sensitive": True},
        {"term": "Donetsk People's Republic", "category": "separatist"},
        {"term": "special military operation", "category": "war-name"},
        {"term": "full-scale invasion", "category": "war-name"},
        {"term": "invasion", "category": "war-name"},
        {"term": "occupied", "category": "occupation"},
        {"term": "terror*", "category": "accusation"},
    ],
    "contrasts": [
        {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}},
        {"name": "region", "options": {"Donbass": ["Donbass"], "Donbas": ["Donbas"]}},
    ],
}

# Independent patterns: no letter or digit may touch a term (a hyphen, an apostrophe or
# punctuation may); words inside a term are separated by whitespace.
_L = r"(?<![^\W_])"  # not preceded by a letter or digit
_R = r"(?![^\W_])"   # not followed by a letter or digit
_APOS = "['\u2019\u02bc\u2018`]"
_HYPH = "[-\u2010\u2011\u2012\u2013]"
IC = re.IGNORECASE
PATTERNS = {
    "Kiev": re.compile(_L + r"kiev" + _R, IC),
    "Kyiv": re.compile(_L + r"kyiv" + _R, IC),
    "Kiev regime": re.compile(_L + r"kiev\s+regime" + _R, IC),
    "Donbass": re.compile(_L + r"donbass" + _R, IC),
    "Donbas": re.compile(_L + r"donbas" + _R, IC),
    "DPR": re.compile(_L + r"DPR" + _R),
    "Donetsk People's Republic": re.compile(
        _L + r"donetsk\s+people" + _APOS + r"s\s+republic" + _R, IC),
    "special military operation": re.compile(_L + r"special\s+military\s+operation" + _R, IC),
    "full-scale invasion": re.compile(_L + r"full" + _HYPH + r"scale\s+invasion" + _R, IC),
    "invasion": re.compile(_L + r"invasion" + _R, IC),
    "occupied": re.compile(_L + r"occupied" + _R, IC),
    "terror*": re.compile(_L + r"terror[^\W_]*", IC),
}
# A longer term wins where two overlap: "Kiev regime" takes its "Kiev", "full-scale
# invasion" its "invasion".
CONTAINED = {"Kiev": "Kiev regime", "invasion": "full-scale invasion"}


def independent_counts(title: str) -> Counter:
    c = Counter({t: len(p.findall(title)) for t, p in PATTERNS.items()})
    for inner, outer in CONTAINED.items():
        c[inner] -= c[outer]
    return c


def read_headlines() -> List[Dict[str, str]]:
    with open(shared_data(*HEADLINES), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [{"outlet": r["outlet"], "title": r["title"], "url": r["url"]} for r in reader]
    return rows


@pytest.fixture(scope="module")
def headlines():
    return read_headlines()


@pytest.fixture(scope="module")
def headline_corpus(headlines):
    an = fl.Analyzer(fl.Lexicon.from_dict(HEADLINE_LEXICON))
    return an.analyze_corpus(headlines, text="title", group="outlet", id=None, threads=2)


@pytest.fixture(scope="module")
def expected_headline_counts(headlines) -> Dict[Tuple[str, str], int]:
    out: Dict[Tuple[str, str], int] = defaultdict(int)
    for r in headlines:
        for t, k in independent_counts(r["title"]).items():
            out[(r["outlet"], t)] += k
    return out


def test_headlines_file_is_what_the_readme_says(headlines):
    by = Counter(r["outlet"] for r in headlines)
    assert by == {SPUTNIK: 2040, KYIV_INDEPENDENT: 1738}


def test_independent_patterns_follow_the_token_rules():
    # the rules of DESIGN.md section 3, on the pattern side
    c = independent_counts("Kiev-Controlled Kievan Kyiv's Kiev Regime Kyivstar DPR's dpr")
    assert (c["Kiev"], c["Kiev regime"], c["Kyiv"], c["DPR"]) == (1, 1, 1, 1)
    c = independent_counts("Full-Scale Invasion, invasion; full scale invasion terrorists")
    assert (c["full-scale invasion"], c["invasion"], c["terror*"]) == (1, 2, 1)


def test_headline_counts_per_outlet(headline_corpus, expected_headline_counts):
    c = headline_corpus.counts
    assert set(c.groups) == {SPUTNIK, KYIV_INDEPENDENT}
    got = {}
    tm = c.term_counts.sum(axis=2)
    for gi, g in enumerate(c.groups):
        for ti, t in enumerate(c.terms):
            got[(g, t)] = int(tm[gi, ti])
    want = {(g, t): expected_headline_counts[(g, t)] for g in c.groups for t in PATTERNS}
    diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
    assert not diff, f"(framelens, independent) per outlet and term: {diff}"
    # the lexicon finds plenty in both outlets
    assert want[(SPUTNIK, "Kiev")] > 50 and want[(KYIV_INDEPENDENT, "Kyiv")] > 100
    assert want[(SPUTNIK, "DPR")] > 20
    # and the comparison table reports the same counts
    cmp = headline_corpus.compare()
    for g, t, n in cmp.terms[["group", "term", "count"]].itertuples(index=False):
        assert n == want[(g, t)], (g, t)


def test_headline_counts_per_title(headlines, headline_corpus):
    """Title by title, so that a disagreement points at the headline."""
    m = headline_corpus.matches
    per_doc = m.groupby(["doc_id", "term"], observed=True).size()
    got: Dict[int, Counter] = defaultdict(Counter)
    for (doc, term), n in per_doc.items():
        got[int(doc)][term] = int(n)
    bad = []
    for i, r in enumerate(headlines):
        want = +independent_counts(r["title"])
        if +got[i] != want:
            bad.append((r["title"], dict(got[i]), dict(want)))
    assert not bad, f"{len(bad)} titles differ, e.g. {bad[:5]}"


def test_kiev_kyiv_contrast_shares(headline_corpus, expected_headline_counts):
    cmp = headline_corpus.compare()
    con = cmp.contrasts.set_index(["group", "contrast", "option"])
    z = 1.959963984540054
    for g in (SPUTNIK, KYIV_INDEPENDENT):
        for name, options in [(c["name"], c["options"]) for c in HEADLINE_LEXICON["contrasts"]]:
            per = {o: sum(expected_headline_counts[(g, t)] for t in ts)
                   for o, ts in options.items()}
            total = sum(per.values())
            for o, k in per.items():
                row = con.loc[(g, name, o)]
                assert row["count"] == k, (g, name, o)
                if total == 0:
                    assert math.isnan(row["share"])
                    continue
                assert row["share"] == pytest.approx(k / total, rel=1e-12)
                p = k / total
                d = 1 + z * z / total
                centre = (p + z * z / (2 * total)) / d
                half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / d
                assert row["ci_low"] == pytest.approx(centre - half, rel=1e-9, abs=1e-12)
                assert row["ci_high"] == pytest.approx(centre + half, rel=1e-9, abs=1e-12)
    # the obvious finding
    assert con.loc[(SPUTNIK, "capital", "Kiev"), "share"] > 0.9
    assert con.loc[(KYIV_INDEPENDENT, "capital", "Kyiv"), "share"] > 0.9
    assert con.loc[(SPUTNIK, "region", "Donbass"), "share"] > 0.8
    assert con.loc[(KYIV_INDEPENDENT, "region", "Donbas"), "share"] > 0.8
    # and the log-odds say the same: Sputnik over-uses Kiev, the Kyiv Independent Kyiv
    terms = cmp.terms.set_index(["group", "term"])
    assert terms.loc[(SPUTNIK, "Kiev"), "z"] > 5
    assert terms.loc[(KYIV_INDEPENDENT, "Kyiv"), "z"] > 5
    assert terms.loc[(SPUTNIK, "Kiev"), "p_adj"] < 1e-6


def test_headline_tokens_equal_the_sentences_table(headline_corpus):
    s = headline_corpus.sentences
    c = headline_corpus.counts
    for g, n in zip(c.groups, c.tokens, strict=True):
        assert n == int(s.loc[s["group"] == g, "n_tokens"].sum())
    # a headline has a handful of words: the totals are plausible
    assert 8 < c.tokens.sum() / c.documents.sum() < 25


# -- BABE ---------------------------------------------------------------------------------------
BIAS_LEXICON = {
    "name": "bias-test",
    "terms": [
        {"term": "radical*", "category": "labeling"},
        {"term": "extremist*", "category": "labeling"},
        {"term": "far-left", "category": "labeling"},
        {"term": "far-right", "category": "labeling"},
        {"term": "slam*", "category": "loaded-verb"},
        {"term": "blast*", "category": "loaded-verb"},
        {"term": "illegal alien*", "category": "immigration"},
        {"term": "illegal immigrant*", "category": "immigration"},
        {"term": "undocumented immigrant*", "category": "immigration"},
        {"term": "regime", "category": "delegitimization"},
        {"term": "so-called", "category": "distancing"},
        {"term": "Trump", "category": "actor", "case_sensitive": True},
    ],
    "contrasts": [
        {"name": "immigrants", "options": {
            "illegal": ["illegal alien*", "illegal immigrant*"],
            "undocumented": ["undocumented immigrant*"]}},
    ],
}


@pytest.fixture(scope="module")
def babe_rows():
    with open(shared_data(*BABE), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_babe_by_outlet_end_to_end(babe_rows):
    assert len(babe_rows) == 1700
    an = fl.Analyzer(fl.Lexicon.from_dict(BIAS_LEXICON))
    corpus = an.analyze_corpus(babe_rows, text="text", group="outlet", id=None, threads=2)
    outlets = sorted({r["outlet"] for r in babe_rows})
    assert len(outlets) == 8
    assert list(corpus.counts.groups) == outlets
    assert corpus.n_documents == 1700 and corpus.skipped == 0
    cmp = corpus.compare()
    # a row per outlet (and category / option)
    assert sorted(set(cmp.categories["group"])) == outlets
    n_cat = len({t["category"] for t in BIAS_LEXICON["terms"]})
    assert len(cmp.categories) == len(outlets) * n_cat
    assert len(cmp.contrasts) == len(outlets) * 2
    occurring = set(cmp.terms["term"])
    assert len(cmp.terms) == len(outlets) * len(occurring)
    assert {"Trump", "radical*"} <= occurring
    # token totals = the sum of sentences.n_tokens per outlet
    s = corpus.sentences
    sums = s.groupby("group", observed=False)["n_tokens"].sum()
    tokens = cmp.categories.groupby("group")["tokens"].first()
    for g in outlets:
        assert int(tokens[g]) == int(sums[g]) > 0
    assert dict(zip(corpus.counts.groups, corpus.counts.tokens.tolist(), strict=True)) == \
        {g: int(sums[g]) for g in outlets}
    # counts agree with the matches table and with per-sentence analyze()
    m = corpus.matches
    assert int(cmp.categories["count"].sum()) == len(m)
    sample = babe_rows[::97]
    for i, r in zip(range(0, 1700, 97), sample, strict=False):
        doc = an.analyze(r["text"])
        assert len(doc.matches) == int((m["doc_id"] == i).sum())
    # "Trump" is case-sensitive: every surface is exactly "Trump"
    assert set(m.loc[m["term"] == "Trump", "surface"]) == {"Trump"}
    # statistics are finite for every outlet with tokens
    assert cmp.terms[["log_odds", "z", "g2", "p", "p_adj"]].notna().all().all()
    # by voice, the counts split without loss
    total = sum(len(corpus.compare(voice=v).terms) and
                int(corpus.compare(voice=v).terms["count"].sum())
                for v in ("author", "quoted", "attributed"))
    assert total == len(m)
