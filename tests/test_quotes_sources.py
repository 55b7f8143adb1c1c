"""Quotations against their sources: made-up examples for each match class, then the seed."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.quotes.report import source_findings
from analysis.quotes.sources import (
    CLOSE_MIN,
    COLUMNS,
    MATCHES,
    SPEAKER_CHECKS,
    compare_text,
    match_quote_sources,
    pair_quotes,
    speaker_check,
)

SOURCE_COLUMNS = [
    "quote_id",
    "article_quote",
    "attributed_to_in_article",
    "source_text",
    "source_language",
    "source_org",
    "url",
    "via",
    "notes",
]


def quotes_table(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(text, speaker, affiliation) rows as a minimal quotes table."""
    return pd.DataFrame(
        [
            {
                "quote_id": f"q{i + 1:02d}",
                "start": 10 * i,
                "text": t,
                "speaker": s,
                "speaker_mention": s,
                "affiliation": a,
                "channel": None,
            }
            for i, (t, s, a) in enumerate(rows)
        ]
    )


def sources_table(*rows: dict) -> pd.DataFrame:
    full = [{c: r.get(c) for c in SOURCE_COLUMNS} | {"quote_id": f"s{i + 1:02d}"} for i, r in enumerate(rows)]
    return pd.DataFrame(full, columns=SOURCE_COLUMNS)


SOURCE = "Today we made a big step forward for farmers across the Region, the minister said."


def test_verbatim_quote():
    r = compare_text("big step forward for farmers,", SOURCE)
    assert (r["match"], r["similarity"]) == ("verbatim", 100.0)
    assert r["matched_source_excerpt"] == "big step forward for farmers"


def test_verbatim_needs_whole_words():
    # "step for" is not in the source as whole words ("step forward"): not verbatim
    assert compare_text("big step for", SOURCE)["match"] != "verbatim"


def test_ellipsis_stands_for_omitted_words():
    r = compare_text("we made... farmers across the Region.", SOURCE)
    assert r["match"] == "verbatim"
    assert r["matched_source_excerpt"] == "we made a big step forward for farmers across the Region"
    assert "a big step forward for" in r["note"]


def test_ellipsis_parts_must_keep_their_order():
    assert compare_text("farmers ... we made", SOURCE)["match"] != "verbatim"


@pytest.mark.parametrize(
    "quote, expected_note",
    [
        ("made big step forward for farmers", "drops \u2018a\u2019"),
        ("big step forward for farmers across the region", "capitalisation"),
    ],
)
def test_close_quotes(quote, expected_note):
    r = compare_text(quote, SOURCE)
    assert r["match"] == "close"
    assert CLOSE_MIN <= r["similarity"] <= 100
    assert expected_note in r["note"]


def test_dash_spacing_is_close():
    r = compare_text("course \u2014 grounded in dialogue", "a course\u2014grounded in dialogue.")
    assert r["match"] == "close" and r["similarity"] == 100.0
    assert "dashes" in r["note"]


def test_word_the_source_does_not_use_is_different_wording():
    r = compare_text("big leap forward for farmers", SOURCE)
    assert r["match"] == "different wording"
    assert "leap" in r["note"]
    one_word = compare_text("rethink", "they want to reshape the plan")
    assert one_word["match"] == "different wording" and one_word["similarity"] < CLOSE_MIN


def test_dropped_content_word_inside_the_quote_is_different_wording():
    # the best character window ("costly mistake") skips the quote's "a"; the alignment must
    # still see the source's "very" between them
    r = compare_text("a costly mistake", "It was a very costly mistake.")
    assert r["match"] == "different wording"
    assert r["matched_source_excerpt"] == "a very costly mistake"
    assert "drops \u2018very\u2019" in r["note"]


def test_many_small_changes_add_up_to_different_wording():
    r = compare_text("a plan to the farm for the people", "It is the plan of a farm by a people.")
    assert r["match"] == "different wording" and r["similarity"] < CLOSE_MIN


