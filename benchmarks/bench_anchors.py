"""Anchor benchmark (issue 11): framelens against the multi-pattern matchers a researcher
would use instead, on the same generated news and the same lexicons, in one invocation.

Data (benchmarks/newsgen.py, deterministic): a news-like corpus of ``--size-mb`` MB of text
(quotes, abbreviations, numbers, non-ASCII names, some Cyrillic; six outlets) and lexicons
of 100 to 100,000 terms (the real framing terms plus phrases of one to four words from the
corpus vocabulary, some wildcards, variants and case-sensitive acronyms).

Each measurement runs in its own child process (this script with ``--child``), so its peak
RSS (``ru_maxrss``) is its own; the child loads the corpus as a list of str first (not
timed), builds its matcher (timed: "build s"), warms up on 20 documents (lazy imports), then
runs once over all texts, timing wall and CPU seconds (``framelens 1 thread`` counts that
pass's page faults and then runs a second pass, for the table of where its pass goes: a fresh
process's first pass pays for the memory it touches first). ``--runs`` rounds run every tool once
each, in turn, so that a change of load on a shared machine hits all tools alike; the table
gives medians over the rounds. The threads target is the median of each round's ratio of
the 1-thread to the all-cores run over ``--thread-rounds`` rounds (default 7: the ``--runs``
rounds and more of that pair alone), since it moves by ±0.1 between fresh processes. Every
tool goes from a list of ``str`` to per-sentence results:

- ``framelens 1 thread`` / ``framelens N threads``: ``Analyzer.analyze_corpus(records,
  threads=..., attributions="matched")`` and its ``matches`` DataFrame (term, category,
  offsets, surface, voice, speaker, cue, target): the run that asks for matches and counts
  (the CLI's ``analyze`` does the same), whose voice stage reads for attributions only the
  sentences that can decide a match's voice.
- ``framelens 1 thread, every attribution``: the same with the default
  ``attributions="all"``, which also finds the attributions that hold no term (for
  ``cue_table()``: who says what with which verb); the same matches table.
- ``framelens analyze()``: ``Analyzer.analyze(text).matches`` per document (a Document and
  its Match objects); beside it the C time of the same documents (``_core.analyze_batch``
  on one thread), from which "objects +%" is computed (CPU time): both arms warmed up on
  the same 20 documents, then timed in the order C, analyze(), analyze(), C in the same
  child, so that a first pass or a drift of the load hits both alike (the table's MB/s is
  the tool's own first timed pass, as for every tool).
- ``pyahocorasick pipeline``: lower-cased text, one automaton of the lower-cased terms and
  variants (a wildcard as its prefix), a whole-word check on every hit, a regex sentence
  split and a per-sentence score: the ten lines a notebook user writes.
- ``flashtext``: ``KeywordProcessor`` per regex-split sentence, per-sentence score
  (no wildcards: those terms are left out).
- ``spaCy``: ``spacy.blank("en")`` + sentencizer, ``PhraseMatcher(attr="LOWER")``,
  ``nlp.pipe``, per-sentence score (no wildcards).
- ``Hyperscan``: the ``hyperscan`` package, caseless literals (a wildcard as its prefix),
  a bare block scan of each document's UTF-8 counting the match callbacks: no words, no
  sentences; the speed of light for a multi-pattern scan.
- ``re``: one alternation (longest first) with ``\\b``, IGNORECASE, regex sentence split,
  per-sentence score; only for lexicons of up to ``--re-max-terms`` terms (default 100).

Then, in the same invocation, what the other targets of issue 11 need: the C stage table of
``stages.c`` for every lexicon (``--stages-bin``; ``make bench-anchors`` builds and passes
it), the scale-out runs of ``dask_scale.py`` in a child (the machine's two-core ceiling,
``analyze_corpus`` on 1 and 2 threads, ``analyze_dask`` on 1 and 2 processes) on the table's
corpus and on ones of 64 and 256 MB (``--scale-mb``; Dask's best practices put a task's
overhead at 200 µs to 1 ms and find chunks under 100 MB rare: 8 partitions of 16 MB are tasks
of ~30 ms, of 256 MB ~330 ms; the client's process, where a LocalCluster's scheduler and
nannies run, takes 30 to 130 ms of CPU a run, part fixed and part growing with the run's
length, and on two cores it takes them from the two busy workers, so the small corpora measure
that cost more than the scaling; the Dask target is judged on the largest), a lexicon of
``--build-terms`` terms read through Python (CPU seconds), and the peak RSS of ``framelens
analyze`` over ``--rss-mb`` MB of generated JSON Lines (made once into ``--data-dir``).
``--write-readme benchmarks/README.md`` rewrites the section between the bench_anchors
markers with the report.

The table gives MB/s (10^6 bytes of UTF-8 text per second) from wall time and from CPU time
(user + system seconds of the child: for single-threaded tools on a busy machine the
steadier figure, and equal to wall time on a quiet one; every child runs with
``OPENBLAS_NUM_THREADS=1`` unless it is set: numpy's OpenBLAS threads spin for some 45 ms of
CPU right after numpy is imported, which a timed pass starting soon after charged to the
tool, ``analyze()`` at 100 and 1,000 terms 35 % more CPU than wall time; no tool here calls
BLAS), how many times faster framelens on one thread is (``fl1/x``, from CPU time, both
measured in this invocation), the matches each tool found, its build time and peak RSS.
Counts differ from framelens for the reasons printed under the table (overlaps, exclusions,
folding, wildcards, word boundaries).
Then each target of issue 11 is checked against these figures: PASS, FAIL or n/a.

Usage::

    python benchmarks/bench_anchors.py                  # 16 MB, 100..100,000 terms, 3 runs
    python benchmarks/bench_anchors.py --quick          # a smoke run (~1 minute)
    python benchmarks/bench_anchors.py --quick --strict # CI's: exit 1 when framelens fails
    python benchmarks/bench_anchors.py --size-mb 100 --terms 1000,100000
    python benchmarks/bench_anchors.py --tools framelens-1,hyperscan --markdown

Needs the ``bench`` extra (pyahocorasick, flashtext, spacy, hyperscan, psutil); a tool that
is not installed is reported as missing, not silently left out.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import bisect
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import dask_scale  # noqa: E402

import newsgen  # noqa: E402

TOOLS = ("framelens-1", "framelens-n", "framelens-1-all", "framelens-analyze", "pyahocorasick",
         "flashtext", "spacy", "hyperscan", "re")
LABELS = {
    "framelens-1": "framelens 1 thread",
    "framelens-n": "framelens {n} threads",
    "framelens-1-all": "framelens 1 thread, every attribution",
    "framelens-analyze": "framelens analyze()",
    "pyahocorasick": "pyahocorasick pipeline",
    "flashtext": "flashtext + split",
    "spacy": "spaCy PhraseMatcher",
    "hyperscan": "Hyperscan bare scan",
    "re": "re alternation",
}
REASONS = {
    "pyahocorasick": "every whole-word hit, overlapping ones too ('Kiev' inside 'Kiev "
                     "regime'); no exclusions; no folding of diacritics, apostrophes, "
                     "hyphens; sentences cut by a regex",
    "flashtext": "longest non-overlapping keyword like framelens, but ASCII-only word "
                 "boundaries (a term inside 'Zürich-based' or next to a non-ASCII letter), no "
                 "wildcard terms, no exclusions, no folding",
    "spacy": "every phrase match, overlapping ones too, on spaCy's tokens; no wildcard "
             "terms; no exclusions; no diacritic folding",
    "hyperscan": "every occurrence of every literal, inside words and overlapping; ASCII-only "
                 "caseless; wildcards as bare prefixes; no words, no sentences",
    "re": "leftmost alternative (longest first) with \\b, no exclusions, no folding of "
          "apostrophes, hyphens or diacritics",
}
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")


# -- children ---------------------------------------------------------------------------------
def _import_framelens():
    try:
        import framelens
    except ImportError:
        sys.path.insert(0, str(REPO / "python"))
        import framelens  # noqa: F811
    return framelens


def _maxrss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024.0 if sys.platform != "darwin" else kb / 2**20


def _cpu_s() -> float:
    """CPU seconds of this process, all threads (user + system)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _flat_terms(lex: dict) -> List[Tuple[str, int, float, bool]]:
    """(spelling, term index, weight, is_wildcard) for every term and variant."""
    out = []
    for i, t in enumerate(lex["terms"]):
        w = float(t.get("weight", 1.0))
        for s in [t["term"]] + list(t.get("variants", ())):
            wild = s.endswith("*")
            out.append((s[:-1] if wild else s, i, w, wild))
    return out


