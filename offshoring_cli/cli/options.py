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
three before the point (148,500; 1,234.5; 1,000%) or _ between digits
(148_500), not both; no spaces (in a list such as --changes, only _).
Counts and amounts: a suffix k (thousand), M/mn (million), bn/B/Md
(billion), then optionally the unit: 148.5k jobs, 26.22 bn MAD, --increment
15k jobs. Rates: 8% or 0.08; they print as % in tables, fractions in JSON."""


def _complete_metric(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from offshoring_cli.core.builtin import BUILTIN

    return [m for m in BUILTIN.indicators if m.startswith(incomplete.lower())]


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
        help="Target year; must be after the base year. Default: 2030.",
    ),
    click.option(
        "--jobs-baseline", type=params.JOBS, help="Jobs at the base year (replaces 148,500)."
    ),
    click.option("--jobs-target", type=params.JOBS, help="Jobs target (replaces 270,000)."),
    click.option(
        "--exports-baseline",
        type=params.MAD,
        help="Exports at the base year, in MAD (replaces 26.22bn).",
    ),
    click.option(
        "--exports-target", type=params.MAD, help="Exports target, in MAD (replaces 40bn)."
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


def _apply_figure_options_only(command: Callable[..., Any]) -> Callable[..., Any]:
    """The metric, year and override options, without the output options."""
    return _apply(_FIGURE_OPTIONS, command)


def _apply_figure_options_without_target_year(command: Callable[..., Any]) -> Callable[..., Any]:
    """Figure and output options, less --target-year (``sensitivity`` takes --years)."""
    return _apply(
        tuple(o for i, o in enumerate(_FIGURE_OPTIONS) if i != 2) + _OUTPUT_OPTIONS, command
    )
