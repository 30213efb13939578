"""What a reader quotes: the finding per metric in one sentence, and the verdict in words.

Built from a ``status`` row (:class:`~offshoring_cli.reports.status_row.StatusRow`), in the
language active when called, so that the brief's headline, its verdict lines and the chart's
title say the same thing with the same figures as ``offshoring status --json``:

    At the 2022-2024 pace, offshoring jobs reach about 221,000 in 2030, 49,000 short of the
    270,000 target.

Figures in a headline are rounded to three significant digits of the target (a step of 1,000
for a target of 270,000; 0.1 bn for 40 bn), all to the same step, so that they add up.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from offshoring_cli.core.methods import ACHIEVED, GROWTH_RATIO_BELOW
from offshoring_cli.i18n import N_, _, numbers, say
from offshoring_cli.reports.status_row import given

if TYPE_CHECKING:
    from offshoring_cli.reports.status_row import StatusRow

SYMBOLS = {
    ACHIEVED: ("\u2714", "good"),  # heavy check mark
    "on track": ("\u2714", "good"),
    "acceleration needed": ("\u25b2", "warn"),  # up-pointing triangle: speed up
    "limited progress": ("\u25bc", "bad"),  # down-pointing triangle
    GROWTH_RATIO_BELOW: ("\u2716", "bad"),  # heavy multiplication x
}
"""Growth-ratio band -> (symbol, tone): the symbol carries the verdict where colour cannot
(print in grey, colour-blind readers); the tone picks the colour (good, warn, bad)."""

TARGET_KINDS = (N_("interim"), N_("final"))
"""A published target's kind, marked for the catalogues (the brief's targets table)."""

UNASSESSED = ("\u2013", "none")
"""The symbol and tone of a reading that could not be assessed (an en dash)."""


class Finding(NamedTuple):
    """One reading's finding, in the active language."""

    reading: str
    """Which published target (``jobs``, ``exports 2026 (offshoring-legacy)``)."""
    headline: str
    """The finding in one quotable sentence (the main reading of each metric)."""
    symbol: str
    tone: str
    """``good``, ``warn``, ``bad`` or ``none`` (:data:`SYMBOLS`)."""
    band: str
    """The growth-ratio band in words (Eurostat method), translated."""
    verdict: str
    """The band, then one required rate a year saying from when, then the pace achieved."""
    caution: str
    """A warning a reader must not miss (a pace from one interval), or empty."""


def step_of(target: float) -> float:
    """The rounding step of a headline: three significant digits of ``target``
    (270,000 -> 1,000; 40e9 -> 1e8)."""
    size = abs(target)
    if size == 0 or not math.isfinite(size):
        return 1.0
    return float(10 ** (math.floor(math.log10(size)) - 2))


FINEST = 1e-6
"""The finest step a headline refines to, relative to :func:`step_of` (nine significant
digits of the target): a gap smaller than that reads "about level with the target"."""


def rounded(value: float, unit: str, step: float, scientific: bool = False) -> str:
    """``value`` rounded to ``step`` as a reader says it: ``221,000`` (a count: the
    sentence names what is counted), ``26.5 bn MAD``, ``40 bn MAD`` (no needless decimals),
    ``0.00000005 ppm``; with ``scientific`` (a sentence with a figure over
    :data:`~offshoring_cli.i18n.numbers.LARGE`), ``2.037e+84 USD``."""
    from offshoring_cli.core.records import is_count

    if scientific:
        text = numbers.scientific(value)
        return text if is_count(unit) else f"{text} {numbers.unit_name(unit)}"
    value = round(value / step) * step
    currency = unit.isupper() and len(unit) == 3
    scale = 1e9 if currency and step >= 1e7 else 1.0
    shown = value / scale
    needed = max(0, -math.floor(math.log10(step / scale)))
    decimals = 0 if float(round(shown, needed)).is_integer() else needed
    text = numbers.fixed(shown, decimals)
    if currency and scale == 1e9:
        return _("{number} bn {unit}").format(number=text, unit=numbers.unit_name(unit))
    if is_count(unit):
        return text
    return f"{text} {numbers.unit_name(unit)}"


class Figures(NamedTuple):
    """The figures of one finding sentence, rounded alike so that they add up (the target
    less the projection is the gap, as written) and agree with the status row."""

    target: str
    projected: str
    gap: str
    where: str
    """``short``, ``above``, ``below`` (:func:`side`) or ``level`` (no gap at the finest
    step, :data:`FINEST`)."""


def figures(target: float, projected: float, shortfall: float, unit: str) -> Figures:
    """The target, the projection and the gap between them as a finding writes them.

    The step starts at three significant digits of the target (:func:`step_of`) and gets
    ten times finer while the target is not a whole number of steps (221,800 at a step of
    1,000 would read 222,000) or while the gap rounds to 0 though the status row has one
    (``shortfall``, its sign giving the direction), down to :data:`FINEST`. The gap is the
    difference of the rounded figures, so that the sentence adds up: a projection of 221,348
    jobs and a target of 221,800 read ``221,300``, ``500 short of the 221,800 target`` (the
    row: 452 short). Beyond :data:`~offshoring_cli.i18n.numbers.LARGE`, every figure in
    scientific notation."""
    if max(abs(target), abs(projected)) > numbers.LARGE or not math.isfinite(projected):
        where = _direction(shortfall, projected, target) if shortfall else "level"
        return Figures(
            rounded(target, unit, 1.0, True),
            rounded(projected, unit, 1.0, True),
            rounded(abs(shortfall), unit, 1.0, True),
            where,
        )
    from offshoring_cli.core.records import is_count

    step = step_of(target)
    finest = max(step * FINEST, 1.0 if is_count(unit) else 0.0)  # no fraction of a job
    while True:
        whole = round(target / step)
        gap = abs(whole - round(projected / step))
        exact = abs(whole * step - target) <= 1e-9 * abs(target)
        if (exact and (gap or not shortfall)) or step / 10 < finest * (1 - 1e-9):
            break
        step /= 10
    where = _direction(shortfall, projected, target) if gap else "level"
    return Figures(
        rounded(target, unit, step),
        rounded(projected, unit, step),
        rounded(gap * step, unit, step),
        where,
    )


