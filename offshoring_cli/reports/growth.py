"""The ``cagr`` report: the growth required to reach the target, and the actual growth where
the series has history."""

from offshoring_cli.core import results
from offshoring_cli.core.fields import (
    INT,
    RATE,
    RATIO,
    TEXT,
    VALUE,
    VALUE_PER_YEAR,
    YEAR,
    Annotated,
    Field,
)
from offshoring_cli.core.methods import CAGR_METHOD, LINEAR_METHOD
from offshoring_cli.core.resolve import Options, Resolved, cited_sources
from offshoring_cli.i18n import N_
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.reports import (
    IN_UNIT,
    RATE_A_YEAR,
    REASON_METHOD,
    Amount,
    FigureInputs,
    HeadRow,
    Periods,
    Positive,
    Report,
    Year,
    _head,
    _inputs,
    _override_notes,
    memo,
)
from offshoring_cli.reports.gap import _explain_gap
from offshoring_cli.reports.provenance import provenance


class CagrRow(HeadRow):
    """One metric's required growth to its target against its actual (historical) growth.

    The actual_* keys are null when the series has no whole-year observation before the base
    year (a note says so)."""

    periods: Annotated[
        Periods,
        Field("Periods n (years)", INT, description="n = target year - base year, in years."),
    ]
    required_cagr: Annotated[
        float,
        Field(
            "Required CAGR a year",
            RATE,
            method=CAGR_METHOD + ", from the baseline to the target",
            description="(target / baseline) ** (1 / n) - 1, " + RATE_A_YEAR + ".",
        ),
    ]
    required_linear_pace_per_year: Annotated[
        Amount,
        Field(
            "Required linear pace a year",
            VALUE_PER_YEAR,
            method=LINEAR_METHOD,
            description="(target - baseline) / n, " + IN_UNIT + " a year.",
        ),
    ]
    actual_start_year: Annotated[
        Year | None,
        Field(
            "Actual growth: from year",
            YEAR,
            description="Year of the earliest whole-year observation of the same series.",
        ),
    ]
    actual_start: Annotated[
        Positive | None,
        Field("Actual growth: from value", VALUE, description="Value that year, " + IN_UNIT + "."),
    ]
    actual_periods: Annotated[
        Periods | None,
        Field(
            "Actual growth: periods (years)",
            INT,
            description="base year - actual start year, in years.",
        ),
    ]
    actual_cagr: Annotated[
        float | None,
        Field(
            "Actual CAGR a year",
            RATE,
            method=CAGR_METHOD + ", between two whole-year observations of the same series",
            description="(baseline / actual start) ** (1 / actual periods) - 1, "
            + RATE_A_YEAR
            + ".",
        ),
    ]
    actual_linear_pace_per_year: Annotated[
        Amount | None,
        Field(
            "Actual linear pace a year",
            VALUE_PER_YEAR,
            method="(end - start) / n a year",
            description="(baseline - actual start) / actual periods, " + IN_UNIT + " a year.",
        ),
    ]
    actual_to_required_cagr: Annotated[
        float | None,
        Field(
            "Actual / required CAGR",
            RATIO,
            method="actual CAGR / required CAGR; null when the target is already met (see reason)",
            description="actual CAGR / required CAGR (a ratio); null also when the target is "
            "already met (see reason).",
        ),
    ]
    reason: Annotated[
        str | None,
        Field(
            "Reason",
            TEXT,
            show=False,
            method=REASON_METHOD,
            description="Why the keys that are null are null (a single whole-year observation, "
            "or a target already met); null when every figure is given.",
        ),
    ]


CagrInputs = FigureInputs


def _actual(r: Resolved) -> results.Growth | None:
    """Actual growth from the earliest observation of the series to the baseline, if any."""
    if len(r.history) < 2:
        return None
    first = r.history[0]
    return results.actual_growth(first.year, first.value, r.base_year, r.baseline)


def no_history_reason(r: Resolved) -> str:
    """Why ``r`` has no actual growth: a single whole-year observation (a row's ``reason``)."""
    return (
        f"no whole-year observation of series {r.indicator.target.series!r} before "
        f"{r.base_year}, so no actual growth can be computed."
    )


def _no_history_note(r: Resolved) -> str:
    return f"{r.metric}: {no_history_reason(r)}"


def cagr_report(options: Options) -> Report[CagrRow]:
    """The ``cagr`` command: required CAGR to the target, actual CAGR where history exists.

    Actual growth runs from the earliest whole-year observation of the target's series before
    the base year to the baseline (so a baseline override counts as the base year's figure).
    Where the series has no earlier observation, the actual fields are ``None``, and the row's
    ``reason`` and a note say why.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = memo.resolved(options)
    rows: list[CagrRow] = []
    explanation: list[str] = []
    notes: list[str] = [
        N_(
            "CAGR = (end / start) ** (1 / n) - 1, n = end year - start year; actual growth runs "
            "from the earliest observation of the same series to the baseline."
        ),
    ]
    for r in resolved:
        g = results.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        explanation += _explain_gap(r, g)[2:]
        row = CagrRow(
            **_head(r),
            periods=g.periods,
            required_cagr=g.required_cagr,
            required_linear_pace_per_year=g.linear_increment,
            actual_start_year=None,
            actual_start=None,
            actual_periods=None,
            actual_cagr=None,
            actual_linear_pace_per_year=None,
            actual_to_required_cagr=None,
            reason=None,
        )
        a = _actual(r)
        if a is None:
            row["reason"] = no_history_reason(r)
            notes.append(_no_history_note(r))
        else:
            ratio = None
            if g.already_met:  # (which a target equal to the baseline, a 0 % rate, is)
                row["reason"] = (
                    "the target is already met: actual / required CAGR measures progress "
                    "towards a target still ahead, so it is not computed"
                )
            elif g.required_cagr != 0:
                ratio = a.cagr / g.required_cagr
            row["actual_start_year"] = a.start_year
            row["actual_start"] = a.start
            row["actual_periods"] = a.periods
            row["actual_cagr"] = a.cagr
            row["actual_linear_pace_per_year"] = a.linear_pace
            row["actual_to_required_cagr"] = ratio
            explanation.append(
                f"{r.metric}: actual CAGR = ({fmt.exact(r.baseline)} / {fmt.exact(a.start)}) ** "
                f"(1 / {a.periods}) - 1 = {a.cagr:.6f} ({fmt.rate(a.cagr)} a year, "
                f"{a.start_year}-{r.base_year})"
            )
            explanation.append(
                f"{r.metric}: actual linear pace = ({fmt.exact(r.baseline)} - "
                f"{fmt.exact(a.start)}) / {a.periods} = {fmt.exact(a.linear_pace)} "
                f"({r.amount(a.linear_pace)} a year)"
            )
        rows.append(row)
    return Report(
        "cagr",
        N_("Required and actual growth"),
        _inputs(options),
        CagrRow,
        rows,
        notes=notes + _override_notes(resolved),
        sources=cited_sources(options, resolved),
        warnings=warnings,
        explanation=explanation,
        provenance=provenance(options.dataset),
    )
