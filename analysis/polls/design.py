"""What an article says about how a poll was made: who ran it (pollster or sponsor), its sample
size, its margin of error and its fieldwork dates.

Pure functions over the text; word lists in `data/` (see data/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA = Path(__file__).with_name("data")

_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d{3,7})"
# Sample-size statements: "1,016 adults", "(1,002 respondents)", "1,225 people responded",
# "survey of 1,231 Palestinians", "interviewed 1,203 people", "40,000 face-to-face interviews".
SAMPLE_NOUNS = (
    r"(?:respondents|adults|people|persons|voters|residents|citizens|participants|"
    r"individuals|households|interviews|Americans|(?-i:[A-Z][a-z]+(?:ns|is|ese|s))|"
    r"(?:registered|likely|eligible)\s+voters|young\s+\w+|men\s+and\s+women|"
    r"(?:[\w-]+\s+){0,2}interviews|members|users|students|workers|parents|teens|youths?)\b"
)
SAMPLE = re.compile(
    rf"(?:(?P<pre>\b(?:sample|survey|poll|study|questioned|interviewed|surveyed|polled|asked|contacted|reached|involving|among|of|with)\b"
    rf"[^.;\d]{{0,40}}?)(?:more\s+than\s+|nearly\s+|about\s+|some\s+|over\s+|almost\s+)?{_COUNT}"
    rf"(?:\s+(?:randomly\s+(?:chosen|selected)\s+)?{SAMPLE_NOUNS})?"
    rf"|{_COUNT.replace('?P<n>', '?P<n2>')}\s+{SAMPLE_NOUNS}(?P<post>[^.;]{{0,60}}))",
    re.I,
)
PEOPLE_AFTER = re.compile(
    r"\s+(?:respondents|adults|people|persons|voters|residents|citizens|interviews|participants)\b", re.I
)
RESPONDED = re.compile(r"^\s*(?:\w+\s+){0,2}(?:responded|answered|took part|participated|completed)", re.I)
NOT_SAMPLE_BEFORE = re.compile(r"(?:\$|€|£|\bUS\$)\s*$|\b(?:in|since|of)\s+$", re.I)

_POINTS = r"(?P<moe>\d{1,2}(?:\.\d+)?|one|two|three|four|five|six)"
MARGIN = re.compile(
    rf"(?:margin\s+of\s+(?:sampling\s+)?error|error\s+margin|sampling\s+error)[^.;\d]{{0,40}}?"
    rf"(?:plus\s+or\s+minus\s+|[±]\s*|\+/-\s*|\+-\s*)?{_POINTS}(?:\s*(?:%|percentage\s+points?|points?|per\s?cent))?"
    rf"|(?:plus\s+or\s+minus|[±]|\+/-)\s*{_POINTS.replace('?P<moe>', '?P<moe2>')}\s*"
    rf"(?:%|percentage\s+points?|points?|per\s?cent)",
    re.I,
)
WORD_POINTS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|"
    "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|"
    "Nov\\.?|Dec\\.?"
)
FIELDWORK = re.compile(
    rf"\b(?:conducted|carried out|fielded|taken|interviewed|surveyed|polled|held|between|from|on)\b"
    rf"[^.;]{{0,40}}?\b(?P<when>(?:{_MONTHS})\s+\d{{1,2}}(?:\s*(?:-|–|to|and)\s*(?:(?:{_MONTHS})\s+)?\d{{1,2}})?"
    rf"(?:,?\s+(?:19|20)\d{{2}})?|\d{{1,2}}\s*(?:-|–|to|and)\s*\d{{1,2}}\s+(?:{_MONTHS})(?:\s+(?:19|20)\d{{2}})?)",
    re.I,
)

# "<Name> poll", "poll by <Name>", "<Name> found", "according to <Name>": capitalised names.
NAMED_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’&.-]*(?:\s+|-\s*))(?:(?:of|for|the|and|in|on)\s+|[A-Z0-9][\w'’&.-]*\s+|\(\w+\)\s+){0,7}?)"
    r"(?:\d+(?:st|nd|rd|th)\s+)?(?:Poll|poll|Survey|survey|surveys|polls|Monitor|Index|Barometer|Tracker)\b"
)
NAMED_AFTER = re.compile(
    r"\b(?:poll|survey|study|research|polling|findings|results?|figures)\b[^.;\d%]{0,30}?\b(?:by|from|of|for|with)\s+(?:the\s+)?"
    r"(?:(?:opinion\s+)?(?:research|polling|survey)\s+(?:institute|firm|company|agency|organi[sz]ation|group|center|centre)\s+)?"
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|in|on)\s+)?[A-Z][\w'’&.-]*){0,7}(?:\s+\([A-Z]+\))?)"
)
NAMED_INSTITUTE = re.compile(
    r"\b(?:opinion\s+research|polling|survey|research)\s+(?:institute|firm|company|agency|organi[sz]ation|group)\s+"
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
)
NAMED_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+|\n|,\s+)(?:The\s+|the\s+)?(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|in|on)\s+)?[A-Z][\w'’&.-]*){0,7}"
    r"(?:\s+\([A-Z]+\))?(?:\s+[A-Z][\w'’&.-]*){0,3})\s+(?:found|determined|conducted|surveyed|polled|interviewed|asked|"
    r"reported|released|published|showed|shows|finds)\b"
)
ACCORDING = re.compile(
    r"\baccording\s+to\s+(?:the\s+)?(?:latest\s+|new\s+|recent\s+)?(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|the|and|in|on)\s+)?[A-Z][\w'’&.-]*){0,6})"
)
# Capitalised words that never begin or make a pollster's name on their own.
NOT_NAMES = frozenset(
    """The A An This That These Those Its Their His Her Our New Latest Recent
    Last Next Its In On At For And But Or If When As While After Before Since According
    Skip Photo Poll Polls Survey Surveys Study Published Updated Top Stories Politics
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Most Many Some More Only Just
    Respondents People Young Another Both Among Asked Specifically Meanwhile Compared Overall
    Opinion Public Research Institute Center Centre Weekly Annual Monthly Biannual Sunday-trend
    Government President Minister Prime Congress Senate Parliament Cabinet""".split()
)


# Words that end a pollster's name ("Polling Institute"), though never a name alone.
GENERIC_HEADS = frozenset({"Institute", "Center", "Centre", "Research", "Poll", "Survey"})


@dataclass(frozen=True)
class Stated:
    """A number the article states about a poll: value, words, where."""

    value: float
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def poll_cue() -> re.Pattern:
    """The poll-cue pattern of data/pollster_cues.csv (poll, survey, respondents, ...)."""
    table = pd.read_csv(DATA / "pollster_cues.csv", dtype=str)
    return re.compile("|".join(table["pattern"]), re.I)


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of every sentence, paragraph by paragraph."""
    from ..article import split_paragraphs, split_sentences

    out = []
    for i, p in enumerate(split_paragraphs(text)):
        out.extend((s.start, s.end, i) for s in split_sentences(text, p.start, p.end))
    return out


