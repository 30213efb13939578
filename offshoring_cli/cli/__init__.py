"""The ``offshoring`` command: a thin Click layer that parses, calls the core, and renders.

This module holds the group, the command registry, the shared run (options in, report out,
errors mapped to exit codes) and :func:`main`; the commands are in
:mod:`~offshoring_cli.cli.figures` (``gap`` ... ``segments``) and
:mod:`~offshoring_cli.cli.files` (``chart``, ``report``, ``scenario``, ``schema``), imported
when a command of theirs is asked for; their options in :mod:`~offshoring_cli.cli.options`,
the Click types in :mod:`~offshoring_cli.cli.params` (which read values by the grammar of
:mod:`~offshoring_cli.core.grammar`).

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

from offshoring_cli import __version__

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import Report

# The core (core, reports, render) is imported inside the functions that use it, and each
# command's module when the command is asked for: '--help' and '--version' never load the core.


def _debug() -> bool:
    """``OFFSHORING_DEBUG`` set to anything but empty, 0, false or no: show tracebacks."""
    return os.environ.get("OFFSHORING_DEBUG", "").strip().lower() not in {"", "0", "false", "no"}


_LAZY: dict[str, Callable[[], click.Command]] = {}
"""Commands by name, built only when asked for: every command pays only for its own options."""


def command(
    name: str, *decorators: Callable[[Any], Any], registry: dict[str, Any] | None = None, **kw: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command to be built on first use: ``decorators`` (options, arguments) are
    applied then, not at import, so start-up does not pay for every command's options.

    An :class:`~offshoring_cli.errors.OffshoringError` raised by the command becomes its
    ``Error:`` line and exit code here, for every command (:mod:`offshoring_cli.cli.errors`)."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        def build() -> click.Command:
            def callback(*args: Any, **kwargs: Any) -> Any:
                try:
                    return function(*args, **kwargs)
                except Exception as error:
                    from offshoring_cli.errors import OffshoringError

                    if not isinstance(error, OffshoringError):
                        raise
                    from offshoring_cli.cli.errors import to_click

                    raise to_click(error) from None

            built: Any = functools.update_wrapper(callback, function)  # a fresh copy each time
            for decorator in reversed(decorators):
                built = decorator(built)
            make: Callable[[Any], click.Command] = click.command(name, cls=OffshoringCommand, **kw)
            return make(built)

        (_LAZY if registry is None else registry)[name] = build
        return function

    return register


def _shorten(text: str, width: int) -> str:
    """``text`` cut at a word to fit ``width`` characters, with ``...`` when cut."""
    if len(text) <= width:
        return text
    return text[: max(width - 3, 1)].rsplit(" ", 1)[0].rstrip(",;:") + "..."


_MODULES = {
    "gap": "figures",
    "cagr": "figures",
    "status": "figures",
    "trajectory": "figures",
    "project": "figures",
    "sensitivity": "figures",
    "segments": "figures",
    "chart": "files",
    "report": "files",
    "scenario": "files",
    "schema": "files",
}
"""Each command and the module of this package that defines (registers) it, in the order
``--help`` lists them: a command's module is imported only when the command is asked for."""

_SUMMARY = {
    "gap": "Gap from the baseline to the target, and the growth that closes it.",
    "cagr": "Required growth to the target vs actual (historical) growth.",
    "status": "Are we on track? Progress by two published methods, and insights.",
    "trajectory": "Year by year to the target: compound, linear and actual-pace paths.",
    "project": "What-if: where a metric lands at an assumed pace, and when it meets the target.",
    "sensitivity": "How the required CAGR moves if the deadline slips or the target changes.",
    "segments": (
        "The 2024 export mix by segment (ITO, CRM, ESO, BPO, KPO), with shares of the total."
    ),
    "chart": "Chart the paths to the target: observations, compound, linear and actual-pace paths.",
    "report": "A one-page brief to hand on: verdicts, key numbers, milestones, insights, chart,",
    "scenario": "Scenario files: your own figures, targets or sector, in TOML.",
    "schema": "Print the JSON Schema of the scenario format or of a command's JSON output.",
}
"""Each command's summary for the group's ``--help``: the first line of its docstring, kept
here so that ``--help`` imports no command module (tests/test_startup.py keeps the two equal)."""


def _load(*names: str) -> None:
    """Import the modules that define the commands ``names``, which registers them."""
    import importlib

    for module in dict.fromkeys(_MODULES[name] for name in names):
        importlib.import_module(f"{__name__}.{module}")


