"""Who says it: framelens' speakers and cues against PolNeAR's Source and Cue spans.

PolNeAR (Newell, Margolin & Ruths 2018; ../shared/data/polnear/README.md) annotates every
attribution of 840 news articles (the training split) with its source (the speaker), its cue
(the reporting verb or phrase) and its content. framelens records the same three parts for
every attribution it finds (``Document.attributions``). This script compares them.

Matching, "exact span relaxed to the head word": two spans match when their head words are
the same token of the text. The head is found by one rule for both sides, framelens' spans
and PolNeAR's:

- a speaker's head is its last word before an apposition, a bracket, a relative clause, a
  preposition or a participle or adjective that follows the noun ("Nadia Ferrell of Ledger
  Ohio" -> Ferrell, "Sen. Rosalind Dunne (D-N.M.)" -> Dunne, "the New York Daily News"
  -> News, "Sanders' campaign manager" -> manager, "Trump on Tuesday" -> Trump, "a person
  familiar with the plans" -> person, "a poll taken last week" -> poll); a day named after
  the noun is a phrase of time, not the head ("a poll released Sunday" -> poll, "Clinton
  defenders today" -> defenders; until 2026-12-04 the head was the day, in 23 gold
  sources of the tune half and 13 of the measure half; "USA Today" keeps its capital);
- a cue's head is its first word that is no auxiliary, negation, adverb, floating quantifier,
  word of a phrase of time, determiner or preposition ("has also said" -> said, "have both
  argued" -> argued, "has not yet responded" -> responded, "this week detailed" ->
  detailed, "are specifically focused on" -> focused, "to say" -> say, "in a statement" ->
  statement; "according to" -> according, the first word when every word is one of those);
  a cue of punctuation alone (a headline's colon) is its own head. A catenative verb is
  the head of its chain ("went on to say" -> went): taking the verb after "to" instead was
  tried and changed the cue F1 by less than 0.002. The adverbs skipped are those in -ly
  and a list of the others ("also", "still", "however", "meanwhile", …): until 2026-12-02
  the list lacked "however" and a few like it, so framelens' cue ", however, said" (a
  parenthetical adverb inside the verb group) had the head "however" and missed PolNeAR's
  "said"; until 2026-12-04 it lacked "likewise", "moreover", "twice", "well", "far" and the
  "last" and "past" of a time phrase ("had last month charged", "has in the past described").

Speaker F1 and cue F1 count heads (a gold span found by no framelens span is a miss, a
framelens span that matches no gold span a false alarm); "attribution F1" counts an
attribution right when both its cue and its speaker (or the absence of one) match one gold
attribution. PolNeAR annotates only the outermost attribution (no source ever stands inside a
content), so framelens' nested attributions are left out (``nested`` is True for them).

How gold spans form attributions: PolNeAR's annotation files link a source, a cue and
contents into one attribution (a BRAT event); the JSON Lines file keeps the spans, in the
order the annotation files list them, but not the links. Within one attribution the order
varies (Source, Cue, Content; "According to" before its Source; a Content before the Cue
that follows it), and a Source span is listed only once, with the first attribution that
uses it: in "Spicer said ..., adding ..." the attribution of *adding* lists no Source of
its own and shares Spicer's. So: every Cue span is one attribution; a Source belongs to the
cue listed right before or right after it (the one nearer in the text when both could take
it; nearest pairs first, each cue taking one); a cue marked ``Attribution-no-source`` has
no source; any other cue listed without a Source shares the source of the cue listed before
it. ``Discuss`` and ``Discard`` marks carry no attribution.

The articles are split by a hash of their id into a "tune" half (rules may be tuned on it)
and a "measure" half (only ever measured), as in benchmarks/voice.py.

``--causes`` classifies the tune half's failures, by rules tried in a fixed order (the first
that applies wins; MISS_CAUSES, FALSE_CAUSES and SPEAKER_CAUSES list them in that order):
each missed gold cue (nested in framelens; another head; *according to*; punctuation; a
function word as head; a noun; a passive or *be* + adjective; a head without a letter; then,
asking framelens itself whether the head is a cue word by analysing it in a few probe
sentences, an infinitive, a cue word whose rules did not fire, or a word framelens does not
take as a cue), each false-alarm cue (inside a gold Content, Source or Cue span, or
elsewhere, by kind) and the speaker of each gold attribution whose cue framelens found.

Usage::

    python benchmarks/attribution.py              # the table
    python benchmarks/attribution.py --failures 20  # also 20 misses and false alarms
    python benchmarks/attribution.py --causes       # also the misses etc. by cause (tune)
    python benchmarks/attribution.py --causes --causes-examples 15  # 15 examples a cause

Standard library only (plus framelens).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import importlib.util
import sys
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent


def _voice_module():
    spec = importlib.util.spec_from_file_location("voice_benchmark",
                                                  Path(__file__).resolve().parent / "voice.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


voice = _voice_module()
POLNEAR_PATH = voice.POLNEAR_PATH
PARTS = voice.PARTS
polnear_part = voice.polnear_part
load_polnear = voice.load_polnear

WORD, CLITIC = 0, 1
NESTED = False
# words skipped before a cue's head: auxiliaries, negations, adverbs, the infinitive's "to",
# determiners and prepositions ("to say" -> say, "in a statement" -> statement)
_AUX = frozenset("""am is are was were be been being has have had having do does did will would
shall should can could may might must also not n't never still just already ever even only
further again repeatedly previously recently later then now first often to the a an his her
their its our my your this that these those in on at with during
both all each once long yet soon always almost since so more most less very too much
however though meanwhile instead nonetheless nevertheless therefore thus indeed perhaps
likewise moreover furthermore besides otherwise twice thrice well far last past""".split())
# words after which a speaker's head is no longer looked for
_CUT_WORDS = frozenset("""of who whom whose which that on in at for from with during after
before by to as about over since while when""".split())
_CUT_PUNCT = frozenset(",(—–;:")
# a participle or adjective after the head noun ("a person familiar with the plans", "a poll
# taken last week"); and a time phrase after it ("a poll this month")
_POSTNOMINAL = frozenset("""familiar close closest opposed loyal involved taken given written
known seen held done""".split())
_TIME_DETERMINERS = frozenset("last this next earlier".split())
# a day named after the head noun is a phrase of time, not the head ("a poll released Sunday",
# "Clinton defenders today"); "USA Today" keeps its capital
_DAYS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday
tonight""".split())
# a phrase of time at the start of a cue ("this week detailed", "on Monday rejected")
_TIME_WORDS = frozenset("""today yesterday tonight earlier later week weekend month year day
morning afternoon evening night monday tuesday wednesday thursday friday saturday
sunday""".split())
_TIME_NOUNS = frozenset("""week weekend month year spring summer fall autumn winter night
morning afternoon evening time""".split())


