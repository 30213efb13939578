"""Figure overrides for any indicator: ``--baseline ID=VALUE`` and ``--target ID=VALUE`` (and
the ``--jobs-baseline``-style shorthands), a scenario whose only indicator is ``hires``, the
completion of indicator ids from the dataset in use, and the warning for an implausible
figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from helpers import by_metric, error_lines

from offshoring_cli.cli.options import _complete_metric, _complete_pair
from offshoring_cli.cli.run import _figures
from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.core.resolve import Options, resolve
from offshoring_cli.errors import InputError
from offshoring_cli.reports.gap import gap_report


def test_magnitude_warning(run: Any) -> None:
    result = run("gap", "--exports-target", "40", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert by_metric(document)["exports"]["target"] == 40
    assert "did you mean 40bn?" in result.stderr
    assert result.stderr.startswith("Warning:")
    assert not error_lines(result.stderr)


def test_no_warning_for_plausible_overrides(run: Any) -> None:
    result = run("gap", "--exports-target", "45bn", "--jobs-baseline", "150k", "--json")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_magnitude_warning_for_a_tiny_override() -> None:
    # 0.001 MAD against a 40 bn target (1e-320, below 1e-6, is refused as on the command line)
    options = Options(metrics=("exports",), targets={"exports": 1e-3})
    _, warnings = resolve(options)
    assert len(warnings) == 1
    assert "smaller" in warnings[0]


HIRES = """\
scenario_version = 1
name = "hiring"
description = "Hires of a programme."

[sources.hr]
publisher = "HR office"
title = "Hiring report"
date = "2025"
url = "https://example.org/hires"

[[indicators]]
id = "hires"
label = "Programme hires"
unit = "people"
direction = "increase"
target = {year = 2030, value = 2000, series = "hires", source = "hr"}

[[indicators.observations]]
year = 2022
value = 800
series = "hires"
source = "hr"

