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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from offshoring_cli import i18n
from offshoring_cli.core.fields import (
    INT,
    TEXT,
    VALUE,
    YEAR,
    Annotated,
    Field,
    Schema,
    TypedDict,
    fields_of,
    methods_of,
)
from offshoring_cli.core.methods import SHORTFALL_METHOD
from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, Number, Source
from offshoring_cli.core.resolve import OVERRIDE, Options, Resolved
from offshoring_cli.i18n import Text
from offshoring_cli.reports.provenance import Provenance

SCHEMA_VERSION = 1
"""Version of the JSON output; goes up on any breaking change to its shape."""

# --- types shared by the rows (their JSON Schema keywords are read by scripts/schemas.py) -----

Amount = Annotated[Number, Schema(type="number")]
"""An amount in the indicator's unit: an integer where exact, a float otherwise."""
Positive = Annotated[Number, Schema(type="number", exclusiveMinimum=0)]
"""An amount greater than 0 (a baseline, a target, an observation)."""
Year = Annotated[int, Schema(minimum=FIRST_YEAR, maximum=LAST_YEAR)]
"""A calendar year given or derived from the inputs (the CLI and scenario files take 1900-2200)."""
LaterYear = Annotated[int, Schema(minimum=FIRST_YEAR)]
"""A calendar year computed by projection: it may lie beyond 2200."""
Periods = Annotated[int, Schema(minimum=1)]
"""A whole number of years between two calendar years (intervals, not data points)."""
MetricId = Annotated[str, Schema(pattern=r"^[a-z][a-z0-9_]*$")]
"""An indicator id: ``jobs``, ``exports``, or a scenario's (lower case, digits, ``_``)."""

IN_UNIT = "in the indicator's unit (see unit)"
RATE_A_YEAR = "fraction a year, 0.1048 = 10.48 %"
REASON_METHOD = "why the figures that are null are null; null when every figure is given"
SHORTFALL_DESCRIPTION = (
    "How far the value at the target year falls short of the target in the wanted direction, "
    + IN_UNIT
    + ": "
    + SHORTFALL_METHOD
    + "."
)
"""The shortfall at the target year (``status`` and ``project``), described once."""


UNIT_FIELD = Field(
    "Unit", TEXT, show=False, description="Unit of every amount of the row: the indicator's unit."
)
"""The row's unit, shared by every row that carries amounts (JSON and CSV only)."""


class HeadRow(TypedDict):
    """The keys that open each row of gap, cagr and project."""

    metric: Annotated[MetricId, Field("Metric", TEXT, show=False, description="Indicator id.")]
    label: Annotated[str, Field("Label", TEXT, show=False, description="Indicator name.")]
    unit: Annotated[str, UNIT_FIELD]
    base_year: Annotated[Year, Field("Base year", YEAR, description="Year of the baseline.")]
    baseline: Annotated[
        Positive, Field("Baseline", VALUE, description="Value in the base year, " + IN_UNIT + ".")
    ]
    baseline_source: Annotated[
        str,
        Field(
            "Baseline source",
            TEXT,
            show=False,
            description="Source id of the baseline (a key of sources; 'override' if given).",
        ),
    ]
    target_year: Annotated[Year, Field("Target year", YEAR, description="Year the target is due.")]
    target: Annotated[
        Positive, Field("Target", VALUE, description="Target value, " + IN_UNIT + ".")
    ]
    target_source: Annotated[
        str,
        Field(
            "Target source",
            TEXT,
            show=False,
            description="Source id of the target (a key of sources; 'override' if given).",
        ),
    ]
    series: Annotated[
        str,
        Field(
            "Series",
            TEXT,
            show=False,
            description="The series the baseline and the target are on: the final target's, or "
            "the series of the published target --target-year chose.",
        ),
    ]


PERIODS_FIELD = Field(
    "Periods n (years)",
    INT,
    method="n = target year - base year (intervals, not data points)",
    description="n = target year - base year, in years.",
)


