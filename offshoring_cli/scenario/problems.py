"""A scenario's problems as sentences of ours, in the language chosen (``--lang fr|ar``).

Each problem is a :class:`~offshoring_cli.i18n.Text` (its string the English line, as before):
``{where}: {problem}``, where ``where`` is a key path as written in the file
(``indicators[0].observations[2].value``: keys are never translated) or a CSV file's line and
column, and ``problem`` a template of ours with its values. pydantic's own messages ("Input
should be a valid number") are not shown: each error ``type`` met is mapped here to a template
of ours from its ``ctx`` values (:func:`pydantic_problem`).

Imported only when a file has a problem: a valid file never builds one of these.
"""

from __future__ import annotations

import math
import re
from typing import Any

from offshoring_cli.i18n import N_, Num, Text

PROBLEM = N_("{where}: {problem}")
"""A problem and where it is."""


def problem(where: str, message: str) -> Text:
    """The problem ``message`` at ``where`` (a key path, or a CSV file's line and column)."""
    return Text(PROBLEM, where=where, problem=message)


def parts(found: str) -> tuple[str, str] | None:
    """``(where, message)`` of a problem made by :func:`problem` (the message a
    :class:`~offshoring_cli.i18n.Text`), else ``None``."""
    if isinstance(found, Text) and found.template == PROBLEM:
        return found.args["where"], found.args["problem"]
    return None


def moved(found: str, where: str, **changed: Any) -> str:
    """The problem ``found`` at another place ``where``, its message's arguments ``changed``
    (a CSV row's ``first`` duplicate at a line); a plain string is left as it is."""
    split = parts(found)
    if split is None:
        return found
    message = split[1]
    if changed and isinstance(message, Text) and changed.keys() <= message.args.keys():
        message = type(message)(message.template, **{**message.args, **changed})
    return problem(where, message)


_PATTERNS = {
    r"^[a-z][a-z0-9_]*$": N_(
        "must be an id of lowercase letters, digits and _, starting with a letter (e.g. hires_2025)"
    ),
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": N_(
        "must be an id of letters, digits, _, . and -, starting with a letter or a digit (e.g. "
        "survey-2025)"
    ),
    r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": N_("must be YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-03)"),
    r"^https?://\S+$": N_("must be an http:// or https:// address without spaces"),
}
"""Each pattern of the scenario model, in words: what a value that fails it must be."""

_PLAIN = {
    "missing": N_("missing (required)"),
    "extra_forbidden": N_("unknown key (check its spelling; see 'offshoring schema scenario')"),
    "finite_number": N_("must be a finite number (not nan or inf)"),
    "string_type": N_("must be a valid string"),
    "int_type": N_("must be a valid integer"),
    "float_type": N_("must be a valid number"),
    "bool_type": N_("must be a valid boolean"),
    "dict_type": N_("must be a valid dictionary"),
    "list_type": N_("must be a valid list"),
    "model_attributes_type": N_("must be a valid dictionary or object to extract fields from"),
    "int_parsing": N_("must be a valid integer, unable to parse string as an integer"),
    "float_parsing": N_("must be a valid number, unable to parse string as a number"),
    "int_from_float": N_("must be a valid integer, got a number with a fractional part"),
}
"""pydantic's error types whose message has no value, and ours for each."""

_BOUNDS = {
    "greater_than": (N_("must be greater than {bound}"), "gt"),
    "greater_than_equal": (N_("must be greater than or equal to {bound}"), "ge"),
    "less_than": (N_("must be less than {bound}"), "lt"),
    "less_than_equal": (N_("must be less than or equal to {bound}"), "le"),
}
"""pydantic's error types of a bound (its ``ctx`` key), and ours for each."""

_LENGTHS = {
    "string_too_short": (
        N_("must have at least 1 character"),
        N_("must have at least {count} characters"),
        "min_length",
    ),
    "string_too_long": (
        N_("must have at most 1 character"),
        N_("must have at most {count} characters"),
        "max_length",
    ),
}

_CONTROL_NAMES = {
    "\t": N_("tab"),
    "\n": N_("line break"),
    "\r": N_("carriage return"),
    "\x1b": N_("escape, as in terminal escape codes"),
    "\x7f": N_("delete"),
}
"""The control characters people type by mistake, by name."""


