"""How people write numbers and years: the one place text becomes numbers.

Pure and typed, below the command line and the scenario reader: no Click, no I/O. Every
parser raises ``ValueError`` with a one-line message that quotes the text and says what to
type instead; the caller names the input (the command line adds the option's name, exit 2).

Grammar of a number (counts of jobs, amounts in MAD, and rates alike), as documented in
``--help`` (``cli.options.GRAMMAR_HELP``) and the README:

- a plain number: ``148500``, ``26.22``, ``.5``, ``5.``; an optional leading ``+``;
- digit groups, in one of two ways, never both: commas between groups of exactly three digits
  before the decimal point, the first group not starting with 0 (``148,500``, ``1,234.5``,
  ``1,000%``), or a single ``_`` between any two digits (``148_500``, ``0.000_5``); no spaces;
- scientific notation: ``2.7e5``.

A quantity (a count or an amount) adds a scale suffix, with or without a space: ``k`` (10^3),
``M``/``mn`` (10^6), ``bn``/``B``/``Md`` (milliard, 10^9), case-insensitive: ``148.5k``,
``26.22bn``, ``40 Md``; and optionally the unit itself after it: ``26.22 bn MAD``,
``148,500 jobs``, ``15k jobs`` (for ``--increment``, the unit of the metric chosen). The value
must be finite, from 10^-6 to 10^18 (greater than 0 unless signed); jobs must be whole. A rate
adds an optional ``%``. In a comma-separated list (``--changes``) the comma separates the items,
so a number there groups its digits with ``_``. A year is four digits, from
:data:`~offshoring_cli.core.records.FIRST_YEAR` to :data:`~offshoring_cli.core.records.LAST_YEAR`
(1900 to 2200); years are a range ``2028-2035`` or a list ``2028,2030``.

Under ``--lang fr``, French notation is read first (:mod:`offshoring_cli.core.grammar_fr`): a
decimal comma and thousands grouped with spaces (``26,22bn``, ``148 500``, ``10,48 %``);
``148,500`` is then 148.5 and refused for a count. English notation keeps working there.

Anything else (``26,22``, ``12,34,5``, ``1.2.3``, ``abc``, ``nan``, ``inf``, ``1e309``, ``0``,
``-5``) is refused with a message that says what to type instead. A suggestion in such a
message ("use a dot for decimals: 26.22") is only given when it is itself valid input: it is
parsed back before it is shown (:func:`valid_suggestion`).

The Click parameter types that apply it are in :mod:`offshoring_cli.cli.params`; this module is
imported only when a value is actually read (start-up of the fast paths does not pay for it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, MAX_QUANTITY, MIN_QUANTITY, Record
from offshoring_cli.i18n import N_, Num, Text, Units
from offshoring_cli.i18n.numbers import TYPED

if TYPE_CHECKING:
    from decimal import Decimal  # imported where used

SIGNS = {0x2212: "-", 0x066A: "%"}  # read as typed so: the minus sign, the Arabic percent sign


def quoted(value: object, limit: int = 40) -> str:
    """The user's input, quoted, cut to ``limit`` characters so an error stays one line; the
    spaces the output writes between thousands (no-break U+00A0, narrow no-break U+202F) are
    shown as typed, not escaped (other invisible characters are)."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text).replace("\\xa0", "\xa0").replace("\\u202f", "\u202f")


def as_sentence(error: Exception) -> str:
    """An error's message ending with a full stop (not after a question mark)."""
    text = str(error)
    return text if text.endswith((".", "?")) else f"{text}."


def valid_suggestion(text: str, parse: Callable[[str], object]) -> str | None:
    """``text`` if ``parse`` accepts it, else ``None``: a hint is only shown when typing it
    would work. ``parse`` is one of this module's parsers (or any function that refuses its
    input by raising ``ValueError``, as they do); other exceptions propagate."""
    try:
        parse(text)
    except ValueError:
        return None
    return text


