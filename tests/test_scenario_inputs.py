"""What a scenario file may be and hold (issue 9, "Files it reads"), through the Python API,
in process (Click's runner) and through the installed command.

- Only a regular file, or ``-`` for standard input, is read: a device, a FIFO without a writer,
  a directory or a socket is refused at once (exit 2), and so is a file over the 1 MiB cap.
- A deeply nested file is refused with one line (once exit 1, "RecursionError").
- UTF-8, with or without a byte-order mark; UTF-16, UTF-32, NUL bytes and Latin-1 bytes get
  one line naming the problem, with its line and column.
- A scenario never holds what the command line refuses: values from 1e-6 to 1e18 (the limits
  are shared, in ``domain``), whole numbers for counts, text without control characters.
- An empty or blank path is refused wherever a scenario path is taken; an empty
  ``OFFSHORING_SCENARIO`` counts as unset.
- Hostile files generated here (nested, huge, binary, control characters, odd encodings,
  random mutations of the seed file) only ever give exit 0 or 2, fast, without a traceback
  (300 examples; ``OFFSHORING_DEEP=1`` runs 5,000, as for tests/test_fuzz.py).
"""

from __future__ import annotations

import codecs
import json
import math
import os
import socket
import subprocess
import time
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from click.testing import CliRunner, Result
from conftest import clean_environ, offshoring_command, watchdog
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from offshoring_cli import scenario
from offshoring_cli.cli import cli, params
from offshoring_cli.core import builtin, records
from offshoring_cli.scenario import read, validate

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "morocco-offshoring.toml"
SEED_TEXT = SEEDS.read_text(encoding="utf-8")
CAP = 1024 * 1024  # the documented cap (README, "Your own figures"): 1 MiB

posix_only = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs are POSIX")


# --- helpers ----------------------------------------------------------------------------------


