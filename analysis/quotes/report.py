"""Sentences for the notebook, built from the quotes table (never typed-in findings)."""
from __future__ import annotations

import pandas as pd

from .tables import UNATTRIBUTED, named_vs_anonymous, voice_by


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _names(values: list[str]) -> str:
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def findings(quotes: pd.DataFrame, n_paragraphs: int) -> str:
    """Markdown bullet points: who gets the voice, named vs anonymous, who speaks first/last
    (paragraphs numbered from 0, like the quotes table's `paragraph` column)."""
    if quotes.empty:
        return "- The article quotes no one: it holds no quotation marks."
    by_speaker = voice_by(quotes, "speaker")
    by_aff = voice_by(quotes, "affiliation")
    total_words = int(by_speaker["words"].sum())
    attributed = quotes["speaker"].notna().sum()
    lines = [f"- The article holds **{len(quotes)} quotations** ({total_words} quoted words); "
             f"{attributed} of them are attributed to **{quotes['speaker'].nunique()} "
             f"speakers**."]
    top = by_speaker.iloc[0]
    lines.append(f"- The most quoted speaker is **{top['speaker']}**: {top['quotes']} "
                 f"quotations, {top['words']} words ({_pct(top['share_of_words'])} of all "
                 "quoted words).")
    sides = by_aff[by_aff["affiliation"] != UNATTRIBUTED]
    if len(sides):
        parts = [f"{r.affiliation} {_pct(r.share_of_words)}" for r in sides.head(4).itertuples()]
        lines.append(f"- By side, the quoted words split: {'; '.join(parts)}.")
    nva = named_vs_anonymous(quotes).set_index("source")
    lines.append(f"- {nva.loc['named', 'quotes']} quotations come from named sources, "
                 f"{nva.loc['anonymous', 'quotes']} from anonymous sources and "
                 f"{nva.loc['document', 'quotes']} from documents; "
                 f"{nva.loc['unattributed', 'quotes']} have no speaker.")
    order = quotes.dropna(subset=["affiliation"]).sort_values("start")
    if len(order):
        first, last = order.iloc[0], order.iloc[-1]
        lines.append(f"- The first quoted side is **{first['affiliation']}** (paragraph "
                     f"{first['paragraph']}); the last is **{last['affiliation']}** (paragraph "
                     f"{last['paragraph']}). Paragraphs are numbered from 0 to "
                     f"{n_paragraphs - 1}, as in the table's `paragraph` column and the figure.")
    kinds = quotes["kind"].value_counts()
    frag = int(kinds.get("fragment", 0) + kinds.get("slogan", 0) + kinds.get("echo", 0))
    lines.append(f"- {int(kinds.get('clause', 0))} quotations are full clauses and {frag} are "
                 "fragments, slogans or echoes woven into the reporter's own sentences.")
    echoes = quotes[quotes["kind"] == "echo"]
    if len(echoes):
        lines.append("- Echoes (words repeated from an earlier quotation): "
                     + _names([f"\u201c{t}\u201d ({s})" for t, s in
                               zip(echoes["text"], echoes["speaker"])]) + ".")
    return "\n".join(lines)
