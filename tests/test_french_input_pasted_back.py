"""Under --lang fr/ar, a figure as the tool prints it can be typed back (findings, item 9)."""

from __future__ import annotations

import pytest
from helpers import invoke_cli

from offshoring_cli import i18n
from offshoring_cli.core.grammar import quoted
from offshoring_cli.core.grammar_fr import parse_french_quantity


@pytest.mark.parametrize(
    ("lang", "text", "unit", "value"),
    [
        # the outputs' own spellings: narrow no-break space, French and Arabic unit words
        ("fr", "148\u202f500 emplois", "jobs", 148_500),
        ("fr", "1 emploi", "jobs", 1),
        ("fr", "26,22 Md MAD", "MAD", 26_220_000_000),
        ("fr", "850,00 M MAD", "MAD", 850_000_000),
        ("ar", "26,22 مليار درهم", "MAD", 26_220_000_000),
        ("ar", "148.500 منصب شغل", "jobs", 148_500),
        # one dot before three digits: jobs are whole, so 148.500 can only be 148,500
        ("fr", "148.500", "jobs", 148_500),
    ],
)
def test_a_printed_figure_reads_back(lang: str, text: str, unit: str, value: int) -> None:
    i18n.choose(lang)
    try:
        assert parse_french_quantity(text, unit, whole=unit == "jobs").value == value
    finally:
        i18n.choose("en")


def test_the_installed_words_work_on_the_command_line() -> None:
    # before: "suffixe ou unité inconnus 'emplois'"; 270,000 - 148,500 = 121,500
    result = invoke_cli(
        "--lang", "fr", "gap", "-m", "jobs", "--jobs-baseline", "148\u202f500 emplois", "--json"
    )
    assert result.exit_code == 0, result.output
    assert '"gap": 121500' in result.output


def test_the_echo_shows_the_input_as_typed() -> None:
    # before: '148\\u202f500 emplois' (escaped)
    assert quoted("148\u202f500 x") == "'148\u202f500 x'"
    assert quoted("1\xa0000") == "'1\xa0000'"
    assert quoted("a\x00b") == "'a\\x00b'"  # other invisible characters stay escaped
    result = invoke_cli(
        "--lang", "fr", "gap", "-m", "jobs", "--jobs-baseline", "148\u202f500 emploiss"
    )
    assert result.exit_code == 2
    assert "'148\u202f500 emploiss' : suffixe ou unité inconnus 'emploiss'" in result.output
    assert "puis éventuellement emplois" in result.output


def test_an_ambiguous_dot_suggests_only_valid_input() -> None:
    # 26.220 MAD: 26,220 or 26.22, both valid amounts: still refused, with both spellings
    result = invoke_cli("--lang", "fr", "gap", "-m", "exports", "--exports-baseline", "26.220")
    assert result.exit_code == 2
    assert "écrivez 26 220 (ou 26220) pour le premier, 26,22 pour le second" in result.output
    # 148.500 jobs: 148.5 is no whole number of jobs, so no "148,5 pour le second"
    jobs = invoke_cli("--lang", "fr", "gap", "-m", "jobs", "--jobs-baseline", "148.500", "--json")
    assert jobs.exit_code == 0 and '"gap": 121500' in jobs.output