def all_commands() -> dict[str, click.Command]:
    """Every command, built (for documentation and tests; the CLI builds only what it runs)."""
    context = click.Context(cli)
    found = {name: cli.get_command(context, name) for name in cli.list_commands(context)}
    return {name: command for name, command in found.items() if command is not None}


def _os_problem(error: OSError) -> str:
    """An ``OSError`` met while finishing, in words: one without a file name came from
    writing standard output (a full disk, a stream open for reading only)."""
    import errno

    reason = error.strerror or str(error)
    if error.filename is None and error.errno in {
        errno.ENOSPC,
        errno.EBADF,
        errno.EIO,
        errno.EFBIG,
        errno.EDQUOT,
        errno.EAGAIN,
    }:
        return f"cannot write to standard output: {reason}; redirect it to a file or a pipe"
    return f"cannot finish: {reason}"


_GROUP_OPTIONS = ("--scenario",)
_COMMAND_OPTIONS = (
    "--json", "--format", "-f", "--explain", "--metric", "-m", "--base-year", "--target-year",
    "--baseline", "--target", "--jobs-baseline", "--jobs-target", "--exports-baseline",
    "--exports-target", "--since", "--growth", "--increment", "--until", "--years",
    "--changes", "--output", "-o",
)  # fmt: skip
"""Options of the commands, given after the command."""
_VALUED = tuple(o for o in _COMMAND_OPTIONS if o not in ("--json", "--explain"))
"""Options of the group, given before the command."""


class _SingleValued(click.Command):
    """A command (or group) whose single-valued options may be given twice only with the
    same value: ``--since 2022 --since 2024`` is refused (exit 2) instead of the last one
    winning; ``--since 2022 --since 2022`` is one value. Values are compared after their
    type's conversion (``--growth 8%`` and ``--growth 0.08`` agree). A usage mistake the
    parser finds without a context (an option missing its value) gets the usage hint too."""

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)
        single: dict[str, click.Parameter] = {}
        for option in {**parser._long_opt, **parser._short_opt}.values():
            if option.action == "store" and option.dest:  # keep every value; see _one
                option.action = "append"
                single[option.dest] = option.obj
        parse = parser.parse_args

        def parse_once(args: list[str]) -> Any:
            opts, rest, order = parse(args)
            for dest in single.keys() & opts.keys():
                opts[dest] = _one(ctx, single[dest], opts[dest])
            return opts, rest, order

        parser.parse_args = parse_once  # type: ignore[method-assign]
        return parser

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            if error.ctx is None:  # raised by the parser: show the usage line and hint
                raise click.UsageError(error.message, ctx) from None
            raise


def _one(ctx: click.Context, param: click.Parameter, values: list[Any]) -> Any:
    """The one value of a single-valued option given ``len(values)`` times.

    Raises:
        click.UsageError: two values that differ once converted by the option's type.
    """
    if len(values) > 1:
        name = max(param.opts, key=len)
        seen: dict[str, Any] = {}
        for value in values:
            converted = param.type(value, param, ctx) if isinstance(value, str) else value
            seen.setdefault(repr(converted), value)
        if len(seen) > 1:
            import shlex

            first, second = (shlex.quote(str(value)) for value in list(seen.values())[:2])
            raise click.UsageError(
                f"{name} {first} and {name} {second} disagree; give {name} only once.", ctx
            )
    return values[-1]


