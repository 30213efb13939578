"""The dataset of a scenario validated in full by the pydantic models
(:mod:`~offshoring_cli.scenario.model`): the records the fast path
(:mod:`~offshoring_cli.scenario.fast`) builds alike from a file it accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offshoring_cli.core import claims, records
from offshoring_cli.core.untargeted import Untargeted
from offshoring_cli.scenario import exact_number

if TYPE_CHECKING:
    from offshoring_cli.scenario.model import ScenarioModel


def dataset(model: ScenarioModel) -> records.Dataset:
    """The dataset of a valid ``model`` (every field and cross check passed): observations
    sorted by year (stable: the file's order within a year), values made exact
    (:func:`~offshoring_cli.scenario.exact_number`), every published target the final one
    first, a final target's ``described_multiple`` as a ``target_multiple`` claim before the
    declared insights."""
    from offshoring_cli.scenario.model import ClaimInsightModel

    indicators = {}
    untargeted: dict[str, Untargeted] = {}
    for ind in model.indicators:
        observations = tuple(
            sorted(
                (
                    records.Observation(
                        o.year,
                        exact_number(o.value),
                        o.series,
                        o.source,
                        o.note,
                        o.period,
                        o.reported_change,
                    )
                    for o in ind.observations
                ),
                key=lambda o: o.year,  # stable: the file's order within a year
            )
        )
        targets = tuple(
            records.Target(t.year, exact_number(t.value), t.series, t.source, notes=tuple(t.notes))
            for t in ind.published()
        )
        if not targets:  # no published target: Open SDG's no-target method
            untargeted[ind.id] = Untargeted(
                ind.id, ind.label, ind.unit, observations, ind.direction == "increase"
            )
            continue
        indicators[ind.id] = records.Indicator(
            ind.id,
            ind.label,
            ind.unit,
            observations,
            targets[0],
            ind.direction == "increase",
            targets,
        )
    sources = {
        key: records.Source(s.publisher, s.title, s.date, s.url) for key, s in model.sources.items()
    }
    segments: tuple[records.Segment, ...] = ()
    if model.segments is not None:
        segments = tuple(
            records.Segment(
                s.id,
                s.label,
                exact_number(s.value),
                s.change,
                None if s.prior is None else exact_number(s.prior),
                s.source,
            )
            for s in model.segments.items
        )
    other_splits = tuple(
        records.SegmentSplit(
            split.indicator,
            split.year,
            split.period,
            tuple(
                records.Segment(
                    s.id,
                    s.label,
                    exact_number(s.value),
                    s.change,
                    None if s.prior is None else exact_number(s.prior),
                    s.source,
                )
                for s in split.items
            ),
            split.note,
        )
        for split in model.other_segments
    )
    insights: list[claims.InsightSpec] = [
        claims.Claim(ind.id, "target_multiple", final.described_multiple, "", final.source)
        for ind in model.indicators
        for final in ind.published()[:1]
        if final.described_multiple is not None
    ]
    for spec in model.insights:
        if isinstance(spec, ClaimInsightModel):
            insights.append(
                claims.Claim(spec.indicator, spec.claim, spec.value, spec.wording, spec.source)
            )
        else:
            insights.append(claims.Ratio(spec.numerator, spec.denominator, spec.id, spec.label))
    return records.Dataset(
        model.name,
        model.description,
        indicators,
        sources,
        segments,
        model.segments.year if model.segments else None,
        model.segments.indicator if model.segments else None,
        tuple(insights),
        other_splits,
        {language: dict(texts) for language, texts in model.translations.items()},
        untargeted,
    )
