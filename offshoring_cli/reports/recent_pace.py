"""The recent-pace insight of ``status``: the growth over the latest interval against the whole
period, for any indicator with three or more whole-year observations of its target's series.

Generic: ids, units and years come from the dataset. Rates are compound annual growth rates
(:func:`offshoring_cli.core.formulas.cagr`), fractions a year; intervals are between
consecutive whole-year observations of one series (``n = later year - earlier year``).
"""

from typing import Any

from offshoring_cli.core.fields import RATE
from offshoring_cli.core.formulas import cagr
from offshoring_cli.core.resolve import Resolved
from offshoring_cli.i18n import Num, Text


def recent_pace_insight(r: Resolved) -> dict[str, Any] | None:
    """The latest interval's CAGR against the whole period's and the interval before it.

    ``None`` with fewer than three whole-year observations (one interval is the whole period).
    The history is the resolved one (:attr:`Resolved.history`): a baseline override stands in
    for the latest figure.
    """
    history = r.history
    if len(history) < 3:
        return None
    first, before, previous, last = history[0], history[-3], history[-2], history[-1]
    recent = cagr(previous.value, last.value, last.year - previous.year)
    earlier = cagr(before.value, previous.value, previous.year - before.year)
    whole = cagr(first.value, last.value, last.year - first.year)
    figures = {
        "metric": r.metric,
        "recent": Num(RATE, abs(recent)),
        "previous": previous.year,
        "last": last.year,
        "whole": Num(RATE, abs(whole)),
        "first": first.year,
        "earlier": Num(RATE, earlier),
        "before": before.year,
    }
    return {
        "id": f"{r.metric}_recent_pace",
        "metric": r.metric,
        "from_year": previous.year,
        "to_year": last.year,
        "recent_cagr": recent,
        "earlier_from_year": before.year,
        "earlier_cagr": earlier,
        "whole_from_year": first.year,
        "whole_cagr": whole,
        "text": _sentence(recent, whole, figures),
    }


def _sentence(recent: float, whole: float, figures: dict[str, Any]) -> Text:
    """The insight in words. A pace is compared by its size with a pace in the same direction
    (a fall of 5.72 % a year is faster than a fall of 5.43 %); a rise against a fall over the
    whole period (or the reverse) is said as such, neither faster nor slower."""
    if recent >= 0 and whole < 0:
        return Text(
            "Recent pace: {metric} grew {recent} a year from {previous} to {last}, whereas it "
            "fell {whole} a year over the whole period {first}-{last} ({earlier} a year from "
            "{before} to {previous}).",
            **figures,
        )
    if recent < 0 and whole >= 0:
        return Text(
            "Recent pace: {metric} fell {recent} a year from {previous} to {last}, whereas it "
            "grew {whole} a year over the whole period {first}-{last} ({earlier} a year from "
            "{before} to {previous}).",
            **figures,
        )
    if recent < 0:  # both falls: the larger fall is the faster
        if recent < whole:
            return Text(
                "Recent pace: {metric} fell {recent} a year from {previous} to {last}, faster "
                "than its fall of {whole} a year over the whole period {first}-{last} "
                "({earlier} a year from {before} to {previous}).",
                **figures,
            )
        if recent > whole:
            return Text(
                "Recent pace: {metric} fell {recent} a year from {previous} to {last}, slower "
                "than its fall of {whole} a year over the whole period {first}-{last} "
                "({earlier} a year from {before} to {previous}).",
                **figures,
            )
        return Text(
            "Recent pace: {metric} fell {recent} a year from {previous} to {last}, the same as "
            "its fall of {whole} a year over the whole period {first}-{last} ({earlier} a "
            "year from {before} to {previous}).",
            **figures,
        )
    if recent < whole:
        return Text(
            "Recent pace: {metric} grew {recent} a year from {previous} to {last}, slower "
            "than the {whole} a year of the whole period {first}-{last} ({earlier} a year "
            "from {before} to {previous}).",
            **figures,
        )
    if recent > whole:
        return Text(
            "Recent pace: {metric} grew {recent} a year from {previous} to {last}, faster "
            "than the {whole} a year of the whole period {first}-{last} ({earlier} a year "
            "from {before} to {previous}).",
            **figures,
        )
    return Text(
        "Recent pace: {metric} grew {recent} a year from {previous} to {last}, the "
        "same as the {whole} a year of the whole period {first}-{last} ({earlier} a "
        "year from {before} to {previous}).",
        **figures,
    )
