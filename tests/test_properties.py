"""Property tests of :mod:`offshoring_cli.core.formulas` and :mod:`offshoring_cli.core.results`
(hypothesis), against exact references.

Every float a function returns is compared with a reference computed exactly: with
:class:`fractions.Fraction`, or with :mod:`decimal` at 60 significant digits where a root is
needed (``(end / start) ** (1 / n)`` as ``exp(ln(end / start) / n)``). The tolerance is a
relative error of at most 1e-12 (about 4,500 units in the last place of a double: room for a
few roundings, nowhere near a wrong formula).

Input space: values from 1e-6 to 1e18 (the CLI's grammar bounds), as ints (whole counts) and as
floats; periods from 1 to 200 years.

Profiles: ``offshoring`` (default, 200 examples a test) and ``offshoring-deep`` (5,000 examples
a test), selected with ``OFFSHORING_DEEP=1``::

    OFFSHORING_DEEP=1 pytest tests/test_properties.py

The known defects are pinned as ``xfail(strict=True)`` tests at the end of the module; the
properties above them stay outside the failing region so that they keep guarding the rest.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from conftest import watchdog
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from offshoring_cli.core import formulas, methods, results
from offshoring_cli.errors import DomainError
from offshoring_cli.reports.trajectory import _linear_point

# ---------------------------------------------------------------------------------------------
# Hypothesis profiles (the same two in every hypothesis module; no conftest needed)

settings.register_profile(
    "offshoring",
    max_examples=200,
    deadline=None,  # CI machines vary; a hang is caught by the watchdog below instead
    # The autouse fixture of conftest.py only deletes environment variables: safe to share.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "offshoring-deep", parent=settings.get_profile("offshoring"), max_examples=5000
)
DEEP = os.environ.get("OFFSHORING_DEEP") == "1"
settings.load_profile("offshoring-deep" if DEEP else "offshoring")

# ---------------------------------------------------------------------------------------------
# Exact references

PRECISION = 60
"""Significant digits of the decimal references: far beyond a double's 17."""

MAX_RELATIVE_ERROR = Decimal("1e-12")

MIN_VALUE = 1e-6
MAX_VALUE = 10**18


def _float_view(*operands: int | float) -> tuple[int | float, ...]:
    """The operands as the function's arithmetic sees them.

    Python evaluates ``int <op> float`` in float arithmetic: the int is first rounded to the
    nearest double (only ints above 2**53 move). When any operand is a float the reference
    takes the same view, and is exact from there on; with ints only, it is exact throughout.
    """
    if any(isinstance(x, float) for x in operands):
        return tuple(float(x) for x in operands)
    return operands


def _decimal(x: Decimal | Fraction | int | float) -> Decimal:
    if isinstance(x, Fraction):
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return Decimal(x.numerator) / Decimal(x.denominator)
    return x if isinstance(x, Decimal) else Decimal(x)  # exact for ints and floats


def reference_factor(start: int | float, end: int | float, periods: int) -> Decimal:
    """The growth factor ``(end / start) ** (1 / periods)``, to 60 digits."""
    start, end = _float_view(start, end)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return ((Decimal(end) / Decimal(start)).ln() / periods).exp()


def reference_cagr(start: int | float, end: int | float, periods: int) -> Decimal:
    """``(end / start) ** (1 / periods) - 1`` via exp(ln(end / start) / periods), to 60 digits."""
    if _float_view(start, end)[0] == _float_view(start, end)[1]:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return reference_factor(start, end, periods) - 1


def assert_close(got: Any, expected: Decimal | Fraction | int | float, what: str = "") -> None:
    """``got`` is a finite real number within a relative 1e-12 of ``expected`` (exactly 0 if
    ``expected`` is 0)."""
    assert isinstance(got, int | float) and not isinstance(got, bool), f"{what}: {got!r}"
    assert math.isfinite(got), f"{what}: {got!r} is not finite"
    exact = _decimal(expected)
    if exact == 0:
        assert got == 0, f"{what}: got {got!r}, exact 0"
        return
    with localcontext() as ctx:
        ctx.prec = PRECISION
        error = abs((Decimal(got) - exact) / exact)
    assert error <= MAX_RELATIVE_ERROR, (
        f"{what}: got {got!r}, exact {exact:.20e}, relative error {error:.3e}"
    )


