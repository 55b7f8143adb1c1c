"""Figures of notebook 02: claims against their references, a reference timeline, trade figures.

Axes and labels use the readable metric labels of metrics.csv (claims carry theirs in
`metric_label`; `labels` maps the reference rows' metrics).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from .labels import labels_or_default, metric_label
from .periods import iso_span, span_label
from .subjects import subject_key
from .tolerance import fmt_quantity
from .verify import claim_sort_key

VERDICT_COLOURS = {
    "supported": "#1b9e77",
    "contradicted": "#d95f02",
    "outdated": "#e6ab02",
    "unsupported": "#7f7f7f",
    "no reference": "#bdbdbd",
}
REFERENCE_COLOUR, ANNUALISED_COLOUR = "#377eb8", "#9ecae1"
SIZE = (9.0, 6.0)
RATIO_TICKS = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 20.0, 50.0, 100.0)
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _empty(message: str) -> Figure:
    fig = Figure(figsize=SIZE)
    ax = fig.subplots()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _fixed_ticks(axis, candidates, fmt) -> None:
    """Ticks at the candidate values inside the axis limits, written by `fmt`; no minor labels."""
    lo, hi = sorted(axis.axes.get_xlim() if axis is axis.axes.xaxis else axis.axes.get_ylim())
    ticks = [v for v in candidates if lo <= v <= hi]
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_major_formatter(FuncFormatter(lambda v, _: fmt(v)))
    axis.set_minor_formatter(NullFormatter())


def ratio_words(v: float) -> str:
    """'0.5×', '1×', '2×'."""
    return f"{v:g}×"


def money_words(v: float) -> str:
    """'$200M', '$1B', '$1.5B'."""
    return f"${v / 1e9:g}B" if v >= 1e9 else f"${v / 1e6:g}M" if v >= 1e6 else f"${v:,.0f}"


def period_words(start: str | None, end: str | None) -> str:
    """A reference period for a label: '2021', 'Jan–Jul 2024', 'May 2023', or ISO ends."""
    if not end:
        return f"from {start}" if start else "undated"
    lo, hi = iso_span(start or end)[0], iso_span(end)[1]
    whole_months = lo.day == 1 and iso_span(hi.isoformat()[:7])[1] == hi and lo.year == hi.year
    if whole_months and (lo.month, hi.month) == (1, 12):
        return str(lo.year)
    if whole_months:
        months = MONTH_ABBR[lo.month - 1] + ("" if lo.month == hi.month else f"–{MONTH_ABBR[hi.month - 1]}")
        return f"{months} {lo.year}"
    return span_label(lo, hi)


def plot_claims_vs_reference(claims: pd.DataFrame) -> Figure:
    """Each numeric claim's interval and its reference's interval, as ratios to the reference
    value on a log scale; the claim's point is coloured by verdict."""
    rows = claims[claims["ratio"].notna() & claims["verdict"].notna()].copy()
    if rows.empty:
        return _empty("No numeric claim with a reference value")
    rows = rows.sort_values("claim_id", key=lambda s: s.map(claim_sort_key), ascending=False, kind="stable")
    fig = Figure(figsize=SIZE)
    ax = fig.subplots()
    for y, (_, c) in enumerate(rows.iterrows()):
        ref = float(c["reference_value"])
        ax.plot(
            [c["reference_low"] / ref, c["reference_high"] / ref],
            [y, y],
            color="#bbbbbb",
            lw=9,
            solid_capstyle="butt",
            zorder=1,
        )
        ax.plot(
            [c["claim_low"] / ref, c["claim_high"] / ref], [y, y], color=VERDICT_COLOURS[c["verdict"]], lw=2.5, zorder=2
        )
        ax.plot([float(c["ratio"])], [y], "o", color=VERDICT_COLOURS[c["verdict"]], zorder=3)
    ax.axvline(1.0, color="black", lw=0.8, ls=":")
    ax.set_xscale("log")
    _fixed_ticks(ax.xaxis, RATIO_TICKS, ratio_words)
    ax.set_yticks(
        range(len(rows)),
        [f"{c['claim_id']} '{c['text']}' ({c['metric_label']})" for _, c in rows.iterrows()],
        fontsize=8,
    )
    ax.set_xlabel("claim ÷ reference (log scale); grey: reference range, line: claim range", fontsize=9)
    handles = [
        Line2D([], [], color=col, marker="o", lw=2.5, label=v)
        for v, col in VERDICT_COLOURS.items()
        if v in set(rows["verdict"])
    ]
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
    rows = facts[
        (facts["metric"] == metric)
        & (facts["subject"].map(subject_key) == subject_key(subject))
        & facts["period_end"].notna()
        & (facts["period_end"] != "")
    ]
    return rows.assign(when=rows["period_end"].map(lambda e: iso_span(e)[0])).sort_values(["when", "fact_id"])


