"""framelens: measure loaded terminology and framing markers in news text, sentence by
sentence, and compare outlets.

    import framelens as fl
    lex = fl.load_lexicon("conflict-demo")
    doc = fl.Analyzer(lex).analyze("Kiev claims the situation in Donbass is calm.")
    for m in doc.matches:
        print(m.term, m.category, m.voice)
"""
# SPDX-License-Identifier: MIT
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _dist_version

from . import _core
from ._api import (
    DUPLICATE_POLICIES,
    VOICES,
    Actor,
    ActorMention,
    Analyzer,
    Attribution,
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
from .compare import Comparison
from .corpus import Corpus, NoTextError, RecordError
from .counts import Counts
from .importers import read_lexicon

# The version is written once, in include/framelens.h; the installed metadata carries it (see
# setup.py), and so does the compiled core (_core.core_version).
try:
    __version__: str = _dist_version("framelens")
except _PackageNotFoundError:  # imported from a source tree that pip never installed
    __version__ = _core.core_version

__all__ = [
    "DUPLICATE_POLICIES",
    "Actor",
    "ActorMention",
    "Attribution",
    "read_lexicon",
    "Comparison",
    "Corpus",
    "Counts",
    "NoTextError",
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
