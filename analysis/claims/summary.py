"""Markdown prose for notebook 02, built from the computed tables (never typed-in findings)."""
from __future__ import annotations

import pandas as pd

KIND_WORDS = {"money": "money amounts", "percent": "percentages", "fraction": "fractions", "count": "counts",
              "label": "labels", "ordinal": "ordinals", "duration": "durations", "age": "ages", "year": "years",
              "decade": "decades", "date": "calendar dates", "month": "months", "weekday": "weekdays",
              "relative_date": "relative dates", "relative_offset": "offsets between events", "time": "clock times"}


def _counts(series: pd.Series, words: dict | None = None) -> str:
    counts = series.value_counts()
    parts = [f"{n} {(words or {}).get(k, k)}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ", ".join(parts) if parts else "none"


def numbers_summary(numbers: pd.DataFrame, published) -> str:
    """One paragraph: how many mentions of which kinds, hedged, and resolved from the date."""
    if numbers.empty:
        return "The article holds no numeric or dated mention."
    hedged = numbers[numbers["hedge"].notna()]
    relative = numbers[numbers["resolved_from"] == "published date"]
    when = published.isoformat() if published else "unknown (no metadata), so relative dates stay unresolved"
    return (f"The article holds **{len(numbers)} numeric or dated mentions**: {_counts(numbers['kind'], KIND_WORDS)}. "
            f"{len(hedged)} carry a hedge ({_counts(hedged['hedge'])}). {len(relative)} were dated from the "
            f"published date ({when}).")


def claims_summary(claims: pd.DataFrame) -> str:
    """Verdict counts and one line per claim with its explanation and source."""
    if claims.empty:
        return "No claim register for this article: the mentions are listed with suggested metrics below."
    polls = claims[claims["verdict"].isna()]
    judged = claims[claims["verdict"].notna()]
    lines = [f"Of **{len(claims)} registered claims**, {len(polls)} are poll claims left to notebook 03. "
             f"The other {len(judged)}: {_counts(judged['verdict'])}.", ""]
    for _, c in judged.sort_values("start").iterrows():
        source = f" Source: {c['source_org']} ({c['fact_id']}{', ' + c['url'] if c['url'] else ''})." if c["fact_id"] else ""
        lines.append(f"- **{c['claim_id']}** {c['text']!r} ({c.get('metric_label') or c['metric']}, {c['subject']}): "
                     f"**{c['verdict']}**. "
                     f"{c['explanation']}{source}")
    return "\n".join(lines)


def consistency_summary(checks: pd.DataFrame) -> str:
    """Verdict counts and one line per check with its arithmetic."""
    if checks.empty:
        return "No internal check applies to this article's mentions."
    lines = [f"**{len(checks)} internal checks**: {_counts(checks['verdict'])}.", ""]
    for _, k in checks.iterrows():
        lines.append(f"- **{k['check_id']}** ({k['rule']}; {k['claim_ids']}): **{k['verdict']}**. {k['explanation']}")
    return "\n".join(lines)


def conclusion(claims: pd.DataFrame, checks: pd.DataFrame) -> str:
    """What the run means, in three sentences computed from the tables."""
    judged = claims[claims["verdict"].notna()] if not claims.empty else claims
    parts = []
    if not judged.empty:
        held = judged[judged["verdict"] == "supported"]
        latest = int((held["relation"] == "latest").sum()) if "relation" in held else 0
        parts.append(f"{len(held)} of {len(judged)} checkable claims agree with a reference for their period"
                     + (f" ({latest} of them with the latest reference before the article's date)" if latest else "")
                     + ".")
        old = judged[judged["verdict"] == "outdated"]
        if not old.empty:
            parts.append("Outdated: " + "; ".join(f"{c['claim_id']} {c['text']!r} was true up to {c['true_as_of']}"
                                                  for _, c in old.iterrows()) + ".")
        bad = judged[judged["verdict"].isin(["contradicted", "unsupported"])]
        if not bad.empty:
            parts.append("Contradicted or without a reference for their period: "
                         + ", ".join(f"{c['claim_id']} {c['text']!r} ({c['verdict']})" for _, c in bad.iterrows()) + ".")
    if not checks.empty:
        wrong = checks[checks["verdict"] == "inconsistent"]
        parts.append(f"Internally, {len(wrong)} of {len(checks)} checks find an inconsistency"
                     + (": " + "; ".join(f"{k['check_id']} ({k['rule']}, {k['claim_ids']})" for _, k in wrong.iterrows())
                        if not wrong.empty else "") + ".")
    return " ".join(parts) if parts else "Nothing to conclude: the article has no registered claims or applicable checks."
