"""Progress reports: status, trajectory, what-if projections, sensitivity, segments, datasets.

The slower-to-load half of the reports (the commands ``gap`` and ``cagr`` live in
:mod:`offshoring_cli.analysis`, which this module builds on): pure and typed, no I/O.
"""

from collections.abc import Sequence
from typing import Any

from offshoring_cli import domain, metrics
from offshoring_cli import formatting as fmt
from offshoring_cli.analysis import (
    CAGR_METHOD,
    OVERRIDE,
    Field,
    Options,
    Report,
    Resolved,
    _actual,
    _head,
    _inputs,
    _no_history_note,
    _override_notes,
    _report,
    _sources,
    _target_sources,
    cited_sources,
    no_history_reason,
    resolve,
)
from offshoring_cli.domain import Number, Observation
from offshoring_cli.metrics import DomainError

# --- status -----------------------------------------------------------------------------

SHORTFALL_LABEL = "Shortfall (+ = short of target)"
"""Label of a shortfall: positive when short of the target in the wanted direction."""

SHORTFALL_METHOD = (
    "how far the value at the target year falls short of the target in the wanted direction: "
    "target - value when an increase is wanted, value - target when a decrease is; "
    "positive: short of the target, negative: beyond it"
)

REACHED_METHOD = (
    "the first year the value is >= target (<= target when a decrease is wanted), up to the "
    "rounding of the projection: within 4 * (years + 1) units in the last place for a "
    "compound path, 8 for a linear one (see metrics.reaches); a projected value that close "
    "to the target is shown as the target"
)

ACHIEVED_REASON = (
    "the target is already met: the growth ratio R and the progress score Q measure progress "
    "towards a target still ahead, so they are not computed"
)

