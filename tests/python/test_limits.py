"""The named limits of include/framelens.h (issue 5, item 5), each tested through Python at
the limit (it works) and just past it (a clear error that names the limit):

- FL_MAX_TERM_TOKENS (32) tokens in one term, variant or exclusion;
- FL_MAX_TERMS (1,000,000) terms in one lexicon;
- FL_MAX_LEXICON_STRINGS (4,000,000) terms + variants + exclusions in one lexicon;
- FL_MAX_LEXICON_BYTES (64 MiB) bytes of lexicon JSON;
- FL_MAX_TEXT_BYTES (1 GiB) bytes of UTF-8 in one analysed text.

The big cases allocate a few GiB at most and the whole file runs in well under a minute on
two cores; each big object is dropped before the next is made.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import faulthandler
import gc
import os
import re
import sys
import time

import pytest

import framelens as fl
from framelens import _core

HEADER = os.path.join(os.path.dirname(__file__), "..", "..", "include", "framelens.h")


def _header_limit(name: str) -> int:
    with open(HEADER, encoding="utf-8") as f:
        text = f.read()
    m = re.search(rf"#define {name} (.+)", text)
    assert m, f"{name} is not defined in framelens.h"
    expr = m.group(1).split("/*")[0].replace("(size_t)", "")
    return int(eval(expr, {"__builtins__": {}}))  # e.g. "((size_t)64 << 20)"


MAX_TERM_TOKENS = _core.MAX_TERM_TOKENS
MAX_TERMS = _core.MAX_TERMS
MAX_LEXICON_BYTES = _core.MAX_LEXICON_BYTES
MAX_TEXT_BYTES = _core.MAX_TEXT_BYTES
MAX_LEXICON_STRINGS = getattr(_core, "MAX_LEXICON_STRINGS", None) or \
    _header_limit("FL_MAX_LEXICON_STRINGS")


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(300, exit=True, file=sys.__stderr__)
    yield
    faulthandler.cancel_dump_traceback_later()
    gc.collect()


def _lex_error(data) -> fl.LexiconError:
    with pytest.raises(fl.LexiconError) as info:
        if isinstance(data, (str, bytes)):
            fl.Lexicon.from_json(data)
        else:
            fl.Lexicon.from_dict(data)
    return info.value


def test_python_constants_are_the_header_limits():
    assert MAX_TERM_TOKENS == _header_limit("FL_MAX_TERM_TOKENS") == 32
    assert MAX_TERMS == _header_limit("FL_MAX_TERMS") == 1_000_000
    assert MAX_LEXICON_STRINGS == _header_limit("FL_MAX_LEXICON_STRINGS") == 4_000_000
    assert MAX_LEXICON_BYTES == _header_limit("FL_MAX_LEXICON_BYTES") == 64 << 20
    assert MAX_TEXT_BYTES == _header_limit("FL_MAX_TEXT_BYTES") == 1 << 30


# ======================================================================== tokens per term
def _words(n: int, prefix: str = "w") -> str:
    return " ".join(f"{prefix}{i}" for i in range(n))


@pytest.mark.parametrize("where", ["term", "variant"])
def test_term_at_token_limit_loads_and_matches(where):
    phrase = _words(MAX_TERM_TOKENS)
    entry = {"term": phrase, "category": "c"} if where == "term" else \
        {"term": "short", "category": "c", "variants": [phrase]}
    lex = fl.Lexicon.from_dict({"terms": [{"term": "w0", "category": "c"}, entry]})
    text = f"Before {phrase} after. {phrase}."
    doc = fl.Analyzer(lex).analyze(text)
    want = [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    assert [(m.start, m.end) for m in doc.matches] == want
    assert all(m.term == entry["term"] for m in doc.matches)
    # One token short of the phrase is not a match of it (the shorter "w0" wins there).
    short = _words(MAX_TERM_TOKENS - 1)
    assert [m.term for m in fl.Analyzer(lex).analyze(short).matches] == ["w0"]


def test_token_limit_counts_every_token_kind():
    # 15 words and 14 hyphens are 29 tokens; with " x y." the term has 32 (the period too).
    at = "-".join(["a"] * 15) + " x y."
    lex = fl.Lexicon.from_dict({"terms": [{"term": at, "category": "c"}]})
    doc = fl.Analyzer(lex).analyze(f"Then {at} Next.")
    assert [m.surface for m in doc.matches] == [at]
    # A trailing wildcard is not a token: 32 words and a "*" still load.
    fl.Lexicon.from_dict({"terms": [{"term": _words(MAX_TERM_TOKENS) + "*", "category": "c"}]})


def test_exclusion_at_token_limit():
    phrase = _words(MAX_TERM_TOKENS)
    lex = fl.Lexicon.from_dict({"terms": [{"term": "w5", "category": "c"}],
                                "exclude": [phrase]})
    text = f"{phrase}. But w5 alone."
    doc = fl.Analyzer(lex).analyze(text)
    assert [m.start for m in doc.matches] == [text.rindex("w5")]


@pytest.mark.parametrize("term", [
    _words(MAX_TERM_TOKENS + 1),
    "-".join(["a"] * 17),                        # 17 words + 16 hyphens
    _words(MAX_TERM_TOKENS) + ".",               # punctuation counts
    _words(MAX_TERM_TOKENS - 1) + " Kyiv's",     # so does the clitic
    _words(200),
], ids=["33-words", "hyphens", "period", "clitic", "200-words"])
@pytest.mark.parametrize("where", ["term", "variant", "exclude"])
def test_past_token_limit(term, where):
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
    assert e.path == path and f": {path}: " in str(e), str(e)
    assert f"at most {MAX_TERM_TOKENS}" in str(e), str(e)


def test_past_token_limit_message_survives_a_long_term():
    # The limit exists for pasted paragraphs: exactly then the message must still say why,
    # not be cut off inside the quoted term.
    term = " ".join(f"paragraphword{i:03d}" for i in range(60))   # ~1 KB, 60 tokens
    e = _lex_error({"terms": [{"term": term, "category": "c"}]})
    assert e.path == "terms[0].term"
    assert f"at most {MAX_TERM_TOKENS}" in str(e), str(e)
    assert "60 tokens" in str(e), str(e)


# ======================================================================== terms per lexicon
def _terms_json(n: int, extra: str = "") -> bytes:
    # Short terms keep the document (~30 MB for a million) and the load cheap.
    body = ",".join(f'{{"term":"t{i:x}","category":"c"}}' for i in range(n))
    return f'{{"terms":[{body}]{extra}}}'.encode()


def test_terms_at_limit_load_and_match():
    data = _terms_json(MAX_TERMS)
    t0 = time.perf_counter()
    lex = fl.Lexicon.from_json(data)
    elapsed = time.perf_counter() - t0
    del data
    assert len(lex) == MAX_TERMS
    last = f"t{MAX_TERMS - 1:x}"
    assert lex.terms[-1].term == last
    doc = fl.Analyzer(lex).analyze(f"{last} t0 t{MAX_TERMS:x} T{MAX_TERMS - 2:X}.")
    assert [m.term for m in doc.matches] == [last, "t0", f"t{MAX_TERMS - 2:x}"]
    assert elapsed < 120, f"a lexicon of {MAX_TERMS} terms took {elapsed:.1f} s to load"


def test_terms_past_limit():
    e = _lex_error(_terms_json(MAX_TERMS + 1))
    assert e.path is not None and e.path.startswith("terms"), str(e)
    assert str(MAX_TERMS) in str(e).replace(",", ""), str(e)


# ======================================================================== strings per lexicon
def _strings_json(n_terms: int, n_variants: int, n_exclude: int) -> bytes:
    per, rest = divmod(n_variants, n_terms)
    terms = []
    v = 0
    for j in range(n_terms):
        k = per + (1 if j < rest else 0)
        variants = ",".join(f'"v{i:x}"' for i in range(v, v + k))
        v += k
        terms.append(f'{{"term":"t{j}","category":"c","variants":[{variants}]}}')
    exclude = ",".join(f'"e{i:x}"' for i in range(n_exclude))
    return f'{{"terms":[{",".join(terms)}],"exclude":[{exclude}]}}'.encode()


def test_strings_at_limit_load():
    n_terms, n_exclude = 10, 1000
    data = _strings_json(n_terms, MAX_LEXICON_STRINGS - n_terms - n_exclude, n_exclude)
    assert len(data) < MAX_LEXICON_BYTES
    lex = fl.Lexicon.from_json(data)
    del data
    assert len(lex) == n_terms and len(lex.exclude) == n_exclude
    assert sum(len(t.variants) for t in lex.terms) == MAX_LEXICON_STRINGS - n_terms - n_exclude
    last = f"v{MAX_LEXICON_STRINGS - n_terms - n_exclude - 1:x}"
    doc = fl.Analyzer(lex).analyze(f"v0 and {last} and e0 and t9.")
    assert [(m.term, m.surface) for m in doc.matches] == [("t0", "v0"), ("t9", last),
                                                           ("t9", "t9")]


@pytest.mark.parametrize("extra", ["variant", "exclusion"])
def test_strings_past_limit(extra):
    n_terms, n_exclude = 10, 1000
    n_variants = MAX_LEXICON_STRINGS - n_terms - n_exclude
    if extra == "variant":
        data = _strings_json(n_terms, n_variants + 1, n_exclude)
    else:
        data = _strings_json(n_terms, n_variants, n_exclude + 1)
    e = _lex_error(data)
    # the string that crosses the limit is named: the last one read
    assert e.path is not None and re.fullmatch(r"terms\[9\]\.variants\[\d+\]|exclude\[\d+\]",
                                               e.path), str(e)
    assert str(MAX_LEXICON_STRINGS) in str(e).replace(",", ""), str(e)


# ======================================================================== bytes per lexicon
BASE_LEXICON = '{"terms":[{"term":"Kiev","category":"c"}]}'


def _padded(n_bytes: int, lead: bool = False) -> str:
    pad = " " * (n_bytes - len(BASE_LEXICON))
    return pad + BASE_LEXICON if lead else BASE_LEXICON + pad


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
@pytest.mark.parametrize("lead", [False, True], ids=["trailing", "leading"])
def test_lexicon_bytes_at_limit_loads(as_bytes, lead):
    doc = _padded(MAX_LEXICON_BYTES, lead)
    assert len(doc) == MAX_LEXICON_BYTES
    lex = fl.Lexicon.from_json(doc.encode() if as_bytes else doc)
    assert [t.term for t in lex.terms] == ["Kiev"]


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_lexicon_bytes_past_limit(as_bytes):
    doc = _padded(MAX_LEXICON_BYTES + 1)
    e = _lex_error(doc.encode() if as_bytes else doc)
    assert str(MAX_LEXICON_BYTES) in str(e), str(e)
    assert str(MAX_LEXICON_BYTES + 1) in str(e), str(e)


def test_lexicon_limit_counts_utf8_bytes_not_characters():
    # "ж" is two bytes in UTF-8: a str shorter than the limit can be a document past it.
    head = '{"description":"'
    tail = '","terms":[{"term":"Kiev","category":"c"}]}'
    n = (MAX_LEXICON_BYTES - len(head) - len(tail)) // 2
    at = head + "ж" * n + tail
    at += " " * (MAX_LEXICON_BYTES - len(at.encode()))
    assert len(at.encode()) == MAX_LEXICON_BYTES and len(at) < MAX_LEXICON_BYTES
    assert fl.Lexicon.from_json(at).metadata["description"] == "ж" * n
    past = at + " "
    assert len(past) < MAX_LEXICON_BYTES
    e = _lex_error(past)
    assert str(MAX_LEXICON_BYTES) in str(e)


def test_lexicon_file_past_limit(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(_padded(MAX_LEXICON_BYTES + 1).encode())
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_file(path)
    assert str(path) in str(info.value) and str(MAX_LEXICON_BYTES) in str(info.value)


# ======================================================================== bytes per document
@pytest.fixture(scope="module")
def analyzer():
    return fl.Analyzer(fl.Lexicon.from_json(BASE_LEXICON))


def test_text_at_limit(analyzer):
    text = " " * MAX_TEXT_BYTES
    t0 = time.perf_counter()
    doc = analyzer.analyze(text)
    elapsed = time.perf_counter() - t0
    assert doc.sentences == [] and doc.matches == [] and doc.n_tokens == 0
    assert elapsed < 120, f"1 GiB of spaces took {elapsed:.1f} s"
    del doc, text
    gc.collect()
    # The last bytes of a text at the limit are read too, with offsets past 2**30 - 4.
    text = " " * (MAX_TEXT_BYTES - 5) + "Kiev."
    assert len(text) == MAX_TEXT_BYTES
    doc = analyzer.analyze(text)
    assert [(m.start, m.end) for m in doc.matches] == [(MAX_TEXT_BYTES - 5, MAX_TEXT_BYTES - 1)]
    assert [(s.start, s.end, s.n_tokens) for s in doc.sentences] == \
        [(MAX_TEXT_BYTES - 5, MAX_TEXT_BYTES, 1)]


def _assert_limit_error(e: BaseException):
    assert str(MAX_TEXT_BYTES) in str(e).replace(",", ""), str(e)
    assert str(MAX_TEXT_BYTES + 1) in str(e).replace(",", ""), str(e)


def test_text_past_limit(analyzer):
    text = " " * MAX_TEXT_BYTES + "x"
    t0 = time.perf_counter()
    with pytest.raises(ValueError) as info:
        analyzer.analyze(text)
    assert time.perf_counter() - t0 < 10   # refused up front, not after the work
    _assert_limit_error(info.value)
    with pytest.raises(ValueError) as info:
        fl.split_sentences(text)
    _assert_limit_error(info.value)
    with pytest.raises(ValueError) as info:
        analyzer.analyze_corpus([{"id": "big", "text": text, "outlet": "x"}])
    _assert_limit_error(info.value)
    del text
    gc.collect()
    with pytest.raises(ValueError) as info:
        analyzer.analyze(b" " * MAX_TEXT_BYTES + b"x")
    _assert_limit_error(info.value)


def test_text_limit_counts_utf8_bytes_not_characters(analyzer):
    text = "\u00e9" * (MAX_TEXT_BYTES // 2) + "x"   # 2**29 + 1 characters, 2**30 + 1 bytes
    assert len(text) < MAX_TEXT_BYTES
    with pytest.raises(ValueError) as info:
        analyzer.analyze(text)
    _assert_limit_error(info.value)


def test_text_past_limit_in_corpus_names_the_record(analyzer):
    # Records are analysed in batches of ~32 MB, so the record past the limit here is the
    # first of the second batch: the error must name the record (the second, id "big"), not
    # the document's place in its batch.
    records = [{"id": "filler", "text": " " * (40 << 20), "outlet": "x"},
               {"id": "big", "text": " " * (MAX_TEXT_BYTES + 1), "outlet": "x"}]
    with pytest.raises(ValueError) as info:
        analyzer.analyze_corpus(records, threads=1)
    msg = str(info.value)
    _assert_limit_error(info.value)
    assert "record 2" in msg and "'big'" in msg, msg
    assert (info.value.record, info.value.id) == (1, "big")
