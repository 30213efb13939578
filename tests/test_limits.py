"""Numbers at the limits (issue 9): the year a target is reached, metrics that cannot be
assessed, targets already met, and a decrease wanted.

Each behaviour is checked through the Python API and through the installed command
(``offshoring`` in a subprocess), with the failing input of the issue kept. Expected values are
worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offshoring_cli.core import formulas, results
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports import brief
from offshoring_cli.reports.growth import cagr_report
from offshoring_cli.reports.project import project_report
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.trajectory import trajectory_report
from offshoring_cli.scenario.validate import load

EXPORTS_BASELINE = 26_220_000_000  # MAD, 2024
EXPORTS_TARGET = 40_000_000_000  # MAD, 2030
EXPORTS_RATE = 0.07292957665124838
"""The exports' required CAGR as ``gap --json`` prints it: (40 / 26.22) ** (1 / 6) - 1."""


def _json(proc: Any) -> dict[str, Any]:
    assert proc.returncode == 0, proc.stderr
    document: dict[str, Any] = json.loads(proc.stdout)
    return document


def _row(document: dict[str, Any], metric: str, **where: Any) -> dict[str, Any]:
    rows = [
        r
        for r in document["results"]
        if r["metric"] == metric and all(r[k] == v for k, v in where.items())
    ]
    assert len(rows) == 1, rows
    return rows[0]


def _markdown_cells(stdout: str, label: str) -> list[str]:
    """The cells of the Markdown table row labelled ``label`` (the label left out)."""
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r} in:\n{stdout}")


# A scenario of another sector: "single" has one observation (not assessable), "falling" wants a
# decrease (100 in 2022, 90 in 2024, target 50 in 2030), "met" already meets its target (148,500
# in 2024 against 140,000).
EDGE_SCENARIO = """\
scenario_version = 1
name = "edges"
description = "Metrics at the limits"

[sources.s]
publisher = "test"
title = "edge cases"
date = "2024"
url = "https://example.invalid/edges"

[[indicators]]
id = "single"
label = "Single observation"
unit = "jobs"
direction = "increase"
target = {year = 2030, value = 200, series = "a", source = "s"}

[[indicators.observations]]
year = 2024
value = 100
series = "a"
source = "s"

[[indicators]]
id = "falling"
label = "Falling"
unit = "t"
direction = "decrease"
target = {year = 2030, value = 50, series = "a", source = "s"}

[[indicators.observations]]
year = 2022
value = 100
series = "a"
source = "s"

[[indicators.observations]]
year = 2024
value = 90
series = "a"
source = "s"

[[indicators]]
id = "met"
label = "Met"
unit = "jobs"
direction = "increase"
target = {year = 2030, value = 140000, series = "a", source = "s"}

[[indicators.observations]]
year = 2022
value = 130000
series = "a"
source = "s"

[[indicators.observations]]
year = 2024
value = 148500
series = "a"
source = "s"
"""


