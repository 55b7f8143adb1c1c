"""Errors raised for bad input: each names the file and the problem."""
from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """A file the suite was given cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{display_path(path)}: {problem}")


def display_path(path: str | Path) -> str:
    """The path relative to the project root when it lies inside it (no machine paths in output)."""
    from .paths import PROJECT_ROOT

    p = Path(path)
    try:
        return str(p.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
