"""benchmarks/attribution.py --causes: the classification of missed cues, false-alarm cues and
speakers, on team-written articles in the shape of PolNeAR's JSON Lines (each cause at least
once, and the order of the rules where more than one applies), and on PolNeAR's tune half
(the classes add up to the cue scores)."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import collections
import itertools
import json
import re
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import pytest

from common import benchmark_module, shared_data

bench = benchmark_module("attribution.py", "attribution_benchmark")

Marks = Sequence[Tuple[str, str]]


def article(aid: str, parts: Sequence[Tuple[str, Marks]]) -> dict:
    """An article {"id", "text", "spans"} as PolNeAR's file has it: the sentences joined by a
    space, each with (label, phrase) marks; a phrase's span is its first occurrence in its
    sentence."""
    text = ""
    spans: List[list] = []
    for sentence, marks in parts:
        base = len(text)
        for label, phrase in marks:
            i = sentence.index(phrase)
            spans.append([label, base + i, base + i + len(phrase)])
        text += sentence + " "
    return {"id": aid, "text": text.rstrip(), "spans": spans}


# one missed gold cue per cause of MISS_CAUSES, in that order
MISSES = article("misses", [
    ("Officials said the mayor claimed that the bridge was safe.",
     [("Source", "Officials"), ("Cue", "said"),
      ("Content", "the mayor claimed that the bridge was safe"),
      ("Source", "the mayor"), ("Cue", "claimed"), ("Content", "that the bridge was safe")]),
    ("The mayor spent the meeting defending the levy.",
     [("Source", "The mayor"), ("Cue", "spent the meeting defending"), ("Content", "the levy")]),
    ("According to ''Growing Up Green,'' a book by the mayor, the levy rose.",
     [("Cue", "According to"), ("Source", "''Growing Up Green,'' a book by the mayor"),
      ("Content", "the levy rose")]),
    ("Q: Will the plan work?",
     [("Source", "Q"), ("Cue", ":"), ("Content", "Will the plan work?")]),
    ("By the council's count, the levy rose.",
     [("Cue", "By"), ("Source", "the council's count"), ("Content", "the levy rose")]),
    ("His criticism of the levy grew.",
     [("Source", "His"), ("Cue", "criticism of"), ("Content", "the levy")]),
    ("The mayor was clear about the levy.",
     [("Source", "The mayor"), ("Cue", "was clear about"), ("Content", "the levy")]),
    ("The growers spent $4,000 in attacks.",
     [("Source", "The growers"), ("Cue", "$4,000 in attacks")]),
    ("The growers gathered at the hall to complain.",
     [("Source", "The growers"), ("Cue", "to complain")]),
    ("Dozens of growers, angry at the levy, wrote to the council.",
     [("Source", "Dozens of growers"), ("Cue", "wrote to")]),
    ("The mayor released the figures on Monday.",
     [("Source", "The mayor"), ("Cue", "released"), ("Content", "the figures")]),
])

# false alarms and speakers
OTHERS = article("others", [
    ("The mayor released a note: the growers believe the levy is fair.",
     [("Source", "The mayor"), ("Cue", "released a note"),
      ("Content", "the growers believe the levy is fair")]),
    ("Growers supporting the levy have said it is fair.",
     [("Source", "Growers supporting the levy"), ("Cue", "have said"), ("Content", "it is fair")]),
    ("Most growers think the levy is too high.", []),
    ("Last week the mayor toured the farms, criticizing the levy.",
     [("Source", "the mayor"), ("Cue", "criticizing"), ("Content", "the levy")]),
    ("The tall, bearded mayor said the levy was fair.",
     [("Source", "The tall, bearded mayor"), ("Cue", "said"), ("Content", "the levy was fair")]),
    ("The mayor met the growers, who said the levy was unfair.",
     [("Source", "the growers"), ("Cue", "said"), ("Content", "the levy was unfair")]),
    ("The mayor said the levy would rise, adding that it was fair.",
     [("Source", "The mayor"), ("Cue", "said"), ("Content", "the levy would rise"),
      ("Cue", "adding"), ("Content", "that it was fair"), ("Attribution-no-source", "adding")]),
])


@pytest.fixture(scope="module")
def an():
    return bench.analyzer()


@pytest.fixture(scope="module")
def probe(an):
    return bench.CueProbe(an)


def causes(art: dict, an, probe) -> Dict[str, List[Tuple[str, str]]]:
    """classify_article()'s cases as (cause, the text of the span shown)."""
    return {key: [(c.cause, art["text"][c.start:c.end]) for c in cases]
            for key, cases in bench.classify_article(art, an, probe).items()}


