"""Claim registers and verdicts: made-up articles and facts for each verdict, register
validation errors, and the seed's claims."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pandas as pd
import pytest

from analysis import paths
from analysis.article import Article, Metadata
from analysis.claims import VERDICTS, check_claims, load_register, suggest_metrics
from analysis.claims.tolerance import agree, claim_interval
from analysis.errors import InputError
from analysis.numbers import extract_numbers
from analysis.reference import load_facts

HEADER = (
    "fact_id,subject,metric,value,value_low,value_high,qualifier,unit,period_start,period_end,"
    "source_org,source_title,url,via,confidence,notes"
)
FACTS = """\
toll-2024,Ruritania,deaths_cumulative,43020,,,exact,people,2023-10-07,2024-10-28,Health Ministry,,https://example.org/a,,high,
toll-2025,Ruritania,deaths_cumulative,67194,,,exact,people,2023-10-07,2025-10-09,Health Ministry,,https://example.org/b,,high,
pop-2025,Ruritania,population,20286084,,,exact,people,2025-01-01,2025-01-01,Statistics Office,,https://example.org/c,,high,
trade-2023,Ruritania–Freedonia,bilateral_trade_usd,1300000000,,,exact,USD,2023-01-01,2023-12-31,Customs,,https://example.org/d,,medium,
founded,Ruritania,independence_declared,1991-12-16,,,exact,date,1991-12-16,1991-12-16,Archive,,https://example.org/e,,high,
"""
TEXT = (
    "Ruritania, with about 20 million people, declared independence in 1991. The war has claimed over "
    "43,000 lives, officials said last month. In 2024, trade with Freedonia reached $1.3 billion. "
    "Trade had been $1.3 billion in 2023. Independence came in 1995, a rival account says."
)


@pytest.fixture()
def facts(tmp_path):
    (tmp_path / "facts.csv").write_text(HEADER + "\n" + FACTS, encoding="utf-8")
    shutil.copy(paths.REFERENCE / "metrics.csv", tmp_path / "metrics.csv")
    return load_facts(tmp_path)


@pytest.fixture()
def article():
    return Article.from_text(TEXT, slug="ruritania", metadata=Metadata(published=dt.date(2025, 11, 7)))


def register(tmp_path, body: str):
    path = tmp_path / "register.yaml"
    path.write_text("claims:\n" + body, encoding="utf-8")
    return path


ENTRIES = """\
  - {id: A1, mention: about 20 million, subject: Ruritania, metric: population, period: current}
  - {id: A2, mention: "over 43,000", subject: Ruritania, metric: deaths_cumulative, period: {start: "2023-10-07", end: last month}}
  - {id: A3, mention: $1.3 billion, context: In 2024, subject: Freedonia–Ruritania, metric: bilateral_trade_usd, period: "2024"}
  - {id: A4, mention: $1.3 billion, context: in 2023, subject: Ruritania–Freedonia, metric: bilateral_trade_usd, period: "2023"}
  - {id: A5, mention: "1991", subject: Ruritania, metric: independence_declared}
  - {id: A6, mention: "1995", subject: Ruritania, metric: independence_declared}