class Tokens:
    """The tokens of one text (framelens' tokenizer) and a search by offset."""

    def __init__(self, text: str) -> None:
        from framelens import _core
        self.text = text
        self.toks = [(s, e, k) for s, e, k, _ in _core.tokens(text)]
        self.starts = [s for s, _e, _k in self.toks]

    def inside(self, start: int, end: int) -> List[Tuple[int, int, int]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.toks) and self.toks[i][0] < end:
            out.append(self.toks[i])
            i += 1
        return out


def _postmodifier(word: str, following: Optional[str]) -> bool:
    """Whether ``word`` opens a reduced relative clause after the head noun: a participle or
    an adjective with its complement ("a poll conducted by ...", "a person familiar with
    ...", "sources close to ...", "a report released last week", "voters surveyed")."""
    if not word[:1].islower():
        return False
    if not (word in _POSTNOMINAL or (word.endswith("ed") and len(word) > 4)):
        return False
    return following is None or following.lower() in _CUT_WORDS or \
        following.lower() in _TIME_DETERMINERS or following in _DAYS


def speaker_head(tokens: Tokens, start: int, end: int) -> Optional[int]:
    """The start offset of a speaker span's head word (None for a span without a word)."""
    last = None
    first = None
    toks = tokens.inside(start, end)
    words = [tokens.text[s:e] for s, e, _k in toks]
    for i, (s, _e, k) in enumerate(toks):
        word = words[i]
        if k == WORD:
            if first is None:
                first = s
            if last is not None and word.lower() in _CUT_WORDS:
                break
            if last is not None and word in _DAYS:
                break
            if last is not None and word.lower() in _TIME_DETERMINERS and i + 1 < len(toks) \
                    and words[i + 1].lower() in _TIME_NOUNS:
                break
            if last is not None and _postmodifier(
                    word, next((w for w, t in zip(words[i + 1:], toks[i + 1:], strict=True)
                                if t[2] == WORD), None)):
                break
            last = s
        elif k != CLITIC and word in _CUT_PUNCT and last is not None:
            break
        elif k != CLITIC and word == "-" and last is not None and \
                tokens.text[s - 1:s].isspace():
            break
    return last if last is not None else first


