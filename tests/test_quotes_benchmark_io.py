"""The benchmark predictor writes valid scorer lines; the speaker file is validated."""

import json

import pytest

from analysis.errors import InputError
from analysis.quotes.benchmark_io import predict_file
from analysis.quotes.speaker_file import load_speakers


def test_predict_file_writes_scorer_lines(tmp_path):
    text = (
        '"We will win," said Mayor Jane Okafor.\n\nThe "so-called" plan failed.\n\n'
        'Okafor told reporters that the new budget plan was "a disaster."'
    )
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"doc_id": "d1", "text": text}) + "\n" + json.dumps({"doc_id": "d2", "text": "No quotes."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    assert predict_file(src, out) == 2
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [l["doc_id"] for l in lines] == ["d1", "d2"]
    assert lines[1]["quotes"] == []
    quotes = lines[0]["quotes"]
    assert [text[q["start"] : q["end"]] for q in quotes] == [
        "We will win,",
        'the new budget plan was "a disaster."',
        "a disaster.",
    ]
    assert [q["direct"] for q in quotes] == [True, False, True]
    for q in quotes:
        assert set(q) == {"start", "end", "speaker", "speaker_mention", "direct"}
        assert isinstance(q["start"], int) and 0 <= q["start"] < q["end"] <= len(text)
    assert [q["speaker"] for q in quotes] == ["Jane Okafor"] * 3


def test_predict_file_rejects_bad_json(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"doc_id": "x", "text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        predict_file(src, tmp_path / "out.jsonl")


def test_speaker_file_validation(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("speakers:\n  Jane Okafor:\n    type: person\n    affiliation: City\n", encoding="utf-8")
    assert load_speakers(good)["Jane Okafor"]["affiliation"] == "City"
    bad = tmp_path / "bad.yaml"
    bad.write_text("speakers:\n  Jane Okafor:\n    type: robot\n", encoding="utf-8")
    with pytest.raises(InputError, match="type 'robot'"):
        load_speakers(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("speakers: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed YAML"):
        load_speakers(broken)
    with pytest.raises(InputError, match="not found"):
        load_speakers(tmp_path / "missing.yaml")