"""


def test_each_verdict_from_made_up_facts(tmp_path, facts, article):
    numbers = extract_numbers(article)
    _, claims = check_claims(article, numbers, facts, register(tmp_path, ENTRIES))
    verdicts = dict(zip(claims["claim_id"], claims["verdict"]))
    assert verdicts == {
        "A1": "supported",
        "A2": "outdated",
        "A3": "unsupported",
        "A4": "supported",
        "A5": "supported",
        "A6": "contradicted",
    }
    by_id = claims.set_index("claim_id")
    assert by_id.loc["A2", "true_as_of"] == "2024-10-28" and "2024-10-28" in by_id.loc["A2", "explanation"]
    assert by_id.loc["A2", "fact_id"] == "toll-2025"  # the reference for the claim's period
    assert by_id.loc["A3", "fact_id"] == "trade-2023" and "nearest" in by_id.loc["A3", "explanation"]
    assert all(claims["url"].str.startswith("https://")) and claims["source_org"].notna().all()
    assert by_id.loc["A1", "ratio"] == pytest.approx(2e7 / 20286084, rel=1e-3)


def test_tolerance_follows_the_wording():
    lo, hi, _ = claim_interval(100, "approx", 10)
    assert (lo, hi) == (pytest.approx(90), pytest.approx(110))
    lo, hi, _ = claim_interval(43000, "at_least", 1000)
    assert (lo, hi) == (43000, pytest.approx(47300))
    lo, hi, _ = claim_interval(2e6, "at_most", 1e6)
    assert (lo, hi) == (pytest.approx(1.8e6), 2e6)
    lo, hi, _ = claim_interval(1200, None, 100)
    assert lo == 1150 and hi == pytest.approx(1250)


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "  - {id: A1, mention: about 20 million, subject: Ruritania, metric: population, colour: red}\n",
            "unknown key",
        ),
        ("  - {id: A1, mention: about 20 million, subject: Ruritania}\n", "'metric' is required"),
        ("  - {id: A1, mention: 7 million, subject: Ruritania, metric: population}\n", "not found in the article"),
        ("  - {id: A1, mention: $1.3 billion, subject: Ruritania, metric: bilateral_trade_usd}\n", "matches 2 times"),
        (
            "  - {id: A1, mention: about 20 million, subject: Ruritania, metric: populaton}\n",
            "did you mean 'population'",
        ),
        (
            "  - {id: A1, mention: about 20 million, subject: Ruritania, metric: population, period: soon}\n",
            "period 'soon'",
        ),
        ("  - {id: A1, mention: Ruritania, subject: Ruritania, metric: population}\n", "not a numeric"),
        (
            "  - {id: A1, mention: about 20 million, subject: Ruritania, metric: population}\n"
            '  - {id: A1, mention: "1991", subject: Ruritania, metric: independence_declared}\n',
            "duplicate id",
        ),
        ("  - [id, A1\n", "malformed YAML"),
    ],
)
def test_register_errors_name_file_and_entry(tmp_path, facts, article, body, message):
    path = register(tmp_path, body)
    with pytest.raises(InputError) as err:
        check_claims(article, extract_numbers(article), facts, path)
    assert message in str(err.value) and "register.yaml" in str(err.value)
    if "entry" in str(err.value):
        assert "entry 1" in str(err.value) or "entry 2" in str(err.value)


def test_missing_register_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="claim register not found"):
        load_register(tmp_path / "nope.yaml")


def test_article_without_register_gets_suggestions(tmp_path, facts, article):
    numbers = extract_numbers(article)
    located, claims = check_claims(article, numbers, facts, None)
    assert located.empty and claims.empty
    suggestions = suggest_metrics(numbers)
    by_text = dict(zip(suggestions["text"], suggestions["suggested_metrics"]))
    assert "population" in by_text["about 20 million"].split("; ")
    assert "deaths_cumulative" in by_text["over 43,000"].split("; ")


# --- the seed ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_claims(seed_article):
    numbers = extract_numbers(seed_article)
    return check_claims(seed_article, numbers, load_facts())[1]


def test_every_seed_claim_outside_the_poll_sentence_has_a_sourced_verdict(shared, seed_claims):
    gold = json.loads((shared / "gold" / "seed_claims.json").read_text(encoding="utf-8"))
    poll_sentence = next(c["sentence"] for c in gold["claims"] if c["topic"] == "polls")
    for claim in gold["claims"]:
        row = seed_claims[(seed_claims["start"] == claim["start"]) & (seed_claims["end"] == claim["end"])]
        assert len(row) == 1, f"{claim['claim_id']} is not in the register"
        row = row.iloc[0]
        if claim["sentence"] == poll_sentence:
            assert pd.isna(row["verdict"]) and "notebook 03" in row["explanation"]
            continue
        assert row["verdict"] in VERDICTS, claim["claim_id"]
        assert row["fact_id"] and row["source_org"], claim["claim_id"]
        assert row["explanation"], claim["claim_id"]


def test_seed_register_holds_no_verdicts_or_reference_values():
    from analysis import paths

    text = (paths.CLAIMS / f"{paths.DEFAULT_SLUG}.yaml").read_text(encoding="utf-8")
    facts = load_facts()
    assert not any(v in text for v in VERDICTS)
    assert not any(fid in text for fid in facts["fact_id"])
    # every number in the register is the article's own words (or a claim id), never a reference value
    article = (paths.ARTICLES / f"{paths.DEFAULT_SLUG}.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        body = line.split("#")[0]
        for number in re.findall(r"(?<![\w-])\d[\d,.]*\d|(?<![\w-])\d", body):
            assert number in article or re.search(rf"\bC{number}\b", body), f"{number!r} in: {line.strip()}"


def test_claims_table_follows_the_contract(seed_claims):
    from analysis.contract import CONTRACT

    assert list(seed_claims.columns[: len(CONTRACT["claims"])]) == CONTRACT["claims"]


# --- wording and the finer verdict rules -------------------------------------------------------

MORE_FACTS = """\
truce-1,Ruritania,ceasefire_effective,2025-06-01,,,exact,date,2025-06-01,2025-06-01,Wire A,,https://example.org/f,,high,
truce-2,Ruritania,ceasefire_effective,2025-10-10,,,exact,date,2025-10-10,2025-10-10,Wire B,,https://example.org/g,,high,
members,Pact,prospective_new_members,6,6,10,at_least,count,,2029,Think Tank,,https://example.org/h,,low,
share-2015,Ruritania,share_sunni_pct,75.8,,,estimate,percent,2015,2015,Survey,,https://example.org/i,,low,
"""
MORE_TEXT = (
    "Fighting began on March 1, 2024. A truce was brokered last month after 15 months of war. "
    "An envoy hinted at up to six new members. Roughly 70% are Sunni. The pact dates from 2025."
)
MORE_ENTRIES = """\
  - {id: B1, mention: 15 months, subject: Ruritania, metric: war_duration, ends_with: ceasefire_effective, period: {start: "March 1, 2024", end: last month}}
  - {id: B2, mention: up to six, subject: Pact, metric: prospective_new_members}
  - {id: B3, mention: Roughly 70%, subject: Ruritania, metric: share_sunni_pct, period: current}
  - {id: B4, mention: "2025", subject: Ruritania, metric: ceasefire_effective}
