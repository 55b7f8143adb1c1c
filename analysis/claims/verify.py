"""Verdicts for registered claims against the reference facts (DESIGN.md vocabulary).

supported: a reference for the claim's period agrees within tolerance; contradicted: one for the
claim's period disagrees; outdated: disagrees with the reference current for the claim's period
but agrees with an earlier one (the explanation names when it was true); unsupported: no
reference for the claim's period (the nearest one is cited with how far off it is); no reference:
nothing on file for the claim's metric (the explanation names the file and columns to add).
A `current` claim with no reference covering the article's date is judged against the latest
earlier reference, but only when that reference is at most `max_reference_age_years` old; an
older one is cited as the nearest (with its age) and the claim is unsupported.
A claim that states no period is supported by any agreeing reference, but a disagreeing one
cannot contradict it (nothing says the reference is for the claim's period): it is unsupported.
Reference rows are chosen by metric, subject and period, never named by the register; a
duration claim with `ends_with` is also compared with the durations its reference events imply
(`analysis.claims.derived`).
"""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd

from ..contract_columns import CONTRACT
from ..wording import plural
from .derived import DERIVED, durations_to_events
from .labels import labels_or_default, metric_label
from .periods import Period, gap_words, iso_span, precision_words, relation, row_period_label
from .register import POLL_TOPIC
from .subjects import subject_key
from .tolerance import (
    agree,
    claim_interval,
    fmt_interval,
    fmt_number,
    fmt_quantity,
    ratio,
    reference_interval,
    touches_only,
)

CLAIM_COLUMNS = CONTRACT["claims"] + [
    "mention_id",
    "period",
    "relation",
    "claim_low",
    "claim_high",
    "reference_low",
    "reference_high",
    "true_as_of",
    "attributed_to",
    "topic",
    "metric_label",
]
VERDICTS = ("supported", "contradicted", "outdated", "unsupported", "no reference")
FACTS_FILE = "data/reference/facts.csv"
FACTS_COLUMNS_HINT = (
    "fact_id, subject, metric, value, qualifier, unit, period_start, period_end, source_org, url, confidence"
)
DATE_UNITS = {"date", "year", "decade"}
COMPATIBLE_UNITS = {
    "USD": {"USD"},
    "percent": {"percent"},
    "people": {"people", "count"},
    "count": {"people", "count"},
    "ordinal": {"rank"},
    "years": {"years"},
    "months": {"months"},
    "days": {"days"},
}
_CONFIDENCE = {"high": 0, "medium": 1, "low": 2}
_NEAREST_ORDER = {"annualised": 0, "part": 1, "other": 2, "stale": 3, "earlier": 3, "later": 3, "unknown": 4}
# How old (years from the end of its period to the article's date) the latest reference may be
# and still stand for a figure the article states as current. National statistics offices and
# the international series built on them (population estimates, trade, surveys of religion or
# language) publish or revise at least every few years, and shares of a population drift by
# several points within a decade; five years spans one typical revision cycle, so a reference
# older than that cannot say what is true at the article's date.
MAX_REFERENCE_AGE_YEARS = 5.0
_FOR_PERIOD = ("same", "latest", "unstated")
RELATION_WORDS = {
    "same": "for the claim's period",
    "unstated": "no period stated by the claim",
    "earlier": "for an earlier period",
    "later": "for a later period",
    "part": "for part of the claim's period",
    "annualised": "annualised from part of the period",
    "other": "for a different period",
    "unknown": "for an unstated period",
    "stale": "the latest available reference, too old to stand for the article's date",
}

__all__ = [
    "CLAIM_COLUMNS",
    "MAX_REFERENCE_AGE_YEARS",
    "VERDICTS",
    "claim_sort_key",
    "candidate_rows",
    "subject_key",
    "verify_claims",
]


