"""Numbers as people read them: thousands separators, units, percentages. Pure functions.

Used by the renderers (tables, Markdown) and by ``--explain`` lines; JSON and CSV never go
through here: they carry plain numbers.

In the active language (:func:`offshoring_cli.i18n.active`): English as written below; French
and Arabic through Babel (:mod:`babel.numbers`, CLDR locales ``fr_FR`` and ``ar_MA``, see
:mod:`offshoring_cli.i18n.local_numbers`): ``148 500 emplois``, ``10,48 %``,
``26,22 Md MAD`` in French. Years are never grouped, in any language.
"""

from __future__ import annotations

from typing import Any

from offshoring_cli import i18n

COUNT_UNITS = frozenset({"jobs", "people", "persons", "employees", "workers"})
"""Units that count whole things (compared without case): their values are whole numbers
(:mod:`offshoring_cli.core.records` refuses a fractional count) and written without decimals."""


def is_count(unit: str) -> bool:
    """Whether values in ``unit`` are counts, that is whole numbers (``jobs``: yes; ``MAD``: no)."""
    return unit.strip().lower() in COUNT_UNITS


def number(value: float) -> str:
    """``148500`` -> ``148,500``; a non-integral value keeps two decimals (``1,234.57``), or
    three significant digits below 1 (``0.00400``) so that a small value never reads 0."""
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.number(value)
    if huge(value):
        return scientific(value)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"
    return f"{value:,.2f}"


def fixed(value: float, decimals: int) -> str:
    """``value`` grouped, with ``decimals`` (a chart's ticks: ``270,000``, ``40.0``)."""
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.fixed(value, decimals)
    if huge(value):
        return scientific(value)
    return f"{value:,.{decimals}f}"


def unit_name(unit: str) -> str:
    """``unit`` as a label of many (a chart's axis): ``jobs``; French ``emplois``."""
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.unit_word(unit, 2)
    return unit


LARGE = 1e18
"""From this size an amount is shown in scientific notation (``1.902e+190 MAD``), and beyond
it (a size over 1e18, the largest value an input may have) any number as people read it, in
every language: a count, a percentage (``1.000e+26 %``), a multiple (``1.000e+24x``), a
ratio such as the progress score Q (``2.037e+66``), a chart's tick. Four significant
digits; JSON and CSV keep the plain number."""


def huge(value: float) -> bool:
    """Whether ``value`` is shown in scientific notation: its size is over :data:`LARGE`
    (``inf`` included)."""
    return abs(value) > LARGE


def scientific(value: float, suffix: str = "") -> str:
    """``value`` in scientific notation with four significant digits: ``2.037e+66``; in
    French and Arabic with the decimal comma (``2,037e+66``)."""
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.scientific(value) + suffix
    return f"{e_notation(value)}{suffix}"


def e_notation(value: float) -> str:
    """``f"{value:.3e}"``, also for an int beyond the float range (``1.000e+400``), which a
    float cannot hold: written exactly, through :class:`decimal.Decimal`."""
    try:
        return f"{value:.3e}"
    except OverflowError:
        from decimal import Decimal

        return f"{Decimal(value):.3e}"


LAST_YEAR_SHOWN = 9999
"""A year beyond this is shown as ``after 9999 (597,838,976)``."""


def plural(count: int, word: str) -> str:
    """``1 indicator``, ``2 indicators``, ``0 sources``: ``word`` is the plural form."""
    return f"{count:,} {word[:-1] if count == 1 and word.endswith('s') else word}"


