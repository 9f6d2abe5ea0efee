"""The statistics of DESIGN.md section 5 against an independent implementation.

Everything expected here is computed in this file from the formulas of DESIGN.md section 5
(plain Python ``math``), from counts obtained by counting what the generator inserted, never
from framelens code. The generated corpora have several groups, zero counts and tiny groups
(one document of one token, a group without any match, a group whose texts hold no word at
all), and every row of ``cmp.terms``, ``cmp.categories`` and ``cmp.contrasts`` is compared to
1e-9 relative.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import math
import random
from collections import defaultdict
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pytest

import framelens as fl
from framelens import _core

Z95 = 1.959963984540054
REL = 1e-9
# An absolute floor for values that are exactly 0 in exact arithmetic (a Wilson bound at
# k = 0, a log-odds of exactly 0) but come out as a rounding residue of order 1e-16.
ABS = 1e-12
VOICES = ("author", "quoted", "attributed")

# -- the lexicon ---------------------------------------------------------------------------
LEXICON = {
    "name": "stats-test",
    "terms": [
        {"term": "Kiev", "category": "capital"},
        {"term": "Kyiv", "category": "capital"},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.0},
        {"term": "aggress*", "category": "accusation"},
        {"term": "DPR", "category": "actor", "case_sensitive": True},
        {"term": "special military operation", "category": "euphemism"},
        {"term": "full-scale invasion", "category": "accusation"},
        # never inserted: omitted from the terms table, zero rows elsewhere
        {"term": "neverused", "category": "accusation"},
        {"term": "junta", "category": "unused"},
    ],
    "exclude": ["chicken Kiev"],
    "contrasts": [
        {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}},
        {"name": "war", "options": {"SMO": ["special military operation"],
                                    "invasion": ["full-scale invasion"]}},
        {"name": "nothing", "options": {"x": ["neverused"], "y": ["junta"]}},
    ],
}
TERM_CATEGORY = {t["term"]: t["category"] for t in LEXICON["terms"]}
CATEGORIES = sorted(set(TERM_CATEGORY.values()))
CONTRASTS = [(c["name"], list(c["options"].items())) for c in LEXICON["contrasts"]]

# What the generator can insert: (text, canonical term or None, word tokens).
INSERTS: List[Tuple[str, Optional[str], int]] = [
    ("Kiev", "Kiev", 1), ("KIEV", "Kiev", 1), ("kiev", "Kiev", 1),
    ("Kiev-controlled", "Kiev", 2),
    ("Kyiv", "Kyiv", 1), ("Kyiv's", "Kyiv", 1), ("Kyiv\u2019s", "Kyiv", 1),
    ("Kiev regime", "Kiev regime", 2),
    ("aggression", "aggress*", 1), ("aggressor", "aggress*", 1), ("Aggress", "aggress*", 1),
    ("DPR", "DPR", 1), ("dpr", None, 1), ("Dpr", None, 1),
    ("special military operation", "special military operation", 3),
    ("Special Military Operation", "special military operation", 3),
    ("full-scale invasion", "full-scale invasion", 3),
    ("full\u2011scale invasion", "full-scale invasion", 3),
    ("full scale invasion", None, 3),
    ("chicken Kiev", None, 2),
    ("F-16", None, 2),
    ("2024", None, 1),
]
FILLER = ("lorem ipsum dolor amet consectetur adipiscing elit sed eiusmod tempor incididunt "
          "labore dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco "
          "laboris nisi aliquip commodo consequat duis aute irure reprehenderit voluptate "
          "velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat proident "
          "sunt culpa officia deserunt mollit anim laborum").split()


@pytest.fixture(scope="module")
def analyzer() -> fl.Analyzer:
    return fl.Analyzer(fl.Lexicon.from_dict(LEXICON))


class Truth:
    """Counts known from generation: tokens per group, matches per group, term and voice."""

    def __init__(self):
        self.tokens: Dict[str, int] = defaultdict(int)
        self.docs: Dict[str, int] = defaultdict(int)
        self.y: Dict[Tuple[str, str, str], int] = defaultdict(int)  # (group, term, voice)
        self.groups: set = set()

    def count(self, g: str, term: str, voice: Optional[str] = None) -> int:
        if voice is None:
            return sum(self.y[(g, term, v)] for v in VOICES)
        return self.y[(g, term, voice)]


def _cap(s: str) -> str:
    """The first letter upper-cased (str.capitalize would lower-case the rest)."""
    return s[:1].upper() + s[1:]


def _words(rng: random.Random, k: int) -> List[str]:
    return [rng.choice(FILLER) for _ in range(k)]


def _with_inserts(rng: random.Random, n_filler: int, n_ins: int, truth: Truth, g: str,
                  voice: str) -> List[str]:
    """Filler words with n_ins insertions, never two insertions side by side."""
    words = _words(rng, max(n_filler, n_ins + 1))
    truth.tokens[g] += len(words)
    slots = sorted(rng.sample(range(len(words) + 1), n_ins)) if n_ins else []
    out: List[str] = []
    pos = 0
    for s in slots:
        out.extend(words[pos:s])
        pos = s
        text, term, ntok = rng.choice(INSERTS)
        out.append(text)
        truth.tokens[g] += ntok
        if term is not None:
            truth.y[(g, term, voice)] += 1
        if pos < len(words):  # keep a filler word between two insertions
            out.append(words[pos])
            pos += 1
    out.extend(words[pos:])
    return out


def _sentence(rng: random.Random, truth: Truth, g: str, match_rate: float) -> str:
    n_ins = sum(rng.random() < match_rate for _ in range(3))
    kind = rng.choice(("author", "author", "attributed", "quoted"))
    if kind == "author":
        words = _with_inserts(rng, rng.randint(2, 12), n_ins, truth, g, "author")
        return _cap(" ".join(words)) + "."
    if kind == "attributed":
        speaker = _words(rng, 2)
        truth.tokens[g] += 4  # speaker, "said", "that"
        rest = _with_inserts(rng, rng.randint(2, 10), n_ins, truth, g, "attributed")
        return _cap(" ".join(speaker)) + " said that " + " ".join(rest) + "."
    lead = _words(rng, 2)
    truth.tokens[g] += 2
    inner = _with_inserts(rng, rng.randint(4, 10), n_ins, truth, g, "quoted")
    return _cap(" ".join(lead)) + " \u201c" + " ".join(inner) + ".\u201d"


def generate(seed: int, n_normal: int, specials: Sequence[str], docs: Tuple[int, int] = (3, 25)
             ) -> Tuple[List[dict], Truth]:
    """Records over n_normal ordinary groups plus the tiny groups named in specials:
    "one-token" (one document holding one word, a match), "no-match" (filler only),
    "no-tokens" (documents without a single word)."""
    rng = random.Random(seed)
    truth = Truth()
    records: List[dict] = []
    for gi in range(n_normal):
        g = f"outlet{gi}"
        truth.groups.add(g)
        rate = rng.choice((0.05, 0.2, 0.5))
        for _ in range(rng.randint(*docs)):
            text = " ".join(_sentence(rng, truth, g, rate) for _ in range(rng.randint(1, 6)))
            records.append({"text": text, "outlet": g})
            truth.docs[g] += 1
    for special in specials:
        g = special
        truth.groups.add(g)
        if special == "one-token":
            records.append({"text": "Kyiv", "outlet": g})
            truth.tokens[g] += 1
            truth.y[(g, "Kyiv", "author")] += 1
            truth.docs[g] += 1
        elif special == "no-match":
            for _ in range(rng.randint(1, 4)):
                words = _words(rng, rng.randint(1, 20))
                truth.tokens[g] += len(words)
                records.append({"text": _cap(" ".join(words)) + ".", "outlet": g})
                truth.docs[g] += 1
        elif special == "no-tokens":
            for text in ("", "...", " \u2014 !? "):
                records.append({"text": text, "outlet": g})
                truth.docs[g] += 1
        else:  # pragma: no cover
            raise ValueError(special)
    rng.shuffle(records)
    for i, r in enumerate(records):
        r["id"] = f"doc{i}"
    return records, truth


# -- the formulas of DESIGN.md section 5, written out ---------------------------------------
def ref_log_odds(yg: float, ng: float, yr: float, nr: float, a0: float) -> Tuple[float, float]:
    a = a0 * (yg + yr) / (ng + nr)
    delta = (math.log((yg + a) / (ng + a0 - yg - a))
             - math.log((yr + a) / (nr + a0 - yr - a)))
    z = delta / math.sqrt(1.0 / (yg + a) + 1.0 / (yr + a))
    return delta, z


def ref_g2(yg: float, ng: float, yr: float, nr: float) -> Tuple[float, float]:
    table = [[yg, ng - yg], [yr, nr - yr]]
    total = ng + nr
    rows = [ng, nr]
    cols = [yg + yr, total - yg - yr]
    terms = []
    for i in range(2):
        for j in range(2):
            o = table[i][j]
            if o == 0:
                continue  # cells with O = 0 add nothing
            e = rows[i] * cols[j] / total
            terms.append(o * math.log(o / e))
    g2 = 2.0 * math.fsum(terms)
    g2 = max(g2, 0.0)  # a sum that is >= 0 in exact arithmetic
    return g2, math.erfc(math.sqrt(g2 / 2.0))


def ref_wilson(k: float, n: float, z: float = Z95) -> Tuple[float, float]:
    if n == 0:
        return math.nan, math.nan
    p = k / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2.0 * n)) / denom
    half = z * math.sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denom
    return centre - half, centre + half


def ref_comparable(yg: float, ng: float, yr: float, nr: float) -> bool:
    """Is there anything to compare? Not for a side without word tokens, nor for a term whose
    count is the whole corpus (DESIGN.md section 5): those rows are NaN."""
    return ng > 0 and nr > 0 and yg + yr < ng + nr


def ref_bh(ps: Sequence[float]) -> List[float]:
    """Benjamini-Hochberg adjusted p-values; NaN p-values stay NaN and are not counted."""
    idx = [i for i, p in enumerate(ps) if not math.isnan(p)]
    m = len(idx)
    out = [math.nan] * len(ps)
    order = sorted(idx, key=lambda i: ps[i])
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        out[i] = min(running, 1.0)
    return out


def expected_terms(groups: Sequence[str], y: Dict[Tuple[str, str], int],
                   n: Dict[str, int], alpha0: float,
                   reference: Optional[Dict[str, List[str]]] = None) -> Dict[Tuple[str, str], dict]:
    """Rows keyed by (group, term). ``reference`` maps each group to the groups pooled as its
    rest (default: all the others)."""
    terms = [t for t in TERM_CATEGORY if any(y.get((g, t), 0) for g in groups)]
    rows: Dict[Tuple[str, str], dict] = {}
    for g in groups:
        rest = reference[g] if reference else [h for h in groups if h != g]
        for t in terms:
            yg, ng = y.get((g, t), 0), n[g]
            yr = sum(y.get((h, t), 0) for h in rest)
            nr = sum(n[h] for h in rest)
            row = {"count": yg, "tokens": ng, "category": TERM_CATEGORY[t]}
            if not rest or not ref_comparable(yg, ng, yr, nr):
                row.update(log_odds=math.nan, z=math.nan, g2=math.nan, p=math.nan)
            else:
                row["log_odds"], row["z"] = ref_log_odds(yg, ng, yr, nr, alpha0)
                row["g2"], row["p"] = ref_g2(yg, ng, yr, nr)
            rows[(g, t)] = row
    keys = list(rows)
    for k, q in zip(keys, ref_bh([rows[k]["p"] for k in keys]), strict=True):
        rows[k]["p_adj"] = q
    return rows


def expected_categories(groups, y, n) -> Dict[Tuple[str, str], dict]:
    rows = {}
    for g in groups:
        for c in CATEGORIES:
            k = sum(v for (h, t), v in y.items() if h == g and TERM_CATEGORY[t] == c)
            lo, hi = ref_wilson(k, n[g])
            rows[(g, c)] = {
                "count": k, "tokens": n[g],
                "rate_per_1k": 1000.0 * k / n[g] if n[g] else math.nan,
                "ci_low": 1000.0 * lo, "ci_high": 1000.0 * hi,
            }
    return rows


def expected_contrasts(groups, y) -> Dict[Tuple[str, str, str], dict]:
    rows = {}
    for g in groups:
        for name, options in CONTRASTS:
            per = {opt: sum(y.get((g, t), 0) for t in ts) for opt, ts in options}
            total = sum(per.values())
            for opt, k in per.items():
                lo, hi = ref_wilson(k, total)
                rows[(g, name, opt)] = {"count": k, "share": k / total if total else math.nan,
                                        "ci_low": lo, "ci_high": hi}
    return rows


def close(actual, expected, rel: float = REL, abs_: float = ABS) -> bool:
    actual, expected = float(actual), float(expected)
    if math.isnan(expected):
        return math.isnan(actual)
    return math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)


def assert_table(df, key_cols: Sequence[str], expected: Dict[tuple, dict], what: str) -> None:
    keys = [tuple(r) for r in df[list(key_cols)].itertuples(index=False, name=None)]
    assert len(keys) == len(set(keys)), f"{what}: duplicate rows"
    assert set(keys) == set(expected), (
        f"{what}: rows differ; missing {sorted(set(expected) - set(keys))[:10]}, "
        f"extra {sorted(set(keys) - set(expected))[:10]}")
    bad = []
    records = df.to_dict("records")
    for key, rec in zip(keys, records, strict=True):
        for col, want in expected[key].items():
            got = rec[col]
            if isinstance(want, str):
                ok = got == want
            else:
                ok = close(got, want)
            if not ok:
                bad.append(f"{key} {col}: got {got!r}, expected {want!r}")
    assert not bad, f"{what}: {len(bad)} mismatches, e.g.\n" + "\n".join(bad[:15])


def truth_y(truth: Truth, voice: Optional[str] = None) -> Dict[Tuple[str, str], int]:
    out: Dict[Tuple[str, str], int] = {}
    for g in truth.groups:
        for t in TERM_CATEGORY:
            out[(g, t)] = truth.count(g, t, voice)
    return out


def tokens_of(truth: Truth) -> Dict[str, int]:
    return {g: truth.tokens[g] for g in truth.groups}


def check_comparison(cmp, groups, y, n, alpha0=1000.0, reference=None) -> None:
    assert_table(cmp.terms, ("group", "term"),
                 expected_terms(groups, y, n, alpha0, reference), "terms")
    assert_table(cmp.categories, ("group", "category"), expected_categories(groups, y, n),
                 "categories")
    assert_table(cmp.contrasts, ("group", "contrast", "option"), expected_contrasts(groups, y),
                 "contrasts")


# -- the reference and the core, on known values ----------------------------------------------
# Computed independently of framelens with 50-digit arithmetic (mpmath) and checked against
# scipy's chi2_contingency(lambda_="log-likelihood") and statsmodels; see tests/c/test_compare.cc.
G2_KNOWN = [  # (y_g, n_g, y_r, n_r) -> (G2, p)
    ((10, 1000, 5, 2000), (6.9691919319330272083, 0.0082924935848060927132)),
    ((0, 100, 10, 100), (14.389502660059374669, 0.00014862855236451058075)),
    ((120, 50000, 40, 80000), (88.327355886517069817, 5.5470988572730533964e-21)),
]
LOG_ODDS_KNOWN = [  # (y_g, n_g, y_r, n_r, alpha0) -> (delta, z)
    ((10, 1000, 5, 2000, 100), (1.300223150927467449, 2.4702101250133771043)),
    ((1, 50000, 30, 60000, 1000), (-2.9836911288685271799, -3.3087544232464436534)),
]
# Newcombe (1998), Table I, Wilson score intervals (published to four decimals).
WILSON_KNOWN = [((81, 263), (0.2553, 0.3662)), ((15, 148), (0.0624, 0.1605)),
                ((0, 20), (0.0, 0.1611)), ((1, 29), (0.0061, 0.1718))]
# Benjamini & Hochberg (1995), section 4.2: 15 p-values, the four smallest rejected at 0.05.
BH_P = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
        0.4262, 0.5719, 0.6528, 0.7590, 1.000]
BH_ADJUSTED = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286,
               0.06385714285714286, 0.0645, 0.0765, 0.486, 0.5811818181818182, 0.714875,
               0.7532307692307693, 0.8132142857142857, 1.0]


@pytest.mark.parametrize("impl", ["reference", "core"])
def test_statistics_on_known_values(impl):
    """The reference used below and the core's own functions agree with known values."""
    if impl == "reference":
        g2, log_odds, wilson, bh = ref_g2, ref_log_odds, ref_wilson, ref_bh
    else:
        def wilson(k, n):
            lo, hi = _core.wilson(np.array([k], float), np.array([n], float), Z95)
            return np.frombuffer(lo)[0], np.frombuffer(hi)[0]

        def bh(ps):
            return np.frombuffer(_core.bh(np.array(ps, float))).tolist()
        g2, log_odds = _core.g2, _core.log_odds
    for args, (want_g2, want_p) in G2_KNOWN:
        got_g2, got_p = g2(*args)
        assert got_g2 == pytest.approx(want_g2, rel=1e-12), args
        assert got_p == pytest.approx(want_p, rel=1e-10), args
    for args, want in LOG_ODDS_KNOWN:
        assert log_odds(*args) == pytest.approx(want, rel=1e-12), args
    for (k, n), (lo4, hi4) in WILSON_KNOWN:
        lo, hi = wilson(k, n)
        assert (round(lo, 4), round(hi, 4)) == (lo4, hi4), (k, n)
    assert bh(BH_P) == pytest.approx(BH_ADJUSTED, rel=1e-12)
    assert sum(q <= 0.05 for q in bh(BH_P)) == 4
    # no association: G2 = 0, p = 1; equal rates: log-odds 0
    assert g2(10, 100, 20, 200) == (pytest.approx(0.0, abs=1e-12), pytest.approx(1.0))
    assert log_odds(5, 100, 10, 200, 1000.0) == pytest.approx((0.0, 0.0), abs=1e-12)


