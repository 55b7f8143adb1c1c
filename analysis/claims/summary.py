"""Markdown prose for notebook 02, built from the computed tables (never typed-in findings)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..wording import date_or_unknown, join_words, plural, verb
from .verify import claim_sort_key

# Kind of mention -> (singular, plural) words for prose.
KIND_WORDS = {
    "money": ("money amount", "money amounts"),
    "percent": ("percentage", "percentages"),
    "fraction": ("fraction", "fractions"),
    "count": ("count", "counts"),
    "label": ("label", "labels"),
    "ordinal": ("ordinal", "ordinals"),
    "duration": ("duration", "durations"),
    "age": ("age", "ages"),
    "year": ("year", "years"),
    "decade": ("decade", "decades"),
    "date": ("calendar date", "calendar dates"),
    "month": ("month", "months"),
    "weekday": ("weekday", "weekdays"),
    "relative_date": ("relative date", "relative dates"),
    "relative_offset": ("offset between events", "offsets between events"),
    "time": ("clock time", "clock times"),
}


def _counts(series: pd.Series, words: dict | None = None) -> str:
    """'7 counts, 1 relative date': counts of each value, most frequent first."""
    counts = series.value_counts()
    parts = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        singular, plural_form = (words or {}).get(key, (key, key))
        parts.append(plural(int(n), singular, plural_form))
    return ", ".join(parts) if parts else "none"


def numbers_summary(numbers: pd.DataFrame, published: dt.date | None) -> str:
    """One paragraph: how many mentions of which kinds, hedged, and resolved from the date."""
    if numbers.empty:
        return "The article holds no numeric or dated mention."
    hedged = numbers[numbers["hedge"].notna()]
    relative = numbers[numbers["resolved_from"] == "published date"]
    dated = (
        f"{len(relative)} {verb(len(relative), 'was', 'were')} dated from the published date "
        f"({date_or_unknown(published)})."
        if published
        else f"The published date is {date_or_unknown(published)} (no metadata), so relative dates stay unresolved."
    )
    return (
        f"The article holds **{plural(len(numbers), 'numeric or dated mention')}**: "
        f"{_counts(numbers['kind'], KIND_WORDS)}. {len(hedged)} {verb(len(hedged), 'carries', 'carry')} a hedge"
        + (f" ({_counts(hedged['hedge'])})" if len(hedged) else "")
        + f". {dated}"
    )


def by_claim_id(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims in natural claim_id order (C2 before C10)."""
    return claims.sort_values("claim_id", key=lambda s: s.map(claim_sort_key), kind="stable")


REGISTER_KEYS = (
    "id, mention, subject, metric, period "
    "(and optionally context, occurrence, ends_with, attributed_to, topic, note, drop)"
)


def register_sentence(register: str, expected: str) -> str:
    """Where the claims came from: the register's path, or where one would go and what it holds."""
    if register:
        return (
            f"The claim register `{register}` overrides the automatic reading: its entries win over the "
            "automatic claims of the same mentions, and add the claims the text alone does not give."
        )
    return (
        f"No claim register: the claims below were all found automatically. A researcher who wants to correct "
        f"or extend them writes `{expected}` (a YAML list under `claims:` with the keys {REGISTER_KEYS}); "
        "`python -m analysis register ARTICLE` drafts one from the automatic claims."
    )


