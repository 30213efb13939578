"""The methods behind the figures: the progress bands with their thresholds, and the method
texts that reports give with their figures (``methods`` in JSON).

Bands: the Eurostat-style growth ratio (as implemented by Open SDG) and the UN Statistics
Division Progress Chart score. A non-finite value raises
:class:`~offshoring_cli.errors.DomainError`.
"""

import math

from offshoring_cli.errors import DomainError

CAGR_METHOD = "compound annual growth rate: (end / start) ** (1 / n) - 1, n = end year - start year"
LINEAR_METHOD = "linear path: (target - baseline) / n a year"

SHORTFALL_LABEL = "Shortfall (+ = short of target)"
"""Label of a shortfall: positive when short of the target in the wanted direction."""

SHORTFALL_METHOD = (
    "how far the value at the target year falls short of the target in the wanted direction: "
    "target - value when an increase is wanted, value - target when a decrease is; "
    "positive: short of the target, negative: beyond it"
)

# The method texts are output (``methods`` in JSON), kept as they were: "metrics.reaches" in
# the two below is :func:`offshoring_cli.core.formulas.reaches`, the module's former name.

REACHED_METHOD = (
    "the first year the value is >= target (<= target when a decrease is wanted), up to the "
    "rounding of the projection: within 4 * (years + 1) units in the last place for a "
    "compound path, 8 for a linear one (see metrics.reaches); a projected value that close "
    "to the target is shown as the target"
)

_AT_TARGET = (
    "; a value within rounding of the target (4 * (years + 1) units in the last place for a "
    "compound path, 8 for a linear one: see metrics.reaches) is the target itself"
)


GROWTH_RATIO_BANDS = (
    (0.95, "on track"),
    (0.60, "acceleration needed"),
    (0.0, "limited progress"),
)
"""Lower bounds of the growth-ratio bands (Eurostat, as implemented by Open SDG); below 0 the
indicator is "moving away"; a target already met is "achieved"."""

PROGRESS_BANDS = (
    (0.95, "on track"),
    (0.10, "fair progress, acceleration needed"),
)
"""Lower bounds of the UN Statistics Division Progress Chart bands; below 0.10 it is
"stagnation or regression"."""


def _check_finite(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DomainError(f"{name} must be a finite number, got {value!r}")


def _band(
    name: str, value: float, bands: tuple[tuple[float, str], ...], below: str, achieved: bool
) -> str:
    """The first band whose lower bound ``value`` reaches, ``below`` under them all, or
    "achieved"; a non-finite ``value`` raises :class:`DomainError`."""
    _check_finite(name, value)
    if achieved:
        return "achieved"
    return next((band for bound, band in bands if value >= bound), below)


def growth_ratio_band(ratio: float, achieved: bool = False) -> str:
    """Band of the Eurostat-style growth ratio ``R = actual CAGR / required CAGR``.

    Bands (Open SDG progress methodology, after Eurostat's SDG monitoring report,
    https://open-sdg.readthedocs.io/en/latest/progress-methodology/): target already met
    "achieved"; R >= 0.95 "on track"; 0.60 <= R < 0.95 "acceleration needed";
    0 <= R < 0.60 "limited progress"; R < 0 "moving away".
    """
    return _band("the growth ratio", ratio, GROWTH_RATIO_BANDS, "moving away", achieved)


def progress_band(score: float, achieved: bool = False) -> str:
    """Band of the UN Statistics Division Progress Chart score ``Q``.

    Q >= 0.95 "on track"; 0.10 <= Q < 0.95 "fair progress, acceleration needed";
    Q < 0.10 "stagnation or regression"; a target already met is "achieved".
    """
    return _band("the progress score", score, PROGRESS_BANDS, "stagnation or regression", achieved)
