"""The ``status`` report: is each metric on track, by two published methods?"""

from collections.abc import Callable

from offshoring_cli.core import formulas, results
from offshoring_cli.core.fields import RATE, VALUE
from offshoring_cli.core.records import Observation
from offshoring_cli.core.resolve import Options, Resolved, _sources, cited_sources
from offshoring_cli.i18n import N_, Num, Text
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.reports import (
    Report,
    _inputs,
    _override_notes,
    memo,
)
from offshoring_cli.reports.insights import insights as find_insights
from offshoring_cli.reports.provenance import provenance
from offshoring_cli.reports.readings import (
    Reading,
    fmt_band,
    not_compared,
    readings,
    two_readings,
)
from offshoring_cli.reports.status_checks import base_observation, left_out_note, not_assessable
from offshoring_cli.reports.status_no_target import no_target_row, split
from offshoring_cli.reports.status_pace import NO_PACE, indicator_scores, pace_fields
from offshoring_cli.reports.status_row import StatusInputs, StatusRow, reading_fields

ACHIEVED_REASON = (
    "the target is already met: the growth ratio R and the progress score Q measure progress "
    "towards a target still ahead, so they are not computed"
)


def _assess(
    reading: Reading, start: Observation | None
) -> tuple[StatusRow, Callable[[], list[str]], list[str]]:
    """One reading's row, the worked formulas behind it (for ``--explain``: a function that
    writes them when called) and its notes on the range over base years."""
    r = reading.resolved
    added = reading_fields(reading)
    name = reading.name
    reason = not_assessable(r, start)
    if reason is not None:
        verdict = Text("{metric}: not assessed - {reason}", metric=name, reason=reason)
        return (
            StatusRow(
                metric=r.metric,
                label=r.indicator.label,
                unit=r.unit,
                series=r.indicator.target.series,
                since_year=None if start is None else start.year,
                since_value=None if start is None else start.value,
                latest_year=r.base_year,
                latest=r.baseline,
                target_year=r.target_year,
                target=r.target,
                actual_periods=None,
                actual_cagr=None,
                required_cagr_from_base=None,
                required_cagr_from_latest=formulas.cagr(
                    r.baseline, r.target, r.target_year - r.base_year
                ),
                growth_ratio=None,
                growth_ratio_band=None,
                projected_at_target_year=None,
                shortfall_at_target_year=None,
                progress_score=None,
                progress_band=None,
                target_reached_year=None,
                verdict=verdict,
                assessed=False,
                reason=reason,
                **added,
                **NO_PACE,
            ),
            list,
            [],
        )
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
        verdict = Text(
            "{metric}: achieved - {latest} in {year} already meets the target of {target}; "
            "R and Q are n/a: they measure progress towards a target still ahead",
            metric=name,
            latest=Num(VALUE, s.latest, r.unit),
            year=s.latest_year,
            target=Num(VALUE, s.target, r.unit),
        )
    else:
        rates = {
            "metric": name,
            "band": Text(s.growth_ratio_band),
            "actual": Num(RATE, s.actual_cagr),
            "required": Num(RATE, s.required_cagr_from_base),
            "start": s.base_year,
            "end": s.target_year,
        }
        verdict = Text(
            "{metric}: {band} - {actual}/yr achieved vs {required}/yr required ({start}-{end})",
            **rates,
        )
        if s.actual_cagr < 0:  # a falling pace: never "needed - -5.43 %/yr"
            verdict = Text(
                "{metric}: {band} - achieved {actual}/yr vs {required}/yr required ({start}-{end})",
                **rates,
            )
    pace, pace_notes, pace_explanation = pace_fields(r, s, name)
    row = StatusRow(
        metric=r.metric,
        label=r.indicator.label,
        unit=r.unit,
        series=r.indicator.target.series,
        since_year=s.base_year,
        since_value=s.base_value,
        latest_year=s.latest_year,
        latest=s.latest,
        target_year=s.target_year,
        target=s.target,
        actual_periods=s.latest_year - s.base_year,
        actual_cagr=s.actual_cagr,
        required_cagr_from_base=s.required_cagr_from_base,
        required_cagr_from_latest=s.required_cagr_from_latest,
        growth_ratio=s.growth_ratio,
        growth_ratio_band=s.growth_ratio_band,
        projected_at_target_year=s.projected,
        shortfall_at_target_year=s.shortfall,
        progress_score=s.progress_score,
        progress_band=s.progress_band,
        target_reached_year=s.reached_year,
        verdict=verdict,
        assessed=True,
        reason=ACHIEVED_REASON if s.achieved else None,
        **added,
        **pace,
    )
    return row, lambda: _explain(r, s, name) + pace_explanation(), pace_notes


