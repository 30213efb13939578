"""``scenario diff``: what changed in a dataset's own parts, beside its indicators: sources
(added, removed, revised field by field), the segments' split and each segment, and the
declared insights (each as a sentence). Pure: no I/O. The indicators' changes are in
:mod:`offshoring_cli.reports.diff_changes`."""

from __future__ import annotations

from offshoring_cli.core.claims import InsightSpec, Ratio
from offshoring_cli.core.fields import RATE, TEXT, VALUE, YEAR
from offshoring_cli.core.records import Dataset
from offshoring_cli.i18n import Text
from offshoring_cli.reports.diff_rows import DiffRow, changed_fields, keyed, row, word

_SEGMENT_FIELDS = (
    ("label", TEXT),
    ("value", VALUE),
    ("change", RATE),
    ("prior", VALUE),
    ("source", TEXT),
)


def _insight_key(spec: InsightSpec) -> str:
    return spec.id if isinstance(spec, Ratio) else f"{spec.indicator}_{spec.claim}"


def _insight_text(spec: InsightSpec | None) -> str | None:
    if spec is None:
        return None
    if isinstance(spec, Ratio):
        return f"{spec.label or spec.id}: {spec.numerator} per {spec.denominator}"
    wording = f" ({spec.wording})" if spec.wording else ""
    return f"{spec.indicator} {spec.claim.replace('_', ' ')} {spec.value:g}{wording}, {spec.source}"


def _sources(old: Dataset, new: Dataset) -> list[DiffRow]:
    """Sources added or removed (their publisher stands for them), or revised field by field."""
    rows: list[DiffRow] = []
    for key, o, n in keyed(old.sources, new.sources):
        if o is None or n is None:
            before = None if o is None else o.publisher
            after = None if n is None else n.publisher
            rows.append(row(None, "source", key, Text("source {key}", key=key), before, after))
            continue
        rows += changed_fields(
            o,
            n,
            (("publisher", TEXT), ("title", TEXT), ("date", TEXT), ("url", TEXT)),
            lambda name, kind, a, b, key=key: row(
                None,
                "source",
                f"{key}.{name}",
                Text("source {key}: {field}", key=key, field=word(name)),
                a,
                b,
                kind,
            ),
        )
    return rows


def _segments(old: Dataset, new: Dataset) -> list[DiffRow]:
    """The split's year and indicator, and segments added, removed or revised."""
    rows: list[DiffRow] = []
    unit = next(
        (d.indicators[d.segments_of].unit for d in (new, old) if d.segments_of in d.indicators),
        "",
    )
    for name, attribute in (("year", "segments_year"), ("indicator", "segments_of")):
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before != after:
            kind = YEAR if name == "year" else TEXT
            rows.append(
                row(
                    None,
                    "segment",
                    f"segments.{name}",
                    Text("segments {field}", field=word(name)),
                    before,
                    after,
                    kind,
                )
            )
    by_id = {s.id: s for s in old.segments}, {s.id: s for s in new.segments}
    for key, o, n in keyed(*by_id):
        if o is None or n is None:
            before_value = None if o is None else o.value
            after_value = None if n is None else n.value
            rows.append(
                row(
                    None,
                    "segment",
                    key,
                    Text("segment {key}", key=key),
                    before_value,
                    after_value,
                    VALUE,
                    unit,
                )
            )
            continue
        rows += changed_fields(
            o,
            n,
            _SEGMENT_FIELDS,
            lambda name, kind, a, b, key=key: row(
                None,
                "segment",
                f"{key}.{name}",
                Text("segment {key}", key=key)
                if name == "value"
                else Text("segment {key}: {field}", key=key, field=word(name)),
                a,
                b,
                kind,
                unit,
            ),
        )
    return rows


def _insights(old: Dataset, new: Dataset) -> list[DiffRow]:
    """Declared insights added, removed or revised (each as a sentence), by id."""
    by_key = {_insight_key(s): s for s in old.insights}, {_insight_key(s): s for s in new.insights}
    rows: list[DiffRow] = []
    for key, o, n in keyed(*by_key):
        if o != n:
            rows.append(
                row(
                    None,
                    "insight",
                    key,
                    Text("insight {key}", key=key),
                    _insight_text(o),
                    _insight_text(n),
                )
            )
    return rows


def dataset_changes(old: Dataset, new: Dataset) -> list[DiffRow]:
    """The rows of what changed in the dataset's sources, segments and insights, in that
    order; empty when none did."""
    return _sources(old, new) + _segments(old, new) + _insights(old, new)
