"""Automatic claims: numeric mentions whose words say they state a country's population or GDP.

No register is needed. For every money figure in US dollars (a million or more) and every count
of 100,000 or more, the words around it decide:

- metric: the nearest metric word (metrics.csv `signals`: "population", "inhabitants", "GDP",
  "economy", ...) in the clause before the figure, the words right after it, the sentence, then
  the two sentences before it (a list under a heading that names the metric);
- lookalike: the nearest word of `data/lookalikes.csv` ("market cap", "budget", "refugees",
  "rose", "will", "city", ...) when it is nearer than the metric word, a lookalike word right
  before the metric word ("elderly population", "private sector's GDP"), a group noun right
  after the figure ("200 million Muslims"), or a sentence whose only signals are lookalike
  words; money in another currency; a year after the article's;
- subject: a country attached to the figure ("Japan's 125.5 million", "China ($18 trillion)",
  "1.3 billion Indian citizens"); else a country named in the clause before it; else, when the
  words refer back ("the country", "national", "total population"), the country the article
  names most; else the nearest country named earlier in the sentence; else none (no claim);
- period: the nearest year or date of the sentence before the figure, or close after it ("125.5
  million as of Oct. 1, 2021"; not one after "since", "from", "until"), else `current` (as of
  the published date), said so in `period_words`.

`find_claims(article, numbers)` returns every candidate, claim or lookalike, with the words
that decided (AUTO_COLUMNS), plus the claims of every other metric with signal words
(`signals.other_claims`: dates, ranks, counts, shares, durations).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import countries as ct
from ..article import Article

AUTO_COLUMNS = [
    "mention_id",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "hedge",
    "is_claim",
    "subject",
    "subject_iso3",
    "metric",
    "period",
    "subject_words",
    "metric_words",
    "period_words",
    "why_not",
]
LOOKALIKES_FILE = Path(__file__).resolve().parent / "data" / "lookalikes.csv"
AUTO_METRICS = ("population", "gdp_usd")  # a country's totals, checked against the World Bank too
TRADE_METRIC = "bilateral_trade_usd"  # trade between two countries, checked against facts.csv
_TRADE_WORDS = {"trade"}  # exports and imports run one way: not a bilateral total
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)(?=[,.;]|\s+(?:alone|in|since|last|this)\b|$)"
)
MIN_POPULATION = 100_000  # smaller counts are not a country's population
MIN_GDP_USD = 1e6  # a GDP is stated in millions at least
# Nouns after a count that make it a count of a country's people ("19.6 million inhabitants");
# any other noun says the count counts something else ("2.3 million inmates").
POPULATION_NOUNS = {
    "people",
    "persons",
    "inhabitants",
    "citizens",
    "residents",
    "population",
    "nationals",
    "souls",
    "strong",
}
ANAPHORA = re.compile(r"\b(country|nation|kingdom|republic|state|national|nationwide|total|mainland|its)\b", re.I)
_ECONOMY_NOUNS = {"economy", "economies", "gdp", "output", "nominal", "gross", "annual", "domestic", "national"}
_TIME_WORDS = {
    "last",
    "this",
    "next",
    "a",
    "per",
    "each",
    "every",
    "year",
    "years",
    "month",
    "months",
    "week",
    "ago",
    "earlier",
    "later",
    "now",
    "today",
    "yesterday",
}
_NOT_PERIOD = {"since", "from", "until", "till", "before", "after", "between", "by"}
_ATTACH_GAP = re.compile(r"^(?:'s|’s|'|’)?\s*,?\s*(?:\(|at\s|with\s|of\s|has\s|:\s*|[-–—]\s*)?\s*$")


@lru_cache(maxsize=1)
def lookalike_words() -> tuple[tuple[str, str, str], ...]:
    """(phrase, applies_to, why) rows of data/lookalikes.csv."""
    with LOOKALIKES_FILE.open(encoding="utf-8", newline="") as fh:
        return tuple((r["phrase"].lower(), r["applies_to"], r["why"]) for r in csv.DictReader(fh))


def metric_signals(metrics: pd.DataFrame | None = None) -> dict[str, tuple[str, ...]]:
    """{metric: signal phrases} for the automatic metrics, from metrics.csv's `signals`."""
    if metrics is None:
        from ..reference import load_metrics

        metrics = load_metrics()
    rows = metrics[metrics["metric"].isin(AUTO_METRICS)]
    return {
        r["metric"]: tuple(w.strip().lower() for w in str(r["signals"] or "").split(";") if w.strip())
        for _, r in rows.iterrows()
    }


