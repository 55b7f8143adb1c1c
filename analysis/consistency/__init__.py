"""Internal consistency of an article's numbers and dates.

`check_consistency(article, numbers, located=None, claims=None, facts=None, labels=None)` applies every rule
and returns the consistency.csv table. Rules read the extracted mentions; where a claim register
exists they also use its subjects and periods (to pair a start year with a duration of the
same subject, or a duration with the dates it spans) and the reference events.
"""

from __future__ import annotations

import pandas as pd

from ..article import Article
from ..claims.labels import labels_or_default
from .ago_rules import ago_vs_duration, since_year_vs_duration
from .base import CONSISTENCY_COLUMNS, Check
from .count_rules import derived_share, ordinal_vs_list
from .stale import outdated_figures
from .time_rules import (
    anchor_date,
    duration_vs_span,
    durations_agree,
    offsets_vs_dates,
    weekday_vs_date,
    year_plus_duration,
)

RULE_ORDER = [
    "year arithmetic",
    "durations agree",
    "ordinal vs listed items",
    "duration vs dates",
    "outdated figure",
    "offset vs dates",
    "weekday vs date",
    "derived quantity",
    "ago vs duration",
]


def check_consistency(
    article: Article,
    numbers: pd.DataFrame,
    located: pd.DataFrame | None = None,
    claims: pd.DataFrame | None = None,
    facts: pd.DataFrame | None = None,
    labels: dict[str, str] | None = None,
) -> pd.DataFrame:
    """All internal checks of an article.

    `labels` ({metric: readable label}) word the reference events; None reads data/reference's.

    Columns: check_id (K01, ...), claim_ids (';'-joined claim ids, or mention ids N.. for
    mentions that are not registered claims, in text order), verdict (consistent, inconsistent,
    derived, outdated), explanation (the arithmetic), rule, mention_ids.
    """
    located = located if located is not None else pd.DataFrame(columns=["mention_id"])
    published = article.metadata.published
    checks: list[Check] = []
    if not located.empty:
        checks += year_plus_duration(numbers, located, published)
        checks += durations_agree(located)
        checks += duration_vs_span(located, facts, labels_or_default(labels) if facts is not None else {})
    checks += ordinal_vs_list(numbers, article.text, claims)
    checks += outdated_figures(claims)
    checks += offsets_vs_dates(numbers)
    checks += weekday_vs_date(numbers, article.text)
    checks += derived_share(numbers, article.text)
    checks += ago_vs_duration(numbers, article.text)
    checks += since_year_vs_duration(numbers, published, set(located["mention_id"]))
    to_claim = dict(zip(located["mention_id"], located.get("claim_id", located["mention_id"])))
    position = dict(zip(numbers["mention_id"], numbers["start"]))
    checks.sort(key=lambda c: (RULE_ORDER.index(c.rule), c.order))
    rows = []
    for i, c in enumerate(checks, start=1):
        ids = sorted(dict.fromkeys(c.mention_ids), key=lambda m: position.get(m, 0))
        rows.append(
            {
                "check_id": f"K{i:02d}",
                "claim_ids": ";".join(to_claim.get(m, m) for m in ids),
                "verdict": c.verdict,
                "explanation": c.explanation,
                "rule": c.rule,
                "mention_ids": ";".join(ids),
            }
        )
    return pd.DataFrame(rows, columns=CONSISTENCY_COLUMNS)


__all__ = ["CONSISTENCY_COLUMNS", "RULE_ORDER", "anchor_date", "check_consistency"]
