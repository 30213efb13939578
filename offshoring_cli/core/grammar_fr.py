"""How French writes numbers, read into the grammar of :mod:`offshoring_cli.core.grammar`.

Used under ``--lang fr`` (:mod:`offshoring_cli.cli.params`): a decimal comma and thousands
grouped with spaces (``26,22bn``, ``148 500``, ``148\u202f500``, ``10,48 %``); the suffixes are
the grammar's (``Md``, ``M``, ``k``...). English notation keeps working (``26.22bn``,
``148_500``). A comma is always the decimal sign here: ``148,500`` is 148.5, refused for a
count with a hint. Lists (``--changes``) keep the English notation: their items are
separated by commas. Pure, like the grammar.
"""

from __future__ import annotations

import re

from offshoring_cli.core.grammar import Quantity, parse_quantity, parse_rate, quoted

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


def from_french(text: str) -> str:
    """``text`` written as French writes numbers, in this module's grammar: ``148 500`` ->
    ``148500``, ``26,22bn`` and ``26,22 Md`` -> ``26.22bn``/``26.22 Md``, ``10,48 %`` ->
    ``10.48 %``, ``148,500`` -> ``148.500`` (148.5: in French the comma is the decimal sign),
    ``1.234,5M`` -> ``1234.5M`` (dots that group, before a decimal comma). Any other text is
    returned as it is, for the grammar to read or refuse (``26.22`` with a dot, ``2.7e5``,
    ``148_500`` keep working).

    Raises:
        ValueError: one group of thousands after a dot and no decimal comma (``270.000``):
            270,000 or 270? (The Arabic output writes ``270.000`` for 270,000.)"""
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
            raise ValueError(
                f"{quoted(text)}: ambiguous: {grouped} or {decimal}? A dot may group thousands "
                f"or mark decimals: write {grouped} (or {plain}) for the first, {decimal} for "
                "the second"
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
    converted = from_french(text)  # may refuse an ambiguous 270.000
    try:
        found = parse_quantity(converted, unit, whole, signed)
    except ValueError as error:
        reading = _reading(converted, unit, signed) if whole else None
        if reading is not None:  # a number, but not a whole one: the comma was decimal
            raise ValueError(
                f"{quoted(text)}: in French the comma is the decimal sign, so this reads "
                f"{reading}, and {unit or 'counts'} are whole numbers; group thousands with a "
                "space (148 500) or none (148500)"
            ) from None
        message = str(error).replace(quoted(converted), quoted(text), 1)
        raise ValueError(message.replace("148,500 or", "148 500 or")) from None
    return Quantity(found.value, found.unit, text)


def _reading(converted: str, unit: str, signed: bool) -> str | None:
    """``converted`` as a (not whole) number, written plainly (``148.5``), or ``None`` when it
    is no number at all."""
    try:
        value = parse_quantity(converted, unit, whole=False, signed=signed).value
    except ValueError:
        return None
    return str(value) if isinstance(value, float) else None


def parse_french_rate(text: str) -> float:
    """:func:`parse_rate` for a rate written the French way: ``10,48 %``, ``8 %``.

    Raises:
        ValueError: as :func:`parse_rate` (quoting ``text`` as typed).
    """
    converted = from_french(text)
    try:
        return parse_rate(converted)
    except ValueError as error:
        raise ValueError(str(error).replace(quoted(converted), quoted(text), 1)) from None
