"""Numeric and dated mentions: made-up sentences for each kind and hedge, and the seed's gold."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from analysis.article import Article, Metadata
from analysis.numbers import extract_numbers, parse_amount, words_to_number

PUBLISHED = dt.date(2025, 11, 7)  # a Friday


def mentions(text: str, published: dt.date | None = PUBLISHED):
    return extract_numbers(Article.from_text(text, metadata=Metadata(published=published)))


def one(text: str, published: dt.date | None = PUBLISHED) -> dict:
    df = mentions(text, published)
    assert len(df) == 1, df[["text", "kind"]].to_dict("records")
    return df.iloc[0].to_dict()


@pytest.mark.parametrize(
    "text, mention, value, unit, hedge",
    [
        ("Trade reached over $3 billion in total.", "over $3 billion", 3e9, "USD", "over"),
        ("It cost approximately $500 million.", "approximately $500 million", 5e8, "USD", "approximately"),
        ("A deal worth US$1.5bn was signed.", "US$1.5bn", 1.5e9, "USD", None),
        ("Sales were 20 million euros.", "20 million euros", 2e7, "EUR", None),
    ],
)
def test_money(text, mention, value, unit, hedge):
    m = one(text)
    assert (m["text"], m["value"], m["unit"], m["hedge"], m["kind"]) == (mention, value, unit, hedge, "money")
    assert text[m["start"] : m["end"]] == mention


@pytest.mark.parametrize(
    "text, mention, value, hedge, bound",
    [
        ("Roughly 70% agreed.", "Roughly 70%", 70.0, "roughly", "approx"),
        ("Nearly 45 percent said no.", "Nearly 45 percent", 45.0, "nearly", "at_most"),
        ("More than 12.5 per cent voted.", "More than 12.5 per cent", 12.5, "more than", "at_least"),
    ],
)
def test_percentages_and_hedges(text, mention, value, hedge, bound):
    m = one(text)
    assert (m["text"], m["value"], m["unit"], m["hedge"], m["bound"]) == (mention, value, "percent", hedge, bound)


@pytest.mark.parametrize(
    "text, mention, value, unit",
    [
        ("The city has about 20 million people.", "about 20 million", 2e7, "people"),
        ("Over 43,000 Palestinian lives were lost.", "Over 43,000", 43000.0, "people"),
        ("The blast displaced nearly 2 million.", "nearly 2 million", 2e6, "people"),
        ("They bought six potential sites.", "six", 6.0, "count"),
        ("Up to twenty-five boats left.", "Up to twenty-five", 25.0, "count"),
        ("It sold a million copies.", "a million", 1e6, "count"),
    ],
)
def test_counts_with_scale_words_and_spelled_numbers(text, mention, value, unit):
    m = one(text)
    assert (m["text"], m["value"], m["unit"], m["kind"]) == (mention, value, unit, "count")


@pytest.mark.parametrize(
    "text, mention, value, unit, hedge",
    [
        ("Over the past three decades, ties grew.", "three decades", 30.0, "years", "over the past"),
        ("Given its 33-year history, little changed.", "33-year", 33.0, "years", None),
        ("It ended after 15 months of war.", "15 months", 15.0, "months", None),
    ],
)
def test_durations(text, mention, value, unit, hedge):
    m = one(text)
    assert (m["text"], m["value"], m["unit"], m["hedge"], m["kind"]) == (mention, value, unit, hedge, "duration")


def test_ordinals_keep_ranks_and_drop_adverbs_and_titles():
    df = mentions("It is the fifth nation to join. The pact, first unveiled then, met the First Lady.")
    assert list(df["text"]) == ["fifth"] and df.iloc[0]["value"] == 5 and df.iloc[0]["unit"] == "ordinal"


@pytest.mark.parametrize(
    "text, mention, value, kind",
    [
        ("Announced on November 6, 2025, the deal held.", "November 6, 2025", "2025-11-06", "date"),
        ("It began on 7 October 2023 at dawn.", "7 October 2023", "2023-10-07", "date"),
        ("Ties began in 1992 already.", "1992", "1992", "year"),
        ("Prices fell in March 2024 sharply.", "March 2024", "2024-03", "month"),
        ("Hamas spoke on Friday against it.", "on Friday", "2025-11-07", "weekday"),
        ("A truce was brokered last month.", "last month", "2025-10", "relative_date"),
        ("He resigned two weeks ago quietly.", "two weeks ago", "2025-10-24", "relative_date"),
        ("She left yesterday morning.", "yesterday", "2025-11-06", "relative_date"),
        ("The vote on Sept. 11 mattered.", "Sept. 11", "2025-09-11", "date"),
    ],
)
def test_dates_resolved_against_published(text, mention, value, kind):
    m = one(text)
    assert (m["text"], m["value"], m["kind"]) == (mention, value, kind)


def test_offset_between_events():
    m = one("This comes one day after the summit.")
    assert (m["text"], m["value"], m["unit"], m["relation"], m["kind"]) == (
        "one day after",
        1.0,
        "days",
        "after",
        "relative_offset",
    )


def test_relative_dates_stay_unresolved_without_published_date():
    df = mentions("He spoke on Monday about last month.", published=None)
    assert list(df["text"]) == ["on Monday", "last month"]
    assert df["value"].isna().all()


def test_labels_and_glued_numbers_are_not_quantities():
    df = mentions("Under Article 5, F-35 jets and COVID-19 rules apply to 3 firms.")
    assert dict(zip(df["text"], df["kind"])) == {"5": "label", "3": "count"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Shares in the S&P 500 fell 2% on the day.", "500"),
        ("Half of all Fortune 500 companies now report it.", "500"),
        ("The airline grounded its Boeing 737 fleet for a week.", "737"),
        ("He left Formula 1 racing in the spring.", "1"),
        ("The index, like the FTSE 100, slipped.", "100"),
        ("Leaders of the Big Four firms met the regulator.", "Four"),
    ],
)
def test_numbers_inside_capitalised_names_are_labels(text, name):
    df = mentions(text)
    kinds = dict(zip(df["text"], df["kind"]))
    assert kinds[name] == "label", kinds
    assert not df[df["text"] == name]["unit"].any()


def test_acronym_names_opening_a_sentence_are_labels_and_plain_openers_are_not():
    df = mentions("S&P 500 futures rose. Over 500 people came. Twenty people died. Kazakhstan's 20 towns voted.")
    assert list(zip(df["text"], df["kind"])) == [
        ("500", "label"),
        ("Over 500", "count"),
        ("Twenty", "count"),
        ("20", "count"),
    ]


def test_counts_after_months_and_with_separators_stay_counts():
    df = mentions("By May 2026, Israel 1,200 and Gaza 3.5 were quoted; in March 40 people left.")
    kinds = dict(zip(df["text"], df["kind"]))
    assert kinds["1,200"] == "count" and kinds["3.5"] == "count" and kinds["40"] == "count"


@pytest.mark.parametrize(
    "text, mention, kind",
    [
        ("The 10-year Treasury yield rose to 4.5%.", "10-year", "label"),
        ("Investors sold the 30-year Bund.", "30-year", "label"),
        ("The Five-Year Plan set new targets.", "Five-Year", "label"),
        ("Given its 33-year history, the pact holds.", "33-year", "duration"),
        ("His 40-year Senate career ended.", "40-year", "duration"),
        ("The 30-year Soviet occupation ended.", "30-year", "duration"),
        ("Bonds of 10 years Treasury-backed matured.", "10 years", "duration"),
    ],
)
def test_n_year_before_a_security_name_is_part_of_the_name(text, mention, kind):
    row = mentions(text).set_index("text").loc[mention]
    assert row["kind"] == kind
    assert (row["unit"] == "years") == (kind == "duration")


def test_parse_amount_precision():
    assert parse_amount("43,000") == (43000.0, 1000.0)
    assert parse_amount("1.5", "billion") == (1.5e9, 1e8)
    assert parse_amount("twenty") == (20.0, 10.0)
    assert words_to_number("two hundred and ten") == 210


# --- the seed article against the hand annotations ------------------------------------------

# Hand-checked: every numeric or dated expression of the seed that is not one of the gold claims,
# as (text, kind), read off the article by a person. "first unveiled" (an adverb), "one American
# Thinker analysis" / "one where" (pronoun uses) and "mere months" (no number) are not mentions.
SEED_OTHER_MENTIONS = [
    ("on Friday", "weekday"),  # Hamas's rebuke "on Friday"
    ("one day after", "relative_offset"),  # "just one day after U.S. President Donald Trump heralded ..."
    ("first", "ordinal"),  # "the first from outside the Arab world"
    ("two", "count"),  # "the two countries"
    ("2024", "year"),  # "In 2024, bilateral trade reached ..."
    ("October 7, 2023", "date"),  # "post-October 7, 2023, international isolation"
    ("second", "ordinal"),  # "the second administration"
    ("last month", "relative_date"),  # the ceasefire "brokered last month"
    ("2020", "year"),  # "the 2020 accords' backlash"
    ("2020", "year"),  # "surged 40% since 2020"
]
REAL_KINDS = {
    "money",
    "percent",
    "fraction",
    "count",
    "ordinal",
    "duration",
    "age",
    "year",
    "decade",
    "date",
    "month",
    "weekday",
    "relative_date",
    "relative_offset",
    "time",
}


def real_mentions(numbers, gold_claims: list[dict], others: list[tuple[str, str]]):
    """(real, unmatched hand items): which listed mentions are gold claims (same span) or match
    one hand-listed (text, kind) each."""
    spans = {(c["start"], c["end"]) for c in gold_claims}
    left = list(others)
    real = []
    for _, m in numbers.iterrows():
        if (m["start"], m["end"]) in spans:
            real.append(True)
        elif (m["text"], m["kind"]) in left:
            left.remove((m["text"], m["kind"]))
            real.append(True)
        else:
            real.append(False)
    return real, left


@pytest.fixture(scope="module")
def gold(shared):
    return json.loads((shared / "gold" / "seed_claims.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_numbers(seed_article):
    return extract_numbers(seed_article)


def test_all_gold_claims_found_with_span_and_value(gold, seed_numbers):
    for claim in gold["claims"]:
        hit = seed_numbers[(seed_numbers["start"] == claim["start"]) & (seed_numbers["end"] == claim["end"])]
        assert len(hit) == 1, f"{claim['claim_id']} {claim['text']!r} not found with its span"
        value = hit.iloc[0]["value"]
        if isinstance(claim["value"], str):
            assert value == claim["value"], claim["claim_id"]
        else:
            assert float(value) == pytest.approx(float(claim["value"])), claim["claim_id"]
        assert hit.iloc[0]["hedge"] == (claim["hedge"].lower() if claim["hedge"] else None), claim["claim_id"]


def test_seed_mentions_are_real(gold, seed_numbers, seed_article):
    """Precision: at least 95% of listed mentions are gold claims or hand-listed numeric/dated
    expressions (text and kind), every listed kind is a numeric or dated kind (no labels), the
    hand list is found in full, the offsets are exact, and every mention that overlaps a gold
    claim has the gold span (no split or merged mention)."""
    spans = {(c["start"], c["end"]) for c in gold["claims"]}
    others = seed_numbers[[(s, e) not in spans for s, e in zip(seed_numbers["start"], seed_numbers["end"])]]
    assert set(others["kind"]) <= REAL_KINDS, others[["text", "kind"]].to_dict("records")
    real, missed = real_mentions(seed_numbers, gold["claims"], SEED_OTHER_MENTIONS)
    precision = sum(real) / len(real)
    assert precision >= 0.95, [t for t, ok in zip(seed_numbers["text"], real) if not ok]
    assert not missed, f"hand-listed mentions not found: {missed}"
    for _, m in seed_numbers.iterrows():
        assert seed_article.text[m["start"] : m["end"]] == m["text"]
    for _, m in seed_numbers.iterrows():
        overlapping = {s for s in spans if s[0] < m["end"] and m["start"] < s[1]}
        assert not overlapping or overlapping == {(m["start"], m["end"])}, m["text"]


def test_precision_check_catches_a_false_mention(gold, seed_numbers):
    """The precision measure is not tautological: an extra digit label lowers it."""
    fake = seed_numbers.iloc[[0]].assign(text="7", kind="count", start=-1, end=-1)
    real, _ = real_mentions(pd.concat([seed_numbers, fake]), gold["claims"], SEED_OTHER_MENTIONS)
    assert real[-1] is False and sum(real) == len(real) - 1


def test_misprinted_dollar_sign_before_a_large_scale_word():
    from analysis.numbers.quantities import find_money

    found = [
        (m.text, m.value, m.unit)
        for m in find_money("Japan (S4.2 trillion), SR4.155 trillion, S 3 and Smith 5 million")
    ]
    assert found == [("S4.2 trillion", 4.2e12, "USD")]