def test_speaker_check():
    assert speaker_check("Ministry of Agriculture of Ruritania", "Jan Novak", "Ruritania government") == "agrees"
    assert (
        speaker_check("Daily Courier News (report of the remarks)", "Jan Novak", "Ruritania government")
        == "reported by an outlet"
    )
    assert (
        speaker_check("Scoopsite", "officials", "Ruritania government", channel="Scoopsite") == "reported by an outlet"
    )
    assert speaker_check("Farmers Union", "Jan Novak", "Ruritania government") == "differs"
    assert speaker_check(float("nan"), "Jan Novak", "") == "no source"
    # generic words such as "government" are no evidence of agreement
    assert speaker_check("Government of Freedonia", "Jan Novak", "Ruritania government") == "differs"


def test_match_table_covers_every_class():
    quotes = quotes_table(
        ("big step forward for farmers,", "Jan Novak", "Ruritania government"),
        ("made big step forward for farmers", "Jan Novak", "Ruritania government"),
        ("big leap forward", "Jan Novak", "Ruritania government"),
        ("shameful", "Farmers Union", "Farmers Union"),
        ("we will answer", "Anonymous", None),
        ("not in the table", "Jan Novak", "Ruritania government"),
    )
    sources = sources_table(
        {
            "article_quote": "Big step forward for farmers",
            "source_text": SOURCE,
            "source_language": "en",
            "source_org": "Ministry of Agriculture of Ruritania",
        },
        {
            "article_quote": "made big step forward for farmers",
            "source_text": SOURCE,
            "source_language": "en",
            "source_org": "Ruritania Press Agency",
        },
        {
            "article_quote": "big leap forward",
            "source_text": SOURCE,
            "source_language": "en",
            "source_org": "Ruritania government",
        },
        {
            "article_quote": "shameful",
            "source_text": "\u0645\u062e\u0632\u064a",
            "source_language": "ar",
            "source_org": "Farmers Union",
            "notes": "Gloss (ours): 'disgraceful'.",
        },
        {"article_quote": "we will answer", "notes": "Nothing found in one search."},
    )
    out = match_quote_sources(quotes, sources)
    assert list(out.columns) == COLUMNS
    assert list(out["quote_id"]) == ["q01", "q02", "q03", "q04", "q05", "q06"]
    assert list(out["match"]) == [
        "verbatim",
        "close",
        "different wording",
        "source not in English",
        "no source found",
        "no source found",
    ]
    assert list(out["source_quote_id"]) == ["s01", "s02", "s03", "s04", "s05", ""]
    assert list(out["speaker_check"]) == [
        "agrees",
        "reported by an outlet",
        "agrees",
        "agrees",
        "no source",
        "no source",
    ]
    assert set(out["match"]) <= set(MATCHES) and set(out["speaker_check"]) <= set(SPEAKER_CHECKS)
    assert math.isnan(out.loc[3, "similarity"]) and out.loc[3, "language"] == "Arabic"
    assert "disgraceful" in out.loc[3, "note"]
    assert "Nothing found" in out.loc[4, "note"]
    text = source_findings(out)
    assert "**1 verbatim**" in text and "**1 close**" in text and "Arabic: q04" in text


def test_repeated_strings_pair_in_order_of_appearance():
    quotes = quotes_table(("historic", "A", None), ("other", "B", None), ("historic,", "C", None))
    sources = sources_table(
        {"article_quote": "historic", "source_text": "first source"},
        {"article_quote": "historic", "source_text": "second source"},
    )
    assert pair_quotes(quotes, sources) == {0: 0, 2: 1}


def test_fuzzy_pairing_tolerates_boundary_slips_only():
    quotes = quotes_table(("the plan is dead, he said", "A", None), ("answer", "B", None))
    sources = sources_table({"article_quote": "the plan is dead, he sai"}, {"article_quote": "answers to nobody"})
    assert pair_quotes(quotes, sources) == {0: 0}


