"""The charts state the finding (issue 15): the title says it, the shortfall at the target
year is shaded and labelled, the range over base years is a band, a pace from a single
interval carries a warning, derived points and interim targets are marked, one unit style,
round ticks, and the SVG has a <title> and a <desc> and is deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RunInstalled

from offshoring_cli.cli import cli
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.chart import chart_model

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"

ONE_INTERVAL = """\
scenario_version = 1
name = "one-interval"
description = "A sector with two yearly figures: its actual pace rests on one interval."

[sources.s]
publisher = "Test publisher"
title = "Test figures"
date = "2025-06"
url = "https://example.org/figures"

[[indicators]]
id = "staff"
label = "Sector staff"
unit = "jobs"
direction = "increase"

[indicators.target]
year = 2030
value = 200000
series = "main"
source = "s"

[[indicators.observations]]
year = 2023
value = 100000
series = "main"
source = "s"

[[indicators.observations]]
year = 2024
value = 110000
series = "main"
source = "s"
"""


def draw(tmp_path: Path, *args: str, name: str = "chart.svg") -> ET.Element:
    path = tmp_path / name
    result = CliRunner().invoke(
        cli, [*args, "chart", "--output", str(path)], prog_name="offshoring"
    )
    assert result.exit_code == 0, result.stderr
    return ET.parse(path).getroot()


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def ids(root: ET.Element) -> set[str]:
    return {str(g.get("id")) for g in root.iter(f"{SVG}g")}


def test_the_svg_states_the_finding(tmp_path: Path) -> None:
    root = draw(tmp_path)
    # <title> and <desc> first, for screen readers
    assert root[0].tag == f"{SVG}title" and root[1].tag == f"{SVG}desc"
    title, desc = root[0].text or "", root[1].text or ""
    # jobs: 270,000 - 221,348 = 48,652 -> 49,000 short (rounded to 1,000, 3 digits of 270,000)
    assert (
        "Offshoring jobs: 49,000 short of the 270,000 target in 2030 at the 2022\u20132024 pace"
        in title
    )
    # exports: 40 - 26.522 = 13.478 bn -> 13.5 bn MAD short (a step of 0.1 bn)
    assert "Offshoring service exports: 13.5 bn MAD short of the 40 bn MAD target in 2030" in title
    assert "offshoring jobs reach about 221,000 in 2030, 49,000 short" in desc
    words = texts(root)
    # the shortfall, shaded and labelled with its value
    assert {"jobs-shortfall", "jobs-shortfall-label", "exports-shortfall"} <= ids(root)
    assert "49,000" in words and "13.5 bn MAD" in words and words.count("short") == 2
    # each path's end: value and rate (221,348 -> 221,000 at 6.88 %/yr; 10.48 %/yr needed)
    assert "221,000" in words and "at 6.88 %/yr" in words
    assert any(w.startswith("10.48 %/yr needed") for w in words)
    # the range over base years (2022 and 2023 for jobs; exports has one interval: none)
    assert "jobs-range" in ids(root) and "exports-range" not in ids(root)
    assert "Range over base years" in words
    # the exports' actual pace rests on one interval (2023-2024): a warning on the chart
    assert "exports-caution" in ids(root) and "jobs-caution" not in ids(root)
    assert any("single interval (2023\u20132024)" in w for w in words)
    # derived points (jobs 2022, exports 2022 of the older series) and interim targets marked
    assert {"jobs-derived-0", "exports-derived-1"} <= ids(root)
    assert "jobs-interim-2026-offshoring-employment" in ids(root)
    assert "Interim target 2026: 190,000" in words
    # labels, never internal ids; one unit style; round ticks without needless decimals
    assert not any("offshoring-employment" in w or "digital-outsourcing" in w for w in words)
    assert "bn MAD" in words and "billion MAD" not in words
    assert "40" in words and "40.0" not in words
    assert any(w.startswith("As of 2026-01-28") for w in words)


def test_a_pace_from_a_single_interval_is_flagged() -> None:
    import tomllib

    from offshoring_cli.render.chart import render_image
    from offshoring_cli.scenario.validate import full_check

    dataset, problems = full_check(tomllib.loads(ONE_INTERVAL))
    assert dataset is not None, problems
    (chart,) = chart_model(Options(dataset=dataset))
    root = ET.fromstring(render_image([chart], "svg"))
    words = texts(root)
    # 2023 -> 2024: +10 % a year, one interval; 110,000 * 1.1 ** 6 = 194,871.71 -> 195,000
    # (a step of 1,000 for a 200,000 target), short by 5,128.29 -> 5,000
    assert "staff-caution" in ids(root) and "staff-range" not in ids(root)
    assert any("single interval (2023\u20132024)" in w for w in words)
    assert "Sector staff: 5,000 short of the 200,000 target in 2030 at the 2023\u20132024 pace" in (
        root[0].text or ""
    )
    assert "195,000" in words and "at 10.00 %/yr" in words


def test_the_svg_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    draw(tmp_path, name="a.svg")
    draw(tmp_path, name="b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_the_chart_model_carries_the_finding() -> None:
    jobs, exports = chart_model(Options())
    assert jobs.shortfall is not None and round(jobs.shortfall.projected) == 221_348
    assert jobs.shortfall.label == "49,000\nshort"
    # the band: 148,500 * 1.0532 ** 6 = 202,661 to 148,500 * 1.0688 ** 6 = 221,348 in 2030
    year, low, high = jobs.band[-1]
    assert (year, round(low), round(high)) == (2030, 202_661, 221_348)
    assert exports.band == () and exports.caution.startswith("\u26a0 Actual pace")
    assert jobs.derived == ((2022, 130_000.0),)
    assert exports.derived == ((2022, 15.7),)  # 17.9 / 1.14, on the older series
    assert [s.label for s in exports.observed] == [
        "Observed",
        "Observed, another series (other scope)",
    ]


# --- the terminal chart ------------------------------------------------------------------------


def test_terminal_chart_paints_no_background_and_its_target_is_not_yellow() -> None:
    pytest.importorskip("plotext")
    import re

    from offshoring_cli.render.chart_terminal import terminal

    for metric in ("jobs", "exports"):
        text = terminal(chart_model(Options(metrics=(metric,))), 80, 22, True, False)
        codes = set(re.findall(r"\x1b\[([0-9;]*)m", text))
        assert codes and not any(code.startswith("48;") for code in codes), codes  # no background
        # the target marker: magenta (256-colour 13), not yellow (11) nor the default colour
        assert re.findall(r"\x1b\[([0-9;]*)mT", text) == ["38;5;13"]


def test_terminal_chart_ticks_are_round() -> None:
    from offshoring_cli.render.chart_terminal import _ticks

    # jobs from 130,000 to 270,000: a step of 50,000 (35,000 a quarter, rounded up to 5 x 10^4)
    assert _ticks(130_000, 270_000) == [100_000, 150_000, 200_000, 250_000, 300_000]
    # exports from 10 to 40 bn: a step of 10 (7.5 rounded up to 1 x 10^1)
    assert _ticks(10, 40) == [10, 20, 30, 40]


@pytest.mark.slow
def test_terminal_chart_under_term_dumb_is_plain_ascii_and_wrapped(
    run_installed: RunInstalled,
) -> None:
    pytest.importorskip("plotext")
    done = run_installed("chart", "-m", "exports", env={"TERM": "dumb", "COLUMNS": "60"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    out.encode("ascii")  # raises on any character beyond ASCII (frame, dash, warning sign)
    assert "\x1b" not in out
    assert all(len(line) <= 60 for line in out.splitlines())  # the source line wraps
    assert "! Actual pace from a single interval (2023-2024): not a trend" in " ".join(
        out.splitlines()
    )
    assert "13.5 bn MAD short (2030)" in out and "T  Target 2030: 40 bn MAD" in out
