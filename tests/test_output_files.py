"""Files the commands write (``report``, ``chart``, ``scenario init``): issue 9, "Files it writes".

Through the installed command in a subprocess (umask set in the child, FIFOs read by a thread,
symbolic links, ``/dev/null``, ``/dev/full``, ``/dev/stdout``), and through the Python API
(:mod:`offshoring_cli.render.files`). The last part fuzzes hostile output paths in process.

Each test keeps the input that failed before the fix:

* a new file was 0600 whatever the umask, and a replaced 0644 file became 0600;
* ``report --output /dev/stdout`` (as root) replaced the system's link with a regular file,
  and a link to a FIFO or to ``/dev/null`` was replaced the same way;
* ``scenario init -`` wrote a file named ``-``;
* ``report --output x/`` wrote a file ``x``, a name over 255 bytes ended in exit 1;
* ``report --output brief.pdf`` wrote Markdown into ``brief.pdf`` and exited 0;
* ``report`` to stdout without matplotlib exited 2.
"""

from __future__ import annotations

import contextlib
import os
import pty
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import clean_environ, offshoring_command, watchdog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offshoring_cli import scenario
from offshoring_cli.cli import cli
from offshoring_cli.core import builtin
from offshoring_cli.errors import DomainError
from offshoring_cli.render import chart as charts
from offshoring_cli.render import files, output_paths
from offshoring_cli.reports import brief
from offshoring_cli.reports import chart as chart_content
from offshoring_cli.scenario import write

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (ROOT / "seeds" / "morocco-offshoring.toml").read_bytes()
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


# --- helpers ------------------------------------------------------------------------------------


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
    return [line for line in text.splitlines() if line.startswith("Error:")]


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


