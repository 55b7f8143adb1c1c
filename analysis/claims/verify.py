"""Verdicts for registered claims against the reference facts (DESIGN.md vocabulary).

supported: a reference for the claim's period agrees within tolerance; contradicted: one for the
claim's period disagrees; outdated: disagrees with the reference current for the claim's period
but agrees with an earlier one (the explanation names when it was true); unsupported: no
reference for the claim's period (the nearest one is cited with how far off it is).
Reference rows are chosen by metric, subject and period, never named by the register.
"""
from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd

from .periods import Period, iso_span, relation, row_period_label
from .register import POLL_TOPIC
from .tolerance import claim_interval, fmt_interval, fmt_quantity, overlap, ratio, reference_interval

CLAIM_COLUMNS = ["claim_id", "start", "end", "text", "subject", "metric", "value", "unit", "hedge",
                 "verdict", "fact_id", "reference_value", "reference_period", "ratio", "source_org", "url",
                 "explanation", "mention_id", "period", "relation", "claim_low", "claim_high",
                 "reference_low", "reference_high", "true_as_of", "attributed_to", "topic"]
VERDICTS = ("supported", "contradicted", "outdated", "unsupported")
DATE_UNITS = {"date", "year", "decade"}
COMPATIBLE_UNITS = {"USD": {"USD"}, "percent": {"percent"}, "people": {"people", "count"},
                    "count": {"people", "count"}, "ordinal": {"rank"}, "years": {"years"},
                    "months": {"months"}, "days": {"days"}}
_CONFIDENCE = {"high": 0, "medium": 1, "low": 2}
_NEAREST_ORDER = {"annualised": 0, "part": 1, "other": 2, "earlier": 3, "later": 3, "unknown": 4}
RELATION_WORDS = {"same": "for the claim's period", "current": "current at the claim's date",
                  "unstated": "no period stated by the claim", "earlier": "for an earlier period",
                  "later": "for a later period", "part": "for part of the claim's period",
                  "annualised": "annualised from part of the period", "other": "for a different period",
                  "unknown": "for an unstated period"}


def subject_key(subject: str) -> object:
    """A comparable form of a subject: pairs ('Israel–UAE' = 'UAE–Israel') ignore order,
    directed flows ('UAE→Israel') keep it."""
    s = " ".join(str(subject).lower().replace("—", "–").split())
    if "→" in s:
        return tuple(part.strip() for part in s.split("→"))
    if "–" in s:
        return frozenset(part.strip() for part in s.split("–"))
    return s


def candidate_rows(facts: pd.DataFrame, metrics: list[str], subject: str) -> tuple[pd.DataFrame, bool]:
    """Reference rows of the metrics and subject; failing those, the metrics' rows for any
    subject (the flag says so)."""
    by_metric = facts[facts["metric"].isin(metrics)]
    key = subject_key(subject)
    same = by_metric[by_metric["subject"].map(subject_key) == key]
    return (same, True) if not same.empty else (by_metric, False)


