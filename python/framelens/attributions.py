"""Who says it, and who is labelled: the tables a study of attribution and labelling publishes
(docs/attributions.md).

- :func:`cue_table`: per group, the cue verbs ("says", "claims") used for each speaker, the
  speakers normalised through the lexicon's actors ("the Kremlin", "Moscow" -> Russia), so
  that "claims" for Kiev and "says" for Russia in one outlet are two rows that can be
  compared;
- :func:`target_table`: per group, each label (term or category) by the actor it is said of
  ("aggressor" of Russia or of Ukraine).

Both are counts with the statistics of the comparison (log-odds with an informative Dirichlet
prior, Monroe, Colaresi & Quinn 2008, computed by the C core's ``fl_compare_groups``), read
two ways: within a group, one speaker (target) against the group's other speakers (targets);
and for one speaker (target), one group against the other groups. They are made from a
:class:`framelens.Corpus` (its attribution and match columns), and follow what it holds: a
corpus analysed with ``dedupe="drop"`` counts each copied story once.
"""
# SPDX-License-Identifier: MIT
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

NO_SPEAKER = "(no speaker)"  # an attribution without a named speaker ("is expected to")
OTHER_SPEAKER = "(other)"    # a speaker who names no lexicon actor
NO_TARGET = "(no actor)"     # a match said of no lexicon actor
ALPHA0 = 10.0                # prior strength of these small tables: worth 10 observations
SPEAKER_KEYS = ("actor", "speaker")
TARGET_KEYS = ("term", "category")
CUE_COLUMNS = ("group", "speaker", "cue_lemma", "count", "speaker_total", "share", "log_odds",
               "z", "log_odds_groups", "z_groups")
TARGET_COLUMNS = ("group", "target", "label", "count", "target_total", "share", "log_odds", "z",
                  "log_odds_groups", "z_groups")


def _statistics(counts: np.ndarray, alpha0: float) -> Tuple[np.ndarray, ...]:
    """counts ``[G, K, L]`` (group, key, label): log-odds and z of each key against the group's
    other keys (within a group), and of each group against the other groups (within a key)."""
    from .compare import _compare
    G, K, L = counts.shape
    within_d = np.full(counts.shape, np.nan)
    within_z = np.full(counts.shape, np.nan)
    between_d = np.full(counts.shape, np.nan)
    between_z = np.full(counts.shape, np.nan)
    if not counts.size:
        return within_d, within_z, between_d, between_z
    for g in range(G):
        y = counts[g].astype(np.float64)
        d, z, _g2, _p = _compare(y, y.sum(axis=1), alpha0)
        within_d[g], within_z[g] = d, z
    for k in range(K):
        y = counts[:, k, :].astype(np.float64)
        d, z, _g2, _p = _compare(y, y.sum(axis=1), alpha0)
        between_d[:, k], between_z[:, k] = d, z
    return within_d, within_z, between_d, between_z


def _table(counts: np.ndarray, groups: Sequence[str], keys: Sequence[str],
           labels: Sequence[str], names: Tuple[str, str, str], alpha0: float):
    """One row per group x key x label where the key has the label in some group (zeros in
    the other groups included), sorted by group, key and count."""
    import pandas as pd
    within_d, within_z, between_d, between_z = _statistics(counts, alpha0)
    totals = counts.sum(axis=2)
    present = counts.sum(axis=0) > 0  # [K, L]
    kk, ll = np.nonzero(present)
    G = len(groups)
    gi = np.repeat(np.arange(G), len(kk))
    ki = np.tile(kk, G)
    li = np.tile(ll, G)
    count = counts[gi, ki, li] if len(gi) else np.zeros(0, np.int64)
    total = totals[gi, ki] if len(gi) else np.zeros(0, np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, count / np.where(total > 0, total, 1), np.nan)
    group_col, key_col, label_col = names
    df = pd.DataFrame({
        group_col: pd.Categorical.from_codes(gi, categories=pd.Index(list(groups))),
        key_col: pd.Categorical.from_codes(ki, categories=pd.Index(list(keys))),
        label_col: pd.Categorical.from_codes(li, categories=pd.Index(list(labels))),
        "count": count.astype(np.int64),
        f"{key_col}_total": total.astype(np.int64),
        "share": share,
        "log_odds": within_d[gi, ki, li] if len(gi) else np.zeros(0),
        "z": within_z[gi, ki, li] if len(gi) else np.zeros(0),
        "log_odds_groups": between_d[gi, ki, li] if len(gi) else np.zeros(0),
        "z_groups": between_z[gi, ki, li] if len(gi) else np.zeros(0),
    })
    return df.sort_values([group_col, key_col, "count"], ascending=[True, True, False],
                          kind="stable").reset_index(drop=True)


