"""The HTML views (issue 9, items 3 and 5): Jupyter's _repr_html_ of Document, Corpus,
Comparison and Lexicon, and the HTML report, read back with an HTML parser."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
from typing import Dict, List, Optional, Tuple

import pytest

import framelens as fl
from framelens.io import read_records
from framelens.palette import PALETTE, category_colors, tint
from framelens.report import comparison_html, write_report

from common import DEMO_CORPUS, DEMO_TEXT

HOSTILE_LEXICON = {
    "name": "<b>bold</b> & co",
    "description": "<script>alert('lexicon')</script>",
    "categories": {"cat<i>": {"description": "<img src=x onerror=alert(1)>",
                              "color": "#123456", "source": "\"quoted\" & <tag>"},
                   "plain": "A plain category"},
    "terms": [{"term": "Kiev", "category": "cat<i>", "note": "<u>note</u>"},
              {"term": "Kyiv", "category": "plain", "source": "<a href='http://x'>x</a>"}],
    "contrasts": [{"name": "cap<s>", "options": {"K<iev>": ["Kiev"], "Kyiv": ["Kyiv"]}}],
}


class Tree(html.parser.HTMLParser):
    """Elements (tag, attributes, text inside) and the text outside <style>/<title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: List[Tuple[str, Dict[str, Optional[str]]]] = []
        self.stack: List[Tuple[str, Dict[str, Optional[str]], List[str]]] = []
        self.closed: List[Tuple[str, Dict[str, Optional[str]], str]] = []
        self.text: List[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag in ("style", "title"):
            self.skip += 1
        if tag not in ("meta", "br", "img", "input", "link"):
            self.stack.append((tag, a, []))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self.skip -= 1
        while self.stack:
            t, a, buf = self.stack.pop()
            inner = "".join(buf)
            self.closed.append((t, a, inner))
            if self.stack:
                self.stack[-1][2].append(inner)
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)
        if not self.skip:
            self.text.append(data)

    def find(self, tag: str, cls: Optional[str] = None):
        return [(a, inner) for t, a, inner in self.closed
                if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    return tree


@pytest.fixture(scope="module")
def demo(demo_lexicon, demo_analyzer, demo_records):
    with open(DEMO_TEXT, encoding="utf-8") as f:
        doc = demo_analyzer.analyze(f.read())
    corpus = demo_analyzer.analyze_corpus(demo_records, keep=["date"], date="date")
    return demo_lexicon, doc, corpus


# -- Document --------------------------------------------------------------------------------------
def test_document_html_highlights_every_match(demo):
    lex, doc, _ = demo
    tree = parse(doc._repr_html_())
    # a match cut by a distancing marker shows as several pieces of the same data-match
    pieces: Dict[str, List[Tuple[Dict, str]]] = {}
    for a, inner in tree.find("mark", "fl-m"):
        if "data-match" in a:
            pieces.setdefault(a["data-match"], []).append((a, inner))
    assert list(pieces) == [str(i) for i in range(len(doc.matches))]
    marks = [(p[0][0], "".join(inner for _, inner in p)) for p in pieces.values()]
    assert [inner for _, inner in marks] == [m.surface for m in doc.matches]
    assert [a["data-term"] for a, _ in marks] == [m.term for m in doc.matches]
    assert [a["data-category"] for a, _ in marks] == [m.category for m in doc.matches]
    colors = category_colors(lex)
    page = doc._repr_html_()
    for (a, _), m in zip(marks, doc.matches, strict=True):
        # the category's colour class, and its rule: the colour underneath, a tint behind
        cls = [c for c in a["class"].split() if re.fullmatch(r"fl-k\d+", c)]
        assert len(cls) == 1
        rule = re.search(r"\.fl mark\." + cls[0] + r"\{([^}]*)\}", page).group(1)
        assert f"border-bottom-color:{colors[m.category]}" in rule
        assert f"background:{tint(colors[m.category], 0.28)}" in rule
        assert f"fl-{m.voice}" in a["class"].split()
        tip = a["title"]
        for piece in (f"term: {m.term}", f"category: {m.category}", f"weight: {m.weight:g}",
                      f"voice: {m.voice}", f"negated: {'yes' if m.negated else 'no'}"):
            assert piece in tip, (piece, tip)
        assert ("fl-neg" in a["class"].split()) == m.negated
    # quoted and reported matches carry a visible tag; distancing markers are marked
    tags = [inner for _, inner in tree.find("sup", "fl-vt")]
    n_voice_tags = sum(1 for m in doc.matches if m.voice != "author")
    assert len(tags) == n_voice_tags + 2  # + the two in the legend
    dist = "".join(inner for _, inner in tree.find("span", "fl-dist")
                   if inner != "distancing")
    assert dist == "".join(d.surface for s in doc.sentences for d in s.distancing)
    # nothing of the text is lost: the sentences read as they are
    bare = re.sub(r'<sup class="fl-vt">[QR]</sup>|<span class="fl-score"[^>]*>[^<]*</span>',
                  "", page)
    body = "".join(inner for _, inner in parse(bare).find("ol", "fl-sents"))
    assert "".join(body.split()) == "".join("".join(s.text.split()) for s in doc.sentences)


def test_document_html_escapes_everything():
    an = fl.Analyzer(fl.Lexicon.from_dict(HOSTILE_LEXICON))
    text = ("<script>alert(1)</script> Kiev & \"Kyiv\" said <img src=x onerror=alert(2)>. "
            "A 'so-called' </mark></ol> end.")
    page = an.analyze(text)._repr_html_()
    tree = parse(page)
    tags = {t for t, _ in tree.elements}
    assert "script" not in tags and "img" not in tags
    assert "<script>" not in page and "<img" not in page
    visible = "".join(tree.text)
    assert "<script>alert(1)</script>" in visible and "<img src=x onerror=alert(2)>" in visible
    marks = tree.find("mark", "fl-m")
    assert [a["data-category"] for a, _ in marks if "data-match" in a] == ["cat<i>", "plain"]


def test_lexicon_html(demo):
    lex, _, _ = demo
    tree = parse(lex._repr_html_())
    rows = tree.find("table", "fl-categories")
    assert rows
    text = "".join(tree.text)
    colors = category_colors(lex)
    swatches = [a["style"] for a, _ in tree.find("span", "fl-sw")]
    for name, info in lex.categories.items():
        assert name in text
        assert info["description"] in text
        assert f"background:{info['color']}" in swatches[list(lex.categories).index(name)]
        assert colors[name] == info["color"]
    n_toponym_ru = sum(1 for t in lex.terms if t.category == "toponym_ru")
    assert re.search(rf"toponym_ru\s*{n_toponym_ru}(?!\d)", " ".join(text.split()))
    for t in lex.terms:
        assert t.term in text
        if t.metadata.get("source"):
            assert t.metadata["source"] in text
    for c in lex.contrasts:
        assert c.name in text


def test_lexicon_html_escapes_and_falls_back_to_the_palette():
    lex = fl.Lexicon.from_dict(HOSTILE_LEXICON)
    page = lex._repr_html_()
    tree = parse(page)
    assert not {"script", "img", "u", "a"} & {t for t, _ in tree.elements}
    text = "".join(tree.text)
    for s in ("<script>alert('lexicon')</script>", "<img src=x onerror=alert(1)>",
              "\"quoted\" & <tag>", "cat<i>", "K<iev>"):
        assert s in text, s
    # the category without a colour takes the first palette colour
    assert category_colors(lex)["plain"] == PALETTE[0]


def test_corpus_and_comparison_html(demo):
    _, _, corpus = demo
    tree = parse(corpus._repr_html_())
    text = " ".join("".join(tree.text).split())
    for g in corpus.counts.groups:
        assert g in text
    assert f"{corpus.n_documents} documents in 2 groups" in text
    cmp = corpus.compare()
    tree = parse(cmp._repr_html_())
    text = " ".join("".join(tree.text).split())
    # contrasts side by side: one row per group, a column per option of each contrast
    table = tree.find("table", "fl-contrasts")[0][1]
    assert "capital" in table and "Kyiv" in table
    cells = [inner for a, inner in tree.find("td") if (a.get("title") or "").endswith(
        " matches")]
    assert len(cells) == len(cmp.contrasts)
    share = cmp.contrasts.set_index(["group", "contrast", "option"])["share"]
    assert cells[0].startswith(f"{100 * share.iloc[0]:.0f}%")
    # terms sorted by z within each group
    for g in cmp.counts.groups:
        t = cmp.terms[(cmp.terms["group"] == g) & (cmp.terms["z"] > 0)]
        expected = t.sort_values("z", ascending=False)["term"].astype(str).tolist()[:8]
        table = tree.find("table", "fl-terms")[0][1]
        row = [r for a, r in tree.find("tr") if r.startswith(g) and r in table][0]
        found = [term for term in expected if term in row]
        assert found == expected
        positions = [row.index(f"{term} ") for term in expected]
        assert positions == sorted(positions)


# -- the report ------------------------------------------------------------------------------------
def test_report_is_self_contained_and_complete(demo):
    _, _, corpus = demo
    cmp = corpus.compare(bootstrap=100)
    page = comparison_html(cmp, "demo <report>")
    tree = parse(page)
    untagged = parse(re.sub(r'<sup class="fl-vt">[QR]</sup>', "", page))
    tags = [t for t, _ in tree.elements]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    assert tags.count("svg") >= 1 + len(cmp.counts.contrasts) + len(cmp.counts.categories)
    assert "<title>demo &lt;report&gt;</title>" in page
    ids = {a.get("id") for _, a in tree.elements}
    for section in ("summary", "contrasts", "terms", "categories", "voice", "timeline",
                    "method"):
        assert section in ids, section
    text = " ".join("".join(tree.text).split())
    assert "Monroe" in text and "Wilson" in text and "bootstrap" in text
    for info in corpus.lexicon.categories.values():
        assert info["description"] in text
    # example sentences, highlighted, from the group they illustrate
    marks = tree.find("mark", "fl-m")
    assert len(marks) > 10
    examples = untagged.find("blockquote", "fl-ex")
    assert examples
    sentences = set(corpus.sentence_table(text=True)["text"].dropna())
    for _, inner in examples:
        sentence = re.sub(r"\s*\([^()]*\)\s*$", "", inner)  # the (doc_id · date) line
        assert any(" ".join(s.split()) == " ".join(sentence.split()) for s in sentences), \
            sentence
    # the voice table per group
    voice = tree.find("table", "fl-voice")[0][1]
    for g in cmp.counts.groups:
        assert g in voice


def test_report_contrasts_of_two_groups_stand_side_by_side(demo):
    """The two outlets' shares of "Kiev" stand one above the other, in the first column
    (the bug was 16 rows between them)."""
    _, _, corpus = demo
    tree = parse(comparison_html(corpus.compare()))
    table = tree.find("table", "fl-contrasts")[0][1]
    rows = [" ".join(inner.split()) for _, inner in tree.find("tr")
            if inner.startswith(("Northwire", "Eastgate Daily")) and inner in table]
    assert len(rows) == 2
    # Kiev (share, interval), then Kyiv
    assert re.match(r"Eastgate Daily0% 0%–\d+%100% \d+%–100%", rows[0]), rows[0]
    assert re.match(r"Northwire100% \d+%–100%0% 0%–\d+%", rows[1]), rows[1]


def test_report_of_merged_counts_has_no_examples(demo):
    _, _, corpus = demo
    cmp = (corpus.counts + fl.Counts.empty(corpus.lexicon)).compare()
    page = comparison_html(cmp)
    assert "counts alone" in page
    assert "fl-ex" not in page.split("</style>", 1)[1]


def test_report_with_90_groups_is_summarised_and_folded(demo_analyzer):
    an = demo_analyzer
    snippets = ["Kiev said the coup was planned.", "Kyiv marked the full-scale invasion.",
                "Donbass and Donbas were named.", "The so-called referendum in the DPR.",
                "Russia claims the special military operation liberated towns."]
    recs = [{"id": i, "outlet": f"Outlet {g:02d}",
             "text": " ".join(snippets[(g + k) % 5] for k in range(1 + (g * i) % 7))}
            for g in range(90) for i in range(6)]
    cmp = an.analyze_corpus(recs).compare()
    page = comparison_html(cmp)
    tree = parse(page)
    kb = len(page.encode("utf-8")) / 1024
    assert kb < 600, f"{kb:.0f} KB"
    summary = tree.find("table", "fl-groups")[0][1]
    assert summary.count("Outlet") == 12
    folded = tree.find("table", "fl-groups-more")[0][1]
    assert folded.count("Outlet") == 78
    assert len(tree.find("details", "fl-group")) == 90
    assert not any("open" in a for a, _ in tree.find("details", "fl-group"))
    assert "tables" not in {a.get("id") for _, a in tree.elements}


# -- command line ----------------------------------------------------------------------------------
def run(*args: str, cwd: str):
    return subprocess.run([sys.executable, "-m", "framelens", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_demo_shows_the_difference_and_writes_the_report(tmp_path):
    r = run("demo", cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    out = r.stdout
    report = tmp_path / "framelens-report.html"
    assert report.exists()
    assert str(report) in out and "open it in a web browser" in out
    # at a glance: each outlet's share of "Kiev" and "Kyiv" as a bar
    assert re.search(r"Northwire\s+Kiev 100% █+\s+0% Kyiv", out), out
    assert re.search(r"Eastgate Daily\s+Kiev\s+0% ░+ 100% Kyiv", out), out
    assert re.search(r"Northwire\s+Kiev \(6\)", out)
    assert re.search(r"Eastgate Daily\s+Kyiv \(5\)", out)
    assert "[[Kiev]]" in out and "[[Kyiv]]" in out
    page = report.read_text(encoding="utf-8")
    assert "Northwire" in page and "Eastgate Daily" in page and "<svg" in page
    r = run("demo", "--report", "", cwd=str(tmp_path / ".."))
    assert r.returncode == 0 and "framelens-report.html" not in r.stdout


def test_compare_writes_the_same_report(tmp_path):
    out = tmp_path / "report.html"
    r = run("compare", DEMO_CORPUS, "--lexicon", "conflict-demo", "--keep", "date", "--date",
            "date", "-o", str(out), cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    corpus = fl.Analyzer(fl.load_lexicon("conflict-demo")).analyze_corpus(
        read_records(DEMO_CORPUS), keep=["date"], date="date")
    want = write_report(corpus.compare(), str(tmp_path / "api.html"),
                        title=f"framelens: {os.path.basename(DEMO_CORPUS)} by outlet")
    with open(want, encoding="utf-8") as f:
        assert f.read() == page
    assert str(out) in r.stderr
