"""The fields of a report row, defined once: :class:`Field` and :func:`fields_of`.

Each report row is a ``TypedDict`` whose keys are annotated with a :class:`Field`::

    class GapRow(TypedDict):
        gap: Annotated[Number, Field("Gap (target - baseline)", VALUE, method="target - baseline")]

That one definition drives every output: the table and Markdown (label, kind, text for a
missing value), JSON and CSV (the keys, and ``methods`` = each field's ``method``), the brief's
method notes and the JSON Schema (``scripts/schemas.py``: types from the annotations,
descriptions from the fields). ``mypy --strict`` checks the keys where a row is built and read.

Type aliases carry JSON Schema keywords with :class:`Schema` (``Year = Annotated[int,
Schema(minimum=1900)]``); only ``scripts/schemas.py`` reads them.
"""

from typing import Any

from offshoring_cli.i18n import N_

NOT_AVAILABLE = N_("n/a")
"""How a table shows a figure that cannot be computed."""

# Kinds: how a value is shown (see :func:`offshoring_cli.render.numbers.value`).
TEXT = "text"
VALUE = "value"
VALUE_PER_YEAR = "value_per_year"
RATE = "rate"
MULTIPLE = "multiple"
RATIO = "ratio"
BOOL = "bool"
YEAR = "year"
YEARS = "years"
INT = "int"
KINDS = (TEXT, VALUE, VALUE_PER_YEAR, RATE, MULTIPLE, RATIO, BOOL, YEAR, YEARS, INT)


class Field:
    """One field of a report row: label, kind, method, description, text for ``None``.

    - ``label``: the human label (table row or column, Markdown, brief);
    - ``kind``: one of :data:`KINDS`, how the value is formatted;
    - ``method``: how the figure is computed (``methods`` in JSON; empty: none given);
    - ``description``: what the value is, for the JSON Schema;
    - ``missing``: text for ``None`` (``"not reached"``, ``""``...);
    - ``pace``: the figure depends on the actual pace: where the row says why it has none (its
      ``reason`` is set), ``None`` reads ``n/a``, never ``missing``;
    - ``show``: shown as a column of the table and Markdown (else JSON and CSV only);
    - ``columns``: the value is a mapping of keys to values, spread into one key (and one column)
      each in every output (``sensitivity``'s change columns; labels given by the report);
    - ``null_unless`` / ``given_if``: the name of a boolean field of the row: the value is
      ``null`` when that field is false / is not ``null`` when it is true (JSON Schema only).

    ``key`` is the row key, set by :func:`fields_of`.
    """

    __slots__ = (
        "columns",
        "description",
        "given_if",
        "key",
        "kind",
        "label",
        "method",
        "missing",
        "null_unless",
        "pace",
        "show",
    )

    def __init__(
        self,
        label: str,
        kind: str,
        *,
        method: str = "",
        description: str = "",
        missing: str = NOT_AVAILABLE,
        pace: bool = False,
        show: bool = True,
        columns: bool = False,
        null_unless: str = "",
        given_if: str = "",
        key: str = "",
    ) -> None:
        self.label = label
        self.kind = kind
        self.method = method
        self.description = description
        self.missing = missing
        self.pace = pace
        self.show = show
        self.columns = columns
        self.null_unless = null_unless
        self.given_if = given_if
        self.key = key

    def keyed(self, key: str, label: str | None = None) -> "Field":
        """A copy of this field under ``key`` (and ``label``, if given)."""
        copy = Field.__new__(Field)
        for name in Field.__slots__:
            setattr(copy, name, getattr(self, name))
        copy.key = key
        if label is not None:
            copy.label = label
        return copy

    def __repr__(self) -> str:
        return f"Field({self.key!r}, {self.label!r}, {self.kind!r})"


class Schema:
    """JSON Schema keywords that a type alias adds (``minimum``, ``pattern``, ``const``...)."""

    __slots__ = ("keywords",)

    def __init__(self, **keywords: Any) -> None:
        self.keywords = keywords


_CACHE: dict[type, tuple[Field, ...]] = {}


def fields_of(row_type: type) -> tuple[Field, ...]:
    """Every :class:`Field` of a row ``TypedDict``, in declaration order, keyed (cached).

    Raises:
        TypeError: a key of ``row_type`` has no :class:`Field` in its annotation.
    """
    cached = _CACHE.get(row_type)
    if cached is not None:
        return cached
    fields = []
    for key, annotation in row_type.__annotations__.items():
        found = [m for m in getattr(annotation, "__metadata__", ()) if isinstance(m, Field)]
        if not found:
            raise TypeError(f"{row_type.__name__}.{key} has no Field(...) in its annotation")
        fields.append(found[-1].keyed(key))
    _CACHE[row_type] = result = tuple(fields)
    return result


def methods_of(row_type: type) -> dict[str, str]:
    """``{key: method}`` for the fields of ``row_type`` that give a method (JSON ``methods``)."""
    return {f.key: f.method for f in fields_of(row_type) if f.method}
