"""A report as one JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output).

The text is exactly ``json.dumps(document, indent=2, allow_nan=False)``, written faster: with an
indent, the standard library encodes in Python (about 6 microseconds a value: a third of a second
for the 56,000 rows of 1,000 indicators' trajectories), so each flat record (a row: a table of
numbers and text) is encoded by its C encoder, with the indent as the separator.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report

_INDENT = "  "


@functools.cache
def _flat_encoder(level: int) -> json.JSONEncoder:
    """The C encoder for a flat dict at ``level``: its items separated by a line break and the
    indent of that level (what ``indent=2`` writes between them)."""
    return json.JSONEncoder(separators=(",\n" + _INDENT * (level + 1), ": "), allow_nan=False)


def _dumps(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(value, indent=2, allow_nan=False)`` writes it at ``level``."""
    if isinstance(value, dict) and value:
        inner = "\n" + _INDENT * (level + 1)
        if not any(isinstance(item, (dict, list, tuple)) for item in value.values()):
            return (
                "{"
                + inner
                + _flat_encoder(level).encode(value)[1:-1]
                + "\n"
                + _INDENT * level
                + "}"
            )
        items = [
            inner
            + json.dumps(key if isinstance(key, str) else _key(key))
            + ": "
            + _dumps(item, level + 1)
            for key, item in value.items()
        ]
        return "{" + ",".join(items) + "\n" + _INDENT * level + "}"
    if isinstance(value, (list, tuple)) and value:
        if all(_is_flat(item) for item in value):
            return _rows(value, level)
        inner = "\n" + _INDENT * (level + 1)
        items = [inner + _dumps(item, level + 1) for item in value]
        return "[" + ",".join(items) + "\n" + _INDENT * level + "]"
    return json.dumps(value, allow_nan=False)


def _is_flat(value: Any) -> bool:
    """A non-empty dict of numbers, text, booleans and nulls only (a report's row)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and not any(isinstance(item, (dict, list, tuple)) for item in value.values())
    )


def _rows(rows: list[Any] | tuple[Any, ...], level: int) -> str:
    """A list of flat dicts at ``level``, a batch of rows per call of the C encoder: its
    separator is the rows' items' (a line break and their indent); between two rows and at
    both ends the indent is then set right. Encoded JSON holds no raw line break (a string's is
    ``\\n``), and in a row only a row's end is a ``}`` before a separator, so the replacements
    touch nothing else. Batches keep the encoder's pieces few (one list of small strings for
    560,000 rows took a gigabyte)."""
    outer, row, item = (_INDENT * n for n in (level, level + 1, level + 2))
    encoder = _flat_encoder(level + 1)
    between = "\n" + row + "},\n" + row + "{\n" + item
    parts = []
    for start in range(0, len(rows), _BATCH):
        text = encoder.encode(list(rows[start : start + _BATCH]))  # '[{"a": 1,\n<item>"b": 2}]'
        parts.append(text[2:-2].replace("},\n" + item + "{", between))
    return "[\n" + row + "{\n" + item + between.join(parts) + "\n" + row + "}\n" + outer + "]"


_BATCH = 1_000
"""Rows encoded per call of the C encoder."""


def _key(key: Any) -> str:
    """A dict key that is not text, as ``json.dumps`` writes it (``1`` -> ``"1"``)."""
    return json.loads(json.dumps({key: 0}, allow_nan=False)).popitem()[0]  # type: ignore[no-any-return]


def to_json(report: Report[Any], explain: bool = False) -> str:
    """One JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output), as
    ``json.dumps(document, indent=2, allow_nan=False)`` writes it, and a line break."""
    return _dumps(report.to_document(explain), 0) + "\n"
