"""Observations from a CSV file beside the scenario (issue 11): ``observations_csv``.

The path is relative to the scenario file (to the current folder on standard input); each row
is validated as an observation written in TOML; bad CSV gets every problem at once with the
file, line and column, exit 2.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import clean_environ, offshoring_command
from helpers import ROOT, SEED_TEXT, error_line, installed, invoke_cli, write
from hypothesis import given
from hypothesis import strategies as st

from offshoring_cli.core.resolve import Options
from offshoring_cli.reports.gap import gap_report
from offshoring_cli.scenario import ScenarioError, validate

EXAMPLE_CSV = ROOT / "examples" / "jobs-from-csv.toml"
REQUIRED_CAGR = (270_000 / 160_000) ** (1 / 5) - 1
"""Jobs from a 2025 baseline of 160,000 to the 2030 target of 270,000: n = 5 periods,
(270,000 / 160,000) ** (1 / 5) - 1 = 1.6875 ** 0.2 - 1 = 0.110322."""

JOBS_DIRECTION = 'unit = "jobs"\ndirection = "increase"\n'
"""The end of the jobs indicator's own keys in the seed (its target is a table after them)."""
HEADER = "year,value,series,source\n"


def _seed_with_jobs_from(csv_name: str) -> str:
    """The seed file with the jobs indicator's inline observations replaced by a CSV file."""
    start = SEED_TEXT.index("[[indicators.observations]]")
    end = SEED_TEXT.index("[[indicators]]", start)
    text = SEED_TEXT[:start] + SEED_TEXT[end:]
    assert text.index(JOBS_DIRECTION) < text.index("[indicators.target]")
    return text.replace(JOBS_DIRECTION, f'{JOBS_DIRECTION}observations_csv = "{csv_name}"\n', 1)


def _jobs_csv(*rows: str) -> str:
    return HEADER + "".join(f"{row}\n" for row in rows)


GOOD_ROWS = (
    "2022,130000,offshoring-employment,nap-2026",
    "2024,148500,offshoring-employment,nap-2026",
    "2025,160000,offshoring-employment,nap-2026",
)


def test_the_example_gives_a_2025_baseline_and_its_required_cagr() -> None:
    assert round(REQUIRED_CAGR, 6) == 0.110322
    dataset = validate.load(EXAMPLE_CSV)
    jobs = dataset.indicators["jobs"]
    assert [(o.year, o.value) for o in jobs.annual()] == [
        (2022, 130_000),
        (2023, 141_000),  # the seed's end-2023 figure (dayfr-2024), as in jobs-2025.toml
        (2024, 148_500),
        (2025, 160_000),
    ]
    (row,) = gap_report(Options(metrics=("jobs",), dataset=dataset)).rows
    assert row["baseline"] == 160_000
    assert row["required_cagr"] == pytest.approx(REQUIRED_CAGR, rel=1e-12)
    # The same dataset as the TOML-only example it was made from.
    inline = validate.load(ROOT / "examples" / "jobs-2025.toml")
    assert dataset.indicators == inline.indicators


def test_a_csv_path_is_relative_to_the_scenario_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", _jobs_csv(*GOOD_ROWS), "jobs.csv")
    scenario = write(tmp_path, _seed_with_jobs_from("data/jobs.csv"))
    result = invoke_cli("--scenario", str(scenario), "gap", "-m", "jobs", "--json")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)["results"]
    assert (row["base_year"], row["baseline"]) == (2025, 160_000)
    assert row["required_cagr"] == pytest.approx(0.110322, abs=5e-7)


@pytest.mark.slow
def test_the_installed_command_reads_the_csv_example() -> None:
    done, _ = installed("--scenario", str(EXAMPLE_CSV), "gap", "-m", "jobs", "--json")
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)["results"]
    assert row["baseline"] == 160_000
    assert row["required_cagr"] == pytest.approx(REQUIRED_CAGR, rel=1e-12)
    checked, _ = installed("scenario", "validate", str(EXAMPLE_CSV))
    assert checked.returncode == 0, checked.stderr
    assert b"3 indicators" not in checked.stdout  # two indicators, 14 observations
    assert b"2 indicators" in checked.stdout


