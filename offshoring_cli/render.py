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

from offshoring_cli import formatting
from offshoring_cli.analysis import NOT_AVAILABLE, Field, Report

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "csv", "markdown")
"""Output formats, in the order ``--format`` lists them; each has a renderer."""


def _cell(field: Field, row: dict[str, Any]) -> str:
    item = row.get(field.key)
    if item is None:
        # A figure of the pace in a row that says why it has none: not "not reached", n/a.
        return NOT_AVAILABLE if field.pace and row.get("reason") else field.missing
    return formatting.value(field.kind, item, str(row.get("unit", "")))


def grid(report: Report) -> tuple[list[str], list[list[str]]]:
    """Header and body of the table as text.

    ``metrics`` layout: one row per field, one column per metric (labelled by metric id).
    ``rows`` layout: one column per field, one row per record.
    """
    if report.layout == "rows":
        header = [field.label for field in report.fields]
        return header, [[_cell(field, row) for field in report.fields] for row in report.rows]
    header = [""] + [str(row["metric"]) for row in report.rows]
    body = [[field.label] + [_cell(field, row) for row in report.rows] for field in report.fields]
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


def _footer(report: Report, explain: bool) -> list[str]:
    """Lines under a table: notes, insights, worked formulas (``--explain``), sources."""
    lines = list(report.notes)
    lines += [f"Insight: {item['text']}" for item in report.insights or []]
    if explain:
        lines += ["", "How each figure is computed:"] + [f"  {e}" for e in report.explanation]
    lines += [f"Source {line}" for line in source_lines(report)]
    return lines


def to_json(report: Report, explain: bool = False) -> str:
    """One JSON document (``allow_nan=False``: a NaN or infinity is a bug, never output)."""
    import json

    return json.dumps(report.to_document(explain), indent=2, allow_nan=False) + "\n"


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


def to_markdown(report: Report, explain: bool = False) -> str:
    """A pipe table, then insights, notes, worked formulas and sources as a list."""

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    header, body = grid(report)
    lines = [f"**{report.title}**", "", cells(header)]
    if report.layout == "rows":
        kinds = [f.kind for f in report.fields]
        lines.append("|" + "".join("---|" if k == "text" else "---:|" for k in kinds))
    else:
        lines.append("|" + "---|" + "---:|" * (len(header) - 1))
    lines += [cells(row) for row in body]
    lines.append("")
    lines += [f"- {line}" for line in report.notes]
    lines += [f"- Insight: {item['text']}" for item in report.insights or []]
    if explain:
        lines += ["", "How each figure is computed:", ""]
        lines += [f"- `{line}`" for line in report.explanation]
        lines.append("")
    lines += [f"- Source {line}" for line in source_lines(report)]
    return "\n".join(lines) + "\n"


def plain_terminal() -> bool:
    """``True`` when styles are unwanted: ``NO_COLOR`` set (https://no-color.org) or
    ``TERM=dumb``. (Rich already drops colour then; this also drops bold and the like.)"""
    import os

    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def _size_from_environment(name: str) -> int | None:
    """``COLUMNS`` or ``LINES`` as a whole number above 0, or ``None`` when unset or anything
    else (``0``, ``-5``, ``abc``, ``80.5``): such a value counts as unset."""
    import os
    import re

    text = os.environ.get(name, "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", text) or int(text) == 0:
        return None
    return int(text)


def terminal_size(fallback: tuple[int, int] = (80, 25)) -> tuple[int, int]:
    """The size of the terminal output is drawn for, as ``(columns, lines)`` in cells.

    Each of the two is, in order: ``COLUMNS`` / ``LINES`` when set to a whole number above 0
    (0, a negative number or text counts as unset, as does a number over six digits); else the
    size of the first terminal among stdout, stderr and stdin (so that ``offshoring chart |
    less`` still fits the screen); else ``fallback``. The one place the CLI measures the
    terminal: tables (:func:`table_console`) and terminal charts use it.
    """
    import os

    probed = (0, 0)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            size = os.get_terminal_size(stream.fileno())
        except (AttributeError, OSError, ValueError):  # closed, replaced, or not a terminal
            continue
        if size.columns > 0 and size.lines > 0:  # a new pseudo-terminal may report 0 x 0
            probed = (size.columns, size.lines)
            break
    columns = _size_from_environment("COLUMNS") or probed[0] or fallback[0]
    lines = _size_from_environment("LINES") or probed[1] or fallback[1]
    return columns, lines


