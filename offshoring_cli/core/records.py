"""The data model: indicators, their dated observations, targets, sources, segments and
datasets, and the limits on the values they hold.

Pure data, no I/O. Records are :class:`typing.NamedTuple` (immutable, typed, and cheaper to
define at import time than frozen dataclasses, which matters because every command pays for it).

Units: a count (``unit="jobs"``) is in whole things counted; an amount in a currency
(``unit="MAD"``) is in whole units of it, not billions. Every observation and target names a
source id that is a key of its dataset's ``sources``.
"""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from offshoring_cli.core.claims import InsightSpec

Number = int | float
"""A count or an amount: ``int`` where the figure is exact, ``float`` otherwise."""

# The values a count or an amount may take, wherever it comes from: the command line
# (offshoring_cli.cli.grammar) and scenario files (offshoring_cli.scenario.model) both check these.

MAX_QUANTITY = 10**18
"""Largest value a quantity may take; far above any real count or amount, well inside a float."""
MIN_QUANTITY = 1e-6
"""Smallest non-zero size a quantity may take, so that any ratio of two stays finite."""
COUNT_UNITS = frozenset({"jobs", "people", "persons", "employees", "workers"})
"""Units that count whole things (compared without case): their values must be whole numbers."""


def is_count(unit: str) -> bool:
    """Whether values in ``unit`` are counts, that is whole numbers (``jobs``: yes; ``MAD``: no)."""
    return unit.strip().lower() in COUNT_UNITS


class Source(NamedTuple):
    """Where a figure comes from: publisher, title, date (ISO ``YYYY-MM[-DD]``), URL."""

    publisher: str
    title: str
    date: str
    url: str


class Observation(NamedTuple):
    """One dated value of an indicator.

    ``year`` is the calendar year the value refers to (value at the end of the year for jobs,
    the whole year's total for exports). ``series`` names the statistical series: growth is only
    ever computed between two observations of the same series. ``note`` says how a derived
    figure was derived (empty for a figure quoted as published).
    """

    year: int
    value: Number
    series: str
    source: str
    note: str = ""
    period: str = "year"
    """``year`` for a whole year's figure, ``H1``/``H2`` for a half-year only."""
    reported_change: float | None = None
    """The change on the same period a year earlier as the source reports it (a fraction),
    where it differs from what the rounded figures give."""


class Target(NamedTuple):
    """The value an indicator should reach by ``year``, in the indicator's unit and series.

    ``described_multiple`` is the multiple of the baseline the target is described as in its
    source (2.0 for "a doubling"), where it says one; the tool compares it with the real one.
    """

    year: int
    value: Number
    series: str
    source: str
    described_multiple: float | None = None


class Indicator(NamedTuple):
    """A measured quantity with its history and its target.

    ``observations`` are sorted by year. The baseline is the latest observation in the
    target's series (:meth:`baseline`).
    """

    id: str
    label: str
    unit: str
    observations: tuple[Observation, ...]
    target: Target
    increase: bool = True
    """``True`` when an increase is wanted, ``False`` when a decrease is."""

    def annual(self) -> tuple[Observation, ...]:
        """The whole-year observations of the target's series, oldest first.

        Only these are compared with each other and with the target: other series and
        half-year figures are kept for context, never mixed into growth rates.
        """
        return tuple(
            o for o in self.observations if o.series == self.target.series and o.period == "year"
        )

    def baseline(self) -> Observation:
        """The latest whole-year observation in the target's series.

        Raises:
            LookupError: the indicator has no observation in its target's series.
        """
        annual = self.annual()
        if not annual:
            raise LookupError(f"{self.id}: no observation in series {self.target.series!r}")
        return annual[-1]

    def observation(self, year: int) -> Observation | None:
        """The whole-year observation for ``year`` in the target's series, or ``None``."""
        for o in self.annual():
            if o.year == year:
                return o
        return None


class Segment(NamedTuple):
    """One segment of the 2024 export mix (series ``digital-outsourcing``), in MAD.

    ``change`` is the change on 2023 as the source gives it (a fraction), ``prior`` the 2023
    value where the source gives that instead; ``None`` where the source gives neither.
    """

    id: str
    label: str
    value: Number
    change: float | None
    prior: Number | None
    source: str


class Dataset(NamedTuple):
    """Everything the commands compute from: indicators, sources and, optionally, segments.

    The built-in dataset is :data:`~offshoring_cli.core.builtin.BUILTIN`; a scenario file
    (``--scenario``) gives another.
    ``segments`` split the whole-year figure of indicator ``segments_of`` in ``segments_year``.
    ``insights`` are the facts particular to the data that the ``status`` report checks
    (:mod:`offshoring_cli.core.claims`).
    """

    name: str
    description: str
    indicators: dict[str, Indicator]
    sources: dict[str, Source]
    segments: tuple[Segment, ...] = ()
    segments_year: int | None = None
    segments_of: str | None = None
    insights: tuple["InsightSpec", ...] = ()
