"""A batch killed half-way (SIGKILL) and started again: nothing lost, nothing redone, nothing partial."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from analysis import paths
from analysis.batch import run_batch

SAMPLE = paths.DATA / "corpus" / "sample"
TOTAL = 60


def _corpus(path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt")) if p.stem != "broken-encoding"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(TOTAL):  # distinct ids and texts: every article is its own work
            text = texts[i % len(texts)] + f"\nParagraph {i} closes this copy.\n"
            fh.write(json.dumps({"doc_id": f"copy-{i:03d}", "text": text, "outlet": f"Outlet {i % 3}"}) + "\n")
    return path


def _finished(out: Path) -> dict[str, tuple[int, int]]:
    return {p.parent.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (out / "articles").glob("*/result.json")}


def test_sigkill_then_restart_completes_without_recomputing(tmp_path):
    source, out = _corpus(tmp_path / "corpus.jsonl"), tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "batch", str(source), "--out", str(out), "--no-progress"],
        cwd=paths.PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while len(_finished(out)) < 15 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = _finished(out)
    assert 0 < len(before) < TOTAL, "the batch should have been killed half-way"

    summary = run_batch(source, out, progress=False)
    assert (summary.skipped, summary.done, summary.failed) == (len(before), TOTAL - len(before), 0)
    after = _finished(out)
    assert len(after) == TOTAL
    assert {k: after[k] for k in before} == before  # finished articles were not rewritten
    expected = {p.name for p in (out / "articles" / "copy-000" / "tables").glob("*.csv")}
    assert len(expected) >= 5
    for folder in (out / "articles").iterdir():
        assert not folder.name.startswith("."), f"partial folder left behind: {folder.name}"
        assert {p.name for p in (folder / "tables").glob("*.csv")} == expected
        rows = json.loads((folder / "result.json").read_text(encoding="utf-8"))["rows"]
        assert set(rows) == {n.removesuffix(".csv") for n in expected}
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*staging*"))
    quotes = (out / "corpus" / "quotes.csv").read_text(encoding="utf-8")
    assert all(f"copy-{i:03d}," in quotes for i in range(TOTAL))
