"""``offshoring scenario diff OLD NEW``: what changed between two scenario files, and how each
headline figure moves, in every format, through the API and the installed command.

The yearly-update example (seeds -> examples/jobs-2025.toml, one 2025 jobs observation of
160,000 added), worked out by hand:

- required CAGR (from the latest year): OLD (270,000 / 148,500) ** (1/6) - 1 = 0.104773;
  NEW (270,000 / 160,000) ** (1/5) - 1 = 0.110322.
- actual CAGR (from 2022's 130,000): OLD (148,500 / 130,000) ** (1/2) - 1 = 0.068788;
  NEW (160,000 / 130,000) ** (1/3) - 1 = 0.071665.
- required CAGR from 2022: (270,000 / 130,000) ** (1/8) - 1 = 0.095664 on both sides, so
  R = 0.068788 / 0.095664 = 0.7191 (OLD) and 0.071665 / 0.095664 = 0.7491 (NEW): both in
  [0.60, 0.95), "acceleration needed".
- Q: OLD 0.6525 (the seed's); NEW: 160,000 * 1.071665 ** 5 = 226,159, (226,159 - 130,000) /
  (270,000 - 130,000) = 0.6869: both in [0.10, 0.95), "fair progress, acceleration needed".
- reached: OLD ln(270,000/148,500) / ln(1.068788) = 8.99 -> 9 years -> 2033; NEW
  ln(270,000/160,000) / ln(1.071665) = 7.56 -> 8 years -> 2033.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, SEED_TEXT, SEEDS, error_line, installed, invoke_cli, write

from offshoring_cli.core.records import Dataset
from offshoring_cli.reports.scenario_diff import diff_report
from offshoring_cli.scenario.validate import load

FIGURES = {
    "required_cagr": (0.104773, 0.110322, 1e-6),
    "actual_cagr": (0.068788, 0.071665, 1e-6),
    "growth_ratio": (0.7191, 0.7491, 1e-4),
    "progress_score": (0.6525, 0.6869, 1e-4),
}
BANDS = {
    "growth_ratio_band": "acceleration needed",
    "progress_band": "fair progress, acceleration needed",
}
ARGS = ("scenario", "diff", str(SEEDS), str(EXAMPLE))


def _figures(rows: list[dict[str, Any]], metric: str = "jobs") -> dict[str, dict[str, Any]]:
    return {r["item"]: r for r in rows if r["topic"] == "figure" and r["metric"] == metric}


def _check_example(rows: list[dict[str, Any]]) -> None:
    """The yearly update's rows: the source and the observation added, then jobs' figures."""
    assert [(r["topic"], r["item"], r["change"]) for r in rows[:2]] == [
        ("source", "example-2025", "added"),
        ("observation", "offshoring-employment.2025", "added"),
    ]
    added = rows[1]
    assert (added["metric"], added["old"], added["new"], added["unit"]) == (
        "jobs",
        None,
        160_000,
        "jobs",
    )
    figures = _figures(rows)
    assert list(figures) == [
        "required_cagr",
        "actual_cagr",
        "growth_ratio",
        "growth_ratio_band",
        "progress_score",
        "progress_band",
        "target_reached_year",
    ]
    for key, (old, new, tolerance) in FIGURES.items():
        assert figures[key]["old"] == pytest.approx(old, abs=tolerance), key
        assert figures[key]["new"] == pytest.approx(new, abs=tolerance), key
        assert figures[key]["change"] == "revised"
    for key, band in BANDS.items():
        assert (figures[key]["old"], figures[key]["new"], figures[key]["change"]) == (
            band,
            band,
            "unchanged",
        )
    reached = figures["target_reached_year"]
    assert (reached["old"], reached["new"], reached["change"]) == (2033, 2033, "unchanged")
    assert not [r for r in rows if r["metric"] == "exports"]  # exports did not change


def test_api_yearly_update() -> None:
    report = diff_report(load(str(SEEDS)), load(str(EXAMPLE)), "OLD.toml", "NEW.toml")
    _check_example(report.records())
    assert report.command == "scenario-diff"
    assert report.inputs["changed"] is True
    # the jobs figures' sources (2024 and the target: nap-2026; 2023: dayfr-2024) and the new one
    assert list(report.sources) == ["nap-2026", "dayfr-2024", "example-2025"]
    assert any(n.startswith("jobs in OLD: acceleration needed") for n in report.notes)
    assert any(n.startswith("jobs in NEW: acceleration needed") for n in report.notes)
    assert any("morocco-offshoring-2025-example" in n for n in report.notes)  # its name


def test_json(run: Any) -> None:
    result = run(*ARGS, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["command"] == "scenario-diff"
    assert document["inputs"]["old"] == str(SEEDS)
    _check_example(document["results"])


def test_csv(run: Any) -> None:
    result = run(*ARGS, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    required = _figures(rows)["required_cagr"]
    assert float(required["old"]) == pytest.approx(0.104773, abs=1e-6)
    assert float(required["new"]) == pytest.approx(0.110322, abs=1e-6)
    assert _figures(rows)["progress_band"]["new"] == BANDS["progress_band"]
    assert rows[1]["new"] == "160000" and rows[1]["old"] == ""


def _required_line(lines: list[str]) -> str:
    found = [line for line in lines if "Required CAGR a year" in line]
    assert len(found) == 1, lines
    return found[0]


def test_markdown(run: Any) -> None:
    result = run(*ARGS, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert _required_line(lines) == "| jobs | Required CAGR a year | revised | 10.48 % | 11.03 % |"
    assert (
        "| jobs | R band (Eurostat) | unchanged | acceleration needed | acceleration needed |"
        in (lines)
    )
    assert (
        "| jobs | Q band (UNSD) | unchanged | fair progress, acceleration needed | "
        "fair progress, acceleration needed |"
    ) in lines
    assert "| jobs | 2025 observation (offshoring-employment) | added | - | 160,000 jobs |" in lines


@pytest.mark.parametrize("columns", ["200", "60"])
def test_table(run: Any, columns: str) -> None:
    # wide: one line per change; narrow: each change as a stacked list (numbers never cut)
    result = run(*ARGS, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"What changed from {SEEDS} to {EXAMPLE}")
    for shown in ("10.48 %", "11.03 %", "6.88 %", "7.17 %", "0.7191", "0.7491", "0.6525"):
        assert shown in text
    assert "0.6869" in text and "160,000 jobs" in text and "2033" in text
    assert "fair progress, acceleration needed" in text
    if columns == "200":
        line = _required_line(text.splitlines())
        assert line.split("│")[1:-1] == [
            " jobs   ",
            " Required CAGR a year                     ",
            " revised   ",
            "                            10.48 % ",
            "                                      11.03 % ",
        ]
    else:
        assert (
            "  What: Required CAGR a year\n  Change: revised\n  Old: 10.48 %\n  New: 11.03 %"
            in text
        )


def test_explain_shows_both_sides_formulas(run: Any) -> None:
    result = run(*ARGS, "--explain", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert (
        "OLD jobs: required CAGR = (270,000 / 148,500) ** (1 / 6) - 1 = 0.104773" in result.stdout
    )
    assert (
        "NEW jobs: required CAGR = (270,000 / 160,000) ** (1 / 5) - 1 = 0.110322" in result.stdout
    )


# --- the same files, and files that differ only in their texts ------------------------------


def test_identical_files_no_change(run: Any, tmp_path: Path) -> None:
    # the same data, written differently (a comment dropped): no change, exit 0
    other = write(tmp_path, SEED_TEXT.replace("# Sources", "# The sources"), "copy.toml")
    for fmt in ("table", "markdown"):
        result = run("scenario", "diff", str(SEEDS), str(other), "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == f"No change: {SEEDS} and {other} hold the same data.\n"
        assert result.stderr == ""
    result = run("scenario", "diff", str(SEEDS), str(other), "--json")
    document = json.loads(result.stdout)
    assert (document["results"], document["sources"], document["inputs"]["changed"]) == (
        [],
        {},
        False,
    )
    assert document["notes"] == [f"No change: {SEEDS} and {other} hold the same data."]
    result = run("scenario", "diff", str(SEEDS), str(other), "--format", "csv")
    assert result.stdout == "metric,topic,item,label,change,unit,kind,old,new\n"


def test_only_the_name_differs(run: Any, tmp_path: Path) -> None:
    renamed = write(tmp_path, SEED_TEXT.replace('name = "morocco-offshoring"', 'name = "x"'))
    result = run("scenario", "diff", str(SEEDS), str(renamed))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "The dataset's name: 'morocco-offshoring' in OLD, 'x' in NEW.\n"
    document = json.loads(run("scenario", "diff", str(SEEDS), str(renamed), "--json").stdout)
    assert document["results"] == [] and document["inputs"]["changed"] is True


# --- what each kind of change gives ----------------------------------------------------------


def _revised(dataset: Dataset, **changes: Any) -> Dataset:
    return dataset.replace(**changes)


def test_revision_removal_and_target_change() -> None:
    old = load(str(SEEDS))
    jobs, exports = old.indicators["jobs"], old.indicators["exports"]
    revised_jobs = jobs.replace(
        observations=(*jobs.observations[:2], jobs.observations[2].replace(value=150_000)),
    )
    # the 2018 legacy figure removed; the target raised from 40 to 45 bn MAD
    new_exports = exports.replace(
        observations=exports.observations[1:],
        target=exports.target.replace(value=45_000_000_000),
    )
    new = old.replace(indicators={"jobs": revised_jobs, "exports": new_exports})
    rows = diff_report(old, new, "a", "b").records()
    data = [(r["metric"], r["topic"], r["item"], r["change"], r["old"], r["new"]) for r in rows]
    assert data[0] == (
        "jobs",
        "observation",
        "offshoring-employment.2024.value",
        "revised",
        148_500,
        150_000,
    )
    assert ("exports", "target", "target.value", "revised", 40e9, 45e9) in data
    assert (
        "exports",
        "observation",
        "offshoring-legacy.2018",
        "removed",
        10_000_000_000,
        None,
    ) in data
    jobs_figures = _figures(rows)
    # (270,000 / 150,000) ** (1/6) - 1 = 0.102924; (150,000 / 130,000) ** (1/2) - 1 = 0.074172
    assert jobs_figures["required_cagr"]["new"] == pytest.approx(0.102924, abs=1e-6)
    assert jobs_figures["actual_cagr"]["new"] == pytest.approx(0.074172, abs=1e-6)
    exports_figures = _figures(rows, "exports")
    # (45e9 / 26.22e9) ** (1/6) - 1 = 0.094200 (from 0.072930); the legacy series is not used
    assert exports_figures["required_cagr"]["old"] == pytest.approx(0.072930, abs=1e-6)
    assert exports_figures["required_cagr"]["new"] == pytest.approx(0.094200, abs=1e-6)
    assert exports_figures["actual_cagr"]["change"] == "unchanged"


def test_indicator_added_and_removed() -> None:
    hires = Path(__file__).resolve().parent / "data" / "hires.toml"
    rows = diff_report(load(str(SEEDS)), load(str(hires)), "a", "b").records()
    indicators = {r["metric"]: r["change"] for r in rows if r["topic"] == "indicator"}
    assert indicators == {"jobs": "removed", "exports": "removed", "hires": "added"}
    jobs = _figures(rows)["required_cagr"]
    assert jobs["old"] == pytest.approx(0.104773, abs=1e-6)
    assert (jobs["new"], jobs["change"]) == (None, "removed")
    added = _figures(rows, "hires")["required_cagr"]
    assert (added["old"], added["change"]) == (None, "added")
    assert {r["item"] for r in rows if r["topic"] == "segment"} >= {"ITO", "segments.year"}


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("order", "role"), [(0, "OLD"), (1, "NEW")])
def test_missing_file_names_which(run: Any, tmp_path: Path, order: int, role: str) -> None:
    missing = str(tmp_path / "missing.toml")
    files = [str(SEEDS), missing] if role == "NEW" else [missing, str(SEEDS)]
    result = run("scenario", "diff", *files)
    assert result.exit_code == 2 and result.stdout == ""
    line = error_line(result.stderr)
    assert line.startswith(f"Error: {role} scenario ") and "no such file" in line


def test_invalid_file_lists_its_problems(run: Any) -> None:
    broken = Path(__file__).resolve().parent.parent / "examples" / "broken.toml"
    result = run("scenario", "diff", str(SEEDS), str(broken))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: NEW {broken} is not a valid scenario (3 problems):"
    assert lines[1] == (f"  {broken}: indicators[0].observations[1].value: must be greater than 0")
    assert len(lines) == 4 and len([x for x in lines if x.startswith("Error:")]) == 1


def test_both_stdin_refused(run: Any) -> None:
    result = run("scenario", "diff", "-", "-")
    assert result.exit_code == 2 and result.stdout == ""
    assert "only one of them may be standard input" in error_line(result.stderr)


def test_one_side_from_stdin() -> None:
    result = invoke_cli("scenario", "diff", "-", str(EXAMPLE), "--json",
                        stdin=SEEDS.read_bytes())  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["inputs"]["old"] == "standard input"
    _check_example(document["results"])


def test_help_has_examples(run: Any) -> None:
    result = run("scenario", "diff", "--help")
    assert result.exit_code == 0
    assert "offshoring scenario diff seeds/morocco-offshoring.toml examples/jobs-2025.toml" in (
        result.stdout
    )
    assert "diff" in run("scenario", "--help").stdout


# --- the installed command ---------------------------------------------------------------------


@pytest.mark.slow
def test_installed_every_format() -> None:
    done, _ = installed(*ARGS, "--json")
    assert done.returncode == 0, done.stderr
    _check_example(json.loads(done.stdout)["results"])
    done, _ = installed(*ARGS, "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"))))
    assert float(_figures(rows)["required_cagr"]["new"]) == pytest.approx(0.110322, abs=1e-6)
    done, _ = installed(*ARGS, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert _required_line(lines) == "| jobs | Required CAGR a year | revised | 10.48 % | 11.03 % |"
    done, _ = installed(*ARGS, env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert "10.48 %" in _required_line(text.splitlines()) and "11.03 %" in text
    table = "".join(line for line in text.splitlines() if "│" in line)
    assert table.count("acceleration needed") == 4  # R and Q bands, before and after


@pytest.mark.slow
def test_installed_bad_input_and_no_change() -> None:
    done, _ = installed("scenario", "diff", str(SEEDS), "no-such.toml")
    assert done.returncode == 2 and done.stdout == b""
    assert error_line(done.stderr.decode()).startswith("Error: NEW scenario 'no-such.toml'")
    done, _ = installed("scenario", "diff", "-", str(SEEDS), stdin=SEEDS.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"No change: standard input and {SEEDS} hold the same data.\n".encode()


def test_other_published_targets_and_their_notes_are_compared() -> None:
    # Found by a new user: the 2026 jobs target raised from 190,000 to 200,000 was "No change"
    old = load(str(SEEDS))
    jobs = old.indicators["jobs"]
    final, interim = jobs.targets
    raised = interim.replace(value=200_000)
    worded = final.replace(notes=(*final.notes, "a new note"))
    new = old.replace(
        indicators={**old.indicators, "jobs": jobs.replace(target=worded, targets=(worded, raised))}
    )
    rows = diff_report(old, new, "a", "b").records()
    data = {r["item"]: (r["change"], r["old"], r["new"]) for r in rows}
    assert data["other_targets.offshoring-employment.2026.value"] == ("revised", 190_000, 200_000)
    assert data["target.notes"][0] == "revised"
    assert data["target.notes"][2].endswith("; a new note")


def test_a_csv_of_observations_is_found_beside_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a new user: the diff looked for observations_csv in the current folder
    monkeypatch.chdir(tmp_path)
    csv_example = Path(EXAMPLE).with_name("jobs-from-csv.toml")
    result = invoke_cli("scenario", "diff", str(EXAMPLE), str(csv_example), "--json")
    assert result.exit_code == 0, result.stderr
    assert (
        json.loads(result.stdout)["inputs"]["new_dataset"] == "morocco-offshoring-2025-csv-example"
    )