STATUS_FIELDS = (
    Field("series", "Series", "text"),
    Field("since_year", "Assessment base year", "year"),
    Field("since_value", "Value in base year", "value"),
    Field("latest_year", "Latest year", "year"),
    Field("latest", "Latest value", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("actual_cagr", "Actual CAGR a year", "rate"),
    Field("required_cagr_from_base", "Required CAGR from base year", "rate"),
    Field("required_cagr_from_latest", "Required CAGR from latest year", "rate"),
    Field("growth_ratio", "Growth ratio R = actual / required", "ratio"),
    Field("growth_ratio_band", "R band (Eurostat)", "text"),
    Field("projected_at_target_year", "At target year, at actual pace", "value"),
    Field("shortfall_at_target_year", SHORTFALL_LABEL, "value"),
    Field("progress_score", "Progress score Q (UNSD)", "ratio"),
    Field("progress_band", "Q band (UNSD)", "text"),
    Field("target_reached_year", "Target reached at actual pace", "year", "not reached", pace=True),
)

STATUS_METHODS = {
    "actual_cagr": CAGR_METHOD + ", from the assessment base year to the latest year",
    "required_cagr_from_base": CAGR_METHOD + ", from the same base year to the target year",
    "required_cagr_from_latest": CAGR_METHOD + ", from the latest year to the target year",
    "growth_ratio": (
        "Eurostat-style growth ratio R = actual CAGR / required CAGR from the same base year, "
        "as implemented by Open SDG (https://open-sdg.readthedocs.io/en/latest/"
        "progress-methodology/); null when the target is already met (see reason)"
    ),
    "growth_ratio_band": (
        "achieved if the target is met; R >= 0.95 on track; 0.60 <= R < 0.95 acceleration "
        "needed; 0 <= R < 0.60 limited progress; R < 0 moving away"
    ),
    "projected_at_target_year": "latest * (1 + actual CAGR) ** (target year - latest year)",
    "shortfall_at_target_year": SHORTFALL_METHOD,
    "progress_score": (
        "UN Statistics Division Progress Chart: Q = (projected - base value) / "
        "(target - base value); null when the target is already met (see reason)"
    ),
    "progress_band": (
        "Q >= 0.95 on track; 0.10 <= Q < 0.95 fair progress, acceleration needed; "
        "Q < 0.10 stagnation or regression"
    ),
    "target_reached_year": (
        "at latest * (1 + actual CAGR) ** k: " + REACHED_METHOD + "; null if never at that pace"
    ),
    "reason": "why the figures that are null are null; null when every figure is given",
}


_ONE_METRIC_HINT = " (each metric has its own years: assess one at a time with --metric)"


def _since(r: Resolved, since: int | None) -> Observation | None:
    """The assessment's base observation: ``since``'s, or the series' earliest."""
    earlier = r.history[:-1]
    if since is None:
        return earlier[0] if earlier else None
    if since >= r.base_year:
        raise DomainError(
            f"--since {since} must be before the latest year of {r.metric} ({r.base_year}); "
            + (
                f"choose one of: {', '.join(str(o.year) for o in earlier)}"
                if earlier
                else "the series has no earlier whole-year observation"
            )
            + _ONE_METRIC_HINT
        )
    for o in earlier:
        if o.year == since:
            return o
    years = ", ".join(str(o.year) for o in earlier) or "none"
    elsewhere = sorted(
        {o.series for o in r.indicator.observations if o.year == since}
        - {r.indicator.target.series}
    )
    why = (
        f" ({since} is only in the {', '.join(elsewhere)} series, which is not compared with "
        "the target)"
        if elsewhere
        else ""
    )
    raise DomainError(
        f"--since {since}: no whole-year {r.metric} observation for {since} in series "
        f"{r.indicator.target.series!r}{why}; years available before {r.base_year}: {years}"
        + _ONE_METRIC_HINT
    )


def _not_assessable(r: Resolved, start: Observation | None) -> str | None:
    """Why the two methods cannot judge this metric, or ``None`` when they can.

    They need two whole-year observations, and a target that lies the wanted way from the
    base value (above it when an increase is wanted): otherwise a fast move the other way
    would read as "on track".
    """
    if start is None:
        return (
            f"only one whole-year observation of series {r.indicator.target.series!r} "
            f"({r.base_year}); both methods need two."
        )
    increase = r.indicator.increase
    achieved = r.baseline >= r.target if increase else r.baseline <= r.target
    wrong_way = r.target <= start.value if increase else r.target >= start.value
    if wrong_way and not achieved:
        wanted = "an increase" if increase else "a decrease"
        side = "not above" if increase else "not below"
        return (
            f"the target ({r.amount(r.target)}) is {side} the {start.year} value "
            f"({r.amount(start.value)}) although {wanted} is wanted, so growth rates from "
            f"{start.year} cannot judge progress; choose another target or --since year."
        )
    return None


def _left_out_note(r: Resolved) -> str | None:
    """Which observations of the indicator the assessment leaves out, and why."""
    series = r.indicator.target.series
    other = sorted({o.series for o in r.indicator.observations if o.series != series})
    half = [o for o in r.indicator.observations if o.series == series and o.period != "year"]
    parts = []
    for name in other:
        years = ", ".join(str(o.year) for o in r.indicator.observations if o.series == name)
        parts.append(
            f"the {name} series ({years}) is left out: the target refers to the {series} "
            "series, and growth is never computed across two series (the older series has a "
            "narrower scope, about a third lower)"
        )
    if half:
        labels = ", ".join(f"{o.period} {o.year}" for o in half)
        parts.append(f"half-year figures ({labels}) are not mixed with whole-year ones")
    if not parts:
        return None
    return (
        f"{r.metric}: only the {series} series' whole-year figures are used; "
        + "; ".join(parts)
        + "."
    )


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


def status_report(options: Options, since: int | None = None) -> Report:
    """The ``status`` command: is each metric on track, by two published methods?

    For each metric: actual CAGR from the assessment's base year (``since``, default the
    earliest whole-year observation of the target's series) to the latest year; the required
    CAGR from that same base year and from the latest year; the Eurostat-style growth ratio R
    and the UNSD Progress Chart score Q with their bands (:func:`metrics.status`); the value at
    the target year at the actual pace, the shortfall (positive when short of the target in
    the wanted direction, for an increase or a decrease), and the year the target is reached
    (:func:`metrics.reaches`). Where the series has a single whole-year observation (or the
    target lies the wrong way from the base value), the methods are not applied: the row has
    ``assessed`` false, ``None`` for every figure of the pace and a ``reason``, and a note
    says so. Where the target is already met, both bands are "achieved" and R and Q are
    ``None``, with the ``reason``.

    Raises:
        DomainError: see :func:`resolve`; ``since`` is not a year with a whole-year
            observation before the latest year.
    """
    resolved, warnings = resolve(options)
    rows, notes, explanation, verdicts = [], [], [], []
    for r in resolved:
        row: dict[str, Any] = {
            "metric": r.metric,
            "label": r.indicator.label,
            "unit": r.unit,
            "series": r.indicator.target.series,
        }
        start = _since(r, since)
        left_out = _left_out_note(r)
        if left_out:
            notes.append(left_out)
        reason = _not_assessable(r, start)
        if reason is not None:
            verdict = f"{r.metric}: not assessed - {reason}"
            row |= {f.key: None for f in STATUS_FIELDS if f.key != "series"}
            row |= {
                "latest_year": r.base_year,
                "latest": r.baseline,
                "target_year": r.target_year,
                "target": r.target,
                "actual_periods": None,
                "required_cagr_from_latest": metrics.cagr(
                    r.baseline, r.target, r.target_year - r.base_year
                ),
                "verdict": verdict,
                "assessed": False,
                "reason": reason,
            }
            if start is not None:
                row |= {"since_year": start.year, "since_value": start.value}
            notes.append(verdict)
            verdicts.append(verdict)
            rows.append(row)
            continue
        assert start is not None
        s = metrics.status(
            start.year,
            start.value,
            r.base_year,
            r.baseline,
            r.target_year,
            r.target,
            r.indicator.increase,
        )
        if s.achieved:
            verdict = (
                f"{r.metric}: achieved - {r.amount(s.latest)} in {s.latest_year} already meets "
                f"the target of {r.amount(s.target)}; R and Q are n/a: they measure progress "
                "towards a target still ahead"
            )
        else:
            verdict = (
                f"{r.metric}: {s.growth_ratio_band} - {fmt.rate(s.actual_cagr)}/yr achieved "
                f"vs {fmt.rate(s.required_cagr_from_base)}/yr required "
                f"({s.base_year}-{s.target_year})"
            )
        verdicts.append(verdict)
        row |= {
            "since_year": s.base_year,
            "since_value": s.base_value,
            "latest_year": s.latest_year,
            "latest": s.latest,
            "target_year": s.target_year,
            "target": s.target,
            "actual_periods": s.latest_year - s.base_year,
            "actual_cagr": s.actual_cagr,
            "required_cagr_from_base": s.required_cagr_from_base,
            "required_cagr_from_latest": s.required_cagr_from_latest,
            "growth_ratio": s.growth_ratio,
            "growth_ratio_band": s.growth_ratio_band,
            "projected_at_target_year": s.projected,
            "shortfall_at_target_year": s.shortfall,
            "progress_score": s.progress_score,
            "progress_band": s.progress_band,
            "target_reached_year": s.reached_year,
            "verdict": verdict,
            "assessed": True,
            "reason": ACHIEVED_REASON if s.achieved else None,
        }
        rows.append(row)
        m, b, lt, t = r.metric, fmt.exact(s.base_value), fmt.exact(s.latest), fmt.exact(s.target)
        explanation += [
            f"{m}: actual CAGR = ({lt} / {b}) ** (1 / {s.latest_year - s.base_year}) - 1 = "
            f"{s.actual_cagr:.6f}",
            f"{m}: required CAGR from {s.base_year} = ({t} / {b}) ** "
            f"(1 / {s.target_year - s.base_year}) - 1 = {s.required_cagr_from_base:.6f}",
            f"{m}: required CAGR from {s.latest_year} = ({t} / {lt}) ** "
            f"(1 / {s.target_year - s.latest_year}) - 1 = {s.required_cagr_from_latest:.6f}",
        ]
        if s.growth_ratio is not None:
            explanation.append(
                f"{m}: R = {s.actual_cagr:.6f} / {s.required_cagr_from_base:.6f} = "
                f"{s.growth_ratio:.4f} -> {s.growth_ratio_band}"
            )
        elif s.achieved:
            explanation.append(f"{m}: R and Q: n/a - {ACHIEVED_REASON}")
        explanation.append(
            f"{m}: projected {s.target_year} = {lt} * (1 + {s.actual_cagr:.6f}) ** "
            f"{s.target_year - s.latest_year} = {fmt.exact(s.projected)} "
            f"({r.amount(s.projected)})"
        )
        if s.progress_score is not None:
            explanation.append(
                f"{m}: Q = ({fmt.exact(s.projected)} - {b}) / ({t} - {b}) = "
                f"{s.progress_score:.4f} -> {s.progress_band}"
            )
    notes = verdicts + [n for n in notes if n not in verdicts] + _override_notes(resolved)
    insights = _insights(resolved)
    return _report(
        "status",
        "Are we on track?",
        _inputs(options, since=since),
        STATUS_FIELDS,
        rows,
        notes=notes,
        sources=_sources(
            options.dataset,
            [*cited_sources(options, resolved)]
            + [i[k] for i in insights for k in ("other_series_source", "source") if k in i],
        ),
        warnings=warnings,
        methods=STATUS_METHODS,
        explanation=explanation,
        insights=insights,
    )


# --- trajectory -------------------------------------------------------------------------

TRAJECTORY_FIELDS = (
    Field("metric", "Metric", "text"),
    Field("year", "Year", "year"),
    Field("observed", "Observed", "value", ""),
    Field("compound_path", "Compound path", "value", ""),
    Field("linear_path", "Linear path", "value", ""),
    Field("actual_pace_path", "At actual pace", "value", "", pace=True),
)

_AT_TARGET = (
    "; a value within rounding of the target (4 * (years + 1) units in the last place for a "
    "compound path, 8 for a linear one: see metrics.reaches) is the target itself"
)

TRAJECTORY_METHODS = {
    "observed": "whole-year observations of the target's series",
    "compound_path": "baseline * (1 + required CAGR) ** (year - base year)" + _AT_TARGET,
    "linear_path": "baseline + (target - baseline) * (year - base year) / n" + _AT_TARGET,
    "actual_pace_path": "baseline * (1 + actual CAGR) ** (year - base year)" + _AT_TARGET,
    "reason": "why actual_pace_path is null from the base year on; null when it is given",
}


def _path_point(baseline: Number, rate: float, k: int) -> Number:
    """The compound path in year ``base + k``: the baseline itself (exact) at ``k = 0``."""
    return baseline if k == 0 else metrics.project(baseline, rate, k)


def _linear_point(baseline: Number, gap: Number, k: int, n: int) -> Number:
    """``baseline + gap * k / n``, exact (an int) where it divides exactly."""
    if isinstance(baseline, int) and isinstance(gap, int) and (gap * k) % n == 0:
        return baseline + gap * k // n
    return baseline + gap * k / n


def trajectory_report(options: Options) -> Report:
    """The ``trajectory`` command: year by year from the base year to the target year.

    Per metric and year: the observation where one exists (from the series' earliest
    whole-year observation), the compound path at the required CAGR, the linear path, and the
    path at the actual (historical) pace where history allows (else ``None``, and the row's
    ``reason`` says why). Each path value is the milestone that year needs; a path value within
    rounding of the target is the target itself (:func:`metrics.snap_to_target`), so both
    paths end exactly on the target in the target year.

    Raises:
        DomainError: see :func:`resolve`.
    """
    resolved, warnings = resolve(options)
    rows: list[dict[str, Any]] = []
    notes, explanation = [], []
    for r in resolved:
        g = metrics.gap(r.baseline, r.base_year, r.target, r.target_year, r.indicator.increase)
        a = _actual(r)
        reason = None
        if a is None:
            reason = no_history_reason(r)
            notes.append(_no_history_note(r))
        observed = {o.year: o.value for o in r.history}
        for year in range(r.history[0].year, r.target_year + 1):
            k = year - r.base_year
            on_path = k >= 0
            compound = linear = actual = None
            if on_path:
                # k years of compounding; a linear point is one product and one sum.
                compound = metrics.snap_to_target(
                    _path_point(r.baseline, g.required_cagr, k), r.target, k
                )
                linear = metrics.snap_to_target(
                    _linear_point(r.baseline, g.absolute, k, g.periods),
                    r.target,
                    min(k, 1),
                    r.baseline,
                )
                if a is not None:
                    actual = metrics.snap_to_target(_path_point(r.baseline, a.cagr, k), r.target, k)
            rows.append(
                {
                    "metric": r.metric,
                    "unit": r.unit,
                    "year": year,
                    "observed": observed.get(year),
                    "compound_path": compound,
                    "linear_path": linear,
                    "actual_pace_path": actual,
                    "reason": reason if on_path else None,
                }
            )
        explanation += [
            f"{r.metric}: compound path in year y = {fmt.exact(r.baseline)} * "
            f"(1 + {g.required_cagr:.6f}) ** (y - {r.base_year})",
            f"{r.metric}: linear path in year y = {fmt.exact(r.baseline)} + "
            f"{fmt.exact(g.linear_increment)} * (y - {r.base_year})",
        ]
        if a is not None:
            explanation.append(
                f"{r.metric}: actual-pace path in year y = {fmt.exact(r.baseline)} * "
                f"(1 + {a.cagr:.6f}) ** (y - {r.base_year})"
            )
    return _report(
        "trajectory",
        "Year-by-year paths to the target",
        _inputs(options),
        TRAJECTORY_FIELDS,
        rows,
        notes=[
            "Each path value is the milestone that year needs (compound: at the required CAGR; "
            "linear: equal yearly additions); 'at actual pace' continues the historical CAGR.",
            *notes,
            *_override_notes(resolved),
        ],
        sources=cited_sources(options, resolved),
        warnings=warnings,
        methods=TRAJECTORY_METHODS,
        explanation=explanation,
        layout="rows",
    )


# --- project ----------------------------------------------------------------------------

PROJECT_FIELDS = (
    Field("base_year", "Base year", "year"),
    Field("baseline", "Baseline", "value"),
    Field("growth_rate", "Assumed growth a year", "rate"),
    Field("increment_per_year", "Assumed increment a year", "value_per_year"),
    Field("until_year", "Projected to year", "year"),
    Field("value_at_until_year", "Value then", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
    Field("value_at_target_year", "Value at target year", "value"),
    Field("gap_at_target_year", SHORTFALL_LABEL, "value"),
    Field("target_reached_year", "Target reached in", "year", "not reached"),
)

PROJECT_METHODS = {
    "value_at_until_year": (
        "compound: baseline * (1 + growth) ** (year - base year); "
        "linear: baseline + increment * (year - base year)"
    ),
    "value_at_target_year": "as value_at_until_year, in the target year" + _AT_TARGET,
    "gap_at_target_year": SHORTFALL_METHOD,
    "target_reached_year": REACHED_METHOD + "; null if never at that pace",
}


def project_report(
    options: Options,
    growth: float | None = None,
    increment: Number | None = None,
    until: int | None = None,
) -> Report:
    """The ``project`` command: where each metric lands at an assumed pace (a what-if).

    Give exactly one of ``growth`` (a fraction a year, > -1: compound) or ``increment`` (in
    the metric's unit a year: linear). ``until`` defaults to the target year.

    A projected value within rounding of the target is the target itself
    (:func:`metrics.snap_to_target`), and the year the target is reached is found by the same
    comparison (:func:`metrics.reaches`): at the required rate or increment of ``gap``, the
    target is reached in the target year, with a shortfall of 0. The shortfall
    (``gap_at_target_year``) is positive when the value falls short of the target in the
    wanted direction, for an increase or a decrease.

    Raises:
        DomainError: see :func:`resolve`; neither or both of growth and increment; ``until``
            not after the base year; a projection that overflows.
    """
    if (growth is None) == (increment is None):
        raise DomainError("give exactly one of --growth RATE or --increment N")
    if increment is not None and len(options.metrics) != 1:
        raise DomainError(
            "--increment is in the metric's unit; choose one metric with --metric jobs or "
            "--metric exports"
        )
    resolved, warnings = resolve(options)
    rows, explanation = [], []
    for r in resolved:
        if increment is not None and r.unit == "jobs" and increment != int(increment):
            raise DomainError(
                f"--increment {increment:g}: jobs are whole, give a whole number of jobs a year"
            )
        end = until if until is not None else r.target_year
        if end <= r.base_year:
            raise DomainError(
                f"--until {end} must be after the base year of {r.metric} ({r.base_year})"
            )

        def at(year: int, r: Resolved = r) -> Number:
            k = year - r.base_year
            if growth is not None:  # k years of compounding
                return metrics.snap_to_target(metrics.project(r.baseline, growth, k), r.target, k)
            assert increment is not None  # one product and one sum
            return metrics.snap_to_target(r.baseline + increment * k, r.target, 1, r.baseline)

        increase = r.indicator.increase
        if growth is not None:
            n = metrics.periods_to_reach(r.baseline, r.target, growth, increase)
            how = f"* (1 + {growth:.6f}) ** (y - {r.base_year})"
        else:
            assert increment is not None
            n = metrics.periods_to_reach_linear(r.baseline, r.target, increment, increase)
            how = f"+ {fmt.exact(increment)} * (y - {r.base_year})"
        value_then, value_target = at(end), at(r.target_year)
        if min(value_then, value_target) < 0:
            warnings.append(
                f"{r.metric}: at {fmt.exact(increment or 0)} a year the projection falls below "
                "zero; the values are shown as computed"
            )
        rows.append(
            _head(r)
            | {
                "growth_rate": growth,
                "increment_per_year": increment,
                "until_year": end,
                "value_at_until_year": value_then,
                "value_at_target_year": value_target,
                "gap_at_target_year": (
                    r.target - value_target if increase else value_target - r.target
                ),
                "target_reached_year": None if n is None else r.base_year + n,
            }
        )
        explanation += [
            f"{r.metric}: value in year y = {fmt.exact(r.baseline)} {how}",
            f"{r.metric}: {end}: {fmt.exact(value_then)} ({r.amount(value_then)})"
            + (
                ""
                if end == r.target_year
                else f"; {r.target_year}: {fmt.exact(value_target)} ({r.amount(value_target)})"
            )
            + f" vs target {fmt.exact(r.target)} ({r.amount(r.target)})",
            f"{r.metric}: target reached in "
            + ("no year at this pace" if n is None else f"{r.base_year} + {n} = {r.base_year + n}"),
        ]
    return _report(
        "project",
        "What-if projection",
        _inputs(options, growth=growth, increment=increment, until=until),
        PROJECT_FIELDS,
        rows,
        notes=[
            "A what-if at an assumed pace, not a forecast.",
            *_override_notes(resolved),
        ],
        sources=_target_sources(options, resolved),
        warnings=warnings,
        methods=PROJECT_METHODS,
        explanation=explanation,
    )


# --- sensitivity ------------------------------------------------------------------------

DEFAULT_CHANGES = (-0.2, -0.1, 0.0, 0.1, 0.2)
"""Default changes to the target, as fractions: -20 %, -10 %, as set, +10 %, +20 %."""


def _percent(change: float) -> str:
    """A change as a plain percentage: 0.1 -> ``10``, 0.125 -> ``12.5``, 1e4 -> ``1000000``."""
    text = f"{abs(change) * 100:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def _change_key(change: float) -> str:
    if change == 0:
        return "required_cagr_target_as_set"
    pct = _percent(change).replace(".", "_")
    return f"required_cagr_target_{'plus' if change > 0 else 'minus'}_{pct}pct"


def _change_label(change: float) -> str:
    if change == 0:
        return "Target as set"
    return f"Target {'+' if change > 0 else '-'}{_percent(change)} %"


def sensitivity_report(
    options: Options,
    years: Sequence[int] = tuple(range(2028, 2036)),
    changes: Sequence[float] = DEFAULT_CHANGES,
) -> Report:
    """The ``sensitivity`` command: the required CAGR if the deadline or the target moves.

    One row per metric and target year, one column per change to the target (a fraction:
    ``-0.1`` is the target lowered by 10 %). Each cell is
    ``(target * (1 + change) / baseline) ** (1 / (year - base year)) - 1``.

    Raises:
        DomainError: see :func:`resolve`; a year not after the base year; a change <= -100 %.
    """
    # One column per distinct percentage as shown (to 6 decimals); -0 is 0.
    changes = tuple({_change_key(c + 0.0): c + 0.0 for c in changes}.values())
    for change in changes:
        if change <= -1:
            raise DomainError(f"--changes: {change:+.0%} would make the target zero or negative")
    resolved, warnings = resolve(options._replace(target_year=None))
    fields = (
        Field("metric", "Metric", "text"),
        Field("target_year", "Target year", "year"),
        Field("periods", "n", "int"),
        *(Field(_change_key(c), _change_label(c), "rate") for c in changes),
    )
    rows, notes, explanation = [], [], []
    for r in resolved:
        targets = {c: r.target * (1 + c) for c in changes}
        notes.append(
            f"{r.metric}: baseline {r.amount(r.baseline)} ({r.base_year}); targets: "
            + ", ".join(f"{_change_label(c).lower()} = {r.amount(t)}" for c, t in targets.items())
        )
        for year in years:
            if year <= r.base_year:
                raise DomainError(
                    f"--years: {year} is not after the base year of {r.metric} ({r.base_year})"
                )
            n = year - r.base_year
            rows.append(
                {"metric": r.metric, "unit": r.unit, "target_year": year, "periods": n}
                | {_change_key(c): metrics.cagr(r.baseline, t, n) for c, t in targets.items()}
            )
        explanation.append(
            f"{r.metric}: cell = (target * (1 + change) / {fmt.exact(r.baseline)}) ** "
            f"(1 / (year - {r.base_year})) - 1"
        )
    return _report(
        "sensitivity",
        "Required CAGR by deadline and target",
        _inputs(options, years=list(years), changes=list(changes)),
        fields,
        rows,
        notes=notes + _override_notes(resolved),
        sources=_target_sources(options, resolved),
        warnings=warnings,
        methods={"required_cagr_*": CAGR_METHOD + ", to the target changed by the column's %"},
        explanation=explanation,
        layout="rows",
    )


# --- segments ---------------------------------------------------------------------------

SEGMENT_FIELDS = (
    Field("segment", "Segment", "text"),
    Field("label", "Activity", "text"),
    Field("value", "Exports", "value"),
    Field("share", "Share of total", "rate"),
    Field("change_on_prior_year", "Change y/y", "rate"),
)


def _half_last_digit(value: Number) -> float:
    """Half a unit of the last significant digit of a whole figure (26_220_000_000 -> 5e6):
    the most that rounding can have moved it. 0.5 for a figure not a multiple of 10."""
    if not (isinstance(value, int) or float(value).is_integer()):
        return 0.0
    number, unit = int(value), 1
    while number and number % (unit * 10) == 0:
        unit *= 10
    return unit / 2


def segments_report(options: Options) -> Report:
    """The ``segments`` command: the split of a whole-year figure by segment, with shares.

    Shares are ``value / total``, the total being the dataset's whole-year figure of the
    segmented indicator in the segments' year. The change on the prior year is the source's
    where it gives one, else computed from the prior value where the source gives that, else
    ``None``. A note says whether the segments add up to the total within rounding: within the
    sum of half a unit of the last significant digit of each figure.

    Raises:
        DomainError: the dataset has no segments, or no whole-year figure to split.
    """
    dataset = options.dataset
    if not dataset.segments or dataset.segments_of is None or dataset.segments_year is None:
        raise DomainError(f"the dataset {dataset.name!r} has no segments")
    indicator = dataset.indicators[dataset.segments_of]
    year = dataset.segments_year
    total_obs = indicator.observation(year)
    if total_obs is None:
        raise DomainError(
            f"the dataset {dataset.name!r} has no whole-year {indicator.id} figure for "
            f"{year} to split into segments"
        )
    total, unit = total_obs.value, indicator.unit
    rows, explanation = [], []
    given, computed, missing = [], [], []
    for seg in dataset.segments:
        change = seg.change
        if change is not None:
            given.append(seg.id)
        elif seg.prior is not None:
            change = seg.value / seg.prior - 1
            computed.append(seg.id)
            explanation.append(
                f"{seg.id}: change = {fmt.exact(seg.value)} / {fmt.exact(seg.prior)} - 1 = "
                f"{change:.4f}"
            )
        else:
            missing.append(seg.id)
        rows.append(
            {
                "segment": seg.id,
                "label": seg.label,
                "unit": unit,
                "year": year,
                "value": seg.value,
                "share": seg.value / total,
                "change_on_prior_year": change,
                "prior_value": seg.prior,
                "source": seg.source,
            }
        )
        explanation.append(
            f"{seg.id}: share = {fmt.exact(seg.value)} / {fmt.exact(total)} = "
            f"{seg.value / total:.4f}"
        )
    added = sum(seg.value for seg in dataset.segments)
    tolerance = sum(_half_last_digit(v) for v in (total, *(g.value for g in dataset.segments)))
    difference = added - total
    within = abs(difference) <= tolerance
    check = (
        f"The segments add up to {fmt.amount(added, unit)} ({fmt.number(added)} {unit}) against "
        f"a {year} total of {fmt.amount(total, unit)} ({fmt.number(total)} {unit}): difference "
        f"{difference:+,} {unit}, "
        + (
            "within rounding."
            if within
            else f"MORE than rounding explains (at most {tolerance:,.0f}): check the figures."
        )
    )
    changes = "; ".join(
        f"{how} for {', '.join(ids)}"
        for how, ids in (
            ("given by the source", given),
            ("computed from the prior year's value", computed),
            ("not given", missing),
        )
        if ids
    )
    return _report(
        "segments",
        f"{indicator.label} by segment, {year}",
        {
            "dataset": dataset.name,
            "indicator": indicator.id,
            "year": year,
            "total": total,
            "segments_sum": added,
            "adds_up_within_rounding": within,
        },
        SEGMENT_FIELDS,
        rows,
        notes=[check, f"Change on the prior year: {changes}."],
        sources=_sources(dataset, [*(seg.source for seg in dataset.segments), total_obs.source]),
        methods={
            "share": "segment value / whole-year total",
            "change_on_prior_year": "as the source gives it, or value / prior value - 1",
        },
        explanation=explanation,
        layout="rows",
    )


# --- scenario show ----------------------------------------------------------------------------

DATASET_FIELDS = (
    Field("metric", "Indicator", "text"),
    Field("label", "Label", "text"),
    Field("direction", "Wanted", "text"),
    Field("series", "Target's series", "text"),
    Field("observations", "Observations", "int"),
    Field("years", "Whole-year figures", "years"),
    Field("base_year", "Latest year", "year"),
    Field("baseline", "Latest value", "value"),
    Field("target_year", "Target year", "year"),
    Field("target", "Target", "value"),
)


def dataset_report(dataset: domain.Dataset, origin: str) -> Report:
    """The ``scenario show`` command: what a dataset holds, one row per indicator.

    ``origin`` says where the dataset comes from (a file path, or "built-in").
    """
    rows = []
    for ind in dataset.indicators.values():
        annual = ind.annual()
        latest = annual[-1]
        rows.append(
            {
                "metric": ind.id,
                "label": ind.label,
                "unit": ind.unit,
                "direction": "increase" if ind.increase else "decrease",
                "series": ind.target.series,
                "observations": len(ind.observations),
                "years": [o.year for o in annual],
                "base_year": latest.year,
                "baseline": latest.value,
                "target_year": ind.target.year,
                "target": ind.target.value,
            }
        )
    other = sorted(
        {o.series for ind in dataset.indicators.values() for o in ind.observations}
        - {ind.target.series for ind in dataset.indicators.values()}
    )
    notes = [f"{dataset.name} ({origin}): {dataset.description}".rstrip(": ")]
    if other:
        notes.append(
            f"Other series kept for context, never compared with a target: {', '.join(other)}."
        )
    if dataset.segments:
        notes.append(
            f"Segments: {len(dataset.segments)} of {dataset.segments_of} "
            f"in {dataset.segments_year}."
        )
    return _report(
        "scenario-show",
        f"Dataset {dataset.name}",
        {"dataset": dataset.name, "origin": origin},
        DATASET_FIELDS,
        rows,
        notes=notes,
        sources=dict(dataset.sources),
        methods={},
        explanation=[],
        layout="rows",
    )
