"""The input grammar of figures and years: counts, amounts (k, M, bn, Md/Mds milliards; MMDH and
MDH refused, not guessed), already converted values, refusals naming examples to type
instead, and the metavars.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.exceptions import BadParameter
from conftest import RunInstalled
from helpers import README, run_piped
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offshoring_cli.cli import params
from offshoring_cli.core import grammar, resolve


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
    ("\u22125", "greater than 0"),  # the minus sign U+2212 is read as "-" (s5 finding 10)
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


# ---------------------------------------------------------------------------------------------
# "Did you mean" hints are valid input


@pytest.mark.slow
def test_missing_suffix_hint_reads_naturally_and_is_valid() -> None:
    # Before: "did you mean 1e+06k?" (1,000,000 MAD with a k: neither natural nor what
    # one would type).
    proc = run_piped(["gap", "--exports-baseline", "1000000", "--json"])
    assert proc.returncode == 0
    assert "1e+06" not in proc.stderr
    assert "did you mean 1bn?" in proc.stderr  # 1,000,000 * 10^3 = 10^9 MAD
    # The README's examples still hold: 40 -> 40bn, 100 jobs -> 100k.
    proc = run_piped(["gap", "--exports-target", "40", "--json"])
    assert "did you mean 40bn?" in proc.stderr
    proc = run_piped(["gap", "-m", "jobs", "--jobs-baseline", "100", "--json"])
    assert "did you mean 100k?" in proc.stderr
    # 26,220 MAD was 26.22 bn MAD typed in thousands... of millions: 26,220 * 10^6.
    proc = run_piped(["gap", "--exports-baseline", "26220", "--json"])
    assert "did you mean 26.22bn?" in proc.stderr


@pytest.mark.slow
def test_no_suffix_hint_when_no_suffix_explains_the_value() -> None:
    # 5e-6 MAD: even 5e-6 bn (5,000 MAD) is at least 1,000 times below 26.22 bn; before, the
    # hint was "did you mean 5e-06bn?".
    proc = run_piped(["gap", "--exports-baseline", "0.000005", "--json"])
    assert proc.returncode == 0
    assert "did you mean" not in proc.stderr
    assert "check the unit." in proc.stderr


@pytest.mark.parametrize(
    ("given", "reference", "whole", "hint"),
    [
        (1_000_000, 26_220_000_000, False, "did you mean 1bn?"),
        (26.22, 26_220_000_000, False, "did you mean 26.22bn?"),
        (1.5, 40_000_000_000, False, "did you mean 1.5bn?"),
        (100, 148_500, True, "did you mean 100k?"),
        (1, 148_500, True, "did you mean 1M?"),  # 10^6 is within 1,000 times of 148,500
        (0.000005, 26_220_000_000, False, "check the unit."),
        (148_500_000_000, 148_500, True, "check the unit."),
    ],
)
def test_magnitude_warning_hints(given: float, reference: int, whole: bool, hint: str) -> None:
    warning = resolve._magnitude_warning("--x", given, reference, whole)
    assert warning is not None and warning.endswith(f": {hint}")


@pytest.mark.slow
def test_target_year_hint_is_never_outside_the_year_range() -> None:
    # Before: "give a later --target-year (e.g. 2201)", a year the command line refuses.
    args = ["gap", "-m", "jobs", "--jobs-baseline", "100k", "--target-year", "2030"]
    proc = run_piped([*args, "--base-year", "2200"])
    assert proc.returncode == 2
    assert "2201" not in proc.stderr
    assert "choose an earlier --base-year" in proc.stderr
    proc = run_piped([*args, "--base-year", "2100"])
    assert proc.returncode == 2
    assert "give a later --target-year (e.g. 2101)" in proc.stderr


@pytest.mark.parametrize(
    ("kind", "text", "absent", "present"),
    [
        ("RATE", "1e6", "1e6%", "a bare number is a fraction"),  # 1e6 % is over 1,000 %
        ("RATE", "2024", "2024%", "a bare number is a fraction"),
        ("RATE", "1,5", "1.5", "use a dot for decimals"),  # 1.5 bare is refused too
        ("JOBS", "26,22", "decimals: 26.22", "jobs are whole numbers"),  # 26.22 jobs: not whole
        ("JOBS", "148,5", "decimals: 148.5", "jobs are whole numbers"),
        ("RATES", "1,500%", "1_500%", "ambiguous"),  # 1,500 % is over 1,000 %
    ],
)
def test_no_hint_that_would_be_refused(kind: str, text: str, absent: str, present: str) -> None:
    with pytest.raises(BadParameter) as info:
        getattr(params, kind).convert(text, None, None)
    assert absent not in info.value.message
    assert present in info.value.message


@pytest.mark.parametrize(
    ("kind", "text", "suggestion"),
    [
        ("RATE", "12", "12%"),
        ("RATE", "-5", "-5%"),
        ("RATE", "12,5%", "12.5%"),
        ("RATE", "0,08", "0.08"),
        ("MAD", "26,22", "26.22"),
        ("MAD", "26,22 bn", "26.22 bn"),
        ("MAD", "0,500", "0.500"),  # a leading 0 group is a decimal comma, not thousands
        ("JOBS", "148 500", "148_500"),
        ("JOBS", "148\u202f500 jobs", "148_500 jobs"),
        ("INCREMENT", "-1,5k", "-1.5k"),
        ("RATES", "10%,1,000%", "1_000%"),
        ("YEARS", "2035-2028", "2028-2035"),
    ],
)
def test_hints_that_are_given_are_valid(kind: str, text: str, suggestion: str) -> None:
    converter = getattr(params, kind)
    with pytest.raises(BadParameter) as info:
        converter.convert(text, None, None)
    assert suggestion in info.value.message
    converter.convert(suggestion, None, None)  # raises if the hint were not valid input


SUGGESTION = re.compile(
    r"(?:use a dot for decimals: |percent type |for one rate type |the range runs backwards; "
    r"type |group digits with _ or commas: )(.+?)\.?$"
)
"""Where the grammar's messages put a concrete spelling to type instead."""

