"""Shared fixtures: the project's paths and the shared material beside the project."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import paths

SHARED = paths.PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold annotations, benchmarks); tests that need it skip when it is absent."""
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_article():
    from analysis.article import load_article

    return load_article(paths.DEFAULT_ARTICLE)
