"""`python -m analysis claims IN.jsonl --out PRED.jsonl`: automatic claims of many documents.

Input lines: {"doc_id", "text", optional "published" (ISO date; when absent, a leading
"date YYYY-MM-DD" line of the text is used)}. Output lines: {"doc_id",
"claims": [{"start", "end", "subject_iso3", "metric", "period", "verdict", "reference_value",
"reference_year", "subject", "unit", "hedge", "origin"}]}, the prediction format of the claims
scorer (shared/benchmarks/score_claims.py) with subject (facts.csv vocabulary), unit, hedge and
origin beside the scored fields. No per-article file (register, metadata) is read: what it finds,
it finds from the text.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pandas as pd

from ..article import Article, Metadata
from ..errors import InputError
from ..numbers import extract_numbers
from ..quotes.benchmark_io import read_documents
from .checked import automatic_located, verify_all
from .verify import MAX_REFERENCE_AGE_YEARS
from .world import world_facts

_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")


def _published(doc: dict, path: Path, line: int) -> dt.date | None:
    """The document's `published` date; else a leading 'date YYYY-MM-DD' line of its text."""
    value = doc.get("published")
    if value in (None, ""):
        found = _DATE_LINE.match(doc["text"])
        try:
            return dt.date.fromisoformat(found.group(1)) if found else None
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(path, f"document {line} ({doc['doc_id']}): published {value!r} is not an ISO date") from None


def _plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _other_period(label: str) -> str | None:
    """The period of another metric's claim as ISO text ('2023-10-07', '2023-10-07/2025-10'); None when not stated."""
    if label == "not stated" or label.endswith("unknown)"):
        return None
    return label.replace(" to ", "/")


def predict_text(
    text: str,
    published: dt.date | None,
    facts: pd.DataFrame,
    world: pd.DataFrame,
    metrics: pd.DataFrame,
    labels: dict[str, str],
) -> list[dict]:
    """Scorer-format automatic claims of one text, checked."""
    article = Article.from_text(text, metadata=Metadata(published=published))
    numbers = extract_numbers(article)
    located = automatic_located(article, numbers, metrics)
    if located.empty:
        return []
    verified = verify_all(located, facts, world, labels, MAX_REFERENCE_AGE_YEARS, published)
    out = []
    for _, c in verified.iterrows():
        period = str(located.loc[located["claim_id"] == c["claim_id"], "period"].iloc[0])
        period = (
            int(period)
            if period.isdigit()
            else (
                "annual"
                if period.startswith("annual")
                else ("current" if period.startswith("current") else _other_period(period))
            )
        )
        out.append(
            {
                "start": int(c["start"]),
                "end": int(c["end"]),
                "subject_iso3": c["subject_iso3"],
                "metric": c["metric"],
                "period": period,
                "verdict": c["verdict"],
                "reference_value": _plain(c["reference_value"]),
                "reference_year": _plain(c["reference_year"]),
                "subject": c["subject"],
                "unit": c["unit"],
                "hedge": c["hedge"] or "none",
                "origin": c["origin"],
            }
        )
    return out


def predict_file(in_path: str | Path, out_path: str | Path, reference_dir: str | Path | None = None) -> int:
    """Read documents, write one prediction line per document; returns the number of documents."""
    from ..reference import load_facts, load_metrics, metric_labels

    path = Path(in_path)
    docs = read_documents(path)
    facts, metrics = load_facts(reference_dir), load_metrics(reference_dir)
    labels, world = metric_labels(reference_dir), world_facts(reference_dir)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i, doc in enumerate(docs, start=1):
            claims = predict_text(doc["text"], _published(doc, path, i), facts, world, metrics, labels)
            fh.write(json.dumps({"doc_id": doc["doc_id"], "claims": claims}, ensure_ascii=False) + "\n")
    return len(docs)
