"""Check the article's quotations against their primary or near-primary sources.

`match_quote_sources(quotes, sources)` pairs the quotes table (quotes.csv) with the reference
table quote_sources.csv and says, per quotation, whether the source has the same words.
"""

from __future__ import annotations

import difflib
import re

import pandas as pd
from rapidfuzz import fuzz, process

from .lexicon import MEDIA_WORDS

MATCHES = ("verbatim", "close", "different wording", "source not in English", "no source found")
SPEAKER_CHECKS = ("agrees", "reported by an outlet", "differs", "no source")

# Pairing a quote with an `article_quote` that is not identical after normalisation: the
# reference strings are exact substrings of the article, so only boundary slips of the extractor
# (a stray mark, a word at the edge) should remain. The indel ratio counts inserted plus deleted
# characters against the two strings' combined length: 90 allows a tenth of it, e.g. a 4-letter
# word plus space at the edge of a 45-character quote, no more.
PAIR_MIN = 90.0
# A quotation that is not verbatim counts as close when no content word differs (see
# MINOR_WORDS) and the case-folded characters agree at this indel ratio or better: an added "a "
# in a 40-character quote scores about 97.5. The ratio alone cannot separate wording changes
# (swapping "support" for "backing" there scores 82.5, but "farmers" for "planters" 91), so the
# word check decides "different wording"; the ratio guards against many small changes adding up.
CLOSE_MIN = 90.0
# Source windows tried for a quote of n words: n +- max(WINDOW_SLACK, n // 3) words, so that
# words the article adds or drops (up to a third of a long quote) still fit one window.
WINDOW_SLACK = 3
# Function words whose addition or removal leaves the quoted wording "close" (articles,
# auxiliaries, common prepositions and conjunctions). Any other changed word is a wording change.
MINOR_WORDS = frozenset(
    "a an the is are was were be been am has have had do does did will would shall should can "
    "could may might must of to in on at by for with from as that this these those and or but "
    "it its".split()
)
# Words that name a kind of organisation rather than a particular one: they do not count as
# agreement between the source organisation and the quoted speaker.
GENERIC_ORG_WORDS = frozenset(
    "the of and for in on to a an government office ministry department president prime "
    "minister secretary spokesperson spokesman spokeswoman official officials anonymous "
    "statement post social states state national press service agency news group party "
    "report reported remarks speech".split()
)
# Last words of a news organisation's name (Anadolu Agency, Associated Press, Wall Street
# Journal, ...): such a source_org reports the speech rather than issuing it.
OUTLET_WORDS = MEDIA_WORDS | {"agency"}  # the outlet words, and news agencies
LANGUAGES = {"en": "English", "ar": "Arabic", "ru": "Russian", "fr": "French"}

COLUMNS = [
    "quote_id",
    "text",
    "speaker",
    "source_quote_id",
    "source_org",
    "url",
    "language",
    "match",
    "similarity",
    "matched_source_excerpt",
    "speaker_check",
    "note",
]
QUOTE_NEEDS = ("quote_id", "text", "speaker", "affiliation")
SOURCE_NEEDS = ("quote_id", "article_quote", "source_text", "source_language", "source_org", "url", "notes")

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_EDGE_CHARS = "\\s\"'\u201c\u201d\u2018\u2019.,;:!?"
_EDGE = re.compile(rf"^[{_EDGE_CHARS}]+|[{_EDGE_CHARS}]+$")
_GLYPHS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_GLOSS = re.compile(r"gloss[^:]{0,20}:\s*'([^']+)'", re.IGNORECASE)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _glyphs(s: str) -> str:
    return s.translate(_GLYPHS)


def pairing_key(text: str) -> str:
    """Quote text for pairing: straight glyphs, whitespace collapsed, no edge punctuation,
    case-folded."""
    return _EDGE.sub("", " ".join(_glyphs(text).split())).casefold()


def _typo(s: str) -> str:
    """Case-folded text with typography evened out (glyphs, dash spacing, whitespace)."""
    s = re.sub(r"\s*[\u2014\u2013]\s*", "\u2014", _glyphs(s))
    return " ".join(s.split()).casefold()


def _parts(quote: str) -> list[str]:
    """The quote's pieces between ellipses, edge punctuation removed."""
    return [p for p in (_EDGE.sub("", x) for x in _ELLIPSIS.split(quote)) if p]


def _words(s: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(_glyphs(s))]


