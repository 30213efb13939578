"""The ``workbook`` command: a live Excel workbook (XlsxWriter, imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from offshoring_cli.cli.commands import command
from offshoring_cli.cli.options import _complete_metric

if TYPE_CHECKING:
    from offshoring_cli.render.output_paths import Output

WORKBOOK_SUFFIXES = {".xlsx": "xlsx"}
"""The workbook's format, by the suffix of --output."""


def check_output(path: str, force: bool) -> Output:
    """Check --output before any work: an ``.xlsx`` file (kept unless ``force``), ``-``, a
    device or a FIFO; never a terminal (the workbook is binary).

    Raises:
        DomainError: as :func:`output_paths.check`; a suffix other than ``.xlsx``; an existing
            file without ``force``; a terminal.
    """
    from offshoring_cli.errors import DomainError
    from offshoring_cli.render import output_paths

    label = f"{{output}} {path!r}"
    output = output_paths.check(path, label, "offshoring.xlsx")
    from offshoring_cli.i18n import Text

    if output.kind == "file" and Path(output.given).suffix.lower() not in WORKBOOK_SUFFIXES:
        raise DomainError(
            Text(
                "{label}: a workbook is written as .xlsx; name the file {name}",
                label=label,
                name=output_paths.shown(_stem(output.given) + ".xlsx"),
            )
        )
    if output.kind == "file" and output.exists and not force:
        raise DomainError(Text("{label} already exists; pass {force} to overwrite it", label=label))
    if output_paths.is_terminal(output):
        raise DomainError(
            Text(
                "{label} is a terminal, and a workbook is binary; redirect it "
                "(> offshoring.xlsx), or give a file name",
                label=label,
            )
        )
    return output


def _stem(path: str) -> str:
    given = Path(path)
    return str(given.with_suffix("")) if given.suffix else path


def require() -> None:
    """Check that XlsxWriter is installed.

    Raises:
        MissingExtra: it is not; the message says what to install.
    """
    import importlib.util

    from offshoring_cli.errors import MissingExtra
    from offshoring_cli.render.workbook import INSTALL_HINT

    if importlib.util.find_spec("xlsxwriter") is None:
        from offshoring_cli.i18n import Text

        raise MissingExtra(
            Text("the workbook needs XlsxWriter (xlsxwriter missing): {hint}", hint=INSTALL_HINT)
        )


@command(
    "workbook",
    click.option(
        "--output",
        "-o",
        metavar="FILE",
        required=True,
        help="Write the workbook to FILE.xlsx, or - for stdout (a pipe or a file, never a "
        "terminal).",
    ),
    click.option("--force", is_flag=True, help="Overwrite FILE if it exists."),
    click.option(
        "--metric",
        "-m",
        "metrics",
        metavar="ID",
        multiple=True,
        shell_complete=_complete_metric,
        help="Indicator to include (jobs, exports, or a scenario's); repeat for several. "
        "Default: all.",
    ),
)
def workbook(output: str, force: bool, metrics: tuple[str, ...]) -> None:
    """A live Excel workbook: editable inputs, and formulas that recompute every figure.

    Sheets: Inputs (each indicator's observations and targets: year, value, series, source),
    Gap, Growth, Status and Trajectory (spreadsheet formulas on Inputs: change the baseline
    or add a year and every figure follows; the tool's own figures are stored as the formulas'
    results), Sources (with links) and Methods (each formula in words). Gap, Growth and
    Trajectory take each metric at its latest whole-year figure and its final target; Status
    has a row per published target, as 'offshoring status'. Sheet names, headers and words
    follow --lang.

    \b
    Examples:
      offshoring workbook --output offshoring.xlsx
      offshoring --scenario my.toml workbook -o my.xlsx --force
      offshoring workbook --output - | ssh host 'cat > offshoring.xlsx'
    """
    from offshoring_cli.cli.run import _left_out, _options
    from offshoring_cli.render import files, output_paths
    from offshoring_cli.render.workbook import to_xlsx
    from offshoring_cli.reports import workbook as content

    target = check_output(output, force)
    require()
    options = _options(metrics)
    for metric in options.metrics:  # the workbook has no --target to give a value to reach
        if metric in options.dataset.untargeted:
            from offshoring_cli.cli.usage import said
            from offshoring_cli.i18n import Text

            untargeted = Text(
                "{metric} has no published target, and the workbook needs one; 'status' "
                "assesses it by Open SDG's no-target method",
                metric=metric,
            )
            raise click.UsageError(said(untargeted), click.get_current_context())
    options.selected()  # an unknown --metric: before any work
    _left_out(options)
    book = content.build(options)
    from offshoring_cli import i18n

    with i18n.human():  # the workbook is for people: its words in the language chosen
        data = to_xlsx(book)
    files.write(target, data)
    if target.kind != "stdout":
        from offshoring_cli.cli.notices import wrote

        wrote(output_paths.shown(output))
