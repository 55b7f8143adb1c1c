"""Word lists for poll claims: countries with their names and demonyms, hedges, stance words,
poll topics and question framings. Plain data and small lookups; no parsing logic.

Countries come from the shared table `analysis.countries` (canonical names such as `United Arab
Emirates`; the reference polls' labels, `UAE`, are mapped to them through its aliases).
"""

from __future__ import annotations

import re

from ..countries import countries, plural_pattern, region_names
from ..numbers.lexicon import HEDGE_TABLE, MONTH_ABBREVIATIONS, MONTHS

# canonical -> (names, people words), from the shared table `analysis.countries`. People words
# are the nationality adjectives and demonyms, singular; plurals come from `demonym_pattern`.
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    c.name: (c.names, tuple(dict.fromkeys(c.adjectives + c.demonyms))) for c in countries()
}
REGIONS = region_names()  # rows that group countries (the Arab region, the European Union)

# Nouns that make a demonym adjective a population ("Saudi respondents").
POPULATION_NOUNS = (
    "respondents",
    "citizens",
    "nationals",
    "adults",
    "people",
    "public",
    "youth",
    "youths",
    "voters",
    "men",
    "women",
    "residents",
    "participants",
    "interviewees",
    "population",
    "opinion",
)

# Hedge words before a share: the shared table `analysis.numbers.lexicon.HEDGE_TABLE`; poll
# claims read each hedge's `sense` (about, over, at_least, nearly, under; see `claimed_range`).
HEDGE_SENSES: dict[str, str] = {word: h.sense for word, h in HEDGE_TABLE.items()}

