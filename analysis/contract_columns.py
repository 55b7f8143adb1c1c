"""The leading columns of each contract table of a run, fixed because other tools read them.

Kept apart from `contract.py` (the pandera schemas) so the modules that build the tables can
start their column lists from here without importing pandera.
"""

from __future__ import annotations

CONTRACT: dict[str, list[str]] = {
    "quotes": [
        "quote_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_mention",
        "speaker_type",
        "affiliation",
        "cue",
        "channel",
        "kind",
        "paragraph",
    ],
    "numbers": ["start", "end", "text", "value", "unit", "hedge"],
    "claims": [
        "claim_id",
        "start",
        "end",
        "text",
        "subject",
        "metric",
        "value",
        "unit",
        "hedge",
        "verdict",
        "fact_id",
        "reference_value",
        "reference_period",
        "ratio",
        "source_org",
        "url",
        "explanation",
    ],
    "consistency": ["check_id", "claim_ids", "verdict", "explanation"],
    "poll_claims": [
        "claim_id",
        "start",
        "end",
        "text",
        "country",
        "poll_id",
        "fieldwork",
        "response",
        "percent",
        "n",
        "ci_low",
        "ci_high",
        "verdict",
        "explanation",
    ],
}
