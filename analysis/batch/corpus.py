"""Corpus tables: each table of every finished article, with the article's id, outlet and
published date on every row, as CSV and as Parquet (pyarrow) in `DIR/corpus/`.

Columns of `corpus/<table>.*`: doc_id, outlet, published, then the article table's columns
(for contract tables, the contract's leading columns first). `corpus/articles.csv` has one row
per article of the corpus: doc_id, key, title, outlet, published, status, reason.
"""
from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd

from ..outputs import atomic_write_bytes, write_table

ID_COLUMNS = ["doc_id", "outlet", "published"]
ARTICLE_COLUMNS = ["doc_id", "key", "title", "outlet", "published", "status", "reason"]


def _plain(value: object) -> object:
    """Mixed-type text columns become text (numbers as written), so Parquet can store them."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value)):
        return value
    return str(value)


def corpus_table(parts: list[tuple[dict, pd.DataFrame]]) -> pd.DataFrame:
    """One table for the corpus from (article row, article table) pairs, in the given order."""
    frames = [df.assign(**{c: ids.get(c) for c in ID_COLUMNS})[ID_COLUMNS + list(df.columns)]
              for ids, df in parts]
    frames = [f for f in frames if len(f)] or frames[:1]
    if not frames:
        return pd.DataFrame(columns=ID_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].map(_plain)
    return table


def write_corpus(folder: Path, articles: pd.DataFrame, tables: dict[str, list[tuple[dict, pd.DataFrame]]]) -> list[str]:
    """Write `articles.csv` and every table as `<name>.csv` and `<name>.parquet`; return the table names."""
    folder.mkdir(parents=True, exist_ok=True)
    write_table(articles[ARTICLE_COLUMNS], folder / "articles.csv")
    for name, parts in sorted(tables.items()):
        table = corpus_table(parts)
        write_table(table, folder / f"{name}.csv")
        buf = io.BytesIO()
        table.to_parquet(buf, engine="pyarrow", index=False)
        atomic_write_bytes(folder / f"{name}.parquet", buf.getvalue())
    return sorted(tables)


def read_corpus_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A corpus table, from Parquet when present (faster for large corpora), else from CSV."""
    folder = Path(folder)
    parquet = folder / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet, engine="pyarrow")
    return pd.read_csv(folder / f"{name}.csv")
