"""The Python API refuses what the command line refuses, in the same words (the core checks
the values: offshoring_cli.core.checks), with an InputError naming the argument."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import invoke_cli

from offshoring_cli import api
from offshoring_cli.core import checks, grammar
from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import InputError


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [
        # before: ValueError: math domain error (log of 0 or of a negative ratio)
        (lambda: api.gap(baselines={"jobs": 0}), "baseline[jobs]", "'0' must be greater than 0"),
        (lambda: api.gap(baselines={"jobs": -5}), "baseline[jobs]", "'-5' must be greater than 0"),
        (lambda: api.gap(targets={"jobs": -5}), "target[jobs]", "'-5' must be greater than 0"),
        (lambda: api.status(baselines={"jobs": -5}), "baseline[jobs]", "greater than 0"),
        (lambda: api.cagr(targets={"exports": float("nan")}), "target[exports]", "not a finite"),
        # before: accepted silently
        (lambda: api.gap(baselines={"jobs": 150000.5}), "baseline[jobs]", "not a whole number"),
        (lambda: api.gap(baselines={"jobs": 10**30}), "baseline[jobs]", "too large"),
        (lambda: api.project(growth=1e6), "growth", "rates above 1,000 % a year are refused"),
        (lambda: api.project(growth=float("inf")), "growth", "not a finite number"),
        (lambda: api.project(growth=0.08, until=2500), "until", "'2500' is out of range"),
        (lambda: api.gap(base_year=1800), "base_year", "'1800' is out of range"),
        (lambda: api.status(since=1800), "since", "'1800' is out of range"),
        (lambda: api.sensitivity(years=[3000]), "years", "'3000' is out of range"),
        (lambda: api.sensitivity(years=[2030, 2030]), "years", "2030 is given twice"),
        # before: "nan and nan both read 'Target -NaN %'"
        (lambda: api.sensitivity(changes=[float("nan")]), "changes", "'nan' is not a finite"),
        (lambda: api.sensitivity(changes=[11.0]), "changes", "rates above 1,000 %"),
    ],
)
def test_the_api_refuses_bad_values_naming_the_argument(
    call: Any, field: str, message: str
) -> None:
    with pytest.raises(InputError) as raised:
        call()
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda: api.gap(baselines={"jobs": 150000.5}), ("gap", "--jobs-baseline", "150000.5")),
        (lambda: api.gap(targets={"jobs": -5}), ("gap", "--jobs-target=-5")),
        (lambda: api.gap(baselines={"jobs": 10**30}), ("gap", "--jobs-baseline", "1" + "0" * 30)),
        (lambda: api.sensitivity(years=[3000]), ("sensitivity", "--years", "3000")),
    ],
)
def test_the_api_and_the_command_line_say_the_same(call: Any, args: tuple[str, ...]) -> None:
    with pytest.raises(InputError) as raised:
        call()
    problem = str(raised.value).split(": ", 1)[1]
    result = invoke_cli(*args)
    assert result.exit_code == 2
    assert problem in result.output.replace("\n", " ")


def test_good_values_still_pass() -> None:
    # a whole float is a whole number of jobs: 270,000 - 150,000 = 120,000
    assert api.gap(baselines={"jobs": 150_000.0}).rows[0]["gap"] == 120_000
    # -100 % keeps the report's own words
    with pytest.raises(InputError, match="would make the target zero or negative"):
        api.sensitivity(changes=[-1.0])


def test_to_dataframe_of_something_else_is_a_type_error() -> None:
    # before: AttributeError ('str' object has no attribute 'records'), or MissingExtra
    with pytest.raises(TypeError, match=r"report must be a report such as api\.gap"):
        api.to_dataframe("x")


def test_a_list_of_non_ids_is_named_plainly() -> None:
    # before: "... (['jobs'], not 'jobs'), not [1]"
    with pytest.raises(TypeError) as raised:
        api.gap(metrics=[1])  # type: ignore[list-item]
    assert str(raised.value) == "metrics must be a list of indicator ids as str (['jobs']), not [1]"


# ---------------------------------------------------------------------------------------------
# The core's checks one by one (offshoring_cli.core.checks): their bounds and their words


def _refusal(call: Any) -> tuple[str, str]:
    with pytest.raises(InputError) as raised:
        call()
    return raised.value.field, str(raised.value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # -100 % and below: a rate must be greater than -1 (the value would reach 0 or less)
        (-1.0, "growth: '-1.0': a rate must be greater than -100 %"),
        (-1.5, "growth: '-1.5': a rate must be greater than -100 %"),
        # above MAX_RATE = 10.0 (1,000 % a year), however little
        (10.000001, "growth: '10.000001': rates above 1,000 % a year are refused"),
        (1e6, "growth: '1000000.0': rates above 1,000 % a year are refused"),
        (float("nan"), "growth: 'nan' is not a finite number; give a fraction such as 0.08"),
        (float("inf"), "growth: 'inf' is not a finite number; give a fraction such as 0.08"),
        (float("-inf"), "growth: '-inf' is not a finite number; give a fraction such as 0.08"),
    ],
)
def test_a_rate_is_refused_in_the_grammars_words(value: float, message: str) -> None:
    assert _refusal(lambda: checks.rate("growth", value)) == ("growth", message)


@pytest.mark.parametrize("value", [-0.99, -0.5, 0.0, 0.08, 10.0])
def test_a_rate_above_minus_100_and_up_to_1000_percent_passes(value: float) -> None:
    # -99 % (just above -100 %) to +1,000 % (MAX_RATE = 10.0 itself) are accepted
    assert checks.rate("growth", value) is None


@pytest.mark.parametrize(("value", "shown"), [(1899, "1899"), (2201, "2201"), (-5, "-5")])
def test_a_year_out_of_range_is_refused(value: int, shown: str) -> None:
    message = f"until: '{shown}' is out of range; give a year from 1900 to 2200."
    assert _refusal(lambda: checks.year("until", value)) == ("until", message)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([2030, 2031, 2030],
         "years: '2030, 2031, 2030': 2030 is given twice; give each year once."),
        ([2031, 2030, 2035, 2030],
         "years: '2031, 2030, 2035, 2030': 2030 is given twice; give each year once."),
        ([2030, 1800], "years: '1800' is out of range; give a year from 1900 to 2200."),
    ],
)  # fmt: skip
def test_a_list_of_years_is_refused_for_a_year_out_of_range_or_given_twice(
    values: list[int], message: str
) -> None:
    # the year given twice is named (2030, not the first year given, 2031, in the second list)
    assert _refusal(lambda: checks.years("years", values)) == ("years", message)


@pytest.mark.parametrize(
    ("field", "value", "unit", "whole", "signed", "message"),
    [
        # not greater than 0 (a figure that is not signed), in the unit's words
        ("target[exports]", 0.0, "MAD", False, False,
         "'0.0' must be greater than 0; give a number such as 26220000000, 26.22bn or "
         "26.22 bn MAD"),
        ("baseline[jobs]", -3, "jobs", True, False,
         "'-3' must be greater than 0 (a count cannot be negative)"),
        # below 1e-6 or above 1e18 in size, signed or not
        ("target[exports]", 9.99e-7, "MAD", False, False,
         "'9.99e-07' is too small (at least 1e-6); did you forget a suffix such as bn?"),
        ("target[exports]", -1e-7, "MAD", False, True,
         "'-1e-07' is too small (at least 1e-6); did you forget a suffix such as bn?"),
        ("target[exports]", 1.0000001e18, "MAD", False, False,
         "'1.0000001e+18' is too large (at most 1e18); did you add an extra suffix?"),
        # not whole, for a count
        ("baseline[jobs]", 2.5, "jobs", True, False,
         "'2.5' is not a whole number of jobs; give a count such as 148500, 148,500 or 148.5k"),
        ("baseline[jobs]", float("nan"), "jobs", True, False, "'nan' is not a finite number"),
    ],
)  # fmt: skip
def test_a_figure_is_refused_in_the_grammars_words(
    field: str, value: float, unit: str, whole: bool, signed: bool, message: str
) -> None:
    got = _refusal(lambda: checks.figure(field, value, unit, whole, signed))
    assert got[0] == field
    assert got[1].startswith(f"{field}: {message}")


def test_a_figure_is_refused_at_zero_unless_signed() -> None:
    # figure()'s signed defaults to False: 0 is refused; signed, 0 and -5 pass
    assert _refusal(lambda: checks.figure("target[exports]", 0, "MAD", False))[1].startswith(
        "target[exports]: '0' must be greater than 0"
    )
    assert checks.figure("change", 0, "MAD", False, signed=True) is None
    assert checks.figure("change", -5.0, "MAD", False, signed=True) is None


@pytest.mark.parametrize(
    ("value", "unit", "whole", "signed"),
    [
        (1e-6, "MAD", False, False),  # the bounds themselves: 1e-6 ...
        (1e18, "MAD", False, False),  # ... and 1e18
        (0.5, "MAD", False, False),  # an amount need not be whole, nor above 1
        (150_000.0, "jobs", True, False),  # a whole float is a whole count
        (148_500, "jobs", True, False),
        (0, "MAD", False, True),  # signed: 0 ...
        (-1e18, "MAD", False, True),  # ... and a negative value up to 1e18 in size
    ],
)
def test_a_good_figure_passes_without_the_grammar(
    monkeypatch: pytest.MonkeyPatch, value: float, unit: str, whole: bool, signed: bool
) -> None:
    # "cheap when the value is good": a good value is never read again by the grammar
    def never(*args: Any) -> None:
        raise AssertionError(f"the grammar was asked about a good value: {args}")

    monkeypatch.setattr(grammar, "parse_quantity", never)
    assert checks.figure("baseline[x]", value, unit, whole, signed) is None


@pytest.mark.parametrize("value", [None, 1900, 2024, 2200])
def test_a_year_in_range_passes_without_the_grammar(
    monkeypatch: pytest.MonkeyPatch, value: int | None
) -> None:
    # 1900 and 2200 are the bounds (FIRST_YEAR, LAST_YEAR), both accepted; None: not given
    def never(*args: Any) -> None:
        raise AssertionError(f"the grammar was asked about a good year: {args}")

    monkeypatch.setattr(grammar, "check_year", never)
    assert checks.year("base_year", value) is None
    assert checks.years("years", [] if value is None else [value, 2100]) is None


@pytest.mark.parametrize(
    ("options", "field", "message"),
    [
        ({"base_year": 1899}, "base_year", "'1899' is out of range"),
        ({"target_year": 2201}, "target_year", "'2201' is out of range"),
        # jobs are counted (whole), exports are MAD (any amount)
        ({"baselines": {"jobs": 150_000.5}}, "baseline[jobs]",
         "'150000.5' is not a whole number of jobs"),
        ({"targets": {"exports": 0.0}}, "target[exports]",
         "'0.0' must be greater than 0; give a number such as 26220000000"),
        ({"targets": {"jobs": 1e19}}, "target[jobs]", "'1e+19' is too large (at most 1e18)"),
        ({"baselines": {"jobs": -1e-7}}, "baseline[jobs]",
         "'-1e-07' must be greater than 0 (a count cannot be negative)"),
    ],
)  # fmt: skip
def test_the_options_are_refused_naming_the_input(
    options: dict[str, Any], field: str, message: str
) -> None:
    got = _refusal(lambda: checks.given(Options(**options)))
    assert got[0] == field
    assert got[1].startswith(f"{field}: {message}")


def test_good_options_pass_and_an_unknown_id_is_left_to_the_selection() -> None:
    # 150,000.5 is a fine amount of MAD (exports are not counted); "nope" is no indicator of
    # the dataset: Options.selected names it later, not this check
    good = Options(
        base_year=2022,
        target_year=2030,
        baselines={"jobs": 130_000, "exports": 150_000.5},
        targets={"jobs": 270_000.0, "nope": -5},
    )
    assert checks.given(good) is None
