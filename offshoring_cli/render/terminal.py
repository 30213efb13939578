"""Terminal facts and standard output: whether styles are wanted, the terminal's size, and
writing stdout completely."""

from __future__ import annotations

import sys


def plain_terminal() -> bool:
    """``True`` when styles are unwanted: ``NO_COLOR`` set (https://no-color.org) or
    ``TERM=dumb``. (Rich already drops colour then; this also drops bold and the like.)"""
    import os

    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def _size_from_environment(name: str) -> int | None:
    """``COLUMNS`` or ``LINES`` as a whole number above 0, or ``None`` when unset or anything
    else (``0``, ``-5``, ``abc``, ``80.5``): such a value counts as unset."""
    import os
    import re

    text = os.environ.get(name, "").strip()
    if not re.fullmatch(r"[0-9]{1,6}", text) or int(text) == 0:
        return None
    return int(text)


def terminal_size(fallback: tuple[int, int] = (80, 25)) -> tuple[int, int]:
    """The size of the terminal output is drawn for, as ``(columns, lines)`` in cells.

    Each of the two is, in order: ``COLUMNS`` / ``LINES`` when set to a whole number above 0
    (0, a negative number or text counts as unset, as does a number over six digits); else the
    size of the first terminal among stdout, stderr and stdin (so that ``offshoring chart |
    less`` still fits the screen); else ``fallback``. The one place the CLI measures the
    terminal: tables (:func:`table_console`) and terminal charts use it.
    """
    import os

    probed = (0, 0)
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            size = os.get_terminal_size(stream.fileno())
        except (AttributeError, OSError, ValueError):  # closed, replaced, or not a terminal
            continue
        if size.columns > 0 and size.lines > 0:  # a new pseudo-terminal may report 0 x 0
            probed = (size.columns, size.lines)
            break
    columns = _size_from_environment("COLUMNS") or probed[0] or fallback[0]
    lines = _size_from_environment("LINES") or probed[1] or fallback[1]
    return columns, lines


def _encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters it cannot hold as ``\\x..`` escapes, with a
    warning on stderr."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        sys.stderr.write(
            f"Warning: standard output's encoding ({encoding}) cannot show every character: "
            "they are written as \\x.. escapes; set PYTHONIOENCODING=utf-8 or use "
            "--format json/csv/markdown (always UTF-8)\n"
        )
        return text.encode(encoding, errors="backslashreplace")


def write_out(text: str, encoding: str | None = None) -> None:
    """Write ``text`` to stdout completely, or fail: never a silently cut output.

    ``encoding``: that of a document (``utf-8`` for JSON, CSV, Markdown), whatever stdout's;
    ``None``: stdout's own, a character it cannot hold written as a ``\\x..`` escape with a
    warning on stderr (never a silent ``?``).

    Python's buffered stdout can report a large write as done when the reader has gone, and
    then lose the rest at exit with status 0. Here the bytes go to the file descriptor in a
    loop: a reader that closes the pipe early (``| head``) raises ``BrokenPipeError``, which
    the CLI turns into exit 1; a non-blocking stdout is waited on, not cut.
    """
    import os

    stream = sys.stdout
    stream.flush()
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests' capture)
        stream.write(text)
        stream.flush()
        return
    data = memoryview(_encoded(text, encoding or stream.encoding or "utf-8"))
    while data:
        try:
            written = os.write(fd, data)
        except BlockingIOError:
            import select

            select.select([], [fd], [])
            continue
        data = data[written:]
