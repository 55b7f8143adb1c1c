"""Claim registers: `data/claims/<slug>.yaml` says which mentions of an article are claims.

Each entry has a locator in the text (`mention`: the mention's words as written, `context`:
other words of the same sentence, `occurrence`: which match, 1-based, when several remain),
what it measures (`subject`, `metric`: one name or a list from the reference vocabulary), the
`period` it refers to (see `analysis.claims.periods`), and optionally `attributed_to`,
`ends_with` (the reference metric of the event that closes the period, e.g.
ceasefire_effective), `topic` (`polls` sends the claim to the poll notebook) and `note`.
A register names metrics and subjects, never reference rows, and holds no verdicts.
The register is the researcher's override of the automatic claims (`analysis.claims.auto`): an
entry wins over the automatic reading of the same mention, an entry with `drop: true` (and only
`id`, `mention`, optionally `context`, `occurrence`, `note`) removes that mention from the
claims, and entries add claims the automatic reading does not find.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pandas as pd

from .. import paths
from ..article import Article
from ..errors import InputError
from ..wording import plural
from ..yamlfile import read_yaml
from .periods import ISO, Period, iso_span, span_label

ENTRY_KEYS = {
    "id",
    "mention",
    "context",
    "occurrence",
    "subject",
    "metric",
    "period",
    "ends_with",
    "attributed_to",
    "topic",
    "note",
    "drop",
}
REQUIRED = ("id", "mention", "subject", "metric")
POLL_TOPIC = "polls"
LOCATED_COLUMNS = [
    "claim_id",
    "mention_id",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "hedge",
    "kind",
    "bound",
    "step",
    "date_start",
    "date_end",
    "subject",
    "metric",
    "metrics",
    "period",
    "period_mode",
    "period_start",
    "period_end",
    "start_mention_id",
    "end_mention_id",
    "ends_with",
    "attributed_to",
    "topic",
    "note",
]


def register_path(article: Article) -> Path:
    """Where the register of an article lives: data/claims/<slug>.yaml."""
    return paths.CLAIMS / f"{article.slug}.yaml"


def load_register(path: str | Path, metrics: set[str] | None = None) -> list[dict]:
    """Read and validate a register; each problem raises InputError naming the file and entry.

    `metrics`, when given, is the reference vocabulary that `metric` and `ends_with` must use
    (poll claims are exempt: their figures live in polls.csv).
    """
    p = paths.resolve(path)
    data = read_yaml(p, "claim register")
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise InputError(p, "a claim register is a mapping with a list under 'claims'")
    unknown_top = sorted(set(map(str, data)) - {"article", "claims", "note"})
    if unknown_top:
        raise InputError(p, f"unknown top-level key(s) {unknown_top}; allowed: article, claims, note")
    seen: set[str] = set()
    entries = []
    for i, entry in enumerate(data["claims"], start=1):
        entries.append(_check_entry(p, i, entry, seen, metrics))
    return entries


def _check_entry(p: Path, i: int, entry, seen: set[str], metrics: set[str] | None) -> dict:
    where = f"entry {i}"
    if not isinstance(entry, dict):
        raise InputError(p, f"{where}: must be a mapping of keys to values")
    if "id" in entry:
        where = f"entry {i} ({entry['id']})"
    unknown = sorted(set(map(str, entry)) - ENTRY_KEYS)
    if unknown:
        raise InputError(p, f"{where}: unknown key(s) {unknown}; allowed: {sorted(ENTRY_KEYS)}")
    if "drop" in entry and entry["drop"] is not True:
        raise InputError(p, f"{where}: 'drop' must be true when given, got {entry['drop']!r}")
    for key in ("id", "mention") if entry.get("drop") else REQUIRED:
        if entry.get(key) in (None, "", []):
            raise InputError(p, f"{where}: '{key}' is required")
    cid = str(entry["id"])
    if entry.get("drop"):
        extra = sorted(set(map(str, entry)) - {"id", "mention", "context", "occurrence", "note", "drop"})
        if extra:
            raise InputError(
                p, f"{where}: a 'drop' entry takes only id, mention, context, occurrence and note; got {extra}"
            )
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", cid):
        raise InputError(p, f"{where}: id {cid!r} may only hold letters, digits, '_', '-', '.'")
    if cid in seen:
        raise InputError(p, f"{where}: duplicate id {cid!r}")
    seen.add(cid)
    for key in ("mention", "context", "subject", "attributed_to", "topic", "note", "ends_with"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise InputError(p, f"{where}: '{key}' must be text, got {entry[key]!r}")
    if entry.get("drop"):
        return {**entry, "id": cid, "metrics": [], "where": where, "path": p}
    metric = entry["metric"]
    names = metric if isinstance(metric, list) else [metric]
    if not all(isinstance(m, str) and re.fullmatch(r"[a-z][a-z0-9_]*", m) for m in names):
        raise InputError(p, f"{where}: 'metric' must be a snake_case name or a list of them, got {metric!r}")
    checked = names + ([entry["ends_with"]] if entry.get("ends_with") else [])
    if metrics is not None and entry.get("topic") != POLL_TOPIC:
        for name in checked:
            if name not in metrics:
                close = difflib.get_close_matches(name, sorted(metrics), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise InputError(p, f"{where}: metric {name!r} is not in the reference vocabulary{hint}")
    occurrence = entry.get("occurrence")
    if occurrence is not None and (not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1):
        raise InputError(p, f"{where}: 'occurrence' must be a whole number from 1, got {occurrence!r}")
    _check_period(p, where, entry.get("period"))
    return {**entry, "id": cid, "metrics": names, "where": where, "path": p}


def _check_period(p: Path, where: str, period) -> None:
    if period is None or isinstance(period, (dt.date, int)) and not isinstance(period, bool):
        return
    if isinstance(period, str):
        if period in ("current", "annual") or ISO.match(period):
            return
        raise InputError(
            p,
            f"{where}: period {period!r} must be current, annual, an ISO date "
            "(YYYY, YYYY-MM, YYYY-MM-DD) or a mapping with start/end",
        )
    if isinstance(period, dict):
        extra = sorted(set(map(str, period)) - {"start", "end"})
        if extra or "end" not in period:
            raise InputError(
                p, f"{where}: a period mapping takes 'end' and optionally 'start', got {sorted(map(str, period))}"
            )
        return
    raise InputError(p, f"{where}: period {period!r} is not understood")


def locate(entry: dict, article: Article, numbers: pd.DataFrame) -> pd.Series:
    """The extracted mention an entry points at; InputError if none or several match."""
    text, mention = article.text, entry["mention"]
    starts = [m.start() for m in re.finditer(re.escape(mention), text)]
    if entry.get("context"):
        starts = [s for s in starts if entry["context"] in article.sentence_at(s).text]
    if not starts:
        ctx = f" in a sentence holding {entry['context']!r}" if entry.get("context") else ""
        raise InputError(entry["path"], f"{entry['where']}: mention {mention!r} not found in the article{ctx}")
    if entry.get("occurrence"):
        if entry["occurrence"] > len(starts):
            raise InputError(
                entry["path"],
                f"{entry['where']}: occurrence {entry['occurrence']} asked, "
                f"but {mention!r} matches {plural(len(starts), 'time')}",
            )
        starts = [starts[entry["occurrence"] - 1]]
    elif len(starts) > 1:
        raise InputError(
            entry["path"],
            f"{entry['where']}: mention {mention!r} matches {len(starts)} times; add a 'context' or an 'occurrence'",
        )
    start, end = starts[0], starts[0] + len(mention)
    hits = numbers[(numbers["start"] < end) & (numbers["end"] > start)]
    if hits.empty:
        raise InputError(
            entry["path"],
            f"{entry['where']}: {mention!r} at offset {start} is not a numeric "
            "or dated mention the extractor recognises",
        )
    return hits.iloc[0]


def resolve_period(entry: dict, article: Article, numbers: pd.DataFrame) -> tuple[Period, str, str]:
    """The entry's Period, plus the mention ids its start and end were read from ('' if none)."""
    spec, published = entry.get("period"), article.metadata.published
    if spec is None:
        return Period("not stated", "unstated"), "", ""
    if spec == "current":
        if published is None:
            return Period("current (article date unknown)", "unstated"), "", ""
        return Period(f"current at {published.isoformat()}", "current", None, None, published, published), "", ""
    if spec == "annual":
        if published is None:
            return Period("annual (article date unknown)", "unstated"), "", ""
        year = published.year - 1
        lo, hi = iso_span(str(year))
        return Period(f"annual: {year}, the last full year before the article", "flow", lo, lo, hi, hi), "", ""
    if not isinstance(spec, dict):
        lo, hi = iso_span(str(spec))
        return Period(str(spec), "flow", lo, lo, hi, hi), "", ""
    start, start_id = _endpoint(entry, spec.get("start"), article, numbers)
    end, end_id = _endpoint(entry, spec["end"], article, numbers)
    if end is None:
        return Period("end date unknown", "unstated"), start_id, end_id
    label = f"{span_label(*start) if start else 'open'} to {span_label(*end)}"
    return Period(label, "span", *(start or (None, None)), *end), start_id, end_id