def cue_head(tokens: Tokens, start: int, end: int) -> Optional[int]:
    """The start offset of a cue span's head word: its first word that is no auxiliary,
    negation, adverb or word of a phrase of time; else its first word; else its first
    token."""
    first_word = None
    first_tok = None
    for s, e, k in tokens.inside(start, end):
        if first_tok is None:
            first_tok = s
        if k != WORD:
            continue
        word = tokens.text[s:e].lower().replace("\u2019", "'")
        if first_word is None:
            first_word = s
        if word in _AUX or word in _TIME_WORDS or word.endswith("n't") or \
                (word.endswith("ly") and len(word) > 4):
            continue
        return s
    return first_word if first_word is not None else first_tok


# -- gold attributions ------------------------------------------------------------------------

class Gold:
    __slots__ = ("sources", "cues", "no_source")

    def __init__(self) -> None:
        self.sources: List[Tuple[int, int]] = []
        self.cues: List[Tuple[int, int]] = []
        self.no_source = False


def _gap(a: Tuple[int, int], b: Tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def gold_attributions(spans: Sequence[Sequence]) -> List[Gold]:
    """PolNeAR's spans of one article as attributions: one per Cue span, with its source (see
    the module's docstring)."""
    items = [(label, (start, end)) for label, start, end in spans
             if label in ("Source", "Cue", "Attribution-no-source")]
    no_source = {span for label, span in items if label == "Attribution-no-source"}
    # a Source belongs to the cue listed right before or right after it (the nearer one in
    # the text when both could take it), each cue taking one Source, nearest pairs first
    pairs = sorted((_gap(span, items[k][1]), k, j)
                   for j, (label, span) in enumerate(items) if label == "Source"
                   for k in (j - 1, j + 1)
                   if 0 <= k < len(items) and items[k][0] == "Cue"
                   and items[k][1] not in no_source)
    source_of: Dict[int, Tuple[int, int]] = {}
    used: set = set()
    for _distance, k, j in pairs:
        if k not in source_of and j not in used:
            source_of[k] = items[j][1]
            used.add(j)
    out: List[Gold] = []
    last: Optional[Tuple[int, int]] = None
    for k, (label, span) in enumerate(items):
        if label != "Cue":
            continue
        g = Gold()
        g.cues.append(span)
        if span in no_source:
            g.no_source = True
        elif k in source_of:
            last = source_of[k]
            g.sources.append(last)
        elif last is not None:
            # a Source span is listed once, with the first attribution that uses it; a cue
            # listed without one shares the source of the attribution before it ("Spicer said
            # ..., adding ...")
            g.sources.append(last)
        out.append(g)
    return out


# -- scoring ----------------------------------------------------------------------------------

class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Iterable, pred: Iterable) -> Tuple[list, list]:
        g = collections.Counter(gold)
        p = collections.Counter(pred)
        hit = g & p
        self.tp += sum(hit.values())
        self.fp += sum((p - hit).values())
        self.fn += sum((g - hit).values())
        return list((g - hit).elements()), list((p - hit).elements())

    def __iadd__(self, other: "Score") -> "Score":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def prf(self) -> Tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def analyzer():
    fl = voice.import_framelens()
    return fl.Analyzer(fl.Lexicon.from_dict({"name": "none", "terms": [
        {"term": "zzzzqx", "category": "x"}]}))


def evaluate_article(article: dict, an, failures: Optional[list] = None):
    """(speaker Score, cue Score, attribution Score) of one article."""
    text = article["text"]
    tokens = Tokens(text)
    gold = gold_attributions(article["spans"])
    g_speakers = [speaker_head(tokens, s, e) for g in gold for s, e in g.sources[:1]]
    g_cues = [cue_head(tokens, s, e) for g in gold for s, e in g.cues[:1]]
    g_pairs = [(cue_head(tokens, *g.cues[0]),
                speaker_head(tokens, *g.sources[0]) if g.sources else None)
               for g in gold if g.cues]
    doc = an.analyze(text)
    attrs = [a for a in doc.attributions if NESTED or not a.nested]
    p_speakers = [speaker_head(tokens, a.speaker_start, a.speaker_end)
                  for a in attrs if a.speaker is not None]
    p_cues = [cue_head(tokens, a.cue_start, a.cue_end) for a in attrs]
    p_pairs = [(cue_head(tokens, a.cue_start, a.cue_end),
                speaker_head(tokens, a.speaker_start, a.speaker_end)
                if a.speaker is not None else None) for a in attrs]
    sp, cu, pa = Score(), Score(), Score()
    miss_s, false_s = sp.add([h for h in g_speakers if h is not None],
                             [h for h in p_speakers if h is not None])
    miss_c, false_c = cu.add([h for h in g_cues if h is not None],
                             [h for h in p_cues if h is not None])
    pa.add(g_pairs, p_pairs)
    if failures is not None:
        for kind, offs in (("missed speaker", miss_s), ("false speaker", false_s),
                           ("missed cue", miss_c), ("false cue", false_c)):
            for o in offs:
                failures.append((kind, article["id"], text, o))
    return sp, cu, pa


