"""What the command line tells people on stderr besides its result (warnings, "Wrote FILE"),
in the language chosen (``--lang``, :mod:`offshoring_cli.i18n`): one place, so that no notice
is an English f-string of English-formatted numbers."""

from __future__ import annotations

import click

from offshoring_cli import i18n
from offshoring_cli.i18n import Text


def said(text: str) -> str:
    """``text`` (a :class:`~offshoring_cli.i18n.Text`, or a message of the catalogues) in the
    language chosen."""
    with i18n.human():
        return i18n.say(text)


def warn(text: str) -> None:
    """Write ``Warning: TEXT`` on stderr, in the language chosen."""
    click.echo(i18n.warning(text), err=True)


def wrote(path: str) -> None:
    """Write ``Wrote PATH`` on stderr (a file written), in the language chosen."""
    click.echo(said(Text("Wrote {path}", path=path)), err=True)
