"""Small helpers for prose built from computed values (counts, dates, lists)."""

from __future__ import annotations

import datetime as dt


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 quotation', '3 quotations', '0 polls'; `plural_form` for irregular words."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {word}"


def verb(count: int, singular: str, plural_form: str) -> str:
    """The verb form agreeing with `count`: verb(1, 'is', 'are') -> 'is'."""
    return singular if count == 1 else plural_form


def join_words(items: list[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def date_or_unknown(value: dt.date | None) -> str:
    """An ISO date, or 'unknown' when the article's metadata gives none."""
    return value.isoformat() if value else "unknown"
