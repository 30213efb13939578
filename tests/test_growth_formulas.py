"""The growth formulas: CAGR, the gap to a target, actual growth, the per-period increment and
the value after n periods (``offshoring_cli.core.formulas`` and ``results``).

Hand-worked values (6 decimals, arithmetic in the comments, ``abs=5e-7``) cross-checked against
exact ``decimal`` references; property tests (hypothesis) against exact ``fractions``/``decimal``
references to a relative 1e-12 over the whole input range (1e-6 to 1e18, 1 to 200 years); and
bad input always a ``DomainError`` naming the argument, never NaN, an infinity or a complex
number. ``OFFSHORING_DEEP=1`` runs the deep hypothesis profile (see conftest.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import pytest
from conftest import watchdog
from helpers import (
    PRECISION,
    ROUND_TRIP_FACTOR,
    assert_close,
    assert_rate_close,
    float_view,
    in_range,
    periods,
    rates,
    reference_factor,
    values,
    years,
)
from hypothesis import assume, example, given
from hypothesis import strategies as st

from offshoring_cli.core import formulas, methods, results
from offshoring_cli.errors import DomainError

SIX_DECIMALS = 5e-7
"""Half a unit in the 6th decimal: the tolerance for the hand-worked 6-decimal values."""

MAX_RELATIVE_ERROR = Decimal("1e-12")


def decimal_cagr(start: float, end: float, periods: int) -> Decimal:
    """``(end / start) ** (1 / periods) - 1`` in 50-digit decimal arithmetic, via ln and exp."""
    with localcontext() as ctx:
        ctx.prec = 50
        ratio = Decimal(end) / Decimal(start)
        return (ratio.ln() / Decimal(periods)).exp() - 1


def assert_close_to_reference(got: float, start: float, end: float, periods: int) -> None:
    """``got`` agrees with :func:`decimal_cagr` to a relative error <= 1e-12."""
    expected = decimal_cagr(start, end, periods)
    with localcontext() as ctx:
        ctx.prec = 50
        relative_error = abs((Decimal(got) - expected) / expected)
    assert relative_error <= MAX_RELATIVE_ERROR, (got, expected, relative_error)


# ---------------------------------------------------------------------------------------------
# cagr: the headline figures


# (start, end, periods, expected to 6 decimals)
CAGR_CASES = [
    # jobs 2024 -> 2030, n = 2030 - 2024 = 6 intervals (not 7 data points):
    # 270000 / 148500 = 1.818182 (= 20/11); ln 1.818182 = 0.597837; / 6 = 0.099640;
    # exp(0.099640) = 1.104773; - 1 = 0.104773
    pytest.param(148_500, 270_000, 6, 0.104773, id="jobs-2024-2030"),
    # exports 2024 -> 2030: 40e9 / 26.22e9 = 1.525553; ln = 0.422357; / 6 = 0.070393;
    # exp(0.070393) = 1.072930; - 1 = 0.072930
    pytest.param(26_220_000_000, 40_000_000_000, 6, 0.072930, id="exports-2024-2030"),
    # jobs 2022 -> 2024 (actual): 148500 / 130000 = 1.142308 (= 297/260);
    # sqrt(1.142308) = 1.068788; - 1 = 0.068788
    pytest.param(130_000, 148_500, 2, 0.068788, id="jobs-2022-2024"),
    # overrides 100 -> 200 over 10 years: 2 ** (1/10) = 1.071773; - 1 = 0.071773
    pytest.param(100, 200, 10, 0.071773, id="doubling-in-10"),
    # halving in one year: 50 / 100 = 0.5; - 1 = -0.5
    pytest.param(100, 50, 1, -0.5, id="halving-in-1"),
    # no change: 1 ** (1/5) - 1 = 0
    pytest.param(7, 7, 5, 0.0, id="flat"),
]


@pytest.mark.parametrize(("start", "end", "periods", "expected"), CAGR_CASES)
def test_cagr_matches_hand_worked_value(
    start: float, end: float, periods: int, expected: float
) -> None:
    got = formulas.cagr(start, end, periods)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, abs=SIX_DECIMALS)


@pytest.mark.parametrize(("start", "end", "periods", "expected"), CAGR_CASES)
def test_cagr_matches_exact_decimal_reference(
    start: float, end: float, periods: int, expected: float
) -> None:
    got = formulas.cagr(start, end, periods)
    if expected == 0.0:
        assert got == 0.0
    else:
        assert_close_to_reference(got, start, end, periods)


def test_jobs_required_cagr_uses_six_periods_not_seven() -> None:
    # With 7 (counting the data points 2024..2030) it would be 1.818182 ** (1/7) - 1:
    # ln 1.818182 = 0.597837; / 7 = 0.085405; exp(0.085405) = 1.089158; - 1 = 0.089158.
    six = formulas.cagr(148_500, 270_000, 6)
    seven = formulas.cagr(148_500, 270_000, 7)
    assert six == pytest.approx(0.104773, abs=SIX_DECIMALS)
    assert seven == pytest.approx(0.089158, abs=SIX_DECIMALS)
    assert results.gap(148_500, 2024, 270_000, 2030).periods == 6


@pytest.mark.parametrize(
    ("start", "end", "periods"),
    [
        (1.0, 1.0 + 1e-12, 1),  # tiny growth: relative precision kept near zero
        (1.0, 1.0 - 1e-12, 3),
        (1e-300, 1e300, 2),  # end / start overflows a float, the rate does not
        (5e-324, 1.7e308, 1000),
        (3.0, 7.0, 13),
    ],
)
def test_cagr_precision_at_the_edges(start: float, end: float, periods: int) -> None:
    got = formulas.cagr(start, end, periods)
    assert math.isfinite(got)
    assert got > -1
    assert_close_to_reference(got, start, end, periods)


# ---------------------------------------------------------------------------------------------
# cagr: domain errors

BAD_FIGURES = [
    pytest.param(0, id="zero"),
    pytest.param(0.0, id="zero-float"),
    pytest.param(-1, id="negative"),
    pytest.param(-148_500.0, id="negative-float"),
    pytest.param(math.nan, id="nan"),
    pytest.param(math.inf, id="inf"),
    pytest.param(-math.inf, id="-inf"),
    pytest.param(True, id="bool"),
    pytest.param("148500", id="str"),
    pytest.param(None, id="none"),
]


@pytest.mark.parametrize("bad", BAD_FIGURES)
def test_cagr_rejects_bad_start(bad: object) -> None:
    with pytest.raises(DomainError, match="start"):
        formulas.cagr(bad, 270_000, 6)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", BAD_FIGURES)
def test_cagr_rejects_bad_end(bad: object) -> None:
    with pytest.raises(DomainError, match="end"):
        formulas.cagr(148_500, bad, 6)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "periods",
    [
        pytest.param(0, id="zero"),
        pytest.param(-1, id="negative"),
        pytest.param(-6, id="negative-6"),
        pytest.param(6.0, id="float"),
        pytest.param(2.5, id="fraction"),
        pytest.param(True, id="bool-true"),
        pytest.param(False, id="bool-false"),
        pytest.param("6", id="str"),
        pytest.param(None, id="none"),
    ],
)
def test_cagr_rejects_bad_periods(periods: object) -> None:
    with pytest.raises(DomainError, match="periods"):
        formulas.cagr(148_500, 270_000, periods)  # type: ignore[arg-type]


def test_domain_error_is_a_value_error() -> None:
    assert issubclass(DomainError, ValueError)


def test_cagr_overflow_is_a_domain_error_not_inf() -> None:
    # (1e300 / 1e-300) ** (1/1) - 1 = 1e600: far beyond the largest float (1.8e308).
    with pytest.raises(DomainError, match="too large"):
        formulas.cagr(1e-300, 1e300, 1)


def test_cagr_overflow_does_not_leak_overflow_error() -> None:
    try:
        result = formulas.cagr(1e-300, 1e300, 1)
    except DomainError:
        return
    except OverflowError:  # pragma: no cover - the failure this test guards against
        pytest.fail("cagr raised OverflowError instead of DomainError")
    pytest.fail(f"cagr returned {result!r} instead of raising DomainError")


@pytest.mark.parametrize(
    ("start", "end", "periods", "expected"),
    [
        # sqrt(1e-17) - 1 = 3.162278e-9 - 1 = -0.999999996838
        pytest.param(1, 1e-17, 2, -0.999999996838, id="1-to-1e-17-in-2"),
        # (1 / 1e18) ** (1/6) - 1 = 1e-3 - 1 = -0.999 (reachable from the CLI: the largest
        # --jobs-baseline is 1e18, the smallest --jobs-target 1)
        pytest.param(10**18, 1, 6, -0.999, id="1e18-to-1-in-6"),
    ],
)
def test_cagr_large_decline_is_computed(
    start: float, end: float, periods: int, expected: float
) -> None:
    got = formulas.cagr(start, end, periods)
    assert got == pytest.approx(expected, abs=1e-12)
    assert_close_to_reference(got, start, end, periods)


@pytest.mark.parametrize(
    ("start", "end", "periods", "expected"),
    [
        # (2 * 10**400 / 10**400) ** 1 - 1 = 2 - 1 = 1
        pytest.param(10**400, 2 * 10**400, 1, 1.0, id="huge-ints-doubling"),
        # (10**400 / 1) ** (1/2) - 1 = 10**200 - 1 = 1e200 (to float precision)
        pytest.param(1, 10**400, 2, 1e200, id="huge-int-ratio-in-2"),
    ],
)
def test_cagr_ints_beyond_the_float_range(
    start: int, end: int, periods: int, expected: float
) -> None:
    got = formulas.cagr(start, end, periods)
    assert got == pytest.approx(expected, rel=1e-12)
    assert_close_to_reference(got, start, end, periods)


def test_cagr_huge_int_overflow_is_a_domain_error() -> None:
    # 10**400 ** (1/1) - 1 = 1e400: beyond the float range.
    with pytest.raises(DomainError, match="too large"):
        formulas.cagr(1, 10**400, 1)


# ---------------------------------------------------------------------------------------------
# per_period


@pytest.mark.parametrize(
    ("total", "periods", "expected", "kind"),
    [
        (121_500, 6, 20_250, int),  # 121500 / 6 = 20250 exactly
        (18_500, 2, 9_250, int),  # 18500 / 2 = 9250 exactly
        (13_780_000_000, 6, 13_780_000_000 / 6, float),  # 2296666666.666...
        (7, 2, 3.5, float),
        (-100, 10, -10, int),
        (0, 3, 0, int),
        (7.0, 7, 1.0, float),  # a float total stays a float
    ],
)
def test_per_period(total: float, periods: int, expected: float, kind: type) -> None:
    got = formulas.per_period(total, periods)
    assert type(got) is kind
    assert got == expected


@pytest.mark.parametrize("periods", [0, -1, 1.5, 2.0, True])
def test_per_period_rejects_bad_periods(periods: object) -> None:
    with pytest.raises(DomainError):
        formulas.per_period(100, periods)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# gap


def test_gap_jobs_2024_2030() -> None:
    g = results.gap(148_500, 2024, 270_000, 2030)
    # n = 2030 - 2024 = 6
    assert g.periods == 6
    # 270000 - 148500 = 121500
    assert g.absolute == 121_500
    assert type(g.absolute) is int
    # 121500 / 6 = 20250 a year, exactly
    assert g.linear_increment == 20_250
    assert type(g.linear_increment) is int
    # 121500 / 148500 = 0.818182 (= 9/11)
    assert g.relative == pytest.approx(9 / 11, rel=1e-15)
    # 270000 / 148500 = 1.818182 (= 20/11)
    assert g.target_multiple == pytest.approx(20 / 11, rel=1e-15)
    # 1.818182 ** (1/6) - 1 = 0.104773
    assert g.required_cagr == pytest.approx(0.104773, abs=SIX_DECIMALS)
    assert_close_to_reference(g.required_cagr, 148_500, 270_000, 6)
    assert g.already_met is False


def test_gap_exports_2024_2030_is_exact() -> None:
    g = results.gap(26_220_000_000, 2024, 40_000_000_000, 2030)
    # 40,000,000,000 - 26,220,000,000 = 13,780,000,000 exactly (an int, not 13780000000.000002)
    assert type(g.absolute) is int
    assert g.absolute == 13_780_000_000
    # 13.78e9 / 6 = 2,296,666,666.67 a year (does not divide: a float)
    assert g.linear_increment == pytest.approx(2_296_666_666.6666667, rel=1e-15)
    # 40 / 26.22 = 1.525553; ** (1/6) = 1.072930; - 1 = 0.072930
    assert g.required_cagr == pytest.approx(0.072930, abs=SIX_DECIMALS)
    assert_close_to_reference(g.required_cagr, 26_220_000_000, 40_000_000_000, 6)
    # 13.78 / 26.22 = 0.525553
    assert g.relative == pytest.approx(0.525553, abs=SIX_DECIMALS)
    assert g.already_met is False


def test_gap_overrides_100_to_200_in_10_years() -> None:
    g = results.gap(100, 2020, 200, 2030)
    assert g.periods == 10
    assert g.absolute == 100
    assert g.linear_increment == 10
    # 2 ** (1/10) - 1 = 0.071773
    assert g.required_cagr == pytest.approx(0.071773, abs=SIX_DECIMALS)
    assert_close_to_reference(g.required_cagr, 100, 200, 10)
    assert g.target_multiple == 2.0


@pytest.mark.parametrize(
    ("baseline", "target", "absolute", "cagr_6dp"),
    [
        # 300000 >= 270000: gap 270000 - 300000 = -30000; (0.9) ** (1/6) - 1 = -0.017407
        (300_000, 270_000, -30_000, -0.017407),
        # equal: gap 0, rate 0
        (270_000, 270_000, 0, 0.0),
    ],
)
def test_gap_already_met(baseline: int, target: int, absolute: int, cagr_6dp: float) -> None:
    g = results.gap(baseline, 2024, target, 2030)
    assert g.already_met is True
    assert g.absolute == absolute
    assert g.absolute <= 0
    assert g.required_cagr == pytest.approx(cagr_6dp, abs=SIX_DECIMALS)


def test_gap_already_met_gives_negative_gap() -> None:
    g = results.gap(300_000, 2024, 270_000, 2030)
    assert g.already_met is True
    assert g.absolute < 0
    assert g.linear_increment == -5_000  # -30000 / 6
    assert g.required_cagr < 0


@pytest.mark.parametrize(("base_year", "target_year"), [(2030, 2030), (2030, 2024), (2024, 1999)])
def test_gap_target_year_not_after_base_year(base_year: int, target_year: int) -> None:
    with pytest.raises(DomainError, match="after"):
        results.gap(148_500, base_year, 270_000, target_year)


@pytest.mark.parametrize("bad", BAD_FIGURES)
def test_gap_rejects_bad_baseline(bad: object) -> None:
    with pytest.raises(DomainError, match="baseline"):
        results.gap(bad, 2024, 270_000, 2030)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", BAD_FIGURES)
def test_gap_rejects_bad_target(bad: object) -> None:
    with pytest.raises(DomainError, match="target"):
        results.gap(148_500, 2024, bad, 2030)  # type: ignore[arg-type]


def test_gap_rejects_fractional_years() -> None:
    with pytest.raises(DomainError):
        results.gap(148_500, 2024, 270_000, 2030.5)  # type: ignore[arg-type]


def test_gap_never_returns_an_infinity() -> None:
    # 40e9 / 1e-300 = 4e310 > 1.8e308: relative gap and target multiple cannot be floats.
    try:
        g = results.gap(1e-300, 2024, 40_000_000_000, 2030)
    except DomainError:
        return
    for name, value in g.as_dict().items():
        if isinstance(value, float):
            assert math.isfinite(value), name


# ---------------------------------------------------------------------------------------------
# actual_growth


def test_actual_growth_jobs_2022_2024() -> None:
    a = results.actual_growth(2022, 130_000, 2024, 148_500)
    assert (a.start_year, a.start) == (2022, 130_000)
    assert (a.end_year, a.end, a.periods) == (2024, 148_500, 2)
    # (148500 / 130000) ** (1/2) - 1 = 1.142308 ** 0.5 - 1 = 1.068788 - 1 = 0.068788
    assert a.cagr == pytest.approx(0.068788, abs=SIX_DECIMALS)
    assert_close_to_reference(a.cagr, 130_000, 148_500, 2)
    # (148500 - 130000) / 2 = 18500 / 2 = 9250 a year
    assert a.linear_pace == 9_250
    assert type(a.linear_pace) is int


def test_actual_growth_decline() -> None:
    a = results.actual_growth(2020, 200, 2022, 50)
    # (50 / 200) ** (1/2) - 1 = 0.5 - 1 = -0.5; (50 - 200) / 2 = -75
    assert a.cagr == pytest.approx(-0.5, abs=1e-15)
    assert a.linear_pace == -75


@pytest.mark.parametrize(("start_year", "end_year"), [(2024, 2024), (2024, 2022)])
def test_actual_growth_end_year_not_after_start_year(start_year: int, end_year: int) -> None:
    with pytest.raises(DomainError, match="after"):
        results.actual_growth(start_year, 130_000, end_year, 148_500)


@pytest.mark.parametrize("bad", BAD_FIGURES)
def test_actual_growth_rejects_bad_values(bad: object) -> None:
    with pytest.raises(DomainError):
        results.actual_growth(2022, bad, 2024, 148_500)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        results.actual_growth(2022, 130_000, 2024, bad)  # type: ignore[arg-type]


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


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # 10**40 -> 1 in 2 years: 1e-20 a year, a rate of 1e-20 - 1, rounds to -1 as above
        # (values over 1e18 are written in scientific notation, four significant digits)
        (lambda: formulas.cagr(10**40, 1, 2), "the decline from 1.000e+40"
         " to 1 in 2 years is too steep to represent as a growth rate"),
        (lambda: formulas.cagr(1e20, 1, 1),
         "the decline from 1.000e+20 to 1 in 1 year is too steep to represent as a growth rate"),
        # 1 -> 10**400 in 1 year: a rate of 10**400 - 1, beyond the largest double (1.8e308);
        # the int itself is written exactly, not through a float (which cannot hold it)
        (lambda: formulas.cagr(1, 10**400, 1), "growth from 1 to 1.000e+400"
         " in 1 year is too large to represent"),
        # 2 * (2**600) ** 2 = 2**1201 > 1.8e308
        (lambda: formulas.project(2.0, 2.0**600 - 1, 2), "a year for 2 years overflows"),
        (lambda: formulas.project(1.0, 1.0, 2000), "100.00% a year for 2000 years overflows"),
        (lambda: formulas.project(1.0, 1e300, 1), None),  # 1e300 + 1: no overflow in 1 year
    ],
)  # fmt: skip
def test_a_rate_too_large_or_too_steep_names_the_values_and_the_years(
    call: Callable[[], Any], message: str | None
) -> None:
    # "1 year" for one, "2 years" for more: the messages name the span as written
    if message is None:
        assert call() == 1e300  # 1.0 * (1 + 1e300) ** 1, 1 lost to rounding
        return
    with pytest.raises(DomainError) as raised:
        call()
    assert str(raised.value).endswith(message)


# ---------------------------------------------------------------------------------------------
# gap


def test_gap_int_ratio_beyond_the_float_range_is_a_domain_error() -> None:
    # (10**400 - 1) / 1 and 10**400 / 1 exceed the largest double (1.8e308): int / int raises
    # OverflowError, which gap() must turn into a DomainError, not a TypeError or an infinity.
    with pytest.raises(DomainError, match=r"target / baseline .* is too large to represent"):
        results.gap(1, 2024, 10**400, 2030)


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


STEEPEST_FACTOR = Decimal(2) ** -52
"""Below this growth factor ``1 + r`` the rate is within a unit in the last place of -1: the
region of the known defect ``test_cagr_of_a_decline_steeper_than_float_resolution``."""


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
    assume(in_range(b))
    return (a, b) if draw(st.booleans()) else (b, a)


pairs = st.one_of(st.tuples(values, values), neighbours())


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
    assert_close(formulas.project(baseline, rate, n), float_view(baseline, target)[1], "round trip")


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
    b, t = (Fraction(x) for x in float_view(baseline, target))

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
    s, e = (Fraction(x) for x in float_view(start, end))
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
