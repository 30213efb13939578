"""The fast path for valid scenario files (issue 11): no pydantic, same dataset, same verdicts.

``scenario.fast.dataset`` accepts a subset of what the pydantic models accept and builds the
same records; anything else goes to the full validation, whose messages (with key paths) are
unchanged. Checked here on the shipped files and on thousands of single-value mutations of
the seed file: wherever the fast path accepts, the full validation accepts the same dataset.
"""

from __future__ import annotations

import copy
import datetime
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, ROOT, SEEDS, refused, write

from offshoring_cli.core import builtin
from offshoring_cli.scenario import csv_observations, fast, validate

SHIPPED = [SEEDS, EXAMPLE, *sorted((ROOT / "examples").glob("*.toml"))]


def parsed(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_valid_files_take_the_fast_path_and_give_the_full_paths_dataset(
    path: Path,
) -> None:
    data = parsed(path)
    full, problems = validate.full_check(data)
    if full is None:  # examples/broken.toml: the fast path hands it over
        assert problems
        assert fast.dataset(data) is None
        return
    assert fast.dataset(data) == full


def test_the_csv_example_takes_the_fast_path_once_its_csv_file_is_read() -> None:
    # examples/jobs-from-csv.toml names its jobs observations' CSV file: validate.check reads
    # it into "observations" first, then tries the fast path.
    path = ROOT / "examples" / "jobs-from-csv.toml"
    data, origins, problems = csv_observations.attach(parsed(path), str(path))
    assert problems == []
    assert len(origins[0].lines) == 4  # 2022, 2023, 2024, 2025
    quick = fast.dataset(data)
    assert quick is not None
    assert quick == validate.full_check(data)[0]
    inline = fast.dataset(parsed(EXAMPLE))  # the TOML example it was made from
    assert inline is not None
    assert quick.indicators == inline.indicators


def test_the_seed_file_gives_the_built_in_dataset_on_the_fast_path() -> None:
    assert fast.dataset(parsed(SEEDS)) == builtin.BUILTIN


ODD_VALUES: list[Any] = [
    0,
    -1,
    1,
    2030,
    1899,
    2201,
    True,
    0.5,
    1.5,
    1e-7,
    1e-6,
    1e18,
    2e18,
    10**18,
    10**18 + 1,
    float("nan"),
    float("inf"),
    -0.5,
    -1.0,
    1000.0,
    1000.5,
    "",
    " x",
    "x ",
    "jobs",
    "JOBS",
    "H1",
    "year",
    "decrease",
    "target_multiple",
    "nap-2026",
    "a b",
    "tab\there",
    "esc\x1b[31m",
    "\u202ehidden",
    "https://x.example/a",
    "http://a b",
    "2025-13",
    "2025-00",
    "2025-02-30",
    "2024-02-29",
    "0000",
    "2999-01",
    "130000",
    "x" * 65,
    datetime.date(2025, 1, 1),
    [],
    {},
    {"x": 1},
]


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path of ``node`` (dict keys and list indexes), containers included."""
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))


def _mutations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in _leaves(data):
        for value in [*ODD_VALUES, None]:  # None: the key removed
            changed = copy.deepcopy(data)
            holder = changed
            for part in path[:-1]:
                holder = holder[part]
            if value is None:
                if isinstance(holder, dict):
                    del holder[path[-1]]
                else:
                    del holder[path[-1]]
            else:
                holder[path[-1]] = value
            yield f"{path}={value!r}", changed
        if isinstance(data_at(data, path), dict):
            changed = copy.deepcopy(data)
            data_at(changed, path)["unknown_key"] = 1
            yield f"{path}+unknown_key", changed


def data_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@pytest.mark.parametrize(
    "path",
    [EXAMPLE, pytest.param(SEEDS, marks=pytest.mark.slow)],
    ids=lambda p: p.name,
)
def test_wherever_the_fast_path_accepts_a_mutation_the_full_validation_accepts_it_alike(
    path: Path,
) -> None:
    # Every key path of the example file (which has segments, other segments, insights,
    # half-years, notes and other targets; the seed also has translations) set to each odd
    # value, removed, or given an unknown key: thousands of files, valid and not.
    accepted = refused = 0
    for label, data in _mutations(parsed(path)):
        quick = fast.dataset(data)
        full, problems = validate.full_check(data)
        if quick is None:
            refused += 1
            continue
        accepted += 1
        assert full is not None, (label, problems)
        assert quick == full, label
    # Both sides are exercised: many mutations stay valid (a label, a year), many do not.
    assert accepted > 100
    assert refused > 1000


def test_an_invalid_file_is_still_listed_in_full_with_key_paths() -> None:
    data = parsed(SEEDS)
    data["indicators"][0]["observations"][1]["value"] = -5
    data["indicators"][1]["unit"] = "x" * 17
    dataset, problems = validate.check(data)
    assert dataset is None
    assert problems == [
        "indicators[0].observations[1].value: must be greater than 0",
        "indicators[1].unit: must have at most 16 characters",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("path", [SEEDS, EXAMPLE], ids=lambda p: p.name)
def test_a_valid_scenario_never_imports_pydantic(path: Path) -> None:
    probe = (
        "import sys\n"
        "from offshoring_cli.cli import main\n"
        "sys.argv = ['offshoring', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'rich'}), "
        "file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "--scenario", str(path), "gap", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert '"gap": 121500' in result.stdout or path != SEEDS, result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_a_segments_indicator_that_is_not_text_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Found by the mutations above: the whole-number check looked the value up in a set
    # (TypeError: unhashable type: 'list', exit 1) before pydantic could name it.
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'indicator = "exports"\nyear = 2024', "indicator = []\nyear = 2024"
    )
    assert "indicator = []" in text
    refused(write(tmp_path, text), "segments.indicator: must be a valid string")
