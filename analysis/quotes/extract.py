"""Quotations of an article with their speakers: the records behind quotes.csv.

`find_quotes(text)` is the fast core (plain records, used by the benchmark);
`extract_quotes(article)` returns the documented DataFrame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..contract_columns import CONTRACT
from .attribute import Attribution, attribute
from .channels import quote_channels
from .marks import pair_marks
from .reported import find_reported
from .speakers import PRONOUN_MENTIONS, Registry, Speaker
from .text import TextModel
from .tokens import mask_quotes
from .unclosed import end_at_cues

if TYPE_CHECKING:  # pandas is imported where the table is built: the quote CLI starts without it
    import pandas as pd

SLOGAN_NOUNS = {
    "narrative",
    "slogan",
    "motto",
    "mantra",
    "catchphrase",
    "refrain",
    "cry",
    "chant",
    "vision",
    "doctrine",
    "promise",
    "pledge",
}
SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "is",
    "vs",
    "as",
}


@dataclass
class QuoteRecord:
    """One quotation: offsets of the content inside the marks and its attribution."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: str | None
    speaker_type: str | None
    affiliation: str | None
    cue: str | None
    channel: str | None
    kind: str
    paragraph: int
    rule: str
    direct: bool = True


def _is_title(content: str, before: str) -> bool:
    """A title of a show, book or event: title case right after a possessive ("CBS's",
    "CBS'") or "on"."""
    words = re.findall(r"[\w'\u2019-]+", content)
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    if not big or len(words) > 7 or not all(w[:1].isupper() or w[:1].isdigit() for w in big):
        return False
    return bool(
        re.search(
            r"(?:\w['\u2019]s?|\b(?:on|of|titled|entitled|show|program|film|book|"
            r"documentary|series|episode))\s*[\"\u201c]?$",
            before,
        )
    )


def quote_kind(content: str, att: Attribution, has_speaker: bool, before: str = "") -> str:
    """clause, fragment, slogan, echo, title or scare (see module docs)."""
    if att.rule == "echo":
        return "echo"
    if _is_title(content, before):
        return "title"
    words = re.findall(r"[\w'\u2019-]+", content)
    stripped = content.rstrip(" ,;\u2019'")
    if att.rule == "possessive" and att.cue and att.cue.split()[0].lower() in SLOGAN_NOUNS and len(words) <= 6:
        return "slogan"
    if not has_speaker:
        content_words = [w for w in words if w.lower() not in SMALL_WORDS]
        if (
            content_words
            and len(words) <= 8
            and all(w[:1].isupper() or w[:1].isdigit() for w in content_words)
            and not stripped.endswith(("!", "?"))
        ):
            return "title"
        if len(words) <= 3:
            return "scare"
    if stripped.endswith((".", "!", "?", "\u2026")) or (content[:1].isupper() and len(words) >= 5):
        return "clause"
    return "fragment"


def find_quotes(text: str, extra: dict[str, dict] | None = None, reported: bool = False) -> list[QuoteRecord]:
    """All quotations of `text` with their speakers, in document order; with `reported`, also
    the reported statements (records with `direct` False, `kind` "reported")."""
    # attribute values of markup left in the text (<tweet author="@x">) are not quotations
    pairs = end_at_cues(text, [p for p in pair_marks(text) if text[p.open_mark - 1 : p.open_mark] != "="])
    masked = mask_quotes(text, pairs)
    model = TextModel(masked)
    atts = attribute(text, masked, pairs, model)
    registry = Registry(masked, extra)
    found = find_reported(text, masked, model)
    # direct and reported attributions are resolved in text order, so a pronoun can refer
    # back to the speaker of either ("Doe said the plan failed. ... 'No,' he said.")
    order = sorted(
        [(p.open_mark, 0, qi) for qi, p in enumerate(pairs)] + [(r.start, 1, ri) for ri, r in enumerate(found)]
    )
    resolved: list[Speaker | None] = [None] * len(pairs)
    mentions: list[str | None] = [None] * len(pairs)
    reported_sp: list[Speaker | None] = [None] * len(found)
    for _, is_reported, i in order:
        if is_reported:
            r = found[i]
            sp = registry.resolve(r.mention, r.mention_start, r.mention_kind, r.sentence)
            reported_sp[i] = sp
            if _canonical(sp) is not None:
                registry.remember(r.mention_start, sp)
            continue
        p, att = pairs[i], atts[i]
        sp, mention = None, att.mention
        if att.mention is not None:
            sp = registry.resolve(att.mention, att.mention_start or p.open_mark, att.mention_kind, att.sentence)
            mention = att.relative or mention
        elif att.follows is not None:
            sp = resolved[att.follows]
            if att.rule == "continuation":
                mention = mentions[att.follows]
        if sp is not None:
            registry.remember(p.open_mark, sp)
        resolved[i] = sp
        mentions[i] = mention
    channels = quote_channels(masked, atts, [p.open_mark for p in pairs], resolved, model)
    out = []
    for qi, (p, att, sp) in enumerate(zip(pairs, atts, resolved)):
        content = text[p.start : p.end]
        kind = quote_kind(content, att, sp is not None, text[max(0, p.open_mark - 30) : p.open_mark + 1])
        if sp is not None and _canonical(sp) is None and mentions[qi] is None:
            mentions[qi] = sp.name  # an unresolved pronoun stays the mention, not the speaker
        sp = _canonical(sp)
        out.append(
            QuoteRecord(
                p.start,
                p.end,
                content,
                sp.name if sp else None,
                mentions[qi],
                sp.type if sp else None,
                sp.affiliation if sp else None,
                att.cue,
                channels[qi],
                kind,
                model.paragraph_of(p.open_mark),
                att.rule,
            )
        )
    statements = _reported_records(text, found, reported_sp, model)
    if reported:
        out.extend(_mostly_new(statements, out))
        out.sort(key=lambda q: (q.start, not q.direct))
    return out


