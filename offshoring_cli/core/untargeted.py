"""Indicators without a published target (a scenario indicator that omits ``target``).

``status`` assesses such an indicator by Open SDG's no-target method
(:func:`offshoring_cli.core.open_sdg.without_target`: growth in the wanted direction against
Open SDG's no-target thresholds). The other commands need a value to reach: they leave the
indicator out unless the user gives one with ``--target ID=VALUE``, which makes it an
ordinary :class:`~offshoring_cli.core.records.Indicator` (:func:`promoted`) whose target is
stated on the indicator's own series (:meth:`Untargeted.series`) for the target year asked
for (``--target-year``) or, by default, the latest final target year of the dataset's other
indicators. Pure data, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from offshoring_cli.core.records import Indicator, Number, Observation, Record, Target
from offshoring_cli.i18n import Text

if TYPE_CHECKING:
    from offshoring_cli.core.records import Dataset

OVERRIDE = "override"
"""Source id of a target value given on the command line (as in :mod:`.resolve`)."""

NO_TARGET_REASON = "no published target: Open SDG's no-target method"
"""Why a ``status`` row of an indicator without a target has no R, Q nor target."""


def refusal(metric: str, year_too: bool = False) -> Text:
    """The message for ``-m ID`` naming an indicator without a target and no value given
    (``year_too``: no other indicator has a target year, so the year is needed as well)."""
    if year_too:
        return Text(
            "{metric} has no published target; give the value to reach with "
            "--target {metric}=VALUE and --target-year YEAR",
            metric=metric,
        )
    return Text(
        "{metric} has no published target; give the value to reach with --target {metric}=VALUE",
        metric=metric,
    )


def left_out(metric: str) -> Text:
    """The warning of a command that leaves out ``metric`` (no target, not asked for)."""
    return Text(
        "{metric} has no published target and is left out (status assesses it by Open SDG's "
        "no-target method); to include it, give the value to reach with --target {metric}=VALUE",
        metric=metric,
    )


class Untargeted(Record):
    """A measured quantity with its history and no published target.

    ``observations`` are sorted by year (stable: the file's order within a year); ``increase``
    whether an increase is wanted (Open SDG's direction).
    """

    __slots__ = ("id", "label", "unit", "observations", "increase")  # noqa: RUF023 (the fields in order)
    id: str
    label: str
    unit: str
    observations: tuple[Observation, ...]
    increase: bool

    def __init__(
        self,
        id: str,
        label: str,
        unit: str,
        observations: tuple[Observation, ...],
        increase: bool = True,
    ) -> None:
        self.id = id
        self.label = label
        self.unit = unit
        self.observations = observations
        self.increase = increase

    def series(self) -> str:
        """The indicator's own series: that of its earliest whole-year observation (the first
        listed within that year), or of its earliest observation when none is whole-year."""
        whole = [o for o in self.observations if o.period == "year"]
        return (whole or list(self.observations))[0].series

    def annual(self) -> tuple[Observation, ...]:
        """The whole-year observations of :meth:`series`, oldest first."""
        series = self.series()
        return tuple(o for o in self.observations if o.series == series and o.period == "year")

    def with_target(self, year: int, value: Number) -> Indicator:
        """This indicator with a target of ``value`` for ``year`` given on the command line,
        stated on :meth:`series` (source :data:`OVERRIDE`)."""
        target = Target(year, value, self.series(), OVERRIDE)
        return Indicator(self.id, self.label, self.unit, self.observations, target, self.increase)


def default_target_year(dataset: Dataset) -> int | None:
    """The target year of a value given for an indicator without a target when no
    ``--target-year`` is given: the latest final target year of the dataset's indicators
    (``None`` when none has a target)."""
    return max((ind.target.year for ind in dataset.indicators.values()), default=None)


def promoted(dataset: Dataset, targets: Mapping[str, Number], target_year: int | None) -> Dataset:
    """``dataset`` with each indicator without a target that ``targets`` gives a value for
    made an ordinary indicator (:meth:`Untargeted.with_target`), after the others; unchanged
    when there is none, or no target year (none given and :func:`default_target_year` is
    ``None``: :func:`refusal` then says to give one)."""
    given = [m for m in dataset.untargeted if m in targets]
    year = target_year if target_year is not None else default_target_year(dataset)
    if not given or year is None:
        return dataset
    indicators = dict(dataset.indicators)
    for metric in given:
        indicators[metric] = dataset.untargeted[metric].with_target(year, targets[metric])
    rest = {m: u for m, u in dataset.untargeted.items() if m not in targets}
    return dataset.replace(indicators=indicators, untargeted=rest)
