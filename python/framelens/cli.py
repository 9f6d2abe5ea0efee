"""The framelens command line: `framelens demo`, `framelens lexicons`."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from ._api import Analyzer, Document, LexiconError, bundled_lexicons, load_lexicon

_DEMO_TEXT = os.path.join(os.path.dirname(__file__), "data", "demo.txt")


def _highlight(doc: Document, sentence, color: bool) -> str:
    """The sentence with each match marked: [[term]] in plain text, reverse video on a tty."""
    out = []
    pos = sentence.start
    for m in sentence.matches:
        out.append(doc.text[pos:m.start])
        out.append(f"\x1b[7m{m.surface}\x1b[0m" if color else f"[[{m.surface}]]")
        pos = m.end
    out.append(doc.text[pos:sentence.end])
    return "".join(out).replace("\n", " ")


def print_document(doc: Document, out=sys.stdout, color: Optional[bool] = None) -> None:
    if color is None:
        color = out.isatty() and os.environ.get("NO_COLOR") is None
    for s in doc.sentences:
        print(f"{s.index + 1:>3}. {_highlight(doc, s, color)}", file=out)
        for m in s.matches:
            neg = " negated" if m.negated else ""
            print(f"       {m.surface!r:<30} term={m.term!r} category={m.category} "
                  f"weight={m.weight:g} voice={m.voice}{neg}", file=out)
        if s.distancing:
            marks = ", ".join(repr(d.surface) for d in s.distancing)
            print(f"       distancing: {marks}", file=out)
        if s.matches:
            print(f"       score {s.score:g} over {s.n_tokens} word tokens", file=out)
    counts = doc.category_counts
    print(f"\n{len(doc.sentences)} sentences, {doc.n_tokens} word tokens, "
          f"{len(doc.matches)} matches", file=out)
    for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:<20} {n:>4}  ({1000.0 * n / max(doc.n_tokens, 1):.1f} per 1,000 tokens)",
              file=out)


def _cmd_demo(args) -> int:
    lex = load_lexicon(args.lexicon)
    path = args.text or _DEMO_TEXT
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    print(f"framelens demo: lexicon {lex.name or lex.source!r} ({len(lex)} terms) on {path}\n")
    print_document(Analyzer(lex).analyze(text))
    return 0


def _cmd_lexicons(args) -> int:
    for name in bundled_lexicons():
        lex = load_lexicon(name)
        print(f"{name:<20} {len(lex):>5} terms  {lex.metadata.get('description', '')[:80]}")
    return 0


def _cmd_show(args) -> int:
    lex = load_lexicon(args.lexicon)
    with open(args.file, encoding="utf-8", errors="replace") as f:
        text = f.read()
    print_document(Analyzer(lex).analyze(text))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framelens",
                                description="Loaded terminology and framing markers in news "
                                            "text, sentence by sentence.")
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("demo", help="analyse the bundled demo text with a bundled lexicon")
    d.add_argument("--lexicon", default="conflict-demo", help="bundled lexicon name or path")
    d.add_argument("--text", help="a UTF-8 text file to analyse instead of the demo text")
    d.set_defaults(func=_cmd_demo)
    s = sub.add_parser("show", help="print one text file's sentences and matches")
    s.add_argument("file")
    s.add_argument("--lexicon", required=True, help="bundled lexicon name or path")
    s.set_defaults(func=_cmd_show)
    lx = sub.add_parser("lexicons", help="list the bundled lexicons")
    lx.set_defaults(func=_cmd_lexicons)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (LexiconError, FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
