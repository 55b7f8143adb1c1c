"""Attribution rules found by error analysis on benchmark training text, checked on small
made-up sentences (no real article)."""

import pytest

from analysis.quotes import find_quotes


def first(text):
    q = find_quotes(text)[0]
    return q.speaker, q.speaker_mention, q.rule


@pytest.mark.parametrize(
    "text, speaker, rule",
    [
        # no cue verb: the subject of the main clause, after an introductory phrase
        (
            "Jane Okafor spoke in Lagos on Monday. Earlier this week, Okafor shared her worry with "
            "donors, \u201cWe cannot wait for the next budget to fix this.\u201d",
            "Jane Okafor",
            "main-subject",
        ),
        # a cue later in the sentence after a comma: "..., said X"
        (
            "The vote signals \u201cthe beginning of the end\u201d for the bloc, said Jan Kowal, a senator.",
            "Jan Kowal",
            "later-said-X",
        ),
        # sentence-initial inversion "Said X, ..."
        ("Said Ana Lima, who grew up nearby, \u201cWe were all so proud of him.\u201d", "Ana Lima", "said-X"),
        # reported speech inside reported speech: the outer speaker
        ("Jan Kowal said Ana Lima called the plan \u201ca starting point for talks.\u201d", "Jan Kowal", "outer-cue"),
        # a name in apposition to a nominal subject
        (
            "Another delegate on the slate, Jan Kowal, said he was only \u201cleaning left.\u201d",
            "Jan Kowal",
            "subject-cue",
        ),
        # a source relaying the words: "according to X" after the cue
        (
            "\u201cThey do not care about politics,\u201d Jan Kowal said, according to a pool report.",
            "pool report",
            "according-to",
        ),
    ],
)
def test_rules(text, speaker, rule):
    got_speaker, _, got_rule = first(text)
    assert got_rule == rule
    assert speaker in got_speaker


def test_sentence_initial_word_seen_once_is_no_speaker():
    # "Controversy" is capitalised only because it starts the sentence: no main-subject guess
    qs = find_quotes(
        "Controversy erupted after the envoy's remarks about a \u201cquite strong "
        "case against the extradition request.\u201d"
    )
    assert qs[0].speaker is None


def test_relative_pronoun_kept_as_mention():
    q = find_quotes("Jan Kowal met Ana Lima, who called the plan \u201ca disaster.\u201d")[0]
    assert q.speaker == "Ana Lima" and q.speaker_mention == "who"


def test_markup_attribute_values_are_not_quotations():
    text = '<tweet id="123" author="@someone">Great day.</tweet> Jan Kowal said "yes."'
    assert [q.text for q in find_quotes(text)] == ["yes."]


@pytest.mark.parametrize(
    "text, cue",
    [
        # a particle right after the verb belongs to the cue
        ("Jan Kowal called for calm to \u201ckeep the peace.\u201d", "called for"),
        ("Ana Lima stated that the budget, after months of talks, \u201cis dead.\u201d", "stated that"),
        # a "that" ends the cue: what follows it is the reported clause
        ("Jan Kowal told Reuters that the plan \u201cis dead.\u201d", "told Reuters that"),
        ("Ana Lima described the deal as \u201ca win.\u201d", "described the deal as"),
    ],
)
def test_cue_words(text, cue):
    assert find_quotes(text)[0].cue == cue


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "according to X" right after the closing mark, with no cue before the quotation
        (
            "The ruling covers \u201call records held by the office,\u201d according to Clearwater Watch.",
            "Clearwater Watch",
        ),
        # ... but a speaker before the quotation wins over the outlet relaying it
        ("Jan Kowal said costs could \u201cdouble by next year,\u201d according to Reuters.", "Jan Kowal"),
    ],
)
def test_according_to_after_quotation(text, speaker):
    assert find_quotes(text)[0].speaker == speaker


def test_show_title_after_bare_possessive_is_a_title():
    text = "\u201cWe will not back down,\u201d Jan Kowal said on the network\u2019 \u201cMorning Edition.\u201d"
    qs = find_quotes(text)
    assert qs[0].speaker == "Jan Kowal"
    assert qs[1].kind == "title"


@pytest.mark.parametrize(
    "mention, name, type_",
    [
        ("Ana Lima\u2019 commentary", "Ana Lima", "person"),  # a person's possessive + commentary
        ("Jan Kowal's column", "Jan Kowal", "person"),
        ("Kowal's op-ed", "Jan Kowal", "person"),  # resolves to the registered person
        ("The Daily Ledger's editorial", "Daily Ledger", "publication"),  # an outlet's editorial
        ("a Reuters analysis", "Reuters", "publication"),
    ],
)
def test_possessive_publication_heads(mention, name, type_):
    from analysis.quotes.speakers import Registry

    text = "Jan Kowal and Ana Lima wrote about it. " + mention + " said more."
    sp = Registry(text).resolve(mention, len(text) - 10, "nominal")
    assert (sp.name, sp.type) == (name, type_)
