"""The ``status`` row's later fields: the range over base years and Open SDG's progress score.

* **Range over base years** ("the same method from each base year the data allow"): the
  actual CAGR, the value at the target year at that pace and the year the target is reached
  (:func:`offshoring_cli.core.results.status`), computed from every whole-year observation of
  the target's series before the latest one as base, reported as (lowest, highest). Given when
  the series has three or more whole-year observations (two or more base years); with one
  interval there is no range, and a note says so.
* **Open SDG's progress score** (:mod:`offshoring_cli.core.open_sdg`, re-implemented from
  open-sdg/sdg-build ``sdg/ProgressMeasure.py`` at commit
  139fede74ba534d2ed8b9eee4cd878b41f54cb67): the progress value P, the -5...+5 score and its
  label from the row's assessment base year, and the indicator's mean score over the series
  assessed against the same target year (Open SDG's ``get_indicator_progress``).
"""

from collections.abc import Callable, Sequence

from offshoring_cli.core import base_years, open_sdg, results
from offshoring_cli.core.fields import (
    BOOL,
    RATE,
    RATIO,
    TEXT,
    VALUE,
    YEAR,
    Annotated,
    Field,
    Schema,
    TypedDict,
)
from offshoring_cli.core.methods import CAGR_METHOD, REACHED_METHOD
from offshoring_cli.core.records import Observation
from offshoring_cli.core.resolve import Resolved
from offshoring_cli.i18n import Num, Text
from offshoring_cli.i18n import numbers as fmt
from offshoring_cli.reports import IN_UNIT, RATE_A_YEAR, Amount, LaterYear, Year

RANGE_NAME = "Range over base years"
RANGE_METHOD = (
    "the same method from each base year the data allow: every whole-year observation of the "
    "target's series before the latest one as base, the lowest and highest result"
)
_RANGED = {"null_unless": "base_year_range", "given_if": "base_year_range"}

OpenSdgLabel = Annotated[str, Schema(enum=list(open_sdg.LABELS))]


class StatusPace(TypedDict):
    """The range over base years and Open SDG's progress score of one ``status`` row."""

    base_year_range: Annotated[
        bool,
        Field(
            RANGE_NAME,
            BOOL,
            show=False,
            description="True: the range over base years is given (three or more whole-year "
            "observations of the target's series, and the metric assessed); false: no range "
            "(see notes).",
        ),
    ]
    range_first_base_year: Annotated[
        Year | None,
        Field(
            "Range: first base year",
            YEAR,
            description="The earliest base year of the range.",
            **_RANGED,
        ),
    ]
    range_last_base_year: Annotated[
        Year | None,
        Field(
            "Range: last base year",
            YEAR,
            description="The latest base year of the range (the year before the latest value).",
            **_RANGED,
        ),
    ]
    actual_cagr_lowest: Annotated[
        float | None,
        Field(
            "Range: actual CAGR, lowest",
            RATE,
            method=RANGE_METHOD + "; " + CAGR_METHOD + ", from each base year to the latest year",
            description="The lowest actual CAGR over the base years, " + RATE_A_YEAR + ".",
            **_RANGED,
        ),
    ]
    actual_cagr_highest: Annotated[
        float | None,
        Field(
            "Range: actual CAGR, highest",
            RATE,
            method=RANGE_METHOD + "; " + CAGR_METHOD + ", from each base year to the latest year",
            description="The highest actual CAGR over the base years, " + RATE_A_YEAR + ".",
            **_RANGED,
        ),
    ]
    projected_lowest: Annotated[
        Amount | None,
        Field(
            "Range: at target year, lowest",
            VALUE,
            method=RANGE_METHOD + "; latest * (1 + actual CAGR) ** (target year - latest year)",
            description="The lowest value at the target year over the base years, " + IN_UNIT + ".",
            **_RANGED,
        ),
    ]
    projected_highest: Annotated[
        Amount | None,
        Field(
            "Range: at target year, highest",
            VALUE,
            method=RANGE_METHOD + "; latest * (1 + actual CAGR) ** (target year - latest year)",
            description="The highest value at the target year over the base years, "
            + IN_UNIT
            + ".",
            **_RANGED,
        ),
    ]
    target_reached_year_earliest: Annotated[
        LaterYear | None,
        Field(
            "Range: target reached, earliest",
            YEAR,
            missing="not reached",
            method=RANGE_METHOD + "; " + REACHED_METHOD,
            description="The earliest year the target is reached at the pace from one of the "
            "base years; null: no range, or never from any base year.",
            null_unless="base_year_range",
        ),
    ]
    target_reached_year_latest: Annotated[
        LaterYear | None,
        Field(
            "Range: target reached, latest",
            YEAR,
            missing="not reached",
            method=RANGE_METHOD + "; " + REACHED_METHOD,
            description="The latest year the target is reached at the pace from one of the "
            "base years; null: no range, or never at the pace from at least one base year.",
            null_unless="base_year_range",
        ),
    ]
    open_sdg_progress_value: Annotated[
        float | None,
        Field(
            "Open SDG progress value P",
            RATIO,
            method=open_sdg.SOURCE + ": " + open_sdg.WITH_TARGET_METHOD,
            description="P = actual CAGR / |required CAGR from the same base year| (a ratio; "
            "x -1 when a decrease is wanted); without a published target, the actual CAGR "
            "(Open SDG's no-target method: " + open_sdg.NO_TARGET_METHOD + "); null when not "
            "assessed, or when the target equals the base value and is met.",
        ),
    ]
    open_sdg_score: Annotated[
        float | None,
        Field(
            "Open SDG score (-5...+5)",
            RATIO,
            method=open_sdg.SOURCE + ": " + open_sdg.WITH_TARGET_METHOD,
            description="Open SDG's progress score from P, -5 to 5; 5 when the target is "
            "achieved; without a published target, by Open SDG's no-target method; null when "
            "not assessed.",
        ),
        Schema(minimum=-5, maximum=5),
    ]
    open_sdg_label: Annotated[
        OpenSdgLabel | None,
        Field(
            "Open SDG label",
            TEXT,
            method=open_sdg.SOURCE + ": " + open_sdg.LABEL_METHOD,
            description="Open SDG's progress label from P and its thresholds (its no-target "
            "thresholds without a published target); null when not assessed.",
        ),
    ]
    open_sdg_indicator_score: Annotated[
        float | None,
        Field(
            "Open SDG indicator score",
            RATIO,
            method=open_sdg.SOURCE + ": " + open_sdg.MEAN_METHOD,
            description="The mean of open_sdg_score over this metric's rows with the same "
            "target year (one per series assessed); null when no such row is assessed.",
        ),
        Schema(minimum=-5, maximum=5),
    ]
    open_sdg_indicator_label: Annotated[
        OpenSdgLabel | None,
        Field(
            "Open SDG indicator label",
            TEXT,
            method=open_sdg.SOURCE + ": " + open_sdg.MEAN_METHOD,
            description="Open SDG's label of the indicator score ('target achieved' only when "
            "every series has achieved its target); null with the score.",
        ),
    ]


