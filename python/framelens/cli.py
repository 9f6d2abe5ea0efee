"""The framelens command line: demo, show, analyze, compare, lexicons."""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import os
import sys
from typing import IO, Any, List, Optional

from ._api import (
    DUPLICATE_POLICIES,
    Analyzer,
    Document,
    Lexicon,
    LexiconError,
    bundled_lexicons,
    load_lexicon,
)

_DEMO_TEXT = os.path.join(os.path.dirname(__file__), "data", "demo.txt")
_DEMO_CORPUS = os.path.join(os.path.dirname(__file__), "data", "demo_corpus.jsonl")


def _highlight(doc: Document, sentence, color: bool) -> str:
    """The sentence with each match marked: [[term]] in plain text, reverse video on a tty."""
    out = []
    pos = sentence.start
    for m in sentence.matches:
        out.append(doc.text[pos:m.start])
        out.append(f"\x1b[7m{m.surface}\x1b[0m" if color else f"[[{m.surface}]]")
        pos = m.end
    out.append(doc.text[pos:sentence.end])
    return "".join(out).replace("\n", " ")


def print_document(doc: Document, out=sys.stdout, color: Optional[bool] = None) -> None:
    if color is None:
        color = out.isatty() and os.environ.get("NO_COLOR") is None
    for s in doc.sentences:
        print(f"{s.index + 1:>3}. {_highlight(doc, s, color)}", file=out)
        for m in s.matches:
            neg = " negated" if m.negated else ""
            who = ""
            if m.cue is not None:
                who = f" speaker={m.speaker!r} cue={m.cue!r} ({m.cue_lemma or 'punctuation'})"
            said_of = f" target={m.target}" if m.target is not None else ""
            print(f"       {m.surface!r:<30} term={m.term!r} category={m.category} "
                  f"weight={m.weight:g} voice={m.voice}{neg}{who}{said_of}", file=out)
        if s.distancing:
            marks = ", ".join(repr(d.surface) for d in s.distancing)
            print(f"       distancing: {marks}", file=out)
        if s.matches:
            print(f"       score {s.score:g} over {s.n_tokens} word tokens", file=out)
    counts = doc.category_counts
    print(f"\n{len(doc.sentences)} sentences, {doc.n_tokens} word tokens, "
          f"{len(doc.matches)} matches", file=out)
    for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {cat:<20} {n:>4}  ({1000.0 * n / max(doc.n_tokens, 1):.1f} per 1,000 tokens)",
              file=out)


def _cmd_demo(args) -> int:
    lex = load_lexicon(args.lexicon)
    path = args.text or _DEMO_TEXT
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    print(f"framelens demo: lexicon {lex.name or lex.source!r} ({len(lex)} terms) on {path}\n")
    an = Analyzer(lex)
    print_document(an.analyze(text))
    if args.text is None:
        _demo_comparison(an, args.report)
    return 0


def _demo_comparison(an, report: Optional[str]) -> None:
    """Part two of the demo: two invented outlets compared on the bundled demo corpus, at a
    glance in the terminal and in full in the HTML report."""
    from .io import read_records
    corpus = an.analyze_corpus(read_records(_DEMO_CORPUS), text="text", group="outlet",
                               keep=["date"], date="date")
    cmp = corpus.compare(bootstrap=200, seed=0)
    out = sys.stdout
    c = cmp.counts
    print(f"\n== How the outlets differ ({_DEMO_CORPUS})", file=out)
    for g, d, t in zip(c.groups, c.documents, c.tokens, strict=True):
        print(f"  {g}: {d} documents, {t} word tokens", file=out)
    print(glance(cmp, color=out.isatty() and os.environ.get("NO_COLOR") is None), file=out)
    if report:
        from .report import write_report
        where = write_report(cmp, report, title="framelens demo: Northwire and Eastgate Daily")
        print(f"\nThe full report, with charts and the sentences behind every number:\n"
              f"  {where}\n  (open it in a web browser)", file=out)


def _bar(share: float, width: int, color: bool) -> str:
    """A bar split at ``share``: the first option's part filled, the second's shaded."""
    import math
    if math.isnan(share):
        return " " * width
    full = int(round(share * width))
    left, right = "█" * full, "░" * (width - full)
    if color:
        return f"\x1b[35m{left}\x1b[0m\x1b[34m{right}\x1b[0m"
    return left + right