CONVERTERS = {
    "JOBS": params.JOBS,
    "MAD": params.MAD,
    "INCREMENT": params.INCREMENT,
    "RATE": params.RATE,
    "RATES": params.RATES,
    "YEARS": params.YEARS,
}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(CONVERTERS)),
    st.text(alphabet="0123456789,._ -+%ekKMmbn", min_size=1, max_size=12),
)
def test_every_suggested_spelling_is_accepted(kind: str, text: str) -> None:
    converter = CONVERTERS[kind]
    try:
        converter.convert(text, None, None)
    except BadParameter as error:
        found = SUGGESTION.search(error.message)
        if found:
            converter.convert(found[1], None, None)  # the hint must itself be valid input


@pytest.mark.parametrize("unit", sorted(grammar.EXAMPLES))
def test_the_examples_in_messages_are_valid_input(unit: str) -> None:
    # "give a number such as ..." is a hint too: each example is accepted where it is shown
    # (for --increment, whichever metric is chosen).
    examples = re.split(r", | or ", grammar.EXAMPLES[unit])
    assert len(examples) >= 3
    for example in examples:
        if unit:
            getattr(params, {"jobs": "JOBS", "MAD": "MAD"}[unit]).convert(example, None, None)
        else:
            quantity = params.INCREMENT.convert(example, None, None)
            params.INCREMENT.in_unit(quantity, "jobs")
            params.INCREMENT.in_unit(quantity, "MAD")


def test_suggest_quantity_reads_back_exactly() -> None:
    assert grammar.suggest_quantity(26_220_000_000, "MAD", whole=False) == "26.22bn"
    assert grammar.suggest_quantity(1_500_000, "jobs", whole=True) == "1.5M"
    assert grammar.suggest_quantity(1234.5, "MAD", whole=False) == "1.2345k"
    assert grammar.suggest_quantity(0.5, "", whole=False) == "0.5"
    assert grammar.suggest_quantity(0.5, "jobs", whole=True) is None  # not a whole count
    assert grammar.suggest_quantity(1e-7, "MAD", whole=False) is None  # below 10^-6
    assert grammar.suggest_quantity(2e18, "MAD", whole=False) is None  # above 10^18


# ---------------------------------------------------------------------------------------------
# One grammar for every count, amount and rate


@pytest.mark.slow
def test_increment_takes_the_unit_word_like_the_other_count_options() -> None:
    # Before: --increment '15k jobs' was "unknown suffix 'jobs'" although --jobs-baseline
    # '148500 jobs' is accepted.
    def increment(*args: str) -> Any:
        proc = run_piped(["project", *args, "--json"])
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["results"][0]["increment_per_year"]

    assert increment("-m", "jobs", "--increment", "15k jobs") == 15_000  # 15 * 10^3
    assert increment("-m", "jobs", "--increment", "15kjobs") == 15_000
    assert increment("-m", "jobs", "--increment", "15,000 jobs") == 15_000
    assert increment("-m", "jobs", "--increment", "-50k jobs") == -50_000
    assert increment("-m", "exports", "--increment", "2bn MAD") == 2_000_000_000  # 2 * 10^9
    assert increment("-m", "exports", "--increment", "1.5 bn") == 1_500_000_000


