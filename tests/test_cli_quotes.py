"""`python -m analysis quotes IN --out PRED` writes predictions the reference scorer reads."""

from __future__ import annotations

import json
import subprocess
import sys


def test_quotes_command_writes_scorer_lines(tmp_path, shared):
    gold = shared / "benchmarks" / "ggt" / "dev.direct.jsonl"
    sample = tmp_path / "in.jsonl"
    sample.write_text("".join(gold.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, "-m", "analysis", "quotes", str(sample), "--out", str(out)], check=True)
    preds = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines()]
    assert [p["doc_id"] for p in preds] == [d["doc_id"] for d in docs]
    assert sum(len(p["quotes"]) for p in preds) > 0
    for pred, doc in zip(preds, docs):
        for q in pred["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(doc["text"])
            assert {"speaker", "speaker_mention"} <= set(q)
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "benchmarks" / "score_quotes.py"),
            str(sample),
            str(out),
            "--direct-only",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["end_to_end"]["f1"] > 0.5


def test_quotes_command_rejects_a_missing_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "quotes", str(tmp_path / "no.jsonl"), "--out", str(tmp_path / "p.jsonl")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "no.jsonl" in result.stderr and "Traceback" not in result.stderr
