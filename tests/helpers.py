"""Helpers shared by several test modules (exact references and strategies of the property
tests, JSON readers, scenario writers); fixtures live in conftest.py.
"""

from __future__ import annotations

import json
import math
import os
import select
import struct
import subprocess
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from click.testing import CliRunner, Result
from conftest import clean_environ, offshoring_command, watchdog
from hypothesis import strategies as st

from offshoring_cli import scenario
from offshoring_cli.cli import cli
from offshoring_cli.scenario import validate

# ---------------------------------------------------------------------------------------------
# Exact references of the formulas (property tests)

PRECISION = 60
"""Significant digits of the decimal references: far beyond a double's 17."""

MAX_RELATIVE_ERROR = Decimal("1e-12")

MIN_VALUE = 1e-6
MAX_VALUE = 10**18


def float_view(*operands: int | float) -> tuple[int | float, ...]:
    """The operands as the function's arithmetic sees them.

    Python evaluates ``int <op> float`` in float arithmetic: the int is first rounded to the
    nearest double (only ints above 2**53 move). When any operand is a float the reference
    takes the same view, and is exact from there on; with ints only, it is exact throughout.
    """
    if any(isinstance(x, float) for x in operands):
        return tuple(float(x) for x in operands)
    return operands


def _decimal(x: Decimal | Fraction | int | float) -> Decimal:
    if isinstance(x, Fraction):
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return Decimal(x.numerator) / Decimal(x.denominator)
    return x if isinstance(x, Decimal) else Decimal(x)  # exact for ints and floats


def reference_factor(start: int | float, end: int | float, periods: int) -> Decimal:
    """The growth factor ``(end / start) ** (1 / periods)``, to 60 digits."""
    start, end = float_view(start, end)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return ((Decimal(end) / Decimal(start)).ln() / periods).exp()


def reference_cagr(start: int | float, end: int | float, periods: int) -> Decimal:
    """``(end / start) ** (1 / periods) - 1`` via exp(ln(end / start) / periods), to 60 digits."""
    if float_view(start, end)[0] == float_view(start, end)[1]:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return reference_factor(start, end, periods) - 1


def assert_close(got: Any, expected: Decimal | Fraction | int | float, what: str = "") -> None:
    """``got`` is a finite real number within a relative 1e-12 of ``expected`` (exactly 0 if
    ``expected`` is 0)."""
    assert isinstance(got, int | float) and not isinstance(got, bool), f"{what}: {got!r}"
    assert math.isfinite(got), f"{what}: {got!r} is not finite"
    exact = _decimal(expected)
    if exact == 0:
        assert got == 0, f"{what}: got {got!r}, exact 0"
        return
    with localcontext() as ctx:
        ctx.prec = PRECISION
        error = abs((Decimal(got) - exact) / exact)
    assert error <= MAX_RELATIVE_ERROR, (
        f"{what}: got {got!r}, exact {exact:.20e}, relative error {error:.3e}"
    )


def assert_rate_close(got: Any, start: int | float, end: int | float, periods: int) -> None:
    """A rate against :func:`reference_cagr`, relative 1e-12.

    Near a zero rate a relative tolerance on ``r`` is stricter than one on the growth factor
    ``1 + r`` (which is all that compounding ever uses): the relative check on ``r`` is kept
    because ``cagr`` computes near zero with log1p/expm1 and meets it; the reference takes the
    operands as the float arithmetic sees them (see :func:`float_view`), so a rate of
    exactly 0 must come out as exactly 0.
    """
    assert type(got) is float, f"{got!r} is not a float"
    assert got > -1, f"{got!r} is not > -1"
    assert_close(got, reference_cagr(start, end, periods), f"cagr({start!r}, {end!r}, {periods})")


ROUND_TRIP_FACTOR = Decimal("0.05")
"""Above this growth factor, compounding at a rate reproduces the target to 1e-12: the error of
``1 + r`` is about 1.1e-16 absolute, so ``n * 1.1e-16 / (1 + r)`` relative after n periods
(< 4.4e-13 for n <= 200). Below it, see ``test_compounding_a_steep_decline_misses_the_target``."""


# ---------------------------------------------------------------------------------------------
# Strategies

whole_values = st.integers(1, MAX_VALUE)
real_values = st.floats(MIN_VALUE, float(MAX_VALUE))
values = st.one_of(whole_values, real_values)
periods = st.integers(1, 200)
years = st.integers(1900, 2100)


def in_range(x: int | float) -> bool:
    return MIN_VALUE <= x <= MAX_VALUE


rates = st.one_of(
    st.floats(-1.0, 10.0, exclude_min=True),
    st.floats(-1e-6, 1e-6),  # near zero, down to subnormals
    st.floats(-1.0, -0.999, exclude_min=True),  # near -100 %
    st.sampled_from([0, 1, 2, -0.5, 0.08, 1e-12, 6e-17, 1e-300]),
)


# ---------------------------------------------------------------------------------------------
# Reading a command's output

JOBS_REQUIRED_2024 = (270_000 / 148_500) ** (1 / 6) - 1  # 1.818182 ** (1/6) - 1 = 0.104773


