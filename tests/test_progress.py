"""status, trajectory, project, sensitivity and segments: values checked against hand arithmetic.

Every expected value below is worked out independently of the package, with the arithmetic in
a comment; the package's own functions are never used to compute an expectation.
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

import pytest
from conftest import RunCli

from offshoring_cli.core import methods
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.status import status_report

# Jobs: 130,000 (2022), 148,500 (2024), target 270,000 (2030).
JOBS_ACTUAL = (148_500 / 130_000) ** (1 / 2) - 1  # 1.142308 ** 0.5 - 1 = 0.068788
JOBS_REQUIRED_2022 = (270_000 / 130_000) ** (1 / 8) - 1  # 2.076923 ** 0.125 - 1 = 0.095664
JOBS_REQUIRED_2024 = (270_000 / 148_500) ** (1 / 6) - 1  # 1.818182 ** (1/6) - 1 = 0.104773
# Exports, digital-outsourcing series: 26.17 bn (2023), 26.22 bn (2024), target 40 bn (2030).
EXPORTS_ACTUAL = 26.22 / 26.17 - 1  # = 0.0019106
EXPORTS_REQUIRED_2023 = (40 / 26.17) ** (1 / 7) - 1  # 1.528468 ** (1/7) - 1 = 0.062484


def _json(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _by_metric(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["metric"]: row for row in document["results"]}


# --- status ------------------------------------------------------------------------------


def test_status_jobs_matches_the_published_worked_values(run: RunCli) -> None:
    jobs = _by_metric(_json(run("status", "--json")))["jobs"]
    assert jobs["since_year"] == 2022 and jobs["latest_year"] == 2024
    assert jobs["actual_cagr"] == pytest.approx(0.068788, abs=5e-7)
    assert jobs["actual_cagr"] == pytest.approx(JOBS_ACTUAL, rel=1e-12)
    assert jobs["required_cagr_from_base"] == pytest.approx(0.095664, abs=5e-7)
    assert jobs["required_cagr_from_base"] == pytest.approx(JOBS_REQUIRED_2022, rel=1e-12)
    assert jobs["required_cagr_from_latest"] == pytest.approx(JOBS_REQUIRED_2024, rel=1e-12)
    # R = 0.068788 / 0.095664 = 0.7191 -> 0.60 <= R < 0.95: acceleration needed
    assert jobs["growth_ratio"] == pytest.approx(0.7191, abs=5e-5)
    assert jobs["growth_ratio_band"] == "acceleration needed"
    # 148,500 * 1.068788 ** 6 = 148,500 * 1.490559 = 221,348
    assert round(jobs["projected_at_target_year"]) == 221_348
    assert round(jobs["shortfall_at_target_year"]) == 270_000 - 221_348
    # Q = (221,348 - 130,000) / (270,000 - 130,000) = 91,348 / 140,000 = 0.6525
    assert jobs["progress_score"] == pytest.approx(0.6525, abs=5e-5)
    assert jobs["progress_band"] == "fair progress, acceleration needed"
    # ln(270,000 / 148,500) / ln(1.068788) = 0.597837 / 0.066527 = 8.99 -> 9 years -> 2033
    assert jobs["target_reached_year"] == 2033
    assert jobs["verdict"] == (
        "jobs: acceleration needed - 6.88 %/yr achieved vs 9.57 %/yr required (2022-2030)"
    )


def test_status_exports_uses_only_the_current_series_and_says_why(run: RunCli) -> None:
    document = _json(run("status", "--json"))
    exports = _by_metric(document)["exports"]
    assert exports["series"] == "digital-outsourcing"
    assert exports["since_year"] == 2023 and exports["since_value"] == 26_170_000_000
    assert exports["actual_cagr"] == pytest.approx(EXPORTS_ACTUAL, rel=1e-12)
    assert exports["required_cagr_from_base"] == pytest.approx(EXPORTS_REQUIRED_2023, rel=1e-12)
    # R = 0.0019106 / 0.062484 = 0.0306 -> limited progress (0 <= R < 0.60)
    assert exports["growth_ratio_band"] == "limited progress"
    # 26.22 * 1.0019106 ** 6 = 26.522 bn; Q = (26.522 - 26.17) / (40 - 26.17) = 0.0255 < 0.10
    assert exports["progress_band"] == "stagnation or regression"
    # ln(40 / 26.22) / ln(1.0019106) = 0.42236 / 0.0019088 = 221.3 -> 222 years -> 2246
    assert exports["target_reached_year"] == 2246
    legacy_note = [n for n in document["notes"] if "offshoring-legacy" in n]
    assert legacy_note and "never computed across two series" in legacy_note[0]


def test_status_insights_are_data_not_only_prose(run: RunCli) -> None:
    insights = {i["id"]: i for i in _json(run("status", "--json"))["insights"]}
    # 40 / 26.22 = 1.5256; 40 / 17.9 = 2.2346
    assert insights["exports_target_multiple"]["target_multiple"] == pytest.approx(1.5256, abs=5e-5)
    assert insights["exports_target_multiple"]["other_series_multiple"] == pytest.approx(
        2.2346, abs=5e-5
    )
    # 26.22e9 / 148,500 = 176,565.66 MAD; 40e9 / 270,000 = 148,148.15 MAD; ratio - 1 = -0.161
    per_job = insights["exports_per_job"]
    assert round(per_job["baseline"]) == 176_566
    assert round(per_job["implied_by_targets"]) == 148_148
    assert per_job["change"] == pytest.approx(148_148.148 / 176_565.66 - 1, abs=1e-5)
    # 13.4 / 12.9 - 1 = 0.03876 from the rounded figures; the source reports 0.035
    momentum = insights["exports_half_year_momentum"]
    assert momentum["change_from_rounded_figures"] == pytest.approx(0.03876, abs=5e-6)
    assert momentum["change_reported_by_source"] == 0.035
    assert "not an annual rate" in momentum["text"]


def test_status_since_and_a_target_already_met(run: RunCli) -> None:
    jobs = _by_metric(_json(run("status", "--since", "2022", "--metric", "jobs", "--json")))
    assert jobs["jobs"]["since_year"] == 2022
    met = _by_metric(_json(run("status", "-m", "jobs", "--jobs-target", "100k", "--json")))
    assert met["jobs"]["growth_ratio_band"] == "achieved"
    assert met["jobs"]["progress_band"] == "achieved"
    assert met["jobs"]["target_reached_year"] == 2024


def test_status_with_one_observation_says_it_is_not_assessed() -> None:
    # Base year 2022 leaves jobs with only the 2022 observation: nothing before it.
    report = status_report(Options(metrics=("jobs",), base_year=2022))
    row = report.rows[0]
    assert row["assessed"] is False and row["growth_ratio"] is None
    assert "not assessed" in row["verdict"] and "both methods need two" in row["verdict"]


def test_status_explain_puts_the_numbers_in(run: RunCli) -> None:
    result = run("status", "--metric", "jobs", "--explain")
    assert result.exit_code == 0
    assert "jobs: actual CAGR = (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788" in result.stdout
    assert "jobs: R = 0.068788 / 0.095664 = 0.7191 -> acceleration needed" in result.stdout
    explained = _json(run("status", "--metric", "jobs", "--json", "--explain"))
    assert any("Q = (221,348 - 130,000)" in line for line in explained["explanation"])
    assert "growth_ratio" in explained["methods"]


# --- bands at their boundaries -------------------------------------------------------------


@pytest.mark.parametrize(
    ("ratio", "band"),
    [
        (0.95, "on track"),
        (0.9499999, "acceleration needed"),
        (0.60, "acceleration needed"),
        (0.5999999, "limited progress"),
        (0.0, "limited progress"),
        (-1e-9, "moving away"),
    ],
)
def test_growth_ratio_bands(ratio: float, band: str) -> None:
    assert methods.growth_ratio_band(ratio) == band
    assert methods.growth_ratio_band(ratio, achieved=True) == "achieved"


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.95, "on track"),
        (0.9499999, "fair progress, acceleration needed"),
        (0.10, "fair progress, acceleration needed"),
        (0.0999999, "stagnation or regression"),
        (-3.0, "stagnation or regression"),
    ],
)
def test_progress_bands(score: float, band: str) -> None:
    assert methods.progress_band(score) == band


# --- trajectory ------------------------------------------------------------------------------


def test_trajectory_jobs_milestones(run: RunCli) -> None:
    rows = {r["year"]: r for r in _json(run("trajectory", "-m", "jobs", "--json"))["results"]}
    assert sorted(rows) == list(range(2022, 2031))
    assert rows[2022]["observed"] == 130_000 and rows[2022]["compound_path"] is None
    assert rows[2023]["observed"] is None
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
    rows = _by_metric(_json(run("project", "--growth", "8%", "--json")))
    # jobs: 148,500 * 1.08 ** 6 = 148,500 * 1.586874 = 235,651
    assert round(rows["jobs"]["value_at_target_year"]) == 235_651
    # ln(1.818182) / ln(1.08) = 0.597837 / 0.076961 = 7.77 -> 8 years -> 2032
    assert rows["jobs"]["target_reached_year"] == 2032
    # exports: 26.22 * 1.586874 = 41.608 bn >= 40 bn -> reached by 2030
    assert rows["exports"]["value_at_target_year"] == pytest.approx(41.60784e9, rel=1e-6)
    assert rows["exports"]["target_reached_year"] == 2030


def test_project_fraction_and_percent_agree(run: RunCli) -> None:
    by_percent = _json(run("project", "--growth", "8%", "--json"))["results"]
    by_fraction = _json(run("project", "--growth", "0.08", "--json"))["results"]
    assert by_percent == by_fraction


def test_project_linear_increment_and_until(run: RunCli) -> None:
    args = ("project", "--increment", "15k", "-m", "jobs", "--until", "2035", "--json")
    row = _json(run(*args))["results"][0]
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
    row = _json(run("project", "--growth", "0%", "-m", "jobs", "--json"))["results"][0]
    assert row["target_reached_year"] is None
    table = run("project", "--growth", "0%", "-m", "jobs")
    assert "not reached" in table.stdout


# --- sensitivity -----------------------------------------------------------------------------


def test_sensitivity_grid(run: RunCli) -> None:
    rows = _json(run("sensitivity", "-m", "jobs", "--json"))["results"]
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
    rows = _json(run(*args))["results"]
    assert [r["target_year"] for r in rows] == [2030, 2035]
    # 2035, target -10 % = 36 bn: (36 / 26.22) ** (1/11) - 1 = 1.372998 ** (1/11) - 1 = 0.029237
    assert rows[1]["required_cagr_target_minus_10pct"] == pytest.approx(0.029237, abs=5e-7)
    assert set(rows[0]) >= {"required_cagr_target_minus_10pct", "required_cagr_target_as_set"}


# --- segments --------------------------------------------------------------------------------


def test_segments_shares_and_rounding_check(run: RunCli) -> None:
    document = _json(run("segments", "--json"))
    rows = {r["segment"]: r for r in document["results"]}
    assert list(rows) == ["ITO", "CRM", "ESO", "BPO", "KPO"]
    # 10.578 / 26.22 = 0.403432
    assert rows["ITO"]["share"] == pytest.approx(10.578 / 26.22, rel=1e-12)
    # KPO: 0.048 / 0.078 - 1 = -0.384615 (computed from the 2023 value)
    assert rows["KPO"]["change_on_prior_year"] == pytest.approx(-0.384615, abs=5e-7)
    assert rows["ESO"]["change_on_prior_year"] == 0.071
    assert rows["ITO"]["change_on_prior_year"] is None
    # 10.578 + 9.797 + 3.462 + 2.334 + 0.048 = 26.219 bn vs 26.22 bn: within rounding
    assert document["inputs"]["segments_sum"] == 26_219_000_000
    assert document["inputs"]["adds_up_within_rounding"] is True
    assert math.fsum(r["share"] for r in rows.values()) == pytest.approx(26.219 / 26.22)


# --- every new command in every format, and bad input -------------------------------------

COMMANDS = [
    ("status",),
    ("trajectory",),
    ("project", "--growth", "8%"),
    ("sensitivity",),
    ("segments",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_command_in_every_format(run: RunCli, command: tuple[str, ...], fmt: str) -> None:
    result = run(*command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1  # rectangular
    if fmt == "markdown":
        assert result.stdout.splitlines()[2].startswith("| ")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("project", "--growth", "abc"), "is not a rate"),
        (("project", "--growth", "150"), "type 150%"),
        (("project", "--growth=-100%"), "greater than -100 %"),
        (("project",), "exactly one of --growth"),
        (("project", "--increment", "10k"), "choose one metric"),
        (("project", "--growth", "5%", "--until", "2020"), "--until 2020 must be after"),
        (("status", "--since", "2030"), "--since 2030 must be before the latest year"),
        (("status", "--since", "2018", "-m", "exports"), "offshoring-legacy"),
        (("sensitivity", "--years", "2035-2028"), "runs backwards"),
        (("sensitivity", "--years", "2020-2030"), "not after the base year"),
        (("sensitivity", "--changes", "abc"), "is not a rate"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(
    run: RunCli, args: tuple[str, ...], fragment: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and fragment in errors[0], result.stderr
    assert "Traceback" not in result.stderr