def amount(value: float, unit: str) -> str:
    """A value in its unit: ``148,500 jobs``, ``26.22 bn MAD``, ``850.00 M MAD``, ``120 MAD``.

    Billions keep a third decimal when the value has one (``10.578 bn MAD``), else two.

    Counts (a unit such as ``jobs`` or ``people``, :func:`is_count`)
    are rounded to whole ones (a path value of 200,236.6 jobs reads ``200,237 jobs``).
    Beyond :data:`LARGE`, scientific notation (``1.902e+190 MAD``); a unit in the plural reads
    in the singular for exactly one (``1 job``).
    """
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.amount(value, unit)
    if abs(value) >= LARGE:
        return f"{value:.3e} {unit}"
    count = is_count(unit)
    if abs(value) == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    if unit.isupper() and len(unit) == 3:  # a currency code such as MAD
        size = abs(value)
        if size >= 1e9 or round(size / 1e6, 2) >= 1000:  # 999,999,999.999 reads 1.00 bn
            # Keep a third decimal where the figure has one (segments: 10.578 bn MAD).
            text = f"{value / 1e9:,.3f}"
            if not (float(value).is_integer() and value % 1_000_000 == 0) or text.endswith("0"):
                text = f"{value / 1e9:,.2f}"
            return f"{text} bn {unit}"
        if size >= 1e6:
            return f"{value / 1e6:,.2f} M {unit}"
        return f"{number(value)} {unit}"
    if count:
        return f"{round(value):,} {unit}"
    return f"{number(value)} {unit}"


