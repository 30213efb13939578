"""Shared fixtures: a Click runner, an in-process ``run`` helper and an installed-command helper.

Click 8.2+ keeps stdout and stderr apart in :class:`click.testing.Result`: tests read
``result.stdout`` (never ``result.output``, which mixes the two) when they parse JSON or CSV.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from offshoring_cli.cli import cli

# Hypothesis profiles: ``offshoring`` by default, ``offshoring-deep`` (25 times as many examples
# for the property tests and argument fuzzing) with OFFSHORING_DEEP=1.
settings.register_profile(
    "offshoring",
    max_examples=200,
    deadline=None,  # CI machines vary; a hang is caught by the watchdog below instead
    # The autouse fixture below only deletes environment variables: safe to share.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # In CI, the same examples every run: a submission lands or not on its own merits, and a
    # new example found by a random run on a developer's machine becomes a regression test.
    derandomize=os.environ.get("CI") == "true",
)
settings.register_profile(
    "offshoring-deep", parent=settings.get_profile("offshoring"), max_examples=5000
)
DEEP = os.environ.get("OFFSHORING_DEEP") == "1"
settings.load_profile("offshoring-deep" if DEEP else "offshoring")

# Environment variables that change how the CLI renders (colour, width) or fails (debug).
_INFLUENCES = (
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TERM_PROGRAM",
    "OFFSHORING_DEBUG",
    "OFFSHORING_LANG",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run every test without the user's colour, width or debug settings."""
    for name in _INFLUENCES:
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def runner() -> CliRunner:
    """A Click test runner (stdout and stderr captured separately)."""
    return CliRunner()


RunCli = Callable[..., Result]


@pytest.fixture
def run(runner: CliRunner) -> RunCli:
    """``run(*args, env=None)``: invoke ``offshoring_cli.cli.cli`` in process."""

    def _run(*args: str, env: Mapping[str, str | None] | None = None) -> Result:
        return runner.invoke(cli, list(args), prog_name="offshoring", env=env)

    return _run


def offshoring_command() -> list[str]:
    """The installed console script, or ``python -m offshoring_cli`` if it is not on PATH."""
    script = shutil.which("offshoring")
    if script is None:
        candidate = os.path.join(os.path.dirname(sys.executable), "offshoring")
        script = candidate if os.access(candidate, os.X_OK) else None
    return [script] if script else [sys.executable, "-m", "offshoring_cli"]


