"""Sentences for the notebook, built from the quotes table (never typed-in findings)."""
from __future__ import annotations

import pandas as pd

from .sources import MATCHES
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



def _bare(text: str) -> str:
    return text.strip().rstrip(".,;:")


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def source_findings(matches: pd.DataFrame) -> str:
    """Markdown bullet points from `match_quote_sources`: counts per match class, the quotations
    whose wording differs from the source and how, and whether the sources' organisations fit
    the speakers."""
    if matches.empty:
        return "- The article quotes no one: there is nothing to check against sources."
    paired = int((matches["source_quote_id"] != "").sum())
    if paired == 0:
        return (f"- None of the {len(matches)} quotations has a row in the reference table, "
                "so none can be compared with a source.")
    counts = {cls: int((matches["match"] == cls).sum()) for cls in MATCHES}
    english = counts["verbatim"] + counts["close"] + counts["different wording"]
    lines = [f"- {paired} of the {len(matches)} quotations have a row in the reference table; "
             f"{english} can be compared with an English source: "
             f"**{counts['verbatim']} verbatim**, **{counts['close']} close** and "
             f"**{counts['different wording']} in different wording**; "
             f"{counts['no source found']} have no source text."]
    foreign = matches[matches["match"] == "source not in English"]
    if len(foreign):
        langs = foreign.groupby("language")["quote_id"].agg(", ".join)
        lines.append(f"- {len(foreign)} rest on a source in another language ("
                     + "; ".join(f"{lang}: {ids}" for lang, ids in langs.items())
                     + "): the table shows the reference gloss, no comparison is made.")
    for cls in ("close", "different wording"):
        rows = matches[matches["match"] == cls]
        if len(rows):
            items = [f"\u201c{_bare(r.text)}\u201d ({r.speaker or 'unattributed'}, similarity "
                     f"{r.similarity:.0f}: {r.note}"
                     + (f"; closest source words \u2018{_clip(r.matched_source_excerpt)}\u2019"
                        if cls == "different wording" else "") + ")"
                     for r in rows.itertuples()]
            lines.append(f"- {cls.capitalize()}: " + "; ".join(items) + ".")
    sourced = matches[matches["speaker_check"] != "no source"]
    if len(sourced):
        checks = sourced["speaker_check"].value_counts()
        lines.append(f"- Of the {len(sourced)} reference rows naming who issued the text, "
                     f"{int(checks.get('agrees', 0))} name the quoted speaker or their "
                     f"organisation and {int(checks.get('reported by an outlet', 0))} an "
                     "outlet reporting the speech.")
        differs = sourced[sourced["speaker_check"] == "differs"]
        if len(differs):
            lines.append("- Source organisation and speaker differ: " + "; ".join(
                f"{r.quote_id} ({r.speaker or 'unattributed'} vs {r.source_org})"
                for r in differs.itertuples()) + ".")
    return "\n".join(lines)
