"""Summary tables of a quotes table (see `extract_quotes` for its columns)."""

from __future__ import annotations

import re

import pandas as pd

from .lexicon import CUE_FORMS

UNATTRIBUTED = "(unattributed)"  # no speaker
UNKNOWN_SIDE = "unknown"  # a speaker whose side the text does not give
NAMED_TYPES = {
    "person": "named",
    "organisation": "named",
    "publication": "named",
    "anonymous": "anonymous",
    "document": "document",
}


def quoted_words(text: str) -> int:
    """Number of words in a quotation."""
    return len(re.findall(r"[\w'\u2019-]+", text))


def _with_words(quotes: pd.DataFrame) -> pd.DataFrame:
    out = quotes.copy()
    out["words"] = [quoted_words(t) for t in out["text"]]
    for col in ("speaker", "speaker_type"):
        out[col] = out[col].fillna(UNATTRIBUTED)
    out["affiliation"] = out["affiliation"].fillna(UNKNOWN_SIDE)
    return out


def voice_by(quotes: pd.DataFrame, column: str) -> pd.DataFrame:
    """Quotes and quoted words per value of `column` (speaker, affiliation or speaker_type);
    a missing speaker counts as "(unattributed)", a missing side as "unknown".

    Columns: <column>, quotes, words, share_of_words (0-1); sorted by words, then quotes,
    then name.
    """
    df = _with_words(quotes)
    if df.empty:
        return pd.DataFrame(columns=[column, "quotes", "words", "share_of_words"])
    g = df.groupby(column).agg(quotes=("quote_id", "count"), words=("words", "sum")).reset_index()
    total = g["words"].sum()
    g["share_of_words"] = (g["words"] / total).round(3) if total else 0.0
    return g.sort_values(["words", "quotes", column], ascending=[False, False, True], ignore_index=True)


def direct_and_reported(quotes: pd.DataFrame, column: str) -> pd.DataFrame:
    """Direct quotations and reported statements side by side per value of `column`.

    Columns: <column>, direct_quotes, direct_words, reported, reported_words,
    share_of_direct_words, share_of_reported_words (0-1, each adding up to 1 over the rows);
    sorted by all words, then name. An empty table has these columns and no rows.
    """
    cols = [
        column,
        "direct_quotes",
        "direct_words",
        "reported",
        "reported_words",
        "share_of_direct_words",
        "share_of_reported_words",
    ]
    df = _with_words(quotes)
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["kind_"] = df["direct"].map({True: "direct", False: "reported"})
    g = df.pivot_table(index=column, columns="kind_", values="words", aggfunc=["count", "sum"], fill_value=0)
    out = pd.DataFrame({column: g.index})
    for kind, count_col, words_col in (
        ("direct", "direct_quotes", "direct_words"),
        ("reported", "reported", "reported_words"),
    ):
        out[count_col] = g[("count", kind)].to_numpy() if ("count", kind) in g else 0
        out[words_col] = g[("sum", kind)].to_numpy() if ("sum", kind) in g else 0
    for words_col, share_col in (
        ("direct_words", "share_of_direct_words"),
        ("reported_words", "share_of_reported_words"),
    ):
        total = out[words_col].sum()
        out[share_col] = (out[words_col] / total).round(3) if total else 0.0
    out["_all"] = out["direct_words"] + out["reported_words"]
    out = out.sort_values(["_all", column], ascending=[False, True], ignore_index=True)
    return out.drop(columns="_all")[cols]


def named_vs_anonymous(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes and words by kind of source: named, anonymous, document, unattributed.

    Columns: source, quotes, words, speakers (distinct canonical speakers).
    """
    df = _with_words(quotes)
    df["source"] = [NAMED_TYPES.get(t, "unattributed") for t in df["speaker_type"]]
    rows = []
    for source in ("named", "anonymous", "document", "unattributed"):
        part = df[df["source"] == source]
        rows.append(
            {
                "source": source,
                "quotes": len(part),
                "words": int(part["words"].sum()),
                "speakers": part.loc[part["speaker"] != UNATTRIBUTED, "speaker"].nunique(),
            }
        )
    return pd.DataFrame(rows, columns=["source", "quotes", "words", "speakers"])


def cue_lemma(cue: str | None) -> str:
    """The cue verb's base form ("described the move as" -> "describe"); "" if none."""
    if not isinstance(cue, str) or not cue.strip():
        return ""
    first = cue.split()[0].lower().strip(",:")
    if first == "according":
        return "according to"
    return CUE_FORMS.get(first, first)


def cue_verbs(quotes: pd.DataFrame) -> pd.DataFrame:
    """How quotations are introduced. Columns: cue (base form), quotes, speakers (sorted
    names); sorted by quotes then cue. Quotations without a cue count as "(none)"."""
    df = _with_words(quotes)
    df["lemma"] = [cue_lemma(c) or "(none)" for c in df["cue"]]
    g = df.groupby("lemma").agg(quotes=("quote_id", "count"), speakers=("speaker", lambda s: ", ".join(sorted(set(s)))))
    g = g.reset_index().rename(columns={"lemma": "cue"})
    return g.sort_values(["quotes", "cue"], ascending=[False, True], ignore_index=True)


def position_by_paragraph(quotes: pd.DataFrame, n_paragraphs: int, column: str = "affiliation") -> pd.DataFrame:
    """Quoted words per paragraph (columns 0..n-1) for each value of `column` (rows, sorted by
    first paragraph where it speaks). Columns: <column>, first_paragraph, then one per
    paragraph."""
    df = _with_words(quotes)
    paras = list(range(n_paragraphs))
    if df.empty:
        return pd.DataFrame(columns=[column, "first_paragraph", *paras])
    pivot = df.pivot_table(index=column, columns="paragraph", values="words", aggfunc="sum", fill_value=0).reindex(
        columns=paras, fill_value=0
    )
    pivot.insert(0, "first_paragraph", df.groupby(column)["paragraph"].min())
    pivot = pivot.reset_index().sort_values(["first_paragraph", column], ignore_index=True)
    pivot.columns = [column, "first_paragraph", *paras]
    return pivot
