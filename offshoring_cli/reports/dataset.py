"""The ``scenario show`` report: what a dataset holds, one row per indicator."""

from offshoring_cli.core.fields import Field
from offshoring_cli.core.records import Dataset
from offshoring_cli.reports import Report, _report

DATASET_FIELDS = (
    Field("metric", "Indicator", "text"),
    Field("label", "Label", "text"),
    Field("direction", "Wanted", "text"),
    Field("series", "Target's series", "text"),
    Field("observations", "Observations", "int"),
    Field("years", "Whole-year figures", "years"),
    Field("base_year", "Latest year", "year"),
    Field("baseline", "Latest value", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
)


def dataset_report(dataset: Dataset, origin: str) -> Report:
    """The ``scenario show`` command: what a dataset holds, one row per indicator.

    ``origin`` says where the dataset comes from (a file path, or "built-in").
    """
    rows = []
    for ind in dataset.indicators.values():
        annual = ind.annual()
        latest = annual[-1]
        rows.append(
            {
                "metric": ind.id,
                "label": ind.label,
                "unit": ind.unit,
                "direction": "increase" if ind.increase else "decrease",
                "series": ind.target.series,
                "observations": len(ind.observations),
                "years": [o.year for o in annual],
                "base_year": latest.year,
                "baseline": latest.value,
                "target_year": ind.target.year,
                "target": ind.target.value,
            }
        )
    other = sorted(
        {o.series for ind in dataset.indicators.values() for o in ind.observations}
        - {ind.target.series for ind in dataset.indicators.values()}
    )
    notes = [f"{dataset.name} ({origin}): {dataset.description}".rstrip(": ")]
    if other:
        notes.append(
            f"Other series kept for context, never compared with a target: {', '.join(other)}."
        )
    if dataset.segments:
        notes.append(
            f"Segments: {len(dataset.segments)} of {dataset.segments_of} "
            f"in {dataset.segments_year}."
        )
    return _report(
        "scenario-show",
        f"Dataset {dataset.name}",
        {"dataset": dataset.name, "origin": origin},
        DATASET_FIELDS,
        rows,
        notes=notes,
        sources=dict(dataset.sources),
        methods={},
        explanation=[],
        layout="rows",
    )
