"""Automatic population and GDP claims: detection, lookalikes, World Bank verdicts, the register
as override, the `claims` and `register` commands, and the floor on the dev benchmark."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis import paths
from analysis.article import Article, Metadata
from analysis.claims import check_claims, load_register
from analysis.claims.auto import find_claims
from analysis.claims.benchmark_io import predict_file
from analysis.claims.draft import draft_entries, write_draft
from analysis.claims.tolerance import claim_interval
from analysis.claims.world import latest_published_year
from analysis.cli import main
from analysis.errors import InputError
from analysis.numbers import extract_numbers
from analysis.reference import load_facts, load_world


def _article(text: str, published=dt.date(2024, 3, 1)) -> Article:
    return Article.from_text(text, slug="made-up", metadata=Metadata(published=published))


def _found(text: str, published=dt.date(2024, 3, 1)) -> pd.DataFrame:
    article = _article(text, published)
    return find_claims(article, extract_numbers(article))


def test_claims_read_subject_metric_and_period_from_the_words():
    text = (
        "Kenya, a nation of about 50 million people, has a $110 billion economy. "
        "Nairobi has 4.4 million residents. Japan's population stood at 125.5 million as of Oct. 1, 2021."
    )
    found = _found(text).set_index("text")
    assert found.loc["about 50 million", ["is_claim", "subject_iso3", "metric", "period"]].tolist() == [
        True,
        "KEN",
        "population",
        "current",
    ]
    assert found.loc["$110 billion", ["is_claim", "subject_iso3", "metric"]].tolist() == [True, "KEN", "gdp_usd"]
    assert found.loc["125.5 million", ["subject_iso3", "period"]].tolist() == ["JPN", "2021"]
    assert not found.loc["4.4 million", "is_claim"]  # Nairobi is no country
    assert found.loc["about 50 million", "metric_words"] == "nation of"


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("Brazil is home to nearly 200 million Catholics.", "religious group"),
        ("Germany's economy will reach $5 trillion by 2027.", "forecast"),
        ("Apple's market capitalisation crossed $3 trillion, more than France's economy.", "market"),
        ("Italy's debt stood at $3.1 trillion last year.", "debt"),
        ("Egypt's GDP per capita is $3.5 million, a misprint for thousands.", "per-capita"),
        ("Japan's nominal GDP was 591 trillion yen.", "not US dollars"),
        ("Kenya's population rose by 1.2 million last year.", "change"),
        ("The elderly population of China reached 209 million.", "age group"),
        ("Mexico City's population of 9 million is growing.", "no country"),
    ],
)
def test_lookalikes_are_set_aside_with_a_reason(sentence, why):
    found = _found(sentence)
    assert not found.empty and not found["is_claim"].any(), found
    assert why in found["why_not"].iloc[0]


def test_one_hedge_table_over_means_at_least_and_not_far_above():
    assert claim_interval(70, "at_least", None)[:2] == (70, pytest.approx(77))
    assert claim_interval(20e6, "approx", 1e6)[:2] == (pytest.approx(18e6), pytest.approx(22e6))
    assert claim_interval(2e6, "at_most", 1e6)[:2] == (pytest.approx(1.8e6), 2e6)
    # a bare one-digit amount is rounding capped at 10%; durations and shares keep their digit's rounding
    assert claim_interval(2e12, None, 1e12, "USD")[:2] == (pytest.approx(1.8e12), pytest.approx(2.2e12))
    assert claim_interval(30, None, 10, "years")[:2] == (25, pytest.approx(35))


def test_world_bank_year_for_a_claim_about_the_present():
    assert latest_published_year(dt.date(2023, 12, 17)) == 2022  # 2023 figures appear mid-2024
    assert latest_published_year(dt.date(2023, 6, 22)) == 2021
    assert latest_published_year(None) is None
    pop = load_world("population")
    zmb_2021 = float(pop[(pop["iso3"] == "ZMB") & (pop["year"] == 2021)]["value"].iloc[0])
    article = _article("Zambia, a nation of 19.6 million inhabitants, is in debt talks.", dt.date(2023, 6, 22))
    numbers = extract_numbers(article)
    _, claims = check_claims(article, numbers, load_facts(), register="/nonexistent" if False else None)
    row = claims.iloc[0]
    assert (row["origin"], row["basis"], row["reference_year"], row["verdict"]) == (
        "automatic",
        "World Bank",
        2021,
        "supported",
    )
    assert row["reference_value"] == pytest.approx(zmb_2021, rel=1e-9)
    assert "SP.POP.TOTL" in row["source_org"] and row["url"].endswith("SP.POP.TOTL?locations=ZM")


def test_a_wrong_figure_is_contradicted_and_a_stated_year_is_used():
    article = _article("In 2021, Saudi Arabia's GDP reached $1.7 trillion.", dt.date(2022, 5, 1))
    _, claims = check_claims(article, extract_numbers(article), load_facts())
    row = claims.iloc[0]
    assert (row["subject_iso3"], row["metric"], row["reference_year"], row["verdict"]) == (
        "SAU",
        "gdp_usd",
        2021,
        "contradicted",
    )


def test_no_reference_when_nothing_is_on_file(tmp_path):
    import shutil

    shutil.copy(paths.REFERENCE / "metrics.csv", tmp_path / "metrics.csv")
    (tmp_path / "world").mkdir()
    for name in ("population.csv", "gdp.csv"):
        (tmp_path / "world" / name).write_text(
            "Country Name,Country Code,Year,Value\nAruba,ABW,2020,100000\n", encoding="utf-8"
        )
    (tmp_path / "facts.csv").write_text(
        (paths.REFERENCE / "facts.csv").read_text(encoding="utf-8").splitlines()[0]
        + "\nx,Aruba,population,100000,,,exact,people,2020,2020,Office,,,,high,\n",
        encoding="utf-8",
    )
    article = _article("Kenya, a nation of about 50 million, is growing.", dt.date(2024, 3, 1))
    _, claims = check_claims(article, extract_numbers(article), load_facts(tmp_path), reference_dir=tmp_path)
    assert claims["verdict"].tolist() == ["no reference"]
    assert "data/reference/facts.csv" in claims["explanation"].iloc[0]


def test_register_overrides_drops_and_adds(tmp_path):
    text = (
        "Kenya, a nation of about 50 million, has a $110 billion economy. "
        "Uganda has 48 million people, a census found in 2024."
    )
    article = _article(text)
    numbers = extract_numbers(article)
    _, auto = check_claims(article, numbers, load_facts(), register=None)
    assert set(auto["origin"]) == {"automatic"} and len(auto) == 3
    reg = tmp_path / "reg.yaml"
    reg.write_text(
        "claims:\n"
        "  - {id: R1, mention: about 50 million, subject: Kenya, metric: population, period: '2023'}\n"
        "  - {id: R2, mention: $110 billion, drop: true, note: a forecast in the source}\n",
        encoding="utf-8",
    )
    _, claims = check_claims(article, numbers, load_facts(), register=reg)
    assert claims[["claim_id", "origin"]].values.tolist() == [["R1", "register"], ["A03", "automatic"]]
    assert claims.iloc[0]["reference_year"] == 2023
    with pytest.raises(InputError, match="a 'drop' entry takes only"):
        reg.write_text("claims:\n  - {id: R2, mention: $110 billion, drop: true, metric: gdp_usd}\n", encoding="utf-8")
        load_register(reg)


def test_register_keeps_the_default_articles_verdicts(seed_article):
    numbers = extract_numbers(seed_article)
    facts = load_facts()
    _, only = check_claims(seed_article, numbers, facts, automatic=False)
    _, both = check_claims(seed_article, numbers, facts)
    merged = only.merge(both, on="claim_id", suffixes=("_reg", ""))
    assert len(merged) == len(only) == 22
    assert (merged["verdict_reg"].fillna("-") == merged["verdict"].fillna("-")).all()
    assert set(both["origin"]) == {"register"}
    c04 = both.set_index("claim_id").loc["C04"]
    assert c04["basis"] == "facts.csv" and c04["world_bank_verdict"] == "supported" and c04["world_bank_year"] == 2024


def test_the_default_article_without_its_register(seed_article, tmp_path):
    """Register set aside: the automatic claims find the register's non-poll claims with the
    subject, metric and period it gives (17 of 20 measured), and check them as it does."""
    from analysis.claims.register import locate_claims, register_path
    from analysis.claims.subjects import subject_key

    empty = tmp_path / "empty.yaml"
    empty.write_text("claims: []\n", encoding="utf-8")
    numbers = extract_numbers(seed_article)
    located, auto = check_claims(seed_article, numbers, load_facts(), register=empty)
    _, reg = check_claims(seed_article, numbers, load_facts(), automatic=False)
    entries = locate_claims(load_register(register_path(seed_article)), seed_article, numbers)
    entries = entries[entries["topic"] != "polls"]
    assert len(entries) == 20
    found = located.set_index("mention_id")
    matched = []
    for _, e in entries.iterrows():
        if e["mention_id"] not in found.index:
            continue
        a, want, got = found.loc[e["mention_id"]], e["_period"], found.loc[e["mention_id"], "_period"]
        same_period = want.mode == "unstated" or (want.mode, want.start_iso, want.end_iso) == (
            got.mode,
            got.start_iso,
            got.end_iso,
        )
        if (
            subject_key(a["subject"]) == subject_key(e["subject"])
            and a["metric"] in e["metrics"].split(";")
            and same_period
        ):
            matched.append(e["claim_id"])
    assert len(matched) >= 15, matched
    assert {"C01", "C04", "C08"} <= set(matched)
    assert set(auto["origin"]) == {"automatic"} and auto["mention_id"].isin(entries["mention_id"]).all()
    verdicts = reg.set_index("mention_id")["verdict"]
    same = [m for m in auto["mention_id"] if auto.set_index("mention_id").loc[m, "verdict"] == verdicts.loc[m]]
    assert len(same) >= len(auto) - 1  # '15 months': the register adds the event that ends the war


def test_other_metrics_need_signal_words_and_a_subject():
    text = (
        "Chile's war with its neighbour began in 1879. The capital has 300 schools. "
        "Peru said 1,500 soldiers were killed in the first battle. In Peru 40% of residents face acute food insecurity. "
        "Officials said that 98 percent of the refugees are Sunni Muslims."
    )
    found = _found(text, dt.date(2025, 1, 1)).set_index("text")
    assert "300" not in found.index or not found.loc["300", "is_claim"]  # no word says what it measures
    assert found.loc["1,500", ["is_claim", "metric", "subject", "period"]].tolist() == [True, "killed", "Peru", ""]
    assert found.loc["40%", ["metric", "subject", "period"]].tolist() == ["ipc_phase3plus_share_pct", "Peru", "current"]
    assert "98 percent" not in found.index  # a share of a group, not of a country's people


def test_an_unseen_article_gets_automatic_claims_and_checks_without_any_file(shared):
    from analysis.pipeline import claim_tables

    docs = [
        json.loads(line)
        for line in (shared / "benchmarks" / "claims" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    doc = next(d for d in docs if d["doc_id"].endswith("saudiexpat-trillion-club-2022"))
    article = Article.from_text(
        doc["text"], slug="unseen", metadata=Metadata(published=dt.date.fromisoformat(doc["published"]))
    )
    tables = claim_tables(article)
    claims, checks = tables["claims"], tables["consistency"]
    assert len(claims) >= 3 and set(claims["origin"]) == {"automatic"}
    assert set(claims["basis"]) == {"World Bank"} and claims["reference_year"].notna().all()
    assert not checks.empty  # e.g. the weekday of 'Monday, August 15, 2022'
    assert set(tables["sources"]["tables"]) == {"world"}


def test_the_draft_register_loads_and_keeps_the_automatic_readings(seed_article, tmp_path):
    from analysis.claims.register import locate_claims

    out = tmp_path / "draft.yaml"
    message = write_draft(paths.ARTICLES / f"{seed_article.slug}.txt", out)  # from the text alone
    assert "automatic claim" in message
    entries = load_register(out)
    numbers = extract_numbers(seed_article)
    located = locate_claims(entries, seed_article, numbers).set_index("mention_id")
    empty = tmp_path / "none.yaml"
    empty.write_text("claims: []\n", encoding="utf-8")
    auto = check_claims(seed_article, numbers, load_facts(), register=empty)[0].set_index("mention_id")
    assert len(entries) == len(auto) >= 15
    for mid, a in auto.iterrows():  # the same subject, metric and period when read back as a register
        r = located.loc[mid]
        assert (r["subject"], r["metric"]) == (a["subject"], a["metric"])
        assert (r["_period"].mode, r["_period"].start_iso, r["_period"].end_iso) == (
            a["_period"].mode,
            a["_period"].start_iso,
            a["_period"].end_iso,
        ), mid
