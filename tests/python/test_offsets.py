"""Offsets are code point offsets into the original str (DESIGN.md section 3, docs/matching.md
"Offsets"), whatever the text holds; bad input raises, never crashes."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import pytest

import framelens as fl

LEX = fl.Lexicon.from_dict({"terms": [
    {"term": "Kiev", "category": "toponym"},
    {"term": "coup d'état", "category": "delegitimization", "weight": 2.0},
    {"term": "aggressor country", "category": "accusation"},
]})
AN = fl.Analyzer(LEX)


def occurrences(text, needle):
    """Start offsets of needle in text, found by str.find."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def assert_spans_exact(text, doc):
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
        for m in s.matches:
            assert s.start <= m.start < m.end <= s.end
    for m in doc.matches:
        assert text[m.start:m.end] == m.surface


PREFIXES = {
    "ascii": "Then ",
    "emoji": "😀😀 ",
    "flag": "\U0001F1FA\U0001F1E6 ",
    "zwj-family": "👨\u200d👩\u200d👧 ",
    "combining": "Cafe\u0301 e\u0301te\u0301 ",
    "nul": "\x00\x00 ",
    "astral-letters": "\U0001D400\U0001D401\U0001D402 ",
    "cjk": "基辅 ",
    "crlf": "Title\r\n\r\nThen ",
    "nbsp": "\u00a0\u3000\u2028",
    "bom": "\ufeff",
    "variation": "\u2764\ufe0f ",
}


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_match_offsets_are_code_points_after_any_prefix(prefix):
    text = prefix + "Kiev saw a coup d’e\u0301tat.\x00 An aggressor country 😀 Kiev!"
    doc = AN.analyze(text)
    assert_spans_exact(text, doc)
    expected = sorted(
        [(i, i + 4, "Kiev") for i in occurrences(text, "Kiev")]
        + [(i, i + len("coup d’e\u0301tat"), "coup d'état")
           for i in occurrences(text, "coup d’e\u0301tat")]
        + [(i, i + 17, "aggressor country") for i in occurrences(text, "aggressor country")])
    assert [(m.start, m.end, m.term) for m in doc.matches] == expected


@pytest.mark.parametrize("text", [
    "Kiev\x00Kiev",
    "\x00Kiev\x00",
    "Kiev" + "\x00" * 100 + "Kiev",
    "A\r\nKiev.\r\nKiev\r\n",
    "\U0001F600Kiev\U0001F600",
    "K\u0301iev Kiev\u0301",
    "Kiev\u0301\u0302\u0303 x",
    "Ki\u00adev 😀\ufe0f Kiev",
], ids=repr)
def test_match_and_sentence_offsets_with_unusual_characters(text):
    doc = AN.analyze(text)
    assert_spans_exact(text, doc)
    assert doc.matches, "each of these texts contains Kiev"


def test_offsets_far_into_a_long_text_with_astral_characters():
    unit = "😀 Kiev e\u0301 \x00 \U0001D400. "
    text = unit * 3000
    doc = AN.analyze(text)
    assert [m.start for m in doc.matches] == occurrences(text, "Kiev")
    assert_spans_exact(text, doc)


def test_crlf_counts_as_two_code_points():
    text = "One.\r\nTwo Kiev.\r\n"
    doc = AN.analyze(text)
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 4), (6, 15)]
    assert [(m.start, m.end) for m in doc.matches] == [(10, 14)]


@pytest.mark.parametrize("data, decoded", [
    (b"Kiev \xff Kiev", "Kiev \ufffd Kiev"),
    (b"\xe2\x82Kiev", "\ufffdKiev"),  # a truncated sequence
    (b"Kiev\xc0\xafKiev", "Kiev\ufffd\ufffdKiev"),  # an overlong encoding
    (b"Kiev \xed\xa0\x80 Kiev", "Kiev \ufffd\ufffd\ufffd Kiev"),  # an encoded surrogate
    (b"\xf4\x90\x80\x80 Kiev", "\ufffd\ufffd\ufffd\ufffd Kiev"),  # beyond U+10FFFF
    (b"Kiev\x00 \xffKiev", "Kiev\x00 \ufffdKiev"),
    ("Kiev e\u0301".encode(), "Kiev e\u0301"),
], ids=repr)
def test_bytes_are_decoded_with_invalid_bytes_as_replacement_characters(data, decoded):
    doc = AN.analyze(data)
    assert doc.text == decoded
    assert_spans_exact(decoded, doc)
    assert [m.start for m in doc.matches] == occurrences(decoded, "Kiev")


def test_bytearray_is_accepted_like_bytes():
    assert [m.start for m in AN.analyze(bytearray(b"x Kiev")).matches] == [2]


@pytest.mark.parametrize("text", ["Kiev \ud800 Kiev", "\udfff", "Kiev\ud83d", "a\udc00b. C."],
                         ids=repr)
def test_lone_surrogate_raises_value_error(text):
    with pytest.raises(ValueError):
        AN.analyze(text)
    with pytest.raises(ValueError):
        fl.split_sentences(text)


@pytest.mark.parametrize("value", [None, 3, 3.5, ["Kiev"], {"text": "Kiev"}, object()],
                         ids=lambda v: type(v).__name__)
def test_non_text_raises_type_error(value):
    with pytest.raises(TypeError):
        AN.analyze(value)
    with pytest.raises(TypeError):
        fl.split_sentences(value)


def test_empty_text_has_no_sentences_or_matches():
    doc = AN.analyze("")
    assert doc.sentences == [] and doc.matches == []
