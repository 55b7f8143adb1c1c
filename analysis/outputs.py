"""Writing a run's outputs: tables as CSV and figures as byte-stable PNG and SVG.

Every file is written to a temporary name beside its target and moved into place, so a reader
never sees half a file. Notebooks use `open_run` to get a `RunContext` for their article.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from . import paths
from .article import Article, load_article

FIGURE_DPI = 100
FIGURE_STYLE = {
    "figure.dpi": FIGURE_DPI,
    "savefig.dpi": FIGURE_DPI,
    "svg.hashsalt": "analysis",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def current_umask() -> int:
    """The process's umask (read from /proc on Linux; elsewhere set and restored at once)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def follow_umask(path: Path, directory: bool = False) -> None:
    """Give a file or folder made by `mkstemp`/`mkdtemp` (private: 0600/0700) the permissions the
    user's umask asks for, like any file the user creates."""
    os.chmod(path, (0o777 if directory else 0o666) & ~current_umask())


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder; the file gets the
    permissions of the user's umask."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(df: pd.DataFrame, path: Path) -> Path:
    """Write a DataFrame as UTF-8 CSV (no index), atomically."""
    atomic_write_bytes(path, df.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return path


def save_figure(fig: Figure, name: str, folders: list[Path]) -> list[Path]:
    """Save `fig` as `<name>.png` and `<name>.svg` in each folder, with no timestamps in them."""
    import io

    written = []
    for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        buf = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": FIGURE_STYLE["svg.hashsalt"]}):
            fig.savefig(buf, format=fmt, dpi=FIGURE_DPI, metadata=metadata)
        for folder in folders:
            target = Path(folder) / f"{name}.{fmt}"
            atomic_write_bytes(target, buf.getvalue())
            written.append(target)
    return written


@dataclass(frozen=True)
class RunContext:
    """Where a notebook reads its article and writes its tables and figures."""

    article: Article
    run_dir: Path
    publish_figures: bool  # also save figures to figures/ (default article, default run folder)

    @property
    def tables_dir(self) -> Path:
        return self.run_dir / "tables"

    @property
    def figures_dir(self) -> Path:
        return self.run_dir / "figures"

    def save_table(self, df: pd.DataFrame, name: str) -> str:
        """Write `tables/<name>.csv`; returns the path relative to the project for display."""
        return paths.relative(write_table(df, self.tables_dir / f"{name}.csv"))

    def save_figure(self, fig: Figure, name: str) -> list[str]:
        """Save a figure to the run (and to figures/ for the default article)."""
        folders = [self.figures_dir] + ([paths.FIGURES] if self.publish_figures else [])
        return [paths.relative(p) for p in save_figure(fig, name, folders)]


def open_run(article: str | Path, run_dir: str | Path = "") -> RunContext:
    """Load the article, settle the run folder (default `runs/<slug>`) and set the plot style.

    Figures also go to the project's `figures/` when the notebook runs on the default article
    into the default folder (JupyterLab, nbval); `python -m analysis run` copies them there
    itself once the whole run has succeeded.
    """
    loaded = load_article(article)
    target = paths.resolve(run_dir) if str(run_dir) else paths.run_dir(loaded.slug)
    matplotlib.use("Agg")
    matplotlib.rcParams.update(FIGURE_STYLE)
    is_default = paths.resolve(article).resolve() == paths.DEFAULT_ARTICLE.resolve()
    publish = is_default and not str(run_dir)
    return RunContext(loaded, target, publish)
