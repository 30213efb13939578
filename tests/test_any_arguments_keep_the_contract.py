"""Any arguments keep the command-line contract: argument fuzzing of every command, in process
through :class:`click.testing.CliRunner`.

Hypothesis builds argument lists for ``gap``, ``cagr``, ``status``, ``trajectory``,
``project``, ``sensitivity``, ``segments``, ``scenario show``, ``schema`` and ``chart`` (to
stdout; ``chart`` and ``report`` with ``--output`` write files and are left out): valid
options with random values, random text, Arabic-Indic, Persian and full-width digits, empty
strings, huge and tiny numbers, negative numbers, options in any order, repeated options, the
``--opt=value`` form, unknown options, with and without ``--json``, and ``--scenario`` (or
``OFFSHORING_SCENARIO``) naming a file that does not exist.

Whatever the arguments, the CLI's contract (README, "Exit codes") must hold:

* no traceback: ``result.exception`` is ``None`` or a ``SystemExit``;
* exit code 0 or 2, never 1 (1 is an unexpected failure);
* success: JSON output parses (``NaN``/``Infinity`` refused) and validates against the
  command's shipped schema; CSV, Markdown and tables hold no ``nan``/``inf`` and tables no
  ``…``; anything on stderr is a ``Warning:`` line;
* failure: nothing on stdout, and stderr ends with exactly one ``Error:`` line (the message
  on one line).

Hypothesis profiles in conftest.py: ``OFFSHORING_DEEP=1`` runs 25 times as many examples.
Known defects are pinned as ``xfail(strict=True)`` tests at the end of the module; the
strategies stay clear of them (each exclusion says which test pins it).

"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
from click.testing import Result
from helpers import EXAMPLE, SEEDS, Invocation, run_invocation
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from offshoring_cli.cli.schema import SCHEMAS

DEEP = os.environ.get("OFFSHORING_DEEP") == "1"


EXAMPLES = 2500 if DEEP else 150
"""Examples per command: 150 keeps this module near 20 s; the deep profile runs 2,500."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} in JSON output")


@cache
def _validator(name: str) -> Draft202012Validator:
    text = files("offshoring_cli").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return Draft202012Validator(json.loads(text))


NON_FINITE_WORD = re.compile(r"(?<![A-Za-z])(nan|-?inf|-?infinity)(?![A-Za-z])", re.IGNORECASE)


def describe(invocation: Invocation, result: Result) -> str:
    text = f"\nargs: {invocation.args!r}\nenv: {invocation.env!r}\nexit: {result.exit_code}"
    text += f"\nstdout: {result.stdout[:2000]!r}\nstderr: {result.stderr[:2000]!r}"
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        text += "\n" + "".join(traceback.format_exception(*result.exc_info))
    return text


def check(invocation: Invocation, result: Result) -> None:
    """The CLI contract, whatever the arguments."""
    why = describe(invocation, result)
    assert result.exception is None or isinstance(result.exception, SystemExit), why
    assert result.exit_code in (0, 2), why
    stdout, stderr = result.stdout, result.stderr
    if result.exit_code == 2:
        assert stdout == "", why
        lines = stderr.rstrip("\n").split("\n")
        errors = [line for line in lines if line.startswith("Error:")]
        assert len(errors) == 1, why
        assert lines[-1] == errors[0], "the Error: line is not the last line" + why
        return
    for line in stderr.split("\n"):
        assert line == "" or line.startswith("Warning: "), why
    if stdout.startswith("Usage:"):  # --help given as a value where an option was expected
        return
    if invocation.json_expected or stdout.lstrip().startswith("{"):
        document = json.loads(stdout, parse_constant=_refuse_constant)
        if invocation.schema is not None:
            errors = sorted(e.message for e in _validator(invocation.schema).iter_errors(document))
            assert not errors, f"schema {invocation.schema}: {errors[:3]}" + why
        return
    assert "…" not in stdout, why
    assert NON_FINITE_WORD.search(stdout) is None, why
    if "csv" in _formats(invocation.args):
        for row in csv.reader(io.StringIO(stdout)):
            assert not any(NON_FINITE_WORD.fullmatch(cell) for cell in row), why


def _formats(args: Sequence[str]) -> list[str]:
    found = []
    for i, arg in enumerate(args):
        if arg in ("--format", "-f") and i + 1 < len(args):
            found.append(args[i + 1].lower())
        elif arg.startswith("--format="):
            found.append(arg.split("=", 1)[1].lower())
    return found


