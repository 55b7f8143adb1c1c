"""Comparable subjects: 'Israel–UAE' and 'UAE–Israel' are one pair, 'UAE→Israel' a direction."""
from __future__ import annotations


def subject_key(subject: str) -> object:
    """A comparable form of a subject: pairs ('Israel–UAE' = 'UAE–Israel') ignore order,
    directed flows ('UAE→Israel') keep it."""
    s = " ".join(str(subject).lower().replace("—", "–").split())
    if "→" in s:
        return tuple(part.strip() for part in s.split("→"))
    if "–" in s:
        return frozenset(part.strip() for part in s.split("–"))
    return s
