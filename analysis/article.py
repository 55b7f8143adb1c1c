"""The article model: a plain-text news article split into paragraphs and sentences.

Offsets are 0-based character offsets into `Article.text` (`text[start:end]`). The text is the
file's UTF-8 content with a byte-order mark removed and Windows line ends turned into `\\n`;
nothing else is changed, so offsets agree with the file as read by any UTF-8 reader.
Optional metadata sits beside the article as `<slug>.yaml` (title, outlet, url, published,
dateline, language).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, brief
from .paths import resolve
from .yamlfile import read_yaml

if TYPE_CHECKING:  # pandas is imported where a table is built: the quote CLI starts without it
    import pandas as pd

PUBLISHED_YEARS = (1800, 2200)  # a published date outside these years is refused as a typo
METADATA_KEYS = {"title", "outlet", "url", "published", "dateline", "language", "author", "notes"}

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "gen",
    "gov",
    "sen",
    "rep",
    "rev",
    "col",
    "capt",
    "lt",
    "sgt",
    "maj",
    "adm",
    "cmdr",
    "hon",
    "pres",
    "supt",
    "det",
    "insp",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "ave",
    "blvd",
    "e.g",
    "i.e",
    "approx",
    "fig",
    "est",
}
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


@dataclass(frozen=True)
class Span:
    """A stretch of the article: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Metadata:
    """What is known about an article beyond its text."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    language: str = "en"
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    """A loaded article: text, paragraphs, sentences and metadata."""

    slug: str
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    metadata: Metadata = Metadata()
    path: Path | None = None

    @classmethod
    def from_text(
        cls, text: str, slug: str = "article", metadata: Metadata | None = None, path: Path | None = None
    ) -> Article:
        """Build an article from a string (benchmarks and tests use this)."""
        paragraphs = tuple(split_paragraphs(text))
        sentences = tuple(s for p in paragraphs for s in split_sentences(text, p.start, p.end))
        return cls(slug, text, paragraphs, sentences, metadata or Metadata(), path)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def paragraph_index(self, offset: int) -> int:
        """0-based index of the paragraph holding `offset` (the previous one if between)."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def sentence_index(self, offset: int) -> int:
        """0-based index of the sentence holding `offset` (the previous one if between)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding `offset`."""
        return self.sentences[self.sentence_index(offset)]

    def paragraphs_table(self) -> pd.DataFrame:
        """Columns: paragraph (0-based), start, end, text."""
        import pandas as pd

        return pd.DataFrame(
            [(i, p.start, p.end, p.text) for i, p in enumerate(self.paragraphs)],
            columns=["paragraph", "start", "end", "text"],
        )

    def sentences_table(self) -> pd.DataFrame:
        """Columns: sentence (0-based), paragraph, start, end, text."""
        import pandas as pd

        return pd.DataFrame(
            [(i, self.paragraph_index(s.start), s.start, s.end, s.text) for i, s in enumerate(self.sentences)],
            columns=["sentence", "paragraph", "start", "end", "text"],
        )


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are non-blank lines; surrounding whitespace is left out of each span."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        spans.append(Span(start, start + len(stripped), stripped))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Rule-based sentence split of `text[start:end]`, aware of abbreviations and initialisms."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _is_abbreviation(text, begin, m.start(), m.group()):
            continue
        following = text[m.end() : end].lstrip()
        if following and following[0].islower():
            continue
        stop = m.end()
        if text[begin:stop].strip():
            spans.append(_trimmed(text, begin, stop))
        begin = stop
    if text[begin:end].strip():
        spans.append(_trimmed(text, begin, end))
    return spans


def _is_abbreviation(text: str, begin: int, dot: int, punct: str) -> bool:
    """A single full stop after a known abbreviation, an initialism (U.S.) or an initial (F.)."""
    if punct != ".":
        return False
    word = re.search(r"[\w.]+$", text[begin:dot])
    if not word:
        return False
    token = word.group()
    if token.lower().strip(".") in ABBREVIATIONS or _INITIALISM.search(token + "."):
        return True
    return len(token) == 1 and token.isupper()


