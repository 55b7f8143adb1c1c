"""Batch speed: articles per second in tables mode (one core, two local workers, a Dask
LocalCluster) and seconds per article in notebook mode against the papermill floor.

The corpus is the benchmark corpora of ../shared/benchmarks (every *dev.jsonl with full text)
repeated to `--articles` documents with distinct ids; it is written to a temporary folder and
never into the project. The papermill floor is three empty notebooks (importing pandas and
matplotlib) per article, executed by the same number of workers. Prints a table:

    .venv/bin/python benchmarks/batch.py [--articles 1000] [--notebook-articles 4] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from suite_speed import empty_notebook  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.batch import run_batch  # noqa: E402
from analysis.runner import execute  # noqa: E402

SHARED = paths.PROJECT_ROOT.parent / "shared" / "benchmarks"


def corpus(path: Path, count: int) -> Path:
    """`count` documents cycling through the benchmark corpora, each with its own doc_id."""
    docs = []
    for f in sorted(SHARED.glob("*/dev.jsonl")):
        docs += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not docs:
        sys.exit(f"no benchmark corpora found under {SHARED}")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            d = docs[i % len(docs)]
            rec = {"doc_id": f"{d['doc_id']}#{i}", "text": d["text"]}
            rec.update({k: d[k] for k in ("title", "outlet", "url", "published") if d.get(k)})
            fh.write(json.dumps(rec) + "\n")
    return path


def timed_batch(source: Path, out: Path, **kw) -> tuple[float, object]:
    start = time.perf_counter()
    summary = run_batch(source, out, progress=False, **kw)
    return time.perf_counter() - start, summary


def _empty_article(workdir: str) -> None:
    for i in range(3):
        nb = empty_notebook(Path(workdir) / f"{i:02d}_empty.ipynb")
        execute(nb, Path(workdir) / f"out_{nb.name}", {"article": "x"})


def papermill_floor(articles: int, workers: int, tmp: Path) -> float:
    """Wall time of `articles` x three empty notebooks on `workers` processes."""
    dirs = [tmp / f"floor{i}" for i in range(articles)]
    for d in dirs:
        d.mkdir()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_empty_article, map(str, dirs)))
    return time.perf_counter() - start


def shell_loop(source: Path, count: int, tmp: Path) -> float:
    """The status quo: one `python -m analysis run` per article (three kernels each)."""
    lines = source.read_text(encoding="utf-8").splitlines()[:count]
    start = time.perf_counter()
    for i, line in enumerate(lines):
        article = tmp / f"loop-{i}.txt"
        article.write_text(json.loads(line)["text"], encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "analysis", "run", str(article), "--out", str(tmp / f"loop-run-{i}")],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=paths.PROJECT_ROOT,
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--notebook-articles", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--loop-articles", type=int, default=2, help="articles for the shell-loop baseline")
    args = parser.parse_args()
    w = args.workers
    print(f"machine: {os.cpu_count()} cores; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        src = corpus(tmp / "corpus.jsonl", args.articles)
        for label, kw in (
            ("tables mode, --jobs 1 (one core)", {"jobs": 1}),
            (f"tables mode, --jobs {w} (local processes)", {"jobs": w}),
            (f"tables mode, --dask local ({w} workers)", {"jobs": w, "dask": "local"}),
        ):
            seconds, summary = timed_batch(src, tmp / f"out-{len(rows)}", **kw)
            rows.append((label, summary.done + summary.failed, seconds))
        seconds, summary = timed_batch(src, tmp / "out-0", jobs=1)  # everything current: all skipped
        rows.append(("resume, nothing changed (--jobs 1)", summary.skipped, seconds))
        loop = shell_loop(src, args.loop_articles, tmp)
        rows.insert(0, ("baseline: shell loop of `analysis run`", args.loop_articles, loop))
        n = args.notebook_articles
        nb_src = corpus(tmp / "nb.jsonl", n)
        floor = papermill_floor(n, w, tmp)
        nb_seconds, nb_summary = timed_batch(nb_src, tmp / "out-nb", mode="notebooks", jobs=w)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"| {'what':<42} | {'articles':>8} | {'seconds':>8} | {'articles/s':>10} | {'s/article':>9} |")
    print(f"|{'-' * 44}|{'-' * 10}|{'-' * 10}|{'-' * 12}|{'-' * 11}|")
    for label, count, seconds in rows:
        print(f"| {label:<42} | {count:>8} | {seconds:>8.2f} | {count / seconds:>10.1f} | {seconds / count:>9.3f} |")
    print("target: tables mode >= 100 articles/s on one core (all four analyses)")
    print()
    print(f"| {'notebook mode, ' + str(w) + ' workers':<42} | {'articles':>8} | {'s/article':>9} | {'x floor':>7} |")
    print(f"|{'-' * 44}|{'-' * 10}|{'-' * 11}|{'-' * 9}|")
    print(f"| {'papermill floor (3 empty notebooks/article)':<42} | {n:>8} | {floor / n:>9.2f} | {1:>7.2f} |")
    print(f"| {'batch --notebooks':<42} | {nb_summary.done:>8} | {nb_seconds / n:>9.2f} | {nb_seconds / floor:>7.2f} |")
    print("target: notebook mode <= 1.30 x the papermill floor per article at the same number of workers")


if __name__ == "__main__":
    main()
