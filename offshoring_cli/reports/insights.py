"""The insights of the ``status`` report, computed for any dataset from what it declares.

Declared (:mod:`offshoring_cli.core.claims`): claims a source makes about a target (checked
against the computed multiple) and ratios between two indicators. Computed for every indicator
without a declaration: the target as a multiple of the latest figure of the indicator's other
series, how those series compare with the target's series (:func:`series_relations`), and the
half-year momentum of the target's series, and its recent pace
(:mod:`offshoring_cli.reports.recent_pace`). No sentence here names a particular indicator or
series: ids, units and wordings come from the dataset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from offshoring_cli.core.claims import Claim, Ratio, singular
from offshoring_cli.core.fields import MULTIPLE, RATE, VALUE
from offshoring_cli.core.records import Dataset, Indicator, Observation
from offshoring_cli.core.resolve import OVERRIDE, Resolved
from offshoring_cli.i18n import Num, Text
from offshoring_cli.i18n.numbers import CHANGE, FIGURE
from offshoring_cli.reports.recent_pace import recent_pace_insight

_MULTIPLE_WORDS = {2.0: "doubling", 3.0: "tripling", 4.0: "quadrupling"}
"""Words for a claimed multiple declared without its own wording."""


def _claim(dataset: Dataset, r: Resolved) -> Claim | None:
    """The claim the dataset declares about ``r``'s target multiple, if any (none for a
    target or a baseline given on the command line, or another published target than the
    final one: the source's wording describes its own figures)."""
    if OVERRIDE in (r.target_source, r.baseline_source):
        return None
    if not r.indicator.aims_at_final():
        return None  # another published target (--target-year): the claim is the final one's
    for spec in dataset.insights:
        if isinstance(spec, Claim) and (spec.indicator, spec.claim) == (
            r.metric,
            "target_multiple",
        ):
            return spec
    return None


def _target_multiple_insight(r: Resolved, claim: Claim | None) -> dict[str, Any] | None:
    """The target as a multiple of the baseline, against the multiple a source claims and
    against the latest whole-year figure of the indicator's other series."""
    described = None if claim is None else claim.value
    series = r.indicator.target.series
    other = [  # the other series' latest whole-year figure up to the base year
        o
        for o in r.indicator.observations
        if o.series != series and o.period == "year" and o.year <= r.base_year
    ]
    if not r.indicator.aims_at_final():
        other = []  # a target published on its own series only: never set against another
    if described is None and not other:
        return None
    multiple = r.target / r.baseline
    item: dict[str, Any] = {
        "id": f"{r.metric}_target_multiple",
        "metric": r.metric,
        "target_multiple": multiple,
        "baseline_year": r.base_year,
        "described_multiple": described,
    }
    head = Text(
        "The {metric} target ({target}) is {multiple} the {year} figure ({baseline})",
        metric=r.metric,
        target=Num(VALUE, r.target, r.unit),
        multiple=Num(MULTIPLE, multiple),
        year=r.base_year,
        baseline=Num(VALUE, r.baseline, r.unit),
    )
    wording: str = ""
    if claim is not None:
        word = claim.wording or _MULTIPLE_WORDS.get(claim.value, f"{claim.value:g}x")
        if abs(multiple - claim.value) <= 0.05 * claim.value:
            wording = Text(', the "{word}" of its source\'s wording', word=Text(word))
        else:
            wording = Text(', not the "{word}" of its source\'s wording', word=Text(word))
    versus: str = ""
    if other:
        last = other[-1]
        other_multiple = r.target / last.value
        item |= {
            "other_series": last.series,
            "other_series_year": last.year,
            "other_series_value": last.value,
            "other_series_multiple": other_multiple,
            "other_series_source": last.source,
        }
        fits = described is not None and abs(other_multiple - described) < abs(multiple - described)
        figures = {
            "series": last.series,
            "target": Num(VALUE, r.target, r.unit),
            "value": Num(VALUE, last.value, r.unit),
            "year": last.year,
            "multiple": Num(MULTIPLE, other_multiple),
        }
        versus = (
            Text(
                "; that fits the {series} series: {target} / {value} ({year}) = {multiple}",
                **figures,
            )
            if fits
            else Text(
                "; against the {series} series: {target} / {value} ({year}) = {multiple}", **figures
            )
        )
    item["text"] = Text("{head}{wording}{versus}.", head=head, wording=wording, versus=versus)
    return item


