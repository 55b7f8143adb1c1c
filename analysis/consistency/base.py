"""Shared pieces of the consistency rules: the check record and mention helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ..claims.tolerance import claim_interval

CONSISTENCY_COLUMNS = ["check_id", "claim_ids", "verdict", "explanation", "rule", "mention_ids"]


@dataclass
class Check:
    """One internal check: the mentions it reads, its verdict and the arithmetic in words."""

    rule: str
    mention_ids: list[str]
    verdict: str  # consistent | inconsistent | derived | outdated
    explanation: str
    order: int = 0  # text position of the first mention, for sorting
    extra: dict = field(default_factory=dict)


def day(iso: str | None) -> dt.date | None:
    """A date from ISO text (None stays None)."""
    return dt.date.fromisoformat(iso) if isinstance(iso, str) and iso else None


def resolved_days(numbers: pd.DataFrame) -> pd.DataFrame:
    """Mentions that resolve to a single day (dates, weekdays, 'yesterday')."""
    ok = numbers["date_start"].notna() & (numbers["date_start"] == numbers["date_end"])
    return numbers[ok & numbers["kind"].isin(["date", "weekday", "relative_date"])]


def explicit_dates(numbers: pd.DataFrame) -> pd.DataFrame:
    """Full calendar dates written out in the text (year included)."""
    return numbers[(numbers["kind"] == "date") & (numbers["resolved_from"] == "text")]


def fmt_day(d: dt.date) -> str:
    """'Thursday 2025-11-06'."""
    return f"{d.strftime('%A')} {d.isoformat()}"


def interval(row: pd.Series) -> tuple[float, float, str]:
    """(low, high, rule) a mention's wording allows (see analysis.claims.tolerance)."""
    bound = row["bound"] if isinstance(row["bound"], str) else None
    step = None if pd.isna(row["step"]) else float(row["step"])
    return claim_interval(float(row["value"]), bound, step, row["unit"])
