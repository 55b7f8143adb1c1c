"""Poll figures in any article: every share reported as a poll or survey result, read on its own
words (share, hedge, answer, population, pollster, sample size, margin of error, fieldwork).

A share is a poll figure when the article names a poll (a cue of data/pollster_cues.csv) before
it, or in the next two sentences (a headline above the report), and none of the rules of
data/not_poll.csv makes it something else (points, margins of error, leads, changes, targets,
election results, economic statistics).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import answers, design, population
from .shares import Share, find_shares

DATA = Path(__file__).with_name("data")
LEAD_PARAGRAPHS = 3  # a poll named in the headline or lead makes the article one about polls
HEADLINE_SENTENCES = 2  # a poll named this many sentences after a share still counts (headlines)

FIGURE_COLUMNS = [
    "figure_id",
    "start",
    "end",
    "mention",
    "percent",
    "hedge",
    "kind",
    "sentence_start",
    "sentence_end",
    "response",
    "response_words",
    "population_iso3",
    "population_text",
    "pollster",
    "n",
    "n_text",
    "moe",
    "moe_text",
    "fieldwork",
]


@lru_cache(maxsize=1)
def not_poll_rules() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(kind, where, pattern) of data/not_poll.csv."""
    table = pd.read_csv(DATA / "not_poll.csv", dtype=str)
    return tuple((k, w, re.compile(p, re.I)) for k, w, p in zip(table["kind"], table["where"], table["pattern"]))


def not_a_poll_share(text: str, share: Share, sentence: tuple[int, int], previous_end: int) -> str | None:
    """Why a share is not a poll result (a kind of data/not_poll.csv), None when nothing says so."""
    before = text[max(sentence[0], previous_end) : share.number_start]
    after = text[share.end : sentence[1]]
    whole = text[sentence[0] : sentence[1]]
    for kind, where, pattern in not_poll_rules():
        target = {"before": before, "after": after, "sentence": whole}[where]
        if pattern.search(target):
            return kind
    return None


def _sample_for(text: str, sent: tuple[int, int, int], sents: list, samples: list, overall) -> design.Stated | None:
    inside = [s for s in samples if sent[0] <= s.start < sent[1]]
    if inside:
        return inside[0]
    earlier = [
        s for s in samples if s.start < sent[0] and any(t[2] == sent[2] and t[0] <= s.start < t[1] for t in sents)
    ]
    return earlier[-1] if earlier else overall


def _overall_sample(text: str, sents: list, samples: list, share_sentences: set) -> design.Stated | None:
    for s in samples:
        where = next((t for t in sents if t[0] <= s.start < t[1]), None)
        if where is not None and where[0] not in share_sentences:
            return s
    return samples[0] if samples else None


def find_figures(text: str, published: dt.date | None = None) -> pd.DataFrame:
    """Every poll figure of a text, in text order.

    Columns: figure_id (F1, F2, ...), start, end, mention (`text[start:end]`, hedge included),
    percent, hedge (about, over, at_least, nearly, under, exact), kind (number, in, fraction),
    sentence_start, sentence_end, response (benchmark vocabulary), response_words (the words
    giving it, "" when implied), population_iso3 ("" when not one country's people),
    population_text, pollster (None when the article names none), n and n_text (the stated
    sample size, None/"" when not stated), moe and moe_text (the stated margin of error in
    points), fieldwork (dates as written, "" when not stated).
    """
    cue = design.poll_cue()
    cues = [m.start() for m in cue.finditer(text)]
    if not cues:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    known = design.pollster_mentions(text)
    cues += known.loc[known["how"] == "known", "start"].tolist()
    if not cues:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    sents = design.sentence_spans(text)
    vote_article = bool(answers.VOTE_QUESTION.search(text))
    pollster, pollster_country = design.main_pollster(text)
    samples = design.sample_sizes(text)
    margins = design.margins(text)
    moe = margins[0] if margins else None
    when = design.fieldwork(text)
    poll_article = _poll_article(text, sents, cues)
    found: list[tuple[Share, tuple[int, int, int], int]] = []
    for k, sent in enumerate(sents):
        previous_end = sent[0]
        limit = sents[min(len(sents) - 1, k + HEADLINE_SENTENCES)][1]
        if poll_article:
            named = any(c < limit for c in cues)
        else:  # a poll quoted in passing: named in the sentence or the paragraph before it
            begin = next(t[0] for t in sents if t[2] == sent[2])
            named = any(begin <= c < sent[1] for c in cues)
        for share in find_shares(text, sent[0], sent[1]):
            if named and not_a_poll_share(text, share, sent[:2], previous_end) is None:
                found.append((share, sent, previous_end))
            previous_end = share.end
    share_sentences = {sent[0] for _, sent, _ in found}
    poll_spans = sorted({sent[:2] for _, sent, _ in found} | {t[:2] for t in sents if cue.search(text, t[0], t[1])})
    default_pop = _article_population(text, pollster_country, poll_spans)
    overall_n = _overall_sample(text, sents, samples, share_sentences)
    readings = _answers(text, found, vote_article)
    rows, previous = [], None
    for i, (share, sent, previous_end) in enumerate(found):
        same_paragraph = previous is not None and previous["_paragraph"] == sent[2]
        response, words = readings[i]
        # "X% of <people>" first, else the nearest population before the share in its
        # sentence, else the first after it
        after_pops = population.population_mentions(text, share.end, min(sent[1], share.end + 60))
        direct = [
            m
            for m in after_pops
            if re.fullmatch(r"\s*(?:(?:of|among|in)\s+(?:the\s+)?(?:\w+\s+){0,2})?", text[share.end : m[0]])
        ]
        local = (
            direct[:1]
            + population.population_mentions(text, max(sent[0], previous_end), share.number_start)[-1:]
            + after_pops
        )
        if local:
            pop_code, pop_text = local[0][2], local[0][1]
        elif same_paragraph:  # the paragraph's last figure of one country (a regional aside is skipped)
            earlier = [r for r in rows if r["_paragraph"] == sent[2] and r["population_iso3"]]
            source = earlier[-1] if earlier else previous
            pop_code, pop_text = source["population_iso3"], source["population_text"]
        else:
            pop_code, pop_text = default_pop
        n = _sample_for(text, sent, sents, samples, overall_n)
        row = {
            "figure_id": f"F{i + 1}",
            "start": share.start,
            "end": share.end,
            "mention": share.mention,
            "percent": round(share.percent, 1),
            "hedge": share.hedge,
            "kind": share.kind,
            "sentence_start": sent[0],
            "sentence_end": sent[1],
            "response": response,
            "response_words": words.strip(),
            "population_iso3": pop_code,
            "population_text": pop_text,
            "pollster": pollster,
            "n": int(n.value) if n else None,
            "n_text": n.text if n else "",
            "moe": moe.value if moe else None,
            "moe_text": moe.text if moe else "",
            "fieldwork": when[0].text if when else "",
            "_paragraph": sent[2],
        }
        rows.append(row)
        previous = row
    df = pd.DataFrame(rows, columns=FIGURE_COLUMNS + ["_paragraph"]).drop(columns="_paragraph")
    return df.astype({"n": "object", "moe": "object", "pollster": "object"})