def glance(cmp, color: bool = False, width: int = 24, n_terms: int = 4) -> str:
    """How the groups of a comparison differ, in a few terminal lines: each contrast's
    shares as a bar per group, the most distinctive terms of each group, and the voice of
    their matches."""
    import math

    from .display import top_terms
    lines = []
    groups = [str(g) for g in cmp.counts.groups]
    pad = max((len(g) for g in groups), default=0)
    df = cmp.contrasts
    if len(df):
        lines.append("\nWhich name each outlet uses (share of the competing names, with "
                     "the count):")
    ow = max((len(o) for _, options in cmp.counts.contrasts for o, _ in options), default=0)
    for name, options in cmp.counts.contrasts:
        opts = [o for o, _ in options]
        lines.append(f"  {name}: {' vs '.join(opts)}")
        for g in groups:
            sub = df[(df["group"] == g) & (df["contrast"] == name)]
            share = {str(r.option): float(r.share) for r in sub.itertuples(index=False)}
            count = {str(r.option): int(r.count) for r in sub.itertuples(index=False)}
            if len(opts) == 2:
                a, b = opts
                pa = share.get(a, math.nan)
                pb = share.get(b, math.nan)
                left = "  –" if math.isnan(pa) else f"{100 * pa:3.0f}%"
                right = "–" if math.isnan(pb) else f"{100 * pb:.0f}%"
                lines.append(f"    {g:<{pad}}  {a:>{ow}} {left} {_bar(pa, width, color)} "
                             f"{right:>4} {b:<{ow}}  ({count.get(a, 0)} vs {count.get(b, 0)})")
            else:
                parts = [f"{o} " + ("–" if math.isnan(share.get(o, math.nan))
                                    else f"{100 * share[o]:.0f}%") for o in opts]
                lines.append(f"    {g:<{pad}}  " + " · ".join(parts))
    lines.append("\nMost distinctive terms of each outlet (log-odds z against the other; "
                 "count):")
    for g in groups:
        terms = top_terms(cmp, g, n=n_terms)
        listed = ", ".join(f"{t['term']} ({t['count']})" for t in terms) or "–"
        lines.append(f"  {g:<{pad}}  {listed}")
    lines.append("\nWhose words the matches are (author / quoted / attributed):")
    for i, g in enumerate(groups):
        v = cmp.counts.term_counts[i].sum(axis=0)
        total = int(v.sum())
        shares = " / ".join(f"{100 * x / total:.0f}%" if total else "–" for x in v)
        lines.append(f"  {g:<{pad}}  {shares}  ({total} matches)")
    corpus = cmp.corpus
    if corpus is not None and corpus.texts != "none":
        lines.append("\nOne sentence behind the top term of each outlet:")
        for g in groups:
            terms = top_terms(cmp, g, n=1)
            if not terms:
                continue
            for ex in corpus._examples(terms[0]["term"], group=g, voice=cmp.voice, n=1):
                text = ex["text"]
                pieces, pos = [], 0
                for sp in ex["spans"]:
                    pieces.append(text[pos:sp["start"]])
                    word = text[sp["start"]:sp["end"]]
                    pieces.append(f"\x1b[7m{word}\x1b[0m" if color else f"[[{word}]]")
                    pos = sp["end"]
                pieces.append(text[pos:])
                lines.append(f"  {g:<{pad}}  " + " ".join("".join(pieces).split()))
    return "\n".join(lines)


def _cmd_lexicons(args) -> int:
    for name in bundled_lexicons():
        lex = load_lexicon(name)
        print(f"{name:<20} {len(lex):>5} terms  {lex.metadata.get('description', '')[:80]}")
    return 0


def _read_any(path: str, fmt: Optional[str], on_duplicate: str,
              category: Optional[str] = None) -> Lexicon:
    """A bundled lexicon by name, or a file in any format read_lexicon reads."""
    from .importers import read_lexicon
    if fmt is None and not os.path.exists(path) and os.sep not in path and "/" not in path:
        return load_lexicon(path, on_duplicate=on_duplicate)
    return read_lexicon(path, format=fmt, on_duplicate=on_duplicate, category=category)


