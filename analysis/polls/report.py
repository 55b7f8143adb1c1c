"""Prose for notebook 03, built from the computed tables (never typed-in findings)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from .evaluate import claimed_phrase
from .plots import ClaimMark
from .stats import format_p
from .waves import WaveTopic, wave_responses


def claims_markdown(claims: pd.DataFrame, slug: str) -> str:
    """What the parser found: the number of poll sentences and claims, or that there are none."""
    if claims.empty:
        return (f"**No poll claims in `{slug}`.** No sentence both names a poll or survey and "
                "reports a share, so there is nothing to check and no poll question to chart.")
    sentences = claims["start"].nunique()
    ids = claims["claim_id"].nunique()
    countries = ", ".join(dict.fromkeys(c or "(none named)" for c in claims["country"]))
    return (f"`{slug}` has {sentences} sentence(s) reporting polls, with {ids} claimed share(s) "
            f"about {countries}: {len(claims)} claim-country pair(s) to check.")


def findings_markdown(summary: pd.DataFrame, evaluation: pd.DataFrame, confidence: float,
                      assumed_n: int, design_effect: float) -> str:
    """One bullet per claim and country: the verdict and the explanation behind it."""
    if summary.empty:
        return "No verdicts: the article makes no poll claims."
    lines = []
    for r in summary.itertuples():
        period = f" in {r.claim_period}" if r.claim_period else " (no period stated)"
        lines.append(f"- **{r.claim_id}, {r.country}**: {r.claimed}{period} → **{r.verdict}**. "
                     f"{r.explanation}")
    assumed = int(evaluation["n_assumed"].sum()) if not evaluation.empty else 0
    lines.append(
        f"\nIntervals are {confidence:.0%} Wilson intervals at the effective sample size "
        f"n / {design_effect:g} (design effect); {assumed} of {len(evaluation)} poll rows have no stated n and use "
        f"the assumed n = {assumed_n:,}.")
    return "\n".join(lines)


def sensitivity_markdown(table: pd.DataFrame) -> str:
    """Which conclusions change with the assumed n, from `evaluate.sensitivity_table`."""
    if table.empty:
        return "No conclusion rests on an assumed sample size."
    moving = table[table["depends_on_n"]]
    ns = [c for c in table.columns if c.startswith("n=")]
    head = (f"{len(moving)} of {len(table)} tested conclusions resting on an assumed n change "
            f"between {ns[0]} and {ns[-1]}")
    if moving.empty:
        return head + "; the others hold at every n tried."
    items = [f"{r['poll_id']} ({r['population']}, {r['test']}): "
             + ", ".join(f"{c} {r[c].split(' ')[0]}" for c in ns)
             for r in moving.to_dict("records")]
    return head + ":\n" + "\n".join(f"- {i}" for i in items)


def claim_mark(claims: pd.DataFrame, topic: WaveTopic) -> ClaimMark | None:
    """The chart mark (threshold, label, period, countries) of the claim the topic comes from."""
    rows = claims[(claims["claim_id"] == topic.claim_id) & (claims["side"] != "")]
    if rows.empty:
        return None
    first = rows.iloc[0]
    start = dt.date.fromisoformat(first["period_start"]) if first["period_start"] else None
    end = dt.date.fromisoformat(first["period_end"]) if first["period_end"] else None
    period = f" ({first['period']})" if first["period"] else ""
    return ClaimMark(float(first["value"]), f"claim {first['claim_id']}: {claimed_phrase(first)}{period}",
                     start, end, tuple(c for c in rows["country"] if c))


def chart_title(topic: WaveTopic, waves: pd.DataFrame, confidence: float, assumed_n: int,
                design_effect: float) -> str:
    """"The Abraham Accords: positive and negative shares by wave (95% Wilson intervals; ...)"."""
    responses = " and ".join(wave_responses(waves)) or "no responses"
    label = topic.label[:1].upper() + topic.label[1:]
    return (f"{label}: {responses} shares by wave ({confidence:.0%} Wilson intervals; "
            f"unstated n = {assumed_n:,}, design effect {design_effect:g})")


def chart_markdown(topic: WaveTopic | None, waves: pd.DataFrame, has_claims: bool) -> str:
    """What the wave chart shows, or why there is none."""
    if topic is None:
        why = ("the article makes no poll claims" if not has_claims else
               "no poll claim with a side matches a reference poll's question")
        return f"**No chart:** {why}, so there is no poll question to follow over the waves."
    if waves.empty:
        return (f"**No chart:** no national reference poll asks about {topic.label} "
                f"(claim {topic.claim_id}).")
    responses = " and ".join(wave_responses(waves))
    return (f"The question of claim {topic.claim_id}, {topic.label}: {responses} shares in "
            f"{waves['poll_id'].nunique()} reference poll(s) across {waves['country'].nunique()} "
            "countries, with interval bars; the dashed line is the claimed threshold and the "
            "shaded band the claimed period (in the countries the claim names).")


def _beyond_sampling_error(table: pd.DataFrame, what: str, confidence: float,
                           item: Callable[[tuple], str]) -> str:
    """"k of n <what> are beyond sampling error", one bullet per significant row, then the rest."""
    clear = table[table["significant"]]
    lines = [f"{len(clear)} of {len(table)} {what} are beyond sampling error ({confidence:.0%} "
             "Newcomb interval excludes 0, two-sided score test):"]
    lines += [f"- {item(r)}, {format_p(r.p_value, 'p')}" + (" (n assumed)" if r.n_assumed else "")
              for r in clear.itertuples()]
    if len(clear) < len(table):
        lines.append(f"\nThe other {len(table) - len(clear)} are within sampling error.")
    return "\n".join(lines)


def country_differences_markdown(diffs: pd.DataFrame, confidence: float) -> str:
    """The differences between countries within a wave that are beyond sampling error."""
    if diffs.empty:
        return "No wave of this question reports two countries, so none can be compared."
    return _beyond_sampling_error(
        diffs, "between-country differences within a wave", confidence,
        lambda r: (f"{r.poll_id} ({r.fieldwork}), {r.response}: {r.country_a} {r.percent_a:g}% vs "
                   f"{r.country_b} {r.percent_b:g}%, {r.difference:+.1f} points "
                   f"[{r.ci_low:+.1f}, {r.ci_high:+.1f}]"))


def differences_display(diffs: pd.DataFrame) -> pd.DataFrame:
    """The country differences for display: rounded, p-values formatted ("<1e-10"); the
    fieldwork and n_assumed columns are left to the prose."""
    shown = diffs.drop(columns=["fieldwork", "n_assumed"]).round(1)
    shown["p_value"] = diffs["p_value"].map(format_p)
    return shown


def changes_markdown(changes: pd.DataFrame, confidence: float) -> str:
    """The significant changes between waves, from `waves.wave_changes`."""
    if changes.empty:
        return "No country has two waves of this question on file."
    return _beyond_sampling_error(
        changes, "wave-to-wave changes", confidence,
        lambda r: (f"{r.country}, {r.response}: {r.percent_from:g}% ({r.fieldwork_from}, "
                   f"{r.poll_from}) → {r.percent_to:g}% ({r.fieldwork_to}, {r.poll_to}), "
                   f"{r.change:+.0f} points [{r.ci_low:+.1f}, {r.ci_high:+.1f}]"))


def overview_markdown(summary: pd.DataFrame, evaluation: pd.DataFrame) -> str:
    """Verdict counts and the caveats that apply across claims (question match, reason)."""
    if summary.empty:
        return "The article makes no poll claims, so there are no verdicts to summarise."
    counts = summary["verdict"].value_counts().sort_index()
    parts = [f"{len(summary)} claim-country pair(s): "
             + ", ".join(f"{v} {k}" for k, v in counts.items()) + "."]
    related = int((~summary["question_match"].str.contains("same")
                   & (summary["question_match"] != "")).sum())
    if related:
        parts.append(f"{related} of {len(summary)} verdict(s) rest on polls that asked a related "
                     "question, not the claim's own.")
    asked = summary["reason_asked"].dropna()
    if not asked.empty:
        parts.append(f"The stated reason was asked in the polls behind {int(asked.sum())} of "
                     f"{len(asked)} pair(s) that give one.")
    parts.append(f"{int(evaluation['n_assumed'].sum())} of {len(evaluation)} poll rows have no "
                 "stated sample size, so their intervals and tests rest on the assumed n.")
    return " ".join(parts)
