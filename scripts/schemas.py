"""Regenerate (or check) the JSON Schemas shipped in ``offshoring_cli/schemas/``.

One file per name that ``offshoring schema NAME`` accepts (``SCHEMAS`` in
``offshoring_cli/cli/files.py``): ``scenario.schema.json`` from
:func:`offshoring_cli.scenario.model.json_schema`, and ``{command}.schema.json`` from the document
models of :mod:`offshoring_cli.output_models`. Each is a Draft 2020-12 schema (``"$schema"``
set, no ``"$id"``), written as ``json.dumps(schema, indent=2, sort_keys=True)`` plus a newline,
so that regenerating unchanged models changes no byte.

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
from typing import Any

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


def schemas() -> dict[str, dict[str, Any]]:
    """Every shipped schema, by name, as it belongs on disk."""
    from offshoring_cli import output_models
    from offshoring_cli.cli.files import SCHEMAS
    from offshoring_cli.scenario.model import json_schema

    raw = {"scenario": json_schema()}
    raw |= {name: model.model_json_schema() for name, model in output_models.DOCUMENTS.items()}
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
