"""``offshoring trajectory``, ``project`` and ``sensitivity``: the paths to the target, projections
at a growth rate or increment, the sensitivity grid, and what they show before the base year
or with a single observation.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli
from helpers import JOBS_REQUIRED_2024, only_row, proc_json, result_json, rows_by_metric


def test_trajectory_jobs_milestones(run: RunCli) -> None:
    rows = {r["year"]: r for r in result_json(run("trajectory", "-m", "jobs", "--json"))["results"]}
    assert sorted(rows) == list(range(2022, 2031))
    assert rows[2022]["observed"] == 130_000 and rows[2022]["compound_path"] is None
    assert rows[2023]["observed"] == 141_000  # end of 2023 (dayfr-2024)
    # compound 2027: 148,500 * 1.104773 ** 3 = 148,500 * 1.348395 = 200,236.6
    assert round(rows[2027]["compound_path"]) == 200_237
    # linear 2027: 148,500 + 3 * 20,250 = 209,250 (exact)
    assert rows[2027]["linear_path"] == 209_250
    # the paths end on the target: compound to within float rounding, linear exactly
    assert rows[2030]["compound_path"] == pytest.approx(270_000, rel=1e-12)
    assert rows[2030]["linear_path"] == 270_000
    # at the actual pace: 148,500 * 1.068788 ** 6 = 221,348
    assert round(rows[2030]["actual_pace_path"]) == 221_348


def test_trajectory_csv_is_one_row_per_year(run: RunCli) -> None:
    result = run("trajectory", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # jobs 2022..2030 (9 years) + exports 2023..2030 (8 years)
    assert len(rows) == 9 + 8
    assert rows[0]["year"] == "2022" and rows[0]["observed"] == "130000"


# --- project ---------------------------------------------------------------------------------


def test_project_compound_growth(run: RunCli) -> None:
    rows = rows_by_metric(result_json(run("project", "--growth", "8%", "--json")))
    # jobs: 148,500 * 1.08 ** 6 = 148,500 * 1.586874 = 235,651
    assert round(rows["jobs"]["value_at_target_year"]) == 235_651
    # ln(1.818182) / ln(1.08) = 0.597837 / 0.076961 = 7.77 -> 8 years -> 2032
    assert rows["jobs"]["target_reached_year"] == 2032
    # exports: 26.22 * 1.586874 = 41.608 bn >= 40 bn -> reached by 2030
    assert rows["exports"]["value_at_target_year"] == pytest.approx(41.60784e9, rel=1e-6)
    assert rows["exports"]["target_reached_year"] == 2030


def test_project_fraction_and_percent_agree(run: RunCli) -> None:
    by_percent = result_json(run("project", "--growth", "8%", "--json"))["results"]
    by_fraction = result_json(run("project", "--growth", "0.08", "--json"))["results"]
    assert by_percent == by_fraction


def test_project_linear_increment_and_until(run: RunCli) -> None:
    args = ("project", "--increment", "15k", "-m", "jobs", "--until", "2035", "--json")
    row = result_json(run(*args))["results"][0]
    # 148,500 + 11 * 15,000 = 313,500 in 2035; 148,500 + 6 * 15,000 = 238,500 in 2030
    assert row["value_at_until_year"] == 313_500
    assert row["value_at_target_year"] == 238_500
    # ceil(121,500 / 15,000) = ceil(8.1) = 9 -> 2033
    assert row["target_reached_year"] == 2033


def test_project_below_zero_is_shown_with_a_warning(run: RunCli) -> None:
    result = run("project", "--increment", "-50k", "-m", "jobs", "--json")
    assert result.exit_code == 0
    # 148,500 - 6 * 50,000 = -151,500: shown as computed, with a warning on stderr
    assert json.loads(result.stdout)["results"][0]["value_at_target_year"] == -151_500
    assert "falls below zero" in result.stderr


def test_project_never_reached_at_zero_growth(run: RunCli) -> None:
    row = result_json(run("project", "--growth", "0%", "-m", "jobs", "--json"))["results"][0]
    assert row["target_reached_year"] is None
    table = run("project", "--growth", "0%", "-m", "jobs")
    assert "not reached" in table.stdout


# --- sensitivity -----------------------------------------------------------------------------


def test_sensitivity_grid(run: RunCli) -> None:
    rows = result_json(run("sensitivity", "-m", "jobs", "--json"))["results"]
    by_year = {r["target_year"]: r for r in rows}
    assert sorted(by_year) == list(range(2028, 2036))
    assert by_year[2030]["required_cagr_target_as_set"] == pytest.approx(JOBS_REQUIRED_2024)
    # 2033, target +10 %: (297,000 / 148,500) ** (1/9) - 1 = 2 ** (1/9) - 1 = 0.080060
    assert by_year[2033]["required_cagr_target_plus_10pct"] == pytest.approx(
        2 ** (1 / 9) - 1, rel=1e-12
    )
    # 2028, target -20 %: (216,000 / 148,500) ** (1/4) - 1 = 1.454545 ** 0.25 - 1 = 0.098201
    assert by_year[2028]["required_cagr_target_minus_20pct"] == pytest.approx(0.098201, abs=5e-7)


def test_sensitivity_custom_years_and_changes(run: RunCli) -> None:
    args = ("sensitivity", "-m", "exports", "--years", "2030,2035", "--changes=-10%,0", "--json")
    rows = result_json(run(*args))["results"]
    assert [r["target_year"] for r in rows] == [2030, 2035]
    # 2035, target -10 % = 36 bn: (36 / 26.22) ** (1/11) - 1 = 1.372998 ** (1/11) - 1 = 0.029237
    assert rows[1]["required_cagr_target_minus_10pct"] == pytest.approx(0.029237, abs=5e-7)
    assert set(rows[0]) >= {"required_cagr_target_minus_10pct", "required_cagr_target_as_set"}


@pytest.mark.slow
def test_installed_trajectory_of_a_single_observation_reads_n_a(
    run_installed: Any, edges: Path
) -> None:
    args = ("--scenario", str(edges), "trajectory", "--metric", "single", "-f", "markdown")
    proc = run_installed(*args)
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stdout.splitlines() if x.startswith("| single |")]
    assert len(lines) == 7  # 2024 to 2030
    assert all(x.rstrip().endswith("| n/a |") for x in lines), lines
    document = proc_json(run_installed(*args[:-2], "--json"))
    assert all(r["reason"] and r["actual_pace_path"] is None for r in document["results"])


@pytest.mark.slow
def test_installed_trajectory_before_the_base_year_stays_blank(run_installed: Any) -> None:
    # jobs has history (2022, 2023): before the base year 2024 no path exists, which is not
    # "n/a"; 2023 shows its observation (141,000) and nothing else.
    proc = run_installed("trajectory", "--metric", "jobs", "-f", "markdown")
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("| jobs | 2023 |"))
    assert line.replace(" ", "") == "|jobs|2023|141,000jobs||||"
    row = only_row(
        proc_json(run_installed("trajectory", "--metric", "jobs", "--json")), "jobs", year=2023
    )
    assert row["reason"] is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("growth", "value", "shortfall"),
    [
        ("-5%", 90 * 0.95**6, 90 * 0.95**6 - 50),  # 66.158: short by +16.158
        ("-12%", 90 * 0.88**6, 90 * 0.88**6 - 50),  # 41.796: beyond by -8.204
    ],
)
def test_installed_project_of_a_decrease(
    run_installed: Any, edges: Path, growth: str, value: float, shortfall: float
) -> None:
    args = ("--scenario", str(edges), "project", "-m", "falling", "--growth", growth, "--json")
    row = only_row(proc_json(run_installed(*args)), "falling")
    assert row["value_at_target_year"] == pytest.approx(value)
    assert row["gap_at_target_year"] == pytest.approx(shortfall)


def test_sensitivity_keeps_changes_apart(run: Any) -> None:
    result = run(
        "sensitivity",
        "-m",
        "jobs",
        "--years",
        "2030",
        "--changes",
        "0.1234567891,0.1234567892",
        "--json",
    )
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)["results"][0]
    assert "required_cagr_target_plus_12_34567891pct" in row
    assert "required_cagr_target_plus_12_34567892pct" in row
    tiny = run(
        "sensitivity", "-m", "jobs", "--years", "2030", "--changes", "0.0000001%,0", "--json"
    )
    row = json.loads(tiny.stdout)["results"][0]
    # 0.0000001 % = 1e-9: its own column next to the target as set
    assert "required_cagr_target_plus_0_0000001pct" in row
    assert "required_cagr_target_as_set" in row


def test_sensitivity_refuses_changes_that_read_the_same(run: Any) -> None:
    result = run(
        "sensitivity",
        "-m",
        "jobs",
        "--years",
        "2030",
        "--changes",
        "0.12345678912345,0.12345678912346",
    )
    assert result.exit_code == 2
    assert 'both read "Target +12.3456789123 %" (12 significant digits)' in result.stderr