# -- generated corpora -----------------------------------------------------------------------
SPECIAL_SETS = [
    ("one-token", "no-match", "no-tokens"),
    ("no-match",),
    ("one-token",),
    ("no-tokens",),
    ("one-token", "no-tokens"),
    (),
]


def _case(seed: int):
    rng = random.Random(1000 + seed)
    specials = SPECIAL_SETS[seed % len(SPECIAL_SETS)]
    n_normal = max(1, rng.randint(3, 5) - len(specials))
    return generate(seed, n_normal, specials)


@pytest.mark.parametrize("seed", range(12))
def test_counts_equal_the_generated_counts(analyzer, seed):
    """The counts every statistic is computed from: tokens, documents, matches per voice."""
    records, truth = _case(seed)
    corpus = analyzer.analyze_corpus(records, threads=2)
    c = corpus.counts
    groups = sorted(truth.groups)
    assert list(c.groups) == groups
    assert dict(zip(c.groups, c.tokens.tolist(), strict=True)) == \
        {g: truth.tokens[g] for g in groups}
    assert dict(zip(c.groups, c.documents.tolist(), strict=True)) == \
        {g: truth.docs[g] for g in groups}
    got = {}
    for gi, g in enumerate(c.groups):
        for ti, t in enumerate(c.terms):
            for vi, v in enumerate(VOICES):
                if c.term_counts[gi, ti, vi]:
                    got[(g, t, v)] = int(c.term_counts[gi, ti, vi])
    want = {k: v for k, v in truth.y.items() if v}
    assert got == want
    # and the sentences table agrees on tokens
    per_group = corpus.sentences.groupby("group", observed=False)["n_tokens"].sum()
    assert {g: int(per_group.get(g, 0)) for g in groups} == {g: truth.tokens[g] for g in groups}


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("alpha0", [1000.0, 10.0])
def test_every_row_matches_the_formulas(analyzer, seed, alpha0):
    records, truth = _case(seed)
    groups = sorted(truth.groups)
    assert 3 <= len(groups) <= 5
    corpus = analyzer.analyze_corpus(records, threads=1)
    cmp = corpus.compare(alpha0=alpha0)
    check_comparison(cmp, groups, truth_y(truth), tokens_of(truth), alpha0)


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize("seed", [0, 3, 7])
def test_voice_filters_counts_not_tokens(analyzer, seed, voice):
    records, truth = _case(seed)
    groups = sorted(truth.groups)
    cmp = analyzer.analyze_corpus(records, threads=2).compare(voice=voice)
    y = truth_y(truth, voice)
    assert any(y.values()), "the generator must produce matches in every voice"
    assert any(y[k] != truth_y(truth)[k] for k in y), "the filter must change something"
    check_comparison(cmp, groups, y, tokens_of(truth))
    # tokens are not filtered
    cats = cmp.categories
    assert {g: int(t) for g, t in zip(cats["group"], cats["tokens"], strict=True)} \
        == {g: truth.tokens[g] for g in groups}


