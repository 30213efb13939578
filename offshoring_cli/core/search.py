"""The year search behind every "reached in": the first whole year at which a projection
reaches its target, for a test that turns true once and stays true. Pure arithmetic on
years; the test (:func:`offshoring_cli.core.formulas.reaches` on a projection) is the
caller's, so the answer is that of the very arithmetic the caller does."""

import math
from collections.abc import Callable


def first_year(reached: Callable[[int], bool], estimate: float) -> int:
    """The smallest ``n >= 1`` with ``reached(n)``, for a ``reached`` that turns true once and
    stays true: the year after ``estimate`` and the one before it (nearly always the answer,
    in two steps), else outwards from there in doubling steps, then bisected: a bounded
    number of steps, and the answer of the very arithmetic ``reached`` does."""
    n = math.ceil(estimate)
    if n < 1:
        n = 1
    return first_from(reached, n, reached(n))


def first_from(reached: Callable[[int], bool], n: int, at_n: bool) -> int:
    """:func:`first_year` from year ``n >= 1``, with ``at_n = reached(n)``."""
    if at_n:
        high, low, step = n, n - 1, 1
        while low >= 1 and reached(low):  # below 1 counts as not reached
            high, step = low, step * 2
            low = max(0, low - step)
    else:
        low, high, step = n, n + 1, 1
        while not reached(high):
            low, step = high, step * 2
            high += step
    while high - low > 1:
        middle = (low + high) // 2
        if reached(middle):
            high = middle
        else:
            low = middle
    return high
