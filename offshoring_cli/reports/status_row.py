"""The ``status`` report's row: each figure of the two progress methods, defined once."""

from typing import TYPE_CHECKING, TypeVar

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
from offshoring_cli.core.methods import (
    CAGR_METHOD,
    GROWTH_RATIO_BAND_METHOD,
    GROWTH_RATIO_BAND_NAMES,
    GROWTH_RATIO_BANDS,
    GROWTH_RATIO_BELOW,
    GROWTH_RATIO_SOURCE,
    PROGRESS_BAND_METHOD,
    PROGRESS_BAND_NAMES,
    PROGRESS_BANDS,
    PROGRESS_BELOW,
    PROGRESS_SCORE_SOURCE,
    REACHED_METHOD,
    SHORTFALL_LABEL,
    SHORTFALL_METHOD,
    band_rules,
)
from offshoring_cli.i18n import N_
from offshoring_cli.reports import (
    IN_UNIT,
    RATE_A_YEAR,
    REASON_METHOD,
    SHORTFALL_DESCRIPTION,
    UNIT_FIELD,
    Amount,
    FigureInputs,
    LaterYear,
    MetricId,
    Periods,
    Positive,
    Year,
)
from offshoring_cli.reports.status_pace import StatusPace

if TYPE_CHECKING:
    from offshoring_cli.reports.readings import Reading

_T = TypeVar("_T")

_WHEN = {"null_unless": "assessed", "given_if": "assessed"}
"""A figure of the methods: null when the metric is not assessed, given when it is."""

GrowthRatioBand = Annotated[str, Schema(enum=list(GROWTH_RATIO_BAND_NAMES))]
ProgressBand = Annotated[str, Schema(enum=list(PROGRESS_BAND_NAMES))]
TargetKind = Annotated[str, Schema(enum=["final", "interim"])]


