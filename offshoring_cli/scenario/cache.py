"""The parse cache of scenario files: a file's parsed TOML kept beside its exact bytes, as
Python keeps a module's compiled code in a ``.pyc``.

Analysts set ``OFFSHORING_SCENARIO`` once and every command reads the same file again; parsing
it is most of what reading costs (importing :mod:`tomllib` and running its pure-Python parser:
about 0.15 of the start-up floor for the seed file, 0.7 s CPU for 1,000 indicators). After a
file is parsed, :func:`store` writes one *entry* for it; on the next read, :func:`load` returns
the entry's document when, and only when, the file's bytes are exactly those the entry holds.

An entry is one file, ``scenario-XXXXXXXX.marshal`` (``XXXXXXXX``: the 32-bit FNV-1a hash of
the scenario's absolute path, in hex; two paths of the same hash share an entry, which holds
its path), laid out as::

    4 bytes      the length H of the header, little-endian
    H bytes      marshal of (TAG, absolute path, length N of the file's bytes, key)
    N bytes      the file's exact bytes
    the rest     marshal of the parsed document

A CSV file of observations a scenario names (``observations_csv``) has an entry of its own,
``csv-XXXXXXXX.marshal``, laid out alike: its rows as observations, their lines and the
columns, stored only for a file read without a problem, with the indicator's unit as key
(a value such as ``26.22bn`` is read in it), used only for the very same bytes and unit
(:mod:`~offshoring_cli.scenario.csv_observations`).

:mod:`marshal` is built in (nothing to import) and reads a parsed document several times as
fast as any parser. Only the types a TOML parser returns for a file without dates are stored
(``dict``, ``list``, ``str``, ``int``, ``float``, ``bool``): a document holding a TOML date or
time is not cached. Any problem with an entry -- missing,
truncated, corrupt, written by another Python, another ``marshal`` version or another version
of this package, for another path, for other bytes, not the user's own, a folder that cannot be
written -- means the file is parsed as without the cache: no command fails or warns because of
it, and the cache never changes a result (the document is validated as a parsed one is).

Where: :func:`folder` (``OFFSHORING_CACHE_DIR`` if absolute, else
``$XDG_CACHE_HOME/offshoring-cli``, else ``~/.cache/offshoring-cli``); only that folder is
ever made, ``0700``, with the base folder missing from an existing home for the default one
(:func:`_make_folder`); each entry ``0600``,
written to a temporary file in the same folder and moved into place (:func:`os.replace`), so
a reader sees a whole entry or none. ``OFFSHORING_CACHE=0`` (or ``off``, ``no``, ``false``)
turns it off. Standard input is never cached. The folder is safe to delete at any time.

Imports: :mod:`os`, :mod:`sys`, :mod:`marshal` (all loaded at start-up already; not
:mod:`zlib` for a CRC: its import, a shared library, costs more than hashing a path here):
a cache hit costs a few system calls and one :func:`marshal.loads`. Where files have no
POSIX owner and mode bits (Windows), no folder passes the ownership check and nothing is cached.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

from offshoring_cli import __version__

FORMAT = 2
"""The layout of an entry; goes up with any change to it or to what :func:`read` returns."""

TAG = ("offshoring-cli scenario cache", FORMAT, __version__, sys.version_info[:2], marshal.version)
"""What an entry must start with to be used: the cache format, the package's version (a new
version may read a file otherwise), the Python version (major, minor) and the :mod:`marshal`
version that wrote it."""

OFF = frozenset({"0", "off", "no", "false"})
"""Values of ``OFFSHORING_CACHE`` that turn the cache off (any case, spaces ignored)."""

_HEADER = 4
"""Bytes of the header's length."""
_MAX_ENTRY = 1 << 30
"""An entry larger than this (1 GiB) is not read: a scenario is at most 64 MiB, its parsed
document about as much again."""
_LOAD_ERRORS = (OSError, ValueError, EOFError, TypeError, MemoryError)
"""What reading or loading a damaged entry may raise: each means a miss."""


NAME = "offshoring-cli"
"""The default cache folder's name, in ``$XDG_CACHE_HOME`` or ``~/.cache``."""


