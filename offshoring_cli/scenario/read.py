"""Reading a scenario file: the one place a scenario is read, from bytes to parsed TOML.

A regular file of at most :data:`MAX_BYTES`, or standard input for ``-``; the text is UTF-8,
with or without a byte-order mark; parsing uses the standard :mod:`tomllib` (a large file: compiled
tomli when the ``fast`` extra is installed, see :mod:`~offshoring_cli.scenario.fast_toml`), and
a file read again with the same bytes is not parsed again (:mod:`~offshoring_cli.scenario.cache`).
Each problem is a :class:`~offshoring_cli.scenario.ScenarioError` with one line saying why.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import Any

from offshoring_cli.i18n import N_, Text
from offshoring_cli.scenario import STDIN, ScenarioError

MAX_BYTES = 64 * 1024 * 1024
"""The largest scenario file (or CSV file of observations) read, in bytes (64 MiB: room for
10,000 indicators of 50 yearly observations each, written one a line)."""

FAST_FROM = 256 * 1024
"""From this many characters on, a file may be parsed by the optional faster parser
(:mod:`~offshoring_cli.scenario.fast_toml`, ``pip install 'offshoring-cli[fast]'``)."""

MAX_KEY_PARTS = 32
"""The most parts a dotted key may have (``sources.id.url`` has 3): tomllib takes a time that
grows with the square of a key's length."""


_KINDS = (
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISSOCK, N_("a socket")),
)
"""Kinds of file that are not read, in words (templates: made into texts only when met)."""


def _too_large(size: int | None = None) -> Text:
    """Over the cap on scenario files (``size``: the file's, when known)."""
    from offshoring_cli.i18n import Num

    cap = Text(
        "the {mib} MiB ({cap} bytes) cap on scenario files",
        mib=MAX_BYTES // (1024 * 1024),
        cap=Num("number", MAX_BYTES),
    )
    if size is None:
        return Text("is over {cap}", cap=cap)
    return Text("is {size} bytes, over {cap}", size=Num("number", size), cap=cap)


