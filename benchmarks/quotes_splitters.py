"""Which sentence splitter serves quote attribution better: the project's or pysbd?

    .venv/bin/python benchmarks/quotes_splitters.py [--bench DIR]

Runs the quote extractor (reported speech on) on ../shared/benchmarks/{ggt,polnear}/dev.jsonl
with the project's splitter (`analysis.article.split_sentences`) and, when it is installed
(`pip install pysbd`; it is not a project dependency), with pysbd 0.3 (`Segmenter(language="en",
clean=False, char_span=True)`) swapped in, and prints end-to-end F1 on every attribution and
documents per second (one process, prediction only).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.article import Span  # noqa: E402
from analysis.quotes import text as text_model  # noqa: E402
from analysis.quotes.benchmark_io import predict_documents  # noqa: E402


def _pysbd_splitter():
    """A split_sentences-compatible function backed by pysbd, or None if it is missing."""
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str, start: int = 0, end: int | None = None) -> list[Span]:
        end = len(text) if end is None else end
        out = []
        for sp in seg.segment(text[start:end]):
            a, chunk = start + sp.start, text[start + sp.start : start + sp.end]
            if chunk.strip():
                left = len(chunk) - len(chunk.lstrip())
                out.append(Span(a + left, a + len(chunk.rstrip()), chunk.strip()))
        return out

    return split


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    args = ap.parse_args(argv)
    spec = importlib.util.spec_from_file_location("score_quotes", args.bench / "score_quotes.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    splitters = {"project (analysis.article)": text_model.split_sentences}
    pysbd_split = _pysbd_splitter()
    if pysbd_split is not None:
        splitters["pysbd"] = pysbd_split
    print("| splitter | corpus | end-to-end F1 (all) | docs/s |\n|---|---|---|---|")
    for name, split in splitters.items():
        text_model.split_sentences = split
        for corpus in ("ggt", "polnear"):
            docs = scorer.load_jsonl(args.bench / corpus / "dev.jsonl")
            predict_documents(docs[:1])
            start = time.perf_counter()
            preds = predict_documents(docs)
            seconds = time.perf_counter() - start
            f1 = scorer.score(docs, preds)["end_to_end"]["f1"]
            print(f"| {name} | {corpus} dev | {f1:.3f} | {len(docs) / seconds:,.0f} |")
    if pysbd_split is None:
        print("\npysbd is not installed: only the project's splitter was measured.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
