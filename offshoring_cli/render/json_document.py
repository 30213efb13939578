"""A report as one JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output).

The text is exactly ``json.dumps(document, indent=2, allow_nan=False)``, written faster: with an
indent, the standard library encodes in Python (about 6 microseconds a value: a third of a second
for the 56,000 rows of 1,000 indicators' trajectories), so each flat record (a row: a table of
numbers and text) is encoded by its C encoder, with the indent as the separator.

:func:`json_chunks` gives the text in pieces, a batch of :data:`_BATCH` rows at a time, as the
report's rows are made (``trajectory``'s :class:`~offshoring_cli.reports.rows.LazyRows`, as
tuples of cells: :func:`_cell_rows`): the command writes them as they come, never the whole
document nor every row in memory.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from itertools import chain, islice
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
        return "".join(_items(iter(value), level))
    return json.dumps(value, allow_nan=False)


def _is_flat(value: Any) -> bool:
    """A non-empty dict of numbers, text, booleans and nulls only (a report's row)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and not any(isinstance(item, (dict, list, tuple)) for item in value.values())
    )


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _all_flat(batch: list[Any]) -> bool:
    """Every item of ``batch`` :func:`_is_flat`: checked by type in C for plain dicts of plain
    values (a report's rows), item by item otherwise."""
    if (
        set(map(type, batch)) == {dict}
        and 0 not in map(len, batch)
        and _SCALARS.issuperset(map(type, chain.from_iterable(map(dict.values, batch))))
    ):
        return True
    return all(map(_is_flat, batch))


def _items(items: Iterator[Any], level: int) -> Iterator[str]:
    """A list's items at ``level`` (an iterator: rows as they are made), as ``json.dumps``
    writes the list, in pieces of up to :data:`_BATCH` items.

    A batch of flat dicts (a report's rows) is encoded by one call of the C encoder: its
    separator is the rows' items' (a line break and their indent); between two rows and at
    both ends the indent is then set right. Encoded JSON holds no raw line break (a string's
    is ``\\n``), and in a row only a row's end is a ``}`` before a separator, so the
    replacements touch nothing else. Batches keep the encoder's pieces few (one list of small
    strings for 560,000 rows took a gigabyte) and the text in memory short."""
    outer, row, item = (_INDENT * n for n in (level, level + 1, level + 2))
    encoder = _flat_encoder(level + 1)
    between = "\n" + row + "},\n" + row + "{\n" + item
    first = True
    while batch := list(islice(items, _BATCH)):
        if _all_flat(batch):
            text = encoder.encode(batch)  # '[{"a": 1,\n<item>"b": 2}, {...}]'
            body = (
                "\n"
                + row
                + "{\n"
                + item
                + text[2:-2].replace("},\n" + item + "{", between)
                + "\n"
                + row
                + "}"
            )
        else:
            body = ",".join("\n" + row + _dumps(value, level + 1) for value in batch)
        yield ("[" if first else ",") + body
        first = False
    yield "[]" if first else "\n" + outer + "]"


_BATCH = 1_000
"""Items encoded per call of the C encoder, and written at a time."""


def _key(key: Any) -> str:
    """A dict key that is not text, as ``json.dumps`` writes it (``1`` -> ``"1"``)."""
    return json.loads(json.dumps({key: 0}, allow_nan=False)).popitem()[0]  # type: ignore[no-any-return]


def to_json(report: Report[Any], explain: bool = False) -> str:
    """One JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output), as
    ``json.dumps(document, indent=2, allow_nan=False)`` writes it, and a line break."""
    return "".join(json_chunks(report, explain))


def json_chunks(report: Report[Any], explain: bool = False) -> Iterator[str]:
    """:func:`to_json`'s text in pieces, written as the report's rows are made: its results a
    batch of :data:`_BATCH` rows at a time, never the whole document nor every row in memory.

    Raises:
        ValueError: a NaN or an infinity (a bug; in the piece that holds it).
    """
    table = report.cells()
    document = report.document(explain, () if table else report.iter_records())
    for number, (key, value) in enumerate(document.items()):
        yield ("{" if number == 0 else ",") + "\n" + _INDENT + json.dumps(key) + ": "
        if key != "results":
            yield _dumps(value, 1)
        elif table:
            yield from _cell_rows(*table, 1)
        else:
            yield from _items(iter(value), 1)
    yield "\n}\n"


@functools.cache
def _cells_encoder() -> json.JSONEncoder:
    """The C encoder for a list of rows of cells, every value followed by a line break (which
    encoded JSON holds nowhere else: a string's is ``\\n``)."""
    return json.JSONEncoder(separators=("\n", ": "), allow_nan=False)


def _cell_rows(
    columns: tuple[str, ...], cells: Iterator[tuple[Any, ...]], level: int
) -> Iterator[str]:
    """Rows given as tuples of cells in the order of ``columns``, at ``level``, as
    ``json.dumps`` writes the list of their dicts, a batch of :data:`_BATCH` rows at a time.

    A batch of plain values (numbers, text, booleans, nulls) costs a few calls in C: the C
    encoder writes every value of the batch (``[[v\\nv]\\n[v\\nv]]``), the values are
    split at the line breaks, and one ``%`` puts them into the row's text (its keys and
    indents written once for all rows); no dict is built. A batch with a list or a dict in a
    row (seen in the encoded text: a value that opens with ``[`` or ``{``) is written row by
    row as :func:`_dumps` writes it."""
    outer, row, item = (_INDENT * n for n in (level, level + 1, level + 2))
    template = (
        "{\n"
        + item
        + (",\n" + item).join(json.dumps(key).replace("%", "%%") + ": %s" for key in columns)
        + "\n"
        + row
        + "}"
    )
    joint = ",\n" + row
    encoder = _cells_encoder()
    first = True
    while batch := list(islice(cells, _BATCH)):
        # '[[v\nv]\n[v\nv]]' -> 'v\nv\nv\nv'; a value opens with [ or { only if it is a list
        # or a dict, at the start or after a line break (in a row or between two)
        values = encoder.encode(batch)[2:-2].replace("]\n[", "\n") if columns else ""
        if values[:1] not in ("[", "{", "") and "\n[" not in values and "\n{" not in values:
            body = joint.join([template] * len(batch)) % tuple(values.split("\n"))
        else:
            body = joint.join(_dumps(dict(zip(columns, c, strict=True)), level + 1) for c in batch)
        yield ("[" if first else ",") + "\n" + row + body
        first = False
    yield "[]" if first else "\n" + outer + "]"
