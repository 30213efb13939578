"""The installed command on real terminals and pipes: widths, colour, encodings, closed pipes.

Every run goes through the installed ``offshoring`` (or ``python -m offshoring_cli``) in a
subprocess; "a terminal" is a pseudo-terminal (``os.openpty``) whose window size is set with
``TIOCSWINSZ`` and, as a terminal emulator would, ``COLUMNS``/``LINES``. Output post-processing
is switched off on the terminal (no ``\\n`` -> ``\\r\\n``), so what is read is exactly what the
command wrote.

* JSON is byte-identical at 20, 80 and 300 columns, on a terminal or not, with or without
  colour (``NO_COLOR``, ``TERM=dumb``, ``FORCE_COLOR``), and never holds an escape code.
* Tables never cut a number: no ``…``, every figure of the JSON formatted as the table
  formats it appears whole at every width, and narrow terminals get the stacked layout.
* Colour off (``NO_COLOR=1`` or ``TERM=dumb``): no escape code at all.
* ``PYTHONIOENCODING=ascii`` and ``LC_ALL=C``: exit 0, no ``UnicodeEncodeError``; under
  ``ascii`` the output is ASCII (the table falls back to ASCII borders).
* A reader that leaves early (``| head -c 1``) or a pipe closed before the start: no
  traceback, no ``BrokenPipe``, no ``Exception ignored``, and the exit code of the README's
  table: 0 when the output fitted in the pipe (written whole), 1 when it could not be written.
"""

from __future__ import annotations

import json
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
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest

from offshoring_cli.render import numbers

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals and POSIX pipes", allow_module_level=True)

import fcntl
import termios

pytestmark = pytest.mark.slow  # every test runs the installed command

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


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
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
        env=_environment(env or {}),
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
            env=_environment(extra),
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


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} in JSON output")


# ---------------------------------------------------------------------------------------------
# JSON: byte-identical across widths, terminals and colour settings

JSON_SETTINGS: list[tuple[str, int | None, dict[str, str]]] = [
    ("pipe", None, {}),
    *((f"tty {w}", w, {}) for w in WIDTHS),
    ("tty 20 FORCE_COLOR", 20, {"FORCE_COLOR": "1", "COLORTERM": "truecolor"}),
    ("tty 80 NO_COLOR", 80, {"NO_COLOR": "1"}),
    ("tty 80 TERM=dumb", 80, {"TERM": "dumb"}),
]


def _runner(args: list[str], columns: int | None, env: dict[str, str]) -> Callable[[], Run]:
    if columns is None:
        return lambda: run_pipe(args, env)
    return lambda: run_pty(args, columns, env)


@pytest.mark.parametrize("name", COMMANDS)
def test_json_is_byte_identical_on_every_terminal(name: str) -> None:
    args = [*COMMANDS[name], "--json"]
    runs = in_parallel(_runner(args, columns, env) for _, columns, env in JSON_SETTINGS)
    for (label, _, _), run in zip(JSON_SETTINGS, runs, strict=True):
        assert run.returncode == 0, f"{label}: {run}"
        assert run.stderr == b"", f"{label}: {run}"
        assert b"\x1b" not in run.stdout, f"{label}: escape code in JSON: {run}"
        assert run.stdout == runs[0].stdout, f"{label}: JSON differs from the piped JSON"
    json.loads(runs[0].stdout, parse_constant=_refuse_constant)


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_csv_and_markdown_are_identical_on_every_terminal(fmt: str) -> None:
    settings = [("pipe", None, {}), ("tty 20 FORCE_COLOR", 20, {"FORCE_COLOR": "1"})]
    settings += [("tty 300", 300, {})]
    jobs = [
        _runner([*args, "--format", fmt], columns, env)
        for args in COMMANDS.values()
        for _, columns, env in settings
    ]
    runs = in_parallel(jobs)
    for i, run in enumerate(runs):
        reference = runs[i - i % len(settings)]
        assert run.returncode == 0 and run.stderr == b"", str(run)
        assert b"\x1b" not in run.stdout, f"escape code in {fmt}: {run}"
        assert run.stdout == reference.stdout, f"{fmt} depends on the terminal: {run}"


# ---------------------------------------------------------------------------------------------
# Tables never cut a number