def _trimmed(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return Span(start + left, start + right, chunk.strip())


MAX_ARTICLE_MB_DEFAULT = 20.0
MAX_ARTICLE_ENV = "ANALYSIS_MAX_ARTICLE_MB"  # environment variable that changes the size limit


def max_article_bytes() -> int:
    """The largest article accepted, in bytes: $ANALYSIS_MAX_ARTICLE_MB megabytes (default 20)."""
    value = os.environ.get(MAX_ARTICLE_ENV, "")
    try:
        megabytes = float(value) if value.strip() else MAX_ARTICLE_MB_DEFAULT
    except ValueError:
        raise InputError(MAX_ARTICLE_ENV, f"must be a number of megabytes, got {brief(value)}") from None
    if not megabytes > 0:
        raise InputError(MAX_ARTICLE_ENV, f"must be a positive number of megabytes, got {brief(value)}")
    return int(megabytes * 1_000_000)


_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are text in that encoding (byte-order mark, or the
    NUL byte in every second place that English in UTF-16 has), else None."""
    for bom, name in _UTF_BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if len(head) >= 8 and (head[1::2].count(0) > 0.4 * len(head) / 2 or head[0::2].count(0) > 0.4 * len(head) / 2):
        return "UTF-16"
    return None


def read_text(path: str | Path, max_bytes: int | None = None) -> str:
    """The UTF-8 text of an article file, or an InputError naming the file and the problem.

    Refused: a missing file, a folder or device, a file over `max_bytes` (default
    `max_article_bytes()`), an empty file, UTF-16/UTF-32 or other non-UTF-8 bytes, NUL bytes.
    """
    p = resolve(path)
    if not p.exists():
        raise InputError(p, "file not found")
    if p.is_dir():
        raise InputError(p, "is a directory, expected a plain-text article file")
    if not p.is_file():
        raise InputError(p, "is not a regular file (a device or a pipe?), expected a plain-text article file")
    limit = max_article_bytes() if max_bytes is None else max_bytes
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(
                p,
                f"is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit for an article "
                f"(set {MAX_ARTICLE_ENV} to change it)",
            )
        with p.open("rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(p, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise InputError(p, f"is over the {limit / 1e6:g} MB limit for an article (set {MAX_ARTICLE_ENV} to change it)")
    if not raw.strip():
        raise InputError(p, "the file is empty (no article text)")
    wide = _wide_encoding(raw)
    if wide:
        raise InputError(p, f"is {wide} text; save it as UTF-8 (e.g. `iconv -f {wide} -t UTF-8`)")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(p, f"holds a NUL byte at offset {nul} (a binary file?), expected UTF-8 plain text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            p, f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded"
        ) from None
    text = normalise_text(text)
    if not text.strip():
        raise InputError(p, "the file is empty (only whitespace)")
    return text


def normalise_text(text: str) -> str:
    """An article's text as the suite reads it: no byte-order mark, `\\n` line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def metadata_path(article_path: str | Path) -> Path:
    """Where an article's optional metadata lives: `<slug>.yaml` beside it."""
    return resolve(article_path).with_suffix(".yaml")


def read_metadata(path: str | Path) -> Metadata:
    """Parse an article's YAML metadata; a malformed file raises InputError."""
    p = resolve(path)
    return metadata_from_mapping(read_yaml(p, "article metadata"), p)


def metadata_from_mapping(data: object, p: str | Path) -> Metadata:
    """Validate metadata given as a mapping (a YAML file's or a corpus record's); InputError names `p`."""
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise InputError(p, f"metadata must be a mapping of keys to values, got {type(data).__name__}")
    if data.get("language") is not None and not isinstance(data["language"], str):
        raise InputError(p, f"'language' must be text, got {brief(data['language'])}")
    unknown = sorted(set(map(str, data)) - METADATA_KEYS)
    if unknown:
        raise InputError(p, f"unknown metadata key(s) {brief(unknown)}; allowed: {sorted(METADATA_KEYS)}")
    published = data.get("published")
    if published is not None and not isinstance(published, dt.date):
        try:
            published = dt.date.fromisoformat(str(published))
        except ValueError:
            raise InputError(p, f"'published' must be an ISO date (YYYY-MM-DD), got {brief(published)}") from None
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not PUBLISHED_YEARS[0] <= published.year <= PUBLISHED_YEARS[1]:
        raise InputError(
            p,
            f"'published' {published.isoformat()} is outside the years "
            f"{PUBLISHED_YEARS[0]}-{PUBLISHED_YEARS[1]} that a news article's date can take here",
        )
    for key in ("title", "outlet", "url", "dateline"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(p, f"'{key}' must be text, got {brief(data[key])}")
    return Metadata(
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=published,
        dateline=data.get("dateline"),
        language=str(data.get("language") or "en"),
        extra={k: data[k] for k in ("author", "notes") if k in data},
    )


def load_article(path: str | Path) -> Article:
    """Load an article file and its optional `<slug>.yaml` metadata."""
    p = resolve(path)
    text = read_text(p)
    meta_file = metadata_path(p)
    metadata = read_metadata(meta_file) if meta_file.exists() else Metadata()
    article = Article.from_text(text, slug=p.stem, metadata=metadata, path=p)
    if not article.paragraphs:
        raise InputError(p, "no paragraphs found")
    return article
