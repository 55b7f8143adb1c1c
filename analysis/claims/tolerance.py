"""How wide a stated figure is: intervals from the hedge word and the number's precision.

- about / approximately / roughly (bound `approx`): +-10%.
- over / more than / at least (`at_least`): at least X and not far above it (within
  BOUND_BAND): DESIGN.md says only "at least X"; the band is ours, see BOUND_BAND.
- nearly / almost / up to (`at_most`): at most X and not far below it (within BOUND_BAND).
- a bare number: rounding at its last significant digit ("1,200" covers 1,150-1,250); for
  amounts of money or people at most +-10% (ROUNDING_CAP: "$2 trillion" covers 1.8-2.2 trillion,
  not 1.5-2.5).
Reference rows get the same treatment from their `qualifier`, `value_low` and `value_high`.
"""

from __future__ import annotations

import math

import pandas as pd

from ..numbers.parse import digit_step

APPROX = 0.10  # relative tolerance of about / approximately / roughly (DESIGN.md)
# How far above "over X" (below "nearly X") the true figure may lie. News writing rounds a bound
# to the nearest round number below the figure it knows: a writer who knows 65,000 writes "over
# 60,000", not "over 40,000". A reference far beyond the bound therefore describes a later or
# different figure. The band equals the approx tolerance, so "over X" is never read more loosely
# than "about X"; without a band no growing quantity could ever be found `outdated`.
BOUND_BAND = APPROX
# A bare one-digit figure ("$2 trillion") would allow +-25% if read as rounded at its only digit;
# a writer who rounds that far says "about". Rounding is capped at the approx tolerance, so a bare
# number is never read more loosely than "about X".
ROUNDING_CAP = APPROX
# Amounts are capped; durations ("three decades": 25-35 years) and shares ("40%": 35-45%) keep
# the rounding of their last digit, which is how such words are used.
CAPPED_UNITS = {"USD", "EUR", "GBP", "JPY", "people", "count"}


def claim_interval(value: float, bound: str | None, step: float | None, unit: str = "") -> tuple[float, float, str]:
    """(low, high, rule in words) for a stated number; ordinals are exact."""
    if unit == "ordinal" and bound is None:
        return value, value, "exact"
    if bound == "approx":
        return value * (1 - APPROX), value * (1 + APPROX), "approximate: +-10%"
    if bound == "at_least":
        return value, value * (1 + BOUND_BAND), f"a lower bound: at least the figure, less than {BOUND_BAND:.0%} above"
    if bound == "at_most":
        return value * (1 - BOUND_BAND), value, f"an upper bound: at most the figure, less than {BOUND_BAND:.0%} below"
    if step:
        half = min(step / 2, abs(value) * ROUNDING_CAP) if value and unit in CAPPED_UNITS else step / 2
        capped = " (capped at 10%)" if half < step / 2 else ""
        return value - half, value + half * (1 - HALF_OPEN), f"rounded: +-{fmt_number(half)}{capped}"
    return value, value, "exact"


def reference_interval(row: pd.Series) -> tuple[float, float]:
    """(low, high) a reference row allows, from its qualifier and bounds."""
    value = float(row["value_num"])
    low = row.get("value_low")
    high = row.get("value_high")
    low = None if low is None or pd.isna(low) else float(low)
    high = None if high is None or pd.isna(high) else float(high)
    qualifier = row["qualifier"]
    if qualifier == "approx":
        return value * (1 - APPROX), value * (1 + APPROX)
    if qualifier == "estimate" and low is not None and high is not None:
        return low, high  # an estimate with its stated margin (World Bank rows: +-5% for revisions)
    if qualifier == "at_least":
        return low if low is not None else value, high if high is not None else value * (1 + BOUND_BAND)
    if qualifier == "at_most":
        return low if low is not None else value * (1 - BOUND_BAND), high if high is not None else value
    if row["unit"] == "rank":
        return value, value
    step = digit_step(str(row["value"]))
    return value - step / 2, value + step / 2 * (1 - HALF_OPEN)


HALF_OPEN = 1e-9  # rounding intervals exclude their upper end: 5 +- 0.5 and 6 +- 0.5 do not meet


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals share a point."""
    return a[0] <= b[1] and b[0] <= a[1]


def agree(claim: tuple[float, float], reference: tuple[float, float]) -> bool:
    """Whether a claim's interval agrees with a reference's: they share a stretch of values, or
    one of them is a single value inside the other. Two ranges that only touch at one end
    ("up to 6" against "at least 6") point in opposite directions and do not agree."""
    if not overlap(claim, reference):
        return False
    point = claim[0] == claim[1] or reference[0] == reference[1]
    return point or min(claim[1], reference[1]) > max(claim[0], reference[0])


def touches_only(claim: tuple[float, float], reference: tuple[float, float]) -> bool:
    """Two ranges of some width that share exactly one value."""
    return overlap(claim, reference) and not agree(claim, reference)


def ratio(claim: float, reference: float) -> float:
    """claim / reference (NaN when the reference is zero)."""
    return claim / reference if reference else math.nan


def fmt_number(x: float) -> str:
    """A number for prose: thousands separators, no needless decimals."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    rounded = float(f"{x:.6g}")
    if abs(x) >= 1e6 and abs(rounded - x) <= 1e-6 * abs(x) and rounded % 1e4 == 0:
        scale, word = (1e9, "billion") if abs(x) >= 1e9 else (1e6, "million")
        return f"{rounded / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if abs(x - round(x)) < 1e-9 * max(1.0, abs(x)):
        return f"{int(round(x)):,}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_quantity(x: float, unit: str) -> str:
    """A number with its unit: '$3.29 billion', '77%', '33 years', '6th', '43,020'."""
    if unit in ("USD",):
        return "$" + fmt_number(x)
    if unit in ("percent",):
        return fmt_number(x) + "%"
    if unit in ("ordinal", "rank"):
        n = int(x)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if unit in ("years", "months", "days", "weeks"):
        return f"{fmt_number(x)} {unit}"
    return fmt_number(x)


def fmt_interval(low: float, high: float, unit: str) -> str:
    """'43,000-47,300' or a single value when both ends agree."""
    if low == high:
        return fmt_quantity(low, unit)
    return f"{fmt_quantity(low, unit)} to {fmt_quantity(high, unit)}"
