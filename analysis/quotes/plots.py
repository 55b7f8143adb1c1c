"""Figures of the quote-attribution notebook (matplotlib; the caller saves and closes)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .tables import position_by_paragraph


def plot_voice(voice: pd.DataFrame, column: str, top: int = 12) -> Figure:
    """Horizontal bars: quoted words per `column` value (largest on top)."""
    data = voice.head(top).iloc[::-1]
    fig = Figure(figsize=(7, 0.4 * max(len(data), 3) + 1))
    ax = fig.subplots()
    ax.barh(data[column].astype(str), data["words"], color="#4c72b0")
    for y, (w, q) in enumerate(zip(data["words"], data["quotes"])):
        ax.text(w, y, f" {q} quote{'s' if q != 1 else ''}", va="center", fontsize=8)
    ax.set_xlim(0, max(1, data["words"].max()) * 1.2)
    ax.set_xlabel("words quoted")
    ax.set_title(f"Who gets the voice: quoted words by {column.replace('_', ' ')}")
    fig.tight_layout()
    return fig


def plot_positions(quotes: pd.DataFrame, n_paragraphs: int, column: str = "affiliation") -> Figure:
    """Where in the article each side speaks: one row per `column` value, a dot per
    paragraph (x axis: the 0-based paragraph index of the quotes table) sized by the words
    quoted there."""
    table = position_by_paragraph(quotes, n_paragraphs, column)
    fig = Figure(figsize=(8, 0.45 * max(len(table), 3) + 1.2))
    ax = fig.subplots()
    for y, row in table.iterrows():
        xs = [p for p in range(n_paragraphs) if row[p] > 0]
        ax.scatter(
            xs,
            [y] * len(xs),
            s=[12 + 4 * row[p] for p in xs],
            alpha=0.7,
            color="#dd8452",
            edgecolor="black",
            linewidth=0.5,
        )
    ax.set_yticks(range(len(table)), table[column].astype(str))
    ax.invert_yaxis()
    ax.set_xticks(range(n_paragraphs), [str(p) for p in range(n_paragraphs)])
    ax.set_xlim(-0.5, n_paragraphs - 0.5)
    ax.set_xlabel("paragraph index, from 0 as in the quotes table (dot area: words quoted)")
    ax.set_title(f"Where each {column.replace('_', ' ')} speaks in the article")
    fig.tight_layout()
    return fig
