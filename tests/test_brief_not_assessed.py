"""A reading that cannot be assessed, in the brief (session 4 finding 5): its advice works in
the command it appears in (``report`` and ``chart`` have no ``--since``), and its finding is
said once (not bold, then again after the symbol), also when the target lies on the wrong
side."""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli, result_json


def _brief(tmp_path: Path, path: Path, *args: str, language: str = "en") -> str:
    out = tmp_path / "brief.md"
    done = invoke_cli("--lang", language, "--scenario", str(path), "report", *args, "-o", str(out))
    assert done.exit_code == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_the_advice_of_a_one_observation_history_works_in_report_and_chart(
    tmp_path: Path,
) -> None:
    # --base-year 2020: the baseline is the 2020 figure, and the history ends there (one
    # observation); without --base-year the assessment runs from 2020 to 2024.
    path = em_path(tmp_path)
    brief = _brief(tmp_path, path, "--base-year", "2020")
    advice = "to assess from 2020 to 2024, leave out --base-year"
    assert advice in plain(brief)
    assert "--since" not in brief
    for command in ("report", "chart", "status"):
        assert invoke_cli("--scenario", str(path), command, "--help").exit_code == 0
        # the advice followed: the same command without --base-year assesses 2020-2024
        done = invoke_cli("--scenario", str(path), command)
        assert done.exit_code == 0, done.stderr
    (row,) = result_json(invoke_cli("--scenario", str(path), "status", "--json"))["results"]
    assert (row["assessed"], row["since_year"], row["latest_year"]) == (True, 2020, 2024)
    document = result_json(
        invoke_cli("--scenario", str(path), "status", "--base-year", "2020", "--json")
    )
    assert advice in plain(document["results"][0]["verdict"])


@pytest.mark.parametrize(
    ("target", "sentence"),
    [
        (50, "only one whole-year observation of series 's' (2020)"),
        # a decrease wanted, but the 120 t target is above the 100 t of 2020 (and not met by
        # the 130 t of 2024): the wrong side
        (120, "the target (120 t) is not below the 2020 value (100 t)"),
    ],
)
def test_the_finding_of_an_unassessed_reading_is_said_once(
    tmp_path: Path, target: int, sentence: str
) -> None:
    path = em_path(tmp_path, target=target, last=80 if target == 50 else 130)
    args = ("--base-year", "2020") if target == 50 else ()
    brief = _brief(tmp_path, path, *args)
    assert brief.count(sentence) == 1, brief
    assert "**co2: not assessed - " in brief
    assert "\u2013 not assessed\n" in brief  # the symbol line: the band in words
    assert "co2**: \u2013 not assessed" in brief  # the targets' verdict list: once, no repeat
    french = _brief(tmp_path, path, *args, language="fr")
    assert french.count("co2 : non évalué") == 1, french
