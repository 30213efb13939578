"""Writing output files (charts, briefs, scenario files) whole: the one place that writes them.

:func:`~offshoring_cli.render.output_paths.check` looks at an output path before any work and
says where the content goes (an :class:`~offshoring_cli.render.output_paths.Output`);
:func:`write` puts it there:

* ``-`` or one of this process's open files by name (``/dev/stdout``, ``/dev/fd/N``): into
  that file descriptor, the name (a symbolic link) left as it is;
* an existing character device (``/dev/null``): written into, never replaced; a FIFO (a
  named pipe): written into through the opening :func:`check` made (it refuses a FIFO that
  nothing reads: the write would wait for ever), then closed; a reader that stops reading
  without closing holds the write up, as with any pipe;
* a regular file, new or existing (symbolic links followed: the link stays, its target gets
  the content): written to a temporary file beside it, then renamed over it, so that a failure
  never leaves half a file or a temporary one. A new file gets 0666 less the umask (0644 under
  umask 022), as with any other tool; a replaced file keeps its permission bits (and, where
  allowed, its owner and group). :func:`write_together` writes several files (a brief and its
  chart) so that a failure changes none of them.

A failure while writing is :class:`WriteError` (exit 1), except a reader that closed its end
of a pipe early, which is ``BrokenPipeError`` as for standard output. Each message starts with
the output's label, the option or argument the path came from.
"""

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from offshoring_cli.errors import Failure
from offshoring_cli.render.output_paths import Output, _has_fd, release


def _cannot_write(label: str, error: OSError) -> str:
    """``LABEL: cannot write (REASON)``, the reason as the operating system gives it."""
    from offshoring_cli.i18n import Text

    return Text(
        "{label}: cannot write ({reason})", label=label, reason=error.strerror or str(error)
    )


class WriteError(Failure):
    """The content could not be written (after the work was done): one line, naming the path."""


def write(output: Output, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) where :func:`check` said; see the module for how.

    Text to standard output goes through :func:`terminal.write_out` (its encoding and error
    handling); bytes go to the file descriptor as they are.

    Raises:
        WriteError: the content could not be written whole; a regular file is then left as it
            was, and no temporary file is left behind.
        BrokenPipeError: the reader of a pipe or FIFO closed it early.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if output.kind == "stdout":
            _to_stdout(data)
        elif output.kind == "fd":
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
            _write_all(output.fd, payload)
        elif output.kind == "stream" and output.fd >= 0:  # a FIFO, opened by check()
            try:
                _write_all(output.fd, payload)
            finally:
                release(output.fd)
        elif output.kind == "stream":
            fd = os.open(output.given, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
            try:
                _write_all(fd, payload)
            finally:
                os.close(fd)
        else:
            _replace(output.file, payload)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise WriteError(_cannot_write(output.label, error)) from None


def _to_stdout(data: str | bytes) -> None:
    if isinstance(data, str):
        from offshoring_cli.render.terminal import write_out

        write_out(data)
        return
    sys.stdout.flush()
    if _has_fd(sys.stdout):
        _write_all(sys.stdout.fileno(), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _write_all(fd: int, payload: bytes) -> None:
    """Every byte of ``payload`` to ``fd``, waiting on a non-blocking one."""
    data = memoryview(payload)
    while data:
        try:
            written = os.write(fd, data)
        except BlockingIOError:
            import select

            select.select([], [fd], [])
            continue
        data = data[written:]


def write_together(outputs: Sequence[tuple[Output, str | bytes]]) -> None:
    """Write files that belong together (a brief and its chart): all of them or none.

    Each regular file's content goes to its temporary file first; only when every one is
    written whole are they renamed over their targets, in order. Other kinds of output
    (standard output, a FIFO) are written after the files, as :func:`write` does.

    Raises:
        WriteError: a content could not be written; then no regular file was changed and no
            temporary file is left behind.
        BrokenPipeError: as :func:`write`.
    """
    prepared: list[tuple[Path, Path]] = []
    try:
        for output, data in outputs:
            if output.kind == "file":
                payload = data.encode("utf-8") if isinstance(data, str) else data
                try:
                    prepared.append((_temporary(output.file, payload), output.file))
                except OSError as error:
                    raise WriteError(_cannot_write(output.label, error)) from None
        for output, data in outputs:
            if output.kind != "file":
                write(output, data)
        while prepared:
            temporary, target = prepared[0]
            try:
                os.replace(temporary, target)
            except OSError as error:
                label = next(o.label for o, _ in outputs if o.kind == "file" and o.file == target)
                raise WriteError(_cannot_write(label, error)) from None
            prepared.pop(0)
    finally:
        for temporary, _ in prepared:
            temporary.unlink(missing_ok=True)


def _replace(target: Path, payload: bytes) -> None:
    """``payload`` into a new file beside ``target``, renamed over it: all or nothing."""
    temporary = _temporary(target, payload)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary(target: Path, payload: bytes) -> Path:
    """``payload`` written whole (and synced) into a new temporary file beside ``target``,
    with ``target``'s owner, group and mode where it exists; removed again on failure."""
    import secrets

    before = _stat_or_none(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temporary = target.with_name(f".{target.name[:40]}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temporary, flags, 0o666)  # 0666 less the umask, as any tool
            break
        except FileExistsError:
            continue
    try:
        try:
            if before is not None:  # a replaced file keeps its owner, group and mode
                if (before.st_uid, before.st_gid) != (os.geteuid(), os.getegid()):
                    # where not allowed, the file becomes the writer's, as with any editor
                    with contextlib.suppress(OSError):
                        os.fchown(fd, before.st_uid, before.st_gid)
                os.fchmod(fd, stat.S_IMODE(before.st_mode) & 0o777)
            _write_all(fd, payload)
            try:
                os.fsync(fd)
            except OSError as error:
                if error.errno not in (errno.EINVAL, errno.ENOTSUP):
                    raise
        finally:
            os.close(fd)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
