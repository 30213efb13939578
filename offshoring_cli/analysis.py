"""From the dataset and the user's overrides to reports, ready for any output format.

Pure and typed: no I/O, no Click, no Rich. A :class:`Report` holds plain values (ints, floats,
strings, ``None`` for "not available") keyed by field, plus the field list that tells a renderer
how to label and format each one; :mod:`offshoring_cli.render` turns it into text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from offshoring_cli import domain, metrics
from offshoring_cli.domain import Indicator, Number, Source

SCHEMA_VERSION = 1
"""Version of the JSON output; goes up on any breaking change to its shape."""

OVERRIDE = "override"
"""Source id of a figure the user gave on the command line."""


class Field(NamedTuple):
    """A column of a report: key in JSON/CSV, human label, and how to format the value.

    Kinds: ``text``, ``year``, ``int`` (a plain count such as periods), ``value`` (in the row's
    unit), ``value_per_year``, ``rate`` (a fraction, shown as a percentage), ``multiple`` (a
    ratio shown as ``1.82x``), ``ratio`` (a plain ratio), ``bool``.
    """

    key: str
    label: str
    kind: str


class Report(NamedTuple):
    """The result of one command, independent of the output format."""

    command: str
    title: str
    inputs: dict[str, Any]
    fields: tuple[Field, ...]
    rows: list[dict[str, Any]]
    notes: list[str]
    sources: dict[str, Source]
    warnings: list[str]

    def to_document(self) -> dict[str, Any]:
        """The JSON document: schema version, command, effective inputs, results, sources."""
        return {
            "schema_version": SCHEMA_VERSION,
            "command": self.command,
            "inputs": self.inputs,
            "results": self.rows,
            "notes": self.notes,
            "sources": {key: src._asdict() for key, src in self.sources.items()},
        }


class Options(NamedTuple):
    """What the user asked for: metrics, years, and figures that replace the built-in ones."""

    metrics: tuple[str, ...] = tuple(domain.INDICATORS)
    base_year: int | None = None
    target_year: int | None = None
    baselines: Mapping[str, Number] = {}
    targets: Mapping[str, Number] = {}


class Resolved(NamedTuple):
    """One indicator's effective inputs after applying the user's options."""

    indicator: Indicator
    base_year: int
    baseline: Number
    baseline_source: str
    target_year: int
    target: Number
    target_source: str
    earliest: domain.Observation | None
    """The earliest observation of the target's series before the base year, if any."""


_SUFFIXES = ((1e9, "bn"), (1e6, "M"), (1e3, "k"))


