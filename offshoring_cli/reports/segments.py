"""The ``segments`` report: the split of a whole-year figure by segment, with shares."""

from offshoring_cli.core import open_sdg
from offshoring_cli.core.fields import (
    RATE,
    RATIO,
    TEXT,
    VALUE,
    YEAR,
    Annotated,
    Field,
    Schema,
    TypedDict,
)
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options, _sources
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import Num, Text, joined, period_of
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.i18n.numbers import NUMBER, SIGNED
from offshoring_cli.reports import Positive, Report, Year
from offshoring_cli.reports.provenance import provenance
from offshoring_cli.reports.status_pace import OpenSdgLabel


class SegmentRow(TypedDict):
    """One segment of the whole-year figure."""

    segment: Annotated[str, Field("Segment", TEXT, description="Segment id (ITO, CRM, ...).")]
    label: Annotated[str, Field("Activity", TEXT, description="What the segment covers.")]
    unit: Annotated[str, Field("Unit", TEXT, show=False, description="The indicator's unit.")]
    year: Annotated[Year, Field("Year", YEAR, show=False, description="The year of the figure.")]
    value: Annotated[
        Positive,
        Field(
            "Value", VALUE, description="The segment's value, in unit (headed by the indicator)."
        ),
    ]
    share: Annotated[
        float,
        Field(
            "Share of total",
            RATE,
            method="segment value / whole-year total",
            description="value / total, a fraction (0.4034 = 40.34 %).",
        ),
        Schema(exclusiveMinimum=0),
    ]
    change_on_prior_year: Annotated[
        float | None,
        Field(
            "Change y/y",
            RATE,
            method="as the source gives it, or value / prior value - 1",
            description="Change on the prior year, a fraction (0.071 = +7.1 %): the source's, "
            "or value / prior value - 1; null if neither is known.",
        ),
    ]
    prior_value: Annotated[
        Positive | None,
        Field(
            "Prior value",
            VALUE,
            show=False,
            description="The prior year's value, in unit, where the source gives it.",
        ),
    ]
    source: Annotated[
        str,
        Field(
            "Source", TEXT, show=False, description="Source id of the figure (a key of sources)."
        ),
    ]
    open_sdg_progress_value: Annotated[
        float | None,
        Field(
            "Open SDG P (no target)",
            RATE,
            show=False,
            method=open_sdg.SOURCE + ", no target: " + open_sdg.NO_TARGET_METHOD,
            description="The change on the prior year in the wanted direction (x -1 when a "
            "decrease is wanted), a fraction a year; null when the change is not known.",
        ),
    ]
    open_sdg_score: Annotated[
        float | None,
        Field(
            "Open SDG score",
            RATIO,
            method=open_sdg.SOURCE + ", no target: " + open_sdg.NO_TARGET_METHOD,
            description="Open SDG's no-target score from that growth, -5 to 5; null when the "
            "change is not known.",
        ),
        Schema(minimum=-5, maximum=5),
    ]
    open_sdg_label: Annotated[
        OpenSdgLabel | None,
        Field(
            "Open SDG label",
            TEXT,
            method=open_sdg.SOURCE + ": " + open_sdg.LABEL_METHOD,
            description="Open SDG's label of that growth against its no-target thresholds "
            "(1.5 % and 0.5 % a year, and 0); null when the change is not known.",
        ),
    ]


class SegmentsInputs(TypedDict):
    """What segments split: one indicator's whole-year figure in one year."""

    dataset: Annotated[
        str,
        Field("Dataset", TEXT, description="Name of the dataset: built-in or a scenario file's."),
    ]
    indicator: Annotated[
        str, Field("Indicator", TEXT, description="The indicator split into segments.")
    ]
    year: Annotated[Year, Field("Year", YEAR, description="The year of the split.")]
    total: Annotated[
        Positive,
        Field("Total", VALUE, description="The indicator's whole-year figure that year, in unit."),
    ]
    segments_sum: Annotated[
        Positive, Field("Sum", VALUE, description="The segments' values added up, in unit.")
    ]
    adds_up_within_rounding: Annotated[
        bool,
        Field(
            "Adds up",
            TEXT,
            description="True if |segments_sum - total| is within rounding of the figures.",
        ),
    ]


def _half_last_digit(value: Number) -> float:
    """Half a unit of the last significant digit of a whole figure (26_220_000_000 -> 5e6):
    the most that rounding can have moved it. 0.5 for a figure not a multiple of 10."""
    if not (isinstance(value, int) or float(value).is_integer()):
        return 0.0
    number, unit = int(value), 1
    while number and number % (unit * 10) == 0:
        unit *= 10
    return unit / 2


