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


class Field(NamedTuple):
    """A column of a report: key in JSON/CSV, human label, how to format it, text for ``None``.

    Kinds: see :func:`offshoring_cli.formatting.value` (``value``, ``value_per_year``,
    ``rate``, ``multiple``, ``ratio``, ``bool``; anything else is shown as it is).
    """

    key: str
    label: str
    kind: str
    missing: str = "n/a"


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
                    f"--metric {metric}: the dataset {self.dataset.name!r} has no such "
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


_SUFFIXES = ((1e9, "bn"), (1e6, "M"), (1e3, "k"))


def _magnitude_warning(option: str, given: Number, reference: Number) -> str | None:
    """A warning when ``given`` is over 1,000 times off ``reference`` (likely a missing suffix)."""
    ratio = given / reference
    if 1e-3 <= ratio <= 1e3:
        return None
    if ratio < 1e-3:
        # Compare in logarithms: the product itself may underflow to 0 for a tiny value.
        scale = math.log10(given) - math.log10(reference)
        _, suffix = min(_SUFFIXES, key=lambda s: abs(scale + math.log10(s[0])))
        hint = f"did you mean {given:g}{suffix}?"
        size = "smaller"
    else:
        hint, size = "check the unit.", "larger"
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
            warning = _magnitude_warning(f"--{metric}-baseline", baseline, annual[-1].value)
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
            raise DomainError(
                f"the target year {target_year} must be after the base year {base_year}; "
                f"give a later --target-year (e.g. {max(ind.target.year, base_year + 1)})"
            )
        if metric in options.targets:
            target, target_source = options.targets[metric], OVERRIDE
            warning = _magnitude_warning(f"--{metric}-target", target, ind.target.value)
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
    return _resolved_sources(options, resolved)


def _resolved_sources(options: Options, resolved: Sequence[Resolved]) -> dict[str, Source]:
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
    "actual_to_required_cagr": "actual CAGR / required CAGR",
}


def _actual(r: Resolved) -> metrics.Growth | None:
    """Actual growth from the earliest observation of the series to the baseline, if any."""
    if len(r.history) < 2:
        return None
    first = r.history[0]
    return metrics.actual_growth(first.year, first.value, r.base_year, r.baseline)


def _no_history_note(r: Resolved) -> str:
    return (
        f"{r.metric}: no whole-year observation of series {r.indicator.target.series!r} before "
        f"{r.base_year}, so no actual growth can be computed."
    )


