"""Errors and exit codes: bad input is one ``Error:`` line naming the input and exit 2 (with
the usage hint only for a usage mistake); failures after the work started exit 1; an
unexpected exception is one clean line unless ``OFFSHORING_DEBUG`` is set; Ctrl-C, closed
pipes and unusable standard output; the core names fields, the command line names options.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from conftest import RunCli, clean_environ, offshoring_command
from helpers import error_lines

from offshoring_cli import errors
from offshoring_cli.cli.errors import cli_text, option
from offshoring_cli.core.resolve import Options, resolve
from offshoring_cli.reports import Report, growth
from offshoring_cli.reports import gap as gap_module
from offshoring_cli.reports.project import project_report
from offshoring_cli.reports.sensitivity import sensitivity_report
from offshoring_cli.reports.status import status_report


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("project", "--growth", "abc"), "is not a rate"),
        (("project", "--growth", "150"), "type 150%"),
        (("project", "--growth=-100%"), "greater than -100 %"),
        (("project",), "exactly one of --growth"),
        (("project", "--increment", "10k"), "choose one metric"),
        (("project", "--growth", "5%", "--until", "2020"), "--until 2020 must be after"),
        (("status", "--since", "2030"), "--since 2030 must be before the latest year"),
        (("status", "--since", "2018", "-m", "exports"), "offshoring-legacy"),
        (("sensitivity", "--years", "2035-2028"), "runs backwards"),
        (("sensitivity", "--years", "2020-2030"), "not after the base year"),
        (("sensitivity", "--changes", "abc"), "is not a rate"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(
    run: RunCli, args: tuple[str, ...], fragment: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and fragment in errors[0], result.stderr
    assert "Traceback" not in result.stderr


BAD_INPUT = [
    ("cagr", "--target-year", "1999"),
    ("gap", "--jobs-baseline", "abc"),
    ("cagr", "--jobs-baseline", "0"),
    ("gap", "--exports-target", "nan"),
    ("gap", "--exports-baseline", "26,22"),
    ("gap", "--jobs-baseline", "12,34,5"),
    ("gap", "--jobs-baseline", "1.2.3"),
    ("gap", "--exports-target", "inf"),
    ("gap", "--exports-target", "1e309"),
    ("gap", "--jobs-baseline", "-5"),
    ("gap", "--jobs-target", "-5"),
    ("gap", "--base-year", "2022"),
    ("gap", "--target-year", "2024"),
    ("gap", "--json", "--format", "csv"),
    ("gap", "--metric", "foo"),
    ("gap", "--base-year", "20x"),
    ("gap", "--jobs-baseline", "148.55"),
    ("gap", "--exports-target", "26.22xy"),
    ("cagr", "--base-year", "2021", "-m", "jobs"),  # jobs: 2022, 2023, 2024
    ("gap", "--no-such-option"),
    ("nosuchcommand",),
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_bad_input(run: Any, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert len(error_lines(result.stderr)) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("gap", "--base-year", "2022"), "--exports-baseline"),
        (("cagr", "--target-year", "1999"), "after the base year"),
        (("gap", "--exports-baseline", "26,22"), "use a dot for decimals: 26.22"),
        (("gap", "--jobs-baseline", "12,34,5"), "groups of three"),
        (("gap", "--json", "--format", "csv"), "--json"),
        (("gap", "--jobs-baseline", "abc"), "--jobs-baseline"),
    ],
)
def test_bad_input_message(run: Any, args: tuple[str, ...], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert fragment in line


def _boom(options: Options) -> Report:
    raise RuntimeError("boom")


def test_unexpected_exception_is_one_clean_line(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gap_module, "gap_report", _boom)
    result = run("gap")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: unexpected failure")
    assert "boom" in lines[0]
    assert "Traceback" not in result.stderr


def test_unexpected_exception_propagates_with_debug(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gap_module, "gap_report", _boom)
    monkeypatch.setenv("OFFSHORING_DEBUG", "1")
    result = run("gap")
    assert result.exit_code == 1
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "boom"


def test_click_exceptions_are_not_wrapped(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(options: Options) -> Report:
        raise click.UsageError("refused")

    monkeypatch.setattr(growth, "cagr_report", refuse)
    result = run("cagr")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["Error: refused"]


def test_tiny_baseline_is_not_an_unexpected_failure(run: Any) -> None:
    result = run("gap", "-m", "exports", "--exports-baseline", "1e-300", "--json")
    assert result.exit_code in (0, 2), result.stderr
    assert "unexpected failure" not in result.stderr


def test_absurd_exponent_is_bad_input(run: Any) -> None:
    result = run("gap", "--exports-target", "1e99999999999")
    assert result.exit_code == 2, result.stderr
    (line,) = error_lines(result.stderr)
    assert "too large" in line


@pytest.mark.slow
def test_installed_bad_input_exits_2_without_traceback(run_installed: Any) -> None:
    proc = run_installed("gap", "--jobs-baseline", "abc")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, proc.stderr
    assert "--jobs-baseline" in errors[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    "pipeline",
    [
        "gap --json | head -c 1",
        "cagr --format csv | head -c 1",
        "gap | head -n 1",
        "gap --format markdown | head -c 1",
        "gap --json | true",
    ],
)
def test_closed_pipe_is_quiet(
    pipeline: str, offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    command = f"{shlex.join(offshoring_cmd)} {pipeline}"
    proc = subprocess.run(
        command,
        shell=True,
        capture_output=True,
        text=True,
        env=subprocess_env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "BrokenPipe" not in proc.stderr, proc.stderr
    assert "Exception ignored" not in proc.stderr, proc.stderr
    assert proc.stderr == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["gap", "--json"], ["cagr", "--format", "csv"], ["gap"]], ids=" ".join
)
def test_write_to_a_pipe_closed_before_start(
    args: list[str], offshoring_cmd: list[str], subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    # Deterministic version of "| head": the read end is closed before the command writes,
    # so its first flush fails with EPIPE. Expected: exit 1, nothing on stderr.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [*offshoring_cmd, *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "BrokenPipe" not in proc.stderr, proc.stderr
    assert proc.stderr == ""
    assert proc.returncode == 1


ROOT = Path(__file__).resolve().parent.parent


def last_error(done: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


# --- the module ------------------------------------------------------------------------------


def test_input_error_names_the_field_not_the_option() -> None:
    error = errors.InputError("since", "{since} 2024 must be before 2024; see {baseline[jobs]}")
    assert error.field == "since" and error.exit_code == 2 and error.usage
    assert str(error) == "since 2024 must be before 2024; see baseline[jobs]"
    assert cli_text(error.template) == "--since 2024 must be before 2024; see --jobs-baseline"


def test_option_names_come_from_one_table() -> None:
    assert option("metrics") == "--metric"
    assert option("base_year") == "--base-year"
    assert option("baseline[exports]") == "--exports-baseline"
    assert option("target[hires]") == "--target hires"


def test_kinds_and_exit_codes() -> None:
    assert issubclass(errors.InputError, errors.DomainError)
    assert errors.MissingExtra("x").exit_code == 2 and not errors.MissingExtra("x").usage
    assert errors.Failure("x").exit_code == 1 and not errors.Failure("x").usage
    from offshoring_cli.render.files import WriteError
    from offshoring_cli.scenario import ScenarioError

    assert issubclass(WriteError, errors.Failure)
    assert ScenarioError("x.toml", ["no such file"]).field == "scenario"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: status_report(Options(metrics=("jobs",)), 2024), "since"),
        (lambda: sensitivity_report(Options(metrics=("jobs",)), (2024,), (0.0,)), "years"),
        (lambda: project_report(Options(), None, None, None), "growth"),
        (lambda: project_report(Options(), None, 5.0, None), "increment"),
        (lambda: project_report(Options(metrics=("jobs",)), 0.1, None, 2020), "until"),
        (lambda: resolve(Options(metrics=("nope",))), "metrics"),
        (lambda: resolve(Options(base_year=2019)), "base_year"),
        (lambda: resolve(Options(target_year=2024)), "target_year"),
    ],
)
def test_the_core_never_writes_an_option_name(call: Any, field: str) -> None:
    with pytest.raises(errors.InputError) as caught:
        call()
    assert caught.value.field == field
    assert "--" not in str(caught.value), str(caught.value)


def test_no_option_name_in_core_raise_lines() -> None:
    for layer in ("core", "reports", "render", "scenario"):
        for path in (ROOT / "offshoring_cli" / layer).glob("*.py"):
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                if "Error(" in line and "raise" in line:
                    block = " ".join(lines[i : i + 4])
                    assert " --" not in block.split(")")[0] or "{" in block, (path, line)


# --- the installed command -------------------------------------------------------------------


@pytest.mark.slow
def test_messages_keep_their_option_names(run_installed: Any) -> None:
    assert last_error(run_installed("status", "-m", "jobs", "--since", "2024")).startswith(
        "Error: --since 2024 must be before the latest year of jobs (2024)"
    )
    assert last_error(run_installed("gap", "--base-year", "2019")).endswith(
        "give one with --jobs-baseline, choose another --base-year, or leave jobs out with --metric"
    )


@pytest.mark.slow
def test_missing_extra_has_no_usage_hint(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in ("matplotlib", "plotext"):
        (site / name).mkdir()
        (site / name / "__init__.py").write_text("raise ImportError('hidden')\n")
    code = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda n, *a: None if n in {'matplotlib', 'plotext'} "
        "else real(n, *a)\n"
        "sys.argv = ['offshoring', 'chart']\n"
        "from offshoring_cli.entry import main\nmain()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=clean_environ(),
        check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Usage:" not in done.stderr
    # item 17: both install commands, the package's and a clone's
    assert last_error(done) == (
        "Error: charts need the optional plotting libraries (plotext missing): "
        "pip install 'offshoring-cli[charts]' (from a clone: pip install '.[charts]')"
    )


# Item 8: error lines that name the input and say what to type.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (
            ["status", "-m", "exports", "--exports-baseline", "1e-6"],
            {},
            "Error: the decline from 26,170,000,000 to 1e-06 in 1 year is too steep to "
            "represent as a growth rate; check the figures given (--exports-baseline)",
        ),
        (
            ["project", "--base-year", "1900", "--jobs-baseline", "1e18", "--growth", "1000%",
             "--until", "2200", "-m", "jobs"],
            {},
            "Error: 1,000,000,000,000,000,000 growing 1000.00% a year for 300 years overflows; "
            "give a lower --growth or an earlier --until",
        ),
        (
            ["gap"],
            {"OFFSHORING_SCENARIO": "nothere.toml"},
            "Error: OFFSHORING_SCENARIO=nothere.toml: scenario 'nothere.toml': no such file",
        ),
        (
            ["gap", "--scenario", "my.toml"],
            {},
            "Error: No such option '--scenario' here: it goes before the command, as in "
            "'offshoring --scenario FILE gap'.",
        ),
        (
            ["--json", "gap"],
            {},
            "Error: No such option '--json' before the command: it goes after it, as in "
            "'offshoring gap --json'.",
        ),
        (
            ["sensitivity", "-m", "jobs", "--years", "2024"],
            {},
            "Error: --years: 2024 is not after the base year of jobs (2024); give later years, "
            "e.g. --years 2025-2030",
        ),
        (
            ["gap", "--target-year", "0030"],
            {},
            "Error: Invalid value for '--target-year': '0030' is out of range; give a year "
            "from 1900 to 2200.",
        ),
        (
            ["scenario", "validate", "."],
            {},
            "Error: scenario '.': is a directory, not a scenario file; give the path of a "
            ".toml file",
        ),
        (  # item 12: a huge --metric is cut like numbers
            ["gap", "-m", "x" * 100_000],
            {},
            "Error: --metric '" + "x" * 37 + "...': the dataset 'morocco-offshoring' has no "
            "such indicator; choose from: jobs, exports",
        ),
    ],
)  # fmt: skip
def test_error_lines_name_the_input(
    run_installed: Any, args: list[str], env: dict[str, str], expected: str
) -> None:
    done = run_installed(*args, env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert last_error(done).startswith(expected), last_error(done)
    if env:  # not a usage mistake of this command line
        assert "Usage:" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("redirect", ["/dev/full", "readonly"])
def test_unusable_stdout_is_named(redirect: str) -> None:
    readonly = redirect == "readonly"
    path, mode = (os.devnull, "rb") if readonly else (redirect, "wb")
    with open(path, mode) as out:
        done = subprocess.run(
            [*offshoring_command(), "gap", "--json"], stdout=out, stderr=subprocess.PIPE,
            text=True, env=clean_environ(), check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("Error: cannot write to standard output: "), done.stderr
    assert done.stderr.rstrip().endswith("; redirect it to a file or a pipe")


@pytest.mark.slow
def test_stdout_dash_is_checked_up_front() -> None:
    # item 11: '-' as /dev/stdout: refused before any work (exit 2), not after rendering
    with open(os.devnull, "rb") as readonly:
        done = subprocess.run(
            [*offshoring_command(), "chart", "-o", "-"], stdout=readonly,
            stderr=subprocess.PIPE, text=True, env=clean_environ(), check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert last_error(done) == (  # type: ignore[arg-type]
        "Error: --output '-' (standard output) names file descriptor 1, which is open for "
        "reading only"
    )


@pytest.mark.slow
def test_scenario_group_alone_shows_its_help(run_installed: Any) -> None:
    # item 10: like plain 'offshoring': help on stdout, exit 0
    done = run_installed("scenario")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("Usage: offshoring scenario [OPTIONS] [COMMAND] [ARGS]...")
    assert "validate" in done.stdout


@pytest.mark.slow
def test_increment_plausibility_warning(run_installed: Any) -> None:
    # item 16: warned like --jobs-baseline: 2bn / 148,500 = 13,468 times the baseline
    done = run_installed("project", "--increment", "2bn", "-m", "jobs", "--json")
    assert done.returncode == 0
    assert done.stderr == (
        "Warning: --increment 2,000,000,000 is at least 1,000 times larger than the baseline "
        "(148,500): check the unit.\n"
    )
    quiet = run_installed("project", "--increment", "15k", "-m", "jobs", "--json")
    assert quiet.returncode == 0 and quiet.stderr == ""


@pytest.mark.slow
def test_schema_help_and_missing_name(run_installed: Any) -> None:
    # item 18: the usage line is not broken mid-word; no NAME is one Error line
    usage = run_installed("schema", "--help").stdout.splitlines()[0]
    assert usage == "Usage: offshoring schema [OPTIONS] NAME"
    done = run_installed("schema")
    assert done.returncode == 2
    assert last_error(done) == (
        "Error: give a schema NAME, one of: scenario, gap, cagr, status, trajectory, project, "
        "sensitivity, segments, scenario-show, scenario-diff."
    )


# --- Ctrl-C at the edges of a run (items 1 and 2) ----------------------------------------------

_DURING_IMPORT = """
import os, signal, sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv = ["offshoring", *sys.argv[1:]]
from offshoring_cli.entry import main
main()
"""

_AFTER_RUN = """
import os, signal, sys
sys.argv = ["offshoring", *sys.argv[1:]]
from offshoring_cli.entry import main
try:
    main()
finally:
    os.kill(os.getpid(), signal.SIGINT)
    import time
    time.sleep(0.5)
"""


@pytest.mark.slow
@pytest.mark.parametrize("args", [["gap", "--json"], ["--help"]])
def test_ctrl_c_while_importing(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DURING_IMPORT, *args], capture_output=True, text=True,
        env=clean_environ(), check=False,
    )  # fmt: skip
    assert done.returncode == 130
    assert done.stderr == "Error: interrupted\n"
    assert done.stdout == ""


@pytest.mark.slow
def test_ctrl_c_after_the_run_is_not_death_by_signal(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_RUN, "report", "-m", "jobs", "-o", "-"],
        capture_output=True, text=True, env=clean_environ(), check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 130  # before: -2, killed by the signal
    assert done.stderr.endswith("Error: interrupted\n")
    assert done.stdout.startswith("# ")  # the brief was written whole before