def test_voice_must_be_known(analyzer):
    records, _ = _case(0)
    corpus = analyzer.analyze_corpus(records, threads=1)
    with pytest.raises(ValueError, match="voice"):
        corpus.compare(voice="narrator")


def test_single_group_has_nan_comparative_columns(analyzer):
    records, truth = generate(5, 1, ())
    (g,) = truth.groups
    cmp = analyzer.analyze_corpus(records, threads=1).compare()
    check_comparison(cmp, [g], truth_y(truth), tokens_of(truth))
    for col in ("log_odds", "z", "g2", "p", "p_adj"):
        assert cmp.terms[col].isna().all(), col
    assert len(cmp.terms) > 0
    assert cmp.categories["rate_per_1k"].notna().all()


def test_terms_that_never_occur_are_omitted_and_zero_rows_kept(analyzer):
    records, truth = generate(2, 3, ("no-match", "no-tokens"))
    cmp = analyzer.analyze_corpus(records, threads=1).compare()
    assert "neverused" not in set(cmp.terms["term"])
    assert "junta" not in set(cmp.terms["term"])
    occurring = {t for t in TERM_CATEGORY if any(truth.count(g, t) for g in truth.groups)}
    assert set(cmp.terms["term"]) == occurring
    assert len(cmp.terms) == len(truth.groups) * len(occurring)
    zero = cmp.terms[cmp.terms["group"] == "no-match"]
    assert len(zero) == len(occurring) and (zero["count"] == 0).all()
    # the unused category and the all-zero contrast still have rows
    assert set(cmp.categories["category"]) == set(CATEGORIES)
    nothing = cmp.contrasts[cmp.contrasts["contrast"] == "nothing"]
    assert len(nothing) == 2 * len(truth.groups)
    assert nothing["share"].isna().all() and (nothing["count"] == 0).all()
    # a group without tokens: rate NaN, contrast shares NaN
    empty = cmp.categories[cmp.categories["group"] == "no-tokens"]
    assert empty[["rate_per_1k", "ci_low", "ci_high"]].isna().all().all()


