"""The ``trajectory`` report: year by year from the base year to the target year."""

from offshoring_cli.core import formulas, results
from offshoring_cli.core.fields import TEXT, VALUE, YEAR, Annotated, Field, TypedDict
from offshoring_cli.core.methods import _AT_TARGET
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options, cited_sources
from offshoring_cli.i18n import N_
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import (
    IN_UNIT,
    UNIT_FIELD,
    Amount,
    FigureInputs,
    MetricId,
    Positive,
    Report,
    Year,
    _inputs,
    _override_notes,
    memo,
)
from offshoring_cli.reports.growth import _actual, _no_history_note, no_history_reason
from offshoring_cli.reports.provenance import provenance

_WITHIN = "; the target itself when within rounding of it (see target_reached_year)."


class TrajectoryRow(TypedDict):
    """One metric in one year, from the series' earliest whole-year observation (or the base
    year) to the target year. The paths are null before the base year."""

    metric: Annotated[MetricId, Field("Metric", TEXT, description="Indicator id.")]
    unit: Annotated[str, UNIT_FIELD]
    year: Annotated[Year, Field("Year", YEAR, description="Calendar year.")]
    observed: Annotated[
        Positive | None,
        Field(
            "Observed",
            VALUE,
            missing="",
            method="whole-year observations of the target's series",
            description="Whole-year observation of the target's series, "
            + IN_UNIT
            + "; null if none that year.",
        ),
    ]
    compound_path: Annotated[
        Amount | None,
        Field(
            "Compound path",
            VALUE,
            missing="",
            method="baseline * (1 + required CAGR) ** (year - base year)" + _AT_TARGET,
            description="baseline * (1 + required CAGR) ** (year - base year), "
            + IN_UNIT
            + _WITHIN,
        ),
    ]
    linear_path: Annotated[
        Amount | None,
        Field(
            "Linear path",
            VALUE,
            missing="",
            method="baseline + (target - baseline) * (year - base year) / n" + _AT_TARGET,
            description="baseline + (target - baseline) * (year - base year) / n, "
            + IN_UNIT
            + _WITHIN,
        ),
    ]
    actual_pace_path: Annotated[
        Amount | None,
        Field(
            "At actual pace",
            VALUE,
            missing="",
            pace=True,
            method="baseline * (1 + actual CAGR) ** (year - base year)" + _AT_TARGET,
            description="baseline * (1 + actual CAGR) ** (year - base year), "
            + IN_UNIT
            + "; null also when there is no actual growth (a single observation: see reason).",
        ),
    ]
    reason: Annotated[
        str | None,
        Field(
            "Reason",
            TEXT,
            show=False,
            method="why actual_pace_path is null from the base year on; null when it is given",
            description="From the base year on, why actual_pace_path is null (no actual growth "
            "can be computed); null when it is given, and before the base year.",
        ),
    ]


TrajectoryInputs = FigureInputs


def _path_point(baseline: Number, rate: float, k: int) -> Number:
    """The compound path in year ``base + k``: the baseline itself (exact) at ``k = 0``."""
    return baseline if k == 0 else formulas.project(baseline, rate, k)


def _linear_point(baseline: Number, gap: Number, k: int, n: int) -> Number:
    """``baseline + gap * k / n``, exact (an int) where it divides exactly."""
    if isinstance(baseline, int) and isinstance(gap, int) and (gap * k) % n == 0:
        return baseline + gap * k // n
    return baseline + gap * k / n


def trajectory_report(options: Options) -> Report[TrajectoryRow]:
    """The ``trajectory`` command: year by year from the base year to the target year.

    Per metric and year: the observation where one exists (from the series' earliest
    whole-year observation), the compound path at the required CAGR, the linear path, and the
    path at the actual (historical) pace where history allows (else ``None``, and the row's
    ``reason`` says why). Each path value is the milestone that year needs; a path value within
    rounding of the target is the target itself (:func:`formulas.snap_to_target`), so both
    paths end exactly on the target in the target year.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = memo.resolved(options)
    rows: list[TrajectoryRow] = []
    notes: list[str] = []
    explanation: list[str] = []
    for r in resolved:
        g = results.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        a = _actual(r)
        reason = None
        if a is None:
            reason = no_history_reason(r)
            notes.append(_no_history_note(r))
        observed = {o.year: o.value for o in r.history}
        for year in range(r.history[0].year, r.target_year + 1):
            k = year - r.base_year
            on_path = k >= 0
            compound = linear = actual = None
            if on_path:
                # k years of compounding; a linear point is one product and one sum.
                compound = formulas.snap_to_target(
                    _path_point(r.baseline, g.required_cagr, k), r.target, k
                )
                linear = formulas.snap_to_target(
                    _linear_point(r.baseline, g.absolute, k, g.periods),
                    r.target,
                    min(k, 1),
                    r.baseline,
                )
                if a is not None:
                    actual = formulas.snap_to_target(
                        _path_point(r.baseline, a.cagr, k), r.target, k
                    )
            rows.append(
                TrajectoryRow(
                    metric=r.metric,
                    unit=r.unit,
                    year=year,
                    observed=observed.get(year),
                    compound_path=compound,
                    linear_path=linear,
                    actual_pace_path=actual,
                    reason=reason if on_path else None,
                )
            )
        explanation += [
            f"{r.metric}: compound path in year y = {fmt.exact(r.baseline)} * "
            f"(1 + {g.required_cagr:.6f}) ** (y - {r.base_year})",
            f"{r.metric}: linear path in year y = {fmt.exact(r.baseline)} + "
            f"{fmt.exact(g.linear_increment)} * (y - {r.base_year})",
        ]
        if a is not None:
            explanation.append(
                f"{r.metric}: actual-pace path in year y = {fmt.exact(r.baseline)} * "
                f"(1 + {a.cagr:.6f}) ** (y - {r.base_year})"
            )
    return Report(
        "trajectory",
        N_("Year-by-year paths to the target"),
        _inputs(options),
        TrajectoryRow,
        rows,
        notes=[
            N_(
                "Each path value is the milestone that year needs (compound: at the required "
                "CAGR; linear: equal yearly additions); 'at actual pace' continues the "
                "historical CAGR."
            ),
            *notes,
            *_override_notes(resolved),
        ],
        sources=cited_sources(options, resolved),
        warnings=warnings,
        explanation=explanation,
        provenance=provenance(options.dataset),
        layout="rows",
    )
