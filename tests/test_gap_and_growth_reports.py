"""``offshoring gap`` and ``offshoring cagr``: the headline figures, overrides, base years, a
target already met and actual growth, in JSON, CSV, Markdown and the table, in process and
through the installed command.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from helpers import SOURCE_URL, by_metric, only_row, parse_json, proc_json


@pytest.mark.slow
def test_headline_figures_are_unchanged(run_installed: Any) -> None:
    # jobs 2022 -> 2024 -> 2030: R 0.7191, Q 0.6525, reached 2033 (README).
    document = proc_json(run_installed("status", "--json", "--metric", "jobs"))
    jobs = only_row(document, "jobs", target_year=2030)  # the final target (2026's follows)
    assert round(jobs["growth_ratio"], 4) == 0.7191
    assert round(jobs["progress_score"], 4) == 0.6525
    assert jobs["target_reached_year"] == 2033
    assert jobs["reason"] is None
    # 270,000 - 221,348.08 = 48,651.92 jobs short (an increase wanted: target - projected).
    assert round(jobs["shortfall_at_target_year"]) == 48_652


@pytest.mark.slow
def test_installed_cagr_of_a_target_already_met(run_installed: Any) -> None:
    args = ("cagr", "--jobs-target", "120k", "--metric", "jobs", "--json")
    row = only_row(proc_json(run_installed(*args)), "jobs")
    assert row["actual_to_required_cagr"] is None and "already met" in row["reason"]
    assert row["actual_cagr"] == pytest.approx(0.068788, abs=5e-7)  # still given


@pytest.mark.parametrize("flags", [["--json"], ["--format", "json"], ["-f", "JSON"]])
def test_gap_json_figures(run: Any, flags: list[str]) -> None:
    document = parse_json(run("gap", *flags))
    assert document["schema_version"] == 1
    assert document["command"] == "gap"
    assert document["inputs"] == {
        "dataset": "morocco-offshoring",
        "metrics": ["jobs", "exports"],
        "base_year": None,
        "target_year": None,
        "overrides": {},
    }
    rows = by_metric(document)
    assert list(rows) == ["jobs", "exports"]

    jobs = rows["jobs"]
    assert (jobs["base_year"], jobs["baseline"], jobs["target_year"], jobs["target"]) == (
        2024,
        148_500,
        2030,
        270_000,
    )
    assert jobs["periods"] == 6
    assert jobs["gap"] == 121_500  # 270000 - 148500
    assert jobs["linear_increment_per_year"] == 20_250  # 121500 / 6
    assert type(jobs["linear_increment_per_year"]) is int
    assert jobs["required_cagr"] == pytest.approx(0.104773, abs=SIX_DECIMALS)
    assert jobs["already_met"] is False
    assert jobs["unit"] == "jobs"
    assert jobs["baseline_source"] == jobs["target_source"] == "nap-2026"

    exports = rows["exports"]
    assert exports["unit"] == "MAD"
    assert exports["baseline"] == 26_220_000_000
    assert exports["target"] == 40_000_000_000
    assert exports["periods"] == 6
    assert type(exports["gap"]) is int  # no 13780000000.000002
    assert exports["gap"] == 13_780_000_000
    assert exports["required_cagr"] == pytest.approx(0.072930, abs=SIX_DECIMALS)
    # 13.78e9 / 6 = 2,296,666,666.67
    assert exports["linear_increment_per_year"] == pytest.approx(2_296_666_666.67, abs=0.01)

    assert document["sources"]["nap-2026"]["url"] == SOURCE_URL


def test_gap_json_has_no_nan_or_infinity_text(run: Any) -> None:
    text = run("gap", "--json").stdout
    for word in ("NaN", "Infinity"):
        assert word not in text


def test_gap_json_override(run: Any) -> None:
    result = run(
        "gap",
        "--jobs-baseline",
        "100",
        "--jobs-target",
        "200",
        "--base-year",
        "2020",
        "--target-year",
        "2030",
        "--metric",
        "jobs",
        "--json",
    )
    document = parse_json(result)
    assert document["inputs"] == {
        "dataset": "morocco-offshoring",
        "metrics": ["jobs"],
        "base_year": 2020,
        "target_year": 2030,
        "overrides": {"jobs_baseline": 100, "jobs_target": 200},
    }
    (jobs,) = document["results"]
    assert jobs["periods"] == 10
    assert jobs["gap"] == 100
    assert jobs["linear_increment_per_year"] == 10
    # 2 ** (1/10) - 1 = 0.071773
    assert jobs["required_cagr"] == pytest.approx(0.071773, abs=SIX_DECIMALS)
    assert jobs["baseline_source"] == jobs["target_source"] == "override"
    assert "override" in document["sources"]
    assert any(n.startswith("jobs: baseline given on the command line") for n in document["notes"])
    assert any(n.startswith("jobs: target given on the command line") for n in document["notes"])
    # 100 is at least 1,000 times smaller than 148,500: a warning on stderr, JSON still clean
    assert "Warning:" in result.stderr


def test_gap_base_year_2022_jobs(run: Any) -> None:
    document = parse_json(run("gap", "--base-year", "2022", "--metric", "jobs", "--json"))
    (jobs,) = document["results"]
    assert jobs["base_year"] == 2022
    assert jobs["baseline"] == 130_000  # 148,500 - 18,500
    assert jobs["periods"] == 8
    assert jobs["gap"] == 140_000
    assert jobs["linear_increment_per_year"] == 17_500  # 140000 / 8


def test_metric_order_and_duplicates(run: Any) -> None:
    document = parse_json(run("gap", "-m", "exports", "-m", "JOBS", "-m", "exports", "--json"))
    assert [r["metric"] for r in document["results"]] == ["exports", "jobs"]
    assert document["inputs"]["metrics"] == ["exports", "jobs"]


def test_already_met_target(run: Any) -> None:
    document = parse_json(run("gap", "-m", "jobs", "--jobs-target", "100k", "--json"))
    (jobs,) = document["results"]
    assert jobs["already_met"] is True
    assert jobs["gap"] == -48_500
    assert jobs["required_cagr"] < 0


# ---------------------------------------------------------------------------------------------
# cagr: JSON


def test_cagr_json_figures(run: Any) -> None:
    document = parse_json(run("cagr", "--json"))
    assert document["command"] == "cagr"
    rows = by_metric(document)

    jobs = rows["jobs"]
    # (148500 / 130000) ** (1/2) - 1 = 0.068788
    assert jobs["actual_cagr"] == pytest.approx(0.068788, abs=SIX_DECIMALS)
    assert jobs["actual_start_year"] == 2022
    assert jobs["actual_start"] == 130_000
    assert jobs["actual_periods"] == 2
    assert jobs["actual_linear_pace_per_year"] == 9_250  # 18500 / 2
    assert jobs["required_linear_pace_per_year"] == 20_250  # 121500 / 6
    assert jobs["required_cagr"] == pytest.approx(0.104773, abs=SIX_DECIMALS)
    # 0.068788 / 0.104773 = 0.656545
    assert jobs["actual_to_required_cagr"] == pytest.approx(0.656545, abs=1e-6)

    exports = rows["exports"]
    assert exports["required_cagr"] == pytest.approx(0.072930, abs=SIX_DECIMALS)
    assert exports["required_linear_pace_per_year"] == pytest.approx(2_296_666_666.67, abs=0.01)
    # Actual exports growth runs from the 2023 figure of the same series (26.17 bn MAD,
    # Office des Changes via Hespress) to the 2024 baseline (26.22 bn MAD):
    # 26.22 / 26.17 = 1.001911 over 1 year -> 0.001911; linear pace 26.22bn - 26.17bn = 50 M MAD.
    assert exports["actual_start_year"] == 2023
    assert exports["actual_start"] == 26_170_000_000
    assert exports["actual_periods"] == 1
    assert exports["actual_cagr"] == pytest.approx(0.001911, abs=SIX_DECIMALS)
    assert exports["actual_linear_pace_per_year"] == 50_000_000
    # 0.001911 / 0.072930 = 0.026198
    assert exports["actual_to_required_cagr"] == pytest.approx(0.026198, abs=1e-6)


ACTUAL_KEYS = (
    "actual_start_year",
    "actual_start",
    "actual_periods",
    "actual_cagr",
    "actual_linear_pace_per_year",
    "actual_to_required_cagr",
)


def test_cagr_without_history_gives_none(run: Any) -> None:
    # No exports observation before 2018 in any series: the actual fields are all null.
    document = parse_json(
        run("cagr", "-m", "exports", "--base-year", "2018", "--exports-baseline", "10bn", "--json")
    )
    (exports,) = document["results"]
    for key in ACTUAL_KEYS:
        assert exports[key] is None, key
    assert exports["required_cagr"] == pytest.approx(
        (40 / 10) ** (1 / 12) - 1, rel=1e-12
    )  # 4 ** (1/12) - 1 = 0.122462
    assert exports["required_cagr"] == pytest.approx(0.122462, abs=SIX_DECIMALS)
    assert any(
        n.startswith("exports: ") and "no actual growth can be computed" in n
        for n in document["notes"]
    )


def test_gap_csv_values(run: Any) -> None:
    records = {r["metric"]: r for r in csv.DictReader(io.StringIO(run("gap", "-f", "csv").stdout))}
    assert records["jobs"]["gap"] == "121500"
    assert records["jobs"]["linear_increment_per_year"] == "20250"
    assert float(records["jobs"]["required_cagr"]) == pytest.approx(0.104773, abs=SIX_DECIMALS)
    assert records["jobs"]["already_met"] == "false"
    assert records["exports"]["gap"] == "13780000000"
    assert records["exports"]["baseline"] == "26220000000"
    assert float(records["exports"]["required_cagr"]) == pytest.approx(0.072930, abs=SIX_DECIMALS)


def test_cagr_csv_none_is_empty(run: Any) -> None:
    records = {r["metric"]: r for r in csv.DictReader(io.StringIO(run("cagr", "-f", "csv").stdout))}
    assert records["jobs"]["actual_linear_pace_per_year"] == "9250"
    assert float(records["jobs"]["actual_cagr"]) == pytest.approx(0.068788, abs=SIX_DECIMALS)
    result = run(
        "cagr", "-m", "jobs", "--base-year", "2020", "--jobs-baseline", "100k", "-f", "csv"
    )
    (jobs,) = csv.DictReader(io.StringIO(result.stdout))
    for key in ACTUAL_KEYS:
        assert jobs[key] == "", key


# ---------------------------------------------------------------------------------------------
# Markdown and table


def test_gap_markdown(run: Any) -> None:
    result = run("gap", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "| Required CAGR a year | 10.48 % | 7.29 % |" in lines
    assert "| Gap (target - baseline) | 121,500 jobs | 13.78 bn MAD |" in lines
    assert "| Linear path: increment a year | 20,250 jobs a year | 2.30 bn MAD a year |" in lines
    assert "|  | jobs | exports |" in lines
    assert "|---|---:|---:|" in lines
    assert any(SOURCE_URL in line for line in lines)


def test_cagr_markdown(run: Any) -> None:
    result = run("cagr", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "| Required CAGR a year | 10.48 % | 7.29 % |" in lines
    assert any(line.startswith("| Actual CAGR a year | 6.88 % | ") for line in lines)


@pytest.mark.parametrize("args", [["gap"], ["gap", "--format", "table"]])
def test_gap_table(run: Any, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("121,500 jobs", "13.78 bn MAD", "10.48 %", "7.29 %", "20,250 jobs a year"):
        assert text in out, text
    assert SOURCE_URL in out
    assert "Gap to the targets" in out
    assert "\x1b" not in out  # no colour codes when stdout is not a terminal


def test_cagr_table(run: Any) -> None:
    result = run("cagr")
    assert result.exit_code == 0, result.stderr
    for text in ("6.88 %", "10.48 %", "9,250 jobs a year", SOURCE_URL):
        assert text in result.stdout, text
    result = run("cagr", "-m", "jobs", "--base-year", "2020", "--jobs-baseline", "100k")
    assert "n/a" in result.stdout


def test_extreme_decline_is_computed(run: Any) -> None:
    result = run("gap", "-m", "jobs", "--jobs-baseline", "1e18", "--jobs-target", "1", "--json")
    assert result.exit_code == 0, result.stderr
    (jobs,) = json.loads(result.stdout)["results"]
    assert jobs["required_cagr"] == pytest.approx(-0.999, abs=1e-12)


SIX_DECIMALS = 5e-7


def _results(stdout: str) -> dict[str, dict[str, Any]]:
    return {row["metric"]: row for row in json.loads(stdout)["results"]}


@pytest.mark.slow
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


@pytest.mark.slow
def test_installed_cagr_json(run_installed: Any) -> None:
    proc = run_installed("cagr", "--json", "--metric", "jobs")
    assert proc.returncode == 0, proc.stderr
    jobs = _results(proc.stdout)["jobs"]
    assert jobs["actual_cagr"] == pytest.approx(0.068788, abs=SIX_DECIMALS)
    assert jobs["actual_linear_pace_per_year"] == 9_250
    assert jobs["required_linear_pace_per_year"] == 20_250
