"""``status`` rows of the indicators without a published target: Open SDG's no-target method.

An indicator that omits ``target`` in a scenario file (:mod:`offshoring_cli.core.untargeted`)
has no required growth, so the growth ratio R and the progress score Q cannot judge it; Open
SDG's "methodology 1" (:func:`offshoring_cli.core.open_sdg.without_target`) still can: the
growth from its earliest to its latest whole-year observation of its own series, in the
wanted direction, against Open SDG's no-target thresholds (0.015, 0.005, 0 a year), gives a
-5...+5 score and a label. The row has ``assessed`` false (R and Q were not applied), every
target figure null and the ``reason`` :data:`~offshoring_cli.core.untargeted.NO_TARGET_REASON`.
"""

from __future__ import annotations

from collections.abc import Mapping

from offshoring_cli.core import open_sdg
from offshoring_cli.core.fields import RATE, RATIO
from offshoring_cli.core.formulas import cagr
from offshoring_cli.core.resolve import Options
from offshoring_cli.core.untargeted import NO_TARGET_REASON, Untargeted
from offshoring_cli.errors import InputError, Message
from offshoring_cli.i18n import Num, Text
from offshoring_cli.reports.status_pace import NO_PACE
from offshoring_cli.reports.status_row import StatusRow


def split(
    options: Options, no_target: Mapping[str, Untargeted]
) -> tuple[list[str], Options | None]:
    """The ids of ``no_target`` to give a row (those ``options`` asks for by name, or all of
    them when it names none), and the options of the other indicators (``options`` itself
    when there is no such row; ``None`` when only indicators without a target are asked for:
    nothing to resolve)."""
    asked = [m for m in options.metrics or no_target if m in no_target]
    if not asked:
        return asked, options
    targeted = [m for m in options.metrics or options.dataset.indicators if m not in asked]
    return asked, options.replace(metrics=tuple(targeted)) if targeted else None


def no_target_row(ind: Untargeted, base_year: int | None = None) -> tuple[StatusRow, list[str]]:
    """The ``status`` row of ``ind`` and its worked formula (for ``--explain``).

    Its growth runs from its earliest whole-year observation to its latest, or to
    ``base_year`` (``--base-year``: it moves the baseline back and the history ends there, as
    for every indicator): Open SDG's no-target progress value, and the same CAGR as
    ``actual_cagr`` (``actual_periods`` years). With fewer than two whole-year observations
    of its series (up to the base year) there is no growth to measure: the Open SDG fields
    and ``actual_cagr`` are null and the verdict says why.

    Raises:
        InputError: ``base_year`` has no whole-year observation of the indicator's series
            (field ``base_year``).
    """
    annual = ind.annual()
    later = annual[-1].year if annual else None
    if base_year is not None:
        if all(o.year != base_year for o in annual):
            raise InputError(
                "base_year",
                Message(
                    "no {metric} figure for base year {year} in its series {series} (years: "
                    "{years}); choose another {base_year}, or leave {metric} out with {metrics}",
                    metric=ind.id,
                    year=base_year,
                    series=repr(ind.series()),
                    years=", ".join(str(o.year) for o in annual) or "-",
                ),
            )
        annual = tuple(o for o in annual if o.year <= base_year)
    latest = annual[-1] if annual else ind.observations[-1]
    first = annual[0] if len(annual) > 1 else None
    progress = (
        None
        if first is None
        else open_sdg.without_target(
            first.year, first.value, latest.year, latest.value, ind.increase
        )
    )
    if progress is None or first is None:
        verdict = Text(
            "{metric}: not assessed - no published target, and only one whole-year "
            "observation of series {series}: Open SDG's no-target method needs two",
            metric=ind.id,
            series=ind.series(),
        )
        if base_year is not None and later is not None and later > base_year:  # history cut
            verdict = Text(
                "{metric}: not assessed - no published target, and only one whole-year "
                "observation of series {series} up to the base year ({year}): Open SDG's "
                "no-target method needs two; to measure from {year} to {latest}, leave out "
                "--base-year (or give --base-year {latest}).",
                metric=ind.id,
                series=ind.series(),
                year=base_year,
                latest=later,
            )
        explanation: list[str] = []
    else:
        facts = {
            "metric": ind.id,
            "label": Text(progress.label),
            "score": Num(RATIO, progress.score),
            "growth": Num(RATE, progress.progress_value or 0.0),
            "start": first.year,
            "end": latest.year,
        }
        verdict = Text(
            "{metric}: {label} (Open SDG score {score}) - {growth}/yr growth {start}-{end}; "
            "no published target: Open SDG's no-target method (growth in the wanted direction "
            "against its thresholds of 1.5 % and 0.5 % a year)",
            **facts,
        )
        if (progress.progress_value or 0.0) < 0:  # never "- -3.00 %/yr"
            verdict = Text(
                "{metric}: {label} (Open SDG score {score}) - growth of {growth}/yr "
                "{start}-{end}; no published target: Open SDG's no-target method (growth in "
                "the wanted direction against its thresholds of 1.5 % and 0.5 % a year)",
                **facts,
            )
        sign = "" if ind.increase else "-"
        explanation = [
            f"{ind.id}: Open SDG P (no target) = {sign}(({latest.value} / {first.value}) ** "
            f"(1 / {latest.year - first.year}) - 1) = {progress.progress_value:.6f} -> score "
            f"{progress.score:.4f}, {progress.label} ({open_sdg.NO_TARGET_METHOD})"
        ]
    pace = NO_PACE.copy()
    actual = None
    if progress is not None and first is not None:
        actual = cagr(first.value, latest.value, latest.year - first.year)
        pace["open_sdg_progress_value"] = progress.progress_value
        pace["open_sdg_score"] = progress.score
        pace["open_sdg_label"] = progress.label
    row = StatusRow(
        metric=ind.id,
        label=ind.label,
        unit=ind.unit,
        series=ind.series(),
        since_year=None if first is None else first.year,
        since_value=None if first is None else first.value,
        latest_year=latest.year,
        latest=latest.value,
        target_year=None,
        target=None,
        actual_periods=None if actual is None or first is None else latest.year - first.year,
        actual_cagr=actual,
        required_cagr_from_base=None,
        required_cagr_from_latest=None,
        growth_ratio=None,
        growth_ratio_band=None,
        projected_at_target_year=None,
        shortfall_at_target_year=None,
        progress_score=None,
        progress_band=None,
        target_reached_year=None,
        verdict=verdict,
        assessed=False,
        reason=NO_TARGET_REASON,
        reading=ind.id,
        target_kind=None,
        target_source=None,
        target_notes=None,
        same_target_on=None,
        **pace,
    )
    return row, explanation
