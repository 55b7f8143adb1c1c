"""The in-process pipeline writes the same tables as the notebooks (the default run)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.outputs import write_table
from analysis.pipeline import article_tables
from analysis.runner import run_suite


@pytest.fixture(scope="module")
def notebook_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("nbrun") / "run"
    run_suite(paths.DEFAULT_ARTICLE, out)
    return out / "tables"


def test_pipeline_tables_equal_notebook_tables(seed_article, notebook_run, tmp_path):
    tables = article_tables(seed_article)
    assert {p.stem for p in notebook_run.glob("*.csv")} == set(tables)
    for name, df in tables.items():
        written = write_table(df, tmp_path / f"{name}.csv").read_bytes()
        assert written == (notebook_run / f"{name}.csv").read_bytes(), name
    assert len(pd.read_csv(notebook_run / "quotes.csv")) > 0
