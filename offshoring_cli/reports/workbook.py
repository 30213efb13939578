"""The workbook's content: its inputs, the tool's results it caches, and every human string.

``offshoring workbook`` writes one spreadsheet an analyst can audit and change: an *Inputs*
sheet with each indicator's observations and targets, and *Gap*, *Growth*, *Status* and
*Trajectory* sheets that compute from it with spreadsheet formulas
(:mod:`offshoring_cli.render.workbook_formulas`), each formula's cached result being the
tool's own figure (the reports of ``gap``, ``cagr``, ``status`` and ``trajectory``). This
module gathers that content; :mod:`offshoring_cli.render.workbook` draws it. Pure: no I/O.

Every human string of the workbook is in :data:`TEXT`, :data:`SHEETS` and :data:`WORDS`
(column labels come from the reports' fields), so that they can be translated in one place.
"""

from typing import Any, NamedTuple

from offshoring_cli.core.records import Dataset, Indicator, Number, Source, Target
from offshoring_cli.core.resolve import Options
from offshoring_cli.i18n import N_, joined
from offshoring_cli.reports import Report, memo
from offshoring_cli.reports.gap import GapRow, gap_report
from offshoring_cli.reports.growth import CagrRow, cagr_report
from offshoring_cli.reports.provenance import provenance_line
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.status_row import StatusRow
from offshoring_cli.reports.trajectory import TrajectoryRow, trajectory_report

# --- every human string of the workbook -----------------------------------------------------

SHEETS = {
    "inputs": N_("Inputs"),
    "gap": N_("Gap"),
    "cagr": N_("Growth"),
    "status": N_("Status"),
    "trajectory": N_("Trajectory"),
    "sources": N_("Sources"),
    "methods": N_("Methods"),
}
"""Sheet names by role, in the workbook's order (at most 31 characters, no ``[]:*?/\\``)."""

TEXT = {
    "observation": N_("observation"),
    "target": N_("target"),
    "indicator": N_("Indicator"),
    "kind": N_("Kind"),
    "year": N_("Year"),
    "value": N_("Value"),
    "series": N_("Series"),
    "period": N_("Period"),
    "source": N_("Source"),
    "note": N_("Note"),
    "source_id": N_("Source id"),
    "publisher": N_("Publisher"),
    "title": N_("Title"),
    "date": N_("Date"),
    "url": N_("URL"),
    "sheet": N_("Sheet"),
    "column": N_("Column"),
    "in_words": N_("How it is computed"),
    "inputs_help": (
        N_(
            "Edit the values, or add a row (an indicator id, observation or target, year, value, "
            "series, period year/H1/H2): every other sheet recomputes from this table, "
            "up to row {last}."
        )
    ),
    "methods_help": (
        N_(
            "Every figure is a spreadsheet formula on the Inputs sheet; the values stored with "
            "the formulas are the tool's own results."
        )
    ),
}
"""The workbook's words: Inputs values (``observation``, ``target``), headers and help lines.
The Inputs sheet's ``Kind`` values are matched by the formulas, so a translation changes both
at once."""

WORDS: dict[str, dict[str, str]] = {
    "gap": {
        "base_year": N_(
            "The latest year with a whole-year observation (period 'year') of the "
            "indicator in its main series, the final target's (MAXIFS on Inputs)."
        ),
        "baseline": N_("The value observed in the base year, same series (MAXIFS on Inputs)."),
        "target_year": N_(
            "The latest target year of the indicator in its main series: the final "
            "target (the other published targets are assessed on the Status sheet)."
        ),
        "target": N_("The target's value in the target year."),
        "periods": N_("n = target year - base year."),
        "gap": N_("target - baseline."),
        "gap_relative": N_("(target - baseline) / baseline."),
        "target_multiple": N_("target / baseline."),
        "linear_increment_per_year": N_("Linear path: (target - baseline) / n a year."),
        "required_cagr": N_("Required CAGR: (target / baseline) ^ (1 / n) - 1 (as Excel's RRI)."),
        "already_met": N_("Whether the baseline meets the target in the wanted direction."),
    },
    "cagr": {
        "base_year": N_("From the Gap sheet."),
        "actual_start_year": N_(
            "The earliest whole-year observation of the series before the "
            "base year (MINIFS on Inputs); empty when there is none."
        ),
        "actual_start": N_("The value observed in that year."),
        "actual_periods": N_("base year - start year."),
        "actual_cagr": N_("Actual CAGR: (baseline / start value) ^ (1 / years) - 1."),
        "actual_linear_pace_per_year": N_("(baseline - start value) / years."),
        "actual_to_required_cagr": N_(
            "actual CAGR / required CAGR; empty when the target is already met."
        ),
    },
    "status": {
        "reading": N_(
            "A row per published target on the Inputs sheet (a reading), each assessed "
            "on the series it is stated on, as the status command does: the final target on the "
            "main series, the same target on another series, the interim targets."
        ),
        "target_year": N_(
            "The latest target year of the row's series (MAXIFS on Inputs); on the "
            "row of an earlier target of that series (an interim one), the latest target year "
            "before the next later row's."
        ),
        "target": N_("The target's value in that year, same series."),
        "since_year": N_(
            "Assessment base year: the earliest whole-year observation of the "
            "series (MINIFS on Inputs); empty, with every figure of the methods, when it is the "
            "latest one (two are needed)."
        ),
        "since_value": N_("The value observed in that year."),
        "latest_year": N_(
            "The latest whole-year observation of the row's series (on the main "
            "series, the Gap sheet's base year)."
        ),
        "latest": N_("The value observed in that year."),
        "actual_cagr": N_("(latest / base value) ^ (1 / (latest year - base year)) - 1."),
        "required_cagr_from_base": N_(
            "(target / base value) ^ (1 / (target year - base year)) "
            "- 1: the same base year (Eurostat's convention)."
        ),
        "required_cagr_from_latest": N_(
            "(target / latest) ^ (1 / (target year - latest year)) - 1."
        ),
        "growth_ratio": N_(
            "R = actual CAGR / required CAGR from the base year: the Eurostat-style "
            "growth ratio as implemented by Open SDG; empty when the target is met."
        ),
        "growth_ratio_band": N_("The band of R: {growth_ratio_bands}."),
        "projected_at_target_year": N_("latest * (1 + actual CAGR) ^ (target year - latest year)."),
        "shortfall_at_target_year": N_(
            "target - projected (projected - target when a decrease is wanted)."
        ),
        "progress_score": N_(
            "Q = (projected - base value) / (target - base value): the UN "
            "Statistics Division Progress Chart score; empty when the target is met."
        ),
        "progress_band": N_("The band of Q: {progress_bands}."),
        "target_reached_year": N_(
            "latest year + ROUNDUP(LN(target / latest) / LN(1 + actual "
            "CAGR)): the first whole year the actual pace reaches the target; empty when it never "
            "does."
        ),
    },
    "trajectory": {
        "observed": N_("The whole-year observation of that year, if any."),
        "compound_path": N_(
            "baseline * (1 + required CAGR) ^ (year - base year), from the base year on."
        ),
        "linear_path": N_("baseline + (target - baseline) * (year - base year) / n."),
        "actual_pace_path": N_(
            "baseline * (1 + actual CAGR) ^ (year - base year), where the "
            "Growth sheet has an actual CAGR."
        ),
    },
}
"""Each computed column in words, by sheet role and column key (the Methods sheet)."""