def claims_summary(claims: pd.DataFrame) -> str:
    """Verdict counts and one line per claim with its explanation and source."""
    if claims.empty:
        return (
            "No figure of the article was taken for a claim: no registered entry, and no population or GDP "
            "figure of a country found automatically."
        )
    polls = claims[claims["verdict"].isna()]
    judged = claims[claims["verdict"].notna()]
    origins = _counts(claims["origin"].fillna("register").map(lambda o: f"{o}")) if "origin" in claims else ""
    lines = [
        f"Of **{plural(len(claims), 'claim')}** "
        f"({origins.replace('register', 'from the register').replace('automatic', 'found automatically')}), "
        f"{len(polls)} {verb(len(polls), 'is a poll claim', 'are poll claims')} "
        f"left to notebook 03. The other {len(judged)}: {_counts(judged['verdict'])}.",
        "",
    ]
    missing = judged[judged["verdict"] == "no reference"]
    if not missing.empty:
        lines[0] += (
            f" {plural(len(missing), 'claim')} {verb(len(missing), 'has', 'have')} **no reference**: a researcher "
            "would add rows to `data/reference/facts.csv` (columns fact_id, subject, metric, value, qualifier, "
            "unit, period_start, period_end, source_org, url, confidence)."
        )
    for _, c in by_claim_id(judged).iterrows():
        source = (
            f" Source: {c['source_org']} ({c['fact_id']}{', ' + c['url'] if c['url'] else ''})." if c["fact_id"] else ""
        )
        lines.append(
            f"- **{c['claim_id']}** {c['text']!r} ({c.get('metric_label') or c['metric']}, {c['subject']}): "
            f"**{c['verdict']}**. "
            f"{c['explanation']}{source}"
        )
    return "\n".join(lines)


def consistency_summary(checks: pd.DataFrame) -> str:
    """Verdict counts and one line per check with its arithmetic."""
    if checks.empty:
        return "No internal check applies to this article's mentions."
    lines = [f"**{plural(len(checks), 'internal check')}**: {_counts(checks['verdict'])}.", ""]
    for _, k in checks.iterrows():
        lines.append(f"- **{k['check_id']}** ({k['rule']}; {k['claim_ids']}): **{k['verdict']}**. {k['explanation']}")
    return "\n".join(lines)


def figure_line(saved: list[str]) -> str:
    """One line for the files `RunContext.save_figure` wrote: 'saved runs/x/figures/02_a.png
    (and .svg; also in figures/)'."""
    if not saved:
        return "saved nothing"
    first = saved[0]
    folder = first.rsplit("/", 1)[0]
    stem = first.rsplit(".", 1)[0]
    others = sorted({p.rsplit(".", 1)[1] for p in saved if p.rsplit(".", 1)[0] == stem and p != first})
    elsewhere = sorted({p.rsplit("/", 1)[0] + "/" for p in saved if p.rsplit("/", 1)[0] != folder})
    extra = [f"and {join_words(['.' + o for o in others])}"] if others else []
    extra += [f"also in {join_words(elsewhere)}"] if elsewhere else []
    return f"saved {first}" + (f" ({'; '.join(extra)})" if extra else "")


def conclusion(claims: pd.DataFrame, checks: pd.DataFrame) -> str:
    """What the run means, in three sentences computed from the tables."""
    judged = by_claim_id(claims[claims["verdict"].notna()]) if not claims.empty else claims
    parts = []
    if not judged.empty:
        held = judged[judged["verdict"] == "supported"]
        latest = int((held["relation"] == "latest").sum()) if "relation" in held else 0
        parts.append(
            f"{len(held)} of {plural(len(judged), 'checkable claim')} {verb(len(held), 'agrees', 'agree')} "
            "with a reference for their period"
            + (f" ({latest} of them with the latest reference before the article's date)" if latest else "")
            + "."
        )
        old = judged[judged["verdict"] == "outdated"]
        if not old.empty:
            parts.append(
                "Outdated: "
                + "; ".join(
                    f"{c['claim_id']} {c['text']!r} was true up to {c['true_as_of']}" for _, c in old.iterrows()
                )
                + "."
            )
        bad = judged[judged["verdict"].isin(["contradicted", "unsupported"])]
        if not bad.empty:
            parts.append(
                "Contradicted or without a reference for their period: "
                + ", ".join(f"{c['claim_id']} {c['text']!r} ({c['verdict']})" for _, c in bad.iterrows())
                + "."
            )
    if not checks.empty:
        wrong = checks[checks["verdict"] == "inconsistent"]
        parts.append(
            f"Internally, {len(wrong)} of {plural(len(checks), 'check')} {verb(len(wrong), 'finds', 'find')} "
            "an inconsistency"
            + (
                ": " + "; ".join(f"{k['check_id']} ({k['rule']}, {k['claim_ids']})" for _, k in wrong.iterrows())
                if not wrong.empty
                else ""
            )
            + "."
        )
    return (
        " ".join(parts)
        if parts
        else (
            "Nothing to conclude: no figure of the article was taken for a claim "
            "(registered or found automatically) and no internal check applies."
        )
    )


