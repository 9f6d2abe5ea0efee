"""What several test files share: the repository's paths, the rule for data in ../shared/data,
the conflict lexicon the corpus tests analyse with, and a generator of records from
snippets. The fixtures built on them are in conftest.py."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Sequence

import pytest

REPO = Path(__file__).resolve().parents[2]
PYDIR = REPO / "python"
DEMO_CORPUS = str(PYDIR / "framelens" / "data" / "demo_corpus.jsonl")
DEMO_TEXT = str(PYDIR / "framelens" / "data" / "demo.txt")
# Data annotated by others lives beside the repository, never in it (each folder's README
# names its source and licence).
SHARED_DATA = REPO.parent / "shared" / "data"
ON_CI = os.environ.get("CI") == "true"


def benchmark_module(script: str, name: str) -> ModuleType:
    """benchmarks/<script> loaded as module `name` (registered in sys.modules, where
    dataclasses look their module up by name)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def shared_data(*parts: str) -> Path:
    """The path of a file or folder under ../shared/data that a test needs. When it is
    missing the test fails if the environment variable CI is "true" (CI must have the data
    beside the repository), and is skipped, saying what is missing, anywhere else."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        why = f"{path} is missing (../shared/data beside the repository; see its README.md)"
        if ON_CI:
            pytest.fail(f"CI=true: {why}")
        pytest.skip(why)
    return path


# Russian- and Ukrainian-derived spellings of the capital, a delegitimising phrase, a prefix
# wildcard and a case-sensitive acronym: the smallest lexicon that exercises every kind of
# term, with one contrast.
CONFLICT_LEXICON: Dict[str, Any] = {
    "name": "conflict-test",
    "terms": [
        {"term": "Kiev", "category": "capital"},
        {"term": "Kyiv", "category": "capital"},
        {"term": "Kiev regime", "category": "delegitimization", "weight": 2.0},
        {"term": "aggress*", "category": "accusation"},
        {"term": "DPR", "category": "actor", "case_sensitive": True},
    ],
    "contrasts": [{"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"],
                                                  "Kyiv": ["Kyiv"]}}],
}

GROUPS = ("RT", "BBC", "Kyiv Independent")


def make_records(n: int, seed: int, snippets: Sequence[str],
                 groups: Sequence[str] = GROUPS, max_snippets: int = 4,
                 paragraph_share: float = 0.0) -> List[Dict[str, Any]]:
    """n records {"id": "d<i>", "text", "outlet"}, reproducible for a seed: each text joins
    1 to max_snippets random snippets, and (with probability paragraph_share) one more after
    a blank line."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randint(1, max_snippets)
        text = " ".join(rng.choice(snippets) for _ in range(k))
        if paragraph_share and rng.random() < paragraph_share:
            text = "\n\n".join([text, rng.choice(snippets)])
        out.append({"id": f"d{i}", "text": text, "outlet": rng.choice(groups)})
    return out


def gathered(results: Any, n_docs: int = 0, bases: Sequence[int] = (0, 0, 0),
             drop: bool = False) -> Dict[str, bytes]:
    """A batch's results (_core.analyze_parts, _core.pool_collect) as _core.gather writes
    them, into arrays of their own: column name -> bytes."""
    import numpy as np

    from framelens import _core
    sizes = _core.gather_sizes(results, drop)
    dests = tuple(None if s is None else np.empty(s, np.uint8) for s in sizes)
    _core.gather(results, dests, n_docs, *bases, drop)
    return {k: d.tobytes() for k, d in zip(_core.GATHER_COLUMNS, dests, strict=True)
            if d is not None}


def as_gathered(cols: Dict[str, Any], n_docs: int = 0, bases: Sequence[int] = (0, 0, 0),
                drop: bool = False) -> Dict[str, bytes]:
    """What _core.gather should write for the columns analyze_columns gives, made here in
    numpy: document indices int64 plus n_docs, string offsets without their leading zero and
    plus the base of their strings (surfaces, attribution texts, sentence texts), and with
    drop every fourth attribution string (a content) empty."""
    import numpy as np
    base = {"surface": bases[0], "attr_text": bases[1], "sent_text": bases[2]}
    out: Dict[str, bytes] = {}
    for k, v in cols.items():
        if k in ("sent_doc", "match_doc", "attr_doc"):
            out[k] = (np.frombuffer(v, np.uint32).astype(np.int64) + n_docs).tobytes()
        elif k.endswith("_offsets"):
            off = np.frombuffer(v, np.int64)
            strings = k[:-len("_offsets")]
            lens = np.diff(off)
            data = np.frombuffer(cols[strings + "_data"], np.uint8)
            if drop and strings == "attr_text":
                keep = np.repeat(np.arange(len(lens)) % 4 != 3, lens)
                out[strings + "_data"] = data[keep].tobytes()
                lens[3::4] = 0
            else:
                out[strings + "_data"] = data.tobytes()
            out[k] = (base[strings] + np.cumsum(lens)).tobytes()
        elif not k.endswith("_data"):
            out[k] = bytes(v)
    return out
