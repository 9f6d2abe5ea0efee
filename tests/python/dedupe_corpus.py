"""A generated news corpus with known copies, for the near-duplicate tests and benchmark.

Articles are written from a vocabulary of common English words and invented names, grouped
by topic. Each topic has official statements that many of its articles quote word for word,
and each outlet has its own footer, so distinct articles on one topic share whole sentences:
the case a copy detector must not merge. Some articles are reprinted by other outlets with
the edits reprints get (Broder 1997; Henzinger 2006): a new headline, a few words changed,
the typography redone (quotes, dashes, apostrophes, ellipses, spacing, case), the dateline
and footer replaced, the ending cut, two paragraphs swapped.

Everything is drawn from ``random.Random(seed)``: the same seed gives the same corpus.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Set, Tuple

FUNCTION = (
    "the of and to in a that for on is was with said by as at from it his be has have "
    "are were not but an this had which its they who their will would been after also "
    "more over than about into up two new one could when other some there all before "
    "while last three since during against under between out only such first most"
).split()

CONTENT = (
    "government minister officials week year people country forces military police city "
    "region talks peace security state president support report statement people's "
    "people war attack troops border agreement election party parliament economy "
    "prices energy gas oil sanctions aid weapons ceasefire negotiations leaders "
    "ministry spokesman source sources data plan plans court law decision vote "
    "crisis conflict deal visit meeting summit capital residents civilians hospital "
    "school bridge power station infrastructure damage strike strikes missile drone "
    "drones village town district province area front line units battalion unit "
    "commander officers soldiers prisoners exchange talks refugees border crossing "
    "reporters journalists media channel television newspaper agency interview "
    "analysts experts observers mission monitors inspectors investigation evidence "
    "claims accused denied confirmed announced warned called urged rejected backed "
    "opposed demanded promised expected reported added noted stressed insisted "
    "market trade exports imports budget loan debt bank currency inflation growth "
    "companies workers union strike protest protesters rally crowd square street "
    "morning evening night day hours days weeks months earlier later recent latest "
    "major minor key main senior former current national local regional foreign "
    "international western eastern northern southern central large small high low "
    "heavy serious significant possible likely further new old long short early "
    "late strong weak clear open closed public private official unofficial"
).split()

SYLLABLES = ("ka ro vi len mar do sta nov ko bel tar yev zin ha lo ran mir pol dan ser "
             "gor vla chen bur ost kiv lyn dor mak sen tu ri ol as ev ina ko").split()

OUTLETS = ("Northern Wire", "Daily Ledger", "Capital Herald", "Eastern Post", "Morning Signal",
           "Free Courier")


@dataclass
class Topic:
    names: List[str]
    places: List[str]
    words: List[str]
    statements: List[str]  # quoted word for word by many articles of the topic


@dataclass
class Article:
    doc_id: str
    outlet: str
    text: str
    family: int        # the source article's number: copies share it
    topic: int
    kind: str          # "source", "copy" or "distinct"
    edits: List[str] = field(default_factory=list)


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _zipf_choice(rng: random.Random, words: Sequence[str], s: float = 1.0) -> str:
    # inverse-rank weights, drawn by bisection on the cumulative sum (cached per list)
    key = (id(words), s)
    cum = _CUM.get(key)
    if cum is None:
        cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(words))))
        _CUM[key] = cum
    x = rng.random() * cum[-1]
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return words[lo]


_CUM: Dict[Tuple[int, float], List[float]] = {}


def _sentence(rng: random.Random, topic: Topic, n_words: int) -> str:
    out = []
    for _ in range(n_words):
        x = rng.random()
        if x < 0.42:
            out.append(_zipf_choice(rng, FUNCTION))
        elif x < 0.82:
            out.append(_zipf_choice(rng, CONTENT, 0.8))
        elif x < 0.9:
            out.append(rng.choice(topic.words))
        elif x < 0.95:
            out.append(rng.choice(topic.places))
        elif x < 0.98:
            out.append(rng.choice(topic.names))
        else:
            out.append(str(rng.choice([rng.randint(2, 99), rng.randint(100, 9999)])))
        if rng.random() < 0.06 and out and out[-1].isalpha():
            out[-1] += ","
    out[0] = out[0][0].upper() + out[0][1:]
    return " ".join(out).rstrip(",") + "."


def make_topic(rng: random.Random) -> Topic:
    names = [f"{_name(rng)} {_name(rng, 3)}" for _ in range(4)]
    places = [_name(rng, rng.choice((2, 3))) for _ in range(4)]
    words = [_name(rng, 2).lower() for _ in range(6)] + rng.sample(CONTENT, 12)
    topic = Topic(names, places, words, [])
    topic.statements = [_sentence(rng, topic, rng.randint(12, 24)) for _ in range(5)]
    return topic


def _headline(rng: random.Random, topic: Topic) -> str:
    words = _sentence(rng, topic, rng.randint(6, 11)).rstrip(".").split()
    return " ".join(words)


def _article(rng: random.Random, topic: Topic, outlet: str, paragraphs: int) -> List[str]:
    """Headline, dateline + lead, body paragraphs (some quoting the topic's statements),
    footer: a list of paragraphs."""
    paras = [_headline(rng, topic)]
    lead = _sentence(rng, topic, rng.randint(18, 32))
    paras.append(f"{rng.choice(topic.places).upper()}, {rng.randint(1, 28)} March "
                 f"({outlet}) - {lead}")
    quoted = rng.sample(topic.statements, rng.randint(1, 3))
    for _ in range(paragraphs):
        sents = [_sentence(rng, topic, rng.randint(10, 30)) for _ in range(rng.randint(1, 4))]
        if quoted and rng.random() < 0.5:
            q = quoted.pop()
            sents.insert(rng.randint(0, len(sents)),
                         f'"{q.rstrip(".")}," {rng.choice(topic.names)} said.')
        paras.append(" ".join(sents))
    for q in quoted:
        paras.append(f'"{q.rstrip(".")}," the {rng.choice(["ministry", "office", "spokesman"])} '
                     f"said in a statement.")
    paras.append(f"Follow {outlet} for the latest news. Reporting by {_name(rng)} "
                 f"{_name(rng, 3)}; editing by {_name(rng)} {_name(rng, 3)}.")
    return paras


# -- the edits of a reprint ----------------------------------------------------------------

def _typography(rng: random.Random, text: str) -> str:
    if rng.random() < 0.8:  # curly quotes and apostrophes
        out, open_q = [], True
        for ch in text:
            if ch == '"':
                out.append("\u201c" if open_q else "\u201d")
                open_q = not open_q
            elif ch == "'":
                out.append("\u2019")
            else:
                out.append(ch)
        text = "".join(out)
    if rng.random() < 0.6:
        text = text.replace(" - ", rng.choice([" \u2014 ", " \u2013 ", " -- ", "\u2014"]))
    if rng.random() < 0.4:
        text = text.replace(", ", ",\u00a0", rng.randint(1, 5))
    if rng.random() < 0.4:
        text = text.replace(". ", ".  ")
    if rng.random() < 0.3:
        text = text.replace("\n\n", "\n")
    return text


def _edit_words(rng: random.Random, paras: List[str], topic: Topic, n: int) -> List[str]:
    paras = list(paras)
    for _ in range(n):
        p = rng.randrange(1, len(paras))
        words = paras[p].split(" ")
        i = rng.randrange(len(words))
        op = rng.random()
        new = _zipf_choice(rng, CONTENT, 0.8)
        if op < 0.6:
            words[i] = new
        elif op < 0.8:
            words.insert(i, new)
        elif len(words) > 3:
            del words[i]
        paras[p] = " ".join(words)
    return paras


def make_copy(rng: random.Random, source: List[str], topic: Topic, src_outlet: str,
              outlet: str) -> Tuple[str, List[str]]:
    paras = list(source)
    edits: List[str] = []
    # the copying outlet's footer and dateline
    paras[-1] = (f"Follow {outlet} for the latest news. Reporting by {_name(rng)} "
                 f"{_name(rng, 3)}.")
    if rng.random() < 0.6:
        paras[1] = paras[1].split(" - ", 1)[-1]
        edits.append("dateline")
    else:
        paras[1] = paras[1].replace(f"({src_outlet})", f"({outlet})")
    if rng.random() < 0.7:
        paras[0] = _headline(rng, topic)
        edits.append("headline")
    elif rng.random() < 0.5:
        paras[0] = paras[0].title()
        edits.append("headline case")
    body = paras[1:-1]
    if rng.random() < 0.5 and len(body) > 4:
        keep = max(3, int(round(len(body) * rng.uniform(0.6, 0.9))))
        body = body[:keep]
        edits.append(f"trimmed to {keep}/{len(paras) - 2}")
    if rng.random() < 0.3 and len(body) > 3:
        i = rng.randrange(1, len(body) - 1)
        body[i], body[i + 1] = body[i + 1], body[i]
        edits.append("paragraphs swapped")
    paras = [paras[0]] + body + [paras[-1]]
    n_edits = rng.randint(0, 8)
    if n_edits:
        paras = _edit_words(rng, paras, topic, n_edits)
        edits.append(f"{n_edits} words edited")
    text = "\n\n".join(paras)
    if rng.random() < 0.6:
        text = _typography(rng, text)
        edits.append("typography")
    return text, edits


def generate(seed: int = 0, n_topics: int = 12, n_sources: int = 240, n_distinct: int = 240,
             copy_rate: float = 0.5, max_copies: int = 4) -> List[Article]:
    """The corpus: sources (some reprinted 1 to max_copies times), and distinct articles on
    the same topics. Returned in a shuffled order (a corpus is not sorted by family)."""
    rng = random.Random(seed)
    topics = [make_topic(rng) for _ in range(n_topics)]
    articles: List[Article] = []
    family = 0
    for i in range(n_sources + n_distinct):
        t = rng.randrange(n_topics)
        outlet = rng.choice(OUTLETS)
        size = rng.choice([3, 5, 8, 10, 12, 15])
        paras = _article(rng, topics[t], outlet, size)
        is_source = i < n_sources
        kind = "source" if is_source else "distinct"
        articles.append(Article(f"d{len(articles)}", outlet, "\n\n".join(paras), family, t, kind))
        if is_source and rng.random() < copy_rate:
            for _ in range(rng.randint(1, max_copies)):
                other = rng.choice(OUTLETS)
                text, edits = make_copy(rng, paras, topics[t], outlet, other)
                articles.append(Article(f"d{len(articles)}", other, text, family, t, "copy",
                                        edits))
        family += 1
    rng.shuffle(articles)
    return articles


def true_pairs(articles: Sequence[Article]) -> Set[Tuple[int, int]]:
    """Index pairs (i < j) of articles of the same family."""
    by_family: Dict[int, List[int]] = {}
    for i, a in enumerate(articles):
        by_family.setdefault(a.family, []).append(i)
    return {(a, b) for members in by_family.values()
            for a, b in itertools.combinations(sorted(members), 2)}


def cluster_pairs(labels: Sequence[int]) -> Set[Tuple[int, int]]:
    """Index pairs (i < j) that share a cluster label."""
    by_label: Dict[int, List[int]] = {}
    for i, lab in enumerate(labels):
        by_label.setdefault(int(lab), []).append(i)
    return {(a, b) for members in by_label.values()
            for a, b in itertools.combinations(sorted(members), 2)}


def precision_recall(predicted: Set[Tuple[int, int]], truth: Set[Tuple[int, int]]
                     ) -> Tuple[float, float]:
    """Pairwise precision and recall (1.0 when there is nothing to find or nothing found)."""
    hit = len(predicted & truth)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(truth) if truth else 1.0
    return precision, recall
