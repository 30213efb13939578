"""The fast paths stay fast: what `--json`, `--help` and `--version` import.

Every command pays for its imports at start-up (see benchmarks/startup.py for the measured
times). These tests pin the import set of the fast paths: the standard library, Click, and
this package's light modules, nothing else (no Rich, pydantic, tomlkit, matplotlib, plotext),
and not the modules of other commands.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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

CLI = {
    "offshoring_cli",
    "offshoring_cli.cli",
    "offshoring_cli.cli.commands",
    "offshoring_cli.cli.run",
    "offshoring_cli.cli.figures",
    "offshoring_cli.cli.files",
    "offshoring_cli.cli.options",
    "offshoring_cli.cli.params",
    "offshoring_cli.render",  # the format registry (names for --format; standard library only)
}
"""The package's modules ``--help`` and ``--version`` may load: the Click layer and the format
registry, not the core."""

LIGHT = {
    "offshoring_cli",
    "offshoring_cli.cli",
    "offshoring_cli.cli.commands",
    "offshoring_cli.cli.run",
    "offshoring_cli.cli.figures",
    "offshoring_cli.cli.options",
    "offshoring_cli.cli.params",
    "offshoring_cli.core",
    "offshoring_cli.core.builtin",
    "offshoring_cli.core.claims",
    "offshoring_cli.core.fields",
    "offshoring_cli.core.formulas",
    "offshoring_cli.core.methods",
    "offshoring_cli.core.records",
    "offshoring_cli.core.resolve",
    "offshoring_cli.core.results",
    "offshoring_cli.core.search",  # the year search of formulas (the year a target is reached)
    "offshoring_cli.core.untargeted",  # pure records, no import of its own beyond records
    "offshoring_cli.errors",
    "offshoring_cli.i18n",  # the language chosen (English: no gettext catalogue, no Babel)
    "offshoring_cli.render",
    "offshoring_cli.render.csv_rows",
    "offshoring_cli.render.json_document",
    "offshoring_cli.i18n.numbers",
    "offshoring_cli.render.terminal",
    "offshoring_cli.reports",
    "offshoring_cli.reports.gap",
    "offshoring_cli.reports.growth",
    "offshoring_cli.reports.memo",
    "offshoring_cli.reports.provenance",
}
"""The package's modules a fast path of ``gap`` or ``cagr`` may load: not the other commands'
modules (``cli.files``, the other reports), not the table's or Markdown's renderers."""


SCENARIO = LIGHT | {
    "offshoring_cli.scenario",
    "offshoring_cli.scenario.read",
    "offshoring_cli.scenario.cache",  # the parse cache (os, sys, marshal: nothing to import)
    "offshoring_cli.scenario.validate",
    "offshoring_cli.scenario.fast",
    "offshoring_cli.scenario.fast_values",  # the fast check's single values (fast.py's split)
    "offshoring_cli.scenario.cross_checks",
}
"""With a valid scenario file (issue 11): the light modules, and reading and the fast check of
the file; not pydantic (``scenario.model``), which only an invalid file needs."""

_SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "morocco-offshoring.toml")
_EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "jobs-2025.toml")


def imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    modules: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return set(modules)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        pytest.param(args, allowed, id=" ".join(args))
        for args, allowed in [
            (("gap", "--json"), LIGHT),
            (("cagr", "--json"), LIGHT),
            (("gap", "--format", "csv"), LIGHT),
            (("--help",), CLI),
            (("gap", "--help"), CLI),
            (("--version",), CLI),
            (("--scenario", _SEED, "gap", "--json"), SCENARIO),
            (("--scenario", _EXAMPLE, "gap", "--json"), SCENARIO),
            (("--scenario", _EXAMPLE, "cagr", "--json"), SCENARIO),
        ]
    ],
)
def test_fast_paths_import_only_the_standard_library_click_and_light_modules(
    args: tuple[str, ...], allowed: set[str]
) -> None:
    modules = imported(*args)
    third_party = {
        m.split(".")[0]
        for m in modules
        if m.split(".")[0] not in sys.stdlib_module_names and not m.startswith("_")
    }
    assert third_party <= {"click", "offshoring_cli"}, third_party
    ours = {m for m in modules if m.startswith("offshoring_cli")}
    assert ours <= allowed, ours - allowed


@pytest.mark.slow
@pytest.mark.parametrize("path", [_SEED, _EXAMPLE])
def test_a_cache_hit_imports_no_parser_and_nothing_the_built_in_path_does_not(path: str) -> None:
    # The scenario path with the file's parsed document in the cache (every run after the
    # first): not tomllib (its import alone is about 6 % of the floor), nor what the cache
    # could have used and does not (pathlib, hashlib, tempfile, zlib). What it imports beyond
    # the built-in data's path is the package's scenario modules and gc (which validate.load
    # switches off while a file is read), nothing else.
    builtin = imported("gap", "--json")
    cold = imported("--scenario", path, "gap", "--json")  # parses, fills the cache
    warm = imported("--scenario", path, "gap", "--json")
    assert {"tomllib", "tomllib._parser"} <= cold  # the control: the first run parses
    extra = {m for m in warm - builtin if not m.startswith("offshoring_cli")}
    assert extra <= {"gc"}, extra
    assert not warm & {"tomllib", "pathlib", "hashlib", "tempfile", "zlib"} - builtin
    assert "offshoring_cli.scenario.fast_toml" not in warm


@pytest.mark.slow
def test_an_invalid_scenario_loads_pydantic_to_list_its_problems() -> None:
    # The control case of the scenario path above: the full validation is still there.
    broken = str(Path(_EXAMPLE).with_name("broken.toml"))
    assert "pydantic" in imported("--scenario", broken, "gap", "--json")
    assert "pydantic" not in imported("--scenario", _EXAMPLE, "gap", "--json")


@pytest.mark.slow
def test_status_loads_its_report_module_and_gap_does_not() -> None:
    assert "offshoring_cli.reports.status" in imported("status", "--json")
    assert "offshoring_cli.reports.status" not in imported("gap", "--json")


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [("gap", "--json"), ("status", "--json"), ("gap",), ("--lang", "fr", "gap")]
)
def test_no_run_looks_for_clicks_translations(args: tuple[str, ...]) -> None:
    # Click's own help option asks gettext for its text, which imports 'locale' and looks on
    # disk for Click's catalogues ("messages") on every run, about 4 M CPU instructions; ours
    # does not. Babel (French) imports 'locale' itself, so there only the lookup is checked.
    spy = (
        "import gettext, sys; real = gettext.find\n"
        "def find(domain, *a, **k):\n"
        "    print('GETTEXT-FIND', domain, file=sys.stderr)\n"
        "    return real(domain, *a, **k)\n"
        "gettext.find = find\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", spy + PROBE, *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "148" in result.stdout, result.stderr
    assert "GETTEXT-FIND messages" not in result.stderr
    if args[0] != "--lang":
        assert "locale" not in json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.slow
def test_the_french_catalogue_is_found_without_pathlib() -> None:
    # pathlib (with urllib.parse and ipaddress) was imported only to find the catalogues'
    # folder (about 2 % of a French table's start-up) and a CSV file beside a scenario (4 %).
    # An editable install imports pathlib at start-up, so the run is made to fail on any
    # 'import pathlib' of its own instead of looking at sys.modules.
    blocked = "import sys; sys.modules['pathlib'] = None; " + PROBE
    csv = str(Path(_EXAMPLE).with_name("jobs-from-csv.toml"))  # observations from a CSV file
    for args in (
        ("--lang", "fr", "gap"),
        ("--lang", "ar", "status"),
        ("gap", "--json"),
        ("--scenario", csv, "gap", "--json"),
    ):
        result = subprocess.run(
            [sys.executable, "-c", blocked, *args], capture_output=True, text=True, check=False
        )
        assert "Error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert "270" in result.stdout  # the jobs target, in every output


@pytest.mark.slow
def test_a_table_loads_rich() -> None:
    # The guard above can fail: the table path does import Rich.
    assert "rich" in imported("gap")


def test_the_cli_lists_the_formats_render_draws() -> None:
    from offshoring_cli import render
    from offshoring_cli.cli import options

    assert options.FORMATS == render.FORMATS


@pytest.mark.slow
@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_help_and_version_load_no_core_module(args: tuple[str, ...]) -> None:
    ours = {m for m in imported(*args) if m.startswith("offshoring_cli")}
    assert ours <= CLI, ours


@pytest.mark.slow
def test_version_loads_no_command_module() -> None:
    assert {m for m in imported("--version") if m.startswith("offshoring_cli")} == {
        "offshoring_cli",
        "offshoring_cli.cli",
        "offshoring_cli.cli.commands",  # the group's class and the registry
    }


def test_the_registry_names_the_module_of_each_command() -> None:
    # A command is imported with the module _MODULES names for it: a command registered
    # elsewhere, or not listed, would never be found.
    import importlib

    from offshoring_cli.cli import commands as cli

    for name, module in cli._MODULES.items():
        defined = importlib.import_module(f"offshoring_cli.cli.{module}")
        assert callable(getattr(defined, name, None)), (name, module)
    assert set(cli._LAZY) == set(cli._MODULES) == set(cli._SUMMARY)


def test_the_registry_summaries_are_the_commands_first_docstring_lines() -> None:
    # --help lists the summaries from the registry, without importing the command modules:
    # a docstring changed without its summary would show a stale line.
    from offshoring_cli.cli import commands as cli

    for name, command in cli.all_commands().items():
        assert (command.help or "").strip().splitlines()[0] == cli._SUMMARY[name], name


def test_help_imports_no_command_module() -> None:
    ours = imported("--help")
    assert not ours & {"offshoring_cli.cli.figures", "offshoring_cli.cli.files"}, ours
    assert "offshoring_cli.cli.options" not in ours


def test_records_are_slotted_classes_equal_by_their_fields() -> None:
    # Records are plain __slots__ classes (start-up: about a tenth of a NamedTuple's import
    # cost), with value semantics: equal and hashed by their fields, in order.
    from offshoring_cli.core import records, results

    a = records.Source("P", "T", "2024-01", "https://x")
    assert not hasattr(a, "__dict__")
    assert a == records.Source("P", "T", "2024-01", "https://x")
    assert a != records.Source("P", "T", "2024-02", "https://x")
    assert hash(a) == hash(records.Source("P", "T", "2024-01", "https://x"))
    assert a.as_dict() == {"publisher": "P", "title": "T", "date": "2024-01", "url": "https://x"}
    assert list(a.as_dict()) == ["publisher", "title", "date", "url"]  # the JSON order
    assert a.replace(date="2025") == records.Source("P", "T", "2025", "https://x")
    assert a.date == "2024-01"  # replace made a copy
    assert repr(a) == "Source(publisher='P', title='T', date='2024-01', url='https://x')"
    observation = records.Observation(2024, 148_500, "s", "src")
    assert (observation.note, observation.period, observation.reported_change) == ("", "year", None)
    # A record of another class with the same values is not equal.
    growth = results.Growth(2022, 1, 2024, 4, 2, 1.0, 1.5)
    assert growth != records.Target(2022, 1, "s", "src")
    with pytest.raises(TypeError):
        a.replace(nope=1)