# ---------------------------------------------------------------------------------------------
# Text strategies


def _digits(zero: int) -> str:
    return "".join(chr(zero + i) for i in range(10))


# Decimal digits of other scripts (str.isdigit() is true for all of them; the grammar is ASCII).
# Built from code points: ruff (RUF001) rightly flags look-alike digits typed in the source.
DIGIT_SETS = {
    "arabic-indic": _digits(0x0660),
    "persian": _digits(0x06F0),
    "full-width": _digits(0xFF10),
    "devanagari": _digits(0x0966),
}


def localise(text: str, script: str) -> str:
    """``text`` with its ASCII digits written in another script's digits."""
    return text.translate(str.maketrans("0123456789", DIGIT_SETS[script]))


ARABIC_148500 = localise("148500", "arabic-indic")  # '\u0661\u0664\u0668\u0665\u0660\u0660'
FULL_WIDTH_148500 = localise("148500", "full-width")

# Any text an argv can hold, less NUL (no argv can hold it) and line breaks (a known defect:
# test_newline_in_a_metric_splits_the_error_line and test_newline_in_a_scenario_path...).
random_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n\r"),
    max_size=24,
)

EXTREME_QUANTITIES = [
    "1e-400", "1e400", "9e18", "1e18", "1e+18", "1000000000000000000", "1000000000000000001",
    "1e-6", "0.000001", "0.0000009999", "1e309", "1e-99999999999999999999",
    "1e99999999999999999999", "-0", "0", "0.0", "-5", "-1e18", "+148500", "nan", "-nan",
    "inf", "-inf", "Infinity", "NaN", "", " ", "26,22", "12,34,5", "1.2.3", "abc", "148,500",
    "148_500", "2.7e5", "40 Md", "26.22 bn MAD", "148500 jobs", "148.5k", "1kk", "1_", "_1",
    ",", ".", "e5", "+", "-", "%", "k", "bn", "1 000", "1\u00a0000", "148,500.5", "0x10",
    "1e5bn", "999999999999999999.5", ARABIC_148500, FULL_WIDTH_148500,
    localise("148500", "persian"), localise("1", "arabic-indic") + "e5",
    localise("148,500", "arabic-indic"), localise("26.22", "full-width") + "bn",
]  # fmt: skip

SUFFIXES = ["", "k", "K", "M", "mn", "bn", "B", "Md", " k", " bn", " Md"]


@st.composite
def number_texts(draw: st.DrawFn, signed: bool = False) -> str:
    """A number in one of the grammar's spellings (sometimes out of range on purpose)."""
    value: int | float = draw(
        st.one_of(
            st.integers(0, 10**19),
            st.floats(0, 1e19, allow_nan=False),
            st.floats(1e-9, 1e-3),
        )
    )
    style = draw(st.sampled_from(["plain", "repr", "comma", "underscore", "sci", "suffix"]))
    if style == "plain":
        text = str(int(value)) if float(value).is_integer() else f"{value:f}"
    elif style == "repr":
        text = repr(value)
    elif style == "comma":
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.3f}"
    elif style == "underscore":
        text = f"{int(value):_}"
    elif style == "sci":
        text = f"{value:.4e}"
    else:
        suffix = draw(st.sampled_from(SUFFIXES))
        scale = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "md": 1e9}.get(
            suffix.strip().lower(), 1
        )
        text = f"{value / scale:g}{suffix}"
    if draw(st.booleans()):
        text += draw(st.sampled_from(["", " jobs", " MAD", "jobs", " mad"]))
    if signed or draw(st.integers(0, 9)) == 0:
        text = draw(st.sampled_from(["", "-", "+"])) + text
    script = draw(st.sampled_from(["ascii"] * 6 + list(DIGIT_SETS)))
    return text if script == "ascii" else localise(text, script)


quantity_texts = st.one_of(number_texts(), st.sampled_from(EXTREME_QUANTITIES), random_text)
increment_texts = st.one_of(
    number_texts(signed=True), st.sampled_from(EXTREME_QUANTITIES), random_text
)

YEAR_EXTREMES = [
    *(localise("2030", script) for script in DIGIT_SETS),
    *["0000", "99999", "", "2030.0", "-2030", " 2030 ", "2e3", "MMXXX", "1899", "2201"],
]
year_texts = st.one_of(
    st.integers(2020, 2040).map(str),
    st.integers(1890, 2210).map(str),
    st.sampled_from(YEAR_EXTREMES),
    random_text,
)

