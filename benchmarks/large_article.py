"""Whole-suite time on large articles: is it linear in the article's size?

Builds articles of about 0.1, 1 and 5 MB by repeating the default article's paragraphs (numbered,
so no two paragraphs are identical), runs the whole suite on each (`run_suite`, every notebook in
its kernel; `--in-process` computes the saved tables with `analysis.pipeline` instead, without
kernels) and prints a table: seconds, seconds per MB, and the ratio of each time to the 1 MB
time beside the ratio of sizes. Linear time means the 5 MB ratio stays near 5 (the target is
at most 6); a quadratic step would give 25.

    .venv/bin/python benchmarks/large_article.py [--sizes 0.1,1,5] [--in-process] [--jobs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import paths  # noqa: E402
from analysis.article import read_text  # noqa: E402


def large_text(megabytes: float) -> str:
    """About `megabytes` MB of article text: the default article's paragraphs, repeated and numbered."""
    base = [p.strip() for p in read_text(paths.DEFAULT_ARTICLE).split("\n") if p.strip()]
    target = int(megabytes * 1_000_000)
    out, size, i = [], 0, 0
    while size < target:
        paragraph = f"{base[i % len(base)]} (Part {i // len(base) + 1}.)"
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def time_one(megabytes: float, workdir: Path, in_process: bool, jobs: int | None) -> float:
    article = workdir / f"large-{megabytes:g}mb.txt"
    article.write_text(large_text(megabytes), encoding="utf-8")
    start = time.perf_counter()
    if in_process:
        from analysis.article import load_article
        from analysis.pipeline import article_tables

        article_tables(load_article(article))
    else:
        from analysis.runner import run_suite

        run_suite(article, workdir / f"run-{megabytes:g}", progress=lambda _: None, jobs=jobs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,5", help="article sizes in MB, comma-separated")
    parser.add_argument("--in-process", action="store_true", help="tables only, no kernels (analysis.pipeline)")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks at once (run_suite's default)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            times[mb] = time_one(mb, Path(tmp), args.in_process, args.jobs)
            print(f"  {mb:g} MB: {times[mb]:.1f} s", file=sys.stderr, flush=True)
    base = 1.0 if 1.0 in times else sizes[0]
    mode = "in-process tables (analysis.pipeline)" if args.in_process else "whole suite (run_suite, kernels)"
    print(f"Large articles, {mode}; baseline = the {base:g} MB time, linear = ratio of sizes")
    print(f"{'size MB':>8} {'seconds':>9} {'s per MB':>9} {'time ratio':>11} {'size ratio':>11}")
    for mb in sizes:
        print(f"{mb:>8g} {times[mb]:>9.1f} {times[mb] / mb:>9.1f} {times[mb] / times[base]:>11.2f} {mb / base:>11.2f}")
    if 5.0 in times and 1.0 in times:
        ratio = times[5.0] / times[1.0]
        print(
            f"5 MB / 1 MB = {ratio:.2f} (target: at most 6; quadratic would be 25): "
            f"{'linear' if ratio <= 6 else 'NOT linear'}"
        )


if __name__ == "__main__":
    main()
