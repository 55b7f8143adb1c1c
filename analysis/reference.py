"""Reference observations with provenance (data/reference/), validated when loaded.

Each table has a schema: its columns, their types (text, number, integer, ISO date) and, for
some, a vocabulary. A file that breaks it raises `ReferenceDataError` naming the file, the row
(line number in the CSV, header = line 1) and the column. ISO date columns stay strings
(`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), because their precision matters.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError, brief

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_TABLE_BYTES = 50_000_000


class ReferenceDataError(InputError):
    """A reference table breaks its schema."""

    def __init__(self, path: str | Path, problem: str, row: int | None = None, column: str | None = None):
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        self.row, self.column = row, column
        super().__init__(path, (", ".join(where) + ": " if where else "") + problem)


@dataclass(frozen=True)
class Column:
    """A column of a reference table: its type, whether it may be empty, its vocabulary."""

    name: str
    kind: str = "text"  # text | number | integer | date
    required: bool = True  # a value must be present in every row
    vocabulary: frozenset[str] | None = None


def _cols(*specs: Column) -> tuple[Column, ...]:
    return specs


UNITS = frozenset({"people", "percent", "USD", "date", "count", "years", "months", "rank", "days"})
CONFIDENCE = frozenset({"high", "medium", "low"})

FACTS_SCHEMA = _cols(
    Column("fact_id"),
    Column("subject"),
    Column("metric"),  # vocabulary: metrics.csv
    Column("value"),  # a number, or an ISO date when unit == date (checked row by row)
    Column("value_low", "number", False),
    Column("value_high", "number", False),
    Column(
        "qualifier",
        vocabulary=frozenset({"exact", "approx", "at_least", "at_most", "annualised_from_partial", "estimate"}),
    ),
    Column("unit", vocabulary=UNITS),
    Column("period_start", "date", False),
    Column("period_end", "date", False),
    Column("source_org"),
    Column("source_title", required=False),
    Column("url", required=False),
    Column("via", required=False),
    Column("confidence", vocabulary=CONFIDENCE),
    Column("notes", required=False),
)
POLLS_SCHEMA = _cols(
    Column("poll_id"),
    Column("organisation"),
    Column("country"),
    Column("fieldwork_start", "date"),
    Column("fieldwork_end", "date", False),
    Column("n", "integer", False),
    Column("n_note", required=False),
    Column("method", required=False),
    Column("question", required=False),
    Column(
        "response",
        vocabulary=frozenset(
            {
                "positive",
                "negative",
                "very_positive",
                "very_negative",
                "somewhat_negative",
                "dont_know",
                "approve",
                "oppose",
                "support",
                "agree",
            }
        ),
    ),
    Column("percent", "number"),
    Column("margin_of_error", "number", False),
    Column("url", required=False),
    Column("via", required=False),
    Column("confidence", vocabulary=CONFIDENCE),
    Column("notes", required=False),
)
METRICS_SCHEMA = _cols(
    Column("metric"),
    Column("unit", vocabulary=UNITS),
    Column("label"),
    Column("group"),
    Column("signals", required=False),  # words that say a figure measures it, '; '-separated
)
QUOTE_SOURCES_SCHEMA = _cols(
    Column("quote_id"),
    Column("article_quote"),
    Column("attributed_to_in_article"),
    Column("source_text", required=False),
    Column("source_language", required=False, vocabulary=frozenset({"en", "ar", "ru", "fr"})),
    Column("source_org", required=False),
    Column("url", required=False),
    Column("via", required=False),
    Column("notes", required=False),
)
SCHEMAS = {
    "metrics": METRICS_SCHEMA,
    "facts": FACTS_SCHEMA,
    "polls": POLLS_SCHEMA,
    "quote_sources": QUOTE_SOURCES_SCHEMA,
}


def reference_dir(folder: str | Path | None = None) -> Path:
    """The reference folder: `folder` if given (relative to the project root), else data/reference."""
    return paths.resolve(folder) if folder not in (None, "") else paths.REFERENCE


def read_table(path: Path, schema: tuple[Column, ...]) -> pd.DataFrame:
    """Read a CSV and validate it against `schema`; raise ReferenceDataError on the first problem."""
    if not path.exists():
        raise ReferenceDataError(path, "file not found")
    if not path.is_file():
        raise ReferenceDataError(path, "is not a regular file")
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise ReferenceDataError(path, f"is over {MAX_TABLE_BYTES // 1_000_000} MB; too large for a reference table")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(path, f"not valid UTF-8 (byte offset {exc.start})") from None
    except csv.Error as exc:
        raise ReferenceDataError(path, f"malformed CSV: {exc}") from None
    except OSError as exc:
        raise ReferenceDataError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not rows:
        raise ReferenceDataError(path, "the file is empty (no header row)")
    header, body = rows[0], rows[1:]
    expected = [c.name for c in schema]
    unknown = [h for h in header if h not in expected]
    if unknown:
        raise ReferenceDataError(path, f"unknown column(s) {brief(unknown)}; expected {expected}")
    missing = [c for c in expected if c not in header]
    if missing:
        raise ReferenceDataError(path, f"missing column(s) {missing}")
    if len(set(header)) != len(header):
        raise ReferenceDataError(path, "duplicate column names in the header")
    records = []
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ReferenceDataError(path, f"has {len(row)} fields, the header has {len(header)}", row=line)
        if any("\x00" in cell for cell in row):
            raise ReferenceDataError(path, "holds a NUL byte (a binary file?)", row=line)
        record = dict(zip(header, (cell.strip() for cell in row)))
        records.append({c.name: _check_cell(path, line, c, record[c.name]) for c in schema})
    if not records:
        raise ReferenceDataError(path, "no data rows")
    df = pd.DataFrame(records, columns=expected)
    for c in schema:
        if c.kind == "number":
            df[c.name] = df[c.name].astype("float64")
        elif c.kind == "integer":
            df[c.name] = df[c.name].astype("Int64")
    return df


def _check_cell(path: Path, line: int, column: Column, cell: str):
    if cell == "":
        if column.required:
            raise ReferenceDataError(path, "empty, a value is required", row=line, column=column.name)
        return None
    if column.vocabulary is not None and cell not in column.vocabulary:
        raise ReferenceDataError(
            path, f"{brief(cell)} is not one of {sorted(column.vocabulary)}", row=line, column=column.name
        )
    if column.kind == "number":
        try:
            value = float(cell)
        except ValueError:
            raise ReferenceDataError(
                path, f"{brief(cell)} is not a plain number", row=line, column=column.name
            ) from None
        if not math.isfinite(value):
            raise ReferenceDataError(path, f"{brief(cell)} is not a finite number", row=line, column=column.name)
        return value
    if column.kind == "integer":
        if not re.fullmatch(r"\d+", cell):
            raise ReferenceDataError(path, f"{brief(cell)} is not a whole number", row=line, column=column.name)
        if len(cell) > 15:
            raise ReferenceDataError(
                path, f"{brief(cell)} is too large to be a count (at most 15 digits)", row=line, column=column.name
            )
        return int(cell)
    if column.kind == "date":
        _check_iso_date(path, line, column.name, cell)
    return cell


def _check_iso_date(path: Path, line: int, column: str, cell: str) -> None:
    if not ISO_DATE.match(cell):
        raise ReferenceDataError(
            path, f"{brief(cell)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", row=line, column=column
        )
    parts = [int(x) for x in cell.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise ReferenceDataError(path, f"{cell!r} is not a real date", row=line, column=column) from None


def _check_unique(df: pd.DataFrame, path: Path, key: str) -> None:
    dup = df[df[key].duplicated()]
    if not dup.empty:
        raise ReferenceDataError(path, f"duplicate {key} {dup[key].iloc[0]!r}", row=int(dup.index[0]) + 2, column=key)


def _cached(loader):
    """Memoise a loader of reference tables per folder while the folder's files are unchanged
    (name, size, modification time): a batch loads them once per process, not once an article.
    Each call gets its own copy, so a caller may change it freely."""
    import copy
    import functools

    memo: dict = {}

    @functools.wraps(loader)
    def wrapper(folder: str | Path | None = None):
        where = reference_dir(folder)
        try:
            state = tuple(sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in where.iterdir()))
        except OSError:
            return loader(folder)
        key = (str(where), state)
        if key not in memo:
            memo.clear()
            memo[key] = loader(folder)
        return copy.deepcopy(memo[key])

    return wrapper


@_cached
def load_metrics(folder: str | Path | None = None) -> pd.DataFrame:
    """metrics.csv: the vocabulary of fact metrics with their unit, a readable label and a group.

    Columns: metric, unit, label, group, signals (the words that say a figure measures the
    metric, '; '-separated, read by the automatic claims; may be empty). A new article's metrics
    are added here, not in code.
    """
    path = reference_dir(folder) / "metrics.csv"
    df = read_table(path, METRICS_SCHEMA)
    _check_unique(df, path, "metric")
    return df


def metric_labels(folder: str | Path | None = None) -> dict[str, str]:
    """{metric: readable label}, for explanations and figure labels."""
    metrics = load_metrics(folder)
    return dict(zip(metrics["metric"], metrics["label"]))


@_cached
def load_facts(folder: str | Path | None = None) -> pd.DataFrame:
    """facts.csv, validated. `value` stays text (a number, or an ISO date when unit is date);
    `value_num` holds it as a float for numeric rows (NaN for dates). `metric` must be one of
    metrics.csv, with that metric's unit."""
    folder = reference_dir(folder)
    path = folder / "facts.csv"
    df = read_table(path, FACTS_SCHEMA)
    _check_unique(df, path, "fact_id")
    units = dict(zip(*load_metrics(folder)[["metric", "unit"]].T.values))
    for i, row in df.iterrows():
        line = int(i) + 2
        if row["metric"] not in units:
            raise ReferenceDataError(
                path, f"{row['metric']!r} is not a metric of metrics.csv", row=line, column="metric"
            )
        if row["unit"] != units[row["metric"]]:
            raise ReferenceDataError(
                path,
                f"unit {row['unit']!r} differs from {units[row['metric']]!r}, "
                f"the unit metrics.csv gives {row['metric']!r}",
                row=line,
                column="unit",
            )
        if row["unit"] == "date":
            _check_iso_date(path, line, "value", row["value"])
        else:
            try:
                finite = math.isfinite(float(row["value"]))
            except ValueError:
                finite = False
            if not finite:
                raise ReferenceDataError(
                    path,
                    f"{brief(row['value'])} is not a plain number (finite) (unit {row['unit']})",
                    row=line,
                    column="value",
                )
        if row["qualifier"] == "at_least" and row["value_low"] is not None and not pd.isna(row["value_low"]):
            if float(row["value_low"]) != float(row["value"]):
                raise ReferenceDataError(path, "at_least requires value_low == value", row=line, column="value_low")
        if row["period_start"] and row["period_end"] and row["period_start"] > row["period_end"]:
            raise ReferenceDataError(path, "period_start is after period_end", row=line, column="period_start")
    df["value_num"] = pd.to_numeric(df["value"].where(df["unit"] != "date"), errors="coerce")
    return df


