"""Output that is not a regular file: devices, FIFOs, symbolic links and standard output
(``-``, ``/dev/stdout``) for ``report``, ``chart`` and ``scenario init``: issue 9, "Files it
writes".

Through the installed command in a subprocess (FIFOs read by a thread, symbolic links,
``/dev/null``, ``/dev/full``, ``/dev/stdout``, a pseudo-terminal). Each test keeps the input that
failed before the fix:

* ``report --output /dev/stdout`` (as root) replaced the system's link with a regular file,
  and a link to a FIFO or to ``/dev/null`` was replaced the same way;
* ``scenario init -`` wrote a file named ``-``;
* ``report`` to stdout without matplotlib exited 2.
"""

from __future__ import annotations

import contextlib
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from file_helpers import (
    PNG_MAGIC,
    SEEDS,
    FifoReader,
    errors,
    listing,
    mode,
    refused,
    run,
    stdout_of,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


@pytest.fixture(scope="module")
def brief_jobs(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """``offshoring report -m jobs`` on stdout: the Markdown brief every route must give."""
    text = stdout_of("report", "-m", "jobs", cwd=tmp_path_factory.mktemp("brief"))
    assert text.startswith(b"# Offshoring jobs: how far from the 2030 target\n")
    return text


# --- not a regular file: devices, FIFOs, links, /dev/stdout --------------------------------------


@pytest.mark.slow
def test_a_fifo_is_written_into_never_replaced(tmp_path: Path, brief_jobs: bytes) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for args, check in [
        (("report", "-m", "jobs", "-o", str(fifo)), lambda data: data == brief_jobs),
        (("scenario", "init", str(fifo)), lambda data: data == SEEDS),  # no --force needed
        (("chart", "-m", "jobs", "-o", str(fifo)), lambda data: data.startswith(b"<?xml")),
    ]:
        with FifoReader(fifo) as reader:
            proc = run(*args, cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
        assert check(reader.data), args
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode), args  # before: replaced by a file
    assert listing(tmp_path) == ["pipe"]


@pytest.mark.slow
def test_a_link_to_a_fifo_stays_a_link(tmp_path: Path, brief_jobs: bytes) -> None:
    fifo, link = tmp_path / "pipe", tmp_path / "brief.md"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    with FifoReader(fifo) as reader:
        proc = run("report", "-m", "jobs", "-o", "brief.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert reader.data == brief_jobs  # a FIFO takes no chart beside it
    assert os.readlink(link) == str(fifo)
    assert listing(tmp_path) == ["brief.md", "pipe"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "through_a_link"),
    [
        (("report", "-m", "jobs", "-o", "OUT"), True),
        (("scenario", "init", "OUT"), True),
        (("report", "-f", "html", "-m", "jobs", "-o", "OUT"), False),
        (("chart", "-m", "jobs", "-o", "OUT"), False),
    ],
)
def test_dev_null_and_a_link_to_it(
    tmp_path: Path, args: tuple[str, ...], through_a_link: bool
) -> None:
    link = tmp_path / "link"
    link.symlink_to("/dev/null")
    for target in ("/dev/null", str(link)) if through_a_link else ("/dev/null",):
        proc = run(*(target if a == "OUT" else a for a in args), cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == b""
    assert os.readlink(link) == "/dev/null"  # before: replaced by a regular file
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert listing(tmp_path) == ["link"]  # no chart beside a device, no temporary


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_is_an_output_error_exit_1(tmp_path: Path) -> None:
    # provoked on purpose: the write fails after the work is done (ENOSPC): exit 1
    proc = run("scenario", "init", "/dev/full", cwd=tmp_path)
    assert proc.returncode == 1
    assert errors(proc.stderr) == [
        "Error: scenario '/dev/full': cannot write (No space left on device)"
    ]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_own_link_to_proc_self_fd_1_is_standard_output(tmp_path: Path, brief_jobs: bytes) -> None:
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    proc = run("report", "-m", "jobs", "--output", str(link), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == brief_jobs
    assert os.readlink(link) == "/proc/self/fd/1"  # before: replaced by a regular file
    assert listing(tmp_path) == ["out"]


@pytest.mark.slow
@pytest.mark.skipif(not os.path.islink("/dev/stdout"), reason="/dev/stdout is not a link here")
def test_report_output_dev_stdout_leaves_the_link(tmp_path: Path, brief_jobs: bytes) -> None:
    before = os.readlink("/dev/stdout")
    try:
        proc = run("report", "-m", "jobs", "--output", "/dev/stdout", cwd=tmp_path)
        assert os.path.islink("/dev/stdout")
        assert os.readlink("/dev/stdout") == before
    finally:  # put the system's link back if a regression replaced it (possible as root)
        if not os.path.islink("/dev/stdout") or os.readlink("/dev/stdout") != before:
            with contextlib.suppress(FileNotFoundError):
                os.unlink("/dev/stdout")
            os.symlink(before, "/dev/stdout")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == brief_jobs


@pytest.mark.slow
@pytest.mark.skipif(not os.path.islink("/dev/stdout"), reason="/dev/stdout is not a link here")
def test_dev_stdout_appends_to_a_file_opened_for_appending(
    tmp_path: Path, brief_jobs: bytes
) -> None:
    # 'offshoring report -o /dev/stdout >> log': written into the shell's descriptor, at its end
    log = tmp_path / "log"
    log.write_bytes(b"earlier line\n")
    with open(log, "ab") as out:
        proc = run("report", "-m", "jobs", "-o", "/dev/stdout", cwd=tmp_path, stdout=out)
    assert proc.returncode == 0, proc.stderr
    assert log.read_bytes() == b"earlier line\n" + brief_jobs
    assert listing(tmp_path) == ["log"]


@pytest.mark.slow
def test_a_file_descriptor_that_is_not_open_for_writing_is_refused(tmp_path: Path) -> None:
    refused(run("report", "-o", "/dev/fd/9", cwd=tmp_path), "file descriptor 9", "not open")
    with open(os.devnull, "rb") as stdin:
        proc = subprocess.run(
            [*offshoring_command(), "scenario", "init", "/dev/stdin"], stdin=stdin,
            capture_output=True, env=clean_environ(), cwd=tmp_path, timeout=60, check=False,
        )  # fmt: skip
    refused(proc, "file descriptor 0", "reading only")
    assert listing(tmp_path) == []


@pytest.mark.slow
def test_a_link_to_a_regular_file_stays_a_link(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "real.toml").write_text("old\n")
    os.chmod(store / "real.toml", 0o640)
    (tmp_path / "s.toml").symlink_to(store / "real.toml")
    (tmp_path / "new.toml").symlink_to("store/created.toml")  # dangling: the target is created
    assert run("scenario", "init", "--force", "s.toml", cwd=tmp_path).returncode == 0
    assert run("scenario", "init", "new.toml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "s.toml").is_symlink() and (tmp_path / "new.toml").is_symlink()
    assert (store / "real.toml").read_bytes() == SEEDS
    assert (store / "created.toml").read_bytes() == SEEDS
    assert mode(store / "real.toml") == 0o640 and mode(store / "created.toml") == 0o644
    assert listing(tmp_path) == ["new.toml", "s.toml", "store"]
    assert listing(store) == ["created.toml", "real.toml"]
    # an existing target is not overwritten through its link without --force
    line = refused(run("scenario", "init", "s.toml", cwd=tmp_path), "already exists", "--force")
    assert line == "Error: scenario 's.toml': already exists; pass --force to overwrite it"


@pytest.mark.slow
def test_a_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    refused(run("report", "-o", "a.md", cwd=tmp_path), "--output 'a.md'", "symbolic links")
    assert listing(tmp_path) == ["a.md", "b.md"]


# --- '-' means standard output -------------------------------------------------------------------


@pytest.mark.slow
def test_report_output_dash_prints_the_brief(tmp_path: Path, brief_jobs: bytes) -> None:
    proc = run("report", "-m", "jobs", "--output", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == brief_jobs
    assert proc.stderr == b""  # no "Wrote -"
    html = stdout_of("report", "-m", "jobs", "-o", "-", "-f", "html", cwd=tmp_path)
    assert html.startswith(b"<!DOCTYPE html>") and b"<svg" in html  # HTML keeps its chart
    assert listing(tmp_path) == []


@pytest.mark.slow
def test_scenario_init_dash_prints_the_file(tmp_path: Path) -> None:
    proc = run("scenario", "init", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == SEEDS
    assert listing(tmp_path) == []  # before: a file named '-'
    assert run("scenario", "init", "./-", cwd=tmp_path).returncode == 0  # a file named '-'
    assert (tmp_path / "-").read_bytes() == SEEDS


@pytest.mark.slow
def test_chart_output_dash_is_svg_and_png_only_when_asked(tmp_path: Path) -> None:
    svg = stdout_of("chart", "-m", "jobs", "-o", "-", cwd=tmp_path)
    assert svg.startswith(b"<?xml") and svg.rstrip().endswith(b"</svg>")
    png = stdout_of("chart", "-m", "jobs", "-f", "png", "-o", "-", cwd=tmp_path)
    assert png.startswith(PNG_MAGIC)
    assert listing(tmp_path) == []


@pytest.mark.slow
@pytest.mark.parametrize("where", ["-", "/dev/stdout"])
def test_png_is_never_sent_to_a_terminal(tmp_path: Path, where: str) -> None:
    main, terminal = pty.openpty()
    try:
        proc = run("chart", "-m", "jobs", "-f", "png", "-o", where, cwd=tmp_path, stdout=terminal)
        os.set_blocking(main, False)
        with contextlib.suppress(BlockingIOError):
            shown = os.read(main, 1 << 16)
            assert PNG_MAGIC[1:4] not in shown
    finally:
        os.close(main)
        os.close(terminal)
    line = refused(proc, "is a terminal", "PNG is binary", "--format svg")
    assert line.startswith(f"Error: --output {where!r}")


@pytest.mark.slow
def test_chart_format_needs_an_output(tmp_path: Path) -> None:
    refused(run("chart", "-f", "png", cwd=tmp_path), "--format png", "--output")


# --- Markdown to stdout without the plotting libraries -------------------------------------------


@pytest.fixture
def without_plotting(tmp_path: Path) -> dict[str, str]:
    """An environment in which matplotlib and plotext cannot be imported (a sitecustomize
    marks them missing), for the installed command."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys\nsys.modules['matplotlib'] = None\nsys.modules['plotext'] = None\n"
    )
    return {"PYTHONPATH": str(site)}


@pytest.mark.slow
def test_markdown_brief_to_stdout_needs_no_plotting_library(
    tmp_path: Path, without_plotting: dict[str, str], brief_jobs: bytes
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for output in ((), ("-o", "-")):
        proc = run("report", "-m", "jobs", *output, cwd=work, env=without_plotting)
        assert proc.returncode == 0, proc.stderr  # before: exit 2, "charts need ..."
        assert proc.stdout == brief_jobs  # the same brief as with the libraries
        (warning,) = proc.stderr.decode().splitlines()
        assert warning.startswith("Warning: the brief has no chart")
        assert "pip install 'offshoring-cli[charts]'" in warning
    # the chart is drawn for HTML and for Markdown in a file: those still need the libraries
    refused(
        run("report", "-o", "b.md", cwd=work, env=without_plotting),
        "matplotlib missing",
        "without the chart: --output -",
    )
    refused(run("report", "-f", "html", cwd=work, env=without_plotting), "matplotlib missing")
    refused(run("chart", "-o", "-", cwd=work, env=without_plotting), "matplotlib missing")
    assert listing(work) == []


@pytest.mark.slow
def test_with_the_libraries_a_markdown_brief_to_stdout_gives_no_warning(tmp_path: Path) -> None:
    proc = run("report", "-m", "jobs", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b""
