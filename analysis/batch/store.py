"""Where a batch keeps its results, and how it knows an article is finished and unchanged.

Layout of the output folder:

    DIR/articles/<key>/tables/*.csv          the article's contract tables (as a run writes them)
    DIR/articles/<key>/notebooks/, figures/  the executed notebooks and figures (--notebooks)
    DIR/articles/<key>/result.json           doc_id, metadata, fingerprint, mode, table row counts
    DIR/failures.csv                          articles of the last batch that failed, with the reason
    DIR/corpus/                               the corpus tables (`corpus.py`)

An article's folder is built under a temporary name and renamed into place, so it exists only
complete. Its fingerprint hashes everything its results depend on: text, metadata, claim
register and speaker file, reference data, the package (version and code) and the mode; an
article whose fingerprint matches its result.json is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from importlib import metadata as importlib_metadata
from pathlib import Path

import pandas as pd

from .. import paths
from ..outputs import atomic_write_bytes, write_table
from .sources import Document

RESULT = "result.json"
STAGING = ".staging-"
FAILURE_COLUMNS = ["doc_id", "origin", "reason"]


def _digest_files(files: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(files):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def environment_digest(mode: str) -> str:
    """Hash of what every article's results depend on besides its own inputs: the package
    (version and code), the reference data and, in notebook mode, the notebooks."""
    package = paths.PROJECT_ROOT / "analysis"
    code = [f for f in package.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
    parts = {
        "version": importlib_metadata.version("analysis"),
        "code": _digest_files(code, package),
        "reference": _digest_files([f for f in paths.REFERENCE.rglob("*") if f.is_file()], paths.REFERENCE),
        "mode": mode,
    }
    if mode == "notebooks":
        parts["notebooks"] = _digest_files(list(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")), paths.NOTEBOOKS)
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def fingerprint(doc: Document, environment: str) -> str:
    """Hash of an article's inputs: text, metadata, its claim register and speaker file (by key)."""
    h = hashlib.sha256(environment.encode())
    h.update(
        json.dumps(
            {"text": doc.text, "metadata": {k: str(v) for k, v in sorted(doc.metadata.items())}}, sort_keys=True
        ).encode()
    )
    for own in (paths.CLAIMS / f"{doc.key}.yaml", paths.SPEAKERS / f"{doc.key}.yaml"):
        h.update(own.read_bytes() if own.is_file() else b"-")
    return h.hexdigest()


def articles_dir(out: Path) -> Path:
    return Path(out) / "articles"


def read_result(out: Path, key: str) -> dict | None:
    """An article's result.json, or None when it has no complete results."""
    path = articles_dir(out) / key / RESULT
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_current(out: Path, doc: Document, fp: str) -> bool:
    """True when the article's stored results were computed from these very inputs."""
    result = read_result(out, doc.key)
    return result is not None and result.get("fingerprint") == fp


def new_staging(out: Path, key: str) -> Path:
    """A fresh temporary folder for an article's results, beside their final place."""
    parent = articles_dir(out)
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=parent, prefix=f".{key}{STAGING}"))


def write_tables(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Write each table as `tables/<name>.csv`, like a run does."""
    for name, df in tables.items():
        write_table(df, folder / "tables" / f"{name}.csv")


def commit(out: Path, staging: Path, result: dict) -> None:
    """Write result.json into `staging` and move the finished folder into place atomically."""
    atomic_write_bytes(staging / RESULT, json.dumps(result, indent=1, sort_keys=True).encode("utf-8"))
    target = articles_dir(out) / result["key"]
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}{STAGING}old-"))
        os.rename(target, old / "previous")
    os.rename(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(out: Path) -> int:
    """Remove what a killed batch left half-written (staging folders, temporary files); return how many."""
    removed = 0
    folder = articles_dir(out)
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.name.startswith(".") and STAGING in entry.name:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
    for tmp in Path(out).rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def table_files(out: Path, key: str) -> list[Path]:
    """An article's stored table files (`tables/<name>.csv`), by name."""
    return sorted((articles_dir(out) / key / "tables").glob("*.csv"))


def write_failures(out: Path, failures: list[dict]) -> Path:
    """failures.csv: one row per failed article (doc_id, origin, reason), in corpus order."""
    return write_table(pd.DataFrame(failures, columns=FAILURE_COLUMNS), Path(out) / "failures.csv")