NAN_COLUMNS = ("log_odds", "z", "g2", "p", "p_adj")


def test_group_without_tokens_is_nan_and_leaves_the_others_p_adj_unchanged(analyzer):
    records, truth = generate(11, 3, ("no-tokens",))
    with_empty = analyzer.analyze_corpus(records, threads=1).compare()
    without = analyzer.analyze_corpus([r for r in records if r["outlet"] != "no-tokens"],
                                      threads=1).compare()
    empty = with_empty.terms[with_empty.terms["group"] == "no-tokens"]
    assert len(empty) > 0
    assert empty[list(NAN_COLUMNS)].isna().all().all()
    rest = with_empty.terms[with_empty.terms["group"] != "no-tokens"].reset_index(drop=True)
    assert rest[["group", "term"]].astype(str).equals(
        without.terms[["group", "term"]].astype(str))
    assert rest["p"].notna().any()
    for col in NAN_COLUMNS:  # exactly, not approximately: the family is the same
        a, b = rest[col].to_numpy(), without.terms[col].to_numpy()
        assert np.array_equal(a, b, equal_nan=True), col


def test_term_that_is_every_token_is_nan_and_out_of_the_family():
    lex = fl.Lexicon.from_dict(SIMPLE)
    base = fl.Counts.empty(lex)
    terms = list(base.terms)
    tokens = np.array([120, 300, 45], dtype=np.int64)
    tc = np.zeros((3, len(terms), 3), dtype=np.int64)
    tc[:, terms.index("alpha"), 0] = tokens            # every token of every group
    tc[:, terms.index("beta"), 0] = [9, 4, 11]
    tc[:, terms.index("gamma"), 2] = [0, 6, 1]

    def counts(term_counts):
        e = np.zeros(0, np.int64)
        return fl.Counts(["a", "b", "c"], base.shape, term_counts, None, tokens,
                         np.ones(3, np.int64), np.ones(3, np.int64),
                         np.arange(3, dtype=np.int32), tokens,
                         (e, np.zeros(0, np.int32), np.zeros(0, np.int8), e))

    cmp = counts(tc).compare()
    whole = cmp.terms[cmp.terms["term"] == "alpha"]
    assert len(whole) == 3 and whole[list(NAN_COLUMNS)].isna().all().all()
    tc_without = tc.copy()
    tc_without[:, terms.index("alpha"), :] = 0      # alpha never occurs: no rows
    other = counts(tc_without).compare().terms.reset_index(drop=True)
    kept = cmp.terms[cmp.terms["term"] != "alpha"].reset_index(drop=True)
    assert kept[["group", "term"]].astype(str).equals(other[["group", "term"]].astype(str))
    assert kept["p_adj"].notna().all()
    for col in NAN_COLUMNS:
        assert np.array_equal(kept[col].to_numpy(), other[col].to_numpy(), equal_nan=True), col


