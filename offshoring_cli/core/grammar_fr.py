"""How French writes numbers, read into the grammar of :mod:`offshoring_cli.core.grammar`.

Used under ``--lang fr`` (:mod:`offshoring_cli.cli.params`): a decimal comma and thousands
grouped with spaces (``26,22bn``, ``148 500``, ``148\u202f500``, ``10,48 %``); the suffixes are
the grammar's (``Md``, ``M``, ``k``...). English notation keeps working (``26.22bn``,
``148_500``). A comma is the decimal sign here; one comma before exactly three digits
(``270,000``: 270 in French, 270,000 in English) is refused as ambiguous when both readings
are valid input, and read the only valid way otherwise (``148,500`` jobs: 148.5, refused for a
count with a hint; ``10,480 %``: 10.48 %). Lists (``--changes``) keep the English notation:
their items are separated by commas. Pure, like the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from offshoring_cli.core.grammar import Quantity, parse_quantity, parse_rate, quoted
from offshoring_cli.i18n import Num, Text, Units
from offshoring_cli.i18n.numbers import GIVEN, is_count

_FRENCH = r"""
    (?P<sign>[+-]?)
    (?P<int>[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)   # 148 500 (any space) or 148500
    (?:,(?P<decimals>[0-9]+))?                               # ,22
    (?P<rest>\s*(?:[^\W\d_].*|%)?)                          # Md, k, MAD, %
    """
"""A number as French writes it: a decimal comma, thousands grouped with spaces (plain,
no-break U+00A0 or narrow no-break U+202F)."""

_DOTTED = r"""
    (?P<sign>[+-]?)
    (?P<int>[0-9]{1,3}(?:\.[0-9]{3})+)                      # 270.000, 1.234.567
    (?:,(?P<decimals>[0-9]+))?                               # ,5
    (?P<rest>\s*(?:[^\W\d_].*|%)?)                          # Md, k, MAD, %
    """
"""Thousands grouped with dots, as some French and Arabic writing (and ``ar_MA`` output)
does: with a decimal comma after them (``1.234,5M``) or two dots or more (``1.234.567``) the
dots can only group; one dot alone (``270.000``) may as well be a decimal point, so that
number is refused as ambiguous."""


def from_french(text: str, valid: Callable[[str], bool] | None = None) -> str:
    """``text`` written as French writes numbers, in this module's grammar: ``148 500`` ->
    ``148500``, ``26,22bn`` and ``26,22 Md`` -> ``26.22bn``/``26.22 Md``, ``10,48 %`` ->
    ``10.48 %``, ``148,500`` -> ``148.500`` (148.5: in French the comma is the decimal sign),
    ``1.234,5M`` -> ``1234.5M`` (dots that group, before a decimal comma). Any other text is
    returned as it is, for the grammar to read or refuse (``26.22`` with a dot, ``2.7e5``,
    ``148_500`` keep working).

    ``valid`` (a reading in the grammar -> whether it is valid input) settles one group of
    thousands after a dot when only one reading is valid: ``148.500`` jobs is 148,500 (148.5
    is no whole number of jobs), as the Arabic output writes it.

    Raises:
        ValueError: one group of thousands after a dot and no decimal comma (``270.000``):
            270,000 or 270? (The Arabic output writes ``270.000`` for 270,000.) Only valid
            readings are suggested."""
    match = re.fullmatch(_FRENCH, text.strip(), re.VERBOSE | re.DOTALL)
    if match is None:
        dotted = re.fullmatch(_DOTTED, text.strip(), re.VERBOSE | re.DOTALL)
        if dotted is None:
            return text
        if dotted["decimals"] is None and dotted["int"].count(".") == 1:
            sign, suffix = dotted["sign"], dotted["rest"]  # both stay with each reading
            whole, _, part = dotted["int"].partition(".")
            grouped = f"{sign}{whole} {part}{suffix}"
            plain = f"{sign}{whole}{part}{suffix}"
            decimal = f"{sign}{whole}{',' + part.rstrip('0') if part.rstrip('0') else ''}{suffix}"
            if valid is not None:
                as_decimal = f"{sign}{whole}.{part}{suffix}"
                readings = [r for r in (plain, as_decimal) if valid(r)]
                if len(readings) < 2:  # the unit decides (none valid: the grammar says why)
                    return readings[0] if readings else plain
            raise ValueError(
                Text(
                    "{shown}: ambiguous: {grouped} or {decimal}? A dot may group thousands or "
                    "mark decimals: write {grouped} (or {plain}) for the first, {decimal} for "
                    "the second",
                    shown=quoted(text),
                    grouped=grouped,
                    decimal=decimal,
                    plain=plain,
                )
            )
        match = dotted
    number = re.sub(r"[ .\u00a0\u202f]", "", match["int"])
    if match["decimals"] is not None:
        number += "." + match["decimals"]
    return match["sign"] + number + match["rest"]


def parse_french_quantity(
    text: str, unit: str = "", whole: bool = False, signed: bool = False
) -> Quantity:
    """:func:`parse_quantity` for text written the French way (:func:`from_french`), as
    ``--lang fr`` reads it: ``26,22bn``, ``148 500``, ``40 Md``.

    Raises:
        ValueError: as :func:`parse_quantity` (quoting ``text`` as typed); and a count with a
            decimal comma (``148,500`` is 148.5 in French) with the hint to group thousands
            with a space.
    """
    text_as_typed, text = text, _local_words(text, unit)

    def parse(reading: str) -> Quantity:
        """The grammar's reading; a count (``jobs``, typed or the unit's) must be whole
        whatever ``whole`` says, so that only valid readings are suggested."""
        found = parse_quantity(reading, unit, whole, signed)
        if is_count(found.unit or unit) and isinstance(found.value, float):
            raise ValueError(reading)
        return found

    def valid(reading: str) -> bool:
        try:
            parse(reading)
        except ValueError:
            return False
        return True

    try:
        _refuse_comma_thousands(text, parse)
        converted = from_french(text, valid)  # may refuse an ambiguous 270.000
    except ValueError as error:
        raise ValueError(_as_typed(error, text, text_as_typed)) from None
    try:
        found = parse_quantity(converted, unit, whole, signed)
    except ValueError as error:
        reading = _reading(converted, unit, signed) if whole and "," in text else None
        if reading is not None:  # a number, but not a whole one: the comma was decimal
            raise ValueError(
                Text(
                    "{shown}: in French the comma is the decimal sign, so this reads "
                    "{reading}, and {unit} are whole numbers; group thousands with a space "
                    "(148 500) or none (148500)",
                    shown=quoted(text_as_typed),
                    reading=Num(GIVEN, reading),
                    unit=Units(unit) if unit else "counts",
                )
            ) from None
        raise ValueError(_as_typed(error, converted, text_as_typed)) from None
    return Quantity(found.value, found.unit, text_as_typed)


_UNITS = ("jobs", "MAD")
"""The units whose words the catalogues translate (:func:`local_numbers.unit_word`)."""


def _local_words(text: str, unit: str) -> str:
    """``text`` with the unit and scale words the output writes in the language chosen put
    back in the grammar's words, so that a figure as printed can be typed back:
    ``148 500 emplois`` -> ``148 500 jobs``; Arabic ``26,22 مليار درهم`` -> ``26,22 bn MAD``.
    Words the grammar knows are left alone."""
    from offshoring_cli import i18n
    from offshoring_cli.i18n.local_numbers import unit_word

    words: dict[str, str] = {}
    with i18n.human():
        for name in dict.fromkeys((*_UNITS, unit) if unit else _UNITS):
            for count in (1, 2, 3, 11, 100):
                words[unit_word(name, count)] = name
        for scale, template in (("bn", "{number} bn {unit}"), ("M", "{number} M {unit}")):
            words[i18n._(template).replace("{number}", "").replace("{unit}", "").strip()] = scale
    match = re.fullmatch(r"([+-]?[0-9][0-9 .,\u00a0\u202f_]*)(.*)", text.strip(), re.DOTALL)
    if match is None or not match[2]:
        return text
    rest = match[2]
    for word in sorted(words, key=len, reverse=True):
        if word and word != words[word]:
            rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", words[word], rest)
    return match[1] + rest


_COMMA_THOUSANDS = (
    r"(?P<sign>[+-]?)(?P<whole>[1-9][0-9]{0,2}),(?P<part>[0-9]{3})(?P<rest>\s*(?:[^\W\d_].*|%)?)"
)
"""One comma before exactly three digits (``270,000``, ``1,500k``): a decimal comma in French
(270), thousands in English (270,000)."""


def _refuse_comma_thousands(text: str, parse: Callable[[str], Any]) -> None:
    """Refuse ``text`` when it is one comma before exactly three digits and both readings are
    valid input for ``parse`` (``270,000`` jobs: 270 or 270,000?); when only one is (a count:
    ``148,500`` is no whole number of jobs as 148.5; a rate: ``10,480 %`` is above 1,000 % as
    10480 %), the unit decides, and the caller goes on.

    Raises:
        ValueError: both readings valid: the message gives both and how to write each.
    """
    match = re.fullmatch(_COMMA_THOUSANDS, text.strip(), re.DOTALL)
    if match is None:
        return
    sign, whole, part, suffix = match["sign"], match["whole"], match["part"], match["rest"]
    plain = f"{sign}{whole}{part}{suffix}"
    decimal = f"{sign}{whole}.{part}{suffix}"
    for reading in (plain, decimal):
        try:
            parse(reading)
        except ValueError:
            return
    short = part.rstrip("0")
    raise ValueError(
        Text(
            "{shown}: ambiguous: {grouped} or {decimal}? In French a comma marks decimals, in "
            "English it separates thousands: write {grouped} (or {plain}) for the first, "
            "{decimal} for the second",
            shown=quoted(text),
            grouped=f"{sign}{whole} {part}{suffix}",
            plain=plain,
            decimal=f"{sign}{whole}{',' + short if short else ''}{suffix}",
        )
    )


def _as_typed(error: ValueError, converted: str, text: str) -> Any:
    """The grammar's ``error`` about ``converted`` quoting ``text`` as typed instead, and
    writing the unit word as typed in the readings it suggests (``20 250 emplois``, not
    ``20 250 jobs``, after ``20.250 emplois``)."""
    message = error.args[0] if error.args else str(error)
    if isinstance(message, Text) and message.args.get("shown") == quoted(converted):
        args = {**message.args, "shown": quoted(text)}
        words = _words(converted), _words(text)
        if words[0] != words[1]:
            for key, value in args.items():
                if isinstance(value, str) and value.endswith(words[0]):
                    args[key] = value[: len(value) - len(words[0])] + words[1]
        return Text(message.template, **args)
    return str(error).replace(quoted(converted), quoted(text), 1)


def _words(text: str) -> str:
    """What follows the number in ``text`` (``" emplois"`` in ``20.250 emplois``)."""
    match = re.fullmatch(r"\s*[+-]?[0-9][0-9 .,\u00a0\u202f_]*(.*?)\s*", text, re.DOTALL)
    return match[1] if match else ""


def _reading(converted: str, unit: str, signed: bool) -> float | None:
    """``converted`` as a (not whole) number, written plainly (``148.5``), or ``None`` when it
    is no number at all."""
    try:
        value = parse_quantity(converted, unit, whole=False, signed=signed).value
    except ValueError:
        return None
    return value if isinstance(value, float) else None


def parse_french_rate(text: str) -> float:
    """:func:`parse_rate` for a rate written the French way: ``10,48 %``, ``8 %``.

    Raises:
        ValueError: as :func:`parse_rate` (quoting ``text`` as typed).
    """
    _refuse_comma_thousands(text, parse_rate)
    converted = from_french(text)
    try:
        return parse_rate(converted)
    except ValueError as error:
        raise ValueError(_as_typed(error, converted, text)) from None