def assert_rate_close(got: Any, start: int | float, end: int | float, periods: int) -> None:
    """A rate against :func:`reference_cagr`, relative 1e-12.

    Near a zero rate a relative tolerance on ``r`` is stricter than one on the growth factor
    ``1 + r`` (which is all that compounding ever uses): the relative check on ``r`` is kept
    because ``cagr`` computes near zero with log1p/expm1 and meets it; the reference takes the
    operands as the float arithmetic sees them (see :func:`_float_view`), so a rate of
    exactly 0 must come out as exactly 0.
    """
    assert type(got) is float, f"{got!r} is not a float"
    assert got > -1, f"{got!r} is not > -1"
    assert_close(got, reference_cagr(start, end, periods), f"cagr({start!r}, {end!r}, {periods})")


STEEPEST_FACTOR = Decimal(2) ** -52
"""Below this growth factor ``1 + r`` the rate is within a unit in the last place of -1: the
region of the known defect ``test_cagr_of_a_decline_steeper_than_float_resolution``."""

ROUND_TRIP_FACTOR = Decimal("0.05")
"""Above this growth factor, compounding at a rate reproduces the target to 1e-12: the error of
``1 + r`` is about 1.1e-16 absolute, so ``n * 1.1e-16 / (1 + r)`` relative after n periods
(< 4.4e-13 for n <= 200). Below it, see ``test_compounding_a_steep_decline_misses_the_target``."""


# ---------------------------------------------------------------------------------------------
# A watchdog: a function that loops forever fails the test instead of hanging CI


# ---------------------------------------------------------------------------------------------
# Strategies

whole_values = st.integers(1, MAX_VALUE)
real_values = st.floats(MIN_VALUE, float(MAX_VALUE))
values = st.one_of(whole_values, real_values)
periods = st.integers(1, 200)
years = st.integers(1900, 2100)


def _in_range(x: int | float) -> bool:
    return MIN_VALUE <= x <= MAX_VALUE


@st.composite
def neighbours(draw: st.DrawFn) -> tuple[int | float, int | float]:
    """Two values a few units (ints) or units in the last place (floats) apart, or a relative
    1e-9 apart: growth rates at and near zero."""
    a = draw(values)
    how = draw(st.sampled_from(("ulps", "units", "relative")))
    b: int | float
    if how == "ulps":
        b = float(a)
        steps = draw(st.integers(-64, 64))
        for _ in range(abs(steps)):
            b = math.nextafter(b, math.inf if steps > 0 else 0.0)
    elif how == "units" and isinstance(a, int):
        b = a + draw(st.integers(-1000, 1000))
    else:
        b = float(a) * (1 + draw(st.floats(-1e-9, 1e-9)))
    assume(_in_range(b))
    return (a, b) if draw(st.booleans()) else (b, a)


pairs = st.one_of(st.tuples(values, values), neighbours())

rates = st.one_of(
    st.floats(-1.0, 10.0, exclude_min=True),
    st.floats(-1e-6, 1e-6),  # near zero, down to subnormals
    st.floats(-1.0, -0.999, exclude_min=True),  # near -100 %
    st.sampled_from([0, 1, 2, -0.5, 0.08, 1e-12, 6e-17, 1e-300]),
)

positive_rates = st.one_of(
    st.floats(1e-18, 1e6, exclude_min=False),
    st.floats(5e-324, 1e-9),  # below and around float resolution of 1 + r
    st.sampled_from([1e-12, 6e-17, 1.1102230246251565e-16, 2.220446049250313e-16, 0.08]),
)


# ---------------------------------------------------------------------------------------------
# cagr


@given(pairs, periods)
@example((148_500, 270_000), 6)
@example((26_220_000_000, 40_000_000_000), 6)
@example((130_000, 148_500), 2)
@example((10**18, 10**18 - 1), 200)  # the smallest decline of whole values: -5e-21 a year
@example((1e-6, 1e18), 1)  # the largest ratio: 1e24
def test_cagr_matches_the_exact_reference(pair: tuple[int | float, int | float], n: int) -> None:
    start, end = pair
    assume(reference_factor(start, end, n) >= STEEPEST_FACTOR)
    assert_rate_close(formulas.cagr(start, end, n), start, end, n)


@given(pairs, periods)
@example((148_500, 270_000), 6)
@example((26_220_000_000, 40_000_000_000), 6)
@example((1e-6, 1e18), 1)
def test_compounding_at_the_required_cagr_reaches_the_target(
    pair: tuple[int | float, int | float], n: int
) -> None:
    baseline, target = pair
    assume(reference_factor(baseline, target, n) >= ROUND_TRIP_FACTOR)
    rate = formulas.cagr(baseline, target, n)
    assert_close(
        formulas.project(baseline, rate, n), _float_view(baseline, target)[1], "round trip"
    )