@pytest.fixture
def edges(tmp_path: Path) -> Path:
    path = tmp_path / "edges.toml"
    path.write_text(EDGE_SCENARIO, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# 1. The year a target is reached


def test_the_issue_input_compounds_to_just_below_the_target() -> None:
    # The failing input, kept: 26.22e9 * 1.0729295766512484 ** 6 rounds to 39,999,999,999.999985,
    # 1.5e-5 MAD (2 ulps of 4e10, an ulp being 2 ** -17 = 7.6e-6) short of the target.
    projected = formulas.project(EXPORTS_BASELINE, EXPORTS_RATE, 6)
    assert projected == 39_999_999_999.999985
    assert EXPORTS_TARGET - projected == 1.52587890625e-05  # 2 * 2 ** -17
    # ...and that is rounding: reached, in 6 years (2030), not 7 (2031).
    assert formulas.reaches(projected, EXPORTS_TARGET, steps=6)
    assert formulas.periods_to_reach(EXPORTS_BASELINE, EXPORTS_TARGET, EXPORTS_RATE) == 6
    assert formulas.snap_to_target(projected, EXPORTS_TARGET, 6) == EXPORTS_TARGET


def test_the_tolerance_is_four_ulps_a_year_plus_four() -> None:
    # 6 years: 4 * (6 + 1) = 28 ulps of 4e10 = 28 * 2 ** -17 = 2.13623046875e-4 MAD.
    ulp = 2.0**-17
    assert math.ulp(4e10) == ulp
    assert formulas.reach_tolerance(6, 4e10) == 28 * ulp
    assert formulas.reaches(4e10 - 28 * ulp, EXPORTS_TARGET, steps=6)
    assert not formulas.reaches(4e10 - 29 * ulp, EXPORTS_TARGET, steps=6)
    # A decrease wanted: the same tolerance above the target.
    assert formulas.reaches(4e10 + 28 * ulp, EXPORTS_TARGET, increase=False, steps=6)
    assert not formulas.reaches(4e10 + 29 * ulp, EXPORTS_TARGET, increase=False, steps=6)
    # A linear path (steps = 1): 4 * 2 = 8 ulps of the largest of value, target and start.
    assert formulas.reach_tolerance(1, 4e10, EXPORTS_TARGET, EXPORTS_BASELINE) == 8 * ulp
    # At most 300 years count: 4 * 301 ulps after 1,000 years.
    assert formulas.reach_tolerance(1000, 1.0) == 4 * 301 * math.ulp(1.0)


def test_values_as_given_and_whole_numbers_compare_exactly() -> None:
    # No arithmetic behind a value (steps = 0): one ulp short is short.
    assert not formulas.reaches(math.nextafter(4e10, 0), EXPORTS_TARGET)
    assert formulas.reach_tolerance(0, 4e10) == 0.0
    # Whole numbers do not round: 2 ** 60 - 1 is one job short, whatever the steps.
    assert not formulas.reaches(2**60 - 1, 2**60, steps=6)
    assert formulas.snap_to_target(2**60 - 1, 2**60, 6) == 2**60 - 1
    # A target beyond the float range (an int, through the API) gives no tolerance, no error.
    assert not formulas.reaches(1e308, 10**400, steps=5)
    assert formulas.reach_tolerance(5, 1e308, 10**400) == 0.0
    assert formulas.snap_to_target(1e308, 10**400, 5) == 1e308
    # A float on the target shows the target as given (an int stays an int).
    snapped = formulas.snap_to_target(4e10, EXPORTS_TARGET, 6)
    assert snapped == EXPORTS_TARGET and type(snapped) is int
    # A pace that misses by more than rounding is not reached: 0.01 MAD short of 40 bn.
    assert not formulas.reaches(39_999_999_999.99, EXPORTS_TARGET, steps=6)
    assert formulas.snap_to_target(39_999_999_999.99, EXPORTS_TARGET, 6) == 39_999_999_999.99


@settings(max_examples=300, deadline=None)
@given(
    st.floats(1e-6, 1e18),
    st.floats(0.05, 1000.0),
    st.integers(1, 300),
    st.booleans(),
)
def test_at_the_required_rate_or_increment_the_target_is_reached_in_the_target_year(
    baseline: float, multiple: float, n: int, whole: bool
) -> None:
    # Any baseline, a target from 1/20 to 1,000 times it (a decline of up to 95 % overall or
    # growth up to 1,000-fold), up to 300 years: gap()'s own required rate and linear
    # increment reach the target in exactly n years, and the projection shows the target.
    target: int | float = baseline * multiple
    if whole:
        baseline, target = max(1, round(baseline)), max(1, round(target))
    if baseline == target:
        return
    increase = target > baseline
    g = results.gap(baseline, 2000, target, 2000 + n, increase)
    assert formulas.periods_to_reach(baseline, target, g.required_cagr, increase) == n
    compound = formulas.project(baseline, g.required_cagr, n)
    assert formulas.snap_to_target(compound, target, n) == target
    assert formulas.periods_to_reach_linear(baseline, target, g.linear_increment, increase) == n
    linear = baseline + g.linear_increment * n
    assert formulas.snap_to_target(linear, target, 1, baseline) == target


@pytest.mark.parametrize(
    ("metric", "rate", "target"),
    [("exports", EXPORTS_RATE, EXPORTS_TARGET), ("jobs", 0.10477257590432834, 270_000)],
)
def test_project_at_the_required_rate_reaches_the_target_in_the_target_year(
    metric: str, rate: float, target: int
) -> None:
    report = project_report(Options(metrics=(metric,)), growth=rate)
    row = report.rows[0]
    assert row["value_at_target_year"] == target and type(row["value_at_target_year"]) is int
    assert row["gap_at_target_year"] == 0
    assert row["target_reached_year"] == 2030


def test_installed_project_fed_the_rate_gap_reports_gives_2030(run_installed: Any) -> None:
    # The issue's "done when": the rate gap --json prints, fed back to project --growth.
    exports = _row(_json(run_installed("gap", "--json", "--metric", "exports")), "exports")
    rate = exports["required_cagr"]
    assert rate == EXPORTS_RATE
    row = _row(
        _json(run_installed("project", "--growth", repr(rate), "--metric", "exports", "--json")),
        "exports",
    )
    assert row["target_reached_year"] == 2030  # was 2031
    assert row["value_at_target_year"] == 40_000_000_000  # was 39999999999.999985
    assert row["gap_at_target_year"] == 0  # was 1.52587890625e-05


def test_installed_project_at_the_linear_increment_gives_2030(run_installed: Any) -> None:
    # 13.78e9 / 6 = 2,296,666,666.67 MAD a year (a float): 26.22e9 + 6 * that = 40e9 in 2030.
    exports = _row(_json(run_installed("gap", "--json", "--metric", "exports")), "exports")
    increment = exports["linear_increment_per_year"]
    assert increment == pytest.approx(13_780_000_000 / 6)
    args = ("project", "--increment", repr(increment), "--metric", "exports", "--json")
    row = _row(_json(run_installed(*args)), "exports")
    assert row["target_reached_year"] == 2030
    assert row["value_at_target_year"] == 40_000_000_000
    assert row["gap_at_target_year"] == 0


def test_installed_trajectory_paths_end_on_the_target(run_installed: Any) -> None:
    document = _json(run_installed("trajectory", "--json"))
    for metric, target in (("jobs", 270_000), ("exports", EXPORTS_TARGET)):
        last = _row(document, metric, year=2030)
        assert last["compound_path"] == target and last["linear_path"] == target
    # The milestones before are unchanged: 148,500 * 1.104773 ** 3 = 200,237 jobs in 2027.
    assert round(_row(document, "jobs", year=2027)["compound_path"]) == 200_237


def test_status_reaches_a_target_on_the_pace_that_meets_it_in_the_target_year() -> None:
    # A 2022 value chosen so that 2022 -> 2024 grows at the rate 2024 -> 2030 needs:
    # v0 = 26.22e9 / (40 / 26.22) ** (2 / 6). The projection lands on the target up to
    # rounding, so status says 2030, a shortfall of 0, and the target itself.
    v0 = EXPORTS_BASELINE / (EXPORTS_TARGET / EXPORTS_BASELINE) ** (2 / 6)
    s = results.status(2022, v0, 2024, EXPORTS_BASELINE, 2030, EXPORTS_TARGET)
    assert s.actual_cagr == pytest.approx(EXPORTS_RATE, rel=1e-14)
    assert s.reached_year == 2030
    assert s.projected == EXPORTS_TARGET and s.shortfall == 0


def test_headline_figures_are_unchanged(run_installed: Any) -> None:
    # jobs 2022 -> 2024 -> 2030: R 0.7191, Q 0.6525, reached 2033 (README).
    jobs = _row(_json(run_installed("status", "--json", "--metric", "jobs")), "jobs")
    assert round(jobs["growth_ratio"], 4) == 0.7191
    assert round(jobs["progress_score"], 4) == 0.6525
    assert jobs["target_reached_year"] == 2033
    assert jobs["reason"] is None
    # 270,000 - 221,348.08 = 48,651.92 jobs short (an increase wanted: target - projected).
    assert round(jobs["shortfall_at_target_year"]) == 48_652


# ---------------------------------------------------------------------------------------------
# 2. Not assessed is not "not reached"


def test_api_a_single_observation_gives_n_a_and_a_reason(edges: Path) -> None:
    options = Options(metrics=("single",), dataset=load(edges))
    row = status_report(options).rows[0]
    assert row["assessed"] is False and row["target_reached_year"] is None
    assert "only one whole-year observation" in row["reason"]
    trajectory = trajectory_report(options).rows
    assert all(r["actual_pace_path"] is None and r["reason"] for r in trajectory)
    cagr = cagr_report(options).rows[0]
    assert cagr["actual_cagr"] is None and "no actual growth" in cagr["reason"]


def test_installed_status_of_a_single_observation_reads_n_a(
    run_installed: Any, edges: Path
) -> None:
    base = ("--scenario", str(edges), "status", "--metric", "single")
    markdown = run_installed(*base, "--format", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    assert _markdown_cells(markdown.stdout, "Target reached at actual pace") == ["n/a"]
    assert "not reached" not in markdown.stdout
    table = run_installed(*base, env={"COLUMNS": "200"})
    assert table.returncode == 0, table.stderr
    assert "not reached" not in table.stdout
    reached_line = next(x for x in table.stdout.splitlines() if "Target reached" in x)
    assert "n/a" in reached_line
    row = _row(_json(run_installed(*base, "--json")), "single")
    assert row["target_reached_year"] is None and row["assessed"] is False
    assert row["reason"] == (
        "only one whole-year observation of series 'a' (2024); both methods need two."
    )
    rows = list(csv.DictReader(io.StringIO(run_installed(*base, "--format", "csv").stdout)))
    assert rows[0]["target_reached_year"] == "" and rows[0]["reason"] == row["reason"]


def test_installed_trajectory_of_a_single_observation_reads_n_a(
    run_installed: Any, edges: Path
) -> None:
    args = ("--scenario", str(edges), "trajectory", "--metric", "single", "-f", "markdown")
    proc = run_installed(*args)
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stdout.splitlines() if x.startswith("| single |")]
    assert len(lines) == 7  # 2024 to 2030
    assert all(x.rstrip().endswith("| n/a |") for x in lines), lines
    document = _json(run_installed(*args[:-2], "--json"))
    assert all(r["reason"] and r["actual_pace_path"] is None for r in document["results"])


def test_installed_trajectory_before_the_base_year_stays_blank(run_installed: Any) -> None:
    # jobs has history (2022): before the base year 2024 no path exists, which is not "n/a".
    proc = run_installed("trajectory", "--metric", "jobs", "-f", "markdown")
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("| jobs | 2023 |"))
    assert line.replace(" ", "") == "|jobs|2023|||||"
    row = _row(_json(run_installed("trajectory", "--metric", "jobs", "--json")), "jobs", year=2023)
    assert row["reason"] is None


