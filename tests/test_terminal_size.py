"""The terminal's size: COLUMNS and LINES that are 0, negative or text count as unset, each
dimension of a terminal counts on its own, and a terminal chart's width (issue 9, fresh-user
items 5 and 6).

Checked through the installed ``offshoring`` in a subprocess (on pipes and on a pseudo-terminal
whose own size is set, COLUMNS and LINES not) and through :mod:`offshoring_cli.render.terminal`.
"""

from __future__ import annotations

import os
import sys

import pytest
from helpers import run_on_terminal, run_piped, widest

from offshoring_cli.render import table, terminal

POSIX = sys.platform != "win32"


# ---------------------------------------------------------------------------------------------
# COLUMNS and LINES: 0, negative or text is as if unset

NOT_SIZES = ["0", "-5", "-1", "abc", "80.5", "", " ", "1e3", "+80", "\u0668\u0660", "9" * 5000]
"""Values of COLUMNS / LINES that are not a whole number above 0 (the last one is over the
six digits accepted, and over Python's int() digit limit)."""


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No terminal on any standard stream, whatever runs the tests."""

    def not_a_terminal(fd: int = 1) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", not_a_terminal)


@pytest.mark.parametrize("value", NOT_SIZES)
def test_terminal_size_treats_a_bad_columns_or_lines_as_unset(
    monkeypatch: pytest.MonkeyPatch, no_terminal: None, value: str
) -> None:
    monkeypatch.setenv("COLUMNS", value)
    monkeypatch.setenv("LINES", value)
    assert terminal.terminal_size() == (80, 25)  # the fallback, as with nothing set
    assert terminal.terminal_size((100, 24)) == (100, 24)


def test_terminal_size_takes_a_positive_columns_and_lines(
    monkeypatch: pytest.MonkeyPatch, no_terminal: None
) -> None:
    monkeypatch.setenv("COLUMNS", "123")
    monkeypatch.setenv("LINES", " 45 ")
    assert terminal.terminal_size() == (123, 45)
    monkeypatch.setenv("COLUMNS", "0")
    assert terminal.terminal_size() == (80, 45)


def test_terminal_size_probes_the_terminal_when_columns_is_bad(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((132, 50)))
    monkeypatch.setenv("COLUMNS", "0")
    monkeypatch.setenv("LINES", "-1")
    assert terminal.terminal_size() == (132, 50)
    # A pseudo-terminal whose size was never set reports 0 x 0: the fallback then.
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((0, 0)))
    assert terminal.terminal_size((100, 24)) == (100, 24)


def test_table_console_has_the_measured_width(
    monkeypatch: pytest.MonkeyPatch, no_terminal: None
) -> None:
    monkeypatch.setenv("COLUMNS", "0")  # Rich alone would draw 0 columns wide: nothing
    assert table.table_console().width == 80
    monkeypatch.setenv("COLUMNS", "33")
    assert table.table_console().width == 33


@pytest.mark.slow
@pytest.mark.parametrize("value", ["0", "-5", "abc"])
def test_gap_with_a_bad_columns_prints_the_table(value: str) -> None:
    # Before: COLUMNS=0 offshoring gap printed nothing at all and exited 0.
    reference = run_piped(["gap"])
    for name in ("COLUMNS", "LINES"):
        proc = run_piped(["gap"], {name: value})
        assert proc.returncode == 0 and proc.stderr == "", proc
        assert proc.stdout == reference.stdout  # as if unset: 80 columns on a pipe
        for figure in ("121,500 jobs", "13.78 bn MAD", "10.48 %", "20,250 jobs a year"):
            assert figure in proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_a_bad_columns_falls_back_to_the_terminal_width() -> None:
    # On a 100-column terminal, COLUMNS=0 uses the terminal's 100 columns: the boxed table
    # (about 60 wide), no wider than the terminal.
    code, out, err = run_on_terminal(["gap"], 100, {"COLUMNS": "0", "NO_COLOR": "1"})
    text = out.decode("utf-8")
    assert code == 0 and err == b"", (code, err)
    assert "┏" in text and "121,500 jobs" in text
    table = [line for line in text.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and max(len(line) for line in table) <= 100
    # ... and on a 30-column one, the stacked layout that fits it.
    code, out, _ = run_on_terminal(["gap"], 30, {"COLUMNS": "-5", "NO_COLOR": "1"})
    text = out.decode("utf-8")
    assert code == 0 and "┏" not in text and "  Gap (target - baseline): 121,500 jobs" in text


@pytest.mark.slow
@pytest.mark.parametrize("value", ["0", "-3", "wide"])
def test_terminal_chart_with_a_bad_columns_is_drawn_at_the_default_width(value: str) -> None:
    pytest.importorskip("plotext")
    reference = run_piped(["chart", "--metric", "jobs"])
    proc = run_piped(["chart", "--metric", "jobs"], {"COLUMNS": value})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == reference.stdout
    assert "Offshoring jobs: 49,000 short of the 270,000 target" in proc.stdout
    assert widest(proc.stdout.split("  *  ")[0]) <= 100  # the chart's own default width


@pytest.mark.parametrize(
    ("columns", "width"),
    [(None, 100), ("39", 40), ("1", 40), ("40", 40), ("120", 120), ("140", 140), ("200", 140)],
)
def test_terminal_chart_width_is_the_terminals_from_40_to_140_else_100(
    columns: str | None, width: int
) -> None:
    # Fresh-user report, item 5: with no terminal the chart was 80 wide (plotext capped it at
    # its own idea of the terminal), COLUMNS=39 gave 39 and COLUMNS=1 an empty frame. As the
    # README says: the terminal's width (or COLUMNS) from 40 to 140 columns, 100 without one.
    pytest.importorskip("plotext")
    proc = run_piped(["chart", "--metric", "jobs"], {"NO_COLOR": "1", "COLUMNS": columns or ""})
    assert proc.returncode == 0, proc.stderr
    frame = [line for line in proc.stdout.splitlines() if line.lstrip().startswith("┌")]
    assert frame and "─" * 20 in frame[0]  # a drawn frame, not an empty one
    assert widest(proc.stdout) == width


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_terminal_chart_on_a_narrow_terminal_is_40_wide() -> None:
    pytest.importorskip("plotext")
    code, out, err = run_on_terminal(["chart", "--metric", "jobs"], 30, {"NO_COLOR": "1"})
    assert code == 0, err
    assert widest(out.decode("utf-8")) == 40


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_a_terminal_reporting_0_rows_still_gives_its_columns() -> None:
    # Fresh-user report, item 6: 'stty rows 0 cols 30' made the whole size count as unknown, so
    # tables were drawn 80 wide (75 columns for status) on a 30-column terminal. Each
    # dimension now counts on its own: 30 columns, hence the stacked list.
    code, out, err = run_on_terminal(["status", "-m", "jobs"], 30, {"NO_COLOR": "1"}, rows=0)
    text = out.decode("utf-8")
    assert code == 0, err
    assert "┏" not in text and "\n  Assessment base year: 2022\n" in text, text
    reference = run_on_terminal(["status", "-m", "jobs"], 30, {"NO_COLOR": "1"}, rows=24)[1]
    assert out == reference


def test_terminal_facts_take_each_dimension_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((30, 0)))
    assert terminal.terminal_size() == (30, 25)
    facts = terminal.probe()
    assert (facts.columns, facts.lines) == (30, None)
    assert table.table_console(facts).width == 30
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((0, 50)))
    assert terminal.terminal_size() == (80, 50)
