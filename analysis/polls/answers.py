"""The answer a poll figure reports, read from its own words: support, oppose, approve,
disapprove, favourable, unfavourable, positive, negative, yes, no, dont_know, vote_for, other
(the vocabulary of the poll-figure benchmark, ../shared/benchmarks/polls/README.md).

Rules, in order, over the words right after the share (up to the next share) and then the words
of its clause before it ("Approval of Congress ticked up to 17 percent"); the answer words are
data/answer_words.csv. A figure whose words say nothing takes the answer of the figure before
it ("up from 12% in September"); "did not" alone takes the opposite of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA = Path(__file__).with_name("data")
RESPONSES = (
    "support",
    "oppose",
    "approve",
    "disapprove",
    "favourable",
    "unfavourable",
    "positive",
    "negative",
    "yes",
    "no",
    "dont_know",
    "vote_for",
    "other",
)
OPPOSITE = {
    "support": "oppose",
    "oppose": "support",
    "approve": "disapprove",
    "disapprove": "approve",
    "favourable": "unfavourable",
    "unfavourable": "favourable",
    "positive": "negative",
    "negative": "positive",
    "yes": "no",
    "no": "yes",
}
NEGATION = re.compile(
    r"\b(?:not|never|no longer|don[’']?t|doesn[’']?t|didn[’']?t|won[’']?t|wouldn[’']?t|"
    r"can[’']?t|cannot|isn[’']?t|aren[’']?t|weren[’']?t|wasn[’']?t|nothing|neither|nor)\b",
    re.I,
)
BARE_NEGATIVE = re.compile(
    r"^\W*(?:(?:said|say|says)\s+(?:they\s+)?)?(?:did|do|does|would|were|are|was|is|could|will)"
    r"\s*(?:not|n[’']?t)(?:\s+(?:do\s+so|so|think\s+so|agree))?\W*(?:and|while|but|or)?\W*$",
    re.I,
)
# Words between two shares that make them one figure read together ("49% to 44% for X",
# "four-in-five (85 per cent) saying ...", "More than one-in-three, 37 per cent, ...").
JOINED = re.compile(r"^[\s,(\[]*(?:to|vs\.?|versus|or)?[\s,(\[]*$", re.I)
# Words that open a new clause: the figure's own words stop there.
CLAUSE_BREAK = re.compile(r"[;:()—–]|,\s*(?:while|whereas|but|and|compared)\b|\s(?:while|whereas|but)\s", re.I)
# A vote-intention article: a question about how people would vote.
VOTE_QUESTION = re.compile(
    r"\b(?:vote intention|voting intention|would vote|how would you vote|if (?:the )?elections? were held|"
    r"runoff|run-off|head-to-head|match-?up|ballot|Sunday trend|leads? over|federal elections? next|"
    r"first round|second round|primary race|primar(?:y|ies)|nomination|caucus(?:es)?|horse race|presidential race|"
    r"(?:GOP|Republican|Democratic) field|leads? the field|leading the field|front-?runner|general election|"
    r"would win|garner(?:s|ed)?|(?:presidential|GOP|Republican|Democratic) (?:candidates?|contest|hopefuls?))\b",
    re.I,
)
# A candidate or party named beside a vote share: a capitalised word inside the clause before it
# ("Biden pulling 50%", "the SPD (20 percent") or "for <Name>" after it.
CANDIDATE_BEFORE = re.compile(r"(?<=[\w,(]\s)[A-Z][\w’'.-]+|(?<=\()[A-Z][\w’'.-]+")
CANDIDATE_AFTER = re.compile(
    r"^\s*(?:for|to|in\s+favou?r\s+of)\s+(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|(?:former\s+)?President\s+)?[A-Z]"
)
# "X percent said ...": a figure reported with a reporting verb (options of one question share it).
REPORTED = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:respondents|those\s+\w+)\s+)?(?P<verb>said|say|says|answered|responded)\b", re.I
)
# "51% of young voters support a ceasefire": a stance verb after the population, not a vote share.
STANCE_AFTER = re.compile(
    r"^\s*of\s+[^,;]{1,40}?\b(?:support|oppose|back|favou?r|agree|disagree|reject|"
    r"approve|disapprove)\b(?!\s+(?:former\s+|the\s+)?(?-i:[A-Z]))",
    re.I,
)
ACCORDING = re.compile(r"\b(?:according to|in|per)\s+[^,]{1,40}?(?:findings|poll|survey|data|results)\s*,\s*", re.I)
SAY_VERBS = re.compile(
    r"\b(?:say|says|said|saying|think|thinks|believe|believes|consider|considers|stated|"
    r"agree|agrees|expect|expects|want|wants|answered|reported|feel|feels)\b",
    re.I,
)


@lru_cache(maxsize=1)
def answer_rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(response, pattern) from data/answer_words.csv, in file order."""
    table = pd.read_csv(DATA / "answer_words.csv", dtype=str)
    return tuple((r, re.compile(p, re.I)) for r, p in zip(table["response"], table["pattern"]))


def own_words(text: str, end: int, stop: int) -> str:
    """The words after a share up to the next share or clause break (at most 140 characters)."""
    chunk = text[end : min(stop, end + 140)]
    lead = len(chunk) - len(chunk.lstrip(")]’”\"' "))
    m = CLAUSE_BREAK.search(chunk, lead)
    return chunk[: m.start()] if m else chunk


def clause_before(text: str, start: int, begin: int) -> str:
    """The words of the share's clause before it, from `begin` (sentence start or previous share)."""
    chunk = text[begin:start]
    cuts = [m.end() for m in re.finditer(r"[;—–]|,\s|\s(?:and|while|but|whereas)\s", chunk)]
    cuts += [m.end() for m in re.finditer(r":", chunk) if chunk[m.end() :].strip()]
    return chunk[max(cuts, default=0) :]


def _specific(words: str) -> tuple[str, str] | None:
    for response, pattern in answer_rules():
        if response == "yes":
            continue
        m = pattern.search(words)
        if m:
            found = response
            before = words[: m.start()]
            if response not in ("dont_know", "vote_for") and NEGATION.search(before[-25:]):
                found = OPPOSITE.get(response, response)
            return found, m.group()
    return None


def read_answer(
    after: str, before: str, previous: str | None, vote_article: bool, lead: str = ""
) -> tuple[str, str] | None:
    """(response, the words that give it) for one figure from its own words; None when they
    say nothing (the caller then reads it with its neighbours). `lead`: the sentence's words
    before the share (since the previous share), where a candidate may be named."""
    dk = answer_rules()[0][1].search(after)
    if dk:
        return "dont_know", dk.group()
    if (
        vote_article
        and not SAY_VERBS.search(after[:40])
        and not SAY_VERBS.search(before)
        and not STANCE_AFTER.search(after)
    ):
        lead = ACCORDING.sub("", lead)
        m = (
            CANDIDATE_BEFORE.search((lead or before)[-45:])
            or CANDIDATE_AFTER.search(after)
            or re.search(r"\bof the (?:ballot|vote)\b", after, re.I)
        )
        if m:
            return "vote_for", m.group()
    if BARE_NEGATIVE.search(after) and previous in OPPOSITE:
        return OPPOSITE[previous], after.strip()
    found = _specific(after)
    if found:
        return found
    found = _specific(before)
    if found and found[0] != "dont_know":
        return found
    yes = answer_rules()[-1][1].search(after)
    if yes:
        lead = after[: yes.end() + 40]
        return ("no" if NEGATION.search(lead) else "yes"), yes.group()
    return None
