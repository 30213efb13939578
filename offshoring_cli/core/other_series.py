"""The warning of a target stated on another series than the indicator's own (``--target-year``
chose it): which figures the command then uses, and, when a baseline was given, that the value
given is taken as that series' base-year figure (the series differ in scope).

Pure: no I/O; the sentence is a :class:`~offshoring_cli.i18n.Text`, said in the language of
the run where it is shown.
"""

from __future__ import annotations

from offshoring_cli.core.fields import VALUE
from offshoring_cli.core.records import Indicator, Number, Target
from offshoring_cli.i18n import Num, Text


def other_series_warning(
    ind: Indicator, target: Target, base_year: int, given: Number | None
) -> Text:
    """The warning for ``ind``'s ``target`` stated on another series than ``ind.target``'s.

    ``base_year`` is the resolved base year; ``given`` the baseline given for ``ind`` (on the
    command line or by the API), or ``None``. With a baseline given, the warning says it is
    taken as the target series' ``base_year`` figure, and names that series' own figure for
    that year when the dataset has one.
    """
    facts = {
        "metric": ind.id,
        "year": target.year,
        "series": target.series,
        "base_year": base_year,
        "own": ind.target.series,
    }
    if given is None:
        return Text(
            "{metric}: the {year} target is stated on the {series} series, so the "
            "baseline is that series' {base_year} figure, not the {own} series' latest "
            "(the series differ in scope)",
            **facts,
        )
    own_figure = [
        o.value
        for o in ind.observations
        if o.series == target.series and o.period == "year" and o.year == base_year
    ]
    if own_figure:
        return Text(
            "{metric}: the {year} target is stated on the {series} series, so the baseline "
            "given ({baseline}) is taken as that series' {base_year} figure, though the "
            "series differ in scope (that series' own {base_year} figure is {figure})",
            baseline=Num(VALUE, given, ind.unit),
            figure=Num(VALUE, own_figure[-1], ind.unit),
            **facts,
        )
    return Text(
        "{metric}: the {year} target is stated on the {series} series, so the baseline "
        "given ({baseline}) is taken as that series' {base_year} figure, though the series "
        "differ in scope",
        baseline=Num(VALUE, given, ind.unit),
        **facts,
    )
