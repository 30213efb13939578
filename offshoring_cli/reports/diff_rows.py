"""The ``scenario diff`` report's row: one change between two datasets, defined once.

A row is either a change in the data (an observation added, revised or removed; a target, an
indicator, a source, a segment or an insight changed) or a headline figure of an indicator
before and after (``topic`` ``figure``). ``old`` and ``new`` hold plain values whose kind
differs from row to row (an amount, a rate, a ratio, a year or a text): ``kind`` says which,
and the table formats each row by it (:class:`~offshoring_cli.core.fields.Field`'s
``kind_from``).
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from offshoring_cli.core.fields import (
    BOOL,
    MULTIPLE,
    RATE,
    RATIO,
    TEXT,
    VALUE,
    YEAR,
    Annotated,
    Field,
    Schema,
    TypedDict,
)
from offshoring_cli.core.records import Number, Record
from offshoring_cli.i18n import N_, Text
from offshoring_cli.reports import UNIT_FIELD, MetricId

TOPICS = (
    "source",
    "indicator",
    "target",
    "observation",
    "segment",
    "insight",
    "figure",
)
"""What a row is about, in the order rows are listed for an indicator (data, then figures)."""

CHANGES = (N_("added"), N_("revised"), N_("removed"), N_("unchanged"))
"""How a row's item changed from OLD to NEW (``unchanged``: a headline figure that holds)."""

VALUE_KINDS = (VALUE, RATE, RATIO, MULTIPLE, YEAR, TEXT)
"""The kinds ``old`` and ``new`` may have (how they are formatted for people)."""

Topic = Annotated[str, Schema(enum=list(TOPICS))]
Change = Annotated[str, Schema(enum=list(CHANGES))]
ValueKind = Annotated[str, Schema(enum=list(VALUE_KINDS))]
Shown = Number | str | None

FIGURES_METHOD = (
    "figures (topic 'figure') as 'offshoring cagr' (required_cagr, actual_cagr) and "
    "'offshoring status' (growth_ratio, growth_ratio_band, progress_score, progress_band, "
    "target_reached_year) compute them from each file, with the defaults: each indicator's "
    "latest whole-year figure as baseline, its own target, its earliest whole-year figure as "
    "the assessment's base year"
)


class DiffRow(TypedDict):
    """One change from OLD to NEW: an item of the data, or a headline figure before and after.

    ``old`` is null for an item added, ``new`` for an item removed, and either for a figure
    that cannot be computed on that side (see ``offshoring status`` for why)."""

    metric: Annotated[
        MetricId | None,
        Field(
            "Metric",
            TEXT,
            missing="",
            description="Indicator id; null for a change to the whole dataset (its sources, "
            "segments or insights).",
        ),
    ]
    topic: Annotated[
        Topic,
        Field(
            "Topic",
            TEXT,
            show=False,
            description="What changed: a source, an indicator (added, removed, or its label, "
            "unit or direction), its target, one of its observations, a segment, an insight; "
            "or 'figure', a headline figure of the indicator before and after.",
        ),
    ]
    item: Annotated[
        str,
        Field(
            "Item",
            TEXT,
            show=False,
            description="The item as a key, stable for scripts: a source id "
            "('nap-2026', 'nap-2026.title'), 'indicator', 'indicator.unit', 'target.value', "
            "'{series}.{year}' or '{series}.{year}.{H1|H2}' then '.value', '.source', '.note' or "
            "'.reported_change' for an observation, a segment id, an insight id, or a figure's "
            "key (required_cagr, actual_cagr, growth_ratio, growth_ratio_band, progress_score, "
            "progress_band, target_reached_year).",
        ),
    ]
    label: Annotated[str, Field("What", TEXT, description="The item in words.")]
    change: Annotated[
        Change,
        Field(
            "Change",
            TEXT,
            description="added, revised or removed (NEW against OLD); 'unchanged' only for a "
            "headline figure that holds.",
        ),
    ]
    unit: Annotated[str, UNIT_FIELD]
    kind: Annotated[
        ValueKind,
        Field(
            "Kind",
            TEXT,
            show=False,
            description="How old and new read: value (an amount in unit), rate (a fraction a "
            "year, 0.1048 = 10.48 %), ratio, multiple (2.0 = twice), year, or text.",
        ),
    ]
    old: Annotated[
        Shown,
        Field(
            "Old",
            VALUE,
            kind_from="kind",
            missing="-",
            method=FIGURES_METHOD,
            description="In OLD: a number (see kind and unit) or a text; null: not in OLD, or "
            "not computed there.",
        ),
    ]
    new: Annotated[
        Shown,
        Field(
            "New",
            VALUE,
            kind_from="kind",
            missing="-",
            method=FIGURES_METHOD,
            description="In NEW: a number (see kind and unit) or a text; null: not in NEW, or "
            "not computed there.",
        ),
    ]


