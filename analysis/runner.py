"""Running the notebook suite on an article with papermill.

A run executes every numbered notebook in `notebooks/` with the article as a parameter, in a
staging folder beside the target; the notebooks are independent, so they run in parallel
processes (one per core by default). Only when all notebooks succeed does the staging folder
replace `runs/<slug>/` (and, for the default article, refresh `figures/`); a failing notebook
stops the run with a message naming the notebook and cell, the previous results stay, and the
failed notebook is kept beside them (`<out>.failed/`) for inspection.

Safety: an output folder is replaced only if a previous run wrote it (`safe_output`); a lock
file beside it keeps two runs from writing to one folder at once; staging folders a killed run
left behind are removed by the next run to the same folder; worker processes end with the
runner (SIGTERM ends the run cleanly, and on Linux workers die with it even on SIGKILL); a
kernel that cannot start because a concurrent run took its TCP port is started again; kernel
log lines stay out of the run's output.
"""

from __future__ import annotations

import ast
import contextlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat

from . import paths
from .article import load_article
from .contract import check_run_tables
from .errors import InputError, brief, cut
from .outputs import follow_umask
from .safe_output import MARKER, check_replaceable, write_marker

KERNEL = "python3"
RUNNER_PARAMETERS = ("article", "run_dir")  # set by the runner for every notebook, never with -p
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]  # no kernel log lines in a run's output


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

    return {name: ast.literal_eval(spec["default"]) for name, spec in papermill.inspect_notebook(str(notebook)).items()}


def check_parameters(parameters: dict, declared: dict[Path, dict[str, object]]) -> dict:
    """The parameters, typed like the notebooks' defaults; refuse the runner's own parameters
    (`article`, `run_dir`), unknown names and values that do not fit (a number where a notebook
    expects text is taken as text: `-p claims=2024`)."""
    checked = {}
    for name, value in sorted(parameters.items()):
        if name in RUNNER_PARAMETERS:
            raise InputError(
                paths.NOTEBOOKS,
                f"parameter {name!r} is set by the runner itself and cannot be "
                "given with -p; give the article as the first argument and the "
                "output folder with --out",
            )
        defaults = {nb.name: d[name] for nb, d in declared.items() if name in d}
        if not defaults:
            raise InputError(paths.NOTEBOOKS, f"parameter {brief(name)} is not declared by any notebook")
        for notebook, default in sorted(defaults.items()):
            expected = type(default)
            if expected is str and isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            fits = isinstance(value, expected) or (expected is float and isinstance(value, int))
            if not fits or isinstance(value, bool) != isinstance(default, bool):
                raise InputError(
                    paths.NOTEBOOKS / notebook,
                    f"parameter {name!r} must be {expected.__name__} like its default {default!r}, got {brief(value)}",
                )
        checked[name] = value
    return checked


