"""`python -m analysis polls IN.jsonl --out PRED.jsonl` writes the scorer's prediction format."""

from __future__ import annotations

import json

from analysis.cli import main


def test_polls_command_writes_predictions(tmp_path):
    doc = {
        "doc_id": "d1",
        "published": "2024-05-01",
        "text": "A Gallup poll of 1,016 adults found 62% approve of the plan. Margin of error: 4 points.",
    }
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["polls", str(src), "--out", str(out)]) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["doc_id"] for x in lines] == ["d1"]
    fig = lines[0]["figures"][0]
    assert doc["text"][fig["start"] : fig["end"]] == "62%"
    assert (fig["percent"], fig["response"], fig["pollster"], fig["n"], fig["moe"]) == (
        62.0,
        "approve",
        "Gallup",
        1016,
        4.0,
    )


def test_bad_input_is_one_line(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"doc_id": "d1", "text": "x", "published": "May 2024"}\n', encoding="utf-8")
    assert main(["polls", str(src), "--out", str(tmp_path / "o.jsonl")]) == 2
    assert "not an ISO date" in capsys.readouterr().err
