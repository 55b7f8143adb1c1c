"""Prose for notebook 03, built from the computed tables (never typed-in findings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from ..wording import join_words, plural, verb
from .evaluate import claimed_phrase, matched_rows
from .plots import ClaimMark
from .stats import format_p
from .waves import WaveTopic, wave_responses


def claims_markdown(claims: pd.DataFrame, slug: str) -> str:
    """What the parser found: the number of poll sentences and claims, or that there are none."""
    if claims.empty:
        return (
            f"**No poll claims in `{slug}`.** No sentence both names a poll or survey and "
            "reports a share, so there is nothing to check and no poll question to chart."
        )
    sentences = claims["start"].nunique()
    ids = claims["claim_id"].nunique()
    countries = join_words(list(dict.fromkeys(c or "(none named)" for c in claims["country"])))
    return (
        f"`{slug}` has {plural(sentences, 'sentence')} reporting polls, with "
        f"{plural(ids, 'claimed share')} about {countries}: "
        f"{plural(len(claims), 'claim-country pair')} to check."
    )


def findings_markdown(
    summary: pd.DataFrame, evaluation: pd.DataFrame, confidence: float, assumed_n: int, design_effect: float
) -> str:
    """One bullet per claim and country: the verdict and the explanation behind it."""
    if summary.empty:
        return "No verdicts: the article makes no poll claims."
    lines = []
    for r in summary.itertuples():
        period = f" in {r.claim_period}" if r.claim_period else " (no period stated)"
        lines.append(f"- **{r.claim_id}, {r.country}**: {r.claimed}{period} → **{r.verdict}**. {r.explanation}")
    matched = matched_rows(evaluation)
    assumed = int(matched["n_assumed"].sum())
    if matched.empty:
        lines.append("\nNo claim met a reference poll on file, so no interval was computed.")
        return "\n".join(lines)
    lines.append(
        f"\nIntervals are {confidence:.0%} Wilson intervals at the effective sample size "
        f"n / {design_effect:g} (design effect); {assumed} of {plural(len(matched), 'poll row')} "
        f"{verb(len(matched), 'has', 'have')} no stated n and use the assumed n = {assumed_n:,}."
    )
    return "\n".join(lines)


def sensitivity_markdown(table: pd.DataFrame) -> str:
    """Which conclusions change with the assumed n, from `evaluate.sensitivity_table`."""
    if table.empty:
        return "No conclusion rests on an assumed sample size."
    moving = table[table["changes_with_n"]]
    ns = [c for c in table.columns if c.startswith("n=")]
    head = (
        f"{len(moving)} of {plural(len(table), 'tested conclusion')} resting on an assumed n "
        f"{verb(len(moving), 'changes', 'change')} between {ns[0]} and {ns[-1]}"
    )
    if moving.empty:
        return head + "; the others hold at every n tried."
    items = [
        f"{r['poll_id']} ({r['population']}, {r['test']}): " + ", ".join(f"{c} {r[c].split(' ')[0]}" for c in ns)
        for r in moving.to_dict("records")
    ]
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
    return ClaimMark(
        float(first["value"]),
        f"claim {first['claim_id']}: {claimed_phrase(first)}{period}",
        start,
        end,
        tuple(c for c in rows["country"] if c),
    )


def chart_title(topic: WaveTopic, waves: pd.DataFrame, confidence: float, assumed_n: int, design_effect: float) -> str:
    """ "The Oslo Accords: positive and negative shares by wave (95% Wilson intervals; ...)"."""
    responses = join_words(wave_responses(waves)) or "no responses"
    label = topic.label[:1].upper() + topic.label[1:]
    return (
        f"{label}: {responses} shares by wave ({confidence:.0%} Wilson intervals; "
        f"unstated n = {assumed_n:,}, design effect {design_effect:g})"
    )


def chart_markdown(topic: WaveTopic | None, waves: pd.DataFrame, has_claims: bool) -> str:
    """What the wave chart shows, or why there is none."""
    if topic is None:
        why = (
            "the article makes no poll claims"
            if not has_claims
            else "no poll claim with a side matches a reference poll's question"
        )
        return f"**No chart:** {why}, so there is no poll question to follow over the waves."
    if waves.empty:
        return f"**No chart:** no national reference poll asks about {topic.label} (claim {topic.claim_id})."
    responses = join_words(wave_responses(waves))
    return (
        f"The question of claim {topic.claim_id}, {topic.label}: {responses} shares in "
        f"{plural(waves['poll_id'].nunique(), 'reference poll')} across "
        f"{plural(waves['country'].nunique(), 'country', 'countries')}, with interval bars; "
        "the dashed line is the claimed threshold and the shaded band the claimed period "
        "(in the countries the claim names)."
    )


def _beyond_sampling_error(
    table: pd.DataFrame, what: tuple[str, str], confidence: float, item: Callable[[tuple], str]
) -> str:
    """ "k of n <what> are beyond sampling error", one bullet per significant row, then the rest;
    `what` is the (singular, plural) noun."""
    clear = table[table["significant"]]
    lines = [
        f"{len(clear)} of {plural(len(table), *what)} {verb(len(clear), 'is', 'are')} beyond "
        f"sampling error ({confidence:.0%} Newcomb interval excludes 0, two-sided score test)"
        + (":" if len(clear) else ".")
    ]
    lines += [
        f"- {item(r)}, {format_p(r.p_value, 'p')}" + (" (n assumed)" if r.n_assumed else "") for r in clear.itertuples()
    ]
    rest = len(table) - len(clear)
    if rest and len(clear):
        lines.append(f"\nThe other {rest} {verb(rest, 'is', 'are')} within sampling error.")
    return "\n".join(lines)


def country_differences_markdown(diffs: pd.DataFrame, confidence: float) -> str:
    """The differences between countries within a wave that are beyond sampling error."""
    if diffs.empty:
        return "No wave of this question reports two countries, so none can be compared."
    return _beyond_sampling_error(
        diffs,
        ("between-country difference within a wave", "between-country differences within a wave"),
        confidence,
        lambda r: (
            f"{r.poll_id} ({r.fieldwork}), {r.response}: {r.country_a} {r.percent_a:g}% vs "
            f"{r.country_b} {r.percent_b:g}%, {r.difference:+.1f} points "
            f"[{r.ci_low:+.1f}, {r.ci_high:+.1f}]"
        ),
    )


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
        changes,
        ("wave-to-wave change", "wave-to-wave changes"),
        confidence,
        lambda r: (
            f"{r.country}, {r.response}: {r.percent_from:g}% ({r.fieldwork_from}, "
            f"{r.poll_from}) → {r.percent_to:g}% ({r.fieldwork_to}, {r.poll_to}), "
            f"{r.change:+.0f} points [{r.ci_low:+.1f}, {r.ci_high:+.1f}]"
        ),
    )


def overview_markdown(summary: pd.DataFrame, evaluation: pd.DataFrame) -> str:
    """Verdict counts and the caveats that apply across claims (question match, reason)."""
    if summary.empty:
        return "The article makes no poll claims, so there are no verdicts to summarise."
    counts = summary["verdict"].value_counts().sort_index()
    parts = [
        f"{plural(len(summary), 'claim-country pair')}: " + join_words([f"{v} {k}" for k, v in counts.items()]) + "."
    ]
    related = int((~summary["question_match"].str.contains("same") & (summary["question_match"] != "")).sum())
    if related:
        parts.append(
            f"{related} of {plural(len(summary), 'verdict')} "
            f"{verb(related, 'rests', 'rest')} on polls that asked a related question, "
            "not the claim's own."
        )
    asked = summary["reason_asked"].dropna()
    if not asked.empty:
        parts.append(
            f"The stated reason was asked in the polls behind {int(asked.sum())} of "
            f"{plural(len(asked), 'pair')} that give one."
        )
    matched = matched_rows(evaluation)
    assumed = int(matched["n_assumed"].sum())
    if matched.empty:
        parts.append("No reference poll on file fits any claim: add rows to polls.csv to check them.")
        return " ".join(parts)
    parts.append(
        f"{assumed} of {plural(len(matched), 'poll row')} {verb(len(matched), 'has', 'have')} "
        "no stated sample size, so their intervals and tests rest on the assumed n."
    )
    return " ".join(parts)


EVALUATION_DISPLAY = [
    "claim_id",
    "population",
    "poll_id",
    "fieldwork",
    "response",
    "percent",
    "n",
    "interval",
    "question_match",
    "verdict",
]


def evaluation_display(evaluation: pd.DataFrame) -> pd.DataFrame:
    """The poll_claims rows for reading: population (the reference label, or the claim's country
    when no poll matched), percent, n (stated or assumed: see the summary), interval
    ("low–high"), question_match and verdict. The CSV keeps every column."""
    shown = evaluation.assign(
        population=[p or c or "(none named)" for p, c in zip(evaluation["population"], evaluation["country"])],
        percent=pd.to_numeric(evaluation["percent"]).round(1),
        interval=[
            f"{lo:.1f}–{hi:.1f}" if pd.notna(lo) else "" for lo, hi in zip(evaluation["ci_low"], evaluation["ci_high"])
        ],
    )
    return shown[EVALUATION_DISPLAY]


def sensitivity_display(table: pd.DataFrame) -> pd.DataFrame:
    """The conclusions that change with the assumed n (`changes_with_n`), for reading: poll_id,
    population, test and one column per n. The CSV keeps every conclusion."""
    ns = [c for c in table.columns if c.startswith("n=")]
    if "changes_with_n" not in table.columns:
        return table
    shown = table[table["changes_with_n"].astype(bool)]
    return shown[["poll_id", "population", "test"] + ns].reset_index(drop=True)


def saved_figure_line(saved: list[str]) -> str:
    """One line for a saved figure: "saved runs/<slug>/figures/x.png (+ .svg), also in figures/"."""
    pngs = [p for p in saved if p.endswith(".png")]
    if not pngs:
        return "no figure saved"
    first = pngs[0]
    extra = sorted({p.rsplit(".", 1)[1] for p in saved} - {"png"})
    also = [relative_folder(p) for p in pngs[1:]]
    return f"saved {first}" + "".join(f" (+ .{e})" for e in extra) + (f", also in {join_words(also)}" if also else "")


def relative_folder(path: str) -> str:
    """The folder part of a project-relative path, with a trailing slash."""
    return path.rsplit("/", 1)[0] + "/" if "/" in path else "./"


FIGURES_DISPLAY = ["figure_id", "mention", "percent", "hedge", "response", "population_iso3", "pollster", "n", "moe"]


def figures_markdown(figures: pd.DataFrame, slug: str) -> str:
    """How many poll figures the article reports, with the poll facts it states."""
    if figures.empty:
        return f"**No poll figures in `{slug}`.** No share is reported as a poll or survey result."
    pollsters = [p for p in dict.fromkeys(figures["pollster"]) if p]
    who = f" by {join_words(pollsters)}" if pollsters else " (no pollster named)"
    ns = [int(v) for v in dict.fromkeys(figures["n"]) if v is not None and not pd.isna(v)]
    moes = [float(v) for v in dict.fromkeys(figures["moe"]) if v is not None and not pd.isna(v)]
    facts = []
    facts.append(f"a stated sample of {join_words([f'{n:,}' for n in ns])}" if ns else "no stated sample size")
    facts.append(
        f"a stated margin of error of ±{join_words([f'{m:g}' for m in moes])} points"
        if moes
        else "no stated margin of error"
    )
    answers = figures["response"].value_counts()
    return (
        f"`{slug}` reports {plural(len(figures), 'poll figure')}{who}, with {join_words(facts)}. "
        f"Answers: " + join_words([f"{v} {k}" for k, v in answers.items()]) + "."
    )


def checks_markdown(checks: pd.DataFrame) -> str:
    """One bullet per no-reference check, or a sentence when there is none."""
    if checks.empty:
        return (
            "No check needs making without reference data: the article states no margin of "
            "error, no lead or change between two of its shares, no narrow majority (over 50% "
            "and at most 60%) and no answers adding up past 100."
        )
    return "\n".join(f"- **{r.check}** ({r.statement}): {r.result}. {r.explanation}" for r in checks.itertuples())
