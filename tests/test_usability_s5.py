"""Usability points of the s5 fresh-user findings (item 10), through the installed command:

- ``scenario validate`` without PATH checks the scenario in use (``--scenario`` or
  ``OFFSHORING_SCENARIO``), as ``scenario show`` does; with neither, the error says both ways;
- ``--scenario A scenario show B`` (or ``validate B``) says on stderr that A is not used;
- completion: ``--lang <TAB>`` offers the languages; ``--metric <TAB>`` with a scenario that
  cannot be used offers nothing (not the built-in ids, which that run would not have);
- a CSV path naming a device is not told "or - to read the scenario from standard input".
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from helpers import EXAMPLE, error_line, installed

pytestmark = pytest.mark.slow


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    done, _ = installed(*args, env=env)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_validate_without_path_checks_the_scenario_in_use(tmp_path: Path) -> None:
    # before: "Error: Missing argument 'PATH'." while 'scenario show' used it
    code, out, err = _run("scenario", "validate", env={"OFFSHORING_SCENARIO": str(EXAMPLE)})
    assert (code, err) == (0, ""), err
    assert out.startswith(f"{EXAMPLE}: valid scenario ")
    code, out, err = _run("--scenario", str(EXAMPLE), "scenario", "validate")
    assert code == 0 and out.startswith(f"{EXAMPLE}: valid scenario "), err
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n', encoding="utf-8")
    code, out, err = _run("--scenario", str(bad), "scenario", "validate")
    assert code == 2 and out == ""
    assert f"{bad} is not a valid scenario" in err


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Missing argument 'PATH': give a scenario file (or - for standard input)"),
        ("fr", "Argument PATH manquant : donnez un fichier de scénario"),
        ("ar", "الوسيط PATH مفقود"),
    ],
)
def test_validate_without_any_scenario_says_both_ways(lang: str, words: str) -> None:
    code, out, err = _run("--lang", lang, "scenario", "validate")
    assert (code, out) == (2, "")
    line = error_line(err)
    assert words in line
    assert "OFFSHORING_SCENARIO" in line and "--scenario" in line


@pytest.mark.parametrize("command", ["show", "validate"])
def test_a_scenario_option_the_command_does_not_use_is_said(tmp_path: Path, command: str) -> None:
    other = tmp_path / "other.toml"
    shutil.copy(EXAMPLE, other)
    # before: --scenario silently ignored
    code, out, err = _run("--scenario", str(other), "scenario", command, str(EXAMPLE))
    assert code == 0 and out
    assert err == (
        f"Warning: --scenario {other} is not used: 'scenario {command}' reads {EXAMPLE}.\n"
    )
    # the same file, or OFFSHORING_SCENARIO (set once for every command): nothing to say
    assert _run("--scenario", str(EXAMPLE), "scenario", command, str(EXAMPLE))[2] == ""
    env = {"OFFSHORING_SCENARIO": str(other)}
    assert _run("scenario", command, str(EXAMPLE), env=env)[2] == ""
    code, _, err = _run("--lang", "fr", "--scenario", str(other), "scenario", command, str(EXAMPLE))
    assert code == 0 and err.startswith(f"Avertissement : --scenario {other} n'est pas utilisé")


def _complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    done = subprocess.run(
        offshoring_command(),
        capture_output=True,
        text=True,
        env=clean_environ(
            {
                "_OFFSHORING_COMPLETE": "bash_complete",
                "COMP_WORDS": words,
                "COMP_CWORD": str(cword),
                **(env or {}),
            }
        ),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if line]


def test_lang_completes_with_the_languages() -> None:
    # before: nothing
    assert _complete("offshoring --lang ") == ["en", "fr", "ar", "auto"]
    assert _complete("offshoring --lang f") == ["fr"]


def test_metric_completion_with_an_unusable_scenario_offers_nothing(tmp_path: Path) -> None:
    assert _complete("offshoring gap -m ") == ["jobs", "exports"]
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\x00\x01\x02")
    for scenario in (str(tmp_path / "missing.toml"), str(binary)):
        # before: jobs, exports -- ids the run would refuse (its scenario cannot be read)
        assert _complete(f"offshoring --scenario {scenario} gap -m ") == []
        assert _complete("offshoring gap -m ", {"OFFSHORING_SCENARIO": scenario}) == []


def test_a_csv_path_naming_a_device_gets_no_standard_input_hint(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    scenario = tmp_path / "dev.toml"
    source = Path(EXAMPLE.parent / "jobs-from-csv.toml")
    text = source.read_text(encoding="utf-8").replace(
        'observations_csv = "jobs-observations.csv"', 'observations_csv = "/dev/null"'
    )
    assert '"/dev/null"' in text
    scenario.write_text(text, encoding="utf-8")
    code, _, err = _run("--scenario", str(scenario), "gap")
    line = error_line(err)
    assert code == 2
    assert line.endswith("/dev/null: is a device, not a CSV file; give the path of a .csv file")
    assert "standard input" not in line
    assert os.path.exists("/dev/null")
