"""Noun phrases around cue verbs: the subject before a verb, the speaker after "said".

Works on the tokens of one sentence (quotations masked). No part-of-speech tagger: a phrase is
a name (capitalised words with titles, initials and particles), a pronoun, or a determiner
with a few modifiers and a head noun.
"""

from __future__ import annotations

from .lexicon import (
    ANONYMOUS_NOUNS,
    AUX_ADVERBS,
    CUE_FORMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    NAME_PARTICLES,
    NON_NAME_CAPS,
    ORG_NOUNS,
    PRONOUNS,
    PUBLICATION_WORKS,
    TITLE_WORDS,
)
from .tokens import Token, is_name_token, is_title

SPEAKER_NOUNS = (
    ANONYMOUS_NOUNS
    | TITLE_WORDS
    | DOCUMENT_NOUNS
    | ORG_NOUNS
    | PUBLICATION_WORKS
    | {
        "crowd",
        "audience",
        "public",
        "citizens",
        "people",
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "child",
        "children",
        "kids",
        "family",
        "families",
        "couple",
        "newspaper",
        "magazine",
        "paper",
        "site",
        "website",
        "account",
        "campaign",
        "pope",
        "pontiff",
        "senator",
        "impostor",
        "group",
        "side",
        "parents",
        "victim",
        "victims",
        "neighbor",
        "neighbour",
        "neighbors",
        "democrats",
        "republicans",
        "conservatives",
        "liberals",
        "progressives",
        "democrat",
        "republican",
        "officer",
        "police",
        "court",
        "jury",
        "panel",
        "survey",
        "poll",
        "polls",
        "study",
        "data",
        "figures",
        "filing",
        "ad",
        "ads",
        "sign",
        "signs",
        "chant",
        "message",
        "headline",
        "caption",
    }
)

PREPOSITIONS = {
    "of",
    "for",
    "at",
    "from",
    "with",
    "in",
    "on",
    "to",
    "by",
    "about",
    "into",
    "over",
    "under",
    "than",
    "as",
    "after",
    "before",
    "since",
    "during",
    "against",
    "between",
    "among",
    "through",
    "without",
    "like",
    "near",
    "across",
    "behind",
}
STOP_WORDS = PREPOSITIONS | {
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "if",
    "because",
    "although",
    "though",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "not",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "what",
    "how",
    "there",
    "here",
    "so",
    "then",
    "also",
    "just",
    "very",
    "said",
}
EXTENDING_PREPS = {"for", "of", "at", "with", "from", "in"}
NOMINAL_HEAD_MAX = 5


class Phrase:
    """A noun phrase: token index range [i, j) in the sentence and its text."""

    __slots__ = ("i", "j", "text", "start", "end", "kind")

    def __init__(self, toks: list[Token], i: int, j: int, text: str, kind: str):
        self.i, self.j, self.kind = i, j, kind
        self.start, self.end = toks[i].start, toks[j - 1].end
        self.text = text

    def __repr__(self) -> str:
        return f"Phrase({self.text!r}, {self.kind})"


def _join(text: str, toks: list[Token], i: int, j: int) -> str:
    return text[toks[i].start : toks[j - 1].end]


def _name_run_back(toks: list[Token], j: int) -> int:
    """Index of the first token of the name (with titles) ending at token j-1."""
    i = j
    while i > 0:
        t = toks[i - 1]
        if is_name_token(t) or is_title(t) and i < j:
            i -= 1
        elif t.kind == "P" and t.text in ".-" and i > 1 and toks[i - 2].is_cap and i < j:
            i -= 1  # "Sen." "Mr."
        elif t.lower in NAME_PARTICLES and i > 1 and i < j and toks[i - 2].kind == "W":
            i -= 1
        elif t.kind == "P" and t.text == ")":
            k = i - 1
            while k > 0 and toks[k].text != "(" and i - k < 8:
                k -= 1
            if toks[k].text != "(":
                break
            i = k
        else:
            break
    while i < j and (toks[i].lower in NAME_PARTICLES or toks[i].kind == "P"):
        i += 1
    if i < j and toks[i].text in NON_NAME_CAPS and toks[i].lower != "the":
        i += 1
    return i