def invoke(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Result:
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


def error_line(stderr: str) -> str:
    """The one ``Error:`` line, which must be the last line."""
    lines = stderr.rstrip("\n").split("\n")
    errors = [line for line in lines if line.startswith("Error:")]
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
    result = invoke("--scenario", str(path), "gap")
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert fragment in error_line(result.stderr)
    checked = invoke("scenario", "validate", str(path))
    assert checked.exit_code == 2 and fragment in checked.stderr, checked.stderr
    with pytest.raises(scenario.ScenarioError) as raised:
        validate.load(str(path))
    assert any(fragment in problem for problem in raised.value.problems)


def problems_of(data: dict[str, Any]) -> list[str]:
    dataset, found = validate.check(data)
    assert (dataset is None) == bool(found)
    return found


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    yield path


# --- only a regular file, or standard input ---------------------------------------------------


@posix_only
def test_dev_zero_is_refused_within_a_second_by_the_installed_command() -> None:
    # Once grew past 5 GB of memory: /dev/zero never ends.
    done, seconds = installed("--scenario", "/dev/zero", "gap")
    assert done.returncode == 2
    assert done.stdout == b""
    assert "'/dev/zero': is a device, not a scenario file" in error_line(done.stderr.decode())
    assert seconds < 1.0, seconds


@posix_only
def test_a_fifo_without_a_writer_is_refused_within_a_second(fifo: Path) -> None:
    # Once waited for ever for a writer.
    done, seconds = installed("--scenario", str(fifo), "gap")
    assert done.returncode == 2
    assert "is a named pipe (FIFO), not a scenario file" in error_line(done.stderr.decode())
    assert seconds < 1.0, seconds
    done, seconds = installed("scenario", "show", str(fifo))
    assert done.returncode == 2 and "named pipe" in done.stderr.decode()
    assert seconds < 1.0, seconds


@posix_only
def test_devices_fifos_directories_and_sockets_are_refused(tmp_path: Path, fifo: Path) -> None:
    refused("/dev/zero", "is a device, not a scenario file")
    refused("/dev/null", "is a device")
    refused(fifo, "is a named pipe (FIFO), not a scenario file")
    refused(tmp_path, "is a directory, not a scenario file")
    link = tmp_path / "link.toml"
    link.symlink_to("/dev/zero")  # a link is followed to what it points at
    refused(link, "is a device")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        refused(tmp_path / "sock", "is a socket, not a scenario file")
    finally:
        server.close()


@posix_only
def test_the_api_refuses_a_fifo_without_waiting(fifo: Path) -> None:
    with watchdog(5), pytest.raises(scenario.ScenarioError, match="named pipe"):
        read.read(fifo)


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(SEEDS)
    assert validate.load(link) == builtin.BUILTIN


def _padded(size: int) -> bytes:
    """The seed file, padded with a comment to exactly ``size`` bytes (still valid)."""
    text = SEED_TEXT.encode("utf-8") + b"# "
    return text + b"x" * (size - len(text) - 1) + b"\n"


def test_a_file_of_exactly_the_cap_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    at_cap = write(tmp_path, _padded(CAP), "at-cap.toml")
    assert at_cap.stat().st_size == 1_048_576
    assert validate.load(at_cap) == builtin.BUILTIN
    over = write(tmp_path, _padded(CAP + 1), "over.toml")
    refused(over, "is 1,048,577 bytes, over the 1 MiB (1,048,576 bytes) cap on scenario files")


def test_the_cap_is_the_documented_one() -> None:
    assert read.MAX_BYTES == CAP
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "1 MiB" in readme


def test_standard_input_is_read_for_a_dash() -> None:
    result = invoke("--scenario", "-", "gap", "--json", stdin=SEED_TEXT.encode())
    assert result.exit_code == 0, result.stderr
    rows = {row["metric"]: row for row in json.loads(result.stdout)["results"]}
    assert rows["jobs"]["gap"] == 121_500  # 270,000 - 148,500
    validated = invoke("scenario", "validate", "-", stdin=SEED_TEXT.encode())
    assert validated.exit_code == 0
    assert validated.stdout.startswith("standard input: valid scenario 'morocco-offshoring'")
    shown = invoke("scenario", "show", "-", "--json", stdin=SEED_TEXT.encode())
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["inputs"]["origin"] == "standard input"


def test_standard_input_through_the_installed_command() -> None:
    done, _ = installed("--scenario", "-", "gap", "-m", "jobs", "--json", stdin=SEED_TEXT.encode())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["gap"] == 121_500
    done, _ = installed("scenario", "validate", "-", stdin=b"")
    assert done.returncode == 2
    assert "scenario on standard input: is empty" in error_line(done.stderr.decode())


def test_standard_input_is_capped_too() -> None:
    result = invoke("--scenario", "-", "gap", stdin=_padded(CAP + 1))
    assert result.exit_code == 2
    assert "scenario on standard input: is over the 1 MiB" in error_line(result.stderr)
    assert invoke("--scenario", "-", "gap", stdin=_padded(CAP)).exit_code == 0


@posix_only
def test_dev_zero_on_standard_input_stops_at_the_cap() -> None:
    with open("/dev/zero", "rb") as zero:
        start = time.monotonic()
        done = subprocess.run(
            [*offshoring_command(), "--scenario", "-", "gap"],
            stdin=zero,
            capture_output=True,
            env=clean_environ(),
            timeout=20,
            check=False,
        )
    assert done.returncode == 2
    assert "is over the 1 MiB" in error_line(done.stderr.decode())
    assert time.monotonic() - start < 5


def test_a_path_named_dash_is_a_file_in_the_api_and_dot_slash_dash_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text(SEED_TEXT, encoding="utf-8")
    assert validate.load(Path("-")) == builtin.BUILTIN  # a Path is always a file
    assert invoke("--scenario", "./-", "gap").exit_code == 0


def test_the_scenario_named_by_show_is_the_one_read(tmp_path: Path) -> None:
    # 'scenario show FILE' reads FILE only: a broken --scenario does not stand in its way,
    # and '--scenario - scenario show -' reads standard input once.
    broken = write(tmp_path, "not toml", "broken.toml")
    result = invoke("--scenario", str(broken), "scenario", "show", str(SEEDS), "--json")
    assert result.exit_code == 0, result.stderr
    both = invoke("--scenario", "-", "scenario", "show", "-", stdin=SEED_TEXT.encode())
    assert both.exit_code == 0, both.stderr


# --- nesting ----------------------------------------------------------------------------------

DEEP = {
    "arrays": "a = " + "[" * 5000 + "]" * 5000 + "\n",
    "inline tables": "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n",
    "arrays of tables": "a = " + "[{b = " * 3000 + "1" + "}]" * 3000 + "\n",
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_a_deeply_nested_file_is_refused_with_one_line(tmp_path: Path, text: str) -> None:
    # Once exit 1: "unexpected failure: RecursionError".
    path = write(tmp_path, text)
    refused(path, "is nested too deeply to read")
    done, _ = installed("--scenario", str(path), "status")
    assert done.returncode == 2
    assert "nested too deeply" in error_line(done.stderr.decode())
    assert b"RecursionError" not in done.stderr


LINES = SEED_TEXT.count("\n")


@pytest.mark.parametrize(
    "key",
    [
        ".".join(["k"] * 500_000),  # once over an hour: tomllib's time grows with its square
        " . ".join(['"k"'] * 33),
    ],
    ids=["500,000 parts", "33 quoted parts"],
)
@pytest.mark.parametrize(
    ("before", "after"),
    [("", " = 1"), ("[", "]"), ("[[", "]]"), ("inline = {", " = 1}")],
    ids=["key", "table", "array of tables", "inline table"],
)
def test_a_dotted_key_of_too_many_parts_is_refused_at_once(
    tmp_path: Path, key: str, before: str, after: str
) -> None:
    path = write(tmp_path, SEED_TEXT + "\n" + before + key + after + "\n")
    start = time.monotonic()
    # the key is on the line after the seed's last one and the blank line
    refused(path, f"has a dotted key of over 32 parts at line {LINES + 2}")
    assert time.monotonic() - start < 5


def test_a_dotted_key_of_32_parts_is_only_an_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, "extra." + ".".join(["k"] * 31) + " = 1\n" + SEED_TEXT)
    refused(path, "extra: unknown key")


def test_a_file_of_too_many_values_is_refused_with_one_line(tmp_path: Path) -> None:
    # The seed holds 154 values (keys and array items); 'extra' is one more, and its items:
    # 154 + 1 + 9,845 = 10,000 is the most, and one more item is over.
    at_most = write(tmp_path, f"extra = {list(range(9_845))}\n" + SEED_TEXT, "at-most.toml")
    assert problems_of(tomllib.loads(at_most.read_text(encoding="utf-8"))) == [
        "extra: unknown key (check its spelling; see 'offshoring schema scenario')"
    ]
    over = write(tmp_path, f"extra = {list(range(9_846))}\n" + SEED_TEXT, "over.toml")
    refused(over, "(top level): holds over 10,000 values (keys and array items)")


def test_thousands_of_empty_tables_are_refused_fast(tmp_path: Path) -> None:
    # Once 37 s and 110 MB of messages: 1.7 million problems, 5 per empty table.
    tables = ",".join("{}" for _ in range(340_000))
    path = write(tmp_path, f'scenario_version = 1\nname = "x"\nindicators = [{tables}]\n')
    done, seconds = installed("scenario", "validate", str(path))
    assert done.returncode == 2
    second = done.stderr.decode().splitlines()[1]  # under "Error: ... (1 problem):"
    assert second.endswith(
        ": (top level): holds over 10,000 values (keys and array items), the most a "
        "scenario may hold (the built-in dataset holds 154)"
    )
    assert len(done.stderr) < 1000
    assert seconds < 5


def test_an_integer_of_thousands_of_digits_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, "a = " + "1" * 5000 + "\n"), "holds a number thousands of digits")


