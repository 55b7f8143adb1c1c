"""Pairing quotation marks: curly, straight, continuation paragraphs, nesting, unbalanced."""

from analysis.quotes.marks import pair_marks


def contents(text):
    return [text[p.start : p.end] for p in pair_marks(text)]


def test_curly_and_straight_marks():
    text = 'He said \u201cyes, we will\u201d and she said "no, we won\'t" today.'
    assert contents(text) == ["yes, we will", "no, we won't"]


def test_nested_single_quotes_stay_inside():
    text = "\u201cThey told me \u2018no\u2019 twice,\u201d he said. \"I heard 'maybe' once,\" she said."
    assert contents(text) == ["They told me \u2018no\u2019 twice,", "I heard 'maybe' once,"]


def test_ellipsis_inside_quote():
    text = 'She said "the momentum... is alive" and left.'
    assert contents(text) == ["the momentum... is alive"]


def test_continuation_paragraph_is_one_quotation():
    text = (
        "\u201cFirst paragraph of the speech.\n\n\u201cSecond paragraph ends here,\u201d "
        "she said.\n\nNext paragraph \u201cshort\u201d."
    )
    pairs = pair_marks(text)
    assert len(pairs) == 2
    first = pairs[0]
    assert text[first.start : first.end].startswith("First paragraph")
    assert text[first.start : first.end].endswith("ends here,")
    assert first.paragraphs == 2 and first.balanced
    assert text[pairs[1].start : pairs[1].end] == "short"


def test_straight_continuation_paragraph():
    text = '"One.\n\n"Two," he said.'
    assert contents(text) == ['One.\n\n"Two,']


def test_unbalanced_opening_mark_ends_at_paragraph():
    text = 'He said "this never closes.\n\nLater "fine" words.'
    pairs = pair_marks(text)
    assert [text[p.start : p.end] for p in pairs] == ["this never closes.", "fine"]
    assert pairs[0].balanced is False and pairs[1].balanced is True


def test_stray_closing_mark_is_ignored():
    text = 'He is 6\'2" tall and said "hello" to me.'
    assert contents(text) == ["hello"]


def test_no_marks():
    assert pair_marks("Nothing quoted here.") == []


def test_pair_kinds():
    text = 'He said "yes" and "never closes.'
    assert [p.kind for p in pair_marks(text)] == ["paired", "open"]
