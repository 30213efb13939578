"""What a scenario needs of the whole file: ids that exist, no duplicates, series that match,
segments that can split their indicator, declared insights that refer to what is there.

Each problem is one line with its key path; :mod:`~offshoring_cli.scenario.validate` lists
these after the problems of each field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offshoring_cli.i18n import N_, Text
from offshoring_cli.scenario import exact_number

if TYPE_CHECKING:
    from offshoring_cli.scenario.model import ScenarioModel, SegmentsModel


_NO_TARGET = N_(
    "{indicator} has no target, and segments and insights are read on a target's series: give "
    "it a target, or name an indicator that has one"
)
_UNKNOWN_SOURCE = N_("unknown source id {source} (known: {known})")
_NO_INDICATOR = N_("no indicator {indicator}")
_DUPLICATE_SEGMENT = N_("duplicate segment id {id}")


def _problem(where: str, template: str, **args: Any) -> str:
    """A problem found (a sentence of ours, made only when there is one: a valid file never
    imports :mod:`~offshoring_cli.scenario.problems`)."""
    from offshoring_cli.scenario.problems import problem

    return problem(where, Text(template, **args))


def _known(names: Any) -> str:
    """Ids listed, or ``none``."""
    return ", ".join(names) or Text("none")


def _has_target(model: ScenarioModel, indicator: str) -> bool:
    """Whether the first indicator ``indicator`` of ``model`` has a published target."""
    return any(bool(x.published()) for x in model.indicators if x.id == indicator)


def _cross_problems(model: ScenarioModel) -> list[str]:
    """What field-by-field validation cannot see: ids, duplicates, series, segments.

    Reads ``model`` by attribute only (no pydantic needed): the fast path
    (:mod:`~offshoring_cli.scenario.fast`) passes records with the same attributes."""
    problems: list[str] = []

    def check_source(where: str, source: str) -> None:
        if source not in model.sources:
            problems.append(
                _problem(
                    f"{where}.source",
                    _UNKNOWN_SOURCE,
                    source=repr(source),
                    known=_known(model.sources),
                )
            )

    ids: set[str] = set()
    for i, ind in enumerate(model.indicators):
        here = f"indicators[{i}]"
        if ind.id in ids:
            problems.append(
                _problem(f"{here}.id", N_("duplicate indicator id {id}"), id=repr(ind.id))
            )
        ids.add(ind.id)
        seen: dict[tuple[str, int, str], int] = {}
        for j, obs in enumerate(ind.observations):
            check_source(f"{here}.observations[{j}]", obs.source)
            key = (obs.series, obs.year, obs.period)
            if key in seen:
                problems.append(
                    _problem(
                        f"{here}.observations[{j}]",
                        N_("duplicate year {year} ({period}) in series {series}, first at {first}"),
                        year=obs.year,
                        period=obs.period,
                        series=repr(obs.series),
                        first=f"observations[{seen[key]}]",
                    )
                )
            else:
                seen[key] = j
        problems += _target_problems(model, i, check_source)
    if model.segments is not None:
        seg = model.segments
        if seg.indicator not in ids:
            problems.append(
                _problem("segments.indicator", _NO_INDICATOR, indicator=repr(seg.indicator))
            )
        elif not _has_target(model, seg.indicator):
            problems.append(_problem("segments.indicator", _NO_TARGET, indicator=seg.indicator))
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
                    _problem(
                        "segments.year",
                        N_(
                            "{indicator} has no whole-year figure for {year} in its target's "
                            "series "
                            "to split"
                        ),
                        indicator=seg.indicator,
                        year=seg.year,
                    )
                )
            else:
                problems += _segment_sum_problems(seg, ind.unit, whole[-1].value)
        item_ids: set[str] = set()
        for k, item in enumerate(seg.items):
            check_source(f"segments.items[{k}]", item.source)
            if item.id in item_ids:
                problems.append(
                    _problem(f"segments.items[{k}].id", _DUPLICATE_SEGMENT, id=repr(item.id))
                )
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
                problems.append(
                    _problem(f"{here}.items[{k}].id", _DUPLICATE_SEGMENT, id=repr(item_id))
                )
        ind = next((x for x in model.indicators if x.id == split.indicator), None)
        if ind is None:
            problems.append(
                _problem(f"{here}.indicator", _NO_INDICATOR, indicator=repr(split.indicator))
            )
            continue
        if not ind.published():
            problems.append(_problem(f"{here}.indicator", _NO_TARGET, indicator=split.indicator))
            continue
        whole = [
            o
            for o in ind.observations
            if (o.year, o.period, o.series) == (split.year, split.period, ind.published()[0].series)
        ]
        if not whole:
            problems.append(
                _problem(
                    f"{here}.year",
                    N_(
                        "{indicator} has no {period} figure for {year} in its target's series to "
                        "split"
                    ),
                    indicator=split.indicator,
                    period=split.period,
                    year=split.year,
                )
            )
            continue
        added = sum(item.value for item in split.items)
        ratio = added / whole[-1].value
        if not SEGMENTS_AT_LEAST <= ratio <= SEGMENTS_AT_MOST:
            from offshoring_cli.scenario.problems import split_sum

            problems.append(
                split_sum(f"{here}.items", split, exact_number(added), whole[-1].value, ind.unit)
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
                _problem(
                    f"{here}.other_targets",
                    N_(
                        "an indicator without a target has no other targets; give the final "
                        "(latest) one as target"
                    ),
                )
            )
        if not any(o.period == "year" for o in ind.observations):
            problems.append(
                _problem(
                    f"{here}.observations",
                    N_(
                        "an indicator without a target needs a whole-year observation (Open SDG's "
                        "no-target method compares whole years)"
                    ),
                )
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
                _problem(
                    at,
                    N_(
                        "a second target for {year} on series {series}, first at {first}; give "
                        "each "
                        "year and series once"
                    ),
                    year=target.year,
                    series=repr(target.series),
                    first=ind.target_path(seen[key]),
                )
            )
            continue
        seen[key] = k
        if k and target.described_multiple is not None:
            problems.append(
                _problem(
                    f"{at}.described_multiple",
                    N_(
                        "only the final target may declare one; declare a claim about another "
                        "target in [[insights]]"
                    ),
                )
            )
        if target.series not in series:
            problems.append(
                _problem(
                    f"{at}.series",
                    N_("{series} is not a series of this indicator's observations ({known})"),
                    series=repr(target.series),
                    known=", ".join(sorted(series)),
                )
            )
            continue
        annual = [
            o.year for o in ind.observations if o.series == target.series and o.period == "year"
        ]
        if not annual:
            if k == 0:
                problems.append(
                    _problem(
                        f"{at}.series",
                        N_("no whole-year observation in series {series} to serve as the baseline"),
                        series=repr(target.series),
                    )
                )
        elif target.year <= max(annual):
            problems.append(
                _problem(
                    f"{at}.year",
                    N_(
                        "{year} must be after the latest whole-year observation ({latest}) of "
                        "series {series}"
                    )
                    if k
                    else N_("{year} must be after the latest whole-year observation ({latest})"),
                    year=target.year,
                    latest=max(annual),
                    series=repr(target.series),
                )
            )
        if k and target.year > published[0].year:
            problems.append(
                _problem(
                    f"{at}.year",
                    N_(
                        "{year} is after the final target's year ({final}); the final target is "
                        "the "
                        "latest: make this one the target"
                    ),
                    year=target.year,
                    final=published[0].year,
                )
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
    from offshoring_cli.scenario.problems import segment_sum

    return [segment_sum(seg.year, seg.indicator, exact_number(added), total, unit)]


def _insight_problems(model: ScenarioModel, ids: set[str]) -> list[str]:
    """Declared insights that name an unknown indicator or source, or say one thing twice."""
    problems: list[str] = []

    def check_indicator(where: str, indicator: str) -> None:
        if indicator not in ids:
            problems.append(
                _problem(
                    where,
                    N_("no indicator {indicator} (indicators: {known})"),
                    indicator=repr(indicator),
                    known=", ".join(sorted(ids)),
                )
            )
        elif not _has_target(model, indicator):
            problems.append(_problem(where, _NO_TARGET, indicator=indicator))

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
                    _problem(
                        f"{here}.source",
                        _UNKNOWN_SOURCE,
                        source=repr(spec.source),
                        known=_known(model.sources),
                    )
                )
            if spec.indicator in claimed:
                problems.append(
                    _problem(
                        here,
                        N_(
                            "{indicator}'s target multiple is already claimed at {first}; declare "
                            "each claim once"
                        ),
                        indicator=spec.indicator,
                        first=claimed[spec.indicator],
                    )
                )
            claimed[spec.indicator] = f"insights[{n}]"
            continue
        check_indicator(f"{here}.numerator", spec.numerator)
        check_indicator(f"{here}.denominator", spec.denominator)
        if spec.numerator == spec.denominator:
            problems.append(
                _problem(f"{here}.denominator", N_("a ratio needs two different indicators"))
            )
        name = spec.id or f"{spec.numerator}_per_{spec.denominator}"
        if name in ratio_ids:
            problems.append(
                _problem(
                    f"{here}.id",
                    N_("duplicate insight id {id}, first at {first}"),
                    id=repr(name),
                    first=f"insights[{ratio_ids[name]}]",
                )
            )
        ratio_ids.setdefault(name, n)
    return problems