def _nominal_back(toks: list[Token], j: int) -> int:
    """First token of a nominal phrase "the rookie defenceman" ending at token j-1, or j."""
    i = j
    while i > 0 and j - i < NOMINAL_HEAD_MAX:
        t = toks[i - 1]
        if t.kind != "W":
            break
        low = t.lower
        if low in DETERMINERS:
            return i - 1
        if low in STOP_WORDS or low in AUX_ADVERBS or low in CUE_FORMS and i < j:
            break
        if t.text in NON_NAME_CAPS:
            break
        i -= 1
    return i


def phrase_before(text: str, toks: list[Token], j: int) -> Phrase | None:
    """The noun phrase ending at token j-1 (a pronoun, a name or a nominal), or None."""
    if j <= 0:
        return None
    last = toks[j - 1]
    if last.kind != "W":
        if last.text == ")":
            i = _name_run_back(toks, j)
            if i < j:
                return _make(text, toks, i, j)
        return None
    if last.lower in PRONOUNS:
        if last.lower in {"his", "her", "its", "their", "him", "them"}:
            return None
        return Phrase(toks, j - 1, j, last.text, "pronoun")
    if last.lower in STOP_WORDS or last.lower in AUX_ADVERBS:
        return None
    if last.text.endswith(("'s", "\u2019s")) and last.is_cap:
        return None
    i = _name_run_back(toks, j) if is_name_token(last) or is_title(last) else j
    if i == j:
        i = _nominal_back(toks, j)
        # capitalised modifiers before a nominal: "U.S. officials", "Leaked Acme documents"
        while i > 0 and (
            is_name_token(toks[i - 1]) or toks[i - 1].text.endswith(("'s", "\u2019s")) and toks[i - 1].is_cap
        ):
            i -= 1
        if i < j and toks[i].text in NON_NAME_CAPS and toks[i].lower not in DETERMINERS:
            i += 1
    if i >= j:
        return None
    i = _extend_left(toks, i)
    return _make(text, toks, i, j)


def _extend_left(toks: list[Token], i: int) -> int:
    """Include "a spokesperson for" in front of "the camp"."""
    if i >= 2 and toks[i - 1].lower in EXTENDING_PREPS:
        k = _nominal_back(toks, i - 1)
        if k < i - 1 and (
            is_title(toks[i - 2])
            or toks[i - 2].lower in {"member", "members", "head", "one", "some", "many", "part", "group"}
        ):
            k2 = k
            while k2 > 0 and is_name_token(toks[k2 - 1]):
                k2 -= 1
            return k2
    return i


def plausible_speaker(ph: Phrase | None) -> bool:
    """A name, a pronoun, or a nominal whose head can speak ("the official", "the statement")."""
    if ph is None:
        return False
    if ph.kind != "nominal" and not ph.kind.startswith("nominal"):
        return True
    head = ph.text.split()[-1].lower().strip(".,")
    return (
        head in SPEAKER_NOUNS
        or head.endswith(("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents"))
        and head
        not in {
            "number",
            "numbers",
            "order",
            "border",
            "matter",
            "letter",
            "percent",
            "president's",
            "government's",
            "center",
            "quarter",
        }
        or head in {"letter", "order"}
    )


def _make(text: str, toks: list[Token], i: int, j: int) -> Phrase:
    kind = "name" if any(is_name_token(t) for t in toks[i:j]) else "nominal"
    return Phrase(toks, i, j, _join(text, toks, i, j), kind)


def skip_back(toks: list[Token], j: int, lo: int = 0) -> int:
    """Move j left over auxiliaries and adverbs standing between a subject and its verb."""
    while (
        j > lo
        and toks[j - 1].kind == "W"
        and (
            toks[j - 1].lower in AUX_ADVERBS
            or toks[j - 1].lower.endswith("ly")
            and toks[j - 1].text.islower()
            and toks[j - 1].lower not in {"only", "early"}
        )
    ):
        j -= 1
    return j