@_cached
def load_polls(folder: str | Path | None = None) -> pd.DataFrame:
    """polls.csv, validated: percent in 0..100, n a positive whole number where given."""
    path = reference_dir(folder) / "polls.csv"
    df = read_table(path, POLLS_SCHEMA)
    bad = df[(df["percent"] < 0) | (df["percent"] > 100)]
    if not bad.empty:
        raise ReferenceDataError(
            path, f"percent {bad['percent'].iloc[0]} outside 0..100", row=int(bad.index[0]) + 2, column="percent"
        )
    bad_n = df[df["n"].notna() & (df["n"] <= 0)]
    if not bad_n.empty:
        raise ReferenceDataError(path, "n must be positive", row=int(bad_n.index[0]) + 2, column="n")
    return df


@_cached
def load_quote_sources(folder: str | Path | None = None) -> pd.DataFrame:
    """quote_sources.csv, validated."""
    path = reference_dir(folder) / "quote_sources.csv"
    df = read_table(path, QUOTE_SOURCES_SCHEMA)
    _check_unique(df, path, "quote_id")
    return df


@_cached
def load_sources(folder: str | Path | None = None) -> pd.DataFrame:
    """The sources table: one row per source (organisation, title, URL) with the rows resting on it.

    Columns: source_org, source_title, url, via, tables, n_rows, ids.
    """
    folder = reference_dir(folder)
    facts = load_facts(folder).assign(table="facts", id=lambda d: d["fact_id"])
    polls = load_polls(folder).assign(
        table="polls", id=lambda d: d["poll_id"], source_org=lambda d: d["organisation"], source_title=None
    )
    quotes = load_quote_sources(folder).assign(table="quote_sources", id=lambda d: d["quote_id"], source_title=None)
    rows = pd.concat(
        [t[["source_org", "source_title", "url", "via", "table", "id"]] for t in (facts, polls, quotes)],
        ignore_index=True,
    )
    rows = rows[rows["source_org"].notna() | rows["url"].notna()].fillna("")
    grouped = (
        rows.groupby(["source_org", "url"], sort=True)
        .agg(
            source_title=("source_title", lambda s: next((x for x in s if x), "")),
            via=("via", lambda s: "; ".join(sorted({x for x in s if x}))),
            tables=("table", lambda s: ", ".join(sorted(set(s)))),
            n_rows=("id", "size"),
            ids=("id", lambda s: " ".join(sorted(set(s)))),
        )
        .reset_index()
    )
    return grouped[["source_org", "source_title", "url", "via", "tables", "n_rows", "ids"]]


