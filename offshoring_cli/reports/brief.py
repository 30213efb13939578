"""The brief's content: verdicts, key numbers, milestones, insights, methods and sources.

Built from the same reports as the commands (``status``, ``gap``, ``cagr``, ``trajectory``),
so every number in the brief is one the commands give. :mod:`offshoring_cli.render.brief`
writes it as Markdown or as one self-contained HTML page.
"""

from typing import Any, NamedTuple

from offshoring_cli.core.fields import fields_of
from offshoring_cli.core.methods import ACHIEVED, BRIEF_METHODS
from offshoring_cli.core.records import Source
from offshoring_cli.core.resolve import Options
from offshoring_cli.render import numbers
from offshoring_cli.render.layout import source_lines
from offshoring_cli.reports import Report, memo
from offshoring_cli.reports.gap import gap_report
from offshoring_cli.reports.growth import cagr_report
from offshoring_cli.reports.provenance import provenance_line
from offshoring_cli.reports.readings import DEPENDS
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.status_row import StatusRow
from offshoring_cli.reports.trajectory import trajectory_report


class Brief(NamedTuple):
    """The brief's content, independent of its format."""

    title: str
    subtitle: str
    verdicts: list[str]
    status: Report[StatusRow]
    key_numbers: tuple[list[str], list[list[str]]]
    milestones: tuple[list[str], list[list[str]]]
    insights: list[str]
    methods: list[str]
    sources: list[str]
    provenance: str
    """Which tool, version and data made the brief, one sentence (no timestamp)."""


METHODS = list(BRIEF_METHODS)
"""The brief's method notes (:data:`offshoring_cli.core.methods.BRIEF_METHODS`)."""


def build(options: Options) -> Brief:
    """Gather the brief from the reports of ``status``, ``gap``, ``cagr`` and ``trajectory``.

    Raises:
        DomainError: as the reports do.
    """
    status = memo.once(status_report, options)
    gap = memo.once(gap_report, options)
    cagr = memo.once(cagr_report, options)
    trajectory = memo.once(trajectory_report, options)  # shared with the chart
    metrics = [row["metric"] for row in gap.rows]
    header = ["", *metrics]

    def cell(report: Report[Any], key: str, metric: str) -> str:
        row = next(r for r in report.records() if r["metric"] == metric)
        field = next(f for f in fields_of(report.row_type) if f.key == key)
        value = row.get(key)
        if value is None:
            return field.missing
        return numbers.value(field.kind, value, str(row["unit"]))

    key_rows: list[tuple[str, Report[Any], str]] = [
        ("Gap (target - baseline)", gap, "gap"),
        ("Target multiple", gap, "target_multiple"),
        ("Linear path: increment a year", gap, "linear_increment_per_year"),
        ("Required CAGR a year", gap, "required_cagr"),
        ("Actual CAGR a year", cagr, "actual_cagr"),
        ("Actual growth from year", cagr, "actual_start_year"),
    ]
    key_numbers = (
        header,
        [[label, *(cell(rep, key, m) for m in metrics)] for label, rep, key in key_rows],
    )
    milestone_header = ["Year"]
    for metric in metrics:
        milestone_header += [f"{metric}: compound path", f"{metric}: linear path"]
    paths = {(r["metric"], r["year"]): r for r in trajectory.rows if r["compound_path"] is not None}
    units = {r["metric"]: str(r["unit"]) for r in trajectory.rows}
    milestones = []
    for year in sorted({year for _, year in paths}):
        line = [str(year)]
        for metric in metrics:
            row = paths.get((metric, year))
            for column in ("compound_path", "linear_path"):
                value = None if row is None else row[column]
                line.append("" if value is None else numbers.amount(value, units[metric]))
        milestones.append(line)
    dataset = options.dataset
    labels = [str(row["label"]) for row in gap.rows]
    years = sorted({int(row["target_year"]) for row in gap.rows})
    return Brief(
        title=f"{' and '.join([labels[0], *(x[:1].lower() + x[1:] for x in labels[1:])])}: "
        "how far from the "
        f"{'/'.join(map(str, years))} target{'s' if len(labels) > 1 else ''}",
        subtitle=dataset.description,
        verdicts=[_verdict(row) for row in status.rows],
        status=status,
        key_numbers=key_numbers,
        milestones=(milestone_header, milestones),
        insights=[
            *(note for note in status.notes if DEPENDS in note),
            *(str(item["text"]) for item in status.insights or []),
        ],
        methods=METHODS,
        sources=source_lines(status.replace(sources=_all_sources(options, status, gap))),
        provenance=provenance_line(status.provenance) + ".",
    )


def _all_sources(options: Options, *reports: Report[Any]) -> dict[str, Source]:
    """The reports' sources, then those of every whole-year figure the chart shows."""
    cited: dict[str, Source] = {}
    for report in reports:
        cited |= report.sources
    for metric in options.selected():
        for obs in options.dataset.indicators[metric].observations:
            if obs.period == "year" and obs.source in options.dataset.sources:
                cited.setdefault(obs.source, options.dataset.sources[obs.source])
    return cited


def _verdict(row: StatusRow) -> str:
    """The status verdict, plus the pace needed from the latest year: the figure the key
    numbers headline, so that the two required rates are not read as a contradiction. A
    target already met needs no pace."""
    verdict = row["verdict"]
    rate = row["required_cagr_from_latest"]
    achieved = row["growth_ratio_band"] == ACHIEVED
    if row["assessed"] and not achieved and isinstance(rate, float):
        verdict += f"; from {row['latest_year']} on, {numbers.rate(rate)}/yr is needed"
    return verdict