def result_json(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def rows_by_metric(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The first row of each metric: in ``status``, the final target's (other published
    targets follow it)."""
    rows: dict[str, dict[str, Any]] = {}
    for row in document["results"]:
        rows.setdefault(row["metric"], row)
    return rows


def proc_json(proc: Any) -> dict[str, Any]:
    assert proc.returncode == 0, proc.stderr
    document: dict[str, Any] = json.loads(proc.stdout)
    return document


def only_row(document: dict[str, Any], metric: str, **where: Any) -> dict[str, Any]:
    rows = [
        r
        for r in document["results"]
        if r["metric"] == metric and all(r[k] == v for k, v in where.items())
    ]
    assert len(rows) == 1, rows
    return rows[0]


SIX_DECIMALS = 5e-7
SOURCE_URL = (
    "https://northafricapost.com/94441-morocco-unveils-upgraded-offshoring-strategy-"
    "to-accelerate-digital-growth.html"
)


def parse_json(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def by_metric(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return rows_by_metric(document)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


# ---------------------------------------------------------------------------------------------
# Running the command in process


@dataclass
class Invocation:
    """An argument list, and what it asks for."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    json_expected: bool = False
    """``--json``, or a last ``--format`` of json: a successful run prints a JSON document."""
    schema: str | None = None
    """The schema a successful JSON document must validate against."""


def run_invocation(invocation: Invocation) -> Result:
    with watchdog(30):
        return CliRunner().invoke(
            cli, invocation.args, prog_name="offshoring", env=invocation.env or None
        )


# ---------------------------------------------------------------------------------------------
# The repository's files and scenario files

ROOT = Path(__file__).resolve().parent.parent


EXAMPLE = ROOT / "examples" / "jobs-2025.toml"


SEEDS = ROOT / "seeds" / "morocco-offshoring.toml"
SEED_TEXT = SEEDS.read_text(encoding="utf-8")


def invoke_cli(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Result:
    with watchdog(30):
        return CliRunner().invoke(cli, list(args), prog_name="offshoring", env=env, input=stdin)


def installed(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, timeout: float = 20
) -> tuple[subprocess.CompletedProcess[bytes], float]:
    """Run the installed command; also return how long it took, in seconds."""
    start = time.monotonic()
    done = subprocess.run(
        [*offshoring_command(), *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        env=clean_environ(env),
        timeout=timeout,
        check=False,
    )
    return done, time.monotonic() - start


ERROR_PREFIXES = ("Error:", "Erreur :", "خطأ:")
"""Click's ``Error:`` in English, French and Arabic (the ``click`` catalogue)."""


def error_line(stderr: str) -> str:
    """The one ``Error:`` line (``Erreur :``, ``خطأ:`` under --lang fr, ar), which must be
    the last line."""
    lines = stderr.rstrip("\n").split("\n")
    errors = [line for line in lines if line.startswith(ERROR_PREFIXES)]
    assert len(errors) == 1 and lines[-1] == errors[0], stderr
    return errors[0]


def seed() -> dict[str, Any]:
    return tomllib.loads(SEED_TEXT)


def toml(data: dict[str, Any]) -> str:
    return tomlkit.dumps(data)


def write(tmp_path: Path, content: str | bytes, name: str = "s.toml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def refused(path: Path | str, fragment: str) -> None:
    """``--scenario PATH gap`` and ``scenario validate PATH`` both exit 2 naming ``fragment``;
    the API's :func:`validate.load` raises a ScenarioError saying the same."""
    result = invoke_cli("--scenario", str(path), "gap")
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert fragment in error_line(result.stderr)
    checked = invoke_cli("scenario", "validate", str(path))
    assert checked.exit_code == 2 and fragment in checked.stderr, checked.stderr
    with pytest.raises(scenario.ScenarioError) as raised:
        validate.load(str(path))
    assert any(fragment in problem for problem in raised.value.problems)


def problems_of(data: dict[str, Any]) -> list[str]:
    dataset, found = validate.check(data)
    assert (dataset is None) == bool(found)
    return found


def set_jobs_baseline(value: Any) -> dict[str, Any]:
    data = seed()
    observation = data["indicators"][0]["observations"][-1]  # 2022, 2023, 2024
    assert (observation["year"], observation["value"]) == (2024, 148_500)
    observation["value"] = value
    return data


README = (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The installed command on pipes and on a pseudo-terminal, as text or exact bytes


def run_piped(
    args: Sequence[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command with stdout and stderr to pipes and stdin from /dev/null."""
    return subprocess.run(
        [*offshoring_command(), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_environ({"TERM": "xterm-256color", **(env or {})}),
        timeout=120,
        check=False,
    )


def run_on_terminal(
    args: Sequence[str], columns: int, env: Mapping[str, str] | None = None, rows: int = 40
) -> tuple[int, bytes, bytes]:
    """The installed command with stdout on a pseudo-terminal ``columns`` wide and ``rows``
    high and stderr to a pipe: (exit code, stdout bytes exactly as written, stderr bytes).

    Unlike ``run_pty`` of tests/test_terminal.py, COLUMNS and LINES are not set: the command
    sees only the terminal's own size (POSIX only)."""
    import fcntl
    import termios

    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        attributes = termios.tcgetattr(slave)
        attributes[1] &= ~termios.OPOST  # no \n -> \r\n: the bytes are the command's
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        proc = subprocess.Popen(
            [*offshoring_command(), *args],
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
    """The length of the longest line of ``text``."""
    return max(len(line) for line in text.splitlines())


def catalogues_script() -> Any:
    """``scripts/catalogues.py`` as a module (it is a script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts/catalogues.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