# --- encodings --------------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"))
    assert validate.load(path) == builtin.BUILTIN
    assert invoke("scenario", "validate", str(path)).exit_code == 0


def test_non_ascii_utf8_text_is_kept(tmp_path: Path) -> None:
    data = seed()
    data["indicators"][0]["label"] = "Emplois de l'offshoring, الوظائف"
    path = write(tmp_path, toml(data))
    assert validate.load(path).indicators["jobs"].label == "Emplois de l'offshoring, الوظائف"


ENCODINGS = [
    ("utf-16", "is UTF-16 text (it starts with a UTF-16 byte-order mark); save the file as UTF-8"),
    ("utf-16-be", "holds a NUL byte at line 1, column 1"),  # '\0s' : the NUL comes first
    ("utf-16-le", "holds a NUL byte at line 1, column 2"),  # 's\0' : after the first letter
    ("utf-32", "is UTF-32 text (it starts with a UTF-32 byte-order mark)"),
]


@pytest.mark.parametrize(("encoding", "fragment"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_utf16_and_utf32_are_named(tmp_path: Path, encoding: str, fragment: str) -> None:
    refused(write(tmp_path, SEED_TEXT.encode(encoding)), fragment)


def test_a_latin1_byte_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    text = 'scenario_version = 1\nname = "x"\ndescription = "café"\n'
    # 'description = "caf' is 18 characters: the é (0xE9 in Latin-1) is column 19 of line 3.
    refused(
        write(tmp_path, text.encode("latin-1")),
        "is not UTF-8 text: byte 0xE9 at line 3, column 19",
    )
    # The same line in Windows-1252 with a UTF-8 'ü' before it: columns count characters.
    text = 'name = "ü"\ndescription = "naïve € \u2019"\n'
    data = text.encode("utf-8").split(b"\n")
    data[1] = data[1].decode("utf-8").encode("cp1252")
    # 'description = "na' is 17 characters: the ï (0xEF) is column 18 of line 2.
    refused(write(tmp_path, b"\n".join(data)), "byte 0xEF at line 2, column 18")


def test_binary_data_is_named(tmp_path: Path) -> None:
    refused(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "is not UTF-8 text: byte 0x89")
    refused(write(tmp_path, b"name = 1\n\x00\x01"), "holds a NUL byte at line 2, column 1")


# --- values as on the command line ------------------------------------------------------------


def _set_jobs_baseline(value: Any) -> dict[str, Any]:
    data = seed()
    observation = data["indicators"][0]["observations"][1]
    assert (observation["year"], observation["value"]) == (2024, 148_500)
    observation["value"] = value
    return data


def _set_exports_baseline(value: Any) -> dict[str, Any]:
    data = seed()
    observation = data["indicators"][1]["observations"][5]
    assert (observation["year"], observation["value"]) == (2024, 26_220_000_000)
    observation["value"] = value
    return data


def test_a_tiny_value_is_refused_with_its_key_path(tmp_path: Path) -> None:
    # Once valid, shown as "Baseline: 0 jobs", and five commands failed later.
    path = write(tmp_path, toml(_set_jobs_baseline(1e-300)))
    refused(
        path,
        "indicators[0].observations[1].value: 1e-300 is too small: values are at least 1e-6",
    )
    done, _ = installed("--scenario", str(path), "scenario", "show")
    assert done.returncode == 2
    assert b"Baseline: 0" not in done.stdout


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        (1e-6, True),  # the smallest the command line takes
        (9.99e-7, False),
        (1e18, True),  # the largest
        (10**18, True),
        (10**18 + 1, False),
        (math.nextafter(1e18, 2e18), False),  # the next float above 1e18
        (2e18, False),
        (0, False),
        (-5.5, False),
    ],
)
def test_values_have_the_command_lines_limits(value: float, accepted: bool) -> None:
    data = _set_exports_baseline(value)
    del data["segments"]  # they split the 2024 exports: 26.2 bn of them cannot split 1e-6 MAD
    found = problems_of(data)
    assert (found == []) is accepted, found
    if not accepted:
        assert found[0].startswith("indicators[1].observations[5].value: ")
    # The command line agrees: --exports-baseline takes exactly the same values.
    cli_result = invoke("gap", "-m", "exports", "--exports-baseline", repr(value), "--json")
    assert (cli_result.exit_code == 0) is accepted, cli_result.stderr