def _codes(values: Sequence[Any]) -> Tuple[np.ndarray, List[str]]:
    import pandas as pd
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), sort=True)
    return codes.astype(np.int64), [str(u) for u in uniques]


def speaker_keys(attributions, by: str = "actor") -> List[str]:
    """The key each attribution is counted under: ``by="actor"`` the lexicon actor its speaker
    names, else "(other)" (a speaker that names no actor) or "(no speaker)";
    ``by="speaker"`` the speaker's own words, case-folded."""
    if by not in SPEAKER_KEYS:
        raise ValueError(f"by must be one of {', '.join(SPEAKER_KEYS)}; got {by!r}")
    speakers = attributions["speaker"].astype(object).tolist()
    if by == "speaker":
        return [NO_SPEAKER if s is None or s != s else " ".join(str(s).split()).casefold()
                for s in speakers]
    actors = attributions["speaker_actor"].astype(object).tolist()
    return [a if isinstance(a, str) else (NO_SPEAKER if s is None or s != s else OTHER_SPEAKER)
            for a, s in zip(actors, speakers, strict=True)]


def cue_table(corpus, by: str = "actor", nested: bool = True, voice: Optional[str] = None,
              alpha0: float = ALPHA0):
    """Per group, the cue verbs used for each speaker: DataFrame group, speaker, cue_lemma,
    count, speaker_total (the speaker's attributions in the group), share (count /
    speaker_total), log_odds and z (this speaker against the group's other speakers: does the
    outlet say "claims" for Kiev more than for the others?), log_odds_groups and z_groups
    (this group against the other groups, for this speaker).

    ``by``: "actor" (speakers normalised through the lexicon's actors; the others pooled as
    "(other)", attributions without a speaker as "(no speaker)") or "speaker" (the speaker's
    words, case-folded). ``nested=False`` leaves out attributions inside another's content.
    ``voice``: "quoted" or "attributed" counts only attributions whose content is (not) a
    quotation. A punctuation cue (a headline's colon) is counted under its own text.
    ``alpha0``: the prior's strength (log-odds with an informative Dirichlet prior)."""
    from .evidence import check_voices
    if getattr(corpus, "kept_attributions", "all") != "all":
        raise ValueError("cue_table counts every attribution, but this corpus was analysed "
                         "with attributions='matched', which keeps only those that hold a "
                         "match: analyse it with attributions='all' (the default)")
    att = corpus.attribution_table(nested=nested)
    codes = check_voices(voice)
    if codes is not None:
        from .counts import VOICES
        att = att[att["voice"].astype(object).isin([VOICES[c] for c in codes])]
    groups = list(corpus.groups)
    gindex = {g: i for i, g in enumerate(groups)}
    g = np.fromiter((gindex[x] for x in att["group"].astype(object)), dtype=np.int64,
                    count=len(att))
    k, keys = _codes(speaker_keys(att, by))
    lemmas = [lem if isinstance(lem, str) and lem else str(cue)
              for lem, cue in zip(att["cue_lemma"].astype(object),
                                  att["cue"].astype(object), strict=True)]
    lab, labels = _codes(lemmas)
    counts = np.zeros((len(groups), len(keys), len(labels)), dtype=np.int64)
    np.add.at(counts, (g, k, lab), 1)
    return _table(counts, groups, keys, labels, ("group", "speaker", "cue_lemma"),
                  float(alpha0))