def _sentence_starts(text: str) -> List[int]:
    return [0] + [m.end() for m in SENT_SPLIT.finditer(text)]


def _build_framelens(lex_json: str, which: str, threads: int):
    fl = _import_framelens()
    lexicon = fl.Lexicon.from_json(lex_json, source="bench")
    an = fl.Analyzer(lexicon)

    if which == "framelens-analyze":
        def run(records):
            n = 0
            for r in records:
                n += len(an.analyze(r["text"]).matches)
            return n
        return run, {"analyzer": an}

    n_threads = threads if which == "framelens-n" else 1  # the parent passes all cores
    attributions = "all" if which == "framelens-1-all" else "matched"

    def run_corpus(records):
        corpus = an.analyze_corpus(records, text="text", group="outlet", id="id",
                                   threads=n_threads, attributions=attributions)
        return len(corpus.matches)
    return run_corpus, {}


def _build_pyahocorasick(lex: dict):
    import ahocorasick
    auto = ahocorasick.Automaton()
    for s, i, w, wild in _flat_terms(lex):
        key = s.lower()
        if key and key not in auto:
            auto.add_word(key, (i, len(key), w, wild))
    auto.make_automaton()

    def run(records):
        n = 0
        for r in records:
            text = r["text"].lower()
            starts = _sentence_starts(text)
            scores = [0.0] * len(starts)
            tl = len(text)
            for end, (_ti, length, _w, wild) in auto.iter(text):
                b = end - length + 1
                if b > 0 and text[b - 1].isalnum():
                    continue
                if not wild and end + 1 < tl and text[end + 1].isalnum():
                    continue
                scores[bisect.bisect_right(starts, b) - 1] += w
                n += 1
        return n
    return run, {}


def _build_flashtext(lex: dict):
    from flashtext import KeywordProcessor
    kp = KeywordProcessor(case_sensitive=False)
    weights = {}
    for s, i, w, wild in _flat_terms(lex):
        if wild:
            continue
        kp.add_keyword(s, str(i))
        weights[str(i)] = w

    def run(records):
        n = 0
        for r in records:
            scores = []
            for sent in SENT_SPLIT.split(r["text"]):
                found = kp.extract_keywords(sent)
                scores.append(sum(weights[k] for k in found))
                n += len(found)
        return n
    return run, {"skipped_wildcards": sum(1 for x in _flat_terms(lex) if x[3])}


def _build_spacy(lex: dict):
    import spacy
    from spacy.matcher import PhraseMatcher
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_term: Dict[int, list] = {}
    weights = {}
    for s, i, w, wild in _flat_terms(lex):
        if not wild:
            by_term.setdefault(i, []).append(nlp.make_doc(s))
            weights[nlp.vocab.strings.add(str(i))] = w
    for i, docs in by_term.items():
        matcher.add(str(i), docs)

    def run(records):
        n = 0
        for doc in nlp.pipe((r["text"] for r in records), batch_size=64):
            starts = [s.start for s in doc.sents]
            scores = [0.0] * len(starts)
            for key, b, _e in matcher(doc):
                scores[bisect.bisect_right(starts, b) - 1] += weights[key]
                n += 1
        return n
    return run, {"skipped_wildcards": sum(1 for x in _flat_terms(lex) if x[3])}


def _build_hyperscan(lex: dict):
    import hyperscan
    seen = {}
    for s, i, _w, _wild in _flat_terms(lex):
        key = s.lower().encode("utf-8")
        if key and key not in seen:
            seen[key] = i
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    exprs = list(seen)
    db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs),
               flags=hyperscan.HS_FLAG_CASELESS, literal=True)
    count = [0]

    def on_match(_id, _start, _end, _flags, _ctx):
        count[0] += 1

    def run(records):
        count[0] = 0
        for r in records:
            db.scan(r["text"].encode("utf-8"), match_event_handler=on_match)
        return count[0]
    return run, {}


def _build_re(lex: dict):
    alts: List[str] = []
    index: Dict[str, int] = {}
    weights: List[float] = []
    flat = sorted(_flat_terms(lex), key=lambda x: -len(x[0]))
    for s, i, w, wild in flat:
        g = f"t{len(alts)}"
        body = r"\s+".join(re.escape(p) for p in s.split())
        tail = r"\w*" if wild else ""
        alts.append(f"(?P<{g}>{body}{tail})")
        index[g] = i
        weights.append(w)
    big = re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)

    def run(records):
        n = 0
        for r in records:
            text = r["text"]
            starts = _sentence_starts(text)
            scores = [0.0] * len(starts)
            for m in big.finditer(text):
                scores[bisect.bisect_right(starts, m.start()) - 1] += \
                    weights[int(m.lastgroup[1:])]
                n += 1
        return n
    return run, {}


