"""``offshoring workbook``: a live workbook whose formulas give the tool's figures.

The formulas are evaluated by a formula engine (pycel) on a copy saved without cached results
(openpyxl keeps the formulas, drops the values), so that every figure checked here was
computed by the spreadsheet, not stored by the tool; then an input is edited and the figures
follow. LibreOffice (where installed) recalculates the workbook and shows no error cell.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import error_line, installed, invoke_cli, seed, toml, write
from pycel import ExcelCompiler

from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.core.resolve import Options
from offshoring_cli.render.workbook import to_xlsx
from offshoring_cli.render.workbook_formulas import TEMPLATES
from offshoring_cli.reports import workbook as content

REPORTS = {"gap": "gap", "cagr": "cagr", "status": "status", "trajectory": "trajectory"}
"""Each computing sheet's role and the command whose JSON it must agree with."""


def builtin_xlsx() -> bytes:
    return to_xlsx(content.build(Options(dataset=BUILTIN)))


def recomputed(data: bytes, tmp_path: Path, edit: Any = None) -> ExcelCompiler:
    """A formula engine on ``data`` saved again by openpyxl (formulas kept, cached results
    dropped), after ``edit(workbook)`` if given."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    if edit is not None:
        edit(book)
    path = tmp_path / "recomputed.xlsx"
    book.save(path)
    check = openpyxl.load_workbook(path, data_only=True)
    assert check["Gap"]["N2"].value is None  # no cached result left: the engine computes
    return ExcelCompiler(filename=str(path))


def tool_json(*args: str) -> dict[str, Any]:
    import json

    result = invoke_cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def assert_matches(got: Any, expected: Any, where: str) -> None:
    if expected is None:
        assert got in ("", None), f"{where}: {got!r}, expected empty"
    elif isinstance(expected, bool | str):
        assert got == expected, f"{where}: {got!r} != {expected!r}"
    else:
        assert isinstance(got, int | float) and not isinstance(got, bool), f"{where}: {got!r}"
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=0), f"{where}: {got} != {expected}"


def computed_cells(sheet_role: str) -> list[tuple[str, int]]:
    """The computed columns of a sheet: (key, 0-based column)."""
    keys = list(TEMPLATES[sheet_role])
    return [(key, i) for i, key in enumerate(keys) if TEMPLATES[sheet_role][key] is not None]


def column(i: int) -> str:
    from offshoring_cli.render.workbook import _letter

    return _letter(i)


def compare_with_the_tool(engine: ExcelCompiler, *scenario: str) -> int:
    """Every computed cell against the tool's JSON (``--scenario FILE`` if given); the count."""
    checked = 0
    for role, command in REPORTS.items():
        sheet = content.SHEETS[role]
        records = tool_json(*scenario, command)["results"]
        if role == "status":  # a row per reading (published target), matched by its name
            keys = list(TEMPLATES["status"])
            name = column(keys.index("reading"))
            readings = {r["reading"]: r for r in records}
            assert len(readings) == len(records)
            on_sheet = [
                engine.evaluate(f"{sheet}!{name}{row}") for row in range(2, len(records) + 2)
            ]
            assert sorted(on_sheet) == sorted(readings)
            assert engine.evaluate(f"{sheet}!{name}{len(records) + 2}") in ("", None)
            records = [readings[n] for n in on_sheet]
        for row, record in enumerate(records, start=2):
            for key, i in computed_cells(role):
                got = engine.evaluate(f"{sheet}!{column(i)}{row}")
                assert_matches(got, record[key], f"{sheet}!{column(i)}{row} ({key})")
                checked += 1
    return checked


def test_every_formula_evaluates_to_the_tools_json(tmp_path: Path) -> None:
    checked = compare_with_the_tool(recomputed(builtin_xlsx(), tmp_path))
    # gap: 11 computed columns x 2 metrics; cagr 13 x 2; trajectory 4 x 17 rows; status 17 x 5
    # readings (jobs, jobs 2026, exports, exports and exports 2026 on offshoring-legacy)
    assert checked == 22 + 26 + 85 + 68


