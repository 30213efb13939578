"""Output into a named pipe (FIFO) never hangs.

Opening a FIFO for writing waits until something opens it for reading. Before the fix:

* ``chart -f png --output FIFO`` (or a link to a FIFO), with a reader already waiting, hung for
  ever: the check that a PNG does not go to a terminal opened the FIFO and closed it, so the
  reader took that for the end of its input and left, and the write then waited for a reader
  that never came (once seen as a 20 s watchdog in the fuzz test of hostile output paths);
* ``--output FIFO`` with no reader at all hung for ever.

Now a FIFO is opened once, without waiting, when the path is checked (before any work): with
no reader it is refused (exit 2, one ``Error:`` line), else the content goes to that very
opening. Pipes the command already holds (``-``, ``/dev/stdout``, ``/dev/fd/N``) are written
as they are. Each run has a timeout: a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from file_helpers import PNG_MAGIC, errors

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX named pipes"),
]

TIMEOUT = 30


def offshoring(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed command, stdin closed; a hang raises TimeoutExpired after TIMEOUT s."""
    return subprocess.run(
        [*offshoring_command(), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=clean_environ(None),
        timeout=TIMEOUT,
        check=False,
    )


def _waiting_in_open(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/wchan") as wchan:
            return wchan.read().strip() in {"wait_for_partner", "fifo_open"}
    except OSError:  # no /proc: give the reader time instead
        time.sleep(0.5)
        return True


@contextmanager
def reader_waiting(fifo: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``cat FIFO``, started and blocked in its open() of the FIFO before the command runs."""
    cat = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while not _waiting_in_open(cat.pid):
            assert time.monotonic() < deadline, "cat never reached its open() of the FIFO"
            time.sleep(0.01)
        yield cat
    finally:
        if cat.poll() is None:  # still waiting for a writer: be one, and write nothing
            with suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            try:
                cat.wait(timeout=5)
            except subprocess.TimeoutExpired:
                cat.kill()
                cat.wait()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    (tmp_path / "link-pipe").symlink_to(path)
    return path


@pytest.mark.parametrize("name", ["pipe", "link-pipe"])
def test_a_png_chart_reaches_a_reader_already_waiting(fifo: Path, name: str) -> None:
    with reader_waiting(fifo) as cat:
        done = offshoring("chart", "-m", "jobs", "-f", "png", f"--output={name}", cwd=fifo.parent)
        assert done.returncode == 0, done.stderr
        received = cat.communicate(timeout=TIMEOUT)[0]
    assert received.startswith(PNG_MAGIC) and len(received) > 1000
    assert done.stdout == b"" and errors(done.stderr) == []
    assert fifo.is_fifo()


@pytest.mark.parametrize(
    "command",
    [
        ("chart", "-m", "jobs", "--output"),
        ("chart", "-m", "jobs", "-f", "png", "--output"),
        ("report", "-m", "jobs", "--output"),
        ("scenario", "init"),
        ("workbook", "--output"),
    ],
    ids=["chart", "png", "report", "init", "workbook"],
)
@pytest.mark.parametrize("name", ["pipe", "link-pipe"])
def test_a_fifo_nothing_reads_is_refused_at_once(
    fifo: Path, name: str, command: tuple[str, ...]
) -> None:
    start = time.monotonic()
    done = offshoring(*command, name, cwd=fifo.parent)
    assert time.monotonic() - start < TIMEOUT
    assert done.returncode == 2, done.stderr
    (line,) = errors(done.stderr)
    assert "a named pipe (FIFO) that nothing reads" in line, line
    assert b"Traceback" not in done.stderr and done.stdout == b""
    assert fifo.is_fifo() and (fifo.parent / "link-pipe").is_symlink()


def test_the_refusal_is_translated(fifo: Path) -> None:
    fr = offshoring("--lang", "fr", "chart", "-m", "jobs", "-o", "pipe", cwd=fifo.parent)
    assert fr.returncode == 2
    assert "est un tube nommé (FIFO) que rien ne lit" in errors(fr.stderr)[0]
    ar = offshoring("--lang", "ar", "chart", "-m", "jobs", "-o", "pipe", cwd=fifo.parent)
    assert ar.returncode == 2
    assert "أنبوب مسمّى (FIFO) لا يقرأ منه شيء" in errors(ar.stderr)[0]


def test_a_reader_that_comes_first_gets_the_brief(fifo: Path) -> None:
    with reader_waiting(fifo) as cat:
        done = offshoring("report", "-m", "jobs", "--output", "link-pipe", cwd=fifo.parent)
        assert done.returncode == 0, done.stderr
        received = cat.communicate(timeout=TIMEOUT)[0]
    assert received.startswith(b"# Offshoring jobs: how far from the 2030 target\n")


def test_dev_stdout_as_a_pipe_is_written_as_it_is(tmp_path: Path) -> None:
    # A pipe the command already holds (its standard output, by name): legitimate, no open.
    done = offshoring("chart", "-m", "jobs", "-f", "png", "-o", "/dev/stdout", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(PNG_MAGIC)
