"""Scenario files: a dataset in TOML that replaces the built-in one, without touching code.

A scenario holds what :mod:`offshoring_cli.domain` holds: a name and description; sources (by
id: publisher, title, date, URL); indicators (id, label, unit, whether an increase or a decrease
is wanted, dated observations, a target); and, optionally, segments. See
``seeds/morocco-offshoring.toml`` (the built-in dataset, as ``offshoring scenario init`` writes
it) and the JSON Schema printed by ``offshoring schema scenario``.

Reading (:func:`read`, the one place a scenario is read) takes a regular file of at most
:data:`MAX_BYTES`, or standard input for ``-``; the text is UTF-8, with or without a byte-order
mark. Parsing uses the standard :mod:`tomllib`; validation uses pydantic (every problem at once,
each with its key path, such as ``indicators[0].observations[2].value: must be greater than 0``);
writing uses tomlkit (so the file keeps its comments). pydantic and tomlkit are imported only
here, and this module only when a scenario is read, written or described: the other commands
never pay for them.
"""

from __future__ import annotations

import functools
import math
import os
import re
import stat
import sys
import tomllib
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from offshoring_cli import domain, outputs
from offshoring_cli.domain import MAX_QUANTITY, MIN_QUANTITY
from offshoring_cli.metrics import DomainError

SCENARIO_VERSION = 1
"""Version of the scenario format; goes up on any breaking change."""

MAX_BYTES = 1024 * 1024
"""The largest scenario file read, in bytes (1 MiB: over 200 times the built-in dataset)."""

STDIN = "-"
"""The path that means standard input."""

MAX_VALUES = 10_000
"""The most values (table keys and array items, all levels) a scenario may hold: about 70 times
the built-in dataset's 141. It bounds the work of validating a hostile file."""

MAX_KEY_PARTS = 32
"""The most parts a dotted key may have (``sources.id.url`` has 3): tomllib takes a time that
grows with the square of a key's length."""


class ScenarioError(DomainError):
    """A scenario file that cannot be used: unreadable, not TOML, or not a valid scenario.

    ``problems`` lists every problem found, each one line (``key.path: what is wrong``).
    """

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        if path == STDIN:
            where, again = "on standard input", "'offshoring scenario validate -' on the same input"
        else:
            import shlex

            quoted = shlex.quote(path) if path.isprintable() else repr(path)
            where, again = repr(path), f"'offshoring scenario validate {quoted}'"
        more = f" (and {len(problems) - 1} more: run {again})" if len(problems) > 1 else ""
        super().__init__(f"scenario {where}: {problems[0]}{more}")


def shown(path: str) -> str:
    """``path`` as messages show it: as typed when printable, quoted otherwise (a line break
    or an escape sequence in a path must not reach the terminal); ``standard input`` for ``-``."""
    if path == STDIN:
        return "standard input"
    return path if path.isprintable() and path.strip() == path and path else repr(path)


# --- the format, as pydantic models (they also give the JSON Schema) --------------------------

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
    from :data:`~offshoring_cli.domain.MIN_QUANTITY` to
    :data:`~offshoring_cli.domain.MAX_QUANTITY`.

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


_COUNTS = ", ".join(sorted(domain.COUNT_UNITS))
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
Year = Annotated[int, Field(ge=1900, le=2200)]
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
    date: Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")] = Field(
        description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
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
        None, description="The multiple of the baseline the source describes (2 = 'doubling')."
    )