def _magnitude_warning(option: str, given: Number, reference: Number) -> str | None:
    """A warning when ``given`` is over 1,000 times off ``reference`` (likely a missing suffix)."""
    if given <= 0 or reference <= 0:
        return None
    ratio = given / reference
    if 1e-3 <= ratio <= 1e3:
        return None
    if ratio < 1e-3:
        best = min(_SUFFIXES, key=lambda s: abs(math.log10(given * s[0] / reference)))
        hint = f"did you mean {given:g}{best[1]}?"
    else:
        hint = "check the unit."
    size = "smaller" if ratio < 1 else "larger"
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
        metrics.DomainError: a requested base year has no built-in observation and no baseline
            was given, or the target year is not after the base year.
    """
    resolved: list[Resolved] = []
    warnings: list[str] = []
    for metric in options.metrics:
        ind = domain.INDICATORS[metric]
        latest = ind.baseline()
        base_year = options.base_year if options.base_year is not None else latest.year
        if metric in options.baselines:
            baseline, baseline_source = options.baselines[metric], OVERRIDE
            reference = latest.value
            warning = _magnitude_warning(f"--{metric}-baseline", baseline, reference)
            if warning:
                warnings.append(warning)
        else:
            obs = ind.observation(base_year)
            if obs is None:
                years = ", ".join(
                    str(o.year) for o in ind.observations if o.series == ind.target.series
                )
                raise metrics.DomainError(
                    f"no built-in {metric} figure for base year {base_year} (built-in years: "
                    f"{years}); give one with --{metric}-baseline, choose another --base-year, "
                    f"or leave {metric} out with --metric"
                )
            baseline, baseline_source = obs.value, obs.source
        target_year = options.target_year if options.target_year is not None else ind.target.year
        if target_year <= base_year:
            raise metrics.DomainError(
                f"the target year {target_year} must be after the base year {base_year}; "
                f"give a later --target-year (e.g. {ind.target.year})"
            )
        if metric in options.targets:
            target, target_source = options.targets[metric], OVERRIDE
            warning = _magnitude_warning(f"--{metric}-target", target, ind.target.value)
            if warning:
                warnings.append(warning)
        else:
            target, target_source = ind.target.value, ind.target.source
        earlier = [
            o for o in ind.observations if o.series == ind.target.series and o.year < base_year
        ]
        resolved.append(
            Resolved(
                indicator=ind,
                base_year=base_year,
                baseline=baseline,
                baseline_source=baseline_source,
                target_year=target_year,
                target=target,
                target_source=target_source,
                earliest=earlier[0] if earlier else None,
            )
        )
    return resolved, warnings


def _inputs(options: Options) -> dict[str, Any]:
    overrides: dict[str, Number] = {}
    for metric in options.metrics:
        if metric in options.baselines:
            overrides[f"{metric}_baseline"] = options.baselines[metric]
        if metric in options.targets:
            overrides[f"{metric}_target"] = options.targets[metric]
    return {
        "metrics": list(options.metrics),
        "base_year": options.base_year,
        "target_year": options.target_year,
        "overrides": overrides,
    }


def _sources(resolved: Sequence[Resolved]) -> dict[str, Source]:
    ids: list[str] = []
    for r in resolved:
        for sid in (r.baseline_source, r.target_source, r.earliest.source if r.earliest else None):
            if sid is not None and sid not in ids:
                ids.append(sid)
    override = Source("user input", "command-line override", "", "")
    return {sid: domain.SOURCES.get(sid, override) for sid in ids}


def _head(r: Resolved) -> dict[str, Any]:
    return {
        "metric": r.indicator.id,
        "label": r.indicator.label,
        "unit": r.indicator.unit,
        "base_year": r.base_year,
        "baseline": r.baseline,
        "baseline_source": r.baseline_source,
        "target_year": r.target_year,
        "target": r.target,
        "target_source": r.target_source,
    }


_HEAD_FIELDS = (
    Field("label", "Indicator", "text"),
    Field("base_year", "Base year", "year"),
    Field("baseline", "Baseline", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("periods", "Periods n (years)", "int"),
)

GAP_FIELDS = (
    *_HEAD_FIELDS,
    Field("gap", "Gap (target - baseline)", "value"),
    Field("gap_relative", "Gap relative to baseline", "rate"),
    Field("target_multiple", "Target multiple", "multiple"),
    Field("linear_increment_per_year", "Linear path: increment a year", "value_per_year"),
    Field("required_cagr", "Required CAGR a year", "rate"),
    Field("already_met", "Target already met", "bool"),
)


def _override_notes(resolved: Sequence[Resolved]) -> list[str]:
    notes = []
    for r in resolved:
        if r.baseline_source == OVERRIDE:
            notes.append(f"{r.indicator.id}: baseline given on the command line")
        if r.target_source == OVERRIDE:
            notes.append(f"{r.indicator.id}: target given on the command line")
    return notes


def gap_report(options: Options) -> Report:
    """The ``gap`` command: per metric, baseline, target, periods, gap and required growth.

    Raises:
        metrics.DomainError: see :func:`resolve`.
    """
    resolved, warnings = resolve(options)
    rows = []
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year)
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
    notes = [
        "CAGR = (target / baseline) ** (1 / n) - 1, n = target year - base year; "
        "linear increment = (target - baseline) / n.",
        *_override_notes(resolved),
    ]
    return Report(
        "gap",
        "Gap to the targets",
        _inputs(options),
        GAP_FIELDS,
        rows,
        notes,
        _sources(resolved),
        warnings,
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


def cagr_report(options: Options) -> Report:
    """The ``cagr`` command: required CAGR to the target, actual CAGR where history exists.

    Actual growth runs from the earliest observation of the target's series before the base
    year to the baseline (so a baseline override counts as the base year's figure). Where the
    series has no earlier observation, the actual fields are ``None`` and a note says why.

    Raises:
        metrics.DomainError: see :func:`resolve`.
    """
    resolved, warnings = resolve(options)
    rows = []
    notes = [
        "CAGR = (end / start) ** (1 / n) - 1, n = end year - start year; "
        "actual growth runs from the earliest observation of the same series to the baseline.",
    ]
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year)
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
        if r.earliest is None:
            notes.append(
                f"{r.indicator.id}: no observation of series {r.indicator.target.series!r} "
                f"before {r.base_year}, so no actual growth can be computed."
            )
        else:
            a = metrics.actual_growth(r.earliest.year, r.earliest.value, r.base_year, r.baseline)
            row |= {
                "actual_start_year": a.start_year,
                "actual_start": a.start,
                "actual_periods": a.periods,
                "actual_cagr": a.cagr,
                "actual_linear_pace_per_year": a.linear_pace,
                "actual_to_required_cagr": (
                    a.cagr / g.required_cagr if g.required_cagr != 0 else None
                ),
            }
        rows.append(row)
    notes += _override_notes(resolved)
    return Report(
        "cagr",
        "Required and actual growth",
        _inputs(options),
        CAGR_FIELDS,
        rows,
        notes,
        _sources(resolved),
        warnings,
    )
