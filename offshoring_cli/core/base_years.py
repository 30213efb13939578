"""The pace from each of several base years: what the range over base years of ``status``
needs (``reports/status_pace.py``), at a fraction of the cost of a full assessment per base
year.

Pure, typed functions; no I/O. Values are in the indicator's unit, rates are fractions a year,
years are calendar years.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from offshoring_cli.core.formulas import (
    REACH_MAX_STEPS,
    REACH_ULPS,
    _check_positive,
    _compound,
    _growth_rate,
    _magnitude,
    reaches,
)
from offshoring_cli.core.records import Number, Record
from offshoring_cli.core.search import first_from
from offshoring_cli.errors import DomainError

_PLAIN = (int, float)


class Pace(Record):
    """The actual pace from one base year to the latest year, and where it leads: the fields
    of the same name of :class:`~offshoring_cli.core.results.Status`, with the same values."""

    __slots__ = ("base_year", "base_value", "actual_cagr", "projected", "reached_year")  # noqa: RUF023 (the fields in order)
    base_year: int
    base_value: Number
    actual_cagr: float
    """CAGR from ``base_year`` to the latest year."""
    projected: float
    """The latest value carried to the target year at ``actual_cagr`` (snapped to the target
    when it lands on it up to rounding)."""
    reached_year: int | None
    """First year the target is reached at that pace; ``None``: never."""

    def __init__(
        self,
        base_year: int,
        base_value: Number,
        actual_cagr: float,
        projected: float,
        reached_year: int | None,
    ) -> None:
        self.base_year = base_year
        self.base_value = base_value
        self.actual_cagr = actual_cagr
        self.projected = projected
        self.reached_year = reached_year


def paces(
    bases: Sequence[tuple[int, Number]],
    latest_year: int,
    latest: Number,
    target_year: int,
    target: Number,
    increase: bool = True,
) -> list[Pace]:
    """For each ``(base year, base value)`` of ``bases``, in order: the actual CAGR to the
    latest year, the value at the target year at that pace and the year the target is reached.

    The same numbers, computed the same way, as ``actual_cagr``, ``projected`` and
    ``reached_year`` of :func:`results.status(base_year, base_value, latest_year, latest,
    target_year, target, increase) <offshoring_cli.core.results.status>` (:func:`formulas.cagr`,
    :func:`formulas.project` with :func:`formulas.snap_to_target`,
    :func:`formulas.periods_to_reach`), without the rest of that assessment (the required
    rates, R, Q, their bands), and with the latest value and the target checked once rather
    than once per base year.

    Raises:
        DomainError: a value not finite and > 0, or years out of order (a base year not
            before the latest year, a target year not after it).

    Example:
        >>> [(p.base_year, round(p.actual_cagr, 6), round(p.projected), p.reached_year)
        ...  for p in paces([(2022, 130_000)], 2024, 148_500, 2030, 270_000)]  # jobs
        [(2022, 0.068788, 221348, 2033)]
    """
    if target_year <= latest_year:
        raise DomainError(
            f"the target year ({target_year}) must be after the latest year ({latest_year})"
        )
    _check_positive("end", latest)
    _check_positive("target", target)
    ahead = target_year - latest_year
    met = reaches(latest, target, increase)  # the year search's first test: the same for all
    target_size = _magnitude(target)
    try:
        log_ratio: float | None = math.log(target / latest)
    except (OverflowError, ValueError):  # raised again where periods_to_reach raises
        log_ratio = None
    found: list[Pace] = []
    for base_year, base_value in bases:
        if latest_year <= base_year:
            raise DomainError(
                f"the latest year ({latest_year}) must be after the base year ({base_year})"
            )
        if not (type(base_value) in _PLAIN and 0 < base_value < math.inf):
            _check_positive("start", base_value)  # raises, unless a subclass of int or float
        actual = _growth_rate(base_value, latest, latest_year - base_year)
        # snap_to_target(project(latest, actual, ahead), target, steps=ahead)
        projected: Number = _compound(latest, actual, ahead)
        if projected == target:
            projected = target
        else:
            tolerance = _tolerance(ahead, projected, target_size)
            if tolerance > 0 and abs(projected - target) <= tolerance:
                projected = target
        if met:
            reached_year: int | None = latest_year
        else:
            n = _years(latest, target, actual, increase, log_ratio, target_size)
            reached_year = None if n is None else latest_year + n
        found.append(Pace(base_year, base_value, actual, projected, reached_year))
    return found


def _tolerance(steps: int, value: float, target_size: float) -> float:
    """``formulas.reach_tolerance(steps, value, target)`` for a float ``value``, ``steps >= 1``
    and ``target_size = _magnitude(target)``."""
    largest = abs(value)
    if target_size > largest:
        largest = target_size
    if not math.isfinite(largest):
        return 0.0
    counted = steps if steps < REACH_MAX_STEPS else REACH_MAX_STEPS
    return REACH_ULPS * (counted + 1) * math.ulp(largest)


def _reached(value: Number, target: Number, up: bool, size: float, factor: float, n: int) -> bool:
    """``formulas.reaches(value * factor**n, target, up, n)``: ``n`` years of compounding;
    ``size = _magnitude(target)``."""
    try:
        now = value * factor**n
    except OverflowError:
        now = math.inf
    if now >= target if up else now <= target:
        return True
    if n <= 0:
        return False
    tolerance = _tolerance(n, now, size)
    return tolerance > 0 and abs(now - target) <= tolerance


def _years(
    value: Number,
    target: Number,
    rate: float,
    up: bool,
    log_ratio: float | None,
    size: float,
) -> int | None:
    """``formulas.periods_to_reach(value, target, rate, up)`` for a target not met now, the
    arguments checked, ``log_ratio = log(target / value)`` (``None``: to compute, which
    raises) and ``size = _magnitude(target)``: the same steps, the first two written out."""
    factor = 1.0 + rate  # the factor project() compounds with
    if (factor <= 1.0) if up else (factor >= 1.0):
        return None  # never: no change, or a change the wrong way (or below resolution)
    estimate = (math.log(target / value) if log_ratio is None else log_ratio) / math.log(factor)
    if not math.isfinite(estimate):
        return None
    n = math.ceil(estimate)  # search.first_year, from here
    if n < 1:
        n = 1
    try:  # _reached(..., n), written out: nearly always true without a tolerance
        now = value * factor**n
    except OverflowError:
        now = math.inf
    if not (now >= target if up else now <= target):
        tolerance = _tolerance(n, now, size)
        if not (tolerance > 0 and abs(now - target) <= tolerance):
            return first_from(lambda k: _reached(value, target, up, size, factor, k), n, False)
    if n == 1 or not _reached(value, target, up, size, factor, n - 1):
        return n
    return first_from(lambda k: _reached(value, target, up, size, factor, k), n - 1, True)


class Extremes(Record):
    """The lowest and highest of :func:`paces` (a non-empty list), as ``min`` and ``max``
    give them: of equal ones, the first."""

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "lowest",
        "highest",
        "projected_lowest",
        "projected_highest",
        "reached_earliest",
        "reached_latest",
        "never",
    )
    lowest: Pace
    """The pace with the lowest actual CAGR."""
    highest: Pace
    """The pace with the highest actual CAGR."""
    projected_lowest: Number
    projected_highest: Number
    reached_earliest: int | None
    """The earliest year the target is reached; ``None``: never, from any base year."""
    reached_latest: int | None
    """The latest year the target is reached, of the base years it is reached from."""
    never: bool
    """The target is never reached at the pace from at least one base year."""

    def __init__(
        self,
        lowest: Pace,
        highest: Pace,
        projected_lowest: Number,
        projected_highest: Number,
        reached_earliest: int | None,
        reached_latest: int | None,
        never: bool,
    ) -> None:
        self.lowest = lowest
        self.highest = highest
        self.projected_lowest = projected_lowest
        self.projected_highest = projected_highest
        self.reached_earliest = reached_earliest
        self.reached_latest = reached_latest
        self.never = never


def extremes(found: Sequence[Pace]) -> Extremes:
    """The lowest and highest figures of ``found`` (non-empty), in one pass.

    Raises:
        IndexError: ``found`` is empty.
    """
    lowest = highest = found[0]
    low, high = lowest.projected, lowest.projected
    earliest = latest = found[0].reached_year
    never = earliest is None
    for p in found[1:]:
        if p.actual_cagr < lowest.actual_cagr:
            lowest = p
        if p.actual_cagr > highest.actual_cagr:
            highest = p
        if p.projected < low:
            low = p.projected
        if p.projected > high:
            high = p.projected
        year = p.reached_year
        if year is None:
            never = True
        else:
            if earliest is None or year < earliest:
                earliest = year
            if latest is None or year > latest:
                latest = year
    return Extremes(lowest, highest, low, high, earliest, latest, never)
