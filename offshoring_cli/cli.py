"""The ``offshoring`` command: a thin Click layer that parses, calls the core, and renders.

Exit codes: 0 ok; 2 bad input (one ``Error:`` line under Click's usage hint); 1 unexpected
failure (one ``Error:`` line; set ``OFFSHORING_DEBUG=1`` for the traceback), also when the
reader closes the pipe early (``offshoring gap | head -n 1``); 130 interrupted (Ctrl-C: one
``Error: interrupted`` line).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from offshoring_cli import __version__, params

if TYPE_CHECKING:
    from offshoring_cli.analysis import Options, Report
    from offshoring_cli.domain import Dataset

# The core (analysis, domain, metrics, render) is imported inside the functions that use it:
# '--help' and '--version' never load it.

FORMATS = ("table", "json", "csv", "markdown")
"""The output formats, as render.FORMATS (a test keeps the two equal)."""

GRAMMAR_HELP = """\b
Numbers: 148500, 26.22, 2.7e5. Digit groups: commas between groups of
three before the point (148,500; 1,234.5; 1,000%) or _ between digits
(148_500), not both; no spaces (in a list such as --changes, only _).
Counts and amounts: a suffix k (thousand), M/mn (million), bn/B/Md
(billion), then optionally the unit: 148.5k jobs, 26.22 bn MAD, --increment
15k jobs. Rates: 8% or 0.08; they print as % in tables, fractions in JSON."""


def _debug() -> bool:
    """``OFFSHORING_DEBUG`` set to anything but empty, 0, false or no: show tracebacks."""
    return os.environ.get("OFFSHORING_DEBUG", "").strip().lower() not in {"", "0", "false", "no"}


_LAZY: dict[str, Callable[[], click.Command]] = {}
"""Commands by name, built only when asked for: every command pays only for its own options."""
_SUMMARY: dict[str, str] = {}
"""Each command's first docstring line, for the group's help without building the commands."""


def command(
    name: str, *decorators: Callable[[Any], Any], registry: dict[str, Any] | None = None, **kw: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command to be built on first use: ``decorators`` (options, arguments) are
    applied then, not at import, so start-up does not pay for every command's options."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        def build() -> click.Command:
            def callback(*args: Any, **kwargs: Any) -> Any:
                return function(*args, **kwargs)

            built: Any = functools.update_wrapper(callback, function)  # a fresh copy each time
            for decorator in reversed(decorators):
                built = decorator(built)
            make: Callable[[Any], click.Command] = click.command(name, **kw)
            return make(built)

        (_LAZY if registry is None else registry)[name] = build
        if registry is None:
            _SUMMARY[name] = (function.__doc__ or "").strip().splitlines()[0]
        return function

    return register


def _shorten(text: str, width: int) -> str:
    """``text`` cut at a word to fit ``width`` characters, with ``...`` when cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 3, 1)].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def all_commands() -> dict[str, click.Command]:
    """Every command, built (for documentation and tests; the CLI builds only what it runs)."""
    context = click.Context(cli)
    found = {name: cli.get_command(context, name) for name in cli.list_commands(context)}
    return {name: command for name, command in found.items() if command is not None}


