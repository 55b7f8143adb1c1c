"""'N years ago' against a duration that runs from the same event to now ('founded two years
ago' ... 'in only 18 months since'): a rule that needs no register."""

from __future__ import annotations

import re

import pandas as pd

from ..claims.periods import MONTHS_PER_UNIT
from ..claims.tolerance import fmt_interval, overlap
from ..numbers import words_to_number
from .base import Check, interval

_AGO = re.compile(r"(?P<n>[\w.-]+(?:\s+[\w-]+)?)\s+(?P<unit>year|month|week|day)s?\s+ago$", re.I)
_SINCE_AFTER = re.compile(r"^\s*(?:since|after|from)\b", re.I)
_NEIGHBOUR_SENTENCES = 1  # the duration's sentence and the one before it


def _ago_months(text: str) -> tuple[float, float] | None:
    """The elapsed time an 'N units ago' phrase allows, in months: N +- half a unit."""
    m = _AGO.search(text.strip())
    if not m:
        return None
    words = m.group("n").lower()
    try:
        n = float(words)
    except ValueError:
        try:
            n = words_to_number(words.split()[-1])
        except (ValueError, KeyError, TypeError):
            return None
    if not n:
        return None
    unit = MONTHS_PER_UNIT[m.group("unit").lower() + "s"]
    return (n - 0.5) * unit, (n + 0.5) * unit


def ago_vs_duration(numbers: pd.DataFrame, text: str) -> list[Check]:
    """Each duration that runs to the present ('for the past two years', '18 months since') against
    the nearest 'N units ago' before it in its sentence or the one before: the two spans must meet."""
    agos = numbers[(numbers["relation"] == "ago") & (numbers["kind"] == "relative_date")]
    durations = numbers[(numbers["kind"] == "duration") & numbers["unit"].isin(list(MONTHS_PER_UNIT))]
    checks = []
    for _, d in durations.iterrows() if not agos.empty else ():  # no 'ago': nothing to meet
        runs_to_now = d["relation"] == "to_present" or _SINCE_AFTER.match(text[int(d["end"]) : int(d["end"]) + 12])
        if not runs_to_now:
            continue
        near = agos[(agos["end"] <= d["start"]) & (agos["sentence"] >= d["sentence"] - _NEIGHBOUR_SENTENCES)]
        if near.empty:
            continue
        a = near.iloc[-1]
        elapsed = _ago_months(str(a["text"]))
        if elapsed is None:
            continue
        lo, hi, rule = interval(d)
        factor = MONTHS_PER_UNIT[d["unit"]]
        claim = (lo * factor, hi * factor)
        ok = overlap(claim, elapsed)
        checks.append(
            Check(
                "ago vs duration",
                [a["mention_id"], d["mention_id"]],
                "consistent" if ok else "inconsistent",
                f"'{a['text']}' puts the event {elapsed[0]:g}-{elapsed[1]:g} months back; '{d['text']}' ({rule}: "
                f"{fmt_interval(lo, hi, d['unit'])}, {claim[0]:.1f}-{claim[1]:.1f} months) "
                + ("can measure the same span." if ok else "cannot measure the same span: the two do not meet."),
                int(a["start"]),
            )
        )
    return checks


def since_year_vs_duration(numbers: pd.DataFrame, published, skip: set[str] | frozenset = frozenset()) -> list[Check]:
    """A duration in years that runs to now ('over the past three decades', 'for 30 years')
    against the nearest year before it in its sentence or the one before ('in 1992'): the year
    plus the duration must reach the article's date. Durations in `skip` (registered claims,
    checked by the register-based rule) are left out."""
    if published is None:
        return []
    years = numbers[(numbers["kind"] == "year") & numbers["date_start"].notna()]
    durations = numbers[
        (numbers["kind"] == "duration")
        & (numbers["unit"] == "years")
        & (numbers["relation"] == "to_present")
        & ~numbers["mention_id"].isin(skip)
    ]
    checks = []
    for _, d in durations.iterrows():
        near = years[(years["end"] <= d["start"]) & (years["sentence"] >= d["sentence"] - _NEIGHBOUR_SENTENCES)]
        near = near[near["date_start"].map(lambda s: int(str(s)[:4])) <= published.year]
        if near.empty:
            continue
        y = near.iloc[-1]
        first = int(str(y["date_start"])[:4])
        elapsed = (
            published.year - first - 1 + (published.month - 1) / 12,
            published.year - first + published.month / 12,
        )
        lo, hi, rule = interval(d)
        ok = overlap((lo, hi), elapsed)
        checks.append(
            Check(
                "year arithmetic",
                [y["mention_id"], d["mention_id"]],
                "consistent" if ok else "inconsistent",
                f"'{d['text']}' ({rule}: {fmt_interval(lo, hi, 'years')}) {'covers' if ok else 'does not cover'} "
                f"{y['text']} to the published date {published.isoformat()} ({elapsed[0]:.1f}-{elapsed[1]:.1f} years)"
                + ("" if ok else f"; {first} + {d['value']:g} years = {first + d['value']:g}, not {published.year}")
                + ".",
                int(y["start"]),
            )
        )
    return checks
