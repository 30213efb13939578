"""The recent-pace insight compares paces of change properly when rates are negative (session
4 finding 2): a fall of 5.72 % a year is FASTER than a fall of 5.43 % a year; a rise against
a fall over the whole period is said as such, never "slower than -5.43 %".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli, result_json

from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.status import status_report
from offshoring_cli.scenario import validate

# 2020 -> 2022: (90 / 100) ** (1 / 2) - 1 = -0.051317 (-5.13 %) in every case.
CASES = [
    # 2024 = 80: recent (80 / 90) ** 0.5 - 1 = -0.057191, whole (80 / 100) ** 0.25 - 1 =
    # -0.054258: a fall of 5.72 % is faster than a fall of 5.43 %.
    (
        "decrease",
        80,
        "co2 fell 5.72 % a year from 2022 to 2024, faster than its fall of 5.43 % a year over "
        "the whole period 2020-2024 (-5.13 % a year from 2020 to 2022).",
        "co2 a reculé de 5,72 % par an de 2022 à 2024, plus vite que son recul de 5,43 % par an "
        "sur toute la période 2020-2024 (-5,13 % par an de 2020 à 2022).",
    ),
    # 2024 = 60: recent (60 / 90) ** 0.5 - 1 = -0.183503, whole 0.6 ** 0.25 - 1 = -0.119888.
    (
        "decrease",
        60,
        "co2 fell 18.35 % a year from 2022 to 2024, faster than its fall of 11.99 % a year",
        "co2 a reculé de 18,35 % par an de 2022 à 2024, plus vite que son recul de 11,99 % par an",
    ),
    # 2024 = 85: recent (85 / 90) ** 0.5 - 1 = -0.028175, whole 0.85 ** 0.25 - 1 = -0.039815:
    # a fall of 2.82 % is slower than a fall of 3.98 %.
    (
        "decrease",
        85,
        "co2 fell 2.82 % a year from 2022 to 2024, slower than its fall of 3.98 % a year",
        "co2 a reculé de 2,82 % par an de 2022 à 2024, moins vite que son recul de 3,98 % par an",
    ),
    # An increase indicator that declines: the same words (the pace, not the verdict).
    (
        "increase",
        80,
        "co2 fell 5.72 % a year from 2022 to 2024, faster than its fall of 5.43 % a year",
        "co2 a reculé de 5,72 % par an de 2022 à 2024, plus vite que son recul de 5,43 % par an",
    ),
    # 2024 = 95: recent (95 / 90) ** 0.5 - 1 = +0.027402, whole 0.95 ** 0.25 - 1 = -0.012741:
    # a rise against a fall, neither faster nor slower.
    (
        "increase",
        95,
        "co2 grew 2.74 % a year from 2022 to 2024, whereas it fell 1.27 % a year over the whole "
        "period 2020-2024 (-5.13 % a year from 2020 to 2022).",
        "co2 a progressé de 2,74 % par an de 2022 à 2024, alors que sur toute la période "
        "2020-2024 il a reculé de 1,27 % par an (-5,13 % par an de 2020 à 2022).",
    ),
]


@pytest.mark.parametrize(("direction", "last", "english", "french"), CASES)
def test_the_pace_of_a_fall_is_compared_by_its_size(
    tmp_path: Path, direction: str, last: int, english: str, french: str
) -> None:
    target = 50 if direction == "decrease" else 150
    path = em_path(tmp_path, direction, target, last)
    dataset = validate.load(str(path))
    (item,) = [
        i
        for i in status_report(Options(dataset=dataset)).insights or []
        if i["id"] == "co2_recent_pace"
    ]
    assert english in item["text"]
    document = result_json(invoke_cli("--scenario", str(path), "status", "--json"))
    (same,) = [i for i in document["insights"] if i["id"] == "co2_recent_pace"]
    assert english in same["text"]
    table = invoke_cli("--scenario", str(path), "status")
    assert english in " ".join(table.stdout.split())
    fr = invoke_cli("--lang", "fr", "--scenario", str(path), "status")
    assert french in plain(fr.stdout)


def test_a_fall_against_growth_over_the_whole_period() -> None:
    # --jobs-baseline 135,000 stands in for 2024: 135,000 / 141,000 - 1 = -0.042553 (-4.26 %);
    # whole period (135,000 / 130,000) ** (1 / 2) - 1 = 0.019049 (1.90 %).
    options = Options(metrics=("jobs",), baselines={"jobs": 135_000})
    (item,) = [i for i in status_report(options).insights or [] if i["id"] == "jobs_recent_pace"]
    assert item["text"].startswith(
        "Recent pace: jobs fell 4.26 % a year from 2023 to 2024, whereas it grew 1.90 % a year "
        "over the whole period 2022-2024"
    )
    assert "slower" not in item["text"] and "faster" not in item["text"]