def child(tool: str, corpus: str, lex_path: str, runs: int, threads: int) -> dict:
    records = newsgen.read_corpus(Path(corpus))
    text_bytes = sum(len(r["text"].encode("utf-8")) for r in records)
    res: Dict[str, Any] = {"tool": tool, "bytes": text_bytes, "docs": len(records)}
    if tool == "baseline":
        res["maxrss_mb"] = _maxrss_mb()
        return res
    lex_json = Path(lex_path).read_text(encoding="utf-8")
    lex = json.loads(lex_json)
    t0 = _cpu_s()
    try:
        if tool.startswith("framelens"):
            run, extra = _build_framelens(lex_json, tool, threads)
        else:
            builder: Callable = {"pyahocorasick": _build_pyahocorasick,
                                 "flashtext": _build_flashtext, "spacy": _build_spacy,
                                 "hyperscan": _build_hyperscan, "re": _build_re}[tool]
            run, extra = builder(lex)
    except ImportError as exc:
        res["error"] = f"not installed ({exc.name}); pip install -e '.[bench]'"
        return res
    res["build_s"] = _cpu_s() - t0
    if tool.startswith("framelens"):
        fl = _import_framelens()
        t = _cpu_s()
        fl._core.Lexicon(lex_json, "bench")
        res["compile_s"] = _cpu_s() - t
    run(records[:20])  # warm-up: lazy imports (pandas, pyarrow) and first-call set-up
    times = []
    cpus = []
    matches = 0
    for i in range(runs):
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        c = _cpu_s()
        t = time.perf_counter()
        matches = run(records)
        times.append(time.perf_counter() - t)
        cpus.append(_cpu_s() - c)
        if i == 0:
            # pages this process touched for the first time in its first pass
            res["first_faults"] = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    res["times"] = times
    res["wall"] = statistics.median(times)
    res["cpu"] = statistics.median(cpus)
    res["matches"] = matches
    if tool == "framelens-analyze":
        from framelens import _core
        core = extra["analyzer"].lexicon._core
        texts = [r["text"] for r in records]
        _core.analyze_batch(core, texts[:20], 1)  # the C arm's warm-up, as run()'s above

        def c_arm() -> None:
            _core.analyze_batch(core, texts, 1)

        # each arm twice, C, analyze(), analyze(), C: a first pass or a drift of the load
        # falls on both alike (timing analyze() first and C after, as before, charged the
        # first full pass to analyze() alone)
        arms: Dict[str, List[float]] = {"c": [], "a": []}
        for arm in ("c", "a", "a", "c"):
            t = _cpu_s()
            if arm == "c":
                c_arm()
            else:
                run(records)
            arms[arm].append(_cpu_s() - t)
        res["c_cpu"] = statistics.mean(arms["c"])
        res["objects_cpu"] = statistics.mean(arms["a"])
        res["objects_ratio"] = sum(arms["a"]) / sum(arms["c"])
        core_times = []
        for _ in range(runs):
            t = _cpu_s()
            for x in texts:
                _core.analyze(core, x)
            core_times.append(_cpu_s() - t)
        res["core_tuples_cpu"] = statistics.median(core_times)
    for k in ("skipped_wildcards",):
        if k in extra:
            res[k] = extra[k]
    res["maxrss_mb"] = _maxrss_mb()
    if tool == "framelens-1":
        # where the first pass goes (after the peak RSS is read: this pass must not move it):
        # the same pass again in this process, as a notebook's second run is (it touches
        # fewer pages anew, not none: glibc gave part of the first pass's memory back), while
        # the table keeps the first pass, as a script or the CLI runs it
        c = _cpu_s()
        run(records)
        res["second_cpu"] = _cpu_s() - c
    return res


def _child_env() -> Dict[str, str]:
    """The environment of every child: this one, with numpy's OpenBLAS on one thread unless
    the caller chose otherwise (its idle threads spin right after numpy is imported, CPU time
    that the process's CPU seconds charged to whatever ran then; see the module's text)."""
    env = dict(os.environ)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def run_child(tool: str, corpus: Path, lex: Optional[Path], runs: int, threads: int,
              timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", tool, "--corpus",
           str(corpus), "--lexicon", str(lex or ""), "--runs", str(runs), "--threads",
           str(threads)]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout, env=_child_env())
    except subprocess.TimeoutExpired:
        return {"tool": tool, "error": f"took longer than {timeout:.0f} s (--timeout)"}
    if p.returncode != 0:
        tail = p.stderr.strip().splitlines()[-3:]
        return {"tool": tool, "error": "failed: " + " | ".join(tail)}
    return json.loads(p.stdout.strip().splitlines()[-1])


# -- the report -------------------------------------------------------------------------------
def machine() -> str:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {cores} cores, {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}; load average at start {load:.2f}")


def versions() -> str:
    from importlib import metadata
    out = []
    for dist in ("framelens", "pyahocorasick", "flashtext", "spacy", "hyperscan"):
        try:
            out.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            out.append(f"{dist} (missing)")
    return ", ".join(out)


