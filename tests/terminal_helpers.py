"""The harness of the tests of the installed command on terminals and pipes
(tests/test_terminal.py, test_colour.py, test_closed_pipes.py): a run through a pipe or on a
pseudo-terminal whose size is set with ``TIOCSWINSZ`` and, as a terminal emulator would,
``COLUMNS``/``LINES`` (POSIX only). Output post-processing is switched off on the terminal (no
``\\n`` -> ``\\r\\n``), so what is read is exactly what the command wrote.
"""

from __future__ import annotations

import os
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
INFLUENCES = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM_PROGRAM", "OFFSHORING_DEBUG")
"""What changes how the CLI renders or fails (as in conftest.py): unset unless a test sets it."""
INFLUENCES += ("COLORTERM", "PYTHONIOENCODING", "LC_ALL", "OFFSHORING_SCENARIO")


def offshoring_command() -> list[str]:
    """The installed console script, or ``python -m offshoring_cli`` if it is not on PATH."""
    script = shutil.which("offshoring")
    if script is None:
        candidate = os.path.join(os.path.dirname(sys.executable), "offshoring")
        script = candidate if os.access(candidate, os.X_OK) else None
    return [script] if script else [sys.executable, "-m", "offshoring_cli"]


COMMAND = offshoring_command()

COMMANDS: dict[str, list[str]] = {
    "gap": ["gap"],
    "cagr": ["cagr"],
    "status": ["status"],
    "trajectory": ["trajectory"],
    "project": ["project", "--growth", "8%"],
    "sensitivity": ["sensitivity"],
    "segments": ["segments"],
    "scenario show": ["scenario", "show"],
}
WIDTHS = (20, 80, 300)

ESCAPE = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
"""CSI and OSC sequences, and two-byte escapes: anything a terminal would interpret."""


# ---------------------------------------------------------------------------------------------
# Running the command: through a pipe, on a pseudo-terminal


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    env: tuple[tuple[str, str], ...]
    returncode: int
    stdout: bytes
    stderr: bytes

    def __str__(self) -> str:
        return (
            f"offshoring {shlex.join(self.args)} env={dict(self.env)} -> {self.returncode}\n"
            f"stdout: {self.stdout[:1500]!r}\nstderr: {self.stderr[:1500]!r}"
        )


def environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The test process's environment less the rendering influences, a colour terminal type,
    and ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in INFLUENCES}
    return {**env, "TERM": "xterm-256color", **extra}


def run_pipe(args: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """The command with stdout and stderr to pipes (not a terminal)."""
    proc = subprocess.run(
        [*COMMAND, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=environment(env or {}),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    return Run(tuple(args), tuple((env or {}).items()), proc.returncode, proc.stdout, proc.stderr)


def run_pty(
    args: Sequence[str], columns: int, env: Mapping[str, str] | None = None, lines: int = 40
) -> Run:
    """The command with stdout on a pseudo-terminal of ``columns`` x ``lines`` (stderr to a
    pipe, to tell them apart). Output post-processing is off: the bytes are the command's."""
    import fcntl
    import termios

    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        attributes = termios.tcgetattr(slave)
        attributes[1] &= ~termios.OPOST  # no \n -> \r\n translation
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        extra = {"COLUMNS": str(columns), "LINES": str(lines), **(env or {})}
        proc = subprocess.Popen(
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
            env=environment(extra),
            cwd=ROOT,
        )
    finally:
        os.close(slave)
    chunks = []
    deadline = time.monotonic() + 120
    try:
        while True:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                proc.kill()
                raise TimeoutError(f"offshoring {shlex.join(args)} on a terminal: no end")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every writer of the terminal has closed it
                break
            if not data:
                break
            chunks.append(data)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        os.close(master)
        if proc.stderr is not None:
            proc.stderr.close()
    return Run(tuple(args), tuple(extra.items()), proc.returncode, b"".join(chunks), stderr)


T = TypeVar("T")


def in_parallel(jobs: Iterable[Callable[[], T]]) -> list[T]:
    """Run independent subprocess jobs side by side (each is mostly interpreter start-up)."""
    with ThreadPoolExecutor(max_workers=min(16, (os.cpu_count() or 2) * 2)) as pool:
        return list(pool.map(lambda job: job(), list(jobs)))


def strip_escapes(data: bytes) -> bytes:
    return ESCAPE.sub(b"", data)
