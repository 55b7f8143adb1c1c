"""Finding and parsing poll claims in an article.

A poll claim is a sentence that names a poll or survey and reports a share ("over 60% of
Jordanians and Egyptians opposed the treaty"). Each share in such a sentence is one claim; a claim
naming several populations gives one row per country. Rules only, no models: a share pattern,
hedge words, a lexicon of countries and demonyms (`lexicon.py`), stance and view words, a
named-agreement resolver for "the deals", year and month patterns, and reason cues ("citing").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..article import Article
from ..countries import canonical
from . import lexicon as lx
from .shares import find_shares

CLAIM_COLUMNS = [
    "claim_id",
    "country",
    "start",
    "end",
    "text",
    "share_start",
    "share_end",
    "share_text",
    "value",
    "hedge",
    "claimed_low",
    "claimed_high",
    "period",
    "period_start",
    "period_end",
    "population_text",
    "side",
    "strong",
    "framing",
    "direction_text",
    "object_text",
    "object_resolved",
    "topic",
    "topic_label",
    "reason",
    "pollster",
]

_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?P<month>" + "|".join(m.capitalize() for m in sorted(lx.MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
YEAR_RANGE = re.compile(rf"\b(?P<y1>{_YEAR})\s*(?:-|–|—|to|and|through)\s*(?P<y2>{_YEAR})\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>{_YEAR})\b")
YEAR = re.compile(rf"\b(?P<year>{_YEAR})\b")
RELATIVE_YEAR = re.compile(r"\b(?P<which>last|this|previous)\s+year\b", re.I)

NEAR_CHARS, NEAR_SLACK = 40, 15
CLAUSE_END = re.compile(
    r"[,;:.]|\s(?:citing|because|due to|owing to|according to|while|whereas|but|compared)\b"
    r"|\s(?:and|or)\s+(?=[^,;.]{0,25}?(?:\d|half|third|quarter|majority|most))",
    re.I,
)


@dataclass(frozen=True)
class Period:
    """A claimed period: a label ("2021", "2022-03", "2020–2022") and its first and last day."""

    label: str
    start: dt.date
    end: dt.date


@dataclass
class _Share:
    start: int
    end: int
    text: str
    value: float
    hedge: str
    clause_end: int
    populations: list[tuple[str, str]] = field(default_factory=list)
    side: str | None = None
    strong: bool = False
    framing: str | None = None
    direction: str = ""
    direction_start: int | None = None
    object_text: str = ""


# Hedge senses of poll claims -> bounds of the one tolerance table (`claims.tolerance`).
HEDGE_BOUNDS: dict[str, str | None] = {
    "about": "approx",
    "over": "at_least",
    "at_least": "at_least",
    "nearly": "at_most",
    "under": "at_most",
    "exact": None,
}


def claimed_range(value: float, hedge: str) -> tuple[float, float]:
    """The shares (low, high) in percent that a hedged figure admits: the shared tolerance table
    `analysis.claims.tolerance.claim_interval` (about: +-10%; over / at least: at least the value
    and less than 10% above; nearly / under: at most it and less than 10% below; a bare share:
    rounding at its last significant digit, 70 -> 65..75), kept within 0..100."""
    from ..claims.tolerance import claim_interval
    from ..numbers.parse import digit_step

    bound = HEDGE_BOUNDS.get(hedge)
    step = None if bound else digit_step(f"{value:g}")
    low, high, _ = claim_interval(value, bound, step, "percent")
    return max(0.0, low), min(100.0, high)


def is_poll_sentence(sentence: str) -> bool:
    """A sentence that names a poll or survey and reports at least one share."""
    return bool(lx.POLL_CUES.search(sentence)) and bool(find_shares(sentence, majorities=True))


def parse_period(sentence: str, published: dt.date | None = None, near: tuple[int, ...] = ()) -> Period | None:
    """The period a poll sentence refers to: a month and year, a year range, a year, or
    "last year"/"this year" relative to `published`. When a date lies within NEAR_CHARS of an
    offset in `near` (poll cues, shares), only the dates nearest to them (within NEAR_SLACK of the
    nearest) count; otherwise every date in the sentence does."""
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []
    for m in YEAR_RANGE.finditer(sentence):
        y1, y2 = sorted((int(m["y1"]), int(m["y2"])))
        found.append((m.start(), Period(f"{y1}–{y2}", dt.date(y1, 1, 1), dt.date(y2, 12, 31))))
        taken.append(m.span())
    for m in MONTH_YEAR.finditer(sentence):
        month = _month_number(m["month"])
        year = int(m["year"])
        found.append((m.start(), Period(f"{year}-{month:02d}", dt.date(year, month, 1), _month_end(year, month))))
        taken.append(m.span())
    for m in YEAR.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken) or _inside_share(sentence, m):
            continue
        year = int(m["year"])
        found.append((m.start(), Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))))
    if published is not None:
        for m in RELATIVE_YEAR.finditer(sentence):
            year = published.year - (0 if m["which"].lower() == "this" else 1)
            found.append((m.start(), Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))))
    if not found:
        return None
    if near:
        gaps = [min(abs(pos - o) for o in near) for pos, _ in found]
        best = min(gaps)
        if best <= NEAR_CHARS:
            found = [f for f, gap in zip(found, gaps) if gap <= best + NEAR_SLACK]
    chosen = [p for _, p in sorted(found, key=lambda x: x[0])]
    if len(chosen) == 1:
        return chosen[0]
    start, end = min(p.start for p in chosen), max(p.end for p in chosen)
    label = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return Period(label, start, end)


def _inside_share(sentence: str, m: re.Match) -> bool:
    return bool(re.match(r"\s*(?:%|per\s?cent|percent)", sentence[m.end() :], re.I))


def _month_number(name: str) -> int:
    return lx.MONTH_NUMBERS[name.lower().rstrip(".")]


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _country_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str]]:
    names, demonyms, lookup = [], [], {}
    for country, (aliases, dems) in lx.COUNTRIES.items():
        for alias in aliases:
            names.append(re.escape(alias))
            lookup[alias.lower()] = country
        for dem in dems:
            demonyms.append(lx.demonym_pattern(dem))
            lookup[dem.lower()] = country
    names_alt = "|".join(sorted(names, key=len, reverse=True))
    dem_alt = "|".join(sorted(demonyms, key=len, reverse=True))
    nouns = "|".join(lx.POPULATION_NOUNS)
    name_re = re.compile(rf"(?<![\w.])(?P<name>{names_alt})(?![\w])")
    # plural demonyms, demonym + population noun, or "of <demonym>"
    dem_re = re.compile(rf"(?:(?<=\bof\s)|\b)(?P<dem>{dem_alt})\b(?P<noun>\s+(?:{nouns})\b)?")
    list_before = re.compile(
        rf"\b(?:in|of|across|among|from)\s+(?:(?:the\s+)?(?:{names_alt})\s*(?:,\s*and|,|and|or)\s*)*"
        r"(?:the\s+)?$",
        re.I,
    )
    return name_re, dem_re, list_before, lookup


_NAME_RE, _DEM_RE, _LIST_BEFORE, _LOOKUP = _country_regexes()


def canonical_country(name: str) -> str | None:
    """The canonical country of a name, adjective or demonym (singular or plural), None if
    unknown: `analysis.countries.canonical`."""
    return canonical(name)


def find_populations(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
    """Countries whose people a stretch of text is about, in order: (canonical, words).

    Counted: plural demonyms (Jordanians), demonym + population noun (Saudi respondents),
    "of <demonym>" (of Sudanese) and country names after in/of/across/among/from, alone or in
    a list ("in the UAE and Bahrain"). A demonym used as a plain adjective is not a population.
    """
    end = len(text) if end is None else end
    hits: list[tuple[int, str, str]] = []
    for m in _DEM_RE.finditer(text, start, end):
        word = m["dem"]
        base = canonical_country(word)
        plural = word.lower() not in _LOOKUP  # the pattern matched a plural form
        after_of = text[max(0, m.start() - 3) : m.start()].lower() == "of "
        if base and (plural or m["noun"] or after_of):
            hits.append((m.start(), base, m.group().strip()))
    for m in _NAME_RE.finditer(text, start, end):
        if _LIST_BEFORE.search(text[max(0, m.start() - 120) : m.start()]):
            hits.append((m.start(), _LOOKUP[m["name"].lower()], m["name"]))
    seen, out = set(), []
    for _, country, words in sorted(hits):
        if country not in seen:
            seen.add(country)
            out.append((country, words))
    return out


def _find_direction(text: str, start: int, end: int) -> tuple | None:
    """The first stance or view expression in text[start:end]:
    (match start, match end, side, framing, object text, strong)."""
    best = None
    for pattern, side in lx.STANCE_PATTERNS:
        for m in re.finditer(rf"\b{pattern}\b", text[start:end], re.I):
            obj = _object_after(text, start + m.end(), end)
            cand = (start + m.start(), start + m.end(), side, "stance", obj)
            if best is None or cand[0] < best[0]:
                best = cand
            break
    words = "|".join(sorted(lx.VIEW_WORDS, key=len, reverse=True))
    view_patterns = (
        rf"\b{lx.VIEW_VERBS}\s+(?P<obj>[^,;.]{{1,80}}?)\s+(?:as\s+)?(?:(?:very|somewhat|mostly)\s+)?"
        rf"(?P<w>{words})\b",
        rf"\b(?P<w>{words})\s+{lx.VIEW_NOUNS}\s+(?:of|on|about|toward|towards)\s+(?P<obj>[^,;.]{{1,80}})",
    )
    for pattern in view_patterns:
        m = re.search(pattern, text[start:end], re.I)
        if m:
            obj = _trim_object(m["obj"])
            cand = (start + m.start(), start + m.end(), lx.VIEW_WORDS[m["w"].lower()], "view", obj)
            if best is None or cand[0] < best[0]:
                best = cand
    if best is None:
        return None
    s, e, side, framing, obj = best
    before = text[max(0, s - 30) : s]
    if lx.NEGATION.search(before):
        side = "for" if side == "against" else "against"
    strong = bool(lx.INTENSIFIERS.search(before))
    if re.search(r"for the region|\beffects?\b|\bimpact\b", text[s:end], re.I):
        framing = "effect"
    return s, e, side, framing, obj, strong


def _object_after(text: str, pos: int, end: int) -> str:
    m = CLAUSE_END.search(text, pos, end)
    return _trim_object(text[pos : m.start() if m else end])


def _trim_object(obj: str) -> str:
    obj = re.sub(r"^\s*(?:that\s+)?", "", obj).rstrip(" —–-")
    return re.sub(r"\s+(?:in|from|during)\s+(?:19|20)\d{2}\b.*$", "", obj).strip()


def named_agreements(text: str, before: int) -> list[tuple[int, str]]:
    """Named agreements ("Oslo Accords", "Arab Peace Initiative") before offset `before`."""
    found = _all_named_agreements(text)
    return [(start, name) for start, end, name in found[: bisect_right(found, (before, before + 1))] if end <= before]


@lru_cache(maxsize=4)
def _all_named_agreements(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every named agreement in `text`, found once per text (linear time)."""
    pattern = re.compile(rf"((?:[A-Z][a-z'’]+\s+){{1,4}})({lx.AGREEMENT_HEADS})\b")
    found = []
    for m in pattern.finditer(text):
        words = m.group(1).split()
        while words and words[0] in lx.NAME_STOPWORDS:
            words.pop(0)
        if words:
            found.append((m.start(), m.end(), " ".join(words + [m.group(2)])))
    return found