def target_table(corpus, by: str = "term", voice: Optional[str] = None,
                 alpha0: float = ALPHA0):
    """Per group, each label by the actor it is said of: DataFrame group, target, label,
    count, target_total (the group's matches said of that target), share, log_odds and z
    (this target against the group's other targets: is "aggressor" said of Russia more than
    of the others?), log_odds_groups and z_groups (this group against the other groups, for
    this target). Matches said of no actor count as "(no actor)".

    ``by``: "term" (the label is the lexicon term) or "category" (a match counts once in each
    of its term's categories). ``voice``: only matches in this voice."""
    from .evidence import check_voices
    if by not in TARGET_KEYS:
        raise ValueError(f"by must be one of {', '.join(TARGET_KEYS)}; got {by!r}")
    c = corpus._cols
    keep = np.ones(len(c["match_doc"]), dtype=bool)
    codes = check_voices(voice)
    if codes is not None:
        keep &= np.isin(c["match_voice"], codes)
    doc = c["match_doc"][keep].astype(np.int64)
    term = c["match_term"][keep].astype(np.int64)
    target = c["match_target"][keep].astype(np.int64)
    actors = [a.name for a in corpus.lexicon.actors]
    keys = actors + [NO_TARGET]
    k = np.where(target >= len(actors), len(actors), target)
    groups = list(corpus.groups)
    g = np.asarray(corpus._doc_group, dtype=np.int64)[doc] if len(doc) else doc
    lex = corpus.lexicon
    names, main_cat, _, ncat = lex._term_columns()  # columns: no Term object per term
    if by == "term":
        labels = list(dict.fromkeys(names))
        index = {t: i for i, t in enumerate(labels)}
        term_label = np.array([index[t] for t in names], dtype=np.int64)
        rows = (g, k, term_label[term] if len(term) else term)
    else:
        labels = list(lex.categories)
        cat_index = {name: i for i, name in enumerate(labels)}
        per_term = [[c] for c in main_cat.tolist()]
        for i in (ncat > 1).nonzero()[0].tolist():  # a term in several categories
            per_term[i] = [cat_index[x] for x in lex.terms[i].categories]
        sizes = np.array([len(p) for p in per_term], dtype=np.int64)
        flat = np.array([x for p in per_term for x in p], dtype=np.int64)
        first = np.cumsum(sizes) - sizes
        n = sizes[term] if len(term) else term
        rep = np.repeat(np.arange(len(term)), n)
        offs = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        rows = (g[rep], k[rep], flat[first[term][rep] + offs] if len(rep) else rep)
    counts = np.zeros((len(groups), len(keys), len(labels)), dtype=np.int64)
    np.add.at(counts, rows, 1)
    return _table(counts, groups, keys, labels, ("group", "target", "label"), float(alpha0))


def who_says_what(corpus, n: int = 5, min_count: int = 1) -> List[Dict[str, Any]]:
    """For the report: per group, the speakers (actors first) with their most used cues."""
    table = cue_table(corpus)
    out = []
    for group, sub in table.groupby("group", observed=True, sort=True):
        rows = []
        for speaker, s in sub.groupby("speaker", observed=True, sort=False):
            s = s[s["count"] >= min_count].head(n)
            if len(s):
                rows.append({"speaker": str(speaker), "total": int(s["speaker_total"].iloc[0]),
                             "cues": [{"lemma": str(r.cue_lemma), "count": int(r.count),
                                       "share": float(r.share), "z": float(r.z)}
                                      for r in s.itertuples(index=False)]})
        out.append({"group": str(group), "speakers": rows})
    return out
