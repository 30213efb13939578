"""The ``gap`` report: per metric, baseline, target, periods, gap and required growth."""

from offshoring_cli.core import results
from offshoring_cli.core.fields import (
    BOOL,
    MULTIPLE,
    RATE,
    VALUE,
    VALUE_PER_YEAR,
    Annotated,
    Field,
    Schema,
)
from offshoring_cli.core.methods import CAGR_METHOD, LINEAR_METHOD
from offshoring_cli.core.resolve import Options, Resolved, _target_sources
from offshoring_cli.i18n import N_, Text
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.reports import (
    IN_UNIT,
    PERIODS_FIELD,
    RATE_A_YEAR,
    Amount,
    FigureInputs,
    HeadRow,
    Periods,
    Report,
    _head,
    _inputs,
    _override_notes,
    memo,
)
from offshoring_cli.reports.provenance import provenance


def _explain_gap(r: Resolved, g: results.Gap) -> list[str]:
    n = g.periods
    return [
        f"{r.metric}: n = {r.target_year} - {r.base_year} = {n} years",
        f"{r.metric}: gap = {fmt.exact(r.target)} - {fmt.exact(r.baseline)} = "
        f"{fmt.exact(g.absolute)} ({r.amount(g.absolute)})",
        f"{r.metric}: linear increment = {fmt.exact(g.absolute)} / {n} = "
        f"{fmt.exact(g.linear_increment)} ({r.amount(g.linear_increment)} a year)",
        f"{r.metric}: required CAGR = ({fmt.exact(r.target)} / {fmt.exact(r.baseline)}) "
        f"** (1 / {n}) - 1 = {g.required_cagr:.6f} ({fmt.rate(g.required_cagr)} a year)",
    ]


class GapRow(HeadRow):
    """One metric's gap to its target and the growth that closes it."""

    periods: Annotated[Periods, PERIODS_FIELD]
    gap: Annotated[
        Amount,
        Field(
            "Gap (target - baseline)",
            VALUE,
            method="target - baseline",
            description="target - baseline, " + IN_UNIT + "; zero or negative if already met.",
        ),
    ]
    gap_relative: Annotated[
        float,
        Field(
            "Gap relative to baseline",
            RATE,
            method="(target - baseline) / baseline",
            description="(target - baseline) / baseline, a fraction (0.8182 = 81.82 %).",
        ),
    ]
    target_multiple: Annotated[
        float,
        Field(
            "Target multiple",
            MULTIPLE,
            method="target / baseline",
            description="target / baseline (a ratio, 1.8182 = x1.82).",
        ),
        Schema(exclusiveMinimum=0),
    ]
    linear_increment_per_year: Annotated[
        Amount,
        Field(
            "Linear path: increment a year",
            VALUE_PER_YEAR,
            method=LINEAR_METHOD,
            description="(target - baseline) / n: the constant addition a year, " + IN_UNIT + ".",
        ),
    ]
    required_cagr: Annotated[
        float,
        Field(
            "Required CAGR a year",
            RATE,
            method=CAGR_METHOD + " (Excel RRI(n, baseline, target))",
            description="(target / baseline) ** (1 / n) - 1, " + RATE_A_YEAR + ".",
        ),
    ]
    already_met: Annotated[
        bool,
        Field(
            "Target already met",
            BOOL,
            description="True if the baseline meets the target: baseline >= target (<= target "
            "when a decrease is wanted), compared exactly.",
        ),
    ]


GapInputs = FigureInputs


def gap_report(options: Options) -> Report[GapRow]:
    """The ``gap`` command: per metric, baseline, target, periods, gap and required growth.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = memo.resolved(options)
    rows: list[GapRow] = []
    explanation: list[str] = []
    for r in resolved:
        g = results.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        rows.append(
            GapRow(
                **_head(r),
                periods=g.periods,
                gap=g.absolute,
                gap_relative=g.relative,
                target_multiple=g.target_multiple,
                linear_increment_per_year=g.linear_increment,
                required_cagr=g.required_cagr,
                already_met=g.already_met,
            )
        )
        explanation += _explain_gap(r, g)
    return Report(
        "gap",
        N_("Gap to the targets"),
        _inputs(options),
        GapRow,
        rows,
        notes=[
            Text(
                "CAGR = (target / baseline) ** (1 / n) - 1, n = target year - base year; "
                "linear increment = (target - baseline) / n."
            ),
            *_override_notes(resolved),
        ],
        sources=_target_sources(options, resolved),
        warnings=warnings,
        explanation=explanation,
        provenance=provenance(options.dataset),
    )
