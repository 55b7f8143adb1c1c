"""Waves of a question, the charted topic, topic matching by content words, country differences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.polls import stats
from analysis.polls.claims import extract_poll_claims
from analysis.polls.evaluate import evaluate_claims, summarise
from analysis.polls.topics import content_words, coverage, topic_relation
from analysis.polls.waves import (
    WaveTopic,
    chart_countries,
    chart_topic,
    country_differences,
    wave_responses,
    wave_table,
)
from analysis.reference import load_polls


@pytest.fixture(scope="module")
def seed(seed_article):
    claims = extract_poll_claims(seed_article)
    evaluation = evaluate_claims(claims, load_polls(), seed_article.metadata.published)
    return claims, evaluation


def test_content_words_drop_function_words_and_fold_plurals():
    assert content_words("The views of these Accords, with their parties") == {"view", "accord", "party"}
    assert coverage("the fate of the West Bank", "Views on the West Bank settlements") == pytest.approx(2 / 3)
    assert coverage("", "anything") == 0.0


@pytest.mark.parametrize(
    "obj, question, relation",
    [
        ("the Oslo Accords", "Do you support or oppose the Oslo Accords?", "same"),
        ("the Oslo Accords peace process", "Is the peace process with Israel dead?", "related"),
        ("the Camp David Accords", "View of the Abraham Accords' effect on the region", "different"),
        ("the new constitution", "Do you approve of the new constitution?", "same"),
    ],
)
def test_topics_outside_the_lexicon_match_by_content_words(obj, question, relation):
    assert topic_relation("", obj, "", "", question) == relation


def test_lexicon_topics_match_by_topic_and_family():
    assert topic_relation("abraham_accords", "x", "abraham_accords", "relations_with_israel", "") == "same"
    assert topic_relation("abraham_accords", "x", "recognition_of_israel", "relations_with_israel", "") == "related"
    assert topic_relation("abraham_accords", "x", "", "", "Abraham Accords") == "different"


def test_seed_charts_the_claims_topic_in_three_countries(seed):
    claims, evaluation = seed
    topic = chart_topic(claims, evaluation)
    assert topic is not None and topic.topic == claims["topic"].iloc[0] != ""
    waves = wave_table(load_polls(), topic)
    assert wave_responses(waves) == ("positive", "negative")
    assert set(waves["country"]) == {"United Arab Emirates", "Bahrain", "Saudi Arabia"}
    countries = chart_countries(waves, tuple(claims["country"]))
    assert countries[:2] == tuple(claims["country"]) and len(countries) == 3


def test_no_side_or_no_match_gives_no_chart_topic(seed):
    claims, evaluation = seed
    assert chart_topic(claims.assign(side=""), evaluation) is None
    assert chart_topic(claims, evaluation.assign(question_match="different")) is None
    assert wave_table(load_polls(), None).empty


def test_wave_table_matches_polls_by_object_words_without_a_lexicon_topic():
    polls = load_polls()
    topic = WaveTopic("P1", "", "diplomatic recognition", "diplomatic recognition")
    waves = wave_table(polls, topic)
    asked = polls[polls["question"].str.contains("diplomatic recognition", case=False)]
    assert not waves.empty and set(waves["poll_id"]) <= set(asked["poll_id"])
    assert wave_responses(waves) == ("support", "oppose")


def test_country_differences_are_stats_differences_within_each_wave(seed):
    claims, evaluation = seed
    waves = wave_table(load_polls(), chart_topic(claims, evaluation))
    diffs = country_differences(waves, ("United Arab Emirates", "Bahrain"))
    assert len(diffs) == sum(len(g) * (len(g) - 1) // 2 for _, g in waves.groupby(["poll_id", "response"]))
    first = diffs.iloc[0]
    assert (first["country_a"], first["country_b"]) == ("United Arab Emirates", "Bahrain")
    for r in diffs.itertuples():
        a = waves[
            (waves["poll_id"] == r.poll_id) & (waves["response"] == r.response) & (waves["country"] == r.country_a)
        ].iloc[0]
        b = waves[
            (waves["poll_id"] == r.poll_id) & (waves["response"] == r.response) & (waves["country"] == r.country_b)
        ].iloc[0]
        d = stats.difference(a["percent"], a["n"], b["percent"], b["n"])
        assert (r.difference, r.ci_low, r.ci_high, r.p_value) == pytest.approx(
            (d.difference, d.ci_low, d.ci_high, d.p_value)
        )
        assert r.significant == (r.ci_low > 0 or r.ci_high < 0)
    assert diffs["significant"].any() and not diffs["significant"].all()


def test_summary_counts_polls_and_rows_apart_and_the_explanation_agrees(seed):
    claims, evaluation = seed
    summary = summarise(evaluation, claims)
    for r in summary.itertuples():
        rows = evaluation[(evaluation["claim_id"] == r.claim_id) & (evaluation["country"] == r.country)]
        assert r.polls == rows["poll_id"].nunique() and r.poll_rows == len(rows)
        assert f"{r.polls} reference poll" in r.explanation
        assert (f"({r.poll_rows} poll-population rows)" in r.explanation) == (r.poll_rows != r.polls)
    assert (summary["poll_rows"] > summary["polls"]).any()


def test_empty_waves_give_empty_tables():
    empty = wave_table(load_polls(), None)
    assert country_differences(empty).empty and isinstance(empty, pd.DataFrame)