class FigureInputs(TypedDict):
    """The effective inputs of a command that takes the metric, year and override options."""

    dataset: Annotated[
        str,
        Field("Dataset", TEXT, description="Name of the dataset: built-in or a scenario file's."),
    ]
    metrics: Annotated[
        list[MetricId],
        Field(
            "Metrics",
            TEXT,
            description="Indicator ids shown, in order (all of the dataset's if none).",
        ),
        Schema(minItems=1),
    ]
    base_year: Annotated[
        Year | None,
        Field("Base year", YEAR, description="--base-year; null: each metric's latest year."),
    ]
    target_year: Annotated[
        Year | None,
        Field("Target year", YEAR, description="--target-year; null: each metric's target year."),
    ]
    overrides: Annotated[
        dict[str, Positive],
        Field(
            "Overrides",
            VALUE,
            description="Figures given on the command line (--jobs-baseline as jobs_baseline, "
            "...), " + IN_UNIT + "; empty if none.",
        ),
        Schema(propertyNames={"pattern": r"^[a-z][a-z0-9_]*_(baseline|target)$"}),
    ]


class SourceEntry(TypedDict):
    """A cited source. A figure given on the command line cites the source ``override``:
    publisher "user input", title "command-line override", empty date and URL."""

    publisher: Annotated[str, Field("Publisher", TEXT, description="Who published the figure.")]
    title: Annotated[str, Field("Title", TEXT, description="Title of the publication.")]
    date: Annotated[
        str,
        Field(
            "Date",
            TEXT,
            description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD; empty if none.",
        ),
    ]
    url: Annotated[str, Field("URL", TEXT, description="Where to read it; empty if none.")]


Row = TypeVar("Row", bound=Mapping[str, Any])


class Report(Generic[Row]):
    """The result of one command, independent of the output format.

    ``rows`` are of one row ``TypedDict`` (``row_type``), whose fields drive every output:
    :attr:`fields` (the columns shown), :attr:`methods` (``methods`` in JSON) and
    :meth:`records` (the rows as JSON and CSV hold them: a ``columns`` field spread into one key
    each, labelled by ``column_labels``, which may also relabel any other field for this
    report). ``layout`` is ``metrics`` (few rows, one per metric:
    drawn with one column per metric) or ``rows`` (many rows, such as years or segments: drawn
    with one row per record).
    """

    __slots__ = (
        "_explanation",
        "column_labels",
        "command",
        "inputs",
        "insights",
        "layout",
        "notes",
        "provenance",
        "row_type",
        "rows",
        "sources",
        "title",
        "warnings",
    )

    def __init__(
        self,
        command: str,
        title: str,
        inputs: Mapping[str, Any],
        row_type: type[Row],
        rows: Sequence[Row],
        *,
        notes: list[str],
        sources: dict[str, Source],
        warnings: Sequence[str] = (),
        explanation: list[str] | Callable[[], list[str]],
        provenance: Provenance,
        insights: list[dict[str, Any]] | None = None,
        layout: str = "metrics",
        column_labels: Mapping[str, str] | None = None,
    ) -> None:
        self.command = command
        self.title = title
        self.inputs = dict(inputs)
        self.row_type = row_type
        self.rows = rows
        self.notes = notes
        self.sources = sources
        self.warnings = list(warnings)
        self._explanation = _in_language(explanation) if callable(explanation) else explanation
        self.provenance = provenance
        """Which tool, version and data made the report (see ``reports/provenance.py``)."""
        self.insights = insights
        """Insights (``status`` only: a list, possibly empty); ``None`` for other commands."""
        self.layout = layout
        self.column_labels = dict(column_labels or {})

    @property
    def explanation(self) -> list[str]:
        """The worked formulas (``--explain``), one line each; a report may pass a function
        that writes them, called on first use (``status`` writes one per base year) in the
        language of the report's making (English: numbers in a formula do not follow
        ``--lang``)."""
        if callable(self._explanation):
            self._explanation = self._explanation()
        return self._explanation

    def replace(self, **changes: Any) -> "Report[Row]":
        """A copy with ``changes`` (attribute name: new value)."""
        copy: Report[Row] = Report.__new__(Report)
        for name in Report.__slots__:
            setattr(copy, name, changes.get(name.lstrip("_"), getattr(self, name)))
        return copy

    @property
    def fields(self) -> tuple[Field, ...]:
        """The fields shown in a table or Markdown, in order; a ``columns`` field is one field
        per column."""
        shown: list[Field] = []
        for field in fields_of(self.row_type):
            if field.columns:
                shown += [field.keyed(k, label) for k, label in self.column_labels.items()]
            elif field.show:
                label = self.column_labels.get(field.key)
                shown.append(field if label is None else field.keyed(field.key, label))
        return tuple(shown)

    @property
    def methods(self) -> dict[str, str]:
        """How each result key is computed (``methods`` in JSON), from the row's fields; a
        ``columns`` field's method is listed under ``{key}_*``."""
        columns = {f.key for f in fields_of(self.row_type) if f.columns}
        return {
            (f"{key}_*" if key in columns else key): method
            for key, method in methods_of(self.row_type).items()
        }

    def records(self) -> list[dict[str, Any]]:
        """The rows as JSON and CSV hold them: a ``columns`` field spread into its keys."""
        return [dict(record) for record in self.iter_records()]

    def iter_records(self) -> Iterator[Mapping[str, Any]]:
        """The records of :meth:`records` one by one, as the rows are made (not copied: read
        them, do not change them), for JSON and CSV written as they go."""
        spread = [f.key for f in fields_of(self.row_type) if f.columns]
        if not spread:
            yield from self.rows
            return
        for row in self.rows:
            record: dict[str, Any] = {}
            for key, value in row.items():
                if key in spread:
                    record |= value
                else:
                    record[key] = value
            yield record

    def cells(self) -> tuple[tuple[str, ...], Iterator[tuple[Any, ...]]] | None:
        """The keys of every record and the records as tuples in their order, made as they
        are read, when the rows are made on demand with no ``columns`` field to spread
        (:class:`~offshoring_cli.reports.rows.LazyRows`); else ``None``."""
        make = getattr(self.rows, "cells", None)
        if make is None or any(f.columns for f in fields_of(self.row_type)):
            return None
        return tuple(getattr(self.rows, "columns")), make()  # noqa: B009

    def to_document(self, explain: bool = False) -> dict[str, Any]:
        """The JSON document: schema version, command, provenance, effective inputs, results,
        methods, insights (``status``), notes, sources, and the worked formulas when
        ``explain``."""
        return self.document(explain, self.records())

    def document(self, explain: bool, results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        """:meth:`to_document` with ``results`` as given: :meth:`iter_records` for a document
        written as its rows are made (:mod:`offshoring_cli.render.json_document`)."""
        document: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "command": self.command,
            "provenance": dict(self.provenance),
            "inputs": self.inputs,
            "results": results,
            "methods": self.methods,
        }
        if self.insights is not None:
            document["insights"] = self.insights
        document["notes"] = self.notes
        document["sources"] = {key: src.as_dict() for key, src in self.sources.items()}
        if explain:
            document["explanation"] = self.explanation
        return document


