"""The README and the shipped examples: every README example is the real output, every command
has a section, the quick start is two commands, exit codes are documented, and the validation
example reproduces from a clone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command

from offshoring_cli.cli.commands import all_commands

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_readme_examples_are_the_real_output() -> None:
    script = ROOT / "scripts" / "readme_examples.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(all_commands()))
def test_every_command_has_a_readme_section(name: str) -> None:
    headings = [line for line in README.splitlines() if line.startswith("#")]
    assert any(f"`offshoring {name}`" in line for line in headings), name


def test_quick_start_is_two_commands_install_and_test() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = block.strip().splitlines()
    assert len(lines) == 2
    assert "pip install ." in lines[0] and lines[0].endswith("offshoring gap")
    assert "pip install '.[test]'" in lines[1] and lines[1].endswith("pytest")


def test_exit_codes_are_documented() -> None:
    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    for code in ("| 0 |", "| 1 |", "| 2 |"):
        assert code in section


def test_the_group_help_lists_every_command_with_its_own_summary() -> None:
    # The group's --help is drawn from registered summaries without building any command:
    # each must be the first line of the command's own help.
    from click.testing import CliRunner

    from offshoring_cli.cli import cli

    listing = CliRunner().invoke(cli, ["--help"], terminal_width=200).stdout
    for name, command in all_commands().items():
        first_line = (command.help or "").strip().splitlines()[0]
        assert f"{name}  " in listing and first_line in listing, name


@pytest.mark.slow
def test_readme_explain_example_lines_are_the_real_output() -> None:
    # The --explain example is cut ("..."), so the example checker skips it: each of its
    # formula lines must still be a line of the real output (it once read "= 20,250 a year").
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\$ offshoring cagr --metric jobs --explain\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    shown = [line for line in block.group(1).splitlines() if line.startswith("  jobs: ")]
    assert len(shown) == 4
    real = subprocess.run(
        [sys.executable, "-m", "offshoring_cli", "cagr", "--metric", "jobs", "--explain"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for line in shown:
        assert line in real, line


@pytest.mark.slow
def test_the_readme_validation_example_reproduces_from_a_clone() -> None:
    # Once the README showed 'scenario validate broken.toml' with no such file shipped.
    block = re.search(
        r"```console\n\$ (offshoring scenario validate examples/broken\.toml)\n(.*?)```",
        README,
        re.S,
    )
    assert block is not None
    done = subprocess.run(
        [*offshoring_command(), *block[1].split()[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_environ(),
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == block[2]
