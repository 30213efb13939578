"""The one place a :class:`~offshoring_cli.analysis.Report` becomes text.

Formats: ``table`` (Rich, for people at a terminal), ``json`` (one document, standard ``json``
module, ``allow_nan=False``), ``csv`` (one header row, one row per metric) and ``markdown`` (a
pipe table ready to paste). JSON and CSV carry plain numbers: counts and amounts in their unit
(MAD, not billions), rates as fractions. Table and Markdown format them for reading: thousands
separators, amounts as ``26.22 bn MAD``, rates as ``10.48 %``.

Rich is imported only when a table is drawn, so ``--json`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offshoring_cli.analysis import Report

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "csv", "markdown")
"""Output formats, in the order ``--format`` lists them; each has a renderer."""


def _number(value: float) -> str:
    """``148500`` -> ``148,500``; non-integral values keep two decimals."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def format_amount(value: float, unit: str) -> str:
    """A value in its unit: ``148,500 jobs``, ``26.22 bn MAD``, ``850.00 M MAD``, ``120 MAD``."""
    if unit == "MAD":
        size = abs(value)
        if size >= 1e9:
            return f"{value / 1e9:,.2f} bn MAD"
        if size >= 1e6:
            return f"{value / 1e6:,.2f} M MAD"
        return f"{_number(value)} MAD"
    return f"{_number(value)} {unit}"


def format_value(kind: str, value: Any, unit: str) -> str:
    """Format one report value for reading; ``None`` is shown as ``n/a``.

    ``kind`` is a :class:`~offshoring_cli.analysis.Field` kind; ``unit`` is the row's unit.
    """
    if value is None:
        return "n/a"
    if kind == "value":
        return format_amount(value, unit)
    if kind == "value_per_year":
        return f"{format_amount(value, unit)} a year"
    if kind == "rate":
        return f"{value * 100:.2f} %"
    if kind == "multiple":
        return f"{value:.2f}x"
    if kind == "ratio":
        return f"{value:.2f}"
    if kind == "bool":
        return "yes" if value else "no"
    return str(value)


def _grid(report: Report) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the transposed table: one row per field, one column per metric."""
    header = [""] + [str(row["metric"]) for row in report.rows]
    body = [
        [field.label]
        + [format_value(field.kind, row[field.key], row["unit"]) for row in report.rows]
        for field in report.fields
        if field.key != "label"
    ]
    return header, body


def source_lines(report: Report) -> list[str]:
    """One line per cited source: ``[id] publisher, "title" (date), url``."""
    lines = []
    for key, src in report.sources.items():
        text = f"[{key}] {src.publisher}"
        if src.title:
            text += f', "{src.title}"'
        if src.date:
            text += f" ({src.date})"
        if src.url:
            text += f", {src.url}"
        lines.append(text)
    return lines


def to_json(report: Report) -> str:
    """One JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output)."""
    import json

    return json.dumps(report.to_document(), indent=2, allow_nan=False) + "\n"


def _csv_cell(value: Any) -> Any:
    return ("true" if value else "false") if isinstance(value, bool) else value


def to_csv(report: Report) -> str:
    """One header row (the JSON result keys) and one row per metric; ``None`` is empty."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    keys = list(report.rows[0]) if report.rows else [f.key for f in report.fields]
    writer.writerow(keys)
    for row in report.rows:
        writer.writerow(["" if row[k] is None else _csv_cell(row[k]) for k in keys])
    return buffer.getvalue()


def to_markdown(report: Report) -> str:
    """A pipe table (fields down, metrics across), then notes and sources as a list."""

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    header, body = _grid(report)
    lines = [f"**{report.title}**", "", cells(header)]
    lines.append("|" + "---|" + "---:|" * (len(header) - 1))
    lines += [cells(row) for row in body]
    lines.append("")
    lines += [f"- {note}" for note in report.notes]
    lines += [f"- Source {line}" for line in source_lines(report)]
    return "\n".join(lines) + "\n"


def print_table(report: Report, console: Console | None = None) -> None:
    """Draw the report as a Rich table on ``console`` (stdout by default).

    Numbers are never cut: value columns do not wrap, and when the terminal is too narrow for
    the table, each metric is printed as a stacked list of ``label: value`` lines instead.
    Colour follows Rich's rules (none when stdout is not a terminal or ``NO_COLOR`` is set).
    """
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False)
    header, body = _grid(report)
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    needed = sum(widths) + 3 * len(widths) + 1
    console.print(report.title, style="bold", markup=False, soft_wrap=True)
    if needed <= console.width:
        table = Table()
        table.add_column("", no_wrap=True, min_width=widths[0])
        for name, width in zip(header[1:], widths[1:], strict=True):
            table.add_column(name, justify="right", no_wrap=True, min_width=width)
        for line in body:
            table.add_row(*line)
        console.print(table)
    else:
        for col, name in enumerate(header[1:], start=1):
            console.print(f"\n{name}", markup=False, soft_wrap=True)
            for line in body:
                console.print(f"  {line[0]}: {line[col]}", markup=False, soft_wrap=True)
    for note in report.notes:
        console.print(note, markup=False, soft_wrap=True)
    for source in source_lines(report):
        console.print(f"Source {source}", markup=False, soft_wrap=True)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": to_json,
    "csv": to_csv,
    "markdown": to_markdown,
}
"""Text renderers by format name; ``table`` is drawn by :func:`print_table`."""


def emit(report: Report, fmt: str) -> None:
    """Write ``report`` in format ``fmt`` to stdout, and its warnings to stderr.

    Stdout is flushed here, so that a closed pipe (``| head``) surfaces while Click can still
    handle it quietly.
    """
    for warning in report.warnings:
        sys.stderr.write(f"Warning: {warning}\n")
    if fmt == "table":
        print_table(report)
    else:
        sys.stdout.write(RENDERERS[fmt](report))
    sys.stdout.flush()
