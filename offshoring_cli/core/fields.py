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

Row modules take ``TypedDict`` and ``Annotated`` from here, not from :mod:`typing`: for the type
checker they *are* typing's (a misspelt key is a type error); at run time they are light
stand-ins (:class:`RowDict`, :class:`AnnotatedType`) that keep the same facts -- the class's
``__annotations__``, each annotation's ``__origin__`` and flattened ``__metadata__`` -- and a
row is a plain ``dict``. typing's own classes cost about 0.24 M CPU instructions a field to
build (``Annotated`` subscription and ``TypedDict``'s checks), some 7 M on the path of
``gap --json`` alone, every run: more than the rest of the report (``benchmarks/startup.py``).
"""

from typing import TYPE_CHECKING, Any

from offshoring_cli.i18n import N_

NOT_AVAILABLE = N_("n/a")
"""How a table shows a figure that cannot be computed."""

# Kinds: how a value is shown (see :func:`offshoring_cli.i18n.numbers.value`).
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
      ``null`` when that field is false / is not ``null`` when it is true (JSON Schema only);
    - ``kind_from``: the name of a text field of the row that holds this value's kind, for a
      value whose kind differs from row to row (``scenario diff``'s old and new: a rate in one
      row, an amount or a band in the next); ``kind`` is used where that field is empty.

    ``key`` is the row key, set by :func:`fields_of`.
    """

    __slots__ = (
        "columns",
        "description",
        "given_if",
        "key",
        "kind",
        "kind_from",
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
        kind_from: str = "",
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
        self.kind_from = kind_from
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


class AnnotatedType:
    """Run-time stand-in of ``typing.Annotated[T, *metadata]``: ``__origin__`` is ``T``,
    ``__metadata__`` the metadata, flattened as typing does (``Annotated[Annotated[T, a],
    b]`` has ``(a, b)``); ``X | None`` makes an :class:`AnyOfType`."""

    __slots__ = ("__metadata__", "__origin__")
    __origin__: Any
    __metadata__: tuple[Any, ...]

    def __init__(self, origin: Any, metadata: tuple[Any, ...]) -> None:
        if isinstance(origin, AnnotatedType):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        self.__origin__ = origin
        self.__metadata__ = metadata

    def __class_getitem__(cls, params: tuple[Any, ...]) -> "AnnotatedType":
        return cls(params[0], params[1:])

    def __or__(self, other: Any) -> "AnyOfType":
        return AnyOfType((self, other))

    def __ror__(self, other: Any) -> "AnyOfType":
        return AnyOfType((other, self))

    def __repr__(self) -> str:
        return f"Annotated[{self.__origin__!r}, {', '.join(map(repr, self.__metadata__))}]"


class AnyOfType:
    """Run-time stand-in of a union with an :class:`AnnotatedType` among its options."""

    __slots__ = ("options",)

    def __init__(self, options: tuple[Any, ...]) -> None:
        self.options = options

    def __or__(self, other: Any) -> "AnyOfType":
        return AnyOfType((*self.options, other))

    def __repr__(self) -> str:
        return " | ".join(map(repr, self.options))


class RowDict:
    """Run-time stand-in of ``typing.TypedDict``: a subclass keeps its ``__annotations__``
    (read by :func:`fields_of`); calling it makes a plain ``dict``, as ``TypedDict``'s
    classes do. A subclass's ``__annotations__`` start with its bases' keys, as a
    ``TypedDict``'s."""

    def __init_subclass__(cls) -> None:
        # A class's own annotations, without inspect.get_annotations (inspect is a heavy
        # import for every run); a class body's __annotations__ is always a plain dict.
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        merged: dict[str, Any] = {}
        for base in cls.__bases__:  # in order, each base's keys already merged, as TypedDict
            merged.update(base.__dict__.get("__annotations__", {}))  # noqa: RUF063
        if merged:
            cls.__annotations__ = merged | own

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        return dict(*args, **kwargs)


if TYPE_CHECKING:
    from typing import Annotated as Annotated
    from typing import TypedDict as TypedDict
else:
    Annotated = AnnotatedType
    TypedDict = RowDict


def as_typing(annotation: Any) -> Any:
    """``annotation`` with this module's run-time stand-ins replaced by typing's own objects
    (``Annotated[...]``, ``Union[...]``), for tools that inspect types (``scripts/schemas.py``)."""
    import functools
    import operator
    from typing import Annotated as TypingAnnotated

    if isinstance(annotation, AnnotatedType):
        return TypingAnnotated[(as_typing(annotation.__origin__), *annotation.__metadata__)]
    if isinstance(annotation, AnyOfType):
        return functools.reduce(operator.or_, (as_typing(o) for o in annotation.options))
    return annotation


def is_row(annotation: Any) -> bool:
    """Whether ``annotation`` is a row class: a ``TypedDict`` of this module's or typing's."""
    from typing import is_typeddict

    return is_typeddict(annotation) or (
        isinstance(annotation, type)
        and annotation is not RowDict
        and issubclass(annotation, RowDict)
    )
