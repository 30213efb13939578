"""Numbers and signals at the limits (issue 9): the terminal's size, a chart's colour, hints that
are valid input, one number grammar for every count, amount and rate, and Ctrl-C.

Each behaviour is checked through the installed ``offshoring`` in a subprocess (on pipes and on
a pseudo-terminal) and, where it has one, through the Python API.
"""

from __future__ import annotations

import io
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.exceptions import BadParameter
from conftest import clean_environ, offshoring_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offshoring_cli import cli
from offshoring_cli.cli import params
from offshoring_cli.core import grammar, resolve
from offshoring_cli.render import table, terminal

POSIX = sys.platform != "win32"
ESCAPE = b"\x1b"
COMMAND = offshoring_command()


def run(
    args: Sequence[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command with stdout and stderr to pipes and stdin from /dev/null."""
    return subprocess.run(
        [*COMMAND, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_environ({"TERM": "xterm-256color", **(env or {})}),
        timeout=120,
        check=False,
    )


def run_pty(
    args: Sequence[str], columns: int, env: Mapping[str, str] | None = None, rows: int = 40
) -> tuple[int, bytes, bytes]:
    """The installed command with stdout on a pseudo-terminal ``columns`` wide and ``rows``
    high and stderr to a pipe: (exit code, stdout bytes exactly as written, stderr bytes)."""
    import fcntl
    import termios

    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        attributes = termios.tcgetattr(slave)
        attributes[1] &= ~termios.OPOST  # no \n -> \r\n: the bytes are the command's
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        proc = subprocess.Popen(
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
            env=clean_environ({"TERM": "xterm-256color", **(env or {})}),
        )
    finally:
        os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                proc.kill()
                raise TimeoutError(f"offshoring {args} on a terminal did not end")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the command closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        proc.wait(timeout=60)
    finally:
        os.close(master)
        if proc.stderr is not None:
            proc.stderr.close()
    return proc.returncode, b"".join(chunks), stderr


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


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


@pytest.mark.parametrize("value", ["0", "-5", "abc"])
def test_gap_with_a_bad_columns_prints_the_table(value: str) -> None:
    # Before: COLUMNS=0 offshoring gap printed nothing at all and exited 0.
    reference = run(["gap"])
    for name in ("COLUMNS", "LINES"):
        proc = run(["gap"], {name: value})
        assert proc.returncode == 0 and proc.stderr == "", proc
        assert proc.stdout == reference.stdout  # as if unset: 80 columns on a pipe
        for figure in ("121,500 jobs", "13.78 bn MAD", "10.48 %", "20,250 jobs a year"):
            assert figure in proc.stdout


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_a_bad_columns_falls_back_to_the_terminal_width() -> None:
    # On a 100-column terminal, COLUMNS=0 uses the terminal's 100 columns: the boxed table
    # (about 60 wide), no wider than the terminal.
    code, out, err = run_pty(["gap"], 100, {"COLUMNS": "0", "NO_COLOR": "1"})
    text = out.decode("utf-8")
    assert code == 0 and err == b"", (code, err)
    assert "┏" in text and "121,500 jobs" in text
    table = [line for line in text.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and max(len(line) for line in table) <= 100
    # ... and on a 30-column one, the stacked layout that fits it.
    code, out, _ = run_pty(["gap"], 30, {"COLUMNS": "-5", "NO_COLOR": "1"})
    text = out.decode("utf-8")
    assert code == 0 and "┏" not in text and "  Gap (target - baseline): 121,500 jobs" in text


@pytest.mark.parametrize("value", ["0", "-3", "wide"])
def test_terminal_chart_with_a_bad_columns_is_drawn_at_the_default_width(value: str) -> None:
    pytest.importorskip("plotext")
    reference = run(["chart", "--metric", "jobs"])
    proc = run(["chart", "--metric", "jobs"], {"COLUMNS": value})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == reference.stdout
    assert "Offshoring jobs: paths to 2030" in proc.stdout
    assert widest(proc.stdout.split("  *  ")[0]) <= 100  # the chart's own default width


# ---------------------------------------------------------------------------------------------
# A terminal chart honours TERM=dumb and NO_COLOR as tables do


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_terminal_chart_has_no_escape_codes_under_term_dumb_or_no_color() -> None:
    pytest.importorskip("plotext")
    # The control case first: on this terminal the chart is coloured, so the absence of
    # escape codes below is the setting's doing.
    code, coloured, _ = run_pty(["chart", "--metric", "jobs"], 100)
    assert code == 0 and ESCAPE in coloured
    for setting in ({"TERM": "dumb"}, {"NO_COLOR": "1"}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}):
        code, out, err = run_pty(["chart", "--metric", "jobs"], 100, setting)
        assert code == 0, (setting, err)
        assert ESCAPE not in out, setting
        assert b"Offshoring jobs: paths to 2030" in out
        # The same chart as the table's terminal rules give: plain, 100 columns wide.
        assert max(len(line) for line in out.decode("utf-8").splitlines()) <= 100
        # Tables agree: no escape code either.
        code, table, _ = run_pty(["gap"], 100, setting)
        assert code == 0 and ESCAPE not in table, setting


def test_piped_chart_colour_follows_the_table_rules() -> None:
    pytest.importorskip("plotext")
    cases = {
        "pipe": ({}, False),
        "FORCE_COLOR": ({"FORCE_COLOR": "1"}, True),  # as a table: Rich forces colour
        "FORCE_COLOR NO_COLOR": ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        "FORCE_COLOR TERM=dumb": ({"FORCE_COLOR": "1", "TERM": "dumb"}, False),
    }
    for name, (env, coloured) in cases.items():
        chart, table = run(["chart", "-m", "jobs"], env), run(["gap", "-m", "jobs"], env)
        assert chart.returncode == table.returncode == 0, name
        assert ("\x1b" in chart.stdout) is coloured, name
        assert ("\x1b" in table.stdout) is coloured, name


def test_charts_terminal_api_without_colour_has_no_escape_codes() -> None:
    pytest.importorskip("plotext")
    from offshoring_cli.render import chart as charts
    from offshoring_cli.reports.chart import chart_model

    model = chart_model(cli_options(metrics=("jobs",)))
    plain = charts.terminal(model, 100, 22, color=False, ascii_only=False)
    assert "\x1b" not in plain and "Offshoring jobs: paths to 2030" in plain
    assert "\x1b[" in charts.terminal(model, 100, 22, color=True, ascii_only=False)


def cli_options(**kwargs: Any) -> resolve.Options:
    from offshoring_cli.core.builtin import BUILTIN

    return resolve.Options(dataset=BUILTIN, **kwargs)


# ---------------------------------------------------------------------------------------------
# "Did you mean" hints are valid input


def test_missing_suffix_hint_reads_naturally_and_is_valid() -> None:
    # Before: "did you mean 1e+06k?" (1,000,000 MAD with a k: neither natural nor what
    # one would type).
    proc = run(["gap", "--exports-baseline", "1000000", "--json"])
    assert proc.returncode == 0
    assert "1e+06" not in proc.stderr
    assert "did you mean 1bn?" in proc.stderr  # 1,000,000 * 10^3 = 10^9 MAD
    # The README's examples still hold: 40 -> 40bn, 100 jobs -> 100k.
    proc = run(["gap", "--exports-target", "40", "--json"])
    assert "did you mean 40bn?" in proc.stderr
    proc = run(["gap", "-m", "jobs", "--jobs-baseline", "100", "--json"])
    assert "did you mean 100k?" in proc.stderr
    # 26,220 MAD was 26.22 bn MAD typed in thousands... of millions: 26,220 * 10^6.
    proc = run(["gap", "--exports-baseline", "26220", "--json"])
    assert "did you mean 26.22bn?" in proc.stderr


def test_no_suffix_hint_when_no_suffix_explains_the_value() -> None:
    # 5e-6 MAD: even 5e-6 bn (5,000 MAD) is over 1,000 times below 26.22 bn; before, the
    # hint was "did you mean 5e-06bn?".
    proc = run(["gap", "--exports-baseline", "0.000005", "--json"])
    assert proc.returncode == 0
    assert "did you mean" not in proc.stderr
    assert "check the unit." in proc.stderr


@pytest.mark.parametrize(
    ("given", "reference", "whole", "hint"),
    [
        (1_000_000, 26_220_000_000, False, "did you mean 1bn?"),
        (26.22, 26_220_000_000, False, "did you mean 26.22bn?"),
        (1.5, 40_000_000_000, False, "did you mean 1.5bn?"),
        (100, 148_500, True, "did you mean 100k?"),
        (1, 148_500, True, "did you mean 1M?"),  # 10^6 is within 1,000 times of 148,500
        (0.000005, 26_220_000_000, False, "check the unit."),
        (148_500_000_000, 148_500, True, "check the unit."),
    ],
)
def test_magnitude_warning_hints(given: float, reference: int, whole: bool, hint: str) -> None:
    warning = resolve._magnitude_warning("--x", given, reference, whole)
    assert warning is not None and warning.endswith(f": {hint}")


def test_target_year_hint_is_never_outside_the_year_range() -> None:
    # Before: "give a later --target-year (e.g. 2201)", a year the command line refuses.
    args = ["gap", "-m", "jobs", "--jobs-baseline", "100k", "--target-year", "2030"]
    proc = run([*args, "--base-year", "2200"])
    assert proc.returncode == 2
    assert "2201" not in proc.stderr
    assert "choose an earlier --base-year" in proc.stderr
    proc = run([*args, "--base-year", "2100"])
    assert proc.returncode == 2
    assert "give a later --target-year (e.g. 2101)" in proc.stderr


@pytest.mark.parametrize(
    ("kind", "text", "absent", "present"),
    [
        ("RATE", "1e6", "1e6%", "a bare number is a fraction"),  # 1e6 % is over 1,000 %
        ("RATE", "2024", "2024%", "a bare number is a fraction"),
        ("RATE", "1,5", "1.5", "use a dot for decimals"),  # 1.5 bare is refused too
        ("JOBS", "26,22", "decimals: 26.22", "jobs are whole numbers"),  # 26.22 jobs: not whole
        ("JOBS", "148,5", "decimals: 148.5", "jobs are whole numbers"),
        ("RATES", "1,500%", "1_500%", "ambiguous"),  # 1,500 % is over 1,000 %
    ],
)
def test_no_hint_that_would_be_refused(kind: str, text: str, absent: str, present: str) -> None:
    with pytest.raises(BadParameter) as info:
        getattr(params, kind).convert(text, None, None)
    assert absent not in info.value.message
    assert present in info.value.message


@pytest.mark.parametrize(
    ("kind", "text", "suggestion"),
    [
        ("RATE", "12", "12%"),
        ("RATE", "-5", "-5%"),
        ("RATE", "12,5%", "12.5%"),
        ("RATE", "0,08", "0.08"),
        ("MAD", "26,22", "26.22"),
        ("MAD", "26,22 bn", "26.22 bn"),
        ("MAD", "0,500", "0.500"),  # a leading 0 group is a decimal comma, not thousands
        ("JOBS", "148 500", "148_500"),
        ("JOBS", "148\u202f500 jobs", "148_500 jobs"),
        ("INCREMENT", "-1,5k", "-1.5k"),
        ("RATES", "10%,1,000%", "1_000%"),
        ("YEARS", "2035-2028", "2028-2035"),
    ],
)
def test_hints_that_are_given_are_valid(kind: str, text: str, suggestion: str) -> None:
    converter = getattr(params, kind)
    with pytest.raises(BadParameter) as info:
        converter.convert(text, None, None)
    assert suggestion in info.value.message
    converter.convert(suggestion, None, None)  # raises if the hint were not valid input


SUGGESTION = re.compile(
    r"(?:use a dot for decimals: |percent type |for one rate type |the range runs backwards; "
    r"type |group digits with _ or commas: )(.+?)\.?$"
)
"""Where the grammar's messages put a concrete spelling to type instead."""

CONVERTERS = {
    "JOBS": params.JOBS,
    "MAD": params.MAD,
    "INCREMENT": params.INCREMENT,
    "RATE": params.RATE,
    "RATES": params.RATES,
    "YEARS": params.YEARS,
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(CONVERTERS)),
    st.text(alphabet="0123456789,._ -+%ekKMmbn", min_size=1, max_size=12),
)
def test_every_suggested_spelling_is_accepted(kind: str, text: str) -> None:
    converter = CONVERTERS[kind]
    try:
        converter.convert(text, None, None)
    except BadParameter as error:
        found = SUGGESTION.search(error.message)
        if found:
            converter.convert(found[1], None, None)  # the hint must itself be valid input


@pytest.mark.parametrize("unit", sorted(grammar.EXAMPLES))
def test_the_examples_in_messages_are_valid_input(unit: str) -> None:
    # "give a number such as ..." is a hint too: each example is accepted where it is shown
    # (for --increment, whichever metric is chosen).
    examples = re.split(r", | or ", grammar.EXAMPLES[unit])
    assert len(examples) >= 3
    for example in examples:
        if unit:
            getattr(params, {"jobs": "JOBS", "MAD": "MAD"}[unit]).convert(example, None, None)
        else:
            quantity = params.INCREMENT.convert(example, None, None)
            params.INCREMENT.in_unit(quantity, "jobs")
            params.INCREMENT.in_unit(quantity, "MAD")


def test_suggest_quantity_reads_back_exactly() -> None:
    assert grammar.suggest_quantity(26_220_000_000, "MAD", whole=False) == "26.22bn"
    assert grammar.suggest_quantity(1_500_000, "jobs", whole=True) == "1.5M"
    assert grammar.suggest_quantity(1234.5, "MAD", whole=False) == "1.2345k"
    assert grammar.suggest_quantity(0.5, "", whole=False) == "0.5"
    assert grammar.suggest_quantity(0.5, "jobs", whole=True) is None  # not a whole count
    assert grammar.suggest_quantity(1e-7, "MAD", whole=False) is None  # below 10^-6
    assert grammar.suggest_quantity(2e18, "MAD", whole=False) is None  # above 10^18


# ---------------------------------------------------------------------------------------------
# One grammar for every count, amount and rate


def test_increment_takes_the_unit_word_like_the_other_count_options() -> None:
    # Before: --increment '15k jobs' was "unknown suffix 'jobs'" although --jobs-baseline
    # '148500 jobs' is accepted.
    def increment(*args: str) -> Any:
        proc = run(["project", *args, "--json"])
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["results"][0]["increment_per_year"]

    assert increment("-m", "jobs", "--increment", "15k jobs") == 15_000  # 15 * 10^3
    assert increment("-m", "jobs", "--increment", "15kjobs") == 15_000
    assert increment("-m", "jobs", "--increment", "15,000 jobs") == 15_000
    assert increment("-m", "jobs", "--increment", "-50k jobs") == -50_000
    assert increment("-m", "exports", "--increment", "2bn MAD") == 2_000_000_000  # 2 * 10^9
    assert increment("-m", "exports", "--increment", "1.5 bn") == 1_500_000_000


@pytest.mark.parametrize(
    ("metric", "text", "fragment"),
    [
        ("jobs", "15k MAD", "the unit here is jobs, not 'MAD'"),
        ("exports", "2bn jobs", "the unit here is MAD, not 'jobs'"),
        ("jobs", "15 kk", "unknown suffix or unit 'kk'"),
        ("jobs", "1.5 jobs", "not a whole number of jobs"),
        ("jobs", "15k tonnes", "the unit here is jobs, not 'tonnes'"),
    ],
)
def test_increment_with_another_unit_is_refused(metric: str, text: str, fragment: str) -> None:
    proc = run(["project", "-m", metric, "--increment", text, "--json"])
    assert proc.returncode == 2
    assert proc.stdout == ""
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "'--increment'" in errors[0] and fragment in errors[0], errors[0]


def test_increment_api_reads_the_text_in_the_metric_unit() -> None:
    quantity = params.INCREMENT.convert("15k jobs", None, None)
    assert quantity == grammar.Quantity(15_000, "jobs", "15k jobs")
    assert params.INCREMENT.in_unit(quantity, "jobs") == 15_000
    with pytest.raises(ValueError, match="the unit here is MAD"):
        params.INCREMENT.in_unit(quantity, "MAD")
    glued = params.INCREMENT.convert("15kjobs", None, None)
    assert params.INCREMENT.in_unit(glued, "jobs") == 15_000


SEPARATED = {"1,000": 1_000, "1_000": 1_000, "1,234,567.5": 1_234_567.5, "1_234_567.5": 1_234_567.5}
SEPARATED_BAD = ["1,0000", "1,00", "0,100,000", "1 000", "1,000_000", "1__000", "_1000", "1000_"]


@pytest.mark.parametrize("text", sorted(SEPARATED))
def test_digit_groups_follow_one_rule_for_amounts_counts_and_rates(text: str) -> None:
    value = SEPARATED[text]
    assert params.MAD.convert(text, None, None) == value
    assert params.INCREMENT.convert(text, None, None).value == value
    if value == int(value):
        assert params.JOBS.convert(f"{text} jobs", None, None) == value
    # The same digits as a rate: 1,000 % = 10 (the largest rate); a bigger one is refused as
    # too large, not as a number the grammar cannot read.
    if value == 1_000:
        assert params.RATE.convert(f"{text}%", None, None) == 10.0
    else:
        with pytest.raises(BadParameter, match="above 1,000 %"):
            params.RATE.convert(f"{text}%", None, None)


@pytest.mark.parametrize("text", SEPARATED_BAD)
def test_bad_digit_groups_are_refused_everywhere(text: str) -> None:
    for converter in (params.MAD, params.JOBS, params.INCREMENT):
        with pytest.raises(BadParameter):
            converter.convert(text, None, None)
    with pytest.raises(BadParameter):
        params.RATE.convert(f"{text}%", None, None)


def test_a_list_of_rates_never_reads_a_thousands_comma_as_two_rates() -> None:
    # --changes 1,000% was silently 100 % and 0 %.
    proc = run(["sensitivity", "-m", "jobs", "--changes", "1,000%", "--json"])
    assert proc.returncode == 2
    assert "for one rate type 1_000%" in proc.stderr
    proc = run(["sensitivity", "-m", "jobs", "--changes", "0,1_000%", "--json"])
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)["results"][0]
    # 0 and 1_000 %: the target as set, and 11 times it (1 + 1,000 %).
    assert {"required_cagr_target_as_set", "required_cagr_target_plus_1000pct"} <= set(row)


