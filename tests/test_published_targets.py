"""Targets as they were published (issue 12): several targets per indicator, interim ones and
the same target stated on two series; ``status`` assesses each on its own series and says when
the verdict depends on which series the target refers to; ``--target-year`` picks one.

Figures (DATA.md, "Added in December 2026"): jobs 130,000 (2022), 141,000 (2023), 148,500
(2024); targets 190,000 (2026) and 270,000 (2030). Exports, current series: 26.17 bn (2023),
26.22 bn (2024), target 40 bn (2030); older series: 10 bn (2018), 15.7 bn (2022), 17.9 bn
(2023), targets 25 bn (2026) and 40 bn (2030) as stated at the launch.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli, RunInstalled
from helpers import error_lines, invoke_cli, problems_of, result_json, seed, toml, write

from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import InputError
from offshoring_cli.reports.gap import gap_report
from offshoring_cli.reports.status import status_report

# Jobs against 2026, from 2024: (190,000 / 148,500) ** (1 / 2) - 1 = 1.279461 ** 0.5 - 1 = 0.131133
JOBS_2026_FROM_2024 = (190_000 / 148_500) ** (1 / 2) - 1
# ... and from 2022 (the assessment's base): (190,000 / 130,000) ** (1 / 4) - 1 = 0.099519
JOBS_2026_FROM_2022 = (190_000 / 130_000) ** (1 / 4) - 1
JOBS_ACTUAL = (148_500 / 130_000) ** (1 / 2) - 1  # 0.068788
# Exports on the older series: actual (17.9 / 10) ** (1 / 5) - 1 = 0.123493 (2018-2023);
# required 2018-2030: 4 ** (1 / 12) - 1 = 0.122462; R = 0.123493 / 0.122462 = 1.0084 -> on track.
LEGACY_ACTUAL = (17.9 / 10) ** (1 / 5) - 1
LEGACY_REQUIRED_2030 = (40 / 10) ** (1 / 12) - 1
# Current series: actual 26.22 / 26.17 - 1 = 0.0019106; required 2023-2030 (40 / 26.17) ** (1/7)
# - 1 = 0.062484; R = 0.0306 -> limited progress.
CURRENT_R = (26.22 / 26.17 - 1) / ((40 / 26.17) ** (1 / 7) - 1)


def _rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document["results"])


def _reading(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    (row,) = [r for r in rows if r["reading"] == name]
    return row


def _check_document(document: dict[str, Any]) -> None:
    rows = _rows(document)
    # Final target first for each indicator, then the other published ones.
    assert [r["reading"] for r in rows] == [
        "jobs",
        "jobs 2026",
        "exports",
        "exports (offshoring-legacy)",
        "exports 2026 (offshoring-legacy)",
    ]
    jobs, jobs_2026 = rows[0], rows[1]
    # The final target: unchanged (R 0.7191, Q 0.6525, reached in 2033).
    assert (jobs["target_year"], jobs["target_kind"]) == (2030, "final")
    assert round(jobs["growth_ratio"], 4) == 0.7191
    assert round(jobs["progress_score"], 4) == 0.6525
    assert jobs["target_reached_year"] == 2033
    # The interim target: 190,000 in 2026.
    assert (jobs_2026["target_year"], jobs_2026["target"]) == (2026, 190_000)
    assert jobs_2026["target_kind"] == "interim"
    assert jobs_2026["target_source"] == "souss-digital-2024"
    assert jobs_2026["required_cagr_from_latest"] == pytest.approx(0.131133, abs=5e-7)
    assert jobs_2026["required_cagr_from_latest"] == pytest.approx(JOBS_2026_FROM_2024, rel=1e-12)
    assert jobs_2026["required_cagr_from_base"] == pytest.approx(JOBS_2026_FROM_2022, rel=1e-12)
    # R = 0.068788 / 0.099519 = 0.6912 -> acceleration needed
    assert jobs_2026["growth_ratio"] == pytest.approx(JOBS_ACTUAL / JOBS_2026_FROM_2022, rel=1e-12)
    assert jobs_2026["growth_ratio_band"] == "acceleration needed"
    # 148,500 * 1.068788 ** 2 = 169,633: reached in 2028 at that pace
    assert round(jobs_2026["projected_at_target_year"]) == 169_633
    assert jobs_2026["target_reached_year"] == 2028
    # The 2030 export target on both series, both verdicts.
    current = _reading(rows, "exports")
    legacy = _reading(rows, "exports (offshoring-legacy)")
    assert (current["series"], current["target_source"]) == ("digital-outsourcing", "nap-2026")
    assert (legacy["series"], legacy["target_source"]) == (
        "offshoring-legacy",
        "souss-digital-2024",
    )
    assert current["target"] == legacy["target"] == 40_000_000_000
    assert current["growth_ratio"] == pytest.approx(CURRENT_R, rel=1e-9)
    assert current["growth_ratio_band"] == "limited progress"
    assert (legacy["since_year"], legacy["latest_year"]) == (2018, 2023)
    assert legacy["actual_cagr"] == pytest.approx(LEGACY_ACTUAL, rel=1e-12)
    assert legacy["required_cagr_from_base"] == pytest.approx(LEGACY_REQUIRED_2030, rel=1e-12)
    assert legacy["growth_ratio"] == pytest.approx(LEGACY_ACTUAL / LEGACY_REQUIRED_2030, rel=1e-9)
    assert round(legacy["growth_ratio"], 4) == 1.0084
    assert legacy["growth_ratio_band"] == "on track"
    assert current["same_target_on"] == "offshoring-legacy"
    assert legacy["same_target_on"] == "digital-outsourcing"
    # The 2026 export target is assessed on the older series only, from its own figures.
    interim = _reading(rows, "exports 2026 (offshoring-legacy)")
    assert (interim["series"], interim["latest"], interim["target"]) == (
        "offshoring-legacy",
        17_900_000_000,
        25_000_000_000,
    )
    # required 2023-2026: (25 / 17.9) ** (1 / 3) - 1 = 0.117804
    assert interim["required_cagr_from_latest"] == pytest.approx((25 / 17.9) ** (1 / 3) - 1)
    assert "creation of 270,000 jobs" in jobs["target_notes"]
    assert "2.23x" in current["target_notes"]


DEPENDS = (
    "exports: the 2030 target (40.00 bn MAD) is stated on two series, so the verdict depends on "
    "which series it refers to: limited progress on digital-outsourcing (2023-2024, source "
    "nap-2026) vs on track on offshoring-legacy (2018-2023, source souss-digital-2024)."
)


def _check_notes(notes: list[str]) -> None:
    assert DEPENDS in notes
    (why,) = [n for n in notes if n.startswith("exports 2026 (offshoring-legacy): the 2026")]
    assert "26.22 bn MAD" in why and "already above it" in why
    assert "says nothing about progress" in why


def test_status_json_assesses_every_published_target_api() -> None:
    report = status_report(Options())
    document = json.loads(json.dumps({"results": report.records()}))
    _check_document(document)
    _check_notes(list(report.notes))
    sources = set(report.sources)
    assert {"nap-2026", "souss-digital-2024", "dayfr-2024"} <= sources


def test_status_json_assesses_every_published_target(run: RunCli) -> None:
    document = result_json(run("status", "--json"))
    _check_document(document)
    _check_notes(document["notes"])


@pytest.mark.slow
def test_status_json_installed(run_installed: RunInstalled) -> None:
    done = run_installed("status", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    _check_document(document)
    _check_notes(document["notes"])


def test_status_table_shows_the_readings_side_by_side(run: RunCli) -> None:
    result = run("status", env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    (header,) = [line for line in lines if "exports (offshoring-legacy)" in line and "┃" in line]
    # the two readings of the 2030 export target are next to each other
    cells = [c.strip() for c in header.strip("┃").split("┃")]
    assert cells[3:5] == ["exports", "exports (offshoring-legacy)"]
    (band,) = [line for line in lines if line.startswith("│ R band")]
    assert [c.strip() for c in band.strip("│").split("│")][3:5] == ["limited progress", "on track"]
    assert DEPENDS in result.stdout.replace("\n", " ") or DEPENDS in lines


def test_status_csv_has_a_row_per_reading(run: RunCli) -> None:
    result = run("status", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["metric"], r["target_year"], r["series"]) for r in rows] == [
        ("jobs", "2030", "offshoring-employment"),
        ("jobs", "2026", "offshoring-employment"),
        ("exports", "2030", "digital-outsourcing"),
        ("exports", "2030", "offshoring-legacy"),
        ("exports", "2026", "offshoring-legacy"),
    ]
    assert float(rows[1]["required_cagr_from_latest"]) == pytest.approx(0.131133, abs=5e-7)
    assert [r["growth_ratio_band"] for r in rows[2:4]] == ["limited progress", "on track"]
    assert rows[3]["target_source"] == "souss-digital-2024"


def test_status_markdown_heads_each_reading(run: RunCli) -> None:
    result = run("status", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if line.startswith("|  |"))
    assert header.split("|")[2:7] == [
        " jobs ",
        " jobs 2026 ",
        " exports ",
        " exports (offshoring-legacy) ",
        " exports 2026 (offshoring-legacy) ",
    ]
    assert "verdict depends on which series it refers to" in result.stdout


@pytest.mark.slow
def test_status_csv_and_markdown_installed(run_installed: RunInstalled) -> None:
    done = run_installed("status", "-f", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["reading"] for r in rows][2:4] == ["exports", "exports (offshoring-legacy)"]
    done = run_installed("status", "-f", "markdown")
    assert done.returncode == 0, done.stderr
    assert DEPENDS.replace("_", "\\_") in done.stdout or DEPENDS in done.stdout


# --- the other commands: the final target unless --target-year names another ---------------


def test_gap_uses_a_published_interim_target() -> None:
    (jobs, exports) = gap_report(Options(target_year=2026)).rows
    assert (jobs["target"], jobs["base_year"]) == (190_000, 2024)
    assert jobs["required_cagr"] == pytest.approx(JOBS_2026_FROM_2024, rel=1e-12)
    # exports 2026 is stated on the older series: baseline 17.9 bn (2023), never 26.22 bn
    assert (exports["target"], exports["baseline"], exports["base_year"]) == (
        25_000_000_000,
        17_900_000_000,
        2023,
    )


def test_a_target_value_given_still_wins() -> None:
    (jobs,) = gap_report(
        Options(metrics=("jobs",), target_year=2026, targets={"jobs": 200_000})
    ).rows
    assert (jobs["target"], jobs["target_year"]) == (200_000, 2026)
    (jobs,) = gap_report(
        Options(metrics=("jobs",), target_year=2027, targets={"jobs": 200_000})
    ).rows
    # (200,000 / 148,500) ** (1 / 3) - 1 = 0.104269
    assert jobs["required_cagr"] == pytest.approx((200_000 / 148_500) ** (1 / 3) - 1)


def test_a_target_year_without_a_published_target_lists_the_published_years() -> None:
    with pytest.raises(InputError) as raised:
        gap_report(Options(metrics=("jobs",), target_year=2027))
    assert raised.value.field == "target_year"
    assert "published target years: 2030, 2026" in str(raised.value)


def test_a_target_year_without_a_published_target_exits_2(run: RunCli) -> None:
    result = run("gap", "--target-year", "2028", "-m", "exports")
    assert result.exit_code == 2 and result.stdout == ""
    assert error_lines(result.stderr) == [
        "Error: exports has no published target for --target-year 2028 (published target "
        "years: 2030, 2026); choose one of those years, or give the value to reach in 2028 "
        "with --exports-target"
    ]


def test_status_with_a_target_year_assesses_that_target_only(run: RunCli) -> None:
    rows = _rows(result_json(run("status", "--target-year", "2026", "--json")))
    assert [r["reading"] for r in rows] == ["jobs 2026", "exports 2026 (offshoring-legacy)"]
    assert rows[0]["required_cagr_from_latest"] == pytest.approx(0.131133, abs=5e-7)


# --- scenario files ------------------------------------------------------------------------


def test_an_old_scenario_with_one_target_is_read(tmp_path: Path, run: RunCli) -> None:
    data = seed()
    for ind in data["indicators"]:
        ind.pop("other_targets")
        ind["target"].pop("notes")
    path = write(tmp_path, toml(data))
    document = result_json(run("--scenario", str(path), "status", "--json"))
    assert [r["reading"] for r in document["results"]] == ["jobs", "exports"]
    assert round(document["results"][0]["growth_ratio"], 4) == 0.7191


def _refused(change: Any) -> list[str]:
    data = seed()
    change(data)
    return problems_of(data)


def test_a_target_on_a_series_the_indicator_does_not_have_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][1]["other_targets"][0]["series"] = "nowhere"

    assert _refused(change) == [
        "indicators[1].other_targets[0].series: 'nowhere' is not a series of this indicator's "
        "observations (digital-outsourcing, offshoring-legacy)"
    ]


def test_two_targets_with_the_same_year_and_series_are_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][0]["other_targets"][0]["year"] = 2030

    assert _refused(change) == [
        "indicators[0].other_targets[0]: a second target for 2030 on series "
        "'offshoring-employment', first at target; give each year and series once"
    ]


def test_a_note_that_is_not_text_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][0]["other_targets"][0]["notes"] = ["fine", 3]

    (problem,) = _refused(change)
    assert problem.startswith("indicators[0].other_targets[0].notes[1]: must be a valid string")


def test_an_other_target_after_the_final_one_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][0]["other_targets"][0]["year"] = 2032

    assert _refused(change) == [
        "indicators[0].other_targets[0].year: 2032 is after the final target's year (2030); "
        "the final target is the latest: make this one the target"
    ]


@pytest.mark.slow
def test_bad_targets_exit_2_with_the_key_path(tmp_path: Path, run_installed: RunInstalled) -> None:
    data = seed()
    data["indicators"][1]["other_targets"][1]["series"] = "nowhere"
    path = write(tmp_path, toml(data))
    done = run_installed("--scenario", str(path), "status")
    assert done.returncode == 2 and done.stdout == ""
    assert "indicators[1].other_targets[1].series: 'nowhere' is not a series" in done.stderr


# --- readings the options leave no figures for -----------------------------------------------


def test_a_reading_without_figures_for_the_options_is_left_out_with_a_note() -> None:
    # --base-year 2024: the older series ends in 2023, so its targets cannot be assessed.
    report = status_report(Options(metrics=("exports",), base_year=2024))
    assert [r["reading"] for r in report.rows] == ["exports"]
    assert (
        "exports (offshoring-legacy): not assessed - series 'offshoring-legacy', on which this "
        "target is stated, has no whole-year figure for the base year 2024 (its years: 2018, "
        "2022, 2023)."
    ) in report.notes
    # a baseline given is a figure of the indicator's own series, never of the older one
    report = status_report(Options(metrics=("exports",), baselines={"exports": 27e9}))
    assert [r["reading"] for r in report.rows] == ["exports"]
    assert any("baseline given on the command line is a figure of the" in n for n in report.notes)
    # --since 2023: a year of the current series, not one before the older series' latest
    report = status_report(Options(), since=2023)
    assert [r["reading"] for r in report.rows] == ["jobs", "jobs 2026", "exports"]
    # jobs from 2023: (148,500 / 141,000) - 1 = 0.053191 a year
    assert report.rows[0]["actual_cagr"] == pytest.approx(148_500 / 141_000 - 1, rel=1e-12)


def test_the_two_readings_line_needs_two_assessed_readings() -> None:
    # --base-year 2023: the current series has one whole-year figure left, so only the older
    # reading of the 2030 export target is assessed: no "depends on" line.
    report = status_report(Options(metrics=("exports",), base_year=2023))
    assert not any("depends on which series" in n for n in report.notes)
    legacy = [r for r in report.rows if r["reading"] == "exports (offshoring-legacy)"]
    assert legacy[0]["growth_ratio_band"] == "on track"


# --- the first-half 2025 split by segment --------------------------------------------------

# 5.25 / 13.4 = 0.3918, 4.19 / 13.4 = 0.3127, 2.58 / 13.4 = 0.1925; the rest
# 13.4 - (5.25 + 4.19 + 2.58) = 1.38 bn = 0.1030 of the total.
H1_NOTE = (
    "Offshoring service exports by segment, H1 2025 (of 13.40 bn MAD): ITO 5.25 bn MAD "
    "(39.18 %), CRM 4.19 bn MAD (31.27 %), ESO 2.58 bn MAD (19.25 %); the rest, 1.38 bn MAD "
    "(10.30 %): BPO and KPO not published separately."
)


def test_segments_shows_the_first_half_2025_split(run: RunCli) -> None:
    from offshoring_cli.reports.segments import segments_report

    report = segments_report(Options())
    assert H1_NOTE in report.notes
    assert "walaw-2025-10" in report.sources
    document = result_json(run("segments", "--json"))
    assert H1_NOTE in document["notes"]
    assert [r["segment"] for r in document["results"]] == ["ITO", "CRM", "ESO", "BPO", "KPO"]


def test_a_split_of_a_figure_the_indicator_does_not_have_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        data["other_segments"][0]["period"] = "H2"
        data["other_segments"][0]["items"][1]["source"] = "nowhere"

    problems = _refused(change)
    assert problems[0].startswith("other_segments[0].items[1].source: unknown source id 'nowhere'")
    assert problems[1] == (
        "other_segments[0].year: exports has no H2 figure for 2025 in its target's series to split"
    )


def test_the_brief_says_the_verdict_depends_on_the_series(run: RunCli) -> None:
    result = run("report")
    assert result.exit_code == 0, result.stderr
    assert f"- {DEPENDS}" in result.stdout


@pytest.mark.slow
def test_target_year_installed(run_installed: RunInstalled) -> None:
    done = run_installed("gap", "--target-year", "2026", "-m", "jobs", "--json")
    assert done.returncode == 0, done.stderr
    (jobs,) = json.loads(done.stdout)["results"]
    assert (jobs["target"], jobs["target_source"]) == (190_000, "souss-digital-2024")
    assert jobs["required_cagr"] == pytest.approx(0.131133, abs=5e-7)
    done = run_installed("cagr", "--target-year", "2027")
    assert done.returncode == 2 and done.stdout == ""
    assert error_lines(done.stderr) == [
        "Error: jobs has no published target for --target-year 2027 (published target years: "
        "2030, 2026); choose one of those years, or give the value to reach in 2027 with "
        "--jobs-target"
    ]


def test_only_the_final_target_declares_a_described_multiple() -> None:
    def change(data: dict[str, Any]) -> None:
        data["indicators"][1]["other_targets"][0]["described_multiple"] = 2.0

    assert _refused(change) == [
        "indicators[1].other_targets[0].described_multiple: only the final target may declare "
        "one; declare a claim about another target in [[insights]]"
    ]


def test_a_target_on_a_series_of_half_year_figures_only_is_not_assessed_with_a_reason() -> None:
    # Found by a new user: status, report, workbook and scenario diff failed with exit 1
    # (IndexError) on such a target; the final target on its own series is assessed as before.
    scenario = str(Path(__file__).parent / "data" / "half-year-target.toml")
    result = invoke_cli("--scenario", scenario, "status", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [row["reading"] for row in document["results"]] == ["jobs"]
    # (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788, as the built-in data
    assert document["results"][0]["actual_cagr"] == pytest.approx(0.068788, abs=1e-6)
    assert (
        "jobs (half): not assessed - series 'half' of jobs, on which its 2030 target is "
        "stated, has no whole-year observation to serve as the baseline."
    ) in document["notes"]
