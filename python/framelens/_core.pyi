# Type stubs of the C extension framelens._core (python/framelens/_core.c). `make lint` runs
# stubtest, which checks these names and signatures against the built extension.
# SPDX-License-Identifier: MIT
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union, final

core_version: str
MAX_TERM_TOKENS: int
MAX_TERMS: int
MAX_LEXICON_STRINGS: int
MAX_TEXT_BYTES: int
MAX_LEXICON_BYTES: int
SENTENCE_FORMAT: str
MATCH_FORMAT: str
MARKER_FORMAT: str
ATTRIBUTION_FORMAT: str
MAX_THREADS: int

class LexiconError(ValueError):
    source: str
    line: Optional[int]
    column: Optional[int]
    path: Optional[str]
    item: Optional[int]
    detail: str

_TermRow = Tuple[str, Tuple[int, ...], float, bool, Tuple[str, ...], Dict[str, Any]]
_ContrastRow = Tuple[str, List[Tuple[str, List[Tuple[int, int]]]], Dict[str, Any]]

@final
class Lexicon:
    @property
    def source(self) -> str: ...
    def __init__(
        self, data: Union[str, bytes], source: str = ..., on_duplicate: str = ...
    ) -> None: ...
    def terms(self, start: int = ..., stop: Optional[int] = ..., /) -> List[_TermRow]: ...
    def term_count(self) -> int: ...
    def term_columns(self) -> Tuple[List[str], bytes, bytes, bytes]: ...
    def categories(self) -> List[Tuple[str, Dict[str, Any], bool]]: ...
    def contrasts(self) -> List[_ContrastRow]: ...
    def exclusions(self) -> List[str]: ...
    def actors(self) -> List[Tuple[str, Tuple[str, ...], Dict[str, Any]]]: ...
    def metadata(self) -> Dict[str, Any]: ...
    def duplicates(self) -> Tuple[int, int, int]: ...
    def meta(self, key: str, /) -> Optional[str]: ...

@final
class Builder:
    def __init__(self, source: str = ..., on_duplicate: str = ...) -> None: ...
    def set_meta(self, key: str, value: str, /) -> None: ...
    def set_extras(self, json: Optional[str], /) -> None: ...
    def add_category(
        self, name: str, description: Optional[str] = None, color: Optional[str] = None,
        extras: Optional[str] = None, line: int = 0, column: int = 0,
    ) -> None: ...
    def add_term(
        self, term: str, categories: Union[str, Sequence[str]], weight: float = 1.0,
        case_sensitive: bool = False, variants: Optional[Sequence[str]] = None,
        extras: Optional[str] = None, line: int = 0, column: int = 0,
    ) -> None: ...
    def add_exclusion(self, phrase: str, line: int = 0, column: int = 0) -> None: ...
    def add_contrast(
        self, name: str, description: Optional[str] = None, extras: Optional[str] = None,
        line: int = 0, column: int = 0,
    ) -> None: ...
    def add_option(self, name: str, line: int = 0, column: int = 0) -> None: ...
    def add_reference(self, text: str, line: int = 0, column: int = 0) -> None: ...
    def add_actor(
        self, name: str, aliases: Optional[Sequence[str]] = None, extras: Optional[str] = None,
        line: int = 0, column: int = 0,
    ) -> None: ...
    def load_json(self, data: Union[str, bytes], /) -> None: ...
    def compile(self) -> Lexicon: ...

# packed rows (ATTRIBUTION_FORMAT) and the cue lemmas their lemma index points into
_Attributions = Tuple[bytes, Tuple[str, ...]]
_MentionRow = Tuple[int, int, int, int]

def analyze(
    lexicon: Optional[Lexicon], text: str, /
) -> Tuple[bytes, bytes, bytes, _Attributions, List[_MentionRow]]: ...
def match_terms(lexicon: Lexicon, names: List[str], /) -> object: ...
def match_objects(
    text: str,
    matches: bytes,
    terms: object,
    voices: Tuple[str, ...],
    match_type: type,
    attributions: _Attributions,
    actors: Tuple[str, ...],
    /,
) -> List[Any]: ...
def analyze_batch(
    lexicon: Optional[Lexicon], texts: List[str], threads: int, /
) -> Dict[str, Union[bytes, memoryview]]: ...
def analyze_columns(
    lexicon: Optional[Lexicon],
    texts: List[str],
    threads: int,
    sentence_texts: int,
    slot: Optional[object] = None,
    attributions: int = 0,
    sign: Optional[Tuple[int, int, int]] = None,
    /,
) -> Dict[str, Union[bytes, memoryview]]: ...
def analyze_parts(
    lexicon: Optional[Lexicon],
    texts: List[str],
    threads: int,
    sentence_texts: int,
    slot: Optional[object] = None,
    attributions: int = 0,
    sign: Optional[Tuple[int, int, int]] = None,
    /,
) -> object: ...
def batch_slot() -> object: ...
GATHER_COLUMNS: Tuple[str, ...]
def gather_sizes(batch: object, drop_contents: bool, /) -> Tuple[Optional[int], ...]: ...
def gather(
    batch: object,
    dests: Tuple[Any, ...],
    n_docs: int,
    surface_base: int,
    attr_base: int,
    sent_base: int,
    drop_contents: bool,
    /,
) -> None: ...
def match_who(
    cols: Mapping[str, Any],
    attr_offsets: Any,
    attr_data: Any,
    lemma_code: Dict[str, int],
    out: Tuple[Any, Any, Any, Any, Any, Any, Any, Any],
    speaker_base: int,
    cue_base: int,
    doc_base: int,
    /,
) -> Tuple[bytes, bytes]: ...
def pool_new(
    lexicon: Optional[Lexicon],
    threads: int,
    sentence_texts: int,
    attributions: int = 0,
    collector_helps: bool = False,
    sign: Optional[Tuple[int, int, int]] = None,
    /,
) -> object: ...
def pool_submit(pool: object, texts: List[str], /) -> int: ...
def pool_collect(pool: object, ticket: int, /) -> object: ...
def tokens(text: str, /) -> List[Tuple[int, int, int, int]]: ...
def fold(text: str, /) -> str: ...
def compare_groups(
    y: object, n: object, n_groups: int, n_cols: int, alpha0: float, /
) -> Tuple[bytes, bytes, bytes, bytes]: ...
def wilson(k: object, n: object, z: float, /) -> Tuple[bytes, bytes]: ...
def bh(p: object, /) -> bytes: ...
def log_odds(
    y_g: float, n_g: float, y_r: float, n_r: float, alpha0: float, /
) -> Tuple[float, float]: ...
def g2(y_g: float, n_g: float, y_r: float, n_r: float, /) -> Tuple[float, float]: ...
def dedupe_signatures(
    texts: List[str], shingle: int, num_hashes: int, seed: int, threads: int, /
) -> Tuple[bytes, bytes]: ...
def dedupe_cluster(
    sigs: object, sizes: object, num_hashes: int, threshold: float, containment: float,
    bands: int, rows: int, /,
) -> Dict[str, Union[bytes, int]]: ...
