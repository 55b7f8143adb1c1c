"""One table of countries for every module: names and ISO codes from pycountry, and the words
no library lists (nationality adjectives, demonyms, colloquial names) from a data file.

- Names and ISO 3166-1 alpha-3 codes come from `pycountry` (the ISO 3166 database): each
  country's ISO name, common name and official name (inverted forms such as "Korea, Republic of"
  are left out, since text never writes them).
- `analysis/data/country_words.csv` (see analysis/data/README.md) adds, per ISO code, the name
  used in outputs ("Russia", "South Korea"), colloquial names ("UK", "Britain", "America"),
  nationality adjectives ("Kenyan", "British") and demonyms ("Briton", "Turk"); empty demonyms
  mean the adjectives serve as nouns too ("a Kenyan", "Kenyans"). A leading
  `~` on an alias (or `ambiguous_name = yes`) marks a name that is also a common personal name or
  word ("Jordan", "Georgia") or a usual part of organisation names ("USA": Team USA, USA Today),
  so it is not taken as a nationality inside a name. It also holds the two rows that are not
  countries: the bloc `European Union` and the region `Arab region`.
- Countries of pycountry that the data file does not list are in the table too, with their ISO
  names only.

Kinds: `country`, `bloc` (a union of countries that speaks as one, the European Union) and
`region` (a group of countries polled together, the Arab region).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

COUNTRY_COLUMNS = ["name", "kind", "aliases", "adjectives", "demonyms", "ambiguous", "iso3"]
WORDS_FILE = Path(__file__).resolve().parent / "data" / "country_words.csv"
WORDS_COLUMNS = ["iso3", "name", "kind", "aliases", "adjectives", "demonyms", "ambiguous_name"]


@dataclass(frozen=True)
class Country:
    """One row of the table: a country (or bloc, region) and the words that name it."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    ambiguous: tuple[str, ...]  # names (canonical or alias) that are also personal names or words
    iso3: str = ""  # ISO 3166-1 alpha-3 ('' for blocs and regions; XKX, the World Bank's, for Kosovo)

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and its aliases."""
        return (self.name,) + self.aliases

    @property
    def people(self) -> tuple[str, ...]:
        """Words for a person of the country: demonyms, else the adjectives."""
        return self.demonyms or self.adjectives


def _split(cell: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in cell.split(";") if w.strip())


def _library_names(iso3: str) -> tuple[str, ...]:
    """pycountry's ISO, common and official names of a country, minus inverted forms."""
    record = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if record is None:
        return ()
    names = [getattr(record, a, None) for a in ("common_name", "name", "official_name")]
    plain = tuple(dict.fromkeys(n for n in names if n and ", " not in n))
    return plain or (record.name,)