def test_installed_status_with_a_base_year_leaving_one_observation(run_installed: Any) -> None:
    # --base-year 2022 leaves jobs with the 2022 figure only: not assessed, n/a, with a reason.
    base = ("status", "--base-year", "2022", "--metric", "jobs")
    proc = run_installed(*base, "--format", "markdown")
    assert _markdown_cells(proc.stdout, "Target reached at actual pace") == ["n/a"]
    assert "both methods need two" in _row(_json(run_installed(*base, "--json")), "jobs")["reason"]


# ---------------------------------------------------------------------------------------------
# 3. Target already met


def test_api_a_target_already_met_has_no_ratio_and_no_score() -> None:
    # 148,500 (2024) against 120,000: met. The old R was actual / required from 2022 =
    # 0.068788 / ((120 / 130) ** (1 / 8) - 1) = 0.068788 / -0.009955 = -6.91 beside "achieved".
    s = results.status(2022, 130_000, 2024, 148_500, 2030, 120_000)
    assert s.achieved and s.growth_ratio_band == s.progress_band == "achieved"
    assert s.growth_ratio is None and s.progress_score is None
    # A decrease wanted and met (90 <= 95): the same.
    d = results.status(2022, 100, 2024, 90, 2030, 95, increase=False)
    assert d.achieved and d.growth_ratio is None and d.progress_score is None


