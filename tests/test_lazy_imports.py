"""Each command loads only what it needs: Rich only to draw a table, the plotting libraries only
for charts and the brief, scenario validation (pydantic) and TOML only with a scenario, and
never the schema sources (the fast paths' import set is pinned in test_startup.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE

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


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("args", [["gap"], ["cagr", "--format", "table"]], ids=" ".join)
def test_rich_imported_for_a_table(
    args: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    # The control case: the probe does see rich when a table is drawn.
    assert "rich" in rich_modules(args, subprocess_env, tmp_path)


VALIDATION_PROBE = """
import sys
from offshoring_cli.cli import main
sys.argv = ["offshoring", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "tomlkit", "tomllib"})
print(",".join(heavy), file=sys.stderr)
"""


def _imported(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", VALIDATION_PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


@pytest.mark.slow
@pytest.mark.parametrize("args", [("gap", "--json"), ("status", "--json"), ("--help",)])
def test_without_a_scenario_no_validation_or_toml_library_is_imported(
    args: tuple[str, ...],
) -> None:
    assert _imported(*args) == ""


@pytest.mark.slow
def test_a_valid_scenario_is_read_without_the_validation_library() -> None:
    # Issue 11: a valid file is checked by hand (scenario/fast.py); tomllib parses it.
    assert _imported("--scenario", str(EXAMPLE), "gap", "--json") == "tomllib"


@pytest.mark.slow
def test_an_invalid_scenario_imports_the_validation_library_to_list_its_problems() -> None:
    assert "pydantic" in _imported("--scenario", str(EXAMPLE.with_name("broken.toml")), "gap")


PLOTTING_PROBE = """
import sys
from offshoring_cli.cli import main
sys.argv = ["offshoring", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(sorted({m.split(".")[0] for m in sys.modules} & {"matplotlib", "plotext"}), file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize("args", [["gap"], ["status", "--json"], ["trajectory"], ["--help"]])
def test_other_commands_never_import_the_plotting_libraries(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PLOTTING_PROBE, *args], capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_cli_does_not_import_the_schema_sources() -> None:
    code = (
        "import sys\n"
        "from offshoring_cli.cli import cli\n"
        "for args in (['schema', 'status'], ['gap', '--json']):\n"
        "    cli(args, standalone_mode=False)\n"
        "print(sorted(m for m in ('offshoring_cli.reports.insight_rows', 'pydantic') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