def parse_row(row: dict[str, str], where: str = "") -> Country:
    """A Country from one row of country_words.csv merged with pycountry's names of its code;
    ValueError naming the row for an unknown code or kind."""
    kind = row.get("kind") or "country"
    if kind not in ("country", "bloc", "region"):
        raise ValueError(f"{where}kind {kind!r} is not country, bloc or region")
    iso3 = (row.get("iso3") or "").strip().upper()
    if kind == "country" and not re.fullmatch(r"[A-Z]{3}", iso3):
        raise ValueError(f"{where}a country needs a three-letter iso3 code, got {iso3!r}")
    if kind == "country" and iso3 != "XKX" and pycountry.countries.get(alpha_3=iso3) is None:
        raise ValueError(f"{where}{iso3!r} is not an ISO 3166-1 alpha-3 code (pycountry)")
    lib = _library_names(iso3)
    name = (row.get("name") or "").strip() or (lib[0] if lib else "")
    if not name:
        raise ValueError(f"{where}no name for {iso3!r}")
    own = _split(row.get("aliases") or "")
    ambiguous = {a.lstrip("~") for a in own if a.startswith("~")}
    if (row.get("ambiguous_name") or "").strip() == "yes":
        ambiguous.add(name)
    aliases = tuple(dict.fromkeys(a for a in lib + tuple(a.lstrip("~") for a in own) if a != name))
    ordered = tuple(n for n in (name,) + aliases if n in ambiguous)
    return Country(
        name, kind, aliases, _split(row.get("adjectives") or ""), _split(row.get("demonyms") or ""), ordered, iso3
    )


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every row: the data file's countries (alphabetical), the other ISO countries, then bloc
    and region."""
    with WORDS_FILE.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != WORDS_COLUMNS:
            raise ValueError(f"{WORDS_FILE.name}: columns {reader.fieldnames}, expected {WORDS_COLUMNS}")
        listed = [parse_row(r, f"{WORDS_FILE.name} line {i}: ") for i, r in enumerate(reader, start=2)]
    codes = {c.iso3 for c in listed}
    taken = {n.lower() for c in listed for n in c.names}
    extra = []
    for record in pycountry.countries:
        if record.alpha_3 in codes:
            continue
        c = parse_row({"iso3": record.alpha_3, "kind": "country"})
        if c.name.lower() not in taken:
            extra.append(c)
    groups = [c for c in listed if c.kind != "country"]
    return tuple([c for c in listed if c.kind == "country"] + sorted(extra, key=lambda c: c.name) + groups)


def countries_table() -> pd.DataFrame:
    """The table as a DataFrame. Columns: name, kind (country, bloc, region), aliases,
    adjectives, demonyms (people nouns; the adjectives when empty), ambiguous (names that are
    also personal names or words), iso3; list cells are "; "-joined strings."""
    rows = [
        {
            "name": c.name,
            "kind": c.kind,
            "aliases": "; ".join(c.aliases),
            "adjectives": "; ".join(c.adjectives),
            "demonyms": "; ".join(c.demonyms),
            "ambiguous": "; ".join(c.ambiguous),
            "iso3": c.iso3,
        }
        for c in countries()
    ]
    return pd.DataFrame(rows, columns=COUNTRY_COLUMNS)


def region_names() -> frozenset[str]:
    """Canonical names of the rows that group several countries (blocs and regions)."""
    return frozenset(c.name for c in countries() if c.kind != "country")


@lru_cache(maxsize=1)
def lookup() -> dict[str, str]:
    """Every name, alias, adjective and demonym (lower case) -> canonical name."""
    out: dict[str, str] = {}
    for c in countries():
        for word in c.names + c.adjectives + c.demonyms:
            out.setdefault(word.lower(), c.name)
    return out


def canonical(word: str) -> str | None:
    """The canonical name for a name, adjective or demonym, singular or plural
    ("Canadians" -> "Canada", "UAE" -> "United Arab Emirates"); None if unknown."""
    key = word.strip().lower()
    if key.startswith("the "):
        key = key[4:]
    table = lookup()
    if key in table:
        return table[key]
    for suffix, repl in (("es", ""), ("s", ""), ("men", "man"), ("women", "woman")):
        if key.endswith(suffix) and key[: -len(suffix)] + repl in table:
            return table[key[: -len(suffix)] + repl]
    return None


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Country]:
    return {c.name: c for c in countries()}


def iso3(word: str) -> str | None:
    """The ISO 3166-1 alpha-3 code for any name, adjective or demonym of a country ("the U.S.",
    "Americans" -> "USA"), or for a code itself; None for blocs, regions and unknown words."""
    name = canonical(word)
    if name is None:
        code = word.strip().upper()
        return code if any(c.iso3 == code for c in countries()) else None
    return _by_name()[name].iso3 or None


def name_of(code: str) -> str | None:
    """The canonical name of an ISO alpha-3 code ('KEN' -> 'Kenya'); None if unknown."""
    code = str(code).strip().upper()
    return next((c.name for c in countries() if c.iso3 == code), None)


def plural_pattern(word: str) -> str:
    """Regex for a people word and its plural: Kenyan(s), Frenchm(a|e)n; adjectives ending in
    -ese, -ish, -ch, -ss or -i(c) used as a whole people ("the Swiss") take no plural."""
    if word.endswith(("man", "woman")):
        return re.escape(word[:-2]) + "[ae]n"
    if word.endswith(("ese", "ish", "ch", "ss", "sh")):
        return re.escape(word)
    return re.escape(word) + "s?"


def nationality_words(kinds: tuple[str, ...] = ("country", "bloc")) -> dict[str, str]:
    """Adjectives and unambiguous names (original case) -> canonical name, for the rows of the
    given kinds: the words that mark a person's nationality in a title ("Canadian minister")."""
    out: dict[str, str] = {}
    for c in countries():
        if c.kind not in kinds:
            continue
        for word in c.adjectives + tuple(n for n in c.names if n not in c.ambiguous):
            out.setdefault(word, c.name)
    return out
