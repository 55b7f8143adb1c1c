"""Chart of a poll question's waves by country, with interval bars and a claim marked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

COLOURS = {
    "positive": "#1b7837",
    "negative": "#b2182b",
    "approve": "#1b7837",
    "support": "#1b7837",
    "oppose": "#b2182b",
}
FIGSIZE = (11.0, 4.2)


@dataclass(frozen=True)
class ClaimMark:
    """What to mark on the chart: the claimed threshold, its label, the claimed period, and the
    countries the claim is about."""

    threshold: float
    label: str
    period_start: dt.date | None
    period_end: dt.date | None
    countries: tuple[str, ...]


def plot_waves(
    waves: pd.DataFrame,
    countries: tuple[str, ...],
    mark: ClaimMark | None = None,
    title: str = "",
    confidence: float = 0.95,
) -> Figure:
    """One panel per country: each response's share per wave with its interval bar; the claimed
    threshold (dashed) in the claim's countries and the claimed period shaded."""
    fig = Figure(figsize=FIGSIZE)
    axes = fig.subplots(1, max(1, len(countries)), sharey=True, squeeze=False)
    axes = axes[0]
    if waves.empty:
        axes[0].text(
            0.5, 0.5, "no reference waves on this topic", ha="center", va="center", transform=axes[0].transAxes
        )
    lo_date, hi_date = _date_range(waves, mark)
    for ax, country in zip(axes, countries):
        data = waves[waves["country"] == country]
        for response, group in data.groupby("response", sort=True):
            ax.errorbar(
                group["date"],
                group["percent"],
                yerr=[group["percent"] - group["ci_low"], group["ci_high"] - group["percent"]],
                marker="o",
                capsize=3,
                lw=1.2,
                color=COLOURS.get(response, "#4d4d4d"),
                label=f"{response} ({confidence:.0%} interval)",
            )
        if mark is not None and country in mark.countries:
            ax.axhline(mark.threshold, ls="--", color="#404040", lw=1, label=mark.label)
            if mark.period_start is not None:
                ax.axvspan(mark.period_start, mark.period_end, color="#fdb863", alpha=0.35, label="claimed period")
        ax.set_title(country)
        ax.set_ylim(0, 100)
        ax.set_xlim(lo_date, hi_date)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="y", color="#e0e0e0", lw=0.6)
    axes[0].set_ylabel("share of respondents (%)")
    handles, labels = {}, []
    for ax in axes:
        for h, lab in zip(*ax.get_legend_handles_labels()):
            if lab not in handles:
                handles[lab] = h
                labels.append(lab)
    if labels:
        fig.legend(
            [handles[lab] for lab in labels], labels, loc="lower center", ncol=len(labels), frameon=False, fontsize=8
        )
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0.08, 1, 0.95))
    return fig


def _date_range(waves: pd.DataFrame, mark: ClaimMark | None) -> tuple[dt.date, dt.date]:
    dates = list(waves["date"]) if not waves.empty else []
    if mark is not None and mark.period_start is not None:
        dates += [mark.period_start, mark.period_end]
    if not dates:
        return dt.date(2000, 1, 1), dt.date(2001, 1, 1)
    return dt.date(min(dates).year, 1, 1), dt.date(max(dates).year + 1, 1, 1)
