"""The fast paths stay fast: what `--json`, `--help` and `--version` import.

Every command pays for its imports at start-up (see benchmarks/startup.py for the measured
times). These tests pin the import set of the fast paths: the standard library, Click, and
this package's light modules, nothing else (no Rich, pydantic, tomlkit, matplotlib, plotext),
and not the modules of other commands.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from offshoring_cli.cli import main
sys.argv = ["offshoring", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

LIGHT = {
    "offshoring_cli",
    "offshoring_cli.analysis",
    "offshoring_cli.cli",
    "offshoring_cli.domain",
    "offshoring_cli.formatting",
    "offshoring_cli.metrics",
    "offshoring_cli.params",
    "offshoring_cli.render",
}
"""The package's modules a fast path may load."""


def imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    modules: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return set(modules)


@pytest.mark.parametrize(
    "args",
    [
        ("gap", "--json"),
        ("cagr", "--json"),
        ("gap", "--format", "csv"),
        ("--help",),
        ("gap", "--help"),
        ("--version",),
    ],
    ids=" ".join,
)
def test_fast_paths_import_only_the_standard_library_click_and_light_modules(
    args: tuple[str, ...],
) -> None:
    modules = imported(*args)
    third_party = {
        m.split(".")[0]
        for m in modules
        if m.split(".")[0] not in sys.stdlib_module_names and not m.startswith("_")
    }
    assert third_party <= {"click", "offshoring_cli"}, third_party
    ours = {m for m in modules if m.startswith("offshoring_cli")}
    assert ours <= LIGHT, ours - LIGHT


def test_status_loads_the_progress_module_and_gap_does_not() -> None:
    assert "offshoring_cli.progress" in imported("status", "--json")
    assert "offshoring_cli.progress" not in imported("gap", "--json")


def test_a_table_loads_rich() -> None:
    # The guard above can fail: the table path does import Rich.
    assert "rich" in imported("gap")


def test_the_cli_lists_the_formats_render_draws() -> None:
    from offshoring_cli import cli, render

    assert cli.FORMATS == render.FORMATS


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_help_and_version_load_no_core_module(args: tuple[str, ...]) -> None:
    ours = {m for m in imported(*args) if m.startswith("offshoring_cli")}
    assert ours <= {"offshoring_cli", "offshoring_cli.cli", "offshoring_cli.params"}, ours
