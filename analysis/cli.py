"""Command line: `python -m analysis run ARTICLE [--out DIR]`, `quotes IN --out PRED`, `polls IN --out PRED`,
`claims IN --out PRED`, `register ARTICLE`, `batch SOURCE --out DIR`, `notebooks`.

Paths typed on the command line are read from the current folder (messages show them resolved).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import paths
from .errors import InputError, brief, display_path


def _parse_parameter(text: str) -> tuple[str, object]:
    """NAME=VALUE, with VALUE read as an int or float when it is one."""
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {brief(text)}")
    for cast in (int, float):
        try:
            return name, cast(value)
        except ValueError:
            pass
    return name, value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m analysis` and its subcommands."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run every notebook on an article (papermill)")
    run.add_argument(
        "article",
        nargs="?",
        default=None,
        help=f"plain-text article file (default: {paths.relative(paths.DEFAULT_ARTICLE)})",
    )
    run.add_argument("--out", help="output folder (default: runs/<slug>)")
    run.add_argument(
        "--jobs", type=int, default=None, help="notebooks run at once (default: one per core; 1 = one after another)"
    )
    run.add_argument(
        "-p",
        "--parameter",
        action="append",
        type=_parse_parameter,
        default=[],
        metavar="NAME=VALUE",
        help="notebook parameter, e.g. -p assumed_n=500",
    )

    quotes = sub.add_parser("quotes", help="quote predictions for a benchmark JSONL file")
    quotes.add_argument("input", help="documents in the ../shared/benchmarks JSONL format")
    quotes.add_argument("--out", required=True, help="predictions in the scorer's format")

    polls = sub.add_parser("polls", help="poll-figure predictions for a benchmark JSONL file")
    polls.add_argument("input", help="documents: doc_id, text, optional published (JSONL)")
    polls.add_argument("--out", required=True, help="figures in the format of score_polls.py")

    sub.add_parser("notebooks", help="re-execute the committed notebooks in place")
    from .batch.command import add_parser as add_batch_parser
    from .claims_cli import add_parsers as add_claims_parsers

    add_claims_parsers(sub)
    add_batch_parser(sub)
    return parser


def from_cwd(path: str) -> Path:
    """A path typed by the user, made absolute from the current folder (`~` expanded)."""
    return Path(os.path.abspath(Path(path).expanduser()))


PATH_ARGUMENTS = ("article", "input", "source", "out")  # read from the current folder


def _predict(predict_file, source: Path, target: Path) -> None:
    """Run a benchmark command (JSONL documents in, JSONL predictions out) with one-line errors."""
    if target.is_dir():
        raise InputError(target, "is a folder; --out names the predictions file to write")
    try:
        predict_file(source, target)
    except RecursionError:
        raise InputError(source, "holds JSON nested too deeply to read") from None
    except OSError as exc:  # a full disk or device, a folder that cannot be written
        raise InputError(exc.filename or target, f"cannot be written: {exc.strerror or exc}") from None


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; bad input prints one line naming the file and exits with 2."""
    args = build_parser().parse_args(argv)
    for name in PATH_ARGUMENTS:
        if getattr(args, name, None):
            setattr(args, name, str(from_cwd(getattr(args, name))))
    try:
        if args.command == "run":
            from .runner import run_suite

            article = Path(args.article) if args.article else paths.DEFAULT_ARTICLE
            run_suite(article, Path(args.out) if args.out else None, parameters=dict(args.parameter), jobs=args.jobs)
        elif args.command == "quotes":
            from .quotes.benchmark_io import predict_file

            _predict(predict_file, Path(args.input), Path(args.out))
        elif args.command == "polls":
            from .polls.benchmark_io import predict_file

            _predict(predict_file, Path(args.input), Path(args.out))
        elif args.command in ("claims", "register"):
            from .claims_cli import run as run_claims

            run_claims(args)
        elif args.command == "notebooks":
            from .runner import refresh_notebooks

            refresh_notebooks()
        elif args.command == "batch":
            from .batch.command import run as run_batch_command

            return run_batch_command(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder that cannot be written: full disk, read-only
        where = display_path(exc.filename) if exc.filename else "output"
        print(f"error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except MemoryError:
        print("error: out of memory (is the input far larger than an article?)", file=sys.stderr)
        return 1
    except Exception as exc:  # RunError and friends: one line, no traceback from deep inside
        from .runner import RunError

        if isinstance(exc, RunError):
            print(f"error: {exc}", file=sys.stderr)
            return 1
        raise
    return 0