def _expected(text: str) -> Text | str:
    """pydantic's ``'year', 'H1' or 'H2'`` with ``or`` in the language (the values as typed)."""
    head, sep, last = text.rpartition(" or ")
    if not sep:
        return text
    return Text("{first} or {last}", first=head, last=last)


def _control(ctx: dict[str, Any]) -> Text:
    char = chr(int(str(ctx["name"])[2:6], 16)) if str(ctx.get("name", "")).startswith("U+") else ""
    code = f"U+{ord(char):04X}" if char else str(ctx.get("name", ""))
    name: str = code
    if char in _CONTROL_NAMES:
        name = Text("{code}, {name}", code=code, name=Text(_CONTROL_NAMES[char]))
    return Text(
        "holds a control character ({name}) at character {at}; text is one line of plain text, "
        "without tabs, line breaks or escape codes",
        name=name,
        at=ctx["at"],
    )


def _custom(kind: str, ctx: dict[str, Any]) -> Text | None:
    """Our own error types (:mod:`~offshoring_cli.scenario.model`) as templates."""
    if kind == "control_character":
        return _control(ctx)
    if kind == "quantity_too_small":
        return Text(
            "{value} is too small: values are at least 1e-6, as on the command line (in whole "
            "units of the indicator, not thousands or billions)",
            value=ctx["value"],
        )
    if kind == "quantity_too_large":
        return Text(
            "{value} is too large: values are at most 1e18, as on the command line",
            value=ctx["value"],
        )
    if kind == "calendar_date":
        from offshoring_cli.scenario.fast_values import date_form, date_problem

        return Text(
            "{value} is not a calendar date ({problem}); must be {form}",
            value=ctx["value"],
            problem=date_problem(str(ctx["value"])) or str(ctx["problem"]),
            form=date_form(),
        )
    return None


def pydantic_message(error: Any, version: int) -> Text:
    """One pydantic error (an item of ``ValidationError.errors()``) as a sentence of ours,
    from its ``type`` and ``ctx`` (``version``: the scenario format this tool reads)."""
    kind, loc = error["type"], error["loc"]
    ctx = error.get("ctx") or {}
    if loc and loc[-1] == "[key]":
        return Text(
            "the key {problem}", problem=pydantic_message({**error, "loc": loc[:-1]}, version)
        )
    custom = _custom(kind, ctx)
    if custom is not None:
        return custom
    if kind == "greater_than" and "gt" not in ctx:  # ours: a value of a quantity
        return Text(_BOUNDS[kind][0], bound=0)
    if kind == "string_pattern_mismatch":
        words = _PATTERNS.get(str(ctx.get("pattern")))
        if words is not None:
            return Text(words)
        return Text("must match pattern '{pattern}'", pattern=ctx.get("pattern"))
    if kind == "literal_error" and "scenario_version" in loc:
        return Text(
            "must be {version} (this tool reads scenario format {version})", version=version
        )
    if kind == "list_type" and loc:
        key = str(loc[-1])
        if key == "notes":
            return Text('must be a list of texts: notes = ["..."]')
        if isinstance(error.get("input"), dict):  # a [table] where [[tables]] were meant
            table = ".".join(str(part) for part in loc if not isinstance(part, int))
            return Text(
                "must be a list of tables: write [[{table}]] (double brackets) for each one",
                table=table,
            )
    if kind == "string_type" and hasattr(error.get("input"), "isoformat") and loc:
        # an unquoted TOML date (date = 2025-01-15) is a date, not text
        return Text(
            'must be text: quote the date ({key} = "{given}")',
            key=str(loc[-1]),
            given=error["input"].isoformat(),
        )
    if kind in {"union_tag_not_found", "union_tag_invalid"}:
        return Text(
            "needs kind = {kinds} (which insight it declares)",
            kinds=_expected("'ratio' or 'claim'"),
        )
    if kind in _PLAIN:
        return Text(_PLAIN[kind])
    if kind in _BOUNDS and _BOUNDS[kind][1] in ctx:
        template, key = _BOUNDS[kind]
        return Text(template, bound=ctx[key])
    if kind in _LENGTHS and _LENGTHS[kind][2] in ctx:
        one, many, key = _LENGTHS[kind]
        count = ctx[key]
        return Text(one) if count == 1 else Text(many, count=count)
    if kind == "too_short" and "min_length" in ctx:
        if ctx["min_length"] == 1:
            return Text("must hold at least one item (it is empty)")
        return Text(
            "must hold at least {least} items, not {actual}",
            least=ctx["min_length"],
            actual=ctx.get("actual_length", 0),
        )
    if kind == "model_type" and "class_name" in ctx:
        return Text("must be a valid dictionary or instance of {name}", name=ctx["class_name"])
    if kind == "literal_error" and "expected" in ctx:
        return Text("must be {expected}", expected=_expected(str(ctx["expected"])))
    if kind == "value_error":  # a ValueError of ours in a validator
        return Text("{detail}", detail=str(error["msg"]).removeprefix("Value error, "))
    msg = str(error["msg"]).replace("Input should be", "must be").replace("String should", "must")
    return Text("{detail}", detail=msg)  # a type not met in testing: pydantic's words