def evaluate_in_span(article: dict, an) -> Tuple[Score, Score]:
    """(speaker Score, cue Score) under a more lenient match, for comparison: a framelens
    span is right when its head lies anywhere inside a gold span (each gold span used
    once)."""
    text = article["text"]
    tokens = Tokens(text)
    gold = gold_attributions(article["spans"])
    attrs = [a for a in an.analyze(text).attributions if not a.nested]
    out = []
    for g_spans, p_heads in (
            ([g.sources[0] for g in gold if g.sources],
             [speaker_head(tokens, a.speaker_start, a.speaker_end) for a in attrs
              if a.speaker is not None]),
            ([g.cues[0] for g in gold], [cue_head(tokens, a.cue_start, a.cue_end)
                                        for a in attrs])):
        sc = Score()
        used: set = set()
        for h in p_heads:
            hit = next((j for j, (s, e) in enumerate(g_spans)
                        if j not in used and h is not None and s <= h < e), None)
            if hit is None:
                sc.fp += 1
            else:
                used.add(hit)
                sc.tp += 1
        sc.fn += len(g_spans) - len(used)
        out.append(sc)
    return out[0], out[1]


def evaluate(articles: List[dict], an=None, failures: Optional[list] = None
             ) -> Dict[str, Tuple[Score, Score, Score]]:
    """Scores per part ("tune", "measure") and for the "whole" split."""
    an = an or analyzer()
    out = {p: (Score(), Score(), Score()) for p in PARTS + ("whole",)}
    for a in articles:
        scores = evaluate_article(a, an, failures)
        for part in (polnear_part(a["id"]), "whole"):
            for acc, s in zip(out[part], scores, strict=True):
                acc += s
    return out


def speaker_cue_f1(path: Path = POLNEAR_PATH, part: str = "whole") -> Tuple[float, float]:
    """(speaker F1, cue F1) on the PolNeAR training split (or one part of it)."""
    res = evaluate(load_polnear(path))[part]
    return res[0].prf()[2], res[1].prf()[2]


# -- the causes of misses, false alarms and wrong speakers (--causes) -------------------------
#
# Each missed gold cue of the tune half gets one cause: the rules of MISS_CAUSES are tried in
# their order and the first that applies wins. A false-alarm cue gets the gold span its head
# lies in (FALSE_CAUSES, in that order; on the tune half no false alarm's head lies in two
# kinds of span, so the order changes no count), and one outside every gold span is counted
# by the kind framelens gave it. A gold attribution whose cue framelens found gets
# SPEAKER_CAUSES' verdict on its speaker. Whether a word is one framelens treats as a cue is
# asked of framelens itself (CueProbe), not of a list written here: its cue table is not
# public.

