"""The whole suite on the default article: every contract table, deterministic bytes."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.contract import CONTRACT
from analysis.runner import run_suite


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("suite")
    return [run_suite(paths.DEFAULT_ARTICLE, base / f"run{i}", progress=lambda _: None) for i in (1, 2)]


def test_every_contract_table_is_written(two_runs):
    tables = two_runs[0] / "tables"
    assert set(CONTRACT) <= {p.stem for p in tables.glob("*.csv")}


def test_runs_are_byte_identical(two_runs):
    first, second = two_runs
    files = sorted(
        p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.parent.name in ("tables", "figures")
    )
    assert any(f.suffix == ".png" for f in files) and any(f.suffix == ".svg" for f in files)
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), f"{rel} differs between runs"
    for nb in sorted((first / "notebooks").glob("*.ipynb")):
        mine = nb.read_text(encoding="utf-8").replace(str(first), "RUN")
        theirs = (second / "notebooks" / nb.name).read_text(encoding="utf-8").replace(str(second), "RUN")
        assert mine == theirs, f"executed notebook {nb.name} differs between runs"


def test_committed_figures_match_the_default_run(two_runs):
    """figures/ holds the default run's figures, byte for byte."""
    run_figures = {p.name: p.read_bytes() for p in (two_runs[0] / "figures").glob("*")}
    committed = {p.name: p.read_bytes() for p in paths.FIGURES.glob("*") if p.suffix in (".png", ".svg")}
    assert set(committed) == set(run_figures)
    for name, data in run_figures.items():
        assert committed[name] == data, f"figures/{name} is stale: run `make notebooks`"


@pytest.mark.parametrize("corpus", ["ggt", "polnear"])
def test_whole_suite_runs_on_another_article(shared, tmp_path, corpus):
    """An unseen article with no metadata, register or speaker file: every notebook completes and
    writes the contract tables, each quote and number pointing into the article's own text."""
    import json

    import pandas as pd

    line = (shared / "benchmarks" / corpus / "dev.jsonl").read_text(encoding="utf-8").splitlines()[3]
    text = json.loads(line)["text"]
    article = tmp_path / f"{corpus}-sample.txt"
    article.write_text(text, encoding="utf-8")
    out = run_suite(article, tmp_path / "run", progress=lambda _: None)
    tables = out / "tables"
    assert set(CONTRACT) <= {p.stem for p in tables.glob("*.csv")}
    loaded = article.read_text(encoding="utf-8")
    quotes = pd.read_csv(tables / "quotes.csv", keep_default_na=False)
    numbers = pd.read_csv(tables / "numbers.csv", keep_default_na=False)
    assert len(quotes) > 0 and len(numbers) > 0
    for table in (quotes, numbers):
        for row in table.itertuples():
            assert loaded[int(row.start) : int(row.end)] == str(row.text)