# ---------------------------------------------------------------------------------------------
# gap and actual_growth


@given(pairs, years, periods, st.booleans())
@example((148_500, 270_000), 2024, 6, True)
@example((26_220_000_000, 40_000_000_000), 2024, 6, True)
@example((270_000, 270_000), 2024, 6, True)
def test_gap_matches_exact_arithmetic(
    pair: tuple[int | float, int | float], base_year: int, n: int, increase: bool
) -> None:
    baseline, target = pair
    assume(reference_factor(baseline, target, n) >= STEEPEST_FACTOR)
    g = results.gap(baseline, base_year, target, base_year + n, increase)
    b, t = (Fraction(x) for x in _float_view(baseline, target))

    assert g.periods == n and type(g.periods) is int
    if isinstance(baseline, int) and isinstance(target, int):
        # Whole inputs: the gap and, where it divides, the yearly increment are exact ints.
        assert g.absolute == target - baseline and type(g.absolute) is int
        if (target - baseline) % n == 0:
            assert g.linear_increment == (target - baseline) // n
            assert type(g.linear_increment) is int
    assert_close(g.absolute, t - b, "absolute gap")
    assert_close(g.relative, (t - b) / b, "relative gap")
    assert_close(g.target_multiple, t / b, "target multiple")
    assert_close(g.linear_increment, (t - b) / n, "linear increment")
    assert_rate_close(g.required_cagr, baseline, target, n)
    assert g.already_met is (baseline >= target if increase else baseline <= target)


@given(pairs, years, periods)
@example((130_000, 148_500), 2022, 2)
def test_actual_growth_matches_exact_arithmetic(
    pair: tuple[int | float, int | float], start_year: int, n: int
) -> None:
    start, end = pair
    assume(reference_factor(start, end, n) >= STEEPEST_FACTOR)
    growth = results.actual_growth(start_year, start, start_year + n, end)
    s, e = (Fraction(x) for x in _float_view(start, end))
    assert (growth.start_year, growth.start, growth.end_year, growth.end, growth.periods) == (
        start_year,
        start,
        start_year + n,
        end,
        n,
    )
    assert_rate_close(growth.cagr, start, end, n)
    assert_close(growth.linear_pace, (e - s) / n, "linear pace")
    if isinstance(start, int) and isinstance(end, int) and (end - start) % n == 0:
        assert growth.linear_pace == (end - start) // n and type(growth.linear_pace) is int


# ---------------------------------------------------------------------------------------------
# The linear path (the trajectory's _linear_point, formulas.per_period)