class OffshoringCommand(_SingleValued):
    """A command that says where a group option goes (``--scenario`` before the command)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            name = error.option_name.split("=", 1)[0]
            if name in _GROUP_OPTIONS:
                raise click.NoSuchOption(
                    error.option_name,
                    f"No such option {name!r} here: it goes before the command, as in "
                    f"'offshoring {name} FILE {ctx.info_name}'.",
                    ctx=ctx,
                ) from None
            raise


class OffshoringGroup(_SingleValued, click.Group):
    """The top-level group: commands built on demand (:func:`command`), and unexpected
    exceptions turned into one clean ``Error:`` line (exit 1)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_MODULES)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            name = error.option_name.split("=", 1)[0]
            if name in _COMMAND_OPTIONS:
                raise click.NoSuchOption(
                    error.option_name,
                    f"No such option {name!r} before the command: it goes after it, as in "
                    f"'offshoring gap {name}{' ...' if name in _VALUED else ''}'.",
                    ctx=ctx,
                ) from None
            raise

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command ``args[0]`` names; a mistyped name is refused with the closest
        command's name (``gapp`` -> "Did you mean 'gap'?")."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name.lower(), list(_MODULES), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _MODULES:
            _load(cmd_name)
            self.add_command(_LAZY[cmd_name](), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from :data:`_SUMMARY`: ``--help`` imports no command's module."""
        width = (formatter.width or 80) - 6 - max(map(len, _SUMMARY))
        rows = [(name, _shorten(_SUMMARY[name], width)) for name in _MODULES]
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
            raise click.ClickException(_os_problem(error)) from error
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


def _options(
    metrics: tuple[str, ...] = (),
    base_year: int | None = None,
    target_year: int | None = None,
    baselines: tuple[tuple[str, str], ...] = (),
    targets: tuple[tuple[str, str], ...] = (),
    jobs_baseline: str | None = None,
    jobs_target: str | None = None,
    exports_baseline: str | None = None,
    exports_target: str | None = None,
) -> Options:
    """The core's :class:`Options` from the figure options, on the dataset of this run.

    ``--baseline ID=VALUE`` / ``--target ID=VALUE`` and their shorthands (``--jobs-baseline
    VALUE`` is ``--baseline jobs=VALUE``) are one mechanism: each value is read in the unit of
    its indicator (a whole number for a count such as jobs or people).

    Raises:
        click.UsageError: an id the dataset does not have (the message lists its ids), or
            two values for one figure that disagree.
        click.BadParameter: a value outside the number grammar.
    """
    from offshoring_cli.core.resolve import Options

    dataset = _dataset()
    return Options(
        metrics=tuple(dict.fromkeys(m.strip().lower() for m in metrics)),
        base_year=base_year,
        target_year=target_year,
        baselines=_figures(
            dataset, "baseline", baselines, {"jobs": jobs_baseline, "exports": exports_baseline}
        ),
        targets=_figures(
            dataset, "target", targets, {"jobs": jobs_target, "exports": exports_target}
        ),
        dataset=dataset,
    )


def _figures(
    dataset: Dataset,
    kind: str,
    pairs: tuple[tuple[str, str], ...],
    shorthands: dict[str, str | None],
) -> dict[str, int | float]:
    """The figures given for ``kind`` (``baseline`` or ``target``), by indicator id, each read
    in its indicator's unit; see :func:`_options`."""
    if not pairs and all(text is None for text in shorthands.values()):
        return {}  # nothing given: the grammar is not even imported
    from offshoring_cli.core.grammar import as_sentence, parse_quantity, quoted
    from offshoring_cli.core.records import is_count

    given = [
        (f"--{m}-{kind}", m, text, f"--{m}-{kind} {quoted(text)}")
        for m, text in shorthands.items()
        if text is not None
    ]
    given += [(f"--{kind} {m}", m, text, f"--{kind} {quoted(f'{m}={text}')}") for m, text in pairs]
    figures: dict[str, int | float] = {}
    typed: dict[str, str] = {}
    for option, metric, text, as_typed in given:
        indicator = dataset.indicators.get(metric)
        if indicator is None:
            raise click.UsageError(
                f"{option}: the dataset {dataset.name!r} has no {quoted(metric)[1:-1]} "
                f"indicator; indicators: {', '.join(dataset.indicators)}",
                click.get_current_context(),
            )
        try:
            value = parse_quantity(text, indicator.unit, whole=is_count(indicator.unit)).value
        except ValueError as error:
            raise click.BadParameter(
                as_sentence(error), click.get_current_context(), param_hint=f"'{option}'"
            ) from None
        if metric in figures and figures[metric] != value:
            raise click.UsageError(
                f"{typed[metric]} and {as_typed} disagree; give only one of them.",
                click.get_current_context(),
            )
        figures[metric] = value
        typed[metric] = as_typed
    return figures


def _dataset() -> Dataset:
    """The dataset of this run: the scenario file's (--scenario / OFFSHORING_SCENARIO), read
    once and only when a command needs it, or the built-in one.

    Raises:
        DomainError: the scenario file cannot be used (see
            :func:`offshoring_cli.scenario.validate.load`).
    """
    root = click.get_current_context().find_root()
    state = root.ensure_object(dict)
    if "dataset" not in state:
        path = state.get("scenario_path")
        if path is None:
            from offshoring_cli.core.builtin import BUILTIN

            state["dataset"] = BUILTIN
        else:
            from offshoring_cli.scenario import ScenarioError
            from offshoring_cli.scenario.validate import load

            try:
                state["dataset"] = load(path)
            except ScenarioError as error:
                if state.get("scenario_from") != "environment":
                    raise
                error.usage = False  # not a mistake on this command line
                error.template = f"OFFSHORING_SCENARIO={path}: {error.template}"
                raise
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
    build: Callable[[Options], Report[Any]],
    kwargs: dict[str, Any],
) -> None:
    """Parse the shared options out of ``kwargs``, call the core, and write the report.

    Errors of the core are mapped by the command's wrapper (see :func:`command`).
    """
    from offshoring_cli.render import emit

    fmt, as_json, explain = kwargs.pop("fmt"), kwargs.pop("as_json"), kwargs.pop("explain")
    if as_json and fmt not in (None, "json"):
        raise click.UsageError(f"--json and --format {fmt} disagree; give only one of them.")
    from offshoring_cli.errors import DomainError

    options = _options(**kwargs)
    try:
        report = build(options)
    except DomainError as error:
        given = [f"{{{k}[{m}]}}" for k in ("baseline", "target") for m in getattr(options, k + "s")]
        if error.field or not given:
            raise
        # a formula's domain (a decline too steep, an overflow) met by a figure given
        raise DomainError(
            f"{error.template}; check the figures given ({', '.join(given)})"
        ) from None
    if report.warnings:  # the core names inputs; here they are named as options
        from offshoring_cli.cli.errors import cli_text

        report.warnings[:] = [cli_text(warning) for warning in report.warnings]
    emit(report, "json" if as_json else (fmt or "table").lower(), explain)


