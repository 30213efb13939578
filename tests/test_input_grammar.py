"""The input grammar of figures and years: counts, amounts (k, M, bn, Md/Mds milliards; MMDH and
MDH refused, not guessed), already converted values, refusals naming examples to type
instead, and the metavars.
"""

from __future__ import annotations

import pytest
from click.exceptions import BadParameter
from conftest import RunInstalled
from helpers import README

from offshoring_cli.cli import params


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "value"),
    # milliard(s): 26.22 * 10^9 = 26,220,000,000
    [("26.22 Md", 26_220_000_000), ("26.22mds", 26_220_000_000), ("26.22 Mds MAD", 26_220_000_000)],
)
def test_md_and_mds_are_milliards(run_installed: RunInstalled, typed: str, value: int) -> None:
    done = run_installed("gap", "-m", "exports", "--exports-baseline", typed, "--json")
    assert done.returncode == 0, done.stderr
    assert f'"baseline": {value},' in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("typed", ["26.2 MMDH", "850 MDH", "26.2MMDH"])
def test_mmdh_and_mdh_are_refused_not_guessed(run_installed: RunInstalled, typed: str) -> None:
    # MMDH (milliards of dirhams) and MDH (millions of dirhams) are 1,000 apart: neither is read.
    done = run_installed("gap", "-m", "exports", "--exports-baseline", typed, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "unknown suffix or unit" in done.stderr
    assert "MMDH" in README and "MDH" in README and "`Mds`" in README


# (text, expected value) for --jobs-* (JOBS: whole counts)
JOBS_ACCEPTED = [
    ("148500", 148_500),
    ("148_500", 148_500),
    ("148,500", 148_500),
    ("148.5k", 148_500),  # 148.5 * 10**3
    ("148.5 K", 148_500),  # suffixes are case-insensitive, a space is allowed
    ("2.7e5", 270_000),  # 2.7 * 10**5
    ("270000", 270_000),
    ("1.5M", 1_500_000),
    ("2mn", 2_000_000),
    ("40B", 40_000_000_000),
    ("+5", 5),
    ("148,500 jobs", 148_500),  # the unit may follow
    ("148500jobs", 148_500),
    ("1,000,000", 1_000_000),
    (" 148500 ", 148_500),
    ("1e18", 10**18),  # the largest accepted quantity
]

# (text, expected value) for --exports-* (MAD: amounts, may be fractional)
MAD_ACCEPTED = [
    ("148500", 148_500),
    ("148_500", 148_500),
    ("148,500", 148_500),
    ("148.5k", 148_500),
    ("2.7e5", 270_000),
    ("26.22bn", 26_220_000_000),  # 26.22 * 10**9, exact: no 26219999999.999996
    ("26.22 bn MAD", 26_220_000_000),
    ("26.22bn MAD", 26_220_000_000),
    ("26220000000", 26_220_000_000),
    ("40 Md", 40_000_000_000),
    ("40B", 40_000_000_000),
    ("40bn", 40_000_000_000),
    ("1.5M", 1_500_000),
    ("2mn", 2_000_000),
    ("+5", 5),
    (".5", 0.5),
    ("1,234.5", 1_234.5),
    ("0.1", 0.1),
]


@pytest.mark.parametrize(("text", "expected"), JOBS_ACCEPTED)
def test_jobs_accepts(text: str, expected: int) -> None:
    got = params.JOBS.convert(text, None, None)
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize(("text", "expected"), MAD_ACCEPTED)
def test_mad_accepts(text: str, expected: float) -> None:
    got = params.MAD.convert(text, None, None)
    assert got == expected
    # whole amounts come back as exact ints, fractional ones as floats
    assert type(got) is type(expected)


def test_mad_26_22bn_is_an_exact_int() -> None:
    got = params.MAD.convert("26.22bn", None, None)
    assert type(got) is int
    assert got == 26_220_000_000


@pytest.mark.parametrize("value", [148_500, 0.5])
def test_already_converted_values_pass_through(value: float) -> None:
    # Click calls convert() again on defaults that are already numbers.
    assert params.MAD.convert(value, None, None) == value


# (text, fragment of the message) refused by both JOBS and MAD
REFUSED = [
    ("12,34,5", "groups of three"),
    ("1.2.3", "is not a number"),
    ("abc", "is not a number"),
    ("nan", "not a finite number"),
    ("NaN", "not a finite number"),
    ("inf", "not a finite number"),
    ("-inf", "not a finite number"),
    ("+inf", "not a finite number"),
    ("Infinity", "not a finite number"),
    ("1e309", "too large"),
    ("1e19", "too large"),
    ("0", "greater than 0"),
    ("0.0", "greater than 0"),
    ("0e5", "greater than 0"),
    ("-5", "greater than 0"),
    ("", "empty"),
    ("   ", "empty"),
    ("26.22xy", "unknown suffix"),
    ("1__0", "is not a number"),
    ("+", "is not a number"),
    ("\u22125", "is not a number"),  # a Unicode minus sign is not a plus or a digit
]


@pytest.mark.parametrize("quantity", [params.JOBS, params.MAD], ids=["JOBS", "MAD"])
@pytest.mark.parametrize(("text", "fragment"), REFUSED)
def test_refused(quantity: params.QuantityType, text: str, fragment: str) -> None:
    with pytest.raises(BadParameter) as info:
        quantity.convert(text, None, None)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("148.55", "whole number"),
        (".5", "whole number"),
        ("1,234.5", "whole number"),
        ("1e-5", "whole number"),
        ("26.22 bn MAD", "the unit here is jobs, not 'MAD'"),  # MAD is not a unit of jobs
        # No "use a dot for decimals: 26.22" hint: 26.22 is not a whole number of jobs.
        ("26,22", "jobs are whole numbers"),
    ],
)
def test_jobs_refused(text: str, fragment: str) -> None:
    with pytest.raises(BadParameter) as info:
        params.JOBS.convert(text, None, None)
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("148,500 jobs", "unknown suffix"),  # jobs is not a unit of MAD
        ("26,22", "use a dot for decimals: 26.22"),
    ],
)
def test_mad_refused(text: str, fragment: str) -> None:
    with pytest.raises(BadParameter) as info:
        params.MAD.convert(text, None, None)
    assert fragment in info.value.message


