"""Finders for quantities: money, percentages, fractions, durations, ordinals, counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Mention
from .lexicon import (
    CURRENCIES,
    FRACTIONS,
    LABEL_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SECURITY_NAMES,
    TIME_UNITS,
    WEEKDAYS,
)
from .parse import DIGITS, NUMBER, ORDINAL_WORD, SCALE_WORDS, digit_step, ordinal_value, parse_amount

_F = re.IGNORECASE
_MONEY_SIGN = re.compile(
    rf"(?<![\w$])(?P<cur>US\$|\$|€|£|¥)\s?(?P<num>{DIGITS})"
    rf"(?:\s*(?P<scale>{SCALE_WORDS}|bn|mn|mln|tn|k|m|b)\b)?",
    _F,
)
_MONEY_WORD = re.compile(
    rf"\b(?P<num>{NUMBER})(?:\s+(?P<scale>{SCALE_WORDS}))?\s+(?P<cur>dollars?|euros?|pounds|yen)\b"
    rf"|\b(?P<cur2>USD|EUR|GBP)\s?(?P<num2>{DIGITS})(?:\s+(?P<scale2>{SCALE_WORDS}))?\b",
    _F,
)
# A misprinted dollar sign: 'S4.2 trillion' (an S standing alone before a number and a large
# scale word, as typed or scanned for '$4.2 trillion').
_MONEY_TYPO = re.compile(r"(?<![\w$])S(?P<num>\d[\d,.]*)\s*(?P<scale>million|billion|trillion)\b")
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{NUMBER})(?:\s?(?P<sign>%)|\s+(?P<word>percent|per cent|percentage points?|pct)\b)", _F
)
_FRACTION = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True)) + r")\b(?=\s+(?:of|the)\b)", _F
)
_DURATION = re.compile(
    rf"(?<![\w.,])(?P<num>{NUMBER})[\s-]+(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ie))"
    rf"(?P<plural>s)?(?P<old>-old)?\b",
    _F,
)
_ORDINAL = re.compile(rf"\b(?P<word>{ORDINAL_WORD}|\d+(?:st|nd|rd|th))\b", _F)
_COUNT = re.compile(rf"(?<![\w.,$€£¥/-])(?P<num>{DIGITS})(?:\s+(?P<scale>{SCALE_WORDS}))?(?![\w%/]|-\w)", _F)
_WORD_COUNT = re.compile(rf"\b(?P<num>{NUMBER})(?:[\s-]+(?P<scale>{SCALE_WORDS}))?\b", _F)
_A_SCALE = re.compile(rf"\b(?P<num>a|half a)\s+(?P<scale>{SCALE_WORDS})\b", _F)
# The word right before a number, when only spaces separate them ('S&P', 'Boeing', 'FTSE').
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“‘/]))([A-Za-z][A-Za-z0-9&'’.-]*[A-Za-z0-9&])[ \t]+$")
_NOT_NAMES = {w.lower() for w in (*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS)}


def find_money(text: str) -> Iterator[Mention]:
    """'$3 billion', 'US$1.5bn', '500 million dollars', 'EUR 20 million' (and 'S4.2 trillion',
    a misprinted dollar sign before a large scale word)."""
    for m in _MONEY_SIGN.finditer(text):
        value, step = parse_amount(m["num"], m["scale"])
        yield Mention(m.start(), m.end(), m.group(), value, CURRENCIES[m["cur"].lower()], "money", step, priority=4)
    for m in _MONEY_WORD.finditer(text):
        num, scale, cur = (m["num"], m["scale"], m["cur"]) if m["num"] else (m["num2"], m["scale2"], m["cur2"])
        try:
            value, step = parse_amount(num, scale)
        except ValueError:
            continue
        yield Mention(m.start(), m.end(), m.group(), value, CURRENCIES[cur.lower()], "money", step, priority=4)
    for m in _MONEY_TYPO.finditer(text):
        try:
            value, step = parse_amount(m["num"], m["scale"])
        except ValueError:
            continue
        yield Mention(m.start(), m.end(), m.group(), value, "USD", "money", step, priority=4)


def find_percentages(text: str) -> Iterator[Mention]:
    """'70%', 'roughly 70 percent', 'three percentage points', 'half of', 'two-thirds of'."""
    for m in _PERCENT.finditer(text):
        value, step = parse_amount(m["num"])
        unit = "percentage_points" if (m["word"] or "").lower().startswith("percentage") else "percent"
        yield Mention(m.start(), m.end(), m.group(), value, unit, "percent", step, priority=4)
    for m in _FRACTION.finditer(text):
        yield Mention(
            m.start(), m.end(), m.group(), FRACTIONS[m.group().lower()], "percent", "fraction", 1.0, priority=3
        )


def find_durations(text: str) -> Iterator[Mention]:
    """'15 months', 'three decades' (30 years), '33-year', '72-year-old' (an age)."""
    for m in _DURATION.finditer(text):
        if m["num"].lower() == "one" and m["plural"]:
            continue
        base, factor = TIME_UNITS[m["unit"].lower()]
        value, step = parse_amount(m["num"])
        if _duration_in_name(text, m):
            yield Mention(m.start(), m.end(), m.group(), value, "", "label", step, priority=3)
            continue
        kind = "age" if m["old"] else "duration"
        yield Mention(m.start(), m.end(), m.group(), value * factor, base, kind, step * factor, priority=3)


def _duration_in_name(text: str, m: re.Match) -> bool:
    """Whether 'N years' is part of a name: its unit is capitalised ('the Five-Year Plan'), or an
    'N-year' names the maturity of a security ('the 10-year Treasury'); '33-year history' and
    'a 40-year Senate career' stay durations."""
    if m["unit"][0].isupper():
        return True
    follower = re.match(r"\s+([A-Za-z][\w-]*)", text[m.end() : m.end() + 30])
    return "-" in m.group() and not m["plural"] and bool(follower) and follower.group(1) in SECURITY_NAMES


def find_ordinals(text: str) -> Iterator[Mention]:
    """'fifth', 'twenty-first', '3rd'; adverbial 'first' ('first unveiled') and titles
    ('First Lady', 'Second Amendment') are left out."""
    for m in _ORDINAL.finditer(text):
        after = text[m.end() : m.end() + 30]
        before = text[max(0, m.start() - 12) : m.start()].lower()
        next_word = re.match(r"\s+([\w'-]+)", after)
        word = next_word.group(1) if next_word else ""
        if re.search(r"\bat\s*$", before):
            continue  # 'at first'
        if word.lower().endswith(("ed", "ly")) or re.match(r"\s*,", after) and m.group()[0].isupper():
            continue
        if m.group()[0].isupper() and word[:1].isupper() and not _sentence_start(text, m.start()):
            continue
        if word.lower() in ("of", "and") and m.group().lower() == "second" and re.search(r"\d\s*$", before):
            continue
        yield Mention(m.start(), m.end(), m.group(), ordinal_value(m.group()), "ordinal", "ordinal", 1.0, priority=2)


def find_counts(text: str) -> Iterator[Mention]:
    """Bare numbers: '1,200', 'about 20 million', 'six', 'a million'; labels ('Article 5') are
    marked as such and numbers glued to letters ('F-35', 'COVID-19') are skipped."""
    for m in _COUNT.finditer(text):
        value, step = parse_amount(m["num"], m["scale"])
        prev = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, m.start() - 16) : m.start()])
        named = not m["scale"] and m["num"].isdigit() and _after_name(text, m.start())
        kind = "label" if named or (prev and prev.group(1).lower() in LABEL_WORDS) else "count"
        yield Mention(m.start(), m.end(), m.group(), value, "count" if kind == "count" else "", kind, step, priority=1)
    for m in _WORD_COUNT.finditer(text):
        if re.fullmatch(DIGITS, m["num"]):
            continue
        if m["num"].lower() == "one" and not m["scale"]:
            continue  # 'one' alone is mostly a pronoun or determiner
        value, step = parse_amount(m["num"], m["scale"])
        if m["num"][0].isupper() and not _sentence_start(text, m.start()):
            # a spelled number capitalised inside a sentence names something ('the Big Four')
            yield Mention(m.start(), m.end(), m.group(), value, "", "label", step, priority=1)
            continue
        yield Mention(m.start(), m.end(), m.group(), value, "count", "count", step, priority=1)
    for m in _A_SCALE.finditer(text):
        base, step = parse_amount("1", m["scale"])
        factor = 0.5 if m["num"].lower().startswith("half") else 1.0
        yield Mention(m.start(), m.end(), m.group(), base * factor, "count", "count", step * factor, priority=1)


def _sentence_start(text: str, offset: int) -> bool:
    """Whether a word at `offset` opens a sentence, a line, a quotation or a clause after a colon."""
    return re.search(r"(^|[.!?:;][\"”’)]?\s+|\n\s*)[\"“‘(\[]?$", text[max(0, offset - 5) : offset]) is not None


def _after_name(text: str, offset: int) -> bool:
    """Whether plain digits at `offset` belong to the capitalised name before them ('S&P 500',
    'Fortune 500', 'Boeing 737', 'Formula 1'): the word before is capitalised, not a month or
    weekday or possessive, and inside a sentence (or an acronym such as 'FTSE' or 'S&P' when it
    opens one)."""
    hit = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    if not hit:
        return False
    word = hit.group(1)
    if not word[0].isupper() or word.lower() in _NOT_NAMES or re.search(r"['’]s$", word):
        return False
    acronym = "&" in word or sum(ch.isupper() for ch in word) >= 2
    return acronym or not _sentence_start(text, hit.start(1))


__all__ = ["find_money", "find_percentages", "find_durations", "find_ordinals", "find_counts", "digit_step"]