# -- hypothesis: count tables of any shape ----------------------------------------------------
try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

SIMPLE = {
    "terms": [{"term": "alpha", "category": "c1"}, {"term": "beta", "category": "c1"},
              {"term": "gamma", "category": "c2"}, {"term": "delta", "category": "c3"}],
    "contrasts": [{"name": "ab", "options": {"A": ["alpha"], "B": ["beta"]}},
                  {"name": "gd", "options": {"G": ["gamma"], "D": ["delta", "alpha"]}}],
}
SIMPLE_CAT = {t["term"]: t["category"] for t in SIMPLE["terms"]}
SIMPLE_CONTRASTS = [(c["name"], list(c["options"].items())) for c in SIMPLE["contrasts"]]


def _text_from_counts(rng: random.Random, n_filler: int, counts: Dict[str, int]) -> str:
    words = [rng.choice(FILLER) for _ in range(n_filler)]
    for t, k in counts.items():
        words.extend([t] * k)
    rng.shuffle(words)
    sentences = [" ".join(words[i:i + 9]) + "." for i in range(0, len(words), 9)]
    return " ".join(sentences)


if given is not None:
    @st.composite
    def count_tables(draw):
        G = draw(st.integers(1, 5))
        rows = []
        for _ in range(G):
            filler = draw(st.one_of(st.just(0), st.integers(0, 3), st.integers(0, 400)))
            ys = {t: draw(st.one_of(st.just(0), st.integers(0, 3), st.integers(0, 60)))
                  for t in SIMPLE_CAT}
            rows.append((filler, ys))
        return rows

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(table=count_tables(), alpha0=st.sampled_from([1000.0, 1.0, 0.01, 123.5]),
           seed=st.integers(0, 2**16))
    def test_formulas_on_arbitrary_count_tables(table, alpha0, seed):
        rng = random.Random(seed)
        an = fl.Analyzer(fl.Lexicon.from_dict(SIMPLE))
        records, y, n = [], {}, {}
        groups = [f"g{i}" for i in range(len(table))]
        for g, (filler, ys) in zip(groups, table, strict=True):
            records.append({"text": _text_from_counts(rng, filler, ys), "outlet": g})
            n[g] = filler + sum(ys.values())
            for t, k in ys.items():
                y[(g, t)] = k
        cmp = an.analyze_corpus(records, threads=1).compare(alpha0=alpha0)
        # expected, with the simple lexicon
        terms = [t for t in SIMPLE_CAT if any(y[(g, t)] for g in groups)]
        exp_terms = {}
        for g in groups:
            rest = [h for h in groups if h != g]
            for t in terms:
                yg, ng = y[(g, t)], n[g]
                yr, nr = sum(y[(h, t)] for h in rest), sum(n[h] for h in rest)
                row = {"count": yg, "tokens": ng}
                if rest and ref_comparable(yg, ng, yr, nr):
                    row["log_odds"], row["z"] = ref_log_odds(yg, ng, yr, nr, alpha0)
                    row["g2"], row["p"] = ref_g2(yg, ng, yr, nr)
                else:
                    row.update(log_odds=math.nan, z=math.nan, g2=math.nan, p=math.nan)
                exp_terms[(g, t)] = row
        keys = list(exp_terms)
        for k, q in zip(keys, ref_bh([exp_terms[k]["p"] for k in keys]), strict=True):
            exp_terms[k]["p_adj"] = q
        assert_table(cmp.terms, ("group", "term"), exp_terms, "terms")
        exp_cat = {}
        for g in groups:
            for c in sorted(set(SIMPLE_CAT.values())):
                k = sum(y[(g, t)] for t in SIMPLE_CAT if SIMPLE_CAT[t] == c)
                lo, hi = ref_wilson(k, n[g])
                exp_cat[(g, c)] = {"count": k, "tokens": n[g],
                                   "rate_per_1k": 1000.0 * k / n[g] if n[g] else math.nan,
                                   "ci_low": 1000.0 * lo, "ci_high": 1000.0 * hi}
        assert_table(cmp.categories, ("group", "category"), exp_cat, "categories")
        exp_con = {}
        for g in groups:
            for name, options in SIMPLE_CONTRASTS:
                per = {o: sum(y[(g, t)] for t in ts) for o, ts in options}
                tot = sum(per.values())
                for o, k in per.items():
                    lo, hi = ref_wilson(k, tot)
                    exp_con[(g, name, o)] = {"count": k,
                                             "share": k / tot if tot else math.nan,
                                             "ci_low": lo, "ci_high": hi}
        assert_table(cmp.contrasts, ("group", "contrast", "option"), exp_con, "contrasts")


