"""Claims: the register of an article's checkable figures and their verdicts against references.

- `load_register(path, metrics)`: validated register entries (InputError naming file and entry).
- `locate_claims(entries, article, numbers)`: each entry tied to its extracted mention and period.
- `verify_claims(located, facts, labels, max_reference_age_years)`: the claims.csv table with
  verdicts and sources, sorted by claim_id.
- `check_claims(article, numbers, facts, register, labels, max_reference_age_years)`: the three
  steps at once.
- `suggest_metrics(numbers)`: candidate metrics for mentions of an article without a register.
- `cited_sources(sources, claims)`: the reference sources the verdicts cite.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..article import Article
from .labels import labels_or_default
from .register import LOCATED_COLUMNS, POLL_TOPIC, load_register, locate_claims, register_path
from .sources import cited_sources
from .suggest import suggest_metrics
from .verify import CLAIM_COLUMNS, MAX_REFERENCE_AGE_YEARS, VERDICTS, claim_sort_key, verify_claims


def check_claims(article: Article, numbers: pd.DataFrame, facts: pd.DataFrame,
                 register: str | Path | None = None,
                 labels: dict[str, str] | None = None,
                 max_reference_age_years: float = MAX_REFERENCE_AGE_YEARS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(located claims, verified claims) for an article; both empty when it has no register.

    `register` "" or None means data/claims/<slug>.yaml if it exists; `labels` are the metric
    labels of the reference folder (None: data/reference's); `max_reference_age_years` is how old
    the latest reference may be to stand for a claim stated as current (see `verify`).
    """
    path = Path(register) if register else register_path(article)
    if not register and not path.exists():
        empty = pd.DataFrame(columns=LOCATED_COLUMNS + ["_period"])
        return empty, pd.DataFrame(columns=CLAIM_COLUMNS)
    labels = labels_or_default(labels)
    entries = load_register(path, set(facts["metric"]) | set(labels))
    located = locate_claims(entries, article, numbers)
    return located, verify_claims(located, facts, labels, max_reference_age_years)


__all__ = ["CLAIM_COLUMNS", "MAX_REFERENCE_AGE_YEARS", "VERDICTS", "claim_sort_key", "POLL_TOPIC", "check_claims", "cited_sources", "load_register", "locate_claims",
           "register_path", "suggest_metrics", "verify_claims"]