def subject_before(text: str, toks: list[Token], v: int, lo: int = 0) -> Phrase | None:
    """Subject of the verb at token v: skips adverbs, appositions (", the X of Y,") and
    reduced relatives ("documents reviewed by X reveal")."""
    j = skip_back(toks, v, lo)
    for _ in range(3):
        if j > lo and toks[j - 1].text == ",":
            k = j - 2
            while k > lo and toks[k].text not in {",", ";", ":", "\u2014", "(", "Q"} and j - k < 30:
                k -= 1
            if k > lo and toks[k].text == "," and j - k >= 2:
                seg = toks[k + 1]
                if seg.kind == "W" and (seg.text[:1].islower() or seg.lower in DETERMINERS or seg.text[:1].isdigit()):
                    j = k
                    continue
                # "Another delegate on the slate, Jim Poolman, said": the name in apposition
                name = phrase_before(text, toks, j - 1)
                if name is not None and name.kind == "name" and name.i == k + 1:
                    # "Jane Doe, Minister of Health, said": the person, not the title
                    if is_title(toks[k + 1]):
                        person = phrase_before(text, toks, k)
                        if (
                            person is not None
                            and person.kind == "name"
                            and person.i >= lo
                            and not is_title(toks[person.i])
                            or person is not None
                            and person.kind == "name"
                            and person.j - person.i > 1
                        ):
                            return person
                    return name
            return None
        break
    if j <= lo:
        return None
    ph = phrase_before(text, toks, j)
    if ph is None or ph.i < lo:
        return None
    # "X reviewed by the agency reveal": the agent belongs to a reduced relative clause
    b = ph.i - 1 if ph.i >= 1 and toks[ph.i - 1].lower == "the" else ph.i
    if b >= 2 and toks[b - 1].lower == "by" and toks[b - 2].lower.endswith("ed"):
        outer = phrase_before(text, toks, b - 2)
        if outer is not None and outer.i >= lo:
            outer.kind += "+agent:" + str(ph.i)
            return outer
    if ph.kind == "pronoun" and ph.text.lower() == "who":
        k = ph.i
        if k >= 2 and toks[k - 1].text == ",":
            return phrase_before(text, toks, k - 1)
        return phrase_before(text, toks, k)
    return ph


def phrase_after(text: str, toks: list[Token], i: int) -> Phrase | None:
    """The noun phrase starting at token i ("said Oilers head coach Ken Hitchcock")."""
    n = len(toks)
    if i >= n or toks[i].kind != "W":
        return None
    t = toks[i]
    if t.lower in PRONOUNS and t.lower not in {"his", "her", "its", "their"}:
        return Phrase(toks, i, i + 1, t.text, "pronoun")
    j = i
    while j < n and j - i < 12:
        tj = toks[j]
        if tj.kind == "W" and (
            tj.lower in DETERMINERS
            and j == i
            or is_name_token(tj)
            or is_title(tj)
            or tj.lower in NAME_PARTICLES
            and j > i
            or tj.text.islower()
            and tj.lower not in STOP_WORDS
            and tj.lower not in CUE_FORMS
            and tj.lower not in AUX_ADVERBS
        ):
            j += 1
        elif tj.text in {".", "-"} and j > i and toks[j - 1].is_cap and j + 1 < n and toks[j + 1].is_cap:
            j += 1
        elif tj.text == "(":
            k = j
            while k < n and toks[k].text != ")" and k - j < 8:
                k += 1
            if k < n and toks[k].text == ")":
                j = k + 1
            else:
                break
        elif (
            tj.lower in EXTENDING_PREPS
            and j > i
            and j + 1 < n
            and (toks[j + 1].lower in DETERMINERS or is_name_token(toks[j + 1]))
            and all(is_title(x) or x.lower in DETERMINERS for x in toks[i:j])
        ):
            j += 1
        else:
            break
    if j == i:
        return None
    while j > i and (toks[j - 1].lower in DETERMINERS or toks[j - 1].lower in EXTENDING_PREPS):
        j -= 1
    if j == i:
        return None
    return _make(text, toks, i, j)
