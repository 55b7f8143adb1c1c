"""Checks that need no reference data: stated margin against stated n, leads, majorities, sums."""

from __future__ import annotations

from analysis.polls.checks import sampling_checks
from analysis.polls.figures import find_figures

TEXT = (
    "A Gallup poll of 1,000 adults found 52% support the plan and 45% oppose it. "
    "The poll has a margin of error of plus or minus 3 percentage points."
)


def test_margin_matches_the_stated_sample():
    checks = sampling_checks(find_figures(TEXT))
    margin = checks[checks["check"] == "margin of error"].iloc[0]
    assert margin["n_source"] == "stated" and margin["n"] == 1000
    assert margin["expected"] == 3.1 and margin["result"] == "consistent"


def test_a_margin_too_small_for_its_sample_is_flagged():
    text = TEXT.replace("1,000", "200")
    margin = sampling_checks(find_figures(text)).query("check == 'margin of error'").iloc[0]
    assert margin["result"] == "too small" and margin["expected"] > 6


def test_lead_and_majority_at_the_stated_n():
    checks = sampling_checks(find_figures(TEXT))
    lead = checks[checks["check"] == "lead"].iloc[0]
    assert lead["value"] == 7.0 and lead["result"] == "clear"
    majority = checks[checks["check"] == "majority"].iloc[0]
    assert majority["result"] == "within sampling error"  # 52% of 1,000 is not clear of 50%


def test_shares_past_100_and_no_figures():
    text = "A survey found 60% support the plan, 50% oppose it and 5% were undecided."
    assert "sum" in set(sampling_checks(find_figures(text))["check"])
    assert sampling_checks(find_figures("No poll here, 5%.")).empty


def test_a_change_between_waves_is_not_a_lead():
    text = "A survey of 1,231 adults shows 44% support the party, up from 12% in September."
    checks = sampling_checks(find_figures(text), text=text)
    assert list(checks["check"]) == ["change"]
    change = checks.iloc[0]
    assert change["value"] == 32.0 and change["result"] == "clear" and change["n"] == 1231
    text = "A survey of 1,231 adults shows 44% support the party, up from 42% in September."
    assert sampling_checks(find_figures(text), text=text).iloc[0]["result"] == "within sampling error"
