"""The report and the notebook views in a real browser (issue 9, item 6): headless Chromium
opens them, the key elements are there and styled, the console shows no error, nothing is
fetched from the network, and the screenshot is not blank.

Chromium is found on PATH (or $CHROMIUM), or installed with apt-get when running as root on
Debian. Without it the tests skip saying why, except under CI=true, where they fail.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import io
import os
from typing import Tuple

import numpy as np
import pytest

from framelens.palette import category_colors, tint
from framelens.report import write_report

from browser import Browser, find_or_install_chromium
from common import DEMO_TEXT

ON_CI = os.environ.get("CI") == "true"

Image = pytest.importorskip("PIL.Image", reason="Pillow is in the test extra")


@pytest.fixture(scope="module")
def browser():
    path, why = find_or_install_chromium()
    if path is None:
        if ON_CI:
            pytest.fail(f"CI=true: the browser tests must run, but: {why}")
        pytest.skip(why)
    with Browser(path) as b:
        yield b


@pytest.fixture(scope="module")
def demo(demo_lexicon, demo_analyzer, demo_records):
    corpus = demo_analyzer.analyze_corpus(demo_records, keep=["date"], date="date")
    return demo_lexicon, demo_analyzer, corpus


def rgb(hex_color: str) -> Tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def css_rgb(hex_color: str) -> str:
    return "rgb({}, {}, {})".format(*rgb(hex_color))


def check_screenshot(png: bytes, path, colors=()) -> None:
    """Not blank: a fair share of the page is ink, and the given colours are drawn."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    img.save(path)
    pixels = np.asarray(img, dtype=np.int32).reshape(-1, 3)
    ink = int((pixels.sum(axis=1) < 3 * 235).sum())
    assert ink > 0.01 * len(pixels), f"the screenshot is nearly blank ({ink} dark pixels)"
    for color in colors:
        exact = int((pixels == np.array(rgb(color))).all(axis=1).sum())
        assert exact > 50, f"{color} is drawn nowhere on the page"


def open_clean(browser: Browser, path) -> None:
    browser.open(f"file://{path}")
    assert browser.console_errors() == []
    outside = [u for u in browser.requests() if not u.startswith(("file:", "data:"))]
    assert outside == [], f"the page fetched {outside}"


