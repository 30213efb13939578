"""The Click layer, in process: every format, exact figures, exit codes and error lines."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click
import pytest

import offshoring_cli
from offshoring_cli import render
from offshoring_cli.cli.commands import all_commands
from offshoring_cli.core.resolve import Options, resolve
from offshoring_cli.reports import Report, growth
from offshoring_cli.reports import gap as gap_module

SIX_DECIMALS = 5e-7
SOURCE_URL = (
    "https://northafricapost.com/94441-morocco-unveils-upgraded-offshoring-strategy-"
    "to-accelerate-digital-growth.html"
)


def parse_json(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def by_metric(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["metric"]: row for row in document["results"]}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


# ---------------------------------------------------------------------------------------------
# gap: JSON


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
    # 100 is over 1,000 times smaller than 148,500: a warning on stderr, JSON still clean
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


def test_cagr_override_from_the_help_example(run: Any) -> None:
    document = parse_json(
        run(
            "cagr",
            "--jobs-baseline",
            "100",
            "--jobs-target",
            "200",
            "--base-year",
            "2020",
            "--target-year",
            "2030",
            "-m",
            "jobs",
            "--json",
        )
    )
    (jobs,) = document["results"]
    assert jobs["required_cagr"] == pytest.approx(0.071773, abs=SIX_DECIMALS)
    assert jobs["actual_cagr"] is None  # no jobs observation before 2020


# ---------------------------------------------------------------------------------------------
# CSV


@pytest.mark.parametrize("command", ["gap", "cagr"])
def test_csv_one_header_and_one_row_per_metric(run: Any, command: str) -> None:
    result = run(command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 3  # header + jobs + exports
    header = rows[0]
    assert header[0] == "metric"
    records = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["metric"] for r in records] == ["jobs", "exports"]
    assert len(set(header)) == len(header)
    # the CSV carries the same keys as the JSON results
    document = parse_json(run(command, "--json"))
    assert header == list(document["results"][0])


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


@pytest.mark.parametrize("columns", ["20", "40", "80", "200"])
def test_table_never_cuts_numbers(run: Any, columns: str) -> None:
    result = run("gap", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    for text in ("121,500 jobs", "13.78 bn MAD", "10.48 %", SOURCE_URL):
        assert text in result.stdout, (columns, text)


def test_cagr_table(run: Any) -> None:
    result = run("cagr")
    assert result.exit_code == 0, result.stderr
    for text in ("6.88 %", "10.48 %", "9,250 jobs a year", SOURCE_URL):
        assert text in result.stdout, text
    result = run("cagr", "-m", "jobs", "--base-year", "2020", "--jobs-baseline", "100k")
    assert "n/a" in result.stdout


def test_every_format_has_a_renderer() -> None:
    for fmt in render.FORMATS:
        assert fmt == "table" or fmt in render.RENDERERS, fmt
    assert set(render.RENDERERS) <= set(render.FORMATS)


@pytest.mark.parametrize("command", ["gap", "cagr"])
@pytest.mark.parametrize("fmt", render.FORMATS)
def test_every_format_works_for_every_command(run: Any, command: str, fmt: str) -> None:
    result = run(command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""


# ---------------------------------------------------------------------------------------------
# Bad input: exit 2, nothing on stdout, one Error: line on stderr


BAD_INPUT = [
    ("cagr", "--target-year", "1999"),
    ("gap", "--jobs-baseline", "abc"),
    ("cagr", "--jobs-baseline", "0"),
    ("gap", "--exports-target", "nan"),
    ("gap", "--exports-baseline", "26,22"),
    ("gap", "--jobs-baseline", "12,34,5"),
    ("gap", "--jobs-baseline", "1.2.3"),
    ("gap", "--exports-target", "inf"),
    ("gap", "--exports-target", "1e309"),
    ("gap", "--jobs-baseline", "-5"),
    ("gap", "--jobs-target", "-5"),
    ("gap", "--base-year", "2022"),
    ("gap", "--target-year", "2024"),
    ("gap", "--json", "--format", "csv"),
    ("gap", "--metric", "foo"),
    ("gap", "--base-year", "20x"),
    ("gap", "--jobs-baseline", "148.55"),
    ("gap", "--exports-target", "26.22xy"),
    ("cagr", "--base-year", "2023", "-m", "jobs"),
    ("gap", "--no-such-option"),
    ("nosuchcommand",),
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_bad_input(run: Any, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(error_lines(result.stderr)) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("gap", "--base-year", "2022"), "--exports-baseline"),
        (("cagr", "--target-year", "1999"), "after the base year"),
        (("gap", "--exports-baseline", "26,22"), "use a dot for decimals: 26.22"),
        (("gap", "--jobs-baseline", "12,34,5"), "groups of three"),
        (("gap", "--json", "--format", "csv"), "--json"),
        (("gap", "--jobs-baseline", "abc"), "--jobs-baseline"),
    ],
)
def test_bad_input_message(run: Any, args: tuple[str, ...], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert fragment in line


def test_json_with_format_json_agrees(run: Any) -> None:
    assert run("gap", "--json", "--format", "json").stdout == run("gap", "--json").stdout


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


# ---------------------------------------------------------------------------------------------
# Version, help


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(run: Any, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert offshoring_cli.__version__ in result.stdout
    assert result.stdout.strip() == f"offshoring, version {offshoring_cli.__version__}"


def test_every_command_help_has_examples(run: Any) -> None:
    assert all_commands(), "the group has no commands"
    for name in all_commands():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Examples:" in result.stdout, name
        assert f"offshoring {name}" in result.stdout, name


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_group_help(run: Any, flag: str) -> None:
    result = run(flag)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    for name in all_commands():
        assert name in result.stdout


@pytest.mark.parametrize("name", ["gap", "cagr"])
def test_gap_and_cagr_share_the_figure_options(name: str) -> None:
    command = all_commands()[name]
    options = {opt for p in command.params for opt in getattr(p, "opts", [])}
    for opt in (
        "--metric",
        "--base-year",
        "--target-year",
        "--jobs-baseline",
        "--jobs-target",
        "--exports-baseline",
        "--exports-target",
        "--format",
        "--json",
    ):
        assert opt in options, (name, opt)


# Commands that write a report; `scenario` and `schema` print files or checks, `chart` and
# `report` draw charts and briefs (their own --output and formats).
REPORT_COMMANDS = [n for n in all_commands() if n not in {"scenario", "schema", "chart", "report"}]


def test_every_command_has_the_output_options() -> None:
    for name in REPORT_COMMANDS:
        command = all_commands()[name]
        options = {opt for p in command.params for opt in getattr(p, "opts", [])}
        assert {"--format", "--json"} <= options, name


# ---------------------------------------------------------------------------------------------
# Unexpected failures: exit 1 with one Error: line, or the traceback under OFFSHORING_DEBUG


def _boom(options: Options) -> Report:
    raise RuntimeError("boom")


def test_unexpected_exception_is_one_clean_line(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gap_module, "gap_report", _boom)
    result = run("gap")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: unexpected failure")
    assert "boom" in lines[0]
    assert "Traceback" not in result.stderr


def test_unexpected_exception_propagates_with_debug(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gap_module, "gap_report", _boom)
    monkeypatch.setenv("OFFSHORING_DEBUG", "1")
    result = run("gap")
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "boom"


def test_click_exceptions_are_not_wrapped(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(options: Options) -> Report:
        raise click.UsageError("refused")

    monkeypatch.setattr(growth, "cagr_report", refuse)
    result = run("cagr")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["Error: refused"]


# ---------------------------------------------------------------------------------------------
# Extreme but accepted input must not end in "unexpected failure" (exit 1)


def test_extreme_decline_is_computed(run: Any) -> None:
    result = run("gap", "-m", "jobs", "--jobs-baseline", "1e18", "--jobs-target", "1", "--json")
    assert result.exit_code == 0, result.stderr
    (jobs,) = json.loads(result.stdout)["results"]
    assert jobs["required_cagr"] == pytest.approx(-0.999, abs=1e-12)


def test_tiny_baseline_is_not_an_unexpected_failure(run: Any) -> None:
    result = run("gap", "-m", "exports", "--exports-baseline", "1e-300", "--json")
    assert result.exit_code in (0, 2), result.stderr
    assert "unexpected failure" not in result.stderr


def test_absurd_exponent_is_bad_input(run: Any) -> None:
    result = run("gap", "--exports-target", "1e99999999999")
    assert result.exit_code == 2, result.stderr
    (line,) = error_lines(result.stderr)
    assert "too large" in line


def test_magnitude_warning_for_a_tiny_override() -> None:
    options = Options(metrics=("exports",), targets={"exports": 1e-320})
    _, warnings = resolve(options)
    assert len(warnings) == 1
    assert "smaller" in warnings[0]
