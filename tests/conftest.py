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
def _clean_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Run every test without the user's colour, width or debug settings, with the scenario
    parse cache on, in a folder of its own (never the user's ``~/.cache``): set in
    ``os.environ``, so every subprocess a test starts inherits it too."""
    for name in _INFLUENCES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("OFFSHORING_CACHE", raising=False)
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("OFFSHORING_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache / "xdg"))  # a second guard
    yield
    if "offshoring_cli.i18n" in sys.modules:  # an in-process run may have chosen a language
        sys.modules["offshoring_cli.i18n"].choose("en")


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