_SCALES = {"k": 3, "m": 6, "mn": 6, "bn": 9, "b": 9, "md": 9, "mds": 9}

_DIGITS = r"[0-9]+(?:_[0-9]+)*"
_NUMBER = rf"""
    (?P<mantissa>
        [1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?  # 148,500  1,234.5: commas, groups of 3
      | {_DIGITS}(?:\.(?:{_DIGITS})?)?                 # 148500  148_500  26.22  26.
      | \.{_DIGITS}                                     # .5  .000_5
    )
    (?P<exponent>[eE][+-]?{_DIGITS})?
    """
"""The grammar of a number without its sign (verbose, ASCII digits), shared by quantities and
rates; compiled on first use, not at import."""

_QUANTITY = rf"""
    (?P<sign>[+-]?)
    {_NUMBER}
    \s*
    (?P<rest>[^\W\d_].*)?     # a scale suffix and/or a unit: starts with a letter
    """
"""The grammar of a quantity: a number, then what follows it (see :func:`_scale_and_unit`)."""


def _number_text(match: re.Match[str]) -> str:
    """The matched number (sign, mantissa, exponent) without its digit separators."""
    number = match["mantissa"] + (match["exponent"] or "")
    return match["sign"] + number.replace(",", "").replace("_", "")


def _scale_and_unit(rest: str, unit: str) -> tuple[str, str]:
    """Split the text after a number into a scale suffix and a unit (either may be ``""``).

    With a known ``unit``, the text may end with it, glued or not (``kjobs``, ``bn MAD``);
    otherwise a first word that is a scale suffix is the scale, and the rest is the unit.
    """
    if unit and rest.lower().endswith(unit.lower()):
        head = rest[: len(rest) - len(unit)].strip()
        if not head or head.lower() in _SCALES:
            return head, rest[len(rest) - len(unit) :]
    words = re.fullmatch(r"([A-Za-z]+)(?:\s+(.+))?", rest, re.DOTALL)
    if words and words[1].lower() in _SCALES:
        return words[1], (words[2] or "").strip()
    return "", rest.strip()


EXAMPLES = {
    "jobs": N_("148500, 148,500 or 148.5k"),
    "MAD": N_("26220000000, 26.22bn or 26.22 bn MAD"),
    "": N_("20250, 20,250, 20.25k or -5k"),
}
"""Examples of valid input, by unit (the catalogues write them in the notation that
``--lang fr|ar`` reads: ``148500, 148 500 ou 148,5k``)."""


class Quantity(Record):
    """A number read from ``text``, with the unit word typed after it (``""`` when none)."""

    __slots__ = ("value", "unit", "text")  # noqa: RUF023 (the fields in order)
    value: int | float
    unit: str
    text: str

    def __init__(self, value: int | float, unit: str, text: str = "") -> None:
        self.value = value
        self.unit = unit
        self.text = text


