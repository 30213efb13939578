"""Chart benchmark: ``offshoring chart --output FILE.svg`` against the least any matplotlib
program pays to save a chart.

The floor is a few-line program that imports matplotlib (Agg, the object-oriented
``Figure``) and saves one line chart of eight points as SVG. Our command draws two panels
with their findings (paths, observations, band, shortfall, labels, warning) and builds the
dataset and the reports first. Budget (issue 15): our run <= 1.15 x the floor.

Each round runs the two once, in a new random order, so that a change in machine load hits
both alike; the ratio of each round is paired. Prints the median wall times, the ratio of the
medians and the median of the per-round ratios with its interquartile range. Usage::

    python benchmarks/chart_speed.py                 # 20 rounds after 3 warm-up rounds
    python benchmarks/chart_speed.py --runs 40
    python benchmarks/chart_speed.py --instructions  # CPU instructions (valgrind), one run each

CPU instructions are counted by ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``: the
same on every run (to about 0.5 % for this pair), whatever the load, but they leave out what
the kernel does (reading files, page faults), which the wall time includes.

Measure an installed copy (``pip install .``), not an editable one (see startup.py).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.15
"""``chart --output FILE.svg`` may take at most this multiple of the floor."""

FLOOR = """
import sys
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
figure = Figure(figsize=(9, 5))
axes = figure.subplots()
axes.plot(range(2023, 2031), [1, 2, 3, 4, 5, 6, 7, 8], label="path")
axes.set_title("A line chart")
axes.legend()
figure.savefig(sys.argv[1], format="svg")
"""


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def _instructions(command: list[str]) -> int:
    """CPU instructions ``command`` executes, counted by callgrind (as startup.py does)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind for {command}")
    return int(found[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--instructions", action="store_true", help="count CPU instructions (valgrind) instead"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        floor_script = Path(folder) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        commands = {
            "floor": [sys.executable, str(floor_script), str(Path(folder) / "floor.svg")],
            "chart": [sys.executable, "-m", "offshoring_cli", "chart", "--output",
                      str(Path(folder) / "chart.svg")],
        }  # fmt: skip
        if args.instructions:
            counts = {name: _instructions(command) for name, command in commands.items()}
            ratio = counts["chart"] / counts["floor"]
            print("CPU instructions (callgrind, PYTHONHASHSEED=0)")
            print(f"floor (matplotlib, one line chart as SVG): {counts['floor']:15,}")
            print(f"offshoring chart --output chart.svg:       {counts['chart']:15,}")
            print(f"ratio {ratio:.3f}; budget {BUDGET}")
            return 0 if ratio <= BUDGET else 1
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(args.warmup + args.runs):
            order = list(commands)
            random.shuffle(order)
            measured = {name: _time(commands[name]) for name in order}
            if round_ >= args.warmup:
                for name, seconds in measured.items():
                    times[name].append(seconds)
    ratios = [c / f for c, f in zip(times["chart"], times["floor"], strict=True)]
    floor, chart = statistics.median(times["floor"]), statistics.median(times["chart"])
    q1, _, q3 = statistics.quantiles(ratios, n=4)
    ratio = statistics.median(ratios)
    print(f"floor (matplotlib, one line chart as SVG): {floor * 1000:7.1f} ms")
    print(f"offshoring chart --output chart.svg:       {chart * 1000:7.1f} ms")
    print(f"ratio of medians {chart / floor:.3f}; median paired ratio {ratio:.3f} "
          f"(IQR {q1:.3f}-{q3:.3f}); budget {BUDGET}")  # fmt: skip
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
