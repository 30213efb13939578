"""The common path: a valid scenario turned into a dataset without pydantic.

Most scenario files are valid. :func:`dataset` checks parsed TOML by hand, field by field,
against the same rules as :mod:`~offshoring_cli.scenario.model` (types, ranges, patterns, no
unknown key, whole numbers for counts) and the whole-file checks of
:mod:`~offshoring_cli.scenario.cross_checks`, and builds the records. It never reports a
problem: at the first thing it does not accept it returns ``None``, and
:func:`~offshoring_cli.scenario.validate.check` runs the full validation (pydantic), which lists
every problem with its key path. It accepts a subset of what the models accept (a string with
leading or trailing spaces, an integer where a fraction is expected, a TOML date where text is
expected all go the full way), so a file is never accepted here that the models refuse; a test
runs both on valid and broken files and compares.

Cost: about a microsecond per value, against pydantic's import and model building (about
100 ms at start-up, see ``benchmarks/startup.py``).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from offshoring_cli.core import claims, records
from offshoring_cli.core.records import FIRST_YEAR, LAST_YEAR, MAX_QUANTITY
from offshoring_cli.core.untargeted import Untargeted
from offshoring_cli.scenario import SCENARIO_VERSION
from offshoring_cli.scenario import fast_values as values
from offshoring_cli.scenario.fast_values import Full as _Full
from offshoring_cli.scenario.fast_values import Ids as _Ids

_TOP = frozenset({"scenario_version", "name", "description", "sources", "indicators"})
_TOP_OPTIONAL = frozenset({"description", "segments", "other_segments", "insights", "translations"})
_SOURCE = frozenset({"publisher", "title", "date", "url"})
_INDICATOR = frozenset(
    {"id", "label", "unit", "direction", "observations", "target", "other_targets"}
)
"""Not ``observations_csv``: :func:`~offshoring_cli.scenario.validate.check` reads the CSV
file into ``observations`` first; left in, it goes the full way."""
_OBSERVATION = frozenset({"year", "period", "value", "series", "source", "note", "reported_change"})
_TARGET = frozenset({"year", "value", "series", "source", "described_multiple", "notes"})
_SEGMENTS = frozenset({"indicator", "year", "items"})
_OTHER_SEGMENTS = frozenset({"indicator", "year", "period", "note", "items"})
_SEGMENT = frozenset({"id", "label", "value", "change", "prior", "source"})
_RATIO = frozenset({"kind", "numerator", "denominator", "id", "label"})
_CLAIM = frozenset({"kind", "indicator", "claim", "value", "wording", "source"})
_PERIODS = frozenset({"year", "H1", "H2"})
_LANGUAGES = frozenset({"fr", "ar"})


_YEAR_OF = attrgetter("year")


class _Segments:
    """A file's ``[segments]``, as :func:`~offshoring_cli.scenario.cross_checks._cross_problems`
    reads it."""

    def __init__(self, indicator: str, year: int, items: tuple[records.Segment, ...]) -> None:
        self.indicator = indicator
        self.year = year
        self.items = items


class _Indicator(records.Indicator):
    """An indicator as read, before the whole-file checks: its targets keep their
    ``described_multiple``, and it answers what
    :func:`~offshoring_cli.scenario.cross_checks._cross_problems` asks of the model's
    (:class:`~offshoring_cli.scenario.model.IndicatorModel`)."""

    __slots__ = ()

    def published(self) -> list[records.Target]:
        """Every published target, the final one first."""
        return list(self.targets)

    def target_path(self, k: int) -> str:
        """The key path of the ``k``-th published target (0: the final one)."""
        return "target" if k == 0 else f"other_targets[{k - 1}]"

    def record(self) -> records.Indicator:
        """The indicator as the full validation builds it: observations by year (stable: the
        file's order within a year), targets without their described multiple."""
        targets = tuple(
            records.Target(t.year, t.value, t.series, t.source, notes=t.notes) for t in self.targets
        )
        observations = tuple(sorted(self.observations, key=_YEAR_OF))
        return records.Indicator(
            self.id, self.label, self.unit, observations, targets[0], self.increase, targets
        )


class _NoTarget(Untargeted):
    """An indicator without a target as read (what the cross checks ask of it, as of
    :class:`_Indicator`)."""

    __slots__ = ()

    def published(self) -> list[records.Target]:
        """No published target."""
        return []

    def target_path(self, k: int) -> str:
        """The key path of the ``k``-th published target (none here)."""
        return "target" if k == 0 else f"other_targets[{k - 1}]"

    def record(self) -> Untargeted:
        """The indicator as the full validation builds it: observations by year (stable)."""
        observations = tuple(sorted(self.observations, key=_YEAR_OF))
        return Untargeted(self.id, self.label, self.unit, observations, self.increase)


class _View:
    """What :func:`~offshoring_cli.scenario.cross_checks._cross_problems` reads of a file."""

    def __init__(
        self,
        sources: dict[str, records.Source],
        indicators: list[_Indicator | _NoTarget],
        segments: _Segments | None,
        other_segments: list[records.SegmentSplit],
        insights: list[claims.InsightSpec],
    ) -> None:
        self.sources = sources
        self.indicators = indicators
        self.segments = segments
        self.other_segments = other_segments
        self.insights = insights


def _target(raw: Any, ids: _Ids, count: bool) -> records.Target:
    """A ``target`` or an item of ``other_targets``, with its described multiple."""
    target = values.table(raw, _TARGET)
    multiple = target.get("described_multiple")
    if multiple is not None:
        values.quantity(multiple, False)
        if type(multiple) is not float:
            raise _Full
    notes = target.get("notes", [])
    if type(notes) is not list:
        raise _Full
    return records.Target(
        values.year(target["year"]),
        values.quantity(target["value"], count),
        ids(target["series"]),
        ids(target["source"]),
        multiple,
        tuple([values.text(note) for note in notes]),
    )


def _indicator(raw: Any, ids: _Ids) -> _Indicator | _NoTarget:
    ind = values.table(raw, _INDICATOR)
    if len(ind) < 4 or not ind.keys() >= {"id", "label", "unit", "observations"}:
        raise _Full
    if "target" not in ind and "other_targets" in ind:
        raise _Full  # the full path says why
    unit = values.text(ind["unit"], most=16)
    count = records.is_count(unit)
    direction = ind.get("direction", "increase")
    if type(direction) is not str or direction not in {"increase", "decrease"}:
        raise _Full
    observations = ind["observations"]
    if type(observations) is not list or not observations:
        raise _Full
    made = []
    seen = ids.seen
    observation = records.Observation
    for obs in observations:  # the common case inline: this loop runs once per observation
        if type(obs) is not dict or not obs.keys() <= _OBSERVATION:
            raise _Full
        year, value = obs["year"], obs["value"]
        series, source = obs["series"], obs["source"]
        if type(year) is not int or not FIRST_YEAR <= year <= LAST_YEAR:
            raise _Full
        if type(value) is not int or not 0 < value <= MAX_QUANTITY:
            value = values.quantity(value, count)
        if series not in seen:
            ids(series)
        if source not in seen:
            ids(source)
        series, source = seen[series], seen[source]  # one object for each id, file-wide
        if len(obs) == 4:  # year, value, series, source
            made.append(observation(year, value, series, source))
            continue
        period = obs.get("period", "year")
        if type(period) is not str or period not in _PERIODS:
            raise _Full
        change = obs.get("reported_change")
        made.append(
            observation(
                year,
                value,
                series,
                source,
                values.text(obs["note"], empty=True) if "note" in obs else "",
                period,
                None if change is None else values.fraction(change, -1.0, 1000.0),
            )
        )
    if "target" not in ind:  # no published target: Open SDG's no-target method (status)
        return _NoTarget(
            values.match(ind["id"], values.INDICATOR_ID, 32),
            values.text(ind["label"]),
            unit,
            tuple(made),
            direction == "increase",
        )
    others = ind.get("other_targets", [])
    if type(others) is not list:
        raise _Full
    targets = tuple([_target(raw, ids, count) for raw in [ind["target"], *others]])
    return _Indicator(
        values.match(ind["id"], values.INDICATOR_ID, 32),
        values.text(ind["label"]),
        unit,
        tuple(made),
        targets[0],
        direction == "increase",
        targets,
    )


def _items(raw: Any, ids: _Ids, count: bool) -> tuple[records.Segment, ...]:
    """The ``items`` of a split by segment (at least one)."""
    if type(raw) is not list or not raw:
        raise _Full
    made = []
    for raw_item in raw:
        item = values.table(raw_item, _SEGMENT)
        change, prior = item.get("change"), item.get("prior")
        made.append(
            records.Segment(
                ids(item["id"]),
                values.text(item["label"]),
                values.quantity(item["value"], count),
                None if change is None else values.fraction(change, -1.0, 1000.0),
                None if prior is None else values.quantity(prior, count),
                ids(item["source"]),
            )
        )
    return tuple(made)


def _segments(raw: Any, ids: _Ids, counts: set[str]) -> _Segments:
    seg = values.table(raw, _SEGMENTS)
    indicator = values.match(seg["indicator"], values.INDICATOR_ID)
    items = _items(seg["items"], ids, indicator in counts)
    return _Segments(indicator, values.year(seg["year"]), items)


def _other_segments(raw: Any, ids: _Ids, counts: set[str]) -> list[records.SegmentSplit]:
    """``[[other_segments]]``: further splits, of a whole-year or a half-year figure."""
    if type(raw) is not list:
        raise _Full
    splits = []
    for raw_split in raw:
        split = values.table(raw_split, _OTHER_SEGMENTS)
        indicator = values.match(split["indicator"], values.INDICATOR_ID)
        period = split.get("period", "year")
        if type(period) is not str or period not in _PERIODS:
            raise _Full
        splits.append(
            records.SegmentSplit(
                indicator,
                values.year(split["year"]),
                period,
                _items(split["items"], ids, indicator in counts),
                values.text(split["note"], empty=True) if "note" in split else "",
            )
        )
    return splits


def _translations(raw: Any) -> dict[str, dict[str, str]]:
    """``[translations.fr]``, ``[translations.ar]``: English text to its translation."""
    if type(raw) is not dict or not raw.keys() <= _LANGUAGES:
        raise _Full
    made = {}
    for language, texts in raw.items():
        if type(texts) is not dict:
            raise _Full
        for english, text in texts.items():
            values.text(english, empty=True)
            values.text(text, empty=True)
        made[language] = dict(texts)
    return made


def _insight(raw: Any, ids: _Ids) -> claims.InsightSpec:
    kind = raw.get("kind") if type(raw) is dict else None
    if kind == "ratio":
        spec = values.table(raw, _RATIO)
        return claims.Ratio(
            values.match(spec["numerator"], values.INDICATOR_ID, 32),
            values.match(spec["denominator"], values.INDICATOR_ID, 32),
            values.match(spec["id"], values.INDICATOR_ID, 64) if "id" in spec else "",
            values.text(spec["label"], empty=True) if "label" in spec else "",
        )
    if kind == "claim":
        spec = values.table(raw, _CLAIM)
        if type(spec["claim"]) is not str or spec["claim"] != "target_multiple":
            raise _Full
        value = spec["value"]
        if type(value) is not float:
            raise _Full
        values.quantity(value, False)
        return claims.Claim(
            values.match(spec["indicator"], values.INDICATOR_ID, 32),
            "target_multiple",
            value,
            values.text(spec["wording"], empty=True) if "wording" in spec else "",
            ids(spec["source"]),
        )
    raise _Full


def _build(data: Any) -> records.Dataset:
    """The dataset of a valid file; :class:`_Full` at the first doubt."""
    from offshoring_cli.scenario.cross_checks import _cross_problems

    top = values.table(data, _TOP | _TOP_OPTIONAL)
    if not top.keys() >= _TOP - _TOP_OPTIONAL:
        raise _Full
    version = top["scenario_version"]
    if type(version) is not int or version != SCENARIO_VERSION:
        raise _Full
    name = values.match(top["name"], values.ID, 64)
    description = values.text(top["description"], empty=True) if "description" in top else ""
    ids = _Ids(values.ID, 64)
    raw_sources = top["sources"]
    if type(raw_sources) is not dict:
        raise _Full
    sources = {}
    for key, raw in raw_sources.items():
        src = values.table(raw, _SOURCE)
        sources[ids(key)] = records.Source(
            values.text(src["publisher"]),
            values.text(src["title"]),
            values.date(src["date"]),
            values.url(src["url"]),
        )
    raw_indicators = top["indicators"]
    if type(raw_indicators) is not list or not raw_indicators:
        raise _Full
    built = [_indicator(raw, ids) for raw in raw_indicators]
    counts = {ind.id for ind in built if records.is_count(ind.unit)}
    segments = _segments(top["segments"], ids, counts) if "segments" in top else None
    other_segments = _other_segments(top.get("other_segments", []), ids, counts)
    translations = _translations(top.get("translations", {}))
    raw_insights = top.get("insights", [])
    if type(raw_insights) is not list:
        raise _Full
    declared = [_insight(raw, ids) for raw in raw_insights]
    if _cross_problems(_View(sources, built, segments, other_segments, declared)):  # type: ignore[arg-type]
        raise _Full
    insights: list[claims.InsightSpec] = [
        claims.Claim(ind.id, "target_multiple", final.described_multiple, "", final.source)
        for ind in built
        for final in ind.published()[:1]
        if final.described_multiple is not None
    ]
    insights += declared
    return records.Dataset(
        name,
        description,
        {ind.id: ind.record() for ind in built if isinstance(ind, _Indicator)},
        sources,
        segments.items if segments else (),
        segments.year if segments else None,
        segments.indicator if segments else None,
        tuple(insights),
        tuple(other_segments),
        translations,
        {ind.id: ind.record() for ind in built if isinstance(ind, _NoTarget)},
    )


def dataset(data: Any) -> records.Dataset | None:
    """The dataset of parsed TOML ``data`` when it is a valid scenario that needs no second
    look, else ``None`` (then the full validation lists the problems, or accepts what this
    check leaves to it)."""
    try:
        return _build(data)
    except (_Full, KeyError, TypeError):
        return None


def indicator_ok(raw: Any) -> bool:
    """Whether the fields of one parsed ``[[indicators]]`` table pass the fast check (what
    needs the whole file, such as source ids, is not checked)."""
    try:
        _indicator(raw, _Ids(values.ID, 64))
    except (_Full, KeyError, TypeError):
        return False
    return True
