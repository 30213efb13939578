"""The scenario format, as pydantic models (they also give the JSON Schema).

Values are checked as the command line checks them (from 1e-6 to 1e18); text fields hold one
line of plain text.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from offshoring_cli.core import records
from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, MAX_QUANTITY, MIN_QUANTITY
from offshoring_cli.scenario.fast_values import date_form, date_problem

_STRICT = ConfigDict(extra="forbid", allow_inf_nan=False, str_strip_whitespace=True, strict=True)

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a text field may not hold: C0 (tab and line breaks included), DEL, C1, the
Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
isolates (they reorder what a terminal shows)."""
_CONTROL_NAMES = {
    "\t": "tab",
    "\n": "line break",
    "\r": "carriage return",
    "\x1b": "escape, as in terminal escape codes",
    "\x7f": "delete",
}


def _plain(text: str) -> str:
    """``text`` unchanged if it holds no control character (:data:`_CONTROL`).

    Raises:
        PydanticCustomError: naming the first one (code point and position).
    """
    found = _CONTROL.search(text)
    if found is None:
        return text
    char = found.group()
    name = f"U+{ord(char):04X}" + (f", {_CONTROL_NAMES[char]}" if char in _CONTROL_NAMES else "")
    raise PydanticCustomError(
        "control_character",
        "holds a control character ({name}) at character {at}; text is one line of plain text, "
        "without tabs, line breaks or escape codes",
        {"name": name, "at": found.start() + 1},
    )


def _quantity(value: int | float) -> int | float:
    """``value`` if the command line would accept it as a count or an amount: greater than 0,
    from :data:`~offshoring_cli.core.records.MIN_QUANTITY` to
    :data:`~offshoring_cli.core.records.MAX_QUANTITY`.

    Raises:
        PydanticCustomError: the value is out of that range.
    """
    if value <= 0:
        raise PydanticCustomError("greater_than", "must be greater than 0")
    if value < MIN_QUANTITY:
        raise PydanticCustomError(
            "quantity_too_small",
            "{value} is too small: values are at least 1e-6, as on the command line (in "
            "whole units of the indicator, not thousands or billions)",
            {"value": repr(value)},
        )
    if value > MAX_QUANTITY:
        raise PydanticCustomError(
            "quantity_too_large",
            "{value} is too large: values are at most 1e18, as on the command line",
            {"value": repr(value)},
        )
    return value


def _calendar_date(value: str) -> str:
    """``value`` (already ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) if it is a real calendar
    date with the year from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Raises:
        PydanticCustomError: naming what is wrong (month 13, 2025-02 has 28 days, year 2999).
    """
    problem = date_problem(value)
    if problem is None:
        return value
    raise PydanticCustomError(
        "calendar_date",
        "{value} is not a calendar date ({problem}); must be {form}",
        {"value": value, "problem": str(problem), "form": str(date_form())},
    )


_COUNTS = ", ".join(sorted(records.COUNT_UNITS))
_QUANTITY_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": MAX_QUANTITY},
        {"type": "number", "minimum": MIN_QUANTITY, "maximum": float(MAX_QUANTITY)},
    ],
    "description": "From 1e-6 to 1e18, in the indicator's unit; a whole number where the unit "
    f"counts things ({_COUNTS}).",
}

Line = Annotated[str, AfterValidator(_plain)]
"""Text on one line, without control characters."""
Text = Annotated[str, Field(min_length=1), AfterValidator(_plain)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", min_length=1, max_length=64)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Positive = Annotated[int | float, AfterValidator(_quantity), WithJsonSchema(_QUANTITY_SCHEMA)]
Multiple = Annotated[
    float,
    AfterValidator(_quantity),
    WithJsonSchema({"type": "number", "minimum": MIN_QUANTITY, "maximum": float(MAX_QUANTITY)}),
]
Change = Annotated[float, Field(gt=-1, le=1000)]


class SourceModel(BaseModel):
    """Where figures come from."""

    model_config = _STRICT
    publisher: Text
    title: Text
    date: Annotated[
        str,
        Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
        AfterValidator(_calendar_date),
    ] = Field(
        description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date "
        f"with the year from {FIRST_YEAR} to {LAST_YEAR}."
    )
    url: Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(_plain)]