# "the idea", "the plan": what the article named before ("the idea of recognizing Israel").
IDEA_ANAPHOR = re.compile(r"^(?:the|this|that|such\s+an?)\s+(?P<noun>idea|plan|proposal|move|policy|step)\b\s*$", re.I)


def resolve_object(obj: str, text: str, at: int) -> str:
    """What a claim's object refers to: itself when it names something; for "the idea" (plan,
    proposal, ...) what the text last called "the idea of ..."; for "the deals"/"the accords" the
    most recent named agreement before `at` (same grammatical number first)."""
    idea = IDEA_ANAPHOR.match(obj)
    if idea and not lx.topic_of(obj)[0]:
        named = list(re.finditer(rf"\b{idea['noun']}\s+(?:of|to)\s+(?P<what>[^,.;—–]+)", text[:at], re.I))
        if named:
            return named[-1]["what"].strip()
    m = lx.AGREEMENT_ANAPHORS.search(obj)
    if lx.topic_of(obj)[0] or not m:
        return obj
    plural = m["noun"].lower().endswith(("s", "ies"))
    names = named_agreements(text, at)
    same_number = [n for _, n in names if n.endswith("s") == plural]
    pool = same_number or [n for _, n in names]
    return pool[-1] if pool else obj


def _shares(sentence: str, offset: int) -> list[_Share]:
    found = find_shares(sentence, majorities=True)
    return [
        _Share(
            offset + sh.start,
            offset + sh.end,
            sh.mention,
            sh.percent,
            sh.hedge,
            offset + (found[i + 1].start if i + 1 < len(found) else len(sentence)),
        )
        for i, sh in enumerate(found)
    ]