MISS_CAUSES = (
    ("nested", "framelens has it, nested inside another attribution's content (not scored)"),
    ("other head", "a framelens cue overlaps the gold cue span but has another head"),
    ("according to", "the gold cue is *according to*"),
    ("punctuation", "the gold cue is punctuation only (a colon, dash or quotation mark)"),
    ("function word", "the gold cue's head is a preposition, pronoun or conjunction "
                      "(*in* a poll, *it's* clear, *as* expected)"),
    ("noun", "a noun cue (after a determiner or possessive; a nominal suffix before "
             "*of*/*that*)"),
    ("passive", "a passive or *be* + adjective (a form of *be* before the head)"),
    ("other", "a head without a letter (a number): no word to ask framelens about"),
    ("infinitive", "a word framelens treats as a cue (probed), after *to* (purpose, control)"),
    ("cue word", "a word framelens treats as a cue (probed) whose rules did not fire here"),
    ("not a cue word", "a word framelens does not treat as a cue (probed)"),
)
FALSE_CAUSES = (
    ("in content", "inside a gold Content span"),
    ("in source", "inside a gold Source span"),
    ("in cue", "inside a gold Cue span (another head)"),
    ("elsewhere", "outside every gold span: a statement or belief PolNeAR did not annotate, "
                  "or a framelens error"),
)
SPEAKER_CAUSES = (
    ("right", "the right speaker (or rightly none)"),
    ("none", "none where PolNeAR has one"),
    ("another, in source", "another head inside PolNeAR's Source span"),
    ("another", "another speaker, outside PolNeAR's Source span"),
    ("extra", "one where PolNeAR has none"),
)
# determiners and possessives before a noun cue ("the endorsement", "his decision"); "that"
# is left out (a relative pronoun before a verb: "officials that said")
_DETERMINERS = frozenset("""the a an his her their its our my your this these those no
every""".split())
# pronouns before a clitic "'s" that is "is" or "has", not a possessive ("he's", "it's")
_PRONOUNS = frozenset("""he she it that there what who where here this which""".split())
# suffixes of nouns made from verbs or adjectives ("criticism of", "the assertion that"; a verb
# with one, "mention that", "question whether", passes for a noun before "of" or "that")
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ism", "ance", "ence", "ity")
# a cue head that is a function word: the head rule lands on it when PolNeAR's span opens
# with one or holds nothing else ("in" a poll, "it's not clear", "as expected", "was about")
_FUNCTION_WORDS = frozenset("""in of for about as by under over from into against between
among after before without within upon than it there they we i you he she what
how why whether if because and or but one""".split())
_BE = frozenset("""am is are was were be been being isn't aren't wasn't weren't i'm""".split())
# the auxiliaries and adverbs that may stand between "be" and the head ("is not expected",
# "was also asked"); the words of _AUX that are no verb, determiner or preposition
_BE_ADVERBS = _AUX - _BE - frozenset("""has have had having do does did will would shall
should can could may might must to the a an his her their its our my your this that these
those in on at with during since""".split())

# the frames a word is probed in: a that-clause, the same after "have" (a participle: "seen",
# "known", "shown" are cues only there) and after "are" (an adjective or a form in -ing:
# "sure", "eager", "looking" are cues only there), a trailing quotation and an object (verbs
# of stance: "support the new plan"); a word is a cue when framelens makes it a cue in one
PROBE_FRAMES = ("Officials {} that the plan works.", "Officials have {} that the plan works.",
                "Officials are {} that the plan works.",
                '"The plan works," officials {}.', "Officials {} the new plan.")


class CueProbe:
    """Whether framelens treats a word as a cue: it analyses the word in PROBE_FRAMES and
    looks for an attribution whose cue head is the word. Cached per lower-case word."""

    def __init__(self, an) -> None:
        self.an = an
        self.cache: Dict[str, bool] = {}

    def is_cue(self, word: str) -> bool:
        word = word.lower().replace("\u2019", "'")
        if word not in self.cache:
            self.cache[word] = any(self._fires(frame, word) for frame in PROBE_FRAMES)
        return self.cache[word]

    def _fires(self, frame: str, word: str) -> bool:
        text = frame.format(word)
        at = frame.index("{}")  # where the word went in, not an earlier "works" or "plan"
        tokens = Tokens(text)
        return any(cue_head(tokens, a.cue_start, a.cue_end) == at
                   for a in self.an.analyze(text).attributions)


class Case(NamedTuple):
    """One classified miss, false alarm or speaker: its cause, the article, the span to show
    (the gold cue, framelens' cue, or the cue whose speaker it is) and a note."""
    cause: str
    article: str
    start: int
    end: int
    note: str = ""


def _word_at(tokens: Tokens, i: int) -> str:
    s, e, _k = tokens.toks[i]
    return tokens.text[s:e].lower().replace("\u2019", "'")


def _is_possessive(tokens: Tokens, i: int) -> bool:
    """Whether token i is a possessive: a determiner or possessive pronoun, a clitic "'s"
    after a word that is no pronoun ("Trump's"), or an apostrophe right after a word in -s
    ("the voters'"; not an opening quotation mark: "Jones 'pleased", "''Go!'' cried"))."""
    word = _word_at(tokens, i)
    if tokens.toks[i][2] == WORD:
        return word in _DETERMINERS
    if i == 0 or tokens.toks[i - 1][2] != WORD:
        return False
    before = _word_at(tokens, i - 1)
    if word == "'s":
        return before not in _PRONOUNS
    return word == "'" and tokens.toks[i - 1][1] == tokens.toks[i][0] and before.endswith("s")


