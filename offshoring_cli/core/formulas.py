"""The formulas: compound annual growth rates, projections, and when a value reaches a target.

Pure, typed functions; no I/O. Values are in the indicator's unit (jobs, or MAD); rates are
fractions per year (0.1048 means 10.48 % a year); periods are whole years between two dated
values (``n = end year - start year``: intervals, not data points). The records they make up
(gap, actual growth, progress) are in :mod:`offshoring_cli.core.results`.

Every invalid input raises :class:`~offshoring_cli.errors.DomainError` (a
:class:`ValueError`); no function here ever returns NaN, an infinity or a complex number.
"""

import math
import sys

from offshoring_cli.core.records import Number
from offshoring_cli.core.search import first_year


def _check_positive(name: str, value: Number) -> None:
    number = not isinstance(value, bool) and isinstance(value, int | float)
    if not number or (isinstance(value, float) and not math.isfinite(value)) or value <= 0:
        from offshoring_cli.core import formula_errors as refused

        if not number:
            raise refused.not_a_number(name, value)
        if isinstance(value, float) and not math.isfinite(value):
            raise refused.not_finite(name, value)
        raise refused.not_positive(name, value)


def _check_year(name: str, year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        from offshoring_cli.core import formula_errors as refused

        raise refused.not_a_year(name, year)


def _check_periods(periods: int) -> None:
    if isinstance(periods, bool) or not isinstance(periods, int):
        from offshoring_cli.core import formula_errors as refused

        raise refused.periods_not_whole(periods)
    if periods <= 0:
        from offshoring_cli.core import formula_errors as refused

        raise refused.periods_below_one(periods)


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
            integer >= 1, or the rate is too large to represent as a float, or so close to
            -100 % (a decline by a factor over 2**52 a year) that it would round to -1.

    Precision: the rate has full relative precision near zero (``log1p``/``expm1``). Its
    absolute precision (about 1.1e-16) is all that compounding ``1 + r`` keeps, so a decline
    to a growth factor ``f = 1 + r`` round-trips through :func:`project` to a relative
    ``n * 1.1e-16 / f`` after ``n`` years: 1e-12 or better for ``f >= 0.05`` (a fall of at
    most 95 % a year) over 200 years; for :func:`reaches`, whose tolerance is a few ulps,
    the limit is a fall of 90 % a year (see there).

    Example:
        >>> round(cagr(148_500, 270_000, 6), 6)  # jobs 2024 -> 2030
        0.104773
    """
    _check_positive("start", start)
    _check_positive("end", end)
    _check_periods(periods)
    return _growth_rate(start, end, periods)


def _growth_rate(start: Number, end: Number, periods: int) -> float:
    """:func:`cagr`'s arithmetic and its errors, for inputs already checked (> 0, periods >= 1)."""
    try:
        change = (end - start) / start
    except OverflowError:  # int / int beyond the float range
        change = math.inf
    # log1p keeps full precision near zero growth; far from it (a halving or worse, a
    # doubling or more) the logarithm of the ratio is as precise and never meets log1p(-1).
    # Only a ratio beyond the float range (it overflows, or underflows to a subnormal or 0)
    # takes the difference of logarithms, which loses up to ulp(log(value)) in absolute terms.
    if -0.5 < change < 1.0:
        log_ratio = math.log1p(change)
    else:
        try:
            ratio = end / start
        except OverflowError:  # int / int beyond the float range
            ratio = math.inf
        if sys.float_info.min <= ratio < math.inf:
            log_ratio = math.log(ratio)
        else:
            log_ratio = math.log(end) - math.log(start)
    try:
        rate = math.expm1(log_ratio / periods)
    except OverflowError:
        from offshoring_cli.core import formula_errors as refused

        raise refused.growth_too_large(start, end, periods) from None
    if rate <= -1.0:  # mathematically > -1, but too close to -1 for a float
        from offshoring_cli.core import formula_errors as refused

        raise refused.decline_too_steep(start, end, periods)
    return rate


def per_period(total: Number, periods: int) -> Number:
    """``total / periods``: an ``int`` when it divides exactly, a float otherwise.

    Raises:
        DomainError: ``periods`` not an integer >= 1; a quotient beyond the float range.
    """
    _check_periods(periods)
    if isinstance(total, int) and total % periods == 0:
        return total // periods
    try:
        return total / periods
    except OverflowError:  # an int beyond the float range
        from offshoring_cli.core.formula_errors import per_year_too_large

        raise per_year_too_large(total, periods) from None


def project(value: Number, rate: float, periods: int) -> float:
    """``value`` compounded at ``rate`` a year for ``periods`` years: ``value * (1 + rate) ** n``.

    Args:
        value: the starting value, in the indicator's unit; finite and > 0.
        rate: growth a year as a fraction (0.08 for 8 %); finite and > -1.
        periods: whole years ahead; >= 0.

    Raises:
        DomainError: an argument is out of range, or the result overflows a float.
    """
    _check_positive("value", value)
    _check_rate(rate)
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 0:
        from offshoring_cli.core import formula_errors as refused

        raise refused.periods_negative(periods)
    return _compound(value, rate, periods)


def _compound(value: Number, rate: float, periods: int) -> float:
    """:func:`project`'s arithmetic and its error, for arguments already checked."""
    try:
        result = value * (1.0 + rate) ** periods
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        from offshoring_cli.core import formula_errors as refused

        raise refused.overflows(value, rate, periods)
    return result


def _check_rate(rate: float) -> None:
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate):
        from offshoring_cli.core import formula_errors as refused

        raise refused.rate_not_finite(rate)
    if rate <= -1:
        from offshoring_cli.core import formula_errors as refused

        raise refused.rate_too_low(rate)