RATE_EXTREMES = [
    "8%", "8 %", "0.08", "-2.5%", "-100%", "-99.99%", "-99.9999999999%", "100%", "1000%",
    "1000.0001%", "2", "-1", "1", "0", "0%", "1e305%", "1e400%", "-1e400%", "1e-400", "1e-12",
    "6e-17", "", "%", "nan%", "inf%", "8%%", "+8%", ".5%", "5.%", localise("8%", "arabic-indic"),
    localise("8%", "full-width"),
]  # fmt: skip

rate_numbers = st.one_of(
    st.floats(-120, 1200, allow_nan=False),
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(-1e-9, 1e-9, allow_nan=False),
)
rate_texts = st.one_of(
    rate_numbers.map(lambda x: f"{x:g}%"),
    rate_numbers.map(lambda x: f"{x / 100:.6g}"),
    st.sampled_from(RATE_EXTREMES),
    random_text,
)
changes_texts = st.one_of(
    st.lists(rate_texts, min_size=0, max_size=6).map(",".join),
    st.sampled_from(["-20%,-10%,0%,10%,20%", "0,0,0", ",", "", "-100%", "10%,,20%"]),
)


@st.composite
def years_lists(draw: st.DrawFn) -> str:
    first = draw(st.integers(1890, 2210))
    last = first + draw(st.integers(-5, 40))
    kind = draw(st.sampled_from(["range", "spaced", "list", "extreme", "random"]))
    if kind == "range":
        return f"{first}-{last}"
    if kind == "spaced":
        return f"{first} - {last}"
    if kind == "list":
        return ",".join(str(y) for y in draw(st.lists(st.integers(1890, 2210), max_size=5)))
    if kind == "extreme":
        return draw(st.sampled_from(["2025-2200", "1900-2200", "2035-2028", ",", "", "2030,,2031"]))
    return draw(random_text)


metric_texts = st.one_of(
    st.sampled_from(["jobs", "exports", "JOBS", " Exports ", "job", "", "jobs,exports"]),
    random_text,
)
format_texts = st.one_of(
    st.sampled_from(["table", "json", "csv", "markdown", "JSON", "Markdown", "CSV"]),
    st.sampled_from(["html", "", "xml", "jso", "json "]),
    random_text,
)

VALUES: dict[str, st.SearchStrategy[str]] = {
    "--metric": metric_texts,
    "-m": metric_texts,
    "--base-year": year_texts,
    "--target-year": year_texts,
    "--since": year_texts,
    "--until": year_texts,
    "--jobs-baseline": quantity_texts,
    "--jobs-target": quantity_texts,
    "--exports-baseline": quantity_texts,
    "--exports-target": quantity_texts,
    "--increment": increment_texts,
    "--growth": rate_texts,
    "--changes": changes_texts,
    "--years": years_lists(),
    "--format": format_texts,
    "-f": format_texts,
}
FLAGS = ("--json", "--explain")


# Well-formed values: most runs of a "valid" invocation get past the parser and into the
# calculations (a fuzz of wild values alone stops at the parser 19 times out of 20).
@st.composite
def whole_quantities(draw: st.DrawFn, signed: bool = False) -> str:
    n = draw(st.one_of(st.integers(1, 10**6), st.integers(1, 10**15), st.integers(1, 10**18)))
    text = draw(
        st.sampled_from(
            [str(n), f"{n:,}", f"{n:_}", f"{n} jobs", f"{n:.3e}", f"{n / 1000:.3f}k", f"+{n}"]
        )
    )
    return ("-" if signed and draw(st.booleans()) else "") + text


@st.composite
def amounts(draw: st.DrawFn, signed: bool = False) -> str:
    x = draw(st.one_of(st.floats(1e-6, 1e18), st.floats(1e6, 1e12), st.integers(1, 10**18)))
    text = draw(
        st.sampled_from(
            [repr(x), f"{x:.6g}", f"{x / 1e9:.4g}bn", f"{x / 1e9:.4g} bn MAD", f"{x / 1e6:.4g}M"]
        )
    )
    return ("-" if signed and draw(st.booleans()) else "") + text