def test_each_cause_of_a_missed_cue(an, probe):
    got = causes(MISSES, an, probe)
    assert got["miss"] == [
        ("nested", "claimed"),
        ("other head", "spent the meeting defending"),
        ("according to", "According to"),
        ("punctuation", ":"),
        ("function word", "By"),
        ("noun", "criticism of"),
        ("passive", "was clear about"),
        ("other", "$4,000 in attacks"),
        ("infinitive", "to complain"),
        ("cue word", "wrote to"),
        ("not a cue word", "released"),
    ]
    assert [cause for cause, _ in got["miss"]] == [name for name, _ in bench.MISS_CAUSES]
    # framelens' "defending" matches no gold head: it lies in the gold cue it missed
    assert got["false"] == [("in cue", "defending")]
    assert got["speaker"] == [("right", "said")]
    # the examples say what framelens did instead
    notes = [c.note for c in bench.classify_article(MISSES, an, probe)["miss"][:2]]
    assert notes == ["in the content of: said", "framelens: defending"]


def test_each_cause_of_a_false_alarm_and_a_speaker(an, probe):
    got = causes(OTHERS, an, probe)
    assert got["miss"] == [("not a cue word", "released a note"), ("cue word", "have said")]
    assert got["false"] == [("in content", "believe"), ("in source", "supporting"),
                            ("elsewhere", "think")]
    assert got["speaker"] == [
        ("none", "criticizing"),             # no speaker for a participle after a comma
        ("another, in source", "said"),      # "bearded mayor": PolNeAR's head is "tall"
        ("another", "said"),                 # "who" where PolNeAR has "the growers"
        ("right", "said"),
        ("extra", "adding"),                 # PolNeAR marks it Attribution-no-source
    ]
    elsewhere = [c for c in bench.classify_article(OTHERS, an, probe)["false"]
                 if c.cause == "elsewhere"]
    assert [c.note for c in elsewhere] == ["belief"]  # counted by framelens' kind


def miss(sentence: str, cue: str, probe, nested: bool = False,
         outer: Sequence[Tuple[str, str]] = ()) -> str:
    """miss_cause() of the gold cue ``cue`` in ``sentence``: its head nested in framelens when
    ``nested``; ``outer``: framelens' outermost cues as (cue, its head word)."""
    tokens = bench.Tokens(sentence)
    start = sentence.index(cue)
    span = (start, start + len(cue))
    head = bench.cue_head(tokens, *span)
    outer_cues = [(sentence.index(c), sentence.index(c) + len(c), sentence.index(h))
                  for c, h in outer]
    return bench.miss_cause(tokens, span, head, {head} if nested else set(), outer_cues, probe)


def test_the_first_rule_that_applies_wins(probe):
    s = "His criticism of the levy grew."
    assert miss(s, "criticism of", probe) == "noun"
    assert miss(s, "criticism of", probe, outer=[("His criticism", "His")]) == "other head"
    assert miss(s, "criticism of", probe, nested=True,
                outer=[("His criticism", "His")]) == "nested"
    # a framelens cue with the same head is no "other head" (it would have matched)
    assert miss(s, "criticism of", probe, outer=[("criticism", "criticism")]) == "noun"
    # a function word before a passive: "is about"
    s = "The levy is about fairness."
    tokens = bench.Tokens(s)
    assert bench.passive_cue(tokens, 3)
    assert miss(s, "is about", probe) == "function word"
    # a noun before a passive: "was confirmation that"
    s = "The reply was confirmation that the levy stands."
    tokens = bench.Tokens(s)
    assert bench.passive_cue(tokens, 3) and bench.noun_cue(tokens, 3)
    assert miss(s, "was confirmation that", probe) == "noun"
    # a passive before the probe: "asked" is a cue word
    assert probe.is_cue("asked")
    assert miss("The mayor was asked about the levy.", "was asked", probe) == "passive"
    # an infinitive only of a cue word
    assert miss("The mayor went to the hall to release the figures.", "to release",
                probe) == "not a cue word"
    assert miss("The mayor went to the hall to announce the figures.", "to announce",
                probe) == "infinitive"


def head_index(sentence: str, word: str) -> Tuple[object, int]:
    tokens = bench.Tokens(sentence)
    return tokens, bench._token_index(tokens, sentence.index(word))


@pytest.mark.parametrize("sentence, head, noun", [
    ("Trump's criticism of the levy", "criticism", True),
    ("the voters' anger about the levy", "anger", True),
    ("their decision to go", "decision", True),
    ("an assertion that the levy is fair", "assertion", True),
    ("the mayor's reply", "reply", True),
    ("Growers denounce the levy", "denounce", False),
    ("Jones 'pleased to leave' town", "pleased", False),      # an opening quotation mark
    ("''Go!'' cried the banner", "cried", False),              # a closing one
    ("he's argued the case", "argued", False),                # "'s" after a pronoun
    ("officials that said", "said", False),                   # "that" is no determiner
    ("the growers insist that the levy", "insist", False),    # no suffix of a noun
    # a verb in -tion before "that" passes for a noun: the suffix rule's known error
    ("the growers mention that the levy", "mention", True),
])
def test_noun_cue(sentence, head, noun):
    tokens, i = head_index(sentence, head)
    assert bench.noun_cue(tokens, i) is noun


