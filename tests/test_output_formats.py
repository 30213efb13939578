"""Output formats: every command in every format, one CSV header, Markdown escaping, CSV cells
that never run as formulas, UTF-8 documents whatever the terminal, numbers as they are shown
(minus zero, -100 %, years past 9999, huge values, singular units), and machine output that
ignores terminal settings.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import RunCli
from helpers import SOURCE_URL, parse_json

from offshoring_cli import render

COMMANDS = [
    ("status",),
    ("trajectory",),
    ("project", "--growth", "8%"),
    ("sensitivity",),
    ("segments",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_command_in_every_format(run: RunCli, command: tuple[str, ...], fmt: str) -> None:
    result = run(*command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1  # rectangular
    if fmt == "markdown":
        assert result.stdout.splitlines()[2].startswith("| ")


@pytest.mark.parametrize("command", ["gap", "cagr"])
def test_csv_one_header_and_one_row_per_metric(run: Any, command: str) -> None:
    result = run(command, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 3  # header + jobs + exports
    header = rows[0]
    assert header[0] == "metric"
    records = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["metric"] for r in records] == ["jobs", "exports"]
    assert len(set(header)) == len(header)
    # the CSV carries the same keys as the JSON results
    document = parse_json(run(command, "--json"))
    assert header == list(document["results"][0])


@pytest.mark.parametrize("columns", ["20", "40", "80", "200"])
def test_table_never_cuts_numbers(run: Any, columns: str) -> None:
    result = run("gap", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    for text in ("121,500 jobs", "13.78 bn MAD", "10.48 %", SOURCE_URL):
        assert text in result.stdout, (columns, text)


def test_every_format_has_a_renderer() -> None:
    for fmt in render.FORMATS:
        assert fmt == "table" or fmt in render.RENDERERS, fmt
    assert set(render.RENDERERS) <= set(render.FORMATS)


@pytest.mark.parametrize("command", ["gap", "cagr"])
@pytest.mark.parametrize("fmt", render.FORMATS)
def test_every_format_works_for_every_command(run: Any, command: str, fmt: str) -> None:
    result = run(command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""


def test_json_with_format_json_agrees(run: Any) -> None:
    assert run("gap", "--json", "--format", "json").stdout == run("gap", "--json").stdout


ENVIRONMENTS = {
    "plain": {},
    "COLUMNS=20": {"COLUMNS": "20"},
    "COLUMNS=300": {"COLUMNS": "300"},
    "NO_COLOR": {"NO_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "all": {"FORCE_COLOR": "1", "COLUMNS": "20", "TERM": "xterm-256color"},
}


@pytest.mark.slow
@pytest.mark.parametrize("args", [["gap", "--json"], ["cagr", "--format", "csv"]])
def test_machine_output_ignores_terminal_settings(
    offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    outputs = {}
    for name, extra in ENVIRONMENTS.items():
        proc = subprocess.run(
            [*offshoring_cmd, *args],
            capture_output=True,
            env={**subprocess_env, **extra},
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert b"\x1b" not in proc.stdout, name
        assert proc.stderr == b"", name
        outputs[name] = proc.stdout
    assert len(set(outputs.values())) == 1, "output depends on COLUMNS / NO_COLOR / FORCE_COLOR"
    if "--json" in args:
        json.loads(outputs["plain"])


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "morocco-offshoring.toml"

EVIL_LABEL = "jobs | x | [click](http://evil) ![i](http://evil/x.png)"
EVIL_SEGMENT = "<img src=x onerror=alert(1)>"
FORMULA_LABEL = '=HYPERLINK("http://evil","x")'


def _scenario(tmp_path: Path, jobs_label: str, segment_label: str) -> str:
    """The seeds scenario with the jobs label and the first segment's label replaced."""
    text = SEEDS.read_text(encoding="utf-8")
    text = text.replace('label = "Offshoring jobs"', f"label = {json.dumps(jobs_label)}", 1)
    start = text.index("[[segments.items]]")
    head, tail = text[:start], text[start:]
    line = next(x for x in tail.splitlines() if x.startswith("label = "))
    tail = tail.replace(line, f"label = {json.dumps(segment_label)}", 1)
    path = tmp_path / "evil.toml"
    path.write_text(head + tail, encoding="utf-8")
    return str(path)


