"""The shape of each ``status`` insight, as row records (``insights`` in JSON).

Read by ``scripts/schemas.py`` for the ``status`` schema (never imported by the CLI): an
insight is one of :data:`INSIGHTS`. Where an insight changes shape, change its record here and
regenerate the schemas.
"""

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
from offshoring_cli.reports import IN_UNIT, MetricId, Positive, Year

Multiple = Annotated[float, Schema(exclusiveMinimum=0)]
_TEXT = Field("Text", TEXT, description="The insight in one sentence.")


class _TargetMultipleHead(TypedDict):
    """The keys that open both target-multiple insights."""

    id: Annotated[
        str,
        Field("Id", TEXT, description="'{metric}_target_multiple'."),
        Schema(pattern=r"^[a-z][a-z0-9_]*_target_multiple$"),
    ]
    metric: Annotated[MetricId, Field("Metric", TEXT, description="Indicator id.")]
    target_multiple: Annotated[
        Multiple, Field("Target multiple", RATIO, description="target / baseline (a ratio).")
    ]
    baseline_year: Annotated[Year, Field("Base year", YEAR, description="Year of the baseline.")]


class TargetMultipleInsight(_TargetMultipleHead):
    """The target as a multiple of the baseline, against the multiple its source describes."""

    described_multiple: Annotated[
        Multiple,
        Field(
            "Described multiple",
            RATIO,
            description="The multiple the target's source describes (2.0 = 'doubling').",
        ),
    ]
    text: Annotated[str, _TEXT]


class TargetMultipleOtherSeriesInsight(_TargetMultipleHead):
    """The target as a multiple of the baseline and of the latest whole-year figure of the
    indicator's other (older) series, against the multiple its source describes, if any."""

    described_multiple: Annotated[
        Multiple | None,
        Field(
            "Described multiple",
            RATIO,
            description="The multiple the target's source describes (2.0 = 'doubling'); null "
            "if it describes none.",
        ),
    ]
    other_series: Annotated[str, Field("Other series", TEXT, description="The other series.")]
    other_series_year: Annotated[
        Year, Field("Its year", YEAR, description="Year of its latest whole-year figure.")
    ]
    other_series_value: Annotated[
        Positive, Field("Its value", VALUE, description="That figure, " + IN_UNIT + ".")
    ]
    other_series_multiple: Annotated[
        Multiple, Field("Its multiple", RATIO, description="target / that figure (a ratio).")
    ]
    other_series_source: Annotated[
        str, Field("Its source", TEXT, description="Source id of that figure (a key of sources).")
    ]
    text: Annotated[str, _TEXT]


class RatioInsight(TypedDict):
    """A ratio the dataset declares between two indicators (``[[insights]] kind = "ratio"``),
    now and as implied by their targets (when both share their base and target years)."""

    id: Annotated[
        str,
        Field("Id", TEXT, description="The declared id (default '{numerator}_per_{denominator}')."),
        Schema(pattern=r"^[a-z][a-z0-9_]*$"),
    ]
    unit: Annotated[
        str,
        Field(
            "Unit",
            TEXT,
            description="'{numerator unit} per {denominator unit, singular}', e.g. 'MAD per job'.",
        ),
        Schema(pattern=r" per "),
    ]
    baseline_year: Annotated[Year, Field("Base year", YEAR, description="The common base year.")]
    baseline: Annotated[
        Multiple,
        Field("Now", VALUE, description="Numerator baseline / denominator baseline, in unit."),
    ]
    target_year: Annotated[Year, Field("Target year", YEAR, description="The common target year.")]
    implied_by_targets: Annotated[
        Multiple,
        Field("Then", VALUE, description="Numerator target / denominator target, in unit."),
    ]
    change: Annotated[
        float,
        Field("Change", RATE, description="implied / baseline - 1, a fraction (-0.16 = -16 %)."),
    ]
    text: Annotated[str, _TEXT]


class MomentumInsight(TypedDict):
    """The latest half-year figure against the same half a year earlier: momentum, not an
    annual rate."""

    id: Annotated[
        str,
        Field("Id", TEXT, description="'{metric}_half_year_momentum'."),
        Schema(pattern=r"^[a-z][a-z0-9_]*_half_year_momentum$"),
    ]
    metric: Annotated[MetricId, Field("Metric", TEXT, description="Indicator id.")]
    period: Annotated[
        str, Field("Period", TEXT, description="The half-year compared."), Schema(enum=["H1", "H2"])
    ]
    from_year: Annotated[Year, Field("From year", YEAR, description="Year of the earlier half.")]
    from_value: Annotated[Positive, Field("From", VALUE, description="Its value, " + IN_UNIT + ".")]
    to_year: Annotated[
        Year, Field("To year", YEAR, description="Year of the later half (from_year + 1).")
    ]
    to_value: Annotated[Positive, Field("To", VALUE, description="Its value, " + IN_UNIT + ".")]
    change_from_rounded_figures: Annotated[
        float,
        Field(
            "Change", RATE, description="to_value / from_value - 1, a fraction (0.0388 = 3.88 %)."
        ),
    ]
    change_reported_by_source: Annotated[
        float | None,
        Field(
            "Reported change",
            RATE,
            description="The change the source reports, a fraction; null if it reports none.",
        ),
    ]
    source: Annotated[
        str, Field("Source", TEXT, description="Source id of the later figure (a key of sources).")
    ]
    text: Annotated[str, _TEXT]


class RecentPaceInsight(TypedDict):
    """The growth over the latest interval of whole-year figures against the whole period (for
    an indicator with three or more whole-year observations of its target's series)."""

    id: Annotated[
        str,
        Field("Id", TEXT, description="'{metric}_recent_pace'."),
        Schema(pattern=r"^[a-z][a-z0-9_]*_recent_pace$"),
    ]
    metric: Annotated[MetricId, Field("Metric", TEXT, description="Indicator id.")]
    from_year: Annotated[
        Year, Field("From year", YEAR, description="Start of the latest interval.")
    ]
    to_year: Annotated[Year, Field("To year", YEAR, description="The latest year.")]
    recent_cagr: Annotated[
        float,
        Field("Recent CAGR", RATE, description="CAGR over the latest interval, a fraction a year."),
    ]
    earlier_from_year: Annotated[
        Year, Field("Earlier from", YEAR, description="Start of the interval before it.")
    ]
    earlier_cagr: Annotated[
        float,
        Field(
            "Earlier CAGR", RATE, description="CAGR over the interval before, a fraction a year."
        ),
    ]
    whole_from_year: Annotated[
        Year, Field("Whole from", YEAR, description="The first whole-year observation's year.")
    ]
    whole_cagr: Annotated[
        float,
        Field(
            "Whole-period CAGR",
            RATE,
            description="CAGR from the first to the latest whole-year figure, a fraction a year.",
        ),
    ]
    text: Annotated[str, _TEXT]


INSIGHTS: tuple[type, ...] = (
    TargetMultipleInsight,
    TargetMultipleOtherSeriesInsight,
    RatioInsight,
    MomentumInsight,
    RecentPaceInsight,
)
"""Every shape an insight may have."""
