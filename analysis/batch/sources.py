"""Reading a corpus: a folder of `.txt` articles (each with its optional `.yaml`), a JSONL file
or a CSV file with the columns `doc_id`, `text` and optional `title`, `outlet`, `url`, `published`.

A document that cannot be analysed (undecodable, empty, a broken JSON line) is still returned,
with `problem` saying why, so that the batch lists it in failures.csv and goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..article import read_text
from ..errors import InputError, display_path
from ..paths import resolve
from ..yamlfile import read_yaml

METADATA_FIELDS = ("title", "outlet", "url", "published")


@dataclass(frozen=True)
class Document:
    """One article of a corpus, before analysis."""

    doc_id: str  # the id the corpus gives it (a folder's file name without .txt)
    key: str  # file-safe form of doc_id: its result folder and its slug
    text: str | None  # None when the text cannot be read
    metadata: dict = field(default_factory=dict)  # title, outlet, url, published as given
    origin: str = ""  # where it came from, for messages
    problem: str | None = None  # why it cannot be analysed, or None


def safe_key(doc_id: str) -> str:
    """A file-safe slug for `doc_id`; ids that had to change get a short hash so keys stay unique."""
    key = re.sub(r"[^A-Za-z0-9._-]+", "-", doc_id).strip("-.")[:80]
    if key != doc_id or not key:
        key = f"{key or 'doc'}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:8]}"
    return key


def read_source(source: str | Path) -> list[Document]:
    """The documents of a corpus folder, JSONL or CSV file; InputError if the source itself is unusable."""
    path = resolve(source)
    if path.is_dir():
        docs = _read_folder(path)
    elif not path.exists():
        raise InputError(path, "corpus not found (expected a folder of .txt files, a .jsonl or a .csv file)")
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        docs = _read_jsonl(path)
    elif path.suffix.lower() == ".csv":
        docs = _read_csv(path)
    else:
        raise InputError(path, "unknown corpus format; expected a folder, a .jsonl or a .csv file")
    return _unique(docs)


def _read_folder(folder: Path) -> list[Document]:
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError(folder, "the folder holds no .txt articles")
    docs = []
    for txt in files:
        origin = display_path(txt)
        meta, problem = {}, None
        yaml_path = txt.with_suffix(".yaml")
        if yaml_path.exists():
            try:
                data = read_yaml(yaml_path, "article metadata")
                meta = data if isinstance(data, dict) else {"_invalid": data}
            except InputError as exc:
                problem = f"metadata {yaml_path.name}: {exc.problem}"
        try:
            text = read_text(txt)
        except InputError as exc:
            text, problem = None, exc.problem
        docs.append(Document(txt.stem, txt.stem, text, meta, origin, problem))
    return docs


def _record(rec: dict, origin: str) -> Document:
    doc_id = rec.get("doc_id")
    if doc_id is None or str(doc_id).strip() == "":
        return Document(origin, safe_key(origin), None, {}, origin, "no doc_id")
    doc_id = str(doc_id)
    text = rec.get("text")
    meta = {k: rec[k] for k in METADATA_FIELDS if rec.get(k) not in (None, "")}
    if not isinstance(text, str):
        return Document(doc_id, safe_key(doc_id), None, meta, origin, "no text (missing or not a string)")
    if not text.strip():
        return Document(doc_id, safe_key(doc_id), None, meta, origin, "the text is empty")
    return Document(doc_id, safe_key(doc_id), text, meta, origin)


def _read_jsonl(path: Path) -> list[Document]:
    docs = []
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            origin = f"{display_path(path)} line {number}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                docs.append(
                    Document(
                        origin,
                        safe_key(origin),
                        None,
                        {},
                        origin,
                        f"not valid UTF-8 (byte offset {exc.start} of the line)",
                    )
                )
                continue
            except json.JSONDecodeError as exc:
                docs.append(Document(origin, safe_key(origin), None, {}, origin, f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(rec, dict):
                docs.append(Document(origin, safe_key(origin), None, {}, origin, "a line is not a JSON object"))
                continue
            docs.append(_record(rec, origin))
    return docs


def _read_csv(path: Path) -> list[Document]:
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not a readable CSV corpus: {exc}") from None
    missing = [c for c in ("doc_id", "text") if c not in df.columns]
    if missing:
        raise InputError(path, f"missing column(s) {missing}; a CSV corpus needs doc_id and text")
    return [_record(rec, f"{display_path(path)} row {i + 2}") for i, rec in enumerate(df.to_dict("records"))]


def _unique(docs: list[Document]) -> list[Document]:
    """Second and later documents with an id (or key) already seen become failures."""
    seen: set[str] = set()
    out = []
    for doc in docs:
        if doc.key in seen:
            doc = Document(
                doc.doc_id,
                safe_key(f"{doc.origin}#dup"),
                None,
                doc.metadata,
                doc.origin,
                f"duplicate doc_id {doc.doc_id!r}",
            )
        seen.add(doc.key)
        out.append(doc)
    return out
