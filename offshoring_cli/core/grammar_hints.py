"""Why a text is not a number of the grammar (:mod:`offshoring_cli.core.grammar`), and what to
type instead: the explanations of :func:`~offshoring_cli.core.grammar.parse_quantity` and
:func:`~offshoring_cli.core.grammar.parse_rate` when the text is outside the grammar, each a
:class:`~offshoring_cli.i18n.Text` whose suggestion is only given when it is itself valid input
(:func:`~offshoring_cli.core.grammar.valid_suggestion`). Loaded on that error path only. Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from offshoring_cli.core.grammar import parse_quantity, parse_rate, quoted, valid_suggestion
from offshoring_cli.i18n import Num, Text, Units
from offshoring_cli.i18n.numbers import TYPED

if TYPE_CHECKING:
    from decimal import Decimal  # imported where used

_SPACED_GROUPS = r"([+-]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:\.[0-9]+)?)(\s*[^\W\d_].*)?"
"""Digits grouped with spaces (plain, no-break or narrow no-break), which the grammar refuses."""


def explain_quantity(
    original: str, text: str, unit: str, whole: bool, signed: bool, examples: Text
) -> Text:
    """Why ``text`` is not a quantity, and what to type instead (only a valid suggestion)."""

    def valid(suggestion: str) -> str | None:
        return valid_suggestion(
            suggestion, lambda t: parse_quantity(t, unit, whole=whole, signed=signed)
        )

    shown = quoted(original)
    spaced = re.fullmatch(_SPACED_GROUPS, text, re.DOTALL)
    if spaced:
        joined = re.sub(r"[ \u00a0\u202f]", "_", spaced[1]) + (spaced[2] or "")
        if valid(joined):
            return Text(
                "{shown}: no spaces inside a number; group digits with _ or commas: {joined}",
                shown=shown,
                joined=joined,
            )
    decimal_comma = re.fullmatch(r"([+-]?[0-9]+),([0-9]+)(\s*[^\W\d_].*)?", text, re.DOTALL)
    if decimal_comma and (
        len(decimal_comma[2]) != 3 or decimal_comma[1].lstrip("+-").startswith("0")
    ):
        fixed = f"{decimal_comma[1]}.{decimal_comma[2]}{decimal_comma[3] or ''}"
        if valid(fixed):
            return Text(
                "{shown}: use a dot for decimals: {fixed}",
                shown=shown,
                fixed=Num(TYPED, fixed),
            )
        if whole:
            return Text(
                "{shown}: {unit} are whole numbers, and a comma only separates thousands, in "
                "groups of three: e.g. {examples}",
                shown=shown,
                unit=Units(unit) if unit else "counts",
                examples=examples,
            )
    facts = {"shown": shown, "examples": examples}
    if "," in text and "_" in text:
        return Text(
            "{shown}: group digits with commas or with _, not both; e.g. {examples}", **facts
        )
    if "," in text:
        return Text(
            "{shown}: a comma may only separate thousands in groups of three (148,500); use a "
            "dot for decimals. E.g. {examples}",
            **facts,
        )
    return Text("{shown} is not a number; give a number such as {examples}", **facts)


def explain_rate(original: str, text: str) -> Text:
    """Why ``text`` is not a rate, and what to type instead (only a valid suggestion)."""
    shown = quoted(original)
    comma = re.fullmatch(r"([+-]?[0-9]+),([0-9]+)\s*(%?)", text)
    if comma and (len(comma[2]) != 3 or comma[1].lstrip("+-").startswith("0")):
        suggestion = valid_suggestion(f"{comma[1]}.{comma[2]}{comma[3]}", parse_rate)
        if suggestion:
            return Text(
                "{shown}: use a dot for decimals: {fixed}",
                shown=shown,
                fixed=Num(TYPED, suggestion),
            )
        return Text(
            "{shown}: use a dot for decimals (a comma only separates thousands, in groups of "
            "three); give a percentage such as 8% or a fraction 0.08",
            shown=shown,
        )
    if "," in text and "_" in text:
        return Text(
            "{shown}: group digits with commas or with _, not both; e.g. 8% or 0.08", shown=shown
        )
    return Text(
        "{shown} is not a rate; give a percentage such as 8% or a fraction 0.08", shown=shown
    )


def _natural(value: Decimal) -> str:
    """``value`` written plainly, without exponent or trailing zeros: ``26.22``, ``1500``."""
    return format(value.normalize(), "f")


def suggest_quantity(value: Decimal | int | float, unit: str, whole: bool) -> str | None:
    """``value`` as a user would type it, with the largest suffix that leaves at least 1 in
    front (``26.22bn``, ``148k``, ``1.5M``, ``500``), or ``None`` when that text does not read
    back through :func:`parse_quantity` (grammar and range; ``unit`` and ``whole`` as there)
    as exactly ``value``.
    """
    from decimal import Decimal

    if isinstance(value, Decimal):
        exact = value
    else:
        exact = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    if not exact.is_finite() or exact <= 0:
        return None
    expected = int(exact) if exact == exact.to_integral_value() else float(exact)
    text = _natural(exact)
    for suffix, power in (("bn", 9), ("M", 6), ("k", 3)):
        if exact >= Decimal(10) ** power:
            text = _natural(exact.scaleb(-power)) + suffix
            break
    try:
        back = parse_quantity(text, unit, whole=whole).value
    except ValueError:
        return None
    return text if back == expected else None
