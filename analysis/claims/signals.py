"""Automatic claims for the rest of the metric vocabulary: dates, ranks, counts, shares, durations.

`auto.find_claims` reads a country's population, GDP and bilateral trade; this module reads every
other metric of metrics.csv whose `signals` column lists words that say a figure measures it.
For a mention the population/GDP reading did not claim:

- metric: of the metrics whose unit fits the mention (a year or date: `date`; an ordinal:
  `rank`; a count of people: `people`, of things: `count`; a percentage: `percent`; a
  duration: `years` or `months`), the one with a signal nearest the figure in its clause (the
  words since the previous figure, dash or semicolon), else in the words right after it (up to
  60 characters). A signal written `words & context` counts only when the article also names
  the context (a metric about one named arrangement). No signal, no claim.
- subject: of the kind the metric's facts.csv rows have (a country, a pair written with an en
  dash, or another entity facts.csv names, such as a territory, a body or a qualified event
  "Place (7 October 2023 attack)"); any kind for a metric without rows. Read from the clause,
  the words after the figure up to the next comma, the country "the republic"/"its" refers to,
  the sentence, then the paragraph. A pair is two countries named there ("with Israel" beside
  the country the sentence is about), "the two countries" (the pair named last), or one country
  with the pair it was last named in. A date metric whose facts.csv rows have one subject takes
  it when the text names none ("the 2002 Arab Peace Initiative"). No subject, no claim.
- period (none for a date metric: the date is the value): a duration's span runs from a date
  the paragraph names after "erupted", "began", "started", "broke out" to the date its sentence
  gives; a figure in the clause of a duration ("15 months of war that has claimed 43,000")
  takes its span; else the nearest date before the figure in its sentence, unless a
  present-tense verb stands between them; "since 2020" with no end runs to the published date;
  else `current` (as of the published date). Periods are ISO strings: '2023-10-07', '1992',
  'START/END' (END may be 'current'), 'current', or '' (not stated).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .. import countries as ct
from ..article import Article

MONEY_UNITS = {"USD"}  # money figures stay with `auto` (GDP, bilateral trade)
_KIND_UNITS = {
    "year": {"date"},
    "date": {"date"},
    "month": {"date"},
    "ordinal": {"rank"},
    "percent": {"percent"},
    "duration": {"years", "months"},
}
_CLAUSE_BREAK = re.compile(r"\s[—–-]\s|;|\(|\s+and\s")  # "30,000 deaths and 1 million displaced": two clauses
_PRESENT = re.compile(
    r"\b(is|are|makes|make|remains|remain|persists|persist|stands|stand|has|have|faces|face|"
    r"lives|live|report|reports|says|say)\b",
    re.I,
)
_PAST = re.compile(r"\b(was|were|had|did|left|lost|took|led|fell|rose|grew|won|\w{3,}ed)\b", re.I)
_START_WORDS = re.compile(r"\b(erupted|began|started|broke out|outbreak of|beginning)\b[^.]{0,30}$", re.I)
_GOVERNED = re.compile(r"^[^.;]*\b(that|which)\b")
_TWO = re.compile(r"\b(the|both)\s+(two\s+)?(countries|nations|states|sides)\b", re.I)
_ANAPHORA = re.compile(r"\b(the\s+(?:\w+\s+){0,2}(?:country|nation|republic|kingdom|state)|its)\b", re.I)
_WINDOW_AFTER = 60
_QUANTITIES = ("money", "count", "percent", "fraction", "ordinal", "duration")


def parse_signals(cell) -> tuple[tuple[str, str], ...]:
    """('words', 'context' or '') pairs of a metrics.csv `signals` cell ('a; b & c')."""
    out = []
    for part in str(cell or "").split(";"):
        words, _, context = part.partition("&")
        if words.strip():
            out.append((words.strip().lower(), context.strip().lower()))
    return tuple(out)


def _units(n: pd.Series) -> set[str]:
    if n["kind"] == "count":
        return {"people"} if n["unit"] == "people" else {"count"}
    return _KIND_UNITS.get(str(n["kind"]), set())


@lru_cache(maxsize=256)
def _word_re(words: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(words).replace(r"\ ", r"\s+") + r"(?!\w)", re.I)


_QUALIFIED = re.compile(r"^(.+?)\s*\((.+)\)$")


def _subject_kinds(facts: pd.DataFrame) -> dict[str, tuple[str, tuple[str, ...]]]:
    """{metric: (kind of its facts.csv subjects: pair, country, entity or any, the subjects)}."""
    out = {}
    for metric, rows in facts.groupby("metric"):
        subjects = tuple(sorted(set(rows["subject"])))
        kinds = {_kind(s) for s in subjects}
        out[metric] = (kinds.pop() if len(kinds) == 1 else "any", subjects)
    return out


def _kind(subject: str) -> str:
    if "→" in subject:
        return "direction"
    if "–" in subject:
        return "pair"
    if _QUALIFIED.match(subject) and ct.iso3(_QUALIFIED.match(subject).group(1)):
        return "event"  # 'Place (7 October 2023 attack)': a country's event, read beside countries
    return "country" if ct.iso3(subject) else "entity"


def _entities(facts: pd.DataFrame) -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """(subject, pattern of its head, qualifier words) of facts.csv's subjects that are neither
    countries nor pairs: 'Gaza', 'Arab League', 'Place (7 October 2023 attack)'."""
    out = []
    for s in sorted(set(facts["subject"]), key=len, reverse=True):
        if _kind(s) not in ("entity", "event"):
            continue
        q = _QUALIFIED.match(s)
        head, qualifier = (q.group(1), q.group(2)) if q else (s, "")
        out.append(
            (
                s,
                re.compile(r"(?<!\w)" + re.escape(head) + r"(?!\w)(?!\s+(?:City|Governorate))"),
                tuple(qualifier.split()),
            )
        )
    return tuple(out)


def _qualifier_ok(words: tuple[str, ...], sentence: str, dates: set[str]) -> bool:
    """A qualifier such as '7 October 2023 attack' holds when the sentence names its date and its nouns."""
    if not words:
        return True
    text = " ".join(words)
    found = re.search(r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})", text)
    if found:
        try:
            day = pd.Timestamp(f"{found.group(1)} {found.group(2)} {found.group(3)}").date().isoformat()
        except ValueError:
            return False
        if day not in dates:
            return False
        text = text.replace(found.group(0), "")
    return all(_word_re(w).search(sentence) for w in text.split())


class OtherMetrics:
    """The signal words, subject vocabulary and subject kinds of one reference folder."""

    def __init__(self, metrics: pd.DataFrame, facts: pd.DataFrame, skip: set[str]):
        self.signals = {
            r["metric"]: (str(r["unit"]), parse_signals(r["signals"]))
            for _, r in metrics.iterrows()
            if r["metric"] not in skip and str(r["unit"]) not in MONEY_UNITS and parse_signals(r["signals"])
        }
        self.kinds = _subject_kinds(facts)
        self.entities = _entities(facts)

    # --- metric -----------------------------------------------------------------------------
    def metric(self, units: set[str], before: str, after: str, article_text: str) -> tuple[str, str] | None:
        """(metric, signal words) nearest the figure: in the clause before, else right after it."""
        best = None
        for metric, (unit, signals) in self.signals.items():
            if unit not in units:
                continue
            for words, context in signals:
                if context and not _word_re(context).search(article_text):
                    continue
                for m in _word_re(words).finditer(before):
                    key = (0, len(before) - m.end(), -len(words))
                    best = (
                        min(best, (key, metric, m.group(0)), key=lambda b: b[0]) if best else (key, metric, m.group(0))
                    )
                for m in _word_re(words).finditer(after):
                    if m.start() > _WINDOW_AFTER:
                        break
                    key = (1, m.start(), -len(words))
                    best = (
                        min(best, (key, metric, m.group(0)), key=lambda b: b[0]) if best else (key, metric, m.group(0))
                    )
        return (best[1], best[2]) if best else None

    # --- subject ----------------------------------------------------------------------------
    def mentions(
        self, text: str, offset: int, sentence: str, dates: set[str], kind: str
    ) -> list[tuple[int, str, str, str]]:
        """(position, subject, iso3, words) of the subjects of `kind` named in `text`."""
        from .auto import _countries_in

        out = []
        if kind in ("country", "pair", "any"):
            out += [(s, ct.name_of(code) or w, code, w) for s, e, w, code in _countries_in(text, offset)]
        if kind in ("entity", "any"):
            for subject, pattern, qualifier in self.entities:
                for m in pattern.finditer(text):
                    if _qualifier_ok(qualifier, sentence, dates):
                        out.append((offset + m.start(), subject, "", m.group(0)))
        events = {h[0] for h in out if not h[2]}
        return sorted(h for h in out if not (h[2] and h[0] in events))  # a named event hides its country


def _group_share(after: str) -> bool:
    """Whether the words after a percentage name a group ('of the refugees'): lookalikes.csv's group words."""
    from .auto import lookalike_words

    head = re.match(r"^\s*of\s+(?:the\s+|all\s+)?((?:\w+\s+){0,2}\w+)", after)
    if not head:
        return False
    words = {w.lower() for w in head.group(1).split()}
    return any(p in words for p, _, why in lookalike_words() if why.startswith(("a group", "a religious group")))


