"""World Bank series as reference observations beside facts.csv.

Each country-year of `data/reference/world/` becomes a facts-like row (FACT columns plus
value_num): fact_id `wb-<CODE>-<ISO3>-<YEAR>`, subject the country's canonical name, metric
population or gdp_usd, qualifier `estimate` with value_low/value_high at +-REVISION_MARGIN (the
World Bank revises its estimates every year: a figure quoted from last year's release differs by a
few percent), period the calendar year, source "World Bank, World Development Indicators
(<CODE>)", url the indicator's page for the country. Aggregates (World, Euro area, income groups)
are left out.

A claim about the present is checked against the latest year the World Bank had published by the
article's date: figures for a year appear in the middle of the next (`latest_published_year`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import countries as ct
from ..reference import WORLD_INDICATORS, WORLD_SOURCE, load_world

REVISION_MARGIN = 0.05  # relative width of a World Bank estimate (the gold standard's "within 5%")
RELEASE_MONTH = 7  # the month the World Bank publishes the figures of the year before
FACT_COLUMNS = [
    "fact_id",
    "subject",
    "metric",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "unit",
    "period_start",
    "period_end",
    "source_org",
    "source_title",
    "url",
    "via",
    "confidence",
    "notes",
    "value_num",
    "year",
    "iso3",
]


def latest_published_year(published: dt.date | None) -> int | None:
    """The latest year whose World Bank figures were out by `published` (July of the next year)."""
    if published is None:
        return None
    return published.year - 1 if published.month >= RELEASE_MONTH else published.year - 2


def _alpha2(iso3: str) -> str:
    import pycountry

    record = pycountry.countries.get(alpha_3=iso3)
    return record.alpha_2 if record else iso3


@lru_cache(maxsize=4)
def _world_facts(folder: str) -> pd.DataFrame:
    frames = []
    for metric, ind in WORLD_INDICATORS.items():
        df = load_world(metric, folder or None)
        df = df[df["is_country"]]
        names = {code: ct.name_of(code) or name for code, name in zip(df["iso3"], df["country_name"])}
        value = df["value"].round(0)
        frames.append(
            pd.DataFrame(
                {
                    "fact_id": "wb-" + ind.code + "-" + df["iso3"] + "-" + df["year"].astype(str),
                    "subject": df["iso3"].map(names),
                    "metric": metric,
                    "value": value.map(lambda v: f"{v:.0f}"),
                    "value_low": value * (1 - REVISION_MARGIN),
                    "value_high": value * (1 + REVISION_MARGIN),
                    "qualifier": "estimate",
                    "unit": ind.unit,
                    "period_start": df["year"].astype(str),
                    "period_end": df["year"].astype(str),
                    "source_org": f"{WORLD_SOURCE} ({ind.code})",
                    "source_title": ind.title,
                    "url": ind.url + "?locations=" + df["iso3"].map(_alpha2),
                    "via": "Frictionless Data core datasets (data/reference/world)",
                    "confidence": "high",
                    "notes": f"World Bank estimate; +-{REVISION_MARGIN:.0%} for revisions between releases",
                    "value_num": value,
                    "year": df["year"],
                    "iso3": df["iso3"],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)[FACT_COLUMNS]


def world_facts(folder: str | Path | None = None) -> pd.DataFrame:
    """Every country-year of both World Bank series as facts-like rows (FACT_COLUMNS)."""
    return _world_facts(str(folder or "")).copy()


def rows_for(world: pd.DataFrame, iso3: str, metric: str, up_to_year: int | None = None) -> pd.DataFrame:
    """The World Bank rows of one country and metric, up to a year when given."""
    rows = world[(world["iso3"] == iso3) & (world["metric"] == metric)]
    return rows if up_to_year is None else rows[rows["year"] <= up_to_year]
