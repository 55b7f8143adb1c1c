"""Poll claims against reference polls: one row per claim, country and poll, verdicts, sensitivity.

For each claim and country, every reference poll of that country is read on the claim's side:
the response on that side ("negative" for a claim of opposition), or, when the poll reports only
the other side, the bound it implies (40% approve -> at most 60% against). Each row gets the
share, its interval at n (stated, or `assumed_n` when unknown, flagged), a one-sided test of the
claimed threshold, whether the question matches the claim's wording, whether the stated reason
was asked, and a verdict: supported, contradicted, outdated, unsupported (DESIGN.md), or
misdated (the claimed share exists, but in another period).

Verdicts follow the point estimate and the hedge's tolerance (what the poll showed); the test
says whether the population share is clearly beyond the threshold at that n ("sampling").
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from ..contract_columns import CONTRACT
from ..wording import join_words, plural
from . import lexicon as lx
from . import stats
from .prepare import iso_bounds, prepare_polls
from .topics import coverage, topic_relation

POLL_CLAIM_COLUMNS = CONTRACT["poll_claims"] + [
    "population",
    "scope",
    "organisation",
    "question",
    "question_match",
    "question_note",
    "reason_asked",
    "claimed",
    "claimed_low",
    "claimed_high",
    "claim_period",
    "evidence",
    "side_low",
    "side_high",
    "in_period",
    "after_publication",
    "n_assumed",
    "n_effective",
    "test",
    "test_threshold",
    "p_value",
    "sampling",
    "n_needed",
    "url",
    "source_confidence",
    "pollster_match",
]
SUMMARY_COLUMNS = [
    "claim_id",
    "country",
    "claimed",
    "claim_period",
    "verdict",
    "polls",
    "poll_rows",
    "in_period_polls",
    "deciding_polls",
    "question_match",
    "sampling",
    "n_assumed",
    "reason_asked",
    "explanation",
]
SENSITIVITY_COLUMNS = [
    "claim_id",
    "country",
    "poll_id",
    "population",
    "response",
    "percent",
    "test",
    "n",
    "ci_low",
    "ci_high",
    "p_value",
    "sampling",
]
DEFAULT_NS = (100, 300, 500, 1000, 2000, 5000, 10000)


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def claimed_phrase(claim: pd.Series) -> str:
    """ "over 70% against the Oslo Accords" from a parsed claim row."""
    hedge = {
        "exact": "",
        "at_least": "at least ",
        "over": "over ",
        "nearly": "nearly ",
        "about": "about ",
        "under": "under ",
    }[claim["hedge"]]
    side = claim["side"] or "(no side)"
    target = f" {claim['topic_label']}" if claim["topic_label"] else ""
    return f"{hedge}{_fmt(claim['value'])}% {side}{target}"


def question_match(claim: pd.Series, poll: pd.Series) -> tuple[str, str]:
    """(same | related | different, note) for a claim's wording and a poll's question."""
    claim_frame = lx.FRAMING_LABELS.get(claim["framing"], "a view on")
    poll_frame = lx.FRAMING_LABELS.get(poll["framing"], "a view on")
    asked = f"{poll_frame} {poll['topic_label'] or repr(_short(poll['question'] or '?'))}"
    said = f"{claim_frame} {claim['topic_label'] or claim['object_text'] or 'an unnamed object'}"
    relation = topic_relation(
        claim["topic"], claim["object_resolved"], poll["topic"], poll["topic_family"], poll["question"] or ""
    )
    if relation == "different":
        return "different", f"the poll asks about {asked}; the claim is about {said}"
    if relation == "same" and poll["framing"] == claim["framing"]:
        if not poll["question_uncertain"]:
            return "same", f"the poll asks about {asked}, as the claim says"
        return "related", (
            f"the poll is recorded as asking about {asked}, as the claim says, but its wording is uncertain"
        )
    caveat = " (exact wording not known)" if poll["question_uncertain"] else ""
    return "related", f"the poll asks about {asked}{caveat}; the claim is about {said}"


GENERIC_NAME_WORDS = frozenset(
    {
        "the",
        "and",
        "for",
        "of",
        "poll",
        "polls",
        "polling",
        "survey",
        "surveys",
        "research",
        "center",
        "centre",
        "institute",
        "news",
        "group",
        "foundation",
        "index",
        "study",
        "policy",
        "public",
        "opinion",
        "studies",
        "company",
        "inc",
    }
)


def pollster_match(claimed: str, organisation: str) -> str:
    """same | different | unnamed: whether a reference poll's organisation is the pollster the
    article names (one name contains the other, or they share a distinctive word)."""
    if not claimed or not organisation:
        return "unnamed"
    words = lambda s: re.sub(r"[^\w\s]", " ", s.lower()).split()  # noqa: E731
    a, b = " ".join(words(claimed)), " ".join(words(organisation))
    if a in b or b in a:
        return "same"
    distinctive = lambda ws: {w for w in ws if len(w) >= 3 and w not in GENERIC_NAME_WORDS}  # noqa: E731
    return "same" if distinctive(words(claimed)) & distinctive(words(organisation)) else "different"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def reason_asked(reason: str, question: str) -> bool:
    """Whether a poll question covers the claim's stated reason (half its content words or more)."""
    return coverage(reason, question) >= 0.5


