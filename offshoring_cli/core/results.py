"""The results of the formulas, as records: the gap to a target (:class:`Gap`), actual growth
(:class:`Growth`) and progress by two published methods (:class:`Status`).

Pure, typed functions; no I/O. Values are in the indicator's unit; rates are fractions per
year; periods are whole years (``n = end year - start year``). Every invalid input raises
:class:`~offshoring_cli.errors.DomainError`; no function returns NaN or an infinity.
"""

from __future__ import annotations

import math

from offshoring_cli.core.formulas import (
    _check_positive,
    _check_year,
    cagr,
    no_change_needed,
    per_period,
    periods_to_reach,
    project,
    reaches,
    snap_to_target,
)
from offshoring_cli.core.methods import growth_ratio_band, progress_band
from offshoring_cli.core.records import Number, Record


class Gap(Record):
    """How far a baseline stands from a target, and the growth that closes the gap.

    Units: ``absolute`` and ``linear_increment`` are in the indicator's unit (a year for the
    latter); ``relative`` and ``required_cagr`` are fractions; ``target_multiple`` is a ratio.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "periods",
        "absolute",
        "relative",
        "target_multiple",
        "linear_increment",
        "required_cagr",
        "already_met",
    )
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
    """``True`` when the baseline already meets the target: ``baseline >= target`` when an
    increase is wanted, ``baseline <= target`` when a decrease is."""

    def __init__(
        self,
        periods: int,
        absolute: Number,
        relative: float,
        target_multiple: float,
        linear_increment: Number,
        required_cagr: float,
        already_met: bool,
    ) -> None:
        self.periods = periods
        self.absolute = absolute
        self.relative = relative
        self.target_multiple = target_multiple
        self.linear_increment = linear_increment
        self.required_cagr = required_cagr
        self.already_met = already_met


def gap(
    baseline: Number, base_year: int, target: Number, target_year: int, increase: bool = True
) -> Gap:
    """The gap from ``baseline`` (in ``base_year``) to ``target`` (in ``target_year``).

    Formulas, with ``n = target_year - base_year``:
    absolute gap ``target - baseline``; relative gap ``absolute / baseline``; target multiple
    ``target / baseline``; linear increment ``absolute / n`` a year; required CAGR
    ``(target / baseline) ** (1 / n) - 1`` (see :func:`formulas.cagr`).

    Args:
        baseline: the latest value, in the indicator's unit; finite and > 0.
        base_year: the year of the baseline.
        target: the target value, same unit; finite and > 0.
        target_year: the target's year; must be after ``base_year``.
        increase: ``True`` when an increase is wanted, ``False`` for a decrease (it decides
            ``already_met``).

    Returns:
        A :class:`Gap`. Exact (ints) where the inputs are ints and the division is exact.

    Raises:
        DomainError: a value is not finite and > 0, ``target_year <= base_year``, or
            ``target / baseline`` overflows a float.

    Example:
        >>> g = gap(148_500, 2024, 270_000, 2030)
        >>> g.periods, g.absolute, g.linear_increment, round(g.required_cagr, 6)
        (6, 121500, 20250, 0.104773)
    """
    _check_positive("baseline", baseline)
    _check_positive("target", target)
    _check_year("the base year", base_year)
    _check_year("the target year", target_year)
    if target_year <= base_year:
        from offshoring_cli.core import formula_errors as refused

        raise refused.target_year_not_after_base(target_year, base_year)
    periods = target_year - base_year
    absolute = target - baseline  # exact for ints, as every built-in figure is
    try:
        relative, multiple = absolute / baseline, target / baseline
    except OverflowError:  # int / int beyond the float range
        relative = multiple = math.inf
    if not (math.isfinite(relative) and math.isfinite(multiple)):
        from offshoring_cli.core import formula_errors as refused

        raise refused.ratio_too_large(target, baseline)
    return Gap(
        periods=periods,
        absolute=absolute,
        relative=relative,
        target_multiple=multiple,
        linear_increment=per_period(absolute, periods),
        required_cagr=cagr(baseline, target, periods),
        already_met=reaches(baseline, target, increase),
    )


class Growth(Record):
    """Actual (historical) growth between two observations of the same series."""

    __slots__ = ("start_year", "start", "end_year", "end", "periods", "cagr", "linear_pace")  # noqa: RUF023 (the fields in order)
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

    def __init__(
        self,
        start_year: int,
        start: Number,
        end_year: int,
        end: Number,
        periods: int,
        cagr: float,
        linear_pace: Number,
    ) -> None:
        self.start_year = start_year
        self.start = start
        self.end_year = end_year
        self.end = end
        self.periods = periods
        self.cagr = cagr
        self.linear_pace = linear_pace


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
    _check_year("the start year", start_year)
    _check_year("the end year", end_year)
    if end_year <= start_year:
        from offshoring_cli.core import formula_errors as refused

        raise refused.end_year_not_after_start(end_year, start_year)
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


class Status(Record):
    """Progress towards a target, by two published methods.

    Values are in the indicator's unit, rates are fractions a year, years are calendar years.
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "base_year",
        "base_value",
        "latest_year",
        "latest",
        "target_year",
        "target",
        "actual_cagr",
        "required_cagr_from_base",
        "required_cagr_from_latest",
        "growth_ratio",
        "growth_ratio_band",
        "projected",
        "shortfall",
        "progress_score",
        "progress_band",
        "reached_year",
        "achieved",
    )
    base_year: int
    base_value: Number
    latest_year: int
    latest: Number
    target_year: int
    target: Number
    actual_cagr: float
    """CAGR from ``base_year`` to ``latest_year``."""
    required_cagr_from_base: float
    """CAGR from ``base_year`` to the target (Eurostat's convention: the same base year)."""
    required_cagr_from_latest: float
    """CAGR from the latest value to the target: what is needed from now on."""
    growth_ratio: float | None
    """R = actual / required-from-base (positive when moving the wanted way, for an increase
    or a decrease); ``None`` when the target is already met (R measures progress towards a
    target still ahead) or the required rate is 0."""
    growth_ratio_band: str
    projected: float
    """The latest value carried to the target year at the actual CAGR; the target itself when
    it lands on it up to rounding (:func:`formulas.snap_to_target`)."""
    shortfall: float
    """How far ``projected`` falls short of the target in the wanted direction:
    ``target - projected`` when an increase is wanted, ``projected - target`` for a decrease.
    Positive: short of the target; negative: beyond it; 0: on it."""
    progress_score: float | None
    """Q = (projected - base value) / (target - base value); ``None`` when the target is
    already met (like R) or target = base value."""
    progress_band: str
    reached_year: int | None
    """First year the target is reached at the actual pace (:func:`formulas.periods_to_reach`);
    ``None``: never at that pace."""
    achieved: bool
    """The latest value meets the target (:func:`formulas.reaches`, compared exactly)."""

    def __init__(
        self,
        base_year: int,
        base_value: Number,
        latest_year: int,
        latest: Number,
        target_year: int,
        target: Number,
        actual_cagr: float,
        required_cagr_from_base: float,
        required_cagr_from_latest: float,
        growth_ratio: float | None,
        growth_ratio_band: str,
        projected: float,
        shortfall: float,
        progress_score: float | None,
        progress_band: str,
        reached_year: int | None,
        achieved: bool,
    ) -> None:
        self.base_year = base_year
        self.base_value = base_value
        self.latest_year = latest_year
        self.latest = latest
        self.target_year = target_year
        self.target = target
        self.actual_cagr = actual_cagr
        self.required_cagr_from_base = required_cagr_from_base
        self.required_cagr_from_latest = required_cagr_from_latest
        self.growth_ratio = growth_ratio
        self.growth_ratio_band = growth_ratio_band
        self.projected = projected
        self.shortfall = shortfall
        self.progress_score = progress_score
        self.progress_band = progress_band
        self.reached_year = reached_year
        self.achieved = achieved