def _given_folder() -> str | None:
    """``OFFSHORING_CACHE_DIR`` when it is set to an absolute path (blank or relative: ``None``,
    as the XDG specification treats ``XDG_CACHE_HOME``)."""
    chosen = os.environ.get("OFFSHORING_CACHE_DIR", "")
    return chosen if chosen.strip() and os.path.isabs(chosen) else None


def folder() -> str | None:
    """The cache folder's absolute path, or ``None`` when ``OFFSHORING_CACHE`` turns it off.

    ``OFFSHORING_CACHE_DIR`` if set to an absolute path, else ``$XDG_CACHE_HOME/offshoring-cli``
    (an absolute ``XDG_CACHE_HOME``), else ``~/.cache/offshoring-cli``; ``None`` too when there
    is no home folder to put it in. A blank value (empty or spaces only) is as if it were not
    set, and a relative one is ignored, as the XDG specification says of ``XDG_CACHE_HOME``
    (a cache that moved with the working folder would scatter entries wherever a command ran).
    """
    environ = os.environ
    if environ.get("OFFSHORING_CACHE", "").strip().lower() in OFF:
        return None
    chosen = _given_folder()
    if chosen is None:
        base = environ.get("XDG_CACHE_HOME", "")
        if not (base.strip() and os.path.isabs(base)):
            home = os.path.expanduser("~")
            if home == "~" or not os.path.isabs(home):  # no home folder
                return None
            base = os.path.join(home, ".cache")
        chosen = os.path.join(base, NAME)
    return os.path.abspath(chosen)


def _make_folder(where: str) -> None:
    """Make the cache folder ``where`` (``0700``) if it is missing; when it is the default one
    (``offshoring-cli`` in ``$XDG_CACHE_HOME`` or ``~/.cache``), also the cache base folder
    missing from an existing home (the XDG specification: a missing base folder is made,
    ``0700``). Nothing else: a missing home folder, a missing parent of
    ``OFFSHORING_CACHE_DIR`` or of ``XDG_CACHE_HOME`` is never created, so there is no cache
    then; the caller treats the :class:`OSError` as any other unusable folder.

    Raises:
        OSError: ``where`` cannot be made (its parent is missing or not writable...).
    """
    try:
        os.mkdir(where, 0o700)
    except FileExistsError:  # made already (by another command, maybe at the same moment)
        return
    except FileNotFoundError:
        if _given_folder() is not None or os.path.basename(where) != NAME:
            raise
        import contextlib

        with contextlib.suppress(FileExistsError):
            os.mkdir(os.path.dirname(where), 0o700)  # fails when the home folder is missing
        with contextlib.suppress(FileExistsError):
            os.mkdir(where, 0o700)


def entry_path(where: str, name: str, kind: str = "scenario") -> tuple[str, str]:
    """The entry of file ``name`` in folder ``where``: its path, and the file's absolute path
    the entry holds. ``kind`` starts the entry's name: ``scenario`` for a scenario file,
    ``csv`` for a CSV file of observations it names."""
    path = os.path.abspath(name)
    key = 0x811C9DC5  # FNV-1a, 32 bits: stable across runs, unlike hash()
    for byte in path.encode("utf-8", "surrogateescape"):
        key = ((key ^ byte) * 0x01000193) & 0xFFFFFFFF
    return os.path.join(where, f"{kind}-{key:08x}.marshal"), path


def _own(info: os.stat_result) -> bool:
    """Whether a file or folder is the user's own and writable by nobody else: an entry that
    someone else could have written is never used."""
    uid = getattr(os, "geteuid", None)
    return (uid is None or info.st_uid == uid()) and not info.st_mode & 0o022


def load(
    where: str, name: str, data: bytes, kind: str = "scenario", key: Any = None
) -> dict[str, Any] | None:
    """The parsed document cached for file ``name`` if its entry holds exactly ``data`` (the
    file's bytes just read) and was stored with an equal ``key`` (what else the document
    depends on: a CSV's unit), else ``None``; never raises. ``kind``: see :func:`entry_path`."""
    entry, path = entry_path(where, name, kind)
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        if not _own(os.stat(where)):
            return None
        fd = os.open(entry, flags)
    except _LOAD_ERRORS:
        return None
    try:
        info = os.fstat(fd)
        if not _own(info) or not 0 < info.st_size <= _MAX_ENTRY:
            return None
        raw = _read_all(fd, info.st_size)
    except _LOAD_ERRORS:
        return None
    finally:
        os.close(fd)
    return _document(raw, (TAG, path, len(data), key), data)


