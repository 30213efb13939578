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


def large_check(data: dict[str, Any]) -> tuple[records.Dataset | None, list[str]]:
    """The problems of a large file the fast path does not accept: the full validation of the
    first :data:`LISTED_INDICATORS` indicators the fast path does not accept (their key paths
    as in the file), then, once they are right, of the whole file. What is not an indicator
    may hold at most :data:`~offshoring_cli.scenario.validate.MAX_VALUES` values."""
    indicators = data.get("indicators") if isinstance(data, dict) else None
    rest = {key: value for key, value in data.items() if key != "indicators"}
    if not isinstance(indicators, list) or validate._too_many_values(rest):
        from offshoring_cli.i18n import Num, Text
        from offshoring_cli.scenario.problems import problem

        too_many = Text(
            "holds over {most} values (keys and array items) outside its indicators, the most a "
            "scenario may hold (the built-in dataset holds 260)",
            most=Num("number", validate.MAX_VALUES),
        )
        return None, [problem("(top level)", too_many)]
    failing = [i for i, raw in enumerate(indicators) if not fast.indicator_ok(raw)]
    if not failing:
        return validate.full_check(data)
    listed = failing[:LISTED_INDICATORS]
    dataset, problems = validate.full_check({**data, "indicators": [indicators[i] for i in listed]})
    if dataset is not None:  # the fast path was only cautious about these: check it all
        return validate.full_check(data)

    def original(found: re.Match[str]) -> str:
        return f"indicators[{listed[int(found[1])]}]"

    from offshoring_cli.scenario.problems import in_place, problem

    problems = [in_place(found, r"^indicators\[(\d+)\]", original) for found in problems]
    if len(failing) > len(listed):
        from offshoring_cli.i18n import Num, Text

        first = "indicators[" + str(failing[len(listed)]) + "]"
        more = Text(
            "{more} more indicators may have problems (from {first} on); only the first {listed} "
            "are listed in a file this large",
            more=Num("number", len(failing) - len(listed)),
            first=first,
            listed=len(listed),
        )
        problems.append(problem("indicators", more))
    return None, problems