class OffshoringGroup(click.Group):
    """The top-level group: commands built on demand (:func:`command`), and unexpected
    exceptions turned into one clean ``Error:`` line (exit 1)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_LAZY)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _LAZY:
            self.add_command(_LAZY[cmd_name](), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the registered summaries: ``--help`` builds no command."""
        width = (formatter.width or 80) - 6 - max(map(len, _SUMMARY))
        rows = [(name, _shorten(summary, width)) for name, summary in _SUMMARY.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as error:
            import errno

            if error.errno == errno.EPIPE:
                raise  # Click's main() exits quietly on a closed pipe
            if _debug():
                raise
            raise click.ClickException(f"cannot finish: {error.strerror or error}") from error
        except Exception as error:
            raise self._unexpected(error) from error

    @staticmethod
    def _unexpected(error: Exception) -> Exception:
        if _debug():
            return error
        return click.ClickException(
            f"unexpected failure: {type(error).__name__}: {error} "
            "(set OFFSHORING_DEBUG=1 for the traceback, and please report it)"
        )


def _complete_metric(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from offshoring_cli.domain import BUILTIN

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


def _options(
    metrics: tuple[str, ...] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    jobs_baseline: int | None = None,
    jobs_target: int | None = None,
    exports_baseline: float | None = None,
    exports_target: float | None = None,
) -> Options:
    from offshoring_cli.analysis import Options

    baselines = {"jobs": jobs_baseline, "exports": exports_baseline}
    targets = {"jobs": jobs_target, "exports": exports_target}
    return Options(
        metrics=tuple(dict.fromkeys(m.strip().lower() for m in metrics)),
        base_year=base_year,
        target_year=target_year,
        baselines={k: v for k, v in baselines.items() if v is not None},
        targets={k: v for k, v in targets.items() if v is not None},
        dataset=_dataset(),
    )


def _dataset() -> Dataset:
    """The dataset of this run: the scenario file's (--scenario / OFFSHORING_SCENARIO), read
    once and only when a command needs it, or the built-in one.

    Raises:
        DomainError: the scenario file cannot be used (see :func:`scenario.load`).
    """
    root = click.get_current_context().find_root()
    state = root.ensure_object(dict)
    if "dataset" not in state:
        path = state.get("scenario_path")
        if path is None:
            from offshoring_cli.domain import BUILTIN

            state["dataset"] = BUILTIN
        else:
            from offshoring_cli import scenario

            state["dataset"] = scenario.load(path)
    dataset: Dataset = state["dataset"]
    return dataset


def _scenario_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--scenario`` as given, refused at once when empty or only spaces.

    ``OFFSHORING_SCENARIO`` set to the empty string counts as unset (Click skips it, as for
    any variable); set to spaces, it is refused like an explicit ``--scenario ""``.
    """
    if value is not None and not value.strip():
        source = ctx.get_parameter_source(param.name or "")
        where = (
            "OFFSHORING_SCENARIO"
            if source is click.core.ParameterSource.ENVIRONMENT
            else "'--scenario'"
        )
        raise click.BadParameter(
            f"{value!r} is an empty path; give a scenario file's path, or - for standard input.",
            ctx,
            param,
            where,
        )
    return value


def _run(
    build: Callable[[Options], Report],
    kwargs: dict[str, Any],
) -> None:
    """Parse the shared options out of ``kwargs``, call the core, and write the report.

    A :class:`DomainError` from the core is bad input: exit 2 with one ``Error:`` line.
    """
    from offshoring_cli.metrics import DomainError
    from offshoring_cli.render import emit

    fmt, as_json, explain = kwargs.pop("fmt"), kwargs.pop("as_json"), kwargs.pop("explain")
    if as_json and fmt not in (None, "json"):
        raise click.UsageError(f"--json and --format {fmt} disagree; give only one of them.")
    try:
        report = build(_options(**kwargs))
    except DomainError as error:  # includes a scenario file that cannot be used
        raise click.UsageError(str(error), click.get_current_context()) from None
    emit(report, "json" if as_json else (fmt or "table").lower(), explain)


@click.group(
    cls=OffshoringGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'offshoring COMMAND --help' for a command's options and examples.",
)
@click.version_option(__version__, "--version", "-V", prog_name="offshoring")
@click.option(
    "--scenario",
    "scenario_path",
    metavar="PATH",
    envvar="OFFSHORING_SCENARIO",
    callback=_scenario_path,
    help="A scenario file (TOML) to use instead of the built-in figures, or - for standard "
    "input; also read from OFFSHORING_SCENARIO (empty: unset). "
    "See 'offshoring scenario --help'.",
)
@click.pass_context
def cli(ctx: click.Context, scenario_path: str | None) -> None:
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
      offshoring --scenario my.toml status   the same on your own figures
    """
    ctx.ensure_object(dict)["scenario_path"] = scenario_path
    if ctx.invoked_subcommand is None:  # plain 'offshoring': the help, on stdout
        click.echo(ctx.get_help())
        ctx.exit(0)


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
      offshoring gap --exports-target 45bn --target-year 2032 --format csv
    """
    from offshoring_cli import analysis

    _run(analysis.gap_report, kwargs)


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
    from offshoring_cli import analysis

    _run(analysis.cagr_report, kwargs)


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
    from offshoring_cli import progress

    _run(lambda options: progress.status_report(options, since), kwargs)


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
    from offshoring_cli import progress

    _run(progress.trajectory_report, kwargs)


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
        help="Assumed constant addition a year, in the metric's unit (needs one --metric): "
        "15k or 15k jobs for jobs, 2bn or 2bn MAD for exports.",
    ),
    click.option("--until", type=params.YEAR, help="Year to project to. Default: the target year."),
    figure_options,
    epilog=GRAMMAR_HELP,
)
def project(
    growth: float | None, increment: params.Quantity | None, until: int | None, **kwargs: Any
) -> None:
    """What-if: where a metric lands at an assumed pace, and when it meets the target.

    Give --growth for compound growth or --increment for a constant yearly addition.

    \b
    Examples:
      offshoring project --growth 8%
      offshoring project --growth 0.05 --until 2035 --metric exports
      offshoring project --increment 15k --metric jobs
    """
    from offshoring_cli import progress

    def build(options: Options) -> Report:
        return progress.project_report(options, growth, _increment(options, increment), until)

    _run(build, kwargs)


def _increment(options: Options, increment: params.Quantity | None) -> float | None:
    """``--increment`` read in the unit of the one metric chosen, as that metric's own options
    are read (``15k jobs``: a whole count of jobs); as typed when the metric is not settled yet
    (the core then says why).

    Raises:
        click.BadParameter: a unit word other than the metric's, or jobs that are not whole.
    """
    if increment is None:
        return None
    metric = options.metrics[0] if len(options.metrics) == 1 else None
    indicator = options.dataset.indicators.get(metric) if metric else None
    if indicator is None:
        return increment.value
    try:
        return params.INCREMENT.in_unit(increment, indicator.unit)
    except ValueError as error:
        raise click.BadParameter(
            params.as_sentence(error), click.get_current_context(), param_hint="'--increment'"
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
    epilog=GRAMMAR_HELP,
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
    from offshoring_cli import progress

    _run(lambda options: progress.sensitivity_report(options, years, changes), kwargs)


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
    from offshoring_cli import progress

    _run(progress.segments_report, {"fmt": fmt, "as_json": as_json, "explain": explain})


@command(
    "chart",
    click.option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the chart as an image instead: FILE.svg or FILE.png (the suffix decides), "
        "or - for stdout (SVG).",
    ),
    click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(("svg", "png"), case_sensitive=False),
        default=None,
        help="Image format, with --output: svg or png. Default: from the suffix; svg for -.",
    ),
    _apply_figure_options_only,
    epilog=GRAMMAR_HELP,
)
def chart(output: str | None, fmt: str | None, **kwargs: Any) -> None:
    """Chart the paths to the target: observations, compound, linear and actual-pace paths.

    In the terminal by default (plain ASCII where the terminal cannot show Unicode); with
    --output, an SVG or PNG image with title, axis labels with units, legend and sources.
    Needs the optional plotting libraries: pip install 'offshoring-cli[charts]'.

    \b
    Examples:
      offshoring chart --metric jobs
      offshoring chart --output paths.svg
      offshoring chart --metric exports --output exports.png
      offshoring chart --format png --output - > chart.png
    """
    from offshoring_cli import charts, outputs, render
    from offshoring_cli.metrics import DomainError

    if fmt is not None and output is None:
        raise click.UsageError(
            f"--format {fmt} is for an image: add --output FILE (or --output - for stdout); "
            "the terminal chart is text."
        )

    def build() -> None:
        if output is not None:
            target, image_format = charts.check_output(output, fmt and fmt.lower())
            charts.require("matplotlib")  # before anything is drawn
            options = _options(**kwargs)
            outputs.write(target, charts.render_image(charts.chart_model(options), image_format))
            if target.kind != "stdout":
                click.echo(f"Wrote {outputs.shown(output)}", err=True)
            return
        charts.require("plotext")
        options = _options(**kwargs)
        import sys

        encoding = (getattr(sys.stdout, "encoding", None) or "ascii").lower()
        try:
            "\u2500\u28ff".encode(encoding)
            ascii_only = False
        except (UnicodeEncodeError, LookupError):
            ascii_only = True
        # Colour and width as for tables: colour on a terminal (or FORCE_COLOR), none with
        # NO_COLOR or TERM=dumb; COLUMNS only when it is a whole number above 0.
        color = render.table_console().color_system is not None
        columns, _ = render.terminal_size(fallback=(100, 24))
        width = max(40, min(columns, 140))
        text = charts.terminal(charts.chart_model(options), width, 22, color, ascii_only)
        render.write_out(text)

    try:
        build()
    except DomainError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None
    except outputs.WriteError as error:
        raise click.ClickException(str(error)) from None


REPORT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
"""The brief's formats, by the suffix of --output."""


@command(
    "report",
    click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(("markdown", "html"), case_sensitive=False),
        default=None,
        help="markdown or html. Default: from the --output suffix (.md, .markdown, .html, "
        ".htm; another suffix needs --format), else markdown.",
    ),
    click.option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the brief to FILE (Markdown: the chart is written beside it as an SVG), "
        "or - for stdout. Default: stdout, without the chart for Markdown.",
    ),
    _apply_figure_options_only,
    epilog=GRAMMAR_HELP,
)
def report(fmt: str | None, output: str | None, **kwargs: Any) -> None:
    """A one-page brief to hand on: verdicts, key numbers, milestones, insights, chart,
    methods and sources.

    HTML is one self-contained file (chart inline, no external fonts, scripts or images) that
    prints on A4. The chart needs the optional plotting libraries (HTML, or Markdown written
    to a file): pip install 'offshoring-cli[charts]'; Markdown to stdout needs none.

    \b
    Examples:
      offshoring report --format html --output brief.html
      offshoring report --output brief.md          (writes brief-chart.svg beside it)
      offshoring report --metric jobs > brief.md
    """
    import importlib.util
    from pathlib import Path

    from offshoring_cli import brief, charts, outputs
    from offshoring_cli.metrics import DomainError
    from offshoring_cli.render import write_out

    try:
        label = f"--output {output!r}"
        target = None if output is None else outputs.check(output, label, "brief.html")
        fmt = outputs.format_for(target, fmt and fmt.lower(), REPORT_FORMATS, "markdown")
        chart_target = None  # Markdown in a file: the chart as an SVG file beside it
        if fmt == "markdown" and target is not None and target.kind == "file":
            given = Path(target.given)
            beside = str(given.with_name(f"{given.stem}-chart.svg"))
            chart_target = outputs.check(beside, f"the chart beside {label} ({beside!r})")
        if fmt == "html":
            charts.require("matplotlib")  # the brief includes its chart
        elif chart_target is not None:
            try:
                charts.require("matplotlib")
            except DomainError as error:
                raise DomainError(f"{error}; or, without the chart: --output -") from None
        elif importlib.util.find_spec("matplotlib") is None:
            click.echo(
                "Warning: the brief has no chart: it needs the optional plotting libraries "
                f"({charts.INSTALL_HINT}) and a file (--output brief.md or brief.html).",
                err=True,
            )
        options = _options(**kwargs)
        content = brief.build(options)
        if fmt == "html":
            chart_model = charts.chart_model(options)
            svg = charts.render_image(chart_model, "svg", side_by_side=True).decode("utf-8")
            text = brief.to_html(content, svg)
        elif chart_target is not None:
            outputs.write(chart_target, charts.render_image(charts.chart_model(options), "svg"))
            text = brief.to_markdown(content, Path(chart_target.given).name)
        else:
            text = brief.to_markdown(content, None)
        if target is None:
            write_out(text)
        else:
            outputs.write(target, text)
            if target.kind != "stdout":
                click.echo(f"Wrote {outputs.shown(target.given)}", err=True)
    except DomainError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None
    except outputs.WriteError as error:
        raise click.ClickException(str(error)) from None


