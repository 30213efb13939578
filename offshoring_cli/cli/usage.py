"""The command line's own usage messages (a command or option where it does not belong), in
the language of the run; imported only when one is written."""

from __future__ import annotations

from offshoring_cli import i18n
from offshoring_cli.i18n import Text


def said(text: Text) -> str:
    """The usage message ``text`` in the language chosen (English: as written)."""
    with i18n.human():
        return i18n.say(text)


def no_such_command(name: str, close: str | None) -> str:
    """``gapp``: no such command, and the closest one's name when there is one."""
    if close is None:
        return said(Text("No such command {name!r}.", name=name))
    return said(Text("No such command {name!r}. Did you mean {close!r}?", name=name, close=close))


def group_option_after(name: str, value: str, command: str) -> str:
    """A group option (``--scenario``) given after the command ``command``."""
    return said(
        Text(
            "No such option {name!r} here: it goes before the command, as in "
            "'offshoring {name} {value} {command}'.",
            name=name,
            value=value,
            command=command,
        )
    )


def command_option_before(name: str, valued: bool) -> str:
    """A command's option (``--json``) given before the command."""
    return said(
        Text(
            "No such option {name!r} before the command: it goes after it, as in "
            "'offshoring gap {name}{more}'.",
            name=name,
            more=" ..." if valued else "",
        )
    )


def json_and_format(fmt: str) -> str:
    """``--json`` and another ``--format``."""
    return said(Text("--json and --format {fmt} disagree; give only one of them.", fmt=fmt))


def image_needs_output(fmt: str) -> str:
    """``chart --format svg|png`` without ``--output``."""
    return said(
        Text(
            "--format {fmt} is for an image: add --output FILE (or --output - for stdout); "
            "the terminal chart is text.",
            fmt=fmt,
        )
    )
