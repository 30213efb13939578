"""The package's errors, one module: what went wrong, and which input it was.

- :class:`InputError` (and its older name :class:`DomainError`): bad input, found before any
  output; ``field`` names the core's input (``"since"``, ``"baseline[jobs]"``, ``"metrics"``,
  ``"output"``, ``"scenario"``...), never a command-line option. Exit 2 on the command line.
- :class:`MissingExtra`: an optional library is not installed; exit 2 with the install hint.
- :class:`Failure`: a failure after the work started (a file that cannot be written); exit 1.

Texts name other inputs as ``{field}`` (``"give one with {baseline[jobs]}"``): ``str(error)``
writes the field's own name (``baseline[jobs]``); the command line writes its option
(``--jobs-baseline``) through :func:`text` with its own naming, in one place
(:mod:`offshoring_cli.cli.errors`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from offshoring_cli.i18n import Text

FIELDS = (
    "metrics",
    "base_year",
    "target_year",
    "since",
    "growth",
    "increment",
    "until",
    "years",
    "changes",
    "scenario",
    "output",
    "format",
    "force",
)
"""The core's input names (besides ``baseline[ID]`` and ``target[ID]``)."""

_REFERENCE = r"\{((?:baseline|target)\[[a-z0-9_.-]+\]|" + "|".join(FIELDS) + r")\}"
"""A reference to an input in a text; compiled on first use (by ``re``'s cache), not at import."""


def text(template: str, name: Callable[[str], str] = str) -> str:
    """``template`` with each ``{field}`` written as ``name(field)`` (default: the field)."""
    if "{" not in template:
        return template
    return re.sub(_REFERENCE, lambda m: name(m[1]), template, flags=re.IGNORECASE)


def reference(field: str) -> str:
    """The reference to the input ``field`` in a text: ``baseline[jobs]`` ->
    ``{baseline[jobs]}`` (an argument of a :class:`Message` naming a varying input)."""
    return "{" + field + "}"


class Message(Text):
    """A sentence of ours naming inputs as ``{field}`` (a :class:`~offshoring_cli.i18n.Text`:
    translated by the catalogues, its numbers written in the language): the string is written
    with the fields' own names; :func:`offshoring_cli.i18n.written` keeps the references, for
    the command line to name its options (:func:`offshoring_cli.cli.errors.cli_text`).

    ``Message("{metrics} {metric}: no such indicator", metric="hires")``: the arguments fill
    the template (the fields it names are no arguments).
    """

    @staticmethod
    def finish(written: str) -> str:
        return text(written)


class OffshoringError(Exception):
    """Every error of the package; ``exit_code`` is what the command line exits with, and
    ``usage`` whether it was a usage mistake (the command line then adds its usage hint)."""

    exit_code = 1
    usage = False

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(text(message))
        if isinstance(message, Message):  # the references kept, as in a plain text
            message = Text(message.template, **message.args)
        self.template = message
        """The message naming inputs as ``{field}`` (a :class:`~offshoring_cli.i18n.Text`
        where it is one of ours: the command line writes it in the language chosen)."""
        self.field = field


class DomainError(OffshoringError, ValueError):
    """Bad input: a value outside what a calculation accepts (non-positive value, no periods,
    overflow...), or an input the dataset cannot serve. ``field``: the core's input name, or
    ``""`` for a direct call of a formula."""

    exit_code = 2
    usage = True


class InputError(DomainError):
    """Bad input found by the core, for the input ``field`` (see :data:`FIELDS`)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field)


class MissingExtra(OffshoringError):
    """An optional library is not installed (``extra``: the package extra that brings it)."""

    exit_code = 2


class Failure(OffshoringError):
    """A failure after the work started (output half done): exit 1, no usage hint."""

    exit_code = 1
