"""Running the notebook suite on an article with papermill.

A run executes every numbered notebook in `notebooks/` with the article as a parameter, in a
staging folder beside the target; the notebooks are independent, so they run in parallel
processes (one per core by default). Only when all notebooks succeed does the staging folder
replace `runs/<slug>/` (and, for the default article, refresh `figures/`); a failing notebook
stops the run with a message naming the notebook and cell, and the previous results stay.
"""
from __future__ import annotations

import ast
import json
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat

from . import paths
from .article import load_article
from .contract import check_run_tables
from .errors import InputError

KERNEL = "python3"


class RunError(RuntimeError):
    """A notebook of the suite failed."""


def suite_notebooks() -> list[Path]:
    """The suite's per-article notebooks in run order: `notebooks/NN_*.ipynb` with an `article`
    parameter (a corpus notebook, which reads a batch's output instead, is not run per article)."""
    return [nb for nb in all_notebooks() if "article" in notebook_parameters(nb)]


def all_notebooks() -> list[Path]:
    """Every numbered notebook, `notebooks/NN_*.ipynb`, in order."""
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(notebook: Path) -> dict[str, object]:
    """Names and default values of a notebook's `parameters` cell."""
    import papermill

    return {name: ast.literal_eval(spec["default"])
            for name, spec in papermill.inspect_notebook(str(notebook)).items()}


def check_parameters(parameters: dict, declared: dict[Path, dict[str, object]]) -> dict:
    """The parameters, typed like the notebooks' defaults; refuse unknown names and values that
    do not fit (a number where a notebook expects text is taken as text: `-p claims=2024`)."""
    checked = {}
    for name, value in sorted(parameters.items()):
        defaults = {nb.name: d[name] for nb, d in declared.items() if name in d}
        if not defaults:
            raise InputError(paths.NOTEBOOKS, f"parameter {name!r} is not declared by any notebook")
        for notebook, default in sorted(defaults.items()):
            expected = type(default)
            if expected is str and isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            fits = isinstance(value, expected) or (expected is float and isinstance(value, int))
            if not fits or isinstance(value, bool) != isinstance(default, bool):
                raise InputError(paths.NOTEBOOKS / notebook, f"parameter {name!r} must be "
                                 f"{expected.__name__} like its default {default!r}, got {value!r}")
        checked[name] = value
    return checked