def test_installed_status_of_a_target_already_met(run_installed: Any) -> None:
    base = ("status", "--jobs-target", "120k", "--metric", "jobs")
    row = _row(_json(run_installed(*base, "--json")), "jobs")
    assert row["growth_ratio"] is None and row["progress_score"] is None
    assert row["growth_ratio_band"] == row["progress_band"] == "achieved"
    assert "already met" in row["reason"]
    markdown = run_installed(*base, "--format", "markdown").stdout
    assert _markdown_cells(markdown, "Growth ratio R = actual / required") == ["n/a"]
    assert _markdown_cells(markdown, "Progress score Q (UNSD)") == ["n/a"]
    assert "R and Q are n/a" in markdown
    rows = list(csv.DictReader(io.StringIO(run_installed(*base, "--format", "csv").stdout)))
    assert rows[0]["growth_ratio"] == rows[0]["progress_score"] == ""
    assert rows[0]["reason"] == row["reason"]


def test_installed_status_of_the_issue_reproducer(run_installed: Any) -> None:
    # --jobs-target 140000 --since 2022: 148,500 >= 140,000, met; R was 7.39.
    args = ("status", "--jobs-target", "140000", "--since", "2022", "-m", "jobs", "--json")
    row = _row(_json(run_installed(*args)), "jobs")
    assert row["growth_ratio"] is None and row["growth_ratio_band"] == "achieved"


