"""Quote extraction and attribution for English news articles.

`extract_quotes(article, speakers_file=None)` returns the quotes table of a run (quotes.csv).
"""

from .extract import extract_quotes, find_quotes

__all__ = ["extract_quotes", "find_quotes"]
