"""``offshoring chart`` and ``offshoring report``: the chart's content, SVG/PNG/terminal charts,
the self-contained HTML and Markdown briefs, a scenario changing them, and what to install
without the charts extra.
"""

from __future__ import annotations

import html.parser
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from offshoring_cli.cli import cli
from offshoring_cli.core.records import Dataset
from offshoring_cli.core.resolve import Options
from offshoring_cli.reports import brief
from offshoring_cli.reports.chart import chart_model
from offshoring_cli.scenario.validate import load


def test_brief_asks_no_pace_of_a_target_already_met(edges: Path) -> None:
    verdicts = brief.build(Options(dataset=load(edges))).verdicts
    met = next(v for v in verdicts if v.startswith("met:"))
    falling = next(v for v in verdicts if v.startswith("falling:"))
    assert "is needed" not in met and "achieved" in met
    assert "is needed" in falling  # a target still ahead keeps its pace


SVG = "{http://www.w3.org/2000/svg}"


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="offshoring", env=env)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# --- the model behind every chart -----------------------------------------------------------


def test_chart_model_jobs() -> None:
    (jobs,) = chart_model(Options(metrics=("jobs",)))
    assert jobs.y_label == "jobs" and jobs.scale == 1
    assert jobs.observed[0].points == ((2022, 130_000), (2023, 141_000), (2024, 148_500))
    paths = {p.key: dict(p.points) for p in jobs.paths}
    assert set(paths) == {"compound", "linear", "actual"}
    # linear 2027: 148,500 + 3 * 20,250 = 209,250; compound 2027: 148,500 * 1.104773 ** 3
    assert paths["linear"][2027] == 209_250
    assert round(paths["compound"][2027]) == 200_237
    assert jobs.target.points == ((2030, 270_000),)


def test_chart_model_exports_keeps_series_apart_in_billions() -> None:
    (exports,) = chart_model(Options(metrics=("exports",)))
    assert exports.y_label == "bn MAD" and exports.scale == 1e9
    keys = [s.key for s in exports.observed]
    assert keys == ["observed-digital-outsourcing", "observed-offshoring-legacy"]
    # 26.17 bn (2023) and 26.22 bn (2024) in the target's series; 10, 15.7, 17.9 bn legacy
    assert exports.observed[0].points == ((2023, 26.17), (2024, 26.22))
    assert [y for y, _ in exports.observed[1].points] == [2018, 2022, 2023]
    assert exports.target.points == ((2030, 40.0),)


# --- SVG and PNG ------------------------------------------------------------------------------


def test_svg_structure(tmp_path: Path) -> None:
    path = tmp_path / "paths.svg"
    result = invoke("chart", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # the image is the result; "Wrote ..." goes to stderr
    root = ET.parse(path).getroot()
    words = texts(root)
    assert words.count("year") == 2 and "jobs" in words and "bn MAD" in words
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    for metric in ("jobs", "exports"):
        for line in ("compound", "linear", "actual", "target"):
            assert f"{metric}-{line}" in ids, (metric, line)
    assert "exports-observed-offshoring-legacy" in ids
    assert any(w.startswith("As of 2026-01-28. Source: North Africa Post") for w in words)
    assert "Target 2030: 270,000 jobs" in words  # the target marker's legend entry


def test_svg_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    assert invoke("chart", "-m", "jobs", "-o", str(first)).exit_code == 0
    assert invoke("chart", "-m", "jobs", "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert b"<dc:date>" not in first.read_bytes()


def test_png_is_a_png(tmp_path: Path) -> None:
    path = tmp_path / "paths.png"
    assert invoke("chart", "-o", str(path)).exit_code == 0
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("chart.pdf", "use .svg or .png"),
        ("missing/chart.svg", "does not exist"),
        (".", "is a directory"),
    ],
)
def test_bad_output_is_refused_before_drawing(tmp_path: Path, name: str, fragment: str) -> None:
    result = invoke("chart", "--output", str(tmp_path / name))
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert fragment in line
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written, not even a tmp


