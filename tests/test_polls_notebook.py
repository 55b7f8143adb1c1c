"""Notebook 03 through papermill: parameters move the poll_claims table; no-claim articles work
and get no chart."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.article import load_article
from analysis.polls.claims import extract_poll_claims
from analysis.polls.evaluate import evaluate_claims
from analysis.reference import load_polls

NOTEBOOK = paths.NOTEBOOKS / "03_poll_claims.ipynb"
KEYS = ["claim_id", "country", "poll_id", "population"]


def execute(tmp_path, **parameters):
    import papermill

    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(out),
        parameters={"run_dir": str(tmp_path), **parameters},
        kernel_name="python3",
        cwd=str(paths.NOTEBOOKS),
        progress_bar=False,
    )
    return out


def test_lower_n_and_higher_confidence_move_the_table(tmp_path):
    execute(tmp_path, assumed_n=300, confidence=0.99)
    moved = pd.read_csv(tmp_path / "tables" / "poll_claims.csv", keep_default_na=False)
    article = load_article(paths.DEFAULT_ARTICLE)
    base = evaluate_claims(extract_poll_claims(article), load_polls(), article.metadata.published)
    both = base.merge(moved, on=KEYS, suffixes=("_base", "_moved"))
    assert len(both) == len(base) == len(moved)
    assumed = both[both["n_assumed_base"]]
    assert (assumed["n_moved"] == 300).all() and (assumed["n_base"] == 1000).all()
    stated = both[~both["n_assumed_base"]]
    assert not stated.empty and (stated["n_moved"] == stated["n_base"]).all()
    width = lambda d, s: d[f"ci_high_{s}"] - d[f"ci_low_{s}"]  # noqa: E731
    assert (width(both, "moved") > width(both, "base")).all()
    tested = assumed[assumed["sampling_base"] != ""]
    p_base = tested["p_value_base"].astype(float)
    p_moved = pd.to_numeric(tested["p_value_moved"])
    assert (p_moved > p_base).all()  # less evidence at a smaller n
    assert (tested["sampling_base"] != tested["sampling_moved"]).any()  # a conclusion flips
    assert (both["verdict_base"] == both["verdict_moved"]).all()  # verdicts follow the point estimate
    sens = pd.read_csv(tmp_path / "tables" / "poll_sensitivity.csv")
    assert not sens.empty and sens["n"].nunique() > 3


def test_article_without_poll_claims(tmp_path):
    article = tmp_path / "no-polls.txt"
    article.write_text("The minister visited the port on Monday.\n\nTrade rose 12% last year.\n", encoding="utf-8")
    out = execute(tmp_path, article=str(article))
    table = pd.read_csv(tmp_path / "tables" / "poll_claims.csv")
    assert table.empty and list(table.columns[:3]) == ["claim_id", "start", "end"]
    text = out.read_text(encoding="utf-8")
    assert "No poll claims" in text and "**No chart:** the article makes no poll claims" in text
    assert not list((tmp_path / "figures").glob("03_*"))  # no chart without a claim to chart


def test_dev_article_uses_its_stated_sample_and_margin(tmp_path, shared):
    """A real poll report from the dev split (read from ../shared at run time): the notebook
    reads the article's own n and margin of error and reports the margin check."""
    import json

    docs = [
        json.loads(line)
        for line in (shared / "benchmarks" / "polls" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    doc = next(d for d in docs if d["doc_id"] == "polls/rollcall-gallup-congress-2012")
    gold_n = {f["n"] for f in doc["figures"] if f["n"]}
    gold_moe = {f["moe"] for f in doc["figures"] if f["moe"]}
    article = tmp_path / "gallup.txt"
    article.write_text(doc["text"], encoding="utf-8")
    out = execute(tmp_path, article=str(article))
    text = out.read_text(encoding="utf-8")
    (n,), (moe,) = gold_n, gold_moe
    assert f"a stated sample of {n:,}" in text
    assert f"a stated margin of error of ±{moe:g} points" in text
    assert "**margin of error**" in text and f"n = {n:,} gives ±" in text
    assert "the article states no sample size" not in text  # the stated n is used, not an implied one
