"""The ``sensitivity`` report: the required CAGR if the deadline or the target moves."""

from collections.abc import Sequence
from decimal import Decimal

from offshoring_cli.core import checks, formulas
from offshoring_cli.core.fields import (
    INT,
    RATE,
    TEXT,
    VALUE,
    YEAR,
    Annotated,
    Field,
    Schema,
    TypedDict,
)
from offshoring_cli.core.methods import CAGR_METHOD
from offshoring_cli.core.resolve import Options, _target_sources, resolve
from offshoring_cli.errors import InputError, Message
from offshoring_cli.i18n import N_, Num, Text, joined
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.i18n.numbers import NUMBER, TYPED
from offshoring_cli.reports import (
    RATE_A_YEAR,
    FigureInputs,
    MetricId,
    Periods,
    Report,
    Year,
    _inputs,
    _override_notes,
)
from offshoring_cli.reports.provenance import provenance

DEFAULT_CHANGES = (-0.2, -0.1, 0.0, 0.1, 0.2)
"""Default changes to the target, as fractions: -20 %, -10 %, as set, +10 %, +20 %."""

CHANGE_KEY = r"^required_cagr_target_(as_set|(minus|plus)_[0-9]+(_[0-9]+)?pct)$"
"""Key of a change column: the target as set, or changed by a percentage in plain decimals
with ``.`` written as ``_`` (``plus_10pct``, ``minus_12_5pct``, ``plus_0_0000001pct``)."""


