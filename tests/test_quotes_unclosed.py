"""A never-closed quotation ends at an attribution cue inside it (made-up sentences)."""

import pytest

from analysis.quotes import find_quotes
from analysis.quotes.marks import pair_marks
from analysis.quotes.unclosed import end_at_cue

PREVIOUS = "Mayor Ana Lima praised the plan. \u201cIt is a good start,\u201d Lima said.\n"


@pytest.mark.parametrize(
    "rest, content, speaker",
    [
        # ", said X" inside the quotation, the rest of the paragraph is the reporter's
        (
            "\u201cThis is a \u2018reform\u2019 in name only, said council member Jan Kowal, who "
            "voted against it. Others agreed.",
            "This is a \u2018reform\u2019 in name only,",
            "Jan Kowal",
        ),
        # ", X said"
        ("Jan Kowal voted no. \u201cWe will appeal, Kowal said. The vote was close.", "We will appeal,", "Jan Kowal"),
        # ", X said in ..."
        ("Jan Kowal voted no. \u201cWe will appeal, Kowal said in a statement.", "We will appeal,", "Jan Kowal"),
        # ", according to X"
        (
            "The city lost. \u201cWe will appeal the ruling, according to a city spokesperson.",
            "We will appeal the ruling,",
            "a city spokesperson (anonymous)",
        ),
    ],
)
def test_unclosed_quotation_ends_at_cue(rest, content, speaker):
    text = PREVIOUS + rest
    q = find_quotes(text)[-1]
    assert q.text == content
    assert q.speaker == speaker  # not the previous speaker (Ana Lima)


def test_unclosed_pair_kind():
    text = "\u201cWe will appeal, Kowal said. Then he left."
    pair = end_at_cue(text, pair_marks(text)[0])
    assert pair.kind == "unclosed" and not pair.balanced
    assert text[pair.start : pair.end] == "We will appeal,"


@pytest.mark.parametrize(
    "text",
    [
        # reported speech inside the quotation: "he said no" is no attribution
        "Ana Lima spoke. \u201cWhen I asked him, he said no and we left.",
        # no cue at all
        "Ana Lima spoke. \u201cCosts rose, taxes rose, and wages fell.",
    ],
)
def test_unclosed_quotation_without_cue_runs_to_paragraph_end(text):
    pair = end_at_cue(text, pair_marks(text)[0])
    assert pair.kind == "open"
    assert pair.end == len(text)


def test_closed_quotation_is_unchanged():
    text = "\u201cWe will appeal, Kowal said, and win,\u201d she said."
    pair = pair_marks(text)[0]
    assert end_at_cue(text, pair) == pair
