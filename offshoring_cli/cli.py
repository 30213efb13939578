"""The ``offshoring`` command: a thin Click layer that parses, calls the core, and renders.

Exit codes: 0 ok; 2 bad input (one ``Error:`` line under Click's usage hint); 1 unexpected
failure (one ``Error:`` line; set ``OFFSHORING_DEBUG=1`` for the traceback), also when the
reader closes the pipe early (``offshoring gap | head -n 1``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from offshoring_cli import __version__, analysis, params
from offshoring_cli.analysis import Options, Report
from offshoring_cli.domain import INDICATORS
from offshoring_cli.metrics import DomainError
from offshoring_cli.render import FORMATS, emit

GRAMMAR_HELP = """\b
Numbers: 148500, 148_500, 148,500 (comma for thousands only), 2.7e5, with
an optional suffix k (thousand), M/mn (million), bn/B/Md (billion):
148.5k jobs, 26.22bn MAD. Rates print as % in tables, fractions in JSON."""


class OffshoringGroup(click.Group):
    """A group that turns unexpected exceptions into one clean ``Error:`` line (exit 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as error:
            import errno

            if error.errno == errno.EPIPE:
                raise  # Click's main() exits quietly on a closed pipe
            raise self._unexpected(error) from error
        except Exception as error:
            raise self._unexpected(error) from error

    @staticmethod
    def _unexpected(error: Exception) -> Exception:
        if os.environ.get("OFFSHORING_DEBUG"):
            return error
        return click.ClickException(
            f"unexpected failure: {type(error).__name__}: {error} "
            "(set OFFSHORING_DEBUG=1 for the traceback, and please report it)"
        )


_METRICS = tuple(INDICATORS)

_FIGURE_OPTIONS = (
    click.option(
        "--metric",
        "-m",
        "metrics",
        type=click.Choice(_METRICS, case_sensitive=False),
        multiple=True,
        help="Metric to show; repeat for several. Default: all (jobs, exports).",
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


def _apply_figure_options_without_target_year(command: Callable[..., Any]) -> Callable[..., Any]:
    """Figure and output options, less --target-year (``sensitivity`` takes --years)."""
    return _apply(
        tuple(o for i, o in enumerate(_FIGURE_OPTIONS) if i != 2) + _OUTPUT_OPTIONS, command
    )


def _options(
    metrics: tuple[str, ...] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    jobs_baseline: int | None = None,
    jobs_target: int | None = None,
    exports_baseline: float | None = None,
    exports_target: float | None = None,
) -> Options:
    baselines = {"jobs": jobs_baseline, "exports": exports_baseline}
    targets = {"jobs": jobs_target, "exports": exports_target}
    return Options(
        metrics=tuple(dict.fromkeys(m.lower() for m in metrics)) or _METRICS,
        base_year=base_year,
        target_year=target_year,
        baselines={k: v for k, v in baselines.items() if v is not None},
        targets={k: v for k, v in targets.items() if v is not None},
    )


def _run(
    build: Callable[[Options], Report],
    kwargs: dict[str, Any],
) -> None:
    """Parse the shared options out of ``kwargs``, call the core, and write the report.

    A :class:`DomainError` from the core is bad input: exit 2 with one ``Error:`` line.
    """
    fmt, as_json, explain = kwargs.pop("fmt"), kwargs.pop("as_json"), kwargs.pop("explain")
    if as_json and fmt not in (None, "json"):
        raise click.UsageError(f"--json and --format {fmt} disagree; give only one of them.")
    try:
        report = build(_options(**kwargs))
    except DomainError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None
    emit(report, "json" if as_json else (fmt or "table").lower(), explain)


@click.group(
    cls=OffshoringGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'offshoring COMMAND --help' for a command's options and examples.",
)
@click.version_option(__version__, "--version", "-V", prog_name="offshoring")
def cli() -> None:
    """How far Morocco's offshoring sector stands from its 2030 targets.

    Built-in figures (end of 2024): 148,500 jobs and 26.22 bn MAD of service exports;
    Digital Morocco 2030 targets: 270,000 jobs and 40 bn MAD. Every figure is sourced.

    \b
    Examples:
      offshoring gap                    gap to the 2030 targets, as a table
      offshoring gap --json | jq .      the same for scripts
      offshoring status                 on track? (Eurostat and UNSD methods)
      offshoring trajectory -m jobs     what each year up to 2030 needs
      offshoring project --growth 8%    where 8 % a year would land
    """


@cli.command(epilog=GRAMMAR_HELP)
@figure_options
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
      offshoring gap --exports-target 45bn --target-year 2032 --format csv
    """
    _run(analysis.gap_report, kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@figure_options
def cagr(**kwargs: Any) -> None:
    """Required growth to the target vs actual (historical) growth.

    Per metric: required CAGR from the baseline to the target; actual CAGR from the earliest
    observation of the same series to the baseline (jobs: 2022 to 2024; exports: 2023 to
    2024), the ratio actual / required, and the linear pace achieved vs needed, a year.

    \b
    Examples:
      offshoring cagr
      offshoring cagr --metric jobs --json | jq '.results[0].actual_cagr'
      offshoring cagr --jobs-baseline 100 --jobs-target 200 --base-year 2020 --target-year 2030
    """
    _run(analysis.cagr_report, kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@click.option(
    "--since",
    type=params.YEAR,
    help="The assessment's base year (a year with a whole-year observation). "
    "Default: the earliest one of the target's series (jobs 2022, exports 2023).",
)
@figure_options
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
    _run(lambda options: analysis.status_report(options, since), kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@figure_options
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
    _run(analysis.trajectory_report, kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@click.option(
    "--growth",
    type=params.RATE,
    help="Assumed growth a year: 8% or 0.08 (a bare number above 1 is refused: add %).",
)
@click.option(
    "--increment",
    type=params.INCREMENT,
    help="Assumed constant addition a year, in the metric's unit (needs one --metric).",
)
@click.option("--until", type=params.YEAR, help="Year to project to. Default: the target year.")
@figure_options
def project(
    growth: float | None, increment: float | None, until: int | None, **kwargs: Any
) -> None:
    """What-if: where a metric lands at an assumed pace, and when it meets the target.

    Give --growth for compound growth or --increment for a constant yearly addition.

    \b
    Examples:
      offshoring project --growth 8%
      offshoring project --growth 0.05 --until 2035 --metric exports
      offshoring project --increment 15k --metric jobs
    """
    _run(lambda options: analysis.project_report(options, growth, increment, until), kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@click.option(
    "--years",
    type=params.YEARS,
    default="2028-2035",
    show_default=True,
    help="Target years (deadlines) to compare: a range or a comma-separated list.",
)
@click.option(
    "--changes",
    type=params.RATES,
    default="-20%,-10%,0%,10%,20%",
    show_default=True,
    help="Changes to the target to compare, comma-separated.",
)
@_apply_figure_options_without_target_year
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
    _run(lambda options: analysis.sensitivity_report(options, years, changes), kwargs)


@cli.command()
@output_options
def segments(fmt: str | None, as_json: bool, explain: bool) -> None:
    """The 2024 export mix by segment (ITO, CRM, ESO, BPO, KPO), with shares of the total.

    Also says whether the segments add up to the total within rounding.

    \b
    Examples:
      offshoring segments
      offshoring segments --json | jq '.results[] | {segment, share}'
    """
    _run(
        lambda _options: analysis.segments_report(),
        {"fmt": fmt, "as_json": as_json, "explain": explain},
    )


def main() -> None:
    """Entry point of the ``offshoring`` console script."""
    cli(prog_name="offshoring")
