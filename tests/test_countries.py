"""The shared country table: parsing, lookups, and its use by polls and quotes."""

from __future__ import annotations

import pytest

from analysis import countries as ct
from analysis.polls import lexicon as poll_lexicon
from analysis.quotes.lexicon import NATIONALITIES


def test_table_rows_are_unique_and_complete():
    table = ct.countries_table()
    assert list(table.columns) == ct.COUNTRY_COLUMNS
    assert table["name"].is_unique and len(table) >= 240  # every ISO 3166 country (pycountry)
    assert set(table["kind"]) == {"country", "bloc", "region"}
    assert (table.loc[table["kind"] == "country", "adjectives"] != "").sum() >= 150
    countries = table[table["kind"] == "country"]
    assert countries["iso3"].str.fullmatch(r"[A-Z]{3}").all() and countries["iso3"].is_unique


@pytest.mark.parametrize(
    "word, name",
    [
        ("UAE", "United Arab Emirates"),
        ("Emiratis", "United Arab Emirates"),
        ("Canadians", "Canada"),
        ("Britons", "United Kingdom"),
        ("British", "United Kingdom"),
        ("Turks", "Turkey"),
        ("Frenchmen", "France"),
        ("Swiss", "Switzerland"),
        ("U.S.", "United States"),
        ("Arabs", "Arab region"),
        ("Filipinos", "Philippines"),
        ("Atlantis", None),
    ],
)
def test_canonical_handles_names_demonyms_and_plurals(word, name):
    assert ct.canonical(word) == name


@pytest.mark.parametrize(
    "word, pattern_matches, plural_ok",
    [
        ("Emirati", "Emiratis", True),
        ("Lebanese", "Lebaneses", False),
        ("Frenchman", "Frenchmen", True),
    ],
)
def test_plural_pattern(word, pattern_matches, plural_ok):
    import re

    assert bool(re.fullmatch(ct.plural_pattern(word), pattern_matches)) is plural_ok
    assert re.fullmatch(ct.plural_pattern(word), word)


def test_ambiguous_names_are_no_nationality_words():
    words = ct.nationality_words()
    assert "Jordanian" in words and "Jordan" not in words and "Georgia" not in words
    assert "USA" not in words and words["U.S."] == "United States"
    assert "Arab" not in words  # regions are not nationalities in titles


def test_polls_and_quotes_read_the_shared_table():
    assert "Canada" in poll_lexicon.COUNTRIES and "Arab region" in poll_lexicon.REGIONS
    assert NATIONALITIES["Emirati"] == "United Arab Emirates" == NATIONALITIES["UAE"]
    assert NATIONALITIES["Nigerian"] == "Nigeria"  # beyond the former quote list


def test_bad_data_rows_are_reported():
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-3 code"):
        ct.parse_row({"iso3": "XYZ", "kind": "country", "name": "Nowhere"}, "line 9: ")
    with pytest.raises(ValueError, match="line 9: kind"):
        ct.parse_row({"iso3": "", "kind": "planet", "name": "Mars"}, "line 9: ")


@pytest.mark.parametrize(
    "word, code",
    [
        ("Kazakhstan", "KAZ"),
        ("Kazakh", "KAZ"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("Emiratis", "ARE"),
        ("United Arab Emirates", "ARE"),
        ("UAE", "ARE"),
        ("Russian Federation", "RUS"),
        ("Viet Nam", "VNM"),
        ("Bhutan", "BTN"),
        ("European Union", None),
        ("Atlantis", None),
    ],
)
def test_every_way_of_naming_a_country_maps_to_one_iso_code(word, code):
    assert ct.iso3(word) == code


def test_names_come_from_pycountry_and_codes_round_trip():
    assert "Russian Federation" in next(c for c in ct.countries() if c.name == "Russia").aliases
    assert ct.name_of("kaz") == "Kazakhstan" and ct.name_of("ZZZ") is None
    assert "Jersey" in next(c for c in ct.countries() if c.iso3 == "JEY").ambiguous
