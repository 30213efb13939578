"""Start-up benchmark: offshoring's fast paths against the least any Click CLI pays.

Runs, in this interpreter's environment (the same venv), each command many times, and compares
it with the matching floor:

- floor "click + json": a ten-line Click program that parses one option and prints
  ``json.dumps`` of a small dict -- for ``gap --json`` and ``status --json``;
- floor "click --help": the same program's ``--help`` -- for ``offshoring --help`` (printing
  any help costs Click about 7 % more than a run: its text wrapping);
- floor "click + rich table": a ten-line Click program that prints a five-row Rich table --
  for ``gap`` and ``status`` (the table paths), and ``--lang fr gap`` (a French table: Babel
  and the French catalogue too, budget 1.5).

The scenario path, ``--scenario FILE gap --json`` for the seed file
``seeds/morocco-offshoring.toml`` and the examples ``examples/jobs-2025.toml`` and
``examples/jobs-from-csv.toml`` (its observations in a CSV file), is paired with the "click +
json" floor too: a valid file is checked without pydantic (``offshoring_cli/scenario/fast.py``).
``--scenario examples/jobs-2025.toml status --json`` is shown, not judged against the read
path's budget: what it adds to the read path is ``status``'s own cost, judged as ``offshoring
status --json``. It is measured twice: *warm*,
the file's parsed document found in the parse cache (``offshoring_cli/scenario/cache.py``,
filled by the warm-up; what every command after the first pays), and *cold*, with
``OFFSHORING_CACHE=off`` (parsed with :mod:`tomllib`, as the first read of a file is). The cache
lives in the benchmark's temporary folder (``OFFSHORING_CACHE_DIR``), never in ``~/.cache``.

Budget: each ratio <= 1.05; 1.25 for the scenario path (reading and checking a file is work
the floor does not do), judged on the warm runs; the cold runs are shown, not judged. Usage::

    python benchmarks/startup.py                 # 40 rounds, after 5 warm-up rounds
    python benchmarks/startup.py --runs 100
    python benchmarks/startup.py --instructions  # CPU instructions (valgrind), one run each

Wall time: each round runs every command once, in a new random order, so that a change in
machine load hits every command alike; each command is paired with its floor of the same round.
It prints the median wall time, the ratio of the medians, and the median of the per-round
ratios with its interquartile range (on a noisy machine, the spread says how far to trust it).

Instructions (``--instructions``): the number of CPU instructions each command executes, counted
by ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``; the same on every run (to about
0.1 %), whatever the load, so a change of 1 % shows. It leaves out what the kernel does (exec,
page faults, file system), which the wall time includes.

Measure an installed copy (``pip install .``), not an editable one: an editable install adds an
import hook to every Python process, floors included, and with ``PYTHONDONTWRITEBYTECODE`` set
the package would be compiled on every run.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.05
"""Each fast path may take at most this multiple of its floor."""
SCENARIO_BUDGET = 1.25
"""The scenario path (a valid file given with --scenario) may take this multiple of its floor."""
ROOT = Path(__file__).resolve().parent.parent

BUDGETS = {"offshoring --lang fr gap": 1.5}
"""Commands with a budget of their own: a French table loads Babel and a catalogue (issue 13:
within 1.5 times the Rich-table floor)."""

FLOOR_JSON = """\
import json

import click


@click.command()
@click.option("--metric", default="jobs")
def main(metric: str) -> None:
    click.echo(json.dumps({"metric": metric, "gap": 121500, "required_cagr": 0.104773}))


main()
"""

FLOOR_RICH = """\
import click
from rich.console import Console
from rich.table import Table


@click.command()
def main() -> None:
    table = Table("metric", "value")
    for i in range(5):
        table.add_row(f"row {i}", f"{i * 1000:,}")
    Console().print(table)


main()
"""


COLD = " (cold)"
"""The suffix of a scenario command run with ``OFFSHORING_CACHE=off``: the file parsed."""


SHOWN_ONLY = {"offshoring --scenario example status --json"}
"""Commands shown but not judged (see the module's docstring), besides the cold runs."""


def _judged(name: str) -> bool:
    return COLD not in name and name not in SHOWN_ONLY


def _mark(name: str, ratio: float, budget: float) -> str:
    """``ok`` or ``OVER`` against the budget; a cold run (and :data:`SHOWN_ONLY`) is shown,
    not judged."""
    if not _judged(name):
        return "(not judged)"
    return "ok" if ratio <= budget else "OVER"


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
    )
    return time.perf_counter() - start


