"""Reference polls made ready for matching: populations, fieldwork dates, topics, sides.

`prepare_polls` takes the validated polls table (`analysis.reference.load_polls`) and adds
what the matcher needs, derived from the row's own fields (country label, fieldwork, question,
response); it changes nothing in the original columns.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from . import lexicon as lx
from .claims import canonical_country

PREPARED_COLUMNS = [
    "population",
    "countries",
    "scope",
    "population_note",
    "topic",
    "topic_label",
    "topic_family",
    "question_uncertain",
    "framing",
    "side",
    "fw_start",
    "fw_end",
    "fieldwork",
]


def iso_bounds(start: str, end: str | None = None) -> tuple[dt.date, dt.date]:
    """First and last day covered by ISO dates of any precision (`2020`, `2020-11`, `2020-11-14`)."""
    end = end or start
    return _first_day(start), _last_day(end)


def _first_day(value: str) -> dt.date:
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> dt.date:
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def fieldwork_label(start: str, end: str | None) -> str:
    """`2022-03`, or `2019-11..2020-09` when the fieldwork spans more than one stated date."""
    return start if not end or end == start else f"{start}..{end}"


def parse_population(label: str) -> tuple[tuple[str, ...], str, str]:
    """(countries, scope, note) of a reference population label.

    `UAE` -> national; `Bahrain (Sunni citizens)` -> subgroup; `Saudi Arabia, UAE and Bahrain
    (each; ...)` -> national for each of the three; `Arab region (...)` -> region. The note is
    the text in parentheses.
    """
    m = re.match(r"^(?P<base>[^(]*?)\s*(?:\((?P<note>.*)\))?\s*$", label)
    base, note = m["base"].strip(), (m["note"] or "").strip()
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", base) if p.strip()]
    countries = tuple(canonical_country(p) or p for p in parts)
    if any(c in lx.REGIONS for c in countries):
        scope = "region"
    elif not note or (note.split(";")[0].strip().lower() == "each" and len(countries) > 1):
        scope = "national"
    else:
        scope = "subgroup"
    return countries, scope, note


def response_side(response: str, question: str) -> str | None:
    """Which side a response expresses; `agree` with a statement to break or cut ties is against."""
    if response == "agree":
        return "against" if lx.AGAINST_STATEMENT.search(question or "") else None
    return lx.RESPONSE_SIDE.get(response)


def prepare_polls(polls: pd.DataFrame) -> pd.DataFrame:
    """The polls table plus matching columns (original columns first, row order kept).

    Added columns: population (the original country label), countries (tuple of canonical
    countries), scope (national, subgroup, region), population_note, topic, topic_label,
    topic_family (lexicon; "" if none), question_uncertain (the question text says its wording
    is unclear or unknown), framing (stance, view, effect, statement, ""), side (for, against,
    "" for neither), fw_start, fw_end (datetime.date), fieldwork (label).
    """
    out = polls.copy()
    parsed = out["country"].map(parse_population)
    out["population"] = out["country"]
    out["countries"] = parsed.map(lambda x: x[0])
    out["scope"] = parsed.map(lambda x: x[1])
    out["population_note"] = parsed.map(lambda x: x[2])
    questions = out["question"].fillna("")
    topics = questions.map(lx.topic_of)
    out["topic"] = topics.map(lambda t: t[0] or "")
    out["topic_label"] = topics.map(lambda t: t[1] or "")
    out["topic_family"] = topics.map(lambda t: t[2] or "")
    out["question_uncertain"] = questions.map(lambda q: bool(lx.UNCERTAIN_QUESTION.search(q)))
    out["framing"] = questions.map(lambda q: lx.framing_of(q) or "")
    out["side"] = [response_side(r, q) or "" for r, q in zip(out["response"], questions)]
    bounds = [iso_bounds(s, e) for s, e in zip(out["fieldwork_start"], out["fieldwork_end"])]
    out["fw_start"] = [b[0] for b in bounds]
    out["fw_end"] = [b[1] for b in bounds]
    out["fieldwork"] = [fieldwork_label(s, e) for s, e in zip(out["fieldwork_start"], out["fieldwork_end"])]
    return out
