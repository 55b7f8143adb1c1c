"""Figures that were true once: claims whose verdict is outdated, set against the article's own
time frame."""

from __future__ import annotations

import pandas as pd

from ..claims.tolerance import fmt_quantity
from .base import Check


def outdated_figures(claims: pd.DataFrame | None) -> list[Check]:
    """One check per outdated claim: when the figure was true, and what the reference gives for
    the period the claim refers to."""
    if claims is None or claims.empty:
        return []
    checks = []
    for _, c in claims[claims["verdict"] == "outdated"].iterrows():
        value = float(c["value"])
        ref = float(c["reference_value"])
        checks.append(
            Check(
                "outdated figure",
                [c["mention_id"]],
                "outdated",
                f"'{c['text']}' matches reference figures up to {c['true_as_of']}; for the claim's own period "
                f"({c['period']}) the reference puts it at {fmt_quantity(ref, c['unit'])} "
                f"({ref / value:.2f} times the article's {fmt_quantity(value, c['unit'])}; {c['source_org']}, "
                f"{c['fact_id']}).",
                int(c["start"]),
            )
        )
    return checks
