"""Deterministic news-like corpora and realistic lexicons for the speed benchmarks.

One seed gives the same bytes on every machine and Python version (only ``random.Random``
with explicit seeds, no hash ordering). The corpus imitates wire and web news:

- a Zipf-distributed vocabulary: about 170 English function words, some 300 real content
  words of conflict coverage and 30,000 made-up content words of realistic length (so a
  100,000-term lexicon can be drawn from words that occur at realistic frequencies);
- sentences of 8 to 30 words with commas, numbers ("3.5", "1,000", "2024"), abbreviations
  ("Mr.", "U.S.", "Dr.", "a.m."), possessives ("Kyiv's"), hyphenated compounds
  ("Kiev-controlled"), dashes, quotations (“…,” an official said.), attributions
  ("according to local media"), non-ASCII Latin names (Kraków, Zürich) and some Cyrillic
  words and sentences;
- real framing vocabulary (Kiev regime, special military operation, so-called, …) in about
  one sentence in ten, each outlet with its own habits; documents of 6 to 30 sentences in
  paragraphs, from six outlets.

A lexicon of N terms holds the 60 real framing terms first, then N - 60 terms drawn from
the same vocabulary: 12 % single words from the rarer ranks, 18 % collocations the generator
also writes (so multi-word matches do occur) and 70 % random phrases of two to four words
that start with a common word (so the matcher walks many prefixes that then fail). Of the
single words about one in ten is a wildcard (``prefix*``); 5 % of the terms carry a variant
and 1 % are case-sensitive acronyms. On 2 MB of text (290,000 word tokens) the lexicons of
100, 1,000, 10,000 and 100,000 terms find about 2,000, 2,500, 5,300 and 20,000 matches
(0.7 % to 6.8 % of the word tokens).
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Dict, Iterator, List, Sequence, Tuple

OUTLETS = ("RT", "Sputnik", "TASS", "BBC", "Reuters", "Kyiv Independent")

FUNCTION_WORDS = """the of and to in a that for on is was with said by as at from it be
has have he his are were not its an but they had which who their been this will would
after more also about over than two into one new could there other last first them when
up out all year years she her we some can no what our told some three while because
between before against during under since where only most may such those these then
through both each just any so very many much now even still being do did does should
must might around across about off if our my your how why per without within among
until upon whether four five six seven eight nine ten here whose whom once again yet
""".split()

CONTENT_WORDS = """government officials announced monday tuesday wednesday thursday friday
measures effect week talks ministers capital region forces reported heavy fighting front
line civilians left homes several villages ministry defence released figures losses
equipment drones analysts expect prices energy grain rise further sanctions tighten
exports parliament voted approve budget despite objections opposition lawmakers called
spending schools hospitals roads president met foreign leaders summit discuss security
guarantees aid packages reconstruction damaged infrastructure including bridges power
plants railway stations water supply networks residents described long queues fuel
bread medicine winter approached temperatures fell below zero humanitarian groups warned
shortages across eastern southern areas journalists allowed visit site strike hit
apartment building investigators examining fragments determine kind missile used central
bank kept interest rates unchanged citing inflation risks weak currency markets farmers
harvested wheat corn sunflower seeds mines fields storage ceasefire stalled both sides
accused each violating previous agreements observers international organisations verify
reports mayor urged people stay shelters air raid alerts sounded overnight court
sentenced men prison espionage sabotage behalf services prosecutors evidence included
messages photographs transfers troops border military operation attack soldiers killed
wounded city town war peace negotiations delegation minister spokesman statement press
conference interview television channel newspaper agency sources according local media
election vote campaign party leader coalition economy growth percent billion million
dollars euros rubles hryvnia oil gas pipeline deliveries contract company companies
workers factory production plant nuclear reactor inspectors agency international
refugees border crossing country countries europe european union alliance members
summit declaration weapons tanks artillery shells ammunition air defence systems
missiles launched overnight regions damage fire emergency rescue teams victims bodies
children women families evacuation trains buses convoy corridor negotiators prisoners
exchange released returned captured held detained arrested charged trial judge sentence
years investigation officials suspected corruption scheme funds embassy ambassador
diplomats expelled response retaliation measures restrictions ban imports goods trade
""".split()

NAMES = ("Moscow", "Washington", "Brussels", "Berlin", "Warsaw", "London", "Paris", "Geneva",
         "Kharkiv", "Odesa", "Zaporizhzhia", "Crimea", "Belgorod", "Kursk", "Minsk", "Ankara",
         "Kraków", "Zürich", "Gdańsk", "Düsseldorf", "São Paulo", "Peskov", "Zelensky",
         "Lavrov", "Blinken", "Scholz", "Macron", "Erdoğan", "Stoltenberg", "Shoigu")

ABBREVIATED = ("Mr. Peskov", "Dr. Novak", "Gen. Gerasimov", "the U.S.", "U.S. officials",
               "the U.K.", "at 9 a.m.", "Mrs. Baerbock", "Lt. Col. Ivanov", "St. Petersburg")

CYRILLIC_WORDS = """Київ Москва Кремль войска заявил сказал министр оборона город область
україна росія переговоры санкции удар ракета беженцы граница война мир правительство
""".split()

# Real framing vocabulary (the kind of terms media researchers count), with the category
# each belongs to; the corpus uses them, every lexicon starts with them.
FRAMING_TERMS: Tuple[Tuple[str, str], ...] = (
    ("Kiev regime", "delegitimization"), ("junta", "delegitimization"),
    ("coup d'état", "delegitimization"), ("neo-Nazis", "delegitimization"),
    ("puppet government", "delegitimization"), ("illegitimate", "delegitimization"),
    ("Kiev", "toponym_ru"), ("Donbass", "toponym_ru"), ("Lugansk", "toponym_ru"),
    ("Odessa", "toponym_ru"), ("Kharkov", "toponym_ru"), ("Nikolaev", "toponym_ru"),
    ("Kyiv", "toponym_ua"), ("Donbas", "toponym_ua"), ("Luhansk", "toponym_ua"),
    ("Odesa", "toponym_ua"), ("Kharkiv", "toponym_ua"), ("Mykolaiv", "toponym_ua"),
    ("special military operation", "euphemism"), ("liberat*", "euphemism"),
    ("denazification", "euphemism"), ("demilitarization", "euphemism"),
    ("counteroffensive", "military"), ("partial mobilization", "euphemism"),
    ("full-scale invasion", "accusation"), ("aggressor country", "accusation"),
    ("war crimes", "accusation"), ("terrorist state", "accusation"),
    ("genocide", "accusation"), ("occupied territories", "accusation"),
    ("occupiers", "accusation"), ("invaders", "accusation"), ("aggress*", "accusation"),
    ("Revolution of Dignity", "legitimization"), ("Euromaidan", "legitimization"),
    ("so-called", "distancing"), ("self-proclaimed", "distancing"),
    ("alleged", "distancing"), ("purported", "distancing"), ("claim*", "attribution_doubt"),
    ("insisted", "attribution_doubt"), ("propaganda", "discredit"),
    ("disinformation", "discredit"), ("fake news", "discredit"), ("Russophobia", "discredit"),
    ("collective West", "geopolitics"), ("Anglo-Saxons", "geopolitics"),
    ("proxy war", "geopolitics"), ("NATO expansion", "geopolitics"),
    ("red lines", "geopolitics"), ("DPR", "actor"), ("LPR", "actor"), ("NATO", "actor"),
    ("Wagner", "actor"), ("Azov", "actor"), ("Kremlin", "actor"), ("Київ", "toponym_ua"),
    ("Киев", "toponym_ru"), ("киевский режим", "delegitimization"),
    ("спецоперация", "euphemism"),
)

_TERMS_BY_OUTLET = {
    "RT": ["Kiev regime", "Kiev", "Donbass", "special military operation", "junta",
           "coup d'état", "liberated", "neo-Nazis", "DPR", "so-called", "collective West",
           "Russophobia", "Lugansk", "Kharkov", "denazification", "Anglo-Saxons"],
    "Sputnik": ["Kiev", "Kiev regime", "Donbass", "special military operation", "liberation",
                "DPR", "LPR", "self-proclaimed", "Kiev-controlled", "proxy war",
                "NATO expansion", "Odessa", "киевский режим"],
    "TASS": ["Kiev", "Donbass", "special military operation", "liberated", "DPR",
             "partial mobilization", "red lines", "Kremlin", "спецоперация", "Киев"],
    "BBC": ["Kyiv", "Donbas", "full-scale invasion", "claimed", "so-called", "war crimes",
            "occupied territories", "counteroffensive", "Kharkiv", "disinformation"],
    "Reuters": ["Kyiv", "Kyiv's", "Donbas", "full-scale invasion", "claims", "alleged",
                "Luhansk", "Mykolaiv", "counteroffensive", "Wagner", "NATO"],
    "Kyiv Independent": ["Kyiv", "Donbas", "full-scale invasion", "Revolution of Dignity",
                         "aggressor country", "self-proclaimed", "occupiers", "invaders",
                         "terrorist state", "genocide", "Euromaidan", "Київ", "Azov"],
}

_SYLLABLES = ("ba be bi bo bu ca co cu da de di do fa fe fi fo ga ge go gu ha he hi ho ka ke "
              "ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro "
              "ru sa se si so su ta te ti to tu va ve vi vo za zo an en in on ar er ir or ur "
              "al el il ol str tr pr gr br kr pl bl sk st sp ch sh th").split()
_ENDINGS = ("", "", "", "s", "ed", "ing", "er", "ion", "al", "ive", "ity", "ment", "ness",
            "ous", "ic", "ist")


class Vocabulary:
    """Words with Zipf frequencies: function words, real content words, made-up ones."""

    def __init__(self, seed: int = 11, n_made_up: int = 30_000):
        rng = random.Random(seed)
        seen = set(FUNCTION_WORDS) | set(CONTENT_WORDS)
        made_up: List[str] = []
        while len(made_up) < n_made_up:
            w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 3, 4))))
            w += rng.choice(_ENDINGS)
            if 3 <= len(w) <= 16 and w not in seen:
                seen.add(w)
                made_up.append(w)
        # dict.fromkeys: keep the first of repeated words, in order
        self.content: List[str] = list(dict.fromkeys(CONTENT_WORDS)) + made_up
        self.function: List[str] = list(dict.fromkeys(FUNCTION_WORDS))
        # cumulative Zipf weights (s = 1.05) over content ranks, for rng.choices
        self.content_cum = _cumulative([1.0 / (r + 1) ** 1.05 for r in range(len(self.content))])
        self.function_cum = _cumulative([1.0 / (r + 1) ** 0.9 for r in range(len(self.function))])
        # collocations: fixed two- and three-word phrases the generator writes as units
        crng = random.Random(seed + 1)
        self.collocations: List[str] = []
        cs = set()
        while len(self.collocations) < 6_000:
            k = 2 if crng.random() < 0.7 else 3
            words = [self.content[min(int(crng.paretovariate(0.6)) * 7 + crng.randrange(7),
                                      len(self.content) - 1)] for _ in range(k)]
            p = " ".join(words)
            if p not in cs and len(set(words)) == k:
                cs.add(p)
                self.collocations.append(p)
        self.colloc_cum = _cumulative([1.0 / (r + 1) ** 0.8 for r in range(len(self.collocations))])


def _cumulative(ws: Sequence[float]) -> List[float]:
    out, acc = [], 0.0
    for w in ws:
        acc += w
        out.append(acc)
    return out


class NewsGenerator:
    """Sentences and documents of news-like text (see the module docstring)."""

    def __init__(self, vocab: Vocabulary, seed: int):
        self.v = vocab
        self.rng = random.Random(seed)

    def _content(self, k: int) -> List[str]:
        return self.rng.choices(self.v.content, cum_weights=self.v.content_cum, k=k)

    def sentence(self, outlet: str) -> str:
        rng = self.rng
        n = rng.randint(8, 30)
        if rng.random() < 0.02:  # a Russian or Ukrainian sentence quoted in the original
            cyr = [rng.choice(CYRILLIC_WORDS) for _ in range(rng.randint(5, 12))]
            return cyr[0][0].upper() + " ".join(cyr)[1:] + "."
        words: List[str] = []
        content = self._content(n)
        funcs = rng.choices(self.v.function, cum_weights=self.v.function_cum, k=n)
        for i in range(n):
            words.append(funcs[i] if rng.random() < 0.45 else content[i])
        r = rng.random()
        if r < 0.25:
            words[rng.randrange(n)] = rng.choice(NAMES)
        elif r < 0.35:
            words[rng.randrange(n)] = rng.choice(ABBREVIATED)
        if rng.random() < 0.3:
            words.insert(rng.randrange(n), rng.choices(self.v.collocations,
                                                       cum_weights=self.v.colloc_cum)[0])
        if rng.random() < 0.12:
            words.insert(rng.randint(1, n), rng.choice(_TERMS_BY_OUTLET[outlet]))
        r = rng.random()
        if r < 0.05:
            words.insert(rng.randint(1, n), f"{rng.randint(2, 999)},{rng.randint(0, 999):03d}")
        elif r < 0.10:
            words.insert(rng.randint(1, n), f"{rng.randint(1, 99)}.{rng.randint(0, 9)} percent")
        elif r < 0.14:
            words.insert(rng.randint(1, n), str(rng.randint(1990, 2026)))
        if rng.random() < 0.05:
            i = rng.randrange(n)
            words[i] = words[i] + "'s"
        if rng.random() < 0.04:
            i = rng.randrange(len(words) - 1)
            words[i] = words[i] + "-" + words[i + 1]
            del words[i + 1]
        if rng.random() < 0.2:
            words[rng.randrange(2, len(words))] += ","
        if rng.random() < 0.05:
            words.insert(rng.randrange(2, len(words)), "\u2014")
        s = " ".join(words).rstrip(",")
        s = s[0].upper() + s[1:]
        r = rng.random()
        if r < 0.08:
            return "\u201c" + s + ",\u201d " + rng.choice(("an official", "the minister",
                                                          "a spokesman", "Mr. Peskov")) + " said."
        if r < 0.12:
            return s + ", according to " + rng.choice(("local media", "the ministry",
                                                        "Reuters", "state television")) + "."
        if r < 0.14:
            return '"' + s + '?" ' + rng.choice(("he asked", "she asked")) + "."
        if r < 0.16:
            return s + "!"
        return s + "."

    def document(self, outlet: str) -> str:
        rng = self.rng
        k = rng.randint(6, 30)
        sents = [self.sentence(outlet) for _ in range(k)]
        paras = []
        i = 0
        while i < k:
            m = rng.randint(2, 5)
            paras.append(" ".join(sents[i:i + m]))
            i += m
        return "\n\n".join(paras)


def documents(size_mb: float, seed: int = 2024, vocab: "Vocabulary | None" = None
              ) -> Iterator[Dict[str, str]]:
    """Records {id, outlet, text} until their texts add up to size_mb MB (10^6 bytes)."""
    vocab = vocab or Vocabulary()
    gen = NewsGenerator(vocab, seed)
    target = int(size_mb * 1_000_000)
    written = 0
    i = 0
    while written < target:
        outlet = OUTLETS[i % len(OUTLETS)]
        text = gen.document(outlet)
        written += len(text.encode("utf-8"))
        yield {"id": f"{outlet[:3].lower()}-{i}", "outlet": outlet, "text": text}
        i += 1


def write_corpus(path: Path, size_mb: float, seed: int = 2024) -> Tuple[int, int]:
    """Writes the corpus as JSON Lines; returns (documents, text bytes)."""
    n = 0
    total = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in documents(size_mb, seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
            total += len(rec["text"].encode("utf-8"))
    return n, total


def read_corpus(path: Path) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def lexicon(n_terms: int, seed: int = 7, vocab: "Vocabulary | None" = None) -> dict:
    """A lexicon dict (DESIGN.md section 2) of n_terms terms (see the module docstring)."""
    vocab = vocab or Vocabulary()
    rng = random.Random(seed * 1_000_003 + n_terms)
    terms: List[dict] = []
    taken = set()

    def add(term: str, category: str, **extra) -> bool:
        key = term.lower()
        if key in taken or len(terms) >= n_terms:
            return False
        taken.add(key)
        terms.append({"term": term, "category": category, **extra})
        return True

    for term, cat in FRAMING_TERMS:
        add(term, cat, weight=2.0 if cat in ("delegitimization", "accusation") else 1.0)
    content = vocab.content
    cats = ("economy", "military", "diplomacy", "society", "politics", "energy", "law")
    n_common = 400  # phrases that fail late start with a common word
    guard = 0
    while len(terms) < n_terms and guard < 50 * n_terms:
        guard += 1
        r = rng.random()
        cat = cats[rng.randrange(len(cats))]
        if r < 0.12:  # one word, from the rarer ranks
            w = content[rng.randrange(5_000, len(content))]
            if rng.random() < 0.09 and len(w) >= 6:
                add(w[:rng.randint(4, len(w) - 1)] + "*", cat)
                continue
            term = w
        elif r < 0.30:  # a collocation the corpus writes
            term = vocab.collocations[rng.randrange(len(vocab.collocations))]
        else:  # a random phrase of 2-4 words starting with a common word
            k = 2 if r < 0.80 else (3 if r < 0.93 else 4)
            first = content[rng.randrange(n_common)]
            term = " ".join([first] + [content[rng.randrange(len(content))]
                                       for _ in range(k - 1)])
        extra: dict = {}
        if rng.random() < 0.05:
            parts = term.split()
            variant = "-".join(parts) if len(parts) > 1 else parts[0] + "s"
            if variant.lower() not in taken:
                extra["variants"] = [variant]
        if rng.random() < 0.01:
            acronym = "".join(rng.choice("ABCDEFGHKLMNPRSTUVW") for _ in range(rng.randint(2, 4)))
            if add(acronym, cat, case_sensitive=True):
                continue
        if add(term, cat, **extra) and "variants" in extra:
            taken.add(extra["variants"][0].lower())
    return {"name": f"bench-{n_terms}", "version": "1", "language": "en",
            "exclude": ["chicken Kiev"], "terms": terms}


def main(argv: "List[str] | None" = None) -> int:
    """Writes a corpus (corpus.jsonl) and lexicons (lexicon-N.json) into a folder, for the
    C stage benchmark (benchmarks/stages.c) and anyone who wants the same data."""
    import argparse
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--out", required=True, help="folder to write into")
    ap.add_argument("--size-mb", type=float, default=16.0)
    ap.add_argument("--terms", default="100,1000,10000,100000")
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    vocab = Vocabulary()
    n, size = write_corpus(out / "corpus.jsonl", args.size_mb, args.seed)
    for k in (int(x) for x in args.terms.split(",") if x.strip()):
        (out / f"lexicon-{k}.json").write_text(json.dumps(lexicon(k, vocab=vocab),
                                                          ensure_ascii=False), encoding="utf-8")
    print(f"wrote {n:,} documents ({size / 1e6:.1f} MB of text) and lexicons of {args.terms} "
          f"terms to {out}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main())
