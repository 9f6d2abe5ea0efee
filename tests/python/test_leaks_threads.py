"""Leaks and threads (issue 5, item 6).

- Many calls keep the resident set flat: 100,000 `analyze` calls, 2,000 `analyze_corpus`
  calls, 2,000 lexicon loads, and as many failing calls, each measured after a warm-up.
  RSS is read from /proc/self/statm (psutil is not a dependency).
- Python threads sharing one Analyzer (and one Lexicon) give the results of one thread,
  including texts large enough for the binding to release the GIL; analyze_corpus gives the
  same results with 1, 2, 4 and 8 worker threads.
- On a free-threaded CPython (3.13t and later) the same tests run, and importing framelens
  must not turn the GIL back on.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import ctypes
import faulthandler
import gc
import json
import os
import random
import sys
import sysconfig
import threading
import time

import pandas as pd
import pytest

import framelens as fl
from framelens import _core

MB = 1 << 20
# Allowed growth over a measured loop, of the resident set and of the C heap in use. The
# loops below are sized so that a leak of a few dozen bytes per call exceeds it.
RSS_MARGIN = 8 * MB


# Under AddressSanitizer (make sanitize) freed memory sits in ASan's quarantine and malloc is
# ASan's own, so RSS and mallinfo say nothing about leaks there; LeakSanitizer checks the C
# core in that run instead.
UNDER_ASAN = "libasan" in os.environ.get("LD_PRELOAD", "")
rss_test = pytest.mark.skipif(UNDER_ASAN, reason="RSS/mallinfo leak checks are meaningless "
                              "under AddressSanitizer (its quarantine keeps freed memory)")


@pytest.fixture(autouse=True)
def _watchdog():
    faulthandler.dump_traceback_later(300, exit=True, file=sys.__stderr__)
    yield
    faulthandler.cancel_dump_traceback_later()


def _rss() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pytest.skip("the resident set size is read from /proc/self/statm (Linux)")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _glibc():
    try:
        libc = ctypes.CDLL(None)
        libc.mallinfo2.restype = _MallInfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):
        return None


LIBC = _glibc()


def _c_heap() -> int:
    """Bytes of the C heap in use (glibc), or 0 where that cannot be read."""
    if LIBC is None:
        return 0
    info = LIBC.mallinfo2()
    return info.uordblks + info.hblkhd


def _settle():
    gc.collect()
    if LIBC is not None:
        # Give free heap pages back to the system: memory that earlier tests freed must not
        # absorb a leak without the resident set growing.
        LIBC.malloc_trim(0)


def _growth(fn, warmup: int, calls: int):
    """(RSS, C heap, Python memory blocks) growth over `calls` calls of fn, after warm-up."""
    for _ in range(warmup):
        fn()
    _settle()
    rss, heap, blocks = _rss(), _c_heap(), sys.getallocatedblocks()
    for _ in range(calls):
        fn()
    _settle()
    return _rss() - rss, _c_heap() - heap, sys.getallocatedblocks() - blocks


def _leaks(growth, calls: int):
    rss, heap, blocks = growth
    # fewer than one Python object per 10 calls may be a cache filling up; more is a leak
    return rss >= RSS_MARGIN or heap >= RSS_MARGIN or blocks >= max(1000, calls // 10)


def _assert_flat(fn, warmup: int, calls: int, what: str):
    growth = _growth(fn, warmup, calls)
    if _leaks(growth, calls):
        # Memory that the allocator has not yet reused can look like growth once: a real
        # leak keeps growing, so measure a second round before failing.
        again = _growth(fn, 0, calls)
        growth = tuple(min(a, b) for a, b in zip(growth, again, strict=True))
    rss, heap, blocks = growth
    assert not _leaks(growth, calls), (
        f"{what}: over {calls} calls RSS grew by {rss / MB:.1f} MB, the C heap in use by "
        f"{heap / MB:.1f} MB, Python's allocated blocks by {blocks}")


# ------------------------------------------------------------------ shared inputs
SNIPPETS = [
    "The Kiev regime launched another attack, officials said.",
    "Kyiv\u2019s mayor spoke on Monday about the so-called \u201creferendum\u201d.",
    "\u201cThe coup d'\u00e9tat was illegal,\u201d Lavrov said. \u201cIt was a putsch.\u201d",
    "According to the DPR, aggression continued near Donetsk.",
    "Київ заявив про атаку. Kyiv 🇺🇦 responded, denying any aggression.",
    "The special military operation, as the Kremlin calls it, entered its third year.",
    "Headline about Kyiv\nAnother line without a period\nThen a normal sentence.",
    "Emoji 😀 before Kiev and after 🎉 Kyiv; pro-Russian and pro\u2011Russian media.",
    "NUL\x00inside text Kiev\x00Kyiv. U.S. officials said the Kiev regime \u201cmust stop\u201d.",
    "Nothing to see here at all, \u00ab\u00a0quoted\u00a0\u00bb and \u201eunclosed.",
]


@pytest.fixture(scope="module")
def lexicon(demo_lexicon):
    return demo_lexicon


@pytest.fixture(scope="module")
def analyzer(demo_analyzer):
    return demo_analyzer


def _texts(seed: int, n: int, large_every: int = 4, large_bytes: int = 80_000):
    """n texts; every large_every-th is larger than large_bytes (the GIL is released)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randint(1, 8)
        text = " ".join(rng.choice(SNIPPETS) for _ in range(k))
        if large_every and i % large_every == 0:
            parts = [text]
            while sum(len(p.encode()) for p in parts) <= large_bytes:
                parts.append(rng.choice(SNIPPETS))
            text = rng.choice([" ", "\n", "\n\n"]).join(parts)
        out.append(text)
    return out


