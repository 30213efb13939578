"""``status``'s checks before it assesses a reading: the base observation ``--since`` names
(or the series' earliest), whether the two methods can judge the reading at all (two
whole-year observations, a target the wanted way from the base value, a change a double can
tell), and which observations the assessment leaves out, and why. Pure: no I/O; errors name
the input (``since``)."""

from offshoring_cli.core.fields import VALUE
from offshoring_cli.core.formulas import no_change_needed
from offshoring_cli.core.records import Observation
from offshoring_cli.core.resolve import Resolved
from offshoring_cli.errors import InputError, Message
from offshoring_cli.i18n import Num, Text, joined, period_of
from offshoring_cli.reports.insights import series_relation


def base_observation(r: Resolved, since: int | None) -> Observation | None:
    """The assessment's base observation: ``since``'s, or the series' earliest."""
    earlier = r.history[:-1]
    if since is None:
        return earlier[0] if earlier else None
    if since >= r.base_year:
        facts = {"year": since, "metric": r.metric, "base": r.base_year}
        if earlier:
            raise InputError(
                "since",
                Message(
                    "{since} {year} must be before the latest year of {metric} ({base}); choose "
                    "one of: {available} (each metric has its own years: assess one at a time "
                    "with {metrics})",
                    available=", ".join(str(o.year) for o in earlier),
                    **facts,
                ),
            )
        raise InputError(
            "since",
            Message(
                "{since} {year} must be before the latest year of {metric} ({base}); the series "
                "has no earlier whole-year observation (each metric has its own years: assess "
                "one at a time with {metrics})",
                **facts,
            ),
        )
    for o in earlier:
        if o.year == since:
            return o
    elsewhere = sorted(
        {o.series for o in r.indicator.observations if o.year == since}
        - {r.indicator.target.series}
    )
    facts = {
        "year": since,
        "metric": r.metric,
        "series": repr(r.indicator.target.series),
        "base": r.base_year,
        "available": ", ".join(str(o.year) for o in earlier) or Text("none"),
    }
    if elsewhere:
        raise InputError(
            "since",
            Message(
                "{since} {year}: no whole-year {metric} observation for {year} in series "
                "{series} ({year} is only in the {other} series, which is not compared with "
                "the target); years available before {base}: {available} (each metric has its "
                "own years: assess one at a time with {metrics})",
                other=", ".join(elsewhere),
                **facts,
            ),
        )
    raise InputError(
        "since",
        Message(
            "{since} {year}: no whole-year {metric} observation for {year} in series {series}; "
            "years available before {base}: {available} (each metric has its own years: "
            "assess one at a time with {metrics})",
            **facts,
        ),
    )


def not_assessable(r: Resolved, start: Observation | None) -> str | None:
    """Why the two methods cannot judge this metric, or ``None`` when they can.

    They need two whole-year observations, and a target that lies the wanted way from the
    base value (above it when an increase is wanted): otherwise a fast move the other way
    would read as "on track".
    """
    if start is None:
        series = r.indicator.target.series
        on = [o for o in r.indicator.observations if o.series == series and o.period == "year"]
        later = max((o.year for o in on if o.year > r.base_year), default=None)
        if later:  # --base-year moved the baseline back: every assessing command takes it
            return Text(
                "only one whole-year observation of series '{series}' ({year}); both methods "
                "need two. The base year ({year}) sets the baseline and ends the history; to "
                "assess from {year} to {latest}, leave out --base-year (or give --base-year "
                "{latest}).",
                series=series,
                year=r.base_year,
                latest=later,
            )
        return Text(
            "only one whole-year observation of series '{series}' ({year}); both methods need two.",
            series=series,
            year=r.base_year,
        )
    increase = r.indicator.increase
    achieved = r.baseline >= r.target if increase else r.baseline <= r.target
    wrong_way = r.target <= start.value if increase else r.target >= start.value
    if wrong_way and not achieved:
        figures = {
            "target": Num(VALUE, r.target, r.unit),
            "year": start.year,
            "value": Num(VALUE, start.value, r.unit),
        }
        if increase:
            return Text(
                "the target ({target}) is not above the {year} value ({value}) although an "
                "increase is wanted, so growth rates from {year} cannot judge progress; choose "
                "another target or --since year.",
                **figures,
            )
        return Text(
            "the target ({target}) is not below the {year} value ({value}) although a "
            "decrease is wanted, so growth rates from {year} cannot judge progress; choose "
            "another target or --since year.",
            **figures,
        )
    if no_change_needed(start.value, r.target) and not achieved:
        # Above 2 ** 53 an int target can differ from a float base value by less than a
        # double tells apart: R and Q would divide by nil (formulas.no_change_needed).
        return Text(
            "the target ({target}) and the {year} value ({value}) are equal to a double's "
            "precision (about 16 significant digits), so no change is needed from {year} and "
            "growth rates cannot judge progress; choose another target or --since year.",
            target=Num(VALUE, r.target, r.unit),
            year=start.year,
            value=Num(VALUE, start.value, r.unit),
        )
    return None


def left_out_note(r: Resolved) -> str | None:
    """Which observations of the indicator the assessment leaves out, and why."""
    series = r.indicator.target.series
    other = sorted({o.series for o in r.indicator.observations if o.series != series})
    half = [o for o in r.indicator.observations if o.series == series and o.period != "year"]
    parts: list[str] = []
    for name in other:
        years = joined(
            [period_of(o.period, o.year) for o in r.indicator.observations if o.series == name],
            ", ",
        )
        parts.append(
            Text(
                "the {name} series ({years}) is left out: the target refers to the {series} "
                "series, and growth is never computed across two series; {relation}",
                name=name,
                years=years,
                series=series,
                relation=series_relation(r.indicator, name),
            )
        )
    if half:
        labels = joined([period_of(o.period, o.year) for o in half], ", ")
        parts.append(
            Text("half-year figures ({labels}) are not mixed with whole-year ones", labels=labels)
        )
    if not parts:
        return None
    return Text(
        "{metric}: only the {series} series' whole-year figures are used; {parts}.",
        metric=r.metric,
        series=series,
        parts=joined(parts),
    )
