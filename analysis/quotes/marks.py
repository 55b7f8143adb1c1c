"""Pairing double quotation marks in a news text.

Handles curly (“ ” „ « ») and straight (") double marks, a quotation continued into the next
paragraph (the paragraph has no closing mark and the next one opens with a mark), marks nested
inside an open quotation, and unbalanced marks (an opening mark never closed ends its quotation
at the end of its paragraph; a stray closing mark is ignored), so one bad mark never swallows the
rest of the article; `unclosed.py` may end it earlier, at an attribution cue inside it. Single
quotation marks are never paired: inside double quotes they are
nested quotes, outside they are mostly apostrophes, headlines or scare quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import split_paragraphs

OPENERS = "\u201c\u201e\u00ab\u201f"
CLOSERS = "\u201d\u00bb"
STRAIGHT = '"'
MARK = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
_BEFORE_OPEN = set(" \t\n([{\u2014\u2013-/:;,")  # characters after which a straight mark opens


@dataclass(frozen=True)
class QuotePair:
    """One quotation: `text[start:end]` is the content inside the marks.

    `open_mark`/`close_mark` are the offsets of the marks (`close_mark` is None when the quote
    was never closed); `paragraphs` counts the paragraphs it spans (>1 for a continuation);
    `balanced` is False when the closing mark was missing. `kind`: "paired" (both marks),
    "open" (never closed: runs to the end of its paragraph) or "unclosed" (never closed, ended
    at an attribution cue inside it: `unclosed.end_at_cues`).
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraphs: int = 1
    balanced: bool = True
    kind: str = "paired"


def _role(text: str, i: int, is_open: bool) -> str:
    """'open' or 'close' for the mark at `i`, given whether a quotation is open."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in OPENERS:
        # a curly opener used as a closer: quote open, followed by space/punctuation/end
        if is_open and not (nxt.isalnum() or nxt in OPENERS) and prev not in " \t\n":
            return "close"
        return "open"
    if ch in CLOSERS:
        # a closer used as an opener: nothing open, preceded by space, followed by a word
        if not is_open and prev in _BEFORE_OPEN and (nxt.isalnum() or nxt in "'\u2018."):
            return "open"
        return "close"
    if is_open:
        return "close"
    if (prev.isalnum() or prev in ".,;!?") and (nxt.isspace() or nxt in ".,;:!?)"):
        return "close"  # a stray closing mark (or an inch sign): ignored by the caller
    return "open"


def pair_marks(text: str) -> list[QuotePair]:
    """All quotations in `text`, in document order (outermost level only)."""
    pairs: list[QuotePair] = []
    paras = [(p.start, p.end) for p in split_paragraphs(text)]
    opened: int | None = None  # offset of the opening mark of the current quotation
    depth = 0  # nested curly openers inside the current quotation
    n_paras = 1
    for k, (pstart, pend) in enumerate(paras):
        for m in MARK.finditer(text, pstart, pend):
            i = m.start()
            if opened is not None and i == pstart and n_paras > 1 and _continues(text, i):
                continue  # the opening mark of a continuation paragraph
            role = _role(text, i, opened is not None)
            if role == "open":
                if opened is None:
                    opened, depth, n_paras = i, 0, 1
                elif text[i] in OPENERS and text[opened] in OPENERS:
                    depth += 1
                # a straight opener inside an open straight quote: treated as nested text
            elif opened is not None:
                if depth:
                    depth -= 1
                    continue
                pairs.append(QuotePair(opened + 1, i, opened, i, n_paras))
                opened = None
        if opened is None:
            continue
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if nxt is not None and _continues(text, nxt[0]) and depth == 0:
            n_paras += 1
            continue
        end = pend
        pairs.append(QuotePair(opened + 1, end, opened, None, n_paras, balanced=False, kind="open"))
        opened, depth = None, 0
    return [p for p in pairs if text[p.start : p.end].strip()]


def _continues(text: str, i: int) -> bool:
    """Whether the paragraph starting at `i` opens with a quotation mark."""
    return i < len(text) and text[i] in OPENERS + STRAIGHT
