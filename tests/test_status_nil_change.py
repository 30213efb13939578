"""``status`` when the change the target needs from the base value is nil: the target equals
the base value, or lies closer to it than a double tells apart (an int target beside a float
base value near 1e18). R and Q divide by that change: both are undefined (``None``), never a
ZeroDivisionError, and the command and the API say why the reading is not assessed. Also the
year "reached" of an int latest value above 2**53: compared exactly, while a projection
rounds it to a double.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import installed

from offshoring_cli import api
from offshoring_cli.core import formulas, results
from offshoring_cli.scenario.validate import load

# 999,999,999,999,999,872.0 is a double (1e18 - 128; doubles are 128 apart there) and the
# int 999,999,999,999,999,900 rounds to it: target - base = 28 exactly, 0.0 in doubles.
BASE = 999_999_999_999_999_872.0
TARGET = 999_999_999_999_999_900

SCENARIO = f"""\
scenario_version = 1
name = "nil-change"
description = "A target a double cannot tell from the base value."

[sources.s]
publisher = "test"
title = "values near 1e18"
date = "2024"
url = "https://example.invalid/nil"

[[indicators]]
id = "big"
label = "Big"
unit = "t"
target = {{year = 2030, value = {TARGET}, series = "main", source = "s"}}

[[indicators.observations]]
year = 2022
value = {BASE!r}
series = "main"
source = "s"

[[indicators.observations]]
year = 2024
value = 5e17
series = "main"
source = "s"
"""


def test_the_needed_change_is_nil_in_doubles() -> None:
    assert TARGET != BASE and TARGET - BASE == 0.0
    assert formulas.no_change_needed(BASE, TARGET)
    assert formulas.no_change_needed(100, 100)
    assert not formulas.no_change_needed(BASE, 10**18)  # 1e18 - BASE = 128


def test_status_of_a_nil_change_has_no_ratio_and_no_score() -> None:
    # 2022 999,999,999,999,999,872 -> 2024 5e17: (0.5 ** (1 / 2)) - 1 = -29.29 %/yr while an
    # increase is wanted. Required from 2022: (TARGET / BASE) ** (1 / 8) - 1 = 0 in doubles.
    # R = actual / 0 and Q = (projected - base) / 0: undefined, so None. The value moves away
    # from the target: the bands are those of a negative R and Q.
    s = results.status(2022, BASE, 2024, 5e17, 2030, TARGET)
    assert s.required_cagr_from_base == 0.0
    assert s.achieved is False
    assert s.growth_ratio is None and s.progress_score is None
    assert s.growth_ratio_band == "moving away"
    assert s.progress_band == "stagnation or regression"
    assert s.reached_year is None  # falling: never at that pace


def test_status_of_a_target_equal_to_a_base_value_it_fell_from_is_moving_away() -> None:
    # Base 100, latest 90, target 100, increase wanted: required 0, actual -5.13 %/yr.
    # R = -0.0513 / 0 tends to minus infinity: "moving away" (it was "limited progress").
    s = results.status(2022, 100, 2024, 90, 2030, 100)
    assert (s.growth_ratio, s.progress_score) == (None, None)
    assert s.growth_ratio_band == "moving away"
    assert s.progress_band == "stagnation or regression"


def test_status_of_a_target_equal_to_an_unchanged_base_value_is_limited_progress() -> None:
    # Base 100, latest 100 (no change), target 100 with a decrease wanted is met; with an
    # increase wanted it is met too (>=). A nil change not met needs a value that moved: the
    # stagnant case is base 100, latest 100, target 100 + a change below a double's step.
    s = results.status(2022, 2.0**60, 2024, 2.0**60, 2030, 2**60 + 1)
    assert s.achieved is False and s.actual_cagr == 0.0
    assert (s.growth_ratio, s.progress_score) == (None, None)
    assert s.growth_ratio_band == "limited progress"  # R = 0 / 0: no move either way
    assert s.progress_band == "stagnation or regression"


def _reading(tmp_path: Path) -> Path:
    path = tmp_path / "nil.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


REASON = "equal to a double's precision"


def test_the_api_does_not_assess_a_nil_change(tmp_path: Path) -> None:
    report = api.status(load(_reading(tmp_path)))
    (row,) = report.rows
    assert row["assessed"] is False
    assert row["progress_score"] is None and row["growth_ratio"] is None
    assert row["reason"] is not None and REASON in row["reason"]


@pytest.mark.slow
def test_the_command_does_not_assess_a_nil_change(tmp_path: Path) -> None:
    path = _reading(tmp_path)
    done, _ = installed("--scenario", str(path), "status", "--json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["results"]
    assert row["assessed"] is False and row["progress_score"] is None
    assert REASON in row["reason"]
    table, _ = installed("--scenario", str(path), "status")
    assert table.returncode == 0, table.stderr
    assert b"Traceback" not in table.stderr and b"ZeroDivision" not in table.stderr
    assert "big: not assessed - the target (999,999,999,999,999,900 t) and the 2022 value" in (
        table.stdout.decode()
    )
    # The reason in French and Arabic, the exit code unchanged.
    fr, _ = installed("--lang", "fr", "--scenario", str(path), "status")
    assert fr.returncode == 0, fr.stderr
    assert "sont égaux à la précision d'un double" in fr.stdout.decode()
    ar, _ = installed("--lang", "ar", "--scenario", str(path), "status")
    assert ar.returncode == 0, ar.stderr
    assert "متساويان بدقة العدد العشري المزدوج" in ar.stdout.decode()


def test_an_int_latest_value_above_2_53_meets_its_equal_target_exactly() -> None:
    # 10**16 + 1 is not a double (doubles are 2 apart there): project(latest, rate, 0) gives
    # 1e16, below the target 10**16 + 1, but the latest value as given meets it: reached in
    # the latest year, 1901 (not 1902, the first year a projection passes the target).
    s = results.status(1900, 1, 1901, 10**16 + 1, 1902, 10**16 + 1)
    assert s.achieved is True and s.reached_year == 1901
    assert formulas.project(10**16 + 1, s.actual_cagr, 0) == 1e16
