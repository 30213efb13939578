"""Observations from a CSV file beside the scenario: ``observations_csv = "jobs.csv"``.

An indicator may take its observations (all, or those after its inline ``observations``) from
a CSV file. The path is relative to the scenario file's folder (to the current folder for a
scenario read from standard input); it is read as a scenario is (a regular file, UTF-8 with or
without a byte-order mark, at most :data:`~offshoring_cli.scenario.read.MAX_BYTES`).

The header names the columns, in any order: ``year``, ``value``, ``series`` and ``source`` are
required; ``note`` and ``reported_change`` may follow. Each row is one observation:

- ``year``: ``2025`` for a whole year, ``2025-H1`` or ``2025-H2`` for a half-year;
- ``value``: a number as on the command line (``160000``, ``148,500`` in quotes, ``26.22bn``),
  in the indicator's unit; a decimal comma (``26,22``) gets the command line's hint;
- ``series``, ``source``: ids, as in the TOML file (the source a key of ``[sources]``);
- ``note`` (text, may be empty), ``reported_change`` (a fraction or a percentage, may be empty).

Each row becomes the observation the TOML file would hold, and is then validated exactly as
one (same ranges, whole counts, text without control characters, unknown sources, duplicate
years). Every problem is reported at once with the file, line and column:
``jobs.csv, line 4, column 2 (value): '1,5': use a dot for decimals: 1.5``.
"""

from __future__ import annotations

import os
import re
from typing import Any

from offshoring_cli.i18n import N_, Text
from offshoring_cli.scenario import ScenarioError, shown

KEY = "observations_csv"
"""The indicator's key that names its CSV file."""
REQUIRED = ("year", "value", "series", "source")
"""The columns every CSV of observations has."""
OPTIONAL = ("note", "reported_change")
"""The columns it may have."""

# Patterns as text, compiled by re's own cache on first use: a valid file compiles the three
# it reads with, and the others only when there is a problem to place (compiling all seven at
# import cost about 4 % of a command's start-up).
_YEAR = r"([0-9]{4})(?:-([Hh][12]))?"
_INT = r"[0-9]{1,18}"
_FLOAT = r"[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+"


class Origin:
    """Where each observation read from one CSV file came from: the file as the scenario
    names it, the line of each row, and the column of each field."""

    def __init__(self, name: str, offset: int, columns: dict[str, int]) -> None:
        self.name = name
        self.offset = offset
        """How many inline observations come before the file's rows."""
        self.columns = columns
        self.lines: list[int] = []

    def where(self, row: int, field: str = "") -> Text:
        """``jobs.csv, line 4, column 2 (value)`` for the ``row``-th row read (from 0)."""
        if field in self.columns:
            return at(self.name, self.lines[row], self.columns[field] + 1, field)
        return at(self.name, self.lines[row])


_AT_LINE = N_("{file}, line {line}")
_AT_COLUMN = N_("{file}, line {line}, column {column}")
_AT_FIELD = N_("{file}, line {line}, column {column} ({field})")


def at(name: str, line: int, column: int = 0, field: str = "") -> Text:
    """A place in a CSV file: ``jobs.csv, line 4``, with ``, column 2`` and `` (value)``."""
    if not column:
        return Text(_AT_LINE, file=name, line=line)
    if not field:
        return Text(_AT_COLUMN, file=name, line=line, column=column)
    return Text(_AT_FIELD, file=name, line=line, column=column, field=field)


def _problem(where: str, template: str, **args: object) -> str:
    """A problem of a CSV file (made only when there is one)."""
    from offshoring_cli.scenario.problems import problem

    return problem(where, Text(template, **args))


def _whole(cell: str) -> bool:
    """``cell`` matches :data:`_INT` (1 to 18 ASCII digits), without a regular expression: it
    runs for every cell of a large file."""
    return 0 < len(cell) <= 18 and cell.isascii() and cell.isdigit()


def _value(cell: str, unit: str) -> int | float:
    """A value cell: a plain number at once, anything else by the command line's grammar."""
    if _whole(cell):
        return int(cell)
    if re.fullmatch(_FLOAT, cell):
        return float(cell)
    from offshoring_cli.core import grammar, records

    return grammar.parse_quantity(cell, unit, whole=records.is_count(unit)).value


def _change(cell: str) -> float:
    if _whole(cell.lstrip("+-")) or re.fullmatch(_FLOAT, cell.lstrip("+-")):
        return float(cell)
    from offshoring_cli.core import grammar

    return grammar.parse_rate(cell)