_SCENARIO: dict[str, Callable[[], click.Command]] = {}
"""The ``scenario`` subcommands, built with their group."""


def scenario() -> None:
    """Scenario files: your own figures, targets or sector, in TOML.

    A scenario holds what the built-in dataset holds: sources, indicators with their
    observations and target, and optional segments. Start from the built-in one:

    \b
    Examples:
      offshoring scenario init my.toml          write the built-in dataset to edit
      offshoring scenario validate my.toml      list every problem at once
      offshoring scenario show my.toml          what the file holds
      offshoring --scenario my.toml status      any command on the file's figures
      OFFSHORING_SCENARIO=my.toml offshoring gap
    """


def _scenario_group() -> click.Command:
    group = click.Group("scenario", help=scenario.__doc__)
    for name, build in _SCENARIO.items():
        group.add_command(build(), name)
    return group


_LAZY["scenario"] = _scenario_group
_SUMMARY["scenario"] = (scenario.__doc__ or "").strip().splitlines()[0]


@command(
    "init",
    click.argument("path", required=False),
    click.option("--force", is_flag=True, help="Overwrite PATH if it exists."),
    registry=_SCENARIO,
)
def scenario_init(path: str | None, force: bool) -> None:
    """Write the built-in dataset as a commented scenario file (to stdout without PATH, or -).

    The file is written to a temporary file beside PATH and renamed, so a failure never
    leaves a half-written file; an existing PATH is kept unless --force. A new file gets 0666
    less the umask; a device or a FIFO is written into.

    \b
    Examples:
      offshoring scenario init my.toml
      offshoring scenario init > my.toml
    """
    from offshoring_cli import outputs
    from offshoring_cli import scenario as scenario_file
    from offshoring_cli.domain import BUILTIN
    from offshoring_cli.metrics import DomainError
    from offshoring_cli.render import write_out

    text = scenario_file.to_toml(BUILTIN)
    if path is None or path == outputs.STDOUT:
        write_out(text)
        return
    try:
        written = scenario_file.write_new(path, text, force=force)
    except DomainError as error:
        raise click.UsageError(str(error)) from None
    except outputs.WriteError as error:
        raise click.ClickException(str(error)) from None
    if written.kind == "file":
        name = path if outputs.shown(path) == path else "FILE"
        click.echo(
            f"Wrote {outputs.shown(path)}: edit it, then 'offshoring scenario validate {name}'.",
            err=True,
        )


@command(
    "validate",
    click.argument("path"),
    registry=_SCENARIO,
)
def scenario_validate(path: str) -> None:
    """Check a scenario file and list every problem at once (exit 2 if there is any).

    Each problem names its key path, e.g. indicators[0].observations[2].value. PATH - reads
    standard input.

    \b
    Examples:
      offshoring scenario validate my.toml
      offshoring scenario init | offshoring scenario validate -
    """
    from offshoring_cli import scenario as scenario_file

    try:
        data = scenario_file.read(path)
    except scenario_file.ScenarioError as error:  # cannot be read at all: one line
        raise click.UsageError(str(error)) from None
    dataset, problems = scenario_file.check(data)
    shown = scenario_file.shown(path)
    if dataset is None:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        click.echo(f"Error: {shown} is not a valid scenario ({count}):", err=True)
        for problem in problems:
            click.echo(f"  {shown}: {problem}", err=True)
        raise SystemExit(2)
    observations = sum(len(i.observations) for i in dataset.indicators.values())
    click.echo(
        f"{shown}: valid scenario {dataset.name!r}: {len(dataset.indicators)} indicators, "
        f"{observations} observations, {len(dataset.sources)} sources"
    )


@command(
    "show",
    click.argument("path", required=False),
    output_options,
    registry=_SCENARIO,
)
def scenario_show(path: str | None, fmt: str | None, as_json: bool, explain: bool) -> None:
    """Summarise a scenario file (or, without PATH, the dataset in use; PATH - reads standard
    input).

    \b
    Examples:
      offshoring scenario show my.toml
      offshoring scenario show --json | jq '.results[].target'
    """
    state = click.get_current_context().find_root().ensure_object(dict)
    origin = state.get("scenario_path")
    if path is not None:  # the dataset of this run is the file named, not --scenario's
        from offshoring_cli import scenario as scenario_file

        try:
            state["dataset"] = scenario_file.load(path)
        except scenario_file.ScenarioError as error:
            raise click.UsageError(str(error), click.get_current_context()) from None
        origin = path

    def build(options: Options) -> Report:
        from offshoring_cli import progress

        if origin is None:
            return progress.dataset_report(options.dataset, "built-in")
        from offshoring_cli.scenario import shown

        return progress.dataset_report(options.dataset, shown(origin))

    _run(build, {"fmt": fmt, "as_json": as_json, "explain": explain})