def _problems(tmp_path: Path, csv_text: str) -> list[str]:
    write(tmp_path, csv_text, "jobs.csv")
    scenario = write(tmp_path, _seed_with_jobs_from("jobs.csv"))
    with pytest.raises(ScenarioError) as raised:
        validate.load(scenario)
    return raised.value.problems


def test_every_problem_of_a_bad_csv_is_listed_with_its_file_line_and_column(
    tmp_path: Path,
) -> None:
    problems = _problems(
        tmp_path,
        _jobs_csv(
            '2022,"130,5",offshoring-employment,nap-2026',  # a decimal comma, in jobs
            "2024,148500,offshoring-employment,nap-2026",
            "2025x,1,offshoring-employment,nap-2026",  # not a year
            "2025,1.5,offshoring-employment,nap-2026",  # not a whole count
            "2026,-3,offshoring-employment,nap-2026",  # negative
            "2027,abc,offshoring-employment,nap-2026",  # not a number
            "1850,1000,offshoring-employment,nap-2026",  # out of range, as in TOML
            "2028,2e18,offshoring-employment,nap-2026",  # over 1e18
            "2029,5000,offshoring employment,nap-2026",  # a space in an id
        ),
    )
    assert problems == [
        "jobs.csv, line 2, column 2 (value): '130,5': jobs are whole numbers, and a comma "
        "only separates thousands, in groups of three: e.g. 148500, 148,500 or 148.5k",
        "jobs.csv, line 4, column 1 (year): '2025x' is not a year; write 2025 for a whole "
        "year, 2025-H1 or 2025-H2 for a half-year",
        "jobs.csv, line 5, column 2 (value): 1.5 is not a whole number: values in 'jobs' are "
        "counts (as on the command line, where a count of jobs is whole)",
        "jobs.csv, line 6, column 2 (value): '-3' must be greater than 0 (a count cannot be "
        "negative)",
        "jobs.csv, line 7, column 2 (value): 'abc' is not a number; give a number such as "
        "148500, 148,500 or 148.5k",
        "jobs.csv, line 8, column 1 (year): must be greater than or equal to 1900",
        "jobs.csv, line 9, column 2 (value): 2e+18 is too large: values are at most 1e18, "
        "as on the command line",
        "jobs.csv, line 10, column 3 (series): must be an id of letters, digits, _, . and -, "
        "starting with a letter or a digit (e.g. survey-2025)",
    ]


def test_unknown_sources_and_duplicate_years_in_csv_are_listed_by_line(tmp_path: Path) -> None:
    # As in TOML, what needs the whole file is checked once every field is right.
    problems = _problems(
        tmp_path,
        _jobs_csv(
            "2022,130000,offshoring-employment,nap-2026",
            "2024,148500,offshoring-employment,nope",
            "2024,148500,offshoring-employment,nap-2026",
        ),
    )
    assert problems == [
        "jobs.csv, line 3, column 4 (source): unknown source id 'nope' (known: nap-2026, "
        "hespress-2025, le360-2025-10, lenouvelliste-2025, lavieeco-2019, le360-2024-04, "
        "dayfr-2024, souss-digital-2024, lematin-2026-01, mcg24-2026-01, walaw-2025-10)",
        "jobs.csv, line 4: duplicate year 2024 (year) in series 'offshoring-employment', "
        "first at line 3",
    ]


