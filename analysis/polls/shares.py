"""Shares written in a text: "62%", "Twenty-two percent", "37 per cent", "nearly half",
"Six in 10", "more than one-in-three", "two-thirds", each with its hedge word.

One job: where the shares are and what they say (value in percent, hedge sense); whether a share
is a poll result is decided in `figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers.lexicon import HEDGE_TABLE, TENS, UNITS
from ..numbers.parse import WORD_NUMBER, words_to_number

# Fractions written as words -> percent.
FRACTION_WORDS: dict[str, float] = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "two fifths": 40.0,
    "three fifths": 60.0,
    "four fifths": 80.0,
    "a tenth": 10.0,
    "one tenth": 10.0,
    "one fourth": 25.0,
}
# Majority words -> (percent, hedge sense): read by the claim parser (`find_shares(...,
# majorities=True)`), not counted as poll figures of their own.
MAJORITY_WORDS: dict[str, tuple[float, str]] = {
    "a majority": (50.0, "over"),
    "the majority": (50.0, "over"),
    "most": (50.0, "over"),
    "a minority": (50.0, "under"),
}
MAJORITY = re.compile(
    r"(?<![\w.,])(?:(?P<hedge>"
    + "|".join(re.escape(h) for h in sorted(HEDGE_TABLE, key=len, reverse=True) if h[0].isalpha())
    + r")\s+)?"
    r"(?P<word>a\s+majority|the\s+majority|most|a\s+minority)"
    r"(?=\s+of\b|\s+[A-Z]|\s+(?:respondents|citizens|nationals|adults|people|public|youths?|voters|men|women|"
    r"residents|participants|interviewees|population|opinion)\b)",
    re.I,
)
# Denominators of "X in Y" / "X out of Y".
DENOMINATORS: dict[str, float] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
    "10": 10,
}
# Hedge words read before a share (the shared hedge table) plus poll-report intensifiers.
EXTRA_HEDGES: dict[str, str] = {
    "exactly": "exact",
    "precisely": "exact",
    "just": "exact",
    "only": "exact",
    "fully": "exact",
}
HEDGE_SENSES: dict[str, str] = {w: h.sense for w, h in HEDGE_TABLE.items() if w[0].isalpha()} | EXTRA_HEDGES

_HEDGE = r"(?:(?P<hedge>" + "|".join(re.escape(h) for h in sorted(HEDGE_SENSES, key=len, reverse=True)) + r")\s+)?"
_DIGITS = r"\d{1,3}(?:\.\d+)?"
_PERCENT_WORD = r"(?:%|\s?per\s?cent\b|\s?percent\b|\s?pct\b)"
_NUMBER_SHARE = rf"(?P<num>{_DIGITS}|{WORD_NUMBER})\s?(?P<pct>{_PERCENT_WORD})"
_SMALL_WORDS = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_IN = (
    rf"(?P<top>\d{{1,2}}|{_SMALL_WORDS})[\s-]+(?:in|out[\s-]+of)[\s-]+"
    rf"(?P<bottom>{'|'.join(sorted(DENOMINATORS, key=len, reverse=True))})\b"
)
_FRACTION = (
    r"(?P<frac>" + "|".join(w.replace(" ", r"[\s-]") for w in sorted(FRACTION_WORDS, key=len, reverse=True)) + r")"
    r"(?=\s+(?:of|said|say|says|believe|think|were|are|want|support|oppose|back)\b|\s*\(\s*\d)"
)
SHARE = re.compile(r"(?<![\w.,])(?<!\w-)" + _HEDGE + rf"(?:{_NUMBER_SHARE}|{_IN}|{_FRACTION})", re.I)
# Words before a fraction that make it something else ("the first half", "in half").
NOT_FRACTION_BEFORE = re.compile(r"\b(?:first|second|last|other|latter|in|by|and a|past)\s+$", re.I)


@dataclass(frozen=True)
class Share:
    """A share in the text: `text[start:end] == mention` (hedge words included)."""

    start: int
    end: int
    mention: str
    percent: float
    hedge: str  # a sense of the hedge table (about, over, at_least, nearly, under) or exact
    kind: str  # number (with a percent word or sign), in (X in Y), fraction (words), majority
    number_start: int  # where the number itself begins (after the hedge)


def _value(m: re.Match) -> tuple[float, str] | None:
    if m["num"]:
        num = m["num"]
        value = float(num) if num[0].isdigit() else words_to_number(num)
        return value, "number"
    if m["top"]:
        top = m["top"]
        value = float(top) if top.isdigit() else words_to_number(top)
        bottom = DENOMINATORS[m["bottom"].lower()]
        return (100 * value / bottom, "in") if value <= bottom else None
    key = re.sub(r"[\s-]+", " ", m["frac"].lower())
    return FRACTION_WORDS[key], "fraction"


def find_shares(text: str, start: int = 0, end: int | None = None, majorities: bool = False) -> list[Share]:
    """Every share in `text[start:end]`, in text order; with `majorities`, also "a majority of",
    "most" (kind `majority`). A fraction or "X in Y" without a hedge word reads as about."""
    end = len(text) if end is None else end
    out = []
    if majorities:
        for m in MAJORITY.finditer(text, start, end):
            value, sense = MAJORITY_WORDS[re.sub(r"\s+", " ", m["word"].lower())]
            hedge = HEDGE_TABLE[m["hedge"].lower()].sense if m["hedge"] else sense
            out.append(Share(m.start(), m.end(), m.group(), value, hedge, "majority", m.start("word")))
    for m in SHARE.finditer(text, start, end):
        read = _value(m)
        if read is None:
            continue
        value, kind = read
        if not 0 <= value <= 100:
            continue
        if kind == "fraction" and NOT_FRACTION_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        hedge = HEDGE_SENSES[m["hedge"].lower()] if m["hedge"] else ("exact" if kind == "number" else "about")
        number_start = m.start("num") if m["num"] else m.start("top") if m["top"] else m.start("frac")
        out.append(Share(m.start(), m.end(), m.group(), value, hedge, kind, number_start))
    return sorted(out, key=lambda sh: sh.start)