def verify_claims(located: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """One row per located claim (see `register.locate_claims`) with its verdict.

    Columns: CLAIM_COLUMNS. The contract's columns come first (claim_id ... explanation); then
    mention_id, period (the claim's), relation (of the cited reference period to it),
    claim_low/claim_high and reference_low/reference_high (the intervals compared),
    true_as_of (for outdated claims), attributed_to and topic. Poll claims (topic 'polls')
    get no verdict here: their explanation points to the poll notebook.
    """
    rows = [_verify_one(c, facts) for _, c in located.iterrows()]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def _base(c: pd.Series) -> dict:
    return {k: c[k] for k in ("claim_id", "start", "end", "text", "subject", "metric", "value", "unit",
                              "hedge", "mention_id", "period", "attributed_to", "topic")}


def _verify_one(c: pd.Series, facts: pd.DataFrame) -> dict:
    out = _base(c)
    if c["topic"] == POLL_TOPIC:
        return {**out, "verdict": None, "explanation": (
            "Poll claim: checked against polls.csv in notebook 03 (poll_claims.csv), not here.")}
    rows, same_subject = candidate_rows(facts, c["metrics"].split(";"), c["subject"])
    if rows.empty:
        return {**out, "verdict": "unsupported", "explanation": (
            f"No reference observation of {c['metrics'].replace(';', ' or ')} exists in facts.csv.")}
    if c["unit"] in DATE_UNITS:
        return {**out, **_verify_date(c, rows)}
    allowed = COMPATIBLE_UNITS.get(c["unit"], {c["unit"]})
    rows = rows[rows["unit"].isin(allowed)]
    if rows.empty:
        return {**out, "verdict": "unsupported", "explanation": (
            f"No reference of {c['metric']} is in a unit comparable with {c['unit']}.")}
    return {**out, **_verify_number(c, rows, same_subject)}


def _source(row: pd.Series) -> dict:
    return {"fact_id": row["fact_id"], "source_org": row["source_org"], "url": row["url"] or "",
            "reference_period": row_period_label(row["period_start"], row["period_end"])}


def _best(rows: pd.DataFrame) -> pd.Series:
    """The most trustworthy, closest row: confidence, then |log ratio|, then fact_id."""
    order = rows.assign(_c=rows["confidence"].map(_CONFIDENCE), _d=rows["_dist"]).sort_values(
        ["_c", "_d", "fact_id"], kind="stable")
    return order.iloc[0]


def _verify_number(c: pd.Series, rows: pd.DataFrame, same_subject: bool) -> dict:
    value = float(c["value"])
    low, high, rule = claim_interval(value, c["bound"] if isinstance(c["bound"], str) else None,
                                     None if pd.isna(c["step"]) else float(c["step"]), c["unit"])
    period: Period = c["_period"]
    rows = rows.copy()
    rows["_rel"] = [relation(r["period_start"], r["period_end"], period,
                             r["qualifier"] == "annualised_from_partial") for _, r in rows.iterrows()]
    intervals = [reference_interval(r) for _, r in rows.iterrows()]
    rows["_lo"], rows["_hi"] = [i[0] for i in intervals], [i[1] for i in intervals]
    rows["_agree"] = [overlap((low, high), i) for i in intervals]
    rows["_ratio"] = [ratio(value, v) for v in rows["value_num"]]
    rows["_dist"] = [abs(math.log(r)) if r and r > 0 else np.inf for r in rows["_ratio"]]
    if period.mode == "current" and not (rows["_rel"] == "same").any():
        earlier = rows[rows["_rel"] == "earlier"]
        if not earlier.empty:
            latest = earlier["period_end"].map(lambda e: iso_span(e)[0]).max()
            is_current = (rows["_rel"] == "earlier") & (rows["period_end"].map(
                lambda e: bool(e) and iso_span(e)[0] == latest))
            rows.loc[is_current, "_rel"] = "current"
    claim_says = f"'{c['text']}' ({rule}: {fmt_interval(low, high, c['unit'])})"
    same = rows[rows["_rel"].isin(["same", "current", "unstated"])] if same_subject else rows.iloc[0:0]
    result = {"claim_low": low, "claim_high": high}
    if not same.empty:
        agreeing = same[same["_agree"]]
        if not agreeing.empty:
            ref = _best(agreeing)
            verdict = "supported"
            text = f"{claim_says} agrees with {_ref_words(ref, c['unit'])}"
        else:
            ref = _best(same)
            earlier_ok = rows[(rows["_rel"] == "earlier") & rows["_agree"]]
            if not earlier_ok.empty:
                verdict = "outdated"
                ends = sorted(earlier_ok["period_end"])
                when = f"as of {ends[0]}" if ends[0] == ends[-1] else f"from {ends[0]} to {ends[-1]}"
                last = earlier_ok.sort_values("period_end").iloc[-1]
                result["true_as_of"] = ends[-1]
                text = (f"{claim_says} disagrees with {_ref_words(ref, c['unit'])}; it agrees with "
                        f"{len(earlier_ok)} earlier reference(s), the latest {_ref_words(last, c['unit'], False)}"
                        f" [{last['fact_id']}]: the figure was true {when}")
            else:
                verdict = "contradicted"
                text = f"{claim_says} disagrees with {_ref_words(ref, c['unit'])}"
        others = len(same) - 1
        if others:
            n_agree = int(same["_agree"].sum()) - (1 if verdict == "supported" else 0)
            text += f"; {others} other reference(s) for the period, {n_agree} of them agreeing"
    else:
        pool = rows.assign(_o=rows["_rel"].map(_NEAREST_ORDER).fillna(5),
                           _t=[_time_gap(r, period) for _, r in rows.iterrows()],
                           _a=rows["qualifier"] == "annualised_from_partial")
        ref = pool.sort_values(["_o", "_t", "_a", "_dist", "fact_id"], kind="stable").iloc[0]
        verdict = "unsupported"
        lead = (f"No reference for {c['subject']}; the nearest of this metric is for {ref['subject']}: "
                if not same_subject else f"No reference for the claim's period ({period.label}); the nearest is ")
        fits = "would agree" if ref["_agree"] else "would not agree"
        text = (f"{lead}{_ref_words(ref, c['unit'])}. Compared across that difference, {claim_says} "
                f"{fits} with it")
    text += f"; ratio {ref['_ratio']:.2f}." if np.isfinite(ref["_ratio"]) else "."
    if c["attributed_to"] and not _same_source(c["attributed_to"], str(ref["source_org"])):
        text += f" The article attributes the figure to {c['attributed_to']}; the reference is from {ref['source_org']}."
    return {**result, **_source(ref), "verdict": verdict, "reference_value": float(ref["value_num"]),
            "ratio": round(float(ref["_ratio"]), 4) if np.isfinite(ref["_ratio"]) else None,
            "reference_low": float(ref["_lo"]), "reference_high": float(ref["_hi"]),
            "relation": ref["_rel"], "explanation": text}


def _same_source(attributed: str, source_org: str) -> bool:
    """Whether the article's attribution and the reference's source share a content word."""
    def stems(s: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]+", s.lower()) if len(w) > 3}
    return bool(stems(attributed) & stems(source_org))


def _ref_words(ref: pd.Series, unit: str, relation_words: bool = True) -> str:
    """'67,869 for 2023-10-07..2025-10-13 (Gaza Ministry of Health, for the claim's period)'."""
    lo, hi = ref["_lo"], ref["_hi"]
    shown = fmt_quantity(float(ref["value_num"]), unit)
    if ref["qualifier"] in ("at_least", "at_most", "approx"):
        shown += f" ({ref['qualifier'].replace('_', ' ')}: {fmt_interval(lo, hi, unit)})"
    if ref["qualifier"] in ("annualised_from_partial", "estimate"):
        shown += f" ({ref['qualifier'].replace('_', ' ')})"
    period = row_period_label(ref["period_start"], ref["period_end"]) or "an unstated period"
    where = f" {RELATION_WORDS.get(ref['_rel'], '')}" if relation_words else ""
    return f"{shown} for {period} ({ref['source_org']}{',' if where else ''}{where})"


def _time_gap(row: pd.Series, period: Period) -> float:
    """Days between the reference period's end and the claim period's end (inf if unknown)."""
    if not row["period_end"] or period.end_lo is None:
        return math.inf
    lo, hi = iso_span(row["period_end"])
    if hi < period.end_lo:
        return (period.end_lo - hi).days
    if lo > period.end_hi:
        return (lo - period.end_hi).days
    return 0.0


def _verify_date(c: pd.Series, rows: pd.DataFrame) -> dict:
    """A date or year against reference event dates (or the start of the period a reference
    figure refers to, when the metric is not itself a date)."""
    lo, hi = dt.date.fromisoformat(c["date_start"]), dt.date.fromisoformat(c["date_end"])
    found = []
    for _, r in rows.iterrows():
        iso = r["value"] if r["unit"] == "date" else r["period_start"]
        if not iso:
            continue
        r_lo, r_hi = iso_span(iso)
        gap = 0 if r_lo <= hi and lo <= r_hi else min(abs((r_lo - hi).days), abs((lo - r_hi).days))
        found.append((gap, _CONFIDENCE[r["confidence"]], r["fact_id"], iso, r))
    if not found:
        return {"verdict": "unsupported", "explanation": f"No dated reference of {c['metric']} for {c['subject']}."}
    gap, _, _, iso, ref = sorted(found, key=lambda f: f[:3])[0]
    what = ref["metric"].replace("_", " ") if ref["unit"] == "date" else \
        f"start of the period of {ref['metric'].replace('_', ' ')} ({fmt_quantity(float(ref['value_num']), ref['unit'])})"
    if gap == 0:
        verdict, how = "supported", f"falls within {iso}"
    else:
        verdict, how = "contradicted", f"is {gap} days from {iso}"
    text = f"'{c['text']}' ({c['value']}) {how}, the {what} for {ref['subject']} ({ref['source_org']})."
    return {**_source(ref), "verdict": verdict, "reference_value": iso, "relation": "same", "explanation": text}
