"""Which scenario file ``scenario validate`` and ``scenario show`` read: PATH when given, else
the scenario in use (``--scenario`` or ``OFFSHORING_SCENARIO``), as every other command reads;
a ``--scenario`` typed on the same command line that PATH overrides is said on stderr, not
silently dropped. Imported only by those two commands."""

from __future__ import annotations

import click


def named(command: str, path: str | None, required: bool) -> str | None:
    """The scenario file ``scenario COMMAND`` reads: ``path`` if given (with a warning when a
    different ``--scenario`` was typed), else the one in use; ``None`` when there is none and
    not ``required``.

    Raises:
        click.UsageError: no ``path`` and no scenario in use, when ``required``.
    """
    root = click.get_current_context().find_root()
    state = root.ensure_object(dict)
    in_use: str | None = state.get("scenario_path")
    if path is None:
        if in_use is None and required:
            from offshoring_cli.cli.notices import said
            from offshoring_cli.i18n import Text

            missing = Text(
                "Missing argument 'PATH': give a scenario file (or - for standard input), or "
                "set --scenario or OFFSHORING_SCENARIO."
            )
            raise click.UsageError(said(missing), click.get_current_context())
        return in_use
    typed = root.get_parameter_source("scenario_path") is click.core.ParameterSource.COMMANDLINE
    if typed and in_use is not None and in_use != path:
        from offshoring_cli.cli.notices import warn
        from offshoring_cli.i18n import Text

        warn(
            Text(
                "--scenario {given} is not used: 'scenario {command}' reads {path}.",
                given=in_use,
                command=command,
                path=path,
            )
        )
    return path
