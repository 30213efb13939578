"""The ``offshoring`` command: a thin Click layer that parses, calls the core, and renders.

This module holds the group and :func:`main` (Ctrl-C included); the command registry and the
Click command and group classes (repeated options, suggestions, errors mapped once) are in
:mod:`~offshoring_cli.cli.commands`, the shared run (options in, report out) in
:mod:`~offshoring_cli.cli.run`; the commands are in
:mod:`~offshoring_cli.cli.figures` (``gap`` ... ``segments``) and
:mod:`~offshoring_cli.cli.files` (``chart``, ``report``, ``scenario``),
:mod:`~offshoring_cli.cli.schema` (``schema``) and
:mod:`~offshoring_cli.cli.workbook` (``workbook``), imported
when a command of theirs is asked for; their options in :mod:`~offshoring_cli.cli.options`,
the Click types in :mod:`~offshoring_cli.cli.params` (which read values by the grammar of
:mod:`~offshoring_cli.core.grammar`).

Exit codes: 0 ok; 2 bad input (one ``Error:`` line under Click's usage hint); 1 unexpected
failure (one ``Error:`` line; set ``OFFSHORING_DEBUG=1`` for the traceback), also when the
reader closes the pipe early (``offshoring gap | head -n 1``); 130 interrupted (Ctrl-C: one
``Error: interrupted`` line).
"""

from __future__ import annotations

import os
import sys

import click

from offshoring_cli import __version__
from offshoring_cli.cli.commands import (
    OffshoringGroup,
    _debug,
    _os_problem,
)

# The core (core, reports, render) is imported inside the functions that use it, and each
# command's module when the command is asked for: '--help' and '--version' never load the core.


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: ``offshoring, version X.Y.Z``, as Click's ``version_option`` prints it."""
    if value and not ctx.resilient_parsing:
        click.echo(f"offshoring, version {__version__}", color=ctx.color)
        ctx.exit()


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


def use_language(code: str) -> None:
    """Write the run in ``code``: our texts (:func:`offshoring_cli.i18n.choose`) and
    Click's (:mod:`~offshoring_cli.cli.click_language`, imported only for French or Arabic,
    or to put English back after them)."""
    from offshoring_cli import i18n

    i18n.choose(code)
    if code != "en" or "offshoring_cli.cli.click_language" in sys.modules:
        from offshoring_cli.cli import click_language

        click_language.use(code)


def _language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--lang`` (or ``OFFSHORING_LANG``): choose the language of the human formats
    (:func:`offshoring_cli.i18n.choose`); ``auto``: the system locale's, if it is one of ours,
    else English; a locale's code (``fr_MA``, ``ar-MA``) is its language. Anything else,
    the empty string included, is refused with the list (exit 2)."""
    import sys

    if value is None and "offshoring_cli.i18n" not in sys.modules:
        return  # English, and '--help' loads nothing more
    from offshoring_cli import i18n

    i18n.choose("en")  # a run in the same process (a test, a notebook) starts in English
    code = i18n.language_code(value if value is not None else "en")
    if code is None:
        source = ctx.get_parameter_source(param.name or "")
        where = "OFFSHORING_LANG" if source is click.core.ParameterSource.ENVIRONMENT else None
        raise click.BadParameter(
            f"{value!r} is not a language of ours; choose one of "
            f"{', '.join(i18n.LANGUAGES)} (or auto: the system locale's).",
            ctx,
            param,
            where,
        )
    use_language(code)


@click.group(
    cls=OffshoringGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'offshoring COMMAND --help' for a command's options and examples.",
)
# Click's version_option prints the same line, but it calls gettext even when given its help
# text, and gettext looks on disk for translation catalogues: system calls on every run.
@click.option(
    "--version",
    "-V",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_version,
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
@click.option(
    "--lang",
    "language",
    metavar="en|fr|ar",
    envvar="OFFSHORING_LANG",
    is_eager=True,
    expose_value=False,
    callback=_language,
    shell_complete=lambda ctx, param, incomplete: [
        code for code in ("en", "fr", "ar", "auto") if code.startswith(incomplete.lower())
    ],
    help="Language of tables, Markdown, the brief, charts, warnings and errors (--help's "
    "texts stay English): en (default), fr or ar; auto follows the system locale (LC_ALL, "
    "LC_MESSAGES, LANG). Also read from OFFSHORING_LANG. JSON and CSV are the same in "
    "every language.",
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
