"""The parse cache of CSV observations (issue 11: a scenario whose observations are in CSV
files reads as fast as one in TOML): a CSV file's rows are kept beside its exact bytes, as the
scenario's parsed TOML is (tests/test_scenario_cache.py), through the Python API and the
installed command.

- Read again, the rows come from the cache: the same dataset, the CSV not parsed again.
- Checked on the file's bytes (and the indicator's unit, in which values are read): a CSV
  changed without changing its size or modification time is read anew, never served stale.
- A CSV with a problem is not cached (its problems, with file, line and column, every time).
- A damaged or foreign entry is ignored and replaced; the folder is 0700, entries 0600;
  ``OFFSHORING_CACHE=off`` writes nothing.
- Every test runs with ``OFFSHORING_CACHE_DIR`` in a temporary folder (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, installed

from offshoring_cli.scenario import ScenarioError, cache, csv_observations, validate

EXAMPLE = ROOT / "examples" / "jobs-from-csv.toml"
CSV = ROOT / "examples" / "jobs-observations.csv"


@pytest.fixture
def folder() -> Path:
    return Path(os.environ["OFFSHORING_CACHE_DIR"])


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    """A copy of examples/jobs-from-csv.toml and its CSV file."""
    (tmp_path / CSV.name).write_bytes(CSV.read_bytes())
    path = tmp_path / EXAMPLE.name
    path.write_bytes(EXAMPLE.read_bytes())
    return path


@pytest.fixture
def csv_parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The CSV files parsed (not taken from the cache) from now on."""
    seen: list[str] = []
    real = csv_observations._rows

    def spy(name: str, text: str, unit: str, offset: int) -> Any:
        seen.append(name)
        return real(name, text, unit, offset)

    monkeypatch.setattr(csv_observations, "_rows", spy)
    yield seen


def csv_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("csv-*.marshal")) if folder.exists() else []


def jobs(path: Path) -> list[tuple[int, str, int | float]]:
    dataset = validate.load(path)
    return [(o.year, o.period, o.value) for o in dataset.indicators["jobs"].observations]


# 2022 130,000, 2023 141,000, 2024 148,500, 2025 160,000 (hypothetical): the example's CSV.
EXPECTED = [(2022, "year", 130000), (2023, "year", 141000), (2024, "year", 148500)]


