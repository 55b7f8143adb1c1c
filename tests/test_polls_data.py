"""The word lists of analysis/polls/data load, compile and stay inside the answer vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.polls.answers import RESPONSES

DATA = Path(__file__).resolve().parent.parent / "analysis" / "polls" / "data"
PATTERN_FILES = {
    "answer_words.csv": "pattern",
    "not_poll.csv": "pattern",
    "pollster_cues.csv": "pattern",
    "pollsters.csv": "pattern",
    "topics.csv": "pattern",
}


@pytest.mark.parametrize("name, column", sorted(PATTERN_FILES.items()))
def test_every_pattern_compiles(name, column):
    table = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
    assert not table.empty
    for pattern in table[column]:
        re.compile(pattern)


def test_answer_words_use_the_benchmark_vocabulary():
    table = pd.read_csv(DATA / "answer_words.csv", dtype=str)
    assert set(table["response"]) <= set(RESPONSES)
    assert table["response"].iloc[0] == "dont_know" and table["response"].iloc[-1] == "yes"


def test_codes_are_iso_alpha3_and_every_list_is_documented():
    for name, column in (("pollsters.csv", "country_iso3"), ("population_words.csv", "iso3"), ("iso3.csv", "iso3")):
        codes = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)[column]
        assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes if c), name
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
