"""Predictions in the reference scorer's format for documents in the benchmark format.

Input lines: {"doc_id", "text", ...}; output lines: {"doc_id", "quotes": [{"start", "end",
"speaker", "speaker_mention", "direct"}]}` (`direct` false for reported speech). Quotations
without a speaker and titles are left out: the benchmarks annotate attributed speech only.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from .extract import find_quotes

UNATTRIBUTED_KINDS = {"title", "scare"}


def predict_text(text: str, reported: bool = True) -> list[dict]:
    """Scorer-format quotations of one text (with reported speech unless `reported` is False)."""
    out = []
    for q in find_quotes(text, reported=reported):
        if q.speaker is None and q.speaker_mention is None or q.kind in UNATTRIBUTED_KINDS:
            continue
        out.append(
            {
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_mention": q.speaker_mention,
                "direct": q.direct,
            }
        )
    return out


def predict_documents(docs: list[dict]) -> list[dict]:
    """One prediction line per document (same order)."""
    return [{"doc_id": d["doc_id"], "quotes": predict_text(d["text"])} for d in docs]


def read_documents(path: str | Path) -> list[dict]:
    """Benchmark documents from a JSONL file; InputError on unreadable or malformed lines."""
    p = Path(path)
    if not p.is_file():
        raise InputError(p, "file not found")
    docs = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(p, f"not UTF-8 text ({exc.reason})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(p, f"line {n}: invalid JSON ({exc.msg})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or "doc_id" not in doc:
            raise InputError(p, f"line {n}: expected an object with 'doc_id' and 'text'")
        docs.append(doc)
    return docs


def predict_file(in_path: str | Path, out_path: str | Path) -> int:
    """Read benchmark JSONL, write scorer PRED JSONL; returns the number of documents."""
    preds = predict_documents(read_documents(in_path))
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for line in preds:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(preds)