def parse_sentence(text: str, start: int, end: int, published: dt.date | None = None) -> list[dict]:
    """Claims of one poll sentence `text[start:end]`: one dict per share and country."""
    sentence = text[start:end]
    shares = _shares(sentence, start)
    near = tuple(m.start() for m in lx.POLL_CUES.finditer(sentence)) + tuple(s.start - start for s in shares)
    period = parse_period(sentence, published, near)
    reason_m = lx.REASON_CUES.search(sentence)
    reason = reason_m["reason"].strip() if reason_m else ""
    prefix_pops = find_populations(text, start, shares[0].start) if shares else []
    rows, previous = [], None
    for share in shares:
        found = _find_direction(text, share.end, share.clause_end)
        if found:
            s, e, share.side, share.framing, share.object_text, share.strong = found
            share.direction, share.direction_start = text[s:e], s
        elif previous is not None:
            share.side, share.framing = previous.side, previous.framing
            share.object_text = previous.object_text
        if share.object_text.lower() in ("them", "it", "they", "this", "") and previous is not None:
            share.object_text = previous.object_text
        pop_end = share.direction_start if share.direction_start else share.clause_end
        pops = find_populations(text, share.end, pop_end) or prefix_pops
        share.populations = pops or (previous.populations if previous else [])
        previous = share
        resolved = resolve_object(share.object_text, text, start) if share.object_text else ""
        topic, label, _ = lx.topic_of(resolved)
        if topic is None and share.framing == "view":
            topic, label, _ = lx.topic_of(f"{share.direction} {resolved}")
        low, high = claimed_range(share.value, share.hedge)
        base = {
            "start": start,
            "end": end,
            "text": sentence,
            "share_start": share.start,
            "share_end": share.end,
            "share_text": share.text,
            "value": share.value,
            "hedge": share.hedge,
            "claimed_low": low,
            "claimed_high": high,
            "period": period.label if period else "",
            "period_start": period.start.isoformat() if period else "",
            "period_end": period.end.isoformat() if period else "",
            "side": share.side or "",
            "strong": share.strong,
            "framing": share.framing or "",
            "direction_text": share.direction,
            "object_text": share.object_text,
            "object_resolved": resolved,
            "topic": topic or "",
            "topic_label": label or resolved,
            "reason": reason,
        }
        words = " and ".join(w for _, w in share.populations)
        for country, _ in share.populations or [("", "")]:
            rows.append({**base, "country": country, "population_text": words})
    return rows


