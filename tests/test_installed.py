"""The installed command, in a subprocess: entry points, environment, imports and pipes."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SIX_DECIMALS = 5e-7


def _results(stdout: str) -> dict[str, dict[str, Any]]:
    return {row["metric"]: row for row in json.loads(stdout)["results"]}


def test_installed_gap_json(run_installed: Any) -> None:
    proc = run_installed("gap", "--json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    rows = _results(proc.stdout)
    assert rows["jobs"]["gap"] == 121_500
    assert rows["jobs"]["linear_increment_per_year"] == 20_250
    assert rows["jobs"]["required_cagr"] == pytest.approx(0.104773, abs=SIX_DECIMALS)
    assert rows["exports"]["gap"] == 13_780_000_000
    assert type(rows["exports"]["gap"]) is int
    assert rows["exports"]["required_cagr"] == pytest.approx(0.072930, abs=SIX_DECIMALS)


def test_installed_cagr_json(run_installed: Any) -> None:
    proc = run_installed("cagr", "--json", "--metric", "jobs")
    assert proc.returncode == 0, proc.stderr
    jobs = _results(proc.stdout)["jobs"]
    assert jobs["actual_cagr"] == pytest.approx(0.068788, abs=SIX_DECIMALS)
    assert jobs["actual_linear_pace_per_year"] == 9_250
    assert jobs["required_linear_pace_per_year"] == 20_250


@pytest.mark.parametrize("args", [["gap", "--json"], ["cagr", "--format", "csv"], ["--version"]])
def test_python_m_gives_identical_output(
    run_installed: Any, subprocess_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    installed = run_installed(*args)
    module = subprocess.run(
        [sys.executable, "-m", "offshoring_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert installed.returncode == module.returncode == 0, (installed.stderr, module.stderr)
    assert module.stdout == installed.stdout
    assert module.stderr == installed.stderr == ""


def test_installed_bad_input_exits_2_without_traceback(run_installed: Any) -> None:
    proc = run_installed("gap", "--jobs-baseline", "abc")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, proc.stderr
    assert "--jobs-baseline" in errors[0]


ENVIRONMENTS = {
    "plain": {},
    "COLUMNS=20": {"COLUMNS": "20"},
    "COLUMNS=300": {"COLUMNS": "300"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "all": {"FORCE_COLOR": "1", "COLUMNS": "20", "TERM": "xterm-256color"},
}


@pytest.mark.parametrize("args", [["gap", "--json"], ["cagr", "--format", "csv"]])
def test_machine_output_ignores_terminal_settings(
    offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    outputs = {}
    for name, extra in ENVIRONMENTS.items():
        proc = subprocess.run(
            [*offshoring_cmd, *args],
            capture_output=True,
            env={**subprocess_env, **extra},
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert b"\x1b" not in proc.stdout, name
        assert proc.stderr == b"", name
        outputs[name] = proc.stdout
    assert len(set(outputs.values())) == 1, "output depends on COLUMNS / NO_COLOR / FORCE_COLOR"
    if "--json" in args:
        json.loads(outputs["plain"])


# ---------------------------------------------------------------------------------------------
# Rich is imported only to draw a table


RICH_PROBE = """
import json, sys
sys.argv = ["offshoring", *json.loads(sys.argv[1])]
try:
    from offshoring_cli.cli import main
    main()
except SystemExit:
    pass
finally:
    loaded = sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))
    sys.stderr.write("\\nRICH-MODULES " + json.dumps(loaded) + "\\n")
"""


def rich_modules(args: list[str], env: dict[str, str], cwd: Path) -> list[str]:
    """The ``rich`` modules imported by the time ``offshoring *args`` returns."""
    proc = subprocess.run(
        [sys.executable, "-c", RICH_PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    marker = [line for line in proc.stderr.splitlines() if line.startswith("RICH-MODULES ")]
    assert len(marker) == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    modules: list[str] = json.loads(marker[0].removeprefix("RICH-MODULES "))
    return modules


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "--json"],
        ["cagr", "--json"],
        ["gap", "--format", "csv"],
        ["gap", "--format", "markdown"],
        ["--help"],
        ["gap", "--help"],
        ["cagr", "--help"],
        ["--version"],
        ["gap", "--jobs-baseline", "abc"],
    ],
    ids=" ".join,
)
def test_rich_not_imported(args: list[str], subprocess_env: dict[str, str], tmp_path: Path) -> None:
    assert rich_modules(args, subprocess_env, tmp_path) == []


@pytest.mark.parametrize("args", [["gap"], ["cagr", "--format", "table"]], ids=" ".join)
def test_rich_imported_for_a_table(
    args: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    # The control case: the probe does see rich when a table is drawn.
    assert "rich" in rich_modules(args, subprocess_env, tmp_path)


# ---------------------------------------------------------------------------------------------
# A reader that closes the pipe early


@pytest.mark.parametrize(
    "pipeline",
    [
        "gap --json | head -c 1",
        "cagr --format csv | head -c 1",
        "gap | head -n 1",
        "gap --format markdown | head -c 1",
        "gap --json | true",
    ],
)
def test_closed_pipe_is_quiet(
    pipeline: str, offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    command = f"{shlex.join(offshoring_cmd)} {pipeline}"
    proc = subprocess.run(
        command,
        shell=True,
        capture_output=True,
        text=True,
        env=subprocess_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "BrokenPipe" not in proc.stderr, proc.stderr
    assert "Exception ignored" not in proc.stderr, proc.stderr
    assert proc.stderr == ""


@pytest.mark.parametrize(
    "args", [["gap", "--json"], ["cagr", "--format", "csv"], ["gap"]], ids=" ".join
)
def test_write_to_a_pipe_closed_before_start(
    args: list[str], offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    # Deterministic version of "| head": the read end is closed before the command writes,
    # so its first flush fails with EPIPE. Expected: exit 1, nothing on stderr.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [*offshoring_cmd, *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.stderr == ""
    assert proc.returncode == 1
