"""The ``project`` report: where each metric lands at an assumed pace (a what-if)."""

from offshoring_cli.core import formulas
from offshoring_cli.core.fields import Field
from offshoring_cli.core.methods import (
    _AT_TARGET,
    REACHED_METHOD,
    SHORTFALL_LABEL,
    SHORTFALL_METHOD,
)
from offshoring_cli.core.records import Number, is_count
from offshoring_cli.core.resolve import (
    Options,
    Resolved,
    _magnitude_warning,
    _target_sources,
    resolve,
)
from offshoring_cli.errors import DomainError, InputError
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import Report, _head, _inputs, _override_notes, _report

PROJECT_FIELDS = (
    Field("base_year", "Base year", "year"),
    Field("baseline", "Baseline", "value"),
    Field("growth_rate", "Assumed growth a year", "rate"),
    Field("increment_per_year", "Assumed increment a year", "value_per_year"),
    Field("until_year", "Projected to year", "year"),
    Field("value_at_until_year", "Value then", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("value_at_target_year", "Value at target year", "value"),
    Field("gap_at_target_year", SHORTFALL_LABEL, "value"),
    Field("target_reached_year", "Target reached in", "year", "not reached"),
)

PROJECT_METHODS = {
    "value_at_until_year": (
        "compound: baseline * (1 + growth) ** (year - base year); "
        "linear: baseline + increment * (year - base year)"
    ),
    "value_at_target_year": "as value_at_until_year, in the target year" + _AT_TARGET,
    "gap_at_target_year": SHORTFALL_METHOD,
    "target_reached_year": REACHED_METHOD + "; null if never at that pace",
}


def project_report(
    options: Options,
    growth: float | None = None,
    increment: Number | None = None,
    until: int | None = None,
) -> Report:
    """The ``project`` command: where each metric lands at an assumed pace (a what-if).

    Give exactly one of ``growth`` (a fraction a year, > -1: compound) or ``increment`` (in
    the metric's unit a year: linear). ``until`` defaults to the target year.

    A projected value within rounding of the target is the target itself
    (:func:`formulas.snap_to_target`), and the year the target is reached is found by the same
    comparison (:func:`formulas.reaches`): at the required rate or increment of ``gap``, the
    target is reached in the target year, with a shortfall of 0. The shortfall
    (``gap_at_target_year``) is positive when the value falls short of the target in the
    wanted direction, for an increase or a decrease.

    Raises:
        DomainError: see :func:`resolve`; neither or both of growth and increment; ``until``
            not after the base year; a projection that overflows.
    """
    if (growth is None) == (increment is None):
        raise InputError("growth", "give exactly one of {growth} RATE or {increment} N")
    if increment is not None and len(options.metrics) != 1:
        first, *rest = options.dataset.indicators
        raise InputError(
            "increment",
            "{increment} is in the metric's unit; choose one metric with "
            + " or ".join(f"{{metrics}} {m}" for m in (first, *rest)[:2]),
        )
    resolved, warnings = resolve(options)
    rows, explanation = [], []
    for r in resolved:
        if increment is not None and is_count(r.unit) and increment != int(increment):
            raise InputError(
                "increment",
                f"{{increment}} {increment:g}: {r.unit} are whole, give a whole number of "
                f"{r.unit} a year",
            )
        if increment and abs(increment) > 1e3 * r.baseline:  # likely a wrong unit
            warning = _magnitude_warning("{increment}", abs(increment), r.baseline, what="baseline")
            warnings += [warning] if warning else []
        end = until if until is not None else r.target_year
        if end <= r.base_year:
            raise InputError(
                "until",
                f"{{until}} {end} must be after the base year of {r.metric} ({r.base_year}); "
                f"give a later year, e.g. {{until}} {max(r.base_year + 1, r.target_year)}",
            )

        def at(year: int, r: Resolved = r) -> Number:
            k = year - r.base_year
            if growth is not None:  # k years of compounding
                return formulas.snap_to_target(formulas.project(r.baseline, growth, k), r.target, k)
            assert increment is not None  # one product and one sum
            return formulas.snap_to_target(r.baseline + increment * k, r.target, 1, r.baseline)

        increase = r.indicator.increase
        if growth is not None:
            n = formulas.periods_to_reach(r.baseline, r.target, growth, increase)
            how = f"* (1 + {growth:.6f}) ** (y - {r.base_year})"
        else:
            assert increment is not None
            n = formulas.periods_to_reach_linear(r.baseline, r.target, increment, increase)
            how = f"+ {fmt.exact(increment)} * (y - {r.base_year})"
        try:
            value_then, value_target = at(end), at(r.target_year)
        except DomainError as error:  # overflow: beyond what a float holds
            raise InputError(
                "growth", f"{error}; give a lower {{growth}} or an earlier {{until}}"
            ) from None
        if min(value_then, value_target) < 0:
            warnings.append(
                f"{r.metric}: at {fmt.exact(increment or 0)} a year the projection falls below "
                "zero; the values are shown as computed"
            )
        rows.append(
            _head(r)
            | {
                "growth_rate": growth,
                "increment_per_year": increment,
                "until_year": end,
                "value_at_until_year": value_then,
                "value_at_target_year": value_target,
                "gap_at_target_year": (
                    r.target - value_target if increase else value_target - r.target
                ),
                "target_reached_year": None if n is None else r.base_year + n,
            }
        )
        explanation += [
            f"{r.metric}: value in year y = {fmt.exact(r.baseline)} {how}",
            f"{r.metric}: {end}: {fmt.exact(value_then)} ({r.amount(value_then)})"
            + (
                ""
                if end == r.target_year
                else f"; {r.target_year}: {fmt.exact(value_target)} ({r.amount(value_target)})"
            )
            + f" vs target {fmt.exact(r.target)} ({r.amount(r.target)})",
            f"{r.metric}: target reached in "
            + ("no year at this pace" if n is None else f"{r.base_year} + {n} = {r.base_year + n}"),
        ]
    return _report(
        "project",
        "What-if projection",
        _inputs(options, growth=growth, increment=increment, until=until),
        PROJECT_FIELDS,
        rows,
        notes=[
            "A what-if at an assumed pace, not a forecast.",
            *_override_notes(resolved),
        ],
        sources=_target_sources(options, resolved),
        warnings=warnings,
        methods=PROJECT_METHODS,
        explanation=explanation,
    )
