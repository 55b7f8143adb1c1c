"""Reading the project's small YAML files (metadata, claim registers, speaker files).

The loader is PyYAML's safe loader made strict: aliases (`*name`) are refused, so a few hundred
bytes cannot expand into gigabytes; a key given twice in one mapping is refused rather than the
first value silently dropped; an impossible date (`2025-02-30`) is reported with its line; and the
file may be at most `MAX_YAML_BYTES` long.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError, brief
from .paths import resolve

MAX_YAML_BYTES = 5_000_000


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases and duplicate keys, with date errors reported as YAML errors."""

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's signature)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # noqa: ANN001
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: SafeLoader reports it below
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {brief(key)} is given twice", key_node.start_mark
                )
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):  # noqa: ANN001
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None, None, f"{brief(node.value)} is not a real date", node.start_mark
            ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)
StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)


def read_yaml(path: str | Path, what: str) -> object:
    """Parse the YAML file at `path`; `what` names the file's role in error messages.

    Raises InputError naming the file for a missing file, a folder, a file over MAX_YAML_BYTES,
    bytes that are not UTF-8, malformed YAML (with the line of the problem), aliases, duplicate
    keys, impossible dates and nesting too deep to read.
    """
    p = resolve(path)
    if not p.exists():
        raise InputError(p, f"{what} not found")
    if not p.is_file():
        raise InputError(p, f"{what} is not a regular file")
    try:
        if p.stat().st_size > MAX_YAML_BYTES:
            raise InputError(p, f"{what} is over {MAX_YAML_BYTES // 1_000_000} MB; a file this size is not metadata")
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(p, f"{what} is not valid UTF-8") from None
    except OSError as exc:
        raise InputError(p, f"{what} cannot be read: {exc.strerror or exc}") from None
    if "\x00" in text:
        raise InputError(p, f"{what} holds a NUL byte at offset {text.index(chr(0))}")
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(p, f"malformed YAML{line}: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise InputError(p, f"{what} is nested too deeply to read") from None
