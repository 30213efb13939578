"""The grid a table and Markdown share: a report's header and cells as text, its source
lines, and the lines under a table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offshoring_cli.core.fields import NOT_AVAILABLE, Field
from offshoring_cli.i18n import _, numbers, say
from offshoring_cli.reports.provenance import source_lines

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


def _cell(field: Field, row: dict[str, Any]) -> str:
    item = row.get(field.key)
    if item is None:
        # A figure of the pace in a row that says why it has none: not "not reached", n/a;
        # so is a figure null because the row's flag for it is false (no range over base years).
        if (field.pace and row.get("reason")) or (
            field.null_unless and row.get(field.null_unless) is False
        ):
            return _(NOT_AVAILABLE)
        return _(field.missing)
    kind = str(row.get(field.kind_from) or field.kind) if field.kind_from else field.kind
    return numbers.value(kind, item, str(row.get("unit", "")))


def grid(report: Report[Any]) -> tuple[list[str], list[list[str]]]:
    """Header and body of the table as text.

    ``metrics`` layout: one row per field, one column per metric (labelled by metric id, or
    by the row's ``reading`` where it has one: a metric assessed against several targets).
    ``rows`` layout: one column per field, one row per record. Labels, texts and numbers in
    the active language (:mod:`offshoring_cli.i18n`).
    """
    fields, rows = report.fields, report.records()
    if report.layout == "rows":
        header = [say(field.label) for field in fields]
        return header, [[_cell(field, row) for field in fields] for row in rows]
    header = [""] + [str(row.get("reading") or row["metric"]) for row in rows]
    body = [[say(field.label)] + [_cell(field, row) for row in rows] for field in fields]
    return header, body


def _footer(report: Report[Any], explain: bool) -> list[str]:
    """Lines under a table: notes, insights, worked formulas (``--explain``), sources."""
    lines = [say(note) for note in report.notes]
    lines += [_("Insight: {text}").format(text=say(item["text"])) for item in report.insights or []]
    if explain and report.explanation:
        lines += ["", _("How each figure is computed:")] + [f"  {e}" for e in report.explanation]
    lines += [_("Source {line}").format(line=line) for line in source_lines(report)]
    return lines
