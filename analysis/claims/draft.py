"""`python -m analysis register ARTICLE`: a draft claim register from the automatic claims.

Each automatic claim becomes an entry (`id`, `mention`, a `context` when the mention's words
occur more than once, `subject`, `metric`, `period`) with a `note` giving the words that led to
its subject, metric and period, for the researcher to check, edit, drop (`drop: true`) or extend
before renaming the file to data/claims/<slug>.yaml, where it overrides the automatic reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .. import paths
from ..article import Article, load_article
from ..errors import InputError
from ..numbers import extract_numbers
from .checked import automatic_located

HEADER = """# Draft claim register for {article},
# written by `python -m analysis register` from the automatic claims.
# Check every entry against the text: fix subject, metric or period, add
# `drop: true` to an entry whose figure is not a claim, add entries for claims the automatic
# reading missed (any metric of data/reference/metrics.csv). Rename the file to
# data/claims/{slug}.yaml to make it the article's register: its entries then win over the
# automatic reading of the same mentions.
"""


def draft_entries(article: Article) -> list[dict]:
    """The register entries of an article's automatic claims (empty list when it has none)."""
    numbers = extract_numbers(article)
    located = automatic_located(article, numbers)
    entries = []
    for _, c in located.iterrows():
        entry = {"id": c["claim_id"], "mention": c["text"]}
        if len(re.findall(re.escape(c["text"]), article.text)) > 1:
            entry["context"] = _context(article, int(c["start"]), c["text"])
        entry.update(subject=c["subject"], metric=c["metric"])
        period = _register_period(str(c["period"]))
        if period is not None:
            entry["period"] = period
        entry.update(
            note=(
                f"automatic: subject from '{c['subject_words']}'; metric from '{c['metric_words']}'; "
                f"period from '{c['period_words']}'"
            )
        )
        entries.append(entry)
    return entries


def _register_period(label: str):
    """The register's spelling of an automatic claim's period label: 'current', 'annual', an ISO
    date, {start, end} for a span; None when the text states none."""
    if label.startswith("current"):
        return "current"
    if label.startswith("annual"):
        return "annual"
    if " to " in label:
        start, end = label.split(" to ", 1)
        return {"start": start, "end": end} if start != "open" else {"end": end}
    return None if label == "not stated" else label


def _context(article: Article, start: int, mention: str) -> str:
    """A few words of the mention's sentence that tell it apart from the other occurrences."""
    sentence = article.sentence_at(start).text
    before = sentence[: max(0, start - article.sentence_at(start).start)].split()[-4:]
    return " ".join(before) or sentence.replace(mention, "").split(".")[0][:40].strip()


def write_draft(article_path: str | Path, out: str | Path | None = None) -> str:
    """Write the draft register; returns a one-line report. InputError if the file exists."""
    article = load_article(article_path)
    target = paths.resolve(out) if out else paths.CLAIMS / f"{article.slug}.draft.yaml"
    if target.exists():
        raise InputError(target, "exists already; give another --out or remove it first")
    entries = draft_entries(article)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({"article": article.slug, "claims": entries}, sort_keys=False, allow_unicode=True, width=100)
    target.write_text(
        HEADER.format(article=paths.relative(article.path) if article.path else article.slug, slug=article.slug) + body,
        encoding="utf-8",
    )
    return f"{len(entries)} automatic claim(s) -> {paths.relative(target)}"