def execute(notebook: Path, output: Path, parameters: dict | None = None, attempts: int = 3) -> None:
    """Execute one notebook with papermill; raise RunError naming the notebook and failing cell.

    The executed notebook is written to `output` also when a cell fails. A kernel that fails to
    start (two runs that picked the same free TCP port at once: "Address already in use") is
    started again, up to `attempts` times in all."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    for attempt in range(1, attempts + 1):
        try:
            papermill.execute_notebook(
                str(notebook),
                str(output),
                parameters=parameters or {},
                kernel_name=KERNEL,
                cwd=str(paths.NOTEBOOKS),
                progress_bar=False,
                log_output=False,
                start_timeout=180,
                request_save_on_cell_execute=False,  # write the output notebook once, at the end
                extra_arguments=KERNEL_ARGUMENTS,
            )
            return
        except PapermillExecutionError as exc:
            raise RunError(
                f"notebook {notebook.name} failed in cell [{exc.exec_count}]: {exc.ename}: {cut(str(exc.evalue), 300)}"
            ) from None
        except OSError:
            raise  # a folder that cannot be written: the caller names it
        except Exception as exc:  # a kernel that died or did not start, a notebook that cannot be read
            if attempt == attempts or _ran_cells(output):
                raise RunError(
                    f"notebook {notebook.name} could not be run: {type(exc).__name__}: {cut(str(exc), 300)}"
                ) from None


def _ran_cells(output: Path) -> bool:
    """Whether an executed notebook at `output` shows any cell run (then a retry would repeat work
    that failed for a reason of its own, not a kernel that never started)."""
    try:
        nb = nbformat.read(output, as_version=4)
    except Exception:  # noqa: BLE001 (no notebook written, or half of one)
        return False
    return any(c.get("execution_count") for c in nb.cells if c.cell_type == "code")


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
    core) run at once, each in its own process and kernel. Returns the output folder. Relative
    paths are taken from the project root (the command line resolves them from the current
    folder first). `out` is refused unless it is new, empty or an earlier run's folder.
    """
    article_path = paths.resolve(article)
    loaded = load_article(article_path)  # fail early, with a clear message, on bad input
    target = Path(os.path.abspath(paths.resolve(out) if out else paths.run_dir(loaded.slug)))
    notebooks = notebooks if notebooks is not None else suite_notebooks()
    if not notebooks:
        raise InputError(paths.NOTEBOOKS, "no notebooks found (expected NN_name.ipynb)")
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    parameters = check_parameters(parameters or {}, declared)
    try:
        check_replaceable(target, "run")
    except InputError as exc:
        if out or not target.is_dir():
            raise
        raise InputError(
            target,
            f"{exc.problem} (a run folder from before runs were marked: move it away or delete it, e.g. `make clean`)",
        ) from None
    failed_dir = target.with_name(f"{target.name}.failed")
    jobs = max(1, min(jobs or len(os.sched_getaffinity(0)), len(notebooks)))
    with _writing(target), output_lock(target), _terminate_on_sigterm():
        check_replaceable(target, "run")  # again, now that no other run can change it
        _recover(target)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.staging-"))
        try:
            follow_umask(staging, directory=True)
            progress(f"running {len(notebooks)} notebooks on {loaded.slug} ({jobs} at a time)")
            (staging / "notebooks").mkdir()
            tasks = []
            for notebook in notebooks:
                given = {"article": paths.relative(article_path), "run_dir": paths.relative(staging), **parameters}
                tasks.append(
                    (
                        notebook,
                        staging / "notebooks" / notebook.name,
                        {k: v for k, v in given.items() if k in declared[notebook]},
                    )
                )
            try:
                _execute_all(tasks, jobs, progress)
            except RunError as exc:
                kept = _keep_failed(str(exc), staging, target, failed_dir)
                raise RunError(f"{exc}; {kept}the previous results in {paths.relative(target)} are untouched") from None
            check_run_tables(staging / "tables")
            for executed in sorted((staging / "notebooks").glob("*.ipynb")):
                _settle_notebook(executed, staging, target)
            write_marker(staging, "run")
            _replace(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _remove_if_marked(failed_dir, "failed run")
        if article_path.resolve() == paths.DEFAULT_ARTICLE.resolve() and target == paths.run_dir(loaded.slug):
            publish_figures(target / "figures")
    progress(f"done: {paths.relative(target)} (notebooks, tables, figures)")
    return target


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """Report a folder that cannot be written (read-only, disk full) as an InputError naming it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        yield
    except OSError as exc:
        where = exc.filename or target
        raise InputError(
            where,
            f"cannot be written: {exc.strerror or exc} (the output folder {paths.relative(target)} is left as it was)",
        ) from None


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on `target` for the length of a run (a `.<name>.lock` file beside it);
    a second run to the same folder is refused at once rather than interleaved with the first."""
    import fcntl

    with open(target.with_name(f".{target.name}.lock"), "a+b") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(
                target, "another run is writing to this folder right now; wait for it to finish or choose another --out"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _recover(target: Path) -> None:
    """Tidy what a killed run left beside `target` (called holding the lock, so no run is live):
    its staging folders go, and results moved aside for a replacement that never finished return."""
    for stale in target.parent.glob(f".{target.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    backup = target.with_name(f".{target.name}.old")
    if backup.is_dir() and not target.exists():
        backup.rename(target)
    shutil.rmtree(backup, ignore_errors=True)


def _keep_failed(message: str, staging: Path, target: Path, failed_dir: Path) -> str:
    """Copy the failed notebook to `<target>.failed/`; returns the words naming it for the message."""
    name = message.split()[1] if message.startswith("notebook ") else ""
    executed = staging / "notebooks" / name
    if not name or not executed.is_file():
        return ""
    try:
        check_replaceable(failed_dir, "failed run")
    except InputError:
        return ""  # a folder of the user's own by that name: leave it alone
    _remove_if_marked(failed_dir, "failed run")
    failed_dir.mkdir(parents=True, exist_ok=True)
    write_marker(failed_dir, "failed run")
    _settle_notebook(executed, staging, target)
    shutil.copyfile(executed, failed_dir / name)
    return f"the failed notebook is kept as {paths.relative(failed_dir / name)}; "


def _remove_if_marked(folder: Path, kind: str) -> None:
    """Remove `folder` if it is a `kind` output folder (its marker says so)."""
    marker = folder / MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8", errors="replace").strip() == kind:
        shutil.rmtree(folder, ignore_errors=True)


class _Terminated(SystemExit):
    """SIGTERM received: unwinds the run so that its staging folder and workers are cleaned up."""


@contextlib.contextmanager
def _terminate_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception in the main thread for the length of a run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):  # noqa: ARG001
        raise _Terminated(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _die_with_parent() -> None:
    """Worker initialiser: on Linux, ask the kernel to end this process when the runner dies
    (even by SIGKILL), which in turn ends its notebook kernel (ipykernel watches its parent)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the runner died before prctl took effect
        os._exit(1)


def _execute_all(tasks: list[tuple[Path, Path, dict]], jobs: int, progress: Callable[[str], None]) -> None:
    """Execute (notebook, output, parameters) tasks; the first failure in notebook order wins."""
    total = len(tasks)
    if jobs == 1:
        for i, (notebook, output, params) in enumerate(tasks, start=1):
            progress(f"[{i}/{total}] {notebook.stem}")
            execute(notebook, output, params)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_die_with_parent)
    failures = {}
    try:
        futures = {pool.submit(execute, *task): task[0] for task in tasks}
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
    except BaseException:
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    if failures:
        raise failures[min(failures)]


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's worker processes now (their kernels follow) rather than wait for them."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


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


def refresh_notebooks(notebooks: list[Path] | None = None, progress: Callable[[str], None] = print) -> None:
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
        if (
            out.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == out.get("name")
        ):
            previous["text"] = previous["text"] + out["text"]
        else:
            merged.append(out)
    return merged