@pytest.fixture(scope="module")
def brief_jobs(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """``offshoring report -m jobs`` on stdout: the Markdown brief every route must give."""
    text = stdout_of("report", "-m", "jobs", cwd=tmp_path_factory.mktemp("brief"))
    assert text.startswith(b"# Offshoring jobs: how far from the 2030 target\n")
    return text


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


# --- checked before any work ---------------------------------------------------------------------

LONG = "a" * 252  # 252 + ".md" = 255 bytes: the longest name ext4, tmpfs, xfs... take
TOO_LONG = "é" * 128  # 256 bytes in UTF-8: one over


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "fragments"),
    [
        ("new/", ("names a folder", "ends with '/'")),
        ("new.md/", ("names a folder",)),
        ("folder", ("is a directory",)),
        ("folder/.", ("is a directory",)),
        ("missing/brief.md", ("folder 'missing' does not exist",)),
        ("file.txt/brief.md", ("a part of the path is a file",)),
        ("", ("the path is empty",)),
        ("   ", ("the path is empty",)),
        (LONG + "aa.md", ("too long", "257 bytes; at most 255")),
        (TOO_LONG + ".md", ("too long", "259 bytes; at most 255")),
        ("folder/" + "b" * 300 + "/x.md", ("too long", "300 bytes")),
        ("/".join(["d" * 200] * 21) + "/x.md", ("the path is too long",)),
    ],
)
def test_an_impossible_path_is_refused_before_any_work(
    tmp_path: Path, path: str, fragments: tuple[str, ...]
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("keep\n")
    for args in (
        ("report", "-m", "jobs", "--output", path),
        ("chart", "-m", "jobs", "--output", path),  # the path is checked before its suffix
        ("scenario", "init", "--force", path),
    ):
        refused(run(*args, cwd=tmp_path), *fragments)
    assert listing(tmp_path) == ["file.txt", "folder"]
    assert listing(tmp_path / "folder") == []
    assert (tmp_path / "file.txt").read_text() == "keep\n"


@pytest.mark.slow
def test_the_longest_name_is_taken_but_not_when_its_chart_would_be_too_long(
    tmp_path: Path,
) -> None:
    # 255 bytes: a scenario file takes it; a Markdown brief of that name would need its chart
    # LONG-chart.svg (252 + 10 = 262 bytes): refused before anything is written
    assert run("scenario", "init", LONG + ".md", cwd=tmp_path).returncode == 0
    os.unlink(tmp_path / (LONG + ".md"))
    refused(
        run("report", "-m", "jobs", "-o", LONG + ".md", cwd=tmp_path),
        "the chart beside --output",
        "262 bytes; at most 255",
    )
    assert listing(tmp_path) == []


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a folder or a file) read-only, even to root: mode 0555 or 0444, and for root
    the immutable attribute (root ignores the mode; skipped where chattr cannot set it)."""
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    immutable = False
    if IS_ROOT:
        chattr = shutil.which("chattr")
        done = chattr and subprocess.run([chattr, "+i", path], capture_output=True, check=False)
        if not done or done.returncode != 0:
            os.chmod(path, 0o755)
            pytest.skip("root writes anywhere, and chattr +i is not available here")
        immutable = True
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", path], check=True)
        os.chmod(path, 0o755)


@pytest.mark.slow
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        for args in (
            ("report", "-m", "jobs", "-o", "ro/brief.md"),
            ("chart", "-m", "jobs", "-o", "ro/c.svg"),
            ("scenario", "init", "ro/s.toml"),
        ):
            refused(run(*args, cwd=tmp_path), "folder 'ro' cannot be written")
        assert listing(folder) == []


@pytest.mark.slow
def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old\n")
    with read_only(path):
        refused(run("scenario", "init", "--force", "s.toml", cwd=tmp_path), "is read-only")
        assert path.read_text() == "old\n"


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


def test_report_computes_each_result_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 10 item 7: 'report -o b.md' resolved the same options six times (status, gap,
    # cagr, trajectory for the brief, trajectory and resolve again for the chart). Now once,
    # and the chart draws from the brief's trajectory report.
    pytest.importorskip("matplotlib")
    from offshoring_cli.core import resolve as resolution
    from offshoring_cli.reports import trajectory

    calls: list[str] = []
    real_resolve, real_trajectory = resolution.resolve, trajectory.trajectory_report

    def resolve_spy(options: Any) -> Any:
        calls.append("resolve")
        return real_resolve(options)

    def trajectory_spy(options: Any) -> Any:
        calls.append("trajectory")
        return real_trajectory(options)

    monkeypatch.setattr(resolution, "resolve", resolve_spy)
    monkeypatch.setattr(brief, "trajectory_report", trajectory_spy)
    monkeypatch.setattr(chart_content, "trajectory_report", trajectory_spy)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["report", "-o", "b.md"], prog_name="offshoring")
    assert result.exit_code == 0, result.output
    assert sorted(calls) == ["resolve", "trajectory"]
    assert "121,500 jobs" in (tmp_path / "b.md").read_text()  # and the figures are right


def test_memo_computes_once_per_options_object() -> None:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports import memo

    calls: list[Options] = []

    def compute(options: Options) -> list[int]:
        calls.append(options)
        if options.base_year == 1999:
            raise DomainError("refused")
        return [len(calls)]

    first, second = Options(), Options()
    assert memo.once(compute, first) is memo.once(compute, first)
    assert memo.once(compute, second) == [2]  # another run: computed afresh
    assert calls == [first, second] and calls[0] is first and calls[1] is second
    bad = Options(base_year=1999)
    for _ in range(2):  # a failure is not kept: asked again, computed again
        with pytest.raises(DomainError):
            memo.once(compute, bad)
    assert len(calls) == 4


def _count_work(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every computation or drawing the commands start."""
    calls: list[str] = []
    for module, name in [
        (brief, "build"),
        (chart_content, "chart_model"),
        (charts, "render_image"),
        (charts, "require"),
    ]:
        real = getattr(module, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    return calls


@pytest.mark.parametrize(
    "args",
    [
        ["report", "-o", "brief.pdf"],
        ["report", "-o", "missing/brief.md"],
        ["report", "-f", "html", "-o", "brief.md"],
        ["report", "-o", "x/"],
        ["chart", "-o", "c.pdf"],
        ["chart", "-o", "c.png", "-f", "svg"],
        ["chart", "-o", "missing/c.svg"],
    ],
)
def test_checked_before_anything_is_computed_or_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    calls = _count_work(monkeypatch)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, prog_name="offshoring")
    assert result.exit_code == 2, result.stderr
    assert len(errors(result.stderr)) == 1
    assert calls == []
    assert listing(tmp_path) == []


