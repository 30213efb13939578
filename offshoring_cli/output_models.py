"""The shape of each command's JSON output (``--json``), as pydantic models.

These models are the source of the JSON Schemas shipped in ``offshoring_cli/schemas/`` and
printed by ``offshoring schema NAME``: ``scripts/schemas.py`` turns each document model of
:data:`DOCUMENTS` into ``{name}.schema.json`` (the ``scenario`` schema comes from
:func:`offshoring_cli.scenario.model.json_schema` instead), and the tests check every command's real
output against them.

This module is imported only by ``scripts/schemas.py`` and by the tests, never at CLI run time:
the CLI builds its documents as plain dicts (:meth:`offshoring_cli.reports.Report.to_document`)
and ``offshoring schema`` prints the shipped files, so no command pays for pydantic here.

Conventions of every document:

- a common envelope: ``schema_version`` (1), ``command``, the effective ``inputs``, the
  ``results`` (one row per metric, or per metric and year, or per segment), the ``methods``
  behind the figures, ``insights`` (``status`` only, when there are any), ``notes``, the cited
  ``sources`` and, with ``--explain`` only, the ``explanation`` (worked formulas);
- amounts (baselines, targets, gaps, paths) are plain numbers in the indicator's unit, given
  by the row's ``unit`` (``jobs``, or ``MAD`` in whole dirhams, not billions): an integer where
  the figure is exact, a float otherwise;
- rates (CAGRs, growth, changes, shares) are fractions: 0.1048 = 10.48 % (a year, for rates);
- years are calendar years (integers); ``null`` means "not available" and is allowed only
  where the output can really hold it.

Each row model lists its keys exactly (``extra="forbid"``: no other key is allowed), except
the ``sensitivity`` row, whose change columns are matched by a pattern.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

# --- shared types -----------------------------------------------------------------------------

Number = Annotated[int | float, WithJsonSchema({"type": "number"})]
"""An amount in the indicator's unit: an integer where exact, a float otherwise (JSON number)."""

Positive = Annotated[
    int | float, Field(gt=0), WithJsonSchema({"type": "number", "exclusiveMinimum": 0})
]
"""An amount greater than 0 (a baseline, a target, an observation)."""

Year = Annotated[int, Field(ge=1900, le=2200)]
"""A calendar year given or derived from the inputs (the CLI and scenario files take 1900-2200)."""

LaterYear = Annotated[int, Field(ge=1900)]
"""A calendar year computed by projection: it may lie beyond 2200."""

Periods = Annotated[int, Field(ge=1)]
"""A whole number of years between two calendar years (intervals, not data points)."""

MetricId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
"""An indicator id: ``jobs``, ``exports``, or a scenario's (lower case, digits, ``_``)."""

Rate = float
"""A rate as a fraction (0.1048 = 10.48 %)."""

GrowthRatioBand = Literal[
    "achieved", "on track", "acceleration needed", "limited progress", "moving away"
]
ProgressBand = Literal[
    "achieved", "on track", "fair progress, acceleration needed", "stagnation or regression"
]

_ROW = ConfigDict(extra="forbid", allow_inf_nan=False, strict=True)

_COMMAND = "The command that wrote the document."
_INPUTS = "What the results were computed from (options left out are null)."

_RATE_A_YEAR = "fraction a year, 0.1048 = 10.48 %"
_IN_UNIT = "in the indicator's unit (see unit)"
_SHORTFALL = (
    "How far the value at the target year falls short of the target in the wanted direction, "
    + _IN_UNIT
    + ": target - value when an increase is wanted, value - target when a decrease is; "
    "positive: short of the target, negative: beyond it, 0: on it (up to rounding)."
)
_AT_TARGET = "; the target itself when within rounding of it (see target_reached_year)."
_REACHED = (
    "First year the value is >= target (<= when a decrease is wanted), up to the rounding of "
    "the projection (4 * (years + 1) units in the last place for a compound path, 8 for a "
    "linear one); null: never"
)


def _config(title: str) -> ConfigDict:
    return ConfigDict(extra="forbid", allow_inf_nan=False, strict=True, title=title)


# --- envelope parts ---------------------------------------------------------------------------