def _endpoint(entry: dict, value, article: Article, numbers: pd.DataFrame):
    if value is None:
        return None, ""
    if value == "current":
        day = article.metadata.published
        return ((day, day) if day else None), ""
    if isinstance(value, (dt.date, int)) or (isinstance(value, str) and ISO.match(value)):
        return iso_span(value.isoformat() if isinstance(value, dt.date) else str(value)), ""
    row = _nearest(entry, str(value), article, numbers)
    if not row["date_start"] or pd.isna(row["date_start"]):
        raise InputError(
            entry["path"],
            f"{entry['where']}: period end point {value!r} has no resolved date (is the article's published date set?)",
        )
    return (dt.date.fromisoformat(row["date_start"]), dt.date.fromisoformat(row["date_end"])), row["mention_id"]


def _nearest(entry: dict, value: str, article: Article, numbers: pd.DataFrame) -> pd.Series:
    """The dated mention with this text closest to the claim (for texts that occur twice)."""
    rows = numbers[numbers["text"].str.contains(re.escape(value), regex=True)]
    if rows.empty:
        raise InputError(
            entry["path"], f"{entry['where']}: period end point {value!r} is not a dated mention in the article"
        )
    anchor = locate(entry, article, numbers)["start"]
    return rows.loc[(rows["start"] - anchor).abs().idxmin()]


