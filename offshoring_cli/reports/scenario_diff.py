"""The ``scenario diff`` report: what changed between two datasets (OLD and NEW), and how each
indicator's headline figures move as a result. Pure: the two datasets come in, a report goes
out; the files are read by the command (:mod:`offshoring_cli.cli.scenario_diff`)."""

from typing import Any

from offshoring_cli.core.fields import RATE, RATIO, TEXT, YEAR, fields_of
from offshoring_cli.core.records import Dataset, Source
from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import Text, say
from offshoring_cli.reports import Report
from offshoring_cli.reports.diff_changes import data_changes
from offshoring_cli.reports.diff_rows import DiffInputs, DiffRow, row
from offshoring_cli.reports.growth import CagrRow, cagr_report
from offshoring_cli.reports.provenance import provenance
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.status_row import StatusRow

FIGURES: tuple[tuple[type, str, str], ...] = (
    (CagrRow, "required_cagr", RATE),
    (CagrRow, "actual_cagr", RATE),
    (StatusRow, "growth_ratio", RATIO),
    (StatusRow, "growth_ratio_band", TEXT),
    (StatusRow, "progress_score", RATIO),
    (StatusRow, "progress_band", TEXT),
    (StatusRow, "target_reached_year", YEAR),
)
"""The headline figures compared, in order: the row they are read from (``cagr``'s or
``status``'s), their key there (and in ``item``) and their kind."""


class _Tail:
    """A verdict without its head (``jobs: on track - ...`` -> ``on track - ...``), in the
    language active when it is shown (French writes ``jobs : ...``)."""

    __slots__ = ("verdict",)

    def __init__(self, verdict: str) -> None:
        self.verdict = verdict

    def __str__(self) -> str:
        return say(self.verdict).split(":", 1)[-1].lstrip()


class _Side:
    """One file's figures for the indicators that changed: the ``cagr`` and ``status`` reports
    on it, each computed once (from one :class:`Options`, so the resolution is shared too)."""

    __slots__ = ("explanation", "rows", "sources", "verdicts", "warnings")

    def __init__(self, role: str, dataset: Dataset, metrics: list[str]) -> None:
        self.rows: dict[str, dict[str, Any]] = {}
        self.verdicts: dict[str, _Tail] = {}
        self.sources: dict[str, Source] = {}
        self.warnings: list[str] = []
        self.explanation: list[str] = []
        present = tuple(m for m in metrics if m in dataset.indicators)
        if not present:
            return
        options = Options(metrics=present, dataset=dataset)
        try:
            cagr = cagr_report(options)
            status = status_report(options)
        except DomainError as error:
            raise DomainError(Text("{role}: {error}", role=role, error=error.template)) from None
        # status assesses every published target; the headline is the final target on the
        # indicator's own series (the row whose reading is the metric id)
        headline = {r["metric"]: r for r in status.rows if r["reading"] == r["metric"]}
        for cagr_row in cagr.rows:
            metric = cagr_row["metric"]
            status_row = headline[metric]
            self.rows[metric] = {**cagr_row, **status_row}
            self.verdicts[metric] = _Tail(status_row["verdict"])
        self.sources = {**cagr.sources, **status.sources}
        self.warnings = [
            Text("{role}: {warning}", role=role, warning=w)
            for w in dict.fromkeys([*cagr.warnings, *status.warnings])
        ]
        # status works out the actual CAGR, R, Q and the projection; cagr adds the required
        # CAGR from the latest year (its other lines repeat status's or are not compared)
        required = [line for line in cagr.explanation if ": required CAGR = " in line]
        self.explanation = [f"{role} {line}" for line in [*required, *status.explanation]]


def _figure_rows(metric: str, unit: str, old: _Side, new: _Side) -> list[DiffRow]:
    """The headline figures of ``metric`` before and after (``unchanged`` where they hold)."""
    rows = []
    before, after = old.rows.get(metric), new.rows.get(metric)
    for row_type, key, kind in FIGURES:
        label = next(f.label for f in fields_of(row_type) if f.key == key)
        rows.append(
            row(
                metric,
                "figure",
                key,
                label,
                None if before is None else before[key],
                None if after is None else after[key],
                kind,
                unit,
            )
        )
    return rows