percent = st.one_of(st.floats(-99.9, 1000), st.integers(-99, 1000), st.floats(-1e-6, 1e-6))
valid_rates = st.one_of(
    percent.map(lambda x: f"{x:g}%"), st.floats(-0.999, 1).map(lambda x: f"{x:.6g}")
)


@st.composite
def valid_year_lists(draw: st.DrawFn) -> str:
    first = draw(st.integers(2025, 2200))
    last = draw(st.integers(first, min(2200, first + 30)))
    if draw(st.booleans()):
        return f"{first}-{last}"
    return ",".join(str(y) for y in draw(st.lists(st.integers(2025, 2200), min_size=1, max_size=4)))


VALID_VALUES: dict[str, st.SearchStrategy[str]] = {
    "--metric": st.sampled_from(["jobs", "exports"]),
    "-m": st.sampled_from(["jobs", "exports"]),
    "--base-year": st.sampled_from(["2024", "2024", "2023", "2022", "2020"]),
    "--target-year": st.integers(2025, 2200).map(str),
    "--since": st.integers(2018, 2024).map(str),
    "--until": st.integers(2025, 2200).map(str),
    "--jobs-baseline": whole_quantities(),
    "--jobs-target": whole_quantities(),
    "--exports-baseline": amounts(),
    "--exports-target": amounts(),
    "--increment": st.one_of(whole_quantities(signed=True), amounts(signed=True)),
    "--growth": valid_rates,
    "--changes": st.lists(valid_rates, min_size=1, max_size=5).map(",".join),
    "--years": valid_year_lists(),
    "--format": st.sampled_from(["table", "json", "csv", "markdown", "JSON"]),
    "-f": st.sampled_from(["table", "json", "csv", "markdown"]),
}

FIGURE = [
    "--metric", "-m", "--base-year", "--target-year", "--jobs-baseline", "--jobs-target",
    "--exports-baseline", "--exports-target",
]  # fmt: skip
OUTPUT = ["--format", "-f", "--json", "--explain"]
FOREIGN = ["--bogus", "--out", "--scenario", "-x", "--growth", "--years", "--since"]
"""Options a command does not have (never --output: chart and report would write files)."""


@dataclass(frozen=True)
class Command:
    argv: tuple[str, ...]
    options: tuple[str, ...]
    schema: str | None
    positional: st.SearchStrategy[list[str]] = field(default_factory=lambda: st.just([]))
    valid_positional: st.SearchStrategy[list[str]] = field(default_factory=lambda: st.just([]))


def _nonexistent(text: str) -> str:
    return f"/nonexistent-offshoring-fuzz/{text}.toml"


nonexistent_paths = st.one_of(random_text.map(_nonexistent), random_text.filter(bool))

COMMANDS = {
    "gap": Command(("gap",), (*FIGURE, *OUTPUT), "gap"),
    "cagr": Command(("cagr",), (*FIGURE, *OUTPUT), "cagr"),
    "status": Command(("status",), (*FIGURE, *OUTPUT, "--since"), "status"),
    "trajectory": Command(("trajectory",), (*FIGURE, *OUTPUT), "trajectory"),
    "project": Command(
        ("project",), (*FIGURE, *OUTPUT, "--growth", "--increment", "--until"), "project"
    ),
    "sensitivity": Command(
        ("sensitivity",),
        (*[o for o in FIGURE if o != "--target-year"], *OUTPUT, "--years", "--changes"),
        "sensitivity",
    ),
    "segments": Command(("segments",), tuple(OUTPUT), "segments"),
    "scenario show": Command(
        ("scenario", "show"),
        tuple(OUTPUT),
        "scenario-show",
        st.one_of(st.just([]), nonexistent_paths.map(lambda p: [p])),
        st.just([]),
    ),
    "scenario diff": Command(
        ("scenario", "diff"),
        tuple(OUTPUT),
        "scenario-diff",
        st.lists(st.one_of(nonexistent_paths, st.sampled_from([str(SEEDS), "-"])), max_size=3),
        st.sampled_from([[str(SEEDS), str(EXAMPLE)], [str(EXAMPLE), str(SEEDS)]]),
    ),
    "schema": Command(
        ("schema",),
        (),
        None,  # the output is a schema itself: checked as JSON below
        st.one_of(
            st.sampled_from(SCHEMAS), st.sampled_from(["", "Gap", "report"]), random_text
        ).map(lambda name: [name]),
        st.sampled_from(SCHEMAS).map(lambda name: [name]),
    ),
    "chart": Command(("chart",), tuple(FIGURE), None),
}


