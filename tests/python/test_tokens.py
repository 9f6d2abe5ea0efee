"""Tokens as docs/matching.md defines them ("Tokens"): kinds, joiners, clitics, hyphens,
punctuation, whitespace, and word-token counts."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import pytest

import framelens as fl
from framelens import _core

KIND = {0: "word", 1: "clitic", 2: "hyphen", 3: "punct"}
W, C, H, P = "word", "clitic", "hyphen", "punct"


def toks(text):
    """[(surface, kind)] of framelens's tokens."""
    return [(text[a:b], KIND[k]) for a, b, k, _ in _core.tokens(text)]


def words(text):
    return [s for s, k in toks(text) if k == W]


@pytest.mark.parametrize("text, expected", [
    # the examples of the kinds table
    ("Kiev", [("Kiev", W)]),
    ("d'état", [("d'état", W)]),
    ("U.S.", [("U.S", W), (".", P)]),
    ("3.5", [("3.5", W)]),
    ("1,000", [("1,000", W)]),
    ("5th", [("5th", W)]),
    ("Jane.Doe@example.com", [("Jane.Doe@example.com", W)]),
    ("Kyiv's", [("Kyiv", W), ("'s", C)]),
    ("Jr.'s", [("Jr", W), (".", P), ("'s", C)]),
    ("Kiev-controlled", [("Kiev", W), ("-", H), ("controlled", W)]),
    ("F-16", [("F", W), ("-", H), ("16", W)]),
    ("52-48", [("52", W), ("-", H), ("48", W)]),
    (', " « ( . — $ 😀', [(",", P), ('"', P), ("«", P), ("(", P), (".", P), ("—", P), ("$", P),
                          ("😀", P)]),
], ids=repr)
def test_documented_examples_tokenise_as_documented(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # apostrophe between two letters or digits joins, whatever the apostrophe
    ("don't", [("don't", W)]),
    ("don’t", [("don’t", W)]),
    ("donʼt", [("donʼt", W)]),
    ("don‘t", [("don‘t", W)]),
    ("don`t", [("don`t", W)]),
    ("Мар'янка", [("Мар'янка", W)]),
    ("rock'n'roll", [("rock'n'roll", W)]),
    ("O'Neil's", [("O'Neil", W), ("'s", C)]),
    # an apostrophe not between two letters/digits is punctuation
    ("'x", [("'", P), ("x", W)]),
    ("x'", [("x", W), ("'", P)]),
    ("x' y", [("x", W), ("'", P), ("y", W)]),
    ("x''y", [("x", W), ("'", P), ("'", P), ("y", W)]),
], ids=repr)
def test_apostrophe_joins_letters_or_digits(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kiev's", [("Kiev", W), ("'s", C)]),
    ("Kiev’s", [("Kiev", W), ("’s", C)]),
    ("Kievʼs", [("Kiev", W), ("ʼs", C)]),
    ("Kiev‘s", [("Kiev", W), ("‘s", C)]),
    ("Kiev`s", [("Kiev", W), ("`s", C)]),
    ("KIEV'S", [("KIEV", W), ("'S", C)]),
    ("Kiev's.", [("Kiev", W), ("'s", C), (".", P)]),
    ("Kiev's,", [("Kiev", W), ("'s", C), (",", P)]),
    ("Kiev's-based", [("Kiev", W), ("'s", C), ("-", H), ("based", W)]),
    ("it's", [("it", W), ("'s", C)]),
    ("1990's", [("1990", W), ("'s", C)]),
    # "s" followed by a letter: a joiner, not a clitic
    ("Kiev'ss", [("Kiev'ss", W)]),
    ("Kiev'sk", [("Kiev'sk", W)]),
    ("Kiev'st", [("Kiev'st", W)]),
], ids=repr)
def test_possessive_s_is_its_own_clitic_token(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("U.S", [("U.S", W)]),
    ("e.g.", [("e.g", W), (".", P)]),
    ("a.b.c", [("a.b.c", W)]),
    ("example.com", [("example.com", W)]),
    ("3.5.", [("3.5", W), (".", P)]),
    ("a@b", [("a@b", W)]),
    # a period not between two letters/digits
    ("a..b", [("a", W), (".", P), (".", P), ("b", W)]),
    ("a. b", [("a", W), (".", P), ("b", W)]),
    ("3.", [("3", W), (".", P)]),
    (".5", [(".", P), ("5", W)]),
    ("a@@b", [("a", W), ("@", P), ("@", P), ("b", W)]),
    # comma only between digits
    ("1,000,000", [("1,000,000", W)]),
    ("a,b", [("a", W), (",", P), ("b", W)]),
    ("1,a", [("1", W), (",", P), ("a", W)]),
    ("a,1", [("a", W), (",", P), ("1", W)]),
    ("1, 000", [("1", W), (",", P), ("000", W)]),
], ids=repr)
def test_period_at_and_comma_joiners(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a\u00adb", [("a\u00adb", W)]),  # soft hyphen
    ("a\u200db", [("a\u200db", W)]),  # zero-width joiner
    ("Ki\u00adev-con\u00adtrolled", [("Ki\u00adev", W), ("-", H), ("con\u00adtrolled", W)]),
], ids=repr)
def test_format_character_inside_a_word_stays_in_it(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("a-b", [("a", W), ("-", H), ("b", W)]),
    ("a\u2010b", [("a", W), ("\u2010", H), ("b", W)]),
    ("a\u2011b", [("a", W), ("\u2011", H), ("b", W)]),
    ("a\u2012b", [("a", W), ("\u2012", H), ("b", W)]),
    ("a\u2013b", [("a", W), ("\u2013", H), ("b", W)]),
    ("pro-Russian", [("pro", W), ("-", H), ("Russian", W)]),
    ("x--y", [("x", W), ("-", H), ("-", H), ("y", W)]),
    # with whitespace on a side it is a punct token
    ("a - b", [("a", W), ("-", P), ("b", W)]),
    ("a -b", [("a", W), ("-", P), ("b", W)]),
    ("a- b", [("a", W), ("-", P), ("b", W)]),
    ("a \u2013 b", [("a", W), ("\u2013", P), ("b", W)]),
    ("intermediate- and", [("intermediate", W), ("-", P), ("and", W)]),
    ("a\u00a0-\u00a0b", [("a", W), ("-", P), ("b", W)]),
    # an em dash is not among the hyphens: always punct
    ("a\u2014b", [("a", W), ("\u2014", P), ("b", W)]),
], ids=repr)
def test_hyphen_between_non_spaces_is_a_hyphen_token(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("«Kiev»", [("«", P), ("Kiev", W), ("»", P)]),
    ('"Kiev,"', [('"', P), ("Kiev", W), (",", P), ('"', P)]),
    ("(a)", [("(", P), ("a", W), (")", P)]),
    ("...", [(".", P), (".", P), (".", P)]),
    ("…", [("…", P)]),
    ("a_b", [("a", W), ("_", P), ("b", W)]),
    ("#tag", [("#", P), ("tag", W)]),
    ("a*b", [("a", W), ("*", P), ("b", W)]),
    ("\U0001F600\U0001F600", [("\U0001F600", P), ("\U0001F600", P)]),
    ("\u2764\ufe0f", [("\u2764\ufe0f", P)]),  # a variation selector is a mark: stays
    ("\"\u0301x", [("\"\u0301", P), ("x", W)]),  # combining mark after punct stays with it
    ("\U0001F44D\U0001F3FD", [("\U0001F44D", P), ("\U0001F3FD", P)]),  # modifier is Sk
    ("👨\u200d👩", [("👨", P), ("\u200d", P), ("👩", P)]),  # ZWJ outside a word
], ids=repr)
def test_every_other_character_is_a_single_punct_token(text, expected):
    assert toks(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("\x00", [("\x00", P)]),
    ("a\x00b", [("a", W), ("\x00", P), ("b", W)]),
    ("\x00Kiev\x00", [("\x00", P), ("Kiev", W), ("\x00", P)]),
    ("Kiev\x00's", [("Kiev", W), ("\x00", P), ("'s", C)]),
    ("a\x01\x7fb", [("a", W), ("\x01", P), ("\x7f", P), ("b", W)]),
], ids=repr)
def test_nul_and_controls_are_ordinary_punct_characters(text, expected):
    assert toks(text) == expected


