"""Finding and parsing poll claims: made-up sentences and the seed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analysis.article import Article, Metadata
from analysis.polls.claims import claimed_range, extract_poll_claims, parse_period


def parse(text: str, published: dt.date | None = None):
    return extract_poll_claims(Article.from_text(text, metadata=Metadata(published=published)))


def test_multiple_populations_give_one_row_per_country():
    claims = parse("Polls in Qatar and Kuwait showed more than 60 percent of respondents rejected the plan.")
    assert list(claims["country"]) == ["Qatar", "Kuwait"]
    assert set(claims["claim_id"]) == {"P1"}
    assert (claims["hedge"] == "over").all() and (claims["value"] == 60).all()
    assert (claims["side"] == "against").all()


def test_demonyms_hedge_word_share_and_topic():
    claims = parse("A 2022 survey of Saudis found that nearly two-thirds oppose normalization with Israel.")
    row = claims.iloc[0]
    assert row["country"] == "Saudi Arabia"
    assert row["hedge"] == "nearly" and row["value"] == pytest.approx(200 / 3)
    assert row["period"] == "2022" and row["side"] == "against"
    assert row["topic"] == "normalization_with_israel"


def test_no_year_gives_no_period():
    claims = parse("About 55% of Jordanians support the treaty, according to a recent poll.")
    row = claims.iloc[0]
    assert row["period"] == "" and row["period_start"] == ""
    assert row["hedge"] == "about" and row["country"] == "Jordan" and row["side"] == "for"
    assert claimed_range(row["value"], row["hedge"]) == pytest.approx((49.5, 60.5))


def test_month_period_and_negation():
    claims = parse(
        "In a survey conducted in March 2023, 48 per cent of Egyptian respondents did not support the agreement."
    )
    row = claims.iloc[0]
    assert row["period"] == "2023-03"
    assert (row["period_start"], row["period_end"]) == ("2023-03-01", "2023-03-31")
    assert row["country"] == "Egypt" and row["side"] == "against" and row["hedge"] == "exact"


def test_relative_year_uses_publication_date():
    claims = parse("A poll last year found 30% of Iraqis backed the deal.", dt.date(2024, 5, 1))
    assert claims.iloc[0]["period"] == "2023"


def test_adjective_after_the_verb_is_not_a_population():
    claims = parse("A poll found 62% of respondents in Lebanon back Palestinian statehood.")
    assert list(claims["country"]) == ["Lebanon"]


def test_anaphor_resolves_to_last_named_agreement_and_reason():
    text = (
        "The Camp David Accords were signed in 1978. A 1979 poll showed over 50% of Egyptians "
        "opposed the accords, citing the fate of the West Bank."
    )
    row = parse(text).iloc[0]
    assert row["object_text"] == "the accords" and row["object_resolved"] == "Camp David Accords"
    assert row["reason"] == "the fate of the West Bank"
    assert row["period"] == "1979"


def test_two_shares_in_one_sentence_are_two_claims_with_offsets():
    text = (
        "A 2022 survey in the UAE found that 71% of respondents viewed the accords negatively, "
        "while 25% viewed them positively."
    )
    claims = parse(text)
    assert list(claims["claim_id"]) == ["P1", "P2"]
    assert list(claims["side"]) == ["against", "for"]
    assert (claims["framing"] == "view").all() and (claims["country"] == "United Arab Emirates").all()
    for row in claims.itertuples():
        assert text[row.start : row.end] == row.text
        assert text[row.share_start : row.share_end] == row.share_text


def test_sentences_without_polls_or_shares_are_ignored():
    assert parse("Exports rose 40% in 2024. The poll was widely discussed.").empty


def test_claimed_range_follows_the_shared_tolerance_table():
    """One table for notebooks 02 and 03: analysis.claims.tolerance.claim_interval."""
    assert claimed_range(70, "over") == pytest.approx((70, 77))
    assert claimed_range(70, "under") == pytest.approx((63, 70))
    assert claimed_range(70, "exact") == pytest.approx((65, 75))
    assert claimed_range(71, "exact") == pytest.approx((70.5, 71.5))
    assert claimed_range(7.5, "exact") == pytest.approx((7.45, 7.55))
    assert claimed_range(70, "nearly") == pytest.approx((63, 70))


def test_period_prefers_years_near_the_poll():
    period = parse_period("The accords, signed in 2020, were opposed by 60% in a 2022 poll.", near=(60,))
    assert period is not None and period.label == "2022"


def test_seed_claim_matches_the_gold_annotation(seed_article, shared):
    gold = json.loads((shared / "gold" / "seed_claims.json").read_text(encoding="utf-8"))["claims"]
    polls = [c for c in gold if c["topic"] == "polls"]
    share = next(c for c in polls if c["unit"] == "percent")
    year = next(c for c in polls if c["unit"] == "year")
    claims = extract_poll_claims(seed_article)
    assert set(claims["claim_id"]) == {"P1"}
    assert list(claims["country"]) == ["United Arab Emirates", "Bahrain"]
    row = claims.iloc[0]
    assert (row["share_start"], row["share_end"]) == (share["start"], share["end"])
    assert row["value"] == share["value"] and row["hedge"] == share["hedge"]
    assert row["period"] == year["text"]
    assert row["text"] == share["sentence"]
    assert row["side"] == "against" and row["topic"] == "abraham_accords"
    assert row["reason"] and row["reason"] in share["sentence"]


@pytest.mark.parametrize(
    "hedge_words, sense",
    [
        ("nearly", "nearly"),
        ("just under", "nearly"),
        ("close to", "about"),
        ("up to", "under"),
        ("at least", "at_least"),
        ("more than", "over"),
        ("roughly", "about"),
    ],
)
def test_hedges_come_from_the_shared_table(hedge_words, sense):
    from analysis.numbers.lexicon import HEDGE_TABLE, HEDGES

    claims = parse(f"A 2022 poll found {hedge_words} 40% of Jordanians opposed the treaty.")
    assert claims.iloc[0]["hedge"] == sense == HEDGE_TABLE[hedge_words].sense
    assert HEDGES[hedge_words] == HEDGE_TABLE[hedge_words].bound  # the numbers reading


def test_abbreviated_month_from_the_shared_month_table():
    claims = parse("A survey in Sept. 2022 found 45% of Iraqis backed the deal.")
    assert claims.iloc[0]["period"] == "2022-09"


@pytest.mark.parametrize(
    "text, country",
    [
        ("A 2023 poll found nearly 60% of Canadians opposed the pipeline.", "Canada"),
        ("A survey showed 55% of Nigerian voters backed the reform.", "Nigeria"),
        ("In a 2022 poll in Brazil, 40% supported the plan.", "Brazil"),
        ("A poll found that 62% of Dutch respondents rejected the treaty.", "Netherlands"),
    ],
)
def test_countries_come_from_the_shared_table(text, country):
    assert list(parse(text)["country"]) == [country]
