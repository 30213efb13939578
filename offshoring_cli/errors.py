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


class Message(str):
    """A text naming inputs as ``{field}``: the string is written with the fields' own names;
    :attr:`template` keeps the references for the command line to name its options."""

    template: str

    def __new__(cls, template: str) -> Message:
        made = super().__new__(cls, text(template))
        made.template = template
        return made


class OffshoringError(Exception):
    """Every error of the package; ``exit_code`` is what the command line exits with, and
    ``usage`` whether it was a usage mistake (the command line then adds its usage hint)."""

    exit_code = 1
    usage = False

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(text(message))
        self.template = message
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