def test_the_limits_are_one_definition_shared_by_the_command_line_and_scenarios() -> None:
    assert not hasattr(params, "MAX_QUANTITY") and not hasattr(params, "MIN_QUANTITY")
    assert (records.MIN_QUANTITY, records.MAX_QUANTITY) == (1e-6, 10**18)
    # --jobs-* take whole numbers because jobs count things, as scenarios decide.
    assert params.JOBS.whole is records.is_count(params.JOBS.unit) is True
    assert params.MAD.whole is records.is_count(params.MAD.unit) is False


def test_a_count_holds_whole_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, toml(_set_jobs_baseline(148_500.5)))
    refused(path, "indicators[0].observations[1].value: 148500.5 is not a whole number")
    # as on the command line
    result = invoke("gap", "--jobs-baseline", "148500.5")
    assert result.exit_code == 2 and "not a whole number of jobs" in result.stderr
    # a whole float is a whole number: 148500.0 is read as the int 148,500
    dataset = validate.load(write(tmp_path, toml(_set_jobs_baseline(148_500.0)), "whole.toml"))
    value = dataset.indicators["jobs"].observations[1].value
    assert value == 148_500 and isinstance(value, int)
    # an amount need not be whole
    assert problems_of(_set_exports_baseline(26_220_000_000.5)) == []


