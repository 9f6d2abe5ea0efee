"""Corpus files are read strictly (issue 9, item 2): a problem is an error naming the file and
the line, never a silently merged or dropped record."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framelens.io import InputError, read_records

from common import REPO


def write(tmp_path, name: str, data) -> str:
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_bytes(data.encode("utf-8"))
    return str(p)


def test_a_good_csv_reads_every_row(tmp_path):
    p = write(tmp_path, "ok.csv", 'id,outlet,text\n1,A,"Kiev, said ""he"""\n\n2,B,"two\nlines"\n')
    assert list(read_records(p)) == [{"id": "1", "outlet": "A", "text": 'Kiev, said "he"'},
                                     {"id": "2", "outlet": "B", "text": "two\nlines"}]


def test_an_unclosed_quote_is_an_error_naming_the_line(tmp_path):
    """The reported bug: group B vanished into one field of record 1."""
    p = write(tmp_path, "unclosed.csv",
              'id,outlet,text\n1,A,"Kiev said\n2,B,Kyiv said\n3,B,more\n')
    with pytest.raises(InputError) as info:
        list(read_records(p))
    msg = str(info.value)
    assert msg.startswith(f"{p}:2:") and "never closed" in msg and "line 4" in msg


def test_wrong_number_of_fields(tmp_path):
    p = write(tmp_path, "fields.csv", "id,outlet,text\n1,A,Kiev\n2,B,Kyiv,extra\n")
    with pytest.raises(InputError, match=r"fields\.csv:3: 4 fields where the header has 3"):
        list(read_records(p))
    p = write(tmp_path, "short.tsv", "id\toutlet\ttext\n1\tA\n")
    with pytest.raises(InputError, match=r"short\.tsv:2: 2 fields where the header has 3"):
        list(read_records(p))


def test_wrong_separator_suggests_sep(tmp_path):
    p = write(tmp_path, "semi.csv", "id;outlet;text\n1;A;Kiev\n")
    recs = list(read_records(p, sep=";"))
    assert recs == [{"id": "1", "outlet": "A", "text": "Kiev"}]
    p = write(tmp_path, "semi2.csv", "id,outlet,text\n1;A;Kiev\n")
    with pytest.raises(InputError, match="--sep"):
        list(read_records(p))


def test_sep_reads_other_extensions_and_escapes(tmp_path):
    p = write(tmp_path, "pipes.txt", "id|outlet|text\n1|A|Kiev\n")
    assert list(read_records(p, sep="|"))[0]["text"] == "Kiev"
    p = write(tmp_path, "tabs.dat", "id\toutlet\ttext\n1\tA\tKiev\n")
    assert list(read_records(p, sep="\\t"))[0]["outlet"] == "A"
    with pytest.raises(ValueError, match="one character"):
        read_records(p, sep="ab")
    j = write(tmp_path, "x.jsonl", '{"text": "a"}\n')
    with pytest.raises(InputError, match="separator"):
        read_records(j, sep=",")


def test_a_quote_inside_a_field_and_no_quoting(tmp_path):
    p = write(tmp_path, "q.tsv", 'id\toutlet\ttext\n1\tA\tHe said "Kiev" twice\n')
    assert list(read_records(p))[0]["text"] == 'He said "Kiev" twice'
    p = write(tmp_path, "q2.tsv", 'id\toutlet\ttext\n1\tA\t"Kiev regime" shells town\n')
    with pytest.raises(InputError, match="--no-quoting"):
        list(read_records(p))
    assert list(read_records(p, quoting=False))[0]["text"] == '"Kiev regime" shells town'


def test_binary_and_non_utf8_files(tmp_path):
    p = write(tmp_path, "bin.csv", b"id,outlet,text\n1,A,\x00\x01\x02\x89PNG\n")
    with pytest.raises(InputError, match=r"bin\.csv:2: a NUL byte.*binary"):
        list(read_records(p))
    p = write(tmp_path, "latin1.csv", "id,outlet,text\n1,A,caf\u00e9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.csv:2:8: not valid UTF-8"):
        list(read_records(p))
    p = write(tmp_path, "bin.jsonl", b'{"text": "a"}\n\x00\x00')
    with pytest.raises(InputError, match=r"bin\.jsonl:2: a NUL byte"):
        list(read_records(p))
    folder = tmp_path / "folder" / "A"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(InputError, match=r"x\.txt:1:1: not valid UTF-8"):
        list(read_records(str(tmp_path / "folder")))