def test_a_decimal_comma_in_an_amount_gets_the_command_lines_hint(tmp_path: Path) -> None:
    exports = 'unit = "MAD"\ndirection = "increase"\n'
    assert SEED_TEXT.count(exports) == 1
    text = SEED_TEXT.replace(exports, f'{exports}observations_csv = "exports.csv"\n')
    write(
        tmp_path,
        'year,value,series,source\n2025,"26,22bn",digital-outsourcing,nap-2026\n',
        "exports.csv",
    )
    with pytest.raises(ScenarioError) as raised:
        validate.load(write(tmp_path, text))
    assert raised.value.problems == [
        "exports.csv, line 2, column 2 (value): '26,22bn': use a dot for decimals: 26.22bn"
    ]


@pytest.mark.parametrize(
    ("csv_text", "problem"),
    [
        (
            "year,value,series\n2025,1,s\n",
            "jobs.csv, line 1: missing column source; the header names year, value, series and "
            "source (e.g. year,value,series,source)",
        ),
        (
            "year,value,series,source,colour\n",
            "jobs.csv, line 1, column 5: unknown column 'colour'; the columns are year, value, "
            "series, source (required) and note, reported_change (optional)",
        ),
        ("", "jobs.csv: is empty; its first line is the header year,value,series,source"),
        (HEADER, "jobs.csv: no observation rows after the header"),
        (
            HEADER + "2025,1\n",
            "jobs.csv, line 2: 2 cells, the header has 4 (a comma inside a value must be "
            'quoted: "148,500")',
        ),
        (
            HEADER + "2025,160000,offshoring-employment,nap-2026,esc\x1b[31m\n",
            "jobs.csv, line 2: 5 cells, the header has 4 (a comma inside a value must be "
            'quoted: "148,500")',
        ),
    ],
)
def test_a_bad_header_or_row_is_one_problem(tmp_path: Path, csv_text: str, problem: str) -> None:
    assert problem in _problems(tmp_path, csv_text)


def test_control_characters_are_refused_from_csv_as_from_toml(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        "year,value,series,source,note\n"
        + "\n".join(f"{row},ok" for row in GOOD_ROWS[:2])
        + "\n2025,160000,offshoring-employment,nap-2026,esc\x1b[31m\n",
    )
    assert len(problems) == 1
    assert problems[0].startswith("jobs.csv, line 4, column 5 (note): holds a control character")


def test_a_missing_csv_file_names_the_indicator_and_the_file(tmp_path: Path) -> None:
    result = invoke_cli("--scenario", str(write(tmp_path, _seed_with_jobs_from("no.csv"))), "gap")
    assert result.exit_code == 2
    assert error_line(result.stderr).endswith(
        f"indicators[0].observations_csv: no.csv: no such file in {tmp_path} (a path is "
        "relative to the scenario's folder)"
    )


def test_half_years_and_reported_changes_come_from_csv_too(tmp_path: Path) -> None:
    write(
        tmp_path,
        "year,value,series,source,reported_change\n"
        + "\n".join(f"{row}," for row in GOOD_ROWS)
        + "\n2025-H1,155000,offshoring-employment,nap-2026,4.5%\n",
        "jobs.csv",
    )
    jobs = validate.load(write(tmp_path, _seed_with_jobs_from("jobs.csv"))).indicators["jobs"]
    half = [o for o in jobs.observations if o.period == "H1"]
    assert [(o.year, o.value, o.reported_change) for o in half] == [(2025, 155_000, 0.045)]


