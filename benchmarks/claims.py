"""Automatic population and GDP claims on real news, scored by the shared claims scorer.

    .venv/bin/python benchmarks/claims.py [--gold ../shared/benchmarks/claims/dev.jsonl]

Runs `python -m analysis claims GOLD --out PRED` (the command users run: no register, no
metadata beyond each document's `published`), scores PRED with
../shared/benchmarks/score_claims.py and prints one table beside a baseline and the issue's
targets. The baseline is what a reader gets without the context rules: every US-dollar figure of
a million or more is a GDP claim and every count of 100,000 or more a population claim, about
the country named last before it in its sentence, period `current`, verdict always `supported`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.article import Article  # noqa: E402
from analysis.claims.auto import _countries_in  # noqa: E402
from analysis.numbers import extract_numbers  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
TARGETS = {
    "recall": 0.90,
    "precision": 0.90,
    "subject and metric": 0.95,
    "verdict balanced": 0.90,
    "lookalikes flagged": 0.10,
}


def scorer():
    spec = importlib.util.spec_from_file_location("score_claims", SHARED / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def baseline(docs: list[dict]) -> list[dict]:
    """Every large money figure or count as a claim about the last country before it."""
    out = []
    for d in docs:
        article = Article.from_text(d["text"])
        claims = []
        for _, n in extract_numbers(article).iterrows():
            money = n["kind"] == "money" and n["unit"] == "USD" and float(n["value"]) >= 1e6
            count = n["kind"] == "count" and float(n["value"]) >= 1e5
            if not (money or count):
                continue
            sentence = article.sentence_at(int(n["start"]))
            named = _countries_in(d["text"][sentence.start : int(n["start"])])
            if named:
                claims.append(
                    {
                        "start": int(n["start"]),
                        "end": int(n["end"]),
                        "subject_iso3": named[-1][3],
                        "metric": "gdp_usd" if money else "population",
                        "period": "current",
                        "verdict": "supported",
                    }
                )
        out.append({"doc_id": d["doc_id"], "claims": claims})
    return out


def figures(res: dict) -> dict[str, float | None]:
    return {
        "recall": res["detection"]["r"],
        "precision": res["detection"]["p"],
        "subject and metric": res["subject_metric"]["acc"],
        "verdict overall": res["verdict"]["acc"],
        "verdict supported": res["verdict_by_class"]["supported"]["acc"],
        "verdict not supported": res["verdict_by_class"]["not_supported"]["acc"],
        "verdict balanced": res["verdict_balanced"],
        "lookalikes flagged": res["negatives_flagged_share"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "claims" / "dev.jsonl"))
    args = ap.parse_args()
    gold_path = Path(args.gold)
    if not gold_path.exists():
        print(f"no gold file at {gold_path}")
        return 1
    score = scorer()
    gold = score.load_jsonl(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "analysis", "claims", str(gold_path), "--out", str(pred_path)],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - t0
        ours = score.score(gold, score.load_jsonl(pred_path))
    base = score.score(gold, baseline(gold))
    print(f"{gold_path.name}: {ours['n_docs']} documents, {ours['n_gold']} claims, {ours['negatives']} lookalikes")
    print(f"{'measure':24} {'baseline':>9} {'ours':>9} {'target':>9}")
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    for name, value in figures(ours).items():
        target = TARGETS.get(name)
        goal = "" if target is None else (f"<= {target:.2f}" if name == "lookalikes flagged" else f">= {target:.2f}")
        print(f"{name:24} {fmt(figures(base)[name]):>9} {fmt(value):>9} {goal:>9}")
    print(
        f"matched {ours['matched']}/{ours['n_gold']} gold claims; predicted in scope {ours['n_pred_in_scope']} "
        f"(baseline {base['n_pred_in_scope']}); command time {seconds:.1f} s (one process, with start-up)"
    )
    print(json.dumps({"ours": figures(ours), "baseline": figures(base)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