def _in_poll_sentence(text: str, spans: list[tuple[int, int, int]], pos: int) -> bool:
    for start, end, _ in spans:
        if start <= pos < end:
            return bool(poll_cue().search(text, start, end)) or any(
                re.search(p, text[start:end]) for p in known_pollsters()["pattern"]
            )
    return False


@lru_cache(maxsize=1)
def known_pollsters() -> pd.DataFrame:
    """data/pollsters.csv: name, pattern, country_iso3, origin."""
    return pd.read_csv(DATA / "pollsters.csv", dtype=str, keep_default_na=False)


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def sample_sizes(text: str) -> list[Stated]:
    """Every stated overall sample size in text order ("1,016 adults", "1,225 people responded").

    Of two counts in one sentence ("2,539 randomly chosen people ..., and 1,225 people
    responded"), the one that responded is the sample."""
    out = []
    for m in SAMPLE.finditer(text):
        key = "n" if m["n"] else "n2"
        count = _count(m[key])
        context = m.group() + " " + text[max(0, m.start() - 60) : m.start()]
        if count < 100 or (1900 <= count <= 2100 and not PEOPLE_AFTER.match(text, m.end(key))):
            continue
        if key == "n2" and NOT_SAMPLE_BEFORE.search(text[max(0, m.start(key) - 6) : m.start(key)]):
            continue
        if (
            key == "n"
            and not re.search(SAMPLE_NOUNS + r"\s*$", m.group(), re.I)
            and not re.search(r"\b(?:sample|survey|poll|questioned|interviewed|surveyed|polled)\b", m["pre"], re.I)
        ):
            continue
        if key == "n2" and not re.search(
            r"\b(?:respondents|interviews|responded|surveyed|polled|questioned|interviewed|sample|poll|survey)\b",
            context,
            re.I,
        ):
            continue
        end = m.end(key) + len(re.match(r"\s*(?:" + SAMPLE_NOUNS + ")?", text[m.end(key) :], re.I).group())
        out.append(Stated(count, text[m.start(key) : end], m.start(key), end))
    spans = sentence_spans(text)
    out = [s for s in out if _in_poll_sentence(text, spans, s.start)]
    kept = []
    for s in out:
        later = [
            r
            for r in out
            if r.start > s.start and r.start - s.start < 120 and RESPONDED.search(text[r.end : r.end + 40])
        ]
        if not later:
            kept.append(s)
    return kept