class SourceEntry(BaseModel):
    """A cited source. A figure given on the command line cites the source ``override``:
    publisher "user input", title "command-line override", empty date and URL."""

    model_config = _config("Source")
    publisher: str = Field(description="Who published the figure.")
    title: str = Field(description="Title of the publication.")
    date: str = Field(description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD; empty if none.")
    url: str = Field(description="Where to read it; empty if none.")


OverrideKey = Annotated[str, StringConstraints(pattern=r"^(jobs|exports)_(baseline|target)$")]


class FigureInputs(BaseModel):
    """The effective inputs of a command that takes the metric, year and override options."""

    model_config = _config("Inputs")
    dataset: str = Field(description="Name of the dataset: built-in or a scenario file's.")
    metrics: list[MetricId] = Field(
        min_length=1, description="Indicator ids shown, in order (all of the dataset's if none)."
    )
    base_year: Year | None = Field(description="--base-year; null: each metric's latest year.")
    target_year: Year | None = Field(description="--target-year; null: each metric's target year.")
    overrides: dict[OverrideKey, Positive] = Field(
        description="Figures given on the command line (--jobs-baseline as jobs_baseline, ...), "
        + _IN_UNIT
        + "; empty if none.",
        json_schema_extra={"additionalProperties": False},
    )


class _Document(BaseModel):
    """Envelope keys shared by every command's document."""

    model_config = _ROW
    schema_version: Literal[1] = Field(
        description="Version of the output format; goes up on any breaking change."
    )
    command: str = Field(description=_COMMAND)
    inputs: Any = Field(description=_INPUTS)
    results: list[Any] = Field(min_length=1, description="The rows.")
    methods: dict[str, str] = Field(
        description="How each result key is computed, by key (a formula or a reference)."
    )
    notes: list[str] = Field(description="What a reader should know, one sentence each.")
    sources: dict[str, SourceEntry] = Field(
        min_length=1, description="The cited sources, by source id, in order of first mention."
    )
    explanation: list[str] = Field(
        default_factory=list,
        description="With --explain only: each formula with the numbers put in, one a line.",
    )


class _Head(BaseModel):
    """The keys that open each row of gap, cagr and project."""

    model_config = _ROW
    metric: MetricId = Field(description="Indicator id.")
    label: str = Field(description="Indicator name.")
    unit: str = Field(description="Unit of every amount of the row: 'jobs', 'MAD', ...")
    base_year: Year = Field(description="Year of the baseline.")
    baseline: Positive = Field(description="Value in the base year, " + _IN_UNIT + ".")
    baseline_source: str = Field(
        description="Source id of the baseline (a key of sources; 'override' if given)."
    )
    target_year: Year = Field(description="Year the target is due.")
    target: Positive = Field(description="Target value, " + _IN_UNIT + ".")
    target_source: str = Field(
        description="Source id of the target (a key of sources; 'override' if given)."
    )


# --- gap --------------------------------------------------------------------------------------


class GapRow(_Head):
    """One metric's gap to its target and the growth that closes it."""

    model_config = _config("gap result")
    periods: Periods = Field(description="n = target year - base year, in years.")
    gap: Number = Field(
        description="target - baseline, " + _IN_UNIT + "; zero or negative if already met."
    )
    gap_relative: float = Field(
        description="(target - baseline) / baseline, a fraction (0.8182 = 81.82 %)."
    )
    target_multiple: float = Field(gt=0, description="target / baseline (a ratio, 1.8182 = x1.82).")
    linear_increment_per_year: Number = Field(
        description="(target - baseline) / n: the constant addition a year, " + _IN_UNIT + "."
    )
    required_cagr: Rate = Field(
        description="(target / baseline) ** (1 / n) - 1, " + _RATE_A_YEAR + "."
    )
    already_met: bool = Field(
        description="True if the baseline meets the target: baseline >= target (<= target "
        "when a decrease is wanted), compared exactly."
    )


class GapDocument(_Document):
    """The JSON output of 'offshoring gap --json'."""

    model_config = _config("offshoring gap --json")
    command: Literal["gap"] = Field(description=_COMMAND)
    inputs: FigureInputs = Field(description=_INPUTS)
    results: list[GapRow] = Field(min_length=1, description="One row per metric.")


# --- cagr -------------------------------------------------------------------------------------


class CagrRow(_Head):
    """One metric's required growth to its target against its actual (historical) growth.

    The actual_* keys are null when the series has no whole-year observation before the base
    year (a note says so)."""

    model_config = _config("cagr result")
    periods: Periods = Field(description="n = target year - base year, in years.")
    required_cagr: Rate = Field(
        description="(target / baseline) ** (1 / n) - 1, " + _RATE_A_YEAR + "."
    )
    required_linear_pace_per_year: Number = Field(
        description="(target - baseline) / n, " + _IN_UNIT + " a year."
    )
    actual_start_year: Year | None = Field(
        description="Year of the earliest whole-year observation of the same series."
    )
    actual_start: Positive | None = Field(description="Value that year, " + _IN_UNIT + ".")
    actual_periods: Periods | None = Field(description="base year - actual start year, in years.")
    actual_cagr: Rate | None = Field(
        description="(baseline / actual start) ** (1 / actual periods) - 1, " + _RATE_A_YEAR + "."
    )
    actual_linear_pace_per_year: Number | None = Field(
        description="(baseline - actual start) / actual periods, " + _IN_UNIT + " a year."
    )
    actual_to_required_cagr: float | None = Field(
        description="actual CAGR / required CAGR (a ratio); null also when the target is "
        "already met (see reason)."
    )
    reason: str | None = Field(
        description="Why the keys that are null are null (a single whole-year observation, "
        "or a target already met); null when every figure is given."
    )


class CagrDocument(_Document):
    """The JSON output of 'offshoring cagr --json'."""

    model_config = _config("offshoring cagr --json")
    command: Literal["cagr"] = Field(description=_COMMAND)
    inputs: FigureInputs = Field(description=_INPUTS)
    results: list[CagrRow] = Field(min_length=1, description="One row per metric.")


# --- status -----------------------------------------------------------------------------------


class StatusInputs(FigureInputs):
    """The effective inputs of status."""

    model_config = _config("status inputs")
    since: Year | None = Field(
        description="--since: the assessment's base year; null: the series' earliest."
    )


class AssessedStatusRow(BaseModel):
    """One metric's progress by the Eurostat growth ratio R and the UNSD progress score Q."""

    model_config = _config("status result (assessed)")
    metric: MetricId = Field(description="Indicator id.")
    label: str = Field(description="Indicator name.")
    unit: str = Field(description="Unit of every amount of the row: 'jobs', 'MAD', ...")
    series: str = Field(description="The statistical series the target refers to.")
    since_year: Year = Field(description="The assessment's base year.")
    since_value: Positive = Field(description="Value in that year, " + _IN_UNIT + ".")
    latest_year: Year = Field(description="Year of the latest whole-year value (the baseline).")
    latest: Positive = Field(description="Latest value, " + _IN_UNIT + ".")
    target_year: Year = Field(description="Year the target is due.")
    target: Positive = Field(description="Target value, " + _IN_UNIT + ".")
    actual_periods: Periods = Field(description="latest year - since year, in years.")
    actual_cagr: Rate = Field(
        description="CAGR from the since year to the latest year, " + _RATE_A_YEAR + "."
    )
    required_cagr_from_base: Rate = Field(
        description="CAGR from the since value to the target, " + _RATE_A_YEAR + "."
    )
    required_cagr_from_latest: Rate = Field(
        description="CAGR from the latest value to the target, " + _RATE_A_YEAR + "."
    )
    growth_ratio: float | None = Field(
        description="R = actual CAGR / required CAGR from base (a ratio); null when the "
        "target is already met (see reason)."
    )
    growth_ratio_band: GrowthRatioBand = Field(
        description="'achieved' if the target is met; else R >= 0.95 'on track', "
        "0.60 <= R < 0.95 'acceleration needed', 0 <= R < 0.60 'limited progress', "
        "R < 0 'moving away'."
    )
    projected_at_target_year: Number = Field(
        description="The latest value carried to the target year at the actual CAGR, "
        + _IN_UNIT
        + "; the target itself when within rounding of it."
    )
    shortfall_at_target_year: Number = Field(description=_SHORTFALL)
    progress_score: float | None = Field(
        description="Q = (projected - since value) / (target - since value) (a ratio); null "
        "when the target is already met (see reason)."
    )
    progress_band: ProgressBand = Field(
        description="'achieved' if the target is met; else Q >= 0.95 'on track', "
        "0.10 <= Q < 0.95 'fair progress, acceleration needed', Q < 0.10 "
        "'stagnation or regression'."
    )
    target_reached_year: LaterYear | None = Field(description=_REACHED + " at the actual pace.")
    verdict: str = Field(description="One sentence: the band and the rates behind it.")
    assessed: Literal[True] = Field(description="True: the two methods were applied.")
    reason: str | None = Field(
        description="Why growth_ratio and progress_score are null: the target is already met "
        "(both bands 'achieved'); null when they are given."
    )

    @model_validator(mode="after")
    def _null_only_when_met(self) -> AssessedStatusRow:
        achieved = self.growth_ratio_band == "achieved"
        if (self.reason is not None) != achieved:
            raise ValueError("reason is given exactly when the target is already met")
        if achieved and (self.growth_ratio is not None or self.progress_score is not None):
            raise ValueError("a target already met has no growth ratio and no progress score")
        return self


class NotAssessedStatusRow(BaseModel):
    """A metric the methods cannot judge (a single whole-year observation, or a target on the
    wrong side of the base value): every key of the methods is null."""

    model_config = _config("status result (not assessed)")
    metric: MetricId = Field(description="Indicator id.")
    label: str = Field(description="Indicator name.")
    unit: str = Field(description="Unit of every amount of the row: 'jobs', 'MAD', ...")
    series: str = Field(description="The statistical series the target refers to.")
    since_year: Year | None = Field(
        description="The assessment's base year, where there is one; null: no earlier observation."
    )
    since_value: Positive | None = Field(description="Its value, " + _IN_UNIT + ", or null.")
    actual_periods: None = Field(description="Always null.")
    latest_year: Year = Field(description="Year of the only whole-year value (the baseline).")
    latest: Positive = Field(description="That value, " + _IN_UNIT + ".")
    target_year: Year = Field(description="Year the target is due.")
    target: Positive = Field(description="Target value, " + _IN_UNIT + ".")
    actual_cagr: None = Field(description="Always null.")
    required_cagr_from_base: None = Field(description="Always null.")
    required_cagr_from_latest: float = Field(
        description="Required CAGR from the latest value to the target, " + _RATE_A_YEAR + "."
    )
    growth_ratio: None = Field(description="Always null.")
    growth_ratio_band: None = Field(description="Always null.")
    projected_at_target_year: None = Field(description="Always null.")
    shortfall_at_target_year: None = Field(description="Always null.")
    progress_score: None = Field(description="Always null.")
    progress_band: None = Field(description="Always null.")
    target_reached_year: None = Field(description="Always null.")
    verdict: str = Field(description="One sentence: why the metric is not assessed.")
    assessed: Literal[False] = Field(description="False: the methods were not applied.")
    reason: str = Field(
        min_length=1,
        description="Why the metric is not assessed (every key of the methods is null).",
    )


class TargetMultipleInsight(BaseModel):
    """The target as a multiple of the baseline, against the multiple its source describes."""

    model_config = _config("insight: target multiple")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*_target_multiple$")] = Field(
        description="'{metric}_target_multiple'."
    )
    metric: MetricId = Field(description="Indicator id.")
    target_multiple: float = Field(gt=0, description="target / baseline (a ratio).")
    baseline_year: Year = Field(description="Year of the baseline.")
    described_multiple: float = Field(
        gt=0, description="The multiple the target's source describes (2.0 = 'doubling')."
    )
    text: str = Field(description="The insight in one sentence.")