def pick_evidence(rows: pd.DataFrame, side: str, strong: bool) -> tuple[pd.Series | None, str]:
    """The response row of one poll and population read on `side`: direct or complement."""
    if not side:
        return None, "none"
    wanted = lx.STRONG_RESPONSES if strong else lx.AGGREGATE_RESPONSES
    same = rows[(rows["side"] == side) & rows["response"].isin(wanted)]
    if not same.empty:
        return same.iloc[0], "direct"
    other = rows[(rows["side"] != side) & (rows["side"] != "") & rows["response"].isin(lx.AGGREGATE_RESPONSES)]
    if not other.empty:
        return other.iloc[0], "complement"
    return None, "none"


def share_test(
    percent: float, evidence: str, low: float, high: float, n: float, confidence: float, design_effect: float
) -> dict:
    """One-sided test of the claimed bound for a row (see module doc).

    Returns test (text), test_threshold (on the claim's side), p_value, sampling ("above X%",
    "below X%", "within sampling error of X%" or "" when no test applies), n_needed (the n at
    which the result would become significant).
    """
    none = {"test": "", "test_threshold": math.nan, "p_value": math.nan, "sampling": "", "n_needed": math.nan}
    if evidence == "direct":
        if low > 0 and (high >= 100 or abs(percent - low) <= abs(percent - high)):
            bound = low
        elif high < 100:
            bound = high
        else:
            return none
        tested, reported_bound = percent, bound
        alternative = "larger" if percent >= bound else "smaller"
        label = f"share {'>' if alternative == 'larger' else '<'} {_fmt(bound)}%"
    elif evidence == "complement":
        upper = 100 - percent  # the claim's side is at most this
        bound = low if upper < low else (high if upper < high else None)
        if bound is None or not 0 < bound < 100:
            return none
        tested, reported_bound, alternative = percent, 100 - bound, "larger"
        label = f"other side > {_fmt(100 - bound)}% (so share < {_fmt(bound)}%)"
    else:
        return none
    if not 0 < reported_bound < 100:
        return none
    result = stats.threshold_test(tested, n, reported_bound, alternative, confidence, design_effect)
    up = (alternative == "larger") == (evidence == "direct")
    if result.significant:
        sampling = f"{'above' if up else 'below'} {_fmt(bound)}%"
    else:
        sampling = f"within sampling error of {_fmt(bound)}%"
    return {
        "test": label,
        "test_threshold": bound,
        "p_value": result.p_value,
        "sampling": sampling,
        "n_needed": stats.n_for_significance(tested, reported_bound, confidence, design_effect),
    }