def test_nul_does_not_end_the_text():
    text = "a\x00" + "b " * 1000 + "end"
    assert words(text)[-1] == "end"
    assert len(words(text)) == 1002


WHITESPACE = [
    " ", "\t", "\n", "\x0b", "\x0c", "\r", "\r\n", "\x85",
    "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
    "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000",
    "\u2028", "\u2029",
]


@pytest.mark.parametrize("space", WHITESPACE, ids=lambda s: f"U+{ord(s[0]):04X}")
def test_every_unicode_whitespace_separates_tokens(space):
    text = f"Kiev{space}regime{space}{space}3.5{space}"
    assert toks(text) == [("Kiev", W), ("regime", W), ("3.5", W)]


@pytest.mark.parametrize("space", WHITESPACE, ids=lambda s: f"U+{ord(s[0]):04X}")
def test_whitespace_around_a_hyphen_makes_it_punct(space):
    assert toks(f"pro{space}-Russian") == [("pro", W), ("-", P), ("Russian", W)]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u00a0\u3000\t"], ids=repr)
def test_whitespace_only_has_no_tokens(text):
    assert toks(text) == []


@pytest.mark.parametrize("text", ["\u200b", "\u200c", "\ufeff"], ids=repr)
def test_zero_width_format_characters_are_not_whitespace(text):
    # Cf characters are not whitespace: alone they are a punct token, never dropped silently
    # while their neighbours would merge.
    assert len(toks("a " + text + " b")) == 3


@pytest.mark.parametrize("text, n", [
    ("Kiev", 1),
    ("Kyiv's forces", 2),  # the clitic is not counted
    ("Kiev-controlled", 2),  # the hyphen is not counted
    ("pro - Russian", 2),
    ('"Stop," he said.', 3),
    ("U.S. President", 2),
    ("It cost $1,000 or 3.5%.", 5),
    ("😀 \x00 — … « »", 0),
    ("Jane.Doe@example.com wrote", 2),
    ("Мар'янка і Київ", 3),
    ("x² Ⅻ ٣.٥", 3),
], ids=repr)
def test_n_tokens_counts_word_tokens(text, n):
    lex = fl.Lexicon.from_dict({"terms": [{"term": "zzz", "category": "c"}]})
    doc = fl.Analyzer(lex).analyze(text)
    assert sum(s.n_tokens for s in doc.sentences) == n
    assert len(words(text)) == n


def test_n_tokens_of_each_sentence_counts_its_own_word_tokens():
    text = "Kyiv's forces held. The pro-Russian side, it's said, did not!"
    lex = fl.Lexicon.from_dict({"terms": [{"term": "zzz", "category": "c"}]})
    doc = fl.Analyzer(lex).analyze(text)
    assert [s.n_tokens for s in doc.sentences] == [3, 8]


def test_token_offsets_are_code_points_and_ordered():
    text = "😀 Kiev\u0301's \U0001D400bc—x\x00y"
    spans = [(a, b) for a, b, _, _ in _core.tokens(text)]
    assert spans == [(0, 1), (2, 7), (7, 9), (10, 13), (13, 14), (14, 15), (15, 16), (16, 17)]

