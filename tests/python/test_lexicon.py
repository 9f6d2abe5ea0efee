"""Loading lexicons (docs/lexicons.md): the strict format, free-form data, defaults, errors that
name the place, duplicates, contrasts by spelling and export."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import math
import pickle
import re

import pytest

import framelens as fl

MINIMAL = {"terms": [{"term": "Kiev", "category": "toponym"}]}

FULL = {
    "name": "ru-ua-conflict",
    "version": "1.0",
    "language": "en",
    "description": "A test lexicon.",
    "source": ["team notes", "EUvsDisinfo"],
    "note": "for the tests",
    "meta": {"x-project": {"funded": False}, "reviewed": "2024-01-01"},
    "categories": {"delegitimization": {"description": "Denies legitimacy.", "color": "#c0392b",
                                        "source": "EUvsDisinfo"},
                   "unused": {"description": "Listed but never used."},
                   "accusation": "Assigns blame.",
                   "actor": {}, "toponym_ru": {}, "toponym_ua": {}},
    "terms": [
        {"term": "coup d'état", "category": "delegitimization", "weight": 2.0,
         "variants": ["putsch"], "case_sensitive": False, "note": "2014", "source": "EUvsDisinfo",
         "meta": {"x-reviewer": {"by": "someone", "ok": True}}},
        {"term": "aggress*", "category": "accusation"},
        {"term": "US", "category": "actor", "case_sensitive": True},
        {"term": "Kiev", "category": "toponym_ru"},
        {"term": "Kiev regime", "category": "delegitimization"},
        {"term": "Kyiv", "category": "toponym_ua"},
    ],
    "exclude": ["chicken Kiev"],
    "contrasts": [
        {"name": "capital", "description": "the capital's name",
         "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}, "note": "2019"}],
    "actors": [{"name": "Russia", "aliases": ["Moscow", "the Kremlin"], "source": "team"}],
}


def load(data, source="lexicon.json"):
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return fl.Lexicon.from_json(text, source=source)


def error_of(data, source="lexicon.json"):
    with pytest.raises(fl.LexiconError) as info:
        load(data, source)
    return info.value


# -- loading ------------------------------------------------------------------------------
def test_from_json_from_dict_and_from_file_agree(tmp_path):
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(FULL, ensure_ascii=False), encoding="utf-8")
    a = fl.Lexicon.from_json(json.dumps(FULL))
    b = fl.Lexicon.from_dict(FULL)
    c = fl.Lexicon.from_file(path)
    d = fl.Lexicon.from_file(str(path))
    e = fl.load_lexicon(str(path))
    for lex in (a, b, c, d, e):
        assert [t.term for t in lex.terms] == [t["term"] for t in FULL["terms"]]
        assert len(lex) == 6


def test_from_json_accepts_utf8_bytes():
    lex = fl.Lexicon.from_json(json.dumps(MINIMAL).encode("utf-8"))
    assert lex.terms[0].term == "Kiev"


def test_free_form_data_is_kept_at_every_level():
    lex = fl.Lexicon.from_dict(FULL)
    assert lex.name == "ru-ua-conflict"
    assert lex.version == "1.0"
    assert lex.metadata == {"name": "ru-ua-conflict", "version": "1.0", "language": "en",
                            "description": "A test lexicon.",
                            "source": ["team notes", "EUvsDisinfo"], "note": "for the tests",
                            "meta": {"x-project": {"funded": False}, "reviewed": "2024-01-01"}}
    coup = lex.terms[0]
    assert coup.metadata == {"note": "2014", "source": "EUvsDisinfo",
                             "meta": {"x-reviewer": {"by": "someone", "ok": True}}}
    assert lex.terms[1].metadata == {}
    assert lex.categories["delegitimization"] == {"description": "Denies legitimacy.",
                                                  "color": "#c0392b", "source": "EUvsDisinfo"}
    assert lex.categories["accusation"] == {"description": "Assigns blame."}
    assert lex.categories["actor"] == {}
    assert lex.exclude == ("chicken Kiev",)
    assert [(c.name, c.options, c.description, c.metadata) for c in lex.contrasts] == [
        ("capital", {"Kiev": ("Kiev", "Kiev regime"), "Kyiv": ("Kyiv",)}, "the capital's name",
         {"note": "2019"})]
    assert [(a.name, a.aliases, a.metadata) for a in lex.actors] == [
        ("Russia", ("Moscow", "the Kremlin"), {"source": "team"})]


def test_python_never_parses_the_lexicon_json(monkeypatch, tmp_path):
    # The C core reads the file once and hands every value over; Python's json reader is
    # not used (it would be a second parse of the same text).
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(FULL, ensure_ascii=False), encoding="utf-8")

    def forbidden(*args, **kwargs):
        raise AssertionError("json.loads was called")

    monkeypatch.setattr(json, "loads", forbidden)
    monkeypatch.setattr(json, "load", forbidden)
    lex = fl.Lexicon.from_file(path)
    assert lex.terms[0].metadata["meta"] == {"x-reviewer": {"by": "someone", "ok": True}}
    assert lex.metadata["meta"]["reviewed"] == "2024-01-01"


def test_metadata_keeps_every_digit_and_kind_of_value():
    text = ('{"meta": {"big": 123456789012345678901234567890, "neg": -0, "f": 1.5e-3, '
            '"t": true, "n": null, "list": [1, "x", {"k": [false]}], "esc": "a\\u00e9\\"b"},'
            ' "terms": [{"term": "a", "category": "c"}]}')
    meta = fl.Lexicon.from_json(text).metadata["meta"]
    assert meta == {"big": 123456789012345678901234567890, "neg": 0, "f": 1.5e-3, "t": True,
                    "n": None, "list": [1, "x", {"k": [False]}], "esc": 'a\u00e9"b'}
    assert isinstance(meta["big"], int) and isinstance(meta["f"], float)


def test_term_fields_and_defaults():
    lex = fl.Lexicon.from_dict(FULL)
    coup, aggress, us = lex.terms[:3]
    assert (coup.term, coup.category, coup.weight, coup.case_sensitive, coup.variants) == (
        "coup d'état", "delegitimization", 2.0, False, ("putsch",))
    assert (aggress.weight, aggress.case_sensitive, aggress.variants) == (1.0, False, ())
    assert isinstance(aggress.weight, float)
    assert us.case_sensitive is True


def test_without_categories_any_category_may_be_used():
    lex = load({"terms": [{"term": "aggress*", "category": "accusation"},
                          {"term": "Kiev", "category": "toponym"}]})
    assert list(lex.categories) == ["accusation", "toponym"]
    doc = fl.Analyzer(lex).analyze("An act of aggression.")
    assert [m.category for m in doc.matches] == ["accusation"]


def test_an_undeclared_category_is_an_error_when_categories_are_given():
    text = ('{"categories": {"accusation": "blame", "toponym": {}},\n'
            ' "terms": [{"term": "Kiev", "category": "toponym"},\n'
            '           {"term": "aggress*", "category": "acusation"}]}')
    err = error_of(text)
    assert (err.line, err.column) == (3, 45), str(err)
    assert err.path == "terms[1].category" and err.item == 1
    assert "'acusation' is not declared" in str(err)
    assert "did you mean 'accusation'?" in str(err)


def test_declared_categories_come_first_in_declaration_order():
    lex = load({"terms": [{"term": "a", "category": "z"}, {"term": "b", "category": "y"}],
                "categories": {"y": {}, "z": {}, "x": "unused"}})
    assert list(lex.categories) == ["y", "z", "x"]
    assert [t.category for t in lex.terms] == ["z", "y"]


@pytest.mark.parametrize("weight", [0, 0.0, 3, 2.5, -1.0, 1e300])
def test_any_finite_weight_is_accepted(weight):
    lex = load({"terms": [{"term": "Kiev", "category": "c", "weight": weight}]})
    assert lex.terms[0].weight == weight


def test_case_sensitive_and_folded_entries_with_the_same_folded_form_may_coexist():
    lex = load({"terms": [{"term": "us", "category": "pronoun"},
                          {"term": "US", "category": "actor", "case_sensitive": True}]})
    assert len(lex) == 2


def test_a_hyphenated_term_and_the_spaced_dash_phrase_are_different_terms():
    # "pro-Russian" is pro + hyphen + Russian; "pro - Russian" is pro + punct "-" + Russian:
    # not the same token sequence, so not duplicates.
    lex = load({"terms": [{"term": "pro-Russian", "category": "a"},
                          {"term": "pro - Russian", "category": "b"}]})
    assert len(lex) == 2


def test_a_term_of_32_tokens_is_accepted():
    lex = load({"terms": [{"term": " ".join(["a"] * 32), "category": "c"}]})
    assert len(lex) == 1


def test_load_lexicon_bundled_conflict_demo():
    lex = fl.load_lexicon("conflict-demo")
    assert "conflict-demo" in fl.bundled_lexicons()
    assert lex.name == "conflict-demo"
    terms = {t.term for t in lex.terms}
    assert {"coup d'état", "Kiev", "Kyiv", "Donbass", "aggressor country"} <= terms
    doc = fl.Analyzer(lex).analyze("The coup d'état in Kiev.")
    assert [m.term for m in doc.matches] == ["coup d'état", "Kiev"]


def test_load_lexicon_unknown_name_raises_file_not_found():
    with pytest.raises(FileNotFoundError):
        fl.load_lexicon("no-such-lexicon-anywhere")


def test_from_file_missing_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        fl.Lexicon.from_file(tmp_path / "missing.json")


# -- JSON syntax errors -----------------------------------------------------------------
def test_lexicon_error_is_a_value_error():
    assert issubclass(fl.LexiconError, ValueError)


@pytest.mark.parametrize("text, line, column, culprit", [
    ('{"terms": [{"term": "a", "category": "x", "weight": }]}', 1, 53, "'}'"),
    ('{\n  "terms": [{"term": "a", "category": "x", "weight": }]}', 2, 54, "'}'"),
    ('{\n"terms": [\n  {"term": "a",, "category": "x"}]}', 3, 16, "','"),
    ('{"terms": [{"term": "a" "category": "x"}]}', 1, 25, "'\"'"),
    ('{"terms": [{"term": "a", "category": x}]}', 1, 38, "'x'"),
    ('{"terms": [{"term": "a", "category": "x"}],}', 1, 44, "'}'"),
    ('{"terms": [{"term": "a", "category": "x"}]} trailing', 1, 45, "'t'"),
    ('{"terms": [{"term": "état😀", "category": }]}', 1, 42, "'}'"),  # columns count characters
], ids=["value-missing", "line-2", "double-comma", "comma-missing", "bare-word",
        "trailing-comma", "trailing-text", "non-ascii-before"])
def test_json_syntax_error_carries_line_and_column_of_the_offending_character(
        text, line, column, culprit):
    err = error_of(text)
    assert (err.source, err.line, err.column) == ("lexicon.json", line, column), str(err)
    assert str(err).startswith(f"lexicon.json:{line}:{column}: ")
    assert culprit in err.detail, str(err)
    assert err.path is None
    assert err.detail and str(err).endswith(err.detail)


@pytest.mark.parametrize("text", [
    "",
    "   \n",
    '{"terms": [{"term": "a", "category": "x"}]',
    '{"terms": [{"term": "a", "category": "x"}',
    '{"terms": ',
], ids=["empty", "blank", "unclosed-object", "unclosed-array", "no-value"])
def test_json_that_stops_early_says_so_at_its_end(text):
    err = error_of(text)
    lines = text.split("\n")
    end = (len(lines), len(lines[-1]) + 1)  # the position just after the last character
    before = text[:-1].split("\n")  # or the last character itself
    last = (len(before), len(before[-1]) + 1)
    assert (err.line, err.column) in (end, last), str(err)
    assert "end" in err.detail, str(err)


def test_syntax_error_message_reads_like_the_design_example():
    # DESIGN.md: `lexicon.json:2:41: expected a value`
    text = '{"name": "x",\n "terms": [{"term": "a", "category": "x", "w": }]}'
    err = error_of(text)
    assert (err.line, err.column) == (2, 48)
    assert str(err).startswith("lexicon.json:2:48: ")


def test_from_file_errors_name_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "terms": [\n    {"term": "a", "category": }\n  ]\n}\n')
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_file(path)
    err = info.value
    assert err.source == str(path)
    assert (err.line, err.column) == (3, 31)
    assert str(err).startswith(f"{path}:3:31: ")


def test_from_file_schema_errors_name_the_file_line_and_column(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text('{"terms": [\n  {"term": "a", "category": "x", "weight": "2"}]}')
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_file(path)
    assert str(info.value) == f"{path}:2:44: terms[0].weight: expected a number"
    assert (info.value.line, info.value.column, info.value.item) == (2, 44, 0)


# -- schema errors ------------------------------------------------------------------------
def t(**kw):
    """A term entry: a valid one, changed by kw (None removes a key)."""
    entry = {"term": "Kiev", "category": "toponym"}
    for k, v in kw.items():
        if v is None:
            entry.pop(k, None)
        else:
            entry[k] = v
    return entry


FILLER = [{"term": "alpha", "category": "c"}, {"term": "beta", "category": "c"},
          {"term": "gamma", "category": "c"}]

SCHEMA_ERRORS = [
    # (lexicon, path, words the message must contain)
    ({}, "terms", "missing"),
    ({"name": "x"}, "terms", "missing"),
    ({"terms": []}, "terms", "non-empty"),
    ({"terms": {}}, "terms", "array"),
    ({"terms": "Kiev"}, "terms", "array"),
    ({"terms": [1]}, "terms[0]", "object"),
    ({"terms": [t(term=None)]}, "terms[0].term", "string"),
    ({"terms": [t(term=5)]}, "terms[0].term", "string"),
    ({"terms": [t(term=["Kiev"])]}, "terms[0].term", "string"),
    ({"terms": [t(term="")]}, "terms[0].term", "non-empty"),
    ({"terms": [t(term="   ")]}, "terms[0].term", "non-empty"),
    ({"terms": [t(term="\u00a0\t")]}, "terms[0].term", ""),
    ({"terms": [t(category=None)]}, "terms[0].category", "missing"),
    ({"terms": [t(category=3)]}, "terms[0].category", "string"),
    ({"terms": FILLER + [t(weight="2")]}, "terms[3].weight", "expected a number"),
    ({"terms": FILLER + [t(weight=True)]}, "terms[3].weight", "expected a number"),
    ({"terms": [t(weight=[1])]}, "terms[0].weight", "expected a number"),
    ({"terms": [t(variants="Kyiv")]}, "terms[0].variants", "array"),
    ({"terms": [t(variants=[1])]}, "terms[0].variants[0]", "string"),
    ({"terms": [t(variants=["Kyiv", ""])]}, "terms[0].variants[1]", "non-empty"),
    ({"terms": [t(case_sensitive="yes")]}, "terms[0].case_sensitive", "true or false"),
    ({"terms": [t(case_sensitive=1)]}, "terms[0].case_sensitive", "true or false"),
    ({"terms": [t()], "exclude": "chicken Kiev"}, "exclude", "array"),
    ({"terms": [t()], "exclude": [1]}, "exclude[0]", "string"),
    ({"terms": [t()], "exclude": ["..."]}, "exclude[0]", "word"),
    ({"terms": [t()], "contrasts": "x"}, "contrasts", "array"),
    ({"terms": [t(), t(term="Kyiv")],
      "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev"], "Kyiv": ["Kyyiv"]}}]},
     "contrasts[0].options.Kyiv[0]", "Kyyiv"),
    ({"terms": [t(term="...")]}, "terms[0].term", "word"),
    ({"terms": [t(term="« — »")]}, "terms[0].term", "word"),
    ({"terms": [t(variants=["Kyiv", "!!"])]}, "terms[0].variants[1]", "word"),
    ({"terms": [t(term="* Kiev")]}, "terms[0].term", "'*'"),
    ({"terms": [t(term="Kiev *")]}, "terms[0].term", "'*'"),
    ({"terms": [t(term="Kiev**")]}, "terms[0].term", "'*'"),
    ({"terms": [t(term="(*)")]}, "terms[0].term", "'*'"),
    ({"terms": [t(term=" ".join(["a"] * 33))]}, "terms[0].term", "32"),
    ({"terms": [t()], "categories": []}, "categories", "object"),
    ({"terms": [t()], "name": 3}, "name", "string"),
]


@pytest.mark.parametrize("data, path, words", SCHEMA_ERRORS,
                         ids=[f"{p}-{i}" for i, (_, p, _) in enumerate(SCHEMA_ERRORS)])
def test_schema_error_names_the_path_and_place(data, path, words):
    # From JSON text: line:column of the offending value, then its path.
    err = error_of(data)
    assert err.path == path
    assert err.source == "lexicon.json" and err.line == 1 and err.column >= 1, str(err)
    assert str(err).startswith(f"lexicon.json:1:{err.column}: {path}: "), str(err)
    assert words in str(err)
    assert err.detail and str(err).endswith(err.detail)
    # From a dict, which has no lines: the path alone.
    if isinstance(data, dict):
        with pytest.raises(fl.LexiconError) as info:
            fl.Lexicon.from_dict(data, source="lexicon.json")
        e2 = info.value
        assert (e2.path, e2.line, e2.column) == (path, None, None)
        assert str(e2) == f"lexicon.json: {path}: {e2.detail}"


def test_weight_message_reads_like_the_design_example():
    err = error_of({"terms": FILLER + [t(weight="heavy")]})
    assert re.fullmatch(r"lexicon\.json:1:\d+: terms\[3\]\.weight: expected a number", str(err))
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_dict({"terms": FILLER + [t(weight="heavy")]}, source="lexicon.json")
    assert str(info.value) == "lexicon.json: terms[3].weight: expected a number"
    assert info.value.item == 3


@pytest.mark.parametrize("literal", ["1e999", "-1e999"])
def test_infinite_weight_in_json_is_an_error(literal):
    text = '{"terms": [{"term": "Kiev", "category": "c", "weight": %s}]}' % literal
    err = error_of(text)
    assert err.path == "terms[0].weight"
    assert "number" in str(err)


@pytest.mark.parametrize("weight", [math.nan, math.inf, -math.inf])
def test_from_dict_with_non_finite_weight_is_an_error(weight):
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_dict({"terms": [t(weight=weight)]})
    assert info.value.path == "terms[0].weight"


@pytest.mark.parametrize("data", [None, [], "terms", 3])
def test_from_dict_of_a_non_dict_is_an_error(data):
    with pytest.raises(fl.LexiconError):
        fl.Lexicon.from_dict(data)


@pytest.mark.parametrize("text", ["[1]", '"terms"', "null", "3"], ids=repr)
def test_top_level_must_be_an_object(text):
    err = error_of(text)
    assert "terms" in str(err)


@pytest.mark.parametrize("entries, path, other", [
    ([t(term="Kiev"), t(term="KIEV")], "terms[1].term", "terms[0]"),
    ([t(term="état"), t(term="beta"), t(term="ETAT")], "terms[2].term", "terms[0]"),
    ([t(term="coup d'état"), t(term="coup d’etat")], "terms[1].term", "terms[0]"),
    ([t(term="pro-Russian"), t(term="PRO‑russian")], "terms[1].term", "terms[0]"),
    ([t(term="Kiev"), t(term="Kyiv", variants=["kiev"])], "terms[1].variants[0]", "terms[0]"),
    ([t(term="Kyiv", variants=["Kiev"]), t(term="KIEV")], "terms[1].term", "terms[0]"),
    ([t(term="aggress*"), t(term="Aggress*")], "terms[1].term", "terms[0]"),
], ids=repr)
def test_duplicate_after_folding_names_both_entries(entries, path, other):
    err = error_of({"terms": entries})
    assert err.path == path
    assert other in str(err)
    assert "duplicate" in str(err)


def test_wildcard_and_exact_of_the_same_word_are_not_duplicates():
    lex = load({"terms": [t(term="aggress"), t(term="aggress*")]})
    assert len(lex) == 2


def test_lone_surrogate_in_a_lexicon_is_a_lexicon_error():
    with pytest.raises(fl.LexiconError):
        fl.Lexicon.from_json('{"terms": [{"term": "Ki\ud800ev", "category": "c"}]}')


@pytest.mark.parametrize("data, bad, what", [
    (b'{"terms": [{"term": "Ki\xffev", "category": "c"}]}', b"\xff", "invalid UTF-8"),
    (b'\xef\xbb\xbf\xff{"terms"', b"\xff", "expected a value"),
    (b'{"terms": [{"term": "Kiev", "category": "c"}], "name": "\x00"}', b"\x00",
     "a control character inside a string"),
], ids=["invalid-utf8-in-a-term", "invalid-byte-after-a-bom", "raw-nul-in-a-string"])
def test_malformed_bytes_are_an_error_at_their_place(data, bad, what):
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_json(data)
    err = info.value
    # the column counts characters (the byte order mark is one) up to the bad byte
    column = len(data[:data.index(bad)].decode("utf-8")) + 1
    assert (err.line, err.column) == (1, column), str(err)
    assert what in str(err) and f"byte 0x{bad[0]:02X}" in str(err), str(err)


# -- NUL and other bytes inside the JSON ---------------------------------------------------
def test_nul_escape_in_a_term_is_rejected_not_truncated():
    # Lexicon strings cannot hold NUL (the JSON reader keeps C strings): a "\u0000" escape
    # is a LexiconError at its position, never a term silently cut to "Ki".
    err = error_of('{"terms": [{"term": "Ki\\u0000ev", "category": "c"}]}')
    assert (err.line, err.column) == (1, 24), str(err)  # the backslash of the escape
    assert "\\u0000" in str(err)
    # an escaped backslash before "u0000" is no NUL escape
    lex = fl.Lexicon.from_json('{"terms": [{"term": "Ki\\\\u0000ev", "category": "c"}]}')
    assert lex.terms[0].term == "Ki\\u0000ev"


@pytest.mark.parametrize("text, line, column", [
    ('{"terms":\x00[{"term": "Kiev", "category": "c"}]}', 1, 10),
    ('{"terms": [{"term": "Kiev", "category": "c"}]}\x00', 1, 47),
    ('{"terms": [{"term": "Kiev", "category": "c"}]}\x00 trailing', 1, 47),
], ids=["inside", "after", "after-then-text"])
def test_raw_nul_in_lexicon_json_is_a_syntax_error(text, line, column):
    # JSON allows no raw control characters outside strings, and NUL is no whitespace.
    err = error_of(text)
    assert (err.line, err.column) == (line, column), str(err)


@pytest.mark.parametrize("data", [
    "\ufeff" + json.dumps(FULL),  # a str that starts with a byte order mark
    b"\xef\xbb\xbf" + json.dumps(FULL).encode(),  # the same as UTF-8 bytes
], ids=["bom-str", "bom-bytes"])
def test_a_byte_order_mark_is_read_past_and_all_metadata_kept(data):
    # RFC 8259 allows a reader to ignore a leading byte order mark; framelens does, and keeps
    # the free-form data whole.
    lex = fl.Lexicon.from_json(data)
    assert lex.metadata["meta"] == FULL["meta"]
    assert lex.terms[0].metadata == {k: FULL["terms"][0][k] for k in ("note", "source", "meta")}
    assert lex.categories["delegitimization"] == FULL["categories"]["delegitimization"]


def test_invalid_utf8_in_metadata_is_an_error_not_dropped_data():
    data = json.dumps(FULL).encode().replace(b'"2014"', b'"20\xff14"')  # in a term's note
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_json(data)
    err = info.value
    assert (err.line, err.column) == (1, len(data[:data.index(b"\xff")].decode()) + 1)
    assert "invalid UTF-8" in str(err), str(err)


def test_deeply_nested_metadata_is_an_error_not_a_crash():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(fl.LexiconError) as info:
        load('{"terms": [{"term": "Kiev", "category": "c"}], "meta": {"x": %s}}' % deep)
    assert "nested deeper than 512" in str(info.value)


# -- the strict format (acceptance: each misspelt key fails with line:column and a hint) ----
@pytest.mark.parametrize("key, meant", [("wieght", "weight"),
                                        ("case-sensitive", "case_sensitive"),
                                        ("variant", "variants")])
def test_a_misspelt_key_fails_with_its_line_column_and_a_suggestion(key, meant):
    text = ('{\n  "terms": [\n    {"term": "Kiev", "category": "toponym",\n'
            f'     "{key}": 1}}\n  ]\n}}')
    err = error_of(text)
    assert (err.line, err.column) == (4, 6), str(err)
    assert err.path == "terms[0]" and err.item == 0
    assert str(err) == (f'lexicon.json:4:6: terms[0]: unknown key "{key}"; '
                        f'did you mean "{meant}"?')


def test_an_unknown_key_without_a_near_one_says_where_free_form_data_goes():
    err = error_of({"terms": [t()], "reviewer": "me"})
    assert 'unknown key "reviewer"' in str(err) and '"meta"' in str(err)


# -- duplicates -----------------------------------------------------------------------------
DUPS = {"terms": [t(term="Kiev", category="a", weight=2.0, note="first"),
                  t(term="KIEV", category="b", weight=5.0, variants=["Kyjiw"], note="second"),
                  t(term="Kyiv", category="a", variants=["kiev", "Kyiw"])]}


def test_duplicates_are_an_error_naming_both_places_by_default():
    err = error_of(DUPS)
    assert err.path == "terms[1].term" and err.item == 1 and err.line == 1
    assert "'KIEV' duplicates terms[0] ('Kiev') at 1:21 after folding" in str(err), str(err)


def test_on_duplicate_first_drops_and_counts():
    lex = fl.Lexicon.from_dict(DUPS, on_duplicate="first")
    assert [(x.term, x.categories, x.variants) for x in lex.terms] == [
        ("Kiev", ("a",), ()), ("Kyiv", ("a",), ("Kyiw",))]
    assert lex.duplicates == {"terms_dropped": 1, "terms_merged": 0, "variants_dropped": 1}
    assert list(lex.categories) == ["a"]


def test_on_duplicate_merge_joins_spellings_and_categories_keeps_the_first_weight():
    lex = fl.Lexicon.from_json(json.dumps(DUPS), on_duplicate="merge")
    kiev = lex.terms[0]
    assert (kiev.term, kiev.categories, kiev.variants, kiev.weight, kiev.metadata) == (
        "Kiev", ("a", "b"), ("Kyjiw",), 2.0, {"note": "first"})
    assert lex.duplicates == {"terms_dropped": 0, "terms_merged": 1, "variants_dropped": 1}
    doc = fl.Analyzer(lex).analyze("Kyjiw and KIEV.")
    assert [(m.term, m.weight, m.categories) for m in doc.matches] == [
        ("Kiev", 2.0, ("a", "b")), ("Kiev", 2.0, ("a", "b"))]


def test_on_duplicate_is_checked():
    with pytest.raises(ValueError, match="on_duplicate"):
        fl.Lexicon.from_dict(MINIMAL, on_duplicate="last")
    with pytest.raises(ValueError, match="on_duplicate"):
        fl.load_lexicon("conflict-demo", on_duplicate="keep")


# -- contrasts by spelling, categories per match ---------------------------------------------
CAPITAL = {
    "terms": [{"term": "Kiev regime", "category": "delegitimization", "variants": ["Kyiv regime"]},
              {"term": "Kiev", "category": "toponym"},
              {"term": "Kyiv", "category": "toponym"}],
    "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                                  "Kyiv": ["Kyiv", "Kyiv regime"]}}],
}


def test_a_variant_reference_counts_only_that_spelling_in_the_comparison():
    # "Kyiv regime" is a variant of "Kiev regime": it counts for the Kyiv option, the term's
    # other spelling for Kiev (the more specific reference wins).
    lex = fl.Lexicon.from_dict(CAPITAL)
    assert lex.contrasts[0].options == {"Kiev": ("Kiev", "Kiev regime"),
                                        "Kyiv": ("Kyiv", "Kyiv regime")}
    records = [{"outlet": "A", "text": "The Kyiv regime met in Kyiv. The Kiev regime?"},
               {"outlet": "B", "text": "Kiev. Kiev regime. Kiev."}]
    corpus = fl.Analyzer(lex).analyze_corpus(records, threads=1)
    con = corpus.compare(bootstrap=50, seed=1).contrasts.set_index(["group", "option"])
    assert con.loc[("A", "Kyiv"), "count"] == 2 and con.loc[("A", "Kiev"), "count"] == 1
    assert con.loc[("B", "Kyiv"), "count"] == 0 and con.loc[("B", "Kiev"), "count"] == 3
    # the same counts from the merged counts of pieces (Dask, processes)
    a = fl.Analyzer(lex).analyze_corpus(records[:1], threads=1).counts
    b = fl.Analyzer(lex).analyze_corpus(records[1:], threads=1).counts
    assert (a + b) == corpus.counts
    merged = (a + b).compare().contrasts.set_index(["group", "option"])
    assert merged.loc[("A", "Kyiv"), "count"] == 2
    assert pickle.loads(pickle.dumps(corpus.counts)) == corpus.counts


def test_a_match_counts_once_in_each_of_its_categories():
    lex = load({"terms": [{"term": "abandon*", "category": ["affect", "sad"]},
                          {"term": "hope", "category": "affect"}]})
    doc = fl.Analyzer(lex).analyze("They abandoned hope.")
    assert doc.category_counts == {"affect": 2, "sad": 1}
    assert doc.sentences[0].category_counts == {"affect": 2, "sad": 1}
    corpus = fl.Analyzer(lex).analyze_corpus([{"outlet": "A", "text": "They abandoned hope."},
                                              {"outlet": "B", "text": "Hope."}], threads=1)
    cats = corpus.compare(bootstrap=20).categories.set_index(["group", "category"])
    assert cats.loc[("A", "affect"), "count"] == 2 and cats.loc[("A", "sad"), "count"] == 1
    assert cats.loc[("B", "affect"), "count"] == 1 and cats.loc[("B", "sad"), "count"] == 0
    # the terms table names the main category
    terms = corpus.compare().terms.set_index(["group", "term"])
    assert terms.loc[("A", "abandon*"), "category"] == "affect"


# -- export and the round trip ---------------------------------------------------------------
ROUND_TEXT = ("The coup d'état and the putsch in Kiev; the Kiev regime's aggression. US officials "
              "and us. Chicken Kiev in Kyiv.")


@pytest.mark.parametrize("make", [
    lambda: fl.Lexicon.from_dict(FULL),
    lambda: fl.load_lexicon("conflict-demo"),
    lambda: fl.Lexicon.from_json(json.dumps(DUPS), on_duplicate="merge"),
    lambda: fl.Lexicon.from_dict(CAPITAL),
], ids=["full", "bundled", "merged", "capital"])
def test_round_trip_gives_the_same_lexicon_and_the_same_analysis(make, tmp_path):
    lex = make()
    path = tmp_path / "out.json"
    lex.save(path)
    again = fl.Lexicon.from_file(path)
    for attr in ("terms", "exclude", "contrasts", "actors", "metadata", "categories"):
        assert getattr(again, attr) == getattr(lex, attr), attr
    assert [x.metadata for x in again.terms] == [x.metadata for x in lex.terms]
    assert [c.metadata for c in again.contrasts] == [c.metadata for c in lex.contrasts]
    assert again.to_dict() == lex.to_dict()
    assert fl.Lexicon.from_dict(lex.to_dict()).to_json() == lex.to_json()
    a = fl.Analyzer(lex).analyze(ROUND_TEXT)
    b = fl.Analyzer(again).analyze(ROUND_TEXT)
    assert a.matches == b.matches and a.sentences == b.sentences
    assert [m.spelling for m in a.matches] == [m.spelling for m in b.matches]


def test_pickle_keeps_the_policy_and_the_lexicon():
    lex = fl.Lexicon.from_json(json.dumps(DUPS), source="dups.json", on_duplicate="merge")
    clone = pickle.loads(pickle.dumps(lex))
    assert clone.source == "dups.json" and clone.duplicates == lex.duplicates
    assert clone.terms == lex.terms
    built = fl.Lexicon.from_terms(["Kiev", "Kyiv"], category="c")
    assert pickle.loads(pickle.dumps(built)).terms == built.terms


def test_term_category_must_be_the_first_of_its_categories():
    assert fl.Term("a", "x").categories == ("x",)
    with pytest.raises(ValueError):
        fl.Term("a", "x", categories=("y", "x"))