# Stance verbs (inflected forms) -> the side they take. Framing "stance".
STANCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"oppos(?:e|ed|es|ing)", "against"),
    (r"reject(?:s|ed|ing)?", "against"),
    (r"disapprov(?:e|ed|es|ing)", "against"),
    (r"object(?:s|ed)?\s+to", "against"),
    (r"condemn(?:s|ed|ing)?", "against"),
    (r"(?:is|are|was|were|be|being)\s+against", "against"),
    (r"(?:is|are|was|were|be|being)\s+in\s+favou?r\s+of", "for"),
    (r"support(?:s|ed|ing)?", "for"),
    (r"approv(?:e|ed|es|ing)", "for"),
    (r"favou?r(?:s|ed)?", "for"),
    (r"back(?:s|ed|ing)", "for"),
    (r"welcom(?:e|ed|es|ing)", "for"),
    (r"endors(?:e|ed|es|ing)", "for"),
)
# Evaluative words -> side. With a view verb ("viewed X negatively") or a view noun
# ("a negative view of X") they give framing "view"; "for the region" etc. makes it "effect".
VIEW_WORDS: dict[str, str] = {
    "negative": "against",
    "negatively": "against",
    "unfavourable": "against",
    "unfavourably": "against",
    "unfavorable": "against",
    "unfavorably": "against",
    "positive": "for",
    "positively": "for",
    "favourable": "for",
    "favourably": "for",
    "favorable": "for",
    "favorably": "for",
    "good": "for",
    "bad": "against",
}
VIEW_VERBS = (
    r"(?:view|views|viewed|viewing|saw|see|sees|regard|regards|regarded|consider|"
    r"considers|considered|rate|rates|rated|judge|judged|felt|feel|feels)"
)
VIEW_NOUNS = r"(?:view|views|opinion|opinions|impression|image|assessment)"
NEGATION = re.compile(r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$", re.I)
INTENSIFIERS = re.compile(r"\b(?:strongly|very|firmly|vehemently)\s+$", re.I)

# Reference response categories -> the side they express (None: neither).
RESPONSE_SIDE: dict[str, str | None] = {
    "positive": "for",
    "very_positive": "for",
    "approve": "for",
    "support": "for",
    "negative": "against",
    "very_negative": "against",
    "somewhat_negative": "against",
    "oppose": "against",
    "agree": None,
    "dont_know": None,
}
AGGREGATE_RESPONSES = frozenset({"positive", "negative", "approve", "support", "oppose", "agree"})
STRONG_RESPONSES = frozenset({"very_positive", "very_negative"})
# Statements whose agreement means being against ties (for `agree` responses).
AGAINST_STATEMENT = re.compile(r"\b(?:break|cut|sever|end|boycott|suspend)\b", re.I)


# Poll topics: key, pattern, label, family (data/topics.csv). Checked in order; the first that
# matches wins. The list is modest (the reference polls' topics only): a claim or question
# matching none of them is compared by content words instead (`topics.topic_relation`), so
# other topics still match, more coarsely (no synonyms).
def _topics() -> tuple[tuple[str, str, str, str], ...]:
    import csv
    from pathlib import Path

    with (Path(__file__).with_name("data") / "topics.csv").open(encoding="utf-8", newline="") as fh:
        return tuple((r["key"], r["pattern"], r["label"], r["family"]) for r in csv.DictReader(fh))


TOPICS: tuple[tuple[str, str, str, str], ...] = _topics()
UNCERTAIN_QUESTION = re.compile(r"\bunclear\b|\bunknown\b|\bnot retrieved\b", re.I)

# Framings of a question or claim, checked in order.
FRAMINGS: tuple[tuple[str, str, str], ...] = (
    (
        "effect",
        r"\beffects?\b|\bimpact\b|for the region|good for|bad for",
        "a positive or negative view of the effect of",
    ),
    ("view", r"favou?rab|\bviews? of\b|\bopinions? of\b|\bimage of\b", "a favourable or unfavourable view of"),
    ("statement", r"\bshould\b|\bagree\b", "agreement with a statement about"),
    ("stance", r"support|oppos|approv|reject|in favou?r|against|\bback", "support for or opposition to"),
)
FRAMING_LABELS = {key: label for key, _, label in FRAMINGS}

# Definite nouns that refer back to a named agreement ("the deals" -> the last named accords).
AGREEMENT_ANAPHORS = re.compile(
    r"\b(?:the|these|those|this|that)\s+(?P<noun>deals?|accords?|agreements?|pacts?|treaty|treaties"
    r"|normali[sz]ation deals?)\b",
    re.I,
)
AGREEMENT_HEADS = r"Accords?|Agreements?|Deal|Treaty|Pact|Initiative|Declaration|Plan"
NAME_STOPWORDS = frozenset(
    {
        "The",
        "A",
        "An",
        "This",
        "These",
        "That",
        "Those",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "Under",
        "Since",
        "After",
        "Before",
        "In",
        "On",
    }
)

POLL_CUES = re.compile(
    r"\b(?:polls?|polled|polling|pollsters?|surveys?|surveyed|respondents|opinion\s+index|"
    r"questioned|interviewed|barometer)\b",
    re.I,
)
# POLL_CUES without its word boundaries: a text it does not match has no sentence POLL_CUES matches.
POLL_CUE_WORDS = re.compile(POLL_CUES.pattern.replace(r"\b", ""), re.I)
REASON_CUES = re.compile(
    r"\b(?:citing|because of|because|due to|owing to|in protest (?:at|against|over)|"
    r"for fear (?:of|that)|over concerns? (?:about|over))\s+(?P<reason>[^.;]+)",
    re.I,
)

# Month names and abbreviations (lower case) -> month number, from the shared numbers lexicon.
MONTH_NUMBERS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTHS, start=1)} | {
    a.lower(): i for a, i in MONTH_ABBREVIATIONS.items()
}

# English function words, left out when texts are compared by their content words (questions,
# claim objects, stated reasons). Only words of four letters or more matter there.
FUNCTION_WORDS = frozenset(
    """
    about above across after again against along also although among amongst another around
    because been before behind being below beside besides between beyond both cannot could does
    doing down during each either else even ever every from further have having hence here
    herself himself however into itself just less many might more most much must myself neither
    never none nothing once only onto other others otherwise ours ourselves over own perhaps quite
    rather same several shall should since some such than that their theirs them themselves then
    there therefore these they this those though through throughout thus till together toward
    towards under unless until upon very well were what whatever when whenever where whereas
    whether which while whom whose will with within without would your yours yourself
""".split()
)


def demonym_pattern(demonym: str) -> str:
    """Regex for a people word and its plural (Saudi(s), Turk(s), Frenchm[ae]n); words in
    -ese, -ish, -ch and -ss have no plural (`countries.plural_pattern`)."""
    return plural_pattern(demonym)


def topic_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(topic, label, family) of a question or claim object; Nones when no topic matches."""
    for key, pattern, label, family in TOPICS:
        if re.search(pattern, text, re.I):
            return key, label, family
    return None, None, None


def framing_of(text: str) -> str | None:
    """The framing of a question text: effect, view, statement or stance (None if none)."""
    for key, pattern, _ in FRAMINGS:
        if re.search(pattern, text, re.I):
            return key
    return None
