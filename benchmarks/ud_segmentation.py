"""Sentence boundaries annotated by others: framelens and its peers on Universal Dependencies.

Reads every ``*.conllu`` file in the local folders given on the command line (for example
per-document files of UD_English-GUM, or a slice of UD_English-EWT; nothing is downloaded and
no treebank text is part of this repository). Each document (``# newdoc``, or each file when a
file has no ``# newdoc`` line) is rebuilt as running text the way a researcher would hold it:

- ``# newpar`` starts a paragraph; paragraphs are joined with a blank line;
- the sentences of a paragraph (their ``# text =`` lines) are joined with one space.

The gold boundaries are the sentence ends. A segmenter's sentences are mapped back onto the
text by counting non-whitespace characters, so a boundary is "the n-th non-space character
ends a sentence" and matches exactly or not at all, whatever whitespace either side keeps. The
end of each document is not counted (every segmenter gets it for free).

Per segmenter, half and genre it prints boundary precision, recall and F1 and the share of gold
sentences reproduced exactly (same first and last character). Genre comes from the document
name: ``news``, ``interview``, anything else is ``other``. The halves are fixed before anyone
looks at errors: the documents of each folder sorted by name, alternately ``tune`` (0, 2, 4, ...)
and ``measure`` (1, 3, 5, ...); documents added later go into a folder of their own, so that no
document ever changes half. A folder that holds a single document (a treebank without
``# newdoc`` lines) is cut into parts of ten consecutive sentences first, so that both halves
get text; a sentence without a ``# text =`` line is rebuilt from its tokens (``SpaceAfter=No``).

Usage::

    python benchmarks/ud_segmentation.py FOLDER [FOLDER ...]      # table
    python benchmarks/ud_segmentation.py FOLDER --errors framelens --half tune

Standard library only, plus whichever peers ``benchmarks/segmentation.py`` knows and can import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import segmentation as seg  # noqa: E402

Doc = Dict[str, object]


def text_from_tokens(rows: List[List[str]]) -> str:
    """A sentence's text from its token lines, for files without ``# text =`` lines.

    A multiword token (``3-4``) gives its surface form and its parts are skipped; empty nodes
    (``5.1``) are skipped; ``SpaceAfter=No`` in the last column joins a token to the next.
    """
    out: List[str] = []
    skip_to = 0
    for cols in rows:
        if len(cols) < 2 or "." in cols[0]:
            continue
        if "-" in cols[0]:
            first, _, last = cols[0].partition("-")
            if not (first.isdigit() and last.isdigit()):
                continue
            skip_to = int(last)
        elif not cols[0].isdigit() or int(cols[0]) <= skip_to:
            continue
        out.append(cols[1])
        misc = cols[9] if len(cols) > 9 else "_"
        if "SpaceAfter=No" not in misc.split("|"):
            out.append(" ")
    return "".join(out).strip()


def read_conllu_docs(path: Path) -> List[Doc]:
    """Documents of one CoNLL-U file: name, paragraphs (lists of sentence texts).

    The comment lines above a sentence's tokens belong to that sentence, in any order: a
    ``# newpar`` among them starts a paragraph with this sentence, a ``# newdoc`` a document.
    A sentence without a ``# text =`` line is rebuilt from its tokens (``text_from_tokens``).
    """
    docs: List[Doc] = []
    block: List[str] = []
    rows: List[List[str]] = []

    def flush() -> None:
        text = None
        new_doc = new_par = False
        name = path.stem
        for body in block:
            if body.startswith("newdoc"):
                new_doc = True
                if "=" in body:
                    name = body.split("=", 1)[1].strip()
            elif body == "newpar" or body.startswith(("newpar ", "newpar=")):
                new_par = True
            elif body.startswith(("text =", "text=")):
                text = body.split("=", 1)[1].strip()
        if text is None and rows:
            text = text_from_tokens(rows) or None
        block.clear()
        rows.clear()
        if new_doc or not docs:
            docs.append({"name": name, "pars": []})
            new_par = True
        if text is None:
            return
        pars = docs[-1]["pars"]
        assert isinstance(pars, list)
        if new_par or not pars:
            pars.append([])
        pars[-1].append(text)

    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if rows:
                    flush()
                block.append(line[1:].strip())
            elif line.strip():
                rows.append(line.split("\t"))
            elif block or rows:
                flush()
    if block or rows:
        flush()
    return [d for d in docs if d["pars"]]


def genre_of(name: str) -> str:
    low = name.lower()
    if "news" in low:
        return "news"
    if "interview" in low:
        return "interview"
    return "other"


def build(doc: Doc) -> Tuple[str, List[Tuple[int, int]]]:
    """Running text and gold sentences as (first, last) non-space character indexes."""
    pars = doc["pars"]
    assert isinstance(pars, list)
    text = "\n\n".join(" ".join(p) for p in pars)
    spans = []
    n = 0
    for p in pars:
        for s in p:
            k = sum(1 for ch in s if not ch.isspace())
            if k:
                spans.append((n, n + k - 1))
                n += k
    return text, spans


def predicted_spans(sentences: List[str]) -> List[Tuple[int, int]]:
    spans = []
    n = 0
    for s in sentences:
        k = sum(1 for ch in s if not ch.isspace())
        if k:
            spans.append((n, n + k - 1))
            n += k
    return spans


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.gold_sents = self.exact = 0
        self.docs = 0

    def add(self, gold: List[Tuple[int, int]], pred: List[Tuple[int, int]]) -> None:
        self.docs += 1
        last = gold[-1][1] if gold else -1
        g = {e for _, e in gold if e != last}
        p = {e for _, e in pred if e != last}
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)
        ps = set(pred)
        self.gold_sents += len(gold)
        self.exact += sum(1 for s in gold if s in ps)

    def row(self) -> str:
        pr = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        rc = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        ex = self.exact / self.gold_sents if self.gold_sents else 0.0
        return (f"{self.docs:>4} {self.gold_sents:>5} {self.tp + self.fn:>5}  {pr:.3f} {rc:.3f} "
                f"{f1:.3f}  {ex:.3f} ({self.exact}/{self.gold_sents})")


CHUNK = 10  # sentences a part, when a folder holds a single document


def cut(doc: Doc, size: int = CHUNK) -> List[Doc]:
    """A document as consecutive parts of ``size`` sentences (paragraphs kept; one cut inside a
    paragraph makes two), named ``name#0001`` … so that they sort in their order."""
    parts: List[Doc] = []
    count = size
    pars = doc["pars"]
    assert isinstance(pars, list)
    for par in pars:
        new_par = True
        for sent in par:
            if count == size:
                parts.append({"name": f"{doc['name']}#{len(parts) + 1:04d}", "pars": []})
                count = 0
                new_par = True
            if new_par:
                parts[-1]["pars"].append([])  # type: ignore[union-attr]
                new_par = False
            parts[-1]["pars"][-1].append(sent)  # type: ignore[index]
            count += 1
    return parts


