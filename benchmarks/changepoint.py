"""Switch points: accuracy on generated series with known switch months, against ruptures, and
what the method finds in the dated Sputnik headlines.

1. Generated monthly Kiev/Kyiv counts (24 months, a switch of the Kyiv share from p1 to p2 at a
   random month): how often the estimate is the true month, how often the 95% interval
   covers it, the interval's median width, and how often a series with no switch is called
   switched (p < 0.05). The peer is ruptures (Truong, Oudre & Vayatis 2020), a change-point
   library a researcher would reach for: Binseg with the l2 cost on the monthly share, one
   break (it gives no interval and no test).
2. The headlines of ../shared/data/sputnik_kyivindependent_headlines: only Sputnik's are dated
   (2022-11 .. 2025-10), so only Sputnik gets a switch table (Kiev/Kyiv, Donbass/Donbas).

    python benchmarks/changepoint.py [--series 200] [--bootstrap 499] [--plot out.png]
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

import argparse
import csv
import os
import time
from typing import Dict, List, Optional

import numpy as np
import pandas as pd

import framelens as fl
from framelens import changepoint as cp

HERE = os.path.dirname(os.path.abspath(__file__))
HEADLINES = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data",
                                          "sputnik_kyivindependent_headlines", "headlines.tsv"))
START = pd.Period("2017-01", "M")
SCENARIOS = [  # (name, p1, p2, monthly counts low, high)
    ("clear: 0.1 -> 0.8, 20-60/month", 0.1, 0.8, 20, 60),
    ("moderate: 0.3 -> 0.6, 20-60/month", 0.3, 0.6, 20, 60),
    ("subtle: 0.4 -> 0.55, 20-60/month", 0.4, 0.55, 20, 60),
    ("sparse: 0.3 -> 0.6, 3-12/month", 0.3, 0.6, 3, 12),
    ("no switch: 0.4, 20-60/month", 0.4, 0.4, 20, 60),
]


def generate(rng: np.random.Generator, n_series: int, p1: float, p2: float, lo: int, hi: int,
             m: int = 24):
    rows, truth = [], {}
    for s in range(n_series):
        tau = int(rng.integers(3, m - 3))
        truth[f"s{s}"] = tau
        for t in range(m):
            n = int(rng.integers(lo, hi + 1))
            k = int(rng.binomial(n, p1 if t < tau else p2))
            rows += [(f"s{s}", START + t, "Kiev", n - k), (f"s{s}", START + t, "Kyiv", k)]
    return pd.DataFrame(rows, columns=["group", "period", "option", "count"]), truth


def ruptures_hits(df: pd.DataFrame, truth: Dict[str, int]) -> Optional[float]:
    try:
        import ruptures as rpt
    except ImportError:
        return None
    sh = cp.shares(df)
    sh = sh[sh["option"] == "Kyiv"]
    hits = 0
    for g, sub in sh.groupby("group"):
        signal = sub["share"].to_numpy().reshape(-1, 1)
        bkps = rpt.Binseg(model="l2", min_size=1, jump=1).fit(signal).predict(n_bkps=1)
        hits += bkps[0] == truth[g]
    return hits / len(truth)


def synthetic(n_series: int, bootstrap: int) -> None:
    rng = np.random.default_rng(2026)
    print(f"Generated series: {n_series} per scenario, 24 months, bootstrap {bootstrap}\n")
    print("| scenario | framelens exact month | 95% interval covers | median width (months) "
          "| called switched (p < 0.05) | ruptures Binseg exact month | framelens ms/series |")
    print("|---|---|---|---|---|---|---|")
    for name, p1, p2, lo, hi in SCENARIOS:
        df, truth = generate(rng, n_series, p1, p2, lo, hi)
        t0 = time.perf_counter()
        out = cp.switch_points(df, "Kyiv", bootstrap=bootstrap, seed=1)
        ms = 1000 * (time.perf_counter() - t0) / n_series
        true = out["group"].map(lambda g, truth=truth: START + truth[g])
        exact = (out["switch"] == true).mean()
        cover = ((out["switch_low"] <= true) & (true <= out["switch_high"])).mean()
        width = (out["switch_high"] - out["switch_low"]).map(lambda d: d.n).median()
        called = (out["p_value"] < 0.05).mean()
        rp = ruptures_hits(df, truth)
        rp_s = f"{rp:.2f}" if rp is not None else "(not installed)"
        if p1 == p2:
            print(f"| {name} | - | - | - | {called:.3f} | - | {ms:.1f} |")
        else:
            print(f"| {name} | {exact:.2f} | {cover:.3f} | {width:.0f} | {called:.3f} | {rp_s} "
                  f"| {ms:.1f} |")


def headlines(bootstrap: int, plot: Optional[str]) -> None:
    if not os.path.exists(HEADLINES):
        print(f"\n{HEADLINES} is absent: the real-data part is skipped")
        return
    with open(HEADLINES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    lex = fl.Lexicon.from_dict({
        "terms": [{"term": "Kiev", "category": "name"}, {"term": "Kiev regime", "category": "d"},
                  {"term": "Kyiv", "category": "name"}, {"term": "Donbass", "category": "r"},
                  {"term": "Donbas", "category": "r"}],
        "contrasts": [
            {"name": "capital", "options": {"Kiev": ["Kiev", "Kiev regime"], "Kyiv": ["Kyiv"]}},
            {"name": "region", "options": {"Donbass": ["Donbass"], "Donbas": ["Donbas"]}}]})
    records = [{"id": i, "outlet": r["outlet"], "text": r["title"]} for i, r in enumerate(rows)]
    corpus = fl.Analyzer(lex).analyze_corpus(records, group="outlet")
    dated = pd.DataFrame({"doc_id": range(len(rows)),
                          "date": [r["date_from_url"] or None for r in rows]})
    matches = corpus.matches.merge(dated, on="doc_id")
    undated = matches["date"].isna()
    print(f"\nHeadlines: {len(rows)} ({sum(1 for r in rows if r['date_from_url'])} dated, all "
          f"Sputnik); matches without a date (The Kyiv Independent): {int(undated.sum())}")
    matches = matches[~undated]
    tables: List[pd.DataFrame] = []
    for contrast, option in ((lex.contrasts[0], "Kyiv"), (lex.contrasts[1], "Donbas")):
        counts = cp.contrast_counts(matches, contrast, date="date", freq="M")
        out = cp.switch_points(counts, option, bootstrap=bootstrap)
        out.insert(1, "contrast", contrast.name)
        tables.append(out)
        sh = cp.shares(counts)
        tot = sh[sh["option"] == option][["count", "total"]].sum()
        print(f"  {contrast.name}: {int(tot['count'])} of {int(tot['total'])} dated Sputnik "
              f"matches are {option!r}, over {out['periods'].iloc[0]} months")
        if plot and option == "Kyiv":
            import matplotlib
            matplotlib.use("Agg")
            cp.plot_switches(counts, out, option).savefig(plot, dpi=100, bbox_inches="tight")
            print(f"  plot: {plot}")
    print()
    print(pd.concat(tables).to_markdown(index=False) if _has_tabulate() else
          pd.concat(tables).to_string(index=False))


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
        return True
    except ImportError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--series", type=int, default=200)
    ap.add_argument("--bootstrap", type=int, default=499)
    ap.add_argument("--plot", default=None, help="write the Sputnik Kiev/Kyiv plot here (PNG)")
    args = ap.parse_args()
    synthetic(args.series, args.bootstrap)
    headlines(args.bootstrap, args.plot)


if __name__ == "__main__":
    main()
