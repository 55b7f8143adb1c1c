"""Numbers and dates on the seed article: our extractor against python-dateutil on its own.

    .venv/bin/python benchmarks/numbers_extraction.py [--repeat 20]

Scores against ../shared/gold/seed_claims.json (22 hand-annotated claims, 6 of them dates or
years) and prints one table:
- our extractor (`analysis.numbers.extract_numbers`): recall of the gold claims (exact span and
  normalised value), recall of the gold dated claims (value), precision of all listed mentions
  (gold claims plus the hand-checked list of the seed's other numeric and dated expressions,
  `SEED_OTHER_MENTIONS` in tests/test_numbers.py, the same list the test uses), time per article;
- python-dateutil alone: `dateutil.parser.parse(sentence, fuzzy_with_tokens=True,
  default=<published date>)` on each sentence (the library's own way to find a date in running
  text); a gold dated claim counts as found when its sentence parses to its value at the
  claim's precision (the year for a year, the day for a date). dateutil returns at most one
  date per sentence and no character span, so span recall and precision do not apply.
Times are the best of `--repeat` runs after a warm-up, one process.

How the extractor uses dateutil: regular expressions find the calendar-date candidates ("November
6, 2025", "7 October 2023", "March 2024", "2023-10-07", "10/7/2023"); each candidate's text alone
is parsed with `dateutil.parser.parse` (default: 1 January of the published year; a missing year
is then inferred from the published date); `dateutil.relativedelta` resolves weekdays ("on
Friday"), "N days/weeks/months ago" and "last month" against the published date. Years, decades,
weekdays, relative phrases and offsets ("one day after") are found by regular expressions, and
numbers, money, percentages, ordinals and durations by the finders in analysis/numbers/quantities.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateutil import parser as date_parser  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.article import load_article  # noqa: E402
from analysis.numbers import extract_numbers  # noqa: E402

GOLD = paths.PROJECT_ROOT.parent / "shared" / "gold" / "seed_claims.json"
DATED_KINDS = {"date", "year"}


def hand_list():
    """SEED_OTHER_MENTIONS and real_mentions from tests/test_numbers.py (one list for both)."""
    spec = importlib.util.spec_from_file_location("seed_numbers_test", ROOT / "tests" / "test_numbers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SEED_OTHER_MENTIONS, module.real_mentions


def best_time(fn, repeat: int) -> float:
    """Best wall time of `repeat` calls, in seconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def value_matches(found, gold_value) -> bool:
    if isinstance(gold_value, str):
        return found == gold_value
    try:
        return abs(float(found) - float(gold_value)) <= 1e-9 * max(1.0, abs(float(gold_value)))
    except (TypeError, ValueError):
        return False


def dateutil_sentences(article) -> list[tuple[int, int, dt.date | None]]:
    """(start, end, parsed date or None) per sentence, dateutil's fuzzy parse."""
    published = article.metadata.published or dt.date.today()
    default = dt.datetime(published.year, published.month, published.day)
    out = []
    for s in article.sentences:
        try:
            parsed = date_parser.parse(s.text, fuzzy_with_tokens=True, default=default)[0].date()
        except (ValueError, OverflowError):
            parsed = None
        out.append((s.start, s.end, parsed))
    return out


def dateutil_found(claim: dict, parsed: list[tuple[int, int, dt.date | None]]) -> bool:
    """Whether the sentence holding the claim parsed to the claim's value at its precision."""
    for start, end, day in parsed:
        if start <= claim["start"] < end and day is not None:
            want = str(claim["value"])
            return (str(day.year) == want) if len(want) == 4 else day.isoformat() == want
    return False


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per method (best is reported)")
    args = ap.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    dated = [c for c in gold if c["kind"] in DATED_KINDS]
    article = load_article(paths.DEFAULT_ARTICLE)
    others, real_mentions = hand_list()

    numbers = extract_numbers(article)
    by_span = {(r["start"], r["end"]): r["value"] for _, r in numbers.iterrows()}
    ours = [
        c
        for c in gold
        if (c["start"], c["end"]) in by_span and value_matches(by_span[(c["start"], c["end"])], c["value"])
    ]
    ours_dated = [c for c in ours if c["kind"] in DATED_KINDS]
    real, _ = real_mentions(numbers, gold, others)
    t_ours = best_time(lambda: extract_numbers(article), args.repeat)

    parsed = dateutil_sentences(article)
    du_dated = [c for c in dated if dateutil_found(c, parsed)]
    t_du = best_time(lambda: dateutil_sentences(article), args.repeat)
    n_parsed = sum(1 for *_, d in parsed if d is not None)

    rows = [
        ("method", "gold claims (span+value)", "gold dates/years (value)", "precision of listed", "ms/article"),
        (
            "analysis.numbers.extract_numbers",
            f"{len(ours)}/{len(gold)}",
            f"{len(ours_dated)}/{len(dated)}",
            f"{sum(real)}/{len(real)} = {sum(real) / len(real):.3f}",
            f"{t_ours * 1000:.1f}",
        ),
        (
            "dateutil fuzzy parse per sentence",
            "n/a (no spans)",
            f"{len(du_dated)}/{len(dated)}",
            f"n/a ({n_parsed} of {len(parsed)} sentences gave a date)",
            f"{t_du * 1000:.1f}",
        ),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, r in enumerate(rows):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(r, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    missed = [c["claim_id"] for c in dated if c not in du_dated]
    print(
        f"\nseed: {paths.relative(paths.DEFAULT_ARTICLE)}, {len(article.sentences)} sentences; "
        f"dateutil missed {', '.join(missed) or 'none'} of the gold dates/years."
    )


if __name__ == "__main__":
    main()