# --- format and suffix agree ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("report", "-o", "brief.pdf"), ("'.pdf' is not one of them", "brief.md", "--format")),
        (("report", "-o", "brief"), ("it has none", "brief.md")),
        (("report", "-o", "brief.md", "-f", "html"), ("ends in .md, which is markdown",)),
        (("report", "-o", "brief.HTM", "-f", "markdown"), ("ends in .htm, which is html",)),
        (("chart", "-o", "c.pdf"), ("use .svg or .png (e.g. c.svg)",)),
        (("chart", "-o", "c"), ("it has none",)),
        (
            ("chart", "-o", "c.svg", "-f", "png"),
            ("ends in .svg, which is svg", "name the file c.png"),
        ),
    ],
)
def test_a_suffix_must_name_the_format(
    tmp_path: Path, args: tuple[str, ...], fragments: tuple[str, ...]
) -> None:
    # before: 'report --output brief.pdf' wrote Markdown into brief.pdf and exited 0
    refused(run(*args, "-m", "jobs", cwd=tmp_path), *fragments)
    assert listing(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "written", "start"),
    [
        (("report", "-o", "b.markdown"), ["b-chart.svg", "b.markdown"], b"# Offshoring jobs"),
        (("report", "-o", "b.htm"), ["b.htm"], b"<!DOCTYPE html>"),
        (("report", "-o", "B.HTML"), ["B.HTML"], b"<!DOCTYPE html>"),
        (("report", "-o", "b.txt", "-f", "html"), ["b.txt"], b"<!DOCTYPE html>"),
        (("report", "-o", "b.txt", "-f", "markdown"), ["b-chart.svg", "b.txt"], b"# Offshoring"),
        (("report", "-o", "b.md", "-f", "markdown"), ["b-chart.svg", "b.md"], b"# Offshoring"),
        (("chart", "-o", "c.SVG"), ["c.SVG"], b"<?xml"),
        (("chart", "-o", "c.img", "-f", "png"), ["c.img"], PNG_MAGIC),
        (("chart", "-o", "c.png", "-f", "PNG"), ["c.png"], PNG_MAGIC),
    ],
)
def test_the_format_follows_a_known_suffix_or_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], written: list[str],
    start: bytes,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)  # in process: each case draws, and the logic is the CLI's
    result = CliRunner().invoke(cli, [*args, "-m", "jobs"], prog_name="offshoring")
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path) == written
    assert (tmp_path / args[2]).read_bytes().startswith(start)


def test_python_api_format_for(tmp_path: Path) -> None:
    formats = {".md": "markdown", ".html": "html"}
    file = output_paths.check(str(tmp_path / "x.pdf"), "--output 'x.pdf'")
    with pytest.raises(DomainError, match=r"'\.pdf' is not one of them; use \.md or \.html"):
        output_paths.format_for(file, None, formats, "markdown")
    assert output_paths.format_for(file, "html", formats, "markdown") == "html"
    assert output_paths.format_for(None, None, formats, "markdown") == "markdown"
    stdout = output_paths.check("-", "--output '-'")
    assert output_paths.format_for(stdout, None, formats, "markdown") == "markdown"
    assert output_paths.format_for(stdout, "html", formats, "markdown") == "html"
    device = output_paths.check(os.devnull, "--output")
    assert device.kind == "stream"
    assert output_paths.format_for(device, None, formats, "html") == "html"


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


# --- fuzzing hostile output paths, in process ----------------------------------------------------

NAMES = [
    "", " ", ".", "..", "./", "dir", "dir/", "dir/.", "dir/..", "dir/new", "dir//new",
    "file", "file.md/", "file.md/x", "fifo", "link-file", "link-dir", "link-fifo", "link-null",
    "link-full", "dangling", "dangling-far", "loop", "loop-a", "missing/new", "link-dir/new",
    "ro/new", "./-", "ünïcode", "ta\tb", "new\nline", "esc\x1b[31mred", "nul\x00byte",
]  # fmt: skip
"""Names relative to the sandbox, each tried with every suffix."""
WHOLE = ["-", "/dev/null", "/dev/full", "/dev/zero", "./", "/tmp/"]
"""Paths tried as they are (never with a suffix: no file is ever made outside the sandbox)."""
SUFFIXES = ["", ".md", ".markdown", ".html", ".htm", ".svg", ".png", ".pdf", ".toml", ".MD"]


