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

_SHARED_OPTIONS = (
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
    click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format. Default: table.",
    ),
    click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json."),
)


def shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the metric, year, override and format options every command shares."""
    for option in reversed(_SHARED_OPTIONS):
        command = option(command)
    return command


def _run(
    build: Callable[[Options], Report],
    *,
    metrics: tuple[str, ...],
    base_year: int | None,
    target_year: int | None,
    jobs_baseline: int | None,
    jobs_target: int | None,
    exports_baseline: float | None,
    exports_target: float | None,
    fmt: str | None,
    as_json: bool,
) -> None:
    """Build the options, call the core, and write the report in the chosen format."""
    if as_json and fmt not in (None, "json"):
        raise click.UsageError(f"--json and --format {fmt} disagree; give only one of them.")
    baselines = {"jobs": jobs_baseline, "exports": exports_baseline}
    targets = {"jobs": jobs_target, "exports": exports_target}
    options = Options(
        metrics=tuple(dict.fromkeys(m.lower() for m in metrics)) or _METRICS,
        base_year=base_year,
        target_year=target_year,
        baselines={k: v for k, v in baselines.items() if v is not None},
        targets={k: v for k, v in targets.items() if v is not None},
    )
    try:
        report = build(options)
    except DomainError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None
    emit(report, "json" if as_json else (fmt or "table").lower())


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
      offshoring cagr --metric jobs     required vs actual growth of jobs
    """


@cli.command(epilog=GRAMMAR_HELP)
@shared_options
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
    _run(analysis.gap_report, **kwargs)


@cli.command(epilog=GRAMMAR_HELP)
@shared_options
def cagr(**kwargs: Any) -> None:
    """Required growth to the target vs actual (historical) growth.

    Per metric: required CAGR from the baseline to the target; actual CAGR from the earliest
    observation of the same series to the baseline (jobs: 2022 to 2024), where one exists; the
    ratio actual / required; and the linear pace achieved vs needed, in units a year.

    \b
    Examples:
      offshoring cagr
      offshoring cagr --metric jobs --json | jq '.results[0].actual_cagr'
      offshoring cagr --jobs-baseline 100 --jobs-target 200 --base-year 2020 --target-year 2030
    """
    _run(analysis.cagr_report, **kwargs)


def main() -> None:
    """Entry point of the ``offshoring`` console script."""
    cli(prog_name="offshoring")
