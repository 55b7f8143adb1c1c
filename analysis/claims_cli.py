"""The `claims` and `register` subcommands of `python -m analysis` (registered in analysis/cli.py)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add `claims IN.jsonl --out PRED.jsonl` and `register ARTICLE [--out FILE]`."""
    claims = sub.add_parser(
        "claims", help="automatic claims (population, GDP and every metric with signal words) of a JSONL file, checked"
    )
    claims.add_argument("input", help="documents: JSON lines with doc_id, text and optional published")
    claims.add_argument("--out", required=True, help="predictions in the claims scorer's format")
    register = sub.add_parser("register", help="write a draft claim register from an article's automatic claims")
    register.add_argument("article", help="plain-text article file")
    register.add_argument("--out", help="register file to write (default: data/claims/<slug>.draft.yaml)")


def run(args: argparse.Namespace) -> None:
    """Run `claims` or `register`; InputError propagates to the CLI's one-line report."""
    if args.command == "claims":
        from .claims.benchmark_io import predict_file

        n = predict_file(Path(args.input), Path(args.out))
        print(f"{n} documents -> {args.out}")
    else:
        from .claims.draft import write_draft

        print(write_draft(args.article, args.out))
