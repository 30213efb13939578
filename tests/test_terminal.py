"""The installed command on terminals of every width and encoding: JSON the same everywhere,
tables that never cut a number, ASCII and the C locale.

Every run goes through the installed ``offshoring`` (or ``python -m offshoring_cli``) in a
subprocess; "a terminal" is a pseudo-terminal (``os.openpty``) whose window size is set with
``TIOCSWINSZ`` and, as a terminal emulator would, ``COLUMNS``/``LINES``. Output post-processing
is switched off on the terminal (no ``\\n`` -> ``\\r\\n``), so what is read is exactly what the
command wrote.

* JSON is byte-identical at 20, 80 and 300 columns, on a terminal or not, with or without
  colour (``NO_COLOR``, ``TERM=dumb``, ``FORCE_COLOR``), and never holds an escape code.
* Tables never cut a number: no ``…``, every figure of the JSON formatted as the table
  formats it appears whole at every width, and narrow terminals get the stacked layout.
* ``PYTHONIOENCODING=ascii`` and ``LC_ALL=C``: exit 0, no ``UnicodeEncodeError``; under
  ``ascii`` the output is ASCII (the table falls back to ASCII borders).

The harness is in tests/terminal_helpers.py. Colour (none when it is off, never in JSON) is in
tests/test_colour.py, closed pipes in tests/test_closed_pipes.py, the terminal's size (COLUMNS
and LINES that are not a size) in tests/test_terminal_size.py.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from offshoring_cli.i18n import numbers

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("pseudo-terminals and POSIX pipes", allow_module_level=True)

from terminal_helpers import COMMANDS, WIDTHS, Run, in_parallel, run_pipe, run_pty, strip_escapes

pytestmark = pytest.mark.slow  # every test runs the installed command


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} in JSON output")


# ---------------------------------------------------------------------------------------------
# JSON: byte-identical across widths, terminals and colour settings

JSON_SETTINGS: list[tuple[str, int | None, dict[str, str]]] = [
    ("pipe", None, {}),
    *((f"tty {w}", w, {}) for w in WIDTHS),
    ("tty 20 FORCE_COLOR", 20, {"FORCE_COLOR": "1", "COLORTERM": "truecolor"}),
    ("tty 80 NO_COLOR", 80, {"NO_COLOR": "1"}),
    ("tty 80 TERM=dumb", 80, {"TERM": "dumb"}),
]


def _runner(args: list[str], columns: int | None, env: dict[str, str]) -> Callable[[], Run]:
    if columns is None:
        return lambda: run_pipe(args, env)
    return lambda: run_pty(args, columns, env)


@pytest.mark.parametrize("name", COMMANDS)
def test_json_is_byte_identical_on_every_terminal(name: str) -> None:
    args = [*COMMANDS[name], "--json"]
    runs = in_parallel(_runner(args, columns, env) for _, columns, env in JSON_SETTINGS)
    for (label, _, _), run in zip(JSON_SETTINGS, runs, strict=True):
        assert run.returncode == 0, f"{label}: {run}"
        assert run.stderr == b"", f"{label}: {run}"
        assert b"\x1b" not in run.stdout, f"{label}: escape code in JSON: {run}"
        assert run.stdout == runs[0].stdout, f"{label}: JSON differs from the piped JSON"
    json.loads(runs[0].stdout, parse_constant=_refuse_constant)


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_csv_and_markdown_are_identical_on_every_terminal(fmt: str) -> None:
    settings = [("pipe", None, {}), ("tty 20 FORCE_COLOR", 20, {"FORCE_COLOR": "1"})]
    settings += [("tty 300", 300, {})]
    jobs = [
        _runner([*args, "--format", fmt], columns, env)
        for args in COMMANDS.values()
        for _, columns, env in settings
    ]
    runs = in_parallel(jobs)
    for i, run in enumerate(runs):
        reference = runs[i - i % len(settings)]
        assert run.returncode == 0 and run.stderr == b"", str(run)
        assert b"\x1b" not in run.stdout, f"escape code in {fmt}: {run}"
        assert run.stdout == reference.stdout, f"{fmt} depends on the terminal: {run}"


# ---------------------------------------------------------------------------------------------
# Tables never cut a number

KINDS = {
    **dict.fromkeys(
        [
            "baseline", "target", "gap", "since_value", "latest", "projected_at_target_year",
            "shortfall_at_target_year", "actual_start", "observed", "compound_path",
            "linear_path", "actual_pace_path", "value_at_until_year", "value_at_target_year",
            "gap_at_target_year", "value",
        ],
        "value",
    ),
    **dict.fromkeys(
        [
            "linear_increment_per_year", "required_linear_pace_per_year",
            "actual_linear_pace_per_year", "increment_per_year",
        ],
        "value_per_year",
    ),
    **dict.fromkeys(
        [
            "gap_relative", "required_cagr", "actual_cagr", "required_cagr_from_base",
            "required_cagr_from_latest", "share", "change_on_prior_year", "growth_rate",
        ],
        "rate",
    ),
    "target_multiple": "multiple",
    **dict.fromkeys(["growth_ratio", "progress_score", "actual_to_required_cagr"], "ratio"),
}  # fmt: skip
"""How the table formats each figure of the JSON results (sensitivity: every
``required_cagr_*`` column is a rate)."""


def json_figures(document: dict[str, Any]) -> set[str]:
    """Every figure of a JSON document's results, formatted as a table shows it."""
    figures = set()
    for row in document["results"]:
        unit = str(row.get("unit", ""))
        for key, item in row.items():
            kind = KINDS.get(key, "rate" if key.startswith("required_cagr_") else None)
            if kind is not None and isinstance(item, int | float) and not isinstance(item, bool):
                figures.add(numbers.value(kind, item, unit))
    return figures


