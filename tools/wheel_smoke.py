"""tools/wheel_smoke.py: what a new user does first with an installed wheel, as a check.

SPDX-License-Identifier: MIT

Usage: VENV/bin/python tools/wheel_smoke.py SOURCE_TREE
Run with the Python of a fresh virtual environment holding only the wheel (tools/wheel-check.sh
does, with the system's cJSON and utf8proc hidden). Fails (exit 1, with the reason) unless the
package is imported from that environment rather than from SOURCE_TREE, a text analysed with a
bundled lexicon gives the matches it must, a small corpus runs on two worker threads, and
`framelens --version` names the version the core reports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def check(cond: bool, what: str) -> None:
    if not cond:
        raise SystemExit(f"wheel_smoke: FAIL: {what}")
    print(f"wheel_smoke: ok: {what}")


def main(source_tree: str) -> None:
    import framelens as fl
    from framelens import _core

    here = os.path.realpath(fl.__file__)
    check(os.path.commonpath([here, os.path.realpath(sys.prefix)]) == os.path.realpath(sys.prefix)
          and not here.startswith(os.path.realpath(source_tree) + os.sep),
          f"framelens is imported from the environment ({here})")
    check(fl.__version__ == _core.core_version,
          f"package version {fl.__version__} is the core's {_core.core_version}")

    names = fl.bundled_lexicons()
    check("conflict-demo" in names, f"the bundled lexicons are installed ({', '.join(names)})")
    lex = fl.load_lexicon("conflict-demo")
    an = fl.Analyzer(lex)
    doc = an.analyze("Officials in Kiev said the coup d'état was planned. Kyiv's mayor disagreed.")
    terms = [m.term for m in doc.matches]
    check(len(doc.sentences) == 2, f"two sentences found ({len(doc.sentences)})")
    check("Kiev" in terms and "Kyiv" in terms, f"the contrast terms matched ({terms})")
    kiev = next(m for m in doc.matches if m.term == "Kiev")
    check(doc.text[kiev.start:kiev.end] == kiev.surface == "Kiev", "offsets point at the match")

    records = [{"outlet": "A", "text": "Kiev said so. " * 50},
               {"outlet": "B", "text": "Kyiv said so. " * 50}]
    corpus = an.analyze_corpus(records, text="text", group="outlet", threads=2)
    check(len(corpus.matches) == 100,
          f"a corpus on two threads: 100 matches ({len(corpus.matches)})")

    exe = shutil.which("framelens", path=os.path.dirname(sys.executable))
    check(exe is not None, f"the framelens command is installed beside {sys.executable}")
    assert exe is not None
    out = subprocess.run([exe, "--version"], check=True, capture_output=True, text=True).stdout
    check(out.startswith(f"framelens {fl.__version__} (C core {_core.core_version};"),
          f"framelens --version: {out.strip()}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
