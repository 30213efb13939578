"""Session 5 findings 1, 2 and 6: extreme but valid figures in every language, and finding
sentences that agree with the status row they state.

- 1: French and Arabic crashed in Babel (``decimal.InvalidOperation``, exit 1) on a
  percentage of 1e26 or a progress score Q of 2e66, where English printed them.
- 2: the headline rounded the target and the gap each to three significant digits of the
  target, so that a 452-job shortfall read "0 above the 222,000 target" and a 1,252-job
  one "1,000 short of the 223,000 target" from 221,000 (which does not add up).
- 6: 25- to 70-digit numbers in tables and findings; chart ticks every 2 years over 300
  years, value ticks all "0.0" for values of a millionth; a matplotlib warning on stderr.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RunInstalled
from emissions import plain

from offshoring_cli.cli import cli
from offshoring_cli.i18n import human, numbers

EXTREME = """scenario_version = 1
name = "emissions"
description = "Tiny and huge values."

[sources.s]
publisher = "Agency"
title = "Report"
date = "2025"
url = "https://example.org/r"

[[indicators]]
id = "co2"
label = "CO2 emissions"
unit = "t"
direction = "decrease"
target = { year = 2030, value = 50, series = "main", source = "s" }
observations = [
  { year = 2020, value = 100, series = "main", source = "s" },
  { year = 2022, value = 90, series = "main", source = "s" },
  { year = 2024, value = 80, series = "main", source = "s" },
]

[[indicators]]
id = "tiny"
label = "Tiny"
unit = "ppm"
target = { year = 2030, value = 0.000002, series = "m", source = "s" }
observations = [
  { year = 2023, value = 0.000001, series = "m", source = "s" },
  { year = 2024, value = 0.0000011, series = "m", source = "s" },
]

