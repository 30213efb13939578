"""Click parameter types: counts and amounts, years, rates and lists of them, read by the
grammar of :mod:`offshoring_cli.core.grammar` (and, under ``--lang fr``, French notation
first: :mod:`offshoring_cli.core.grammar_fr`); a value outside it fails with exit 2.

Start-up: the grammar is imported when a value is converted, not when the options are built;
and the types subclass plain ``click.ParamType`` at run time (``ParamType[X]`` is for the type
checker only: subscribing a generic class costs a little at every import).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from offshoring_cli.core.grammar import Quantity

    _Amount = click.ParamType[int | float]
    _Increment = click.ParamType[Quantity]
    _Year = click.ParamType[int]
    _Rate = click.ParamType[float]
    _Rates = click.ParamType[tuple[float, ...]]
    _Years = click.ParamType[tuple[int, ...]]
else:
    _Amount = _Increment = _Year = _Rate = _Rates = _Years = click.ParamType


def _french() -> bool:
    """Numbers are read the French way too: ``--lang fr`` or ``--lang ar`` (or
    ``OFFSHORING_LANG``), whose outputs write a decimal comma (``10,48 %``); a number with
    thousands grouped by dots (``270.000``, as the Arabic output writes them) is refused there
    as ambiguous (:func:`~offshoring_cli.core.grammar_fr.from_french`)."""
    from offshoring_cli import i18n

    return i18n.chosen() in ("fr", "ar")


def said(error: ValueError, sentence: bool = True) -> str:
    """The grammar's ``error`` in the language chosen (``--lang``: its message is a
    :class:`~offshoring_cli.i18n.Text`, whose hints the catalogues write in the notation that
    language reads), ending with a full stop when ``sentence`` (not after a question mark)."""
    from offshoring_cli import i18n

    message = error.args[0] if error.args else ""
    with i18n.human():
        text = i18n.say(message) if isinstance(message, i18n.Text) else str(error)
    if sentence and not text.endswith((".", "?", "\u061f")):  # U+061F: the Arabic "?"
        text += "."
    return text


def _quantity_parser() -> Callable[..., Quantity]:
    """The grammar's quantity parser, French-aware under ``--lang fr``
    (:mod:`offshoring_cli.core.grammar_fr`)."""
    if _french():
        from offshoring_cli.core.grammar_fr import parse_french_quantity

        return parse_french_quantity
    from offshoring_cli.core.grammar import parse_quantity

    return parse_quantity


class QuantityType(_Amount):
    """A count or amount in ``unit`` (``jobs`` or ``MAD``), parsed by :func:`parse_quantity`.

    ``convert`` returns an ``int`` when the value is whole (always, for ``whole=True``), a
    ``float`` otherwise. It fails (exit 2) on anything outside the grammar, and on values not
    greater than 0 unless ``signed`` (then any finite value, such as a yearly decrease).
    """

    def __init__(self, unit: str, whole: bool, signed: bool = False) -> None:
        self.unit = unit
        self.whole = whole
        self.signed = signed
        self.name = "count" if whole else "amount"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return {"jobs": "JOBS", "MAD": "MAD"}.get(self.unit, "N")

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> int | float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            return _quantity_parser()(str(value), self.unit, self.whole, self.signed).value
        except ValueError as error:
            self.fail(said(error), param, ctx)


PER_YEAR = ("a year", "per year", "par an", "سنويًا", "سنويا")
"""The words after an increment as the outputs print it (``20 250 emplois par an``), which
``--increment`` accepts and drops: an increment is a yearly addition anyway."""


def _per_year(text: str) -> str:
    """``text`` without a trailing :data:`PER_YEAR` phrase (``20,250 jobs a year`` ->
    ``20,250 jobs``); as it is otherwise (a number alone keeps its spaces)."""
    stripped = text.rstrip()
    for words in PER_YEAR:
        if stripped.lower().endswith(words) and stripped[: -len(words)].endswith((" ", "\u00a0")):
            return stripped[: -len(words)].rstrip()
    return text


class MetricQuantityType(_Increment):
    """A quantity in the unit of the metric chosen with it (``--increment``), of any sign.

    ``convert`` checks the grammar with any unit word after the number, and returns the
    :class:`Quantity` with the text typed; once the metric is known, :meth:`in_unit` reads
    that text again as that metric's options are read (``15k jobs`` for jobs, whole; ``2bn
    MAD`` for exports).
    """

    name = "amount"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "N"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Quantity:
        from offshoring_cli.core.grammar import Quantity

        if isinstance(value, Quantity):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Quantity(value, "")
        try:
            return _quantity_parser()(_per_year(str(value)), "", whole=False, signed=True)
        except ValueError as error:
            self.fail(said(error), param, ctx)

    @staticmethod
    def in_unit(quantity: Quantity, unit: str) -> int | float:
        """The value of ``quantity`` in ``unit`` (whole when ``unit`` counts things, as jobs).

        Raises:
            ValueError: the text typed has another unit word, or is not a whole number of
                jobs (the message as :func:`parse_quantity`'s).
        """
        if not quantity.text:
            return quantity.value
        from offshoring_cli.core.records import is_count

        return _quantity_parser()(quantity.text, unit, whole=is_count(unit), signed=True).value


class YearType(_Year):
    """A calendar year: a whole number from 1900 to 2200 (see
    :func:`~offshoring_cli.core.grammar.parse_year`)."""

    name = "year"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YEAR"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from offshoring_cli.core.grammar import check_year, parse_year

        try:
            if isinstance(value, int) and not isinstance(value, bool):
                return check_year(value)
            return parse_year(str(value))
        except ValueError as error:
            self.fail(said(error, sentence=False), param, ctx)


class RateType(_Rate):
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
        from offshoring_cli.core.grammar import parse_rate

        try:
            if _french():
                from offshoring_cli.core.grammar_fr import parse_french_rate

                return parse_french_rate(str(value))
            return parse_rate(str(value))
        except ValueError as error:
            self.fail(said(error), param, ctx)


class RateListType(_Rates):
    """Comma-separated rates: ``-20%,-10%,0,10%,20%`` (each as :class:`RateType`)."""

    name = "rates"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "RATE,..."

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[float, ...]:
        if isinstance(value, tuple):
            return value
        from offshoring_cli.core.grammar import as_sentence, parse_rate, quoted, valid_suggestion

        text = str(value)
        grouped = re.search(
            r"(?:^|,)\s*([+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?\s*%?)\s*(?:,|$)", text
        )
        from offshoring_cli.i18n import Text

        if grouped:  # "1,000%": one rate with a thousands comma, or the rates 1 and 000%?
            one = valid_suggestion(grouped[1].replace(",", "_"), parse_rate)
            facts = {"shown": quoted(value), "item": repr(grouped[1]), "one": one}
            ambiguous = (
                Text(
                    "{shown}: the comma separates the rates here, so {item} is ambiguous; for "
                    "one rate type {one}.",
                    **facts,
                )
                if one
                else Text(
                    "{shown}: the comma separates the rates here, so {item} is ambiguous; group "
                    "digits with _ in a list.",
                    **facts,
                )
            )
            self.fail(said(ValueError(ambiguous)), param, ctx)

        items = text.split(",")
        if not any(item.strip() for item in items):
            empty = Text("{shown} is empty; give rates such as -10%,0,10%.", shown=quoted(value))
            self.fail(said(ValueError(empty)), param, ctx)
        if not all(item.strip() for item in items):  # 10%,,20% or 10%,: not silently dropped
            gap = Text(
                "{shown}: an item of the list is empty (two commas in a row, or one at an "
                "end); give rates such as -10%,0,10%.",
                shown=quoted(value),
            )
            self.fail(said(ValueError(gap)), param, ctx)
        try:
            return tuple(parse_rate(item) for item in items)
        except ValueError as error:
            if _french():
                hint = _decimal_comma_hint(text) or _in_a_list(error.args[0])
                self.fail(said(ValueError(hint)), param, ctx)
            self.fail(as_sentence(error), param, ctx)


def _decimal_comma_hint(text: str) -> Any:
    """Under ``--lang fr|ar``, the sentence for a list whose comma looks like a decimal comma
    (``10,5%``): the comma separates the items of a list, so a decimal takes the dot there
    (``10.5%``, suggested when the list is then valid); ``None`` when no comma looks so."""
    from offshoring_cli.core.grammar import parse_rate, quoted
    from offshoring_cli.i18n import Text

    found = re.search(r"(?:^|,)\s*([+-]?[0-9]+),([0-9]+\s*%?)\s*(?=,|$)", text)
    if found is None:
        return None
    joined = text[: found.start(1)] + f"{found[1]}.{found[2]}" + text[found.end(2) :]
    try:
        for item in joined.split(","):
            parse_rate(item)
    except ValueError:
        return None
    return Text(
        "{shown}: in a list the comma separates the items, so a decimal takes the dot there: "
        "type {suggestion}",
        shown=quoted(text),
        suggestion=joined,
    )


def N_(message: str) -> str:
    """Mark ``message`` for the catalogues (:func:`offshoring_cli.i18n.N_`, not imported:
    ``--help`` loads no i18n)."""
    return message


_IN_A_LIST = {
    "{shown} is not a rate; give a percentage such as 8% or a fraction 0.08": N_(
        "{shown} is not a rate; give a percentage such as 8% or a fraction 0.08 (in a list the "
        "comma separates the items, so a decimal takes the dot)"
    ),
    "{shown}: a bare number is a fraction (0.08 = 8 %); for {number} percent type {suggestion}": N_(
        "{shown}: a bare number is a fraction (0.08 = 8 %, with a dot in a list); for {number} "
        "percent type {suggestion}"
    ),
    "{shown}: a bare number is a fraction (0.08 = 8 %); give a percentage such as 8% or a "
    "fraction 0.08": N_(
        "{shown}: a bare number is a fraction (0.08 = 8 %); give a percentage such as 8% or a "
        "fraction 0.08 (in a list the comma separates the items, so a decimal takes the dot)"
    ),
}
"""The grammar's refusals of a rate that give a decimal example, and the same for an item of a
list: under ``--lang fr|ar`` the single rate's example is written ``0,08``, which a list,
whose items the comma separates, does not accept; the list's sentence keeps ``0.08``."""


def _in_a_list(message: Any) -> Any:
    """Under ``--lang fr|ar``, the grammar's refusal of an item of a list with the example a
    list accepts (:data:`_IN_A_LIST`; English lists already get ``0.08``); any other message
    as it is."""
    from offshoring_cli.i18n import Text

    if isinstance(message, Text) and message.template in _IN_A_LIST:
        return Text(_IN_A_LIST[message.template], **message.args)
    return message


class YearsType(_Years):
    """Years as a range ``2028-2035`` or a list ``2028,2030,2035`` (see
    :func:`~offshoring_cli.core.grammar.parse_years`)."""

    name = "years"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "FIRST-LAST|Y,Y,..."

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, ...]:
        if isinstance(value, tuple):
            return value
        from offshoring_cli.core.grammar import parse_years

        try:
            return parse_years(str(value))
        except ValueError as error:
            self.fail(said(error, sentence=False), param, ctx)


JOBS = QuantityType("jobs", whole=True)
MAD = QuantityType("MAD", whole=False)
YEAR = YearType()
INCREMENT = MetricQuantityType()
RATE = RateType()
RATES = RateListType()
YEARS = YearsType()