def _phrase_re(phrases) -> re.Pattern:
    return _compiled(tuple(sorted(set(phrases))))


@lru_cache(maxsize=64)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern:
    """Any of `phrases` as a whole word, case-insensitive, the longest one where several match."""
    return re.compile(r"(?<![\w])(" + _trie(phrases) + r")(?![\w])", re.I)


def _trie(phrases: tuple[str, ...]) -> str:
    """An alternation of `phrases` as a prefix tree: the same matches as the plain alternation
    sorted longest first (a longer branch is tried before a phrase ends), but Python's regex
    engine tests one character per branch instead of every phrase at every position."""
    if any(len(ch.lower()) != 1 for p in phrases for ch in p):
        return "|".join(re.escape(a) for a in sorted(phrases, key=len, reverse=True))
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    words = set()
    for c in ct.countries():
        if c.kind != "country":
            continue
        words.update(n for n in c.names if n not in c.ambiguous)
        words.update(c.adjectives)
        words.update(c.demonyms)
        words.update(
            re.sub(r"man$", "men", w) if w.endswith("man") else w + "s"
            for w in c.adjectives + c.demonyms
            if not w.endswith(("ese", "ish", "ch", "ss", "sh", "i"))
        )
    return _phrase_re(words)


_PLACE_AFTER = re.compile(r"\s+(?:City|Province|State|Region|Governorate|Oblast)\b")
_PLACE_BEFORE = re.compile(r"\b(?:New|Greater)\s+$")


@lru_cache(maxsize=64)
def _countries_in(text: str, offset: int = 0) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, words, iso3) of country names and adjectives in `text`, minus those that are
    part of a place's name ("Mexico City", "New Mexico", "Kuwait City"). Memoised: an article's
    candidates ask about its whole text and the same sentences again and again."""
    out = []
    for m in _country_re().finditer(text):
        if _PLACE_AFTER.match(text, m.end()) or _PLACE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        code = ct.iso3(m.group(1))
        if code:
            out.append((offset + m.start(), offset + m.end(), m.group(1), code))
    return tuple(out)


@lru_cache(maxsize=4096)
def _is_adjective(word: str) -> bool:
    """A nationality adjective or people word (singular or plural), not a country's name."""
    name = ct.canonical(word)
    if name is None:
        return False
    return not any(word.lower() == n.lower() for c in ct.countries() if c.name == name for n in c.names)


def _counts(article: Article) -> Counter:
    return Counter(f[3] for f in _countries_in(article.text))


def main_country(article: Article) -> tuple[str, str] | None:
    """(iso3, name as written) of the country the article names most (names and adjectives;
    ties go to the one named first); None if it names none."""
    found = _countries_in(article.text)
    if not found:
        return None
    counts = Counter(f[3] for f in found)
    first = {}
    for f in found:
        first.setdefault(f[3], f)
    best = max(counts, key=lambda k: (counts[k], -first[k][0]))
    return best, first[best][2]


def referent(article: Article, offset: int, main: tuple[str, str] | None, counts: Counter) -> tuple[str, str] | None:
    """The country "the country" / "national" refers to at `offset`: of the countries named in the
    nearest of the three sentences before (or the sentence itself, before the offset), the one
    the article names most; else the article's main country."""
    idx = article.sentence_index(offset)
    spans = [(article.sentences[idx].start, offset)] + [
        (s.start, s.end) for s in article.sentences[max(0, idx - 3) : idx][::-1]
    ]
    for start, end in spans:
        found = [f for f in _countries_in(article.text[start:end], start) if not f[2].endswith(("-", "–"))]
        if found:
            best = max({f[3] for f in found}, key=lambda k: (counts[k], -min(f[0] for f in found if f[3] == k)))
            return best, next(f[2] for f in found if f[3] == best)
    return main


