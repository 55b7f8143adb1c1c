"""Which folders a command may replace: only ones it wrote itself, never the user's own files.

A run (or a batch) writes a marker file into every output folder it creates. A folder may be
replaced only if it does not exist, is empty, or holds that marker; a file, the project root,
a folder holding the project, and the project's own source and input folders are always refused.
"""

from __future__ import annotations

from pathlib import Path

from . import paths
from .errors import InputError

MARKER = ".analysis-output"

# Folders of the project that hold its own code and inputs: never an output folder.
PROTECTED: tuple[Path, ...] = (
    paths.DATA,
    paths.NOTEBOOKS,
    paths.PROJECT_ROOT / "analysis",
    paths.PROJECT_ROOT / "tests",
    paths.PROJECT_ROOT / "benchmarks",
    paths.PROJECT_ROOT / ".git",
    paths.FIGURES,
)


def check_replaceable(target: Path, kind: str) -> None:
    """Raise InputError unless `target` may be (re)written as a `kind` output folder ("run", "batch")."""
    target = Path(target).resolve()
    root = paths.PROJECT_ROOT.resolve()
    if target == root or root.is_relative_to(target):
        raise InputError(target, f"is the project folder or holds it; a {kind} never replaces it")
    for protected in PROTECTED:
        if target.is_relative_to(protected.resolve()):
            raise InputError(
                target,
                f"lies in the project's {protected.name}/ folder, which holds code or "
                f"inputs; choose another output folder",
            )
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir():
        raise InputError(target, f"is a file, not a folder; a {kind} writes a folder there only if none exists")
    marker = target / MARKER
    if marker.is_file():
        written_by = marker.read_text(encoding="utf-8", errors="replace").strip()[:40]
        if written_by != kind:
            raise InputError(
                target,
                f"holds the output of a {written_by or 'different command'}, not of a {kind}; choose another folder",
            )
        return
    if any(target.iterdir()):
        raise InputError(
            target,
            f"is a folder that was not written by a {kind} (no {MARKER} marker) and is not "
            f"empty; it is left untouched: choose an empty or new folder",
        )


def write_marker(folder: Path, kind: str) -> None:
    """Mark `folder` as a `kind` output folder that later runs may replace."""
    (Path(folder) / MARKER).write_text(f"{kind}\n", encoding="utf-8")