def test_every_value_of_a_count_is_checked_and_listed_at_once() -> None:
    data = seed()
    jobs = data["indicators"][0]
    jobs["unit"] = "People"  # counts, whatever the case
    jobs["observations"][0]["value"] = 130_000.25
    jobs["target"]["value"] = 269_999.5
    jobs["lable"] = "typo"  # listed with them (unknown keys last), not instead of them
    data["segments"]["indicator"] = "jobs"
    data["segments"]["year"] = 2024
    data["segments"]["items"][0]["value"] = 0.5
    data["segments"]["items"][4]["prior"] = 77.7
    assert problems_of(data) == [
        "indicators[0].observations[0].value: 130000.25 is not a whole number: values in "
        "'People' are counts (as on the command line, where a count of jobs is whole)",
        "indicators[0].target.value: 269999.5 is not a whole number: values in 'People' are "
        "counts (as on the command line, where a count of jobs is whole)",
        "indicators[0].lable: unknown key (check its spelling; see 'offshoring schema scenario')",
        "segments.items[0].value: 0.5 is not a whole number: values in 'People' are counts "
        "(as on the command line, where a count of jobs is whole)",
        "segments.items[4].prior: 77.7 is not a whole number: values in 'People' are counts "
        "(as on the command line, where a count of jobs is whole)",
    ]


def test_a_value_refused_for_its_range_is_not_also_refused_for_being_fractional() -> None:
    assert problems_of(_set_jobs_baseline(-0.5)) == [
        "indicators[0].observations[1].value: must be greater than 0"
    ]


def test_a_described_multiple_has_the_same_limits() -> None:
    data = seed()
    data["indicators"][1]["target"]["described_multiple"] = 1e-300
    assert problems_of(data) == [
        "indicators[1].target.described_multiple: 1e-300 is too small: values are at least "
        "1e-6, as on the command line (in whole units of the indicator, not thousands or "
        "billions)"
    ]


# --- text without control characters ----------------------------------------------------------


def _setter(*keys: str | int, prefix: str = "", cut: int = 80) -> Callable[[Any, str], None]:
    """Set the text at ``keys`` of the parsed seed (``prefix`` before it, at most ``cut``)."""

    def change(data: Any, text: str) -> None:
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = (prefix + text)[:cut]

    return change


TEXT_FIELDS: list[tuple[str, Callable[[Any, str], None]]] = [
    ("description", _setter("description")),
    ("sources.nap-2026.publisher", _setter("sources", "nap-2026", "publisher")),
    ("sources.nap-2026.title", _setter("sources", "nap-2026", "title")),
    ("sources.nap-2026.url", _setter("sources", "nap-2026", "url", prefix="https://x/")),
    ("indicators[0].label", _setter("indicators", 0, "label")),
    ("indicators[1].unit", _setter("indicators", 1, "unit", cut=16)),
    ("indicators[0].observations[0].note", _setter("indicators", 0, "observations", 0, "note")),
    ("segments.items[2].label", _setter("segments", "items", 2, "label")),
]

CONTROLS = {
    "ESC": "\x1b[31m",  # a terminal colour code
    "OSC link": "\x1b]8;;https://evil.invalid\x07",
    "DEL": "\x7f",
    "C1 CSI": "\x9b31m",
    "NUL": "\x00",
    "tab": "\t",
    "line break": "\n",
    "carriage return": "\r",
    "line separator": "\u2028",
    "right-to-left override": "\u202e",
}


