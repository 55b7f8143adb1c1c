"""Shared fixtures: the project's paths and the shared material beside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import paths

SHARED = paths.PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold annotations, benchmarks). Tests that need it skip when it is absent, except
    under REQUIRE_SHARED=1 (set by .ci/run), where its absence fails them."""
    if not SHARED.exists():
        if os.environ.get("REQUIRE_SHARED") == "1":
            pytest.fail("../shared is not beside the project, and REQUIRE_SHARED=1 demands it")
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_article():
    from analysis.article import load_article

    return load_article(paths.DEFAULT_ARTICLE)
