"""table_text.write_csv against pandas' to_csv, which it must equal character for character: on
the tables `framelens analyze` and `compare` write (of others' news, PolNeAR, and of the demo
corpus through the CLI), on random tables of every column kind it renders, with the
characters the csv module quotes, and where it leaves the table to pandas."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framelens as fl
from framelens import table_text

from common import DEMO_CORPUS, PYDIR, shared_data


def pandas_text(df: pd.DataFrame, header: bool = True) -> str:
    buf = io.StringIO()
    df.to_csv(buf, index=False, header=header)
    return buf.getvalue()


def fast_text(df: pd.DataFrame, header: bool = True) -> str:
    buf = io.StringIO()
    table_text.write_csv(df, buf, header=header)
    return buf.getvalue()


def fast_file(df: pd.DataFrame, path, header: bool = True, binary: bool = False) -> bytes:
    """Through a file, between lines written before and after: a UTF-8 text file opened
    with newline="" (pandas' advice), or a binary one (the CLI's)."""
    if binary:
        with open(path, "wb") as fb:
            fb.write(b"before\n")
            table_text.write_csv(df, fb, header=header)
            fb.write(b"after\n")
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("before\n")
            table_text.write_csv(df, f, header=header)
            f.write("after\n")
    return path.read_bytes()


def reference_jsonl(df: pd.DataFrame) -> str:
    buf = io.StringIO()
    table_text.write_jsonl_rows(df, buf)
    return buf.getvalue()


def fast_jsonl(df: pd.DataFrame, path=None) -> str:
    """write_jsonl's text, through a text buffer, or through a binary file at path."""
    if path is None:
        buf = io.StringIO()
        table_text.write_jsonl(df, buf)
        return buf.getvalue()
    with open(path, "wb") as f:
        table_text.write_jsonl(df, f)
    return path.read_bytes().decode("utf-8")


def assert_as_pandas(df: pd.DataFrame, tmp_path, rendered: bool = True) -> None:
    """write_csv gives pandas' text, through a text buffer and through text and binary
    files (with and without the header); rendered: by its own columns, not by handing df
    to pandas."""
    want = pandas_text(df)
    assert fast_text(df) == want
    assert fast_text(df, header=False) == pandas_text(df, header=False)
    for binary in (False, True):
        got = fast_file(df, tmp_path / "t.csv", binary=binary)
        assert got == ("before\n" + want + "after\n").encode("utf-8")
        got = fast_file(df, tmp_path / "t.csv", header=False, binary=binary)
        assert got == ("before\n" + pandas_text(df, header=False) + "after\n").encode("utf-8")
    assert (table_text._csv_body(df) is not None) == rendered


def assert_as_json_dumps(df: pd.DataFrame, tmp_path, rendered: bool = True) -> None:
    want = reference_jsonl(df)
    assert fast_jsonl(df) == want
    assert fast_jsonl(df, tmp_path / "t.jsonl") == want
    # dates become their text first (write_jsonl does so before rendering)
    assert (table_text._jsonl_body(table_text._dates_as_text(df)) is not None) == rendered
    for line in want.splitlines():
        json.loads(line)


def test_quoting_rule_is_the_csv_modules():
    # asked of the csv module: the delimiter, the quote and the line terminator's "\n"
    # (this Python leaves "\r" unquoted when the terminator is "\n": the probe follows it)
    assert {",", '"', "\n"} <= set(table_text._QUOTING_CHARS)
    assert not set(table_text._QUOTING_CHARS) - set(',"\n\r')


def test_polnear_tables_as_pandas_writes_them(tmp_path):
    """Every table `analyze` and `compare` write, of others' news: PolNeAR's 840 articles
    with a bundled lexicon (sentences with commas and quotes in their text, speakers,
    nullable offsets, categories, weights, p-values)."""
    path = shared_data("polnear", "train.jsonl")
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    an = fl.Analyzer(fl.load_lexicon("loaded-language"))
    corpus = an.analyze_corpus(records, group="publisher", threads=2)
    comparison = corpus.compare()
    tables = {
        "matches": corpus.match_table(),
        "matches with text": corpus.match_table(text=True),
        "sentences with text": corpus.sentence_table(text=True),
        "attributions": corpus.attributions,
        "terms": comparison.terms,
        "categories": comparison.categories,
    }
    for name, df in tables.items():
        assert len(df) > 5, name
        assert_as_pandas(df, tmp_path)
        assert_as_json_dumps(df, tmp_path)
    quoted = fast_text(tables["sentences with text"])
    assert '""' in quoted and '",' in quoted  # quotes doubled, fields with commas quoted


