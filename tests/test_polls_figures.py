"""Poll figures on any article: found wherever the poll is named, read on their own words."""

from __future__ import annotations

import importlib.util
import json

import pytest

from analysis.polls import design
from analysis.polls.figures import find_figures
from analysis.polls.shares import find_shares

TEXT = (
    "Voters back the plan: survey\n"
    "A survey released Tuesday by the Northfield Polling Institute asked 1,500 adults about the "
    "new transit plan.\n"
    "It found that 62% of Canadians support the plan, while 30% oppose it and 8% said they did not know.\n"
    "Six in 10 say the city is heading in the right direction. Inflation hit 9% last year.\n"
    "Support rose 4 percentage points since March. The margin of error is plus or minus 2.5 percentage points.\n"
)


@pytest.fixture(scope="module")
def figures():
    return find_figures(TEXT)


def test_shares_read_numbers_words_and_fractions():
    text = "Twenty-two percent agreed, nearly half of them said so, 8 in 10 did, some 61% refused, a third of them"
    got = [(round(s.percent, 1), s.hedge) for s in find_shares(text)]
    assert got == [(22.0, "exact"), (50.0, "nearly"), (80.0, "about"), (61.0, "about"), (33.3, "about")]
    assert find_shares("the second half of the year and 4 percentage points") == []


def test_a_figure_counts_when_the_poll_is_named_earlier(figures):
    assert figures["percent"].tolist() == [62.0, 30.0, 8.0, 60.0]
    mentions = [TEXT[s:e] for s, e in zip(figures["start"], figures["end"])]
    assert mentions == ["62%", "30%", "8%", "Six in 10"]


def test_non_poll_percentages_stay_out(figures):
    for word in ("9%", "2.5"):
        pos = TEXT.index(word)
        assert not ((figures["start"] <= pos) & (figures["end"] > pos)).any()


def test_each_figure_reads_its_own_answer(figures):
    assert figures["response"].tolist() == ["support", "oppose", "dont_know", "positive"]


def test_population_pollster_sample_and_margin(figures):
    assert set(figures["population_iso3"]) == {"CAN"}
    assert set(figures["pollster"]) == {"Northfield Polling Institute"}
    assert set(figures["n"]) == {1500}
    assert set(figures["moe"]) == {2.5}


def test_a_text_without_a_poll_has_no_figures():
    assert find_figures("Inflation reached 7% and unemployment 4 percent.").empty


def test_vote_shares_and_bare_denials():
    text = (
        "A new poll asked how people would vote if the election were held on Sunday. "
        "Smith leads with 48% to 41% for Jones. Asked about the bridge, 40% welcomed it, "
        "while 35% did not."
    )
    got = find_figures(text)["response"].tolist()
    assert got == ["vote_for", "vote_for", "positive", "negative"]


def test_the_sample_that_responded_is_the_sample():
    text = "The poll contacted 2,400 randomly chosen people last week, and 1,180 people responded."
    assert [s.value for s in design.sample_sizes(text)] == [1180]
    assert [s.value for s in design.margins("It has a margin of error of 3 points.")] == [3.0]


def test_dev_split_holds_the_issue_floors(shared):
    """Measured by benchmarks/polls.py; the floors sit a little under the measured figures."""
    from analysis.polls.benchmark_io import predict_documents

    spec = importlib.util.spec_from_file_location("score_polls", shared / "benchmarks" / "score_polls.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    path = shared / "benchmarks" / "polls" / "dev.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = scorer.score(gold, predict_documents(gold))
    acc = {k: v["acc"] for k, v in result["accuracy"].items()}
    assert result["detection"]["f1"] >= 0.95
    assert result["negatives_flagged_share"] <= 0.15
    assert acc["percent"] >= 0.98 and acc["response"] >= 0.85 and acc["population"] >= 0.85
    assert acc["pollster"] >= 0.90 and acc["n"] >= 0.95 and acc["moe"] >= 0.95


@pytest.mark.parametrize(
    "sentence, share",
    [
        ("In the 2019 election the party won 31% of the vote.", "31%"),
        ("The government set a goal of vaccinating 70 percent of adults by July.", "70 percent"),
        ("Inflation reached 6% in March.", "6%"),
        ("Her lead among women is a massive 12%.", "12%"),
        ("Support rose by 5% since the spring.", "5%"),
        ("The poll has a two percent plus or minus margin of error.", "two percent"),
    ],
)
def test_percentages_that_are_not_poll_results(sentence, share):
    text = "A new poll of 1,000 voters found 48% back the mayor. " + sentence
    pos = text.index(share, 50)
    got = find_figures(text)
    assert got["percent"].tolist()[0] == 48.0
    assert not ((got["start"] <= pos) & (got["end"] > pos)).any()


def test_a_poll_quoted_in_passing_needs_its_paragraph():
    text = (
        "The council met on Monday to discuss the budget.\n"
        "Officials said the new road would open next year.\n"
        "Work on the bridge has been delayed by rain.\n"
        "A recent survey found 55% of residents oppose the new road.\n"
        "Aid groups say 90% of the district's farms flooded last month.\n"
    )
    got = find_figures(text)
    assert got["percent"].tolist() == [55.0] and got["response"].tolist() == ["oppose"]


def test_a_regional_aside_is_not_the_countrys_people():
    text = (
        "A new survey asked people across the region about the treaty. Some 61% of Jordanians "
        "were against it, compared to a regional average of 87%, while 35% refused to answer."
    )
    got = find_figures(text)
    assert got["population_iso3"].tolist() == ["JOR", "", "JOR"]
    assert got["response"].tolist() == ["oppose", "oppose", "dont_know"]