def locate_claims(entries: list[dict], article: Article, numbers: pd.DataFrame) -> pd.DataFrame:
    """One row per register entry with its mention's value, unit and hedge and its period.

    Columns: LOCATED_COLUMNS (claim_id, mention_id, start, end, text, value, unit, hedge,
    kind, bound, step, date_start, date_end, subject, metric (first name), metrics (all, ';'),
    period (label), period_mode, period_start, period_end, start_mention_id, end_mention_id,
    ends_with, attributed_to, topic, note).
    """
    rows = []
    for entry in entries:
        if entry.get("drop"):
            continue
        hit = locate(entry, article, numbers)
        period, start_id, end_id = resolve_period(entry, article, numbers)
        rows.append(
            {
                "claim_id": entry["id"],
                "mention_id": hit["mention_id"],
                "start": hit["start"],
                "end": hit["end"],
                "text": hit["text"],
                "value": hit["value"],
                "unit": hit["unit"],
                "hedge": hit["hedge"],
                "kind": hit["kind"],
                "bound": hit["bound"],
                "step": hit["step"],
                "date_start": hit["date_start"],
                "date_end": hit["date_end"],
                "subject": entry["subject"],
                "metric": entry["metrics"][0],
                "metrics": ";".join(entry["metrics"]),
                "period": period.label,
                "period_mode": period.mode,
                "period_start": period.start_iso,
                "period_end": period.end_iso,
                "start_mention_id": start_id,
                "end_mention_id": end_id,
                "ends_with": entry.get("ends_with") or "",
                "attributed_to": entry.get("attributed_to") or "",
                "topic": entry.get("topic") or "",
                "note": entry.get("note") or "",
                "_period": period,
            }
        )
    df = pd.DataFrame(rows, columns=LOCATED_COLUMNS + ["_period"])
    return df.sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)


def dropped_mentions(entries: list[dict], article: Article, numbers: pd.DataFrame) -> set[str]:
    """Mention ids of the register's `drop: true` entries (InputError if one is not found)."""
    return {str(locate(e, article, numbers)["mention_id"]) for e in entries if e.get("drop")}
