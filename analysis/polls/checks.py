"""Checks of poll figures that need no reference data: the stated margin of error against the
stated sample size, whether a lead or a majority is clear of sampling error, and shares of one
question that add up past 100.

Input: the figures table of `figures.find_figures`. At a stated n the stated n is used, else
`assumed_n` (and the row says so). Sampling error at `confidence` (two-sided), simple random
sampling; statsmodels through `stats`.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from . import stats

CHECK_COLUMNS = ["check", "figures", "statement", "n", "n_source", "value", "expected", "result", "explanation"]
SUM_SLACK = 1.0  # rounding of each share lets a full set of answers add up to a little over 100
MARGIN_SLACK = 0.5  # a stated margin is rounded to half a point or so


NARROW_MAJORITY = 60.0  # majorities up to this share are tested; wider ones are clear at any poll's n
# Words before a share that make it an earlier wave of the share before it ("up from 12%").
EARLIER_WAVE = re.compile(r"\b(?:from|compared\s+(?:to|with)|against|versus|vs\.?)\s*(?:just\s+|only\s+)?$", re.I)


def _n(figures: pd.DataFrame, assumed_n: int) -> tuple[int, str]:
    """The figures' stated n (the first one given), else the assumed n."""
    stated = [v for v in figures["n"] if v is not None and not pd.isna(v)]
    return (int(stated[0]), "stated") if stated else (int(assumed_n), "assumed")


def _earlier_wave(text: str | None, a: pd.Series, b: pd.Series) -> bool:
    if text is None:
        return False
    return bool(EARLIER_WAVE.search(text[a["end"] : b["start"]][-40:]))


def margin_check(figures: pd.DataFrame, confidence: float = 0.95) -> list[dict]:
    """The stated margin against the one the stated n gives at 50% (and the n the margin implies)."""
    rows = []
    with_both = figures[figures["n"].notna() & figures["moe"].notna()]
    stated_moe = [v for v in figures["moe"] if v is not None and not pd.isna(v)]
    if with_both.empty and stated_moe:
        moe = float(stated_moe[0])
        implied = stats.z_value(confidence) ** 2 * 0.25 / (moe / 100) ** 2
        rows.append(
            {
                "check": "margin of error",
                "figures": "",
                "statement": figures["moe_text"].iloc[0],
                "n": math.nan,
                "n_source": "implied",
                "value": moe,
                "expected": round(implied),
                "result": "n implied",
                "explanation": f"A margin of ±{moe:g} points at {confidence:.0%} implies a simple random "
                f"sample of about {round(implied):,}; the article states no sample size.",
            }
        )
    if with_both.empty:
        return rows
    row = with_both.iloc[0]
    n, moe = int(row["n"]), float(row["moe"])
    expected = stats.margin_of_error(50, n, confidence)
    implied = stats.z_value(confidence) ** 2 * 0.25 / (moe / 100) ** 2
    if moe + MARGIN_SLACK < expected:
        result, why = "too small", "smaller than the sample allows"
    elif moe > expected + MARGIN_SLACK:
        deff = (moe / expected) ** 2
        result, why = "consistent", f"wider than simple random sampling gives (a design effect of about {deff:.1f})"
    else:
        result, why = "consistent", "as simple random sampling gives"
    rows.append(
        {
            "check": "margin of error",
            "figures": "",
            "statement": f"{row['n_text']}; {row['moe_text']}",
            "n": n,
            "n_source": "stated",
            "value": moe,
            "expected": round(expected, 1),
            "result": result,
            "explanation": f"The stated margin of ±{moe:g} points is {why}: n = {n:,} gives ±{expected:.1f} "
            f"at {confidence:.0%} (a ±{moe:g} margin implies n ≈ {round(implied):,}).",
        }
    )
    return rows


def lead_checks(
    figures: pd.DataFrame, assumed_n: int = 1000, confidence: float = 0.95, text: str | None = None
) -> list[dict]:
    """Two shares of one sentence and one sample (a lead of one answer over another): is the
    gap wider than its sampling error? Var(p1 - p2) = (p1 + p2 - (p1 - p2)^2) / n."""
    rows = []
    for _, group in figures.groupby("sentence_start", sort=True):
        if len(group) != 2:
            continue
        a, b = group.iloc[0], group.iloc[1]
        if _earlier_wave(text, a, b):
            continue
        n, source = _n(group, assumed_n)
        if a["response"] == b["response"] and a["response"] != "vote_for":
            continue
        p1, p2 = float(a["percent"]) / 100, float(b["percent"]) / 100
        gap = abs(p1 - p2)
        se = math.sqrt(max(p1 + p2 - (p1 - p2) ** 2, 1e-12) / n)
        margin = stats.z_value(confidence) * se * 100
        clear = gap * 100 > margin
        rows.append(
            {
                "check": "lead",
                "figures": f"{a['figure_id']} {b['figure_id']}",
                "statement": f"{a['mention']} vs {b['mention']}",
                "n": n,
                "n_source": source,
                "value": round(gap * 100, 1),
                "expected": round(margin, 1),
                "result": "clear" if clear else "within sampling error",
                "explanation": f"A gap of {gap * 100:.1f} points between {a['mention']} and {b['mention']} is "
                f"{'wider' if clear else 'not wider'} than its ±{margin:.1f}-point sampling error "
                f"at n = {n:,} ({source}).",
            }
        )
    return rows