"""


@pytest.fixture()
def more_claims(tmp_path):
    (tmp_path / "facts.csv").write_text(HEADER + "\n" + FACTS + MORE_FACTS, encoding="utf-8")
    shutil.copy(paths.REFERENCE / "metrics.csv", tmp_path / "metrics.csv")
    facts = load_facts(tmp_path)
    article = Article.from_text(MORE_TEXT, slug="more", metadata=Metadata(published=dt.date(2025, 11, 7)))
    _, claims = check_claims(article, extract_numbers(article), facts, register(tmp_path, MORE_ENTRIES))
    return claims.set_index("claim_id")


def test_duration_against_the_dates_of_its_closing_events(more_claims):
    """15 months from 2024-03-01 fits the June truce, not the one 'last month': outdated."""
    b1 = more_claims.loc["B1"]
    assert b1["verdict"] == "outdated" and b1["true_as_of"] == "2025-06-01" and b1["fact_id"] == "truce-2"
    assert b1["reference_value"] == pytest.approx(19.3) and "date the ceasefire took effect" in b1["explanation"]


def test_bounds_touching_at_one_value_do_not_agree_and_no_period_cannot_contradict(more_claims):
    b2 = more_claims.loc["B2"]
    assert b2["verdict"] == "unsupported" and "single value 6" in b2["explanation"]
    assert agree((5.4, 6), (6, 10)) is False and agree((5, 5), (5, 5)) and agree((5.4, 6), (5.9, 10))


def test_explanations_use_labels_and_say_how_old_the_latest_reference_is(more_claims):
    b3 = more_claims.loc["B3"]  # a 2015 estimate for a figure stated as current in 2025: too old
    assert b3["verdict"] == "unsupported" and b3["relation"] == "stale" and b3["fact_id"] == "share-2015"
    assert "the latest available reference, about 10 years before the article's date" in b3["explanation"]
    assert "older than the 5-year limit" in b3["explanation"] and "would agree" in b3["explanation"]
    b4 = more_claims.loc["B4"]
    assert "the reference date 2025-06-01 (date the ceasefire took effect" in b4["explanation"]
    assert "falls within the claimed year 2025" in b4["explanation"]
    for text in more_claims["explanation"]:
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text


def test_max_reference_age_decides_whether_the_latest_reference_stands(tmp_path):
    """The same 2015 reference supports a current claim under a 15-year limit, not a 5-year one;
    a reference 3 years old stands under the default limit."""
    (tmp_path / "facts.csv").write_text(HEADER + "\n" + FACTS + MORE_FACTS, encoding="utf-8")
    shutil.copy(paths.REFERENCE / "metrics.csv", tmp_path / "metrics.csv")
    facts = load_facts(tmp_path)
    article = Article.from_text(MORE_TEXT, slug="more", metadata=Metadata(published=dt.date(2025, 11, 7)))
    path = register(tmp_path, MORE_ENTRIES)
    _, wide = check_claims(article, extract_numbers(article), facts, path, max_reference_age_years=15)
    b3 = wide.set_index("claim_id").loc["B3"]
    assert b3["verdict"] == "supported" and b3["relation"] == "latest"
    young = Article.from_text(MORE_TEXT, slug="more", metadata=Metadata(published=dt.date(2018, 6, 1)))
    _, claims = check_claims(young, extract_numbers(young), facts, path)
    assert claims.set_index("claim_id").loc["B3", "verdict"] == "supported"


def test_claims_come_sorted_by_claim_id(tmp_path, facts, article):
    """The register's order (A6 first) does not set the table's order; A10 sorts after A2."""
    body = (
        '  - {id: A10, mention: "1995", subject: Ruritania, metric: independence_declared}\n'
        "  - {id: A2, mention: about 20 million, subject: Ruritania, metric: population, period: current}\n"
    )
    _, claims = check_claims(article, extract_numbers(article), facts, register(tmp_path, body))
    assert list(claims["claim_id"]) == ["A2", "A10"]


def test_outdated_dates_are_written_at_one_precision(tmp_path):
    """References ending on a day and in a month: the 'true from .. to ..' range uses months."""
    rows = (
        "ipc-a,Ruritania,ipc_phase3plus_share_pct,92,,,exact,percent,2025-03-01,2025-04-30,IPC,,https://example.org/j,,high,\n"
        "ipc-b,Ruritania,ipc_phase3plus_share_pct,91,,,exact,percent,2025-05,2025-05,IPC,,https://example.org/k,,high,\n"
        "ipc-c,Ruritania,ipc_phase3plus_share_pct,60,,,exact,percent,2025-10-01,2025-11-30,IPC,,https://example.org/l,,high,\n"
    )
    (tmp_path / "facts.csv").write_text(HEADER + "\n" + rows, encoding="utf-8")
    shutil.copy(paths.REFERENCE / "metrics.csv", tmp_path / "metrics.csv")
    article = Article.from_text(
        "Aid groups say 90% face hunger.", slug="ipc", metadata=Metadata(published=dt.date(2025, 11, 7))
    )
    body = "  - {id: D1, mention: 90%, subject: Ruritania, metric: ipc_phase3plus_share_pct, period: current}\n"
    _, claims = check_claims(article, extract_numbers(article), load_facts(tmp_path), register(tmp_path, body))
    d1 = claims.iloc[0]
    assert d1["verdict"] == "outdated", d1["explanation"]
    assert "true from 2025-04 to 2025-05" in d1["explanation"]