def test_installed_cagr_of_a_target_already_met(run_installed: Any) -> None:
    args = ("cagr", "--jobs-target", "120k", "--metric", "jobs", "--json")
    row = _row(_json(run_installed(*args)), "jobs")
    assert row["actual_to_required_cagr"] is None and "already met" in row["reason"]
    assert row["actual_cagr"] == pytest.approx(0.068788, abs=5e-7)  # still given


def test_brief_asks_no_pace_of_a_target_already_met(edges: Path) -> None:
    verdicts = brief.build(Options(dataset=load(edges))).verdicts
    met = next(v for v in verdicts if v.startswith("met:"))
    falling = next(v for v in verdicts if v.startswith("falling:"))
    assert "is needed" not in met and "achieved" in met
    assert "is needed" in falling  # a target still ahead keeps its pace


# ---------------------------------------------------------------------------------------------
# 4. A decrease wanted: the shortfall is positive when short of the target


@pytest.mark.parametrize(
    ("latest", "shortfall"),
    [
        # 100 -> 90: -5.13 %/yr; 90 * 0.9 ** 3 = 65.61 in 2030: 15.61 above 50, short.
        (90, 65.61 - 50),
        # 100 -> 81: -10 %/yr; 81 * 0.9 ** 6 = 43.046721: 6.953279 below 50, beyond.
        (81, 43.046721 - 50),
    ],
)
def test_api_shortfall_of_a_decrease(latest: int, shortfall: float) -> None:
    s = results.status(2022, 100, 2024, latest, 2030, 50, increase=False)
    assert s.shortfall == pytest.approx(shortfall, abs=1e-9)


def test_api_shortfall_of_an_increase_keeps_its_sign() -> None:
    # jobs: 270,000 - 221,348.08 = +48,651.92 (short); at 8 % exports reach
    # 26.22e9 * 1.08 ** 6 = 41.61e9, 1.61e9 beyond the target: -1.61e9.
    s = results.status(2022, 130_000, 2024, 148_500, 2030, 270_000)
    assert s.shortfall == pytest.approx(48_651.92, abs=0.01)
    row = project_report(Options(metrics=("exports",)), growth=0.08).rows[0]
    assert row["gap_at_target_year"] == pytest.approx(40e9 - 26.22e9 * 1.08**6)
    assert row["gap_at_target_year"] < 0


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
    row = _row(_json(run_installed(*args)), "falling")
    assert row["value_at_target_year"] == pytest.approx(value)
    assert row["gap_at_target_year"] == pytest.approx(shortfall)


def test_installed_status_of_a_decrease(run_installed: Any, edges: Path) -> None:
    base = ("--scenario", str(edges), "status", "-m", "falling")
    row = _row(_json(run_installed(*base, "--json")), "falling")
    assert row["projected_at_target_year"] == pytest.approx(65.61)
    assert row["shortfall_at_target_year"] == pytest.approx(15.61)  # was -15.61
    markdown = run_installed(*base, "--format", "markdown").stdout
    assert _markdown_cells(markdown, "Shortfall (+ = short of target)") == ["15.61 t"]


def test_the_shortfall_method_says_which_sign_means_what(run_installed: Any) -> None:
    methods = _json(run_installed("status", "--json"))["methods"]
    assert "positive: short of the target" in methods["shortfall_at_target_year"]
    methods = _json(run_installed("project", "--growth", "8%", "--json"))["methods"]
    assert "value - target when a decrease is" in methods["gap_at_target_year"]