def half_up(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals, a tie rounded up as a spreadsheet rounds: the
    shortest decimal that reads back as ``value`` (its ``repr``) is rounded half up, so
    0.625 reads ``0.63`` and 1.005 ``1.01`` (``f"{value:.2f}"`` gives ``0.62`` and ``1.00``:
    round-half-even on the binary value). Not finite: as Python writes it."""
    if value != value or value in (float("inf"), float("-inf")):
        return f"{value:.{decimals}f}"
    # In whole numbers, not with the decimal module (its import costs 2.7 % of a run that
    # shows a multiple): the repr is digits * 10 ** scale, exactly.
    text = repr(float(value))
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits, shift = int(whole + fraction), int(exponent or 0) - len(fraction) + decimals
    if shift >= 0:
        units = digits * 10**shift
    else:
        units, rest = divmod(digits, 10**-shift)
        units += 2 * rest >= 10**-shift  # a tie goes up (away from zero)
    shown = str(units).rjust(decimals + 1, "0")
    return sign + (f"{shown[:-decimals]}.{shown[-decimals:]}" if decimals else shown)


def rate(value: float) -> str:
    """A fraction as a percentage with two decimals: ``0.104773`` -> ``10.48 %``; thousands
    grouped (``999,900.00 %``).

    ``-0`` reads ``0.00 %``; a rate above -100 % that two decimals would round to
    ``-100.00 %`` (a rate no input may have) keeps as many decimals as it takes to differ
    (``-99.9999 %``)."""
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.rate(value)
    percent = value * 100 + 0.0
    if huge(percent):
        return f"{percent:.3e} %"
    text = f"{percent:,.2f}"  # grouped as amounts are: 277,349,998.11 %
    decimals = 2
    while text == "-100.00" + "0" * (decimals - 2) and percent > -100 and decimals < 15:
        decimals += 1
        text = f"{percent:.{decimals}f}"
    return f"{'0.00' if text == '-0.00' and percent == 0 else text} %"


def exact(value: float) -> str:
    """A number for a formula a reader re-computes: ``148,500``, ``0.104773``, ``26.22e9``;
    beyond :data:`LARGE`, ``1.00000e+26``."""
    if huge(value):
        return f"{value:.5e}"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


FIGURE = "figure"
"""A kind of value for sentences: a ratio in ``unit``, whole from 100 (``176,566 MAD``), else
three significant digits (``1.53 MAD``)."""
CHANGE = "change"
"""A kind of value for sentences: a signed change as a percentage, ``unit`` giving its
decimals (``+3.9%`` for ``"1"``, ``-16%`` for ``"0"``)."""
NUMBER = "number"
"""A kind of value for sentences: a plain number, grouped (:func:`number`: ``26,219,000,000``)."""
SIGNED = "signed"
"""A kind of value for sentences: a number with its sign, grouped (``-1,000,000``, ``+500``)."""
GIVEN = "given"
"""A kind of value for sentences: a number as given, grouped, every digit kept (``270,000``,
``0.04``, ``270.0``)."""
EXACT = "exact"
"""A kind of value for sentences: a number as :func:`exact` writes it (``-1,500``, ``0.5``)."""
TYPED = "typed"
"""A kind of value for sentences: a text to type on the command line in the language's
notation (``26.22bn``; French and Arabic ``26,22bn``, read back by ``--lang fr|ar``)."""


def value(kind: str, item: Any, unit: str) -> str:
    """Format one report value of a :class:`~offshoring_cli.core.fields.Field` ``kind``.

    Kinds: ``value`` and ``value_per_year`` (in ``unit``), ``rate`` (a fraction shown as a
    percentage), ``multiple`` (``1.82x``), ``ratio`` (four decimals), ``bool`` (yes/no),
    ``years`` (a list, comma-separated), ``year`` (as it is; beyond :data:`LAST_YEAR_SHOWN`,
    ``after 9999 (597,838,976)``), and for sentences :data:`FIGURE`, :data:`CHANGE`,
    :data:`NUMBER`, :data:`SIGNED`, :data:`GIVEN`, :data:`EXACT` and :data:`TYPED` (as it
    is, in English);
    anything else is shown as it is. In French and Arabic, the same kinds through
    :func:`offshoring_cli.i18n.local_numbers.value`.
    """
    numeric = isinstance(item, (int, float)) and not isinstance(item, bool)
    if numeric and kind in _SCIENTIFIC and huge(item if kind != "rate" else item * 100):
        return _large(kind, item, unit)
    if i18n.active() != "en":
        from offshoring_cli.i18n import local_numbers

        return local_numbers.value(kind, item, unit)
    if kind == FIGURE:
        return f"{item:,.0f} {unit}" if abs(item) >= 100 else f"{item:.3g} {unit}"
    if kind == CHANGE:
        return f"{item:+.{int(unit or 0)}%}"
    if kind == NUMBER:
        return number(item)
    if kind == SIGNED:
        return f"{item:+,}"
    if kind == GIVEN:
        return f"{item:,}"
    if kind == EXACT:
        return exact(item)
    if kind == "value":
        return amount(item, unit)
    if kind == "value_per_year":
        return f"{amount(item, unit)} a year"
    if kind == "rate":
        return rate(item)
    if kind == "multiple":
        return f"{half_up(item, 2)}x"
    if kind == "ratio":
        return f"{item:.4f}"
    if kind == "bool":
        return "yes" if item else "no"
    if kind == "years":
        return ", ".join(str(year) for year in item)
    if kind == "year" and isinstance(item, int) and item > LAST_YEAR_SHOWN:
        return f"after {LAST_YEAR_SHOWN} ({item:,})"
    return str(item)


_SCIENTIFIC = frozenset({FIGURE, NUMBER, SIGNED, GIVEN, EXACT, "multiple", "ratio", "rate"})
"""The kinds of :func:`value` written in scientific notation beyond :data:`LARGE` (a value
and a value a year go through :func:`amount`, which does so itself)."""


def _large(kind: str, item: float, unit: str) -> str:
    """A value of ``kind`` over :data:`LARGE`, in scientific notation: ``2.037e+84 USD``,
    ``+2.037e+84``, ``1.000e+24x``, ``1.000e+26 %``, ``2.037e+66``."""
    if kind == "rate":
        return rate(item)
    if kind == EXACT and i18n.active() == "en":
        return exact(item)
    text = scientific(item)
    if kind == SIGNED and item > 0:
        text = "+" + text
    if kind == FIGURE:
        return f"{text} {unit}" if i18n.active() == "en" else _local_unit(text, unit, item)
    if kind == "multiple":
        return f"{text}x" if i18n.active() == "en" else _local_times(text)
    return text


def _local_unit(text: str, unit: str, item: float) -> str:
    from offshoring_cli.i18n import local_numbers

    return f"{text} {local_numbers.unit_word(unit, item)}"


def _local_times(text: str) -> str:
    from offshoring_cli.i18n import _

    return _("{value}x").format(value=text)


def round_tick(value: float) -> str:
    """A chart's tick value without needless decimals: ``260,000``, ``40``, ``12.5``."""
    value = round(value, 6)
    return fixed(value, 0 if float(value).is_integer() else 1)
