"""The team's case sets (tests/data) as regression tests: every news segmentation case, the
pySBD golden rules (when ../shared/data is present), voice accuracy on the labelled set, the
labelled headlines and reported speech on PolNeAR's training split. benchmarks/segmentation.py
and benchmarks/voice.py report the same figures against peers."""
# SPDX-License-Identifier: MIT
import json
import subprocess
import sys

import pytest

import framelens as fl

from common import REPO, benchmark_module, shared_data

DATA = REPO / "tests" / "data"
GOLDEN = ("sbd_golden_rules", "golden_rules_en.jsonl")


def voice_benchmark():
    """benchmarks/voice.py as a module."""
    return benchmark_module("voice.py", "voice_benchmark")


def load(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


NEWS = load(DATA / "segmentation_news.jsonl")


def test_there_are_at_least_80_news_cases():
    assert len(NEWS) >= 80


@pytest.mark.parametrize("case", NEWS, ids=[c["id"] for c in NEWS])
def test_news_segmentation_case(case):
    got = [s.strip() for s in fl.split_sentences(case["text"])]
    assert got == case["expected"], case["rule"]


def test_golden_rules_at_least_47_of_48():
    rules = load(shared_data(*GOLDEN))
    failed = [r["rule_id"] for r in rules
              if [s.strip() for s in fl.split_sentences(r["text"])] != r["expected"]]
    assert len(rules) == 48
    assert len(failed) <= 1, f"failing golden rules: {failed}"
    assert set(failed) <= {18}, f"rule 18 is the only known failure, not {failed}"


VOICE = load(DATA / "voice_sentences.jsonl")


def _voice_of(case, analyzer):
    text, term, occ = case["text"], case["term"], case.get("occurrence", 1)
    at = -1
    for _ in range(occ):  # terms are written as in the text, up to case
        at = text.lower().find(term.lower(), at + 1)
    assert at >= 0, case["id"]
    doc = analyzer.analyze(text)
    hits = [m for m in doc.matches if m.start <= at < m.end]
    return hits[0].voice if hits else None


def test_voice_accuracy_is_at_least_95_percent():
    assert len(VOICE) >= 80
    assert {c["voice"] for c in VOICE} == {"author", "quoted", "attributed"}
    terms = {}
    for c in VOICE:
        terms.setdefault(fl._core.fold(c["term"]), c["term"])
    lex = fl.Lexicon.from_dict({"terms": [{"term": t, "category": "x"}
                                          for t in terms.values()]})
    an = fl.Analyzer(lex)
    wrong = [(c["id"], c["voice"], _voice_of(c, an)) for c in VOICE
             if _voice_of(c, an) != c["voice"]]
    accuracy = 1 - len(wrong) / len(VOICE)
    assert accuracy >= 0.95, f"voice accuracy {accuracy:.1%}; wrong: {wrong}"


def test_cue_table_index_is_up_to_date():
    """CUE_SLOTS in csrc/cues.c is generated from the word table: regenerated after every
    edit (tools/gen_cue_slots.py)."""
    run = subprocess.run([sys.executable, str(REPO / "tools" / "gen_cue_slots.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


HEADLINE_LABELS = DATA / "headline_voice.jsonl"


def test_headline_labels_are_row_keys_not_texts():
    labels = load(HEADLINE_LABELS)
    assert len(labels) >= 150
    assert {lab["outlet"] for lab in labels} == {"Sputnik", "The Kyiv Independent"}
    assert {lab["prefix"] for lab in labels} == {"speaker", "section", "kicker", "none"}
    for lab in labels:
        assert set(lab) == {"row", "outlet", "title_sha256", "words", "part", "prefix",
                            "prefix_words", "tokens", "note"}, lab
        assert all(v in ("author", "quoted", "attributed") for _, v in lab["tokens"])


def test_headline_voices_at_least_95_percent_and_section_labels_never_attributed():
    bench = voice_benchmark()
    shared_data(bench.HEADLINES_PATH)
    results = bench.evaluate_headlines()
    heads, _tokens = bench.headline_accuracy(results)
    wrong = [(lab["row"], w) for lab, _v, w in results if w]
    assert heads >= 0.95, f"headline accuracy {heads:.1%}; wrong: {wrong}"
    assert bench.section_labels_attributed(results) == []
    # every word of every section label, in all headlines, is the outlet's own
    rows = bench.load_headlines()
    an = bench.word_analyzer(r["title"] for r in rows[:400])
    for r in rows[:400]:
        t = r["title"]
        for label in ("Ukraine war latest:", "LIVE UPDATES:", "Watch:", "WATCH:", "Video:",
                      "Opinion:", "Explainer:", "Investigation:", "Exclusive:"):
            if t.startswith(label):
                n = len(label.split())
                assert all(v == "author" for v in bench.word_voices(t, an)[:n]), t


def test_reported_speech_on_polnear_at_least_085():
    bench = voice_benchmark()
    shared_data(bench.POLNEAR_PATH)
    by_part, _ = bench.evaluate_polnear(bench.load_polnear())
    whole = bench.Tally()
    for part in bench.PARTS:
        whole += by_part[part]
    f1 = whole.scores()["f1"]
    assert f1 >= 0.85, f"token F1 of reported speech {f1:.4f} on the training split"
    # quotation marks alone score far lower: the rules, not the quotes, carry it
    assert whole.scores(("quoted",))["f1"] < 0.7