KINDS = {
    **dict.fromkeys(
        [
            "baseline", "target", "gap", "since_value", "latest", "projected_at_target_year",
            "shortfall_at_target_year", "actual_start", "observed", "compound_path",
            "linear_path", "actual_pace_path", "value_at_until_year", "value_at_target_year",
            "gap_at_target_year", "value",
        ],
        "value",
    ),
    **dict.fromkeys(
        [
            "linear_increment_per_year", "required_linear_pace_per_year",
            "actual_linear_pace_per_year", "increment_per_year",
        ],
        "value_per_year",
    ),
    **dict.fromkeys(
        [
            "gap_relative", "required_cagr", "actual_cagr", "required_cagr_from_base",
            "required_cagr_from_latest", "share", "change_on_prior_year", "growth_rate",
        ],
        "rate",
    ),
    "target_multiple": "multiple",
    **dict.fromkeys(["growth_ratio", "progress_score", "actual_to_required_cagr"], "ratio"),
}  # fmt: skip
"""How the table formats each figure of the JSON results (sensitivity: every
``required_cagr_*`` column is a rate)."""


def json_figures(document: dict[str, Any]) -> set[str]:
    """Every figure of a JSON document's results, formatted as a table shows it."""
    figures = set()
    for row in document["results"]:
        unit = str(row.get("unit", ""))
        for key, item in row.items():
            kind = KINDS.get(key, "rate" if key.startswith("required_cagr_") else None)
            if kind is not None and isinstance(item, int | float) and not isinstance(item, bool):
                figures.add(numbers.value(kind, item, unit))
    return figures


def markdown_cells(markdown: str) -> set[str]:
    """Every non-empty cell of a Markdown pipe table (header and separator rows excluded)."""
    cells = set()
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    for line in rows[1:]:
        for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]:
            text = cell.strip().replace("\\|", "|")
            if text:
                cells.add(text)
    return cells


@cache
def expected_cells(name: str, scenario: str | None = None) -> tuple[frozenset[str], bool]:
    """The figures of the command's JSON, and every cell of its Markdown table (piped)."""
    prefix = ["--scenario", scenario] if scenario else []
    json_run, markdown_run = in_parallel(
        [
            lambda: run_pipe([*prefix, *COMMANDS[name], "--json"]),
            lambda: run_pipe([*prefix, *COMMANDS[name], "--format", "markdown"]),
        ]
    )
    assert json_run.returncode == markdown_run.returncode == 0, (json_run, markdown_run)
    figures = json_figures(json.loads(json_run.stdout))
    cells = markdown_cells(markdown_run.stdout.decode("utf-8"))
    assert figures, f"no figure in the JSON of {name}"
    assert figures <= cells, f"{name}: JSON figures missing from Markdown: {figures - cells}"
    return frozenset(figures | cells), bool(figures)


README_FIGURES = {"gap": ["148,500 jobs", "13.78 bn MAD", "10.48 %", "20,250 jobs a year"]}


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_tables_never_cut_a_number(name: str, columns: int) -> None:
    cells, _ = expected_cells(name)
    run = run_pty(COMMANDS[name], columns)
    assert run.returncode == 0 and run.stderr == b"", str(run)
    text = strip_escapes(run.stdout).decode("utf-8")
    assert "…" not in text, f"a cell was cut at {columns} columns:\n{text}"
    missing = sorted(cell for cell in cells if cell not in text)
    assert not missing, f"not shown whole at {columns} columns: {missing[:10]}\n{text}"
    for figure in README_FIGURES.get(name, []):
        assert figure in text
    boxed = "┏" in text or "┌" in text
    if columns == 20:
        assert not boxed, f"a boxed table at 20 columns, not the stacked layout:\n{text}"
    if columns == 300:
        assert boxed, f"no table at 300 columns:\n{text}"


# ---------------------------------------------------------------------------------------------
# Colour: none when it is off, never in JSON


@pytest.mark.parametrize("setting", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=str)
def test_no_escape_codes_when_colour_is_off(setting: dict[str, str]) -> None:
    jobs = [lambda a=args: run_pty(a, 80, setting) for args in COMMANDS.values()]
    jobs += [lambda w=w: run_pty(["status"], w, setting) for w in (20, 300)]
    for run in in_parallel(jobs):
        assert run.returncode == 0, str(run)
        assert b"\x1b" not in run.stdout, f"escape code with {setting}: {run}"
        assert b"\x1b" not in run.stderr, str(run)


