"""The data model: indicators, their dated observations, targets, sources, segments and
datasets, and the limits on the values they hold.

Pure data, no I/O. Records are plain classes with ``__slots__`` and a typed ``__init__`` on
:class:`Record` (equality, hash, repr, :meth:`Record.as_dict`, :meth:`Record.replace`): about
a tenth of the import cost of a :class:`typing.NamedTuple`, which matters because every command
pays for it (see ``benchmarks/startup.py``). Treat them as immutable: nothing in the package
assigns to a record after it is built; :meth:`Record.replace` makes a changed copy.

Units: a count (``unit="jobs"``) is in whole things counted; an amount in a currency
(``unit="MAD"``) is in whole units of it, not billions. Every observation and target names a
source id that is a key of its dataset's ``sources``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offshoring_cli.i18n.numbers import COUNT_UNITS as COUNT_UNITS
from offshoring_cli.i18n.numbers import is_count as is_count

if TYPE_CHECKING:
    from typing import Self

    from offshoring_cli.core.claims import InsightSpec
    from offshoring_cli.core.untargeted import Untargeted

Number = int | float
"""A count or an amount: ``int`` where the figure is exact, ``float`` otherwise."""

# The values a count, an amount or a year may take, wherever it comes from: the command line
# (offshoring_cli.core.grammar) and scenario files (offshoring_cli.scenario.model) both check
# these, and the JSON Schemas of the reports state them.

MAX_QUANTITY = 10**18
"""Largest value a quantity may take; far above any real count or amount, well inside a float."""
MIN_QUANTITY = 1e-6
"""Smallest non-zero size a quantity may take, so that any ratio of two stays finite."""
FIRST_YEAR = 1900
"""Earliest calendar year given as input (an option, a scenario file)."""
LAST_YEAR = 2200
"""Latest calendar year given as input; a projection may compute a later one."""


class Record:
    """Base of the records: fields are the ``__slots__`` of the class, in order.

    Two records are equal when they are of the same class with equal fields; records hash
    by their fields (a record holding a dict is not hashable, as with a tuple).
    """

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (not recursive)."""
        return {name: getattr(self, name) for name in self.__slots__}

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (field name to new value) applied.

        Raises:
            TypeError: a name in ``changes`` is not a field.
        """
        return type(self)(**{**self.as_dict(), **changes})


class Source(Record):
    """Where a figure comes from: publisher, title, date (ISO ``YYYY-MM[-DD]``), URL."""

    __slots__ = ("publisher", "title", "date", "url")  # noqa: RUF023 (the fields in order)
    publisher: str
    title: str
    date: str
    url: str

    def __init__(self, publisher: str, title: str, date: str, url: str) -> None:
        self.publisher = publisher
        self.title = title
        self.date = date
        self.url = url


class Observation(Record):
    """One dated value of an indicator.

    ``year`` is the calendar year the value refers to (value at the end of the year for jobs,
    the whole year's total for exports). ``series`` names the statistical series: growth is only
    ever computed between two observations of the same series. ``note`` says how a derived
    figure was derived (empty for a figure quoted as published).
    """

    __slots__ = ("year", "value", "series", "source", "note", "period", "reported_change")  # noqa: RUF023 (the fields in order)
    year: int
    value: Number
    series: str
    source: str
    note: str
    period: str
    """``year`` for a whole year's figure, ``H1``/``H2`` for a half-year only."""
    reported_change: float | None
    """The change on the same period a year earlier as the source reports it (a fraction),
    where it differs from what the rounded figures give."""

    def __init__(
        self,
        year: int,
        value: Number,
        series: str,
        source: str,
        note: str = "",
        period: str = "year",
        reported_change: float | None = None,
    ) -> None:
        self.year = year
        self.value = value
        self.series = series
        self.source = source
        self.note = note
        self.period = period
        self.reported_change = reported_change


class Target(Record):
    """The value an indicator should reach by ``year``, in the indicator's unit, as stated on
    one of its series (``series``) by a source (``source``).

    ``described_multiple`` is the multiple of the baseline the target is described as in its
    source (2.0 for "a doubling"), where it says one; the tool compares it with the real one.
    ``notes`` quote or explain the target's wording (how a source phrased it, how it reads),
    one line each; empty when there is nothing to say.
    """

    __slots__ = ("year", "value", "series", "source", "described_multiple", "notes")  # noqa: RUF023 (the fields in order)
    year: int
    value: Number
    series: str
    source: str
    described_multiple: float | None
    notes: tuple[str, ...]

    def __init__(
        self,
        year: int,
        value: Number,
        series: str,
        source: str,
        described_multiple: float | None = None,
        notes: tuple[str, ...] = (),
    ) -> None:
        self.year = year
        self.value = value
        self.series = series
        self.source = source
        self.described_multiple = described_multiple
        self.notes = notes


class Indicator(Record):
    """A measured quantity with its history and its targets.

    ``observations`` are sorted by year. ``target`` is the final target, the one every command
    uses by default; its series is the indicator's series (:meth:`annual`). ``targets`` are
    every published target, the final one first, then the same target as stated on another
    series and the interim targets (an earlier year); each names the series it is stated on.
    Given empty, ``targets`` is ``(target,)``. The baseline is the latest observation in the
    target's series (:meth:`baseline`).
    """

    __slots__ = ("id", "label", "unit", "observations", "target", "increase", "targets")  # noqa: RUF023 (the fields in order)
    id: str
    label: str
    unit: str
    observations: tuple[Observation, ...]
    target: Target
    increase: bool
    """``True`` when an increase is wanted, ``False`` when a decrease is."""
    targets: tuple[Target, ...]
    """Every published target, the final one (``target``) first."""

    def __init__(
        self,
        id: str,
        label: str,
        unit: str,
        observations: tuple[Observation, ...],
        target: Target,
        increase: bool = True,
        targets: tuple[Target, ...] = (),
    ) -> None:
        self.id = id
        self.label = label
        self.unit = unit
        self.observations = observations
        self.target = target
        self.increase = increase
        self.targets = targets or (target,)

    def target_years(self) -> tuple[int, ...]:
        """The years of the published targets, each once, latest first (2030, 2026)."""
        return tuple(sorted({t.year for t in self.targets}, reverse=True))

    def targets_in(self, year: int) -> tuple[Target, ...]:
        """The published targets for ``year``, in the order of :attr:`targets` (the one on
        the indicator's own series first, when there is one)."""
        return tuple(t for t in self.targets if t.year == year)

    def aimed_at(self, target: Target) -> Indicator:
        """This indicator with ``target`` as the one to assess: its series (:meth:`annual`,
        :meth:`baseline`) becomes the target's. ``targets`` stays as published."""
        if target == self.target:
            return self
        return type(self)(**{**self.as_dict(), "target": target})

    def aims_at_final(self) -> bool:
        """Whether the target to assess is the final published one (not another, see
        :meth:`aimed_at`)."""
        return self.target == self.targets[0]

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied; a new ``target`` without new ``targets`` replaces
        the final published target (``targets[0]``) too."""
        if "target" in changes and "targets" not in changes:
            changes["targets"] = (changes["target"], *self.targets[1:])
        return super().replace(**changes)

    def series_of(self, series: str) -> tuple[Observation, ...]:
        """The whole-year observations of ``series``, oldest first."""
        return tuple(o for o in self.observations if o.series == series and o.period == "year")

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


class Segment(Record):
    """One segment of the 2024 export mix (series ``digital-outsourcing``), in MAD.

    ``change`` is the change on 2023 as the source gives it (a fraction), ``prior`` the 2023
    value where the source gives that instead; ``None`` where the source gives neither.
    """

    __slots__ = ("id", "label", "value", "change", "prior", "source")  # noqa: RUF023 (the fields in order)
    id: str
    label: str
    value: Number
    change: float | None
    prior: Number | None
    source: str

    def __init__(
        self,
        id: str,
        label: str,
        value: Number,
        change: float | None,
        prior: Number | None,
        source: str,
    ) -> None:
        self.id = id
        self.label = label
        self.value = value
        self.change = change
        self.prior = prior
        self.source = source


class SegmentSplit(Record):
    """Another split of one figure of indicator ``indicator`` by segment: the figure of
    ``year`` and ``period`` (``year``, ``H1``, ``H2``) in the indicator's series. ``items`` may
    cover part of the figure only; ``note`` says what they leave out (empty: nothing)."""

    __slots__ = ("indicator", "year", "period", "items", "note")  # noqa: RUF023 (the fields in order)
    indicator: str
    year: int
    period: str
    items: tuple[Segment, ...]
    note: str

    def __init__(
        self,
        indicator: str,
        year: int,
        period: str,
        items: tuple[Segment, ...],
        note: str = "",
    ) -> None:
        self.indicator = indicator
        self.year = year
        self.period = period
        self.items = items
        self.note = note


class Dataset(Record):
    """Everything the commands compute from: indicators, sources and, optionally, segments.

    The built-in dataset is :data:`~offshoring_cli.core.builtin.BUILTIN`; a scenario file
    (``--scenario``) gives another. ``segments`` split the whole-year figure of ``segments_of``
    in ``segments_year``; ``insights``: facts the ``status`` report checks (:mod:`.claims`);
    ``other_splits``: further splits by segment (another year, a half-year). ``translations``:
    the dataset's own texts (labels, description, insight wordings) in other languages, by
    language then English text (``{"fr": {"Offshoring jobs": "Emplois de l'offshoring"}}``).
    ``untargeted``: the indicators with no published target, by id, not among ``indicators``
    (:mod:`offshoring_cli.core.untargeted`).
    """

    __slots__ = (  # noqa: RUF023 (the fields in order)
        "name",
        "description",
        "indicators",
        "sources",
        "segments",
        "segments_year",
        "segments_of",
        "insights",
        "other_splits",
        "translations",
        "untargeted",
    )
    name: str
    description: str
    indicators: dict[str, Indicator]
    sources: dict[str, Source]
    segments: tuple[Segment, ...]
    segments_year: int | None
    segments_of: str | None
    insights: tuple[InsightSpec, ...]
    other_splits: tuple[SegmentSplit, ...]
    translations: dict[str, dict[str, str]]
    untargeted: dict[str, Untargeted]

    def __init__(
        self,
        name: str,
        description: str,
        indicators: dict[str, Indicator],
        sources: dict[str, Source],
        segments: tuple[Segment, ...] = (),
        segments_year: int | None = None,
        segments_of: str | None = None,
        insights: tuple[InsightSpec, ...] = (),
        other_splits: tuple[SegmentSplit, ...] = (),
        translations: dict[str, dict[str, str]] | None = None,
        untargeted: dict[str, Untargeted] | None = None,
    ) -> None:
        self.name = name
        self.description = description
        self.indicators = indicators
        self.sources = sources
        self.segments = segments
        self.segments_year = segments_year
        self.segments_of = segments_of
        self.insights = insights
        self.other_splits = other_splits
        self.translations = translations or {}
        self.untargeted = untargeted or {}