def cagr_report(options: Options) -> Report:
    """The ``cagr`` command: required CAGR to the target, actual CAGR where history exists.

    Actual growth runs from the earliest whole-year observation of the target's series before
    the base year to the baseline (so a baseline override counts as the base year's figure).
    Where the series has no earlier observation, the actual fields are ``None`` and a note
    says why.

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
        }
        a = _actual(r)
        if a is None:
            notes.append(_no_history_note(r))
        else:
            ratio = a.cagr / g.required_cagr if g.required_cagr != 0 else None
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
        sources=_resolved_sources(options, resolved),
        warnings=warnings,
        methods=CAGR_METHODS,
        explanation=explanation,
    )


# --- status -----------------------------------------------------------------------------

STATUS_FIELDS = (
    Field("series", "Series", "text"),
    Field("since_year", "Assessment base year", "year"),
    Field("since_value", "Value in base year", "value"),
    Field("latest_year", "Latest year", "year"),
    Field("latest", "Latest value", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("actual_cagr", "Actual CAGR a year", "rate"),
    Field("required_cagr_from_base", "Required CAGR from base year", "rate"),
    Field("required_cagr_from_latest", "Required CAGR from latest year", "rate"),
    Field("growth_ratio", "Growth ratio R = actual / required", "ratio"),
    Field("growth_ratio_band", "R band (Eurostat)", "text"),
    Field("projected_at_target_year", "At target year, at actual pace", "value"),
    Field("shortfall_at_target_year", "Shortfall at target year", "value"),
    Field("progress_score", "Progress score Q (UNSD)", "ratio"),
    Field("progress_band", "Q band (UNSD)", "text"),
    Field("target_reached_year", "Target reached at actual pace", "year", "not reached"),
)

STATUS_METHODS = {
    "actual_cagr": CAGR_METHOD + ", from the assessment base year to the latest year",
    "required_cagr_from_base": CAGR_METHOD + ", from the same base year to the target year",
    "required_cagr_from_latest": CAGR_METHOD + ", from the latest year to the target year",
    "growth_ratio": (
        "Eurostat-style growth ratio R = actual CAGR / required CAGR from the same base year, "
        "as implemented by Open SDG (https://open-sdg.readthedocs.io/en/latest/"
        "progress-methodology/)"
    ),
    "growth_ratio_band": (
        "achieved if the target is met; R >= 0.95 on track; 0.60 <= R < 0.95 acceleration "
        "needed; 0 <= R < 0.60 limited progress; R < 0 moving away"
    ),
    "projected_at_target_year": "latest * (1 + actual CAGR) ** (target year - latest year)",
    "shortfall_at_target_year": "target - projected",
    "progress_score": (
        "UN Statistics Division Progress Chart: Q = (projected - base value) / "
        "(target - base value)"
    ),
    "progress_band": (
        "Q >= 0.95 on track; 0.10 <= Q < 0.95 fair progress, acceleration needed; "
        "Q < 0.10 stagnation or regression"
    ),
    "target_reached_year": (
        "first year with latest * (1 + actual CAGR) ** k >= target; none if the pace is <= 0"
    ),
}


_ONE_METRIC_HINT = " (each metric has its own years: assess one at a time with --metric)"


def _since(r: Resolved, since: int | None) -> Observation | None:
    """The assessment's base observation: ``since``'s, or the series' earliest."""
    earlier = r.history[:-1]
    if since is None:
        return earlier[0] if earlier else None
    if since >= r.base_year:
        raise DomainError(
            f"--since {since} must be before the latest year of {r.metric} ({r.base_year}); "
            + (
                f"choose one of: {', '.join(str(o.year) for o in earlier)}"
                if earlier
                else "the series has no earlier whole-year observation"
            )
            + _ONE_METRIC_HINT
        )
    for o in earlier:
        if o.year == since:
            return o
    years = ", ".join(str(o.year) for o in earlier) or "none"
    elsewhere = sorted(
        {o.series for o in r.indicator.observations if o.year == since}
        - {r.indicator.target.series}
    )
    why = (
        f" ({since} is only in the {', '.join(elsewhere)} series, which is not compared with "
        "the target)"
        if elsewhere
        else ""
    )
    raise DomainError(
        f"--since {since}: no whole-year {r.metric} observation for {since} in series "
        f"{r.indicator.target.series!r}{why}; years available before {r.base_year}: {years}"
        + _ONE_METRIC_HINT
    )


def _not_assessable(r: Resolved, start: Observation | None) -> str | None:
    """Why the two methods cannot judge this metric, or ``None`` when they can.

    They need two whole-year observations, and a target that lies the wanted way from the
    base value (above it when an increase is wanted): otherwise a fast move the other way
    would read as "on track".
    """
    if start is None:
        return (
            f"only one whole-year observation of series {r.indicator.target.series!r} "
            f"({r.base_year}); both methods need two."
        )
    increase = r.indicator.increase
    achieved = r.baseline >= r.target if increase else r.baseline <= r.target
    wrong_way = r.target <= start.value if increase else r.target >= start.value
    if wrong_way and not achieved:
        wanted = "an increase" if increase else "a decrease"
        side = "not above" if increase else "not below"
        return (
            f"the target ({r.amount(r.target)}) is {side} the {start.year} value "
            f"({r.amount(start.value)}) although {wanted} is wanted, so growth rates from "
            f"{start.year} cannot judge progress; choose another target or --since year."
        )
    return None