class _Context:
    """The words around one mention: clause before, words after, sentence, sentences before."""

    def __init__(self, article: Article, numbers: pd.DataFrame, row: pd.Series, quantities: pd.DataFrame | None = None):
        """`quantities`: the money, count, percent and fraction rows of `numbers`, when the
        caller has them already (one article's candidates share them)."""
        text = article.text
        self.sentence = article.sentence_at(int(row["start"]))
        s_idx = article.sentence_index(int(row["start"]))
        if quantities is None:
            quantities = _quantities(numbers)
        same = quantities[(quantities["start"] >= self.sentence.start) & (quantities["end"] <= self.sentence.end)]
        before = same[same["end"] <= row["start"]]
        after = same[same["start"] >= row["end"]]
        self.clause_start = int(before["end"].max()) if not before.empty else self.sentence.start
        self.after_end = min(
            int(after["start"].min()) if not after.empty else self.sentence.end, int(row["end"]) + 40, self.sentence.end
        )
        self.before = text[self.clause_start : int(row["start"])]
        self.after = text[int(row["end"]) : self.after_end]
        self.sentence_text = self.sentence.text
        self.lookback = " ".join(s.text for s in article.sentences[max(0, s_idx - 2) : s_idx])
        self.start, self.end = int(row["start"]), int(row["end"])


def _quantities(numbers: pd.DataFrame) -> pd.DataFrame:
    """The rows of `numbers` that bound a mention's clause: money, counts, percents, fractions."""
    return numbers[numbers["kind"].isin(["money", "count", "percent", "fraction"])]


def _dated(numbers: pd.DataFrame) -> pd.DataFrame:
    """The rows of `numbers` that can give a period: resolved years, dates, months, relative dates."""
    return numbers[numbers["kind"].isin(["year", "date", "month", "relative_date"]) & numbers["date_end"].notna()]


def _nearest_before(pattern: re.Pattern, text: str):
    hits = list(_hits(pattern, text))
    return hits[-1] if hits else None


def _hits(pattern: re.Pattern, text: str):
    """Matches of a word list, minus capitalised ones inside a name ("International Monetary
    Fund", "the National Bureau"): a capital letter that does not start the text or a sentence."""
    for m in pattern.finditer(text):
        word = m.group(1)
        if (
            word[0].isupper()
            and m.start() > 0
            and not re.search(r"(^|[.!?:]\s+|\n)$", text[: m.start()])
            and not word.isupper()
        ):
            continue
        yield m