class ObservationModel(BaseModel):
    """One dated value of an indicator, in the indicator's unit."""

    model_config = _STRICT
    year: Year
    period: Literal["year", "H1", "H2"] = Field(
        "year", description="'year' for a whole year's figure, 'H1' or 'H2' for a half-year."
    )
    value: Positive
    series: Id
    source: Id
    note: Line = Field("", description="How a derived figure was derived.")
    reported_change: Change | None = Field(
        None, description="Change on the same period a year earlier, as the source reports it."
    )


class TargetModel(BaseModel):
    """The value to reach by a year, in the indicator's unit and one of its series."""

    model_config = _STRICT
    year: Year
    value: Positive
    series: Id
    source: Id
    described_multiple: Multiple | None = Field(
        None,
        description="The multiple of the baseline the target's source describes (2 = "
        "'doubling'): shorthand for an [[insights]] claim of kind 'target_multiple' citing the "
        "target's source (the final target only).",
    )
    notes: list[Text] = Field(
        [],
        description="Notes on the target's wording as published (how a source phrased it, how "
        "it reads), one line of text each.",
    )


class IndicatorModel(BaseModel):
    """A measured quantity with its observations, its final target and any other published
    targets (the same target stated on another series, interim ones)."""

    model_config = _STRICT
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
    label: Text
    unit: Annotated[str, Field(min_length=1, max_length=16), AfterValidator(_plain)] = Field(
        description="'jobs', a currency code such as 'MAD', or another unit. Values in a unit "
        f"that counts things ({_COUNTS}) must be whole numbers."
    )
    direction: Literal["increase", "decrease"] = "increase"
    observations: Annotated[list[ObservationModel], Field(min_length=1)] = Field(
        description="The observations, in the file; with observations_csv, those the CSV "
        "file's rows follow (give either key, or both)."
    )
    observations_csv: Line | None = Field(
        None,
        description="A CSV file of observations, relative to the scenario file's folder (the "
        "current folder for a scenario on standard input). Header: year,value,series,source "
        "(required, any order), then optionally note,reported_change. year is 2025 for a whole "
        "year, 2025-H1 or 2025-H2 for a half-year; value is a number as on the command line "
        "(a decimal comma is refused with a hint); each row is checked as an observation "
        "written in the TOML file.",
    )
    target: TargetModel | None = Field(
        None,
        description="The final target: the one the commands use by default; its series is "
        "the indicator's (the baseline is its latest whole-year figure). Omitted: the "
        "indicator has no published target (then no other_targets either): 'status' assesses "
        "it by Open SDG's no-target method, the other commands leave it out unless given "
        "--target ID=VALUE.",
    )
    other_targets: list[TargetModel] = Field(
        [],
        description="The other published targets: the same target as stated on another "
        "series, and interim targets (an earlier year). 'status' assesses each on its own "
        "series; the other commands use one with --target-year.",
    )

    def published(self) -> list[TargetModel]:
        """Every published target, the final one first (none without a ``target``)."""
        return [] if self.target is None else [self.target, *self.other_targets]

    def target_path(self, k: int) -> str:
        """The key path of the ``k``-th published target (0: the final one), under its
        indicator."""
        return "target" if k == 0 else f"other_targets[{k - 1}]"


class SegmentModel(BaseModel):
    """One part of a whole-year figure."""

    model_config = _STRICT
    id: Id
    label: Text
    value: Positive
    change: Change | None = Field(None, description="Change on the prior year, as given.")
    prior: Positive | None = Field(None, description="The prior year's value, where given.")
    source: Id


class SegmentsModel(BaseModel):
    """A split of one indicator's whole-year figure by segment."""

    model_config = _STRICT
    indicator: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    year: Year
    items: Annotated[list[SegmentModel], Field(min_length=1)]