def _left_out_note(r: Resolved) -> str | None:
    """Which observations of the indicator the assessment leaves out, and why."""
    series = r.indicator.target.series
    other = sorted({o.series for o in r.indicator.observations if o.series != series})
    half = [o for o in r.indicator.observations if o.series == series and o.period != "year"]
    parts = []
    for name in other:
        years = ", ".join(str(o.year) for o in r.indicator.observations if o.series == name)
        parts.append(
            f"the {name} series ({years}) is left out: the target refers to the {series} "
            "series, and growth is never computed across two series (the older series has a "
            "narrower scope, about a third lower)"
        )
    if half:
        labels = ", ".join(f"{o.period} {o.year}" for o in half)
        parts.append(f"half-year figures ({labels}) are not mixed with whole-year ones")
    if not parts:
        return None
    return (
        f"{r.metric}: only the {series} series' whole-year figures are used; "
        + "; ".join(parts)
        + "."
    )


_MULTIPLE_WORDS = {2.0: "doubling", 3.0: "tripling", 4.0: "quadrupling"}


def _target_multiple_insight(r: Resolved) -> dict[str, Any] | None:
    """The target as a multiple of the baseline, against the multiple its source describes
    and against the indicator's other series."""
    # The source's wording describes its own target, not one given on the command line.
    described = None if r.target_source == OVERRIDE else r.indicator.target.described_multiple
    series = r.indicator.target.series
    other = [o for o in r.indicator.observations if o.series != series and o.period == "year"]
    if described is None and not other:
        return None
    multiple = r.target / r.baseline
    item: dict[str, Any] = {
        "id": f"{r.metric}_target_multiple",
        "metric": r.metric,
        "target_multiple": multiple,
        "baseline_year": r.base_year,
        "described_multiple": described,
    }
    text = (
        f"The {r.metric} target ({r.amount(r.target)}) is {multiple:.2f}x the {r.base_year} "
        f"figure ({r.amount(r.baseline)})"
    )
    if described is not None:
        word = _MULTIPLE_WORDS.get(described, f"{described:g}x")
        if abs(multiple - described) <= 0.05 * described:
            text += f', the "{word}" of its source\'s wording'
        else:
            text += f', not the "{word}" of its source\'s wording'
    if other:
        last = other[-1]
        other_multiple = r.target / last.value
        item |= {
            "other_series": last.series,
            "other_series_year": last.year,
            "other_series_value": last.value,
            "other_series_multiple": other_multiple,
            "other_series_source": last.source,
        }
        fits = described is not None and abs(other_multiple - described) < abs(multiple - described)
        text += (
            f"; {'that fits' if fits else 'against'} the {last.series} series: "
            f"{r.amount(r.target)} / {r.amount(last.value)} ({last.year}) = {other_multiple:.2f}x"
        )
    item["text"] = text + "."
    return item


def _per_job_insight(jobs: Resolved, exports: Resolved) -> dict[str, Any] | None:
    """Exports per job now and as implied by the two targets."""
    if exports.base_year != jobs.base_year or exports.target_year != jobs.target_year:
        return None
    now = exports.baseline / jobs.baseline
    then = exports.target / jobs.target
    change = then / now - 1
    unit = exports.unit
    direction = "faster" if change < 0 else "slower"
    return {
        "id": "exports_per_job",
        "unit": f"{unit} per job",
        "baseline_year": jobs.base_year,
        "baseline": now,
        "target_year": jobs.target_year,
        "implied_by_targets": then,
        "change": change,
        "text": (
            f"Exports per job: {now:,.0f} {unit} in {jobs.base_year} vs {then:,.0f} {unit} "
            f"implied by the {jobs.target_year} targets ({change:+.0%}): the targets assume "
            f"jobs grow {direction} than exports."
        ),
    }