def test_cli_tables_equal_pandas(tmp_path):
    """`framelens analyze` writes what pandas' to_csv of the same table writes."""
    with open(DEMO_CORPUS, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    an = fl.Analyzer(fl.load_lexicon("conflict-demo"))
    # --with-text: every sentence's text for the sentence table
    corpus = an.analyze_corpus(records, group="outlet", texts="all")
    env_path = str(PYDIR)
    for table, want in (("matches", corpus.match_table(text=True)),
                        ("sentences", corpus.sentence_table(text=True)),
                        ("attributions", corpus.attributions)):
        out = tmp_path / f"{table}.csv"
        subprocess.run([sys.executable, "-m", "framelens", "analyze", DEMO_CORPUS,
                        "--lexicon", "conflict-demo", "--table", table, "--with-text",
                        "--threads", "1", "-o", str(out)], check=True,
                       env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
                       capture_output=True)
        assert out.read_text(encoding="utf-8") == pandas_text(want), table
    out = tmp_path / "sentences.jsonl"
    subprocess.run([sys.executable, "-m", "framelens", "analyze", DEMO_CORPUS,
                    "--lexicon", "conflict-demo", "--table", "sentences", "--with-text",
                    "-o", str(out)], check=True,
                   env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"}, capture_output=True)
    assert out.read_text(encoding="utf-8") == reference_jsonl(corpus.sentence_table(text=True))


TEXTS = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t\'\\/é—“”\x00\x01\x1f\x7f') +
                                         ["\u2028", "Ж", "😀", "\x08", "\x0c"]), max_size=8)
FLOATS = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [0.0, -0.0, 1.0, 0.1, 1e-5, 1e16, 123456789.125, 5e-324])


@st.composite
def tables(draw):
    n = draw(st.integers(0, 12))
    cols = {}
    kinds = draw(st.lists(st.sampled_from(
        ["int", "float", "bool", "str", "str?", "object", "category", "Int64"]),
        min_size=2, max_size=6))
    for j, kind in enumerate(kinds):
        name = draw(st.sampled_from(["a", "b,c", 'q"', "x y", "ü"])) + str(j)
        if kind == "int":
            col = pd.Series(draw(st.lists(st.integers(-2**63, 2**63 - 1), min_size=n,
                                          max_size=n)), dtype="int64")
        elif kind == "float":
            col = pd.Series(draw(st.lists(FLOATS, min_size=n, max_size=n)), dtype="float64")
        elif kind == "bool":
            col = pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool)
        elif kind in ("str", "str?"):
            values = draw(st.lists(TEXTS | st.none() if kind == "str?" else TEXTS,
                                   min_size=n, max_size=n))
            col = pd.Series(values, dtype=pd.StringDtype())
        elif kind == "object":
            col = pd.Series(draw(st.lists(TEXTS | st.none(), min_size=n, max_size=n)),
                            dtype=object)
        elif kind == "category":
            cats = draw(st.lists(TEXTS, unique=True, max_size=5))
            values = draw(st.lists(st.sampled_from(cats) | st.none() if cats else st.none(),
                                   min_size=n, max_size=n))
            col = pd.Series(pd.Categorical(values, categories=cats))
        else:
            values = draw(st.lists(st.integers(-2**63, 2**63 - 1) | st.none(), min_size=n,
                                   max_size=n))
            col = pd.Series(values, dtype="Int64")
        cols[name] = col
    return pd.DataFrame(cols)


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tables())
def test_random_tables_as_pandas_writes_them(df):
    assert fast_text(df) == pandas_text(df)
    assert table_text._csv_body(df) is not None
    assert fast_text(df, header=False) == pandas_text(df, header=False)


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tables())
def test_random_tables_as_json_dumps_writes_them(df):
    assert fast_jsonl(df) == reference_jsonl(df)
    assert table_text._jsonl_body(df) is not None