def margins(text: str) -> list[Stated]:
    """Every stated margin of error, in points, in text order."""
    out = []
    for m in MARGIN.finditer(text):
        raw = m["moe"] or m["moe2"]
        value = WORD_POINTS.get(raw.lower()) if raw.isalpha() else float(raw)
        if value is None or not 0 < value < 20:
            continue
        out.append(Stated(value, m.group(), m.start(), m.end()))
    return out


def fieldwork(text: str) -> list[Stated]:
    """Fieldwork dates as written ("April 9-12", "between June 19 and 23, 2023")."""
    return [Stated(0.0, m["when"], m.start("when"), m.end("when")) for m in FIELDWORK.finditer(text)]


PERSON_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|President|Sen|Senator|Gov|Governor|Rep|Prime|Minister|Former)\b\.?")


def _clean_name(name: str) -> str | None:
    name = re.split(r"(?<=[a-z)])\.\s+", name)[-1]  # a name never spans a sentence end
    if PERSON_TITLES.match(name.strip()):
        return None
    words = name.strip().rstrip(".,’'").split()
    while words and (words[0] in NOT_NAMES or words[0].lower() in ("of", "for", "the", "and", "in", "on")):
        words.pop(0)
    while words and (
        words[-1] in NOT_NAMES - GENERIC_HEADS or words[-1].lower() in ("of", "for", "the", "and", "in", "on")
    ):
        words.pop()
    if not words or all(w in NOT_NAMES for w in words):
        return None
    out = " ".join(words)
    if re.search(r"[’']s\s", out):  # "Harvard’s findings", a headline's "X’s Support ..."
        return None
    return re.sub(r"[’']s$", "", out) or None


def pollster_mentions(text: str) -> pd.DataFrame:
    """Names of pollsters or sponsors in a text.

    Columns: name (as written, trimmed), start, how (known: data/pollsters.csv; named: a
    capitalised name beside a poll word, "by", "according to" or a reporting verb),
    country_iso3 (of a known pollster, "" otherwise).
    """
    rows = _pollster_rows(text)
    return (
        pd.DataFrame(list(rows), columns=["name", "start", "how", "country_iso3"])
        .sort_values("start", kind="stable")
        .reset_index(drop=True)
    )


@lru_cache(maxsize=4)
def _pollster_rows(text: str) -> tuple[tuple[str, int, str, str], ...]:
    """(name, start, how, country_iso3) of `pollster_mentions`, found once per text (an article's
    figures and its main pollster both ask)."""
    rows = []
    for row in known_pollsters().itertuples():
        for m in re.finditer(row.pattern, text):
            rows.append((row.name, m.start(), "known", row.country_iso3))
    spans = sentence_spans(text)
    for pattern in (NAMED_BEFORE, NAMED_AFTER, NAMED_INSTITUTE, NAMED_SUBJECT, ACCORDING):
        for m in pattern.finditer(text):
            name = _clean_name(m["name"])
            if (
                name
                and not _is_place_or_person_only(name)
                and (pattern is NAMED_BEFORE or _in_poll_sentence(text, spans, m.start("name")))
            ):
                rows.append((name, m.start("name"), "named", ""))
    return tuple(rows)


def _is_place_or_person_only(name: str) -> bool:
    from ..countries import canonical

    return canonical(name) is not None or len(name) < 3


def main_pollster(text: str) -> tuple[str | None, str]:
    """The pollster or sponsor an article reports (None when it names none) and its home
    country code ("" when unknown). A known pollster wins; else the name given most often,
    the earliest on a tie."""
    found = pollster_mentions(text)
    if found.empty:
        return None, ""
    known = found[found["how"] == "known"]
    if not known.empty:
        counts = known.groupby("name", sort=False)["start"].agg(["count", "min"])
        best = counts.sort_values(["count", "min"], ascending=[False, True]).index[0]
        return best, known.loc[known["name"] == best, "country_iso3"].iloc[0]
    counts = found.groupby("name", sort=False)["start"].agg(["count", "min"])
    best = counts.sort_values(["count", "min"], ascending=[False, True]).index[0]
    return best, ""