def test_the_rule_is_documented_in_help_and_readme() -> None:
    proc = run(["gap", "--help"])
    help_text = " ".join(proc.stdout.split())
    assert "commas between groups of three before the point" in help_text
    assert "_ between digits" in help_text and "not both" in help_text
    # tailored (fresh-user item 18): --increment and rates only where the command takes them
    assert "--increment" not in help_text and "Rates" not in help_text
    project = " ".join(run(["project", "--help"]).stdout.split())
    assert "--increment 15k jobs" in project and "Rates: 8% or 0.08" in project
    sensitivity = " ".join(run(["sensitivity", "--help"]).stdout.split())
    assert "--increment" not in sensitivity and "Rates (--changes)" in sensitivity
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    grammar = readme.split("### Input grammar", 1)[1].split("\n## ", 1)[0]
    assert "groups of exactly three" in grammar and "not both" in grammar
    assert "--increment" in grammar


# ---------------------------------------------------------------------------------------------
# Ctrl-C: exit 130, one line, no traceback


def _full_pipe() -> tuple[int, int]:
    """A pipe whose buffer is already full: the first write to it blocks."""
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    try:
        while True:
            os.write(write_end, b"x" * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(write_end, True)
    return read_end, write_end


def _wait_until_blocked_writing(proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait until ``proc`` sleeps in a pipe write (Linux: /proc/PID/wchan)."""
    wchan = Path(f"/proc/{proc.pid}/wchan")
    if not wchan.exists():
        proc.kill()
        pytest.skip("no /proc/PID/wchan to see where the command waits")
    deadline = time.monotonic() + seconds
    while "pipe_write" not in wchan.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the command never blocked on its output (exit {proc.returncode})")
        time.sleep(0.01)


def _interrupt_while_writing(
    args: Sequence[str], prefill: bool = True, ignore: bool = False
) -> tuple[int, bytes, bytes]:
    """Run ``args`` with stdout into a pipe nobody reads (already full unless ``prefill`` is
    false: then the command's own output must fill it), send SIGINT once it blocks writing,
    and return (exit code, what it wrote to the pipe after the filler, stderr). With
    ``ignore``, the command starts with SIGINT ignored, as a background job does."""
    read_end, write_end = _full_pipe() if prefill else os.pipe()
    try:
        proc = subprocess.Popen(
            [*COMMAND, *args],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=clean_environ(),
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignore else None,
        )
    finally:
        os.close(write_end)
    try:
        _wait_until_blocked_writing(proc)
        proc.send_signal(signal.SIGINT)
        if ignore:
            time.sleep(0.5)
            assert proc.poll() is None, "SIGINT was not ignored"
        chunks = []
        while True:  # read everything: a process that ignored SIGINT can now finish
            data = os.read(read_end, 65536)
            if not data:
                break
            chunks.append(data)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        code = proc.wait(timeout=60)
    finally:
        os.close(read_end)
        if proc.poll() is None:
            proc.kill()
        if proc.stderr is not None:
            proc.stderr.close()
    return code, b"".join(chunks).lstrip(b"x"), stderr


INTERRUPTED = [
    ["gap"],
    ["gap", "--json"],
    ["--help"],
    ["gap", "--help"],
    ["--version"],
    ["scenario", "init"],
    ["status", "--explain"],
]


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
@pytest.mark.parametrize("args", INTERRUPTED, ids=" ".join)
def test_ctrl_c_exits_130_with_one_line(args: list[str]) -> None:
    # Before: "Aborted!" and exit 1 (Click's own handling), or a hang at exit while Python
    # flushed the rest of the output into the full pipe.
    code, _, stderr = _interrupt_while_writing(args)
    assert code == 130, stderr
    assert stderr == b"Error: interrupted\n"


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
def test_ctrl_c_during_a_large_output_exits_130() -> None:
    # Over 64 KiB: the command fills the pipe itself, mid-output.
    args = ["sensitivity", "--years", "2025-2200", "--json"]
    code, _, stderr = _interrupt_while_writing(args, prefill=False)
    assert code == 130 and stderr == b"Error: interrupted\n"


@pytest.mark.skipif(sys.platform != "linux", reason="/proc/PID/wchan tells when it blocks")
def test_ctrl_c_stays_ignored_in_a_background_job() -> None:
    # A shell starts background jobs with SIGINT ignored; the command must not undo that.
    code, out, stderr = _interrupt_while_writing(["gap", "--json"], ignore=True)
    assert code == 0 and stderr == b""
    assert json.loads(out)["results"][0]["gap"] == 121_500


@pytest.mark.skipif(not POSIX, reason="signals")
def test_interrupt_handler_unwinds_and_main_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The API side: the handler raises Interrupted (not KeyboardInterrupt, which Click turns
    # into "Aborted!" and exit 1), and main() turns it into one line and exit 130.
    with pytest.raises(cli.Interrupted):
        cli._on_interrupt(signal.SIGINT, None)
    assert signal.getsignal(signal.SIGINT) is cli._exit_now  # a second Ctrl-C ends at once
    signal.signal(signal.SIGINT, signal.default_int_handler)

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise cli.Interrupted

    monkeypatch.setattr(cli, "cli", interrupted)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 130
    assert capsys.readouterr().err == "Error: interrupted\n"
    signal.signal(signal.SIGINT, signal.default_int_handler)

    # A run that ends normally leaves SIGINT as it found it (main() called in-process).
    def done(*args: Any, **kwargs: Any) -> None:
        assert signal.getsignal(signal.SIGINT) is cli._on_interrupt
        raise SystemExit(0)

    monkeypatch.setattr(cli, "cli", done)
    with pytest.raises(SystemExit):
        cli.main()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


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
    proc = run(["chart", "--metric", "jobs"], {"NO_COLOR": "1", "COLUMNS": columns or ""})
    assert proc.returncode == 0, proc.stderr
    frame = [line for line in proc.stdout.splitlines() if line.lstrip().startswith("┌")]
    assert frame and "─" * 20 in frame[0]  # a drawn frame, not an empty one
    assert _widest(proc.stdout) == width


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_terminal_chart_on_a_narrow_terminal_is_40_wide() -> None:
    pytest.importorskip("plotext")
    code, out, err = run_pty(["chart", "--metric", "jobs"], 30, {"NO_COLOR": "1"})
    assert code == 0, err
    assert _widest(out.decode("utf-8")) == 40


@pytest.mark.skipif(not POSIX, reason="pseudo-terminals")
def test_a_terminal_reporting_0_rows_still_gives_its_columns() -> None:
    # Fresh-user report, item 6: 'stty rows 0 cols 30' made the whole size count as unknown, so
    # tables were drawn 80 wide (75 columns for status) on a 30-column terminal. Each
    # dimension now counts on its own: 30 columns, hence the stacked list.
    code, out, err = run_pty(["status", "-m", "jobs"], 30, {"NO_COLOR": "1"}, rows=0)
    text = out.decode("utf-8")
    assert code == 0, err
    assert "┏" not in text and "\n  Assessment base year: 2022\n" in text, text
    reference = run_pty(["status", "-m", "jobs"], 30, {"NO_COLOR": "1"}, rows=24)[1]
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
