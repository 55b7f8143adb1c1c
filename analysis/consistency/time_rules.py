"""Rules about time: years plus durations, durations against each other and against the dates
they span, offsets ('one day after') against weekday names and dates."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..claims.labels import metric_label
from ..claims.periods import MONTHS_PER_UNIT, months_between
from ..claims.subjects import subject_key
from ..claims.tolerance import fmt_interval, overlap
from ..wording import plural
from .base import Check, day, explicit_dates, fmt_day, interval, resolved_days

_YEAR_DAYS = 365.25


def anchor_date(numbers: pd.DataFrame, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The article's reference date: the latest full date written in the text that is not after
    publication (the event being reported), else the published date. Returns (date, mention_id)."""
    dates = explicit_dates(numbers)
    if published is not None:
        dates = dates[dates["date_start"].map(lambda s: day(s) <= published)]
    if not dates.empty:
        row = dates.loc[dates["date_start"].map(day).idxmax()]
        return day(row["date_start"]), row["mention_id"]
    return published, None


def _to_present(located: pd.DataFrame) -> pd.DataFrame:
    """Duration claims in years that run up to the article's date."""
    if located.empty:
        return located
    return located[
        (located["kind"] == "duration") & (located["unit"] == "years") & (located["period_mode"] == "current")
    ]


def year_plus_duration(numbers: pd.DataFrame, located: pd.DataFrame, published: dt.date | None) -> list[Check]:
    """A start year plus an N-year span that runs to the present must reach the article's date
    ('established in 1992' + 'its 33-year history' against a 2025 announcement)."""
    anchor, anchor_id = anchor_date(numbers, published)
    if anchor is None or located.empty:
        return []
    anchor_words = "the latest date the text gives" if anchor_id else "the published date"
    checks = []
    starts = located[located["unit"].isin(["year", "date"]) & (located["mention_id"] != anchor_id)]
    for _, dur in _to_present(located).iterrows():
        for _, start in starts[starts["subject"].map(subject_key) == subject_key(dur["subject"])].iterrows():
            first, last = day(start["date_start"]), day(start["date_end"])
            elapsed = ((anchor - last).days / _YEAR_DAYS, (anchor - first).days / _YEAR_DAYS)
            lo, hi, rule = interval(dur)
            ok = overlap((lo, hi), elapsed)
            year = first.year
            arithmetic = "" if ok else f"; {year} + {dur['value']:g} years = {year + dur['value']:g}, not {anchor.year}"
            checks.append(
                Check(
                    "year arithmetic",
                    [start["mention_id"], dur["mention_id"]] + ([anchor_id] if anchor_id else []),
                    "consistent" if ok else "inconsistent",
                    f"'{dur['text']}' ({rule}: {fmt_interval(lo, hi, 'years')}) {'covers' if ok else 'does not cover'} "
                    f"{start['text']} to {anchor.isoformat()}, {anchor_words} ({elapsed[0]:.1f}-{elapsed[1]:.1f} years)"
                    f"{arithmetic}.",
                    int(start["start"]),
                )
            )
    return checks


def durations_agree(located: pd.DataFrame) -> list[Check]:
    """Two durations of the same subject that both run to the present must overlap
    ('three decades' and '33-year')."""
    durations = _to_present(located)
    checks = []
    rows = list(durations.iterrows())
    for i, (_, a) in enumerate(rows):
        for _, b in rows[i + 1 :]:
            if subject_key(a["subject"]) != subject_key(b["subject"]):
                continue
            ia, ib = interval(a), interval(b)
            ok = overlap(ia[:2], ib[:2])
            checks.append(
                Check(
                    "durations agree",
                    [a["mention_id"], b["mention_id"]],
                    "consistent" if ok else "inconsistent",
                    f"'{a['text']}' ({ia[2]}: {fmt_interval(ia[0], ia[1], 'years')}) and '{b['text']}' ({ib[2]}: "
                    f"{fmt_interval(ib[0], ib[1], 'years')}) "
                    f"{'overlap: they can describe the same span' if ok else 'do not overlap'}.",
                    int(a["start"]),
                )
            )
    return checks


def duration_vs_span(
    located: pd.DataFrame, facts: pd.DataFrame | None, labels: dict[str, str] | None = None
) -> list[Check]:
    """A stated duration against the dates its period spans ('15 months of war' from
    October 7, 2023 to a ceasefire 'last month'); reference events of `ends_with` show which
    end date the duration would fit."""
    checks = []
    if located.empty:
        return checks
    spans = located[
        (located["kind"] == "duration") & (located["period_mode"] == "span") & (located["period_start"] != "")
    ]
    for _, c in spans.iterrows():
        period = c["_period"]
        start = period.start_lo
        lo_m, hi_m = months_between(start, period.end_lo), months_between(start, period.end_hi)
        factor = MONTHS_PER_UNIT.get(c["unit"])
        if factor is None:
            continue
        lo, hi, rule = interval(c)
        ok = overlap((lo * factor, hi * factor), (lo_m, hi_m))
        text = (
            f"From {start.isoformat()} to {period.label.split(' to ')[-1]} is {lo_m:.1f}-{hi_m:.1f} months; "
            f"'{c['text']}' ({rule}) allows {lo * factor:.1f}-{hi * factor:.1f} months, so the stated duration "
            f"{'fits' if ok else 'does not fit'} these dates."
        )
        if c["ends_with"] and facts is not None:
            text += " " + _fitting_events(c, start, (lo * factor, hi * factor), facts, labels)
        ids = [m for m in (c["start_mention_id"], c["mention_id"], c["end_mention_id"]) if m]
        checks.append(Check("duration vs dates", ids, "consistent" if ok else "inconsistent", text, int(c["start"])))
    return checks


