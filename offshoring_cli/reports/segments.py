"""The ``segments`` report: the split of a whole-year figure by segment, with shares."""

from typing import Annotated, TypedDict

from offshoring_cli.core.fields import RATE, TEXT, VALUE, YEAR, Field, Schema
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options, _sources
from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import Text
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import Positive, Report, Year


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
        notes=[check, f"Change on the prior year: {changes}."],
        sources=_sources(dataset, [*(seg.source for seg in dataset.segments), total_obs.source]),
        explanation=explanation,
        layout="rows",
        column_labels={"value": indicator.label},  # headed by what the segments split
    )
