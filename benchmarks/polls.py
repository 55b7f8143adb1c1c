"""Poll-figure finding and reading on the dev split of ../shared/benchmarks/polls.

    .venv/bin/python benchmarks/polls.py [--bench DIR] [--split dev]

Runs `python -m analysis polls` (in-process: `analysis.polls.benchmark_io.predict_documents`) and
two baselines on ../shared/benchmarks/polls/<split>.jsonl, scores all three with the reference
scorer score_polls.py and prints one table, every figure in percent:
- regex: every number followed by a percent sign or word is a figure (no attributes);
- sentence parser: notebook 03's claim parser on its own (`analysis.polls.claims.extract_poll_claims`
  without figures: a poll word and a share in one sentence; its side mapped to support/oppose),
  the rule the suite used before poll figures were read article-wide.
A fourth column runs `analysis polls` with data/pollsters.csv emptied, to show how much rests
on the list of known pollsters (which names the dev split's pollsters among others).
The rules were written by error analysis on the dev split; the withheld test split scores them.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.article import Article  # noqa: E402
from analysis.polls.benchmark_io import predict_documents  # noqa: E402

PERCENT = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.I)
ROWS = [
    ("detection F1", ("detection", "f1")),
    ("detection precision", ("detection", "p")),
    ("detection recall", ("detection", "r")),
    ("negatives taken", ("negatives_flagged_share",)),
    ("percent right", ("accuracy", "percent")),
    ("answer right", ("accuracy", "response")),
    ("population right", ("accuracy", "population")),
    ("pollster right", ("accuracy", "pollster")),
    ("sample size right", ("accuracy", "n")),
    ("margin of error right", ("accuracy", "moe")),
]
TARGETS = {
    "detection F1": 95,
    "negatives taken": 15,
    "percent right": 98,
    "answer right": 85,
    "population right": 85,
    "pollster right": 90,
    "sample size right": 95,
    "margin of error right": 95,
}


def load_scorer(bench: Path):
    """The reference scorer module, imported from its file."""
    spec = importlib.util.spec_from_file_location("score_polls", bench / "score_polls.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def regex_baseline(docs: list[dict]) -> list[dict]:
    """Every number with a percent sign or word, value only."""
    return [
        {
            "doc_id": d["doc_id"],
            "figures": [
                {"start": m.start(), "end": m.end(), "percent": float(re.match(r"[\d.]+", m.group()).group())}
                for m in PERCENT.finditer(d["text"])
            ],
        }
        for d in docs
    ]


def sentence_parser_baseline(docs: list[dict]) -> list[dict]:
    """The previous parser of notebook 03: one figure per share of a poll sentence."""
    from analysis.polls.claims import extract_poll_claims

    out = []
    for d in docs:
        claims = extract_poll_claims(Article.from_text(d["text"], slug="doc"))
        figures = []
        for _, row in claims.drop_duplicates("share_start").iterrows():
            figures.append(
                {
                    "start": int(row["share_start"]),
                    "end": int(row["share_end"]),
                    "percent": float(row["value"]),
                    "response": {"for": "support", "against": "oppose"}.get(row["side"], "other"),
                }
            )
        out.append({"doc_id": d["doc_id"], "figures": figures})
    return out


def without_known_pollsters(docs: list[dict]) -> list[dict]:
    """`analysis polls` with an empty list of known pollsters (names and home countries)."""
    from analysis.polls import design

    known = design.known_pollsters
    design.known_pollsters = lambda: known().iloc[0:0]
    try:
        return predict_documents(docs)
    finally:
        design.known_pollsters = known


def _cell(result: dict, path: tuple[str, ...]) -> float | None:
    value = result
    for key in path:
        value = value[key]
    if isinstance(value, dict):
        value = value["acc"]
    return None if value is None else 100 * value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=str(ROOT.parent / "shared" / "benchmarks"))
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    bench = Path(args.bench)
    scorer = load_scorer(bench)
    gold = scorer.load_jsonl(bench / "polls" / f"{args.split}.jsonl")
    runs = {
        "regex": regex_baseline(gold),
        "sentence parser": sentence_parser_baseline(gold),
        "analysis polls": predict_documents(gold),
        "no pollster list": without_known_pollsters(gold),
    }
    results = {name: scorer.score(gold, pred) for name, pred in runs.items()}
    n_figures = results["analysis polls"]["n_gold"]
    print(
        f"polls/{args.split}.jsonl: {len(gold)} articles, {n_figures} poll figures, "
        f"{results['analysis polls']['negatives']} non-poll percentages"
    )
    header = f"{'':24}" + "".join(f"{name:>17}" for name in runs) + f"{'target':>9}"
    print(header)
    for label, path in ROWS:
        cells = []
        for name in runs:
            value = _cell(results[name], path)
            cells.append(f"{'-':>17}" if value is None else f"{value:>16.1f}%")
        target = TARGETS.get(label)
        bound = "" if target is None else (f"<={target}%" if label == "negatives taken" else f">={target}%")
        print(f"{label:24}" + "".join(cells) + f"{bound:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
