"""Waves of one poll question by country: shares with intervals, changes between waves and
differences between countries in the same wave."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import pandas as pd

from . import stats
from .prepare import prepare_polls
from .topics import topic_relation

WAVE_COLUMNS = ["country", "poll_id", "fieldwork", "date", "response", "percent", "n", "n_assumed", "ci_low", "ci_high"]
CHANGE_COLUMNS = [
    "country",
    "response",
    "poll_from",
    "poll_to",
    "fieldwork_from",
    "fieldwork_to",
    "percent_from",
    "percent_to",
    "change",
    "ci_low",
    "ci_high",
    "p_value",
    "significant",
    "n_assumed",
]
COUNTRY_DIFF_COLUMNS = [
    "poll_id",
    "fieldwork",
    "response",
    "country_a",
    "country_b",
    "percent_a",
    "percent_b",
    "difference",
    "ci_low",
    "ci_high",
    "p_value",
    "significant",
    "n_assumed",
]
# Response pairs a wave chart shows, in order of preference.
RESPONSE_PAIRS: tuple[tuple[str, str], ...] = (("positive", "negative"), ("support", "oppose"), ("approve", "oppose"))


@dataclass(frozen=True)
class WaveTopic:
    """The question to chart: the claim it comes from, its lexicon topic ("" if none), the
    claim's resolved object (matched by content words when there is no topic) and a label."""

    claim_id: str
    topic: str
    object_text: str
    label: str


def chart_topic(claims: pd.DataFrame, evaluation: pd.DataFrame) -> WaveTopic | None:
    """The topic of the article's first poll claim (by position) that has a side and at least
    one reference poll asking the same or a related question; None when there is no such claim."""
    matched = set(evaluation.loc[evaluation["question_match"].isin(["same", "related"]), "claim_id"])
    usable = claims[(claims["side"] != "") & claims["claim_id"].isin(matched)]
    if usable.empty:
        return None
    first = usable.iloc[0]
    return WaveTopic(
        first["claim_id"], first["topic"], first["object_resolved"], first["topic_label"] or first["object_resolved"]
    )


def wave_table(
    polls: pd.DataFrame,
    topic: WaveTopic | None,
    responses: tuple[str, ...] | None = None,
    countries: tuple[str, ...] | None = None,
    assumed_n: int = 1000,
    confidence: float = 0.95,
    design_effect: float = 1.0,
) -> pd.DataFrame:
    """National shares of `responses` to the polls asking about `topic` (`topics.topic_relation`
    "same"), one row per country, poll and response.

    `responses` defaults to the first pair of RESPONSE_PAIRS those polls report; no topic
    (None) gives an empty table.
    Columns: country, poll_id, fieldwork, date (middle of the fieldwork), response, percent, n
    (stated or assumed), n_assumed, ci_low, ci_high (Wilson). Sorted by country order (given
    `countries`, else alphabetical), date, response.
    """
    if topic is None:
        return pd.DataFrame(columns=WAVE_COLUMNS)
    prepared = prepare_polls(polls)
    same = [
        topic_relation(topic.topic, topic.object_text, t, f, q or "") == "same"
        for t, f, q in zip(prepared["topic"], prepared["topic_family"], prepared["question"])
    ]
    on_topic = prepared[pd.Series(same, index=prepared.index, dtype=bool) & (prepared["scope"] == "national")]
    if responses is None:
        present = set(on_topic["response"])
        responses = next((pair for pair in RESPONSE_PAIRS if present & set(pair)), ())
    sel = on_topic[on_topic["response"].isin(responses)]
    rows = []
    for r in sel.itertuples():
        for country in r.countries:
            if countries is not None and country not in countries:
                continue
            n_known = not pd.isna(r.n)
            n = int(r.n) if n_known else int(assumed_n)
            low, high = stats.interval(r.percent, n, confidence, "wilson", design_effect)
            middle = r.fw_start + (r.fw_end - r.fw_start) / 2
            rows.append(
                {
                    "country": country,
                    "poll_id": r.poll_id,
                    "fieldwork": r.fieldwork,
                    "date": middle,
                    "response": r.response,
                    "percent": r.percent,
                    "n": n,
                    "n_assumed": not n_known,
                    "ci_low": low,
                    "ci_high": high,
                }
            )
    out = pd.DataFrame(rows, columns=WAVE_COLUMNS)
    order = list(countries) if countries is not None else sorted(out["country"].unique())
    out["_c"] = out["country"].map({c: i for i, c in enumerate(order)})
    return (
        out.sort_values(["_c", "date", "response", "poll_id"], kind="stable").drop(columns="_c").reset_index(drop=True)
    )


