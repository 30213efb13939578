"""The options commands share: metric, years and figure overrides, output format; and the
number grammar's help text (``GRAMMAR_HELP``) that their ``--help`` ends with."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from offshoring_cli.cli import params
from offshoring_cli.render import FORMATS  # the format registry's names

GRAMMAR_HELP = """\b
Numbers: 148500, 26.22, 2.7e5. Digit groups: commas between groups of
three before the point (148,500; 1,234.5) or _ between digits (148_500),
not both; no spaces. Counts and amounts: a suffix k (thousand), M/mn
(million), bn/B/Md (billion), then optionally the unit: 148.5k jobs,
26.22 bn MAD."""
"""The number grammar, as the figure options take it (the end of their commands' help)."""

PROJECT_HELP = (
    GRAMMAR_HELP[:-1]
    + """, --increment 15k jobs.
Rates: 8% or 0.08 (1,000% with a comma group); they print as % in tables,
fractions in JSON."""
)
"""The grammar for ``project``: figures, --increment and --growth."""

SENSITIVITY_HELP = (
    GRAMMAR_HELP
    + """
Rates (--changes): 10% or 0.1, comma-separated; in the list, group digits
with _ only. They print as % in tables, fractions in JSON."""
)
"""The grammar for ``sensitivity``: figures and the --changes list."""


def _completion_ids(ctx: click.Context) -> list[str]:
    """The indicator ids of the dataset in use, for shell completion: the scenario file's
    (``--scenario`` or ``OFFSHORING_SCENARIO``), else the built-in dataset's; none when that
    file cannot be used (missing, not a valid scenario, standard input), as the run would have
    none. Never fails: completion must not print errors."""
    import os

    path = ctx.find_root().params.get("scenario_path") or os.environ.get("OFFSHORING_SCENARIO")
    if path:
        try:
            from offshoring_cli.scenario.validate import load

            return list(load(path).indicators) if path != "-" and os.path.isfile(path) else []
        except Exception:  # an unusable file: the run would stop at it
            return []
    from offshoring_cli.core.builtin import BUILTIN

    return list(BUILTIN.indicators)


def _complete_metric(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    return [m for m in _completion_ids(ctx) if m.startswith(incomplete.lower())]


def _complete_pair(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """``ID=`` for each indicator id starting with ``incomplete`` (nothing after the ``=``)."""
    if "=" in incomplete:
        return []
    return [f"{m}=" for m in _completion_ids(ctx) if m.startswith(incomplete.lower())]


def _pairs(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """``--baseline ID=VALUE`` as typed: ``(id, value text)`` pairs; the value is read later,
    in the unit of the indicator, once the dataset is known (:func:`offshoring_cli.cli._options`).
    """
    pairs = []
    for value in values:
        metric, equals, text = value.partition("=")
        metric = metric.strip().lower()
        if not equals or not metric:
            from offshoring_cli.cli.params import said
            from offshoring_cli.core.grammar import quoted
            from offshoring_cli.i18n import Text

            wrong = Text(
                "{shown} is not ID=VALUE; give an indicator id and its figure, e.g. jobs=150k",
                shown=quoted(value),
            )
            raise click.BadParameter(said(ValueError(wrong), sentence=False), ctx, param)
        pairs.append((metric, text))
    return tuple(pairs)


_FIGURE_OPTIONS = (
    click.option(
        "--metric",
        "-m",
        "metrics",
        metavar="ID",
        multiple=True,
        shell_complete=_complete_metric,
        help="Indicator to show (jobs, exports, or a scenario's); repeat for several. "
        "Default: all.",
    ),
    click.option(
        "--base-year",
        type=params.YEAR,
        help="Base year: the baseline is the built-in figure for that year "
        "(or --jobs-baseline / --exports-baseline). Default: the latest year (2024).",
    ),
    click.option(
        "--target-year",
        type=params.YEAR,
        help="Target year: the year of a published target (2030, 2026), or another year "
        "with the value to reach (--jobs-target...); must be after the base year. Default: "
        "the final target's (2030).",
    ),
    click.option(
        "--baseline",
        "baselines",
        metavar="ID=VALUE",
        multiple=True,
        callback=_pairs,
        shell_complete=_complete_pair,
        help="An indicator's figure at the base year, in its unit (jobs=150k, "
        "exports=27bn); repeat for several.",
    ),
    click.option(
        "--target",
        "targets",
        metavar="ID=VALUE",
        multiple=True,
        callback=_pairs,
        shell_complete=_complete_pair,
        help="An indicator's target, in its unit; repeat for several.",
    ),
    click.option(
        "--jobs-baseline",
        metavar="JOBS",
        help="Jobs at the base year (replaces 148,500); the same as --baseline jobs=JOBS.",
    ),
    click.option(
        "--jobs-target",
        metavar="JOBS",
        help="Jobs target (replaces 270,000); the same as --target jobs=JOBS.",
    ),
    click.option(
        "--exports-baseline",
        metavar="MAD",
        help="Exports at the base year, in MAD (replaces 26.22bn); the same as "
        "--baseline exports=MAD.",
    ),
    click.option(
        "--exports-target",
        metavar="MAD",
        help="Exports target, in MAD (replaces 40bn); the same as --target exports=MAD.",
    ),
)

_OUTPUT_OPTIONS = (
    click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format. Default: table.",
    ),
    click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json."),
    click.option(
        "--explain",
        is_flag=True,
        help="Also show each formula with the numbers put in, to check results by hand.",
    ),
)


_Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _apply(options: tuple[_Decorator, ...], command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(options):
        command = option(command)
    return command


def figure_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The metric, year and override options (and the output options) commands share."""
    return _apply(_FIGURE_OPTIONS + _OUTPUT_OPTIONS, command)


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Only the output options: --format, --json, --explain."""
    return _apply(_OUTPUT_OPTIONS, command)


def format_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format and --json, without --explain: for a command that computes no formula."""
    return _apply(_OUTPUT_OPTIONS[:2], command)


def _apply_figure_options_only(command: Callable[..., Any]) -> Callable[..., Any]:
    """The metric, year and override options, without the output options."""
    return _apply(_FIGURE_OPTIONS, command)


def _apply_figure_options_without_target_year(command: Callable[..., Any]) -> Callable[..., Any]:
    """Figure and output options, less --target-year (``sensitivity`` takes --years)."""
    return _apply(
        tuple(o for i, o in enumerate(_FIGURE_OPTIONS) if i != 2) + _OUTPUT_OPTIONS, command
    )
