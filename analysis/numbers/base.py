"""The record every finder returns: one candidate numeric or dated mention."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Mention:
    """A candidate mention `text == article_text[start:end]` with its normalised value.

    `step` is the precision of the number as written (the value of its last significant
    digit, in the unit's base), used for rounding tolerance; `priority` breaks ties when
    candidates of the same length overlap.
    """

    start: int
    end: int
    text: str
    value: object
    unit: str
    kind: str
    step: float | None = None
    hedge: str | None = None
    bound: str | None = None  # approx | at_least | at_most (from the hedge)
    relation: str | None = None  # temporal preposition or direction ("since", "after", "to_present")
    date_start: str | None = None
    date_end: str | None = None
    resolved_from: str | None = None  # text | published date
    noun: str | None = None
    priority: int = 0
