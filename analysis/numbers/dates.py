"""Finders for dated mentions: calendar dates, months, years, weekdays and relative dates.

Absolute dates are parsed with python-dateutil; missing years, weekdays ("on Friday") and
relative phrases ("last month", "two days ago") are resolved against the article's published
date with `dateutil.relativedelta`. Without a published date they are listed unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta, weekday

from .base import Mention
from .lexicon import MONTH_ABBREVIATIONS, MONTHS, TIME_UNITS, WEEKDAYS
from .parse import NUMBER, parse_amount

_MONTH = r"(?:" + "|".join(MONTHS) + r"|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DATE_PATTERNS = [
    # 'October 7, 2023', 'Sept. 11', 'November 6th 2025'
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d:])"), "day"),
    # '7 October 2023', '7th of October'
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"), "day"),
    # 'October 2023', 'March of 2025'
    (re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), "month"),
    # '2023-10-07'
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "day"),
    # '10/7/2023' (US order)
    (re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"), "day"),
]
# A month name alone counts only after a temporal word ('in March', 'since May', 'early June').
_BARE_MONTH = re.compile(
    rf"\b(?P<lead>in|since|until|till|by|from|through|early|late|mid-|during|before|after)"
    rf"\s*(?P<month>{'|'.join(MONTHS)})\b(?![\s,]+\d)"
)
_YEAR_RE = re.compile(rf"(?<![\w$€£.,/-]){_YEAR}(?![\w%]|,\d|\.\d|/\d|-\d)")
_DECADE = re.compile(r"(?<![\w'])(?:(?P<full>1[6-9]\d0|20\d0)|'(?P<short>\d0))s\b")
_WEEKDAY = re.compile(
    rf"\b(?:(?P<lead>last|next|this|on|since|until|by|from|early|late)\s+)?"
    rf"(?P<day>{'|'.join(WEEKDAYS)})\b(?!s)"
)
_RELATIVE_WORD = re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<lead>last|next|this|past|coming|earlier this|later this)\s+"
    r"(?P<unit>week|weekend|month|year|summer|winter|spring|autumn|fall)\b",
    re.IGNORECASE,
)
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_AGO = re.compile(rf"\b(?P<num>{NUMBER}|a|an)\s+{_UNIT}\s+ago\b", re.IGNORECASE)
_OFFSET = re.compile(rf"\b(?P<num>{NUMBER}|a|an)\s+{_UNIT}\s+(?P<dir>after|before|later|earlier)\b", re.IGNORECASE)
# What _AGO and _OFFSET need after their number, cheap to look for: a text without it has no match
# (the full patterns try every spelled number at every word).
_AGO_HINT = re.compile(r"(?:day|week|month|year|decade)s?\s+ago\b", re.IGNORECASE)
_OFFSET_HINT = re.compile(r"(?:day|week|month|year|decade)s?\s+(?:after|before|later|earlier)\b", re.IGNORECASE)
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(in|since|until|till|by|from|through|before|after|during|on|of)\s+$", re.IGNORECASE)


def iso(day: dt.date, precision: str) -> str:
    """ISO text of `day` at a precision: day 'YYYY-MM-DD', month 'YYYY-MM', year 'YYYY'."""
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


def span_of(day: dt.date, precision: str) -> tuple[str, str]:
    """First and last day of the calendar period holding `day` at `precision`."""
    if precision == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1).isoformat(), day.replace(day=last).isoformat()
    return day.isoformat(), day.isoformat()


def infer_year(month: int, published: dt.date) -> int:
    """The year of a month named without one: this year unless that lies more than a month
    after publication, then the year before."""
    return published.year if month <= published.month + 1 else published.year - 1


def _dated(
    m_start: int,
    m_end: int,
    text: str,
    day: dt.date | None,
    precision: str,
    kind: str,
    source: str,
    relation: str | None,
    priority: int = 5,
) -> Mention:
    if day is None:
        return Mention(m_start, m_end, text, None, "date", kind, relation=relation, priority=priority)
    start, end = span_of(day, precision)
    return Mention(
        m_start,
        m_end,
        text,
        iso(day, precision),
        "date",
        kind,
        relation=relation,
        date_start=start,
        date_end=end,
        resolved_from=source,
        priority=priority,
    )


def _relation(text: str, start: int) -> str | None:
    m = _PREPOSITION.search(text[max(0, start - 12) : start])
    return m.group(1).lower() if m else None


def find_dates(text: str, published: dt.date | None = None) -> Iterator[Mention]:
    """Calendar dates and months; a missing year comes from the published date."""
    for pattern, precision in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            raw = m.group()
            has_year = re.search(_YEAR + r"\b|/\d{2}$", raw) is not None
            if not has_year and published is None:
                yield _dated(m.start(), m.end(), raw, None, precision, "date", "", _relation(text, m.start()))
                continue
            default = dt.datetime(published.year if published else 2000, 1, 1)
            try:
                parsed = date_parser.parse(
                    raw.replace("Sept.", "Sep.").replace("Sept ", "Sep "), default=default
                ).date()
            except (ValueError, OverflowError):
                continue
            source = "text"
            if not has_year:
                parsed = parsed.replace(year=infer_year(parsed.month, published))
                source = "published date"
            kind = "date" if precision == "day" else "month"
            yield _dated(m.start(), m.end(), raw, parsed, precision, kind, source, _relation(text, m.start()))
    for m in _BARE_MONTH.finditer(text):
        month = MONTHS.index(m["month"]) + 1
        day = dt.date(infer_year(month, published), month, 1) if published else None
        yield _dated(
            m.start("month"),
            m.end(),
            m["month"],
            day,
            "month",
            "month",
            "published date",
            m["lead"].lower().rstrip("-"),
        )


def find_years(text: str) -> Iterator[Mention]:
    """Years ('1992', value '1992') and decades ('the 1990s')."""
    for m in _YEAR_RE.finditer(text):
        after = text[m.end() : m.end() + 20].lower()
        if re.match(r"\s+(people|persons|troops|soldiers|residents|hostages|children|dollars|euros)\b", after):
            continue
        year = int(m.group())
        yield Mention(
            m.start(),
            m.end(),
            m.group(),
            m.group(),
            "year",
            "year",
            1.0,
            relation=_relation(text, m.start()),
            date_start=f"{year}-01-01",
            date_end=f"{year}-12-31",
            resolved_from="text",
            priority=2,
        )
    for m in _DECADE.finditer(text):
        start = int(m["full"]) if m["full"] else 1900 + int(m["short"])
        yield Mention(
            m.start(),
            m.end(),
            m.group(),
            f"{start}s",
            "decade",
            "decade",
            10.0,
            relation=_relation(text, m.start()),
            date_start=f"{start}-01-01",
            date_end=f"{start + 9}-12-31",
            resolved_from="text",
            priority=2,
        )


def resolve_weekday(name: str, lead: str | None, published: dt.date) -> dt.date:
    """The date a weekday name refers to in a news text published on `published`: the most
    recent such day (publication day included); 'next' looks ahead, 'last' strictly back."""
    wd = weekday(WEEKDAYS.index(name))
    if lead == "next":
        return published + relativedelta(days=1, weekday=wd(+1))
    if lead == "last":
        return published + relativedelta(days=-1, weekday=wd(-1))
    if lead == "this":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(days=WEEKDAYS.index(name))
    return published + relativedelta(weekday=wd(-1))


def find_weekdays(text: str, published: dt.date | None = None) -> Iterator[Mention]:
    """'on Friday', 'last Monday', 'Tuesday' resolved against the published date."""
    for m in _WEEKDAY.finditer(text):
        lead = (m["lead"] or "").lower() or None
        day = resolve_weekday(m["day"], lead, published) if published else None
        start = m.start() if lead in ("last", "next", "this", "on") else m.start("day")
        yield _dated(
            start,
            m.end(),
            text[start : m.end()],
            day,
            "day",
            "weekday",
            "published date",
            lead if lead not in ("last", "next", "this") else None,
        )


def _count(num: str) -> float:
    return 1.0 if num.lower() in ("a", "an") else parse_amount(num)[0]


def find_relative(text: str, published: dt.date | None = None) -> Iterator[Mention]:
    """'yesterday', 'last month', 'earlier this year', 'two weeks ago', and offsets between
    events ('one day after', 'three weeks later': value N in the unit, relation after/before)."""
    for m in _RELATIVE_WORD.finditer(text):
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m["word"].lower()]
        day = published + dt.timedelta(days=shift) if published else None
        yield _dated(m.start(), m.end(), m.group(), day, "day", "relative_date", "published date", None)
    for m in _RELATIVE_PERIOD.finditer(text):
        yield _relative_period(m, published)
    for m in _AGO.finditer(text) if _AGO_HINT.search(text) else ():
        n = _count(m["num"])
        unit = m["unit"].lower()
        day, precision = None, {"day": "day", "week": "day", "month": "month"}.get(unit, "year")
        if published and n == int(n):
            years = int(n) * (10 if unit == "decade" else 1) if unit in ("year", "decade") else 0
            day = published - relativedelta(
                days=int(n) if unit == "day" else 0,
                weeks=int(n) if unit == "week" else 0,
                months=int(n) if unit == "month" else 0,
                years=years,
            )
        yield _dated(m.start(), m.end(), m.group(), day, precision, "relative_date", "published date", "ago")
    for m in _OFFSET.finditer(text) if _OFFSET_HINT.search(text) else ():
        base, factor = TIME_UNITS[m["unit"].lower()]
        direction = "after" if m["dir"].lower() in ("after", "later") else "before"
        yield Mention(
            m.start(),
            m.end(),
            m.group(),
            _count(m["num"]) * factor,
            base,
            "relative_offset",
            1.0,
            relation=direction,
            priority=5,
        )


def _relative_period(m: re.Match, published: dt.date | None) -> Mention:
    lead, unit = m["lead"].lower(), m["unit"].lower()
    relation = "to_present" if lead == "past" else None
    if published is None or unit in ("summer", "winter", "spring", "autumn", "fall"):
        return Mention(m.start(), m.end(), m.group(), None, "date", "relative_date", relation=relation, priority=5)
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(lead, 0)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        first = monday + dt.timedelta(days=5) if unit == "weekend" else monday
        last = monday + dt.timedelta(days=6)
        return Mention(
            m.start(),
            m.end(),
            m.group(),
            f"{first.isoformat()}/{last.isoformat()}",
            "date",
            "relative_date",
            relation=relation,
            date_start=first.isoformat(),
            date_end=last.isoformat(),
            resolved_from="published date",
            priority=5,
        )
    precision = "month" if unit == "month" else "year"
    day = published + (relativedelta(months=step) if unit == "month" else relativedelta(years=step))
    return _dated(m.start(), m.end(), m.group(), day, precision, "relative_date", "published date", relation)


def find_times(text: str) -> Iterator[Mention]:
    """Clock times: '10 a.m.', '3:30 pm'."""
    for m in _TIME.finditer(text):
        yield Mention(m.start(), m.end(), m.group(), m.group(), "time", "time", priority=5)
