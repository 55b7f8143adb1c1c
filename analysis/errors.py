"""Errors raised for bad input: each names the file and the problem, in bounded length."""

from __future__ import annotations

import reprlib
from pathlib import Path

MAX_VALUE_CHARS = 200  # a value quoted in a message is cut to this many characters
MAX_PROBLEM_CHARS = 1000  # and the whole problem to this many


class InputError(ValueError):
    """A file the suite was given cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = cut(str(problem), MAX_PROBLEM_CHARS)
        super().__init__(f"{display_path(path)}: {self.problem}")


def cut(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """`text`, cut to `limit` characters with a note of how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit:,} more characters)"


def brief(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """`repr(value)` for an error message in at most about `limit` characters: `reprlib` cuts long
    strings, long and deeply nested containers before they are rendered, so a huge value costs nothing."""
    short = reprlib.Repr()
    short.maxlevel, short.maxstring, short.maxother, short.maxlong = 2, limit, limit, 40
    short.maxlist = short.maxtuple = short.maxdict = short.maxset = 10
    return cut(short.repr(value), limit)


def display_path(path: str | Path) -> str:
    """The path relative to the project root when it lies inside it (no machine paths in output)."""
    from .paths import PROJECT_ROOT

    p = Path(path)
    try:
        return str(p.resolve().relative_to(PROJECT_ROOT))
    except (ValueError, OSError, RuntimeError):
        return str(path)