def test_the_figures_that_must_not_change(tmp_path: Path) -> None:
    engine = recomputed(builtin_xlsx(), tmp_path)
    # jobs: 270,000 - 148,500 = 121,500 over 6 years: 20,250 a year; (270/148.5)^(1/6) - 1
    assert engine.evaluate("Gap!J2") == 121_500
    assert engine.evaluate("Gap!M2") == 20_250
    assert round(engine.evaluate("Gap!N2"), 6) == 0.104773
    # exports: 40 - 26.22 = 13.78 bn MAD; (40/26.22)^(1/6) - 1 = 0.072930
    assert engine.evaluate("Gap!J3") == 13_780_000_000
    assert round(engine.evaluate("Gap!N3"), 6) == 0.072930
    # jobs 2022 -> 2024: (148.5/130)^(1/2) - 1 = 0.068788; R 0.7191, Q 0.6525, reached 2033
    assert round(engine.evaluate("Growth!O2"), 6) == 0.068788
    assert round(engine.evaluate("Status!O2"), 4) == 0.7191
    assert round(engine.evaluate("Status!S2"), 4) == 0.6525
    assert engine.evaluate("Status!U2") == 2033
    assert engine.evaluate("Status!P2") == "acceleration needed"
    # exports on its main series (the final target's): 26.22 bn in 2024 -> 40 bn in 2030
    assert [engine.evaluate(f"Gap!{c}3") for c in "DEFGH"] == [
        "digital-outsourcing",
        2024,
        26_220_000_000,
        2030,
        40_000_000_000,
    ]


def test_the_inputs_list_every_published_target_and_status_assesses_each(
    tmp_path: Path,
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(builtin_xlsx()))
    inputs = book["Inputs"]
    targets = [
        (r[0], r[2], r[3], r[4])
        for r in inputs.iter_rows(min_row=2, values_only=True)
        if r[1] == "target"
    ]
    assert targets == [
        ("jobs", 2030, 270_000, "offshoring-employment"),
        ("jobs", 2026, 190_000, "offshoring-employment"),
        ("exports", 2030, 40_000_000_000, "digital-outsourcing"),
        ("exports", 2030, 40_000_000_000, "offshoring-legacy"),
        ("exports", 2026, 25_000_000_000, "offshoring-legacy"),
    ]
    engine = recomputed(builtin_xlsx(), tmp_path)
    # Status: columns D series, E since year, G latest year, I target year, J target, O R,
    # V the reading
    rows = [
        tuple(engine.evaluate(f"Status!{c}{row}") for c in ("D", "E", "G", "I", "J", "V"))
        for row in range(2, 7)
    ]
    assert rows == [
        ("offshoring-employment", 2022, 2024, 2030, 270_000, "jobs"),
        ("offshoring-employment", 2022, 2024, 2026, 190_000, "jobs 2026"),
        ("digital-outsourcing", 2023, 2024, 2030, 40_000_000_000, "exports"),
        ("offshoring-legacy", 2018, 2023, 2030, 40_000_000_000, "exports (offshoring-legacy)"),
        ("offshoring-legacy", 2018, 2023, 2026, 25_000_000_000, "exports 2026 (offshoring-legacy)"),
    ]
    # jobs 2026: required from 2022 = (190,000 / 130,000) ** (1 / 4) - 1 = 1.461538 ** 0.25 - 1
    # = 0.099519; R = 0.068788 / 0.099519 = 0.6912
    assert round(engine.evaluate("Status!O3"), 4) == 0.6912


def _add_jobs_2025(book: Any) -> None:
    inputs = book["Inputs"]
    row = inputs.max_row + 1
    for i, value in enumerate(
        ("jobs", "observation", 2025, 160_000, "offshoring-employment", "year", "mine")
    ):
        inputs.cell(row=row, column=i + 1, value=value)


def test_an_added_2025_row_moves_the_baseline_and_every_figure(tmp_path: Path) -> None:
    engine = recomputed(builtin_xlsx(), tmp_path, _add_jobs_2025)
    assert engine.evaluate("Gap!E2") == 2025
    assert engine.evaluate("Gap!F2") == 160_000
    assert engine.evaluate("Gap!I2") == 5
    # (270,000 / 160,000) ** (1 / 5) - 1 = 1.6875 ** 0.2 - 1 = 0.110322
    assert round(engine.evaluate("Gap!N2"), 6) == 0.110322
    assert engine.evaluate("Gap!M2") == 22_000  # (270,000 - 160,000) / 5
    assert round(engine.evaluate("Growth!J2"), 6) == 0.110322
    # actual growth 2022 -> 2025: (160,000 / 130,000) ** (1/3) - 1 = exp(ln(1.230769) / 3) - 1
    # = exp(0.069213) - 1 = 0.071665
    assert round(engine.evaluate("Growth!O2"), 6) == 0.071665
    assert engine.evaluate("Status!G2") == 2025
    # the trajectory's compound path starts from the new baseline in 2025 (row 2022 is 2)
    assert engine.evaluate("Trajectory!D5") == 160_000  # observed 2025
    assert engine.evaluate("Trajectory!E5") == 160_000
    assert engine.evaluate("Trajectory!E4") == ""  # 2024: before the new base year
    # exports are untouched
    assert round(engine.evaluate("Gap!N3"), 6) == 0.072930
    # and every figure is the tool's on the scenario that adds the same row
    example = str(Path(__file__).resolve().parent.parent / "examples" / "jobs-2025.toml")
    assert compare_with_the_tool(engine, "--scenario", example) > 100


