"""Matching as DESIGN.md section 3 and docs/matching.md ("Terms", "Matching") define it."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import pytest

import framelens as fl


def lexicon(*terms, exclude=()):
    """A lexicon from (term, category) pairs or term dicts."""
    entries = []
    for t in terms:
        if isinstance(t, str):
            t = {"term": t, "category": "c"}
        elif isinstance(t, tuple):
            t = {"term": t[0], "category": t[1]}
        entries.append(t)
    return fl.Lexicon.from_dict({"terms": entries, "exclude": list(exclude)})


def matches(lex, text):
    """[(term, surface)] of every match."""
    return [(m.term, m.surface) for m in fl.Analyzer(lex).analyze(text).matches]


def surfaces(term, text):
    return [s for _, s in matches(lexicon(term), text)]


# -- whole tokens -------------------------------------------------------------------------
@pytest.mark.parametrize("term, text, expected", [
    ("coup", "a coupon for the coup", ["coup"]),
    ("coup", "the recoup", []),
    ("coup", "coup, coup. (coup) «coup»", ["coup"] * 4),
    ("Kiev", "Kievan Rus", []),
    ("Kiev", "Kiev's forces", ["Kiev"]),
    ("Kyiv", "Kyiv's forces and Kyiv’s allies", ["Kyiv", "Kyiv"]),
    ("Kiev", "Kiev-controlled areas", ["Kiev"]),
    ("controlled", "Kiev-controlled areas", ["controlled"]),
    ("Kiev", "Kievs", []),
    ("Kiev", "Kiev'sk", []),  # 's followed by a letter is no clitic: one word
    ("US", "USA", []),
    ("U.S.", "the U.S. and U.S.A.", ["U.S."]),
    ("3.5", "3.5 and 13.5 and 3.55", ["3.5"]),
    ("1,000", "1,000 and 21,000", ["1,000"]),
    ("example.com", "mail@example.com", []),
], ids=repr)
def test_a_term_matches_whole_tokens_only(term, text, expected):
    assert surfaces(term, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("pro-Russian", ["pro-Russian"]),
    ("pro‑Russian", ["pro‑Russian"]),  # U+2011 non-breaking hyphen
    ("pro‐Russian", ["pro‐Russian"]),
    ("pro–Russian", ["pro–Russian"]),  # an en dash inside a word
    ("PRO-RUSSIAN", ["PRO-RUSSIAN"]),
    ("pro Russian", []),
    ("proRussian", []),
    ("pro—Russian", []),  # em dash is not a hyphen
], ids=repr)
def test_hyphenated_term_matches_hyphen_variants_but_not_spaces(text, expected):
    assert surfaces("pro-Russian", f"the {text} side") == expected


@pytest.mark.parametrize("text", [
    "pro - Russian", "pro -Russian", "pro- Russian", "pro – Russian", "pro\u00a0-\u00a0Russian",
], ids=repr)
def test_hyphenated_term_does_not_match_a_spaced_dash(text):
    # docs/matching.md: `pro-Russian` matches neither `pro Russian` nor `pro - Russian`
    # (a spaced dash is a punct token, not a hyphen).
    assert surfaces("pro-Russian", f"the {text} side") == []


@pytest.mark.parametrize("term, text, expected", [
    ("F-16", "F-16 and F‑16", ["F-16", "F‑16"]),
    ("F-16", "F 16", []),
    ("F-16", "F16", []),
    ("52-48", "a 52-48 vote", ["52-48"]),
    ("52-48", "a 52 - 48 vote", []),
], ids=repr)
def test_hyphen_between_digits_behaves_like_between_letters(term, text, expected):
    assert surfaces(term, text) == expected


# -- punctuation and whitespace inside phrases ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("the Kiev regime", ["Kiev regime"]),
    ("the KIEV Regime", ["KIEV Regime"]),
    ("the Kiev  regime", ["Kiev  regime"]),
    ("the Kiev\u00a0regime", ["Kiev\u00a0regime"]),
    ("the Kiev\tregime", ["Kiev\tregime"]),
    ("the Kiev\u2009regime", ["Kiev\u2009regime"]),
    ("the Kiev, regime", []),
    ("the Kiev; regime", []),
    ("the Kiev (regime)", []),
    ('the Kiev "regime"', []),
    ("the Kiev's regime", []),  # the clitic is a token between them
    ("the Kiev-regime", []),  # so is the hyphen
    ("the Kiev\x00regime", []),
    ("the Kiev 😀 regime", []),
], ids=repr)
def test_phrase_matches_across_whitespace_but_not_punctuation(text, expected):
    assert surfaces("Kiev regime", text) == expected


def test_term_with_punctuation_matches_that_punctuation():
    assert surfaces("Kiev, regime", "the Kiev, regime and the Kiev regime") == ["Kiev, regime"]


@pytest.mark.parametrize("term, text, expected", [
    ("aggressor country", "an aggressor country.", ["aggressor country"]),
    ("aggressor country", '"an aggressor country"', ["aggressor country"]),
    ("aggressor country", "aggressor countries", []),
    ("coup d'état", "a coup d'état in 2014", ["coup d'état"]),
    ("coup d'état", "a coup d’etat in 2014", ["coup d’etat"]),
    ("coup d'état", "a coup d état", []),
    ("coup d'état", "a coup d'", []),
    ("special military operation", "a Special Military Operation began",
     ["Special Military Operation"]),
    ("special military operation", "a special military", []),
    ("Kyiv's forces", "Kyiv’s forces", ["Kyiv’s forces"]),
    ("Kyiv's forces", "Kyiv forces", []),
], ids=repr)
def test_multi_word_terms(term, text, expected):
    assert surfaces(term, text) == expected


# -- wildcards --------------------------------------------------------------------------
@pytest.mark.parametrize("term, text, expected", [
    ("aggress*", "aggress aggression aggressor AGGRESSIVE",
     ["aggress", "aggression", "aggressor", "AGGRESSIVE"]),
    ("aggress*", "aggres reaggression", []),
    ("claim*", "Kiev claims, claimed, claim", ["claims", "claimed", "claim"]),
    ("etat*", "États", ["États"]),  # folding applies to the prefix test
    ("Kiev*", "Kiev's forces", ["Kiev"]),  # the clitic is a separate token
    ("Kiev*", "Kiev-controlled", ["Kiev"]),  # so is the hyphen
    ("pro-Russ*", "pro-Russian pro‑Russia pro Russian", ["pro-Russian", "pro‑Russia"]),
    ("coup d'ét*", "coup d’état", ["coup d’état"]),
    ("liberat* of", "the liberation of, liberated of", ["liberation of", "liberated of"]),
], ids=repr)
def test_wildcard_matches_any_token_with_the_prefix_including_the_prefix(term, text, expected):
    assert surfaces(term, text) == expected


def test_case_sensitive_wildcard_keeps_case():
    lex = lexicon({"term": "Russ*", "category": "c", "case_sensitive": True})
    assert matches(lex, "Russian russian RUSSIA Russ") == [("Russ*", "Russian"), ("Russ*", "Russ")]


# -- case-sensitive terms -----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("the US and us", ["US"]),
    ("Us", []),
    ("U\u0053", ["US"]),
], ids=repr)
def test_case_sensitive_term(text, expected):
    lex = lexicon({"term": "US", "category": "actor", "case_sensitive": True})
    assert [s for _, s in matches(lex, text)] == expected


def test_case_sensitive_multiword_term_in_decomposed_text():
    lex = lexicon({"term": "Coup d'État", "category": "c", "case_sensitive": True})
    text = "Coup d’E\u0301tat and coup d'État and Coup d'Etat"
    assert matches(lex, text) == [("Coup d'État", "Coup d’E\u0301tat")]


# -- exclusions ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("He ate chicken Kiev.", []),
    ("He ate Chicken KIEV.", []),
    ("He ate chicken Kiev in Kiev.", ["Kiev"]),
    ("He ate chicken Kiev Kiev.", ["Kiev"]),
    ("Kiev chicken.", ["Kiev"]),
    ("He ate chicken, Kiev.", ["Kiev"]),
], ids=repr)
def test_exclusion_suppresses_overlapping_matches(text, expected):
    lex = lexicon("Kiev", exclude=["chicken Kiev"])
    assert [s for _, s in matches(lex, text)] == expected


def test_exclusion_drops_partly_overlapping_longer_terms():
    lex = lexicon("Kiev regime", "chicken", exclude=["chicken Kiev"])
    assert matches(lex, "chicken Kiev regime") == []


def test_exclusion_is_applied_before_leftmost_longest_so_a_shorter_term_can_win():
    # "Kiev regime" overlaps the exclusion and is dropped before matches are chosen, so
    # "regime" (which does not overlap it) is found.
    lex = lexicon("Kiev regime", "Kiev", "regime", exclude=["chicken Kiev"])
    assert matches(lex, "chicken Kiev regime") == [("regime", "regime")]


def test_exclusion_that_is_not_a_term_blocks_a_term_starting_inside_it():
    lex = lexicon("Kiev regime", exclude=["the Kiev"])
    assert matches(lex, "the Kiev regime and a Kiev regime") == [("Kiev regime", "Kiev regime")]


# -- leftmost-longest and ties ------------------------------------------------------------
@pytest.mark.parametrize("terms, text, expected", [
    (["Kiev", "Kiev regime"], "the Kiev regime", [("Kiev regime", "Kiev regime")]),
    (["Kiev regime", "Kiev"], "the Kiev regime", [("Kiev regime", "Kiev regime")]),
    (["Kiev regime", "regime change"], "Kiev regime change",
     [("Kiev regime", "Kiev regime")]),  # leftmost beats a later, equally long one
    (["regime", "Kiev regime change", "Kiev"], "Kiev regime change now",
     [("Kiev regime change", "Kiev regime change")]),
    (["aggressor", "aggressor country", "country"], "an aggressor country",
     [("aggressor country", "aggressor country")]),
    (["a b", "b c", "c"], "a b c", [("a b", "a b"), ("c", "c")]),  # scan resumes after a match
    (["Kiev", "Kiev-controlled"], "Kiev-controlled Kiev",
     [("Kiev-controlled", "Kiev-controlled"), ("Kiev", "Kiev")]),
], ids=repr)
def test_leftmost_longest(terms, text, expected):
    assert matches(lexicon(*terms), text) == expected


@pytest.mark.parametrize("order", ["exact first", "wildcard first"])
def test_tie_exact_token_beats_wildcard(order):
    exact = {"term": "Kiev", "category": "exact"}
    wild = {"term": "Kiev*", "category": "wild"}
    lex = lexicon(*([exact, wild] if order == "exact first" else [wild, exact]))
    doc = fl.Analyzer(lex).analyze("Kiev and Kievan")
    assert [(m.term, m.category, m.surface) for m in doc.matches] == [
        ("Kiev", "exact", "Kiev"), ("Kiev*", "wild", "Kievan")]


@pytest.mark.parametrize("order", [0, 1])
def test_tie_fewer_wildcard_tokens_wins(order):
    a = {"term": "pro-Russ*", "category": "one"}
    b = {"term": "pro*-Russ*", "category": "two"}
    lex = lexicon(*([a, b] if order == 0 else [b, a]))
    doc = fl.Analyzer(lex).analyze("pro-Russian and prof-Russian")
    assert [(m.term, m.surface) for m in doc.matches] == [
        ("pro-Russ*", "pro-Russian"), ("pro*-Russ*", "prof-Russian")]


@pytest.mark.parametrize("order", [0, 1])
def test_tie_case_sensitive_beats_folded(order):
    cs = {"term": "US", "category": "actor", "case_sensitive": True}
    folded = {"term": "us", "category": "pronoun"}
    lex = lexicon(*([cs, folded] if order == 0 else [folded, cs]))
    doc = fl.Analyzer(lex).analyze("The US told us")
    assert [(m.term, m.category, m.surface) for m in doc.matches] == [
        ("US", "actor", "US"), ("us", "pronoun", "us")]


@pytest.mark.parametrize("order", [0, 1])
def test_tie_exact_folded_beats_case_sensitive_wildcard(order):
    # The wildcard rule comes before the case-sensitive rule.
    a = {"term": "kiev", "category": "exact"}
    b = {"term": "Kie*", "category": "cs-wild", "case_sensitive": True}
    lex = lexicon(*([a, b] if order == 0 else [b, a]))
    assert matches(lex, "Kiev") == [("kiev", "Kiev")]


def test_longer_wildcard_match_beats_shorter_exact_match():
    lex = lexicon("Kiev", "Kiev reg*")
    assert matches(lex, "Kiev regime") == [("Kiev reg*", "Kiev regime")]


# -- sentences ----------------------------------------------------------------------------
def test_match_never_crosses_a_sentence_boundary():
    text = "Peace Talks Stall In Kiev\nRegime change is not on the table, officials said."
    lex = lexicon("Kiev regime", "Kiev")
    doc = fl.Analyzer(lex).analyze(text)
    assert [s.text for s in doc.sentences] == [
        "Peace Talks Stall In Kiev", "Regime change is not on the table, officials said."]
    assert [(m.term, m.surface) for m in doc.matches] == [("Kiev", "Kiev")]


def test_match_within_a_sentence_may_span_a_wrapped_line():
    text = ("The foreign ministry repeated on Tuesday its view of the Kiev\n"
            "regime and its allies in the west, and called for new talks.")
    lex = lexicon("Kiev regime")
    doc = fl.Analyzer(lex).analyze(text)
    assert len(doc.sentences) == 1
    assert [m.surface for m in doc.matches] == ["Kiev\nregime"]


def test_matches_carry_their_sentence_index():
    doc = fl.Analyzer(lexicon("Kiev")).analyze("Kiev spoke. Then Kiev left. Kiev!")
    assert [m.sentence for m in doc.matches] == [0, 1, 2]
    assert [len(s.matches) for s in doc.sentences] == [1, 1, 1]
    assert [m for s in doc.sentences for m in s.matches] == list(doc.matches)


# -- scores, counts, canonical terms ----------------------------------------------------
def test_score_is_the_sum_of_match_weights_and_counts_count_matches():
    lex = fl.Lexicon.from_dict({"terms": [
        {"term": "coup d'état", "category": "delegitimization", "weight": 2.0},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.5},
        {"term": "Donbass", "category": "toponym"},  # weight defaults to 1.0
        {"term": "Revolution of Dignity", "category": "neutral", "weight": 0.0},
    ]})
    text = ("The Kiev regime came from a coup d'état, not a Revolution of Dignity, in Donbass "
            "and Donbass. Nothing here.")
    doc = fl.Analyzer(lex).analyze(text)
    s0, s1 = doc.sentences
    assert s0.score == pytest.approx(2.5 + 2.0 + 0.0 + 1.0 + 1.0)
    assert s0.category_counts == {"delegitimization": 2, "toponym": 2, "neutral": 1}
    assert s1.score == 0
    assert s1.category_counts == {}
    assert [m.weight for m in s0.matches] == [2.5, 2.0, 0.0, 1.0, 1.0]


def test_variants_report_the_canonical_term_category_and_weight():
    lex = fl.Lexicon.from_dict({"terms": [
        {"term": "coup d'état", "category": "delegitimization", "weight": 2.0,
         "variants": ["putsch", "coup"]},
        {"term": "Kiev regime", "category": "delegitimization", "variants": ["Kyiv regime"]},
    ]})
    doc = fl.Analyzer(lex).analyze("A Putsch, a coup, a coup d’état and the Kyiv regime.")
    assert [(m.term, m.surface, m.category, m.weight) for m in doc.matches] == [
        ("coup d'état", "Putsch", "delegitimization", 2.0),
        ("coup d'état", "coup", "delegitimization", 2.0),
        ("coup d'état", "coup d’état", "delegitimization", 2.0),
        ("Kiev regime", "Kyiv regime", "delegitimization", 1.0),
    ]
    assert doc.sentences[0].category_counts == {"delegitimization": 4}


def test_wildcard_variant():
    lex = fl.Lexicon.from_dict({"terms": [
        {"term": "aggressor", "category": "accusation", "variants": ["aggress*"]}]})
    assert matches(lex, "aggression") == [("aggressor", "aggression")]


def test_voice_is_one_of_the_three_voices():
    doc = fl.Analyzer(lexicon("Kiev")).analyze('Kiev spoke. "Kiev," he said.')
    assert all(m.voice in fl.VOICES for m in doc.matches)


def test_analyzer_is_reusable_and_results_are_independent():
    an = fl.Analyzer(lexicon("Kiev"))
    a = an.analyze("Kiev")
    b = an.analyze("not here")
    assert [m.surface for m in a.matches] == ["Kiev"]
    assert b.matches == []


def test_bundled_lexicon_finds_demo_terms():
    lex = fl.load_lexicon("conflict-demo")
    doc = fl.Analyzer(lex).analyze(
        "Kiev claims the situation in Donbass is calm. He ate chicken Kiev in Kyiv's centre.")
    assert [(m.term, m.surface) for m in doc.matches] == [
        ("Kiev", "Kiev"), ("claim*", "claims"), ("Donbass", "Donbass"), ("Kyiv", "Kyiv")]