@pytest.mark.slow
@pytest.mark.parametrize(
    ("metric", "text", "fragment"),
    [
        ("jobs", "15k MAD", "the unit here is jobs, not 'MAD'"),
        ("exports", "2bn jobs", "the unit here is MAD, not 'jobs'"),
        ("jobs", "15 kk", "unknown suffix or unit 'kk'"),
        ("jobs", "1.5 jobs", "not a whole number of jobs"),
        ("jobs", "15k tonnes", "the unit here is jobs, not 'tonnes'"),
    ],
)
def test_increment_with_another_unit_is_refused(metric: str, text: str, fragment: str) -> None:
    proc = run_piped(["project", "-m", metric, "--increment", text, "--json"])
    assert proc.returncode == 2
    assert proc.stdout == ""
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "'--increment'" in errors[0] and fragment in errors[0], errors[0]


def test_increment_api_reads_the_text_in_the_metric_unit() -> None:
    quantity = params.INCREMENT.convert("15k jobs", None, None)
    assert quantity == grammar.Quantity(15_000, "jobs", "15k jobs")
    assert params.INCREMENT.in_unit(quantity, "jobs") == 15_000
    with pytest.raises(ValueError, match="the unit here is MAD"):
        params.INCREMENT.in_unit(quantity, "MAD")
    glued = params.INCREMENT.convert("15kjobs", None, None)
    assert params.INCREMENT.in_unit(glued, "jobs") == 15_000


SEPARATED = {"1,000": 1_000, "1_000": 1_000, "1,234,567.5": 1_234_567.5, "1_234_567.5": 1_234_567.5}
SEPARATED_BAD = ["1,0000", "1,00", "0,100,000", "1 000", "1,000_000", "1__000", "_1000", "1000_"]


@pytest.mark.parametrize("text", sorted(SEPARATED))
def test_digit_groups_follow_one_rule_for_amounts_counts_and_rates(text: str) -> None:
    value = SEPARATED[text]
    assert params.MAD.convert(text, None, None) == value
    assert params.INCREMENT.convert(text, None, None).value == value
    if value == int(value):
        assert params.JOBS.convert(f"{text} jobs", None, None) == value
    # The same digits as a rate: 1,000 % = 10 (the largest rate); a bigger one is refused as
    # too large, not as a number the grammar cannot read.
    if value == 1_000:
        assert params.RATE.convert(f"{text}%", None, None) == 10.0
    else:
        with pytest.raises(BadParameter, match="above 1,000 %"):
            params.RATE.convert(f"{text}%", None, None)


@pytest.mark.parametrize("text", SEPARATED_BAD)
def test_bad_digit_groups_are_refused_everywhere(text: str) -> None:
    for converter in (params.MAD, params.JOBS, params.INCREMENT):
        with pytest.raises(BadParameter):
            converter.convert(text, None, None)
    with pytest.raises(BadParameter):
        params.RATE.convert(f"{text}%", None, None)


@pytest.mark.slow
def test_a_list_of_rates_never_reads_a_thousands_comma_as_two_rates() -> None:
    # --changes 1,000% was silently 100 % and 0 %.
    proc = run_piped(["sensitivity", "-m", "jobs", "--changes", "1,000%", "--json"])
    assert proc.returncode == 2
    assert "for one rate type 1_000%" in proc.stderr
    proc = run_piped(["sensitivity", "-m", "jobs", "--changes", "0,1_000%", "--json"])
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)["results"][0]
    # 0 and 1_000 %: the target as set, and 11 times it (1 + 1,000 %).
    assert {"required_cagr_target_as_set", "required_cagr_target_plus_1000pct"} <= set(row)


@pytest.mark.slow
def test_the_rule_is_documented_in_help_and_readme() -> None:
    proc = run_piped(["gap", "--help"])
    help_text = " ".join(proc.stdout.split())
    assert "commas between groups of three before the point" in help_text
    assert "_ between digits" in help_text and "not both" in help_text
    # tailored (fresh-user item 18): --increment and rates only where the command takes them
    assert "--increment" not in help_text and "Rates" not in help_text
    project = " ".join(run_piped(["project", "--help"]).stdout.split())
    assert "--increment 15k jobs" in project and "Rates: 8% or 0.08" in project
    sensitivity = " ".join(run_piped(["sensitivity", "--help"]).stdout.split())
    assert "--increment" not in sensitivity and "Rates (--changes)" in sensitivity
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    grammar = readme.split("### Input grammar", 1)[1].split("\n## ", 1)[0]
    assert "groups of exactly three" in grammar and "not both" in grammar
    assert "--increment" in grammar