@st.composite
def invocations(draw: st.DrawFn, command: Command) -> Invocation:
    args: list[str] = []
    env: dict[str, str] = {}
    valid = draw(st.integers(0, 2)) > 0  # two runs in three well-formed, with the odd wild value
    where = draw(st.sampled_from(["builtin"] * (20 if valid else 4) + ["option", "env"]))
    if where == "option":
        args += ["--scenario", draw(nonexistent_paths)]
    elif where == "env":
        env["OFFSHORING_SCENARIO"] = draw(nonexistent_paths)
    args += command.argv
    body: list[str] = []
    pool = list(command.options) or ([] if valid else ["--bogus"])
    if valid:
        pool = [o for o in pool if o not in ("--growth", "--increment")]

    def value_of(option: str) -> str:
        wild = not valid or draw(st.integers(0, 9)) == 0
        return draw((VALUES if wild else VALID_VALUES).get(option, random_text))

    if command.argv == ("project",) and (valid or draw(st.booleans())):
        # A project run needs exactly one of --growth / --increment (and one metric).
        if draw(st.booleans()):
            body += ["--growth", value_of("--growth")]
        else:
            body += ["--increment", value_of("--increment"), "--metric", value_of("--metric")]
            pool = [o for o in pool if o not in ("--metric", "-m")]
    for option in draw(st.lists(st.sampled_from(pool), max_size=6)) if pool else []:
        if not valid and draw(st.integers(0, 9)) == 0:
            option = draw(st.sampled_from(FOREIGN))
        if option in FLAGS or option == "--bogus":
            body.append(option)
            continue
        value = value_of(option)
        if option.startswith("--") and draw(st.integers(0, 3)) == 0:
            body.append(f"{option}={value}")
        else:
            body += [option, value]
    positional = draw(command.positional if not valid else command.valid_positional)
    position = draw(st.integers(0, len(body)))
    body[position:position] = positional
    args += body
    formats = _formats(body)
    json_expected = command.argv[0] == "schema" or "--json" in body or formats[-1:] == ["json"]
    return Invocation(args, env, json_expected, command.schema if json_expected else None)


# ---------------------------------------------------------------------------------------------
# The fuzz tests: one per command


def _fuzz(command: Command) -> Any:
    @pytest.mark.slow
    @settings(max_examples=EXAMPLES)
    @given(invocations(command))
    def test(invocation: Invocation) -> None:
        check(invocation, run_invocation(invocation))

    return test


test_fuzz_gap = _fuzz(COMMANDS["gap"])
test_fuzz_cagr = _fuzz(COMMANDS["cagr"])
test_fuzz_status = _fuzz(COMMANDS["status"])
test_fuzz_trajectory = _fuzz(COMMANDS["trajectory"])
test_fuzz_project = _fuzz(COMMANDS["project"])
test_fuzz_sensitivity = _fuzz(COMMANDS["sensitivity"])
test_fuzz_segments = _fuzz(COMMANDS["segments"])
test_fuzz_scenario_show = _fuzz(COMMANDS["scenario show"])
test_fuzz_scenario_diff = _fuzz(COMMANDS["scenario diff"])
test_fuzz_schema = _fuzz(COMMANDS["schema"])
test_fuzz_chart = _fuzz(COMMANDS["chart"])


# ---------------------------------------------------------------------------------------------
# Fixed cases: the brief's examples, each through the same contract

