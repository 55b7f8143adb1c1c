"""Every numeric or dated mention of an article, normalised, as one table."""

from __future__ import annotations

import re

import pandas as pd

from ..article import Article
from .base import Mention
from .dates import find_dates, find_relative, find_times, find_weekdays, find_years
from .lexicon import DURATION_LEADS, HEDGES, PEOPLE_NOUNS, PEOPLE_VERBS
from .quantities import find_counts, find_durations, find_money, find_ordinals, find_percentages

NUMBER_COLUMNS = [
    "start",
    "end",
    "text",
    "value",
    "unit",
    "hedge",
    "mention_id",
    "kind",
    "bound",
    "step",
    "relation",
    "date_start",
    "date_end",
    "resolved_from",
    "noun",
    "sentence",
    "sentence_text",
]
QUANTITY_KINDS = {"money", "percent", "fraction", "count", "duration"}
_HEDGE_RE = re.compile(
    r"(?<![\w])(" + "|".join(sorted(map(re.escape, HEDGES), key=len, reverse=True)) + r")\s*$", re.IGNORECASE
)
_LEAD_RE = re.compile(r"(?<![\w])(" + "|".join(DURATION_LEADS) + r")\s+$", re.IGNORECASE)
_NOUN_STOP = {
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "since",
    "that",
    "which",
    "who",
    "after",
    "before",
    "than",
    "as",
    "is",
    "are",
    "was",
    "were",
    "the",
    "a",
    "an",
    "have",
    "has",
    "had",
    "will",
    "where",
    "when",
    "while",
    "but",
    "because",
    "into",
    "per",
    "each",
    "over",
    "under",
    "between",
    "during",
    "about",
}


def candidates(text: str, published=None) -> list[Mention]:
    """All candidate mentions from every finder, overlapping."""
    found: list[Mention] = []
    for finder in (find_money, find_percentages, find_durations, find_ordinals, find_counts, find_years, find_times):
        found.extend(finder(text))
    for finder in (find_dates, find_weekdays, find_relative):
        found.extend(finder(text, published))
    return found


def select(found: list[Mention]) -> list[Mention]:
    """Keep the longest candidate where candidates overlap (then the higher priority)."""
    from bisect import bisect_right, insort

    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []  # disjoint, sorted by start: only the two neighbours can overlap
    for m in sorted(found, key=lambda m: (-(m.end - m.start), -m.priority, m.start)):
        i = bisect_right(taken, (m.start, float("inf")))
        neighbours = taken[max(0, i - 1) : i + 1]
        if all(m.end <= s or m.start >= e for s, e in neighbours):
            kept.append(m)
            insort(taken, (m.start, m.end))
    return sorted(kept, key=lambda m: (m.start, m.end))


def attach_hedge(m: Mention, text: str) -> Mention:
    """Record the hedge word before a quantity ('over $3 billion') and widen the span over it;
    a duration lead ('over the past three decades') is recorded without widening."""
    if m.kind not in QUANTITY_KINDS:
        return m
    before = text[max(0, m.start - 30) : m.start]
    if m.kind == "duration":
        lead = _LEAD_RE.search(before)
        if lead:
            m.hedge, m.relation = lead.group(1).lower(), "to_present"
            return m
    hedge = _HEDGE_RE.search(before)
    if hedge and (hedge.group(1) != "~" or before.endswith("~")):
        word = hedge.group(1).lower()
        if word == "some" and m.kind == "duration":
            return m
        m.hedge, m.bound = word, HEDGES[word]
        m.start -= len(before) - hedge.start()
        m.text = text[m.start : m.end]
    return m


def attach_noun(m: Mention, text: str) -> Mention:
    """The words a count counts ('Palestinian lives'); counts of people get unit 'people'."""
    if m.kind not in ("count", "money", "percent", "fraction"):
        return m
    words = []
    for w in re.finditer(r"[A-Za-z][\w'-]*|[^\sA-Za-z]", text[m.end : m.end + 60]):
        token = w.group()
        if not token[0].isalpha() or token.lower() in _NOUN_STOP or len(words) == 3:
            break
        words.append(token)
    m.noun = " ".join(words) or None
    if m.kind == "count":
        prev = re.search(r"([A-Za-z]+)\W*$", text[max(0, m.start - 20) : m.start])
        people = any(w.lower() in PEOPLE_NOUNS for w in words)
        population = re.search(r"\bpopulation\s+(?:of\s+)?$", text[max(0, m.start - 25) : m.start], re.I)
        if people or population or (not words and prev and prev.group(1).lower() in PEOPLE_VERBS):
            m.unit = "people"
    return m


def extract_numbers(article: Article) -> pd.DataFrame:
    """Every numeric or dated mention of `article`, in text order.

    Columns: start, end (0-based offsets, `text == article.text[start:end]`, hedge included),
    text, value (in the unit's base: 3e9 for '$3 billion', 70 for '70%', 30 for 'three decades';
    ISO date text for dates, '1992' for a year; None when a relative date cannot be resolved),
    unit (USD/EUR/GBP, percent, percentage_points, people, count, ordinal, years, months, weeks,
    days, year, decade, date, time; '' for labels), hedge (the hedge word as written, lower case),
    mention_id (N01, N02, ...), kind (money, percent, fraction, count, label, ordinal, duration,
    age, year, decade, date, month, weekday, relative_date, relative_offset, time), bound
    (approx, at_least, at_most from the hedge), step (precision of the number as written, in the
    unit's base), relation (temporal preposition before a date, 'to_present' for 'over the past
    N years', 'after'/'before' for offsets), date_start, date_end (ISO calendar span of a dated
    mention), resolved_from ('text' or 'published date'), noun (words after a quantity),
    sentence (0-based index), sentence_text.
    """
    text = article.text
    mentions = select(candidates(text, article.metadata.published))
    rows = []
    for i, m in enumerate(mentions, start=1):
        attach_noun(attach_hedge(m, text), text)
        sentence = article.sentence_index(m.start)
        rows.append(
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "value": m.value,
                "unit": m.unit,
                "hedge": m.hedge,
                "mention_id": f"N{i:02d}",
                "kind": m.kind,
                "bound": m.bound,
                "step": m.step,
                "relation": m.relation,
                "date_start": m.date_start,
                "date_end": m.date_end,
                "resolved_from": m.resolved_from,
                "noun": m.noun,
                "sentence": sentence,
                "sentence_text": article.sentences[sentence].text if article.sentences else "",
            }
        )
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)
