"""The text model of the quote modules: the Article's paragraphs and sentences.

Paragraphs come from `analysis.article.split_paragraphs` and sentences from
`analysis.article.split_sentences` (the project's one splitter and abbreviation list), applied to
the text with every quotation masked (`tokens.mask_quotes`), so a full stop inside a quotation
never ends the sentence around it. Offsets are those of the article text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..article import split_paragraphs, split_sentences
from .tokens import Token, tokenize


class TextModel:
    """Paragraph and sentence spans of a masked text, with offset lookups."""

    def __init__(self, masked: str):
        self.masked = masked
        self._tokens: dict[int, tuple[list[Token], list[int]]] = {}
        self.paragraphs: list[tuple[int, int]] = [(p.start, p.end) for p in split_paragraphs(masked)] or [
            (0, len(masked))
        ]
        self._para_starts = [s for s, _ in self.paragraphs]
        self.by_paragraph: list[list[tuple[int, int]]] = [
            [(s.start, s.end) for s in split_sentences(masked, a, b)] or [(a, b)] for a, b in self.paragraphs
        ]
        self.sentences = [s for para in self.by_paragraph for s in para]
        self._starts = [s for s, _ in self.sentences]
        self._ends = [e for _, e in self.sentences]

    def paragraph_of(self, offset: int) -> int:
        """0-based index of the paragraph holding `offset` (the previous one if between)."""
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def sentence_start(self, lo: int, pos: int) -> int:
        """Start of the sentence holding `pos`, never before `lo`."""
        i = bisect_right(self._starts, pos) - 1
        return max(lo, self._starts[i]) if i >= 0 else lo

    def sentence_end(self, pos: int, hi: int) -> int:
        """End of the first sentence ending after `pos`, never after `hi`."""
        i = bisect_right(self._ends, pos)
        return min(hi, self._ends[i]) if i < len(self._ends) else hi

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of the paragraph span [start, end)."""
        return (
            self.by_paragraph[self.paragraph_of(start)]
            if (start, end) in self.paragraphs
            else [s for s in self.sentences if start <= s[0] < end]
        )

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens of masked[start:end] inside one paragraph (each paragraph is tokenized once);
        a span crossing paragraphs is tokenized directly."""
        pi = self.paragraph_of(start)
        a, b = self.paragraphs[pi]
        if not (a <= start and end <= b):
            return tokenize(self.masked, start, end)
        if pi not in self._tokens:
            toks = tokenize(self.masked, a, b)
            self._tokens[pi] = (toks, [t.start for t in toks])
        toks, starts = self._tokens[pi]
        i = bisect_left(starts, start)
        j = bisect_left(starts, end)
        if j > i and toks[j - 1].end > end:  # a token cut by `end`: tokenize the edge
            return toks[i : j - 1] + tokenize(self.masked, toks[j - 1].start, end)
        return toks[i:j]