@given(whole_values, whole_values, periods)
@example(148_500, 270_000, 6)
@example(26_220_000_000, 40_000_000_000, 6)  # 13.78e9 / 6 does not divide: floats on the way
@example(1, 10**18, 7)
def test_linear_path_ends_on_the_target_exactly_for_whole_values(
    baseline: int, target: int, n: int
) -> None:
    gap = target - baseline
    assert formulas.per_period(gap, n) == (gap // n if gap % n == 0 else gap / n)
    end = _linear_point(baseline, gap, n, n)
    assert end == target and type(end) is int  # exact: no float on the last milestone
    assert _linear_point(baseline, gap, 0, n) == baseline
    for k in range(n + 1):
        point = _linear_point(baseline, gap, k, n)
        exact = baseline + Fraction(gap * k, n)
        if exact.denominator == 1:
            assert point == exact and type(point) is int, (k, point)
        else:
            assert_close(point, exact, f"linear point k={k}")


@given(real_values, real_values, periods)
def test_linear_path_ends_on_the_target_to_float_precision(
    baseline: float, target: float, n: int
) -> None:
    # With float inputs ``baseline + (target - baseline)`` carries the rounding of the
    # subtraction: the error is bounded by the larger operand, not by the target (a target
    # far below the baseline can only be met to the baseline's precision).
    end = _linear_point(baseline, target - baseline, n, n)
    assert math.isfinite(end)
    assert abs(end - target) <= 4 * math.ulp(max(baseline, target))


# ---------------------------------------------------------------------------------------------
# project


def reference_project(value: int | float, rate: float, n: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return Decimal(value) * (1 + Decimal(rate)) ** n


@given(values, rates, st.integers(0, 200))
@example(148_500, 0.08, 6)
@example(10**18, 10.0, 200)  # overflows
@example(1e-6, -0.9999999999999999, 200)  # underflows
def test_project_matches_the_exact_reference(value: int | float, rate: float, n: int) -> None:
    exact = reference_project(value, rate, n)
    try:
        got = formulas.project(value, rate, n)
    except DomainError:
        # Only an overflow may refuse a valid input.
        assert exact > Decimal(2) ** 1023, (value, rate, n, exact)
        return
    assert type(got) is float and math.isfinite(got)
    if exact < Decimal("1e-290"):
        # Below the normal float range there is no relative precision to keep: the result
        # is a subnormal or 0, within an absolute 1e-290 of the exact value.
        assert 0 <= got <= 1e-290
        return
    # 1.0 + rate rounds once (relative 1.1e-16), then the power multiplies that by n (<= 200):
    # at most a relative 2.3e-14, inside the 1e-12 tolerance.
    assert_close(got, exact, f"project({value!r}, {rate!r}, {n})")


# ---------------------------------------------------------------------------------------------
# periods_to_reach and periods_to_reach_linear


@given(values, values, st.one_of(positive_rates, rates))
@example(148_500, 270_000, 0.068788)  # the docstring: 9
@example(148_500, 270_000, 1e-12)  # once looped for minutes
@example(148_500, 148_501, 6e-17)  # 1 + rate == 1.0: once looped forever
@example(1.0, 1.0000000000000002, 6e-17)
@example(1e-6, 1e18, 1e-9)
def test_periods_to_reach_agrees_with_project(
    value: int | float, target: int | float, rate: float
) -> None:
    with watchdog():
        n = formulas.periods_to_reach(value, target, rate)
    if value >= target:
        assert n == 0
        return
    factor = 1.0 + rate  # what project() compounds with
    if rate <= 0 or factor == 1.0:
        assert n is None
        return
    if n is None:
        # "Only beyond any representable horizon": more than 1e15 years at this factor.
        with localcontext() as ctx:
            ctx.prec = PRECISION
            years_needed = (Decimal(target) / Decimal(value)).ln() / Decimal(factor).ln()
        assert years_needed > Decimal("0.999999e15"), (value, target, rate, years_needed)
        return
    assert type(n) is int and n >= 1
    # "Reached" is formulas.reaches: >= target, or within the rounding of n years of
    # compounding (a relative 2.7e-13 at most), for every command alike.
    assert formulas.reaches(formulas.project(value, rate, n), target, steps=n)
    assert not formulas.reaches(formulas.project(value, rate, n - 1), target, steps=n - 1)


@given(values, values, st.floats(1e-6, 1e6))
def test_periods_to_reach_is_the_exact_answer_for_ordinary_rates(
    value: int | float, target: int | float, rate: float
) -> None:
    # For rates >= 1e-6 the float factor 1.0 + rate is within a relative 1.1e-10 of the rate,
    # so the float answer is the exact ceiling, or one year off when the exact number of
    # years is within rounding of a whole number.
    assume(value < target)
    n = formulas.periods_to_reach(value, target, rate)
    assert n is not None
    with localcontext() as ctx:
        ctx.prec = PRECISION
        exact = (Decimal(target) / Decimal(value)).ln() / (1 + Decimal(rate)).ln()
    assert abs(n - math.ceil(exact)) <= 1, (n, exact)


@given(
    st.integers(-(10**18), 10**18),
    st.integers(-(10**18), 10**18),
    st.integers(-(10**18), 10**18),
)
@example(148_500, 270_000, 15_000)  # ceil(8.1) = 9
@example(148_500, 270_000, 20_250)  # exactly 6
@example(148_500, 270_000, 0)
def test_periods_to_reach_linear_is_exact_for_whole_values(
    value: int, target: int, increment: int
) -> None:
    n = formulas.periods_to_reach_linear(value, target, increment)
    if value >= target:
        assert n == 0
    elif increment <= 0:
        assert n is None
    else:
        assert n == math.ceil(Fraction(target - value, increment)) and type(n) is int
        assert value + increment * n >= target > value + increment * (n - 1)


@given(values, values, st.floats(1e-6, 1e18))
def test_periods_to_reach_linear_is_the_exact_ceiling_for_real_values(
    value: int | float, target: int | float, increment: float
) -> None:
    n = formulas.periods_to_reach_linear(value, target, increment)
    if value >= target:
        assert n == 0
        return
    exact = math.ceil((Fraction(target) - Fraction(value)) / Fraction(increment))
    # The float quotient carries the rounding of (target - value), of an int operand to a
    # double and of the division: a relative 3.4e-16 of the number of years, then the ceiling
    # adds at most one year. (Only horizons beyond 1e15 years can be more than a year off.)
    # The search adds in floats, as the projections do: value + increment * n can only be
    # resolved to a float's spacing near the target, a year count of ulp / increment.
    # And "reached" forgives 8 such ulps (formulas.reaches: one product and one sum).
    tolerance = formulas.reach_tolerance(1, float(value), target, value)
    spacing = (math.ulp(float(target)) + math.ulp(float(value)) + tolerance) / increment
    assert n is not None and abs(n - exact) <= 1 + spacing + exact * 3.4e-16, (n, exact)


# ---------------------------------------------------------------------------------------------
# Bands


def below(x: float) -> float:
    return math.nextafter(x, -math.inf)


GROWTH_RATIO_CASES = [
    (1.0, "on track"),
    (0.95, "on track"),
    (below(0.95), "acceleration needed"),
    (0.60, "acceleration needed"),
    (below(0.60), "limited progress"),
    (0.0, "limited progress"),
    (-0.0, "limited progress"),
    (5e-324, "limited progress"),
    (below(0.0), "moving away"),
    (-1.0, "moving away"),
]

PROGRESS_CASES = [
    (0.95, "on track"),
    (below(0.95), "fair progress, acceleration needed"),
    (0.10, "fair progress, acceleration needed"),
    (below(0.10), "stagnation or regression"),
    (0.0, "stagnation or regression"),
    (-5.0, "stagnation or regression"),
]


@pytest.mark.parametrize(("ratio", "band"), GROWTH_RATIO_CASES, ids=repr)
def test_growth_ratio_band_at_its_boundaries(ratio: float, band: str) -> None:
    assert methods.growth_ratio_band(ratio) == band
    assert methods.growth_ratio_band(ratio, achieved=True) == "achieved"


@pytest.mark.parametrize(("score", "band"), PROGRESS_CASES, ids=repr)
def test_progress_band_at_its_boundaries(score: float, band: str) -> None:
    assert methods.progress_band(score) == band
    assert methods.progress_band(score, achieved=True) == "achieved"


def expected_growth_ratio_band(ratio: float) -> str:
    """The README's bands, written out independently of the implementation."""
    if ratio >= 0.95:
        return "on track"
    if 0.60 <= ratio < 0.95:
        return "acceleration needed"
    if 0 <= ratio < 0.60:
        return "limited progress"
    return "moving away"


def expected_progress_band(score: float) -> str:
    if score >= 0.95:
        return "on track"
    if 0.10 <= score < 0.95:
        return "fair progress, acceleration needed"
    return "stagnation or regression"


BAND_ORDER = ["moving away", "limited progress", "acceleration needed", "on track"]
Q_ORDER = ["stagnation or regression", "fair progress, acceleration needed", "on track"]


@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_bands_follow_the_readme_and_never_go_down_as_the_ratio_goes_up(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert methods.growth_ratio_band(low) == expected_growth_ratio_band(low)
    assert methods.progress_band(low) == expected_progress_band(low)
    assert BAND_ORDER.index(methods.growth_ratio_band(low)) <= BAND_ORDER.index(
        methods.growth_ratio_band(high)
    )
    assert Q_ORDER.index(methods.progress_band(low)) <= Q_ORDER.index(methods.progress_band(high))


# ---------------------------------------------------------------------------------------------
# status


@st.composite
def status_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """A base, a latest and a target value, each within a factor of 100 of the previous one (so
    that no rate comes near -100 %, see ROUND_TRIP_FACTOR), and years in order."""
    base = draw(values)
    latest = draw(st.one_of(values, st.builds(lambda f: float(base) * f, st.floats(0.01, 100))))
    target = draw(st.one_of(values, st.builds(lambda f: float(latest) * f, st.floats(0.01, 100))))
    assume(all(_in_range(x) for x in (latest, target)))
    base_year = draw(st.integers(1900, 2100))
    latest_year = base_year + draw(st.integers(1, 30))
    target_year = latest_year + draw(st.integers(1, 30))
    n1, n2 = latest_year - base_year, target_year - latest_year
    assume(reference_factor(base, latest, n1) >= ROUND_TRIP_FACTOR)
    assume(reference_factor(base, target, n1 + n2) >= ROUND_TRIP_FACTOR)
    assume(reference_factor(latest, target, n2) >= ROUND_TRIP_FACTOR)
    return {
        "base_year": base_year,
        "base_value": base,
        "latest_year": latest_year,
        "latest": latest,
        "target_year": target_year,
        "target": target,
        "increase": draw(st.booleans()),
    }


@given(status_inputs())
@example(
    {
        "base_year": 2022,
        "base_value": 130_000,
        "latest_year": 2024,
        "latest": 148_500,
        "target_year": 2030,
        "target": 270_000,
        "increase": True,
    }
)
@example(  # a target equal to the base value: no ratio, no score
    {
        "base_year": 2022,
        "base_value": 100,
        "latest_year": 2024,
        "latest": 120,
        "target_year": 2030,
        "target": 100,
        "increase": False,
    }
)
def test_status_matches_exact_arithmetic(inputs: dict[str, Any]) -> None:
    b, latest, t = inputs["base_value"], inputs["latest"], inputs["target"]
    n1 = inputs["latest_year"] - inputs["base_year"]
    n2 = inputs["target_year"] - inputs["latest_year"]
    increase = inputs["increase"]
    # The latest value carried to the target year at the actual pace, exactly:
    # latest * ((latest / base) ** (1 / n1)) ** n2.
    actual_factor = reference_factor(b, latest, n1)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        projected = Decimal(_float_view(b, latest)[1]) * actual_factor**n2
    if not increase:
        # Known defect (test_status_of_a_decrease_moving_away_fast): the mirror rate
        # 1 / (1 + actual) - 1 rounds to -1 once the actual factor passes 2**53.
        assume(actual_factor < Decimal(2) ** 52)
    try:
        with watchdog():
            s = results.status(**inputs)
    except DomainError:
        # Documented: the projection at the actual pace overflows a float.
        assert projected > Decimal(2) ** 1023, (inputs, projected)
        return

    assert_rate_close(s.actual_cagr, b, latest, n1)
    assert_rate_close(s.required_cagr_from_base, b, t, n1 + n2)
    assert_rate_close(s.required_cagr_from_latest, latest, t, n2)
    assert s.achieved is (latest >= t if increase else latest <= t)

    # R = actual / required from the same base year; its band. A target already met has
    # neither R nor Q (they measure progress towards a target still ahead).
    if s.achieved:
        assert s.growth_ratio_band == s.progress_band == "achieved"
    if s.required_cagr_from_base == 0 or s.achieved:
        assert s.growth_ratio is None
    else:
        assert s.growth_ratio is not None
        assert_close(s.growth_ratio, Fraction(s.actual_cagr) / Fraction(s.required_cagr_from_base))
        expected = "achieved" if s.achieved else expected_growth_ratio_band(s.growth_ratio)
        assert s.growth_ratio_band == expected

    assert_close(s.projected, projected, "projected")
    # The shortfall is positive when short of the target in the wanted direction.
    assert s.shortfall == (t - s.projected if increase else s.projected - t)

    # Q = (projected - base) / (target - base). Q is a difference quotient: a relative error e
    # in ``projected`` moves it by e * |projected| / |target - base| (its condition number),
    # whatever the arithmetic; the tolerance scales with that.
    if t == b or s.achieved:
        assert s.progress_score is None
    else:
        assert s.progress_score is not None
        bb, tt = (Decimal(x) for x in _float_view(b, t))
        with localcontext() as ctx:
            ctx.prec = PRECISION
            exact_q = (projected - bb) / (tt - bb)
            tolerance = MAX_RELATIVE_ERROR * (
                abs(exact_q) + (abs(projected) + abs(bb)) / abs(tt - bb)
            )
            assert abs(Decimal(s.progress_score) - exact_q) <= tolerance, (
                s.progress_score,
                exact_q,
            )
        expected = "achieved" if s.achieved else expected_progress_band(s.progress_score)
        assert s.progress_band == expected

    # The year the target is reached at the actual pace agrees with project().
    if s.reached_year is None:
        return
    k = s.reached_year - inputs["latest_year"]
    assert k >= 0

    def reached(years: int) -> bool:
        value = formulas.project(latest, s.actual_cagr, years)
        return formulas.reaches(value, t, increase, years)  # the one comparison of every command

    if reached(k) and (k == 0 or not reached(k - 1)):
        return
    # Known defect (test_status_reached_year_of_a_decrease_agrees_with_project): a decrease is
    # mirrored through reciprocals, a different arithmetic from project(), so the year can be
    # one off (either way) when the projection meets the target within rounding. Anything
    # else is a new defect.
    assert not increase, (inputs, k)
    boundary = formulas.project(latest, s.actual_cagr, k if not reached(k) else k - 1)
    assert abs(boundary - t) <= 1e-12 * t, (inputs, k, boundary)


@given(status_inputs(), st.sampled_from(["latest_year", "target_year"]))
def test_status_refuses_years_out_of_order(inputs: dict[str, Any], which: str) -> None:
    earlier = {"latest_year": inputs["base_year"], "target_year": inputs["latest_year"]}
    with pytest.raises(DomainError):
        results.status(**(inputs | {which: earlier[which]}))


# ---------------------------------------------------------------------------------------------
# Invalid inputs always raise DomainError (never NaN, an infinity or a complex number)

NOT_POSITIVE = [0, 0.0, -0.0, -1, -1.5, -(10**18), -5e-324]
NOT_FINITE = [math.nan, -math.nan, math.inf, -math.inf]
NOT_A_NUMBER: list[Any] = [True, False, None, "1", b"1", Decimal("1"), Fraction(1), 1 + 0j, [1]]
BAD_VALUES = NOT_POSITIVE + NOT_FINITE + NOT_A_NUMBER
BAD_PERIODS: list[Any] = [
    0,
    -1,
    -200,
    1.0,
    2.5,
    math.nan,
    math.inf,
    True,
    False,
    None,
    "3",
    Fraction(3),
]
BAD_RATES: list[Any] = [-1, -1.0, -1.5, -math.inf, math.inf, math.nan, True, False, None, "0.1", 1j]
BAD_YEARS: list[Any] = [2024.5, math.nan, math.inf, -math.inf]
BAD_LINEAR: list[Any] = NOT_FINITE + NOT_A_NUMBER

# function, valid arguments, {argument position: the invalid values it must refuse}
CALLS: list[tuple[Callable[..., Any], tuple[Any, ...], dict[int, list[Any]]]] = [
    (formulas.cagr, (148_500, 270_000, 6), {0: BAD_VALUES, 1: BAD_VALUES, 2: BAD_PERIODS}),
    (
        results.gap,
        (148_500, 2024, 270_000, 2030),
        {0: BAD_VALUES, 1: BAD_YEARS, 2: BAD_VALUES, 3: BAD_YEARS},
    ),
    (
        results.actual_growth,
        (2022, 130_000, 2024, 148_500),
        {0: BAD_YEARS, 1: BAD_VALUES, 2: BAD_YEARS, 3: BAD_VALUES},
    ),
    (
        formulas.project,
        (148_500, 0.08, 6),
        {0: BAD_VALUES, 1: BAD_RATES, 2: [p for p in BAD_PERIODS if p != 0]},
    ),
    (
        formulas.periods_to_reach,
        (148_500, 270_000, 0.08),
        {0: BAD_VALUES, 1: BAD_VALUES, 2: BAD_RATES},
    ),
    (
        formulas.periods_to_reach_linear,
        (148_500, 270_000, 20_250),
        {0: BAD_LINEAR, 1: BAD_LINEAR, 2: BAD_LINEAR},
    ),
    (formulas.per_period, (121_500, 6), {1: BAD_PERIODS}),
    (
        results.status,
        (2022, 130_000, 2024, 148_500, 2030, 270_000),
        {1: BAD_VALUES, 3: BAD_VALUES, 5: BAD_VALUES, 0: BAD_YEARS, 2: BAD_YEARS, 4: BAD_YEARS},
    ),
]

INVALID_CALLS = [
    (function, args, position, bad)
    for function, args, positions in CALLS
    for position, bads in positions.items()
    for bad in bads
]


@given(st.sampled_from(INVALID_CALLS), st.data())
def test_invalid_inputs_raise_domain_error(
    call: tuple[Callable[..., Any], tuple[Any, ...], int, Any], data: st.DataObject
) -> None:
    function, valid, position, bad = call
    # The other arguments vary within their valid ranges where that keeps the call valid.
    args = list(valid)
    if function in (formulas.cagr, formulas.project, formulas.periods_to_reach):
        args[0] = data.draw(values, label="first value")
    args[position] = bad
    with pytest.raises(DomainError):
        function(*args)


@given(values, values, periods, rates, st.one_of(st.floats(1e-6, 1e18), st.integers(1, 10**18)))
def test_valid_inputs_never_give_nan_infinity_or_complex(
    a: int | float, b: int | float, n: int, rate: float, increment: int | float
) -> None:
    # Whatever happens on valid inputs, the result is a finite real number or DomainError.
    # (Increments below 1e-6, outside the CLI's grammar, are the known defect
    # test_periods_to_reach_linear_with_a_tiny_increment.)
    for function, args in [
        (formulas.cagr, (a, b, n)),
        (formulas.project, (a, rate, n)),
        (formulas.periods_to_reach, (a, b, rate)),
        (formulas.periods_to_reach_linear, (a, b, increment)),
        (formulas.periods_to_reach_linear, (a, b, -increment)),
    ]:
        try:
            with watchdog():
                result = function(*args)
        except DomainError:
            continue
        assert result is None or (
            isinstance(result, int | float) and not isinstance(result, bool | complex)
        ), (function.__name__, args, result)
        assert result is None or math.isfinite(result), (function.__name__, args, result)
    try:
        g = results.gap(a, 2000, b, 2000 + n)
    except DomainError:
        return
    for item in g.as_dict().values():
        assert not isinstance(item, complex)
        assert isinstance(item, bool) or math.isfinite(item), g


# ---------------------------------------------------------------------------------------------
# Known defects: each a minimal failing input, kept until it is fixed


# Two limits of carrying a growth rate as a float fraction r (documented in formulas.cagr and
# formulas.project): a rate within a float step of -100 % cannot be told from -100 %, and the
# factor 1 + r of a very steep decline keeps only the absolute precision of r.


@pytest.mark.parametrize(("start", "end"), [(1e18, 1e-6), (10**18, 1)])
def test_a_decline_steeper_than_float_resolution_is_refused_not_rounded(
    start: float, end: float
) -> None:
    # Exact rate: 1e-24 - 1, which rounds to -1.0: refused, never returned as -100 %.
    with pytest.raises(DomainError, match="too steep to represent"):
        formulas.cagr(start, end, 1)


@pytest.mark.parametrize(("baseline", "target", "n"), [(10**18, 10**6, 2), (1e18, 1e-6, 2)])
def test_compounding_a_steep_decline_is_within_its_documented_precision(
    baseline: int | float, target: int | float, n: int
) -> None:
    # factor 1 + r = (target / baseline) ** (1 / n) = 1e-6 (and 1e-12): the rounding of r
    # (1.1e-16 absolute) is n * 1.1e-16 / (1 + r) relative on the result.
    rate = formulas.cagr(baseline, target, n)
    factor = (target / baseline) ** (1 / n)
    bound = n * 1.2e-16 / factor
    assert abs(formulas.project(baseline, rate, n) / target - 1) <= bound


DECREASE_CASES = [(18, 6, 2), (49, 35, 25), (49, 42, 36)]
"""(base value, latest, target) of a decrease: the latest value falls by the same factor
again in one year and lands exactly on the target (18 -> 6 -> 2: a third each year)."""


@pytest.mark.parametrize(("base", "latest", "target"), DECREASE_CASES)
def test_status_reached_year_of_a_decrease_agrees_with_project(
    base: int, latest: int, target: int
) -> None:
    s = results.status(2023, base, 2024, latest, 2030, target, increase=False)
    assert s.reached_year == 2025


@pytest.mark.parametrize(("base", "latest", "target"), DECREASE_CASES)
def test_status_reached_year_of_a_decrease_reproducer_is_sound(
    base: int, latest: int, target: int
) -> None:
    # The control case of the xfail above: the projection does meet the target in one year.
    s = results.status(2023, base, 2024, latest, 2030, target, increase=False)
    assert formulas.project(latest, s.actual_cagr, 1) <= target < latest
    assert s.reached_year is not None


def test_periods_to_reach_linear_agrees_with_the_linear_projection() -> None:
    value, target, increment = 1.9, 4.9, 1.0
    n = formulas.periods_to_reach_linear(value, target, increment)
    assert n is not None
    assert value + increment * n >= target
    assert value + increment * (n - 1) < target


@pytest.mark.parametrize("band", [methods.growth_ratio_band, methods.progress_band])
def test_bands_refuse_nan(band: Callable[[float], str]) -> None:
    with pytest.raises(DomainError):
        band(math.nan)


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (results.gap, (148_500, True, 270_000, 2030)),
        (results.actual_growth, (False, 130_000, True, 148_500)),
    ],
    ids=["gap", "actual_growth"],
)
def test_bool_years_are_refused(function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    with pytest.raises(DomainError):
        function(*args)


def test_status_of_a_decrease_moving_away_fast() -> None:
    s = results.status(1900, 1, 1901, 1.8014398509481942e16, 1914, 1, increase=False)
    assert s.reached_year is None  # moving away: never reached


def test_periods_to_reach_linear_with_a_tiny_increment() -> None:
    try:
        n = formulas.periods_to_reach_linear(1, 179_769_315, 1e-300)
    except DomainError:
        return
    assert n is None or n > 10**300
