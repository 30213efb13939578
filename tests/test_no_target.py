"""Indicators without a published target (issue 12): a scenario indicator may omit ``target``;
``status`` assesses it by Open SDG's no-target method, the other commands leave it out (with a
warning) or refuse it by name unless ``--target ID=VALUE`` gives the value to reach.

The scenario: ``hires`` (100 in 2022, 121 in 2024, target 200 in 2030) and ``applications``
(no target; 1,000 in 2022, 1,100 in 2023, 1,210 in 2024).

Open SDG's no-target method (core/open_sdg.py, "methodology 1"), by hand: P = CAGR 2022-2024
= (1,210 / 1,000) ** (1 / 2) - 1 = 1.21 ** 0.5 - 1 = 1.1 - 1 = 0.10 (10 % a year). P >= 0.015
(the high threshold), so the label is "substantial progress" and the score is
min(500 P - 5, 5) = min(500 * 0.10 - 5, 5) = min(45, 5) = 5.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli, RunInstalled
from helpers import error_lines, write

from offshoring_cli import api
from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import InputError
from offshoring_cli.reports.gap import gap_report
from offshoring_cli.scenario import ScenarioError, fast, validate
from offshoring_cli.scenario.write import to_toml

SCENARIO = """\
scenario_version = 1
name = "hiring"
description = "Hires with a target, applications without one."

[sources.hr]
publisher = "HR"
title = "Hiring report"
date = "2025-01"
url = "https://example.org/hr"

[[indicators]]
id = "hires"
label = "Hires"
unit = "people"
target = { year = 2030, value = 200, series = "hr", source = "hr" }
observations = [
  { year = 2022, value = 100, series = "hr", source = "hr" },
  { year = 2024, value = 121, series = "hr", source = "hr" },
]