def _kind_problem(mode: int, csv: bool = False) -> Text | None:
    """Why a file of ``mode`` cannot be read as a scenario (as the CSV file a scenario names,
    with ``csv``), or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        if csv:
            return Text("is a directory, not a CSV file; give the path of a .csv file")
        return Text("is a directory, not a scenario file; give the path of a .toml file")
    for test, kind in _KINDS:
        if test(mode):
            if csv:
                return Text(  # a CSV file is never read from standard input
                    "is {kind}, not a CSV file; give the path of a .csv file", kind=Text(kind)
                )
            return Text(
                "is {kind}, not a scenario file; give a regular file, or - to read the scenario "
                "from standard input",
                kind=Text(kind),
            )
    return Text(  # pragma: no cover - no other kind on POSIX
        "is not a regular file; give a regular file, or - to read the scenario from standard input"
    )


NO_SUCH_FILE = N_("no such file; check the path (offshoring scenario init PATH writes one)")
"""A file that does not exist (a CSV file a scenario names says where it was looked for)."""


def _os_problem(error: OSError) -> Text:
    """An error opening or reading a file, as one line (the system's own words, where they
    are needed, stay as the system gives them)."""
    import errno

    if isinstance(error, FileNotFoundError):
        return Text(NO_SUCH_FILE)
    if isinstance(error, NotADirectoryError):
        return Text("no such file (a part of the path is a file, not a folder)")
    if isinstance(error, PermissionError):
        return Text("cannot be read (permission denied)")
    if error.errno == errno.ENAMETOOLONG:
        return Text("no such file (the name is too long for the file system)")
    return Text("cannot be read ({reason})", reason=error.strerror or str(error))


def _read_file(name: str, csv: bool = False) -> bytes:
    """The bytes of the regular file ``name``: checked before it is opened (a FIFO is never
    opened, so never waited on; a device never read), opened without blocking and checked
    again (it may have been replaced meanwhile), then read up to :data:`MAX_BYTES`.

    Raises:
        ScenarioError: with one problem saying why the file cannot be read.
    """

    def refuse(problem: Text) -> ScenarioError:
        return ScenarioError(name, [problem])

    try:
        info = os.stat(name)
    except FileNotFoundError as error:
        if name.strip() != name:
            raise refuse(Text("no such file (the path starts or ends with a space)")) from None
        raise refuse(_os_problem(error)) from None
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    except ValueError:  # a NUL character in the path
        raise refuse(Text("no such file (the path holds a NUL character)")) from None
    problem = _kind_problem(info.st_mode, csv)
    if problem is None and info.st_size > MAX_BYTES:
        problem = _too_large(info.st_size)
    if problem:
        raise refuse(problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    try:
        problem = _kind_problem(os.fstat(fd).st_mode, csv)
        if problem:
            raise refuse(problem)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        raise refuse(_too_large())
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    finally:
        os.close(fd)


def _read_stdin() -> bytes:
    """Standard input to its end, at most :data:`MAX_BYTES` (more than that is not read).

    Raises:
        ScenarioError: standard input is closed, cannot be read, or holds more.
    """
    stream = sys.stdin
    if stream is None:
        raise ScenarioError(STDIN, [Text("standard input is closed; redirect a file to it")])
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(MAX_BYTES + 1)
    except OSError as error:
        raise ScenarioError(STDIN, [_os_problem(error)]) from None
    except ValueError:  # a closed stream
        raise ScenarioError(
            STDIN, [Text("standard input is closed; redirect a file to it")]
        ) from None
    if data is None:  # non-blocking, and nothing written yet
        raise ScenarioError(STDIN, [Text("nothing to read yet (standard input is non-blocking)")])
    if isinstance(data, str):  # a text stream without a buffer
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > MAX_BYTES:
        raise ScenarioError(STDIN, [_too_large()])
    return bytes(data)


def _where(data: bytes, offset: int) -> Text:
    """``line L, column C`` of the byte at ``offset`` (columns count characters)."""
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, offset) + 1
    return Text("line {line}, column {column}", line=line, column=column)


def _decode(data: bytes, csv: bool = False) -> str:
    """The text of a scenario (``csv``: of a CSV file it names): UTF-8, with or without a
    byte-order mark (dropped).

    Raises:
        ValueError: one line naming the problem: a UTF-16 or UTF-32 byte-order mark, a NUL
            byte (binary data, or UTF-16 without a mark), a byte that is not UTF-8 (Latin-1,
            Windows-1252...), each with its line and column.
    """
    import codecs

    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ValueError(
            Text("is UTF-32 text (it starts with a UTF-32 byte-order mark); save the file as UTF-8")
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError(
            Text("is UTF-16 text (it starts with a UTF-16 byte-order mark); save the file as UTF-8")
        )
    data = data.removeprefix(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    binary = N_(
        "holds a NUL byte at {where}: binary data, or UTF-16 text, not a TOML file; save the "
        "file as UTF-8"
    )
    if csv:
        binary = N_(
            "holds a NUL byte at {where}: binary data, or UTF-16 text, not a CSV file; save the "
            "file as UTF-8"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if 0 <= nul < error.start:
            raise ValueError(Text(binary, where=_where(data, nul))) from None
        sample = data[:4096]
        controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f") + sample.count(127)
        byte = "0x" + format(data[error.start], "02X")
        where = Text(
            "byte {byte} at {where} is not UTF-8",
            byte=byte,
            where=_where(data, error.start),
        )
        if controls * 100 > len(sample):  # over 1 % control bytes: no text in any encoding
            raise ValueError(
                Text(
                    "is not text: {where}, and the file holds control bytes: binary data, not a "
                    "text file; check the path",
                    where=where,
                )
            ) from None
        raise ValueError(
            Text(
                "is not UTF-8 text: {where} (Latin-1 or Windows-1252 text?); save the file as "
                "UTF-8",
                where=where,
            )
        ) from None
    if nul >= 0:
        raise ValueError(Text(binary, where=_where(data, nul)))
    return text


_KEY = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_KEY_RUN = rf"(?:^[ \t]*+\[?\[?|[{{,])[ \t]*+({_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})*+)"
"""A key where TOML allows one (at the start of a line, in a table header, in an inline table),
with its dotted parts; possessive, so the scan is linear. Compiled only for a file with a line
of at least :data:`MAX_KEY_PARTS` dots (a key cannot span lines)."""


def _long_key(text: str) -> int | None:
    """Where ``text`` has a dotted key of over :data:`MAX_KEY_PARTS` parts, or ``None``."""
    if text.count(".") < MAX_KEY_PARTS or not any(
        line.count(".") >= MAX_KEY_PARTS for line in text.split("\n")
    ):  # a key of N parts has N - 1 dots, on one line
        return None
    for match in re.finditer(_KEY_RUN, text, re.MULTILINE):
        run = match[1]
        if len(run) > 2 * MAX_KEY_PARTS and len(re.findall(_KEY, run)) > MAX_KEY_PARTS:
            return text.count(chr(10), 0, match.start(1)) + 1
    return None


def read_text(name: str) -> str:
    """The text of a file a scenario names (a CSV of observations), read as a scenario is: a
    regular file of at most :data:`MAX_BYTES`, UTF-8 with or without a byte-order mark.

    Raises:
        ScenarioError: with one problem saying why it cannot be read.
    """
    return decode_named(name, read_named(name))


def read_named(name: str) -> bytes:
    """The bytes of a file a scenario names (a CSV of observations), checked and read as a
    scenario's are (see :func:`read_text`); :func:`decode_named` gives their text.

    Raises:
        ScenarioError: with one problem saying why it cannot be read.
    """
    return _read_file(name, csv=True)


def decode_named(name: str, data: bytes) -> str:
    """The text of the bytes ``data`` of the file ``name`` a scenario names.

    Raises:
        ScenarioError: with one problem: not UTF-8 (the byte, line and column), a NUL byte...
    """
    try:
        return _decode(data, csv=True)
    except ValueError as error:
        raise ScenarioError(name, [error.args[0]]) from None


def read(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and parse a scenario file: the one place a scenario is read.

    ``path`` is a regular file, or the string ``-`` for standard input (a :class:`Path`
    named ``-`` is a file); at most :data:`MAX_BYTES` are read. The text is UTF-8, with or
    without a byte-order mark. A file's parsed document is cached
    (:mod:`~offshoring_cli.scenario.cache`): when the file's bytes are exactly those parsed
    before, the document comes from the cache, the same one parsing would give (standard
    input is never cached; ``OFFSHORING_CACHE=off`` turns it off).

    Raises:
        ScenarioError: with one problem: an empty path; missing, a directory, a device, a
            FIFO or a socket (refused before it is opened: nothing blocks or reads for ever),
            unreadable, over :data:`MAX_BYTES`, not UTF-8 (the byte, line and column),
            empty, not TOML (line and column), or nested too deeply.
    """
    name = os.fspath(path)
    if not name.strip():
        raise ScenarioError(
            name, [Text("an empty path; give a scenario file's path, or - for standard input")]
        )
    if name == STDIN and isinstance(path, str):  # standard input: never cached
        return _parse(name, _read_stdin())
    from offshoring_cli.scenario import cache

    where = cache.folder()
    if where is None:  # OFFSHORING_CACHE=off
        return _parse(name, _read_file(name))
    data = _read_file(name)
    cached = cache.load(where, name, data)
    if cached is not None:  # these very bytes were parsed before: the same document
        return cached
    return cache.store(where, name, data, _parse(name, data, keep=True))