def test_article_without_matching_sources():
    quotes = quotes_table(("entirely new words", "A", None))
    sources = sources_table(
        {"article_quote": "something else", "source_text": SOURCE, "source_language": "en", "source_org": "X"}
    )
    out = match_quote_sources(quotes, sources)
    assert list(out["match"]) == ["no source found"]
    assert "only quotation has no row" in source_findings(out)
    two = match_quote_sources(quotes_table(("new words", "A", None), ("more words", "B", None)), sources)
    assert "None of the 2 quotations has a row" in source_findings(two)
    empty = match_quote_sources(quotes.iloc[:0], sources)
    assert list(empty.columns) == COLUMNS and empty.empty


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="article_quote"):
        match_quote_sources(quotes_table(("x", "A", None)), pd.DataFrame({"quote_id": ["s01"]}))


def test_seed_general_properties(seed_article):
    from analysis.quotes import extract_quotes
    from analysis.reference import load_quote_sources

    quotes = extract_quotes(seed_article, reported=False)
    out = match_quote_sources(quotes, load_quote_sources())
    assert list(out["quote_id"]) == sorted(quotes["quote_id"])
    english = out[out["language"] == "English"]
    assert len(english) > 0
    assert english["similarity"].between(0, 100).all()
    assert english["matched_source_excerpt"].str.len().gt(0).all()
    others = out[out["language"] != "English"]
    assert others["similarity"].isna().all()
    assert (out.loc[out["match"] == "verbatim", "similarity"] == 100).all()
    # a verbatim excerpt is a substring of its source text
    sources = load_quote_sources().set_index("quote_id")
    for r in out[out["match"] == "verbatim"].itertuples():
        assert r.matched_source_excerpt in sources.loc[r.source_quote_id, "source_text"]


def test_notebook_runs_on_an_article_without_sources(tmp_path):
    """Notebook 01 on an article the reference table knows nothing about, and with a custom
    reference folder holding one row for it."""
    import papermill

    from analysis import paths

    article = tmp_path / "other.txt"
    article.write_text(
        'The mayor said the bridge was "a triumph for the city." Critics called it '
        '"a costly mistake," the paper reported.\n',
        encoding="utf-8",
    )
    folder = tmp_path / "reference"
    folder.mkdir()
    row = sources_table(
        {
            "article_quote": "a costly mistake",
            "attributed_to_in_article": "Critics",
            "source_text": "It was a costly Mistake.",
            "source_language": "en",
            "source_org": "City Watch",
        }
    )
    row.to_csv(folder / "quote_sources.csv", index=False)
    for name, reference_dir in (("default", ""), ("custom", str(folder))):
        out = tmp_path / name
        papermill.execute_notebook(
            str(paths.NOTEBOOKS / "01_quote_attribution.ipynb"),
            str(tmp_path / f"{name}.ipynb"),
            parameters={"article": str(article), "run_dir": str(out), "reference_dir": reference_dir},
            kernel_name="python3",
            cwd=str(paths.NOTEBOOKS),
            progress_bar=False,
        )
        table = pd.read_csv(out / "tables" / "quote_sources.csv", keep_default_na=False)
        assert list(table.columns) == COLUMNS and len(table) == 2
        if name == "default":
            assert set(table["match"]) == {"no source found"}
        else:
            assert list(table["match"]) == ["no source found", "close"]
            assert "capitalisation" in table.loc[1, "note"]


def test_a_source_table_about_another_article_is_not_used():
    from analysis.quotes.sources import sources_for_article

    table = pd.DataFrame({"article_quote": ["historic", "a club of friends", "we will win big"]})
    other = 'The mayor praised the move as "historic" and left.'
    seed_like = 'He said "we will win big" and called it "historic" in a club of friends.'
    assert sources_for_article(table, other).empty  # 1 of 3 strings: the table is not about it
    assert list(sources_for_article(table, seed_like)["article_quote"]) == list(table["article_quote"])
