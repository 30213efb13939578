"""Fresh-user round 2 (notes/tester2.md): each finding's failing input, kept as a test."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


# Item 1: a single-valued option given twice with different values is refused, one mechanism.
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (
            ["gap", "--jobs-baseline", "150k", "--jobs-baseline", "160k", "-m", "jobs"],
            "--jobs-baseline",
        ),
        (["gap", "--exports-target", "40bn", "--exports-target", "50bn"], "--exports-target"),
        (["project", "--growth", "8%", "--growth", "9%", "-m", "jobs"], "--growth"),
        (["gap", "--target-year", "2030", "--target-year", "2035"], "--target-year"),
        (["gap", "--base-year", "2022", "--base-year", "2024"], "--base-year"),
        (["status", "--since", "2022", "--since", "2024"], "--since"),
        (["gap", "-f", "csv", "--format", "json"], "--format"),
        (["--scenario", "a.toml", "--scenario", "b.toml", "gap"], "--scenario"),
    ],
)
def test_repeated_option_with_different_values_is_refused(
    run_installed: Any, args: list[str], option: str
) -> None:
    done = run_installed(*args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = _error_lines(done.stderr)
    assert option in line and "disagree" in line and "only once" in line
    assert "Usage: offshoring" in done.stderr


def test_repeated_option_with_the_same_value_is_one_value(run_installed: Any) -> None:
    # 150k twice = 150,000; gap to 270,000 = 120,000
    done = run_installed(
        "gap", "--jobs-baseline", "150k", "--jobs-baseline", "150k", "-m", "jobs", "-f", "csv"
    )
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert row["baseline"] == "150000" and row["gap"] == "120000"
    # 8% and 0.08 are the same rate once read
    done = run_installed("project", "--growth", "8%", "--growth", "0.08", "-m", "jobs", "--json")
    assert done.returncode == 0, done.stderr


def test_repeated_option_in_process(run: Any) -> None:
    result = run("status", "--since", "2022", "--since", "2023")
    assert result.exit_code == 2
    assert "--since 2022 and --since 2023 disagree" in result.stderr


# Item 8: an option missing its value gets the usage line and the Try hint.
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["gap", "--jobs-baseline"], "--jobs-baseline"),
        (["gap", "-m"], "-m"),
        (["--scenario"], "--scenario"),
    ],
)
def test_missing_argument_has_usage_hint(run_installed: Any, args: list[str], option: str) -> None:
    done = run_installed(*args)
    assert done.returncode == 2
    assert "Usage: offshoring" in done.stderr and "Try 'offshoring" in done.stderr
    (line,) = _error_lines(done.stderr)
    assert f"Option '{option}' requires an argument." in line


# Item 14: a mistyped command gets the closest command's name.
@pytest.mark.parametrize(
    ("typed", "meant"), [("gapp", "gap"), ("stauts", "status"), ("GAP", "gap")]
)
def test_mistyped_command_gets_a_suggestion(run_installed: Any, typed: str, meant: str) -> None:
    done = run_installed(typed)
    assert done.returncode == 2
    (line,) = _error_lines(done.stderr)
    assert line == f"Error: No such command '{typed}'. Did you mean '{meant}'?"


def test_unknown_command_without_close_match(run_installed: Any) -> None:
    done = run_installed("zzzzzz")
    assert done.returncode == 2
    assert _error_lines(done.stderr) == ["Error: No such command 'zzzzzz'."]


# Item 13: --increment needs no --metric when the dataset has one indicator.
HIRES = Path(__file__).parent / "data" / "hires.toml"


def test_increment_with_one_indicator_needs_no_metric(run_installed: Any) -> None:
    done = run_installed("--scenario", str(HIRES), "project", "--increment", "100", "-f", "csv")
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    # 2024 baseline 1,100 + 6 years * 100 = 1,700 in 2030; short of 2,000 by 300;
    # 300 / 100 = 3 more years: reached in 2033
    assert row["metric"] == "hires" and row["value_at_target_year"] == "1700"
    assert row["gap_at_target_year"] == "300" and row["target_reached_year"] == "2033"


def test_increment_with_one_indicator_api() -> None:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports.project import project_report
    from offshoring_cli.scenario.validate import load

    (row,) = project_report(Options(dataset=load(str(HIRES))), increment=100).rows
    assert row["value_at_target_year"] == 1700 and row["target_reached_year"] == 2033


def test_increment_with_several_indicators_still_needs_metric(run_installed: Any) -> None:
    done = run_installed("project", "--increment", "15k")
    assert done.returncode == 2
    (line,) = _error_lines(done.stderr)
    assert "--metric jobs" in line


# Item 16: --base-year cuts the history; the "not assessed" reason says how to assess (session
# 4: by leaving out --base-year, which every assessing command takes, not --since, which
# report and chart do not).
def test_base_year_not_assessed_points_to_since(run_installed: Any) -> None:
    done = run_installed("status", "--base-year", "2022", "--metric", "jobs", "--json")
    assert done.returncode == 0, done.stderr
    row, interim = json.loads(done.stdout)["results"]  # the final target, then 2026's
    assert (row["target_year"], interim["target_year"]) == (2030, 2026)
    assert row["assessed"] is False
    assert "only one whole-year observation" in row["reason"]
    assert "to assess from 2022 to 2024, leave out --base-year" in row["reason"]
    # and without --base-year, 2022-2024 is assessed: R = 0.068788 / 0.095664 = 0.7191
    done = run_installed("status", "--metric", "jobs", "--json")
    row = json.loads(done.stdout)["results"][0]
    assert row["assessed"] is True and round(row["growth_ratio"], 4) == 0.7191


def test_base_year_not_assessed_api() -> None:
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.reports.status import status_report

    row = status_report(Options(metrics=("jobs",), base_year=2022)).rows[0]  # 2030's
    assert "leave out --base-year (or give --base-year 2024)" in str(row["reason"])
    # at the latest year, nothing later to point to: no hint
    (row,) = status_report(Options(metrics=("jobs",), base_year=2024, target_year=2030)).rows
    assert "--base-year" not in str(row.get("reason") or "")


# Item 10: --explain only where a formula is computed; scenario show no longer takes it.
@pytest.mark.parametrize(
    "command", [["chart"], ["report"], ["schema", "gap"], ["scenario", "show"]]
)
def test_explain_is_refused_where_nothing_is_computed(
    run_installed: Any, command: list[str]
) -> None:
    done = run_installed(*command, "--explain")
    assert done.returncode == 2
    assert _error_lines(done.stderr) == ["Error: No such option '--explain'."]


def test_explain_taken_by_the_computing_commands(run_installed: Any) -> None:
    done = run_installed("gap", "-m", "jobs", "--explain", "--json")
    # jobs: linear increment = 121,500 / 6 = 20,250
    assert any("121,500 / 6 = 20,250" in line for line in json.loads(done.stdout)["explanation"])


# Item 6: an id that is not an id is refused in words, not with a regular expression.
def test_invalid_ids_are_refused_in_words(run_installed: Any, tmp_path: Path) -> None:
    text = HIRES.read_text(encoding="utf-8")
    text = text.replace('id = "hires"', 'id = "Hires-1"').replace(
        "[sources.survey-2025]", '[sources."survey 2025"]'
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    done = run_installed("scenario", "validate", str(path))
    assert done.returncode == 2
    assert "pattern" not in done.stderr and "^[" not in done.stderr
    assert (
        "indicators[0].id: must be an id of lowercase letters, digits and _, starting with a "
        "letter (e.g. hires_2025)" in done.stderr
    )
    assert (
        "sources['survey 2025']: the key must be an id of letters, digits, _, . and -, "
        "starting with a letter or a digit (e.g. survey-2025)" in done.stderr
    )


def test_ids_on_the_command_line_are_case_insensitive(run_installed: Any) -> None:
    # --baseline JOBS=150k is jobs: 270,000 - 150,000 = 120,000
    done = run_installed("gap", "-m", "Jobs", "--baseline", "JOBS=150k", "-f", "csv")
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert row["gap"] == "120000"


# Item 9: one rule for sensitivity's lists: a change or a year given twice is refused, whether
# typed the same (2030,2030) or differently (10% and 0.1 are both +10 %; 0% and -0% both 0).
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--changes", "10%,0.1"], '--changes: the change "Target +10 %" is given twice'),
        (["--changes", "0%,-0%"], '--changes: the change "Target as set" is given twice'),
        (["--years", "2030,2030"], "'2030,2030': 2030 is given twice; give each year once."),
    ],
)
def test_sensitivity_refuses_a_change_or_year_given_twice(
    run_installed: Any, args: list[str], expected: str
) -> None:
    done = run_installed("sensitivity", "-m", "jobs", *args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = _error_lines(done.stderr)
    assert expected in line


def test_sensitivity_refuses_a_change_given_twice_api() -> None:
    from offshoring_cli.core.grammar import parse_years
    from offshoring_cli.core.resolve import Options
    from offshoring_cli.errors import InputError
    from offshoring_cli.reports.sensitivity import sensitivity_report

    with pytest.raises(InputError) as caught:
        sensitivity_report(Options(metrics=("jobs",)), (2030,), (0.1, 0.1))
    assert caught.value.field == "changes"
    with pytest.raises(ValueError, match="2031 is given twice"):
        parse_years("2030, 2031 ,2031")
    assert parse_years("2035,2030") == (2030, 2035)  # sorted, each once