# --- the inputs ---------------------------------------------------------------------------


def targets_of(indicator: Indicator) -> tuple[Target, ...]:
    """The published targets of ``indicator`` the workbook lists (``Indicator.targets``): the
    final one first, then the same target on another series and the interim ones, each on
    the series it is stated on."""
    return indicator.targets


class InputRow(NamedTuple):
    """One row of the Inputs sheet: an observation or a target of an indicator."""

    indicator: str
    kind: str
    """``TEXT["observation"]`` or ``TEXT["target"]``."""
    year: int
    value: Number
    series: str
    period: str
    """``year``, ``H1`` or ``H2`` (a target is for the whole year)."""
    source: str
    note: str


def input_rows(dataset: Dataset, metrics: tuple[str, ...]) -> list[InputRow]:
    """The Inputs sheet's rows: per indicator of ``metrics``, its observations then its
    targets (:func:`targets_of`)."""
    rows = []
    for metric in metrics:
        indicator = dataset.indicators[metric]
        rows += [
            InputRow(
                metric, TEXT["observation"], o.year, o.value, o.series, o.period, o.source, o.note
            )
            for o in indicator.observations
        ]
        rows += [
            InputRow(
                metric,
                TEXT["target"],
                t.year,
                t.value,
                t.series,
                "year",
                t.source,
                "; ".join(t.notes),
            )
            for t in targets_of(indicator)
        ]
    return rows


class Workbook(NamedTuple):
    """Everything the workbook shows: the inputs, the tool's reports and the sources."""

    metrics: tuple[str, ...]
    inputs: list[InputRow]
    gap: Report[GapRow]
    cagr: Report[CagrRow]
    status: Report[StatusRow]
    trajectory: Report[TrajectoryRow]
    sources: dict[str, Source]
    provenance: str
    """Which tool, version and data made the workbook, one sentence."""
    increase: dict[str, bool]
    """Whether an increase is wanted, by metric (it decides the formulas' comparisons)."""
    main_series: dict[str, str]
    """The series of each metric's final target, by metric: the series the Gap, Growth and
    Trajectory sheets read (the Status sheet reads each reading's own series)."""

    def reports(self) -> dict[str, Report[Any]]:
        """The computing sheets' reports, by sheet role."""
        return {
            "gap": self.gap,
            "cagr": self.cagr,
            "status": self.status,
            "trajectory": self.trajectory,
        }


def build(options: Options) -> Workbook:
    """The workbook's content for the selected metrics: the Gap, Growth and Trajectory sheets
    at each metric's latest baseline and final target on its main series, the Status sheet a
    row per published target (reading), as ``status`` (the formulas compute from the Inputs
    sheet: overridden figures or years have no place there).

    Raises:
        DomainError: as the reports do.
    """
    dataset = options.dataset
    metrics = options.selected()
    gap = memo.once(gap_report, options)
    cited = {
        source: dataset.sources[source]
        for row in input_rows(dataset, metrics)
        for source in [row.source]
        if source in dataset.sources
    }
    return Workbook(
        metrics=metrics,
        inputs=input_rows(dataset, metrics),
        gap=gap,
        cagr=memo.once(cagr_report, options),
        status=memo.once(lambda o: status_report(o, None), options),
        trajectory=memo.once(trajectory_report, options),
        sources=cited,
        provenance=joined([provenance_line(gap.provenance), "."], ""),
        increase={m: dataset.indicators[m].increase for m in metrics},
        main_series={m: dataset.indicators[m].target.series for m in metrics},
    )
