"""Channels: where the text says a quotation was said or published.

A channel is an outlet ("told the BBC"), a platform ("in a post on Telegram"), a
document or speech form ("in a statement" -> "statement"), an audience ("told reporters") or
an event ("during a White House dinner"). Channels are written without leading determiners
("a statement" -> "statement") and without what follows the head noun ("White House dinner
with Central Asian leaders" -> "White House dinner").

Events (dinners, summits, press conferences, hearings ...) are settings shared by everyone
speaking there and stay the scene of a paragraph until another channel is named; the other
channels belong to one speaker. `quote_channels` uses that distinction when a quotation's own
sentence names no channel.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import DOCUMENT_NOUNS, PLATFORM_NAMES, PLATFORMS
from .speakers import Speaker, is_media_name

# Settings where several people speak: they stay the scene of the paragraph.
EVENT_NOUNS = (
    "press conference",
    "news conference",
    "town hall",
    "dinner",
    "lunch",
    "luncheon",
    "breakfast",
    "summit",
    "rally",
    "briefing",
    "hearing",
    "debate",
    "event",
    "meeting",
    "forum",
    "ceremony",
    "conference",
    "session",
    "gathering",
    "reception",
    "roundtable",
    "panel",
    "convention",
    "vigil",
    "protest",
)
# Forms of a single speaker's statement.
STATEMENT_NOUNS = (
    "press release",
    "news release",
    "blog post",
    "op-ed",
    "statement",
    "interview",
    "post",
    "tweet",
    "letter",
    "email",
    "video",
    "speech",
    "memo",
    "podcast",
    "filing",
    "affidavit",
    "testimony",
    "message",
    "remarks",
    "address",
)
# Audiences that are channels in themselves ("told reporters").
AUDIENCES = ("reporters", "journalists", "the press", "the media")

_CAP_RUN = r"((?:[A-Z][\w'\u2019.-]*)(?:\s+[A-Z][\w'\u2019.-]*)*)"
_DET = r"(?:a|an|the|his|her|its|their|our)"
_MODIFIER = r"(?:(?!(?:of|the|a|an|to|in|on|at|for|and|with|by|from|that|which)\b)[\w'\u2019.-]+ )"
_EVENTS = "|".join(re.escape(n) for n in EVENT_NOUNS)
_STATEMENTS = "|".join(re.escape(n) for n in STATEMENT_NOUNS)
_PLATFORMS = "|".join(re.escape(p) for p in sorted(PLATFORM_NAMES, key=len, reverse=True))

# (pattern, needs an outlet or platform name): group 1 is the channel as written.
CHANNEL_PATTERNS: list[tuple[re.Pattern, bool]] = [
    (
        re.compile(
            r"\b(?:[Ii]n|[Vv]ia|[Tt]hrough|[Oo]n) " + _DET + r" (?:[\w-]+ ){0,3}?"
            r"(?:post|tweet|video|message|interview|appearance) (?:on|with|to) (?:the )?" + _CAP_RUN
        ),
        False,
    ),
    (re.compile(r"\b(?:[Oo]n|[Vv]ia) (" + _PLATFORMS + r")\b"), False),
    (re.compile(r"\btold (?:the )?" + _CAP_RUN), True),
    (re.compile(r"\btold (" + "|".join(AUDIENCES) + r")\b"), False),
    (re.compile(r"\b(?:speaking|spoke|talking|talked)(?: \w+){0,2} to " + _CAP_RUN), True),
    (re.compile(r"\binterview with (?:the )?" + _CAP_RUN), False),
    (
        re.compile(
            r"\b(?:[Dd]uring|[Aa]t|[Ii]n) " + _DET + r" (" + _MODIFIER + r"{0,3}?"
            r"(?:" + _EVENTS + r"))\b(?!\s+(?:of|that|" + _EVENTS + r")\b)"
        ),
        False,
    ),
    (
        re.compile(
            r"\b(?:[Ii]n|[Vv]ia|[Tt]hrough) " + _DET + r" " + _MODIFIER + r"{0,3}?"
            r"(" + _STATEMENTS + r")\b(?!\s+(?:" + _STATEMENTS + r")\b)"
        ),
        False,
    ),
]
_LEADING = re.compile(r"^(?:(?:a|an|the|his|her|its|their|our|my|your)\s+)+")  # lowercase only


def normalise_channel(channel: str) -> str:
    """A channel without leading determiners, outer punctuation or extra spaces
    ("a statement" -> "statement", "CNN." -> "CNN"); a capitalised "The" before a name
    ("The Washington Post") is part of the name and kept."""
    words = _LEADING.sub("", " ".join(channel.split())).strip(" ,;:\"'\u201c\u201d").split()
    if words and words[0] == "The" and (len(words) == 1 or not words[1][:1].isupper()):
        words = words[1:]
    for i, w in enumerate(words):  # a sentence end inside the run of capitalised words
        if w.endswith(".") and w.count(".") == 1 and (len(w) >= 4 or i == len(words) - 1):
            words = words[:i] + [w[:-1]]
            break
    return " ".join(words)


def is_event(channel: str | None) -> bool:
    """Whether a channel is an event (a setting shared by its speakers)."""
    return bool(channel) and channel.lower().endswith(EVENT_NOUNS)


def find_channel(sentence: str, events_only: bool = False) -> str | None:
    """Where a sentence says a statement was made (normalised), or None; with
    `events_only`, the first event named in it."""
    return next((ch for ch in _channels(sentence) if not events_only or is_event(ch)), None)


def _channels(sentence: str) -> Iterator[str]:
    """The channels a sentence names (normalised), in pattern order."""
    for pat, needs_name in CHANNEL_PATTERNS:
        for m in pat.finditer(sentence):
            ch = normalise_channel(m.group(1))
            if needs_name and not (is_media_name(ch.split()) or ch.lower() in PLATFORMS):
                continue
            if ch:
                yield ch


class _SentenceChannels:
    """`find_channel` of masked[s0:s1], each sentence searched once per document."""

    def __init__(self, masked: str):
        self.masked = masked
        self.memo: dict[tuple[int, int, bool], str | None] = {}

    def __call__(self, s0: int, s1: int, events_only: bool = False) -> str | None:
        key = (s0, s1, events_only)
        if key not in self.memo:
            self.memo[key] = find_channel(self.masked[s0:s1], events_only)
        return self.memo[key]


def quote_channels(
    masked: str, atts: list, open_marks: list[int], resolved: list[Speaker | None], model
) -> list[str | None]:
    """Channel of each quotation (same order as `atts`, the Attribution records), by rule:
    1. named in its own sentence (a "reviewed by X" agent, a channel phrase, or a document
       speaker such as "the statement");
    2. an echo or continuation takes the channel of the quotation it repeats or continues;
    3. the same speaker's channel elsewhere in the paragraph (another quotation's, or a
       sentence naming the speaker);
    4. the scene: an event named earlier in the paragraph, when no other channel is named in
       between ("X spoke during a White House dinner. ... Y, also present, said ...")."""
    para = [model.paragraph_of(o) for o in open_marks]
    by_paragraph: dict[int, list[int]] = {}  # quotations of each paragraph: linear, not all pairs
    for qj, p in enumerate(para):
        by_paragraph.setdefault(p, []).append(qj)
    found = _SentenceChannels(masked)
    own: list[str | None] = []
    for att in atts:
        head = ((att.mention or "").split()[-1:] or [""])[0].lower()
        doc = head if head in DOCUMENT_NOUNS and att.mention_kind != "name" else None
        own.append(normalise_channel(att.agent) if att.agent else found(*att.sentence) or doc)
    out = list(own)
    for qi, att in enumerate(atts):
        if out[qi] is not None:
            continue
        if att.follows is not None and 0 <= att.follows < qi:
            out[qi] = out[att.follows]
        if out[qi] is None:
            spans = model.by_paragraph[para[qi]]
            if resolved[qi] is not None:
                out[qi] = _speaker_channel(masked, qi, own, by_paragraph[para[qi]], resolved, spans, found)
            if out[qi] is None:
                out[qi] = _scene(spans, att.sentence[0], found)
    return out


def _speaker_channel(
    masked: str,
    qi: int,
    own: list[str | None],
    same_paragraph: list[int],
    resolved: list[Speaker | None],
    spans: list[tuple[int, int]],
    found: _SentenceChannels,
) -> str | None:
    """The channel of the same speaker's other quotations in the paragraph (`same_paragraph`:
    their indices, in order), else of a paragraph sentence (of `spans`) naming the speaker."""
    for qj in same_paragraph:
        ch = own[qj]
        if qj != qi and ch and resolved[qj] is resolved[qi]:
            return ch
    last = (resolved[qi].name.split() or [""])[-1]
    if not last:
        return None
    named = re.compile(r"\b" + re.escape(last) + r"\b")
    for s0, s1 in spans:
        if named.search(masked, s0, s1):
            ch = found(s0, s1)
            if ch:
                return ch
    return None


def _scene(spans: list[tuple[int, int]], sentence_start: int, found: _SentenceChannels) -> str | None:
    """The setting of the sentence at `sentence_start`: the event named in the nearest
    earlier sentence of the paragraph that names a channel (None when that channel is not
    an event)."""
    for s0, s1 in reversed([sp for sp in spans if sp[1] <= sentence_start]):
        if found(s0, s1):
            return found(s0, s1, events_only=True)
    return None