REACH_ULPS = 4
"""Units in the last place that :func:`reaches` forgives per rounding step (see there)."""

REACH_MAX_STEPS = 300
"""The most rounding steps :func:`reaches` allows for: 300 years of compounding, the span of
the accepted years (1900-2200). A longer horizon keeps the tolerance of 300 years."""


def _magnitude(x: Number) -> float:
    try:
        return abs(float(x))
    except OverflowError:  # an int beyond the float range
        return math.inf


def reach_tolerance(steps: int, value: Number, *others: Number) -> float:
    """The rounding :func:`reaches` forgives, in the unit of the values:
    ``REACH_ULPS * (min(steps, REACH_MAX_STEPS) + 1)`` units in the last place of the
    largest of ``value`` and ``others``.

    ``0.0`` (an exact comparison) when ``steps <= 0`` (nothing was computed), when ``value``
    is an ``int`` (whole-number arithmetic is exact) or when a value lies beyond the float
    range.

    Example: 40 bn MAD after 6 years of compounding: ``4 * 7 * ulp(4e10) = 28 * 7.6e-6 =
    2.1e-4`` MAD. Relatively, never more than ``4 * 301 * 2.2e-16 = 2.7e-13`` of the largest
    value.
    """
    if steps <= 0 or isinstance(value, int):
        return 0.0
    largest = _magnitude(value)
    for x in others:  # max(), without a generator: this runs in every search step
        size = _magnitude(x)
        if size > largest:
            largest = size
    if not math.isfinite(largest):
        return 0.0
    return REACH_ULPS * (min(steps, REACH_MAX_STEPS) + 1) * math.ulp(largest)


def reaches(
    value: Number,
    target: Number,
    increase: bool = True,
    steps: int = 0,
    start: Number | None = None,
) -> bool:
    """Whether ``value`` meets ``target`` in the wanted direction: the one comparison behind
    every "reached", "met", "already met" and "achieved" of every command.

    ``value >= target`` (``value <= target`` when ``increase`` is false: a decrease is
    wanted), or, for a ``value`` computed in floating point, ``value`` within
    :func:`reach_tolerance` of ``target`` on either side.

    The tolerance is :data:`REACH_ULPS` (4) units in the last place (ulps) for each rounding
    step carried into ``value`` and once more for the last operation, of the largest of
    ``value``, ``target`` and ``start``:

    - ``steps = n`` for a compound projection ``start * (1 + rate) ** n``: the growth factor
      ``1 + rate`` is rounded to a float once, and that error compounds every year (at most
      :data:`REACH_MAX_STEPS` counted). At the required rate of :func:`results.gap` the projection
      lands within about ``n + 2`` ulps of the target, on either side: 4 * (6 + 1) = 28 ulps
      (2.1e-4 MAD on 40 bn MAD) cover the 6 years to 2030;
    - ``steps = 1`` for a linear path ``start + increment * n`` (one product and one sum,
      whatever ``n``; the rounding is at the size of ``start``, hence its place in the
      comparison): 8 ulps, where the required increment ``gap / n`` lands within 2;
    - ``steps = 0`` for a value as given (a baseline, a latest observation): exact, as is
      any ``int`` value (whole-number arithmetic does not round).

    So a projection at the required rate or increment reaches the target in the target year,
    and a pace that misses by more than rounding (a relative 3e-13 at most) never counts as
    reaching it. Limit: a decline steeper than 90 % a year carries the imprecision of its
    rate (a relative ``n * 1.1e-16 / (1 + rate)``, see :func:`cagr`), which can exceed the
    tolerance: there the year can come one late.

    Args:
        value: the value reached, in the indicator's unit.
        target: the target, same unit.
        increase: ``True`` when an increase is wanted, ``False`` for a decrease.
        steps: rounding steps behind ``value``, as above; ``0``: ``value`` is as given.
        start: the value a linear projection started from.

    Example:
        >>> reaches(26_220_000_000 * (1 + 0.07292957665124838) ** 6, 40_000_000_000, steps=6)
        True
        >>> reaches(39_999_999_999.99, 40_000_000_000, steps=6)  # 0.01 MAD short: not rounding
        False
    """
    if value >= target if increase else value <= target:
        return True
    extra = () if start is None else (start,)
    tolerance = reach_tolerance(steps, value, target, *extra)
    return tolerance > 0 and abs(value - target) <= tolerance