def clean_environ(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """``os.environ`` without the rendering influences, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in _INFLUENCES}
    env.update(extra or {})
    return env


RunInstalled = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_installed() -> RunInstalled:
    """``run_installed(*args, env=None)``: run the installed ``offshoring`` in a subprocess."""
    command = offshoring_command()

    def _run(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=clean_environ(env),
            timeout=60,
            check=False,
        )

    return _run


@pytest.fixture
def offshoring_cmd() -> list[str]:
    """The argv prefix that runs the installed command (see :func:`offshoring_command`)."""
    return offshoring_command()


@pytest.fixture
def subprocess_env() -> dict[str, str]:
    """A clean environment for subprocesses (no colour, width or debug settings)."""
    return clean_environ()


class Hang(Exception):
    """A call still running after the watchdog's time."""


@contextlib.contextmanager
def watchdog(seconds: float = 5.0) -> Iterator[None]:
    """Fail a call that loops forever (raise :class:`Hang`) instead of hanging CI (POSIX)."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - not POSIX
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# A scenario of another sector: "single" has one observation (not assessable), "falling" wants a
# decrease (100 in 2022, 90 in 2024, target 50 in 2030), "met" already meets its target (148,500
# in 2024 against 140,000).
EDGE_SCENARIO = """\
scenario_version = 1
name = "edges"
description = "Metrics at the limits"

[sources.s]
publisher = "test"
title = "edge cases"
date = "2024"
url = "https://example.invalid/edges"

[[indicators]]
id = "single"
label = "Single observation"
unit = "jobs"
direction = "increase"
target = {year = 2030, value = 200, series = "a", source = "s"}

[[indicators.observations]]
year = 2024
value = 100
series = "a"
source = "s"

[[indicators]]
id = "falling"
label = "Falling"
unit = "t"
direction = "decrease"
target = {year = 2030, value = 50, series = "a", source = "s"}

[[indicators.observations]]
year = 2022
value = 100
series = "a"
source = "s"

[[indicators.observations]]
year = 2024
value = 90
series = "a"
source = "s"

[[indicators]]
id = "met"
label = "Met"
unit = "jobs"
direction = "increase"
target = {year = 2030, value = 140000, series = "a", source = "s"}

[[indicators.observations]]
year = 2022
value = 130000
series = "a"
source = "s"

[[indicators.observations]]
year = 2024
value = 148500
series = "a"
source = "s"
"""


@pytest.fixture
def edges(tmp_path: Path) -> Path:
    path = tmp_path / "edges.toml"
    path.write_text(EDGE_SCENARIO, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# The ``slow`` mark: a test that starts a process (the installed command, ``python -c``, a
# pseudo-terminal) or runs a big fuzz. ``pytest -m "not slow"`` is the quick inner loop.
# Tests carry the mark where they are defined; these modules are being changed elsewhere, so
# their slow tests are marked here by name (None: every test of the module) until they carry it.
_SLOW_BY_MODULE: dict[str, frozenset[str] | None] = {
    "test_cli_edges.py": frozenset(
        {
            "test_a_bad_columns_falls_back_to_the_terminal_width",
            "test_a_list_of_rates_never_reads_a_thousands_comma_as_two_rates",
            "test_ctrl_c_during_a_large_output_exits_130",
            "test_ctrl_c_exits_130_with_one_line",
            "test_ctrl_c_stays_ignored_in_a_background_job",
            "test_gap_with_a_bad_columns_prints_the_table",
            "test_increment_takes_the_unit_word_like_the_other_count_options",
            "test_increment_with_another_unit_is_refused",
            "test_missing_suffix_hint_reads_naturally_and_is_valid",
            "test_no_suffix_hint_when_no_suffix_explains_the_value",
            "test_piped_chart_colour_follows_the_table_rules",
            "test_target_year_hint_is_never_outside_the_year_range",
            "test_terminal_chart_has_no_escape_codes_under_term_dumb_or_no_color",
            "test_terminal_chart_with_a_bad_columns_is_drawn_at_the_default_width",
            "test_the_rule_is_documented_in_help_and_readme",
        }
    ),
    "test_output_files.py": frozenset(
        {
            "test_a_failed_write_leaves_the_old_file_and_no_temporary",
            "test_a_fifo_is_written_into_never_replaced",
            "test_a_file_descriptor_that_is_not_open_for_writing_is_refused",
            "test_a_full_device_is_an_output_error_exit_1",
            "test_a_link_loop_is_refused",
            "test_a_link_to_a_fifo_stays_a_link",
            "test_a_link_to_a_regular_file_stays_a_link",
            "test_a_new_scenario_file_gets_0666_less_the_umask",
            "test_a_read_only_file_is_refused",
            "test_a_read_only_folder_is_refused",
            "test_a_replaced_brief_and_image_keep_their_mode",
            "test_a_replaced_file_keeps_its_owner_and_group",
            "test_a_replaced_scenario_file_keeps_its_mode",
            "test_a_suffix_must_name_the_format",
            "test_an_impossible_path_is_refused_before_any_work",
            "test_chart_format_needs_an_output",
            "test_chart_output_dash_is_svg_and_png_only_when_asked",
            "test_dev_null_and_a_link_to_it",
            "test_dev_stdout_appends_to_a_file_opened_for_appending",
            "test_fuzz_hostile_output_paths",
            "test_installed_command_on_hostile_paths",
            "test_markdown_brief_to_stdout_needs_no_plotting_library",
            "test_new_briefs_and_charts_get_0666_less_the_umask",
            "test_own_link_to_proc_self_fd_1_is_standard_output",
            "test_png_is_never_sent_to_a_terminal",
            "test_report_output_dash_prints_the_brief",
            "test_report_output_dev_stdout_leaves_the_link",
            "test_scenario_init_dash_prints_the_file",
            "test_scenario_init_under_umask_022_in_a_shell_gives_644",
            "test_the_longest_name_is_taken_but_not_when_its_chart_would_be_too_long",
            "test_with_the_libraries_a_markdown_brief_to_stdout_gives_no_warning",
        }
    ),
    "test_startup.py": frozenset(
        {
            "test_a_table_loads_rich",
            "test_fast_paths_import_only_the_standard_library_click_and_light_modules",
            "test_help_and_version_load_no_core_module",
            "test_status_loads_its_report_module_and_gap_does_not",
            "test_version_loads_no_command_module",
        }
    ),
    "test_terminal.py": None,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = _SLOW_BY_MODULE.get(item.path.name, frozenset())
        if names is None or getattr(item, "originalname", item.name) in names:
            item.add_marker(pytest.mark.slow)
