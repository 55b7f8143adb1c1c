"""Waves of one poll question by country: shares with intervals, and changes between waves."""
from __future__ import annotations

import pandas as pd

from . import stats
from .prepare import prepare_polls

WAVE_COLUMNS = ["country", "poll_id", "fieldwork", "date", "response", "percent", "n", "n_assumed",
                "ci_low", "ci_high"]
CHANGE_COLUMNS = ["country", "response", "poll_from", "poll_to", "fieldwork_from", "fieldwork_to",
                  "percent_from", "percent_to", "change", "ci_low", "ci_high", "p_value",
                  "significant", "n_assumed"]


def wave_table(polls: pd.DataFrame, topic: str, responses: tuple[str, ...] = ("positive", "negative"),
               countries: tuple[str, ...] | None = None, assumed_n: int = 1000,
               confidence: float = 0.95, design_effect: float = 1.0) -> pd.DataFrame:
    """National shares of `responses` on a topic, one row per country, poll and response.

    Columns: country, poll_id, fieldwork, date (middle of the fieldwork), response, percent, n
    (stated or assumed), n_assumed, ci_low, ci_high (Wilson). Sorted by country order (given
    `countries`, else alphabetical), date, response.
    """
    prepared = prepare_polls(polls)
    sel = prepared[(prepared["topic"] == topic) & (prepared["scope"] == "national")
                   & prepared["response"].isin(responses)]
    rows = []
    for r in sel.itertuples():
        for country in r.countries:
            if countries is not None and country not in countries:
                continue
            n_known = not pd.isna(r.n)
            n = int(r.n) if n_known else int(assumed_n)
            low, high = stats.interval(r.percent, n, confidence, "wilson", design_effect)
            middle = r.fw_start + (r.fw_end - r.fw_start) / 2
            rows.append({"country": country, "poll_id": r.poll_id, "fieldwork": r.fieldwork,
                         "date": middle, "response": r.response, "percent": r.percent, "n": n,
                         "n_assumed": not n_known, "ci_low": low, "ci_high": high})
    out = pd.DataFrame(rows, columns=WAVE_COLUMNS)
    order = list(countries) if countries is not None else sorted(out["country"].unique())
    out["_c"] = out["country"].map({c: i for i, c in enumerate(order)})
    return (out.sort_values(["_c", "date", "response", "poll_id"], kind="stable")
            .drop(columns="_c").reset_index(drop=True))


def wave_changes(waves: pd.DataFrame, confidence: float = 0.95,
                 design_effect: float = 1.0) -> pd.DataFrame:
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
            rows.append({"country": country, "response": response, "poll_from": a.poll_id,
                         "poll_to": b.poll_id, "fieldwork_from": a.fieldwork,
                         "fieldwork_to": b.fieldwork, "percent_from": a.percent,
                         "percent_to": b.percent, "change": d.difference, "ci_low": d.ci_low,
                         "ci_high": d.ci_high, "p_value": d.p_value, "significant": d.significant,
                         "n_assumed": bool(a.n_assumed or b.n_assumed)})
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def chart_countries(waves: pd.DataFrame, first: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Countries of a wave table: those in `first` (in that order), then the rest alphabetically."""
    present = set(waves["country"])
    return tuple(c for c in first if c in present) + tuple(sorted(present - set(first)))

