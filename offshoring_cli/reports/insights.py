"""The insights of the ``status`` report: target multiples, exports per job, half-year momentum."""

from collections.abc import Sequence
from typing import Any

from offshoring_cli.core.resolve import OVERRIDE, Resolved

_MULTIPLE_WORDS = {2.0: "doubling", 3.0: "tripling", 4.0: "quadrupling"}


def _target_multiple_insight(r: Resolved) -> dict[str, Any] | None:
    """The target as a multiple of the baseline, against the multiple its source describes
    and against the indicator's other series."""
    # The source's wording describes its own target, not one given on the command line.
    described = None if r.target_source == OVERRIDE else r.indicator.target.described_multiple
    series = r.indicator.target.series
    other = [o for o in r.indicator.observations if o.series != series and o.period == "year"]
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
    text = (
        f"The {r.metric} target ({r.amount(r.target)}) is {multiple:.2f}x the {r.base_year} "
        f"figure ({r.amount(r.baseline)})"
    )
    if described is not None:
        word = _MULTIPLE_WORDS.get(described, f"{described:g}x")
        if abs(multiple - described) <= 0.05 * described:
            text += f', the "{word}" of its source\'s wording'
        else:
            text += f', not the "{word}" of its source\'s wording'
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
        text += (
            f"; {'that fits' if fits else 'against'} the {last.series} series: "
            f"{r.amount(r.target)} / {r.amount(last.value)} ({last.year}) = {other_multiple:.2f}x"
        )
    item["text"] = text + "."
    return item


def _per_job_insight(jobs: Resolved, exports: Resolved) -> dict[str, Any] | None:
    """Exports per job now and as implied by the two targets."""
    if exports.base_year != jobs.base_year or exports.target_year != jobs.target_year:
        return None
    now = exports.baseline / jobs.baseline
    then = exports.target / jobs.target
    change = then / now - 1
    unit = exports.unit
    direction = "faster" if change < 0 else "slower"
    return {
        "id": "exports_per_job",
        "unit": f"{unit} per job",
        "baseline_year": jobs.base_year,
        "baseline": now,
        "target_year": jobs.target_year,
        "implied_by_targets": then,
        "change": change,
        "text": (
            f"Exports per job: {now:,.0f} {unit} in {jobs.base_year} vs {then:,.0f} {unit} "
            f"implied by the {jobs.target_year} targets ({change:+.0%}): the targets assume "
            f"jobs grow {direction} than exports."
        ),
    }


def _momentum_insight(r: Resolved) -> dict[str, Any] | None:
    """The latest two half-year figures of the target's series: momentum, not an annual rate."""
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
    text = (
        f"Half-year momentum (not an annual rate): {r.metric} were {r.amount(after.value)} in "
        f"{after.period} {after.year} vs {r.amount(before.value)} in {before.period} "
        f"{before.year}, {change:+.1%} from these rounded figures"
    )
    if after.reported_change is not None:
        text += f"; the source reports {after.reported_change:+.1%}, from unrounded figures"
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
        "text": text + ".",
    }


def _insights(resolved: Sequence[Resolved]) -> list[dict[str, Any]]:
    """What a reader should not miss: target multiples, exports per job, momentum."""
    by_metric = {r.metric: r for r in resolved}
    found = [_target_multiple_insight(r) for r in resolved]
    if "jobs" in by_metric and "exports" in by_metric:
        found.append(_per_job_insight(by_metric["jobs"], by_metric["exports"]))
    found += [_momentum_insight(r) for r in resolved]
    return [item for item in found if item is not None]