def _decide_metric(
    ctx: _Context, unit: str, signals: dict[str, tuple[str, ...]], attached: bool, noun: str
) -> tuple[str | None, str, str]:
    """(metric or None, the words that decided, why not a claim)."""
    metric = "gdp_usd" if unit == "USD" else "population"
    pos = _phrase_re(signals.get(metric, ()) or ("\x00",))
    neg_words = [(p, why) for p, applies, why in lookalike_words() if applies in ("any", metric)]
    neg = _phrase_re([p for p, _ in neg_words])
    why_of = {p: why for p, why in neg_words}
    noun = (noun or "").lower()
    if noun and metric == "gdp_usd":
        words = [w for w in noun.split() if ct.canonical(w) is None and w not in _TIME_WORDS]
        if words and words[0] not in _ECONOMY_NOUNS and not pos.match(words[0]):
            return None, words[0], f"money for {words[0]}, not an economy's output"
    if noun and metric == "population":
        first = noun.split()[:2]
        for w in first:
            if w in why_of:
                return None, w, why_of[w]
        words = [w for w in noun.split() if not _is_adjective(w.capitalize()) and not _is_adjective(w)]
        people = [w for w in noun.split()[:1] if _is_adjective(w.capitalize()) and w.endswith(("s", "men"))]
        if words and words[0] not in POPULATION_NOUNS and words[0] not in _TIME_WORDS:
            if people:
                return None, people[0], f"a group of {people[0].capitalize()}, not said to be the whole population"
            return None, words[0], f"a count of {words[0]}, not of a country's people"
    # 1. the clause before the figure (only the attachment when a country is attached to it)
    before = "" if attached else ctx.before
    p_hit, n_hit = _nearest_before(pos, before), _nearest_before(neg, before)
    if n_hit and (not p_hit or n_hit.start() > p_hit.start()):
        return None, n_hit.group(1), why_of[n_hit.group(1).lower()]
    if p_hit:
        modifier = _nearest_before(neg, before[max(0, p_hit.start() - 25) : p_hit.start()])
        if modifier:
            return None, f"{modifier.group(1)} {p_hit.group(1)}", why_of[modifier.group(1).lower()]
        return metric, p_hit.group(1), ""
    # 2. the words right after it
    p_after, n_after = next(_hits(pos, ctx.after), None), next(_hits(neg, ctx.after), None)
    if n_after and (not p_after or n_after.start() < p_after.start()):
        return None, n_after.group(1), why_of[n_after.group(1).lower()]
    if p_after:
        return metric, p_after.group(1) + " (after the figure)", ""
    # 3. the sentence, then the two sentences before it
    sentence_pos = list(_hits(pos, ctx.sentence_text))
    sentence_neg = list(_hits(neg, ctx.sentence_text))
    valid_pos = [
        m for m in sentence_pos if not _nearest_before(neg, ctx.sentence_text[max(0, m.start() - 25) : m.start()])
    ]
    if sentence_neg and not valid_pos and not attached:
        return None, sentence_neg[0].group(1), why_of[sentence_neg[0].group(1).lower()]
    if valid_pos:
        return metric, valid_pos[0].group(1), ""
    back = list(_hits(pos, ctx.lookback))
    if back:
        return metric, back[-1].group(1) + " (an earlier sentence)", ""
    first_noun = noun.split()[0] if noun else ""
    if metric == "population" and first_noun in POPULATION_NOUNS and attached:
        return metric, f"{first_noun} (after the figure)", ""
    return None, "", "no word says what the figure measures"


def _subject(
    ctx: _Context, article: Article, noun: str, main: tuple[str, str] | None
) -> tuple[str | None, str, bool, bool]:
    """(iso3 or None, the words it was read from, attached to the figure, named in its clause)."""
    text = article.text
    in_before = _countries_in(ctx.before, ctx.clause_start)
    for _s, e, words, code in reversed(in_before):
        gap = text[e : ctx.start]
        if _ATTACH_GAP.match(gap) and not (_is_adjective(words) and not gap.strip().startswith("(")):
            return code, words, True, True
    if re.search(r"\bits\s+$", ctx.before):
        ref = referent(article, ctx.start, main, _counts(article))
        if ref:
            return ref[0], f"its -> {ref[1]} (named just before)", True, True
    after_words = _countries_in(ctx.after[: len(noun or "") + 2], ctx.end)
    if noun and after_words:
        return after_words[0][3], after_words[0][2] + " (after the figure)", True, True
    names = [
        c
        for c in in_before
        if not _is_adjective(c[2])
        or re.match(r"\s+(population|economy|gdp|people|citizens)", text[c[1] : c[1] + 14], re.I)
    ]
    if names:
        return names[-1][3], names[-1][2], False, True
    near = _nearest_before(ANAPHORA, ctx.before)
    ref = referent(article, ctx.start, main, _counts(article))
    if near and ref:
        return ref[0], f"{near.group(1)} -> {ref[1]} (named just before)", False, False
    earlier = [
        c for c in _countries_in(text[ctx.sentence.start : ctx.start], ctx.sentence.start) if not _is_adjective(c[2])
    ]
    if earlier:
        return earlier[-1][3], earlier[-1][2] + " (earlier in the sentence)", False, False
    if re.match(r"^\s*,", ctx.after):  # "With a population of 11 million, Tunisia ..."
        later = [c for c in _countries_in(text[ctx.end : ctx.sentence.end], ctx.end) if not _is_adjective(c[2])]
        if later and later[0][0] - ctx.end <= 4 and re.search(r"\b(population|gdp|economy)\b", ctx.before, re.I):
            return later[0][3], later[0][2] + " (right after the figure)", False, True
    anaphora = _nearest_before(ANAPHORA, ctx.sentence_text[: ctx.start - ctx.sentence.start]) or next(
        _hits(ANAPHORA, ctx.sentence_text), None
    )
    if anaphora and ref:
        return ref[0], f"{anaphora.group(1)} -> {ref[1]} (named just before)", False, False
    return None, "", False, False


