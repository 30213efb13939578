"""A target multiple on a tie rounds half up, as a spreadsheet rounds (session 4 finding 14):
50 / 80 = 0.625 exactly reads 0.63x, not 0.62x (Python's round-half-even on the binary
value); JSON keeps the exact 0.625."""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli, result_json

from offshoring_cli.i18n import human
from offshoring_cli.render import numbers


@pytest.mark.parametrize(
    ("multiple", "shown"),
    [
        (0.625, "0.63x"),  # an exact binary tie: half up
        (0.615, "0.62x"),  # 0.61499999999999999112 in binary, but written 0.615: half up
        (1.005, "1.01x"),  # as a spreadsheet's ROUND(1.005, 2)
        (2.2346, "2.23x"),
        (1.8182, "1.82x"),
        (2.0, "2.00x"),
        (1e24, "1000000000000000000000000.00x"),
    ],
)
def test_multiples_round_half_up(multiple: float, shown: str) -> None:
    assert numbers.value("multiple", multiple, "") == shown


def test_french_multiple_rounds_half_up() -> None:
    with human("fr"):
        assert numbers.value("multiple", 0.625, "") == "0,63 fois"


def test_the_gap_table_shows_0_63x(tmp_path: Path) -> None:
    # 50 t target / 80 t baseline (2024) = 0.625
    path = em_path(tmp_path)
    (row,) = result_json(invoke_cli("--scenario", str(path), "gap", "--json"))["results"]
    assert row["target_multiple"] == 0.625
    table = plain(invoke_cli("--scenario", str(path), "gap").stdout)
    assert "Target multiple │ 0.63x" in table
    markdown = invoke_cli("--scenario", str(path), "gap", "-f", "markdown").stdout
    assert "| 0.63x |" in markdown