def _in_language(write: Callable[[], list[str]]) -> Callable[[], list[str]]:
    """``write``, to be called later in the language active now."""
    language = i18n.active()

    def written() -> list[str]:
        with i18n.human(language):
            return write()

    return written


def _inputs(options: Options) -> FigureInputs:
    overrides: dict[str, Number] = {}
    for metric in options.selected():
        if metric in options.baselines:
            overrides[f"{metric}_baseline"] = options.baselines[metric]
        if metric in options.targets:
            overrides[f"{metric}_target"] = options.targets[metric]
    return FigureInputs(
        dataset=options.dataset.name,
        metrics=list(options.selected()),
        base_year=options.base_year,
        target_year=options.target_year,
        overrides=overrides,
    )


def _override_notes(resolved: Sequence[Resolved]) -> list[str]:
    notes: list[str] = []
    for r in resolved:
        if r.baseline_source == OVERRIDE:
            notes.append(Text("{metric}: baseline given on the command line.", metric=r.metric))
        if r.target_source == OVERRIDE:
            notes.append(Text("{metric}: target given on the command line.", metric=r.metric))
    return notes


def _head(r: Resolved) -> HeadRow:
    return HeadRow(
        metric=r.metric,
        label=r.indicator.label,
        unit=r.unit,
        base_year=r.base_year,
        baseline=r.baseline,
        baseline_source=r.baseline_source,
        target_year=r.target_year,
        target=r.target,
        target_source=r.target_source,
        series=r.indicator.target.series,
    )