class TargetMultipleOtherSeriesInsight(BaseModel):
    """The target as a multiple of the baseline and of the latest whole-year figure of the
    indicator's other (older) series, against the multiple its source describes, if any."""

    model_config = _config("insight: target multiple, with another series")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*_target_multiple$")] = Field(
        description="'{metric}_target_multiple'."
    )
    metric: MetricId = Field(description="Indicator id.")
    target_multiple: float = Field(gt=0, description="target / baseline (a ratio).")
    baseline_year: Year = Field(description="Year of the baseline.")
    described_multiple: Annotated[float, Field(gt=0)] | None = Field(
        description="The multiple the target's source describes (2.0 = 'doubling'); null if "
        "it describes none."
    )
    other_series: str = Field(description="The other series.")
    other_series_year: Year = Field(description="Year of its latest whole-year figure.")
    other_series_value: Positive = Field(description="That figure, " + _IN_UNIT + ".")
    other_series_multiple: float = Field(gt=0, description="target / that figure (a ratio).")
    other_series_source: str = Field(description="Source id of that figure (a key of sources).")
    text: str = Field(description="The insight in one sentence.")


class ExportsPerJobInsight(BaseModel):
    """Exports per job now and as implied by the two targets (when jobs and exports share
    their base and target years)."""

    model_config = _config("insight: exports per job")
    id: Literal["exports_per_job"]
    unit: Annotated[str, StringConstraints(pattern=r" per job$")] = Field(
        description="'{exports unit} per job', e.g. 'MAD per job'."
    )
    baseline_year: Year = Field(description="The common base year.")
    baseline: float = Field(gt=0, description="Exports baseline / jobs baseline, in unit.")
    target_year: Year = Field(description="The common target year.")
    implied_by_targets: float = Field(gt=0, description="Exports target / jobs target, in unit.")
    change: Rate = Field(description="implied / baseline - 1, a fraction (-0.16 = -16 %).")
    text: str = Field(description="The insight in one sentence.")