def test_report_in_chromium(browser, demo, tmp_path):
    lex, _, corpus = demo
    cmp = corpus.compare(bootstrap=100, seed=0)
    path = write_report(cmp, str(tmp_path / "report.html"), title="framelens demo report")
    open_clean(browser, path)
    b = browser
    assert b.evaluate("document.title") == "framelens demo report"
    sections = b.evaluate("[...document.querySelectorAll('main section')].map(s => s.id)")
    assert sections == ["summary", "contrasts", "terms", "categories", "voice", "who",
                        "targets", "timeline", "method", "tables"]
    # who says what: Kiev "claims" in Northwire, a row per actor
    who = b.evaluate("[...document.querySelectorAll('table.fl-who tr')].slice(1)"
                     ".map(r => [...r.cells].map(c => c.textContent.trim()))")
    ukraine = next(r for r in who if r[0] == "Ukraine")
    assert "claim 2" in ukraine[2], who
    # the timeline marks each group's switch point in a table under its chart
    assert b.evaluate("document.querySelectorAll('table.fl-switches tr').length") >= 3
    # the summary: one row per outlet with its distinctive terms
    rows = b.evaluate("[...document.querySelectorAll('table.fl-groups tr')].slice(1)"
                      ".map(r => r.cells[0].textContent)")
    assert rows == ["Eastgate Daily", "Northwire"]
    # contrasts side by side: the Kiev column holds both outlets' shares
    kiev = b.evaluate("[...document.querySelectorAll('table.fl-contrasts tr')].slice(2)"
                      ".map(r => r.cells[1].textContent.trim().split(' ')[0])")
    assert kiev == ["0%", "100%"]
    # charts: inline SVG, drawn with a size
    sizes = b.evaluate("[...document.querySelectorAll('svg.fl-chart')].map(s => "
                       "[s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
    assert len(sizes) >= 1 + 4 + 7 + 2  # keyness, contrasts, categories, timelines
    assert all(w > 100 and h > 40 for w, h in sizes)
    # example sentences with highlights in their category's colour
    colors = category_colors(lex)
    marks = b.evaluate("[...document.querySelectorAll('blockquote.fl-ex mark.fl-m')].map(m =>"
                       " [m.dataset.term, m.title, getComputedStyle(m).backgroundColor,"
                       " getComputedStyle(m).borderBottomColor])")
    assert len(marks) >= 10
    terms = {t.term: t.category for t in lex.terms}
    for term, title, background, border in marks:
        cat = terms[term]
        assert f"category: {cat}" in title and "voice: " in title and "negated: " in title
        assert border == css_rgb(colors[cat])
        assert background == css_rgb(tint(colors[cat], 0.28))
    # folding works: a closed <details> hides its content
    heights = b.evaluate("(() => { const d = document.querySelector('#tables details');"
                         " const h = () => d.getBoundingClientRect().height;"
                         " const before = h(); d.open = true; const after = h();"
                         " d.open = false; return [before, after]; })()")
    assert heights[0] < 40 < 200 < heights[1], heights
    check_screenshot(b.screenshot(), tmp_path / "report.png",
                     colors=[colors["toponym_ru"], colors["toponym_ua"]])


def test_document_html_in_chromium(browser, demo, tmp_path):
    lex, an, _ = demo
    with open(DEMO_TEXT, encoding="utf-8") as f:
        text = f.read()
    text += ('\n\nA hostile line: <script>window.pwned = 1</script> <img src=x '
             'onerror="window.pwned = 2"> said Kiev.')
    doc = an.analyze(text)
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>doc</title></head>"
            f"<body>{doc._repr_html_()}</body></html>")
    path = tmp_path / "document.html"
    path.write_text(page, encoding="utf-8")
    open_clean(browser, path)
    b = browser
    assert b.evaluate("typeof window.pwned") == "undefined"
    assert b.evaluate("document.querySelectorAll('img, script').length") == 0
    assert "<script>window.pwned = 1</script>" in b.evaluate("document.body.textContent")
    got = b.evaluate("[...document.querySelectorAll('mark[data-match]')].map(m => "
                     "[+m.dataset.match, m.dataset.term, m.textContent, m.className,"
                     " getComputedStyle(m).borderBottomStyle])")
    joined = {}
    for n, term, surface, cls, style in got:
        prev = joined.get(n)
        joined[n] = (term, (prev[1] if prev else "") + surface, cls, style)
    assert [joined[i][:2] for i in sorted(joined)] == [(m.term, m.surface)
                                                       for m in doc.matches]
    styles = {"author": "solid", "quoted": "dashed", "attributed": "dotted"}
    for i, m in enumerate(doc.matches):
        assert f"fl-{m.voice}" in joined[i][2].split()
        assert joined[i][3] == styles[m.voice]
    dist = b.evaluate("[...document.querySelectorAll('ol .fl-dist')].map(e => e.textContent)"
                      ".join('')")
    assert dist == "".join(d.surface for s in doc.sentences for d in s.distancing)
    assert dist
    check_screenshot(b.screenshot(), tmp_path / "document.png",
                     colors=[category_colors(lex)["toponym_ru"]])


@pytest.mark.parametrize("what", ["lexicon", "corpus", "comparison"])
def test_notebook_views_in_chromium(browser, demo, tmp_path, what):
    lex, _, corpus = demo
    obj = {"lexicon": lex, "corpus": corpus, "comparison": corpus.compare()}[what]
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>view</title></head>"
            f"<body>{obj._repr_html_()}</body></html>")
    path = tmp_path / f"{what}.html"
    path.write_text(page, encoding="utf-8")
    open_clean(browser, path)
    text = browser.evaluate("document.body.innerText")
    for needle in {"lexicon": ["toponym_ru", "capital", f"{len(lex.terms)} terms"],
                   "corpus": ["Northwire", "Eastgate Daily", f"{corpus.n_documents} documents"],
                   "comparison": ["capital", "Kyiv", "Northwire"]}[what]:
        assert needle in text
    check_screenshot(browser.screenshot(), tmp_path / f"{what}.png")
