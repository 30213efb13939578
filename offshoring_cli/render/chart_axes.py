"""A chart's axes: the years each panel spans, its year ticks and its value ticks, worked out
once (pure functions; :mod:`offshoring_cli.render.chart` sets them on the axes).

Extreme but valid figures stay readable: a scenario may span 1900 to 2200 (a tick every 50
years, not every 2), hold values of a millionth of a unit (ticks with the digits that tell
them apart: ``0.0000012``, not ``0.0``) or beyond 1e18 (ticks in scientific notation,
:data:`offshoring_cli.i18n.numbers.LARGE`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

from offshoring_cli.i18n import numbers

MOST_YEAR_TICKS = 13
"""At most this many year ticks: every year up to a span of 6, every second year up to 24
(as before), then every 5, 10, 20, 25, 50, 100... years."""

SHARED = 0.5
"""Stacked panels share their years when each spans at least this share of all of them;
else each panel spans its own (a 2020-2030 panel next to a 1900-2200 one)."""


def spans(years: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """The years each panel spans, from each panel's years (observations, paths, target):
    one span for all when every panel covers at least :data:`SHARED` of it, else each its
    own."""
    own = [(min(ys), max(ys)) for ys in years]
    common = (min(s[0] for s in own), max(s[1] for s in own))
    length = common[1] - common[0]
    if all(s[1] - s[0] >= SHARED * length for s in own):
        return [common] * len(own)
    return own


def widen(span: tuple[int, int]) -> float:
    """How much wider than for 12 years the room beside a panel's years is (its end
    labels): 1 up to 24 years, then in proportion (a 300-year span: 25 times)."""
    length = span[1] - span[0]
    return 1.0 if length <= 24 else length / 12


def year_step(span: tuple[int, int], most: int = MOST_YEAR_TICKS) -> int:
    """Years between two ticks for ``span``, at most ``most`` ticks (see
    :data:`MOST_YEAR_TICKS`; fewer in a narrow panel)."""
    length = span[1] - span[0]
    if most == MOST_YEAR_TICKS and length <= 24:
        return 1 if length <= 6 else 2
    power = 1
    while True:
        for nice in (1, 2, 5) if power == 1 else ():
            if length // nice + 1 <= most:
                return nice
        for nice in (5, 10, 20, 25, 50):
            step = nice * power
            if length // step + 1 <= most:
                return step
        power *= 10


def year_ticks(span: tuple[int, int], panels: int = 1) -> list[int]:
    """The year ticks: from the last year back, every :func:`year_step` years; five at most
    where three panels or more stand side by side (the brief's chart)."""
    most = MOST_YEAR_TICKS if panels <= 2 else 5
    return list(range(span[1], span[0] - 1, -year_step(span, most)))


def value_labels(values: Sequence[float]) -> list[str]:
    """The value ticks as written: :func:`~offshoring_cli.i18n.numbers.round_tick` where
    ticks are 0.1 or more apart (``260,000``, ``12.5``); closer, with the decimals of their
    step, so that no two read the same (``0.0000012`` and ``0.0000014``, not ``0.0``)."""
    if len(values) > 1:
        step = min(abs(b - a) for a, b in itertools.pairwise(values))
        if 0 < step < 0.1 and max(abs(v) for v in values) <= numbers.LARGE:
            decimals = -math.floor(math.log10(step) + 1e-9)
            return [numbers.fixed(round(v, decimals) + 0.0, decimals) for v in values]
    return [numbers.round_tick(v) for v in values]


def figure(value: float) -> str:
    """A single value as a legend writes it (the target): as a tick, with three
    significant digits below 0.1 (``0.000002``, not ``0.0``)."""
    if 0 < abs(value) < 0.1:
        first = -math.floor(math.log10(abs(value)))
        for decimals in range(first, first + 3):
            if abs(round(value, decimals) - value) <= 1e-9 * abs(value):
                break
        return numbers.fixed(round(value, decimals), decimals)
    return numbers.round_tick(value)


def close(axes: Any, one: float, other: float) -> bool:
    """Whether two values lie within 30 pt of each other on ``axes`` (its limits so far,
    with the legend's room that :func:`offshoring_cli.render.chart._draw` adds above): the
    end label of the actual pace then keeps clear of the shortfall's label."""
    low, high = axes.get_ylim()
    height = axes.bbox.height * 72 / axes.figure.dpi
    return bool(abs(one - other) * height / ((high - low) * 1.4 or 1.0) < 30)
