"""Suggested metrics for mentions of an article that has no claim register.

A metric's name is split into words ('deaths_cumulative' -> deaths); a mention's sentence is
reduced to word stems with a few synonyms ('killed', 'lives' -> deaths); metrics whose words
occur in the sentence and whose unit fits the mention's unit are suggested, best first; a
metric needs a word of what it is about, not only of its kind (GENERIC_STEMS: duration, growth,
change, share, ...).
"""

from __future__ import annotations

import re

import pandas as pd

SUGGEST_COLUMNS = ["mention_id", "start", "end", "text", "kind", "unit", "suggested_metrics", "matched_words"]
_SKIP_TOKENS = {"usd", "pct", "cumulative", "share", "people", "by", "of", "to", "held", "issued", "plus"}
# Extra words a sentence word stands for (the word itself is always kept, so no entry maps a
# word to itself).
SYNONYMS = {
    "killed": "deaths",
    "lives": "deaths",
    "dead": "deaths",
    "toll": "deaths",
    "died": "deaths",
    "abducted": "hostages",
    "abduction": "hostages",
    "kidnapped": "hostages",
    "turnover": "trade",
    "imports": "trade",
    "surged": "growth",
    "grew": "growth",
    "rose": "growth",
    "increase": "growth change",
    "inhabitants": "population",
    "people": "population",
    "home": "population",
    "residents": "population",
    "truce": "ceasefire",
    "joined": "joining member",
    "join": "joining member",
    "relations": "diplomatic",
    "recognition": "relations",
    "hunger": "ipc",
    "food": "ipc",
    "famine": "ipc",
    "insecurity": "ipc",
    "invest": "investment",
    "conflict": "war",
    "months": "duration",
    "years": "duration",
    "history": "duration",
}
# Stems of metric-name words that say what kind of figure a metric is, not what it is about
# (war_duration is about a war; "in 23 years" alone says nothing of one). A metric is suggested
# only when a word of what it is about occurs too.
GENERIC_STEMS = {
    "durat",
    "growt",
    "chang",
    "share",
    "rate",
    "date",
    "count",
    "total",
    "numbe",
    "estab",
    "opene",
    "issue",
    "signe",
    "held",
    "annou",
    "effec",
    "ended",
    "membe",
    "joine",
    "reque",
}
UNIT_OF_SUFFIX = [
    ("_usd", {"USD"}),
    ("_pct", {"percent"}),
    ("_duration", {"years", "months", "days"}),
    ("_ordinal", {"ordinal"}),
    ("_rank", {"ordinal"}),
    ("_people", {"people", "count"}),
    ("population", {"people", "count"}),
    ("deaths", {"people", "count"}),
    ("killed", {"people", "count"}),
    ("persons", {"people", "count"}),
    ("hostages", {"people", "count"}),
    ("released", {"people", "count"}),
    ("members", {"count", "people"}),
]


def metric_units(metric: str) -> set[str]:
    """Units of mentions a metric can be checked with (dated events take dates and years)."""
    for suffix, units in UNIT_OF_SUFFIX:
        if suffix in metric:
            return units
    return {"date", "year"}


def _stems(words: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", words.lower()) if len(w) > 2}


def suggest_metrics(numbers: pd.DataFrame, vocabulary: list[str] | None = None) -> pd.DataFrame:
    """Up to three suggested metrics per mention from its sentence's words and its unit.

    `numbers` is the output of `extract_numbers` (uses sentence_text); `vocabulary` defaults to
    the reference metric vocabulary. Columns: SUGGEST_COLUMNS (suggested_metrics and
    matched_words are '; '-joined, '' when nothing fits).
    """
    if vocabulary is None:
        from ..reference import load_metrics

        vocabulary = sorted(load_metrics()["metric"])
    tokens = {m: {t[:5] for t in m.split("_") if t not in _SKIP_TOKENS and len(t) > 2} for m in vocabulary}
    rows = []
    for _, n in numbers.iterrows():
        sentence = str(n.get("sentence_text") or "")
        words = re.findall(r"[A-Za-z]+", sentence.lower())
        stems = _stems(sentence) | _stems(" ".join(SYNONYMS.get(w, "") for w in words))
        scored = []
        for metric in vocabulary:
            if n["unit"] not in metric_units(metric):
                continue
            hits = tokens[metric] & stems
            if hits and hits - GENERIC_STEMS:
                scored.append((-len(hits) / len(tokens[metric]), -len(hits), metric, hits))
        best = sorted(scored)[:3]
        rows.append(
            {
                "mention_id": n["mention_id"],
                "start": n["start"],
                "end": n["end"],
                "text": n["text"],
                "kind": n["kind"],
                "unit": n["unit"],
                "suggested_metrics": "; ".join(b[2] for b in best),
                "matched_words": "; ".join(sorted(best[0][3])) if best else "",
            }
        )
    return pd.DataFrame(rows, columns=SUGGEST_COLUMNS)
