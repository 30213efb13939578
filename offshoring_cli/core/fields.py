"""The columns of a report: :class:`Field` (key, label, kind, text for a missing value)."""

from typing import NamedTuple

NOT_AVAILABLE = "n/a"
"""How a table shows a figure that cannot be computed."""


class Field(NamedTuple):
    """A column of a report: key in JSON/CSV, human label, how to format it, text for ``None``.

    Kinds: see :func:`offshoring_cli.render.numbers.value` (``value``, ``value_per_year``,
    ``rate``, ``multiple``, ``ratio``, ``bool``; anything else is shown as it is).
    """

    key: str
    label: str
    kind: str
    missing: str = NOT_AVAILABLE
    """Text for ``None`` (``"not reached"``, ``""``...)."""
    pace: bool = False
    """The figure depends on the actual pace: where the row cannot give it (its ``reason`` is
    set: one observation only, or a target already met), ``None`` reads ``n/a``, never
    ``missing``."""
