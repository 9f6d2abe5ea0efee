"""The command line (issue 4, item 5): ``framelens analyze`` and ``framelens compare`` run as
``python -m framelens`` on JSONL, CSV, Parquet and folders of .txt files."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from typing import List

import pandas as pd
import pytest

import framelens as fl

import common
from common import CONFLICT_LEXICON, PYDIR

LEXICON = CONFLICT_LEXICON
SNIPPETS = [
    "The Kiev regime said the aggression continued.",
    "Kyiv's mayor spoke on Monday.",
    "\u201cKiev is lying,\u201d the DPR said. Émigrés in Kyiv disagreed.",
    "Nothing here at all.",
    "Kyiv 🇺🇦 and Kiev, side by side; aggressors everywhere.",
]
MATCH_COLS = ["doc_id", "group", "sentence", "term", "category", "start", "end", "surface",
              "voice", "weight"]


def make_records(n: int = 60, seed: int = 0) -> List[dict]:
    return common.make_records(n, seed, SNIPPETS)


def run(*args: str, stdin=None, stderr=subprocess.PIPE, timeout: float = 120
        ) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PYDIR), env.get("PYTHONPATH")]))
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "framelens", *args], stdout=subprocess.PIPE,
                          stderr=stderr, stdin=subprocess.DEVNULL, env=env, timeout=timeout,
                          text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    lex = d / "lexicon.json"
    lex.write_text(json.dumps(LEXICON, ensure_ascii=False), encoding="utf-8")
    recs = make_records()
    with open(d / "corpus.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pd.DataFrame(recs).to_csv(d / "corpus.csv", index=False)
    pd.DataFrame(recs).to_parquet(d / "corpus.parquet", index=False)
    folder = d / "folder"
    for r in recs:
        sub = folder / r["outlet"]
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    (folder / "RT" / "ignored.md").write_text("Kiev Kiev Kiev", encoding="utf-8")
    return d, recs


@pytest.fixture(scope="module")
def api_corpus(workdir):
    _, recs = workdir
    return fl.Analyzer(fl.Lexicon.from_dict(LEXICON)).analyze_corpus(recs, threads=1)


def read_table(path: str) -> pd.DataFrame:
    if path.endswith(".csv"):
        return pd.read_csv(path, keep_default_na=False, na_values=[""])
    if path.endswith(".jsonl"):
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


def normalise(df: pd.DataFrame, cols: List[str]) -> pd.DataFrame:
    out = pd.DataFrame({c: df[c].astype(str).tolist() if c in ("doc_id", "group", "term",
                                                              "category", "surface", "voice")
                        else pd.to_numeric(df[c]).tolist() for c in cols})
    return out.sort_values(cols[:3] + ["start"] if "start" in cols else cols[:3],
                           kind="stable").reset_index(drop=True)


# -- analyze -----------------------------------------------------------------------------------
@pytest.mark.parametrize("src", ["corpus.jsonl", "corpus.csv", "corpus.parquet"])
@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_analyze_formats(workdir, api_corpus, src, ext):
    d, _ = workdir
    out = str(d / f"out_{src.replace('.', '_')}{ext}")
    r = run("analyze", str(d / src), "--lexicon", str(d / "lexicon.json"), "-o", out,
            "--threads", "2")
    assert r.returncode == 0, r.stderr
    assert os.path.exists(out)
    got = normalise(read_table(out), MATCH_COLS)
    want = normalise(api_corpus.matches, MATCH_COLS)
    assert len(want) > 50
    pd.testing.assert_frame_equal(got, want)


def test_analyze_to_stdout_and_sentences_table(workdir, api_corpus, tmp_path):
    d, _ = workdir
    r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"))
    assert r.returncode == 0, r.stderr
    p = tmp_path / "stdout.csv"
    p.write_text(r.stdout, encoding="utf-8")
    pd.testing.assert_frame_equal(normalise(read_table(str(p)), MATCH_COLS),
                                  normalise(api_corpus.matches, MATCH_COLS))
    out = str(tmp_path / "sentences.parquet")
    r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"),
            "--table", "sentences", "-o", out)
    assert r.returncode == 0, r.stderr
    cols = ["doc_id", "group", "sentence", "start", "end", "n_tokens", "n_matches", "score"]
    pd.testing.assert_frame_equal(normalise(read_table(out), cols),
                                  normalise(api_corpus.sentences, cols))


def test_analyze_folder_of_txt(workdir, tmp_path):
    d, recs = workdir
    out = str(tmp_path / "folder.csv")
    r = run("analyze", str(d / "folder"), "--lexicon", str(d / "lexicon.json"), "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    # the group is the folder a file is in; only .txt files are read
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    expected = []
    for rec in recs:
        for m in an.analyze(rec["text"]).matches:
            expected.append((rec["outlet"], rec["id"], m.term, m.start, m.end))
    rows = []
    for g, doc_id, term, start, end in got[["group", "doc_id", "term", "start", "end"]] \
            .itertuples(index=False):
        base = os.path.splitext(os.path.basename(str(doc_id)))[0]
        assert os.path.basename(os.path.dirname(str(doc_id))) == g
        rows.append((g, base, term, int(start), int(end)))
    assert sorted(rows) == sorted(expected)


def test_compare_folder_groups_by_parent_folder(workdir, tmp_path):
    d, recs = workdir
    out = str(tmp_path / "cats.csv")
    r = run("compare", str(d / "folder"), "--lexicon", str(d / "lexicon.json"),
            "--table", "categories", "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    assert set(got["group"]) == {r_["outlet"] for r_ in recs}


# -- compare -----------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["terms", "categories", "contrasts"])
@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_compare_tables(workdir, api_corpus, table, ext, tmp_path):
    d, _ = workdir
    out = str(tmp_path / f"{table}{ext}")
    r = run("compare", str(d / "corpus.csv"), "--lexicon", str(d / "lexicon.json"),
            "--by", "outlet", "--table", table, "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    want = getattr(api_corpus.compare(), table)
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want) > 0
    for col in want.columns:
        if not pd.api.types.is_numeric_dtype(want[col]):
            assert got[col].astype(str).tolist() == want[col].astype(str).tolist(), col
        else:
            pd.testing.assert_series_equal(pd.to_numeric(got[col]).astype(float),
                                           want[col].astype(float), check_names=False,
                                           rtol=1e-12, atol=0, obj=col)


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_tiny_p_values_survive_the_output_file(workdir, tmp_path, ext):
    """A p-value of 2e-13 is a finding, not 0: every output format keeps the statistics at
    full precision."""
    d, _ = workdir
    p = tmp_path / "skewed.jsonl"
    recs = [{"id": i, "outlet": "A" if i % 2 else "B",
             "text": "Kiev said this. " if i % 2 else "Kyiv said that, and more words here."}
            for i in range(40)]
    with open(p, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec) + "\n")
    out = str(tmp_path / f"t{ext}")
    r = run("compare", str(p), "--lexicon", str(d / "lexicon.json"), "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    want = fl.Analyzer(fl.Lexicon.from_dict(LEXICON)).analyze_corpus(recs, threads=1) \
        .compare().terms
    assert ((want["p"] > 1e-14) & (want["p"] < 1e-11)).any()
    assert (got["p"] > 0).all(), f"p-values written as 0: {got['p'].tolist()}"
    for col in ("log_odds", "z", "g2", "p", "p_adj"):
        pd.testing.assert_series_equal(got[col].astype(float), want[col].astype(float),
                                       check_names=False, rtol=1e-12, atol=0, obj=col)


def test_compare_voice_and_alpha0(workdir, api_corpus, tmp_path):
    d, _ = workdir
    out = str(tmp_path / "t.csv")
    r = run("compare", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"),
            "--voice", "author", "--alpha0", "10", "-o", out)
    assert r.returncode == 0, r.stderr
    want = api_corpus.compare(alpha0=10.0, voice="author").terms
    got = read_table(out)
    pd.testing.assert_series_equal(got["z"].astype(float), want["z"].astype(float),
                                   check_names=False, rtol=1e-12)


def test_compare_html_report(workdir, tmp_path):
    d, recs = workdir
    out = str(tmp_path / "report.html")
    r = run("compare", str(d / "corpus.parquet"), "--lexicon", str(d / "lexicon.json"),
            "-o", out)
    assert r.returncode == 0, r.stderr
    with open(out, encoding="utf-8") as f:
        page = f.read()
    assert page.lstrip().lower().startswith(("<!doctype html", "<html"))
    assert "<table" in page
    for g in {r_["outlet"] for r_ in recs}:
        assert g in page
    for t in ("Kiev", "Kyiv", "capital"):
        assert t in page


def test_compare_prints_all_tables_without_output(workdir):
    d, _ = workdir
    r = run("compare", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"))
    assert r.returncode == 0, r.stderr
    for name in ("terms", "categories", "contrasts"):
        assert name in r.stdout
    assert "Kyiv Independent" in r.stdout


def test_compare_by_another_field(workdir, tmp_path):
    d, recs = workdir
    p = tmp_path / "paper.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps({"paper": rec["outlet"], "body": rec["text"]}) + "\n")
    out = str(tmp_path / "c.csv")
    r = run("compare", str(p), "--lexicon", str(d / "lexicon.json"), "--by", "paper",
            "--text-field", "body", "--table", "contrasts", "-o", out)
    assert r.returncode == 0, r.stderr
    assert set(read_table(out)["group"]) == {rec["outlet"] for rec in recs}


# -- errors ------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["analyze", "compare"])
def test_wrong_text_field_lists_fields(workdir, command):
    d, _ = workdir
    r = run(command, str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"),
            "--text-field", "body")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "body" in r.stderr
    for field in ("id", "text", "outlet"):
        assert field in r.stderr.split("body", 1)[1], r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("src", ["corpus.csv", "corpus.parquet"])
def test_wrong_group_field_lists_fields(workdir, src):
    d, _ = workdir
    r = run("compare", str(d / src), "--lexicon", str(d / "lexicon.json"), "--by", "paper")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "paper" in r.stderr and "outlet" in r.stderr and "text" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [("analyze", "--threads", "0"), ("analyze", "--threads", "999"),
                                  ("compare", "--bootstrap", "-5"), ("compare", "--alpha0", "0"),
                                  ("compare", "--alpha0", "nan")],
                         ids=["threads0", "threads999", "bootstrap-5", "alpha0-0", "alpha0-nan"])
def test_bad_option_values_are_usage_errors(workdir, args):
    """A bad option value is a usage error: exit code 2 and one line naming the option, not
    a Python traceback."""
    d, _ = workdir
    command, *rest = args
    r = run(command, str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"), *rest)
    assert r.returncode == 2, (r.returncode, r.stderr[-500:])
    assert "Traceback" not in r.stderr
    assert rest[0].lstrip("-") in r.stderr


def test_missing_input_file(workdir, tmp_path):
    d, _ = workdir
    missing = str(tmp_path / "nope.jsonl")
    for command in ("analyze", "compare"):
        r = run(command, missing, "--lexicon", str(d / "lexicon.json"))
        assert r.returncode == 2, (r.returncode, r.stderr)
        assert missing in r.stderr
        assert "no such file" in r.stderr.lower()
        assert "Traceback" not in r.stderr


def test_missing_lexicon(workdir, tmp_path):
    d, _ = workdir
    r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(tmp_path / "none.json"))
    assert r.returncode == 2 and "none.json" in r.stderr and "Traceback" not in r.stderr


def test_bad_lexicon_is_reported(workdir, tmp_path):
    d, _ = workdir
    bad = tmp_path / "bad.json"
    bad.write_text('{"terms": [{"term": "x", "category": "c", "weight": "heavy"}]}')
    r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(bad))
    assert r.returncode == 2 and "bad.json" in r.stderr and "weight" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_output_format(workdir, tmp_path):
    d, _ = workdir
    r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"),
            "-o", str(tmp_path / "out.xlsx"))
    assert r.returncode == 2 and "xlsx" in r.stderr and "Traceback" not in r.stderr


def test_invalid_record_exits_2_and_skip_invalid(workdir, tmp_path):
    d, recs = workdir
    p = tmp_path / "bad.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for i, rec in enumerate(recs[:10]):
            f.write(json.dumps(rec if i != 4 else {"id": "x", "text": None, "outlet": "RT"})
                    + "\n")
    r = run("analyze", str(p), "--lexicon", str(d / "lexicon.json"))
    assert r.returncode == 2 and "'x'" in r.stderr and "text" in r.stderr
    r = run("analyze", str(p), "--lexicon", str(d / "lexicon.json"), "--skip-invalid",
            "-o", str(tmp_path / "ok.csv"))
    assert r.returncode == 0, r.stderr
    assert "skipped 1" in r.stderr


def test_bad_json_line_names_the_line(workdir, tmp_path):
    d, recs = workdir
    p = tmp_path / "broken.jsonl"
    p.write_text(json.dumps(recs[0]) + "\n{not json\n", encoding="utf-8")
    r = run("analyze", str(p), "--lexicon", str(d / "lexicon.json"))
    assert r.returncode == 2 and "broken.jsonl:2" in r.stderr and "Traceback" not in r.stderr


# -- progress ----------------------------------------------------------------------------------
def test_no_progress_bar_when_stderr_is_not_a_terminal(workdir, tmp_path):
    d, _ = workdir
    for args in (("analyze", str(d / "corpus.jsonl"), "-o", str(tmp_path / "a.csv")),
                 ("compare", str(d / "corpus.jsonl"), "-o", str(tmp_path / "c.csv"))):
        r = run(*args, "--lexicon", str(d / "lexicon.json"))
        assert r.returncode == 0, r.stderr
        assert "\r" not in r.stderr
        assert "docs" not in r.stderr and "it/s" not in r.stderr and "%|" not in r.stderr
        for line in r.stderr.splitlines():
            assert line.startswith("framelens:"), repr(line)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(workdir, tmp_path):
    d, _ = workdir
    import fcntl
    import struct
    import termios
    master, slave = os.openpty()
    # a new pseudo-terminal is 0 x 0; give it a size as a real terminal has
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    chunks: List[bytes] = []

    def drain():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        r = run("analyze", str(d / "corpus.jsonl"), "--lexicon", str(d / "lexicon.json"),
                "-o", str(tmp_path / "p.csv"), stderr=slave)
    finally:
        os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    assert r.returncode == 0
    err = b"".join(chunks).decode("utf-8", "replace")
    assert "docs" in err or "it/s" in err, repr(err)


def test_streamed_parquet_takes_a_column_first_seen_empty(tmp_path):
    # a batch of the stream whose matches have no speaker comes first; a later one has one
    from framelens.cli import _TableWriter
    out = str(tmp_path / "m.parquet")
    w = _TableWriter(out)
    w.write(pd.DataFrame({"term": pd.Categorical(["Kiev"]),
                          "speaker": pd.Categorical([None], categories=[])}))
    w.write(pd.DataFrame({"term": pd.Categorical(["Kyiv", "Kiev"]),
                          "speaker": pd.Categorical(["Moscow", None])}))
    w.close()
    back = pd.read_parquet(out)
    assert back["term"].tolist() == ["Kiev", "Kyiv", "Kiev"]
    assert back["speaker"].isna().tolist() == [True, False, True]
    assert back["speaker"].iloc[1] == "Moscow"


def test_attribution_tables_count_every_attribution(workdir, tmp_path):
    """analyze and compare skip the attributions that hold no match only where nothing they
    write needs them: the attributions table and the cues keep every one."""
    d, _ = workdir
    recs = [{"id": "1", "outlet": "A", "text": "Officials said the talks would resume. "
                                               "\u201cThe Kiev regime failed,\u201d he said."},
            {"id": "2", "outlet": "B", "text": "The mayor thinks the bridge is safe. "
                                               "Kyiv said the aggression went on."}]
    src = tmp_path / "said.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    an = fl.Analyzer(fl.Lexicon.from_dict(LEXICON))
    every = an.analyze_corpus(recs, threads=1)
    assert len(every.attributions) > len(an.analyze_corpus(recs, attributions="matched")
                                         .attributions)
    out = str(tmp_path / "att.csv")
    r = run("analyze", str(src), "--lexicon", str(d / "lexicon.json"), "--table",
            "attributions", "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    assert got["cue"].astype(str).tolist() == every.attributions["cue"].astype(str).tolist()
    out = str(tmp_path / "cues.csv")
    r = run("compare", str(src), "--lexicon", str(d / "lexicon.json"), "--table", "cues",
            "-o", out)
    assert r.returncode == 0, r.stderr
    want = every.cue_table()
    got = read_table(out)
    assert int(got["count"].sum()) == int(want["count"].sum()) == len(every.attributions)
    out = str(tmp_path / "matches.csv")
    r = run("analyze", str(src), "--lexicon", str(d / "lexicon.json"), "-o", out)
    assert r.returncode == 0, r.stderr
    got = read_table(out)
    assert got["speaker"].astype(str).tolist() == \
        every.matches["speaker"].astype(object).astype(str).tolist()