def lookalikes_summary(candidates: pd.DataFrame, registered: set[str] | frozenset = frozenset()) -> str:
    """How many large figures were read as a country's population or GDP, and why the rest were
    not; `registered` mention ids (the register decides those) are left out."""
    if not candidates.empty:  # other metrics' claims (dates, shares, small counts) are in claims.csv
        value = pd.to_numeric(candidates["value"], errors="coerce")
        candidates = candidates[
            ((candidates["unit"] == "USD") & (value >= 1e6)) | ((candidates["unit"] == "people") & (value >= 1e5))
        ]
    if candidates.empty:
        return (
            "The article holds no US-dollar figure of a million or more and no count of 100,000 or more, so "
            "nothing could be a country's population or GDP."
        )
    covered = int(candidates["mention_id"].isin(registered).sum())
    candidates = candidates[~candidates["mention_id"].isin(registered)]
    if candidates.empty:
        return (
            f"All {plural(covered, 'large figure')} of the article (money of a million US dollars or more, "
            "counts of 100,000 or more) are register entries, so the register decides them; none is left "
            "to the automatic reading."
        )
    taken = candidates[candidates["is_claim"]]
    left = candidates[~candidates["is_claim"]]
    text = (
        f"Of **{plural(len(candidates), 'large figure')}** (money of a million US dollars or more, counts of "
        f"100,000 or more){f' besides the {covered} the register decides' if covered else ''}, {len(taken)} "
        f"{verb(len(taken), 'reads', 'read')} as a claim (a country's population or GDP, trade between two "
        "countries, or another metric whose words say so)."
    )
    if left.empty:
        return text + " None was set aside as a lookalike."
    return text + (
        f" {len(left)} {verb(len(left), 'was', 'were')} set aside as lookalikes: "
        + "; ".join(f"{r['text']!r} ({r['why_not']})" for _, r in left.iterrows())
        + "."
    )


def world_bank_summary(claims: pd.DataFrame) -> str:
    """Which claims the World Bank series checks, and where its reading differs from the verdict."""
    if claims.empty or "world_bank_verdict" not in claims:
        return "No claim is about a country's population or GDP, so the World Bank series checks none."
    wb = claims[claims["world_bank_verdict"].notna()]
    if wb.empty:
        return "No claim is about a country's population or GDP, so the World Bank series checks none."
    differ = wb[(wb["basis"] != "World Bank") & (wb["world_bank_verdict"] != wb["verdict"])]
    parts = [
        f"The World Bank series (population SP.POP.TOTL, GDP NY.GDP.MKTP.CD) {verb(len(wb), 'checks', 'check')} "
        f"{plural(len(wb), 'claim')}: "
        + "; ".join(
            f"{c['claim_id']} {c['text']!r}: {c['world_bank_verdict']} against {int(c['world_bank_year'])} "
            f"({c['world_bank_value']:,.0f}; verdict rests on {c['basis'] or 'no reference'})"
            for _, c in wb.iterrows()
        )
        + "."
    ]
    if differ.empty:
        parts.append("Where facts.csv also covers a claim, the two agree.")
    else:
        parts.append(
            f"{plural(len(differ), 'claim')} {verb(len(differ), 'reads', 'read')} differently against the "
            "World Bank than against facts.csv: " + ", ".join(differ["claim_id"]) + " (table below)."
        )
    return " ".join(parts)