def _agreement(side_low: float, side_high: float, low: float, high: float) -> str:
    if side_low >= low and side_high <= high:
        return "agrees"
    if side_high < low or side_low > high:
        return "disagrees"
    return "undetermined"


NO_REFERENCE = "no reference"  # nothing on file fits: the word notebook 02 uses


def _row_verdict(match: str, agreement: str, in_period: bool, after: bool) -> str:
    if match == "different":
        return NO_REFERENCE
    if after or agreement == "undetermined":
        return "unsupported"
    if in_period:
        return "supported" if agreement == "agrees" else "contradicted"
    return "misdated" if agreement == "agrees" else "unsupported"


def evaluate_claims(
    claims: pd.DataFrame,
    polls: pd.DataFrame,
    published: dt.date | None = None,
    assumed_n: int = 1000,
    confidence: float = 0.95,
    design_effect: float = 1.0,
) -> pd.DataFrame:
    """The poll_claims table: one row per claim, country and reference poll of that country,
    and one row with an empty poll_id (verdict `no reference`) for a claim and country without any
    reference poll (or without a named country).

    `claims` comes from `claims.extract_poll_claims`, `polls` from `reference.load_polls`.
    Columns (contract first): claim_id, start, end, text, country, poll_id, fieldwork, response,
    percent, n (stated or assumed), ci_low, ci_high (Wilson, percent), verdict, explanation;
    then population (reference label), scope (national, subgroup), organisation, question,
    question_match (same, related, different), question_note, reason_asked, claimed, claimed_low,
    claimed_high, claim_period, evidence (direct, complement, none), side_low, side_high (the
    share on the claim's side the row implies), in_period, after_publication, n_assumed,
    n_effective, test, test_threshold, p_value, sampling, n_needed, url, source_confidence,
    pollster_match (same, different: never supports the claim, unnamed: the article or the row
    names no pollster). Sorted by claim position, country order in the claim, fieldwork, poll_id, population.
    """
    if assumed_n <= 0:
        raise ValueError(f"assumed_n must be positive, got {assumed_n}")
    prepared = prepare_polls(polls) if not claims.empty else polls  # no claim: nothing to match
    rows = []
    for order, (_, claim) in enumerate(claims.iterrows()):
        mine = prepared[prepared["countries"].map(lambda cs, c=claim["country"]: c in cs)]
        if claim["country"] not in lx.REGIONS:  # a country's claim is not checked on a region
            mine = mine[mine["scope"] != "region"]
        if mine.empty:
            rows.append({**unmatched_row(claim), "_order": order, "_fw": dt.date.min})
        for _key, group in mine.groupby(["poll_id", "population"], sort=False):
            row = _evaluate_one(claim, group, published, assumed_n, confidence, design_effect)
            rows.append({**row, "_order": order})
    out = pd.DataFrame(rows, columns=POLL_CLAIM_COLUMNS + ["_order", "_fw"])
    out["n"] = out["n"].astype("Int64")
    if out.empty:
        return out[POLL_CLAIM_COLUMNS]
    out = out.sort_values(["start", "_order", "_fw", "poll_id", "population"], kind="stable")
    return out[POLL_CLAIM_COLUMNS].reset_index(drop=True)


def unmatched_row(claim: pd.Series) -> dict:
    """The poll_claims row of a claim and country with no reference poll of that country: empty
    poll_id, verdict `no reference`, an explanation naming what is missing (no country named:
    country "")."""
    about = claim["topic_label"] or claim["object_resolved"] or claim["object_text"]
    topic = f" on {about}" if about else ""
    if claim["country"]:
        why = f"no reference poll of {claim['country']}{topic} in polls.csv"
    else:
        why = "the claim names no population, so no reference poll can be matched"
    empty = {c: "" for c in POLL_CLAIM_COLUMNS}
    return {
        **empty,
        "claim_id": claim["claim_id"],
        "start": claim["start"],
        "end": claim["end"],
        "text": claim["text"],
        "country": claim["country"],
        "percent": math.nan,
        "n": None,
        "ci_low": math.nan,
        "ci_high": math.nan,
        "verdict": NO_REFERENCE,
        "explanation": f"{claimed_phrase(claim)}: {why}.",
        "reason_asked": False,
        "claimed": claimed_phrase(claim),
        "claimed_low": float(claim["claimed_low"]),
        "claimed_high": float(claim["claimed_high"]),
        "claim_period": claim["period"],
        "evidence": "none",
        "side_low": math.nan,
        "side_high": math.nan,
        "in_period": False,
        "after_publication": False,
        "n_assumed": False,
        "n_effective": math.nan,
        "test_threshold": math.nan,
        "p_value": math.nan,
        "n_needed": math.nan,
    }


