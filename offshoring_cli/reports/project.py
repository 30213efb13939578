"""The ``project`` report: where each metric lands at an assumed pace (a what-if)."""

from offshoring_cli.core import checks, formulas
from offshoring_cli.core.fields import RATE, VALUE, VALUE_PER_YEAR, YEAR, Annotated, Field, Schema
from offshoring_cli.core.magnitude import magnitude_warning as _magnitude_warning
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
    _target_sources,
    resolve,
)
from offshoring_cli.errors import DomainError, InputError, Message
from offshoring_cli.i18n import N_, Num, Text, Units
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.reports import (
    IN_UNIT,
    RATE_A_YEAR,
    SHORTFALL_DESCRIPTION,
    Amount,
    FigureInputs,
    HeadRow,
    LaterYear,
    Report,
    Year,
    _head,
    _inputs,
    _override_notes,
)
from offshoring_cli.reports.provenance import provenance

_VALUE_METHOD = (
    "compound: baseline * (1 + growth) ** (year - base year); "
    "linear: baseline + increment * (year - base year)"
)
Growth = Annotated[float, Schema(exclusiveMinimum=-1)]
"""An assumed growth rate a year, a fraction above -1."""


class ProjectRow(HeadRow):
    """Where one metric lands at the assumed pace (a what-if, not a forecast)."""

    growth_rate: Annotated[
        Growth | None,
        Field(
            "Assumed growth a year",
            RATE,
            description="Assumed compound growth, " + RATE_A_YEAR + "; null for a linear pace.",
        ),
    ]
    increment_per_year: Annotated[
        Amount | None,
        Field(
            "Assumed increment a year",
            VALUE_PER_YEAR,
            description="Assumed constant addition, " + IN_UNIT + " a year; null for growth.",
        ),
    ]
    until_year: Annotated[Year, Field("Projected to year", YEAR, description="Year projected to.")]
    value_at_until_year: Annotated[
        Amount,
        Field(
            "Value then",
            VALUE,
            method=_VALUE_METHOD,
            description="Projected value that year, "
            + IN_UNIT
            + " (a negative increment can take it below 0).",
        ),
    ]
    value_at_target_year: Annotated[
        Amount,
        Field(
            "Value at target year",
            VALUE,
            method="as value_at_until_year, in the target year" + _AT_TARGET,
            description="Projected value in the target year, "
            + IN_UNIT
            + "; the target itself when within rounding of it.",
        ),
    ]
    gap_at_target_year: Annotated[
        Amount,
        Field(
            SHORTFALL_LABEL,
            VALUE,
            method=SHORTFALL_METHOD,
            description=SHORTFALL_DESCRIPTION,
        ),
    ]
    target_reached_year: Annotated[
        LaterYear | None,
        Field(
            "Target reached in",
            YEAR,
            missing=N_("not reached"),
            method=REACHED_METHOD + "; null if never at that pace",
            description="First year the value is >= target (<= when a decrease is wanted) at "
            "the assumed pace, up to the rounding of the projection; null: never.",
        ),
    ]


class ProjectInputs(FigureInputs):
    """The effective inputs of project: exactly one of growth and increment is set."""

    growth: Annotated[
        Growth | None,
        Field(
            "Growth",
            RATE,
            description="--growth, " + RATE_A_YEAR + "; null when --increment is given.",
        ),
    ]
    increment: Annotated[
        Amount | None,
        Field(
            "Increment",
            VALUE_PER_YEAR,
            description="--increment, " + IN_UNIT + " a year; null when --growth is given.",
        ),
    ]
    until: Annotated[
        Year | None,
        Field("Until", YEAR, description="--until; null: each metric's target year."),
    ]


def increment_metric(options: Options) -> str | None:
    """The one metric an increment is for: the one chosen, or the dataset's only indicator
    when none is chosen; ``None`` when that is not one metric."""
    metrics = options.metrics or tuple(options.dataset.indicators)
    return metrics[0] if len(metrics) == 1 else None


def project_report(
    options: Options,
    growth: float | None = None,
    increment: Number | None = None,
    until: int | None = None,
) -> Report[ProjectRow]:
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
        raise InputError("growth", Message("give exactly one of {growth} RATE or {increment} N"))
    if increment is not None and increment_metric(options) is None:
        first, *rest = options.dataset.indicators
        choices = [first, *rest][:2]
        if len(choices) == 1:
            raise InputError(
                "increment",
                Message(
                    "{increment} is in the metric's unit; choose one metric with {metrics} {one}",
                    one=choices[0],
                ),
            )
        raise InputError(
            "increment",
            Message(
                "{increment} is in the metric's unit; choose one metric with {metrics} {one} or "
                "{metrics} {other}",
                one=choices[0],
                other=choices[1],
            ),
        )
    checks.year("until", until)
    if growth is not None:
        checks.rate("growth", growth)
        growth += 0.0  # -0 is 0: never "-0.00 %"
    if increment is not None:
        checks.figure("increment", increment, "", whole=False, signed=True)
    resolved, warnings = resolve(options)
    rows: list[ProjectRow] = []
    explanation: list[str] = []
    for r in resolved:
        if increment is not None and is_count(r.unit) and increment != int(increment):
            raise InputError(
                "increment",
                Message(
                    "{increment} {value}: {unit} are whole, give a whole number of {unit} a year",
                    value=Num(fmt.TYPED, f"{increment:g}"),
                    unit=Units(r.unit),
                ),
            )
        if increment and abs(increment) > 1e3 * r.baseline:  # likely a wrong unit
            warning = _magnitude_warning("{increment}", abs(increment), r.baseline, what="baseline")
            warnings += [warning] if warning else []
        end = until if until is not None else r.target_year
        if end <= r.base_year:
            raise InputError(
                "until",
                Message(
                    "{until} {end} must be after the base year of {metric} ({base}); give a later "
                    "year, e.g. {until} {later}",
                    end=end,
                    metric=r.metric,
                    base=r.base_year,
                    later=max(r.base_year + 1, r.target_year),
                ),
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
                "growth",
                Message(
                    "{error}; give a lower {growth} or an earlier {until}", error=error.template
                ),
            ) from None
        if min(value_then, value_target) < 0:
            warnings.append(
                Text(
                    "{metric}: at {increment} a year the projection falls below zero; the "
                    "values are shown as computed",
                    metric=r.metric,
                    increment=Num(fmt.EXACT, increment or 0),
                )
            )
        rows.append(
            ProjectRow(
                **_head(r),
                growth_rate=growth,
                increment_per_year=increment,
                until_year=end,
                value_at_until_year=value_then,
                value_at_target_year=value_target,
                gap_at_target_year=(
                    r.target - value_target if increase else value_target - r.target
                ),
                target_reached_year=None if n is None else r.base_year + n,
            )
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
    return Report(
        "project",
        N_("What-if projection"),
        ProjectInputs(**_inputs(options), growth=growth, increment=increment, until=until),
        ProjectRow,
        rows,
        notes=[
            N_("A what-if at an assumed pace, not a forecast."),
            *_override_notes(resolved),
        ],
        sources=_target_sources(options, resolved),
        warnings=warnings,
        explanation=explanation,
        provenance=provenance(options.dataset),
    )
