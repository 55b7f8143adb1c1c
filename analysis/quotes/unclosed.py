"""Ending a never-closed quotation at an attribution cue inside it.

A quotation whose closing mark is missing runs to the end of its paragraph (`marks.py`). When
the writer forgot the mark before the attribution, the attribution is then inside the
"quotation": `“This is a reform in name only, said council member Jane Roe, who voted no.`
Here the quotation ends at the first comma followed by a complete attribution, one of
- `, said X` (X a plausible speaker),
- `, X said` (a short subject and a cue verb),
- `, according to X`,
each followed by the end of the sentence, a comma, or a preposition or time word ("in a
statement", "on Monday");
and the pair becomes kind "unclosed" (content up to and including the comma). The cue is then
found by the usual rules, right after the shortened quotation.
"""

from __future__ import annotations

import dataclasses
import re

from .attribute import _right_attribution, according_after
from .marks import QuotePair
from .phrases import phrase_after, plausible_speaker
from .tokens import tokenize

_COMMA = re.compile(r",")
_AFTER_SPEAKER = {".", ",", ";", ":", "!", "?"}
# words that may follow a complete attribution: ", the mayor said in a statement."
_AFTER_CUE = {
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "while",
    "when",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


def _attribution_follows(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens with a complete attribution (see module docs)."""
    toks = tokenize(text, start, end)
    if not toks or toks[0].kind != "W":
        return False
    att = _right_attribution(text, toks) or according_after(text, toks)
    if att is None or att.rule not in {"said-X", "X-said", "according-to"}:
        return False
    rest = [t for t in toks if t.start >= max(att.mention_end or 0, att.cue_end)]
    if rest and rest[0].text not in _AFTER_SPEAKER and rest[0].lower not in _AFTER_CUE:
        return False
    i = next(k for k, t in enumerate(toks) if t.start == att.mention_start)
    return att.mention_kind != "nominal" or plausible_speaker(phrase_after(text, toks, i))


def end_at_cue(text: str, pair: QuotePair) -> QuotePair:
    """`pair` ended at the first attribution cue inside it, or unchanged (see module docs).
    Only never-closed quotations of one paragraph are changed."""
    if pair.kind != "open" or pair.paragraphs != 1:
        return pair
    for m in _COMMA.finditer(text, pair.start, pair.end):
        cut = m.end()
        if _attribution_follows(text, cut, pair.end):
            return dataclasses.replace(pair, end=cut, kind="unclosed")
    return pair


def end_at_cues(text: str, pairs: list[QuotePair]) -> list[QuotePair]:
    """`end_at_cue` for every pair (same order)."""
    return [end_at_cue(text, p) for p in pairs]