def _period(ctx: _Context, numbers: pd.DataFrame, published, dated: pd.DataFrame | None = None) -> tuple[str, str, str]:
    """(period: a year or 'current', the words it was read from, why not a claim); `dated`:
    `_dated(numbers)` when the caller has it already."""
    dated = _dated(numbers) if dated is None else dated
    dated = dated[(dated["start"] >= ctx.sentence.start) & (dated["end"] <= ctx.sentence.end)]
    near = dated[
        ((dated["start"] >= ctx.clause_start) & (dated["end"] <= ctx.start))
        | ((dated["start"] >= ctx.end) & (dated["start"] < ctx.after_end))
    ]
    if published is not None and not near.empty:
        future = near[near["date_start"].map(lambda d: int(str(d)[:4])) > published.year]
        if not future.empty:
            year = str(future.iloc[0]["date_start"])[:4]
            return year, str(future.iloc[0]["text"]), f"a forecast for {year}, after the article's date"
    dated = dated[~dated["relation"].fillna("").isin(_NOT_PERIOD)]
    dated = dated[(dated["end"] <= ctx.start) | (dated["start"] < ctx.after_end)]  # after it: only close by
    if not dated.empty:
        dist = (dated["start"] - ctx.start).abs()
        row = dated.loc[dist.idxmin()]
        year = int(str(row["date_end"])[:4])
        if published is not None and year > published.year:
            return str(year), str(row["text"]), f"a forecast for {year}, after the article's date"
        return str(year), str(row["text"]), ""
    when = f"the published date {published.isoformat()}" if published else "an unknown date (the article has none)"
    return "current", f"no year in the sentence: as of {when}", ""


def _trade_pair(ctx: _Context, article: Article) -> tuple[tuple[str, str], str] | None:
    """((iso3, iso3), words) of the two countries whose trade a figure states: 'between X and
    Y' after it, else the only two countries (names or adjectives) its sentence names."""
    between = _BETWEEN.search(ctx.after + article.text[ctx.after_end : ctx.sentence.end])
    if between:
        a, b = ct.iso3(between.group(1)), ct.iso3(between.group(2))
        if a and b and a != b:
            return (a, b), between.group(0)
    codes = list(dict.fromkeys(c[3] for c in _countries_in(ctx.sentence_text, ctx.sentence.start)))
    if len(codes) == 2:
        return (codes[0], codes[1]), " and ".join(ct.name_of(c) or c for c in codes) + " (named in the sentence)"
    return None


def _trade_claim(
    ctx: _Context, article: Article, why: str, metric_words: str, period: str, period_words: str, late: str
) -> dict | None:
    """A money figure set aside as trade, read as a bilateral trade claim when two countries are named."""
    if metric_words.lower() not in _TRADE_WORDS or late:
        return None
    pair = _trade_pair(ctx, article)
    if pair is None:
        return None
    (a, b), words = pair
    annual = re.search(r"\b(annual|a year|per year|each year|yearly)\b", ctx.before + ctx.after, re.I)
    if period == "current" and annual:
        period, period_words = "annual", f"'{annual.group(1)}': the last full year before the article"
    return {
        "subject": f"{ct.name_of(a)}–{ct.name_of(b)}",
        "subject_iso3": "",
        "metric": TRADE_METRIC,
        "subject_words": words,
        "metric_words": metric_words,
        "period": period,
        "period_words": period_words,
    }


