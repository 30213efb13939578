"""The README's examples that are not regenerated reproduce from a clone: the scenario
validation example (examples/broken.toml) and the note on Moroccan units (MMDH, MDH, Md)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import RunInstalled, clean_environ, offshoring_command

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


@pytest.mark.parametrize(
    ("typed", "value"),
    # milliard(s): 26.22 * 10^9 = 26,220,000,000
    [("26.22 Md", 26_220_000_000), ("26.22mds", 26_220_000_000), ("26.22 Mds MAD", 26_220_000_000)],
)
def test_md_and_mds_are_milliards(run_installed: RunInstalled, typed: str, value: int) -> None:
    done = run_installed("gap", "-m", "exports", "--exports-baseline", typed, "--json")
    assert done.returncode == 0, done.stderr
    assert f'"baseline": {value},' in done.stdout


@pytest.mark.parametrize("typed", ["26.2 MMDH", "850 MDH", "26.2MMDH"])
def test_mmdh_and_mdh_are_refused_not_guessed(run_installed: RunInstalled, typed: str) -> None:
    # MMDH (milliards of dirhams) and MDH (millions of dirhams) are 1,000 apart: neither is read.
    done = run_installed("gap", "-m", "exports", "--exports-baseline", typed, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "unknown suffix or unit" in done.stderr
    assert "MMDH" in README and "MDH" in README and "`Mds`" in README
