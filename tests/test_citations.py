"""``offshoring sources``: the dataset's sources for people and reference managers; and
CITATION.cff, to cite the tool."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest
from helpers import ROOT, installed, invoke_cli, seed, toml, write

from offshoring_cli import __version__
from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.reports.citations import bibtex, csl_json, tex


def test_bibtex_parses_with_a_bibtex_library_one_entry_per_source() -> None:
    result = invoke_cli("sources", "--format", "bibtex")
    assert result.exit_code == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert list(entries) == list(BUILTIN.sources)
    seed_entry = entries["nap-2026"]
    assert seed_entry.entry_type == "misc"
    assert seed_entry["author"] == "{North Africa Post}"
    assert seed_entry["title"].startswith("{Morocco Unveils Upgraded Offshoring Strategy")
    assert (seed_entry["year"], seed_entry["month"]) == ("2026", "jan")
    assert seed_entry["url"] == BUILTIN.sources["nap-2026"].url
    assert entries["le360-2025-10"]["month"] == "oct"  # 2025-10-17
    assert "month" not in entries["hespress-2025"].fields_dict  # dated 2025 only


def test_csl_json_is_one_list_of_items_with_dates_as_date_parts() -> None:
    result = invoke_cli("sources", "--format", "csl-json")
    assert result.exit_code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [item["id"] for item in items] == list(BUILTIN.sources)
    first = items[0]
    assert first["type"] == "webpage"
    assert first["author"] == [{"literal": "North Africa Post"}]
    assert first["issued"] == {"date-parts": [[2026, 1]]}
    assert items[2]["issued"] == {"date-parts": [[2025, 10, 17]]}  # le360-2025-10
    assert first["URL"].startswith("https://northafricapost.com/")


def test_the_table_lists_every_source() -> None:
    result = invoke_cli("sources")
    assert result.exit_code == 0, result.stderr
    for key, source in BUILTIN.sources.items():
        assert key in result.stdout and source.publisher in result.stdout


def test_scenario_text_is_escaped_for_tex(tmp_path: Path) -> None:
    assert tex("R&D 50% {a}_b $1 #2 ~ ^ \\") == (
        r"R\&D 50\% \{a\}\_b \$1 \#2 \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    data = seed()
    first = next(iter(data["sources"]))
    data["sources"][first]["title"] = "R&D {50%} of_all} exports"
    path = write(tmp_path, toml(data))
    result = invoke_cli("--scenario", str(path), "sources", "--format", "bibtex")
    assert result.exit_code == 0, result.stderr
    library = bibtexparser.parse_string(result.stdout)
    assert not library.failed_blocks
    assert library.entries[0]["title"] == r"{R\&D \{50\%\} of\_all\} exports}"


def test_the_same_dataset_gives_the_same_text() -> None:
    assert bibtex(BUILTIN) == bibtex(BUILTIN)
    assert csl_json(BUILTIN) == csl_json(BUILTIN)


def test_citation_cff_names_the_tool_and_its_version() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^([a-z-]+): (.+)$", text, re.MULTILINE))
    assert fields["cff-version"] == "1.2.0"
    assert fields["version"] == f'"{__version__}"'  # bump both together
    assert fields["title"].startswith('"offshoring-cli')
    assert fields["license"] == "MIT"
    assert re.search(r"^authors:\n  - name: ", text, re.MULTILINE)


@pytest.mark.slow
def test_the_installed_command_writes_bibtex() -> None:
    done, _ = installed("sources", "--format", "bibtex")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == bibtex(BUILTIN)
