"""The checks of single values behind the fast path (:mod:`~offshoring_cli.scenario.fast`):
each returns the value when it surely passes the model's rule
(:mod:`~offshoring_cli.scenario.model`), and raises :class:`Full` at the first doubt (then the
full validation decides and, if need be, says what is wrong).
"""

from __future__ import annotations

import math
from typing import Any

from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, MAX_QUANTITY, MIN_QUANTITY
from offshoring_cli.i18n import Text
from offshoring_cli.scenario import exact_number

DIGITS = frozenset("0123456789")
LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ALNUM = DIGITS | LOWER | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ID = (ALNUM, ALNUM | frozenset("_.-"))
"""An id (``Id`` in the model): a letter or digit, then letters, digits, ``_``, ``.``, ``-``."""
INDICATOR_ID = (LOWER, LOWER | DIGITS | frozenset("_"))
"""An indicator id: a lowercase letter, then lowercase letters, digits and ``_``."""


class Full(Exception):
    """Raised where the full validation must decide."""


def table(value: Any, allowed: frozenset[str]) -> dict[str, Any]:
    """``value`` if it is a table whose keys are all in ``allowed`` (required keys are the
    caller's to look up: a missing one is a :class:`KeyError`)."""
    if type(value) is not dict or not value.keys() <= allowed:
        raise Full
    return value


def text(value: Any, empty: bool = False, most: int = 0) -> str:
    """One line of plain text, already stripped (pydantic would strip it: the full way)."""
    if (
        type(value) is not str
        or (not value and not empty)
        or value != value.strip()
        or (most and len(value) > most)
        or not value.isprintable()  # stricter than the model's control characters
    ):
        raise Full
    return value


def match(value: Any, pattern: tuple[frozenset[str], frozenset[str]], most: int = 0) -> str:
    """``value`` if it is text whose first character is in ``pattern[0]`` and every other in
    ``pattern[1]`` (what the model's regular expression says, without compiling one)."""
    if (
        type(value) is not str
        or value[:1] not in pattern[0]
        or not set(value) <= pattern[1]
        or (most and len(value) > most)
    ):
        raise Full
    return value


def date_form() -> Text:
    """What a source's date must be, in words (the model's error says it)."""
    return Text(
        "YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date with the year from {first} to "
        "{last} (e.g. 2025-03)",
        first=FIRST_YEAR,
        last=LAST_YEAR,
    )


def date_problem(value: str) -> Text | None:
    """What is wrong with ``value``, a text already of the form ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` in ASCII digits, as a calendar date (``"month 13"``, ``"2025-02 has 28
    days"``, ``"year 2999"``); ``None`` for a real date with the year from :data:`FIRST_YEAR`
    to :data:`LAST_YEAR` (the text is made only for a date that is not)."""
    parts = value.split("-")
    year = int(parts[0])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return Text("year {year}", year=parts[0])
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        return Text("month {month}", month=parts[1])
    if len(parts) > 2:
        month, day = int(parts[1]), int(parts[2])
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        if day == 0:
            return Text("day {day}", day=parts[2])
        if day > days:
            month_of = parts[0] + "-" + parts[1]
            return Text("{month} has {days} days", month=month_of, days=days)
    return None


def date(value: Any) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits), a real calendar date
    (:func:`date_problem`)."""
    parts = value.split("-") if type(value) is str else []
    if (
        [len(part) for part in parts] not in ([4], [4, 2], [4, 2, 2])
        or not set("".join(parts)) <= DIGITS
        or date_problem(value) is not None
    ):
        raise Full
    return value  # type: ignore[no-any-return]


def url(value: Any) -> str:
    """``http://`` or ``https://`` and at least one more character, without spaces."""
    line = text(value)
    rest = line.removeprefix("http://").removeprefix("https://") if line[:4] == "http" else ""
    if not rest or rest == line or len(line.split()) != 1:
        raise Full
    return line


def year(value: Any) -> int:
    """A year as an integer from :data:`FIRST_YEAR` to :data:`LAST_YEAR`."""
    if type(value) is not int or not FIRST_YEAR <= value <= LAST_YEAR:
        raise Full
    return value


def quantity(value: Any, count: bool) -> int | float:
    """A value as the command line accepts it (whole when ``count``), made exact."""
    kind = type(value)
    if kind is int:
        if not 0 < value <= MAX_QUANTITY:
            raise Full
        return int(value)
    if (
        kind is not float
        or not math.isfinite(value)
        or not MIN_QUANTITY <= value <= MAX_QUANTITY
        or (count and not value.is_integer())
    ):
        raise Full
    return exact_number(value)


def fraction(value: Any, low: float, high: float) -> float:
    """A float in ``(low, high]``; an integer goes the full way (pydantic decides)."""
    if type(value) is not float or not low < value <= high:
        raise Full
    return value


class Ids:
    """Ids already checked against a pattern (series and source ids repeat a lot)."""

    def __init__(self, pattern: tuple[frozenset[str], frozenset[str]], most: int) -> None:
        self.seen: dict[str, str] = {}
        """Each id checked, to itself: the records share one string per id (a parser makes
        one per occurrence: half a million of them in 10,000 indicators' observations)."""
        self.pattern = pattern
        self.most = most

    def __call__(self, value: Any) -> str:
        if type(value) is str and value in self.seen:
            return self.seen[value]
        checked = match(value, self.pattern, self.most)
        self.seen[checked] = checked
        return checked