def _momentum_insight(r: Resolved) -> dict[str, Any] | None:
    """The latest two half-year figures of the target's series: momentum, not an annual rate."""
    series = r.indicator.target.series
    halves = [o for o in r.indicator.observations if o.period != "year" and o.series == series]
    if len(halves) < 2:
        return None
    after = halves[-1]
    same = [o for o in halves[:-1] if o.period == after.period and o.year == after.year - 1]
    if not same:
        return None
    before = same[-1]
    change = after.value / before.value - 1
    text = (
        f"Half-year momentum (not an annual rate): {r.metric} were {r.amount(after.value)} in "
        f"{after.period} {after.year} vs {r.amount(before.value)} in {before.period} "
        f"{before.year}, {change:+.1%} from these rounded figures"
    )
    if after.reported_change is not None:
        text += f"; the source reports {after.reported_change:+.1%}, from unrounded figures"
    return {
        "id": f"{r.metric}_half_year_momentum",
        "metric": r.metric,
        "period": after.period,
        "from_year": before.year,
        "from_value": before.value,
        "to_year": after.year,
        "to_value": after.value,
        "change_from_rounded_figures": change,
        "change_reported_by_source": after.reported_change,
        "source": after.source,
        "text": text + ".",
    }


def _insights(resolved: Sequence[Resolved]) -> list[dict[str, Any]]:
    """What a reader should not miss: target multiples, exports per job, momentum."""
    by_metric = {r.metric: r for r in resolved}
    found = [_target_multiple_insight(r) for r in resolved]
    if "jobs" in by_metric and "exports" in by_metric:
        found.append(_per_job_insight(by_metric["jobs"], by_metric["exports"]))
    found += [_momentum_insight(r) for r in resolved]
    return [item for item in found if item is not None]


