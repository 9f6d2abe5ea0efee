"""benchmarks/bench_anchors.py --strict: what counts as a failure on framelens's side of a run
(CI's smoke run exits non-zero on it), on hand-made results and a stage binary that fails."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from pathlib import Path

from common import benchmark_module

ba = benchmark_module("bench_anchors.py", "bench_anchors")


def ok_run(matches: int) -> dict:
    return {"matches": matches, "wall": 1.0, "cpu": 1.0}


def good_results() -> dict:
    return {100: {"framelens-1": ok_run(7), "framelens-n": ok_run(7),
                  "framelens-analyze": ok_run(7), "pyahocorasick": ok_run(9)}}


def test_a_clean_run_has_no_failures():
    scale = {"mb": 1.0, "dask1_same": True, "dask2_same": True}
    assert ba.framelens_failures(good_results(), {100: {"fl_analyze (all)": 40.0}}, [scale],
                                 {"terms": 10}, {"mb": 1.0}) == []


def test_peers_missing_or_failing_are_not_framelens_failures():
    results = good_results()
    results[100]["spacy"] = {"tool": "spacy", "error": "not installed (spacy)"}
    results[100]["hyperscan"] = {"tool": "hyperscan", "error": "failed: boom"}
    scale = {"mb": 1.0, "dask_error": "distributed is not installed"}
    assert ba.framelens_failures(results, {}, [scale], None, None) == []


def test_each_failure_on_framelens_side_is_named():
    results = good_results()
    results[100]["framelens-n"] = {"tool": "framelens-n", "error": "failed: Segmentation fault"}
    results[10000] = {"framelens-1": ok_run(5), "framelens-1-all": ok_run(6)}
    stages = {100: {"error": "stages failed on lexicon-100.json: exit status 1"},
              10000: {"fl_analyze (all)": 40.0,
                      "error (matched)": "stages failed on lexicon-10000.json: abort"}}
    scales = [{"mb": 1.0, "dask1_same": True, "dask2_same": False},
              {"error": "took longer than 5 s"}]
    got = ba.framelens_failures(results, stages, scales, {"error": "failed: MemoryError"},
                                {"mb": 20.0, "error": "failed: killed"})
    assert got[0] == "framelens-n, 100 terms: failed: Segmentation fault"
    assert "different numbers of matches: framelens-1 5, framelens-1-all 6" in got[1]
    assert got[2] == "stages, 100 terms: stages failed on lexicon-100.json: exit status 1"
    assert got[3] == "stages, 10,000 terms: stages failed on lexicon-10000.json: abort"
    assert got[4] == "scale-out, 1.0 MB: Dask's counts differ from analyze_corpus's"
    assert got[5] == "scale-out: took longer than 5 s"
    assert got[6:] == ["lexicon build: failed: MemoryError", "memory: failed: killed"]


def test_a_stage_binary_that_fails_is_an_error_not_an_empty_table(tmp_path: Path):
    lexicon = tmp_path / "lexicon-100.json"
    lexicon.write_text("{}", encoding="utf-8")
    got = ba.run_stages("/bin/false", tmp_path / "corpus.jsonl", lexicon, 1)
    assert list(got) == ["error"]
    assert got["error"] == "false failed on lexicon-100.json: exit status 1"
    matched = ba.run_stages("/bin/false", tmp_path / "corpus.jsonl", lexicon, 1, True)
    assert matched["error"] == ("false --matched-attributions failed on lexicon-100.json: "
                                "exit status 1")
    rows = ba.stage_summary({100: got}, [100])
    assert all(line.endswith("— |") for line in rows[2:])


def test_first_pass_summary_sets_the_first_pass_beside_the_c_time_and_the_second_pass():
    fl1 = {"bytes": 16_000_000, "cpu": 0.115, "second_cpu": 0.100, "first_faults": 5157}
    results = {1000: {"framelens-1": fl1,
                      "pyahocorasick": {"cpu": 0.480},
                      "flashtext": {"error": "not installed (flashtext)"},
                      "spacy": {"cpu": 3.6}},
               100: {"framelens-1": {"bytes": 16_000_000, "cpu": 0.1}}}  # an older result
    stages = {1000: {"fl_analyze_batch 1 thread MB/s (matched)": 200.0}}
    rows = ba.first_pass_summary(results, stages, [100, 1000])
    # what each target allows: 480 ms / 5, 3,600 ms / 30; a peer that failed gives none
    assert rows[-1] == ("| 1,000 | 115 | 80 | 5,157 | 100 (160 MB/s) | "
                        "4.8× pyahocorasick pipeline, 36.0× spaCy PhraseMatcher | "
                        "96.0 (5× pyahocorasick pipeline), "
                        "120.0 (30× spaCy PhraseMatcher) |")
    assert len(rows) == 5  # the words, a blank line, the head, its rule, the one row
    # without the stage binary's table the C time is unknown, not made up
    assert ba.first_pass_summary(results, {}, [1000])[-1].startswith("| 1,000 | 115 | — |")
    assert ba.first_pass_summary({100: results[100]}, stages, [100]) == []
    # the targets are judged at 1,000 terms: another size gets no allowance, only its ratios
    other = {10_000: {"framelens-1": fl1, "pyahocorasick": {"cpu": 0.480}}}
    assert ba.first_pass_summary(other, {}, [10_000])[-1].endswith(
        "| 4.8× pyahocorasick pipeline | — |")


def test_a_time_of_zero_gives_no_speed_not_a_division_by_zero():
    fl1 = {"bytes": 16_000_000, "wall": 0.1, "cpu": 0.1}
    results = {1000: {"framelens-1": fl1,
                      "pyahocorasick": {"bytes": 16_000_000, "wall": 0.0, "cpu": 0.0}}}
    assert ba._speed(results[1000]["pyahocorasick"], "cpu") is None
    assert ba._speed(fl1, "cpu") == 160.0
    held, _, measured = next(t for t in ba.check_targets(results, [1000], 2, 2)
                             if "pyahocorasick" in t[1])
    assert (held, measured) == (None, "not run")
