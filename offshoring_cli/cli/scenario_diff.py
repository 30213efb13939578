"""``offshoring scenario diff OLD NEW``: the yearly update as one command (registered in the
``scenario`` group of :mod:`offshoring_cli.cli.files`). Thin: reads and validates the two
files, then hands the datasets to :func:`offshoring_cli.reports.scenario_diff.diff_report`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from offshoring_cli.cli.commands import command
from offshoring_cli.cli.files import _SCENARIO
from offshoring_cli.cli.options import _OUTPUT_OPTIONS, _apply

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset


def _output_options(function: object) -> object:
    return _apply(_OUTPUT_OPTIONS, function)  # type: ignore[arg-type]


def _load(role: str, path: str) -> Dataset:
    """The dataset of the scenario file ``path`` (OLD or NEW: ``role``).

    Raises:
        click.UsageError: the file cannot be read or is not TOML (one line naming ``role``).
        SystemExit: 2, the file is not a valid scenario: every problem listed on stderr, as
            ``scenario validate`` lists them, under one ``Error:`` line naming ``role``.
    """
    from offshoring_cli import scenario as scenario_file
    from offshoring_cli.cli.scenario_problems import listed, unreadable
    from offshoring_cli.scenario.read import read
    from offshoring_cli.scenario.validate import check

    try:
        data = read(path)
    except scenario_file.ScenarioError as error:
        raise unreadable(error, role) from None
    # a CSV of observations is found beside the scenario file (standard input: the folder here)
    dataset, problems = check(data, None if path == scenario_file.STDIN else path)
    if dataset is None:
        listed(path, problems, role)
    return dataset


@command(
    "diff",
    click.argument("old", metavar="OLD"),
    click.argument("new", metavar="NEW"),
    _output_options,
    registry=_SCENARIO,
)
def scenario_diff(old: str, new: str, fmt: str | None, as_json: bool, explain: bool) -> None:
    """What changed from scenario file OLD to NEW, and how each headline figure moves.

    Lists the observations added, revised (old -> new value) or removed, and the targets,
    indicators, sources, segments and insights that changed; then, for each indicator that
    changed, its required CAGR, actual CAGR, growth ratio R and its band (Eurostat), progress
    score Q and its band (UNSD) and the year the target is reached, before and after, as
    'offshoring cagr' and 'offshoring status' compute them on each file. Two files that hold
    the same data: "No change" (exit 0). One of OLD and NEW may be - (standard input).

    \b
    Examples:
      offshoring scenario diff last-year.toml this-year.toml
      offshoring scenario diff seeds/morocco-offshoring.toml examples/jobs-2025.toml
      offshoring scenario diff old.toml new.toml --format markdown > changes.md
      offshoring scenario init | offshoring scenario diff - my.toml
    """
    from offshoring_cli import scenario as scenario_file
    from offshoring_cli.render import emit
    from offshoring_cli.reports.scenario_diff import diff_report

    if old == scenario_file.STDIN and new == scenario_file.STDIN:
        from offshoring_cli.cli.usage import said
        from offshoring_cli.i18n import Text

        both = Text(
            "OLD and NEW are both - : only one of them may be standard input; give the other "
            "as a file path."
        )
        raise click.UsageError(said(both))
    if as_json and fmt not in (None, "json"):
        from offshoring_cli.cli.usage import json_and_format

        raise click.UsageError(json_and_format(fmt))
    before, after = _load("OLD", old), _load("NEW", new)
    report = diff_report(before, after, scenario_file.shown(old), scenario_file.shown(new))
    fmt = "json" if as_json else (fmt or "table").lower()
    if not report.rows and fmt in ("table", "markdown"):  # nothing to tabulate: the notes
        from offshoring_cli import i18n
        from offshoring_cli.render.terminal import write_out

        with i18n.human():
            write_out("".join(f"{i18n.say(note)}\n" for note in report.notes))
        return
    emit(report, fmt, explain)
