"""Issue 12: the range over base years and Open SDG's progress score, in ``status``.

Hand arithmetic, built-in jobs (2022 130,000; 2023 141,000; 2024 148,500; target 270,000 in
2030) and exports (digital-outsourcing 2023 26.17 bn, 2024 26.22 bn; target 40 bn in 2030).
"""

import csv
import io
import json
import math
from typing import Any

import pytest
from conftest import RunCli
from helpers import only_row, proc_json, result_json, rows_by_metric

from offshoring_cli.core import open_sdg
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.status import status_report

# base 2022: (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788; base 2023: 148,500 / 141,000 - 1
# = 7,500 / 141,000 = 0.0531914893...
CAGR_2022 = 0.068788
CAGR_2023 = 7_500 / 141_000
# at the target year from 2024: 148,500 * (1 + rate) ** 6
AT_2030_FROM_2022 = 221_348.079  # the worked value of DATA.md
AT_2030_FROM_2023 = 148_500 * (148_500 / 141_000) ** 6  # = 202,661.1
# reached: first whole n with 148,500 * (1 + rate) ** n >= 270,000:
# from 2022: ln(270,000 / 148,500) / ln(1.068788) = 0.597837 / 0.066525 = 8.99 -> 9 -> 2033;
# from 2023: 0.597837 / ln(1.0531915) = 0.597837 / 0.051825 = 11.54 -> 12 -> 2036.


def _check_jobs_range(row: dict[str, Any]) -> None:
    assert row["base_year_range"] is True
    assert (row["range_first_base_year"], row["range_last_base_year"]) == (2022, 2023)
    assert row["actual_cagr_lowest"] == pytest.approx(CAGR_2023, abs=1e-12)
    assert round(row["actual_cagr_highest"], 6) == CAGR_2022
    assert row["projected_lowest"] == pytest.approx(AT_2030_FROM_2023, rel=1e-12)
    assert round(row["projected_lowest"]) == 202_661
    assert row["projected_highest"] == pytest.approx(AT_2030_FROM_2022, abs=0.001)
    assert (row["target_reached_year_earliest"], row["target_reached_year_latest"]) == (
        2033,
        2036,
    )
    # the default assessment is unchanged
    assert round(row["growth_ratio"], 4) == 0.7191 and round(row["progress_score"], 4) == 0.6525
    assert row["target_reached_year"] == 2033


def test_the_jobs_range_over_base_years_by_the_python_api() -> None:
    report = status_report(Options(metrics=("jobs",)))
    # a row per published target: the final 2030 one first, then the interim 2026 one
    assert [r["reading"] for r in report.rows] == ["jobs", "jobs 2026"]
    row = report.rows[0]
    _check_jobs_range(dict(row))
    note = next(n for n in report.notes if "range over base years" in n)
    assert "the same method from each base year the data allow" in note
    assert "5.32 % (2023) to 6.88 % (2022)" in note and "2033-2036" in note
    assert (
        "jobs: range, from 2023: actual CAGR = (148,500 / 141,000) ** (1 / 1) - 1 = 0.053191; "
        "at 2030: 202,661; reached: 2036"
    ) in report.explanation
    assert (
        "jobs: Open SDG P = 0.068788 / |0.095664| = 0.7191; score = min(7.1429 * 0.7191 - "
        "4.2857, 5) = 0.8504 (moderate progress)"
    ) in report.explanation


def test_one_interval_has_no_range_and_says_so(run: RunCli) -> None:
    document = result_json(run("status", "--json"))
    exports = rows_by_metric(document)["exports"]
    assert exports["base_year_range"] is False
    assert exports["actual_cagr_lowest"] is None and exports["target_reached_year_latest"] is None
    assert any(
        "exports: no range over base years" in n and "one interval (2023-2024)" in n
        for n in document["notes"]
    )


@pytest.mark.slow
def test_the_jobs_range_in_json_csv_markdown_and_table_of_the_installed_command(
    run_installed: Any,
) -> None:
    document = proc_json(run_installed("status", "-m", "jobs", "--json"))
    _check_jobs_range(only_row(document, "jobs", reading="jobs"))
    done = run_installed("status", "-m", "jobs", "-f", "csv")
    assert done.returncode == 0, done.stderr
    # a row per published target: the final one first, then the interim 2026 one
    row, interim = csv.DictReader(io.StringIO(done.stdout))
    assert (row["reading"], interim["reading"]) == ("jobs", "jobs 2026")
    assert (row["range_first_base_year"], row["range_last_base_year"]) == ("2022", "2023")
    assert float(row["actual_cagr_lowest"]) == pytest.approx(CAGR_2023, abs=1e-12)
    assert row["target_reached_year_latest"] == "2036"
    markdown = run_installed("status", "-m", "jobs", "-f", "markdown").stdout
    # a column per reading; the interim 2026 one from 2023: ln(190,000 / 148,500) / ln(1.0531915)
    # = 0.246439 / 0.051825 = 4.76 -> 5 -> 2029
    assert "| Range: actual CAGR, lowest | 5.32 % | 5.32 % |" in markdown
    assert "| Range: target reached, latest | 2036 | 2029 |" in markdown
    table = run_installed("status", "-m", "jobs", env={"COLUMNS": "120"}).stdout
    assert "Range: at target year, lowest" in table and "202,661 jobs" in table


