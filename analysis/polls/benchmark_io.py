"""`python -m analysis polls IN.jsonl --out PRED.jsonl`: poll figures of benchmark documents in
the prediction format of ../shared/benchmarks/score_polls.py.

Input lines: {"doc_id", "text", optional "published" (ISO date)}; output lines: {"doc_id",
"figures": [{"start", "end", "percent", "response", "population_iso3", "pollster", "n", "moe"}]}.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..errors import InputError
from ..quotes.benchmark_io import read_documents
from .figures import find_figures

FIELDS = ("start", "end", "percent", "response", "population_iso3", "pollster", "n", "moe")


def _published(doc: dict, path: Path) -> dt.date | None:
    value = doc.get("published")
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(path, f"document {doc['doc_id']!r}: 'published' is not an ISO date: {value!r}") from None


def predict_text(text: str, published: dt.date | None = None) -> list[dict]:
    """Scorer-format figures of one text."""
    df = find_figures(text, published)
    out = []
    for row in df.to_dict("records"):
        fig = {k: row[k] for k in FIELDS}
        fig["population_iso3"] = fig["population_iso3"] or None
        out.append(fig)
    return out


def predict_documents(docs: list[dict], path: Path = Path("input")) -> list[dict]:
    """One prediction line per document (same order)."""
    return [{"doc_id": d["doc_id"], "figures": predict_text(d["text"], _published(d, path))} for d in docs]


def predict_file(in_path: str | Path, out_path: str | Path) -> int:
    """Read benchmark JSONL, write scorer PRED JSONL; returns the number of documents."""
    path = Path(in_path)
    preds = predict_documents(read_documents(path), path)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for line in preds:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(preds)