def test_refusal_names_examples_to_type_instead() -> None:
    with pytest.raises(BadParameter) as info:
        params.MAD.convert("abc", None, None)
    assert "26.22bn" in info.value.message


@pytest.mark.parametrize("text", ["1e99999999999", "1e999999999k"])
def test_huge_exponent_is_refused_as_too_large(text: str) -> None:
    # Beyond decimal's exponent range: refused as too large, not a decimal.Overflow crash.
    with pytest.raises(BadParameter, match="too large"):
        params.MAD.convert(text, None, None)


@pytest.mark.parametrize("quantity", [params.JOBS, params.MAD], ids=["JOBS", "MAD"])
@pytest.mark.parametrize("text", ["1e-99999999999", "1e-400", "2e-400"])
def test_vanishing_values_are_refused(quantity: params.QuantityType, text: str) -> None:
    with pytest.raises(BadParameter):
        quantity.convert(text, None, None)


def test_negative_amount_message_grammar() -> None:
    with pytest.raises(BadParameter) as info:
        params.MAD.convert("-5", None, None)
    assert "a amount" not in info.value.message
    assert "an amount cannot be negative" in info.value.message


# ---------------------------------------------------------------------------------------------
# YEAR


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2030", 2030), ("1900", 1900), ("2200", 2200), (" 2024 ", 2024), (2030, 2030)],
)
def test_year_accepts(text: str | int, expected: int) -> None:
    got = params.YEAR.convert(text, None, None)
    assert got == expected
    assert type(got) is int


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("20x", "not a year"),
        ("2030.5", "not a year"),
        ("", "not a year"),
        ("30", "not a year"),
        ("20300", "not a year"),
        ("1800", "out of range"),
        ("1899", "out of range"),
        ("2201", "out of range"),
        ("\u0662\u0660\u0663\u0660", "not a year"),  # Arabic-Indic digits
    ],
)
def test_year_refused(text: str, fragment: str) -> None:
    with pytest.raises(BadParameter) as info:
        params.YEAR.convert(text, None, None)
    assert fragment in info.value.message


def test_metavars() -> None:
    import click

    option = click.Option(["--x"])
    assert params.JOBS.get_metavar(option) == "JOBS"
    assert params.MAD.get_metavar(option) == "MAD"
    assert params.YEAR.get_metavar(option) == "YEAR"
