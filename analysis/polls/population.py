"""Who was asked: the country whose people a poll figure is about (ISO alpha-3), from demonyms
("Saudis", "Taiwanese"), country names after in/of/among ("people in Germany"), the population
words of data/population_words.csv ("Americans", "Saudi youth") and, failing those, the country
an article names most often.

Country names and demonyms come from the shared table `analysis.countries`; codes from pycountry
(with data/iso3.csv for the few names pycountry spells differently).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from ..countries import countries, plural_pattern

DATA = Path(__file__).with_name("data")


@cache
def iso3(country: str) -> str:
    """ISO 3166-1 alpha-3 code of a canonical country name ("" when it has none)."""
    import pycountry

    overrides = _iso3_overrides()
    if country in overrides:
        return overrides[country]
    for c in countries():
        if c.name == country:
            for name in c.names:
                try:
                    return pycountry.countries.lookup(name).alpha_3
                except LookupError:
                    continue
    return ""


@lru_cache(maxsize=1)
def _iso3_overrides() -> dict[str, str]:
    """{canonical country: ISO code} of data/iso3.csv, read once per process."""
    return dict(pd.read_csv(DATA / "iso3.csv", dtype=str)[["country", "iso3"]].values)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, dict[str, str]]:
    words: dict[str, str] = {}
    parts = []
    extra = pd.read_csv(DATA / "population_words.csv", dtype=str, keep_default_na=False)
    for word, code in zip(extra["word"], extra["iso3"]):
        words[word.lower()] = code
        parts.append(re.escape(word))
    for c in countries():
        if c.kind != "country":
            continue
        code = iso3(c.name)
        if not code:
            continue
        for word in c.people:
            parts.append(_people_pattern(word))
            words.setdefault(word.lower(), code)
        for name in c.names:
            if name in c.ambiguous:
                continue
            parts.append(r"(?:in|of|across|among|from)\s+(?:the\s+)?" + re.escape(name))
            words.setdefault(name.lower(), code)
        for adj in c.adjectives:
            parts.append(
                re.escape(adj) + r"\s+(?:respondents|citizens|adults|voters|people|public|youth|"
                r"nationals|residents|men|women|population|electorate)"
            )
            words.setdefault(adj.lower(), code)
    alt = "|".join(sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])"), words


PEOPLE_VERBS = r"(?:say|said|says|support|supported|oppose|opposed|think|believe|were|are|want|back|approve|favou?r)"


def _people_pattern(word: str) -> str:
    """A people word used as a population: its plural ("Saudis", "Frenchmen"); a word without a
    plural ("Taiwanese") after of/among or before a verb of answering ("Taiwanese support")."""
    pattern = plural_pattern(word)
    if pattern.endswith("s?"):
        return re.escape(word) + "s"
    if pattern != re.escape(word):
        return pattern
    w = re.escape(word)
    return rf"(?<=of\s){w}|(?<=among\s){w}|{w}(?=\s+{PEOPLE_VERBS}\b)"


def _code(words: str) -> str:
    _, table = _patterns()
    key = words.lower()
    if key in table:
        return table[key]
    key = re.sub(r"^(?:in|of|across|among|from)\s+(?:the\s+)?", "", key)
    if key in table:
        return table[key]
    head = key.split()[0] if key.split() else ""
    for cand in (key, head, re.sub(r"(?:es|s)$", "", key), re.sub(r"(?:es|s)$", "", head), re.sub(r"men$", "man", key)):
        if cand in table:
            return table[cand]
    return ""


def population_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str, str]]:
    """(offset, words, ISO alpha-3) of every population in text[start:end]; the code is "" for
    the people of a region or of several countries ("a regional average", "Arabs")."""
    pattern, _ = _patterns()
    end = len(text) if end is None else end
    _, table = _patterns()
    out = []
    for m in pattern.finditer(text, start, end):
        code = _code(m.group())
        if code or m.group().lower() in table:  # an empty code: several countries' people
            out.append((m.start(), m.group(), code))
    return out


def country_mentions(text: str) -> Counter:
    """How often an article names each country (names, adjectives, demonyms), by ISO code."""
    from ..countries import lookup

    table = {k: v for k, v in lookup().items()}
    names = sorted(table, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names if len(n) > 2 or n.isupper())
    counts: Counter = Counter()
    for m in re.finditer(rf"(?<![\w])(?:{alt})(?:s|es)?(?![\w])", text, re.I):
        word = m.group()
        if word[0].islower():
            continue
        country = table.get(word.lower()) or table.get(re.sub(r"(?:es|s)$", "", word.lower()))
        code = iso3(country) if country else ""
        if code:
            counts[code] += 1
    return counts
