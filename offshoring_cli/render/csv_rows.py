"""A report as CSV: one header row (the JSON result keys) and one row per result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula in a text cell (OWASP, CSV injection)."""


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
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    records = report.records()
    keys = list(dict.fromkeys(k for row in records for k in row))
    if not keys:  # no result (scenario diff of two files that agree): the header still
        from offshoring_cli.core.fields import fields_of

        keys = [field.key for field in fields_of(report.row_type) if not field.columns]
    writer.writerow(keys)
    for row in records:
        writer.writerow([_csv_cell(row.get(k)) for k in keys])
    return buffer.getvalue()
