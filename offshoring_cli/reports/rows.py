"""Rows made on demand: a report's rows as a sequence that is never held in memory at once.

A report of many rows (``trajectory``: one per indicator and year, 56,000 for 1,000
indicators) hands the renderers a :class:`LazyRows`: blocks of rows (one per indicator), each
made by a function when it is read, as tuples of cells in the order of the row's keys (no dict
built per row), so that JSON and CSV are written as the rows are made, in flat memory
(:mod:`offshoring_cli.render.json_document`, :mod:`~offshoring_cli.render.csv_rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import Any, Generic, TypeVar, cast, overload

Row = TypeVar("Row")

Cells = tuple[Any, ...]
"""One row's values, in the order of :attr:`LazyRows.columns`."""


class LazyRows(Sequence[Row], Generic[Row]):
    """A sequence of rows made block by block each time it is read.

    ``blocks``: ``(count, make)`` pairs, ``make()`` yielding the block's ``count`` rows as
    :data:`Cells`; ``columns``: the keys of every row, in order (each row has all of them), so
    that CSV can write its header before the first row is made.

    :meth:`cells` gives the rows as tuples (for JSON and CSV); iterating gives them as dicts
    (``dict(zip(columns, cells))``, the row ``TypedDict``). Either makes the rows again (they
    are cheap and not kept); ``len`` is known without making them. Indexing makes the whole
    list first: fine for a look at a row (``rows[0]``), not for a loop over indices (iterate
    instead). Equal to a list of the same rows.
    """

    __slots__ = ("_blocks", "_count", "columns")

    def __init__(
        self, blocks: Sequence[tuple[int, Callable[[], Iterator[Cells]]]], columns: Sequence[str]
    ) -> None:
        self._blocks = tuple(blocks)
        self._count = sum(count for count, _ in self._blocks)
        self.columns = tuple(columns)

    def cells(self) -> Iterator[Cells]:
        """Every row's cells, in the order of :attr:`columns`, made as they are read."""
        return chain.from_iterable(make() for _, make in self._blocks)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Row]:
        columns = self.columns
        for cells in self.cells():
            yield cast(Row, dict(zip(columns, cells, strict=True)))

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyRows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyRows({self._count} rows)"