def _explain(r: Resolved, s: results.Status, name: str) -> list[str]:
    """The worked formulas of one assessed reading (``--explain``)."""
    m, b, lt, t = name, fmt.exact(s.base_value), fmt.exact(s.latest), fmt.exact(s.target)
    explanation = [
        f"{m}: actual CAGR = ({lt} / {b}) ** (1 / {s.latest_year - s.base_year}) - 1 = "
        f"{s.actual_cagr:.6f} ({fmt.rate(s.actual_cagr)} a year)",
        f"{m}: required CAGR from {s.base_year} = ({t} / {b}) ** "
        f"(1 / {s.target_year - s.base_year}) - 1 = {s.required_cagr_from_base:.6f} "
        f"({fmt.rate(s.required_cagr_from_base)} a year)",
        f"{m}: required CAGR from {s.latest_year} = ({t} / {lt}) ** "
        f"(1 / {s.target_year - s.latest_year}) - 1 = {s.required_cagr_from_latest:.6f} "
        f"({fmt.rate(s.required_cagr_from_latest)} a year)",
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
    return explanation


def status_report(
    options: Options, since: int | None = None, untargeted: bool = False
) -> Report[StatusRow]:
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

    Every published target is assessed (:func:`~offshoring_cli.reports.readings.readings`):
    for each metric the final target's row first (the one the options resolve: with a target
    year or a target value given, only that one), then one row per other published target,
    each on the series it is stated on (``reading`` names it). Notes say when the same target
    stated on two series gets a different verdict on each, with both sources, and why a target
    of another series is not compared with the metric's own series.

    With ``untargeted`` (the ``status`` command), the indicators without a published target
    get a row too, after the others (the ones asked for by name, or all of them): Open SDG's
    no-target method (:mod:`offshoring_cli.reports.status_no_target`), up to the base year
    when ``options`` gives one; ``since`` does not apply to them. Without it they are left
    out, as by every other report.

    Raises:
        DomainError: see :func:`resolve`; ``since`` is not a year with a whole-year
            observation before the latest year.
    """
    if since is not None:
        from offshoring_cli.core.checks import year

        year("since", since)
    no_target = options.dataset.untargeted if untargeted else {}
    asked, chosen = split(options, no_target)
    resolved, warnings = ([], []) if chosen is None else memo.resolved(chosen)
    inputs = StatusInputs(**_inputs(chosen or options.replace(metrics=())), since=since)
    if chosen is None:  # only indicators without a target: no figure of another applies
        inputs["metrics"], inputs["overrides"] = [], {}
    inputs["metrics"] += asked
    rows: list[StatusRow] = []
    notes: list[str] = []
    explanation: list[Callable[[], list[str]] | list[str]] = []  # written for --explain only
    verdicts: list[str] = []
    found, left_out_readings = readings(chosen or options, resolved, since)
    bands: dict[tuple[str, int], list[tuple[Reading, str]]] = {}
    mains = {r.metric: r for r in resolved}
    for reading in found:
        r = reading.resolved
        main = reading.resolved is mains[r.metric]
        start = base_observation(r, since)
        if main:
            left_out = left_out_note(r)
            if left_out:
                notes.append(left_out)
        else:
            why_not = not_compared(reading, mains[r.metric])
            if why_not:
                notes.append(why_not)
        row, lines, pace_notes = _assess(reading, start)
        notes += pace_notes
        rows.append(row)
        verdicts.append(row["verdict"])
        if not row["assessed"]:
            notes.append(row["verdict"])
        explanation.append(lines)
        band = row["growth_ratio_band"] if row["assessed"] else None
        bands.setdefault((r.metric, reading.target.year), []).append((reading, fmt_band(band)))
    notes += left_out_readings
    for group in bands.values():
        line = two_readings(group)
        if line:
            notes.append(line)
    for metric in asked:
        row, worked = no_target_row(no_target[metric], options.base_year)
        rows.append(row)
        verdicts.append(row["verdict"])
        explanation.append(worked)
        if since is not None and row["since_year"] is not None:
            notes.append(
                Text(
                    "{metric}: the assessment base year {since} does not apply (no published "
                    "target): its growth runs over its whole-year figures, {start}-{end}.",
                    metric=metric,
                    since=since,
                    start=row["since_year"],
                    end=row["latest_year"],
                )
            )
    indicator_scores(rows, [(row["metric"], row["target_year"]) for row in rows])
    insights, insight_sources, insight_notes = find_insights(resolved, options.dataset)
    said = set(verdicts)  # a set: a list would compare every note with every verdict
    notes = verdicts + [n for n in notes if n not in said] + _override_notes(resolved)
    every = [reading.resolved for reading in found]
    notes += insight_notes
    return Report(
        "status",
        N_("Are we on track?"),
        inputs,
        StatusRow,
        rows,
        notes=notes,
        sources=_sources(
            options.dataset,
            [
                *cited_sources(options, every),
                *insight_sources,
                *(o.source for m in asked for o in no_target[m].annual()),
            ],
        ),
        warnings=warnings,
        explanation=lambda: [
            line for part in explanation for line in (part() if callable(part) else part)
        ],
        provenance=provenance(options.dataset),
        insights=insights,
    )
