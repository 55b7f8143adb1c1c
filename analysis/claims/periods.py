"""The period a claim refers to, and how a reference row's period relates to it.

A register's `period` is one of:
- omitted: the article states no period; any reference period is compared (and said so);
- `current`: as of the article's published date (a stock, or a cumulative count);
- `annual`: one year's flow, the last full calendar year before the article's date;
- an ISO date or year (`2024`, `2025-10`, `2025-11-06`): that calendar period;
- a mapping `{start: ..., end: ...}` whose ends are ISO dates, `current`, or the text of a
  dated mention in the article ("October 7, 2023", "last month") resolved by the extractor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Period:
    """Start span [start_lo, start_hi] (None: open) and end span [end_lo, end_hi] of a claim."""

    label: str
    mode: str  # unstated | current | span
    start_lo: dt.date | None = None
    start_hi: dt.date | None = None
    end_lo: dt.date | None = None
    end_hi: dt.date | None = None

    @property
    def start_iso(self) -> str:
        return self.start_lo.isoformat() if self.start_lo else ""

    @property
    def end_iso(self) -> str:
        return self.end_hi.isoformat() if self.end_hi else ""


def iso_span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of an ISO date of any precision ('2025' -> Jan 1..Dec 31)."""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def span_label(lo: dt.date, hi: dt.date) -> str:
    """Shortest ISO text of a calendar span: '2025-10-09', '2025-10', '2024' or 'lo..hi'."""
    if lo == hi:
        return lo.isoformat()
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return str(lo.year)
    if lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) and iso_span(lo.isoformat()[:7])[1] == hi:
        return lo.isoformat()[:7]
    return f"{lo.isoformat()}..{hi.isoformat()}"


def row_period_label(start: str | None, end: str | None) -> str:
    """A reference row's period as text: '2025-10-09', '2024-01-01..2024-07-31', '' if unknown."""
    if not end:
        return f"from {start}" if start else ""
    return end if not start or start == end else f"{start}..{end}"


MONTH_DAYS = 30.4375  # average month length
MONTHS_PER_UNIT = {"months": 1.0, "years": 12.0, "weeks": 7 / MONTH_DAYS, "days": 1 / MONTH_DAYS}


def months_between(a: dt.date, b: dt.date) -> float:
    """Elapsed months from a to b (average month length)."""
    return (b - a).days / MONTH_DAYS


def gap_words(earlier: dt.date, later: dt.date) -> str:
    """'6 days', 'about 5 months', 'about 10 years': how long from `earlier` to `later`."""
    days = max(0, (later - earlier).days)
    if days <= 60:
        return f"{days} day{'' if days == 1 else 's'}"
    if days < 730:
        return f"about {round(days / MONTH_DAYS)} months"
    return f"about {round(days / 365.25)} years"


def precision_words(lo: dt.date, hi: dt.date) -> str:
    """What a calendar span is: 'year 2020', 'month 2025-10', 'date 2025-11-06', 'period a..b'."""
    label = span_label(lo, hi)
    kind = {4: "year", 7: "month", 10: "date"}.get(len(label), "period")
    return f"{kind} {label}"


def row_span(row_start: str | None, row_end: str | None) -> tuple[dt.date | None, dt.date, dt.date]:
    """(start, end_lo, end_hi) of a reference period; end_lo..end_hi is the span of its end date."""
    end_lo, end_hi = iso_span(row_end)
    return (iso_span(row_start)[0] if row_start else None), end_lo, end_hi


def relation(row_start: str | None, row_end: str | None, period: Period, annualised: bool = False) -> str:
    """How a reference period relates to the claim's period.

    same (the claim's period, or the reference covering the claim's date), earlier, later,
    part (a part of the claim's period), annualised (a part-year figure scaled to a year),
    unknown (the reference has no period), unstated (the claim has none).
    """
    if period.mode == "unstated":
        return "unstated"
    if not row_end:
        return "unknown"
    start, end_lo, end_hi = row_span(row_start, row_end)
    point = row_start == row_end
    if period.mode == "current":
        day = period.end_lo
        if point:
            return "later" if end_lo > day else "earlier"
        if start and start <= day <= end_hi:
            return "same"
        return "later" if (start or end_lo) > day else "earlier"
    first = period.start_lo or period.end_lo
    if (start or end_lo) > period.end_hi:
        return "later"
    if end_hi < first:
        return "earlier"
    if point:
        return "same"
    if annualised:
        return "annualised"
    end_ok = (period.end_lo <= end_lo and end_hi <= period.end_hi) or (
        end_lo <= period.end_lo and period.end_hi <= end_hi
    )
    start_ok = period.start_lo is None or start is None or period.start_lo <= start <= period.start_hi
    if end_ok and start_ok:
        return "same"
    if end_hi < period.end_lo:
        return "earlier" if period.mode == "span" and start_ok else "part"
    return "part" if start is None or start >= first else "other"