def parse_quantity(
    text: str, unit: str = "", whole: bool = False, signed: bool = False
) -> Quantity:
    """``text`` read by the module's grammar as a quantity in ``unit``.

    ``unit`` (``"jobs"``, ``"MAD"``) is the only unit word accepted after the number; with
    ``unit=""`` any unit word is accepted and returned, for the caller to check. The value is an
    ``int`` when whole (always, with ``whole``), else a ``float``.

    Raises:
        ValueError: with a one-line message quoting ``text`` and saying what to type instead,
            when ``text`` is outside the grammar, not finite, not greater than 0 (unless
            ``signed``), outside 10^-6 to 10^18 in size, or not whole when ``whole``.
    """
    examples = _examples(unit)
    shown = quoted(text)
    stripped = text.strip().translate(SIGNS)
    if not stripped:
        raise ValueError(
            Text(
                "{shown} is empty; give a number such as {examples}", shown=shown, examples=examples
            )
        )
    if re.fullmatch(r"[+-]?(nan|inf|infinity)\b.*", stripped.lower(), re.DOTALL):
        raise ValueError(
            Text(
                "{shown} is not a finite number; give a number such as {examples}",
                shown=shown,
                examples=examples,
            )
        )
    if stripped.startswith("-") and not signed:
        if whole:
            raise ValueError(
                Text("{shown} must be greater than 0 (a count cannot be negative)", shown=shown)
            )
        raise ValueError(
            Text("{shown} must be greater than 0 (an amount cannot be negative)", shown=shown)
        )
    match = re.fullmatch(_QUANTITY, stripped, re.VERBOSE | re.DOTALL)
    if match is None:
        from offshoring_cli.core.grammar_hints import explain_quantity

        raise ValueError(explain_quantity(text, stripped, unit, whole, signed, examples))
    scale, unit_word = _scale_and_unit(match["rest"] or "", unit)
    if unit and unit_word and unit_word.lower() != unit.lower():
        facts = {"shown": shown, "unit": Units(unit), "word": repr(unit_word), "examples": examples}
        if scale:
            raise ValueError(
                Text("{shown}: the unit here is {unit}, not {word}; e.g. {examples}", **facts)
            )
        raise ValueError(
            Text(
                "{shown}: unknown suffix or unit {word}; use k (thousand), M or mn (million), "
                "bn, B or Md (billion), then optionally {unit}, e.g. {examples}",
                **facts,
            )
        )
    from decimal import Decimal, DecimalException

    try:
        number = Decimal(_number_text(match)).scaleb(_SCALES.get(scale.lower(), 0))
        too_large = abs(number) > MAX_QUANTITY
    except DecimalException:
        too_large = True
    if too_large:
        raise ValueError(
            Text("{shown} is too large (at most 1e18); did you add an extra suffix?", shown=shown)
        )
    if number <= 0 and not signed:
        raise ValueError(
            Text(
                "{shown} must be greater than 0; give a number such as {examples}",
                shown=shown,
                examples=examples,
            )
        )
    if 0 < abs(number) < MIN_QUANTITY:
        raise ValueError(
            Text(
                "{shown} is too small (at least 1e-6); did you forget a suffix such as bn?",
                shown=shown,
            )
        )
    if number == number.to_integral_value():
        return Quantity(int(number), unit_word, text)
    if whole:
        raise ValueError(
            Text(
                "{shown} is not a whole number of {unit}; give a count such as {examples}",
                shown=shown,
                unit=Units(unit) if unit else "items",
                examples=examples,
            )
        )
    return Quantity(float(number), unit_word, text)


def _examples(unit: str) -> Text:
    """Examples of valid input in ``unit`` (:data:`EXAMPLES`), in the notation of the
    language chosen."""
    if unit in EXAMPLES or not unit:
        return Text(EXAMPLES[unit])
    return Text("1500, 1,500 or 1.5k {unit}", unit=unit)


def suggest_quantity(value: Decimal | int | float, unit: str, whole: bool) -> str | None:
    """:func:`offshoring_cli.core.grammar_hints.suggest_quantity` (loaded with the hints)."""
    from offshoring_cli.core.grammar_hints import suggest_quantity as suggested

    return suggested(value, unit, whole)


_RATE = rf"(?P<sign>[+-]?){_NUMBER}\s*(?P<percent>%?)"
"""A rate's grammar: a number as for quantities, then an optional ``%`` (compiled on first use)."""


MAX_RATE = 10.0
"""The largest growth rate accepted: 1,000 % a year."""