def status_report(options: Options, since: int | None = None) -> Report:
    """The ``status`` command: is each metric on track, by two published methods?

    For each metric: actual CAGR from the assessment's base year (``since``, default the
    earliest whole-year observation of the target's series) to the latest year; the required
    CAGR from that same base year and from the latest year; the Eurostat-style growth ratio R
    and the UNSD Progress Chart score Q with their bands (:func:`metrics.status`); the value at
    the target year at the actual pace, the shortfall, and the year the target is reached.
    Where the series has a single whole-year observation, the methods are not applied and a
    note says so.

    Raises:
        DomainError: see :func:`resolve`; ``since`` is not a year with a whole-year
            observation before the latest year.
    """
    resolved, warnings = resolve(options)
    rows, notes, explanation, verdicts = [], [], [], []
    for r in resolved:
        row: dict[str, Any] = {
            "metric": r.metric,
            "label": r.indicator.label,
            "unit": r.unit,
            "series": r.indicator.target.series,
        }
        start = _since(r, since)
        left_out = _left_out_note(r)
        if left_out:
            notes.append(left_out)
        reason = _not_assessable(r, start)
        if reason is not None:
            verdict = f"{r.metric}: not assessed - {reason}"
            row |= {f.key: None for f in STATUS_FIELDS if f.key != "series"}
            row |= {
                "latest_year": r.base_year,
                "latest": r.baseline,
                "target_year": r.target_year,
                "target": r.target,
                "actual_periods": None,
                "required_cagr_from_latest": metrics.cagr(
                    r.baseline, r.target, r.target_year - r.base_year
                ),
                "verdict": verdict,
                "assessed": False,
            }
            if start is not None:
                row |= {"since_year": start.year, "since_value": start.value}
            notes.append(verdict)
            verdicts.append(verdict)
            rows.append(row)
            continue
        assert start is not None
        s = metrics.status(
            start.year,
            start.value,
            r.base_year,
            r.baseline,
            r.target_year,
            r.target,
            r.indicator.increase,
        )
        if s.achieved:
            verdict = (
                f"{r.metric}: achieved - {r.amount(s.latest)} in {s.latest_year} already meets "
                f"the target of {r.amount(s.target)}"
            )
        else:
            verdict = (
                f"{r.metric}: {s.growth_ratio_band} - {fmt.rate(s.actual_cagr)}/yr achieved "
                f"vs {fmt.rate(s.required_cagr_from_base)}/yr required "
                f"({s.base_year}-{s.target_year})"
            )
        verdicts.append(verdict)
        row |= {
            "since_year": s.base_year,
            "since_value": s.base_value,
            "latest_year": s.latest_year,
            "latest": s.latest,
            "target_year": s.target_year,
            "target": s.target,
            "actual_periods": s.latest_year - s.base_year,
            "actual_cagr": s.actual_cagr,
            "required_cagr_from_base": s.required_cagr_from_base,
            "required_cagr_from_latest": s.required_cagr_from_latest,
            "growth_ratio": s.growth_ratio,
            "growth_ratio_band": s.growth_ratio_band,
            "projected_at_target_year": s.projected,
            "shortfall_at_target_year": s.shortfall,
            "progress_score": s.progress_score,
            "progress_band": s.progress_band,
            "target_reached_year": s.reached_year,
            "verdict": verdict,
            "assessed": True,
        }
        rows.append(row)
        m, b, lt, t = r.metric, fmt.exact(s.base_value), fmt.exact(s.latest), fmt.exact(s.target)
        explanation += [
            f"{m}: actual CAGR = ({lt} / {b}) ** (1 / {s.latest_year - s.base_year}) - 1 = "
            f"{s.actual_cagr:.6f}",
            f"{m}: required CAGR from {s.base_year} = ({t} / {b}) ** "
            f"(1 / {s.target_year - s.base_year}) - 1 = {s.required_cagr_from_base:.6f}",
            f"{m}: required CAGR from {s.latest_year} = ({t} / {lt}) ** "
            f"(1 / {s.target_year - s.latest_year}) - 1 = {s.required_cagr_from_latest:.6f}",
        ]
        if s.growth_ratio is not None:
            explanation.append(
                f"{m}: R = {s.actual_cagr:.6f} / {s.required_cagr_from_base:.6f} = "
                f"{s.growth_ratio:.4f} -> {s.growth_ratio_band}"
            )
        explanation.append(
            f"{m}: projected {s.target_year} = {lt} * (1 + {s.actual_cagr:.6f}) ** "
            f"{s.target_year - s.latest_year} = {fmt.exact(s.projected)} "
            f"({r.amount(s.projected)})"
        )
        if s.progress_score is not None:
            explanation.append(
                f"{m}: Q = ({fmt.exact(s.projected)} - {b}) / ({t} - {b}) = "
                f"{s.progress_score:.4f} -> {s.progress_band}"
            )
    notes = verdicts + [n for n in notes if n not in verdicts] + _override_notes(resolved)
    insights = _insights(resolved)
    return _report(
        "status",
        "Are we on track?",
        _inputs(options, since=since),
        STATUS_FIELDS,
        rows,
        notes=notes,
        sources=_sources(
            options.dataset,
            [*_resolved_sources(options, resolved)]
            + [i[k] for i in insights for k in ("other_series_source", "source") if k in i],
        ),
        warnings=warnings,
        methods=STATUS_METHODS,
        explanation=explanation,
        insights=insights,
    )


# --- trajectory -------------------------------------------------------------------------

TRAJECTORY_FIELDS = (
    Field("metric", "Metric", "text"),
    Field("year", "Year", "year"),
    Field("observed", "Observed", "value", ""),
    Field("compound_path", "Compound path", "value", ""),
    Field("linear_path", "Linear path", "value", ""),
    Field("actual_pace_path", "At actual pace", "value", ""),
)

