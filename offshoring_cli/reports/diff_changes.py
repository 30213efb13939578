"""What changed in the data between two datasets, item by item: pure, no I/O.

:func:`data_changes` compares two :class:`~offshoring_cli.core.records.Dataset` objects and
returns one :class:`~offshoring_cli.reports.diff_rows.DiffRow` per item added, removed or
revised: sources (each field), indicators (added, removed,
label, unit, direction), targets (each field), observations (by series, period and year: value,
source, note, reported change), segments and insights. The headline figures that move as a
result are the business of :mod:`~offshoring_cli.reports.scenario_diff`; the dataset's own
parts (sources, segments, insights) are compared in :mod:`~offshoring_cli.reports.diff_dataset`.
"""

from functools import partial
from typing import Any

from offshoring_cli.core.fields import MULTIPLE, RATE, TEXT, VALUE, YEAR
from offshoring_cli.core.records import Dataset, Indicator, Observation, Target
from offshoring_cli.core.untargeted import Untargeted
from offshoring_cli.i18n import N_, Text
from offshoring_cli.reports.diff_dataset import dataset_changes
from offshoring_cli.reports.diff_rows import DiffRow, changed_fields, keyed, row, word

_OBSERVATION_FIELDS = (
    ("value", VALUE),
    ("source", TEXT),
    ("note", TEXT),
    ("reported_change", RATE),
)
_TARGET_FIELDS = (
    ("year", YEAR),
    ("value", VALUE),
    ("series", TEXT),
    ("source", TEXT),
    ("described_multiple", MULTIPLE),
    ("notes", TEXT),
)
_OTHER_TARGET_FIELDS = tuple(f for f in _TARGET_FIELDS if f[0] not in ("year", "series"))
"""Another published target is known by its year and series: the rest may change."""


def _observation_key(o: Observation) -> str:
    return f"{o.series}.{o.year}" + ("" if o.period == "year" else f".{o.period}")


DIRECTIONS = {True: N_("increase"), False: N_("decrease")}
"""An indicator's wanted direction in words."""


def _observation_label(o: Observation) -> Text:
    if o.period == "year":
        return Text("{year} observation ({series})", year=o.year, series=o.series)
    return Text(
        "{period} {year} observation ({series})", period=o.period, year=o.year, series=o.series
    )


def _observations(
    metric: str, old: Indicator | Untargeted, new: Indicator | Untargeted, unit: str
) -> list[DiffRow]:
    """Observations added, removed or revised, by series, period and year (in NEW's order)."""
    before = {_observation_key(o): o for o in old.observations}
    after = {_observation_key(o): o for o in new.observations}
    keys = sorted(
        before.keys() | after.keys(),
        key=lambda k: next(
            (o.year, o.series, o.period) for o in (after.get(k), before.get(k)) if o is not None
        ),
    )
    rows: list[DiffRow] = []
    for key in keys:
        o, n = before.get(key), after.get(key)
        shown = n if n is not None else o
        assert shown is not None
        label = _observation_label(shown)
        if o is None or n is None:  # added or removed: its value stands for it
            value = None if o is None else o.value
            rows.append(
                row(
                    metric,
                    "observation",
                    key,
                    label,
                    value,
                    None if n is None else n.value,
                    VALUE,
                    unit,
                )
            )
            continue
        rows += changed_fields(
            o,
            n,
            _OBSERVATION_FIELDS,
            lambda name, kind, a, b, key=key, label=label: row(
                metric,
                "observation",
                f"{key}.{name}",
                label if name == "value" else Text("{what}: {field}", what=label, field=word(name)),
                a,
                b,
                kind,
                unit,
            ),
        )
    return rows


def _indicator(metric: str, old: Indicator | None, new: Indicator | None) -> list[DiffRow]:
    """One indicator's changes: added or removed as a whole, else its definition, target and
    observations."""
    if old is None or new is None:
        return [_added_or_removed(metric, old, new)]
    rows = _definition(metric, old, new)
    unit = new.unit
    rows += changed_fields(
        old.target,
        new.target,
        _TARGET_FIELDS,
        lambda name, kind, a, b: row(
            metric,
            "target",
            f"target.{name}",
            Text(N_("target")) if name == "value" else Text("target {field}", field=word(name)),
            a,
            b,
            kind,
            unit,
        ),
    )
    return rows + _other_targets(metric, old, new, unit) + _observations(metric, old, new, unit)