def matched_rows(evaluation: pd.DataFrame) -> pd.DataFrame:
    """The rows of `evaluate_claims` that compare a claim with a reference poll (poll_id set)."""
    return evaluation[evaluation["poll_id"] != ""]


def _evaluate_one(claim, group, published, assumed_n, confidence, design_effect) -> dict:
    poll, evidence = pick_evidence(group, claim["side"], bool(claim["strong"]))
    if poll is None:
        poll = group.iloc[0]
    n_known = not pd.isna(poll["n"])
    n = int(poll["n"]) if n_known else int(assumed_n)
    low_ci, high_ci = stats.interval(poll["percent"], n, confidence, "wilson", design_effect)
    p = float(poll["percent"])
    side_low, side_high = {"direct": (p, p), "complement": (0.0, 100 - p)}.get(evidence, (0.0, 100.0))
    low, high = float(claim["claimed_low"]), float(claim["claimed_high"])
    if claim["period_start"]:
        in_period = poll["fw_start"] <= dt.date.fromisoformat(claim["period_end"]) and poll[
            "fw_end"
        ] >= dt.date.fromisoformat(claim["period_start"])
    else:
        in_period = True
    after = published is not None and poll["fw_start"] > published
    match, note = question_match(claim, poll)
    by = pollster_match(str(claim.get("pollster", "") or ""), str(poll["organisation"] or ""))
    agreement = _agreement(side_low, side_high, low, high)
    verdict = _row_verdict(match, agreement, in_period, after)
    if by == "different":
        verdict = NO_REFERENCE
        note = f"another pollster ({poll['organisation']}, not {claim['pollster']}); {note}"
    test = share_test(p, evidence if match != "different" else "none", low, high, n, confidence, design_effect)
    row = {
        "claim_id": claim["claim_id"],
        "start": claim["start"],
        "end": claim["end"],
        "text": claim["text"],
        "country": claim["country"],
        "poll_id": poll["poll_id"],
        "fieldwork": poll["fieldwork"],
        "response": poll["response"],
        "percent": p,
        "n": n,
        "ci_low": low_ci,
        "ci_high": high_ci,
        "verdict": verdict,
        "population": poll["population"],
        "scope": poll["scope"],
        "organisation": poll["organisation"],
        "question": poll["question"],
        "question_match": match,
        "question_note": note,
        "reason_asked": reason_asked(claim["reason"], poll["question"]) if claim["reason"] else False,
        "claimed": claimed_phrase(claim),
        "claimed_low": low,
        "claimed_high": high,
        "claim_period": claim["period"],
        "evidence": evidence,
        "side_low": side_low,
        "side_high": side_high,
        "in_period": bool(in_period),
        "after_publication": bool(after),
        "n_assumed": not n_known,
        "n_effective": n / design_effect,
        **test,
        "url": poll["url"] or "",
        "source_confidence": poll["confidence"],
        "pollster_match": by,
        "_fw": poll["fw_start"],
    }
    row["explanation"] = row_explanation(row, claim, agreement, confidence)
    return row


def _share_words(row: dict, side: str, confidence: float) -> str:
    n = f"n = {row['n']:,}{', assumed' if row['n_assumed'] else ''}"
    text = (
        f"{_fmt(row['percent'])}% {row['response']} among {row['population']} "
        f"({confidence:.0%} Wilson interval {row['ci_low']:.1f}–{row['ci_high']:.1f}, {n})"
    )
    if row["evidence"] == "complement":
        text += f", so at most {_fmt(row['side_high'])}% {side}"
    return text


