"""Sentences for the notebook, built from the quotes table (never typed-in findings)."""

from __future__ import annotations

import pandas as pd

from ..wording import join_words, plural, verb
from .sources import MATCHES
from .tables import UNATTRIBUTED, UNKNOWN_SIDE, named_vs_anonymous, voice_by


def _pct(x: float) -> str:
    """A share as a whole percentage; a share above 0 that rounds to 0 reads '<1%'."""
    pct = 100 * x
    return "<1%" if 0 < pct and round(pct) == 0 else f"{pct:.0f}%"


def _attributed(quotes: pd.DataFrame) -> str:
    """ "12 of them are attributed to 5 speakers" ("it is attributed to 1 speaker" for one)."""
    attributed = int(quotes["speaker"].notna().sum())
    speakers = plural(int(quotes["speaker"].nunique()), "speaker")
    if len(quotes) == 1:
        return f"it is attributed to **{speakers}**" if attributed else "it has no speaker"
    return f"{attributed} of them {verb(attributed, 'is', 'are')} attributed to **{speakers}**"


def findings(quotes: pd.DataFrame, n_paragraphs: int) -> str:
    """Markdown bullet points: who gets the voice, named vs anonymous, who speaks first/last
    (paragraphs numbered from 0, like the quotes table's `paragraph` column)."""
    if quotes.empty:
        return "- The article quotes no one: it holds no quotation marks."
    by_speaker = voice_by(quotes, "speaker")
    by_aff = voice_by(quotes, "affiliation")
    total_words = int(by_speaker["words"].sum())
    lines = [
        f"- The article holds **{plural(len(quotes), 'quotation')}** "
        f"({plural(total_words, 'quoted word')}); {_attributed(quotes)}."
    ]
    top = by_speaker.iloc[0]
    most = by_speaker.sort_values(["quotes", "words"], ascending=False, kind="stable").iloc[0]
    lines.append(
        f"- By quoted words the most quoted speaker is **{top['speaker']}**: "
        f"{plural(int(top['words']), 'word')} ({_pct(top['share_of_words'])} of all quoted "
        f"words) in {plural(int(top['quotes']), 'quotation')}."
    )
    if most["speaker"] != top["speaker"]:
        lines.append(
            f"- By number of quotations it is **{most['speaker']}**: "
            f"{plural(int(most['quotes']), 'quotation')}, {plural(int(most['words']), 'word')}."
        )
    known = by_aff[by_aff["affiliation"] != UNKNOWN_SIDE]
    if len(known):
        shown = known.head(4)
        parts = [f"{r.affiliation} {_pct(r.share_of_words)}" for r in shown.itertuples()]
        rest = known.iloc[len(shown) :]
        if len(rest):
            parts.append(f"{plural(len(rest), 'other side')} {_pct(rest['share_of_words'].sum())}")
        unknown = by_aff[by_aff["affiliation"] == UNKNOWN_SIDE]
        if len(unknown):
            parts.append(f"side unknown {_pct(unknown['share_of_words'].sum())}")
        lines.append(f"- By side, the quoted words split: {'; '.join(parts)}.")
    else:
        lines.append("- The text gives no side for any speaker: all quoted words are counted under side unknown.")
    nva = named_vs_anonymous(quotes).set_index("source")["quotes"].astype(int)
    lines.append(
        f"- {plural(nva['named'], 'quotation')} {verb(nva['named'], 'comes', 'come')} "
        f"from named sources, {nva['anonymous']} from anonymous sources and "
        f"{nva['document']} from documents; {nva['unattributed']} "
        f"{verb(nva['unattributed'], 'has', 'have')} no speaker."
    )
    order = quotes.dropna(subset=["speaker"]).sort_values("start")
    if len(order):
        first, last = order.iloc[0], order.iloc[-1]
        lines.append(
            f"- The first quoted speaker is **{first['speaker']}** (side "
            f"{_side(first['affiliation'])}, paragraph {first['paragraph']}); the last "
            f"is **{last['speaker']}** (side {_side(last['affiliation'])}, paragraph "
            f"{last['paragraph']}). Paragraphs are numbered from 0 to "
            f"{n_paragraphs - 1}, as in the table's `paragraph` column and the figure."
        )
    kinds = quotes["kind"].value_counts()
    clauses = int(kinds.get("clause", 0))
    frag = int(kinds.get("fragment", 0) + kinds.get("slogan", 0) + kinds.get("echo", 0))
    lines.append(
        f"- {plural(clauses, 'quotation')} "
        f"{verb(clauses, 'is a full clause', 'are full clauses')} and {frag} "
        + verb(frag, "is a fragment, slogan or echo", "are fragments, slogans or echoes")
        + " woven into the reporter's own sentences."
    )
    echoes = quotes[quotes["kind"] == "echo"]
    if len(echoes):
        lines.append(
            "- Echoes (words repeated from an earlier quotation): "
            + join_words([f"\u201c{t}\u201d ({s})" for t, s in zip(echoes["text"], echoes["speaker"])])
            + "."
        )
    return "\n".join(lines)


