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
    _check_positive,
    _compound,
    _growth_rate,
    _magnitude,
    _snap_float,
    reach_search,
)
from offshoring_cli.core.records import Number, Record
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
    reached_in = reach_search(latest, target, increase)
    target_size = _magnitude(target)
    found: list[Pace] = []
    for base_year, base_value in bases:
        if latest_year <= base_year:
            raise DomainError(
                f"the latest year ({latest_year}) must be after the base year ({base_year})"
            )
        if not (type(base_value) in _PLAIN and 0 < base_value < math.inf):
            _check_positive("start", base_value)  # raises, unless a subclass of int or float
        actual = _growth_rate(base_value, latest, latest_year - base_year)
        projected = _snap_float(_compound(latest, actual, ahead), target, ahead, target_size)
        n = reached_in(actual)
        found.append(
            Pace(base_year, base_value, actual, projected, None if n is None else latest_year + n)
        )
    return found
