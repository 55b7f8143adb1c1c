"""Findings prose of notebook 01 agrees in number with the counts (made-up articles)."""

from analysis.article import Article
from analysis.quotes import extract_quotes
from analysis.quotes.report import findings


def prose(text):
    return findings(extract_quotes(Article.from_text(text, slug="made-up"), None), 1)


def test_one_quotation_is_singular():
    text = prose("Mayor Ana Lima spoke. \u201cIt is a good start,\u201d Lima said.")
    assert "**1 quotation** (5 quoted words); it is attributed to **1 speaker**" in text
    assert "1 quotation comes from named sources" in text
    assert "1 quotation is a full clause and 0 are fragments" in text
    assert "1 quotations" not in text and "1 speakers" not in text


def test_several_quotations_are_plural():
    text = prose(
        "Mayor Ana Lima spoke. \u201cIt is a good start,\u201d Lima said. "
        "\u201cNo way,\u201d said Jan Kowal. The \u201cexperts\u201d agreed."
    )
    assert "**3 quotations**" in text and "2 of them are attributed to **2 speakers**" in text
    assert "1 has no speaker" in text
