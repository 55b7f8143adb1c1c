"""Property tests (hypothesis): on any text and any published date from year 1 to 9999, the
loader and the extractors raise nothing but the project's own InputError, and every offset they
report indexes the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.article import Article, Metadata, read_metadata, read_text
from analysis.errors import InputError

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | st.from_regex(
    r"(On (Monday|Friday), (March|November) [0-9]{1,2}, (19|20)[0-9]{2}, (about |over )?[0-9]{1,3}(\.[0-9])?"
    r"( ?%| percent| million| people)?[.,] ?\"?[A-Z][a-z]+\"?[.!?]? ?\n?){1,6}",
    fullmatch=True,
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.binary(max_size=300))
def test_the_loader_accepts_text_or_says_why_not(tmp_path, data):
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        text = read_text(path)
    except InputError as exc:
        assert "any.txt" in str(exc) and len(str(exc)) < 1500
        return
    assert text.strip() and "\x00" not in text


@SETTINGS
@given(published=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_any_published_date_is_accepted_or_refused_clearly(tmp_path, published):
    path = tmp_path / "any.yaml"
    path.write_text(f"published: {published.isoformat()}\n", encoding="utf-8")
    try:
        assert read_metadata(path).published == published
    except InputError as exc:
        assert "any.yaml" in str(exc) and "published" in str(exc)


def _published(published: dt.date, tmp_path) -> dt.date | None:
    """The date as the loader passes it on (None where it refuses it)."""
    path = tmp_path / "p.yaml"
    path.write_text(f"published: {published.isoformat()}\n", encoding="utf-8")
    try:
        return read_metadata(path).published
    except InputError:
        return None


@SETTINGS
@given(text=TEXT, published=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_extractors_index_the_text_on_any_input(tmp_path, text, published):
    from analysis.numbers import extract_numbers
    from analysis.polls.claims import extract_poll_claims
    from analysis.quotes import extract_quotes

    if not text.strip():
        return
    article = Article.from_text(text, metadata=Metadata(published=_published(published, tmp_path)))
    for span in article.paragraphs + article.sentences:
        assert text[span.start : span.end] == span.text
    numbers = extract_numbers(article)
    for row in numbers.itertuples():
        assert 0 <= row.start < row.end <= len(text) and text[row.start : row.end] == row.text
    quotes = extract_quotes(article)
    for column in ("start", "quote_start"):
        if column in quotes:
            assert ((quotes[column] >= 0) & (quotes[column] <= len(text))).all()
    extract_poll_claims(article)