def row_explanation(row: dict, claim: pd.Series, agreement: str, confidence: float) -> str:
    """One sentence from the row's values: what the poll found and why the verdict follows."""
    head = f"{row['poll_id']} (fieldwork {row['fieldwork']}): {_share_words(row, claim['side'], confidence)}"
    period = f" in {row['claim_period']}" if row["claim_period"] else ""
    verdict = row["verdict"]
    if row["question_match"] == "different":
        why = f"it does not test the claim: {row['question_note']}"
    elif row["after_publication"]:
        why = "it was fielded after the article was published"
    elif agreement == "undetermined":
        why = f"a bound that neither meets nor excludes the claimed {row['claimed']}"
    elif verdict == "supported":
        why = f"meets the claimed {row['claimed']}{period}"
    elif verdict == "contradicted":
        why = f"falls short of the claimed {row['claimed']}{period}"
    elif verdict == "misdated":
        why = f"meets the claimed {row['claimed']}, but was fielded {row['fieldwork']}, not{period}"
    else:
        gap = (
            row["claimed_low"] - row["side_high"]
            if row["side_high"] < row["claimed_low"]
            else row["side_low"] - row["claimed_high"]
        )
        why = f"outside the claimed period and {_fmt(gap)} points outside the claimed {row['claimed']}"
    test = ""
    if row["sampling"]:
        test = f"; test {row['test']}: one-sided {stats.format_p(row['p_value'], 'p')}, {row['sampling']}"
    question = ""
    if row["question_match"] == "related":
        question = f"; question related, not the same: {row['question_note']}"
    source = f" ({row['url']})" if row["url"] else ""
    return f"{head}; {why}{test}{question}.{source}"