def fmt_ratio(x: Optional[float]) -> str:
    return "—" if x is None else (f"{x:.1f}×" if x < 100 else f"{x:.0f}×")


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=16.0, help="corpus text size (MB)")
    ap.add_argument("--terms", default="100,1000,10000,100000",
                    help="lexicon sizes, comma-separated")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per tool (median)")
    ap.add_argument("--threads", type=int, default=0,
                    help="threads of 'framelens N threads' (default: all cores)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: " + ", ".join(TOOLS))
    ap.add_argument("--re-max-terms", type=int, default=100,
                    help="largest lexicon for the re alternation (1,000 terms: minutes a pass)")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per tool and size")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 1 MB, 100 and 10,000 terms, 1 run")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    ap.add_argument("--scale-mb", default=None,
                    help="corpora of the scale-out runs, comma-separated MB (dask_scale.py; "
                         "default --size-mb, 64 and 256; the Dask target is judged on the "
                         "largest; 0: skip them)")
    ap.add_argument("--thread-rounds", type=int, default=7,
                    help="rounds of the 1-thread / all-cores pair behind the threads target "
                         "(the --runs rounds and more of those two tools alone; default 7)")
    ap.add_argument("--rss-mb", type=float, default=1000.0,
                    help="JSON Lines input of the `framelens analyze` memory run (default "
                         "1000 MB, generated once into --data-dir; 0: skip it)")
    ap.add_argument("--build-terms", type=int, default=1_000_000,
                    help="terms of the Python lexicon build run (0: skip it)")
    ap.add_argument("--data-dir", default=str(REPO / "build" / "bench-data"),
                    help="where the large generated inputs are kept between runs")
    ap.add_argument("--stages-bin", default=None,
                    help="benchmarks/stages.c built (make bench-anchors passes it): its stage "
                         "table for every lexicon")
    ap.add_argument("--strict", action="store_true",
                    help="exit with status 1 when anything on framelens's side failed (a "
                         "child, the stage benchmark, the scale-out, build or memory run) or "
                         "its counts disagree between runs; peers that are missing or fail "
                         "do not count (CI's smoke run)")
    ap.add_argument("--write-readme", default=None, metavar="README",
                    help="write the report into README between the bench_anchors markers")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--lexicon", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.lexicon, args.runs,
                               args.threads)))
        return 0
    if args.quick:
        args.size_mb, args.terms, args.runs = 1.0, "100,10000", 1
        args.rss_mb = min(args.rss_mb, 20.0)
        args.build_terms = min(args.build_terms, 100_000)
        args.thread_rounds = 1
    # a Dask task costs 200 µs to 1 ms and chunks under 100 MB are rare (docs.dask.org,
    # best practices): at the table's 16 MB the 8 partitions take ~30 ms each, at 256 MB ~330
    if args.scale_mb is None:
        args.scale_mb = str(args.size_mb) if args.quick else \
            ",".join(str(x) for x in sorted({args.size_mb, 64.0, 256.0}) if x >= args.size_mb)
    try:
        scale_sizes = sorted({float(x) for x in str(args.scale_mb).split(",") if float(x) > 0})
    except ValueError:
        ap.error(f"--scale-mb: comma-separated numbers of MB, not {args.scale_mb!r}")
    sizes = [int(x) for x in args.terms.split(",") if x.strip()]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tool {unknown[0]!r}; choose from {', '.join(TOOLS)}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    threads = args.threads or cores
    t_start = time.perf_counter()
    print(f"machine: {machine()}")
    print(f"versions: {versions()}")
    results: Dict[int, Dict[str, dict]] = {}
    with tempfile.TemporaryDirectory(prefix="framelens-anchors-") as tmp:
        tmpd = Path(tmp)
        corpus = tmpd / "corpus.jsonl"
        t = time.perf_counter()
        vocab = newsgen.Vocabulary()
        n_docs, n_bytes = newsgen.write_corpus(corpus, args.size_mb, args.seed)
        lex_paths = {}
        for n in sizes:
            lex_paths[n] = tmpd / f"lexicon-{n}.json"
            lex_paths[n].write_text(json.dumps(newsgen.lexicon(n, vocab=vocab),
                                               ensure_ascii=False), encoding="utf-8")
        print(f"data: {n_bytes / 1e6:.1f} MB of text in {n_docs:,} documents; lexicons of "
              f"{', '.join(f'{n:,}' for n in sizes)} terms; generated in "
              f"{time.perf_counter() - t:.0f} s; {args.runs} runs per tool, median", flush=True)
        base = run_child("baseline", corpus, None, 1, 1, args.timeout)
        baseline = base.get("maxrss_mb", float("nan"))
        for n in sizes:
            # Rounds: every tool once per round, each in a fresh child, so that a change of
            # load on a shared machine hits all tools alike; medians over the rounds.
            rounds: Dict[str, List[dict]] = {}

            def timed(tool: str, n: int = n) -> dict:
                """One child run; a two-thread one with the host's ceiling right after."""
                r = run_child(tool, corpus, lex_paths[n], 1, threads, args.timeout)
                if tool == "framelens-n" and "error" not in r:
                    r.update(host_ceiling(args.stages_bin, corpus, lex_paths[n], threads))
                return r

            for rnd in range(args.runs):
                for tool in tools:
                    if tool == "re" and n > args.re_max_terms:
                        continue
                    if rounds.get(tool) and "error" in rounds[tool][-1]:
                        continue
                    r = timed(tool)
                    rounds.setdefault(tool, []).append(r)
                    status = r.get("error") or (
                        f"{_mbs(_speed(r, 'wall')):>8} MB/s wall, "
                        f"{_mbs(_speed(r, 'cpu')):>8} MB/s CPU, {r['matches']:,} "
                        f"matches, build {r['build_s']:.2f} s, RSS {r['maxrss_mb']:.0f} MB")
                    print(f"  {n:>7,} terms  round {rnd + 1}  {tool:<18} {status}", flush=True)
            results[n] = {tool: _combine(rs) for tool, rs in rounds.items()}
            # the two-thread ratio moves by ±0.1 between fresh processes: more rounds of the
            # pair alone steady its median (the table's MB/s stay those of the --runs rounds)
            ones, many = list(rounds.get("framelens-1", [])), list(rounds.get("framelens-n", []))
            if ones and many and cores >= 2:
                for _ in range(len(ones), args.thread_rounds):
                    for tool, into in (("framelens-1", ones), ("framelens-n", many)):
                        if "error" not in into[-1]:
                            into.append(timed(tool))
                pairs = " ".join(f"{x:.2f}" for x in _paired_list(ones, many))
                host = " ".join(f"{r['host_lone']:.2f}" for r in many if "host_lone" in r)
                print(f"  {n:>7,} terms  the thread pair's ratios, round by round: {pairs}"
                      + (f"; lone analyses side by side right after: {host}" if host else ""),
                      flush=True)
            paired = _paired_ratio(ones, many)
            if paired is not None and "error" not in results[n].get("framelens-n", {"error": 1}):
                results[n]["framelens-n"]["paired_ratio"] = paired
                results[n]["framelens-n"]["paired_ratios"] = _paired_list(ones, many)
                for key in ("host_lone", "host_hash"):
                    got = [r[key] for r in many if key in r]
                    if got:
                        results[n]["framelens-n"][key] = statistics.median(got)

        stage_tables: Dict[int, Dict[str, Any]] = {}
        if args.stages_bin:
            for n in sizes:
                stage_tables[n] = run_stages(args.stages_bin, corpus, lex_paths[n], args.runs)
                matched = run_stages(args.stages_bin, corpus, lex_paths[n], args.runs, True)
                stage_tables[n].update({f"{k} (matched)": v for k, v in matched.items()})
    scales = [run_scale(mb, args.runs, args.timeout) for mb in scale_sizes]
    scale = scales[-1] if scales else None
    build = run_build(args.build_terms, args.timeout) if args.build_terms > 0 else None
    rss = run_rss(args.rss_mb, Path(args.data_dir), args.seed, args.timeout) \
        if args.rss_mb > 0 else None

    md: List[str] = []
    md.append(f"Machine: {machine()}. Versions: {versions()}.")
    md.append("")
    md.append(f"Anchors: {n_bytes / 1e6:.1f} MB of generated news ({n_docs:,} documents), "
              f"median of {args.runs} rounds. MB/s from wall time and from CPU time (the "
              f"process's user + system seconds: on a shared machine the steadier figure for "
              f"one thread); fl1/x = how many times faster framelens on 1 thread is, from CPU "
              f"time; build s = CPU seconds to read the lexicon and set the tool up; RSS "
              f"baseline (corpus loaded) {baseline:.0f} MB.")
    md.append("")
    md.append("| terms | tool | MB/s wall | MB/s CPU | fl1/x | matches | build s | peak RSS MB |")
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        fl1 = results[n].get("framelens-1", {})
        fl1_cpu = _speed(fl1, "cpu")
        for tool, r in results[n].items():
            label = LABELS[tool].format(n=threads)
            if "error" in r:
                md.append(f"| {n:,} | {label} | — | — | — | — | — | {r['error']} |")
                continue
            wall, cpu = _speed(r, "wall"), _speed(r, "cpu")
            if tool == "framelens-1":
                ratio_s = "1.0×"
            elif tool == "framelens-n":
                x = _threads_ratio(fl1, r)
                ratio_s = f"{x:.2f}× faster (wall)" if x else "—"
            else:
                ratio_s = fmt_ratio(fl1_cpu / cpu if fl1_cpu and cpu else None)
            extra = ""
            if tool == "framelens-analyze":
                extra = f" (objects {_objects_over(r) * 100:+.0f}% over C)"
            md.append(f"| {n:,} | {label}{extra} | {_mbs(wall)} | {_mbs(cpu)} | {ratio_s} | "
                      f"{r['matches']:,} | {r['build_s']:.2f} | {r['maxrss_mb']:.0f} |")
    md.append("")
    md.append("Why counts differ from framelens (which counts leftmost-longest, non-overlapping "
              "whole-token matches inside sentences, after exclusions, with Unicode folding):")
    md.append("")
    for tool in tools:
        if tool in REASONS:
            md.append(f"- {LABELS[tool]}: {REASONS[tool]}")
    first = first_pass_summary(results, stage_tables, sizes)
    if first:
        md.append("")
        md.extend(first)
    if stage_tables:
        md.append("")
        md.append(f"C stages (`stages.c`, thread CPU time, {n_bytes / 1e6:.1f} MB, median of "
                  f"{args.runs}): ns per token of each stage; the stages of fl_analyze are "
                  f"tokenise, segment, label, match, context; every attribution (the "
                  f"default), and in the last rows only those a match links to "
                  f"(`--matched-attributions`, as framelens 1 thread runs).")
        md.append("")
        md.extend(stage_summary(stage_tables, sizes))
        for n in sizes:
            for key in ("error", "error (matched)"):
                if key in stage_tables[n]:
                    md.append("")
                    md.append(f"C stages, {n:,} terms: {stage_tables[n][key]}")
    for r in scales:
        md.append("")
        md.extend(scale_summary(r))
    if build is not None:
        md.append("")
        md.append(f"Lexicon build through Python: {build['terms']:,} one-word terms, "
                  f"Lexicon.from_json + Analyzer {build['python_s']:.2f} s CPU (the C compile "
                  f"alone {build['compile_s']:.2f} s); the first analyze() then reads the term "
                  f"columns in {build['first_s']:.2f} s.")
    if rss is not None:
        md.append("")
        md.append(rss_summary(rss))
    md.append("")
    md.append("Targets of issue 11, from this run:")
    md.append("")
    md.append("| target | measured | |")
    md.append("|---|---|---|")
    targets = check_targets(results, sizes, threads, cores, scale, build, rss)
    for ok, what, got in targets:
        md.append(f"| {what} | {got} | {'PASS' if ok else 'FAIL' if ok is not None else 'n/a'} |")
    print()
    print("\n".join(md))
    if args.write_readme and args.quick:
        print(f"\n(--quick: {args.write_readme} left as it is)")
    elif args.write_readme:
        write_readme(Path(args.write_readme), md)
        print(f"\n{args.write_readme}: the section between the bench_anchors markers rewritten")
    print(f"\ntotal benchmark time {time.perf_counter() - t_start:.0f} s")
    failures = framelens_failures(results, stage_tables, scales, build, rss)
    for what in failures:
        print(f"framelens failed: {what}", file=sys.stderr)
    return 1 if failures and args.strict else 0


