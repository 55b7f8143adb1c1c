"""Canonical speakers: gender agreement from first names, organisations for "it", acronyms."""

from analysis.quotes.extract import find_quotes
from analysis.quotes.lexicon import FIRST_NAMES
from analysis.quotes.speakers import Registry, Speaker, is_org_like, name_gender


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, reported=True)]


def test_first_names_give_gender():
    assert FIRST_NAMES["sandra"] == "female" and FIRST_NAMES["robert"] == "male"
    assert name_gender("Sandra Smith") == "female"
    assert name_gender("Smith") is None  # a surname alone says nothing


def test_she_skips_the_man_named_last():
    text = (
        'Sandra Olsen runs the shelter. Robert Kane, the mayor, visited on Monday. "We are full every night," she said.'
    )
    assert _speakers(text)[-1] == "Sandra Olsen"


def test_he_follows_the_latest_speaker():
    text = (
        "Jane Roe opened the meeting. Council member Peter Vance said the budget was late. "
        '"We cannot wait any longer," he said.'
    )
    assert _speakers(text)[-1] == "Peter Vance"


def test_it_refers_to_an_organisation_named_like_a_person():
    text = (
        "Storms hit the coast on Saturday. Northgate Hydro said in a statement that "
        'thousands of homes lost power. "Crews are working around the clock," it said.'
    )
    assert _speakers(text)[-1] == "Northgate Hydro"
    assert is_org_like(Speaker("Northgate Hydro", "person"))
    assert not is_org_like(Speaker("Peter Vance", "person"))


def test_acronym_names_the_organisation_spelled_out():
    reg = Registry("The Coastal Water Authority (CWA) closed the beach. The CWA said so.")
    assert reg.find_name("CWA").name == "Coastal Water Authority"


def test_her_statement_is_the_person():
    text = 'Anna Berg resigned on Friday. "I leave with my head high," her statement said.'
    assert _speakers(text)[-1] == "Anna Berg"
