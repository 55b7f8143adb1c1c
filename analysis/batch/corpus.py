"""Corpus tables: each table of every finished article, with the article's id, outlet and
published date on every row, as CSV and as Parquet (pyarrow) in `DIR/corpus/`.

Columns of `corpus/<table>.*`: doc_id, outlet, published, then the article table's columns
(for contract tables, the contract's leading columns first). The CSV rows are the articles'
own CSV rows, unchanged, after the three id cells, so a resumed batch writes the same corpus as
a fresh one; the Parquet file is that CSV read once by pyarrow (types inferred over the whole
corpus). `corpus/articles.csv` has one row per article: doc_id, key, title, outlet, published,
status, reason.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..outputs import atomic_write_bytes, write_table

ID_COLUMNS = ["doc_id", "outlet", "published"]
ARTICLE_COLUMNS = ["doc_id", "key", "title", "outlet", "published", "status", "reason"]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def corpus_csv(parts: list[tuple[dict, Path]]) -> str:
    """The corpus CSV of one table from (article ids, article CSV file) pairs, in the given order.

    Articles whose header differs from the first article's are aligned by column name with pandas.
    """
    header: list[str] | None = None
    rows: list[list[str]] = []
    for ids, path in parts:
        records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        if not records:
            continue
        if header is None:
            header = records[0]
        if records[0] != header:
            return _aligned_csv(parts)
        prefix = [_cell(ids.get(c)) for c in ID_COLUMNS]
        rows.extend(prefix + r for r in records[1:])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ID_COLUMNS + (header or []))
    writer.writerows(rows)
    return buf.getvalue()


def _aligned_csv(parts: list[tuple[dict, Path]]) -> str:
    frames = [
        pd.read_csv(path, dtype=str, keep_default_na=False).assign(**{c: _cell(ids.get(c)) for c in ID_COLUMNS})
        for ids, path in parts
    ]
    table = pd.concat(frames, ignore_index=True)
    table = table[ID_COLUMNS + [c for c in table.columns if c not in ID_COLUMNS]]
    return table.to_csv(index=False, lineterminator="\n")


def write_corpus(folder: Path, articles: pd.DataFrame, tables: dict[str, list[tuple[dict, Path]]]) -> list[str]:
    """Write `articles.csv` and every table as `<name>.csv` and `<name>.parquet`; return the table names."""
    folder.mkdir(parents=True, exist_ok=True)
    write_table(articles[ARTICLE_COLUMNS], folder / "articles.csv")
    for name, parts in sorted(tables.items()):
        data = corpus_csv(parts).encode("utf-8")
        atomic_write_bytes(folder / f"{name}.csv", data)
        table = pacsv.read_csv(
            io.BytesIO(data),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={c: "string" for c in ID_COLUMNS}, strings_can_be_null=True
            ),
        )
        buf = io.BytesIO()
        pq.write_table(table, buf)
        atomic_write_bytes(folder / f"{name}.parquet", buf.getvalue())
    return sorted(tables)


def read_corpus_table(folder: str | Path, name: str) -> pd.DataFrame:
    """A corpus table, from Parquet when present (faster for large corpora), else from CSV."""
    folder = Path(folder)
    parquet = folder / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet, engine="pyarrow")
    return pd.read_csv(folder / f"{name}.csv")
