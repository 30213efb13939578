"""A report as CSV: one header row (the JSON result keys) and one row per result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


def _csv_cell(item: Any) -> Any:
    if item is None:
        return ""
    return ("true" if item else "false") if isinstance(item, bool) else item


def to_csv(report: Report, explain: bool = False) -> str:
    """One header row (the JSON result keys) and one row per result; ``None`` is empty.

    CSV holds the results only: notes, sources and ``--explain`` lines go to the other formats.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    keys = list(dict.fromkeys(k for row in report.rows for k in row))
    writer.writerow(keys)
    for row in report.rows:
        writer.writerow([_csv_cell(row.get(k)) for k in keys])
    return buffer.getvalue()
