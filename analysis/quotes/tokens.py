"""Tokens of a text whose quotations are masked (sentence bounds: `text.TextModel`).

Attribution looks for cue verbs and speakers only outside quotation marks, so the content of
every quotation is replaced by underscores of the same length (offsets stay valid; a final
. ! or ? is kept to mark a sentence end) and a masked quotation becomes a single token of
kind "Q".
"""

from __future__ import annotations

import re

from .lexicon import NON_NAME_CAPS, TITLE_WORDS
from .marks import QuotePair

TOKEN = re.compile(r"_+|(?:[A-Za-z]\.){2,}|\w+(?:[\u2019'\-.]\w+)*(?:[\u2019']s?(?![\w]))?|[^\w\s]")


class Token:
    """A word, punctuation mark or masked quotation (`kind` "Q") with its offsets."""

    __slots__ = ("text", "start", "end", "kind", "lower", "is_cap")

    def __init__(self, text: str, start: int, end: int, kind: str):
        self.text, self.start, self.end, self.kind = text, start, end, kind  # kind: W, P or Q
        self.lower = text.lower()
        # starts with a capital letter (or is an initialism such as U.S.)
        self.is_cap = kind == "W" and text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end, self.kind) == (
            other.text,
            other.start,
            other.end,
            other.kind,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.kind))


def mask_quotes(text: str, pairs: list[QuotePair]) -> str:
    """`text` with every quotation's content replaced by underscores (newlines kept)."""
    chars = list(text)
    for p in pairs:
        end = p.end
        if text[p.start : p.end].rstrip()[-1:] in {".", "!", "?"}:
            end = p.start + len(text[p.start : p.end].rstrip()) - 1  # keep the sentence end
        for i in range(p.start, end):
            if chars[i] != "\n":
                chars[i] = "_"
    return "".join(chars)


def tokenize(masked: str, start: int, end: int) -> list[Token]:
    """Tokens of `masked[start:end]` with absolute offsets."""
    out = []
    for m in TOKEN.finditer(masked, start, end):
        s = m.group()
        kind = "Q" if s[0] == "_" else ("W" if s[0].isalnum() else "P")
        out.append(Token(s, m.start(), m.end(), kind))
    return out


def is_name_token(tok: Token) -> bool:
    """A capitalised word that can belong to a name (not a sentence-initial function word)."""
    return tok.is_cap and tok.text not in NON_NAME_CAPS


def is_title(tok: Token) -> bool:
    """A job title or role word ("spokesperson", "President", "Sen")."""
    return tok.kind == "W" and tok.lower.rstrip(".") in TITLE_WORDS
