"""The calculations: gaps to a target and compound annual growth rates.

Pure, typed functions; no I/O. Values are in the indicator's unit (jobs, or MAD); rates are
fractions per year (0.1048 means 10.48 % a year); periods are whole years between two dated
values (``n = end year - start year``: intervals, not data points).

Every invalid input raises :class:`DomainError` (a :class:`ValueError`); no function here ever
returns NaN, an infinity or a complex number.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from offshoring_cli.domain import Number


class DomainError(ValueError):
    """An input outside a calculation's domain (non-positive value, no periods, overflow...)."""


def _check_positive(name: str, value: Number) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DomainError(f"{name} must be a number, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise DomainError(f"{name} must be a finite number, got {value!r}")
    if value <= 0:
        raise DomainError(f"{name} must be greater than 0, got {value!r}")


def _check_periods(periods: int) -> None:
    if isinstance(periods, bool) or not isinstance(periods, int):
        raise DomainError(f"periods must be a whole number of years, got {periods!r}")
    if periods <= 0:
        raise DomainError(f"periods must be at least 1 year, got {periods}")


def cagr(start: Number, end: Number, periods: int) -> float:
    """Compound annual growth rate from ``start`` to ``end`` over ``periods`` years.

    Formula: ``(end / start) ** (1 / periods) - 1``, the standard CAGR (the same as Excel's
    ``RRI(periods, start, end)``; numpy-financial's ``rate(periods, 0, -start, end)`` agrees).
    It is evaluated as ``expm1(log1p((end - start) / start) / periods)`` so that rates near
    zero keep full relative precision.

    Args:
        start: value at the start, in the indicator's unit; finite and > 0.
        end: value at the end, same unit; finite and > 0.
        periods: whole years between the two values (end year - start year); >= 1.

    Returns:
        The rate as a fraction per year (``0.104773`` for 10.48 % a year); negative when
        ``end < start``, always > -1.

    Raises:
        DomainError: ``start`` or ``end`` is not a finite number > 0, ``periods`` is not an
            integer >= 1, or the rate is too large to represent as a float.

    Example:
        >>> round(cagr(148_500, 270_000, 6), 6)  # jobs 2024 -> 2030
        0.104773
    """
    _check_positive("start", start)
    _check_positive("end", end)
    _check_periods(periods)
    try:
        change = (end - start) / start
    except OverflowError:  # int / int beyond the float range
        change = math.inf
    # log1p keeps precision near zero growth; where the ratio overflows, use the logarithms.
    log_ratio = math.log1p(change) if math.isfinite(change) else math.log(end) - math.log(start)
    try:
        return math.expm1(log_ratio / periods)
    except OverflowError:
        raise DomainError(
            f"growth from {start!r} to {end!r} in {periods} years is too large to represent"
        ) from None


def per_period(total: Number, periods: int) -> Number:
    """``total / periods``: an ``int`` when it divides exactly, a float otherwise.

    Raises:
        DomainError: ``periods`` is not an integer >= 1.
    """
    _check_periods(periods)
    if isinstance(total, int) and total % periods == 0:
        return total // periods
    return total / periods


class Gap(NamedTuple):
    """How far a baseline stands from a target, and the growth that closes the gap.

    Units: ``absolute`` and ``linear_increment`` are in the indicator's unit (a year for the
    latter); ``relative`` and ``required_cagr`` are fractions; ``target_multiple`` is a ratio.
    """

    periods: int
    """Years from base year to target year (``target_year - base_year``)."""
    absolute: Number
    """``target - baseline``; zero or negative when the target is already met."""
    relative: float
    """``(target - baseline) / baseline``."""
    target_multiple: float
    """``target / baseline``."""
    linear_increment: Number
    """``(target - baseline) / periods``: the constant yearly addition of the linear path."""
    required_cagr: float
    """``(target / baseline) ** (1 / periods) - 1``: the compound rate that reaches the target."""
    already_met: bool
    """``True`` when ``baseline >= target`` (an increase is wanted)."""


def gap(baseline: Number, base_year: int, target: Number, target_year: int) -> Gap:
    """The gap from ``baseline`` (in ``base_year``) to ``target`` (in ``target_year``).

    Formulas, with ``n = target_year - base_year``:
    absolute gap ``target - baseline``; relative gap ``absolute / baseline``; target multiple
    ``target / baseline``; linear increment ``absolute / n`` a year; required CAGR
    ``(target / baseline) ** (1 / n) - 1`` (see :func:`cagr`).

    Args:
        baseline: the latest value, in the indicator's unit; finite and > 0.
        base_year: the year of the baseline.
        target: the target value, same unit; finite and > 0.
        target_year: the target's year; must be after ``base_year``.

    Returns:
        A :class:`Gap`. Exact (ints) where the inputs are ints and the division is exact.

    Raises:
        DomainError: a value is not finite and > 0, or ``target_year <= base_year``.

    Example:
        >>> g = gap(148_500, 2024, 270_000, 2030)
        >>> g.periods, g.absolute, g.linear_increment, round(g.required_cagr, 6)
        (6, 121500, 20250, 0.104773)
    """
    _check_positive("baseline", baseline)
    _check_positive("target", target)
    if target_year <= base_year:
        raise DomainError(
            f"the target year ({target_year}) must be after the base year ({base_year})"
        )
    periods = target_year - base_year
    absolute = target - baseline  # exact for ints, as every built-in figure is
    return Gap(
        periods=periods,
        absolute=absolute,
        relative=absolute / baseline,
        target_multiple=target / baseline,
        linear_increment=per_period(absolute, periods),
        required_cagr=cagr(baseline, target, periods),
        already_met=baseline >= target,
    )


class Growth(NamedTuple):
    """Actual (historical) growth between two observations of the same series."""

    start_year: int
    start: Number
    end_year: int
    end: Number
    periods: int
    """``end_year - start_year``."""
    cagr: float
    """Compound annual growth rate, a fraction per year."""
    linear_pace: Number
    """``(end - start) / periods``: the average yearly change, in the indicator's unit."""


def actual_growth(start_year: int, start: Number, end_year: int, end: Number) -> Growth:
    """Actual (historical) growth from one observation to a later one of the same series.

    The caller is responsible for passing two observations of one statistical series; growth
    across two series (or a half-year and a full-year figure) is meaningless.

    Formulas, with ``n = end_year - start_year``: CAGR ``(end / start) ** (1 / n) - 1``;
    linear pace ``(end - start) / n`` a year.

    Raises:
        DomainError: a value is not finite and > 0, or ``end_year <= start_year``.

    Example:
        >>> g = actual_growth(2022, 130_000, 2024, 148_500)  # jobs
        >>> round(g.cagr, 6), g.linear_pace
        (0.068788, 9250)
    """
    if end_year <= start_year:
        raise DomainError(f"the end year ({end_year}) must be after the start year ({start_year})")
    periods = end_year - start_year
    rate = cagr(start, end, periods)
    return Growth(
        start_year=start_year,
        start=start,
        end_year=end_year,
        end=end,
        periods=periods,
        cagr=rate,
        linear_pace=per_period(end - start, periods),
    )
