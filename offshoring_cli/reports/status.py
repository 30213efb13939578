"""The ``status`` report: is each metric on track, by two published methods?"""

from typing import Any

from offshoring_cli.core import formulas, results
from offshoring_cli.core.fields import Field
from offshoring_cli.core.methods import (
    CAGR_METHOD,
    REACHED_METHOD,
    SHORTFALL_LABEL,
    SHORTFALL_METHOD,
)
from offshoring_cli.core.records import Observation
from offshoring_cli.core.resolve import Options, Resolved, _sources, cited_sources
from offshoring_cli.errors import DomainError
from offshoring_cli.render import numbers as fmt
from offshoring_cli.reports import Report, _inputs, _override_notes, _report, memo
from offshoring_cli.reports.insights import _insights

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


def status_report(options: Options, since: int | None = None) -> Report:
    """The ``status`` command: is each metric on track, by two published methods?

    For each metric: actual CAGR from the assessment's base year (``since``, default the
    earliest whole-year observation of the target's series) to the latest year; the required
    CAGR from that same base year and from the latest year; the Eurostat-style growth ratio R
    and the UNSD Progress Chart score Q with their bands (:func:`results.status`); the value at
    the target year at the actual pace, the shortfall (positive when short of the target in
    the wanted direction, for an increase or a decrease), and the year the target is reached
    (:func:`formulas.reaches`). Where the series has a single whole-year observation (or the
    target lies the wrong way from the base value), the methods are not applied: the row has
    ``assessed`` false, ``None`` for every figure of the pace and a ``reason``, and a note
    says so. Where the target is already met, both bands are "achieved" and R and Q are
    ``None``, with the ``reason``.

    Raises:
        DomainError: see :func:`resolve`; ``since`` is not a year with a whole-year
            observation before the latest year.
    """
    resolved, warnings = memo.resolved(options)
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
                "required_cagr_from_latest": formulas.cagr(
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
        s = results.status(
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
