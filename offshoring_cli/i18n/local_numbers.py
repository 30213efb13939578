"""Numbers in French and Arabic, through Babel (:mod:`babel.numbers`, CLDR data).

Imported by :mod:`offshoring_cli.i18n.numbers` only when a language other than English is
active, so the English paths never import Babel. The same figures as in English: Python
rounds each value to the digits English shows (so no language rounds differently), then
Babel writes that exact decimal with the locale's symbols and pattern
(:data:`offshoring_cli.i18n.LOCALES`):

============  =====================  ==================  ===============
language      count                  rate                amount
============  =====================  ==================  ===============
French        ``148 500 emplois``    ``10,48 %``         ``26,22 Md MAD``
Arabic        ``148.500 منصب شغل``   ``10,48%``          ``26,22 مليار درهم``
============  =====================  ==================  ===============

French groups thousands with a narrow no-break space (U+202F) and puts a no-break space
before ``%``, as CLDR ``fr`` does; the unit words (``Md`` for milliard, ``M`` for million,
``emplois``) come from the catalogues (``docs/glossary.md``). Arabic follows CLDR ``ar_MA``:
Latin digits (the digits of the Moroccan press), ``.`` between thousands, ``,`` before the
decimals. Years never go through here: they are written as they are (``2030``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal, format_percent, get_decimal_symbol

from offshoring_cli import i18n
from offshoring_cli.i18n import _, ngettext


def _locale() -> str:
    return i18n.LOCALES[i18n.active()]


def _decimal(text: str, decimals: int) -> str:
    """The decimal ``text`` (already rounded by Python) in the locale, ``decimals`` kept."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(Decimal(text), format=pattern, locale=_locale()))


def scientific(value: float) -> str:
    """As :func:`offshoring_cli.i18n.numbers.scientific`: ``2,037e+66`` (Babel's
    :func:`~babel.numbers.format_decimal` would write all 67 digits, or fail past 28)."""
    from offshoring_cli.i18n.numbers import e_notation

    return _plain(e_notation(value))


def fixed(value: float, decimals: int) -> str:
    """As :func:`offshoring_cli.i18n.numbers.fixed`: ``270 000``, ``40,0``."""
    if abs(value) > 1e18:
        return scientific(value)
    return _decimal(f"{value:.{decimals}f}", decimals)


def _plain(text: str) -> str:
    """A number Python wrote without grouping (``0.004``, ``1.902e+190``) with the locale's
    decimal sign."""
    return text.replace(".", get_decimal_symbol(_locale()))


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def number(value: float) -> str:
    """As :func:`offshoring_cli.i18n.numbers.number`: ``148 500``, ``1 234,57``, ``0,004``."""
    if abs(value) > 1e18:
        return scientific(value)
    if isinstance(value, int) or float(value).is_integer():
        return _decimal(str(int(value)), 0)
    if abs(value) < 1:
        return _plain(f"{value:.3g}")
    return _decimal(f"{value:.2f}", 2)


def unit_word(unit: str, count: float) -> str:
    """``unit`` in the language: a currency code by the catalogue (``MAD``: ``MAD``, Arabic
    ``درهم``), a word in the plural by its form for ``count`` (``jobs``: ``emploi(s)``)."""
    if unit.endswith("s") and not unit.endswith("ss"):
        whole = int(abs(count)) if float(count).is_integer() else 2
        return ngettext(unit[:-1], unit, whole)
    return _(unit)


def _units() -> None:  # pragma: no cover (never called: marks the common units for pybabel)
    """The unit words the catalogues translate: people counted (``jobs``) and currency codes
    (``MAD``); another unit of a scenario file is shown as it is written."""
    ngettext("job", "jobs", 1)
    _("MAD")


