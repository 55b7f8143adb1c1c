"""Reference durations derived from reference event dates.

A duration claim whose register gives a span period (`start` ... `end`) and the metric of the
event that closes it (`ends_with`, e.g. ceasefire_effective) can be checked against the
durations the reference events imply: from the period's start to each such event of the
claim's subject. Each derived row cites the event's fact_id and source; its qualifier is
`derived_from_dates` and its value is rounded to a tenth of the claim's unit.
"""

from __future__ import annotations

import pandas as pd

from .periods import MONTHS_PER_UNIT, iso_span, months_between
from .subjects import subject_key

DERIVED = "derived_from_dates"


def durations_to_events(claim: pd.Series, facts: pd.DataFrame) -> pd.DataFrame:
    """Rows shaped like facts.csv, one per `ends_with` event on or after the period's start.

    Columns: those of `facts` plus `derived_event` (the event's ISO date); metric and unit are
    the claim's, period_start is the claim period's start and period_end the event's date.
    """
    period = claim["_period"]
    factor = MONTHS_PER_UNIT.get(claim["unit"])
    empty = facts.iloc[0:0].assign(derived_event="")
    if not claim.get("ends_with") or period.mode != "span" or period.start_lo is None or factor is None:
        return empty
    events = facts[
        (facts["metric"] == claim["ends_with"])
        & (facts["unit"] == "date")
        & (facts["subject"].map(subject_key) == subject_key(claim["subject"]))
    ]
    rows = []
    for _, e in events.iterrows():
        when = iso_span(e["value"])[0]
        if when < period.start_lo:
            continue
        value = f"{months_between(period.start_lo, when) / factor:.1f}"
        rows.append(
            {
                **e.to_dict(),
                "metric": claim["metric"],
                "value": value,
                "value_num": float(value),
                "value_low": None,
                "value_high": None,
                "qualifier": DERIVED,
                "unit": claim["unit"],
                "period_start": period.start_iso,
                "period_end": e["value"],
                "derived_event": e["metric"],
            }
        )
    return pd.DataFrame(rows, columns=list(empty.columns)) if rows else empty