[[indicators]]
id = "applications"
label = "Applications"
unit = "people"
observations = [
  { year = 2022, value = 1000, series = "hr", source = "hr" },
  { year = 2023, value = 1100, series = "hr", source = "hr" },
  { year = 2024, value = 1210, series = "hr", source = "hr" },
]
"""

GROWTH = 0.10  # (1,210 / 1,000) ** (1 / 2) - 1, see the module docstring
SCORE = 5.0  # min(500 * 0.10 - 5, 5)
REASON = "no published target: Open SDG's no-target method"
REFUSAL = (
    "applications has no published target; give the value to reach with --target applications=VALUE"
)
# --target applications=2000, target year 2030 (the dataset's other final target year), from
# the 2024 baseline: (2,000 / 1,210) ** (1 / 6) - 1 = 1.652893 ** (1/6) - 1 = 0.087362
REQUIRED_TO_2000 = (2000 / 1210) ** (1 / 6) - 1


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write(tmp_path, SCENARIO)


def _check_no_target_row(row: dict[str, Any]) -> None:
    assert row["metric"] == "applications"
    assert row["series"] == "hr"
    assert (row["since_year"], row["since_value"]) == (2022, 1000)
    assert (row["latest_year"], row["latest"]) == (2024, 1210)
    assert row["open_sdg_progress_value"] == pytest.approx(GROWTH, abs=1e-12)
    assert row["open_sdg_score"] == SCORE
    assert row["open_sdg_label"] == "substantial progress"
    assert row["open_sdg_indicator_score"] == SCORE
    for key in (
        "target",
        "target_year",
        "target_kind",
        "target_source",
        "growth_ratio",
        "progress_score",
        "required_cagr_from_base",
        "required_cagr_from_latest",
    ):
        assert row[key] is None, key
    assert row["assessed"] is False
    assert row["reason"] == REASON
    assert "substantial progress (Open SDG score 5.0000)" in row["verdict"]
    assert "10.00 %/yr growth 2022-2024" in row["verdict"]
    assert REASON in row["verdict"]


def _check_status(document: dict[str, Any]) -> None:
    rows = document["results"]
    assert [r["metric"] for r in rows] == ["hires", "applications"]
    hires = rows[0]
    # hires: the target's figures as usual: actual (121 / 100) ** (1/2) - 1 = 0.10, required
    # (200 / 100) ** (1/8) - 1 = 0.090508, R = 0.10 / 0.090508 = 1.1049
    assert hires["growth_ratio"] == pytest.approx(0.1 / (2 ** (1 / 8) - 1), abs=1e-9)
    _check_no_target_row(rows[1])
    assert any(REASON in note and note.startswith("applications:") for note in document["notes"])
    assert document["inputs"]["metrics"] == ["hires", "applications"]


def test_the_full_path_reads_an_indicator_without_a_target(scenario: Path) -> None:
    dataset = validate.load(str(scenario))
    assert list(dataset.indicators) == ["hires"]
    (applications,) = dataset.untargeted.values()
    assert applications.id == "applications"
    assert [o.value for o in applications.annual()] == [1000, 1100, 1210]
    assert applications.series() == "hr"


def test_other_targets_without_a_target_are_refused(tmp_path: Path) -> None:
    text = SCENARIO + (
        'other_targets = [{ year = 2026, value = 1500, series = "hr", source = "hr" }]\n'
    )
    with pytest.raises(ScenarioError) as raised:
        validate.load(str(write(tmp_path, text)))
    assert any(
        "indicators[1].other_targets: an indicator without a target has no other targets" in p
        for p in raised.value.problems
    )


def test_status_api(scenario: Path) -> None:
    document = api.status(api.load(scenario)).to_document()
    _check_status(document)
    only = api.status(api.load(scenario), metrics=["applications"]).to_document()
    (row,) = only["results"]
    _check_no_target_row(row)


def test_status_json_and_table(run: RunCli, scenario: Path) -> None:
    result = run("--scenario", str(scenario), "status", "--json")
    assert result.exit_code == 0, result.stderr
    _check_status(json.loads(result.stdout))
    assert "left out" not in result.stderr  # status assesses it: nothing is left out
    table = run("--scenario", str(scenario), "status", env={"COLUMNS": "250"})
    assert table.exit_code == 0, table.stderr
    assert "substantial progress (Open SDG score 5.0000)" in table.stdout
    (score_line,) = [line for line in table.stdout.splitlines() if "Open SDG score (-5" in line]
    assert score_line.rstrip("│ ").endswith("5.0000")  # hires 3.6063, applications 5.0000


@pytest.mark.slow
def test_status_json_installed(run_installed: RunInstalled, scenario: Path) -> None:
    done = run_installed("--scenario", str(scenario), "status", "--json")
    assert done.returncode == 0, done.stderr
    _check_status(json.loads(done.stdout))


def test_gap_leaves_it_out_with_a_warning(run: RunCli, scenario: Path) -> None:
    result = run("--scenario", str(scenario), "gap", "--json")
    assert result.exit_code == 0, result.stderr
    assert [r["metric"] for r in json.loads(result.stdout)["results"]] == ["hires"]
    assert "applications has no published target and is left out" in result.stderr
    assert "--target applications=VALUE" in result.stderr


def test_gap_refuses_it_by_name(run: RunCli, scenario: Path) -> None:
    result = run("--scenario", str(scenario), "gap", "-m", "applications")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert error_lines(result.stderr) == [f"Error: {REFUSAL}"]
    with pytest.raises(InputError, match="applications has no published target"):
        gap_report(Options(metrics=("applications",), dataset=validate.load(str(scenario))))


@pytest.mark.slow
def test_gap_refuses_it_by_name_installed(run_installed: RunInstalled, scenario: Path) -> None:
    done = run_installed("--scenario", str(scenario), "gap", "-m", "applications")
    assert done.returncode == 2
    assert done.stdout == ""
    assert error_lines(done.stderr) == [f"Error: {REFUSAL}"]


def _check_with_target(row: dict[str, Any]) -> None:
    assert row["metric"] == "applications"
    assert (row["base_year"], row["baseline"]) == (2024, 1210)
    assert (row["target_year"], row["target"]) == (2030, 2000)
    assert row["required_cagr"] == pytest.approx(REQUIRED_TO_2000, abs=1e-12)


def test_a_target_given_makes_it_an_ordinary_indicator(run: RunCli, scenario: Path) -> None:
    dataset = validate.load(str(scenario))
    (row,) = api.gap(dataset, metrics=["applications"], targets={"applications": 2000}).rows
    _check_with_target(dict(row))
    result = run(
        "--scenario", str(scenario), "gap", "-m", "applications", "--target", "applications=2000"
    )
    assert result.exit_code == 0, result.stderr
    json_result = run(
        "--scenario",
        str(scenario),
        "gap",
        "--json",
        "-m",
        "applications",
        "--target",
        "applications=2000",
    )
    (row,) = json.loads(json_result.stdout)["results"]
    _check_with_target(row)
    # status assesses it against the value given (R from 2022: 0.10 / required 2022-2030
    # (2,000 / 1,000) ** (1/8) - 1 = 0.090508 -> R = 1.1049), not by the no-target method
    status = run("--scenario", str(scenario), "status", "--json", "--target", "applications=2000")
    rows = json.loads(status.stdout)["results"]
    (applications,) = [r for r in rows if r["metric"] == "applications"]
    assert applications["target"] == 2000
    assert applications["growth_ratio"] == pytest.approx(0.1 / (2 ** (1 / 8) - 1), abs=1e-9)


@pytest.mark.slow
def test_a_target_given_installed(run_installed: RunInstalled, scenario: Path) -> None:
    done = run_installed(
        "--scenario",
        str(scenario),
        "gap",
        "--json",
        "-m",
        "applications",
        "--target",
        "applications=2000",
    )
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["results"]
    _check_with_target(row)


@pytest.mark.parametrize(
    "command",
    [["cagr"], ["trajectory"], ["project", "--growth", "5%"], ["sensitivity"], ["report"]],
)
def test_the_other_commands_leave_it_out_or_refuse_it(
    run: RunCli, scenario: Path, command: list[str]
) -> None:
    left_out = run("--scenario", str(scenario), *command)
    assert left_out.exit_code == 0, left_out.stderr
    assert "applications has no published target and is left out" in left_out.stderr
    assert "Applications" not in left_out.stdout and "hires" in left_out.stdout.lower()
    refused = run("--scenario", str(scenario), *command, "-m", "applications")
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert error_lines(refused.stderr) == [f"Error: {REFUSAL}"]
    given = run(
        "--scenario", str(scenario), *command, "-m", "applications", "--target", "applications=2000"
    )
    assert given.exit_code == 0, given.stderr
    assert "2,000" in given.stdout


def test_the_fast_path_reads_it_as_the_full_path_does(scenario: Path) -> None:
    data = tomllib.loads(SCENARIO)
    full, problems = validate.full_check(data)
    assert full is not None and not problems
    assert fast.dataset(data) == full
    assert list(full.untargeted) == ["applications"]


def test_the_writer_keeps_it(scenario: Path, tmp_path: Path) -> None:
    dataset = validate.load(str(scenario))
    text = to_toml(dataset)
    assert "No published target" in text
    assert validate.load(str(write(tmp_path, text, "again.toml"))) == dataset


def test_an_indicator_without_a_target_needs_a_whole_year(tmp_path: Path) -> None:
    text = SCENARIO.replace(
        '  { year = 2022, value = 1000, series = "hr", source = "hr" },\n'
        '  { year = 2023, value = 1100, series = "hr", source = "hr" },\n'
        '  { year = 2024, value = 1210, series = "hr", source = "hr" },\n',
        '  { year = 2024, period = "H1", value = 600, series = "hr", source = "hr" },\n',
    )
    with pytest.raises(ScenarioError) as raised:
        validate.load(str(write(tmp_path, text)))
    assert any(
        "indicators[1].observations: an indicator without a target needs a whole-year" in p
        for p in raised.value.problems
    )


def test_scenario_show_and_validate_list_it(run: RunCli, scenario: Path) -> None:
    checked = run("scenario", "validate", str(scenario))
    assert checked.exit_code == 0, checked.stderr
    assert "2 indicators, 5 observations, 1 source" in checked.stdout
    shown = run("scenario", "show", str(scenario), "--json")
    rows = json.loads(shown.stdout)["results"]
    assert [(r["metric"], r["target"], r["target_year"]) for r in rows] == [
        ("hires", 200, 2030),
        ("applications", None, None),
    ]


def test_segments_and_insights_need_an_indicator_with_a_target(tmp_path: Path) -> None:
    text = SCENARIO + (
        '\n[[insights]]\nkind = "ratio"\nnumerator = "hires"\ndenominator = "applications"\n'
    )
    with pytest.raises(ScenarioError) as raised:
        validate.load(str(write(tmp_path, text)))
    assert any(
        p.startswith("insights[0].denominator: applications has no target")
        for p in raised.value.problems
    ), raised.value.problems


def test_the_workbook_leaves_it_out_or_refuses_it(
    run: RunCli, scenario: Path, tmp_path: Path
) -> None:
    book = tmp_path / "book.xlsx"
    left_out = run("--scenario", str(scenario), "workbook", "-o", str(book))
    assert left_out.exit_code == 0, left_out.stderr
    assert "applications has no published target and is left out" in left_out.stderr
    other = tmp_path / "other.xlsx"
    refused = run("--scenario", str(scenario), "workbook", "-m", "applications", "-o", str(other))
    assert refused.exit_code == 2
    assert error_lines(refused.stderr) == [
        "Error: applications has no published target, and the workbook needs one; 'status' "
        "assesses it by Open SDG's no-target method"
    ]
    assert not other.exists()


def test_the_chart_leaves_it_out_or_refuses_it(run: RunCli, scenario: Path) -> None:
    left_out = run("--scenario", str(scenario), "chart")
    assert left_out.exit_code == 0, left_out.stderr
    assert "applications has no published target and is left out" in left_out.stderr
    refused = run("--scenario", str(scenario), "chart", "-m", "applications")
    assert refused.exit_code == 2
    assert error_lines(refused.stderr) == [f"Error: {REFUSAL}"]
    given = run(
        "--scenario", str(scenario), "chart", "-m", "applications", "--target", "applications=2000"
    )
    assert given.exit_code == 0, given.stderr


def test_the_verdict_in_french(run: RunCli, scenario: Path) -> None:
    result = run(
        "--scenario",
        str(scenario),
        "--lang",
        "fr",
        "status",
        "-m",
        "applications",
        env={"COLUMNS": "400"},
    )
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "applications : progrès substantiel (score Open SDG 5,0000)" in text
    assert "croissance de 10,00 %/an 2022-2024" in text


# --- found by a new user: a file with no target at all, and the yearly diff ---------------------

ONLY_UNTARGETED = (
    SCENARIO[: SCENARIO.index("[[indicators]]")]
    + SCENARIO[SCENARIO.index('[[indicators]]\nid = "applications"') :]
)


def test_a_file_whose_indicators_all_lack_a_target(tmp_path: Path, run: RunCli) -> None:
    # Once: every command failed with exit 1 (max() of no observation in the provenance).
    path = str(write(tmp_path, ONLY_UNTARGETED))
    status = run("--scenario", path, "status", "--json")
    assert status.exit_code == 0, status.stderr
    row = json.loads(status.stdout)["results"][0]
    # (1210 / 1000) ** (1 / 2) - 1 = 0.10 >= 0.015: substantial progress, score 5
    assert row["open_sdg_label"] == "substantial progress" and row["open_sdg_score"] == 5
    assert json.loads(status.stdout)["provenance"]["latest_figure"] == "2024"
    for command in (["gap"], ["cagr", "--json"], ["report"]):
        refused = run("--scenario", path, *command)
        assert refused.exit_code == 2, (command, refused.stderr)
        assert error_lines(refused.stderr)[-1].startswith(
            "Error: no indicator of the dataset 'hiring' has a published target (applications)"
        )
    given = run(
        "--scenario",
        path,
        "gap",
        "--target",
        "applications=2000",
        "--target-year",
        "2030",
        "--json",
    )
    assert given.exit_code == 0, given.stderr
    # (2000 / 1210) ** (1 / 6) - 1: ln(1.652893) = 0.502527, / 6 = 0.083755, exp - 1 = 0.087362
    assert json.loads(given.stdout)["results"][0]["required_cagr"] == pytest.approx(
        0.087362, abs=1e-6
    )


def test_scenario_diff_sees_an_indicator_without_a_target(tmp_path: Path) -> None:
    from offshoring_cli.reports.scenario_diff import diff_report

    old = validate.load(write(tmp_path, SCENARIO, "old.toml"))
    revised = SCENARIO.replace("value = 1210", "value = 900")
    assert revised != SCENARIO
    new = validate.load(write(tmp_path, revised, "new.toml"))
    rows = diff_report(old, new, "old", "new").records()
    assert [(r["metric"], r["item"], r["old"], r["new"]) for r in rows] == [
        ("applications", "hr.2024.value", 1210, 900)
    ]


def test_since_says_it_does_not_apply_to_an_indicator_without_a_target(
    tmp_path: Path, run: RunCli
) -> None:
    # Found by a new user: --since 2023 was silently ignored for such a row
    path = str(write(tmp_path, SCENARIO))
    result = run("--scenario", path, "status", "-m", "applications", "--since", "2023", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["results"][0]["since_year"] == 2022
    assert (
        "applications: the assessment base year 2023 does not apply (no published target): "
        "its growth runs over its whole-year figures, 2022-2024."
    ) in document["notes"]
