"""From the dataset and the user's options to reports, ready for any output format.

Pure and typed: no I/O, no Click, no Rich. A :class:`Report` holds plain values (ints, floats,
strings, ``None`` for "not available") keyed by field, the field list that tells a renderer how
to label and format each one, the method behind each figure, and the worked formulas
(``--explain``); :mod:`offshoring_cli.render` turns it into text.
"""

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from offshoring_cli import domain, metrics
from offshoring_cli import formatting as fmt
from offshoring_cli.domain import Indicator, Number, Observation, Source
from offshoring_cli.metrics import DomainError

SCHEMA_VERSION = 1
"""Version of the JSON output; goes up on any breaking change to its shape."""

OVERRIDE = "override"
"""Source id of a figure the user gave on the command line."""

CAGR_METHOD = "compound annual growth rate: (end / start) ** (1 / n) - 1, n = end year - start year"
LINEAR_METHOD = "linear path: (target - baseline) / n a year"


NOT_AVAILABLE = "n/a"
"""How a table shows a figure that cannot be computed."""


class Field(NamedTuple):
    """A column of a report: key in JSON/CSV, human label, how to format it, text for ``None``.

    Kinds: see :func:`offshoring_cli.formatting.value` (``value``, ``value_per_year``,
    ``rate``, ``multiple``, ``ratio``, ``bool``; anything else is shown as it is).
    """

    key: str
    label: str
    kind: str
    missing: str = NOT_AVAILABLE
    """Text for ``None`` (``"not reached"``, ``""``...)."""
    pace: bool = False
    """The figure depends on the actual pace: where the row cannot give it (its ``reason`` is
    set: one observation only, or a target already met), ``None`` reads ``n/a``, never
    ``missing``."""


class Report(NamedTuple):
    """The result of one command, independent of the output format.

    ``layout`` is ``metrics`` (few rows, one per metric: drawn with one column per metric) or
    ``rows`` (many rows, such as years or segments: drawn with one row per record).
    """

    command: str
    title: str
    inputs: dict[str, Any]
    fields: tuple[Field, ...]
    rows: list[dict[str, Any]]
    notes: list[str]
    sources: dict[str, Source]
    warnings: list[str]
    methods: dict[str, str]
    explanation: list[str]
    insights: list[dict[str, Any]] | None
    """Insights (``status`` only: a list, possibly empty); ``None`` for other commands."""
    layout: str = "metrics"

    def to_document(self, explain: bool = False) -> dict[str, Any]:
        """The JSON document: schema version, command, effective inputs, results, methods,
        insights (``status``), notes, sources, and the worked formulas when ``explain``."""
        document: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "command": self.command,
            "inputs": self.inputs,
            "results": self.rows,
            "methods": self.methods,
        }
        if self.insights is not None:
            document["insights"] = self.insights
        document["notes"] = self.notes
        document["sources"] = {key: src._asdict() for key, src in self.sources.items()}
        if explain:
            document["explanation"] = self.explanation
        return document


class Options(NamedTuple):
    """What the user asked for: metrics, years, and figures that replace the built-in ones."""

    metrics: tuple[str, ...] = ()
    """Indicator ids, in the order to show them; empty: all of the dataset's."""
    base_year: int | None = None
    target_year: int | None = None
    baselines: Mapping[str, Number] = {}
    targets: Mapping[str, Number] = {}
    dataset: domain.Dataset = domain.BUILTIN

    def selected(self) -> tuple[str, ...]:
        """The requested indicator ids, or all of the dataset's.

        Raises:
            DomainError: an id the dataset does not have.
        """
        for metric in self.metrics:
            if metric not in self.dataset.indicators:
                known = ", ".join(self.dataset.indicators)
                raise DomainError(
                    f"--metric {metric!r}: the dataset {self.dataset.name!r} has no such "
                    f"indicator; choose from: {known}"
                )
        for metric in (*self.baselines, *self.targets):
            if metric not in self.dataset.indicators:
                raise DomainError(
                    f"the dataset {self.dataset.name!r} has no {metric} indicator, so "
                    f"--{metric}-baseline and --{metric}-target do not apply"
                )
        return self.metrics or tuple(self.dataset.indicators)


