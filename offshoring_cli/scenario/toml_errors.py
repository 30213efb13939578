"""A TOML syntax error as a sentence of ours: tomllib's own detail (``Expected '=' after a key
in a key/value pair``) kept as it is, inside a sentence translated with its line and column
(French ``erreur de syntaxe TOML à la ligne 3, colonne 7 : ...``), and the hint for the mistake
people make with numbers. Imported only when a file is not TOML.
"""

from __future__ import annotations

import re

from offshoring_cli.i18n import Text, joined

_AT = re.compile(r"^(.*) \((?:at line (\d+), column (\d+)|(at end of document))\)$", re.DOTALL)
"""tomllib's message: its detail, then where (Python 3.11 to 3.13 write it so)."""


def syntax_problem(text: str, error: Exception) -> Text:
    """The problem of the TOML ``text`` that tomllib refused with ``error``."""
    message = str(error)
    found = _AT.match(message)
    if found is None:
        said = Text("TOML syntax error: {detail}", detail=message)
    elif found[4]:
        said = Text("TOML syntax error: {detail} (at end of document)", detail=found[1])
    else:
        said = Text(
            "TOML syntax error: {detail} (at line {line}, column {column})",
            detail=found[1],
            line=int(found[2]),
            column=int(found[3]),
        )
    hint = _syntax_hint(text, int(found[2]) if found and found[2] else 0)
    return said if hint is None else joined([said, hint])


def _syntax_hint(text: str, line_no: int) -> Text | None:
    """A hint for the TOML syntax error people make with numbers: a comma or a space that
    groups thousands (``value = 130,000``) on line ``line_no``, which TOML does not read; else
    ``None``."""
    lines = text.splitlines()
    if not 0 < line_no <= len(lines):
        return None
    found = re.search(
        r"=\s*([0-9]{1,3}(?:[, ][0-9]{3})+(?:\.[0-9]+)?)\s*(?:#.*)?$", lines[line_no - 1]
    )
    if found is None:
        return None
    plain = re.sub("[, ]", "", found[1])
    grouped = plain[:-3] + "_" + plain[-3:]
    return Text(
        "a number in TOML has no thousands separator: write {plain} or {grouped}",
        plain=plain,
        grouped=grouped,
    )
