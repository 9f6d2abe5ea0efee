"""Fixtures several test files use: the conflict lexicon of common.py and the bundled demo
lexicon, with an analyzer each, and the demo corpus (made once per test session)."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Dict, List

import pytest

import framelens as fl

from common import CONFLICT_LEXICON, DEMO_CORPUS


@pytest.fixture(scope="session")
def conflict_lexicon() -> fl.Lexicon:
    return fl.Lexicon.from_dict(CONFLICT_LEXICON)


@pytest.fixture(scope="session")
def conflict_analyzer(conflict_lexicon: fl.Lexicon) -> fl.Analyzer:
    return fl.Analyzer(conflict_lexicon)


@pytest.fixture(scope="session")
def demo_lexicon() -> fl.Lexicon:
    """The bundled "conflict-demo" lexicon."""
    return fl.load_lexicon("conflict-demo")


@pytest.fixture(scope="session")
def demo_analyzer(demo_lexicon: fl.Lexicon) -> fl.Analyzer:
    return fl.Analyzer(demo_lexicon)


@pytest.fixture(scope="session")
def demo_records() -> List[Dict[str, Any]]:
    """The records of the bundled demo corpus (python/framelens/data/demo_corpus.jsonl)."""
    from framelens.io import read_records
    return list(read_records(DEMO_CORPUS))
