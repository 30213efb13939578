"""Listing the problems of a large invalid scenario: a file of over
:data:`~offshoring_cli.scenario.validate.MAX_VALUES` values that the fast path does not accept.

The full validation (pydantic) of a hostile file of 340,000 empty tables once took 37 s and
listed 1.7 million problems; here it reads only the first :data:`LISTED_INDICATORS`
indicators with a problem (their key paths as in the file), then, once they are right, the
whole file.
"""

from __future__ import annotations

import re
from typing import Any

from offshoring_cli.core import records
from offshoring_cli.scenario import fast, validate

LISTED_INDICATORS = 20
"""In a file of over :data:`~offshoring_cli.scenario.validate.MAX_VALUES` values, the most
indicators whose problems are listed."""

_TOO_MANY = (
    "(top level): holds over {:,} values (keys and array items) outside its indicators, the "
    "most a scenario may hold (the built-in dataset holds 260)"
)


def large_check(data: dict[str, Any]) -> tuple[records.Dataset | None, list[str]]:
    """The problems of a large file the fast path does not accept: the full validation of the
    first :data:`LISTED_INDICATORS` indicators the fast path does not accept (their key paths
    as in the file), then, once they are right, of the whole file. What is not an indicator
    may hold at most :data:`~offshoring_cli.scenario.validate.MAX_VALUES` values."""
    indicators = data.get("indicators") if isinstance(data, dict) else None
    rest = {key: value for key, value in data.items() if key != "indicators"}
    if not isinstance(indicators, list) or validate._too_many_values(rest):
        return None, [_TOO_MANY.format(validate.MAX_VALUES)]
    failing = [i for i, raw in enumerate(indicators) if not fast.indicator_ok(raw)]
    if not failing:
        return validate.full_check(data)
    listed = failing[:LISTED_INDICATORS]
    dataset, problems = validate.full_check({**data, "indicators": [indicators[i] for i in listed]})
    if dataset is not None:  # the fast path was only cautious about these: check it all
        return validate.full_check(data)

    def original(found: re.Match[str]) -> str:
        return f"indicators[{listed[int(found[1])]}]"

    problems = [re.sub(r"^indicators\[(\d+)\]", original, problem) for problem in problems]
    if len(failing) > len(listed):
        problems.append(
            f"indicators: {len(failing) - len(listed):,} more indicators may have problems "
            f"(from indicators[{failing[len(listed)]}] on); only the first {len(listed)} are "
            "listed in a file this large"
        )
    return None, problems