@pytest.mark.parametrize(("where", "change"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("control", CONTROLS.values(), ids=CONTROLS.keys())
def test_text_fields_refuse_control_characters(
    where: str, change: Callable[[Any, str], None], control: str
) -> None:
    data = seed()
    change(data, f"ab{control}cd")
    (problem,) = problems_of(data)
    assert problem.isprintable()
    if where.endswith("url") and not control[0].isprintable() and control[0] in "\t\n\r\u2028":
        # whitespace in a URL: refused by its pattern (^https?://\S+$) first
        assert problem == f"{where}: must be an http:// or https:// address without spaces"
        return
    assert problem.startswith(f"{where}: holds a control character (U+{ord(control[0]):04X}")


def test_an_escape_sequence_never_reaches_the_terminal(tmp_path: Path) -> None:
    # Once printed raw in tables, CSV, Markdown and the brief.
    data = seed()
    data["indicators"][0]["label"] = "\x1b[2J\x1b[31mJobs"
    data["indicators"][0]["lab\x1bel"] = "an unknown key with an escape in its name"
    data["sources"]["bad\x1b[0m"] = dict(data["sources"]["nap-2026"])
    path = write(tmp_path, toml(data))
    for args in (["scenario", "validate", str(path)], ["--scenario", str(path), "gap"]):
        done, _ = installed(*args)
        assert done.returncode == 2
        assert b"\x1b" not in done.stderr + done.stdout
    result = invoke("scenario", "validate", str(path))
    assert "indicators[0].label: holds a control character (U+001B, escape" in result.stderr
    assert "indicators[0]['lab\\x1bel']: unknown key" in result.stderr
    assert "sources['bad\\x1b[0m']: the key must be an id of letters, digits" in result.stderr


def test_a_tab_in_a_label_is_refused_but_spaces_around_text_are_trimmed(tmp_path: Path) -> None:
    data = seed()
    data["indicators"][0]["label"] = "  Jobs  "
    assert validate.load(write(tmp_path, toml(data))).indicators["jobs"].label == "Jobs"


def test_the_refusal_names_the_character() -> None:
    data = seed()
    data["indicators"][0]["label"] = "Jobs\x1b[31m"
    assert problems_of(data) == [
        "indicators[0].label: holds a control character (U+001B, escape, as in terminal "
        "escape codes) at character 5; text is one line of plain text, without tabs, line "
        "breaks or escape codes"
    ]


# --- empty paths ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--scenario", "", "gap"], "Invalid value for '--scenario': '' is an empty path"),
        (["--scenario", " ", "schema", "scenario"], "'--scenario': ' ' is an empty path"),
        (["scenario", "validate", ""], "scenario '': an empty path"),
        (["scenario", "validate", "\t"], "scenario '\\t': an empty path"),
        (["scenario", "show", " "], "scenario ' ': an empty path"),
    ],
)
def test_an_empty_path_is_refused(args: list[str], fragment: str) -> None:
    done, _ = installed(*args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == b""
    line = error_line(done.stderr.decode())
    assert fragment in line, line
    assert "or - for standard input" in line


def test_an_empty_environment_variable_is_unset_and_a_blank_one_refused() -> None:
    builtin = invoke("gap", "--json").stdout
    assert invoke("gap", "--json", env={"OFFSHORING_SCENARIO": ""}).stdout == builtin
    done, _ = installed("gap", env={"OFFSHORING_SCENARIO": "  "})
    assert done.returncode == 2
    line = error_line(done.stderr.decode())
    assert "Invalid value for OFFSHORING_SCENARIO: '  ' is an empty path" in line


def test_the_api_refuses_an_empty_path() -> None:
    for path in ("", "   "):
        with pytest.raises(scenario.ScenarioError, match="an empty path"):
            read.read(path)


def test_a_path_with_a_space_around_it_gets_a_hint(tmp_path: Path) -> None:
    refused(f"{SEEDS} ", "no such file (the path starts or ends with a space)")


def test_a_path_under_a_file_and_a_path_with_a_line_break(tmp_path: Path) -> None:
    refused(SEEDS / "x.toml", "no such file (a part of the path is a file, not a folder)")
    result = invoke("scenario", "validate", str(tmp_path / "x\nError: forged"))
    assert result.exit_code == 2
    assert "\\nError: forged" in error_line(result.stderr)  # quoted: still one line


# --- hostile files: exit 0 or 2, fast, never a traceback --------------------------------------

CONTROL_CHARS = "".join(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]) + "\u2028\u202e"


def _text_with(character: str, position: int) -> str:
    """The seed with ``character`` at the start of one of its string values, as a TOML
    escape (a raw control character is a TOML syntax error, caught earlier)."""
    starts = [i + 3 for i in range(len(SEED_TEXT)) if SEED_TEXT.startswith('= "', i)]
    at = starts[position % len(starts)]
    return SEED_TEXT[:at] + f"\\u{ord(character):04X}" + SEED_TEXT[at:]


def _mutated(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for kind, where, chunk in edits:
        where %= max(len(data), 1)
        if kind == 0:  # replace a byte
            data = data[:where] + chunk[:1] + data[where + 1 :]
        elif kind == 1:  # insert
            data = data[:where] + chunk + data[where:]
        else:  # delete
            data = data[:where] + data[where + len(chunk) :]
    return data


def _value_edit(data: dict[str, Any], value: Any, place: int) -> dict[str, Any]:
    """``value`` put in one of the seed's numeric or text places."""
    places: list[tuple[dict[str, Any], str]] = []
    for ind in data["indicators"]:
        places += [(ind, "label"), (ind, "unit"), (ind["target"], "value")]
        places += [(obs, "value") for obs in ind["observations"]]
    places += [(item, key) for item in data["segments"]["items"] for key in ("value", "label")]
    table, key = places[place % len(places)]
    table[key] = value
    return data


hostile_values = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e-300, 5e-324, 1e-6, 9.99e-7, 1e18, 2e18, 148500.5, 0.5, -1.0, 0.0]),
    st.integers(-(10**20), 10**20),
    st.text(alphabet=st.sampled_from("ab \t\n\x1b\x7f\x9b\u202e\u2028é"), max_size=12),
)