def _canonical(sp: Speaker | None) -> Speaker | None:
    """The speaker when it is a name or a description, None for an unresolved pronoun (the
    quote keeps the pronoun as its `speaker_mention`)."""
    if sp is None or sp.name.lower() in PRONOUN_MENTIONS:
        return None
    return sp


def _word_set(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _mostly_new(reported: list[QuoteRecord], direct: list[QuoteRecord]) -> list[QuoteRecord]:
    """Reported statements that are not mostly one quotation inside them (a clause whose words
    are at least half one quotation's counts once, as that quotation)."""
    keep = []
    for r in reported:
        rw = _word_set(r.text)
        inside = [q for q in direct if r.start <= q.start and q.end <= r.end + 1]
        if any(len(_word_set(q.text) & rw) * 2 >= len(rw | _word_set(q.text)) for q in inside):
            continue
        keep.append(r)
    return keep


def _reported_records(text: str, found: list, speakers: list[Speaker | None], model: TextModel) -> list[QuoteRecord]:
    """Reported (unquoted or mixed) attributions as records with `direct` False."""
    out = []
    for r, sp in zip(found, speakers):
        sp = _canonical(sp)
        content = text[r.start : r.end]
        out.append(
            QuoteRecord(
                r.start,
                r.end,
                content,
                sp.name if sp else None,
                r.mention,
                sp.type if sp else None,
                sp.affiliation if sp else None,
                r.cue,
                None,
                "reported",
                model.paragraph_of(r.start),
                r.rule,
                False,
            )
        )
    return out


QUOTE_COLUMNS = CONTRACT["quotes"] + [
    "direct",
]


def extract_quotes(article, speakers_file: Path | str | None = None, reported: bool = True) -> pd.DataFrame:
    """The quotes table of an article (quotes.csv), one row per quotation in text order.

    Columns: quote_id (q01, q02, ...), start, end (offsets of the content inside the marks),
    text, speaker (canonical name, empty when unattributed), speaker_mention (the words it was
    resolved from), speaker_type (person, organisation, anonymous, document, publication),
    affiliation, cue, channel, kind (clause, fragment, slogan, echo, title, scare), paragraph
    (0-based), direct (True inside quotation marks, False for a reported statement, whose
    kind is "reported"). `reported=False` leaves reported statements out. `speakers_file`:
    optional speaker YAML; None uses data/speakers/<slug>.yaml if it exists.
    """
    import pandas as pd

    from .speaker_file import default_speakers_file, load_speakers

    path = speakers_file if speakers_file not in (None, "") else default_speakers_file(article.slug)
    extra = load_speakers(path) if path is not None else None
    rows = [
        {
            "quote_id": f"q{i + 1:02d}",
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker": q.speaker,
            "speaker_mention": q.speaker_mention,
            "speaker_type": q.speaker_type,
            "affiliation": q.affiliation,
            "cue": q.cue,
            "channel": q.channel,
            "kind": q.kind,
            "paragraph": q.paragraph,
            "direct": q.direct,
        }
        for i, q in enumerate(find_quotes(article.text, extra, reported=reported))
    ]
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.astype({"start": "int64", "end": "int64", "paragraph": "int64", "direct": "bool"})