def _direction(shortfall: float, projected: float, target: float) -> str:
    """:func:`side` by the sign of ``shortfall`` alone (the status row's), not rounded."""
    decrease = abs(shortfall - (projected - target)) < abs(shortfall - (target - projected))
    if shortfall > 0:
        return "above" if decrease else "short"
    return "below" if decrease else "above"


def mid_sentence(label: str) -> str:
    """``label`` as written inside a sentence: its first letter in lower case ("Offshoring
    jobs" -> "offshoring jobs"), unless its second letter is upper case too, an acronym
    ("CO2 emissions", "ITO exports" stay as they are)."""
    if label[1:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _label(row: StatusRow) -> str:
    return mid_sentence(_(str(row["label"])))


def side(shortfall: float, projected: float, target: float, step: float) -> str:
    """Where a projection stands from its target, in the words a headline uses: ``"short"``
    (short of a target to increase to: below it), ``"above"`` (beyond a target to increase
    to, or short of a target to decrease to) or ``"below"`` (beyond a target to decrease to).

    ``shortfall`` is positive when short of the target in the wanted direction: ``target -
    projected`` for an increase, ``projected - target`` for a decrease
    (:func:`~offshoring_cli.core.results.shortfall`), which tells the direction; a shortfall
    that rounds to 0 at ``step`` counts as reached."""
    decrease = abs(shortfall - (projected - target)) < abs(shortfall - (target - projected))
    if round(shortfall / step) > 0:
        return "above" if decrease else "short"
    return "below" if decrease else "above"


def headline(row: StatusRow) -> str:
    """The finding in one sentence: where the actual pace leads by the target year, and how
    far that is from the target (short of it, or above it)."""
    if not row["assessed"]:
        return say(row["verdict"])
    target, unit = float(given(row["target"])), str(row["unit"])
    step = step_of(target)
    args = {
        "start": row["since_year"],
        "end": row["latest_year"],
        "label": _label(row),
        "year": row["target_year"],
        "target": rounded(target, unit, step),
    }
    if row["growth_ratio_band"] == ACHIEVED:
        latest = float(row["latest"])
        shown = figures(target, latest, target - latest, unit)
        if shown.where == "level":
            template = _("{label} stand at {latest} in {end}, level with the {target} target.")
        elif latest >= target:
            template = _(
                "{label} stand at {latest} in {end}, above the {target} target for {year}."
            )
        else:
            template = _(
                "{label} stand at {latest} in {end}, below the {target} target for {year}."
            )
        args["target"] = shown.target
        return template.format(latest=shown.projected, **args)
    projected = row["projected_at_target_year"]
    shortfall = row["shortfall_at_target_year"]
    if projected is None or shortfall is None:
        return say(row["verdict"])
    shown = figures(target, float(projected), float(shortfall), unit)
    args.update(target=shown.target, projected=shown.projected, gap=shown.gap)
    if shown.where == "short":
        template = _(
            "At the {start}\u2013{end} pace, {label} reach about {projected} in {year}, "
            "{gap} short of the {target} target."
        )
    elif shown.where == "above":
        template = _(
            "At the {start}\u2013{end} pace, {label} reach about {projected} in {year}, "
            "{gap} above the {target} target."
        )
    elif shown.where == "below":
        template = _(
            "At the {start}\u2013{end} pace, {label} reach about {projected} in {year}, "
            "{gap} below the {target} target."
        )
    else:
        template = _(
            "At the {start}\u2013{end} pace, {label} reach about {projected} in {year}, "
            "about level with the {target} target."
        )
    return template.format(**args)


def finding(row: StatusRow) -> Finding:
    """The finding of one status row (see :class:`Finding`)."""
    reading = str(row["reading"])
    if not row["assessed"]:
        symbol, tone = UNASSESSED
        # the reason is the finding; the verdict line says the band only (not it again)
        band = _("not assessed")
        return Finding(reading, say(row["verdict"]), symbol, tone, band, band, "")
    band = str(row["growth_ratio_band"])
    symbol, tone = SYMBOLS.get(band, UNASSESSED)
    achieved = _("{rate}/yr achieved {start}\u2013{end}").format(
        rate=numbers.rate(float(row["actual_cagr"] or 0.0)),
        start=row["since_year"],
        end=row["latest_year"],
    )
    rate = row["required_cagr_from_latest"]
    if band == ACHIEVED or rate is None:
        verdict = _("{band} (growth ratio, Eurostat method): target met; {achieved}.").format(
            band=_(band), achieved=achieved
        )
    else:
        verdict = _(
            "{band} (growth ratio, Eurostat method): {rate}/yr is needed from {start} to "
            "{year}; {achieved}."
        ).format(
            band=_(band),
            rate=numbers.rate(float(rate)),
            start=row["latest_year"],
            year=row["target_year"],
            achieved=achieved,
        )
    caution = ""
    if row["actual_periods"] == 1:
        caution = _(
            "The actual pace rests on a single interval ({start}\u2013{end}): one year's "
            "change, not a trend."
        ).format(start=row["since_year"], end=row["latest_year"])
    return Finding(reading, headline(row), symbol, tone, _(band), verdict, caution)
