"""Scenario files: round trip, every command on a file's figures, and every kind of bad file."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from offshoring_cli.cli import cli
from offshoring_cli.core import builtin
from offshoring_cli.scenario.validate import load
from offshoring_cli.scenario.write import to_toml

ROOT = Path(__file__).resolve().parent.parent
SEEDS_TOML = ROOT / "seeds" / "morocco-offshoring.toml"
EXAMPLE = ROOT / "examples" / "jobs-2025.toml"


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="offshoring", env=env)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def builtin_toml() -> str:
    return to_toml(builtin.BUILTIN)


def write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(**changes: Any) -> str:
    """The built-in scenario as TOML after ``changes`` to its parsed form (via a callback)."""
    data = tomllib.loads(builtin_toml())
    for key, change in changes.items():
        change(data) if callable(change) else data.__setitem__(key, change)
    import tomlkit

    return tomlkit.dumps(data)


# --- round trip -------------------------------------------------------------------------------


def test_init_then_load_gives_back_the_builtin_dataset(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    result = invoke("scenario", "init", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # the file is the result; the hint goes to stderr
    assert load(path) == builtin.BUILTIN
    validated = invoke("scenario", "validate", str(path))
    assert validated.exit_code == 0
    assert "valid scenario 'morocco-offshoring'" in validated.stdout


def test_init_without_path_prints_the_file() -> None:
    result = invoke("scenario", "init")
    assert result.exit_code == 0
    assert result.stdout == builtin_toml()
    assert result.stdout.startswith("# offshoring-cli scenario file")


def test_the_seeds_file_is_what_init_writes() -> None:
    assert SEEDS_TOML.read_text(encoding="utf-8") == builtin_toml()


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = write(tmp_path, "keep me\n")
    result = invoke("scenario", "init", str(path))
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"Error: scenario {str(path)!r}: already exists; pass --force to overwrite it"
    ]
    assert path.read_text() == "keep me\n"
    assert invoke("scenario", "init", "--force", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == builtin_toml()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]  # no temporary left


@pytest.mark.parametrize("where", ["missing-folder/s.toml", "."])
def test_init_to_an_impossible_place_is_refused(tmp_path: Path, where: str) -> None:
    result = invoke("scenario", "init", str(tmp_path / where))
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --- a file's figures change every command ------------------------------------------------------


def test_a_2025_jobs_figure_changes_the_required_growth(tmp_path: Path) -> None:
    result = invoke("--scenario", str(EXAMPLE), "gap", "-m", "jobs", "--json")
    assert result.exit_code == 0, result.stderr
    (jobs,) = json.loads(result.stdout)["results"]
    assert (jobs["base_year"], jobs["baseline"], jobs["periods"]) == (2025, 160_000, 5)
    # (270,000 / 160,000) ** (1/5) - 1 = 1.6875 ** 0.2 - 1 = 0.110322
    assert jobs["required_cagr"] == pytest.approx(0.110322, abs=5e-7)
    # linear: (270,000 - 160,000) / 5 = 22,000 a year
    assert jobs["linear_increment_per_year"] == 22_000


@pytest.mark.parametrize(
    "command",
    [
        ["gap"],
        ["cagr"],
        ["status"],
        ["trajectory"],
        ["project", "--growth", "5%"],
        ["sensitivity"],
        ["segments"],
        ["scenario", "show"],
    ],
    ids=lambda c: c[0],
)
def test_every_command_reads_the_scenario(tmp_path: Path, command: list[str]) -> None:
    # Double the exports target and every export figure's unit stays MAD: 80 bn instead of 40.
    def double_target(data: dict[str, Any]) -> None:
        data["indicators"][1]["target"]["value"] = 80_000_000_000
        data["name"] = "doubled"

    path = write(tmp_path, edited(_=double_target))
    builtin = invoke(*command, "--json")
    changed = invoke("--scenario", str(path), *command, "--json")
    assert changed.exit_code == 0, changed.stderr
    assert json.loads(changed.stdout) != json.loads(builtin.stdout) or command[0] == "segments"
    assert json.loads(changed.stdout)["inputs"]["dataset"] == "doubled"


def test_the_environment_variable_selects_the_scenario() -> None:
    result = invoke("gap", "-m", "jobs", "--json", env={"OFFSHORING_SCENARIO": str(EXAMPLE)})
    assert json.loads(result.stdout)["results"][0]["baseline"] == 160_000


def test_another_sector_with_other_indicator_ids(tmp_path: Path) -> None:
    text = """