def _poll_article(text: str, sents: list, cues: list[int]) -> bool:
    """An article about polls: a poll is named in its first LEAD_PARAGRAPHS paragraphs (headline
    and lead), or in at least a third of its paragraphs. Elsewhere a share is a poll figure only
    in a paragraph that names the poll before it or in its sentence."""
    if not sents:
        return False
    paragraph_of = lambda pos: next((t[2] for t in sents if t[0] <= pos < t[1]), None)  # noqa: E731
    with_cue = {paragraph_of(c) for c in cues} - {None}
    paragraphs = sents[-1][2] + 1
    return any(p < LEAD_PARAGRAPHS for p in with_cue) or len(with_cue) * 3 >= paragraphs


def _answers(text: str, found: list, vote_article: bool) -> list[tuple[str, str]]:
    """(response, words) of each found share: its own words; shares joined by "to", "(" or a
    comma read the words after the last of them; a share whose words say nothing takes the
    answer of the next share joined by "and", else of the share before it. Two or more shares
    of a sentence reported with the same reporting verb ("X said ..., Y said ...") and no
    negated answer among them are options of one question: `other`."""
    afters, befores, leads = [], [], []
    for i, (share, sent, previous_end) in enumerate(found):
        same = i + 1 < len(found) and found[i + 1][1] == sent
        nxt = found[i + 1][0].start if same else sent[1]
        afters.append(answers.own_words(text, share.end, nxt))
        befores.append(answers.clause_before(text, share.number_start, max(sent[0], previous_end)))
        leads.append(text[max(sent[0], previous_end) : share.number_start])
    for i in range(len(found) - 2, -1, -1):
        between = text[found[i][0].end : found[i + 1][0].start]
        if found[i + 1][1] == found[i][1] and answers.JOINED.match(between):
            afters[i] = afters[i + 1]
    readings: list = [None] * len(found)
    previous = None
    for i in range(len(found)):
        readings[i] = answers.read_answer(afters[i], befores[i], previous, vote_article, leads[i])
        if readings[i] is not None:
            previous = readings[i][0]
    for i in range(len(found) - 2, -1, -1):
        if (
            readings[i] is None
            and found[i + 1][1] == found[i][1]
            and readings[i + 1] is not None
            and re.search(r"\band\W*$", afters[i])
        ):
            readings[i] = (readings[i + 1][0], "")
    previous = None
    for i in range(len(found)):
        if readings[i] is None:
            readings[i] = (previous, "") if previous and previous != "dont_know" else ("other", "")
        previous = readings[i][0]
    by_sentence: dict[int, list[int]] = {}
    for i, (_, sent, _) in enumerate(found):
        by_sentence.setdefault(sent[0], []).append(i)
    for members in by_sentence.values():
        said = [i for i in members if readings[i][0] == "yes" and answers.REPORTED.match(afters[i])]
        negated = any(readings[i][0] in ("no",) for i in members)
        verbs = {answers.REPORTED.match(afters[i])["verb"].lower() for i in said}
        if len(said) >= 2 and len(verbs) == 1 and not negated:
            for i in said:
                readings[i] = ("other", readings[i][1])
    return readings


def _article_population(text: str, pollster_country: str, spans: list[tuple[int, int]] = ()) -> tuple[str, str]:
    """(ISO code, words) of the people an article's polls asked, when nothing nearer says: the
    population named most often in the sentences that report polls (`spans`), else the
    pollster's home country (data/pollsters.csv), else the population or country the article
    names most often."""

    def most_common(mentions):
        counts = pd.Series([code for _, _, code in mentions]).value_counts(sort=True)
        code = counts.index[0]
        return code, next(w for _, w, c in mentions if c == code)

    local = [m for a, b in spans for m in population.population_mentions(text, a, b) if m[2]]
    if local:
        return most_common(local)
    if pollster_country:
        return pollster_country, ""
    mentions = [m for m in population.population_mentions(text) if m[2]]
    if mentions:
        return most_common(mentions)
    counts = population.country_mentions(text)
    if counts:
        return counts.most_common(1)[0][0], ""
    return "", ""