def _side(affiliation) -> str:
    """A side for prose: the affiliation, or "unknown"."""
    return affiliation if isinstance(affiliation, str) and affiliation else UNKNOWN_SIDE


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
    quotations = plural(len(matches), "quotation")
    if paired == 0:
        if len(matches) == 1:
            return (
                "- The article's only quotation has no row in the reference table, so it "
                "cannot be compared with a source."
            )
        return f"- None of the {quotations} has a row in the reference table, so none can be compared with a source."
    counts = {cls: int((matches["match"] == cls).sum()) for cls in MATCHES}
    english = counts["verbatim"] + counts["close"] + counts["different wording"]
    missing = counts["no source found"]
    lines = [
        f"- {paired} of the {quotations} {verb(paired, 'has', 'have')} a row in the "
        f"reference table; {english} can be compared with an English source: "
        f"**{counts['verbatim']} verbatim**, **{counts['close']} close** and "
        f"**{counts['different wording']} in different wording**; "
        f"{missing} {verb(missing, 'has', 'have')} no source text."
    ]
    foreign = matches[matches["match"] == "source not in English"]
    if len(foreign):
        langs = foreign.groupby("language")["quote_id"].agg(", ".join)
        lines.append(
            f"- {len(foreign)} {verb(len(foreign), 'rests', 'rest')} on a source in "
            "another language ("
            + "; ".join(f"{lang}: {ids}" for lang, ids in langs.items())
            + "): the table shows the reference gloss, no comparison is made."
        )
    for cls in ("close", "different wording"):
        rows = matches[matches["match"] == cls]
        if len(rows):
            items = [
                f"\u201c{_bare(r.text)}\u201d ({r.speaker or 'unattributed'}, similarity "
                f"{r.similarity:.0f}: {r.note}"
                + (
                    f"; closest source words \u2018{_clip(r.matched_source_excerpt)}\u2019"
                    if cls == "different wording"
                    else ""
                )
                + ")"
                for r in rows.itertuples()
            ]
            lines.append(f"- {cls.capitalize()}: " + "; ".join(items) + ".")
    sourced = matches[matches["speaker_check"] != "no source"]
    if len(sourced):
        checks = sourced["speaker_check"].value_counts()
        agrees = int(checks.get("agrees", 0))
        lines.append(
            f"- Of the {plural(len(sourced), 'reference row')} naming who issued the "
            f"text, {agrees} {verb(agrees, 'names', 'name')} the quoted speaker or their "
            f"organisation and {int(checks.get('reported by an outlet', 0))} an "
            "outlet reporting the speech."
        )
        differs = sourced[sourced["speaker_check"] == "differs"]
        if len(differs):
            lines.append(
                "- Source organisation and speaker differ: "
                + "; ".join(
                    f"{r.quote_id} ({r.speaker or 'unattributed'} vs {r.source_org})" for r in differs.itertuples()
                )
                + "."
            )
    return "\n".join(lines)


def reported_findings(quotes: pd.DataFrame) -> str:
    """Markdown bullet points on reported statements beside quotations: counts, words, the
    source with the most reported words and the statements whose source stayed unresolved."""
    from .tables import direct_and_reported

    direct = quotes[quotes["direct"]]
    reported = quotes[~quotes["direct"]]
    if reported.empty:
        return (
            f"- The article reports no statement without quotation marks; its "
            f"{plural(len(direct), 'quotation')} in marks are all its attributed speech."
        )
    table = direct_and_reported(quotes, "speaker")
    d_words, r_words = int(table["direct_words"].sum()), int(table["reported_words"].sum())
    lines = [
        f"- Besides **{plural(len(direct), 'quotation')}** in marks "
        f"({plural(d_words, 'word')}), the article reports **"
        f"{plural(len(reported), 'statement')}** without them ({plural(r_words, 'word')}): "
        f"{_pct(r_words / (d_words + r_words))} of all attributed words are reported speech."
    ]
    top = table.sort_values(["reported_words", "speaker"], ascending=[False, True]).iloc[0]
    lines.append(
        f"- The source with the most reported words is **{top['speaker']}** "
        f"({plural(int(top['reported_words']), 'word')} in "
        f"{plural(int(top['reported']), 'statement')}, "
        f"{_pct(top['share_of_reported_words'])} of reported words)."
    )
    only = table[(table["reported"] > 0) & (table["direct_quotes"] == 0)]
    only = only[only["speaker"] != UNATTRIBUTED]
    if len(only):
        lines.append(
            f"- {plural(len(only), 'source')} {verb(len(only), 'is', 'are')} heard "
            f"only in reported speech: {join_words(list(only['speaker']))}."
        )
    unresolved = int(reported["speaker"].isna().sum())
    if unresolved:
        lines.append(
            f"- {plural(unresolved, 'reported statement')} "
            f"{verb(unresolved, 'has', 'have')} a source the text does not resolve to a "
            f"name; they are counted as {UNATTRIBUTED}."
        )
    return "\n".join(lines)