def plot_reference_timeline(claim: pd.Series | None, facts: pd.DataFrame, published: dt.date | None) -> Figure:
    """Reference values of the claim's quantity over time, with the article's figure and date."""
    if claim is None:
        return _empty("No claimed quantity with several dated references")
    rows = _series(facts, claim["metric"], claim["subject"])
    label = claim["metric_label"]
    fig = Figure(figsize=SIZE)
    ax = fig.subplots()
    ax.plot(
        rows["when"],
        rows["value_num"],
        "-o",
        color=REFERENCE_COLOUR,
        label=f"reference values ({len(rows)}, by end of period)",
    )
    value = float(claim["value"])
    ax.axhline(value, color="#d95f02", ls="--", lw=1.2, label=f"article: '{claim['text']}'")
    if published is not None:
        ax.axvline(published, color="black", ls=":", lw=1, label=f"article published {published.isoformat()}")
        ax.plot([published], [value], "D", color="#d95f02")
    ax.set_ylabel(f"{label} ({claim['unit']})")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_quantity(v, claim["unit"])))
    ax.set_title(f"{claim['subject']}: {label} over time ({claim['claim_id']}: {claim['verdict']})")
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


TRADE_METRICS = ("bilateral_trade_usd", "goods_trade_usd", "goods_exports_usd")


def trade_bars(claims: pd.DataFrame, facts: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The bars of the trade chart, top to bottom: each money claim, then the reference trade
    values of its subject by period. Columns: label (reference labels start with the subject,
    the country pair, as the claim names it), value, colour, kind (article, reference,
    annualised), group (the claim_id the bar belongs to). Reference labels that would repeat
    name their source."""
    bars = []
    money = claims[(claims["unit"] == "USD") & claims["verdict"].notna() & claims["metric"].isin(TRADE_METRICS)]
    for _, c in money.sort_values("start").iterrows():
        bars.append(
            {
                "label": f"article {c['claim_id']}: '{c['text']}' ({c['subject']})",
                "value": float(c["value"]),
                "colour": VERDICT_COLOURS[c["verdict"]],
                "kind": "article",
                "source": "",
                "group": c["claim_id"],
            }
        )
        refs = facts[
            facts["metric"].isin(TRADE_METRICS) & (facts["subject"].map(subject_key) == subject_key(c["subject"]))
        ]
        for _, r in refs.sort_values(["period_end", "period_start", "fact_id"]).iterrows():
            annualised = r["qualifier"] == "annualised_from_partial"
            bars.append(
                {
                    "label": f"{c['subject']} {metric_label(r['metric'], labels)}, "
                    f"{period_words(r['period_start'], r['period_end'])}" + (" annualised" if annualised else ""),
                    "value": float(r["value_num"]),
                    "colour": ANNUALISED_COLOUR if annualised else REFERENCE_COLOUR,
                    "kind": "annualised" if annualised else "reference",
                    "source": str(r["source_org"]),
                    "group": c["claim_id"],
                }
            )
    df = pd.DataFrame(bars, columns=["label", "value", "colour", "kind", "source", "group"])
    repeated = df["label"].duplicated(keep=False)
    df.loc[repeated, "label"] = [f"{lab} ({_short(src)})" for lab, src in df.loc[repeated, ["label", "source"]].values]
    return df.drop(columns="source")


def _short(source: str, width: int = 40) -> str:
    """A source's name without its parenthesised detail (when that is what makes it too long),
    cut to `width` characters."""
    text = source.split(" (")[0] if " (" in source else source
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plot_trade_figures(claims: pd.DataFrame, facts: pd.DataFrame, labels: dict[str, str] | None = None) -> Figure:
    """The article's trade claims next to the reference trade values for the same subjects: one
    dot per value on a log scale (dots, not bars: a bar's length means nothing on a log axis),
    one group per claim, separated by a line; each reference row names its subject."""
    bars = trade_bars(claims, facts, labels_or_default(labels))
    if bars.empty:
        return _empty("No trade figures claimed")
    fig = Figure(figsize=SIZE)
    ax = fig.subplots()
    y = np.arange(len(bars))[::-1]
    floor = bars["value"].min() / 2
    ax.hlines(y, floor, bars["value"].max() * 1.5, color="#eeeeee", lw=0.8, zorder=1)
    ax.scatter(bars["value"], y, s=60, c=list(bars["colour"]), zorder=3, marker="o", edgecolors="black", linewidths=0.4)
    for yy, v in zip(y, bars["value"]):
        ax.annotate(money_words(v), (v, yy), xytext=(7, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_yticks(y, [lab if len(lab) <= 56 else lab[:55].rstrip() + "…" for lab in bars["label"]], fontsize=8)
    for boundary in np.flatnonzero(bars["group"].ne(bars["group"].shift()).to_numpy())[1:]:
        ax.axhline(y[boundary] + 0.5, color="#999999", lw=0.8)  # a line between the claims' groups
    ax.set_xscale("log")
    ax.set_xlim(floor, bars["value"].max() * 3)
    _fixed_ticks(ax.xaxis, [m * 10.0**e for e in range(5, 13) for m in (1, 2, 5)], money_words)
    ax.set_xlabel("US dollars (log scale)")
    dot = lambda col, label: Line2D(
        [],
        [],
        ls="",
        marker="o",
        markersize=7,
        markerfacecolor=col,  # noqa: E731
        markeredgecolor="black",
        markeredgewidth=0.4,
        label=label,
    )
    handles = [dot(REFERENCE_COLOUR, "reference"), dot(ANNUALISED_COLOUR, "reference, annualised from part of a year")]
    handles += [
        dot(col, f"article claim: {v}")
        for v, col in VERDICT_COLOURS.items()
        if col in set(bars.loc[bars["kind"] == "article", "colour"])
    ]
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.4, -0.1), ncol=2)
    ax.set_title("Trade figures: the article against the references")
    fig.subplots_adjust(left=0.42, right=0.97, top=0.93, bottom=0.2)
    return fig