def test_floats_are_pandas_own_texts(tmp_path):
    values = [1.0, 0.5, 1e-5, 1e16, -0.0, math.nan, math.inf, -math.inf, 0.1 + 0.2, 5e-324]
    df = pd.DataFrame({"w": values, "w32": np.array(values, dtype=np.float32),
                       "b": [i % 2 == 0 for i in range(len(values))]})
    assert_as_pandas(df, tmp_path)
    assert_as_json_dumps(df, tmp_path)
    assert '"w": null' in fast_jsonl(df) and '"w": -0.0' in fast_jsonl(df)
    assert "1e-05" in fast_text(df) and "0.30000000000000004" in fast_text(df)


@pytest.mark.parametrize("df", [
    pd.DataFrame({"only": ["", "a"]}),  # a lone empty field is quoted
    pd.DataFrame({"d": pd.to_datetime(["2020-01-01", None]), "x": [1, 2]}),
    pd.DataFrame({"o": [1, "a"], "x": [1, 2]}),  # an object column of mixed values
    pd.DataFrame({"f": pd.array([1.5, None], dtype="Float64"), "x": [1, 2]}),
    pd.DataFrame({"c": pd.Categorical([1, 2]), "x": [1, 2]}),  # categories no strings
    pd.DataFrame([[1, 2]], columns=["a", "a"]),
    pd.DataFrame([[1, 2]], columns=[0, 1]),
], ids=["one column", "dates", "mixed objects", "Float64", "int categories",
        "twice the same name", "int names"])
def test_what_pandas_writes_itself(df, tmp_path):
    assert_as_pandas(df, tmp_path, rendered=False)


@pytest.mark.parametrize("df", [
    pd.DataFrame({"o": [1, "a"], "x": [1, 2]}),
    pd.DataFrame({"f": pd.array([1.5, None], dtype="Float64"), "x": [1, 2]}),
    pd.DataFrame({"c": pd.Categorical([1, 2]), "x": [1, 2]}),
    pd.DataFrame([[1, 2]], columns=["a", "a"]),
    pd.DataFrame([[1, 2]], columns=[0, 1]),
], ids=["mixed objects", "Float64", "int categories", "twice the same name", "int names"])
def test_what_json_dumps_writes_itself(df, tmp_path):
    assert_as_json_dumps(df, tmp_path, rendered=False)


def test_empty_and_no_rows(tmp_path):
    df = pd.DataFrame({"a": pd.Series([], dtype="int64"), "b": pd.Series([], dtype=str)})
    assert_as_pandas(df, tmp_path)
    assert fast_text(df) == "a,b\n"
    assert_as_json_dumps(df, tmp_path)
    assert fast_jsonl(df) == ""
    one = pd.DataFrame({"only": ["", None, 'a"b']})  # one column: JSON has no CSV's quirk
    assert_as_json_dumps(one, tmp_path)


def test_lone_surrogate_raises_as_pandas_does(tmp_path):
    df = pd.DataFrame({"s": ["ok", "bad \ud800"], "x": [1, 2]}, dtype=object)
    with pytest.raises(UnicodeEncodeError):
        df.to_csv(tmp_path / "p.csv", index=False)
    with open(tmp_path / "f.csv", "w", encoding="utf-8", newline="") as f:
        with pytest.raises(UnicodeEncodeError):
            table_text.write_csv(df, f)
    with open(tmp_path / "b.csv", "wb") as fb:
        with pytest.raises(UnicodeEncodeError):
            table_text.write_csv(df, fb)
    with open(tmp_path / "b.jsonl", "wb") as fb:
        with pytest.raises(UnicodeEncodeError):
            table_text.write_jsonl(df, fb)


def test_kept_fields_across_tables(tmp_path, monkeypatch):
    """The floats' and categories' fields a format keeps from call to call: a category dtype
    shared by several tables, floats past the kept limit (the store starts over)."""
    monkeypatch.setattr(table_text, "_FLOAT_FIELDS_MAX", 3)
    monkeypatch.setattr(table_text, "_CATEGORY_FIELDS_MAX", 2)
    shared = pd.CategoricalDtype(["a,b", 'say "x"', "plain"])
    rng = np.random.default_rng(7)
    for k in range(6):
        n = 5 + k
        df = pd.DataFrame({
            "c": pd.Categorical(rng.choice(["a,b", 'say "x"', "plain"], n), dtype=shared),
            "own": pd.Categorical(rng.choice([f"x{k}", f"y{k}"], n)),
            "f": rng.choice([0.5, 1.0, -0.0, math.nan, 1e-5, float(k)], n),
            "g": rng.normal(size=n).astype(np.float32)})
        assert_as_pandas(df, tmp_path)
        assert_as_json_dumps(df, tmp_path)


