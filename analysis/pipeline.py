"""An article's contract tables computed in-process, with the same functions the notebooks call.

Each function returns `{table name: DataFrame}` for one notebook's saved tables, so a batch run
can compute them without starting a kernel. The notebooks show the intermediate steps; these
functions must stay in step with them (tests/test_pipeline.py compares both on the default
article).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .article import Article


def quote_tables(
    article: Article, speakers_file: str | Path | None = None, reference_dir: str | Path | None = None
) -> dict[str, pd.DataFrame]:
    """Notebook 01's `quotes` and `quote_sources` tables."""
    from . import reference
    from .quotes import extract_quotes
    from .quotes.sources import match_quote_sources, sources_for_article
    from .quotes.speaker_file import default_speakers_file

    speakers = speakers_file or default_speakers_file(article.slug)
    quotes = extract_quotes(article, speakers or None)
    sources = sources_for_article(reference.load_quote_sources(reference_dir or None), article.text)
    direct = quotes[quotes["direct"]]
    return {"quotes": quotes, "quote_sources": match_quote_sources(direct, sources)}


def claim_tables(
    article: Article,
    register: str | Path | None = None,
    reference_dir: str | Path | None = None,
    max_reference_age_years: float = 5.0,
) -> dict[str, pd.DataFrame]:
    """Notebook 02's `numbers`, `claims`, `consistency` and `sources` tables."""
    from .claims import check_claims, cited_sources
    from .consistency import check_consistency
    from .numbers import extract_numbers
    from .reference import load_facts, load_sources, metric_labels

    facts = load_facts(reference_dir or None)
    labels = metric_labels(reference_dir or None)
    numbers = extract_numbers(article)
    located, verified = check_claims(
        article, numbers, facts, register or None, labels, max_reference_age_years, reference_dir or None
    )
    checks = check_consistency(article, numbers, located, verified, facts, labels)
    sources = cited_sources(load_sources(reference_dir or None), verified)
    return {"numbers": numbers, "claims": verified, "consistency": checks, "sources": sources}


def poll_tables(
    article: Article,
    reference_dir: str | Path | None = None,
    confidence: float = 0.95,
    assumed_n: int = 1000,
    design_effect: float = 1.0,
) -> dict[str, pd.DataFrame]:
    """Notebook 03's `poll_claims`, `poll_claims_summary` and `poll_sensitivity` tables."""
    from .polls import claims as pc
    from .polls import evaluate as pe
    from .polls import figures as pf
    from .reference import load_polls

    polls = load_polls(reference_dir or None)
    figures = pf.find_figures(article.text, article.metadata.published)
    claims = pc.extract_poll_claims(article, figures)
    evaluation = pe.evaluate_claims(claims, polls, article.metadata.published, assumed_n, confidence, design_effect)
    summary = pe.summarise(evaluation, claims)
    sens = pe.sensitivity(evaluation, confidence=confidence, design_effect=design_effect)
    return {"poll_claims": evaluation, "poll_claims_summary": summary, "poll_sensitivity": sens}


def article_tables(article: Article) -> dict[str, pd.DataFrame]:
    """Every table of a run with the notebooks' default parameters."""
    return {**quote_tables(article), **claim_tables(article), **poll_tables(article)}
