"""The core's own checks of the values given to it: what the command line's Click types check
(:mod:`offshoring_cli.cli.params`), checked again where the value is used, so that the Python
API and the command line refuse the same values with the same words.

Each check is cheap when the value is good (no import); when it is not, the grammar of
:mod:`offshoring_cli.core.grammar` reads the value written out and says what is wrong, in the
words the command line uses, after the input's name: :class:`InputError` with ``field``.
On the command line the values were read by that grammar already, so these never fire there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from offshoring_cli.core.grammar import MAX_RATE  # the one limit: 1,000 % a year
from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, MAX_QUANTITY, MIN_QUANTITY
from offshoring_cli.errors import InputError, Message, reference

if TYPE_CHECKING:
    from offshoring_cli.core.resolve import Options


def _written(value: float) -> str:
    """``value`` as Python writes it (``150000.5``, ``1e-09``, ``nan``): text the grammar
    reads, so that its message is about the value given."""
    return repr(value) if isinstance(value, float) else str(value)


def _refuse(field: str, error: ValueError) -> InputError:
    return InputError(
        field, Message("{option}: {problem}", option=reference(field), problem=error.args[0])
    )


def figure(field: str, value: float, unit: str, whole: bool, signed: bool = False) -> None:
    """Refuse a count or amount the command line would refuse for ``unit``: not finite, not
    greater than 0 (unless ``signed``), outside 10^-6 to 10^18 in size, not whole when
    ``whole`` (jobs are whole).

    Raises:
        InputError: for ``field`` (``baseline[jobs]``), the grammar's reason.
    """
    good = (
        math.isfinite(value)
        and (signed or value > 0)
        and (value == 0 or MIN_QUANTITY <= abs(value) <= MAX_QUANTITY)
        and (not whole or value == int(value))
    )
    if good:
        return
    from offshoring_cli.core.grammar import parse_quantity

    try:
        parse_quantity(_written(value), unit, whole, signed)
    except ValueError as error:
        raise _refuse(field, error) from None


def rate(field: str, value: float) -> None:
    """Refuse a growth rate (a fraction a year) the command line would refuse: not finite,
    -100 % or less, above 1,000 % a year.

    Raises:
        InputError: for ``field`` (``growth``, ``changes``), the grammar's reason.
    """
    if math.isfinite(value) and -1 < value <= MAX_RATE:
        return
    from offshoring_cli.core.grammar import quoted
    from offshoring_cli.i18n import Text

    shown = quoted(_written(value))
    if not math.isfinite(value):
        problem = Text("{shown} is not a finite number; give a fraction such as 0.08", shown=shown)
    elif value <= -1:
        problem = Text("{shown}: a rate must be greater than -100 %", shown=shown)
    else:
        problem = Text("{shown}: rates above 1,000 % a year are refused", shown=shown)
    raise _refuse(field, ValueError(problem))


def year(field: str, value: int | None) -> None:
    """Refuse a year outside :data:`FIRST_YEAR` to :data:`LAST_YEAR` (1900-2200); ``None``
    (not given) passes.

    Raises:
        InputError: for ``field``, as :func:`grammar.check_year`.
    """
    if value is None or FIRST_YEAR <= value <= LAST_YEAR:
        return
    from offshoring_cli.core.grammar import check_year, quoted

    try:
        check_year(value, quoted(str(value)))
    except ValueError as error:
        raise _refuse(field, error) from None


def years(field: str, values: Sequence[int]) -> None:
    """Refuse a list of years with one out of range (:func:`year`) or one given twice.

    Raises:
        InputError: for ``field``, as :func:`grammar.parse_years`.
    """
    for value in values:
        year(field, value)
    if len(set(values)) == len(values):
        return
    from offshoring_cli.core.grammar import quoted
    from offshoring_cli.i18n import Text

    twice = next(v for v in values if list(values).count(v) > 1)
    problem = Text(
        "{shown}: {year} is given twice; give each year once.",
        shown=quoted(", ".join(str(v) for v in values)),
        year=twice,
    )
    raise _refuse(field, ValueError(problem))


def given(options: Options) -> None:
    """Refuse the years and figures of ``options`` the command line would refuse: a base or
    target year out of range (:func:`year`), a baseline or target not a valid count or amount
    in its indicator's unit (:func:`figure`; an id the dataset does not have is left to
    :meth:`Options.selected`).

    Raises:
        InputError: for ``base_year``, ``target_year``, ``baseline[ID]`` or ``target[ID]``.
    """
    from offshoring_cli.core.records import is_count

    year("base_year", options.base_year)
    year("target_year", options.target_year)
    indicators = options.dataset.indicators
    for kind, figures in (("baseline", options.baselines), ("target", options.targets)):
        for metric, value in figures.items():
            if metric in indicators:
                unit = indicators[metric].unit
                figure(f"{kind}[{metric}]", value, unit, whole=is_count(unit))