def _duplicates_note(lex: Lexicon) -> str:
    d = lex.duplicates
    parts = [f"{n} {what}" for what, n in (("terms dropped", d["terms_dropped"]),
                                           ("terms merged", d["terms_merged"]),
                                           ("variants dropped", d["variants_dropped"])) if n]
    return f"; duplicates: {', '.join(parts)}" if parts else ""


def _summary(lex: Lexicon) -> str:
    n_variants = sum(len(t.variants) for t in lex.terms)
    return (f"{len(lex)} terms ({n_variants} variants), {len(lex.categories)} categories, "
            f"{len(lex.contrasts)} contrasts, {len(lex.exclude)} exclusions, "
            f"{len(lex.actors)} actors{_duplicates_note(lex)}")


def _cmd_lexicon_list(args) -> int:
    for name in bundled_lexicons():
        lex = load_lexicon(name)
        version = f" {lex.version}" if lex.version else ""
        print(f"{name}{version}: {_summary(lex)}")
        description = lex.metadata.get("description")
        if description:
            print(f"    {description[:200]}")
    return 0


def _cmd_lexicon_show(args) -> int:
    lex = _read_any(args.name, args.from_format, args.on_duplicate)
    title = lex.name or args.name
    print(f"{title}{' ' + lex.version if lex.version else ''} ({lex.source})")
    for key in ("description", "language", "source", "note"):
        if key in lex.metadata:
            print(f"  {key}: {lex.metadata[key]}")
    print(f"  {_summary(lex)}")
    per_cat: dict = {}
    for t in lex.terms:
        for cat in t.categories:
            per_cat[cat] = per_cat.get(cat, 0) + 1
    print("\ncategories:")
    for name, info in lex.categories.items():
        desc = info.get("description", "")
        print(f"  {name:<24} {per_cat.get(name, 0):>6} terms  {desc[:90]}")
    if lex.contrasts:
        print("\ncontrasts:")
        for c in lex.contrasts:
            opts = "  |  ".join(f"{opt}: {', '.join(refs)}" for opt, refs in c.options.items())
            print(f"  {c.name}: {opts}")
    if lex.actors:
        print("\nactors:")
        for a in lex.actors:
            print(f"  {a.name}" + (f" ({', '.join(a.aliases)})" if a.aliases else ""))
    if lex.exclude:
        print(f"\nexclude: {', '.join(lex.exclude)}")
    if args.terms:
        print("\nterms:")
        for t in lex.terms:
            extra = f" | {', '.join(t.variants)}" if t.variants else ""
            flags = " (case-sensitive)" if t.case_sensitive else ""
            print(f"  {t.term}{extra}  [{', '.join(t.categories)}] weight={t.weight:g}{flags}")
    return 0


def _cmd_lexicon_validate(args) -> int:
    failed = 0
    for path in args.files:
        try:
            lex = _read_any(path, args.from_format, args.on_duplicate, args.category)
        except (LexiconError, OSError, ValueError) as exc:
            print(f"{exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path}: ok: {_summary(lex)}")
    return 1 if failed else 0


def _cmd_lexicon_convert(args) -> int:
    lex = _read_any(args.input, args.from_format, args.on_duplicate, args.category)
    if args.name:
        data = lex.to_dict()
        data["name"] = args.name
        lex = Lexicon.from_dict(data, source=args.input)
    if args.output == "-":
        sys.stdout.write(lex.to_json())
        sys.stdout.write("\n")
    else:
        lex.save(args.output)
        print(f"framelens: {args.input} -> {args.output}: {_summary(lex)}", file=sys.stderr)
    return 0


def _cmd_show(args) -> int:
    lex = load_lexicon(args.lexicon, on_duplicate=args.on_duplicate)
    with open(args.file, encoding="utf-8", errors="replace") as f:
        text = f.read()
    print_document(Analyzer(lex).analyze(text))
    return 0


class UsageError(Exception):
    """A mistake in how the command was called: exit code 2."""