NO_PACE = StatusPace(
    base_year_range=False,
    range_first_base_year=None,
    range_last_base_year=None,
    actual_cagr_lowest=None,
    actual_cagr_highest=None,
    projected_lowest=None,
    projected_highest=None,
    target_reached_year_earliest=None,
    target_reached_year_latest=None,
    open_sdg_progress_value=None,
    open_sdg_score=None,
    open_sdg_label=None,
    open_sdg_indicator_score=None,
    open_sdg_indicator_label=None,
)
"""The fields of a row the methods do not assess (the indicator score is filled later)."""


def base_year_range(
    r: Resolved, assessed_from: int, name: str = ""
) -> tuple[list[base_years.Pace], base_years.Extremes | None, str | None]:
    """The default assessment's pace repeated from every earlier whole-year observation as base.

    Returns the actual CAGR, the value at the target year and the year the target is reached
    from each base year (:func:`~offshoring_cli.core.base_years.paces`: the figures of
    :func:`~offshoring_cli.core.results.status`, one per base year, oldest first; empty when
    there is no range), their lowest and highest (``None`` without a range) and a note:
    what the range is and why, or why there is none (a
    single interval).
    ``assessed_from`` is the row's own base year (the series' first, or ``--since``'s). The
    caller only asks for an assessed metric (two observations, a target ahead).
    """
    bases: Sequence[Observation] = r.history[:-1]
    if len(bases) < 2:
        only = f"{bases[0].year}-{r.base_year}" if bases else str(r.base_year)
        return (
            [],
            None,
            Text(
                "{name}: no range over base years: the {series} series has one interval "
                "({only}), so there is only one base year to assess from.",
                name=name or r.metric,
                series=r.indicator.target.series,
                only=only,
            ),
        )
    found = base_years.paces(
        [(o.year, o.value) for o in bases],
        r.base_year,
        r.baseline,
        r.target_year,
        r.target,
        r.indicator.increase,
    )
    ext = base_years.extremes(found)
    lowest, highest = ext.lowest, ext.highest
    earliest, latest = ext.reached_earliest, ext.reached_latest
    when: str
    if earliest is None:
        when = Text("never, from any base year")
    elif ext.never:
        when = Text("from {year} to never", year=earliest)
    else:
        when = f"{earliest}" if earliest == latest else f"{earliest}-{latest}"
    note = Text(
        "{name}: range over base years {first}-{last} (the same method from each base year "
        "the data allow): actual pace {lowest} ({lowest_year}) to {highest} ({highest_year}) "
        "a year; at the target year {projected_lowest} to {projected_highest}; target "
        "reached {when}. The assessment above starts in {start}; the range shows how much "
        "the projection depends on the starting year.",
        name=name or r.metric,
        first=bases[0].year,
        last=bases[-1].year,
        lowest=Num(RATE, lowest.actual_cagr),
        lowest_year=lowest.base_year,
        highest=Num(RATE, highest.actual_cagr),
        highest_year=highest.base_year,
        projected_lowest=Num(VALUE, ext.projected_lowest, r.unit),
        projected_highest=Num(VALUE, ext.projected_highest, r.unit),
        when=when,
        start=assessed_from,
    )
    return found, ext, note


