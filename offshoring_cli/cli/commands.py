"""The command registry and the Click classes every command and the group are built from.

Commands are registered by :func:`command` and built on first use (each run pays only for its
own command's options; :data:`_MODULES` says which module defines each, :data:`_SUMMARY` gives
the group's help without importing them). :class:`OffshoringCommand` and
:class:`OffshoringGroup` refuse a single-valued option given twice with different values,
suggest the closest command for a mistyped one, and turn unexpected exceptions into one clean
``Error:`` line (exit 1); errors of :mod:`offshoring_cli.errors` are mapped to exit codes and
option names by :mod:`offshoring_cli.cli.errors`, in one place.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any

import click


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
    "workbook": "workbook",
    "sources": "sources",
    "scenario": "files",
    "schema": "schema",
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
    "report": "A one-page brief to hand on: findings, verdicts, chart, key numbers, targets.",
    "workbook": "A live Excel workbook: editable inputs, and formulas that recompute every figure.",
    "sources": "The dataset's sources: a table, or BibTeX or CSL-JSON for a reference manager.",
    "scenario": "Scenario files: your own figures, targets or sector, in TOML.",
    "schema": "Print the JSON Schema of the scenario format or of a command's JSON output.",
}
"""Each command's summary for the group's ``--help``: the first line of its docstring, kept
here so that ``--help`` imports no command module (tests/test_startup.py keeps the two equal)."""


def _load(*names: str) -> None:
    """Import the modules that define the commands ``names``, which registers them."""
    import importlib

    for module in dict.fromkeys(_MODULES[name] for name in names):
        importlib.import_module(f"offshoring_cli.cli.{module}")


def all_commands() -> dict[str, click.Command]:
    """Every command, built (for documentation and tests; the CLI builds only what it runs)."""
    from offshoring_cli.cli import cli

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


_GROUP_OPTIONS = {"--scenario": "FILE", "--lang": "fr"}
"""The group's options that take a value, with an example value for the hint."""
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

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``-h``/``--help``, as Click's own help option, built once per command, but with
        its help text as it is, not through :func:`gettext.gettext`: Click's would look on
        disk for translation catalogues (and import :mod:`locale`) on every run, about 3 %
        of a fast path's start-up (``benchmarks/startup.py``). Our errors and help are
        English (``--lang`` translates results, not Click's texts)."""
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        found: click.Option | None = getattr(self, "_offshoring_help", None)
        if found is None:
            found = click.Option(
                [*names, "_offshoring_help"],
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=_show_help,
                help="Show this message and exit.",
            )
            self._offshoring_help = found
        found.help = click_text("Show this message and exit.")  # the language known by now
        return found


def click_text(message: str) -> str:
    """``message``, one of Click's own texts that we write (``Commands``), in the language of
    the run (:mod:`~offshoring_cli.cli.click_language`, loaded only in French or Arabic)."""
    module = sys.modules.get("offshoring_cli.cli.click_language")
    return message if module is None else str(module.text(message))


def _early_language(args: list[str]) -> None:
    """The language of the run, read before the group parses its options (``--lang`` among
    them, else ``OFFSHORING_LANG``), so that Click's errors in those options are written in
    it too; ``--lang``'s callback then makes the choice, and refuses a wrong value. Nothing
    is imported when neither is given."""
    value = os.environ.get("OFFSHORING_LANG") or None
    for index, arg in enumerate(args):
        if arg in _MODULES or arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg[len("--lang=") :]
    if value is not None and value.strip().lower() not in ("", "en"):
        from offshoring_cli import i18n
        from offshoring_cli.cli import use_language

        code = i18n.language_code(value)
        if code is not None:
            use_language(code)


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """The help option's callback: the command's help on stdout, exit 0 (as Click's)."""
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


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

            from offshoring_cli.cli.params import said
            from offshoring_cli.i18n import Text

            first, second = (shlex.quote(str(value)) for value in list(seen.values())[:2])
            disagree = Text(
                "{name} {first} and {name} {second} disagree; give {name} only once.",
                name=name,
                first=first,
                second=second,
            )
            raise click.UsageError(said(ValueError(disagree), sentence=False), ctx)
    return values[-1]


class OffshoringCommand(_SingleValued):
    """A command that says where a group option goes (``--scenario`` before the command)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            name = error.option_name.split("=", 1)[0]
            if name in _GROUP_OPTIONS:
                from offshoring_cli.cli.usage import group_option_after

                said = group_option_after(name, _GROUP_OPTIONS[name], ctx.info_name or "")
                raise click.NoSuchOption(error.option_name, said, ctx=ctx) from None
            raise


class OffshoringGroup(_SingleValued, click.Group):
    """The top-level group: commands built on demand (:func:`command`), and unexpected
    exceptions turned into one clean ``Error:`` line (exit 1)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_MODULES)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's ``main``; Click's texts put back in English when the run ends, whatever
        language it was written in (a program running the command in its own process keeps
        Click as it was)."""
        try:
            return super().main(*args, **kwargs)
        finally:
            if "offshoring_cli.cli.click_language" in sys.modules:
                from offshoring_cli.cli import click_language

                click_language.use("en")

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _early_language(args)
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            name = error.option_name.split("=", 1)[0]
            if name in _COMMAND_OPTIONS:
                from offshoring_cli.cli.usage import command_option_before

                said = command_option_before(name, name in _VALUED)
                raise click.NoSuchOption(error.option_name, said, ctx=ctx) from None
            raise

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command ``args[0]`` names; a mistyped name is refused with the closest
        command's name (``gapp`` -> "Did you mean 'gap'?")."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            from offshoring_cli.cli.usage import no_such_command

            close = difflib.get_close_matches(name.lower(), list(_MODULES), n=1)
            ctx.fail(no_such_command(name, close[0] if close else None))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _MODULES:
            _load(cmd_name)
            self.add_command(_LAZY[cmd_name](), cmd_name)
        return self.commands.get(cmd_name)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for param in self.params:  # --version: Click's text, in the language of the run
            if isinstance(param, click.Option) and param.name == "version":
                param.help = click_text("Show the version and exit.")
        super().format_options(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from :data:`_SUMMARY`: ``--help`` imports no command's module."""
        width = (formatter.width or 80) - 6 - max(map(len, _SUMMARY))
        rows = [(name, _shorten(_SUMMARY[name], width)) for name in _MODULES]
        with formatter.section(click_text("Commands")):
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