def majority_checks(figures: pd.DataFrame, assumed_n: int = 1000, confidence: float = 0.95) -> list[dict]:
    """A narrow majority (over 50%, at most NARROW_MAJORITY): is it clear of sampling error
    (one-sided score test at the figure's stated n, else the assumed n)?"""
    rows = []
    for _, f in figures[(figures["percent"] > 50) & (figures["percent"] <= NARROW_MAJORITY)].iterrows():
        n, source = _n(figures.loc[[f.name]], assumed_n)
        test = stats.threshold_test(float(f["percent"]), n, 50.0, "larger", confidence)
        rows.append(
            {
                "check": "majority",
                "figures": f["figure_id"],
                "statement": f["mention"],
                "n": n,
                "n_source": source,
                "value": float(f["percent"]),
                "expected": 50.0,
                "result": "clear" if test.significant else "within sampling error",
                "explanation": f"{f['mention']} is {'clearly' if test.significant else 'not clearly'} a majority "
                f"at n = {n:,} ({source}): {stats.format_p(test.p_value, 'p')}.",
            }
        )
    return rows


def change_checks(figures: pd.DataFrame, text: str, assumed_n: int = 1000, confidence: float = 0.95) -> list[dict]:
    """A share and the earlier wave it is compared with in its sentence ("44%, up from 12%"):
    is the change clear of sampling error? Two independent samples of the figure's n (the
    earlier wave's n is rarely stated; the row says which n was used), Newcomb interval and
    score test (`stats.difference`)."""
    rows = []
    for _, group in figures.groupby("sentence_start", sort=True):
        for i in range(len(group) - 1):
            a, b = group.iloc[i], group.iloc[i + 1]
            if not _earlier_wave(text, a, b):
                continue
            n, source = _n(group.iloc[[i]], assumed_n)
            d = stats.difference(float(a["percent"]), n, float(b["percent"]), n, confidence)
            rows.append(
                {
                    "check": "change",
                    "figures": f"{a['figure_id']} {b['figure_id']}",
                    "statement": f"{a['mention']} from {b['mention']}",
                    "n": n,
                    "n_source": source,
                    "value": round(d.difference, 1),
                    "expected": round((d.ci_high - d.ci_low) / 2, 1),
                    "result": "clear" if d.significant else "within sampling error",
                    "explanation": f"The change from {b['mention']} to {a['mention']} ({d.difference:+.1f} points, "
                    f"{confidence:.0%} interval {d.ci_low:+.1f} to {d.ci_high:+.1f}) is "
                    f"{'clear of' if d.significant else 'within'} sampling error at n = {n:,} "
                    f"({source}) in each wave: {stats.format_p(d.p_value, 'p')}.",
                }
            )
    return rows


def sum_checks(figures: pd.DataFrame) -> list[dict]:
    """Shares of one sentence with different answers that add up past 100 (plus rounding)."""
    rows = []
    for _, group in figures.groupby("sentence_start", sort=True):
        if len(group) < 2 or group["response"].nunique() < len(group):
            continue
        total = float(group["percent"].sum())
        if total > 100 + SUM_SLACK:
            rows.append(
                {
                    "check": "sum",
                    "figures": " ".join(group["figure_id"]),
                    "statement": " + ".join(group["mention"]),
                    "n": math.nan,
                    "n_source": "",
                    "value": total,
                    "expected": 100.0,
                    "result": "over 100",
                    "explanation": f"Answers of one sentence add up to {total:g}%: they cannot all be "
                    f"shares of one question asked of one sample.",
                }
            )
    return rows


def sampling_checks(
    figures: pd.DataFrame, assumed_n: int = 1000, confidence: float = 0.95, text: str | None = None
) -> pd.DataFrame:
    """Every no-reference check of an article's poll figures.

    `text` (the article) lets leads be told from changes between waves ("up from 12%").
    Columns: check (margin of error, lead, change, majority, sum), figures (ids), statement (the words),
    n, n_source (stated, assumed, implied), value, expected (the margin n gives, the sampling
    error of a gap, the threshold, 100), result, explanation (a sentence from the values).
    """
    if figures.empty:
        return pd.DataFrame(columns=CHECK_COLUMNS)
    rows = (
        margin_check(figures, confidence)
        + lead_checks(figures, assumed_n, confidence, text)
        + (change_checks(figures, text, assumed_n, confidence) if text is not None else [])
        + majority_checks(figures, assumed_n, confidence)
        + sum_checks(figures)
    )
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)