def _figure(value: float) -> str:
    """A ratio for a sentence: whole above 100 (``176,566``), else three significant digits."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _ratio_insight(spec: Ratio, top: Resolved, bottom: Resolved) -> dict[str, Any] | None:
    """``top`` per unit of ``bottom`` now and as implied by the two targets, when both share
    their base and target years."""
    if top.base_year != bottom.base_year or top.target_year != bottom.target_year:
        return None
    now = top.baseline / bottom.baseline
    then = top.target / bottom.target
    change = then / now - 1
    unit = top.unit
    label = spec.label or f"{top.metric.capitalize()} per {singular(bottom.unit)}"
    names = {"numerator": top.metric, "denominator": bottom.metric}
    if change < 0:
        assumption = Text("{denominator} grow faster than {numerator}", **names)
    elif change > 0:
        assumption = Text("{denominator} grow slower than {numerator}", **names)
    else:
        assumption = Text("{denominator} and {numerator} grow at the same pace", **names)
    return {
        "id": spec.id,
        "unit": f"{unit} per {singular(bottom.unit)}",
        "baseline_year": bottom.base_year,
        "baseline": now,
        "target_year": bottom.target_year,
        "implied_by_targets": then,
        "change": change,
        "text": Text(
            "{label}: {now} in {year} vs {then} implied by the {target_year} targets "
            "({change}): the targets assume {assumption}.",
            label=Text(label),
            now=Num(FIGURE, now, unit),
            year=bottom.base_year,
            then=Num(FIGURE, then, unit),
            target_year=bottom.target_year,
            change=Num(CHANGE, change, "0"),
            assumption=assumption,
        ),
    }


def _momentum_insight(r: Resolved) -> dict[str, Any] | None:
    """The latest two half-year figures of the target's series: momentum, not an annual rate.
    Computed for any indicator with a half-year figure and the same half a year earlier."""
    series = r.indicator.target.series
    halves = [o for o in r.indicator.observations if o.period != "year" and o.series == series]
    if len(halves) < 2:
        return None
    after = halves[-1]
    same = [o for o in halves[:-1] if o.period == after.period and o.year == after.year - 1]
    if not same:
        return None
    before = same[-1]
    change = after.value / before.value - 1
    text = Text(
        "Half-year momentum (not an annual rate): {metric} were {after} in {after_period} "
        "{after_year} vs {before} in {before_period} {before_year}, {change} from these "
        "rounded figures",
        metric=r.metric,
        after=Num(VALUE, after.value, r.unit),
        after_period=Text(after.period),
        after_year=after.year,
        before=Num(VALUE, before.value, r.unit),
        before_period=Text(before.period),
        before_year=before.year,
        change=Num(CHANGE, change, "1"),
    )
    if after.reported_change is not None:
        text = Text(
            "{text}; the source reports {change}, from unrounded figures",
            text=text,
            change=Num(CHANGE, after.reported_change, "1"),
        )
    return {
        "id": f"{r.metric}_half_year_momentum",
        "metric": r.metric,
        "period": after.period,
        "from_year": before.year,
        "from_value": before.value,
        "to_year": after.year,
        "to_value": after.value,
        "change_from_rounded_figures": change,
        "change_reported_by_source": after.reported_change,
        "source": after.source,
        "text": Text("{text}.", text=text),
    }


def series_relation(indicator: Indicator, name: str) -> str:
    """How series ``name`` of ``indicator`` compares with its target's series, measured in the
    latest year both give a whole-year figure for: ``in 2023, the latest year both cover, the
    offshoring-legacy series is 31.60 % lower than the digital-outsourcing series (17.90 bn MAD
    vs 26.17 bn MAD)``, or that they share no year."""
    series = indicator.target.series

    def annual(of: str) -> dict[int, Observation]:
        found = (o for o in indicator.observations if o.series == of and o.period == "year")
        return {o.year: o for o in found}

    mine, theirs = annual(name), annual(series)
    common = sorted(set(mine) & set(theirs))
    if not common:
        return Text(
            "the {name} series shares no year with the {series} series to compare their levels",
            name=name,
            series=series,
        )
    year = common[-1]
    other, current = mine[year].value, theirs[year].value
    difference = other / current - 1
    figures = {
        "year": year,
        "name": name,
        "series": series,
        "other": Num(VALUE, other, indicator.unit),
        "current": Num(VALUE, current, indicator.unit),
        "difference": Num(RATE, abs(difference)),
    }
    if difference == 0:
        return Text(
            "in {year}, the latest year both cover, the {name} series is equal to the {series} "
            "series ({other} vs {current})",
            **figures,
        )
    if difference < 0:
        return Text(
            "in {year}, the latest year both cover, the {name} series is {difference} lower "
            "than the {series} series ({other} vs {current})",
            **figures,
        )
    return Text(
        "in {year}, the latest year both cover, the {name} series is {difference} higher "
        "than the {series} series ({other} vs {current})",
        **figures,
    )


def insights(
    resolved: Sequence[Resolved], dataset: Dataset
) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """What a reader should not miss, the ids of the sources it cites (claims' sources and the
    figures it quotes), and notes on declared insights that cannot be computed: target
    multiples (against claims and other series), the declared ratios between indicators,
    half-year momentum, recent pace."""
    by_metric = {r.metric: r for r in resolved}
    claims = {r.metric: _claim(dataset, r) for r in resolved}
    found = [_target_multiple_insight(r, claims[r.metric]) for r in resolved]
    notes: list[str] = []
    for spec in dataset.insights:
        if isinstance(spec, Ratio) and {spec.numerator, spec.denominator} <= by_metric.keys():
            top, bottom = by_metric[spec.numerator], by_metric[spec.denominator]
            item = _ratio_insight(spec, top, bottom)
            if item is None:
                notes.append(
                    f"{spec.id}: not computed: {top.metric} runs {top.base_year}-"
                    f"{top.target_year} and {bottom.metric} {bottom.base_year}-"
                    f"{bottom.target_year}; the declared ratio needs the same base and target "
                    "years."
                )
            found.append(item)
    found += [_momentum_insight(r) for r in resolved]
    found += [recent_pace_insight(r) for r in resolved]
    items = [item for item in found if item is not None]
    cited = [c.source for c in claims.values() if c is not None and c.source]  # always shown
    cited += [i[k] for i in items for k in ("other_series_source", "source") if k in i]
    return items, cited, notes
