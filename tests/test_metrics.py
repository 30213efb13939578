"""Unit tests of :mod:`offshoring_cli.core.formulas` and :mod:`offshoring_cli.core.results`,
against values worked out independently.

Each expected rate is given to 6 decimals (worked arithmetic in the comment) and checked with
``abs=5e-7``; it is also cross-checked against an exact reference computed with ``decimal`` at
50 significant digits, to a relative error of at most 1e-12.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import pytest

from offshoring_cli.core import formulas, results
from offshoring_cli.errors import DomainError

SIX_DECIMALS = 5e-7
"""Half a unit in the 6th decimal: the tolerance for the hand-worked 6-decimal values."""

MAX_RELATIVE_ERROR = Decimal("1e-12")


def reference_cagr(start: float, end: float, periods: int) -> Decimal:
    """``(end / start) ** (1 / periods) - 1`` in 50-digit decimal arithmetic, via ln and exp."""
    with localcontext() as ctx:
        ctx.prec = 50
        ratio = Decimal(end) / Decimal(start)
        return (ratio.ln() / Decimal(periods)).exp() - 1


def assert_close_to_reference(got: float, start: float, end: float, periods: int) -> None:
    """``got`` agrees with :func:`reference_cagr` to a relative error <= 1e-12."""
    expected = reference_cagr(start, end, periods)
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

BAD_VALUES = [
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


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_cagr_rejects_bad_start(bad: object) -> None:
    with pytest.raises(DomainError, match="start"):
        formulas.cagr(bad, 270_000, 6)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", BAD_VALUES)
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


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_gap_rejects_bad_baseline(bad: object) -> None:
    with pytest.raises(DomainError, match="baseline"):
        results.gap(bad, 2024, 270_000, 2030)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", BAD_VALUES)
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


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_actual_growth_rejects_bad_values(bad: object) -> None:
    with pytest.raises(DomainError):
        results.actual_growth(2022, bad, 2024, 148_500)  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        results.actual_growth(2022, 130_000, 2024, bad)  # type: ignore[arg-type]
