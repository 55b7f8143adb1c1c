"""Reading the project's small YAML files (metadata, claim registers, speaker files)."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError
from .paths import resolve


def read_yaml(path: str | Path, what: str) -> object:
    """Parse the YAML file at `path`; `what` names the file's role in error messages.

    Raises InputError naming the file for a missing file, bytes that are not UTF-8, or
    malformed YAML (with the line of the problem).
    """
    p = resolve(path)
    if not p.is_file():
        raise InputError(p, f"{what} not found")
    try:
        return yaml.safe_load(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(p, f"{what} is not valid UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(p, f"malformed YAML{line}: {getattr(exc, 'problem', None) or exc}") from None