scenario_version = 1
name = "tourism"
[sources.x]
publisher = "Someone"
title = "Arrivals"
date = "2025"
url = "https://example.invalid/x"
[[indicators]]
id = "arrivals"
label = "Tourist arrivals"
unit = "visitors"
target = { year = 2030, value = 26_000_000, series = "s", source = "x" }
[[indicators.observations]]
year = 2023
value = 14_500_000
series = "s"
source = "x"
[[indicators.observations]]
year = 2024
value = 17_400_000
series = "s"
source = "x"
"""
    path = write(tmp_path, text)
    result = invoke("--scenario", str(path), "status", "--json")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)["results"]
    # actual 17.4 / 14.5 - 1 = 0.2; required from 2023: (26 / 14.5) ** (1/7) - 1 = 0.086966
    assert row["actual_cagr"] == pytest.approx(0.2, rel=1e-12)
    assert row["required_cagr_from_base"] == pytest.approx((26 / 14.5) ** (1 / 7) - 1)
    table = invoke("--scenario", str(path), "gap")
    assert "17,400,000 visitors" in table.stdout
    wrong = invoke("--scenario", str(path), "gap", "-m", "jobs")
    assert wrong.exit_code == 2 and "choose from: arrivals" in error_lines(wrong)[0]
    no_segments = invoke("--scenario", str(path), "segments")
    assert no_segments.exit_code == 2 and "has no segments" in error_lines(no_segments)[0]


# --- bad files: one clear line and exit 2 for commands; every problem from validate -------------


def _set_value(data: dict[str, Any], value: object) -> None:
    data["indicators"][0]["observations"][1]["value"] = value


BAD_FILES: list[tuple[str, str, str]] = [
    ("syntax", builtin_toml().replace('name = "morocco-offshoring"', "name = morocco"), "line "),
    ("unknown-key", edited(nmae="x"), "nmae: unknown key"),
    (
        "zero",
        edited(_=lambda d: _set_value(d, 0)),
        "indicators[0].observations[1].value: must be greater than 0",
    ),
    (
        "negative",
        edited(_=lambda d: _set_value(d, -5)),
        "indicators[0].observations[1].value: must be greater than 0",
    ),
    (
        "duplicate-year",
        edited(_=lambda d: d["indicators"][0]["observations"][1].__setitem__("year", 2022)),
        "duplicate year 2022",
    ),
    (
        "unknown-source",
        edited(_=lambda d: d["indicators"][0]["observations"][0].__setitem__("source", "nope")),
        "indicators[0].observations[0].source: unknown source id 'nope'",
    ),
    (
        "target-series",
        edited(_=lambda d: d["indicators"][0]["target"].__setitem__("series", "other")),
        "indicators[0].target.series: 'other' is not a series",
    ),
    ("nan", builtin_toml().replace("value = 148500", "value = nan"), "finite number"),
    ("empty", "", "is empty"),
    ("wrong-version", edited(scenario_version=2), "scenario_version: must be 1"),
]


@pytest.mark.parametrize(("name", "text", "fragment"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_gets_one_line_and_exit_2(
    tmp_path: Path, name: str, text: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke("--scenario", str(path), "gap")
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    (line,) = error_lines(result)
    assert fragment in line, line
    assert "Traceback" not in result.stderr
    checked = invoke("scenario", "validate", str(path))
    assert checked.exit_code == 2
    assert fragment in checked.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # reading writes nothing


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = invoke("--scenario", str(tmp_path / "nope.toml"), "gap")
    assert missing.exit_code == 2 and "no such file" in error_lines(missing)[0]
    folder = invoke("--scenario", str(tmp_path), "gap")
    assert folder.exit_code == 2 and "is a directory" in error_lines(folder)[0]


def test_the_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'scenario_version = 1\nname = "x"\ndescription = oops\n')
    result = invoke("scenario", "validate", str(path))
    assert result.exit_code == 2
    assert "TOML syntax error" in result.stderr and "line 3, column 15" in result.stderr


def test_validate_lists_every_problem_at_once(tmp_path: Path) -> None:
    def three_problems(data: dict[str, Any]) -> None:
        data["indicators"][0]["observations"][0]["value"] = 0
        data["indicators"][1]["observations"][2]["value"] = -1
        data["indicators"][1]["lable"] = "typo"

    path = write(tmp_path, edited(_=three_problems))
    result = invoke("scenario", "validate", str(path))
    assert result.exit_code == 2
    assert "(3 problems)" in result.stderr
    for where in (
        "indicators[0].observations[0].value",
        "indicators[1].observations[2].value",
        "indicators[1].lable",
    ):
        assert where in result.stderr
    one_line = invoke("--scenario", str(path), "gap")
    assert "and 2 more: run 'offshoring scenario validate" in error_lines(one_line)[0]


# --- start-up cost: the other commands never import the scenario libraries ----------------------

PROBE = """
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
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