# -- pairwise ----------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 4, 8])
@pytest.mark.parametrize("voice", [None, "author"])
def test_pairwise_uses_b_as_the_reference(analyzer, seed, voice):
    records, truth = _case(seed)
    groups = sorted(truth.groups)
    a, b = groups[-1], groups[0]
    cmp = analyzer.analyze_corpus(records, threads=2).compare(voice=voice)
    pw = cmp.pairwise(a, b)
    y = truth_y(truth, voice)
    y2 = {k: v for k, v in y.items() if k[0] in (a, b)}
    check_comparison(pw, sorted([a, b]), y2, tokens_of(truth),
                     reference={a: [b], b: [a]})
    # the view changes the rest: with 3+ groups, A's z against B differs from A against all
    rows_all = cmp.terms.set_index(["group", "term"])
    rows_pw = pw.terms.set_index(["group", "term"])
    common = [k for k in rows_pw.index if k[0] == a and rows_pw.loc[k, "count"] > 0]
    if common:
        assert any(not close(rows_pw.loc[k, "z"], rows_all.loc[k, "z"]) for k in common)


def test_pairwise_rejects_unknown_groups(analyzer):
    records, truth = _case(0)
    cmp = analyzer.analyze_corpus(records, threads=1).compare()
    g = sorted(truth.groups)[0]
    with pytest.raises(KeyError, match="nope"):
        cmp.pairwise(g, "nope")
    with pytest.raises(ValueError):
        cmp.pairwise(g, g)