FIXED = [
    ["gap", "--jobs-baseline", ARABIC_148500],
    ["gap", "--jobs-baseline", FULL_WIDTH_148500, "--json"],
    ["gap", "--exports-baseline", "1e-400"],
    ["gap", "--exports-baseline", "1e400", "--json"],
    ["gap", "--exports-target", "9e18"],
    ["gap", "--jobs-target", ""],
    ["gap", "--jobs-target", "-5"],
    ["gap", "--base-year", "٢٠٢٢"],
    ["gap", "--metric", "jobs", "--metric", "jobs", "--metric", "exports", "--json"],
    ["gap", "--json", "--format", "csv"],
    ["gap", "--format", "JSON"],
    ["gap", "--exports-baseline", "1e18", "--exports-target", "1e-6", "--metric", "exports"],
    ["gap", "--exports-baseline", "1e-6", "--exports-target", "1e18", "--json"],
    ["cagr", "--jobs-baseline", "1", "--base-year", "2023", "--json"],
    ["status", "--since", "2018", "--json"],
    ["status", "--jobs-baseline", "130000", "--json"],  # zero actual growth
    ["status", "--jobs-target", "100000", "--json"],  # a target below the base value
    ["trajectory", "--base-year", "1900", "--jobs-baseline", "1", "--metric", "jobs"],
    ["project", "--growth", "1e-12", "--json"],  # once looped for minutes
    ["project", "--growth", "6e-17", "--metric", "jobs", "--jobs-target", "148501", "--json"],
    ["project", "--growth", "-99.9999999999%", "--until", "2200", "--json"],
    ["project", "--growth", "1e400%"],
    ["project", "--growth", "1000%", "--until", "2200", "--json"],
    ["project", "--increment", "-1e18", "--metric", "jobs", "--json"],
    ["project", "--increment", "0", "--metric", "exports", "--format", "csv"],
    ["sensitivity", "--years", "2025-2200", "--format", "csv"],
    ["sensitivity", "--changes", "1000%,-99.999999%", "--json"],
    ["sensitivity", "--changes", "1e305%"],  # once exit 1: the changed target overflowed
    ["sensitivity", "--years", "2200-2025"],
    ["--scenario", "/nonexistent-offshoring-fuzz/x.toml", "gap", "--json"],
    ["--scenario", "/nonexistent-offshoring-fuzz/x.toml", "schema", "gap"],
    ["--scenario", "/nonexistent-offshoring-fuzz/x.toml", "scenario", "show"],
    ["scenario", "show", f"/nonexistent-offshoring-fuzz/{ARABIC_148500}.toml", "--json"],
    ["scenario", "diff", "-", "-"],
    ["scenario", "diff", str(SEEDS), "/nonexistent-offshoring-fuzz/x\nError: forged"],
    ["schema", "nope"],
    ["chart", "--metric", "exports", "--exports-baseline", "1e18"],
]


def _fixed_invocation(args: list[str]) -> Invocation:
    body = args[2:] if args[0] == "--scenario" else args
    json_expected = body[0] == "schema" or "--json" in body or _formats(body)[-1:] == ["json"]
    schema = {"scenario": "scenario-show"}.get(body[0], body[0])
    known = schema in SCHEMAS and body[0] != "schema"
    return Invocation(args, {}, json_expected, schema if json_expected and known else None)


@pytest.mark.parametrize("args", FIXED, ids=" ".join)
def test_fixed_cases_keep_the_contract(args: list[str]) -> None:
    invocation = _fixed_invocation(args)
    check(invocation, run_invocation(invocation))


def test_the_checker_catches_a_traceback_and_a_bad_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The control case: the contract check does fail on an unexpected exception.
    from offshoring_cli.reports import gap

    def boom(options: Any) -> Any:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(gap, "gap_report", boom)
    invocation = Invocation(["gap", "--json"], json_expected=True, schema="gap")
    with pytest.raises(AssertionError):
        check(invocation, run_invocation(invocation))


# ---------------------------------------------------------------------------------------------
# Known defects: each a minimal failing input, kept until it is fixed


def test_newline_in_a_metric_splits_the_error_line() -> None:
    invocation = Invocation(["gap", "--metric", "jobs\nexports"])
    check(invocation, run_invocation(invocation))


@pytest.mark.parametrize("where", ["option", "scenario show"])
def test_newline_in_a_scenario_path_forges_a_second_error_line(where: str) -> None:
    path = "/nonexistent-offshoring-fuzz/x\nError: forged"
    args = ["--scenario", path, "gap"] if where == "option" else ["scenario", "show", path]
    invocation = Invocation(args)
    check(invocation, run_invocation(invocation))


@pytest.mark.parametrize("where", ["option", "env", "scenario show"])
def test_scenario_path_too_long_is_bad_input(where: str) -> None:
    # Found by this fuzz: once exit 1 ('Error: cannot finish: File name too long'), as
    # Path.exists() raises OSError(ENAMETOOLONG) for a component over 255 bytes.
    path = "/nonexistent-offshoring-fuzz/" + "x" * 300 + ".toml"
    invocation = {
        "option": Invocation(["--scenario", path, "gap"]),
        "env": Invocation(["gap"], {"OFFSHORING_SCENARIO": path}),
        "scenario show": Invocation(["scenario", "show", path]),
    }[where]
    check(invocation, run_invocation(invocation))
