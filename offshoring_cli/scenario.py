"""Scenario files: a dataset in TOML that replaces the built-in one, without touching code.

A scenario holds what :mod:`offshoring_cli.domain` holds: a name and description; sources (by
id: publisher, title, date, URL); indicators (id, label, unit, whether an increase or a decrease
is wanted, dated observations, a target); and, optionally, segments. See
``seeds/morocco-offshoring.toml`` (the built-in dataset, as ``offshoring scenario init`` writes
it) and the JSON Schema printed by ``offshoring schema scenario``.

Reading uses the standard :mod:`tomllib`; validation uses pydantic (every problem at once, each
with its key path, such as ``indicators[0].observations[2].value: must be greater than 0``);
writing uses tomlkit (so the file keeps its comments). pydantic and tomlkit are imported only
here, and this module only when a scenario is read, written or described: the other commands
never pay for them.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from offshoring_cli import domain, outputs
from offshoring_cli.metrics import DomainError

SCENARIO_VERSION = 1
"""Version of the scenario format; goes up on any breaking change."""


class ScenarioError(DomainError):
    """A scenario file that cannot be used: unreadable, not TOML, or not a valid scenario.

    ``problems`` lists every problem found, each one line (``key.path: what is wrong``).
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        more = f" (and {len(problems) - 1} more: run 'offshoring scenario validate {path!r}')"
        super().__init__(f"scenario {path!r}: {problems[0]}" + (more if len(problems) > 1 else ""))


# --- the format, as pydantic models (they also give the JSON Schema) --------------------------

_STRICT = ConfigDict(extra="forbid", allow_inf_nan=False, str_strip_whitespace=True, strict=True)

Text = Annotated[str, Field(min_length=1)]
Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", min_length=1, max_length=64)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Positive = Annotated[int, Field(gt=0, le=10**18)] | Annotated[float, Field(gt=0, le=1e18)]
Change = Annotated[float, Field(gt=-1, le=1000)]


class SourceModel(BaseModel):
    """Where figures come from."""

    model_config = _STRICT
    publisher: Text
    title: Text
    date: Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")] = Field(
        description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]


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
    note: str = Field("", description="How a derived figure was derived.")
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
    described_multiple: Annotated[float, Field(gt=0)] | None = Field(
        None, description="The multiple of the baseline the source describes (2 = 'doubling')."
    )


class IndicatorModel(BaseModel):
    """A measured quantity with its observations and its target."""

    model_config = _STRICT
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
    label: Text
    unit: Annotated[str, Field(min_length=1, max_length=16)] = Field(
        description="'jobs', a currency code such as 'MAD', or another unit."
    )
    direction: Literal["increase", "decrease"] = "increase"
    observations: Annotated[list[ObservationModel], Field(min_length=1)]
    target: TargetModel


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


class ScenarioModel(BaseModel):
    """An offshoring-cli scenario file."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, title="offshoring-cli scenario")
    scenario_version: Literal[1] = Field(description="Version of this format.")
    name: Id
    description: str = ""
    sources: dict[str, SourceModel]
    indicators: Annotated[list[IndicatorModel], Field(min_length=1)]
    segments: SegmentsModel | None = None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (Draft 2020-12), from :class:`ScenarioModel`."""
    schema = ScenarioModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


# --- reading ----------------------------------------------------------------------------------