@click.group(
    cls=OffshoringGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'offshoring COMMAND --help' for a command's options and examples.",
)
# The message and help are Click's defaults, given so that building the group calls no
# gettext (which looks for translation catalogues): about 1 % of every run's start-up.
@click.version_option(
    __version__,
    "--version",
    "-V",
    prog_name="offshoring",
    message="%(prog)s, version %(version)s",
    help="Show the version and exit.",
)
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
    state = ctx.ensure_object(dict)
    state["scenario_path"] = scenario_path
    if ctx.get_parameter_source("scenario_path") is click.core.ParameterSource.ENVIRONMENT:
        state["scenario_from"] = "environment"
    if ctx.invoked_subcommand is None:  # plain 'offshoring': the help, on stdout
        click.echo(ctx.get_help())
        ctx.exit(0)


class Interrupted(BaseException):
    """Ctrl-C (SIGINT) during a run: raised by the handler :func:`main` installs, so that it
    passes every ``except Exception`` and Click's own ``KeyboardInterrupt`` handling (which
    would exit 1 with "Aborted!"); ``finally`` blocks still run, so no temporary file stays."""


def _on_interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler of a run: the first Ctrl-C unwinds (:class:`Interrupted`); a second
    one, while that clean-up runs, ends the process at once."""
    import _signal as signal  # type: ignore[import-not-found,unused-ignore]  # see main()

    signal.signal(signal.SIGINT, _exit_now)
    raise Interrupted


def _exit_now(signum: int, frame: object) -> None:
    os._exit(130)


def _late_interrupt(signum: int, frame: object) -> None:
    """Ctrl-C after the run, while the interpreter exits: one line, exit 130 at once."""
    try:
        os.write(2, b"Error: interrupted\n")
    finally:
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


def main(console: bool = False) -> None:
    """Run the ``offshoring`` command (the console script runs it through
    :func:`offshoring_cli.entry.main`, ``console=True``).

    Output errors outside a command (``--help`` or ``--version`` into a full disk, a closed
    stdout) get one ``Error:`` line and exit 1 too, never a traceback. Ctrl-C (SIGINT), during
    a command or ``--help``, prints ``Error: interrupted`` and exits 130; where SIGINT is
    ignored (a background job), it stays ignored. Called in-process (``console=False``), SIGINT
    is left as it was found; as the console script, a Ctrl-C after the run, while the
    interpreter exits, still ends with ``Error: interrupted`` and 130, never by the signal.
    """
    # The C module, not 'signal': that one converts handlers to enums, about 2 % of the
    # start-up of 'gap --json' (benchmarks/startup.py); the functions used here are the same.
    import _signal as signal  # type: ignore[import-not-found,unused-ignore]
    import sys

    if sys.stdout is None:
        sys.stderr.write("Error: standard output is closed; nothing can be written.\n")
        raise SystemExit(1)
    found = signal.getsignal(signal.SIGINT)
    handled = found is signal.default_int_handler or (
        console and getattr(found, "__module__", "") == "offshoring_cli.entry"
    )
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
        sys.stderr.write(f"Error: {_os_problem(error)}\n")
        raise SystemExit(1) from None
    finally:
        if handled and console:  # the run is over: a Ctrl-C now ends the exit at once
            signal.signal(signal.SIGINT, _late_interrupt)
        elif handled:  # called in-process (tests, an embedding program): leave SIGINT as it was
            signal.signal(signal.SIGINT, found)
