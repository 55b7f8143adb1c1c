"""The shared country table: parsing, lookups, and its use by polls and quotes."""
from __future__ import annotations

import pytest

from analysis import countries as ct
from analysis.polls import lexicon as poll_lexicon
from analysis.quotes.lexicon import NATIONALITIES


def test_table_rows_are_unique_and_complete():
    table = ct.countries_table()
    assert list(table.columns) == ct.COUNTRY_COLUMNS
    assert table["name"].is_unique and len(table) >= 150
    assert set(table["kind"]) == {"country", "bloc", "region"}
    assert (table.loc[table["kind"] == "country", "adjectives"] != "").sum() >= len(table) - 3


@pytest.mark.parametrize("word, name", [
    ("UAE", "United Arab Emirates"), ("Emiratis", "United Arab Emirates"), ("Canadians", "Canada"),
    ("Britons", "United Kingdom"), ("British", "United Kingdom"), ("Turks", "Turkey"),
    ("Frenchmen", "France"), ("Swiss", "Switzerland"), ("U.S.", "United States"),
    ("Arabs", "Arab region"), ("Filipinos", "Philippines"), ("Atlantis", None),
])
def test_canonical_handles_names_demonyms_and_plurals(word, name):
    assert ct.canonical(word) == name


@pytest.mark.parametrize("word, pattern_matches, plural_ok", [
    ("Emirati", "Emiratis", True), ("Lebanese", "Lebaneses", False), ("Frenchman", "Frenchmen", True),
])
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


def test_bad_table_line_is_reported():
    with pytest.raises(ValueError, match="expected 4 cells"):
        ct._parse_line("Nowhere | Nowherian")
