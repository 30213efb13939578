"""Validating parsed TOML as a scenario: the dataset, or every problem found at once.

Each problem is one line with its key path (``indicators[0].observations[2].value: must be
greater than 0``), listed in the order of the format: each field's type and range (pydantic,
:mod:`~offshoring_cli.scenario.model`), whole numbers for counts, then what needs the whole
file (ids, duplicates, series, segments).
"""

from __future__ import annotations

import functools
import math
import os
import re
from typing import TYPE_CHECKING, Any

from offshoring_cli.core import records
from offshoring_cli.scenario import SCENARIO_VERSION, STDIN, ScenarioError
from offshoring_cli.scenario.read import read

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError


MAX_VALUES = 10_000
"""The most values (table keys and array items, all levels) the full validation reads at once:
about 38 times the built-in dataset's 260. It bounds the work of listing the problems of a
hostile file. A valid file of any size (up to :data:`~offshoring_cli.scenario.read.MAX_BYTES`)
takes the fast path, which is linear; an invalid file over this size has the problems of its
first :data:`~offshoring_cli.scenario.large.LISTED_INDICATORS` indicators with problems
listed (:mod:`~offshoring_cli.scenario.large`)."""


_BARE_KEY = r"[A-Za-z0-9_-]+"
_INSIGHT_KINDS = ("ratio", "claim")


