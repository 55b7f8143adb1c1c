"""Attribution rules on small made-up sentences (no real article)."""

import pytest

from analysis.article import Article
from analysis.quotes import extract_quotes, find_quotes


def speakers(text):
    return [(q.text, q.speaker, q.speaker_mention) for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"We will win," said Mayor Jane Okafor.', "Jane Okafor"),
        ('"We will win," Jane Okafor said on Monday.', "Jane Okafor"),
        ("Jane Okafor told reporters that the plan was \u201ca disaster.\u201d", "Jane Okafor"),
        ("Jane Okafor, the city's mayor, said the plan was \u201ca disaster.\u201d", "Jane Okafor"),
        ("According to Jane Okafor, the plan is \u201ca disaster.\u201d", "Jane Okafor"),
        ("Jane Okafor described the plan as \u201ca disaster.\u201d", "Jane Okafor"),
        ("The plan, as Jane Okafor put it, is a \u201cdisaster\u201d and worse, as Jane Okafor said.", "Jane Okafor"),
    ],
)
def test_cue_patterns(text, speaker):
    assert speakers(text)[0][1] == speaker


def test_title_and_nationality_give_affiliation():
    q = find_quotes("Ruritanian Prime Minister Jan Kowal called it \u201ca win.\u201d")[0]
    assert q.speaker == "Jan Kowal" and q.speaker_type == "person"
    q = find_quotes("French Prime Minister Jan Kowal called it \u201ca win.\u201d")[0]
    assert q.affiliation == "France government"


def test_organisation_in_title():
    q = find_quotes("Greenpeace spokesperson Ana Lima told the BBC that it was \u201cunacceptable.\u201d")[0]
    assert q.speaker == "Ana Lima" and q.affiliation == "Greenpeace"
    assert q.channel == "BBC"


def test_pronoun_resolves_to_last_named_person():
    text = "Mayor Jane Okafor spoke on Monday. She said the plan was \u201ca disaster.\u201d"
    q = find_quotes(text)[0]
    assert q.speaker == "Jane Okafor" and q.speaker_mention == "She"


def test_statement_resolves_to_organisation():
    text = (
        "The advocacy group Clearwater issued a statement on Friday. "
        "\u201cThis is wrong,\u201d the group said.\n"
        "The statement urged \u201call members to protest.\u201d"
    )
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["Clearwater", "Clearwater"]
    assert qs[1].speaker_mention == "The statement" and qs[1].channel == "statement"


def test_anonymous_officials():
    q = find_quotes("Ruritanian officials, speaking anonymously, said the deal was \u201cdone.\u201d")[0]
    assert q.speaker_type == "anonymous" and q.speaker.endswith("(anonymous)")


def test_possessive_slogan_and_echo():
    text = (
        "Senator Ana Lima wrote that voters want \u201ca fair deal for all.\u201d\n"
        "For Lima, it is a win, bolstering her slogan of \u201cjobs first\u201d.\n"
        "The question is whether the \u201cfair deal\u201d will last."
    )
    qs = find_quotes(text)
    assert [q.speaker for q in qs] == ["Ana Lima"] * 3
    assert qs[1].kind == "slogan" and qs[1].speaker_mention == "her"
    assert qs[2].kind == "echo"


def test_unattributed_scare_quote():
    q = find_quotes("The so-called \u201cexperts\u201d were wrong.")[0]
    assert q.speaker is None and q.kind == "scare"


def test_continuation_paragraph_in_made_up_article():
    text = (
        "Budget talks stalled on Tuesday.\n"
        "\u201cWe are not going to sign this,\u201d said union leader Tom Ferris. "
        "\u201cNot today.\n"
        "\u201cNot next week either,\u201d he added.\n"
        "\u201cAnd we will strike.\u201d\n"
        "The city did not respond."
    )
    df = extract_quotes(Article.from_text(text, slug="made-up"), speakers_file=None)
    assert list(df["speaker"]) == ["Tom Ferris"] * 3
    assert df.loc[1, "text"].startswith("Not today.") and df.loc[1, "text"].endswith("either,")
    assert list(df["paragraph"]) == [1, 1, 3]
    assert list(df.columns) == [
        "quote_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_mention",
        "speaker_type",
        "affiliation",
        "cue",
        "channel",
        "kind",
        "paragraph",
        "direct",
    ]
    assert df["direct"].all()
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
