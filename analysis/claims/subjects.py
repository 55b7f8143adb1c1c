"""Comparable subjects: 'Israel–UAE' and 'UAE–Israel' are one pair, 'UAE→Israel' a direction, and
'UAE' and 'United Arab Emirates' one country (names map through `analysis.countries`)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def _part(name: str) -> str:
    from ..countries import canonical

    found = canonical(name)
    return found.lower() if found else name


@lru_cache(maxsize=4096)
def subject_key(subject: str) -> object:
    """A comparable form of a subject: pairs ('Israel–UAE' = 'UAE–Israel' = 'Israel–United Arab
    Emirates') ignore order, directed flows ('UAE→Israel') keep it; a country's names and
    abbreviations compare equal."""
    s = " ".join(str(subject).lower().replace("—", "–").split())
    if "→" in s:
        return tuple(_part(part.strip()) for part in s.split("→"))
    if "–" in s:
        return frozenset(_part(part.strip()) for part in s.split("–"))
    return _part(s)