def _records(args):
    from .io import read_records
    keys = _split_fields(args.group_field)
    recs = read_records(args.input, text=args.text_field, group=keys[0] if keys else "outlet",
                        id=args.id_field or "id", sep=args.sep, quoting=not args.no_quoting)
    first = next(iter(recs), None)
    if first is None:
        raise UsageError(f"{args.input}: no records")
    fields = list(first)
    group_flag = "--by" if args.command == "compare" else "--group-field"
    given = [("--text-field", args.text_field), ("--id-field", args.id_field),
             ("--date", args.date)]
    given += [(group_flag, k) for k in keys] + [("--keep", k) for k in _split_fields(args.keep)]
    for flag, name in given:
        if name is not None and name not in fields:
            raise UsageError(f"{args.input}: no field {name!r} (given by {flag}); the fields "
                             f"are: {', '.join(map(str, fields))}")
    import itertools
    return itertools.chain([first], recs)


def _split_fields(value: Optional[str]) -> List[str]:
    """Field names given as "a,b" on the command line."""
    if not value:
        return []
    return [f.strip() for f in value.split(",") if f.strip()]


def _progress():
    """A tqdm progress callback on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm
    bar = tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True)
    return (lambda docs, chars: bar.update(docs)), bar


def _corpus(args, emit=None, attributions: str = "all"):
    """The corpus of the input; with emit, streamed: emit gets each batch's Corpus.
    attributions: "matched" when what is written needs no attribution that holds no match
    (analyze_corpus: the same matches, sooner)."""
    lex = load_lexicon(args.lexicon, on_duplicate=args.on_duplicate)
    callback, bar = _progress()
    with_text = getattr(args, "with_text", False)
    try:
        from .corpus import analyze_corpus
        keys = _split_fields(args.group_field)
        options = {k: v for k, v in (("threshold", args.dedupe_threshold),
                                     ("shingle", args.dedupe_shingle)) if v is not None}
        if options and args.dedupe is None:
            raise UsageError("--dedupe-threshold and --dedupe-shingle need --dedupe mark or "
                             "--dedupe drop")
        if args.table == "duplicates" and args.dedupe is None:
            raise UsageError("--table duplicates needs --dedupe mark or --dedupe drop")
        if with_text:
            texts = "all" if args.table == "sentences" else "matched"
        else:  # a stream keeps no text it does not write; attributions write their content
            texts = "none" if emit is not None and args.table != "attributions" else "matched"
        corpus = analyze_corpus(
            Analyzer(lex), _records(args), text=args.text_field, group=keys or None,
            id=args.id_field if args.id_field else "id", threads=args.threads,
            skip_invalid=args.skip_invalid, progress=callback,
            keep=_split_fields(args.keep) or None, date=args.date, period=args.period,
            texts=texts, dedupe=args.dedupe, dedupe_keep=args.dedupe_keep,
            dedupe_options=options or None, attributions=attributions, _emit=emit)
    finally:
        if bar is not None:
            bar.close()
    if corpus.skipped:
        print(f"framelens: skipped {corpus.skipped} invalid records", file=sys.stderr)
    if corpus.duplicates is not None:
        dup = corpus.duplicates
        if args.dedupe == "drop":  # with keep="group", a copy in another group stays
            copies = dup.n_documents - int(dup.keep(args.dedupe_keep).sum())
            once = "per group" if args.dedupe_keep == "group" else "overall"
            done = f"dropped (each story counted once {once})"
        else:
            copies = int(dup.documents["duplicate"].sum()) if dup.n_documents else 0
            done = "marked"
        print(f"framelens: {len(dup.clusters)} clusters of copies; {copies} copies {done}",
              file=sys.stderr)
    return corpus


def _duplicates_table(corpus):
    """One row per document of a cluster of copies (the clusters' members)."""
    docs = corpus.duplicates.documents
    return docs[docs["cluster"] >= 0].reset_index(drop=True)


def _switch_table(corpus, args):
    """The switch points of every contrast (or of --contrast), one table."""
    import pandas as pd
    if corpus.date is None:
        raise UsageError("--table switch-points needs --date (a date field)")
    names = [args.contrast] if getattr(args, "contrast", None) else \
        [c.name for c in corpus.lexicon.contrasts]
    if not names:
        raise UsageError("--table switch-points needs a lexicon with contrasts")
    frames = []
    for name in names:
        t = corpus.switch_points(name, option=getattr(args, "option", None),
                                 period=args.period_of_switch, seed=args.seed)
        frames.append(t.assign(contrast=name)[["contrast"] + list(t.columns)])
    return pd.concat(frames, ignore_index=True)


def _write_table(df, out: Optional[str]) -> None:
    from .table_text import write_csv
    if out is None or out == "-":
        write_csv(df, sys.stdout)
        return
    lower = out.lower()
    if lower.endswith(".csv"):
        with open(out, "wb") as f:
            write_csv(df, f)
    elif lower.endswith((".jsonl", ".ndjson")):
        _write_jsonl(df, out)
    elif lower.endswith((".parquet", ".pq")):
        df.to_parquet(out, index=False)
    else:
        raise UsageError(f"{out}: unknown output format; use .csv, .jsonl or .parquet")


def _write_jsonl(df, out: str) -> None:
    """JSON Lines with floats written exactly and NaN as null (table_text.write_jsonl)."""
    from .table_text import write_jsonl
    with open(out, "wb") as f:
        write_jsonl(df, f)


class _TableWriter:
    """Writes a table batch by batch to CSV (a file or stdout), JSON Lines or Parquet, so
    that `analyze` streams: memory follows one batch, not the corpus."""

    def __init__(self, out: Optional[str]):
        self.out = out
        lower = (out or "-").lower()
        if out not in (None, "-") and not lower.endswith(
                (".csv", ".jsonl", ".ndjson", ".parquet", ".pq")):
            raise UsageError(f"{out}: unknown output format; use .csv, .jsonl or .parquet")
        self.kind = "csv" if out in (None, "-") or lower.endswith(".csv") else \
            "jsonl" if lower.endswith((".jsonl", ".ndjson")) else "parquet"
        self.rows = 0
        self.started = False
        self._file: Optional[IO[bytes]] = None
        self._parquet: Any = None

    def write(self, df) -> None:
        from .table_text import write_csv, write_jsonl
        self.rows += len(df)
        if self.kind == "parquet":
            self._write_parquet(df)
        elif self.out in (None, "-"):
            write_csv(df, sys.stdout, header=not self.started)
        elif self.kind == "csv":
            if self._file is None:
                self._file = open(self.out, "wb")  # UTF-8 bytes, as pandas writes them
            write_csv(df, self._file, header=not self.started)
        else:
            if self._file is None:
                self._file = open(self.out, "wb")
            write_jsonl(df, self._file)
        self.started = True

    def _write_parquet(self, df) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .columns import text_dtype
        # batches have their own categories: written as plain strings (Parquet encodes
        # them by dictionary anyway), so that every batch has the same schema; as typed
        # strings, so that a column with no value in the first batch (speaker, target) is
        # not written as Arrow's null type, which no later batch's strings fit
        for c in df.columns:
            if str(df[c].dtype) == "category":
                cats = df[c].cat.categories
                text = len(cats) == 0 or all(isinstance(x, str) for x in cats)
                df[c] = df[c].astype(text_dtype() if text else object)
        table = pa.Table.from_pandas(df, preserve_index=False)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.out, table.schema)
        elif table.schema != self._parquet.schema:
            try:
                table = table.cast(self._parquet.schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError) as exc:
                raise UsageError(f"{self.out}: the columns of later records do not fit those of "
                                 f"the first batch ({exc}); write CSV or JSON Lines") from None
        self._parquet.write_table(table)

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self._file is not None:
            self._file.close()