def _path_of(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a key path: ``indicators[0].observations[2].value``.

    A key that is not a bare TOML key (a dot, a space, a control character...) is quoted, as
    Python quotes it, so that the path stays one unambiguous line: ``sources['a b']``."""
    text = ""
    for at, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in {"int", "float", "[key]"} or part.startswith(("constrained-", "function-")):
            continue  # union branches, validator names and key markers are not keys
        elif part in _INSIGHT_KINDS and at + 1 < len(loc) and loc[:1] == ("insights",):
            continue  # the insight's kind, by which pydantic picked its model
        elif re.fullmatch(_BARE_KEY, part):
            text += ("." if text else "") + part
        else:
            text += f"[{part!r}]"
    return text or "(top level)"


def _field_problems(error: ValidationError) -> dict[str, list[str]]:
    """The problems, by key path, as sentences of ours
    (:func:`~offshoring_cli.scenario.problems.pydantic_message`). A number checked against
    both branches of ``int | float`` fails twice; the branch that merely says "not an int" (or
    "not a float") is dropped when the other says more."""
    from offshoring_cli.scenario.problems import pydantic_message, wrong_type

    by_place: dict[str, list[tuple[str, str]]] = {}
    for item in error.errors():
        by_place.setdefault(_path_of(tuple(item["loc"])), []).append(
            (item["type"], pydantic_message(item, SCENARIO_VERSION))
        )
    inputs = {_path_of(tuple(item["loc"])): item.get("input") for item in error.errors()}
    problems: dict[str, list[str]] = {}
    for where, found in by_place.items():
        specific = [m for kind, m in found if kind not in {"int_type", "float_type"}]
        if not specific:
            kinds = {kind for kind, _ in found}
            wrong = wrong_type(where, inputs.get(where), kinds)
            if wrong is not None:
                specific = [wrong]
        problems[where] = list(dict.fromkeys(specific or [m for _, m in found]))
    return problems


@functools.cache
def _field_ranks() -> dict[str, int]:
    """Every key of the format, ranked in the models' order (scenario_version first)."""
    from offshoring_cli.scenario.model import ScenarioModel

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
    from pydantic import BaseModel

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
    (value and prior) of an indicator whose unit counts things (:func:`records.is_count`), as
    the command line wants a whole number of jobs. Reads the parsed TOML as it is, so that
    these problems are listed with pydantic's; anything of an unexpected shape is left to
    pydantic."""
    found: dict[str, str] = {}

    def check(where: str, value: Any, unit: str) -> None:
        if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
            from offshoring_cli.scenario.problems import not_whole

            found[where] = not_whole(value, unit)

    indicators = data.get("indicators")
    counts: dict[str, str] = {}
    for i, ind in enumerate(indicators if isinstance(indicators, list) else []):
        unit = ind.get("unit") if isinstance(ind, dict) else None
        if not isinstance(unit, str) or not records.is_count(unit):
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
        targets = ind.get("other_targets")
        for k, item in enumerate(targets if isinstance(targets, list) else []):
            if isinstance(item, dict):
                check(f"indicators[{i}].other_targets[{k}].value", item.get("value"), unit)
    segments = data.get("segments")
    of = segments.get("indicator") if isinstance(segments, dict) else None
    if isinstance(segments, dict) and isinstance(of, str) and of in counts:
        unit = counts[segments["indicator"]]
        items = segments.get("items")
        for k, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                for key in ("value", "prior"):
                    check(f"segments.items[{k}].{key}", item.get(key), unit)
    splits = data.get("other_segments")
    for n, split in enumerate(splits if isinstance(splits, list) else []):
        of = split.get("indicator") if isinstance(split, dict) else None
        if not isinstance(of, str) or of not in counts:
            continue  # not text: pydantic names it (a list is not a key of counts)
        items = split.get("items")
        for k, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                for key in ("value", "prior"):
                    check(
                        f"other_segments[{n}].items[{k}].{key}",
                        item.get(key),
                        counts[split["indicator"]],
                    )
    return found


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


def check(
    data: dict[str, Any], base: str | None = None
) -> tuple[records.Dataset | None, list[str]]:
    """Validate parsed TOML: the dataset, or ``None`` and every problem found, one line each
    (``key.path: what is wrong``): each field's type and range (values from 1e-6 to 1e18,
    whole numbers for counts, text without control characters), then what needs the whole
    file (ids, duplicates, series, segments).

    A valid file takes the fast path (:func:`offshoring_cli.scenario.fast.dataset`, no
    pydantic); anything it does not accept is validated in full with the pydantic models.

    An indicator's ``observations_csv`` is read first
    (:mod:`~offshoring_cli.scenario.csv_observations`), relative to the folder of ``base``,
    the scenario file's path (the current folder when ``None``: standard input); a problem of
    an observation read from CSV names the file, line and column instead of a key path."""
    indicators = data.get("indicators") if isinstance(data, dict) else None
    origins: dict[int, Any] = {}
    read_problems: list[str] = []
    if isinstance(indicators, list) and any(
        isinstance(ind, dict) and "observations_csv" in ind for ind in indicators
    ):
        from offshoring_cli.scenario import csv_observations

        data, origins, read_problems = csv_observations.attach(data, base)
    from offshoring_cli.scenario import fast

    quick = None if read_problems else fast.dataset(data)
    if quick is not None:
        return quick, []
    if _too_many_values(data):
        from offshoring_cli.scenario.large import large_check

        dataset, problems = large_check(data)
    else:
        dataset, problems = full_check(data)
    if origins or read_problems:
        from offshoring_cli.scenario import csv_observations, csv_places

        problems = csv_places.in_file_order(read_problems + csv_places.locate(problems, origins))
    return (None, problems) if problems else (dataset, [])


def full_check(data: dict[str, Any]) -> tuple[records.Dataset | None, list[str]]:
    """:func:`check` without the fast path: every value through the pydantic models."""
    from pydantic import ValidationError

    from offshoring_cli.scenario.cross_checks import _cross_problems
    from offshoring_cli.scenario.from_model import dataset
    from offshoring_cli.scenario.model import ScenarioModel
    from offshoring_cli.scenario.problems import problem

    counts = _count_problems(data)
    try:
        model = ScenarioModel.model_validate(data)
    except ValidationError as error:
        fields = _field_problems(error)
        for where, message in counts.items():
            fields.setdefault(where, [message])  # a value already refused is refused once
        ordered = sorted(fields.items(), key=lambda item: _file_order(item[0]))
        return None, [problem(where, message) for where, found in ordered for message in found]
    problems: list[str] = [problem(where, message) for where, message in counts.items()]
    problems += _cross_problems(model)
    return (None, problems) if problems else (dataset(model), [])


def load(path: str | os.PathLike[str]) -> records.Dataset:
    """Read, validate and return the dataset of a scenario file. Writes nothing but the
    file's parse cache entry (:mod:`~offshoring_cli.scenario.cache`).

    Raises:
        ScenarioError: the file cannot be read, is not TOML, or is not a valid scenario;
            ``problems`` lists every problem.
    """
    name = os.fspath(path)
    base = None if name == STDIN and isinstance(path, str) else name
    import gc

    collecting = gc.isenabled()
    gc.disable()  # a large file makes a million containers, none of them in a cycle: the
    try:  # cyclic collector would walk them again and again (about 12 % of the time)
        dataset, problems = check(read(path), base)
    finally:
        if collecting:
            gc.enable()
    if dataset is None:
        raise ScenarioError(name, problems)
    return dataset