def _instructions(command: list[str], env: dict[str, str]) -> int:
    """CPU instructions ``command`` executes, counted by callgrind."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONHASHSEED": "0"},
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind for {command}")
    return int(found[1])


def _quartiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="rounds (default 40)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up rounds (default 5)")
    parser.add_argument(
        "--instructions", action="store_true", help="count CPU instructions (valgrind) instead"
    )
    parser.add_argument("--budget", type=float, default=BUDGET)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="offshoring-bench-"))
    (folder / "floor_json.py").write_text(FLOOR_JSON)
    (folder / "floor_rich.py").write_text(FLOOR_RICH)
    python = sys.executable
    script = shutil.which("offshoring", path=str(Path(python).parent)) or shutil.which("offshoring")
    offshoring = [script] if script else [python, "-m", "offshoring_cli"]
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "OFFSHORING_SCENARIO"}}
    env["COLUMNS"] = "100"
    env["OFFSHORING_CACHE_DIR"] = str(folder / "cache")  # the parse cache, warmed below
    env.pop("OFFSHORING_CACHE", None)
    seed = str(ROOT / "seeds" / "morocco-offshoring.toml")
    example = str(ROOT / "examples" / "jobs-2025.toml")

    commands = {
        "floor: click + json": [python, str(folder / "floor_json.py")],
        "floor: click --help": [python, str(folder / "floor_json.py"), "--help"],
        "floor: click + rich table": [python, str(folder / "floor_rich.py")],
        "offshoring gap --json": [*offshoring, "gap", "--json"],
        "offshoring status --json": [*offshoring, "status", "--json"],
        "offshoring --help": [*offshoring, "--help"],
        "offshoring gap": [*offshoring, "gap"],
        "offshoring status": [*offshoring, "status"],
        "offshoring --lang fr gap": [*offshoring, "--lang", "fr", "gap"],
        "offshoring --scenario seed gap --json": [*offshoring, "--scenario", seed, "gap", "--json"],
        "offshoring --scenario example gap --json": [
            *offshoring,
            "--scenario",
            example,
            "gap",
            "--json",
        ],
        "offshoring --scenario csv example gap --json": [
            *offshoring,
            "--scenario",
            str(ROOT / "examples" / "jobs-from-csv.toml"),
            "gap",
            "--json",
        ],
        "offshoring --scenario example status --json": [
            *offshoring,
            "--scenario",
            example,
            "status",
            "--json",
        ],
    }
    for name in [name for name in commands if "--scenario" in name]:
        commands[name + COLD] = commands[name]
    floors = {
        "offshoring gap --json": "floor: click + json",
        "offshoring status --json": "floor: click + json",
        "offshoring --help": "floor: click --help",
        "offshoring gap": "floor: click + rich table",
        "offshoring status": "floor: click + rich table",
        "offshoring --lang fr gap": "floor: click + rich table",
        "offshoring --scenario seed gap --json": "floor: click + json",
        "offshoring --scenario example gap --json": "floor: click + json",
        "offshoring --scenario csv example gap --json": "floor: click + json",
        "offshoring --scenario example status --json": "floor: click + json",
    }
    budgets = {
        name: SCENARIO_BUDGET if "--scenario" in name else BUDGETS.get(name, args.budget)
        for name in floors
    }
    for name in [name for name in floors if "--scenario" in name]:
        floors[name + COLD] = floors[name]
        budgets[name + COLD] = SCENARIO_BUDGET  # shown, not judged
    envs = {name: {**env, "OFFSHORING_CACHE": "off"} if COLD in name else env for name in commands}
    for name, command in commands.items():  # fills the cache: the warm runs are cache hits
        if "--scenario" in name and COLD not in name:
            _time(command, envs[name])
    where = f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores"
    failed = False
    if args.instructions:
        counts = {name: _instructions(command, envs[name]) for name, command in commands.items()}
        print(f"{where}; CPU instructions (callgrind, PYTHONHASHSEED=0)")
        print(f"{'command':52} {'instructions':>14} {'floor':>14} {'ratio':>6}  budget")
        for name, count in counts.items():
            if name in floors:
                ratio = count / counts[floors[name]]
                failed |= ratio > budgets[name] and _judged(name)
                mark = _mark(name, ratio, budgets[name])
                print(
                    f"{name:52} {count:14,} {counts[floors[name]]:14,} {ratio:6.3f}  "
                    f"{budgets[name]} {mark}"
                )
            else:
                print(f"{name:52} {count:14,}")
        shutil.rmtree(folder, ignore_errors=True)
        return 1 if failed else 0

    names = list(commands)
    for _ in range(args.warmup):
        for name in random.sample(names, len(names)):
            _time(commands[name], envs[name])
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name in random.sample(names, len(names)):
            samples[name].append(_time(commands[name], envs[name]))
    medians = {name: statistics.median(values) for name, values in samples.items()}

    print(f"{where}; {args.runs} rounds, each command once a round in random order")
    print(
        f"{'command':52} {'median':>9} {'floor':>9} {'ratio':>6} {'paired':>7} {'IQR':>11}  budget"
    )
    for name, median in medians.items():
        if name not in floors:
            print(f"{name:52} {median * 1000:7.1f}ms")
            continue
        floor = floors[name]
        ratio = median / medians[floor]
        paired = [a / b for a, b in zip(samples[name], samples[floor], strict=True)]
        low, high = _quartiles(paired)
        middle = statistics.median(paired)
        failed |= middle > budgets[name] and _judged(name)
        mark = _mark(name, middle, budgets[name])
        print(
            f"{name:52} {median * 1000:7.1f}ms {medians[floor] * 1000:7.1f}ms {ratio:6.3f} "
            f"{middle:7.3f} {low:5.2f}-{high:5.2f}  {budgets[name]} {mark}"
        )
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