def framelens_failures(results: Dict[int, Dict[str, dict]], stage_tables: Dict[int, dict],
                       scales: List[dict], build: Optional[dict], rss: Optional[dict]
                       ) -> List[str]:
    """What went wrong on framelens's side of a run (a peer that is missing or fails is the
    peer's): a framelens child, the stage benchmark, the scale-out, build or memory run that
    failed, framelens counts that differ between its runs of one lexicon (1 thread, all
    cores, every attribution, analyze()), Dask counts unequal to analyze_corpus's."""
    out: List[str] = []
    for n, tools in results.items():
        counts = {}
        for tool, r in tools.items():
            if not tool.startswith("framelens"):
                continue
            if "error" in r:
                out.append(f"{tool}, {n:,} terms: {r['error']}")
            else:
                counts[tool] = r["matches"]
        if len(set(counts.values())) > 1:
            out.append(f"{n:,} terms: the framelens runs found different numbers of matches: "
                       + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
    for n, table in stage_tables.items():
        out += [f"stages, {n:,} terms: {table[k]}" for k in ("error", "error (matched)")
                if k in table]
    for r in scales:
        if "error" in r:
            out.append(f"scale-out: {r['error']}")
        elif "dask1_same" in r and not (r["dask1_same"] and r["dask2_same"]):
            out.append(f"scale-out, {r['mb']:.1f} MB: Dask's counts differ from analyze_corpus's")
    out += [f"{what}: {r['error']}" for what, r in (("lexicon build", build), ("memory", rss))
            if r is not None and "error" in r]
    return out


BEGIN_MARK = "<!-- BEGIN bench_anchors (written by bench_anchors.py --write-readme) -->"
END_MARK = "<!-- END bench_anchors -->"


def write_readme(path: Path, md: List[str]) -> None:
    """Replaces the text between the markers (appends both when they are missing)."""
    text = path.read_text(encoding="utf-8")
    block = BEGIN_MARK + "\n" + "\n".join(md) + "\n" + END_MARK
    a = text.find(BEGIN_MARK)
    b = text.find(END_MARK)
    if a >= 0 and b > a:
        text = text[:a] + block + text[b + len(END_MARK):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def _table_rows(text: str) -> Iterator[List[str]]:
    """The cells of each line of stages.c's Markdown tables (other lines give one cell)."""
    for line in text.splitlines():
        yield [c.strip() for c in line.strip().strip("|").split("|")]


def host_ceiling(binary: Optional[str], corpus: Path, lexicon: Path, threads: int
                 ) -> Dict[str, float]:
    """What the host gives two threads right now (`stages.c --ceiling`, run right after a
    two-thread run): fl_analyze over every document on each of two threads with a result of
    its own against one thread alone (host_lone), and a hash loop so (host_hash); the
    throughput of two over one. The hash loop stays near 2.0 while the lone analyses fall
    when a neighbour on a shared host slows one of our cores: beside a low two-thread ratio
    it tells how much of it is the host's. {} without the binary or on other than 2
    threads."""
    if not binary or threads != 2:
        return {}
    p = subprocess.run([binary, str(corpus), str(lexicon), "--runs", "3", "--ceiling",
                        "--matched-attributions"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    out: Dict[str, float] = {}
    for cells in _table_rows(p.stdout):
        if len(cells) == 4 and cells[3].endswith("×"):
            key = ("host_lone" if cells[0].startswith("fl_analyze, a result per thread") else
                   "host_hash" if cells[0].startswith("CPU-bound hash loop") else None)
            if key:
                out[key] = float(cells[3][:-1])
    return out


def run_stages(binary: str, corpus: Path, lexicon: Path, runs: int, matched: bool = False
               ) -> Dict[str, Any]:
    """ns per token of each stage, from the stage benchmark's table (matched: with
    --matched-attributions, as framelens 1 thread runs)."""
    p = subprocess.run([binary, str(corpus), str(lexicon), "--runs", str(runs), "--no-threads"]
                       + (["--matched-attributions"] if matched else []),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: Dict[str, Any] = {}
    for cells in _table_rows(p.stdout):
        if len(cells) >= 5:
            try:
                out[cells[0]] = float(cells[4])
                out[cells[0] + " MB/s"] = float(cells[2])
            except ValueError:
                continue
    if p.returncode != 0 or "fl_analyze (all)" not in out:
        # an empty table would only show dashes: say why
        why = " | ".join(p.stderr.strip().splitlines()[-3:]) or f"exit status {p.returncode}"
        flags = " --matched-attributions" if matched else ""
        return {"error": f"{Path(binary).name}{flags} failed on {lexicon.name}: {why}"}
    return out


STAGE_ROWS = (("tokenise", "tokenise"), ("segment", "segment"),
              ("label (fold + lookup)", "label: fold + vocabulary"),
              ("match + score", "match + score"), ("context", "context (voice)"),
              ("fl_analyze (all)", "fl_analyze, all stages"),
              ("columns (batch - analyze)", "columns of a batch"),
              ("context (matched)", "context, matched attributions"),
              ("fl_analyze (all) (matched)", "fl_analyze, matched attributions"))


def stage_summary(tables: Dict[int, Dict[str, Any]], sizes: List[int]) -> List[str]:
    head = "| stage, ns per token | " + " | ".join(f"{n:,} terms" for n in sizes) + " |"
    rows = [head, "|---|" + "---:|" * len(sizes)]
    for key, label in STAGE_ROWS:
        cells = [f"{tables[n][key]:.1f}" if key in tables[n] else "—" for n in sizes]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = [f"{tables[n]['fl_analyze (all) MB/s']:.0f}" if "fl_analyze (all) MB/s" in tables[n]
             else "—" for n in sizes]
    rows.append("| fl_analyze, MB/s | " + " | ".join(cells) + " |")
    key = "fl_analyze (all) MB/s (matched)"
    cells = [f"{tables[n][key]:.0f}" if key in tables[n] else "—" for n in sizes]
    rows.append("| fl_analyze, matched attributions, MB/s | " + " | ".join(cells) + " |")
    return rows


# The one-thread targets of issue 11, judged at TARGET_TERMS: how many times a peer's CPU
# time framelens on one thread must be at least.
TARGET_TERMS = 1000
ONE_THREAD_TARGETS = (("pyahocorasick", 5.0), ("flashtext", 20.0), ("spacy", 30.0))


def first_pass_summary(results: Dict[int, Dict[str, dict]], stage_tables: Dict[int, dict],
                       sizes: List[int]) -> List[str]:
    """Where framelens 1 thread's timed pass goes, size by size: its CPU time beside the C
    analysis of the same texts (stages.c's fl_analyze_batch on one thread, matched
    attributions), the pages it touched for the first time, and the same pass run again in
    its process; with the second pass's ratios to the peers of the one-thread targets
    (ONE_THREAD_TARGETS), and at TARGET_TERMS the most a first pass may take for each of
    those targets by the peers' times."""
    rows = []
    for n in sizes:
        r = results[n].get("framelens-1", {})
        if "error" in r or "second_cpu" not in r or "first_faults" not in r:
            continue
        mb = r["bytes"] / 1e6
        second = r["second_cpu"]
        c_mbs = stage_tables.get(n, {}).get("fl_analyze_batch 1 thread MB/s (matched)")
        c_ms = f"{mb / c_mbs * 1e3:.0f}" if c_mbs else "—"
        ratios, budgets = [], []
        for tool, want in ONE_THREAD_TARGETS:
            peer = results[n].get(tool, {})
            if "error" in peer or not peer.get("cpu"):
                continue
            if n == TARGET_TERMS:
                budgets.append(f"{peer['cpu'] / want * 1e3:.1f} ({want:.0f}× {LABELS[tool]})")
            ratios.append(f"{peer['cpu'] / second:.1f}× {LABELS[tool]}")
        rows.append(f"| {n:,} | {r['cpu'] * 1e3:.0f} | {c_ms} | {r['first_faults']:,.0f} | "
                    f"{second * 1e3:.0f} ({mb / second:.0f} MB/s) | "
                    f"{', '.join(ratios) or '—'} | {', '.join(budgets) or '—'} |")
    if not rows:
        return []
    return ["Where framelens 1 thread's pass goes (CPU ms, medians of the rounds): the table's "
            "pass is a fresh process's first; the C analysis of the same texts is stages.c's "
            "`fl_analyze_batch` on one thread (matched attributions, its memory warm); the "
            "first touches are the page faults of that first pass (each a page the kernel "
            "clears); the second pass runs in the same process right after, as a notebook's "
            "second run does (it touches fewer pages anew, not none); the most a first pass may "
            f"take is what each one-thread target allows at {TARGET_TERMS:,} terms, where they "
            "are judged, from the peer's time in this run.", "",
            "| terms | first pass | C analysis | first touches | second pass | second pass "
            "against | the most a first pass may take |", "|---:|---:|---:|---:|---:|---|---|",
            *rows]


def run_scale(size_mb: float, runs: int, timeout: float) -> dict:
    """dask_scale.py in a child: the machine's two-core ceiling, analyze_corpus on 1 and 2
    threads, analyze_dask on 1 and 2 processes."""
    cmd = [sys.executable, str(HERE / "dask_scale.py"), "--size-mb", str(size_mb), "--terms",
           "1000", "--runs", str(runs), "--json"]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout, env=_child_env())
    except subprocess.TimeoutExpired:
        return {"error": f"took longer than {timeout:.0f} s"}
    if p.returncode != 0:
        return {"error": "failed: " + " | ".join(p.stderr.strip().splitlines()[-3:])}
    return json.loads(p.stdout.strip().splitlines()[-1])


def scale_summary(r: dict) -> List[str]:
    if "error" in r:
        return [f"Scale-out (dask_scale.py): {r['error']}"]
    c = r["ceiling"]
    parts = f" in {r['partitions']} partitions" if "partitions" in r else ""
    out = [f"Scale-out (`dask_scale.py`, {r['mb']:.1f} MB{parts}, 1,000 terms, wall time, "
           f"median of {r['runs']}): a CPU-bound loop gets {c['ratio']:.2f}× the throughput on two "
           f"threads (2.0 when two cores are free; below 1.9 the 2-way figures say more about "
           f"the machine than about framelens).", "",
           "| run | 1 | 2 | 2 / 1 |", "|---|---:|---:|---:|",
           f"| analyze_corpus, threads (matched attributions) | {r['t1']:.2f} s | "
           f"{r['t2']:.2f} s | {r['t1'] / r['t2']:.2f}× |",
           f"| _core.analyze_columns, threads (C alone) | {r['t_c1']:.2f} s | "
           f"{r['t_c2']:.2f} s | {r['t_c1'] / r['t_c2']:.2f}× |"]
    if "dask1" in r:
        out.append(f"| analyze_dask, LocalCluster processes | {r['dask1']:.2f} s | "
                   f"{r['dask2']:.2f} s | {r.get('dask_ratio', r['dask1'] / r['dask2']):.2f}× |")
        out.append("")
        out.append(f"Dask counts equal analyze_corpus's: {r['dask1_same'] and r['dask2_same']}.")
        line = dask_scale.trace_line(r)
        if line:
            out.append("")
            out.append(line)
    elif "dask_error" in r:
        out.append("")
        out.append(f"Dask: {r['dask_error']}")
    return out


_BUILD_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[2])
import framelens as fl
from framelens import _core
n = int(sys.argv[1])
letters = "abcdefghijklmnopqrstuvwxyz"
def word(i):
    s = ""
    while True:
        s += letters[i % 26]
        i //= 26
        if i == 0:
            return "q" + s
text = json.dumps({"terms": [{"term": word(i), "category": "c%d" % (i % 50)}
                             for i in range(n)]})
c = time.process_time(); _core.Lexicon(text, "x", "error"); compile_s = time.process_time() - c
c = time.process_time(); an = fl.Analyzer(fl.Lexicon.from_json(text))
python_s = time.process_time() - c
c = time.process_time(); an.analyze("a text"); first_s = time.process_time() - c
print(json.dumps({"terms": n, "compile_s": compile_s, "python_s": python_s,
                  "first_s": first_s}))
"""


def run_build(n_terms: int, timeout: float) -> dict:
    """A lexicon of n one-word terms read through Python (Lexicon.from_json + Analyzer), CPU
    seconds, in a fresh child (issue 8 wants 1,000,000 terms under 5 s)."""
    try:
        p = subprocess.run([sys.executable, "-c", _BUILD_CHILD, str(n_terms),
                            str(REPO / "python")], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=timeout,
                           env=_child_env())
    except subprocess.TimeoutExpired:
        return {"error": f"took longer than {timeout:.0f} s"}
    if p.returncode != 0:
        return {"error": "failed: " + " | ".join(p.stderr.strip().splitlines()[-3:])}
    return json.loads(p.stdout.strip().splitlines()[-1])


def run_rss(size_mb: float, data_dir: Path, seed: int, timeout: float) -> dict:
    """`framelens analyze` over a generated JSON Lines file of size_mb MB of text (made once,
    kept in data_dir): its peak RSS (the child's ru_maxrss) and MB/s."""
    folder = data_dir / f"rss-{size_mb:g}mb"
    corpus = folder / "corpus.jsonl"
    lexicon = folder / "lexicon-1000.json"
    stamp = folder / ".complete"
    if not stamp.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"generating {size_mb:g} MB of JSON Lines into {folder} (once) ...", flush=True)
        newsgen.write_corpus(corpus, size_mb, seed)
        lexicon.write_text(json.dumps(newsgen.lexicon(1000), ensure_ascii=False),
                           encoding="utf-8")
        stamp.write_text("ok\n", encoding="utf-8")
    out = folder / "matches.csv"
    cmd = [sys.executable, "-m", "framelens", "analyze", str(corpus), "--lexicon", str(lexicon),
           "-o", str(out)]
    env = _child_env()
    env["PYTHONPATH"] = str(REPO / "python") + os.pathsep + env.get("PYTHONPATH", "")
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        proc.returncode = 0  # reaped by wait4
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    try:
        out.unlink()
    except OSError:
        pass
    if status != 0:
        return {"error": "failed: " + " | ".join(err.strip().splitlines()[-3:]),
                "mb": size_mb}
    return {"mb": size_mb, "file_mb": corpus.stat().st_size / 1e6,
            "maxrss_mb": usage.ru_maxrss / 1024.0, "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime, "summary": err.strip().splitlines()[-1:]}


def rss_summary(r: dict) -> str:
    if "error" in r:
        return f"Memory (`framelens analyze`, {r['mb']:g} MB): {r['error']}"
    return (f"Memory: `framelens analyze` over {r['file_mb']:.0f} MB of JSON Lines ({r['mb']:g} MB "
            f"of text, 1,000 terms, matches to CSV, all cores) streamed in "
            f"{r['maxrss_mb']:.0f} MB peak RSS; {r['file_mb'] / r['wall']:.1f} MB/s wall, "
            f"{r['file_mb'] / r['cpu']:.1f} MB/s CPU, JSON parsing and CSV writing included.")


def _combine(rs: List[dict]) -> dict:
    """One tool's rounds as one result: medians of times, the largest peak RSS."""
    ok = [r for r in rs if "error" not in r]
    if not ok:
        return rs[-1]
    out = dict(ok[-1])
    for key in ("wall", "cpu", "build_s", "compile_s", "c_cpu", "core_tuples_cpu",
                "objects_cpu", "objects_ratio", "first_faults", "second_cpu"):
        if key in out:
            out[key] = statistics.median(r[key] for r in ok)
    out["maxrss_mb"] = max(r["maxrss_mb"] for r in ok)
    out["rounds"] = len(ok)
    return out


def _paired_list(ones: List[dict], many: List[dict]) -> List[float]:
    """Each round's ratio of the 1-thread run's wall time to the threaded run's."""
    # A tool that failed is not run again, so its list may be shorter: pair round by round.
    return [a["wall"] / b["wall"] for a, b in zip(ones, many, strict=False)
            if "error" not in a and "error" not in b and b["wall"] > 0]


def _paired_ratio(ones: List[dict], many: List[dict]) -> Optional[float]:
    """How many times faster the threaded run is than the 1-thread run, as the median over
    the rounds of each round's ratio: the two run one after the other in a round, so a host
    whose speed drifts between rounds (1-thread runs of one size here measured 42 to 57
    MB/s) moves both alike, where the ratio of two medians taken from different rounds does
    not."""
    pairs = _paired_list(ones, many)
    return statistics.median(pairs) if pairs else None


def _threads_ratio(one: Optional[dict], many: Optional[dict]) -> Optional[float]:
    """The threaded run's speed-up over 1 thread (wall): the paired ratio when the rounds
    gave one, else the ratio of the medians (older results)."""
    if many and "paired_ratio" in many:
        return many["paired_ratio"]
    a, b = _speed(many), _speed(one)
    return a / b if a and b else None


def _objects_over(r: dict) -> float:
    """What analyze() and its objects add to the C time: the median over the rounds of each
    round's paired ratio (older results: the ratio of the medians)."""
    if "objects_ratio" in r:
        return r["objects_ratio"] - 1
    return r["cpu"] / r["c_cpu"] - 1


def _mbs(speed: Optional[float]) -> str:
    return "—" if speed is None else f"{speed:.1f}"


def _speed(r: Optional[dict], key: str = "wall") -> Optional[float]:
    """MB/s of a result by its wall or CPU time; None when it has none (a time of 0, below
    the clock's resolution on a tiny corpus, gives no speed either)."""
    if not r or not r.get(key):
        return None
    return r["bytes"] / 1e6 / r[key]


def check_targets(results: Dict[int, Dict[str, dict]], sizes: List[int], threads: int,
                  cores: int, scale: Optional[dict] = None, build: Optional[dict] = None,
                  rss: Optional[dict] = None) -> List[Tuple[Optional[bool], str, str]]:
    """(holds: True, False or None when not measured, target, what was measured)."""
    out: List[Tuple[Optional[bool], str, str]] = []

    def ratio(n: int, tool: str) -> Optional[float]:
        a = _speed(results.get(n, {}).get("framelens-1"), "cpu")
        b = _speed(results.get(n, {}).get(tool), "cpu")
        return a / b if a and b else None

    for tool, want in ONE_THREAD_TARGETS:
        x = ratio(TARGET_TERMS, tool)
        out.append((None if x is None else x >= want,
                    f"{TARGET_TERMS:,} terms, 1 thread: >= {want:.0f}× {LABELS[tool]} (CPU)",
                    "not run" if x is None else f"{x:.1f}×"))
    for n, want in ((100_000, 1.0), (10_000, 0.5)):
        x = ratio(n, "hyperscan")
        out.append((None if x is None else x >= want,
                    f"{n:,} terms: >= {want}× Hyperscan's bare caseless scan (CPU)",
                    "not run" if x is None else f"{x:.2f}×"))
    ceiling = scale.get("ceiling", {}).get("ratio") if scale and "error" not in scale else None
    note = "" if ceiling is None else f" (machine ceiling {ceiling:.2f}×)"
    for n in sizes:
        one, many = results[n].get("framelens-1"), results[n].get("framelens-n")
        x = _threads_ratio(one, many)
        a, b = _speed(many), _speed(one)
        of_medians = f"; of the medians {a / b:.2f}×" if a and b and x != a / b else ""
        pairs = (many or {}).get("paired_ratios", [])
        spread = (f" ({len(pairs)} rounds, {min(pairs):.2f}–{max(pairs):.2f}×)"
                  if len(pairs) > 1 else "")
        host = [f"{label} {many[key]:.2f}×" for key, label in
                (("host_lone", "lone analyses side by side"), ("host_hash", "a hash loop"))
                if many and key in many]
        if host:
            spread += "; the host right after: " + ", ".join(host)
        out.append((None if x is None or cores < 2 else x >= 1.8,
                    f"{n:,} terms: {threads} threads >= 1.8× 1 thread (wall, median of the "
                    f"rounds' paired ratios)",
                    ("not run" if x is None else f"{x:.2f}×{spread}{of_medians}" + note)
                    + ("" if cores >= 2 else " (one core: not applicable)")))
    if scale is not None and "dask1" in scale:
        # the median of alternating rounds' ratios (dask_scale.py), else of the medians
        x = scale.get("dask_ratio", scale["dask1"] / scale["dask2"])
        out.append((x >= 1.7, "Dask LocalCluster: 2 processes >= 1.7× 1 process (wall)",
                    f"{x:.2f}× on {scale['mb']:.0f} MB in {scale.get('partitions', 8)} "
                    f"partitions{note}"))
    elif scale is not None:
        out.append((None, "Dask LocalCluster: 2 processes >= 1.7× 1 process (wall)",
                    scale.get("error") or scale.get("dask_error") or "not run"))
    for n in sizes:
        r = results[n].get("framelens-analyze")
        if r and "c_cpu" in r:
            over = _objects_over(r)
            out.append((over <= 0.30, f"{n:,} terms: analyze() objects add <= 30% to the C time",
                        f"{over * 100:+.0f}% (CPU s: C {r['c_cpu']:.2f}, analyze() + .matches "
                        f"{r.get('objects_cpu', r['cpu']):.2f})"))
    if 100_000 in results:
        r = results[100_000].get("framelens-1") or results[100_000].get("framelens-n")
        if r and "compile_s" in r:
            out.append((r["compile_s"] <= 0.3, "100,000-term lexicon compiles (C) in <= 0.3 s",
                        f"{r['compile_s']:.2f} s CPU (Lexicon + Analyzer from Python "
                        f"{r['build_s']:.2f} s)"))
    if build is not None:
        if "error" in build:
            out.append((None, "1,000,000 terms through Python in < 5 s (issue 8)", build["error"]))
        else:
            total = build["python_s"]
            out.append((total < 5.0, f"{build['terms']:,} terms through Python (Lexicon + "
                                     f"Analyzer) in < 5 s (issue 8)", f"{total:.2f} s CPU"))
    if rss is not None:
        if "error" in rss:
            out.append((None, "`framelens analyze`, 1 GB JSON Lines: <= 500 MB peak RSS",
                        rss["error"]))
        else:
            out.append((rss["maxrss_mb"] <= 500,
                        f"`framelens analyze`, {rss['file_mb']:.0f} MB JSON Lines: <= 500 MB "
                        f"peak RSS", f"{rss['maxrss_mb']:.0f} MB"))
    return out


if __name__ == "__main__":
    sys.exit(main())
