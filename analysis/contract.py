"""The output contract of a run: which tables it writes, their leading columns and their types.

Other tools read `runs/<slug>/tables/*.csv`, so the columns below are fixed (a table may add
columns after them). Each table's contract is also a pandera schema (`schema(name)`), built
from `CONTRACT` and `DTYPES`: positions are whole numbers >= 0 with `end >= start`, numeric
columns must hold numbers, the other columns are text (empty cells allowed). `check_run_tables`
is applied by the runner before a run replaces the previous results; a batch checks every
article's tables with the same schemas (`check_frame`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from .contract_columns import CONTRACT
from .errors import InputError

# Types of the contract columns that are not text. "position": a character offset or index
# (whole number >= 0, never empty); "int": a whole number or empty; "float": a number or empty.
DTYPES: dict[str, str] = {
    "start": "position",
    "end": "position",
    "paragraph": "position",
    "n": "int",
    "percent": "float",
    "ci_low": "float",
    "ci_high": "float",
    "ratio": "float",
}


def _column(name: str) -> pa.Column:
    kind = DTYPES.get(name, "text")
    if kind == "position":
        return pa.Column("Int64", pa.Check.ge(0), nullable=False, coerce=True, name=name)
    if kind == "int":
        return pa.Column("Int64", nullable=True, coerce=True, name=name)
    if kind == "float":
        return pa.Column("Float64", nullable=True, coerce=True, name=name)
    return pa.Column(str, nullable=True, coerce=True, name=name)


@cache
def schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of contract table `name`; extra columns after the contract's are allowed."""
    columns = CONTRACT[name]
    checks = []
    if "start" in columns and "end" in columns:
        checks.append(pa.Check(lambda df: df["end"] >= df["start"], name="end >= start"))
    return pa.DataFrameSchema({c: _column(c) for c in columns}, checks=checks, strict=False, name=name)


def contract_problem(df: pd.DataFrame, name: str) -> str | None:
    """Why `df` breaks table `name`'s contract (leading columns, types, positions), or None."""
    expected = CONTRACT[name]
    columns = [str(c) for c in df.columns[: len(expected)]]
    if columns != expected:
        return f"columns {columns} break the contract; expected {expected}"
    try:
        schema(name).validate(df, lazy=True)
    except (SchemaError, SchemaErrors) as exc:
        return _summary(exc)
    return None


def _summary(exc: SchemaError | SchemaErrors) -> str:
    cases = getattr(exc, "failure_cases", None)
    if isinstance(cases, pd.DataFrame) and not cases.empty:
        parts = [
            f"{r.column}: {r.check} fails on {r.failure_case!r}" if pd.notna(r.column) else f"{r.check} fails"
            for r in cases.head(3).itertuples()
        ]
        more = f" (and {len(cases) - 3} more)" if len(cases) > 3 else ""
        return "; ".join(parts) + more
    return str(exc).splitlines()[0]


def check_frame(df: pd.DataFrame, name: str, path: str | Path) -> None:
    """Raise InputError naming `path` if `df` breaks table `name`'s contract."""
    problem = contract_problem(df, name)
    if problem:
        raise InputError(path, problem)


def check_table(path: Path, name: str) -> None:
    """Raise InputError if the CSV at `path` breaks the contract (columns, types, positions)."""
    try:
        df = pd.read_csv(path, keep_default_na=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable CSV table: {exc}") from None
    check_frame(df, name, path)


def check_run_tables(tables_dir: Path) -> list[str]:
    """Check every contract table present in `tables_dir`; return the names checked."""
    checked = []
    for name in CONTRACT:
        path = tables_dir / f"{name}.csv"
        if path.exists():
            check_table(path, name)
            checked.append(name)
    return checked
