"""Rules about counts: an ordinal against the items the text lists, and quantities derived from
a share of a stated total."""

from __future__ import annotations

import re

import pandas as pd

from ..claims.tolerance import fmt_number
from .base import Check, interval

# Nouns an ordinal can rank ('the fifth nation to join') and the plural group nouns that
# introduce the earlier items ('the original signatories: A, B, C and D').
MEMBER_NOUNS = {
    "nation",
    "country",
    "state",
    "member",
    "signatory",
    "party",
    "participant",
    "ally",
    "partner",
    "team",
    "company",
    "city",
    "candidate",
    "government",
    "republic",
}
GROUP_NOUNS = {
    "signatories",
    "members",
    "nations",
    "countries",
    "states",
    "parties",
    "participants",
    "allies",
    "partners",
    "teams",
    "companies",
    "cities",
    "candidates",
    "governments",
    "founders",
}
NON_EXHAUSTIVE = re.compile(r"\b(such as|including|like|among them|for example|e\.g\.)\s*$", re.IGNORECASE)
_NAME = r"(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
_LIST = re.compile(rf"{_NAME}(?:,\s+{_NAME})+,?\s+and\s+{_NAME}")
_GAP = re.compile(
    r"^(?:\s*[A-Za-z'-]+){0,3}?\s*,?\s*(?:where|of whom|of which|of them|among them|including|with)\s+$", re.IGNORECASE
)


def ordinal_vs_list(numbers: pd.DataFrame, text: str, claims: pd.DataFrame | None = None) -> list[Check]:
    """'the fifth nation to join' after 'the original signatories: A, B, C and D': 4 + 1 = 5."""
    checks = []
    for _, o in numbers[numbers["kind"] == "ordinal"].iterrows():
        if float(o["value"]) < 2:
            continue
        noun = re.match(r"\s+([A-Za-z]+)", text[o["end"] :])
        if not noun or noun.group(1).lower() not in MEMBER_NOUNS:
            continue
        window_start = max(0, o["start"] - 1500)
        best = None
        for m in _LIST.finditer(text, window_start, o["start"]):
            lead = text[max(0, m.start() - 80) : m.start()]
            if NON_EXHAUSTIVE.search(lead):
                continue
            group = [w for w in re.findall(r"[a-z]+", lead.lower()) if w in GROUP_NOUNS]
            if group:
                best = (m, group[-1])
        if best is None:
            continue
        m, group = best
        items = [
            re.sub(r"^the\s+", "", i.strip()) for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group()) if i.strip()
        ]
        n = int(float(o["value"]))
        ok = len(items) + 1 == n
        explanation = (
            f"'{o['text']} {noun.group(1)}' implies {n - 1} before it; the text lists {len(items)} {group} "
            f"({', '.join(items)}): {len(items)} + 1 = {len(items) + 1}"
            f"{'' if ok else f', not {n}'}."
        )
        explanation += _reference_note(o["mention_id"], claims)
        checks.append(
            Check(
                "ordinal vs listed items",
                [o["mention_id"]],
                "consistent" if ok else "inconsistent",
                explanation,
                int(o["start"]),
            )
        )
    return checks


def _reference_note(mention_id: str, claims: pd.DataFrame | None) -> str:
    if claims is None or claims.empty:
        return ""
    hit = claims[(claims["mention_id"] == mention_id) & claims["fact_id"].notna()]
    if hit.empty:
        return ""
    c = hit.iloc[0]
    return (
        f" The reference {c['fact_id']} ({c['source_org']}) gives {fmt_number(float(c['reference_value']))}: "
        f"counts outside the text's list differ (claim verdict: {c['verdict']})."
    )


def derived_share(numbers: pd.DataFrame, text: str) -> list[Check]:
    """A share right after a total in the same sentence ('a population of about 20 million where
    roughly 70% ...') implies a count: the product, with both tolerances carried through."""
    checks = []
    totals = numbers[numbers["kind"].eq("count") & numbers["unit"].isin(["people", "count"])]
    shares = numbers[numbers["kind"].isin(["percent", "fraction"]) & numbers["unit"].eq("percent")]
    for _, p in shares.iterrows() if not totals.empty else ():  # no total: no share of one
        before = totals[(totals["sentence"] == p["sentence"]) & (totals["end"] <= p["start"])]
        if before.empty:
            continue
        t = before.iloc[-1]
        if not _GAP.match(text[t["end"] : p["start"]]):
            continue
        pl, ph, _ = interval(p)
        tl, th, _ = interval(t)
        value = float(p["value"]) / 100 * float(t["value"])
        low, high = pl / 100 * tl, ph / 100 * th
        checks.append(
            Check(
                "derived quantity",
                [t["mention_id"], p["mention_id"]],
                "derived",
                f"'{p['text']}' of '{t['text']}' = {fmt_number(float(p['value']))}% x {fmt_number(float(t['value']))} "
                f"= {fmt_number(value)} ({fmt_number(low)} to {fmt_number(high)} with both tolerances).",
                int(t["start"]),
                {"value": value, "low": low, "high": high},
            )
        )
    return checks
