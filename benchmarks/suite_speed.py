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


def time_suite(article: Path, workdir: Path, jobs: int | None = None) -> float:
    start = time.perf_counter()
    run_suite(article, workdir / "run", progress=lambda _: None, jobs=jobs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--article", default=str(paths.DEFAULT_ARTICLE))
    args = parser.parse_args()
    count = len(suite_notebooks())
    article = paths.resolve(args.article)
    empty, suite, serial = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            empty.append(time_empty(count, Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            suite.append(time_suite(article, Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            serial.append(time_suite(article, Path(tmp), jobs=1))
    e = statistics.median(empty)
    rows = [
        ("papermill, empty notebooks (pandas+mpl), serial", e),
        ("suite run (default: one notebook per core)", statistics.median(suite)),
        ("suite run --jobs 1 (one after another)", statistics.median(serial)),
    ]
    print(f"article: {paths.relative(article)}; {count} notebooks; median of {args.repeat} runs")
    print(f"| {'what':<50} | {'seconds':>7} | {'ratio to empty':>14} |")
    print(f"|{'-' * 52}|{'-' * 9}|{'-' * 16}|")
    for name, seconds in rows:
        print(f"| {name:<50} | {seconds:>7.2f} | {seconds / e:>14.2f} |")
    print("target: suite run <= 2.00 x empty")


if __name__ == "__main__":
    main()