@contextlib.contextmanager
def sandbox() -> Iterator[Path]:
    """A folder with every hostile kind of entry: folders, a regular file, a FIFO, links to
    each (and to devices), dangling links, loops, a read-only folder."""
    with tempfile.TemporaryDirectory(prefix="offshoring-fuzz-") as name:
        root = Path(name)
        (root / "dir").mkdir()
        (root / "ro").mkdir(mode=0o555)
        for suffix in SUFFIXES:
            (root / f"file{suffix}").write_text("old\n")
            os.chmod(root / f"file{suffix}", 0o640)
        os.mkfifo(root / "fifo")
        links = {
            "link-file": "file.md", "link-dir": "dir", "link-fifo": "fifo",
            "link-null": "/dev/null", "link-full": "/dev/full", "dangling": "gone.md",
            "dangling-far": "missing/gone.md", "loop": "loop", "loop-a": "loop-b",
            "loop-b": "loop-a",
        }  # fmt: skip
        for link, target in links.items():
            (root / link).symlink_to(target)
        try:
            yield root
        finally:
            os.chmod(root / "ro", 0o755)


def _state(root: Path) -> dict[str, tuple[int, str]]:
    """Every entry's type, and a link's target: what no command may change."""
    state = {}
    for entry in sorted(root.iterdir()):
        info = os.lstat(entry)
        link = os.readlink(entry) if stat.S_ISLNK(info.st_mode) else ""
        state[entry.name] = (stat.S_IFMT(info.st_mode), link)
    return state


def _invocations() -> st.SearchStrategy[tuple[list[str], str]]:
    path = st.one_of(
        st.sampled_from(WHOLE),
        st.builds(lambda n, s: n + s, st.sampled_from(NAMES), st.sampled_from(SUFFIXES)),
        st.builds(
            lambda c, n, s: c * n + s,
            st.sampled_from(["a", "é", "語"]),
            st.integers(60, 140),
            st.sampled_from(SUFFIXES),
        ),
        # No lone surrogates: a command line cannot carry one (bytes that are not UTF-8 arrive
        # as surrogateescape's U+DC80-U+DCFF, which encode back to the same bytes).
        st.text(
            st.characters(blacklist_characters="/", blacklist_categories=("Cs",)), max_size=12
        ).map(lambda t: t + ".md"),
    )
    report = st.tuples(st.just(["report", "-m", "jobs"]), st.sampled_from([[], ["-f", "html"]]))
    chart = st.tuples(
        st.just(["chart", "-m", "jobs"]), st.sampled_from([[], ["-f", "svg"], ["-f", "png"]])
    )
    init = st.tuples(st.just(["scenario", "init"]), st.sampled_from([[], ["--force"]]))

    def build(command: tuple[list[str], list[str]], where: str) -> tuple[list[str], str]:
        words, extra = command
        tail = ["--", where] if words[0] == "scenario" else [f"--output={where}"]
        return [*words, *extra, *tail], where

    return st.builds(build, st.one_of(report, chart, init), path)


