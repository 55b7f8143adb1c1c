"""Figures of notebook 04, drawn on matplotlib Figure objects (no pyplot state)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure


def voices_figure(by_type: pd.DataFrame, by_outlet: pd.DataFrame) -> Figure:
    """Two bar charts: quotations by speaker type, and the share of anonymous sources by outlet."""
    fig = Figure(figsize=(9, 3.6))
    left, right = fig.subplots(1, 2)
    left.barh(by_type["speaker_type"][::-1], by_type["quotes"][::-1], color="#4c72b0")
    left.set_xlabel("quotations")
    left.set_title("Who is quoted (speaker type)")
    right.barh(by_outlet["outlet"][::-1], by_outlet["anonymous_share"][::-1] * 100, color="#c44e52")
    right.set_xlabel("% of quotations from anonymous sources")
    right.set_title("Anonymous sources by outlet")
    right.set_xlim(0, 100)
    fig.tight_layout()
    return fig


def verdicts_figure(verdicts: pd.DataFrame) -> Figure:
    """Stacked bars of verdict counts per checking table."""
    fig = Figure(figsize=(7, 3.2))
    ax = fig.subplots()
    pivot = verdicts.pivot_table(index="table", columns="verdict", values="rows", aggfunc="sum", fill_value=0)
    bottom = pd.Series(0, index=pivot.index)
    for verdict in pivot.columns:
        ax.barh(pivot.index, pivot[verdict], left=bottom, label=verdict)
        bottom = bottom + pivot[verdict]
    ax.set_xlabel("rows")
    ax.set_title("Verdicts across the corpus")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig
