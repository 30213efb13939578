"""The commands that write files or read them: ``chart``, ``report`` (the brief), the
``scenario`` group (``init``, ``validate``, ``show``); ``schema`` is in
:mod:`~offshoring_cli.cli.schema`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from offshoring_cli.cli.commands import _LAZY, command
from offshoring_cli.cli.options import GRAMMAR_HELP, _apply_figure_options_only, format_options
from offshoring_cli.cli.run import _left_out, _options, _run

if TYPE_CHECKING:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import Report


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
    Needs the optional plotting libraries: pip install 'offshoring-cli[charts]' (from a
    clone: pip install '.[charts]').

    \b
    Examples:
      offshoring chart --metric jobs
      offshoring chart --output paths.svg
      offshoring chart --metric exports --output exports.png
      offshoring chart --format png --output - > chart.png
    """
    from offshoring_cli.render import chart as charts
    from offshoring_cli.render import files, output_paths, terminal
    from offshoring_cli.reports import chart as chart_content

    if fmt is not None and output is None:
        from offshoring_cli.cli.usage import image_needs_output

        raise click.UsageError(image_needs_output(fmt))

    def build() -> None:
        if output is not None:
            target, image_format = charts.check_output(output, fmt and fmt.lower())
            charts.require("matplotlib")  # before anything is drawn
            options = _options(**kwargs)
            _left_out(options)
            files.write(
                target, charts.render_image(chart_content.chart_model(options), image_format)
            )
            if target.kind != "stdout":
                from offshoring_cli.cli.notices import wrote

                wrote(output_paths.shown(output))
            return
        charts.require("plotext")
        options = _options(**kwargs)
        _left_out(options)
        facts = terminal.probe()  # width, colour and encoding as for tables
        from offshoring_cli.render import chart_terminal

        width = chart_terminal.terminal_width(facts.columns)
        model = chart_content.chart_model(options)
        import os

        dumb = os.environ.get("TERM") == "dumb"  # plain characters too, not only no colour
        text = chart_terminal.terminal(model, width, 22, facts.colour, dumb or not facts.unicode)
        terminal.write_out(text)

    from offshoring_cli import i18n

    with i18n.human():  # a chart is for people: in the language chosen
        build()


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
    click.option(
        "--appendix",
        is_flag=True,
        help="Add a second page: the figures of every published method, the year-by-year "
        "milestones, what not to miss and the methods.",
    ),
    _apply_figure_options_only,
    epilog=GRAMMAR_HELP,
)
def report(fmt: str | None, output: str | None, appendix: bool, **kwargs: Any) -> None:
    """A one-page brief to hand on: findings, verdicts, chart, key numbers, targets.

    Each metric's finding in one sentence a reader can quote, its verdict, the chart, the key
    numbers, the published targets and the sources; --appendix adds a second page with every
    method's figures, the year-by-year milestones and the methods.

    HTML is one self-contained file (chart inline, no external fonts, scripts or images) that
    prints on A4. The chart needs the optional plotting libraries (HTML, or Markdown written
    to a file): pip install 'offshoring-cli[charts]' (from a clone: pip install '.[charts]');
    Markdown to stdout needs none.

    \b
    Examples:
      offshoring report --format html --output brief.html
      offshoring report --output brief.md          (writes brief-chart.svg beside it)
      offshoring report --metric jobs > brief.md
      offshoring report --appendix --output brief.html
    """
    from offshoring_cli import i18n

    with i18n.human():  # the brief is for people: in the language chosen
        _brief(fmt, output, appendix, kwargs)


def _brief(fmt: str | None, output: str | None, appendix: bool, kwargs: dict[str, Any]) -> None:
    """The ``report`` command's work (see :func:`report`), in the active language."""
    import importlib.util
    from pathlib import Path

    from offshoring_cli.errors import MissingExtra
    from offshoring_cli.render import brief as brief_page
    from offshoring_cli.render import chart as charts
    from offshoring_cli.render import files, output_paths
    from offshoring_cli.render.terminal import write_out
    from offshoring_cli.reports import brief
    from offshoring_cli.reports import chart as chart_content

    label = f"--output {output!r}"
    target = None if output is None else output_paths.check(output, label, "brief.html")
    fmt = output_paths.format_for(target, fmt and fmt.lower(), REPORT_FORMATS, "markdown")
    chart_target = None  # Markdown in a file: the chart as an SVG file beside it
    if fmt == "markdown" and target is not None and target.kind == "file":
        given = Path(target.given)
        beside = str(given.with_name(f"{given.stem}-chart.svg"))
        from offshoring_cli.i18n import Text

        beside_label = Text("the chart beside {label} ({path})", label=label, path=repr(beside))
        chart_target = output_paths.check(beside, beside_label)
    if fmt == "html":
        charts.require("matplotlib")  # the brief includes its chart
    elif chart_target is not None:
        try:
            charts.require("matplotlib")
        except MissingExtra as error:
            from offshoring_cli.i18n import Text

            without = Text("{error}; or, without the chart: --output -", error=error.template)
            raise MissingExtra(without) from None
    elif importlib.util.find_spec("matplotlib") is None:
        from offshoring_cli.cli.notices import warn
        from offshoring_cli.i18n import Text

        warn(
            Text(
                "the brief has no chart: it needs the optional plotting libraries ({hint}) "
                "and a file (--output brief.md or brief.html).",
                hint=charts.INSTALL_HINT,
            )
        )
    options = _options(**kwargs)
    _left_out(options)
    content = brief.build(options)
    if fmt == "html":
        chart_model = chart_content.chart_model(options)
        svg = charts.render_image(chart_model, "svg", side_by_side=True).decode("utf-8")
        text = brief_page.to_html(content, svg, appendix)
    elif chart_target is not None:
        chart_svg = charts.render_image(chart_content.chart_model(options), "svg")
        text = brief_page.to_markdown(content, Path(chart_target.given).name, appendix)
    else:
        text = brief_page.to_markdown(content, None, appendix)
    if target is None:
        write_out(text, "utf-8")
    else:
        # The brief and its chart: both written, or neither changed.
        together = [] if chart_target is None else [(chart_target, chart_svg)]
        files.write_together([*together, (target, text)])
        if target.kind != "stdout":
            from offshoring_cli.cli.notices import wrote

            wrote(output_paths.shown(target.given))


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
      offshoring scenario diff a.toml my.toml   what changed, and how the figures move
      offshoring --scenario my.toml status      any command on the file's figures
      OFFSHORING_SCENARIO=my.toml offshoring gap
    """


def _scenario_help() -> None:
    """Plain ``offshoring scenario``: its help on stdout, exit 0 (as plain ``offshoring``)."""
    ctx = click.get_current_context()
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        ctx.exit(0)


def _scenario_group() -> click.Command:
    group = click.Group(
        "scenario",
        help=scenario.__doc__,
        callback=_scenario_help,
        invoke_without_command=True,
        no_args_is_help=False,
    )
    from offshoring_cli.cli import scenario_diff  # noqa: F401 (registers 'diff')

    for name, build in _SCENARIO.items():
        group.add_command(build(), name)
    return group


_LAZY["scenario"] = _scenario_group


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
    from offshoring_cli.core.builtin import BUILTIN
    from offshoring_cli.render import output_paths
    from offshoring_cli.render.terminal import write_out
    from offshoring_cli.scenario.write import to_toml, write_new

    text = to_toml(BUILTIN)
    if path is None or path == output_paths.STDOUT:
        write_out(text)
        return
    written = write_new(path, text, force=force)
    if written.kind == "file":
        name = path if output_paths.shown(path) == path else "FILE"
        from offshoring_cli.cli.notices import said
        from offshoring_cli.i18n import Text

        wrote = Text(
            "Wrote {path}: edit it, then 'offshoring scenario validate {name}'.",
            path=output_paths.shown(path),
            name=name,
        )
        click.echo(said(wrote), err=True)


@command(
    "validate",
    click.argument("path", required=False),
    registry=_SCENARIO,
)
def scenario_validate(path: str | None) -> None:
    """Check a scenario file and list every problem at once (exit 2 if there is any).

    Each problem names its key path, e.g. indicators[0].observations[2].value. PATH - reads
    standard input; without PATH, the scenario in use (--scenario, OFFSHORING_SCENARIO).

    \b
    Examples:
      offshoring scenario validate my.toml
      offshoring scenario init | offshoring scenario validate -
    """
    from offshoring_cli import scenario as scenario_file
    from offshoring_cli.cli.scenario_path import named
    from offshoring_cli.cli.scenario_problems import listed, unreadable
    from offshoring_cli.scenario.read import read
    from offshoring_cli.scenario.validate import check

    path = named("validate", path, required=True) or ""
    try:
        data = read(path)
    except scenario_file.ScenarioError as error:  # cannot be read at all: one line
        raise unreadable(error) from None
    dataset, problems = check(data, None if path == scenario_file.STDIN else path)
    shown = scenario_file.shown(path)
    if dataset is None:
        listed(path, problems)
    from offshoring_cli.cli.scenario_problems import valid

    valid(shown, dataset)


@command(
    "show",
    click.argument("path", required=False),
    format_options,
    registry=_SCENARIO,
)
def scenario_show(path: str | None, fmt: str | None, as_json: bool) -> None:
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
        from offshoring_cli.cli.scenario_path import named
        from offshoring_cli.scenario.validate import load

        named("show", path, required=False)  # says so if it overrides a --scenario typed
        try:
            state["dataset"] = load(path)
        except scenario_file.ScenarioError as error:
            from offshoring_cli.cli.errors import cli_text

            raise click.UsageError(cli_text(error.template), click.get_current_context()) from None
        origin = path

    def build(options: Options) -> Report[Any]:
        from offshoring_cli.reports.dataset import dataset_report

        if origin is None:
            return dataset_report(options.dataset, "built-in")
        from offshoring_cli.scenario import shown

        return dataset_report(options.dataset, shown(origin))

    _run(build, {"fmt": fmt, "as_json": as_json, "explain": False})  # no formula to explain