class StatusFigures(TypedDict):
    """One metric's progress by the Eurostat growth ratio R and the UNSD progress score Q; a
    metric the methods cannot judge (``assessed`` false) has every figure of the methods null."""

    metric: Annotated[MetricId, Field("Metric", TEXT, show=False, description="Indicator id.")]
    label: Annotated[str, Field("Label", TEXT, show=False, description="Indicator name.")]
    unit: Annotated[str, UNIT_FIELD]
    series: Annotated[
        str,
        Field("Series", TEXT, description="The statistical series the target refers to."),
    ]
    since_year: Annotated[
        Year | None,
        Field(
            "Assessment base year",
            YEAR,
            given_if="assessed",
            description="The assessment's base year; null: no earlier observation.",
        ),
    ]
    since_value: Annotated[
        Positive | None,
        Field(
            "Value in base year",
            VALUE,
            given_if="assessed",
            description="Value in that year, " + IN_UNIT + "; null: no earlier observation.",
        ),
    ]
    latest_year: Annotated[
        Year,
        Field(
            "Latest year",
            YEAR,
            description="Year of the latest whole-year value (the baseline).",
        ),
    ]
    latest: Annotated[
        Positive, Field("Latest value", VALUE, description="Latest value, " + IN_UNIT + ".")
    ]
    target_year: Annotated[
        Year | None,
        Field(
            "Target year",
            YEAR,
            description="Year the target is due; null: no published target (see reason).",
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
    actual_periods: Annotated[
        Periods | None,
        Field(
            "Actual periods",
            YEAR,
            show=False,
            description="latest year - since year, in years; given when assessed and for an "
            "indicator without a published target, else null.",
            given_if="assessed",
        ),
    ]
    actual_cagr: Annotated[
        float | None,
        Field(
            "Actual CAGR a year",
            RATE,
            method=CAGR_METHOD + ", from the assessment base year to the latest year",
            description="CAGR from the since year to the latest year, "
            + RATE_A_YEAR
            + "; given when assessed and for an indicator without a published target (the "
            "growth Open SDG's no-target method measures), else null.",
            given_if="assessed",
        ),
    ]
    required_cagr_from_base: Annotated[
        float | None,
        Field(
            "Required CAGR from base year",
            RATE,
            method=CAGR_METHOD + ", from the same base year to the target year",
            description="CAGR from the since value to the target, " + RATE_A_YEAR + ".",
            **_WHEN,
        ),
    ]
    required_cagr_from_latest: Annotated[
        float | None,
        Field(
            "Required CAGR from latest year",
            RATE,
            method=CAGR_METHOD + ", from the latest year to the target year",
            description="CAGR from the latest value to the target, " + RATE_A_YEAR + "; null: "
            "no published target.",
        ),
    ]
    growth_ratio: Annotated[
        float | None,
        Field(
            "Growth ratio R = actual / required",
            RATIO,
            method=GROWTH_RATIO_SOURCE + "; null when the target is already met (see reason)",
            description="R = actual CAGR / required CAGR from base (a ratio); null when the "
            "target is already met (see reason).",
            null_unless="assessed",
        ),
    ]
    growth_ratio_band: Annotated[
        GrowthRatioBand | None,
        Field(
            "R band (Eurostat)",
            TEXT,
            method=GROWTH_RATIO_BAND_METHOD,
            description="'achieved' if the target is met; else "
            + band_rules("R", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW, "quoted")
            + ".",
            **_WHEN,
        ),
    ]
    projected_at_target_year: Annotated[
        Amount | None,
        Field(
            "At target year, at actual pace",
            VALUE,
            method="latest * (1 + actual CAGR) ** (target year - latest year)",
            description="The latest value carried to the target year at the actual CAGR, "
            + IN_UNIT
            + "; the target itself when within rounding of it.",
            **_WHEN,
        ),
    ]
    shortfall_at_target_year: Annotated[
        Amount | None,
        Field(
            SHORTFALL_LABEL,
            VALUE,
            method=SHORTFALL_METHOD,
            description=SHORTFALL_DESCRIPTION,
            **_WHEN,
        ),
    ]
    progress_score: Annotated[
        float | None,
        Field(
            "Progress score Q (UNSD)",
            RATIO,
            method=PROGRESS_SCORE_SOURCE + "; null when the target is already met (see reason)",
            description="Q = (projected - since value) / (target - since value) (a ratio); null "
            "when the target is already met (see reason).",
            null_unless="assessed",
        ),
    ]
    progress_band: Annotated[
        ProgressBand | None,
        Field(
            "Q band (UNSD)",
            TEXT,
            method=PROGRESS_BAND_METHOD,
            description="'achieved' if the target is met; else "
            + band_rules("Q", PROGRESS_BANDS, PROGRESS_BELOW, "quoted")
            + ".",
            **_WHEN,
        ),
    ]
    target_reached_year: Annotated[
        LaterYear | None,
        Field(
            "Target reached at actual pace",
            YEAR,
            missing=N_("not reached"),
            pace=True,
            method="at latest * (1 + actual CAGR) ** k: "
            + REACHED_METHOD
            + "; null if never at that pace",
            description="First year the value is >= target (<= when a decrease is wanted) at "
            "the actual pace, up to the rounding of the projection; null: never.",
            null_unless="assessed",
        ),
    ]
    verdict: Annotated[
        str,
        Field(
            "Verdict",
            TEXT,
            show=False,
            description="One sentence: the band and the rates behind it, or why the metric is "
            "not assessed.",
        ),
    ]
    assessed: Annotated[
        bool,
        Field(
            "Assessed",
            TEXT,
            show=False,
            description="True: the two methods were applied; false: they cannot judge the "
            "metric (see reason).",
        ),
    ]
    reason: Annotated[
        str | None,
        Field(
            "Reason",
            TEXT,
            show=False,
            method=REASON_METHOD,
            description="Why figures are null: the metric is not assessed, or the target is "
            "already met (growth_ratio and progress_score null, both bands 'achieved'); null "
            "when every figure is given.",
        ),
    ]
    reading: Annotated[
        str,
        Field(
            "Reading",
            TEXT,
            show=False,
            description="Which published target the row assesses, as its column is headed: "
            "the metric id for the final target on the metric's own series; with the target "
            "year for an interim target and the series for a target stated on another series "
            "('exports 2026 (offshoring-legacy)').",
        ),
    ]
    target_kind: Annotated[
        TargetKind | None,
        Field(
            "Target kind",
            TEXT,
            show=False,
            description="'final': the target of the latest year published; 'interim': an "
            "earlier one; null: no published target.",
        ),
    ]
    target_source: Annotated[
        str | None,
        Field(
            "Target source",
            TEXT,
            show=False,
            description="Id of the source that states the target (a key of the document's "
            "sources; 'override' for a value given on the command line); null: no published "
            "target.",
        ),
    ]
    target_notes: Annotated[
        str | None,
        Field(
            "Target wording",
            TEXT,
            show=False,
            description="Notes on the target's wording as published, '; ' between two; null "
            "when there are none.",
        ),
    ]
    same_target_on: Annotated[
        str | None,
        Field(
            "Same target also stated on",
            TEXT,
            show=False,
            description="The other series on which a target of the same year is published "
            "(', ' between two), each assessed in its own row: the verdict depends on which "
            "series the target refers to; null when there is none.",
        ),
    ]


class StatusReadingFields(TypedDict):
    """The fields of :class:`StatusRow` that say which published target a row assesses."""

    reading: str
    target_kind: str | None
    target_source: str | None
    target_notes: str | None
    same_target_on: str | None


def reading_fields(reading: "Reading") -> StatusReadingFields:
    """The fields that say which published target ``reading`` is (a value given on the
    command line has no notes)."""
    r = reading.resolved
    given = r.target_source == "override"
    return StatusReadingFields(
        reading=reading.name,
        target_kind=reading.kind,
        target_source=r.target_source,
        target_notes=None if given or not reading.target.notes else "; ".join(reading.target.notes),
        same_target_on=None if given else (", ".join(reading.same_target_on) or None),
    )


class StatusRow(StatusFigures, StatusPace):
    """One metric's progress by the Eurostat growth ratio R and the UNSD progress score Q, then
    the range over base years and Open SDG's score (:mod:`offshoring_cli.reports.status_pace`);
    a metric the methods cannot judge (``assessed`` false) has every figure of the methods null."""


class StatusInputs(FigureInputs):
    """The effective inputs of status."""

    since: Annotated[
        Year | None,
        Field(
            "Since",
            YEAR,
            description="--since: the assessment's base year; null: the series' earliest.",
        ),
    ]


def given(value: _T | None) -> _T:
    """A figure of a row assessed against a target (its ``target``, ``target_year``...), for
    the reports that only read such rows (chart, brief: indicators without a published target
    are left out of them).

    Raises:
        ValueError: ``value`` is ``None`` (a row of an indicator without a published target).
    """
    if value is None:
        raise ValueError("a row without a published target")
    return value