def candidate_rows(facts: pd.DataFrame, metrics: list[str], subject: str) -> tuple[pd.DataFrame, bool]:
    """Reference rows of the metrics and subject; failing those, the metrics' rows for any
    subject (the flag says so)."""
    by_metric = facts[facts["metric"].isin(metrics)]
    key = subject_key(subject)
    same = by_metric[by_metric["subject"].map(subject_key) == key]
    return (same, True) if not same.empty else (by_metric, False)


def claim_sort_key(claim_id: str) -> tuple:
    """Natural order of claim ids: C2 before C10, then the text."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", str(claim_id))
    )


def verify_claims(
    located: pd.DataFrame,
    facts: pd.DataFrame,
    labels: dict[str, str] | None = None,
    max_reference_age_years: float = MAX_REFERENCE_AGE_YEARS,
) -> pd.DataFrame:
    """One row per located claim (see `register.locate_claims`) with its verdict, sorted by claim_id.

    `labels` ({metric: readable label}, `analysis.reference.metric_labels`) word the
    explanations; None reads them from data/reference. Columns: CLAIM_COLUMNS. The contract's
    columns come first (claim_id ... explanation); then mention_id, period (the claim's),
    relation (of the cited reference period to it: same, latest (the latest reference before a
    current claim's date), stale (the same, but older than `max_reference_age_years`: the claim
    is unsupported), unstated, earlier, later, part, annualised, other, unknown),
    claim_low/claim_high and reference_low/reference_high (the intervals compared), true_as_of
    (for outdated claims), attributed_to, topic and metric_label. Poll claims (topic 'polls')
    get no verdict here: their explanation points to the poll notebook.
    """
    labels = labels_or_default(labels)
    rows = [_verify_one(c, facts, labels, max_reference_age_years) for _, c in located.iterrows()]
    rows.sort(key=lambda r: claim_sort_key(r["claim_id"]))
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def base_row(c: pd.Series, labels: dict[str, str]) -> dict:
    """The columns a claim row carries whatever its verdict: the mention, subject, metric and label."""
    return {
        **{
            k: c[k]
            for k in (
                "claim_id",
                "start",
                "end",
                "text",
                "subject",
                "metric",
                "value",
                "unit",
                "hedge",
                "mention_id",
                "period",
                "attributed_to",
                "topic",
            )
        },
        "metric_label": metric_label(c["metric"], labels),
    }


def _verify_one(c: pd.Series, facts: pd.DataFrame, labels: dict[str, str], max_age: float) -> dict:
    out = base_row(c, labels)
    if c["topic"] == POLL_TOPIC:
        return {
            **out,
            "verdict": None,
            "explanation": ("Poll claim: checked against polls.csv in notebook 03 (poll_claims.csv), not here."),
        }
    names = " or ".join(metric_label(m, labels) for m in c["metrics"].split(";"))
    rows, same_subject = candidate_rows(facts, c["metrics"].split(";"), c["subject"])
    derived = durations_to_events(c, facts)
    if not derived.empty:
        rows = pd.concat([rows if same_subject else rows.iloc[0:0], derived], ignore_index=True)
        same_subject = True
    if rows.empty:
        return {
            **out,
            "verdict": "no reference",
            "explanation": (
                f"Nothing on file for {c['subject']} and {names}: a researcher would add rows to {FACTS_FILE} "
                f"(columns {FACTS_COLUMNS_HINT})."
            ),
        }
    if c["unit"] in DATE_UNITS:
        return {**out, **_verify_date(c, rows, labels)}
    allowed = COMPATIBLE_UNITS.get(c["unit"], {c["unit"]})
    rows = rows[rows["unit"].isin(allowed)]
    if rows.empty:
        return {
            **out,
            "verdict": "unsupported",
            "explanation": (f"No reference of {names} is in a unit comparable with {c['unit']}."),
        }
    return {**out, **_verify_number(c, rows, same_subject, labels, max_age)}


def _source(row: pd.Series) -> dict:
    return {
        "fact_id": row["fact_id"],
        "source_org": row["source_org"],
        "url": row["url"] or "",
        "reference_period": row_period_label(row["period_start"], row["period_end"]),
    }


def _best(rows: pd.DataFrame) -> pd.Series:
    """The most trustworthy, closest row: confidence, then |log ratio|, then fact_id."""
    order = rows.assign(_c=rows["confidence"].map(_CONFIDENCE), _d=rows["_dist"]).sort_values(
        ["_c", "_d", "fact_id"], kind="stable"
    )
    return order.iloc[0]


def _compare(c: pd.Series, rows: pd.DataFrame, claim: tuple[float, float], max_age: float) -> pd.DataFrame:
    """The rows with their relation to the claim's period, interval, agreement and ratio; for a
    current claim the latest earlier rows are 'latest', or 'stale' when older than `max_age` years."""
    period: Period = c["_period"]
    rows = rows.copy()
    rows["_rel"] = [
        relation(r["period_start"], r["period_end"], period, r["qualifier"] == "annualised_from_partial")
        for _, r in rows.iterrows()
    ]
    intervals = [reference_interval(r) for _, r in rows.iterrows()]
    rows["_lo"], rows["_hi"] = [i[0] for i in intervals], [i[1] for i in intervals]
    rows["_agree"] = [agree(claim, i) for i in intervals]
    rows["_touch"] = [max(claim[0], i[0]) if touches_only(claim, i) else math.nan for i in intervals]
    rows["_ratio"] = [ratio(float(c["value"]), v) for v in rows["value_num"]]
    rows["_dist"] = [abs(math.log(r)) if r and r > 0 else np.inf for r in rows["_ratio"]]
    if period.mode == "current" and not (rows["_rel"] == "same").any():
        earlier = rows[rows["_rel"] == "earlier"]
        if not earlier.empty:
            ends = earlier["period_end"].map(lambda e: iso_span(e)[0])
            age = (period.end_lo - iso_span(earlier.loc[ends.idxmax(), "period_end"])[1]).days / 365.25
            rows.loc[ends[ends == ends.max()].index, "_rel"] = "latest" if age <= max_age else "stale"
    return rows


def _verify_number(
    c: pd.Series, rows: pd.DataFrame, same_subject: bool, labels: dict[str, str], max_age: float
) -> dict:
    low, high, rule = claim_interval(
        float(c["value"]),
        c["bound"] if isinstance(c["bound"], str) else None,
        None if pd.isna(c["step"]) else float(c["step"]),
        c["unit"],
    )
    period: Period = c["_period"]
    rows = _compare(c, rows, (low, high), max_age)
    words = _RefWords(c["unit"], period, labels, max_age)
    claim_says = f"'{c['text']}' ({rule}: {fmt_interval(low, high, c['unit'])})"
    same = rows[rows["_rel"].isin(_FOR_PERIOD)] if same_subject else rows.iloc[0:0]
    result = {"claim_low": low, "claim_high": high}
    agreeing = same[same["_agree"]]
    if not agreeing.empty:
        ref, verdict = _best(agreeing), "supported"
        text = f"{claim_says} agrees with {words(ref)}"
    elif not same.empty and (same["_rel"] == "unstated").all():
        ref, verdict = _best(same), "unsupported"
        text = (
            f"The claim states no period, so no reference can contradict it, and no reference of "
            f"{metric_label(c['metric'], labels)} agrees with it: the nearest is {words(ref)}; {claim_says} "
            f"{_fails(ref, c['unit'], 'it')}"
        )
    elif not same.empty:
        ref = _best(same)
        earlier_ok = rows[(rows["_rel"] == "earlier") & rows["_agree"]]
        if not earlier_ok.empty:
            verdict = "outdated"
            ends = sorted(earlier_ok["period_end"])
            first, last_end = _same_precision(ends[0], ends[-1])
            when = f"as of {last_end}" if first == last_end else f"from {first} to {last_end}"
            last = earlier_ok.sort_values(["period_end", "fact_id"]).iloc[-1]
            result["true_as_of"] = ends[-1]
            text = (
                f"{claim_says} disagrees with {words(ref)}; it agrees with "
                f"{plural(len(earlier_ok), 'earlier reference')}, the latest {words(last, False)} "
                f"[{last['fact_id']}]: the figure was true {when}"
            )
        else:
            verdict = "contradicted"
            text = f"{claim_says} {_fails(ref, c['unit'], words(ref))}"
    else:
        pool = rows.assign(
            _o=rows["_rel"].map(_NEAREST_ORDER).fillna(5),
            _t=[_time_gap(r, period) for _, r in rows.iterrows()],
            _a=rows["qualifier"] == "annualised_from_partial",
        )
        ref = pool.sort_values(["_o", "_t", "_a", "_dist", "fact_id"], kind="stable").iloc[0]
        verdict = "unsupported"
        lead = (
            f"No reference for {c['subject']}; the nearest reference of {metric_label(c['metric'], labels)} "
            f"is for {ref['subject']}: "
            if not same_subject
            else f"No reference for the claim's period ({period.label}); the nearest is "
        )
        fits = "would agree with it" if ref["_agree"] else _fails(ref, c["unit"], "it", would=True)
        text = f"{lead}{words(ref)}. Compared across that difference, {claim_says} {fits}"
    if verdict in ("supported", "outdated", "contradicted"):
        others = len(same) - 1
        if others:
            n_agree = int(same["_agree"].sum()) - (1 if verdict == "supported" else 0)
            text += f"; {plural(others, 'other reference')} for the period, " + (
                ("agreeing" if n_agree else "not agreeing") if others == 1 else f"{n_agree or 'none'} of them agreeing"
            )
    text += f"; ratio {ref['_ratio']:.2f}." if np.isfinite(ref["_ratio"]) else "."
    if c["attributed_to"] and not _same_source(c["attributed_to"], str(ref["source_org"])):
        text += (
            f" The article attributes the figure to {c['attributed_to']}; the reference is from {ref['source_org']}."
        )
    return {
        **result,
        **_source(ref),
        "verdict": verdict,
        "reference_value": float(ref["value_num"]),
        "ratio": round(float(ref["_ratio"]), 4) if np.isfinite(ref["_ratio"]) else None,
        "reference_low": float(ref["_lo"]),
        "reference_high": float(ref["_hi"]),
        "relation": ref["_rel"],
        "explanation": text,
    }


def _same_precision(first: str, last: str) -> tuple[str, str]:
    """Two ISO dates written at the coarser of their precisions ('2025-04-30', '2025-05' ->
    '2025-04', '2025-05')."""
    width = min(len(first), len(last))
    return first[:width], last[:width]


def _fails(ref: pd.Series, unit: str, other: str, would: bool = False) -> str:
    """'disagrees with <other>', saying why when the two ranges only touch at one value."""
    if not math.isnan(ref["_touch"]):
        return (
            f"{'would share' if would else 'shares'} only the single value {fmt_quantity(ref['_touch'], unit)} "
            f"with {other}: bounds pointing in opposite directions that meet at one value do not count as "
            "agreement"
        )
    return f"{'would not agree' if would else 'disagrees'} with {other}"


def _same_source(attributed: str, source_org: str) -> bool:
    """Whether the article's attribution and the reference's source share a content word."""

    def stems(s: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]+", s.lower()) if len(w) > 3}

    return bool(stems(attributed) & stems(source_org))


class _RefWords:
    """Words for a reference row: '67,194 for 2023-10-07..2025-10-09 (Gaza Ministry of Health,
    for the claim's period)'."""

    def __init__(self, unit: str, period: Period, labels: dict[str, str], max_age: float = MAX_REFERENCE_AGE_YEARS):
        self.unit, self.period, self.labels, self.max_age = unit, period, labels, max_age

    def __call__(self, ref: pd.Series, relation_words: bool = True) -> str:
        lo, hi, unit = ref["_lo"], ref["_hi"], self.unit
        shown = fmt_quantity(float(ref["value_num"]), unit)
        qualifier = ref["qualifier"]
        if qualifier in ("at_least", "at_most", "approx"):
            shown += f" ({qualifier.replace('_', ' ')}: {fmt_interval(lo, hi, unit)})"
        elif qualifier == "estimate" and hi - lo > 0.01 * abs(float(ref["value_num"])):  # a margin, not rounding
            shown += f" (estimate: {fmt_interval(float(f'{lo:.4g}'), float(f'{hi:.4g}'), unit)})"
        elif qualifier == "estimate" or (qualifier == "annualised_from_partial" and ref["_rel"] != "annualised"):
            shown += f" ({qualifier.replace('_', ' ')})"
        if qualifier == DERIVED:
            period = (
                f"from {ref['period_start']} to {ref['period_end']}, the "
                f"{metric_label(ref['derived_event'], self.labels)}"
            )
        else:
            period = "for " + (row_period_label(ref["period_start"], ref["period_end"]) or "an unstated period")
        return f"{shown} {period} ({ref['source_org']}{self._relation(ref) if relation_words else ''})"

    def _relation(self, ref: pd.Series) -> str:
        if ref["_rel"] == "stale":
            end = iso_span(ref["period_end"])[1]
            return (
                f"; the latest available reference, {gap_words(end, self.period.end_lo)} before the article's "
                f"date, older than the {self.max_age:g}-year limit for a figure stated as current"
            )
        if ref["_rel"] == "latest" and "article date unknown" in self.period.label:
            return "; the latest reference year on file, since the article's date is unknown"
        if ref["_rel"] == "latest":
            end = iso_span(ref["period_end"])[1]
            if end >= self.period.end_lo:
                return "; the latest available reference, for a period that includes the article's date"
            return f"; the latest available reference, {gap_words(end, self.period.end_lo)} before the article's date"
        return f", {RELATION_WORDS.get(ref['_rel'], '')}"


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


def _verify_date(c: pd.Series, rows: pd.DataFrame, labels: dict[str, str]) -> dict:
    """A date or year against reference event dates (or the date a reference figure is counted
    from, when the metric is not itself a date)."""
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
        return {
            "verdict": "unsupported",
            "explanation": (f"No dated reference of {metric_label(c['metric'], labels)} for {c['subject']}."),
        }
    gap, _, _, iso, ref = sorted(found, key=lambda f: f[:3])[0]
    r_lo, r_hi = iso_span(iso)
    claimed = f"the claimed {precision_words(lo, hi)}"
    if gap:
        side = "before" if r_hi < lo else "after"
        how = f"lies {fmt_number(gap)} days {side} {claimed}"
    elif (r_lo, r_hi) == (lo, hi):
        how = f"matches {claimed}"
    elif lo <= r_lo and r_hi <= hi:
        how = f"falls within {claimed}"
    elif r_lo <= lo and hi <= r_hi:
        how = f"covers {claimed}"
    else:
        how = f"overlaps {claimed} only in part"
    label = metric_label(ref["metric"], labels)
    if ref["unit"] == "date":
        what = f"the reference date {iso} ({label}, {ref['subject']}; {ref['source_org']})"
    else:
        verb = "is dated" if ref["period_start"] == ref["period_end"] else "is counted from"
        what = (
            f"the reference figure of {label} for {ref['subject']} "
            f"({fmt_quantity(float(ref['value_num']), ref['unit'])}; {ref['source_org']}) {verb} {iso}, which"
        )
    text = f"'{c['text']}': {what} {how}."
    return {
        **_source(ref),
        "verdict": "supported" if gap == 0 else "contradicted",
        "reference_value": iso,
        "relation": "same",
        "explanation": text,
    }
