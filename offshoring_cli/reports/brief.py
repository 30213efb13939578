"""The brief's content: verdicts, key numbers, milestones, insights, methods and sources.

Built from the same reports as the commands (``status``, ``gap``, ``cagr``, ``trajectory``),
so every number in the brief is one the commands give. :mod:`offshoring_cli.render.brief`
writes it as Markdown or as one self-contained HTML page.
"""

from typing import Any, NamedTuple

from offshoring_cli.core.fields import fields_of
from offshoring_cli.core.methods import ACHIEVED, BRIEF_METHODS, brief_methods
from offshoring_cli.core.records import Source
from offshoring_cli.core.resolve import Options
from offshoring_cli.i18n import _, ngettext, numbers, say
from offshoring_cli.reports import Report, memo
from offshoring_cli.reports.gap import gap_report
from offshoring_cli.reports.growth import cagr_report
from offshoring_cli.reports.headline import Finding, finding, mid_sentence
from offshoring_cli.reports.provenance import LatestPeriod, provenance_line, source_lines
from offshoring_cli.reports.readings import DEPENDS
from offshoring_cli.reports.status import status_report
from offshoring_cli.reports.status_row import StatusRow, given
from offshoring_cli.reports.trajectory import trajectory_report


class Brief(NamedTuple):
    """The brief's content, independent of its format, in the language active when it was
    built (:func:`offshoring_cli.i18n.human`)."""

    title: str
    subtitle: str
    verdicts: list[str]
    """Each reading's verdict: band as symbol and words, one required rate, from when."""
    status: Report[StatusRow]
    key_numbers: tuple[list[str], list[list[str]]]
    milestones: tuple[list[str], list[list[str]]]
    insights: list[str]
    methods: list[str]
    sources: list[str]
    provenance: str
    """Which tool, version and data made the brief, one sentence (no timestamp)."""
    findings: list[Finding]
    """Per reading (the main reading of each metric first): headline and verdict."""
    targets: tuple[list[str], list[list[str]]]
    """The published targets (interim and final, every series a target is stated on)."""
    target_notes: list[str]
    """Why a target reads two ways (stated on two series), if it does."""
    as_of: str
    """The dataset's date: its latest figure and latest source."""
    metrics: tuple[str, ...] = ()
    """The indicator ids, in the order of the key numbers' columns (headed by their labels)."""


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
    header = ["", *(say(str(row["label"])) for row in gap.rows)]  # labels, not the ids

    def cell(report: Report[Any], key: str, metric: str) -> str:
        row = next(r for r in report.records() if r["metric"] == metric)
        field = next(f for f in fields_of(report.row_type) if f.key == key)
        value = row.get(key)
        if value is None:
            return _(field.missing)
        return numbers.value(field.kind, value, str(row["unit"]))

    key_rows: list[tuple[str, Report[Any], str]] = [
        (_("Gap (target - baseline)"), gap, "gap"),
        (_("Target multiple"), gap, "target_multiple"),
        (_("Linear path: increment a year"), gap, "linear_increment_per_year"),
        (_("Required CAGR a year"), gap, "required_cagr"),
        (_("Actual CAGR a year"), cagr, "actual_cagr"),
        (_("Actual growth from year"), cagr, "actual_start_year"),
    ]
    key_numbers = (
        header,
        [[label, *(cell(rep, key, m) for m in metrics)] for label, rep, key in key_rows],
    )
    milestone_header = [_("Year")]
    for label in header[1:]:  # the indicators' labels, as the key numbers head them
        milestone_header += [
            _("{metric}: compound path").format(metric=label),
            _("{metric}: linear path").format(metric=label),
        ]
    paths = {(r["metric"], r["year"]): r for r in trajectory.rows if r["compound_path"] is not None}
    units = {r["metric"]: str(r["unit"]) for r in trajectory.rows}
    milestones = []
    for year in sorted({year for _metric, year in paths}):
        line = [str(year)]
        for metric in metrics:
            row = paths.get((metric, year))
            for column in ("compound_path", "linear_path"):
                value = None if row is None else row[column]
                line.append("" if value is None else numbers.amount(value, units[metric]))
        milestones.append(line)
    dataset = options.dataset
    labels = [_(str(row["label"])) for row in gap.rows]
    years = sorted({int(row["target_year"]) for row in gap.rows})
    names = _(" and ").join([labels[0], *(_rest(x, labels[0]) for x in labels[1:])])
    findings = [finding(row) for row in status.rows]
    main = [f for f in findings if f.reading in metrics]
    findings = main + [f for f in findings if f not in main]
    return Brief(
        title=ngettext(
            "{names}: how far from the {years} target",
            "{names}: how far from the {years} targets",
            len(labels),
        ).format(names=names, years="/".join(map(str, years))),
        subtitle=_(dataset.description),
        verdicts=[
            _("{reading}: {verdict}").format(reading=f.reading, verdict=f"{f.symbol} {f.verdict}")
            for f in findings
        ],
        status=status,
        key_numbers=key_numbers,
        milestones=(milestone_header, milestones),
        insights=[
            *(say(note) for note in status.notes if DEPENDS in note),
            *(say(item["text"]) for item in status.insights or []),
        ],
        methods=brief_methods(),
        sources=source_lines(status.replace(sources=_all_sources(options, status, gap))),
        provenance=say(provenance_line(status.provenance)) + ".",
        findings=findings,
        targets=_targets(status, {f.reading: f for f in findings}),
        target_notes=[say(note) for note in status.notes if DEPENDS in note],
        as_of=_("As of {date} (latest figure {period})").format(
            date=status.provenance["latest_source_date"] or status.provenance["latest_figure"],
            period=LatestPeriod(status.provenance["latest_figure"]),
        ),
        metrics=tuple(metrics),
    )


def _targets(
    status: Report[StatusRow], findings: dict[str, Finding]
) -> tuple[list[str], list[list[str]]]:
    """The published targets as a table: one row per reading (a target stated on two series
    is two rows), with its kind, series, source and verdict."""
    header = [_("Target"), _("Kind"), _("Series"), _("Source"), _("Verdict"), _("Needed a year")]
    rows = []
    for row in status.rows:
        found = findings[str(row["reading"])]
        rate = row["required_cagr_from_latest"]
        needed = ""
        if row["assessed"] and row["growth_ratio_band"] != ACHIEVED and isinstance(rate, float):
            needed = _("{rate} from {year}").format(
                rate=numbers.rate(rate), year=row["latest_year"]
            )
        rows.append(
            [
                _("{target} in {year}").format(
                    target=numbers.amount(float(given(row["target"])), str(row["unit"])),
                    year=row["target_year"],
                ),
                _(str(row["target_kind"])),
                str(row["series"]),
                str(row["target_source"] or ""),
                f"{found.symbol} {found.band}",
                needed,
            ]
        )
    return header, rows


def _rest(label: str, first: str) -> str:
    """A label after the first in a title, in lower case (an acronym kept:
    :func:`~offshoring_cli.reports.headline.mid_sentence`) and without the first word it shares
    with the first label ("Offshoring jobs and service exports", not "... and offshoring
    service exports")."""
    word = first.split(" ", 1)[0]
    if " " in label and label.split(" ", 1)[0].lower() == word.lower():
        label = label.split(" ", 1)[1]
    return mid_sentence(label)


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