@pytest.mark.parametrize("args", [("gap", "--json"), ("status", "--json"), ("--help",)])
def test_without_a_scenario_no_validation_or_toml_library_is_imported(
    args: tuple[str, ...],
) -> None:
    assert _imported(*args) == ""


def test_with_a_scenario_the_validation_library_is_imported() -> None:
    assert "pydantic" in _imported("--scenario", str(EXAMPLE), "gap", "--json")


def _jobs_decrease(data: dict[str, Any]) -> None:
    # Pretend the aim were fewer jobs: 100,000 by 2030, while jobs rose 130,000 -> 148,500.
    data["indicators"][0]["direction"] = "decrease"
    data["indicators"][0]["target"]["value"] = 100_000


def test_a_decrease_wanted_is_not_met_by_a_rise(tmp_path: Path) -> None:
    path = write(tmp_path, edited(_=_jobs_decrease))
    gap = json.loads(invoke("--scenario", str(path), "gap", "-m", "jobs", "--json").stdout)
    assert gap["results"][0]["already_met"] is False
    status = json.loads(invoke("--scenario", str(path), "status", "-m", "jobs", "--json").stdout)
    row = status["results"][0]
    # actual +6.88 %/yr vs required (100,000 / 130,000) ** (1/8) - 1 = -3.23 %/yr: R < 0
    assert row["required_cagr_from_base"] == pytest.approx((100 / 130) ** (1 / 8) - 1)
    assert row["growth_ratio"] < 0 and row["growth_ratio_band"] == "moving away"
    assert row["target_reached_year"] is None  # never, at a rising pace
    projected = invoke("--scenario", str(path), "project", "-m", "jobs", "--growth=-5%", "--json")
    # 148,500 * 0.95 ** n <= 100,000: ln(100 / 148.5) / ln(0.95) = 7.71 -> 8 years -> 2032
    assert json.loads(projected.stdout)["results"][0]["target_reached_year"] == 2032


def test_a_number_written_as_text_is_refused(tmp_path: Path) -> None:
    text = builtin_toml().replace("value = 148500", 'value = "148500"')
    result = invoke("scenario", "validate", str(write(tmp_path, text)))
    assert result.exit_code == 2
    assert "indicators[0].observations[1].value" in result.stderr