class MomentumInsight(BaseModel):
    """The latest half-year figure against the same half a year earlier: momentum, not an
    annual rate."""

    model_config = _config("insight: half-year momentum")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*_half_year_momentum$")] = Field(
        description="'{metric}_half_year_momentum'."
    )
    metric: MetricId = Field(description="Indicator id.")
    period: Literal["H1", "H2"] = Field(description="The half-year compared.")
    from_year: Year = Field(description="Year of the earlier half.")
    from_value: Positive = Field(description="Its value, " + _IN_UNIT + ".")
    to_year: Year = Field(description="Year of the later half (from_year + 1).")
    to_value: Positive = Field(description="Its value, " + _IN_UNIT + ".")
    change_from_rounded_figures: Rate = Field(
        description="to_value / from_value - 1, a fraction (0.0388 = 3.88 %)."
    )
    change_reported_by_source: Rate | None = Field(
        description="The change the source reports, a fraction; null if it reports none."
    )
    source: str = Field(description="Source id of the later figure (a key of sources).")
    text: str = Field(description="The insight in one sentence.")


Insight = (
    TargetMultipleInsight
    | TargetMultipleOtherSeriesInsight
    | ExportsPerJobInsight
    | MomentumInsight
)


class StatusDocument(_Document):
    """The JSON output of 'offshoring status --json'."""

    model_config = _config("offshoring status --json")
    command: Literal["status"] = Field(description=_COMMAND)
    inputs: StatusInputs = Field(description=_INPUTS)
    results: list[AssessedStatusRow | NotAssessedStatusRow] = Field(
        min_length=1, description="One row per metric."
    )
    insights: list[Insight] = Field(
        description="What a reader should not miss; an empty list when there is none.",
    )