def parse_rate(text: str) -> float:
    """A growth rate as a fraction a year: ``8%`` and ``0.08`` both give ``0.08``; digits
    grouped as for quantities (``1,000%``, ``1_000%``).

    Raises:
        ValueError: with a message saying what to type, when ``text`` is not a number with an
            optional ``%`` (a decimal comma gets a hint), is not finite, is a bare number
            above 1 or below -1 (did you mean a percentage?), is -100 % or less, or is above
            1,000 %. A suggested spelling is only given when it is itself accepted.
    """
    stripped = text.strip().translate(SIGNS)
    match = re.fullmatch(_RATE, stripped, re.VERBOSE)
    if match is None:
        from offshoring_cli.core.grammar_hints import explain_rate

        raise ValueError(explain_rate(text, stripped))
    number = float(_number_text(match))
    percent = bool(match["percent"])
    shown = quoted(text)
    if not math.isfinite(number):
        raise ValueError(Text("{shown} is too large; give a percentage such as 8%", shown=shown))
    if not percent and abs(number) > 1:
        suggestion = valid_suggestion(f"{stripped}%", parse_rate)
        if suggestion:
            raise ValueError(
                Text(
                    "{shown}: a bare number is a fraction (0.08 = 8 %); for {number} percent "
                    "type {suggestion}",
                    shown=shown,
                    number=Num(TYPED, stripped),
                    suggestion=Num(TYPED, suggestion),
                )
            )
        raise ValueError(
            Text(
                "{shown}: a bare number is a fraction (0.08 = 8 %); give a percentage such as "
                "8% or a fraction 0.08",
                shown=shown,
            )
        )
    fraction = number / 100 if percent else number
    if fraction <= -1:
        raise ValueError(Text("{shown}: a rate must be greater than -100 %", shown=shown))
    if fraction > MAX_RATE:
        raise ValueError(Text("{shown}: rates above 1,000 % a year are refused", shown=shown))
    return fraction


def parse_year(text: str) -> int:
    """A calendar year: four digits, from :data:`FIRST_YEAR` to :data:`LAST_YEAR` (1900-2200).

    Raises:
        ValueError: ``text`` is not four digits, or the year is out of that range.
    """
    stripped = text.strip()
    if not re.fullmatch(r"[0-9]{4}", stripped):
        raise ValueError(
            Text("{shown} is not a year; give a four-digit year such as 2030.", shown=quoted(text))
        )
    return check_year(int(stripped), quoted(stripped))


def check_year(year: int, as_typed: str | None = None) -> int:
    """``year`` if it is from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.

    Raises:
        ValueError: it is not; the message shows ``as_typed`` (default: the year).
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            Text(
                "{shown} is out of range; give a year from {first} to {last}.",
                shown=as_typed or year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        )
    return year


def parse_years(text: str) -> tuple[int, ...]:
    """Years as a range ``2028-2035`` (both ends included) or a list ``2028,2030,2035``
    (sorted); each year as :func:`parse_year`.

    Raises:
        ValueError: a year is refused (as :func:`parse_year`), given twice, the range runs
            backwards (the message gives it turned around), or there is no year.
    """
    stripped = text.strip()
    span = re.fullmatch(r"([0-9]{4})\s*-\s*([0-9]{4})", stripped)
    if span:
        first, last = (parse_year(part) for part in span.groups())
        if last < first:
            turned = valid_suggestion(f"{last}-{first}", parse_years)
            shown = quoted(stripped)
            if turned:
                raise ValueError(
                    Text(
                        "{shown}: the range runs backwards; type {turned}.",
                        shown=shown,
                        turned=turned,
                    )
                )
            raise ValueError(Text("{shown}: the range runs backwards.", shown=shown))
        return tuple(range(first, last + 1))
    parts = [part.strip() for part in stripped.split(",") if part.strip()]
    if not parts:
        raise ValueError(
            Text("{shown} is empty; give years such as 2028-2035 or 2028,2030.", shown=quoted(text))
        )
    if len(parts) < len(stripped.split(",")):  # 2030,,2032 or 2030,: not silently dropped
        raise ValueError(
            Text(
                "{shown}: an item of the list is empty (two commas in a row, or one at an "
                "end); give years such as 2028,2030.",
                shown=quoted(text),
            )
        )
    years = [parse_year(part) for part in parts]
    for year in years:
        if years.count(year) > 1:
            raise ValueError(
                Text(
                    "{shown}: {year} is given twice; give each year once.",
                    shown=quoted(stripped),
                    year=year,
                )
            )
    return tuple(sorted(years))