def _other_targets(metric: str, old: Indicator, new: Indicator, unit: str) -> list[DiffRow]:
    """The published targets other than the final one (interim, or on another series), known
    by year and series: added, removed, or a field changed."""

    def by_key(indicator: Indicator) -> dict[str, Target]:
        return {f"{t.series}.{t.year}": t for t in indicator.targets[1:]}

    rows: list[DiffRow] = []
    for key, before, after in keyed(by_key(old), by_key(new)):
        target = after or before
        assert target is not None
        name = Text("target {year} ({series})", year=target.year, series=target.series)
        if before is None or after is None:
            rows.append(
                row(
                    metric,
                    "target",
                    f"other_targets.{key}",
                    name,
                    None if before is None else before.value,
                    None if after is None else after.value,
                    VALUE,
                    unit,
                )
            )
            continue
        change = partial(_target_change, metric, f"other_targets.{key}", name, unit)
        rows += changed_fields(before, after, _OTHER_TARGET_FIELDS, change)
    return rows


def _target_change(
    metric: str, path: str, what: Text, unit: str, field: str, kind: str, a: Any, b: Any
) -> DiffRow:
    """A row for a changed ``field`` of another published target (``what``)."""
    said = what if field == "value" else Text("{what}: {field}", what=what, field=word(field))
    return row(metric, "target", f"{path}.{field}", said, a, b, kind, unit)


def _added_or_removed(
    metric: str, old: Indicator | Untargeted | None, new: Indicator | Untargeted | None
) -> DiffRow:
    """The one row of an indicator on one side only (its label on that side)."""
    return row(
        metric,
        "indicator",
        "indicator",
        Text(N_("indicator")),
        None if old is None else old.label,
        None if new is None else new.label,
    )


def _definition(
    metric: str, old: Indicator | Untargeted, new: Indicator | Untargeted
) -> list[DiffRow]:
    """A row for each of label, unit and direction that differs."""
    definition = [
        ("label", old.label, new.label),
        ("unit", old.unit, new.unit),
        ("direction", DIRECTIONS[old.increase], DIRECTIONS[new.increase]),
    ]
    return [
        row(metric, "indicator", f"indicator.{name}", word(name), before, after)
        for name, before, after in definition
        if before != after
    ]


def data_changes(old: Dataset, new: Dataset) -> tuple[list[DiffRow], dict[str, list[DiffRow]]]:
    """What changed from ``old`` to ``new``: the dataset's own rows (sources, segments,
    insights), and each indicator's rows by id (OLD's order, then NEW's
    new ones; an indicator without a change is left out). Empty when the two hold the same
    data."""
    by_metric: dict[str, list[DiffRow]] = {}
    for metric, o, n in keyed(old.indicators, new.indicators):
        if (o is None and metric in old.untargeted) or (n is None and metric in new.untargeted):
            continue  # a target published or withdrawn: one row, below
        rows = _indicator(metric, o, n)
        if rows:
            by_metric[metric] = rows
    for metric, u, v in keyed(old.untargeted, new.untargeted):
        rows = _untargeted(metric, u, v, old.indicators.get(metric), new.indicators.get(metric))
        if rows:
            by_metric[metric] = by_metric.get(metric, []) + rows
    return dataset_changes(old, new), by_metric


def _untargeted(
    metric: str,
    old: Untargeted | None,
    new: Untargeted | None,
    old_targeted: Indicator | None,
    new_targeted: Indicator | None,
) -> list[DiffRow]:
    """An indicator without a published target on one side or both: its definition and
    observations, as for any indicator; a target published or withdrawn is one row (the
    indicator's rows on the side with a target are :func:`_indicator`'s)."""
    if old is None or new is None:
        if (old or old_targeted) is not None and (new or new_targeted) is not None:
            has = new_targeted if old is not None else old_targeted
            assert has is not None
            target = has.target.value
            return [
                row(
                    metric,
                    "target",
                    "target",
                    Text(N_("target")),
                    None if old is not None else target,
                    target if old is not None else None,
                    VALUE,
                    has.unit,
                )
            ]
        return [_added_or_removed(metric, old, new)]
    return _definition(metric, old, new) + _observations(metric, old, new, new.unit)
