"""Running a batch: decide what to skip, hand chunks to an executor, record outcomes, gather the corpus.

Executors are existing engines, never a home-made queue: the current process (`jobs=1`), a
`concurrent.futures.ProcessPoolExecutor` of local workers (`jobs=N`), or a Dask distributed
`Client` (`dask="local"` starts a `LocalCluster` of `jobs` workers; any other value is a
scheduler address such as `tcp://10.0.0.5:8786`).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import InputError
from ..safe_output import check_replaceable, write_marker
from . import store
from .corpus import ARTICLE_COLUMNS, write_corpus
from .progress import Progress
from .sources import Document, read_source
from .tasks import MODES, Outcome, run_chunk

TABLES_CHUNK = 50  # articles per task in tables mode: the contract check runs once per chunk


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did: counts of articles and where the results are."""

    out: Path
    total: int
    done: int
    skipped: int
    failed: int

    @property
    def ok(self) -> bool:
        return self.failed == 0


def _chunks(docs: list[Document], size: int) -> list[list[Document]]:
    return [docs[i : i + size] for i in range(0, len(docs), size)]


@contextlib.contextmanager
def _executor(jobs: int, dask: str | None) -> Iterator[object]:
    """An object with `submit` whose futures work with `as_completed` of the same engine."""
    if dask:
        from distributed import Client, LocalCluster

        if dask == "local":
            with (
                LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
                Client(cluster) as client,
            ):
                yield client
        else:
            with Client(dask) as client:
                yield client
    elif jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    else:
        yield None


def _completed(futures: list, dask: str | None) -> Iterator:
    if dask:
        from distributed import as_completed as dask_completed

        return iter(dask_completed(futures))
    return as_completed(futures)


def _execute(
    chunks: list[list[Document]],
    out: Path,
    fps: dict[str, str],
    mode: str,
    jobs: int,
    dask: str | None,
    parameters: dict,
) -> Iterator[list[Outcome]]:
    """Yield each chunk's outcomes as it finishes."""
    with _executor(jobs, dask) as executor:
        if executor is None:
            for chunk in chunks:
                yield run_chunk(chunk, out, fps, mode, parameters)
            return
        futures = {
            executor.submit(run_chunk, chunk, str(out), {d.key: fps[d.key] for d in chunk}, mode, parameters): chunk
            for chunk in chunks
        }
        for future in _completed(list(futures), dask):
            try:
                yield future.result()
            except Exception as exc:  # a worker died or the chunk broke: its articles failed, the rest go on
                reason = f"worker error: {type(exc).__name__}: {exc}".splitlines()[0][:500]
                yield [Outcome(d.doc_id, d.key, "failed", reason, d.origin) for d in futures[future]]


def run_batch(
    source: str | Path,
    out: str | Path,
    mode: str = "tables",
    jobs: int = 1,
    dask: str | None = None,
    force: bool = False,
    progress: bool = True,
    parameters: dict | None = None,
    chunk_size: int | None = None,
) -> BatchSummary:
    """Analyse every article of `source` into `out`; skip articles whose results are current."""
    if mode not in MODES:
        raise InputError(str(source), f"unknown mode {mode!r}; expected one of {MODES}")
    jobs = max(1, jobs or len(os.sched_getaffinity(0)))
    target = paths.resolve(out)
    docs = read_source(source)
    check_replaceable(target, "batch")
    target.mkdir(parents=True, exist_ok=True)
    write_marker(target, "batch")
    store.clean_leftovers(target)
    environment = store.environment_digest(mode)
    fps = {d.key: store.fingerprint(d, environment) for d in docs if d.problem is None}

    bar = Progress(len(docs), show=progress)
    status: dict[str, tuple[str, str]] = {}
    todo: list[Document] = []
    for doc in docs:
        if doc.problem is not None:
            status[doc.key] = ("failed", doc.problem)
            bar.add("failed")
        elif not force and store.is_current(target, doc, fps[doc.key]):
            status[doc.key] = ("skipped", "")
            bar.add("skipped")
        else:
            todo.append(doc)
    size = chunk_size or (TABLES_CHUNK if mode == "tables" else 1)
    size = max(1, min(size, math.ceil(len(todo) / (jobs * 4)) if jobs > 1 else size))  # several chunks a worker
    try:
        for outcomes in _execute(_chunks(todo, size), target, fps, mode, jobs, dask, parameters or {}):
            for o in outcomes:
                status[o.key] = (o.status, o.reason)
                bar.add(o.status)
    finally:
        bar.close()
    store.write_failures(
        target,
        [
            {"doc_id": d.doc_id, "origin": d.origin, "reason": status[d.key][1]}
            for d in docs
            if status.get(d.key, ("failed",))[0] == "failed"
        ],
    )
    _gather(target, docs, status)
    counts = {s: sum(1 for v, _ in status.values() if v == s) for s in ("done", "skipped", "failed")}
    return BatchSummary(target, len(docs), counts["done"], counts["skipped"], counts["failed"])


def _gather(target: Path, docs: list[Document], status: dict[str, tuple[str, str]]) -> None:
    """Write the corpus tables of every finished article, in corpus order."""
    rows, parts = [], {}
    for doc in docs:
        state, reason = status.get(doc.key, ("failed", "not run"))
        meta = doc.metadata
        published = meta.get("published")
        ids = {
            "doc_id": doc.doc_id,
            "outlet": meta.get("outlet"),
            "published": str(published) if published not in (None, "") else None,
        }
        rows.append({**ids, "key": doc.key, "title": meta.get("title"), "status": state, "reason": reason})
        if state in ("done", "skipped"):
            for path in store.table_files(target, doc.key):
                parts.setdefault(path.stem, []).append((ids, path))
    write_corpus(target / "corpus", pd.DataFrame(rows, columns=ARTICLE_COLUMNS), parts)