def test_dates_in_json_lines_as_the_csv_writes_them(tmp_path):
    """JSON has no dates: a column of dates, times, durations or periods is the CSV's text
    (json.dumps raised TypeError on a Timestamp before), a missing one null; an object json
    cannot write is its str, as in the CSV."""
    import datetime
    df = pd.DataFrame({
        "day": pd.to_datetime(["2024-01-05", None, "2024-02-29"]),
        "at": pd.to_datetime(["2024-01-05 10:30", "2024-01-06 00:00", None]),
        "utc": pd.to_datetime(["2024-01-05 10:30", None, "2024-03-01 00:00"], utc=True),
        "month": pd.Series(pd.PeriodIndex(["2024-01", None, "2024-03"], freq="M")),
        "took": pd.to_timedelta(["1 day", None, "2 hours"]),
        "obj": pd.Series([datetime.date(2024, 1, 5), None, "x"], dtype=object),
        "n": [1, 2, 3]})
    assert_as_json_dumps(df.drop(columns="obj"), tmp_path)
    assert_as_json_dumps(df, tmp_path, rendered=False)  # a date object: json.dumps' default
    rows = [json.loads(line) for line in fast_jsonl(df).splitlines()]
    csv_rows = list(csv.DictReader(io.StringIO(pandas_text(df))))
    for row, csv_row in zip(rows, csv_rows, strict=True):
        for name in df.columns:
            want = csv_row[name]
            assert row[name] == (None if want == "" else int(want) if name == "n" else want)
    assert rows[0]["day"] == "2024-01-05" and rows[1]["day"] is None


def test_cli_json_lines_with_dates(tmp_path):
    """`framelens analyze --date FIELD -o OUT.jsonl` (a TypeError before): each row's date
    and period as in the CSV."""
    out = {}
    for ext in ("csv", "jsonl"):
        out[ext] = tmp_path / f"m.{ext}"
        subprocess.run([sys.executable, "-m", "framelens", "analyze", DEMO_CORPUS,
                        "--lexicon", "conflict-demo", "--date", "date", "--period", "M",
                        "-o", str(out[ext])], check=True,
                       env={"PYTHONPATH": str(PYDIR), "PATH": "/usr/bin:/bin"},
                       capture_output=True)
    rows = [json.loads(line) for line in out["jsonl"].read_text(encoding="utf-8").splitlines()]
    with open(out["csv"], encoding="utf-8", newline="") as f:
        csv_rows = list(csv.DictReader(f))
    assert len(rows) == len(csv_rows) > 10
    assert [r["date"] for r in rows] == [r["date"] for r in csv_rows]
    assert [r["period"] for r in rows] == [r["period"] for r in csv_rows]
    assert rows[0]["date"] == "2024-01-05"


def test_written_in_pieces(tmp_path, monkeypatch):
    """A table longer than a piece is rendered a piece at a time (its text never whole), the
    same text; an object column whose later piece holds no str has that piece written by
    the reference, cell by cell as it writes them; a date column goes whole to pandas."""
    monkeypatch.setattr(table_text, "_CHUNK_ROWS", 4)
    rng = np.random.default_rng(3)
    n = 11
    df = pd.DataFrame({"s": [f"a,{i}" if i % 3 else 'q"' for i in range(n)],
                       "f": rng.choice([0.5, math.nan, 2.0], n),
                       "c": pd.Categorical(rng.choice(["x", "y,z"], n)),
                       "i": np.arange(n)})
    assert_as_pandas(df, tmp_path)
    assert_as_json_dumps(df, tmp_path)
    mixed = df.assign(o=pd.Series(["t"] * 8 + [1, None, 2.5], dtype=object))
    assert fast_text(mixed) == pandas_text(mixed)
    assert fast_jsonl(mixed) == reference_jsonl(mixed)
    dated = df.assign(d=pd.to_datetime(["2024-01-05 00:00"] * 10 + ["2024-01-06 10:30"]))
    assert fast_text(dated) == pandas_text(dated)
    assert "2024-01-05 00:00:00" in fast_text(dated)  # the column's format, not a piece's
    assert fast_jsonl(dated) == reference_jsonl(dated)
    empty = df.iloc[:0]
    assert fast_text(empty) == pandas_text(empty) == "s,f,c,i\n"