class Resolved(NamedTuple):
    """One indicator's effective inputs after applying the user's options."""

    indicator: Indicator
    base_year: int
    baseline: Number
    baseline_source: str
    target_year: int
    target: Number
    target_source: str
    history: tuple[Observation, ...]
    """Whole-year observations of the target's series up to the base year, the baseline last
    (a baseline override stands in for the base year's figure)."""

    @property
    def metric(self) -> str:
        return self.indicator.id

    @property
    def unit(self) -> str:
        return self.indicator.unit

    def amount(self, value: float) -> str:
        return fmt.amount(value, self.indicator.unit)


_SUFFIXES = ((9, "bn"), (6, "M"), (3, "k"))


def _magnitude_warning(
    option: str, given: Number, reference: Number, whole: bool = False
) -> str | None:
    """A warning when ``given`` is over 1,000 times off ``reference`` (likely a missing suffix).

    When ``given`` is too small and ``given`` with a suffix lands within 1,000 times of
    ``reference``, the warning suggests that value as it would be typed ("did you mean
    26.22bn?"), only if it reads back as valid input for the option (a whole count when
    ``whole``); otherwise it says to check the unit.
    """
    ratio = given / reference
    if 1e-3 <= ratio <= 1e3:
        return None
    hint, size = "check the unit.", "larger"
    if ratio < 1e-3:
        size = "smaller"
        # Compare in logarithms: the product itself may underflow to 0 for a tiny value.
        scale = math.log10(given) - math.log10(reference)
        power, _ = min(_SUFFIXES, key=lambda s: abs(scale + s[0]))
        from decimal import Decimal

        meant = Decimal(given if isinstance(given, int) else repr(float(given))).scaleb(power)
        if 1e-3 <= float(meant) / reference <= 1e3:
            from offshoring_cli.params import suggest_quantity

            suggestion = suggest_quantity(meant, "", whole)
            if suggestion is not None:
                hint = f"did you mean {suggestion}?"
    return (
        f"{option} {given:,} is over 1,000 times {size} than the built-in figure "
        f"({reference:,}): {hint}"
    )


def resolve(options: Options) -> tuple[list[Resolved], list[str]]:
    """Apply ``options`` to the built-in dataset.

    Returns:
        One :class:`Resolved` per requested metric, in the order asked, and the warnings
        (for stderr) about overrides that look like a missing unit suffix.

    Raises:
        DomainError: a requested base year has no built-in observation and no baseline was
            given, or the target year is not after the base year.
    """
    resolved: list[Resolved] = []
    warnings: list[str] = [
        f"--{metric}-{kind} is ignored: {metric} is not among the selected metrics (--metric)"
        for kind, given in (("baseline", options.baselines), ("target", options.targets))
        for metric in given
        if metric not in options.selected()
    ]
    for metric in options.selected():
        ind = options.dataset.indicators[metric]
        annual = ind.annual()
        base_year = options.base_year if options.base_year is not None else annual[-1].year
        if metric in options.baselines:
            baseline, baseline_source = options.baselines[metric], OVERRIDE
            warning = _magnitude_warning(
                f"--{metric}-baseline", baseline, annual[-1].value, whole=metric == "jobs"
            )
            if warning:
                warnings.append(warning)
        else:
            obs = ind.observation(base_year)
            if obs is None:
                years = ", ".join(str(o.year) for o in annual)
                raise DomainError(
                    f"no built-in {metric} figure for base year {base_year} (built-in years: "
                    f"{years}); give one with --{metric}-baseline, choose another --base-year, "
                    f"or leave {metric} out with --metric"
                )
            baseline, baseline_source = obs.value, obs.source
        target_year = options.target_year if options.target_year is not None else ind.target.year
        if target_year <= base_year:
            from offshoring_cli import params

            later = str(max(ind.target.year, base_year + 1))
            hint = "choose an earlier --base-year"
            if params.valid_suggestion(later, lambda t: params.YEAR.convert(t, None, None)):
                hint = f"give a later --target-year (e.g. {later})"
            raise DomainError(
                f"the target year {target_year} must be after the base year {base_year}; {hint}"
            )
        if metric in options.targets:
            target, target_source = options.targets[metric], OVERRIDE
            warning = _magnitude_warning(
                f"--{metric}-target", target, ind.target.value, whole=metric == "jobs"
            )
            if warning:
                warnings.append(warning)
        else:
            target, target_source = ind.target.value, ind.target.source
        history = (
            *(o for o in annual if o.year < base_year),
            Observation(base_year, baseline, ind.target.series, baseline_source),
        )
        resolved.append(
            Resolved(
                ind,
                base_year,
                baseline,
                baseline_source,
                target_year,
                target,
                target_source,
                history,
            )
        )
    return resolved, warnings


