"""A report as CSV: one header row (the JSON result keys) and one row per result."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a text cell (OWASP, CSV injection)."""
_FORMULA_START_SET = frozenset(_FORMULA_START)


def _csv_cell(item: Any) -> Any:
    """One cell: ``None`` empty, booleans ``true``/``false``, a list of years ``2022;2024``,
    numbers as they are, and text that a spreadsheet would run as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) prefixed with ``'`` (OWASP's
    advice); a number such as ``-0.2`` is a number, never prefixed."""
    if item is None:
        return ""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, list):
        return ";".join(str(_csv_cell(x)) for x in item)
    if isinstance(item, str) and item.startswith(_FORMULA_START):
        return "'" + item
    return item


def to_csv(report: Report[Any], explain: bool = False) -> str:
    """One header row (the JSON result keys) and one row per result; ``None`` is empty, a list
    is its items joined by ``;``, text that would start a formula is prefixed with ``'``.

    CSV holds the results only: notes, sources and ``--explain`` lines go to the other formats.
    """
    return "".join(csv_chunks(report, explain))


def csv_chunks(report: Report[Any], explain: bool = False) -> Iterator[str]:
    """:func:`to_csv`'s text in pieces of up to :data:`_BATCH` rows, written as the report's
    rows are made (never every row in memory when the report makes them on demand: its
    ``rows`` then know their keys, ``columns``, before the first is made)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    table = report.cells()
    if table:
        keys, batches = list(table[0]), _batches(table[1])
    else:
        records = report.records()
        keys = list(dict.fromkeys(k for row in records for k in row))
        batches = map(functools.partial(_as_cells, keys), _batches(iter(records)))
    if not keys:  # no result (scenario diff of two files that agree): the header still
        from offshoring_cli.core.fields import fields_of

        keys = [field.key for field in fields_of(report.row_type) if not field.columns]
    writer.writerow(keys)
    for batch in batches:
        writer.writerows(_plain(batch))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _batches(items: Iterator[Any]) -> Iterator[list[Any]]:
    """``items`` in lists of up to :data:`_BATCH`."""
    while batch := list(islice(items, _BATCH)):
        yield batch


def _as_cells(keys: list[str], records: list[Mapping[str, Any]]) -> list[Any]:
    """Records as rows of cells in the order of ``keys`` (``None`` for a key a record lacks)."""
    return [[record.get(key) for key in keys] for record in records]


def _plain(batch: list[Any]) -> list[Any]:
    """Rows of cells as the csv module should write them: as they are when every cell is a
    plain number, ``None`` (written empty) or text that starts no formula (checked a batch
    at a time), else each cell through :func:`_csv_cell`."""
    flat = list(chain.from_iterable(batch))
    if _PLAIN.issuperset(map(type, flat)) and _FORMULA_START_SET.isdisjoint(
        {item[:1] for item in flat if type(item) is str}
    ):
        return batch
    return [[_csv_cell(item) for item in cells] for cells in batch]


_BATCH = 1_000
"""Rows made and written at a time."""

_PLAIN = frozenset({str, int, float, type(None)})
"""Cells the csv module writes as they should be (``None`` empty): no :func:`_csv_cell`."""
