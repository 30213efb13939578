"""Where the commands write files (``report``, ``chart``, ``scenario init``): issue 9, "Files it
writes". The path and the format are checked before any work; hostile output paths are fuzzed.

Through the installed command in a subprocess and through the Python API
(:mod:`offshoring_cli.render.files`, :mod:`offshoring_cli.render.output_paths`). File modes are in
tests/test_file_modes.py, devices, FIFOs, links and standard output in
tests/test_output_devices.py, whole-or-nothing writes in tests/test_atomic_writes.py.

Each test keeps the input that failed before the fix:

* ``report --output x/`` wrote a file ``x``, a name over 255 bytes ended in exit 1;
* ``report --output brief.pdf`` wrote Markdown into ``brief.pdf`` and exited 0.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import watchdog
from file_helpers import (
    IS_ROOT,
    PNG_MAGIC,
    SEEDS,
    FifoReader,
    errors,
    listing,
    mode,
    refused,
    run,
    temporaries,
)
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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


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
    # A FIFO nothing reads: refused (the write would wait for ever); one with a reader is
    # opened by the check, and that opening is what the content is written into.
    with pytest.raises(DomainError, match=r"a named pipe \(FIFO\) that nothing reads"):
        output_paths.check(str(fifo), "x")
    reading = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        out = output_paths.check(str(fifo), "x")
        assert (out.kind, out.fd >= 0, output_paths.is_terminal(out)) == ("stream", True, False)
        files.write(out, "through the fifo\n")
        assert os.read(reading, 100) == b"through the fifo\n"
        assert os.read(reading, 100) == b""  # written and closed: the reader sees the end
    finally:
        os.close(reading)
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