def pace_fields(
    r: Resolved, since: results.Status, name: str = ""
) -> tuple[StatusPace, list[str], Callable[[], list[str]]]:
    """The row's range over base years and Open SDG score, the notes and the explanation
    lines, for an assessed metric whose default assessment is ``since``; ``name`` heads the
    notes and lines (the reading's name, such as ``jobs 2026``; default the metric id).

    The explanation lines are written when the returned function is called (``--explain``),
    not before: one per base year, they would cost more than the row itself."""
    name = name or r.metric
    found, ext, note = base_year_range(r, since.base_year, name)
    notes = [note] if note else []
    progress = open_sdg.with_target(
        since.base_year,
        since.base_value,
        since.latest_year,
        since.latest,
        since.target_year,
        since.target,
        r.indicator.increase,
    )
    p = progress.progress_value

    def explanation() -> list[str]:
        lines = [_range_line(name, r, s) for s in found]
        if progress.target_achieved or p is None:
            how = "5 (the target is achieved)"
        elif p >= open_sdg.WITH_TARGET_THRESHOLDS[1]:
            how = f"min(7.1429 * {p:.4f} - 4.2857, 5) = {progress.score:.4f}"
        else:
            how = f"max(4.1667 * {p:.4f} - 2.5, -5) = {progress.score:.4f}"
        lines.append(
            f"{name}: Open SDG P = {since.actual_cagr:.6f} / "
            f"|{since.required_cagr_from_base:.6f}| = {'n/a' if p is None else f'{p:.4f}'}; "
            f"score = {how} ({progress.label})"
        )
        return lines

    fields = StatusPace(
        base_year_range=bool(found),
        range_first_base_year=found[0].base_year if found else None,
        range_last_base_year=found[-1].base_year if found else None,
        actual_cagr_lowest=ext.lowest.actual_cagr if ext is not None else None,
        actual_cagr_highest=ext.highest.actual_cagr if ext is not None else None,
        projected_lowest=ext.projected_lowest if ext is not None else None,
        projected_highest=ext.projected_highest if ext is not None else None,
        target_reached_year_earliest=ext.reached_earliest if ext is not None else None,
        target_reached_year_latest=ext.reached_latest
        if ext is not None and not ext.never
        else None,
        open_sdg_progress_value=p,
        open_sdg_score=progress.score,
        open_sdg_label=progress.label,
        open_sdg_indicator_score=None,
        open_sdg_indicator_label=None,
    )
    return fields, notes, explanation


def _range_line(name: str, r: Resolved, s: base_years.Pace) -> str:
    """The ``--explain`` line of the range from one base year."""
    return (
        f"{name}: range, from {s.base_year}: actual CAGR = ({fmt.exact(r.baseline)} / "
        f"{fmt.exact(s.base_value)}) ** (1 / {r.base_year - s.base_year}) - 1 = "
        f"{s.actual_cagr:.6f}; at {r.target_year}: {fmt.exact(s.projected)}; reached: "
        f"{s.reached_year or 'never'}"
    )


def indicator_scores(rows: Sequence[StatusPace], keys: Sequence[tuple[str, int | None]]) -> None:
    """Fill each row's Open SDG indicator score: the mean over the rows of the same
    ``(metric, target year)`` key that have a score (Open SDG's mean over several series of
    one indicator; ``target_achieved`` only when every one has achieved its target)."""
    groups: dict[tuple[str, int | None], list[open_sdg.Progress]] = {}
    for row, key in zip(rows, keys, strict=True):
        score, label = row["open_sdg_score"], row["open_sdg_label"]
        if score is not None and label is not None:
            groups.setdefault(key, []).append(
                open_sdg.Progress(
                    row["open_sdg_progress_value"] or 0.0,
                    score,
                    label,
                    label == open_sdg.TARGET_ACHIEVED,
                )
            )
    for row, key in zip(rows, keys, strict=True):
        if key in groups:
            row["open_sdg_indicator_score"], row["open_sdg_indicator_label"] = open_sdg.mean(
                groups[key]
            )
