"""Figures of notebook 02: claims against their references, a reference timeline, trade figures."""
from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .periods import iso_span
from .tolerance import fmt_quantity
from .verify import subject_key

VERDICT_COLOURS = {"supported": "#1b9e77", "contradicted": "#d95f02", "outdated": "#e6ab02",
                   "unsupported": "#7f7f7f"}
SIZE = (8.0, 5.5)


def _empty(message: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=SIZE)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def plot_claims_vs_reference(claims: pd.DataFrame) -> plt.Figure:
    """Each numeric claim's interval and its reference's interval, as ratios to the reference
    value on a log scale; the claim's point is coloured by verdict."""
    rows = claims[claims["ratio"].notna() & claims["verdict"].notna()].copy()
    if rows.empty:
        return _empty("No numeric claim with a reference value")
    rows = rows.sort_values("start", ascending=False)
    fig, ax = plt.subplots(figsize=SIZE)
    for y, (_, c) in enumerate(rows.iterrows()):
        ref = float(c["reference_value"])
        ax.plot([c["reference_low"] / ref, c["reference_high"] / ref], [y, y], color="#bbbbbb", lw=9,
                solid_capstyle="butt", zorder=1)
        ax.plot([c["claim_low"] / ref, c["claim_high"] / ref], [y, y], color=VERDICT_COLOURS[c["verdict"]], lw=2.5,
                zorder=2)
        ax.plot([float(c["ratio"])], [y], "o", color=VERDICT_COLOURS[c["verdict"]], zorder=3)
    ax.axvline(1.0, color="black", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_yticks(range(len(rows)), [f"{c['claim_id']}  {c['text']}" for _, c in rows.iterrows()], fontsize=8)
    ax.set_xlabel("claim / reference value (log scale; grey = reference range, line = claim range)")
    handles = [plt.Line2D([], [], color=col, marker="o", lw=2.5, label=v) for v, col in VERDICT_COLOURS.items()
               if v in set(rows["verdict"])]
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax.set_title("Claims against their references")
    fig.tight_layout()
    return fig


def changing_quantity(claims: pd.DataFrame, facts: pd.DataFrame) -> pd.Series | None:
    """The numeric claim whose metric and subject have the most dated reference values."""
    best, count = None, 1
    for _, c in claims[claims["verdict"].notna() & claims["ratio"].notna()].iterrows():
        rows = _series(facts, c["metric"], c["subject"])
        if len(rows) > count:
            best, count = c, len(rows)
    return best


def _series(facts: pd.DataFrame, metric: str, subject: str) -> pd.DataFrame:
    rows = facts[(facts["metric"] == metric) & (facts["subject"].map(subject_key) == subject_key(subject))
                 & facts["period_end"].notna() & (facts["period_end"] != "")]
    return rows.assign(when=rows["period_end"].map(lambda e: iso_span(e)[0])).sort_values(["when", "fact_id"])


def plot_reference_timeline(claim: pd.Series | None, facts: pd.DataFrame, published: dt.date | None) -> plt.Figure:
    """Reference values of the claim's quantity over time, with the article's figure and date."""
    if claim is None:
        return _empty("No claimed quantity with several dated references")
    rows = _series(facts, claim["metric"], claim["subject"])
    fig, ax = plt.subplots(figsize=SIZE)
    ax.plot(rows["when"], rows["value_num"], "-o", color="#377eb8", label=f"reference: {claim['metric']}")
    value = float(claim["value"])
    ax.axhline(value, color="#d95f02", ls="--", lw=1.2, label=f"article: {claim['text']}")
    if published is not None:
        ax.axvline(published, color="black", ls=":", lw=1, label=f"article published {published.isoformat()}")
        ax.plot([published], [value], "D", color="#d95f02")
    ax.set_ylabel(claim["unit"])
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: fmt_quantity(v, claim["unit"])))
    ax.set_title(f"{claim['subject']}: {claim['metric']} over time ({claim['claim_id']}: {claim['verdict']})")
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


TRADE_METRICS = ("bilateral_trade_usd", "goods_trade_usd", "goods_exports_usd")


def plot_trade_figures(claims: pd.DataFrame, facts: pd.DataFrame) -> plt.Figure:
    """The article's money claims next to the reference trade values for the same subjects
    (horizontal bars on a log scale, one group per subject)."""
    money = claims[(claims["unit"] == "USD") & claims["verdict"].notna()]
    if money.empty:
        return _empty("No trade figures claimed")
    labels, values, colours = [], [], []
    for _, c in money.sort_values("start").iterrows():
        labels.append(f"ARTICLE {c['claim_id']} {c['subject']}: {c['text']}")
        values.append(float(c["value"]))
        colours.append(VERDICT_COLOURS[c["verdict"]])
        key = subject_key(c["subject"])
        refs = facts[facts["metric"].isin(TRADE_METRICS) & (facts["subject"].map(subject_key) == key)]
        for _, r in refs.sort_values(["period_end", "fact_id"]).iterrows():
            tag = " (annualised)" if r["qualifier"] == "annualised_from_partial" else ""
            labels.append(f"  {r['metric'].replace('_usd', '')} {r['period_start'] or ''}..{r['period_end'] or ''}{tag}")
            values.append(float(r["value_num"]))
            colours.append("#9ecae1" if tag else "#377eb8")
    fig, ax = plt.subplots(figsize=SIZE)
    y = np.arange(len(values))[::-1]
    ax.barh(y, values, color=colours)
    ax.set_yticks(y, labels, fontsize=7)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: fmt_quantity(v, "USD")))
    ax.xaxis.set_minor_formatter(plt.NullFormatter())
    ax.set_xlabel("US dollars, log scale (blue: reference; light blue: annualised; article bars by verdict)")
    ax.set_title("Trade figures: the article against the references")
    fig.tight_layout()
    return fig
