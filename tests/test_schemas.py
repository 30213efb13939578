"""The shipped JSON Schemas: up to date, valid, printed as shipped, and true to the output.

Every command's real ``--json`` output (defaults, overrides, edge cases, ``--explain``, a
scenario of another sector) validates against its schema (generated from the row records); the seeds
scenario validates against the scenario schema; and broken documents are rejected, so that a
schema that accepts anything would fail here.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from offshoring_cli.cli.schema import SCHEMAS
from offshoring_cli.scenario import validate

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "schemas.py"
SCHEMA_DIR = ROOT / "offshoring_cli" / "schemas"
SEEDS = ROOT / "seeds" / "morocco-offshoring.toml"
EXAMPLE = ROOT / "examples" / "jobs-2025.toml"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
COMMANDS = [name for name in SCHEMAS if name != "scenario"]

Document = dict[str, Any]


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def problems(name: str, document: Any) -> list[str]:
    """Every schema error, as ``path: message`` (empty: valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]


def script_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("schemas_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------
# (a) the shipped files are what scripts/schemas.py writes


@pytest.mark.slow
def test_shipped_schemas_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_check_finds_changed_missing_and_left_over_files(tmp_path: Path) -> None:
    module = script_module()
    copy_dir = tmp_path / "schemas"
    shutil.copytree(SCHEMA_DIR, copy_dir)
    assert module.stale(copy_dir) == []
    gap = copy_dir / "gap.schema.json"
    gap.write_text(gap.read_text(encoding="utf-8").replace('"gap"', '"gapp"'), encoding="utf-8")
    (copy_dir / "cagr.schema.json").unlink()
    (copy_dir / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert module.stale(copy_dir) == ["cagr.schema.json", "gap.schema.json", "old.schema.json"]
    module.write(copy_dir)
    assert module.stale(copy_dir) == []
    assert sorted(p.name for p in copy_dir.iterdir()) == sorted(
        f"{name}.schema.json" for name in SCHEMAS
    )


def test_pydantic_bounds_become_json_schema_keywords() -> None:
    fix = script_module().standard_keywords
    given = {
        "properties": {"gt": {"anyOf": [{"type": "integer"}, {"type": "number"}], "gt": 0}},
        "$defs": {"M": {"type": "number", "le": 5, "ge": 1, "lt": 9}},
        "items": {"gt": 2},
    }
    assert fix(given) == {
        "properties": {
            "gt": {"anyOf": [{"type": "integer"}, {"type": "number"}], "exclusiveMinimum": 0}
        },
        "$defs": {"M": {"type": "number", "maximum": 5, "minimum": 1, "exclusiveMaximum": 9}},
        "items": {"exclusiveMinimum": 2},
    }


# ---------------------------------------------------------------------------------------------
# (b) every schema is a valid Draft 2020-12 schema


def test_one_file_per_schema_name() -> None:
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(
        f"{name}.schema.json" for name in SCHEMAS
    )
    assert sorted(script_module().documents()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = schema(name)
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == DRAFT
    assert "$id" not in document
    assert document["type"] == "object"
    assert document["additionalProperties"] is False
    assert document["title"]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_schema_names_its_command(name: str) -> None:
    properties = schema(name)["properties"]
    assert properties["command"]["const"] == name
    assert properties["schema_version"]["const"] == 1
    # status always lists its insights (possibly none); no other command has them
    extra = {"insights"} if name == "status" else set()
    assert (
        set(schema(name)["required"])
        == {
            "schema_version",
            "command",
            "provenance",
            "inputs",
            "results",
            "methods",
            "notes",
            "sources",
        }
        | extra
    )


# ---------------------------------------------------------------------------------------------
# (c) the CLI's --json output validates against its schema

SCENARIO_TOML = """\
scenario_version = 1
name = "test-sector"
description = "A made-up sector for the schema tests."

[sources.src-a]
publisher = "Test publisher"
title = "Made-up figures"
date = "2025-06"
url = "https://example.invalid/figures"

[[indicators]]
id = "energy"
label = "Renewable output"
unit = "GWh"
target = {year = 2032, value = 900, series = "grid", source = "src-a", described_multiple = 3.0}

[[indicators.observations]]
year = 2021
value = 250
series = "grid"
source = "src-a"

[[indicators.observations]]
year = 2023
period = "H2"
value = 150
series = "grid"
source = "src-a"

[[indicators.observations]]
year = 2024
value = 310.5
series = "grid"
source = "src-a"

[[indicators.observations]]
year = 2024
period = "H2"
value = 160
series = "grid"
source = "src-a"

[[indicators]]
id = "plants"
label = "Coal plants"
unit = "plants"
direction = "decrease"
target = {year = 2030, value = 20, series = "census", source = "src-a"}

[[indicators.observations]]
year = 2024
value = 35
series = "census"
source = "src-a"

[segments]
indicator = "energy"
year = 2024

[[segments.items]]
id = "solar"
label = "Solar"
value = 200.5
change = 0.1
source = "src-a"

[[segments.items]]
id = "wind"
label = "Wind"
value = 100
prior = 120
source = "src-a"

[[segments.items]]
id = "hydro"
label = "Hydro"
value = 80
source = "src-a"
"""


@pytest.fixture(scope="module")
def scenario_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("scenario") / "sector.toml"
    path.write_text(SCENARIO_TOML, encoding="utf-8")
    return str(path)


Probe = Callable[[Document], bool]


def _rows(document: Document, **match: Any) -> list[dict[str, Any]]:
    return [r for r in document["results"] if all(r.get(k) == v for k, v in match.items())]


def _insight_ids(document: Document) -> set[str]:
    return {item["id"] for item in document.get("insights", [])}


def _everything(document: Document) -> bool:
    return True


OVERRIDES = ["--jobs-baseline", "100", "--jobs-target", "200", "--base-year", "2020"]
OVERRIDES += ["--target-year", "2030", "-m", "jobs"]

# (schema name, arguments, probe): the probe checks that the case still exercises what it is
# there for (a null, a band, an absent key), so that a case cannot quietly become ordinary.
CASES: list[tuple[str, list[str], Probe]] = [
    ("gap", ["gap"], lambda d: len(d["results"]) == 2),
    ("gap", ["gap", "--explain"], lambda d: len(d["explanation"]) > 0),
    (
        "gap",
        ["gap", "-m", "jobs", "--base-year", "2022"],
        lambda d: d["inputs"]["base_year"] == 2022,
    ),
    (
        "gap",
        ["gap", *OVERRIDES],
        lambda d: d["results"][0]["baseline_source"] == "override" and "override" in d["sources"],
    ),
    (
        "gap",
        ["gap", "--exports-baseline", "26.5bn", "--exports-target", "45.25bn", "-m", "exports"],
        lambda d: set(d["inputs"]["overrides"]) == {"exports_baseline", "exports_target"},
    ),
    ("gap", ["gap", "--jobs-target", "100k"], lambda d: _rows(d, metric="jobs")[0]["gap"] < 0),
    ("cagr", ["cagr"], lambda d: all(r["actual_cagr"] is not None for r in d["results"])),
    ("cagr", ["cagr", "--explain"], lambda d: len(d["explanation"]) > 0),
    (
        "cagr",
        ["cagr", "--base-year", "2022", "-m", "jobs"],
        lambda d: d["results"][0]["actual_cagr"] is None,
    ),
    (
        "cagr",
        ["cagr", "--jobs-target", "148500", "-m", "jobs"],
        lambda d: d["results"][0]["actual_to_required_cagr"] is None,
    ),
    (
        "cagr",
        ["cagr", *OVERRIDES],
        lambda d: d["results"][0]["actual_cagr"] is None,
    ),
    (
        "status",
        ["status"],
        lambda d: (
            _insight_ids(d)
            == {
                "exports_target_multiple",
                "exports_per_job",
                "exports_half_year_momentum",
                "jobs_recent_pace",
            }
        ),
    ),
    ("status", ["status", "--explain"], lambda d: len(d["explanation"]) > 0),
    (
        "status",
        ["status", "--base-year", "2022", "-m", "jobs"],
        lambda d: d["results"][0]["assessed"] is False,
    ),
    (
        "status",
        ["status", "--jobs-target", "100k"],
        lambda d: _rows(d, metric="jobs")[0]["growth_ratio_band"] == "achieved",
    ),
    ("status", ["status", "-m", "jobs"], lambda d: _insight_ids(d) == {"jobs_recent_pace"}),
    ("status", ["status", "-m", "jobs", "--base-year", "2022"], lambda d: d["insights"] == []),
    (
        "status",
        ["status", "--jobs-target", "130000", "-m", "jobs"],
        lambda d: (
            d["results"][0]["growth_ratio"] is None and d["results"][0]["progress_score"] is None
        ),
    ),
    (
        "status",
        ["status", "--since", "2022", "--jobs-baseline", "100k", "-m", "jobs"],
        lambda d: (
            d["results"][0]["growth_ratio_band"] == "moving away"
            and d["results"][0]["target_reached_year"] is None
        ),
    ),
    (
        "status",
        ["status", "-m", "exports", "--target-year", "2035", "--exports-target", "40bn"],
        lambda d: d["inputs"]["target_year"] == 2035 and "exports_per_job" not in _insight_ids(d),
    ),
    ("trajectory", ["trajectory"], lambda d: len(_rows(d, metric="jobs", year=2023)) == 1),
    ("trajectory", ["trajectory", "--explain", "-m", "exports"], _everything),
    (
        "trajectory",
        ["trajectory", *OVERRIDES],
        lambda d: all(r["actual_pace_path"] is None for r in d["results"]),
    ),
    (
        "project",
        ["project", "--growth", "8%"],
        lambda d: all(r["increment_per_year"] is None for r in d["results"]),
    ),
    (
        "project",
        ["project", "--increment", "15k", "-m", "jobs"],
        lambda d: d["results"][0]["growth_rate"] is None,
    ),
    (
        "project",
        ["project", "--growth", "0%"],
        lambda d: all(r["target_reached_year"] is None for r in d["results"]),
    ),
    (
        "project",
        ["project", "--growth", "0.05", "--until", "2035", "-m", "exports", "--explain"],
        lambda d: d["results"][0]["until_year"] == 2035,
    ),
    (
        "project",
        ["project", "--increment", "-50k", "-m", "jobs"],
        lambda d: d["results"][0]["value_at_until_year"] < 0,
    ),
    (
        "sensitivity",
        ["sensitivity"],
        lambda d: "required_cagr_target_minus_20pct" in d["results"][0],
    ),
    ("sensitivity", ["sensitivity", "--explain"], lambda d: len(d["explanation"]) > 0),
    (
        "sensitivity",
        ["sensitivity", "-m", "jobs", "--years", "2030,2032", "--changes", "0,-10%,12.5%"],
        lambda d: "required_cagr_target_plus_12_5pct" in d["results"][0],
    ),
    (
        "sensitivity",
        ["sensitivity", "-m", "jobs", "--years", "2030", "--changes", "0.001%,1000%"],
        lambda d: "required_cagr_target_plus_1000pct" in d["results"][0],
    ),
    (
        "sensitivity",
        ["sensitivity", "--base-year", "2022", "-m", "jobs", "--jobs-target", "300k"],
        lambda d: d["inputs"]["target_year"] is None,
    ),
    ("segments", ["segments"], lambda d: d["inputs"]["adds_up_within_rounding"] is True),
    ("segments", ["segments", "--explain"], lambda d: len(d["explanation"]) > 0),
    ("scenario-show", ["scenario", "show"], lambda d: d["inputs"]["origin"] == "built-in"),
    ("scenario-show", ["scenario", "show", "--json"], lambda d: "explanation" not in d),
    (
        "scenario-show",
        ["scenario", "show", str(SEEDS)],
        lambda d: d["inputs"]["origin"] == str(SEEDS),
    ),
    (
        "scenario-diff",
        ["scenario", "diff", str(SEEDS), str(EXAMPLE)],
        lambda d: {r["topic"] for r in d["results"]} == {"source", "observation", "figure"},
    ),
    (
        "scenario-diff",
        ["scenario", "diff", str(SEEDS), str(SEEDS)],
        lambda d: d["results"] == [] and d["sources"] == {} and not d["inputs"]["changed"],
    ),
    (
        "scenario-diff",
        ["scenario", "diff", str(SEEDS), str(EXAMPLE), "--explain"],
        lambda d: len(d["explanation"]) > 0,
    ),
]

# The same, on a scenario of another sector ({scenario} is its path): a decrease wanted, a
# single observation, a described multiple without another series, an H2 momentum with no
# reported change, segments that do not add up.
SCENARIO_CASES: list[tuple[str, list[str], Probe]] = [
    ("gap", ["gap", "--explain"], lambda d: d["inputs"]["dataset"] == "test-sector"),
    ("cagr", ["cagr"], lambda d: _rows(d, metric="plants")[0]["actual_cagr"] is None),
    (
        "status",
        ["status", "--explain"],
        lambda d: (
            _rows(d, metric="plants")[0]["assessed"] is False
            and _insight_ids(d) == {"energy_target_multiple", "energy_half_year_momentum"}
        ),
    ),
    ("trajectory", ["trajectory"], lambda d: _rows(d, metric="energy", year=2022) != []),
    ("project", ["project", "--increment", "40", "-m", "energy"], _everything),
    ("sensitivity", ["sensitivity", "--years", "2029-2031"], lambda d: len(d["results"]) == 6),
    ("segments", ["segments"], lambda d: d["inputs"]["adds_up_within_rounding"] is False),
    ("scenario-show", ["scenario", "show"], lambda d: _rows(d, metric="plants") != []),
    ("scenario-show", ["scenario", "show", "{scenario}"], lambda d: len(d["results"]) == 2),
    (
        "scenario-diff",
        ["scenario", "diff", str(SEEDS), "{scenario}"],
        lambda d: (
            {r["change"] for r in d["results"] if r["topic"] == "indicator"} == {"added", "removed"}
        ),
    ),
]


def _case_id(case: tuple[str, list[str], Probe]) -> str:
    return " ".join(case[1])


def _check_output(run: Any, name: str, args: list[str], probe: Probe) -> None:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    document: Document = json.loads(result.stdout)
    assert document["command"] == name
    assert problems(name, document) == []
    assert probe(document), "the case no longer exercises what it is there for"


@pytest.mark.parametrize(("name", "args", "probe"), CASES, ids=[_case_id(c) for c in CASES])
def test_json_output_validates(run: Any, name: str, args: list[str], probe: Probe) -> None:
    _check_output(run, name, args, probe)


@pytest.mark.parametrize(
    ("name", "args", "probe"), SCENARIO_CASES, ids=[_case_id(c) for c in SCENARIO_CASES]
)
def test_json_output_on_a_scenario_validates(
    run: Any, scenario_path: str, name: str, args: list[str], probe: Probe
) -> None:
    args = [arg.replace("{scenario}", scenario_path) for arg in args]
    _check_output(run, name, ["--scenario", scenario_path, *args], probe)


def test_every_command_schema_is_exercised() -> None:
    assert {name for name, _, _ in CASES} == set(COMMANDS)
    assert {name for name, _, _ in SCENARIO_CASES} == set(COMMANDS)


# ---------------------------------------------------------------------------------------------
# (d) 'offshoring schema NAME' prints exactly the shipped file


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_command_prints_the_shipped_file(run: Any, name: str) -> None:
    result = run("schema", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# (e) the seeds scenario validates; broken scenarios do not


def _seed_document(run: Any) -> dict[str, Any]:
    result = run("scenario", "init")
    assert result.exit_code == 0, result.stderr
    return tomllib.loads(result.stdout)


def test_seeds_scenario_validates(run: Any) -> None:
    assert problems("scenario", _seed_document(run)) == []


@pytest.mark.parametrize(
    "path",
    [SEEDS, *sorted(p for p in ROOT.glob("examples/*.toml") if p.name != "broken.toml")],
    ids=lambda p: p.name,
)
def test_repository_scenario_file_validates(path: Path) -> None:
    assert problems("scenario", tomllib.loads(path.read_text(encoding="utf-8"))) == []


def test_test_scenario_validates() -> None:
    assert problems("scenario", tomllib.loads(SCENARIO_TOML)) == []


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        for key in path[:-1]:
            document = document[key]
        document[path[-1]] = value

    return change


def _delete(key: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        del document[key]

    return change


# (name, change, where the error is, the failing keyword, whether the loader refuses it too)
BrokenScenario = tuple[str, Callable[[dict[str, Any]], None], list[Any], str, bool]
BROKEN_SCENARIOS: list[BrokenScenario] = [
    ("unknown top-level key", _set(["colour"], "blue"), [], "additionalProperties", True),
    (
        "unknown indicator key",
        _set(["indicators", 0, "lable"], "Jobs"),
        ["indicators", 0],
        "additionalProperties",
        True,
    ),
    (
        "observation value 0",
        _set(["indicators", 0, "observations", 0, "value"], 0),
        ["indicators", 0, "observations", 0, "value"],
        "minimum",  # from 1e-6 (1 for an integer), as on the command line
        True,
    ),
    (
        "negative target",
        _set(["indicators", 1, "target", "value"], -40e9),
        ["indicators", 1, "target", "value"],
        "minimum",  # from 1e-6 (1 for an integer), as on the command line
        True,
    ),
    (
        "segment value over 1e18",
        _set(["segments", "items", 0, "value"], 2e18),
        ["segments", "items", 0, "value"],
        "maximum",
        True,
    ),
    ("missing name", _delete("name"), [], "required", True),
    ("scenario_version 2", _set(["scenario_version"], 2), ["scenario_version"], "const", True),
    (
        "value as text",
        _set(["indicators", 0, "target", "value"], "270000"),
        ["indicators", 0, "target", "value"],
        "anyOf",
        False,  # the loader (pydantic, lax mode) reads "270000" as 270000: see the report
    ),
]


@pytest.mark.parametrize(
    ("change", "where", "keyword", "loader_too"),
    [case[1:] for case in BROKEN_SCENARIOS],
    ids=[case[0] for case in BROKEN_SCENARIOS],
)
def test_broken_scenario_is_rejected(
    run: Any,
    change: Callable[[dict[str, Any]], None],
    where: list[Any],
    keyword: str,
    loader_too: bool,
) -> None:
    document = _seed_document(run)
    change(document)
    errors = list(validator("scenario").iter_errors(document))
    assert len(errors) == 1, problems("scenario", document)
    error = best_match(errors)  # into anyOf (segments: a table or null) for the real cause
    # A value is int or float: both branches of the anyOf refuse it, each with ``keyword``.
    causes = {e.validator for e in error.context} if error.validator == "anyOf" else set()
    assert list(error.absolute_path) == where
    assert error.validator == keyword or causes == {keyword}, (error.validator, causes)
    if loader_too:
        dataset, _ = validate.check(document)
        assert dataset is None


# ---------------------------------------------------------------------------------------------
# (f) the output schemas reject what the output never holds


@cache
def _output(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "offshoring_cli", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def real(*args: str) -> Document:
    document: Document = json.loads(_output(*args))
    return document


def _row(index: int, key: str, value: Any) -> Callable[[Document], None]:
    return _set(["results", index, key], value)


def _drop_row_key(key: str) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        del document["results"][0][key]

    return change


def _only_fixed_sensitivity_keys(document: Document) -> None:
    row = document["results"][0]
    for key in [k for k in row if k.startswith("required_cagr_")]:
        del row[key]


# (schema name, command, change): each change makes a real document invalid.
BROKEN_OUTPUTS: list[tuple[str, str, tuple[str, ...], Callable[[Document], None]]] = [
    ("number as text", "gap", ("gap",), _row(0, "baseline", "148500")),
    ("rate as text", "gap", ("gap",), _row(1, "required_cagr", "7.29 %")),
    ("null rate", "gap", ("gap",), _row(0, "required_cagr", None)),
    ("year as float", "gap", ("gap",), _row(0, "base_year", 2024.5)),
    ("flag as text", "gap", ("gap",), _row(0, "already_met", "false")),
    ("unknown row key", "gap", ("gap",), _row(0, "gap_pct", 81.8)),
    ("missing row key", "gap", ("gap",), _drop_row_key("periods")),
    ("no rows", "gap", ("gap",), _set(["results"], [])),
    ("schema_version 2", "gap", ("gap",), _set(["schema_version"], 2)),
    ("another command", "gap", ("gap",), _set(["command"], "cagr")),
    ("insights outside status", "gap", ("gap",), _set(["insights"], [])),
    ("null explanation", "gap", ("gap",), _set(["explanation"], None)),
    ("unknown override", "gap", ("gap",), _set(["inputs", "overrides", "jobs_basline"], 1)),
    ("zero override", "gap", ("gap",), _set(["inputs", "overrides", "jobs_target"], 0)),
    ("source without url", "gap", ("gap",), _set(["sources", "nap-2026"], {"publisher": "x"})),
    ("periods as text", "cagr", ("cagr",), _row(0, "actual_periods", "2")),
    ("unknown band", "status", ("status",), _row(0, "growth_ratio_band", "fine")),
    ("progress band as R band", "status", ("status",), _row(0, "progress_band", "moving away")),
    ("assessed row with a null", "status", ("status",), _row(0, "actual_cagr", None)),
    (
        "not assessed, not null",
        "status",
        ("status", "--base-year", "2022", "-m", "jobs"),
        # not actual_cagr: an indicator without a target gives its growth there, unassessed
        _row(0, "required_cagr_from_base", 0.05),
    ),
    ("no insights key", "status", ("status",), _delete("insights")),
    ("insight id not an id", "status", ("status",), _set(["insights", 1, "id"], "Jobs per export")),
    ("momentum H3", "status", ("status",), _set(["insights", 2, "period"], "H3")),
    ("path as text", "trajectory", ("trajectory",), _row(3, "linear_path", "168,750")),
    (
        "reached year as float",
        "project",
        ("project", "--growth", "8%"),
        _row(0, "target_reached_year", 2032.5),
    ),
    ("growth of -100 %", "project", ("project", "--growth", "8%"), _row(0, "growth_rate", -1.0)),
    (
        "misspelt change column",
        "sensitivity",
        ("sensitivity",),
        _row(0, "required_cagr_target_plus_10percent", 0.1),
    ),
    ("no change column", "sensitivity", ("sensitivity",), _only_fixed_sensitivity_keys),
    (
        "sensitivity target year",
        "sensitivity",
        ("sensitivity",),
        _set(["inputs", "target_year"], 2030),
    ),
    ("zero share", "segments", ("segments",), _row(0, "share", 0)),
    ("years as text", "scenario-show", ("scenario", "show"), _row(0, "years", "2022, 2024")),
    ("unknown direction", "scenario-show", ("scenario", "show"), _row(0, "direction", "up")),
    ("a method", "scenario-show", ("scenario", "show"), _set(["methods", "x"], "y")),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "args", "change"),
    [case[1:] for case in BROKEN_OUTPUTS],
    ids=[case[0] for case in BROKEN_OUTPUTS],
)
def test_broken_output_is_rejected(
    name: str, args: tuple[str, ...], change: Callable[[Document], None]
) -> None:
    document = real(*args)
    assert problems(name, document) == []
    broken = copy.deepcopy(document)
    change(broken)
    assert broken != document
    assert problems(name, broken) != []


@pytest.mark.slow
def test_gap_document_with_a_string_for_a_number_is_rejected() -> None:
    document = real("gap")
    document["results"][0]["gap"] = "121,500"
    errors = list(validator("gap").iter_errors(document))
    assert [list(e.absolute_path) for e in errors] == [["results", 0, "gap"]]
    assert "'121,500' is not of type 'number'" in errors[0].message


# ---------------------------------------------------------------------------------------------
# (g) one record per report row: every field labelled and kinded, a misspelt key a type error

ROW_TYPES = [
    ("offshoring_cli.reports.gap", "GapRow"),
    ("offshoring_cli.reports.growth", "CagrRow"),
    ("offshoring_cli.reports.status_row", "StatusRow"),
    ("offshoring_cli.reports.trajectory", "TrajectoryRow"),
    ("offshoring_cli.reports.project", "ProjectRow"),
    ("offshoring_cli.reports.sensitivity", "SensitivityRow"),
    ("offshoring_cli.reports.segments", "SegmentRow"),
    ("offshoring_cli.reports.dataset", "IndicatorRow"),
    ("offshoring_cli.reports.diff_rows", "DiffRow"),
]


@pytest.mark.parametrize(("module", "name"), ROW_TYPES, ids=[n for _, n in ROW_TYPES])
def test_every_row_field_has_a_label_and_a_kind(module: str, name: str) -> None:
    import importlib

    from offshoring_cli.core.fields import KINDS, fields_of

    row_type = getattr(importlib.import_module(module), name)
    fields = fields_of(row_type)
    assert [f.key for f in fields] == list(row_type.__annotations__)
    for field in fields:
        assert field.label.strip(), field.key
        assert field.kind in KINDS, (field.key, field.kind)
        assert field.description.strip(), field.key  # the schema describes every key


def test_a_field_without_a_field_is_refused() -> None:
    from typing import TypedDict

    from offshoring_cli.core.fields import fields_of

    class Bare(TypedDict):
        value: int

    with pytest.raises(TypeError, match=r"Bare\.value has no Field"):
        fields_of(Bare)


@pytest.mark.slow
def test_methods_in_json_come_from_the_row_fields() -> None:
    # gap's methods: one per field that gives one, in the row's order (periods first)
    document = real("gap")
    assert list(document["methods"]) == [
        "periods",
        "gap",
        "gap_relative",
        "target_multiple",
        "linear_increment_per_year",
        "required_cagr",
    ]
    assert document["methods"]["gap"] == "target - baseline"
    assert list(real("sensitivity")["methods"]) == ["required_cagr_*"]
    assert real("scenario", "show")["methods"] == {}


@pytest.mark.slow
def test_bands_are_written_from_the_thresholds() -> None:
    from offshoring_cli.core import methods

    # status' JSON method text, the brief's note and the schema all come from the tables
    assert methods.GROWTH_RATIO_BAND_METHOD == (
        "achieved if the target is met; R >= 0.95 on track; 0.60 <= R < 0.95 acceleration "
        "needed; 0 <= R < 0.60 limited progress; R < 0 moving away"
    )
    assert "Q >= 0.95 on track; 0.10-0.95 fair progress" in methods.BRIEF_METHODS[3]
    assert real("status")["methods"]["progress_band"] == methods.PROGRESS_BAND_METHOD
    band = schema("status")["properties"]["results"]["items"]["properties"]["growth_ratio_band"]
    assert band["anyOf"][0]["enum"] == [
        "achieved",
        "on track",
        "acceleration needed",
        "limited progress",
        "moving away",
    ]


@pytest.mark.slow
def test_a_misspelt_row_key_is_a_type_error() -> None:
    from mypy import api

    snippet = (
        "from offshoring_cli.reports.gap import GapRow\n"
        "def f(row: GapRow) -> float:\n"
        "    return row['required_cagrr']\n"
        "def g() -> None:\n"
        "    GapRow(metric='jobs', gapp=1)  # type: ignore[call-arg]\n"
    )
    stdout, _, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir=/dev/null", "-c", snippet]
    )
    assert status == 1, stdout
    assert '"GapRow" has no key "required_cagrr"' in stdout, stdout


def test_row_classes_at_run_time_keep_what_typing_would() -> None:
    # Row modules use core.fields' light stand-ins of TypedDict and Annotated at run time:
    # the same keys in the same order (bases first), the Field and Schema metadata flattened
    # as typing flattens nested Annotated, and a row is a plain dict.
    from typing import Annotated as TypingAnnotated
    from typing import get_args, get_origin

    from offshoring_cli.core.fields import (
        VALUE,
        Annotated,
        Field,
        Schema,
        TypedDict,
        as_typing,
        fields_of,
        is_row,
    )
    from offshoring_cli.reports import HeadRow
    from offshoring_cli.reports.gap import GapRow

    assert list(GapRow.__annotations__)[: len(HeadRow.__annotations__)] == list(
        HeadRow.__annotations__
    )
    assert [f.key for f in fields_of(GapRow)] == list(GapRow.__annotations__)
    row = GapRow(metric="jobs")  # type: ignore[typeddict-item]
    assert type(row) is dict and row == {"metric": "jobs"}
    assert is_row(GapRow) and not is_row(dict) and not is_row(TypedDict)

    schema = Schema(minimum=1)
    field = Field("Periods", VALUE)
    inner = Annotated[int, schema]
    outer = Annotated[inner | None, field]  # type: ignore[operator,unused-ignore]
    real = as_typing(outer)
    assert get_origin(real) is TypingAnnotated
    assert real.__metadata__ == (field,)
    nullable = get_args(real)[0]
    assert get_args(nullable) == (TypingAnnotated[int, schema], type(None))


def test_row_classes_with_two_bases_keep_typings_key_order() -> None:
    # StatusRow(StatusFigures, StatusPace): the figures' keys first, as typing's TypedDict
    # orders them (the range and Open SDG rows once opened the status table).
    from typing import TypedDict as TypingTypedDict

    from offshoring_cli.core.fields import TypedDict
    from offshoring_cli.reports.status_pace import StatusPace
    from offshoring_cli.reports.status_row import StatusFigures, StatusRow

    class A(TypedDict):
        a: int

    class B(TypedDict):
        b: int

    class AB(A, B):
        c: int

    class RealA(TypingTypedDict):
        a: int

    class RealB(TypingTypedDict):
        b: int

    class RealAB(RealA, RealB):
        c: int

    assert list(AB.__annotations__) == list(RealAB.__annotations__) == ["a", "b", "c"]
    keys = list(StatusRow.__annotations__)
    assert keys[: len(StatusFigures.__annotations__)] == list(StatusFigures.__annotations__)
    assert keys[-len(StatusPace.__annotations__) :] == list(StatusPace.__annotations__)