@pytest.fixture
def evil(tmp_path: Path) -> str:
    return _scenario(tmp_path, EVIL_LABEL, EVIL_SEGMENT)


# --- item 4: Markdown escaped everywhere ------------------------------------------------------


def _no_markup(text: str) -> None:
    import re

    # each markup character is escaped (preceded by a backslash), never raw
    assert not re.search(r"(?<!\\)\[click", text)
    assert not re.search(r"(?<!\\)<img", text)
    assert " | x | " not in text  # a pipe in a label never breaks a table cell


@pytest.mark.slow
def test_report_title_escapes_markdown(run_installed: Any, evil: str) -> None:
    result = run_installed("--scenario", evil, "report", "-m", "jobs")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    # "# " + the title, every markup character escaped
    assert first.startswith("# jobs \\| x \\| \\[click\\]"), first
    _no_markup(result.stdout)


def test_scenario_show_markdown_escapes_labels(run: Any, evil: str) -> None:
    result = run("--scenario", evil, "scenario", "show", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "jobs \\| x \\| \\[click\\](http://evil) !\\[i\\](http://evil/x.png)" in result.stdout
    _no_markup(result.stdout)


def test_segments_markdown_escapes_html(run: Any, evil: str) -> None:
    result = run("--scenario", evil, "segments", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "\\<img src=x onerror=alert(1)\\>" in result.stdout
    _no_markup(result.stdout)


def test_markdown_escape_keeps_web_addresses() -> None:
    from offshoring_cli.render.markdown import code, escape

    assert escape("a_b *c* [d] <e> f|g ~h & `i` \\") == (
        "a\\_b \\*c\\* \\[d\\] \\<e\\> f\\|g \\~h \\& \\`i\\` \\\\"
    )
    url = "https://open-sdg.readthedocs.io/en/latest/progress-methodology/"
    assert escape(f"see {url}") == f"see {url}"
    assert code("x ** 2") == "`x ** 2`"
    assert code("a `b` c") == "``a `b` c``"


# --- item 14: CSV cells -------------------------------------------------------------------


def test_scenario_show_csv_years_are_semicolon_separated(run: Any) -> None:
    result = run("scenario", "show", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # built-in jobs: whole-year figures 2022, 2023 and 2024
    assert rows[0]["metric"] == "jobs"
    assert rows[0]["years"] == "2022;2023;2024"


def test_csv_neutralises_formulas_but_not_negative_numbers(run: Any, tmp_path: Path) -> None:
    path = _scenario(tmp_path, FORMULA_LABEL, "+cmd|' /C calc'!A0")
    result = run("--scenario", path, "scenario", "show", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["label"] == "'" + FORMULA_LABEL
    segments = run("--scenario", path, "segments", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(segments.stdout)))
    assert rows[0]["label"] == "'+cmd|' /C calc'!A0"
    # a negative number stays a number: -20 % is -0.2, the key -0.2's CAGR is a plain float
    project = run("project", "--increment", "-50k", "-m", "jobs", "-f", "csv")
    row = next(csv.DictReader(io.StringIO(project.stdout)))
    assert row["increment_per_year"] == "-50000"


def test_csv_cell_rules() -> None:
    from offshoring_cli.render.csv_rows import _csv_cell

    assert _csv_cell("=1+1") == "'=1+1"
    assert _csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert _csv_cell("-x") == "'-x"
    assert _csv_cell("\tx") == "'\tx"
    assert _csv_cell(-0.2) == -0.2
    assert _csv_cell([2022, 2024]) == "2022;2024"
    assert _csv_cell(None) == ""
    assert _csv_cell(True) == "true"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "markdown", "json"])
def test_documents_are_utf8_whatever_stdout_encoding(
    run_installed: Any, tmp_path: Path, fmt: str
) -> None:
    path = _scenario(tmp_path, "Emplois délocalisés", "Télé")
    result = run_installed(
        "--scenario", path, "scenario", "show", "-f", fmt, env={"PYTHONIOENCODING": "ascii"}
    )
    assert result.returncode == 0, result.stderr
    assert "?" not in result.stdout.replace("?", "", 0) or "d?l" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["results"][0]["label"] == "Emplois délocalisés"
    else:
        assert "Emplois délocalisés" in result.stdout


@pytest.mark.slow
def test_table_on_an_ascii_stdout_escapes_with_a_warning(
    run_installed: Any, tmp_path: Path
) -> None:
    path = _scenario(tmp_path, "Emplois délocalisés", "Télé")
    result = run_installed(
        "--scenario", path, "scenario", "show", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "200"}
    )
    assert result.returncode == 0, result.stderr
    assert "Emplois d\\xe9localis\\xe9s" in result.stdout
    assert "d?localis" not in result.stdout
    assert "Warning: standard output's encoding (ascii)" in result.stderr


