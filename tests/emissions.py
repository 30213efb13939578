"""A one-indicator scenario whose direction and figures a test chooses (session 4 findings):
``co2`` ("CO2 emissions", unit t), observations 100, 90 and ``last`` in 2020, 2022 and 2024
on series ``s``, target ``target`` in 2030."""

from __future__ import annotations

from pathlib import Path

EM = """scenario_version = 1
name = "em"
description = "Emissions."

[sources.s]
publisher = "Agency"
title = "Emissions report"
date = "2025-01"
url = "https://example.org/em"

[[indicators]]
id = "co2"
label = "{label}"
unit = "t"
direction = "{direction}"
target = {{ year = 2030, value = {target}, series = "s", source = "s" }}
observations = [
  {{ year = 2020, value = 100, series = "s", source = "s" }},
  {{ year = 2022, value = 90, series = "s", source = "s" }},
  {{ year = 2024, value = {last}, series = "s", source = "s" }},
]
"""


def em_path(
    tmp_path: Path,
    direction: str = "decrease",
    target: float = 50,
    last: float = 80,
    label: str = "CO2 emissions",
) -> Path:
    """The scenario written to ``tmp_path / "em.toml"``."""
    path = tmp_path / "em.toml"
    path.write_text(
        EM.format(direction=direction, target=target, last=last, label=label), encoding="utf-8"
    )
    return path


def plain(text: str) -> str:
    """``text`` on one line, its narrow and no-break spaces made plain (French numbers)."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())
