"""The ``sensitivity`` report: the required CAGR if the deadline or the target moves."""

from collections.abc import Sequence

from offshoring_cli.core import formulas
from offshoring_cli.core.fields import Field
from offshoring_cli.core.methods import CAGR_METHOD
from offshoring_cli.core.resolve import Options, _target_sources, resolve
from offshoring_cli.errors import DomainError
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import Report, _inputs, _override_notes, _report

DEFAULT_CHANGES = (-0.2, -0.1, 0.0, 0.1, 0.2)
"""Default changes to the target, as fractions: -20 %, -10 %, as set, +10 %, +20 %."""


def _percent(change: float) -> str:
    """A change as a plain percentage: 0.1 -> ``10``, 0.125 -> ``12.5``, 1e4 -> ``1000000``."""
    text = f"{abs(change) * 100:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def _change_key(change: float) -> str:
    if change == 0:
        return "required_cagr_target_as_set"
    pct = _percent(change).replace(".", "_")
    return f"required_cagr_target_{'plus' if change > 0 else 'minus'}_{pct}pct"


def _change_label(change: float) -> str:
    if change == 0:
        return "Target as set"
    return f"Target {'+' if change > 0 else '-'}{_percent(change)} %"


def sensitivity_report(
    options: Options,
    years: Sequence[int] = tuple(range(2028, 2036)),
    changes: Sequence[float] = DEFAULT_CHANGES,
) -> Report:
    """The ``sensitivity`` command: the required CAGR if the deadline or the target moves.

    One row per metric and target year, one column per change to the target (a fraction:
    ``-0.1`` is the target lowered by 10 %). Each cell is
    ``(target * (1 + change) / baseline) ** (1 / (year - base year)) - 1``.

    Raises:
        DomainError: see :func:`resolve`; a year not after the base year; a change <= -100 %.
    """
    # One column per distinct percentage as shown (to 6 decimals); -0 is 0.
    changes = tuple({_change_key(c + 0.0): c + 0.0 for c in changes}.values())
    for change in changes:
        if change <= -1:
            raise DomainError(f"--changes: {change:+.0%} would make the target zero or negative")
    resolved, warnings = resolve(options.replace(target_year=None))
    fields = (
        Field("metric", "Metric", "text"),
        Field("target_year", "Target year", "year"),
        Field("periods", "n", "int"),
        *(Field(_change_key(c), _change_label(c), "rate") for c in changes),
    )
    rows, notes, explanation = [], [], []
    for r in resolved:
        targets = {c: r.target * (1 + c) for c in changes}
        notes.append(
            f"{r.metric}: baseline {r.amount(r.baseline)} ({r.base_year}); targets: "
            + ", ".join(f"{_change_label(c).lower()} = {r.amount(t)}" for c, t in targets.items())
        )
        for year in years:
            if year <= r.base_year:
                raise DomainError(
                    f"--years: {year} is not after the base year of {r.metric} ({r.base_year})"
                )
            n = year - r.base_year
            rows.append(
                {"metric": r.metric, "unit": r.unit, "target_year": year, "periods": n}
                | {_change_key(c): formulas.cagr(r.baseline, t, n) for c, t in targets.items()}
            )
        explanation.append(
            f"{r.metric}: cell = (target * (1 + change) / {fmt.exact(r.baseline)}) ** "
            f"(1 / (year - {r.base_year})) - 1"
        )
    return _report(
        "sensitivity",
        "Required CAGR by deadline and target",
        _inputs(options, years=list(years), changes=list(changes)),
        fields,
        rows,
        notes=notes + _override_notes(resolved),
        sources=_target_sources(options, resolved),
        warnings=warnings,
        methods={"required_cagr_*": CAGR_METHOD + ", to the target changed by the column's %"},
        explanation=explanation,
        layout="rows",
    )
