"""The sensitivity note writes every changed target alike (s5 finding 10): 50 t raised by 10 %
is 55 t (50 * 1.1 = 55.00000000000001 in floating point, which read "55.00 t" next to "60 t");
the required CAGRs still use the exact products.

Figures: baseline 80 t (2024), target 50 t (2030); targets 40, 45, 50, 55, 60 t.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import installed

SCENARIO = """scenario_version = 1
name = "emissions"

[sources.s]
publisher = "Agency"
title = "Report"
date = "2025"
url = "https://example.org/r"

[[indicators]]
id = "co2"
label = "CO2 emissions"
unit = "t"
direction = "decrease"
target = { year = 2030, value = 50, series = "main", source = "s" }
observations = [
  { year = 2022, value = 90, series = "main", source = "s" },
  { year = 2024, value = 80, series = "main", source = "s" },
]
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "target +10 % = 55 t, target +20 % = 60 t"),
        ("fr", "objectif +10 % = 55 t, objectif +20 % = 60 t"),
    ],
)
def test_the_note_writes_each_target_alike(tmp_path: Path, lang: str, note: str) -> None:
    path = tmp_path / "co2.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    done, _ = installed("--lang", lang, "--scenario", str(path), "sensitivity", "-m", "co2")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert note in text.replace("\u202f", " ").replace("\xa0", " "), text
    assert "55.00" not in text and "55,00" not in text