def _read_all(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes of ``fd``: fewer when the file is shorter than it was."""
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _document(raw: bytes, header: tuple[Any, ...], data: bytes) -> dict[str, Any] | None:
    """The document of entry ``raw`` if it is whole, its header is ``header`` (this format,
    the file's path, the length of its bytes, the key) and it holds exactly ``data``; else
    ``None``."""
    import gc

    collecting = gc.isenabled()
    try:
        size = int.from_bytes(raw[:_HEADER], "little")
        start = _HEADER + size
        held = marshal.loads(memoryview(raw)[_HEADER:start])
        length = len(data)
        if type(held) is not tuple or held != header or not raw.startswith(data, start):
            return None
        gc.disable()  # millions of containers, none in a cycle: not worth walking
        document = marshal.loads(memoryview(raw)[start + length :])
    except _LOAD_ERRORS:
        return None
    finally:
        if collecting:
            gc.enable()
    return document if type(document) is dict else None


def store(
    where: str,
    name: str,
    data: bytes,
    document: dict[str, Any],
    kind: str = "scenario",
    key: Any = None,
) -> dict[str, Any]:
    """Write the entry of file ``name``: its bytes ``data``, its parsed ``document`` and the
    ``key`` :func:`load` will check (a marshallable value, or ``None``), atomically; nothing
    when the document holds other than plain types (a TOML date) or anything fails (the
    folder cannot be made or written...). Never raises. ``kind``: see :func:`entry_path`.

    Returns the document to use from now on: ``document`` itself, or, when it could be
    stored, an equal one in which equal strings and integers are one object each (see
    :func:`_shared`), as loading the entry will give.
    """
    entry, path = entry_path(where, name, kind)
    try:
        _make_folder(where)
        if not _own(os.stat(where)):  # someone else's folder: write nothing there
            return document
        document = _shared(document)
        body = marshal.dumps(document)
        header = marshal.dumps((TAG, path, len(data), key))
    except (_NotPlain, OSError, ValueError, MemoryError, RecursionError):
        return document
    temporary = f"{entry}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temporary, flags | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return document
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # whatever the umask
            for part in (len(header).to_bytes(_HEADER, "little"), header, data, body):
                _write_all(fd, part)
        finally:
            os.close(fd)
        os.replace(temporary, entry)
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return document


class _NotPlain(Exception):
    """A document holding a value of another type than a TOML parser's plain ones (a date)."""


def _shared(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with each key interned and each string or integer value replaced by the
    first equal one met: the same values, and :mod:`marshal` writes an object met twice once,
    so the entry is smaller and the loaded document shares them (at 10,000 indicators, about
    150 MB instead of 330 MB: an observation's four keys, its series and source, its year).
    Lists are changed in place, dictionaries rebuilt (the originals freed as it goes); leaves
    are handled inline (a call per value would take two thirds longer).

    Raises:
        _NotPlain: ``document`` holds a value other than a dict, list, str, int, float or bool.
    """
    intern = sys.intern
    text: dict[str, str] = {}
    whole: dict[int, int] = {}
    same_text, same_whole = text.setdefault, whole.setdefault

    def walk(node: Any) -> Any:
        if type(node) is dict:
            out = {}
            for key, value in node.items():
                kind = type(value)
                if kind is str:
                    value = same_text(value, value)
                elif kind is int:
                    value = same_whole(value, value)
                elif kind is dict or kind is list:
                    value = walk(value)
                elif kind is not float and kind is not bool:
                    raise _NotPlain(kind.__name__)
                out[intern(key)] = value
            return out
        for index, value in enumerate(node):
            kind = type(value)
            if kind is str:
                node[index] = same_text(value, value)
            elif kind is int:
                node[index] = same_whole(value, value)
            elif kind is dict or kind is list:
                node[index] = walk(value)
            elif kind is not float and kind is not bool:
                raise _NotPlain(kind.__name__)
        return node

    shared: dict[str, Any] = walk(document)
    return shared


def _write_all(fd: int, part: bytes) -> None:
    """Write all of ``part`` to ``fd`` (a write may take fewer bytes)."""
    view = memoryview(part)
    while view:
        view = view[os.write(fd, view) :]