@pytest.mark.slow
def test_a_csv_path_in_a_scenario_on_standard_input_is_relative_to_the_current_folder(
    tmp_path: Path,
) -> None:
    write(tmp_path, _jobs_csv(*GOOD_ROWS), "jobs.csv")
    text = _seed_with_jobs_from("jobs.csv").encode()
    done = subprocess.run(
        [*offshoring_command(), "--scenario", "-", "gap", "-m", "jobs", "--json"],
        input=text,
        capture_output=True,
        cwd=tmp_path,
        env=clean_environ(),
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["baseline"] == 160_000
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    missing = subprocess.run(
        [*offshoring_command(), "--scenario", "-", "gap", "-m", "jobs", "--json"],
        input=text,
        capture_output=True,
        cwd=elsewhere,
        env=clean_environ(),
        timeout=30,
        check=False,
    )
    assert missing.returncode == 2
    assert (
        f"jobs.csv: no such file in {elsewhere} (a path is relative to the current folder)"
    ).encode() in missing.stderr
    shutil.rmtree(elsewhere)


def test_the_schema_and_scenario_init_describe_observations_csv() -> None:
    import tomllib

    import jsonschema

    from offshoring_cli.scenario.model import json_schema

    schema = json_schema()
    indicator = schema["$defs"]["IndicatorModel"]
    assert "year,value,series,source" in indicator["properties"]["observations_csv"]["description"]
    assert {"required": ["observations_csv"]} in indicator["anyOf"]
    with EXAMPLE_CSV.open("rb") as handle:
        jsonschema.validate(tomllib.load(handle), schema)  # no inline jobs observations
    init = invoke_cli("scenario", "init")
    assert init.exit_code == 0
    assert 'observations_csv = "x.csv"' in init.stdout


# --- found by a new user: a quote left open, a French spreadsheet's CSV ------------------------


def test_a_quote_left_open_is_refused_not_swallowing_the_rows_after_it(tmp_path: Path) -> None:
    # Once read as one 2022 row whose note held the 2023 and 2024 rows: the baseline silently
    # became 2022's 130,000.
    problems = _problems(
        tmp_path,
        "year,value,series,source,note\n"
        '2022,130000,offshoring-employment,nap-2026,"derived\n'
        "2023,141000,offshoring-employment,dayfr-2024,\n"
        "2024,148500,offshoring-employment,nap-2026,\n",
    )
    assert problems == [
        "jobs.csv, line 2: a line break inside a quoted value (a quote left open?); a value "
        'holds one line: close the quote, or write "" for a quote inside a value'
    ]
    # a quoted value on two lines is refused the same way (text has no line breaks, as in TOML)
    two_lines = _problems(
        tmp_path,
        "year,value,series,source,note\r\n"
        '2022,130000,offshoring-employment,nap-2026,"two\nlines"\r\n'
        "2024,148500,offshoring-employment,nap-2026,\r\n",
    )
    assert two_lines[0].startswith("jobs.csv, line 2: a line break inside a quoted value")


def test_semicolons_and_trailing_empty_columns(tmp_path: Path) -> None:
    semicolons = _problems(tmp_path, "year;value;series;source\n2024;148500;s;nap-2026\n")
    assert semicolons == [
        "jobs.csv, line 1: columns separated by ';' (as a spreadsheet set to French saves CSV); "
        "separate them with ',' (save as 'CSV UTF-8 (comma delimited)') and quote a value "
        'with a comma: "148,500"'
    ]
    # empty columns a spreadsheet leaves at the end are not read
    trailing = _jobs_csv(*(row + ",," for row in GOOD_ROWS)).replace(
        "year,value,series,source\n", "year,value,series,source,,\n", 1
    )
    write(tmp_path, trailing, "jobs.csv")
    dataset = validate.load(write(tmp_path, _seed_with_jobs_from("jobs.csv")))
    assert len(dataset.indicators["jobs"].observations) == len(GOOD_ROWS)


@given(
    st.text(alphabet=st.sampled_from("0123456789+-.e \u0661\u00b2a"), max_size=20)
    | st.text(max_size=5)
)
def test_a_whole_cell_is_what_the_int_pattern_matches(cell: str) -> None:
    # _whole replaces re.fullmatch(_INT, cell) on every cell of a file (without the pattern
    # compiled at import): the two must agree on every text, Unicode digits included
    import re

    from offshoring_cli.scenario.csv_observations import _INT, _whole

    assert _whole(cell) == bool(re.fullmatch(_INT, cell))
