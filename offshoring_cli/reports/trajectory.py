"""The ``trajectory`` report: year by year from the base year to the target year."""

import functools
from collections.abc import Callable, Iterator
from itertools import repeat

from offshoring_cli.core import formulas, results
from offshoring_cli.core.fields import TEXT, VALUE, YEAR, Annotated, Field, TypedDict, fields_of
from offshoring_cli.core.methods import _AT_TARGET
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options, Resolved, cited_sources
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import N_
from offshoring_cli.i18n import numbers as fmt
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
from offshoring_cli.reports.rows import Cells, LazyRows

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


def _linear_point(baseline: Number, gap: Number, k: int, n: int) -> Number:
    """``baseline + gap * k / n``, exact (an int) where it divides exactly."""
    if isinstance(baseline, int) and isinstance(gap, int) and (gap * k) % n == 0:
        return baseline + gap * k // n
    return baseline + gap * k / n


def _cells(
    r: Resolved, g: results.Gap, a: results.Growth | None, reason: str | None
) -> Iterator[Cells]:
    """The rows of one metric, made as they are read, as :data:`_COLUMNS` tuples (no dict per
    row): one per year from the series' earliest whole-year observation to the target year
    (see :func:`trajectory_report`). Raises nothing: what could fail (the path at the actual
    pace overflowing) is checked before a row is made (:func:`_check_actual_path`).
    """
    metric, unit, base, target, baseline = r.metric, r.unit, r.base_year, r.target, r.baseline
    observed = {o.year: o.value for o in r.history}.get
    first, last = r.history[0].year, r.target_year + 1
    before = range(first, min(base, last))  # before the base year: no path (tuples made in C)
    yield from zip(repeat(metric), repeat(unit), before, map(observed, before), *_NO_PATH)
    snap = formulas.snap_to_target
    # formulas.project's arithmetic, value * (1.0 + rate) ** k, without its checks a point:
    # the rates are those of results.gap and results.growth (finite, > -1), the baseline > 0,
    # and a path grows or falls steadily to a last point that is finite (_check_actual_path)
    required = 1.0 + g.required_cagr
    actual = None if a is None else 1.0 + a.cagr
    for year in range(max(base, first), last):
        k = year - base
        # k years of compounding; a linear point is one product and one sum.
        yield (
            metric,
            unit,
            year,
            observed(year),
            snap(baseline * required**k if k else baseline, target, k),
            snap(_linear_point(baseline, g.absolute, k, g.periods), target, min(k, 1), baseline),
            None if actual is None else snap(baseline * actual**k if k else baseline, target, k),
            reason,
        )


_NO_PATH = (repeat(None),) * 4
"""The four cells of a row before the base year: no path, no reason (endless: zip stops at
the years)."""

_COLUMNS = tuple(field.key for field in fields_of(TrajectoryRow))
"""The keys of a row, in order: the cells of :func:`_cells`."""


def _check_actual_path(r: Resolved, a: results.Growth | None) -> None:
    """Raise here, before any row is written, the error a row of the metric would raise: the
    path at the actual pace overflowing a float (a pace of many orders of magnitude a year).
    The path grows or falls steadily, so its last point overflows if any does; then the error
    is the first overflowing year's, as the rows would raise it.

    Raises:
        DomainError: as :func:`formulas.project`.
    """
    periods = r.target_year - r.base_year
    if a is None or periods <= 0:
        return
    try:
        formulas.project(r.baseline, a.cagr, periods)
    except DomainError:
        for k in range(max(1, r.history[0].year - r.base_year), periods):
            formulas.project(r.baseline, a.cagr, k)  # the first year's error, as a row's
        raise


def trajectory_report(options: Options) -> Report[TrajectoryRow]:
    """The ``trajectory`` command: year by year from the base year to the target year.

    Per metric and year: the observation where one exists (from the series' earliest
    whole-year observation), the compound path at the required CAGR, the linear path, and the
    path at the actual (historical) pace where history allows (else ``None``, and the row's
    ``reason`` says why). Each path value is the milestone that year needs; a path value within
    rounding of the target is the target itself (:func:`formulas.snap_to_target`), so both
    paths end exactly on the target in the target year.

    The rows are a :class:`~offshoring_cli.reports.rows.LazyRows`: made metric by metric each
    time they are read, so that JSON and CSV are written as they are made, never all in
    memory (56,000 rows for 1,000 indicators of 50 years); everything that can fail is checked
    here, before a row is written.

    Raises:
        DomainError: see :func:`resolve`; the path at the actual pace overflows.
    """
    resolved, warnings = memo.resolved(options)
    blocks: list[tuple[int, Callable[[], Iterator[Cells]]]] = []
    notes: list[str] = []
    explanation: list[str] = []
    for r in resolved:
        g = results.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        a = _actual(r)
        reason = None
        if a is None:
            reason = no_history_reason(r)
            notes.append(_no_history_note(r))
        _check_actual_path(r, a)
        count = max(0, r.target_year + 1 - r.history[0].year)
        blocks.append((count, functools.partial(_cells, r, g, a, reason)))
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
    rows: LazyRows[TrajectoryRow] = LazyRows(blocks, _COLUMNS)
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