def _cmd_analyze(args) -> int:
    writer = _TableWriter(args.output)
    totals = [0, 0, 0]  # documents, sentences, matches

    def table(corpus):
        if args.table == "sentences":
            out = corpus.sentence_table(text=args.with_text)
            if args.dedupe == "mark":
                out = out.assign(cluster=corpus.sentences["cluster"].to_numpy())
            return out
        if args.table == "attributions":
            return corpus.attributions
        if args.table == "duplicates":
            return _duplicates_table(corpus)
        out = corpus.match_table(text=args.with_text)
        if args.dedupe == "mark":
            out = out.assign(cluster=corpus.matches["cluster"].to_numpy())
        return out

    def emit(corpus) -> None:
        if corpus.n_documents:
            writer.write(table(corpus))
        c = corpus.counts
        totals[0] += corpus.n_documents
        totals[1] += int(c.sentences.sum())
        totals[2] += int(c.term_counts.sum())

    try:
        streamed = args.dedupe is None  # copies are found across the whole corpus
        # only the attributions table lists those that hold no match
        rest = _corpus(args, emit if streamed else None,
                       "all" if args.table == "attributions" else "matched")
        if not streamed:
            emit(rest)
        if not writer.started:
            writer.write(table(rest))  # no document: the header (an empty table) only
    finally:
        writer.close()
    if args.output not in (None, "-"):
        print(f"framelens: {totals[0]} documents, {totals[1]} sentences, "
              f"{totals[2]} matches -> {args.output}", file=sys.stderr)
    return 0


