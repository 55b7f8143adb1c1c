"""Evaluation of poll claims against reference polls: the seed and made-up cases."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from analysis.article import Article, Metadata
from analysis.polls import stats
from analysis.polls.claims import extract_poll_claims
from analysis.polls.evaluate import POLL_CLAIM_COLUMNS, evaluate_claims, sensitivity, sensitivity_table, summarise
from analysis.polls.prepare import parse_population
from analysis.reference import POLLS_SCHEMA, load_polls

CONTRACT = [
    "claim_id",
    "start",
    "end",
    "text",
    "country",
    "poll_id",
    "fieldwork",
    "response",
    "percent",
    "n",
    "ci_low",
    "ci_high",
    "verdict",
    "explanation",
]
VERDICTS = {"supported", "contradicted", "outdated", "unsupported", "misdated", "no reference"}


@pytest.fixture(scope="module")
def seed(seed_article):
    claims = extract_poll_claims(seed_article)
    polls = load_polls()
    evaluation = evaluate_claims(claims, polls, seed_article.metadata.published)
    return claims, polls, evaluation, summarise(evaluation, claims)


def test_contract_columns_come_first(seed):
    _, _, evaluation, _ = seed
    assert list(evaluation.columns[: len(CONTRACT)]) == CONTRACT
    assert list(evaluation.columns) == POLL_CLAIM_COLUMNS


def test_each_country_against_every_reference_poll_of_that_country(seed):
    claims, polls, evaluation, _ = seed
    for country in claims["country"]:
        expected = {
            (r.poll_id, r.country)
            for r in polls.itertuples()
            if country in parse_population(r.country)[0] and parse_population(r.country)[1] != "region"
        }
        got = set(zip(*[evaluation.loc[evaluation["country"] == country, c] for c in ("poll_id", "population")]))
        assert got == expected and len(got) >= 6


def test_each_row_has_year_share_interval_and_test(seed, seed_article):
    _, polls, evaluation, _ = seed
    assert set(evaluation["verdict"]) <= VERDICTS
    for r in evaluation.itertuples():
        assert seed_article.text[r.start : r.end] == r.text
        assert r.fieldwork[:4].isdigit()
        assert r.ci_low < r.percent < r.ci_high
        assert (r.ci_low, r.ci_high) == pytest.approx(stats.interval(r.percent, r.n))
        assert r.poll_id in r.explanation
        if r.url:
            assert r.url in r.explanation
        stated = polls[(polls["poll_id"] == r.poll_id) & (polls["country"] == r.population)]["n"]
        assert r.n_assumed == bool(stated.isna().all())
        assert r.n == (1000 if r.n_assumed else int(stated.dropna().iloc[0]))
    tested = evaluation[evaluation["sampling"] != ""]
    assert len(tested) >= 8 and tested["p_value"].between(0, 1).all()


def test_seed_verdicts_are_misdated_with_related_questions(seed):
    _, _, evaluation, summary = seed
    assert list(summary["verdict"]) == ["misdated", "misdated"]
    in_2021 = evaluation[evaluation["fieldwork"].str.startswith("2021") & (evaluation["scope"] == "national")]
    assert not in_2021.empty and (in_2021["verdict"] == "contradicted").all()
    shows = evaluation[evaluation["verdict"] == "misdated"]
    assert (shows["percent"] > 70).all() and not shows["fieldwork"].str.startswith("2021").any()
    assert (shows["question_match"] == "related").all()  # "for the region" is not "opposed"
    assert summary["reason_asked"].eq(False).all()


def test_question_match_distinguishes_topics(seed):
    _, _, evaluation, _ = seed
    by_poll = evaluation.groupby("poll_id")["question_match"].first()
    assert by_poll["KAS-2020-ISRAEL-FAVOURABILITY"] == "different"
    assert by_poll["WINEP-2022-03-AA-REGION"] == "related"


def test_sensitivity_covers_assumed_n_and_moves_with_n(seed):
    _, _, evaluation, _ = seed
    sens = sensitivity(evaluation, ns=(100, 1000, 10000))
    assumed = evaluation[evaluation["n_assumed"] & (evaluation["sampling"] != "")]
    assert len(sens) == 3 * len(assumed)
    for _, group in sens.groupby(["country", "poll_id", "population"]):
        widths = (group["ci_high"] - group["ci_low"]).tolist()
        assert widths == sorted(widths, reverse=True)
        assert group["p_value"].is_monotonic_decreasing
    table = sensitivity_table(sens)
    assert table["changes_with_n"].any() and not table["changes_with_n"].all()


def test_design_effect_widens_intervals(seed, seed_article):
    claims, polls, evaluation, _ = seed
    wider = evaluate_claims(claims, polls, seed_article.metadata.published, design_effect=2.0)
    assert ((wider["ci_high"] - wider["ci_low"]) > (evaluation["ci_high"] - evaluation["ci_low"])).all()
    assert (wider["verdict"] == evaluation["verdict"]).all()


POLL_DEFAULTS = {c.name: "" for c in POLLS_SCHEMA} | {
    "organisation": "Test Pollster",
    "confidence": "high",
    "url": "https://example.org/poll",
    "question": "Do you support or oppose the Oslo Accords?",
}


def write_polls(folder, rows):
    with (folder / "polls.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[c.name for c in POLLS_SCHEMA])
        writer.writeheader()
        for row in rows:
            writer.writerow({**POLL_DEFAULTS, **row})
    return load_polls(folder)


def run(text, rows, tmp_path, published=dt.date(2024, 6, 1)):
    article = Article.from_text(text, metadata=Metadata(published=published))
    claims = extract_poll_claims(article)
    evaluation = evaluate_claims(claims, write_polls(tmp_path, rows), published)
    return evaluation, summarise(evaluation, claims)


def poll(pid, start, percent, response="oppose", country="Jordan", n=""):
    return {
        "poll_id": pid,
        "country": country,
        "fieldwork_start": start,
        "fieldwork_end": start,
        "response": response,
        "percent": str(percent),
        "n": str(n),
    }


TEXT = "A 2021 poll found over 70% of Jordanians opposed the Oslo Accords."


def test_supported_contradicted_and_misdated(tmp_path):
    ev, sm = run(TEXT, [poll("A-2021", "2021-05", 75, n=1200)], tmp_path)
    assert sm["verdict"].iloc[0] == "supported" and ev["question_match"].iloc[0] == "same"
    assert ev["n"].iloc[0] == 1200 and not ev["n_assumed"].iloc[0]
    assert ev["sampling"].iloc[0] == "within sampling error of 77%"  # "over 70%" reads at most 77
    ev, sm = run(TEXT, [poll("A-2021", "2021-05", 35, response="support")], tmp_path)
    assert sm["verdict"].iloc[0] == "contradicted" and ev["evidence"].iloc[0] == "complement"
    ev, sm = run(TEXT, [poll("A-2021", "2021-05", 60), poll("B-2019", "2019-02", 74)], tmp_path)
    assert sm["verdict"].iloc[0] == "misdated" and sm["deciding_polls"].iloc[0] == "B-2019"


def test_no_period_latest_poll_decides_and_outdated(tmp_path):
    text = "Over 70% of Jordanians oppose the Oslo Accords, polls show."
    ev, sm = run(text, [poll("OLD", "2015", 75), poll("NEW", "2023-01", 55)], tmp_path)
    assert sm["verdict"].iloc[0] == "outdated"
    ev, sm = run(text, [poll("OLD", "2015", 50), poll("NEW", "2023-01", 55)], tmp_path)
    assert sm["verdict"].iloc[0] == "contradicted"


def test_no_poll_in_period_and_poll_after_publication(tmp_path):
    ev, sm = run(TEXT, [poll("A-2018", "2018", 40), poll("LATE", "2024-09", 90)], tmp_path)
    late = ev[ev["poll_id"] == "LATE"].iloc[0]
    assert late["after_publication"] and late["verdict"] == "unsupported"
    assert sm["verdict"].iloc[0] == "unsupported"
    assert "A-2018" in sm["explanation"].iloc[0]


def test_no_claims_gives_empty_tables(tmp_path):
    ev, sm = run("Nothing about polls here. Exports rose 5%.", [poll("A", "2021", 50)], tmp_path)
    assert ev.empty and sm.empty and list(ev.columns) == POLL_CLAIM_COLUMNS


def test_invalid_assumed_n(seed):
    claims, polls, _, _ = seed
    with pytest.raises(ValueError):
        evaluate_claims(claims, polls, assumed_n=0)


def test_poll_claims_rows_hold_their_intervals(seed):
    """Each matched row: the share lies inside its interval, the interval inside 0..100."""
    _, _, evaluation, _ = seed
    assert list(evaluation.columns[: len(CONTRACT)]) == CONTRACT
    matched = evaluation[evaluation["poll_id"].astype(str) != ""]
    assert len(matched) > 0
    assert ((matched["ci_low"] <= matched["percent"]) & (matched["percent"] <= matched["ci_high"])).all()
    assert ((matched["ci_low"] >= 0) & (matched["ci_high"] <= 100)).all()


def test_region_claim_is_checked_on_region_rows(tmp_path):
    rows = [
        poll("AOI", "2022-06", 84, country="Arab region (14 countries)"),
        poll("AOI", "2022-06", 67, country="Morocco"),
    ]
    ev, sm = run("A 2022 survey found over 80% of Arabs opposed the Oslo Accords.", rows, tmp_path)
    assert list(ev["population"]) == ["Arab region (14 countries)"]
    assert sm["verdict"].iloc[0] == "supported"


def test_claim_without_reference_poll_keeps_a_row(tmp_path):
    text = (
        "A 2023 survey found nearly 60% of Canadians opposed the pipeline, "
        "and over 70% of Jordanians opposed the Oslo Accords."
    )
    ev, sm = run(text, [poll("A-2023", "2023-05", 78, n=900)], tmp_path)
    canada = ev[ev["country"] == "Canada"]
    assert len(canada) == 1 and canada["poll_id"].iloc[0] == "" and pd.isna(canada["n"].iloc[0])
    assert canada["verdict"].iloc[0] == "no reference"
    assert "no reference poll of Canada on the pipeline in polls.csv" in canada["explanation"].iloc[0]
    assert list(ev.loc[ev["country"] == "Jordan", "poll_id"]) == ["A-2023"]
    assert ev.loc[ev["country"] == "Jordan", "n"].iloc[0] == 900  # stated n stays a whole number
    assert list(sm["country"]) == ["Canada", "Jordan"]
    assert sm.loc[sm["country"] == "Canada", "polls"].iloc[0] == 0  # the placeholder is no poll
    path = tmp_path / "poll_claims.csv"
    ev.to_csv(path, index=False)
    assert set(pd.read_csv(path, keep_default_na=False)["claim_id"]) == set(sm["claim_id"])


def test_claim_naming_no_population_keeps_a_row(tmp_path):
    ev, sm = run("A 2021 poll found that 65% opposed the Oslo Accords.", [poll("A", "2021", 50)], tmp_path)
    assert list(ev["poll_id"]) == [""] and list(ev["country"]) == [""]
    assert ev["verdict"].iloc[0] == "no reference" and "names no population" in ev["explanation"].iloc[0]
    assert list(sm["country"]) == ["(none named)"]


def run_with_figures(text, rows, tmp_path, published=dt.date(2024, 6, 1)):
    from analysis.polls.figures import find_figures

    article = Article.from_text(text, metadata=Metadata(published=published))
    claims = extract_poll_claims(article, find_figures(text, published))
    evaluation = evaluate_claims(claims, write_polls(tmp_path, rows), published)
    return claims, evaluation, summarise(evaluation, claims)


def test_a_poll_named_earlier_is_matched_and_another_pollster_never_supports(tmp_path):
    text = (
        "A Gallup survey released Tuesday asked Jordanians about the Oslo Accords.\n"
        "It found that 75% of Jordanians opposed the Oslo Accords."
    )
    rows = [poll("OTHER-2024", "2024-01", 75) | {"organisation": "Pew Research Center"}]
    claims, ev, sm = run_with_figures(text, rows, tmp_path)
    assert list(claims["pollster"]) == ["Gallup"] and list(claims["country"]) == ["Jordan"]
    assert ev["pollster_match"].iloc[0] == "different" and ev["verdict"].iloc[0] == "no reference"
    assert "another pollster" in ev["question_note"].iloc[0]
    assert sm["verdict"].iloc[0] == "no reference"
    rows = [poll("GALLUP-2024", "2024-01", 75) | {"organisation": "Gallup"}]
    _, ev, sm = run_with_figures(text, rows, tmp_path)
    assert ev["pollster_match"].iloc[0] == "same" and sm["verdict"].iloc[0] == "supported"


def test_a_dont_know_share_takes_no_side(tmp_path):
    text = "A survey found 61% of Jordanians opposed the Oslo Accords, while 35% refused to answer."
    claims, _, _ = run_with_figures(text, [poll("A", "2024-01", 61)], tmp_path)
    assert list(claims["side"]) == ["against", ""]