# -- bootstrap -------------------------------------------------------------------------------
def _boot_corpus(analyzer, seed=11):
    records, truth = generate(seed, 3, (), docs=(30, 40))
    return analyzer.analyze_corpus(records, threads=2), truth


def test_bootstrap_is_reproducible_for_a_seed(analyzer):
    corpus, _ = _boot_corpus(analyzer)
    a = corpus.compare(bootstrap=300, seed=7)
    b = corpus.compare(bootstrap=300, seed=7)
    c = corpus.compare(bootstrap=300, seed=8)
    for name in ("categories", "contrasts"):
        ta, tb, tc = getattr(a, name), getattr(b, name), getattr(c, name)
        for col in ("boot_low", "boot_high"):
            assert col in ta.columns
            np.testing.assert_array_equal(ta[col].to_numpy(), tb[col].to_numpy())
        both = ta[["boot_low", "boot_high"]].to_numpy()
        other = tc[["boot_low", "boot_high"]].to_numpy()
        finite = np.isfinite(both) & np.isfinite(other)
        assert finite.any()
        assert not np.array_equal(both[finite], other[finite]), \
            f"{name}: another seed gave the same intervals"
    # the point estimates and Wilson intervals do not depend on the bootstrap
    plain = corpus.compare()
    for name in ("categories", "contrasts"):
        for col in ("count", "ci_low", "ci_high"):
            np.testing.assert_array_equal(getattr(a, name)[col].to_numpy(),
                                          getattr(plain, name)[col].to_numpy())


def test_bootstrap_intervals_contain_the_estimate(analyzer):
    corpus, _ = _boot_corpus(analyzer)
    cmp = corpus.compare(bootstrap=1000, seed=0)
    cat = cmp.categories[cmp.categories["count"] > 0]
    assert len(cat) >= 6
    assert (cat["boot_low"] <= cat["rate_per_1k"] + 1e-9).all()
    assert (cat["rate_per_1k"] <= cat["boot_high"] + 1e-9).all()
    assert (cat["boot_low"] < cat["boot_high"]).all()
    con = cmp.contrasts[cmp.contrasts["share"].notna()]
    con = con[(con["share"] > 0) & (con["share"] < 1)]
    assert len(con) >= 4
    assert (con["boot_low"] <= con["share"] + 1e-9).all()
    assert (con["share"] <= con["boot_high"] + 1e-9).all()
    # sanity: the bootstrap intervals lie within the possible range
    assert (cmp.contrasts["boot_low"].dropna() >= 0).all()
    assert (cmp.contrasts["boot_high"].dropna() <= 1).all()


