"""benchmarks/lexicon_eval.py: the span metrics on hand-made cases, and one run on the real
gold data (../shared/data) whose results must be internally consistent."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import io
import math

from common import SHARED_DATA, benchmark_module, shared_data

ev = benchmark_module("lexicon_eval.py", "lexicon_eval")

TEXT = "He slammed the “utterly absurd” plan, critics said."


def doc(gold):
    return ev.Doc("d", TEXT, {"g": gold})


def span_of(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def hit(word: str, weight: float = 1.0) -> object:
    start, end = span_of(word)
    return ev.Hit(0, start, end, word, "c", weight)


def test_trimmed_strips_quotes_punctuation_and_spaces():
    quoted = span_of("“utterly absurd”")
    assert ev.trimmed(TEXT, *quoted) == span_of("utterly absurd")
    assert ev.trimmed(TEXT, *span_of(" plan,")) == span_of("plan")
    assert ev.trimmed(TEXT, 0, 0) == (0, 0)


def test_overlap_and_strict_hits():
    gold = [span_of("slammed"), span_of("“utterly absurd”")]
    index = ev.SpanIndex.of([doc(gold)], "g")
    assert index.total == 2
    hits = [hit("slammed"), hit("utterly"), hit("critics"), hit("utterly absurd", 0.5)]
    s = ev.score(hits, index)
    assert (s.matches, s.hits_overlap, s.hits_strict) == (4, 3, 2)
    assert (s.reached_overlap, s.reached_strict) == (2, 2)
    assert s.precision == 0.75 and s.precision_strict == 0.5
    assert s.recall == 1.0 and s.recall_strict == 1.0
    # each match counted by its weight: 2.5 of 3.5 weight units fall in a span
    assert math.isclose(s.precision_weighted, 2.5 / 3.5)
    assert math.isclose(s.f1, 2 * 0.75 / 1.75)


def test_a_partial_match_is_an_overlap_hit_but_not_a_strict_one():
    index = ev.SpanIndex.of([doc([span_of("utterly absurd” plan")])], "g")
    s = ev.score([hit("absurd")], index)
    assert (s.hits_overlap, s.hits_strict, s.reached_overlap, s.reached_strict) == (1, 0, 1, 0)


def test_no_matches_and_no_spans_give_nan_not_an_error():
    index = ev.SpanIndex.of([doc([])], "g")
    s = ev.score([], index)
    assert math.isnan(s.precision) and math.isnan(s.recall) and s.f1 == 0.0
    assert ev.pct(s.precision) == "n/a"


def test_unreached_by_all_counts_spans_no_list_overlaps():
    gold = [span_of("slammed"), span_of("plan"), span_of("critics")]
    index = ev.SpanIndex.of([doc(gold)], "g")
    assert ev.unreached_by_all([[hit("slammed")], [hit("critics")]], index) == 1
    assert ev.unreached_by_all([], index) == 3


def test_babe_lexicon_keeps_the_first_of_lines_folding_alike(tmp_path):
    import framelens as fl
    (tmp_path / "babe").mkdir()
    (tmp_path / "babe" / "bias_word_lexicon.txt").write_text(
        "Bizarre\nslammed\n\nbizarre\nBIZARRE\nself-serving\n", encoding="utf-8")
    lex = ev.babe_lexicon(fl, tmp_path)
    assert [t.term for t in lex.terms] == ["Bizarre", "slammed", "self-serving"]
    assert {t.category for t in lex.terms} == {"babe_bias_word"}
    found = fl.Analyzer(lex).analyze("A bizarre, self-serving plan.").matches
    assert [m.surface for m in found] == ["bizarre", "self-serving"]


def test_on_the_shared_gold_data():
    for needed in ("ptc_semeval2020_task11", "basil", "babe/bias_word_lexicon.txt"):
        shared_data(needed)
    out = io.StringIO()
    e = ev.evaluate(SHARED_DATA, terms_min=50, out=out)
    text = out.getvalue()
    assert "| PTC both | loaded-language |" in text and "LL+NC vs chance" in text
    # Corpus sizes as the data READMEs give them.
    assert len(e.corpora["PTC"]) == 371 and len(e.corpora["BASIL"]) == 8284
    assert e.indexes["PTC Loaded_Language"].total == 2123
    assert e.indexes["PTC Name_Calling"].total == 1058
    assert e.indexes[ev.BASIL_SET].total == 480
    # 2,130 lines, 2,122 distinct: folding may merge a few more, never fewer.
    assert 2000 < len(e.lexicons["BABE words"]) <= 2122
    _, numbers = e.main_table()
    for gold in ("PTC Loaded_Language", "PTC Name_Calling", "PTC both", ev.BASIL_SET):
        words = numbers[("all words", gold)]
        assert words.recall >= 0.99  # every span holds a word (one BASIL span is a lone "!")
        for lexicon in ("loaded-language", "BABE words"):
            s = numbers[(lexicon, gold)]
            assert 0 < s.matches and 0 <= s.recall_strict <= s.recall <= 1
            assert s.precision_strict <= s.precision
        # The union of the lexicons reaches at least what each of them reaches.
        unreached = numbers[("any lexicon", gold)]
        best = max(numbers[(lx, gold)].recall for lx in ("loaded-language", "BABE words"))
        assert unreached <= round((1 - best) * words.spans)
    chance = e.chance()["LL+NC"]
    both = "PTC both"
    # The loaded-wording categories find loaded language above chance, and the weights carry
    # information: heavier markers hit more often.
    assert numbers[(ev.WORDING, both)].precision > 2 * chance
    ll = numbers[("loaded-language", both)]
    assert ll.precision_weighted > ll.precision


def test_overlaps_agrees_with_overlapping_on_nested_and_adjacent_spans():
    gold = [(0, 10), (2, 4), (8, 12), (20, 30), (30, 31)]
    index = ev.SpanIndex([ev.Doc("d", "x" * 40, {})], [gold])
    for start in range(40):
        for end in range(start + 1, 41):
            expected = [k for k, (s, e) in enumerate(sorted(gold)) if s < end and e > start]
            assert index.overlapping(0, start, end) == expected, (start, end)
            assert index.overlaps(0, start, end) == bool(expected), (start, end)
