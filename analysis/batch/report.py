"""Corpus summaries for notebook 04: pure functions over the corpus tables, each returning a
DataFrame with the columns named in its docstring."""

from __future__ import annotations

import pandas as pd

UNSTATED = "(not stated)"


def _label(series: pd.Series) -> pd.Series:
    return series.fillna(UNSTATED).astype(str).replace({"": UNSTATED})


def month_of(published: pd.Series) -> pd.Series:
    """YYYY-MM of ISO publication dates; "(not stated)" where there is none."""
    return _label(published.astype("string").str.slice(0, 7))


def voices(quotes: pd.DataFrame, by: str) -> pd.DataFrame:
    """Quotations per value of `by` (a quotes column, "month", or "direct").

    Columns: <by>, quotes, share (of all quotations), articles (that quote them).
    """
    q = quotes.assign(month=month_of(quotes["published"])) if by == "month" else quotes
    if by == "direct":
        q = q.assign(direct=direct_speech(quotes).map({True: "direct", False: "reported"}))
    key = _label(q[by])
    table = (
        q.assign(**{by: key})
        .groupby(by, sort=True)
        .agg(quotes=("quote_id", "size"), articles=("doc_id", "nunique"))
        .reset_index()
    )
    table["share"] = (table["quotes"] / max(len(q), 1)).round(3)
    return table.sort_values(["quotes", by], ascending=[False, True], ignore_index=True)[
        [by, "quotes", "share", "articles"]
    ]


def direct_speech(quotes: pd.DataFrame) -> pd.Series:
    """True for direct speech: the quotes table's `direct` column when it has one, else True for
    every row (the table then holds only text in quotation marks)."""
    if "direct" in quotes.columns:
        return quotes["direct"].astype("string").str.lower().isin(["true", "1"])
    return pd.Series(True, index=quotes.index)


def anonymous_share(quotes: pd.DataFrame, by: str) -> pd.DataFrame:
    """Share of quotations from anonymous sources per value of `by` ("outlet" or "month").

    Columns: <by>, quotes, anonymous, anonymous_share.
    """
    key = month_of(quotes["published"]) if by == "month" else _label(quotes[by])
    anonymous = quotes["speaker_type"].astype("string").eq("anonymous").fillna(False)
    table = (
        pd.DataFrame({by: key, "anonymous": anonymous})
        .groupby(by, sort=True)
        .agg(quotes=("anonymous", "size"), anonymous=("anonymous", "sum"))
        .reset_index()
    )
    table["anonymous_share"] = (table["anonymous"] / table["quotes"]).round(3)
    return table


def verdicts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Verdict counts of each checking table ("claims", "consistency", "poll_claims").

    Columns: table, verdict, rows, articles.
    """
    rows = []
    for name, df in tables.items():
        if df.empty:
            continue
        counted = (
            df.assign(verdict=_label(df["verdict"]))
            .groupby("verdict", sort=True)
            .agg(rows=("doc_id", "size"), articles=("doc_id", "nunique"))
            .reset_index()
        )
        rows.append(counted.assign(table=name))
    if not rows:
        return pd.DataFrame(columns=["table", "verdict", "rows", "articles"])
    return pd.concat(rows, ignore_index=True)[["table", "verdict", "rows", "articles"]]


def checked_per_article(articles: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per finished article: quotations, numbers found, claims checked, poll claims checked.

    Columns: doc_id, outlet, published, quotes, numbers, claims, poll_claims (distinct claim ids
    for the claim tables).
    """
    done = articles[articles["status"].isin(["done", "skipped"])][["doc_id", "outlet", "published"]]
    out = done.copy()
    for name, df in tables.items():
        ids = "claim_id" if "claim_id" in df.columns else None
        counts = df.groupby("doc_id")[ids].nunique() if ids else df.groupby("doc_id").size()
        out[name] = out["doc_id"].map(counts).fillna(0).astype(int)
    return out.reset_index(drop=True)
