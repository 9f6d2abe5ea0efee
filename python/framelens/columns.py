"""The column types of every framelens table, in one place.

One kind of column per kind of value, in all tables (corpus, kwic, comparison):

- labels, whose few values repeat (group, term, category, voice, contrast, option): pandas
  ``Categorical``;
- text (surface, left, match, right, sentence_text, text): pandas' Arrow-backed string
  dtype (``str`` in pandas 3, with NaN for a missing value), built from Arrow buffers
  without a Python object per row;
- a record's own columns carried with ``keep=``: numbers, dates and booleans keep their
  type; strings become a Categorical when few values repeat (no more distinct values than
  half the documents), Arrow strings otherwise.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np


def text_dtype():
    """pandas' Arrow-backed string dtype (NaN for a missing value where pandas has it)."""
    import pandas as pd
    try:
        return pd.StringDtype("pyarrow", na_value=np.nan)
    except TypeError:  # pandas < 2.3 has no na_value argument
        return pd.StringDtype("pyarrow")


def arrow_pool():
    """The pyarrow memory pool of the Arrow buffers framelens makes for its tables (ids,
    takes, kept columns; the text writers of table_text.py still use pyarrow's default): the
    system allocator (malloc), not pyarrow's default. The default in pyarrow's wheels,
    mimalloc, asks the kernel for huge pages over its whole arena, and where a fresh huge
    page is slow to clear (a VM whose memory the host backs lazily: this project's own
    machine) the first write to one cost up to 55 ms: in about a third of fresh runs of the
    bench corpus, the matches table's take of 20,000 document ids took 10 to 55 ms instead
    of 2 (benchmarks/history/speed.md, phase 48)."""
    import pyarrow as pa
    return pa.system_memory_pool()


def take(values: Any, positions: np.ndarray):
    """values[positions] (non-negative positions) of a pyarrow array or a pandas Index or
    array, of its own type: Arrow-backed text taken in arrow_pool(), anything else by its
    own ``take``."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    idx = pa.array(np.asarray(positions, dtype=np.int64))  # over the numpy array: no copy
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return pc.take(values, idx, memory_pool=arrow_pool())
    arr: Any = values.array if isinstance(values, pd.Index) else values  # __arrow_array__
    dtype = getattr(arr, "dtype", None)
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return values.take(positions)
    taken = pd.array(pc.take(arr.__arrow_array__(), idx, memory_pool=arrow_pool()),
                     dtype=dtype)
    return pd.Index(taken, name=values.name) if isinstance(values, pd.Index) else taken


def text_array(values: Any):
    """Strings (a sequence or a pyarrow array) as a pandas Arrow string array."""
    import pandas as pd
    import pyarrow as pa
    if not isinstance(values, (pa.Array, pa.ChunkedArray)):
        values = pa.array(list(values), type=pa.large_string(), memory_pool=arrow_pool())
    return pd.array(values, dtype=text_dtype())


def label_dtype(categories: Iterable[Any]):
    """The dtype of label columns over ``categories``, for label_array: made once by whoever
    owns the categories and reused, since pandas checks that the categories are unique
    whenever a dtype is made (for ten groups 60 of a label column's 80 µs, and a matches
    table has six label columns, all made after a corpus's last batch)."""
    import pandas as pd
    return pd.CategoricalDtype(pd.Index(list(categories)))


def label_array(codes: np.ndarray, categories: Any):
    """A Categorical from integer codes (-1: missing) into ``categories``: a sequence, or
    its label_dtype."""
    import pandas as pd
    dtype = categories if isinstance(categories, pd.CategoricalDtype) else \
        label_dtype(categories)
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), dtype=dtype)


def labels(values: Sequence[Any]):
    """A Categorical of the values, categories in order of first appearance sorted."""
    import pandas as pd
    return pd.Categorical(list(values))


def _all_strings(values) -> bool:
    return all(isinstance(v, str) or _missing(v) for v in values)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def user_column(values: Any):
    """A column the user gave (a pandas Series, or a list of values, one per document) in
    framelens's column kinds: strings become a Categorical when few values repeat and
    Arrow strings otherwise; other types are kept (pandas infers them for lists)."""
    import pandas as pd
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    s = s.reset_index(drop=True)
    if isinstance(s.dtype, pd.CategoricalDtype):
        return s.array
    is_string = pd.api.types.is_string_dtype(s.dtype)
    if s.dtype == object:
        if not _all_strings(s.tolist()):
            inferred = s.infer_objects()
            return inferred.array if inferred.dtype != object else s.array
        is_string = True
    if not is_string:
        return s.array
    n = len(s)
    distinct = s.nunique(dropna=True)
    if n and distinct <= max(1, n // 2):
        return pd.Categorical(s.astype(object).where(s.notna(), None))
    return text_array([None if _missing(v) else str(v) for v in s.tolist()])
