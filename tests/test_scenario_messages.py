"""Scenario messages that misled a new user (findings, item 11): an unquoted TOML date, a
year written 2023.0, a CSV path that is a directory, binary data. The fast path hands each of
these files to the full validation, so both give the same message (checked here)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from helpers import EXAMPLE, ROOT, refused, write

from offshoring_cli.scenario import fast, validate

SOURCE = EXAMPLE.read_text(encoding="utf-8")


def _one_change(old: str, new: str) -> str:
    assert old in SOURCE
    return SOURCE.replace(old, new, 1)


def test_an_unquoted_date_is_told_to_be_quoted(tmp_path: Path) -> None:
    # before: "must be a valid string"
    text = _one_change('date = "2025-10-17"', "date = 2025-10-17")
    path = write(tmp_path, text)
    refused(path, 'date: must be text: quote the date (date = "2025-10-17")')
    assert fast.dataset(tomllib.loads(text)) is None  # the fast path hands it over


def test_a_year_written_as_a_float_is_named_a_whole_year(tmp_path: Path) -> None:
    # before: "must be a valid integer" (while values accept 148500.0)
    text = _one_change("year = 2022\n", "year = 2022.0\n")
    path = write(tmp_path, text)
    refused(path, "year: must be a whole year such as 2022, not 2022.0 (year = 2022)")
    assert fast.dataset(tomllib.loads(text)) is None


def test_a_csv_path_that_is_a_directory_is_named_a_csv(tmp_path: Path) -> None:
    # before: "is a directory, not a scenario file; give the path of a .toml file"
    example = (ROOT / "examples" / "jobs-from-csv.toml").read_text(encoding="utf-8")
    text = example.replace('observations_csv = "jobs-observations.csv"', 'observations_csv = "sub"')
    assert text != example
    (tmp_path / "sub").mkdir()
    refused(write(tmp_path, text), "sub: is a directory, not a CSV file; give the path of a .csv")


def test_binary_data_is_not_guessed_to_be_latin_1(tmp_path: Path) -> None:
    # before: "(Latin-1 or Windows-1252 text?)" for random bytes
    noise = bytes((i * 151 + 7) % 256 for i in range(300))
    refused(write(tmp_path, b"\xd1" + noise), "binary data, not a text file")
    # text in Latin-1 keeps the hint
    latin = _one_change('name = "', 'name = "caf\u00e9-').encode("latin-1", "replace")
    refused(write(tmp_path, latin, "latin.toml"), "(Latin-1 or Windows-1252 text?)")


@pytest.mark.parametrize("fragment", ["2025-10-17", "year = 2022"])
def test_the_full_check_gives_the_same_problem_as_the_cli(fragment: str) -> None:
    old, new = {
        "2025-10-17": ('date = "2025-10-17"', "date = 2025-10-17"),
        "year = 2022": ("year = 2022\n", "year = 2022.0\n"),
    }[fragment]
    _, problems = validate.full_check(tomllib.loads(_one_change(old, new)))
    assert any(fragment in p for p in problems)