def _percent(change: float) -> str:
    """A change as a plain percentage to 12 significant digits (no float noise, no exponent):
    0.1 -> ``10``, 0.125 -> ``12.5``, 1e4 -> ``1000000``, 1e-9 -> ``0.0000001``,
    0.1234567891 -> ``12.34567891``."""
    text = format(Decimal(f"{abs(change) * 100:.12g}").normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _change_key(change: float) -> str:
    if change == 0:
        return "required_cagr_target_as_set"
    pct = _percent(change).replace(".", "_")
    return f"required_cagr_target_{'plus' if change > 0 else 'minus'}_{pct}pct"


def _change_words(change: float) -> Text:
    """A change to the target in a sentence, said in the language: ``target as set``,
    ``target +10 %``."""
    if change == 0:
        return Text(N_("target as set"))
    percent = Num(NUMBER, Decimal(_percent(change)))
    return Text("target {sign}{percent} %", sign="+" if change > 0 else "-", percent=percent)


def _change_label(change: float) -> Text:
    """A change column's label, said in the language: ``Target as set``, ``Target +10 %``."""
    if change == 0:
        return Text(N_("Target as set"))
    percent = Num(TYPED, _percent(change))  # the digits of the column key, in the notation
    return Text("Target {sign}{percent} %", sign="+" if change > 0 else "-", percent=percent)


def _quoted(label: Text) -> Text:
    """``label`` in the language's quotation marks (``"Target +10 %"``, ``« Objectif +10 % »``)."""
    return Text('"{title}"', title=label)


class SensitivityRow(TypedDict):
    """The required CAGR for one metric and one deadline, one key per change to the target
    (required_cagr_target_as_set, required_cagr_target_minus_20pct, ..._plus_10pct, ...)."""

    metric: Annotated[MetricId, Field("Metric", TEXT, description="Indicator id.")]
    unit: Annotated[str, Field("Unit", TEXT, show=False, description="The indicator's unit.")]
    target_year: Annotated[
        Year, Field("Target year", YEAR, description="The deadline of this row.")
    ]
    periods: Annotated[
        Periods, Field("n", INT, description="n = target year - base year, in years.")
    ]
    required_cagr: Annotated[
        dict[str, float],
        Field(
            "Required CAGR",
            RATE,
            columns=True,
            method=CAGR_METHOD + ", to the target changed by the column's %",
            description="Required CAGR to the target changed by the key's percentage "
            "(required_cagr_target_as_set: unchanged), " + RATE_A_YEAR + ".",
        ),
        Schema(pattern=CHANGE_KEY),
    ]


class SensitivityInputs(FigureInputs):
    """The effective inputs of sensitivity (it takes --years instead of --target-year; its
    target_year is always null)."""

    years: Annotated[
        list[Year],
        Field("Years", YEAR, description="The deadlines compared (--years)."),
        Schema(minItems=1),
    ]
    changes: Annotated[
        list[float],
        Field(
            "Changes",
            RATE,
            description="The changes to the target compared (--changes), fractions "
            "(-0.1 = target lowered by 10 %).",
        ),
        Schema(minItems=1, items={"type": "number", "exclusiveMinimum": -1}),
    ]


def sensitivity_report(
    options: Options,
    years: Sequence[int] = tuple(range(2028, 2036)),
    changes: Sequence[float] = DEFAULT_CHANGES,
) -> Report[SensitivityRow]:
    """The ``sensitivity`` command: the required CAGR if the deadline or the target moves.

    One row per metric and target year, one column per change to the target (a fraction:
    ``-0.1`` is the target lowered by 10 %). Each cell is
    ``(target * (1 + change) / baseline) ** (1 / (year - base year)) - 1``.

    Raises:
        DomainError: see :func:`resolve`; a year not after the base year; a change <= -100 %;
            a change given twice, or two that read the same to 12 significant digits.
    """
    # One column per change; -0 is 0; a change given twice, or two that read the same, are
    # refused (as a year given twice is).
    checks.years("years", years)
    for change in changes:
        if not change <= -1:  # that one is refused below, in the report's words
            checks.rate("changes", change)
    changes = tuple(c + 0.0 for c in changes)
    for change in changes:
        if changes.count(change) > 1:
            raise InputError(
                "changes",
                Message(
                    "{changes}: the change {change} is given twice; give each change once",
                    change=_quoted(_change_label(change)),
                ),
            )
    keys: dict[str, float] = {}
    for change in changes:
        same = keys.setdefault(_change_key(change), change)
        if same != change:
            raise InputError(
                "changes",
                Message(
                    "{changes}: {same} and {change} both read {label} (12 significant digits); "
                    "give changes that differ within that precision",
                    same=repr(same),
                    change=repr(change),
                    label=_quoted(_change_label(change)),
                ),
            )
    for change in changes:
        if change <= -1:
            raise InputError(
                "changes",
                Message(
                    "{changes}: {change} would make the target zero or negative",
                    change=Num(fmt.CHANGE, change, "0"),
                ),
            )
    resolved, warnings = resolve(options.replace(target_year=None))
    rows: list[SensitivityRow] = []
    notes: list[str] = []
    explanation: list[str] = []
    for r in resolved:
        targets = {c: r.target * (1 + c) for c in changes}
        notes.append(
            Text(
                "{metric}: baseline {baseline} ({year}); targets: {targets}",
                metric=r.metric,
                baseline=Num(VALUE, r.baseline, r.unit),
                year=r.base_year,
                targets=joined(
                    [
                        Text(
                            "{change} = {target}",
                            change=_change_words(c),
                            # 50 * 1.1 = 55.00000000000001: written as 55, as 60 is
                            target=Num(VALUE, float(f"{t:.15g}"), r.unit),
                        )
                        for c, t in targets.items()
                    ],
                    ", ",
                ),
            )
        )
        for year in years:
            if year <= r.base_year:
                later = f"{r.base_year + 1}-{max(r.base_year + 1, r.indicator.target.year)}"
                raise InputError(
                    "years",
                    Message(
                        "{years}: {year} is not after the base year of {metric} ({base}); give "
                        "later years, e.g. {years} {later}",
                        year=year,
                        metric=r.metric,
                        base=r.base_year,
                        later=later,
                    ),
                )
            n = year - r.base_year
            rows.append(
                SensitivityRow(
                    metric=r.metric,
                    unit=r.unit,
                    target_year=year,
                    periods=n,
                    required_cagr={
                        _change_key(c): formulas.cagr(r.baseline, t, n) for c, t in targets.items()
                    },
                )
            )
        explanation.append(
            f"{r.metric}: cell = (target * (1 + change) / {fmt.exact(r.baseline)}) ** "
            f"(1 / (year - {r.base_year})) - 1"
        )
    return Report(
        "sensitivity",
        N_("Required CAGR by deadline and target"),
        SensitivityInputs(**_inputs(options), years=list(years), changes=list(changes)),
        SensitivityRow,
        rows,
        notes=notes + _override_notes(resolved),
        sources=_target_sources(options, resolved),
        warnings=warnings,
        explanation=explanation,
        provenance=provenance(options.dataset),
        layout="rows",
        column_labels={_change_key(c): _change_label(c) for c in changes},
    )
