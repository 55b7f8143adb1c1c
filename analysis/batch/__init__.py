"""Corpus runs: the suite over many articles, resumable, on local processes or a Dask cluster.

`run_batch(source, out)` reads a corpus (`sources`), skips articles whose inputs are unchanged
(`store`), computes the rest in chunks (`tasks`) on local worker processes or Dask, writes each
article's results atomically, lists failures in `failures.csv` and gathers the corpus tables
(`corpus`). `python -m analysis batch` is its command line (`analysis/batch/command.py`).
"""

from __future__ import annotations

from .run import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