def test_a_scenario_changes_the_chart(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "jobs-2025.toml"
    path = tmp_path / "c.svg"
    assert invoke("--scenario", str(example), "chart", "-m", "jobs", "-o", str(path)).exit_code == 0
    # the 2025 observation (160,000) makes 2025 the base year: paths start there
    (jobs,) = chart_model(Options(metrics=("jobs",), dataset=_load(example)))
    assert dict(jobs.observed[0].points)[2025] == 160_000
    assert min(y for y, _ in jobs.paths[0].points) == 2025


def _load(path: Path) -> Dataset:
    from offshoring_cli.scenario.validate import load

    return load(path)


# --- terminal ---------------------------------------------------------------------------------


def test_terminal_chart_has_its_labels() -> None:
    result = invoke("chart", "-m", "jobs")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Offshoring jobs: 49,000 short of the 270,000 target" in out
    assert "year" in out and "jobs" in out
    for label in (
        "*  Required compound path: 10.48 %/yr",
        "+  Linear path: +20,250 jobs a year",
        ".  At the 2022\u20132024 pace: 6.88 %/yr",
    ):
        assert label in out
    assert "T  Target 2030: 270,000 jobs" in out
    assert "270,000" in out and "2027" in out  # y and x ticks in plain numbers and years
    assert "\x1b[" not in out  # not a terminal: no colour codes


@pytest.mark.slow
def test_terminal_chart_falls_back_to_ascii() -> None:
    command = [sys.executable, "-m", "offshoring_cli", "chart", "-m", "exports"]
    env = {"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(command, capture_output=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")  # raises if any non-ASCII byte is left
    assert b"bn MAD" in result.stdout


# --- the brief --------------------------------------------------------------------------------


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_html_brief_is_self_contained_and_has_every_status_number(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    result = invoke("report", "--appendix", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    page = path.read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    text = " ".join(parser.parts)
    assert "svg" in parser.tags and "img" not in parser.tags and "script" not in parser.tags
    assert "http" not in page.split("<body>")[0]  # no external stylesheet, font or script
    assert "@page { size: A4" in page
    # every figure of the status JSON, as the table formats it
    status = json.loads(invoke("status", "--json").stdout)
    for row in status["results"]:
        assert f"{row['actual_cagr'] * 100:.2f} %" in text
        assert f"{row['required_cagr_from_base'] * 100:.2f} %" in text
        assert f"{row['required_cagr_from_latest'] * 100:.2f} %" in text
        assert f"{row['growth_ratio']:.4f}" in text
        assert f"{row['progress_score']:.4f}" in text
        assert row["growth_ratio_band"] in text and row["progress_band"] in text
        assert str(row["target_reached_year"]) in text
        assert f"{row['reading']}" in text and f"{row['target_source']}" in text
    assert "221,348 jobs" in text and "48,652 jobs" in text
    for insight in status["insights"]:
        assert insight["text"] in text
    assert "200,237 jobs" in text and "209,250 jobs" in text  # 2027 milestones
    assert "open-sdg.readthedocs.io" in text and "UN Statistics Division" in text


def test_the_headline_states_the_finding_with_the_json_figures(tmp_path: Path) -> None:
    status = {r["reading"]: r for r in json.loads(invoke("status", "--json").stdout)["results"]}
    jobs, exports = status["jobs"], status["exports"]
    # rounded to three significant digits of the target (270,000: a step of 1,000):
    # 221,348.08 -> 221,000; 48,651.92 -> 49,000; and 270,000 - 221,000 = 49,000
    assert round(jobs["projected_at_target_year"], -3) == 221_000
    assert round(jobs["shortfall_at_target_year"], -3) == 49_000
    # 40 bn MAD: a step of 0.1 bn; 26.522 bn -> 26.5 bn, short by 13.478 bn -> 13.5 bn
    assert round(exports["projected_at_target_year"] / 1e9, 1) == 26.5
    assert round(exports["shortfall_at_target_year"] / 1e9, 1) == 13.5
    path = tmp_path / "brief.html"
    assert invoke("report", "--output", str(path)).exit_code == 0
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    text = " ".join(parser.parts)
    assert (
        "At the 2022\u20132024 pace, offshoring jobs reach about 221,000 in 2030, 49,000 short "
        "of the 270,000 target." in text
    )
    assert (
        "At the 2023\u20132024 pace, offshoring service exports reach about 26.5 bn MAD in 2030, "
        "13.5 bn MAD short of the 40 bn MAD target." in text
    )
    # the verdict: band as a symbol and in words, one required rate from the latest year
    assert "\u25b2 acceleration needed" in text and "\u25bc limited progress" in text
    assert "10.48 %/yr is needed from 2024 to 2030" in text
    assert "7.29 %/yr is needed from 2024 to 2030" in text
    assert "9.57 %" not in text  # the rate from the base year: in the appendix only
    # the exports pace rests on one interval (2023-2024): said on the page
    assert "single interval (2023\u20132024)" in text
    # both readings of the export target, and the interim targets
    assert "40.00 bn MAD in 2030" in text and text.count("40.00 bn MAD in 2030") == 2
    assert "190,000 jobs in 2026" in text and "25.00 bn MAD in 2026" in text
    assert "Methods" not in text and "Milestones" not in text  # no appendix unless asked
    assert "As of 2026-01-28" in text


def test_markdown_brief_writes_its_chart_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    result = invoke("report", "-m", "jobs", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    chart = tmp_path / "brief-chart.svg"
    assert chart.exists()
    body = path.read_text(encoding="utf-8")
    assert "![Paths to the targets](brief-chart.svg)" in body
    # one required rate per line, saying from when: 10.48 %/yr from 2024 (the key numbers')
    assert (
        "- **jobs**: \u25b2 acceleration needed (growth ratio, Eurostat method): 10.48 %/yr is "
        "needed from 2024 to 2030; 6.88 %/yr achieved 2022\u20132024." in body
    )
    assert "9.57 %" not in body  # the rate from the base year: only in the appendix
    assert "## Methods" not in body and "## Milestones" not in body
    assert "| Required CAGR a year | 10.48 % |" in body


def test_report_to_stdout_is_markdown() -> None:
    result = invoke("report", "-m", "exports")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Offshoring service exports: how far from the 2030 target")


# --- without the optional plotting libraries ----------------------------------------------------


@pytest.mark.parametrize(
    "args", [["chart"], ["chart", "-o", "x.svg"], ["report", "--format", "html"]]
)
def test_without_the_charts_extra_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def hide(name: str, *rest: object) -> object:
        return None if name in {"matplotlib", "plotext"} else real(name, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", hide)
    result = invoke(*args)
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert "pip install 'offshoring-cli[charts]'" in line
