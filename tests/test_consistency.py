"""Internal consistency rules: made-up articles for each rule, and K01-K07 of the seed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analysis.article import Article, Metadata
from analysis.claims import check_claims
from analysis.consistency import check_consistency
from analysis.contract import CONTRACT
from analysis.numbers import extract_numbers
from analysis.reference import load_facts


def checks_of(text: str, published=dt.date(2025, 11, 7)):
    article = Article.from_text(text, metadata=Metadata(published=published))
    return check_consistency(article, extract_numbers(article))


def test_ordinal_against_listed_items():
    ok = checks_of(
        "The founding members, Alba, Borduria and Carpania, signed first. Then Dacia became the fourth country to join."
    )
    assert list(ok["verdict"]) == ["consistent"] and "3 + 1 = 4" in ok.iloc[0]["explanation"]
    bad = checks_of(
        "The founding members, Alba, Borduria and Carpania, signed first. Then Dacia became the sixth country to join."
    )
    assert list(bad["verdict"]) == ["inconsistent"]
    open_list = checks_of(
        "Other countries, such as Alba, Borduria and Carpania, may follow. Dacia was the sixth country to join."
    )
    assert open_list.empty


def test_offset_against_weekday_and_written_date():
    ok = checks_of(
        "Rebels attacked on Friday. The raid came two days after the talks. The talks took place on November 5, 2025."
    )
    assert list(ok["verdict"]) == ["consistent"]
    bad = checks_of(
        "Rebels attacked on Friday. The raid came one day after the talks. The talks took place on November 3, 2025."
    )
    assert list(bad["verdict"]) == ["inconsistent"] and "3 days off" in bad.iloc[0]["explanation"]


def test_weekday_written_next_to_a_date():
    bad = checks_of("The vote was held on Monday, November 6, 2025, in the capital.")
    assert "inconsistent" in set(bad["verdict"]) and "Thursday" in " ".join(bad["explanation"])


def test_derived_share_of_a_total():
    checks = checks_of("A country of about 10 million people, where roughly 40% live in cities.")
    row = checks.iloc[0]
    assert row["verdict"] == "derived" and "4 million" in row["explanation"]


# --- the seed: K01-K07 of the gold file ---------------------------------------------------


@pytest.fixture(scope="module")
def seed_checks(seed_article):
    numbers = extract_numbers(seed_article)
    facts = load_facts()
    located, claims = check_claims(seed_article, numbers, facts)
    checks = check_consistency(seed_article, numbers, located, claims, facts)
    return checks, located


# The rule (checks.csv `rule`) that should carry each gold check, read by hand from the gold
# file's wording: matching on the rule as well as the claims keeps, e.g., K06 (one day after, claims
# [C02]) from being answered by a year-arithmetic check that also reads C02.
GOLD_RULES = {
    "K01": "year arithmetic",
    "K02": "durations agree",
    "K03": "ordinal vs listed items",
    "K04": "duration vs dates",
    "K05": "outdated figure",
    "K06": "offset vs dates",
    "K07": "derived quantity",
}


def test_seed_checks_come_out_as_listed(shared, seed_checks):
    gold = json.loads((shared / "gold" / "seed_claims.json").read_text(encoding="utf-8"))
    checks, located = seed_checks
    span_to_id = {(r["start"], r["end"]): r["claim_id"] for _, r in located.iterrows()}
    gold_ids = {c["claim_id"]: span_to_id[(c["start"], c["end"])] for c in gold["claims"]}
    assert set(GOLD_RULES) == {k["check_id"] for k in gold["consistency_checks"]}
    for k in gold["consistency_checks"]:
        wanted = {gold_ids[c] for c in k["claims"]}
        holding = checks[
            (checks["rule"] == GOLD_RULES[k["check_id"]])
            & checks["claim_ids"].map(lambda s: wanted <= set(s.split(";")))
        ]
        assert not holding.empty, f"{k['check_id']}: no '{GOLD_RULES[k['check_id']]}' check covers {sorted(wanted)}"
        smallest = holding.loc[holding["claim_ids"].map(lambda s: len(s.split(";"))).idxmin()]
        expected = k["expected"].split()[0]
        assert smallest["verdict"] == expected, f"{k['check_id']}: {smallest['explanation']}"


def test_seed_checks_show_their_arithmetic(seed_checks):
    checks, _ = seed_checks
    assert list(checks.columns[:4]) == CONTRACT["consistency"]
    assert checks["explanation"].str.contains(r"\d").all()
    span = checks[checks["rule"] == "duration vs dates"].iloc[0]["explanation"]
    assert "2025-01-19" in span and "fits" in span  # the reference ceasefire the 15 months match


def test_year_arithmetic_leads_with_the_tolerance(tmp_path):
    """A start year and a span to the present: the explanation names the span the wording allows
    first, then the elapsed years; a span that does not fit shows the sum that misses."""
    text = (
        "Ruritania and Freedonia established relations in 1992. Their 20-year partnership was marked "
        "on November 6, 2025. Three decades of ties, one speaker said."
    )
    article = Article.from_text(text, metadata=Metadata(published=dt.date(2025, 11, 7)))
    body = (
        "claims:\n"
        '  - {id: R1, mention: "1992", subject: Ruritania–Freedonia, metric: diplomatic_relations_established}\n'
        "  - {id: R2, mention: 20-year, subject: Ruritania–Freedonia, metric: diplomatic_relations_duration, "
        "period: current}\n"
        "  - {id: R3, mention: Three decades, subject: Ruritania–Freedonia, metric: diplomatic_relations_duration, "
        "period: current}\n"
    )
    (tmp_path / "register.yaml").write_text(body, encoding="utf-8")
    numbers = extract_numbers(article)
    facts = load_facts()
    located, claims = check_claims(article, numbers, facts, tmp_path / "register.yaml")
    checks = check_consistency(article, numbers, located, claims, facts)
    years = checks[checks["rule"] == "year arithmetic"]
    bad = years[years["claim_ids"].str.contains("R2")].iloc[0]
    good = years[years["claim_ids"].str.contains("R3")].iloc[0]
    assert bad["verdict"] == "inconsistent" and good["verdict"] == "consistent"
    assert good["explanation"].startswith(
        "'Three decades' (rounded: +-5: 25 years to 35 years) covers 1992 to 2025-11-06"
    )
    assert bad["explanation"].startswith("'20-year' (") and "does not cover" in bad["explanation"]
    assert "1992 + 20 years = 2012, not 2025" in bad["explanation"]


def test_ago_against_a_duration_to_now_needs_no_register():
    import datetime as dt

    from analysis.article import Article, Metadata
    from analysis.consistency import check_consistency
    from analysis.numbers import extract_numbers

    text = (
        "The rebels took the city three years ago, and have held it for the past two years. "
        "The firm was founded two years ago. In the 24 months since, it hired 500 people."
    )
    article = Article.from_text(text, metadata=Metadata(published=dt.date(2024, 5, 1)))
    checks = check_consistency(article, extract_numbers(article))
    ago = checks[checks["rule"] == "ago vs duration"]
    assert ago["verdict"].tolist() == ["inconsistent", "consistent"]
    assert "30-42 months" in ago["explanation"].iloc[0]


def test_year_plus_duration_to_now_needs_no_register():
    import datetime as dt

    from analysis.article import Article, Metadata
    from analysis.consistency import check_consistency
    from analysis.numbers import extract_numbers

    text = (
        "The two states set up ties in 1992. Over the past three decades, they traded. "
        "The party was founded in 2001 and has ruled for the past 10 years."
    )
    article = Article.from_text(text, metadata=Metadata(published=dt.date(2025, 11, 7)))
    checks = check_consistency(article, extract_numbers(article))
    years = checks[checks["rule"] == "year arithmetic"]
    assert years["verdict"].tolist() == ["consistent", "inconsistent"]
    assert "2001 + 10 years = 2011, not 2025" in years["explanation"].iloc[1]