def noun_cue(tokens: Tokens, i: int) -> bool:
    """Whether the head word at token i is a noun: a determiner or possessive stands right
    before it ("the endorsement", "his decision", "Trump's criticism"), or it bears a
    nominal suffix and "of" or "that" follows ("criticism of", "assertion that")."""
    if i > 0 and _is_possessive(tokens, i - 1):
        return True
    word = _word_at(tokens, i)
    stem = word[:-1] if word.endswith("s") else word
    return stem.endswith(_NOUN_SUFFIXES) and i + 1 < len(tokens.toks) and \
        _word_at(tokens, i + 1) in ("of", "that")


def passive_cue(tokens: Tokens, i: int) -> bool:
    """Whether a form of "be" stands before the head at token i, adverbs and negations
    skipped ("is expected", "was not asked", "are concerned about", "it's clear"); a head in
    -ing is a progressive ("was saying"), not a passive, and "'s" after "he", "she" or "who"
    before a participle in -ed is "has" ("he's advocated") unless "to", "by" or "as" follows
    (framelens' own reading, passive_group() in csrc/attribution_words.c)."""
    head = _word_at(tokens, i)
    if head.endswith("ing"):
        return False
    j = i - 1
    while j >= 0 and tokens.toks[j][2] == WORD and (
            _word_at(tokens, j) in _BE_ADVERBS or
            (_word_at(tokens, j).endswith("ly") and len(_word_at(tokens, j)) > 4)):
        j -= 1
    if j < 0:
        return False
    word = _word_at(tokens, j)
    if tokens.toks[j][2] == CLITIC:
        # "it's clear", "they're wary": "'s" after a pronoun; "he's argued" is "has"
        if word in ("'re", "'m"):
            return True
        if word != "'s" or j == 0 or _word_at(tokens, j - 1) not in _PRONOUNS:
            return False
        following = _word_at(tokens, i + 1) if i + 1 < len(tokens.toks) else ""
        return not (_word_at(tokens, j - 1) in ("he", "she", "who") and head.endswith("ed")
                    and following not in ("to", "by", "as"))
    return word in _BE or word.endswith(("'re", "'m"))


def _token_index(tokens: Tokens, offset: int) -> int:
    return bisect.bisect_left(tokens.starts, offset)


def miss_cause(tokens: Tokens, span: Tuple[int, int], head: int, nested_heads: set,
               outer_cues: Sequence[Tuple[int, int, Optional[int]]], probe: CueProbe) -> str:
    """The cause of one missed gold cue (its span and head), the first of MISS_CAUSES that
    applies. ``nested_heads``: the cue heads of framelens' nested attributions;
    ``outer_cues``: (start, end, head) of framelens' outermost cues."""
    start, end = span
    i = _token_index(tokens, head)
    word = _word_at(tokens, i)
    if head in nested_heads:
        return "nested"
    if any(s < end and start < e and h != head for s, e, h in outer_cues):
        return "other head"
    if word == "according":
        return "according to"
    if not any(k == WORD for _s, _e, k in tokens.inside(start, end)):
        return "punctuation"
    if word in _FUNCTION_WORDS:
        return "function word"
    if noun_cue(tokens, i):
        return "noun"
    if passive_cue(tokens, i):
        return "passive"
    if not any(ch.isalpha() for ch in word):
        return "other"
    if not probe.is_cue(word):
        return "not a cue word"
    return "infinitive" if i > 0 and _word_at(tokens, i - 1) == "to" else "cue word"


def false_alarm_cause(head: int, spans: Sequence[Sequence]) -> str:
    """Where a framelens cue head that matches no gold cue lies among the article's gold
    spans: the first of FALSE_CAUSES that applies."""
    for cause, label in (("in content", "Content"), ("in source", "Source"),
                         ("in cue", "Cue")):
        if any(lab == label and s <= head < e for lab, s, e in spans):
            return cause
    return "elsewhere"


def speaker_cause(gold_head: Optional[int], gold_span: Optional[Tuple[int, int]],
                  head: Optional[int]) -> str:
    """SPEAKER_CAUSES' verdict on framelens' speaker head (None: no speaker) against the gold
    attribution's (its Source span, None when it has none)."""
    if head == gold_head:
        return "right"
    if head is None:
        return "none"
    if gold_head is None or gold_span is None:
        return "extra"
    if gold_span[0] <= head < gold_span[1]:
        return "another, in source"
    return "another"