def test_a_changed_2024_baseline_updates_every_figure(tmp_path: Path) -> None:
    def edit(book: Any) -> None:
        inputs = book["Inputs"]
        row = next(
            r
            for r in range(2, inputs.max_row + 1)
            if (inputs.cell(r, 1).value, inputs.cell(r, 3).value) == ("jobs", 2024)
        )
        inputs.cell(row=row, column=4, value=150_000)

    engine = recomputed(builtin_xlsx(), tmp_path, edit)
    assert engine.evaluate("Gap!J2") == 120_000  # 270,000 - 150,000
    assert engine.evaluate("Gap!M2") == 20_000  # / 6
    # (270,000 / 150,000) ** (1/6) - 1 = 1.8 ** (1/6) - 1 = 0.102924
    assert round(engine.evaluate("Gap!N2"), 6) == 0.102924
    # status: actual 2022 -> 2024 = (150/130) ** 0.5 - 1 = 0.074172
    assert round(engine.evaluate("Status!L2"), 6) == 0.074172


def test_the_workbook_is_formatted_frozen_linked_and_explained() -> None:
    book = openpyxl.load_workbook(io.BytesIO(builtin_xlsx()))
    assert book.sheetnames == [
        "Inputs",
        "Gap",
        "Growth",
        "Status",
        "Trajectory",
        "Sources",
        "Methods",
    ]
    gap = book["Gap"]
    assert gap.freeze_panes == "B2"
    assert book["Inputs"].freeze_panes == "A2"
    assert gap["F2"].number_format == "#,##0"  # baseline
    assert gap["N2"].number_format == "0.00%"  # required CAGR
    assert gap["N2"].value.startswith("=") and "MAXIFS" not in gap["N2"].value
    assert "MAXIFS" in gap["E2"].value
    assert gap.column_dimensions["B"].width >= len("Offshoring service exports")
    sources = book["Sources"]
    assert sources["E2"].hyperlink is not None
    assert sources["E2"].hyperlink.target.startswith("https://")
    methods = book["Methods"]
    words = [methods.cell(r, 3).value for r in range(2, methods.max_row + 1)]
    assert any("Open SDG" in str(w) for w in words)
    provenance = "Made with offshoring-cli "
    texts = [str(c.value) for sheet in (sources, methods) for row in sheet.iter_rows() for c in row]
    assert sum(provenance in t for t in texts) == 2
    assert provenance in book.properties.description


def test_same_inputs_give_the_same_bytes() -> None:
    assert builtin_xlsx() == builtin_xlsx()


def test_scenario_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    data = seed()
    data["indicators"][0]["label"] = '=HYPERLINK("http://example.com","x")'
    data["indicators"][0]["observations"][0]["note"] = "+1 derived"
    first_source = next(iter(data["sources"]))
    data["sources"][first_source]["title"] = "@SUM(A1)"
    path = write(tmp_path, toml(data))
    out = tmp_path / "s.xlsx"
    result = invoke_cli("--scenario", str(path), "workbook", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    planted = [
        c for c in cells if isinstance(c.value, str) and c.value.startswith(("=HYP", "+1", "@SUM"))
    ]
    assert len(planted) >= 3
    assert all(c.data_type == "s" for c in planted)  # text, never a formula
    csv = invoke_cli("--scenario", str(path), "status", "--format", "csv")
    assert csv.exit_code == 0, csv.stderr
    assert "'=HYPERLINK" in csv.stdout  # CSV: prefixed with a quote, read as text


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("x.csv", "a workbook is written as .xlsx; name the file"),
        ("missing/x.xlsx", "does not exist"),
    ],
)
def test_bad_outputs_are_refused_before_any_work(tmp_path: Path, name: str, fragment: str) -> None:
    result = invoke_cli("workbook", "--output", str(tmp_path / name))
    assert result.exit_code == 2
    assert fragment in error_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "w.xlsx"
    out.write_bytes(b"mine")
    result = invoke_cli("workbook", "--output", str(out))
    assert result.exit_code == 2
    assert "already exists; pass --force to overwrite it" in error_line(result.stderr)
    assert out.read_bytes() == b"mine"
    forced = invoke_cli("workbook", "--output", str(out), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert out.read_bytes() == builtin_xlsx()


def test_an_unwritable_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    real_access = os.access
    # as any user but root finds it (root may write anywhere)
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )
    try:
        result = invoke_cli("workbook", "--output", str(folder / "w.xlsx"))
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 2
    assert "cannot be written" in error_line(result.stderr)


