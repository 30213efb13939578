"""The text grammar lives in the core (``core/grammar.py``), below the command line: the core
imports no Click and nothing of ``offshoring_cli.cli``; the year limits have one definition;
the fast paths do not even import the grammar (it loads when a value is read)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from offshoring_cli.core import grammar, records

PACKAGE = Path(grammar.__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").glob("*.py")), ids=lambda p: p.name)
def test_the_core_imports_neither_click_nor_the_command_line(path: Path) -> None:
    # resolve.py used to import offshoring_cli.cli.grammar and cli.params for two hints.
    imported = _imports(path)
    assert not {m for m in imported if m.startswith("offshoring_cli.cli")}, imported
    assert not {m for m in imported if m.split(".")[0] in {"click", "rich"}}, imported


def test_the_core_error_hints_work_without_click() -> None:
    # The two hints of resolve (a later target year; a value with a suffix) use the grammar;
    # in a fresh interpreter, neither the command line nor Click is loaded by them.
    probe = """
import json, sys
from offshoring_cli.core.resolve import Options, resolve
from offshoring_cli.errors import InputError
try:
    resolve(Options(metrics=("jobs",), base_year=2024, target_year=2024))
except InputError as error:
    message = error.template
_, warnings = resolve(Options(metrics=("exports",), baselines={"exports": 26.22}))
print(json.dumps([message, warnings, sorted(m for m in sys.modules if m.split(".")[0] in
    ("click", "offshoring_cli") and (m == "click" or ".cli" in m))]))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    message, warnings, loaded = json.loads(result.stdout)
    # 2030 = the built-in jobs target year, after the base year 2024, and a valid year.
    assert message == (
        "the target year 2024 must be after the base year 2024; "
        "give a later {target_year} (e.g. 2030)"
    )
    # 26.22 is 10^-9 of the built-in 26.22e9: the hint reads back as 26.22bn.
    assert any("did you mean 26.22bn?" in warning for warning in warnings), warnings
    assert loaded == []


def test_a_target_year_hint_is_only_given_when_the_year_is_valid() -> None:
    # Base year 2200 (the last valid year): a later target year would be 2201, refused by
    # the grammar, so the hint says to choose an earlier base year instead.
    from offshoring_cli.core.resolve import Options, resolve
    from offshoring_cli.errors import InputError

    with pytest.raises(InputError) as caught:
        resolve(Options(metrics=("jobs",), base_year=2200, target_year=2100, baselines={"jobs": 1}))
    assert caught.value.template.endswith("; choose an earlier {base_year}")


def test_the_year_limits_have_one_definition() -> None:
    from offshoring_cli.reports import Year
    from offshoring_cli.scenario.model import Year as ScenarioYear

    assert (records.FIRST_YEAR, records.LAST_YEAR) == (1900, 2200)
    assert grammar.parse_year("1900") == 1900
    assert grammar.parse_year(" 2200 ") == 2200
    with pytest.raises(
        ValueError, match=r"^'2201' is out of range; give a year from 1900 to 2200\.$"
    ):
        grammar.parse_year("2201")
    with pytest.raises(
        ValueError, match=r"^1899 is out of range; give a year from 1900 to 2200\.$"
    ):
        grammar.check_year(1899)
    with pytest.raises(ValueError, match=r"^'20x0' is not a year; give a four-digit year"):
        grammar.parse_year("20x0")
    schema = Year.__metadata__[0].keywords
    assert (schema["minimum"], schema["maximum"]) == (1900, 2200)
    (field,) = ScenarioYear.__metadata__  # pydantic's Field(ge=..., le=...)
    assert [repr(m) for m in field.metadata] == ["Ge(ge=1900)", "Le(le=2200)"]


def test_years_by_the_grammar() -> None:
    assert grammar.parse_years("2028-2030") == (2028, 2029, 2030)
    assert grammar.parse_years("2030, 2028") == (2028, 2030)  # sorted
    with pytest.raises(ValueError, match="2030 is given twice; give each year once"):
        grammar.parse_years("2030, 2028,2030")
    with pytest.raises(
        ValueError, match=r"^'2035-2028': the range runs backwards; type 2028-2035\.$"
    ):
        grammar.parse_years("2035-2028")
    with pytest.raises(ValueError, match=r"^' , ' is empty; give years such as"):
        grammar.parse_years(" , ")
    with pytest.raises(ValueError, match="out of range"):
        grammar.parse_years("2199-2201")


def test_valid_suggestion_catches_the_parsers_errors_only() -> None:
    assert grammar.valid_suggestion("26.22", grammar.parse_rate) is None  # 26.22 > 1: refused
    assert grammar.valid_suggestion("8%", grammar.parse_rate) == "8%"

    def broken(text: str) -> object:
        raise KeyError(text)

    with pytest.raises(KeyError):  # a bug in a parser is not taken for refused input
        grammar.valid_suggestion("x", broken)


def test_a_quantity_is_a_slotted_record() -> None:
    quantity = grammar.parse_quantity("15k jobs", "", signed=True)
    assert quantity == grammar.Quantity(15_000, "jobs", "15k jobs")
    assert not hasattr(quantity, "__dict__")
    assert grammar.Quantity(1, "") == grammar.Quantity(1, "", "")


PROBE = """
import json, sys
from offshoring_cli.cli import main
sys.argv = ["offshoring", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "loads"),
    [
        (("gap", "--json"), False),
        (("status", "--json"), False),
        (("--help",), False),
        (("gap", "--help"), False),
        (("gap", "--json", "--jobs-baseline", "150k"), True),  # a value to read
        (("gap", "--json", "--target-year", "2031"), True),
    ],
)
def test_the_grammar_loads_only_when_a_value_is_read(args: tuple[str, ...], loads: bool) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    modules = json.loads(result.stderr.strip().splitlines()[-1])
    assert ("offshoring_cli.core.grammar" in modules) is loads
