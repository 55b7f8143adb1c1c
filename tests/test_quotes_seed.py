"""The seed article against the hand annotations in ../shared/gold/seed_quotes.jsonl."""
import json

import pytest

from analysis.quotes import extract_quotes


@pytest.fixture(scope="module")
def gold(shared):
    line = (shared / "gold" / "seed_quotes.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)


@pytest.fixture(scope="module")
def quotes(seed_article):
    return extract_quotes(seed_article)


def test_all_twenty_spans_exact(gold, quotes):
    assert [(q["start"], q["end"]) for q in gold["quotes"]] == list(
        zip(quotes["start"], quotes["end"]))


def test_all_twenty_canonical_speakers(gold, quotes):
    assert [q["speaker_canonical"] for q in gold["quotes"]] == list(quotes["speaker"])


def test_hard_cases(gold, quotes):
    by_text = {t: row for t, row in zip(quotes["text"], quotes.itertuples())}
    statement = next(q for q in gold["quotes"] if q["speaker"] == "The statement")
    assert by_text[statement["text"]].speaker == "Hamas"
    assert by_text[statement["text"]].speaker_mention == "The statement"
    slogan = next(q for q in gold["quotes"] if q["speaker"] == "his")
    assert by_text[slogan["text"]].speaker_mention == "his"
    assert by_text[slogan["text"]].kind == "slogan"
    echo = by_text["club of strength"]
    assert echo.kind == "echo" and echo.speaker == "Donald Trump"


def test_types_and_affiliations(gold, quotes):
    assert [q["speaker_type"] for q in gold["quotes"]] == list(quotes["speaker_type"])
    assert [q["affiliation"] for q in gold["quotes"]] == list(quotes["affiliation"])
    assert [q["quote_kind"] for q in gold["quotes"]] == list(quotes["kind"])