def _cited(old: Dataset, new: Dataset, metrics: list[str], rows: list[DiffRow]) -> set[str]:
    """The source ids behind the changes: every source of a changed indicator (its target and
    observations, on either side) and every source added, removed or revised."""
    cited = {r["item"].split(".", 1)[0] for r in rows if r["topic"] == "source"}
    for dataset in (old, new):
        for metric in metrics:
            indicator = dataset.indicators.get(metric)
            if indicator is not None:
                cited.add(indicator.target.source)
                cited.update(o.source for o in indicator.observations)
    return cited


def diff_report(old: Dataset, new: Dataset, old_name: str, new_name: str) -> Report[DiffRow]:
    """The ``scenario diff`` command: what changed from ``old`` to ``new``, and how each
    changed indicator's headline figures move.

    Rows (:class:`~offshoring_cli.reports.diff_rows.DiffRow`): first the dataset's own changes
    (sources, segments, insights), then for each indicator that changed
    (OLD's order, then NEW's new ones) its data changes (:mod:`diff_changes`) and its seven
    headline figures (:data:`FIGURES`) before and after, ``unchanged`` where they hold: required
    CAGR and actual CAGR as ``offshoring cagr`` computes them, the Eurostat growth ratio R and
    the UNSD progress score Q with their bands and the year the target is reached as
    ``offshoring status`` does (each report computed once a side). ``old_name`` and
    ``new_name`` say where each dataset comes from (a path, or ``-``). Two datasets that hold the
    same data give no row and the note "No change"; a change to the dataset's name or
    description is told in the notes.

    Raises:
        DomainError: a figure cannot be computed on one side (the message opens with OLD or
            NEW).
    """
    dataset_rows, by_metric = data_changes(old, new)
    metrics = list(by_metric)
    sides = _Side("OLD", old, metrics), _Side("NEW", new, metrics)
    rows = list(dataset_rows)
    notes: list[str] = []
    for metric, changes in by_metric.items():
        targeted = new.indicators.get(metric) or old.indicators.get(metric)
        if targeted is None:  # no published target on either side: no figure to compare
            rows += changes
            continue
        rows += changes + _figure_rows(metric, targeted.unit, *sides)
        for role, side in zip(("OLD", "NEW"), sides, strict=True):
            if metric in side.verdicts:
                notes.append(
                    Text(
                        "{metric} in {role}: {verdict}",
                        metric=metric,
                        role=role,
                        verdict=side.verdicts[metric],
                    )
                )
    if old.name != new.name:
        notes.insert(
            0,
            Text(
                "The dataset's name: {old} in OLD, {new} in NEW.",
                old=repr(old.name),
                new=repr(new.name),
            ),
        )
    if old.description != new.description:
        notes.insert(
            old.name != new.name,
            Text(
                "The dataset's description in NEW: {new} (in OLD: {old}).",
                new=repr(new.description),
                old=repr(old.description),
            ),
        )
    changed = bool(notes)
    if rows:
        notes.append(
            Text(
                "Figures as 'offshoring cagr' and 'offshoring status' compute them on each "
                "file: from each indicator's latest whole-year figure, to its own target."
            )
        )
    elif not changed:
        notes.append(
            Text("No change: {old} and {new} hold the same data.", old=old_name, new=new_name)
        )
    cited = _cited(old, new, metrics, rows)
    known = {**old.sources, **new.sources}
    sources = {key: known[key] for key in known if key in cited}
    return Report(
        "scenario-diff",
        Text("What changed from {old} to {new}", old=old_name, new=new_name),
        DiffInputs(
            old=old_name,
            new=new_name,
            old_dataset=old.name,
            new_dataset=new.name,
            changed=changed,
        ),
        DiffRow,
        rows,
        notes=notes,
        sources=sources,
        warnings=[*sides[0].warnings, *sides[1].warnings],
        explanation=[*sides[0].explanation, *sides[1].explanation],
        # the data the figures now rest on: NEW's (OLD is named in the inputs)
        provenance=provenance(new),
        layout="rows",
    )