# --- Open SDG's progress score ---------------------------------------------------------------
#
# How the expected values were obtained: sdg-build is not on PyPI (pip: "No matching
# distribution found for sdg-build"), so the computing parts of its sdg/ProgressMeasure.py
# (open-sdg/sdg-build, commit 139fede74ba534d2ed8b9eee4cd878b41f54cb67: SeriesProgress's
# __init__ minus the data filtering, calculate_progress_value, methodology_1/2,
# is_target_achieved, get_score, get_progress_thresholds; growth_calculation,
# get_progress_status, get_progress_status_from_score; the np.mean of get_indicator_progress)
# were copied verbatim into a throwaway script outside this repository and run with pandas and
# numpy on the built-in data, config {"target": ..., "target_year": 2030, "direction":
# "positive"} (base_year left at Open SDG's default 2015: the next year with data is the
# series' first, as here). It printed:
#   jobs:    base 2022 P=0.7190548810028423 score=0.8504371095152017 status=moderate_progress
#   exports: base 2023 P=0.030577271305342033 score=-2.372593683652031 status=limited_progress
#   exports, offshoring-legacy (2018 10 bn, 2022 15.7 bn, 2023 17.9 bn; 40 bn in 2030):
#            base 2018 P=1.008423511604228 score=2.9173683010378397 status=substantial_progress
#   mean of the two export series: 0.2723873086929043 moderate_progress
#   no target: ESO +7.1 % -> P 0.071 score 5 substantial_progress; KPO 0.078 -> 0.048 bn ->
#   P -0.3846 score -5 deterioration; +1 % -> 1.25 moderate_progress; +0.2 % -> -1.5
#   limited_progress; -2 % with a decrease wanted -> P 0.02, score 5 substantial_progress.
# By hand, jobs: P = 0.068788 / 0.095664 = 0.71905; score = 7.1429 * 0.71905 - 4.2857 = 0.8504.
OPEN_SDG_JOBS = (0.7190548810028423, 0.8504371095152017, "moderate progress")
OPEN_SDG_EXPORTS = (0.030577271305342033, -2.372593683652031, "limited progress")
OPEN_SDG_LEGACY = (1.008423511604228, 2.9173683010378397, "substantial progress")
OPEN_SDG_EXPORTS_MEAN = (0.2723873086929043, "moderate progress")
"""The exports indicator's score: the mean of its two series' (its 2030 target is stated on
both), (-2.372593683652031 + 2.9173683010378397) / 2 = 0.27238730869290."""


def test_open_sdg_score_of_the_built_in_data_matches_open_sdgs_own_code(run: RunCli) -> None:
    document = result_json(run("status", "--json"))
    rows = {row["reading"]: row for row in document["results"]}
    readings = (
        ("jobs", OPEN_SDG_JOBS, OPEN_SDG_JOBS[1:]),
        ("exports", OPEN_SDG_EXPORTS, OPEN_SDG_EXPORTS_MEAN),
        ("exports (offshoring-legacy)", OPEN_SDG_LEGACY, OPEN_SDG_EXPORTS_MEAN),
    )
    for reading, (p, score, label), (mean, mean_label) in readings:
        row = rows[reading]
        assert row["open_sdg_progress_value"] == pytest.approx(p, rel=1e-12)
        assert row["open_sdg_score"] == pytest.approx(score, rel=1e-12)
        assert row["open_sdg_label"] == label
        # the indicator's score: the mean over the series its 2030 target is stated on (jobs:
        # one series, its own score; exports: two)
        assert row["open_sdg_indicator_score"] == pytest.approx(mean, rel=1e-12)
        assert row["open_sdg_indicator_label"] == mean_label


@pytest.mark.slow
def test_open_sdg_score_from_the_installed_command(run_installed: Any) -> None:
    document = proc_json(run_installed("status", "-m", "jobs", "--json"))
    row = only_row(document, "jobs", reading="jobs")
    assert row["open_sdg_score"] == pytest.approx(OPEN_SDG_JOBS[1], rel=1e-12)
    document = json.loads(run_installed("status", "--json").stdout)
    assert "sdg/ProgressMeasure.py" in document["methods"]["open_sdg_score"]


