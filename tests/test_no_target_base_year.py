"""An indicator without a published target in ``status``: ``--base-year`` applies to its row
as to every other (it moves the baseline back: the history ends there), and its growth is
given as its ``actual_cagr`` (with ``actual_periods``), as the verdict states it. Before the
fix, ``--base-year 2023`` was ignored for such a row (2022-2024 assessed) and ``actual_cagr``
was null beside a verdict giving 10.00 %/yr.

The scenario (tests/test_no_target.py): ``hires`` (target 200 in 2030; 100 in 2022, 121 in
2024) and ``applications`` (no target; 1,000 in 2022, 1,100 in 2023, 1,210 in 2024).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import RunCli, RunInstalled
from helpers import ROOT, error_lines, write
from test_no_target import SCENARIO

from offshoring_cli import api

SCHEMA = json.loads((ROOT / "offshoring_cli/schemas/status.schema.json").read_text("utf-8"))


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    return write(tmp_path, SCENARIO)


def _row(document: dict[str, Any]) -> dict[str, Any]:
    jsonschema.validate(document, SCHEMA)
    (row,) = [r for r in document["results"] if r["metric"] == "applications"]
    return row


def test_its_growth_is_its_actual_cagr(scenario: Path) -> None:
    # 2022-2024: (1,210 / 1,000) ** (1 / 2) - 1 = 1.1 - 1 = 0.10 over 2 years.
    row = _row(api.status(api.load(scenario)).to_document())
    assert row["actual_cagr"] == pytest.approx(0.10, abs=1e-12)
    assert row["actual_periods"] == 2
    assert row["actual_cagr"] == pytest.approx(row["open_sdg_progress_value"], abs=1e-15)
    assert row["assessed"] is False and row["growth_ratio"] is None  # still no R nor Q


def test_base_year_applies_to_it_through_the_api(scenario: Path) -> None:
    # --base-year 2023: the history ends in 2023: 1,100 / 1,000 - 1 = 0.10 over 1 year.
    document = api.status(api.load(scenario), metrics=["applications"], base_year=2023)
    row = _row(document.to_document())
    assert (row["since_year"], row["since_value"]) == (2022, 1000)
    assert (row["latest_year"], row["latest"]) == (2023, 1100)
    assert row["actual_cagr"] == pytest.approx(0.10, abs=1e-12) and row["actual_periods"] == 1
    assert "10.00 %/yr growth 2022-2023" in row["verdict"]


def test_base_year_applies_to_it_on_the_command_line(run: RunCli, scenario: Path) -> None:
    result = run("--scenario", str(scenario), "status", "--base-year", "2023", "-m", "applications")
    assert result.exit_code == 0, result.stderr
    assert "10.00 %/yr growth 2022-2023" in result.stdout
    (cagr_line,) = [line for line in result.stdout.splitlines() if "Actual CAGR a year" in line]
    assert "10.00 %" in cagr_line  # was n/a


@pytest.mark.slow
def test_base_year_applies_to_it_installed(run_installed: RunInstalled, scenario: Path) -> None:
    done = run_installed(
        "--scenario", str(scenario), "status", "--base-year", "2023", "-m", "applications", "--json"
    )
    assert done.returncode == 0, done.stderr
    row = _row(json.loads(done.stdout))
    assert (row["latest_year"], row["latest"], row["actual_periods"]) == (2023, 1100, 1)


def test_a_base_year_it_has_no_figure_for_is_refused(run: RunCli, scenario: Path) -> None:
    result = run("--scenario", str(scenario), "status", "--base-year", "2021", "-m", "applications")
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert "applications" in line and "2021" in line and "2022, 2023, 2024" in line, line
    assert "--base-year" in line


def test_a_base_year_that_leaves_one_figure_says_so(run: RunCli, scenario: Path) -> None:
    result = run(
        "--scenario", str(scenario), "status", "--base-year", "2022", "-m", "applications", "--json"
    )
    assert result.exit_code == 0, result.stderr
    row = _row(json.loads(result.stdout))
    assert (row["latest_year"], row["since_year"], row["actual_cagr"]) == (2022, None, None)
    assert "leave out --base-year" in row["verdict"]


@pytest.mark.slow
def test_the_new_messages_in_french_and_arabic(run_installed: RunInstalled, scenario: Path) -> None:
    args = ("--scenario", str(scenario), "status", "-m", "applications", "--base-year")
    fr = run_installed("--lang", "fr", *args, "2021")
    assert fr.returncode == 2
    assert "aucun chiffre de « applications » pour l'année de référence 2021" in fr.stderr
    ar = run_installed("--lang", "ar", *args, "2022")
    assert ar.returncode == 0, ar.stderr
    assert "احذف --base-year (أو أعط --base-year 2024)" in ar.stdout
