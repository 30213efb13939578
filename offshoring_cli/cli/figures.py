"""The commands on figures: ``gap``, ``cagr``, ``status``, ``trajectory``, ``project``,
``sensitivity`` and ``segments``; each imports its report when it runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from offshoring_cli.cli import params
from offshoring_cli.cli.commands import command
from offshoring_cli.cli.options import (
    GRAMMAR_HELP,
    PROJECT_HELP,
    SENSITIVITY_HELP,
    _apply_figure_options_without_target_year,
    figure_options,
    output_options,
)
from offshoring_cli.cli.run import _run

if TYPE_CHECKING:
    from offshoring_cli.core.grammar import Quantity
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import Report


@command(
    "gap",
    figure_options,
    epilog=GRAMMAR_HELP,
)
def gap(**kwargs: Any) -> None:
    """Gap from the baseline to the target, and the growth that closes it.

    Per metric: baseline (year, value), target (year, value), periods n = target year - base
    year, absolute and relative gap, target multiple, linear increment a year (gap / n) and
    required compound annual growth rate (CAGR = (target / baseline) ** (1 / n) - 1).

    \b
    Examples:
      offshoring gap
      offshoring gap --json | jq '.results[] | {metric, required_cagr}'
      offshoring gap --metric jobs --base-year 2022
      offshoring gap --target-year 2026
      offshoring gap -m exports --exports-target 45bn --target-year 2032 --format csv
    """
    from offshoring_cli.reports import gap as report

    _run(report.gap_report, kwargs)


@command(
    "cagr",
    figure_options,
    epilog=GRAMMAR_HELP,
)
def cagr(**kwargs: Any) -> None:
    """Required growth to the target vs actual (historical) growth.

    Per metric: required CAGR from the baseline to the target; actual CAGR from the earliest
    observation of the same series to the baseline (jobs: 2022 to 2024; exports: 2023 to
    2024), the ratio actual / required, and the linear pace achieved vs needed, a year.

    \b
    Examples:
      offshoring cagr
      offshoring cagr --metric jobs --json | jq '.results[0].actual_cagr'
      offshoring cagr -m jobs --jobs-baseline 100k --jobs-target 200k --base-year 2020
    """
    from offshoring_cli.reports import growth as report

    _run(report.cagr_report, kwargs)


@command(
    "status",
    click.option(
        "--since",
        type=params.YEAR,
        help="The assessment's base year (a year with a whole-year observation). "
        "Default: the earliest one of the target's series (jobs 2022, exports 2023).",
    ),
    figure_options,
    epilog=GRAMMAR_HELP,
)
def status(since: int | None, **kwargs: Any) -> None:
    """Are we on track? Progress by two published methods, and insights.

    Per metric: actual CAGR from the base year (--since) to the latest year; required CAGR
    from the same base year (Eurostat convention) and from the latest year; the growth ratio
    R = actual / required with its band (Eurostat, as implemented by Open SDG); the UN
    Statistics Division Progress Chart score Q = (projected - base) / (target - base) with its
    band; the value at the target year at the actual pace, the shortfall, and the year the
    target is reached at that pace. Growth is only computed within one series.

    \b
    Examples:
      offshoring status
      offshoring status --metric jobs --explain
      offshoring status --json | jq '.results[] | {metric, growth_ratio, progress_band}'
    """
    from offshoring_cli.reports import status as report

    _run(lambda options: report.status_report(options, since, untargeted=True), kwargs)


@command(
    "trajectory",
    figure_options,
    epilog=GRAMMAR_HELP,
)
def trajectory(**kwargs: Any) -> None:
    """Year by year to the target: compound, linear and actual-pace paths.

    Per metric and year, from the earliest observation to the target year: the observation
    where one exists; the compound path at the required CAGR and the linear path (the
    milestone each year needs); the path at the actual (historical) pace.

    \b
    Examples:
      offshoring trajectory --metric jobs
      offshoring trajectory --format csv > trajectory.csv
      offshoring trajectory --json | jq '.results[] | select(.year == 2027)'
    """
    from offshoring_cli.reports import trajectory as report

    _run(report.trajectory_report, kwargs)


@command(
    "project",
    click.option(
        "--growth",
        type=params.RATE,
        help="Assumed growth a year: 8% or 0.08 (a bare number above 1 is refused: add %).",
    ),
    click.option(
        "--increment",
        type=params.INCREMENT,
        help="Assumed constant addition a year, in the metric's unit (needs one --metric "
        "when the data has several): "
        "15k or 15k jobs for jobs, 2bn or 2bn MAD for exports.",
    ),
    click.option("--until", type=params.YEAR, help="Year to project to. Default: the target year."),
    figure_options,
    epilog=PROJECT_HELP,
)
def project(
    growth: float | None, increment: Quantity | None, until: int | None, **kwargs: Any
) -> None:
    """What-if: where a metric lands at an assumed pace, and when it meets the target.

    Give --growth for compound growth or --increment for a constant yearly addition.

    \b
    Examples:
      offshoring project --growth 8%
      offshoring project --growth 0.05 --until 2035 --metric exports
      offshoring project --increment 15k --metric jobs
    """
    from offshoring_cli.reports import project as report

    def build(options: Options) -> Report[Any]:
        return report.project_report(options, growth, _increment(options, increment), until)

    _run(build, kwargs)


def _increment(options: Options, increment: Quantity | None) -> float | None:
    """``--increment`` read in the unit of the one metric chosen, as that metric's own options
    are read (``15k jobs``: a whole count of jobs); as typed when the metric is not settled yet
    (the core then says why).

    Raises:
        click.BadParameter: a unit word other than the metric's, or jobs that are not whole.
    """
    if increment is None:
        return None
    from offshoring_cli.reports.project import increment_metric

    metric = increment_metric(options)
    indicator = options.dataset.indicators.get(metric) if metric else None
    if indicator is None:
        return increment.value
    try:
        return params.INCREMENT.in_unit(increment, indicator.unit)
    except ValueError as error:
        raise click.BadParameter(
            params.said(error), click.get_current_context(), param_hint="'--increment'"
        ) from None


@command(
    "sensitivity",
    click.option(
        "--years",
        type=params.YEARS,
        default="2028-2035",
        show_default=True,
        help="Target years (deadlines) to compare: a range or a comma-separated list.",
    ),
    click.option(
        "--changes",
        type=params.RATES,
        default="-20%,-10%,0%,10%,20%",
        show_default=True,
        help="Changes to the target to compare, comma-separated.",
    ),
    _apply_figure_options_without_target_year,
    epilog=SENSITIVITY_HELP,
)
def sensitivity(years: tuple[int, ...], changes: tuple[float, ...], **kwargs: Any) -> None:
    """How the required CAGR moves if the deadline slips or the target changes.

    One row per metric and target year, one column per change to the target; each cell is the
    required CAGR from the baseline.

    \b
    Examples:
      offshoring sensitivity --metric jobs
      offshoring sensitivity --years 2030,2032,2035 --changes -10%,0,10%
      offshoring sensitivity --format csv > sensitivity.csv
    """
    from offshoring_cli.reports import sensitivity as report

    _run(lambda options: report.sensitivity_report(options, years, changes), kwargs)


@command(
    "segments",
    output_options,
)
def segments(fmt: str | None, as_json: bool, explain: bool) -> None:
    """The 2024 export mix by segment (ITO, CRM, ESO, BPO, KPO), with shares of the total.

    Also says whether the segments add up to the total within rounding.

    \b
    Examples:
      offshoring segments
      offshoring segments --json | jq '.results[] | {segment, share}'
    """
    from offshoring_cli.reports import segments as report

    _run(report.segments_report, {"fmt": fmt, "as_json": as_json, "explain": explain})