hostile_files = st.one_of(
    # nested arrays, inline tables, or both, from shallow to far too deep
    st.tuples(st.integers(1, 3000), st.sampled_from(["[", "{a = ", "[{a = "])).map(
        lambda d: (
            "a = "
            + d[1] * d[0]
            + ("1" if d[1] != "[" else "")
            + {"[": "]", "{a = ": "}", "[{a = ": "}]"}[d[1]] * d[0]
            + "\n"
        ).encode()
    ),
    # huge: around the cap
    st.integers(CAP - 2, CAP + 2).map(_padded),
    # binary
    st.binary(max_size=2000),
    # a control character in a string of the seed
    st.tuples(st.sampled_from(CONTROL_CHARS), st.integers(0, 200)).map(
        lambda c: _text_with(*c).encode()
    ),
    # the seed in another encoding, with or without a byte-order mark
    st.sampled_from(
        ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig"]
    ).map(lambda e: SEED_TEXT.replace("Rabat", "Rabât").encode(e, errors="replace")),
    # random mutations of the seed's bytes
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=6,
    ).map(lambda edits: _mutated(SEED_TEXT.encode(), edits)),
    # a hostile value in one place of an otherwise valid seed
    st.tuples(hostile_values, st.integers(0, 100)).map(
        lambda v: toml(_value_edit(seed(), *v)).encode()
    ),
)

COMMANDS = [
    ["--scenario", "{path}", "gap", "--json"],
    ["--scenario", "{path}", "status"],
    ["--scenario", "{path}", "trajectory", "--format", "csv"],
    ["scenario", "show", "{path}", "--format", "markdown"],
    ["scenario", "validate", "{path}"],
    ["--scenario", "-", "segments"],
]

RAW_CONTROL = set(CONTROL_CHARS) - {"\n"}
"""What output never holds (a line break ends a line; everything else is escaped)."""


def _check_hostile(content: bytes, args: list[str], tmp: Path) -> None:
    path = tmp / "hostile.toml"
    path.write_bytes(content)
    args = [arg.replace("{path}", str(path)) for arg in args]
    start = time.monotonic()
    result = invoke(*args, stdin=content if "-" in args else b"")
    seconds = time.monotonic() - start
    why = f"\nargs {args}\nexit {result.exit_code}\nstderr {result.stderr[-1500:]!r}"
    assert result.exception is None or isinstance(result.exception, SystemExit), why
    assert result.exit_code in (0, 2), why
    assert "Traceback" not in result.stderr, why
    assert seconds < 5, f"{seconds:.1f} s" + why
    assert not RAW_CONTROL & set(result.stdout + result.stderr), why
    if result.exit_code == 2:
        assert result.stdout == "", why
        if args[0] != "scenario" or args[1] != "validate" or "problem" not in result.stderr:
            error_line(result.stderr)
    else:
        assert not [line for line in result.stderr.splitlines() if line.startswith("Error")], why


@settings(
    max_examples=5000 if os.environ.get("OFFSHORING_DEEP") == "1" else 300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=hostile_files, command=st.sampled_from(COMMANDS))
@example(content=b"a = " + b"[" * 3000 + b"]" * 3000, command=COMMANDS[0])
@example(content=_padded(CAP + 1), command=COMMANDS[5])
@example(content=SEED_TEXT.encode("utf-16"), command=COMMANDS[4])
@example(content=toml(_set_jobs_baseline(1e-300)).encode(), command=COMMANDS[1])
def test_hostile_files_give_exit_0_or_2_fast_and_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, command: list[str]
) -> None:
    with watchdog(30):
        _check_hostile(content, command, tmp_path_factory.mktemp("hostile"))


HOSTILE_INSTALLED = {
    "nested": b"a = " + b"[" * 100_000 + b"]" * 100_000,
    "utf-16": SEED_TEXT.encode("utf-16"),
    "binary": bytes(range(256)) * 8,
    "escape in a label": _text_with("\x1b", 40).encode(),
    "tiny value": toml(_set_jobs_baseline(1e-300)).encode(),
}


@pytest.mark.parametrize("content", HOSTILE_INSTALLED.values(), ids=HOSTILE_INSTALLED.keys())
def test_hostile_files_through_the_installed_command(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, content)
    for args in (["--scenario", str(path), "gap"], ["scenario", "validate", str(path)]):
        done, seconds = installed(*args)
        assert done.returncode == 2, done.stderr
        assert b"Traceback" not in done.stderr and b"\x1b" not in done.stderr
        assert seconds < 5