def _table(run: Any, *args: str) -> str:
    result = run(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    out: str = result.stdout
    return out


def test_a_rate_just_above_minus_100_is_not_shown_as_minus_100(run: Any) -> None:
    out = _table(run, "project", "--growth", "-99.9999%", "-m", "jobs")
    assert "-99.9999 %" in out
    assert "-100.00 %" not in out


def test_minus_zero_growth_reads_zero(run: Any) -> None:
    assert "│ 0.00 % │" in _table(run, "project", "--growth", "-0", "-m", "jobs").replace(
        "  ", ""
    ).replace("│ 0.00 %", "│ 0.00 %")
    result = run("project", "--growth", "-0", "-m", "jobs", "-f", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["growth_rate"] == "0.0"


def test_a_year_beyond_9999_is_said_so(run: Any) -> None:
    out = _table(run, "project", "--growth", "0.0000001%", "-m", "jobs")
    assert "after 9999 (" in out


def test_huge_values_read_in_scientific_notation(run: Any) -> None:
    out = _table(run, "project", "--growth", "1000%", "--until", "2200", "-m", "exports")
    line = next(x for x in out.splitlines() if "Value then" in x)
    assert "e+" in line and len(line) < 120


def test_one_job_is_singular(run: Any) -> None:
    from offshoring_cli.i18n.numbers import amount, plural

    assert amount(1, "jobs") == "1 job"
    assert amount(2, "jobs") == "2 jobs"
    assert plural(1, "sources") == "1 source"
    assert plural(3, "sources") == "3 sources"
    out = _table(run, "project", "--increment", "1", "-m", "jobs")
    assert "1 job a year" in out


def test_scenario_validate_counts_in_the_singular(run: Any, tmp_path: Path) -> None:
    from test_schemas import SCENARIO_TOML  # type: ignore[import-not-found]

    one = SCENARIO_TOML.split('[[indicators]]\nid = "plants"')[0]
    one = one.split("[segments]")[0]
    path = tmp_path / "one.toml"
    path.write_text(one, encoding="utf-8")
    result = run("scenario", "validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert "1 indicator, 4 observations, 1 source" in result.stdout


def test_status_explain_gives_rates_as_percentages(run: Any) -> None:
    out = _table(run, "status", "-m", "jobs", "--since", "2022", "--explain")
    # (148,500 / 130,000) ** (1 / 2) - 1 = 0.068788 = 6.88 %
    assert "= 0.068788 (6.88 % a year)" in out
    # (270,000 / 130,000) ** (1 / 8) - 1: ln(2.076923) / 8 = 0.091363, e^0.091363 - 1 = 0.095664
    assert "= 0.095664 (9.57 % a year)" in out
    # (270,000 / 148,500) ** (1 / 6) - 1 = 0.104773 (the gap's required CAGR)
    assert "= 0.104773 (10.48 % a year)" in out


def test_scenario_show_has_no_explain(run: Any) -> None:
    # scenario show computes no formula: --explain is not one of its options (round 2, item 10)
    assert run("scenario", "show", "--explain").exit_code == 2
    out = _table(run, "scenario", "show")
    assert "How each figure is computed" not in out


def test_markdown_escape_of_a_block_start() -> None:
    from offshoring_cli.render.markdown import escape

    assert escape("# Title") == "\\# Title"
    assert escape("- item") == "\\- item"
    assert escape("1. first") == "1\\. first"
    assert escape("10.48 %") == "10.48 %"  # a number is not a list item
    assert escape("-1.61 bn MAD", cell=True) == "-1.61 bn MAD"  # no block opens in a cell
