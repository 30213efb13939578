"""Errors on the command line, in one place: each core input named by its option, and each
error of :mod:`offshoring_cli.errors` turned into one ``Error:`` line and its exit code.

- bad input (:class:`~offshoring_cli.errors.DomainError`, its :class:`InputError`):
  exit 2, under Click's usage hint when it was a usage mistake;
- a missing optional library (:class:`~offshoring_cli.errors.MissingExtra`): exit 2, the
  install hint, no usage hint;
- a failure after the work started (:class:`~offshoring_cli.errors.Failure`): exit 1.
"""

from __future__ import annotations

import click

from offshoring_cli import errors

OPTIONS = {
    "metrics": "--metric",
    "base_year": "--base-year",
    "target_year": "--target-year",
    "since": "--since",
    "growth": "--growth",
    "increment": "--increment",
    "until": "--until",
    "years": "--years",
    "changes": "--changes",
    "scenario": "--scenario",
    "output": "--output",
    "format": "--format",
    "force": "--force",
}
"""The option that sets each core input (``baseline[ID]``/``target[ID]``: see :func:`option`)."""

SHORTHANDS = ("jobs", "exports")
"""Indicators whose figures also have their own options (``--jobs-baseline``...)."""


def option(field: str) -> str:
    """The command-line option that sets the core input ``field``: ``since`` -> ``--since``,
    ``baseline[jobs]`` -> ``--jobs-baseline``, ``target[hires]`` -> ``--target hires``."""
    if field.endswith("]") and "[" in field:
        kind, metric = field[:-1].split("[", 1)
        if metric in SHORTHANDS:
            return f"--{metric}-{kind}"
        return f"--{kind} {metric}"
    return OPTIONS.get(field, field)


def cli_text(message: str) -> str:
    """A core text (a :class:`~offshoring_cli.errors.Message`, any
    :class:`~offshoring_cli.i18n.Text`, or an error's template) in the language chosen
    (``--lang``; a plain text where the catalogues have it) with each input written as its
    option."""
    from offshoring_cli import i18n

    with i18n.human():
        return errors.text(i18n.written(message), option)


def to_click(error: errors.OffshoringError) -> click.ClickException:
    """The Click exception that prints ``error`` as one ``Error:`` line with its exit code
    (in the language chosen where the catalogue has the message)."""
    message = cli_text(error.template)
    if error.usage:
        context = click.get_current_context(silent=True)
        return click.UsageError(message, context)
    mapped = click.ClickException(message)
    vars(mapped)["exit_code"] = error.exit_code  # Click reads it from the instance
    return mapped
