"""A reader that leaves early (``| head -c 1``) or a pipe closed before the start: no traceback,
no ``BrokenPipe``, no ``Exception ignored``, and the exit code of the README's table: 0 when the
output fitted in the pipe (written whole), 1 when it could not be written.

Every run goes through the installed ``offshoring`` (or ``python -m offshoring_cli``) in a
subprocess, for every command and format.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals and POSIX pipes", allow_module_level=True)

from terminal_helpers import COMMAND, COMMANDS, ROOT, Run, environment, in_parallel, run_pipe

pytestmark = pytest.mark.slow  # every test runs the installed command


# ---------------------------------------------------------------------------------------------
# Pipes: a reader that leaves early, a pipe closed before the start

ALL_FORMATS = {
    "table": [],
    "json": ["--json"],
    "csv": ["--format", "csv"],
    "markdown": ["--format", "markdown"],
}
PIPED = [[*args, *fmt_args] for args in COMMANDS.values() for fmt_args in ALL_FORMATS.values()] + [
    ["chart"],
    ["schema", "status"],
    ["scenario", "init"],
    ["--help"],
    ["gap", "--explain"],
]

BIG_CHANGES = ",".join(f"{p}%" for p in range(-90, 210, 10))
BIG = [
    ["sensitivity", "--years", "2025-2200", "--changes", BIG_CHANGES, *fmt_args]
    for fmt_args in ALL_FORMATS.values()
]
"""Outputs well over a pipe's 64 KiB: the writer must meet the closed pipe."""

QUIET_STDERR = (b"Traceback", b"BrokenPipe", b"Exception ignored", b"Error")


def run_into_head(args: Sequence[str], tmp: Path) -> Run:
    """``sh -c '(offshoring ARGS; echo $? > rc) | head -c 1'``: the command's exit code too."""
    rc_file = tmp / f"rc-{os.getpid()}-{abs(hash(tuple(args)))}"
    command = f"({shlex.join([*COMMAND, *args])}; echo $? > {shlex.quote(str(rc_file))})"
    proc = subprocess.run(
        ["sh", "-c", f"{command} | head -c 1"],
        capture_output=True,
        env=environment({}),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    returncode = int(rc_file.read_text().strip())
    assert len(proc.stdout) == 1, proc.stdout
    return Run(tuple(args), (), returncode, proc.stdout, proc.stderr)


def run_into_closed_pipe(args: Sequence[str]) -> Run:
    """stdout is a pipe whose read end is closed before the command starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=environment({}),
            cwd=ROOT,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    return Run(tuple(args), (), proc.returncode, b"", proc.stderr)


def _output_size(args: Sequence[str]) -> int:
    run = run_pipe(args)
    assert run.returncode == 0, str(run)
    return len(run.stdout)


def test_a_reader_that_leaves_early(tmp_path: Path) -> None:
    runs = in_parallel([lambda a=args: run_into_head(a, tmp_path) for args in PIPED + BIG])
    sizes = in_parallel([lambda a=args: _output_size(a) for args in BIG])
    for run in runs:
        for word in QUIET_STDERR:
            assert word not in run.stderr, str(run)
        # README, "Exit codes": 0 = the output is complete (it fitted in the pipe before the
        # reader left), 1 = it could not be written whole.
        assert run.returncode in (0, 1), str(run)
    for run, size in zip(runs[len(PIPED) :], sizes, strict=True):
        assert size > 65536, (run.args, size)
        assert run.returncode == 1, f"{size} bytes into head: {run}"


def test_a_pipe_closed_before_the_start() -> None:
    for run in in_parallel([lambda a=args: run_into_closed_pipe(a) for args in PIPED + BIG]):
        for word in QUIET_STDERR:
            assert word not in run.stderr, str(run)
        assert run.stderr == b"", str(run)
        assert run.returncode == 1, str(run)  # README: the output could not be written whole


@pytest.mark.skipif(sys.platform != "linux", reason="Linux pipes hold 64 KiB")
def test_the_readme_example_of_exit_code_1(tmp_path: Path) -> None:
    # The README's example of an output cut by the reader: over the 64 KiB a pipe holds, so
    # the reader leaves before the end and the command says so with exit 1.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "offshoring sensitivity --years 2025-2200 --json \\| head -c 100" in readme
    rc_file = tmp_path / "rc"
    command = shlex.join([*COMMAND, "sensitivity", "--years", "2025-2200", "--json"])
    codes = set()
    for _ in range(3):
        subprocess.run(
            ["sh", "-c", f"({command}; echo $? > {rc_file}) | head -c 100 > /dev/null"],
            env=environment({}),
            cwd=ROOT,
            timeout=120,
            check=False,
        )
        codes.add(int(rc_file.read_text()))
    assert codes == {1}
