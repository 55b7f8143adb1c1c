"""Optional per-article speaker file: what the text itself does not say about speakers.

Format (YAML), one entry per canonical speaker name:

    speakers:
      Jane Doe:
        type: person                      # person, organisation, anonymous, document, publication
        affiliation: Example government   # optional
        aliases: [Doe, the minister]      # optional: other names the text uses

The default file of an article is data/speakers/<slug>.yaml.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..paths import SPEAKERS, resolve
from ..yamlfile import read_yaml

SPEAKER_TYPES = {"person", "organisation", "anonymous", "document", "publication"}
KEYS = {"type", "affiliation", "aliases"}


def default_speakers_file(slug: str) -> Path | None:
    """data/speakers/<slug>.yaml when it exists, else None."""
    path = SPEAKERS / f"{slug}.yaml"
    return path if path.is_file() else None


def load_speakers(path: str | Path) -> dict[str, dict]:
    """Validated speaker entries: {canonical name: {"type", "affiliation", "aliases"}}."""
    p = resolve(path)
    data = read_yaml(p, "speaker file")
    if not isinstance(data, dict) or not isinstance(data.get("speakers"), dict):
        raise InputError(p, "expected a mapping with a 'speakers' mapping")
    out = {}
    for name, info in data["speakers"].items():
        if not isinstance(name, str) or not name.strip():
            raise InputError(p, f"speaker name {name!r} is not a non-empty string")
        info = info or {}
        if not isinstance(info, dict):
            raise InputError(p, f"speaker {name!r}: expected a mapping")
        unknown = set(info) - KEYS
        if unknown:
            raise InputError(p, f"speaker {name!r}: unknown key(s) {sorted(unknown)}")
        if "type" in info and info["type"] not in SPEAKER_TYPES:
            raise InputError(p, f"speaker {name!r}: type {info['type']!r} not one of {sorted(SPEAKER_TYPES)}")
        if "affiliation" in info and not isinstance(info["affiliation"], str):
            raise InputError(p, f"speaker {name!r}: affiliation must be a string")
        aliases = info.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(p, f"speaker {name!r}: aliases must be a list of strings")
        out[name] = {
            "type": info.get("type", "person"),
            "aliases": aliases,
            **({"affiliation": info["affiliation"]} if "affiliation" in info else {}),
        }
    return out
