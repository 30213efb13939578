"""The Python API refuses what the command line refuses, in the same words (the core checks
the values: offshoring_cli.core.checks), with an InputError naming the argument."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import invoke_cli

from offshoring_cli import api
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