def _fitting_events(
    c: pd.Series, start: dt.date, allowed: tuple[float, float], facts: pd.DataFrame, labels: dict[str, str] | None
) -> str:
    events = facts[
        (facts["metric"] == c["ends_with"]) & (facts["subject"].map(subject_key) == subject_key(c["subject"]))
    ]
    parts = []
    for _, e in events.sort_values("value").iterrows():
        when = day(e["value"]) if len(e["value"]) == 10 else None
        if when is None or when < start:
            continue
        months = months_between(start, when)
        fits = allowed[0] <= months <= allowed[1]
        parts.append(
            f"{e['value']} ({months:.1f} months, {'fits' if fits else 'does not fit'}; "
            f"{e['source_org']}, {e['fact_id']})"
        )
    event = metric_label(c["ends_with"], labels)
    if not parts:
        return f"No reference event ({event}) for {c['subject']}."
    return f"Reference events ({event}) for {c['subject']}: " + "; ".join(parts) + "."


def offsets_vs_dates(numbers: pd.DataFrame) -> list[Check]:
    """'one day after' between the day of the event being reported (the nearest day-dated
    mention before it, e.g. 'on Friday') and the day of an earlier event written out in the
    text: the written date must be N days before (after, for 'before')."""
    checks = []
    offsets = numbers[numbers["kind"] == "relative_offset"]
    if offsets.empty:  # nothing to check: skip the day tables
        return checks
    days = resolved_days(numbers)
    written = explicit_dates(numbers)
    for _, off in offsets.iterrows():
        if off["unit"] not in ("days", "weeks"):
            continue
        n_days = int(off["value"] * (7 if off["unit"] == "weeks" else 1))
        before = days[days["start"] < off["start"]]
        if before.empty:
            continue
        subject = before.iloc[-1]
        when = day(subject["date_start"])
        sign = -1 if off["relation"] == "after" else 1
        expected = when + dt.timedelta(days=sign * n_days)
        near = written[
            written["date_start"].map(lambda s, expected=expected: abs((day(s) - expected).days) <= 7)
            & (written["mention_id"] != subject["mention_id"])
        ]
        if near.empty:
            continue
        other = near.loc[near["date_start"].map(lambda s, expected=expected: abs((day(s) - expected).days)).idxmin()]
        given = day(other["date_start"])
        ok = given == expected
        off_by = "" if ok else f", {plural(abs((given - expected).days), 'day')} off"
        how = "resolved against the published date" if subject["resolved_from"] == "published date" else "as written"
        checks.append(
            Check(
                "offset vs dates",
                [subject["mention_id"], off["mention_id"], other["mention_id"]],
                "consistent" if ok else "inconsistent",
                f"'{subject['text']}' is {fmt_day(when)} ({how}); '{off['text']}' puts the earlier event on "
                f"{fmt_day(expected)}; the text dates it '{other['text']}' = {fmt_day(given)}{off_by}.",
                int(subject["start"]),
            )
        )
    return checks


def weekday_vs_date(numbers: pd.DataFrame, text: str) -> list[Check]:
    """A weekday name written next to a date ('Friday, November 7, 2025') must be that date's weekday."""
    from bisect import bisect_right

    checks = []
    weekdays = numbers[numbers["kind"] == "weekday"]
    written = explicit_dates(numbers).to_dict("records")
    # Dates sorted by start: only those starting at most 3 characters after the weekday ends and
    # ending at most 3 before it starts can be next to it (linear, not every weekday x every date).
    order = sorted(range(len(written)), key=lambda i: written[i]["start"])
    starts = [written[i]["start"] for i in order]
    longest = max((d["end"] - d["start"] for d in written), default=0)
    for _, w in weekdays.iterrows():
        hi = bisect_right(starts, w["end"] + 3)
        lo = bisect_right(starts, w["start"] - 3 - longest - 1)
        for d in (written[i] for i in sorted(order[lo:hi])):
            if d["end"] < w["start"] - 3:
                continue
            gap = text[min(w["end"], d["end"]) : max(w["start"], d["start"])]
            if len(gap) > 3 or any(ch.isalnum() for ch in gap):
                continue
            name = w["text"].split()[-1]
            actual = day(d["date_start"]).strftime("%A")
            checks.append(
                Check(
                    "weekday vs date",
                    [w["mention_id"], d["mention_id"]],
                    "consistent" if actual == name else "inconsistent",
                    f"{d['text']} was a {actual}; the text says {name}.",
                    int(w["start"]),
                )
            )
    return checks
