"""Reported speech (attributions without quotation marks), canonical speakers and sides on
made-up sentences."""

import pytest

from analysis.article import Article
from analysis.quotes import extract_quotes, find_quotes
from analysis.quotes.report import findings, reported_findings
from analysis.quotes.tables import UNKNOWN_SIDE, direct_and_reported, voice_by


def reported(text):
    return [(q.text, q.speaker, q.cue) for q in find_quotes(text, reported=True) if not q.direct]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Mayor Ana Lima said the bridge would reopen in May.", "the bridge would reopen in May", "Ana Lima"),
        (
            "Mayor Ana Lima said on Monday that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "Ana Lima",
        ),
        (
            "The bridge would reopen in May, Mayor Ana Lima said on Monday.",
            "The bridge would reopen in May",
            "Ana Lima",
        ),
        ("The bridge would reopen in May, said Mayor Ana Lima.", "The bridge would reopen in May", "Ana Lima"),
        ("According to Mayor Ana Lima, the bridge would reopen in May.", "the bridge would reopen in May", "Ana Lima"),
        (
            "The bridge would reopen in May, according to city engineers.",
            "The bridge would reopen in May",
            "city engineers",
        ),
        (
            "Mayor Ana Lima told reporters that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "Ana Lima",
        ),
        (
            "Mayor Ana Lima warned that the bridge would stay closed until May.",
            "the bridge would stay closed until May",
            "Ana Lima",
        ),
        ("The council met, saying the bridge would reopen in May.", None, None),
    ],
)
def test_reported_patterns(text, content, speaker):
    found = reported(text)
    if content is None:
        assert all(c != "the bridge would reopen in May" for c, _, _ in found)
        return
    assert len(found) == 1, found
    got, who, _ = found[0]
    assert got == content
    assert speaker in who


def test_mixed_clause_keeps_both_and_marks_them():
    text = 'Mayor Ana Lima said the new budget plan was "a disaster" for the city.'
    qs = find_quotes(text, reported=True)
    assert [(q.text, q.direct) for q in qs] == [
        ('the new budget plan was "a disaster" for the city', False),
        ("a disaster", True),
    ]
    assert {q.speaker for q in qs} == {"Ana Lima"}


def test_a_clause_mostly_one_quotation_counts_once():
    qs = find_quotes('Ana Lima said it was "a disaster."', reported=True)
    assert [(q.text, q.direct) for q in qs] == [("a disaster.", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Lima did not say whether the bridge would reopen in May.",
        "Ana Lima declined to say when the bridge would reopen.",
        "The delegation opened a second day of talks with its counterparts in the capital.",
        "Ana Lima complained about the slow pace of the repairs on the bridge.",
    ],
)
def test_not_reported_speech(text):
    assert reported(text) == []


def test_described_as():
    assert reported("Police described the attack as a carjacking.")[0][0] == "a carjacking"


def test_coordinated_cues_of_one_source():
    found = reported("Ana Lima said the bridge would reopen in May, noting that the repairs cost less than planned.")
    assert [c for c, _, _ in found] == ["the bridge would reopen in May", "the repairs cost less than planned"]
    assert {w for _, w, _ in found} == {"Ana Lima"}


def test_apostrophe_quotes_and_their_continuation():
    text = (
        "Intro.\n\n''We will reopen the bridge in May,'' Mayor Ana Lima said. ''The repairs "
        "are nearly done.''\n\nThe council did not comment."
    )
    found = reported(text)
    assert [c for c, _, _ in found] == ["We will reopen the bridge in May", "The repairs are nearly done"]
    assert all(w == "Ana Lima" for _, w, _ in found)


def test_speaker_label_paragraph_but_not_a_section_heading():
    found = reported("Ana Lima: The bridge will reopen in May.\n\nENERGY: Oil prices fell two per cent on Monday.")
    assert [(c, w) for c, w, _ in found] == [("The bridge will reopen in May", "Ana Lima")]


def test_unresolved_pronoun_is_never_the_canonical_speaker():
    q = find_quotes("\u201cWe will win,\u201d she said.")[0]
    assert q.speaker is None and q.speaker_mention == "she"


def test_pronoun_takes_the_protagonist_not_a_name_in_passing():
    text = (
        "Ana Lima has led the council since 2019. Lima is running again. She met Tom Ray "
        "of Acme Corp. and Bo Smith. \u201cWe will win,\u201d she said."
    )
    assert find_quotes(text)[-1].speaker == "Ana Lima"


def test_side_from_an_organisation_after_the_name_and_unknown_sides_counted():
    text = (
        "Jane Doe of the Green Party spoke on Monday. \u201cWe will win,\u201d Doe said. "
        "\u201cNot a chance,\u201d said Bob Smith."
    )
    df = extract_quotes(Article.from_text(text, slug="made-up"), None)
    assert list(df["affiliation"].fillna("")) == ["Green Party", ""]
    sides = voice_by(df, "affiliation").set_index("affiliation")
    assert sides.loc[UNKNOWN_SIDE, "words"] == 3 and sides.loc["Green Party", "words"] == 3
    prose = findings(df, 1)
    assert "Green Party 50%; side unknown 50%" in prose
    assert "The first quoted speaker is **Jane Doe** (side Green Party" in prose
    assert "the last is **Bob Smith** (side unknown" in prose


def test_direct_and_reported_side_by_side_shares_add_up():
    text = (
        "Mayor Ana Lima said the bridge would reopen in May. \u201cIt is a good start,\u201d "
        "Lima said. Tom Ray said the repairs had cost far too much money."
    )
    df = extract_quotes(Article.from_text(text, slug="made-up"), None)
    table = direct_and_reported(df, "speaker").set_index("speaker")
    assert table.loc["Ana Lima", "direct_quotes"] == 1 and table.loc["Ana Lima", "reported"] == 1
    assert table.loc["Tom Ray", "direct_quotes"] == 0 and table.loc["Tom Ray", "reported"] == 1
    assert table["share_of_reported_words"].sum() == pytest.approx(1.0, abs=0.002)
    prose = reported_findings(df)
    assert "**2 statements** without them" in prose
    assert "heard only in reported speech: Tom Ray" in prose


def test_no_reported_speech_reads_as_a_sentence():
    df = extract_quotes(Article.from_text("\u201cYes,\u201d said Ana Lima.", slug="m"), None)
    assert reported_findings(df).startswith("- The article reports no statement without")