def load_folder(folder: Path) -> List[Doc]:
    docs: List[Doc] = []
    for path in sorted(folder.glob("*.conllu")):
        docs.extend(read_conllu_docs(path))
    if len(docs) == 1:  # no '# newdoc' (e.g. UD_English-ParTUT): halves need several parts
        docs = cut(docs[0])
    docs.sort(key=lambda d: str(d["name"]))
    for i, d in enumerate(docs):
        d["half"] = "tune" if i % 2 == 0 else "measure"
        d["genre"] = genre_of(str(d["name"]))
    return docs


def load_folders(folders: List[str]) -> List[Doc]:
    docs: List[Doc] = []
    for folder in folders:
        docs.extend(load_folder(Path(folder)))
    return docs


def show_errors(docs: List[Doc], split: seg.Splitter, half: str) -> None:
    for d in docs:
        if half != "all" and d["half"] != half:
            continue
        text, gold = build(d)
        pred = predicted_spans(seg.normalise(split(text)))
        nonspace = [i for i, ch in enumerate(text) if not ch.isspace()]
        last = gold[-1][1] if gold else -1
        g = {e for _, e in gold if e != last}
        p = {e for _, e in pred if e != last}
        for kind, ends in (("missed", sorted(g - p)), ("extra", sorted(p - g))):
            for e in ends:
                at = nonspace[e] + 1
                left = text[max(0, at - 70):at].replace("\n", "¶")
                right = text[at:at + 50].replace("\n", "¶")
                print(f"{d['name']}\t{kind}\t…{left}|{right}…")


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", metavar="FOLDER",
                    help="folder of .conllu files (not in this repository); each is split into "
                         "halves on its own")
    ap.add_argument("--errors", metavar="SEGMENTER",
                    help="print missed and extra boundaries of one segmenter "
                         "(framelens, pysbd, syntok, spacy, nltk)")
    ap.add_argument("--half", default="tune", choices=("tune", "measure", "all"),
                    help="half whose errors --errors prints (default: tune)")
    ap.add_argument("--only", default="",
                    help="comma-separated segmenters to score (default: all that import)")
    args = ap.parse_args(argv)

    missing = [f for f in args.folders if not Path(f).is_dir()]
    if not args.folders or missing:
        print("skipped: give folders of .conllu files (e.g. per-document files of "
              "UD_English-GUM); none was given or these do not exist: "
              f"{', '.join(missing) or '-'}", file=sys.stderr)
        return 0
    docs = load_folders(args.folders)
    if not docs:
        print("skipped: no .conllu documents with '# text =' lines in "
              f"{', '.join(args.folders)}", file=sys.stderr)
        return 0

    makers = {"framelens": seg.make_framelens, "pysbd": seg.make_pysbd,
              "syntok": seg.make_syntok, "spacy": seg.make_spacy, "nltk": seg.make_nltk}
    if args.errors:
        split, _ = makers[args.errors]()
        show_errors(docs, split, args.half)
        return 0
    wanted = [w for w in args.only.split(",") if w] or list(makers)

    print("documents:")
    for d in docs:
        _, gold = build(d)
        print(f"  {d['name']:<32} {d['genre']:<9} {d['half']:<7} {len(gold):>3} sentences")
    print()
    print(f"{'segmenter':<10} {'half':<7} {'genre':<9} docs sents bound  P     R     F1     "
          f"exact sentences")
    for key in wanted:
        try:
            split, label = makers[key]()
        except Exception as exc:  # a peer that does not import is reported, not fatal
            print(f"{key:<10} not available: {exc.__class__.__name__}: {exc}")
            continue
        scores: Dict[Tuple[str, str], Score] = {}
        for d in docs:
            text, gold = build(d)
            pred = predicted_spans(seg.normalise(split(text)))
            for h in (str(d["half"]), "all"):
                for g in (str(d["genre"]), "all"):
                    scores.setdefault((h, g), Score()).add(gold, pred)
        for h in ("tune", "measure", "all"):
            for g in ("news", "interview", "other", "all"):
                if (h, g) in scores:
                    print(f"{key:<10} {h:<7} {g:<9} {scores[(h, g)].row()}")
        print(f"  ({label})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