class IndicatorModel(BaseModel):
    """A measured quantity with its observations and its target."""

    model_config = _STRICT
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=32)]
    label: Text
    unit: Annotated[str, Field(min_length=1, max_length=16), AfterValidator(_plain)] = Field(
        description="'jobs', a currency code such as 'MAD', or another unit. Values in a unit "
        f"that counts things ({_COUNTS}) must be whole numbers."
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
    description: Line = ""
    sources: dict[Id, SourceModel]
    indicators: Annotated[list[IndicatorModel], Field(min_length=1)]
    segments: SegmentsModel | None = None


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
    return schema


# --- reading ----------------------------------------------------------------------------------


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _path_of(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a key path: ``indicators[0].observations[2].value``.

    A key that is not a bare TOML key (a dot, a space, a control character...) is quoted, as
    Python quotes it, so that the path stays one unambiguous line: ``sources['a b']``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in {"int", "float", "[key]"} or part.startswith(("constrained-", "function-")):
            continue  # union branches, validator names and key markers are not keys
        elif _BARE_KEY.fullmatch(part):
            text += ("." if text else "") + part
        else:
            text += f"[{part!r}]"
    return text or "(top level)"


def _message(error: Any) -> str:
    kind, msg = error["type"], str(error["msg"])
    if error["loc"] and error["loc"][-1] == "[key]":
        return "the key " + _message({**error, "loc": error["loc"][:-1]})
    if kind == "extra_forbidden":
        return "unknown key (check its spelling; see 'offshoring schema scenario')"
    if kind == "missing":
        return "missing (required)"
    if kind == "literal_error" and "scenario_version" in error["loc"]:
        return f"must be {SCENARIO_VERSION} (this tool reads scenario format {SCENARIO_VERSION})"
    if kind == "finite_number":
        return "must be a finite number (not nan or inf)"
    return msg.replace("Input should be", "must be").replace("String should", "must")


def _field_problems(error: ValidationError) -> dict[str, list[str]]:
    """The problems, by key path. A number checked against both branches of ``int | float``
    fails twice; the branch that merely says "not an int" (or "not a float") is dropped when
    the other says more."""
    by_place: dict[str, list[tuple[str, str]]] = {}
    for item in error.errors():
        by_place.setdefault(_path_of(tuple(item["loc"])), []).append((item["type"], _message(item)))
    problems: dict[str, list[str]] = {}
    for where, found in by_place.items():
        specific = [m for kind, m in found if kind not in {"int_type", "float_type"}]
        problems[where] = list(dict.fromkeys(specific or [m for _, m in found]))
    return problems


@functools.cache
def _field_ranks() -> dict[str, int]:
    """Every key of the format, ranked in the models' order (scenario_version first)."""
    ranks: dict[str, int] = {}
    models: list[type[BaseModel]] = [ScenarioModel]
    while models:
        model = models.pop(0)
        for name, field in model.model_fields.items():
            ranks.setdefault(name, len(ranks))
            for inner in _models_in(field.annotation):
                models.append(inner)
    return ranks


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (``list[ObservationModel]``, ``X | None``...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) for model in _models_in(arg)]


def _file_order(path: str) -> tuple[tuple[int, int, str], ...]:
    """A sort key that lists problems in the order of the format: indexes in order, keys in
    the models' order, unknown keys after the known ones."""
    ranks = _field_ranks()
    key: list[tuple[int, int, str]] = []
    for match in re.finditer(r"\[(\d+)\]|\[(?:'[^']*'|\"[^\"]*\")\]|[^.\[\]]+", path):
        if match[1] is not None:
            key.append((0, int(match[1]), ""))
        else:
            rank = -1 if match[0] == "(top level)" else ranks.get(match[0], len(ranks))
            key.append((1, rank, match[0]))
    return tuple(key)


def _count_problems(data: dict[str, Any]) -> dict[str, str]:
    """Values that must be whole and are not, by key path: every value, target and segment
    (value and prior) of an indicator whose unit counts things (:func:`domain.is_count`), as
    the command line wants a whole number of jobs. Reads the parsed TOML as it is, so that
    these problems are listed with pydantic's; anything of an unexpected shape is left to
    pydantic."""
    found: dict[str, str] = {}

    def check(where: str, value: Any, unit: str) -> None:
        if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
            found[where] = (
                f"{value!r} is not a whole number: values in {unit!r} are counts (as on the "
                "command line, where a count of jobs is whole)"
            )

    indicators = data.get("indicators")
    counts: dict[str, str] = {}
    for i, ind in enumerate(indicators if isinstance(indicators, list) else []):
        unit = ind.get("unit") if isinstance(ind, dict) else None
        if not isinstance(unit, str) or not domain.is_count(unit):
            continue
        if isinstance(ind.get("id"), str):
            counts[ind["id"]] = unit
        observations = ind.get("observations")
        for j, obs in enumerate(observations if isinstance(observations, list) else []):
            if isinstance(obs, dict):
                check(f"indicators[{i}].observations[{j}].value", obs.get("value"), unit)
        target = ind.get("target")
        if isinstance(target, dict):
            check(f"indicators[{i}].target.value", target.get("value"), unit)
    segments = data.get("segments")
    if isinstance(segments, dict) and segments.get("indicator") in counts:
        unit = counts[segments["indicator"]]
        items = segments.get("items")
        for k, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                for key in ("value", "prior"):
                    check(f"segments.items[{k}].{key}", item.get(key), unit)
    return found


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


def _too_many_values(data: dict[str, Any]) -> bool:
    """Whether ``data`` holds more than :data:`MAX_VALUES` (counted without recursion, and
    only until the count is over)."""
    count = 0
    pending: list[Any] = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            count += len(item)
            if count > MAX_VALUES:
                return True
            pending.extend(item)
    return False


def check(data: dict[str, Any]) -> tuple[domain.Dataset | None, list[str]]:
    """Validate parsed TOML: the dataset, or ``None`` and every problem found, one line each
    (``key.path: what is wrong``): each field's type and range (values from 1e-6 to 1e18,
    whole numbers for counts, text without control characters), then what needs the whole
    file (ids, duplicates, series, segments)."""
    if _too_many_values(data):
        return None, [
            f"(top level): holds over {MAX_VALUES:,} values (keys and array items), the most a "
            "scenario may hold (the built-in dataset holds 141)"
        ]
    counts = _count_problems(data)
    try:
        model = ScenarioModel.model_validate(data)
    except ValidationError as error:
        fields = _field_problems(error)
        for where, message in counts.items():
            fields.setdefault(where, [message])  # a value already refused is refused once
        ordered = sorted(fields.items(), key=lambda item: _file_order(item[0]))
        return None, [f"{where}: {message}" for where, found in ordered for message in found]
    problems = [f"{where}: {message}" for where, message in counts.items()]
    problems += _cross_problems(model)
    return (None, problems) if problems else (_dataset(model), [])


_KINDS = (
    (stat.S_ISDIR, "is a directory, not a scenario file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a scenario file"),
    (stat.S_ISCHR, "is a device, not a scenario file"),
    (stat.S_ISBLK, "is a device, not a scenario file"),
    (stat.S_ISSOCK, "is a socket, not a scenario file"),
)
_ONLY_FILES = "; give a regular file, or - to read the scenario from standard input"
_CAP = f"the {MAX_BYTES // (1024 * 1024)} MiB ({MAX_BYTES:,} bytes) cap on scenario files"
_TOO_LARGE = f"is over {_CAP}"


def _kind_problem(mode: int) -> str | None:
    """Why a file of ``mode`` cannot be read as a scenario, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, problem in _KINDS:
        if test(mode):
            return problem + ("" if test is stat.S_ISDIR else _ONLY_FILES)
    return "is not a regular file" + _ONLY_FILES  # pragma: no cover - no other kind on POSIX


def _os_problem(error: OSError) -> str:
    """An error opening or reading a file, as one line."""
    import errno

    if isinstance(error, FileNotFoundError):
        return "no such file; check the path (offshoring scenario init PATH writes one)"
    if isinstance(error, NotADirectoryError):
        return "no such file (a part of the path is a file, not a folder)"
    if isinstance(error, PermissionError):
        return "cannot be read (permission denied)"
    if error.errno == errno.ENAMETOOLONG:
        return "no such file (the name is too long for the file system)"
    return f"cannot be read ({error.strerror or error})"


def _read_file(name: str) -> bytes:
    """The bytes of the regular file ``name``: checked before it is opened (a FIFO is never
    opened, so never waited on; a device never read), opened without blocking and checked
    again (it may have been replaced meanwhile), then read up to :data:`MAX_BYTES`.

    Raises:
        ScenarioError: with one problem saying why the file cannot be read.
    """

    def refuse(problem: str) -> ScenarioError:
        return ScenarioError(name, [problem])

    try:
        info = os.stat(name)
    except FileNotFoundError as error:
        if name.strip() != name:
            raise refuse("no such file (the path starts or ends with a space)") from None
        raise refuse(_os_problem(error)) from None
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    except ValueError:  # a NUL character in the path
        raise refuse("no such file (the path holds a NUL character)") from None
    problem = _kind_problem(info.st_mode)
    if problem is None and info.st_size > MAX_BYTES:
        problem = f"is {info.st_size:,} bytes, over {_CAP}"
    if problem:
        raise refuse(problem)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    try:
        problem = _kind_problem(os.fstat(fd).st_mode)
        if problem:
            raise refuse(problem)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
        raise refuse(_TOO_LARGE)
    except OSError as error:
        raise refuse(_os_problem(error)) from None
    finally:
        os.close(fd)


def _read_stdin() -> bytes:
    """Standard input to its end, at most :data:`MAX_BYTES` (more than that is not read).

    Raises:
        ScenarioError: standard input is closed, cannot be read, or holds more.
    """
    stream = sys.stdin
    if stream is None:
        raise ScenarioError(STDIN, ["standard input is closed; redirect a file to it"])
    source = getattr(stream, "buffer", stream)
    try:
        data = source.read(MAX_BYTES + 1)
    except OSError as error:
        raise ScenarioError(STDIN, [_os_problem(error)]) from None
    except ValueError:  # a closed stream
        raise ScenarioError(STDIN, ["standard input is closed; redirect a file to it"]) from None
    if data is None:  # non-blocking, and nothing written yet
        raise ScenarioError(STDIN, ["nothing to read yet (standard input is non-blocking)"])
    if isinstance(data, str):  # a text stream without a buffer
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > MAX_BYTES:
        raise ScenarioError(STDIN, [_TOO_LARGE])
    return bytes(data)


def _where(data: bytes, offset: int) -> str:
    """``line L, column C`` of the byte at ``offset`` (columns count characters)."""
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, column {column}"


_UTF8 = "; save the file as UTF-8"


def _decode(data: bytes) -> str:
    """The text of a scenario: UTF-8, with or without a byte-order mark (dropped).

    Raises:
        ValueError: one line naming the problem: a UTF-16 or UTF-32 byte-order mark, a NUL
            byte (binary data, or UTF-16 without a mark), a byte that is not UTF-8 (Latin-1,
            Windows-1252...), each with its line and column.
    """
    import codecs

    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ValueError("is UTF-32 text (it starts with a UTF-32 byte-order mark)" + _UTF8)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError("is UTF-16 text (it starts with a UTF-16 byte-order mark)" + _UTF8)
    data = data.removeprefix(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    binary = "holds a NUL byte at {}: binary data, or UTF-16 text, not a TOML file" + _UTF8
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if 0 <= nul < error.start:
            raise ValueError(binary.format(_where(data, nul))) from None
        raise ValueError(
            f"is not UTF-8 text: byte 0x{data[error.start]:02X} at "
            f"{_where(data, error.start)} is not UTF-8 (Latin-1 or Windows-1252 text?)" + _UTF8
        ) from None
    if nul >= 0:
        raise ValueError(binary.format(_where(data, nul)))
    return text


_KEY = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_KEY_RUN = re.compile(
    rf"(?:^[ \t]*+\[?\[?|[{{,])[ \t]*+({_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})*+)", re.MULTILINE
)
"""A key where TOML allows one (at the start of a line, in a table header, in an inline table),
with its dotted parts; possessive, so the scan is linear."""


def _long_key(text: str) -> str | None:
    """Where ``text`` has a dotted key of over :data:`MAX_KEY_PARTS` parts, or ``None``."""
    for match in _KEY_RUN.finditer(text):
        run = match[1]
        if len(run) > 2 * MAX_KEY_PARTS and len(re.findall(_KEY, run)) > MAX_KEY_PARTS:
            return f"line {text.count(chr(10), 0, match.start(1)) + 1}"
    return None


def read(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and parse a scenario file: the one place a scenario is read.

    ``path`` is a regular file, or the string ``-`` for standard input (a :class:`Path`
    named ``-`` is a file); at most :data:`MAX_BYTES` are read. The text is UTF-8, with or
    without a byte-order mark.

    Raises:
        ScenarioError: with one problem: an empty path; missing, a directory, a device, a
            FIFO or a socket (refused before it is opened: nothing blocks or reads for ever),
            unreadable, over :data:`MAX_BYTES`, not UTF-8 (the byte, line and column),
            empty, not TOML (line and column), or nested too deeply.
    """
    name = os.fspath(path)
    if not name.strip():
        raise ScenarioError(
            name, ["an empty path; give a scenario file's path, or - for standard input"]
        )
    data = _read_stdin() if name == STDIN and isinstance(path, str) else _read_file(name)
    try:
        text = _decode(data)
    except ValueError as error:
        raise ScenarioError(name, [str(error)]) from None
    if not text.strip():
        raise ScenarioError(name, ["is empty; start from 'offshoring scenario init'"])
    where = _long_key(text)
    if where is not None:
        raise ScenarioError(
            name,
            [f"has a dotted key of over {MAX_KEY_PARTS} parts at {where}; a scenario's have a few"],
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(name, [f"TOML syntax error: {error}"]) from None
    except RecursionError:
        raise ScenarioError(
            name,
            [
                "is nested too deeply to read (arrays or tables inside each other hundreds "
                "of levels deep); a scenario nests a few levels at most"
            ],
        ) from None
    except ValueError:  # an integer of thousands of digits (int's conversion limit)
        raise ScenarioError(
            name, ["holds a number thousands of digits long; values are at most 1e18"]
        ) from None


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