TRAJECTORY_METHODS = {
    "observed": "whole-year observations of the target's series",
    "compound_path": "baseline * (1 + required CAGR) ** (year - base year)",
    "linear_path": "baseline + (target - baseline) * (year - base year) / n",
    "actual_pace_path": "baseline * (1 + actual CAGR) ** (year - base year)",
}


def _path_point(baseline: Number, rate: float, k: int) -> Number:
    """The compound path in year ``base + k``: the baseline itself (exact) at ``k = 0``."""
    return baseline if k == 0 else metrics.project(baseline, rate, k)


def _linear_point(baseline: Number, gap: Number, k: int, n: int) -> Number:
    """``baseline + gap * k / n``, exact (an int) where it divides exactly."""
    if isinstance(baseline, int) and isinstance(gap, int) and (gap * k) % n == 0:
        return baseline + gap * k // n
    return baseline + gap * k / n


def trajectory_report(options: Options) -> Report:
    """The ``trajectory`` command: year by year from the base year to the target year.

    Per metric and year: the observation where one exists (from the series' earliest
    whole-year observation), the compound path at the required CAGR, the linear path, and the
    path at the actual (historical) pace where history allows. Each path value is the
    milestone that year needs.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = resolve(options)
    rows: list[dict[str, Any]] = []
    notes, explanation = [], []
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        a = _actual(r)
        if a is None:
            notes.append(_no_history_note(r))
        observed = {o.year: o.value for o in r.history}
        for year in range(r.history[0].year, r.target_year + 1):
            k = year - r.base_year
            on_path = k >= 0
            rows.append(
                {
                    "metric": r.metric,
                    "unit": r.unit,
                    "year": year,
                    "observed": observed.get(year),
                    "compound_path": (
                        _path_point(r.baseline, g.required_cagr, k) if on_path else None
                    ),
                    "linear_path": (
                        _linear_point(r.baseline, g.absolute, k, g.periods) if on_path else None
                    ),
                    "actual_pace_path": (
                        _path_point(r.baseline, a.cagr, k) if on_path and a else None
                    ),
                }
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
    return _report(
        "trajectory",
        "Year-by-year paths to the target",
        _inputs(options),
        TRAJECTORY_FIELDS,
        rows,
        notes=[
            "Each path value is the milestone that year needs (compound: at the required CAGR; "
            "linear: equal yearly additions); 'at actual pace' continues the historical CAGR.",
            *notes,
            *_override_notes(resolved),
        ],
        sources=_resolved_sources(options, resolved),
        warnings=warnings,
        methods=TRAJECTORY_METHODS,
        explanation=explanation,
        layout="rows",
    )


# --- project ----------------------------------------------------------------------------

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
    Field("gap_at_target_year", "Gap at target year", "value"),
    Field("target_reached_year", "Target reached in", "year", "not reached"),
)

PROJECT_METHODS = {
    "value_at_until_year": (
        "compound: baseline * (1 + growth) ** (year - base year); "
        "linear: baseline + increment * (year - base year)"
    ),
    "gap_at_target_year": "target - value at target year",
    "target_reached_year": "first year the projected value is >= target; none if it never is",
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

    Raises:
        DomainError: see :func:`resolve`; neither or both of growth and increment; ``until``
            not after the base year; a projection that overflows.
    """
    if (growth is None) == (increment is None):
        raise DomainError("give exactly one of --growth RATE or --increment N")
    if increment is not None and len(options.metrics) != 1:
        raise DomainError(
            "--increment is in the metric's unit; choose one metric with --metric jobs or "
            "--metric exports"
        )
    resolved, warnings = resolve(options)
    rows, explanation = [], []
    for r in resolved:
        if increment is not None and r.unit == "jobs" and increment != int(increment):
            raise DomainError(
                f"--increment {increment:g}: jobs are whole, give a whole number of jobs a year"
            )
        end = until if until is not None else r.target_year
        if end <= r.base_year:
            raise DomainError(
                f"--until {end} must be after the base year of {r.metric} ({r.base_year})"
            )

        def at(year: int, r: Resolved = r) -> Number:
            k = year - r.base_year
            if growth is not None:
                return metrics.project(r.baseline, growth, k)
            assert increment is not None
            return r.baseline + increment * k

        if growth is not None and not r.indicator.increase:  # a decrease: mirror the question
            n = metrics.periods_to_reach(1 / r.baseline, 1 / r.target, 1 / (1 + growth) - 1)
            how = f"* (1 + {growth:.6f}) ** (y - {r.base_year})"
        elif growth is not None:
            n = metrics.periods_to_reach(r.baseline, r.target, growth)
            how = f"* (1 + {growth:.6f}) ** (y - {r.base_year})"
        else:
            assert increment is not None
            n = (
                metrics.periods_to_reach_linear(r.baseline, r.target, increment)
                if r.indicator.increase
                else metrics.periods_to_reach_linear(-r.baseline, -r.target, -increment)
            )
            how = f"+ {fmt.exact(increment)} * (y - {r.base_year})"
        value_then, value_target = at(end), at(r.target_year)
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
                "gap_at_target_year": r.target - value_target,
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


