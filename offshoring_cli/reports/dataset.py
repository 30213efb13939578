"""The ``scenario show`` report: what a dataset holds, one row per indicator."""

from offshoring_cli.core.fields import (
    INT,
    TEXT,
    VALUE,
    YEAR,
    YEARS,
    Annotated,
    Field,
    Schema,
    TypedDict,
)
from offshoring_cli.core.records import Dataset
from offshoring_cli.i18n import N_, Text
from offshoring_cli.reports import IN_UNIT, UNIT_FIELD, MetricId, Positive, Report, Year
from offshoring_cli.reports.provenance import provenance


class IndicatorRow(TypedDict):
    """What the dataset holds for one indicator."""

    metric: Annotated[MetricId, Field("Indicator", TEXT, description="Indicator id.")]
    label: Annotated[str, Field("Label", TEXT, description="Indicator name.")]
    unit: Annotated[str, UNIT_FIELD]
    direction: Annotated[
        str,
        Field("Wanted", TEXT, description="The change wanted."),
        Schema(enum=["increase", "decrease"]),
    ]
    series: Annotated[
        str,
        Field("Target's series", TEXT, description="The statistical series the target refers to."),
    ]
    observations: Annotated[
        int,
        Field(
            "Observations", INT, description="Number of observations, of every series and period."
        ),
        Schema(minimum=1),
    ]
    years: Annotated[
        list[Year],
        Field(
            "Whole-year figures",
            YEARS,
            description="The years of the whole-year figures of the target's series, oldest first.",
        ),
        Schema(minItems=1),
    ]
    base_year: Annotated[Year, Field("Latest year", YEAR, description="Latest of those years.")]
    baseline: Annotated[
        Positive, Field("Latest value", VALUE, description="The figure that year, " + IN_UNIT + ".")
    ]
    target_year: Annotated[
        Year | None,
        Field(
            "Target year",
            YEAR,
            description="Year the target is due; null: no published target.",
        ),
    ]
    target: Annotated[
        Positive | None,
        Field(
            "Target",
            VALUE,
            description="Target value, " + IN_UNIT + "; null: no published target.",
        ),
    ]


class ScenarioShowInputs(TypedDict):
    """Which dataset is shown."""

    dataset: Annotated[str, Field("Dataset", TEXT, description="Name of the dataset.")]
    origin: Annotated[
        str, Field("Origin", TEXT, description="Where it comes from: a file path, or 'built-in'.")
    ]


def dataset_report(dataset: Dataset, origin: str) -> Report[IndicatorRow]:
    """The ``scenario show`` command: what a dataset holds, one row per indicator.

    ``origin`` says where the dataset comes from (a file path, or "built-in").
    """
    rows: list[IndicatorRow] = []
    for ind in dataset.indicators.values():
        annual = ind.annual()
        latest = annual[-1]
        rows.append(
            IndicatorRow(
                metric=ind.id,
                label=ind.label,
                unit=ind.unit,
                direction=N_("increase") if ind.increase else N_("decrease"),
                series=ind.target.series,
                observations=len(ind.observations),
                years=[o.year for o in annual],
                base_year=latest.year,
                baseline=latest.value,
                target_year=ind.target.year,
                target=ind.target.value,
            )
        )
    for u in dataset.untargeted.values():  # no published target: the series it would have
        annual = u.annual() or u.observations
        rows.append(
            IndicatorRow(
                metric=u.id,
                label=u.label,
                unit=u.unit,
                direction=N_("increase") if u.increase else N_("decrease"),
                series=u.series(),
                observations=len(u.observations),
                years=[o.year for o in u.annual()],
                base_year=annual[-1].year,
                baseline=annual[-1].value,
                target_year=None,
                target=None,
            )
        )
    other = sorted(
        {o.series for ind in dataset.indicators.values() for o in ind.observations}
        - {ind.target.series for ind in dataset.indicators.values()}
    )
    where = Text(N_("built-in")) if origin == "built-in" else origin  # a path: as it is
    notes: list[str] = [Text("{name} ({origin})", name=dataset.name, origin=where)]
    if dataset.description.strip(": "):
        notes = [
            Text(
                "{name} ({origin}): {description}",
                name=dataset.name,
                origin=where,
                description=Text(dataset.description.rstrip(": ")),  # the dataset's translation
            )
        ]
    if other:
        notes.append(
            Text(
                "Other series kept for context, never compared with a target: {series}.",
                series=", ".join(other),
            )
        )
    if dataset.untargeted:
        notes.append(
            Text(
                "No published target: {ids} ('status' assesses each by Open SDG's no-target "
                "method; the other commands need --target ID=VALUE).",
                ids=", ".join(dataset.untargeted),
            )
        )
    if dataset.segments:
        notes.append(
            Text(
                "Segments: {count} of {metric} in {year}.",
                count=len(dataset.segments),
                metric=dataset.segments_of,
                year=dataset.segments_year,
            )
        )
    return Report(
        "scenario-show",
        Text("Dataset {name}", name=dataset.name),
        ScenarioShowInputs(dataset=dataset.name, origin=origin),
        IndicatorRow,
        rows,
        notes=notes,
        sources=dict(dataset.sources),
        explanation=[],
        provenance=provenance(dataset),
        layout="rows",
    )
