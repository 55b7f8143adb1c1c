"""`python -m analysis batch SOURCE --out DIR`: the suite over a corpus (see analysis.batch)."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `batch` subcommand."""
    batch = sub.add_parser("batch", help="run the suite over a corpus (folder of .txt, JSONL or CSV)")
    batch.add_argument("source", help="a folder of .txt articles (with optional .yaml), a .jsonl or a .csv file")
    batch.add_argument("--out", required=True, help="output folder (created; an earlier batch's is resumed)")
    batch.add_argument(
        "--notebooks",
        action="store_true",
        help="run the three notebooks per article with papermill and keep them (slow)",
    )
    batch.add_argument("--jobs", type=int, default=1, help="worker processes (default 1; 0 = one per core)")
    batch.add_argument(
        "--dask", metavar="ADDRESS", help="send the work to a Dask scheduler at ADDRESS, or 'local' for a LocalCluster"
    )
    batch.add_argument("--force", action="store_true", help="recompute articles whose results are current")
    batch.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Run the batch; exit status 0 when every article succeeded, 1 when any failed."""
    from ..paths import relative
    from . import run_batch

    summary = run_batch(
        args.source,
        args.out,
        mode="notebooks" if args.notebooks else "tables",
        jobs=args.jobs,
        dask=args.dask,
        force=args.force,
        progress=not args.no_progress,
    )
    print(
        f"{summary.total} articles: {summary.done} computed, {summary.skipped} skipped (unchanged), "
        f"{summary.failed} failed; results in {relative(summary.out)}"
        + (f" (see {relative(summary.out / 'failures.csv')})" if summary.failed else "")
    )
    return 0 if summary.ok else 1
