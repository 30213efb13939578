"""Output paths, checked before any work: where a command's file will go, or why it cannot.

:func:`check` looks at a path as given (``--output``, ``scenario init PATH``) and returns an
:class:`Output`: standard output (``-``), one of this process's open files by name
(``/dev/stdout``, ``/dev/fd/N``: pipes it holds already, written as they are), an existing
character device, a FIFO that something reads (opened now, without waiting: a FIFO nothing
reads would make the write wait for ever, so it is refused), or a regular file (new or
replaced, symbolic links followed). A path that cannot be written (empty, ending in ``/``, a
directory, a name too long, a missing or read-only folder, a read-only file, a socket, a link
loop) is refused with :class:`~offshoring_cli.errors.DomainError` (bad input: exit 2), whose
message starts with the label of the option the path came from. :func:`format_for` matches a
file's suffix with ``--format``. :mod:`offshoring_cli.render.files` then writes the content.
"""

import errno
import os
import re
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NamedTuple

from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import N_, Text

STDOUT = "-"
"""The path that means standard output (a file named ``-`` is ``./-``)."""


Kind = Literal["stdout", "fd", "stream", "file"]


class Output(NamedTuple):
    """Where an output goes, as :func:`check` found it."""

    given: str
    """The path as given (``-`` for standard output)."""
    label: str
    """What the path is called in messages (``--output 'brief.md'``)."""
    kind: Kind
    """``stdout`` (``-``); ``fd``: one of this process's open files by name (``/dev/stdout``);
    ``stream``: an existing character device or FIFO, written into; ``file``: a regular file,
    new or replaced, written through a temporary file and a rename."""
    file: Path
    """For ``file``: the regular file written, with symbolic links followed. Otherwise the path
    as given."""
    fd: int = -1
    """For ``fd``: the file descriptor written into. For a FIFO (``stream``): its opening
    for writing, made by :func:`check` and closed once written (:func:`release`)."""
    exists: bool = False
    """For ``file``: a regular file is there already (it is replaced, its mode kept)."""


_FD_NAME = re.compile(r"/(?:proc/(self|thread-self|\d+)|dev)/fd/(\d+)")


def _fd_alias(path: str) -> int | None:
    """The file descriptor ``path`` names through symbolic links to ``/proc/self/fd/N`` or
    ``/dev/fd/N`` (as ``/dev/stdout`` does on Linux), or None."""
    current = os.path.abspath(path)
    for _ in range(40):  # as the kernel's limit on symbolic links in a row
        match = _FD_NAME.fullmatch(current)
        if match and match[1] in (None, "self", "thread-self", str(os.getpid())):
            return int(match[2])
        try:
            link = os.readlink(current)
        except (OSError, ValueError):
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _too_long(label: str, path: str, folder: Path) -> DomainError | None:
    """The error for a name in ``path``, or ``path`` itself, too long for the file system
    (``os.pathconf``: ``PC_NAME_MAX`` bytes a name, ``PC_PATH_MAX`` a path), or None."""
    name_max = _limit(folder, "PC_NAME_MAX", 255)
    longest = max((len(os.fsencode(part)) for part in path.split(os.sep)), default=0)
    if longest > name_max:
        return DomainError(
            Text(
                "{label}: a name in it is too long for the file system ({longest} bytes; at "
                "most {name_max})",
                label=label,
                longest=longest,
                name_max=name_max,
            )
        )
    path_max = _limit(folder, "PC_PATH_MAX", 4096)
    if len(os.fsencode(os.path.abspath(path))) >= path_max:
        return DomainError(
            Text(
                "{label}: the path is too long for the file system (at most {most} bytes)",
                label=label,
                most=path_max - 1,
            )
        )
    return None


def _refuse(label: str, error: OSError, what: str = "") -> DomainError:
    """A :class:`DomainError` for an ``OSError`` met while checking a path."""
    reasons = {
        errno.ENAMETOOLONG: N_("the path or a name in it is too long for the file system"),
        errno.ELOOP: N_("too many levels of symbolic links (a loop?)"),
        errno.EACCES: N_("permission denied"),
        errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    }
    ours = reasons.get(error.errno or 0)
    reason = Text(ours) if ours else (error.strerror or str(error))  # the system's: as it is
    return DomainError(Text("{label}: {what}{reason}", label=label, what=what, reason=reason))


