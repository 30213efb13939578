"""Tests written to kill the mutants that survived ``mutmut run`` (see ``docs/mutation.md``).

Each test pins a behaviour that the rest of the suite left open: which argument an error
message names, an exact boundary (``>=`` against ``>``), the float path of a function whose other
tests all use ints, the search in :func:`formulas.periods_to_reach`. Expected values are worked out
by hand in the comments or follow from a definition (a 50-digit ``decimal`` reference, a target
placed exactly on project()'s value), never copied from the code's output.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, localcontext
from typing import Any

import pytest

from offshoring_cli.core import formulas, methods, records, results
from offshoring_cli.errors import DomainError

TEXT: Any = "0.5"
"""A number written as text: never accepted where a number is expected."""


def loose(x: object) -> Any:
    """``x``, typed as ``Any``: an argument of the wrong type, on purpose."""
    return x


# ---------------------------------------------------------------------------------------------
# Error messages name the argument at fault (a message is what the CLI shows the user)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: formulas.cagr(0, 1, 1), r"^start must be greater than 0"),
        (lambda: formulas.cagr(1, 0, 1), r"^end must be greater than 0"),
        (lambda: results.gap(0, 2024, 100, 2030), r"^baseline must be greater than 0"),
        (lambda: results.gap(100, 2024, 0, 2030), r"^target must be greater than 0"),
        (lambda: formulas.project(0, 0.1, 1), r"^value must be greater than 0"),
        (lambda: formulas.periods_to_reach(0, 100, 0.1), r"^value must be greater than 0"),
        (lambda: formulas.periods_to_reach(100, 0, 0.1), r"^target must be greater than 0"),
        (lambda: formulas.periods_to_reach_linear(math.nan, 1, 1), r"^value must be a finite"),
        (lambda: formulas.periods_to_reach_linear(1, math.inf, 1), r"^target must be a finite"),
        (lambda: formulas.periods_to_reach_linear(1, 2, math.nan), r"^increment must be a finite"),
        (
            lambda: results.gap(1, loose(2024.0), 2, 2030),
            r"^the base year must be a whole",
        ),
        (
            lambda: results.gap(1, 2024, 2, loose(2030.5)),
            r"^the target year must be a whole",
        ),
        (lambda: results.gap(1, 2024, 2, True), r"^the target year must be a whole"),
        (
            lambda: results.actual_growth(loose(2022.0), 1, 2024, 2),
            r"^the start year must be a whole",
        ),
        (
            lambda: results.actual_growth(2022, 1, loose(2024.0), 2),
            r"^the end year must be a whole",
        ),
        (lambda: methods.growth_ratio_band(math.nan), r"^the growth ratio must be a finite"),
        (lambda: methods.growth_ratio_band(True), r"^the growth ratio must be a finite"),
        (lambda: methods.growth_ratio_band(TEXT), r"^the growth ratio must be a finite"),
        (lambda: methods.growth_ratio_band(math.inf, True), r"^the growth ratio must be a finite"),
        (lambda: methods.progress_band(math.inf), r"^the progress score must be a finite"),
        (lambda: methods.progress_band(-math.inf), r"^the progress score must be a finite"),
    ],
    ids=[
        "cagr-start",
        "cagr-end",
        "gap-baseline",
        "gap-target",
        "project-value",
        "reach-value",
        "reach-target",
        "linear-value",
        "linear-target",
        "linear-increment",
        "gap-base-year-float",
        "gap-target-year-fraction",
        "gap-target-year-bool",
        "growth-start-year",
        "growth-end-year",
        "ratio-nan",
        "ratio-bool",
        "ratio-str",
        "ratio-inf-even-if-achieved",
        "score-inf",
        "score-minus-inf",
    ],
)
def test_error_message_names_the_argument(call: Any, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        call()


# ---------------------------------------------------------------------------------------------
# cagr: precision near zero growth, and a decline too steep for a float


def _exact_cagr(start: int, end: int, periods: int) -> Decimal:
    """``(end / start) ** (1 / periods) - 1`` at 50 significant digits."""
    with localcontext() as ctx:
        ctx.prec = 50
        return ((Decimal(end) / Decimal(start)).ln() / periods).exp() - 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        # +1 on 3e12: the rate is 1 / 3e12 = 3.3333e-13. ln(3e12) = 28.73 has an ulp of
        # 3.6e-15, so ln(end) - ln(start) would be off by up to 1 %: log1p is needed.
        (3 * 10**12, 3 * 10**12 + 1),
        (3 * 10**12, 3 * 10**12 - 1),  # the same decline: -3.3333e-13
        # +-1 on 7e14: a rate of +-1.4286e-15, below the ulp of ln(7e14) = 34.18 (7.1e-15)
        (7 * 10**14, 7 * 10**14 + 1),
        (7 * 10**14, 7 * 10**14 - 1),
    ],
)
def test_cagr_keeps_full_precision_near_zero_away_from_one(start: int, end: int) -> None:
    got = formulas.cagr(start, end, 1)
    expected = _exact_cagr(start, end, 1)
    assert abs(Decimal(got) - expected) <= abs(expected) * Decimal("1e-12")


def test_cagr_decline_too_steep_for_a_float_is_a_domain_error() -> None:
    # 1e20 -> 1 in one year: rate = 1e-20 - 1. The spacing of doubles just above -1 is 1.1e-16,
    # so the nearest double is -1.0 itself: "-100 % a year", which is not a growth rate.
    with pytest.raises(DomainError, match="too steep to represent as a growth rate"):
        formulas.cagr(10**20, 1, 1)


# ---------------------------------------------------------------------------------------------
# gap


def test_gap_int_ratio_beyond_the_float_range_is_a_domain_error() -> None:
    # (10**400 - 1) / 1 and 10**400 / 1 exceed the largest double (1.8e308): int / int raises
    # OverflowError, which gap() must turn into a DomainError, not a TypeError or an infinity.
    with pytest.raises(DomainError, match=r"target / baseline .* is too large to represent"):
        results.gap(1, 2024, 10**400, 2030)


def test_gap_decrease_wanted_is_met_when_baseline_equals_target() -> None:
    # A decrease to 100 wanted, and the baseline is 100 already: met (<=, not <).
    assert results.gap(100, 2024, 100, 2030, increase=False).already_met is True


# ---------------------------------------------------------------------------------------------
# project: argument checks and overflow


@pytest.mark.parametrize("periods", [-1, True, 1.5], ids=["negative", "bool", "fraction"])
def test_project_rejects_bad_periods(periods: Any) -> None:
    with pytest.raises(DomainError, match=r"^periods must be a whole number of years >= 0"):
        formulas.project(100, 0.1, periods)


def test_project_zero_periods_is_the_value_itself() -> None:
    assert formulas.project(100, 0.1, 0) == 100


def test_project_power_overflow_is_a_domain_error() -> None:
    # 2.0 ** 2000 = 1.1e602: float ** int raises OverflowError (not inf) beyond 1.8e308.
    with pytest.raises(DomainError, match="overflows"):
        formulas.project(1.0, 1.0, 2000)


@pytest.mark.parametrize(
    "rate",
    [True, math.inf, math.nan, "0.1"],
    ids=["bool", "inf", "nan", "str"],
)
def test_project_rejects_a_rate_that_is_not_a_finite_number(rate: Any) -> None:
    with pytest.raises(DomainError, match=r"^the growth rate must be a finite number"):
        formulas.project(100, rate, 1)


@pytest.mark.parametrize("rate", [-1, -1.0, -1.5], ids=["minus-1-int", "minus-1", "minus-1.5"])
def test_project_rejects_a_rate_of_minus_100_percent_or_less(rate: float) -> None:
    # -100 % a year would turn 100 into 0 (or, below, a negative or alternating value).
    with pytest.raises(DomainError, match=r"^the growth rate must be greater than -100 %"):
        formulas.project(100, rate, 1)


def test_periods_to_reach_rejects_an_infinite_rate() -> None:
    with pytest.raises(DomainError, match="finite number"):
        formulas.periods_to_reach(100, 200, math.inf)


# ---------------------------------------------------------------------------------------------
# periods_to_reach: answers at the edges


def test_periods_to_reach_zero_when_already_at_the_target_even_without_growth() -> None:
    # value == target: reached now (n = 0), whatever the rate, even 0 % or a decline.
    for rate in (0.1, 0.0, -0.5):
        assert formulas.periods_to_reach(100, 100, rate) == 0


def test_periods_to_reach_exact_power_of_two() -> None:
    # 1 doubling (+100 %) a year: 2 ** 10 = 1024 exactly, so 1024 is reached in year 10 (>=).
    # Above 1024, year 10 still reaches a target within the rounding of 10 years of
    # compounding, 4 * (10 + 1) = 44 ulps of 1024 (formulas.reaches), and anything further
    # only in year 11.
    ulp = math.ulp(1024.0)  # 2 ** -42
    assert formulas.periods_to_reach(1, 1024, 1.0) == 10
    assert formulas.periods_to_reach(1, math.nextafter(1024.0, math.inf), 1.0) == 10
    assert formulas.periods_to_reach(1, 1024 + 44 * ulp, 1.0) == 10
    assert formulas.periods_to_reach(1, 1024 + 45 * ulp, 1.0) == 11
    assert formulas.periods_to_reach(1, 1023, 1.0) == 10  # 2 ** 9 = 512 < 1023 <= 1024


def test_periods_to_reach_a_decrease_exact_power_of_two() -> None:
    # A decrease wanted, halving (-50 %) a year: 1024 * 0.5 ** 10 = 1 exactly, so a target of 1
    # is met in year 10 (<=); below 1, within 44 ulps of 1.0 (2 ** -52 each) in year 10 too,
    # and anything further only in year 11.
    ulp = math.ulp(1.0)
    assert formulas.periods_to_reach(1024, 1, -0.5, increase=False) == 10
    assert formulas.periods_to_reach(1024, math.nextafter(1.0, 0.0), -0.5, increase=False) == 10
    assert formulas.periods_to_reach(1024, 1 - 44 * ulp, -0.5, increase=False) == 10
    assert formulas.periods_to_reach(1024, 1 - 45 * ulp, -0.5, increase=False) == 11
    assert formulas.periods_to_reach(1024, 3, -0.5, increase=False) == 9  # 1024 / 512 = 2 <= 3


def test_periods_to_reach_rate_below_float_resolution_is_never() -> None:
    # 1.0 + 1e-17 == 1.0 in binary64 (half an ulp of 1.0 is 1.1e-16): project() never moves.
    assert formulas.periods_to_reach(100, 200, 1e-17) is None


# ---------------------------------------------------------------------------------------------
# periods_to_reach: the search agrees with project() exactly, in few steps


class _Budget(AssertionError):
    """Too many evaluations of ``(1 + rate) ** n``: the search is not bounded."""


class _CountingFactor(float):
    """``1 + rate``, counting how often it is raised to a power (one evaluation of project())."""

    counter: list[int]
    limit: int

    def __new__(cls, value: float, counter: list[int], limit: int) -> _CountingFactor:
        factor = super().__new__(cls, value)
        factor.counter, factor.limit = counter, limit
        return factor

    def __pow__(self, n: int) -> float:  # type: ignore[override]
        self.counter[0] += 1
        if self.counter[0] > self.limit:
            raise _Budget(f"more than {self.limit} evaluations")
        return float(self) ** n


class _CountingRate(float):
    """A rate whose ``1.0 + rate`` is a :class:`_CountingFactor`."""

    counter: list[int]
    limit: int

    def __new__(cls, value: float, counter: list[int], limit: int) -> _CountingRate:
        rate = super().__new__(cls, value)
        rate.counter, rate.limit = counter, limit
        return rate

    def __radd__(self, other: Any) -> float:
        return _CountingFactor(float(other) + float(self), self.counter, self.limit)

    __add__ = __radd__


def _reach_counting(
    value: float, target: float, rate: float, limit: int, increase: bool = True
) -> tuple[Any, int]:
    """``periods_to_reach(value, target, rate, increase)`` and how many powers it evaluated."""
    counter = [0]
    rate = _CountingRate(rate, counter, limit)
    answer = formulas.periods_to_reach(value, target, rate, increase=increase)
    return answer, counter[0]


def test_periods_to_reach_a_decrease_already_met_or_never() -> None:
    # A decrease to 100 wanted and the value is 100: met now (<=), whatever the pace.
    for rate in (0.1, 0.0, -0.1):
        assert formulas.periods_to_reach(100, 100, rate, increase=False) == 0
    # Down to 50 from 100: no change (0 %, or a change below float resolution) never gets
    # there, and neither does growth (+10 %) however long it runs.
    for rate in (0.0, 1e-17, -1e-17):
        assert formulas.periods_to_reach(100, 50, rate, increase=False) is None
    answer, _ = _reach_counting(100, 50, 0.1, limit=50, increase=False)
    assert answer is None
    # ...and an increase wanted is never met by a decline.
    answer, _ = _reach_counting(50, 100, -0.1, limit=50)
    assert answer is None


# Targets that sit exactly on project()'s value after k years, one ulp beyond it (above for
# growth, below for a decline), and just beyond the rounding formulas.reaches forgives after k
# years (4 * (k + 1) ulps): the smallest n with value * (1 + rate) ** n >= target (<= for a
# decrease), up to that rounding, is k, k, and k + 1 (a year's change, 0.01 % or more, is far
# more than the tolerance). Rates whose 1 + rate is inexact (0.07, 0.7, -0.07, -0.3) round up
# or down, so the closed-form estimate lands on either side of the answer.
GRID_VALUES = (1, 3, 0.7, 148_500, 26.22e9)
GRID_RATES = (0.0001, 0.01, 0.07, 0.5, 0.7, 1.0, 3.0)
GRID_DECLINES = (-0.0001, -0.01, -0.07, -0.3, -0.5, -0.9)
GRID_YEARS = (*range(1, 31), 100, 1000)


def _grid() -> Iterator[tuple[float, float, float, bool, int]]:
    for value in GRID_VALUES:
        for rate in GRID_RATES + GRID_DECLINES:
            increase = rate > 0
            beyond = math.inf if increase else 0.0  # one ulp further than the boundary
            for k in GRID_YEARS:
                try:
                    on = value * (1.0 + rate) ** k  # project()'s arithmetic, by its docstring
                except OverflowError:
                    continue
                if not (math.isfinite(on) and on > 0) or on == value:
                    continue
                yield value, on, rate, increase, k
                yield value, math.nextafter(on, beyond), rate, increase, k
                tolerance = formulas.reach_tolerance(k, on, math.nextafter(on, beyond))
                further = math.nextafter(on + tolerance if increase else on - tolerance, beyond)
                if further > 0:
                    yield value, further, rate, increase, k + 1


def test_periods_to_reach_agrees_with_project_at_every_boundary() -> None:
    checked = 0
    for value, target, rate, increase, expected in _grid():
        answer, evaluations = _reach_counting(value, target, rate, limit=50, increase=increase)
        assert answer == expected, (value, target, rate)
        assert type(answer) is int
        # The closed-form estimate is within a year or two: a handful of evaluations, however
        # far the target (1000 years here), not a walk year by year.
        assert 1 <= evaluations <= 6, (value, target, rate, evaluations)
        checked += 1
    assert checked > 1000


def test_periods_to_reach_long_horizon_takes_few_steps() -> None:
    # 1 + 2**-30 is exact; doubling takes about ln 2 * 2**30 = 744 million years: an answer in
    # a few evaluations, not 744 million. The answer n satisfies (1 + 2**-30) ** n >= 2 while
    # n - 1 does not; pow agrees with exp(n * ln(1 + 2**-30)) to a few ulps.
    answer, evaluations = _reach_counting(1, 2, 2**-30, limit=50)
    assert answer is not None
    assert abs(answer - math.log(2) / math.log1p(2**-30)) < 2
    assert evaluations <= 6


def test_periods_to_reach_treats_overflow_as_reached() -> None:
    # factor 2**300 (rate = 2**300 - 1, which rounds to 2**300, and 1 + 2**300 to 2**300 too):
    # 1 -> 2**300 -> 2**600 -> 2**900 reaches 2**900 in year 3. Trying year 5 overflows a
    # double (2**1500): that is "far beyond the target", never "not reached yet".
    answer, _ = _reach_counting(1, 2.0**900, 2.0**300 - 1, limit=50)
    assert answer == 3


@contextmanager
def _estimate_off_by(monkeypatch: pytest.MonkeyPatch, years: int) -> Iterator[None]:
    """Make the closed-form estimate of periods_to_reach wrong by ``years`` (via math.ceil)."""

    class ShiftedMath:
        def __getattr__(self, name: str) -> Any:
            return getattr(math, name)

        @staticmethod
        def ceil(x: float) -> int:
            return math.ceil(x) + years

    with monkeypatch.context() as patch:
        patch.setattr(formulas, "math", ShiftedMath())
        yield


# (value, target, rate, answer): 100 * 1.5 = 150 -> 1 year (the smallest answer but 0);
# jobs at the 2022-2024 pace (+6.8788 %/yr): 148,500 -> 270,000 needs
# ln(1.818182) / ln(1.068788) = 0.597837 / 0.066527 = 8.99 -> 9 years; 2 ** 10 = 1024
# -> 10 years; 1.5 ** 40 = 1.1e7 >= 1e7 > 1.5 ** 39 = 7.4e6 -> 40 years.
SEARCH_CASES = [
    (100, 150, 0.5, 1),
    (148_500, 270_000, 0.068788, 9),
    (1, 1024, 1.0, 10),
    (1, 10**7, 0.5, 40),
]


@pytest.mark.parametrize("off_by", [-1_000_000, -1000, -20, -3, 3, 20, 1000, 1_000_000])
def test_periods_to_reach_is_exact_whatever_the_estimate(
    monkeypatch: pytest.MonkeyPatch, off_by: int
) -> None:
    # The estimate only decides where the search starts: a wrong one (here off by `off_by`
    # years) costs a few more steps, doubling then halving (about 2 log2 |off_by|), never a
    # wrong answer or an endless loop.
    bound = 2 * math.ceil(math.log2(abs(off_by))) + 6
    with _estimate_off_by(monkeypatch, off_by):
        for value, target, rate, expected in SEARCH_CASES:
            answer, evaluations = _reach_counting(value, target, rate, limit=200)
            assert answer == expected
            assert type(answer) is int
            assert evaluations <= bound, (off_by, evaluations, bound)


# ---------------------------------------------------------------------------------------------
# periods_to_reach_linear


def test_periods_to_reach_linear_rejects_a_bool() -> None:
    with pytest.raises(DomainError, match="must be a finite number"):
        formulas.periods_to_reach_linear(True, 5, 1)


def test_periods_to_reach_linear_rejects_an_infinite_target() -> None:
    with pytest.raises(DomainError):
        formulas.periods_to_reach_linear(0, math.inf, 1)


class _CountingIncrement(float):
    """An increment that counts how often it is multiplied (one evaluation of the linear path)."""

    counter: list[int]
    limit: int

    def __new__(cls, value: float, counter: list[int], limit: int) -> _CountingIncrement:
        increment = super().__new__(cls, value)
        increment.counter, increment.limit = counter, limit
        return increment

    def __mul__(self, n: int) -> float:  # type: ignore[override]
        self.counter[0] += 1
        if self.counter[0] > self.limit:
            raise _Budget(f"more than {self.limit} evaluations")
        return float(self) * n

    __rmul__ = __mul__  # type: ignore[assignment]


@pytest.mark.parametrize(
    ("value", "target", "increment", "increase", "expected"),
    [
        (100, 100, 0, True, 0),  # already there: 0 years, even with no increment
        (100, 100, 5, True, 0),
        (200, 100, 10, True, 0),  # above the target already
        (100, 200, 0, True, None),  # no increment: never
        (100, 200, -5, True, None),  # the wrong way: never
        (100, 105, 1, True, 5),  # (105 - 100) / 1 = 5
        (100, 200, 30, True, 4),  # 100 / 30 = 3.33 -> 4
        (100.0, 200.0, 30.0, True, 4),
        (100, 200.5, 0.5, True, 201),  # 100.5 / 0.5 = 201 exactly -> 201
        (0.0, 0.3, 0.1, True, 3),  # 0.1 * 2 = 0.2 < 0.3 <= 0.1 * 3 = 0.30000000000000004
        (148_500, 270_000, 20_250, True, 6),  # the jobs linear path: 121,500 / 20,250 = 6
        (1_000_000, 1_000_100, 10, True, 10),  # a small gap on a large value: 100 / 10
        # A decrease wanted (<=): 100 - 10 n <= 50 from n = 5 exactly; <= 51 from 5; <= 49
        # from 6 (100 - 60 = 40).
        (100, 50, -10, False, 5),
        (100, 51, -10, False, 5),
        (100, 49, -10, False, 6),
        (100, 100, 5, False, 0),  # met now (<=), whatever the increment
        (100, 100, 0, False, 0),
        (50, 100, -10, False, 0),  # below the target already
        (100, 50, 0, False, None),  # no change: never
        (100, 50, 0.5, False, None),  # the wrong way, however small: never
        (100, 50, 10, False, None),
    ],
)
def test_periods_to_reach_linear(
    value: float, target: float, increment: float, increase: bool, expected: int | None
) -> None:
    counter = [0]
    counted = _CountingIncrement(increment, counter, limit=200)
    answer = formulas.periods_to_reach_linear(value, target, counted, increase=increase)
    assert answer == expected
    if expected:
        assert type(answer) is int
        # (target - value) / increment is the answer up to rounding: a handful of steps.
        assert counter[0] <= 6, counter[0]


def test_periods_to_reach_linear_with_plain_ints() -> None:
    # The same arithmetic without the counting wrapper: 100 / 30 = 3.33 -> 4 years.
    assert formulas.periods_to_reach_linear(100, 200, 30) == 4
    assert formulas.periods_to_reach_linear(100, 50, -10, increase=False) == 5


# ---------------------------------------------------------------------------------------------
# status


def test_status_defaults_to_an_increase_wanted() -> None:
    # Jobs 130,000 (2022) -> 148,500 (2024), target 270,000 in 2030, no `increase` given:
    # 148,500 < 270,000, so not achieved; at sqrt(148500 / 130000) - 1 = 6.8788 %/yr the target
    # is reached after ln(270000 / 148500) / ln(1.068788) = 0.597837 / 0.066527 = 8.99 -> 9
    # years: 2024 + 9 = 2033.
    s = results.status(2022, 130_000, 2024, 148_500, 2030, 270_000)
    assert s.achieved is False
    assert s.growth_ratio_band != "achieved"
    assert s.reached_year == 2033


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ((2024, 2024, 2030), r"the latest year \(2024\) must be after the base year \(2024\)"),
        ((2024, 2023, 2030), r"the latest year \(2023\) must be after the base year \(2024\)"),
        ((2022, 2024, 2024), r"the target year \(2024\) must be after the latest year \(2024\)"),
    ],
)
def test_status_years_out_of_order(years: tuple[int, int, int], message: str) -> None:
    base_year, latest_year, target_year = years
    with pytest.raises(DomainError, match=message):
        results.status(base_year, 100, latest_year, 110, target_year, 200)


def test_status_latest_equal_to_target_is_achieved() -> None:
    # An increase to 200 wanted, latest = 200: achieved (>=), reached in the latest year.
    s = results.status(2022, 100, 2024, 200, 2030, 200)
    assert s.achieved is True
    assert s.growth_ratio_band == "achieved"
    assert s.progress_band == "achieved"
    assert s.reached_year == 2024
    # A decrease to 100 wanted, latest = 100: achieved (<=) too.
    assert results.status(2022, 200, 2024, 100, 2030, 100, increase=False).achieved is True


def test_status_target_equal_to_base_value_has_no_ratio_and_no_score() -> None:
    # Target 100 = base value 100: the required rate from the base year is 0, so
    # R = actual / required and Q = (projected - base) / (target - base) are undefined (None),
    # not a ZeroDivisionError. The value fell to 90 while an increase is wanted: whatever the
    # band, it is not "on track".
    s = results.status(2022, 100, 2024, 90, 2030, 100)
    assert s.required_cagr_from_base == 0
    assert s.growth_ratio is None
    assert s.progress_score is None
    assert s.achieved is False
    assert s.reached_year is None  # falling: never, at that pace
    assert s.growth_ratio_band in {"acceleration needed", "limited progress", "moving away"}
    assert s.progress_band == "stagnation or regression"


def test_status_target_equal_to_base_value_already_met() -> None:
    # Base 100, latest 120, target 100 (increase): met; R and Q undefined, band "achieved".
    s = results.status(2022, 100, 2024, 120, 2030, 100)
    assert s.achieved is True
    assert s.growth_ratio is None
    assert s.growth_ratio_band == "achieved"


def test_status_decrease_year_reached() -> None:
    # A decrease wanted: 200 (2022) -> 162 (2024) is -10 %/yr (162 / 200 = 0.81 = 0.9 ** 2).
    # Target 100 in 2030: 162 * 0.9 ** n <= 100 needs n >= ln(100 / 162) / ln(0.9)
    # = -0.482426 / -0.105361 = 4.58 -> 5 years: 162 * 0.9 ** 4 = 106.3 > 100 >= 95.7.
    # 2024 + 5 = 2029.
    s = results.status(2022, 200, 2024, 162, 2030, 100, increase=False)
    assert s.actual_cagr == pytest.approx(-0.1)
    assert s.achieved is False
    assert s.reached_year == 2029


# ---------------------------------------------------------------------------------------------
# records.Indicator


def _indicator(*years: int) -> records.Indicator:
    return records.Indicator(
        id="demo",
        label="Demo",
        unit="jobs",
        observations=tuple(records.Observation(y, 100 + y % 100, "s", "src") for y in years),
        target=records.Target(2030, 500, "s", "src"),
    )


def test_baseline_is_the_latest_of_three_or_more_observations() -> None:
    ind = _indicator(2020, 2022, 2024)
    assert ind.baseline().year == 2024
    assert ind.baseline().value == 124  # 100 + 2024 % 100


def test_baseline_without_observation_names_the_indicator_and_series() -> None:
    ind = _indicator()
    with pytest.raises(LookupError, match=re.escape("demo: no observation in series 's'")):
        ind.baseline()


def test_years_to_reach_a_target_just_above_a_huge_whole_value_is_at_least_one() -> None:
    # 2**53 + 3 < 2**53 + 4 exactly, but as floats both round to 2**53 + 4: the target is not
    # met now, so the answer is one year (any growth at all gets there), never zero.
    assert formulas.periods_to_reach(2**53 + 3, 2**53 + 4, 0.1) == 1
    assert formulas.periods_to_reach_linear(2**53 + 3, 2**53 + 4, 1.0) == 1
