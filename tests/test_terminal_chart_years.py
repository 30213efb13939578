"""The terminal chart's year axis (s5 finding 10): at a narrow width plotext dropped the labels
that would touch (``COLUMNS=60``: 2018, 2022-2026, 2028, 2029 -- no 2027, and no 2030, the target
year). Years are now labelled every 1, 2, 5... years counted back from the last one, the
smallest step that fits: evenly spaced, the target year always among them (40 columns: about
35 cells for 12 years, 6 cells a label: every 5 years; 60: every 2; 100: every year).

Built-in exports: observations from 2018, the target in 2030 (13 years).
"""

from __future__ import annotations

import re

import pytest
from helpers import installed

YEARS = re.compile(r"^\s+\d{4}(?: +\d{4})+\s*$")


def _axis(columns: int, lang: str) -> list[int]:
    env = {"COLUMNS": str(columns), "TERM": "dumb"}
    done, _ = installed("--lang", lang, "chart", "-m", "exports", env=env)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.decode().splitlines() if YEARS.match(line)]
    assert len(rows) == 1, done.stdout.decode()
    return [int(year) for year in rows[0].split()]


@pytest.mark.slow
@pytest.mark.parametrize(("columns", "step"), [(40, 5), (60, 2), (100, 1), (140, 1)])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_years_are_evenly_spaced_and_end_on_the_target_year(
    columns: int, step: int, lang: str
) -> None:
    years = _axis(columns, lang)
    assert years[-1] == 2030
    assert years == list(range(2030, 2017, -step))[::-1], years