def _cmd_compare(args) -> int:
    args.group_field = args.by
    if args.table == "switch-points" and args.date is None:
        raise UsageError("--table switch-points needs --date (a date field)")
    out = args.output
    # the report and the printout show the cues (who says what with which verb), which
    # count every attribution; the other tables need none that holds no match
    report = out is not None and out.lower().endswith((".html", ".htm"))
    one_table = out is not None and not report
    corpus = _corpus(args, attributions="matched" if one_table and args.table != "cues"
                     else "all")
    cmp = corpus.compare(alpha0=args.alpha0, voice=args.voice, bootstrap=args.bootstrap,
                         seed=args.seed)
    if report:
        from .report import write_report
        write_report(cmp, out, title=f"framelens: {os.path.basename(args.input)} by "
                                     f"{args.by}")
        print(f"framelens: report -> {os.path.abspath(out)}", file=sys.stderr)
        return 0
    if out is None:
        import pandas as pd
        with pd.option_context("display.max_rows", 500, "display.width", 200):
            tables = [(name, getattr(cmp, name)) for name in ("terms", "categories",
                                                              "contrasts")]
            tables.append(("cues (who says what with which verb)",
                           cmp.cues[cmp.cues["count"] > 0]))
            if cmp.lexicon is not None and cmp.lexicon.actors:
                tables.append(("targets (labels by the actor they are said of)",
                               cmp.targets[cmp.targets["count"] > 0]))
            if corpus.duplicates is not None:
                tables.append(("duplicates", _duplicates_table(corpus)))
            if corpus.date is not None and corpus.lexicon.contrasts:
                sw = _switch_table(corpus, args)
                tables.append(("switch points (series with data)", sw[sw["periods"] > 0]))
            for name, table in tables:
                print(f"== {name}")
                print(table.to_string(index=False))
                print()
        return 0
    if args.table == "duplicates":
        table = _duplicates_table(corpus)
    elif args.table == "switch-points":
        table = _switch_table(corpus, args)
    else:
        table = getattr(cmp, args.table)
    _write_table(table, out)
    return 0


def _threads(value: str) -> int:
    from . import _core
    n = int(value)
    if not 1 <= n <= _core.MAX_THREADS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {_core.MAX_THREADS}, not {n}")
    return n


def _non_negative(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {n}")
    return n


def _positive_float(value: str) -> float:
    import math
    x = float(value)
    if not (math.isfinite(x) and x > 0):
        raise argparse.ArgumentTypeError(f"must be a positive number, not {value}")
    return x


def _unit_float(value: str) -> float:
    x = float(value)
    if not 0.0 < x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], not {value}")
    return x