def execute(notebook: Path, output: Path, parameters: dict | None = None) -> None:
    """Execute one notebook with papermill; raise RunError naming the notebook and failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(notebook), str(output), parameters=parameters or {}, kernel_name=KERNEL,
            cwd=str(paths.NOTEBOOKS), progress_bar=False, log_output=False, start_timeout=180,
            request_save_on_cell_execute=False,  # write the output notebook once, at the end
        )
    except PapermillExecutionError as exc:
        raise RunError(
            f"notebook {notebook.name} failed in cell {exc.exec_count} "
            f"(cell index {exc.cell_index}): {exc.ename}: {exc.evalue}"
        ) from None


def run_suite(
    article: str | Path,
    out: str | Path | None = None,
    parameters: dict | None = None,
    notebooks: list[Path] | None = None,
    progress: Callable[[str], None] = print,
    jobs: int | None = None,
) -> Path:
    """Run every notebook on `article`; results go to `out` (default `runs/<slug>`).

    `parameters` are passed to the notebooks that declare them. The notebooks are independent
    (each reads the article and the reference data), so up to `jobs` of them (default: one per
    core) run at once, each in its own process and kernel. Returns the output folder.
    """
    article_path = paths.resolve(article)
    loaded = load_article(article_path)  # fail early, with a clear message, on bad input
    target = paths.resolve(out) if out else paths.run_dir(loaded.slug)
    notebooks = notebooks if notebooks is not None else suite_notebooks()
    if not notebooks:
        raise InputError(paths.NOTEBOOKS, "no notebooks found (expected NN_name.ipynb)")
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    parameters = check_parameters(parameters or {}, declared)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.staging-"))
    (staging / "notebooks").mkdir()
    jobs = max(1, min(jobs or len(os.sched_getaffinity(0)), len(notebooks)))
    progress(f"running {len(notebooks)} notebooks on {loaded.slug} ({jobs} at a time)")
    try:
        tasks = []
        for notebook in notebooks:
            given = {"article": paths.relative(article_path), "run_dir": paths.relative(staging),
                     **parameters}
            tasks.append((notebook, staging / "notebooks" / notebook.name,
                          {k: v for k, v in given.items() if k in declared[notebook]}))
        _execute_all(tasks, jobs, progress)
        check_run_tables(staging / "tables")
        for executed in sorted((staging / "notebooks").glob("*.ipynb")):
            _settle_notebook(executed, staging, target)
        _replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if article_path.resolve() == paths.DEFAULT_ARTICLE.resolve() and target == paths.run_dir(loaded.slug):
        publish_figures(target / "figures")
    progress(f"done: {paths.relative(target)} (notebooks, tables, figures)")
    return target


def _execute_all(tasks: list[tuple[Path, Path, dict]], jobs: int,
                 progress: Callable[[str], None]) -> None:
    """Execute (notebook, output, parameters) tasks; the first failure in notebook order wins."""
    total = len(tasks)
    if jobs == 1:
        for i, (notebook, output, params) in enumerate(tasks, start=1):
            progress(f"[{i}/{total}] {notebook.stem}")
            execute(notebook, output, params)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {pool.submit(execute, *task): task[0] for task in tasks}
        failures = {}
        for done, future in enumerate(as_completed(futures), start=1):
            notebook = futures[future]
            try:
                future.result()
                progress(f"[{done}/{total}] {notebook.stem} done")
            except RunError as exc:
                progress(f"[{done}/{total}] {notebook.stem} FAILED")
                failures[notebook] = exc
                for other in futures:
                    other.cancel()
    if failures:
        raise failures[min(failures)]


def _settle_notebook(path: Path, staging: Path, target: Path) -> None:
    """Make an executed notebook describe its final place and come out the same on every run:
    the staging folder's name becomes the target's, papermill's timing metadata goes and the
    injected cell gets a fixed id."""
    nb = nbformat.read(path, as_version=4)
    strip_run_metadata(nb)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill draws a random id
    text = nbformat.writes(nb)
    for old, new in ((str(staging), str(target)), (paths.relative(staging), paths.relative(target))):
        text = text.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1])
    path.write_text(text, encoding="utf-8")


def _replace(staging: Path, target: Path) -> None:
    """Move the finished staging folder into place; the old results go only after that."""
    backup = None
    if target.exists():
        backup = target.with_name(f".{target.name}.old")
        shutil.rmtree(backup, ignore_errors=True)
        target.rename(backup)
    staging.rename(target)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def publish_figures(folder: Path) -> None:
    """Copy a finished run's figures into the project's figures/ folder."""
    from .outputs import atomic_write_bytes

    for figure in sorted(folder.glob("*")):
        if figure.is_file():
            atomic_write_bytes(paths.FIGURES / figure.name, figure.read_bytes())


def refresh_notebooks(notebooks: list[Path] | None = None,
                      progress: Callable[[str], None] = print) -> None:
    """Re-execute the committed notebooks in place with their default parameters.

    Papermill's timing metadata is removed so that a re-run without changes gives no diff.
    """
    for notebook in notebooks or all_notebooks():
        progress(f"executing {paths.relative(notebook)}")
        with tempfile.TemporaryDirectory() as tmp:
            executed = Path(tmp) / notebook.name
            execute(notebook, executed)
            nb = nbformat.read(executed, as_version=4)
        strip_run_metadata(nb)
        nbformat.write(nb, notebook)


def strip_run_metadata(nb: nbformat.NotebookNode) -> None:
    """Drop papermill's and Jupyter's per-run metadata (timestamps, durations) in place, and
    merge each cell's consecutive stream outputs: the kernel flushes printed text in chunks whose
    boundaries depend on timing, so the same text may arrive as one output or as several."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)


def _coalesce_streams(outputs: list) -> list:
    merged: list = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (out.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == out.get("name")):
            previous["text"] = previous["text"] + out["text"]
        else:
            merged.append(out)
    return merged
