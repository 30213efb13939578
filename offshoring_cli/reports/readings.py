"""Which published targets ``status`` assesses, and what it says about targets stated on more
than one series.

An indicator may publish several targets (:attr:`~offshoring_cli.core.records.Indicator.targets`):
the final one, the same target as stated on another series, interim ones. Each is assessed on
the series it is stated on, never on another: a target stated on one series is never compared
with a figure of a different series. No sentence here names a particular indicator or series:
ids, years, series and sources come from the dataset.
"""

from __future__ import annotations

from collections.abc import Sequence

from offshoring_cli.core.fields import VALUE
from offshoring_cli.core.records import Indicator, Target
from offshoring_cli.core.resolve import OVERRIDE, Options, Resolved, resolve_one
from offshoring_cli.errors import InputError, Message
from offshoring_cli.i18n import N_, Num, Text

FINAL = N_("final")
INTERIM = N_("interim")
TARGET_KINDS = (FINAL, INTERIM)
"""A published target is ``final`` (the latest year the indicator has a target for) or
``interim`` (an earlier year)."""


class Reading:
    """One published target of an indicator, aimed at (resolved on its own series).

    ``name`` labels it in tables and sentences: the indicator id alone for the final target on
    the indicator's own series (the column every command had before), else the id with the
    target's year when it is an interim one and the series when it is another one
    (``exports 2026 (offshoring-legacy)``).
    """

    __slots__ = ("kind", "name", "resolved", "same_target_on", "target")

    def __init__(
        self,
        resolved: Resolved,
        target: Target,
        name: str,
        kind: str,
        same_target_on: tuple[str, ...],
    ) -> None:
        self.resolved = resolved
        self.target = target
        self.name = name
        self.kind = kind
        self.same_target_on = same_target_on


def _name(ind: Indicator, target: Target) -> str:
    final = ind.targets[0]
    name = ind.id
    if target.year != final.year:
        name += f" {target.year}"
    if target.series != final.series:
        name += f" ({target.series})"
    return name


def _kind(ind: Indicator, target: Target) -> str:
    return FINAL if target.year == ind.targets[0].year else INTERIM


def _same_target_on(ind: Indicator, target: Target) -> tuple[str, ...]:
    """The other series on which a target of the same year is stated."""
    return tuple(t.series for t in ind.targets_in(target.year) if t.series != target.series)


def readings(
    options: Options, resolved: Sequence[Resolved], since: int | None
) -> tuple[list[Reading], list[str]]:
    """Every published target to assess, in order: for each indicator, the target the
    options resolve (``resolved``, the final one by default) first, then, when no target year
    and no target value were given for it, each other published target (the same year on
    another series first, then the interim ones, latest first, as the dataset lists them).

    A target that cannot be assessed with the options given (a baseline given on the command
    line is a figure of the indicator's own series; a base year or ``since`` year the target's
    series has no figure for) is left out, with a note saying why.

    Returns:
        The readings and the notes about readings left out.
    """
    found: list[Reading] = []
    notes: list[str] = []
    for r in resolved:
        base = options.dataset.indicators[r.metric]
        own = r.indicator.target
        found.append(
            Reading(r, own, _name(base, own), _kind(base, own), _same_target_on(base, own))
        )
        if options.target_year is not None or r.target_source == OVERRIDE:
            continue
        for target in base.targets:
            if target == r.indicator.target:
                continue
            name = _name(base, target)
            if target.series != base.target.series and r.baseline_source == OVERRIDE:
                notes.append(
                    Text(
                        "{name}: not assessed - the baseline given on the command line is a "
                        "figure of the {own} series, and this target is stated on the "
                        "{series} series.",
                        name=name,
                        own=base.target.series,
                        series=target.series,
                    )
                )
                continue
            years = [o.year for o in base.series_of(target.series)]
            if options.base_year is not None and target.year <= options.base_year:
                notes.append(
                    Text(
                        "{name}: not assessed - its year ({year}) is not after the base year "
                        "{base_year}.",
                        name=name,
                        year=target.year,
                        base_year=options.base_year,
                    )
                )
                continue
            given = r.baseline_source == OVERRIDE  # a figure of the same series here
            if options.base_year is not None and not given and options.base_year not in years:
                notes.append(
                    Text(
                        "{name}: not assessed - series {series}, on which this target is "
                        "stated, has no whole-year figure for the base year {base_year} "
                        "(its years: {years}).",
                        name=name,
                        series=repr(target.series),
                        base_year=options.base_year,
                        years=", ".join(str(y) for y in years) if years else Text(N_("none")),
                    )
                )
                continue
            try:
                aimed = resolve_one(options, base.aimed_at(target), [])
                if since is not None:
                    _check_since(aimed, since)
            except InputError as error:
                not_assessed = Message(
                    "{name}: not assessed - {error}.", name=name, error=error.template
                )
                notes.append(not_assessed)
                continue
            found.append(
                Reading(aimed, target, name, _kind(base, target), _same_target_on(base, target))
            )
    return found, notes


