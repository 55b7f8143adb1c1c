"""Batch runs in tables mode: sources, failures, skipping, corpus tables, local workers and Dask."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths
from analysis.batch import run_batch
from analysis.batch.sources import read_source, safe_key
from analysis.batch.tasks import load_document
from analysis.cli import main
from analysis.contract import CONTRACT, check_table, contract_problem
from analysis.errors import InputError
from analysis.pipeline import article_tables

SAMPLE = paths.DATA / "corpus" / "sample"
GOOD = sorted(p.stem for p in SAMPLE.glob("*.txt") if p.stem != "broken-encoding")


def _jsonl(path: Path, extra: list[dict] | None = None) -> Path:
    lines = []
    for txt in sorted(SAMPLE.glob("*.txt")):
        if txt.stem == "broken-encoding":
            continue
        lines.append(
            {
                "doc_id": f"sample/{txt.stem}",
                "text": txt.read_text(encoding="utf-8"),
                "outlet": "Outlet A",
                "published": "2025-11-02",
            }
        )
    path.write_text("\n".join(json.dumps(r) for r in lines + (extra or [])) + "\n", encoding="utf-8")
    return path


def test_folder_source_reads_metadata_and_flags_undecodable_text():
    docs = {d.doc_id: d for d in read_source(SAMPLE)}
    assert set(GOOD) <= set(docs)
    assert docs["broken-encoding"].problem.startswith("is not valid UTF-8")
    assert docs["harbour-budget-vote"].metadata["outlet"] == "Sample Gazette"
    assert docs["harbour-budget-vote"].problem is None


def test_jsonl_and_csv_sources_with_bad_records(tmp_path):
    src = _jsonl(
        tmp_path / "c.jsonl",
        [
            {"doc_id": "empty", "text": "  "},
            {"text": "no id"},
            {"doc_id": "sample/clinic-hours-survey", "text": "again"},
        ],
    )
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    docs = read_source(src)
    problems = {d.doc_id: d.problem for d in docs}
    assert problems["empty"] == "the text is empty"
    assert sum(1 for p in problems.values() if p and "duplicate doc_id" in p) == 1
    assert any(p and p.startswith("not valid JSON") for p in problems.values())
    assert any(p == "no doc_id" for p in problems.values())
    assert all("/" not in d.key for d in docs) and len({d.key for d in docs}) == len(docs)
    csv = tmp_path / "c.csv"
    pd.DataFrame([{"doc_id": "a", "text": "One paragraph.", "outlet": "X"}]).to_csv(csv, index=False)
    (doc,) = read_source(csv)
    assert (doc.doc_id, doc.text, doc.metadata) == ("a", "One paragraph.", {"outlet": "X"})
    pd.DataFrame([{"id": "a"}]).to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(InputError, match="doc_id and text"):
        read_source(tmp_path / "bad.csv")


def test_safe_key_keeps_plain_ids_and_disambiguates_changed_ones():
    assert safe_key("plain-id_1") == "plain-id_1"
    assert safe_key("a/b") != safe_key("a-b") and "/" not in safe_key("a/b")


def test_batch_writes_every_article_skips_unchanged_and_lists_failures(tmp_path):
    out = tmp_path / "out"
    first = run_batch(SAMPLE, out, progress=False)
    assert (first.total, first.done, first.skipped, first.failed) == (len(GOOD) + 1, len(GOOD), 0, 1)
    failures = pd.read_csv(out / "failures.csv")
    assert failures["doc_id"].tolist() == ["broken-encoding"]
    assert "UTF-8" in failures["reason"].iloc[0]
    for key in GOOD:  # the stored tables are the pipeline's, byte for byte the way a run writes them
        tables = article_tables(load_document(next(d for d in read_source(SAMPLE) if d.key == key)))
        for name, df in tables.items():
            stored = out / "articles" / key / "tables" / f"{name}.csv"
            assert stored.read_bytes() == df.to_csv(index=False, lineterminator="\n").encode(), (key, name)
            if name in CONTRACT:
                check_table(stored, name)
    stamp = {k: (out / "articles" / k / "result.json").stat().st_mtime_ns for k in GOOD}
    second = run_batch(SAMPLE, out, progress=False)
    assert (second.done, second.skipped, second.failed) == (0, len(GOOD), 1)
    assert stamp == {k: (out / "articles" / k / "result.json").stat().st_mtime_ns for k in GOOD}
    forced = run_batch(SAMPLE, out, progress=False, force=True)
    assert (forced.done, forced.skipped) == (len(GOOD), 0)


def test_changed_text_or_metadata_is_recomputed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    (corpus / "broken-encoding.txt").unlink()
    out = tmp_path / "out"
    assert run_batch(corpus, out, progress=False).done == len(GOOD)
    meta = corpus / "library-reopening.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("Sample Gazette", "Another Outlet"), encoding="utf-8")
    txt = corpus / "harbour-budget-vote.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    again = run_batch(corpus, out, progress=False)
    assert (again.done, again.skipped) == (2, len(GOOD) - 2)
    articles = pd.read_csv(out / "corpus" / "articles.csv")
    assert articles.set_index("doc_id").loc["library-reopening", "outlet"] == "Another Outlet"


def test_corpus_tables_carry_article_outlet_and_date_as_csv_and_parquet(tmp_path):
    out = tmp_path / "out"
    run_batch(_jsonl(tmp_path / "c.jsonl"), out, progress=False)
    quotes_csv = pd.read_csv(out / "corpus" / "quotes.csv")
    quotes_pq = pd.read_parquet(out / "corpus" / "quotes.parquet")
    assert list(quotes_csv.columns[:3]) == ["doc_id", "outlet", "published"]
    assert list(quotes_csv.columns[3 : 3 + len(CONTRACT["quotes"])]) == CONTRACT["quotes"]
    assert len(quotes_csv) == len(quotes_pq) > 0
    assert set(quotes_csv["doc_id"]) <= {f"sample/{k}" for k in GOOD}
    assert set(quotes_csv["outlet"]) == {"Outlet A"} and set(quotes_csv["published"]) == {"2025-11-02"}
    per_article = sum(len(pd.read_csv(p)) for p in (out / "articles").glob("*/tables/quotes.csv"))
    assert per_article == len(quotes_csv)
    for name in CONTRACT:
        assert (out / "corpus" / f"{name}.parquet").exists()


def test_local_workers_and_dask_local_cluster_write_the_same_tables(tmp_path):
    src = _jsonl(tmp_path / "c.jsonl")
    serial = run_batch(src, tmp_path / "serial", progress=False)
    pooled = run_batch(src, tmp_path / "pool", jobs=2, progress=False)
    dasked = run_batch(src, tmp_path / "dask", jobs=2, dask="local", progress=False)
    assert serial.done == pooled.done == dasked.done == len(GOOD)
    for name in CONTRACT:
        reference = (tmp_path / "serial" / "corpus" / f"{name}.csv").read_bytes()
        assert (tmp_path / "pool" / "corpus" / f"{name}.csv").read_bytes() == reference, name
        assert (tmp_path / "dask" / "corpus" / f"{name}.csv").read_bytes() == reference, name


def test_contract_schema_rejects_bad_types_and_positions():
    good = pd.DataFrame([{c: "x" for c in CONTRACT["numbers"]} | {"start": 3, "end": 5}])
    assert contract_problem(good, "numbers") is None
    assert "end >= start" in contract_problem(good.assign(end=1), "numbers")
    assert "start" in contract_problem(good.assign(start=-1, end=1), "numbers")
    assert "coerce" in contract_problem(good.assign(end="five"), "numbers")
    assert "break the contract" in contract_problem(good[["end", "start", "text", "value", "unit", "hedge"]], "numbers")
    poll = pd.DataFrame(
        [
            {c: "x" for c in CONTRACT["poll_claims"]}
            | {"start": 0, "end": 1, "percent": "many", "n": 10, "ci_low": 1, "ci_high": 2}
        ]
    )
    assert "percent" in contract_problem(poll, "poll_claims")


def test_cli_batch_exit_status_and_refuses_foreign_folders(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(SAMPLE), "--out", str(out), "--no-progress"]) == 1  # one article fails
    assert "1 failed" in capsys.readouterr().out
    assert main(["batch", str(_jsonl(tmp_path / "c.jsonl")), "--out", str(tmp_path / "ok"), "--no-progress"]) == 0
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["batch", str(SAMPLE), "--out", str(foreign), "--no-progress"]) == 2
    assert "not written by a batch" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "missing"), "--out", str(out), "--no-progress"]) == 2


def test_bad_metadata_fails_only_its_article(tmp_path):
    src = _jsonl(
        tmp_path / "c.jsonl",
        [{"doc_id": "bad-date", "text": "A short article.\n\nIt says little.", "published": "last Tuesday"}],
    )
    corpus = tmp_path / "folder"
    corpus.mkdir()
    shutil.copy(SAMPLE / "library-reopening.txt", corpus)
    (corpus / "library-reopening.yaml").write_text("colour: blue\n", encoding="utf-8")
    shutil.copy(SAMPLE / "harbour-budget-vote.txt", corpus)
    summary = run_batch(src, tmp_path / "out", progress=False)
    assert (summary.done, summary.failed) == (len(GOOD), 1)
    (reason,) = pd.read_csv(tmp_path / "out" / "failures.csv")["reason"]
    assert "'published' must be an ISO date" in reason
    folder = run_batch(corpus, tmp_path / "out2", progress=False)
    assert (folder.done, folder.failed) == (1, 1)
    assert "unknown metadata key" in pd.read_csv(tmp_path / "out2" / "failures.csv")["reason"].iloc[0]