def _verbatim_spans(parts: list[str], source: str) -> list[tuple[int, int]] | None:
    """Spans of the parts found in order in `source` as whole words (whitespace runs and
    apostrophe glyphs may differ; case may not), or None."""
    spans, pos = [], 0
    for part in parts:
        body = r"\s+".join(re.escape(_glyphs(t)).replace("'", "['\u2019]") for t in part.split())
        m = re.compile(rf"(?<!\w){body}(?!\w)").search(source, pos)
        if m is None:
            return None
        spans.append(m.span())
        pos = m.end()
    return spans


def _best_window(part: str, source: str, tokens: list[tuple[int, int]], first: int) -> tuple[float, int, int]:
    """Best source window of whole words (token index >= first) for `part`: (score, i, j)."""
    n = max(1, len(_WORD.findall(part)))
    slack = max(WINDOW_SLACK, n // 3)
    windows = [
        (i, j)
        for i in range(first, len(tokens))
        for j in range(i + max(1, n - slack), min(len(tokens), i + n + slack) + 1)
    ]
    if not windows:
        return 0.0, first, first
    texts = [_typo(source[tokens[i][0] : tokens[j - 1][1]]) for i, j in windows]
    _, score, k = process.extractOne(_typo(part), texts, scorer=fuzz.ratio, processor=None)
    return float(score), *windows[k]


def _align(
    part: str, source: str, tokens: list[tuple[int, int]], window: tuple[int, int], first: int
) -> tuple[int, int]:
    """Widen or narrow a window to the source words between the first and the last word matched
    to the quote, looking WINDOW_SLACK words beyond it: a window that skips the quote's edge
    words must not hide source words inside them (a dropped "very" in "a very costly")."""
    lo, hi = max(first, window[0] - WINDOW_SLACK), min(len(tokens), window[1] + WINDOW_SLACK)
    context = [source[a:b].casefold() for a, b in tokens[lo:hi]]
    quote = _words(part)
    blocks = [b for b in difflib.SequenceMatcher(None, quote, context, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return window
    return lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size


def _quoted(words: list[str], limit: int = 4) -> str:
    shown = " ".join(words[:limit]) + (" \u2026" if len(words) > limit else "")
    return f"\u2018{shown}\u2019"


def _word_changes(quote_words: list[str], source_words: list[str]) -> tuple[list[str], bool]:
    """Readable word differences (article vs source, case-folded; capitalisation listed
    separately) and whether any content word changed."""
    qf, sf = [w.casefold() for w in quote_words], [w.casefold() for w in source_words]
    changes, cased, content = [], [], False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, qf, sf, autojunk=False).get_opcodes():
        ours, theirs = qf[i1:i2], sf[j1:j2]
        if tag == "equal":
            cased += [(a, b) for a, b in zip(quote_words[i1:i2], source_words[j1:j2]) if a != b]
            continue
        content |= any(w not in MINOR_WORDS for w in ours + theirs)
        if tag == "delete":
            changes.append(f"article adds {_quoted(ours)}")
        elif tag == "insert":
            changes.append(f"article drops {_quoted(theirs)}")
        else:
            changes.append(f"article has {_quoted(ours)} where the source has {_quoted(theirs)}")
    if cased:
        pairs = ", ".join(f"{a}/{b}" for a, b in cased[:3])
        changes.append(f"capitalisation (article/source) {pairs}")
    return changes, content


def _dash_spacing(s: str) -> list[bool]:
    """For each dash between words: is it written with spaces around it?"""
    return [m.group(0).strip() != m.group(0) for m in re.finditer(r"\s*[\u2014\u2013]\s*", s)]


def compare_text(quote: str, source: str) -> dict:
    """Compare one quotation with an English source text.

    Returns match ("verbatim", "close" or "different wording"), similarity (0-100, the
    length-weighted indel ratio of the quote's pieces against their best source windows, after
    case folding and evening out typography), matched_source_excerpt and a note saying how
    the wording differs. An ellipsis in the quote stands for omitted source words.
    """
    parts = _parts(quote)
    if not parts:
        return {
            "match": "different wording",
            "similarity": 0.0,
            "matched_source_excerpt": "",
            "note": "the quotation holds no words",
        }
    spans = _verbatim_spans(parts, source)
    if spans is not None:
        excerpt = source[spans[0][0] : spans[-1][1]]
        gaps = [source[a[1] : b[0]].strip() for a, b in zip(spans, spans[1:])]
        note = "; ".join(f"the ellipsis stands for \u2018{g}\u2019" for g in gaps if g)
        return {
            "match": "verbatim",
            "similarity": 100.0,
            "matched_source_excerpt": excerpt,
            "note": note or "the source has these words",
        }
    tokens = [m.span() for m in _WORD.finditer(source)]
    scored, first = [], 0
    for part in parts:
        score, i, j = _best_window(part, source, tokens, first)
        if j > i:
            i, j = _align(part, source, tokens, (i, j), first)
            score = fuzz.ratio(_typo(part), _typo(source[tokens[i][0] : tokens[j - 1][1]]))
        scored.append((part, round(score, 1), i, j))
        first = j if j > i else first
    weights = [len(p) for p, *_ in scored]
    similarity = round(sum(w * s for w, (_, s, _, _) in zip(weights, scored)) / sum(weights), 1)
    found = [(p, i, j) for p, _, i, j in scored if j > i]
    excerpt = source[tokens[found[0][1]][0] : tokens[found[-1][2] - 1][1]] if found else ""
    changes, content = [], False
    for p, i, j in found:
        window = source[tokens[i][0] : tokens[j - 1][1]]
        ch, c = _word_changes(_WORD.findall(_glyphs(p)), _WORD.findall(_glyphs(window)))
        changes += ch
        content |= c
        if _dash_spacing(p) != _dash_spacing(window):
            changes.append("spacing around dashes")
    if not content and similarity >= CLOSE_MIN:
        return {
            "match": "close",
            "similarity": similarity,
            "matched_source_excerpt": excerpt,
            "note": "; ".join(changes[:4]) or "punctuation or spacing",
        }
    known = set(_words(source))
    missing = [w for w in dict.fromkeys(_words(quote)) if w not in MINOR_WORDS and w not in known]
    note = (
        "the source does not use " + ", ".join(f"\u2018{w}\u2019" for w in missing[:4])
        if missing
        else "; ".join(changes[:3]) or "the words differ"
    )
    return {"match": "different wording", "similarity": similarity, "matched_source_excerpt": excerpt, "note": note}


def _org_tokens(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+(?:'s)?", _glyphs(text).casefold())
    return {w.removesuffix("'s") for w in words} - GENERIC_ORG_WORDS - {""}


def speaker_check(source_org: str, speaker: str, affiliation: str, mention: str = "", channel: str = "") -> str:
    """Does the source's organisation fit the quoted speaker? One of SPEAKER_CHECKS.

    "reported by an outlet": the source is a news report (its name ends in an outlet word such
    as Agency or Press, it says "report", or it is the channel the article names), checked
    first because an outlet of the speaker's country is still not the speaker; "agrees": the
    organisation's name (before any parenthesis) shares a word, other than generic words such
    as "government", with the speaker, the mention or the affiliation; "differs": neither;
    "no source": no organisation recorded.
    """
    org = _text(source_org).strip()
    if not org:
        return "no source"
    name = org.split("(")[0]
    last = re.findall(r"[^\W\d_]+", name.casefold())
    if (
        re.search(r"\breport", org, re.IGNORECASE)
        or (last and last[-1] in OUTLET_WORDS)
        or _org_tokens(name) & _org_tokens(channel)
    ):
        return "reported by an outlet"
    if _org_tokens(name) & _org_tokens(" ".join([speaker, affiliation, mention])):
        return "agrees"
    return "differs"


def pair_quotes(quotes: pd.DataFrame, sources: pd.DataFrame) -> dict[int, int]:
    """Map positions in `quotes` to positions in `sources` whose article_quote is the quote.

    Identical keys (see `pairing_key`) pair first, repeated strings in order of appearance;
    the rest pair by rapidfuzz ratio >= PAIR_MIN, best scores first.
    """
    qkeys = [pairing_key(_text(t)) for t in quotes["text"]]
    skeys = [pairing_key(_text(t)) for t in sources["article_quote"]]
    pairs: dict[int, int] = {}
    for key in dict.fromkeys(qkeys):
        qs = [i for i, k in enumerate(qkeys) if k == key]
        ss = [j for j, k in enumerate(skeys) if k == key]
        pairs.update(zip(qs, ss))
    free_q = [i for i in range(len(qkeys)) if i not in pairs]
    free_s = [j for j in range(len(skeys)) if j not in set(pairs.values())]
    if free_q and free_s:
        scores = process.cdist(
            [qkeys[i] for i in free_q], [skeys[j] for j in free_s], scorer=fuzz.ratio, score_cutoff=PAIR_MIN
        )
        candidates = sorted(
            (-float(scores[a, b]), a, b)
            for a in range(len(free_q))
            for b in range(len(free_s))
            if scores[a, b] >= PAIR_MIN
        )
        used_q, used_s = set(), set()
        for _, a, b in candidates:
            if a not in used_q and b not in used_s:
                pairs[free_q[a]] = free_s[b]
                used_q.add(a)
                used_s.add(b)
    return pairs


def _first_sentence(text: str, limit: int = 160) -> str:
    s = re.split(r"(?<=[.;])\s", text.strip(), maxsplit=1)[0].rstrip(" ;")
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "\u2026"


def _is_english(language: str, text: str) -> bool:
    if language:
        return language == "en"
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.9 * len(letters)


def _check_columns(df: pd.DataFrame, needed: tuple[str, ...], name: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise ValueError(f"{name} lacks columns: {', '.join(missing)}")


# A quote-source table describes one article (quote_sources.csv has no article column): it applies
# to an article when most of its quoted strings occur in that article's text, so that a common
# word such as "historic" in another article is never paired with a source written for the seed.
TABLE_APPLIES_MIN_SHARE = 0.5


def sources_for_article(
    sources: pd.DataFrame, article_text: str, min_share: float = TABLE_APPLIES_MIN_SHARE
) -> pd.DataFrame:
    """The rows of a quote-source table that belong to this article: all rows whose
    `article_quote` occurs in `article_text`, provided at least `min_share` of the table's rows
    do (the table is about this article); otherwise an empty table with the same columns."""
    if sources.empty:
        return sources
    present = sources["article_quote"].map(lambda q: _text(q) in article_text)
    if present.mean() < min_share:
        return sources.iloc[0:0]
    return sources[present]


def match_quote_sources(quotes: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per quotation of `quotes` (from `extract_quotes`), checked against its source in
    `sources` (from `analysis.reference.load_quote_sources`).

    Columns: quote_id, text, speaker (from the quotes table); source_quote_id (the paired
    quote_sources row, empty when none); source_org, url; language (of the source text, e.g.
    "English", empty without source text); match (one of MATCHES: verbatim, close, different
    wording, source not in English, no source found); similarity (0-100, NaN unless the source
    is in English; see `compare_text`); matched_source_excerpt (the best matching source window;
    the whole source text when not in English); speaker_check (one of SPEAKER_CHECKS, see
    `speaker_check`); note (how the wording differs, the reference gloss of a non-English
    source, or why there is no source). Rows are sorted by quote_id.
    """
    _check_columns(quotes, QUOTE_NEEDS, "quotes table")
    _check_columns(sources, SOURCE_NEEDS, "quote_sources table")
    quotes = quotes.reset_index(drop=True)
    sources = sources.reset_index(drop=True)
    pairs = pair_quotes(quotes, sources)
    rows = []
    for i, q in quotes.iterrows():
        row = {
            "quote_id": q["quote_id"],
            "text": _text(q["text"]),
            "speaker": _text(q["speaker"]),
            "source_quote_id": "",
            "source_org": "",
            "url": "",
            "language": "",
            "match": "no source found",
            "similarity": float("nan"),
            "matched_source_excerpt": "",
            "speaker_check": "no source",
            "note": "no row of the reference table quotes these words",
        }
        if i in pairs:
            s = sources.loc[pairs[i]]
            row.update(_source_row(q, s))
        rows.append(row)
    out = pd.DataFrame(rows, columns=COLUMNS).astype({"similarity": "float64"})
    order = out["quote_id"].map(lambda x: (len(str(x)), str(x)))
    return out.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _source_row(q: pd.Series, s: pd.Series) -> dict:
    """The source-dependent fields of one paired quotation."""
    text, lang = _text(s["source_text"]).strip(), _text(s["source_language"]).strip()
    notes = _text(s["notes"])
    row = {
        "source_quote_id": s["quote_id"],
        "source_org": _text(s["source_org"]),
        "url": _text(s["url"]),
        "speaker_check": speaker_check(
            s["source_org"],
            _text(q["speaker"]),
            _text(q["affiliation"]),
            _text(q.get("speaker_mention")),
            _text(q.get("channel")),
        ),
    }
    if not text:
        row["note"] = "no source text in the reference table" + (
            f"; reference notes: {_first_sentence(notes)}" if notes else ""
        )
        return row
    if not _is_english(lang, text):
        gloss = _GLOSS.search(notes)
        row.update(
            language=LANGUAGES.get(lang, lang or "unknown"),
            match="source not in English",
            matched_source_excerpt=text,
            note=(
                f"gloss in the reference notes: \u2018{gloss.group(1)}\u2019"
                if gloss
                else "no English gloss in the reference notes; not compared"
            ),
        )
        return row
    row["language"] = "English"
    row.update(compare_text(_text(q["text"]), text))
    return row