def amount(value: float, unit: str) -> str:
    """As :func:`offshoring_cli.i18n.numbers.amount`, in the language: ``148 500 emplois``,
    ``26,22 Md MAD``, ``850,00 M MAD``."""
    if abs(value) >= 1e18:
        return f"{_plain(f'{value:.3e}')} {unit_word(unit, value)}"
    from offshoring_cli.i18n.numbers import is_count

    if unit.isupper() and len(unit) == 3:  # a currency code, as in English
        size = abs(value)
        currency = unit_word(unit, value)
        if size >= 1e9 or round(size / 1e6, 2) >= 1000:
            text = f"{value / 1e9:.3f}"
            if not (float(value).is_integer() and value % 1_000_000 == 0) or text.endswith("0"):
                text = f"{value / 1e9:.2f}"
            return _("{number} bn {unit}").format(
                number=_decimal(text, _decimals(text)), unit=currency
            )
        if size >= 1e6:
            return _("{number} M {unit}").format(
                number=_decimal(f"{value / 1e6:.2f}", 2), unit=currency
            )
        return f"{number(value)} {currency}"
    if is_count(unit):
        return f"{_decimal(str(round(value)), 0)} {unit_word(unit, round(value))}"
    return f"{number(value)} {unit_word(unit, value)}"


def rate(value: float) -> str:
    """As :func:`offshoring_cli.i18n.numbers.rate`: ``10,48 %`` (French), ``10,48%``
    (Arabic); the digits are those of English (``-0`` reads ``0,00 %``)."""
    from offshoring_cli.i18n import numbers

    with i18n.english():
        text = numbers.rate(value).removesuffix(" %").replace(",", "")  # the digits only
    if "e" in text or "n" in text:  # over 1e18 % (1.000e+26), or not finite: no digits to group
        from babel import Locale

        shape = str(Locale.parse(_locale()).percent_formats[None].pattern)
        return shape.replace("#,##0", _plain(text), 1)
    return _percent(Decimal(text) / 100, _decimals(text))


def _percent(fraction: Decimal | float, decimals: int, signed: bool = False) -> str:
    """``fraction`` as a percentage with ``decimals``, by the locale's percent pattern (a
    ``+`` before a rise when ``signed``)."""
    from babel import Locale

    text = f"{Decimal(fraction) * 100:.{decimals}f}"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    shape = Locale.parse(_locale()).percent_formats[None].pattern.replace("#,##0", pattern, 1)
    if signed:
        shape = f"+{shape};-{shape}"
    return str(format_percent(Decimal(text) / 100, format=shape, locale=_locale()))


def value(kind: str, item: Any, unit: str) -> str:
    """As :func:`offshoring_cli.i18n.numbers.value`, in the language (``1,82x`` with the
    catalogue's word for "x", ``oui``/``non``, ``26,22 Md MAD par an``)."""
    from offshoring_cli.i18n.numbers import LAST_YEAR_SHOWN

    if kind == "figure":
        text = f"{item:.0f}" if abs(item) >= 100 else f"{item:.3g}"
        return f"{_decimal(text, _decimals(text))} {unit_word(unit, item)}"
    if kind == "change":
        return _percent(item, int(unit or 0), signed=True)
    if kind == "number":
        return number(item)
    if kind == "signed":
        digits = f"{abs(item)}"
        return ("-" if item < 0 else "+") + _decimal(digits, _decimals(digits))
    if kind == "given":
        digits = f"{item}"
        if "e" in digits or "E" in digits or digits in ("inf", "-inf", "nan"):
            return _plain(digits)
        return _decimal(digits, _decimals(digits))
    if kind == "exact":  # as numbers.exact, in the locale
        if isinstance(item, int) or float(item).is_integer():
            return _decimal(str(int(item)), 0)
        digits = f"{item:.6g}" if abs(item) < 1e6 else f"{item:.2f}"
        return _plain(digits) if "e" in digits else _decimal(digits, _decimals(digits))
    if kind == "typed":  # read back under --lang fr|ar: a decimal comma, no grouping
        return str(item).replace(",", "").replace(".", ",")
    if kind == "value":
        return amount(item, unit)
    if kind == "value_per_year":
        return _("{amount} a year").format(amount=amount(item, unit))
    if kind == "rate":
        return rate(item)
    if kind == "multiple":
        from offshoring_cli.i18n.numbers import half_up

        return _("{value}x").format(value=_decimal(half_up(item, 2), 2))
    if kind == "ratio":
        return _decimal(f"{item:.4f}", 4)
    if kind == "bool":
        return _("yes") if item else _("no")
    if kind == "years":
        return _(", ").join(str(year) for year in item)
    if kind == "year" and isinstance(item, int) and item > LAST_YEAR_SHOWN:
        return _("after {year} ({value})").format(
            year=LAST_YEAR_SHOWN, value=_decimal(str(item), 0)
        )
    if kind == "text" and isinstance(item, str):
        return i18n.say(item)
    return str(item)
