"""Terminal facts and standard output: whether styles are wanted, the terminal's size, and
writing stdout completely."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class Terminal:
    """What output is drawn for, probed once a run by :func:`probe`: tables
    (:func:`~offshoring_cli.render.table.table_console`) and terminal charts read it.

    ``columns`` and ``lines``: cells, from ``COLUMNS`` / ``LINES`` or the terminal; ``None``
    when neither says (each caller has its own default: 80 columns for tables, 100 for
    charts). ``plain``: no style at all (``NO_COLOR`` or ``TERM=dumb``). ``colour``: colour
    is wanted, by Rich's rules (``TTY_COMPATIBLE``, ``FORCE_COLOR``, else stdout is a
    terminal; never when ``plain`` or ``TERM=unknown``). ``unicode``: stdout's encoding can
    show box-drawing and braille characters (else charts are drawn in ASCII).
    """

    __slots__ = ("colour", "columns", "lines", "plain", "unicode")

    def __init__(
        self, columns: int | None, lines: int | None, plain: bool, colour: bool, unicode: bool
    ) -> None:
        self.columns = columns
        self.lines = lines
        self.plain = plain
        self.colour = colour
        self.unicode = unicode

    def __repr__(self) -> str:
        return (
            f"Terminal(columns={self.columns!r}, lines={self.lines!r}, plain={self.plain!r}, "
            f"colour={self.colour!r}, unicode={self.unicode!r})"
        )


def probe() -> Terminal:
    """The terminal facts, measured now: call once a run and pass the result on."""
    import os

    plain = plain_terminal()
    columns, lines = _sizes()
    colour = False
    if not plain and os.environ.get("TERM", "").lower() != "unknown":
        compatible = os.environ.get("TTY_COMPATIBLE", "")
        force = os.environ.get("FORCE_COLOR")
        if compatible in ("0", "1"):
            colour = compatible == "1"
        elif force is not None:
            colour = force != ""
        else:
            try:
                colour = bool(sys.stdout.isatty())
            except (AttributeError, ValueError):  # replaced or closed
                colour = False
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "\u2500\u28ff".encode(encoding)
        unicode = True
    except (UnicodeEncodeError, LookupError):
        unicode = False
    return Terminal(columns, lines, plain, colour, unicode)


def plain_terminal() -> bool:
    """``True`` when styles are unwanted: ``NO_COLOR`` set (https://no-color.org) or
    ``TERM=dumb``. (Rich already drops colour then; this also drops bold and the like.)"""
    import os

    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def _size_from_environment(name: str) -> int | None:
    """``COLUMNS`` or ``LINES`` as a whole number above 0, or ``None`` when unset or anything
    else (``0``, ``-5``, ``abc``, ``80.5``): such a value counts as unset."""
    import os

    text = os.environ.get(name, "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 6) or int(text) == 0:
        return None
    return int(text)


def _sizes() -> tuple[int | None, int | None]:
    """``(columns, lines)`` from ``COLUMNS`` / ``LINES`` or the terminal, ``None`` where
    neither says; see :func:`terminal_size`."""
    import os

    probed: list[int | None] = [None, None]
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            size = os.get_terminal_size(stream.fileno())
        except (AttributeError, OSError, ValueError):  # closed, replaced, or not a terminal
            continue
        # Each dimension on its own: a terminal may report 0 for one (stty rows 0 cols 30)
        # or both (a new pseudo-terminal): 0 says nothing.
        probed[0] = probed[0] or size.columns or None
        probed[1] = probed[1] or size.lines or None
        if probed[0] and probed[1]:
            break
    columns = _size_from_environment("COLUMNS") or probed[0]
    lines = _size_from_environment("LINES") or probed[1]
    return columns, lines


def terminal_size(fallback: tuple[int, int] = (80, 25)) -> tuple[int, int]:
    """The size of the terminal output is drawn for, as ``(columns, lines)`` in cells.

    Each of the two is, in order: ``COLUMNS`` / ``LINES`` when set to a whole number above 0
    (0, a negative number or text counts as unset, as does a number over six digits); else the
    size of the first terminal among stdout, stderr and stdin that reports it above 0 (so that
    ``offshoring chart | less`` still fits the screen); else ``fallback``. The same as
    :func:`probe` gives.
    """
    columns, lines = _sizes()
    return columns or fallback[0], lines or fallback[1]


def _encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; characters it cannot hold as ``\\x..`` escapes, with a
    warning on stderr."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        from offshoring_cli import i18n

        cannot = i18n.Text(
            "standard output's encoding ({encoding}) cannot show every character: they are "
            "written as \\x.. escapes; set PYTHONIOENCODING=utf-8 or use "
            "--format json/csv/markdown (always UTF-8)",
            encoding=encoding,
        )
        sys.stderr.write(i18n.warning(cannot) + "\n")
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


_CHUNK = 1 << 16
"""Characters gathered before a write by :func:`write_chunks` (64 KiB of ASCII, a pipe's
buffer)."""


def write_chunks(pieces: Iterable[str], encoding: str) -> None:
    """Write ``pieces`` to stdout as they are made, gathered into writes of about
    :data:`_CHUNK` characters, each as :func:`write_out` writes it (completely, or fail): a
    long document is never whole in memory. A text shorter than that is one write, as
    :func:`write_out`'s.

    Raises:
        Exception: what making a piece raises (JSON and CSV: only a bug, such as a NaN); what
            was written before it stays written.
    """
    gathered: list[str] = []
    size = 0
    for piece in pieces:
        gathered.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            write_out("".join(gathered), encoding)
            gathered.clear()
            size = 0
    write_out("".join(gathered), encoding)
