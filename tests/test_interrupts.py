"""Ctrl-C: exit 130 and one ``Error: interrupted`` line, no traceback, even while blocked
writing into a full pipe; SIGINT left ignored in a background job (issue 9).

Through the installed ``offshoring`` in a subprocess whose stdout is a pipe nobody reads
(Linux: /proc/PID/wchan tells when it blocks), and through :func:`offshoring_cli.cli.main`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_environ, offshoring_command

from offshoring_cli import cli

POSIX = sys.platform != "win32"
COMMAND = offshoring_command()


# ---------------------------------------------------------------------------------------------
# Ctrl-C: exit 130, one line, no traceback


def _full_pipe() -> tuple[int, int]:
    """A pipe whose buffer is already full: the first write to it blocks."""
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    try:
        while True:
            os.write(write_end, b"x" * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(write_end, True)
    return read_end, write_end


def _wait_until_blocked_writing(proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait until ``proc`` sleeps in a pipe write (Linux: /proc/PID/wchan)."""
    wchan = Path(f"/proc/{proc.pid}/wchan")
    if not wchan.exists():
        proc.kill()
        pytest.skip("no /proc/PID/wchan to see where the command waits")
    deadline = time.monotonic() + seconds
    while "pipe_write" not in wchan.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the command never blocked on its output (exit {proc.returncode})")
        time.sleep(0.01)


def _interrupt_while_writing(
    args: Sequence[str], prefill: bool = True, ignore: bool = False
) -> tuple[int, bytes, bytes]:
    """Run ``args`` with stdout into a pipe nobody reads (already full unless ``prefill`` is
    false: then the command's own output must fill it), send SIGINT once it blocks writing,
    and return (exit code, what it wrote to the pipe after the filler, stderr). With
    ``ignore``, the command starts with SIGINT ignored, as a background job does."""
    read_end, write_end = _full_pipe() if prefill else os.pipe()
    try:
        proc = subprocess.Popen(
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=clean_environ(),
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignore else None,
        )
    finally:
        os.close(write_end)
    try:
        _wait_until_blocked_writing(proc)
        proc.send_signal(signal.SIGINT)
        if ignore:
            time.sleep(0.5)
            assert proc.poll() is None, "SIGINT was not ignored"
        chunks = []
        while True:  # read everything: a process that ignored SIGINT can now finish
            data = os.read(read_end, 65536)
            if not data:
                break
            chunks.append(data)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        code = proc.wait(timeout=60)
    finally:
        os.close(read_end)
        if proc.poll() is None:
            proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
    return code, b"".join(chunks).lstrip(b"x"), stderr


INTERRUPTED = [
    ["gap"],
    ["gap", "--json"],
    ["--help"],
    ["gap", "--help"],
    ["--version"],
    ["scenario", "init"],
    ["status", "--explain"],
]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
@pytest.mark.parametrize("args", INTERRUPTED, ids=" ".join)
def test_ctrl_c_exits_130_with_one_line(args: list[str]) -> None:
    # Before: "Aborted!" and exit 1 (Click's own handling), or a hang at exit while Python
    # flushed the rest of the output into the full pipe.
    code, _, stderr = _interrupt_while_writing(args)
    assert code == 130, stderr
    assert stderr == b"Error: interrupted\n"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
def test_ctrl_c_during_a_large_output_exits_130() -> None:
    # Over 64 KiB: the command fills the pipe itself, mid-output.
    args = ["sensitivity", "--years", "2025-2200", "--json"]
    code, _, stderr = _interrupt_while_writing(args, prefill=False)
    assert code == 130 and stderr == b"Error: interrupted\n"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
def test_ctrl_c_stays_ignored_in_a_background_job() -> None:
    # A shell starts background jobs with SIGINT ignored; the command must not undo that.
    code, out, stderr = _interrupt_while_writing(["gap", "--json"], ignore=True)
    assert code == 0 and stderr == b""
    assert json.loads(out)["results"][0]["gap"] == 121_500


@pytest.mark.skipif(not POSIX, reason="signals")
def test_interrupt_handler_unwinds_and_main_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The API side: the handler raises Interrupted (not KeyboardInterrupt, which Click turns
    # into "Aborted!" and exit 1), and main() turns it into one line and exit 130.
    with pytest.raises(cli.Interrupted):
        cli._on_interrupt(signal.SIGINT, None)
    assert signal.getsignal(signal.SIGINT) is cli._exit_now  # a second Ctrl-C ends at once
    signal.signal(signal.SIGINT, signal.default_int_handler)

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise cli.Interrupted

    monkeypatch.setattr(cli, "cli", interrupted)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 130
    assert capsys.readouterr().err == "Error: interrupted\n"
    signal.signal(signal.SIGINT, signal.default_int_handler)

    # A run that ends normally leaves SIGINT as it found it (main() called in-process).
    def done(*args: Any, **kwargs: Any) -> None:
        assert signal.getsignal(signal.SIGINT) is cli._on_interrupt
        raise SystemExit(0)

    monkeypatch.setattr(cli, "cli", done)
    with pytest.raises(SystemExit):
        cli.main()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