def _doc_key(doc):
    return (tuple(doc.sentences), tuple(doc.matches), doc.n_tokens)


# ======================================================================== leaks
@rss_test
def test_rss_probe_detects_a_python_leak():
    # The measurement must see a leak of the size the tests guard against: 100 bytes kept
    # per call over 100,000 calls.
    kept = []
    growth = _growth(lambda: kept.append(bytearray(100)), 1000, 100_000)
    assert _leaks(growth, 100_000), growth
    kept.clear()


@pytest.mark.skipif(LIBC is None, reason="needs glibc's malloc_trim and mallinfo2")
@rss_test
def test_rss_probe_detects_a_c_leak():
    kept = []
    malloc = LIBC.malloc
    malloc.restype = ctypes.c_void_p
    malloc.argtypes = [ctypes.c_size_t]
    LIBC.free.argtypes = [ctypes.c_void_p]
    try:
        growth = _growth(lambda: kept.append(malloc(100)), 0, 100_000)
        assert growth[1] >= RSS_MARGIN, growth
        kept_blocks = growth[2]
        assert _leaks((0, growth[1], kept_blocks), 100_000)
    finally:
        for p in kept:
            LIBC.free(p)


@rss_test
def test_analyze_keeps_rss_flat(analyzer):
    # Non-ASCII, with matches, quotes and markers: every result kind and the UTF-8 copy of
    # the text are made and freed on each call.
    text = " ".join(SNIPPETS[:6])
    doc = analyzer.analyze(text)
    assert doc.matches and any(s.distancing for s in doc.sentences)
    _assert_flat(lambda: analyzer.analyze(text), 5_000, 100_000, "analyze")


@rss_test
def test_analyze_of_large_texts_keeps_rss_flat(analyzer):
    # Texts above the binding's threshold are analysed with the GIL released.
    text = " ".join(SNIPPETS * 20)   # ~12 KB, non-ASCII
    assert len(text.encode()) > 8192
    _assert_flat(lambda: analyzer.analyze(text), 300, 3_000, "analyze (large text)")


@rss_test
def test_segmentation_only_keeps_rss_flat():
    text = " ".join(SNIPPETS)
    _assert_flat(lambda: fl.split_sentences(text), 2_000, 50_000, "split_sentences")


@rss_test
def test_failing_calls_keep_rss_flat(analyzer):
    bad = " ".join(SNIPPETS) + "\ud800"

    def fail():
        try:
            analyzer.analyze(bad)
        except ValueError:
            pass
        else:
            raise AssertionError("a lone surrogate was accepted")

    _assert_flat(fail, 2_000, 50_000, "analyze with a lone surrogate")


@rss_test
def test_analyze_corpus_keeps_rss_flat(analyzer):
    records = [{"id": i, "text": t, "outlet": "abc"[i % 3]}
               for i, t in enumerate(_texts(1, 20, large_every=0))]

    def run():
        c = analyzer.analyze_corpus(records, threads=2)
        c.sentences, c.matches, c.compare().terms

    _assert_flat(run, 200, 2_000, "analyze_corpus")


@rss_test
def test_failing_analyze_corpus_keeps_rss_flat(analyzer):
    records = [{"id": i, "text": t, "outlet": "x"} for i, t in enumerate(_texts(2, 20, 0))]
    records.append({"id": "bad", "text": "Kiev \udc80", "outlet": "x"})

    def fail():
        try:
            analyzer.analyze_corpus(records, threads=2)
        except ValueError:
            pass

    _assert_flat(fail, 200, 2_000, "analyze_corpus with a bad record")


def _big_lexicon_json() -> str:
    with open(os.path.join(os.path.dirname(fl.__file__), "lexicons", "conflict-demo.json"),
              encoding="utf-8") as f:
        data = json.load(f)
    data["categories"]["generated"] = {"description": "made by the test"}
    data["terms"] += [{"term": f"generated term {i}", "category": "generated",
                       "variants": [f"gen-term {i}"], "note": "x" * 20} for i in range(300)]
    data["exclude"] = list(data.get("exclude", [])) + [f"not a term {i}" for i in range(50)]
    return json.dumps(data, ensure_ascii=False)


@rss_test
def test_lexicon_loads_keep_rss_flat():
    text = _big_lexicon_json()
    data = json.loads(text)
    _assert_flat(lambda: fl.Lexicon.from_json(text), 200, 2_000, "Lexicon.from_json")
    _assert_flat(lambda: fl.Lexicon.from_dict(data), 100, 1_000, "Lexicon.from_dict")


@rss_test
def test_failing_lexicon_loads_keep_rss_flat():
    text = _big_lexicon_json()
    data = json.loads(text)
    # Errors at every stage: syntax (truncated), schema (last term), duplicate after
    # folding (found while compiling, after everything else was built), limit.
    dup = json.loads(text)
    dup["terms"].append({"term": "GENERATED TERM 7", "category": "generated"})
    dup_text = json.dumps(dup)
    bad_weight = json.loads(text)
    bad_weight["terms"][-1]["weight"] = "heavy"
    bad_weight_text = json.dumps(bad_weight)
    long_term = json.loads(text)
    long_term["exclude"].append(" ".join(["w"] * 40))
    long_term_text = json.dumps(long_term)
    cases = [text[:-10], dup_text, bad_weight_text, long_term_text]

    def fail():
        for case in cases:
            try:
                fl.Lexicon.from_json(case)
            except fl.LexiconError:
                pass
            else:
                raise AssertionError("a broken lexicon loaded")

    assert len(fl.Lexicon.from_dict(data)) > 300
    _assert_flat(fail, 100, 1_000, "failing Lexicon loads")


