"""Numeric and dated mentions in English news text: find, normalise, resolve.

`extract_numbers(article)` returns one row per mention (columns in its docstring).
"""

from .extract import NUMBER_COLUMNS, extract_numbers
from .parse import digit_step, parse_amount, words_to_number

__all__ = ["NUMBER_COLUMNS", "extract_numbers", "digit_step", "parse_amount", "words_to_number"]