def markdown_cells(markdown: str) -> set[str]:
    """Every non-empty cell of a Markdown pipe table (header and separator rows excluded)."""
    cells = set()
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    for line in rows[1:]:
        for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]:
            text = cell.strip().replace("\\|", "|")
            if text:
                cells.add(text)
    return cells


@cache
def expected_cells(name: str, scenario: str | None = None) -> tuple[frozenset[str], bool]:
    """The figures of the command's JSON, and every cell of its Markdown table (piped)."""
    prefix = ["--scenario", scenario] if scenario else []
    json_run, markdown_run = in_parallel(
        [
            lambda: run_pipe([*prefix, *COMMANDS[name], "--json"]),
            lambda: run_pipe([*prefix, *COMMANDS[name], "--format", "markdown"]),
        ]
    )
    assert json_run.returncode == markdown_run.returncode == 0, (json_run, markdown_run)
    figures = json_figures(json.loads(json_run.stdout))
    cells = markdown_cells(markdown_run.stdout.decode("utf-8"))
    assert figures, f"no figure in the JSON of {name}"
    assert figures <= cells, f"{name}: JSON figures missing from Markdown: {figures - cells}"
    return frozenset(figures | cells), bool(figures)


README_FIGURES = {"gap": ["148,500 jobs", "13.78 bn MAD", "10.48 %", "20,250 jobs a year"]}


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", COMMANDS)
def test_tables_never_cut_a_number(name: str, columns: int) -> None:
    cells, _ = expected_cells(name)
    run = run_pty(COMMANDS[name], columns)
    assert run.returncode == 0 and run.stderr == b"", str(run)
    text = strip_escapes(run.stdout).decode("utf-8")
    assert "…" not in text, f"a cell was cut at {columns} columns:\n{text}"
    missing = sorted(cell for cell in cells if cell not in text)
    assert not missing, f"not shown whole at {columns} columns: {missing[:10]}\n{text}"
    for figure in README_FIGURES.get(name, []):
        assert figure in text
    boxed = "┏" in text or "┌" in text
    if columns == 20:
        assert not boxed, f"a boxed table at 20 columns, not the stacked layout:\n{text}"
    if columns == 300:
        assert boxed, f"no table at 300 columns:\n{text}"


# ---------------------------------------------------------------------------------------------
# Encodings: ASCII stdout, the C locale

ENCODINGS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {"LC_ALL": "C", "LANG": "C"},
}