def status(
    base_year: int,
    base_value: Number,
    latest_year: int,
    latest: Number,
    target_year: int,
    target: Number,
    increase: bool = True,
) -> Status:
    """Assess progress from ``base_year`` to ``latest_year`` against a target.

    Two methods, both on observations of the same series:

    * Eurostat-style growth ratio (Open SDG): ``R = actual / required``, with the actual CAGR
      from the base year to the latest year and the required CAGR from the **same** base year
      to the target year; bands in :func:`~offshoring_cli.core.methods.growth_ratio_band`.
    * UN Statistics Division Progress Chart: project the latest value to the target year at
      the actual CAGR, then ``Q = (projected - base value) / (target - base value)``; bands in
      :func:`~offshoring_cli.core.methods.progress_band`.

    Also: the CAGR needed from the latest value, the shortfall at the target year (positive
    when short of the target in the wanted direction, for an increase or a decrease), and the
    year the target is reached at the actual pace (:func:`formulas.periods_to_reach`). When the
    latest value already meets the target, both bands are "achieved" and R and Q are ``None``:
    they measure progress towards a target still ahead (an R of -3.79 beside "achieved" means
    nothing).

    A target needing no change from the base value (:func:`formulas.no_change_needed`) makes
    both methods divide by nil: R and Q are ``None`` (sdg-build's ratio divides by zero there:
    no answer), and a reading not met takes the bands of its direction: "moving away" and
    "stagnation or regression" when the value moved the wrong way, "limited progress" (R = 0)
    when it did not move. Values are compared exactly as given; rates and projections are
    doubles (an int above 2 ** 53 is rounded, a relative 1.1e-16): 10 ** 16 + 1 meets that
    target in the latest year, though its projection over 0 years is the double 1e16 below.

    Args:
        base_year, base_value: the assessment's base observation (values > 0).
        latest_year, latest: the latest observation, after ``base_year``.
        target_year, target: the target; ``target_year`` after ``latest_year``.
        increase: ``True`` when an increase is wanted, ``False`` for a decrease (it decides
            what "achieved" and "years to reach" mean).

    Raises:
        DomainError: values not finite and > 0, or years out of order.

    Example:
        >>> s = status(2022, 130_000, 2024, 148_500, 2030, 270_000)  # jobs
        >>> round(s.growth_ratio, 4), s.growth_ratio_band, round(s.projected), s.reached_year
        (0.7191, 'acceleration needed', 221348, 2033)
    """
    if latest_year <= base_year or target_year <= latest_year:
        from offshoring_cli.core import formula_errors as refused

        if latest_year <= base_year:
            raise refused.latest_year_not_after_base(latest_year, base_year)
        raise refused.target_year_not_after_latest(target_year, latest_year)
    actual = cagr(base_value, latest, latest_year - base_year)
    required_base = cagr(base_value, target, target_year - base_year)
    required_latest = cagr(latest, target, target_year - latest_year)
    achieved = reaches(latest, target, increase)
    ratio: float | None = None
    nil = no_change_needed(base_value, target)
    if required_base != 0 and not achieved:
        # Both rates are negative when a decrease is wanted, so the ratio keeps the meaning
        # "share of the required pace achieved" in either direction.
        ratio = actual / required_base
    ahead = target_year - latest_year
    projected = snap_to_target(project(latest, actual, ahead), target, steps=ahead)
    score = None
    if not nil and not achieved:
        score = (projected - base_value) / (target - base_value)
    # Without R, the band of R's sign: a pace the wrong way is "moving away", none R = 0.
    away = actual < 0 if increase else actual > 0
    ratio_for_band = ratio if ratio is not None else (-1.0 if away else 0.0)
    n = periods_to_reach(latest, target, actual, increase)
    return Status(
        base_year=base_year,
        base_value=base_value,
        latest_year=latest_year,
        latest=latest,
        target_year=target_year,
        target=target,
        actual_cagr=actual,
        required_cagr_from_base=required_base,
        required_cagr_from_latest=required_latest,
        growth_ratio=ratio,
        growth_ratio_band=growth_ratio_band(ratio_for_band, achieved),
        projected=projected,
        shortfall=target - projected if increase else projected - target,
        progress_score=score,
        progress_band=progress_band(score if score is not None else 0.0, achieved),
        reached_year=None if n is None else latest_year + n,
        achieved=achieved,
    )
