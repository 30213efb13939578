"""``trajectory --json`` and ``--format csv`` written as the rows are made (issue 11: 56,000 rows
for 1,000 indicators): the same bytes as before the change, in flat memory, and every error
raised before the first byte.

The saved outputs in ``tests/data/trajectory/`` were written by the command before its rows
were made on demand (the JSON's tool version replaced by ``VERSION``); the generated
scenario's, too large to keep, by their SHA-256.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import random
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT

from offshoring_cli import __version__
from offshoring_cli.core import formulas
from offshoring_cli.core.builtin import BUILTIN
from offshoring_cli.core.resolve import Options
from offshoring_cli.errors import DomainError
from offshoring_cli.render import csv_rows, json_document
from offshoring_cli.reports import Report
from offshoring_cli.reports.rows import LazyRows
from offshoring_cli.reports.trajectory import trajectory_report
from offshoring_cli.scenario.validate import load

sys.path.insert(0, str(ROOT / "benchmarks"))
import scale  # benchmarks/scale.py: the generator of the large files

SAVED = ROOT / "tests" / "data" / "trajectory"
EXAMPLE = str(ROOT / "examples" / "jobs-2025.toml")

GENERATED_SHA256 = {
    # scale.generate(folder, 12, csv=True): 12 indicators x 56 years = 672 rows
    ("--json", "--explain"): "223f44caba66a7100e7f91835b52693d39237caeafe197ca6a7a9e5d1ec54ed3",
    ("--format", "csv"): "058a7b43b5ed6eaf297d6f58676e961e130f573ada28f2197a7342f03f13c8ee",
}


def _normal(text: str) -> str:
    """The JSON's tool version as the saved outputs hold it."""
    return text.replace(f'    "version": "{__version__}",\n', '    "version": "VERSION",\n', 1)


