"""Claims: an article's checkable figures, found automatically or registered, and their verdicts.

- `check_claims(article, numbers, facts, register, labels, max_reference_age_years)`: automatic
  claims (a country's population or GDP, `auto`) and register entries (the override), checked
  against facts.csv and the World Bank series (`checked.verify_all`): the claims.csv table.
- `load_register(path, metrics)`: validated register entries (InputError naming file and entry).
- `locate_claims(entries, article, numbers)`: each entry tied to its extracted mention and period.
- `verify_claims(located, facts, labels, max_reference_age_years)`: the claims.csv table with
  verdicts and sources, sorted by claim_id.
- `suggest_metrics(numbers)`: candidate metrics for mentions of an article without a register.
- `cited_sources(sources, claims)`: the reference sources the verdicts cite.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..article import Article
from .checked import CHECKED_COLUMNS, automatic_located, merge, verify_all
from .labels import labels_or_default
from .register import LOCATED_COLUMNS, POLL_TOPIC, dropped_mentions, load_register, locate_claims, register_path
from .sources import cited_sources
from .suggest import suggest_metrics
from .verify import CLAIM_COLUMNS, MAX_REFERENCE_AGE_YEARS, VERDICTS, claim_sort_key, verify_claims


def check_claims(
    article: Article,
    numbers: pd.DataFrame,
    facts: pd.DataFrame,
    register: str | Path | None = None,
    labels: dict[str, str] | None = None,
    max_reference_age_years: float = MAX_REFERENCE_AGE_YEARS,
    reference_dir: str | Path | None = None,
    automatic: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(located claims, checked claims) of an article: the register's entries (when it has one)
    and the automatic claims of the mentions they do not cover or drop (`automatic` False: the
    register only).

    `register` "" or None means data/claims/<slug>.yaml if it exists; `labels` are the metric
    labels of the reference folder (None: data/reference's); `max_reference_age_years` is how old
    the latest reference may be to stand for a claim stated as current (see `verify`);
    `reference_dir` holds facts.csv, metrics.csv and world/ (None: data/reference). The checked
    table has CHECKED_COLUMNS (claims.csv's columns, then origin, basis, subject_iso3,
    reference_year, world_bank_verdict, world_bank_value, world_bank_year and the words that led
    to an automatic claim's subject, metric and period).
    """
    from ..reference import load_metrics
    from .world import world_facts

    labels = labels_or_default(labels)
    path = Path(register) if register else register_path(article)
    registered = pd.DataFrame(columns=LOCATED_COLUMNS + ["_period"])
    dropped: set[str] = set()
    if register or path.exists():
        entries = load_register(path, set(facts["metric"]) | set(labels))
        registered = locate_claims(entries, article, numbers)
        dropped = dropped_mentions(entries, article, numbers)
    found = automatic_located(article, numbers, load_metrics(reference_dir or None)) if automatic else None
    located = merge(registered, found if found is not None else registered.iloc[0:0], dropped)
    if located.empty:
        return located, pd.DataFrame(columns=CHECKED_COLUMNS)
    world = world_facts(reference_dir or None)
    return located, verify_all(located, facts, world, labels, max_reference_age_years, article.metadata.published)


__all__ = [
    "CHECKED_COLUMNS",
    "CLAIM_COLUMNS",
    "MAX_REFERENCE_AGE_YEARS",
    "VERDICTS",
    "claim_sort_key",
    "POLL_TOPIC",
    "check_claims",
    "cited_sources",
    "load_register",
    "locate_claims",
    "register_path",
    "suggest_metrics",
    "verify_claims",
]