# --- trajectory -------------------------------------------------------------------------------


class TrajectoryRow(BaseModel):
    """One metric in one year, from the series' earliest whole-year observation (or the base
    year) to the target year. The paths are null before the base year."""

    model_config = _config("trajectory result")
    metric: MetricId = Field(description="Indicator id.")
    unit: str = Field(description="Unit of every amount of the row: 'jobs', 'MAD', ...")
    year: Year = Field(description="Calendar year.")
    observed: Positive | None = Field(
        description="Whole-year observation of the target's series, " + _IN_UNIT + "; null if "
        "none that year."
    )
    compound_path: Number | None = Field(
        description="baseline * (1 + required CAGR) ** (year - base year), " + _IN_UNIT + _AT_TARGET
    )
    linear_path: Number | None = Field(
        description="baseline + (target - baseline) * (year - base year) / n, "
        + _IN_UNIT
        + _AT_TARGET
    )
    actual_pace_path: Number | None = Field(
        description="baseline * (1 + actual CAGR) ** (year - base year), "
        + _IN_UNIT
        + "; null also when there is no actual growth (a single observation: see reason)."
    )
    reason: str | None = Field(
        description="From the base year on, why actual_pace_path is null (no actual growth "
        "can be computed); null when it is given, and before the base year."
    )


class TrajectoryDocument(_Document):
    """The JSON output of 'offshoring trajectory --json'."""

    model_config = _config("offshoring trajectory --json")
    command: Literal["trajectory"] = Field(description=_COMMAND)
    inputs: FigureInputs = Field(description=_INPUTS)
    results: list[TrajectoryRow] = Field(
        min_length=1, description="One row per metric and year, metric by metric, years up."
    )


# --- project ----------------------------------------------------------------------------------