def _miss_note(cause: str, span: Tuple[int, int], head: int, outer: Sequence) -> str:
    """For the examples: framelens' cue that has another head ("other head"), or the cue of
    the outermost attribution in whose content framelens read the gold cue ("nested")."""
    if cause == "other head":
        return "framelens: " + " / ".join(a.cue for a in outer
                                          if a.cue_start < span[1] and span[0] < a.cue_end)
    if cause == "nested":
        holders = [a.cue for a in outer if a.content_start <= head < a.content_end or (
            a.content2_start is not None and a.content2_start <= head < a.content2_end)]
        return "in the content of: " + (" / ".join(holders) or "-")
    return ""


def classify_article(article: dict, an, probe: CueProbe) -> Dict[str, List[Case]]:
    """The article's missed gold cues ("miss"), false-alarm cues ("false") and the speakers of
    the gold attributions whose cue framelens found ("speaker"), each with its cause. Cues
    are paired by head as evaluate_article() scores them: a gold cue takes the first unpaired
    framelens cue with its head, so the counts are those of the cue Score."""
    text = article["text"]
    tokens = Tokens(text)
    gold = [g for g in gold_attributions(article["spans"])
            if cue_head(tokens, *g.cues[0]) is not None]
    attrs = an.analyze(text).attributions
    outer = [a for a in attrs if not a.nested]
    heads = [cue_head(tokens, a.cue_start, a.cue_end) for a in outer]
    nested_heads = {cue_head(tokens, a.cue_start, a.cue_end) for a in attrs if a.nested}
    outer_cues = [(a.cue_start, a.cue_end, h) for a, h in zip(outer, heads, strict=True)]
    used: set = set()
    out: Dict[str, List[Case]] = {"miss": [], "false": [], "speaker": []}
    aid = article["id"]
    for g in gold:
        span = g.cues[0]
        head = cue_head(tokens, *span)
        j = next((j for j, h in enumerate(heads) if h == head and j not in used), None)
        if j is None:
            cause = miss_cause(tokens, span, head, nested_heads, outer_cues, probe)
            out["miss"].append(Case(cause, aid, span[0], span[1],
                                    _miss_note(cause, span, head, outer)))
            continue
        used.add(j)
        a = outer[j]
        g_span = g.sources[0] if g.sources else None
        g_head = speaker_head(tokens, *g_span) if g_span else None
        p_head = speaker_head(tokens, a.speaker_start, a.speaker_end) \
            if a.speaker is not None else None
        note = f"PolNeAR: {text[slice(*g_span)] if g_span else '-'} | framelens: " \
               f"{a.speaker if a.speaker is not None else '-'}"
        out["speaker"].append(Case(speaker_cause(g_head, g_span, p_head), aid, span[0],
                                   span[1], note))
    for j, (a, h) in enumerate(zip(outer, heads, strict=True)):
        if j in used or h is None:
            continue
        cause = false_alarm_cause(h, article["spans"])
        out["false"].append(Case(cause, aid, a.cue_start, a.cue_end,
                                 a.kind if cause == "elsewhere" else ""))
    return out


def classify(articles: Iterable[dict], an=None) -> Dict[str, List[Case]]:
    """classify_article() over the articles of the tune half, the cases joined."""
    an = an or analyzer()
    probe = CueProbe(an)
    out: Dict[str, List[Case]] = {"miss": [], "false": [], "speaker": []}
    for article in articles:
        if polnear_part(article["id"]) != "tune":
            continue
        for key, cases in classify_article(article, an, probe).items():
            out[key].extend(cases)
    return out


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The span in [[ ]] with ``width`` characters either side, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"...{left}[[{text[start:end]}]]{right}...".replace("\n", " ")


