"""The ``gap`` report: per metric, baseline, target, periods, gap and required growth."""

from offshoring_cli.core import results
from offshoring_cli.core.fields import Field
from offshoring_cli.core.methods import CAGR_METHOD, LINEAR_METHOD
from offshoring_cli.core.resolve import Options, Resolved, _target_sources
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import (
    _HEAD_FIELDS,
    Report,
    _head,
    _inputs,
    _override_notes,
    _report,
    memo,
)


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


GAP_FIELDS = (
    *_HEAD_FIELDS,
    Field("gap", "Gap (target - baseline)", "value"),
    Field("gap_relative", "Gap relative to baseline", "rate"),
    Field("target_multiple", "Target multiple", "multiple"),
    Field("linear_increment_per_year", "Linear path: increment a year", "value_per_year"),
    Field("required_cagr", "Required CAGR a year", "rate"),
    Field("already_met", "Target already met", "bool"),
)

GAP_METHODS = {
    "periods": "n = target year - base year (intervals, not data points)",
    "gap": "target - baseline",
    "gap_relative": "(target - baseline) / baseline",
    "target_multiple": "target / baseline",
    "linear_increment_per_year": LINEAR_METHOD,
    "required_cagr": CAGR_METHOD + " (Excel RRI(n, baseline, target))",
}


def gap_report(options: Options) -> Report:
    """The ``gap`` command: per metric, baseline, target, periods, gap and required growth.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = memo.resolved(options)
    rows, explanation = [], []
    for r in resolved:
        g = results.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        rows.append(
            _head(r)
            | {
                "periods": g.periods,
                "gap": g.absolute,
                "gap_relative": g.relative,
                "target_multiple": g.target_multiple,
                "linear_increment_per_year": g.linear_increment,
                "required_cagr": g.required_cagr,
                "already_met": g.already_met,
            }
        )
        explanation += _explain_gap(r, g)
    return _report(
        "gap",
        "Gap to the targets",
        _inputs(options),
        GAP_FIELDS,
        rows,
        notes=[
            "CAGR = (target / baseline) ** (1 / n) - 1, n = target year - base year; "
            "linear increment = (target - baseline) / n.",
            *_override_notes(resolved),
        ],
        sources=_target_sources(options, resolved),
        warnings=warnings,
        methods=GAP_METHODS,
        explanation=explanation,
    )