def table_console() -> Console:
    """A Rich console on stdout as tables are drawn: :func:`terminal_size` (80 x 25 when no
    terminal is found), no highlighting, and no style at all on a :func:`plain_terminal`.
    Whether it colours (``color_system`` not ``None``) follows Rich: on a terminal or with
    ``FORCE_COLOR``."""
    from rich.console import Console

    columns, lines = terminal_size()
    return Console(
        highlight=False,
        color_system=None if plain_terminal() else "auto",
        width=columns,
        height=lines,
    )


def table_text(report: Report, explain: bool = False) -> str:
    """The report drawn as a Rich table for this terminal (see :func:`print_table`), as text."""
    console = table_console()
    with console.capture() as captured:
        print_table(report, explain, console)
    return captured.get()


def print_table(report: Report, explain: bool = False, console: Console | None = None) -> None:
    """Draw the report as a Rich table on ``console`` (by default :func:`table_console`, on
    stdout).

    Numbers are never cut: columns do not wrap, and when the terminal is too narrow for the
    table, each record is printed as a stacked list of ``label: value`` lines instead.
    Colour follows Rich's rules (none when stdout is not a terminal or ``NO_COLOR`` is set).
    """
    from rich.table import Table

    console = console or table_console()
    from rich.cells import cell_len

    header, body = grid(report)
    # Terminal cells, not characters: a wide (CJK) character takes two.
    widths = [max(cell_len(line[i]) for line in [header, *body]) for i in range(len(header))]
    needed = sum(widths) + 3 * len(widths) + 1
    console.print(report.title, style="bold", markup=False, soft_wrap=True)
    if needed <= console.width:
        table = Table()
        right = [report.layout != "rows" or f.kind != "text" for f in report.fields]
        if report.layout != "rows":
            right = [False] + [True] * (len(header) - 1)
        for name, width, is_right in zip(header, widths, right, strict=True):
            table.add_column(
                name, justify="right" if is_right else "left", no_wrap=True, min_width=width
            )
        for line in body:
            table.add_row(*line)
        console.print(table)
    elif report.layout == "rows":
        for line in body:
            console.print("", markup=False)
            for name, cell in zip(header, line, strict=True):
                console.print(f"  {name}: {cell}", markup=False, soft_wrap=True)
    else:
        for col, name in enumerate(header[1:], start=1):
            console.print(f"\n{name}", markup=False, soft_wrap=True)
            for line in body:
                console.print(f"  {line[0]}: {line[col]}", markup=False, soft_wrap=True)
    for text in _footer(report, explain):
        console.print(text, markup=False, soft_wrap=True)


RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "json": to_json,
    "csv": to_csv,
    "markdown": to_markdown,
}
"""Text renderers by format name; ``table`` is drawn by :func:`print_table`."""


def emit(report: Report, fmt: str, explain: bool = False) -> None:
    """Write ``report`` in format ``fmt`` to stdout, and its warnings to stderr.

    ``explain`` adds the worked formulas. Stdout is flushed here, so that a closed pipe
    (``| head``) surfaces while Click can still handle it quietly.
    """
    for warning in report.warnings:
        sys.stderr.write(f"Warning: {warning}\n")
    if explain and fmt == "csv":
        sys.stderr.write(
            "Warning: --explain has no effect on CSV (results only); use another format\n"
        )
    write_out(table_text(report, explain) if fmt == "table" else RENDERERS[fmt](report, explain))


def write_out(text: str) -> None:
    """Write ``text`` to stdout completely, or fail: never a silently cut output.

    Python's buffered stdout can report a large write as done when the reader has gone, and
    then lose the rest at exit with status 0. Here the bytes go to the file descriptor in a
    loop: a reader that closes the pipe early (``| head``) raises ``BrokenPipeError``, which
    the CLI turns into exit 1; a non-blocking stdout is waited on, not cut.
    """
    import os

    stream = sys.stdout
    stream.flush()
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests' capture)
        stream.write(text)
        stream.flush()
        return
    data = memoryview(text.encode(stream.encoding or "utf-8", errors="replace"))
    while data:
        try:
            written = os.write(fd, data)
        except BlockingIOError:
            import select

            select.select([], [fd], [])
            continue
        data = data[written:]