def test_header_problems(tmp_path):
    p = write(tmp_path, "dup.csv", "id,text,text\n1,a,b\n")
    with pytest.raises(InputError, match=r"dup\.csv:1: .*'text' twice"):
        list(read_records(p))
    p = write(tmp_path, "bom.csv", "\ufeffid,outlet,text\n1,A,Kiev\n")
    assert list(read_records(p)) == [{"id": "1", "outlet": "A", "text": "Kiev"}]


def test_json_array_and_jsonl(tmp_path):
    p = write(tmp_path, "arr.json", json.dumps([{"text": "a", "outlet": "A"},
                                                {"text": "b", "outlet": "B"}], indent=1))
    assert [r["text"] for r in read_records(p)] == ["a", "b"]
    p = write(tmp_path, "bad.json", '[{"text": "a"},\n 3]')
    with pytest.raises(InputError, match="item 1"):
        list(read_records(p))
    p = write(tmp_path, "l.jsonl", '{"text": "a"}\n\n{"text": "b"}\n[1]\n')
    with pytest.raises(InputError, match=r"l\.jsonl:4: expected a JSON object"):
        list(read_records(p))


def test_cli_reports_the_file_and_line(tmp_path):
    p = write(tmp_path, "unclosed.csv",
              'id,outlet,text\n1,A,"Kiev said\n2,B,Kyiv said\n3,B,more\n')
    r = subprocess.run([sys.executable, "-m", "framelens", "analyze", p, "--lexicon",
                        "conflict-demo"], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 2 and f"{p}:2:" in r.stderr and "Traceback" not in r.stderr
    p = write(tmp_path, "semi.csv", "id;outlet;text\n1;A;Kiev\n2;B;Kyiv\n")
    r = subprocess.run([sys.executable, "-m", "framelens", "analyze", p, "--lexicon",
                        "conflict-demo", "--sep", ";"], capture_output=True, text=True,
                       cwd=REPO)
    assert r.returncode == 0, r.stderr
    assert "Kiev" in r.stdout and "Kyiv" in r.stdout


def test_cli_carries_kept_fields_groups_by_several_keys_and_periods(tmp_path):
    import pandas as pd
    p = write(tmp_path, "c.csv",
              "id,outlet,year,date,url,text\n"
              "1,A,2023,2023-01-05,u1,Kiev said so.\n"
              "2,A,2024,2024-02-05,u2,Kyiv said so.\n"
              "3,B,2023,2023-03-05,u3,Kyiv and Kiev.\n")
    out = str(tmp_path / "m.csv")
    r = subprocess.run([sys.executable, "-m", "framelens", "analyze", p, "--lexicon",
                        "conflict-demo", "--group-field", "outlet,year", "--keep", "url",
                        "--with-text", "-o", out], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 0, r.stderr
    m = pd.read_csv(out)
    assert list(m["group"]) == ["A | 2023", "A | 2024", "B | 2023", "B | 2023"]
    assert list(m["url"]) == ["u1", "u2", "u3", "u3"]
    assert list(m["sentence_text"]) == ["Kiev said so.", "Kyiv said so.", "Kyiv and Kiev.",
                                        "Kyiv and Kiev."]
    out = str(tmp_path / "c.csv.out.csv")
    r = subprocess.run([sys.executable, "-m", "framelens", "compare", p, "--lexicon",
                        "conflict-demo", "--date", "date", "--period", "Q", "--table",
                        "contrasts", "-o", out], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 0, r.stderr
    c = pd.read_csv(out)
    assert sorted(set(c["group"])) == ["A | 2023Q1", "A | 2024Q1", "B | 2023Q1"]
    r = subprocess.run([sys.executable, "-m", "framelens", "analyze", p, "--lexicon",
                        "conflict-demo", "--keep", "nosuch"], capture_output=True, text=True,
                       cwd=REPO)
    assert r.returncode == 2 and "nosuch" in r.stderr and "--keep" in r.stderr