@dataclass(frozen=True)
class WorldIndicator:
    """A World Bank series stored in data/reference/world/."""

    metric: str  # the metric of metrics.csv it measures
    file: str
    code: str  # World Development Indicators code
    title: str
    unit: str

    @property
    def url(self) -> str:
        return f"https://data.worldbank.org/indicator/{self.code}"


WORLD_INDICATORS = {
    "population": WorldIndicator("population", "population.csv", "SP.POP.TOTL", "Population, total", "people"),
    "gdp_usd": WorldIndicator("gdp_usd", "gdp.csv", "NY.GDP.MKTP.CD", "GDP (current US$)", "USD"),
}
WORLD_HEADER = ["Country Name", "Country Code", "Year", "Value"]
WORLD_COLUMNS = ["iso3", "country_name", "year", "value", "metric", "indicator", "is_country"]
WORLD_SOURCE = "World Bank, World Development Indicators"


def world_dir(folder: str | Path | None = None) -> Path:
    """The World Bank folder: <reference folder>/world."""
    return reference_dir(folder) / "world"


def load_world(metric: str, folder: str | Path | None = None) -> pd.DataFrame:
    """One World Bank series (`metric` population or gdp_usd), validated.

    Columns: iso3 (the series' code), country_name, year (int), value (float, > 0), metric,
    indicator (WDI code), is_country (False for aggregates such as WLD or EUU: codes that are not
    ISO 3166-1 alpha-3 country codes). ReferenceDataError names the file, row and column of the
    first problem (header, code, year, value, a duplicated code and year).
    """
    if metric not in WORLD_INDICATORS:
        raise InputError(
            world_dir(folder), f"no World Bank series for metric {metric!r}; known: {sorted(WORLD_INDICATORS)}"
        )
    ind = WORLD_INDICATORS[metric]
    path = world_dir(folder) / ind.file
    return _read_world(path, ind)


