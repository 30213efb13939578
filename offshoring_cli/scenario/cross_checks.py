"""What a scenario needs of the whole file: ids that exist, no duplicates, series that match,
segments that can split their indicator, declared insights that refer to what is there.

Each problem is one line with its key path; :mod:`~offshoring_cli.scenario.validate` lists
these after the problems of each field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.scenario import exact_number

if TYPE_CHECKING:
    from offshoring_cli.scenario.model import ScenarioModel, SegmentsModel


_NO_TARGET = (
    "has no target, and segments and insights are read on a target's series: give it a "
    "target, or name an indicator that has one"
)


def _has_target(model: ScenarioModel, indicator: str) -> bool:
    """Whether the first indicator ``indicator`` of ``model`` has a published target."""
    return any(bool(x.published()) for x in model.indicators if x.id == indicator)


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
        problems += _target_problems(model, i, check_source)
    if model.segments is not None:
        seg = model.segments
        if seg.indicator not in ids:
            problems.append(f"segments.indicator: no indicator {seg.indicator!r}")
        elif not _has_target(model, seg.indicator):
            problems.append(f"segments.indicator: {seg.indicator} {_NO_TARGET}")
        else:
            ind = next(x for x in model.indicators if x.id == seg.indicator)
            own = [t.series for t in ind.published()[:1]]
            whole = [
                o
                for o in ind.observations
                if o.year == seg.year and o.period == "year" and o.series in own
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
    problems += _other_segment_problems(model, check_source)
    problems += _insight_problems(model, ids)
    return problems


def _other_segment_problems(
    model: ScenarioModel, check_source: Callable[[str, str], None]
) -> list[str]:
    """Each further split: an indicator of the file with a figure of that year and period in
    its target's series, segments that may be part of it, ids once."""
    problems: list[str] = []
    for n, split in enumerate(model.other_segments):
        here = f"other_segments[{n}]"
        for k, item in enumerate(split.items):
            check_source(f"{here}.items[{k}]", item.source)
        ids = [item.id for item in split.items]
        for k, item_id in enumerate(ids):
            if item_id in ids[:k]:
                problems.append(f"{here}.items[{k}].id: duplicate segment id {item_id!r}")
        ind = next((x for x in model.indicators if x.id == split.indicator), None)
        if ind is None:
            problems.append(f"{here}.indicator: no indicator {split.indicator!r}")
            continue
        if not ind.published():
            problems.append(f"{here}.indicator: {split.indicator} {_NO_TARGET}")
            continue
        whole = [
            o
            for o in ind.observations
            if (o.year, o.period, o.series) == (split.year, split.period, ind.published()[0].series)
        ]
        if not whole:
            problems.append(
                f"{here}.year: {split.indicator} has no {split.period} figure for {split.year} "
                "in its target's series to split"
            )
            continue
        added = sum(item.value for item in split.items)
        ratio = added / whole[-1].value
        if not SEGMENTS_AT_LEAST <= ratio <= SEGMENTS_AT_MOST:
            problems.append(
                f"{here}.items: the segments add up to "
                f"{fmt.amount(exact_number(added), ind.unit)}, not a part of the {split.period} "
                f"{split.year} {split.indicator} figure they split "
                f"({fmt.amount(whole[-1].value, ind.unit)}); check the indicator and the values"
            )
    return problems


def _target_problems(
    model: ScenarioModel, i: int, check_source: Callable[[str, str], None]
) -> list[str]:
    """An indicator's targets (the final one and the others): each on a series of the
    indicator, after that series' latest whole-year observation, no year and series twice, no
    other target after the final one; the final one's series has a whole-year observation to
    serve as the baseline."""
    ind = model.indicators[i]
    here = f"indicators[{i}]"
    problems: list[str] = []
    published = ind.published()
    if not published:  # no published target: Open SDG's no-target method (status)
        if getattr(ind, "other_targets", None):
            problems.append(
                f"{here}.other_targets: an indicator without a target has no other targets; "
                "give the final (latest) one as target"
            )
        if not any(o.period == "year" for o in ind.observations):
            problems.append(
                f"{here}.observations: an indicator without a target needs a whole-year "
                "observation (Open SDG's no-target method compares whole years)"
            )
        return problems
    series = {o.series for o in ind.observations}
    seen: dict[tuple[int, str], int] = {}
    for k, target in enumerate(published):
        at = f"{here}.{ind.target_path(k)}"
        check_source(at, target.source)
        key = (target.year, target.series)
        if key in seen:
            problems.append(
                f"{at}: a second target for {target.year} on series {target.series!r}, first "
                f"at {ind.target_path(seen[key])}; give each year and series once"
            )
            continue
        seen[key] = k
        if k and target.described_multiple is not None:
            problems.append(
                f"{at}.described_multiple: only the final target may declare one; "
                "declare a claim about another target in [[insights]]"
            )
        if target.series not in series:
            problems.append(
                f"{at}.series: {target.series!r} is not a series of this indicator's "
                f"observations ({', '.join(sorted(series))})"
            )
            continue
        annual = [
            o.year for o in ind.observations if o.series == target.series and o.period == "year"
        ]
        if not annual:
            if k == 0:
                problems.append(
                    f"{at}.series: no whole-year observation in series {target.series!r} to "
                    "serve as the baseline"
                )
        elif target.year <= max(annual):
            problems.append(
                f"{at}.year: {target.year} must be after the latest whole-year observation "
                f"({max(annual)})" + (f" of series {target.series!r}" if k else "")
            )
        if k and target.year > published[0].year:
            problems.append(
                f"{at}.year: {target.year} is after the final target's year "
                f"({published[0].year}); the final target is the latest: make this one the "
                "target"
            )
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
        elif not _has_target(model, indicator):
            problems.append(f"{where}: {indicator} {_NO_TARGET}")

    claimed = {
        ind.id: f"indicators[{i}].{ind.target_path(0)}.described_multiple"
        for i, ind in enumerate(model.indicators)
        for final in ind.published()[:1]
        if final.described_multiple is not None
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
