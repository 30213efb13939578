"""A file is replaced whole or not at all: a failed write leaves the old file and no temporary,
and a brief and its chart change together or not at all (issue 9, "Files it writes"; fresh-user
report, item 3).

Through the installed command in a subprocess (a file size limit set in the child) and in
process through :mod:`offshoring_cli.render.files` with a failing write.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from file_helpers import errors, listing, run

from offshoring_cli.cli import cli
from offshoring_cli.render import files, output_paths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


def _file_size_limit() -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))


@pytest.mark.slow
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    # provoked on purpose: a file size limit of 1000 bytes, and a 4.6 kB scenario file: exit 1
    (tmp_path / "s.toml").write_text("keep me\n")
    proc = run("scenario", "init", "--force", "s.toml", cwd=tmp_path, before=_file_size_limit)
    assert proc.returncode == 1
    assert errors(proc.stderr) == ["Error: scenario 's.toml': cannot write (File too large)"]
    assert (tmp_path / "s.toml").read_text() == "keep me\n"
    proc = run("report", "-m", "jobs", "-o", "b.html", cwd=tmp_path, before=_file_size_limit)
    assert proc.returncode == 1
    assert errors(proc.stderr) == ["Error: --output 'b.html': cannot write (File too large)"]
    assert listing(tmp_path) == ["s.toml"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_python_api_failure_removes_the_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    (tmp_path / "a.txt").write_text("old\n")
    target = output_paths.check(str(tmp_path / "a.txt"), "--output 'a.txt'")

    def fail(fd: int, payload: bytes) -> None:
        os.write(fd, payload[:3])  # half written, then the failure
        raise failure

    monkeypatch.setattr(files, "_write_all", fail)
    expected = files.WriteError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        files.write(target, "new content\n")
    assert listing(tmp_path) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "old\n"


@pytest.mark.parametrize("failing", [b"# ", b"<?xml"])
def test_a_brief_and_its_chart_change_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: bytes
) -> None:
    # Fresh-user report, item 3: 'report -o b.md' on a nearly full disk exited 1 with
    # b-chart.svg already replaced while b.md stayed old. Now both temporaries are written
    # first: the disk filling up on either one leaves both files as they were.
    (tmp_path / "b.md").write_text("old brief\n")
    (tmp_path / "b-chart.svg").write_text("old chart\n")
    real = files._write_all

    def full_disk(fd: int, payload: bytes) -> None:
        if payload.startswith(failing):
            real(fd, payload[:10])
            raise OSError(28, "No space left on device")
        real(fd, payload)

    monkeypatch.setattr(files, "_write_all", full_disk)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "-m", "jobs", "-o", "b.md"], prog_name="offshoring")
    assert result.exit_code == 1, result.output
    label = "--output 'b.md'" if failing == b"# " else "the chart beside --output 'b.md'"
    assert f"Error: {label}" in result.stderr and "No space left on device" in result.stderr
    assert listing(tmp_path) == ["b-chart.svg", "b.md"]  # no temporary left
    assert (tmp_path / "b.md").read_text() == "old brief\n"
    assert (tmp_path / "b-chart.svg").read_text() == "old chart\n"
    monkeypatch.setattr(files, "_write_all", real)  # with room: both are replaced
    result = CliRunner().invoke(cli, ["report", "-m", "jobs", "-o", "b.md"], prog_name="offshoring")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.md").read_text().startswith("# ")
    assert "](b-chart.svg)" in (tmp_path / "b.md").read_text()
    assert (tmp_path / "b-chart.svg").read_bytes().startswith(b"<?xml")
