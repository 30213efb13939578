"""The methods behind the figures: the progress bands with their thresholds, and the method
texts that reports give with their figures (``methods`` in JSON).

Bands: the Eurostat-style growth ratio (as implemented by Open SDG) and the UN Statistics
Division Progress Chart score. A non-finite value raises
:class:`~offshoring_cli.errors.DomainError`.
"""

import math

from offshoring_cli.errors import DomainError
from offshoring_cli.i18n import N_, _

CAGR_METHOD = "compound annual growth rate: (end / start) ** (1 / n) - 1, n = end year - start year"
LINEAR_METHOD = "linear path: (target - baseline) / n a year"

SHORTFALL_LABEL = N_("Shortfall (+ = short of target)")
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
    (0.95, N_("on track")),
    (0.60, N_("acceleration needed")),
    (0.0, N_("limited progress")),
)
"""Lower bounds of the growth-ratio bands (Eurostat, as implemented by Open SDG); below 0 the
indicator is "moving away"; a target already met is "achieved"."""
GROWTH_RATIO_BELOW = N_("moving away")

PROGRESS_BANDS = (
    (0.95, N_("on track")),
    (0.10, N_("fair progress, acceleration needed")),
)
"""Lower bounds of the UN Statistics Division Progress Chart bands; below 0.10 it is
"stagnation or regression"."""
PROGRESS_BELOW = N_("stagnation or regression")

ACHIEVED = N_("achieved")
"""The band of a target already met (either method)."""

GROWTH_RATIO_BAND_NAMES = (ACHIEVED, *(name for _, name in GROWTH_RATIO_BANDS), GROWTH_RATIO_BELOW)
PROGRESS_BAND_NAMES = (ACHIEVED, *(name for _, name in PROGRESS_BANDS), PROGRESS_BELOW)


def _bound(value: float) -> str:
    return f"{value:.2f}" if value else "0"


def band_rules(
    symbol: str,
    bands: tuple[tuple[float, str], ...],
    below: str,
    style: str = "rules",
    below_word: str = "below",
) -> str:
    """The bands as one sentence, from the thresholds (the one place they are written out).

    ``style``: ``rules`` (``R >= 0.95 on track; 0.60 <= R < 0.95 acceleration needed; ...;
    R < 0 moving away``), ``ranges`` (``R >= 0.95 on track; 0.60-0.95 ...; below 0 ...``, the
    brief's) or ``quoted`` (band names in quotes, separated by commas: the JSON Schema's).
    """
    parts = []
    upper: float | None = None
    for bound, name in bands:
        shown = f"'{name}'" if style == "quoted" else name
        if upper is None:
            parts.append(f"{symbol} >= {_bound(bound)} {shown}")
        elif style == "ranges":
            parts.append(f"{_bound(bound)}-{_bound(upper)} {shown}")
        else:
            parts.append(f"{_bound(bound)} <= {symbol} < {_bound(upper)} {shown}")
        upper = bound
    assert upper is not None
    if style == "quoted":
        parts.append(f"{symbol} < {_bound(upper)} '{below}'")
        return ", ".join(parts)
    parts.append(
        f"{below_word} {_bound(upper)} {below}"
        if style == "ranges"
        else f"{symbol} < {_bound(upper)} {below}"
    )
    return "; ".join(parts)


GROWTH_RATIO_BAND_METHOD = "achieved if the target is met; " + band_rules(
    "R", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW
)
PROGRESS_BAND_METHOD = band_rules("Q", PROGRESS_BANDS, PROGRESS_BELOW)

GROWTH_RATIO_SOURCE = (
    "Eurostat-style growth ratio R = actual CAGR / required CAGR from the same base year, "
    "as implemented by Open SDG (https://open-sdg.readthedocs.io/en/latest/"
    "progress-methodology/)"
)
PROGRESS_SCORE_SOURCE = (
    "UN Statistics Division Progress Chart: Q = (projected - base value) / (target - base value)"
)

BRIEF_METHODS = (
    "Compound annual growth rate (CAGR): (end / start) ** (1 / n) - 1, with n = end year - "
    "start year (intervals, not data points); the same as Excel RRI(n, start, end).",
    "Linear path: the gap divided by n, added every year.",
    "Growth ratio R (Eurostat's SDG progress method, as implemented by Open SDG, "
    "https://open-sdg.readthedocs.io/en/latest/progress-methodology/): the actual CAGR from "
    "the base year to the latest year, divided by the CAGR required from the same base year to "
    "the target year. " + band_rules("R", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW, "ranges") + ".",
    "Progress score Q (UN Statistics Division, SDG Progress Chart): the latest value carried "
    "to the target year at the actual CAGR; Q = (projected - base value) / (target - base "
    "value). " + band_rules("Q", PROGRESS_BANDS, PROGRESS_BELOW, "ranges") + ".",
    "Growth is only computed between whole-year figures of one statistical series.",
)
"""The brief's method notes, the bands written from the thresholds above."""


def brief_methods() -> list[str]:
    """:data:`BRIEF_METHODS` in the active language (:mod:`offshoring_cli.i18n`): the same
    sentences, the band names and the word "below" from the catalogues."""

    def ranges(symbol: str, bands: tuple[tuple[float, str], ...], below: str) -> str:
        named = tuple((bound, _(name)) for bound, name in bands)
        return band_rules(symbol, named, _(below), "ranges", below_word=_("below"))

    return [
        _(
            "Compound annual growth rate (CAGR): (end / start) ** (1 / n) - 1, with n = end "
            "year - start year (intervals, not data points); the same as Excel RRI(n, start, "
            "end)."
        ),
        _("Linear path: the gap divided by n, added every year."),
        _(
            "Growth ratio R (Eurostat's SDG progress method, as implemented by Open SDG, "
            "https://open-sdg.readthedocs.io/en/latest/progress-methodology/): the actual CAGR "
            "from the base year to the latest year, divided by the CAGR required from the same "
            "base year to the target year. {bands}."
        ).format(bands=ranges("R", GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW)),
        _(
            "Progress score Q (UN Statistics Division, SDG Progress Chart): the latest value "
            "carried to the target year at the actual CAGR; Q = (projected - base value) / "
            "(target - base value). {bands}."
        ).format(bands=ranges("Q", PROGRESS_BANDS, PROGRESS_BELOW)),
        _("Growth is only computed between whole-year figures of one statistical series."),
    ]


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
        return ACHIEVED
    return next((band for bound, band in bands if value >= bound), below)


def growth_ratio_band(ratio: float, achieved: bool = False) -> str:
    """Band of the Eurostat-style growth ratio ``R = actual CAGR / required CAGR``.

    Bands (Open SDG progress methodology, after Eurostat's SDG monitoring report,
    https://open-sdg.readthedocs.io/en/latest/progress-methodology/): target already met
    "achieved"; R >= 0.95 "on track"; 0.60 <= R < 0.95 "acceleration needed";
    0 <= R < 0.60 "limited progress"; R < 0 "moving away".
    """
    return _band("the growth ratio", ratio, GROWTH_RATIO_BANDS, GROWTH_RATIO_BELOW, achieved)


def progress_band(score: float, achieved: bool = False) -> str:
    """Band of the UN Statistics Division Progress Chart score ``Q``.

    Q >= 0.95 "on track"; 0.10 <= Q < 0.95 "fair progress, acceleration needed";
    Q < 0.10 "stagnation or regression"; a target already met is "achieved".
    """
    return _band("the progress score", score, PROGRESS_BANDS, PROGRESS_BELOW, achieved)