def _inputs(options: Options, **extra: Any) -> dict[str, Any]:
    overrides: dict[str, Number] = {}
    for metric in options.selected():
        if metric in options.baselines:
            overrides[f"{metric}_baseline"] = options.baselines[metric]
        if metric in options.targets:
            overrides[f"{metric}_target"] = options.targets[metric]
    return {
        "dataset": options.dataset.name,
        "metrics": list(options.selected()),
        "base_year": options.base_year,
        "target_year": options.target_year,
        "overrides": overrides,
        **extra,
    }


_OVERRIDE_SOURCE = Source("user input", "command-line override", "", "")


def _sources(dataset: domain.Dataset, ids: Sequence[str]) -> dict[str, Source]:
    """The cited sources, in order of first mention, each once."""
    return {sid: dataset.sources.get(sid, _OVERRIDE_SOURCE) for sid in dict.fromkeys(ids)}


def cited_sources(options: Options, resolved: Sequence[Resolved]) -> dict[str, Source]:
    """The sources of the figures behind ``resolved``: its history and its targets."""
    return _sources(
        options.dataset,
        [sid for r in resolved for sid in (*(o.source for o in r.history), r.target_source)],
    )


def _target_sources(options: Options, resolved: Sequence[Resolved]) -> dict[str, Source]:
    return _sources(
        options.dataset, [sid for r in resolved for sid in (r.baseline_source, r.target_source)]
    )


def _override_notes(resolved: Sequence[Resolved]) -> list[str]:
    notes = []
    for r in resolved:
        if r.baseline_source == OVERRIDE:
            notes.append(f"{r.metric}: baseline given on the command line.")
        if r.target_source == OVERRIDE:
            notes.append(f"{r.metric}: target given on the command line.")
    return notes


def _report(
    command: str,
    title: str,
    inputs: dict[str, Any],
    fields: tuple[Field, ...],
    rows: list[dict[str, Any]],
    *,
    notes: list[str],
    sources: dict[str, Source],
    warnings: Sequence[str] = (),
    methods: Mapping[str, str],
    explanation: list[str],
    insights: list[dict[str, Any]] | None = None,
    layout: str = "metrics",
) -> Report:
    return Report(
        command,
        title,
        inputs,
        fields,
        rows,
        notes,
        sources,
        list(warnings),
        dict(methods),
        explanation,
        insights,
        layout,
    )


def _head(r: Resolved) -> dict[str, Any]:
    return {
        "metric": r.metric,
        "label": r.indicator.label,
        "unit": r.unit,
        "base_year": r.base_year,
        "baseline": r.baseline,
        "baseline_source": r.baseline_source,
        "target_year": r.target_year,
        "target": r.target,
        "target_source": r.target_source,
    }


