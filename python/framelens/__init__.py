"""framelens: measure loaded terminology and framing markers in news text, sentence by
sentence, and compare outlets.

    import framelens as fl
    lex = fl.load_lexicon("conflict-demo")
    doc = fl.Analyzer(lex).analyze("Kiev claims the situation in Donbass is calm.")
    for m in doc.matches:
        print(m.term, m.category, m.voice)
"""
# SPDX-License-Identifier: MIT
from ._api import (
    DUPLICATE_POLICIES,
    VOICES,
    Actor,
    Analyzer,
    Contrast,
    Document,
    Lexicon,
    LexiconError,
    Marker,
    Match,
    Sentence,
    Term,
    bundled_lexicons,
    load_lexicon,
    split_sentences,
)

from .importers import read_lexicon
from .compare import Comparison
from .corpus import Corpus, RecordError
from .counts import Counts

__version__ = "0.1.0"

__all__ = [
    "DUPLICATE_POLICIES",
    "Actor",
    "read_lexicon",
    "Comparison",
    "Corpus",
    "Counts",
    "RecordError",
    "VOICES",
    "Analyzer",
    "Contrast",
    "Document",
    "Lexicon",
    "LexiconError",
    "Marker",
    "Match",
    "Sentence",
    "Term",
    "bundled_lexicons",
    "load_lexicon",
    "split_sentences",
]