def find_claims(article: Article, numbers: pd.DataFrame, metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every candidate figure of `article` (numbers from `extract_numbers`) read as a country's
    population or GDP claim or as a lookalike. Columns: AUTO_COLUMNS: is_claim (bool), subject
    (canonical country name), subject_iso3, metric (population, gdp_usd), period (a year or
    'current'), subject_words / metric_words / period_words (what decided each), why_not (for
    lookalikes: why it is not a country total; '' for claims)."""
    signals: dict[str, tuple[str, ...]] | None = None
    main: tuple[str, str] | None = None
    published = article.metadata.published
    quantities, dated = _quantities(numbers), _dated(numbers)
    rows = []
    for _, n in numbers[numbers["kind"].isin(["money", "count"])].iterrows():
        money = n["kind"] == "money"
        if money and (n["value"] is None or float(n["value"]) < MIN_GDP_USD):
            continue
        if n["kind"] == "count" and (n["value"] is None or float(n["value"]) < MIN_POPULATION):
            continue
        if n["kind"] not in ("money", "count"):
            continue
        if signals is None:  # the first candidate: what every candidate of the article shares
            signals, main = metric_signals(metrics), main_country(article)
        ctx = _Context(article, numbers, n, quantities)
        noun = str(n["noun"] or "")
        code, subject_words, attached, local = _subject(ctx, article, noun, main)
        unit = n["unit"] if money else "people"
        metric, metric_words, why = _decide_metric(ctx, "USD" if money else "people", signals, attached, noun)
        if money and n["unit"] != "USD":
            metric, why = None, f"money in {n['unit']}, not US dollars" + (" (GDP in local currency)" if metric else "")
        period, period_words, late = _period(ctx, numbers, published, dated)
        if metric and not code:
            why = "no country is named for it"
        elif metric and not money and metric_words.endswith("(after the figure)") and not local:
            why = f"'{metric_words.split(' (')[0]}' follows the figure, but no country is named beside it"
        elif metric and late:
            why = late
        is_claim = bool(metric and code and not why)
        trade = (
            _trade_claim(ctx, article, why, metric_words, period, period_words, late)
            if (money and n["unit"] == "USD" and not is_claim)
            else None
        )
        if trade:
            rows.append(
                {
                    "mention_id": n["mention_id"],
                    "start": int(n["start"]),
                    "end": int(n["end"]),
                    "text": n["text"],
                    "value": float(n["value"]),
                    "unit": unit,
                    "hedge": n["hedge"] or "",
                    "is_claim": True,
                    **trade,
                    "why_not": "",
                }
            )
            continue
        rows.append(
            {
                "mention_id": n["mention_id"],
                "start": int(n["start"]),
                "end": int(n["end"]),
                "text": n["text"],
                "value": float(n["value"]),
                "unit": unit,
                "hedge": n["hedge"] or "",
                "is_claim": is_claim,
                "subject": ct.name_of(code) if code else "",
                "subject_iso3": code or "",
                "metric": metric or ("gdp_usd" if money else "population"),
                "period": period,
                "subject_words": subject_words,
                "metric_words": metric_words,
                "period_words": period_words,
                "why_not": "" if is_claim else why,
            }
        )
    rows = _with_other_metrics(article, numbers, rows, metrics)
    return pd.DataFrame(rows, columns=AUTO_COLUMNS)


def _with_other_metrics(
    article: Article, numbers: pd.DataFrame, rows: list[dict], metrics: pd.DataFrame | None
) -> list[dict]:
    """`rows` plus the claims of every other metric with signal words (`signals.other_claims`),
    which replace the lookalike reading of the same mention."""
    from ..reference import load_facts, load_metrics
    from .signals import other_claims

    claimed = {r["mention_id"] for r in rows if r["is_claim"]}
    others = other_claims(
        article,
        numbers,
        claimed,
        load_metrics() if metrics is None else metrics,
        load_facts(),
        set(AUTO_METRICS) | {TRADE_METRIC},
    )
    replaced = {o["mention_id"] for o in others}
    return sorted([r for r in rows if r["mention_id"] not in replaced] + others, key=lambda r: r["start"])