def wrong_type(where: str, given: Any, kinds: set[str]) -> Text | None:
    """One problem for a number given as text or as true/false (pydantic reports one per
    branch of ``int | float``), with what to write instead; ``None`` for other inputs."""
    whole = kinds == {"int_type"}
    key = where.rsplit(".", 1)[-1]
    if isinstance(given, bool):
        template = (
            N_("must be a whole number, not {given}")
            if whole
            else N_("must be a number, not {given}")
        )
        return Text(template, given=str(given).lower())
    if isinstance(given, float) and whole and given.is_integer():
        number = int(given)
        if key.endswith("year"):  # year = 2023.0
            return Text(
                "must be a whole year such as {whole}, not {given} ({key} = {whole})",
                whole=number,
                given=repr(given),
                key=key,
            )
        return Text(
            "must be a whole number, not {given} ({key} = {whole})",
            whole=number,
            given=repr(given),
            key=key,
        )
    if isinstance(given, str):
        try:
            finite = math.isfinite(float(given.strip().replace("_", "")))
        except ValueError:
            finite = False
        if not finite:
            template = (
                N_("must be a whole number, not text ({given})")
                if whole
                else N_("must be a number, not text ({given})")
            )
            return Text(template, given=repr(given[:40]))
        template = (
            N_("must be a whole number, not text: remove the quotes ({key} = {number})")
            if whole
            else N_("must be a number, not text: remove the quotes ({key} = {number})")
        )
        return Text(template, key=key, number=given.strip()[:40])
    return None


def not_whole(value: float, unit: str) -> Text:
    """A count that is not whole (``148500.5`` jobs)."""
    return Text(
        "{value} is not a whole number: values in {unit} are counts (as on the command line, "
        "where a count of jobs is whole)",
        value=repr(value),
        unit=repr(unit),
    )


def split_sum(where: str, split: Any, added: float, total: float, unit: str) -> Text:
    """Segments of a further split (``split``: its indicator, year and period) that add up to
    ``added``, too far from the figure ``total`` they split to be a part of it."""
    return problem(
        where,
        Text(
            "the segments add up to {added}, not a part of the {period} {year} {indicator} "
            "figure they split ({total}); check the indicator and the values",
            added=Num("value", added, unit),
            period=split.period,
            year=split.year,
            indicator=split.indicator,
            total=Num("value", total, unit),
        ),
    )


def segment_sum(year: int, indicator: str, added: float, total: float, unit: str) -> Text:
    """``[segments]`` that add up to ``added``, over twice or under a thousandth of the figure
    ``total`` of ``indicator`` in ``year`` they split."""
    ratio = added / total
    size = (
        Text("{ratio} times", ratio=Num("number", round(ratio)))
        if ratio > 1
        else Text("1/{ratio} of", ratio=Num("number", round(1 / ratio)))
    )
    return problem(
        "segments.items",
        Text(
            "the segments add up to {added}, {size} the {year} {indicator} figure they split "
            "({total}): segments are parts of that figure, in its unit ({unit}); check "
            "segments.indicator and the values (they may add up to between a thousandth of the "
            "figure and twice it)",
            added=Num("value", added, unit),
            size=size,
            year=year,
            indicator=indicator,
            total=Num("value", total, unit),
            unit=unit,
        ),
    )


def in_place(found: str, pattern: str, replace: Any) -> str:
    """The problem ``found`` with its place rewritten by ``re.sub(pattern, replace, ...)``."""
    split = parts(found)
    if split is None:
        return re.sub(pattern, replace, found)
    return problem(re.sub(pattern, replace, split[0]), split[1])
