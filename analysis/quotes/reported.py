"""Reported speech: attributions without quotation marks (or only partly inside them).

Works sentence by sentence on the text with every quotation masked (`tokens.mask_quotes`), so
a quoted piece inside a reported clause is one token and the clause is a *mixed* attribution.
Patterns, tried in this order for each sentence:
1. "According to X, CONTENT." and "CONTENT, according to X.";
2. "CONTENT, X said (on Monday)." / "CONTENT, said X." (the cue and speaker end the sentence);
3. "X said (that) CONTENT.", "X told Y (that) CONTENT.", "X argued / warned / denied that
   CONTENT" (the first cue verb with a plausible subject);
4. "CONTENT, X said, CONTENT." (a parenthetical cue in the middle of the sentence).
A sentence whose content would be a single quotation is left to the direct-quote rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribute import _DATELINE, _is_cue, _main_subject
from .lexicon import (
    AS_CUES,
    CUE_FORMS,
    DETERMINERS,
    HEADLINE_CUES,
    NAME_JOINERS,
    NEGATIONS,
    NOT_CLAUSE_AFTER,
    NOT_SPEAKER_LABELS,
    OBJECT_CUES,
    PARTICIPLE_CUES,
    QUOTED_ONLY_CUES,
    THAT_CUES,
    TIME_WORDS,
    WEAK_CUES,
)
from .phrases import STOP_WORDS, Phrase, phrase_after, phrase_before, plausible_speaker, subject_before
from .tokens import Token, is_title, tokenize

MIN_CONTENT_WORDS = 3
SOURCE_BREAKS = {",", ";", "\u2014", "\u2013", "--"}  # where a second source may start
SOURCE_REACH = 7  # tokens from a break to the second source's cue
AS_REACH = 12  # tokens between "described X" and "as"
HEADLINE_SOURCE_MAX = 6
ACCORDING_MAX = 25  # tokens of an "according to" source
SPEAKER_LABEL_MAX = 8  # tokens of a "Name:" label opening a paragraph
APOSTROPHES = {"'", "\u2019", "\u2018", "`"}
# a sentence opened with two apostrophes (or backticks), the ASCII stand-in for a double mark
_APOSTROPHE_WRAPPED = re.compile(r"(?:''|``|\u2018\u2018)\s*(.+?)[\s,.]*(?:''|\u2019\u2019)?[\s.]*$", re.DOTALL)
# plural heads that do not report ("the results", "the numbers" are handled as documents)
NOT_SPEAKER_HEADS = {
    "years",
    "days",
    "weeks",
    "months",
    "times",
    "things",
    "numbers",
    "this",
    "its",
    "his",
    "was",
    "is",
    "has",
    "does",
    "as",
    "us",
}
QUOTE_MARKS = {'"', "\u201d", "\u201c", "\u00bb"}
TAIL_MAX = 10  # tokens after the cue of a sentence-final "..., X said on Monday in Ottawa."
END_PUNCT = {".", "!", "?", ";", ":"}
CLAUSE_OPENERS = {
    ",",
    "and",
    "but",
    "that",
    ";",
    ":",
    "\u2014",
    "\u2013",
    "so",
    "yet",
    "while",
    "because",
    "as",
    "when",
    "although",
    "though",
    "since",
    "after",
    "before",
}
# "to" after "according": its object; ". " tokens that may follow the cue of a final attribution
_TAIL_WORDS = TIME_WORDS | {
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "from",
    "with",
    "of",
    "by",
    "for",
    "the",
    "a",
    "an",
    "this",
    "last",
    "late",
    "early",
    "earlier",
    "later",
    "also",
    "recently",
    "previously",
    "interview",
    "statement",
    "news",
    "conference",
    "release",
    "email",
    "phone",
    "speech",
    "post",
    "tweet",
    "told",
    "reporters",
}


_CUE_WORDS = frozenset(CUE_FORMS) | THAT_CUES | WEAK_CUES | {"according"}
_LOWER_WORD = re.compile(r"[a-z]+")


@dataclass
class Reported:
    """One reported attribution: content offsets, speaker phrase and cue."""

    start: int
    end: int
    mention: str
    mention_start: int
    mention_kind: str
    cue: str
    rule: str
    sentence: tuple[int, int]


def _words(toks: list[Token]) -> int:
    return sum(1 for t in toks if t.kind == "W")


def _content_start(toks: list[Token], s0: int, masked: str) -> int:
    """Index of the first content token: after a dateline and a leading conjunction."""
    i = 0
    sent = masked[toks[0].start : toks[-1].end] if toks else ""
    m = _DATELINE.match(sent)
    if m:
        while i < len(toks) and toks[i].start < toks[0].start + m.end():
            i += 1
    return i


def _trim_end(toks: list[Token], j: int) -> int:
    """Drop punctuation (not a quotation) before index j."""
    while j > 0 and toks[j - 1].kind == "P" and toks[j - 1].text not in {")", "%"}:
        j -= 1
    return j


def _trim_start(toks: list[Token], i: int, j: int) -> int:
    while i < j and toks[i].kind == "P" and toks[i].text not in {"(", "$"}:
        i += 1
    return i


def _span(toks: list[Token], i: int, j: int, min_words: int = MIN_CONTENT_WORDS) -> tuple[int, int] | None:
    """Character span of content tokens [i, j), None when it is too short or only a quote."""
    i = _trim_start(toks, i, j)
    j = _trim_end(toks, j)
    if j <= i:
        return None
    body = toks[i:j]
    if _words(body) < min_words and not any(t.kind == "Q" for t in body):
        return None
    if all(t.kind != "W" for t in body):
        return None  # the content is one quotation: a direct quote
    start, end = body[0].start, body[-1].end
    if body[0].kind == "Q" and i > 0 and toks[i - 1].text in QUOTE_MARKS:
        start = toks[i - 1].start  # a clause opening with a quotation: include its mark
    if body[-1].kind == "Q":  # a mixed clause ending in a quotation: include its closing mark
        k = j
        while k < len(toks) and toks[k].kind == "P" and toks[k].text in ".,!?":
            k += 1
        if k < len(toks) and toks[k].text in QUOTE_MARKS:
            end = toks[k].end
    return start, end


def _headline(text: str, toks: list[Token], i0: int, sent) -> Reported | None:
    """A title-case headline "Jane Doe Says The Plan Will Fail": the words before the
    capitalised cue speak."""
    words = [t for t in toks[i0:] if t.kind == "W"]
    if len(words) < 4 or sum(t.is_cap or not t.text.isalpha() for t in words) < 0.8 * len(words):
        return None
    for k in range(i0 + 1, min(len(toks) - 2, i0 + HEADLINE_SOURCE_MAX + 1)):
        t = toks[k]
        if t.is_cap and t.lower in CUE_FORMS and not t.lower.endswith("ing") and CUE_FORMS[t.lower] in HEADLINE_CUES:
            j = k + 2 if toks[k + 1].lower == "that" else k + 1
            span = _span(toks, j, len(toks))
            if span is None or not all(x.kind == "W" or x.text in ".'\u2019-" for x in toks[i0:k]):
                return None
            mention = text[toks[i0].start : toks[k - 1].end]
            return Reported(span[0], span[1], mention, toks[i0].start, "name", t.text, "headline", sent)
    return None


def _according_first(text: str, toks: list[Token], i0: int, sent) -> Reported | None:
    """ "According to X, CONTENT." at the start of the sentence."""
    i = i0
    if i < len(toks) and toks[i].lower in {"but", "and", "yet"}:
        i += 1
    if not (i + 2 < len(toks) and toks[i].lower == "according" and toks[i + 1].lower == "to"):
        return None
    ph = phrase_after(text, toks, i + 2)
    if ph is None:
        return None
    c = next((k for k in range(ph.j, len(toks)) if toks[k].text == ","), None)
    if c is None or c - ph.j > ACCORDING_MAX:
        return None
    span = _span(toks, c + 1, len(toks))
    if span is None:
        return None
    return Reported(
        span[0],
        span[1],
        text[ph.start : toks[c - 1].end] if c > ph.j else ph.text,
        ph.start,
        ph.kind,
        "according to",
        "according-to",
        sent,
    )


def _final_attribution(text: str, toks: list[Token], i0: int, sent) -> Reported | None:
    """ "CONTENT, X said (tail)." / "CONTENT, said X." / "CONTENT, according to X."."""
    n = _trim_end(toks, len(toks))
    for c in range(n - 2, i0, -1):
        if toks[c].text not in {",", "\u2014", "\u2013"}:
            continue
        if n - c > ACCORDING_MAX + 3:
            break
        k = c + 1
        while k < n and toks[k].text in APOSTROPHES:  # ''...,'' he said (two apostrophes)
            k += 1
        att = _tail(text, toks, k, n)
        if att is None:
            continue
        ph, cue = att
        span = _span(toks, i0, c)
        if span is None:
            return None
        return Reported(span[0], span[1], ph.text, ph.start, ph.kind, cue, "final-cue", sent)
    return None


def _tail(text: str, toks: list[Token], i: int, n: int) -> tuple[Phrase, str] | None:
    """Speaker and cue of a final attribution filling toks[i:n] (with a short tail)."""
    t = toks[i]
    if t.lower == "according" and i + 1 < n and toks[i + 1].lower == "to":
        ph = phrase_after(text, toks, i + 2)
        if ph is None or n - ph.j > ACCORDING_MAX:
            return None
        if ph.j < n:  # "according to a count by The Associated Press": the whole source
            ph = Phrase(toks, ph.i, n, text[ph.start : toks[n - 1].end], ph.kind)
        return ph, "according to"
    if t.kind == "W" and t.lower in CUE_FORMS and t.text.islower() and not t.lower.endswith("ing"):
        k = i + 1
        while k < n and toks[k].lower in {"also", "then", "later", "again"}:
            k += 1
        ph = phrase_after(text, toks, k)
        if ph is not None and plausible_speaker(ph) and _tail_ok(toks, ph.j, n, loose=True):
            return ph, t.text
        return None
    for v in range(i + 1, min(n, i + 14)):
        tv = toks[v]
        if tv.kind != "W":
            if tv.text in {"(", ")", ".", "-"} or tv.text == "," and v + 1 < n:
                continue
            return None
        if (
            tv.lower in CUE_FORMS
            and tv.text.islower()
            and not tv.lower.endswith("ing")
            and _reported_cue(toks, v)
            or tv.lower in THAT_CUES
            and v + 1 == n
        ):
            ph = subject_before(text, toks, v, lo=i)
            if (
                ph is None
                or not plausible_speaker(ph)
                or ph.i != i
                and not all(is_title(x) or x.text == "." for x in toks[i : ph.i])
            ):
                return None
            if not _tail_ok(toks, v + 1, n):
                return None
            return ph, tv.text
    return None


def _tail_ok(toks: list[Token], j: int, n: int, loose: bool = False) -> bool:
    """What follows the cue and speaker is a short adverbial ("on Monday", "in a statement")
    or a relative clause after a comma (loose: ", who ...")."""
    if n - j > TAIL_MAX:
        return loose and j < n and toks[j].text == ","
    for t in toks[j:n]:
        if t.kind == "W" and not (t.lower in _TAIL_WORDS or t.is_cap or t.text[:1].isdigit()):
            return loose and toks[j].text == ","
    return True


def _left_cue(text: str, toks: list[Token], i0: int, sent) -> Reported | None:
    """ "X said (that) CONTENT": the first finite cue whose subject opens a clause."""
    n = _trim_end(toks, len(toks))
    for k in range(i0 + 1, n - 1):
        t = toks[k]
        if t.kind == "W" and t.lower in PARTICIPLE_CUES and toks[k - 1].text == ",":
            rep = _participle(text, toks, i0, k, n, sent)
            if rep is not None:
                return rep
            continue
        if t.kind != "W" or t.lower.endswith("ing") or not t.text.islower():
            continue
        if not (
            _reported_cue(toks, k)
            or t.lower in THAT_CUES
            and toks[k + 1].lower == "that"
            or _weak_cue_with_clause(toks, k, i0)
        ):
            continue
        if (
            _negated(toks, k, i0)
            or toks[k + 1].lower in NOT_CLAUSE_AFTER
            and not (k + 2 < n and toks[k + 2].text[:1].isdigit())
        ):  # "says about 550 students"
            continue
        ph = subject_before(text, toks, k, lo=i0)
        if ph is None or not _plausible(ph):
            continue
        relative = ph.j < k and toks[ph.j].lower == "who"  # "veteran MPs who say ..."
        if not relative and not _opens_clause(toks, i0, ph.i):
            ph = _person_before_place(text, toks, i0, ph)
            if ph is None:
                continue
        j = _after_cue(text, toks, k, n)
        if j is None:
            continue
        end = n
        fin = _final_attribution(text, toks[:n], j, sent)
        if fin is not None:
            return None  # "X said Y, Z said": the final cue decides
        end = _clause_end(toks, j, end)
        if toks[j].lower in {"who", "which", "whose", "whom"}:
            return None
        min_words = MIN_CONTENT_WORDS
        if CUE_FORMS.get(t.lower) in AS_CUES:  # "described his attempt as a carjacking"
            after_as = next((m + 1 for m in range(j, min(end - 1, j + AS_REACH)) if toks[m].lower == "as"), None)
            if after_as is not None:
                j, min_words = after_as, 1
        span = _span(toks, j, end, min_words)
        if span is None:
            return None
        return Reported(
            span[0],
            span[1],
            ph.text,
            ph.start,
            ph.kind,
            text[t.start : toks[j - 1].end] if j - 1 > k and toks[j - 1].lower == "that" else t.text,
            "left-cue",
            sent,
        )
    return None


def _participle(text: str, toks: list[Token], i0: int, k: int, n: int, sent) -> Reported | None:
    """ "X did Y, saying (that) CONTENT": the subject of the main clause."""
    ph = None
    for v in range(k - 1, i0, -1):  # '"...," he said, adding that ...': the finite cue's subject
        if toks[v].kind == "W" and toks[v].text.islower() and _is_cue(toks, v) and not toks[v].lower.endswith("ing"):
            ph = subject_before(text, toks, v, lo=i0)
            if ph is None and toks[v - 1].text == ",":
                ph = phrase_after(text, toks, v + 1)  # '"...," said Jane Doe, adding'
            break
    if ph is None and k > i0:
        ph = _main_subject(text, toks[:k], k)
    if ph is None or ph.i < i0 or not _plausible(ph):
        return None
    j = k + 2 if k + 1 < n and toks[k + 1].lower == "that" else k + 1
    span = _span(toks, j, _clause_end(toks, j, n))
    if span is None:
        return None
    return Reported(span[0], span[1], ph.text, ph.start, ph.kind, toks[k].text, "participle", sent)


def _weak_cue_with_clause(toks: list[Token], k: int, i0: int) -> bool:
    """A weak cue ("report", "state") right after the sentence's subject and before a clause
    that opens with a name or a pronoun ("Aid groups report Gaza's crisis persists")."""
    if toks[k].lower not in WEAK_CUES or CUE_FORMS.get(toks[k].lower) in QUOTED_ONLY_CUES:
        return False
    nxt = toks[k + 1]
    return (
        nxt.kind == "W"
        and (nxt.is_cap and nxt.lower not in DETERMINERS or nxt.lower in {"he", "she", "they", "it", "we", "i"})
        and k - i0 <= 4
    )


def _reported_cue(toks: list[Token], k: int) -> bool:
    """A cue verb that can introduce unquoted reported speech."""
    return _is_cue(toks, k) and CUE_FORMS[toks[k].lower] not in QUOTED_ONLY_CUES


def _negated(toks: list[Token], k: int, lo: int) -> bool:
    """A cue that is negated or declined ("did not say", "won't say", "declined to say")."""
    for t in toks[max(lo, k - 3) : k]:
        if t.lower in NEGATIONS or t.lower.endswith(("n't", "n\u2019t")):
            return True
    return False


def _plausible(ph: Phrase) -> bool:
    """A subject that can report: a name, a pronoun, a speaking nominal or a plural noun
    ("refugee advocates")."""
    if plausible_speaker(ph):
        return True
    head = ph.text.split()[-1].lower()
    return (
        ph.kind.startswith("nominal")
        and head.endswith("s")
        and not head.endswith("ss")
        and head not in NOT_SPEAKER_HEADS
    )


def _person_before_place(text: str, toks: list[Token], i0: int, ph: Phrase) -> Phrase | None:
    """ "Professor Kent Moore at the University of Toronto says": the name before the place
    or organisation phrase is the subject."""
    i = ph.i - 1
    if i > i0 and toks[i].lower == "the":
        i -= 1
    if i <= i0 or toks[i].lower not in {"at", "of", "from", "with", "for"}:
        return None
    person = phrase_before(text, toks, i)
    if person is None or person.kind != "name" or not _opens_clause(toks, i0, person.i):
        return None
    return person


def _opens_clause(toks: list[Token], i0: int, i: int) -> bool:
    """Whether a subject starting at token i opens a clause: at the start, after a comma or a
    conjunction, or after modifiers only ("Toronto guard Norman Powell")."""
    while i > i0 and (is_title(toks[i - 1]) or toks[i - 1].text == "."):
        i -= 1  # "Mr. Schmidt" (the phrase may start after the title)
    if i == i0 or toks[i - 1].lower in CLAUSE_OPENERS:
        return True
    return all(
        t.kind == "W"
        and t.lower not in STOP_WORDS
        and t.lower not in CUE_FORMS
        and not (t.text.islower() and t.lower.endswith("ed"))
        for t in toks[i0:i]
    )


def _clause_end(toks: list[Token], j: int, n: int) -> int:
    """End of a reported clause: before ", which" (the writer's comment), a semicolon, a
    second cue (", noting that", "and said", "and alleges that") or a parenthesis."""
    for m in range(j + 1, n - 1):
        t, nxt = toks[m], toks[m + 1]
        if t.text == ";" or t.text == "," and nxt.lower in {"which"} | PARTICIPLE_CUES:
            return m
        if (
            t.lower in {"and", "but"}
            and nxt.kind == "W"
            and nxt.text.islower()
            and nxt.lower in CUE_FORMS
            and not nxt.lower.endswith("ing")
            and CUE_FORMS[nxt.lower] not in QUOTED_ONLY_CUES
        ):
            return m
        if (
            t.lower in {"and", "but"}
            and nxt.lower in {"then", "also", "later"}
            and m + 2 < n
            and toks[m + 2].lower in CUE_FORMS
        ):
            return m
        if t.text in SOURCE_BREAKS and m > j + 2 and _new_source(toks, m + 1, n):
            return m
    return n


def _new_source(toks: list[Token], i: int, n: int) -> bool:
    """Another source starts at token i: "(but) the hereditary leaders say ..."."""
    if i < n and toks[i].lower in {"but", "and", "while", "yet"}:
        i += 1
    for v in range(i + 1, min(n, i + SOURCE_REACH)):
        t = toks[v]
        if t.kind != "W" or t.lower in STOP_WORDS and t.lower not in {"of"}:
            return False
        if t.text.islower() and t.lower in CUE_FORMS and not t.lower.endswith("ing") and _is_cue(toks, v):
            return True
    return False


def _after_cue(text: str, toks: list[Token], k: int, n: int) -> int | None:
    """Index where the content of the cue at k begins: after "that", an object ("told
    reporters that"), a time or place ("said Monday that", "said in a statement that")."""
    j = k + 1
    lemma = CUE_FORMS.get(toks[k].lower, "")
    if j < n and toks[j].lower in {"that", ":"}:
        return j + 1
    if j < n and toks[j].lower == ",":
        return None
    # "said on Monday that", "told reporters on Tuesday that", "said in a statement that"
    for m in range(j, min(n, j + 9)):
        if toks[m].lower == "that":
            between = toks[j:m]
            if all(
                b.kind == "W"
                and (b.lower in _TAIL_WORDS or b.is_cap or b.text[:1].isdigit() or lemma in OBJECT_CUES)
                or b.text in {",", "."}
                for b in between
            ):
                return m + 1
            break
        if toks[m].kind != "W" and toks[m].text not in {",", "."}:
            break
    if lemma in OBJECT_CUES:
        ph = phrase_after(text, toks, j)
        if ph is not None:
            return ph.j + 1 if ph.j < n and toks[ph.j].lower == "that" else ph.j
    if j < n and toks[j].lower in {"to", "by", "for", "with"} and lemma not in {"say"}:
        return None
    return j


def _parenthetical(text: str, toks: list[Token], i0: int, sent) -> Reported | None:
    """ "CONTENT, X said, CONTENT.": a cue set off by commas inside the sentence."""
    n = _trim_end(toks, len(toks))
    for c in range(i0 + 1, n - 3):
        if toks[c].text != ",":
            continue
        c2 = next((m for m in range(c + 2, min(n, c + 12)) if toks[m].text == ","), None)
        if c2 is None:
            continue
        att = _tail(text, toks, c + 1, c2)
        if att is None:
            continue
        ph, cue = att
        if _words(toks[i0:c]) + _words(toks[c2 + 1 : n]) < MIN_CONTENT_WORDS:
            return None
        span = _span(toks, i0, n)
        if span is None:
            return None
        return Reported(span[0], span[1], ph.text, ph.start, ph.kind, cue, "parenthetical", sent)
    return None


def find_reported(text: str, masked: str, model) -> list[Reported]:
    """Reported attributions of a text (`model`: its `text.TextModel`), in order."""
    out: list[Reported] = []
    last_end = -1  # end of the sentence of the latest attribution (or its continuation)
    for (a, b), sentences in zip(model.paragraphs, model.by_paragraph):
        found = []
        for s0, s1 in sentences:
            rep = _attribution(text, masked, s0, s1, model)
            if rep is None and (found or out) and _adjacent(masked, last_end, s0):
                rep = _continuation(masked, s0, s1, (found or out)[-1])
            if rep is not None:
                found.append(rep)
                found.extend(_coordinated(text, masked, rep))
                last_end = s1
                rest = _rest_of_sentence(text, masked, found[-1], model)
                if rest is not None:
                    found.append(rest)
        label = None if found else _labelled(text, masked, a, b)
        if label is not None:
            found.append(label)
            last_end = b
        out.extend(found)
    return out


def _labelled(text: str, masked: str, a: int, b: int) -> Reported | None:
    """A paragraph opened by a speaker label: "Jane Doe: CONTENT" (a transcript turn or a
    headline), the label a name of a few capitalised words (not "READ MORE", not a time)."""
    colon = masked.find(":", a, min(b, a + 80))
    if colon < 0 or colon + 2 >= b:
        return None
    toks = tokenize(masked, a, colon)
    if not toks or len(toks) > SPEAKER_LABEL_MAX or masked[colon + 1 : colon + 2].isdigit():
        return None
    words = [t for t in toks if t.kind == "W"]
    if all(t.text.isupper() for t in words) and not (
        len(words) == 1 and re.search(r"\b" + re.escape(words[0].text.title()) + r"\b", text)
    ):
        return None  # a section heading ("ENERGY:"), unless a surname used elsewhere ("FALLIN:")
    if (
        not words
        or not all(t.is_cap or t.lower in NAME_JOINERS for t in words)
        or not words[0].is_cap
        or " ".join(t.lower for t in words) in NOT_SPEAKER_LABELS
        or any(t.kind == "P" and t.text not in ".-'\u2019&" for t in toks)
    ):
        return None
    body = tokenize(masked, colon + 1, b)
    span = _span(body, 0, len(body))
    if span is None:
        return None
    ph = Phrase(toks, 0, len(toks), text[toks[0].start : toks[-1].end], "name")
    return Reported(span[0], span[1], ph.text, ph.start, "name", ":", "label", (a, b))


def _attribution(text: str, masked: str, s0: int, s1: int, model) -> Reported | None:
    """The reported attribution of one sentence, if it has one."""
    if _CUE_WORDS.isdisjoint(_LOWER_WORD.findall(masked[s0:s1].lower())):
        return None
    toks = model.tokens(s0, s1)
    if len(toks) < 4:
        return None
    i0 = _content_start(toks, s0, masked)
    if (
        i0 < len(toks)
        and toks[i0].lower in {"but", "and", "yet", "still"}
        and i0 + 1 < len(toks)
        and toks[i0 + 1].text == ","
    ):
        i0 += 2
    return (
        _headline(text, toks, i0, (s0, s1))
        or _according_first(text, toks, i0, (s0, s1))
        or _final_attribution(text, toks, i0, (s0, s1))
        or _left_cue(text, toks, i0, (s0, s1))
        or _parenthetical(text, toks, i0, (s0, s1))
    )


def _coordinated(text: str, masked: str, rep: Reported) -> list[Reported]:
    """Further cues of the same source after a reported clause in its sentence: "X said A and
    warned that B", "X said A, noting that B"."""
    out = []
    toks = tokenize(masked, rep.end, rep.sentence[1])
    n = _trim_end(toks, len(toks))
    k = 0
    while k + 2 < n:
        t, nxt = toks[k], toks[k + 1]
        if t.text == "," and nxt.lower in PARTICIPLE_CUES:
            j = k + 3 if toks[k + 2].lower == "that" else k + 2
        elif (
            t.lower in {"and", "but"}
            and nxt.lower in CUE_FORMS
            and nxt.text.islower()
            and not nxt.lower.endswith("ing")
        ):
            j = _after_cue(text, toks, k + 1, n)
        else:
            k += 1
            continue
        if j is None or j >= n:
            break
        end = _clause_end(toks, j, n)
        span = _span(toks, j, end)
        if span is None:
            break
        out.append(
            Reported(
                span[0],
                span[1],
                rep.mention,
                rep.mention_start,
                rep.mention_kind,
                nxt.text,
                "coordinated",
                rep.sentence,
            )
        )
        k = end
    return out


def _rest_of_sentence(text: str, masked: str, rep: Reported, model) -> Reported | None:
    """A second source in the sentence after a reported clause ("A said X — but B says Y")."""
    s1 = rep.sentence[1]
    toks = model.tokens(rep.end, s1)
    k = 0
    while k < len(toks) and (toks[k].kind == "P" or toks[k].lower in {"but", "and", "while", "yet"}):
        k += 1
    if k >= len(toks) - 3:
        return None
    return _left_cue(text, toks, k, rep.sentence)


def _adjacent(masked: str, end: int, start: int) -> bool:
    """Nothing but whitespace (a paragraph break at most) between two sentences."""
    return 0 <= end <= start and not masked[end:start].strip()


def _continuation(masked: str, s0: int, s1: int, last: Reported) -> Reported | None:
    """A sentence wrapped in two-apostrophe marks (''...'') right after an attribution,
    without a cue of its own: more words of the same source."""
    m = _APOSTROPHE_WRAPPED.match(masked, s0, s1)
    if m is None or len(re.findall(r"\w+", m.group(1))) < MIN_CONTENT_WORDS:
        return None
    return Reported(
        m.start(1), m.end(1), last.mention, last.mention_start, last.mention_kind, last.cue, "continuation", (s0, s1)
    )


def sentence_is_quote_only(masked: str, start: int, end: int) -> bool:
    """Whether masked[start:end] holds nothing but a quotation and punctuation."""
    return not re.search(r"[A-Za-z0-9]", masked[start:end])
