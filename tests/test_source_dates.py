"""A source's date is a real calendar date (session 4 finding 1): ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` with a month from 01 to 12, a day that exists in that month and a year from 1900
to 2200 -- refused at validation (exit 2, key path, what to type) by the fast path and the full
validation alike, never a crash in ``sources -f bibtex``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import error_line, invoke_cli, problems_of, refused, seed, toml, write

from offshoring_cli.scenario import fast


def _with_date(date: str) -> dict[str, object]:
    data = seed()
    first = next(iter(data["sources"]))
    data["sources"][first]["date"] = date
    return data


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2025-13", "month 13"),
        ("2025-99", "month 99"),
        ("2025-00", "month 00"),
        ("2025-02-30", "2025-02 has 28 days"),
        ("2024-02-30", "2024-02 has 29 days"),
        ("2025-04-31", "2025-04 has 30 days"),
        ("2025-01-00", "day 00"),
        ("0000", "year 0000"),
        ("1899-12-31", "year 1899"),
        ("2999-01", "year 2999"),
    ],
)
def test_an_impossible_source_date_is_refused_by_both_paths(
    tmp_path: Path, date: str, why: str
) -> None:
    data = _with_date(date)
    assert fast.dataset(data) is None  # the fast path hands it over
    (problem,) = problems_of(data)
    first = next(iter(data["sources"]))
    assert problem.startswith(f"sources.{first}.date: {date} is not a calendar date ({why})")
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in problem
    assert "from 1900 to 2200" in problem
    path = write(tmp_path, toml(data))
    refused(path, f"{date} is not a calendar date ({why})")
    result = invoke_cli("--scenario", str(path), "sources", "-f", "bibtex")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "sources." in error_line(result.stderr)


@pytest.mark.parametrize("date", ["2024-02-29", "2025-12-31", "1900", "2200-12", "2025-04-30"])
def test_real_dates_pass_both_paths(date: str) -> None:
    data = _with_date(date)
    quick = fast.dataset(data)
    assert quick is not None
    assert problems_of(data) == []
    assert date in {s.date for s in quick.sources.values()}