# --- sensitivity ------------------------------------------------------------------------

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
    resolved, warnings = resolve(options._replace(target_year=None))
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
                | {_change_key(c): metrics.cagr(r.baseline, t, n) for c, t in targets.items()}
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


# --- segments ---------------------------------------------------------------------------

SEGMENT_FIELDS = (
    Field("segment", "Segment", "text"),
    Field("label", "Activity", "text"),
    Field("value", "Exports", "value"),
    Field("share", "Share of total", "rate"),
    Field("change_on_prior_year", "Change y/y", "rate"),
)


def _half_last_digit(value: Number) -> float:
    """Half a unit of the last significant digit of a whole figure (26_220_000_000 -> 5e6):
    the most that rounding can have moved it. 0.5 for a figure not a multiple of 10."""
    if not (isinstance(value, int) or float(value).is_integer()):
        return 0.0
    number, unit = int(value), 1
    while number and number % (unit * 10) == 0:
        unit *= 10
    return unit / 2


def segments_report(options: Options) -> Report:
    """The ``segments`` command: the split of a whole-year figure by segment, with shares.

    Shares are ``value / total``, the total being the dataset's whole-year figure of the
    segmented indicator in the segments' year. The change on the prior year is the source's
    where it gives one, else computed from the prior value where the source gives that, else
    ``None``. A note says whether the segments add up to the total within rounding: within the
    sum of half a unit of the last significant digit of each figure.

    Raises:
        DomainError: the dataset has no segments, or no whole-year figure to split.
    """
    dataset = options.dataset
    if not dataset.segments or dataset.segments_of is None or dataset.segments_year is None:
        raise DomainError(f"the dataset {dataset.name!r} has no segments")
    indicator = dataset.indicators[dataset.segments_of]
    year = dataset.segments_year
    total_obs = indicator.observation(year)
    if total_obs is None:
        raise DomainError(
            f"the dataset {dataset.name!r} has no whole-year {indicator.id} figure for "
            f"{year} to split into segments"
        )
    total, unit = total_obs.value, indicator.unit
    rows, explanation = [], []
    given, computed, missing = [], [], []
    for seg in dataset.segments:
        change = seg.change
        if change is not None:
            given.append(seg.id)
        elif seg.prior is not None:
            change = seg.value / seg.prior - 1
            computed.append(seg.id)
            explanation.append(
                f"{seg.id}: change = {fmt.exact(seg.value)} / {fmt.exact(seg.prior)} - 1 = "
                f"{change:.4f}"
            )
        else:
            missing.append(seg.id)
        rows.append(
            {
                "segment": seg.id,
                "label": seg.label,
                "unit": unit,
                "year": year,
                "value": seg.value,
                "share": seg.value / total,
                "change_on_prior_year": change,
                "prior_value": seg.prior,
                "source": seg.source,
            }
        )
        explanation.append(
            f"{seg.id}: share = {fmt.exact(seg.value)} / {fmt.exact(total)} = "
            f"{seg.value / total:.4f}"
        )
    added = sum(seg.value for seg in dataset.segments)
    tolerance = sum(_half_last_digit(v) for v in (total, *(g.value for g in dataset.segments)))
    difference = added - total
    within = abs(difference) <= tolerance
    check = (
        f"The segments add up to {fmt.amount(added, unit)} ({fmt.number(added)} {unit}) against "
        f"a {year} total of {fmt.amount(total, unit)} ({fmt.number(total)} {unit}): difference "
        f"{difference:+,} {unit}, "
        + (
            "within rounding."
            if within
            else f"MORE than rounding explains (at most {tolerance:,.0f}): check the figures."
        )
    )
    changes = "; ".join(
        f"{how} for {', '.join(ids)}"
        for how, ids in (
            ("given by the source", given),
            ("computed from the prior year's value", computed),
            ("not given", missing),
        )
        if ids
    )
    return _report(
        "segments",
        f"{indicator.label} by segment, {year}",
        {
            "dataset": dataset.name,
            "indicator": indicator.id,
            "year": year,
            "total": total,
            "segments_sum": added,
            "adds_up_within_rounding": within,
        },
        SEGMENT_FIELDS,
        rows,
        notes=[check, f"Change on the prior year: {changes}."],
        sources=_sources(dataset, [*(seg.source for seg in dataset.segments), total_obs.source]),
        methods={
            "share": "segment value / whole-year total",
            "change_on_prior_year": "as the source gives it, or value / prior value - 1",
        },
        explanation=explanation,
        layout="rows",
    )


