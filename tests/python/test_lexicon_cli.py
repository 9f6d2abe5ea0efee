"""``framelens lexicon list | show | validate | convert`` and ``--on-duplicate`` where the
command line loads a lexicon."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json

import framelens as fl
from framelens.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_names_each_bundled_lexicon_with_its_size(capsys):
    code, out, _ = run(capsys, "lexicon", "list")
    assert code == 0
    for name in fl.bundled_lexicons():
        lex = fl.load_lexicon(name)
        assert f"{name}" in out and f"{len(lex)} terms" in out


def test_show_prints_categories_contrasts_and_optionally_terms(capsys):
    code, out, _ = run(capsys, "lexicon", "show", "conflict-demo", "--terms")
    assert code == 0
    assert "categories:" in out and "delegitimization" in out
    assert "capital: Kiev: Kiev, Kiev regime  |  Kyiv: Kyiv" in out
    assert "coup d'état | coup, putsch  [delegitimization] weight=2" in out


def test_validate_says_ok_or_names_the_place_and_fails(capsys, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"terms": [{"term": "a", "category": "c"}]}))
    bad = tmp_path / "bad.json"
    bad.write_text('{"terms": [{"term": "a", "category": "c",\n "wieght": 2}]}')
    code, out, err = run(capsys, "lexicon", "validate", good, bad)
    assert code == 1
    assert f"{good}: ok: 1 terms" in out
    assert f'{bad}:2:2: terms[0]: unknown key "wieght"; did you mean "weight"?' in err


def test_validate_and_convert_take_the_duplicate_policy(capsys, tmp_path):
    words = tmp_path / "bias.txt"
    words.write_text("biased\nloaded\nBiased\n")
    code, _, err = run(capsys, "lexicon", "validate", words)
    assert code == 1 and f"{words}:3:1: terms[2].term" in err and "at 1:1" in err
    code, out, _ = run(capsys, "lexicon", "validate", words, "--on-duplicate", "first")
    assert code == 0 and "duplicates: 1 terms dropped" in out
    target = tmp_path / "bias.json"
    code, _, err = run(capsys, "lexicon", "convert", words, "-o", target, "--on-duplicate",
                       "first", "--category", "bias", "--name", "babe-like")
    assert code == 0 and "bias.json" in err
    lex = fl.Lexicon.from_file(target)
    assert lex.name == "babe-like" and [t.term for t in lex.terms] == ["biased", "loaded"]
    assert {t.category for t in lex.terms} == {"bias"}


def test_convert_from_a_given_format_to_stdout(capsys, tmp_path):
    dic = tmp_path / "dictionary"
    dic.write_text("%\n1\tpos\n2\tneg\n%\ngood\t1\nbad*\t2\n")
    code, out, _ = run(capsys, "lexicon", "convert", dic, "--from", "liwc", "-o", "-")
    assert code == 0
    data = json.loads(out)
    assert data["categories"] == {"pos": {}, "neg": {}}
    assert [(t["term"], t["category"]) for t in data["terms"]] == [("good", "pos"),
                                                                   ("bad*", "neg")]


def test_analyze_takes_on_duplicate(capsys, tmp_path):
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("term,category\nKiev,a\nKIEV,b\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"outlet": "x", "text": "Kiev said."}) + "\n")
    code, _, err = run(capsys, "analyze", corpus, "--lexicon", lexicon)
    assert code == 2 and "duplicates" in err
    code, out, _ = run(capsys, "analyze", corpus, "--lexicon", lexicon, "--on-duplicate",
                       "merge")
    assert code == 0 and "Kiev" in out
