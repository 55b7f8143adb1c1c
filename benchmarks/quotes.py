"""Quote extraction and attribution on the dev splits of PolNeAR and the Gender Gap Tracker.

    .venv/bin/python benchmarks/quotes.py [--bench DIR] [--splits dev,train]

Runs our extractor (`analysis.quotes.benchmark_io.predict_documents`, reported speech on) and a
regex baseline ("quoted text + nearest capitalised name") on ../shared/benchmarks/{polnear,ggt}:
`dev.direct.jsonl` scored with `--direct-only` (rows "direct") and `dev.jsonl` scored on every
attribution, direct and reported (rows "all"), with the reference scorer score_quotes.py. Prints
extraction F1, attribution accuracy, end-to-end F1, canonical accuracy (GGT only: the `speaker`
column against the annotators' resolved name) and documents per second (one process, prediction
only, best of three runs after a one-document warm-up). `--cli` also times the whole command
`python -m analysis quotes` on PolNeAR dev (start-up included, 20 runs, pinned to core 0 with
`taskset -c 0` when available). `--splits dev,train` adds
the PolNeAR train split (the rules were developed by error analysis on it; dev is the check).
The test splits are withheld; nothing here is tuned on them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.quotes.benchmark_io import predict_documents  # noqa: E402

REPEATS = 3
# corpus -> (direct-only gold, all-attribution gold)
CORPORA = {
    "polnear dev": ("polnear/dev.direct.jsonl", "polnear/dev.jsonl"),
    "ggt dev": ("ggt/dev.direct.jsonl", "ggt/dev.jsonl"),
    "polnear train": ("polnear/train.direct.jsonl", "polnear/train.jsonl"),
}
CLI_RUNS = 20
QUOTED = re.compile(r"\u201c([^\u201d\n]+)\u201d|\"([^\"\n]+)\"")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
NOT_NAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "If",
    "When",
    "As",
    "At",
    "For",
    "So",
    "There",
}


def load_scorer(bench: Path):
    """The reference scorer module, imported from its file."""
    spec = importlib.util.spec_from_file_location("score_quotes", bench / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def baseline_documents(docs: list[dict]) -> list[dict]:
    """Regex baseline: every quoted span, speaker = the capitalised name nearest to it."""
    out = []
    for d in docs:
        text = d["text"]
        names = [
            (m.start(), m.end(), m.group()) for m in CAPITALISED.finditer(text) if m.group().split()[0] not in NOT_NAMES
        ]
        quotes = []
        for m in QUOTED.finditer(text):
            g = 1 if m.group(1) is not None else 2
            s, e = m.start(g), m.end(g)
            outside = [n for n in names if n[1] <= m.start() or n[0] >= m.end()]
            near = min(outside, key=lambda n: min(abs(n[1] - m.start()), abs(n[0] - m.end())), default=None)
            quotes.append({"start": s, "end": e, "speaker": near[2] if near else None})
        out.append({"doc_id": d["doc_id"], "quotes": quotes})
    return out


def _row(corpus: str, gold: str, system: str, res: dict, docs_per_s: float) -> dict:
    return {
        "corpus": corpus,
        "gold": gold,
        "system": system,
        "extraction_f1": res["extraction_lenient"]["f1"],
        "attribution_acc": res["attribution_accuracy"] or 0.0,
        "end_to_end_f1": res["end_to_end"]["f1"],
        "canonical_acc": res.get("canonical_accuracy"),
        "docs_per_s": docs_per_s,
    }


def run(bench: Path, splits: tuple[str, ...] = ("dev",)) -> list[dict]:
    """Result rows per corpus, gold file (direct, all) and system, for the given splits."""
    scorer = load_scorer(bench)
    rows = []
    for corpus, (direct_rel, all_rel) in CORPORA.items():
        if corpus.split()[-1] not in splits:
            continue
        for gold, rel, direct_only in (("direct", direct_rel, True), ("all", all_rel, False)):
            docs = scorer.load_jsonl(bench / rel)
            for system, predict in (("ours (rules)", predict_documents), ("regex baseline", baseline_documents)):
                predict(docs[:1])  # warm-up (compiled regular expressions), like a model load
                seconds = float("inf")
                for _ in range(REPEATS):  # best of REPEATS, as timeit does
                    start = time.perf_counter()
                    preds = predict(docs)
                    seconds = min(seconds, time.perf_counter() - start)
                res = scorer.score(docs, preds, direct_only=direct_only)
                rows.append(_row(corpus, gold, system, res, len(docs) / seconds if seconds else float("inf")))
    return rows


def cli_speed(bench: Path, runs: int = CLI_RUNS) -> dict:
    """Documents per second of the whole `python -m analysis quotes` process on PolNeAR dev
    (start-up included), `runs` times in a row, pinned to one core when taskset exists."""
    import shutil
    import subprocess
    import tempfile

    src = bench / "polnear" / "dev.jsonl"
    n_docs = sum(1 for line in src.read_text(encoding="utf-8").splitlines() if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "analysis", "quotes", str(src), "--out", str(Path(tmp) / "p.jsonl")]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        for _ in range(runs):
            subprocess.run(cmd, check=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "runs": runs,
        "docs": n_docs,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "docs_per_s": runs * n_docs / seconds,
        "docs_per_cpu_s": runs * n_docs / cpu,
    }


def render(rows: list[dict]) -> str:
    """Markdown table."""
    lines = [
        "| corpus | gold | system | extraction F1 | attribution acc. | end-to-end F1 | canonical acc. | docs/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        canonical = "-" if r["canonical_acc"] is None else f"{r['canonical_acc']:.3f}"
        lines.append(
            f"| {r['corpus']} | {r['gold']} | {r['system']} | {r['extraction_f1']:.3f} | "
            f"{r['attribution_acc']:.3f} | {r['end_to_end_f1']:.3f} | {canonical} | "
            f"{r['docs_per_s']:,.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--bench",
        type=Path,
        default=ROOT.parent / "shared" / "benchmarks",
        help="folder holding score_quotes.py and the corpora",
    )
    ap.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    ap.add_argument("--splits", default="dev", help="comma-separated splits to score: dev, train (default: dev)")
    ap.add_argument(
        "--cli", action="store_true", help="also time the whole quotes command (start-up included, 20 runs)"
    )
    args = ap.parse_args(argv)
    splits = tuple(s.strip() for s in args.splits.split(",") if s.strip())
    unknown = set(splits) - {"dev", "train"}
    if unknown:
        ap.error(f"unknown split(s): {', '.join(sorted(unknown))}")
    rows = run(args.bench, splits)
    print(json.dumps(rows, indent=1) if args.json else render(rows))
    if args.cli:
        speed = cli_speed(args.bench)
        print(
            f"\nwhole process (python -m analysis quotes, start-up included) on PolNeAR dev, "
            f"{speed['runs']} runs of {speed['docs']} documents: {speed['seconds']:.1f} s wall, "
            f"{speed['docs_per_s']:,.0f} docs/s; {speed['cpu_seconds']:.1f} s CPU, "
            f"{speed['docs_per_cpu_s']:,.0f} docs per CPU second"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
