"""Click parameter types: the one place command-line text becomes numbers.

Grammar of a quantity (a count of jobs or an amount in MAD), as documented in ``--help`` and
the README:

- a plain number: ``148500``, ``26.22``, ``.5``; an optional leading ``+``;
- ``_`` between digits: ``148_500``;
- a comma only as a thousands separator, in groups of three: ``148,500``, ``1,234.5``;
- scientific notation: ``2.7e5``;
- a scale suffix, with or without a space: ``k`` (10^3), ``M``/``mn`` (10^6),
  ``bn``/``B``/``Md`` (milliard, 10^9), case-insensitive: ``148.5k``, ``26.22bn``, ``40 Md``;
- optionally the unit itself after it: ``26.22 bn MAD``, ``148,500 jobs``.

The value must be finite, from 10^-6 to 10^18 (greater than 0 unless signed); jobs must be whole.
Anything else (``26,22``, ``12,34,5``, ``1.2.3``, ``abc``, ``nan``, ``inf``, ``1e309``, ``0``,
``-5``) is refused with a message that names the option and says what to type instead.
"""

from __future__ import annotations

import math
import re
from typing import Any

import click


def _shown(value: object, limit: int = 40) -> str:
    """The user's input, quoted, cut to ``limit`` characters so an error stays one line."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text)


_SCALES = {"k": 3, "m": 6, "mn": 6, "bn": 9, "b": 9, "md": 9, "mds": 9}

_QUANTITY = r"""
    (?P<mantissa>
        \+?\d{1,3}(?:,\d{3})+(?:\.\d+)?          # 148,500  1,234.5
      | \+?\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?  # 148500  148_500  26.22  26.
      | \+?\.\d+(?:_\d+)*                        # .5
    )
    (?P<exponent>[eE][+-]?\d+)?
    \s*
    (?P<scale>[a-zA-Z]+)?
    """
"""The grammar of a quantity (verbose, ASCII digits); compiled on first use, not at import."""

EXAMPLES = {
    "jobs": "148500, 148,500 or 148.5k",
    "MAD": "26220000000, 26.22bn or 26.22 bn MAD",
    "": "20250, 20,250, 20.25k or 2.3bn",
}


class QuantityType(click.ParamType[int | float]):
    """A count or amount in ``unit`` (``jobs``, ``MAD``, or ``""`` for either), parsed by the
    module's grammar.

    ``convert`` returns an ``int`` when the value is whole (always, for ``whole=True``), a
    ``float`` otherwise. It fails (exit 2) on anything outside the grammar, and on values not
    greater than 0 unless ``signed`` (then any finite value, such as a yearly decrease).
    """

    def __init__(self, unit: str, whole: bool, signed: bool = False) -> None:
        self.unit = unit
        self.whole = whole
        self.signed = signed
        self.name = "count" if whole else "amount"
        self.article = "a count" if whole else "an amount"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return {"jobs": "JOBS", "MAD": "MAD"}.get(self.unit, "N")

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> int | float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        examples = EXAMPLES.get(self.unit, EXAMPLES[""])
        if self.unit and text.lower().endswith(self.unit.lower()):
            text = text[: -len(self.unit)].rstrip()
        if not text:
            self.fail(f"{_shown(value)} is empty; give a number such as {examples}.", param, ctx)
        if text.lstrip("+-").lower() in {"nan", "inf", "infinity"}:
            self.fail(
                f"{_shown(value)} is not a finite number; give a number such as {examples}.",
                param,
                ctx,
            )
        negative = text.startswith("-")
        if negative and not self.signed:
            self.fail(
                f"{_shown(value)} must be greater than 0 ({self.article} cannot be negative).",
                param,
                ctx,
            )
        match = re.fullmatch(_QUANTITY, text[1:] if negative else text, re.VERBOSE | re.ASCII)
        if match is None:
            self.fail(self._explain(str(value), text, examples), param, ctx)
        scale_word = (match["scale"] or "").lower()
        if scale_word and scale_word not in _SCALES:
            self.fail(
                f"{_shown(value)}: unknown suffix {match['scale']!r}; use k (thousand), M or mn "
                f"(million), bn, B or Md (billion), e.g. {examples}.",
                param,
                ctx,
            )
        from decimal import Decimal, DecimalException

        from offshoring_cli.domain import MAX_QUANTITY, MIN_QUANTITY  # shared with scenarios

        digits = match["mantissa"].replace(",", "").replace("_", "") + (match["exponent"] or "")
        try:
            number = Decimal(digits).scaleb(_SCALES.get(scale_word, 0))
            too_large = number > MAX_QUANTITY
        except DecimalException:
            too_large = True
        if too_large:
            self.fail(
                f"{_shown(value)} is too large (at most 1e18); did you add an extra suffix?",
                param,
                ctx,
            )
        if negative:
            number = -number
        if number <= 0 and not self.signed:
            self.fail(
                f"{_shown(value)} must be greater than 0; give a number such as {examples}.",
                param,
                ctx,
            )
        if 0 < abs(number) < MIN_QUANTITY:
            self.fail(
                f"{_shown(value)} is too small (at least 1e-6); did you forget a suffix "
                "such as bn?",
                param,
                ctx,
            )
        if number == number.to_integral_value():
            return int(number)
        if self.whole:
            self.fail(
                f"{_shown(value)} is not a whole number of {self.unit}; give a count such "
                f"as {examples}.",
                param,
                ctx,
            )
        return float(number)

    def _explain(self, original: str, text: str, examples: str) -> str:
        """Why ``text`` is not a quantity, and what to type instead."""
        decimal_comma = re.fullmatch(r"\+?([0-9]+),([0-9]+)\s*([a-zA-Z]*)", text)
        if decimal_comma and len(decimal_comma[2]) != 3 and self.whole:
            fixed = f"{decimal_comma[1]}.{decimal_comma[2]}{decimal_comma[3]}"
            return (
                f"{_shown(original)}: use a dot for decimals: {fixed} (but jobs are whole "
                "numbers; a comma only separates thousands, in groups of three: 148,500)."
            )
        if decimal_comma and len(decimal_comma[2]) != 3:
            fixed = f"{decimal_comma[1]}.{decimal_comma[2]}{decimal_comma[3]}"
            return f"{_shown(original)}: use a dot for decimals: {fixed}."
        if "," in text:
            return (
                f"{_shown(original)}: a comma may only separate thousands in groups of three "
                f"(148,500); use a dot for decimals. E.g. {examples}."
            )
        return f"{_shown(original)} is not a number; give a number such as {examples}."


class YearType(click.ParamType[int]):
    """A calendar year: a whole number from 1900 to 2200."""

    name = "year"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YEAR"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            year = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"[0-9]{4}", text):
                self.fail(
                    f"{_shown(value)} is not a year; give a four-digit year such as 2030.",
                    param,
                    ctx,
                )
            year = int(text)
        if not 1900 <= year <= 2200:
            self.fail(f"{year} is out of range; give a year from 1900 to 2200.", param, ctx)
        return year


_RATE = r"([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*(%?)"
"""The grammar of a rate; compiled on first use."""


MAX_RATE = 10.0
"""The largest growth rate accepted: 1,000 % a year."""


def parse_rate(text: str) -> float:
    """A growth rate as a fraction a year: ``8%`` and ``0.08`` both give ``0.08``.

    Raises:
        ValueError: with a message saying what to type, when ``text`` is not a number with an
            optional ``%`` (a decimal comma gets a hint), is not finite, is a bare number
            above 1 or below -1 (did you mean a percentage?), is -100 % or less, or is above
            1,000 %.
    """
    match = re.fullmatch(_RATE, text.strip(), re.ASCII)
    if match is None:
        comma = re.fullmatch(r"\s*([+-]?[0-9]+),([0-9]+)\s*(%?)\s*", text)
        if comma:
            fixed = f"{comma[1]}.{comma[2]}{comma[3]}"
            raise ValueError(f"{_shown(text)}: use a dot for decimals: {fixed}")
        raise ValueError(
            f"{_shown(text)} is not a rate; give a percentage such as 8% or a fraction 0.08"
        )
    number = float(match[1])
    percent = bool(match[2])
    if not math.isfinite(number):
        raise ValueError(f"{_shown(text)} is too large; give a percentage such as 8%")
    if not percent and abs(number) > 1:
        raise ValueError(
            f"{_shown(text)}: a bare number is a fraction (0.08 = 8 %); for {match[1]} "
            f"percent type {match[1]}%"
        )
    fraction = number / 100 if percent else number
    if fraction <= -1:
        raise ValueError(f"{_shown(text)}: a rate must be greater than -100 %")
    if fraction > MAX_RATE:
        raise ValueError(f"{_shown(text)}: rates above 1,000 % a year are refused")
    return fraction


class RateType(click.ParamType[float]):
    """A growth rate a year: ``8%``, ``8 %``, ``-2.5%`` or a fraction ``0.08`` (see
    :func:`parse_rate`)."""

    name = "rate"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "RATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, float):
            return value
        try:
            return parse_rate(str(value))
        except ValueError as error:
            self.fail(f"{error}.", param, ctx)


class RateListType(click.ParamType[tuple[float, ...]]):
    """Comma-separated rates: ``-20%,-10%,0,10%,20%`` (each as :class:`RateType`)."""

    name = "rates"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "RATE,..."

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[float, ...]:
        if isinstance(value, tuple):
            return value
        items = [item for item in str(value).split(",") if item.strip()]
        if not items:
            self.fail(f"{_shown(value)} is empty; give rates such as -10%,0,10%.", param, ctx)
        try:
            return tuple(parse_rate(item) for item in items)
        except ValueError as error:
            self.fail(f"{error}.", param, ctx)


class YearsType(click.ParamType[tuple[int, ...]]):
    """Years as a range ``2028-2035`` or a list ``2028,2030,2035`` (at most 200 years)."""

    name = "years"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "FIRST-LAST|Y,Y,..."

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, ...]:
        if isinstance(value, tuple):
            return value
        text = str(value).strip()
        span = re.fullmatch(r"([0-9]{4})\s*-\s*([0-9]{4})", text)
        if span:
            first, last = (YEAR.convert(part, param, ctx) for part in span.groups())
            if last < first:
                self.fail(
                    f"{_shown(text)}: the range runs backwards; type {last}-{first}.", param, ctx
                )
            return tuple(range(first, last + 1))
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not parts:
            self.fail(
                f"{_shown(value)} is empty; give years such as 2028-2035 or 2028,2030.", param, ctx
            )
        return tuple(sorted({YEAR.convert(part, param, ctx) for part in parts}))


JOBS = QuantityType("jobs", whole=True)
MAD = QuantityType("MAD", whole=False)
YEAR = YearType()
INCREMENT = QuantityType("", whole=False, signed=True)
RATE = RateType()
RATES = RateListType()
YEARS = YearsType()
