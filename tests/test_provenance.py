"""Every output names the tool, its version and the data it was computed from; no timestamp,
so the same inputs give the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, installed, invoke_cli

from offshoring_cli import __version__
from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.reports.provenance import provenance, provenance_line

BUILTIN_PROVENANCE = {
    "tool": "offshoring-cli",
    "version": __version__,
    "dataset": "morocco-offshoring",
    # the latest figure is the exports of the first half of 2025 (Le Nouvelliste); the latest
    # source is the seed article of January 2026
    "latest_figure": "2025-H1",
    "latest_source_date": "2026-01-28",
}

JSON_COMMANDS = [
    ["gap"],
    ["cagr"],
    ["status"],
    ["trajectory"],
    ["project", "--growth", "8%"],
    ["sensitivity"],
    ["segments"],
    ["scenario", "show"],
]


@pytest.mark.parametrize(
    "args", JSON_COMMANDS, ids=lambda a: a[0] if len(a) == 1 else " ".join(a[:2])
)
def test_every_json_document_names_the_tool_version_and_dataset(args: list[str]) -> None:
    result = invoke_cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["provenance"] == BUILTIN_PROVENANCE
    assert list(document)[:3] == ["schema_version", "command", "provenance"]


def test_a_scenario_names_its_own_dataset_and_latest_figure() -> None:
    result = invoke_cli("--scenario", str(ROOT / "examples" / "jobs-2025.toml"), "gap", "--json")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)["provenance"]
    assert found["dataset"] == "morocco-offshoring-2025-example"
    # a whole-year 2025 jobs figure comes after the exports' first half of 2025
    assert found["latest_figure"] == "2025"


def test_the_brief_and_the_chart_say_the_same_in_words(tmp_path: Path) -> None:
    line = provenance_line(provenance(BUILTIN))
    assert line == (
        f"Made with offshoring-cli {__version__} from the dataset morocco-offshoring "
        "(latest figure 2025-H1, sources up to 2026-01-28)"
    )
    brief = invoke_cli("report")
    assert brief.exit_code == 0, brief.stderr
    assert brief.stdout.rstrip("\n").endswith(line + ".")
    svg = tmp_path / "c.svg"
    drawn = invoke_cli("chart", "--metric", "jobs", "--output", str(svg))
    assert drawn.exit_code == 0, drawn.stderr
    text = " ".join(svg.read_text(encoding="utf-8").split())
    assert "Made with offshoring-cli" in text and "morocco-offshoring" in text


def test_csv_stays_one_clean_table_without_provenance() -> None:
    result = invoke_cli("gap", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.startswith("metric,label,unit,base_year")
    assert len(rows) == 2
    assert "offshoring-cli" not in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["gap", "--json"], ["report", "--format", "html", "--output", "-"]]
)
def test_the_same_inputs_give_byte_identical_output(args: list[str]) -> None:
    first, _ = installed(*args, timeout=60)
    second, _ = installed(*args, timeout=60)
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert __version__.encode() in first.stdout  # the provenance is there
