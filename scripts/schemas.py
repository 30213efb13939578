"""Regenerate (or check) the JSON Schemas shipped in ``offshoring_cli/schemas/``.

One file per name that ``offshoring schema NAME`` accepts (``SCHEMAS`` in
``offshoring_cli/cli/files.py``): ``scenario.schema.json`` from
:func:`offshoring_cli.scenario.model.json_schema`, and ``{command}.schema.json`` generated from
the command's row records (:data:`DOCUMENTS`: the row and inputs ``TypedDict`` of each report,
:mod:`offshoring_cli.core.fields`): the JSON types from the annotations, the descriptions from
each :class:`~offshoring_cli.core.fields.Field`, the constraints from
:class:`~offshoring_cli.core.fields.Schema`. Each is a Draft 2020-12 schema (``"$schema"`` set,
no ``"$id"``), written as ``json.dumps(schema, indent=2, sort_keys=True)`` plus a newline, so
that regenerating unchanged records changes no byte.

pydantic writes the bounds of a constrained union (``Annotated[int | float, Field(gt=0)]``, as
the scenario format's values are) as ``gt``/``ge``/``lt``/``le``, which JSON Schema does not
know, and a validator would silently ignore; they are rewritten here as ``exclusiveMinimum``,
``minimum``, ``exclusiveMaximum`` and ``maximum``.

Run ``python scripts/schemas.py`` after changing a model; ``--check`` writes nothing and exits 1
if a file is missing, out of date or left over (``tests/test_schemas.py`` runs it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "offshoring_cli" / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

if str(ROOT) not in sys.path:  # import this checkout's package, not another installed copy
    sys.path.insert(0, str(ROOT))

_KEYWORDS = {"gt": "exclusiveMinimum", "ge": "minimum", "lt": "exclusiveMaximum", "le": "maximum"}
"""pydantic's names of numeric bounds, and the JSON Schema keywords they mean."""