def _add_corpus_args(p: argparse.ArgumentParser, group_flag: str) -> None:
    p.add_argument("input", help="JSONL, CSV, TSV or Parquet file, or a folder of .txt files "
                                 "(group = the folder a file is in)")
    p.add_argument("--lexicon", required=True,
                   help="bundled lexicon name or a lexicon file (.json, .dic, .yaml, .csv, "
                        ".tsv, .txt)")
    _add_on_duplicate(p)
    p.add_argument("--text-field", default="text", help="field holding the text (text)")
    if group_flag == "--group-field":
        p.add_argument("--group-field", default="outlet",
                       help="field naming the group (outlet); several as outlet,year")
    p.add_argument("--id-field", default=None, help="field holding a document id (default: "
                                                    "'id' when present, else record numbers)")
    p.add_argument("--threads", type=_threads, default=None,
                   help="threads that analyse, the one reading the input included (all cores)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="skip records without a text or group instead of stopping")
    p.add_argument("--keep", default=None, metavar="FIELD,...",
                   help="record fields to carry into the tables (e.g. date,url,title)")
    p.add_argument("--date", default=None, metavar="FIELD",
                   help="a date field, carried as a date (and used by --period)")
    p.add_argument("--period", default=None, metavar="ALIAS",
                   help="add the date's period to the group: a pandas period alias such "
                        "as D, W, M, Q, Y (needs --date)")
    p.add_argument("--sep", default=None, metavar="CHAR",
                   help="field separator of delimited text (default: ',' for .csv, tab for "
                        ".tsv; \\t, tab, comma, semicolon and pipe are understood)")
    p.add_argument("--no-quoting", action="store_true",
                   help="delimited fields are never quoted: quote characters are text")
    p.add_argument("--dedupe", choices=("mark", "drop"), default=None,
                   help="find near-duplicate documents (reprints): mark them (a cluster "
                        "column) or drop the copies so each story counts once; analyze then "
                        "gathers the whole input before writing, since copies are found "
                        "across it")
    p.add_argument("--dedupe-keep", choices=("group", "all"), default="group",
                   help="with --dedupe drop: keep each story once per group (default) or "
                        "once overall")
    p.add_argument("--dedupe-threshold", type=_unit_float, default=None, metavar="J",
                   help="Jaccard similarity at or above which two documents are copies (0.5)")
    p.add_argument("--dedupe-shingle", type=int, default=None, metavar="N",
                   help="words per shingle (5; 2 or 3 for headlines)")


def version_text() -> str:
    """What `framelens --version` prints: the package and C core versions, the Python running
    them and the platform (what a bug report needs)."""
    import platform

    from . import __version__, _core
    return (f"framelens {__version__} (C core {_core.core_version}; "
            f"{platform.python_implementation()} {platform.python_version()}; "
            f"{platform.platform()})")


class _VersionAction(argparse.Action):
    """--version: prints version_text() on one line (argparse's own action re-wraps it) and
    exits; the text is made only when asked for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(version_text())
        parser.exit()


def _add_on_duplicate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--on-duplicate", choices=DUPLICATE_POLICIES, default="error",
                   help="a spelling that repeats another after folding: error (default), "
                        "first (keep the first), merge (join the later term to the first)")


def _add_lexicon_commands(sub) -> None:
    from .importers import FORMATS
    lx = sub.add_parser("lexicon", help="list, show, validate and convert lexicons")
    lsub = lx.add_subparsers(dest="lexicon_command", required=True)
    p = lsub.add_parser("list", help="the bundled lexicons")
    p.set_defaults(func=_cmd_lexicon_list)
    p = lsub.add_parser("show", help="a lexicon's metadata, categories, contrasts (and terms)")
    p.add_argument("name", help="bundled lexicon name or a lexicon file")
    p.add_argument("--terms", action="store_true", help="list every term too")
    p.add_argument("--from", dest="from_format", choices=FORMATS, default=None,
                   help="the file's format (default: from its extension)")
    _add_on_duplicate(p)
    p.set_defaults(func=_cmd_lexicon_show)
    p = lsub.add_parser("validate", help="check lexicon files; exit 1 if any is invalid")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--from", dest="from_format", choices=FORMATS, default=None,
                   help="the files' format (default: from each extension)")
    p.add_argument("--category", default=None,
                   help="category of a word list's terms (default: the file name)")
    _add_on_duplicate(p)
    p.set_defaults(func=_cmd_lexicon_validate)
    p = lsub.add_parser("convert", help="convert LIWC, YAML, CSV/TSV or a word list to JSON")
    p.add_argument("input", metavar="IN")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json",
                   help="the JSON lexicon to write ('-': stdout)")
    p.add_argument("--from", dest="from_format", choices=FORMATS, default=None,
                   help="the input's format (default: from its extension)")
    p.add_argument("--category", default=None,
                   help="category of a word list's terms (default: the file name)")
    p.add_argument("--name", default=None, help="the lexicon's name")
    _add_on_duplicate(p)
    p.set_defaults(func=_cmd_lexicon_convert)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framelens",
                                description="Loaded terminology and framing markers in news "
                                            "text, sentence by sentence.")
    p.add_argument("--version", action=_VersionAction,
                   help="print the framelens, C core, Python and platform versions and exit")
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("demo", help="analyse the bundled demo text with a bundled lexicon")
    d.add_argument("--lexicon", default="conflict-demo", help="bundled lexicon name or path")
    d.add_argument("--text", help="a UTF-8 text file to analyse instead of the demo text")
    d.add_argument("--report", default="framelens-report.html", metavar="PATH",
                   help="where to write the HTML report of the demo comparison "
                        "(framelens-report.html; '' for none)")
    d.set_defaults(func=_cmd_demo)
    s = sub.add_parser("show", help="print one text file's sentences and matches")
    s.add_argument("file")
    s.add_argument("--lexicon", required=True, help="bundled lexicon name or path")
    _add_on_duplicate(s)
    s.set_defaults(func=_cmd_show)
    a = sub.add_parser("analyze", help="analyse a corpus; write the matches (or sentences)")
    _add_corpus_args(a, "--group-field")
    a.add_argument("-o", "--output", help="OUT.csv, OUT.jsonl or OUT.parquet (default: CSV "
                                          "on stdout)")
    a.add_argument("--table", choices=("matches", "sentences", "attributions", "duplicates"),
                   default="matches",
                   help="matches (with speaker, cue and target), sentences, attributions "
                        "(who says what), duplicates (the clusters' documents; needs --dedupe)")
    a.add_argument("--with-text", action="store_true",
                   help="add the sentence text (every sentence for --table sentences, the "
                        "matched one for matches)")
    a.set_defaults(func=_cmd_analyze)
    c = sub.add_parser("compare", help="compare groups: log-odds, keyness, rates, contrasts")
    _add_corpus_args(c, "--by")
    c.add_argument("--by", default="outlet",
                   help="field naming the groups to compare (outlet); several as outlet,year")
    c.add_argument("-o", "--output", help="OUT.html (a report) or OUT.csv/.jsonl/.parquet "
                                          "(one table, see --table); default: print all")
    c.add_argument("--table", choices=("terms", "categories", "contrasts", "cues", "targets",
                                       "switch-points", "duplicates"), default="terms",
                   help="terms, categories, contrasts, cues (the verbs each speaker gets), "
                        "targets (labels by actor), switch-points (needs --date), "
                        "duplicates (needs --dedupe)")
    c.add_argument("--contrast", default=None,
                   help="switch points of this contrast only (default: every contrast)")
    c.add_argument("--option", default=None,
                   help="the option whose switch is sought (default: each contrast's last)")
    c.add_argument("--switch-period", dest="period_of_switch", default=None, metavar="ALIAS",
                   help="periods of the switch points (default: --period, else M)")
    c.add_argument("--alpha0", type=_positive_float, default=1000.0,
                   help="prior strength (1000)")
    c.add_argument("--voice", choices=("author", "quoted", "attributed"), default=None,
                   help="count only matches in this voice")
    c.add_argument("--bootstrap", type=_non_negative, default=0,
                   help="document-level bootstrap replicates for intervals (0: none)")
    c.add_argument("--seed", type=int, default=0)
    c.set_defaults(func=_cmd_compare)
    lx = sub.add_parser("lexicons", help="list the bundled lexicons (see also: lexicon list)")
    lx.set_defaults(func=_cmd_lexicons)
    _add_lexicon_commands(sub)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .corpus import RecordError
    from .io import InputError
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"framelens: error: {exc}", file=sys.stderr)
        return 2
    except (LexiconError, FileNotFoundError, IsADirectoryError, PermissionError, InputError,
            RecordError, KeyError, ValueError) as exc:
        msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"framelens: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framelens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