@pytest.mark.parametrize("sentence, head, passive", [
    ("The plan is expected to fail", "expected", True),
    ("The plan was not widely known", "known", True),      # negation and adverb skipped
    ("they're wary of the plan", "wary", True),
    ("it's clear that the plan fails", "clear", True),
    ("she's expected to win", "expected", True),           # "'s" + "to": "is"
    ("he's advocated the plan", "advocated", False),       # "'s" before a participle: "has"
    ("the mayor was saying that", "saying", False),        # a progressive
    ("the mayor has said that", "said", False),
])
def test_passive_cue(sentence, head, passive):
    tokens, i = head_index(sentence, head)
    assert bench.passive_cue(tokens, i) is passive


def test_the_probe_asks_framelens(probe):
    assert probe.is_cue("said") and probe.is_cue("Says")
    assert probe.is_cue("seen")      # only after "have"
    assert probe.is_cue("sure")      # only after "are"
    assert probe.is_cue("support")   # a verb of stance before an object
    assert not probe.is_cue("released")
    assert not probe.is_cue("criticism")
    # the word is looked for where it was put in, not where the frame already holds it
    assert probe._fires('"Officials said no," officials {}.', "said")
    assert {"said", "says", "seen", "sure", "released"} <= set(probe.cache)


def test_false_alarm_and_speaker_verdicts():
    spans = [["Content", 0, 10], ["Source", 5, 20], ["Cue", 20, 30]]
    assert bench.false_alarm_cause(6, spans) == "in content"  # the first that applies
    assert bench.false_alarm_cause(12, spans) == "in source"
    assert bench.false_alarm_cause(20, spans) == "in cue"
    assert bench.false_alarm_cause(30, spans) == "elsewhere"
    assert bench.speaker_cause(4, (0, 9), 4) == "right"
    assert bench.speaker_cause(None, None, None) == "right"
    assert bench.speaker_cause(4, (0, 9), None) == "none"
    assert bench.speaker_cause(4, (0, 9), 6) == "another, in source"
    assert bench.speaker_cause(4, (0, 9), 12) == "another"
    assert bench.speaker_cause(None, None, 12) == "extra"


def test_causes_option_prints_the_tables(tmp_path: Path, capsys):
    """--causes on a file of the two articles above, given ids of the tune half."""
    ids = (f"causes-{i}" for i in itertools.count())
    tune = list(itertools.islice((i for i in ids if bench.polnear_part(i) == "tune"), 2))
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(dict(a, id=i)) + "\n"
                            for a, i in zip((MISSES, OTHERS), tune, strict=True)),
                    encoding="utf-8")
    assert bench.main(["--polnear", str(path), "--causes", "--causes-examples", "1"]) == 0
    out = capsys.readouterr().out
    assert "heads of framelens' outermost attributions" in out  # the usual table first
    assert "missed gold cues (tune): 13" in out
    assert "false-alarm cues (tune): 4" in out
    assert "speakers of the gold attributions whose cue framelens found (tune): 6" in out
    assert re.search(r"\n  kind belief +1\n", out)
    assert "[[$4,000 in attacks]]" in out  # an example
    assert "== missed gold cues: nested (1) ==" in out
    # without --causes the output is as it was
    assert bench.main(["--polnear", str(path)]) == 0
    assert "missed gold cues" not in capsys.readouterr().out


def test_causes_add_up_on_polnear():
    """On PolNeAR's tune half every missed cue, false alarm and found cue gets one class, and
    the classes add up to the cue Score of evaluate()."""
    path = shared_data("polnear", "train.jsonl")
    articles = bench.load_polnear(path)
    an = bench.analyzer()
    cases = bench.classify(articles, an)
    cue = bench.evaluate(articles, an)["tune"][1]
    for key, names, total in (("miss", bench.MISS_CAUSES, cue.fn),
                              ("false", bench.FALSE_CAUSES, cue.fp),
                              ("speaker", bench.SPEAKER_CAUSES, cue.tp)):
        counts = collections.Counter(c.cause for c in cases[key])
        assert set(counts) <= {name for name, _ in names}, key
        assert sum(counts.values()) == total, key
    assert cue.fn > 3000  # the tune half has thousands of misses, not a handful