def _check_encoding(run: Run, ascii_only: bool) -> None:
    assert run.returncode == 0, str(run)
    assert b"Traceback" not in run.stderr and b"UnicodeEncodeError" not in run.stderr, str(run)
    assert b"UnicodeEncodeError" not in run.stdout, str(run)
    # Documents (JSON, CSV, Markdown, a scenario file) are UTF-8 whatever stdout's encoding,
    # and the built-in sources' French titles have accents; the rest follows stdout's.
    document = {"csv", "markdown", "--json", "init"} & set(run.args)
    run.stdout.decode("ascii" if ascii_only and not document else "utf-8")  # raises if it cannot


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_ascii_and_c_locale(encoding: str) -> None:
    env = ENCODINGS[encoding]
    ascii_only = "PYTHONIOENCODING" in env
    formats = [["--format", "csv"], ["--format", "markdown"]]
    if ascii_only:
        formats += [[], ["--json"], ["--explain"]]
    jobs: list[Callable[[], Run]] = []
    for args in COMMANDS.values():
        takes = [f for f in formats if f != ["--explain"] or list(args[:2]) != ["scenario", "show"]]
        jobs += [lambda a=[*args, *extra]: run_pipe(a, env) for extra in takes]
        jobs.append(lambda a=args: run_pty(a, 80, env))
    jobs += [
        lambda: run_pty(["status"], 20, env),
        lambda: run_pty(["status"], 300, env),
        lambda: run_pipe(["chart"], env),
        lambda: run_pty(["chart"], 100, env),
        lambda: run_pipe(["--help"], env),
        lambda: run_pipe(["scenario", "init"], env),
    ]
    for run in in_parallel(jobs):
        _check_encoding(run, ascii_only)


def test_ascii_tables_fall_back_to_ascii_borders() -> None:
    boxed, stacked = in_parallel(
        [
            lambda: run_pty(["gap"], 300, {"PYTHONIOENCODING": "ascii"}),
            lambda: run_pty(["gap"], 20, {"PYTHONIOENCODING": "ascii"}),
        ]
    )
    text = strip_escapes(boxed.stdout).decode("ascii")
    assert "+---" in text or "|--" in text, text  # a table, drawn in ASCII
    for figure in README_FIGURES["gap"]:
        assert figure in text
        assert figure in strip_escapes(stacked.stdout).decode("ascii")


# ---------------------------------------------------------------------------------------------
# Wide characters from a scenario file

WIDE_SCENARIO = """\
scenario_version = 1
name = "wide"
description = "An indicator whose unit and label are CJK: two terminal cells a character."

[sources.s]
publisher = "test"
title = "wide characters"
date = "2024"
url = "https://example.invalid/wide"

[[indicators]]
id = "waste"
label = "\u5e9f\u7269\u5904\u7406\u91cf"
unit = "\u5428"
direction = "decrease"
target = {year = 2030, value = 27, series = "main", source = "s"}

[[indicators.observations]]
year = 2023
value = 80
series = "main"
source = "s"

[[indicators.observations]]
year = 2024
value = 64
series = "main"
source = "s"
"""


def test_wide_characters_never_cut_a_number(tmp_path: Path) -> None:
    path = tmp_path / "wide.toml"
    path.write_text(WIDE_SCENARIO, encoding="utf-8")
    cells, _ = expected_cells("gap", str(path))
    failures = []
    runs = in_parallel(
        [lambda w=w: run_pty(["--scenario", str(path), "gap"], w) for w in range(46, 55)]
    )
    for columns, run in zip(range(46, 55), runs, strict=True):
        assert run.returncode == 0, str(run)
        text = strip_escapes(run.stdout).decode("utf-8")
        missing = [cell for cell in cells if cell not in text]
        if "…" in text or missing:
            failures.append((columns, missing))
    assert not failures, failures


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 400])
def test_a_text_of_the_scenario_is_shown_as_written_not_as_rich_markup(
    tmp_path: Path, columns: int
) -> None:
    # Rich reads "[bold]...[/bold]" as markup and ":smile:" as an emoji code in a str cell;
    # a label must appear as written, in the boxed table (400 columns) and stacked (60)
    from helpers import seed, toml

    data = seed()
    data["indicators"][0]["label"] = "Offshoring jobs [bold]FTE[/bold] :smile: [link]"
    path = tmp_path / "markup.toml"
    path.write_text(toml(data), encoding="utf-8")
    run = run_pty(["scenario", "show", str(path)], columns)
    assert run.returncode == 0, str(run)
    text = strip_escapes(run.stdout).decode("utf-8")
    assert "Offshoring jobs [bold]FTE[/bold] :smile: [link]" in text, text
    assert "😄" not in text
