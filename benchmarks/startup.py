"""Start-up benchmark: offshoring's fast paths against the least any Click CLI pays.

Runs, in this interpreter's environment (the same venv), each command many times and prints the
median wall time and its ratio to the matching floor:

- floor "click + json": a ten-line Click program that parses one option and prints
  ``json.dumps`` of a small dict -- for ``gap --json``, ``status --json`` and ``--help``;
- floor "click + rich table": a ten-line Click program that prints a five-row Rich table --
  for ``gap`` (the table path).

Budget: each ratio <= 1.10. Usage::

    python benchmarks/startup.py            # 40 runs each, after 5 warm-up runs
    python benchmarks/startup.py --runs 100

Runs are interleaved (round-robin) so that a change in machine load hits every command alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="offshoring-bench-"))
    (folder / "floor_json.py").write_text(FLOOR_JSON)
    (folder / "floor_rich.py").write_text(FLOOR_RICH)
    python = sys.executable
    script = shutil.which("offshoring", path=str(Path(python).parent)) or shutil.which("offshoring")
    offshoring = [script] if script else [python, "-m", "offshoring_cli"]
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "OFFSHORING_SCENARIO"}}
    env["COLUMNS"] = "100"

    commands = {
        "floor: click + json": [python, str(folder / "floor_json.py")],
        "floor: click + rich table": [python, str(folder / "floor_rich.py")],
        "offshoring gap --json": [*offshoring, "gap", "--json"],
        "offshoring status --json": [*offshoring, "status", "--json"],
        "offshoring --help": [*offshoring, "--help"],
        "offshoring gap": [*offshoring, "gap"],
    }
    floors = {
        "offshoring gap --json": "floor: click + json",
        "offshoring status --json": "floor: click + json",
        "offshoring --help": "floor: click + json",
        "offshoring gap": "floor: click + rich table",
    }
    for _ in range(args.warmup):
        for command in commands.values():
            _time(command, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(_time(command, env))
    medians = {name: statistics.median(values) for name, values in samples.items()}

    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"{args.runs} runs each (median wall time)"
    )
    print(f"{'command':28} {'median':>9} {'floor':>9} {'ratio':>6}  budget 1.10")
    failed = False
    for name, median in medians.items():
        if name in floors:
            floor = medians[floors[name]]
            ratio = median / floor
            failed |= ratio > 1.10
            mark = "ok" if ratio <= 1.10 else "OVER"
            print(f"{name:28} {median * 1000:7.1f}ms {floor * 1000:7.1f}ms {ratio:6.2f}  {mark}")
        else:
            print(f"{name:28} {median * 1000:7.1f}ms")
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
