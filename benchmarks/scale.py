"""Scale benchmark: large scenario files, time and peak memory per command.

Generates scenarios of N indicators x 50 yearly observations each (one source, one series per
indicator, a target 6 years after the last observation), written as the TOML a program would
write (one inline table per observation, a line each) and, with ``--csv-observations``, with
each indicator's observations in a CSV file beside it (``observations_csv``). Then runs each
command once per size on it, as a new process, and prints a table of the wall time and the
CPU time (user + system: what the command costs, whatever else the machine runs) and the
peak memory (the child's maximum resident set size), with the budget of issue 11, judged on
the CPU time when ``--judge cpu`` (a shared, loaded machine) and on the wall time otherwise:

- 1,000 indicators: every ``--json`` / CSV command <= 0.6 s, every table <= 2 s,
  ``scenario validate`` <= 0.6 s;
- 10,000 indicators: every ``--json`` command <= 6 s and 400 MB.

Each file is parsed once before the timed runs, which fills the parse cache
(``offshoring_cli/scenario/cache.py``, in the benchmark's temporary folder, never in
``~/.cache``): the commands are timed *warm*, as every command after the first on a file runs.
``--cache cold`` times them with ``OFFSHORING_CACHE=off`` instead (each run parses the file).

Usage::

    python benchmarks/scale.py                      # 1,000 and 10,000 indicators
    python benchmarks/scale.py --sizes 100 1000     # other sizes (the budgets are for these two)
    python benchmarks/scale.py --keep DIR           # keep the generated files in DIR
    python benchmarks/scale.py --markdown           # the table as Markdown (for the README)
    python benchmarks/scale.py --cache cold         # every run parses the file

Measure an installed copy (``pip install .`` in a separate venv), as for ``startup.py``; run
with the optional fast TOML parser (``pip install '.[fast]'``) and without it to compare.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

YEARS = 50
"""Yearly observations per indicator (1975 to 2024)."""
FIRST = 1975

COMMANDS: list[tuple[str, list[str], str]] = [
    ("scenario validate", ["scenario", "validate", "{file}"], "validate"),
    ("gap --json", ["gap", "--json"], "json"),
    ("cagr --json", ["cagr", "--json"], "json"),
    ("status --json", ["status", "--json"], "json"),
    ("trajectory --json", ["trajectory", "--json"], "json"),
    ("gap --format csv", ["gap", "--format", "csv"], "csv"),
    ("status --format csv", ["status", "--format", "csv"], "csv"),
    ("trajectory --format csv", ["trajectory", "--format", "csv"], "csv"),
    ("gap (table)", ["gap"], "table"),
    ("status (table)", ["status"], "table"),
    ("trajectory (table)", ["trajectory"], "table"),
]
"""Name, arguments (after ``--scenario FILE``, except ``scenario validate``), kind."""

BUDGETS = {
    1_000: {"json": 0.6, "csv": 0.6, "validate": 0.6, "table": 2.0},
    10_000: {"json": 6.0},
}
"""Seconds allowed, by size and kind of command (issue 11)."""
MEMORY_BUDGET = {10_000: 400}
"""Peak memory allowed for ``--json`` commands, in MB, by size."""


def _value(i: int, year: int) -> int:
    """A growing, deterministic count: 1,000 + 37 * i, growing 3 % a year (whole jobs)."""
    return round((1_000 + 37 * i) * 1.03 ** (year - FIRST))


def generate(folder: Path, size: int, csv: bool) -> Path:
    """A scenario of ``size`` indicators x :data:`YEARS` observations, in ``folder``."""
    lines = [
        "scenario_version = 1",
        f'name = "scale-{size}"',
        f'description = "{size:,} indicators x {YEARS} yearly observations (benchmark)"',
        "",
        "[sources.gen]",
        'publisher = "offshoring-cli benchmarks/scale.py"',
        'title = "Generated figures"',
        'date = "2026"',
        'url = "https://example.invalid/scale"',
        "",
    ]
    last = FIRST + YEARS - 1
    for i in range(size):
        target = round(_value(i, last) * 1.6)
        lines += [
            "[[indicators]]",
            f'id = "ind_{i}"',
            f'label = "Indicator {i}"',
            'unit = "jobs"',
            f'target = {{year = {last + 6}, value = {target}, series = "s", source = "gen"}}',
        ]
        rows = [(year, _value(i, year)) for year in range(FIRST, last + 1)]
        if csv:
            name = f"ind_{i}.csv"
            body = "".join(f"{year},{value},s,gen\n" for year, value in rows)
            (folder / name).write_text("year,value,series,source\n" + body, encoding="utf-8")
            lines.append(f'observations_csv = "{name}"')
        else:
            lines.append("observations = [")
            lines += [
                f'  {{year = {year}, value = {value}, series = "s", source = "gen"}},'
                for year, value in rows
            ]
            lines.append("]")
        lines.append("")
    path = folder / f"scale-{size}{'-csv' if csv else ''}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak resident memory of the child in MB,
    and exit code."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: its own rusage, so the peak is this command's alone
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execvpe(command[0], command, env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, peak, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--csv-observations", action="store_true", help="observations in CSV")
    parser.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--only", nargs="+", help="only these kinds (json csv table validate)")
    parser.add_argument(
        "--judge", choices=["wall", "cpu"], default="wall", help="the time the budget applies to"
    )
    parser.add_argument(
        "--cache",
        choices=["warm", "cold"],
        default="warm",
        help="warm: the parse cache filled before the timed runs (default); cold: turned off",
    )
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="offshoring-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    script = shutil.which("offshoring", path=str(Path(python).parent)) or shutil.which("offshoring")
    offshoring = [script] if script else [python, "-m", "offshoring_cli"]
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "OFFSHORING_SCENARIO"}}
    env.update(COLUMNS="120", NO_COLOR="1", OFFSHORING_CACHE_DIR=str(folder / "cache"))
    env.pop("OFFSHORING_CACHE", None)
    if args.cache == "cold":
        env["OFFSHORING_CACHE"] = "off"
    try:
        import tomli

        compiled = tomli.__file__.endswith(".so")
        parser_name = f"tomli {'(compiled) ' if compiled else ''}(the [fast] extra)"
    except ImportError:
        parser_name = "tomllib"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    where = (
        f"Python {platform.python_version()}, {cpu}, {os.cpu_count()} cores, "
        f"TOML parser: {parser_name}, "
        f"observations in {'CSV' if args.csv_observations else 'TOML'}, {args.cache} parse cache"
    )
    failed = False
    rows: list[tuple[int, str, float, float, float, str]] = []
    for size in args.sizes:
        path = generate(folder, size, args.csv_observations)
        megabytes = path.stat().st_size / 1e6
        print(f"# {size:,} indicators: {path.name}, {megabytes:.1f} MB", file=sys.stderr)
        if args.cache == "warm":  # parse it once: the timed runs find it in the cache
            _run([*offshoring, "scenario", "validate", str(path)], env)
        for name, arguments, kind in COMMANDS:
            if args.only and kind not in args.only:
                continue
            if "{file}" in arguments:
                command = [*offshoring, *(a.replace("{file}", str(path)) for a in arguments)]
            else:
                command = [*offshoring, "--scenario", str(path), *arguments]
            elapsed, cpu, peak, code = _run(command, env)
            budget = BUDGETS.get(size, {}).get(kind)
            memory = MEMORY_BUDGET.get(size) if kind == "json" else None
            verdict = "" if budget is None else "ok"
            judged = cpu if args.judge == "cpu" else elapsed
            if budget is not None and judged > budget:
                verdict = "OVER"
            if memory is not None:
                verdict = "OVER" if peak > memory or verdict == "OVER" else "ok"
            if code != 0:
                verdict = f"exit {code}"
            failed |= verdict not in {"", "ok"}
            limit = "" if budget is None else f"{budget:g} s"
            limit += "" if memory is None else f", {memory} MB"
            rows.append((size, name, elapsed, cpu, peak, f"{limit} {verdict}".strip()))
            print(
                f"{size:>7,} {name:24} {elapsed:7.2f} s {cpu:7.2f} s {peak:7.0f} MB  {rows[-1][5]}",
                file=sys.stderr,
            )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{where}; budget judged on {args.judge} time; load average {load:.1f}")
    if args.markdown:
        print("\n| indicators | command | wall time | CPU time | peak memory | budget |")
        print("|---:|---|---:|---:|---:|---|")
        for size, name, elapsed, cpu, peak, verdict in rows:
            print(
                f"| {size:,} | `{name}` | {elapsed:.2f} s | {cpu:.2f} s | {peak:.0f} MB "
                f"| {verdict} |"
            )
    else:
        print(f"{'indicators':>10}  {'command':24} {'wall':>9} {'CPU':>9} {'peak':>9}  budget")
        for size, name, elapsed, cpu, peak, verdict in rows:
            print(f"{size:>10,}  {name:24} {elapsed:7.2f} s {cpu:7.2f} s {peak:6.0f} MB  {verdict}")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