class DiffInputs(TypedDict):
    """The two files compared."""

    old: Annotated[str, Field("Old", TEXT, description="OLD: its path, or 'standard input' for -.")]
    new: Annotated[str, Field("New", TEXT, description="NEW: its path, or 'standard input' for -.")]
    old_dataset: Annotated[str, Field("Old dataset", TEXT, description="OLD's dataset name.")]
    new_dataset: Annotated[str, Field("New dataset", TEXT, description="NEW's dataset name.")]
    changed: Annotated[
        bool,
        Field(
            "Changed",
            BOOL,
            description="False when the two files hold the same data (results then empty); "
            "true also when only the dataset's name or description differ (notes say so).",
        ),
    ]


def row(
    metric: str | None,
    topic: str,
    item: str,
    label: str,
    old: Shown,
    new: Shown,
    kind: str = TEXT,
    unit: str = "",
) -> DiffRow:
    """One row; ``change`` from ``old`` and ``new`` (null on one side: added or removed)."""
    if old is None and new is not None:
        change = "added"
    elif new is None and old is not None:
        change = "removed"
    else:
        change = "unchanged" if old == new else "revised"
    return DiffRow(
        metric=metric,
        topic=topic,
        item=item,
        label=label,
        change=change,
        unit=unit,
        kind=kind,
        old=old,
        new=new,
    )


def changed_fields(
    old: Record | None,
    new: Record | None,
    fields: Iterable[tuple[str, str]],
    make: Any,
) -> list[DiffRow]:
    """A row for each field of two records that differs (``make(field, kind, old, new)``)."""
    rows = []
    for name, kind in fields:
        before = None if old is None else _plain(getattr(old, name))
        after = None if new is None else _plain(getattr(new, name))
        if before != after:
            rows.append(make(name, kind, before, after))
    return rows


def _plain(value: Any) -> Any:
    """A field's value as a row holds it: notes (a tuple of texts) joined by "; "; empty
    notes as ``None``."""
    if isinstance(value, tuple):
        return "; ".join(value) or None
    return value


R = TypeVar("R")


def keyed(old: Mapping[str, R], new: Mapping[str, R]) -> list[tuple[str, R | None, R | None]]:
    """The keys of either mapping (OLD's order, then NEW's new ones) with each side's record."""
    return [(key, old.get(key), new.get(key)) for key in dict.fromkeys([*old, *new])]


FIELD_WORDS = {
    "value": N_("value"),
    "source": N_("source"),
    "note": N_("note"),
    "reported_change": N_("reported change"),
    "year": N_("year"),
    "series": N_("series"),
    "described_multiple": N_("described multiple"),
    "label": N_("label"),
    "change": N_("change"),
    "prior": N_("prior"),
    "publisher": N_("publisher"),
    "title": N_("title"),
    "date": N_("date"),
    "url": N_("url"),
    "unit": N_("unit"),
    "direction": N_("direction"),
    "indicator": N_("indicator"),
}
"""The words for the fields of the data a row names (``source nap-2026: title``): the field's
name with spaces for underscores, marked for the catalogues."""


def word(name: str) -> Text:
    """A field's name in words (:data:`FIELD_WORDS`), said in the language where it is shown."""
    return Text(FIELD_WORDS.get(name, name.replace("_", " ")))