def _rows(
    name: str, text: str, unit: str, offset: int
) -> tuple[list[dict[str, Any]], Origin, list[str]]:
    """The observations of one CSV file's ``text``, where each came from, and its problems."""
    import csv
    import io

    problems: list[str] = []
    # newline="": a quoted value keeps its line breaks, so that a quote left open is seen
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    origin = Origin(name, offset, {})
    if header is None:
        return (
            [],
            origin,
            [
                _problem(
                    name,
                    N_("is empty; its first line is the header {header}"),
                    header=",".join(REQUIRED),
                )
            ],
        )
    if len(header) == 1 and ";" in header[0]:
        return (
            [],
            origin,
            [
                _problem(
                    at(name, 1),
                    N_(
                        "columns separated by ';' (as a spreadsheet set to French saves CSV); "
                        "separate them with ',' (save as 'CSV UTF-8 (comma delimited)') and "
                        "quote a "
                        'value with a comma: "148,500"'
                    ),
                )
            ],
        )
    columns: dict[str, int] = {}
    for place, cell in enumerate(header):
        column = cell.strip().lower()
        if not column:
            continue  # an empty column (a trailing comma): its cells are not read
        where = at(name, 1, place + 1)
        if column in columns:
            problems.append(
                _problem(where, N_("column {column} appears twice"), column=repr(column))
            )
        elif column not in REQUIRED + OPTIONAL:
            problems.append(
                _problem(
                    where,
                    N_(
                        "unknown column {column}; the columns are {required} (required) and "
                        "{optional} (optional)"
                    ),
                    column=repr(cell.strip()[:40]),
                    required=", ".join(REQUIRED),
                    optional=", ".join(OPTIONAL),
                )
            )
        else:
            columns[column] = place
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append(
            _problem(
                at(name, 1),
                N_(
                    "missing columns {columns}; the header names year, value, series and source "
                    "(e.g. year,value,series,source)"
                )
                if len(missing) > 1
                else N_(
                    "missing column {columns}; the header names year, value, series and source "
                    "(e.g. year,value,series,source)"
                ),
                columns=", ".join(missing),
            )
        )
    if problems:
        return [], origin, problems
    origin.columns = columns
    width = len(header)
    found: list[dict[str, Any]] = []
    year_at, value_at = columns["year"], columns["value"]
    series_at, source_at = columns["series"], columns["source"]
    note_at, change_at = columns.get("note"), columns.get("reported_change")
    ended = reader.line_num  # the line the previous row ended on
    for cells in reader:
        line, start, ended = reader.line_num, ended + 1, reader.line_num
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue  # a blank line
        if any("\n" in cell or "\r" in cell for cell in cells):
            problems.append(
                _problem(
                    at(name, start),
                    N_(
                        "a line break inside a quoted value (a quote left open?); a value holds "
                        "one "
                        'line: close the quote, or write "" for a quote inside a value'
                    ),
                )
            )
            break  # an open quote runs to the end of the file: nothing after it is a row
        if len(cells) != width:
            problems.append(
                _problem(
                    at(name, line),
                    N_(
                        "{cells} cells, the header has {width} (a comma inside a value must be "
                        'quoted: "148,500")'
                    ),
                    cells=len(cells),
                    width=width,
                )
            )
            continue
        row: dict[str, Any] = {}
        wrong: list[tuple[str, str]] = []
        year = re.fullmatch(_YEAR, cells[year_at].strip(" "))
        if year is None:
            wrong.append(
                (
                    "year",
                    Text(
                        "{cell} is not a year; write 2025 for a whole year, 2025-H1 or 2025-H2 "
                        "for a half-year",
                        cell=repr(cells[year_at][:40]),
                    ),
                )
            )
        else:
            row["year"] = int(year[1])
            if year[2]:
                row["period"] = year[2].upper()
        try:
            row["value"] = _value(cells[value_at].strip(" "), unit)
        except ValueError as error:
            wrong.append(("value", str(error)))
        row["series"] = cells[series_at].strip(" ")
        row["source"] = cells[source_at].strip(" ")
        if note_at is not None and cells[note_at].strip(" "):
            row["note"] = cells[note_at].strip(" ")
        if change_at is not None and cells[change_at].strip(" "):
            try:
                row["reported_change"] = _change(cells[change_at].strip(" "))
            except ValueError as error:
                wrong.append(("reported_change", str(error)))
        wrong += [
            (field, Text("empty; give the {field} id", field=field))
            for field in ("series", "source")
            if not row[field]
        ]
        if wrong:
            from offshoring_cli.scenario.problems import problem

            for field, message in wrong:
                problems.append(problem(at(name, line, columns[field] + 1, field), message))
        if not wrong:
            found.append(row)
            origin.lines.append(line)
    if not found and not problems:
        problems.append(_problem(name, N_("no observation rows after the header")))
    return found, origin, problems