def _check_since(r: Resolved, since: int) -> None:
    earlier = [o.year for o in r.history[:-1]]
    if since not in earlier:
        raise InputError(
            "since",
            Message(
                "the assessment base year {year} is not a year of series {series} before its "
                "latest whole-year figure ({base}); its years before then: {available}",
                year=since,
                series=repr(r.indicator.target.series),
                base=r.base_year,
                available=", ".join(str(y) for y in earlier) or Text("none"),
            ),
        )


def two_readings(group: Sequence[tuple[Reading, str]]) -> str | None:
    """One line when the same target (a year) is stated on two or more series and assessed
    on more than one: its verdict on each series, with their sources. ``group`` holds each
    reading of one indicator's target year with its band (or 'not assessed': left out)."""
    group = [(reading, band) for reading, band in group if band != NOT_ASSESSED]
    if len(group) < 2:
        return None
    first = group[0][0]
    parts = [
        Text(
            "{band} on {series} ({span}, source {source})",
            band=Text(band),
            series=reading.target.series,
            span=_span(reading),
            source=reading.target.source,
        )
        for reading, band in group
    ]
    versus = parts[0]
    for part in parts[1:]:
        versus = Text("{first} vs {second}", first=versus, second=part)
    r = first.resolved
    same_value = len({reading.target.value for reading, _ in group}) == 1
    what = (
        Text(
            "the {year} target ({value})",
            year=first.target.year,
            value=Num(VALUE, first.target.value, r.unit),
        )
        if same_value
        else Text("the {year} target", year=first.target.year)
    )
    count = len(group)
    return Text(
        "{metric}: {what} is stated on {count} series, so the verdict depends on which series "
        "it refers to: {parts}.",
        metric=r.metric,
        what=what,
        count=Text(_COUNT[count]) if count in _COUNT else str(count),
        parts=versus,
    )


_COUNT = {2: N_("two"), 3: N_("three"), 4: N_("four")}
DEPENDS = "the verdict depends on which series it refers to"
"""The words of the line on a target stated on several series (:func:`two_readings`)."""


def _span(reading: Reading) -> str:
    history = reading.resolved.history
    return f"{history[0].year}-{history[-1].year}"


def not_compared(reading: Reading, main: Resolved) -> str | None:
    """Why a target stated on another series than the indicator's own is not compared with
    the own series' latest figure, when that figure already meets it (it would read as
    achieved)."""
    target, ind = reading.target, main.indicator
    if target.series == ind.target.series or main.baseline_source == OVERRIDE:
        return None
    met = main.baseline >= target.value if ind.increase else main.baseline <= target.value
    if not met:
        return None
    from offshoring_cli.reports.insights import series_relation

    figures = {
        "name": reading.name,
        "year": target.year,
        "target": Num(VALUE, target.value, main.unit),
        "series": target.series,
        "own": ind.target.series,
        "base_year": main.base_year,
        "baseline": Num(VALUE, main.baseline, main.unit),
        "relation": series_relation(ind, target.series),
    }
    if ind.increase:
        return Text(
            "{name}: the {year} target ({target}) is stated on the {series} series, so it is "
            "assessed on that series only; the {own} series' {base_year} figure ({baseline}) "
            "is already above it, which says nothing about progress: the two series differ in "
            "scope ({relation}).",
            **figures,
        )
    return Text(
        "{name}: the {year} target ({target}) is stated on the {series} series, so it is "
        "assessed on that series only; the {own} series' {base_year} figure ({baseline}) is "
        "already below it, which says nothing about progress: the two series differ in scope "
        "({relation}).",
        **figures,
    )


NOT_ASSESSED = N_("not assessed")


def fmt_band(band: str | None) -> str:
    """A band for a sentence ('not assessed' when there is none)."""
    return band if band is not None else NOT_ASSESSED
