"""The output contract of a run: which tables it writes and their leading columns.

Other tools read `runs/<slug>/tables/*.csv`, so the columns below are fixed (a table may add
columns after them). `check_run_tables` is applied by the runner before a run replaces the
previous results.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import InputError

CONTRACT: dict[str, list[str]] = {
    "quotes": ["quote_id", "start", "end", "text", "speaker", "speaker_mention", "speaker_type",
               "affiliation", "cue", "channel", "kind", "paragraph"],
    "numbers": ["start", "end", "text", "value", "unit", "hedge"],
    "claims": ["claim_id", "start", "end", "text", "subject", "metric", "value", "unit", "hedge",
               "verdict", "fact_id", "reference_value", "reference_period", "ratio", "source_org",
               "url", "explanation"],
    "consistency": ["check_id", "claim_ids", "verdict", "explanation"],
    "poll_claims": ["claim_id", "start", "end", "text", "country", "poll_id", "fieldwork",
                    "response", "percent", "n", "ci_low", "ci_high", "verdict", "explanation"],
}


def check_table(path: Path, name: str) -> None:
    """Raise InputError if the CSV at `path` does not start with the contract's columns."""
    try:
        columns = list(pd.read_csv(path, nrows=0).columns)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable CSV table: {exc}") from None
    expected = CONTRACT[name]
    if columns[: len(expected)] != expected:
        raise InputError(path, f"columns {columns[:len(expected)]} break the contract; expected {expected}")


def check_run_tables(tables_dir: Path) -> list[str]:
    """Check every contract table present in `tables_dir`; return the names checked."""
    checked = []
    for name in CONTRACT:
        path = tables_dir / f"{name}.csv"
        if path.exists():
            check_table(path, name)
            checked.append(name)
    return checked
