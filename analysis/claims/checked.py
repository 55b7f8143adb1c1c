"""Automatic claims and register entries together, checked against facts.csv and the World Bank.

- `automatic_located(article, numbers)`: the automatic claims (`auto.find_claims`) as located
  rows (the register's LOCATED_COLUMNS), claim ids A01, A02, ...
- `merge(register_rows, automatic_rows, dropped)`: the register is the researcher's override: an
  entry wins over the automatic reading of the same mention, an entry with `drop: true` removes
  it, and entries add what the text does not say; `origin` says which.
- `verify_all(located, facts, world, labels, max_age, published)`: claims.csv. A claim whose
  subject and metric have rows in facts.csv rests on them (`basis` facts.csv); else, for a
  country's population or GDP, on the World Bank series (`basis` World Bank); else its verdict is
  `no reference`. The World Bank reading of every population or GDP claim is kept beside
  (world_bank_verdict, world_bank_value, world_bank_year), so a notebook can show both when
  they disagree.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import countries as ct
from ..article import Article
from .auto import AUTO_METRICS, find_claims
from .periods import Period, iso_span, span_label
from .register import LOCATED_COLUMNS
from .subjects import subject_key
from .verify import CLAIM_COLUMNS, FACTS_COLUMNS_HINT, FACTS_FILE, base_row, claim_sort_key, verify_claims
from .world import latest_published_year, rows_for

EXTRA_COLUMNS = [
    "origin",
    "basis",
    "subject_iso3",
    "reference_year",
    "world_bank_verdict",
    "world_bank_value",
    "world_bank_year",
    "subject_words",
    "metric_words",
    "period_words",
]
CHECKED_COLUMNS = CLAIM_COLUMNS + EXTRA_COLUMNS
WORLD_FILES = "data/reference/world/ (population.csv, gdp.csv)"


def _period(period: str, published: dt.date | None) -> Period:
    if period == "annual":
        if published is None:
            return Period("annual (article date unknown)", "unstated")
        lo, hi = iso_span(str(published.year - 1))
        return Period(f"annual: {published.year - 1}, the last full year before the article", "flow", lo, lo, hi, hi)
    if period == "current":
        if published is None:
            return Period("current (article date unknown)", "unstated")
        return Period(f"current at {published.isoformat()}", "current", None, None, published, published)
    if not period:
        return Period("not stated", "unstated")
    if "/" in period:  # 'START/END' of `signals`: a span, END may be 'current'
        start, end = period.split("/")
        if end == "current" and published is None:
            return Period("current (article date unknown)", "unstated")
        (s_lo, s_hi), (e_lo, e_hi) = iso_span(start), ((published, published) if end == "current" else iso_span(end))
        label = f"{span_label(s_lo, s_hi)} to {span_label(e_lo, e_hi)}"
        return Period(label, "span", s_lo, s_hi, e_lo, e_hi)
    lo, hi = iso_span(period)
    return Period(period, "flow", lo, lo, hi, hi)


def automatic_located(article: Article, numbers: pd.DataFrame, metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """The automatic claims of an article as located rows (LOCATED_COLUMNS + _period, and
    origin, subject_iso3, subject_words, metric_words, period_words)."""
    found = find_claims(article, numbers, metrics)
    found = found[found["is_claim"]].reset_index(drop=True)
    by_id = numbers.set_index("mention_id")
    groups = {} if metrics is None else dict(zip(metrics["metric"], metrics["group"]))
    rows = []
    for i, f in found.iterrows():
        n = by_id.loc[f["mention_id"]]
        period = _period(f["period"], article.metadata.published)
        rows.append(
            {
                "claim_id": f"A{i + 1:02d}",
                "mention_id": f["mention_id"],
                "start": f["start"],
                "end": f["end"],
                "text": f["text"],
                "value": f["value"],
                "unit": f["unit"],
                "hedge": n["hedge"],
                "kind": n["kind"],
                "bound": n["bound"],
                "step": n["step"],
                "date_start": n["date_start"],
                "date_end": n["date_end"],
                "subject": f["subject"],
                "metric": f["metric"],
                "metrics": f["metric"],
                "period": period.label,
                "period_mode": period.mode,
                "period_start": period.start_iso,
                "period_end": period.end_iso,
                "start_mention_id": "",
                "end_mention_id": "",
                "ends_with": "",
                "attributed_to": "",
                "topic": {"population": "population", "gdp_usd": "economy"}.get(
                    f["metric"], groups.get(f["metric"], "trade")
                ),
                "note": "",
                "_period": period,
                "origin": "automatic",
                "subject_iso3": f["subject_iso3"],
                "subject_words": f["subject_words"],
                "metric_words": f["metric_words"],
                "period_words": f["period_words"],
            }
        )
    cols = LOCATED_COLUMNS + ["_period", "origin", "subject_iso3", "subject_words", "metric_words", "period_words"]
    return pd.DataFrame(rows, columns=cols)


def merge(
    register_rows: pd.DataFrame, automatic_rows: pd.DataFrame, dropped: set[str] | frozenset = frozenset()
) -> pd.DataFrame:
    """Register entries, then the automatic claims of mentions no entry covers or drops."""
    reg = register_rows.copy()
    reg["origin"] = "register"
    covered = set(reg["mention_id"]) | set(dropped)
    auto = automatic_rows[~automatic_rows["mention_id"].isin(covered)]
    frames = [f for f in (reg, auto) if not f.empty]
    if not frames:
        return automatic_rows.iloc[0:0].copy()
    return pd.concat(frames, ignore_index=True).sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)


def _one(c: pd.Series) -> pd.DataFrame:
    return pd.DataFrame([c.to_dict()])


def _with_unknown_date(c: pd.Series, rows: pd.DataFrame) -> pd.Series:
    """A current claim of an undated article stands for the latest reference year on file."""
    latest = int(rows["year"].max())
    c = c.copy()
    day = dt.date(latest + 1, 7, 1)
    c["_period"] = Period(
        f"current (article date unknown; the latest reference year, {latest})", "current", None, None, day, day
    )
    c["period"] = c["_period"].label
    return c


def _later_year(
    c: pd.Series, world: pd.DataFrame, iso: str, published: dt.date, labels: dict[str, str], max_age: float
) -> pd.Series | None:
    """For a current claim that the latest published World Bank year does not support: the first
    later year up to the article's own year that does (national offices publish before the World
    Bank, so a writer may know the figure of a year the World Bank had not yet released)."""
    for year in range(latest_published_year(published) + 1, published.year + 1):
        rows = rows_for(world, iso, c["metric"])
        rows = rows[rows["year"] == year]
        if rows.empty:
            continue
        alt = c.copy()
        alt["_period"] = _period(str(year), None)
        row = verify_claims(_one(alt), rows.drop(columns=["year", "iso3"]), labels, max_age).iloc[0].copy()
        if row["verdict"] == "supported":
            row["period"] = c["period"]
            row["explanation"] += (
                f" The World Bank published {year} figures only after the article's date; "
                f"the latest published by then, {latest_published_year(published)}, does not agree."
            )
            return row
    return None


def verify_all(
    located: pd.DataFrame,
    facts: pd.DataFrame,
    world: pd.DataFrame,
    labels: dict[str, str],
    max_age: float,
    published: dt.date | None,
) -> pd.DataFrame:
    """claims.csv: one row per located claim (register or automatic), CHECKED_COLUMNS, sorted by
    claim id (register ids, then A01, A02, ...)."""
    out = []
    fact_keys = facts["subject"].map(subject_key)  # once, not once a claim
    for _, c in located.iterrows():
        origin = c.get("origin") if isinstance(c.get("origin"), str) else "register"
        iso = (
            c.get("subject_iso3")
            if isinstance(c.get("subject_iso3"), str) and c.get("subject_iso3")
            else (ct.iso3(str(c["subject"])) or "")
        )
        metrics = str(c["metrics"]).split(";")
        curated = facts[facts["metric"].isin(metrics) & (fact_keys == subject_key(c["subject"]))]
        if origin == "automatic" and not curated.empty:  # facts.csv's spelling ('Israel–UAE')
            c = c.copy()
            c["subject"] = sorted(curated["subject"])[0]
        wb = pd.DataFrame()
        if iso and c["metric"] in AUTO_METRICS and c.get("topic") != "polls":
            current = str(c["period"]).startswith("current")
            wb = rows_for(world, iso, c["metric"], latest_published_year(published) if current else None)
        current = str(c["period"]).startswith("current")
        c_wb = _with_unknown_date(c, wb) if not wb.empty and current and published is None else c
        extra = {
            "origin": origin,
            "subject_iso3": iso,
            "subject_words": c.get("subject_words", ""),
            "metric_words": c.get("metric_words", ""),
            "period_words": c.get("period_words", ""),
        }
        wb_row = (
            verify_claims(_one(c_wb), wb.drop(columns=["year", "iso3"]), labels, max_age).iloc[0]
            if not wb.empty
            else None
        )
        if wb_row is not None and wb_row["verdict"] != "supported" and current and published is not None:
            later = _later_year(c, world, iso, published, labels, max_age)
            wb_row = later if later is not None else wb_row
        if wb_row is not None:
            year = str(wb_row["reference_period"])[:4]
            extra.update(
                world_bank_verdict=wb_row["verdict"],
                world_bank_value=wb_row["reference_value"],
                world_bank_year=int(year) if year.isdigit() else None,
            )
        if origin == "automatic" and curated.empty and wb_row is None:
            row = {
                **base_row(c, labels),
                "verdict": "no reference",
                "explanation": (
                    f"Nothing on file for {c['subject']} and {labels.get(c['metric'], c['metric'])}: "
                    f"no row in {FACTS_FILE} and no World Bank series in {WORLD_FILES}; "
                    f"a researcher would add rows to {FACTS_FILE} (columns {FACTS_COLUMNS_HINT})."
                ),
            }
            basis = ""
        elif not curated.empty or wb_row is None:
            row = verify_claims(_one(c), facts, labels, max_age).iloc[0].to_dict()
            basis = "facts.csv" if row.get("fact_id") and isinstance(row.get("fact_id"), str) else ""
        else:
            row, basis = wb_row.to_dict(), "World Bank"
        ref_period = str(row.get("reference_period") or "")
        extra["reference_year"] = int(ref_period[:4]) if ref_period[:4].isdigit() else None
        out.append({**row, **extra, "basis": basis})
    out.sort(key=lambda r: (r["origin"] != "register", claim_sort_key(r["claim_id"])))
    return pd.DataFrame(out, columns=CHECKED_COLUMNS)