def report_causes(articles: List[dict], n_examples: int) -> None:
    """The tables of causes (tune half), each with up to ``n_examples`` examples per cause
    (drawn reproducibly), printed."""
    import random
    cases = classify(articles)
    texts = {a["id"]: a["text"] for a in articles}
    tables = (("missed gold cues", "miss", MISS_CAUSES),
              ("false-alarm cues", "false", FALSE_CAUSES),
              ("speakers of the gold attributions whose cue framelens found", "speaker",
               SPEAKER_CAUSES))
    for title, key, causes in tables:
        found = cases[key]
        counts = collections.Counter(c.cause for c in found)
        print(f"\n{title} (tune): {len(found)}")
        print(f"{'cause':<20}{'count':>7}{'share':>8}   meaning")
        for cause, meaning in causes:
            share = counts[cause] / len(found) if found else 0.0
            print(f"{cause:<20}{counts[cause]:>7}{share:>8.3f}   {meaning}")
            if key == "false" and cause == "elsewhere":
                kinds = collections.Counter(c.note for c in found if c.cause == cause)
                for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
                    print(f"  {'kind ' + kind:<18}{n:>7}")
    if not n_examples:
        return
    rng = random.Random(0)
    for title, key, causes in tables:
        for cause, _meaning in causes:
            found = [c for c in cases[key] if c.cause == cause]
            if not found or (key == "speaker" and cause == "right"):
                continue
            print(f"\n== {title}: {cause} ({len(found)}) ==")
            for c in rng.sample(found, min(n_examples, len(found))):
                note = f" ({c.note})" if c.note else ""
                print(f"- {c.article}{note}: {_context(texts[c.article], c.start, c.end)}")


def report(path: Path, n_failures: int) -> None:
    articles = load_polnear(path)
    failures: list = []
    res = evaluate(articles, failures=failures)
    n_art = collections.Counter(polnear_part(a["id"]) for a in articles)
    n_art["whole"] = len(articles)
    print(f"PolNeAR training split: {len(articles)} articles ({path})")
    print("heads of framelens' outermost attributions against PolNeAR's Source and Cue spans")
    print(f"{'part':<9}{'articles':>9}   {'speaker P':>9}{'R':>7}{'F1':>7}   "
          f"{'cue P':>7}{'R':>7}{'F1':>7}   {'attribution P':>13}{'R':>7}{'F1':>7}")
    for part in PARTS + ("whole",):
        sp, cu, pa = res[part]
        cells = []
        for sc in (sp, cu, pa):
            p, r, f = sc.prf()
            cells.append((p, r, f))
        print(f"{part:<9}{n_art[part]:>9}   {cells[0][0]:>9.3f}{cells[0][1]:>7.3f}"
              f"{cells[0][2]:>7.3f}   {cells[1][0]:>7.3f}{cells[1][1]:>7.3f}{cells[1][2]:>7.3f}"
              f"   {cells[2][0]:>13.3f}{cells[2][1]:>7.3f}{cells[2][2]:>7.3f}")
    sp, cu, pa = res["whole"]
    print(f"(whole: {sp.tp + sp.fn} gold speakers, {cu.tp + cu.fn} gold cues, "
          f"{pa.tp + pa.fn} gold attributions)")
    an = analyzer()
    lenient = {p: (Score(), Score()) for p in PARTS + ("whole",)}
    for a in articles:
        for part in (polnear_part(a["id"]), "whole"):
            for acc, sc in zip(lenient[part], evaluate_in_span(a, an), strict=True):
                acc += sc
    print("more lenient, for comparison: framelens' head anywhere inside a gold span")
    for part in PARTS + ("whole",):
        (sp_p, sp_r, sp_f), (cu_p, cu_r, cu_f) = (x.prf() for x in lenient[part])
        print(f"{part:<9}{n_art[part]:>9}   {sp_p:>9.3f}{sp_r:>7.3f}{sp_f:>7.3f}   "
              f"{cu_p:>7.3f}{cu_r:>7.3f}{cu_f:>7.3f}")
    if n_failures:
        import random
        rng = random.Random(0)
        tune = [f for f in failures if polnear_part(f[1]) == "tune"]
        for kind, aid, text, off in rng.sample(tune, min(n_failures, len(tune))):
            a = max(0, off - 80)
            print(f"\n[{kind}] {aid} at {off}: ...{text[a:off]}[[{text[off:off + 25]}]]"
                  f"{text[off + 25:off + 60]}...".replace("\n", " "))


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR_PATH,
                    help="PolNeAR training split (JSON Lines)")
    ap.add_argument("--failures", type=int, default=0, metavar="N",
                    help="show N misses and false alarms drawn from the tune part")
    ap.add_argument("--causes", action="store_true",
                    help="also classify the tune part's missed cues, false-alarm cues and "
                         "speakers by cause (tables, and examples of each cause)")
    ap.add_argument("--causes-examples", type=int, default=3, metavar="N",
                    help="with --causes: up to N examples of each cause (default 3; 0: none)")
    args = ap.parse_args(argv)
    if not args.polnear.is_file():
        print(f"PolNeAR skipped: {args.polnear} is absent")
        return 1
    report(args.polnear, args.failures)
    if args.causes:
        report_causes(load_polnear(args.polnear), args.causes_examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