[[indicators]]
id = "huge"
label = "Huge"
unit = "USD"
target = { year = 2200, value = 1e18, series = "m", source = "s" }
observations = [
  { year = 1900, value = 0.000001, series = "m", source = "s" },
  { year = 1901, value = 0.000002, series = "m", source = "s" },
]
"""
# huge: 100 % a year (1e-6 to 2e-6 in a year); at that pace 2e-6 * 2 ** 299 = 2.037e84 USD
# in 2200, 2.037e84 above the 1e18 target; Q (UNSD) = (2.037e84 - 1e-6) / (1e18 - 1e-6)
# = 2.037e66.
# tiny: 10 % a year; 1.1e-6 * 1.1 ** 6 = 1.9487e-6 ppm in 2030, 5.13e-8 short of 2e-6.


def _scenario(tmp_path: Path) -> Path:
    path = tmp_path / "extreme.toml"
    path.write_text(EXTREME, encoding="utf-8")
    return path


# --- 1: no crash in French and Arabic ----------------------------------------------------------

# exports from 1e-6 to 1e18 MAD over 6 years: gap relative to baseline (1e18 - 1e-6) / 1e-6
# = 1e24 = 1e26 %; target multiple 1e18 / 1e-6 = 1e24; required CAGR (1e24) ** (1/6) - 1
# = 1e4 - 1 = 9999 = 999,900 %.
GAP = ("gap", "-m", "exports", "--exports-baseline", "1e-6", "--exports-target", "1e18")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", ["1.000e+26 %", "1.000e+24x", "999,900.00 %", "1.000e+18 MAD"]),
        ("fr", ["1,000e+26 %", "1,000e+24 fois", "999 900,00 %", "1,000e+18 MAD"]),
        ("ar", ["1,000e+26%", "1,000e+24 مرة", "999.900,00%", "1,000e+18 درهم"]),
    ],
)
def test_a_gap_of_1e24_times_reads_in_every_language(
    run_installed: RunInstalled, lang: str, shown: list[str]
) -> None:
    result = run_installed("--lang", lang, *GAP)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "InvalidOperation" not in result.stderr
    text = plain(result.stdout)
    for figure in shown:
        assert figure in text
    assert not re.search(r"\d{20}", text.replace(" ", "").replace(".", "").replace(",", ""))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "q", "newer_q"),
    [
        ("en", "2.037e+66", "1.369e+119"),
        ("fr", "2,037e+66", "1,369e+119"),
        ("ar", "2,037e+66", "1,369e+119"),
    ],
)
def test_a_progress_score_of_2e66_reads_and_every_command_works(
    run_installed: RunInstalled, tmp_path: Path, lang: str, q: str, newer_q: str
) -> None:
    scenario = str(_scenario(tmp_path))
    status = run_installed("--lang", lang, "--scenario", scenario, "status", "-m", "huge")
    assert status.returncode == 0, status.stderr
    assert q in status.stdout
    for command in (
        ("report", "-o", str(tmp_path / f"h-{lang}.html")),
        ("chart", "-o", str(tmp_path / f"h-{lang}.svg")),
    ):
        result = run_installed("--lang", lang, "--scenario", scenario, *command)
        assert result.returncode == 0, result.stderr
        assert "Warning" not in result.stderr and "constrained_layout" not in result.stderr
    newer = tmp_path / "newer.toml"
    newer.write_text(EXTREME.replace("value = 0.000002, series", "value = 0.000003, series"))
    diff = run_installed("--lang", lang, "scenario", "diff", scenario, str(newer))
    assert diff.returncode == 0, diff.stderr
    # Q in the newer file: 3e-6 * 3 ** 299 / 1e18 = 1.369e119
    assert q in diff.stdout and newer_q in diff.stdout


def test_scientific_notation_starts_beyond_large() -> None:
    # 1e18 itself (the largest input) keeps every digit; the next size up does not
    assert numbers.number(1e18) == "1,000,000,000,000,000,000"
    assert numbers.number(1e19) == "1.000e+19"
    assert numbers.value("ratio", 2.037035976334486e66, "") == "2.037e+66"
    assert numbers.value("figure", 2.037e84, "USD") == "2.037e+84 USD"
    with human("fr"):
        assert numbers.value("ratio", 2.037035976334486e66, "") == "2,037e+66"
        assert numbers.rate(1e24) == "1,000e+26\xa0%"


# --- 2: finding sentences agree with the status row ------------------------------------------


# jobs: 148,500 in 2024 at the 2022-2024 pace of 6.8788 % a year: 148,500 * 1.068788 ** 6
# = 221,348.08 in 2030 (status --json: projected_at_target_year 221348.079...).
@pytest.mark.slow
@pytest.mark.parametrize(
    ("target", "sentence"),
    [
        # 221,800 - 221,348.08 = 451.92 short; at a step of 1,000 the target read 222,000
        # and the gap 0 "above"; at 100 (the target a whole number of steps): 221,300 and
        # 221,800 - 221,300 = 500 short
        ("221800", "reach about 221,300 in 2030, 500 short of the 221,800 target."),
        # 1,251.92 short: 222,600 - 221,300 = 1,300 (was "221,000 ... 1,000 short of 223,000")
        ("222600", "reach about 221,300 in 2030, 1,300 short of the 222,600 target."),
        # 0.08 above: no whole job between them
        ("221348", "reach about 221,348 in 2030, about level with the 221,348 target."),
        # the built-in target is unchanged: 270,000 - 221,000 = 49,000 at a step of 1,000
        ("270000", "reach about 221,000 in 2030, 49,000 short of the 270,000 target."),
    ],
)
def test_the_brief_finding_adds_up_and_agrees_with_status(
    run_installed: RunInstalled, tmp_path: Path, target: str, sentence: str
) -> None:
    out = tmp_path / "brief.md"
    result = run_installed("report", "-m", "jobs", "--jobs-target", target, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sentence in out.read_text(encoding="utf-8")


def test_the_chart_title_and_french_agree_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["chart", "-m", "jobs", "--jobs-target", "221800", "-o", "c.svg"])
    assert result.exit_code == 0, result.output
    title = ET.parse("c.svg").getroot().find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text is not None
    assert "500 short of the 221,800 target in 2030" in title.text
    for lang, sentence in (
        ("fr", "environ 221 300 en 2030, soit 500 de moins que l'objectif de 221 800."),
        ("ar", "نحو 221.300 في 2030، أي 500 دون الهدف البالغ 221.800."),
    ):
        args = ["--lang", lang, "report", "-m", "jobs", "--jobs-target", "221800", "-o", "b.md"]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert sentence in plain(Path("b.md").read_text(encoding="utf-8"))


def test_small_units_keep_the_digits_of_the_gap(tmp_path: Path) -> None:
    runner = CliRunner()
    scenario = str(_scenario(tmp_path))
    out = str(tmp_path / "b.md")
    result = runner.invoke(cli, ["--scenario", scenario, "report", "-o", out])
    assert result.exit_code == 0, result.output
    text = Path(out).read_text(encoding="utf-8")
    # tiny: 1.9487e-6 -> 0.00000195 at a step of 1e-8; 2e-6 - 1.95e-6 = 5e-8 (row: 5.13e-8)
    assert (
        "reach about 0.00000195 ppm in 2030, 0.00000005 ppm short of the 0.00000200 ppm target."
        in text
    )
    # huge: every figure in scientific notation, no 70-digit number
    assert (
        "reach about 2.037e+84 USD in 2200, 2.037e+84 USD above the 1.000e+18 USD target." in text
    )
    assert not re.search(r"\d{20}", text.replace(",", ""))


def test_figures_never_contradict_the_row() -> None:
    from offshoring_cli.reports.headline import figures

    # projected 221,348.08 against targets around it, jobs: the direction is the row's
    for target, where in (
        (221800, "short"),
        (221300, "above"),
        (221349, "short"),
        (221348, "level"),
    ):
        shortfall = target - 221348.07922735545
        assert figures(target, 221348.07922735545, shortfall, "jobs").where == where
    # a decrease (CO2): 57.2 t against 50 is above the target, the row short by 7.2
    assert figures(50, 57.2, 7.2, "t") == ("50 t", "57.2 t", "7.2 t", "above")


# --- 6: the stacked chart of extreme figures -------------------------------------------------


def test_the_chart_of_extreme_figures_has_readable_ticks(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    runner = CliRunner()
    svg = tmp_path / "c.svg"
    result = runner.invoke(cli, ["--scenario", str(_scenario(tmp_path)), "chart", "-o", str(svg)])
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    # the 300-year panel: a tick every 25 years (13 ticks), not every 2 (151)
    assert "1925" in text and "2175" in text and "1902" not in text
    # the ppm panel (1e-6 to 2e-6, ticks 5e-7 apart): 0.0000010, 0.0000015, 0.0000020
    assert "0.0000015" in text and ">0.0<" not in text
    # the CO2 panel keeps its own years (2020-2030), not 1900-2200
    assert "2026" in text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "sentence", "title"),
    [
        (
            "fr",
            "environ 221 348 en 2030, à peu près au niveau de l'objectif de 221 348.",
            "à peu près au niveau de l'objectif de 221 348 en 2030",
        ),
        (
            "ar",
            "نحو 221.348 في 2030، أي في مستوى الهدف البالغ 221.348 تقريبًا.",
            "في مستوى الهدف البالغ 221.348 تقريبًا في 2030",
        ),
    ],
)
def test_about_level_in_french_and_arabic(
    run_installed: RunInstalled, tmp_path: Path, lang: str, sentence: str, title: str
) -> None:
    # 221,348.08 projected against a target of 221,348: 0.08 of a job above, no whole job
    pytest.importorskip("matplotlib")
    brief, svg = tmp_path / "b.md", tmp_path / "c.svg"
    common = ("--lang", lang)
    done = run_installed(
        *common, "report", "-m", "jobs", "--jobs-target", "221348", "-o", str(brief)
    )
    assert done.returncode == 0, done.stderr
    assert sentence in plain(brief.read_text(encoding="utf-8"))
    done = run_installed(*common, "chart", "-m", "jobs", "--jobs-target", "221348", "-o", str(svg))
    assert done.returncode == 0, done.stderr
    assert title in plain(svg.read_text(encoding="utf-8"))


def test_an_int_beyond_the_float_range_is_written_in_every_language() -> None:
    # 10**400 cannot become a float (largest double 1.8e308): written exactly through Decimal,
    # four significant digits; the formula's refusal names it in each language
    from offshoring_cli import i18n
    from offshoring_cli.core import formulas
    from offshoring_cli.errors import DomainError

    with pytest.raises(DomainError) as refused:
        formulas.cagr(1, 10**400, 1)
    assert str(refused.value) == "growth from 1 to 1.000e+400 in 1 year is too large to represent"
    with i18n.human("fr"):
        assert "de 1 à 1,000e+400 en 1 an" in i18n.say(refused.value.template)
    with i18n.human("ar"):
        assert "1,000e+400" in i18n.say(refused.value.template)
    assert numbers.e_notation(-3 * 10**500) == "-3.000e+500"


def test_a_gap_between_ints_beyond_the_float_range_is_a_domain_error() -> None:
    # 10**400 -> 2 * 10**400 in 6 years: the multiple (2) and the CAGR (2 ** (1/6) - 1) are
    # fine, but the linear increment 10**400 / 6 cannot be a float (largest double 1.8e308)
    from offshoring_cli.core import results
    from offshoring_cli.errors import DomainError

    with pytest.raises(DomainError, match=r"a change of 1\.000e\+400 over 6 years is too large"):
        results.gap(10**400, 2024, 2 * 10**400, 2030)
    # 10**400 -> 270,000: the change, about -10**400, cannot be a float a year either
    with pytest.raises(DomainError, match=r"a change of -1\.000e\+400 over 6 years"):
        results.gap(10**400, 2024, 270_000, 2030)
    assert results.gap(6 * 10**400, 2024, 12 * 10**400, 2030).linear_increment == 10**400