def _read_rows(
    path: str, name: str, unit: str, offset: int
) -> tuple[list[dict[str, Any]], Origin, list[str]]:
    """:func:`_rows` of the CSV file at ``path``, from the parse cache when its entry holds
    exactly the file's bytes and was read in the same ``unit``
    (:mod:`~offshoring_cli.scenario.cache`, ``csv-`` entries); a file read without a problem
    is stored there. ``OFFSHORING_CACHE=off`` reads it every time.

    Raises:
        ScenarioError: the file cannot be read or is not UTF-8 (:func:`read.read_named`).
    """
    from offshoring_cli.scenario import cache
    from offshoring_cli.scenario.read import decode_named, read_named

    data = read_named(path)
    where = cache.folder()
    if where is not None:
        hit = cache.load(where, path, data, "csv", unit)
        if hit is not None:
            try:
                origin = Origin(name, offset, dict(hit["columns"]))
                origin.lines = list(hit["lines"])
                rows: list[dict[str, Any]] = hit["rows"]
            except (KeyError, TypeError):  # not an entry this module wrote: read the file
                pass
            else:
                if type(rows) is list and len(rows) == len(origin.lines):
                    return rows, origin, []
    rows, origin, problems = _rows(name, decode_named(path, data), unit, offset)
    if where is not None and not problems:
        entry = {"rows": rows, "lines": origin.lines, "columns": origin.columns}
        rows = cache.store(where, path, data, entry, "csv", unit)["rows"]
    return rows, origin, problems


def attach(data: Any, base: str | None) -> tuple[Any, dict[int, Origin], list[str]]:
    """``data`` with each indicator's ``observations_csv`` read into its ``observations``.

    ``base`` is the scenario file's path (``None`` for standard input: paths are relative to
    the current folder). Returns the new data (``data`` itself when no indicator names a CSV
    file), where each CSV file's observations came from (by indicator index), and the
    problems of reading them (file, line and column), in file order.
    """
    indicators = data.get("indicators") if isinstance(data, dict) else None
    if not isinstance(indicators, list) or not any(
        isinstance(ind, dict) and KEY in ind for ind in indicators
    ):
        return data, {}, []
    # os.path, not pathlib: its import would cost about 4 % of a command's start-up
    folder = os.path.dirname(base) if base is not None else ""
    origins: dict[int, Origin] = {}
    problems: list[str] = []
    changed = []
    for i, ind in enumerate(indicators):
        if not isinstance(ind, dict) or KEY not in ind:
            changed.append(ind)
            continue
        ind = dict(ind)
        named = ind.pop(KEY)
        here = f"indicators[{i}].{KEY}"
        if not isinstance(named, str) or not named.strip():
            problems.append(
                _problem(here, N_("must be the path of a CSV file, relative to the scenario"))
            )
            changed.append(ind)
            continue
        inline = ind.get("observations", [])
        offset = len(inline) if isinstance(inline, list) else 0
        path = os.path.join(folder, named)
        name = shown(named)
        unit = ind["unit"] if isinstance(ind.get("unit"), str) else ""
        try:
            rows, origin, found = _read_rows(path, name, unit, offset)
        except ScenarioError as error:
            from offshoring_cli.scenario.problems import problem
            from offshoring_cli.scenario.read import NO_SUCH_FILE

            said = error.problems[0]
            if isinstance(said, Text) and said.template == NO_SUCH_FILE:
                said = Text(
                    N_("no such file in {folder} (a path is relative to the current folder)")
                    if base is None
                    else N_(
                        "no such file in {folder} (a path is relative to the scenario's folder)"
                    ),
                    folder=shown(os.path.abspath(os.path.dirname(path))),
                )
            problems.append(problem(here, problem(name, said)))
            origins[i] = Origin(name, offset, {})  # no rows: its "observations" problems go
            changed.append(ind)
            continue
        problems += found
        origins[i] = origin
        ind["observations"] = [*inline, *rows] if isinstance(inline, list) else inline
        changed.append(ind)
    return {**data, "indicators": changed}, origins, problems