# A figure's answer (figures.find_figures) -> the side of its claim; yes and no keep the side the
# sentence parser reads from the claim's own verb.
RESPONSE_SIDES = {
    "support": "for",
    "approve": "for",
    "favourable": "for",
    "positive": "for",
    "oppose": "against",
    "disapprove": "against",
    "unfavourable": "against",
    "negative": "against",
    "dont_know": "",
    "other": "",
    "vote_for": "",
}


def _country_of_iso3(code: str) -> str:
    from ..countries import countries
    from .population import iso3

    return next((c.name for c in countries() if c.kind == "country" and code and iso3(c.name) == code), "")


def extract_poll_claims(article: Article, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every poll claim of an article, one row per claim and country (sorted by position).

    A sentence is parsed when it names a poll and reports a share, and, given `figures`
    (`figures.find_figures`), when it holds a poll figure whose poll is named elsewhere (then
    only its figures' shares count, and a figure's population fills in a missing country).

    Columns: claim_id (P1, P2, ... one per reported share), country (canonical, "" if none
    named), start, end, text (the sentence, `article.text[start:end]`), share_start, share_end,
    share_text ("over 70%"), value (percent), hedge (over, at_least, nearly, about, under,
    exact), claimed_low, claimed_high (shares the hedged figure admits), period (label, "" if no
    date), period_start, period_end (ISO), population_text (the words naming the populations),
    side (against / for / ""), strong (intensity word such as "strongly"), framing (stance,
    view, effect or ""), direction_text (the words giving the side), object_text, object_resolved
    (what "the deals" refers to), topic (lexicon key or ""), topic_label, reason (after
    "citing", "because of", ...; "" if none), pollster (the figure's pollster or sponsor, "" when
    the article names none).
    """
    published = article.metadata.published
    figures = figures if figures is not None else pd.DataFrame(columns=["start", "end"])
    spans = list(zip(figures["start"], figures["end"]))
    rows = []
    # without a figure or a poll word anywhere, no sentence can be a poll sentence
    sentences = article.sentences if spans or lx.POLL_CUE_WORDS.search(article.text) else []
    for sentence in sentences:
        inside = [i for i, (s, e) in enumerate(spans) if sentence.start <= s < sentence.end]
        if is_poll_sentence(sentence.text):
            parsed = parse_sentence(article.text, sentence.start, sentence.end, published)
        elif inside:
            parsed = [
                r
                for r in parse_sentence(article.text, sentence.start, sentence.end, published)
                if any(s < r["share_end"] and r["share_start"] < e for s, e in spans)
            ]
        else:
            continue
        for r in parsed:
            fig = next(
                (figures.iloc[i] for i, (s, e) in enumerate(spans) if s < r["share_end"] and r["share_start"] < e), None
            )
            r["pollster"] = (fig["pollster"] or "") if fig is not None else ""
            if fig is not None and fig["response"] in RESPONSE_SIDES:
                r["side"] = RESPONSE_SIDES[fig["response"]]
            if fig is not None and not r["country"]:
                r["country"] = _country_of_iso3(fig["population_iso3"])
            elif fig is not None and fig["population_text"] and not fig["population_iso3"]:
                r["country"] = ""  # the figure is about a region or several countries' people
            rows.append(r)
    df = pd.DataFrame(rows, columns=[c for c in CLAIM_COLUMNS if c != "claim_id"])
    ids = {key: f"P{i}" for i, key in enumerate(dict.fromkeys(df["share_start"]), start=1)}
    df.insert(0, "claim_id", df["share_start"].map(ids).astype("object"))
    return df[CLAIM_COLUMNS].reset_index(drop=True)