@pytest.mark.slow
def test_the_installed_command_writes_to_a_pipe_and_refuses_a_terminal(tmp_path: Path) -> None:
    proc, _ = installed("workbook", "--output", "-")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == builtin_xlsx()  # byte for byte what the API draws
    master, slave = os.openpty()
    try:
        done = subprocess.run(
            [*_command(), "workbook", "--output", "-"],
            stdout=slave,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 2
    assert "is a terminal, and a workbook is binary" in error_line(done.stderr.decode())


def _command() -> list[str]:
    from conftest import offshoring_command

    return offshoring_command()


@pytest.mark.slow
def test_libreoffice_recalculates_it_without_an_error_cell(tmp_path: Path) -> None:
    """LibreOffice, made to recalculate on load, on a copy whose cached results are all 0:
    the right figures can only come from its own evaluation of the formulas."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("LibreOffice (soffice) and pdftotext are not installed")
    import re
    import zipfile

    zeroed = tmp_path / "zeroed.xlsx"
    with zipfile.ZipFile(io.BytesIO(builtin_xlsx())) as src, zipfile.ZipFile(zeroed, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1<v>0</v>", data)
            out.writestr(info, data)
    profile = tmp_path / "profile" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><oor:items '
        'xmlns:oor="http://openoffice.org/2001/registry">'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
        '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>'
        "</oor:items>",
        encoding="utf-8",
    )
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(zeroed)],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "zeroed.pdf"), "-"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    for error in ("#NAME?", "#VALUE!", "Err:", "#DIV/0!", "#REF!", "#N/A"):
        assert error not in text
    # and the other published targets: jobs 2026 R 0.6912, exports (offshoring-legacy) R 1.0084
    for figure in ("121,500", "10.48%", "0.7191", "acceleration needed", "2033", "221,348",
                   "13,780,000,000", "7.29%", "0.6912", "1.0084"):  # fmt: skip
        assert figure in text


def _decrease(data: dict[str, Any]) -> None:
    jobs = data["indicators"][0]
    jobs["direction"] = "decrease"  # 160,000 in 2022, 148,500 in 2024, to 100,000 by 2030
    jobs["target"]["value"] = 100_000
    jobs["observations"][0]["value"] = 160_000


def _one_exports_observation(data: dict[str, Any]) -> None:
    exports = data["indicators"][1]
    exports["observations"] = [
        o
        for o in exports["observations"]
        if not (o["year"] == 2023 and o["series"] == "digital-outsourcing")
    ]  # 2024 alone: no actual growth, status not assessed


def _met(data: dict[str, Any]) -> None:
    data["indicators"][0]["target"]["value"] = 140_000  # below the 148,500 of 2024


def _two_interims_oldest_first(data: dict[str, Any]) -> None:
    # jobs: interim targets 2026 then 2028, listed oldest first: the rows come in that order
    # (after the final 2030 one), each still assesses its own year
    data["indicators"][0]["other_targets"].append(
        {"year": 2028, "value": 230_000, "series": "offshoring-employment", "source": "nap-2026"}
    )


@pytest.mark.parametrize(
    "change", [_decrease, _one_exports_observation, _met, _two_interims_oldest_first]
)
def test_the_formulas_follow_the_tool_on_edge_datasets(tmp_path: Path, change: Any) -> None:
    """A decrease wanted, a series with one observation, a target already met: the blanks
    and the comparisons of the formulas are the tool's."""
    from offshoring_cli.scenario.validate import load

    data = seed()
    change(data)
    path = write(tmp_path, toml(data))
    xlsx = to_xlsx(content.build(Options(dataset=load(path))))
    assert compare_with_the_tool(recomputed(xlsx, tmp_path), "--scenario", str(path)) > 140
