"""The columns of a report: :class:`Field` (key, label, kind, text for a missing value)."""

from __future__ import annotations

from offshoring_cli.core.records import Record

NOT_AVAILABLE = "n/a"
"""How a table shows a figure that cannot be computed."""


class Field(Record):
    """A column of a report: key in JSON/CSV, human label, how to format it, text for ``None``.

    Kinds: see :func:`offshoring_cli.render.numbers.value` (``value``, ``value_per_year``,
    ``rate``, ``multiple``, ``ratio``, ``bool``; anything else is shown as it is).
    """

    __slots__ = ("key", "label", "kind", "missing", "pace")  # noqa: RUF023 (the fields in order)
    key: str
    label: str
    kind: str
    missing: str
    """Text for ``None`` (``"not reached"``, ``""``...)."""
    pace: bool
    """The figure depends on the actual pace: where the row cannot give it (its ``reason`` is
    set: one observation only, or a target already met), ``None`` reads ``n/a``, never
    ``missing``."""

    def __init__(
        self, key: str, label: str, kind: str, missing: str = NOT_AVAILABLE, pace: bool = False
    ) -> None:
        self.key = key
        self.label = label
        self.kind = kind
        self.missing = missing
        self.pace = pace