SCHEMAS = (
    "scenario",
    "gap",
    "cagr",
    "status",
    "trajectory",
    "project",
    "sensitivity",
    "segments",
    "scenario-show",
)


@command(
    "schema",
    click.argument("name", type=click.Choice(SCHEMAS)),
)
def schema(name: str) -> None:
    """Print the JSON Schema of the scenario format or of a command's JSON output.

    \b
    Examples:
      offshoring schema scenario > scenario.schema.json
      offshoring schema status | jq '.properties.results'
    """
    from importlib.resources import files

    from offshoring_cli.render import write_out

    text = files("offshoring_cli").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    write_out(text)


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) during a run: raised by the handler :func:`main` installs, so that it
    passes every ``except Exception`` and Click's own ``KeyboardInterrupt`` handling (which
    would exit 1 with "Aborted!"); ``finally`` blocks still run, so no temporary file stays."""


def _on_interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler of a run: the first Ctrl-C unwinds (:class:`Interrupted`); a second
    one, while that clean-up runs, ends the process at once."""
    import signal

    signal.signal(signal.SIGINT, _exit_now)
    raise Interrupted


def _exit_now(signum: int, frame: object) -> None:
    os._exit(130)


def _interrupted() -> None:
    """Say so in one line and exit 130 (128 + SIGINT), whatever was left unwritten."""
    import sys

    prefix = "\n" if sys.stderr.isatty() else ""  # after the terminal's "^C"
    try:
        sys.stderr.write(f"{prefix}Error: interrupted\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    try:  # output still buffered for a full pipe must not block the exit: drop it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass
    raise SystemExit(130)


def main() -> None:
    """Entry point of the ``offshoring`` console script.

    Output errors outside a command (``--help`` or ``--version`` into a full disk, a closed
    stdout) get one ``Error:`` line and exit 1 too, never a traceback. Ctrl-C (SIGINT), during
    a command or ``--help``, prints ``Error: interrupted`` and exits 130; where SIGINT is
    ignored (a background job), it stays ignored.
    """
    import signal
    import sys

    if sys.stdout is None:
        sys.stderr.write("Error: standard output is closed; nothing can be written.\n")
        raise SystemExit(1)
    handled = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if handled:
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        cli(prog_name="offshoring")
    except (Interrupted, KeyboardInterrupt):  # KeyboardInterrupt: raised by other means
        handled = False  # a second Ctrl-C while exiting still ends at once
        _interrupted()
    except OSError as error:
        if _debug():
            raise
        import errno

        if error.errno == errno.EPIPE:
            raise SystemExit(1) from None
        sys.stderr.write(f"Error: cannot finish: {error.strerror or error}\n")
        raise SystemExit(1) from None
    finally:
        if handled:  # called in-process (tests, an embedding program): leave SIGINT as it was
            signal.signal(signal.SIGINT, signal.default_int_handler)