# ======================================================================== threads
def _run_threads(n_threads: int, work):
    """Runs work(thread_index) on n threads started together; returns their results."""
    barrier = threading.Barrier(n_threads)
    results = [None] * n_threads
    errors = []

    def main(i):
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append((i, exc))

    threads = [threading.Thread(target=main, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert not any(t.is_alive() for t in threads), "a thread did not finish"
    assert not errors, errors
    return results


def test_threads_sharing_one_analyzer_match_one_thread(analyzer):
    texts = _texts(3, 64)
    assert sum(len(t.encode()) > 64 * 1024 for t in texts) >= 16
    expected = [_doc_key(analyzer.analyze(t)) for t in texts]
    n = len(texts)

    def work(i):
        # each thread walks the texts in its own order, twice
        order = list(range(n))
        random.Random(i).shuffle(order)
        out = {}
        for _ in range(2):
            for j in order:
                key = _doc_key(analyzer.analyze(texts[j]))
                if out.setdefault(j, key) != key:
                    raise AssertionError(f"text {j} gave two results in one thread")
        return out

    for out in _run_threads(8, work):
        assert len(out) == n
        for j in range(n):
            assert out[j] == expected[j], f"text {j} differs from the single-thread result"


def test_threads_sharing_one_lexicon_with_their_own_analyzers(lexicon):
    texts = _texts(4, 24)
    expected = [_doc_key(fl.Analyzer(lexicon).analyze(t)) for t in texts]

    def work(i):
        an = fl.Analyzer(lexicon)
        return [_doc_key(an.analyze(t)) for t in texts[i % 3:] + texts[:i % 3]]

    for i, out in enumerate(_run_threads(8, work)):
        assert out == expected[i % 3:] + expected[:i % 3]


def test_threads_loading_lexicons_while_others_analyze(analyzer):
    text = _big_lexicon_json()
    doc_text = " ".join(SNIPPETS * 30)
    expected = _doc_key(analyzer.analyze(doc_text))

    def work(i):
        if i % 2:
            return [len(fl.Lexicon.from_json(text)) for _ in range(20)]
        return [_doc_key(analyzer.analyze(doc_text)) == expected for _ in range(20)]

    out = _run_threads(8, work)
    assert all(all(r) for r in out[0::2])
    assert len({n for r in out[1::2] for n in r}) == 1


@pytest.fixture(scope="module")
def corpus_records():
    texts = _texts(5, 400, large_every=10, large_bytes=70_000)
    return [{"id": f"d{i}", "text": t, "outlet": ("RT", "BBC", "TASS", "KI")[i % 4]}
            for i, t in enumerate(texts)]


def _corpus_frames(c):
    return (c.sentences, c.matches, c.compare().terms, c.compare().categories)


@pytest.mark.parametrize("threads", [2, 4, 8])
def test_analyze_corpus_threads_identical(analyzer, corpus_records, threads):
    one = _corpus_frames(analyzer.analyze_corpus(corpus_records, threads=1))
    many = _corpus_frames(analyzer.analyze_corpus(corpus_records, threads=threads))
    for a, b in zip(one, many, strict=True):
        pd.testing.assert_frame_equal(a, b)
    # and equal to one analyze() per document
    docs = [analyzer.analyze(r["text"]) for r in corpus_records]
    assert one[0]["n_tokens"].sum() == sum(d.n_tokens for d in docs)
    assert len(one[1]) == sum(len(d.matches) for d in docs)
    assert one[1]["surface"].tolist() == [m.surface for d in docs for m in d.matches]


def test_concurrent_analyze_corpus_calls(analyzer, corpus_records):
    records = corpus_records[:120]
    ref = _corpus_frames(analyzer.analyze_corpus(records, threads=1))

    def work(i):
        return _corpus_frames(analyzer.analyze_corpus(records, threads=1 + i % 4))

    for frames in _run_threads(4, work):
        for a, b in zip(ref, frames, strict=True):
            pd.testing.assert_frame_equal(a, b)


def test_gil_is_released_for_large_texts(analyzer):
    # While the C core works on a large text, other Python threads run.
    text = "The Kiev regime said. " * 400_000   # ~9 MB
    ticks = 0
    stop = threading.Event()
    started = threading.Event()

    def ticker():
        nonlocal ticks
        started.set()
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    core = analyzer.lexicon._core
    t = threading.Thread(target=ticker)
    t.start()
    started.wait()
    try:
        for call in (lambda: _core.analyze(core, text),
                     lambda: _core.analyze_batch(core, [text], 1)):
            before = ticks
            t0 = time.perf_counter()
            call()
            elapsed = time.perf_counter() - t0
            assert ticks - before >= 10, \
                f"another thread ran {ticks - before} times in {elapsed:.2f} s of analysis"
    finally:
        stop.set()
        t.join()


# ======================================================================== free threading
def _free_threaded_build() -> bool:
    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


@pytest.mark.skipif(not _free_threaded_build(),
                    reason="not a free-threaded CPython build (3.13t or later)")
def test_free_threaded_import_keeps_the_gil_off():
    # The extension declares Py_MOD_GIL_NOT_USED: importing it must not re-enable the GIL
    # (CPython does so, with a RuntimeWarning, for modules that do not declare it).
    assert not sys._is_gil_enabled()