# --- scenario show ----------------------------------------------------------------------------

DATASET_FIELDS = (
    Field("metric", "Indicator", "text"),
    Field("label", "Label", "text"),
    Field("direction", "Wanted", "text"),
    Field("series", "Target's series", "text"),
    Field("observations", "Observations", "int"),
    Field("years", "Whole-year figures", "years"),
    Field("base_year", "Latest year", "year"),
    Field("baseline", "Latest value", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
)


def dataset_report(dataset: domain.Dataset, origin: str) -> Report:
    """The ``scenario show`` command: what a dataset holds, one row per indicator.

    ``origin`` says where the dataset comes from (a file path, or "built-in").
    """
    rows = []
    for ind in dataset.indicators.values():
        annual = ind.annual()
        latest = annual[-1]
        rows.append(
            {
                "metric": ind.id,
                "label": ind.label,
                "unit": ind.unit,
                "direction": "increase" if ind.increase else "decrease",
                "series": ind.target.series,
                "observations": len(ind.observations),
                "years": [o.year for o in annual],
                "base_year": latest.year,
                "baseline": latest.value,
                "target_year": ind.target.year,
                "target": ind.target.value,
            }
        )
    other = sorted(
        {o.series for ind in dataset.indicators.values() for o in ind.observations}
        - {ind.target.series for ind in dataset.indicators.values()}
    )
    notes = [f"{dataset.name} ({origin}): {dataset.description}".rstrip(": ")]
    if other:
        notes.append(
            f"Other series kept for context, never compared with a target: {', '.join(other)}."
        )
    if dataset.segments:
        notes.append(
            f"Segments: {len(dataset.segments)} of {dataset.segments_of} "
            f"in {dataset.segments_year}."
        )
    return _report(
        "scenario-show",
        f"Dataset {dataset.name}",
        {"dataset": dataset.name, "origin": origin},
        DATASET_FIELDS,
        rows,
        notes=notes,
        sources=dict(dataset.sources),
        methods={},
        explanation=[],
        layout="rows",
    )
