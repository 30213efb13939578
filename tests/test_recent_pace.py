"""Issue 12: the recent-pace insight (latest interval against the whole period)."""

from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli
from helpers import proc_json, result_json, seed, toml, write

from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.status import status_report

# jobs: 2022 -> 2023: 141,000 / 130,000 - 1 = 11,000 / 130,000 = 0.0846154 (8.46 %);
# 2023 -> 2024: 148,500 / 141,000 - 1 = 7,500 / 141,000 = 0.0531915 (5.32 %);
# 2022 -> 2024: (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788 (6.88 %).
JOBS = {
    "id": "jobs_recent_pace",
    "metric": "jobs",
    "from_year": 2023,
    "to_year": 2024,
    "earlier_from_year": 2022,
    "whole_from_year": 2022,
}


def _check(item: dict[str, Any]) -> None:
    assert {k: item[k] for k in JOBS} == JOBS
    assert item["recent_cagr"] == pytest.approx(7_500 / 141_000, abs=1e-12)
    assert item["earlier_cagr"] == pytest.approx(11_000 / 130_000, abs=1e-12)
    assert round(item["whole_cagr"], 6) == 0.068788
    assert item["text"] == (
        "Recent pace: jobs grew 5.32 % a year from 2023 to 2024, slower than the 6.88 % a year "
        "of the whole period 2022-2024 (8.46 % a year from 2022 to 2023)."
    )


def test_recent_pace_of_jobs_by_the_python_api() -> None:
    report = status_report(Options())
    found = [i for i in report.insights or [] if i["id"].endswith("_recent_pace")]
    assert len(found) == 1  # exports have one interval in their target's series: none
    _check(found[0])


@pytest.mark.slow
def test_recent_pace_of_jobs_by_the_installed_command(run_installed: Any) -> None:
    document = proc_json(run_installed("status", "--json"))
    (item,) = [i for i in document["insights"] if i["id"] == "jobs_recent_pace"]
    _check(item)
    assert "Insight: Recent pace: jobs grew 5.32 %" in run_installed("status").stdout


def test_recent_pace_is_generic_and_faster_is_said(run: RunCli, tmp_path: Path) -> None:
    # a scenario whose exports gain a 2025 figure of 27.5 bn on the current series:
    # 2024 -> 2025: 27.5 / 26.22 - 1 = 0.048818 (4.88 %), faster than
    # 2023 -> 2025: (27.5 / 26.17) ** (1 / 2) - 1 = 0.025089 (2.51 %).
    data = seed()
    exports = data["indicators"][1]
    exports["observations"].append(
        {
            "year": 2025,
            "value": 27_500_000_000,
            "series": "digital-outsourcing",
            "source": "nap-2026",
        }
    )
    path = write(tmp_path, toml(data))
    document = result_json(run("--scenario", str(path), "status", "-m", "exports", "--json"))
    (item,) = [i for i in document["insights"] if i["id"] == "exports_recent_pace"]
    assert item["recent_cagr"] == pytest.approx(27.5 / 26.22 - 1, rel=1e-12)
    assert item["whole_cagr"] == pytest.approx((27.5 / 26.17) ** 0.5 - 1, rel=1e-12)
    assert (
        "exports grew 4.88 % a year from 2024 to 2025, faster than the 2.51 % a year"
        in (item["text"])
    )


def test_a_fall_is_said_as_a_fall() -> None:
    # --jobs-baseline 135,000 stands in for 2024: 135,000 / 141,000 - 1 = -0.042553 (-4.26 %);
    # whole period (135,000 / 130,000) ** (1 / 2) - 1 = 0.019049 (1.90 %).
    options = Options(metrics=("jobs",), baselines={"jobs": 135_000})
    (item,) = [i for i in status_report(options).insights or [] if i["id"] == "jobs_recent_pace"]
    assert item["recent_cagr"] == pytest.approx(-6_000 / 141_000, abs=1e-12)
    assert item["text"].startswith(
        "Recent pace: jobs fell 4.26 % a year from 2023 to 2024, whereas it grew 1.90 % a year"
    )
