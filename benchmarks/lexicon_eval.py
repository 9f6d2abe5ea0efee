"""Lexicon evaluation: how much of the loaded wording that others annotated do lexicons find?

Gold data (``../shared/data`` beside the repository; read there, never copied):

- PTC, the Propaganda Techniques Corpus of SemEval-2020 Task 11 (training split; Da San
  Martino et al. 2019, 2020): 371 news articles with character spans per technique. Gold sets:
  ``Loaded_Language``, ``Name_Calling,Labeling`` and both together.
- BASIL (Fan et al. 2019): 300 articles (100 events x Fox News, NYT, HuffPost) with span
  annotations of lexical bias (``bias == "lex"``) inside sentences.

Lexicons:

- ``loaded-language`` (bundled with framelens);
- ``BABE words``: the bias word list of Spinde et al. 2021 (``babe/bias_word_lexicon.txt``),
  built here into a lexicon: one term a line, one category, weight 1; a line whose tokens
  fold like an earlier line's is dropped (the first is kept);
- ``all words``: every word token as a match, the chance level of precision (how much of the
  text lies inside gold spans);
- ``any lexicon``: the union of the matches of ``loaded-language``, ``ru-ua-conflict``,
  ``conflict-demo`` and ``BABE words`` (recall only: the most these lexicons reach together).

Definitions (a match is a framelens match of a term with weight > 0; weight-0 categories,
the neutral baselines, are reported per category but kept out of precision and recall):

- overlap hit: the match and the gold span share at least one character;
- strict hit: the match covers exactly the gold span, after punctuation, quotes and white
  space are stripped from the span's ends (a one-word span "fierce" is found strictly by the
  match "fierce"; the span "drew fierce criticism" is not);
- precision = matches that hit a gold span / matches (over every article of the corpus);
- recall = gold spans hit by at least one match / gold spans;
- unreached = gold spans that no match of the lexicon overlaps (1 - overlap recall).

Annotators marked only propaganda techniques (PTC) or bias tied to the article's events
(BASIL): a loaded word outside every span counts as a false positive, so precision is a lower
bound; compare it with the chance level in the ``all words`` row.

Usage::

    python benchmarks/lexicon_eval.py                 # the tables (Markdown)
    python benchmarks/lexicon_eval.py --terms 15      # also terms with >= 15 matches
    python benchmarks/lexicon_eval.py --data DIR      # another location of shared/data

Needs framelens (built) and its dependencies; nothing else.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import bisect
import csv
import json
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
PTC_SETS = {"PTC Loaded_Language": {"Loaded_Language"},
            "PTC Name_Calling": {"Name_Calling,Labeling"},
            "PTC both": {"Loaded_Language", "Name_Calling,Labeling"}}
BASIL_SET = "BASIL lexical"
WORDING = "loaded-language, wording categories"
WORD_KIND = 0  # framelens._core.tokens: kind 0 is a word token (letters or digits)


def import_framelens() -> Any:
    """framelens, falling back to the source tree's python/ folder."""
    try:
        import framelens
    except ImportError:
        sys.path.insert(0, str(REPO_ROOT / "python"))
        import framelens
    return framelens