def test_a_csv_read_again_comes_from_the_cache(
    scenario: Path, folder: Path, csv_parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = jobs(scenario)
    assert first[:3] == EXPECTED and first[3][::2] == (2025, 160000)
    assert csv_parses == ["jobs-observations.csv"]
    (entry,) = csv_entries(folder)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert jobs(scenario) == first
    assert validate.load(scenario) == validate.load(scenario)
    assert csv_parses == ["jobs-observations.csv"]  # parsed once, read four times
    with monkeypatch.context() as patch:
        patch.setenv("OFFSHORING_CACHE", "off")
        uncached = validate.load(scenario)
    assert uncached == validate.load(scenario)
    assert len(csv_parses) == 2  # once more with the cache off


def test_a_csv_changed_with_the_same_size_and_time_is_read_anew(
    scenario: Path, csv_parses: list[str]
) -> None:
    csv = scenario.parent / CSV.name
    assert jobs(scenario)[-1][2] == 160000
    before = os.stat(csv)
    text = CSV.read_text(encoding="utf-8")
    changed = text.replace("2025,160000", "2025,170000")
    assert changed != text and len(changed) == len(text)
    csv.write_text(changed, encoding="utf-8")
    os.utime(csv, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(csv)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert jobs(scenario)[-1][2] == 170000  # not the cached 160,000
    assert len(csv_parses) == 2
    assert jobs(scenario)[-1][2] == 170000 and len(csv_parses) == 2  # the new entry


def test_the_entry_is_kept_for_the_unit_the_values_were_read_in(
    scenario: Path, csv_parses: list[str]
) -> None:
    # The same CSV bytes under another unit: a value such as "26.22bn" reads differently, so
    # the entry of unit "jobs" is not used for unit "people".
    assert jobs(scenario)[:3] == EXPECTED
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace('unit = "jobs"', 'unit = "people"', 1), encoding="utf-8")
    assert jobs(scenario)[:3] == EXPECTED
    assert len(csv_parses) == 2


def test_a_csv_with_a_problem_is_not_cached(
    scenario: Path, folder: Path, csv_parses: list[str]
) -> None:
    csv = scenario.parent / CSV.name
    csv.write_text(CSV.read_text(encoding="utf-8").replace("2025,160000", "2025,1,5"))
    for count in (1, 2):
        with pytest.raises(ScenarioError) as raised:
            validate.load(scenario)
        assert any("jobs-observations.csv, line 5: 6 cells" in p for p in raised.value.problems)
        assert len(csv_parses) == count
    assert not csv_entries(folder)


@pytest.mark.parametrize(
    "how", ["corrupt", "truncated", "writable by others", "another document", "another tag"]
)
def test_a_damaged_csv_entry_is_ignored_and_replaced(
    scenario: Path, folder: Path, csv_parses: list[str], how: str
) -> None:
    expected = jobs(scenario)
    (entry,) = csv_entries(folder)
    raw = entry.read_bytes()
    if how == "corrupt":
        entry.write_bytes(raw[:4] + bytes(b ^ 0x5A for b in raw[4:]))
    elif how == "truncated":
        entry.write_bytes(raw[:-50])
    elif how == "writable by others":
        os.chmod(entry, 0o666)
    elif how == "another document":  # a whole entry of these bytes, but not of rows
        entry.unlink()
        data = (scenario.parent / CSV.name).read_bytes()
        path = str(scenario.parent / CSV.name)
        cache.store(str(folder), path, data, {"rows": [{"year": 1}]}, "csv", "jobs")
    else:  # the scenario's entry of the same path and bytes is not a CSV's entry
        entry.unlink()
        data = (scenario.parent / CSV.name).read_bytes()
        path = str(scenario.parent / CSV.name)
        cache.store(str(folder), path, data, {"x": 1})
        Path(cache.entry_path(str(folder), path)[0]).rename(entry)
    assert jobs(scenario) == expected
    assert len(csv_parses) == 2
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert jobs(scenario) == expected and len(csv_parses) == 2  # the replaced entry is used


def test_offshoring_cache_off_writes_no_csv_entry(
    scenario: Path, folder: Path, csv_parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFSHORING_CACHE", "off")
    assert jobs(scenario) == jobs(scenario)
    assert len(csv_parses) == 2 and not list(folder.iterdir())


def test_csv_entries_are_named_apart_from_scenario_entries() -> None:
    # FNV-1a of b"/x.csv", as for a scenario; the kind starts the name.
    key = 0x811C9DC5
    for byte in b"/x.csv":
        key = ((key ^ byte) * 0x01000193) % 2**32
    assert cache.entry_path("/c", "/x.csv", "csv") == (f"/c/csv-{key:08x}.marshal", "/x.csv")
    assert cache.entry_path("/c", "/x.csv")[0] == f"/c/scenario-{key:08x}.marshal"


@pytest.mark.slow
def test_the_command_reads_csv_observations_alike_cached_or_not(
    scenario: Path, folder: Path
) -> None:
    outputs = []
    for env in ({}, {}, {"OFFSHORING_CACHE": "off"}):  # a miss, a hit, no cache
        done, _ = installed("--scenario", str(scenario), "status", "--json", env=env)
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(csv_entries(folder)) == 1
    # A changed CSV (same size and time): 2025 = 170,000, so the 2030 jobs gap is 100,000
    # (270,000 - 170,000; 110,000 from the cached 160,000).
    csv = scenario.parent / CSV.name
    before = os.stat(csv)
    csv.write_text(CSV.read_text(encoding="utf-8").replace("2025,160000", "2025,170000"))
    os.utime(csv, ns=(before.st_atime_ns, before.st_mtime_ns))
    done, _ = installed("--scenario", str(scenario), "gap", "--json", "-m", "jobs")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][0]["gap"] == 100000
