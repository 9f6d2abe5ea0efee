"""Lexicons from other formats (docs/lexicons.md, "Importers"): LIWC .dic, quanteda-style YAML,
CSV/TSV, word lists (BABE's bias word list among them), Python lists and DataFrames; errors
name the file and line; duplicate policies; export and the round trip."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import pickle
import textwrap

import pandas as pd
import pytest

import framelens as fl

from common import shared_data

BABE = ("babe", "bias_word_lexicon.txt")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def matches(lex: fl.Lexicon, text: str):
    return [(m.surface, m.term, m.categories) for m in fl.Analyzer(lex).analyze(text).matches]


# ======================================================================== LIWC
LIWC = """
    %
    1\tfunct\t(function words)
    2\tpronoun
    10\taffect
    12\tnegemo
    13\tsad
    %
    a\t1
    abandon*\t10\t12\t13
    hope\t10
    us\t1 2
    kind of\t1
    """


def test_liwc_dic_imports_with_words_in_several_categories(tmp_path):
    lex = fl.read_lexicon(write(tmp_path, "tiny.dic", LIWC))
    assert lex.name == "tiny"
    assert list(lex.categories) == ["funct", "pronoun", "affect", "negemo", "sad"]
    assert lex.categories["funct"] == {"description": "(function words)"}
    abandon = next(t for t in lex.terms if t.term == "abandon*")
    assert abandon.categories == ("affect", "negemo", "sad")
    assert abandon.category == "affect"
    assert next(t for t in lex.terms if t.term == "us").categories == ("funct", "pronoun")
    doc = fl.Analyzer(lex).analyze("They abandoned us, a kind of hope.")
    assert [(m.surface, m.categories) for m in doc.matches] == [
        ("abandoned", ("affect", "negemo", "sad")), ("us", ("funct", "pronoun")),
        ("a", ("funct",)), ("kind of", ("funct",)), ("hope", ("affect",))]
    # a match counts once in each of its categories
    assert doc.category_counts == {"affect": 2, "negemo": 1, "sad": 1, "funct": 3, "pronoun": 1}


@pytest.mark.parametrize("text, line, says", [
    ("funct\n", 1, "starts with a line holding only '%'"),
    ("%\n1 funct\n", None, "not closed"),
    ("%\n1 funct\n1 again\n%\n", 3, "given twice"),
    ("%\nfunct\n%\n", 2, "a number and a name"),
    ("%\n1 funct\n%\nword\t1\nother\t7\n", 5, "category '7' is not in the header"),
    ("%\n1 funct\n%\nword\t1\nlonely\n", 5, "has no category number"),
    ("%\n1 funct\n%\nword\t1\n!!\t1\n", 5, "has no word"),
    ("%\n1 funct\n%\nword\t1\nWORD\t1\n", 5, "duplicates terms[0] ('word') on line 4"),
], ids=["no-header", "unclosed", "twice", "no-number", "unknown-number", "no-number-on-word",
        "wordless", "duplicate"])
def test_liwc_errors_name_file_and_line(tmp_path, text, line, says):
    path = write(tmp_path, "bad.dic", text)
    with pytest.raises(fl.LexiconError) as info:
        fl.read_lexicon(path)
    err = info.value
    assert err.source == str(path)
    assert err.line == line, str(err)
    assert str(err).startswith(f"{path}:{line}:" if line else f"{path}:"), str(err)
    assert says in str(err)


def test_liwc_duplicates_follow_the_policy(tmp_path):
    path = write(tmp_path, "dup.dic", "%\n1 a\n2 b\n%\nword\t1\nWord\t2\n")
    merged = fl.read_lexicon(path, on_duplicate="merge")
    assert [(t.term, t.categories) for t in merged.terms] == [("word", ("a", "b"))]
    first = fl.read_lexicon(path, on_duplicate="first")
    assert [(t.term, t.categories) for t in first.terms] == [("word", ("a",))]
    assert first.duplicates["terms_dropped"] == 1


# ======================================================================== YAML
YAML = """
    economy:
      - tax*
      - budget
    politics:
      domestic:
        - election
        - tax*
      foreign: [treaty, embassy]
    single: referendum
    """


def test_nested_yaml_dictionary_imports_with_multi_category_words(tmp_path):
    lex = fl.read_lexicon(write(tmp_path, "dict.yml", YAML))
    assert list(lex.categories) == ["economy", "politics/domestic", "politics/foreign",
                                    "single"]
    terms = {t.term: t.categories for t in lex.terms}
    assert terms == {"tax*": ("economy", "politics/domestic"), "budget": ("economy",),
                     "election": ("politics/domestic",), "treaty": ("politics/foreign",),
                     "embassy": ("politics/foreign",), "referendum": ("single",)}
    assert matches(lex, "Taxes before the election.") == [
        ("Taxes", "tax*", ("economy", "politics/domestic")),
        ("election", "election", ("politics/domestic",))]


@pytest.mark.parametrize("text, line, says", [
    ("a: [x, y\n", 2, "invalid YAML"),
    ("- x\n- y\n", 1, "mapping of category"),
    ("a:\n  - x\n  - {b: c}\n", 3, "expected a word"),
    ("a:\n  - x\n  - '!!'\n", 3, "has no word"),
], ids=["syntax", "not-a-mapping", "not-a-word", "wordless"])
def test_yaml_errors_name_file_and_line(tmp_path, text, line, says):
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(fl.LexiconError) as info:
        fl.read_lexicon(path)
    assert info.value.line == line, str(info.value)
    assert str(info.value).startswith(f"{path}:{line}"), str(info.value)
    assert says in str(info.value)


# ======================================================================== CSV / TSV
def test_csv_with_weights_variants_and_further_columns_as_meta(tmp_path):
    path = write(tmp_path, "terms.csv", """
        Term;Category;Weight;variants;source;coder;year
        Kiev regime;delegitimization;2.5;Kyiv regime|Kiev junta;EUvsDisinfo;A;2014
        Kyiv;toponym;;;;B;
        """)
    lex = fl.read_lexicon(path)  # the delimiter ';' is detected
    kiev, kyiv = lex.terms
    assert (kiev.term, kiev.category, kiev.weight, kiev.variants) == (
        "Kiev regime", "delegitimization", 2.5, ("Kyiv regime", "Kiev junta"))
    assert kiev.metadata == {"source": "EUvsDisinfo", "meta": {"coder": "A", "year": "2014"}}
    assert (kyiv.weight, kyiv.metadata) == (1.0, {"meta": {"coder": "B"}})


def test_tsv_and_a_given_delimiter(tmp_path):
    tsv = write(tmp_path, "t.tsv", "term\tcategory\tcase_sensitive\nUS\tactor\tyes\nus\tpron\tno\n")
    lex = fl.read_lexicon(tsv)
    assert [(t.term, t.case_sensitive) for t in lex.terms] == [("US", True), ("us", False)]
    piped = write(tmp_path, "t.txt", "term|category\na|b\n")
    lex = fl.read_lexicon(piped, format="csv", delimiter="|")
    assert [(t.term, t.category) for t in lex.terms] == [("a", "b")]


@pytest.mark.parametrize("text, line, says", [
    ("word,category\na,b\n", 1, "no 'term' column"),
    ("term,category,weight\na,b,heavy\n", 2, "column 'weight': expected a number"),
    ("term,category\na,b\nc\n", 3, "column 'category': expected a category"),
    ("term,category\na,b\nc,d,e\n", 3, "3 fields, but the header has 2"),
    ("term,category,case_sensitive\na,b,maybe\n", 2, "expected true or false"),
    ("term,category\na,b\nA,c\n", 3, "duplicates terms[0] ('a') on line 2"),
], ids=["no-term", "weight", "no-category", "too-many", "case", "duplicate"])
def test_table_errors_name_file_and_line(tmp_path, text, line, says):
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(fl.LexiconError) as info:
        fl.read_lexicon(path)
    assert info.value.line == line, str(info.value)
    assert says in str(info.value)


def test_a_term_on_several_rows_merges_into_several_categories(tmp_path):
    path = write(tmp_path, "rows.csv", "term,category\nabandon,affect\nabandon,sad\n")
    lex = fl.read_lexicon(path, on_duplicate="merge")
    assert [(t.term, t.categories) for t in lex.terms] == [("abandon", ("affect", "sad"))]
    assert lex.duplicates == {"terms_dropped": 0, "terms_merged": 1, "variants_dropped": 0}


# ======================================================================== word lists
def test_word_list_takes_its_category_from_the_file_name_or_the_argument(tmp_path):
    path = write(tmp_path, "hedges.txt", "\n  allegedly \nreportedly\n\nsupposedly\n")
    lex = fl.read_lexicon(path)
    assert [(t.term, t.category) for t in lex.terms] == [
        ("allegedly", "hedges"), ("reportedly", "hedges"), ("supposedly", "hedges")]
    lex = fl.read_lexicon(path, category="hedge")
    assert {t.category for t in lex.terms} == {"hedge"}


def test_babe_bias_word_list_loads_with_first_and_fails_by_default_naming_both_lines():
    babe = str(shared_data(*BABE))
    with open(babe, encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    first_line = {}
    duplicates = []
    for i, word in enumerate(lines, 1):
        key = word.lower()
        if key in first_line:
            duplicates.append((i, first_line[key]))
        else:
            first_line[key] = i
    assert duplicates, "the list is known to repeat words"
    lex = fl.read_lexicon(babe, on_duplicate="first", category="bias")
    assert len(lex) == len(first_line)
    assert lex.duplicates["terms_dropped"] == len(duplicates)
    assert {t.category for t in lex.terms} == {"bias"}
    with pytest.raises(fl.LexiconError) as info:
        fl.read_lexicon(babe)
    later, earlier = duplicates[0]
    err = info.value
    assert err.line == later and err.source == babe
    assert str(err).startswith(f"{babe}:{later}:1: terms[{later - 1}].term: ")
    assert f"at {earlier}:1" in str(err) and f"terms[{earlier - 1}]" in str(err)


# ======================================================================== Python lists
def test_from_terms_of_strings_dicts_and_terms():
    lex = fl.Lexicon.from_terms(["Kiev", "Kyiv"], category="toponym")
    assert [(t.term, t.category) for t in lex.terms] == [("Kiev", "toponym"), ("Kyiv", "toponym")]
    lex = fl.Lexicon.from_terms([{"term": "coup", "weight": 2.0, "note": "2014"},
                                 fl.Term("junta", "delegitimization", 3.0)], category="d")
    assert [(t.term, t.category, t.weight, t.metadata) for t in lex.terms] == [
        ("coup", "d", 2.0, {"note": "2014"}), ("junta", "delegitimization", 3.0, {})]
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_terms(["a"])
    assert "category=" in str(info.value)
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_terms([{"term": "a", "category": "c", "wieght": 2}])
    assert 'did you mean "weight"?' in str(info.value) and info.value.line is None


def test_from_terms_of_a_dataframe():
    df = pd.DataFrame({"term": ["Kiev", "Kyiv", "kiev"], "category": ["ru", "ua", "x"],
                       "weight": [1.5, None, 2.0], "coder": ["A", "B", None]})
    with pytest.raises(fl.LexiconError) as info:
        fl.Lexicon.from_terms(df)
    assert info.value.path == "terms[2].term" and "terms[0]" in str(info.value)
    lex = fl.Lexicon.from_terms(df, on_duplicate="first")
    assert [(t.term, t.category, t.weight, t.metadata) for t in lex.terms] == [
        ("Kiev", "ru", 1.5, {"meta": {"coder": "A"}}),
        ("Kyiv", "ua", 1.0, {"meta": {"coder": "B"}})]


# ======================================================================== the entry point
def test_read_lexicon_picks_the_format_and_refuses_an_unknown_one(tmp_path):
    path = write(tmp_path, "lex.json", json.dumps({"terms": [{"term": "a", "category": "c"}]}))
    assert len(fl.read_lexicon(path)) == 1
    assert len(fl.load_lexicon(str(write(tmp_path, "w.txt", "a\nb\n")))) == 2
    odd = write(tmp_path, "lex.xyz", "a\n")
    with pytest.raises(ValueError, match="format="):
        fl.read_lexicon(odd)
    assert len(fl.read_lexicon(odd, format="wordlist", category="c")) == 1
    with pytest.raises(ValueError, match="unknown lexicon format"):
        fl.read_lexicon(odd, format="excel")
    with pytest.raises(FileNotFoundError):
        fl.read_lexicon(tmp_path / "missing.dic")


def test_a_file_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\u00e9\nna\u00efve\n".encode("latin-1"))
    with pytest.raises(fl.LexiconError) as info:
        fl.read_lexicon(path)
    assert info.value.line == 1 and "utf-8" in str(info.value)
    assert len(fl.read_lexicon(path, encoding="latin-1")) == 2


# ======================================================================== export, round trip
def test_imported_lexicons_export_to_json_and_pickle(tmp_path):
    lex = fl.read_lexicon(write(tmp_path, "tiny.dic", LIWC))
    out = tmp_path / "tiny.json"
    lex.save(out)
    again = fl.Lexicon.from_file(out)
    assert again.to_dict() == lex.to_dict()
    assert [(t.term, t.categories) for t in again.terms] == [(t.term, t.categories)
                                                             for t in lex.terms]
    clone = pickle.loads(pickle.dumps(lex))
    text = "They abandoned us, a kind of hope."
    assert matches(clone, text) == matches(lex, text) == matches(again, text)