def _stat(path: str | Path, label: str) -> os.stat_result | None:
    """``os.stat`` (symbolic links followed), None when nothing is there."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _refuse(label, error) from None


def check(path: str, label: str, example: str = "") -> Output:
    """Check an output path before any work is done; say where the content will go.

    Args:
        path: the path as typed; ``-`` is standard output.
        label: names the path in messages, e.g. ``--output 'brief.md'``.
        example: a file name to suggest, e.g. ``brief.html``.

    Returns:
        An :class:`Output` for :func:`write`.

    Raises:
        DomainError: the path is empty, ends with ``/``, is a directory, a socket or a block
            device, a FIFO nothing reads, a name too long for the file system, an unopened
            file descriptor, a read-only file, or its folder does not exist or cannot be
            written.
    """
    hint: str = Text(" such as {example}", example=example) if example else ""
    if path == STDOUT:  # checked as /dev/stdout is: before any work
        _check_fd(path, f"{label} (standard output)", 1)
        return Output(path, label, "stdout", Path(path), fd=1)
    if not path.strip():
        raise DomainError(
            Text(
                "{label}: the path is empty; give a file name{hint}, or - for stdout",
                label=label,
                hint=hint,
            )
        )
    if "\0" in path:
        raise DomainError(Text("{label}: a path cannot hold a NUL character", label=label))
    if os.path.isdir(path):
        raise DomainError(
            Text("{label} is a directory; give a file name{hint}", label=label, hint=hint)
        )
    ending = next((e for e in ("/", "/..", "/.") if path.endswith(e)), None)
    if ending or path in {".", ".."}:
        raise DomainError(
            Text(
                "{label} names a folder, not a file (it ends with {ending}); give a file "
                "name{hint}",
                label=label,
                ending=repr(ending or path),
                hint=hint,
            )
        )
    too_long = _too_long(label, path, Path(os.path.dirname(path) or "."))
    if too_long is not None:
        raise too_long
    fd = _fd_alias(path)
    if fd is not None:
        return _check_fd(path, label, fd)
    info = _stat(path, label)
    if info is not None and stat.S_ISFIFO(info.st_mode):
        return Output(path, label, "stream", Path(path), fd=_open_fifo(path, label))
    if info is not None and stat.S_ISCHR(info.st_mode):
        _check_device(path, label)
        return Output(path, label, "stream", Path(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise DomainError(
            Text(
                "{label} is not a regular file, a character device or a FIFO; give a file "
                "name{hint}",
                label=label,
                hint=hint,
            )
        )
    real = Path(os.path.realpath(path))
    linked = os.path.islink(path)
    folder = real.parent if linked else Path(os.path.dirname(path) or ".")
    where: str = Text(" (where the link {path} points)", path=repr(path)) if linked else ""
    place = {"label": label, "folder": repr(str(folder)), "where": where}
    found = _stat(real.parent, label)
    if found is None:
        raise DomainError(Text("{label}: folder {folder} does not exist{where}", **place))
    if not stat.S_ISDIR(found.st_mode):
        raise DomainError(Text("{label}: {folder} is not a folder{where}", **place))
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise DomainError(Text("{label}: folder {folder} cannot be written{where}", **place))
    if info is not None and not os.access(real, os.W_OK):
        raise DomainError(
            Text("{label} is read-only; give another name, or make it writable", label=label)
        )
    too_long = _too_long(label, str(real), real.parent)  # its own file system's limits
    if too_long is not None:
        raise too_long
    return Output(path, label, "file", real, exists=info is not None)


def _limit(folder: Path, name: str, default: int) -> int:
    """A file system limit (``os.pathconf``), or ``default`` where it is not known."""
    try:
        value = os.pathconf(folder, name)
    except (OSError, ValueError):
        return default
    return value if value > 0 else default


def _check_fd(path: str, label: str, fd: int) -> Output:
    """An open file descriptor named by a path (``/dev/stdout``): open for writing?"""
    import fcntl

    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    except OSError:
        raise DomainError(
            Text("{label} names file descriptor {fd}, which is not open", label=label, fd=fd)
        ) from None
    if flags & os.O_ACCMODE == os.O_RDONLY:
        raise DomainError(
            Text(
                "{label} names file descriptor {fd}, which is open for reading only",
                label=label,
                fd=fd,
            )
        )
    return Output(path, label, "fd", Path(path), fd=fd)


_HELD: dict[int, object] = {}
"""The FIFOs :func:`check` opened and that are not written yet: file descriptor -> token."""


def _open_fifo(path: str, label: str) -> int:
    """Open a FIFO (named pipe) for writing now, without waiting, and keep it open for
    :func:`files.write`: its file descriptor.

    Opening a FIFO for writing waits until something opens it for reading: a FIFO nothing
    reads yet is refused before any work, never waited on. The one opening is kept until the
    content is written into it: opening it again would wait again, and closing it in between
    tells the reader that its input has ended (it would leave, and the write then wait for
    ever). Closed when written (:func:`release`), or when the command ends without writing.

    Raises:
        DomainError: no reader; the FIFO cannot be written (permission denied).
    """
    if not os.access(path, os.W_OK):
        denied = Text("{label}: the FIFO cannot be written (permission denied)", label=label)
        raise DomainError(denied)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        if error.errno != errno.ENXIO:
            raise _refuse(label, error, Text("the FIFO cannot be opened for writing: ")) from None
        raise DomainError(
            Text(
                "{label} is a named pipe (FIFO) that nothing reads: writing into it would "
                "wait for a reader for ever; start the reader first (such as cat {path} &), "
                "or give - for standard output and pipe it",
                label=label,
                path=shown(path),
            )
        ) from None
    token = _HELD[fd] = object()
    click = sys.modules.get("click")  # loaded when a command runs; not imported here
    context = click.get_current_context(silent=True) if click is not None else None
    if context is not None:  # an error after the check: the reader is released at the end
        context.call_on_close(lambda: release(fd, token))
    return fd


def release(fd: int, token: object | None = None) -> None:
    """Close a FIFO :func:`check` opened (``fd``, an :class:`Output`'s), unless it is closed
    already; with ``token``, only the opening that token was given for."""
    if fd in _HELD and (token is None or _HELD[fd] is token):
        del _HELD[fd]
        import contextlib

        with contextlib.suppress(OSError):
            os.close(fd)


def _check_device(path: str, label: str) -> None:
    """A character device is opened (without waiting) to see that it takes writing."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        what = Text("the device cannot be opened for writing: ")
        raise _refuse(label, error, what) from None
    os.close(fd)


def format_for(
    output: Output | None, chosen: str | None, suffixes: Mapping[str, str], default: str
) -> str:
    """The format of an output: from ``--format`` (``chosen``) or from a known suffix.

    ``suffixes`` maps each known suffix (``.md``) to its format. A regular file with an
    unknown suffix (or none) needs ``chosen``; standard output, a device or a FIFO (or no
    output, ``None``) default to ``default``.

    Raises:
        DomainError: the suffix names another format than ``chosen``, or a regular file's
            suffix is unknown and no format is chosen.
    """
    if output is None or output.kind == "stdout":
        return chosen or default
    given = Path(output.given)
    suffix = given.suffix.lower()
    by_suffix = suffixes.get(suffix)
    stem = given.stem if given.suffix else given.name
    if chosen is not None:
        if by_suffix is not None and by_suffix != chosen:
            better = next(s for s, f in suffixes.items() if f == chosen)
            raise DomainError(
                Text(
                    "{label} ends in {suffix}, which is {by_suffix}, but {format} {chosen} was "
                    "given; drop one, or name the file {name}",
                    label=output.label,
                    suffix=suffix,
                    by_suffix=by_suffix,
                    chosen=chosen,
                    name=shown(stem + better),
                )
            )
        return chosen
    if by_suffix is not None:
        return by_suffix
    if output.kind != "file":
        return default
    known = list(suffixes)
    first = next(s for s, f in suffixes.items() if f == default)
    facts = {
        "label": output.label,
        "suffix": repr(suffix),
        "known": ", ".join(known[:-1]),
        "last": known[-1],
        "example": shown((stem or "out") + first),
    }
    if suffix:
        raise DomainError(
            Text(
                "{label}: the format follows the suffix and {suffix} is not one of them; use "
                "{known} or {last} (e.g. {example}), or give {format}",
                **facts,
            )
        )
    raise DomainError(
        Text(
            "{label}: the format follows the suffix and it has none; use {known} or {last} "
            "(e.g. {example}), or give {format}",
            **facts,
        )
    )


def is_terminal(output: Output) -> bool:
    """Whether the output is a terminal (where binary content must not go)."""
    if output.kind == "stdout" and not _has_fd(sys.stdout):
        return bool(sys.stdout.isatty())
    if output.kind in ("stdout", "fd"):
        return os.isatty(output.fd)
    if output.kind == "stream" and output.fd >= 0:  # a FIFO, open since the check
        return os.isatty(output.fd)
    if output.kind == "stream":
        try:
            fd = os.open(output.given, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        except OSError:
            return False
        try:
            return os.isatty(fd)
        finally:
            os.close(fd)
    return False


def _has_fd(stream: object) -> bool:
    try:
        stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # not a real file (tests' capture)
        return False
    return True


def shown(path: str) -> str:
    """``path`` as it can be shown on a terminal: quoted when it holds control characters."""
    return path if path.isprintable() else repr(path)
