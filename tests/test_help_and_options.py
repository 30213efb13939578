"""The command line itself: ``--help``/``-h`` and ``--version``/``-V``, examples in every
command's help, the output and figure options every report command shares, and
``python -m offshoring_cli`` giving the same output as the installed command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import SIX_DECIMALS, error_line, invoke_cli, parse_json

import offshoring_cli
from offshoring_cli.cli.commands import all_commands


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
REPORT_COMMANDS = [
    n
    for n in all_commands()
    if n not in {"scenario", "schema", "chart", "report", "workbook", "sources"}
]


def test_every_command_has_the_output_options() -> None:
    for name in REPORT_COMMANDS:
        command = all_commands()[name]
        options = {opt for p in command.params for opt in getattr(p, "opts", [])}
        assert {"--format", "--json"} <= options, name


@pytest.mark.slow
@pytest.mark.parametrize("args", [["gap", "--json"], ["cagr", "--format", "csv"], ["--version"]])
def test_python_m_gives_identical_output(
    run_installed: Any, subprocess_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    installed = run_installed(*args)
    module = subprocess.run(
        [sys.executable, "-m", "offshoring_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=subprocess_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert installed.returncode == module.returncode == 0, (installed.stderr, module.stderr)
    assert module.stdout == installed.stdout
    assert module.stderr == installed.stderr == ""


def test_lang_after_the_command_says_where_it_goes() -> None:
    # Found by a new user: 'gap --lang fr' answered "Did you mean '--explain'?"
    result = invoke_cli("gap", "--lang", "fr")
    assert result.exit_code == 2
    assert error_line(result.stderr) == (
        "Error: No such option '--lang' here: it goes before the command, as in "
        "'offshoring --lang fr gap'."
    )


def test_lang_takes_a_locales_code_and_refuses_an_empty_one() -> None:
    # Found by a new user: --lang fr_MA (the locale code an analyst types) was refused, and
    # --lang "" was taken for English
    french = invoke_cli("--lang", "fr_MA", "gap", "-m", "jobs")
    assert french.exit_code == 0 and french.stdout.startswith("Écart aux objectifs")
    assert invoke_cli("--lang", "ar-MA", "gap", "-m", "jobs").stdout.startswith("الفجوة")
    empty = invoke_cli("--lang", "", "gap")
    assert empty.exit_code == 2
    assert "'' is not a language of ours" in error_line(empty.stderr)