_HEAD_FIELDS = (
    Field("base_year", "Base year", "year"),
    Field("baseline", "Baseline", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("periods", "Periods n (years)", "int"),
)


def _explain_gap(r: Resolved, g: metrics.Gap) -> list[str]:
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
    resolved, warnings = resolve(options)
    rows, explanation = [], []
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
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


CAGR_FIELDS = (
    *_HEAD_FIELDS,
    Field("required_cagr", "Required CAGR a year", "rate"),
    Field("required_linear_pace_per_year", "Required linear pace a year", "value_per_year"),
    Field("actual_start_year", "Actual growth: from year", "year"),
    Field("actual_start", "Actual growth: from value", "value"),
    Field("actual_periods", "Actual growth: periods (years)", "int"),
    Field("actual_cagr", "Actual CAGR a year", "rate"),
    Field("actual_linear_pace_per_year", "Actual linear pace a year", "value_per_year"),
    Field("actual_to_required_cagr", "Actual / required CAGR", "ratio"),
)

CAGR_METHODS = {
    "required_cagr": CAGR_METHOD + ", from the baseline to the target",
    "required_linear_pace_per_year": LINEAR_METHOD,
    "actual_cagr": CAGR_METHOD + ", between two whole-year observations of the same series",
    "actual_linear_pace_per_year": "(end - start) / n a year",
    "actual_to_required_cagr": (
        "actual CAGR / required CAGR; null when the target is already met (see reason)"
    ),
    "reason": "why the figures that are null are null; null when every figure is given",
}


def _actual(r: Resolved) -> metrics.Growth | None:
    """Actual growth from the earliest observation of the series to the baseline, if any."""
    if len(r.history) < 2:
        return None
    first = r.history[0]
    return metrics.actual_growth(first.year, first.value, r.base_year, r.baseline)


def no_history_reason(r: Resolved) -> str:
    """Why ``r`` has no actual growth: a single whole-year observation (a row's ``reason``)."""
    return (
        f"no whole-year observation of series {r.indicator.target.series!r} before "
        f"{r.base_year}, so no actual growth can be computed."
    )


def _no_history_note(r: Resolved) -> str:
    return f"{r.metric}: {no_history_reason(r)}"


def cagr_report(options: Options) -> Report:
    """The ``cagr`` command: required CAGR to the target, actual CAGR where history exists.

    Actual growth runs from the earliest whole-year observation of the target's series before
    the base year to the baseline (so a baseline override counts as the base year's figure).
    Where the series has no earlier observation, the actual fields are ``None``, and the row's
    ``reason`` and a note say why.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = resolve(options)
    rows, explanation = [], []
    notes = [
        "CAGR = (end / start) ** (1 / n) - 1, n = end year - start year; actual growth runs "
        "from the earliest observation of the same series to the baseline.",
    ]
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        explanation += _explain_gap(r, g)[2:]
        row = _head(r) | {
            "periods": g.periods,
            "required_cagr": g.required_cagr,
            "required_linear_pace_per_year": g.linear_increment,
            "actual_start_year": None,
            "actual_start": None,
            "actual_periods": None,
            "actual_cagr": None,
            "actual_linear_pace_per_year": None,
            "actual_to_required_cagr": None,
            "reason": None,
        }
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
            row |= {
                "actual_start_year": a.start_year,
                "actual_start": a.start,
                "actual_periods": a.periods,
                "actual_cagr": a.cagr,
                "actual_linear_pace_per_year": a.linear_pace,
                "actual_to_required_cagr": ratio,
            }
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
    return _report(
        "cagr",
        "Required and actual growth",
        _inputs(options),
        CAGR_FIELDS,
        rows,
        notes=notes + _override_notes(resolved),
        sources=cited_sources(options, resolved),
        warnings=warnings,
        methods=CAGR_METHODS,
        explanation=explanation,
    )