def _is_name(words: str) -> bool:
    """Signal words written as a name in the text ('Arab Peace Initiative'): a singular event."""
    return all(w[:1].isupper() for w in words.split())


def _dated(numbers: pd.DataFrame, lo: int, hi: int) -> pd.DataFrame:
    return numbers[
        numbers["kind"].isin(["year", "date", "month", "relative_date", "weekday"])
        & numbers["date_end"].notna()
        & (numbers["start"] >= lo)
        & (numbers["end"] <= hi)
    ]


def _iso(row: pd.Series) -> str:
    """The shortest ISO text of a dated mention ('2023-10-07', '2025-10', '1992')."""
    from .periods import span_label

    lo, hi = pd.Timestamp(row["date_start"]).date(), pd.Timestamp(row["date_end"]).date()
    return span_label(lo, hi)


class _Reader:
    """Reads the other metrics' claims of one article, in text order (the pair named last is state)."""

    def __init__(self, article: Article, numbers: pd.DataFrame, vocab: OtherMetrics):
        self.article, self.numbers, self.vocab = article, numbers, vocab
        self.text = article.text
        self.full = f"{article.metadata.title or ''}\n{article.text}"
        self.last_pairs: list[tuple[str, str]] = []
        self.spans: dict[str, str] = {}  # mention id of a duration -> its span

    def read(self, n: pd.Series) -> dict | None:
        units = _units(n)
        if not units:
            return None
        start, end = int(n["start"]), int(n["end"])
        sent = self.article.sentence_at(start)
        quantities = self.numbers[
            self.numbers["kind"].isin(_QUANTITIES)
            & (self.numbers["start"] >= sent.start)
            & (self.numbers["end"] <= sent.end)
        ]
        prev = quantities[quantities["end"] <= start]
        nxt = quantities[
            (quantities["start"] >= end) & ~quantities["text"].str.isalpha()
        ]  # "the two countries" reads on
        clause_lo = int(prev["end"].max()) if not prev.empty else sent.start
        before = self.text[clause_lo:start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        metric_before = before[breaks[-1].end() :] if breaks else before
        after_hi = int(nxt["start"].min()) if not nxt.empty else sent.end
        after = self.text[end:after_hi]
        found = self.vocab.metric(units, metric_before, after, self.full)
        if found is None:
            return None
        metric, metric_words = found
        unit = self.vocab.signals[metric][0]
        if unit == "percent" and _group_share(after[:40]):
            return None  # "98 percent of the refugees are ...": a share of a group, not of the population
        dates = {_iso(r) for _, r in _dated(self.numbers, sent.start, sent.end).iterrows()}
        subject = self._subject(metric, metric_words, start, end, clause_lo, after, sent, dates)
        if subject is None:
            return None
        name, iso3, subject_words = subject
        if unit == "date":
            period, period_words = "", "the date is the value: no period"
        else:
            period, period_words = self._period(n, sent, start)
        if period and period not in ("current",) and not period.endswith("current"):
            first = period.split("/")[-1][:4]
            published = self.article.metadata.published
            if published is not None and first.isdigit() and int(first) > published.year:
                return None  # a forecast, not a claim about what is
        return {
            "subject": name,
            "subject_iso3": iso3,
            "metric": metric,
            "unit": unit,
            "period": period,
            "subject_words": subject_words,
            "metric_words": metric_words,
            "period_words": period_words,
        }

    # --- subject --------------------------------------------------------------------------
    def _subject(self, metric, metric_words, start, end, clause_lo, after, sent, dates):
        kind, on_file = self.vocab.kinds.get(metric, ("any", ()))
        if kind == "direction":
            return None
        look = {"pair": "pair", "event": "any"}.get(kind, kind)
        windows = self._windows(start, end, clause_lo, after, sent, dates, look)
        if kind == "pair":
            return self._pair(windows, sent.text)
        if (
            self.vocab.signals[metric][0] == "date" and len(on_file) == 1 and _is_name(metric_words)
        ):  # one actor's event
            windows.insert(
                -1,
                (
                    "on file",
                    [(start, on_file[0], ct.iso3(on_file[0]) or "", "the one subject facts.csv has for this metric")],
                ),
            )
        for where, hits in windows:
            if hits:
                pos, name, iso3, words = hits[0]
                return name, iso3, f"{words} ({where})"
        if kind == "entity":  # a metric facts.csv has for other entities only may still be about a country
            for where, hits in self._windows(start, end, clause_lo, after, sent, dates, "country"):
                if hits:
                    pos, name, iso3, words = hits[0]
                    return name, iso3, f"{words} ({where})"
        return None

    def _windows(self, start, end, clause_lo, after, sent, dates, look):
        """(where, subject hits nearest first) of the clause, the words after the figure, the
        country referred to, the sentence and the paragraph."""
        para = self.article.paragraphs[self.article.paragraph_index(start)]
        comma = re.split(r"[,;]", after, maxsplit=1)[0]
        sentence = sent.text
        m = self.vocab.mentions
        windows = [
            ("clause", m(self.text[clause_lo:start], clause_lo, sentence, dates, look)[::-1]),
            ("after the figure", m(comma, end, sentence, dates, look)),
        ]
        ref = self._referent(sent, start) if look in ("country", "pair", "any") else None
        if ref:
            windows.append(("refers back", [ref]))
        windows += [
            (
                "sentence",
                m(self.text[sent.start : start], sent.start, sentence, dates, look)[::-1]
                + m(self.text[end : sent.end], end, sentence, dates, look),
            ),
            (
                "paragraph",
                m(self.text[para.start : sent.start], para.start, sentence, dates, look)[::-1]
                + m(self.text[sent.end : para.end], sent.end, sentence, dates, look),
            ),
        ]
        return windows

    def _referent(self, sent, start):
        """The country 'the republic' / 'its' before the figure refers to, as a subject hit."""
        from .auto import _counts, main_country, referent

        words = list(_ANAPHORA.finditer(self.text[sent.start : start]))
        if not words:
            return None
        at = sent.start + words[-1].start()  # the countries named before the referring words
        found = referent(self.article, at, main_country(self.article), _counts(self.article))
        if not found:
            return None
        return (start, ct.name_of(found[0]) or found[1], found[0], f"{found[1]} (referred to before the figure)")

    def _pair(self, windows, sentence):
        if _TWO.search(sentence) and self.last_pairs:
            a, b = self.last_pairs[-1]
            return self._named_pair(a, b, "'the two countries': the pair named last")
        codes: list[str] = []
        words = []
        for where, hits in windows[:-1]:  # a pair is read from its sentence
            for _, _name, iso3, w in hits:
                if iso3 and iso3 not in codes:
                    codes.append(iso3)
                    words.append(f"{w} ({where})")
                if len(codes) == 2:
                    self.last_pairs.append((codes[0], codes[1]))
                    return self._named_pair(codes[0], codes[1], " and ".join(words))
        if len(codes) == 1:
            for a, b in reversed(self.last_pairs):
                if codes[0] in (a, b):
                    return self._named_pair(a, b, f"{words[0]}, with the pair it was last named in")
        return None

    @staticmethod
    def _named_pair(a: str, b: str, words: str):
        return f"{ct.name_of(a)}–{ct.name_of(b)}", "", words

    # --- period ---------------------------------------------------------------------------
    def _period(self, n, sent, start):
        published = self.article.metadata.published
        when = published.isoformat() if published else "an unknown date"
        in_sentence = _dated(self.numbers, sent.start, sent.end)
        if n["kind"] == "duration":
            ends = in_sentence[~in_sentence["relation"].fillna("").isin(["since", "from"])]
            if not ends.empty:
                end_row = ends.loc[(ends["start"] - start).abs().idxmin()]
                begin = self._event_start(sent, end_row)
                if begin is not None:
                    span = f"{_iso(begin)}/{_iso(end_row)}"
                    self.spans[n["mention_id"]] = span
                    return span, f"from '{begin['text']}' (the start the text gives) to '{end_row['text']}'"
            return "current", f"a duration up to the published date {when}"
        for mid, span in self.spans.items():
            d = self.numbers[self.numbers["mention_id"] == mid].iloc[0]
            if sent.start <= int(d["start"]) < start and _GOVERNED.search(self.text[int(d["end"]) : start]):
                return span, f"the span of '{d['text']}', whose clause the figure is in"
        before = in_sentence[in_sentence["end"] <= start]
        if not before.empty:
            row = before.loc[before["end"].idxmax()]
            between = self.text[int(row["end"]) : start]
            if row["relation"] == "since":
                return f"{_iso(row)}/current", f"since '{row['text']}', up to the published date {when}"
            if not _PRESENT.search(between):
                return _iso(row), f"'{row['text']}' (the date before it in the sentence)"
        after = in_sentence[(in_sentence["start"] >= start) & (in_sentence["relation"] == "since")]
        if not after.empty:
            row = after.iloc[0]
            return f"{_iso(row)}/current", f"since '{row['text']}', up to the published date {when}"
        end = int(n["end"])
        tail = re.split(r"[,;.]", self.text[end : sent.end], maxsplit=1)[0]
        close = in_sentence[
            (in_sentence["start"] >= end)
            & (in_sentence["end"] <= end + len(tail))
            & ~in_sentence["relation"].fillna("").isin(["since", "from", "until", "before", "after"])
        ]
        if not close.empty:
            row = close.iloc[0]
            return _iso(row), f"'{row['text']}' (the date right after it)"
        head = re.split(r"[,;]", self.text[sent.start : start])[-1]
        words = head + tail
        if not _PRESENT.search(words) and _PAST.search(words):
            return "", "past tense and no date: no period"
        return "current", f"no date in the sentence: as of the published date {when}"

    def _event_start(self, sent, end_row):
        """The dated mention of the paragraph (or next sentence) after 'erupted', 'began', ...: the start."""
        para = self.article.paragraphs[self.article.paragraph_index(int(sent.start))]
        cands = _dated(self.numbers, para.start, para.end)
        for _, row in cands.iterrows():
            if row["mention_id"] == end_row["mention_id"] or str(row["date_start"]) >= str(end_row["date_start"]):
                continue
            if _START_WORDS.search(self.text[max(para.start, int(row["start"]) - 60) : int(row["start"])]):
                return row
        return None


def other_claims(
    article: Article,
    numbers: pd.DataFrame,
    skip_mentions: set[str],
    metrics: pd.DataFrame,
    facts: pd.DataFrame,
    skip_metrics: set[str],
) -> list[dict]:
    """Claims of the other metrics among the mentions not in `skip_mentions`: dicts with
    mention_id, start, end, text, value, unit, hedge and the subject, metric and period fields
    of `auto.AUTO_COLUMNS` (is_claim True, why_not '')."""
    vocab = OtherMetrics(metrics, facts, skip_metrics)
    reader = _Reader(article, numbers, vocab)
    out = []
    for _, n in numbers.sort_values("start").iterrows():
        found = reader.read(n)
        if found is None or n["mention_id"] in skip_mentions:
            continue
        value = n["value"] if found["unit"] == "date" else float(n["value"])  # a date's value is the date
        out.append(
            {
                "mention_id": n["mention_id"],
                "start": int(n["start"]),
                "end": int(n["end"]),
                "text": n["text"],
                "value": value,
                "hedge": n["hedge"] or "",
                "is_claim": True,
                **found,
                "why_not": "",
            }
        )
    return out