def _stub_render(charts_: Sequence[Any], fmt: str, side_by_side: bool = False) -> bytes:
    return PNG_MAGIC + b"stub" if fmt == "png" else b'<?xml version="1.0"?><svg>stub</svg>\n'


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("OFFSHORING_OUTPUT_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(invocation=_invocations())
def test_fuzz_hostile_output_paths(
    monkeypatch: pytest.MonkeyPatch, invocation: tuple[list[str], str]
) -> None:
    """Whatever the path: exit 0 or 2 (1 only for /dev/full, provoked on purpose), one Error:
    line on refusal, no traceback, no temporary file, no folder, FIFO, device or link changed,
    and a written regular file with the right mode (0644 new under umask 022, 0640 kept)."""
    args, where = invocation
    monkeypatch.setattr(charts, "render_image", _stub_render)  # paths are the point, not drawing
    previous = os.umask(0o022)
    try:
        with sandbox() as root, contextlib.chdir(root):
            before = _state(root)
            real = os.path.realpath(where) if where.strip() and "\0" not in where else ""
            existed = os.path.isfile(real) if real else False
            with FifoReader(root / "fifo") as reader, watchdog(20):
                result = CliRunner().invoke(cli, args, prog_name="offshoring")
            _check(result, args, where, root, before, real, existed, reader)
    finally:
        os.umask(previous)


def _check(
    result: Result,
    args: list[str],
    where: str,
    root: Path,
    before: dict[str, tuple[int, str]],
    real: str,
    existed: bool,
    reader: FifoReader,
) -> None:
    why = f"\nargs: {args!r}\nexit: {result.exit_code}\nstderr: {result.stderr!r}"
    assert result.exception is None or isinstance(result.exception, SystemExit), why
    full = real == "/dev/full"
    assert result.exit_code in ((0, 1, 2) if full else (0, 2)), why
    if result.exit_code != 0:
        assert result.stdout == "", why
        assert len(errors(result.stderr)) == 1, why
        assert "\x1b" not in result.stderr and "\x00" not in result.stderr, why
    assert temporaries(root) == [], why
    after = _state(root)
    assert {k: after[k] for k in before} == before, why  # nothing replaced or removed
    for suffix in SUFFIXES:  # an existing file is changed only by a success that wrote it
        file = root / f"file{suffix}"
        if result.exit_code != 0 or os.path.realpath(file) != real:
            assert file.read_text() == "old\n", why
    if result.exit_code == 0 and real and where != "-" and os.path.isfile(real):
        assert os.path.getsize(real) > 0, why
        assert mode(real) == (0o640 if existed else 0o644), why
    if result.exit_code == 0 and real == str(root / "fifo"):
        assert reader.data, why
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --- the same hostile paths through the installed command ----------------------------------------

HOSTILE = [
    ("loop", 2),
    ("dangling-far", 2),
    ("/dev/zero", 0),
    ("link-null", 0),
    ("link-fifo", 0),
    ("/dev/full", 1),  # provoked on purpose: the device is full
]
"""Paths of the sandbox not tried above through the installed command, and their exit code."""


@pytest.mark.slow
@pytest.mark.parametrize(("where", "code"), HOSTILE)
@pytest.mark.parametrize(
    "command",
    [
        ["report", "-m", "jobs", "--output"],
        ["chart", "-m", "jobs", "--output"],
        ["scenario", "init"],
    ],
    ids=["report", "chart", "init"],
)
def test_installed_command_on_hostile_paths(command: list[str], where: str, code: int) -> None:
    with sandbox() as root:
        before = _state(root)
        with FifoReader(root / "fifo") as reader:
            proc = run(*command, where, cwd=root)
        assert proc.returncode == code, proc.stderr
        assert b"Traceback" not in proc.stderr
        if code:
            assert len(errors(proc.stderr)) == 1, proc.stderr
        assert proc.stdout == b""
        assert temporaries(root) == []
        assert _state(root) == before
        if where == "link-fifo":
            assert reader.data
        assert (root / "file.md").read_text() == "old\n"


# --- the Python API, directly --------------------------------------------------------------------


def test_python_api_check_kinds(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert output_paths.check("-", "x").kind == "stdout"
    assert output_paths.check(str(fifo), "x").kind == "stream"
    assert output_paths.check(os.devnull, "x").kind == "stream"
    if os.path.islink("/dev/stdout"):
        out = output_paths.check("/dev/stdout", "x")
        assert (out.kind, out.fd) == ("fd", 1)
    new = output_paths.check(str(tmp_path / "n.md"), "x")
    assert (new.kind, new.exists, new.file) == ("file", False, tmp_path / "n.md")
    for bad, fragment in [
        ("", "the path is empty"),
        (str(tmp_path) + "/", "is a directory"),
        (str(tmp_path / "x") + "/", "names a folder"),
        (str(tmp_path / "n\x00.md"), "NUL"),
    ]:
        with pytest.raises(DomainError, match=fragment):
            output_paths.check(bad, "x", "brief.md")
    assert output_paths.shown("a.md") == "a.md"
    assert output_paths.shown("a\x1b.md") == "'a\\x1b.md'"


def test_python_api_scenario_write_new_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    write.write_new(path, write.to_toml(builtin.BUILTIN))
    with pytest.raises(scenario.ScenarioError, match="already exists"):
        write.write_new(path, "x")
    assert path.read_bytes() == SEEDS
    assert write.write_new(os.devnull, "x").kind == "stream"  # a device is not replaced