@lru_cache(maxsize=8)
def _read_world_cached(path: str, mtime: float, metric: str) -> pd.DataFrame:
    return _parse_world(Path(path), WORLD_INDICATORS[metric])


def _read_world(path: Path, ind: WorldIndicator) -> pd.DataFrame:
    if not path.exists():
        raise ReferenceDataError(path, "file not found")
    return _read_world_cached(str(path), path.stat().st_mtime, ind.metric).copy()


def _parse_world(path: Path, ind: WorldIndicator) -> pd.DataFrame:
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(path, f"not valid UTF-8 (byte offset {exc.start})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ReferenceDataError(path, f"malformed CSV: {exc}") from None
    if list(raw.columns) != WORLD_HEADER:
        raise ReferenceDataError(path, f"columns {list(raw.columns)}, expected {WORLD_HEADER}")
    if raw.empty:
        raise ReferenceDataError(path, "no data rows")

    def fail(mask: pd.Series, column: str, problem: str) -> None:
        if mask.any():
            i = int(mask.to_numpy().nonzero()[0][0])
            raise ReferenceDataError(path, f"{raw[column].iloc[i]!r} {problem}", row=i + 2, column=column)

    fail(~raw["Country Code"].str.fullmatch(r"[A-Z0-9]{3}"), "Country Code", "is not a three-character code")
    fail(~raw["Year"].str.fullmatch(r"\d{4}"), "Year", "is not a four-digit year")
    years = raw["Year"].astype(int)
    fail((years < 1960) | (years > dt.date.today().year), "Year", "is outside 1960 to this year")
    values = pd.to_numeric(raw["Value"], errors="coerce")
    fail(values.isna(), "Value", "is not a number")
    fail(values <= 0, "Value", "is not positive")
    fail(raw.duplicated(["Country Code", "Year"]), "Year", "is given twice for the same country")
    from .countries import countries

    iso = {c.iso3 for c in countries() if c.kind == "country"}
    df = pd.DataFrame(
        {
            "iso3": raw["Country Code"],
            "country_name": raw["Country Name"],
            "year": years,
            "value": values.astype("float64"),
            "metric": ind.metric,
            "indicator": ind.code,
            "is_country": raw["Country Code"].isin(iso),
        }
    )
    return df[WORLD_COLUMNS]