class ProjectInputs(FigureInputs):
    """The effective inputs of project: exactly one of growth and increment is set."""

    model_config = _config("project inputs")
    growth: Annotated[float, Field(gt=-1)] | None = Field(
        description="--growth, " + _RATE_A_YEAR + "; null when --increment is given."
    )
    increment: Number | None = Field(
        description="--increment, " + _IN_UNIT + " a year; null when --growth is given."
    )
    until: Year | None = Field(description="--until; null: each metric's target year.")


class ProjectRow(_Head):
    """Where one metric lands at the assumed pace (a what-if, not a forecast)."""

    model_config = _config("project result")
    growth_rate: Annotated[float, Field(gt=-1)] | None = Field(
        description="Assumed compound growth, " + _RATE_A_YEAR + "; null for a linear pace."
    )
    increment_per_year: Number | None = Field(
        description="Assumed constant addition, " + _IN_UNIT + " a year; null for growth."
    )
    until_year: Year = Field(description="Year projected to.")
    value_at_until_year: Number = Field(
        description="Projected value that year, "
        + _IN_UNIT
        + " (a negative increment can take it below 0)."
    )
    value_at_target_year: Number = Field(
        description="Projected value in the target year, " + _IN_UNIT + _AT_TARGET
    )
    gap_at_target_year: Number = Field(description=_SHORTFALL)
    target_reached_year: LaterYear | None = Field(description=_REACHED + " at the assumed pace.")


class ProjectDocument(_Document):
    """The JSON output of 'offshoring project --json'."""

    model_config = _config("offshoring project --json")
    command: Literal["project"] = Field(description=_COMMAND)
    inputs: ProjectInputs = Field(description=_INPUTS)
    results: list[ProjectRow] = Field(min_length=1, description="One row per metric.")


# --- sensitivity ------------------------------------------------------------------------------

CHANGE_KEY = r"^required_cagr_target_(as_set|(minus|plus)_[0-9]+(_[0-9]{1,6})?pct)$"
"""Key of a sensitivity column: the target as set, or changed by a percentage in plain
decimals (at most six) with ``.`` written as ``_`` (``plus_10pct``, ``minus_12_5pct``,
``plus_1000000pct``)."""


def _change_columns(schema: dict[str, Any]) -> None:
    schema["patternProperties"] = {
        CHANGE_KEY: {
            "type": "number",
            "description": "Required CAGR to the target changed by the key's percentage "
            "(required_cagr_target_as_set: unchanged), " + _RATE_A_YEAR + ".",
        }
    }
    schema["additionalProperties"] = False
    schema["minProperties"] = len(schema["required"]) + 1


class SensitivityRow(BaseModel):
    """The required CAGR for one metric and one deadline, one key per change to the target
    (required_cagr_target_as_set, required_cagr_target_minus_20pct, ..._plus_10pct, ...)."""

    model_config = ConfigDict(
        extra="allow",
        allow_inf_nan=False,
        strict=True,
        title="sensitivity result",
        json_schema_extra=_change_columns,
    )
    __pydantic_extra__: dict[str, float]
    metric: MetricId = Field(description="Indicator id.")
    unit: str = Field(description="The indicator's unit: 'jobs', 'MAD', ...")
    target_year: Year = Field(description="The deadline of this row.")
    periods: Periods = Field(description="n = target year - base year, in years.")

    @model_validator(mode="after")
    def _columns_are_changes(self) -> SensitivityRow:
        extra = self.__pydantic_extra__ or {}
        wrong = [key for key in extra if not re.match(CHANGE_KEY, key)]
        if wrong:
            raise ValueError(f"not a change column: {', '.join(wrong)}")
        if not extra:
            raise ValueError("no change column")
        return self


class SensitivityInputs(FigureInputs):
    """The effective inputs of sensitivity (it takes --years instead of --target-year)."""

    model_config = _config("sensitivity inputs")
    target_year: None = Field(description="Always null: sensitivity takes --years.")
    years: list[Year] = Field(min_length=1, description="The deadlines compared (--years).")
    changes: list[Annotated[float, Field(gt=-1)]] = Field(
        min_length=1,
        description="The changes to the target compared (--changes), fractions "
        "(-0.1 = target lowered by 10 %).",
    )


class SensitivityDocument(_Document):
    """The JSON output of 'offshoring sensitivity --json'."""

    model_config = _config("offshoring sensitivity --json")
    command: Literal["sensitivity"] = Field(description=_COMMAND)
    inputs: SensitivityInputs = Field(description=_INPUTS)
    results: list[SensitivityRow] = Field(
        min_length=1, description="One row per metric and deadline."
    )