def test_bootstrap_resamples_documents(analyzer):
    """One document holds all of a group's matches: resampling documents makes the rate
    jump between 0 and several times the estimate, far beyond the Wilson interval that
    treats tokens as independent."""
    records = []
    for i in range(60):
        words = [FILLER[(i * 7 + j) % len(FILLER)] for j in range(100)]
        if i == 17:
            for j in range(0, 60, 3):
                words[j] = "Kiev"
            for j in range(1, 30, 3):
                words[j] = "Kyiv"
        records.append({"text": " ".join(words) + ".", "outlet": "clustered"})
    # spread: the same number of matches, one per document
    for i in range(60):
        words = [FILLER[(i * 5 + j) % len(FILLER)] for j in range(100)]
        if i < 20:
            words[50] = "Kiev"
        elif i < 30:
            words[50] = "Kyiv"
        records.append({"text": " ".join(words) + ".", "outlet": "spread"})
    cmp = analyzer.analyze_corpus(records, threads=2).compare(bootstrap=1000, seed=3)
    cat = cmp.categories.set_index(["group", "category"])
    row_c = cat.loc[("clustered", "capital")]
    row_s = cat.loc[("spread", "capital")]
    assert row_c["count"] == row_s["count"] == 30
    assert row_c["rate_per_1k"] == pytest.approx(5.0)
    wilson_c = row_c["ci_high"] - row_c["ci_low"]
    boot_c = row_c["boot_high"] - row_c["boot_low"]
    boot_s = row_s["boot_high"] - row_s["boot_low"]
    assert boot_c > 2.5 * wilson_c, (boot_c, wilson_c)
    assert row_c["boot_low"] == 0.0  # a resample without the document has no match
    assert boot_c > 2.0 * boot_s
    # the share of Kiev is 2/3 in the one document: every resample that holds it says 2/3
    con = cmp.contrasts.set_index(["group", "contrast", "option"])
    kiev = con.loc[("clustered", "capital", "Kiev")]
    assert kiev["share"] == pytest.approx(2 / 3)
    assert kiev["boot_low"] == pytest.approx(2 / 3) and kiev["boot_high"] == pytest.approx(2 / 3)


def test_bootstrap_of_identical_documents_is_degenerate(analyzer):
    """Resampling documents that are all alike cannot move the rate; resampling tokens
    would."""
    text = "Lorem ipsum Kiev dolor amet. Sed Kyiv tempor magna aliqua elit."
    records = [{"text": text, "outlet": "same"} for _ in range(40)]
    records += [{"text": "Lorem Kiev.", "outlet": "other"}]
    cmp = analyzer.analyze_corpus(records, threads=1).compare(bootstrap=500, seed=1)
    row = cmp.categories.set_index(["group", "category"]).loc[("same", "capital")]
    assert row["rate_per_1k"] == pytest.approx(1000 * 2 / 11)
    assert row["boot_low"] == pytest.approx(row["rate_per_1k"], rel=1e-12)
    assert row["boot_high"] == pytest.approx(row["rate_per_1k"], rel=1e-12)
    assert row["ci_high"] - row["ci_low"] > 10  # Wilson is not degenerate


def test_bootstrap_respects_voice(analyzer):
    """With voice="author", the bootstrap resamples the author-voice counts only."""
    records = [{"text": 'Lorem ipsum \u201cKiev dolor amet sit magna.\u201d', "outlet": "q"}
               for _ in range(20)]
    records += [{"text": "Lorem Kyiv ipsum.", "outlet": "a"} for _ in range(20)]
    cmp = fl.Analyzer(fl.Lexicon.from_dict(LEXICON)).analyze_corpus(records, threads=1) \
        .compare(voice="author", bootstrap=200, seed=0)
    cat = cmp.categories.set_index(["group", "category"])
    assert cat.loc[("q", "capital"), "count"] == 0
    assert cat.loc[("q", "capital"), "boot_high"] == 0.0
    assert cat.loc[("a", "capital"), "boot_low"] == pytest.approx(1000 / 3)


def test_bootstrap_of_a_group_without_tokens_is_nan(analyzer):
    records, truth = generate(4, 2, ("no-tokens", "one-token"))
    cmp = analyzer.analyze_corpus(records, threads=1).compare(bootstrap=100, seed=0)
    cat = cmp.categories[cmp.categories["group"] == "no-tokens"]
    assert cat[["boot_low", "boot_high"]].isna().all().all()
    con = cmp.contrasts[cmp.contrasts["group"] == "no-tokens"]
    assert con[["boot_low", "boot_high"]].isna().all().all()
    # one document: every resample is that document
    one = cmp.categories[(cmp.categories["group"] == "one-token")
                         & (cmp.categories["category"] == "capital")].iloc[0]
    assert one["boot_low"] == one["boot_high"] == 1000.0