def test_force_colour_colours_a_table_but_not_json() -> None:
    # The control case: on this terminal FORCE_COLOR does produce escape codes in a table,
    # so their absence above (and in JSON) is not an accident of the setup.
    table, document = in_parallel(
        [
            lambda: run_pty(["gap"], 80, {"FORCE_COLOR": "1"}),
            lambda: run_pty(["gap", "--json"], 80, {"FORCE_COLOR": "1"}),
        ]
    )
    assert b"\x1b[" in table.stdout
    assert b"\x1b" not in document.stdout


# ---------------------------------------------------------------------------------------------
# Encodings: ASCII stdout, the C locale

ENCODINGS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {"LC_ALL": "C", "LANG": "C"},
}


def _check_encoding(run: Run, ascii_only: bool) -> None:
    assert run.returncode == 0, str(run)
    assert b"Traceback" not in run.stderr and b"UnicodeEncodeError" not in run.stderr, str(run)
    assert b"UnicodeEncodeError" not in run.stdout, str(run)
    run.stdout.decode("ascii" if ascii_only else "utf-8")  # raises on a byte it cannot decode


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_ascii_and_c_locale(encoding: str) -> None:
    env = ENCODINGS[encoding]
    ascii_only = "PYTHONIOENCODING" in env
    formats = [["--format", "csv"], ["--format", "markdown"]]
    if ascii_only:
        formats += [[], ["--json"], ["--explain"]]
    jobs: list[Callable[[], Run]] = []
    for args in COMMANDS.values():
        takes = [f for f in formats if f != ["--explain"] or list(args[:2]) != ["scenario", "show"]]
        jobs += [lambda a=[*args, *extra]: run_pipe(a, env) for extra in takes]
        jobs.append(lambda a=args: run_pty(a, 80, env))
    jobs += [
        lambda: run_pty(["status"], 20, env),
        lambda: run_pty(["status"], 300, env),
        lambda: run_pipe(["chart"], env),
        lambda: run_pty(["chart"], 100, env),
        lambda: run_pipe(["--help"], env),
        lambda: run_pipe(["scenario", "init"], env),
    ]
    for run in in_parallel(jobs):
        _check_encoding(run, ascii_only)


def test_ascii_tables_fall_back_to_ascii_borders() -> None:
    boxed, stacked = in_parallel(
        [
            lambda: run_pty(["gap"], 300, {"PYTHONIOENCODING": "ascii"}),
            lambda: run_pty(["gap"], 20, {"PYTHONIOENCODING": "ascii"}),
        ]
    )
    text = strip_escapes(boxed.stdout).decode("ascii")
    assert "+---" in text or "|--" in text, text  # a table, drawn in ASCII
    for figure in README_FIGURES["gap"]:
        assert figure in text
        assert figure in strip_escapes(stacked.stdout).decode("ascii")


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
        env=_environment({}),
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
            env=_environment({}),
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
            env=_environment({}),
            cwd=ROOT,
            timeout=120,
            check=False,
        )
        codes.add(int(rc_file.read_text()))
    assert codes == {1}


# ---------------------------------------------------------------------------------------------
# Wide characters from a scenario file

WIDE_SCENARIO = """\
scenario_version = 1
name = "wide"
description = "An indicator whose unit and label are CJK: two terminal cells a character."

[sources.s]
publisher = "test"
title = "wide characters"
date = "2024"
url = "https://example.invalid/wide"

[[indicators]]
id = "waste"
label = "\u5e9f\u7269\u5904\u7406\u91cf"
unit = "\u5428"
direction = "decrease"
target = {year = 2030, value = 27, series = "main", source = "s"}

[[indicators.observations]]
year = 2023
value = 80
series = "main"
source = "s"

[[indicators.observations]]
year = 2024
value = 64
series = "main"
source = "s"
"""


def test_wide_characters_never_cut_a_number(tmp_path: Path) -> None:
    path = tmp_path / "wide.toml"
    path.write_text(WIDE_SCENARIO, encoding="utf-8")
    cells, _ = expected_cells("gap", str(path))
    failures = []
    runs = in_parallel(
        [lambda w=w: run_pty(["--scenario", str(path), "gap"], w) for w in range(46, 55)]
    )
    for columns, run in zip(range(46, 55), runs, strict=True):
        assert run.returncode == 0, str(run)
        text = strip_escapes(run.stdout).decode("utf-8")
        missing = [cell for cell in cells if cell not in text]
        if "…" in text or missing:
            failures.append((columns, missing))
    assert not failures, failures