# --- segments ---------------------------------------------------------------------------------


class SegmentsInputs(BaseModel):
    """What segments split: one indicator's whole-year figure in one year."""

    model_config = _config("segments inputs")
    dataset: str = Field(description="Name of the dataset: built-in or a scenario file's.")
    indicator: MetricId = Field(description="The indicator split into segments.")
    year: Year = Field(description="The year of the split.")
    total: Positive = Field(description="The indicator's whole-year figure that year, in unit.")
    segments_sum: Positive = Field(description="The segments' values added up, in unit.")
    adds_up_within_rounding: bool = Field(
        description="True if |segments_sum - total| is within rounding of the figures."
    )


class SegmentRow(BaseModel):
    """One segment of the whole-year figure."""

    model_config = _config("segments result")
    segment: str = Field(description="Segment id (ITO, CRM, ...).")
    label: str = Field(description="What the segment covers.")
    unit: str = Field(description="The indicator's unit ('MAD').")
    year: Year = Field(description="The year of the figure.")
    value: Positive = Field(description="The segment's value, in unit.")
    share: float = Field(gt=0, description="value / total, a fraction (0.4034 = 40.34 %).")
    change_on_prior_year: Rate | None = Field(
        description="Change on the prior year, a fraction (0.071 = +7.1 %): the source's, or "
        "value / prior value - 1; null if neither is known."
    )
    prior_value: Positive | None = Field(
        description="The prior year's value, in unit, where the source gives it."
    )
    source: str = Field(description="Source id of the figure (a key of sources).")


class SegmentsDocument(_Document):
    """The JSON output of 'offshoring segments --json'."""

    model_config = _config("offshoring segments --json")
    command: Literal["segments"] = Field(description=_COMMAND)
    inputs: SegmentsInputs = Field(description=_INPUTS)
    results: list[SegmentRow] = Field(min_length=1, description="One row per segment.")


# --- scenario show ----------------------------------------------------------------------------


class ScenarioShowInputs(BaseModel):
    """Which dataset is shown."""

    model_config = _config("scenario-show inputs")
    dataset: str = Field(description="Name of the dataset.")
    origin: str = Field(description="Where it comes from: a file path, or 'built-in'.")


class IndicatorRow(BaseModel):
    """What the dataset holds for one indicator."""

    model_config = _config("scenario-show result")
    metric: MetricId = Field(description="Indicator id.")
    label: str = Field(description="Indicator name.")
    unit: str = Field(description="Unit of every amount of the row: 'jobs', 'MAD', ...")
    direction: Literal["increase", "decrease"] = Field(description="The change wanted.")
    series: str = Field(description="The statistical series the target refers to.")
    observations: Annotated[int, Field(ge=1)] = Field(
        description="Number of observations, of every series and period."
    )
    years: list[Year] = Field(
        min_length=1,
        description="The years of the whole-year figures of the target's series, oldest first.",
    )
    base_year: Year = Field(description="Latest of those years.")
    baseline: Positive = Field(description="The figure that year, " + _IN_UNIT + ".")
    target_year: Year = Field(description="Year the target is due.")
    target: Positive = Field(description="Target value, " + _IN_UNIT + ".")


class ScenarioShowDocument(_Document):
    """The JSON output of 'offshoring scenario show --json'."""

    model_config = _config("offshoring scenario show --json")
    command: Literal["scenario-show"] = Field(description=_COMMAND)
    inputs: ScenarioShowInputs = Field(description=_INPUTS)
    results: list[IndicatorRow] = Field(min_length=1, description="One row per indicator.")
    methods: dict[str, str] = Field(
        max_length=0, description="Always empty: scenario show computes nothing."
    )
    explanation: list[str] = Field(
        default_factory=list,
        max_length=0,
        description="With --explain only, and then empty: there is no formula to show.",
    )


DOCUMENTS: dict[str, type[BaseModel]] = {
    "gap": GapDocument,
    "cagr": CagrDocument,
    "status": StatusDocument,
    "trajectory": TrajectoryDocument,
    "project": ProjectDocument,
    "sensitivity": SensitivityDocument,
    "segments": SegmentsDocument,
    "scenario-show": ScenarioShowDocument,
}
"""Each command's document model, by schema name (``offshoring schema NAME``)."""