def wave_changes(waves: pd.DataFrame, confidence: float = 0.95, design_effect: float = 1.0) -> pd.DataFrame:
    """Change of each response between consecutive waves of a country, with its interval and
    two-sided test (`stats.difference`: Newcomb interval, score test).

    Columns: country, response, poll_from, poll_to, fieldwork_from, fieldwork_to, percent_from,
    percent_to, change (points), ci_low, ci_high, p_value, significant, n_assumed (either wave).
    """
    rows = []
    for (country, response), group in waves.groupby(["country", "response"], sort=False):
        group = group.sort_values("date")
        for a, b in zip(group.itertuples(), group.iloc[1:].itertuples()):
            d = stats.difference(b.percent, b.n, a.percent, a.n, confidence, design_effect)
            rows.append(
                {
                    "country": country,
                    "response": response,
                    "poll_from": a.poll_id,
                    "poll_to": b.poll_id,
                    "fieldwork_from": a.fieldwork,
                    "fieldwork_to": b.fieldwork,
                    "percent_from": a.percent,
                    "percent_to": b.percent,
                    "change": d.difference,
                    "ci_low": d.ci_low,
                    "ci_high": d.ci_high,
                    "p_value": d.p_value,
                    "significant": d.significant,
                    "n_assumed": bool(a.n_assumed or b.n_assumed),
                }
            )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def wave_responses(waves: pd.DataFrame) -> tuple[str, ...]:
    """The responses of a wave table in RESPONSE_PAIRS order (positive before negative)."""
    known = list(dict.fromkeys(r for pair in RESPONSE_PAIRS for r in pair))
    present = set(waves["response"])
    return tuple(r for r in known if r in present) + tuple(sorted(present - set(known)))


def chart_countries(waves: pd.DataFrame, first: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Countries of a wave table: those in `first` (in that order), then the rest alphabetically."""
    present = set(waves["country"])
    return tuple(c for c in first if c in present) + tuple(sorted(present - set(first)))


def country_differences(
    waves: pd.DataFrame, countries: tuple[str, ...] = (), confidence: float = 0.95, design_effect: float = 1.0
) -> pd.DataFrame:
    """Differences between countries in the same wave: every pair of countries a poll reports
    for a response, country_a before country_b in the order of `countries` (then the table's),
    with the interval and two-sided test of percent_a - percent_b (`stats.difference`: Newcomb
    interval, score test).

    Columns: poll_id, fieldwork, response, country_a, country_b, percent_a, percent_b,
    difference (points), ci_low, ci_high, p_value, significant, n_assumed (either country).
    Sorted by wave date, response, then country order.
    """
    order = {c: i for i, c in enumerate(dict.fromkeys([*countries, *waves["country"]]))}
    first_date = waves.groupby("poll_id")["date"].min()
    rows = []
    for poll_id in sorted(first_date.index, key=lambda p: (first_date[p], p)):
        wave = waves[waves["poll_id"] == poll_id]
        for response, group in wave.groupby("response", sort=True):
            group = group.sort_values("country", key=lambda c: c.map(order), kind="stable")
            rows.extend(_pairs(poll_id, response, group, confidence, design_effect))
    return pd.DataFrame(rows, columns=COUNTRY_DIFF_COLUMNS)


def _pairs(poll_id: str, response: str, group: pd.DataFrame, confidence: float, design_effect: float) -> list[dict]:
    rows = []
    for a, b in combinations(group.itertuples(), 2):
        d = stats.difference(a.percent, a.n, b.percent, b.n, confidence, design_effect)
        fieldwork = a.fieldwork if a.fieldwork == b.fieldwork else f"{a.fieldwork} / {b.fieldwork}"
        rows.append(
            {
                "poll_id": poll_id,
                "fieldwork": fieldwork,
                "response": response,
                "country_a": a.country,
                "country_b": b.country,
                "percent_a": a.percent,
                "percent_b": b.percent,
                "difference": d.difference,
                "ci_low": d.ci_low,
                "ci_high": d.ci_high,
                "p_value": d.p_value,
                "significant": d.significant,
                "n_assumed": bool(a.n_assumed or b.n_assumed),
            }
        )
    return rows
