"""A figure given on the command line that is 1,000 times off the one it replaces: the warning
that suggests the value meant (a missing or wrong suffix: ``26.22`` for ``26.22bn``), in the
language chosen (a :class:`~offshoring_cli.errors.Message` whose numbers are
:class:`~offshoring_cli.i18n.Num`). Pure, like :mod:`offshoring_cli.core.resolve`, which uses it.
"""

import math

from offshoring_cli.core.records import Number
from offshoring_cli.errors import Message
from offshoring_cli.i18n import Num, Text
from offshoring_cli.i18n import numbers as fmt

_SUFFIXES = ((9, "bn"), (6, "M"), (3, "k"))


def magnitude_warning(
    option: str,
    given: Number,
    reference: Number,
    whole: bool = False,
    what: str = "built-in figure",
) -> Message | None:
    """A warning when ``given`` is 1,000 times off ``reference`` or more (likely a missing or
    wrong suffix: ``270.000`` read as 270 for 270,000, ``40M`` for ``40bn``).

    When ``given`` is too small and ``given`` with a suffix lands within 1,000 times of
    ``reference``, the warning suggests that value as it would be typed ("did you mean
    26.22bn?"), only if it reads back as valid input for the option (a whole count when
    ``whole``); otherwise it says to check the unit.
    """
    ratio = given / reference
    if 1e-3 < ratio < 1e3:
        return None
    hint = Text("check the unit.")
    larger = ratio > 1e-3
    if not larger:
        # Compare in logarithms: the product itself may underflow to 0 for a tiny value.
        scale = math.log10(given) - math.log10(reference)
        power, _ = min(_SUFFIXES, key=lambda s: abs(scale + s[0]))
        from decimal import Decimal

        meant = Decimal(given if isinstance(given, int) else repr(float(given))).scaleb(power)
        if 1e-3 < float(meant) / reference < 1e3:
            from offshoring_cli.core.grammar import suggest_quantity

            suggestion = suggest_quantity(meant, "", whole)
            if suggestion is not None:
                hint = Text("did you mean {suggestion}?", suggestion=Num(fmt.TYPED, suggestion))
    facts = {"option": option, "given": Num(fmt.GIVEN, given), "hint": hint}
    facts["reference"] = Num(fmt.GIVEN, reference)
    if what == "baseline":
        if larger:
            return Message(
                "{option} {given} is at least 1,000 times larger than the baseline "
                "({reference}): {hint}",
                **facts,
            )
        return Message(
            "{option} {given} is at least 1,000 times smaller than the baseline "
            "({reference}): {hint}",
            **facts,
        )
    if larger:
        return Message(
            "{option} {given} is at least 1,000 times larger than the built-in figure "
            "({reference}): {hint}",
            **facts,
        )
    return Message(
        "{option} {given} is at least 1,000 times smaller than the built-in figure "
        "({reference}): {hint}",
        **facts,
    )