_BEYOND_TOLERANCE = 2.7e-13
"""Above the largest tolerance relative to the values: ``REACH_ULPS * (REACH_MAX_STEPS + 1)``
ulps of the largest, at most ``4 * 301 * 2 ** -52 = 2.6734e-13`` of it (of the sum of their
magnitudes, then) for a normal float; a difference beyond this share is never within
:func:`reach_tolerance`."""
_SMALLEST_NORMAL = 2.3e-308
"""Above the smallest normal float (2.2251e-308): below it an ulp is not relative."""


def snap_to_target(
    value: Number, target: Number, steps: int, start: Number | None = None
) -> Number:
    """``target`` itself when ``value`` is within :func:`reach_tolerance` of it (on either
    side), else ``value``: a projection that lands on the target up to rounding is shown as
    the target (40,000,000,000 MAD, not 39,999,999,999.999985), so that the value, the
    shortfall (0) and the year the target is reached (:func:`reaches`) agree.

    Args: as :func:`reaches`.
    """
    if value == target:
        return target
    if steps <= 0 or isinstance(value, int):  # no tolerance (see reach_tolerance)
        return value
    try:  # far from the target: beyond any tolerance, without working it out
        total = abs(value) + abs(target) + (0.0 if start is None else abs(start))
        if total >= _SMALLEST_NORMAL and abs(value - target) > _BEYOND_TOLERANCE * total:
            return value
    except OverflowError:  # an int beyond the float range: see reach_tolerance
        pass
    extra = () if start is None else (start,)
    tolerance = reach_tolerance(steps, value, target, *extra)
    if tolerance > 0 and abs(value - target) <= tolerance:
        return target
    return value


def no_change_needed(base_value: Number, target: Number) -> bool:
    """Whether the change from ``base_value`` to ``target`` is nil, as Q's arithmetic sees it.

    ``target - base_value == 0``: equal values, or an int and a float closer than a double
    tells apart (near 1e18, the int 999,999,999,999,999,900 minus the float
    999,999,999,999,999,872.0 is 0.0). R and Q would divide by nil (:func:`results.status`).
    """
    return target - base_value == 0


def periods_to_reach(
    value: Number, target: Number, rate: float, increase: bool = True
) -> int | None:
    """Whole years until ``value`` growing at ``rate`` a year first reaches ``target``.

    The smallest ``n >= 0`` for which ``value * (1 + rate) ** n`` reaches ``target`` by
    :func:`reaches` (``>= target``, or ``<= target`` when ``increase`` is false: a decrease
    is wanted, up to the rounding of ``n`` years of compounding), evaluated with the same
    arithmetic as :func:`project`, so the two always agree: at the required rate of
    :func:`results.gap` the answer is the gap's number of years. ``0`` when the target is met
    already (compared exactly); ``None`` when the pace never gets there (zero, the wrong way,
    or a change below float resolution). A year however far off is returned as it is.

    Raises:
        DomainError: ``value`` or ``target`` not finite and > 0, or ``rate`` not > -1.

    Example:
        >>> periods_to_reach(148_500, 270_000, 0.068788)  # jobs at the 2022-2024 pace
        9
    """
    _check_positive("value", value)
    _check_positive("target", target)
    _check_rate(rate)
    if reaches(value, target, increase):
        return 0
    factor = 1.0 + rate  # the factor project() compounds with
    if (factor <= 1.0) if increase else (factor >= 1.0):
        return None  # never: no change, or a change the wrong way (or below float resolution)
    estimate = math.log(target / value) / math.log(factor)
    if not math.isfinite(estimate):
        return None

    def reached(n: int) -> bool:
        try:
            now = value * factor**n
        except OverflowError:
            now = math.inf
        return reaches(now, target, increase, n)  # n years of compounding

    # Not met now (checked exactly above), so at least one year: above 2**53 a float can
    # round the value onto the target.
    return first_year(reached, estimate)


def periods_to_reach_linear(
    value: Number, target: Number, increment: Number, increase: bool = True
) -> int | None:
    """Whole years until ``value`` plus ``increment`` a year first reaches ``target``.

    The smallest ``n >= 0`` for which ``value + increment * n`` reaches ``target`` by
    :func:`reaches` (``>= target``, or ``<=`` when ``increase`` is false, up to the rounding of
    the sum), with the same arithmetic the projections use: at the linear increment of
    :func:`results.gap` the answer is the gap's number of years. ``0`` when the target is met
    already (compared exactly); ``None`` when the increment is zero or goes the wrong way, or
    is too small for the number of years to be represented.

    Raises:
        DomainError: an argument is not a finite number.
    """
    for name, x in (("value", value), ("target", target), ("increment", increment)):
        if isinstance(x, bool) or not isinstance(x, int | float) or not math.isfinite(x):
            from offshoring_cli.core import formula_errors as refused

            raise refused.not_finite(name, x)
    if reaches(value, target, increase):
        return 0
    if (increment <= 0) if increase else (increment >= 0):
        return None
    estimate = (target - value) / increment
    if not math.isfinite(estimate):
        return None

    def reached(n: int) -> bool:
        now = value + increment * n
        return reaches(now, target, increase, 1, start=value)

    return first_year(reached, estimate)  # not met now: at least one year
