"""File modes of the files the commands write (``report``, ``chart``, ``scenario init``): issue 9,
"Files it writes".

Through the installed command in a subprocess (umask set in the child) and through the Python
API (:mod:`offshoring_cli.render.files`). Each test keeps the input that failed before the fix:
a new file was 0600 whatever the umask, and a replaced 0644 file became 0600.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from file_helpers import IS_ROOT, NOBODY, SEEDS, listing, mode, run

from offshoring_cli.render import files, output_paths
from offshoring_cli.scenario import write

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


# --- permissions ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_scenario_file_gets_0666_less_the_umask(
    tmp_path: Path, umask: int, expected: int
) -> None:
    # 0666 & ~0022 = 0644; 0666 & ~0077 = 0600; 0666 & ~0002 = 0664 (before: always 0600)
    assert run("scenario", "init", "new.toml", cwd=tmp_path, umask=umask).returncode == 0
    assert listing(tmp_path) == ["new.toml"]  # and no temporary file
    assert mode(tmp_path / "new.toml") == expected


@pytest.mark.slow
def test_new_briefs_and_charts_get_0666_less_the_umask(tmp_path: Path) -> None:
    # 0666 & ~0027 = 0640 for the brief, the chart beside it and an image
    assert run("report", "-m", "jobs", "-o", "brief.md", cwd=tmp_path, umask=0o027).returncode == 0
    assert run("chart", "-m", "jobs", "-o", "c.png", cwd=tmp_path, umask=0o027).returncode == 0
    written = ["brief-chart.svg", "brief.md", "c.png"]
    assert listing(tmp_path) == written
    for name in written:
        assert mode(tmp_path / name) == 0o640, name


@pytest.mark.slow
def test_scenario_init_under_umask_022_in_a_shell_gives_644(tmp_path: Path) -> None:
    # the "done when", as typed in a shell
    command = " ".join(offshoring_command()) + " scenario init new.toml"
    proc = subprocess.run(
        ["sh", "-c", f"umask 022; {command}"], cwd=tmp_path, env=clean_environ(),
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert oct(mode(tmp_path / "new.toml")) == "0o644"
    assert (tmp_path / "new.toml").read_bytes() == SEEDS


@pytest.mark.slow
@pytest.mark.parametrize("kept", [0o640, 0o604, 0o664])
def test_a_replaced_scenario_file_keeps_its_mode(tmp_path: Path, kept: int) -> None:
    (tmp_path / "s.toml").write_text("old\n")
    os.chmod(tmp_path / "s.toml", kept)
    assert run("scenario", "init", "--force", "s.toml", cwd=tmp_path, umask=0o077).returncode == 0
    assert (tmp_path / "s.toml").read_bytes() == SEEDS
    assert mode(tmp_path / "s.toml") == kept  # before: 0600
    assert listing(tmp_path) == ["s.toml"]


@pytest.mark.slow
def test_a_replaced_brief_and_image_keep_their_mode(tmp_path: Path) -> None:
    for name in ("brief.html", "c.svg"):
        (tmp_path / name).write_text("old\n")
        os.chmod(tmp_path / name, 0o604)
    assert run("report", "-m", "jobs", "-o", "brief.html", cwd=tmp_path).returncode == 0
    assert run("chart", "-m", "jobs", "-o", "c.svg", cwd=tmp_path).returncode == 0
    assert (tmp_path / "brief.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert (tmp_path / "c.svg").read_bytes().startswith(b"<?xml")
    assert mode(tmp_path / "brief.html") == mode(tmp_path / "c.svg") == 0o604
    assert listing(tmp_path) == ["brief.html", "c.svg"]


@pytest.mark.slow
@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another owner")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old\n")
    os.chown(path, NOBODY, NOBODY)
    assert run("scenario", "init", "--force", str(path), cwd=tmp_path).returncode == 0
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (NOBODY, NOBODY)
    assert path.read_bytes() == SEEDS


def test_python_api_new_and_replaced_modes(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        new = output_paths.check(str(tmp_path / "a.txt"), "a")
        assert new.kind == "file" and not new.exists
        files.write(new, "one\n")
        assert mode(tmp_path / "a.txt") == 0o640  # 0666 & ~0027
        os.chmod(tmp_path / "a.txt", 0o606)
        again = output_paths.check(str(tmp_path / "a.txt"), "a")
        assert again.exists
        files.write(again, b"two\n")
        assert mode(tmp_path / "a.txt") == 0o606
        assert (tmp_path / "a.txt").read_bytes() == b"two\n"
    finally:
        os.umask(previous)
    written = write.write_new(tmp_path / "s.toml", "x = 1\n")
    assert written.kind == "file" and written.file == tmp_path / "s.toml"
    assert listing(tmp_path) == ["a.txt", "s.toml"]
