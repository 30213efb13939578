"""The ``segments`` report: the split of a whole-year figure by segment, with shares."""

from offshoring_cli.core.fields import Field
from offshoring_cli.core.records import Number
from offshoring_cli.core.resolve import Options, _sources
from offshoring_cli.errors import DomainError
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import Report, _report

SEGMENT_FIELDS = (
    Field("segment", "Segment", "text"),
    Field("label", "Activity", "text"),
    Field("value", "Value", "value"),  # shown headed by the indicator's label
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
        tuple(f._replace(label=indicator.label) if f.key == "value" else f for f in SEGMENT_FIELDS),
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
