"""The Python API (``offshoring_cli.api``): docs/api.md runs as it is written, the API gives
what the command line gives, and importing the package stays light."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from typing import Any

import pytest
from helpers import ROOT, invoke_cli

from offshoring_cli import __version__, api
from offshoring_cli.errors import InputError, MissingExtra


def test_docs_api_md_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")  # a test dependency; the tool does not need it
    monkeypatch.chdir(ROOT)  # the example loads examples/jobs-2025.toml
    failures, tried = doctest.testfile(
        str(ROOT / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert tried >= 20
    assert failures == 0


def test_every_public_name_exists_and_is_documented() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in api.__all__:
        assert hasattr(api, name), name
        assert f"`{name}`" in text or f"api.{name}(" in text, name
    assert api.__version__ == __version__


@pytest.mark.parametrize(
    ("function", "command"),
    [(api.gap, "gap"), (api.cagr, "cagr"), (api.status, "status"), (api.trajectory, "trajectory")],
)
def test_the_api_gives_the_command_lines_json(function: Any, command: str) -> None:
    result = invoke_cli(command, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(json.dumps(api.to_document(function())))
    assert document == json.loads(result.stdout)


def test_a_scenario_and_overrides_through_the_api() -> None:
    update = api.load(ROOT / "examples" / "jobs-2025.toml")
    row = api.gap(update, metrics=["jobs"]).rows[0]
    # (270,000 / 160,000) ** (1 / 5) - 1 = 0.110322
    assert (row["base_year"], row["baseline"], row["periods"]) == (2025, 160_000, 5)
    assert round(row["required_cagr"], 6) == 0.110322
    overridden = api.gap(metrics=["jobs"], baselines={"jobs": 150_000}).rows[0]
    assert overridden["gap"] == 120_000  # 270,000 - 150,000
    assert overridden["baseline_source"] == "override"


def test_bad_input_raises_input_error_naming_the_argument() -> None:
    with pytest.raises(InputError, match="metrics 'hires'"):
        api.status(metrics=["hires"])
    with pytest.raises(InputError, match="growth"):
        api.project()  # neither growth nor increment


def test_to_dataframe_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(MissingExtra, match="pip install pandas"):
        api.to_dataframe(api.gap())


def test_to_dataframe_has_a_row_per_record_and_a_column_per_key() -> None:
    pytest.importorskip("pandas")
    report = api.status()
    frame = api.to_dataframe(report)
    assert list(frame.columns) == list(report.records()[0])
    # a row per published target (reading): jobs 2030 and 2026; exports 2030 on its two
    # series, and 2026 on offshoring-legacy
    assert list(frame["metric"]) == ["jobs", "jobs", "exports", "exports", "exports"]
    assert list(frame["reading"]) == [row["reading"] for row in report.rows]
    assert frame["reading"].is_unique
    assert round(float(frame.loc[0, "progress_score"]), 4) == 0.6525


@pytest.mark.slow
def test_importing_the_package_or_the_api_loads_no_heavy_library() -> None:
    code = (
        "import sys, offshoring_cli, offshoring_cli.api\n"
        "heavy = {'pandas', 'xlsxwriter', 'numpy', 'rich', 'pydantic', 'matplotlib'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
        "print(sorted(m for m in sys.modules if m.startswith('offshoring_cli.reports')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout == "[]\n[]\n"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: api.gap(metrics="jobs"), "metrics must be a list of indicator ids"),
        (lambda: api.gap(target_year="2030"), "target_year must be a year as an int"),
        (lambda: api.cagr(base_year=2024.0), "base_year must be a year"),
        (lambda: api.trajectory(baselines={"jobs": "150k"}), "baselines must be a dict"),
        (lambda: api.gap(targets=[("jobs", 1)]), "targets must be a dict"),
        (lambda: api.status(since="2022"), "since must be a year"),
        (lambda: api.project(growth="8%"), "growth must be a number"),
        (lambda: api.project(growth=True), "growth must be a number"),
        (lambda: api.sensitivity(years=2030), "years must be a list of years"),
        (lambda: api.sensitivity(changes=["10%"]), "changes must be a list of numbers"),
        (lambda: api.gap("morocco"), "dataset must be a Dataset"),
    ],
)
def test_arguments_of_the_wrong_type_are_named(call: Any, message: str) -> None:
    # before: metrics="jobs" was read letter by letter ("j" is not an indicator), and
    # target_year="2030" failed deep inside with an unrelated TypeError
    with pytest.raises(TypeError, match=message):
        call()


def test_a_float_figure_and_an_int_figure_give_the_same_gap() -> None:
    # 270,000 - 148,500 = 121,500, whether the target is given as an int or a float
    assert api.gap(targets={"jobs": 2.7e5}).rows[0]["gap"] == 121_500
    assert api.gap(targets={"jobs": 270_000}).rows[0]["gap"] == 121_500
