"""The one place a :class:`~offshoring_cli.reports.Report` becomes text: the format registry.

Formats: ``table`` (Rich, for people at a terminal: :mod:`~offshoring_cli.render.table`),
``json`` (one document, standard ``json`` module, ``allow_nan=False``:
:mod:`~offshoring_cli.render.json_document`), ``csv`` (one header row, one row per metric:
:mod:`~offshoring_cli.render.csv_rows`) and ``markdown`` (a pipe table ready to paste:
:mod:`~offshoring_cli.render.markdown`). JSON and CSV carry plain numbers: counts and amounts
in their unit (MAD, not billions), rates as fractions. Table and Markdown format them for
reading (:mod:`~offshoring_cli.render.numbers`): thousands separators, amounts as
``26.22 bn MAD``, rates as ``10.48 %``.

Each renderer is imported when its format is asked for, and Rich only when a table is drawn,
so ``--json`` stays fast. Also here: :mod:`~offshoring_cli.render.layout` (the grid a table
and Markdown share), :mod:`~offshoring_cli.render.terminal` (terminal facts, writing stdout),
:mod:`~offshoring_cli.render.files` (every output file), :mod:`~offshoring_cli.render.brief`
and :mod:`~offshoring_cli.render.chart` (the brief's pages and the charts' drawing).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offshoring_cli.reports import Report

FORMATS = ("table", "json", "csv", "markdown")
"""Output formats, in the order ``--format`` lists them; each has a renderer."""


def _json(report: Report, explain: bool = False) -> str:
    """:func:`~offshoring_cli.render.json_document.to_json`, imported when used."""
    from offshoring_cli.render.json_document import to_json

    return to_json(report, explain)


def _csv(report: Report, explain: bool = False) -> str:
    """:func:`~offshoring_cli.render.csv_rows.to_csv`, imported when used."""
    from offshoring_cli.render.csv_rows import to_csv

    return to_csv(report, explain)


def _markdown(report: Report, explain: bool = False) -> str:
    """:func:`~offshoring_cli.render.markdown.to_markdown`, imported when used."""
    from offshoring_cli.render.markdown import to_markdown

    return to_markdown(report, explain)


RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "json": _json,
    "csv": _csv,
    "markdown": _markdown,
}
"""Text renderers by format name; ``table`` is drawn by
:func:`~offshoring_cli.render.table.print_table`."""


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
    from offshoring_cli.render.terminal import write_out

    if fmt == "table":
        from offshoring_cli.render.table import table_text

        text = table_text(report, explain)
    else:
        text = RENDERERS[fmt](report, explain)
    write_out(text)