@pytest.mark.parametrize(
    ("args", "saved"),
    [
        (["trajectory", "--json"], "builtin.json"),
        (
            ["trajectory", "--json", "--explain", "-m", "jobs", "--jobs-baseline", "150000"],
            "builtin-jobs-explain.json",
        ),
        (["trajectory", "--format", "csv"], "builtin.csv"),
        (["--scenario", EXAMPLE, "trajectory", "--json"], "jobs-2025.json"),
        (["--scenario", EXAMPLE, "trajectory", "--format", "csv"], "jobs-2025.csv"),
    ],
)
def test_trajectory_writes_the_saved_bytes(run: Any, args: list[str], saved: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert _normal(result.stdout) == (SAVED / saved).read_text(encoding="utf-8")


@pytest.mark.parametrize("args", list(GENERATED_SHA256))
def test_trajectory_of_a_generated_scenario_writes_the_saved_bytes(
    run: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = scale.generate(tmp_path, 12, csv=True)
    result = run("--scenario", str(path), "trajectory", *args)
    assert result.exit_code == 0, result.output
    text = _normal(result.stdout)
    assert text.count("\n") > 672  # a line a row at least
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == GENERATED_SHA256[args]


@pytest.mark.slow
def test_installed_trajectory_writes_the_saved_bytes(run_installed: Any) -> None:
    # the installed command writes to a real pipe, piece by piece (render/terminal.py)
    for args, saved in (("--json",), "jobs-2025.json"), (("--format", "csv"), "jobs-2025.csv"):
        proc = run_installed("--scenario", EXAMPLE, "trajectory", *args)
        assert proc.returncode == 0, proc.stderr
        assert _normal(proc.stdout) == (SAVED / saved).read_text(encoding="utf-8")


# --- the same text as the plain encoders, on odd data -----------------------------------------

ODD = """scenario_version = 1
name = "odd"
description = "One observation, a decrease, fractions, gaps, a half-year, text to quote."

[sources.s]
publisher = "=Formula \\"quoted\\", comma"
title = "Tests"
date = "2024"
url = "https://example.org"

[[indicators]]
id = "single"
label = "Single"
unit = "people"
target = { year = 2031, value = 250, series = "a", source = "s" }
observations = [ { year = 2024, value = 123, series = "a", source = "s" } ]

[[indicators]]
id = "falling"
label = "Falling"
unit = "tonnes"
direction = "decrease"
target = { year = 2035, value = 10.5, series = "b", source = "s" }
observations = [
  { year = 2015, value = 99.25, series = "b", source = "s" },
  { year = 2018, value = 80.125, series = "b", source = "s" },
  { year = 2020, value = 1e-3, series = "other", source = "s" },
  { year = 2021, value = 60.0, series = "b", source = "s" },
  { year = 2021, value = 20, series = "b", source = "s", period = "H1" },
  { year = 2022, value = 55.5, series = "b", source = "s" },
]

[[indicators]]
id = "money"
label = "Money"
unit = "MAD"
target = { year = 2030, value = 333333333333.3, series = "m", source = "s" }
observations = [
  { year = 2019, value = 1234567890123, series = "m", source = "s" },
  { year = 2024, value = 98765432109.87, series = "m", source = "s" },
]
"""


def _reference_csv(report: Report[Any]) -> str:
    """CSV as ``to_csv`` wrote it before the rows were streamed: every row in a list."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    records = report.records()
    keys = list(dict.fromkeys(k for row in records for k in row))
    writer.writerow(keys)
    for row in records:
        writer.writerow([csv_rows._csv_cell(row.get(k)) for k in keys])
    return buffer.getvalue()


def _datasets(tmp_path: Path) -> list[Any]:
    odd = tmp_path / "odd.toml"
    odd.write_text(ODD, encoding="utf-8")
    return [BUILTIN, load(odd), load(scale.generate(tmp_path, 30, csv=False))]


def test_streamed_json_and_csv_are_the_plain_encoders_text(tmp_path: Path) -> None:
    for dataset in _datasets(tmp_path):
        report = trajectory_report(Options(dataset=dataset))
        assert isinstance(report.rows, LazyRows)
        for explain in (False, True):
            expected = json.dumps(report.to_document(explain), indent=2, allow_nan=False) + "\n"
            assert json_document.to_json(report, explain) == expected
        assert csv_rows.to_csv(report) == _reference_csv(report)


def test_the_odd_scenario_gives_its_worked_values(tmp_path: Path) -> None:
    odd = tmp_path / "odd.toml"
    odd.write_text(ODD, encoding="utf-8")
    report = trajectory_report(Options(dataset=load(odd)))
    rows = {(r["metric"], r["year"]): r for r in report.rows}
    # single: one observation, so no actual pace, and a reason from the base year on
    assert rows["single", 2024]["compound_path"] == 123 and rows["single", 2024]["reason"]
    assert rows["single", 2031]["compound_path"] == 250  # snapped to the target
    assert rows["single", 2025]["linear_path"] == pytest.approx(123 + 127 / 7)  # (250 - 123) / 7
    assert rows["single", 2025]["actual_pace_path"] is None
    # falling: before the base year 2022 no path; the half-year and the other series unseen
    assert rows["falling", 2021]["observed"] == 60 and rows["falling", 2021]["linear_path"] is None
    assert rows["falling", 2020]["observed"] is None
    assert rows["falling", 2022]["actual_pace_path"] == 55.5
    # actual pace 2015 -> 2022: (55.5 / 99.25) ** (1 / 7); one year on from 55.5
    assert rows["falling", 2023]["actual_pace_path"] == pytest.approx(
        55.5 * (55.5 / 99.25) ** (1 / 7)
    )
    assert len(report.rows) == 8 + 21 + 12  # 2024-2031, 2015-2035, 2019-2030
    csv_text = csv_rows.to_csv(report)
    assert csv_text.count("\n") == 1 + 41


def test_csv_cells_that_need_care_are_written_as_before() -> None:
    # a batch with a formula-like text, a boolean, a list: every cell through _csv_cell
    batch = [("=1+1", True, [2022, 2024], None, 1.5), ("a", False, [], "-x", 2)]
    assert csv_rows._plain(batch) == [
        ["'=1+1", "true", "2022;2024", "", 1.5],
        ["a", "false", "", "'-x", 2],
    ]
    plain = [("a", 1, None, 2.5, "b-c")]
    assert csv_rows._plain(plain) is plain  # nothing to change: written as it is


def test_cell_rows_other_values_are_written_as_json_dumps_writes_them() -> None:
    columns = ("a", "b", "c%s")
    cases = [
        [(1, "x]\n[", None), (2.5, "é\u2028", True)],  # plain values: the fast way
        [(1, [1, 2], {"k": None}), ((), {}, "s")],  # nested values: row by row
        [],
    ]
    for cells in cases:
        text = "".join(json_document._cell_rows(columns, iter(cells), 0))
        rows = [dict(zip(columns, c, strict=True)) for c in cells]
        assert text == json.dumps(rows, indent=2)
    with pytest.raises(ValueError, match="Out of range float values"):
        "".join(json_document._cell_rows(columns, iter([(float("nan"), 1, 2)]), 0))


def test_cell_rows_in_batches_join_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_document, "_BATCH", 3)
    monkeypatch.setattr(csv_rows, "_BATCH", 3)
    for count in range(1, 9):  # fewer rows than a batch, a batch exactly, several and a part
        cells = [(i, "x},\n{", None) for i in range(count)]
        rows = [dict(zip("abc", c, strict=True)) for c in cells]
        text = "".join(json_document._cell_rows(("a", "b", "c"), iter(cells), 1))
        assert text == json_document._dumps(rows, 1) == json.dumps({"r": rows}, indent=2)[9:-2]


# --- flat memory, rows on demand --------------------------------------------------------------


def _peaks(report: Report[Any]) -> tuple[int, int, int]:
    """The text's size and the memory taken at the most while JSON, then CSV, is written."""
    size = 0
    tracemalloc.start()
    try:
        for piece in json_document.json_chunks(report):
            size += len(piece)
        peak_json = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        for piece in csv_rows.csv_chunks(report):
            size += len(piece)
        peak_csv = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return size, peak_json, peak_csv


def test_rows_are_made_when_read_in_flat_memory(tmp_path: Path) -> None:
    (tmp_path / "small").mkdir()
    (tmp_path / "large").mkdir()
    small = load(scale.generate(tmp_path / "small", 100, csv=True))  # 100 x 56 = 5,600 rows
    large = load(scale.generate(tmp_path / "large", 500, csv=True))  # 28,000 rows
    report = trajectory_report(Options(dataset=large))
    assert len(report.rows) == 28_000  # known without making them
    assert report.rows[0] == {
        "metric": "ind_0",
        "unit": "jobs",
        "year": 1975,
        "observed": 1_000,  # scale._value(0, 1975): 1,000 * 1.03 ** 0
        "compound_path": None,
        "linear_path": None,
        "actual_pace_path": None,
        "reason": None,
    }
    small_size, small_json, small_csv = _peaks(trajectory_report(Options(dataset=small)))
    large_size, large_json, large_csv = _peaks(report)
    assert large_size > 4.9 * small_size > 4.9 * 1_300_000  # 5 times the rows (JSON and CSV)
    # a batch of 1,000 rows at a time in memory, whatever the number of rows: 5 times the rows
    # take no more memory (each peak about 1.5 MB; the large document is 7 MB of JSON)
    assert large_json < 1.2 * small_json + 100_000, (small_json, large_json)
    assert large_csv < 1.2 * small_csv + 100_000, (small_csv, large_csv)
    assert large_json < large_size / 4


def test_an_overflowing_path_is_an_error_before_any_output(run: Any, tmp_path: Path) -> None:
    # an actual pace of 10^24 a year (1e-6 to 1e18 in a year): 1e18 * (1 + 1e24) ** k
    # overflows a float at k = 13 (1e18 * 1e24 ** 13 = 1e330), within the 176 years to 2200
    path = tmp_path / "wild.toml"
    path.write_text(
        ODD.split("[[indicators]]")[0]
        + """[[indicators]]
id = "wild"
label = "Wild"
unit = "MAD"
target = { year = 2200, value = 9e17, series = "a", source = "s" }
observations = [
  { year = 2023, value = 1e-6, series = "a", source = "s" },
  { year = 2024, value = 1e18, series = "a", source = "s" },
]
""",
        encoding="utf-8",
    )
    with pytest.raises(DomainError, match="for 13 years overflows"):
        trajectory_report(Options(dataset=load(path)))
    for fmt in (["--json"], ["--format", "csv"]):
        result = run("--scenario", str(path), "trajectory", *fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "overflows" in result.stderr


# --- snap_to_target's shortcut: the same result as working the tolerance out ------------------


def _reference_snap(value: Any, target: Any, steps: int, start: Any = None) -> Any:
    """snap_to_target as it was before its shortcut: the tolerance always worked out."""
    if value == target:
        return target
    if steps <= 0 or isinstance(value, int):
        return value

    def magnitude(x: Any) -> float:
        try:
            return abs(float(x))
        except OverflowError:
            return math.inf

    largest = max(magnitude(x) for x in (value, target, *(() if start is None else (start,))))
    if not math.isfinite(largest):
        return value
    tolerance = 4 * (min(steps, 300) + 1) * math.ulp(largest)
    return target if abs(value - target) <= tolerance else value


def test_snap_to_target_shortcut_gives_the_worked_out_result() -> None:
    rng = random.Random(11)
    specials: list[Any] = [1e-320, 2.2e-308, 1e-6, 1.0, 1e18, 1e308, math.inf, 10**400, 2**60]
    for _ in range(30_000):
        target = rng.choice(
            [rng.uniform(1e-6, 1e18), 10 ** rng.uniform(-320, 308), rng.choice(specials)]
        )
        if rng.random() < 0.6 and isinstance(target, float) and math.isfinite(target):
            # within a few thousand ulps: on both sides of every tolerance (4 to 1,204 ulps)
            value = target + rng.randint(-3_000, 3_000) * math.ulp(target)
        else:
            value = rng.choice([rng.uniform(1e-6, 1e18), 10 ** rng.uniform(-320, 308)])
        steps = rng.choice([0, 1, 2, 6, 50, 300, 1_000])
        start = rng.choice([None, rng.uniform(1e-6, 1e18), target, 10**400])
        expected = _reference_snap(value, target, steps, start)
        got = formulas.snap_to_target(value, target, steps, start)
        assert got == expected and type(got) is type(expected), (value, target, steps, start)
    # at the edge: 1,204 ulps of 1.0 (steps >= 300) snap, one more does not
    assert formulas.snap_to_target(1.0 + 1204 * 2**-52, 1.0, 300) == 1.0
    assert formulas.snap_to_target(1.0 + 1205 * 2**-52, 1.0, 300) == 1.0 + 1205 * 2**-52
