"""Helpers of the tests of the files the commands write (tests/test_output_files.py,
test_file_modes.py, test_output_devices.py, test_atomic_writes.py): the installed command under
a umask, its one ``Error:`` line, file modes and listings, a FIFO reader.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import clean_environ, offshoring_command
from helpers import ERROR_PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (ROOT / "seeds" / "morocco-offshoring.toml").read_bytes()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534


def run(
    *args: str,
    cwd: Path,
    umask: int = 0o022,
    stdout: Any = subprocess.PIPE,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The installed ``offshoring`` in a subprocess, under ``umask`` (set in the child)."""

    def child() -> None:
        os.umask(umask)
        if before is not None:
            before()

    return subprocess.run(
        [*offshoring_command(), *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=clean_environ(env),
        preexec_fn=child,
        timeout=60,
        check=False,
    )


def errors(stderr: bytes | str) -> list[str]:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    return [line for line in text.splitlines() if line.startswith(ERROR_PREFIXES)]


def refused(proc: subprocess.CompletedProcess[bytes], *fragments: str) -> str:
    """Exit 2, nothing on stdout, one ``Error:`` line holding every fragment; the line."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stdout in (b"", None)
    (line,) = errors(proc.stderr)
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    return line


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def temporaries(folder: Path) -> list[str]:
    """Temporary files left anywhere under ``folder`` (``.NAME.XXXX.tmp``)."""
    return [
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.endswith(".tmp")
    ]


class FifoReader:
    """Read a FIFO to its end in a thread; released if no writer ever comes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)

    def _read(self) -> None:
        with open(self.path, "rb") as fifo:
            self.data = fifo.read()

    def __enter__(self) -> FifoReader:
        self.thread.start()
        # A FIFO nothing reads is refused (it would make the write wait for ever): wait until
        # the reader is in its open() of the FIFO, before the command runs.
        wchan = f"/proc/self/task/{self.thread.native_id}/wchan"
        for _ in range(500):
            try:
                with open(wchan) as where:
                    if where.read().strip() in {"wait_for_partner", "fifo_open"}:
                        break
            except OSError:  # no /proc (or the thread is done): give it time instead
                time.sleep(0.2)
                break
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        for _ in range(200):  # still waiting for a writer: be that writer, and write nothing
            if not self.thread.is_alive():
                return
            with contextlib.suppress(OSError):  # ENXIO: the reader is not (yet) there
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self.thread.join(timeout=0.05)
        raise AssertionError(f"the reader of {self.path} never finished")


def stdout_of(*args: str, cwd: Path) -> bytes:
    proc = run(*args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout
