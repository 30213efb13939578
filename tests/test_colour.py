"""Colour: one decision for tables and charts, the one Rich makes for a console on stdout; a
terminal chart honours TERM=dumb and NO_COLOR as tables do (issue 9).

Checked through the installed ``offshoring`` in a subprocess (on pipes and on a pseudo-terminal)
and through :mod:`offshoring_cli.render.terminal` and :mod:`offshoring_cli.render.chart`.
The last group runs every command on a pseudo-terminal through the harness of
tests/terminal_helpers.py: no escape code when colour is off, none in JSON even when forced.
"""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from helpers import run_on_terminal, run_piped
from terminal_helpers import COMMANDS, in_parallel, run_pty

from offshoring_cli.core import resolve
from offshoring_cli.render import table, terminal

POSIX = sys.platform != "win32"
ESCAPE = b"\x1b"


# ---------------------------------------------------------------------------------------------
# A terminal chart honours TERM=dumb and NO_COLOR as tables do


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_terminal_chart_has_no_escape_codes_under_term_dumb_or_no_color() -> None:
    pytest.importorskip("plotext")
    # The control case first: on this terminal the chart is coloured, so the absence of
    # escape codes below is the setting's doing.
    code, coloured, _ = run_on_terminal(["chart", "--metric", "jobs"], 100)
    assert code == 0 and ESCAPE in coloured
    for setting in ({"TERM": "dumb"}, {"NO_COLOR": "1"}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}):
        code, out, err = run_on_terminal(["chart", "--metric", "jobs"], 100, setting)
        assert code == 0, (setting, err)
        assert ESCAPE not in out, setting
        assert b"Offshoring jobs: 49,000 short of the 270,000 target" in out
        # The same chart as the table's terminal rules give: plain, 100 columns wide.
        assert max(len(line) for line in out.decode("utf-8").splitlines()) <= 100
        # Tables agree: no escape code either.
        code, table, _ = run_on_terminal(["gap"], 100, setting)
        assert code == 0 and ESCAPE not in table, setting


@pytest.mark.slow
def test_piped_chart_colour_follows_the_table_rules() -> None:
    pytest.importorskip("plotext")
    cases = {
        "pipe": ({}, False),
        "FORCE_COLOR": ({"FORCE_COLOR": "1"}, True),  # as a table: Rich forces colour
        "FORCE_COLOR NO_COLOR": ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        "FORCE_COLOR TERM=dumb": ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
    }
    for name, (env, coloured) in cases.items():
        chart, table = (
            run_piped(["chart", "-m", "jobs"], env),
            run_piped(["gap", "-m", "jobs"], env),
        )
        assert chart.returncode == table.returncode == 0, name
        assert ("\x1b" in chart.stdout) is coloured, name
        assert ("\x1b" in table.stdout) is coloured, name


def test_charts_terminal_api_without_colour_has_no_escape_codes() -> None:
    pytest.importorskip("plotext")
    from offshoring_cli.render import chart_terminal as charts
    from offshoring_cli.reports.chart import chart_model

    model = chart_model(cli_options(metrics=("jobs",)))
    plain = charts.terminal(model, 100, 22, color=False, ascii_only=False)
    assert "\x1b" not in plain and "Offshoring jobs: 49,000 short of the 270,000 target" in plain
    assert "\x1b[" in charts.terminal(model, 100, 22, color=True, ascii_only=False)


def cli_options(**kwargs: Any) -> resolve.Options:
    from offshoring_cli.core.builtin import BUILTIN

    return resolve.Options(dataset=BUILTIN, **kwargs)


@pytest.mark.parametrize(
    ("env", "colour"),
    [
        ({}, False),  # not a terminal
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": ""}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
        ({"FORCE_COLOR": "1", "TERM": "unknown"}, False),
        ({"TTY_COMPATIBLE": "1"}, True),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False),
    ],
)
def test_terminal_facts_colour_follows_richs_rules(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], colour: bool
) -> None:
    # One decision for tables and charts: the one Rich makes for a console on stdout.
    for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a terminal
    facts = terminal.probe()
    assert facts.colour is colour
    from rich.console import Console

    rich_colours = Console(file=sys.stdout).color_system is not None
    assert rich_colours is (colour or bool(env.get("NO_COLOR")))  # NO_COLOR: Rich strips it
    assert (table.table_console(facts).color_system is not None) is colour


# ---------------------------------------------------------------------------------------------
# Colour through the terminal matrix (tests/terminal_helpers.py): none when it is off, never in
# JSON


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
@pytest.mark.parametrize("setting", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=str)
def test_no_escape_codes_when_colour_is_off(setting: dict[str, str]) -> None:
    jobs = [lambda a=args: run_pty(a, 80, setting) for args in COMMANDS.values()]
    jobs += [lambda w=w: run_pty(["status"], w, setting) for w in (20, 300)]
    for run in in_parallel(jobs):
        assert run.returncode == 0, str(run)
        assert b"\x1b" not in run.stdout, f"escape code with {setting}: {run}"
        assert b"\x1b" not in run.stderr, str(run)


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_force_colour_colours_a_table_but_not_json() -> None:
    # The control case: on this terminal FORCE_COLOR does produce escape codes in a table,
    # so their absence above (and in JSON) is not an accident of the setup.
    table, document = in_parallel(
        [
            lambda: run_pty(["gap"], 80, {"FORCE_COLOR": "1"}),
            lambda: run_pty(["gap", "--json"], 80, {"FORCE_COLOR": "1"}),
        ]
    )
    assert b"\x1b[" in table.stdout
    assert b"\x1b" not in document.stdout