[[indicators.observations]]
year = 2024
value = 1000
series = "hires"
source = "hr"
"""


@pytest.fixture
def hires(tmp_path: Path) -> str:
    path = tmp_path / "hires.toml"
    path.write_text(HIRES, encoding="utf-8")
    return str(path)


def test_hires_file_has_no_jobs_or_exports() -> None:
    assert "jobs" not in HIRES and "exports" not in HIRES and "MAD" not in HIRES


OVERRIDES = ("--baseline", "hires=1200", "--target", "hires=2000")


def _json(run_installed: Any, *args: str) -> dict[str, Any]:
    done = run_installed(*args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


@pytest.mark.slow
def test_hires_gap_with_overrides(run_installed: Any, hires: str) -> None:
    doc = _json(run_installed, "--scenario", hires, "gap", *OVERRIDES, "--json")
    assert doc["inputs"]["overrides"] == {"hires_baseline": 1200, "hires_target": 2000}
    (row,) = doc["results"]
    assert row["baseline"] == 1200 and row["baseline_source"] == "override"
    assert row["gap"] == 800  # 2000 - 1200
    assert row["linear_increment_per_year"] == pytest.approx(800 / 6)  # 133.33 a year
    # (2000 / 1200) ** (1 / 6) - 1 = exp(ln(5 / 3) / 6) - 1 = exp(0.510826 / 6) - 1 = 0.088867
    assert row["required_cagr"] == pytest.approx(0.088867, abs=1e-6)


@pytest.mark.slow
def test_hires_status_and_cagr_with_overrides(run_installed: Any, hires: str) -> None:
    doc = _json(run_installed, "--scenario", hires, "status", *OVERRIDES, "--json")
    (row,) = doc["results"]
    # 800 (2022) -> 1200 (2024, the override): (1200 / 800) ** (1 / 2) - 1 = 0.224745
    assert row["actual_cagr"] == pytest.approx(0.224745, abs=1e-6)
    # required from 2022: (2000 / 800) ** (1 / 8) - 1 = 0.121347; R = 0.224745 / 0.121347
    assert row["growth_ratio"] == pytest.approx(0.224745 / 0.121347, rel=1e-4)
    doc = _json(run_installed, "--scenario", hires, "cagr", *OVERRIDES, "--json")
    assert doc["results"][0]["actual_cagr"] == pytest.approx(0.224745, abs=1e-6)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("trajectory", *OVERRIDES),
        ("project", "--growth", "8%", *OVERRIDES),
        ("project", "--increment", "100 people", "-m", "hires", *OVERRIDES),
        ("sensitivity", "--years", "2030", *OVERRIDES),
        ("scenario", "show"),
        ("gap",),
    ],
)
def test_hires_every_json_command(run_installed: Any, hires: str, args: tuple[str, ...]) -> None:
    doc = _json(run_installed, "--scenario", hires, *args, "--json")
    assert doc["results"]


@pytest.mark.slow
def test_hires_project_increment_reaches_target(run_installed: Any, hires: str) -> None:
    doc = _json(
        run_installed, "--scenario", hires, "project", "--increment", "100", "-m", "hires",
        *OVERRIDES, "--json",
    )  # fmt: skip
    (row,) = doc["results"]
    # 1200 + 100 * 6 = 1800 in 2030, 200 short; 2000 reached after 8 years: 2032
    assert row["value_at_target_year"] == 1800
    assert row["gap_at_target_year"] == 200
    assert row["target_reached_year"] == 2032


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("chart", "-m", "hires", *OVERRIDES),
        ("report", *OVERRIDES),
        ("gap", *OVERRIDES),
        ("status", *OVERRIDES, "--format", "markdown"),
    ],
)
def test_hires_text_commands(run_installed: Any, hires: str, args: tuple[str, ...]) -> None:
    done = run_installed("--scenario", hires, *args)
    assert done.returncode == 0, done.stderr
    assert "hires" in done.stdout or "Programme hires" in done.stdout
    assert "jobs" not in done.stdout.lower() and "exports" not in done.stdout.lower()


@pytest.mark.slow
def test_hires_segments_refused_clearly(run_installed: Any, hires: str) -> None:
    done = run_installed("--scenario", hires, "segments")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "Error: the dataset 'hiring' has no segments"


@pytest.mark.slow
def test_hires_counts_are_whole_people(run_installed: Any, hires: str) -> None:
    done = run_installed("--scenario", hires, "gap", "--baseline", "hires=1.5")
    assert done.returncode == 2
    assert "Error: Invalid value for '--baseline hires': '1.5' is not a whole number of people" in (
        done.stderr
    )
    assert "-5k" not in done.stderr  # the example is a count, not a signed increment
    doc = _json(
        run_installed, "--scenario", hires, "gap", "--baseline", "hires=1.5k people", "--json"
    )
    assert doc["results"][0]["baseline"] == 1500


@pytest.mark.slow
def test_unknown_id_lists_the_dataset_ids(run_installed: Any, hires: str) -> None:
    done = run_installed("--scenario", hires, "gap", "--jobs-baseline", "150k")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "Error: --jobs-baseline: the dataset 'hiring' has no jobs indicator; indicators: hires"
    )
    done = run_installed("gap", "--target", "hires=5")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "Error: --target hires: the dataset 'morocco-offshoring' has no hires indicator; "
        "indicators: jobs, exports"
    )


@pytest.mark.slow
def test_shorthand_and_generic_agree_or_are_refused(run_installed: Any) -> None:
    same = _json(run_installed, "gap", "-m", "jobs", "--jobs-baseline", "150k",
                 "--baseline", "jobs=150,000", "--json")  # fmt: skip
    # 270,000 - 150,000 = 120,000
    assert same["results"][0]["gap"] == 120_000
    assert same["inputs"]["overrides"] == {"jobs_baseline": 150_000}
    done = run_installed("gap", "--jobs-baseline", "150k", "--baseline", "jobs=151k")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "Error: --jobs-baseline '150k' and --baseline 'jobs=151k' disagree; give only one of them."
    )


@pytest.mark.slow
def test_generic_equals_shorthand_for_builtin(run_installed: Any) -> None:
    generic = _json(run_installed, "gap", "--baseline", "exports=27bn", "--target",
                    "jobs=300k", "--json")  # fmt: skip
    short = _json(run_installed, "gap", "--exports-baseline", "27bn", "--jobs-target", "300k",
                  "--json")  # fmt: skip
    assert generic == short
    rows = {r["metric"]: r for r in generic["results"]}
    assert rows["jobs"]["gap"] == 151_500  # 300,000 - 148,500
    assert rows["exports"]["baseline"] == 27_000_000_000


@pytest.mark.slow
def test_pair_without_equals_is_refused(run_installed: Any) -> None:
    done = run_installed("gap", "--baseline", "jobs")
    assert done.returncode == 2
    assert "Error: Invalid value for '--baseline': 'jobs' is not ID=VALUE" in done.stderr


@pytest.mark.slow
def test_magnitude_warning_names_the_generic_option(run_installed: Any, hires: str) -> None:
    done = run_installed("--scenario", hires, "gap", "--baseline", "hires=2", "--json")
    assert done.returncode == 0
    # 2 / 1000 = 0.002: not at least 1,000 times smaller, no warning
    assert done.stderr == ""
    done = run_installed("--scenario", hires, "gap", "--target", "hires=3M", "--json")
    assert done.returncode == 0
    # 3,000,000 / 2,000 = 1,500 times the target
    assert done.stderr.startswith(
        "Warning: --target hires 3,000,000 is at least 1,000 times larger than the built-in figure"
    )


# --- the API: the core names inputs --------------------------------------------------------


def test_api_override_of_any_indicator() -> None:
    report = gap_report(Options(metrics=("jobs",), baselines={"jobs": 150_000}))
    assert report.rows[0]["gap"] == 120_000  # 270,000 - 150,000


def test_api_unknown_override_names_the_input() -> None:
    with pytest.raises(InputError) as caught:
        gap_report(Options(baselines={"hires": 5}))
    assert caught.value.field == "baseline[hires]"
    assert "--" not in str(caught.value)
    assert str(caught.value) == (
        "the dataset 'morocco-offshoring' has no hires indicator, so baseline[hires] does not "
        "apply; indicators: jobs, exports"
    )


def test_figures_are_read_in_the_indicator_unit() -> None:
    with click.Context(click.Command("x")):
        figures = _figures(BUILTIN, "baseline", (("exports", "26.5 bn MAD"),), {"jobs": "149k"})
    assert figures == {"jobs": 149_000, "exports": 26_500_000_000}


def test_completion_from_the_dataset_in_use(hires: str, monkeypatch: pytest.MonkeyPatch) -> None:
    context = click.Context(click.Command("gap"))
    assert _complete_metric(context, click.Option(["-m"]), "") == ["jobs", "exports"]
    monkeypatch.setenv("OFFSHORING_SCENARIO", hires)
    assert _complete_metric(context, click.Option(["-m"]), "h") == ["hires"]
    assert _complete_pair(context, click.Option(["--baseline"]), "") == ["hires="]
    assert _complete_pair(context, click.Option(["--baseline"]), "hires=1") == []
    monkeypatch.setenv("OFFSHORING_SCENARIO", hires + ".missing")
    assert _complete_metric(context, click.Option(["-m"]), "") == []  # the run would have none