def summarise(evaluation: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """One verdict per claim and country, from the national (or, for a region, regional) rows
    whose question is the same or related.

    With a claimed period: supported if a poll of that period meets the share; else misdated if
    a poll of another period does; else contradicted if a poll of the period falls short; else
    unsupported; `no reference` when no poll on file is of that population and asks a same or
    related question. Without one: the latest poll decides (supported / contradicted), outdated when
    it falls short but an earlier one met the share.
    Columns: claim_id, country, claimed, claim_period, verdict, polls (distinct reference polls
    of the country), poll_rows (their rows: one per poll and population, so subgroups count
    apart), in_period_polls (distinct usable polls fielded in the claimed period), deciding_polls
    (ids), question_match, sampling, n_assumed, reason_asked, explanation.
    """
    out = []
    evaluation = matched_rows(evaluation) if not claims.empty else evaluation
    for _, claim in claims.iterrows():
        rows = evaluation[(evaluation["claim_id"] == claim["claim_id"]) & (evaluation["country"] == claim["country"])]
        usable = rows[
            rows["scope"].isin(["national", "region"])
            & (rows["question_match"] != "different")
            & (rows["pollster_match"] != "different")
            & ~rows["after_publication"]
        ]
        verdict, deciding = _decide(usable, bool(claim["period"]))
        if usable.empty:
            verdict = NO_REFERENCE
        out.append(
            {
                "claim_id": claim["claim_id"],
                "country": claim["country"] or "(none named)",
                "claimed": claimed_phrase(claim),
                "claim_period": claim["period"],
                "verdict": verdict,
                "polls": rows["poll_id"].nunique(),
                "poll_rows": len(rows),
                "in_period_polls": (usable.loc[usable["in_period"], "poll_id"].nunique() if claim["period"] else 0),
                "deciding_polls": " ".join(deciding["poll_id"]),
                "question_match": " ".join(sorted(set(deciding["question_match"]))),
                "sampling": "; ".join(s for s in deciding["sampling"] if s),
                "n_assumed": bool(deciding["n_assumed"].any()),
                "reason_asked": bool(rows["reason_asked"].any()) if claim["reason"] else None,
                "explanation": summary_explanation(verdict, claim, rows, usable, deciding),
            }
        )
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def _decide(usable: pd.DataFrame, has_period: bool) -> tuple[str, pd.DataFrame]:
    if usable.empty:
        return "unsupported", usable
    v = usable["verdict"]
    if has_period:
        for verdict in ("supported", "misdated", "contradicted"):
            if (v == verdict).any():
                return verdict, usable[v == verdict]
        return "unsupported", usable.iloc[[_nearest(usable)]]
    ends = usable["fieldwork"].map(lambda f: iso_bounds(*f.split(".."))[1])
    latest = usable[ends == ends.max()]
    if (latest["verdict"] == "supported").any():
        return "supported", latest[latest["verdict"] == "supported"]
    earlier = usable[(v == "supported") & ~usable.index.isin(latest.index)]
    if (latest["verdict"] == "contradicted").any():
        if not earlier.empty:
            return "outdated", pd.concat([latest, earlier])
        return "contradicted", latest[latest["verdict"] == "contradicted"]
    return "unsupported", latest


def _nearest(rows: pd.DataFrame) -> int:
    gaps = [max(r.claimed_low - r.side_high, r.side_low - r.claimed_high, 0) for r in rows.itertuples()]
    return int(min(range(len(gaps)), key=gaps.__getitem__))


def _cite(rows: pd.DataFrame) -> str:
    return "; ".join(
        f"{r.poll_id} ({r.fieldwork}) {_fmt(r.percent)}% {r.response}"
        + (f" [{r.ci_low:.1f}–{r.ci_high:.1f}, n = {r.n:,}{' assumed' if r.n_assumed else ''}]")
        + (f", so at most {_fmt(r.side_high)}% on the claim's side" if r.evidence == "complement" else "")
        + (f", {r.sampling}" if r.sampling else "")
        for r in rows.itertuples()
    )


def _polls_phrase(rows: pd.DataFrame) -> str:
    """ "6 reference polls (9 poll-population rows)": distinct polls, and rows when they differ."""
    polls, n_rows = rows["poll_id"].nunique(), len(rows)
    head = plural(polls, "reference poll")
    return head if n_rows == polls else f"{head} ({plural(n_rows, 'poll-population row')})"


def summary_explanation(
    verdict: str, claim: pd.Series, rows: pd.DataFrame, usable: pd.DataFrame, deciding: pd.DataFrame
) -> str:
    """A short paragraph from the values: which polls decide the verdict and why."""
    claimed = claimed_phrase(claim)
    period = claim["period"]
    if not claim["country"]:
        return "The claim names no population, so no reference poll can be matched."
    if rows.empty:
        return f"No reference poll of {claim['country']} is on file."
    if usable.empty:
        return (
            f"None of the {_polls_phrase(rows)} of {claim['country']} asks a question "
            f"related to the claim at national level."
        )
    parts = []
    if period:
        in_p = usable[usable["in_period"]]
        if verdict == "supported":
            parts.append(f"A poll fielded in {period} shows {claimed}: {_cite(deciding)}.")
        else:
            if in_p.empty:
                parts.append(f"No reference poll of {claim['country']} was fielded in {period}.")
            else:
                parts.append(f"No poll fielded in {period} shows {claimed}: {_cite(in_p)}.")
            if verdict == "misdated":
                parts.append(f"The share appears in another period: {_cite(deciding)}.")
            elif verdict == "unsupported":
                parts.append(f"Nearest: {_cite(deciding)}.")
    else:
        parts.append(f"No period is claimed; the latest poll decides: {_cite(deciding)}.")
    related = deciding[deciding["question_match"] == "related"]
    if not related.empty:
        parts.append(f"Question related, not the same ({related['question_note'].iloc[0]}).")
    if claim["reason"]:
        asked = rows[rows["reason_asked"]]
        parts.append(
            f"The stated reason ('{claim['reason']}') was asked in "
            + (join_words(sorted(set(asked["poll_id"]))) if not asked.empty else f"none of the {_polls_phrase(rows)}")
            + "."
        )
    return " ".join(parts)


def sensitivity(
    evaluation: pd.DataFrame, ns: tuple[int, ...] = DEFAULT_NS, confidence: float = 0.95, design_effect: float = 1.0
) -> pd.DataFrame:
    """Every tested conclusion resting on an assumed n, recomputed at each n in `ns`.

    Columns: claim_id, country, poll_id, population, response, percent, test, n, ci_low, ci_high,
    p_value, sampling. Rows with a stated n are left out (their conclusion does not depend on the
    assumption). Sorted like the evaluation, then by n.
    """
    if evaluation.empty:
        return pd.DataFrame([], columns=SENSITIVITY_COLUMNS)
    assumed = evaluation[evaluation["n_assumed"].astype(bool) & (evaluation["sampling"] != "")]
    rows = []
    for r in assumed.itertuples():
        for n in sorted(ns):
            low, high = stats.interval(r.percent, n, confidence, "wilson", design_effect)
            test = share_test(r.percent, r.evidence, r.claimed_low, r.claimed_high, n, confidence, design_effect)
            rows.append(
                {
                    "claim_id": r.claim_id,
                    "country": r.country,
                    "poll_id": r.poll_id,
                    "population": r.population,
                    "response": r.response,
                    "percent": r.percent,
                    "test": test["test"],
                    "n": n,
                    "ci_low": low,
                    "ci_high": high,
                    "p_value": test["p_value"],
                    "sampling": test["sampling"],
                }
            )
    return pd.DataFrame(rows, columns=SENSITIVITY_COLUMNS)


def sensitivity_table(sens: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity rows side by side: one row per conclusion, one column per n holding the
    conclusion ("above", "below", "within") and p-value; `changes_with_n` marks rows whose
    conclusion changes within the range of n.

    Columns: claim_id, country, poll_id, population, test, changes_with_n, then "n=<n>" per n.
    """
    keys = ["claim_id", "country", "poll_id", "population", "test"]
    if sens.empty:
        return pd.DataFrame(columns=keys + ["changes_with_n"])
    short = sens.assign(
        cell=[f"{s.split()[0]} ({stats.format_p(p, 'p')})" for s, p in zip(sens["sampling"], sens["p_value"])],
        word=sens["sampling"].str.split().str[0],
    )
    order = pd.MultiIndex.from_frame(short[keys].drop_duplicates())
    wide = short.pivot_table(index=keys, columns="n", values="cell", aggfunc="first").reindex(order)
    wide.columns = [f"n={n}" for n in wide.columns]
    depends = short.groupby(keys)["word"].nunique() > 1
    wide.insert(0, "changes_with_n", depends.reindex(order).to_numpy())
    return wide.reset_index()


def interval_methods(rows: pd.DataFrame, confidence: float = 0.95, design_effect: float = 1.0) -> pd.DataFrame:
    """The interval of each row's share by every method in `stats.CI_METHODS`.

    Columns: claim_id, country, poll_id, response, then `stats.intervals` columns.
    """
    parts = [
        stats.intervals(r.percent, r.n, confidence, design_effect).assign(
            claim_id=r.claim_id, country=r.country, poll_id=r.poll_id, response=r.response
        )
        for r in rows.itertuples()
    ]
    keys = ["claim_id", "country", "poll_id", "response"]
    if not parts:
        return pd.DataFrame(columns=keys + list(stats.intervals(50, 100).columns))
    out = pd.concat(parts, ignore_index=True)
    return out[keys + [c for c in out.columns if c not in keys]]


def deciding_rows(evaluation: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """The evaluation rows named in the summary's deciding_polls (national rows), same columns."""
    keys = {(r.claim_id, r.country, pid) for r in summary.itertuples() for pid in r.deciding_polls.split()}
    mask = [(r.claim_id, r.country, r.poll_id) in keys and r.scope != "subgroup" for r in evaluation.itertuples()]
    return evaluation[mask]
