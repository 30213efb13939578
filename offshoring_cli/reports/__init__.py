"""Reports: the result of each command, independent of the output format, one module per report.

A :class:`Report` holds plain values (ints, floats, strings, ``None`` for "not available")
keyed by field, the field list that tells a renderer how to label and format each one, the
method behind each figure, and the worked formulas (``--explain``); :mod:`offshoring_cli.render`
turns it into text. This module holds the envelope and what the reports share (the effective
inputs, the head of a row, the notes on overrides). Pure and typed: no I/O, no Click, no Rich.

Modules: :mod:`~offshoring_cli.reports.gap`, :mod:`~offshoring_cli.reports.growth` (``cagr``),
:mod:`~offshoring_cli.reports.status` (with :mod:`~offshoring_cli.reports.insights`),
:mod:`~offshoring_cli.reports.trajectory`, :mod:`~offshoring_cli.reports.project`,
:mod:`~offshoring_cli.reports.sensitivity`, :mod:`~offshoring_cli.reports.segments`,
:mod:`~offshoring_cli.reports.dataset` (``scenario show``), and the content of the brief
(:mod:`~offshoring_cli.reports.brief`) and of the charts (:mod:`~offshoring_cli.reports.chart`).
"""

from collections.abc import Mapping, Sequence
from typing import Any

from offshoring_cli.core.fields import Field
from offshoring_cli.core.records import Number, Record, Source
from offshoring_cli.core.resolve import OVERRIDE, Options, Resolved

SCHEMA_VERSION = 1
"""Version of the JSON output; goes up on any breaking change to its shape."""


class Report(Record):
    """The result of one command, independent of the output format.

    ``layout`` is ``metrics`` (few rows, one per metric: drawn with one column per metric) or
    ``rows`` (many rows, such as years or segments: drawn with one row per record).
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "command",
        "title",
        "inputs",
        "fields",
        "rows",
        "notes",
        "sources",
        "warnings",
        "methods",
        "explanation",
        "insights",
        "layout",
    )
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
    layout: str

    def __init__(
        self,
        command: str,
        title: str,
        inputs: dict[str, Any],
        fields: tuple[Field, ...],
        rows: list[dict[str, Any]],
        notes: list[str],
        sources: dict[str, Source],
        warnings: list[str],
        methods: dict[str, str],
        explanation: list[str],
        insights: list[dict[str, Any]] | None,
        layout: str = "metrics",
    ) -> None:
        self.command = command
        self.title = title
        self.inputs = inputs
        self.fields = fields
        self.rows = rows
        self.notes = notes
        self.sources = sources
        self.warnings = warnings
        self.methods = methods
        self.explanation = explanation
        self.insights = insights
        self.layout = layout

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
        document["sources"] = {key: src.as_dict() for key, src in self.sources.items()}
        if explain:
            document["explanation"] = self.explanation
        return document


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