def _path_of(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a key path: ``indicators[0].observations[2].value``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in {"int", "float"} or part.startswith(("constrained-", "function-")):
            continue  # union branches and validator names are not keys of the file
        else:
            text += ("." if text else "") + part
    return text or "(top level)"


def _message(error: Any) -> str:
    kind, msg = error["type"], str(error["msg"])
    if kind == "extra_forbidden":
        return "unknown key (check its spelling; see 'offshoring schema scenario')"
    if kind == "missing":
        return "missing (required)"
    if kind == "literal_error" and "scenario_version" in error["loc"]:
        return f"must be {SCENARIO_VERSION} (this tool reads scenario format {SCENARIO_VERSION})"
    if kind == "finite_number":
        return "must be a finite number (not nan or inf)"
    return msg.replace("Input should be", "must be").replace("String should", "must")


def _field_problems(error: ValidationError) -> list[str]:
    """One line per problem. A number checked against both branches of ``int | float`` fails
    twice; the branch that merely says "not an int" (or "not a float") is dropped when the
    other says more."""
    by_place: dict[str, list[tuple[str, str]]] = {}
    for item in error.errors():
        by_place.setdefault(_path_of(tuple(item["loc"])), []).append((item["type"], _message(item)))
    problems: list[str] = []
    for where, found in by_place.items():
        specific = [m for kind, m in found if kind not in {"int_type", "float_type"}]
        for message in dict.fromkeys(specific or [m for _, m in found]):
            problems.append(f"{where}: {message}")
    return problems


def _cross_problems(model: ScenarioModel) -> list[str]:
    """What field-by-field validation cannot see: ids, duplicates, series, segments."""
    problems: list[str] = []
    known = ", ".join(model.sources) or "none"

    def check_source(where: str, source: str) -> None:
        if source not in model.sources:
            problems.append(f"{where}.source: unknown source id {source!r} (known: {known})")

    ids: set[str] = set()
    for i, ind in enumerate(model.indicators):
        here = f"indicators[{i}]"
        if ind.id in ids:
            problems.append(f"{here}.id: duplicate indicator id {ind.id!r}")
        ids.add(ind.id)
        seen: dict[tuple[str, int, str], int] = {}
        for j, obs in enumerate(ind.observations):
            check_source(f"{here}.observations[{j}]", obs.source)
            key = (obs.series, obs.year, obs.period)
            if key in seen:
                problems.append(
                    f"{here}.observations[{j}]: duplicate year {obs.year} ({obs.period}) in "
                    f"series {obs.series!r}, first at observations[{seen[key]}]"
                )
            else:
                seen[key] = j
        check_source(f"{here}.target", ind.target.source)
        series = {o.series for o in ind.observations}
        annual = [o for o in ind.observations if o.series == ind.target.series]
        annual = [o for o in annual if o.period == "year"]
        if ind.target.series not in series:
            problems.append(
                f"{here}.target.series: {ind.target.series!r} is not a series of this "
                f"indicator's observations ({', '.join(sorted(series))})"
            )
        elif not annual:
            problems.append(
                f"{here}.target.series: no whole-year observation in series "
                f"{ind.target.series!r} to serve as the baseline"
            )
        elif ind.target.year <= max(o.year for o in annual):
            problems.append(
                f"{here}.target.year: {ind.target.year} must be after the latest whole-year "
                f"observation ({max(o.year for o in annual)})"
            )
    if model.segments is not None:
        seg = model.segments
        if seg.indicator not in ids:
            problems.append(f"segments.indicator: no indicator {seg.indicator!r}")
        else:
            ind = next(x for x in model.indicators if x.id == seg.indicator)
            whole = [
                o
                for o in ind.observations
                if o.year == seg.year and o.period == "year" and o.series == ind.target.series
            ]
            if not whole:
                problems.append(
                    f"segments.year: {seg.indicator} has no whole-year figure for {seg.year} "
                    "in its target's series to split"
                )
        item_ids: set[str] = set()
        for k, item in enumerate(seg.items):
            check_source(f"segments.items[{k}]", item.source)
            if item.id in item_ids:
                problems.append(f"segments.items[{k}].id: duplicate segment id {item.id!r}")
            item_ids.add(item.id)
    return problems


def _number(value: float) -> domain.Number:
    """TOML floats that hold whole numbers stay exact as ints (26.22e9 -> 26220000000)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _dataset(model: ScenarioModel) -> domain.Dataset:
    indicators = {}
    for ind in model.indicators:
        observations = tuple(
            sorted(
                (
                    domain.Observation(
                        o.year,
                        _number(o.value),
                        o.series,
                        o.source,
                        o.note,
                        o.period,
                        o.reported_change,
                    )
                    for o in ind.observations
                ),
                key=lambda o: o.year,  # stable: the file's order within a year
            )
        )
        t = ind.target
        indicators[ind.id] = domain.Indicator(
            ind.id,
            ind.label,
            ind.unit,
            observations,
            domain.Target(t.year, _number(t.value), t.series, t.source, t.described_multiple),
            ind.direction == "increase",
        )
    sources = {
        key: domain.Source(s.publisher, s.title, s.date, s.url) for key, s in model.sources.items()
    }
    segments: tuple[domain.Segment, ...] = ()
    if model.segments is not None:
        segments = tuple(
            domain.Segment(
                s.id,
                s.label,
                _number(s.value),
                s.change,
                None if s.prior is None else _number(s.prior),
                s.source,
            )
            for s in model.segments.items
        )
    return domain.Dataset(
        model.name,
        model.description,
        indicators,
        sources,
        segments,
        model.segments.year if model.segments else None,
        model.segments.indicator if model.segments else None,
    )


def check(data: dict[str, Any]) -> tuple[domain.Dataset | None, list[str]]:
    """Validate parsed TOML: the dataset, or ``None`` and every problem found."""
    try:
        model = ScenarioModel.model_validate(data)
    except ValidationError as error:
        return None, _field_problems(error)
    problems = _cross_problems(model)
    return (None, problems) if problems else (_dataset(model), [])


def read(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and parse a TOML file.

    Raises:
        ScenarioError: missing, a directory, unreadable, not UTF-8, empty, or not TOML (the
            message gives the line and column).
    """
    name = os.fspath(path)
    file = Path(name)
    if not file.exists():
        raise ScenarioError(
            name, ["no such file; check the path (offshoring scenario init PATH writes one)"]
        )
    if file.is_dir():
        raise ScenarioError(name, ["is a directory, not a scenario file"])
    try:
        text = file.read_text(encoding="utf-8")
    except PermissionError:
        raise ScenarioError(name, ["cannot be read (permission denied)"]) from None
    except UnicodeDecodeError as error:
        raise ScenarioError(name, [f"is not UTF-8 text (byte {error.start})"]) from None
    except OSError as error:
        raise ScenarioError(name, [f"cannot be read ({error.strerror or error})"]) from None
    if not text.strip():
        raise ScenarioError(name, ["is empty; start from 'offshoring scenario init'"])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(name, [f"TOML syntax error: {error}"]) from None


def load(path: str | os.PathLike[str]) -> domain.Dataset:
    """Read, validate and return the dataset of a scenario file. Never writes anything.

    Raises:
        ScenarioError: the file cannot be read, is not TOML, or is not a valid scenario;
            ``problems`` lists every problem.
    """
    dataset, problems = check(read(path))
    if dataset is None:
        raise ScenarioError(os.fspath(path), problems)
    return dataset


# --- writing ----------------------------------------------------------------------------------


def to_toml(dataset: domain.Dataset) -> str:
    """The dataset as a commented scenario file (written with tomlkit)."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(
        tomlkit.comment("offshoring-cli scenario file. Check it: offshoring scenario validate FILE")
    )
    doc.add(
        tomlkit.comment("Use it: offshoring --scenario FILE status (or OFFSHORING_SCENARIO=FILE)")
    )
    doc.add(tomlkit.comment("Values are in whole units: jobs, or MAD (not billions)."))
    doc.add(tomlkit.nl())
    doc.add("scenario_version", SCENARIO_VERSION)
    doc.add("name", dataset.name)
    doc.add("description", dataset.description)
    doc.add(tomlkit.nl())

    doc.add(tomlkit.comment("Sources, by id: every observation, target and segment names one."))
    sources = tomlkit.table()
    for key, src in dataset.sources.items():
        table = tomlkit.table()
        for field, value in src._asdict().items():
            table.add(field, value)
        sources.add(key, table)
    doc.add("sources", sources)

    indicators = tomlkit.aot()
    for ind in dataset.indicators.values():
        table = tomlkit.table()
        table.add(tomlkit.comment(f"{ind.label}, in {ind.unit}"))
        table.add("id", ind.id)
        table.add("label", ind.label)
        table.add("unit", ind.unit)
        table.add("direction", "increase" if ind.increase else "decrease")
        target = tomlkit.inline_table()
        for field, value in ind.target._asdict().items():
            if value is not None:
                target.append(field, value)
        table.add("target", target)
        observations = tomlkit.aot()
        for obs in ind.observations:
            row = tomlkit.table()
            for field, value in obs._asdict().items():
                if value is None or (field == "note" and not value):
                    continue
                if field == "period" and value == "year":
                    continue
                row.add(field, value)
            observations.append(row)
        table.add("observations", observations)
        indicators.append(table)
    doc.add("indicators", indicators)

    if dataset.segments and dataset.segments_of and dataset.segments_year:
        doc.add(tomlkit.nl())
        doc.add(tomlkit.comment("Optional: a split of one indicator's whole-year figure."))
        segments = tomlkit.table()
        segments.add("indicator", dataset.segments_of)
        segments.add("year", dataset.segments_year)
        items = tomlkit.aot()
        for seg in dataset.segments:
            row = tomlkit.table()
            for field, value in seg._asdict().items():
                if value is not None:
                    row.add(field, value)
            items.append(row)
        segments.add("items", items)
        doc.add("segments", segments)
    return tomlkit.dumps(doc)


def write_new(path: str | os.PathLike[str], text: str, force: bool = False) -> outputs.Output:
    """Write ``text`` to ``path`` as :func:`outputs.write` does (``-``: stdout; a device or
    FIFO: written into; a file: atomically, a new one with 0666 less the umask).

    Returns:
        Where the text went (see :func:`outputs.check`).

    Raises:
        ScenarioError: ``path`` is an existing regular file and ``force`` is false.
        DomainError: ``path`` cannot be written (see :func:`outputs.check`).
        outputs.WriteError: writing failed; nothing is left behind.
    """
    name = os.fspath(path)
    output = outputs.check(name, f"scenario {name!r}", "scenario.toml")
    if output.exists and not force:
        raise ScenarioError(name, ["already exists; pass --force to overwrite it"])
    outputs.write(output, text)
    return output