def test_the_fuzz_alphabet_is_what_the_checker_refuses() -> None:
    # Every character the generator plants is one the reader refuses (so the fuzz cannot
    # pass by planting only harmless ones).
    for character in CONTROL_CHARS:
        data = seed()
        data["description"] = f"x{character}y"
        assert problems_of(data), unicodedata.name(character, hex(ord(character)))


# --- fresh-user report (issue 9 follow-ups), items 7 and 9 ------------------------------------


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("148500", "must be a number, not text: remove the quotes (value = 148500)"),
        (" 1.485e5 ", "must be a number, not text: remove the quotes (value = 1.485e5)"),
        ("lots", "must be a number, not text ('lots')"),
        ("nan", "must be a number, not text ('nan')"),
        (True, "must be a number, not true"),
        (False, "must be a number, not false"),
    ],
)
def test_a_number_of_the_wrong_type_is_one_problem_saying_what_to_write(
    value: Any, problem: str
) -> None:
    # Once two lines per value: "must be a valid integer" and "must be a valid number" (one
    # per branch of int | float), and no hint to remove the quotes.
    data = seed()
    data["indicators"][0]["observations"][1]["value"] = value
    assert problems_of(data) == [f"indicators[0].observations[1].value: {problem}"]


def test_a_year_in_quotes_is_one_problem_with_the_fix(tmp_path: Path) -> None:
    path = write(tmp_path, SEED_TEXT.replace("\nyear = 2022\n", '\nyear = "2022"\n', 1))
    refused(
        path,
        "indicators[0].observations[0].year: must be a whole number, not text: remove "
        "the quotes (year = 2022)",
    )
    done, _ = installed("scenario", "validate", str(path))
    assert done.returncode == 2
    assert b"(1 problem)" in done.stderr


def test_segments_of_the_wrong_indicator_are_refused(tmp_path: Path) -> None:
    # Once valid: 26.219 bn of segments "split" 148,500 jobs, and 'segments' showed
    # "10,578,000,000 jobs", a share of 7,123,232.32 %, under a column headed "Exports".
    # 26,219,000,000 / 148,500 = 176,558.9 -> "176,559 times".
    path = write(
        tmp_path,
        SEED_TEXT.replace('[segments]\nindicator = "exports"', '[segments]\nindicator = "jobs"'),
    )
    refused(
        path,
        "segments.items: the segments add up to 26,219,000,000 jobs, 176,559 times the 2024 "
        "jobs figure they split (148,500 jobs): segments are parts of that figure, in its unit "
        "(jobs); check segments.indicator",
    )


@pytest.mark.parametrize(
    ("scale", "valid"),
    # the seed's segments add up to 26.219 bn against a 26.22 bn total (ratio 0.99996)
    [(2.0, True), (2.1, False), (1e-3 / 0.99996, True), (0.9e-3, False)],
)
def test_segments_may_add_up_to_between_a_thousandth_and_twice_their_figure(
    scale: float, valid: bool
) -> None:
    data = seed()
    for item in data["segments"]["items"]:
        item["value"] = item["value"] * scale
        item.pop("prior", None)
    found = problems_of(data)
    assert (found == []) is valid, found
    if not valid:
        (line,) = found
        assert line.startswith("segments.items: the segments add up to ")


def test_the_segments_value_column_is_headed_by_the_indicators_label(tmp_path: Path) -> None:
    # A scenario whose segments split 'hires' (people): the column says what they are.
    text = SEED_TEXT.replace('label = "Offshoring jobs"', 'label = "Apprentice hires"')
    text = text.replace('[segments]\nindicator = "exports"', '[segments]\nindicator = "jobs"')
    start = text.index("[[segments.items]]")
    text = text[:start] + "".join(
        f'[[segments.items]]\nid = "{key}"\nlabel = "{key}"\nvalue = {value}\n'
        'source = "nap-2026"\n\n'
        for key, value in (("north", 100_000), ("south", 48_500))
    )
    path = write(tmp_path, text)
    done, _ = installed("--scenario", str(path), "segments", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    header = next(
        line for line in done.stdout.decode().splitlines() if line.startswith("| Segment")
    )
    assert header == "| Segment | Activity | Apprentice hires | Share of total | Change y/y |"
    # 100,000 / 148,500 = 67.34 %; 48,500 / 148,500 = 32.66 %
    assert "| north | north | 100,000 jobs | 67.34 % |" in done.stdout.decode()
    builtin_md = invoke("segments", "--format", "markdown")
    assert "| Segment | Activity | Offshoring service exports |" in builtin_md.stdout