def test_open_sdg_with_a_target_by_the_python_api() -> None:
    jobs = open_sdg.with_target(2022, 130_000, 2024, 148_500, 2030, 270_000)
    assert (jobs.progress_value, jobs.score, jobs.label) == pytest.approx(OPEN_SDG_JOBS)
    legacy = open_sdg.with_target(2018, 10e9, 2023, 17.9e9, 2030, 40e9)
    assert (legacy.progress_value, legacy.score, legacy.label) == pytest.approx(OPEN_SDG_LEGACY)
    # the mean over two series of one indicator: (-2.3726 + 2.9174) / 2 = 0.2724, moderate
    exports = open_sdg.with_target(2023, 26.17e9, 2024, 26.22e9, 2030, 40e9)
    score, label = open_sdg.mean([exports, legacy])
    assert score == pytest.approx(0.2723873086929043, rel=1e-12)
    assert label == "moderate progress"


def test_open_sdg_target_achieved_rule() -> None:
    # the current value at the target: score 5, "target achieved", whatever P is
    met = open_sdg.with_target(2022, 130_000, 2024, 270_000, 2030, 270_000)
    assert (met.score, met.label, met.target_achieved) == (5.0, "target achieved", True)
    # a decrease wanted: 100 -> 80 with a target of 90 is achieved
    assert open_sdg.with_target(2020, 100, 2022, 80, 2030, 90, increase=False).score == 5.0
    # the indicator is "target achieved" only when every series is
    other = open_sdg.with_target(2022, 130_000, 2024, 148_500, 2030, 270_000)
    assert open_sdg.mean([met, other])[1] == "substantial progress"  # (5 + 0.8504) / 2 = 2.93
    assert open_sdg.mean([met, met])[1] == "target achieved"


@pytest.mark.parametrize(
    ("start", "end", "increase", "score", "label"),
    [
        (3_462e6 / 1.071, 3_462e6, True, 5.0, "substantial progress"),  # +7.1 %: min(30.5, 5)
        (0.078e9, 0.048e9, True, -5.0, "deterioration"),  # -38.5 %: max(-50.6, -5)
        (100, 101, True, 1.25, "moderate progress"),  # +1 %: 250 * 0.01 - 1.25
        (1000, 1002, True, -1.5, "limited progress"),  # +0.2 %: 500 * 0.002 - 2.5
        (100, 98, False, 5.0, "substantial progress"),  # -2 %, a decrease wanted: P = +0.02
        (100, 99.9, True, -2.625, "deterioration"),  # -0.1 %: 125 * -0.001 - 2.5
    ],
)
def test_open_sdg_without_a_target(
    start: float, end: float, increase: bool, score: float, label: str
) -> None:
    p = open_sdg.without_target(2023, start, 2024, end, increase)
    assert p.score == pytest.approx(score, abs=1e-9) and p.label == label
    assert math.isfinite(p.progress_value or 0.0)


def test_a_base_year_from_which_the_target_is_never_reached(run: RunCli) -> None:
    # --jobs-baseline 135,000 stands in for 2024. From 2022: (135,000 / 130,000) ** (1 / 2) - 1
    # = 0.019049, reached when 135,000 * 1.019049 ** n >= 270,000: n = ln 2 / ln 1.019049 =
    # 36.7 -> 37 -> 2061. From 2023: 135,000 / 141,000 - 1 = -0.042553: never.
    row = rows_by_metric(
        result_json(run("status", "-m", "jobs", "--jobs-baseline", "135000", "--json"))
    )["jobs"]
    assert row["base_year_range"] is True
    assert row["actual_cagr_lowest"] == pytest.approx(-6_000 / 141_000, abs=1e-12)
    assert row["target_reached_year_earliest"] == 2061
    assert row["target_reached_year_latest"] is None  # never, from 2023
    table = run("status", "-m", "jobs", "--jobs-baseline", "135000").stdout
    assert "Range: target reached, latest" in table and "not reached" in table
    # Open SDG from 2022: P = 0.019049 / 0.095664 = 0.19913; 4.1667 * 0.19913 - 2.5 = -1.6703
    assert row["open_sdg_score"] == pytest.approx(4.1667 * row["open_sdg_progress_value"] - 2.5)
    assert round(row["open_sdg_score"], 4) == -1.6703
    assert row["open_sdg_label"] == "limited progress"


def test_a_target_already_met_scores_5_target_achieved(run: RunCli) -> None:
    row = rows_by_metric(
        result_json(run("status", "-m", "jobs", "--jobs-target", "120k", "--json"))
    )["jobs"]
    assert (row["open_sdg_score"], row["open_sdg_label"]) == (5.0, "target achieved")
    assert row["open_sdg_indicator_label"] == "target achieved"


def test_a_metric_not_assessed_has_no_range_and_no_score(run: RunCli) -> None:
    row = rows_by_metric(result_json(run("status", "-m", "jobs", "--base-year", "2022", "--json")))[
        "jobs"
    ]
    assert row["assessed"] is False and row["base_year_range"] is False
    assert row["open_sdg_score"] is None and row["open_sdg_indicator_score"] is None
