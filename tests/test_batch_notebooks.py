"""`--notebooks` mode runs the notebooks per article and writes the same tables as tables mode."""

from __future__ import annotations

import shutil

import pandas as pd

from analysis import paths
from analysis.batch import run_batch

SAMPLE = paths.DATA / "corpus" / "sample"
ARTICLES = ["recognition-poll-report", "harbour-budget-vote", "broken-encoding"]


def test_notebook_mode_writes_the_same_tables_and_keeps_the_notebooks(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for stem in ARTICLES:
        for suffix in (".txt", ".yaml"):
            shutil.copy(SAMPLE / f"{stem}{suffix}", corpus)
    nb = run_batch(corpus, tmp_path / "nb", mode="notebooks", jobs=2, progress=False)
    tb = run_batch(corpus, tmp_path / "tb", progress=False)
    assert (nb.done, nb.failed) == (tb.done, tb.failed) == (2, 1)
    for stem in ARTICLES[:2]:
        nb_tables = sorted((tmp_path / "nb" / "articles" / stem / "tables").glob("*.csv"))
        tb_tables = sorted((tmp_path / "tb" / "articles" / stem / "tables").glob("*.csv"))
        assert [p.name for p in nb_tables] == [p.name for p in tb_tables] and len(tb_tables) >= 5
        for a, b in zip(nb_tables, tb_tables):
            assert a.read_bytes() == b.read_bytes(), (stem, a.name)
        executed = sorted(p.name for p in (tmp_path / "nb" / "articles" / stem / "notebooks").glob("*.ipynb"))
        assert executed == sorted(p.name for p in paths.NOTEBOOKS.glob("0[1-3]_*.ipynb"))
    for name in ("quotes", "poll_claims", "claims"):
        assert (tmp_path / "nb" / "corpus" / f"{name}.csv").read_bytes() == (
            tmp_path / "tb" / "corpus" / f"{name}.csv"
        ).read_bytes()
    assert pd.read_csv(tmp_path / "nb" / "failures.csv")["doc_id"].tolist() == ["broken-encoding"]
    again = run_batch(corpus, tmp_path / "nb", mode="notebooks", jobs=2, progress=False)
    assert (again.done, again.skipped) == (0, 2)
