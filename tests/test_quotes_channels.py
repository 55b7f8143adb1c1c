"""Channels of quotations: the phrases that name them, their normal form, and what a quotation
inherits when its own sentence names none (made-up sentences, no real article)."""

import pytest

from analysis.quotes import find_quotes
from analysis.quotes.channels import find_channel, is_event, normalise_channel


@pytest.mark.parametrize(
    "sentence, channel",
    [
        ("In a statement, the ministry said it would appeal.", "statement"),
        ("In a strongly worded statement released on Monday, the union said no.", "statement"),
        ("In a video message to supporters, she said it was over.", "message"),
        ("In a post on X, he wrote that he would run.", "X"),
        ("He said in an interview with the BBC that it was over.", "BBC"),
        ("Jan Kowal told reporters on Monday that he would resign.", "reporters"),
        ("Jan Kowal told The Washington Post that he would resign.", "The Washington Post"),
        ("Ana Lima spoke during a Senate hearing on Tuesday.", "Senate hearing"),
        ("She spoke at a campaign rally in Ohio.", "campaign rally"),
        ("At a press conference on Monday, he said so.", "press conference"),
        ("He shared the news on TikTok.", "TikTok"),
        # no channel: idioms and nouns that are no speech event
        ("In the event of a strike, the plant closes.", None),
        ("At the end of the meeting, nobody spoke.", None),
        ("Jan Kowal told his brother the news.", None),
    ],
)
def test_find_channel(sentence, channel):
    assert find_channel(sentence) == channel


@pytest.mark.parametrize(
    "raw, normal",
    [
        ("a statement", "statement"),
        ("the  White House dinner", "White House dinner"),
        ("CNN.", "CNN"),
        ("The Washington Post", "The Washington Post"),
        ("U.S.", "U.S."),
        ("Axios. Then", "Axios"),
    ],
)
def test_normalise_channel(raw, normal):
    assert normalise_channel(raw) == normal


def test_events_are_settings_and_statements_are_not():
    assert is_event("White House dinner") and is_event("press conference")
    assert not is_event("statement") and not is_event("Al Jazeera") and not is_event(None)


def channels(text):
    return [(q.text, q.channel) for q in find_quotes(text)]


def test_event_stays_the_scene_of_the_paragraph():
    text = (
        "Jan Kowal spoke to donors during a charity dinner in Lagos. Kowal said the fund "
        "\u201cwill double next year.\u201d Ana Lima, also present, added that the city "
        "\u201cwill match every gift.\u201d"
    )
    assert [c for _, c in channels(text)] == ["charity dinner", "charity dinner"]


def test_a_speakers_own_channel_does_not_pass_to_another_speaker():
    text = (
        "In a post on X, Jan Kowal called the plan \u201ca disgrace.\u201d Ana Lima "
        "said the plan \u201cwill pass anyway.\u201d"
    )
    assert [c for _, c in channels(text)] == ["X", None]


def test_a_new_channel_ends_the_scene():
    text = (
        "Jan Kowal spoke during a charity dinner. Ana Lima later told reporters it was "
        "a success. Tom Ferris said the dinner was \u201ctoo long by far.\u201d"
    )
    assert [c for _, c in channels(text)] == [None]


def test_echo_takes_the_channel_of_the_quotation_it_repeats():
    text = (
        "In a post on X, Jan Kowal promised \u201ca new era of honest budgets.\u201d\n"
        "Critics doubt that this \u201chonest budgets\u201d era will last."
    )
    got = find_quotes(text)
    assert got[1].kind == "echo" and got[1].speaker == "Jan Kowal"
    assert [q.channel for q in got] == ["X", "X"]