def _other_splits(options: Options) -> tuple[list[str], list[str]]:
    """One note per further split of the dataset (:attr:`Dataset.other_splits`): each
    segment's value and share of the figure it splits, and what the segments leave out; and
    the sources cited. A split whose figure the dataset does not have is left out."""
    dataset = options.dataset
    notes: list[str] = []
    sources: list[str] = []
    for split in dataset.other_splits:
        indicator = dataset.indicators.get(split.indicator)
        if indicator is None:
            continue
        found = [
            o
            for o in indicator.observations
            if (o.year, o.period, o.series) == (split.year, split.period, indicator.target.series)
        ]
        if not found:
            continue
        total, unit = found[-1].value, indicator.unit
        when = period_of(split.period, split.year)
        parts: list[str] = [
            Text(
                "{segment} {value} ({share})",
                segment=seg.id,
                value=Num(VALUE, seg.value, unit),
                share=Num(RATE, seg.value / total),
            )
            for seg in split.items
        ]
        head = {
            "label": Text(indicator.label),
            "when": when,
            "total": Num(VALUE, total, unit),
            "parts": joined(parts, ", "),
        }
        rest = total - sum(seg.value for seg in split.items)
        if rest > 0 and (split.note or rest >= 0.005 * total):
            rest_figures = {"rest": Num(VALUE, rest, unit), "share": Num(RATE, rest / total)}
            text = (
                Text(
                    "{label} by segment, {when} (of {total}): {parts}; the rest, {rest} "
                    "({share}): {note}.",
                    **head,
                    **rest_figures,
                    note=Text(split.note),
                )
                if split.note
                else Text(
                    "{label} by segment, {when} (of {total}): {parts}; the rest, {rest} ({share}).",
                    **head,
                    **rest_figures,
                )
            )
        elif split.note:
            text = Text(
                "{label} by segment, {when} (of {total}): {parts}; {note}.",
                **head,
                note=Text(split.note),
            )
        else:
            text = Text("{label} by segment, {when} (of {total}): {parts}.", **head)
        notes.append(text)
        sources += [seg.source for seg in split.items] + [found[-1].source]
    return notes, sources


def segments_report(options: Options) -> Report[SegmentRow]:
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
        raise DomainError(Text("the dataset {dataset} has no segments", dataset=repr(dataset.name)))
    indicator = dataset.indicators[dataset.segments_of]
    year = dataset.segments_year
    total_obs = indicator.observation(year)
    if total_obs is None:
        raise DomainError(
            Text(
                "the dataset {dataset} has no whole-year {metric} figure for {year} to split "
                "into segments",
                dataset=repr(dataset.name),
                metric=indicator.id,
                year=year,
            )
        )
    total, unit = total_obs.value, indicator.unit
    rows: list[SegmentRow] = []
    explanation: list[str] = []
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
        progress = None
        if change is not None:  # one year: the CAGR is the change on the prior year
            progress = open_sdg.from_growth(change if indicator.increase else -change)
            explanation.append(
                f"{seg.id}: Open SDG (no target): P = {progress.progress_value:.4f} -> score "
                f"{progress.score:.4f} ({progress.label})"
            )
        rows.append(
            SegmentRow(
                segment=seg.id,
                label=seg.label,
                unit=unit,
                year=year,
                value=seg.value,
                share=seg.value / total,
                change_on_prior_year=change,
                prior_value=seg.prior,
                source=seg.source,
                open_sdg_progress_value=None if progress is None else progress.progress_value,
                open_sdg_score=None if progress is None else progress.score,
                open_sdg_label=None if progress is None else progress.label,
            )
        )
        explanation.append(
            f"{seg.id}: share = {fmt.exact(seg.value)} / {fmt.exact(total)} = "
            f"{seg.value / total:.4f}"
        )
    added = sum(seg.value for seg in dataset.segments)
    tolerance = sum(_half_last_digit(v) for v in (total, *(g.value for g in dataset.segments)))
    difference = added - total
    within = abs(difference) <= tolerance
    sums = {
        "added": Num(VALUE, added, unit),
        "added_number": Num(NUMBER, added),
        "year": year,
        "total": Num(VALUE, total, unit),
        "total_number": Num(NUMBER, total),
        "difference": Num(SIGNED, difference),
        "unit": Text(unit),
    }
    check = (
        Text(
            "The segments add up to {added} ({added_number} {unit}) against a {year} total of "
            "{total} ({total_number} {unit}): difference {difference} {unit}, within rounding.",
            **sums,
        )
        if within
        else Text(
            "The segments add up to {added} ({added_number} {unit}) against a {year} total of "
            "{total} ({total_number} {unit}): difference {difference} {unit}, MORE than "
            "rounding explains (at most {tolerance}): check the figures.",
            **sums,
            tolerance=Num(NUMBER, round(tolerance)),
        )
    )
    hows = (
        (Text("given by the source for {ids}", ids=", ".join(given)), given),
        (Text("computed from the prior year's value for {ids}", ids=", ".join(computed)), computed),
        (Text("not given for {ids}", ids=", ".join(missing)), missing),
    )
    changes = Text(
        "Change on the prior year: {changes}.", changes=joined([how for how, ids in hows if ids])
    )
    split_notes, split_sources = _other_splits(options)
    return Report(
        "segments",
        Text("{label} by segment, {year}", label=Text(indicator.label), year=year),
        SegmentsInputs(
            dataset=dataset.name,
            indicator=indicator.id,
            year=year,
            total=total,
            segments_sum=added,
            adds_up_within_rounding=within,
        ),
        SegmentRow,
        rows,
        notes=[
            check,
            changes,
            *split_notes,
            Text(
                "Open SDG score and label (no target): the change on the prior year in the "
                "wanted direction against Open SDG's no-target thresholds (substantial progress "
                "from 1.5 % a year, moderate from 0.5 %, limited from 0, deterioration below); "
                "n/a where the change is not known."
            ),
        ],
        sources=_sources(
            dataset,
            [*(seg.source for seg in dataset.segments), total_obs.source, *split_sources],
        ),
        explanation=explanation,
        provenance=provenance(options.dataset),
        layout="rows",
        column_labels={"value": indicator.label},  # headed by what the segments split
    )
