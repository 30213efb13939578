"""The built-in dataset: indicators, their dated observations, targets and sources.

Pure data, no I/O. Records are :class:`typing.NamedTuple` (immutable, typed, and cheaper to
define at import time than frozen dataclasses, which matters because every command pays for it).

Units: jobs are counted in people employed (``unit="jobs"``); exports are in Moroccan dirhams
(``unit="MAD"``, whole dirhams, not billions). Every observation and target names a source id
that is a key of :data:`SOURCES`. The figures and how the derived ones were derived are listed,
in prose, in ``seeds/README.md``; a test keeps the two in step.
"""

from __future__ import annotations

from typing import NamedTuple

Number = int | float
"""A count or an amount: ``int`` where the figure is exact, ``float`` otherwise."""


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


class Target(NamedTuple):
    """The value an indicator should reach by ``year``, in the indicator's unit and series."""

    year: int
    value: Number
    series: str
    source: str


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

    def baseline(self) -> Observation:
        """The latest observation in the target's series.

        Raises:
            LookupError: the indicator has no observation in its target's series.
        """
        same = [o for o in self.observations if o.series == self.target.series]
        if not same:
            raise LookupError(f"{self.id}: no observation in series {self.target.series!r}")
        return same[-1]

    def observation(self, year: int) -> Observation | None:
        """The observation for ``year`` in the target's series, or ``None`` if there is none."""
        for o in self.observations:
            if o.year == year and o.series == self.target.series:
                return o
        return None


SEED = "nap-2026"

SOURCES: dict[str, Source] = {
    SEED: Source(
        publisher="North Africa Post",
        title="Morocco Unveils Upgraded Offshoring Strategy to Accelerate Digital Growth",
        date="2026-01",
        url=(
            "https://northafricapost.com/94441-morocco-unveils-upgraded-offshoring-strategy-"
            "to-accelerate-digital-growth.html"
        ),
    ),
}
"""Every source a built-in figure cites, by id."""

JOBS_SERIES = "offshoring-employment"
EXPORTS_SERIES = "digital-outsourcing"

JOBS = Indicator(
    id="jobs",
    label="Offshoring jobs",
    unit="jobs",
    observations=(
        Observation(
            2022,
            130_000,
            JOBS_SERIES,
            SEED,
            note="derived: 148,500 jobs at end 2024 minus 18,500 net creations over two years",
        ),
        Observation(2024, 148_500, JOBS_SERIES, SEED),
    ),
    target=Target(2030, 270_000, JOBS_SERIES, SEED),
)

EXPORTS = Indicator(
    id="exports",
    label="Offshoring service exports",
    unit="MAD",
    observations=(Observation(2024, 26_220_000_000, EXPORTS_SERIES, SEED),),
    target=Target(2030, 40_000_000_000, EXPORTS_SERIES, SEED),
)

INDICATORS: dict[str, Indicator] = {JOBS.id: JOBS, EXPORTS.id: EXPORTS}
"""The built-in indicators, by id, in display order."""