# -- data ------------------------------------------------------------------------------------
@dataclass
class Doc:
    """One analysed unit: its text and its gold spans per gold set (code point offsets)."""

    id: str
    text: str
    gold: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def read_ptc(data: Path) -> list[Doc]:
    folder = data / "ptc_semeval2020_task11"
    docs: dict[str, Doc] = {}
    with open(folder / "ptc_train_articles.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            docs[str(a["article_id"])] = Doc(str(a["article_id"]), a["text"])
    with open(folder / "ptc_train_spans.jsonl", encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            doc = docs[str(s["article_id"])]
            doc.gold.setdefault("technique:" + s["technique"], []).append((s["start"], s["end"]))
    for doc in docs.values():
        for name, techniques in PTC_SETS.items():
            doc.gold[name] = sorted(span for t in techniques
                                    for span in doc.gold.get("technique:" + t, []))
    return list(docs.values())


def read_basil(data: Path) -> list[Doc]:
    folder = data / "basil"
    docs: dict[tuple[str, int], Doc] = {}
    with open(folder / "basil_sentences.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["article_id"], int(row["sent_idx"]))
            docs[key] = Doc(f"{key[0]}#{key[1]}", row["text"], {BASIL_SET: []})
    with open(folder / "basil_spans.jsonl", encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if s["bias"] == "lex":
                docs[(s["article_id"], int(s["sent_idx"]))].gold[BASIL_SET].append(
                    (s["start"], s["end"]))
    return list(docs.values())


def babe_lexicon(fl: Any, data: Path) -> Any:
    """BABE's bias word list as a lexicon: one term a line, the first of lines folding alike."""
    from framelens import _core
    seen: set[tuple[str, ...]] = set()
    terms = []
    with open(data / "babe" / "bias_word_lexicon.txt", encoding="utf-8") as f:
        for line in f:
            word = line.strip()
            if not word:
                continue
            key = tuple(_core.fold(word[a:b]) for a, b, *_ in _core.tokens(word))
            if key and key not in seen:
                seen.add(key)
                terms.append({"term": word, "category": "babe_bias_word"})
    return fl.Lexicon.from_dict({"name": "babe-bias-words", "terms": terms},
                                source="babe/bias_word_lexicon.txt")


# -- matching ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    """A lexicon match in a document."""

    doc: int
    start: int
    end: int
    term: str
    category: str
    weight: float


def lexicon_matches(fl: Any, lexicon: Any, docs: Sequence[Doc]) -> list[Hit]:
    corpus = fl.Analyzer(lexicon).analyze_corpus(
        [{"id": i, "text": d.text} for i, d in enumerate(docs)], text="text", group=None,
        id="id")
    m = corpus.matches
    return [Hit(int(d), int(s), int(e), str(t), str(c), float(w)) for d, s, e, t, c, w in
            zip(m["doc_id"], m["start"], m["end"], m["term"], m["category"], m["weight"],
                strict=True)]


def word_matches(docs: Sequence[Doc]) -> list[Hit]:
    from framelens import _core
    return [Hit(i, s, e, "(word)", "word", 1.0) for i, d in enumerate(docs)
            for s, e, kind, _ in _core.tokens(d.text) if kind == WORD_KIND]


# -- scoring -------------------------------------------------------------------------------------
_STRIP = {"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Cc"}


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without punctuation, quotes and white space at its ends."""
    while start < end and unicodedata.category(text[start]) in _STRIP:
        start += 1
    while end > start and unicodedata.category(text[end - 1]) in _STRIP:
        end -= 1
    return start, end


class SpanIndex:
    """Gold spans per document, for overlap and exact-extent queries."""

    def __init__(self, docs: Sequence[Doc], spans: Sequence[Iterable[tuple[int, int]]]):
        self.spans: list[list[tuple[int, int]]] = [sorted(s) for s in spans]
        self.starts = [[s for s, _ in doc_spans] for doc_spans in self.spans]
        # trimmed extent -> indexes of the spans with that extent, per document
        self.exact: list[dict[tuple[int, int], list[int]]] = []
        for d, doc_spans in zip(docs, self.spans, strict=True):
            ext: dict[tuple[int, int], list[int]] = defaultdict(list)
            for k, (s, e) in enumerate(doc_spans):
                ext[trimmed(d.text, s, e)].append(k)
            self.exact.append(dict(ext))
        self.total = sum(len(s) for s in self.spans)
        # The union of each document's spans as disjoint sorted runs: one bisect tells
        # whether anything overlaps a range (most words overlap nothing).
        self.runs: list[tuple[list[int], list[int]]] = []
        for doc_spans in self.spans:
            starts: list[int] = []
            ends: list[int] = []
            for s, e in doc_spans:
                if starts and s <= ends[-1]:
                    ends[-1] = max(ends[-1], e)
                else:
                    starts.append(s)
                    ends.append(e)
            self.runs.append((starts, ends))

    @classmethod
    def of(cls, docs: Sequence[Doc], gold_set: str) -> SpanIndex:
        return cls(docs, [d.gold.get(gold_set, []) for d in docs])

    def overlaps(self, doc: int, start: int, end: int) -> bool:
        """Whether any span shares a character with [start, end)."""
        starts, ends = self.runs[doc]
        i = bisect.bisect_left(starts, end) - 1
        return i >= 0 and ends[i] > start

    def overlapping(self, doc: int, start: int, end: int) -> list[int]:
        """Indexes (within the document) of the spans sharing a character with [start, end)."""
        if not self.overlaps(doc, start, end):
            return []
        spans = self.spans[doc]
        hi = bisect.bisect_left(self.starts[doc], end)
        return [k for k in range(hi) if spans[k][1] > start]

    def exactly(self, doc: int, start: int, end: int) -> list[int]:
        """Indexes of the spans whose trimmed extent is exactly [start, end)."""
        return self.exact[doc].get((start, end), [])


@dataclass
class Score:
    matches: int = 0
    hits_overlap: int = 0
    hits_strict: int = 0
    spans: int = 0
    reached_overlap: int = 0
    reached_strict: int = 0
    weight: float = 0.0
    weight_hit: float = 0.0

    @property
    def precision_weighted(self) -> float:
        """Precision with each match counted by its weight (do heavier terms hit more?)."""
        return self.weight_hit / self.weight if self.weight else float("nan")

    @property
    def precision(self) -> float:
        return self.hits_overlap / self.matches if self.matches else float("nan")

    @property
    def precision_strict(self) -> float:
        return self.hits_strict / self.matches if self.matches else float("nan")

    @property
    def recall(self) -> float:
        return self.reached_overlap / self.spans if self.spans else float("nan")

    @property
    def recall_strict(self) -> float:
        return self.reached_strict / self.spans if self.spans else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score(hits: Iterable[Hit], index: SpanIndex) -> Score:
    """Overlap and strict precision and recall of the hits against one gold set."""
    out = Score(spans=index.total)
    reached: set[tuple[int, int]] = set()
    reached_strict: set[tuple[int, int]] = set()
    for h in hits:
        out.matches += 1
        out.weight += h.weight
        over = index.overlapping(h.doc, h.start, h.end)
        if over:
            out.hits_overlap += 1
            out.weight_hit += h.weight
            reached.update((h.doc, k) for k in over)
        exact = index.exactly(h.doc, h.start, h.end)
        if exact:
            out.hits_strict += 1
            reached_strict.update((h.doc, k) for k in exact)
    out.reached_overlap = len(reached)
    out.reached_strict = len(reached_strict)
    return out


def unreached_by_all(hit_lists: Iterable[list[Hit]], index: SpanIndex) -> int:
    """Gold spans that no hit of any of the lists overlaps."""
    reached: set[tuple[int, int]] = set()
    for hits in hit_lists:
        for h in hits:
            reached.update((h.doc, k) for k in index.overlapping(h.doc, h.start, h.end))
    return index.total - len(reached)


# -- report ----------------------------------------------------------------------------------------
def pct(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{100 * x:.1f}"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


class Evaluation:
    """The lexicons' matches on both corpora, the gold spans, and the tables built from them."""

    def __init__(self, data: Path):
        fl = import_framelens()
        self.corpora = {"PTC": read_ptc(data), "BASIL": read_basil(data)}
        self.gold_sets = {**{name: "PTC" for name in PTC_SETS}, BASIL_SET: "BASIL"}
        self.lexicons = {"loaded-language": fl.load_lexicon("loaded-language"),
                         "BABE words": babe_lexicon(fl, data)}
        others = {"ru-ua-conflict": fl.load_lexicon("ru-ua-conflict"),
                  "conflict-demo": fl.load_lexicon("conflict-demo")}
        # Each loaded-language category names its closest SemEval-2020 techniques (category
        # meta); the "wording" categories are those whose techniques include Loaded_Language
        # or Name_Calling: the lexicon without its hedges and attribution verbs.
        self.own_techniques = {
            c: set(v.get("meta", {}).get("semeval2020_techniques", []))
            for c, v in self.lexicons["loaded-language"].categories.items()}
        self.wording = {c for c, t in self.own_techniques.items()
                        if t & {"Loaded_Language", "Name_Calling,Labeling"}}
        self.matches: dict[tuple[str, str], list[Hit]] = {}
        for cname, docs in self.corpora.items():
            for lname, lex in {**self.lexicons, **others}.items():
                self.matches[(lname, cname)] = lexicon_matches(fl, lex, docs)
            self.matches[("all words", cname)] = word_matches(docs)
        self.union = (*self.lexicons, *others)
        self.indexes = {g: SpanIndex.of(self.corpora[c], g) for g, c in self.gold_sets.items()}
        ptc = self.corpora["PTC"]
        self.ptc_any = SpanIndex(ptc, [[span for key, spans in d.gold.items()
                                        if key.startswith("technique:") for span in spans]
                                       for d in ptc])
        techniques = sorted({k for d in ptc for k in d.gold if k.startswith("technique:")})
        self.techniques = {t.split(":", 1)[1]: SpanIndex.of(ptc, t) for t in techniques}
        self._own: dict[frozenset[str], SpanIndex] = {}
        self._chance: dict[str, float] = {}

    def scored(self, lexicon: str, corpus: str) -> list[Hit]:
        """Matches of terms with weight > 0 (the neutral baselines left out)."""
        if lexicon == WORDING:
            return [h for h in self.matches[("loaded-language", corpus)]
                    if h.weight > 0 and h.category in self.wording]
        return [h for h in self.matches[(lexicon, corpus)] if h.weight > 0]

    def own_index(self, techniques: set[str]) -> SpanIndex:
        """The PTC spans of any of these techniques."""
        key = frozenset(techniques)
        if key not in self._own:
            self._own[key] = SpanIndex(self.corpora["PTC"], [
                [span for t in techniques for span in d.gold.get("technique:" + t, [])]
                for d in self.corpora["PTC"]])
        return self._own[key]

    def chance(self) -> dict[str, float]:
        """Precision of 'every word is a match' against each gold set: the chance level."""
        if not self._chance:
            words = self.matches[("all words", "PTC")]

            def share(index: SpanIndex) -> float:
                return sum(index.overlaps(h.doc, h.start, h.end) for h in words) / len(words)

            self._chance = {"LL+NC": share(self.indexes["PTC both"]),
                            "any technique": share(self.ptc_any)}
            self._chance.update({t: share(ti) for t, ti in self.techniques.items()})
        return self._chance

    # -- tables ------------------------------------------------------------------------------
    def main_table(self) -> tuple[list[list[Any]], dict[tuple[str, str], Any]]:
        rows: list[list[Any]] = []
        numbers: dict[tuple[str, str], Any] = {}
        for gname, cname in self.gold_sets.items():
            idx = self.indexes[gname]
            for lname in (*self.lexicons, WORDING, "all words"):
                sc = score(self.scored(lname, cname), idx)
                numbers[(lname, gname)] = sc
                rows.append([gname, lname, f"{sc.matches:,}",
                             f"{pct(sc.precision)} / {pct(sc.precision_strict)}",
                             pct(sc.precision_weighted), f"{idx.total:,}",
                             f"{pct(sc.recall)} / {pct(sc.recall_strict)}", pct(sc.f1),
                             pct(1 - sc.recall)])
            none = unreached_by_all([self.scored(lname, cname) for lname in self.union], idx)
            numbers[("any lexicon", gname)] = none
            rows.append([gname, "any lexicon", "", "", "", f"{idx.total:,}",
                         f"{pct(1 - none / idx.total)} / ", "", pct(none / idx.total)])
        return rows, numbers

    def length_table(self) -> list[list[Any]]:
        from framelens import _core
        rows: list[list[Any]] = []
        for gname, cname in self.gold_sets.items():
            idx, docs = self.indexes[gname], self.corpora[cname]
            band_of: dict[tuple[int, int], int] = {}
            for d, spans in enumerate(idx.spans):
                for k, (start, end) in enumerate(spans):
                    n = sum(1 for _s, _e, kind, _f in _core.tokens(docs[d].text[start:end])
                            if kind == WORD_KIND)
                    band_of[(d, k)] = 1 if n <= 1 else 2 if n <= 3 else 4
            spans_in = Counter(band_of.values())
            for lname in self.lexicons:
                reached = {(h.doc, k) for h in self.scored(lname, cname)
                           for k in idx.overlapping(h.doc, h.start, h.end)}
                got = Counter(band_of[key] for key in reached)
                rows.append([gname, lname] + [
                    f"{spans_in[b]} ({pct(got[b] / spans_in[b])})" if spans_in[b] else "0"
                    for b in (1, 2, 4)])
        return rows

    def category_table(self) -> list[list[Any]]:
        rows: list[list[Any]] = []
        for lname in self.lexicons:
            cats = sorted({h.category for c in self.corpora for h in self.matches[(lname, c)]})
            for cat in cats:
                ptc = [h for h in self.matches[(lname, "PTC")] if h.category == cat]
                basil = [h for h in self.matches[(lname, "BASIL")] if h.category == cat]
                s_ptc = score(ptc, self.indexes["PTC both"])
                s_basil = score(basil, self.indexes[BASIL_SET])
                s_any = score(ptc, self.ptc_any)
                own = self.own_techniques.get(cat, set()) if lname == "loaded-language" else set()
                s_own = score(ptc, self.own_index(own)) if own else None
                share = {t: sum(1 for h in ptc if ti.overlaps(h.doc, h.start, h.end))
                         for t, ti in self.techniques.items()}
                best = max(share, key=lambda t: share[t]) if ptc else ""
                rows.append([lname, cat, s_ptc.matches, s_ptc.hits_overlap,
                             pct(s_ptc.precision), s_ptc.reached_overlap,
                             f"{pct(s_own.precision)} / {pct(s_own.recall)}" if s_own else "",
                             pct(s_any.precision),
                             f"{best} ({pct(share[best] / len(ptc))})" if best else "",
                             s_basil.matches, s_basil.hits_overlap, pct(s_basil.precision),
                             s_basil.reached_overlap])
        return rows

    def weight_table(self) -> list[list[Any]]:
        rows: list[list[Any]] = []
        hits = self.matches[("loaded-language", "PTC")]
        for lo, hi, label in ((0.0, 0.0, "0 (neutral)"), (0.01, 0.3, "0.25"),
                              (0.3, 0.6, "0.5"), (0.6, 1.1, "1"), (1.1, 2.1, "1.5-2")):
            band = [h for h in hits if lo <= h.weight <= hi]
            own = sum(1 for h in band if self.own_techniques.get(h.category) and self.own_index(
                self.own_techniques[h.category]).overlaps(h.doc, h.start, h.end))
            rows.append([label, len({h.term for h in band}), len(band),
                         pct(score(band, self.indexes["PTC both"]).precision),
                         pct(own / len(band)) if band else "n/a",
                         pct(score(band, self.ptc_any).precision)])
        return rows

    def term_table(self, minimum: int) -> list[list[Any]]:
        by_term: dict[str, list[Hit]] = defaultdict(list)
        for h in self.matches[("loaded-language", "PTC")]:
            by_term[h.term].append(h)
        basil: dict[str, list[Hit]] = defaultdict(list)
        for h in self.matches[("loaded-language", "BASIL")]:
            basil[h.term].append(h)
        chance = self.chance()["LL+NC"]
        rows: list[list[Any]] = []
        for term, hits in sorted(by_term.items(), key=lambda kv: -len(kv[1])):
            if len(hits) < minimum:
                continue
            sc = score(hits, self.indexes["PTC both"])
            techs = self.own_techniques.get(hits[0].category)
            s_own = score(hits, self.own_index(techs)) if techs else None
            sb = score(basil.get(term, []), self.indexes[BASIL_SET])
            rows.append([term, hits[0].category, hits[0].weight, sc.matches, pct(sc.precision),
                         pct(s_own.precision) if s_own else "",
                         pct(score(hits, self.ptc_any).precision), sb.matches,
                         pct(sb.precision), "below" if sc.precision <= chance else ""])
        return rows


def evaluate(data: Path, terms_min: int = 0, out: TextIO = sys.stdout) -> Evaluation:
    """Runs the evaluation and prints its tables (Markdown)."""
    ev = Evaluation(data)
    sizes = {c: (len(docs), len(ev.matches[("all words", c)])) for c, docs in ev.corpora.items()}
    print("## Lexicons against annotated spans\n", file=out)
    print(f"PTC: {sizes['PTC'][0]} articles, {sizes['PTC'][1]:,} word tokens; BASIL: "
          f"{sizes['BASIL'][0]:,} sentences, {sizes['BASIL'][1]:,} word tokens. Precision (P) "
          "and recall (R) in %, overlap / strict; 'P weighted' counts each match by its "
          "weight; F1 from the overlap figures. 'wording categories' = the loaded-language "
          "categories whose closest techniques include Loaded_Language or Name_Calling: "
          f"{', '.join(sorted(ev.wording))}.\n", file=out)
    rows, _ = ev.main_table()
    print(table(["gold set", "lexicon", "matches", "P overlap / strict", "P weighted",
                 "gold spans", "R overlap / strict", "F1", "unreached"], rows), file=out)
    print("\n### Gold spans by length in words, and the share each lexicon reaches "
          "(overlap, %)\n", file=out)
    print(table(["gold set", "lexicon", "1 word", "2-3 words", "4+ words"], ev.length_table()),
          file=out)
    print("\n### Per category: which categories carry the score (PTC gold = Loaded_Language "
          "+ Name_Calling; precision and recall in %)\n", file=out)
    print("Chance level (share of PTC word tokens inside spans, %): " + "; ".join(
        f"{k} {pct(v)}" for k, v in ev.chance().items()) + ".\n", file=out)
    print(table(["lexicon", "category", "PTC matches", "hits", "P", "spans reached",
                 "P / R own techniques", "P any technique", "most overlapped technique (%)",
                 "BASIL matches", "hits", "P", "spans reached"], ev.category_table()), file=out)
    print("\n### loaded-language by weight: do heavier terms hit more? (PTC, %)\n", file=out)
    print(table(["weight", "terms matched", "matches", "P LL+NC", "P own techniques",
                 "P any technique"], ev.weight_table()), file=out)
    if terms_min:
        print(f"\n### loaded-language terms with at least {terms_min} PTC matches (%)\n",
              file=out)
        print(table(["term", "category", "weight", "PTC matches", "P LL+NC",
                     "P own techniques", "P any technique", "BASIL matches", "P",
                     "LL+NC vs chance"], ev.term_table(terms_min)), file=out)
    return ev


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--terms", type=int, default=0, metavar="N",
                        help="also list loaded-language terms with at least N PTC matches")
    args = parser.parse_args(argv)
    needed = [args.data / "ptc_semeval2020_task11", args.data / "basil",
              args.data / "babe" / "bias_word_lexicon.txt"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        print("lexicon_eval: missing data: " + ", ".join(missing), file=sys.stderr)
        return 2
    evaluate(args.data, args.terms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