def _parse(name: str, data: bytes, keep: bool = False) -> dict[str, Any]:
    """The scenario ``name``'s bytes ``data`` decoded and parsed (see :func:`read`); ``keep``:
    the caller keeps ``data`` (to cache it), else it is released while the text is parsed.

    Raises:
        ScenarioError: as :func:`read` says.
    """
    try:
        text = _decode(data)
    except ValueError as error:
        raise ScenarioError(name, [error.args[0]]) from None
    if not keep:
        del data  # a large file: its bytes need not stay while it is parsed
    if not text.strip():
        raise ScenarioError(name, [Text("is empty; start from 'offshoring scenario init'")])
    where = _long_key(text)
    if where is not None:
        raise ScenarioError(
            name,
            [
                Text(
                    "has a dotted key of over {most} parts at line {line}; a scenario's have a few",
                    most=MAX_KEY_PARTS,
                    line=where,
                )
            ],
        )
    if len(text) >= FAST_FROM:  # a large file: the optional faster parser, if installed
        from offshoring_cli.scenario.fast_toml import parse

        parsed = parse(text)
        if parsed is not None:
            return parsed
    import tomllib  # not on a cache hit: its import alone is about 6 % of the start-up floor

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        from offshoring_cli.scenario.toml_errors import syntax_problem

        raise ScenarioError(name, [syntax_problem(text, error)]) from None
    except RecursionError:
        raise ScenarioError(
            name,
            [
                Text(
                    "is nested too deeply to read (arrays or tables inside each other hundreds "
                    "of levels deep); a scenario nests a few levels at most"
                )
            ],
        ) from None
    except ValueError:  # an integer of thousands of digits (int's conversion limit)
        raise ScenarioError(
            name, [Text("holds a number thousands of digits long; values are at most 1e18")]
        ) from None
