"""The article model: paragraphs, sentences, offsets, metadata and clear errors on bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.article import Article, load_article, split_sentences
from analysis.errors import InputError


def test_seed_paragraphs_and_sentences_have_true_offsets(seed_article):
    text = seed_article.text
    assert len(seed_article.paragraphs) == text.count("\n") + (not text.endswith("\n"))
    for span in seed_article.paragraphs + seed_article.sentences:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    # sentences tile each paragraph in order
    starts = [s.start for s in seed_article.sentences]
    assert starts == sorted(starts)
    assert seed_article.metadata.published == dt.date(2025, 11, 7)


def test_sentences_keep_abbreviations_and_initialisms_together():
    text = 'U.S. President Joe Smith met Dr. Jane Roe in Washington. "We agree," he said. It ended.'
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "U.S. President Joe Smith met Dr. Jane Roe in Washington.",
        '"We agree," he said.',
        "It ended.",
    ]


def test_paragraph_index_and_tables():
    article = Article.from_text("First one. Second one.\n\nThird paragraph here.\n")
    assert [p.text for p in article.paragraphs] == ["First one. Second one.", "Third paragraph here."]
    assert article.paragraph_index(article.text.index("Third")) == 1
    table = article.sentences_table()
    assert list(table.columns) == ["sentence", "paragraph", "start", "end", "text"]
    assert table["paragraph"].tolist() == [0, 0, 1]


def test_bom_and_windows_line_ends_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffOne line.\r\nTwo line.\r\n".encode("utf-8"))
    article = load_article(path)
    assert article.text == "One line.\nTwo line.\n"
    assert [p.text for p in article.paragraphs] == ["One line.", "Two line."]


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "file not found"),
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_bad_article_files_get_clear_errors(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_article(path)
    assert "bad.txt" in str(err.value) and problem in str(err.value)


def test_directory_is_not_an_article(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        load_article(tmp_path)


@pytest.mark.parametrize(
    "yaml_text, problem",
    [
        ("title: [unclosed\n", "malformed YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("titel: typo\n", "unknown metadata key"),
        ("published: 7 November\n", "ISO date"),
        ("title: {a: 1}\n", "'title' must be text"),
    ],
)
def test_bad_metadata_gets_clear_errors(tmp_path, yaml_text, problem):
    (tmp_path / "story.txt").write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "story.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_article(tmp_path / "story.txt")
    assert "story.yaml" in str(err.value) and problem in str(err.value)


def test_metadata_is_optional(tmp_path):
    (tmp_path / "story.txt").write_text("Some text.\n", encoding="utf-8")
    article = load_article(tmp_path / "story.txt")
    assert article.slug == "story" and article.metadata.published is None
