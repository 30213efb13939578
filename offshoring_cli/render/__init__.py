"""The one place a :class:`~offshoring_cli.reports.Report` becomes text: the format registry.

Formats: ``table`` (Rich, for people at a terminal: :mod:`~offshoring_cli.render.table`),
``json`` (one document, standard ``json`` module, ``allow_nan=False``:
:mod:`~offshoring_cli.render.json_document`), ``csv`` (one header row, one row per metric:
:mod:`~offshoring_cli.render.csv_rows`) and ``markdown`` (a pipe table ready to paste:
:mod:`~offshoring_cli.render.markdown`). JSON and CSV carry plain numbers: counts and amounts
in their unit (MAD, not billions), rates as fractions. Table and Markdown format them for
reading (:mod:`~offshoring_cli.i18n.numbers`): thousands separators, amounts as
``26.22 bn MAD``, rates as ``10.48 %``.

Each renderer is imported when its format is asked for, and Rich only when a table is drawn,
so ``--json`` stays fast. Also here: :mod:`~offshoring_cli.render.layout` (the grid a table
and Markdown share), :mod:`~offshoring_cli.render.terminal` (terminal facts, writing stdout),
:mod:`~offshoring_cli.render.files` (every output file), :mod:`~offshoring_cli.render.brief`
and :mod:`~offshoring_cli.render.chart` (the brief's pages and the charts' drawing).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


class _Lazy:
    """A renderer imported from its module when its format is first asked for (Rich only for
    a table), so that ``--json`` loads no other format's code."""

    __slots__ = ("function", "module")

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def __call__(self, report: Report[Any], explain: bool = False) -> Any:
        import importlib

        render: Callable[[Report[Any], bool], Any] = getattr(
            importlib.import_module(f"offshoring_cli.render.{self.module}"), self.function
        )
        return render(report, explain)


RENDERERS: dict[str, Callable[[Report[Any], bool], str]] = {
    "table": _Lazy("table", "table_text"),
    "json": _Lazy("json_document", "to_json"),
    "csv": _Lazy("csv_rows", "to_csv"),
    "markdown": _Lazy("markdown", "to_markdown"),
}
"""The format registry: each output format's renderer, by name, in the order ``--format``
lists them. Add a format here (and its module): the option's choices follow."""

STREAMS: dict[str, Callable[[Report[Any], bool], Iterator[str]]] = {
    "json": _Lazy("json_document", "json_chunks"),
    "csv": _Lazy("csv_rows", "csv_chunks"),
}
"""The formats written as they are made, piece by piece (the same text as their
:data:`RENDERERS`): a report of many rows is never held whole in memory."""

FORMATS = tuple(RENDERERS)
"""Output formats, in the order ``--format`` lists them (from :data:`RENDERERS`)."""

DOCUMENT_FORMATS = frozenset({"json", "csv", "markdown"})
"""Formats written as documents: always UTF-8, whatever the encoding of standard output (a
table is for the terminal, in its encoding)."""


MACHINE_FORMATS = frozenset({"json", "csv"})
"""Formats for programs: the same bytes in every language (the others are drawn in the
language chosen with ``--lang``, :mod:`offshoring_cli.i18n`)."""


def emit(report: Report[Any], fmt: str, explain: bool = False) -> None:
    """Write ``report`` in format ``fmt`` to stdout, and its warnings to stderr.

    Warnings, tables and Markdown are written in the chosen language; JSON and CSV never
    change with it (:data:`MACHINE_FORMATS`).

    ``explain`` adds the worked formulas. Stdout is flushed here, so that a closed pipe
    (``| head``) surfaces while Click can still handle it quietly. JSON, CSV and Markdown are
    written as UTF-8 whatever the encoding of standard output; a table is written in that
    encoding, a character it cannot hold as a ``\\x..`` escape, with a warning.
    """
    from offshoring_cli import i18n

    with i18n.human():
        for warning in report.warnings:
            sys.stderr.write(i18n.warning(warning) + "\n")
        if explain and fmt == "csv":
            sys.stderr.write(
                i18n._("Warning: --explain has no effect on CSV (results only); use another format")
                + "\n"
            )
    from offshoring_cli.render.terminal import write_out

    if fmt in STREAMS:  # machine formats: the same bytes in every language
        from offshoring_cli.render.terminal import write_chunks

        write_chunks(STREAMS[fmt](report, explain), "utf-8")
        return
    if fmt in MACHINE_FORMATS:
        text = RENDERERS[fmt](report, explain)
    else:
        with i18n.human():
            text = RENDERERS[fmt](report, explain)
    write_out(text, "utf-8" if fmt in DOCUMENT_FORMATS else None)
