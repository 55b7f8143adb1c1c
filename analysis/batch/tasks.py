"""The work of a batch: one chunk of articles analysed and stored, in tables or notebook mode.

`run_chunk` is what local worker processes and Dask workers execute. Tables mode computes each
article's tables in-process with `analysis.pipeline` (the functions the notebooks call);
notebook mode runs the notebooks with `analysis.runner.run_suite`. Either way every table is
checked against its contract schema, and an article's results are committed only when all of
it succeeded; a failing article becomes an outcome with its reason, never an exception.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..article import Article, metadata_from_mapping, normalise_text
from ..contract import CONTRACT, contract_problem
from ..errors import InputError
from . import store
from .sources import Document

MODES = ("tables", "notebooks")


@dataclass
class Outcome:
    """What happened to one article: "done" or "failed" (with the reason)."""

    doc_id: str
    key: str
    status: str
    reason: str = ""
    origin: str = ""
    seconds: float = 0.0


def load_document(doc: Document) -> Article:
    """The article of a document, as `load_article` would build it from a file; InputError if unusable."""
    metadata = metadata_from_mapping(doc.metadata or None, doc.origin)
    article = Article.from_text(normalise_text(doc.text or ""), slug=doc.key, metadata=metadata)
    if not article.paragraphs:
        raise InputError(doc.origin, "no paragraphs found")
    return article


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.problem
    return f"{type(exc).__name__}: {exc}".strip().splitlines()[0][:500]


def _check_chunk(computed: dict[str, dict[str, pd.DataFrame]]) -> dict[str, str]:
    """Contract problems by article key; each contract table is validated once for the whole chunk."""
    problems: dict[str, str] = {}
    for name, expected in CONTRACT.items():
        for key, tables in computed.items():
            if name in tables and list(tables[name].columns[: len(expected)]) != expected:
                problems.setdefault(key, f"table {name}: {contract_problem(tables[name], name)}")
        frames = {
            key: tables[name]
            for key, tables in computed.items()
            if name in tables and len(tables[name]) and key not in problems
        }
        if not frames:
            continue
        with warnings.catch_warnings():  # all-empty columns: their dtype does not matter for the check
            warnings.simplefilter("ignore", FutureWarning)
            combined = pd.concat(frames.values(), keys=list(frames), names=["_article", "_row"])
        if contract_problem(combined, name) is None:
            continue
        for key, df in frames.items():  # rare: find which articles break it
            problem = contract_problem(df, name)
            if problem:
                problems.setdefault(key, f"table {name}: {problem}")
    return problems


def _result(doc: Document, fp: str, mode: str, tables: dict[str, pd.DataFrame]) -> dict:
    return {
        "doc_id": doc.doc_id,
        "key": doc.key,
        "origin": doc.origin,
        "fingerprint": fp,
        "mode": mode,
        "metadata": {k: str(v) for k, v in sorted(doc.metadata.items())},
        "rows": {name: int(len(df)) for name, df in sorted(tables.items())},
    }


def _tables_chunk(docs: list[Document], out: Path, fps: dict[str, str]) -> list[Outcome]:
    from ..pipeline import article_tables

    outcomes: dict[str, Outcome] = {}
    computed: dict[str, dict[str, pd.DataFrame]] = {}
    started: dict[str, float] = {}
    for doc in docs:
        started[doc.key] = time.perf_counter()
        try:
            computed[doc.key] = article_tables(load_document(doc))
        except Exception as exc:  # one bad article must not stop the batch
            outcomes[doc.key] = Outcome(doc.doc_id, doc.key, "failed", _reason(exc), doc.origin)
    for key, problem in _check_chunk(computed).items():
        doc = next(d for d in docs if d.key == key)
        outcomes[key] = Outcome(doc.doc_id, key, "failed", problem, doc.origin)
        del computed[key]
    for doc in docs:
        if doc.key not in computed:
            continue
        staging = store.new_staging(out, doc.key)
        try:
            store.write_tables(staging, computed[doc.key])
            store.commit(out, staging, _result(doc, fps[doc.key], "tables", computed[doc.key]))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        outcomes[doc.key] = Outcome(
            doc.doc_id, doc.key, "done", origin=doc.origin, seconds=time.perf_counter() - started[doc.key]
        )
    return [outcomes[d.key] for d in docs]


def _notebook_article(doc: Document, out: Path, fp: str, parameters: dict) -> Outcome:
    from ..runner import run_suite

    start = time.perf_counter()
    load_document(doc)  # the same validation as tables mode, before any kernel starts
    staging = store.new_staging(out, doc.key)
    try:
        with tempfile.TemporaryDirectory(prefix="batch-input-") as tmp:
            source = Path(tmp) / f"{doc.key}.txt"
            source.write_text(normalise_text(doc.text or ""), encoding="utf-8")
            if doc.metadata:
                meta = {k: str(v) if k == "published" else v for k, v in doc.metadata.items()}
                source.with_suffix(".yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
            run = staging / "run"
            run_suite(source, run, parameters=parameters, progress=lambda _: None, jobs=1)
        for part in run.iterdir():
            part.rename(staging / part.name)
        run.rmdir()
        tables = {p.stem: pd.read_csv(p) for p in sorted((staging / "tables").glob("*.csv"))}
        problems = _check_chunk({doc.key: tables})
        if problems:
            raise InputError(doc.origin, problems[doc.key])
        store.commit(out, staging, _result(doc, fp, "notebooks", tables))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(doc.doc_id, doc.key, "done", origin=doc.origin, seconds=time.perf_counter() - start)


def run_chunk(
    docs: list[Document], out: str | Path, fps: dict[str, str], mode: str = "tables", parameters: dict | None = None
) -> list[Outcome]:
    """Analyse and store a chunk of articles; one Outcome per article, in order."""
    out = Path(out)
    if mode == "tables":
        return _tables_chunk(docs, out, fps)
    outcomes = []
    for doc in docs:
        try:
            outcomes.append(_notebook_article(doc, out, fps[doc.key], parameters or {}))
        except Exception as exc:  # RunError (a notebook failed), InputError, anything else
            outcomes.append(Outcome(doc.doc_id, doc.key, "failed", _reason(exc), doc.origin))
    return outcomes
