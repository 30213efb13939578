"""What a scenario needs of the whole file: ids that exist, no duplicates, series that match,
segments that can split their indicator, declared insights that refer to what is there.

Each problem is one line with its key path; :mod:`~offshoring_cli.scenario.validate` lists
these after the problems of each field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offshoring_cli.render import numbers as fmt
from offshoring_cli.scenario import exact_number

if TYPE_CHECKING:
    from offshoring_cli.scenario.model import ScenarioModel, SegmentsModel


def _cross_problems(model: ScenarioModel) -> list[str]:
    """What field-by-field validation cannot see: ids, duplicates, series, segments.

    Reads ``model`` by attribute only (no pydantic needed): the fast path
    (:mod:`~offshoring_cli.scenario.fast`) passes records with the same attributes."""
    problems: list[str] = []
    known = ", ".join(model.sources) or "none"

    def check_source(where: str, source: str) -> None:
        if source not in model.sources:
            problems.append(f"{where}.source: unknown source id {source!r} (known: {known})")

    ids: set[str] = set()
    for i, ind in enumerate(model.indicators):
        here = f"indicators[{i}]"
        if ind.id in ids:
            problems.append(f"{here}.id: duplicate indicator id {ind.id!r}")
        ids.add(ind.id)
        seen: dict[tuple[str, int, str], int] = {}
        for j, obs in enumerate(ind.observations):
            check_source(f"{here}.observations[{j}]", obs.source)
            key = (obs.series, obs.year, obs.period)
            if key in seen:
                problems.append(
                    f"{here}.observations[{j}]: duplicate year {obs.year} ({obs.period}) in "
                    f"series {obs.series!r}, first at observations[{seen[key]}]"
                )
            else:
                seen[key] = j
        check_source(f"{here}.target", ind.target.source)
        series = {o.series for o in ind.observations}
        annual = [o for o in ind.observations if o.series == ind.target.series]
        annual = [o for o in annual if o.period == "year"]
        if ind.target.series not in series:
            problems.append(
                f"{here}.target.series: {ind.target.series!r} is not a series of this "
                f"indicator's observations ({', '.join(sorted(series))})"
            )
        elif not annual:
            problems.append(
                f"{here}.target.series: no whole-year observation in series "
                f"{ind.target.series!r} to serve as the baseline"
            )
        elif ind.target.year <= max(o.year for o in annual):
            problems.append(
                f"{here}.target.year: {ind.target.year} must be after the latest whole-year "
                f"observation ({max(o.year for o in annual)})"
            )
    if model.segments is not None:
        seg = model.segments
        if seg.indicator not in ids:
            problems.append(f"segments.indicator: no indicator {seg.indicator!r}")
        else:
            ind = next(x for x in model.indicators if x.id == seg.indicator)
            whole = [
                o
                for o in ind.observations
                if o.year == seg.year and o.period == "year" and o.series == ind.target.series
            ]
            if not whole:
                problems.append(
                    f"segments.year: {seg.indicator} has no whole-year figure for {seg.year} "
                    "in its target's series to split"
                )
            else:
                problems += _segment_sum_problems(seg, ind.unit, whole[-1].value)
        item_ids: set[str] = set()
        for k, item in enumerate(seg.items):
            check_source(f"segments.items[{k}]", item.source)
            if item.id in item_ids:
                problems.append(f"segments.items[{k}].id: duplicate segment id {item.id!r}")
            item_ids.add(item.id)
    problems += _insight_problems(model, ids)
    return problems


SEGMENTS_AT_MOST = 2
"""Segments may add up to at most twice the figure they split (more cannot be a split of it,
whatever the rounding) ..."""
SEGMENTS_AT_LEAST = 1e-3
"""... and to at least a thousandth of it (less is a unit off: thousands or billions). Between
the two, ``segments`` says whether they add up within rounding."""


def _segment_sum_problems(seg: SegmentsModel, unit: str, total: float) -> list[str]:
    """The segments' sum against the whole-year figure they split, in its unit."""
    added = sum(item.value for item in seg.items)
    ratio = added / total
    if SEGMENTS_AT_LEAST <= ratio <= SEGMENTS_AT_MOST:
        return []
    size = f"{ratio:,.0f} times" if ratio > 1 else f"1/{1 / ratio:,.0f} of"
    return [
        f"segments.items: the segments add up to {fmt.amount(exact_number(added), unit)}, {size} "
        f"the {seg.year} {seg.indicator} figure they split ({fmt.amount(total, unit)}): "
        f"segments are parts of that figure, in its unit ({unit}); check segments.indicator "
        "and the values (they may add up to between a thousandth of the figure and twice it)"
    ]


def _insight_problems(model: ScenarioModel, ids: set[str]) -> list[str]:
    """Declared insights that name an unknown indicator or source, or say one thing twice."""
    problems: list[str] = []
    known = ", ".join(sorted(ids))

    def check_indicator(where: str, indicator: str) -> None:
        if indicator not in ids:
            problems.append(f"{where}: no indicator {indicator!r} (indicators: {known})")

    claimed = {
        ind.id: f"indicators[{i}].target.described_multiple"
        for i, ind in enumerate(model.indicators)
        if ind.target.described_multiple is not None
    }
    ratio_ids: dict[str, int] = {}
    for n, spec in enumerate(model.insights):
        here = f"insights[{n}]"
        if spec.kind == "claim":
            check_indicator(f"{here}.indicator", spec.indicator)
            if spec.source not in model.sources:
                problems.append(
                    f"{here}.source: unknown source id {spec.source!r} "
                    f"(known: {', '.join(model.sources) or 'none'})"
                )
            if spec.indicator in claimed:
                problems.append(
                    f"{here}: {spec.indicator}'s target multiple is already claimed at "
                    f"{claimed[spec.indicator]}; declare each claim once"
                )
            claimed[spec.indicator] = f"insights[{n}]"
            continue
        check_indicator(f"{here}.numerator", spec.numerator)
        check_indicator(f"{here}.denominator", spec.denominator)
        if spec.numerator == spec.denominator:
            problems.append(f"{here}.denominator: a ratio needs two different indicators")
        name = spec.id or f"{spec.numerator}_per_{spec.denominator}"
        if name in ratio_ids:
            problems.append(
                f"{here}.id: duplicate insight id {name!r}, first at insights[{ratio_ids[name]}]"
            )
        ratio_ids.setdefault(name, n)
    return problems
