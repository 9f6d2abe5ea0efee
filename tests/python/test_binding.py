"""The binding as a Python programmer meets it: every public callable has a signature that
inspect can read, text given as bytes is read one way everywhere, errors about an item of a
list name its index as an attribute, and the limits are the core's."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil
import struct
from typing import Any, Callable, Iterator, List, Tuple

import pandas as pd
import pytest

import framelens as fl
from framelens import _core, dedupe


# -- signatures ----------------------------------------------------------------------------
def _modules() -> List[Any]:
    names = [m.name for m in pkgutil.walk_packages(fl.__path__, "framelens.")]
    # framelens.__main__ runs the command line when imported
    return [fl] + [importlib.import_module(n) for n in names if not n.endswith("__main__")]


def _public_callables() -> Iterator[Tuple[str, Callable]]:
    """(qualified name, callable) of every public function, class and method of the package
    (the extension module included): names without a leading underscore, defined in the
    module that holds them."""
    seen = set()
    for mod in _modules():
        for name, obj in vars(mod).items():
            if name.startswith("_") or id(obj) in seen:
                continue
            if getattr(obj, "__module__", None) != mod.__name__ and mod is not _core:
                continue  # imported from elsewhere: checked where it is defined
            seen.add(id(obj))
            if inspect.isclass(obj):
                # An exception's constructor is BaseException's (any arguments), which has
                # no signature even for ValueError; its methods are checked like any other.
                if not issubclass(obj, BaseException) or "__init__" in vars(obj):
                    yield f"{mod.__name__}.{name}", obj
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(member, (staticmethod, classmethod)):
                        member = member.__func__
                    if callable(member):
                        yield f"{mod.__name__}.{name}.{attr}", member
            elif callable(obj):
                yield f"{mod.__name__}.{name}", obj


def test_every_public_callable_has_a_signature():
    found = list(_public_callables())
    names = {n for n, _ in found}
    # the walk must see the C functions and methods, not only Python ones
    assert {"framelens._core.analyze", "framelens._core.Builder.add_term",
            "framelens._core.Lexicon.terms", "framelens._api.Analyzer.analyze",
            "framelens.corpus.Corpus.kwic"} <= names
    missing = []
    for name, obj in found:
        try:
            inspect.signature(obj)
        except (TypeError, ValueError) as exc:
            missing.append(f"{name}: {exc}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("obj, params", [
    (_core.analyze, ["lexicon", "text"]),
    (_core.analyze_batch, ["lexicon", "texts", "threads"]),
    (_core.Lexicon, ["data", "source", "on_duplicate"]),
    (_core.Builder.add_term, ["self", "term", "categories", "weight", "case_sensitive",
                              "variants", "extras", "line", "column"]),
    (_core.Lexicon.meta, ["self", "key"]),
], ids=["analyze", "analyze_batch", "Lexicon", "Builder.add_term", "Lexicon.meta"])
def test_c_signatures_name_the_real_parameters(obj, params):
    sig = inspect.signature(obj)
    assert list(sig.parameters) == params
    if obj is _core.Builder.add_term:
        assert sig.parameters["weight"].default == 1.0
        assert sig.parameters["term"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    # the docstring keeps its text without the signature line
    assert obj.__doc__ and "--" not in obj.__doc__.splitlines()[0]


# -- bytes-like text -----------------------------------------------------------------------
TEXT = "The Kiev regime denied it. Kyiv\u2019s mayor spoke \u2014 in Київ."
RAW = TEXT.encode("utf-8")
BYTES_LIKE = [bytes, bytearray, memoryview]


@pytest.fixture(scope="module")
def an(conflict_analyzer):
    return conflict_analyzer


def _rows(doc):
    return [(m.term, m.start, m.end, m.voice) for m in doc.matches]


@pytest.mark.parametrize("kind", BYTES_LIKE, ids=lambda k: k.__name__)
def test_analyze_reads_every_bytes_like_as_utf8(an, kind):
    assert _rows(an.analyze(kind(RAW))) == _rows(an.analyze(TEXT))
    assert an.analyze(kind(RAW)).text == TEXT
    assert fl.split_sentences(kind(RAW)) == fl.split_sentences(TEXT)


@pytest.mark.parametrize("kind", BYTES_LIKE, ids=lambda k: k.__name__)
def test_invalid_utf8_is_replaced_the_same_way_everywhere(an, kind):
    raw = b"Kiev \xff said. Kyiv."
    doc = an.analyze(kind(raw))
    assert doc.text == "Kiev \ufffd said. Kyiv."
    corpus = an.analyze_corpus([{"id": 1, "text": kind(raw), "outlet": "A"}])
    assert corpus.matches["surface"].tolist() == ["Kiev", "Kyiv"]
    assert corpus.matches["start"].tolist() == [m.start for m in doc.matches]


@pytest.mark.parametrize("kind", BYTES_LIKE, ids=lambda k: k.__name__)
def test_corpus_and_dedupe_records_read_bytes_as_analyze_does(an, kind):
    recs = [{"id": i, "text": t, "outlet": "A"}
            for i, t in enumerate([TEXT, "Kyiv again. Kyiv."])]
    as_bytes = [dict(r, text=kind(r["text"].encode())) for r in recs]
    pd.testing.assert_frame_equal(an.analyze_corpus(as_bytes).matches,
                                  an.analyze_corpus(recs).matches)
    long = " ".join(f"word{i}" for i in range(60))
    texts = [long, long + " end", "something else entirely " * 5]
    want = dedupe.find_duplicates(texts).documents
    got = dedupe.find_duplicates([kind(t.encode()) for t in texts]).documents
    pd.testing.assert_frame_equal(got, want)


@pytest.mark.parametrize("kind", BYTES_LIKE, ids=lambda k: k.__name__)
def test_lexicon_json_as_bytes_like(kind):
    text = '{"terms": [{"term": "Київ", "category": "ua"}]}'
    lex = fl.Lexicon.from_json(kind(text.encode()))
    assert lex.terms == fl.Lexicon.from_json(text).terms
    # undecoded: an invalid byte is an error at its place, not a replacement character
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_json(kind(b'{"terms": [{"term": "Ki\xffev", "category": "c"}]}'))
    assert (info.value.line, info.value.column) == (1, 24), str(info.value)
    # and the lexicon pickles (to Dask workers) as what it was read from
    assert pickle.loads(pickle.dumps(lex)).terms == lex.terms


@pytest.mark.parametrize("call", [
    lambda b: _core.analyze(None, b), lambda b: _core.tokens(b), lambda b: _core.fold(b),
    lambda b: _core.analyze_batch(None, [b], 1),
], ids=["analyze", "tokens", "fold", "analyze_batch"])
def test_the_extension_takes_text_as_str_only(call):
    # one decoding, in Python (framelens._api._as_text): the core never guesses
    with pytest.raises(TypeError, match="must be str"):
        call(RAW)


def test_texts_of_every_str_kind_reach_the_core_as_their_utf8(an):
    # the binding encodes a str's own storage (1, 2 or 4 bytes a code point, ASCII runs a
    # word at a time): each sentence's UTF-8 must be the encoding of its slice of the str
    import random

    import numpy as np
    rng = random.Random(7)
    alphabet = ["Kyiv ", "Kiev regime", " ", ". ", "\n", "a", "\x7f", "\x80", "\xe9", "\xff",
                "\u0100", "\u07ff", "\u0800", "\u2019", "\u0416", "\uffff", "\U0001f600",
                "\u0301", "\xa0"]
    texts = ["", "plain ASCII only. Kiev.", "x" * 37 + "\xe9", "y" * 41 + "\u2019",
             "z" * 19 + "\U0001f600"]
    for _ in range(600):
        letters = alphabet[:rng.choice([5, 10, 15, len(alphabet)])]
        texts.append("".join(rng.choice(letters) for _ in range(rng.randint(0, 70))))
    cols = _core.analyze_columns(an.lexicon._core, texts, 1, 2)
    offsets = np.frombuffer(cols["sent_text_offsets"], np.int64)
    docs = np.frombuffer(cols["sent_doc"], np.uint32)
    starts = np.frombuffer(cols["sent_start"], np.int64)
    ends = np.frombuffer(cols["sent_end"], np.int64)
    data = cols["sent_text_data"]
    assert len(docs) > 600
    for i, d in enumerate(docs):
        want = texts[d][starts[i]:ends[i]].encode()
        assert data[offsets[i]:offsets[i + 1]] == want, (texts[d], i)


def test_a_non_ascii_character_at_every_place_of_an_ascii_run_is_encoded():
    # ASCII runs go 16, 8 or 4 units at a time: a character that needs more bytes must be
    # found at every place in and after such a block, and a lone surrogate anywhere refused
    import numpy as np
    texts = [("Kiev said " * 5)[:k] + ch + ("x" * 40)[k:] + ch
             for ch in ("\xe9", "\u2019", "\u0416", "\U0001f600") for k in range(41)]
    cols = _core.analyze_columns(None, texts, 1, 2)
    offsets = np.frombuffer(cols["sent_text_offsets"], np.int64)
    docs = np.frombuffer(cols["sent_doc"], np.uint32)
    starts = np.frombuffer(cols["sent_start"], np.int64)
    ends = np.frombuffer(cols["sent_end"], np.int64)
    data = cols["sent_text_data"]
    assert set(docs) == set(range(len(texts)))
    for i, d in enumerate(docs):
        assert data[offsets[i]:offsets[i + 1]] == texts[d][starts[i]:ends[i]].encode()
    for k in range(41):
        bad = "y" * k + "\ud800" + "z" * (40 - k)
        with pytest.raises(ValueError, match="surrogate") as info:
            _core.analyze_columns(None, ["fine \u2019", bad, 3], 1, 0)
        assert info.value.index == 1
    # runs of two-byte characters (a loop of their own) up to the text's end, up to an ASCII
    # or a three-byte character, and up to a lone surrogate
    runs = [f"Київ {'ж' * k}{end}" for k in range(1, 20) for end in ("", ".", "\u2019x", "\u07ff")]
    cols = _core.analyze_columns(None, runs, 1, 2)
    offsets = np.frombuffer(cols["sent_text_offsets"], np.int64)
    docs = np.frombuffer(cols["sent_doc"], np.uint32)
    starts = np.frombuffer(cols["sent_start"], np.int64)
    ends = np.frombuffer(cols["sent_end"], np.int64)
    assert set(docs) == set(range(len(runs)))
    for i, d in enumerate(docs):
        assert cols["sent_text_data"][offsets[i]:offsets[i + 1]] == \
            runs[d][starts[i]:ends[i]].encode()
    for k in range(1, 20):
        with pytest.raises(ValueError, match="surrogate") as info:
            _core.analyze_columns(None, ["ж" * k + "\udfff" + "ж"], 1, 0)
        assert info.value.index == 0 and f"lone surrogate at index {k} " in str(info.value)


# -- errors name the failing item ----------------------------------------------------------
def test_a_batch_names_the_failing_text_by_index():
    texts = ["Kiev.", "fine", 17, "also fine"]
    with pytest.raises(TypeError) as info:
        _core.analyze_batch(None, texts, 2)
    assert info.value.index == 2 and str(info.value).startswith("texts[2] must be str, not int")
    texts = ["Kiev.", "fine", "bad \udc80", "x"]
    with pytest.raises(ValueError) as info:
        _core.analyze_batch(None, texts, 2)
    assert info.value.index == 2 and str(info.value).startswith("texts[2]: ")
    assert "surrogate" in str(info.value)
    with pytest.raises(ValueError) as info:
        _core.dedupe_signatures(["a b c", "bad \udc80"], 3, 64, 1, 1)
    assert info.value.index == 1 and str(info.value).startswith("texts[1]: ")


def test_record_errors_carry_the_record_and_its_id(an):
    recs = [{"id": "a", "text": "Kiev.", "outlet": "A"},
            {"id": "b", "text": "Kyiv.", "outlet": "B"},
            {"id": "c", "text": "Kyiv \ud800.", "outlet": "B"}]
    with pytest.raises(fl.RecordError) as info:
        an.analyze_corpus(recs)
    e = info.value
    assert (e.record, e.id) == (2, "c")
    assert str(e).startswith("record 3 (id 'c'): field 'text': ")  # counted from 1
    assert "texts[" not in str(e)  # the batch's own index is not the user's business
    # attributes survive pickling (errors cross process boundaries under Dask)
    again = pickle.loads(pickle.dumps(e))
    assert (again.record, again.id, str(again)) == (2, "c", str(e))


# -- the thread limit is the core's -----------------------------------------------------------
def test_one_named_thread_limit(an):
    assert _core.MAX_THREADS == 256
    over = _core.MAX_THREADS + 1
    for call in (lambda: _core.analyze_batch(None, ["x"], over),
                 lambda: an.analyze_corpus([{"text": "x", "outlet": "A"}], threads=over),
                 lambda: dedupe.find_duplicates(["x"], threads=over),
                 lambda: _core.dedupe_signatures(["x"], 3, 64, 1, over)):
        with pytest.raises(ValueError, match=str(_core.MAX_THREADS)):
            call()
    corpus = an.analyze_corpus([{"text": "Kiev.", "outlet": "A"}], threads=_core.MAX_THREADS)
    assert len(corpus.matches) == 1


def test_matches_built_in_c_hash_and_compare_as_their_fields():
    # _core.match_objects allocates the tuples itself: they must hash like the tuple of
    # their fields (CPython 3.14 caches a tuple's hash, which a bare allocation leaves 0)
    import framelens as fl
    lex = fl.Lexicon.from_dict({"terms": [{"term": "Kiev", "category": "capital"},
                                          {"term": "regime", "category": "label"}]})
    doc = fl.Analyzer(lex).analyze("Kiev says the regime in Kiev is new.")
    ms = doc.matches
    assert [m.term for m in ms] == ["Kiev", "regime", "Kiev"]
    for m in ms:
        assert len(m) == len(type(m)._fields)
        assert hash(m) == hash(tuple(m))
        assert m == tuple(m)
    assert len(set(ms)) == 3
    assert ms[0] != ms[2]  # same term, other place


def test_match_objects_link_speaker_and_target_in_c_and_reject_rows_that_do_not_fit():
    # who says a match and of whom are filled in C from the attribution rows and the actor
    # names of the same analyze() call; a row pointing past them is a ValueError, not a crash
    import framelens as fl
    from framelens._api import VOICES, Match
    lex = fl.Lexicon.from_dict({
        "terms": [{"term": "aggressor", "category": "label"}],
        "actors": [{"name": "Russia", "aliases": ["Moscow"]},
                   {"name": "Ukraine", "aliases": ["Kyiv", "Kiev"]}]})
    an = fl.Analyzer(lex)
    text = 'Kyiv says Moscow is the aggressor.'
    doc = an.analyze(text)
    (m,) = doc.matches
    assert (m.voice, m.speaker, m.speaker_actor, m.cue, m.cue_lemma, m.target) == \
        ("attributed", "Kyiv", "Ukraine", "says", "say", "Russia")
    assert text[m.speaker_start:m.speaker_end] == "Kyiv"
    raw = _core.analyze(lex._core, text)
    terms = lex._term_table()
    with pytest.raises(ValueError, match="does not fit"):
        _core.match_objects(text, raw[1], terms, VOICES, Match, (b"", ()),
                            ("Russia", "Ukraine"))
    with pytest.raises(ValueError, match="does not fit"):
        _core.match_objects(text, raw[1], terms, VOICES, Match, raw[3], ("Russia",))
    rows, lemmas = raw[3]
    with pytest.raises(ValueError, match="does not fit"):  # a lemma index past the lemmas
        _core.match_objects(text, raw[1], terms, VOICES, Match, (rows, ()), ("Russia", "Ukraine"))
    with pytest.raises(ValueError, match="not attribution rows"):
        _core.match_objects(text, raw[1], terms, VOICES, Match, (rows[:-1], lemmas),
                            ("Russia", "Ukraine"))
    with pytest.raises(TypeError):  # rows as tuples, as analyze() gave them before
        _core.match_objects(text, raw[1], terms, VOICES, Match,
                            list(struct.iter_unpack(_core.ATTRIBUTION_FORMAT, rows)),
                            ("Russia", "Ukraine"))
    with pytest.raises(TypeError):
        _core.match_objects(text, raw[1], terms, VOICES, Match)


def test_analyze_packs_attributions_with_each_cue_lemma_once():
    # analyze() returns its attributions packed, as it does its matches, with each distinct
    # cue lemma made once: Document.attributions unpacks them to the same fields
    import framelens as fl
    lex = fl.Lexicon.from_dict({"terms": [{"term": "regime", "category": "label"}],
                                "actors": [{"name": "Ukraine", "aliases": ["Kyiv"]}]})
    text = ("Kyiv says the regime fell. Moscow claims it did not. "
            "The minister said that the regime stands.")
    rows, lemmas = _core.analyze(lex._core, text)[3]
    unpacked = list(struct.iter_unpack(_core.ATTRIBUTION_FORMAT, rows))
    assert sorted(lemmas) == ["claim", "say"]
    assert [lemmas[row[10]] for row in unpacked] == ["say", "claim", "say"]  # lemma index
    attrs = fl.Analyzer(lex).analyze(text).attributions
    assert [(a.speaker, a.speaker_actor, a.cue, a.cue_lemma, a.sentence) for a in attrs] == [
        ("Kyiv", "Ukraine", "says", "say", 0), ("Moscow", None, "claims", "claim", 1),
        ("The minister", None, "said", "say", 2)]
    assert [a.content for a in attrs] == ["the regime fell.", "it did not.",
                                          "that the regime stands."]


def test_match_labels_come_from_the_lexicon_for_many_weights_and_categories():
    # _core.match_terms keeps each term's labels compact in C, sharing one float per weight
    # for the first few weights: every match must still carry its own term's labels
    import framelens as fl
    terms = [{"term": f"w{i:02d}", "category": ["a", "b"] if i % 3 == 0 else "c",
              "weight": 0.25 * i - 2.0} for i in range(45)]
    lex = fl.Lexicon.from_dict({"terms": terms})
    text = " ".join(f"w{i:02d} w{(i * 7) % 45:02d}." for i in range(45))
    ms = fl.Analyzer(lex).analyze(text).matches
    assert len(ms) == 90
    for m in ms:
        t = lex.terms[int(m.term[1:])]
        assert (m.term, m.category, m.weight, m.categories) == \
            (t.term, t.category, t.weight, t.categories)
        assert type(m.weight) is float and type(m.categories) is tuple
    assert {m.categories for m in ms} == {("a", "b"), ("c",)}


def test_match_terms_checks_its_arguments():
    import framelens as fl
    from framelens._api import VOICES, Match
    lex = fl.Lexicon.from_dict({"terms": [{"term": "Kiev", "category": "capital"}]})
    with pytest.raises(ValueError, match="one str per term"):
        _core.match_terms(lex._core, [])
    with pytest.raises(TypeError, match="one str per term"):
        _core.match_terms(lex._core, [b"Kiev"])
    with pytest.raises(TypeError):
        _core.match_terms(None, ["Kiev"])
    raw = _core.analyze(lex._core, "Kiev.")
    with pytest.raises(TypeError, match="match_terms"):  # the old tuple of rows
        _core.match_objects("Kiev.", raw[1], (("Kiev", "capital", 1.0, ("capital",)),),
                            VOICES, Match, raw[3], ())
    (m,) = _core.match_objects("Kiev.", raw[1], lex._term_table(), VOICES, Match, raw[3], ())
    assert (m.term, m.surface, m.category, m.weight) == ("Kiev", "Kiev", "capital", 1.0)
