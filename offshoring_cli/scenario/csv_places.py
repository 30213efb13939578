"""Where a scenario's problems about observations read from CSV files are: their file, line and
column instead of their key path (:func:`locate`), and the problems in file order
(:func:`in_file_order`). Used only when a file has problems (``scenario/validate.py``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from offshoring_cli.i18n import Text

if TYPE_CHECKING:
    from offshoring_cli.scenario.csv_observations import Origin

_PLACE = r"indicators\[(\d+)\]\.observations\[(\d+)\](?:\.([a-z_]+))?$"
_EMPTY = r"indicators\[(\d+)\]\.observations$"
_FIRST = r"observations\[(\d+)\]$"


def locate(problems: list[str], origins: dict[int, Origin]) -> list[str]:
    """``problems`` with each one about an observation read from CSV given its file, line and
    column instead of its key path."""
    if not origins:
        return problems
    from offshoring_cli.scenario.problems import moved, parts

    located = []
    for problem in problems:
        split = parts(problem)
        place = split[0] if split else ""
        empty = re.match(_EMPTY, place)
        if empty and int(empty[1]) in origins and not origins[int(empty[1])].lines:
            continue  # an unreadable or empty CSV file, already reported
        match = re.match(_PLACE, place)
        origin = origins.get(int(match[1])) if match else None
        if match is None or origin is None or int(match[2]) < origin.offset:
            located.append(problem)
            continue
        row = int(match[2]) - origin.offset
        changed = {}
        first = getattr(split[1], "args", {}).get("first") if split else None
        found = re.match(_FIRST, first) if isinstance(first, str) else None
        if found is not None and int(found[1]) >= origin.offset:  # a duplicate of a CSV row
            changed["first"] = Text("line {line}", line=origin.lines[int(found[1]) - origin.offset])
        located.append(moved(problem, origin.where(row, match[3] or ""), **changed))
    return located


_LINE = r"(.*?), line (\d+)(?:, column (\d+))?"


def in_file_order(problems: list[str]) -> list[str]:
    """The problems located in CSV files first, each file's by line and column (files in the
    order first met), then the others in their order."""
    files: dict[str, int] = {}
    keyed = []
    for at, problem in enumerate(problems):
        found = re.match(_LINE, problem)
        if found is None or problem.startswith("indicators["):
            keyed.append(((1, 0, 0, 0, at), problem))
            continue
        rank = files.setdefault(found[1], len(files))
        keyed.append(((0, rank, int(found[2]), int(found[3] or 0), at), problem))
    return [problem for _, problem in sorted(keyed)]
