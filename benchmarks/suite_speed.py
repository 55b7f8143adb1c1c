"""How long the whole suite run takes against papermill running as many empty notebooks.

The empty notebooks import pandas and matplotlib and do nothing else, so the ratio is the cost
of the suite's own work on top of papermill's kernel start-up. Prints a table:

    .venv/bin/python benchmarks/suite_speed.py [--repeat 3] [--article data/articles/<slug>.txt]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import paths  # noqa: E402
from analysis.runner import KERNEL, execute, run_suite, suite_notebooks  # noqa: E402


def empty_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('article = ""  # unused')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("import pandas\nimport matplotlib\nmatplotlib.use('Agg')")]
    nbformat.write(nb, path)
    return path


def time_empty(count: int, workdir: Path) -> float:
    notebooks = [empty_notebook(workdir / f"{i:02d}_empty.ipynb") for i in range(count)]
    start = time.perf_counter()
    for nb in notebooks:
        execute(nb, workdir / f"out_{nb.name}", {"article": "x"})
    return time.perf_counter() - start


def time_suite(article: Path, workdir: Path) -> float:
    start = time.perf_counter()
    run_suite(article, workdir / "run", progress=lambda _: None)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--article", default=str(paths.DEFAULT_ARTICLE))
    args = parser.parse_args()
    count = len(suite_notebooks())
    empty, suite = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            empty.append(time_empty(count, Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            suite.append(time_suite(paths.resolve(args.article), Path(tmp)))
    e, s = statistics.median(empty), statistics.median(suite)
    print(f"{'what':<44} {'notebooks':>9} {'median s':>9} {'runs':>5}")
    print(f"{'papermill, empty notebooks (pandas+mpl)':<44} {count:>9} {e:>9.2f} {args.repeat:>5}")
    print(f"{'suite run: ' + paths.relative(paths.resolve(args.article)):<44} {count:>9} {s:>9.2f} {args.repeat:>5}")
    print(f"ratio suite / empty = {s / e:.2f} (target <= 2.00)")


if __name__ == "__main__":
    main()
