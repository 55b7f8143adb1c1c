"""Notebook 02 runs through papermill on a benchmark article that has no claim register."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import paths

NOTEBOOK = paths.NOTEBOOKS / "02_trade_and_population_figures.ipynb"


def test_notebook_runs_on_an_article_without_register(shared, tmp_path):
    import papermill

    docs = [json.loads(line) for line in (shared / "benchmarks" / "polnear" / "dev.jsonl").open(encoding="utf-8")]
    doc = next(d for d in docs if sum(ch.isdigit() for ch in d["text"]) >= 10)
    article = tmp_path / "benchmark-article.txt"
    article.write_text(doc["text"], encoding="utf-8")
    run_dir = tmp_path / "run"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(tmp_path / "out.ipynb"),
        kernel_name="python3",
        parameters={"article": str(article), "run_dir": str(run_dir)},
        cwd=str(paths.NOTEBOOKS),
        progress_bar=False,
    )
    numbers = pd.read_csv(run_dir / "tables" / "numbers.csv")
    assert len(numbers) > 0
    for _, row in numbers.iterrows():
        assert doc["text"][row["start"] : row["end"]] == row["text"]
    claims = pd.read_csv(run_dir / "tables" / "claims.csv")
    assert claims.empty and list(claims.columns[:3]) == ["claim_id", "start", "end"]
    assert (run_dir / "tables" / "consistency.csv").exists()
    assert not (paths.CLAIMS / "benchmark-article.yaml").exists()