_SCHEMA_MAPS = ("$defs", "properties", "patternProperties", "dependentSchemas")
"""Keywords whose value maps names to subschemas (the names are not keywords)."""
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = (
    "additionalProperties",
    "contains",
    "else",
    "if",
    "items",
    "not",
    "propertyNames",
    "then",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def standard_keywords(schema: Any) -> Any:
    """``schema`` with pydantic's ``gt``/``ge``/``lt``/``le`` rewritten as JSON Schema
    keywords, in every subschema (property names are left alone)."""
    if not isinstance(schema, dict):
        return schema
    fixed: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _KEYWORDS:
            fixed[_KEYWORDS[key]] = value
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            fixed[key] = {name: standard_keywords(sub) for name, sub in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            fixed[key] = [standard_keywords(sub) for sub in value]
        elif key in _SCHEMA_VALUES:
            fixed[key] = standard_keywords(value)
        else:
            fixed[key] = value
    return fixed


# --- output schemas from the row records --------------------------------------------------------

_SIMPLE = {int: "integer", float: "number", str: "string", bool: "boolean", NoneType: "null"}


def type_schema(annotation: Any) -> dict[str, Any]:
    """The JSON Schema of a Python annotation: ``int``, ``float``, ``str``, ``bool``, ``None``,
    ``int | float`` (a number), unions, ``list[T]``, ``dict[str, T]``, a ``TypedDict`` (an
    object of exactly its keys), and ``Annotated[T, Schema(...)]`` (T's schema plus keywords)."""
    from offshoring_cli.core.fields import Schema, as_typing, is_row

    if is_row(annotation):
        return record_schema(annotation)
    annotation = as_typing(annotation)
    origin = get_origin(annotation)
    if origin is Annotated:
        schema = type_schema(annotation.__origin__)
        for meta in annotation.__metadata__:
            if isinstance(meta, Schema):
                schema = _add(schema, meta.keywords)
        return schema
    if annotation in _SIMPLE:
        return {"type": _SIMPLE[annotation]}
    if origin in (Union, UnionType):
        options = get_args(annotation)
        if set(options) == {int, float}:
            return {"type": "number"}
        return {"anyOf": [type_schema(option) for option in options]}
    if origin is list:
        return {"type": "array", "items": type_schema(get_args(annotation)[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": type_schema(get_args(annotation)[1])}
    raise TypeError(f"no JSON Schema for {annotation!r}")


def _add(schema: dict[str, Any], keywords: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``keywords``; on a nullable schema, they go to its non-null branch."""
    if "anyOf" in schema and {"type": "null"} in schema["anyOf"]:
        return {
            "anyOf": [
                option if option == {"type": "null"} else _add(option, keywords)
                for option in schema["anyOf"]
            ]
        }
    if keywords.get("type") == "number" and schema.get("type") == "number":
        keywords = {k: v for k, v in keywords.items() if k != "type"}
    return schema | keywords


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    options = [o for o in schema.get("anyOf", [schema]) if o != {"type": "null"}]
    return options[0] if len(options) == 1 else {"anyOf": options}


def record_schema(record: type, title: str = "") -> dict[str, Any]:
    """An object schema from a row record (``TypedDict``): every key required, no other key;
    a ``columns`` field as pattern properties; ``null_unless`` / ``given_if`` as conditions."""
    from offshoring_cli.core.fields import Schema, fields_of

    properties: dict[str, Any] = {}
    patterns: dict[str, Any] = {}
    conditions: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for field in fields_of(record):
        annotation = record.__annotations__[field.key]
        prop = type_schema(annotation)
        if field.columns:
            keywords = {
                k: v
                for m in annotation.__metadata__
                if isinstance(m, Schema)
                for k, v in m.keywords.items()
            }
            value = dict(prop["additionalProperties"])
            if field.description:
                value["description"] = field.description
            patterns[keywords["pattern"]] = value
            continue
        if field.description:
            prop["description"] = field.description
        properties[field.key] = prop
        if field.given_if:
            conditions.setdefault(field.given_if, ({}, {}))[0][field.key] = _not_null(prop)
        if field.null_unless:
            conditions.setdefault(field.null_unless, ({}, {}))[1][field.key] = {"type": "null"}
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if title:
        schema["title"] = title
    if record.__doc__:
        schema["description"] = " ".join(record.__doc__.split())
    schema["required"] = list(properties)
    schema["additionalProperties"] = False
    if patterns:
        schema["patternProperties"] = patterns
        schema["minProperties"] = len(properties) + 1
    rules = [
        {
            "if": {"properties": {flag: {"const": True}}},
            "then": {"properties": given},
            "else": {"properties": null},
        }
        for flag, (given, null) in conditions.items()
    ]
    if rules:
        schema["allOf"] = rules
    return schema


def document_schema(
    command: str,
    row: type,
    inputs: type,
    insights: tuple[type, ...] | None = None,
    explained: bool = True,
    may_be_empty: bool = False,
) -> dict[str, Any]:
    """The schema of one command's JSON document: the envelope around its rows
    (``may_be_empty``: results and sources may be empty, as ``scenario diff``'s when nothing
    changed)."""
    from offshoring_cli.core.fields import fields_of
    from offshoring_cli.reports import SCHEMA_VERSION, SourceEntry
    from offshoring_cli.reports.provenance import Provenance

    computed = any(f.method for f in fields_of(row))
    methods: dict[str, Any] = {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "description": "How each result key is computed, by key (a formula or a reference).",
    }
    if not computed:
        methods |= {"maxProperties": 0, "description": "Always empty: nothing is computed."}
    explanation: dict[str, Any] = {
        "type": "array",
        "items": {"type": "string"},
        "description": "With --explain only: each formula with the numbers put in, one a line.",
    }
    if not explained:
        explanation |= {
            "maxItems": 0,
            "description": "With --explain only, and then empty: there is no formula to show.",
        }
    properties: dict[str, Any] = {
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "Version of the output format; goes up on any breaking change.",
        },
        "command": {"const": command, "description": "The command that wrote the document."},
        "provenance": record_schema(Provenance),
        "inputs": record_schema(inputs)
        | {"description": "What the results were computed from (options left out are null)."},
        "results": {
            "type": "array",
            "minItems": 0 if may_be_empty else 1,
            "items": record_schema(row),
        },
        "methods": methods,
    }
    required = list(properties)
    if insights is not None:
        properties["insights"] = {
            "type": "array",
            "items": {"anyOf": [record_schema(shape) for shape in insights]},
            "description": "What a reader should not miss; an empty list when there is none.",
        }
        required.append("insights")
    properties["notes"] = {
        "type": "array",
        "items": {"type": "string"},
        "description": "What a reader should know, one sentence each.",
    }
    properties["sources"] = {
        "type": "object",
        "minProperties": 0 if may_be_empty else 1,
        "additionalProperties": record_schema(SourceEntry),
        "description": "The cited sources, by source id, in order of first mention.",
    }
    properties["explanation"] = explanation
    required += ["notes", "sources"]
    return {
        "title": f"offshoring {command.replace('-', ' ')} --json",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def documents() -> dict[str, dict[str, Any]]:
    """Each command's document schema, by schema name (``offshoring schema NAME``)."""
    from offshoring_cli.reports.dataset import IndicatorRow, ScenarioShowInputs
    from offshoring_cli.reports.diff_rows import DiffInputs, DiffRow
    from offshoring_cli.reports.gap import GapInputs, GapRow
    from offshoring_cli.reports.growth import CagrInputs, CagrRow
    from offshoring_cli.reports.insight_rows import INSIGHTS
    from offshoring_cli.reports.project import ProjectInputs, ProjectRow
    from offshoring_cli.reports.segments import SegmentRow, SegmentsInputs
    from offshoring_cli.reports.sensitivity import SensitivityInputs, SensitivityRow
    from offshoring_cli.reports.status_row import StatusInputs, StatusRow
    from offshoring_cli.reports.trajectory import TrajectoryInputs, TrajectoryRow

    sensitivity = document_schema("sensitivity", SensitivityRow, SensitivityInputs)
    # sensitivity takes --years, never --target-year
    sensitivity["properties"]["inputs"]["properties"]["target_year"] = {
        "type": "null",
        "description": "Always null: sensitivity takes --years.",
    }
    return {
        "gap": document_schema("gap", GapRow, GapInputs),
        "cagr": document_schema("cagr", CagrRow, CagrInputs),
        "status": document_schema("status", StatusRow, StatusInputs, INSIGHTS),
        "trajectory": document_schema("trajectory", TrajectoryRow, TrajectoryInputs),
        "project": document_schema("project", ProjectRow, ProjectInputs),
        "sensitivity": sensitivity,
        "segments": document_schema("segments", SegmentRow, SegmentsInputs),
        "scenario-show": document_schema(
            "scenario-show", IndicatorRow, ScenarioShowInputs, explained=False
        ),
        "scenario-diff": document_schema("scenario-diff", DiffRow, DiffInputs, may_be_empty=True),
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every shipped schema, by name, as it belongs on disk."""
    from offshoring_cli.cli.schema import SCHEMAS
    from offshoring_cli.scenario.model import json_schema

    raw = {"scenario": json_schema()} | documents()
    if set(raw) != set(SCHEMAS):
        raise SystemExit(
            f"schemas: names {sorted(raw)} do not match SCHEMAS in cli/files.py {sorted(SCHEMAS)}"
        )
    result = {}
    for name in SCHEMAS:
        schema = standard_keywords(raw[name])
        schema.pop("$id", None)
        schema["$schema"] = DRAFT
        result[name] = schema
    return result


def texts() -> dict[str, str]:
    """Every shipped file's expected text, by file name."""
    return {
        f"{name}.schema.json": json.dumps(schema, indent=2, sort_keys=True) + "\n"
        for name, schema in schemas().items()
    }


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """File names in ``directory`` that are missing, out of date, or not expected."""
    expected = texts()
    found = {path.name: path for path in directory.glob("*.schema.json")}
    wrong = [
        name
        for name, text in expected.items()
        if name not in found or found[name].read_text(encoding="utf-8") != text
    ]
    return sorted(wrong + [name for name in found if name not in expected])


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema that changed, remove left-over ones; return the names touched."""
    directory.mkdir(parents=True, exist_ok=True)
    expected = texts()
    touched = stale(directory)
    for name in touched:
        path = directory / name
        if name in expected:
            path.write_text(expected[name], encoding="utf-8", newline="\n")
        else:
            path.unlink()
    return touched


def main(argv: list[str]) -> int:
    unknown = [arg for arg in argv if arg != "--check"]
    if unknown:
        print(f"usage: python scripts/schemas.py [--check] (unknown: {' '.join(unknown)})")
        return 2
    if "--check" in argv:
        wrong = stale()
        if wrong:
            print(
                f"JSON Schemas out of date in {SCHEMA_DIR.relative_to(ROOT)}: "
                f"{', '.join(wrong)}; run python scripts/schemas.py",
                file=sys.stderr,
            )
            return 1
        return 0
    for name in write():
        print(f"updated {SCHEMA_DIR.relative_to(ROOT) / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
