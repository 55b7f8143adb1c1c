"""Project paths, found from the package location, never from the current directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = PROJECT_ROOT / "data"
ARTICLES: Path = DATA / "articles"
REFERENCE: Path = DATA / "reference"
CLAIMS: Path = DATA / "claims"
SPEAKERS: Path = DATA / "speakers"
NOTEBOOKS: Path = PROJECT_ROOT / "notebooks"
FIGURES: Path = PROJECT_ROOT / "figures"
RUNS: Path = PROJECT_ROOT / "runs"

# The default article is data, not code: data/default_article names it (one path, from the project root).
DEFAULT_ARTICLE: Path = PROJECT_ROOT / (DATA / "default_article").read_text(encoding="utf-8").strip()
DEFAULT_SLUG: str = DEFAULT_ARTICLE.stem


def resolve(path: str | Path) -> Path:
    """An absolute path; relative paths are taken relative to the project root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p


def slug_of(article_path: str | Path) -> str:
    """The article's slug: its file name without the extension."""
    return Path(article_path).stem


def run_dir(slug: str) -> Path:
    """Default output folder of a run on the article with this slug."""
    return RUNS / slug


def relative(path: str | Path) -> str:
    """A path for display: relative to the project root when inside it."""
    p = Path(path).resolve()
    try:
        return p.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return p.as_posix()
