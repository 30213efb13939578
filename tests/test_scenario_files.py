"""Scenario files: ``scenario init``/``show``/``validate``, the round trip to the built-in
dataset, every command on a file's figures, another sector's indicators, and what a file may
hold (the command line's value limits, whole counts, text without control characters, one
line naming each problem and what to write instead).
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from click.testing import CliRunner, Result
from helpers import (
    EXAMPLE,
    ROOT,
    SEED_TEXT,
    SEEDS,
    installed,
    invoke_cli,
    problems_of,
    refused,
    seed,
    set_jobs_baseline,
    toml,
    write,
)

from offshoring_cli.cli import cli, params
from offshoring_cli.core import builtin, records
from offshoring_cli.scenario import validate
from offshoring_cli.scenario.validate import load
from offshoring_cli.scenario.write import to_toml

SEEDS_TOML = ROOT / "seeds" / "morocco-offshoring.toml"


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="offshoring", env=env)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def builtin_toml() -> str:
    return to_toml(builtin.BUILTIN)


def write_scenario(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(**changes: Any) -> str:
    """The built-in scenario as TOML after ``changes`` to its parsed form (via a callback)."""
    data = tomllib.loads(builtin_toml())
    for key, change in changes.items():
        change(data) if callable(change) else data.__setitem__(key, change)

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
    path = write_scenario(tmp_path, "keep me\n")
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

    path = write_scenario(tmp_path, edited(_=double_target))
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
    path = write_scenario(tmp_path, text)
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
    data["indicators"][0]["observations"][2]["value"] = value


BAD_FILES: list[tuple[str, str, str]] = [
    ("syntax", builtin_toml().replace('name = "morocco-offshoring"', "name = morocco"), "line "),
    ("unknown-key", edited(nmae="x"), "nmae: unknown key"),
    (
        "zero",
        edited(_=lambda d: _set_value(d, 0)),
        "indicators[0].observations[2].value: must be greater than 0",
    ),
    (
        "negative",
        edited(_=lambda d: _set_value(d, -5)),
        "indicators[0].observations[2].value: must be greater than 0",
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
    path = write_scenario(tmp_path, text)
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
    path = write_scenario(tmp_path, 'scenario_version = 1\nname = "x"\ndescription = oops\n')
    result = invoke("scenario", "validate", str(path))
    assert result.exit_code == 2
    assert "TOML syntax error" in result.stderr and "line 3, column 15" in result.stderr


def test_validate_lists_every_problem_at_once(tmp_path: Path) -> None:
    def three_problems(data: dict[str, Any]) -> None:
        data["indicators"][0]["observations"][0]["value"] = 0
        data["indicators"][1]["observations"][2]["value"] = -1
        data["indicators"][1]["lable"] = "typo"

    path = write_scenario(tmp_path, edited(_=three_problems))
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


def _jobs_decrease(data: dict[str, Any]) -> None:
    # Pretend the aim were fewer jobs: 100,000 by 2030, while jobs rose 130,000 -> 148,500.
    data["indicators"][0]["direction"] = "decrease"
    data["indicators"][0]["target"]["value"] = 100_000


def test_a_decrease_wanted_is_not_met_by_a_rise(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, edited(_=_jobs_decrease))
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
    result = invoke("scenario", "validate", str(write_scenario(tmp_path, text)))
    assert result.exit_code == 2
    assert "indicators[0].observations[2].value" in result.stderr  # 2022, 2023, 2024


def test_the_scenario_named_by_show_is_the_one_read(tmp_path: Path) -> None:
    # 'scenario show FILE' reads FILE only: a broken --scenario does not stand in its way,
    # and '--scenario - scenario show -' reads standard input once.
    broken = write(tmp_path, "not toml", "broken.toml")
    result = invoke_cli("--scenario", str(broken), "scenario", "show", str(SEEDS), "--json")
    assert result.exit_code == 0, result.stderr
    both = invoke_cli("--scenario", "-", "scenario", "show", "-", stdin=SEED_TEXT.encode())
    assert both.exit_code == 0, both.stderr


def _set_exports_baseline(value: Any) -> dict[str, Any]:
    data = seed()
    observation = data["indicators"][1]["observations"][5]
    assert (observation["year"], observation["value"]) == (2024, 26_220_000_000)
    observation["value"] = value
    return data


@pytest.mark.slow
def test_a_tiny_value_is_refused_with_its_key_path(tmp_path: Path) -> None:
    # Once valid, shown as "Baseline: 0 jobs", and five commands failed later.
    path = write(tmp_path, toml(set_jobs_baseline(1e-300)))
    refused(
        path,
        "indicators[0].observations[2].value: 1e-300 is too small: values are at least 1e-6",
    )
    done, _ = installed("--scenario", str(path), "scenario", "show")
    assert done.returncode == 2
    assert b"Baseline: 0" not in done.stdout


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        (1e-6, True),  # the smallest the command line takes
        (9.99e-7, False),
        (1e18, True),  # the largest
        (10**18, True),
        (10**18 + 1, False),
        (math.nextafter(1e18, 2e18), False),  # the next float above 1e18
        (2e18, False),
        (0, False),
        (-5.5, False),
    ],
)
def test_values_have_the_command_lines_limits(value: float, accepted: bool) -> None:
    data = _set_exports_baseline(value)
    del data["segments"]  # they split the 2024 exports: 26.2 bn of them cannot split 1e-6 MAD
    found = problems_of(data)
    assert (found == []) is accepted, found
    if not accepted:
        assert found[0].startswith("indicators[1].observations[5].value: ")
    # The command line agrees: --exports-baseline takes exactly the same values.
    cli_result = invoke_cli("gap", "-m", "exports", "--exports-baseline", repr(value), "--json")
    assert (cli_result.exit_code == 0) is accepted, cli_result.stderr


def test_the_limits_are_one_definition_shared_by_the_command_line_and_scenarios() -> None:
    assert not hasattr(params, "MAX_QUANTITY") and not hasattr(params, "MIN_QUANTITY")
    assert (records.MIN_QUANTITY, records.MAX_QUANTITY) == (1e-6, 10**18)
    # --jobs-* take whole numbers because jobs count things, as scenarios decide.
    assert params.JOBS.whole is records.is_count(params.JOBS.unit) is True
    assert params.MAD.whole is records.is_count(params.MAD.unit) is False


def test_a_count_holds_whole_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, toml(set_jobs_baseline(148_500.5)))
    refused(path, "indicators[0].observations[2].value: 148500.5 is not a whole number")
    # as on the command line
    result = invoke_cli("gap", "--jobs-baseline", "148500.5")
    assert result.exit_code == 2 and "not a whole number of jobs" in result.stderr
    # a whole float is a whole number: 148500.0 is read as the int 148,500
    dataset = validate.load(write(tmp_path, toml(set_jobs_baseline(148_500.0)), "whole.toml"))
    value = dataset.indicators["jobs"].observations[-1].value
    assert value == 148_500 and isinstance(value, int)
    # an amount need not be whole
    assert problems_of(_set_exports_baseline(26_220_000_000.5)) == []


def test_every_value_of_a_count_is_checked_and_listed_at_once() -> None:
    data = seed()
    jobs = data["indicators"][0]
    jobs["unit"] = "People"  # counts, whatever the case
    jobs["observations"][0]["value"] = 130_000.25
    jobs["target"]["value"] = 269_999.5
    jobs["lable"] = "typo"  # listed with them (unknown keys last), not instead of them
    data["segments"]["indicator"] = "jobs"
    data["segments"]["year"] = 2024
    data["segments"]["items"][0]["value"] = 0.5
    data["segments"]["items"][4]["prior"] = 77.7
    assert problems_of(data) == [
        "indicators[0].observations[0].value: 130000.25 is not a whole number: values in "
        "'People' are counts (as on the command line, where a count of jobs is whole)",
        "indicators[0].target.value: 269999.5 is not a whole number: values in 'People' are "
        "counts (as on the command line, where a count of jobs is whole)",
        "indicators[0].lable: unknown key (check its spelling; see 'offshoring schema scenario')",
        "segments.items[0].value: 0.5 is not a whole number: values in 'People' are counts "
        "(as on the command line, where a count of jobs is whole)",
        "segments.items[4].prior: 77.7 is not a whole number: values in 'People' are counts "
        "(as on the command line, where a count of jobs is whole)",
    ]


def test_a_value_refused_for_its_range_is_not_also_refused_for_being_fractional() -> None:
    assert problems_of(set_jobs_baseline(-0.5)) == [
        "indicators[0].observations[2].value: must be greater than 0"  # 2024, the third
    ]


def test_a_described_multiple_has_the_same_limits() -> None:
    data = seed()
    data["indicators"][1]["target"]["described_multiple"] = 1e-300
    assert problems_of(data) == [
        "indicators[1].target.described_multiple: 1e-300 is too small: values are at least "
        "1e-6, as on the command line (in whole units of the indicator, not thousands or "
        "billions)"
    ]


# --- text without control characters ----------------------------------------------------------


def _setter(*keys: str | int, prefix: str = "", cut: int = 80) -> Callable[[Any, str], None]:
    """Set the text at ``keys`` of the parsed seed (``prefix`` before it, at most ``cut``)."""

    def change(data: Any, text: str) -> None:
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = (prefix + text)[:cut]

    return change


TEXT_FIELDS: list[tuple[str, Callable[[Any, str], None]]] = [
    ("description", _setter("description")),
    ("sources.nap-2026.publisher", _setter("sources", "nap-2026", "publisher")),
    ("sources.nap-2026.title", _setter("sources", "nap-2026", "title")),
    ("sources.nap-2026.url", _setter("sources", "nap-2026", "url", prefix="https://x/")),
    ("indicators[0].label", _setter("indicators", 0, "label")),
    ("indicators[1].unit", _setter("indicators", 1, "unit", cut=16)),
    ("indicators[0].observations[0].note", _setter("indicators", 0, "observations", 0, "note")),
    ("segments.items[2].label", _setter("segments", "items", 2, "label")),
]

CONTROLS = {
    "ESC": "\x1b[31m",  # a terminal colour code
    "OSC link": "\x1b]8;;https://evil.invalid\x07",
    "DEL": "\x7f",
    "C1 CSI": "\x9b31m",
    "NUL": "\x00",
    "tab": "\t",
    "line break": "\n",
    "carriage return": "\r",
    "line separator": "\u2028",
    "right-to-left override": "\u202e",
}


@pytest.mark.parametrize(("where", "change"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("control", CONTROLS.values(), ids=CONTROLS.keys())
def test_text_fields_refuse_control_characters(
    where: str, change: Callable[[Any, str], None], control: str
) -> None:
    data = seed()
    change(data, f"ab{control}cd")
    (problem,) = problems_of(data)
    assert problem.isprintable()
    if where.endswith("url") and not control[0].isprintable() and control[0] in "\t\n\r\u2028":
        # whitespace in a URL: refused by its pattern (^https?://\S+$) first
        assert problem == f"{where}: must be an http:// or https:// address without spaces"
        return
    assert problem.startswith(f"{where}: holds a control character (U+{ord(control[0]):04X}")


@pytest.mark.slow
def test_an_escape_sequence_never_reaches_the_terminal(tmp_path: Path) -> None:
    # Once printed raw in tables, CSV, Markdown and the brief.
    data = seed()
    data["indicators"][0]["label"] = "\x1b[2J\x1b[31mJobs"
    data["indicators"][0]["lab\x1bel"] = "an unknown key with an escape in its name"
    data["sources"]["bad\x1b[0m"] = dict(data["sources"]["nap-2026"])
    path = write(tmp_path, toml(data))
    for args in (["scenario", "validate", str(path)], ["--scenario", str(path), "gap"]):
        done, _ = installed(*args)
        assert done.returncode == 2
        assert b"\x1b" not in done.stderr + done.stdout
    result = invoke_cli("scenario", "validate", str(path))
    assert "indicators[0].label: holds a control character (U+001B, escape" in result.stderr
    assert "indicators[0]['lab\\x1bel']: unknown key" in result.stderr
    assert "sources['bad\\x1b[0m']: the key must be an id of letters, digits" in result.stderr


def test_a_tab_in_a_label_is_refused_but_spaces_around_text_are_trimmed(tmp_path: Path) -> None:
    data = seed()
    data["indicators"][0]["label"] = "  Jobs  "
    assert validate.load(write(tmp_path, toml(data))).indicators["jobs"].label == "Jobs"


def test_the_refusal_names_the_character() -> None:
    data = seed()
    data["indicators"][0]["label"] = "Jobs\x1b[31m"
    assert problems_of(data) == [
        "indicators[0].label: holds a control character (U+001B, escape, as in terminal "
        "escape codes) at character 5; text is one line of plain text, without tabs, line "
        "breaks or escape codes"
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("148500", "must be a number, not text: remove the quotes (value = 148500)"),
        (" 1.485e5 ", "must be a number, not text: remove the quotes (value = 1.485e5)"),
        ("lots", "must be a number, not text ('lots')"),
        ("nan", "must be a number, not text ('nan')"),
        (True, "must be a number, not true"),
        (False, "must be a number, not false"),
    ],
)
def test_a_number_of_the_wrong_type_is_one_problem_saying_what_to_write(
    value: Any, problem: str
) -> None:
    # Once two lines per value: "must be a valid integer" and "must be a valid number" (one
    # per branch of int | float), and no hint to remove the quotes.
    data = seed()
    data["indicators"][0]["observations"][2]["value"] = value
    assert problems_of(data) == [f"indicators[0].observations[2].value: {problem}"]


@pytest.mark.slow
def test_a_year_in_quotes_is_one_problem_with_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, SEED_TEXT.replace("\nyear = 2022\n", '\nyear = "2022"\n', 1))
    refused(
        path,
        "indicators[0].observations[0].year: must be a whole number, not text: remove "
        "the quotes (year = 2022)",
    )
    done, _ = installed("scenario", "validate", str(path))
    assert done.returncode == 2
    assert b"(1 problem)" in done.stderr