class OtherSegmentsModel(BaseModel):
    """Another split of one figure of an indicator by segment: of another year, or of a
    half-year figure; the segments may cover part of it only."""

    model_config = _STRICT
    indicator: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    year: Year
    period: Literal["year", "H1", "H2"] = Field(
        "year", description="The figure split: 'year' (whole year), 'H1' or 'H2' (half-year)."
    )
    note: Line = Field("", description="What the segments leave out, if anything.")
    items: Annotated[list[SegmentModel], Field(min_length=1)]


IndicatorId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]


class RatioInsightModel(BaseModel):
    """Declared insight: one indicator per unit of another, now and as implied by their
    targets (shown by ``status`` when both are assessed with the same base and target years)."""

    model_config = _STRICT
    kind: Literal["ratio"]
    numerator: IndicatorId = Field(description="Id of the indicator divided (exports).")
    denominator: IndicatorId = Field(description="Id of the indicator it is divided by (jobs).")
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)] = Field(
        "", description="The insight's id in JSON output; default '{numerator}_per_{denominator}'."
    )
    label: Line = Field(
        "",
        description="Opens the insight's sentence ('Exports per job'); default "
        "'{Numerator} per {denominator's unit, singular}'. The ratio's unit is derived: "
        "'{numerator's unit} per {denominator's unit, singular}' ('MAD per job').",
    )


class ClaimInsightModel(BaseModel):
    """Declared insight: what a source says of an indicator, checked against the computed
    figure (shown by ``status`` when the indicator's own target is used)."""

    model_config = _STRICT
    kind: Literal["claim"]
    indicator: IndicatorId = Field(description="Id of the indicator the claim is about.")
    claim: Literal["target_multiple"] = Field(
        description="What is claimed: 'target_multiple', the target as a multiple of the "
        "baseline (the latest whole-year figure)."
    )
    value: Multiple = Field(description="The claimed figure (2.0 for 'a doubling').")
    wording: Line = Field("", description="The source's words ('doubling'); default '{value}x'.")
    source: Id = Field(description="Id of the source that makes the claim.")


Insight = Annotated[RatioInsightModel | ClaimInsightModel, Field(discriminator="kind")]


class ScenarioModel(BaseModel):
    """An offshoring-cli scenario file."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, title="offshoring-cli scenario")
    scenario_version: Literal[1] = Field(description="Version of this format.")
    name: Id
    description: Line = ""
    sources: dict[Id, SourceModel]
    indicators: Annotated[list[IndicatorModel], Field(min_length=1)]
    segments: SegmentsModel | None = None
    other_segments: list[OtherSegmentsModel] = Field(
        [],
        description="Further splits by segment (another year, a half-year figure), shown by "
        "'segments' beside the main one.",
    )
    insights: list[Insight] = Field(
        [],
        description="Facts particular to the data that 'status' checks: ratios between two "
        "indicators and claims of the sources (kind 'ratio' or 'claim').",
    )
    translations: dict[Literal["fr", "ar"], dict[Line, Line]] = Field(
        {},
        description="The dataset's own texts in French and Arabic (--lang fr, --lang ar): by "
        "language, each English text (an indicator's or segment's label, the description, an "
        "insight's label or wording) and its translation. A text without one is shown as it "
        "is.",
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (Draft 2020-12), from :class:`ScenarioModel`."""
    schema = ScenarioModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # Source ids are keys: pydantic lists them as patternProperties, which lets a key that
    # does not match through; the pattern belongs to every property name.
    sources = schema["properties"]["sources"]
    ((pattern, source),) = sources.pop("patternProperties").items()
    sources["propertyNames"]["pattern"] = pattern
    sources["additionalProperties"] = source
    # An indicator's observations are in the file, in a CSV file beside it, or both.
    indicator = schema["$defs"]["IndicatorModel"]
    indicator["required"].remove("observations")
    indicator["anyOf"] = [{"required": ["observations"]}, {"required": ["observations_csv"]}]
    return schema
