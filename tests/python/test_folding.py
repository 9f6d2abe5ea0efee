"""Folding as docs/matching.md defines it ("Folding"): case, diacritics of Latin and Greek,
Cyrillic letters keeping theirs except ё, apostrophe and hyphen variants, format characters.

Each equivalence is checked twice: on framelens._core.fold, and through matching (a term
spelled one way found in text spelled the other way), which is what users see."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import unicodedata

import pytest

import framelens as fl
from framelens import _core


def found(term, text, **opts):
    """The surfaces of the matches of a one-term lexicon in text."""
    lex = fl.Lexicon.from_dict({"terms": [{"term": term, "category": "c", **opts}]})
    return [m.surface for m in fl.Analyzer(lex).analyze(text).matches]


EQUAL = [
    # case folding: Latin, Cyrillic, Greek, full folding
    ("KIEV", "kiev"),
    ("Kiev", "kIEV"),
    ("Київ", "київ"),
    ("КИЇВ", "київ"),
    ("ДОНБАСС", "донбасс"),
    ("ΕΛΛΑΔΑ", "ελλαδα"),
    ("ΟΔΟΣ", "οδος"),  # final sigma folds with sigma
    ("straße", "STRASSE"),
    # Latin and Greek diacritics removed after canonical decomposition
    ("état", "etat"),
    ("état", "e\u0301tat"),  # decomposed
    ("\u00e9tat", "\u0045\u0301TAT"),  # precomposed lower vs decomposed upper
    ("ÉTAT", "etat"),
    ("Zürich", "Zurich"),
    ("Łódź", "Łodz"),  # Ł has no decomposition: only the acute/dot accents go
    ("São Tomé", "Sao Tome"),
    ("Ελλάδα", "ελλαδα"),
    ("Ελλάδα", "Ελλα\u0301δα"),
    ("ΐ", "ι"),
    # ё = е, in any case and either composition
    ("ёлка", "елка"),
    ("Ёлка", "елка"),
    ("е\u0308лка", "елка"),
    ("ЁЛКА", "ЕЛКА"),
    # apostrophe variants
    ("coup d'état", "coup d’état"),
    ("coup d'état", "coup dʼétat"),
    ("coup d'état", "coup d‘état"),
    ("coup d'état", "coup d`état"),
    ("Мар'янка", "Мар’янка"),
    # hyphen variants inside a word
    ("pro-Russian", "pro‐Russian"),
    ("pro-Russian", "pro‑Russian"),
    ("pro-Russian", "pro‒Russian"),
    ("pro-Russian", "pro–Russian"),
    # format characters ignored
    ("Kiev", "Ki\u00adev"),
    ("Kiev", "K\u200bi\u200dev"),
]

DIFFERENT = [
    ("й", "и"),  # Cyrillic keeps its diacritics
    ("Й", "и"),
    ("ї", "і"),
    ("Київ", "Киів"),
    ("ў", "у"),
    ("Kiev", "Kyiv"),
    ("Donbass", "Donbas"),
    ("pro-Russian", "pro—Russian"),  # an em dash is not a hyphen
    ("pro-Russian", "proRussian"),
]


@pytest.mark.parametrize("a, b", EQUAL, ids=repr)
def test_fold_equates(a, b):
    assert _core.fold(a) == _core.fold(b)


@pytest.mark.parametrize("a, b", EQUAL, ids=repr)
def test_term_matches_folded_equivalent_spelling(a, b):
    assert found(a, f"x {b} y") == [b]
    assert found(b, f"x {a} y") == [a]


@pytest.mark.parametrize("a, b", DIFFERENT, ids=repr)
def test_fold_keeps_apart(a, b):
    assert _core.fold(a) != _core.fold(b)


@pytest.mark.parametrize("a, b", DIFFERENT, ids=repr)
def test_term_does_not_match_a_different_spelling(a, b):
    assert found(a, f"x {b} y") == []
    assert found(b, f"x {a} y") == []


@pytest.mark.parametrize("text, folded", [
    ("KIEV", "kiev"),
    ("État", "etat"),
    ("Ёлка", "елка"),
    ("Й", "й"),
    ("Ї", "ї"),
    ("ΆΘΉΝΑ", "αθηνα"),
    ("d’état", "d'etat"),
    ("pro‑Russian", "pro-russian"),
    ("Ki\u00adev", "kiev"),
], ids=repr)
def test_fold_result(text, folded):
    assert unicodedata.normalize("NFC", _core.fold(text)) == folded


def test_cyrillic_short_i_decomposed_still_equals_precomposed():
    # й decomposes to и + U+0306; Cyrillic keeps the breve, so both spellings stay й.
    assert found("йод", "и\u0306од") == ["и\u0306од"]
    assert found("йод", "иод") == []


def test_combining_mark_after_cyrillic_is_kept_but_after_latin_is_dropped():
    assert found("Kiev", "Kie\u0300v") == ["Kie\u0300v"]
    assert found("Киев", "Кие\u0300в") == []


def test_soft_hyphen_inside_a_term_is_ignored_too():
    assert found("Ki\u00adev", "Kiev") == ["Kiev"]


@pytest.mark.parametrize("term, text, expected", [
    ("US", "US", ["US"]),
    ("US", "us", []),
    ("US", "Us", []),
    ("US", "uS", []),
    ("DPR", "the DPR and the dpr", ["DPR"]),
    ("État", "État", ["État"]),
    ("État", "E\u0301tat", ["E\u0301tat"]),  # NFC: decomposed text still matches
    ("E\u0301tat", "État", ["État"]),  # and a decomposed term matches composed text
    ("État", "Etat", []),  # no diacritic stripping
    ("État", "état", []),
    ("Ёлка", "Елка", []),  # no ё = е either: the original characters count
    ("O'Neil", "O’Neil", ["O’Neil"]),  # apostrophe variants still equal
    ("Kiev-controlled", "Kiev‑controlled", ["Kiev‑controlled"]),  # hyphen variants still equal
], ids=repr)
def test_case_sensitive_compares_original_characters_in_nfc(term, text, expected):
    assert found(term, text, case_sensitive=True) == expected


@pytest.mark.parametrize("marked, bare", [
    ("हिन्दी", "हनद"),  # Devanagari vowel signs and virama
    ("مُحَمَّد", "محمد"),  # Arabic harakat
    ("שָׁלוֹם", "שלום"),  # Hebrew niqqud
    ("が", "か"),  # kana voicing mark (decomposes to か + U+3099)
], ids=repr)
def test_scripts_other_than_latin_and_greek_keep_their_marks(marked, bare):
    # Only Latin and Greek letters lose their diacritics; elsewhere the marks are spelling.
    assert _core.fold(marked) != _core.fold(bare)
    assert found(marked, f"x {bare} y") == []
    assert found(marked, f"x {marked} y") == [marked]
