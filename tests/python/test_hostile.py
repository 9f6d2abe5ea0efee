"""Hostile input from Python (issue 5, item 4): broken text, huge and deeply nested inputs,
non-finite weights, duplicate and empty terms, wrong types and missing fields.

Each gets a clear exception (type and message), never a crash, a hang or a silent wrong
result, and nothing the caller passed is modified, also when the call fails.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import contextlib
import copy
import faulthandler
import json
import math
import re
import sys
import time

import numpy as np
import pandas as pd
import pytest

import framelens as fl
from framelens import _core

LEX = {
    "name": "hostile",
    "terms": [
        {"term": "Kiev", "category": "toponym"},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.0,
         "note": "kept as metadata"},
        {"term": "aggress*", "category": "accusation", "variants": ["invasion"]},
    ],
    "exclude": ["chicken Kiev"],
}

# A stuck call must not stall CI forever: dump the stacks and end the run instead.
HANG_SECONDS = 300


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=sys.__stderr__)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def an():
    return fl.Analyzer(fl.Lexicon.from_dict(LEX))


# -- "nothing the caller passed is modified" ----------------------------------------------
def _canon(obj):
    """A comparable picture of obj that also sees key order, types and NaN."""
    if isinstance(obj, pd.DataFrame):
        return ("df", tuple(map(str, obj.columns)), tuple(map(str, obj.dtypes)),
                tuple(obj.index.tolist()), _canon(obj.to_dict("list")), _canon(obj.attrs))
    if isinstance(obj, dict):
        return ("dict", tuple((_canon(k), _canon(v)) for k, v in obj.items()))
    if isinstance(obj, (list, tuple)):
        return (type(obj).__name__, tuple(_canon(v) for v in obj))
    if isinstance(obj, float) and math.isnan(obj):
        return ("nan",)
    if isinstance(obj, (bytearray, bytes, memoryview)):
        return (type(obj).__name__, bytes(obj))
    return (type(obj).__name__, obj if isinstance(obj, (str, int, float, bool, type(None)))
            else repr(obj))


@contextlib.contextmanager
def unchanged(*objs):
    """Asserts that the objects are the same after the block, whether it raised or not."""
    before = [_canon(o if isinstance(o, memoryview) else copy.deepcopy(o)) for o in objs]
    try:
        yield
    finally:
        for i, (o, b) in enumerate(zip(objs, before, strict=True)):
            assert _canon(o) == b, f"argument {i} was modified by the call"


def _err(exc_type, fn, *args, **kw):
    with pytest.raises(exc_type) as info:
        fn(*args, **kw)
    return info.value


def _offsets_ok(doc):
    """Structural invariants of a Document."""
    prev_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert prev_end <= s.start <= s.end <= len(doc.text)
        assert doc.text[s.start:s.end] == s.text
        prev_end = s.end
        for m in s.matches:
            assert s.start <= m.start < m.end <= s.end
            assert doc.text[m.start:m.end] == m.surface
            assert m.sentence == i
    for a, b in zip(doc.matches, doc.matches[1:], strict=False):
        assert a.end <= b.start


# ======================================================================== texts
@pytest.mark.parametrize("text, index", [
    ("\ud800", 0),
    ("Kiev \udfff regime.", 5),
    ("The Kiev regime.\ud83d", 16),             # a high surrogate without its pair
    ("Київ \udc80 and Kiev", 5),                  # after non-ASCII text
    ("😀" * 3 + "\ude00" + "Kiev", 3),          # a low surrogate after real astral chars
])
def test_lone_surrogate_in_analyze(an, text, index):
    with unchanged(text):
        e = _err(ValueError, an.analyze, text)
    msg = str(e)
    assert "surrogate" in msg
    assert f"index {index}" in msg
    e = _err(ValueError, fl.split_sentences, text)
    assert "surrogate" in str(e) and f"index {index}" in str(e)


def test_surrogate_bytes_are_replaced_not_an_error(an):
    # UTF-8-encoded surrogates (CESU-8 remnants) in bytes are invalid UTF-8: decoded as U+FFFD.
    raw = b"Kiev \xed\xa0\x80 regime. Kiev"
    doc = an.analyze(raw)
    assert "\ufffd" in doc.text
    assert [m.surface for m in doc.matches] == ["Kiev", "Kiev"]
    _offsets_ok(doc)


def test_lone_surrogate_in_corpus_names_the_record(an):
    records = [{"id": "a", "text": "Kiev.", "outlet": "x"},
               {"id": "b", "text": "The Kiev \ud800 regime.", "outlet": "y"}]
    with unchanged(records):
        e = _err(ValueError, an.analyze_corpus, records)
    msg = str(e)
    assert "surrogate" in msg and "index 9" in msg
    assert "record 2" in msg, msg      # the record, as every other record error names it
    assert "'b'" in msg, msg           # and its id
    assert (e.record, e.id) == (1, "b")  # the same for code: records[e.record]


def test_lone_surrogate_in_dataframe_names_the_record(an):
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": ["Kiev.", "ok", "x\udc80"],
                       "outlet": ["x", "y", "x"]}, dtype=object)
    with unchanged(df):
        e = _err(ValueError, an.analyze_corpus, df)
    msg = str(e)
    assert "surrogate" in msg and "index 1" in msg
    assert "record 3" in msg and e.record == 2, msg


def test_lone_surrogate_after_the_first_batch_names_the_right_record(an):
    # Records are analysed in batches of ~32 MB: the error must name the record in the
    # corpus, not its place inside a batch ("texts[0]" for the third record is wrong).
    filler = "word " * (7 << 20)  # 35 MB: the first batch ends after each of these
    records = [{"id": 0, "text": filler, "outlet": "x"},
               {"id": 1, "text": "Kiev.", "outlet": "x"},
               {"id": 2, "text": "bad \udc80 text", "outlet": "x"}]
    e = _err(ValueError, an.analyze_corpus, records, threads=1)
    msg = str(e)
    assert "surrogate" in msg
    assert "record 3" in msg and e.record == 2, msg
    assert "texts[0]" not in msg and "record 1" not in msg, msg


@pytest.mark.parametrize("text", [
    "\x00",
    "\x00" * 1000,
    "Kiev\x00",
    "\x00Kiev regime. Kiev\x00 regime. \x00\x00Kiev.",
    "Київ\x00Kiev\x00😀\x00Kiev regime",
])
def test_nul_characters_are_ordinary(an, text):
    doc = an.analyze(text)
    _offsets_ok(doc)
    # Nothing after a NUL is lost: every "Kiev" is found, with the right offsets.
    starts = [m.start for m in doc.matches]
    assert starts == [m.start() for m in re.finditer("Kiev", text)]
    assert all(m.surface.startswith("Kiev") for m in doc.matches)
    # The same through bytes, and through the corpus path.
    assert [(m.start, m.end) for m in an.analyze(text.encode()).matches] == \
        [(m.start, m.end) for m in doc.matches]
    c = an.analyze_corpus([{"text": text, "outlet": "x"}], id=None, threads=2)
    assert c.matches["start"].tolist() == starts
    assert c.matches["surface"].tolist() == [m.surface for m in doc.matches]


def test_nul_splits_tokens_but_not_the_text(an):
    doc = an.analyze("a\x00b Kiev\x00regime")
    assert doc.n_tokens == 4        # a, b, Kiev, regime: NUL is a punctuation token
    assert [m.term for m in doc.matches] == ["Kiev"]   # "Kiev\0regime" is not "Kiev regime"


def test_50_mb_document_without_sentence_end(an):
    # 50 MB, no terminal punctuation, no line break: one sentence, every token counted.
    unit = "word " * 9999 + "Kiev "          # 10,000 tokens, one match
    text = unit * 1000
    assert len(text) == 50_000_000
    t0 = time.perf_counter()
    doc = an.analyze(text)
    elapsed = time.perf_counter() - t0
    assert len(doc.sentences) == 1
    s = doc.sentences[0]
    assert (s.start, s.end) == (0, len(text) - 1)
    assert s.n_tokens == 10_000_000
    assert len(doc.matches) == 1000
    assert [m.start for m in doc.matches[:2]] == [len(unit) - 5, 2 * len(unit) - 5]
    assert doc.matches[-1].end == len(text) - 1
    assert elapsed < 60, f"50 MB took {elapsed:.1f} s"


def test_million_token_sentence(an):
    n = 1_000_000
    text = "Kiev regime " + "w " * (n - 3) + "Kiev"
    doc = an.analyze(text)
    assert len(doc.sentences) == 1
    assert doc.sentences[0].n_tokens == n
    assert [(m.term, m.start) for m in doc.matches] == [("Kiev regime", 0),
                                                         ("Kiev", len(text) - 4)]
    c = an.analyze_corpus([{"text": text, "outlet": "x"}], id=None, threads=1)
    assert c.sentences["n_tokens"].tolist() == [n]
    assert c.matches["start"].tolist() == [0, len(text) - 4]


def test_huge_single_token_and_no_tokens(an):
    assert an.analyze("x" * 20_000_000).n_tokens == 1
    doc = an.analyze(" \n\t\u00a0\u2003" * 2_000_000)
    assert doc.sentences == [] and doc.matches == []


# ======================================================================== non-str texts
@pytest.mark.parametrize("value", [None, 1, 1.5, float("nan"), True, ["Kiev"], ("Kiev",),
                                   {"text": "Kiev"}, object()])
def test_non_str_text_to_analyze(an, value):
    e = _err(TypeError, an.analyze, value)
    assert "str" in str(e) and type(value).__name__ in str(e)


@pytest.mark.parametrize("raw", [b"Kiev regime", bytearray(b"Kiev regime"),
                                 memoryview(b"Kiev regime"), b"Kiev \xff\xfe regime Kiev",
                                 b"\xc3Kiev"])
def test_bytes_text_is_decoded(an, raw):
    with unchanged(raw):
        doc = an.analyze(raw)
    assert doc.text == bytes(raw).decode("utf-8", errors="replace")
    assert doc.matches and all(m.surface.startswith("Kiev") for m in doc.matches)
    _offsets_ok(doc)


def test_str_subclass_text(an):
    class S(str):
        pass
    doc = an.analyze(S("The Kiev regime."))
    assert [m.term for m in doc.matches] == ["Kiev regime"]


@pytest.mark.parametrize("value, what", [
    (None, "None"), (float("nan"), "None/NaN"), (np.nan, "None/NaN"), (3, "int"),
    (["Kiev"], "list"), ({"t": "Kiev"}, "dict"), (pd.NA, "NA"),
])
def test_non_str_text_in_corpus_record(an, value, what):
    records = [{"id": "a", "text": "Kiev.", "outlet": "x"},
               {"id": "b", "text": value, "outlet": "y"}]
    with unchanged(records):
        e = _err(fl.RecordError, an.analyze_corpus, records)
    msg = str(e)
    assert "record 2" in msg and "'b'" in msg and "'text'" in msg and what in msg
    with unchanged(records):
        c = an.analyze_corpus(records, skip_invalid=True)
    assert c.skipped == 1 and c.n_documents == 1


def test_non_str_text_in_dataframe(an):
    df = pd.DataFrame({"id": [1, 2, 3], "text": ["Kiev.", None, 5],
                       "outlet": ["x", "y", "z"]}, dtype=object)
    with unchanged(df):
        e = _err(fl.RecordError, an.analyze_corpus, df)
        assert "record 2" in str(e) and "'text'" in str(e)
        c = an.analyze_corpus(df, skip_invalid=True)
    assert c.skipped == 2


# ======================================================================== records
@pytest.mark.parametrize("bad", [None, "Kiev", ["Kiev"], ("Kiev", "x"), 3, 1.5,
                                 b"Kiev", {"Kiev"}])
def test_record_that_is_not_a_dict(an, bad):
    records = [{"id": 1, "text": "Kiev.", "outlet": "x"}, bad]
    with unchanged(records):
        e = _err(fl.RecordError, an.analyze_corpus, records)
        assert "record 2" in str(e) and "dict" in str(e) and type(bad).__name__ in str(e)
        c = an.analyze_corpus(records, skip_invalid=True)
    assert c.skipped == 1


@pytest.mark.parametrize("records", [None, 3, "Kiev", b"Kiev",
                                     {"text": "Kiev", "outlet": "x"}])
def test_records_that_are_not_an_iterable_of_dicts(an, records):
    e = _err(TypeError, an.analyze_corpus, records)
    assert type(records).__name__ in str(e)


@pytest.mark.parametrize("rec, field", [
    ({"id": 2, "outlet": "x"}, "'text'"),
    ({"id": 2, "Text": "Kiev", "outlet": "x"}, "'text'"),
    ({"id": 2, "txt": "Kiev", "outlet": "x"}, "'text'"),
    ({"id": 2, "text": "Kiev"}, "'outlet'"),
    ({"id": 2, "text": "Kiev", "Outlet": "x"}, "'outlet'"),
    ({"id": 2, "text": "Kiev", "outlet": None}, "'outlet'"),
    ({"id": 2, "text": "Kiev", "outlet": float("nan")}, "'outlet'"),
    ({"ID": 2, "text": "Kiev", "outlet": "x"}, "'id'"),
])
def test_missing_or_misnamed_field(an, rec, field):
    records = [{"id": 1, "text": "Kiev.", "outlet": "x"}, rec]
    with unchanged(records):
        e = _err(fl.RecordError, an.analyze_corpus, records)
    msg = str(e)
    assert "record 2" in msg and field in msg, msg
    c = an.analyze_corpus(records, skip_invalid=True)
    assert c.skipped == 1 and c.n_documents == 1


@pytest.mark.parametrize("missing", [pd.NA, pd.NaT, np.float32("nan"), None, float("nan")])
def test_missing_group_value_is_never_a_group(an, missing):
    # pandas' nullable dtypes give pd.NA (and dates NaT) for a missing outlet: that is a
    # missing group, not a group named "<NA>".
    records = [{"id": 1, "text": "Kiev.", "outlet": "x"},
               {"id": 2, "text": "Kiev.", "outlet": missing}]
    e = _err(fl.RecordError, an.analyze_corpus, records)
    assert "record 2" in str(e) and "'outlet'" in str(e)


def test_missing_group_in_nullable_dataframe_column(an):
    df = pd.DataFrame({"text": ["Kiev.", "Kiev regime."],
                       "outlet": pd.array(["RT", None], dtype="string")})
    with unchanged(df):
        e = _err(fl.RecordError, an.analyze_corpus, df)
    assert "record 2" in str(e) and "'outlet'" in str(e)


@pytest.mark.parametrize("kw, col", [({"text": "body"}, "body"), ({"group": "source"}, "source"),
                                     ({"id": "uid"}, "uid")])
def test_dataframe_missing_column(an, kw, col):
    df = pd.DataFrame({"id": [1], "text": ["Kiev."], "outlet": ["x"]})
    with unchanged(df):
        e = _err((KeyError, ValueError), an.analyze_corpus, df, **kw)
    assert col in str(e)


@pytest.mark.parametrize("kw, exc", [({"text": 1}, TypeError), ({"text": None}, TypeError),
                                     ({"threads": 0}, ValueError), ({"threads": -1}, ValueError),
                                     ({"threads": 1.5}, ValueError), ({"threads": "2"}, ValueError),
                                     ({"threads": 10**20}, ValueError)])
def test_bad_corpus_arguments(an, kw, exc):
    records = [{"id": 1, "text": "Kiev.", "outlet": "x"}]
    with unchanged(records):
        _err(exc, an.analyze_corpus, records, **kw)


def test_failing_generator_propagates_its_error(an):
    def gen():
        yield {"id": 1, "text": "Kiev.", "outlet": "x"}
        raise KeyError("from the caller")
    e = _err(KeyError, an.analyze_corpus, gen())
    assert "from the caller" in str(e)


# ======================================================================== lexicon JSON
def _lex_error(data, **kw):
    if isinstance(data, (str, bytes)):
        return _err(fl.LexiconError, fl.Lexicon.from_json, data, **kw)
    with unchanged(data):
        return _err(fl.LexiconError, fl.Lexicon.from_dict, data, **kw)


@pytest.mark.parametrize("doc", [
    "[" * 100_000 + "]" * 100_000,
    '{"terms":' + "[" * 100_000 + "]" * 100_000 + "}",
    "[" * 1_000_000,
    '{"a":' * 100_000 + "1" + "}" * 100_000,
    '{"terms":[{"term":"a","category":"c","note":' + '[{"k":' * 50_000 + "1" + "}]" * 50_000
    + "}]}",
], ids=["arrays", "terms-arrays", "unclosed", "objects", "mixed-in-metadata"])
def test_deeply_nested_json(doc):
    e = _lex_error(doc)
    assert "nested" in str(e) and e.line == 1 and e.column is not None


@pytest.mark.parametrize("depth", [100, 500, 900, 999, 1000, 1001, 1500])
def test_nesting_near_the_limit_is_a_lexicon_or_a_lexicon_error(depth):
    # Metadata may nest up to the loader's limit; the Python side must not then fail with
    # a RecursionError (or anything but LexiconError) on the same document.
    doc = ('{"meta":{"x":' + "[" * depth + "]" * depth +
           '},"terms":[{"term":"a","category":"c"}]}')
    try:
        lex = fl.Lexicon.from_json(doc)
    except fl.LexiconError as e:
        assert depth > 100, str(e)          # any real lexicon nests far less than this
        assert "nested deeper than" in str(e), str(e)
    else:
        assert depth <= 1000
        x = lex.metadata["meta"]["x"]
        for _ in range(depth - 1):
            x = x[0]
        assert x == []


def test_deeply_nested_dict_to_from_dict():
    deep = []
    cur = deep
    for _ in range(100_000):
        cur.append([])
        cur = cur[0]
    data = {"terms": [{"term": "a", "category": "c"}], "x": deep}
    e = _err(fl.LexiconError, fl.Lexicon.from_dict, data)
    assert "nest" in str(e) or "deep" in str(e), str(e)


def test_cyclic_dict_to_from_dict():
    data = {"terms": [{"term": "a", "category": "c"}]}
    data["self"] = data
    e = _err(fl.LexiconError, fl.Lexicon.from_dict, data)
    assert "ircular" in str(e)


def test_huge_lexicon_json_loads_and_matches():
    n = 200_000
    data = {"name": "huge", "description": "d" * 5_000_000,
            "terms": [{"term": f"term{i} x", "category": f"c{i % 100}", "weight": i / n,
                       "note": "n" * 20} for i in range(n)]}
    text = json.dumps(data)
    assert len(text) > 10_000_000
    lex = fl.Lexicon.from_json(text)
    assert len(lex) == n and len(lex.categories) == 100
    assert lex.metadata["description"] == data["description"]
    doc = fl.Analyzer(lex).analyze(f"A term{n - 1} x and term0 x and term{n} x.")
    assert [m.term for m in doc.matches] == [f"term{n - 1} x", "term0 x"]
    assert doc.matches[0].weight == (n - 1) / n


@pytest.mark.parametrize("number, kind", [
    ("NaN", "syntax"), ("Infinity", "syntax"), ("-Infinity", "syntax"), ("nan", "syntax"),
    ("inf", "syntax"), ("1e999", "finite"), ("-1e999", "finite"),
    pytest.param("1" + "0" * 400, "finite", id="10**400"),
    pytest.param("1" + "0" * 5000, "finite", id="10**5000"),
])
def test_non_finite_weight_in_json(number, kind):
    doc = ('{"terms":[{"term":"a","category":"c"},\n'
           '{"term":"b","category":"c","weight":%s}]}' % number)
    e = _lex_error(doc)
    if kind == "syntax":
        col = doc.split("\n")[1].index(number) + 1
        assert e.line == 2 and e.column in (col, col + 1), str(e)   # "-" may be fine
    else:
        assert e.path == "terms[1].weight" and "finite" in str(e), str(e)


def test_tiny_weight_underflows_to_zero():
    lex = fl.Lexicon.from_json('{"terms":[{"term":"a","category":"c","weight":1e-999}]}')
    assert lex.terms[0].weight == 0.0


@pytest.mark.parametrize("weight", [float("nan"), float("inf"), -float("inf"), np.float64("nan"),
                                    np.float64("inf"), 10**400, -10**400,
                                    pytest.param(10**5000, id="10**5000")])
def test_non_finite_weight_in_dict(weight):
    data = {"terms": [{"term": "a", "category": "c"},
                      {"term": "b", "category": "c", "weight": weight}]}
    e = _lex_error(data)
    assert getattr(e, "path", None) == "terms[1].weight" and "terms[1].weight" in str(e), str(e)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_json_value_in_dict_metadata_names_the_place(value):
    # A spreadsheet turned into a dict has NaN for every empty cell: say which one.
    data = {"terms": [{"term": "a", "category": "c", "note": "x"},
                      {"term": "b", "category": "c", "note": value}]}
    e = _lex_error(data)
    assert "terms[1].note" in str(e), str(e)


def test_lone_surrogate_in_dict_names_the_place():
    data = {"terms": [{"term": "a", "category": "c"}, {"term": "b\udc80", "category": "c"}]}
    e = _lex_error(data)
    assert str(e) == ("<dict>: terms[1].term: a lone surrogate at index 1 is not valid "
                      "Unicode text"), str(e)


def test_lone_surrogate_in_json_str():
    e = _lex_error('{"terms":[{"term":"a\ud800","category":"c"}]}')
    assert str(e) == "<string>:1:21: a lone surrogate (U+D800) is not valid Unicode text"
    assert (e.line, e.column) == (1, 21)
    e = _lex_error('{"terms":[\n  {"term":"a","category":"c\udc80"}]}')
    assert (e.line, e.column) == (2, 28) and "U+DC80" in str(e), str(e)


def test_lone_surrogate_escape_in_json():
    # "\ud800" is valid JSON syntax but not valid Unicode: the message must say so, not
    # guess at nesting.
    e = _lex_error('{"terms":[{"term":"a\\ud800","category":"c"}]}')
    assert "surrogate" in str(e), str(e)
    assert "nested" not in str(e), str(e)
    assert (e.line, e.column) == (1, 21)


def test_huge_integer_in_metadata():
    # Valid JSON that the C loader accepts must not then fail in Python's json reader with
    # a bare ValueError (int_max_str_digits).
    doc = '{"meta":{"x":1' + "0" * 5000 + '},"terms":[{"term":"a","category":"c"}]}'
    try:
        lex = fl.Lexicon.from_json(doc)
    except fl.LexiconError as e:
        assert e.path == "meta.x" and "digits" in str(e), str(e)
    else:
        assert lex.metadata["meta"]["x"] > 10**4999


@pytest.mark.parametrize("doc, line, col", [
    ("", 1, 1), ("   ", 1, 4), ('{"terms":[{"term":"a","category":"c"},]}', 1, 39),
    ('{"terms":[{"term":"a","category":"c"}]} // c', 1, 41),
    ('{"terms":[{"term":"a","category":"c"}]}\x00', 1, 40),
    ('{"terms":[{"term":"a\\u0000b","category":"c"}]}', 1, 21),
    (b'{"terms":[{"term":"a\xff","category":"c"}]}', 1, 21),
    ('{"terms":[{"term":"a","category":"c"}]}'.encode("utf-16"), 1, 1),
    ('{"terms":[{"term":"\u00e9","category":"c"}]}'.encode("latin-1"), 1, 20),
])
def test_broken_json_names_line_and_column(doc, line, col):
    e = _lex_error(doc)
    assert (e.line, e.column) == (line, col), str(e)
    assert f":{line}:{col}:" in str(e)


@pytest.mark.parametrize("call", [
    lambda: fl.Lexicon.from_json("{"),
    lambda: fl.Lexicon.from_json('{"terms": 1}'),
    lambda: fl.Lexicon.from_json('{"terms":[{"term":"a\ud800","category":"c"}]}'),
    lambda: fl.Lexicon.from_dict(None),
    lambda: fl.Lexicon.from_dict({"terms": [{"term": "a", "category": "c"}], "n": float("nan")}),
    lambda: fl.Lexicon.from_dict({"terms": [{"term": "a", "category": "c", "w": {1, 2}}]}),
], ids=["syntax", "schema", "surrogate", "from_dict-None", "from_dict-nan", "from_dict-set"])
def test_every_lexicon_error_has_its_attributes(call):
    # DESIGN.md section 2: LexiconError has source, line, column, path, item and detail
    # (None when not applicable), whichever constructor raised it.
    e = _err(fl.LexiconError, call)
    for attr in ("source", "line", "column", "path", "item", "detail"):
        assert hasattr(e, attr), f"LexiconError({e}) has no .{attr}"
    assert e.source in ("<string>", "<dict>")
    assert e.detail and e.detail in str(e)
    if e.source == "<dict>":  # a dict has no lines
        assert e.line is None and e.column is None
    else:
        assert e.line == 1 and e.column is not None


def test_numpy_numbers_in_a_dict_are_read_as_numbers():
    lex = fl.Lexicon.from_dict({"terms": [{"term": "a", "category": "c",
                                           "weight": np.int64(2)},
                                          {"term": "b", "category": "c",
                                           "weight": np.float32(0.5)}]})
    assert [t.weight for t in lex.terms] == [2.0, 0.5]


def test_duplicate_key_is_an_error():
    e = _lex_error('{"terms":[{"term":"a","term":"b","category":"c"}]}')
    assert '"term"' in str(e) and "twice" in str(e)


@pytest.mark.parametrize("data, exc", [(None, fl.LexiconError), ([], fl.LexiconError),
                                       ("terms", fl.LexiconError), ({}, fl.LexiconError)])
def test_from_dict_not_a_lexicon(data, exc):
    e = _err(exc, fl.Lexicon.from_dict, data)
    assert "terms" in str(e)


@pytest.mark.parametrize("data", [None, 1, 1.5, ["{}"], {"terms": []}])
def test_from_json_not_text(data):
    e = _err(TypeError, fl.Lexicon.from_json, data)
    assert "str or bytes" in str(e)


@pytest.mark.parametrize("doc", ["[]", '"terms"', "1", "null", "true"])
def test_json_top_level_not_an_object(doc):
    e = _lex_error(doc)
    assert "object" in str(e) and "terms" in str(e)


# -- duplicates after folding ------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("Kiev", "KIEV"),
    ("état", "Etat"),
    ("e\u0301tat", "\u00e9tat"),                # decomposed and composed
    ("Kyiv’s", "Kyiv's"),                        # apostrophe variants
    ("pro-Russian", "pro\u2011Russian"),         # hyphen variants
    ("ёлка", "ЕЛКА"),                            # ё = е
    ("a b", "  a\u00a0 b "),                     # any whitespace separates
    ("aggress*", "AGGRESS*"),
    ("Straße", "STRASSE"),                       # full case folding
    ("Kiev", "Kiev"),
])
def test_duplicate_terms_after_folding(a, b):
    data = {"terms": [{"term": a, "category": "c1"}, {"term": b, "category": "c2"}]}
    e = _lex_error(data)
    msg = str(e)
    assert "terms[0]" in msg and "terms[1]" in msg and "duplicate" in msg, msg
    assert e.path == "terms[1].term"


@pytest.mark.parametrize("terms, first, second", [
    ([{"term": "a"}, {"term": "b", "variants": ["A"]}], "terms[0]", "terms[1].variants[0]"),
    ([{"term": "a", "variants": ["zz"]}, {"term": "b", "variants": ["ZZ"]}],
     "terms[0].variants[0]", "terms[1].variants[0]"),
    ([{"term": "a", "variants": ["b", "B"]}], "terms[0].variants[0]", "terms[0].variants[1]"),
    ([{"term": f"x{i}"} for i in range(50)] + [{"term": "X17"}], "terms[17]", "terms[50]"),
])
def test_duplicate_entries_are_both_named(terms, first, second):
    data = {"terms": [dict(t, category="c") for t in terms]}
    msg = str(_lex_error(data))
    assert first in msg and second in msg, msg


def test_case_sensitive_entry_may_share_a_folded_form():
    lex = fl.Lexicon.from_dict({"terms": [
        {"term": "US", "category": "actor", "case_sensitive": True},
        {"term": "us", "category": "pronoun"}]})
    doc = fl.Analyzer(lex).analyze("US troops told us.")
    assert [(m.surface, m.category) for m in doc.matches] == [("US", "actor"), ("us", "pronoun")]


# -- empty, whitespace-only and wordless terms ---------------------------------------------
EMPTYISH = ["", " ", "\t\n", "\u00a0", "\u2003\u3000", "\u200b", "\u00ad", "\ufeff"]
WORDLESS = ["...", "-", "\u2014", "\u201c\u201d", "!?", "🙂", "*", "**", ". *", "'", "\x7f"]


@pytest.mark.parametrize("term", EMPTYISH + WORDLESS)
@pytest.mark.parametrize("where", ["term", "variant", "exclude"])
def test_empty_or_wordless_strings(term, where):
    data = {"terms": [{"term": "ok", "category": "c"}, {"term": "fine", "category": "c"}]}
    if where == "term":
        data["terms"][1]["term"] = term
        path = "terms[1].term"
    elif where == "variant":
        data["terms"][1]["variants"] = ["good", term]
        path = "terms[1].variants[1]"
    else:
        data["exclude"] = ["good", term]
        path = "exclude[1]"
    e = _lex_error(data)
    assert e.path == path and path in str(e), str(e)
    assert re.search(r"non-empty|no word|must directly follow a word", str(e)), str(e)


def test_clitic_only_term_is_wordless():
    # "'s" holds no word token (the possessive clitic is not a word, DESIGN.md section 3), so
    # like "..." it can never be a meaningful term; it must not load and silently count
    # nothing.
    data = {"terms": [{"term": "ok", "category": "c"}, {"term": "'s", "category": "c"}]}
    e = _lex_error(data)
    assert e.path == "terms[1].term"


@pytest.mark.parametrize("cat", ["", " ", "\u00a0\t"])
def test_empty_category(cat):
    e = _lex_error({"terms": [{"term": "a", "category": cat}]})
    assert e.path == "terms[0].category"


# -- wrong types for every field ---------------------------------------------------------
WRONG_TERM_FIELDS = [
    ("term", [None, 1, 1.5, True, [], {}, ["a"]], "terms[0].term"),
    # a non-empty array of names is a term in several categories (docs/lexicons.md)
    ("category", [None, 1, True, [], {}], "terms[0].category"),
    ("category", [[1], [None], [["c"]], ["c", ""]], None),
    ("weight", [None, "1", "1.0", True, False, [], {}, [1.0]], "terms[0].weight"),
    ("variants", [None, "a", 1, True, {}, {"a": 1}], "terms[0].variants"),
    ("variants", [[1], [None], [["a"]], [{}], [True]], "terms[0].variants[0]"),
    ("case_sensitive", [None, "true", 1, 0, 1.0, [], {}], "terms[0].case_sensitive"),
]


@pytest.mark.parametrize("field, value, path", [
    (f, v, p) for f, vals, p in WRONG_TERM_FIELDS for v in vals])
def test_wrong_type_in_term(field, value, path):
    data = {"terms": [{"term": "a", "category": "c", field: value}]}
    if path is None:  # an array of category names: the bad one is named
        path = f"terms[0].category[{len(value) - 1}]"
    e = _lex_error(data)
    assert e.path == path and f": {path}: " in str(e), str(e)
    assert "expected" in str(e)
    # the same through JSON text, with the source named
    e2 = _lex_error(json.dumps(data), source="my.json")
    assert e2.path == path and re.match(rf"my\.json:1:\d+: {re.escape(path)}: ", str(e2)), str(e2)


WRONG_TOP_FIELDS = [
    ("terms", [None, "a", 1, {}, {"a": {}}], "terms"),
    ("terms", [[1], [None], ["a"], [[]]], "terms[0]"),
    ("name", [1, None, [], {}], "name"),
    ("version", [1, 1.0, None], "version"),
    ("language", [1, None, ["en"]], "language"),
    ("description", [1, None, {}], "description"),
    ("categories", [None, [], "a", 1], "categories"),
    ("categories", [{"c": 1}, {"c": None}, {"c": []}], "categories.c"),
    ("exclude", [None, "a", 1, {}], "exclude"),
    ("exclude", [[1], [None], [[]]], "exclude[0]"),
    ("contrasts", [None, "a", 1, {}], "contrasts"),
    ("contrasts", [[1], ["x"], [None]], "contrasts[0]"),
    ("contrasts", [[{"name": 1, "options": {"A": ["a"], "B": ["b"]}}],
                   [{"options": {"A": ["a"], "B": ["b"]}}]], "contrasts[0].name"),
    ("contrasts", [[{"name": "x"}], [{"name": "x", "options": []}],
                   [{"name": "x", "options": "a"}]], "contrasts[0].options"),
]


@pytest.mark.parametrize("field, value, path", [
    (f, v, p) for f, vals, p in WRONG_TOP_FIELDS for v in vals])
def test_wrong_type_at_top_level(field, value, path):
    data = {"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}]}
    data[field] = value
    e = _lex_error(data)
    assert e.path == path and f": {path}: " in str(e), str(e)


@pytest.mark.parametrize("options, path", [
    ({"A": "a", "B": ["b"]}, "contrasts[0].options.A"),
    ({"A": [], "B": ["b"]}, "contrasts[0].options.A"),
    ({"A": [1], "B": ["b"]}, "contrasts[0].options.A[0]"),
    ({"A": ["a"], "B": ["nope"]}, "contrasts[0].options.B[0]"),
    ({"A": ["a"], "B": [None]}, "contrasts[0].options.B[0]"),
])
def test_wrong_contrast_options(options, path):
    data = {"terms": [{"term": "a", "category": "c"}, {"term": "b", "category": "c"}],
            "contrasts": [{"name": "x", "options": options}]}
    e = _lex_error(data)
    assert e.path == path and f": {path}: " in str(e), str(e)


# ======================================================================== unmodified inputs
def test_inputs_are_not_modified_by_successful_calls(an):
    lex_dict = copy.deepcopy(LEX)
    lex_dict["x-extra"] = {"nested": [1, 2, {"deep": float("nan")}]}
    lex_dict["terms"][0]["note"] = float("nan")   # metadata only: from_dict may refuse it
    clean = copy.deepcopy(LEX)
    with unchanged(clean):
        lex = fl.Lexicon.from_dict(clean)
    with unchanged(lex_dict):
        try:
            fl.Lexicon.from_dict(lex_dict)
        except fl.LexiconError:
            pass
    # The lexicon keeps its own copies: changing the dict afterwards changes nothing.
    clean["terms"][0]["term"] = "changed"
    clean["terms"].append({"term": "new", "category": "c"})
    assert lex.terms[0].term == "Kiev" and len(lex) == 3

    records = [{"id": i, "text": f"The Kiev regime {i}. Київ", "outlet": "ab"[i % 2],
                "extra": [i]} for i in range(50)]
    df = pd.DataFrame(records)
    df.attrs["source"] = "test"
    df_obj = pd.DataFrame(records, dtype=object)
    for recs in (records, df, df_obj, tuple(records)):
        with unchanged(recs):
            c = fl.Analyzer(lex).analyze_corpus(recs, threads=2)
            c.sentences, c.matches, c.compare()
    with unchanged(records):
        an.analyze_corpus(records, id=None, group=None)


def test_inputs_are_not_modified_by_failing_calls(an):
    records = [{"id": i, "text": f"The Kiev regime {i}.", "outlet": "x"} for i in range(20)]
    records[15] = {"id": 15, "text": None, "outlet": "x"}
    df = pd.DataFrame(records, dtype=object)
    for recs in (records, df):
        with unchanged(recs):
            _err(fl.RecordError, an.analyze_corpus, recs, threads=2)
    bad_lex = copy.deepcopy(LEX)
    bad_lex["terms"].append({"term": "KIEV", "category": "x"})
    with unchanged(bad_lex):
        _err(fl.LexiconError, fl.Lexicon.from_dict, bad_lex)
    bad_lex = copy.deepcopy(LEX)
    bad_lex["terms"][1]["weight"] = float("nan")
    with unchanged(bad_lex):
        _err(fl.LexiconError, fl.Lexicon.from_dict, bad_lex)
    text = bytearray(b"Kiev \xff regime")
    with unchanged(text):
        an.analyze(text)


def test_analyzer_usable_after_errors(an):
    for bad in ("\ud800", None, 5):
        with pytest.raises((ValueError, TypeError)):
            an.analyze(bad)
    with pytest.raises(ValueError):
        an.analyze_corpus([{"text": "x\udc80", "outlet": "x"}])
    doc = an.analyze("The Kiev regime said so.")
    assert [m.term for m in doc.matches] == ["Kiev regime"]


def test_module_constants_are_exposed():
    assert _core.MAX_TERM_TOKENS == 32 and _core.MAX_TERMS == 1_000_000
    assert _core.MAX_TEXT_BYTES == 1 << 30 and _core.MAX_LEXICON_BYTES == 64 << 20
    assert sys.getrecursionlimit() >= 100   # untouched by anything above
